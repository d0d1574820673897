//! Incremental rebuilds for `torg serve`: the loaded portals stay in memory, an edit reloads only
//! its portal, and only the pages that show what changed are rendered again.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::change::{Change, Edit, what_changed};
use crate::build::{
    Pages, Search, prepare_site, prepare_sites, publish, publish_portal, validate_site,
    write_portal_list,
};
use crate::config::BuildConfig;
use crate::content::load::load_site;
use crate::diagnostic::{Diagnostic, Report};
use crate::i18n::Locales;
use crate::layout;
use crate::output::InPlace;
use crate::render::Portal;
use crate::route::Route;
use crate::search::{self, Documents};

/// The portals as last built, and the edits not yet built because of an error.
pub struct Preview {
    cfg: BuildConfig,
    locales: Locales,
    portals: Vec<Portal>,
    /// Each portal's pages as last indexed for search, by address.
    search: Vec<Documents>,
    pending: BTreeSet<PathBuf>,
}

/// What one rebuild did.
pub struct Rebuild {
    /// Pages rendered again.
    pub rendered: usize,
    /// Files whose bytes changed, below the output folder.
    pub written: Vec<String>,
    /// The problems that stopped the rebuild (errors, and warnings with `--strict`), sorted;
    /// the output is then left as it was.
    pub errors: Vec<Diagnostic>,
}

impl Preview {
    /// Builds everything into `cfg.out`, writing only files that differ from what is there.
    pub fn start(cfg: BuildConfig) -> (Preview, Rebuild) {
        let mut preview = Preview {
            locales: Locales::load(&cfg.locales, &mut Report::default()),
            cfg,
            portals: Vec::new(),
            search: Vec::new(),
            pending: BTreeSet::new(),
        };
        let rebuild = preview.rebuild_all();
        (preview, rebuild)
    }

    /// Rebuilds after `changed` files were saved, created or removed.
    pub fn apply(&mut self, changed: impl IntoIterator<Item = PathBuf>) -> Rebuild {
        self.pending.extend(changed);
        let mut by_portal: BTreeMap<usize, Vec<PathBuf>> = BTreeMap::new();
        for path in &self.pending {
            match self.portal_of(path) {
                Some(i) => by_portal.entry(i).or_default().push(path.clone()),
                None => return self.rebuild_all(),
            }
        }
        let out = InPlace::new(&self.cfg.out);
        let mut errors = Report::default();
        let mut rendered = 0;
        for (i, paths) in by_portal {
            rendered += self.rebuild_portal(i, &paths, &out, &mut errors);
        }
        self.finish(out, rendered, errors)
    }

    /// The portal a content file belongs to; `None` for themes, locales and new portals, which
    /// need a full rebuild.
    fn portal_of(&self, path: &Path) -> Option<usize> {
        let path = absolute(path);
        self.portals.iter().position(|p| {
            let dir = absolute(&p.site.dir);
            layout::site_file(&dir).is_file()
                && path.starts_with(&dir)
                && !path.starts_with(layout::theme_override(&dir))
                && !path.starts_with(dir.join(layout::LOCALES_DIR))
        })
    }

    fn rebuild_all(&mut self) -> Rebuild {
        let mut errors = Report::default();
        self.locales = Locales::load(&self.cfg.locales, &mut errors);
        let portals = prepare_sites(&self.cfg, &self.locales, &mut errors);
        let out = InPlace::new(&self.cfg.out);
        let mut rendered = 0;
        if !errors.is_fatal(self.cfg.strict) {
            if portals.is_empty() {
                errors.push(
                    Diagnostic::error(
                        "no-content",
                        &self.cfg.content,
                        "There are no portals to show.",
                    )
                    .hint("Create content/<municipality>/site.yaml (see docs/content.md)."),
                );
            } else {
                match publish(&self.cfg, &portals, Search::Keep, &out) {
                    Ok(summary) => {
                        rendered = summary.pages;
                        errors.extend(out.prune("").err());
                        self.portals = portals;
                        self.search = summary.search;
                    }
                    Err(e) => errors.extend(e),
                }
            }
        }
        self.finish(out, rendered, errors)
    }

    /// Reloads one portal and renders the pages that show what `paths` touched; returns how many.
    fn rebuild_portal(
        &mut self,
        i: usize,
        paths: &[PathBuf],
        out: &InPlace,
        errors: &mut Report,
    ) -> usize {
        let old = &self.portals[i];
        let (slug, dir) = (old.site.slug.clone(), old.site.dir.clone());
        let edits: Vec<Edit> = paths
            .iter()
            .map(|p| what_changed(&absolute(&dir), &absolute(p), &old.site.config.languages))
            .collect();
        // Site settings, free pages (in every footer) or an unknown file: start the portal afresh.
        let broad = edits.iter().any(|e| e.change == Change::Everything);
        let mut report = Report::default();
        let fresh =
            load_site(slug.clone(), dir, &self.locales.codes(), &mut report).and_then(|site| {
                if broad {
                    prepare_site(&self.cfg, &self.locales, site, &mut report)
                } else {
                    let (langs, theme) = (Arc::clone(&old.langs), Arc::clone(&old.theme));
                    validate_site(&self.cfg, site, langs, theme, &mut report)
                }
            });
        let Some(fresh) = fresh.filter(|_| !report.is_fatal(self.cfg.strict)) else {
            errors.extend(report);
            return 0;
        };
        let routes = Route::all(&fresh.site);
        let everything = broad || routes != Route::all(&old.site);
        let pages = if everything {
            Pages::All
        } else {
            let site = &fresh.site;
            Pages::Only {
                routes: routes
                    .into_iter()
                    .filter(|r| edits.iter().any(|e| e.change.is_shown_on(r, site)))
                    .collect(),
                langs: (site.config.languages.iter())
                    .filter(|l| edits.iter().any(|e| e.is_shown_in(l, site)))
                    .cloned()
                    .collect(),
            }
        };
        let pages = match publish_portal(&fresh, &pages, Some(&mut self.search[i]), out) {
            Ok(pages) => pages,
            Err(e) => {
                errors.extend(e);
                return 0;
            }
        };
        self.portals[i] = fresh;
        if everything {
            errors.extend(out.prune(&slug).err());
            let listings: Vec<_> = self.portals.iter().map(Portal::listing).collect();
            errors.extend(write_portal_list(&self.cfg, &listings, out).err());
        } else {
            // The index is one bundle, written whole: the chunks it no longer names go.
            errors.extend(out.prune(&search::bundle_dir(&slug)).err());
        }
        pages
    }

    fn finish(&mut self, out: InPlace, rendered: usize, report: Report) -> Rebuild {
        let strict = self.cfg.strict;
        let errors: Vec<Diagnostic> = report
            .sorted()
            .into_iter()
            .filter(|d| d.is_fatal(strict))
            .cloned()
            .collect();
        if errors.is_empty() {
            self.pending.clear();
        }
        Rebuild {
            rendered,
            written: out.written(),
            errors,
        }
    }
}

/// Watchers report absolute paths; the configuration may hold relative ones.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
