//! The list of portals at the output's root, in every language any portal has: `index.html` in
//! the first portal's source language, `index.<lang>.html` in each other. A page outside every
//! portal, so its frame has no navigation or canonical address; its language menu links the
//! list in the other languages.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use super::frame::{Alternate, Frame, Link, PageContext, TextLang};
use crate::config::Urls;
use crate::i18n::Language;
use crate::route;

/// What the list shows of one portal, taken from it when it is rendered, or from its settings
/// alone when `torg build --cache` copies it.
#[derive(Clone)]
pub struct Listing {
    pub slug: String,
    pub name: String,
    /// Its language codes, the source language first.
    pub languages: Vec<String>,
    pub langs: Arc<BTreeMap<String, Language>>,
    pub urls: Urls,
}

/// One portal in the list: its name in each language of the list, and its address.
pub(super) struct ListedPortal<'a> {
    /// The portal's languages, its source language first.
    langs: Vec<&'a Language>,
    name: String,
    url: String,
}

/// One language's list page: its language, file below the output folder and address.
pub(super) struct ListPage<'a> {
    lang: &'a Language,
    pub(super) file: String,
    path: String,
    url: String,
}

/// The portal list's data.
#[derive(Serialize)]
pub(super) struct PortalList {
    pub(super) portals: Vec<Link>,
}

/// The portals as the list shows them, and one list page per language any portal has (in the
/// order the portals list them); `urls` are the first portal's, for the root's addresses.
pub(super) fn list<'a>(
    portals: &'a [Listing],
    urls: &Urls,
) -> (Vec<ListedPortal<'a>>, Vec<ListPage<'a>>) {
    let listed = portals
        .iter()
        .map(|p| ListedPortal {
            langs: p.languages.iter().map(|l| &p.langs[l]).collect(),
            name: p.name.clone(),
            url: p.urls.absolute(&route::portal(&p.slug)),
        })
        .collect();
    let mut pages: Vec<ListPage> = Vec::new();
    for lang in portals
        .iter()
        .flat_map(|p| p.languages.iter().map(|l| &p.langs[l]))
    {
        if pages.iter().any(|p| p.lang.code == lang.code) {
            continue;
        }
        let file = match pages.is_empty() {
            true => route::INDEX.to_string(),
            false => format!("index.{}.html", lang.code),
        };
        let rel = if pages.is_empty() {
            String::new()
        } else {
            file.clone()
        };
        pages.push(ListPage {
            lang,
            path: urls.path(&rel),
            url: urls.absolute(&rel),
            file,
        });
    }
    (listed, pages)
}

/// The context of the list page `pages[current]`.
pub(super) fn context<'a>(
    portals: &[ListedPortal],
    pages: &'a [ListPage<'a>],
    current: usize,
    css_url: String,
) -> PageContext<'a, PortalList> {
    let lang = pages[current].lang;
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
        alternates: alternates(pages, current),
        nav: Vec::new(),
        footer: Vec::new(),
        fallback: None,
        facts_lang: None,
        search_url: None,
        offline: None,
        identity: None,
        behind: None,
    };
    let page = PortalList {
        portals: portals.iter().map(|p| link(p, lang)).collect(),
    };
    PageContext { frame, page }
}

fn alternates<'a>(pages: &'a [ListPage<'a>], current: usize) -> Vec<Alternate<'a>> {
    pages
        .iter()
        .enumerate()
        .map(|(i, p)| Alternate {
            lang: &p.lang.code,
            name: &p.lang.name,
            dir: p.lang.dir,
            url: p.url.clone(),
            path: p.path.clone(),
            current: i == current,
        })
        .collect()
}

/// The portal's name in `lang` when it has that language, else in its source language, marked.
fn link(p: &ListedPortal, lang: &Language) -> Link {
    let own = p.langs.iter().find(|l| l.code == lang.code);
    let shown = own.unwrap_or(&p.langs[0]);
    Link {
        label: shown.format("municipality-name", &[("name", p.name.as_str().into())]),
        url: p.url.clone(),
        current: false,
        text_lang: own.is_none().then(|| TextLang {
            lang: shown.code.clone(),
            dir: shown.dir,
        }),
    }
}
