//! The search index: the text of each rendered page, indexed per portal with Pagefind. Pagefind
//! keeps one index per language, with that language's stemmer, split into chunks that a phone
//! downloads only when the reader searches; `static/search.js` in the theme queries it.
//!
//! Pagefind folds accents (ą → a, š → s, å → a) but not letters of their own: ł, ø, æ. Readers
//! on a phone without a Polish or Norwegian keyboard type «spoleczna», «soknad», so the index
//! holds the text with those letters folded too, and search.js folds the query the same way.
//! The words folding changed are kept by position, so results show the text as written.

use std::collections::{BTreeMap, BTreeSet};

use pagefind::api::{PagefindIndex, SyntheticFile};
use pagefind::options::PagefindServiceConfig;
use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::output::Output;

/// One page as the index sees it.
#[derive(Debug, PartialEq)]
pub struct Document {
    pub url: String,
    /// The page's language: which index it goes into.
    pub lang: String,
    /// The language of its text when that is not the page's (an untranslated page).
    pub text_lang: Option<String>,
    pub title: String,
    /// What the results list shows above the title: the category of a service, or the kind of page.
    pub kind: String,
    pub text: String,
}

/// A portal's pages as the index sees them, in the order they were rendered: Pagefind numbers
/// pages in the order it is given them, and its index files record the numbers, so the same order
/// gives the same bytes. A page rendered again after an edit replaces its old text in place.
#[derive(Debug, Default)]
pub struct Documents {
    docs: Vec<Document>,
    /// Each language's index as last written, while none of its pages changed: `torg serve`
    /// re-indexes only the languages an edit touched.
    written: BTreeMap<String, Written>,
}

/// What one language's index put in the bundle.
#[derive(Debug)]
struct Written {
    /// The files, below the bundle folder.
    files: Vec<String>,
    /// Its part of the bundle's entry file.
    entry: Vec<u8>,
}

impl Documents {
    /// Each of `docs` in place of the document with its address, or after the others; the
    /// language of each one that is new or differs is indexed again.
    pub fn update(&mut self, docs: Vec<Document>) {
        for doc in docs {
            match self.docs.iter_mut().find(|old| old.url == doc.url) {
                Some(old) if *old == doc => {}
                Some(old) => {
                    self.written.remove(&doc.lang);
                    *old = doc;
                }
                None => {
                    self.written.remove(&doc.lang);
                    self.docs.push(doc);
                }
            }
        }
    }
}

impl From<Vec<Document>> for Documents {
    fn from(docs: Vec<Document>) -> Documents {
        Documents {
            docs,
            written: BTreeMap::new(),
        }
    }
}

/// The folder below a portal that holds its index and Pagefind's search code.
const BUNDLE: &str = "pagefind";

/// A portal's search bundle below the output folder: `<site>/pagefind/`.
pub fn bundle_dir(site: &str) -> String {
    crate::route::portal_file(site, &format!("{BUNDLE}/"))
}

/// Letters Pagefind keeps apart from their base letter, and what a reader types instead; the
/// Arabic tatweel (a stretching stroke) is dropped. `fold` in search.js must match this.
const FOLDS: &[(char, &str)] = &[
    ('ł', "l"),
    ('Ł', "L"),
    ('ø', "o"),
    ('Ø', "O"),
    ('æ', "ae"),
    ('Æ', "Ae"),
    ('\u{0640}', ""),
];

/// The files of Pagefind's bundle that search.js uses: its search API, each language's code
/// (`wasm.unknown` serves languages without a stemmer) and the index. Not the ready-made
/// interfaces (they lack Lithuanian and our page's markup), not the web worker (an index this
/// small searches faster than a worker starts).
fn is_needed(file: &str) -> bool {
    !(file.contains("-ui.") || file.contains("highlight") || file.contains("worker"))
}

/// The text of `<main>` in a rendered page: tags become word breaks, except inline ones, which
/// sit inside words as often as between them; soft hyphens go.
pub fn page_text(html: &str) -> String {
    const INLINE: &[&str] = &[
        "a", "abbr", "b", "bdi", "code", "em", "i", "mark", "span", "strong",
    ];
    let main = html
        .find("<main")
        .map_or(html, |start| &html[start..])
        .split("</main>")
        .next()
        .unwrap_or_default();
    let mut text = String::with_capacity(main.len() / 2);
    let mut gap = false;
    for (i, part) in main.split('<').enumerate() {
        let (tag, content) = match part.split_once('>') {
            Some(split) if i > 0 => split,
            _ => ("", part),
        };
        let tag = tag.trim_start_matches('/');
        let name = &tag[..tag
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tag.len())];
        gap |= i > 0 && !INLINE.contains(&name);
        push_words(
            &html_escape::decode_html_entities(content),
            &mut text,
            &mut gap,
        );
    }
    text
}

