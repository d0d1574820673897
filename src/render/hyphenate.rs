//! Soft hyphens in long words, so a narrow phone breaks «introduksjonsprogrammet» as
//! «introduksjons-/programmet» with a hyphen, in the right place for the word's language, instead
//! of cutting it anywhere. CSS `hyphens: auto` would do this, but only where the browser has the
//! language's hyphenation dictionary, which Chromium on Linux and many Android phones download
//! separately or never; soft hyphens work everywhere, and a browser shows them only at a break.
//! The patterns are TeX's (Knuth–Liang), per language; words in elements marked with another
//! language get that language's.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::LazyLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

use super::walk::{Element, each_text};

/// Words with more letters than this get soft hyphens. With the phone's text at 200 % a heading
/// line on a 320 px screen holds about nine letters, so «municipality» must break too; words this
/// short have no break a hyphenation pattern allows anyway.
const MIN_LETTERS: usize = 6;
/// U+00AD SOFT HYPHEN: invisible unless the line breaks there.
pub(super) const SOFT_HYPHEN: char = '\u{ad}';

/// A language's hyphenation patterns, and whether it is written in Latin script.
struct Dictionary {
    code: &'static str,
    latin: bool,
    patterns: Standard,
}

/// The dictionaries for the languages that hyphenate; Arabic does not break words.
static DICTIONARIES: LazyLock<Vec<Dictionary>> = LazyLock::new(|| {
    [
        ("nb", Language::NorwegianBokmal, true),
        ("en", Language::EnglishGB, true),
        ("pl", Language::Polish, true),
        ("lt", Language::Lithuanian, true),
        ("uk", Language::Ukrainian, false),
    ]
    .into_iter()
    .filter_map(|(code, lang, latin)| {
        let patterns = Standard::from_embedded(lang).ok()?;
        Some(Dictionary {
            code,
            latin,
            patterns,
        })
    })
    .collect()
});

thread_local! {
    /// Where each word already seen on this thread may break, by language: pages repeat their
    /// words, and the patterns cost far more than a lookup.
    static BREAKS: RefCell<HashMap<&'static str, HashMap<String, Vec<usize>>>> =
        RefCell::new(HashMap::new());
}

/// Copies `word` to `out` with a soft hyphen wherever it may break by `rules`.
fn push_hyphenated(rules: &Dictionary, word: &str, out: &mut String) {
    let push = |breaks: &[usize], out: &mut String| {
        let mut copied = 0;
        for &at in breaks {
            out.push_str(&word[copied..at]);
            out.push(SOFT_HYPHEN);
            copied = at;
        }
        out.push_str(&word[copied..]);
    };
    BREAKS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let words = cache.entry(rules.code).or_default();
        if let Some(breaks) = words.get(word) {
            return push(breaks, out);
        }
        let breaks = rules.patterns.hyphenate(word).breaks;
        push(&breaks, out);
        words.insert(word.to_string(), breaks);
    })
}

fn dictionary(lang: &str) -> Option<&'static Dictionary> {
    DICTIONARIES.iter().find(|d| d.code == lang)
}

/// The page with soft hyphens in the long words of its text, each by the language it is in (the
/// innermost `lang`, the page's on `<html>`); nothing in `<head>`, scripts, code or addresses
/// (the theme writes phone, e-mail and web links `<a … dir="ltr">`: a copied address must not
/// carry invisible hyphens). Latin words in a text of another script (Norwegian names in
/// Ukrainian) get the `source` language's rules.
pub(super) fn soft_hyphens(html: &str, source: &str) -> String {
    let source = dictionary(source).filter(|d| d.latin);
    each_text(
        html,
        Context::default(),
        Context::enter,
        |context, text, out| {
            match context.dictionary {
                // Most runs are the white space between tags: nothing to break.
                Some(dict) if !context.skip && text.len() > MIN_LETTERS => {
                    hyphenate_text(text, dict, source, out)
                }
                _ => out.push_str(text),
            }
        },
    )
}

