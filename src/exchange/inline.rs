//! The text of one segment with what a translator must not change taken out as placeholders:
//! link and image targets (`@/` references included), inline code, raw HTML, line breaks, numbers
//! and phone numbers become `<ph>`; emphasis, strong, struck-out text and the text of links and
//! images become `<pc>` pairs around text that *is* translated. The Markdown of each placeholder is
//! kept as written, byte for byte, so that gluing the pieces back gives the Markdown again.

use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag};

/// A piece of a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Inline {
    Text(String),
    /// Markdown that comes back unchanged (`raw`); read from a file, `raw` is what the file shows.
    Ph {
        id: String,
        raw: String,
    },
    /// Markup around translated text: `open` and `close` come back unchanged, `inner` is translated.
    Pc {
        id: String,
        open: String,
        close: String,
        inner: Vec<Inline>,
    },
}

/// The Markdown of `pieces`, placeholders written as their Markdown.
pub(crate) fn to_markdown(pieces: &[Inline]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Inline::Text(t) => out.push_str(t),
            Inline::Ph { raw, .. } => out.push_str(raw),
            Inline::Pc {
                open, close, inner, ..
            } => {
                out.push_str(open);
                out.push_str(&to_markdown(inner));
                out.push_str(close);
            }
        }
    }
    out
}

/// A `<pc>` being read: where its Markdown starts and ends, where its text starts, what is in it.
struct Frame {
    id: usize,
    range: Range<usize>,
    text_start: Option<usize>,
    inner: Vec<Inline>,
}

/// Splits `src[span]`, whose inline events (with their offsets in `src`) are `events`, into text
/// and placeholders numbered from 1 in reading order.
pub(crate) fn protect(
    src: &str,
    span: Range<usize>,
    events: &[(Event, Range<usize>)],
) -> Vec<Inline> {
    let mut ids = 0;
    let mut root = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut cursor = span.start;
    let mut skip_to = 0;
    for (event, r) in events {
        if r.start < skip_to {
            continue;
        }
        if let Some(top) = stack.last_mut().filter(|f| f.text_start.is_none()) {
            top.text_start = Some(r.start);
            cursor = r.start;
        }
        let out = stack.last_mut().map_or(&mut root, |f| &mut f.inner);
        match event {
            Event::Start(Tag::Link { link_type, .. }) if is_bare(*link_type) => {
                text_pieces(part(src, cursor, r.start), &mut ids, out);
                out.push(ph(&mut ids, part(src, r.start, r.end)));
                (cursor, skip_to) = (r.end, r.end);
            }
            Event::Start(
                Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Link { .. }
                | Tag::Image { .. },
            ) => {
                text_pieces(part(src, cursor, r.start), &mut ids, out);
                ids += 1;
                stack.push(Frame {
                    id: ids,
                    range: r.clone(),
                    text_start: None,
                    inner: Vec::new(),
                });
            }
            Event::End(_) => {
                let Some(frame) = stack.pop() else { continue };
                cursor = close_frame(
                    src,
                    frame,
                    cursor,
                    &mut ids,
                    stack.last_mut().map_or(&mut root, |f| &mut f.inner),
                );
            }
            Event::Text(_) | Event::SoftBreak => {}
            _ => {
                text_pieces(part(src, cursor, r.start), &mut ids, out);
                out.push(ph(&mut ids, part(src, r.start, r.end)));
                cursor = r.end;
            }
        }
    }
    text_pieces(part(src, cursor, span.end), &mut ids, &mut root);
    root
}

/// Autolinks and e-mail autolinks: their text is their address, so the whole is one placeholder.
fn is_bare(link_type: LinkType) -> bool {
    matches!(link_type, LinkType::Autolink | LinkType::Email)
}

/// Ends `frame` (its last text runs from `cursor`) into `out`; returns where reading goes on.
fn close_frame(
    src: &str,
    mut frame: Frame,
    cursor: usize,
    ids: &mut usize,
    out: &mut Vec<Inline>,
) -> usize {
    let Some(text_start) = frame.text_start.filter(|s| *s > frame.range.start) else {
        // Nothing inside (`[](x)`): nothing to translate either; the pair's id serves.
        out.push(Inline::Ph {
            id: frame.id.to_string(),
            raw: part(src, frame.range.start, frame.range.end).to_string(),
        });
        return frame.range.end;
    };
    let text_end = close_start(src, &frame.range, cursor);
    text_pieces(part(src, cursor, text_end), ids, &mut frame.inner);
    out.push(Inline::Pc {
        id: frame.id.to_string(),
        open: part(src, frame.range.start, text_start).to_string(),
        close: part(src, text_end, frame.range.end).to_string(),
        inner: frame.inner,
    });
    frame.range.end
}

/// Where the closing markup of a pair starts: after its last text, before `*`, `_`, `~` or `](`.
fn close_start(src: &str, range: &Range<usize>, cursor: usize) -> usize {
    let inside = part(src, cursor, range.end);
    let whole = part(src, range.start, range.end);
    let end = if whole.ends_with(')') || whole.ends_with(']') {
        inside
            .rfind("](")
            .or_else(|| inside.rfind("]["))
            .or_else(|| inside.rfind(']'))
    } else {
        Some(inside.trim_end_matches(['*', '_', '~']).len())
    };
    cursor + end.unwrap_or(inside.len())
}

