//! A round trip through a translation agency's tools: `torg translations export` writes the
//! segments a language still needs (from the texts whose translation is missing or outdated) as
//! XLIFF 2, which every professional translation tool reads; `torg translations import` checks
//! the file that comes back and rebuilds each translation from its source's shape and the
//! translated segments, stamped as `torg translations --mark` would.
//!
//! Import trusts nothing in the file: a `<file>` names a source text only by matching one torg
//! loaded (never as a path), every placeholder must come back exactly once, and every problem is
//! found before anything is written.

mod inline;
mod segments;
mod xliff;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use inline::{Inline, one_line, to_markdown};
use segments::{Segmented, Unit};
use xliff::{InFile, InUnit, OutFile, OutUnit, problem};

use crate::content::model::{Date, Site};
use crate::content::source::{section_prints, stamped};
use crate::content::texts::{TextFile, TextFiles, text_files};
use crate::content::translations::{TranslationState, translation_states};
use crate::diagnostic::Diagnostic;
use crate::output::replace_file;

/// An exported XLIFF document and what it holds.
pub struct Export {
    pub xliff: String,
    pub files: usize,
    pub units: usize,
}

/// The segments of `site`'s texts whose translation into `lang` is missing or outdated, as XLIFF;
/// `content` is the content folder, which the files' names are relative to.
pub fn export(content: &Path, site: &Site, lang: &str) -> Result<Export, Diagnostic> {
    let mut sources = Vec::new();
    for item in text_files(site) {
        let wanted = translation_states(&item, site)
            .into_iter()
            .any(|(l, state, _)| l == lang && state != TranslationState::Translated);
        if let (true, Some(src)) = (wanted, file_in(&item, site.source_language())) {
            sources.push((
                relative(content, src.path)?,
                cut(&item, site.source_language(), lang)?,
            ));
        }
    }
    let files: Vec<OutFile> = sources
        .iter()
        .map(|(original, cut)| OutFile {
            original: original.clone(),
            units: cut.out_units(),
        })
        .collect();
    Ok(Export {
        xliff: xliff::write(site.source_language(), lang, &files),
        files: files.len(),
        units: files.iter().map(|f| f.units.len()).sum(),
    })
}

/// A source text cut into segments, with what its translation into one language already has.
struct Cut {
    source: Segmented,
    /// By unit id, the earlier translation of the same place, placeholders numbered as the
    /// source's: a front matter field of the same name, a block of a body of the same shape.
    earlier: BTreeMap<String, Vec<Inline>>,
    /// The units whose earlier translation stays, in sections of the source unchanged since the
    /// translation was stamped: they are not sent, and an import keeps them.
    current: BTreeSet<String>,
}

/// The [`Cut`] of `item` for its translation into `lang`.
fn cut(item: &TextFiles, source_lang: &str, lang: &str) -> Result<Cut, Diagnostic> {
    let src = file_in(item, source_lang).ok_or_else(|| {
        Diagnostic::error("exchange", Path::new(item.slug), "This text has no source.")
    })?;
    let source = segmented(src)?;
    let translation = file_in(item, lang);
    let previous = translation.map(segmented).transpose()?;
    let body_aligned = previous.as_ref().is_some_and(|p| source.same_body_shape(p));
    let earlier: BTreeMap<String, Vec<Inline>> = source
        .units
        .iter()
        .filter(|unit| body_aligned || unit.id.starts_with("fm."))
        .filter_map(|unit| {
            let before = previous.as_ref()?.units.iter().find(|u| u.id == unit.id)?;
            Some((unit.id.clone(), offer(unit, before)?))
        })
        .collect();
    let unchanged = unchanged_sections(&source, src, translation);
    let mut current: BTreeSet<String> = earlier
        .keys()
        .filter(|id| unchanged.contains(&source.section_of(id)))
        .cloned()
        .collect();
    // A text whose every segment stays changed outside them (a code block, spacing): send it
    // all, so the translator confirms it and the import stamps it.
    if current.len() == source.units.len() {
        current.clear();
    }
    Ok(Cut {
        source,
        earlier,
        current,
    })
}

