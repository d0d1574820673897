//! The accessibility statement: the site's own (`pages/accessibility.*.md`) when it has one, else
//! the theme's default text in the reader's language. Always linked from the footer.

use super::frame::{Scope, contact_view};
use super::page::{self, TextPage};
use super::view::{Data, View};

/// The site's own statement when it has one, else the theme's default.
pub(super) fn view(scope: &Scope) -> View {
    page::text(scope, "accessibility").unwrap_or_else(|| default(scope))
}

/// The theme's statement; where to report a problem is the municipality's contact, when
/// site.yaml gives one.
fn default(scope: &Scope) -> View {
    let lang = scope.lang;
    let contact = &scope.site.config.contact;
    let paragraphs = [
        "accessibility-intro",
        "accessibility-measures",
        "accessibility-languages",
        "accessibility-feedback",
    ]
    .map(|id| lang.text(id))
    .to_vec();
    View {
        template: "page.html",
        title: lang.text("accessibility-title"),
        fallback: None,
        behind: None,
        search_kind: None,
        data: Data::Text(TextPage {
            summary: None,
            html: String::new(),
            paragraphs,
            contact: (!contact.is_empty()).then(|| contact_view(lang, contact)),
        }),
    }
}
