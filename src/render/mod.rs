//! Rendering: the theme's Tera templates (with a portal's overrides) applied to prepared contexts,
//! page by page in parallel, each page written through the output gate as soon as it is rendered.
//!
//! Each kind of page has its own module that builds its [`view::View`]; [`view::of`] picks it for
//! a route. The parts all pages share (frame, links, contact) are in [`frame`].

mod accessibility;
mod category;
mod chapter;
mod chooser;
mod data;
mod frame;
mod glossary;
mod home;
mod hyphenate;
mod not_found;
mod page;
mod plan;
mod portals;
mod script;
mod search_page;
mod service;
mod sitemap;
mod start;
mod structured;
mod view;
mod walk;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use walkdir::WalkDir;

use crate::config::Urls;
use crate::content::identity::accent_hex;
use crate::content::model::Site;
use crate::content::source::read_text;
use crate::content::validate::ExternalLink;
use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::i18n::Language;
use crate::layout::{STATIC_DIR, TEMPLATES_DIR};
use crate::output::Output;
use crate::route::{self, Route};
use crate::search::{self, Document};
use frame::{Frame, PageContext, Scope};
use view::View;

pub use data::write_exports;
pub use portals::Listing;

/// The compiled templates and static files of one portal: the default theme plus overrides.
pub struct Theme {
    tera: tera::Tera,
    /// Template name → the file it came from, to name the right file in errors.
    sources: BTreeMap<String, PathBuf>,
    /// Output path below the portal folder → source file.
    statics: BTreeMap<String, PathBuf>,
}

impl Theme {
    /// Loads `theme_dir`, then the files of `override_dir` on top of it.
    pub fn load(theme_dir: &Path, override_dir: Option<&Path>) -> Result<Theme, Diagnostic> {
        let mut sources = files_below(&theme_dir.join(TEMPLATES_DIR));
        let mut statics = files_below(&theme_dir.join(STATIC_DIR));
        if let Some(dir) = override_dir {
            sources.extend(files_below(&dir.join(TEMPLATES_DIR)));
            statics.extend(files_below(&dir.join(STATIC_DIR)));
        }
        if sources.is_empty() {
            return Err(Diagnostic::error(
                "missing-theme",
                theme_dir,
                "The theme has no templates.",
            )
            .hint("Run torg from the project folder, or pass --themes with the path to themes/."));
        }
        let mut raw = Vec::new();
        for (name, path) in &sources {
            raw.push((name.clone(), read_text(path)?));
        }
        let mut tera = tera::Tera::new();
        tera.add_raw_templates(raw.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|e| {
                template_problem(&e, &sources, theme_dir, "The template cannot be read").hint(
                    "Fix the template syntax, or remove the override to use the default theme's template.",
                )
            })?;
        Ok(Theme {
            tera,
            sources,
            statics,
        })
    }

    /// Renders a page: its frame and content, plus the language's interface strings as `ui`.
    fn render_page<B: Serialize>(
        &self,
        name: &str,
        data: &PageContext<B>,
    ) -> Result<String, Diagnostic> {
        self.render_with(name, data, Some(data.frame.ui))
    }

    fn render<T: Serialize>(&self, name: &str, data: &T) -> Result<String, Diagnostic> {
        self.render_with(name, data, None)
    }

    fn render_with<T: Serialize>(
        &self,
        name: &str,
        data: &T,
        ui: Option<&tera::Value>,
    ) -> Result<String, Diagnostic> {
        let file = self
            .sources
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(name));
        let mut ctx = tera::Context::from_serialize(data)
            .map_err(|e| Diagnostic::error("template", &file, e.to_string()))?;
        if let Some(ui) = ui {
            ctx.insert_value("ui", ui.clone());
        }
        self.tera.render(name, &ctx).map_err(|e| {
            template_problem(&e, &self.sources, &file, "The template failed").hint(
                "Compare the variable names with the default theme in themes/default/templates/.",
            )
        })
    }
}

/// Relative path (with `/`) → file, for every file below `dir`.
fn files_below(dir: &Path) -> BTreeMap<String, PathBuf> {
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            Some((rel, e.into_path()))
        })
        .collect()
}

