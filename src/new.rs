//! `torg new`: the files an editor fills in for a new service, page, glossary term, plan theme or
//! portal, so nobody has to copy an old file and guess which of its lines to change.
//!
//! Files are written in the portal's source language only: a translation is made from a finished
//! text, never a copy of it under another language's name. Each file names its schema on its
//! first line (for the editor's completion) and says in comments what to write; fields that need
//! a person's decision are left as comments, so `torg check` names each one until it is filled
//! in. Nothing is ever overwritten.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;

use crate::content::load::{is_slug, site_dirs};
use crate::content::model::{Audience, Category, Cost, Day, MeasureStatus, SiteConfig};
use crate::content::source::load_yaml;
use crate::diagnostic::{Diagnostic, Report};
use crate::layout;
use crate::schema::{FileKind, schema_line};

/// What `torg new` creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum NewKind {
    /// A service: services/NAME.yaml and its text.
    Service,
    /// A free page: pages/NAME.<language>.md.
    Page,
    /// A glossary term: glossary/NAME.<language>.md.
    Term,
    /// A theme (chapter) of the plan: plan/themes/NAME.yaml and its text.
    Theme,
    /// A portal: content/NAME/site.yaml.
    Portal,
}

/// Where the new files go and what they point at.
pub struct NewRequest<'a> {
    pub kind: NewKind,
    pub name: &'a str,
    /// The folder with one sub-folder per portal.
    pub content: &'a Path,
    /// The portal to add to; needed only when the content folder has more than one.
    pub site: Option<&'a str>,
    /// The folder with the schemas (`torg schema` writes them), named on each file's first line.
    pub schemas: &'a Path,
}

/// A problem that stops `torg new`, and whether it is a mistake in the command (exit code 2)
/// rather than in the content it reads (exit code 1).
#[derive(Debug)]
pub struct Refusal {
    pub problem: Diagnostic,
    pub usage: bool,
}

impl From<Diagnostic> for Refusal {
    fn from(problem: Diagnostic) -> Self {
        Refusal {
            problem,
            usage: false,
        }
    }
}

fn usage(problem: Diagnostic) -> Refusal {
    Refusal {
        problem,
        usage: true,
    }
}

/// What `torg new` made, and what the editor must do besides filling it in.
#[derive(Debug)]
pub struct Created {
    pub files: Vec<PathBuf>,
    /// Steps outside the new files, such as listing a theme in the plan.
    pub notes: Vec<String>,
}

/// One file to write: where, its kind, and the text after the `$schema` line.
struct Planned {
    path: PathBuf,
    kind: FileKind,
    body: String,
}

/// Creates the files, after checking that the name is a slug and that none of them exists.
pub fn create(req: &NewRequest) -> Result<Created, Refusal> {
    let planned = plan(req)?;
    let name_path = planned.first().map(|p| p.path.clone()).unwrap_or_default();
    if !is_slug(req.name) {
        return Err(usage(
            Diagnostic::error("bad-name", &name_path, format!("`{}` cannot be used as a name: it becomes a web address.", req.name))
                .hint("Use only lower-case letters a–z, digits and `-`, for example `helsestasjon-for-barn`."),
        ));
    }
    if let Some(existing) = planned.iter().find(|p| p.path.exists()) {
        return Err(usage(
            Diagnostic::error(
                "exists",
                &existing.path,
                "This file already exists; torg new never changes an existing file.",
            )
            .hint("Choose another name, or open the file and edit it."),
        ));
    }
    let files = planned
        .iter()
        .map(|p| write_new(p, req.schemas))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Created {
        notes: notes(req.kind, req.name, &files),
        files,
    })
}

/// A theme appears in the plan only where plan.yaml lists it.
fn notes(kind: NewKind, name: &str, files: &[PathBuf]) -> Vec<String> {
    let plan = files.first().and_then(|f| f.parent()?.parent());
    match (kind, plan) {
        (NewKind::Theme, Some(plan)) => vec![format!(
            "add `{name}` to `themes:` in {}, where it comes in the plan",
            plan.join(layout::PLAN_FILE).display()
        )],
        _ => Vec::new(),
    }
}

/// The files of the request, in the portal it names.
fn plan(req: &NewRequest) -> Result<Vec<Planned>, Refusal> {
    if req.kind == NewKind::Portal {
        return Ok(vec![Planned {
            path: layout::site_file(&req.content.join(req.name)),
            kind: FileKind::Site,
            body: portal_template(req.name),
        }]);
    }
    let item = Item::in_portal(req)?;
    let title = title_from(req.name);
    Ok(match req.kind {
        NewKind::Service => {
            let dir = item.site.join(layout::SERVICES_DIR);
            vec![
                item.facts(&dir, FileKind::Service, service_template()),
                item.text(&dir, FileKind::ServiceText, service_text(&title)),
            ]
        }
        NewKind::Theme => {
            let plan = item.site.join(layout::PLAN_DIR);
            require_plan(&plan)?;
            let dir = plan.join(layout::PLAN_CHAPTERS_DIR);
            vec![
                item.facts(&dir, FileKind::Theme, theme_template()),
                item.text(&dir, FileKind::ThemeText, theme_text(&title)),
            ]
        }
        NewKind::Page => {
            let dir = item.site.join(layout::PAGES_DIR);
            vec![item.text(&dir, FileKind::PageText, page_text(&title))]
        }
        // A portal was planned above.
        NewKind::Term | NewKind::Portal => {
            let dir = item.site.join(layout::GLOSSARY_DIR);
            vec![item.text(&dir, FileKind::TermText, term_text(&title))]
        }
    })
}

