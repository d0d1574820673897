//! The browser suite: a site built by `torg`, served by a real nginx with the configuration the
//! project ships (`docs/nginx/torg.conf`), checked in headless Chromium by
//! `tests/browser/suite.mjs` (axe-core, reflow, text size, keyboard, right-to-left, page weight),
//! and every page validated by the Nu HTML Checker.
//!
//! `bash tests/run.sh` installs nginx, Chromium and the npm packages. A missing one fails these
//! tests with the command that installs it, in CI and out: a skipped browser test proves nothing.

mod common;

use common::{Project, repo};
use std::fs;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

#[test]
fn bundled_portals_pass_in_a_real_browser() {
    let work = tempfile::tempdir().expect("temp dir");
    let site = work.path().join("public");
    let build = Command::new(env!("CARGO_BIN_EXE_torg"))
        .current_dir(repo())
        .args(["build", "--strict", "--out"])
        .arg(&site)
        .output()
        .expect("run torg");
    assert!(
        build.status.success(),
        "build failed:\n{}",
        text(&build.stderr)
    );

    let shots = repo().join("target/browser-screenshots");
    let cases = repo().join("tests/browser/search-cases.json");
    let run = run_suite(&site, work.path(), &shots, Some(&cases), None);
    // Straight to the terminal, past the test harness's capture: the heaviest pages and the
    // screenshot folder are for a person to read after every run, not only after a failure.
    let _ = std::io::stderr().write_all(&run.stdout);
    assert!(
        run.status.success(),
        "the browser suite found problems (listed above):\n{}",
        text(&run.stderr)
    );
    let report = text(&run.stdout);
    assert!(report.contains(" 0 problem(s)"));
    assert!(
        report.contains("  search: "),
        "the search queries did not run"
    );
    let nu = nu_checker(&site);
    assert!(
        nu.status.success(),
        "the Nu HTML Checker found errors:\n{}",
        text(&nu.stderr)
    );
}

/// The suite must be able to fail: a theme broken in one way per check gets each one reported.
#[test]
fn the_suite_reports_each_kind_of_problem() {
    let project = Project::new();
    project.write("content/demo/theme/static/torg.css", broken_css());
    // A theme whose script never registers the service worker: nothing is kept for offline.
    project.write("content/demo/theme/static/offline.js", "// does nothing\n");
    // A home page that offers a category without services, in a list that is not valid HTML.
    project.write(
        "content/demo/theme/templates/home.html",
        "{% extends \"base.html\" %}{% block main %}<h1>{{ municipality }}</h1><ul class=\"cards\">\
         <li><a href=\"{{ home_url }}\"><strong>Tom</strong> <span class=\"count\">0 tjenester</span></a></li>\
         <p>Not a list item</p></ul>{% endblock main %}",
    );
    let built = project.build(&["--base-url", "https://portal.example.org/"]);
    assert!(built.status.success(), "{}", text(&built.stderr));

    // A query that cannot find what it expects.
    project.write(
        "search-cases.json",
        r#"[{ "portal": "demo", "lang": "nb", "query": "zzzz", "expect": "/services/none/" }]"#,
    );
    let run = run_suite(
        &project.path("public"),
        project.dir.path(),
        &project.path("shots"),
        Some(&project.path("search-cases.json")),
        None,
    );
    let report = text(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(1),
        "{report}\n{}",
        text(&run.stderr)
    );
    for expected in [
        "FAIL axe color-contrast",
        "FAIL reflow-320px",
        "FAIL page-weight",
        "FAIL lang-dir",
        "FAIL mirroring",
        "is displayed out of order",
        "not the skip link",
        "FAIL focus-visible",
        "FAIL text-200%-clipped",
        "FAIL text-200%-overlap",
        "FAIL search: ",
        "FAIL header-height",
        "FAIL facts-first",
        "FAIL language-menu",
        "FAIL empty-category",
        "FAIL word-break",
        "FAIL print",
        "FAIL offline",
        "FAIL structured-data",
    ] {
        assert!(
            report.contains(expected),
            "no {expected:?} in the report:\n{report}"
        );
    }
    let nu = nu_checker(&project.path("public"));
    let errors = text(&nu.stderr);
    assert!(
        !nu.status.success(),
        "the Nu HTML Checker passed:\n{errors}"
    );
    assert!(
        errors.contains("demo/nb/index.html")
            && errors.contains("“p” not allowed as child of element “ul”"),
        "{errors}"
    );
}

