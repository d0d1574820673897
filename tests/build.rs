//! `torg build` run as a user runs it: the real binary on the fixture portal in `tests/fixtures/`,
//! and on copies of it broken in one way each.

mod common;

use std::fs;
use std::process::{Command, Output};

use common::{Project, copy_dir, repo, tree};

const LANGS: [&str; 5] = ["nb", "en", "pl", "lt", "ar"];

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn assert_ok(o: &Output) {
    assert_eq!(o.status.code(), Some(0), "build failed:\n{}", stderr(o));
}

#[test]
fn output_has_the_documented_layout() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let mut expected = vec![
        "index.html".to_string(),
        "demo/index.html".into(),
        "demo/sitemap.xml".into(),
        "demo/static/torg.css".into(),
        "demo/static/search.js".into(),
        "demo/pagefind/pagefind.js".into(),
        "demo/pagefind/pagefind-entry.json".into(),
    ];
    for lang in LANGS {
        expected.push(format!("demo/pagefind/wasm.{lang}.pagefind"));
        for page in [
            "index.html",
            "404.html",
            "plan/index.html",
            "plan/helse/index.html",
            "plan/arbeid/index.html",
            "glossary/index.html",
            "accessibility/index.html",
            "pages/om/index.html",
            "search/index.html",
            "services/fastlege/index.html",
            "services/helsestasjon/index.html",
            "services/norskkurs/index.html",
        ] {
            expected.push(format!("demo/{lang}/{page}"));
        }
        for c in ["settlement", "health", "schooling", "leisure", "work"] {
            expected.push(format!("demo/{lang}/category/{c}/index.html"));
        }
    }
    let files = tree(&p.path("public"));
    let missing: Vec<&String> = expected
        .iter()
        .filter(|f| !files.contains_key(*f))
        .collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
}

