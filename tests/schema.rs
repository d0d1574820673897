//! The content schemas of docs/schema/, checked with a real JSON Schema validator (Debian's
//! python3-jsonschema, driven by tests/schema/validate.py), never with torg's own code:
//!
//! - the committed schemas are exactly what `torg schema` generates from the loader's types;
//! - every bundled content file validates;
//! - on the corpus in tests/schema/corpus/ (good files, and bad files with one mistake each),
//!   the validator and the real `torg check` give the same verdict on the same file;
//! - the files `torg new` writes name their schema, and validator and torg agree on them too.
//!
//! A validator that cannot run fails these tests; tests/run.sh installs it.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{Project, copy_dir, repo};
use torg::schema::FileKind;

/// The kind of a content file, by its path inside its portal, as docs/content.md lays it out;
/// `None` for files that are not content (interface strings, templates, static files).
fn kind_of(rel: &Path) -> Option<FileKind> {
    let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
    let name = *parts.last()?;
    let text = name.ends_with(".md");
    Some(match parts.as_slice() {
        ["site.yaml"] => FileKind::Site,
        ["terms.yaml"] => FileKind::Terms,
        ["plan", "plan.yaml"] => FileKind::Plan,
        ["plan", _] if text => FileKind::PlanText,
        ["plan", "themes", _] if text => FileKind::ThemeText,
        ["plan", "themes", _] => FileKind::Theme,
        ["services", ..] if text => FileKind::ServiceText,
        ["services", ..] => FileKind::Service,
        ["pages", _] => FileKind::PageText,
        ["glossary", _] => FileKind::TermText,
        ["start", "start.yaml"] => FileKind::Start,
        ["start", _] => FileKind::StartText,
        _ => return None,
    })
}

/// The committed schema of a kind.
fn schema_path(kind: FileKind) -> PathBuf {
    repo().join("docs/schema").join(kind.schema_file())
}

/// Runs the validator on each (schema, file) pair; the problems it found in each file.
fn validate(pairs: &[(PathBuf, PathBuf)]) -> BTreeMap<PathBuf, Vec<String>> {
    let script = repo().join("tests/schema/validate.py");
    let mut child = Command::new(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e} (tests/run.sh installs python3)", script.display()));
    let mut input = String::new();
    for (schema, file) in pairs {
        input.push_str(&format!("{}\t{}\n", schema.display(), file.display()));
    }
    // Written from a thread while the output is read: writing everything first deadlocks once
    // the validator's answers fill the pipe (as a CI checkout's longer paths did).
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("validator ran");
    writer
        .join()
        .expect("writer thread")
        .expect("write to validator");
    assert!(
        out.status.success(),
        "the validator failed (this is a test failure, not a skip):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let verdicts: BTreeMap<PathBuf, Vec<String>> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object a line");
            let errors = v["errors"].as_array().expect("errors").iter();
            let errors = errors
                .filter_map(|e| e.as_str().map(String::from))
                .collect();
            (PathBuf::from(v["file"].as_str().expect("file")), errors)
        })
        .collect();
    assert_eq!(verdicts.len(), pairs.len(), "a verdict for every file");
    verdicts
}

/// Every content file below each portal of `content`, with its kind.
fn content_files(content: &Path) -> Vec<(PathBuf, FileKind)> {
    let mut files = Vec::new();
    for portal in fs::read_dir(content).expect("content folder").flatten() {
        for entry in walkdir::WalkDir::new(portal.path()).into_iter().flatten() {
            let rel = entry.path().strip_prefix(portal.path()).expect("inside");
            if let Some(kind) = entry.file_type().is_file().then(|| kind_of(rel)).flatten() {
                files.push((entry.path().to_path_buf(), kind));
            }
        }
    }
    files
}

#[test]
fn committed_schemas_are_what_the_types_give() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_torg"))
        .args(["schema", "--out"])
        .arg(tmp.path())
        .output()
        .expect("run torg");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let committed = common::tree(&repo().join("docs/schema"));
    let generated = common::tree(tmp.path());
    let stale: BTreeSet<&String> = generated
        .keys()
        .chain(committed.keys())
        .filter(|name| generated.get(*name) != committed.get(*name))
        .collect();
    assert!(
        stale.is_empty(),
        "docs/schema/ differs from the content model in {stale:?}; run `cargo run -- schema` and commit the result"
    );
}

