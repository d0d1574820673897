//! The list of portals at the output's root, `index.html`: a page outside every portal, so its
//! frame has no navigation, alternates or canonical address.

use serde::Serialize;

use super::frame::{Frame, Link, PageContext};
use crate::i18n::Language;

/// The portal list's data.
#[derive(Serialize)]
pub(super) struct PortalList {
    pub(super) portals: Vec<Link>,
}

/// The portal list's template context: `portals` are (name, address) pairs, shown in `lang`.
pub(super) fn context<'a>(
    portals: &[(String, String)],
    lang: &'a Language,
    css_url: String,
) -> PageContext<'a, PortalList> {
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
            .map(|(name, url)| Link {
                label: name.clone(),
                url: url.clone(),
                current: false,
                text_lang: None,
            })
            .collect(),
    };
    PageContext { frame, page }
}
