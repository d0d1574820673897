//! `torg translations export` and `import` (docs/content.md, «Working with a translation
//! agency») on the `exchange` fixture: only missing and outdated texts go out, with what a
//! translator must keep as placeholders; a file translated with a real translation tool's library
//! (translate-toolkit, which tests/run.sh installs) comes back byte-identical to the translation
//! written by hand; and a broken file is refused with its line, writing nothing. The console output
//! of those refusals is a reviewed snapshot (`tests/snapshots/translations-import-errors.snap`).

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::{Project, STAMP_DAY, assert_console, console, repo, tree, venv_python};

const TANNLEGE: &str = "content/demo/services/tannlege.pl.md";

/// `torg translations ARGS` with the repository's interface texts.
fn translations(p: &Project, args: &[&str]) -> Output {
    let locales = repo().join("locales");
    let locales = locales.to_str().expect("UTF-8 path");
    p.torg(&[&["translations"], args, &["--locales", locales]].concat())
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

/// Exports `lang` into `<lang>.xlf` and returns the file's text.
fn export(p: &Project, lang: &str) -> String {
    let file = format!("{lang}.xlf");
    let out = translations(p, &["export", "--lang", lang, "--out", &file]);
    assert!(out.status.success(), "{}", stderr(&out));
    fs::read_to_string(p.path(&file)).expect("exported file")
}

/// The `<file>` element of `xliff` whose source is `original`.
fn file_part<'a>(xliff: &'a str, original: &str) -> &'a str {
    let start = xliff
        .find(&format!("original=\"{original}\""))
        .unwrap_or_else(|| panic!("{original} is not in the export"));
    let end = start + xliff[start..].find("</file>").expect("closed file");
    &xliff[start..end]
}

#[test]
fn export_holds_only_missing_and_outdated_texts_with_placeholders() {
    let p = Project::from_fixture("exchange");
    let en = export(&p, "en");
    // fastlege, helsestasjon, plan and flyktning have their English translation.
    for translated in [
        "services/fastlege",
        "services/helsestasjon",
        "plan/plan",
        "glossary/flyktning",
    ] {
        assert!(
            !en.contains(&format!("demo/{translated}.nb.md")),
            "{translated} is translated:\n{en}"
        );
    }
    assert!(
        file_part(&en, "demo/services/norskkurs.nb.md")
            .contains("<source>Kurset er for voksne.</source>")
    );
    assert!(en.contains("srcLang=\"nb\" trgLang=\"en\""));

    let pl = export(&p, "pl");
    let tannlege = file_part(&pl, "demo/services/tannlege.nb.md");
    for kept in [
        "<ph id=\"4\" disp=\"+47 12 34 56 80\"/>",
        "<pc id=\"5\" dispStart=\"[\" dispEnd=\"](@/services/helsestasjon)\">helsestasjonen</pc>",
        "<pc id=\"2\" dispStart=\"**\" dispEnd=\"**\">gratis</pc>",
        "<ph id=\"1\" disp=\"`BankID`\"/>",
        "<pc id=\"1\" dispStart=\"[\" dispEnd=\"](@/glossary#flyktning)\">ordlisten</pc>",
        "<source>Møt opp kl. <ph id=\"1\" disp=\"08:00\"/>.</source>",
    ] {
        assert!(tannlege.contains(kept), "{kept} not in:\n{tannlege}");
    }
    assert!(
        !pl.contains("demo/services/fastlege.nb.md"),
        "fastlege.pl.md is up to date"
    );
}

#[test]
fn an_outdated_translation_goes_out_with_its_earlier_text_to_review() {
    let p = Project::from_fixture("exchange");
    p.mark_translated("content/demo/services/fastlege.pl.md");
    p.edit(
        "content/demo/services/fastlege.nb.md",
        "når du er syk",
        "når du blir syk",
    );
    let pl = export(&p, "pl");
    let fastlege = file_part(&pl, "demo/services/fastlege.nb.md");
    assert!(
        fastlege.contains("<segment state=\"initial\">\n        <source>Fastlege</source>\n        <target>Lekarz rodzinny (fastlege)</target>"),
        "{fastlege}"
    );
    let everything_else = file_part(&pl, "demo/services/tannlege.nb.md");
    assert!(!everything_else.contains("<target>"));
}

