//! The search page: where Pagefind's index and `search.js` are, and every service by category,
//! which is what the page offers without JavaScript. The search index itself is `crate::search`.

use serde::Serialize;

use super::category;
use super::frame::{Card, Scope};
use super::view::{Data, View};
use crate::content::model::Category;
use crate::route::Route;

/// The search page's data.
#[derive(Serialize)]
pub(super) struct SearchPage {
    /// The page's own address: the form sends the query here, where search.js reads it.
    action: String,
    /// Where Pagefind's files are, and the script that queries them.
    bundle: String,
    script: String,
    /// Latin words in right-to-left results are marked with this language, as on the pages.
    source_lang: String,
    /// Every service by category: what the page offers without JavaScript, and below results.
    categories: Vec<CategoryList>,
}

#[derive(Serialize)]
struct CategoryList {
    label: String,
    url: String,
    services: Vec<Card>,
}

/// The search page of the portal in the scope's language.
pub(super) fn view(scope: &Scope) -> View {
    let slug = &scope.site.slug;
    let categories = Category::ALL
        .iter()
        .filter_map(|c| {
            let services = category::cards(scope, *c);
            (!services.is_empty()).then(|| CategoryList {
                label: category::label(scope, *c),
                url: scope.url(&Route::Category(*c)),
                services,
            })
        })
        .collect();
    let page = SearchPage {
        action: scope.url(&Route::Search),
        bundle: scope.urls.path(&crate::search::bundle_dir(slug)),
        script: scope
            .urls
            .path(&crate::route::static_file(slug, "search.js")),
        source_lang: scope.site.source_language().to_string(),
        categories,
    };
    View {
        template: "search.html",
        title: scope.lang.text("search-title"),
        fallback: None,
        behind: None,
        search_kind: None,
        data: Data::Search(page),
    }
}
