//! Reading content files: UTF-8 checks, YAML with positions, and Markdown front matter.

use std::borrow::Cow;
use std::fs;
use std::path::Path;

use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::content::model::Date;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::limits::{check_file_size, check_line_length};

/// Reads a file's bytes, refusing one over [`crate::limits::MAX_FILE_BYTES`] before reading it.
fn read_bytes(path: &Path) -> Result<Vec<u8>, Diagnostic> {
    check_file_size(path)?;
    fs::read(path).map_err(|e| {
        Diagnostic::error("io", path, cannot_read(&e))
            .hint("Check that the file exists and that you may read it.")
    })
}

/// Why a file could not be read, in words rather than the system's error text.
fn cannot_read(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "The file does not exist (any more).",
        std::io::ErrorKind::PermissionDenied => "torg is not allowed to read this file.",
        std::io::ErrorKind::IsADirectory => "This is a folder where torg expects a file.",
        _ => "The file could not be read.",
    }
}

/// Reads a file as UTF-8, naming the line of the first invalid byte when it is not.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|b| **b == b'\n').count() + 1;
        Diagnostic::error("encoding", path, "The file is not valid UTF-8 text.")
            .at(line, None)
            .hint(
                "Save the file with UTF-8 encoding (in most editors: Save as… → Encoding: UTF-8).",
            )
    })
}

/// Parses YAML into `T`; `first_line` is the line of `text` within the file (front matter starts
/// on line 2).
pub fn parse_yaml<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str(text).map_err(|e| {
        let line = e
            .location()
            .filter(|l| l.line() > 0)
            .map(|l| l.line() as usize);
        let (message, hint) = yaml_problem(&e, line.and_then(|l| text.lines().nth(l - 1)));
        let d = Diagnostic::error("yaml", path, message).hint(hint);
        match (line, e.location()) {
            (Some(l), Some(loc)) => d.at(l + first_line - 1, Some(loc.column() as usize)),
            _ => d,
        }
    })
}

/// Reads a content file as text, refusing lines over [`crate::limits::MAX_LINE_CHARS`].
fn read_content(path: &Path) -> Result<String, Diagnostic> {
    let text = read_text(path)?;
    check_line_length(&text, path, 1)?;
    Ok(text)
}

/// Reads and parses a YAML file.
pub fn load_yaml<T: DeserializeOwned>(path: &Path) -> Result<T, Diagnostic> {
    parse_yaml(&read_content(path)?, path, 1)
}

/// A serde-saphyr error in plain words, with how to fix it; `line` is the text of the line the
/// error is on. Each class of error the library reports gets its own words, and none of the
/// library's own wording (which speaks to programmers) reaches the author.
fn yaml_problem(e: &serde_saphyr::Error, line: Option<&str>) -> (String, String) {
    use serde_saphyr::Error as E;
    const COMPARE: &str = "Compare with the example in docs/content.md.";
    let (message, hint) = match e.without_snippet() {
        E::DuplicateMappingKey { key: Some(key), .. } => (
            format!("`{key}` is written twice in this file; keep one."),
            "Delete the line you do not want, or merge the two.",
        ),
        E::DuplicateMappingKey { key: None, .. } => (
            "A field is written twice here; keep one.".to_string(),
            "Delete the line you do not want, or merge the two.",
        ),
        E::SerdeUnknownField {
            field, expected, ..
        } => (
            format!(
                "`{field}` is not a field torg knows here.{} Allowed fields: {}.",
                did_you_mean(field, expected),
                expected.join(", ")
            ),
            "Correct the spelling, or remove the field; docs/content.md lists every field.",
        ),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => (
            format!(
                "`{variant}` is not an allowed value here.{} Use one of: {}.",
                did_you_mean(variant, expected),
                expected.join(", ")
            ),
            "Write one of the allowed values exactly as shown (lower case).",
        ),
        E::SerdeMissingField { field, .. } => {
            (format!("The required field `{field}` is missing."), COMPARE)
        }
        E::InvalidScalar { ty, .. } => (format!("This value must be {}.", kind_of(ty)), COMPARE),
        E::InvalidBooleanStrict { .. } => {
            (format!("This value must be {}.", kind_of("bool")), COMPARE)
        }
        E::SerdeInvalidType { expected, .. } | E::SerdeInvalidValue { expected, .. } => {
            (wrong_form(expected), COMPARE)
        }
        E::Unexpected { expected, .. } => (wrong_form(expected), COMPARE),
        // Our own words, from the content model's value types (a time, a date, a title too long).
        E::Message { msg, .. } => (
            format!("{}.", msg.trim_end_matches('.')),
            "Change the value as described; docs/content.md shows an example of each field.",
        ),
        E::MultipleDocuments { .. } => (
            "The file holds more than one YAML document (a `---` line in the middle).".to_string(),
            "Remove the `---` line, or move what follows it into its own file.",
        ),
        E::Budget { .. }
        | E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. } => (
            "The values in this file are nested or repeated too deeply for torg to read."
                .to_string(),
            "Write the facts as in docs/content.md: a few levels of fields and lists at most.",
        ),
        _ if line.is_some_and(has_unquoted_colon_or_hash) => (
            "torg cannot read this line as YAML.".to_string(),
            "A value with `:` or `#` in it needs quotes: `provider: \"Legevakt: Storgata 1\"`.",
        ),
        _ => (
            "torg cannot read this line as YAML.".to_string(),
            "Check the indentation, and that every `[`, `{` and quote is closed; compare with the example in docs/content.md.",
        ),
    };
    (message, hint.to_string())
}