/// Appends `content`'s words to `text`, one space between words; `gap` says a word break is due
/// before the next word (a tag between blocks, or white space).
fn push_words(content: &str, text: &mut String, gap: &mut bool) {
    for (i, piece) in content.split(char::is_whitespace).enumerate() {
        *gap |= i > 0;
        if piece.is_empty() {
            continue;
        }
        if std::mem::take(gap) && !text.is_empty() {
            text.push(' ');
        }
        // Soft hyphens are where a line may break, not part of the word a reader types.
        match piece.contains('\u{ad}') {
            true => text.extend(piece.chars().filter(|c| *c != '\u{ad}')),
            false => text.push_str(piece),
        }
    }
}

/// The text as indexed, and the words folding changed as `position:word` pairs; positions count
/// whitespace-separated words, as Pagefind counts them.
fn fold(text: &str) -> (String, String) {
    let folds = |c: char| FOLDS.iter().find(|(from, _)| *from == c).map(|(_, to)| *to);
    let mut folded = String::with_capacity(text.len());
    let mut changed = Vec::new();
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            folded.push(' ');
        }
        // Most words have no letter to fold: copied as they are, without a String of their own.
        if !word.contains(|c| folds(c).is_some()) {
            folded.push_str(word);
            continue;
        }
        let f: String = word.chars().fold(String::new(), |mut s, c| {
            match folds(c) {
                Some(to) => s.push_str(to),
                None => s.push(c),
            }
            s
        });
        if f.is_empty() {
            folded.push_str(word);
        } else {
            changed.push(format!("{i}:{word}"));
            folded.push_str(&f);
        }
    }
    (folded, changed.join(" "))
}

/// Builds the index of one portal and writes it to `<slug>/pagefind/`. Pagefind keeps each
/// language's index apart (its own files, its own line in `pagefind-entry.json`), so the languages
/// are indexed in parallel and their bundles merged: the indexing is most of a build's time. A
/// language whose pages did not change since `docs` was last written to `out` is not indexed
/// again; its files are still there, and `out` is told to keep them.
pub fn write_index(
    slug: &str,
    docs: &mut Documents,
    site_dir: &std::path::Path,
    out: &impl Output,
) -> Result<(), Diagnostic> {
    let failed = |e: &dyn std::fmt::Display| {
        Diagnostic::error(
            "search-index",
            site_dir,
            format!("The search index could not be built: {e}"),
        )
        .hint("This is a bug in torg or Pagefind; please report it with this message.")
    };
    let mut by_lang: BTreeMap<&str, Vec<&Document>> = BTreeMap::new();
    for doc in &docs.docs {
        if !docs.written.contains_key(&doc.lang) {
            by_lang.entry(&doc.lang).or_default().push(doc);
        }
    }
    let bundles: Vec<(String, Vec<SyntheticFile>)> = by_lang
        .into_par_iter()
        .map(|(lang, docs)| {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .build()
                .map_err(|e| e.to_string())?;
            Ok((lang.to_string(), runtime.block_on(index(docs))?))
        })
        .collect::<Result<_, String>>()
        .map_err(|e| failed(&e))?;
    let dir = bundle_dir(slug);
    let mut names = BTreeSet::new();
    for (lang, files) in bundles {
        let written = write_bundle(&dir, files, &mut names, out)?;
        docs.written.insert(lang, written);
    }
    let mut entry: Option<serde_json::Value> = None;
    for written in docs.written.values() {
        merge_entry(&mut entry, &written.entry).map_err(|e| failed(&e))?;
        written
            .files
            .iter()
            .for_each(|file| out.keep(&format!("{dir}{file}")));
    }
    match entry {
        Some(entry) => out.write(&format!("{dir}{ENTRY}"), entry.to_string().as_bytes()),
        None => Ok(()), // no pages to search (every portal has a glossary, so not in practice)
    }
}

/// Writes one language's bundle files to `dir` except its entry, which the portal's merges, and
/// except those in `names`: Pagefind's code, the same in every language, is written once.
fn write_bundle(
    dir: &str,
    files: Vec<SyntheticFile>,
    names: &mut BTreeSet<String>,
    out: &impl Output,
) -> Result<Written, Diagnostic> {
    let mut written = Written {
        files: Vec::new(),
        entry: Vec::new(),
    };
    for file in files {
        let name = file.filename.to_string_lossy().replace('\\', "/");
        if name == ENTRY {
            written.entry = file.contents;
        } else if is_needed(&name) {
            if names.insert(name.clone()) {
                out.write(&format!("{dir}{name}"), &file.contents)?;
            }
            written.files.push(name);
        }
    }
    Ok(written)
}

