//! A portal's `sitemap.xml`: every page in every language, each with its alternates in the
//! others, so search engines show a reader the page in their language. The 404 page is left out;
//! the open-data files are listed after the pages, so that crawlers and catalogues find them.

use serde::Serialize;

use crate::config::Urls;
use crate::content::model::Site;
use crate::route::{Export, Route};

/// The sitemap template's data.
#[derive(Serialize)]
pub(super) struct Sitemap {
    urls: Vec<SitemapUrl>,
    /// The addresses of the open-data files.
    exports: Vec<String>,
}

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    alternates: Vec<SitemapAlternate>,
}

#[derive(Serialize)]
struct SitemapAlternate {
    lang: String,
    href: String,
}

/// The sitemap of `routes` in every language of `site`, and of `exports`.
pub(super) fn of(site: &Site, urls: &Urls, routes: &[Route], exports: &[Export]) -> Sitemap {
    let href = |lang: &str, r: &Route| urls.absolute(&r.address(&site.slug, lang));
    let languages = &site.config.languages;
    Sitemap {
        urls: routes
            .iter()
            .filter(|r| **r != Route::NotFound)
            .flat_map(|r| {
                languages.iter().map(move |code| SitemapUrl {
                    loc: href(code, r),
                    alternates: languages
                        .iter()
                        .map(|c| SitemapAlternate {
                            lang: c.clone(),
                            href: href(c, r),
                        })
                        .collect(),
                })
            })
            .collect(),
        exports: exports
            .iter()
            .map(|e| urls.absolute(&e.output_file(&site.slug)))
            .collect(),
    }
}