/// The sections of the source whose fingerprint is the one `translation`'s stamp recorded.
fn unchanged_sections(
    source: &Segmented,
    src: &TextFile,
    translation: Option<&TextFile>,
) -> BTreeSet<usize> {
    let recorded = translation.map_or(&[][..], |t| t.stamp_sections);
    let now = section_prints(src.front, src.body);
    if now.len() != recorded.len() || now.len() != source.sections() {
        return BTreeSet::new();
    }
    (0..now.len()).filter(|i| now[*i] == recorded[*i]).collect()
}

impl Cut {
    /// The units to send, each with its earlier translation to review where there is one.
    fn out_units(&self) -> Vec<OutUnit<'_>> {
        self.source
            .units
            .iter()
            .filter(|unit| !self.current.contains(&unit.id))
            .map(|unit| OutUnit {
                id: &unit.id,
                source: &unit.pieces,
                previous: self.earlier.get(&unit.id).cloned(),
            })
            .collect()
    }

    /// The Markdown of the units that stay as they are translated.
    fn kept(&self) -> BTreeMap<String, String> {
        self.current
            .iter()
            .filter_map(|id| Some((id.clone(), to_markdown(self.earlier.get(id)?))))
            .collect()
    }
}

fn file_in<'i, 'a>(item: &'i TextFiles<'a>, lang: &str) -> Option<&'i TextFile<'a>> {
    item.files.iter().find(|f| f.lang == lang)
}

fn segmented(file: &TextFile) -> Result<Segmented, Diagnostic> {
    Segmented::new(file.front, file.body, file.path)
}

/// `path` below `content`, with `/`: how a `<file>` names its source text.
fn relative(content: &Path, path: &Path) -> Result<String, Diagnostic> {
    let rel = path.strip_prefix(content).map_err(|_| {
        Diagnostic::error(
            "exchange",
            path,
            "This text is not inside the content folder.",
        )
        .hint("Run torg from the project folder, with --content naming the content folder.")
    })?;
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    Ok(parts.join("/"))
}

/// The earlier translation `earlier` with its placeholders numbered as `unit`'s, or `None` when
/// one of them is not in `unit` (the link or number it protects changed in the source).
fn offer(unit: &Unit, earlier: &Unit) -> Option<Vec<Inline>> {
    let mut free: Vec<&Inline> = Vec::new();
    collect_placeholders(&unit.pieces, &mut free);
    renumber(&earlier.pieces, &mut free)
}

fn collect_placeholders<'a>(pieces: &'a [Inline], out: &mut Vec<&'a Inline>) {
    for piece in pieces {
        match piece {
            Inline::Text(_) => {}
            Inline::Ph { .. } => out.push(piece),
            Inline::Pc { inner, .. } => {
                out.push(piece);
                collect_placeholders(inner, out);
            }
        }
    }
}

/// `pieces` with each placeholder taking the id of the first unused one in `free` that protects
/// the same Markdown.
fn renumber(pieces: &[Inline], free: &mut Vec<&Inline>) -> Option<Vec<Inline>> {
    let mut out = Vec::new();
    for piece in pieces {
        let taken = |free: &mut Vec<&Inline>, same: &dyn Fn(&Inline) -> bool| {
            let at = free.iter().position(|p| same(p))?;
            match free.remove(at) {
                Inline::Ph { id, .. } | Inline::Pc { id, .. } => Some(id.clone()),
                Inline::Text(_) => None,
            }
        };
        out.push(match piece {
            Inline::Text(t) => Inline::Text(t.clone()),
            Inline::Ph { raw, .. } => Inline::Ph {
                id: taken(free, &|p| matches!(p, Inline::Ph { raw: r, .. } if r == raw))?,
                raw: raw.clone(),
            },
            Inline::Pc {
                open, close, inner, ..
            } => Inline::Pc {
                id: taken(free, &|p| {
                    matches!(p, Inline::Pc { open: o, close: c, .. } if o == open && c == close)
                })?,
                open: open.clone(),
                close: close.clone(),
                inner: renumber(inner, free)?,
            },
        });
    }
    Some(out)
}

/// A translation written by [`import`].
pub struct Imported {
    pub path: PathBuf,
    pub source: PathBuf,
    /// The segments the file brought (the file may also keep segments that were not sent).
    pub units: usize,
}

/// What [`import`] did: the translations it wrote, and the texts of the file that have no
/// translated segment at all (a translator may return a file partly done), left as they were.
pub struct ImportOutcome {
    pub written: Vec<Imported>,
    pub untouched: Vec<String>,
}

