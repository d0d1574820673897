//! The parts every page shares: the frame around the content (language, `<title>`, alternates,
//! navigation, footer), links and cards, the untranslated-text markers and the contact block.
//! Each page kind's module builds only its own data on top of these, so a change to the header
//! or a link's shape is made once.

use std::collections::BTreeMap;

use fluent_bundle::FluentValue;
use serde::Serialize;

use super::Purpose;
use crate::config::Urls;
use crate::content::model::{Contact, Localized, Site};
use crate::content::source::{Doc, section_prints};
use crate::i18n::Language;
use crate::markdown;
use crate::route::{self, Route};
use crate::url;

/// What every page needs: the language, the frame around the content, and links.
#[derive(Serialize)]
pub(super) struct Frame<'a> {
    pub(super) lang: &'a str,
    pub(super) dir: &'a str,
    /// Interface strings; inserted into the template context as is, not serialized per page.
    #[serde(skip)]
    pub(super) ui: &'a tera::Value,
    pub(super) title: String,
    /// The `<title>`: the page title and the municipality, once if they are the same (home).
    pub(super) head_title: String,
    pub(super) municipality: String,
    pub(super) home_url: String,
    pub(super) css_url: String,
    pub(super) canonical: String,
    pub(super) x_default: String,
    pub(super) alternates: Vec<Alternate<'a>>,
    pub(super) nav: Vec<Link>,
    pub(super) footer: Vec<Link>,
    /// Set when the page's text is shown in the source language.
    pub(super) fallback: Option<Fallback>,
    /// Set when the page's translation is older than its source text.
    pub(super) behind: Option<Behind>,
    /// The language of free-text facts from YAML (unit names, plan references), which are written
    /// once, in the source language; set when that differs from the page.
    pub(super) facts_lang: Option<TextLang>,
    /// The search page, for the search box in the header; not set on the search page itself.
    pub(super) search_url: Option<String>,
    /// What keeps the portal readable offline; not on the list of portals, which is no portal's.
    pub(super) offline: Option<Offline>,
    /// The municipality's logo, colour and website; not on the list of portals either.
    pub(super) identity: Option<Identity>,
}

/// What shows whose portal this is, each part only where `site.yaml` gives it; the accent colour
/// is in the portal's stylesheet.
#[derive(Serialize)]
pub(super) struct Identity {
    logo: Option<LogoView>,
    /// The municipality's own website: the `web:` of its contact.
    website: Option<Href>,
}

#[derive(Serialize)]
struct LogoView {
    src: String,
    alt: String,
    /// Set when `alt` is in the source language.
    text_lang: Option<TextLang>,
}

/// The script that registers the portal's service worker, and what it passes on.
#[derive(Serialize)]
pub(super) struct Offline {
    pub(super) script: String,
    pub(super) worker: String,
    /// The portal's folder: every page the worker may keep.
    pub(super) scope: String,
    /// The pages kept ahead of a visit, space-separated: this language's home, its «start here»
    /// page and the stylesheet they need.
    pub(super) keep: String,
}

/// The same page in one of the portal's languages.
#[derive(Serialize)]
pub(super) struct Alternate<'a> {
    pub(super) lang: &'a str,
    pub(super) name: &'a str,
    pub(super) dir: &'a str,
    /// Absolute when the base URL is known, for `hreflang` links.
    pub(super) url: String,
    /// Root-relative, for the language switcher, so it works wherever the site is served.
    pub(super) path: String,
    pub(super) current: bool,
}

/// A link in navigation, footer or a list, marked when it is the current page.
#[derive(Serialize)]
pub(super) struct Link {
    pub(super) label: String,
    pub(super) url: String,
    pub(super) current: bool,
    /// Set when the label is shown in the source language.
    pub(super) text_lang: Option<TextLang>,
}

/// The language of text shown untranslated, with the notice that says so.
#[derive(Serialize, Clone)]
pub(super) struct Fallback {
    pub(super) lang: String,
    pub(super) dir: &'static str,
    pub(super) notice: String,
}

