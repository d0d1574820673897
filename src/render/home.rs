//! The home page of a portal in one language: the «start here» page, the categories that have
//! services with their counts, the plan, the municipality's contact and the emergency numbers.

use fluent_bundle::FluentValue;
use serde::Serialize;

use super::frame::{Card, ContactView, Scope, contact_view, text_lang};
use super::view::{Data, View};
use super::{category, start, structured};
use crate::content::model::Category;
use crate::route::Route;

/// The home page's data.
#[derive(Serialize)]
pub(super) struct Home {
    intro: String,
    /// The «start here» page, offered first.
    start: Option<Card>,
    /// Only categories with services: an empty one would be a dead end.
    categories: Vec<CategoryCard>,
    plan: Option<Card>,
    contact: Option<ContactView>,
    emergency: Vec<Emergency>,
    /// schema.org JSON-LD naming the municipality, for the page's `<head>`.
    structured_data: String,
}

#[derive(Serialize)]
struct CategoryCard {
    label: String,
    about: String,
    url: String,
    count: String,
}

#[derive(Serialize)]
struct Emergency {
    number: &'static str,
    tel: &'static str,
    label: String,
}

/// The portal's home page, titled with the municipality's name.
pub(super) fn view(scope: &Scope) -> View {
    let lang = scope.lang;
    let categories = Category::ALL
        .iter()
        .map(|c| (c, category::services_in(scope.site, *c).count()))
        .filter(|(_, count)| *count > 0)
        .map(|(c, count)| CategoryCard {
            label: category::label(scope, *c),
            about: category::about(scope, *c),
            url: scope.url(&Route::Category(*c)),
            count: lang.count("services-count", count),
        })
        .collect();
    let plan = scope.site.plan.as_ref().map(|p| {
        let (doc, fell_back) = p.text.get(&lang.code, scope.site.source_language());
        Card {
            title: doc.front.title.clone(),
            summary: doc.front.summary.clone(),
            url: scope.url(&Route::Plan),
            text_lang: text_lang(scope, fell_back),
        }
    });
    let contact = &scope.site.config.contact;
    let home = Home {
        intro: lang.format(
            "home-intro",
            &[("municipality", FluentValue::from(scope.municipality()))],
        ),
        start: start::card(scope),
        categories,
        plan,
        contact: (!contact.is_empty()).then(|| contact_view(lang, contact)),
        emergency: emergency(scope),
        structured_data: structured::script_text(&structured::municipality(scope)),
    };
    View {
        template: "home.html",
        title: scope.municipality(),
        fallback: None,
        behind: None,
        search_kind: None,
        data: Data::Home(home),
    }
}

/// The national emergency numbers, named in the reader's language.
fn emergency(scope: &Scope) -> Vec<Emergency> {
    [
        ("113", "113", "emergency-medical"),
        ("112", "112", "emergency-police"),
        ("110", "110", "emergency-fire"),
        ("116 117", "116117", "emergency-out-of-hours"),
    ]
    .map(|(number, tel, id)| Emergency {
        number,
        tel,
        label: scope.lang.text(id),
    })
    .into()
}
