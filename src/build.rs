//! `torg build`: load → validate → render → write, with every problem of the run reported together.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::config::{BuildConfig, Urls, check_out_dir};
use crate::content::load::{load_sites, site_dirs};
use crate::content::model::Site;
use crate::content::validate::validate;
use crate::diagnostic::{Diagnostic, Report};
use crate::i18n::{Language, Locales};
use crate::output::Staging;
use crate::render::{Theme, render_portal_list, render_site};

/// What a successful build produced.
#[derive(Debug, Default)]
pub struct Summary {
    pub portals: usize,
    pub pages: usize,
    /// Portals built without a base URL, whose canonical links and sitemap are root-relative.
    pub without_base_url: Vec<String>,
}

/// The outcome of a build: its problems, and what it wrote if it wrote anything.
pub struct Outcome {
    pub report: Report,
    pub summary: Option<Summary>,
}

/// A portal ready to render: its content, languages and addresses.
struct Prepared {
    site: Site,
    langs: BTreeMap<String, Language>,
    urls: Urls,
}

/// Names in `--site` that are not portals; a usage error rather than a content error.
pub fn unknown_sites(names: &[String], content: &std::path::Path) -> Vec<String> {
    let mut scratch = Report::default();
    let known: Vec<String> = site_dirs(content, &mut scratch)
        .into_iter()
        .map(|(s, _)| s)
        .collect();
    names
        .iter()
        .filter(|s| !known.contains(s))
        .cloned()
        .collect()
}

pub fn build(cfg: &BuildConfig) -> Outcome {
    let mut report = Report::default();
    if let Err(d) = check_out_dir(cfg) {
        report.push(d);
        return Outcome {
            report,
            summary: None,
        };
    }
    let prepared = prepare(cfg, &mut report);
    if report.is_fatal(cfg.strict) || prepared.is_empty() {
        if prepared.is_empty() && !report.is_fatal(false) {
            report.push(
                Diagnostic::error("no-content", &cfg.content, "There are no portals to build.")
                    .hint("Create content/<municipality>/site.yaml (see docs/content.md)."),
            );
        }
        return Outcome {
            report,
            summary: None,
        };
    }
    match write(cfg, &prepared) {
        Ok(summary) => Outcome {
            report,
            summary: Some(summary),
        },
        Err(errors) => {
            report.extend(errors);
            Outcome {
                report,
                summary: None,
            }
        }
    }
}

/// Loads and validates every portal, without writing anything.
fn prepare(cfg: &BuildConfig, report: &mut Report) -> Vec<Prepared> {
    let locales = Locales::load(&cfg.locales, report);
    let sites = load_sites(&cfg.content, &cfg.sites, &locales.codes(), report);
    report.par_map(sites, |site, problems| {
        let langs = locales.for_site(&site.dir, &site.config.languages, problems);
        if langs.len() != site.config.languages.len() {
            return None;
        }
        validate(&site, &langs, problems);
        Urls::for_site(&site, cfg.base_url.as_deref())
            .map_err(|d| problems.push(d))
            .ok()
            .map(|urls| Prepared { site, langs, urls })
    })
}

/// Renders everything into a staging folder and swaps it in only if nothing failed.
fn write(cfg: &BuildConfig, prepared: &[Prepared]) -> Result<Summary, Vec<Diagnostic>> {
    let staging = Staging::new(&cfg.out).map_err(|d| vec![d])?;
    let default_theme = cfg.themes.join("default");
    let mut errors = Vec::new();
    let mut summary = Summary::default();
    let rendered: Vec<_> = prepared
        .par_iter()
        .map(|p| {
            Theme::load(&default_theme, Some(&p.site.dir.join("theme")))
                .map_err(|d| vec![d])
                .and_then(|t| render_site(&p.site, &p.langs, &p.urls, &t, &staging))
        })
        .collect();
    for (p, result) in prepared.iter().zip(rendered) {
        match result {
            Ok(pages) => {
                summary.portals += 1;
                summary.pages += pages;
                if p.urls.absolute_root.is_none() {
                    summary.without_base_url.push(p.site.slug.clone());
                }
            }
            Err(e) => errors.extend(e),
        }
    }
    let first = &prepared[0];
    let portals: Vec<(String, String)> = prepared
        .iter()
        .map(|p| {
            let lang = &p.langs[p.site.source_language()];
            let name = lang.format(
                "municipality-name",
                &[("name", p.site.config.name.as_str().into())],
            );
            (name, p.urls.absolute(&format!("{}/", p.site.slug)))
        })
        .collect();
    let list = Theme::load(&default_theme, None).and_then(|theme| {
        let css = first.urls.path("static/torg.css");
        render_portal_list(
            &portals,
            &first.langs[first.site.source_language()],
            css,
            &theme,
            &staging,
        )
    });
    errors.extend(list.err());
    if !errors.is_empty() {
        return Err(errors);
    }
    staging.commit().map_err(|d| vec![d])?;
    Ok(summary)
}
