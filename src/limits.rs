//! Size limits on what torg reads, so memory and output stay proportionate to the input.
//!
//! Without them a 50 MB Markdown page took 1 GB of memory to build, and a long title was
//! repeated on every page that lists it, in every language. Each limit is far above anything a
//! portal needs (the bundled portals' largest file is 8.5 KB, longest line 854 characters, longest
//! title 143 characters) and below what makes a build or a phone struggle; going over it is an
//! error that names the file and line and says the limit in words.

use std::fs;
use std::path::Path;

use crate::diagnostic::Diagnostic;

/// Any file torg reads as text (content, `.ftl`, templates): 256 KiB is a book chapter, 30 times
/// the largest bundled file, and no phone reader wants a page longer than that.
pub const MAX_FILE_BYTES: u64 = 256 * 1024;

/// A line of a content file: a paragraph is one line in Markdown, and 4,000 characters is about
/// 600 words, longer than any paragraph a reader follows on a phone screen.
pub const MAX_LINE_CHARS: usize = 4_000;

/// A title or name is repeated in menus, lists, search results and every language's pages.
pub const MAX_TITLE_CHARS: usize = 200;

/// A summary is shown on the home, category and theme pages and in search results.
pub const MAX_SUMMARY_CHARS: usize = 500;

/// Markdown elements inside each other (a quote in a list item in a list is three): deeper than
/// this no reader can follow, and each level costs markup on every page that shows the text.
pub const MAX_NESTING: usize = 32;

/// Texts one interface message may expand into through references to other messages:
/// fluent-bundle stops formatting at 100 placeables, so a message that needs more never shows.
pub const MAX_TEXT_EXPANSION: usize = 100;

/// Refuses a file larger than [`MAX_FILE_BYTES`], looking only at its size, before reading it.
pub fn check_file_size(path: &Path) -> Result<(), Diagnostic> {
    let Ok(meta) = fs::metadata(path) else {
        return Ok(()); // reading it will say what is wrong
    };
    if meta.len() <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(Diagnostic::error(
        "too-large",
        path,
        format!(
            "The file is {}, more than torg reads in one file ({}).",
            kib(meta.len()),
            kib(MAX_FILE_BYTES)
        ),
    )
    .hint("Split it into several files, or remove what was pasted in by mistake."))
}

/// The first line of `text` longer than [`MAX_LINE_CHARS`]; `first_line` is the file line of
/// `text`'s first line.
pub fn check_line_length(text: &str, path: &Path, first_line: usize) -> Result<(), Diagnostic> {
    let Some((i, chars)) = text
        .lines()
        .map(|l| l.chars().count())
        .enumerate()
        .find(|(_, n)| *n > MAX_LINE_CHARS)
    else {
        return Ok(());
    };
    Err(Diagnostic::error(
        "too-large",
        path,
        format!(
            "This line is {} characters long; a line may have at most {} characters.",
            thousands(chars),
            thousands(MAX_LINE_CHARS)
        ),
    )
    .at(first_line + i, None)
    .hint("Break it into shorter lines (in Markdown, paragraphs with an empty line between them), or remove what was pasted in by mistake."))
}

/// `Err` with the words for a `what` (a title, a summary) longer than `max` characters.
pub fn check_short(text: &str, what: &str, max: usize) -> Result<(), String> {
    let chars = text.chars().count();
    if chars <= max {
        return Ok(());
    }
    Err(format!(
        "This {what} is {} characters long; a {what} may have at most {} characters, because it is shown on many pages. Shorten it and put the rest in the text",
        thousands(chars),
        thousands(max)
    ))
}

/// `262144` → `256 KB`, `52428800` → `50 MB`: sizes as a person reads them.
fn kib(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// `12000` → `12,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_by_its_size() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("big.nb.md");
        fs::write(&path, vec![b'a'; MAX_FILE_BYTES as usize]).unwrap();
        assert!(check_file_size(&path).is_ok());
        fs::write(&path, vec![b'a'; MAX_FILE_BYTES as usize + 1]).unwrap();
        let d = check_file_size(&path).unwrap_err();
        assert_eq!(d.code, "too-large");
        assert!(d.message.contains("(256 KB)"), "{}", d.message);
    }

    #[test]
    fn the_first_long_line_is_named() {
        let text = format!("short\n{}\n{}\n", "x".repeat(4_001), "y".repeat(9_000));
        let d = check_line_length(&text, Path::new("a.md"), 5).unwrap_err();
        assert_eq!(d.line, Some(6));
        assert!(d.message.contains("4,001 characters"), "{}", d.message);
        // Characters, not bytes: 4,000 Arabic letters are 8,000 bytes and still fine.
        assert!(check_line_length(&"ع".repeat(4_000), Path::new("a.md"), 1).is_ok());
    }

    #[test]
    fn short_texts_count_characters() {
        assert!(check_short(&"ł".repeat(200), "title", MAX_TITLE_CHARS).is_ok());
        let e = check_short(&"ł".repeat(201), "title", MAX_TITLE_CHARS).unwrap_err();
        assert!(e.starts_with("This title is 201 characters long"), "{e}");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(kib(50 * 1024 * 1024), "50 MB");
    }
}
