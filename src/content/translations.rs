//! Translation status: for each item and each language after the source, whether its
//! translation is there, and whether the source changed after it was made (the fingerprint that
//! `torg translations --mark` stamps into it). Validation warns about the missing and outdated
//! ones; `torg translations` counts them per language and finds the source a file translates.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::model::Site;
use super::texts::{TextFiles, text_files};
use crate::diagnostic::{Diagnostic, Report};
use crate::i18n::Language;

/// Where a translation of one item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TranslationState {
    /// Present, and either stamped with the current source or not stamped at all.
    Translated,
    /// Stamped with a source fingerprint that is no longer the source's.
    Outdated,
    Missing,
}

/// Translated, outdated and missing pages of one language of a portal.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct TranslationCounts {
    pub translated: usize,
    pub outdated: usize,
    pub missing: usize,
}

/// Per language other than the source, in the portal's order: how many pages are translated,
/// outdated and missing.
pub fn translation_table(site: &Site) -> Vec<(String, TranslationCounts)> {
    let mut table: Vec<(String, TranslationCounts)> = site.config.languages[1..]
        .iter()
        .map(|l| (l.clone(), TranslationCounts::default()))
        .collect();
    for item in text_files(site) {
        for (lang, state, _) in translation_states(&item, site) {
            let Some((_, counts)) = table.iter_mut().find(|(l, _)| l == lang) else {
                continue;
            };
            match state {
                TranslationState::Translated => counts.translated += 1,
                TranslationState::Outdated => counts.outdated += 1,
                TranslationState::Missing => counts.missing += 1,
            }
        }
    }
    table
}

/// The source-language file that `translation` (a text file of `site`) is translated from.
pub fn source_of(site: &Site, translation: &Path) -> Option<PathBuf> {
    let wanted = std::path::absolute(translation).ok()?;
    let source = site.source_language();
    text_files(site).into_iter().find_map(|item| {
        let is_translation = item
            .files
            .iter()
            .any(|f| f.lang != source && std::path::absolute(f.path).is_ok_and(|p| p == wanted));
        let src = item.files.iter().find(|f| f.lang == source)?;
        is_translation.then(|| src.path.to_path_buf())
    })
}

/// Each non-source language of the portal, the state of this item's translation into it, and the
/// translation's file (existing or expected).
pub(crate) fn translation_states<'a>(
    item: &TextFiles<'a>,
    site: &'a Site,
) -> Vec<(&'a str, TranslationState, PathBuf)> {
    let source = site.source_language();
    let Some(src) = item.files.iter().find(|f| f.lang == source) else {
        return Vec::new();
    };
    let src_path = src.path;
    site.config.languages[1..]
        .iter()
        .map(|lang| {
            let Some(file) = item.files.iter().find(|f| f.lang == lang) else {
                let expected = src_path.with_file_name(format!("{}.{lang}.md", item.slug));
                return (lang.as_str(), TranslationState::Missing, expected);
            };
            // Unstamped translations cannot be judged; the source's fingerprint is the one it
            // was loaded with, the same the reader's notice compares against.
            let outdated = file.stamp.is_some_and(|stamp| stamp != src.fingerprint);
            let state = if outdated {
                TranslationState::Outdated
            } else {
                TranslationState::Translated
            };
            (lang.as_str(), state, file.path.to_path_buf())
        })
        .collect()
}

/// A warning per translation that is missing, or older than its source; part of validation.
pub(crate) fn check_translations(
    item: &TextFiles,
    site: &Site,
    langs: &BTreeMap<String, Language>,
    report: &mut Report,
) {
    let source = site.source_language();
    let Some(src_path) = item.files.iter().find(|f| f.lang == source).map(|f| f.path) else {
        return;
    };
    for (lang, state, path) in translation_states(item, site) {
        let name = langs.get(lang).map_or(lang, |l| l.name.as_str());
        match state {
            TranslationState::Translated => {}
            TranslationState::Missing => report.push(
                Diagnostic::warning("missing-translation", &path, format!("Not translated into {name} ({lang}) yet; the {lang} page shows the {source} text."))
                    .hint(format!("Translate {} into this file.", src_path.display())),
            ),
            TranslationState::Outdated => report.push(
                Diagnostic::warning("outdated-translation", &path, format!("{} changed after this translation into {name} ({lang}) was made.", src_path.display()))
                    .hint(format!("Bring the translation up to date, then run `torg translations --mark {}`.", path.display())),
            ),
        }
    }
}