/// `torg schema` replaces only schemas it wrote: a file of the same name that someone else wrote
/// stops it before it writes anything.
#[test]
fn torg_schema_leaves_files_it_did_not_write() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let schema = |dir: &Path| {
        Command::new(env!("CARGO_BIN_EXE_torg"))
            .args(["schema", "--out"])
            .arg(dir)
            .output()
            .expect("run torg")
    };
    assert!(schema(tmp.path()).status.success());
    assert!(
        schema(tmp.path()).status.success(),
        "its own files are replaced"
    );
    let other = tempfile::tempdir().expect("temp dir");
    fs::write(other.path().join("site.schema.json"), "{}\n").expect("write");
    let out = schema(other.path());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("site.schema.json") && err.contains("not written by `torg schema`"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(other.path().join("site.schema.json")).expect("read"),
        "{}\n"
    );
    assert_eq!(
        fs::read_dir(other.path()).expect("list").count(),
        1,
        "nothing else written"
    );
}

#[test]
fn every_bundled_content_file_validates() {
    let mut files = content_files(&repo().join("content"));
    files.extend(content_files(&common::fixture_content("basic")));
    let kinds: BTreeSet<&str> = files.iter().map(|(_, k)| k.schema_file()).collect();
    assert_eq!(
        kinds.len(),
        FileKind::ALL.len(),
        "every schema is used: {kinds:?}"
    );
    let pairs: Vec<(PathBuf, PathBuf)> = files
        .iter()
        .map(|(file, kind)| (schema_path(*kind), file.clone()))
        .collect();
    let invalid: Vec<_> = validate(&pairs)
        .into_iter()
        .filter(|(_, errors)| !errors.is_empty())
        .collect();
    assert!(invalid.is_empty(), "{invalid:#?}");
}

/// `torg check` on the `basic` fixture with `overlay` (a `content/` folder) laid over it.
fn check_with(overlay: &Path) -> (Project, Output) {
    let project = Project::new();
    copy_dir(overlay, &project.path("content"));
    let out = check(&project);
    (project, out)
}

fn check(project: &Project) -> Output {
    let locales = repo().join("locales");
    let locales = locales.to_str().expect("UTF-8 path");
    project.torg(&["check", "--format", "json", "--locales", locales])
}

/// The files `torg check` reports an error in, relative to the project.
fn files_with_errors(out: &Output) -> BTreeSet<String> {
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let all = json["diagnostics"].as_array().cloned().unwrap_or_default();
    all.iter()
        .filter(|d| d["severity"] == "error")
        .filter_map(|d| d["file"].as_str().map(String::from))
        .collect()
}

/// The one file of a corpus case, relative to the case folder (`content/demo/…`).
fn case_file(case: &Path) -> PathBuf {
    let files: Vec<PathBuf> = walkdir::WalkDir::new(case)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(case).expect("inside").to_path_buf())
        .collect();
    assert_eq!(files.len(), 1, "{}: one file a case", case.display());
    files[0].clone()
}

/// The kind of a file given relative to the project (`content/<portal>/…`).
fn project_kind(rel: &Path) -> FileKind {
    let inside: PathBuf = rel.iter().skip(2).collect();
    kind_of(&inside).unwrap_or_else(|| panic!("{} is not a content file", rel.display()))
}

