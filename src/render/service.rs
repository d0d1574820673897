//! A service page: the service's text and its facts (contact, hours, audience, cost, languages,
//! the plan measures it carries out), each already formatted in the reader's language; and the
//! service's card, which category, search and chapter pages list.

use fluent_bundle::FluentValue;
use serde::Serialize;

use super::frame::{Card, ContactView, Link, Scope, contact_view, text_lang};
use super::view::{Data, View};
use super::{category, data, structured};
use crate::content::model::{Audience, Cost, Hours, Service, ServiceText};
use crate::content::source::Doc;
use crate::i18n::Language;
use crate::route::{Export, Route};

/// The card of a service in lists: its title, summary and page.
pub(super) fn card(scope: &Scope, s: &Service) -> Card {
    let (doc, fell_back) = s.text.get(&scope.lang.code, scope.site.source_language());
    Card {
        title: doc.front.title.clone(),
        summary: doc.front.summary.clone(),
        url: scope.url(&Route::Service(s.slug.clone())),
        text_lang: text_lang(scope, fell_back),
    }
}

/// A link to the service, labelled with its title, for lists inside other pages.
pub(super) fn link(scope: &Scope, s: &Service) -> Link {
    let card = card(scope, s);
    Link {
        label: card.title,
        url: card.url,
        current: false,
        text_lang: card.text_lang,
    }
}

/// A service page's data.
#[derive(Serialize)]
pub(super) struct ServicePage {
    summary: String,
    html: String,
    category: Link,
    provider: Option<String>,
    /// The service's own contact, else the municipality's (with `contact_note` saying so).
    contact: Option<ContactView>,
    contact_note: Option<String>,
    /// Whom to ask, when neither the service nor the municipality has contact details here.
    ask: Option<String>,
    hours: Vec<HoursRow>,
    /// Lists joined as the language writes them, so templates need no separator.
    audience: String,
    /// `None` when the content does not say: a phrase like «ask about the price» is no answer.
    cost: Option<String>,
    languages: String,
    interpreter: Option<String>,
    measures: Vec<Link>,
    reviewed: Option<String>,
    /// schema.org JSON-LD of what the page shows, for the page's `<head>`.
    structured_data: String,
    /// The services as open data, by format.
    data: Vec<Link>,
}

#[derive(Serialize)]
struct HoursRow {
    days: String,
    time: String,
}

/// The page of the service `slug`; `None` when the site has no such service.
pub(super) fn view(scope: &Scope, slug: &str) -> Option<View> {
    let s = scope.site.services.iter().find(|s| s.slug == slug)?;
    let (doc, fallback) = scope.text(&s.text);
    Some(View {
        template: "service.html",
        title: doc.front.title.clone(),
        data: Data::Service(data(scope, s, doc, fallback.is_some())),
        fallback,
        behind: scope.behind(&s.text, &Route::Service(s.slug.clone())),
        search_kind: Some(category::label(scope, s.facts.category)),
    })
}

