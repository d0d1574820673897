//! Which addresses content may link to, read the way a browser reads them.
//!
//! Escaping raw HTML is not enough: a Markdown link or a `web:` field can carry a `javascript:`,
//! `vbscript:` or `data:` address, which runs code or shows made-up content under the portal's
//! name. Browsers are lenient about how such an address is written (`JaVaScRiPt:`, a tab or a
//! newline inside the name, spaces or control characters before it; pulldown-cmark has already
//! decoded `&#106;` and `&colon;`), so the scheme is read exactly as the WHATWG URL parser reads
//! it, and then compared with the few a portal needs. Validation reports what [`validate`] refuses;
//! the renderer calls [`is_allowed`] again, so a refused address is never published even when
//! validation did not run.

use std::borrow::Cow;

/// The schemes a portal needs: web pages, e-mail and phone numbers.
const ALLOWED_SCHEMES: &[&str] = &["https", "http", "mailto", "tel"];

/// Why an address is not published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// A scheme other than those a portal needs, lower-cased, e.g. `javascript`.
    Scheme(String),
    /// Control characters inside the address, which only serve to hide what it is.
    Hidden,
}

/// Whether `url` may be published: `https:`, `http:`, `mailto:` and `tel:` addresses, `@/` links,
/// paths and `#anchors`.
pub fn validate(url: &str) -> Result<(), Refused> {
    let clean = clean(url);
    if clean.chars().any(|c| c.is_ascii_control()) {
        return Err(Refused::Hidden);
    }
    match scheme(&clean) {
        Some(s) if !ALLOWED_SCHEMES.contains(&s.as_str()) => Err(Refused::Scheme(s)),
        _ => Ok(()),
    }
}

/// [`validate`] as a yes or no, for the renderer's last line of defence.
pub fn is_allowed(url: &str) -> bool {
    validate(url).is_ok()
}

/// `url` as the WHATWG URL parser sees it before reading it: without leading and trailing C0
/// control characters and spaces, and without any tab or newline.
pub fn clean(url: &str) -> Cow<'_, str> {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    if trimmed.contains(['\t', '\n', '\r']) {
        Cow::Owned(trimmed.replace(['\t', '\n', '\r'], ""))
    } else {
        Cow::Borrowed(trimmed)
    }
}

/// The scheme of a cleaned address, lower-cased, or `None` for a relative one (a path, an
/// `#anchor`, an `@/` link): an ASCII letter, then letters, digits, `+`, `-` or `.`, then `:`.
pub fn scheme(clean: &str) -> Option<String> {
    let end = clean.find(':')?;
    let name = &clean[..end];
    let mut chars = name.chars();
    let starts = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (starts && rest).then(|| name.to_ascii_lowercase())
}

/// The root-relative address a relative `reference` leads to from the page at `base` (a path
/// from the web root, e.g. `/demo/nb/services/x/`), as a browser resolves it (RFC 3986 §5.2);
/// `None` when it leads to another host (`//host/…`). Backslashes count as slashes, as in
/// browsers.
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let reference = reference.replace('\\', "/");
    if reference.starts_with("//") {
        return None;
    }
    let split = reference.find(['?', '#']).unwrap_or(reference.len());
    let (path, tail) = reference.split_at(split);
    let base_path = base.split(['?', '#']).next().unwrap_or_default();
    let joined = if path.starts_with('/') {
        path.to_string()
    } else if path.is_empty() {
        base_path.to_string()
    } else {
        let dir = base_path.rfind('/').map_or("/", |i| &base_path[..=i]);
        format!("{dir}{path}")
    };
    Some(remove_dot_segments(&joined) + tail)
}

/// `/a/b/../c/./d` → `/a/c/d`; a `..` above the root stays at the root.
fn remove_dot_segments(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." | ".." => {
                if *segment == ".." {
                    out.pop();
                }
                if last {
                    out.push("");
                }
            }
            s => out.push(s),
        }
    }
    format!("/{}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_and_data_addresses_are_refused_however_written() {
        let js = || Err(Refused::Scheme("javascript".into()));
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "JAVASCRIPT:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "java\r\nscript:alert(1)",
            "  javascript:alert(1)",
            "\u{1}\u{1f} javascript:alert(1)",
            "\tjavascript:alert(1)\n",
        ] {
            assert_eq!(validate(url), js(), "{url:?}");
        }
        assert_eq!(
            validate("VbScRiPt:msgbox(1)"),
            Err(Refused::Scheme("vbscript".into()))
        );
        assert_eq!(
            validate("data:text/html;base64,PHNjcmlwdD4="),
            Err(Refused::Scheme("data".into()))
        );
        assert_eq!(
            validate("DATA:image/svg+xml,<svg/onload=alert(1)>"),
            Err(Refused::Scheme("data".into()))
        );
        assert_eq!(
            validate("file:///etc/passwd"),
            Err(Refused::Scheme("file".into()))
        );
        assert_eq!(validate("java\u{1}script:alert(1)"), Err(Refused::Hidden));
        assert_eq!(validate("/demo/\u{7f}x"), Err(Refused::Hidden));
        assert!(!is_allowed("javascript:alert(1)"));
    }

    #[test]
    fn what_a_portal_needs_is_allowed() {
        for url in [
            "https://www.nav.no/",
            "HTTPS://WWW.NAV.NO/",
            "http://startivestfold.no",
            "mailto:post@example.org",
            "tel:+4712345678",
            "@/services/fastlege#hours",
            "@/static/brosjyre.pdf",
            "/demo/en/services/fastlege/",
            "../fastlege/",
            "kart.png",
            "#tiltak-s1-icdp",
            "?q=1",
            "",
            // A colon after a slash or a digit first is a path, not a scheme, to a browser too.
            "/a:b",
            "./javascript:alert(1)",
            "1javascript:alert(1)",
        ] {
            assert_eq!(validate(url), Ok(()), "{url:?}");
        }
    }

    #[test]
    fn schemes_are_read_as_a_browser_reads_them() {
        assert_eq!(scheme("HtTp://x").as_deref(), Some("http"));
        assert_eq!(scheme("web+app:x").as_deref(), Some("web+app"));
        assert_eq!(scheme("@/x:y"), None);
        assert_eq!(scheme("a b:c"), None);
        assert_eq!(clean(" \u{0}ja\tva\nscript:x \u{1f}"), "javascript:x");
    }

    #[test]
    fn relative_references_resolve_against_the_page() {
        let page = "/demo/nb/services/fastlege/";
        for (reference, expected) in [
            ("kart.png", "/demo/nb/services/fastlege/kart.png"),
            ("../helsestasjon/", "/demo/nb/services/helsestasjon/"),
            ("../../../en/plan/#x", "/demo/en/plan/#x"),
            ("./", "/demo/nb/services/fastlege/"),
            ("..", "/demo/nb/services/"),
            ("/demo/static/x.png", "/demo/static/x.png"),
            ("/../../x", "/x"),
            ("#hours", "/demo/nb/services/fastlege/#hours"),
            ("?a=1#b", "/demo/nb/services/fastlege/?a=1#b"),
            ("..\\helsestasjon\\", "/demo/nb/services/helsestasjon/"),
        ] {
            assert_eq!(
                resolve(page, reference).as_deref(),
                Some(expected),
                "{reference}"
            );
        }
        assert_eq!(resolve(page, "//evil.example/x"), None);
        assert_eq!(resolve(page, "\\\\evil.example/x"), None);
    }
}