/// A new item of a portal: its name, the portal's folder and its source language.
struct Item<'a> {
    name: &'a str,
    site: PathBuf,
    lang: String,
}

impl<'a> Item<'a> {
    fn in_portal(req: &NewRequest<'a>) -> Result<Item<'a>, Refusal> {
        let site = portal(req)?;
        let lang = source_language(&site)?;
        Ok(Item {
            name: req.name,
            site,
            lang,
        })
    }

    /// `<name>.yaml` in `dir`.
    fn facts(&self, dir: &Path, kind: FileKind, body: String) -> Planned {
        Planned {
            path: dir.join(format!("{}.yaml", self.name)),
            kind,
            body,
        }
    }

    /// `<name>.<source language>.md` in `dir`.
    fn text(&self, dir: &Path, kind: FileKind, body: String) -> Planned {
        Planned {
            path: dir.join(format!("{}.{}.md", self.name, self.lang)),
            kind,
            body,
        }
    }
}

/// The portal folder to add to: the one named, or the only one there is.
fn portal(req: &NewRequest) -> Result<PathBuf, Refusal> {
    let mut ignored = Report::default();
    let portals = site_dirs(req.content, &mut ignored);
    let names: Vec<&str> = portals.iter().map(|(slug, _)| slug.as_str()).collect();
    let found = match req.site {
        Some(site) => portals.iter().find(|(slug, _)| slug == site),
        None if portals.len() == 1 => portals.first(),
        None => None,
    };
    if let Some((_, dir)) = found {
        return Ok(dir.clone());
    }
    let (message, hint) = match (req.site, names.is_empty()) {
        (_, true) => (
            "There is no portal in this folder yet.".to_string(),
            "Create one first with `torg new portal NAME`, or point --content at the folder with the portals.".to_string(),
        ),
        (Some(site), false) => (
            format!("There is no portal named `{site}` here."),
            format!("Use one of: {}.", names.join(", ")),
        ),
        (None, false) => (
            "There are several portals here; torg new does not know which one to add to.".to_string(),
            format!("Name it with --site, one of: {}.", names.join(", ")),
        ),
    };
    Err(usage(
        Diagnostic::error("usage", req.content, message).hint(hint),
    ))
}

/// The portal's first language, the one every text is written in first.
fn source_language(site: &Path) -> Result<String, Refusal> {
    let path = layout::site_file(site);
    let config: SiteConfig = load_yaml(&path)?;
    config.languages.first().cloned().ok_or_else(|| {
        Diagnostic::error("unknown-language", &path, "The portal lists no languages.")
            .hint("Write `languages: [nb, en, pl, lt, ar]`, the source language first.")
            .into()
    })
}

/// A theme is a chapter of a plan, so the plan must be there first.
fn require_plan(plan: &Path) -> Result<(), Refusal> {
    let facts = plan.join(layout::PLAN_FILE);
    if facts.is_file() {
        return Ok(());
    }
    Err(usage(
        Diagnostic::error(
            "missing-file",
            &facts,
            "This portal has no plan yet, so it cannot have a theme.",
        )
        .hint("Write plan/plan.yaml and the plan's text first (docs/content.md shows both)."),
    ))
}

/// Writes one new file, failing rather than replacing a file made in the meantime.
fn write_new(file: &Planned, schemas: &Path) -> Result<PathBuf, Refusal> {
    let failed = |e: std::io::Error| {
        Diagnostic::error(
            "io",
            &file.path,
            format!("The file could not be written: {e}."),
        )
        .hint("Check that you may write to this folder.")
    };
    let dir = file.path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(failed)?;
    let schema = schema_address(dir, &schemas.join(file.kind.schema_file()));
    let line = schema_line(&schema);
    let text = if file.kind.is_text() {
        format!("---\n{line}\n{}---\n", file.body)
    } else {
        format!("{line}\n{}", file.body)
    };
    let mut out = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&file.path)
        .map_err(failed)?;
    out.write_all(text.as_bytes()).map_err(failed)?;
    Ok(file.path.clone())
}

/// The schema's address as seen from the folder of the file that names it: relative, so the
/// line stays right wherever the project is checked out.
fn schema_address(from_dir: &Path, schema: &Path) -> String {
    let (Ok(from), Ok(to)) = (std::path::absolute(from_dir), std::path::absolute(schema)) else {
        return schema.display().to_string();
    };
    let common = from
        .components()
        .zip(to.components())
        .take_while(|(a, b)| a == b)
        .count();
    let ups = from.components().count() - common;
    let mut rel: PathBuf = std::iter::repeat_n("..", ups).collect();
    rel.extend(to.components().skip(common));
    rel.display().to_string()
}

