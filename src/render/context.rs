//! The data each template receives: typed, already translated and formatted, so templates only
//! place it. Built per page from the immutable site, nothing cloned site-wide.

use std::collections::BTreeMap;

use fluent_bundle::FluentValue;
use serde::Serialize;

use crate::config::Urls;
use crate::content::model::{
    Category, Contact, Cost, Localized, MeasureStatus, PlanStatus, Service, Site, Theme, Timing,
    When,
};
use crate::i18n::Language;
use crate::markdown;
use crate::route::Route;
use crate::url;

/// What every page needs: the language, the frame around the content, and links.
#[derive(Serialize)]
pub struct Frame<'a> {
    pub lang: &'a str,
    pub dir: &'a str,
    /// Interface strings; inserted into the template context as is, not serialized per page.
    #[serde(skip)]
    pub ui: &'a tera::Value,
    pub title: String,
    /// The `<title>`: the page title and the municipality, once if they are the same (home).
    pub head_title: String,
    pub municipality: String,
    pub home_url: String,
    pub css_url: String,
    pub canonical: String,
    pub x_default: String,
    pub alternates: Vec<Alternate<'a>>,
    pub nav: Vec<Link>,
    pub footer: Vec<Link>,
    /// Set when the page's text is shown in the source language.
    pub fallback: Option<Fallback>,
    /// The language of free-text facts from YAML (unit names, plan references), which are written
    /// once, in the source language; set when that differs from the page.
    pub facts_lang: Option<TextLang>,
    /// The search page, for the search box in the header; not set on the search page itself.
    pub search_url: Option<String>,
}

#[derive(Serialize)]
pub struct Alternate<'a> {
    pub lang: &'a str,
    pub name: &'a str,
    pub dir: &'a str,
    /// Absolute when the base URL is known, for `hreflang` links.
    pub url: String,
    /// Root-relative, for the language switcher, so it works wherever the site is served.
    pub path: String,
    pub current: bool,
}

#[derive(Serialize)]
pub struct Link {
    pub label: String,
    pub url: String,
    pub current: bool,
    /// Set when the label is shown in the source language.
    pub text_lang: Option<TextLang>,
}

/// The language of text shown untranslated, with the notice that says so.
#[derive(Serialize, Clone)]
pub struct Fallback {
    pub lang: String,
    pub dir: &'static str,
    pub notice: String,
}

/// A frame and the content of one kind of page, flattened into one template context.
#[derive(Serialize)]
pub struct PageContext<'a, B: Serialize> {
    #[serde(flatten)]
    pub frame: Frame<'a>,
    pub page: B,
}

/// Everything needed to build the contexts of one portal in one language.
pub struct Scope<'a> {
    pub site: &'a Site,
    pub lang: &'a Language,
    pub langs: &'a BTreeMap<String, Language>,
    pub urls: &'a Urls,
}

