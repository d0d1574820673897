//! The plan's measures as a table a journalist can open in a spreadsheet (CSV) or a program can
//! read (JSON): one row per measure, in the plan's order, with its chapter, text in every
//! language it has one in, who is responsible, when, its status, the services that carry it out
//! and where the plan says it.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Context, iso_date};
use crate::content::licence::licence_address;
use crate::content::model::{
    Chapter, ChapterText, MeasureStatus, Period, Plan, PlanStatus, Timing,
};
use crate::render::service::kebab;

/// One measure of the plan.
#[derive(Serialize)]
pub(super) struct Row {
    /// The chapter (theme) it belongs to, by its file name in `plan/themes/`.
    theme: String,
    /// Its id in that chapter; `<theme>/<measure>` is how services name it.
    measure: String,
    /// The chapter's title, by language.
    theme_title: BTreeMap<String, String>,
    /// The measure's text, by language.
    text: BTreeMap<String, String>,
    responsible: Option<String>,
    /// As `plan/themes/*.yaml` writes it: `2019`, `2018-2020`, `ongoing`, `2017-ongoing`.
    timing: Option<String>,
    status: Option<MeasureStatus>,
    /// The slugs of the services that carry it out.
    services: Vec<String>,
    /// Where the plan states it (the chapter's `source:`).
    source: String,
}

/// Every measure of `plan`, in the plan's order.
pub(super) fn table(ctx: &Context, plan: &Plan) -> Vec<Row> {
    let carriers = carriers(ctx);
    let carriers = &carriers;
    plan.chapters
        .iter()
        .flat_map(|chapter| {
            chapter.facts.measures.iter().map(move |m| Row {
                theme: chapter.slug.clone(),
                measure: m.id.clone(),
                theme_title: by_language(ctx, chapter, |t| Some(t.title.clone())),
                text: by_language(ctx, chapter, |t| t.measures.get(&m.id).cloned()),
                responsible: m.responsible.clone(),
                timing: m.timing.map(timing),
                status: m.status,
                services: carriers
                    .get(format!("{}/{}", chapter.slug, m.id).as_str())
                    .cloned()
                    .unwrap_or_default(),
                source: chapter.facts.source.clone(),
            })
        })
        .collect()
}

/// What `pick` takes from the chapter's text in each language that has it.
fn by_language(
    ctx: &Context,
    chapter: &Chapter,
    pick: impl Fn(&ChapterText) -> Option<String>,
) -> BTreeMap<String, String> {
    ctx.languages()
        .filter_map(|lang| {
            let (_, doc) = chapter.text.docs.get(&lang.code)?;
            Some((lang.code.clone(), pick(&doc.front)?))
        })
        .collect()
}

/// For each measure id (`<theme>/<measure>`) that services name, those services' slugs in the
/// portal's order: gathered once, not looked up per measure, for portals with thousands of services.
fn carriers<'a>(ctx: &Context<'a>) -> BTreeMap<&'a str, Vec<String>> {
    let mut map: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for s in &ctx.site.services {
        for m in &s.facts.measures {
            map.entry(m.value.as_str())
                .or_default()
                .push(s.slug.clone());
        }
    }
    map
}

/// A timing as content files write it.
fn timing(t: Timing) -> String {
    match t {
        Timing::Year(y) => y.to_string(),
        Timing::Period(p) => period(p),
        Timing::Ongoing => "ongoing".into(),
        Timing::OngoingFrom(y) => format!("{y}-ongoing"),
    }
}

/// A period as content files write it: `2018-2025`.
fn period(p: Period) -> String {
    format!("{}-{}", p.from, p.to)
}

/// The table as CSV: fixed columns, then the chapter's title and the measure's text in each of
/// the portal's languages (`theme_title_nb`, `text_nb`, …); services separated by spaces.
pub(super) fn csv(ctx: &Context, rows: &[Row]) -> Result<Vec<u8>, csv::Error> {
    let codes: Vec<&str> = ctx.languages().map(|l| l.code.as_str()).collect();
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = [
        "theme",
        "measure",
        "responsible",
        "timing",
        "status",
        "services",
        "source",
    ]
    .map(String::from)
    .to_vec();
    header.extend(codes.iter().map(|c| format!("theme_title_{c}")));
    header.extend(codes.iter().map(|c| format!("text_{c}")));
    w.write_record(&header)?;
    for r in rows {
        let mut record = vec![
            r.theme.clone(),
            r.measure.clone(),
            r.responsible.clone().unwrap_or_default(),
            r.timing.clone().unwrap_or_default(),
            r.status.as_ref().map(kebab).unwrap_or_default(),
            r.services.join(" "),
            r.source.clone(),
        ];
        let cell =
            |map: &BTreeMap<String, String>, c: &str| map.get(c).cloned().unwrap_or_default();
        record.extend(codes.iter().map(|c| cell(&r.theme_title, c)));
        record.extend(codes.iter().map(|c| cell(&r.text, c)));
        w.write_record(&record)?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// The JSON document: the plan's facts and title, the licence and date of last change, and
/// the measures.
#[derive(Serialize)]
struct Document<'a> {
    portal: &'a str,
    municipality: &'a str,
    plan: PlanFacts,
    #[serde(skip_serializing_if = "Option::is_none")]
    licence: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modified: Option<String>,
    measures: &'a [Row],
}

#[derive(Serialize)]
struct PlanFacts {
    title: BTreeMap<String, String>,
    period: Option<String>,
    status: Option<PlanStatus>,
    adopted: Option<String>,
}

/// The table with the plan's facts around it, as indented JSON.
pub(super) fn json(ctx: &Context, plan: &Plan, rows: &[Row]) -> serde_json::Result<Vec<u8>> {
    let f = &plan.facts;
    let doc = Document {
        portal: &ctx.site.slug,
        municipality: &ctx.site.config.name,
        plan: PlanFacts {
            title: ctx
                .languages()
                .filter_map(|l| {
                    let (_, doc) = plan.text.docs.get(&l.code)?;
                    Some((l.code.clone(), doc.front.title.clone()))
                })
                .collect(),
            period: f.period.map(period),
            status: f.status,
            adopted: f.adopted.map(iso_date),
        },
        licence: ctx
            .site
            .config
            .licence
            .as_ref()
            .and_then(|l| licence_address(&l.value)),
        modified: ctx.last_change.map(iso_date),
        measures: rows,
    };
    let mut bytes = serde_json::to_vec_pretty(&doc)?;
    bytes.push(b'\n');
    Ok(bytes)
}
