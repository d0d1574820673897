//! The open-data export (docs/data.md) as a harvester reads it: the services checked by a real
//! SHACL validator (pyshacl, which tests/run.sh installs) against the shapes CPSV-AP 3.2.0
//! publishes (tests/shacl/), the measures counted against the README, and the links, sitemap
//! and licence around them.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::{Project, repo, tree, venv_python};

const SHAPES: &str = "tests/shacl/cpsv-ap-3.2.0-SHACL.ttl";
const BASE: &str = "https://kommune.example.org/portaler/";

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

fn assert_ok(o: &Output) {
    assert_eq!(o.status.code(), Some(0), "build failed:\n{}", stderr(o));
}

/// The bundled portals (content/), built once with a base URL for every test that reads them.
fn bundled() -> &'static Path {
    static BUILT: OnceLock<tempfile::TempDir> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let dir = tempfile::tempdir().expect("temp dir");
            let root = repo();
            let out = Command::new(env!("CARGO_BIN_EXE_torg"))
                .arg("build")
                .arg("--content")
                .arg(root.join("content"))
                .arg("--themes")
                .arg(root.join("themes"))
                .arg("--locales")
                .arg(root.join("locales"))
                .arg("--out")
                .arg(dir.path().join("public"))
                .args(["--base-url", BASE])
                .output()
                .expect("run torg");
            assert_ok(&out);
            dir
        })
        .path()
}

/// The portals of the README's «Bundled portals» table, each with its count of measures.
fn readme_measures() -> Vec<(String, usize)> {
    let readme = fs::read_to_string(repo().join("README.md")).expect("README.md");
    let table = readme
        .split("## Bundled portals")
        .nth(1)
        .expect("a «Bundled portals» section");
    let mut lines = table
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'));
    let header: Vec<&str> = cells(lines.next().expect("a table"));
    let column = header
        .iter()
        .position(|c| *c == "measures")
        .expect("a «measures» column");
    lines
        .skip(1)
        .map(|l| {
            let row = cells(l);
            let count = row[column].parse().expect("a number of measures");
            (row[0].to_lowercase(), count)
        })
        .collect()
}

fn cells(line: &str) -> Vec<&str> {
    line.trim_matches('|').split('|').map(str::trim).collect()
}

