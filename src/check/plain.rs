//! Plain language (klarspråk). The Language Act (språklova § 9) asks public bodies for clear,
//! correct language suited to its readers; a newcomer reads Norwegian as a second language, so
//! that means short sentences and paragraphs, words they can take apart, and an easy text overall.
//! `torg check` warns, per file, about what is over the portal's limits (`plain_language:` in
//! site.yaml) and gives each text's readability index, LIX (Björnsson): the average sentence
//! length plus the share of words longer than six letters, in per cent.
//!
//! Passive sentences are not flagged: Norwegian s-passives (`søkes`) look like other words ending
//! in -s, and telling them apart needs a part-of-speech tagger this check does not have.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::model::{PlainLanguage, Site};
use crate::content::texts::{TextFile, text_files};
use crate::diagnostic::{Diagnostic, Report};
use crate::markdown::{Block, blocks};

/// LIX was made for Swedish and is used for Norwegian and English alike.
const MEASURED: [&str; 3] = ["nb", "nn", "en"];
/// Long compounds are a Norwegian difficulty; a translation names the Norwegian term in brackets on
/// purpose, so long words are counted in Norwegian texts only.
const COMPOUNDING: [&str; 2] = ["nb", "nn"];
/// Below this many words a readability index says little.
const MIN_WORDS_FOR_LIX: usize = 50;

/// The readability index of one text.
#[derive(Debug, Clone)]
pub struct Figure {
    pub lang: String,
    pub lix: f64,
}

/// Warns about the texts of `site` over its limits; returns the LIX of every measured text.
pub fn check_plain_language(site: &Site, report: &mut Report) -> Vec<Figure> {
    let limits = site.config.plain_language;
    let explained = explained_words(site);
    let mut figures = Vec::new();
    for item in text_files(site) {
        for file in item.files.iter().filter(|f| MEASURED.contains(&f.lang)) {
            let text = reading(file);
            let found = measure(&text, &limits, &explained, COMPOUNDING.contains(&file.lang));
            report.extend(found.warnings(file, &limits));
            if found.words >= MIN_WORDS_FOR_LIX {
                figures.push(Figure {
                    lang: file.lang.to_string(),
                    lix: found.lix(),
                });
            }
        }
    }
    let order = |f: &Figure| site.config.languages.iter().position(|l| *l == f.lang);
    figures.sort_by_key(order);
    figures
}

/// Words the portal explains (its glossary terms and `terms.yaml`), lower-case: long, but known.
fn explained_words(site: &Site) -> BTreeSet<String> {
    let terms = site.glossary.iter().flat_map(|t| t.text.docs.values());
    let titles = terms.map(|(_, doc)| doc.front.term.clone());
    let listed = site.term_list.iter().flat_map(|l| l.terms.values());
    let renderings = listed
        .flat_map(|r| r.values())
        .flat_map(|r| r.value.words.clone());
    titles
        .chain(renderings)
        .flat_map(|t| words(&t).map(str::to_lowercase).collect::<Vec<_>>())
        .collect()
}

/// What a reader reads of a file: the values of its front matter (title, summary …), then the
/// blocks of its body.
fn reading(file: &TextFile) -> Vec<Block> {
    let front = file.front.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        let value = match line.strip_prefix("- ") {
            Some(item) => item,
            None => after_key(line),
        };
        let text = value.trim().trim_matches(['"', '\'']).to_string();
        let block_scalar = matches!(text.as_str(), ">" | "|" | ">-" | "|-");
        (!text.is_empty() && !block_scalar).then_some(Block { line: i + 2, text })
    });
    front.chain(blocks(file.body, file.first_line)).collect()
}

/// The value of a `key: value` line, or the whole line when it is the continuation of a longer
/// text (whose own `:` must not cut it).
fn after_key(line: &str) -> &str {
    match line.split_once(':') {
        Some((key, value))
            if !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') =>
        {
            value
        }
        _ => line,
    }
}

/// What one text holds: its counts, and where it is over the limits.
#[derive(Debug, Default)]
struct Found {
    words: usize,
    sentences: usize,
    long_words: usize,
    /// Lines of sentences over the limit, one per sentence.
    long_sentences: Vec<usize>,
    long_paragraphs: Vec<usize>,
    /// Each long word once, with its first line.
    hard_words: BTreeMap<String, usize>,
}

fn measure(
    text: &[Block],
    limits: &PlainLanguage,
    explained: &BTreeSet<String>,
    compounds: bool,
) -> Found {
    let mut found = Found::default();
    for block in text {
        let mut in_block = 0;
        for sentence in sentences(&block.text) {
            let mut n = 0;
            for word in words(sentence) {
                n += 1;
                let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                found.long_words += usize::from(letters > 6);
                if compounds && letters > limits.max_word_letters {
                    let lower = word.to_lowercase();
                    if !explained.contains(&lower) {
                        found.hard_words.entry(lower).or_insert(block.line);
                    }
                }
            }
            if n == 0 {
                continue;
            }
            found.sentences += 1;
            found.words += n;
            in_block += n;
            if n > limits.max_sentence_words {
                found.long_sentences.push(block.line);
            }
        }
        if in_block > limits.max_paragraph_words {
            found.long_paragraphs.push(block.line);
        }
    }
    found
}

impl Found {
    /// Björnsson's LIX: words per sentence plus the per cent of words over six letters.
    fn lix(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        self.words as f64 / self.sentences.max(1) as f64
            + 100.0 * self.long_words as f64 / self.words as f64
    }

