//! The 404 page: a title and the theme's text, nothing from the site's content.

use super::frame::Scope;
use super::view::{Data, View};

/// The page served for unknown addresses.
pub(super) fn view(scope: &Scope) -> View {
    View {
        template: "404.html",
        title: scope.lang.text("not-found-title"),
        fallback: None,
        behind: None,
        search_kind: None,
        data: Data::NotFound,
    }
}