/// Runs `tests/shacl/check.py` with the virtual environment's Python. A missing validator is a
/// failure, never a reason to skip: run tests/run.sh, which installs it.
fn pyshacl(args: &[&Path]) -> String {
    let out = Command::new(venv_python("pyshacl"))
        .arg(repo().join("tests/shacl/check.py"))
        .args(args)
        .output()
        .expect("run pyshacl");
    assert!(out.status.success(), "check.py failed:\n{}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn validate(files: &[PathBuf]) -> String {
    let shapes = repo().join(SHAPES);
    let args: Vec<&Path> = [Path::new("validate"), &shapes]
        .into_iter()
        .chain(files.iter().map(PathBuf::as_path))
        .collect();
    pyshacl(&args)
}

#[test]
fn every_bundled_portal_exports_services_that_conform_to_cpsv_ap_in_both_formats() {
    let public = bundled().join("public");
    for (portal, _) in readme_measures() {
        let data = public.join(&portal).join("data");
        let (ttl, jsonld) = (data.join("services.ttl"), data.join("services.jsonld"));
        let report = validate(&[ttl.clone(), jsonld.clone()]);
        for file in [&ttl, &jsonld] {
            let verdict = format!("{}: conforms", file.display());
            assert!(report.contains(&verdict), "{portal}:\n{report}");
        }
        let same = pyshacl(&[Path::new("same"), &ttl, &jsonld]);
        assert_eq!(same.trim(), "isomorphic", "{portal}");
        let turtle = fs::read_to_string(&ttl).expect("services.ttl");
        assert!(
            turtle.contains(&format!("<{BASE}{portal}/data/services#service-")),
            "{portal}: services are named below the portal's address"
        );
        assert!(
            turtle.contains("<https://data.norge.no/nlod/no/2.0>"),
            "{portal}"
        );
    }
}

#[test]
fn a_service_without_a_name_is_reported_by_the_validator() {
    let data = bundled().join("public/halden/data");
    let turtle = fs::read_to_string(data.join("services.ttl")).expect("services.ttl");
    // The first service's block, whose statements are indented below its name, without its titles.
    let mut in_service = false;
    let mut subject = String::new();
    let broken: Vec<&str> = turtle
        .lines()
        .filter(|line| {
            if !line.starts_with('\t') {
                let first = subject.is_empty() && line.contains("#service-");
                in_service = first && line.contains("cpsv:PublicService");
                if in_service {
                    subject = line.split(' ').next().unwrap_or_default().to_string();
                }
            }
            !(in_service && line.trim_start().starts_with("dct:title "))
        })
        .collect();
    assert!(!subject.is_empty(), "no service in:\n{turtle}");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("broken.ttl");
    fs::write(&file, broken.join("\n")).expect("write");
    let report = validate(std::slice::from_ref(&file));
    assert!(
        report.contains(&format!("{}: does not conform", file.display())),
        "{report}"
    );
    let iri = subject.trim_matches(['<', '>']);
    let violation = format!("violation: {iri} http://purl.org/dc/terms/title");
    assert!(report.contains(&violation), "{report}");
}

#[test]
fn the_measures_of_every_bundled_portal_are_those_the_readme_counts() {
    let public = bundled().join("public");
    let expected = readme_measures();
    assert_eq!(expected.len(), 5, "{expected:?}");
    for (portal, count) in expected {
        let data = public.join(&portal).join("data");
        let mut csv = csv::Reader::from_path(data.join("measures.csv")).expect("measures.csv");
        let rows: Vec<csv::StringRecord> = csv.records().map(|r| r.expect("a row")).collect();
        assert_eq!(rows.len(), count, "{portal}: rows of measures.csv");
        let header = csv.headers().expect("header").clone();
        let text_nb = header.iter().position(|h| h == "text_nb").expect("text_nb");
        assert!(rows.iter().all(|r| !r[text_nb].is_empty()), "{portal}");
        let json: serde_json::Value =
            serde_json::from_slice(&fs::read(data.join("measures.json")).expect("measures.json"))
                .expect("JSON");
        let measures = json["measures"].as_array().expect("measures");
        assert_eq!(measures.len(), count, "{portal}: measures of measures.json");
        assert_eq!(json["licence"], "https://data.norge.no/nlod/no/2.0");
    }
}

#[test]
fn the_exports_hold_the_facts_of_the_content_and_its_date() {
    let p = Project::new();
    p.edit(
        "content/demo/site.yaml",
        "name: Demo\n",
        "name: Demo\nlicence: CC0-1.0\n",
    );
    assert_ok(&p.build(&[]));
    let data = p.path("public/demo/data");
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(data.join("measures.json")).expect("measures.json"))
            .expect("JSON");
    // The latest date the content gives: fastlege's `reviewed:`, after the plan's adoption.
    assert_eq!(json["modified"], "2026-11-22");
    assert_eq!(json["plan"]["adopted"], "2020-06-18");
    let tolk = json["measures"]
        .as_array()
        .expect("measures")
        .iter()
        .find(|m| m["theme"] == "helse" && m["measure"] == "tolk")
        .expect("helse/tolk");
    assert_eq!(tolk["services"], serde_json::json!(["fastlege"]));
    let ttl = fs::read_to_string(data.join("services.ttl")).expect("services.ttl");
    for fact in [
        "dct:modified \"2026-11-22\"^^xsd:date",
        "<https://creativecommons.org/publicdomain/zero/1.0/>",
        "cv:telephone \"+47 12 34 56 79\"",
        "cv:email \"lege@example.org\"",
        "skos:prefLabel \"Demo legekontor\"@nb",
        "cv:hasValue 200.0E0",
        "schema:opens \"08:00:00\"^^xsd:time",
        "<http://publications.europa.eu/resource/authority/language/ARA>",
        "<https://portal.example.org/demo/ar/services/fastlege/>",
    ] {
        assert!(ttl.contains(fact), "{fact} missing from:\n{ttl}");
    }
    // norskkurs says nothing of its cost, contact or languages: nothing is said for it.
    let norskkurs = ttl
        .split("\n<")
        .find(|b| b.contains("#service-norskkurs> a cpsv:PublicService"))
        .expect("norskkurs");
    for unsaid in [
        "cv:hasCost",
        "cv:contactPoint",
        "cv:hasChannel",
        "dct:language",
    ] {
        assert!(!norskkurs.contains(unsaid), "{unsaid} in:\n{norskkurs}");
    }
    let report = validate(&[data.join("services.ttl"), data.join("services.jsonld")]);
    assert_eq!(report.matches(": conforms").count(), 2, "{report}");
}

