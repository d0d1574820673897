//! Latin-script words inside a page in another script. Arabic pages keep Norwegian names beside
//! their translation («برنامج التعريف (introduksjonsprogrammet)») so a resident can ask for the
//! service by name. Marked with the source language, a screen reader reads them with a Norwegian
//! voice instead of spelling them out in Arabic, and the browser isolates them for bidi.
//!
//! This runs on the finished page, so it covers Markdown, front matter, YAML facts and interface
//! strings alike. It relies on torg's own output: text is escaped, so `<` always starts a tag.

use std::fmt::Write;

use super::walk::{Element, each_text};

/// Wraps each run of Latin-script words in the page's text in `<span lang=… dir="ltr">`, except
/// in `<head>` and inside elements that already say their language or direction.
pub(super) fn mark_latin_runs(html: &str, lang: &str) -> String {
    let said = |already: bool, e: &Element| already || says_its_language(e);
    each_text(html, false, said, |said, text, out| {
        if said {
            out.push_str(text);
        } else {
            mark_text(text, lang, out);
        }
    })
}

/// `<head>`, and elements below `<html>` (which carries the page's own) that set `lang` or `dir`:
/// their text is already right.
fn says_its_language(e: &Element) -> bool {
    e.is("head") || (!e.is("html") && (e.attr("lang").is_some() || e.attr("dir").is_some()))
}

/// Copies `text` to `out` with its Latin runs wrapped.
fn mark_text(text: &str, lang: &str, out: &mut String) {
    let mut copied = 0;
    for (start, end) in latin_runs(text) {
        out.push_str(&text[copied..start]);
        let _ = write!(
            out,
            "<span lang=\"{lang}\" dir=\"ltr\">{}</span>",
            &text[start..end]
        );
        copied = end;
    }
    out.push_str(&text[copied..]);
}

/// Byte ranges of runs of Latin words: words joined by single spaces, or by numbers between them
/// (an address, «Rådhusveien 1, 1482 Nittedal», which an Arabic line would otherwise reorder
/// around its numbers), a word being Latin letters, ASCII digits and inner `-'’./` with at least
/// one letter. Entities (`&amp;`) are not words.
fn latin_runs(text: &str) -> Vec<(usize, usize)> {
    let joins = |gap: &str| {
        gap == " "
            || (gap.starts_with(' ')
                && gap.ends_with(' ')
                && gap
                    .chars()
                    .all(|c| c == ' ' || c == ',' || c.is_ascii_digit()))
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (start, end) in words(text) {
        match runs.last_mut() {
            Some(run) if joins(&text[run.1..start]) => run.1 = end,
            _ => runs.push((start, end)),
        }
    }
    // «(Harstad)»: the brackets go inside, so they read and wrap with the name, not the Arabic.
    for run in &mut runs {
        if text[..run.0].ends_with('(') && text[run.1..].starts_with(')') {
            *run = (run.0 - 1, run.1 + 1);
        }
    }
    runs
}

/// Byte ranges of the Latin words in `text`, without trailing punctuation.
fn words(text: &str) -> Vec<(usize, usize)> {
    let part_of_word = |c: char| is_latin_letter(c) || c.is_ascii_digit() || "-'’./".contains(c);
    let mut found = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c == '&' {
            // Skip an entity whole: it is escaping, not text.
            while chars
                .next_if(|(_, c)| *c != ';' && !c.is_whitespace())
                .is_some()
            {}
            continue;
        }
        if !(is_latin_letter(c) || c.is_ascii_digit()) {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some((i, c)) = chars.next_if(|(_, c)| part_of_word(*c)) {
            end = i + c.len_utf8();
        }
        let word = text[start..end].trim_end_matches(|c: char| !c.is_alphanumeric());
        if word.chars().any(is_latin_letter) {
            found.push((start, start + word.len()));
        }
    }
    found
}

/// Latin letters, including the Norwegian, Polish and Lithuanian ones. Range checks first: most
/// characters on these pages are Arabic, and Unicode's alphabetic table is slow.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (('\u{C0}'..'\u{250}').contains(&c) && c != '×' && c != '÷')
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::mark_latin_runs;

    fn mark(html: &str) -> String {
        mark_latin_runs(html, "nb")
    }

    #[test]
    fn an_address_is_one_left_to_right_run_with_its_numbers() {
        assert_eq!(
            mark("<p>Rådhusveien 1, 1482 Nittedal (الخريطة)</p>"),
            "<p><span lang=\"nb\" dir=\"ltr\">Rådhusveien 1, 1482 Nittedal</span> (الخريطة)</p>"
        );
    }

    #[test]
    fn wraps_norwegian_names_in_arabic_text() {
        assert_eq!(
            mark("<p>برنامج التعريف (introduksjonsprogrammet).</p>"),
            "<p>برنامج التعريف <span lang=\"nb\" dir=\"ltr\">(introduksjonsprogrammet)</span>.</p>"
        );
        assert_eq!(
            mark("<li>مكتب NAV Halden في 2017</li>"),
            "<li>مكتب <span lang=\"nb\" dir=\"ltr\">NAV Halden</span> في 2017</li>"
        );
        assert_eq!(
            mark("<p>Røde Kors og Startlån.</p>"),
            "<p><span lang=\"nb\" dir=\"ltr\">Røde Kors og Startlån</span>.</p>"
        );
    }

    #[test]
    fn leaves_arabic_numbers_entities_and_marked_elements_alone() {
        for untouched in [
            "<p>الصفحة الرئيسية 113 &amp; 112 &quot;</p>",
            "<html lang=\"ar\" dir=\"rtl\"><head><title>Narvik</title></head></html>",
            "<a href=\"tel:113\" dir=\"ltr\">113</a><a lang=\"en\" href=\"/en/\">English</a>",
            "<dd lang=\"nb\" dir=\"ltr\">Flyktningtjenesten <b>NAV</b></dd>",
        ] {
            assert_eq!(mark(untouched), untouched);
        }
    }

    #[test]
    fn void_elements_and_comments_do_not_confuse_the_element_stack() {
        assert_eq!(
            mark("<head><meta charset=\"utf-8\"><!-- x --></head><body><br><p>NAV</p></body>"),
            "<head><meta charset=\"utf-8\"><!-- x --></head><body><br><p><span lang=\"nb\" dir=\"ltr\">NAV</span></p></body>"
        );
    }
}