/// A Tera error reported against the template file it is in, with line and column where Tera
/// gives them (the error may be in a parent or included template, not the one being rendered);
/// `fallback` when no file is known.
fn template_problem(
    e: &tera::Error,
    sources: &BTreeMap<String, PathBuf>,
    fallback: &Path,
    what: &str,
) -> Diagnostic {
    use tera::ErrorKind as K;
    let file = |name: &str| {
        sources
            .get(name)
            .cloned()
            .unwrap_or_else(|| fallback.to_path_buf())
    };
    match e.kind() {
        K::SyntaxError(r) | K::RenderingError(r) => Diagnostic::error(
            "template",
            &file(r.filename()),
            format!("{what}: {}", shorter(r.message())),
        )
        .at(r.span().start_line, Some(r.span().start_col + 1)),
        K::MissingParent { current, parent } => Diagnostic::error(
            "template",
            &file(current),
            format!("{what}: it extends `{parent}`, which is not a template of the theme."),
        ),
        K::CircularExtend { tpl, .. } | K::CircularInclude { tpl, .. } => Diagnostic::error(
            "template",
            &file(tpl),
            format!("{what}: it extends or includes itself, through other templates."),
        ),
        _ => {
            let text = with_causes(e);
            match report_position(&text) {
                Some((name, line, column, message)) => {
                    Diagnostic::error("template", &file(name), format!("{what}: {message}"))
                        .at(line, Some(column))
                }
                None => Diagnostic::error("template", fallback, format!("{what}: {text}")),
            }
        }
    }
}

/// Tera reports the checks it makes after parsing (unknown filters, blocks missing from the
/// parent) as text: `error: <message>` and ` --> <template>:<line>:<column>`. Returns the first
/// one's template, line, column and message.
fn report_position(text: &str) -> Option<(&str, usize, usize, &str)> {
    let message = text.lines().next()?.trim_start_matches("error: ");
    let at = text
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let mut parts = at.rsplitn(3, ':');
    let column = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((parts.next()?, line, column, message))
}

/// Tera lists every variable or field there is after `… is not defined.` (the whole `ui` map:
/// 150 names); keeps only the closest one as a suggestion.
fn shorter(message: &str) -> String {
    let Some((head, list)) = message
        .split_once(" Available fields: ")
        .or_else(|| message.split_once(" Available variables: "))
    else {
        return message.to_string();
    };
    let name = head.split('`').nth(1).unwrap_or_default();
    let names: Vec<&str> = list.split(", ").collect();
    format!("{head}{}", did_you_mean(name, &names))
}

/// An error's message followed by those of its causes.
fn with_causes(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        msg.push_str(&format!(": {s}"));
        source = s.source();
    }
    msg
}

/// A portal ready to render: its content, languages, addresses and compiled theme.
pub struct Portal {
    pub site: Site,
    /// Shared so that `torg serve` can keep them across content edits.
    pub langs: Arc<BTreeMap<String, Language>>,
    pub urls: Urls,
    pub theme: Arc<Theme>,
    /// The links its texts have to other sites, as validation found them.
    pub external_links: Vec<ExternalLink>,
}

impl Portal {
    /// What the list of portals shows of this one.
    pub fn listing(&self) -> Listing {
        Listing {
            slug: self.site.slug.clone(),
            name: self.site.config.name.clone(),
            languages: self.site.config.languages.clone(),
            langs: Arc::clone(&self.langs),
            urls: self.urls.clone(),
        }
    }

    /// What the page contexts of one language need.
    fn scope<'a>(&'a self, lang: &'a Language, purpose: Purpose) -> Scope<'a> {
        Scope {
            site: &self.site,
            lang,
            langs: &self.langs,
            urls: &self.urls,
            purpose,
        }
    }
}

/// What rendering pages of a portal produced besides the files: how many, and their text for
/// the search index.
pub struct Rendered {
    pub pages: usize,
    pub search: Vec<Document>,
}

/// What a pass renders pages for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Readers: each page finished (language marks, soft hyphens) and its text taken for search.
    Readers,
    /// `torg check`, which looks only at the links and anchors templates write: neither, since
    /// they touch no link, and they are a good part of rendering's time. Nor the Markdown bodies,
    /// whose links validation checked, with their lines. The open data is made but not
    /// serialised: its files are written empty, since only their names are looked at.
    Links,
}

/// Renders and writes the given pages of one portal, each in each of `langs`, in parallel;
/// every page is written as soon as it is rendered ([`publish_page`]).
pub fn render_routes(
    portal: &Portal,
    routes: &[Route],
    langs: &[String],
    purpose: Purpose,
    out: &impl Output,
) -> Result<Rendered, Vec<Diagnostic>> {
    let jobs: Vec<(&Language, &Route)> = langs
        .iter()
        .filter_map(|code| portal.langs.get(code))
        .flat_map(|lang| routes.iter().map(move |r| (lang, r)))
        .collect();
    let results: Vec<Result<Option<Document>, Diagnostic>> = jobs
        .par_iter()
        .map(|(lang, route)| publish_page(portal, lang, route, purpose, out))
        .collect();
    let mut search = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(doc) => search.extend(doc),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(Rendered {
            pages: jobs.len(),
            search,
        })
    } else {
        Err(errors)
    }
}

