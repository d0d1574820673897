//! The plan's page: its status, period and adoption, its text and the cards of its chapters.

use fluent_bundle::FluentValue;
use serde::Serialize;

use super::data;
use super::frame::{Link, Scope, TextLang, text_lang};
use super::view::{Data, View};
use crate::content::model::{Plan, PlanStatus, PlanText, When};
use crate::content::source::Doc;
use crate::i18n::Language;
use crate::route::{Export, Route};

/// The plan page's data.
#[derive(Serialize)]
pub(super) struct PlanPage {
    /// Status, period and adoption, as far as the plan states them.
    meta: Vec<String>,
    summary: String,
    vision: Option<String>,
    goals: Vec<String>,
    html: String,
    /// `page.themes` in `plan.html`: the template API keeps the content files' word.
    themes: Vec<ChapterCard>,
    /// The measures as open data, by format.
    data: Vec<Link>,
}

#[derive(Serialize)]
struct ChapterCard {
    title: String,
    url: String,
    count: String,
    text_lang: Option<TextLang>,
}

/// The plan's page; `None` when the site has no plan.
pub(super) fn view(scope: &Scope) -> Option<View> {
    let plan = scope.site.plan.as_ref()?;
    let (doc, fallback) = scope.text(&plan.text);
    Some(View {
        template: "plan.html",
        title: doc.front.title.clone(),
        fallback,
        behind: scope.behind(&plan.text, &Route::Plan),
        search_kind: Some(scope.lang.text("nav-plan")),
        data: Data::Plan(data(scope, plan, doc)),
    })
}

fn data(scope: &Scope, plan: &Plan, doc: &Doc<PlanText>) -> PlanPage {
    let lang = scope.lang;
    PlanPage {
        meta: meta(lang, plan),
        summary: doc.front.summary.clone(),
        vision: doc.front.vision.clone(),
        goals: doc.front.goals.clone(),
        html: scope.html(&doc.body),
        themes: plan
            .chapters
            .iter()
            .map(|t| {
                let (tdoc, fell_back) = t.text.get(&lang.code, scope.site.source_language());
                ChapterCard {
                    title: tdoc.front.title.clone(),
                    url: scope.url(&Route::Chapter(t.slug.clone())),
                    count: lang.count("measures-count", t.facts.measures.len()),
                    text_lang: text_lang(scope, fell_back),
                }
            })
            .collect(),
        data: data::links(scope, [Export::MeasuresCsv, Export::MeasuresJson]),
    }
}

/// Status, period and adoption, as far as the plan states them.
fn meta(lang: &Language, plan: &Plan) -> Vec<String> {
    let f = &plan.facts;
    let status = f.status.map(|s| {
        lang.text(match s {
            PlanStatus::Adopted => "plan-status-adopted",
            PlanStatus::Draft => "plan-status-draft",
            PlanStatus::Consultation => "plan-status-consultation",
        })
    });
    let period = f.period.map(|p| {
        lang.format(
            "plan-period",
            &[
                ("from", FluentValue::from(p.from.to_string())),
                ("to", FluentValue::from(p.to.to_string())),
            ],
        )
    });
    let adopted = f.adopted.map(|w| {
        let date = match w {
            When::Year(y) => y.to_string(),
            When::Date(d) => lang.date(d),
        };
        lang.format("plan-adopted", &[("date", FluentValue::from(date))])
    });
    [status, period, adopted].into_iter().flatten().collect()
}
