//! The preview's web server: files of the output folder, never anything outside it, with the
//! live-reload script and the error overlay added to HTML responses on the way out.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, RwLock};

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};
use tiny_http::{Header, Request, Response};

use crate::route::{self, Route};

/// The address of the event stream that tells open pages to reload.
pub const EVENTS: &str = "/__torg/events";
const SCRIPT: &str = "/__torg/live.js";

/// What the server shares with the rebuild loop.
pub struct Live {
    /// The output folder, canonicalized, so a resolved path can be checked to lie inside it.
    root: PathBuf,
    /// The overlay shown on every page while the last rebuild failed.
    overlay: RwLock<Option<String>>,
    clients: Mutex<Vec<Sender<String>>>,
}

impl Live {
    pub fn new(root: &Path) -> std::io::Result<Live> {
        fs::create_dir_all(root)?;
        Ok(Live {
            root: root.canonicalize()?,
            overlay: RwLock::default(),
            clients: Mutex::default(),
        })
    }

    /// Sets or clears the overlay and tells every open page to reload.
    pub fn publish(&self, event: &str, overlay: Option<String>) {
        if let Ok(mut o) = self.overlay.write() {
            *o = overlay;
        }
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| c.send(event.to_string()).is_ok());
        }
    }

    /// The error box while the last rebuild failed.
    fn overlay(&self) -> Option<String> {
        self.overlay.read().ok().and_then(|o| o.clone())
    }

    fn subscribe(&self) -> Receiver<String> {
        let (tx, rx) = channel();
        if let Ok(mut clients) = self.clients.lock() {
            clients.push(tx);
        }
        rx
    }
}

/// Answers one request; runs on its own thread, since an event stream stays open.
pub fn handle(request: Request, live: &Arc<Live>) {
    let target = request.url().to_string();
    if target == EVENTS {
        return stream_events(request, live);
    }
    let response = if target == SCRIPT {
        respond(
            200,
            "text/javascript; charset=utf-8",
            include_str!("live.js").into(),
        )
    } else {
        match resolve(&live.root, &target) {
            Resolved::File(path) => serve_file(&path, 200, live),
            Resolved::Folder(location) => redirect(&location),
            Resolved::NotFound => match not_found_page(&live.root, &target) {
                Some(page) => serve_file(&page, 404, live),
                None => nothing_built(live),
            },
            Resolved::Refused => respond(
                403,
                "text/plain; charset=utf-8",
                b"403 Forbidden\n".to_vec(),
            ),
        }
    };
    let _ = request.respond(response);
}

/// Where a request leads.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect, so relative links work.
    Folder(String),
    NotFound,
    /// Outside the output folder, or not a plain path.
    Refused,
}

/// Maps a request target to a file inside `root`. Segments are checked after percent-decoding,
/// and the final path after resolving symlinks, so neither `%2e%2e` nor a link can lead out.
pub fn resolve(root: &Path, target: &str) -> Resolved {
    let raw = target.split(['?', '#']).next().unwrap_or_default();
    let Some(segments) = segments(raw) else {
        return Resolved::Refused;
    };
    let file = segments.iter().fold(root.to_path_buf(), |f, s| f.join(s));
    let Some(real) = inside(root, &file) else {
        return Resolved::Refused;
    };
    if !real.is_dir() {
        return found(real);
    }
    if !raw.ends_with('/') {
        return Resolved::Folder(folder_address(&segments));
    }
    match inside(root, &real.join(route::INDEX)) {
        Some(index) => found(index),
        None => Resolved::Refused,
    }
}

/// The decoded path segments of a target that starts with `/`, without empty ones; `None` when
/// one could step out (`..`) or is not a plain name.
fn segments(raw: &str) -> Option<Vec<String>> {
    let path = percent_decode_str(raw.strip_prefix('/')?)
        .decode_utf8()
        .ok()?;
    let segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    let plain = |s: &String| s != "." && s != ".." && !s.contains(['\\', '\0', ':']);
    segments.iter().all(plain).then_some(segments)
}

