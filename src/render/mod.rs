//! Rendering: the theme's Tera templates (with a portal's overrides) applied to prepared contexts,
//! page by page in parallel, each page written through the output gate as soon as it is rendered.

pub mod context;
mod script;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;
use walkdir::WalkDir;

use crate::config::Urls;
use crate::content::model::Site;
use crate::content::source::read_text;
use crate::diagnostic::Diagnostic;
use crate::i18n::Language;
use crate::output::Output;
use crate::route::Route;
use crate::search::{self, Document};
use context::{Frame, PageContext, Scope};

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
        let mut sources = files_below(&theme_dir.join("templates"));
        let mut statics = files_below(&theme_dir.join("static"));
        if let Some(dir) = override_dir {
            sources.extend(files_below(&dir.join("templates")));
            statics.extend(files_below(&dir.join("static")));
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
        tera.add_raw_templates(raw.iter().map(|(n, t)| (n.as_str(), t.as_str()))).map_err(|e| {
            let file = first_template_in(&e.to_string(), &sources).unwrap_or_else(|| theme_dir.to_path_buf());
            Diagnostic::error("template", &file, format!("The template could not be read: {e}")).hint("Fix the template syntax, or remove the override to use the default theme's template.")
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
            let mut msg = e.to_string();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                msg.push_str(&format!(": {s}"));
                source = s.source();
            }
            let file = located_template(&msg, &self.sources).unwrap_or(&file);
            Diagnostic::error("template", file, format!("The template failed: {msg}")).hint(
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

/// The template a Tera error happened in, from its ` --> name:line:col` line. The page's own
/// template is often elsewhere in the message — quoted in `{% extends "base.html" %}`, or in
/// `note: called from home.html` under an error in an included template — and is not the file to
/// fix.
fn located_template<'a>(
    message: &str,
    sources: &'a BTreeMap<String, PathBuf>,
) -> Option<&'a PathBuf> {
    let at = message
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))?;
    sources.get(at.rsplitn(3, ':').last()?)
}

/// The template a Tera error is about: the located one, else the one the message names first
/// (`Template 'chooser.html' is inheriting from 'o$base.html', which doesn't exist`).
fn first_template_in(message: &str, sources: &BTreeMap<String, PathBuf>) -> Option<PathBuf> {
    located_template(message, sources)
        .or_else(|| {
            sources
                .iter()
                .filter_map(|(name, path)| Some((message.find(name.as_str())?, path)))
                .min_by_key(|(at, _)| *at)
                .map(|(_, path)| path)
        })
        .cloned()
}

/// A portal ready to render: its content, languages, addresses and compiled theme.
pub struct Portal {
    pub site: Site,
    /// Shared so that `torg serve` can keep them across content edits.
    pub langs: Arc<BTreeMap<String, Language>>,
    pub urls: Urls,
    pub theme: Arc<Theme>,
}

impl Portal {
    /// What the page contexts of one language need.
    fn scope<'a>(&'a self, lang: &'a Language) -> Scope<'a> {
        Scope {
            site: &self.site,
            lang,
            langs: &self.langs,
            urls: &self.urls,
        }
    }
}

/// What rendering pages of a portal produced besides the files: how many, and their text for
/// the search index.
pub struct Rendered {
    pub pages: usize,
    pub search: Vec<Document>,
}

/// Renders and writes every page of one portal in every language, its language chooser, sitemap
/// and static files. The search index is a step of its own ([`write_index`]), which `torg check`
/// does not need.
pub fn render_site(portal: &Portal, out: &impl Output) -> Result<Rendered, Vec<Diagnostic>> {
    let routes = Route::all(&portal.site);
    let rendered = render_routes(portal, &routes, out);
    let extras = write_site_extras(portal, out, &routes);
    match (rendered, extras) {
        (Ok(r), Ok(())) => Ok(r),
        (rendered, extras) => Err(rendered
            .err()
            .into_iter()
            .flatten()
            .chain(extras.err())
            .collect()),
    }
}

