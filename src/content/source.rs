//! Reading content files: UTF-8 checks, YAML with positions, and Markdown front matter.

use std::borrow::Cow;
use std::fs;
use std::path::Path;

use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, plain_yaml_message};

/// Reads a file as UTF-8, naming the line of the first invalid byte when it is not.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = fs::read(path).map_err(|e| {
        Diagnostic::error("io", path, format!("The file could not be read: {e}."))
            .hint("Check that the file exists and that you may read it.")
    })?;
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
        let raw = e.without_snippet().to_string();
        let mut d = Diagnostic::error("yaml", path, plain_yaml_message(&raw)).hint(
            "Compare with the example in docs/content.md; values with `:` or `#` need quotes.",
        );
        if let Some(loc) = e.location().filter(|l| l.line() > 0) {
            d = d.at(
                loc.line() as usize + first_line - 1,
                Some(loc.column() as usize),
            );
        }
        d
    })
}

/// Reads and parses a YAML file.
pub fn load_yaml<T: DeserializeOwned>(path: &Path) -> Result<T, Diagnostic> {
    parse_yaml(&read_text(path)?, path, 1)
}

/// A Markdown file split into its front matter and its body.
#[derive(Debug, Clone)]
pub struct Doc<F> {
    pub front: F,
    pub body: String,
    /// Line of the file where the body starts, so Markdown problems can name a file line.
    pub body_line: usize,
    /// In a translation: the [`fingerprint`] of the source file it was translated from.
    pub translated_from: Option<String>,
}

/// The front matter field a translation is stamped with; torg reads it, not the page types.
const STAMP: &str = "translated_from:";

/// Reads `---`-delimited YAML front matter and the Markdown body after it.
pub fn load_doc<F: DeserializeOwned>(path: &Path) -> Result<Doc<F>, Diagnostic> {
    let text = read_text(path)?;
    let (yaml, body, body_line) = split_front_matter(&text).ok_or_else(|| {
        Diagnostic::error("front-matter", path, "The file does not start with front matter.")
            .at(1, None)
            .hint("Start the file with a line `---`, the fields (such as `title: …`), and another `---` line.")
    })?;
    let (yaml, translated_from) = take_stamp(yaml);
    let front = parse_yaml(&yaml, path, 2)?;
    Ok(Doc {
        front,
        body: body.to_string(),
        body_line,
        translated_from,
    })
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
    let bytes = fs::read(path).map_err(|e| {
        Diagnostic::error("io", path, format!("The file could not be read: {e}."))
            .hint("Check that the file exists and that you may read it.")
    })?;
    let digest = Sha256::digest(&bytes);
    Ok(digest.iter().take(6).map(|b| format!("{b:02x}")).collect())
}

/// Records in `translation` that it matches the current `source`: sets `translated_from`.
pub fn stamp(translation: &Path, source: &Path) -> Result<String, Diagnostic> {
    let print = fingerprint(source)?;
    let text = read_text(translation)?;
    if split_front_matter(&text).is_none() {
        return Err(Diagnostic::error("front-matter", translation, "The file does not start with front matter.")
            .hint("Start the file with a line `---`, the fields (such as `title: …`), and another `---` line."));
    }
    let line = format!("{STAMP} {print}");
    let stamped = match text.lines().position(|l| l.starts_with(STAMP)) {
        Some(i) => {
            let mut lines: Vec<&str> = text.lines().collect();
            lines[i] = &line;
            lines.join("\n") + if text.ends_with('\n') { "\n" } else { "" }
        }
        None => text.replacen("---", &format!("---\n{line}"), 1),
    };
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
        let print = stamp(&tr, &src).unwrap();
        assert_eq!(print.len(), 12);
        let doc: Doc<serde_json::Value> = load_doc(&tr).unwrap();
        assert_eq!(doc.translated_from.as_deref(), Some(print.as_str()));
        assert_eq!(doc.front["title"], "B");
        fs::write(&src, "---\ntitle: A2\n---\nTekst\n").unwrap();
        let again = stamp(&tr, &src).unwrap();
        assert_ne!(again, print);
        let text = fs::read_to_string(&tr).unwrap();
        assert_eq!(text.matches("translated_from").count(), 1, "{text}");
    }

    #[test]
    fn missing_closing_fence_is_none() {
        assert!(split_front_matter("---\ntitle: A\n").is_none());
        assert!(split_front_matter("title: A\n").is_none());
    }
}
