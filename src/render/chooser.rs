//! The language chooser at `<portal>/`: each language named in itself, for a reader who has not
//! chosen one yet. Its frame is the home page's in the source language, without navigation or
//! search box.

use serde::Serialize;

use super::frame::{PageContext, Scope};
use crate::route::Route;

/// The chooser's data: one entry per language of the portal.
#[derive(Serialize)]
pub(super) struct ChooserPage<'a> {
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

/// The chooser's template context; `scope` is in the portal's source language.
pub(super) fn context<'a>(scope: &Scope<'a>) -> PageContext<'a, ChooserPage<'a>> {
    let site = scope.site;
    let page = ChooserPage {
        languages: site
            .config
            .languages
            .iter()
            .map(|code| {
                let l = &scope.langs[code];
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
    let mut frame = scope.frame(&Route::Home, scope.lang.text("chooser-title"), None);
    frame.canonical = scope.urls.absolute(&crate::route::portal(&site.slug));
    frame.nav.clear();
    frame.search_url = None;
    PageContext { frame, page }
}
