//! `torg serve` run as an editor runs it: the real binary on a copy of the fixture project, talked
//! to over real HTTP, with real file edits picked up by the real file watcher.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::thread;
use std::time::{Duration, Instant};

use common::{Project, repo, tree};

const WAIT: Duration = Duration::from_secs(15);

/// A running `torg serve`, stopped with SIGINT (Ctrl-C) when the test ends.
struct Server {
    child: Child,
    port: u16,
    terminal: Receiver<String>,
}

impl Server {
    /// Started on the fixture as it is, which builds: every page rendered before serving.
    fn start(project: &Project) -> Server {
        let server = Server::spawn(project, &[]);
        let first = server.terminal_line("rebuilt after everything");
        assert!(first.contains(": 85 pages rendered"), "{first}");
        server.terminal_line("serving");
        server
    }

    /// `torg serve` with `extra` arguments, on a free port, without waiting for anything.
    fn spawn(project: &Project, extra: &[&str]) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let mut child = Command::new(env!("CARGO_BIN_EXE_torg"))
            .current_dir(project.dir.path())
            .args(["serve", "--port", &port.to_string(), "--themes"])
            .arg(repo().join("themes"))
            .arg("--locales")
            .arg(repo().join("locales"))
            .args(extra)
            .stdin(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start torg serve");
        let (tx, terminal) = channel();
        let stderr = child.stderr.take().expect("stderr");
        thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        Server {
            child,
            port,
            terminal,
        }
    }

    /// Waits for the server to stop by itself; its exit code.
    fn exit_code(mut self) -> Option<i32> {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status.code();
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("torg serve did not stop by itself");
    }

    /// Waits for a terminal line containing `text`; returns it.
    fn terminal_line(&self, text: &str) -> String {
        let deadline = Instant::now() + WAIT;
        while let Ok(line) = self.terminal.recv_timeout(deadline - Instant::now()) {
            if line.contains(text) {
                return line;
            }
        }
        panic!("the terminal never showed {text:?}");
    }

    /// Sends `target` exactly as given (no normalisation), returns status and body, the body as a
    /// reader sees its words: without the soft hyphens the build puts into long words.
    fn get(&self, target: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("read");
        let status = response
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status in {response:?}"));
        (status, response.replace('\u{ad}', ""))
    }

    /// Opens the live-reload event stream, returning once it is connected.
    fn events(&self) -> BufReader<TcpStream> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect");
        stream.set_read_timeout(Some(WAIT)).expect("timeout");
        write!(
            stream,
            "GET /__torg/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        )
        .expect("send");
        let mut events = BufReader::new(stream);
        next_event_line(&mut events, ": connected");
        events
    }

    /// Ctrl-C; the server must stop by itself, cleanly.
    fn stop(mut self) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .expect("kill");
        assert!(sent.success());
        let status = self.child.wait().expect("wait");
        assert!(status.success(), "torg serve exited with {status}");
        self.terminal_line("stopped");
    }
}

fn next_event_line(events: &mut BufReader<TcpStream>, wanted: &str) {
    let mut line = String::new();
    loop {
        line.clear();
        let n = events
            .read_line(&mut line)
            .expect("event stream ended or timed out");
        assert!(n > 0, "event stream closed before {wanted:?}");
        if line.trim_end() == wanted {
            return;
        }
    }
}

