//! The one error type of torg: a problem in a file, where it is, and what to do about it.
//!
//! Every stage reports through [`Diagnostic`] so that a build can list all problems of a run at
//! once, each in words a communications officer can act on.

use std::collections::BTreeSet;
use std::fmt;
use std::io::{self, IsTerminal, Write};
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
        f.write_str(&human(self, false))
    }
}

/// `error[code]: file:line:col`, the message, and how to fix it; with terminal colours if asked.
fn human(d: &Diagnostic, colour: bool) -> String {
    let paint = |code: &str, text: &str| {
        if colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    };
    let label = format!("{}[{}]", d.severity.label(), d.code);
    let label = match d.severity {
        Severity::Error => paint("1;31", &label),
        Severity::Warning => paint("1;33", &label),
    };
    let mut text = format!("{label}: {}\n  {}", d.position(), d.message);
    if !d.hint.is_empty() {
        text.push_str(&format!("\n  {}: {}", paint("36", "how to fix"), d.hint));
    }
    text
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

    /// Counts problems as they are printed: once, though every language's page reported it.
    pub fn count(&self, severity: Severity) -> usize {
        let items = self.sorted().into_iter();
        items.filter(|d| d.severity == severity).count()
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

    /// Writes every problem in `format`. `content` is the content folder, from which each
    /// problem's portal and language are named in JSON.
    pub fn emit(&self, format: Format, content: &Path, out: &mut impl Write) -> io::Result<()> {
        let items = self.sorted();
        match format {
            Format::Human => write_human(&items, colour_wanted(), out),
            Format::Json => {
                let json = self.to_json(&items, content);
                serde_json::to_writer_pretty(&mut *out, &json)?;
                writeln!(out)
            }
            Format::Github => items
                .iter()
                .try_for_each(|d| writeln!(out, "{}", github_annotation(d))),
        }
    }

    fn to_json(&self, items: &[&Diagnostic], content: &Path) -> serde_json::Value {
        let diagnostics: Vec<serde_json::Value> = items
            .iter()
            .map(|d| {
                let (site, lang) = site_and_language(&d.file, content);
                serde_json::json!({
                    "severity": d.severity.label(),
                    "code": d.code,
                    "file": d.file.to_string_lossy().replace('\\', "/"),
                    "line": d.line,
                    "column": d.column,
                    "message": d.message,
                    "hint": d.hint,
                    "site": site,
                    "lang": lang,
                })
            })
            .collect();
        let files: BTreeSet<&Path> = items.iter().map(|d| d.file.as_path()).collect();
        serde_json::json!({
            "diagnostics": diagnostics,
            "summary": {
                "errors": self.count(Severity::Error),
                "warnings": self.count(Severity::Warning),
                "files": files.len(),
            },
        })
    }
}

/// How `build` and `check` print problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Grouped by file, with a fix for each; coloured on a terminal unless NO_COLOR is set.
    Human,
    /// One JSON document on standard output (see docs/diagnostics.md).
    Json,
    /// GitHub Actions annotations, shown on the changed lines of a pull request.
    Github,
}

impl Severity {
    fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
fn colour_wanted() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stderr().is_terminal()
}

/// Problems grouped under the name of their file, in the order of [`Report::sorted`].
fn write_human(items: &[&Diagnostic], colour: bool, out: &mut impl Write) -> io::Result<()> {
    let mut current: Option<&Path> = None;
    for d in items {
        if current != Some(d.file.as_path()) {
            current = Some(&d.file);
            let name = d.file.display();
            if colour {
                writeln!(out, "\x1b[1;4m{name}\x1b[0m")?;
            } else {
                writeln!(out, "{name}")?;
            }
        }
        writeln!(out, "{}\n", human(d, colour))?;
    }
    Ok(())
}

/// `::error file=…,line=…,col=…,title=…::message`, escaped as the Actions runner expects.
fn github_annotation(d: &Diagnostic) -> String {
    let data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let property = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    let mut props = vec![format!("file={}", property(&d.file.to_string_lossy()))];
    if let Some(line) = d.line {
        props.push(format!("line={line}"));
    }
    if let Some(col) = d.column {
        props.push(format!("col={col}"));
    }
    props.push(format!("title={}", property(&format!("torg {}", d.code))));
    let mut message = d.message.clone();
    if !d.hint.is_empty() {
        message.push_str(&format!("\nHow to fix: {}", d.hint));
    }
    format!(
        "::{} {}::{}",
        d.severity.label(),
        props.join(","),
        data(&message)
    )
}

/// The portal (first folder below `content`) and language (`<slug>.<lang>.md`, or
/// `locales/<lang>/…`) a file belongs to, when it has them.
fn site_and_language(file: &Path, content: &Path) -> (Option<String>, Option<String>) {
    let Ok(rel) = file.strip_prefix(content) else {
        return (None, None);
    };
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    let site = (parts.len() > 1).then(|| parts[0].clone());
    let name: Vec<&str> = parts.last().map_or(Vec::new(), |n| n.split('.').collect());
    let lang = match (name.as_slice(), parts.as_slice()) {
        ([_, lang, "md"], _) => Some(lang.to_string()),
        (_, [_, locales, lang, _]) if locales == "locales" => Some(lang.clone()),
        _ => None,
    };
    (site, lang)
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
