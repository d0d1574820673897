//! The «start here» page: the first steps after arrival in the plan's order, each with the
//! services that carry it out and, where the plan tells audiences apart, whom it is for. One
//! list with the audience on each step, not a list per audience: on a phone the same step
//! repeated under four headings would be four times as long.

use serde::Serialize;

use super::frame::{Link, Scope, text_lang};
use super::service;
use super::view::{Data, View};
use crate::content::model::{StartText, StepFacts};
use crate::content::source::Doc;
use crate::route::Route;

/// The start page's data.
#[derive(Serialize)]
pub(super) struct StartPage {
    summary: String,
    html: String,
    steps: Vec<StepView>,
    source: Option<String>,
}

#[derive(Serialize)]
struct StepView {
    title: String,
    text: String,
    /// Whom the step is for, joined as the language writes lists; empty: everyone.
    audience: String,
    services: Vec<Link>,
}

/// The portal's start page; `None` when it has none.
pub(super) fn view(scope: &Scope) -> Option<View> {
    let start = scope.site.start.as_ref()?;
    let (doc, fallback) = scope.text(&start.text);
    Some(View {
        template: "start.html",
        title: doc.front.title.clone(),
        fallback,
        behind: scope.behind(&start.text, &Route::Start),
        search_kind: Some(scope.lang.text("nav-home")),
        data: Data::Start(StartPage {
            summary: doc.front.summary.clone(),
            html: scope.html(&doc.body),
            steps: start
                .facts
                .steps
                .iter()
                .map(|s| step(scope, doc, s))
                .collect(),
            source: start.facts.source.clone(),
        }),
    })
}

/// One step in this language (validation makes sure every language has every step's text).
fn step(scope: &Scope, doc: &Doc<StartText>, s: &StepFacts) -> StepView {
    let text = doc.front.steps.get(&s.id.value);
    let audience: Vec<String> = s
        .audience
        .iter()
        .map(|a| service::audience_label(scope.lang, *a))
        .collect();
    StepView {
        title: text.map(|t| t.title.clone()).unwrap_or_default(),
        text: text.map(|t| t.text.clone()).unwrap_or_default(),
        audience: scope.lang.and_list(&audience),
        services: s
            .services
            .iter()
            .filter_map(|slug| scope.site.services.iter().find(|x| x.slug == slug.value))
            .map(|x| service::link(scope, x))
            .collect(),
    }
}

/// The start page as the home page offers it: its title and summary, or `None`.
pub(super) fn card(scope: &Scope) -> Option<super::frame::Card> {
    let start = scope.site.start.as_ref()?;
    let (doc, fell_back) = start
        .text
        .get(&scope.lang.code, scope.site.source_language());
    Some(super::frame::Card {
        title: doc.front.title.clone(),
        summary: doc.front.summary.clone(),
        url: scope.url(&Route::Start),
        text_lang: text_lang(scope, fell_back),
    })
}
