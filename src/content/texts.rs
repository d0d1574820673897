//! The language files of each item of a portal, whatever its front matter type: one view over
//! plans, themes, services, pages, terms, the start page and items whose facts failed, for everything that reads
//! the Markdown rather than the facts (validation of links and text, translation status, external
//! links for `torg check`).

use std::path::Path;

use super::model::{Localized, Site};
use crate::diagnostic::Diagnostic;
use crate::layout;
use crate::route::Route;

/// The language files of one item, whatever its front matter type, and the page showing it.
pub(crate) struct TextFiles<'a> {
    pub(crate) slug: &'a str,
    /// The page the item's text is shown on.
    pub(crate) route: Route,
    pub(crate) files: Vec<TextFile<'a>>,
}

/// One language file of an item.
pub(crate) struct TextFile<'a> {
    pub(crate) lang: &'a str,
    pub(crate) path: &'a Path,
    /// The source fingerprint a translation was stamped with.
    pub(crate) stamp: Option<&'a str>,
    /// The fingerprints of the source's sections that stamp recorded (see `section_prints`).
    pub(crate) stamp_sections: &'a [String],
    /// This file's own fingerprint, taken when it was loaded.
    pub(crate) fingerprint: &'a str,
    /// The front matter as written; its first line is line 2 of the file.
    pub(crate) front: &'a str,
    /// The Markdown after the front matter.
    pub(crate) body: &'a str,
    /// Line of the file where the body starts.
    pub(crate) first_line: usize,
}

impl TextFile<'_> {
    /// A warning on `line` of the body, counted as a line of the file.
    pub(crate) fn diagnostic(
        &self,
        code: &'static str,
        line: usize,
        message: String,
    ) -> Diagnostic {
        Diagnostic::warning(code, self.path, message).at(self.first_line + line - 1, None)
    }
}

fn view<'a, F>(slug: &'a str, route: Route, l: &'a Localized<F>) -> TextFiles<'a> {
    let files = l
        .docs
        .iter()
        .map(|(lang, (path, doc))| TextFile {
            lang: lang.as_str(),
            path: path.as_path(),
            stamp: doc.translated_from.as_deref(),
            stamp_sections: &doc.translated_sections,
            fingerprint: doc.fingerprint.as_str(),
            front: doc.front_text.as_str(),
            body: doc.body.as_str(),
            first_line: doc.body_line,
        })
        .collect();
    TextFiles { slug, route, files }
}

/// Every translatable item of the site.
pub(crate) fn text_files(site: &Site) -> Vec<TextFiles<'_>> {
    let mut out = Vec::new();
    if let Some(plan) = &site.plan {
        out.push(view("plan", Route::Plan, &plan.text));
        out.extend(
            plan.chapters
                .iter()
                .map(|t| view(&t.slug, Route::Chapter(t.slug.clone()), &t.text)),
        );
    }
    out.extend(
        site.services
            .iter()
            .map(|s| view(&s.slug, Route::Service(s.slug.clone()), &s.text)),
    );
    out.extend(site.pages.iter().map(|p| {
        let route =
            Route::parse(&format!("pages/{}", p.slug)).unwrap_or(Route::Page(p.slug.clone()));
        view(&p.slug, route, &p.text)
    }));
    out.extend(
        site.glossary
            .iter()
            .map(|t| view(&t.slug, Route::Glossary, &t.text)),
    );
    if let Some(start) = &site.start {
        out.push(view(layout::START_NAME, Route::Start, &start.text));
    }
    out.extend(
        site.text_only
            .iter()
            .map(|t| view(&t.slug, t.route.clone(), &t.text)),
    );
    out
}
