//! The text of a finished page, with the elements it sits in: for the passes that change words
//! after rendering ([`script`](super::script) marks Latin names on Arabic pages,
//! [`hyphenate`](super::hyphenate) puts soft hyphens into long words). It relies on torg's own
//! output: text is escaped, so `<` always starts a tag, and attributes are double-quoted.

/// Elements with no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// An open element, borrowed from the page: its name and its attributes as written.
pub(super) struct Element<'a> {
    name: &'a str,
    attrs: &'a str,
}

impl<'a> Element<'a> {
    /// Whether this is a `name` element (`name` in lower case).
    pub(super) fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    /// The value of attribute `name`, e.g. `lang`. Values are double-quoted and hold no `"`, so
    /// `name="` after a space is always the attribute. This runs for every text run of every
    /// page, so it looks only at the starts of words, without allocating.
    pub(super) fn attr(&self, name: &str) -> Option<&'a str> {
        self.attrs.match_indices(' ').find_map(|(at, _)| {
            let value = self.attrs[at + 1..]
                .strip_prefix(name)?
                .strip_prefix("=\"")?;
            value.split('"').next()
        })
    }
}

/// Copies `html`, letting `text` write each run of text between tags, given the elements open
/// around it (outermost first).
pub(super) fn each_text<'a>(
    html: &'a str,
    mut text: impl FnMut(&[Element<'a>], &'a str, &mut String),
) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut open: Vec<Element<'a>> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let text_end = rest.find('<').unwrap_or(rest.len());
        let (run, tail) = rest.split_at(text_end);
        text(&open, run, &mut out);
        let tag_end = tail.find('>').map_or(tail.len(), |i| i + 1);
        let (tag, after) = tail.split_at(tag_end);
        track(tag, &mut open);
        out.push_str(tag);
        rest = after;
    }
    out
}

/// Keeps the stack of open elements up to date with one tag.
fn track<'a>(tag: &'a str, open: &mut Vec<Element<'a>>) {
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    if inner.starts_with('!') || inner.is_empty() {
        return; // doctype or comment
    }
    if let Some(name) = inner.strip_prefix('/') {
        let name = name.trim();
        if let Some(i) = open.iter().rposition(|e| e.is(name)) {
            open.truncate(i);
        }
        return;
    }
    let len = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let (name, attrs) = inner.split_at(len);
    if VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) || inner.ends_with('/') {
        return;
    }
    open.push(Element { name, attrs });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_runs_come_with_their_open_elements() {
        let mut seen = Vec::new();
        let html = "<html lang=\"nb\"><head><meta charset=\"utf-8\"><!-- x --></head><body><br><p dir=\"ltr\" lang=\"en\">Hi</p>Bye</body></html>";
        let out = each_text(html, |open, text, out| {
            if !text.is_empty() {
                let names: Vec<&str> = open.iter().map(|e| e.name).collect();
                let lang = open.iter().rev().find_map(|e| e.attr("lang"));
                seen.push((text.to_string(), names.join(">"), lang.map(str::to_string)));
            }
            out.push_str(text);
        });
        assert_eq!(out, html);
        assert_eq!(
            seen,
            [
                ("Hi".into(), "html>body>p".into(), Some("en".into())),
                ("Bye".into(), "html>body".into(), Some("nb".into())),
            ]
        );
    }
}