/// A source text a `<file>` may name, with where its translation into the file's language goes.
struct Known<'a> {
    file: &'a Path,
    cut: Cut,
    translation: PathBuf,
}

/// Checks the XLIFF file `path` against the texts of `sites` (loaded from `content`) and, when
/// nothing is wrong, writes each translation it completes; otherwise writes nothing and returns
/// every problem. The translations are stamped as made on day `on`.
pub fn import(
    content: &Path,
    sites: &[&Site],
    path: &Path,
    on: Date,
) -> Result<ImportOutcome, Vec<Diagnostic>> {
    let text = read_exchange_file(path).map_err(|d| vec![d])?;
    let doc = xliff::read(&text, path).map_err(|d| vec![d])?;
    let fits = |site: &&Site| {
        site.source_language() == doc.src_lang && site.config.languages[1..].contains(&doc.trg_lang)
    };
    if !sites.iter().any(fits) {
        let message = format!(
            "This file translates from `{}` into `{}`, which no portal in {} does.",
            doc.src_lang,
            doc.trg_lang,
            content.display()
        );
        return Err(vec![problem(path, doc.line, message)]);
    }
    let mut problems = Vec::new();
    let mut done = Vec::new();
    let mut seen = BTreeSet::new();
    let mut untouched = Vec::new();
    for file in &doc.files {
        if !seen.insert(file.original.as_str()) {
            problems.push(problem(
                path,
                file.line,
                format!("`{}` is in this file twice.", file.original),
            ));
            continue;
        }
        match known(content, sites, file, (&doc.src_lang, &doc.trg_lang), path) {
            Ok(_) if file.units.iter().all(|u| u.target.is_none()) => {
                untouched.push(file.original.clone());
            }
            Ok(known) => match translated(&known, file, path) {
                Ok(texts) => done.push((known, texts, file.units.len())),
                Err(mut p) => problems.append(&mut p),
            },
            Err(p) => problems.push(p),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let written = write_translations(&done, on).map_err(|d| vec![d])?;
    Ok(ImportOutcome { written, untouched })
}

/// Reads the file that came back, refusing one far larger than any export.
fn read_exchange_file(path: &Path) -> Result<String, Diagnostic> {
    const MAX_BYTES: u64 = 64 * 1024 * 1024;
    let unreadable = |what: &str| {
        Diagnostic::error("exchange", path, what.to_string())
            .hint("Give the path of the XLIFF file the translation tool saved.")
    };
    let size = fs::metadata(path)
        .map_err(|_| {
            unreadable("The file cannot be read (it does not exist, or torg may not read it).")
        })?
        .len();
    if size > MAX_BYTES {
        return Err(unreadable(
            "The file is larger than 64 MB, far larger than any export.",
        ));
    }
    let bytes = fs::read(path).map_err(|_| unreadable("The file cannot be read."))?;
    String::from_utf8(bytes)
        .map_err(|_| unreadable("The file is not UTF-8 text, as XLIFF files are."))
}

/// The source text `file` names, in a portal whose source is `src_lang` and which is translated
/// into `trg_lang`.
fn known<'a>(
    content: &Path,
    sites: &[&'a Site],
    file: &InFile,
    langs: (&str, &str),
    path: &Path,
) -> Result<Known<'a>, Diagnostic> {
    let (src_lang, trg_lang) = langs;
    let found = sites.iter().find_map(|site| {
        text_files(site).into_iter().find_map(|item| {
            let src = file_in(&item, site.source_language())?;
            if !relative(content, src.path).is_ok_and(|r| r == file.original) {
                return None;
            }
            let translation = translation_states(&item, site)
                .into_iter()
                .find_map(|(l, _, p)| (l == trg_lang).then_some(p));
            Some((
                *site,
                src.path,
                cut(&item, site.source_language(), trg_lang),
                translation,
            ))
        })
    });
    let Some((site, src_path, cut, translation)) = found else {
        return Err(problem(
            path,
            file.line,
            format!(
                "`{}` is not a text torg knows in {}: the file names a text that does not exist, or one that is not in the portal's source language.",
                file.original,
                content.display()
            ),
        ));
    };
    let (Some(translation), true) = (translation, site.source_language() == src_lang) else {
        let languages = &site.config.languages;
        return Err(problem(
            path,
            file.line,
            format!(
                "This file translates from `{src_lang}` into `{trg_lang}`, but {} is written in `{}` and translated into {}.",
                site.slug,
                site.source_language(),
                languages[1..].join(", ")
            ),
        ));
    };
    Ok(Known {
        file: src_path,
        cut: cut?,
        translation,
    })
}

/// The Markdown of each unit of `known` from `file`'s targets, or every problem with them.
fn translated(
    known: &Known,
    file: &InFile,
    path: &Path,
) -> Result<BTreeMap<String, String>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let mut texts = known.cut.kept();
    let mut seen = BTreeSet::new();
    for unit in &file.units {
        let Some(source) = known.cut.source.units.iter().find(|u| u.id == unit.id) else {
            problems.push(problem(path, unit.line, format!("The segment `{}` is not part of {}; it may have been added by hand or come from another export.", unit.id, known.file.display())));
            continue;
        };
        if !seen.insert(unit.id.as_str()) {
            problems.push(problem(
                path,
                unit.line,
                format!("The segment `{}` is in this file twice.", unit.id),
            ));
            continue;
        }
        match unit_text(unit, source, known.file, path) {
            Ok(text) => {
                texts.insert(unit.id.clone(), text);
            }
            Err(p) => problems.push(p),
        }
    }
    let missing: Vec<&str> = known
        .cut
        .source
        .units
        .iter()
        .filter(|u| !texts.contains_key(&u.id) && !seen.contains(u.id.as_str()))
        .map(|u| u.id.as_str())
        .collect();
    if !missing.is_empty() {
        problems.push(problem(
            path,
            file.line,
            format!(
                "The segment(s) {} of {} are not in this file; every segment of a text must come back.",
                missing.join(", "),
                known.file.display()
            ),
        ));
    }
    if problems.is_empty() {
        problems.extend(reads_back(known, &texts, file, path).err());
    }
    if problems.is_empty() {
        Ok(texts)
    } else {
        Err(problems)
    }
}

