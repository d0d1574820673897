//! `torg build`: load → validate → render → write, with every problem of the run reported together.
//!
//! The render-and-write half is one pipeline, [`publish_portal`], that `torg build`, `torg serve`
//! and `torg check` share: build and check pass every page of every portal ([`publish`]), serve
//! after an edit only the pages that show it, into its in-place output.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::cache::{Cache, Entry, Hit};
use crate::config::{BuildConfig, OutDir, Urls};
use crate::content::load::{chosen_site_dirs, load_site, load_sites, site_dirs};
use crate::content::model::{Site, SiteConfig};
use crate::content::source::load_yaml;
use crate::content::validate::validate;
use crate::diagnostic::{Diagnostic, Report};
use crate::i18n::{Language, Locales};
use crate::layout;
use crate::output::{Output, Staging};
use crate::render::{
    Listing, Portal, Purpose, Rendered, Theme, render_portal_list, render_routes, write_exports,
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
/// safe to replace; it is replaced only when every page succeeded. With a `cache`, portals whose
/// output it holds are copied from it without loading their content, the others loaded, rendered
/// and kept in it.
pub fn build(cfg: &BuildConfig, out: &OutDir, cache: Option<&Cache>) -> Outcome {
    let mut report = Report::default();
    let portals = match cache {
        Some(cache) => prepare_cached(cfg, cache, &mut report),
        None => prepare(cfg, &mut report)
            .into_iter()
            .map(Planned::Render)
            .collect(),
    };
    if report.is_fatal(cfg.strict) {
        return Outcome {
            report,
            summary: None,
        };
    }
    let written = Staging::new(out).map_err(|d| vec![d]).and_then(|staging| {
        let summary = publish_built(cfg, &portals, &staging)?;
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
    if portals.is_empty() {
        no_portals(cfg, report);
    }
    portals
}

/// Says that the content folder has no portal, unless a problem already said why.
fn no_portals(cfg: &BuildConfig, report: &mut Report) {
    if !report.is_fatal(false) {
        report.push(
            Diagnostic::error(
                "no-content",
                &cfg.content,
                "There are no portals in this folder.",
            )
            .hint("Create content/<municipality>/site.yaml (see docs/content.md)."),
        );
    }
}

/// One portal of `torg build`, and where its output will come from.
enum Planned {
    /// Rendered; the build has no cache.
    Render(Portal),
    /// Rendered because the cache has no entry for its files as they are, and kept in `entry`
    /// once published, with the `warnings` loading and validating it gave.
    RenderAndKeep {
        portal: Portal,
        entry: Entry,
        warnings: Vec<Diagnostic>,
    },
    /// Copied from `entry`; only its settings were read, for the list of portals.
    Copy {
        hit: Hit,
        entry: Entry,
        listing: Listing,
    },
}

impl Planned {
    fn listing(&self) -> Listing {
        match self {
            Planned::Render(portal) | Planned::RenderAndKeep { portal, .. } => portal.listing(),
            Planned::Copy { listing, .. } => listing.clone(),
        }
    }
}

/// [`prepare`] with a cache: a portal whose files have an entry is not loaded; its kept warnings
/// are reported again.
fn prepare_cached(cfg: &BuildConfig, cache: &Cache, report: &mut Report) -> Vec<Planned> {
    let locales = Locales::load(&cfg.locales, report);
    let dirs = chosen_site_dirs(&cfg.content, &cfg.sites, report);
    let portals = report.par_map(dirs, |(slug, dir), problems| {
        let entry = cache
            .entry(&slug, &dir)
            .map_err(|d| problems.push(d))
            .ok()?;
        let found = entry.find().and_then(|hit| {
            let listing = listing_of(cfg, &locales, &slug, &dir)?;
            Some((hit, listing))
        });
        if let Some((mut hit, listing)) = found {
            problems.extend(std::mem::take(&mut hit.warnings));
            return Some(Planned::Copy {
                hit,
                entry,
                listing,
            });
        }
        let site = load_site(slug, dir, &locales.codes(), problems)?;
        let portal = prepare_site(cfg, &locales, site, problems)?;
        let warnings = problems.sorted().into_iter().cloned().collect();
        Some(Planned::RenderAndKeep {
            portal,
            entry,
            warnings,
        })
    });
    if portals.is_empty() {
        no_portals(cfg, report);
    }
    portals
}

/// What the list of portals needs of a portal copied from the cache, from its `site.yaml` and
/// interface texts alone; `None` if they cannot be read as when it was built. Their problems are
/// among the entry's warnings, so they are not reported again.
fn listing_of(cfg: &BuildConfig, locales: &Locales, slug: &str, dir: &Path) -> Option<Listing> {
    let config: SiteConfig = load_yaml(&layout::site_file(dir)).ok()?;
    let langs = locales.for_site(dir, &config.languages, &mut Report::default());
    let urls = Urls::for_site(slug, dir, &config, cfg.base_url.as_deref()).ok()?;
    (langs.len() == config.languages.len()).then(|| Listing {
        slug: slug.to_string(),
        name: config.name,
        languages: config.languages,
        langs: Arc::new(langs),
        urls,
    })
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
    let urls = Urls::for_site(&site.slug, &site.dir, &site.config, cfg.base_url.as_deref());
    let external_links = validate(
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
        external_links,
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

/// Whether a pass of [`publish`] indexes the pages it renders for search.
#[derive(Clone, Copy)]
pub enum Search {
    /// `torg serve`: each portal's documents are kept ([`Summary::search`]) to index it again
    /// after an edit.
    Keep,
    /// `torg check` renders only to look at the links: no index (most of a build's time), and
    /// pages not finished for readers ([`Purpose::Links`]).
    Skip,
}

/// Every page of every portal through [`publish_portal`], the portals in parallel, then the list
/// of portals: `torg serve` when it starts or a theme changed, and `torg check`.
pub fn publish(
    cfg: &BuildConfig,
    portals: &[Portal],
    search: Search,
    out: &impl Output,
) -> Result<Summary, Vec<Diagnostic>> {
    let passes = portals
        .par_iter()
        .map(|portal| {
            let mut docs = Documents::default();
            let index = matches!(search, Search::Keep).then_some(&mut docs);
            let pages = publish_portal(portal, &Pages::All, index, out)?;
            Ok(Pass {
                pages,
                docs,
                cached: false,
            })
        })
        .collect();
    let listings: Vec<Listing> = portals.iter().map(Portal::listing).collect();
    sum_up(cfg, &listings, passes, out)
}

/// [`publish`] for `torg build`: each portal indexed, and copied from or kept in the cache.
fn publish_built(
    cfg: &BuildConfig,
    portals: &[Planned],
    out: &impl Output,
) -> Result<Summary, Vec<Diagnostic>> {
    let passes = portals.par_iter().map(|p| publish_one(p, out)).collect();
    let listings: Vec<Listing> = portals.iter().map(Planned::listing).collect();
    sum_up(cfg, &listings, passes, out)
}

/// One portal of `torg build`; its documents go once its index is written: kept, all portals'
/// text would be a fifth of the build's peak memory.
fn publish_one(portal: &Planned, out: &impl Output) -> Result<Pass, Vec<Diagnostic>> {
    let index = Some(&mut Documents::default());
    let pages = match portal {
        Planned::Render(portal) => publish_portal(portal, &Pages::All, index, out)?,
        Planned::RenderAndKeep {
            portal,
            entry,
            warnings,
        } => {
            let recorder = entry.record(out).map_err(|d| vec![d])?;
            let pages = publish_portal(portal, &Pages::All, index, &recorder)?;
            let warnings: Vec<&Diagnostic> = warnings.iter().collect();
            recorder.keep(pages, &warnings).map_err(|d| vec![d])?;
            pages
        }
        Planned::Copy { hit, entry, .. } => {
            entry.restore(hit, out).map_err(|d| vec![d])?;
            hit.pages
        }
    };
    Ok(Pass {
        pages,
        docs: Documents::default(),
        cached: matches!(portal, Planned::Copy { .. }),
    })
}

/// Adds up what each portal's pass gave, and writes the list of `portals` if all succeeded.
fn sum_up(
    cfg: &BuildConfig,
    portals: &[Listing],
    passes: Vec<Result<Pass, Vec<Diagnostic>>>,
    out: &impl Output,
) -> Result<Summary, Vec<Diagnostic>> {
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
                    summary.without_base_url.push(portal.slug.clone());
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
    // After an edit, the export (which shows every service and measure) is written again while
    // the edited languages are indexed, usually one on one core: it costs the wait no time, and
    // [`InPlace`](crate::output::InPlace) leaves unchanged files alone.
    let exports = || match pages {
        Pages::Only { .. } => write_exports(portal, purpose, out),
        Pages::All => Ok(()), // among the extras
    };
    let index = || match search {
        Some(docs) => {
            match pages {
                Pages::All => *docs = Documents::from(rendered.search),
                Pages::Only { .. } => docs.update(rendered.search),
            }
            search::write_index(&portal.site.slug, docs, &portal.site.dir, out)
        }
        None => Ok(()),
    };
    match rayon::join(exports, index) {
        (Ok(()), Ok(())) => Ok(rendered.pages),
        (exported, indexed) => Err(exported.err().into_iter().chain(indexed.err()).collect()),
    }
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
        return match (rendered, write_extras(portal, &routes, purpose, out)) {
            (Ok(r), Ok(())) => Ok(r),
            (rendered, extras) => Err(rendered
                .err()
                .into_iter()
                .flatten()
                .chain(extras.err())
                .collect()),
        };
    };
    render_routes(portal, routes, langs, purpose, out)
}

/// `<out>/index.html` and `index.<lang>.html`: the list of portals in every language any portal
/// has, with the default theme.
pub fn write_portal_list(
    cfg: &BuildConfig,
    portals: &[Listing],
    out: &impl Output,
) -> Result<(), Diagnostic> {
    let Some(first) = portals.first() else {
        return Ok(());
    };
    let theme = Theme::load(&layout::default_theme(&cfg.themes), None)?;
    let css = first.urls.path(&route::theme_static("", route::STYLESHEET));
    render_portal_list(portals, css, &theme, out)
}
