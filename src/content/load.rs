//! Walking a portal folder and turning its files into a [`Site`].
//!
//! Every file must have an expected place and name; anything else is reported, so a misnamed file
//! never silently disappears from the portal. All problems are collected, not just the first.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use super::model::{
    Chapter, Localized, Page, Plan, PlanFacts, Service, Site, SiteConfig, Start, Term, TermList,
    TextOnly,
};
use super::source::{load_doc, load_yaml};
use crate::diagnostic::{Diagnostic, Report};
use crate::layout::{
    self, GLOSSARY_DIR, LOCALES_DIR, PAGES_DIR, PLAN_CHAPTERS_DIR, PLAN_DIR, PLAN_FILE, PLAN_TEXT,
    SERVICES_DIR, SITE_FILE, START_DIR, START_NAME, STATIC_DIR, TEMPLATES_DIR, TERMS_FILE,
    THEME_OVERRIDE_DIR,
};
use crate::route::Route;

/// Loads every portal under `content` (or only those named in `only`).
pub fn load_sites(
    content: &Path,
    only: &[String],
    languages: &BTreeSet<String>,
    report: &mut Report,
) -> Vec<Site> {
    let dirs = chosen_site_dirs(content, only, report);
    report.par_map(dirs, |(slug, dir), problems| {
        load_site(slug, dir, languages, problems)
    })
}

/// The portal folders of `content` named in `only`, or all when it is empty.
pub fn chosen_site_dirs(
    content: &Path,
    only: &[String],
    report: &mut Report,
) -> Vec<(String, PathBuf)> {
    site_dirs(content, report)
        .into_iter()
        .filter(|(slug, _)| only.is_empty() || only.contains(slug))
        .collect()
}

/// The portal folders of `content`, sorted; stray files at the top level are reported.
pub fn site_dirs(content: &Path, report: &mut Report) -> Vec<(String, PathBuf)> {
    let mut dirs = Vec::new();
    for entry in WalkDir::new(content)
        .min_depth(1)
        .max_depth(1)
        .sort_by_file_name()
    {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().to_string();
        if is_ignored(&name) {
            continue;
        }
        if entry.file_type().is_dir() && layout::site_file(entry.path()).is_file() {
            dirs.push((name, entry.into_path()));
        } else {
            report.push(
                Diagnostic::error("unexpected-file", entry.path(), "This is not a portal folder.")
                    .hint("Each folder in content/ is one portal and needs a site.yaml; move or remove this."),
            );
        }
    }
    dirs
}

/// Slugs become web addresses, so they stay within what every server and phone handles alike.
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Hidden files and editor backups are never content.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") || name.starts_with('#')
}

/// What a file is, judged from where it is and its name.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Place {
    SiteConfig,
    TermList,
    PlanFacts,
    PlanText(String),
    Facts(Kind, String),
    Text(Kind, String, String),
    /// Locale overrides and theme overrides, read by later stages.
    Override,
}

/// The kinds of item that have a file per language (and for some, a facts file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Service,
    Chapter,
    Page,
    Term,
    Start,
}

impl Kind {
    /// The page an item of this kind gets.
    fn route(self, slug: &str) -> Route {
        match self {
            Kind::Service => Route::Service(slug.to_string()),
            Kind::Chapter => Route::Chapter(slug.to_string()),
            Kind::Page => Route::Page(slug.to_string()),
            Kind::Term => Route::Glossary,
            Kind::Start => Route::Start,
        }
    }

    fn folder(self) -> PathBuf {
        match self {
            Kind::Service => PathBuf::from(layout::SERVICES_DIR),
            Kind::Chapter => Path::new(layout::PLAN_DIR).join(layout::PLAN_CHAPTERS_DIR),
            Kind::Page => PathBuf::from(layout::PAGES_DIR),
            Kind::Term => PathBuf::from(layout::GLOSSARY_DIR),
            Kind::Start => PathBuf::from(START_DIR),
        }
    }
}

/// The files of one kind of content, grouped by slug.
#[derive(Default)]
struct Group {
    facts: BTreeMap<String, PathBuf>,
    texts: BTreeMap<String, BTreeMap<String, PathBuf>>,
}

#[derive(Default)]
struct Files {
    term_list: Option<PathBuf>,
    plan_facts: Option<PathBuf>,
    plan_texts: BTreeMap<String, PathBuf>,
    groups: BTreeMap<Kind, Group>,
}

