//! A text file cut into the segments a translator works on — each text field of the front matter,
//! each heading, paragraph and list item of the body — and put back together from translated
//! segments in the source file's order and shape.
//!
//! Put back together, a file has one canonical form, which a hand-written translation that should
//! come out byte-identical must follow: front matter keys in the source's order, indented by two
//! spaces, list items as `  - text`, a text quoted (`"…"`, with `\"` and `\\`) only where YAML
//! needs it (see [`scalar`]); the body right after the closing `---`, its blocks separated by one
//! blank line, each paragraph and list item on one line, headings as `## Text`, lists tight with
//! the source's bullet (`-`) or numbering (`1.`); blocks torg does not cut (code, tables, quotes,
//! nested lists, raw HTML) copied from the source as they are, and link reference definitions
//! last.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

use super::inline::{Inline, protect, to_markdown};
use crate::content::source::parse_yaml;
use crate::diagnostic::Diagnostic;

/// One segment: its id within the file (stable while the file's structure stays) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    pub(crate) id: String,
    pub(crate) pieces: Vec<Inline>,
}

/// A text file as segments, and the shape to put translated segments back into.
#[derive(Debug)]
pub(crate) struct Segmented {
    pub(crate) units: Vec<Unit>,
    front: Vec<(String, Field)>,
    blocks: Vec<Block>,
}

/// A front matter value, keys kept in the order they are written.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Field {
    Text(String),
    Empty,
    List(Vec<Field>),
    Map(Vec<(String, Field)>),
}

/// A block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Block {
    Heading(usize),
    Paragraph,
    /// The bullet or numbering of each item.
    List(Vec<String>),
    Verbatim(String),
}

impl Segmented {
    /// Cuts a file whose front matter (as written, without the stamp) is `front` and whose body
    /// is `body`; `path` is only for naming the file in a problem.
    pub(crate) fn new(front: &str, body: &str, path: &Path) -> Result<Segmented, Diagnostic> {
        let front = match parse_yaml::<Field>(front, path, 2)? {
            Field::Map(fields) => fields,
            _ => Vec::new(),
        };
        let mut units = Vec::new();
        front_units(&front, "fm", &mut units).map_err(|key| {
            Diagnostic::error("exchange", path, format!("The front matter field `{key}` has a form torg cannot send for translation."))
                .hint("Use the fields docs/content.md describes: texts, lists of texts, and fields of texts.")
        })?;
        let blocks = body_blocks(body, &mut units);
        Ok(Segmented {
            units,
            front,
            blocks,
        })
    }

    /// Whether the bodies of `self` and `other` have the same blocks, so that a unit id means the
    /// same place in both.
    pub(crate) fn same_body_shape(&self, other: &Segmented) -> bool {
        let shape = |b: &Block| match b {
            Block::Heading(level) => (0, *level),
            Block::Paragraph => (1, 0),
            Block::List(items) => (2, items.len()),
            Block::Verbatim(_) => (3, 0),
        };
        self.blocks
            .iter()
            .map(shape)
            .eq(other.blocks.iter().map(shape))
    }

    /// The section ([`crate::markdown::sections`]) unit `id` is in: the front matter and the
    /// text before the first `##` heading are section 0, each `##` heading starts the next.
    pub(crate) fn section_of(&self, id: &str) -> usize {
        let Some(block) = id.strip_prefix("body.") else {
            return 0;
        };
        let n: usize = block
            .split('.')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        self.blocks
            .iter()
            .take(n)
            .filter(|b| **b == Block::Heading(2))
            .count()
    }

    /// How many sections the body has, as [`Segmented::section_of`] counts them.
    pub(crate) fn sections(&self) -> usize {
        1 + self
            .blocks
            .iter()
            .filter(|b| **b == Block::Heading(2))
            .count()
    }

    /// The file with each unit's Markdown from `texts` (by unit id; the source's where missing).
    pub(crate) fn rebuild(&self, texts: &BTreeMap<String, String>) -> String {
        let (front, body) = self.rebuild_parts(texts);
        format!("---\n{front}---\n{body}")
    }