/// Whether the translation, written out, reads back as the same segments: a translated segment
/// that starts with `#`, `- ` or `1. ` would turn into a heading or a list, and the page would not
/// say what the translator wrote. Names the first segment that does not come back.
fn reads_back(
    known: &Known,
    texts: &BTreeMap<String, String>,
    file: &InFile,
    path: &Path,
) -> Result<(), Diagnostic> {
    let (front, body) = known.cut.source.rebuild_parts(texts);
    let again = Segmented::new(&front, &body, known.file).ok();
    let same_shape = again
        .as_ref()
        .is_some_and(|a| a.same_body_shape(&known.cut.source));
    let comes_back = |id: &str| {
        let back = again.as_ref()?.units.iter().find(|u| u.id == id)?;
        Some(to_markdown(&back.pieces))
    };
    let first_changed = known
        .cut
        .source
        .units
        .iter()
        .find(|u| comes_back(&u.id).as_ref() != texts.get(&u.id));
    let (id, line) = match first_changed {
        None if same_shape => return Ok(()),
        None => ("?", file.line),
        Some(changed) => {
            let unit = file.units.iter().find(|u| u.id == changed.id);
            (changed.id.as_str(), unit.map_or(file.line, |u| u.line))
        }
    };
    Err(problem(path, line, format!("The translation of segment `{id}` would change the text's structure: written into the file, it reads back as other headings, paragraphs or lists."))
        .hint("Do not start a translated segment with `#`, `- `, `* ` or a number and a dot, and keep each segment one sentence or paragraph."))
}