/// `file` with symlinks resolved, if it lies inside `root`. A missing file passes as it is:
/// there is nothing to serve, and the caller answers 404.
fn inside(root: &Path, file: &Path) -> Option<PathBuf> {
    match file.canonicalize() {
        Ok(real) => real.starts_with(root).then_some(real),
        Err(_) => Some(file.to_path_buf()),
    }
}

/// Only regular files are served; a missing path, or a socket or device, is not found.
fn found(path: PathBuf) -> Resolved {
    if path.is_file() {
        Resolved::File(path)
    } else {
        Resolved::NotFound
    }
}

/// The address of a folder with its trailing slash, built from the decoded segments so that
/// `//demo` leads to `/demo/`, never to `//demo/`, which a browser reads as the host `demo`.
fn folder_address(segments: &[String]) -> String {
    let mut address = String::from("/");
    for segment in segments {
        address.extend(utf8_percent_encode(segment, SEGMENT));
        address.push('/');
    }
    address
}

/// What a path segment of a `Location` header must not hold as is.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

/// The portal's own 404 page in the language of the address (`/<site>/<lang>/…`), or in the
/// portal's first language that has one.
fn not_found_page(root: &Path, target: &str) -> Option<PathBuf> {
    let mut parts = target.trim_start_matches('/').split('/');
    let site = root.join(parts.next().filter(|s| !s.is_empty() && *s != "..")?);
    let in_language = parts
        .next()
        .filter(|l| !l.is_empty() && *l != "..")
        .map(|l| site.join(l).join(Route::NotFound.file()));
    let mut langs: Vec<PathBuf> = fs::read_dir(&site)
        .ok()?
        .flatten()
        .map(|e| e.path().join(Route::NotFound.file()))
        .collect();
    langs.sort();
    in_language
        .into_iter()
        .chain(langs)
        .find(|p| p.is_file() && p.canonicalize().is_ok_and(|r| r.starts_with(root)))
}

fn serve_file(path: &Path, status: u16, live: &Live) -> Response<std::io::Cursor<Vec<u8>>> {
    let Ok(mut bytes) = fs::read(path) else {
        return respond(
            404,
            "text/plain; charset=utf-8",
            b"404 Not Found\n".to_vec(),
        );
    };
    let kind = content_type(path);
    if kind.starts_with("text/html") {
        bytes = inject(&bytes, live.overlay().as_deref().unwrap_or_default());
    }
    respond(status, kind, bytes)
}

/// Neither the page nor a 404 page of its portal exists. When the last build failed (a preview
/// started on broken content has no pages at all), the problems are shown on a page of their
/// own, 503 since the preview cannot show any page yet, and it reloads once they are fixed.
fn nothing_built(live: &Live) -> Response<std::io::Cursor<Vec<u8>>> {
    match live.overlay() {
        Some(overlay) => respond(
            503,
            "text/html; charset=utf-8",
            inject(PROBLEMS_PAGE.as_bytes(), &overlay),
        ),
        None => respond(
            404,
            "text/plain; charset=utf-8",
            b"404 Not Found\n".to_vec(),
        ),
    }
}

/// The page under the error box when there is no page to show; English like the box.
const PROBLEMS_PAGE: &str = "<!doctype html>\n<html lang=\"en\" dir=\"ltr\"><head><meta charset=\"utf-8\"><title>The content could not be built – torg</title></head><body></body></html>\n";

/// Adds the overlay and the reload script before `</body>`; the files on disk never have them.
fn inject(html: &[u8], overlay: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let addition = format!("{overlay}<script src=\"{SCRIPT}\"></script>\n");
    match text.rfind("</body>") {
        Some(at) => format!("{}{addition}{}", &text[..at], &text[at..]).into_bytes(),
        None => format!("{text}{addition}").into_bytes(),
    }
}

pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn respond(status: u16, kind: &str, body: Vec<u8>) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut response = Response::from_data(body).with_status_code(status);
    for (name, value) in [("Content-Type", kind), ("Cache-Control", "no-store")] {
        if let Ok(h) = Header::from_bytes(name, value) {
            response.add_header(h);
        }
    }
    response
}

fn redirect(location: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let mut response = respond(301, "text/plain; charset=utf-8", Vec::new());
    if let Ok(h) = Header::from_bytes("Location", location) {
        response.add_header(h);
    }
    response
}

/// Server-Sent Events: the head by hand, then one event per rebuild, flushed at once.
fn stream_events(request: Request, live: &Arc<Live>) {
    let events = live.subscribe();
    let mut out = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\r\n: connected\n\n";
    if out
        .write_all(head.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return;
    }
    for event in events {
        let message = format!("event: {event}\ndata: {event}\n\n");
        if out
            .write_all(message.as_bytes())
            .and_then(|()| out.flush())
            .is_err()
        {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_cannot_leave_the_output_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("public");
        fs::create_dir_all(root.join("a")).unwrap();
        fs::write(root.join("a/index.html"), "x").unwrap();
        fs::write(tmp.path().join("secret.txt"), "s").unwrap();
        let root = root.canonicalize().unwrap();
        let r = |t: &str| resolve(&root, t);
        assert_eq!(r("/a/"), Resolved::File(root.join("a/index.html")));
        assert_eq!(r("/a?x=1"), Resolved::Folder("/a/".into()));
        assert_eq!(r("/b/"), Resolved::NotFound);
        for bad in [
            "/../secret.txt",
            "/a/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2fsecret.txt",
            "/a/..%5c..%5csecret.txt",
            "http://example.org/a/",
            "*",
        ] {
            assert_eq!(r(bad), Resolved::Refused, "{bad}");
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(tmp.path().join("secret.txt"), root.join("link.txt"))
                .unwrap();
            assert_eq!(r("/link.txt"), Resolved::Refused);
        }
    }

    #[test]
    fn folders_redirect_to_a_path_never_to_another_host() {
        let tmp = tempfile::tempdir().unwrap();
        fs::create_dir_all(tmp.path().join("demo/a b")).unwrap();
        let root = tmp.path().canonicalize().unwrap();
        let r = |t: &str| resolve(&root, t);
        for target in ["/demo", "//demo", "///demo", "/%2Fdemo", "//demo?x=//evil"] {
            assert_eq!(r(target), Resolved::Folder("/demo/".into()), "{target}");
        }
        assert_eq!(r("/demo/a%20b"), Resolved::Folder("/demo/a%20b/".into()));
        for bad in ["/\\demo", "/%5Cdemo", "\\demo"] {
            assert_eq!(r(bad), Resolved::Refused, "{bad}");
        }
        assert_eq!(
            r("//demo/"),
            Resolved::NotFound,
            "a folder without index.html"
        );
    }

    #[test]
    fn without_pages_the_problems_are_the_page_until_fixed() {
        let tmp = tempfile::tempdir().unwrap();
        let live = Live::new(tmp.path()).unwrap();
        let body = |r: Response<std::io::Cursor<Vec<u8>>>| {
            (
                r.status_code().0,
                String::from_utf8(r.into_reader().into_inner()).unwrap(),
            )
        };
        assert_eq!(body(nothing_built(&live)).0, 404);
        live.publish(
            "problems",
            Some("<div id=\"torg-errors\">x.yaml:1</div>".into()),
        );
        let (status, page) = body(nothing_built(&live));
        assert_eq!(status, 503);
        assert!(page.contains("<html lang=\"en\" dir=\"ltr\">"), "{page}");
        assert!(
            page.contains("<div id=\"torg-errors\">x.yaml:1</div>"),
            "{page}"
        );
        assert!(page.contains(SCRIPT), "reloads itself once fixed: {page}");
        live.publish("reload", None);
        assert_eq!(body(nothing_built(&live)).0, 404);
    }
}