#[test]
fn only_the_changed_sections_of_an_outdated_text_go_out_and_the_rest_is_kept() {
    let p = Project::from_fixture("exchange");
    let hand = hand_translation(&p);
    p.edit(
        "content/demo/services/tannlege.nb.md",
        "Bestill time.",
        "Bestill en time.",
    );

    let pl = export(&p, "pl");
    let tannlege = file_part(&pl, "demo/services/tannlege.nb.md");
    assert!(
        !tannlege.contains("fm.title"),
        "the front matter did not change:\n{tannlege}"
    );
    assert!(
        tannlege.contains("<segment state=\"initial\">\n        <source>Bestill en time.</source>\n        <target>Umów wizytę.</target>"),
        "{tannlege}"
    );
    let reviewed = pl
        .replace("state=\"initial\"", "state=\"translated\"")
        .replace(
            "<target>Umów wizytę.</target>",
            "<target>Umów się na wizytę.</target>",
        );
    p.write("pl.xlf", reviewed);
    let out = translations(&p, &["import", "pl.xlf", "--today", STAMP_DAY]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = fs::read_to_string(p.path(TANNLEGE)).expect("written");
    let unstamped = |t: &str| {
        t.lines()
            .filter(|l| !l.starts_with("translated_from:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        unstamped(&written),
        unstamped(&hand).replace("Umów wizytę.", "Umów się na wizytę.")
    );
    let check = p.torg(&[
        "check",
        "--locales",
        repo().join("locales").to_str().expect("UTF-8"),
    ]);
    assert!(
        !stderr(&check).contains("tannlege.pl.md"),
        "{}",
        stderr(&check)
    );
}

#[test]
fn a_file_translated_with_translate_toolkit_imports_byte_identical_to_the_hand_translation() {
    let p = Project::from_fixture("exchange");
    let by_hand = hand_translation(&p);
    fs::remove_file(p.path(TANNLEGE)).expect("remove");

    export(&p, "pl");
    p.write("pl.json", TRANSLATOR_WORK);
    let said = translate_toolkit(&p.path("pl.xlf"), &p.path("pl.json"));
    assert_eq!(said.trim(), "translated 9 unit(s) with translate-toolkit");

    let out = translations(&p, &["import", "pl.xlf", "--today", STAMP_DAY]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("wrote content/demo/services/tannlege.pl.md (9 segment(s))"));
    assert!(stderr(&out).contains("note: demo/pages/om.nb.md has no translated segment"));
    let imported = fs::read(p.path(TANNLEGE)).expect("imported");
    assert_eq!(
        String::from_utf8(imported).expect("UTF-8"),
        by_hand,
        "not byte-identical"
    );

    let built = p.build(&[]);
    assert!(built.status.success(), "{}", stderr(&built));
    let page = p.page("demo/pl/services/tannlege/index.html");
    assert!(page.contains("Przyjdź o 08:00."), "{page}");
    let status = translations(&p, &[]);
    assert!(
        String::from_utf8_lossy(&status.stdout).contains("| pl | 2 (22 %) | 0 (0 %) | 7 (77 %) |")
    );
}

/// Puts the hand-written Polish tannlege into the project, stamped as up to date, and returns it.
fn hand_translation(p: &Project) -> String {
    let hand = repo().join("tests/fixtures/exchange/hand/tannlege.pl.md");
    fs::copy(hand, p.path(TANNLEGE)).expect("copy");
    p.mark_translated(TANNLEGE);
    fs::read_to_string(p.path(TANNLEGE)).expect("read")
}

/// What the translator typed in the tool for tannlege: `{n}` is the source's placeholder n,
/// `{n}…{/n}` its pair n around translated text.
const TRANSLATOR_WORK: &str = r#"{"demo/services/tannlege.nb.md": {
  "fm.title": "Dentysta",
  "fm.summary": "Bezpłatny dentysta dla dzieci i młodzieży poniżej {1} lat.",
  "body.1": "Co to jest?",
  "body.2": "Dzieci i młodzież poniżej {1} lat mają {2}bezpłatne{/2} leczenie zębów. Zadzwoń do {3}kliniki{/3} pod numer {4} lub zobacz {5}przychodnię{/5}.",
  "body.3": "Zabierz ze sobą:",
  "body.4.1": "kartę bankową lub {1}",
  "body.4.2": "tłumacza, jeśli go potrzebujesz ({1}słowniczek{/1})",
  "body.5.1": "Umów wizytę.",
  "body.5.2": "Przyjdź o {1}."
}}"#;

/// Runs `tests/exchange/translator.py` with translate-toolkit's virtual environment. A missing
/// toolkit is a failure, never a reason to skip: run tests/run.sh, which installs it.
fn translate_toolkit(xliff: &Path, work: &Path) -> String {
    let out = Command::new(venv_python("translate"))
        .arg(repo().join("tests/exchange/translator.py"))
        .args([xliff, work])
        .output()
        .expect("run translator.py");
    assert!(
        out.status.success(),
        "translator.py failed:\n{}",
        stderr(&out)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// `xliff` with every unit «translated» as its own source text: a valid file to break.
fn translated_as_source(xliff: &str) -> String {
    let mut out = String::new();
    for line in xliff.split_inclusive('\n') {
        out.push_str(line);
        if let Some(source) = line.trim().strip_prefix("<source>") {
            let text = source.trim_end_matches("</source>");
            out.push_str(&format!("        <target>{text}</target>\n"));
        }
    }
    out
}

#[test]
fn a_valid_file_writes_every_text_it_completes_stamped() {
    let p = Project::from_fixture("exchange");
    let xliff = translated_as_source(&export(&p, "pl"));
    p.write("pl.xlf", &xliff);
    let out = translations(&p, &["import", "pl.xlf", "--today", STAMP_DAY]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written = fs::read_to_string(p.path("content/demo/plan/plan.pl.md")).expect("written");
    assert!(written.starts_with("---\ntranslated_from: "), "{written}");
    assert!(
        written.ends_with("---\nPlanen har to [innsatsområder](@/plan/helse).\n"),
        "{written}"
    );
    let status = translations(&p, &[]);
    assert!(
        String::from_utf8_lossy(&status.stdout).contains("| pl | 9 (100 %) | 0 (0 %) | 0 (0 %) |")
    );
}

#[test]
fn import_refuses_a_broken_file_with_its_line_and_writes_nothing() {
    let p = Project::from_fixture("exchange").with_env("NO_COLOR", "1");
    let valid = translated_as_source(&export(&p, "pl"));
    let phone = "<ph id=\"4\" disp=\"+47 12 34 56 80\"/>";
    let target_with_phone = |to: &str| {
        let at = valid.find("<target>Barn og unge").expect("target");
        let end = at + valid[at..].find("</target>").expect("end");
        format!(
            "{}{}{}",
            &valid[..at],
            valid[at..end].replacen(phone, to, 1),
            &valid[end..]
        )
    };
    let cases = [
        ("a placeholder missing", target_with_phone("")),
        (
            "an extra placeholder",
            target_with_phone(&format!("{phone}<ph id=\"9\" disp=\"x\"/>")),
        ),
        (
            "a pair turned into a single mark",
            target_with_phone("<pc id=\"4\">+47</pc>"),
        ),
        (
            "the wrong language",
            valid.replacen("trgLang=\"pl\"", "trgLang=\"de\"", 1),
        ),
        (
            "an unknown segment",
            valid.replacen("<unit id=\"body.3\">", "<unit id=\"body.9\">", 1),
        ),
        (
            "a file outside the content",
            valid.replacen(
                "original=\"demo/pages/om.nb.md\"",
                "original=\"demo/../../etc/passwd\"",
                1,
            ),
        ),
        ("malformed XML", valid.replacen("</target>", "", 1)),
        (
            "a segment that would turn into a list",
            valid.replacen("<target>Ta med:", "<target>- Ta med:", 1),
        ),
        (
            "an earlier translation not confirmed",
            valid.replacen("<segment>", "<segment state=\"initial\">", 1),
        ),
    ];
    let before = tree(&p.path("content"));
    let mut shown = String::new();
    for (case, xliff) in cases {
        p.write("pl.xlf", &xliff);
        let out = translations(&p, &["import", "pl.xlf", "--today", STAMP_DAY]);
        assert_eq!(out.status.code(), Some(1), "{case}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("pl.xlf:"),
            "{case} names no line: {}",
            stderr(&out)
        );
        assert!(
            tree(&p.path("content")) == before,
            "{case}: something was written"
        );
        shown.push_str(&format!("=== {case}\n{}\n", console(&p, &out)));
    }
    assert_console("translations-import-errors", &shown);
}
