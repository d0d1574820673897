//! `torg check` as CI runs it: the fixture in `tests/fixtures/problems/` (an overlay on `basic`)
//! holds one instance of each problem the checks find; every one must be reported with its code,
//! file and line, in all three formats, with the right exit code. The console output of `check`
//! and `build` on that fixture is a reviewed snapshot in `tests/snapshots/`, because its wording is
//! what comms staff read: accept a change with `INSTA_UPDATE=always` and read the diff.

mod common;

use std::process::Output;

use common::{Project, assert_console, console};

const TODAY: &str = "2026-01-01";
const SERVICE_TEXT: &str = "content/demo/services/helsestasjon.nb.md";
const SERVICE_FACTS: &str = "content/demo/services/helsestasjon.yaml";

/// (severity, code, file, line) of each seeded problem, as it sits in the fixture's files.
const SEEDED: &[(&str, &str, &str, Option<u64>)] = &[
    ("error", "broken-link", SERVICE_TEXT, Some(7)),
    ("error", "broken-anchor", SERVICE_TEXT, Some(8)),
    ("warning", "image-alt", SERVICE_TEXT, Some(10)),
    // The same image's file does not exist either.
    ("error", "broken-link", SERVICE_TEXT, Some(10)),
    ("warning", "link-text", SERVICE_TEXT, Some(12)),
    ("warning", "heading-level", SERVICE_TEXT, Some(14)),
    ("warning", "table-header", SERVICE_TEXT, Some(16)),
    ("error", "unknown-measure", SERVICE_FACTS, Some(11)),
    ("error", "unsafe-url", SERVICE_FACTS, Some(6)),
    ("error", "invalid-phone", SERVICE_FACTS, None),
    ("error", "invalid-email", SERVICE_FACTS, None),
    ("error", "invalid-value", SERVICE_FACTS, None),
    ("warning", "stale-review", SERVICE_FACTS, None),
    ("warning", "plan-ended", "content/demo/plan/plan.yaml", None),
    (
        "warning",
        "measure-overdue",
        "content/demo/plan/themes/helse.yaml",
        None,
    ),
    (
        "warning",
        "missing-translation",
        "content/demo/services/helsestasjon.pl.md",
        None,
    ),
    ("error", "missing-static-file", SERVICE_TEXT, Some(20)),
    // Line 24 links to pages that exist by a root-relative and a relative address: no problem.
    ("error", "broken-link", SERVICE_TEXT, Some(26)),
    ("error", "broken-anchor", SERVICE_TEXT, Some(28)),
    ("error", "missing-static-file", SERVICE_TEXT, Some(30)),
    ("error", "unsafe-url", SERVICE_TEXT, Some(32)),
    // terms.yaml: the avoided «health centre» on its line, and two translations of a text that
    // speaks of a listed term without the agreed words (no line: the absence has none).
    (
        "warning",
        "term-avoided",
        "content/demo/services/fastlege.en.md",
        Some(7),
    ),
    (
        "warning",
        "term-not-used",
        "content/demo/services/fastlege.en.md",
        None,
    ),
    (
        "warning",
        "term-not-used",
        "content/demo/services/fastlege.pl.md",
        None,
    ),
    // Plain language: line 34 is one paragraph of two sentences, the first long and with long
    // words; the text as a whole is hard to read (no line: the whole text is).
    ("warning", "long-sentence", SERVICE_TEXT, Some(34)),
    ("warning", "long-paragraph", SERVICE_TEXT, Some(34)),
    ("warning", "long-word", SERVICE_TEXT, Some(34)),
    ("warning", "hard-to-read", SERVICE_TEXT, None),
    // Stamped with a fingerprint that is not the source's.
    (
        "warning",
        "outdated-translation",
        "content/demo/services/fastlege.pl.md",
        None,
    ),
];

fn check(p: &Project, args: &[&str]) -> Output {
    let locales = common::repo().join("locales");
    let locales = locales.to_str().expect("UTF-8 path");
    p.torg(&[&["check", "--today", TODAY, "--locales", locales], args].concat())
}

/// The diagnostics with `code` in a `--format json` run.
fn diagnostics_with(out: &Output, code: &str) -> Vec<serde_json::Value> {
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let all = json["diagnostics"].as_array().cloned().unwrap_or_default();
    all.into_iter().filter(|d| d["code"] == code).collect()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_string()
}