/// `src[start..end]`, or nothing where the parser's offsets would cut a character or run
/// backwards, so no Markdown can make the export panic.
fn part(src: &str, start: usize, end: usize) -> &str {
    src.get(start..end).unwrap_or_default()
}

fn ph(ids: &mut usize, raw: &str) -> Inline {
    *ids += 1;
    Inline::Ph {
        id: ids.to_string(),
        raw: raw.to_string(),
    }
}

/// Plain text into `out`: line breaks inside a paragraph become spaces (the canonical form keeps
/// a paragraph on one line), and numbers and phone numbers become placeholders.
fn text_pieces(text: &str, ids: &mut usize, out: &mut Vec<Inline>) {
    let text = one_line(text);
    let mut rest = text.as_str();
    while let Some(number) = next_number(rest) {
        push_text(out, &rest[..number.start]);
        out.push(ph(ids, &rest[number.clone()]));
        rest = &rest[number.end..];
    }
    push_text(out, rest);
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Inline::Text(t)) => t.push_str(text),
        _ => out.push(Inline::Text(text.to_string())),
    }
}

/// `text` with each line break and the indentation after it as one space: the canonical form
/// keeps a paragraph, a list item or a title on one line, whoever broke it.
pub(crate) fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.split('\n');
    if let Some(first) = lines.next() {
        out.push_str(first);
    }
    for line in lines {
        out.truncate(out.trim_end_matches([' ', '\r']).len());
        out.push(' ');
        out.push_str(line.trim_start());
    }
    out
}

/// The next number in `text`: digits, with single separators (` `, `.`, `,`, `:`, `-`, `/`)
/// between digits and an optional leading `+`, so «+47 12 34 56 78», «08:00» and «2018–2025»'s
/// years each stay one placeholder. Digits inside a word (`H2O`) are left as text.
fn next_number(text: &str) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric());
        let plus = bytes[i] == b'+' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if starts_word && (bytes[i].is_ascii_digit() || plus) {
            let end = number_end(bytes, i + usize::from(plus));
            if !bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
                return Some(i..end);
            }
            i = end;
        }
        i += 1;
    }
    None
}

/// The end of the number whose digits start at `i`.
fn number_end(bytes: &[u8], mut i: usize) -> usize {
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        let separator = bytes.get(i).is_some_and(|b| b" .,:-/".contains(b));
        if separator && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            return i;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};

    /// The pieces of a one-paragraph body.
    fn pieces(src: &str) -> Vec<Inline> {
        let events: Vec<_> = Parser::new_ext(src, crate::markdown::options())
            .into_offset_iter()
            .filter(|(e, _)| {
                !matches!(
                    e,
                    Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                )
            })
            .collect();
        protect(src, 0..src.trim_end().len(), &events)
    }

    fn text(t: &str) -> Inline {
        Inline::Text(t.to_string())
    }

    fn ph(id: &str, raw: &str) -> Inline {
        Inline::Ph {
            id: id.to_string(),
            raw: raw.to_string(),
        }
    }

    #[test]
    fn link_targets_are_kept_and_link_text_is_translated() {
        let p = pieces("Se [helsestasjonen](@/services/helsestasjon) og <https://nav.no>.\n");
        assert_eq!(
            p,
            vec![
                text("Se "),
                Inline::Pc {
                    id: "1".into(),
                    open: "[".into(),
                    close: "](@/services/helsestasjon)".into(),
                    inner: vec![text("helsestasjonen")],
                },
                text(" og "),
                ph("2", "<https://nav.no>"),
                text("."),
            ]
        );
    }

    #[test]
    fn numbers_code_and_emphasis_are_protected_and_glue_back() {
        let src = "Ring +47 12 34 56 78 kl. 08:00, **bare `tolk`** i 2024.";
        let p = pieces(src);
        assert_eq!(p[1], ph("1", "+47 12 34 56 78"));
        assert_eq!(p[3], ph("2", "08:00"));
        let Inline::Pc {
            open, close, inner, ..
        } = &p[5]
        else {
            panic!("{p:?}")
        };
        assert_eq!((open.as_str(), close.as_str()), ("**", "**"));
        assert_eq!(inner[1], ph("4", "`tolk`"));
        assert_eq!(to_markdown(&p), src);
    }

    #[test]
    fn nested_markup_and_line_breaks() {
        let src = "Les *om [fastlegen](@/services/fastlege#hours)* her\nog der.";
        let p = pieces(src);
        assert_eq!(
            to_markdown(&p),
            "Les *om [fastlegen](@/services/fastlege#hours)* her og der."
        );
        let Inline::Pc { inner, .. } = &p[1] else {
            panic!("{p:?}")
        };
        assert!(
            matches!(&inner[1], Inline::Pc { close, .. } if close == "](@/services/fastlege#hours)")
        );
    }

    #[test]
    fn digits_in_words_stay_text() {
        assert_eq!(pieces("H2O og B12"), vec![text("H2O og B12")]);
        assert_eq!(next_number("i 2018-2025."), Some(2..11));
    }
}
