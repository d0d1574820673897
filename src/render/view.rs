//! The one shape every page kind is built into, and the match that picks the kind's builder for a
//! route. Rendering, search indexing and writing read a [`View`] and never ask which kind it was.

use serde::Serialize;

use super::frame::{Behind, Fallback, Scope};
use super::{
    accessibility, category, chapter, glossary, home, not_found, page, plan, search_page, service,
    start,
};
use crate::route::Route;

/// A page ready for its template: everything the page kind decided, in one place.
pub(super) struct View {
    /// The theme's template that places `data`.
    pub(super) template: &'static str,
    /// The page's heading, also its `<title>` and its title in search results.
    pub(super) title: String,
    /// Set when the page's text is shown in the source language.
    pub(super) fallback: Option<Fallback>,
    /// Set when the page's translation is older than its source text.
    pub(super) behind: Option<Behind>,
    /// What search results show above the title; `None` for pages not in the search index.
    pub(super) search_kind: Option<String>,
    /// The page kind's own prepared data, the template's `page`.
    pub(super) data: Data,
}

/// The template data of each page kind; serialised as the kind's data alone.
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum Data {
    Home(home::Home),
    Category(category::CategoryPage),
    Service(service::ServicePage),
    Plan(plan::PlanPage),
    Chapter(chapter::ChapterPage),
    Start(start::StartPage),
    Glossary(glossary::GlossaryPage),
    Text(page::TextPage),
    Search(search_page::SearchPage),
    NotFound,
}

/// The view of a route in the scope's language; `None` when the site has no content for it.
pub(super) fn of(scope: &Scope, route: &Route) -> Option<View> {
    Some(match route {
        Route::Home => home::view(scope),
        Route::Category(c) => category::view(scope, *c),
        Route::Service(slug) => service::view(scope, slug)?,
        Route::Plan => plan::view(scope)?,
        Route::Chapter(slug) => chapter::view(scope, slug)?,
        Route::Start => start::view(scope)?,
        Route::Glossary => glossary::view(scope),
        Route::Page(slug) => page::view(scope, slug)?,
        Route::Accessibility => accessibility::view(scope),
        Route::Search => search_page::view(scope),
        Route::NotFound => not_found::view(scope),
    })
}
