//! What an edit touched, for `torg serve`'s incremental rebuilds: each saved file becomes a
//! [`Change`], judged from where the file is (the same rules loading uses), and each page is
//! rendered again only when it shows something of a change. A build renders everything and
//! needs none of this.

use std::path::Path;

use crate::content::load::{Kind, Place, classify};
use crate::content::model::Site;
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

/// What an edited file of the portal in `site_dir` touched.
pub fn what_changed(site_dir: &Path, path: &Path, languages: &[String]) -> Change {
    let rel = path.strip_prefix(site_dir).unwrap_or(path);
    match classify(rel, languages) {
        Ok(Place::PlanFacts | Place::PlanText(_)) => Change::Plan,
        Ok(Place::Facts(kind, slug) | Place::Text(kind, slug, _)) => match kind {
            Kind::Service => Change::Service(slug),
            Kind::Chapter => Change::Chapter(slug),
            Kind::Term => Change::Term,
            Kind::Page => Change::Everything,
            Kind::Start => Change::Start,
        },
        _ => Change::Everything,
    }
}