pub fn load_site(
    slug: String,
    dir: PathBuf,
    known: &BTreeSet<String>,
    report: &mut Report,
) -> Option<Site> {
    let config_path = layout::site_file(&dir);
    let config: SiteConfig = match load_yaml(&config_path) {
        Ok(c) => c,
        Err(d) => {
            report.push(d);
            return None;
        }
    };
    if !check_languages(&config, &config_path, known, report) {
        return None;
    }
    check_slug(&slug, &dir, report);
    let files = collect_files(&dir, &config.languages, report);
    let source = config.languages[0].clone();
    let load = Loader { source: &source };
    let mut text_only = Vec::new();
    let plan = load.plan(&dir, &files, &mut text_only, report);
    let services = load.items(
        &files,
        Kind::Service,
        &mut text_only,
        report,
        |slug, facts_path, facts, text| Service {
            slug,
            facts_path,
            facts,
            text,
        },
    );
    let pages = load.items(
        &files,
        Kind::Page,
        &mut text_only,
        report,
        |slug, _, (), text| Page { slug, text },
    );
    let glossary = load.items(
        &files,
        Kind::Term,
        &mut text_only,
        report,
        |slug, _, (), text| Term { slug, text },
    );
    let start = load
        .items(
            &files,
            Kind::Start,
            &mut text_only,
            report,
            |_, facts_path, facts, text| Start {
                facts_path,
                facts,
                text,
            },
        )
        .pop();
    let term_list = files.term_list.and_then(|path| match load_yaml(&path) {
        Ok(terms) => Some(TermList { path, terms }),
        Err(d) => {
            report.push(d);
            None
        }
    });
    Some(Site {
        slug,
        dir,
        config,
        plan,
        services,
        pages,
        glossary,
        start,
        term_list,
        text_only,
    })
}

fn check_languages(
    config: &SiteConfig,
    path: &Path,
    known: &BTreeSet<String>,
    report: &mut Report,
) -> bool {
    let mut ok = !config.languages.is_empty();
    if !ok {
        report.push(
            Diagnostic::error("unknown-language", path, "The portal lists no languages.")
                .hint("Write `languages: [nb, en, pl, lt, ar]`, the source language first."),
        );
    }
    let mut seen = BTreeSet::new();
    for lang in &config.languages {
        if known.is_empty() {
            // No interface texts at all: `missing-locales` says why; one error per language
            // would only bury it.
            ok = false;
        } else if !known.contains(lang) {
            ok = false;
            let list: Vec<&str> = known.iter().map(String::as_str).collect();
            report.push(
                Diagnostic::error(
                    "unknown-language",
                    path,
                    format!("`{lang}` is not a language torg has interface texts for."),
                )
                .hint(format!(
                    "Use one of {}, or add the folder locales/{lang}/ with its .ftl files.",
                    list.join(", ")
                )),
            );
        }
        if !seen.insert(lang) {
            ok = false;
            report.push(
                Diagnostic::error(
                    "duplicate-language",
                    path,
                    format!("`{lang}` is listed twice in `languages`."),
                )
                .hint("Remove the second one."),
            );
        }
    }
    ok
}

fn check_slug(slug: &str, path: &Path, report: &mut Report) {
    if !is_slug(slug) {
        report.push(
            Diagnostic::error("bad-name", path, format!("`{slug}` cannot be used as a web address."))
                .hint("Rename it using only lower-case letters a–z, digits and `-` (for example `helsestasjon-for-barn`)."),
        );
    }
}

/// Sorts every file of a portal folder into its [`Place`], reporting the ones that have none.
fn collect_files(dir: &Path, languages: &[String], report: &mut Report) -> Files {
    let mut files = Files::default();
    let walker = WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter();
    for entry in walker.filter_entry(|e| !is_ignored(&e.file_name().to_string_lossy())) {
        let Ok(entry) = entry else { continue };
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path();
        let rel = path.strip_prefix(dir).unwrap_or(path);
        match classify(rel, languages) {
            Ok(place) => files.add(place, path.to_path_buf(), report),
            Err(d) => report.push(Diagnostic {
                file: path.to_path_buf(),
                ..d
            }),
        }
    }
    files
}

impl Files {
    fn add(&mut self, place: Place, path: PathBuf, report: &mut Report) {
        match place {
            Place::SiteConfig | Place::Override => {}
            Place::TermList => self.term_list = Some(path),
            Place::PlanFacts => self.plan_facts = Some(path),
            Place::PlanText(lang) => {
                self.plan_texts.insert(lang, path);
            }
            Place::Facts(kind, slug) => {
                let group = self.groups.entry(kind).or_default();
                if let Some(first) = group.facts.insert(slug.clone(), path.clone()) {
                    report.push(duplicate(&path, &first, &slug));
                }
            }
            Place::Text(kind, slug, lang) => {
                let texts = self
                    .groups
                    .entry(kind)
                    .or_default()
                    .texts
                    .entry(slug.clone())
                    .or_default();
                if let Some(first) = texts.insert(lang, path.clone()) {
                    report.push(duplicate(&path, &first, &slug));
                }
            }
        }
    }
}