impl<'a> Scope<'a> {
    fn source(&self) -> &'a Language {
        &self.langs[self.site.source_language()]
    }

    pub fn url_in(&self, lang: &str, route: &Route) -> String {
        self.urls.page(&self.site.slug, lang, route)
    }

    pub fn url(&self, route: &Route) -> String {
        self.url_in(&self.lang.code, route)
    }

    fn link(&self, label: String, route: Route, current: &Route) -> Link {
        Link {
            label,
            current: *current == route,
            url: self.url(&route),
            text_lang: None,
        }
    }

    /// Markdown body with `@/` links pointing into this language.
    fn html(&self, body: &str) -> String {
        markdown::to_html(body, &|target| match target.strip_prefix("static/") {
            Some(file) => self.urls.path(&format!("{}/static/{file}", self.site.slug)),
            None => Route::parse(target).map_or_else(|| target.to_string(), |r| self.url(&r)),
        })
    }

    /// The text of an item in this language, or the source text and its fallback marker.
    fn text<'l, F>(
        &self,
        l: &'l Localized<F>,
    ) -> (&'l crate::content::source::Doc<F>, Option<Fallback>) {
        let (doc, fell_back) = l.get(&self.lang.code, self.site.source_language());
        (doc, fell_back.then(|| self.fallback()))
    }

    fn fallback(&self) -> Fallback {
        let source = self.source();
        let notice = self.lang.format(
            "untranslated-notice",
            &[("language", FluentValue::from(source.name.as_str()))],
        );
        Fallback {
            lang: source.code.clone(),
            dir: source.dir,
            notice,
        }
    }

    pub fn frame(&self, route: &Route, title: String, fallback: Option<Fallback>) -> Frame<'a> {
        let site = self.site;
        let rel = |lang: &str| format!("{}/{lang}/{}", site.slug, route.path());
        let alternates = site
            .config
            .languages
            .iter()
            .map(|code| {
                let l = &self.langs[code];
                Alternate {
                    lang: &l.code,
                    name: &l.name,
                    dir: l.dir,
                    url: self.urls.absolute(&rel(code)),
                    path: self.urls.path(&rel(code)),
                    current: *code == self.lang.code,
                }
            })
            .collect();
        let municipality = self.municipality();
        let head_title = if title == municipality || municipality.is_empty() {
            title.clone()
        } else {
            format!("{title} – {municipality}")
        };
        Frame {
            lang: &self.lang.code,
            dir: self.lang.dir,
            ui: &self.lang.ui,
            title,
            head_title,
            municipality,
            home_url: self.url(&Route::Home),
            css_url: self.urls.path(&format!("{}/static/torg.css", site.slug)),
            canonical: self.urls.absolute(&rel(&self.lang.code)),
            x_default: self.urls.absolute(&rel(site.source_language())),
            alternates,
            nav: self.nav(route),
            footer: self.footer(route),
            fallback,
            facts_lang: text_lang(self, self.lang.code != site.source_language()),
            search_url: (*route != Route::Search).then(|| self.url(&Route::Search)),
        }
    }

    pub fn municipality(&self) -> String {
        self.lang.format(
            "municipality-name",
            &[("name", FluentValue::from(self.site.config.name.as_str()))],
        )
    }

    fn nav(&self, current: &Route) -> Vec<Link> {
        let mut nav = vec![self.link(self.lang.text("nav-home"), Route::Home, current)];
        if self.site.plan.is_some() {
            nav.push(self.link(self.lang.text("nav-plan"), Route::Plan, current));
        }
        nav.push(self.link(self.lang.text("nav-glossary"), Route::Glossary, current));
        nav
    }

    fn footer(&self, current: &Route) -> Vec<Link> {
        let mut links: Vec<Link> = self
            .site
            .pages
            .iter()
            .filter(|p| p.slug != "accessibility")
            .map(|p| {
                let (doc, fell_back) = p.text.get(&self.lang.code, self.site.source_language());
                Link {
                    text_lang: text_lang(self, fell_back),
                    ..self.link(
                        doc.front.title.clone(),
                        Route::Page(p.slug.clone()),
                        current,
                    )
                }
            })
            .collect();
        links.push(self.link(
            self.lang.text("footer-accessibility"),
            Route::Accessibility,
            current,
        ));
        links
    }
}

/// Marks one item of a list whose text is shown in the source language.
#[derive(Serialize)]
pub struct TextLang {
    pub lang: String,
    pub dir: &'static str,
}

fn text_lang(scope: &Scope, fell_back: bool) -> Option<TextLang> {
    fell_back.then(|| {
        let s = scope.source();
        TextLang {
            lang: s.code.clone(),
            dir: s.dir,
        }
    })
}

#[derive(Serialize)]
pub struct Card {
    pub title: String,
    pub summary: String,
    pub url: String,
    pub text_lang: Option<TextLang>,
}