/// The file that lists a bundle's languages, which search.js reads first.
const ENTRY: &str = "pagefind-entry.json";

/// Adds one language's bundle entry to the portal's: the same version, one more language.
fn merge_entry(entry: &mut Option<serde_json::Value>, bytes: &[u8]) -> Result<(), String> {
    let mut next: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
    match entry {
        None => *entry = Some(next),
        Some(merged) => match (
            merged["languages"].as_object_mut(),
            next["languages"].take(),
        ) {
            (Some(all), serde_json::Value::Object(more)) => all.extend(more),
            _ => return Err(format!("unexpected {ENTRY}: {next}")),
        },
    }
    Ok(())
}

/// Fields search.js reads with a result that are not words of the page: the words folding
/// changed, and the text's language. Searched, the `position:word` pairs made a query for «12»
/// find pages by where their words stand, and analysing them was a sixth of a build.
const UNSEARCHED_META: [&str; 2] = ["words", "lang"];

async fn index(docs: Vec<&Document>) -> Result<Vec<SyntheticFile>, String> {
    let config = PagefindServiceConfig::builder()
        .unsearched_meta(UNSEARCHED_META.map(String::from).to_vec())
        .build();
    let mut index = PagefindIndex::new(Some(config)).map_err(|e| e.to_string())?;
    for doc in docs {
        let (content, changed) = fold(&doc.text);
        let mut meta = BTreeMap::from([
            ("title".to_string(), doc.title.clone()),
            ("kind".to_string(), doc.kind.clone()),
        ]);
        if !changed.is_empty() {
            meta.insert("words".into(), changed);
        }
        if let Some(lang) = &doc.text_lang {
            meta.insert("lang".into(), lang.clone());
        }
        index
            .add_custom_record(
                doc.url.clone(),
                content,
                doc.lang.clone(),
                Some(meta),
                None,
                None,
            )
            .await
            .map_err(|e| e.to_string())?;
    }
    index.into_files().await.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_text_of_main_with_words_kept_whole() {
        let html = "<html><head><title>X</title></head><body><nav>Meny</nav>\
            <main id=\"main\"><h1>Vaksi<span lang=\"nb\">ne</span></h1><p>Gratis &amp; <a href=\"/x\">enkelt</a>.</p>\
            <ul><li>Én</li><li>To</li><li>In\u{ad}tro\u{ad}duk\u{ad}sjon</li></ul></main><footer>Bunn</footer></body></html>";
        assert_eq!(
            page_text(html),
            "Vaksine Gratis & enkelt. Én To Introduksjon"
        );
    }

    /// The words `docs` can be found by: Pagefind's `.pf_index` chunks, unpacked.
    fn word_index(docs: &[Document]) -> Vec<u8> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime");
        let files = runtime
            .block_on(index(docs.iter().collect()))
            .expect("an index");
        let mut words = Vec::new();
        for file in files {
            if file.filename.to_string_lossy().ends_with(".pf_index") {
                let mut unpacked = flate2::read::GzDecoder::new(&file.contents[..]);
                std::io::Read::read_to_end(&mut unpacked, &mut words).expect("gzip");
            }
        }
        words
    }

    #[test]
    fn the_words_as_written_and_the_text_language_are_not_searched() {
        let doc = Document {
            url: "/x/".into(),
            lang: "nb".into(),
            text_lang: Some("en".into()),
            title: "Bolig".into(),
            kind: "Tjeneste".into(),
            text: "Søknad om 12 ting".into(),
        };
        let words = word_index(&[doc]);
        let has = |word: &str| {
            // A word is a CBOR text string: its length in the first byte, then its bytes.
            let cbor = [&[0x60 + word.len() as u8], word.as_bytes()].concat();
            words.windows(cbor.len()).any(|w| w == cbor)
        };
        // The text's words and the title's («Bolig»), stemmed, are.
        assert!(
            has("soknad") && has("bol"),
            "{}",
            String::from_utf8_lossy(&words)
        );
        // Neither «søknad» from `words` («0:Søknad»), nor «en» from `lang`.
        assert!(!has("søknad") && !has("en"));
    }

    #[test]
    fn folds_letters_pagefind_keeps_and_remembers_the_words() {
        let (folded, changed) = fold("Pomoc  społeczna – Søknad om Ærlig ـ بـيت");
        assert_eq!(folded, "Pomoc spoleczna – Soknad om Aerlig ـ بيت");
        assert_eq!(changed, "1:społeczna 3:Søknad 5:Ærlig 7:بـيت");
    }
}
