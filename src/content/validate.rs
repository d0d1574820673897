//! Checks across files: references between plan and services, links, translations, and facts
//! that parse but cannot be right (a service that closes before it opens).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::model::{Cost, Localized, Plan, Service, Site};
use crate::diagnostic::{Diagnostic, Report};
use crate::i18n::Language;
use crate::markdown::internal_links;
use crate::route::Route;

/// Runs every check on a loaded site.
pub fn validate(site: &Site, langs: &BTreeMap<String, Language>, report: &mut Report) {
    let routes: BTreeSet<Route> = Route::all(site).into_iter().collect();
    let measures = measure_ids(site.plan.as_ref());
    if let Some(plan) = &site.plan {
        check_plan(plan, report);
    }
    for service in &site.services {
        check_service(
            service,
            &measures,
            langs.get(site.source_language()),
            report,
        );
    }
    for item in text_files(site) {
        check_links(&item, &routes, report);
        check_translations(&item, site, langs, report);
    }
}

/// `<theme>/<measure>` for every measure of the plan.
fn measure_ids(plan: Option<&Plan>) -> BTreeSet<String> {
    plan.into_iter()
        .flat_map(|p| &p.themes)
        .flat_map(|t| {
            t.facts
                .measures
                .iter()
                .map(move |m| format!("{}/{}", t.slug, m.id))
        })
        .collect()
}

fn check_plan(plan: &Plan, report: &mut Report) {
    let files: BTreeSet<&str> = plan.themes.iter().map(|t| t.slug.as_str()).collect();
    for listed in &plan.facts.themes {
        if !files.contains(listed.as_str()) {
            report.push(
                Diagnostic::error("missing-file", &plan.facts_path, format!("The theme `{listed}` is listed but plan/themes/{listed}.yaml does not exist."))
                    .hint("Create the theme's files, or remove it from `themes`."),
            );
        }
    }
    for theme in &plan.themes {
        if !plan.facts.themes.contains(&theme.slug) {
            report.push(
                Diagnostic::error(
                    "unlisted-theme",
                    &theme.facts_path,
                    format!("The theme `{}` is not listed in plan.yaml.", theme.slug),
                )
                .hint("Add it to `themes` in plan/plan.yaml, in the place it should appear."),
            );
        }
        check_measure_texts(theme, report);
    }
}

/// Each measure id must be unique and have a text in every language file, and no text may lack a measure.
fn check_measure_texts(theme: &super::model::Theme, report: &mut Report) {
    let mut ids = BTreeSet::new();
    for m in &theme.facts.measures {
        if !ids.insert(m.id.as_str()) {
            report.push(
                Diagnostic::error(
                    "duplicate-slug",
                    &theme.facts_path,
                    format!("The measure id `{}` is used twice.", m.id),
                )
                .hint("Give each measure of a theme its own id."),
            );
        }
    }
    for (path, doc) in theme.text.docs.values() {
        let texts: BTreeSet<&str> = doc.front.measures.keys().map(String::as_str).collect();
        for id in ids.difference(&texts) {
            report.push(
                Diagnostic::error(
                    "missing-field",
                    path,
                    format!("The measure `{id}` has no text in this file."),
                )
                .hint(format!(
                    "Add `{id}: <the measure's text>` under `measures:` in the front matter."
                )),
            );
        }
        for id in texts.difference(&ids) {
            report.push(
                Diagnostic::error(
                    "unknown-measure",
                    path,
                    format!("`{id}` is not a measure of this theme."),
                )
                .hint(format!(
                    "Add it to `measures` in {}, or fix the id.",
                    theme.facts_path.display()
                )),
            );
        }
    }
}