/// `helsestasjon-for-barn` → `Helsestasjon for barn`: a start the editor corrects (æ, ø, å).
fn title_from(slug: &str) -> String {
    let words = slug.replace('-', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The allowed values of an enumeration, from its schema, as `a | b | c`.
fn allowed<T: JsonSchema>() -> String {
    let schema = schemars::schema_for!(T);
    let values = schema
        .get("enum")
        .and_then(|v| v.as_array())
        .map(|values| values.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>())
        .unwrap_or_default();
    values.join(" | ")
}

fn portal_template(name: &str) -> String {
    let languages = crate::content::model::default_languages().join(", ");
    format!(
        "# The portal's facts; every file of the portal goes in this folder (see docs/content.md).

# Required: the municipality, as its residents write it (correct æ, ø and å).
name: {title}
# The languages of the portal. The first is the source language: every text is written in it
# first, and translated from it.
languages: [{languages}]
# Where the portal will be published:
# base_url: https://example.org/{name}/
# How to reach the municipality:
# contact:
#   phone: \"+47 12 34 56 78\"
#   email: post@example.org
#   address: Storgata 1, 9999 Eksempelby
#   web: https://example.org/
",
        title = title_from(name)
    )
}

fn service_template() -> String {
    format!(
        "# The facts of this service, written once for every language (see docs/content.md).
# Leave out what you do not know; remove the `# ` in front of each line you fill in.

# Required: which kind of offer this is, one of {categories}
# category:
# The unit that offers it, by the name a resident asks for:
# provider:
# Whom it is for, any of {audiences}
# audience: []
# How to reach it (the phone number in quotes):
# contact:
#   phone: \"+47 12 34 56 78\"
#   email: post@example.org
#   address: Storgata 1, 9999 Eksempelby
#   web: https://example.org/
# Opening hours, one entry per set of days ({days}):
# hours:
#   - days: [mon, tue, wed, thu, fri]
#     opens: \"08:00\"
#     closes: \"15:30\"
# Whether it costs money, one of {costs}; with `paid`, the price in kroner if known:
cost: unknown
# price_nok:
# The languages spoken there, as language codes such as nb, en, ar:
# languages: []
# Whether it offers an interpreter, true or false:
# interpreter:
# The plan's measures it carries out, each as <theme>/<measure id>:
# measures: []
# When you checked these facts, as YYYY-MM-DD:
# reviewed:
",
        categories = allowed::<Category>(),
        audiences = allowed::<Audience>(),
        days = allowed::<Day>(),
        costs = allowed::<Cost>(),
    )
}

fn service_text(title: &str) -> String {
    format!(
        "title: {title}
# Required: one plain sentence saying what the service is (at most 500 characters):
# summary:
# Below the second --- line, write the text of the page in Markdown.
"
    )
}

fn theme_template() -> String {
    format!(
        "# The facts of this theme (a chapter or strategy of the plan), see docs/content.md.
# Also add its name to `themes:` in plan/plan.yaml, where it comes in the plan.

# Required: where in the plan this theme comes from, such as the chapter and page:
# source:
# The plan's measures (tiltak) for this theme, in the plan's order: replace `[]` by one entry
# per measure, like this one:
measures: []
#   - id: a-short-name      # a-z, 0-9 and -, once in this theme
#     responsible:          # who carries it out, as the plan states it
#     timing:               # a year (2019), a period (2018-2020), ongoing, or 2017-ongoing
#     status:               # {statuses}
",
        statuses = allowed::<MeasureStatus>(),
    )
}

fn theme_text(title: &str) -> String {
    format!(
        "title: {title}
# The goals of this theme, as the plan states them:
# goals:
#   - …
# The text of each measure of the .yaml file, by its id:
# measures:
#   a-short-name: …
# Below the second --- line, write what the plan says about this theme, in Markdown.
"
    )
}

fn page_text(title: &str) -> String {
    format!(
        "title: {title}
# Optional: one plain sentence about the page (at most 500 characters):
# summary:
# Below the second --- line, write the text of the page in Markdown.
"
    )
}

fn term_text(title: &str) -> String {
    format!(
        "term: {title}
# Below the second --- line, explain the term in a few plain sentences.
"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_schema_addresses_are_derived_from_names_and_places() {
        assert_eq!(title_from("helsestasjon-for-barn"), "Helsestasjon for barn");
        assert_eq!(title_from("2-tiltak"), "2 tiltak");
        let at = schema_address(
            Path::new("content/demo/services"),
            Path::new("docs/schema/service.schema.json"),
        );
        assert_eq!(at, "../../../docs/schema/service.schema.json");
        assert_eq!(allowed::<Cost>(), "free | paid | unknown");
    }
}