/// One page through its stages: rendered, finished for readers, written, and its text taken for
/// the search index as published (`None` when the page is not indexed or not for readers).
fn publish_page(
    portal: &Portal,
    lang: &Language,
    route: &Route,
    purpose: Purpose,
    out: &impl Output,
) -> Result<Option<Document>, Diagnostic> {
    let scope = portal.scope(lang, purpose);
    let mut page = render_page(&scope, route, &portal.theme)?;
    if purpose == Purpose::Links {
        write_page(portal, lang, route, &page.html, out)?;
        return Ok(None);
    }
    let source = &portal.langs[portal.site.source_language()];
    let marked = mark_source_terms(source, lang.dir, std::mem::take(&mut page.html));
    page.html = hyphenate::soft_hyphens(&marked, portal.site.source_language());
    write_page(portal, lang, route, &page.html, out)?;
    Ok(search_document(&scope, route, page))
}

/// What the search index needs of a rendered page: its address, language, title, kind and the
/// text of its `<main>`.
fn search_document(scope: &Scope, route: &Route, page: Page) -> Option<Document> {
    Some(Document {
        url: scope.url(route),
        lang: scope.lang.code.clone(),
        text_lang: page.text_lang,
        title: page.title,
        kind: page.search_kind?,
        text: search::page_text(&page.html),
    })
}

/// `<slug>/<lang>/<the route's file>` below the output folder.
fn write_page(
    portal: &Portal,
    lang: &Language,
    route: &Route,
    html: &str,
    out: &impl Output,
) -> Result<(), Diagnostic> {
    out.write(
        &route.output_file(&portal.site.slug, &lang.code),
        html.as_bytes(),
    )
}

/// In a right-to-left page (a non-Latin script), Latin words are names and terms kept in the
/// source language: marks them with its `lang`. Left-to-right pages share the source's script, so
/// nothing can tell a Norwegian name from the page's own words there.
fn mark_source_terms(source: &Language, page_dir: &str, html: String) -> String {
    if page_dir == "rtl" && source.dir == "ltr" {
        script::mark_latin_runs(&html, &source.code)
    } else {
        html
    }
}

/// A rendered page, with what the search index needs to know about it.
struct Page {
    html: String,
    title: String,
    /// The language of its text when shown untranslated.
    text_lang: Option<String>,
    /// What search results show above its title; `None` when it is not indexed.
    search_kind: Option<String>,
}

fn render_page(scope: &Scope, route: &Route, theme: &Theme) -> Result<Page, Diagnostic> {
    let View {
        template,
        title,
        fallback,
        behind,
        search_kind,
        data,
    } = view::of(scope, route).ok_or_else(|| missing(scope, route))?;
    let text_lang = fallback.as_ref().map(|f| f.lang.clone());
    let frame = Frame {
        behind,
        ..scope.frame(route, title.clone(), fallback)
    };
    let html = theme.render_page(template, &PageContext { frame, page: data })?;
    Ok(Page {
        html,
        title,
        text_lang,
        search_kind,
    })
}

/// Routes come from the site itself, so this only fires on a bug; still an error, not a panic.
fn missing(scope: &Scope, route: &Route) -> Diagnostic {
    Diagnostic::error(
        "internal",
        &scope.site.dir,
        format!("No content for the page {route:?}."),
    )
    .hint("This is a bug in torg; please report it with this message.")
}

/// What a portal has besides its pages, written when all its pages are: the language chooser,
/// the sitemap of `routes`, the open-data export and the theme's static files.
pub fn write_extras(
    portal: &Portal,
    routes: &[Route],
    purpose: Purpose,
    out: &impl Output,
) -> Result<(), Diagnostic> {
    write_chooser(portal, out)?;
    write_sitemap(portal, routes, out)?;
    write_exports(portal, purpose, out)?;
    copy_statics(portal, out)
}

/// `<slug>/index.html`: the language chooser, in the portal's source language.
fn write_chooser(portal: &Portal, out: &impl Output) -> Result<(), Diagnostic> {
    let scope = portal.scope(
        &portal.langs[portal.site.source_language()],
        Purpose::Readers,
    );
    let html = portal
        .theme
        .render_page("chooser.html", &chooser::context(&scope))?;
    out.write(
        &route::portal_file(&portal.site.slug, route::INDEX),
        html.as_bytes(),
    )
}