/// A translation made from an earlier version of the source text: the notice saying so, and the
/// source-language page it links to.
#[derive(Serialize)]
pub(super) struct Behind {
    pub(super) notice: String,
    /// When the translation was made, where its stamp says.
    pub(super) made: Option<String>,
    /// The sections of this translation whose source section changed, when that can be told.
    pub(super) sections: Vec<Link>,
    pub(super) link: String,
    pub(super) url: String,
    /// The source language, for the link's `hreflang`.
    pub(super) lang: String,
}

/// A frame and the content of one kind of page, flattened into one template context.
#[derive(Serialize)]
pub(super) struct PageContext<'a, B: Serialize> {
    #[serde(flatten)]
    pub(super) frame: Frame<'a>,
    pub(super) page: B,
}

/// Everything needed to build the contexts of one portal in one language.
pub(super) struct Scope<'a> {
    pub(super) site: &'a Site,
    pub(super) lang: &'a Language,
    pub(super) langs: &'a BTreeMap<String, Language>,
    pub(super) urls: &'a Urls,
    pub(super) purpose: Purpose,
}

impl<'a> Scope<'a> {
    fn source(&self) -> &'a Language {
        &self.langs[self.site.source_language()]
    }

    /// The address of `route` in the language `lang`.
    pub(super) fn url_in(&self, lang: &str, route: &Route) -> String {
        self.urls.page(&self.site.slug, lang, route)
    }

    /// The address of `route` in this language.
    pub(super) fn url(&self, route: &Route) -> String {
        self.url_in(&self.lang.code, route)
    }

    /// A link to `route`, marked current when it is `current`.
    pub(super) fn link(&self, label: String, route: Route, current: &Route) -> Link {
        Link {
            label,
            current: *current == route,
            url: self.url(&route),
            text_lang: None,
        }
    }

    /// Markdown body with `@/` links pointing into this language; none for [`Purpose::Links`],
    /// which looks at the links templates write: validation checked the body's, with their lines.
    pub(super) fn html(&self, body: &str) -> String {
        if self.purpose == Purpose::Links {
            return String::new();
        }
        markdown::to_html(
            body,
            &|target| match target.strip_prefix(route::STATIC_PREFIX) {
                Some(file) => self.urls.path(&route::static_file(&self.site.slug, file)),
                None => Route::parse(target).map_or_else(|| target.to_string(), |r| self.url(&r)),
            },
        )
    }

    /// The text of an item in this language, or the source text and its fallback marker.
    pub(super) fn text<'l, F>(&self, l: &'l Localized<F>) -> (&'l Doc<F>, Option<Fallback>) {
        let (doc, fell_back) = l.get(&self.lang.code, self.site.source_language());
        (doc, fell_back.then(|| self.fallback()))
    }

    /// The notice over a translation of `l` that is older than its source text, if it is.
    pub(super) fn behind<F>(&self, l: &Localized<F>, route: &Route) -> Option<Behind> {
        let source = self.source();
        if !l.is_behind(&self.lang.code, &source.code) {
            return None;
        }
        let sections = changed_sections(l, &self.lang.code, &source.code);
        let language = || [("language", FluentValue::from(source.name.as_str()))];
        let notice = match sections.is_empty() {
            true => "translation-behind",
            false => "translation-behind-sections",
        };
        let made = l
            .docs
            .get(&self.lang.code)
            .and_then(|(_, d)| d.translated_on);
        let made = made.map(|day| {
            let date = FluentValue::from(self.lang.date(day));
            self.lang.format("translation-made", &[("date", date)])
        });
        Some(Behind {
            notice: self.lang.format(notice, &language()),
            made,
            sections,
            link: self.lang.format("translation-behind-link", &language()),
            url: self.url_in(&source.code, route),
            lang: source.code.clone(),
        })
    }

    /// The notice shown over text in the source language.
    pub(super) fn fallback(&self) -> Fallback {
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

    /// The frame of the page at `route`: title, alternates, navigation and footer.
    pub(super) fn frame(
        &self,
        route: &Route,
        title: String,
        fallback: Option<Fallback>,
    ) -> Frame<'a> {
        let site = self.site;
        let rel = |lang: &str| route.address(&site.slug, lang);
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
            css_url: self
                .urls
                .path(&route::static_file(&site.slug, route::STYLESHEET)),
            canonical: self.urls.absolute(&rel(&self.lang.code)),
            x_default: self.urls.absolute(&rel(site.source_language())),
            alternates,
            nav: self.nav(route),
            footer: self.footer(route),
            fallback,
            behind: None,
            facts_lang: text_lang(self, self.lang.code != site.source_language()),
            search_url: (*route != Route::Search).then(|| self.url(&Route::Search)),
            offline: Some(self.offline()),
            identity: Some(self.identity()),
        }
    }

    /// The parts of `site.yaml` that show whose portal this is (validation has made sure the
    /// logo's file is one of the portal's).
    fn identity(&self) -> Identity {
        let config = &self.site.config;
        let source = self.site.source_language();
        let logo = config.logo.as_ref().and_then(|logo| {
            let logo = &logo.value;
            let in_lang = logo.alt.get(&self.lang.code);
            let alt = in_lang.or_else(|| logo.alt.get(source))?;
            // Each part encoded, so a name with spaces or letters such as å is a valid address.
            let file: Vec<String> = logo.file.split('/').map(percent_encode).collect();
            Some(LogoView {
                src: self
                    .urls
                    .path(&route::static_file(&self.site.slug, &file.join("/"))),
                alt: alt.clone(),
                text_lang: text_lang(self, in_lang.is_none()),
            })
        });
        Identity {
            logo,
            website: contact_view(self.lang, &config.contact).web,
        }
    }

    /// The offline script's data for pages in this scope's language.
    fn offline(&self) -> Offline {
        let slug = &self.site.slug;
        let start = self.site.start.is_some().then(|| self.url(&Route::Start));
        let keep: Vec<String> = [Some(self.url(&Route::Home)), start]
            .into_iter()
            .flatten()
            .chain([self.urls.path(&route::static_file(slug, route::STYLESHEET))])
            .collect();
        Offline {
            script: self.urls.path(&route::static_file(slug, "offline.js")),
            worker: self
                .urls
                .path(&route::portal_file(slug, route::SERVICE_WORKER)),
            scope: self.urls.path(&route::portal(slug)),
            keep: keep.join(" "),
        }
    }

    /// The municipality's name as this language writes it.
    pub(super) fn municipality(&self) -> String {
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

/// Links to the headings of the translation in `lang` whose section of the source changed since
/// it was stamped; none when that cannot be told (an old stamp, sections added or removed, or a
/// change in the title or opening), and the notice then speaks of the whole page.
fn changed_sections<F>(l: &Localized<F>, lang: &str, source: &str) -> Vec<Link> {
    let (Some((_, doc)), Some((_, src))) = (l.docs.get(lang), l.docs.get(source)) else {
        return Vec::new();
    };
    let now = section_prints(&src.front_text, &src.body);
    let then = &doc.translated_sections;
    let own = markdown::sections(&doc.body);
    if now.len() != then.len() || own.len() != now.len() || now.first() != then.first() {
        return Vec::new();
    }
    own.into_iter()
        .zip(now.iter().zip(then))
        .filter(|(_, (now, then))| now != then)
        .filter_map(|(section, _)| section.heading)
        .map(|(label, id)| Link {
            label,
            url: format!("#{id}"),
            current: false,
            text_lang: None,
        })
        .collect()
}

/// Marks one item of a list whose text is shown in the source language.
#[derive(Serialize)]
pub(super) struct TextLang {
    pub(super) lang: String,
    pub(super) dir: &'static str,
}

/// The source language's marker for an item shown untranslated, when `fell_back`.
pub(super) fn text_lang(scope: &Scope, fell_back: bool) -> Option<TextLang> {
    fell_back.then(|| {
        let s = scope.source();
        TextLang {
            lang: s.code.clone(),
            dir: s.dir,
        }
    })
}

/// An item of a list of pages: title, one-line summary and address.
#[derive(Serialize)]
pub(super) struct Card {
    pub(super) title: String,
    pub(super) summary: String,
    pub(super) url: String,
    pub(super) text_lang: Option<TextLang>,
}

/// A contact block (a service's or the municipality's), each way of contact ready to link.
#[derive(Serialize)]
pub(super) struct ContactView {
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

/// The contact block of `c`; a refused `web:` address is left out.
pub(super) fn contact_view(lang: &Language, c: &Contact) -> ContactView {
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
