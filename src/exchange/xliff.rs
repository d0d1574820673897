//! XLIFF 2.0 (OASIS, core only): written for export, read back for import.
//!
//! The file comes back from outside, so reading trusts nothing: no DTD, no entities beyond XML's
//! own, a depth limit, and every element torg relies on checked, each problem with its line.
//! Elements of other namespaces (a tool's metadata, `mtc:matches`) are skipped where XLIFF allows
//! them; inside a `<source>` or `<target>` only text, `<ph>`, `<pc>` and `<mrk>` (whose text is
//! kept) may appear.

use std::path::Path;

use quick_xml::escape::{escape, partial_escape, resolve_predefined_entity};
use quick_xml::events::Event;
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::reader::NsReader;

use super::inline::Inline;
use crate::diagnostic::Diagnostic;
use crate::limits::MAX_NESTING;

/// XLIFF 2's namespace; 2.1 and 2.2 keep it.
pub(crate) const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// One `<unit>` to write: its id, its source, and the earlier translation to offer, if any.
pub(crate) struct OutUnit<'a> {
    pub(crate) id: &'a str,
    pub(crate) source: &'a [Inline],
    pub(crate) previous: Option<Vec<Inline>>,
}

/// One `<file>` to write: the source file's path below the content folder and its units.
pub(crate) struct OutFile<'a> {
    pub(crate) original: String,
    pub(crate) units: Vec<OutUnit<'a>>,
}

/// The XLIFF document for `files`, from `src_lang` into `trg_lang`.
///
/// An earlier translation goes into the unit's `<target>` with the segment's `state="initial"`:
/// XLIFF's own way to say «a translation that needs review», which translate-toolkit reads as a
/// fuzzy translation (as PO's `#, fuzzy`) and CAT tools show pre-filled for the translator to
/// check. A note or `<mtc:match>` would not be shown by translate-toolkit, which reads neither.
pub(crate) fn write(src_lang: &str, trg_lang: &str, files: &[OutFile]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">\n",
        escape(src_lang),
        escape(trg_lang)
    );
    for (i, file) in files.iter().enumerate() {
        out.push_str(&format!(
            "  <file id=\"f{}\" original=\"{}\">\n",
            i + 1,
            escape(file.original.as_str())
        ));
        for unit in &file.units {
            write_unit(&mut out, unit);
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

fn write_unit(out: &mut String, unit: &OutUnit) {
    out.push_str(&format!("    <unit id=\"{}\">\n", escape(unit.id)));
    let state = if unit.previous.is_some() {
        " state=\"initial\""
    } else {
        ""
    };
    out.push_str(&format!("      <segment{state}>\n"));
    out.push_str(&format!(
        "        <source>{}</source>\n",
        inline_xml(unit.source)
    ));
    if let Some(previous) = &unit.previous {
        out.push_str(&format!(
            "        <target>{}</target>\n",
            inline_xml(previous)
        ));
    }
    out.push_str("      </segment>\n    </unit>\n");
}

/// Inline content as XLIFF: `<ph>` shows the protected Markdown in `disp`, `<pc>` its two halves
/// in `dispStart` and `dispEnd`, so a translator sees what each placeholder stands for.
fn inline_xml(pieces: &[Inline]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Inline::Text(t) => out.push_str(&partial_escape(t.as_str())),
            Inline::Ph { id, raw } => {
                out.push_str(&format!(
                    "<ph id=\"{id}\" disp=\"{}\"/>",
                    escape(raw.as_str())
                ));
            }
            Inline::Pc {
                id,
                open,
                close,
                inner,
            } => out.push_str(&format!(
                "<pc id=\"{id}\" dispStart=\"{}\" dispEnd=\"{}\">{}</pc>",
                escape(open.as_str()),
                escape(close.as_str()),
                inline_xml(inner)
            )),
        }
    }
    out
}

/// A document read back.
#[derive(Debug)]
pub(crate) struct Document {
    /// The line of `<xliff>`.
    pub(crate) line: usize,
    pub(crate) src_lang: String,
    pub(crate) trg_lang: String,
    pub(crate) files: Vec<InFile>,
}

