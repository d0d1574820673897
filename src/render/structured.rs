//! Structured data for search engines and other systems: schema.org JSON-LD in the page's
//! language, built from the same facts the page shows. A service page describes its
//! `GovernmentService`, the home page names the municipality (`GovernmentOrganization`); what the
//! content does not give is left out, never filled in.

use serde_json::{Map, Value, json};

use super::frame::Scope;
use crate::content::model::{Contact, Cost, Hours, Service};
use crate::route::Route;
use crate::url;

/// The JSON-LD as the text of a `<script type="application/ld+json">`. Every `<` is escaped, so
/// no text from the content can end the element early.
pub(super) fn script_text(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// Text in the page's language, or marked with its own when it is shown in another (an
/// untranslated text, or a fact written once in the source language).
fn text(scope: &Scope, value: &str, in_source: bool) -> Value {
    if in_source && scope.lang.code != scope.site.source_language() {
        json!({ "@value": value, "@language": scope.site.source_language() })
    } else {
        Value::from(value)
    }
}

/// schema.org, with the page's language for every plain string.
fn context(scope: &Scope) -> Value {
    json!(["https://schema.org", { "@language": scope.lang.code }])
}

/// The municipality, named as the page names it, with the contact details the home page shows.
pub(super) fn municipality(scope: &Scope) -> Value {
    let mut org = Map::new();
    org.insert("@context".into(), context(scope));
    org.insert("@type".into(), "GovernmentOrganization".into());
    org.insert("name".into(), scope.municipality().into());
    let contact = &scope.site.config.contact;
    if let Some(web) = website(contact) {
        org.insert("url".into(), web.into());
    }
    insert_reach(scope, &mut org, contact);
    Value::Object(org)
}

/// The service as its page shows it; `contact` is the contact the page gives (its own or the
/// municipality's), `in_source` whether its text is shown in the source language.
pub(super) fn service(
    scope: &Scope,
    s: &Service,
    (title, summary, in_source): (&str, &str, bool),
    contact: Option<&Contact>,
    category: String,
) -> Value {
    let f = &s.facts;
    let mut service = Map::new();
    service.insert("@context".into(), context(scope));
    service.insert("@type".into(), "GovernmentService".into());
    service.insert("name".into(), text(scope, title, in_source));
    service.insert("description".into(), text(scope, summary, in_source));
    let address = Route::Service(s.slug.clone()).address(&scope.site.slug, &scope.lang.code);
    service.insert("url".into(), scope.urls.absolute(&address).into());
    service.insert("serviceType".into(), category.into());
    let provider = match &f.provider {
        Some(unit) => text(scope, unit, true),
        None => scope.municipality().into(),
    };
    service.insert(
        "provider".into(),
        json!({ "@type": "GovernmentOrganization", "name": provider }),
    );
    service.insert(
        "areaServed".into(),
        json!({ "@type": "AdministrativeArea", "name": scope.municipality() }),
    );
    if !f.audience.is_empty() {
        let audiences = f.audience.iter().map(|a| {
            json!({ "@type": "Audience", "audienceType": super::service::audience_label(scope.lang, *a) })
        });
        service.insert("audience".into(), audiences.collect());
    }
    let channel = channel(scope, contact, &f.languages);
    if channel.len() > 1 {
        service.insert("availableChannel".into(), Value::Object(channel));
    }
    if !f.hours.is_empty() {
        service.insert("hoursAvailable".into(), f.hours.iter().map(hours).collect());
    }
    if let Some(offer) = offer(f.cost, f.price_nok) {
        service.insert("offers".into(), offer);
    }
    Value::Object(service)
}

/// How to use the service: its phone, e-mail, website, place and languages, where known.
fn channel(scope: &Scope, contact: Option<&Contact>, languages: &[String]) -> Map<String, Value> {
    let mut channel = Map::new();
    channel.insert("@type".into(), "ServiceChannel".into());
    if let Some(contact) = contact {
        let mut point = Map::new();
        insert_reach(scope, &mut point, contact);
        if let Some(address) = point.remove("address") {
            channel.insert(
                "serviceLocation".into(),
                json!({ "@type": "Place", "address": address }),
            );
        }
        if !point.is_empty() {
            point.insert("@type".into(), "ContactPoint".into());
            channel.insert("servicePhone".into(), Value::Object(point));
        }
        if let Some(web) = website(contact) {
            channel.insert("serviceUrl".into(), web.into());
        }
    }
    if !languages.is_empty() {
        let spoken = languages.iter().map(|code| {
            json!({ "@type": "Language", "name": scope.lang.text(&format!("spoken-{code}")), "alternateName": code })
        });
        channel.insert("availableLanguage".into(), spoken.collect());
    }
    channel
}

/// Telephone, e-mail and postal address, as the contact block writes them.
fn insert_reach(scope: &Scope, into: &mut Map<String, Value>, contact: &Contact) {
    if let Some(phone) = &contact.phone {
        into.insert("telephone".into(), phone.clone().into());
    }
    if let Some(email) = &contact.email {
        into.insert("email".into(), email.clone().into());
    }
    if let Some(address) = &contact.address {
        into.insert("address".into(), text(scope, address, true));
    }
}

/// The `web:` address, only when validation would publish it.
fn website(contact: &Contact) -> Option<String> {
    let web = &contact.web.as_ref()?.value;
    url::is_allowed(web).then(|| web.clone())
}

fn hours(h: &Hours) -> Value {
    let days: Vec<String> = h
        .days
        .iter()
        .map(|d| format!("https://schema.org/{}", d.english_name()))
        .collect();
    json!({
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": days,
        "opens": h.opens.to_string(),
        "closes": h.closes.to_string(),
    })
}

/// A price only where the content gives one: free, or paid with its amount in kroner.
fn offer(cost: Cost, price_nok: Option<u32>) -> Option<Value> {
    let price = match (cost, price_nok) {
        (Cost::Free, _) => 0,
        (Cost::Paid, Some(n)) => n,
        _ => return None,
    };
    Some(json!({ "@type": "Offer", "price": price, "priceCurrency": "NOK" }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_text_can_close_the_script_element() {
        let value = json!({ "name": "</script><script>alert(1)</script>" });
        let text = script_text(&value);
        assert!(!text.contains('<'), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn only_a_known_cost_is_an_offer() {
        assert_eq!(offer(Cost::Free, None).unwrap()["price"], 0);
        assert_eq!(offer(Cost::Paid, Some(200)).unwrap()["price"], 200);
        assert!(offer(Cost::Paid, None).is_none());
        assert!(offer(Cost::Unknown, None).is_none());
    }
}