fn duplicate(path: &Path, first: &Path, slug: &str) -> Diagnostic {
    Diagnostic::error("duplicate-slug", path, format!("The name `{slug}` is already used by {}.", first.display()))
        .hint("Two items cannot share a name, because they would get the same web address; rename one of them.")
}

/// Decides what a file is from its path relative to the portal folder.
pub(crate) fn classify(rel: &Path, languages: &[String]) -> Result<Place, Diagnostic> {
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    let name = parts.last().copied().unwrap_or_default();
    match parts.as_slice() {
        [SITE_FILE] => Ok(Place::SiteConfig),
        [TERMS_FILE] => Ok(Place::TermList),
        [LOCALES_DIR, _, f] if f.ends_with(".ftl") => Ok(Place::Override),
        [THEME_OVERRIDE_DIR, TEMPLATES_DIR | STATIC_DIR, ..] => Ok(Place::Override),
        [PLAN_DIR, PLAN_FILE] => Ok(Place::PlanFacts),
        [PLAN_DIR, PLAN_CHAPTERS_DIR, _] => item(Kind::Chapter, name, languages, true),
        [PLAN_DIR, _] if name.starts_with(&format!("{PLAN_TEXT}.")) => {
            match item(Kind::Page, name, languages, false)? {
                Place::Text(_, _, lang) => Ok(Place::PlanText(lang)),
                _ => Err(unexpected(name)),
            }
        }
        [SERVICES_DIR, .., _] if parts.len() <= 3 => item(Kind::Service, name, languages, true),
        [PAGES_DIR, _] => item(Kind::Page, name, languages, false),
        [GLOSSARY_DIR, _] => item(Kind::Term, name, languages, false),
        [START_DIR, _] if name.split('.').next() == Some(START_NAME) => {
            item(Kind::Start, name, languages, true)
        }
        _ => Err(unexpected(name)),
    }
}

fn unexpected(name: &str) -> Diagnostic {
    Diagnostic::error("unexpected-file", Path::new(""), format!("torg does not know what `{name}` is here."))
        .hint("Content goes in site.yaml, terms.yaml, plan/, services/, pages/, glossary/, start/ (start.yaml, start.<language>.md), locales/ or theme/ (see docs/content.md); move or remove this file.")
}

/// Parses `<slug>.yaml` (when the kind has facts) or `<slug>.<lang>.md`.
fn item(
    kind: Kind,
    name: &str,
    languages: &[String],
    has_facts: bool,
) -> Result<Place, Diagnostic> {
    let pieces: Vec<&str> = name.split('.').collect();
    let bad =
        |msg: String, hint: String| Diagnostic::error("bad-name", Path::new(""), msg).hint(hint);
    let place = match pieces.as_slice() {
        [slug, "yaml"] if has_facts => Place::Facts(kind, slug.to_string()),
        [slug, lang, "md"] if languages.iter().any(|l| l == lang) => {
            Place::Text(kind, slug.to_string(), lang.to_string())
        }
        [_, lang, "md"] => {
            return Err(Diagnostic::error("unknown-language", Path::new(""), format!("`{lang}` is not a language of this portal."))
                .hint(format!("Use one of the portal's languages ({}) in the file name, or add `{lang}` to `languages` in site.yaml.", languages.join(", "))));
        }
        [slug, "md"] => {
            return Err(bad(
                format!("The file name does not say which language `{name}` is in."),
                format!(
                    "Rename it to `{slug}.{}.md` (or another language code).",
                    languages[0]
                ),
            ));
        }
        _ => {
            let expected = if has_facts {
                "`<name>.yaml` or `<name>.<language>.md`"
            } else {
                "`<name>.<language>.md`"
            };
            return Err(bad(
                format!(
                    "`{name}` is not a name torg expects in {}/.",
                    kind.folder().display()
                ),
                format!("Name files here {expected}, for example `fastlege.nb.md`."),
            ));
        }
    };
    let slug = name.split('.').next().unwrap_or_default();
    if !is_slug(slug) {
        return Err(bad(
            format!("`{slug}` cannot be used as a web address."),
            "Rename the file using only lower-case letters a–z, digits and `-`.".into(),
        ));
    }
    Ok(place)
}

