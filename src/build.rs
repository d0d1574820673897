//! `torg build`: load → validate → render → write, with every problem of the run reported together.
//!
//! The render-and-write half is one pipeline, [`publish_portal`], that `torg build`, `torg serve`
//! and `torg check` share: build and check pass every page of every portal ([`publish`]), serve
//! after an edit only the pages that show it, into its in-place output.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::cache::Cache;
use crate::config::{BuildConfig, OutDir, Urls};
use crate::content::load::{load_sites, site_dirs};
use crate::content::model::Site;
use crate::content::validate::validate;
use crate::diagnostic::{Diagnostic, Report};
use crate::i18n::{Language, Locales};
use crate::layout;
use crate::output::{Output, Staging};
use crate::render::{
    Portal, Purpose, Rendered, Theme, render_portal_list, render_routes, write_exports,
    write_extras,
};
use crate::route::{self, Route};
use crate::search::{self, Documents};

/// What a successful build produced.
#[derive(Debug, Default)]
pub struct Summary {
    pub portals: usize,
    pub pages: usize,
    /// Portals copied from the cache rather than rendered.
    pub from_cache: usize,
    /// Portals built without a base URL, whose canonical links and sitemap are root-relative.
    pub without_base_url: Vec<String>,
    /// Each portal's pages as the search index sees them, in portal order (empty but with
    /// [`Search::Keep`]): kept by `torg serve` to index a portal again after an edit without
    /// rendering every page.
    pub search: Vec<Documents>,
}