fn service_card(scope: &Scope, s: &Service) -> Card {
    let (doc, fell_back) = s.text.get(&scope.lang.code, scope.site.source_language());
    Card {
        title: doc.front.title.clone(),
        summary: doc.front.summary.clone(),
        url: scope.url(&Route::Service(s.slug.clone())),
        text_lang: text_lang(scope, fell_back),
    }
}

// ---- Home ----------------------------------------------------------------------------------

#[derive(Serialize)]
pub struct Home {
    intro: String,
    categories: Vec<CategoryCard>,
    plan: Option<Card>,
    contact: Option<ContactView>,
    emergency: Vec<Emergency>,
}

#[derive(Serialize)]
struct CategoryCard {
    label: String,
    about: String,
    url: String,
    count: String,
}

#[derive(Serialize)]
struct Emergency {
    number: &'static str,
    tel: &'static str,
    label: String,
}

pub fn home(scope: &Scope) -> (String, Home) {
    let lang = scope.lang;
    let categories = Category::ALL
        .iter()
        .map(|c| CategoryCard {
            label: lang.text(&format!("category-{}", c.id())),
            about: lang.text(&format!("category-{}-about", c.id())),
            url: scope.url(&Route::Category(*c)),
            count: lang.count("services-count", services_in(scope.site, *c).count()),
        })
        .collect();
    let plan = scope.site.plan.as_ref().map(|p| {
        let (doc, fell_back) = p.text.get(&lang.code, scope.site.source_language());
        Card {
            title: doc.front.title.clone(),
            summary: doc.front.summary.clone(),
            url: scope.url(&Route::Plan),
            text_lang: text_lang(scope, fell_back),
        }
    });
    let contact = &scope.site.config.contact;
    let emergency = [
        ("113", "113", "emergency-medical"),
        ("112", "112", "emergency-police"),
        ("110", "110", "emergency-fire"),
        ("116 117", "116117", "emergency-out-of-hours"),
    ]
    .map(|(number, tel, id)| Emergency {
        number,
        tel,
        label: lang.text(id),
    })
    .into();
    let home = Home {
        intro: lang.format(
            "home-intro",
            &[("municipality", FluentValue::from(scope.municipality()))],
        ),
        categories,
        plan,
        contact: (!contact.is_empty()).then(|| contact_view(lang, contact)),
        emergency,
    };
    (scope.municipality(), home)
}

fn services_in(site: &Site, c: Category) -> impl Iterator<Item = &Service> {
    site.services.iter().filter(move |s| s.facts.category == c)
}

// ---- Category -------------------------------------------------------------------------------

#[derive(Serialize)]
pub struct CategoryPage {
    about: String,
    count: String,
    services: Vec<Card>,
}

pub fn category(scope: &Scope, c: Category) -> (String, CategoryPage) {
    let mut services: Vec<Card> = services_in(scope.site, c)
        .map(|s| service_card(scope, s))
        .collect();
    let lang = scope.lang;
    services.sort_by(|a, b| lang.compare(&a.title, &b.title));
    let page = CategoryPage {
        about: lang.text(&format!("category-{}-about", c.id())),
        count: lang.count("services-count", services.len()),
        services,
    };
    (lang.text(&format!("category-{}", c.id())), page)
}

// ---- Service --------------------------------------------------------------------------------

#[derive(Serialize)]
pub struct ServicePage {
    summary: String,
    html: String,
    category: Link,
    provider: Option<String>,
    contact: Option<ContactView>,
    hours: Vec<HoursRow>,
    /// Lists joined as the language writes them, so templates need no separator.
    audience: String,
    cost: String,
    languages: String,
    interpreter: Option<String>,
    measures: Vec<Link>,
    reviewed: Option<String>,
}

#[derive(Serialize)]
struct HoursRow {
    days: String,
    time: String,
}

