//! The one error type of torg: a problem in a file, where it is, and what to do about it.
//!
//! Every stage reports through [`Diagnostic`] so that a build can list all problems of a run at
//! once, each in words a communications officer can act on.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::layout;

/// Whether a problem stops the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    Error,
    Warning,
}

/// A problem found in the content, theme or locales, or while writing the output. Serialised only
/// into a cache entry ([`crate::cache`]), which replays a portal's warnings when it is copied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `yaml` or `broken-link`; owned only when read back
    /// from a cache entry.
    pub code: Cow<'static, str>,
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
            code: Cow::Borrowed(code),
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

    /// Problems of `severity` as printed: the same problem found on several pages counts once.
    pub fn count(&self, severity: Severity) -> usize {
        self.sorted()
            .iter()
            .filter(|d| d.severity == severity)
            .count()
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
        (_, [_, locales, lang, _]) if locales == layout::LOCALES_DIR => Some(lang.clone()),
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

/// ` Did you mean `health`?` when one allowed word is a likely misspelling of `word`: within a
/// third of its letters (Levenshtein distance), which catches typos but not a different word,
/// or the start of it (`school` for `schooling`). Words whose lengths alone differ by more than
/// that are not compared: the distance takes time in the product of the lengths, and a
/// corrupted template can name a field thousands of letters long on every page.
pub fn did_you_mean(word: &str, allowed: &[&str]) -> String {
    let length = word.chars().count();
    let limit = (length / 3).max(1);
    allowed
        .iter()
        .filter(|a| a.chars().count().abs_diff(length) <= limit || a.starts_with(word))
        .map(|a| (strsim::levenshtein(word, a), *a))
        .filter(|(d, a)| *d <= limit || (word.len() >= 4 && a.starts_with(word)))
        .min()
        .map(|(_, a)| format!(" Did you mean `{a}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelling_is_matched_but_not_another_word() {
        let allowed = ["settlement", "health", "schooling", "leisure", "work"];
        assert_eq!(did_you_mean("helth", &allowed), " Did you mean `health`?");
        assert_eq!(
            did_you_mean("school", &allowed),
            " Did you mean `schooling`?"
        );
        assert_eq!(did_you_mean("w", &allowed), "");
        assert_eq!(did_you_mean("sport", &allowed), "");
    }

    #[test]
    fn a_problem_found_on_several_pages_counts_once() {
        let d = Diagnostic::error("template", Path::new("404.html"), "bad").at(3, None);
        let mut report = Report::default();
        report.extend([d.clone(), d.clone(), d.at(4, None)]);
        assert_eq!(report.count(Severity::Error), 2);
        assert_eq!(report.sorted().len(), 2);
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
