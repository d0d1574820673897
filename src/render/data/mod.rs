//! A portal's open-data export in `<site>/data/` (docs/data.md): its services as CPSV-AP
//! ([`cpsv`]) and its plan's measures as CSV and JSON ([`measures`]), with the licence
//! `site.yaml` gives and the date of the content's last change. That date is taken from the
//! content, never from the clock, so that building the same content twice gives the same bytes.

mod cpsv;
mod measures;

use std::collections::BTreeMap;

use oxrdf::Literal;

use super::frame::{Link, Scope};
use super::{Portal, Purpose};
use crate::config::Urls;
use crate::content::model::{Site, When};
use crate::diagnostic::Diagnostic;
use crate::i18n::Language;
use crate::layout;
use crate::output::Output;
use crate::route::Export;

/// The exports a portal has: the services when it has any, the measures when it has a plan.
pub(super) fn exports(site: &Site) -> Vec<Export> {
    let mut list = Vec::new();
    if !site.services.is_empty() {
        list.extend([Export::ServicesJsonLd, Export::ServicesTurtle]);
    }
    if site.plan.is_some() {
        list.extend([Export::MeasuresCsv, Export::MeasuresJson]);
    }
    list
}

/// Links to those of `wanted` the portal has, labelled with their formats, for the plan and
/// service pages.
pub(super) fn links(scope: &Scope, wanted: [Export; 2]) -> Vec<Link> {
    let has = exports(scope.site);
    wanted
        .into_iter()
        .filter(|e| has.contains(e))
        .map(|e| Link {
            label: e.format().to_string(),
            url: scope.urls.path(&e.output_file(&scope.site.slug)),
            current: false,
            text_lang: None,
        })
        .collect()
}

/// Writes every export [`exports`] lists for `portal`; for [`Purpose::Links`] the graph and the
/// table are made, which is where the content can fail, and their files written empty.
pub fn write_exports(
    portal: &Portal,
    purpose: Purpose,
    out: &impl Output,
) -> Result<(), Diagnostic> {
    let ctx = Context::new(portal)?;
    let slug = &portal.site.slug;
    let has = exports(&portal.site);
    let serialise = purpose == Purpose::Readers;
    let write = |export: Export, bytes: &dyn Fn() -> Result<Vec<u8>, String>| {
        let bytes = if serialise {
            bytes().map_err(|e| ctx.problem(e))?
        } else {
            Vec::new()
        };
        out.write(&export.output_file(slug), &bytes)
    };
    if has.contains(&Export::ServicesTurtle) {
        let graph = cpsv::graph(&ctx)?;
        let io = |e: std::io::Error| format!("The services could not be written: {e}.");
        write(Export::ServicesTurtle, &|| graph.turtle().map_err(io))?;
        write(Export::ServicesJsonLd, &|| graph.json_ld().map_err(io))?;
    }
    if let Some(plan) = &portal.site.plan {
        let table = measures::table(&ctx, plan);
        let failed = |e: &dyn std::fmt::Display| format!("The measures could not be written: {e}.");
        write(Export::MeasuresCsv, &|| {
            measures::csv(&ctx, &table).map_err(|e| failed(&e))
        })?;
        write(Export::MeasuresJson, &|| {
            measures::json(&ctx, plan, &table).map_err(|e| failed(&e))
        })?;
    }
    Ok(())
}

/// What every export needs of a portal.
struct Context<'a> {
    site: &'a Site,
    urls: &'a Urls,
    langs: &'a BTreeMap<String, Language>,
    last_change: Option<When>,
}

impl<'a> Context<'a> {
    /// Refuses a portal language that is no language tag, so every text can be tagged with it.
    fn new(portal: &'a Portal) -> Result<Context<'a>, Diagnostic> {
        let site = &portal.site;
        let ctx = Context {
            site,
            urls: &portal.urls,
            langs: &portal.langs,
            last_change: last_change(site),
        };
        for code in &site.config.languages {
            if Literal::new_language_tagged_literal("", code).is_err() {
                return Err(ctx.problem(format!("`{code}` is not a language code.")));
            }
        }
        Ok(ctx)
    }

    /// A problem of the portal, reported against its `site.yaml`.
    fn problem(&self, message: String) -> Diagnostic {
        Diagnostic::error("internal", &layout::site_file(&self.site.dir), message)
            .hint("This is a bug in torg if site.yaml has no mistake; please report it.")
    }

    /// The portal's languages, in its order, the source language first.
    fn languages(&self) -> impl Iterator<Item = &'a Language> {
        let langs = self.langs;
        self.site
            .config
            .languages
            .iter()
            .filter_map(|c| langs.get(c))
    }

    /// `text`, tagged with the language `lang` ([`Context::new`] checked every tag).
    fn text(&self, lang: &Language, text: String) -> Literal {
        Literal::new_language_tagged_literal_unchecked(text, lang.code.clone())
    }

    /// A name as the content writes it, in the portal's source language.
    fn source_text(&self, text: &str) -> Literal {
        Literal::new_language_tagged_literal_unchecked(text, self.site.source_language())
    }

    /// The municipality's name as `lang` writes it («Halden kommune»).
    fn municipality(&self, lang: &Language) -> String {
        let name = self.site.config.name.as_str();
        lang.format("municipality-name", &[("name", name.into())])
    }
}

/// The latest date the content gives for itself: when a service was last checked
/// (`reviewed:`), or when the plan was adopted; `None` when it gives none.
fn last_change(site: &Site) -> Option<When> {
    let reviewed = site
        .services
        .iter()
        .filter_map(|s| s.facts.reviewed.map(When::Date));
    let adopted = site.plan.as_ref().and_then(|p| p.facts.adopted);
    latest(reviewed.chain(adopted))
}

/// The latest of `dates`, a year counting from its first day.
fn latest(dates: impl Iterator<Item = When>) -> Option<When> {
    dates.max_by_key(|w| match w {
        When::Year(y) => (*y, 0, 0),
        When::Date(d) => (d.year, d.month, d.day),
    })
}

/// A year or date as ISO 8601 writes it: `2019`, `2024-05-01`.
fn iso_date(when: When) -> String {
    match when {
        When::Year(y) => format!("{y:04}"),
        When::Date(d) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::model::Date;

    #[test]
    fn the_last_change_is_the_latest_date_a_year_counting_from_its_start() {
        let date = |y, m, d| {
            When::Date(Date {
                year: y,
                month: m,
                day: d,
            })
        };
        assert_eq!(iso_date(date(2024, 5, 1)), "2024-05-01");
        assert_eq!(iso_date(When::Year(2019)), "2019");
        let both = |a, b| latest([a, b].into_iter());
        assert_eq!(
            both(When::Year(2019), date(2019, 1, 1)),
            Some(date(2019, 1, 1))
        );
        assert_eq!(
            both(date(2019, 12, 31), When::Year(2020)),
            Some(When::Year(2020))
        );
        assert_eq!(
            both(date(2024, 5, 1), date(2023, 6, 2)),
            Some(date(2024, 5, 1))
        );
        assert_eq!(latest(std::iter::empty()), None);
    }
}