/// What the elements open around a text say about hyphenating it.
#[derive(Clone, Copy, Default)]
struct Context {
    /// The rules of the innermost `lang`; `None` for a language that does not hyphenate.
    dictionary: Option<&'static Dictionary>,
    /// Inside `<head>`, a script, code or an address: left as written.
    skip: bool,
}

impl Context {
    fn enter(self, e: &Element) -> Context {
        let skip = ["head", "script", "style", "code", "pre"]
            .iter()
            .any(|name| e.is(name))
            || (e.is("a") && e.attr("dir").is_some());
        Context {
            dictionary: e.attr("lang").map_or(self.dictionary, dictionary),
            skip: self.skip || skip,
        }
    }
}

/// Copies `text` with soft hyphens in its long words.
fn hyphenate_text(text: &str, dict: &Dictionary, source: Option<&Dictionary>, out: &mut String) {
    let mut rest = text;
    while let Some(start) = rest.find(char::is_alphabetic) {
        out.push_str(&rest[..start]);
        let word_len = rest[start..]
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + word_len];
        let entity = rest[..start].ends_with('&');
        if entity
            || in_address(&rest[..start], &rest[start + word_len..])
            || word.chars().count() <= MIN_LETTERS
        {
            out.push_str(word);
        } else {
            let rules = match is_latin(word) && !dict.latin {
                true => source.unwrap_or(dict),
                false => dict,
            };
            push_hyphenated(rules, word, out);
        }
        rest = &rest[start + word_len..];
    }
    out.push_str(rest);
}

/// Whether the word between `before` and `after` is part of a written address (`dinutvei.no`,
/// `post@x.no`, `a/b`), which a reader may copy and which must stay as written.
fn in_address(before: &str, after: &str) -> bool {
    let joins = |c: Option<char>| matches!(c, Some('.' | '@' | '/' | ':'));
    let then_letter = |s: &str| s.chars().nth(1).is_some_and(char::is_alphanumeric);
    joins(before.chars().last()) || (joins(after.chars().next()) && then_letter(after))
}

/// Latin letters, the Norwegian, Polish and Lithuanian ones included.
fn is_latin(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_ascii_alphabetic() || ('\u{c0}'..'\u{250}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shy(html: &str) -> String {
        soft_hyphens(html, "nb").replace(SOFT_HYPHEN, "|")
    }

    #[test]
    fn long_words_break_where_their_language_allows() {
        assert_eq!(
            shy("<html lang=\"nb\"><p>Introduksjonsprogrammet er for deg.</p></html>"),
            "<html lang=\"nb\"><p>In|tro|duk|sjons|pro|gram|met er for deg.</p></html>"
        );
        // Each word by the language it is marked with; Arabic is not hyphenated.
        assert_eq!(
            shy(
                "<html lang=\"ar\"><p>برنامج <span lang=\"nb\">introduksjonsprogrammet</span></p></html>"
            ),
            "<html lang=\"ar\"><p>برنامج <span lang=\"nb\">in|tro|duk|sjons|pro|gram|met</span></p></html>"
        );
    }

    #[test]
    fn norwegian_names_in_a_cyrillic_text_get_norwegian_rules() {
        let html = "<html lang=\"uk\"><p>Програма (introduksjonsprogrammet)</p></html>";
        let out = shy(html);
        assert!(out.contains("(in|tro|duk|sjons|pro|gram|met)"), "{out}");
        assert!(out.contains("Про|гра|ма"), "{out}");
    }

    #[test]
    fn short_words_head_code_and_entities_stay_as_written() {
        for untouched in [
            "<html lang=\"nb\"><head><title>Introduksjonsprogrammet</title></head></html>",
            "<html lang=\"nb\"><p>Lege &amp; skole</p><code>introduksjonsprogrammet</code></html>",
            "<p>Introduksjonsprogrammet</p>",
            "<html lang=\"nb\"><p>Se dinutvei.no og www.tilflytterportalen.no/narvik.</p></html>",
            "<html lang=\"nb\"><a href=\"mailto:x@y.no\" dir=\"ltr\"><span>postmottak@</span><wbr><span>nittedal</span></a></html>",
        ] {
            assert_eq!(shy(untouched), untouched);
        }
    }
}