#[derive(Serialize)]
pub struct ContactView {
    phone: Option<Href>,
    email: Option<Email>,
    address: Option<Href>,
    web: Option<Href>,
}

#[derive(Serialize)]
struct Href {
    text: String,
    href: String,
}

/// An e-mail address in the pieces a narrow screen may wrap it into.
#[derive(Serialize)]
struct Email {
    href: String,
    parts: Vec<String>,
}

fn contact_view(lang: &Language, c: &Contact) -> ContactView {
    ContactView {
        phone: c.phone.as_ref().map(|p| Href {
            text: p.clone(),
            href: format!(
                "tel:{}",
                p.chars()
                    .filter(|c| c.is_ascii_digit() || *c == '+')
                    .collect::<String>()
            ),
        }),
        email: c.email.as_ref().map(|e| Email {
            href: format!("mailto:{e}"),
            parts: markdown::email_parts(e),
        }),
        address: c.address.as_ref().map(|a| Href {
            text: lang.format(
                "service-address-map",
                &[("address", FluentValue::from(a.as_str()))],
            ),
            href: format!(
                "https://www.openstreetmap.org/search?query={}",
                percent_encode(a)
            ),
        }),
        // Validation refuses `javascript:` and the like; they are never published, even unvalidated.
        web: c
            .web
            .as_ref()
            .map(|w| &w.value)
            .filter(|w| url::is_allowed(w))
            .map(|w| Href {
                text: w
                    .trim_start_matches("https://")
                    .trim_start_matches("http://")
                    .trim_end_matches('/')
                    .to_string(),
                href: w.clone(),
            }),
    }
}

/// Encodes text for a URL query; addresses contain spaces, commas and Norwegian letters.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub fn service(scope: &Scope, s: &Service) -> (String, ServicePage, Option<Fallback>) {
    let lang = scope.lang;
    let (doc, fallback) = scope.text(&s.text);
    let f = &s.facts;
    let category = Route::Category(f.category);
    let page = ServicePage {
        summary: doc.front.summary.clone(),
        html: scope.html(&doc.body),
        category: scope.link(
            lang.text(&format!("category-{}", f.category.id())),
            category,
            &Route::Home,
        ),
        provider: f.provider.clone(),
        contact: (!f.contact.is_empty()).then(|| contact_view(lang, &f.contact)),
        hours: f
            .hours
            .iter()
            .map(|h| HoursRow {
                days: lang.and_list(
                    &h.days
                        .iter()
                        .map(|d| lang.text(&format!("day-{}", kebab(d))))
                        .collect::<Vec<_>>(),
                ),
                time: lang.format(
                    "time-range",
                    &[
                        ("opens", FluentValue::from(h.opens.to_string())),
                        ("closes", FluentValue::from(h.closes.to_string())),
                    ],
                ),
            })
            .collect(),
        audience: lang.and_list(
            &f.audience
                .iter()
                .map(|a| lang.text(&format!("audience-{}", kebab(a))))
                .collect::<Vec<_>>(),
        ),
        cost: match (f.cost, f.price_nok) {
            (Cost::Paid, Some(n)) => lang.format(
                "cost-price",
                // A number, not text, so each language's PLURAL picks the word ("2 korony", "5 koron").
                &[("amount", FluentValue::from(n))],
            ),
            (Cost::Paid, None) => lang.text("cost-paid"),
            (Cost::Free, _) => lang.text("cost-free"),
            (Cost::Unknown, _) => lang.text("cost-unknown"),
        },
        languages: lang.and_list(
            &f.languages
                .iter()
                .map(|c| lang.text(&format!("spoken-{c}")))
                .collect::<Vec<_>>(),
        ),
        interpreter: f.interpreter.map(|yes| {
            lang.text(if yes {
                "service-interpreter-yes"
            } else {
                "service-interpreter-no"
            })
        }),
        measures: f
            .measures
            .iter()
            .filter_map(|m| measure_link(scope, &m.value))
            .collect(),
        reviewed: f.reviewed.map(|d| {
            lang.format(
                "service-reviewed",
                &[("date", FluentValue::from(lang.date(d)))],
            )
        }),
    };
    (doc.front.title.clone(), page, fallback)
}

