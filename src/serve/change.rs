//! What an edit touched, for `torg serve`'s incremental rebuilds: each saved file becomes a
//! [`Change`], judged from where the file is (the same rules loading uses), and each page is
//! rendered again only when it shows something of a change. A build renders everything and
//! needs none of this.

use std::path::Path;

use crate::content::load::{Kind, Place, classify};
use crate::content::model::{Localized, Site};
use crate::route::Route;

/// What an edit to one content file touched, to decide which pages to render again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Service(String),
    Chapter(String),
    Plan,
    Term,
    Start,
    /// Site settings, free pages (their titles are in every footer), overrides, or an unknown file.
    Everything,
}

impl Change {
    /// Whether `page` shows anything of what this change touched in `site`.
    pub fn is_shown_on(&self, page: &Route, site: &Site) -> bool {
        match (self, page) {
            (Change::Everything, _) => true,
            // Home and category pages count and list services; chapter pages list the services
            // that carry out their measures, the start page those that carry out its steps.
            (Change::Service(s), Route::Service(r)) => r == s,
            (
                Change::Service(_),
                Route::Home | Route::Category(_) | Route::Chapter(_) | Route::Search | Route::Start,
            ) => true,
            (Change::Chapter(t), Route::Chapter(r)) => r == t,
            (Change::Chapter(_), Route::Plan) => true,
            (Change::Chapter(t), Route::Service(s)) => site
                .services
                .iter()
                .filter(|x| &x.slug == s)
                .flat_map(|x| &x.facts.measures)
                .any(|m| m.value.split('/').next() == Some(t.as_str())),
            (Change::Plan, Route::Plan | Route::Home | Route::Chapter(_)) => true,
            (Change::Term, Route::Glossary) => true,
            // The home page links to the start page by its title and summary.
            (Change::Start, Route::Start | Route::Home) => true,
            _ => false,
        }
    }
}

/// One edited file: what it touched, and in which language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub change: Change,
    /// The language of an edited text; `None` for facts and everything else, which pages in
    /// every language show.
    pub lang: Option<String>,
}

impl Edit {
    /// Whether pages in `page_lang` show anything of this edit: its own language's pages, and
    /// where it is the source text, the pages of languages it has no translation in, which show
    /// the source text instead, and of stamped translations, which say whether they are behind it.
    pub fn is_shown_in(&self, page_lang: &str, site: &Site) -> bool {
        match &self.lang {
            None => true,
            Some(lang) if lang == page_lang => true,
            Some(lang) => lang == site.source_language() && !self.is_independent(page_lang, site),
        }
    }

    /// Whether the edited item has an unstamped text of its own in `lang`, which a source edit
    /// leaves as it is (`false` when unsure: a glossary edit names no term, so every language's
    /// glossary is rendered again).
    fn is_independent(&self, lang: &str, site: &Site) -> bool {
        fn own<F>(text: &Localized<F>, lang: &str) -> bool {
            text.docs
                .get(lang)
                .is_some_and(|(_, doc)| doc.translated_from.is_none())
        }
        let plan = site.plan.as_ref();
        match &self.change {
            Change::Service(slug) => site
                .services
                .iter()
                .any(|s| &s.slug == slug && own(&s.text, lang)),
            Change::Chapter(slug) => plan.is_some_and(|p| {
                p.chapters
                    .iter()
                    .any(|c| &c.slug == slug && own(&c.text, lang))
            }),
            Change::Plan => plan.is_some_and(|p| own(&p.text, lang)),
            Change::Start => site.start.as_ref().is_some_and(|s| own(&s.text, lang)),
            Change::Term | Change::Everything => false,
        }
    }
}

/// What an edited file of the portal in `site_dir` touched.
pub fn what_changed(site_dir: &Path, path: &Path, languages: &[String]) -> Edit {
    let rel = path.strip_prefix(site_dir).unwrap_or(path);
    let (change, lang) = match classify(rel, languages) {
        Ok(Place::PlanFacts) => (Change::Plan, None),
        Ok(Place::PlanText(lang)) => (Change::Plan, Some(lang)),
        Ok(Place::Facts(kind, slug)) => (Change::of(kind, slug), None),
        Ok(Place::Text(kind, slug, lang)) => (Change::of(kind, slug), Some(lang)),
        _ => (Change::Everything, None),
    };
    let lang = lang.filter(|_| change != Change::Everything);
    Edit { change, lang }
}

impl Change {
    /// What an edit to an item of `kind` touched.
    fn of(kind: Kind, slug: String) -> Change {
        match kind {
            Kind::Service => Change::Service(slug),
            Kind::Chapter => Change::Chapter(slug),
            Kind::Term => Change::Term,
            Kind::Page => Change::Everything,
            Kind::Start => Change::Start,
        }
    }
}