#[test]
fn the_exports_are_linked_from_plan_and_service_pages_and_listed_in_the_sitemap() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let plan = p.page("demo/pl/plan/index.html");
    assert!(plan.contains("Otwarte dane: <a href=\"/demo/data/measures.csv\" dir=\"ltr\">CSV</a> · <a href=\"/demo/data/measures.json\" dir=\"ltr\">JSON</a>"), "{plan}");
    let service = p.page("demo/ar/services/fastlege/index.html");
    assert!(service.contains("بيانات مفتوحة: <a href=\"/demo/data/services.jsonld\" dir=\"ltr\">JSON-LD</a> · <a href=\"/demo/data/services.ttl\" dir=\"ltr\">Turtle</a>"), "{service}");
    let sitemap = p.page("demo/sitemap.xml");
    for file in [
        "services.jsonld",
        "services.ttl",
        "measures.csv",
        "measures.json",
    ] {
        let url = format!("<url><loc>https://portal.example.org/demo/data/{file}</loc></url>");
        assert!(sitemap.contains(&url), "{url} missing from:\n{sitemap}");
    }
}

#[test]
fn without_a_base_url_the_services_are_named_relative_to_the_files_and_mean_the_same() {
    let p = Project::new();
    assert_ok(&p.build(&[]));
    let published = p.path("public/demo/data");
    p.edit(
        "content/demo/site.yaml",
        "base_url: https://portal.example.org/demo/\n",
        "",
    );
    let out = p.build_into("unpublished", &[]);
    assert_ok(&out);
    assert!(
        stderr(&out).contains("the services name themselves relative to their files"),
        "{}",
        stderr(&out)
    );
    let data = p.path("unpublished/demo/data");
    let names: Vec<String> = tree(&data).into_keys().collect();
    let exports = [
        "measures.csv",
        "measures.json",
        "services.jsonld",
        "services.ttl",
    ];
    assert_eq!(names, exports);
    let service = p.path("unpublished/demo/nb/services/fastlege/index.html");
    let service = fs::read_to_string(service).expect("service page");
    assert!(service.contains("/demo/data/services.ttl"), "{service}");
    let ttl = fs::read_to_string(data.join("services.ttl")).expect("services.ttl");
    assert!(
        ttl.contains("<services#service-fastlege> a cpsv:PublicService"),
        "{ttl}"
    );
    assert!(ttl.contains("dct:identifier \"service-fastlege\""), "{ttl}");
    assert!(!ttl.contains("torg-unpublished"), "{ttl}");
    let report = validate(&[data.join("services.ttl"), data.join("services.jsonld")]);
    assert_eq!(report.matches(": conforms").count(), 2, "{report}");
    // Read from the address the portal with a base URL has, they hold that portal's graph.
    let base = "https://portal.example.org/demo/data/services.ttl";
    for file in ["services.ttl", "services.jsonld"] {
        let (relative, absolute) = (data.join(file), published.join("services.ttl"));
        let same = pyshacl(&[Path::new("same"), &relative, &absolute, Path::new(base)]);
        assert_eq!(same.trim(), "isomorphic", "{file}");
    }
}

#[test]
fn a_licence_torg_does_not_know_is_refused_on_its_line() {
    let p = Project::new();
    p.edit(
        "content/demo/site.yaml",
        "name: Demo\n",
        "name: Demo\nlicence: CC-BY-4.0.\n",
    );
    let out = p.build(&[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("content/demo/site.yaml:3:10"), "{err}");
    assert!(
        err.contains("is not one of the open licences torg knows. Did you mean `CC-BY-4.0`?"),
        "{err}"
    );
    assert!(
        err.contains("NLOD-2.0 (the Norwegian Licence for Open Government Data)"),
        "{err}"
    );
}

#[test]
fn two_builds_write_the_same_exports() {
    let p = Project::new();
    assert_ok(&p.build_into("one", &[]));
    assert_ok(&p.build_into("two", &[]));
    let one = tree(&p.path("one/demo/data"));
    assert_eq!(one.len(), 4);
    assert!(one == tree(&p.path("two/demo/data")));
}