/// The YAML spelling of an enum value, which is also its message-id suffix.
fn kebab<T: Serialize>(v: &T) -> String {
    serde_saphyr::to_string(v)
        .unwrap_or_default()
        .trim()
        .to_string()
}

fn measure_link(scope: &Scope, id: &str) -> Option<Link> {
    let (theme_slug, measure) = id.split_once('/')?;
    let theme = scope
        .site
        .plan
        .as_ref()?
        .themes
        .iter()
        .find(|t| t.slug == theme_slug)?;
    let (doc, fell_back) = theme
        .text
        .get(&scope.lang.code, scope.site.source_language());
    Some(Link {
        label: doc.front.measures.get(measure)?.clone(),
        url: format!(
            "{}#tiltak-{measure}",
            scope.url(&Route::Theme(theme_slug.to_string()))
        ),
        current: false,
        text_lang: text_lang(scope, fell_back),
    })
}

// ---- Plan and themes ------------------------------------------------------------------------

#[derive(Serialize)]
pub struct PlanPage {
    /// Status, period and adoption, as far as the plan states them.
    meta: Vec<String>,
    summary: String,
    vision: Option<String>,
    goals: Vec<String>,
    html: String,
    themes: Vec<ThemeCard>,
}

#[derive(Serialize)]
struct ThemeCard {
    title: String,
    url: String,
    count: String,
    text_lang: Option<TextLang>,
}

pub fn plan(scope: &Scope) -> Option<(String, PlanPage, Option<Fallback>)> {
    let plan = scope.site.plan.as_ref()?;
    let lang = scope.lang;
    let (doc, fallback) = scope.text(&plan.text);
    let f = &plan.facts;
    let status = f.status.map(|s| {
        lang.text(match s {
            PlanStatus::Adopted => "plan-status-adopted",
            PlanStatus::Draft => "plan-status-draft",
            PlanStatus::Consultation => "plan-status-consultation",
        })
    });
    let period = f.period.map(|p| {
        lang.format(
            "plan-period",
            &[
                ("from", FluentValue::from(p.from.to_string())),
                ("to", FluentValue::from(p.to.to_string())),
            ],
        )
    });
    let adopted = f.adopted.map(|w| {
        let date = match w {
            When::Year(y) => y.to_string(),
            When::Date(d) => lang.date(d),
        };
        lang.format("plan-adopted", &[("date", FluentValue::from(date))])
    });
    let page = PlanPage {
        meta: [status, period, adopted].into_iter().flatten().collect(),
        summary: doc.front.summary.clone(),
        vision: doc.front.vision.clone(),
        goals: doc.front.goals.clone(),
        html: scope.html(&doc.body),
        themes: plan
            .themes
            .iter()
            .map(|t| {
                let (tdoc, fell_back) = t.text.get(&lang.code, scope.site.source_language());
                ThemeCard {
                    title: tdoc.front.title.clone(),
                    url: scope.url(&Route::Theme(t.slug.clone())),
                    count: lang.count("measures-count", t.facts.measures.len()),
                    text_lang: text_lang(scope, fell_back),
                }
            })
            .collect(),
    };
    Some((doc.front.title.clone(), page, fallback))
}

#[derive(Serialize)]
pub struct ThemePage {
    source: String,
    goals: Vec<String>,
    html: String,
    count: String,
    measures: Vec<MeasureView>,
    plan: Link,
}

#[derive(Serialize)]
struct MeasureView {
    anchor: String,
    text: String,
    responsible: Option<String>,
    timing: Option<String>,
    status: Option<String>,
    services: Vec<Link>,
}