    fn warnings(&self, file: &TextFile, limits: &PlainLanguage) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let at = |code, line: usize, message: String| {
            Diagnostic::warning(code, file.path, message).at(line, None)
        };
        if let Some(&first) = self.long_sentences.first() {
            out.push(at("long-sentence", first, format!("{} with more than {} words ({}): a newcomer reading in a second language loses the thread.", count(self.long_sentences.len(), "sentence"), limits.max_sentence_words, lines(&self.long_sentences)))
                .hint("Split each into shorter sentences, one thing per sentence. The limit is `plain_language: max_sentence_words` in site.yaml."));
        }
        if let Some(&first) = self.long_paragraphs.first() {
            out.push(at("long-paragraph", first, format!("{} with more than {} words ({}).", count(self.long_paragraphs.len(), "paragraph"), limits.max_paragraph_words, lines(&self.long_paragraphs)))
                .hint("Break it up: a heading, a short list, or two paragraphs. The limit is `plain_language: max_paragraph_words` in site.yaml."));
        }
        if let Some(&first) = self.hard_words.values().min() {
            let listed: Vec<String> = self
                .hard_words
                .iter()
                .map(|(w, line)| format!("«{w}» (line {line})"))
                .collect();
            out.push(at("long-word", first, format!("Words of more than {} letters, hard to take apart for a newcomer: {}.", limits.max_word_letters, listed.join(", ")))
                .hint("Say it in a few shorter words, or explain the term in the glossary (glossary terms are not counted)."));
        }
        let lix = self.lix();
        if self.words >= MIN_WORDS_FOR_LIX && lix > f64::from(limits.max_lix) {
            out.push(Diagnostic::warning("hard-to-read", file.path, format!("This text's readability index (LIX) is {lix:.0}, above {}: hard to read for a newcomer (below 40 is easy).", limits.max_lix))
                .hint("Shorter sentences and shorter words lower it. The limit is `plain_language: max_lix` in site.yaml."));
        }
        out
    }
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// «line 12», «lines 12, 30 and 41», as a list of file lines.
fn lines(lines: &[usize]) -> String {
    let mut shown: Vec<String> = lines.iter().map(usize::to_string).collect();
    shown.dedup();
    match shown.as_slice() {
        [one] => format!("line {one}"),
        [rest @ .., last] => format!("lines {} and {last}", rest.join(", ")),
        [] => String::new(),
    }
}

/// The words of `text`: runs of letters, with inner hyphens and apostrophes; numbers are not words.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(['-', '\'', '’']))
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// The sentences of a block: it ends one, and so does `.`, `!`, `?` or `…` before a space (an
/// abbreviation such as «f.eks.» ends one too, which makes a text look a little easier).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let ends = matches!(c, '.' | '!' | '?' | '…')
            && chars.peek().is_none_or(|(_, next)| next.is_whitespace());
        if ends {
            let end = at + c.len_utf8();
            out.push(&text[start..end]);
            start = end;
        }
    }
    out.push(&text[start..]);
    out.retain(|s| !s.trim().is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, compounds: bool) -> Found {
        let blocks = vec![Block {
            line: 3,
            text: text.into(),
        }];
        measure(
            &blocks,
            &PlainLanguage::default(),
            &BTreeSet::from(["introduksjonsprogrammet".into()]),
            compounds,
        )
    }

    /// 11 words in 2 sentences, 3 of them over six letters: 5.5 + 300 / 11.
    #[test]
    fn lix_is_sentence_length_plus_the_share_of_long_words() {
        let f = found(
            "Kommunen tilbyr norskopplæring. Alle nye innbyggere kan delta gratis hver uke.",
            false,
        );
        assert_eq!((f.words, f.sentences, f.long_words), (11, 2, 3));
        assert!((f.lix() - (5.5 + 300.0 / 11.0)).abs() < 1e-9);
        assert_eq!(sentences("Kl. 08.30 åpner vi. Velkommen!").len(), 3);
    }

    #[test]
    fn long_sentences_and_unexplained_long_words_are_found() {
        let long = ["ord"; 26].join(" ") + ".";
        assert_eq!(found(&long, true).long_sentences, [3]);
        assert!(
            found(&["ord"; 25].join(" "), true)
                .long_sentences
                .is_empty()
        );
        let words = "Kriminalitetsforebyggendetiltak og introduksjonsprogrammet.";
        let hard: Vec<String> = found(words, true).hard_words.into_keys().collect();
        assert_eq!(hard, ["kriminalitetsforebyggendetiltak"]);
        assert!(
            found(words, false).hard_words.is_empty(),
            "not in translations"
        );
    }

    #[test]
    fn front_matter_values_are_read_whole() {
        let front = "title: Kurs: norsk\nsummary: >\n  Oppmøte kl. 08:30: ta med\n  papirene.\n";
        let file = TextFile {
            lang: "nb",
            path: std::path::Path::new("kurs.md"),
            stamp: None,
            stamp_sections: &[],
            fingerprint: "",
            front,
            body: "",
            first_line: 7,
        };
        let read: Vec<(usize, String)> = reading(&file)
            .into_iter()
            .map(|b| (b.line, b.text))
            .collect();
        let expected = [
            (2, "Kurs: norsk"),
            (4, "Oppmøte kl. 08:30: ta med"),
            (5, "papirene."),
        ];
        assert_eq!(read, expected.map(|(l, t)| (l, t.to_string())));
    }

    #[test]
    fn numbers_are_not_words_and_hyphens_join() {
        let w: Vec<&str> = words("Ring 67 05 90 00, e-post eller «NAV-kontoret».").collect();
        assert_eq!(w, ["Ring", "e-post", "eller", "NAV-kontoret"]);
    }
}
