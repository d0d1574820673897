//! Reading content files: UTF-8 checks, YAML with positions, and Markdown front matter.

use std::fs;
use std::path::Path;

use serde::de::DeserializeOwned;

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
}

/// Reads `---`-delimited YAML front matter and the Markdown body after it.
pub fn load_doc<F: DeserializeOwned>(path: &Path) -> Result<Doc<F>, Diagnostic> {
    let text = read_text(path)?;
    let (yaml, body, body_line) = split_front_matter(&text).ok_or_else(|| {
        Diagnostic::error("front-matter", path, "The file does not start with front matter.")
            .at(1, None)
            .hint("Start the file with a line `---`, the fields (such as `title: …`), and another `---` line.")
    })?;
    let front = parse_yaml(yaml, path, 2)?;
    Ok(Doc {
        front,
        body: body.to_string(),
        body_line,
    })
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
    fn missing_closing_fence_is_none() {
        assert!(split_front_matter("---\ntitle: A\n").is_none());
        assert!(split_front_matter("title: A\n").is_none());
    }
}