#[derive(Debug)]
pub(crate) struct InFile {
    pub(crate) original: String,
    pub(crate) line: usize,
    pub(crate) units: Vec<InUnit>,
}

#[derive(Debug)]
pub(crate) struct InUnit {
    pub(crate) id: String,
    pub(crate) line: usize,
    pub(crate) source: Vec<Inline>,
    /// The translation and the line of its `<target>`; `None` when no segment has one.
    pub(crate) target: Option<(Vec<Inline>, usize)>,
    /// A segment is still marked `initial` (an offered earlier translation nobody confirmed).
    pub(crate) unconfirmed: bool,
}

/// An element read into memory: its local name (`None` outside XLIFF's namespace), attributes,
/// children and line.
#[derive(Debug)]
struct Element {
    name: Option<String>,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    line: usize,
}

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn elements<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter_map(move |c| match c {
            Node::Element(e) if e.name.as_deref() == Some(name) => Some(e),
            _ => None,
        })
    }

    /// The attribute `name`, or an error at this element saying it is missing.
    fn required(&self, name: &str, path: &Path) -> Result<&str, Diagnostic> {
        self.attr(name).ok_or_else(|| {
            let element = self.name.as_deref().unwrap_or("?");
            problem(
                path,
                self.line,
                format!("The <{element}> here has no `{name}`."),
            )
        })
    }
}

/// A problem in the XLIFF file, with the advice every such problem shares.
pub(crate) fn problem(path: &Path, line: usize, message: String) -> Diagnostic {
    Diagnostic::error("exchange", path, message)
        .at(line, None)
        .hint("Send the file back as the translation tool saved it, or export a new one with `torg translations export`.")
}

/// Reads an XLIFF 2 document; `path` names the file in problems.
pub(crate) fn read(text: &str, path: &Path) -> Result<Document, Diagnostic> {
    let root = parse_tree(text, path)?;
    if root.name.as_deref() != Some("xliff") {
        return Err(problem(path, root.line, "This is not an XLIFF 2 file: its first element is not <xliff> in the XLIFF 2 namespace.".into()));
    }
    if !root.required("version", path)?.starts_with("2.") {
        return Err(problem(
            path,
            root.line,
            "This file is not XLIFF version 2.".into(),
        ));
    }
    let files = root
        .elements("file")
        .map(|f| read_file(f, path))
        .collect::<Result<_, _>>()?;
    Ok(Document {
        line: root.line,
        src_lang: root.required("srcLang", path)?.to_string(),
        trg_lang: root.required("trgLang", path)?.to_string(),
        files,
    })
}

fn read_file(file: &Element, path: &Path) -> Result<InFile, Diagnostic> {
    let units = file
        .elements("unit")
        .map(|u| read_unit(u, path))
        .collect::<Result<_, _>>()?;
    Ok(InFile {
        original: file.required("original", path)?.to_string(),
        line: file.line,
        units,
    })
}

/// A unit: the text of its segments (and ignorables, the white space a tool split off) joined.
fn read_unit(unit: &Element, path: &Path) -> Result<InUnit, Diagnostic> {
    let (mut source, mut target) = (Vec::new(), Vec::new());
    let mut target_line = None;
    let mut unconfirmed = false;
    for part in unit.children.iter().filter_map(|c| match c {
        Node::Element(e) if matches!(e.name.as_deref(), Some("segment" | "ignorable")) => Some(e),
        _ => None,
    }) {
        unconfirmed |= part.attr("state") == Some("initial");
        let src = part
            .elements("source")
            .next()
            .ok_or_else(|| problem(path, part.line, "This segment has no <source>.".into()))?;
        source.extend(pieces(src, path)?);
        match part.elements("target").next() {
            Some(t) => {
                target_line.get_or_insert(t.line);
                target.extend(pieces(t, path)?);
            }
            // An ignorable without a target stands for itself (white space between sentences).
            None if part.name.as_deref() == Some("ignorable") => target.extend(pieces(src, path)?),
            None => {}
        }
    }
    Ok(InUnit {
        id: unit.required("id", path)?.to_string(),
        line: unit.line,
        source,
        target: target_line.map(|line| (target, line)),
        unconfirmed,
    })
}

