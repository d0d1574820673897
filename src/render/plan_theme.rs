//! A theme page of the plan (one of its chapters or strategies): its goals, its text and its
//! measures, each with who is responsible, when, its status and the services that carry it out.

use fluent_bundle::FluentValue;
use serde::Serialize;

use super::frame::{Link, Scope, text_lang};
use super::service;
use super::view::{Data, View};
use crate::content::model::{MeasureStatus, Theme, ThemeText, Timing};
use crate::content::source::Doc;
use crate::route::Route;

/// A theme page's data.
#[derive(Serialize)]
pub(super) struct ThemePage {
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

/// The page of the plan's theme `slug`; `None` when the plan has no such theme.
pub(super) fn view(scope: &Scope, slug: &str) -> Option<View> {
    let theme = scope
        .site
        .plan
        .iter()
        .flat_map(|p| &p.themes)
        .find(|t| t.slug == slug)?;
    let (doc, fallback) = scope.text(&theme.text);
    Some(View {
        template: "theme.html",
        title: doc.front.title.clone(),
        fallback,
        search_kind: Some(scope.lang.text("nav-plan")),
        data: Data::Theme(data(scope, theme, doc)),
    })
}

fn data(scope: &Scope, t: &Theme, doc: &Doc<ThemeText>) -> ThemePage {
    let lang = scope.lang;
    let measures = t
        .facts
        .measures
        .iter()
        .map(|m| {
            let full_id = format!("{}/{}", t.slug, m.id);
            MeasureView {
                anchor: format!("tiltak-{}", m.id),
                text: doc.front.measures.get(&m.id).cloned().unwrap_or_default(),
                responsible: m.responsible.clone(),
                timing: m.timing.map(|t| match t {
                    Timing::Year(y) => y.to_string(),
                    Timing::Period(p) => format!("{}–{}", p.from, p.to),
                    Timing::Ongoing => lang.text("timing-ongoing"),
                    Timing::OngoingFrom(y) => lang.format(
                        "timing-ongoing-from",
                        &[("year", FluentValue::from(y.to_string()))],
                    ),
                }),
                status: m.status.map(|s| {
                    lang.text(match s {
                        MeasureStatus::Planned => "status-planned",
                        MeasureStatus::InProgress => "status-in-progress",
                        MeasureStatus::Done => "status-done",
                    })
                }),
                services: scope
                    .site
                    .services
                    .iter()
                    .filter(|s| s.facts.measures.iter().any(|r| r.value == full_id))
                    .map(|s| {
                        let card = service::card(scope, s);
                        Link {
                            label: card.title,
                            url: card.url,
                            current: false,
                            text_lang: card.text_lang,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    ThemePage {
        source: t.facts.source.clone(),
        goals: doc.front.goals.clone(),
        html: scope.html(&doc.body),
        count: lang.count("measures-count", t.facts.measures.len()),
        measures,
        plan: plan_link(scope),
    }
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
