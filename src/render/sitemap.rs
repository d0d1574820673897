//! A portal's `sitemap.xml`: every page in every language, each with its alternates in the
//! others, so search engines show a reader the page in their language. The 404 page is left out.

use serde::Serialize;

use crate::config::Urls;
use crate::content::model::Site;
use crate::route::Route;

/// The sitemap template's data.
#[derive(Serialize)]
pub(super) struct Sitemap {
    urls: Vec<SitemapUrl>,
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

/// The sitemap of `routes` in every language of `site`.
pub(super) fn of(site: &Site, urls: &Urls, routes: &[Route]) -> Sitemap {
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
    }
}