#[test]
fn json_names_code_file_line_site_and_language_of_every_problem() {
    let p = Project::from_fixture("problems");
    let out = check(&p, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "errors fail the check");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let found = json["diagnostics"].as_array().expect("diagnostics");
    for (severity, code, file, line) in SEEDED {
        let hit = found
            .iter()
            .find(|d| d["code"] == *code && d["file"] == *file && d["line"].as_u64() == *line);
        let d = hit.unwrap_or_else(|| panic!("{code} in {file}:{line:?} not reported"));
        assert_eq!(d["severity"], *severity, "{code}");
        assert_eq!(d["site"], "demo", "{code}");
        assert!(!d["message"].as_str().unwrap_or_default().is_empty());
        assert!(
            !d["hint"].as_str().unwrap_or_default().is_empty(),
            "{code} has a fix"
        );
    }
    let lang_of = |code: &str| {
        found
            .iter()
            .find(|d| d["code"] == code)
            .map(|d| d["lang"].clone())
    };
    assert_eq!(lang_of("broken-link"), Some("nb".into()));
    assert_eq!(lang_of("plan-ended"), Some(serde_json::Value::Null));
    let errors = SEEDED.iter().filter(|s| s.0 == "error").count();
    assert_eq!(
        json["summary"]["errors"], errors,
        "no errors but the seeded ones"
    );
    let static_errors = found
        .iter()
        .filter(|d| d["code"] == "missing-static-file")
        .count();
    assert_eq!(static_errors, 2, "the file that exists (kart.txt) is fine");
}

