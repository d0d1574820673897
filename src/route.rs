//! Where each page of a portal lives: one [`Route`] per page, the same in every language, and
//! every address below the output folder (`<site>/<lang>/<route>`, `<site>/static/…`) built in
//! one place, so the pages written, the links between them, the sitemap and the checks that read
//! addresses back cannot disagree.

use crate::content::model::{Category, Site};

/// The theme's static files in the output: `<site>/static/`, and `static/` beside the portal list.
pub const STATIC_PREFIX: &str = "static/";

/// The file a folder's address (`…/`) is served from, as web servers do.
pub const INDEX: &str = "index.html";
/// A portal's sitemap, in its folder.
pub const SITEMAP: &str = "sitemap.xml";

/// A portal's folder below the output folder: `<site>/`.
pub fn portal(site: &str) -> String {
    format!("{site}/")
}

/// A file of a portal below the output folder: `<site>/<file>`.
pub fn portal_file(site: &str, file: &str) -> String {
    format!("{site}/{file}")
}

/// A portal's service worker (the theme's `static/sw.js`), at the portal's root: a worker may
/// serve only the pages at or below its own folder.
pub const SERVICE_WORKER: &str = "sw.js";

/// The theme's stylesheet, a static file every page (and the list of portals) links.
pub const STYLESHEET: &str = "torg.css";

/// Where a file of the theme's `static/` folder goes below `prefix` (a portal's folder, or the
/// output folder's root for the list of portals): `<prefix>static/<rel>`, but the service worker
/// at `<prefix>sw.js`.
pub fn theme_static(prefix: &str, rel: &str) -> String {
    match rel {
        SERVICE_WORKER => format!("{prefix}{SERVICE_WORKER}"),
        _ => format!("{prefix}{STATIC_PREFIX}{rel}"),
    }
}

/// A static file of a portal below the output folder: `<site>/static/<file>`.
pub fn static_file(site: &str, file: &str) -> String {
    portal_file(site, &format!("{STATIC_PREFIX}{file}"))
}

/// A portal's open-data folder: `<site>/data/` (docs/data.md).
pub const DATA_DIR: &str = "data/";

/// One file of a portal's open-data export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// The services as CPSV-AP, in JSON-LD.
    ServicesJsonLd,
    /// The same graph in Turtle.
    ServicesTurtle,
    /// The plan's measures, one row each.
    MeasuresCsv,
    /// The plan's measures with the plan's facts, licence and date of last change.
    MeasuresJson,
}

impl Export {
    /// The file's name in [`DATA_DIR`].
    pub fn name(self) -> &'static str {
        match self {
            Export::ServicesJsonLd => "services.jsonld",
            Export::ServicesTurtle => "services.ttl",
            Export::MeasuresCsv => "measures.csv",
            Export::MeasuresJson => "measures.json",
        }
    }

    /// How its link is labelled: the format's own name, the same in every language.
    pub fn format(self) -> &'static str {
        match self {
            Export::ServicesJsonLd => "JSON-LD",
            Export::ServicesTurtle => "Turtle",
            Export::MeasuresCsv => "CSV",
            Export::MeasuresJson => "JSON",
        }
    }

    /// The file below the output folder: `<site>/data/<name>`.
    pub fn output_file(self, site: &str) -> String {
        portal_file(site, &format!("{DATA_DIR}{}", self.name()))
    }
}

/// The name the services' IRIs are built on, `<site>/data/services`, whose two representations
/// are [`Export::ServicesJsonLd`] and [`Export::ServicesTurtle`]; below the output folder.
pub fn services_dataset(site: &str) -> String {
    portal_file(site, &format!("{DATA_DIR}services"))
}

/// A page of a portal, independent of language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Route {
    Home,
    Category(Category),
    Service(String),
    Plan,
    Chapter(String),
    /// The «start here» page: first steps after arrival.
    Start,
    Glossary,
    Page(String),
    Accessibility,
    /// The search page; without JavaScript, a list of every service by category.
    Search,
    NotFound,
}

impl Route {
    /// Address below `/<site>/<lang>/`, ending in `/` for folder pages.
    pub fn path(&self) -> String {
        let mut path = String::new();
        self.write_path(&mut path);
        path
    }