/// One index per language, holding the pages with text of their own: the services, the plan and
/// its themes, the glossary and the free page, not the lists (home, categories, search) or 404.
/// Of Pagefind's bundle only what search.js uses is published: no ready-made UI, no worker.
#[test]
fn the_search_index_has_each_language_and_only_the_files_search_uses() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let entry =
        fs::read_to_string(p.path("public/demo/pagefind/pagefind-entry.json")).expect("entry");
    let entry: serde_json::Value = serde_json::from_str(&entry).expect("json");
    for lang in LANGS {
        assert_eq!(entry["languages"][lang]["page_count"], 8, "{lang}: {entry}");
    }
    let files = tree(&p.path("public"));
    let bundle: Vec<&String> = files
        .keys()
        .filter(|f| f.starts_with("demo/pagefind/"))
        .collect();
    assert!(
        bundle
            .iter()
            .all(|f| !f.contains("-ui.") && !f.contains("worker")),
        "{bundle:?}"
    );
    // Every page links the search page from its header; the search page lists the services for
    // readers without JavaScript and loads search.js, which fetches the index on first use. Other
    // pages load only the offline script.
    // Programs only: the JSON-LD data block of home and service pages runs nothing.
    let scripts = |html: &str| {
        html.matches("<script").count()
            - html
                .matches(r#"<script type="application/ld+json">"#)
                .count()
    };
    let home = String::from_utf8_lossy(&files["demo/pl/index.html"]).to_string();
    assert!(
        home.contains(r#"<form role="search" class="search-box" action="/demo/pl/search/">"#),
        "{home}"
    );
    assert!(
        scripts(&home) == 1 && home.contains(r#"<script src="/demo/static/offline.js""#),
        "{home}"
    );
    let search = String::from_utf8_lossy(&files["demo/pl/search/index.html"]).to_string();
    assert!(
        search.contains(r#"data-bundle="/demo/pagefind/""#),
        "{search}"
    );
    assert!(search.contains(r#"<script type="module" src="/demo/static/search.js"></script>"#));
    assert_eq!(scripts(&search), 2, "{search}");
    assert!(
        search.contains(r#"href="/demo/pl/services/fastlege/""#),
        "{search}"
    );
    assert!(
        !search.contains("search-box"),
        "no second search box on the search page"
    );
}

#[test]
fn every_page_has_lang_dir_hreflang_and_canonical() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    for lang in LANGS {
        let dir = if lang == "ar" { "rtl" } else { "ltr" };
        for page in [
            "index.html",
            "services/fastlege/index.html",
            "plan/helse/index.html",
            "404.html",
        ] {
            let html = p.page(&format!("demo/{lang}/{page}"));
            assert!(
                html.contains(&format!(r#"<html lang="{lang}" dir="{dir}">"#)),
                "{lang}/{page}"
            );
            for other in LANGS {
                assert!(html.contains(&format!(r#"<link rel="alternate" hreflang="{other}" href="https://portal.example.org/demo/{other}/"#)), "{lang}/{page} lacks hreflang {other}");
            }
            assert!(
                html.contains(r#"hreflang="x-default" href="https://portal.example.org/demo/nb/"#),
                "{lang}/{page}"
            );
            assert!(
                html.contains(&format!(
                    r#"<link rel="canonical" href="https://portal.example.org/demo/{lang}/"#
                )),
                "{lang}/{page}"
            );
        }
    }
    let chooser = p.page("demo/index.html");
    for name in ["Norsk bokmål", "English", "Polski", "Lietuvių", "العربية"] {
        assert!(chooser.contains(name), "chooser lacks {name}");
    }
    assert!(chooser.contains(r#"<li lang="ar" dir="rtl">"#));
    assert!(!stderr(&p.build(&[])).contains("note: no base URL"));
    let sitemap = p.page("demo/sitemap.xml");
    assert!(sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="lt" href="https://portal.example.org/demo/lt/services/fastlege/"/>"#));
}

#[test]
fn language_switcher_links_the_same_page_in_each_language() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let html = p.page("demo/pl/services/fastlege/index.html");
    assert!(
        html.contains(
            r#"<a href="/demo/ar/services/fastlege/" lang="ar" hreflang="ar" dir="rtl">العربية</a>"#
        ),
        "{html}"
    );
    assert!(html.contains(r#"lang="pl" hreflang="pl" dir="ltr" aria-current="page">Polski</a>"#));
}

#[test]
fn missing_translation_shows_source_text_under_a_notice() {
    let p = Project::new();
    let out = p.build(&[]);
    assert_ok(&out);
    let html = p.page("demo/pl/services/helsestasjon/index.html");
    assert!(
        html.contains(
            r#"<p class="notice" role="note">Ta strona nie została jeszcze przetłumaczona"#
        ),
        "{html}"
    );
    // The text is marked as Norwegian; the facts between its title and its body are in Polish.
    assert!(
        html.contains("<div lang=\"nb\" dir=\"ltr\">\n<h1>Helsestasjon</h1>"),
        "{html}"
    );
    assert!(html.contains(r#"<section aria-labelledby="facts-h" class="facts-box">"#));
    let ar = p.page("demo/ar/services/helsestasjon/index.html");
    assert!(
        ar.contains(r#"<html lang="ar" dir="rtl">"#) && ar.contains(r#"<div lang="nb" dir="ltr">"#)
    );
    // The list on the category page marks the untranslated title too.
    let list = p.page("demo/pl/category/health/index.html");
    assert!(
        list.contains(
            r#"<li lang="nb" dir="ltr"><a href="/demo/pl/services/helsestasjon/">Helsestasjon</a>"#
        ),
        "{list}"
    );
    // A translated page has no notice.
    assert!(
        !p.page("demo/pl/services/fastlege/index.html")
            .contains("class=\"notice\"")
    );
    let err = stderr(&out);
    assert!(
        err.contains("warning[missing-translation]") && err.contains("helsestasjon.pl.md"),
        "{err}"
    );
}

#[test]
fn strict_mode_refuses_missing_translations() {
    let p = Project::new();
    let out = p.build(&["--strict"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("helsestasjon.pl.md"));
    assert!(!p.path("public").exists());
}

#[test]
fn plural_forms_are_right_in_each_language() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let count = |lang: &str, cat: &str| {
        let html = p.page(&format!("demo/{lang}/category/{cat}/index.html"));
        let start = html.find(r#"<p class="count">"#).expect("count") + 17;
        html[start..start + html[start..].find("</p>").expect("end")].to_string()
    };
    assert_eq!(count("pl", "health"), "2 usługi");
    assert_eq!(count("pl", "schooling"), "1 usługa");
    assert_eq!(count("lt", "health"), "2 paslaugos");
    assert_eq!(count("ar", "health"), "خدمتان");
    assert_eq!(count("ar", "schooling"), "خدمة واحدة");
    assert_eq!(count("nb", "health"), "2 tjenester");

    // 5 and 22 services in one category.
    for n in 1..=20 {
        p.write(
            &format!("content/demo/services/kurs-{n}.yaml"),
            "category: work\n",
        );
        p.write(
            &format!("content/demo/services/kurs-{n}.nb.md"),
            format!("---\ntitle: Kurs {n}\nsummary: Et kurs.\n---\nTekst.\n"),
        );
        if n == 5 {
            assert_ok(&p.build(&[]));
            assert_eq!(count("pl", "work"), "5 usług");
            assert_eq!(count("lt", "work"), "5 paslaugos");
            assert_eq!(count("ar", "work"), "5 خدمات");
        }
    }
    p.write("content/demo/services/x-1.yaml", "category: work\n");
    p.write(
        "content/demo/services/x-1.nb.md",
        "---\ntitle: X\nsummary: Y\n---\n",
    );
    p.write("content/demo/services/x-2.yaml", "category: work\n");
    p.write(
        "content/demo/services/x-2.nb.md",
        "---\ntitle: X2\nsummary: Y\n---\n",
    );
    assert_ok(&p.build(&[]));
    assert_eq!(count("pl", "work"), "22 usługi");
    assert_eq!(count("lt", "work"), "22 paslaugos");
    assert_eq!(count("ar", "work"), "22 خدمة");
    assert_eq!(count("en", "work"), "22 services");
}

#[test]
fn two_builds_are_byte_identical() {
    let p = Project::new();
    assert_ok(&p.build_into("one", &[]));
    assert_ok(&p.build_into("two", &[]));
    let (a, b) = (tree(&p.path("one")), tree(&p.path("two")));
    assert!(a.len() > 80);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (k, v) in &a {
        assert!(v == &b[k], "{k} differs between builds");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let before = tree(&p.path("public"));
    p.edit(
        "content/demo/services/fastlege.nb.md",
        "title: Fastlege",
        "title: Fastlege endret",
    );
    p.edit(
        "content/demo/services/norskkurs.yaml",
        "category: schooling",
        "category: skole",
    );
    let out = p.build(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("was not changed"));
    assert_eq!(
        tree(&p.path("public")),
        before,
        "output changed after a failed build"
    );
    let leftovers: Vec<_> = fs::read_dir(p.dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Fixed, the next build replaces the output.
    p.edit(
        "content/demo/services/norskkurs.yaml",
        "category: skole",
        "category: schooling",
    );
    assert_ok(&p.build(&[]));
    assert!(
        p.page("demo/nb/services/fastlege/index.html")
            .contains("Fastlege endret")
    );
}

#[test]
fn raw_html_is_escaped_and_no_isolation_marks_leak() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let html = p.page("demo/nb/services/fastlege/index.html");
    assert!(
        !html.contains("<script>") && html.contains("&lt;script&gt;"),
        "{html}"
    );
    for (name, bytes) in tree(&p.path("public")) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains('\u{2068}') && !text.contains('\u{2069}'),
            "{name} has Unicode isolation marks"
        );
    }
}

#[test]
fn contact_details_are_links_that_stay_left_to_right() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let html = p.page("demo/ar/services/fastlege/index.html");
    assert!(
        html.contains(r#"<a href="tel:+4712345679" dir="ltr">+47 12 34 56 79</a>"#),
        "{html}"
    );
    // In pieces that a narrow screen may wrap between, only after `@` and before a dot.
    assert!(
        html.contains(r#"<a href="mailto:lege@example.org" dir="ltr"><span>lege@</span><wbr><span>example</span><wbr><span>.org</span></a>"#),
        "{html}"
    );
    let home = p.page("demo/ar/index.html");
    for n in ["113", "112", "110", "116117"] {
        assert!(
            home.contains(&format!(r#"<a href="tel:{n}" dir="ltr">"#)),
            "home lacks {n}"
        );
    }
    assert!(home.contains("openstreetmap.org/search?query=Storgata%201%2C%209999%20Demoby"));
}

#[test]
fn facts_written_in_the_source_language_carry_its_lang() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    assert!(
        p.page("demo/pl/services/fastlege/index.html")
            .contains(r#"<dd lang="nb" dir="ltr">Demo legekontor</dd>"#)
    );
    assert!(
        p.page("demo/nb/services/fastlege/index.html")
            .contains("<dd>Demo legekontor</dd>")
    );
    let theme = p.page("demo/ar/plan/helse/index.html");
    assert!(
        theme.contains(r#"<span lang="nb" dir="ltr">Kapittel 3</span>"#),
        "{theme}"
    );
    assert!(
        theme.contains(r#"<dd lang="nb" dir="ltr">Helsetjenesten</dd>"#),
        "{theme}"
    );
}

#[test]
fn a_service_page_with_its_css_stays_under_30_kb() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    for lang in LANGS {
        let size = p
            .page(&format!("demo/{lang}/services/fastlege/index.html"))
            .len()
            + p.page("demo/static/torg.css").len();
        assert!(size < 30 * 1024, "{lang}: {size} bytes");
    }
}

/// site.yaml's logo, accent and website show whose portal it is: the logo beside the name with
/// its text in the page's language (the source language's, marked, where none is given), the
/// accent as the header's colour in the portal's stylesheet, the website in every page's footer.
#[test]
fn the_municipality_is_shown_by_its_logo_colour_and_website() {
    let p = Project::new();
    p.write(
        "content/demo/theme/static/våpen.svg",
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 12"><path d="M0 0h10v7l-5 5-5-5z" fill="#fff"/></svg>"##,
    );
    let site = fs::read_to_string(p.path("content/demo/site.yaml")).expect("site.yaml");
    p.write(
        "content/demo/site.yaml",
        format!("{site}  web: https://www.example.org/\naccent: DarkGreen\nlogo:\n  file: våpen.svg\n  alt:\n    nb: Demo kommunes våpen\n    ar: شعار بلدية ديمو\n"),
    );
    assert_ok(&p.build(&[]));
    for (lang, alt) in [
        ("nb", r#"alt="Demo kommunes våpen">"#),
        ("ar", r#"alt="شعار بلدية ديمو">"#),
        ("pl", r#"alt="Demo kommunes våpen" lang="nb" dir="ltr">"#),
    ] {
        for page in [
            "index.html",
            "services/fastlege/index.html",
            "search/index.html",
        ] {
            let html = p.page(&format!("demo/{lang}/{page}"));
            let shown =
                |text: &str| assert!(html.contains(text), "{lang}/{page} lacks {text}:\n{html}");
            shown(r#"<a class="site-name" href=""#);
            shown(&format!(r#"<img src="/demo/static/v%C3%A5pen.svg" {alt}"#));
            shown(r#"<a href="https://www.example.org/" dir="ltr">www.example.org</a></p>"#);
        }
    }
    assert!(p.path("public/demo/static/våpen.svg").is_file());
    let css = p.page("demo/static/torg.css");
    assert!(css.ends_with("\n:root { --brand: #006400; }\n"), "{css}");
}

/// Without them, nothing is left empty: no image, no colour rule, no website line.
#[test]
fn a_portal_without_logo_colour_or_website_shows_none_of_them() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let html = p.page("demo/nb/index.html");
    assert!(
        !p.page("demo/static/torg.css")
            .contains(":root { --brand: #")
    );
    for absent in ["<img", "Kommunens eget nettsted"] {
        assert!(!html.contains(absent), "{absent}:\n{html}");
    }
}

/// The list of portals belongs to none of them: it gets the stylesheet, not a portal's scripts
/// or service worker.
#[test]
fn the_list_of_portals_publishes_only_its_stylesheet() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let root: Vec<String> = tree(&p.path("public"))
        .into_keys()
        .filter(|f| !f.starts_with("demo/"))
        .collect();
    assert!(root.contains(&"static/torg.css".to_string()), "{root:?}");
    assert!(
        root.iter()
            .all(|f| f.starts_with("index.") || f == "static/torg.css" || f == ".torg-output"),
        "{root:?}"
    );
}

#[test]
fn a_light_accent_colour_is_refused_with_a_darker_shade_to_use() {
    assert_content_error(
        |p| {
            let site = fs::read_to_string(p.path("content/demo/site.yaml")).expect("site.yaml");
            p.write(
                "content/demo/site.yaml",
                format!("{site}accent: \"#ffcc00\"\n"),
            );
        },
        "content/demo/site.yaml",
        Some(9),
        "white text on it has a contrast of 1.5:1, and readers need at least 4.5:1 (WCAG 2.2, level AA).\n  how to fix: Use a darker shade, such as `\"#9d6c00\"`",
    );
}

/// The JSON-LD of a page's `<head>`, parsed.
fn structured_data(html: &str) -> serde_json::Value {
    let start = r#"<script type="application/ld+json">"#;
    let from = html.find(start).expect("a JSON-LD block") + start.len();
    let len = html[from..].find("</script>").expect("its end");
    serde_json::from_str(&html[from..from + len]).expect("JSON")
}

/// A service page describes the service with the facts the page shows, in its language; a text
/// shown untranslated, and facts written once in Norwegian, carry their own language.
#[test]
fn service_pages_describe_their_service_as_schema_org_json_ld() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let ar = structured_data(&p.page("demo/ar/services/fastlege/index.html"));
    assert_eq!(ar["@context"][1]["@language"], "ar");
    assert_eq!(ar["@type"], "GovernmentService");
    assert_eq!(
        ar["url"],
        "https://portal.example.org/demo/ar/services/fastlege/"
    );
    assert_eq!(ar["provider"]["name"]["@value"], "Demo legekontor");
    assert_eq!(ar["provider"]["name"]["@language"], "nb");
    let channel = &ar["availableChannel"];
    assert_eq!(channel["servicePhone"]["telephone"], "+47 12 34 56 79");
    assert_eq!(channel["servicePhone"]["email"], "lege@example.org");
    assert_eq!(
        channel["availableLanguage"].as_array().map(Vec::len),
        Some(3)
    );
    let hours = &ar["hoursAvailable"][0];
    assert_eq!(hours["dayOfWeek"][4], "https://schema.org/Friday");
    assert_eq!(
        (&hours["opens"], &hours["closes"]),
        (&"08:00".into(), &"15:30".into())
    );
    assert_eq!(ar["offers"]["price"], 200);
    // helsestasjon has no Polish text: its name is the Norwegian one, marked so.
    let pl = structured_data(&p.page("demo/pl/services/helsestasjon/index.html"));
    assert_eq!(pl["name"]["@language"], "nb", "{pl}");
    assert_eq!(pl["offers"]["price"], 0, "{pl}");
    // No contact of its own: the page gives the municipality's, and so does the JSON-LD.
    let phone = &pl["availableChannel"]["servicePhone"]["telephone"];
    assert_eq!(phone, "+47 12 34 56 78", "{pl}");
    let home = structured_data(&p.page("demo/nb/index.html"));
    assert_eq!(home["@type"], "GovernmentOrganization");
    assert_eq!(home["name"], "Demo kommune");
    assert_eq!(home["telephone"], "+47 12 34 56 78");
    let plan = p.page("demo/nb/plan/index.html");
    assert!(!plan.contains("application/ld+json"), "{plan}");
}

/// A translation stamped from an older source text tells its reader so, in their language, with a
/// link to the source-language page: which sections changed when only sections did, the whole
/// page when the title or summary did. Once marked up to date again, the notice goes.
#[test]
fn a_translation_behind_its_source_says_so_and_links_the_source() {
    let p = Project::new();
    let mark = || p.mark_translated("content/demo/services/fastlege.pl.md");
    mark();
    let page = || p.page("demo/pl/services/fastlege/index.html");
    let notice = r#"<div class="notice" role="note"><p>To tłumaczenie może być nieaktualne"#;
    // The day `mark` stamps (common::STAMP_DAY, 2026-03-04), in Polish.
    let made = "<p>Tłumaczenie przygotowano 4 marca 2026.</p>\n<p><a href";
    let link = r#"<p><a href="/demo/nb/services/fastlege/" hreflang="nb">Przeczytaj tekst źródłowy (język: Norsk bokmål)</a></p></div>"#;
    assert_ok(&p.build(&[]));
    assert!(!page().contains(notice));

    // A sentence under «Hva er det?»: the Polish section under its own heading is named.
    p.edit(
        "content/demo/services/fastlege.nb.md",
        "Alle har rett",
        "Alle som bor her har rett",
    );
    assert_ok(&p.build(&[]));
    let pl = page();
    assert!(
        pl.contains(notice) && pl.contains(link) && pl.contains(made),
        "{pl}"
    );
    assert!(
        pl.contains(
            "zmieniły się te części:</p>\n<ul><li><a href=\"#co-to-jest\">Co to jest?</a></li></ul>"
        ),
        "{pl}"
    );
    assert!(
        pl.contains(r#"<h2 id="co-to-jest">"#),
        "the link leads to the heading: {pl}"
    );
    // Not stamped: torg cannot tell, and says nothing.
    assert!(
        !p.page("demo/en/services/fastlege/index.html")
            .contains(r#"hreflang="nb">"#)
    );

    // The summary: the whole page is behind, no section is named.
    p.edit(
        "content/demo/services/fastlege.nb.md",
        "Legen din",
        "Fastlegen din",
    );
    assert_ok(&p.build(&[]));
    let pl = page();
    assert!(pl.contains(notice) && pl.contains(link), "{pl}");
    assert!(
        !pl.contains("te części") && !pl.contains("href=\"#co-to-jest\""),
        "{pl}"
    );
    assert!(pl.contains(made), "{pl}");

    mark();
    assert_ok(&p.build(&[]));
    assert!(!page().contains(notice));
}

/// Breaks the fixture in one way and checks the exit code and that the message names the file
/// (and the line, where one is given).
fn assert_content_error(setup: impl Fn(&Project), file: &str, line: Option<usize>, words: &str) {
    let p = Project::new();
    setup(&p);
    let out = p.build(&[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let position = match line {
        Some(l) => format!("{file}:{l}"),
        None => file.to_string(),
    };
    assert!(err.contains(&position), "expected {position} in:\n{err}");
    assert!(err.contains(words), "expected {words:?} in:\n{err}");
    assert!(err.contains("how to fix:"), "{err}");
    assert!(!p.path("public").exists());
}

#[test]
fn malformed_yaml_names_file_and_line() {
    assert_content_error(
        |p| {
            p.write(
                "content/demo/services/norskkurs.yaml",
                "category: schooling\ncontact: [unclosed\n",
            )
        },
        "services/norskkurs.yaml",
        Some(2),
        // A YAML error at the unclosed `[`.
        "error[yaml]: content/demo/services/norskkurs.yaml:2:10",
    );
}

#[test]
fn unknown_category_is_reported_with_allowed_values() {
    assert_content_error(
        |p| {
            p.edit(
                "content/demo/services/norskkurs.yaml",
                "category: schooling",
                "category: school",
            )
        },
        "services/norskkurs.yaml",
        Some(1),
        "Use one of: settlement, health, schooling, leisure, work",
    );
}

#[test]
fn unknown_language_in_site_or_file_name_is_reported() {
    assert_content_error(
        |p| {
            p.edit(
                "content/demo/site.yaml",
                "[nb, en, pl, lt, ar]",
                "[nb, en, xx]",
            )
        },
        "demo/site.yaml",
        None,
        "`xx` is not a language",
    );
    assert_content_error(
        |p| {
            p.write(
                "content/demo/services/norskkurs.se.md",
                "---\ntitle: A\nsummary: B\n---\n",
            )
        },
        "services/norskkurs.se.md",
        None,
        "`se` is not a language of this portal",
    );
}

#[test]
fn missing_required_field_is_reported() {
    assert_content_error(
        |p| {
            p.write(
                "content/demo/services/norskkurs.nb.md",
                "---\ntitle: Norskkurs\n---\nTekst.\n",
            )
        },
        "services/norskkurs.nb.md",
        Some(2),
        "The required field `summary` is missing",
    );
}

#[test]
fn misspelt_field_is_reported_with_its_line() {
    assert_content_error(
        |p| {
            p.edit(
                "content/demo/services/fastlege.yaml",
                "  email: lege@example.org",
                "  epost: lege@example.org",
            )
        },
        "services/fastlege.yaml",
        Some(6),
        "`epost` is not a field torg knows here",
    );
}

#[test]
fn duplicate_slug_is_reported() {
    assert_content_error(
        |p| {
            p.write(
                "content/demo/services/helse/fastlege.yaml",
                "category: health\n",
            );
            p.write(
                "content/demo/services/helse/fastlege.nb.md",
                "---\ntitle: A\nsummary: B\n---\n",
            );
        },
        "services/helse/fastlege",
        None,
        "is already used by",
    );
}

#[test]
fn invalid_utf8_names_file_and_line() {
    assert_content_error(
        |p| {
            p.write(
                "content/demo/pages/om.nb.md",
                b"---\ntitle: Om\n---\nLinje tre\nfeil \xff her\n",
            )
        },
        "pages/om.nb.md",
        Some(5),
        "not valid UTF-8",
    );
}

#[test]
fn file_in_unexpected_place_is_reported() {
    assert_content_error(
        |p| p.write("content/demo/notes.txt", "x"),
        "demo/notes.txt",
        None,
        "does not know what `notes.txt` is",
    );
    assert_content_error(
        |p| p.write("content/demo/pages/om.yaml", "title: x\n"),
        "pages/om.yaml",
        None,
        "not a name torg expects",
    );
}

#[test]
fn link_to_missing_page_names_file_and_line() {
    assert_content_error(
        |p| {
            p.edit(
                "content/demo/plan/plan.nb.md",
                "(@/plan/helse)",
                "(@/plan/helsa)",
            )
        },
        "plan/plan.nb.md",
        Some(8),
        "`@/plan/helsa` points to a page that does not exist",
    );
}

/// Addresses as comms staff paste them from the live portal, published at a base URL with a
/// path (`https://x.example/prefix/`), on lines 10 to 15 of the GP's Norwegian text; pages are
/// found with or without their final `/`.
const PASTED: &str = "[ordlisten](@/glossary#flyktning).

[In English](/prefix/demo/en/services/fastlege/#what-is-it),
[ordlisten](https://x.example/prefix/demo/nb/glossary/#flyktning),
[kontakt](/kontakt/)
![Kart](../../../static/kart.png)
![Kart](/prefix/demo/static/kart.png)
[planen](/prefix/demo/nb/plan) på [norsk](/prefix/demo/nb)";

#[test]
fn links_pasted_from_the_portal_are_checked_and_published_as_written() {
    let p = Project::new();
    let text = "content/demo/services/fastlege.nb.md";
    p.write("content/demo/theme/static/kart.png", "not really a PNG");
    p.edit(text, "[ordlisten](@/glossary#flyktning).", PASTED);
    let base = ["--base-url", "https://x.example/prefix/"];
    let built = p.build(&base);
    assert_ok(&built);
    let html = p.page("demo/nb/services/fastlege/index.html");
    for address in [
        r#"href="/prefix/demo/en/services/fastlege/#what-is-it""#,
        r#"href="https://x.example/prefix/demo/nb/glossary/#flyktning""#,
        r#"href="/kontakt/""#,
        r#"src="../../../static/kart.png""#,
    ] {
        assert!(html.contains(address), "{address} in {html}");
    }

    // Each link broken in the way a paste goes wrong; `/kontakt/` is outside the output folder,
    // which torg cannot see, so it is left alone.
    p.edit(text, "#what-is-it", "#hours");
    p.edit(text, "nb/glossary/", "nb/glosary/");
    p.edit(text, "../../../static/kart.png", "kart.png");
    p.edit(text, "static/kart.png)", "static/kart.jpg)");
    let out = p.build(&[&base[..], &["--format", "json"]].concat());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let found: Vec<(&str, u64)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            assert_eq!(d["file"], text);
            (
                d["code"].as_str().unwrap_or_default(),
                d["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("broken-anchor", 10),
            ("broken-link", 11),
            ("broken-link", 13),
            ("missing-static-file", 14),
        ]
    );
}

#[test]
fn a_web_address_without_its_scheme_is_reported_with_line() {
    assert_content_error(
        |p| {
            p.edit(
                "content/demo/services/fastlege.yaml",
                "  email: lege@example.org\n",
                "  email: lege@example.org\n  web: www.demolege.no\n",
            )
        },
        "services/fastlege.yaml",
        Some(7),
        "`www.demolege.no` is not a full web address",
    );
}

#[test]
fn unknown_measure_reference_is_reported_with_line() {
    assert_content_error(
        |p| {
            p.edit(
                "content/demo/services/fastlege.yaml",
                "measures: [helse/tolk]",
                "measures: [helse/tolke]",
            )
        },
        "services/fastlege.yaml",
        Some(15),
        "`helse/tolke` is not a measure of the plan",
    );
}

#[test]
fn all_errors_of_a_run_are_reported_together() {
    let p = Project::new();
    p.edit(
        "content/demo/services/norskkurs.yaml",
        "category: schooling",
        "category: school",
    );
    p.write("content/demo/stray.md", "x");
    p.edit(
        "content/demo/plan/plan.nb.md",
        "(@/plan/helse)",
        "(@/plan/nope)",
    );
    let out = p.build(&[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    for needle in ["norskkurs.yaml", "stray.md", "@/plan/nope"] {
        assert!(err.contains(needle), "{needle} missing from:\n{err}");
    }
    assert!(err.contains("build failed: 3 error(s)"), "{err}");
}

#[test]
fn garbage_input_never_panics() {
    let junk: [&[u8]; 6] = [
        b"\x00\x01\x02",
        b"---\n---\n",
        b"- [a, {b: }\n",
        b"category: [health\n",
        b":\n:\n:",
        b"---\ntitle: [\n---\n",
    ];
    for bytes in junk {
        for file in [
            "content/demo/site.yaml",
            "content/demo/services/fastlege.yaml",
            "content/demo/services/fastlege.nb.md",
            "content/demo/plan/plan.yaml",
        ] {
            let p = Project::new();
            p.write(file, bytes);
            let out = p.build(&[]);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{file} with {bytes:?}:\n{err}");
            assert!(
                !err.contains("panicked") && err.contains("error["),
                "{file}:\n{err}"
            );
        }
    }
}

#[test]
fn usage_errors_exit_with_2() {
    let p = Project::new();
    assert_eq!(p.build(&["--no-such-flag"]).status.code(), Some(2));
    let out = p.build(&["--site", "atlantis"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("atlantis"));
}

/// `--out` may name any folder, so every way of naming the project, one of its source folders, a
/// file or someone's folder is refused as a usage error before anything is written.
#[test]
fn output_folders_that_would_swallow_the_project_are_refused() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    p.write("out.txt", "a file");
    p.write("notes/keep.txt", "someone's notes");
    #[cfg(unix)]
    std::os::unix::fs::symlink("..", p.path("up")).expect("symlink");
    let name = p
        .dir
        .path()
        .file_name()
        .expect("name")
        .to_string_lossy()
        .to_string();
    let project = format!("../{name}");
    let snapshot = || {
        let files = ["out.txt", "notes/keep.txt"].map(|f| fs::read(p.path(f)).expect(f));
        (tree(&p.path("content")), tree(&p.path("public")), files)
    };
    let before = snapshot();
    for (out, words) in [
        (".", "is the folder torg runs in"),
        (project.as_str(), "is the folder torg runs in"),
        ("..", "contains the content folder `content`"),
        ("up", "contains the content folder `content`"),
        ("content", "is the content folder `content`"),
        (
            "content/demo/public",
            "is inside the content folder `content`",
        ),
        ("out.txt", "is a file, not a folder"),
        ("out.txt/public", "is a file, not a folder"),
        ("notes", "files that torg did not write"),
    ] {
        let o = p.build_into(out, &[]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "--out {out}:\n{err}");
        assert!(
            err.contains(&format!("error[usage]: {out}\n")),
            "--out {out}:\n{err}"
        );
        assert!(err.contains(words), "--out {out}:\n{err}");
        assert!(
            err.contains(&format!("{out} was not changed")),
            "--out {out}:\n{err}"
        );
        assert!(snapshot() == before, "--out {out} changed the project");
    }
    assert!(
        !p.path("../.torg-output").exists(),
        "nothing written above the project"
    );
}

/// A build killed mid-way (Ctrl-C) leaves its staging folder; the next build removes it.
#[test]
fn a_killed_builds_staging_folder_is_removed_by_the_next() {
    let p = Project::new();
    p.write(".public.staging-999999/.torg-output", "Written by torg\n");
    p.write(".public.staging-999999/demo/index.html", "half built");
    assert_ok(&p.build(&[]));
    let mut names: Vec<String> = fs::read_dir(p.dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["content", "public"]);
}

/// An output folder is replaced only when torg wrote it (its marker file) or it is empty.
#[test]
fn only_empty_folders_and_torgs_own_output_are_replaced() {
    let p = Project::new();
    fs::create_dir(p.path("empty")).expect("mkdir");
    assert_ok(&p.build_into("empty", &[]));
    let marker = fs::read_to_string(p.path("empty/.torg-output")).expect("marker");
    assert!(marker.starts_with("Written by torg"), "{marker}");
    p.write("empty/stray.html", "left over");
    assert_ok(&p.build_into("empty", &[]));
    assert!(
        !p.path("empty/stray.html").exists(),
        "torg's own output is replaced whole"
    );
    fs::remove_file(p.path("empty/.torg-output")).expect("rm marker");
    let o = p.build_into("empty", &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("Delete it yourself or choose another folder"));
    assert!(
        p.path("empty/index.html").exists(),
        "a folder torg did not mark is left alone"
    );
}

#[test]
fn a_site_can_override_templates_strings_and_static_files() {
    let p = Project::new();
    p.write(
        "content/demo/locales/en/site.ftl",
        "portal-tagline = Welcome to Demo\n",
    );
    p.write(
        "content/demo/theme/templates/404.html",
        "{% extends \"base.html\" %}{% block main %}<h1>Lost in Demo</h1>{% endblock main %}",
    );
    p.write("content/demo/theme/static/logo.svg", "<svg/>");
    assert_ok(&p.build(&[]));
    assert!(p.page("demo/en/index.html").contains("Welcome to Demo"));
    assert!(
        p.page("demo/nb/index.html")
            .contains("Informasjon for nye innbyggere")
    );
    assert!(p.page("demo/en/404.html").contains("<h1>Lost in Demo</h1>"));
    assert_eq!(p.page("demo/static/logo.svg"), "<svg/>");
}

#[test]
fn a_sixth_language_needs_only_ftl_files_and_content() {
    let p = Project::new();
    copy_dir(&repo().join("locales"), &p.path("locales"));
    p.edit("content/demo/site.yaml", "[nb, en, pl, lt, ar]", "[nb, uk]");
    p.write(
        "content/demo/services/fastlege.uk.md",
        "---\ntitle: Сімейний лікар (fastlege)\nsummary: Ваш лікар.\n---\nТекст.\n",
    );
    for lang in ["en", "pl", "lt", "ar"] {
        for f in [
            "services/fastlege",
            "services/helsestasjon",
            "plan/plan",
            "glossary/flyktning",
        ] {
            let _ = fs::remove_file(p.path(&format!("content/demo/{f}.{lang}.md")));
        }
    }
    let out = p.torg(&["build"]);
    assert_ok(&out);
    let html = p.page("demo/uk/services/fastlege/index.html");
    assert!(
        html.contains(r#"<html lang="uk" dir="ltr">"#) && html.contains("Сімейний лікар"),
        "{html}"
    );
    assert!(p.page("demo/index.html").contains("Українська"));
}

#[test]
fn a_language_missing_an_interface_string_is_an_error() {
    let p = Project::new();
    copy_dir(&repo().join("locales"), &p.path("locales"));
    let pl = fs::read_to_string(p.path("locales/pl/ui.ftl")).expect("pl");
    let without: String = pl
        .lines()
        .filter(|l| !l.starts_with("nav-glossary"))
        .map(|l| format!("{l}\n"))
        .collect();
    p.write("locales/pl/ui.ftl", without);
    let out = p.torg(&["build"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("locales/pl/ui.ftl") && err.contains("nav-glossary"),
        "{err}"
    );
}

#[test]
fn template_output_is_escaped() {
    let p = Project::new();
    p.edit(
        "content/demo/services/norskkurs.nb.md",
        "title: Norskkurs",
        "title: Norsk <b>kurs</b>",
    );
    assert_ok(&p.build(&[]));
    let html = p.page("demo/nb/services/norskkurs/index.html");
    assert!(
        html.contains("<h1>Norsk &lt;b&gt;kurs&lt;/b&gt;</h1>"),
        "{html}"
    );
}

/// The portals shipped in `content/` build with no warnings at all: every page translated.
#[test]
fn bundled_content_builds_strictly() {
    let out = tempfile::tempdir().expect("temp dir");
    let status = Command::new(env!("CARGO_BIN_EXE_torg"))
        .current_dir(repo())
        .args(["build", "--strict", "--out"])
        .arg(out.path().join("public"))
        .output()
        .expect("run torg");
    assert_ok(&status);
    let page = |rel: &str| fs::read_to_string(out.path().join("public").join(rel)).expect(rel);
    // Sandefjord has Ukrainian as a sixth language; the others stay five (and --strict means no
    // warning about it anywhere).
    let alternates = |html: &str| -> Vec<String> {
        html.match_indices(r#"<link rel="alternate" hreflang=""#)
            .map(|(i, m)| {
                html[i + m.len()..]
                    .split('"')
                    .next()
                    .unwrap_or("")
                    .to_string()
            })
            .collect()
    };
    let six = ["nb", "en", "pl", "lt", "ar", "uk", "x-default"];
    assert_eq!(
        alternates(&page("sandefjord/pl/services/jordmor/index.html")),
        six
    );
    assert_eq!(
        alternates(&page("halden/nb/index.html")),
        six.map(String::from)
            .into_iter()
            .filter(|l| l != "uk")
            .collect::<Vec<_>>()
    );
    let chooser = page("sandefjord/index.html");
    assert!(
        chooser.contains(r#"<li lang="uk" dir="ltr"><a href="/sandefjord/uk/" hreflang="uk"><strong>Українська</strong>"#),
        "{chooser}"
    );
    // The list of portals in every language any portal has, each a language choice away; a
    // portal without the language is named in its own, marked so.
    let list = page("index.uk.html");
    assert!(
        list.contains("<h1>Інформаційні портали комун</h1>")
            && list.contains(
                r#"<a href="/halden/" lang="nb" dir="ltr"><strong>Halden kommune</strong>"#
            )
            && list.contains(r#"<a href="/sandefjord/"><strong>Комуна Сандефьорд</strong>"#)
            && list.contains(
                r#"<a href="/index.ar.html" lang="ar" hreflang="ar" dir="rtl">العربية</a>"#
            ),
        "{list}"
    );
    assert!(page("index.html").contains(r#"<a href="/index.uk.html" lang="uk""#));
    assert!(page("index.ar.html").contains(
        r#"<a href="/halden/"><strong>بلدية هالدن <span lang="nb" dir="ltr">(Halden)</span></strong>"#
    ));
    let uk = page("sandefjord/uk/services/jordmor/index.html");
    assert!(
        uk.contains(r#"<html lang="uk" dir="ltr">"#) && uk.contains("Акушерка"),
        "{uk}"
    );
    assert!(!page("halden/index.html").contains("Українська"));
    for lang in LANGS {
        let home = fs::read_to_string(out.path().join(format!("public/narvik/{lang}/index.html")))
            .expect("home");
        assert!(
            home.contains(r#"href="tel:113""#),
            "{lang} home lacks emergency numbers"
        );
    }
}

#[test]
fn glossary_marks_each_untranslated_term() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let en = p.page("demo/en/glossary/index.html");
    assert!(
        en.contains(r#"<div id="flyktning"><dt>Refugee (flyktning)</dt>"#),
        "{en}"
    );
    assert!(!en.contains("class=\"notice\""));
    let pl = p.page("demo/pl/glossary/index.html");
    assert!(
        pl.contains(r#"<div id="flyktning" lang="nb" dir="ltr"><dt>Flyktning</dt>"#),
        "{pl}"
    );
    assert!(pl.contains("class=\"notice\""));
}

#[test]
fn a_site_accessibility_page_replaces_the_default_statement() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    assert!(
        p.page("demo/en/accessibility/index.html")
            .contains("WCAG 2.2")
    );
    p.write(
        "content/demo/pages/accessibility.nb.md",
        "---\ntitle: Tilgjengelighet i Demo\n---\nVi jobber med saken.\n",
    );
    assert_ok(&p.build(&[]));
    let html = p.page("demo/nb/accessibility/index.html");
    assert!(
        html.contains("<h1>Tilgjengelighet i Demo</h1>") && !html.contains("WCAG 2.2"),
        "{html}"
    );
    assert!(!p.path("public/demo/nb/pages/accessibility").exists());
}

#[test]
fn without_a_base_url_links_are_root_relative_and_a_note_says_so() {
    let p = Project::new();
    p.edit(
        "content/demo/site.yaml",
        "base_url: https://portal.example.org/demo/\n",
        "",
    );
    let out = p.build(&[]);
    assert_ok(&out);
    assert!(
        stderr(&out).contains("note: no base URL for demo"),
        "{}",
        stderr(&out)
    );
    let html = p.page("demo/en/index.html");
    assert!(
        html.contains(r#"<link rel="canonical" href="/demo/en/">"#),
        "{html}"
    );
    assert!(p.page("demo/sitemap.xml").contains("<loc>/demo/nb/</loc>"));
    // --base-url gives the address of the whole output folder.
    assert_ok(&p.build(&["--base-url", "https://example.org/portaler"]));
    let html = p.page("demo/en/index.html");
    assert!(
        html.contains(r#"<link rel="canonical" href="https://example.org/portaler/demo/en/">"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<link rel="stylesheet" href="/portaler/demo/static/torg.css">"#),
        "{html}"
    );
}

#[test]
fn a_base_url_that_does_not_end_in_the_portal_folder_is_reported() {
    assert_content_error(
        |p| {
            p.edit(
                "content/demo/site.yaml",
                "https://portal.example.org/demo/",
                "https://portal.example.org/",
            )
        },
        "demo/site.yaml",
        Some(4),
        "`base_url` must end with `/demo/`",
    );
    assert_content_error(
        |p| {
            p.edit(
                "content/demo/site.yaml",
                "https://portal.example.org/demo/",
                "JaVaScRiPt:alert(1)//demo/",
            )
        },
        "demo/site.yaml",
        Some(4),
        "`JaVaScRiPt:alert(1)//` is not a web address",
    );
}

/// Some plans state no period or status; the plan page then shows only what the plan says.
#[test]
fn plan_without_period_or_status() {
    let p = Project::new();
    p.edit(
        "content/demo/plan/plan.yaml",
        "period: 2020-2024\nstatus: consultation\n",
        "",
    );
    let out = p.build(&[]);
    assert_ok(&out);
    let page = p.page("demo/nb/plan/index.html");
    assert!(
        !page.contains("Planperiode") && !page.contains("Høringsutkast"),
        "{page}"
    );
    assert!(
        page.contains(r#"<p class="meta">"#),
        "the adoption date is still shown"
    );
}

#[test]
fn lists_and_kept_norwegian_names_follow_the_page_language() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let nb = p.page("demo/nb/services/fastlege/index.html");
    assert!(nb.contains("<dd>norsk, engelsk og arabisk</dd>"), "{nb}");
    let ar = p.page("demo/ar/services/fastlege/index.html");
    assert!(
        ar.contains("<dd>النرويجية والإنجليزية والعربية</dd>"),
        "{ar}"
    );
    // Latin words in Arabic text are Norwegian names: marked, with their brackets.
    assert!(
        ar.contains(r#"<span lang="nb" dir="ltr">(fastlege)</span>"#),
        "{ar}"
    );
    assert!(!nb.contains(r#"<span lang="nb""#));
}

/// The error lines (`error[code]: position`) of a failed build.
fn error_lines(err: &str) -> Vec<&str> {
    err.lines().filter(|l| l.starts_with("error[")).collect()
}

#[test]
fn a_template_error_in_a_portal_override_names_that_template() {
    assert_content_error(
        |p| {
            p.write(
                "content/demo/theme/templates/404.html",
                "{% extends \"base.html\" %}\n{% block main %}<h1>{{ title }</h1>{% endblock main %}",
            )
        },
        "content/demo/theme/templates/404.html",
        Some(2),
        "error[template]",
    );
}

#[test]
fn a_broken_fluent_override_is_one_error_in_that_file_before_rendering() {
    let cases = [
        (
            "nav-home = { nav-plan }\nnav-plan = { nav-home }\n",
            1,
            "refers to itself",
        ),
        (
            "nav-home = { nav-plan } { nav-plan } { nav-plan } { nav-plan } { nav-plan } { nav-plan }\n\
             nav-plan = { nav-glossary } { nav-glossary } { nav-glossary } { nav-glossary } { nav-glossary }\n\
             nav-glossary = { nav-label } { nav-label } { nav-label } { nav-label } { nav-label }\n",
            1,
            "expands into more than 100 other texts",
        ),
        (
            "nav-home = Hjem\nnav-hjemme = Hjem\n",
            2,
            "is not an interface text",
        ),
        ("municipality-name = { $kommune }\n", 1, "uses `$kommune`"),
        ("nav-home = { nav-hjem }\n", 1, "refers to `nav-hjem`"),
    ];
    for (ftl, line, words) in cases {
        let p = Project::new();
        p.write("content/demo/locales/nb/site.ftl", ftl);
        let out = p.build(&[]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(
            error_lines(&err),
            [format!(
                "error[{}]: content/demo/locales/nb/site.ftl:{line}",
                if words.starts_with("is not") || words.starts_with("uses") {
                    "ftl-override"
                } else {
                    "ftl-reference"
                }
            )],
            "{ftl}\n{err}"
        );
        assert!(err.contains(words), "{words:?} in:\n{err}");
    }
}

#[test]
fn yaml_errors_do_not_hide_markdown_errors_of_the_same_service() {
    let p = Project::new();
    p.edit(
        "content/demo/services/norskkurs.yaml",
        "category: schooling",
        "category: school",
    );
    let text =
        std::fs::read_to_string(p.path("content/demo/services/norskkurs.nb.md")).expect("read");
    let lines = text.lines().count();
    p.write(
        "content/demo/services/norskkurs.nb.md",
        format!("{text}\nSe [kurset](@/services/norskkurs-a2).\n"),
    );
    let err = stderr(&p.build(&[]));
    let errors = error_lines(&err);
    assert!(
        errors.iter().any(|l| l.contains("norskkurs.yaml:1")),
        "{err}"
    );
    let link = format!(
        "error[broken-link]: content/demo/services/norskkurs.nb.md:{}",
        lines + 2
    );
    assert!(errors.contains(&link.as_str()), "{link} in:\n{err}");
    assert_eq!(errors.len(), 2, "{err}");
}

#[test]
fn content_just_within_every_limit_builds() {
    use torg::limits::{
        MAX_FILE_BYTES, MAX_LINE_CHARS, MAX_NESTING, MAX_SUMMARY_CHARS, MAX_TITLE_CHARS,
    };
    let p = Project::new();
    let head = format!(
        "---\ntitle: {}\nsummary: {}\n---\n{}x\n\n{}\n\n",
        "T".repeat(MAX_TITLE_CHARS),
        "s".repeat(MAX_SUMMARY_CHARS),
        "> ".repeat(MAX_NESTING - 1),
        "ord ".repeat(MAX_LINE_CHARS / 4),
    );
    let paragraph = "Alle har rett til en fastlege.\n\n";
    let room = MAX_FILE_BYTES as usize - head.len();
    let body = paragraph.repeat(room / paragraph.len());
    p.write(
        "content/demo/services/fastlege.nb.md",
        format!("{head}{body}"),
    );
    assert_ok(&p.build(&[]));
    // One byte more than the file limit is refused, by size, naming the file.
    p.write(
        "content/demo/services/fastlege.nb.md",
        format!("{head}{body}{}", "x".repeat(room % paragraph.len() + 1)),
    );
    let err = stderr(&p.build(&[]));
    assert!(
        err.contains("error[too-large]: content/demo/services/fastlege.nb.md\n"),
        "{err}"
    );
}

#[test]
fn a_bare_plural_is_refused_alike_in_locales_and_in_an_override() {
    let bare = "services-count = { $count ->\n    [one] { $count } usługa\n   *[other] { $count } usług\n}\n";
    // In the shared locales.
    let p = Project::new();
    copy_dir(&repo().join("locales"), &p.path("locales"));
    let pl = fs::read_to_string(p.path("locales/pl/ui.ftl")).expect("pl");
    let line = pl
        .lines()
        .position(|l| l.starts_with("services-count"))
        .expect("services-count in pl")
        + 1;
    p.edit(
        "locales/pl/ui.ftl",
        "services-count = { PLURAL($count) ->",
        "services-count = { $count ->",
    );
    let shared = stderr(&p.torg(&["build"]));
    // In a portal's override, with the project's own locales untouched.
    let q = Project::new();
    q.write("content/demo/locales/pl/site.ftl", bare);
    let over = stderr(&q.build(&[]));
    let only_error = |err: &str| -> Vec<String> {
        err.split("\n\n")
            .filter(|b| b.contains("error["))
            .map(|b| b.lines().skip(2).collect::<Vec<_>>().join("\n"))
            .collect()
    };
    assert!(
        shared.contains(&format!("error[ftl-plural]: locales/pl/ui.ftl:{line}\n")),
        "{shared}"
    );
    assert!(
        over.contains("error[ftl-plural]: content/demo/locales/pl/site.ftl:1\n"),
        "{over}"
    );
    assert_eq!(only_error(&shared), only_error(&over));
}

/// The «start here» page: its steps in the order of start.yaml, each with whom it is for and
/// links to its services in the page's language; offered first on the home page.
#[test]
fn a_start_page_lists_its_steps_in_order_and_the_home_page_offers_it() {
    let p = Project::new();
    p.write(
        "content/demo/start/start.yaml",
        "steps:\n  - id: norsk\n    services: [norskkurs]\n    audience: [refugees]\n  - id: lege\n    services: [fastlege]\n",
    );
    p.write(
        "content/demo/start/start.nb.md",
        "---\ntitle: Start her\nsummary: De første stegene.\nsteps:\n  lege:\n    title: Få en fastlege\n    text: Alle får en fastlege.\n  norsk:\n    title: Lær norsk\n    text: Kurset starter tidlig.\n---\n",
    );
    p.write(
        "content/demo/start/start.en.md",
        "---\ntitle: Start here\nsummary: The first steps.\nsteps:\n  lege:\n    title: Get a GP\n    text: Everyone gets a GP.\n  norsk:\n    title: Learn Norwegian\n    text: The course starts early.\n---\n",
    );
    assert_ok(&p.build(&[]));
    let en = p.page("demo/en/start/index.html");
    let (norsk, lege) = (en.find("Learn Norwegian"), en.find("Get a GP"));
    assert!(
        norsk.is_some() && norsk < lege,
        "steps in start.yaml's order: {en}"
    );
    assert!(en.contains(r#"<dd>Refugees</dd>"#), "{en}");
    assert!(
        en.contains(r#"href="/demo/en/services/fastlege/">GP (fastlege)</a>"#),
        "{en}"
    );
    // Polish has no text: the nb text under the notice, marked as Norwegian.
    let pl = p.page("demo/pl/start/index.html");
    assert!(
        pl.contains(r#"<article lang="nb" dir="ltr">"#) && pl.contains("Lær norsk"),
        "{pl}"
    );
    let home = p.page("demo/en/index.html");
    let (start, categories) = (home.find("/demo/en/start/"), home.find("services-h"));
    assert!(
        start.is_some() && start < categories,
        "offered before the categories: {home}"
    );
}

/// Only categories that have services are offered on the home page: an empty one is a dead end.
#[test]
fn the_home_page_offers_only_categories_with_services() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let home = p.page("demo/nb/index.html");
    assert!(home.contains("/demo/nb/category/health/"), "{home}");
    assert!(!home.contains("/demo/nb/category/leisure/"), "{home}");
}

/// No dead ends on a service page: an unknown price says nothing; a service without contact
/// details of its own shows the municipality's (saying so), or else plainly whom to ask.
#[test]
fn a_service_without_facts_of_its_own_points_somewhere() {
    let p = Project::new();
    p.edit(
        "content/demo/services/norskkurs.yaml",
        "category: schooling",
        "category: schooling\nprovider: Demo voksenopplæring",
    );
    assert_ok(&p.build(&[]));
    let en = p.page("demo/en/services/norskkurs/index.html");
    let facts = &en[en.find("facts-box").expect("facts")..];
    assert!(!facts.contains("What does it cost?"), "{facts}");
    assert!(
        facts.contains(
            "This service has no contact details of its own here. Contact the municipality:"
        ) && facts.contains(r#"<a href="tel:+4712345678" dir="ltr">+47 12 34 56 78</a>"#),
        "{facts}"
    );
    // The facts come before the text.
    assert!(
        en.find("facts-box") < en.find("Kurset er for voksne"),
        "{en}"
    );
    p.write(
        "content/demo/site.yaml",
        "name: Demo\nlanguages: [nb, en, pl, lt, ar]\nbase_url: https://portal.example.org/demo/\n",
    );
    let out = p.build(&[]);
    assert_ok(&out);
    let nb = p.page("demo/nb/services/norskkurs/index.html");
    assert!(
        nb.contains("<p>Spør Demo voksenopplæring om denne tjenesten.</p>"),
        "{nb}"
    );
}

/// Long words get soft hyphens by the rules of the language they are in, so a phone breaks them
/// with a hyphen (search::page_text's test: the index has them whole).
#[test]
fn long_words_get_soft_hyphens_in_their_language() {
    let p = Project::new();
    p.edit(
        "content/demo/services/norskkurs.nb.md",
        "Kurset er for voksne.",
        "Kurset er en del av introduksjonsprogrammet.",
    );
    assert_ok(&p.build(&[]));
    let nb = p.page_as_written("demo/nb/services/norskkurs/index.html");
    assert!(
        nb.contains("in\u{ad}tro\u{ad}duk\u{ad}sjons\u{ad}pro\u{ad}gram\u{ad}met."),
        "{nb}"
    );
    // Not in <head>, where a title is not wrapped.
    assert!(!nb[..nb.find("</head>").expect("head")].contains('\u{ad}'));
}
