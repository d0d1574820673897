//! A category page: the services of one category, sorted as the reader's language sorts, and
//! the category's name and services, which the home, service and search pages show too.

use serde::Serialize;

use super::frame::{Card, Scope};
use super::service;
use super::view::{Data, View};
use crate::content::model::{Category, Service, Site};

/// A category page's data.
#[derive(Serialize)]
pub(super) struct CategoryPage {
    about: String,
    count: String,
    services: Vec<Card>,
}

/// The page of category `c`.
pub(super) fn view(scope: &Scope, c: Category) -> View {
    let services = cards(scope, c);
    let lang = scope.lang;
    let page = CategoryPage {
        about: about(scope, c),
        count: lang.count("services-count", services.len()),
        services,
    };
    View {
        template: "category.html",
        title: label(scope, c),
        fallback: None,
        behind: None,
        search_kind: None,
        data: Data::Category(page),
    }
}

/// The category's name in the scope's language.
pub(super) fn label(scope: &Scope, c: Category) -> String {
    scope.lang.text(&format!("category-{}", c.id()))
}

/// The one-line description of the category in the scope's language.
pub(super) fn about(scope: &Scope, c: Category) -> String {
    scope.lang.text(&format!("category-{}-about", c.id()))
}

/// The cards of the category's services, sorted by title in the scope's language.
pub(super) fn cards(scope: &Scope, c: Category) -> Vec<Card> {
    let mut services: Vec<Card> = services_in(scope.site, c)
        .map(|s| service::card(scope, s))
        .collect();
    services.sort_by(|a, b| scope.lang.compare(&a.title, &b.title));
    services
}

/// The services of category `c`, in the site's order.
pub(super) fn services_in(site: &Site, c: Category) -> impl Iterator<Item = &Service> {
    site.services.iter().filter(move |s| s.facts.category == c)
}