/// Reads the files of each item of a portal whose source language is `source`.
struct Loader<'a> {
    source: &'a str,
}

impl Loader<'_> {
    fn plan(
        &self,
        dir: &Path,
        files: &Files,
        text_only: &mut Vec<TextOnly>,
        report: &mut Report,
    ) -> Option<Plan> {
        let texts = &files.plan_texts;
        let facts_path = match (&files.plan_facts, texts.is_empty()) {
            (None, true) => return None,
            (Some(p), _) => p.clone(),
            (None, false) => {
                report.push(Diagnostic::error("missing-file", &dir.join("plan/plan.yaml"), "The plan has text files but no plan.yaml.").hint("Add plan/plan.yaml with the plan's period, status and themes (see docs/content.md)."));
                return None;
            }
        };
        let facts: Option<PlanFacts> = load_yaml(&facts_path).map_err(|d| report.push(d)).ok();
        let text = self.localized(&facts_path, layout::PLAN_TEXT, texts, report);
        let mut chapters = self.items(
            files,
            Kind::Chapter,
            text_only,
            report,
            |slug, facts_path, facts, text| Chapter {
                slug,
                facts_path,
                facts,
                text,
            },
        );
        let (facts, text) = match (facts, text) {
            (Some(facts), Ok(text)) => (facts, text),
            (_, text) => {
                unloaded_plan(text, chapters, text_only);
                return None;
            }
        };
        let order = |t: &Chapter| {
            facts
                .chapters
                .iter()
                .position(|s| *s == t.slug)
                .unwrap_or(usize::MAX)
        };
        chapters.sort_by_key(|t| (order(t), t.slug.clone()));
        Some(Plan {
            facts_path,
            facts,
            text,
            chapters,
        })
    }

    /// Builds every item of `kind`, in parallel since parsing is most of a build's reading time;
    /// `F` is `()` for kinds without a facts file. The texts of items whose facts file fails go
    /// to `text_only`.
    fn items<F: FactsFile + Send, T: DeserializeOwned + Send, I: Send>(
        &self,
        files: &Files,
        kind: Kind,
        text_only: &mut Vec<TextOnly>,
        report: &mut Report,
        make: impl Fn(String, PathBuf, F, Localized<T>) -> I + Sync,
    ) -> Vec<I> {
        let Some(group) = files.groups.get(&kind) else {
            return Vec::new();
        };
        let mut slugs: BTreeSet<&String> = group.texts.keys().collect();
        slugs.extend(group.facts.keys());
        let loaded = report.par_map(slugs, |slug, problems| {
            Some(self.item(group, slug, &make, problems))
        });
        let mut items = Vec::with_capacity(loaded.len());
        for result in loaded {
            match result {
                Ok(item) => items.push(item),
                Err((slug, text)) => text_only.push(TextOnly {
                    route: kind.route(&slug),
                    slug,
                    text,
                }),
            }
        }
        items
    }

    /// One item, or its slug and the texts that could be read when any of its files has errors:
    /// it gets no page, but links to it are not what is wrong.
    fn item<F: FactsFile, T: DeserializeOwned, I>(
        &self,
        group: &Group,
        slug: &str,
        make: impl Fn(String, PathBuf, F, Localized<T>) -> I,
        report: &mut Report,
    ) -> Result<I, (String, Localized<()>)> {
        let texts = group.texts.get(slug).cloned().unwrap_or_default();
        let facts_path = group.facts.get(slug).cloned();
        let anchor = facts_path
            .clone()
            .or_else(|| texts.values().next().cloned())
            .unwrap_or_default();
        let facts = F::load(facts_path.as_deref(), &anchor, slug, report);
        match (facts, self.localized(&anchor, slug, &texts, report)) {
            (Some(facts), Ok(text)) => Ok(make(
                slug.to_string(),
                facts_path.unwrap_or_default(),
                facts,
                text,
            )),
            (None, Ok(text)) => Err((slug.to_string(), text.without_front())),
            (_, Err(text)) => Err((slug.to_string(), text)),
        }
    }

    /// Loads the language files of one item; the source-language file must exist. When a file
    /// fails (reported), the others come back without their front matter, for checks of their text.
    fn localized<T: DeserializeOwned>(
        &self,
        anchor: &Path,
        slug: &str,
        texts: &BTreeMap<String, PathBuf>,
        report: &mut Report,
    ) -> Result<Localized<T>, Localized<()>> {
        let mut docs = BTreeMap::new();
        for (lang, path) in texts {
            match load_doc(path) {
                Ok(doc) => {
                    docs.insert(lang.clone(), (path.clone(), doc));
                }
                Err(d) => report.push(d),
            }
        }
        if !texts.contains_key(self.source) {
            let dir = anchor.parent().unwrap_or(anchor);
            let expected = dir.join(format!("{slug}.{}.md", self.source));
            report.push(
                Diagnostic::error("missing-source", &expected, format!("`{slug}` has no text in the source language ({}).", self.source))
                    .hint("Every item needs its text in the portal's first language; other languages are translated from it."),
            );
            return Err(Localized { docs }.without_front());
        }
        let complete = docs.len() == texts.len();
        let loaded = Localized { docs };
        if complete {
            Ok(loaded)
        } else {
            Err(loaded.without_front())
        }
    }
}