/// A value of the wrong kind (a text where a list belongs), in an author's words.
fn wrong_form(expected: &str) -> String {
    format!(
        "This value has the wrong form: torg expects {} here.",
        expected_form(expected)
    )
}

/// serde's description of the expected value (`a sequence`, `struct Contact`) as an author
/// would say it.
fn expected_form(expected: &str) -> &'static str {
    if expected.contains("sequence") {
        "a list (`[a, b]`, or lines starting with `- `)"
    } else if expected.starts_with("struct") || expected.contains("map") {
        "fields, each `name: value` on its own indented line"
    } else if expected.contains("string") {
        "a text"
    } else {
        kind_of(expected)
    }
}

/// What a Rust number type means to someone writing a value.
fn kind_of(ty: &str) -> &'static str {
    match ty {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number of 0 or more (without spaces)",
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number (without spaces)",
        "f32" | "f64" => "a number",
        "bool" | "boolean" | "a boolean" => "`true` or `false`",
        _ => "the kind of value torg expects here",
    }
}

/// A line `key: value` whose value is unquoted and holds a `: ` or ` #`, the usual reason a
/// hand-written YAML line cannot be read.
fn has_unquoted_colon_or_hash(line: &str) -> bool {
    let line = line.trim_start().trim_start_matches("- ");
    let Some((_, value)) = line.split_once(": ") else {
        return false;
    };
    let value = value.trim();
    !value.starts_with(['"', '\''])
        && (value.contains(": ") || value.ends_with(':') || value.contains(" #"))
}

/// A Markdown file split into its front matter and its body.
#[derive(Debug, Clone)]
pub struct Doc<F> {
    pub front: F,
    /// The front matter as written (the stamp line blanked), for checks that read its words.
    pub front_text: String,
    pub body: String,
    /// Line of the file where the body starts, so Markdown problems can name a file line.
    pub body_line: usize,
    /// In a translation: the [`fingerprint`] of the source file it was translated from.
    pub translated_from: Option<String>,
    /// In a translation: the [`section_prints`] of that source file, when the stamp has them.
    pub translated_sections: Vec<String>,
    /// In a translation: the day it was stamped, when the stamp records one.
    pub translated_on: Option<Date>,
    /// This file's own [`fingerprint`]: a translation stamped with another is behind it.
    pub fingerprint: String,
}

/// The front matter field a translation is stamped with; torg reads it, not the page types.
pub(crate) const STAMP: &str = "translated_from:";

/// Reads `---`-delimited YAML front matter and the Markdown body after it.
pub fn load_doc<F: DeserializeOwned>(path: &Path) -> Result<Doc<F>, Diagnostic> {
    let text = read_content(path)?;
    let (yaml, body, body_line) = split_front_matter(&text).ok_or_else(|| {
        Diagnostic::error("front-matter", path, "The file does not start with front matter.")
            .at(1, None)
            .hint("Start the file with a line `---`, the fields (such as `title: …`), and another `---` line.")
    })?;
    let (yaml, stamp) = take_stamp(yaml);
    let front = parse_yaml(&yaml, path, 2)?;
    let mut stamp = stamp.as_deref().unwrap_or_default().split_whitespace();
    let translated_from = stamp.next().map(str::to_string);
    let (mut translated_sections, mut translated_on) = (Vec::new(), None);
    for part in stamp {
        match Date::try_from(part.to_string()) {
            Ok(day) => translated_on = Some(day),
            Err(_) => translated_sections = part.split(',').map(str::to_string).collect(),
        }
    }
    Ok(Doc {
        front,
        front_text: yaml.into_owned(),
        body: body.to_string(),
        body_line,
        translated_from,
        translated_sections,
        translated_on,
        fingerprint: fingerprint_of(text.as_bytes()),
    })
}

