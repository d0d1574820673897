//! The one error type of torg: a problem in a file, where it is, and what to do about it.
//!
//! Every stage reports through [`Diagnostic`] so that a build can list all problems of a run at
//! once, each in words a communications officer can act on.

use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

/// Whether a problem stops the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// A problem found in the content, theme or locales, or while writing the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `yaml` or `broken-link`.
    pub code: &'static str,
    pub file: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    /// One sentence telling the author how to fix it.
    pub hint: String,
}

impl Diagnostic {
    pub fn error(code: &'static str, file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            file: file.to_path_buf(),
            line: None,
            column: None,
            message: message.into(),
            hint: String::new(),
        }
    }

    pub fn warning(code: &'static str, file: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
    }

    pub fn at(mut self, line: usize, column: Option<usize>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = hint.into();
        self
    }

    /// Warnings count as errors under `--strict`.
    pub fn is_fatal(&self, strict: bool) -> bool {
        self.severity == Severity::Error || strict
    }

    pub fn position(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file.display()),
            (Some(l), None) => format!("{}:{l}", self.file.display()),
            _ => self.file.display().to_string(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{label}[{}]: {}\n  {}",
            self.code,
            self.position(),
            self.message
        )?;
        if !self.hint.is_empty() {
            write!(f, "\n  how to fix: {}", self.hint)?;
        }
        Ok(())
    }
}

/// All problems of one run, printed together in a stable order.
#[derive(Debug, Default)]
pub struct Report {
    items: Vec<Diagnostic>,
}

impl Report {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    pub fn is_fatal(&self, strict: bool) -> bool {
        self.items.iter().any(|d| d.is_fatal(strict))
    }

    /// Sorted by file, then line, so the output is the same on every run and easy to work through.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
        });
        items.dedup();
        items
    }

    /// Applies `f` to every item on all cores, each call with its own report, then collects the
    /// results and problems in the items' order, so output stays deterministic.
    pub fn par_map<T: Send, R: Send>(
        &mut self,
        items: impl IntoParallelIterator<Item = T>,
        f: impl Fn(T, &mut Report) -> Option<R> + Sync + Send,
    ) -> Vec<R> {
        let done: Vec<(Option<R>, Report)> = items
            .into_par_iter()
            .map(|item| {
                let mut problems = Report::default();
                (f(item, &mut problems), problems)
            })
            .collect();
        let mut out = Vec::with_capacity(done.len());
        for (result, problems) in done {
            self.extend(problems);
            out.extend(result);
        }
        out
    }

    pub fn print(&self) {
        for d in self.sorted() {
            eprintln!("{d}\n");
        }
    }
}

impl IntoIterator for Report {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// Turns a serde-saphyr message into plain words; the position is reported separately.
pub fn plain_yaml_message(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or(raw);
    let text = strip_position_prefix(first);
    if let Some(rest) = text.strip_prefix("unknown field `") {
        let (name, expected) = split_expected(rest);
        return format!("`{name}` is not a field torg knows here. Allowed fields: {expected}.");
    }
    if let Some(rest) = text.strip_prefix("unknown variant `") {
        let (name, expected) = split_expected(rest);
        return format!("`{name}` is not an allowed value here. Use one of: {expected}.");
    }
    if let Some(rest) = text.strip_prefix("missing field `") {
        let name = rest.trim_end_matches('`');
        return format!("The required field `{name}` is missing.");
    }
    text.to_string()
}

/// Drops `error: line 1 column 2: ` before and ` at line 1, column 2` after the message.
fn strip_position_prefix(line: &str) -> &str {
    let line = line.strip_prefix("error: ").unwrap_or(line);
    let line = match line.find(": ") {
        Some(i) if line.starts_with("line ") => &line[i + 2..],
        _ => line,
    };
    match line.rfind(" at line ") {
        Some(i) if line[i..].contains(", column ") => &line[..i],
        _ => line,
    }
}

fn split_expected(rest: &str) -> (&str, &str) {
    match rest.split_once("`, expected one of ") {
        Some((name, expected)) => (name, expected),
        None => (rest.trim_end_matches('`'), "see docs/content.md"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_messages_become_plain_words() {
        let m = plain_yaml_message(
            "error: line 2 column 1: unknown field `phon`, expected one of phone, email\n --> x",
        );
        assert_eq!(
            m,
            "`phon` is not a field torg knows here. Allowed fields: phone, email."
        );
        let m = plain_yaml_message("error: line 1 column 1: missing field `category`");
        assert_eq!(m, "The required field `category` is missing.");
        let m = plain_yaml_message("missing field `summary` at line 1, column 1");
        assert_eq!(m, "The required field `summary` is missing.");
    }

    #[test]
    fn display_names_file_line_and_hint() {
        let d = Diagnostic::error("yaml", Path::new("a/b.yaml"), "bad")
            .at(3, Some(7))
            .hint("fix it");
        assert_eq!(
            d.to_string(),
            "error[yaml]: a/b.yaml:3:7\n  bad\n  how to fix: fix it"
        );
    }
}