fn data(scope: &Scope, s: &Service, doc: &Doc<ServiceText>, fell_back: bool) -> ServicePage {
    let lang = scope.lang;
    let f = &s.facts;
    let category = Route::Category(f.category);
    let own_contact = !f.contact.is_empty();
    let site_contact = &scope.site.config.contact;
    let contact = if own_contact {
        Some(&f.contact)
    } else {
        (!site_contact.is_empty()).then_some(site_contact)
    };
    let front = &doc.front;
    let structured = structured::service(
        scope,
        s,
        (&front.title, &front.summary, fell_back),
        contact,
        category::label(scope, f.category),
    );
    ServicePage {
        structured_data: structured::script_text(&structured),
        summary: doc.front.summary.clone(),
        html: scope.html(&doc.body),
        category: scope.link(category::label(scope, f.category), category, &Route::Home),
        provider: f.provider.clone(),
        contact: contact.map(|c| contact_view(lang, c)),
        contact_note: (!own_contact && contact.is_some())
            .then(|| lang.text("service-contact-municipality")),
        ask: contact.is_none().then(|| {
            let whom = f.provider.clone().unwrap_or_else(|| scope.municipality());
            lang.format("service-ask", &[("whom", FluentValue::from(whom))])
        }),
        hours: f.hours.iter().map(|h| hours_row(lang, h)).collect(),
        audience: lang.and_list(
            &f.audience
                .iter()
                .map(|a| audience_label(lang, *a))
                .collect::<Vec<_>>(),
        ),
        cost: cost_text(lang, f.cost, f.price_nok),
        languages: lang.and_list(
            &f.languages
                .iter()
                .map(|c| lang.text(&format!("spoken-{c}")))
                .collect::<Vec<_>>(),
        ),
        interpreter: f.interpreter.map(|yes| {
            lang.text(if yes {
                "service-interpreter-yes"
            } else {
                "service-interpreter-no"
            })
        }),
        measures: f
            .measures
            .iter()
            .filter_map(|m| measure_link(scope, &m.value))
            .collect(),
        reviewed: f.reviewed.map(|d| {
            lang.format(
                "service-reviewed",
                &[("date", FluentValue::from(lang.date(d)))],
            )
        }),
        data: data::links(scope, [Export::ServicesJsonLd, Export::ServicesTurtle]),
    }
}

/// Opening hours in one line, «Monday and Tuesday: 08:00–15:00», for the open-data export.
pub(in crate::render) fn hours_line(lang: &Language, h: &Hours) -> String {
    let row = hours_row(lang, h);
    format!("{}: {}", row.days, row.time)
}

fn hours_row(lang: &Language, h: &Hours) -> HoursRow {
    HoursRow {
        days: lang.and_list(
            &h.days
                .iter()
                .map(|d| lang.text(&format!("day-{}", kebab(d))))
                .collect::<Vec<_>>(),
        ),
        time: lang.format(
            "time-range",
            &[
                ("opens", FluentValue::from(h.opens.to_string())),
                ("closes", FluentValue::from(h.closes.to_string())),
            ],
        ),
    }
}

/// The cost in words; `None` when the content does not say.
pub(in crate::render) fn cost_text(
    lang: &Language,
    cost: Cost,
    price_nok: Option<u32>,
) -> Option<String> {
    Some(match (cost, price_nok) {
        (Cost::Paid, Some(n)) => lang.format(
            "cost-price",
            // A number, not text, so each language's PLURAL picks the word ("2 korony", "5 koron").
            &[("amount", FluentValue::from(n))],
        ),
        (Cost::Paid, None) => lang.text("cost-paid"),
        (Cost::Free, _) => lang.text("cost-free"),
        (Cost::Unknown, _) => return None,
    })
}

/// The YAML spelling of an enum value, which is also its message-id suffix.
/// «Refugees», «Youth» … in the page's language.
pub(super) fn audience_label(lang: &Language, a: Audience) -> String {
    lang.text(&format!("audience-{}", kebab(&a)))
}

pub(in crate::render) fn kebab<T: Serialize>(v: &T) -> String {
    serde_saphyr::to_string(v)
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// A link to a measure on its chapter page, labelled with the measure's text.
fn measure_link(scope: &Scope, id: &str) -> Option<Link> {
    let (chapter_slug, measure) = id.split_once('/')?;
    let chapter = scope
        .site
        .plan
        .as_ref()?
        .chapters
        .iter()
        .find(|t| t.slug == chapter_slug)?;
    let (doc, fell_back) = chapter
        .text
        .get(&scope.lang.code, scope.site.source_language());
    Some(Link {
        label: doc.front.measures.get(measure)?.clone(),
        url: format!(
            "{}#tiltak-{measure}",
            scope.url(&Route::Chapter(chapter_slug.to_string()))
        ),
        current: false,
        text_lang: text_lang(scope, fell_back),
    })
}