#[test]
fn human_output_is_grouped_by_file_with_a_fix() {
    let p = Project::from_fixture("problems");
    let out = check(&p, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(!err.contains('\x1b'), "no colour when not on a terminal");
    let group = err
        .split(&format!("\n{SERVICE_TEXT}\n"))
        .nth(1)
        .map(|group| format!("\n{group}"))
        .expect("a heading for the service text file");
    // A line may be followed by a column (`:11:5`); the text file's problems have none.
    let heading = |(severity, code, file, line): &(&str, &str, &str, Option<u64>)| match line {
        Some(line) => format!("\n{severity}[{code}]: {file}:{line}"),
        None => format!("\n{severity}[{code}]: {file}\n"),
    };
    for seeded in SEEDED.iter().filter(|s| s.2 == SERVICE_TEXT) {
        let at = heading(seeded);
        let at = if at.ends_with('\n') { at } else { at + "\n" };
        assert!(group.contains(&at), "{at} under its file heading");
    }
    for seeded in SEEDED {
        let at = heading(seeded);
        assert!(err.contains(&at), "{at}");
    }
    assert!(err.contains("how to fix: "));
    assert!(
        err.contains("check failed: 1 portal(s), 13 error(s)"),
        "{err}"
    );
}

#[test]
fn github_annotations_point_at_file_and_line() {
    let p = Project::from_fixture("problems");
    let out = check(&p, &["--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    let lines = text(&out.stdout);
    for (severity, code, file, line) in SEEDED {
        let mut start = format!("::{severity} file={file}");
        if let Some(line) = line {
            start.push_str(&format!(",line={line}"));
        }
        let hit = lines
            .lines()
            .find(|l| l.starts_with(&start) && l.contains(&format!("title=torg {code}::")));
        assert!(hit.is_some(), "{start} … {code}");
    }
    assert!(
        lines.lines().all(|l| l.starts_with("::")),
        "nothing but annotations on stdout"
    );
    assert!(lines.contains("%0AHow to fix: "), "newlines escaped");
}

/// How `check` words every seeded problem, in each of its formats: the tests above say that each
/// problem is found, these snapshots show how it is put to the person who must fix it.
#[test]
fn check_output_on_the_problems_fixture_as_written() {
    let p = Project::from_fixture("problems").with_env("NO_COLOR", "1");
    for format in ["human", "json", "github"] {
        let out = check(&p, &["--format", format]);
        assert_console(&format!("problems-check-{format}"), &console(&p, &out));
    }
}

/// How `build` words the same problems: all but the dated ones, under its own summary line.
#[test]
fn build_output_on_the_problems_fixture_as_written() {
    let p = Project::from_fixture("problems").with_env("NO_COLOR", "1");
    let out = p.build(&[]);
    assert_console("problems-build-human", &console(&p, &out));
}

#[test]
fn exit_codes_follow_strict() {
    let p = Project::new();
    let relaxed = check(&p, &[]);
    assert_eq!(relaxed.status.code(), Some(0), "{}", text(&relaxed.stderr));
    assert!(text(&relaxed.stderr).contains("warning[missing-translation]"));
    let strict = check(&p, &["--strict"]);
    assert_eq!(strict.status.code(), Some(1));
    assert!(text(&strict.stderr).contains("warnings count as errors with --strict"));
    let usage = check(&p, &["--format", "xml"]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn build_reports_the_same_problems_but_not_freshness_or_terms() {
    let p = Project::from_fixture("problems");
    let out = p.build(&["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let codes: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    for (_, code, _, _) in SEEDED {
        // Builds do not depend on the date; term renderings and plain language are advice for
        // `torg check`.
        let check_only = matches!(
            *code,
            "stale-review"
                | "plan-ended"
                | "measure-overdue"
                | "term-avoided"
                | "term-not-used"
                | "long-sentence"
                | "long-paragraph"
                | "long-word"
                | "hard-to-read"
        );
        assert_eq!(codes.contains(code), !check_only, "{code}");
    }
    assert!(!p.path("public").exists(), "nothing written");
}

#[test]
fn translations_table_and_marking_a_translation_up_to_date() {
    let p = Project::from_fixture("problems");
    let fixed = [
        (
            "content/demo/services/helsestasjon.yaml",
            "contact:\n  phone: \"12 34\"\n  email: post(at)demo.no\n  web: JaVaScRiPt:alert(document.cookie)\n",
            "",
        ),
        (
            "content/demo/services/helsestasjon.yaml",
            "opens: \"15:00\"",
            "opens: \"08:00\"",
        ),
        (
            "content/demo/services/helsestasjon.yaml",
            ", helse/finnes-ikke",
            "",
        ),
        (
            SERVICE_TEXT,
            "(@/services/finnes-ikke)",
            "(@/services/fastlege)",
        ),
        (SERVICE_TEXT, "#finnes-ikke", ""),
        (SERVICE_TEXT, "](kart.png)", "](@/static/kart.txt)"),
        (SERVICE_TEXT, "/finnes-ikke/)", "/fastlege/)"),
        (SERVICE_TEXT, "#finnes-ikke)", "#what-is-it)"),
        (SERVICE_TEXT, "/static/logo.png", "/static/kart.txt"),
        (
            SERVICE_TEXT,
            "javascript:alert(1)",
            "https://www.helsenorge.no/",
        ),
    ];
    let fixed = [
        fixed.as_slice(),
        &[(
            SERVICE_TEXT,
            "(@/static/brosjyre.pdf)",
            "(@/static/kart.txt)",
        )],
    ]
    .concat();
    for (file, from, to) in fixed {
        p.edit(file, from, to);
    }
    let translations = |extra: &[&str]| {
        let locales = common::repo().join("locales");
        let locales = locales.to_str().expect("UTF-8 path").to_string();
        p.torg(&[&["translations", "--locales", &locales], extra].concat())
    };
    // 8 text items: the plan, 2 themes, 3 services, 1 page, 1 glossary term; Polish has
    // only the GP service, stamped with a fingerprint that is not its source's.
    let table = translations(&[]);
    assert_eq!(table.status.code(), Some(0), "{}", text(&table.stderr));
    let table = text(&table.stdout);
    assert!(
        table.contains("| pl | 0 (0 %) | 1 (12 %) | 7 (87 %) |"),
        "{table}"
    );

    let built = p.build(&[]);
    assert_eq!(built.status.code(), Some(0), "{}", text(&built.stderr));
    assert!(
        p.page("demo/nb/services/helsestasjon/index.html")
            .contains(r#"href="/demo/static/kart.txt""#)
    );
    assert!(p.path("public/demo/static/kart.txt").is_file());

    let mark = translations(&["--mark", "content/demo/services/fastlege.pl.md"]);
    assert_eq!(mark.status.code(), Some(0), "{}", text(&mark.stderr));
    let table = text(&translations(&[]).stdout);
    assert!(
        table.contains("| pl | 1 (12 %) | 0 (0 %) | 7 (87 %) |"),
        "{table}"
    );

    p.edit(
        "content/demo/services/fastlege.nb.md",
        "## Hva er det?",
        "## Hva er en fastlege?",
    );
    let out = check(&p, &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let outdated: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "outdated-translation")
        .filter_map(|d| d["file"].as_str())
        .collect();
    // Unstamped translations (en, lt, ar) cannot be judged and are not reported.
    assert_eq!(outdated, ["content/demo/services/fastlege.pl.md"]);
}

/// A web server on 127.0.0.1 that answers 200 for `/ok` and 404 for anything else, counting
/// the requests it gets.
fn tiny_site() -> (u16, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{Read, Write};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let hits = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = std::sync::Arc::clone(&hits);
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            counter.fetch_add(1, Ordering::SeqCst);
            let mut buf = [0; 2048];
            let n = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]);
            let status = if request.contains(" /ok ") {
                "200 OK"
            } else {
                "404 Not Found"
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    (port, hits)
}

#[test]
fn external_links_are_checked_only_when_asked_and_network_errors_do_not_fail() {
    let (port, hits) = tiny_site();
    let unused = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("free port")
        .port();
    let p = Project::new();
    let file = "content/demo/services/fastlege.nb.md";
    let links = format!(
        "## Hva er det?\n\n[Gyldig](http://127.0.0.1:{port}/ok) [Borte](http://127.0.0.1:{port}/borte) [Nede](http://127.0.0.1:{unused}/)\n"
    );
    p.edit(file, "## Hva er det?\n", &links);

    let quiet = check(&p, &[]);
    assert_eq!(quiet.status.code(), Some(0));
    assert!(text(&quiet.stderr).contains("3 external link(s) not checked"));
    assert_eq!(
        hits.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "no request without --external"
    );

    let out = check(&p, &["--external", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "an unreachable site is not the content's fault"
    );
    let broken = diagnostics_with(&out, "broken-external-link");
    assert_eq!(broken.len(), 1, "{broken:?}");
    assert_eq!(broken[0]["file"], file);
    assert_eq!(broken[0]["line"], 7, "the line of the links");
    assert!(
        broken[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("/borte answers 404")
    );
    let listing = text(&out.stderr);
    assert!(
        listing.contains(&format!("200 http://127.0.0.1:{port}/ok")),
        "{listing}"
    );
    assert!(
        listing.contains(&format!("--- http://127.0.0.1:{unused}/ (not reachable")),
        "{listing}"
    );
}

#[test]
fn links_typed_into_templates_are_checked_in_the_rendered_pages() {
    let p = Project::new();
    let page = std::fs::read_to_string(common::repo().join("themes/default/templates/page.html"))
        .expect("default template");
    let broken = page.replace(
        "<h1>{{ title }}</h1>",
        "<h1>{{ title }}</h1><a href=\"/demo/nb/kontakt/\">Kontakt</a><a href=\"/demo/nb/glossary/#x\">Ord</a>",
    );
    p.write("content/demo/theme/templates/page.html", broken);
    let out = check(&p, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let found = diagnostics_with(&out, "broken-template-link");
    assert_eq!(
        found.len(),
        1,
        "only the page that does not exist: {found:?}"
    );
    assert_eq!(found[0]["file"], "content/demo/theme/templates");
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("`/demo/nb/kontakt/`")
    );
}

/// The limits are the portal's own: raised in site.yaml, the same text passes; the readability
/// figure is printed either way.
#[test]
fn plain_language_limits_come_from_site_yaml() {
    let p = Project::from_fixture("problems");
    let plain = [
        "long-sentence",
        "long-paragraph",
        "long-word",
        "hard-to-read",
    ];
    let found = |out: &Output| -> Vec<&str> {
        plain
            .into_iter()
            .filter(|code| !diagnostics_with(out, code).is_empty())
            .collect()
    };
    let out = check(&p, &["--format", "json"]);
    assert_eq!(found(&out), plain);
    let site = std::fs::read_to_string(p.path("content/demo/site.yaml")).expect("site.yaml");
    p.write(
        "content/demo/site.yaml",
        format!("{site}plain_language:\n  max_sentence_words: 80\n  max_paragraph_words: 200\n  max_word_letters: 30\n  max_lix: 70\n"),
    );
    let out = check(&p, &["--format", "json"]);
    assert!(found(&out).is_empty(), "{}", text(&out.stdout));
    assert!(
        text(&out.stderr)
            .contains("note: readability of demo (LIX, median and range per language): nb 56"),
        "{}",
        text(&out.stderr)
    );
}