    /// The front matter and the body [`Segmented::rebuild`] writes.
    pub(crate) fn rebuild_parts(&self, texts: &BTreeMap<String, String>) -> (String, String) {
        let text_of = |id: &str| match texts.get(id) {
            Some(t) => t.clone(),
            None => self
                .units
                .iter()
                .find(|u| u.id == id)
                .map(|u| to_markdown(&u.pieces))
                .unwrap_or_default(),
        };
        let mut front = String::new();
        write_fields(&mut front, &self.front, 0, "fm", &text_of);
        let blocks: Vec<String> = self
            .blocks
            .iter()
            .enumerate()
            .map(|(i, block)| write_block(block, &format!("body.{}", i + 1), &text_of))
            .collect();
        let mut body = blocks.join("\n\n");
        if !body.is_empty() {
            body.push('\n');
        }
        (front, body)
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        d.deserialize_any(FieldVisitor)
    }
}

/// Reads any YAML value as a [`Field`], keeping the order of keys (serde's maps would sort them).
struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, a list or fields")
    }

    fn visit_str<E>(self, v: &str) -> Result<Field, E> {
        Ok(Field::Text(v.to_string()))
    }

    fn visit_bool<E>(self, v: bool) -> Result<Field, E> {
        Ok(Field::Text(v.to_string()))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Field, E> {
        Ok(Field::Text(v.to_string()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Field, E> {
        Ok(Field::Text(v.to_string()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Field, E> {
        Ok(Field::Text(v.to_string()))
    }

    fn visit_unit<E>(self) -> Result<Field, E> {
        Ok(Field::Empty)
    }

    fn visit_none<E>(self) -> Result<Field, E> {
        Ok(Field::Empty)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Field, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Field::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field, A::Error> {
        let mut fields = Vec::new();
        while let Some(entry) = map.next_entry::<String, Field>()? {
            fields.push(entry);
        }
        Ok(Field::Map(fields))
    }
}

/// A unit per text of `fields`, ids `fm.key`, `fm.goals.1`, `fm.steps.x.title`; `Err(key)` for a
/// key that cannot be part of an id or a list that holds more than texts.
fn front_units(
    fields: &[(String, Field)],
    prefix: &str,
    out: &mut Vec<Unit>,
) -> Result<(), String> {
    for (key, field) in fields {
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(key.clone());
        }
        let id = format!("{prefix}.{key}");
        match field {
            Field::Text(text) => out.push(text_unit(id, text)),
            Field::Empty => {}
            Field::List(items) => {
                for (i, item) in items.iter().enumerate() {
                    let Field::Text(text) = item else {
                        return Err(key.clone());
                    };
                    out.push(text_unit(format!("{id}.{}", i + 1), text));
                }
            }
            Field::Map(inner) => front_units(inner, &id, out)?,
        }
    }
    Ok(())
}

/// A front matter text as a unit: Markdown inline, like the body's (links and numbers protected).
fn text_unit(id: String, text: &str) -> Unit {
    let events: Vec<_> = Parser::new_ext(text, crate::markdown::options())
        .into_offset_iter()
        .filter(|(e, _)| !is_block_event(e))
        .collect();
    Unit {
        id,
        pieces: protect(text, 0..text.len(), &events),
    }
}

/// Events that open or close a block rather than mark up text.
fn is_block_event(e: &Event) -> bool {
    use pulldown_cmark::TagEnd;
    matches!(
        e,
        Event::Start(Tag::Paragraph | Tag::Heading { .. } | Tag::List(_) | Tag::Item)
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::List(_) | TagEnd::Item)
    )
}

/// The blocks of `body`, adding a unit for each heading, paragraph and list item.
fn body_blocks(body: &str, units: &mut Vec<Unit>) -> Vec<Block> {
    let parser = Parser::new_ext(body, crate::markdown::options());
    let definitions = link_definitions(body, &parser);
    let events: Vec<(Event, Range<usize>)> = parser.into_offset_iter().collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let end = block_end(&events, i);
        let id = format!("body.{}", blocks.len() + 1);
        let block = &events[i..=end];
        blocks.push(match &events[i].0 {
            Event::Start(Tag::Heading { level, .. }) if block.len() > 2 => {
                units.push(inline_unit(id, body, &block[1..block.len() - 1]));
                Block::Heading(*level as usize)
            }
            Event::Start(Tag::Paragraph) if block.len() > 2 => {
                units.push(inline_unit(id, body, &block[1..block.len() - 1]));
                Block::Paragraph
            }
            Event::Start(Tag::List(start)) => match list_items(body, block, &id, *start) {
                Some((markers, items)) => {
                    units.extend(items);
                    Block::List(markers)
                }
                None => verbatim(body, &events[i].1),
            },
            _ => verbatim(body, &events[i].1),
        });
        i = end + 1;
    }
    blocks.extend(definitions);
    blocks
}

/// The link reference definitions (`[name]: address`) of `body`, which are no block of their
/// own to the parser: kept as written, after the blocks, so `[text][name]` links still resolve.
fn link_definitions(body: &str, parser: &Parser) -> Option<Block> {
    let mut spans: Vec<Range<usize>> = parser
        .reference_definitions()
        .iter()
        .map(|(_, def)| def.span.clone())
        .collect();
    spans.sort_by_key(|r| r.start);
    let lines: Vec<&str> = spans
        .iter()
        .filter_map(|r| body.get(r.clone()))
        .map(str::trim)
        .collect();
    (!lines.is_empty()).then(|| Block::Verbatim(lines.join("\n")))
}

fn verbatim(body: &str, range: &Range<usize>) -> Block {
    Block::Verbatim(body[range.clone()].trim_end().to_string())
}

/// The index of the event that ends the block starting at `start`.
fn block_end(events: &[(Event, Range<usize>)], start: usize) -> usize {
    let mut depth = 0usize;
    for (j, (event, _)) in events.iter().enumerate().skip(start) {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 {
            return j;
        }
    }
    events.len() - 1
}

/// A unit from the inline events of a heading, paragraph or list item.
fn inline_unit(id: String, body: &str, events: &[(Event, Range<usize>)]) -> Unit {
    let start = events.first().map_or(0, |(_, r)| r.start);
    let end = events.iter().map(|(_, r)| r.end).max().unwrap_or(start);
    let pieces = protect(body, start..end, events);
    Unit { id, pieces }
}

/// A list whose items each hold one paragraph: their markers and units; `None` for any other.
fn list_items(
    body: &str,
    list: &[(Event, Range<usize>)],
    id: &str,
    start: Option<u64>,
) -> Option<(Vec<String>, Vec<Unit>)> {
    let (mut markers, mut units) = (Vec::new(), Vec::new());
    let mut i = 1;
    while i + 1 < list.len() {
        let end = i + block_end(&list[i..], 0);
        let item = &list[i..=end];
        if item.len() < 2 {
            return None;
        }
        let inner = match item.get(1) {
            Some((Event::Start(Tag::Paragraph), _)) if block_end(item, 1) == item.len() - 2 => {
                &item[2..item.len() - 2]
            }
            _ => &item[1..item.len() - 1],
        };
        if inner.is_empty()
            || inner.iter().any(|(e, _)| {
                is_block_event(e)
                    || matches!(
                        e,
                        Event::Start(
                            Tag::CodeBlock(_) | Tag::BlockQuote(_) | Tag::Table(_) | Tag::HtmlBlock
                        )
                    )
            })
        {
            return None;
        }
        markers.push(marker(body, &item[0].1, start, markers.len()));
        units.push(inline_unit(format!("{id}.{}", markers.len()), body, inner));
        i = end + 1;
    }
    Some((markers, units))
}

/// The bullet of a list item as the source writes it (`-`, `*`, `+`), or its number (`3.`,
/// `3)`) counted from the list's first.
fn marker(body: &str, item: &Range<usize>, start: Option<u64>, index: usize) -> String {
    let raw = body[item.clone()].trim_start();
    match start {
        None => raw.chars().next().unwrap_or('-').to_string(),
        Some(first) => {
            let delimiter = raw
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .chars()
                .next()
                .unwrap_or('.');
            format!("{}{delimiter}", first + index as u64)
        }
    }
}

/// Writes `fields` as YAML at `indent` spaces, each text from `text_of` by its unit id.
fn write_fields(
    out: &mut String,
    fields: &[(String, Field)],
    indent: usize,
    prefix: &str,
    text_of: &dyn Fn(&str) -> String,
) {
    let pad = " ".repeat(indent);
    for (key, field) in fields {
        let id = format!("{prefix}.{key}");
        match field {
            Field::Text(_) => out.push_str(&format!("{pad}{key}: {}\n", scalar(&text_of(&id)))),
            Field::Empty => out.push_str(&format!("{pad}{key}:\n")),
            Field::List(items) => {
                out.push_str(&format!("{pad}{key}:\n"));
                for i in 1..=items.len() {
                    out.push_str(&format!(
                        "{pad}  - {}\n",
                        scalar(&text_of(&format!("{id}.{i}")))
                    ));
                }
            }
            Field::Map(inner) => {
                out.push_str(&format!("{pad}{key}:\n"));
                write_fields(out, inner, indent + 2, &id, text_of);
            }
        }
    }
}

/// A text as a YAML scalar: as it is where YAML reads it back as the same text, in double quotes
/// otherwise (a leading indicator or digit, `: `, ` #`, a word YAML reads as true/false/null).
fn scalar(text: &str) -> String {
    const WORDS: [&str; 11] = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~", "",
    ];
    let first = text.chars().next().unwrap_or(' ');
    let plain = !WORDS.contains(&text.to_lowercase().as_str())
        && !"-?:,[]{}#&*!|>'\"%@`+.0123456789 ".contains(first)
        && !text.ends_with([' ', ':'])
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.chars().any(char::is_control);
    if plain {
        return text.to_string();
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes a block of the body with each unit's text from `text_of`.
fn write_block(block: &Block, id: &str, text_of: &dyn Fn(&str) -> String) -> String {
    match block {
        Block::Heading(level) => format!("{} {}", "#".repeat(*level), text_of(id)),
        Block::Paragraph => text_of(id),
        Block::List(markers) => markers
            .iter()
            .enumerate()
            .map(|(i, m)| format!("{m} {}", text_of(&format!("{id}.{}", i + 1))))
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Verbatim(raw) => raw.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRONT: &str = "title: Helse\ngoals:\n  - God helse for alle.\nmeasures:\n  tolk: Tolk ved alle legetimer.\n";
    const BODY: &str = "## Hvorfor helse?\n\nHelse er viktig, se\n[fastlegen](@/services/fastlege).\n\n1. Ring 112.\n2. Vent.\n\n```\nkode\n```\n";

    #[test]
    fn every_text_is_a_unit_with_a_stable_id() {
        let s = Segmented::new(FRONT, BODY, Path::new("a.nb.md")).unwrap();
        let ids: Vec<&str> = s.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "fm.title",
                "fm.goals.1",
                "fm.measures.tolk",
                "body.1",
                "body.2",
                "body.3.1",
                "body.3.2"
            ]
        );
    }

    #[test]
    fn the_source_rebuilt_is_its_canonical_form() {
        let s = Segmented::new(FRONT, BODY, Path::new("a.nb.md")).unwrap();
        let expected = format!(
            "---\n{FRONT}---\n## Hvorfor helse?\n\nHelse er viktig, se [fastlegen](@/services/fastlege).\n\n1. Ring 112.\n2. Vent.\n\n```\nkode\n```\n"
        );
        assert_eq!(s.rebuild(&BTreeMap::new()), expected);
        let texts = BTreeMap::from([("fm.title".to_string(), "Zdrowie: ważne".to_string())]);
        assert!(
            s.rebuild(&texts)
                .starts_with("---\ntitle: \"Zdrowie: ważne\"\n")
        );
    }

    #[test]
    fn yaml_scalars_are_quoted_only_where_needed() {
        assert_eq!(scalar("Lege"), "Lege");
        assert_eq!(scalar("[Lege](@/x)"), "\"[Lege](@/x)\"");
        assert_eq!(scalar("2024 er \"nå\""), "\"2024 er \\\"nå\\\"\"");
        assert_eq!(scalar("yes"), "\"yes\"");
        assert_eq!(scalar("A #1"), "\"A #1\"");
    }

    #[test]
    fn link_definitions_are_kept_after_the_blocks() {
        let s = Segmented::new(
            "title: A\n",
            "Se [legen][l].\n\n[l]: @/services/fastlege\n",
            Path::new("a"),
        )
        .unwrap();
        assert_eq!(
            s.rebuild(&BTreeMap::new()),
            "---\ntitle: A\n---\nSe [legen][l].\n\n[l]: @/services/fastlege\n"
        );
    }

    #[test]
    fn complex_lists_are_copied_as_they_are() {
        let s = Segmented::new("title: A\n", "- a\n  - b\n", Path::new("a")).unwrap();
        assert_eq!(s.units.len(), 1);
        assert_eq!(
            s.rebuild(&BTreeMap::new()),
            "---\ntitle: A\n---\n- a\n  - b\n"
        );
    }
}
