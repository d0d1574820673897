//! `torg serve`: a live preview for the people who edit content. It builds once, serves the output
//! folder, watches content, themes and locales, rebuilds only what an edit touched, and makes open
//! pages reload themselves, or show what to fix when the edit broke something.

pub mod change;
pub mod http;
pub mod rebuild;

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use notify_debouncer_full::notify::event::ModifyKind;
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use pulldown_cmark_escape::{escape_html, escape_html_body_text};

use crate::config::{BuildConfig, OutDir};
use crate::content::load::is_ignored;
use crate::diagnostic::Diagnostic;
use crate::output::claim;
use http::Live;
use rebuild::{Preview, Rebuild};

/// What one `torg serve` run builds, and where it listens.
pub struct ServeConfig {
    pub build: BuildConfig,
    pub bind: IpAddr,
    pub port: u16,
}

/// Editors save in bursts (temp file, write, rename); events this close together are one save.
const DEBOUNCE: Duration = Duration::from_millis(10);

enum Message {
    Changed(Vec<PathBuf>),
    WatchFailed(String),
    Stop,
}

/// Runs until Ctrl-C. Errors here are about starting (a busy port, an unreadable folder); content
/// errors are shown in the browser and the terminal while the server keeps running.
/// `out` is `cfg.build.out` as [`check_out_dir`](crate::config::check_out_dir) passed it.
pub fn serve(cfg: ServeConfig, out: OutDir) -> Result<(), Diagnostic> {
    let server = tiny_http::Server::http((cfg.bind, cfg.port)).map_err(|e| {
        Diagnostic::error(
            "usage",
            Path::new(""),
            format!("Cannot listen on {}:{}: {e}.", cfg.bind, cfg.port),
        )
        .hint("Another program may use this port; choose another with --port.")
    })?;
    claim(out.path())?;
    let live = Arc::new(Live::new(out.path()).map_err(|e| {
        Diagnostic::error(
            "io",
            &cfg.build.out,
            format!("Cannot open the output folder: {e}."),
        )
    })?);
    let (tx, messages) = channel();
    let _watcher = watch(&cfg.build, tx.clone())?;
    ctrlc::set_handler(move || {
        let _ = tx.send(Message::Stop);
    })
    .map_err(|e| Diagnostic::error("usage", Path::new(""), format!("Cannot catch Ctrl-C: {e}.")))?;

    let started = Instant::now();
    let (mut preview, first) = Preview::start(cfg.build.clone());
    announce(&live, "everything", &first, started);
    let server = Arc::new(server);
    let listener = Arc::clone(&server);
    let shared = Arc::clone(&live);
    thread::spawn(move || {
        for request in listener.incoming_requests() {
            let live = Arc::clone(&shared);
            thread::spawn(move || http::handle(request, &live));
        }
    });
    if !cfg.bind.is_loopback() {
        eprintln!(
            "warning: {} is reachable from other computers on the network, and the preview shows unpublished content.",
            cfg.bind
        );
    }
    eprintln!(
        "serving {} at http://{}:{}/ — watching {}, {} and {}; press Ctrl-C to stop",
        cfg.build.out.display(),
        cfg.bind,
        cfg.port,
        cfg.build.content.display(),
        cfg.build.themes.display(),
        cfg.build.locales.display()
    );
    for message in messages {
        match message {
            Message::Changed(paths) => {
                let started = Instant::now();
                let what = describe(&paths);
                let rebuild = preview.apply(paths);
                announce(&live, &what, &rebuild, started);
            }
            Message::WatchFailed(e) => eprintln!("warning: watching files failed: {e}"),
            Message::Stop => break,
        }
    }
    server.unblock();
    eprintln!("stopped");
    Ok(())
}

/// Watches the sources, sending each debounced burst of changes as one message.
fn watch(
    cfg: &BuildConfig,
    tx: Sender<Message>,
) -> Result<Debouncer<RecommendedWatcher, RecommendedCache>, Diagnostic> {
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        let message = match result {
            Ok(events) => {
                let mut paths: Vec<PathBuf> = events
                    .into_iter()
                    .filter(|e| is_edit(&e.event.kind))
                    .flat_map(|e| e.event.paths)
                    .filter(|p| {
                        !p.file_name()
                            .is_some_and(|n| is_ignored(&n.to_string_lossy()))
                    })
                    .collect();
                paths.sort();
                paths.dedup();
                if paths.is_empty() {
                    return;
                }
                Message::Changed(paths)
            }
            Err(errors) => Message::WatchFailed(
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        };
        let _ = tx.send(message);
    })
    .map_err(|e| Diagnostic::error("io", Path::new(""), format!("Cannot watch files: {e}.")))?;
    for dir in [&cfg.content, &cfg.themes, &cfg.locales] {
        debouncer
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| Diagnostic::error("io", dir, format!("Cannot watch this folder: {e}.")))?;
    }
    Ok(debouncer)
}

/// Creating, writing, renaming or removing a file; not reading it (every rebuild reads them all)
/// nor touching its metadata.
fn is_edit(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any => true,
        EventKind::Modify(m) => !matches!(m, ModifyKind::Metadata(_)),
        EventKind::Access(_) | EventKind::Other => false,
    }
}

/// The changed files, relative to the current folder when they are below it.
fn describe(paths: &[PathBuf]) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let names: Vec<String> = paths
        .iter()
        .map(|p| p.strip_prefix(&cwd).unwrap_or(p).display().to_string())
        .collect();
    match names.as_slice() {
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} and {} more", rest.len()),
        [] => "nothing".into(),
    }
}

/// One line in the terminal per rebuild, the errors in full, and the news to open pages.
fn announce(live: &Live, what: &str, rebuild: &Rebuild, started: Instant) {
    let ms = started.elapsed().as_millis();
    let errors = &rebuild.errors;
    if errors.is_empty() {
        eprintln!(
            "rebuilt after {what}: {} pages rendered, {} files written in {ms} ms",
            rebuild.rendered,
            rebuild.written.len()
        );
        live.publish("reload", None);
    } else {
        for d in errors {
            eprintln!("{d}\n");
        }
        eprintln!(
            "not rebuilt after {what}: {} error(s), shown above and in the browser; the preview keeps the last good version",
            errors.len()
        );
        live.publish("problems", Some(overlay(errors)));
    }
}

/// The error box shown over every page while the last change cannot be built. English, marked
/// as such, since the page around it may be in any language.
fn overlay(errors: &[Diagnostic]) -> String {
    let mut html = String::from(
        "<div id=\"torg-errors\" role=\"alert\" lang=\"en\" dir=\"ltr\" style=\"position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#fff;color:#111;padding:1.5rem;font:1rem/1.5 system-ui,sans-serif;border-top:.5rem solid #b00020\">\
         <h2 style=\"margin-top:0\">The last change could not be built</h2>\
         <p>Until it is fixed, the preview shows the last version that worked, if there is one. Fix the problem below and save the file; this message then disappears.</p><ul>",
    );
    for d in errors {
        html.push_str("<li><p><strong>");
        let _ = escape_html_body_text(&mut html, &d.position());
        html.push_str("</strong> <code>");
        let _ = escape_html(&mut html, &d.code);
        html.push_str("</code></p><p>");
        let _ = escape_html_body_text(&mut html, &d.message);
        if !d.hint.is_empty() {
            html.push_str("</p><p>How to fix: ");
            let _ = escape_html_body_text(&mut html, &d.hint);
        }
        html.push_str("</p></li>");
    }
    html.push_str("</ul></div>\n");
    html
}