/// The outcome of a build: its problems, and what it wrote if it wrote anything.
pub struct Outcome {
    pub report: Report,
    pub summary: Option<Summary>,
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

/// Builds every portal into `out`, which [`check_out_dir`](crate::config::check_out_dir) found
/// safe to replace; it is replaced only when every page succeeded. Portals whose output `cache`
/// holds are copied from it, the others rendered and kept in it.
pub fn build(cfg: &BuildConfig, out: &OutDir, cache: Option<&Cache>) -> Outcome {
    let mut report = Report::default();
    let portals = prepare(cfg, &mut report);
    if report.is_fatal(cfg.strict) {
        return Outcome {
            report,
            summary: None,
        };
    }
    let written = Staging::new(out).map_err(|d| vec![d]).and_then(|staging| {
        let summary = publish(cfg, &portals, Search::Index, cache, &staging)?;
        staging.commit().map(|()| summary).map_err(|d| vec![d])
    });
    match written {
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

/// The first half of a build, and all that `torg check` and `torg translations` need of one:
/// loads the interface texts, then loads and validates every portal and compiles its theme,
/// writing nothing.
pub fn prepare(cfg: &BuildConfig, report: &mut Report) -> Vec<Portal> {
    let locales = Locales::load(&cfg.locales, report);
    let portals = prepare_sites(cfg, &locales, report);
    if portals.is_empty() && !report.is_fatal(false) {
        report.push(
            Diagnostic::error(
                "no-content",
                &cfg.content,
                "There are no portals in this folder.",
            )
            .hint("Create content/<municipality>/site.yaml (see docs/content.md)."),
        );
    }
    portals
}

/// Loads and validates every portal and compiles its theme with interface texts already loaded,
/// without writing anything.
pub fn prepare_sites(cfg: &BuildConfig, locales: &Locales, report: &mut Report) -> Vec<Portal> {
    let sites = load_sites(&cfg.content, &cfg.sites, &locales.codes(), report);
    report.par_map(sites, |site, problems| {
        prepare_site(cfg, locales, site, problems)
    })
}

/// One portal's stages after loading: its languages and theme, then [`validate_site`].
pub fn prepare_site(
    cfg: &BuildConfig,
    locales: &Locales,
    site: Site,
    report: &mut Report,
) -> Option<Portal> {
    let langs = locales.for_site(&site.dir, &site.config.languages, report);
    if langs.len() != site.config.languages.len() {
        return None;
    }
    let theme = Theme::load(
        &layout::default_theme(&cfg.themes),
        Some(&layout::theme_override(&site.dir)),
    )
    .map_err(|d| report.push(d))
    .ok()?;
    validate_site(cfg, site, Arc::new(langs), Arc::new(theme), report)
}

/// Validates a loaded portal against its languages and works out its addresses. Shared with
/// `torg serve`, which keeps the languages and theme when only content changed.
pub fn validate_site(
    cfg: &BuildConfig,
    site: Site,
    langs: Arc<BTreeMap<String, Language>>,
    theme: Arc<Theme>,
    report: &mut Report,
) -> Option<Portal> {
    // Links written as the portal's own addresses are checked against where it is published; a
    // wrong base URL is reported, and the links are then read as if it were published at the root.
    let urls = Urls::for_site(&site, cfg.base_url.as_deref());
    validate(
        &site,
        urls.as_ref().unwrap_or(&Urls::at_root()),
        &langs,
        report,
    );
    let urls = urls.map_err(|d| report.push(d)).ok()?;
    Some(Portal {
        site,
        langs,
        urls,
        theme,
    })
}

/// Which pages of a portal one pass of [`publish_portal`] renders.
pub enum Pages {
    /// Every page, and what the portal has besides ([`write_extras`]).
    All,
    /// Only these pages, in these languages: those that show what an edit changed.
    Only {
        routes: Vec<Route>,
        langs: Vec<String>,
    },
}

/// Whether a pass indexes the pages it renders for search.
#[derive(Clone, Copy)]
pub enum Search {
    /// `torg build`: each portal's documents go once its index is written; kept, all portals'
    /// text would be a fifth of the build's peak memory.
    Index,
    /// `torg serve`: each portal's documents are kept ([`Summary::search`]) to index it again
    /// after an edit.
    Keep,
    /// `torg check` renders only to look at the links: no index (most of a build's time), and
    /// pages not finished for readers ([`Purpose::Links`]).
    Skip,
}

/// Every page of every portal through [`publish_portal`] (or from `cache`), the portals in
/// parallel, then the list of portals: all of `torg build`, and of `torg serve` when it starts or
/// a theme changed.
pub fn publish(
    cfg: &BuildConfig,
    portals: &[Portal],
    search: Search,
    cache: Option<&Cache>,
    out: &impl Output,
) -> Result<Summary, Vec<Diagnostic>> {
    let passes: Vec<_> = portals
        .par_iter()
        .map(|portal| match cache {
            Some(cache) => publish_cached(portal, cache, out),
            None => {
                let mut docs = Documents::default();
                let index = (!matches!(search, Search::Skip)).then_some(&mut docs);
                let pages = publish_portal(portal, &Pages::All, index, out)?;
                Ok(Pass {
                    pages,
                    docs: match search {
                        Search::Keep => docs,
                        Search::Index | Search::Skip => Documents::default(),
                    },
                    cached: false,
                })
            }
        })
        .collect();
    let mut errors = Vec::new();
    let mut summary = Summary::default();
    for (portal, pass) in portals.iter().zip(passes) {
        match pass {
            Ok(pass) => {
                summary.portals += 1;
                summary.pages += pass.pages;
                summary.from_cache += usize::from(pass.cached);
                summary.search.push(pass.docs);
                if portal.urls.absolute_root.is_none() {
                    summary.without_base_url.push(portal.site.slug.clone());
                }
            }
            Err(e) => errors.extend(e),
        }
    }
    errors.extend(write_portal_list(cfg, portals, out).err());
    if errors.is_empty() {
        Ok(summary)
    } else {
        Err(errors)
    }
}

/// What publishing one portal gave.
struct Pass {
    pages: usize,
    docs: Documents,
    cached: bool,
}

/// One portal, indexed, from its cache entry if there is one, else published and kept there;
/// only `torg build` has a cache, so its documents are not kept ([`Search::Index`]).
fn publish_cached(
    portal: &Portal,
    cache: &Cache,
    out: &impl Output,
) -> Result<Pass, Vec<Diagnostic>> {
    let entry = cache
        .entry(&portal.site.slug, &portal.site.dir)
        .map_err(|d| vec![d])?;
    if let Some(pages) = entry.restore(out) {
        let docs = Documents::default();
        return Ok(Pass {
            pages,
            docs,
            cached: true,
        });
    }
    let recorder = entry.record(out).map_err(|d| vec![d])?;
    let pages = publish_portal(
        portal,
        &Pages::All,
        Some(&mut Documents::default()),
        &recorder,
    )?;
    recorder.keep(pages).map_err(|d| vec![d])?;
    Ok(Pass {
        pages,
        docs: Documents::default(),
        cached: false,
    })
}

/// The pipeline for one portal: the pages `pages` selects, each rendered, finished for readers and
/// written with its search text taken; then `search`, the portal's pages as last indexed, brought
/// up to date with them and written as its index. Without `search` (`torg check`), pages are
/// rendered only for their links ([`Purpose::Links`]). Returns how many pages it rendered.
pub fn publish_portal(
    portal: &Portal,
    pages: &Pages,
    search: Option<&mut Documents>,
    out: &impl Output,
) -> Result<usize, Vec<Diagnostic>> {
    let purpose = match search {
        Some(_) => Purpose::Readers,
        None => Purpose::Links,
    };
    let rendered = render_pages(portal, pages, purpose, out)?;
    if let Some(docs) = search {
        match pages {
            Pages::All => *docs = Documents::from(rendered.search),
            Pages::Only { .. } => docs.update(rendered.search),
        }
        search::write_index(&portal.site.slug, docs, &portal.site.dir, out).map_err(|d| vec![d])?;
    }
    Ok(rendered.pages)
}

/// The pages `pages` selects, and with [`Pages::All`] the portal's extras.
fn render_pages(
    portal: &Portal,
    pages: &Pages,
    purpose: Purpose,
    out: &impl Output,
) -> Result<Rendered, Vec<Diagnostic>> {
    let Pages::Only { routes, langs } = pages else {
        let routes = Route::all(&portal.site);
        let langs = &portal.site.config.languages;
        let rendered = render_routes(portal, &routes, langs, purpose, out);
        return match (rendered, write_extras(portal, &routes, out)) {
            (Ok(r), Ok(())) => Ok(r),
            (rendered, extras) => Err(rendered
                .err()
                .into_iter()
                .flatten()
                .chain(extras.err())
                .collect()),
        };
    };
    // The export shows every service and measure: written again after any edit, which costs
    // little, and [`InPlace`](crate::output::InPlace) leaves unchanged files alone.
    let rendered = render_routes(portal, routes, langs, purpose, out)?;
    write_exports(portal, out).map_err(|d| vec![d])?;
    Ok(rendered)
}

/// `<out>/index.html` and `index.<lang>.html`: the list of portals in every language any portal
/// has, with the default theme.
pub fn write_portal_list(
    cfg: &BuildConfig,
    portals: &[Portal],
    out: &impl Output,
) -> Result<(), Diagnostic> {
    let Some(first) = portals.first() else {
        return Ok(());
    };
    let theme = Theme::load(&layout::default_theme(&cfg.themes), None)?;
    let css = first.urls.path(&route::theme_static("", route::STYLESHEET));
    render_portal_list(portals, css, &theme, out)
}