#[test]
fn validator_and_torg_agree_on_the_corpus() {
    let corpus = repo().join("tests/schema/corpus");
    let mut disagreements = Vec::new();
    let mut names = Vec::new();
    for good in [true, false] {
        let dir = corpus.join(if good { "good" } else { "bad" });
        let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
            .expect("corpus folder")
            .flatten()
            .map(|e| e.path())
            .collect();
        cases.sort();
        for case in cases {
            let rel = case_file(&case);
            let pair = (schema_path(project_kind(&rel)), case.join(&rel));
            let schema_errors = validate(&[pair]).into_values().next().unwrap_or_default();
            let (_project, out) = check_with(&case.join("content"));
            let torg_refuses = out.status.code() == Some(1)
                && files_with_errors(&out).contains(&*rel.to_string_lossy());
            let torg_accepts = out.status.code() == Some(0);
            let name = case
                .file_name()
                .expect("name")
                .to_string_lossy()
                .to_string();
            let agree = if good {
                schema_errors.is_empty() && torg_accepts
            } else {
                !schema_errors.is_empty() && torg_refuses
            };
            if !agree {
                disagreements.push(format!(
                    "{name}: schema {schema_errors:?}; torg exit {:?}, errors in {:?}",
                    out.status.code(),
                    files_with_errors(&out)
                ));
            }
            names.push(name);
        }
    }
    for mistake in ["unknown-field", "wrong-enum-value", "wrong-type", "missing"] {
        assert!(
            names.iter().any(|n| n.contains(mistake)),
            "no case of {mistake}"
        );
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

/// The schema a file names on its first line (in a Markdown file, its front matter's first
/// line), resolved from the file's folder.
fn named_schema(file: &Path) -> Option<PathBuf> {
    let text = fs::read_to_string(file).expect("read");
    let line = text.lines().find(|l| *l != "---")?;
    let address = line.strip_prefix("# yaml-language-server: $schema=")?;
    Some(normalise(&file.parent().expect("folder").join(address)))
}

/// `a/b/../c` → `a/c`, without asking the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn corpus_files_that_name_a_schema_name_the_right_one() {
    let corpus = repo().join("tests/schema/corpus/good");
    let mut named = 0;
    for case in fs::read_dir(&corpus).expect("corpus").flatten() {
        let rel = case_file(&case.path());
        if let Some(schema) = named_schema(&case.path().join(&rel)) {
            assert_eq!(schema, schema_path(project_kind(&rel)), "{}", rel.display());
            named += 1;
        }
    }
    assert!(named > 0, "no corpus file names its schema");
}

/// Runs `torg new` in the project; panics unless it succeeds.
fn torg_new(project: &Project, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_torg"))
        .current_dir(project.dir.path())
        .arg("new")
        .args(args)
        .output()
        .expect("run torg");
    assert_eq!(
        out.status.code(),
        Some(0),
        "torg new {args:?}:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The files below `content/` that are not in the `basic` fixture.
fn new_files(project: &Project) -> BTreeSet<String> {
    let before = common::tree(&common::fixture_content("basic"));
    common::tree(&project.path("content"))
        .into_keys()
        .filter(|rel| !before.contains_key(rel))
        .collect()
}

#[test]
fn torg_new_writes_source_language_files_that_name_their_schema() {
    let project = Project::new();
    copy_dir(&repo().join("docs/schema"), &project.path("docs/schema"));
    let mut console = String::new();
    for args in [
        ["service", "tolketjeneste"].as_slice(),
        &["page", "personvern"],
        &["term", "introduksjonsprogram"],
        &["theme", "bolig"],
        &["portal", "eksempelby"],
        // With two portals, the one to add to is named.
        &["page", "tilgjengelighet", "--site", "eksempelby"],
    ] {
        let out = torg_new(&project, args);
        console += &format!(
            "$ torg new {}\n{}\n",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("torg-new", console);
    });
    let created = new_files(&project);
    let expected = [
        "demo/services/tolketjeneste.yaml",
        "demo/services/tolketjeneste.nb.md",
        "demo/pages/personvern.nb.md",
        "demo/glossary/introduksjonsprogram.nb.md",
        "demo/plan/themes/bolig.yaml",
        "demo/plan/themes/bolig.nb.md",
        "eksempelby/site.yaml",
        "eksempelby/pages/tilgjengelighet.nb.md",
    ];
    assert_eq!(
        created,
        expected.map(String::from).into(),
        "only the source language"
    );
    let mut pairs = Vec::new();
    for rel in &created {
        let file = project.path("content").join(rel);
        let kind = project_kind(&Path::new("content").join(rel));
        let schema = project.path("docs/schema").join(kind.schema_file());
        assert_eq!(named_schema(&file).as_deref(), Some(&*schema), "{rel}");
        pairs.push((schema, file));
    }
    // What needs a person's decision is left for the editor, and both validator and torg say so.
    let invalid: BTreeSet<String> = validate(&pairs)
        .into_iter()
        .filter(|(_, errors)| !errors.is_empty())
        .map(|(file, _)| {
            file.strip_prefix(project.dir.path())
                .expect("inside")
                .display()
                .to_string()
        })
        .collect();
    let refused = files_with_errors(&check(&project));
    let unfilled = BTreeSet::from([
        "content/demo/services/tolketjeneste.yaml".to_string(),
        "content/demo/services/tolketjeneste.nb.md".to_string(),
        "content/demo/plan/themes/bolig.yaml".to_string(),
    ]);
    // Nothing else is refused: the rest of what torg new wrote is complete as it is.
    assert_eq!(invalid, unfilled);
    assert_eq!(refused, unfilled);
    // Filled in as the comments say, the portal passes.
    project.edit(
        "content/demo/services/tolketjeneste.yaml",
        "# category:",
        "category: health",
    );
    project.edit(
        "content/demo/services/tolketjeneste.nb.md",
        "# summary:",
        "summary: Tolk når du trenger det.",
    );
    project.edit(
        "content/demo/plan/themes/bolig.yaml",
        "# source:",
        "source: Kapittel 9",
    );
    project.edit(
        "content/demo/plan/plan.yaml",
        "[helse, arbeid]",
        "[helse, arbeid, bolig]",
    );
    let out = check(&project);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(validate(&pairs).values().all(Vec::is_empty));
}