/// A plan whose facts or text failed (reported) has no pages, nor have its chapters; their texts
/// are still checked, and links to them are not reported as broken on top.
fn unloaded_plan<T>(
    text: Result<Localized<T>, Localized<()>>,
    chapters: Vec<Chapter>,
    text_only: &mut Vec<TextOnly>,
) {
    text_only.push(TextOnly {
        slug: "plan".into(),
        route: Route::Plan,
        text: text.map_or_else(|partial| partial, Localized::without_front),
    });
    text_only.extend(chapters.into_iter().map(|t| TextOnly {
        route: Kind::Chapter.route(&t.slug),
        slug: t.slug,
        text: t.text.without_front(),
    }));
}

/// How the facts of a kind are loaded: from YAML, or not at all.
trait FactsFile: Sized {
    fn load(path: Option<&Path>, anchor: &Path, slug: &str, report: &mut Report) -> Option<Self>;
}

impl FactsFile for () {
    fn load(_: Option<&Path>, _: &Path, _: &str, _: &mut Report) -> Option<()> {
        Some(())
    }
}

impl FactsFile for super::model::ServiceFacts {
    fn load(path: Option<&Path>, anchor: &Path, slug: &str, report: &mut Report) -> Option<Self> {
        load_facts(path, anchor, slug, report)
    }
}

impl FactsFile for super::model::StartFacts {
    fn load(path: Option<&Path>, anchor: &Path, slug: &str, report: &mut Report) -> Option<Self> {
        load_facts(path, anchor, slug, report)
    }
}

impl FactsFile for super::model::ChapterFacts {
    fn load(path: Option<&Path>, anchor: &Path, slug: &str, report: &mut Report) -> Option<Self> {
        load_facts(path, anchor, slug, report)
    }
}

/// Reads a required `<slug>.yaml` facts file.
fn load_facts<F: DeserializeOwned>(
    path: Option<&Path>,
    anchor: &Path,
    slug: &str,
    report: &mut Report,
) -> Option<F> {
    let Some(path) = path else {
        let expected = anchor.with_file_name(format!("{slug}.yaml"));
        report.push(
            Diagnostic::error(
                "missing-file",
                &expected,
                format!("`{slug}` has text files but no facts file."),
            )
            .hint(format!(
                "Add {slug}.yaml next to the text files (see docs/content.md for the fields)."
            )),
        );
        return None;
    };
    load_yaml(path).map_err(|d| report.push(d)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs() -> Vec<String> {
        vec!["nb".into(), "en".into()]
    }

    #[test]
    fn files_are_classified_by_place_and_name() {
        let c = |p: &str| classify(Path::new(p), &langs());
        assert_eq!(
            c("services/fastlege.yaml").unwrap(),
            Place::Facts(Kind::Service, "fastlege".into())
        );
        assert_eq!(
            c("services/helse/fastlege.en.md").unwrap(),
            Place::Text(Kind::Service, "fastlege".into(), "en".into())
        );
        assert_eq!(c("plan/plan.nb.md").unwrap(), Place::PlanText("nb".into()));
        assert_eq!(
            c("glossary/flyktning.nb.md").unwrap(),
            Place::Text(Kind::Term, "flyktning".into(), "nb".into())
        );
        assert_eq!(c("theme/static/logo.svg").unwrap(), Place::Override);
        assert_eq!(c("services/x.se.md").unwrap_err().code, "unknown-language");
        assert_eq!(c("services/Fastlege.yaml").unwrap_err().code, "bad-name");
        assert_eq!(c("pages/om.yaml").unwrap_err().code, "bad-name");
        assert_eq!(c("notes.txt").unwrap_err().code, "unexpected-file");
        assert_eq!(
            c("services/a/b/c.yaml").unwrap_err().code,
            "unexpected-file"
        );
    }
}
