//! One term, one rendering: where a translation names a key term otherwise than the portal's
//! `terms.yaml` agrees. Warnings only in `torg check`: a translator can have a good reason, and
//! an inflected form the list does not know is not an error in the page.

use std::collections::BTreeMap;

use crate::content::model::{Rendering, Site, TermList};
use crate::content::texts::{TextFile, text_files};
use crate::diagnostic::{Diagnostic, Report};
use crate::markdown::Prose;

/// For every item whose source text speaks of a listed term, each translation uses one of the
/// agreed words; and no text uses a rendering the list says to avoid.
pub fn check_terms(site: &Site, report: &mut Report) {
    let Some(list) = &site.term_list else { return };
    let source = site.source_language();
    for item in text_files(site) {
        let prose: BTreeMap<&str, Prose> = item.files.iter().map(|f| (f.lang, prose(f))).collect();
        for file in item.files.iter().filter(|f| f.lang != source) {
            for (id, renderings) in &list.terms {
                let Some(rendering) = renderings.get(file.lang) else {
                    continue;
                };
                let text = &prose[file.lang];
                avoided(list, id, &rendering.value, file, text, report);
                let spoken_of = renderings
                    .get(source)
                    .zip(prose.get(source))
                    .and_then(|(words, src)| first_of(&words.value.words, src));
                if spoken_of.is_some() && first_of(&rendering.value.words, text).is_none() {
                    report.push(not_used(list, id, &rendering.value, file, source));
                }
            }
        }
    }
}

/// A text's front matter and body as one [`Prose`], with file lines. Comment lines (the
/// `$schema` line and the hints `torg new` writes) are not text a reader sees.
fn prose(file: &TextFile) -> Prose {
    let mut prose = Prose::default();
    for (i, line) in file.front.lines().enumerate() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        prose.push(line, i + 2);
        prose.push("\n", i + 2);
    }
    prose.push_markdown(file.body, file.first_line);
    prose
}

/// The line of the first of `words` in `text`.
fn first_of(words: &[String], text: &Prose) -> Option<usize> {
    words.iter().filter_map(|w| text.find(w)).min()
}

fn avoided(
    list: &TermList,
    id: &str,
    rendering: &Rendering,
    file: &TextFile,
    text: &Prose,
    report: &mut Report,
) {
    for bad in &rendering.avoid {
        if let Some(line) = text.find(bad) {
            report.push(
                Diagnostic::warning(
                    "term-avoided",
                    file.path,
                    format!(
                        "«{bad}» is a rendering of the term `{id}` that {} says not to use.",
                        list.path.display()
                    ),
                )
                .at(line, None)
                .hint(format!(
                    "Write {} instead, so readers meet one word for one thing.",
                    agreed(rendering)
                )),
            );
        }
    }
}

fn not_used(
    list: &TermList,
    id: &str,
    rendering: &Rendering,
    file: &TextFile,
    source: &str,
) -> Diagnostic {
    Diagnostic::warning("term-not-used", file.path, format!("The {source} text speaks of `{id}`, but this translation does not use the agreed rendering, {}.", agreed(rendering)))
        .hint(format!("Use it where the term comes up, or add the form you wrote to `use` under `{id}` in {} if it is the same term.", list.path.display()))
}

/// The agreed words as a reader of the message sees them: «a» or «b».
fn agreed(rendering: &Rendering) -> String {
    let quoted: Vec<String> = rendering
        .words
        .iter()
        .take(3)
        .map(|w| format!("«{w}»"))
        .collect();
    quoted.join(" or ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_in_front_matter_are_not_text() {
        let file = TextFile {
            lang: "en",
            path: std::path::Path::new("a.en.md"),
            stamp: None,
            stamp_sections: &[],
            fingerprint: "",
            front: "# yaml-language-server: $schema=health-centre.json\n# a health centre\ntitle: Health centre\n",
            body: "",
            first_line: 5,
        };
        assert_eq!(prose(&file).find("health centre"), Some(4));
    }
}