/// Writes the search index of a portal from the text of all its pages.
pub fn write_index<'a>(
    portal: &Portal,
    docs: impl IntoIterator<Item = &'a Document>,
    out: &impl Output,
) -> Result<(), Diagnostic> {
    search::write_index(&portal.site.slug, docs, &portal.site.dir, out)
}

/// Renders and writes the given pages of one portal, each in every language of the portal.
pub fn render_routes(
    portal: &Portal,
    routes: &[Route],
    out: &impl Output,
) -> Result<Rendered, Vec<Diagnostic>> {
    let site = &portal.site;
    let jobs: Vec<(&Language, &Route)> = site
        .config
        .languages
        .iter()
        .flat_map(|code| routes.iter().map(move |r| (&portal.langs[code], r)))
        .collect();
    let results: Vec<Result<Option<Document>, Diagnostic>> = jobs
        .par_iter()
        .map(|(lang, route)| {
            let scope = portal.scope(lang);
            let page = render_page(&scope, route, &portal.theme)?;
            let doc = context::search_kind(&scope, route).map(|kind| Document {
                url: scope.url(route),
                lang: lang.code.clone(),
                text_lang: page.text_lang,
                title: page.title,
                kind,
                text: search::page_text(&page.html),
            });
            let html = mark_source_terms(portal, lang, page.html);
            out.write(
                &format!("{}/{}/{}", site.slug, lang.code, route.file()),
                html.as_bytes(),
            )?;
            Ok(doc)
        })
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

/// In a right-to-left page (a non-Latin script), Latin words are names and terms kept in the
/// source language: marks them with its `lang`. Left-to-right pages share the source's script, so
/// nothing can tell a Norwegian name from the page's own words there.
fn mark_source_terms(portal: &Portal, lang: &Language, html: String) -> String {
    let source = &portal.langs[portal.site.source_language()];
    if lang.dir == "rtl" && source.dir == "ltr" {
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
}

fn render_page(scope: &Scope, route: &Route, theme: &Theme) -> Result<Page, Diagnostic> {
    fn with<B: Serialize>(
        theme: &Theme,
        template: &str,
        frame: Frame,
        page: B,
    ) -> Result<Page, Diagnostic> {
        let (title, text_lang) = (
            frame.title.clone(),
            frame.fallback.as_ref().map(|f| f.lang.clone()),
        );
        let html = theme.render_page(template, &PageContext { frame, page })?;
        Ok(Page {
            html,
            title,
            text_lang,
        })
    }
    match route {
        Route::Home => {
            let (title, page) = context::home(scope);
            with(theme, "home.html", scope.frame(route, title, None), page)
        }
        Route::Category(c) => {
            let (title, page) = context::category(scope, *c);
            with(
                theme,
                "category.html",
                scope.frame(route, title, None),
                page,
            )
        }
        Route::Service(slug) => {
            let service = scope
                .site
                .services
                .iter()
                .find(|s| &s.slug == slug)
                .ok_or_else(|| missing(scope, route))?;
            let (title, page, fb) = context::service(scope, service);
            with(theme, "service.html", scope.frame(route, title, fb), page)
        }
        Route::Plan => {
            let (title, page, fb) = context::plan(scope).ok_or_else(|| missing(scope, route))?;
            with(theme, "plan.html", scope.frame(route, title, fb), page)
        }
        Route::Theme(slug) => {
            let t = scope
                .site
                .plan
                .iter()
                .flat_map(|p| &p.themes)
                .find(|t| &t.slug == slug)
                .ok_or_else(|| missing(scope, route))?;
            let (title, page, fb) = context::theme(scope, t);
            with(theme, "theme.html", scope.frame(route, title, fb), page)
        }
        Route::Glossary => {
            let (title, page, fb) = context::glossary(scope);
            with(theme, "glossary.html", scope.frame(route, title, fb), page)
        }
        Route::Page(slug) => {
            let (title, page, fb) =
                context::page(scope, slug).ok_or_else(|| missing(scope, route))?;
            with(theme, "page.html", scope.frame(route, title, fb), page)
        }
        Route::Accessibility => {
            let (title, page, fb) = context::accessibility(scope);
            with(theme, "page.html", scope.frame(route, title, fb), page)
        }
        Route::Search => {
            let (title, page) = context::search(scope);
            with(theme, "search.html", scope.frame(route, title, None), page)
        }
        Route::NotFound => {
            let title = scope.lang.text("not-found-title");
            with(theme, "404.html", scope.frame(route, title, None), ())
        }
    }
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

/// The language chooser, the sitemap and the static files of a portal.
fn write_site_extras(
    portal: &Portal,
    out: &impl Output,
    routes: &[Route],
) -> Result<(), Diagnostic> {
    let Portal {
        site,
        langs,
        urls,
        theme,
    } = portal;
    let source = &langs[site.source_language()];
    let scope = portal.scope(source);
    let chooser = ChooserPage {
        languages: site
            .config
            .languages
            .iter()
            .map(|code| {
                let l = &langs[code];
                ChooserEntry {
                    lang: &l.code,
                    dir: l.dir,
                    name: &l.name,
                    prompt: l.text("chooser-title"),
                    url: scope.url_in(code, &Route::Home),
                }
            })
            .collect(),
    };
    let mut frame = scope.frame(&Route::Home, source.text("chooser-title"), None);
    frame.canonical = urls.absolute(&format!("{}/", site.slug));
    frame.nav.clear();
    frame.search_url = None;
    out.write(
        &format!("{}/index.html", site.slug),
        theme
            .render_page(
                "chooser.html",
                &PageContext {
                    frame,
                    page: chooser,
                },
            )?
            .as_bytes(),
    )?;
    let sitemap = Sitemap {
        urls: routes
            .iter()
            .filter(|r| **r != Route::NotFound)
            .flat_map(|r| {
                site.config.languages.iter().map(move |code| SitemapUrl {
                    loc: urls.absolute(&format!("{}/{code}/{}", site.slug, r.path())),
                    alternates: site
                        .config
                        .languages
                        .iter()
                        .map(|c| SitemapAlternate {
                            lang: c.clone(),
                            href: urls.absolute(&format!("{}/{c}/{}", site.slug, r.path())),
                        })
                        .collect(),
                })
            })
            .collect(),
    };
    out.write(
        &format!("{}/sitemap.xml", site.slug),
        theme.render("sitemap.xml", &sitemap)?.as_bytes(),
    )?;
    for (rel, path) in &theme.statics {
        out.copy(&format!("{}/static/{rel}", site.slug), path)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct ChooserPage<'a> {
    languages: Vec<ChooserEntry<'a>>,
}

#[derive(Serialize)]
struct ChooserEntry<'a> {
    lang: &'a str,
    dir: &'a str,
    name: &'a str,
    prompt: String,
    url: String,
}

#[derive(Serialize)]
struct Sitemap {
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

/// `<out>/index.html`: the list of portals, in the first portal's source language.
pub fn render_portal_list(
    portals: &[(String, String)],
    lang: &Language,
    css_url: String,
    theme: &Theme,
    out: &impl Output,
) -> Result<(), Diagnostic> {
    let title = lang.text("portals-title");
    let frame = Frame {
        lang: &lang.code,
        dir: lang.dir,
        ui: &lang.ui,
        head_title: title.clone(),
        title,
        municipality: String::new(),
        home_url: "/".into(),
        css_url,
        canonical: String::new(),
        x_default: String::new(),
        alternates: Vec::new(),
        nav: Vec::new(),
        footer: Vec::new(),
        fallback: None,
        facts_lang: None,
        search_url: None,
    };
    let page = PortalList {
        portals: portals
            .iter()
            .map(|(name, url)| context::Link {
                label: name.clone(),
                url: url.clone(),
                current: false,
                text_lang: None,
            })
            .collect(),
    };
    out.write(
        "index.html",
        theme
            .render_page("portals.html", &PageContext { frame, page })?
            .as_bytes(),
    )?;
    for (rel, path) in &theme.statics {
        out.copy(&format!("static/{rel}"), path)?;
    }
    Ok(())
}

#[derive(Serialize)]
struct PortalList {
    portals: Vec<context::Link>,
}