/// The inline content of a `<source>` or `<target>` (as deep as [`parse_tree`] allows).
fn pieces(element: &Element, path: &Path) -> Result<Vec<Inline>, Diagnostic> {
    let mut out = Vec::new();
    for child in &element.children {
        match child {
            Node::Text(t) => out.push(Inline::Text(t.clone())),
            Node::Element(e) => match e.name.as_deref() {
                Some("ph") => out.push(Inline::Ph {
                    id: e.required("id", path)?.to_string(),
                    raw: e.attr("disp").unwrap_or_default().to_string(),
                }),
                Some("pc") => out.push(Inline::Pc {
                    id: e.required("id", path)?.to_string(),
                    open: e.attr("dispStart").unwrap_or_default().to_string(),
                    close: e.attr("dispEnd").unwrap_or_default().to_string(),
                    inner: pieces(e, path)?,
                }),
                // An annotation (a comment, a term): its text is the translation's.
                Some("mrk") => out.extend(pieces(e, path)?),
                name => {
                    let name = name.unwrap_or("an element of another format");
                    return Err(problem(
                        path,
                        e.line,
                        format!(
                            "The translation holds <{name}>, which torg cannot turn back into text; only text and the placeholders of the export may be there."
                        ),
                    ));
                }
            },
        }
    }
    Ok(out)
}

/// The whole document as a tree, or the first XML error with its line.
fn parse_tree(text: &str, path: &Path) -> Result<Element, Diagnostic> {
    let mut reader = NsReader::from_str(text);
    let lines = LineIndex::new(text);
    let mut stack: Vec<Element> = Vec::new();
    loop {
        let at = lines.line(reader.buffer_position());
        let malformed = |what: String| {
            problem(
                path,
                at,
                format!("torg cannot read this file as XML: {what}."),
            )
        };
        let (ns, event) = match reader.read_resolved_event() {
            Ok(read) => read,
            Err(e) => {
                let at = lines.line(reader.error_position());
                let message = format!("torg cannot read this file as XML: {}.", xml_error(&e));
                return Err(problem(path, at, message));
            }
        };
        let name = match ns {
            ResolveResult::Bound(Namespace(ns)) if ns == NAMESPACE.as_bytes() => Some(()),
            _ => None,
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                if stack.len() > 4 + MAX_NESTING {
                    return Err(malformed("the elements are nested too deeply".into()));
                }
                let element = Element {
                    name: name
                        .map(|()| String::from_utf8_lossy(e.local_name().as_ref()).into_owned()),
                    attrs: attributes(&e).map_err(malformed)?,
                    children: Vec::new(),
                    line: at,
                };
                stack.push(element);
                if let Some(done) = empty.then(|| close(&mut stack)).flatten() {
                    return Ok(done);
                }
            }
            Event::End(_) => {
                if let Some(done) = close(&mut stack) {
                    return Ok(done);
                }
            }
            Event::Text(t) => push_text(
                &mut stack,
                &t.xml_content().map_err(|e| malformed(e.to_string()))?,
            ),
            Event::CData(t) => push_text(
                &mut stack,
                &t.xml_content().map_err(|e| malformed(e.to_string()))?,
            ),
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => resolve_predefined_entity(&name)
                        .ok_or_else(|| {
                            malformed(format!("`&{name};` is not a character XML knows"))
                        })?
                        .to_string(),
                };
                push_text(&mut stack, &resolved);
            }
            Event::DocType(_) => {
                return Err(malformed(
                    "it declares a DOCTYPE, which XLIFF files do not have".into(),
                ));
            }
            Event::Eof => {
                return Err(malformed(
                    "the file ends before its last element is closed".into(),
                ));
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
}