/// Contacts at 320 px in DejaVu Sans, much wider than a phone's font: the phone number stays on one
/// line and a long e-mail address wraps only after `@` or before a dot. A stylesheet that lets
/// them wrap anywhere fails, so the check accepts exactly those breaks.
#[test]
fn contacts_wrap_only_where_a_reader_expects() {
    let project = Project::new();
    project.write(
        "content/demo/services/helsestasjon.yaml",
        "category: health\ncost: free\nmeasures: [helse/helseteam]\ncontact:\n  phone: \"+47 12 34 56 70\"\n  \
         email: helsestasjonen.for.barn.og.unge@familiesenteret.demoby.kommune.example.org\n",
    );
    let theme = fs::read_to_string(repo().join("themes/default/static/torg.css")).expect("css");
    let wide = format!("{theme}\nbody {{ font-family: \"DejaVu Sans\"; }}\n");
    let run_with = |css: &str| {
        project.write("content/demo/theme/static/torg.css", css);
        let built = project.build(&[]);
        assert!(built.status.success(), "{}", text(&built.stderr));
        let only = "^/demo/(nb|ar)/services/helsestasjon/$";
        let run = run_suite(
            &project.path("public"),
            project.dir.path(),
            &project.path("shots"),
            None,
            Some(only),
        );
        (run.status.code(), text(&run.stdout))
    };
    let (code, report) = run_with(&wide);
    assert_eq!(code, Some(0), "{report}");
    assert!(report.contains("2 pages, 0 problem(s)"), "{report}");

    let anywhere = format!(
        "{wide}a[href^=\"mailto:\"] > span {{ white-space: normal; word-break: break-all; }}\n\
         a[href^=\"tel:\"] {{ white-space: normal; display: inline-block; max-inline-size: 4ch; }}\n"
    );
    let (code, report) = run_with(&anywhere);
    assert_eq!(code, Some(1), "{report}");
    assert!(
        report.contains("\"+47 12 34 56 70\" is broken over lines"),
        "{report}"
    );
    let mid_word = report
        .lines()
        .filter(|l| {
            l.contains("helsestasjonen.for.barn") && l.contains("is broken over lines between")
        })
        .filter(|l| !l.contains("between \"@\"") && !l.contains("and \".\""))
        .count();
    assert!(
        mid_word > 0,
        "no break inside a piece of the address reported:\n{report}"
    );
}