/// A short fingerprint of each section of a text ([`markdown::sections`]), the front matter
/// counted with the opening part: what a stamp records so a reader can be told which sections of
/// the source changed since.
pub fn section_prints(front_text: &str, body: &str) -> Vec<String> {
    let parts = crate::markdown::sections(body);
    parts
        .iter()
        .enumerate()
        .map(|(i, part)| match i {
            0 => fingerprint_of(format!("{front_text}\n{}", part.text).as_bytes()),
            _ => fingerprint_of(part.text.as_bytes()),
        })
        .map(|print| print[..6].to_string())
        .collect()
}

/// Removes a top-level `translated_from:` line, leaving it empty so line numbers stay right.
fn take_stamp(yaml: &str) -> (Cow<'_, str>, Option<String>) {
    if !yaml.contains(STAMP) {
        return (Cow::Borrowed(yaml), None);
    }
    let mut stamp = None;
    let lines: Vec<&str> = yaml
        .split_inclusive('\n')
        .map(|line| match line.strip_prefix(STAMP) {
            Some(value) => {
                stamp = Some(value.trim().trim_matches(['"', '\'']).to_string());
                "\n"
            }
            None => line,
        })
        .collect();
    (Cow::Owned(lines.concat()), stamp)
}

/// A short fingerprint of a file's bytes (SHA-256, 12 hex digits): a translation records the
/// source's fingerprint, and a different one later means the source changed since.
pub fn fingerprint(path: &Path) -> Result<String, Diagnostic> {
    Ok(fingerprint_of(&read_bytes(path)?))
}