/// The Markdown of one translated unit, checked against its source segment.
fn unit_text(unit: &InUnit, source: &Unit, file: &Path, path: &Path) -> Result<String, Diagnostic> {
    let same_source =
        restore(&unit.source, source).is_ok_and(|md| md == to_markdown(&source.pieces));
    if !same_source {
        return Err(problem(
            path,
            unit.line,
            format!(
                "The source text of segment `{}` is no longer the text in {}: the source changed after the export.",
                unit.id,
                file.display()
            ),
        ));
    }
    let Some((target, line)) = &unit.target else {
        return Err(problem(
            path,
            unit.line,
            format!("Segment `{}` has no translation.", unit.id),
        ));
    };
    if unit.unconfirmed {
        return Err(problem(
            path,
            *line,
            format!(
                "Segment `{}` still holds the earlier translation torg offered, not yet confirmed.",
                unit.id
            ),
        )
        .hint(
            "Check the translation and mark the segment as translated in the translation tool.",
        ));
    }
    let text = restore(target, source).map_err(|why| {
        problem(path, *line, format!("In segment `{}`, {why}", unit.id)).hint(
            "In the translation tool, put each tag of the source into the translation once (most tools copy the next tag with a shortcut), save, and import again.",
        )
    })?;
    if text.trim().is_empty() {
        return Err(problem(
            path,
            *line,
            format!("Segment `{}` has no translation.", unit.id),
        ));
    }
    Ok(text.trim().to_string())
}

/// `pieces` as Markdown, each placeholder replaced by what it protects in `source`; `Err` says
/// in a translator's words which placeholder is missing, extra, repeated or of the wrong kind.
fn restore(pieces: &[Inline], source: &Unit) -> Result<String, String> {
    let mut table = Vec::new();
    collect_placeholders(&source.pieces, &mut table);
    let mut used = BTreeSet::new();
    let text = restore_in(pieces, &table, &mut used)?;
    let missing: Vec<String> = table
        .iter()
        .filter_map(|p| match p {
            Inline::Ph { id, raw } if !used.contains(id.as_str()) => {
                Some(format!("{id} («{raw}»)"))
            }
            Inline::Pc {
                id, open, close, ..
            } if !used.contains(id.as_str()) => Some(format!("{id} («{open}…{close}»)")),
            _ => None,
        })
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "the translation lacks the placeholder(s) {} of the source; every placeholder must be kept.",
            missing.join(", ")
        ));
    }
    Ok(text)
}

fn restore_in<'a>(
    pieces: &'a [Inline],
    table: &[&Inline],
    used: &mut BTreeSet<&'a str>,
) -> Result<String, String> {
    let mut out = String::new();
    for piece in pieces {
        let id = match piece {
            Inline::Text(t) => {
                out.push_str(&one_line(t));
                continue;
            }
            Inline::Ph { id, .. } | Inline::Pc { id, .. } => id.as_str(),
        };
        if !used.insert(id) {
            return Err(format!(
                "the placeholder {id} is in the translation twice; keep each placeholder once."
            ));
        }
        let found = table
            .iter()
            .find(|p| matches!(p, Inline::Ph { id: i, .. } | Inline::Pc { id: i, .. } if i == id));
        match (piece, found) {
            (Inline::Ph { .. }, Some(Inline::Ph { raw, .. })) => out.push_str(raw),
            (Inline::Pc { inner, .. }, Some(Inline::Pc { open, close, .. })) => {
                out.push_str(open);
                out.push_str(&restore_in(inner, table, used)?);
                out.push_str(close);
            }
            (_, None) => {
                return Err(format!(
                    "the translation has a placeholder {id} that the source does not have; remove it."
                ));
            }
            _ => {
                return Err(format!(
                    "the placeholder {id} has changed its kind: in the source it is a pair around text, or a single mark, and in the translation the other."
                ));
            }
        }
    }
    Ok(out)
}

