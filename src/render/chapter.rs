//! A chapter page of the plan (an innsatsområde; `theme.html`, after the content folder
//! `plan/themes/`): its goals, its text and its measures, each with who is responsible, when,
//! its status and the services that carry it out.

use fluent_bundle::FluentValue;
use serde::Serialize;

use super::frame::{Link, Scope, text_lang};
use super::service;
use super::view::{Data, View};
use crate::content::model::{Chapter, ChapterText, Measure, MeasureStatus, Timing};
use crate::content::source::Doc;
use crate::i18n::Language;
use crate::route::Route;

/// A chapter page's data.
#[derive(Serialize)]
pub(super) struct ChapterPage {
    source: String,
    goals: Vec<String>,
    html: String,
    count: String,
    measures: Vec<MeasureView>,
    plan: Link,
}

#[derive(Serialize)]
struct MeasureView {
    anchor: String,
    text: String,
    responsible: Option<String>,
    timing: Option<String>,
    status: Option<String>,
    services: Vec<Link>,
}

/// The page of the plan's chapter `slug`; `None` when the plan has no such chapter.
pub(super) fn view(scope: &Scope, slug: &str) -> Option<View> {
    let chapter = scope
        .site
        .plan
        .iter()
        .flat_map(|p| &p.chapters)
        .find(|t| t.slug == slug)?;
    let (doc, fallback) = scope.text(&chapter.text);
    Some(View {
        template: "theme.html",
        title: doc.front.title.clone(),
        fallback,
        behind: scope.behind(&chapter.text, &Route::Chapter(chapter.slug.clone())),
        search_kind: Some(scope.lang.text("nav-plan")),
        data: Data::Chapter(data(scope, chapter, doc)),
    })
}

fn data(scope: &Scope, t: &Chapter, doc: &Doc<ChapterText>) -> ChapterPage {
    ChapterPage {
        source: t.facts.source.clone(),
        goals: doc.front.goals.clone(),
        html: scope.html(&doc.body),
        count: scope.lang.count("measures-count", t.facts.measures.len()),
        measures: t
            .facts
            .measures
            .iter()
            .map(|m| measure_view(scope, t, doc, m))
            .collect(),
        plan: plan_link(scope),
    }
}

fn measure_view(scope: &Scope, t: &Chapter, doc: &Doc<ChapterText>, m: &Measure) -> MeasureView {
    let lang = scope.lang;
    MeasureView {
        anchor: format!("tiltak-{}", m.id),
        text: doc.front.measures.get(&m.id).cloned().unwrap_or_default(),
        responsible: m.responsible.clone(),
        timing: m.timing.map(|t| timing(lang, t)),
        status: m.status.map(|s| {
            lang.text(match s {
                MeasureStatus::Planned => "status-planned",
                MeasureStatus::InProgress => "status-in-progress",
                MeasureStatus::Done => "status-done",
            })
        }),
        services: services_of(scope, &format!("{}/{}", t.slug, m.id)),
    }
}

fn timing(lang: &Language, t: Timing) -> String {
    match t {
        Timing::Year(y) => y.to_string(),
        Timing::Period(p) => format!("{}–{}", p.from, p.to),
        Timing::Ongoing => lang.text("timing-ongoing"),
        Timing::OngoingFrom(y) => lang.format(
            "timing-ongoing-from",
            &[("year", FluentValue::from(y.to_string()))],
        ),
    }
}

/// Links to the services that carry out the measure `full_id` (`<theme>/<measure>`).
fn services_of(scope: &Scope, full_id: &str) -> Vec<Link> {
    scope
        .site
        .services
        .iter()
        .filter(|s| s.facts.measures.iter().any(|r| r.value == full_id))
        .map(|s| service::link(scope, s))
        .collect()
}

/// The plan's title in this language, linking to the plan.
fn plan_link(scope: &Scope) -> Link {
    let (title, fell_back) = match &scope.site.plan {
        Some(p) => {
            let (doc, fell_back) = p.text.get(&scope.lang.code, scope.site.source_language());
            (doc.front.title.clone(), fell_back)
        }
        None => (String::new(), false),
    };
    Link {
        text_lang: text_lang(scope, fell_back),
        ..scope.link(title, Route::Plan, &Route::Home)
    }
}