    /// Appends [`path`](Self::path) to `out`: every page's frame builds dozens of addresses,
    /// so they are written into one string, not formatted piece by piece.
    fn write_path(&self, out: &mut String) {
        let (folder, name) = match self {
            Route::Home => return,
            Route::Category(c) => ("category/", c.id()),
            Route::Service(s) => ("services/", s.as_str()),
            Route::Plan => ("plan", ""),
            Route::Chapter(s) => ("plan/", s.as_str()),
            Route::Start => ("start", ""),
            Route::Glossary => ("glossary", ""),
            Route::Page(s) => ("pages/", s.as_str()),
            Route::Accessibility => ("accessibility", ""),
            Route::Search => ("search", ""),
            Route::NotFound => return out.push_str("404.html"),
        };
        out.push_str(folder);
        out.push_str(name);
        out.push('/');
    }

    /// The file below `<out>/<site>/<lang>/`.
    pub fn file(&self) -> String {
        let path = self.path();
        if path.ends_with(".html") {
            path
        } else {
            format!("{path}{INDEX}")
        }
    }

    /// Address of this page in one language, below the output folder: `<site>/<lang>/<path>`.
    pub fn address(&self, site: &str, lang: &str) -> String {
        let mut address = String::new();
        self.write_address(&mut address, site, lang);
        address
    }

    /// Appends [`address`](Self::address) to `out`.
    pub fn write_address(&self, out: &mut String, site: &str, lang: &str) {
        out.reserve(site.len() + lang.len() + 40);
        // The portal's folder (as `portal`), then the language's.
        for part in [site, "/", lang, "/"] {
            out.push_str(part);
        }
        self.write_path(out);
    }

    /// The file this page is written to in one language, below the output folder.
    pub fn output_file(&self, site: &str, lang: &str) -> String {
        portal_file(site, &format!("{lang}/{}", self.file()))
    }

    /// Reads the target of an `@/` link: `services/fastlege`, `plan`, `glossary`, `` (home)…
    pub fn parse(target: &str) -> Option<Route> {
        let parts: Vec<&str> = target.split('/').collect();
        Some(match parts.as_slice() {
            [""] => Route::Home,
            ["plan"] => Route::Plan,
            ["glossary"] => Route::Glossary,
            ["start"] => Route::Start,
            ["search"] => Route::Search,
            ["accessibility"] | ["pages", "accessibility"] => Route::Accessibility,
            ["plan", s] => Route::Chapter(s.to_string()),
            ["services", s] => Route::Service(s.to_string()),
            ["pages", s] => Route::Page(s.to_string()),
            ["category", c] => Route::Category(Category::from_id(c)?),
            _ => return None,
        })
    }

    /// Every page of a site, in a stable order; the same list for every language.
    pub fn all(site: &Site) -> Vec<Route> {
        let mut routes = vec![
            Route::Home,
            Route::Glossary,
            Route::Accessibility,
            Route::Search,
            Route::NotFound,
        ];
        routes.extend(Category::ALL.map(Route::Category));
        routes.extend(site.services.iter().map(|s| Route::Service(s.slug.clone())));
        if let Some(plan) = &site.plan {
            routes.push(Route::Plan);
            routes.extend(plan.chapters.iter().map(|t| Route::Chapter(t.slug.clone())));
        }
        routes.extend(
            site.pages
                .iter()
                .filter(|p| p.slug != "accessibility")
                .map(|p| Route::Page(p.slug.clone())),
        );
        if site.start.is_some() {
            routes.push(Route::Start);
        }
        routes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_targets_round_trip_to_paths() {
        for (target, path) in [
            ("", ""),
            ("plan", "plan/"),
            ("plan/s-1", "plan/s-1/"),
            ("services/x", "services/x/"),
            ("category/health", "category/health/"),
            ("pages/accessibility", "accessibility/"),
        ] {
            assert_eq!(Route::parse(target).unwrap().path(), path);
        }
        assert_eq!(Route::parse("category/food"), None);
        assert_eq!(Route::parse("tjenester/x"), None);
        assert_eq!(Route::NotFound.file(), "404.html");
        assert_eq!(Route::Plan.file(), "plan/index.html");
        assert_eq!(Route::Plan.address("narvik", "en"), "narvik/en/plan/");
        assert_eq!(
            Route::NotFound.output_file("narvik", "ar"),
            "narvik/ar/404.html"
        );
        assert_eq!(static_file("narvik", "torg.css"), "narvik/static/torg.css");
        assert_eq!(
            Export::MeasuresCsv.output_file("narvik"),
            "narvik/data/measures.csv"
        );
    }
}