/// The first 6 bytes of the SHA-256 of a file's bytes, in hex: short enough for a stamp line.
fn fingerprint_of(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// Records in `translation` that it matches the current `source` on day `on`: sets
/// `translated_from` to the source's fingerprint, the fingerprints of its sections and the day,
/// which a reader is told when the source changes after it.
pub fn stamp(translation: &Path, source: &Path, on: Date) -> Result<String, Diagnostic> {
    let text = read_text(translation)?;
    let (stamped, print) = stamped(&text, translation, source, on)?;
    fs::write(translation, stamped).map_err(|e| {
        Diagnostic::error(
            "io",
            translation,
            format!("The file could not be written: {e}."),
        )
        .hint("Check that you may write to this file.")
    })?;
    Ok(print)
}

/// `text`, the translation `translation` (named in problems), stamped as matching the current
/// `source`, and the source's fingerprint: what [`stamp`] writes, for a caller that writes itself.
pub fn stamped(
    text: &str,
    translation: &Path,
    source: &Path,
    on: Date,
) -> Result<(String, String), Diagnostic> {
    let print = fingerprint(source)?;
    let source_text = read_text(source)?;
    let sections = match split_front_matter(&source_text) {
        Some((yaml, body, _)) => section_prints(&take_stamp(yaml).0, body),
        None => Vec::new(),
    };
    if split_front_matter(text).is_none() {
        return Err(Diagnostic::error("front-matter", translation, "The file does not start with front matter.")
            .hint("Start the file with a line `---`, the fields (such as `title: …`), and another `---` line."));
    }
    let line = format!("{STAMP} {print} {} {on}", sections.join(","));
    let stamped = match text.lines().position(|l| l.starts_with(STAMP)) {
        Some(i) => {
            let mut lines: Vec<&str> = text.lines().collect();
            lines[i] = &line;
            lines.join("\n") + if text.ends_with('\n') { "\n" } else { "" }
        }
        None => text.replacen("---", &format!("---\n{line}"), 1),
    };
    Ok((stamped, print))
}

/// Returns (front matter, body, line where the body starts).
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let body = &rest[offset + line.len()..];
            return Some((&rest[..offset], body, i + 3));
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_split_and_body_line_counted() {
        let (yaml, body, line) = split_front_matter("---\ntitle: A\nx: 1\n---\nHello\n").unwrap();
        assert_eq!(yaml, "title: A\nx: 1\n");
        assert_eq!(body, "Hello\n");
        assert_eq!(line, 5);
    }

    #[test]
    fn stamp_is_read_out_of_the_front_matter_and_written_back() {
        let tmp = tempfile::tempdir().unwrap();
        let (src, tr) = (tmp.path().join("a.nb.md"), tmp.path().join("a.pl.md"));
        fs::write(&src, "---\ntitle: A\n---\nTekst\n").unwrap();
        fs::write(&tr, "---\ntitle: B\n---\nTekst\n").unwrap();
        let on = Date::try_from("2026-03-04".to_string()).unwrap();
        let print = stamp(&tr, &src, on).unwrap();
        assert_eq!(print.len(), 12);
        let doc: Doc<serde_json::Value> = load_doc(&tr).unwrap();
        assert_eq!(doc.translated_from.as_deref(), Some(print.as_str()));
        assert_eq!(doc.translated_sections.len(), 1);
        assert_eq!(doc.translated_on, Some(on));
        assert_eq!(doc.front["title"], "B");
        fs::write(&src, "---\ntitle: A2\n---\nTekst\n").unwrap();
        let again = stamp(&tr, &src, on).unwrap();
        assert_ne!(again, print);
        let text = fs::read_to_string(&tr).unwrap();
        assert_eq!(text.matches("translated_from").count(), 1, "{text}");
    }

    /// The message and hint torg gives for `yaml` parsed as a service's facts.
    fn problem(yaml: &str) -> Diagnostic {
        parse_yaml::<crate::content::model::ServiceFacts>(yaml, Path::new("s.yaml"), 1).unwrap_err()
    }

    #[test]
    fn yaml_errors_are_in_plain_words_without_library_wording() {
        let d = problem("category: health\ncontact:\n  phone: \"1\"\n  phone: \"2\"\n");
        assert_eq!(
            d.message,
            "`phone` is written twice in this file; keep one."
        );
        assert_eq!(d.line, Some(4));
        let d = problem("category: health\nprice_nok: -5\n");
        assert_eq!(
            d.message,
            "This value must be a whole number of 0 or more (without spaces)."
        );
        let d = problem("category: helth\n");
        assert!(
            d.message.contains("Did you mean `health`?"),
            "{}",
            d.message
        );
        let d = problem("category: health\nprovder: X\n");
        assert!(
            d.message.contains("Did you mean `provider`?"),
            "{}",
            d.message
        );
        let d = problem("category: health\ninterpreter: maybe\n");
        assert_eq!(d.message, "This value must be `true` or `false`.");
        let d = problem("category: health\naudience: everyone\n");
        assert!(d.message.contains("a list"), "{}", d.message);
        let d = problem("provider: X\n");
        assert_eq!(d.message, "The required field `category` is missing.");
        for d in [
            problem("category: health\ncontact: [\n"),
            problem("a: b\n---\nc: d\n"),
        ] {
            for leak in [
                "Options", "from_str", "u32", "struct", "sequence", "mapping",
            ] {
                assert!(!d.message.contains(leak) && !d.hint.contains(leak), "{d}");
            }
        }
    }

    #[test]
    fn the_quotes_hint_is_given_only_where_a_colon_or_hash_is_unquoted() {
        let d = problem("category: health\nprovider: Legevakt: Storgata 1\n");
        assert_eq!(d.line, Some(2));
        assert!(d.hint.contains("needs quotes"), "{d}");
        let d = problem("category: health\naudience: [everyone\n");
        assert!(!d.hint.contains("quotes"), "{d}");
        let d = problem("category: helth\n");
        assert!(!d.hint.contains("quotes"), "{d}");
        assert!(!has_unquoted_colon_or_hash("provider: \"A: b\""));
        assert!(has_unquoted_colon_or_hash("  - name: A #1"));
    }

    #[test]
    fn a_file_that_cannot_be_read_is_named_without_the_systems_words() {
        let d = read_text(Path::new("/nonexistent/torg/a.nb.md")).unwrap_err();
        assert_eq!(d.message, "The file does not exist (any more).");
        let tmp = tempfile::tempdir().unwrap();
        let d = read_text(tmp.path()).unwrap_err();
        assert!(!d.message.contains("os error"), "{}", d.message);
    }

    #[test]
    fn missing_closing_fence_is_none() {
        assert!(split_front_matter("---\ntitle: A\n").is_none());
        assert!(split_front_matter("title: A\n").is_none());
    }
}