/// A portal with its own logo, colour and website, and an Arabic translation behind its
/// Norwegian source: the header still fits the first screen, the colour passes axe's contrast
/// check, the logo has its text, the notice and its link pass axe and the direction checks.
#[test]
fn a_portal_with_its_logo_colour_and_a_translation_behind_passes() {
    let project = Project::new();
    project.mark_translated("content/demo/services/fastlege.ar.md");
    project.edit(
        "content/demo/services/fastlege.nb.md",
        "Alle har rett",
        "Alle som bor her har rett",
    );
    project.write(
        "content/demo/theme/static/shield.svg",
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 48"><path d="M2 2h36v22c0 12-8 18-18 22C10 42 2 36 2 24z" fill="#f4f4f4" stroke="#222" stroke-width="2"/><path d="M10 14h20v6H10zM17 8h6v30h-6z" fill="#a3241d"/></svg>"##,
    );
    let site = fs::read_to_string(project.path("content/demo/site.yaml")).expect("site.yaml");
    project.write(
        "content/demo/site.yaml",
        format!("{site}  web: https://www.example.org/\naccent: \"#7a2335\"\nlogo:\n  file: shield.svg\n  alt:\n    nb: Demo kommunes våpen\n    ar: شعار بلدية ديمو\n"),
    );
    let built = project.build(&[]);
    assert!(built.status.success(), "{}", text(&built.stderr));
    let arabic = fs::read_to_string(project.path("public/demo/ar/services/fastlege/index.html"));
    assert!(
        arabic.expect("page").contains(r#"hreflang="nb">"#),
        "the notice is there"
    );
    let shots = repo().join("target/browser-screenshots/identity");
    let only = "^/demo/(nb|ar)/(services/fastlege/)?$";
    let run = run_suite(
        &project.path("public"),
        project.dir.path(),
        &shots,
        None,
        Some(only),
    );
    let report = text(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{report}\n{}",
        text(&run.stderr)
    );
    assert!(report.contains("4 pages, 0 problem(s)"), "{report}");
}

/// One stylesheet that breaks every rule the suite checks, and weighs more than any budget.
fn broken_css() -> String {
    let mut css = String::from(
        "html { direction: ltr; }
         a { color: #bbb; }
         a:focus, a:focus-visible { outline: none; }
         .skip { display: none; }
         .site-footer { min-inline-size: 30rem; }
         h1 { block-size: 40px; }
         .lead { max-block-size: 30px; overflow: hidden; }
         a[href^=\"tel:\"] { direction: rtl; unicode-bidi: bidi-override; }
         .site-header { padding-block: 3rem; }
         .facts-box { margin-block-start: 700px; }
         .langs-menu > nav { display: none; }
         p { word-break: break-all; }
         @media print { .site-header { display: block !important; } }\n",
    );
    // Incompressible filler, so gzip cannot bring it under the budget.
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    css.push_str("/* ");
    for _ in 0..80_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        css.push(char::from(b'a' + (x % 26) as u8));
    }
    css.push_str(" */\n");
    css
}

/// The Nu HTML Checker (the W3C's validator, from the `vnu-jar` npm package, run with Debian's
/// Java) over every HTML file of `site`; errors only, one per line on stderr.
fn nu_checker(site: &Path) -> Output {
    let java = require_program("java", &["/usr/bin/java"]);
    let jar = repo().join("tests/browser/node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.is_file(),
        "the Nu HTML Checker is not installed: run `bash tests/run.sh` (or `npm ci` in tests/browser)"
    );
    Command::new(java)
        .arg("-jar")
        .arg(jar)
        .args(["--errors-only", "--skip-non-html", "--format", "gnu"])
        .arg(site)
        .output()
        .expect("run java")
}

/// Serves `site` with nginx and runs the suite against it; `work` holds nginx's files.
/// `only` limits the suite to the addresses matching a regular expression (`TORG_ONLY`).
fn run_suite(
    site: &Path,
    work: &Path,
    shots: &Path,
    search_cases: Option<&Path>,
    only: Option<&str>,
) -> Output {
    let chromium = require_program("chromium", &["/usr/bin/chromium"]);
    let node_modules = repo().join("tests/browser/node_modules");
    assert!(
        node_modules.join("playwright-core").is_dir() && node_modules.join("axe-core").is_dir(),
        "the npm packages of the browser suite are not installed: run `bash tests/run.sh` \
         (or `npm ci` in tests/browser)"
    );
    let nginx = Nginx::start(site, work);
    let mut node = Command::new(require_program("node", &[]));
    if let Some(cases) = search_cases {
        node.env("TORG_SEARCH_CASES", cases);
    }
    if let Some(only) = only {
        node.env("TORG_ONLY", only);
    }
    node.arg(repo().join("tests/browser/suite.mjs"))
        .env("TORG_BASE_URL", format!("http://127.0.0.1:{}", nginx.port))
        .env("TORG_SITE_DIR", site)
        .env("TORG_SCREENSHOTS", shots)
        .env("TORG_CHROMIUM", chromium)
        .stdin(Stdio::null())
        .output()
        .expect("run node")
}

/// nginx on 127.0.0.1, on a free port, as one process that dies with the test.
struct Nginx {
    child: Child,
    port: u16,
}

impl Nginx {
    fn start(site: &Path, work: &Path) -> Nginx {
        let nginx = require_program("nginx", &["/usr/sbin/nginx"]);
        let dir = work.join("nginx");
        fs::create_dir_all(dir.join("temp")).expect("mkdir");
        let port = free_port();
        let conf = dir.join("nginx.conf");
        fs::write(&conf, nginx_conf(site, &dir, port)).expect("write nginx.conf");
        let mut child = Command::new(nginx)
            .arg("-p")
            .arg(&dir)
            .arg("-e")
            .arg(dir.join("error.log"))
            .arg("-c")
            .arg(&conf)
            .stdin(Stdio::null())
            .spawn()
            .expect("start nginx");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            let log = fs::read_to_string(dir.join("error.log")).unwrap_or_default();
            if let Ok(Some(status)) = child.try_wait() {
                panic!("nginx stopped ({status}):\n{log}");
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "nginx did not start:\n{log}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Nginx { child, port }
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A minimal main configuration around the shipped `docs/nginx/torg.conf`. The master process is
/// off so that one kill stops it, and a root master would hand requests to `nobody`, who may not
/// read a private temp folder.
fn nginx_conf(site: &Path, dir: &Path, port: u16) -> String {
    let temp = dir.join("temp");
    let temp = temp.display();
    format!(
        "daemon off;
master_process off;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {temp}; proxy_temp_path {temp}; fastcgi_temp_path {temp};
    uwsgi_temp_path {temp}; scgi_temp_path {temp};
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {rules};
    }}
}}
",
        dir = dir.display(),
        site = site.display(),
        rules = repo().join("docs/nginx/torg.conf").display(),
    )
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("address").port()
}

/// The program on PATH or at one of `places`; a clear failure when it is not installed.
fn require_program(name: &str, places: &[&str]) -> PathBuf {
    let on_path = std::env::var_os("PATH")
        .map(|p| {
            std::env::split_paths(&p)
                .map(|d| d.join(name))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    on_path
        .into_iter()
        .chain(places.iter().map(PathBuf::from))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!("{name} is not installed: run `bash tests/run.sh`, which installs it (as root)")
        })
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