fn check_service(
    service: &Service,
    measures: &BTreeSet<String>,
    source: Option<&Language>,
    report: &mut Report,
) {
    let path = &service.facts_path;
    let facts = &service.facts;
    for m in &facts.measures {
        if !measures.contains(&m.value) {
            report.push(
                Diagnostic::error("unknown-measure", path, format!("`{}` is not a measure of the plan.", m.value))
                    .at(m.referenced.line() as usize, Some(m.referenced.column() as usize))
                    .hint("Write measures as `<theme>/<measure id>`, as they are named in plan/themes/*.yaml."),
            );
        }
    }
    for h in &facts.hours {
        if h.closes <= h.opens {
            report.push(
                Diagnostic::error(
                    "invalid-value",
                    path,
                    format!(
                        "Opening hours close ({}) before they open ({}).",
                        h.closes, h.opens
                    ),
                )
                .hint("Check `opens` and `closes`; use 24-hour times such as \"15:30\"."),
            );
        }
    }
    if facts.price_nok.is_some() && facts.cost != Cost::Paid {
        report.push(
            Diagnostic::error(
                "invalid-value",
                path,
                "`price_nok` is given, but `cost` is not `paid`.",
            )
            .hint("Write `cost: paid` with a price, or remove `price_nok`."),
        );
    }
    for code in &facts.languages {
        if source.is_some_and(|l| !l.has(&format!("spoken-{code}"))) {
            report.push(Diagnostic::error("unknown-language", path, format!("`{code}` in `languages` is not a language torg can name.")).hint(format!("Use a code such as nb, en, ar, or add `spoken-{code} = …` to every locales/*/ui.ftl.")));
        }
    }
}

/// The language files of one item, whatever its front matter type.
struct TextFiles<'a> {
    slug: &'a str,
    /// (language, file, body, line where the body starts)
    files: Vec<(&'a str, &'a Path, &'a str, usize)>,
}

fn view<'a, F>(slug: &'a str, l: &'a Localized<F>) -> TextFiles<'a> {
    let files = l
        .docs
        .iter()
        .map(|(lang, (path, doc))| {
            (
                lang.as_str(),
                path.as_path(),
                doc.body.as_str(),
                doc.body_line,
            )
        })
        .collect();
    TextFiles { slug, files }
}

/// Every translatable item of the site.
fn text_files(site: &Site) -> Vec<TextFiles<'_>> {
    let mut out = Vec::new();
    if let Some(plan) = &site.plan {
        out.push(view("plan", &plan.text));
        out.extend(plan.themes.iter().map(|t| view(&t.slug, &t.text)));
    }
    out.extend(site.services.iter().map(|s| view(&s.slug, &s.text)));
    out.extend(site.pages.iter().map(|p| view(&p.slug, &p.text)));
    out.extend(site.glossary.iter().map(|t| view(&t.slug, &t.text)));
    out
}

fn check_links(item: &TextFiles, routes: &BTreeSet<Route>, report: &mut Report) {
    for (_, path, body, first_line) in &item.files {
        for link in internal_links(body) {
            if !Route::parse(&link.target).is_some_and(|r| routes.contains(&r)) {
                report.push(
                    Diagnostic::error("broken-link", path, format!("The link `@/{}` points to a page that does not exist.", link.target))
                        .at(first_line + link.line - 1, None)
                        .hint("Check the spelling against the file names, e.g. `@/services/<file name without .yaml>`, `@/plan/<theme>`, `@/glossary`."),
                );
            }
        }
    }
}

/// One warning per text file a language lacks.
fn check_translations(
    item: &TextFiles,
    site: &Site,
    langs: &BTreeMap<String, Language>,
    report: &mut Report,
) {
    let source = site.source_language();
    let Some((_, src_path, _, _)) = item.files.iter().find(|f| f.0 == source) else {
        return;
    };
    for lang in &site.config.languages[1..] {
        if item.files.iter().any(|f| f.0 == lang) {
            continue;
        }
        let expected = src_path.with_file_name(format!("{}.{lang}.md", item.slug));
        let name = langs.get(lang).map_or(lang.as_str(), |l| l.name.as_str());
        report.push(
            Diagnostic::warning("missing-translation", &expected, format!("Not translated into {name} ({lang}) yet; the {lang} page shows the {source} text."))
                .hint(format!("Translate {} into this file.", src_path.display())),
        );
    }
}