/// Closes the innermost open element; returns the root when that was it.
fn close(stack: &mut Vec<Element>) -> Option<Element> {
    let done = stack.pop()?;
    match stack.last_mut() {
        Some(parent) => {
            parent.children.push(Node::Element(done));
            None
        }
        None => Some(done),
    }
}

fn push_text(stack: &mut [Element], text: &str) {
    let Some(open) = stack.last_mut() else { return };
    match open.children.last_mut() {
        Some(Node::Text(t)) => t.push_str(text),
        _ => open.children.push(Node::Text(text.to_string())),
    }
}

/// The attributes of an element, by local name, their values unescaped.
fn attributes(e: &quick_xml::events::BytesStart) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for attr in e.attributes() {
        let attr = attr.map_err(|e| format!("an attribute is not written correctly ({e})"))?;
        let value = attr
            .unescape_value()
            .map_err(|e| format!("an attribute's value is not written correctly ({e})"))?;
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
        out.push((key, value.into_owned()));
    }
    Ok(out)
}

/// quick-xml's error in a translator's words where we know them.
fn xml_error(e: &quick_xml::Error) -> String {
    use quick_xml::errors::IllFormedError as Ill;
    match e {
        quick_xml::Error::IllFormed(Ill::MismatchedEndTag { expected, found }) => {
            format!("the element <{expected}> is closed by </{found}>")
        }
        quick_xml::Error::IllFormed(Ill::UnmatchedEndTag(name)) => {
            format!("</{name}> closes an element that was never opened")
        }
        quick_xml::Error::Syntax(_) => "a tag is not written correctly (a `<` without its `>`, or a stray `<` or `&` in the text)".into(),
        other => format!("{other}"),
    }
}

/// Line numbers of byte offsets.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line of `offset`; the reader's position is before any white space that
    /// precedes the next tag, so the line is that of the first character after it.
    fn line(&self, offset: u64) -> usize {
        let offset = usize::try_from(offset).unwrap_or(usize::MAX);
        self.starts.partition_point(|s| *s <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit<'a>(id: &'a str, source: &'a [Inline]) -> OutUnit<'a> {
        OutUnit {
            id,
            source,
            previous: None,
        }
    }

    #[test]
    fn what_is_written_reads_back_with_lines() {
        let source = vec![
            Inline::Text("Ring ".into()),
            Inline::Ph {
                id: "1".into(),
                raw: "+47 <1>".into(),
            },
            Inline::Pc {
                id: "2".into(),
                open: "[".into(),
                close: "](@/x)".into(),
                inner: vec![Inline::Text("oss & dem".into())],
            },
        ];
        let files = [OutFile {
            original: "demo/a.nb.md".into(),
            units: vec![unit("body.1", &source)],
        }];
        let xml = write("nb", "pl", &files);
        let doc = read(&xml, Path::new("x.xlf")).unwrap();
        assert_eq!((doc.src_lang.as_str(), doc.trg_lang.as_str()), ("nb", "pl"));
        assert_eq!(doc.files[0].original, "demo/a.nb.md");
        assert_eq!(doc.files[0].line, 3);
        let u = &doc.files[0].units[0];
        assert_eq!((u.id.as_str(), u.line), ("body.1", 4));
        assert_eq!(u.source, source);
        assert!(u.target.is_none());
    }

    #[test]
    fn broken_xml_is_named_with_its_line() {
        let xml = format!(
            "<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"nb\" trgLang=\"pl\">\n<file original=\"a\">\n<unit id=\"u\">\n</file>\n</xliff>\n"
        );
        let d = read(&xml, Path::new("x.xlf")).unwrap_err();
        assert_eq!(d.line, Some(4), "{d}");
        assert!(d.message.contains("<unit> is closed by </file>"), "{d}");
        let d = read("<!DOCTYPE x [<!ENTITY a \"b\">]><x/>", Path::new("x.xlf")).unwrap_err();
        assert!(d.message.contains("DOCTYPE"), "{d}");
        assert!(read("", Path::new("x.xlf")).is_err());
        assert!(read("<a>&lol;</a>", Path::new("x.xlf")).is_err());
    }
}