#[test]
fn edits_reload_pages_and_errors_show_over_them() {
    let p = Project::new();
    // The Polish text is stamped as translated from the current Norwegian one.
    p.mark_translated("content/demo/services/fastlege.pl.md");
    let server = Server::start(&p);
    let page = "/demo/nb/services/fastlege/";
    let (status, body) = server.get(page);
    assert_eq!(status, 200);
    assert!(body.contains("<h1>Fastlege</h1>"));
    assert!(body.contains("/__torg/live.js"), "reload script injected");
    assert!(
        !fs::read_to_string(p.path("public/demo/nb/services/fastlege/index.html"))
            .expect("page on disk")
            .contains("__torg"),
        "the files on disk are build output, without the script"
    );

    let fragments = || {
        fs::read_dir(p.path("public/demo/pagefind/fragment"))
            .expect("search index")
            .map(|e| e.expect("entry").file_name())
            .collect::<std::collections::BTreeSet<_>>()
    };
    let before = fragments();
    let mut events = server.events();
    p.edit(
        "content/demo/services/fastlege.nb.md",
        "title: Fastlege",
        "title: Fastlegen din",
    );
    next_event_line(&mut events, "event: reload");
    // Only the pages that show the service are rendered again: the service, home (counts), the 5
    // category pages, the 2 theme pages (they list services by measure) and the search page (it
    // lists every service), in Norwegian and in Polish, whose stamped translation is now behind
    // (the other languages' texts are not stamped): 20 of the portal's 85 pages.
    let line = server.terminal_line("rebuilt after content/demo/services/fastlege.nb.md");
    assert!(line.contains(": 20 pages rendered, "), "{line}");
    let (_, polish) = server.get("/demo/pl/services/fastlege/");
    assert!(
        polish.contains("To tłumaczenie może być nieaktualne"),
        "{polish}"
    );
    // Fragments are named by their content: the Norwegian pages that show the title (the
    // service and a theme page that links it) and the Polish service page with its notice have
    // new fragments, their old ones are gone, and the other languages' fragments are untouched.
    let after = fragments();
    let (gone, new): (Vec<_>, Vec<_>) = (
        before.difference(&after).collect(),
        after.difference(&before).collect(),
    );
    assert!(
        !new.is_empty() && new.len() == gone.len(),
        "{gone:?} {new:?}"
    );
    let shown = |f: &&std::ffi::OsString| {
        let name = f.to_string_lossy();
        name.starts_with("nb_") || name.starts_with("pl_")
    };
    assert!(new.iter().chain(&gone).all(shown), "{gone:?} {new:?}");
    let (_, body) = server.get(page);
    assert!(
        body.contains("<h1>Fastlegen din</h1>"),
        "new content served"
    );

    // Many editors save by writing a temporary file and renaming it over the original.
    let before = fragments();
    let text = fs::read_to_string(p.path("content/demo/services/fastlege.en.md")).expect("read");
    p.write(
        "content/demo/services/.fastlege.en.md.tmp",
        text.replace("title: GP", "title: Your GP"),
    );
    fs::rename(
        p.path("content/demo/services/.fastlege.en.md.tmp"),
        p.path("content/demo/services/fastlege.en.md"),
    )
    .expect("rename");
    next_event_line(&mut events, "event: reload");
    let (_, body) = server.get("/demo/en/services/fastlege/");
    assert!(
        body.contains("<h1>Your GP (fastlege)</h1>"),
        "a write-rename save is picked up"
    );
    // Only English fragments changed.
    let after = fragments();
    let changed: Vec<_> = before.symmetric_difference(&after).collect();
    let english = |f: &&std::ffi::OsString| f.to_string_lossy().starts_with("en_");
    assert!(
        !changed.is_empty() && changed.iter().all(english),
        "{changed:?}"
    );

    // A service with no Polish, Lithuanian or Arabic text shows the Norwegian one there: its
    // Norwegian text is rendered again in those languages too, not in English.
    p.edit(
        "content/demo/services/helsestasjon.nb.md",
        "title: Helsestasjon",
        "title: Helsestasjonen",
    );
    next_event_line(&mut events, "event: reload");
    let line = server.terminal_line("rebuilt after content/demo/services/helsestasjon.nb.md");
    assert!(line.contains(": 40 pages rendered, "), "{line}");
    let (_, body) = server.get("/demo/pl/services/helsestasjon/");
    assert!(
        body.contains("Helsestasjonen"),
        "the Polish page shows the new source text"
    );

    let cold = p.build_into("cold", &[]);
    assert!(
        cold.status.success(),
        "{}",
        String::from_utf8_lossy(&cold.stderr)
    );
    // After these edits, every file serve wrote equals a cold build's: the pages it did not
    // render again, the languages it did not index again.
    let (served, cold) = (tree(&p.path("public")), tree(&p.path("cold")));
    assert_eq!(
        served.keys().collect::<Vec<_>>(),
        cold.keys().collect::<Vec<_>>()
    );
    let differ: Vec<_> = served.keys().filter(|k| served[*k] != cold[*k]).collect();
    assert!(
        differ.is_empty(),
        "serve's files differ from a cold build's: {differ:?}"
    );

    p.edit(
        "content/demo/services/fastlege.yaml",
        "category: health",
        "category: helse",
    );
    next_event_line(&mut events, "event: problems");
    server.terminal_line("error[yaml]: content/demo/services/fastlege.yaml:1");
    let (_, body) = server.get(page);
    assert!(body.contains("id=\"torg-errors\""), "overlay shown");
    assert!(
        body.contains("content/demo/services/fastlege.yaml:1:11"),
        "file, line and column"
    );
    assert!(
        body.contains("<h1>Fastlegen din</h1>"),
        "last good page kept under the overlay"
    );

    p.edit(
        "content/demo/services/fastlege.yaml",
        "category: helse",
        "category: health",
    );
    next_event_line(&mut events, "event: reload");
    let (_, body) = server.get(page);
    assert!(!body.contains("torg-errors"), "overlay gone once fixed");

    // A link pasted from the live portal is checked like an `@/` link, with its line.
    let glossary = ("(@/glossary#flyktning)", "(/demo/nb/glossary/#flyktnin)");
    p.edit(
        "content/demo/services/fastlege.nb.md",
        glossary.0,
        glossary.1,
    );
    next_event_line(&mut events, "event: problems");
    server.terminal_line("error[broken-anchor]: content/demo/services/fastlege.nb.md:8");
    p.edit(
        "content/demo/services/fastlege.nb.md",
        glossary.1,
        glossary.0,
    );
    next_event_line(&mut events, "event: reload");

    // Deleting a service removes its pages, and the portal's other pages stop listing it.
    assert_eq!(server.get("/demo/nb/services/norskkurs/").0, 200);
    fs::remove_file(p.path("content/demo/services/norskkurs.yaml")).expect("rm");
    fs::remove_file(p.path("content/demo/services/norskkurs.nb.md")).expect("rm");
    next_event_line(&mut events, "event: reload");
    assert_eq!(server.get("/demo/nb/services/norskkurs/").0, 404);
    assert!(
        !p.path("public/demo/nb/services/norskkurs").exists(),
        "its folder is gone"
    );
    let (_, category) = server.get("/demo/nb/category/schooling/");
    assert!(!category.contains("/services/norskkurs/"), "{category}");
    server.stop();
}

