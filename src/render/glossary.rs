//! The glossary: every term with its explanation, sorted as the reader's language sorts.

use serde::Serialize;

use super::frame::{Scope, TextLang, text_lang};
use super::view::{Data, View};

/// The glossary page's data.
#[derive(Serialize)]
pub(super) struct GlossaryPage {
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
pub(super) fn view(scope: &Scope) -> View {
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
    View {
        template: "glossary.html",
        title: scope.lang.text("glossary-title"),
        fallback: any_fallback.then(|| scope.fallback()),
        behind: None,
        search_kind: Some(scope.lang.text("nav-glossary")),
        data: Data::Glossary(GlossaryPage { terms }),
    }
}