/// Writes every translation, stamped; the checks before made sure nothing is refused here but
/// the disk itself.
fn write_translations(
    done: &[(Known, BTreeMap<String, String>, usize)],
    on: Date,
) -> Result<Vec<Imported>, Diagnostic> {
    let mut written = Vec::new();
    for (n, (known, texts, units)) in done.iter().enumerate() {
        let text = known.cut.source.rebuild(texts);
        let (text, _) = stamped(&text, &known.translation, known.file, on)?;
        replace_file(&known.translation, text.as_bytes(), n)?;
        written.push(Imported {
            path: known.translation.clone(),
            source: known.file.to_path_buf(),
            units: *units,
        });
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The units of a one-paragraph body.
    fn units(body: &str) -> Vec<Unit> {
        Segmented::new("title: A\n", body, Path::new("a.nb.md"))
            .expect("segments")
            .units
    }

    fn parsed_target(xml_target: &str) -> Vec<Inline> {
        let xml = format!(
            "<xliff xmlns=\"{}\" version=\"2.0\" srcLang=\"nb\" trgLang=\"pl\"><file original=\"a\"><unit id=\"u\"><segment><source/><target>{xml_target}</target></segment></unit></file></xliff>",
            xliff::NAMESPACE
        );
        let doc = xliff::read(&xml, Path::new("x.xlf")).expect("read");
        let (target, _) = doc.files[0].units[0].target.clone().expect("target");
        target
    }

    #[test]
    fn every_placeholder_must_come_back_once_and_as_itself() {
        let unit = &units("Ring 112 eller se [legen](@/services/fastlege).\n")[1];
        let ok = parsed_target("Zadzwoń <ph id=\"1\"/> lub <pc id=\"2\">lekarz</pc>.");
        assert_eq!(
            restore(&ok, unit).as_deref(),
            Ok("Zadzwoń 112 lub [lekarz](@/services/fastlege).")
        );
        for (target, says) in [
            (
                "Zadzwoń <pc id=\"2\">lekarz</pc>.",
                "lacks the placeholder(s) 1 («112»)",
            ),
            ("<ph id=\"1\"/><ph id=\"1\"/><pc id=\"2\">x</pc>", "twice"),
            (
                "<ph id=\"1\"/><pc id=\"2\">x</pc><ph id=\"3\"/>",
                "placeholder 3 that the source does not have",
            ),
            ("<ph id=\"1\"/><ph id=\"2\"/>", "changed its kind"),
        ] {
            let why = restore(&parsed_target(target), unit).expect_err(target);
            assert!(why.contains(says), "{target}: {why}");
        }
    }

    #[test]
    fn an_earlier_translation_is_offered_with_the_sources_placeholder_ids() {
        let source = &units("Se [legen](@/x) og ring 112.\n")[1];
        let earlier = &units("Call 112 or see [the doctor](@/x).\n")[1];
        let offered = offer(source, earlier).expect("offered");
        assert_eq!(to_markdown(&offered), "Call 112 or see [the doctor](@/x).");
        let ids: Vec<&str> = offered
            .iter()
            .filter_map(|p| match p {
                Inline::Ph { id, .. } | Inline::Pc { id, .. } => Some(id.as_str()),
                Inline::Text(_) => None,
            })
            .collect();
        assert_eq!(ids, ["2", "1"]);
        let moved = &units("Call 113 or see [the doctor](@/x).\n")[1];
        assert!(
            offer(source, moved).is_none(),
            "a changed number is not offered"
        );
    }

    /// Seeded random damage to a valid file: reading and checking it may refuse, never panic.
    #[test]
    fn no_damaged_file_makes_the_import_panic() {
        let source = units("## Tittel\n\nRing +47 12 34 56 78 eller se *[legen](@/x)* `kode`.\n");
        let out: Vec<OutUnit> = source
            .iter()
            .map(|u| OutUnit {
                id: &u.id,
                source: &u.pieces,
                previous: Some(u.pieces.clone()),
            })
            .collect();
        let files = [OutFile {
            original: "demo/a.nb.md".into(),
            units: out,
        }];
        let valid = xliff::write("nb", "pl", &files);
        let chars: Vec<char> = valid.chars().collect();
        let mut rng = fastrand::Rng::with_seed(20);
        for _ in 0..2000 {
            let mut damaged = chars.clone();
            for _ in 0..rng.usize(1..4) {
                let at = rng.usize(0..damaged.len());
                let len = rng.usize(0..12).min(damaged.len() - at);
                match rng.u8(0..3) {
                    0 => drop(damaged.drain(at..at + len)),
                    1 => damaged.insert(at, ['<', '>', '&', '"', '/', 'é'][rng.usize(0..6)]),
                    _ => {
                        let copy: Vec<char> = damaged[at..at + len].to_vec();
                        damaged.splice(at..at, copy);
                    }
                }
            }
            let text: String = damaged.into_iter().collect();
            let Ok(doc) = xliff::read(&text, Path::new("x.xlf")) else {
                continue;
            };
            for unit in doc.files.iter().flat_map(|f| &f.units) {
                for s in &source {
                    let _ = restore(&unit.source, s);
                    if let Some((target, _)) = &unit.target {
                        let _ = restore(target, s);
                    }
                }
            }
        }
    }
}