/// `<slug>/sitemap.xml`: `routes` in every language, with their alternates, and the open data.
fn write_sitemap(portal: &Portal, routes: &[Route], out: &impl Output) -> Result<(), Diagnostic> {
    let Portal {
        site, urls, theme, ..
    } = portal;
    let exports = data::exports(site);
    let xml = theme.render("sitemap.xml", &sitemap::of(site, urls, routes, &exports))?;
    out.write(
        &route::portal_file(&site.slug, route::SITEMAP),
        xml.as_bytes(),
    )
}

/// The theme's static files, to `<site>/static/` ([`route::theme_static`]); the stylesheet ends
/// with the portal's accent colour, if any. There, not in a `<style>` element, since a
/// Content-Security-Policy such as docs/nginx/torg.conf's refuses inline styles.
fn copy_statics(portal: &Portal, out: &impl Output) -> Result<(), Diagnostic> {
    let prefix = route::portal(&portal.site.slug);
    let accent = portal.site.config.accent.as_ref();
    let accent = accent.and_then(|a| accent_hex(&a.value, &portal.site.dir).ok());
    for (rel, path) in &portal.theme.statics {
        let to = route::theme_static(&prefix, rel);
        match &accent {
            Some(hex) if rel == route::STYLESHEET => {
                let css = read_text(path)?;
                out.write(
                    &to,
                    format!("{css}\n:root {{ --brand: {hex}; }}\n").as_bytes(),
                )?;
            }
            _ => out.copy(&to, path)?,
        }
    }
    Ok(())
}

/// `<out>/index.html`: the list of portals, in the first portal's source language.
pub fn render_portal_list(
    portals: &[Listing],
    css_url: String,
    theme: &Theme,
    out: &impl Output,
) -> Result<(), Diagnostic> {
    let Some(first) = portals.first() else {
        return Ok(());
    };
    let (listed, pages) = portals::list(portals, &first.urls);
    let source = &first.langs[&first.languages[0]];
    for (i, page) in pages.iter().enumerate() {
        let context = portals::context(&listed, &pages, i, css_url.clone());
        let dir = context.frame.dir;
        let html = mark_source_terms(source, dir, theme.render_page("portals.html", &context)?);
        out.write(&page.file, html.as_bytes())?;
    }
    // The list is no portal's: it needs the stylesheet, not the search or offline scripts.
    match theme.statics.get(route::STYLESHEET) {
        Some(css) => out.copy(&route::theme_static("", route::STYLESHEET), css),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A theme folder with `templates/<name>` for each given template.
    fn theme_with(dir: &Path, templates: &[(&str, &str)]) {
        for (name, text) in templates {
            let path = dir.join("templates").join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
    }

    #[test]
    fn a_template_error_names_the_override_that_has_it() {
        let tmp = tempfile::tempdir().unwrap();
        let (base, site) = (tmp.path().join("default"), tmp.path().join("site"));
        theme_with(
            &base,
            &[
                ("base.html", "{% block content %}{% endblock %}"),
                ("page.html", "x"),
            ],
        );
        let cases = [
            (
                "{% extends \"base.html\" %\n",
                1,
                "Found `%` but expected %}.",
            ),
            (
                "{% extends \"base.html\" %}\n{% block nope %}{% endblock %}",
                2,
                "Block `nope`",
            ),
            (
                "\n{{ x | nosuchfilter }}",
                2,
                "Unknown filter `nosuchfilter`",
            ),
        ];
        for (text, line, words) in cases {
            theme_with(&site, &[("page.html", text)]);
            let Err(d) = Theme::load(&base, Some(&site)) else {
                panic!("{text} loaded");
            };
            assert_eq!(d.file, site.join("templates/page.html"), "{d}");
            assert_eq!(d.line, Some(line), "{d}");
            assert!(d.message.contains(words), "{d}");
        }
    }

    #[test]
    fn a_rendering_error_names_the_template_it_is_in() {
        let tmp = tempfile::tempdir().unwrap();
        let base = tmp.path().join("default");
        theme_with(
            &base,
            &[
                (
                    "base.html",
                    "<p>\n{{ missing.field }}</p>{% block content %}{% endblock %}",
                ),
                (
                    "page.html",
                    "{% extends \"base.html\" %}{% block content %}x{% endblock %}",
                ),
            ],
        );
        let theme = Theme::load(&base, None).unwrap();
        let fields = "Field `nav_hom` is not defined. Available fields: nav_home, nav_plan";
        assert_eq!(
            shorter(fields),
            "Field `nav_hom` is not defined. Did you mean `nav_home`?"
        );
        let d = theme
            .render("page.html", &portals::PortalList { portals: vec![] })
            .unwrap_err();
        assert_eq!(d.file, base.join("templates/base.html"), "{d}");
        assert_eq!(d.line, Some(2), "{d}");
    }
}
