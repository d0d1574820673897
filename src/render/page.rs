//! A free page of the site (`pages/<slug>.<lang>.md`): a title, a summary and Markdown text. The
//! accessibility statement uses the same template and data.

use serde::Serialize;

use super::frame::{ContactView, Scope};
use super::view::{Data, View};
use crate::route::Route;

/// The data of a page of text.
#[derive(Serialize)]
pub(super) struct TextPage {
    pub(super) summary: Option<String>,
    pub(super) html: String,
    /// Paragraphs of the theme's default text, when the site has no page of its own.
    pub(super) paragraphs: Vec<String>,
    /// The municipality's contact, under the default accessibility statement's «tell us».
    pub(super) contact: Option<ContactView>,
}

/// The free page `slug`, listed in the search index; `None` when the site has no such page.
pub(super) fn view(scope: &Scope, slug: &str) -> Option<View> {
    Some(View {
        search_kind: Some(scope.lang.text("footer-label")),
        ..text(scope, slug)?
    })
}

/// The site's page `slug` as a page of text, not in the search index.
pub(super) fn text(scope: &Scope, slug: &str) -> Option<View> {
    let page = scope.site.pages.iter().find(|p| p.slug == slug)?;
    let (doc, fallback) = scope.text(&page.text);
    Some(View {
        template: "page.html",
        title: doc.front.title.clone(),
        fallback,
        behind: scope.behind(&page.text, &Route::Page(page.slug.clone())),
        search_kind: None,
        data: Data::Text(TextPage {
            summary: doc.front.summary.clone(),
            html: scope.html(&doc.body),
            paragraphs: Vec::new(),
            contact: None,
        }),
    })
}