pub fn theme(scope: &Scope, t: &Theme) -> (String, ThemePage, Option<Fallback>) {
    let lang = scope.lang;
    let (doc, fallback) = scope.text(&t.text);
    let measures = t
        .facts
        .measures
        .iter()
        .map(|m| {
            let full_id = format!("{}/{}", t.slug, m.id);
            MeasureView {
                anchor: format!("tiltak-{}", m.id),
                text: doc.front.measures.get(&m.id).cloned().unwrap_or_default(),
                responsible: m.responsible.clone(),
                timing: m.timing.map(|t| match t {
                    Timing::Year(y) => y.to_string(),
                    Timing::Period(p) => format!("{}–{}", p.from, p.to),
                    Timing::Ongoing => lang.text("timing-ongoing"),
                    Timing::OngoingFrom(y) => lang.format(
                        "timing-ongoing-from",
                        &[("year", FluentValue::from(y.to_string()))],
                    ),
                }),
                status: m.status.map(|s| {
                    lang.text(match s {
                        MeasureStatus::Planned => "status-planned",
                        MeasureStatus::InProgress => "status-in-progress",
                        MeasureStatus::Done => "status-done",
                    })
                }),
                services: scope
                    .site
                    .services
                    .iter()
                    .filter(|s| s.facts.measures.iter().any(|r| r.value == full_id))
                    .map(|s| {
                        let card = service_card(scope, s);
                        Link {
                            label: card.title,
                            url: card.url,
                            current: false,
                            text_lang: card.text_lang,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let page = ThemePage {
        source: t.facts.source.clone(),
        goals: doc.front.goals.clone(),
        html: scope.html(&doc.body),
        count: lang.count("measures-count", t.facts.measures.len()),
        measures,
        plan: plan_link(scope),
    };
    (doc.front.title.clone(), page, fallback)
}

/// The plan's title in this language, linking to the plan.
fn plan_link(scope: &Scope) -> Link {
    let (title, fell_back) = match &scope.site.plan {
        Some(p) => {
            let (doc, fell_back) = p.text.get(&scope.lang.code, scope.site.source_language());
            (doc.front.title.clone(), fell_back)
        }
        None => (String::new(), false),
    };
    Link {
        text_lang: text_lang(scope, fell_back),
        ..scope.link(title, Route::Plan, &Route::Home)
    }
}

// ---- Glossary, free pages, accessibility ----------------------------------------------------

#[derive(Serialize)]
pub struct GlossaryPage {
    terms: Vec<TermView>,
}

#[derive(Serialize)]
struct TermView {
    id: String,
    term: String,
    html: String,
    text_lang: Option<TextLang>,
}

/// Terms sorted by how they are written in the reader's language; the notice appears when any
/// term is untranslated.
pub fn glossary(scope: &Scope) -> (String, GlossaryPage, Option<Fallback>) {
    let mut any_fallback = false;
    let mut terms: Vec<TermView> = scope
        .site
        .glossary
        .iter()
        .map(|t| {
            let (doc, fell_back) = t.text.get(&scope.lang.code, scope.site.source_language());
            any_fallback |= fell_back;
            TermView {
                id: t.slug.clone(),
                term: doc.front.term.clone(),
                html: scope.html(&doc.body),
                text_lang: text_lang(scope, fell_back),
            }
        })
        .collect();
    terms.sort_by(|a, b| {
        scope
            .lang
            .compare(&a.term, &b.term)
            .then_with(|| a.id.cmp(&b.id))
    });
    (
        scope.lang.text("glossary-title"),
        GlossaryPage { terms },
        any_fallback.then(|| scope.fallback()),
    )
}

#[derive(Serialize)]
pub struct TextPage {
    summary: Option<String>,
    html: String,
    /// Paragraphs of the theme's default text, when the site has no page of its own.
    paragraphs: Vec<String>,
}

pub fn page(scope: &Scope, slug: &str) -> Option<(String, TextPage, Option<Fallback>)> {
    let page = scope.site.pages.iter().find(|p| p.slug == slug)?;
    let (doc, fallback) = scope.text(&page.text);
    Some((
        doc.front.title.clone(),
        TextPage {
            summary: doc.front.summary.clone(),
            html: scope.html(&doc.body),
            paragraphs: Vec::new(),
        },
        fallback,
    ))
}

/// The site's own statement when it has `pages/accessibility.*.md`, else the theme's default.
pub fn accessibility(scope: &Scope) -> (String, TextPage, Option<Fallback>) {
    if let Some(own) = page(scope, "accessibility") {
        return own;
    }
    let lang = scope.lang;
    let paragraphs = [
        "accessibility-intro",
        "accessibility-measures",
        "accessibility-languages",
        "accessibility-feedback",
    ]
    .map(|id| lang.text(id))
    .to_vec();
    (
        lang.text("accessibility-title"),
        TextPage {
            summary: None,
            html: String::new(),
            paragraphs,
        },
        None,
    )
}

// ---- Search ---------------------------------------------------------------------------------

#[derive(Serialize)]
pub struct SearchPage {
    /// Where Pagefind's files are, and the script that queries them.
    bundle: String,
    script: String,
    /// Latin words in right-to-left results are marked with this language, as on the pages.
    source_lang: String,
    /// Every service by category: what the page offers without JavaScript, and below results.
    categories: Vec<CategoryList>,
}

#[derive(Serialize)]
struct CategoryList {
    label: String,
    url: String,
    services: Vec<Card>,
}

pub fn search(scope: &Scope) -> (String, SearchPage) {
    let lang = scope.lang;
    let slug = &scope.site.slug;
    let categories = Category::ALL
        .iter()
        .filter_map(|c| {
            let (label, page) = category(scope, *c);
            (!page.services.is_empty()).then(|| CategoryList {
                label,
                url: scope.url(&Route::Category(*c)),
                services: page.services,
            })
        })
        .collect();
    let page = SearchPage {
        bundle: scope
            .urls
            .path(&format!("{slug}/{}/", crate::search::BUNDLE)),
        script: scope.urls.path(&format!("{slug}/static/search.js")),
        source_lang: scope.site.source_language().to_string(),
        categories,
    };
    (lang.text("search-title"), page)
}

/// What the search results show above a page's title; `None` for pages not in the index.
pub fn search_kind(scope: &Scope, route: &Route) -> Option<String> {
    let lang = scope.lang;
    match route {
        Route::Service(slug) => {
            let service = scope.site.services.iter().find(|s| &s.slug == slug)?;
            Some(lang.text(&format!("category-{}", service.facts.category.id())))
        }
        Route::Plan | Route::Theme(_) => Some(lang.text("nav-plan")),
        Route::Glossary => Some(lang.text("nav-glossary")),
        Route::Page(_) => Some(lang.text("footer-label")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::diagnostic::Report;
    use crate::i18n::Locales;

    /// Validation refuses such a `web:`; the page must not carry it even when validation did not run.
    #[test]
    fn a_refused_web_address_is_never_rendered() {
        let mut report = Report::default();
        let locales = Locales::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("locales"),
            &mut report,
        );
        let langs = locales.for_site(Path::new("no-such-portal"), &["nb".into()], &mut report);
        let web = |yaml: &str| {
            let contact: Contact = serde_saphyr::from_str(yaml).expect("contact YAML");
            contact_view(&langs["nb"], &contact).web.map(|w| w.href)
        };
        assert_eq!(web("web: \" JaVaScRiPt:alert(1)\""), None);
        assert_eq!(web("web: \"java\\tscript:alert(1)\""), None);
        assert_eq!(web("web: data:text/html,x"), None);
        assert_eq!(
            web("web: https://www.nav.no/"),
            Some("https://www.nav.no/".into())
        );
    }
}
