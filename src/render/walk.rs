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
    /// `name="` after a space is always the attribute. It looks only at the starts of words,
    /// without allocating: it runs for every element of every page.
    pub(super) fn attr(&self, name: &str) -> Option<&'a str> {
        self.attrs.match_indices(' ').find_map(|(at, _)| {
            let value = self.attrs[at + 1..]
                .strip_prefix(name)?
                .strip_prefix("=\"")?;
            value.split('"').next()
        })
    }
}

/// Copies `html`, letting `text` write each run of text between tags, given what `enter` made of
/// the elements open around it: `enter` sees each element once, when it opens, with what its
/// parent gave (`root` for the outermost), so a question about the ancestors (the innermost
/// `lang`, whether any is `<head>`) costs nothing per run of text.
pub(super) fn each_text<'a, C: Copy>(
    html: &'a str,
    root: C,
    enter: impl Fn(C, &Element<'a>) -> C,
    mut text: impl FnMut(C, &'a str, &mut String),
) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut open: Vec<(&'a str, C)> = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        let text_end = memchr::memchr(b'<', rest.as_bytes()).unwrap_or(rest.len());
        let (run, tail) = rest.split_at(text_end);
        let context = open.last().map_or(root, |(_, c)| *c);
        if !run.is_empty() {
            text(context, run, &mut out);
        }
        let tag_end = memchr::memchr(b'>', tail.as_bytes()).map_or(tail.len(), |i| i + 1);
        let (tag, after) = tail.split_at(tag_end);
        match parse(tag) {
            Tag::Open(element) => open.push((element.name, enter(context, &element))),
            Tag::Close(name) => {
                if let Some(i) = open.iter().rposition(|(n, _)| n.eq_ignore_ascii_case(name)) {
                    open.truncate(i);
                }
            }
            Tag::Other => {}
        }
        out.push_str(tag);
        rest = after;
    }
    out
}

/// What one tag does to the stack of open elements.
enum Tag<'a> {
    Open(Element<'a>),
    Close(&'a str),
    /// A doctype, a comment or an element without content.
    Other,
}

fn parse(tag: &str) -> Tag<'_> {
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    if inner.starts_with('!') || inner.is_empty() {
        return Tag::Other;
    }
    if let Some(name) = inner.strip_prefix('/') {
        return Tag::Close(name.trim());
    }
    let len = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let (name, attrs) = inner.split_at(len);
    if VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) || inner.ends_with('/') {
        return Tag::Other;
    }
    Tag::Open(Element { name, attrs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_runs_come_with_their_open_elements() {
        let mut seen = Vec::new();
        let html = "<html lang=\"nb\"><head><meta charset=\"utf-8\"><!-- x --></head><body><br><p dir=\"ltr\" lang=\"en\">Hi</p>Bye</body></html>";
        // Each element's context: its name, its depth and the innermost `lang`.
        fn enter<'a>(
            (_, depth, lang): (&'a str, usize, Option<&'a str>),
            e: &Element<'a>,
        ) -> (&'a str, usize, Option<&'a str>) {
            (e.name, depth + 1, e.attr("lang").or(lang))
        }
        let out = each_text(
            html,
            ("", 0, None),
            enter,
            |(name, depth, lang), text, out| {
                seen.push((text, name, depth, lang));
                out.push_str(text);
            },
        );
        assert_eq!(out, html);
        assert_eq!(
            seen,
            [("Hi", "p", 3, Some("en")), ("Bye", "body", 2, Some("nb")),]
        );
    }
}