#[test]
fn serves_only_the_output_folder() {
    let p = Project::new();
    p.write("secret.txt", "do not serve");
    let server = Server::start(&p);
    #[cfg(unix)]
    std::os::unix::fs::symlink(p.path("secret.txt"), p.path("public/demo/link.txt")).expect("link");
    for target in [
        "/../secret.txt",
        "/demo/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/demo/..%5C..%5Csecret.txt",
        "/demo/link.txt",
        "http://127.0.0.1/../secret.txt",
    ] {
        let (status, body) = server.get(target);
        assert_eq!(status, 403, "{target}");
        assert!(!body.contains("do not serve"), "{target}");
    }
    let (status, body) = server.get("/demo/nb/no-such-page/");
    assert_eq!(status, 404);
    assert!(body.contains("lang=\"nb\""), "the portal's own 404 page");
    let (status, body) = server.get("/demo/static/torg.css");
    assert_eq!(status, 200);
    assert!(body.contains("Content-Type: text/css"));
    let (status, body) = server.get("/demo/nb");
    assert_eq!(status, 301);
    assert!(body.contains("Location: /demo/nb/"));
    // `Location: //demo/` would send the browser to a host named `demo`.
    for target in ["//demo", "///demo", "/%2Fdemo"] {
        let (status, body) = server.get(target);
        assert_eq!(status, 301, "{target}");
        assert!(body.contains("Location: /demo/\r\n"), "{target}: {body}");
    }
    let (status, body) = server.get("/\\demo");
    assert_eq!(status, 403);
    assert!(!body.contains("Location"), "{body}");
    server.stop();
}

/// The same refusal as `torg build`, before the server writes or even creates anything.
#[test]
fn serve_refuses_an_output_folder_that_holds_the_project() {
    let p = Project::new();
    p.write("out.txt", "a file");
    let site = fs::read(p.path("content/demo/site.yaml")).expect("site.yaml");
    for (out, words) in [
        ("..", "contains the content folder `content`"),
        ("out.txt", "is a file, not a folder"),
    ] {
        let server = Server::spawn(&p, &["--out", out]);
        let error = server.terminal_line("error[usage]");
        let message = server.terminal_line("The output folder");
        assert!(message.contains(words), "--out {out}: {error}\n{message}");
        assert_eq!(server.exit_code(), Some(2), "--out {out}");
        assert_eq!(
            fs::read(p.path("content/demo/site.yaml")).ok(),
            Some(site.clone())
        );
    }
    assert_eq!(
        fs::read_to_string(p.path("out.txt")).expect("file"),
        "a file"
    );
    assert!(
        !p.path("../.torg-output").exists(),
        "nothing written above the project"
    );
    assert!(!p.path("public").exists(), "nothing written at all");
}

/// Started on broken content with no earlier output, every address shows the problems instead
/// of a bare 404, and the pages appear once the file is fixed.
#[test]
fn broken_content_at_start_shows_the_problems_until_fixed() {
    let p = Project::new();
    p.edit(
        "content/demo/services/fastlege.yaml",
        "category: health",
        "category: helse",
    );
    let server = Server::spawn(&p, &[]);
    server.terminal_line("not rebuilt after everything");
    server.terminal_line("serving");
    for target in ["/", "/demo/nb/", "/demo/nb/services/fastlege/"] {
        let (status, body) = server.get(target);
        assert_eq!(status, 503, "{target}");
        assert!(body.contains("Content-Type: text/html"), "{body}");
        assert!(body.contains("<html lang=\"en\" dir=\"ltr\">"), "{body}");
        assert!(body.contains("id=\"torg-errors\""), "{body}");
        assert!(
            body.contains("content/demo/services/fastlege.yaml:1:11"),
            "{body}"
        );
        assert!(body.contains("/__torg/live.js"), "reloads once fixed");
    }
    let mut events = server.events();
    p.edit(
        "content/demo/services/fastlege.yaml",
        "category: helse",
        "category: health",
    );
    next_event_line(&mut events, "event: reload");
    let (status, body) = server.get("/demo/nb/");
    assert_eq!(status, 200);
    assert!(!body.contains("torg-errors"), "problems gone once fixed");
    assert_eq!(server.get("/demo/nb/no-such-page/").0, 404);
    server.stop();
}
