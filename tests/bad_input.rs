//! The bad-input corpus: each folder of `tests/bad-input/` breaks a copy of the `basic` fixture
//! project in one way and says what torg must do about it. For every case the real binary runs in
//! the broken project, and the test asserts that it exits with the expected code, never panics,
//! names the file (and line) that is wrong, and leaves the previous output untouched. Its console
//! output is a reviewed snapshot beside the case (`console.snap`), so error wording changes show in review.
//!
//! A case is `tests/bad-input/<name>/case.yaml` plus optional `files/`, copied over the project
//! (paths as in the project: `files/content/demo/services/fastlege.nb.md`). See
//! `tests/bad-input/README.md` for the fields. To accept changed wording, run the test with
//! `INSTA_UPDATE=always` and review the diff of the `console.snap` files.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use common::{copy_dir, copy_standalone_project, mask, repo};
use serde::Deserialize;

/// What one case does to the project and expects back.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// One line for the reader: the problem class this case stands for.
    about: String,
    /// The torg arguments; `{project}` is the project folder's absolute path, `{name}` its name.
    #[serde(default = "default_args")]
    args: Vec<String>,
    /// The exit code: 1 content errors, 2 usage errors.
    exit: i32,
    /// Texts the output must contain, such as `content/demo/services/fastlege.nb.md:7`.
    #[serde(default)]
    names: Vec<String>,
    /// Texts the output must not contain (library wording that should not leak).
    #[serde(default)]
    never: Vec<String>,
    /// Files made at test time, too large to commit.
    #[serde(default)]
    generate: Vec<Generate>,
    /// Project files to remove (relative paths).
    #[serde(default)]
    remove: Vec<String>,
    /// Symbolic links to make: `link` (relative) pointing at `target` (as written).
    #[serde(default)]
    symlinks: Vec<Symlink>,
    /// Files that must exist after the run, with their content unchanged from before it.
    #[serde(default)]
    intact: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Generate {
    file: String,
    /// Written first, once.
    #[serde(default)]
    head: String,
    /// Then this, `times` times.
    repeat: String,
    times: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Symlink {
    link: String,
    target: String,
}

fn default_args() -> Vec<String> {
    vec!["build".into()]
}

/// Every file below `dir`, keyed by its relative path.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).expect("below dir");
            out.insert(
                rel.to_string_lossy().to_string(),
                fs::read(e.path()).expect("read"),
            );
        }
    }
    out
}

/// Runs torg in `dir` with the project's own `content/`, `themes/` and `locales/`.
fn torg(dir: &Path, args: &[String]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_torg"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run torg")
}

/// A project folder with the fixture content, the repository's theme and interface strings, and
/// the output of one good build in `public/`.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_standalone_project(dir.path());
    let good = torg(dir.path(), &["build".into()]);
    assert_eq!(
        good.status.code(),
        Some(0),
        "the unbroken fixture must build:\n{}",
        String::from_utf8_lossy(&good.stderr)
    );
    dir
}

/// Applies a case's changes to the project.
fn break_project(case: &Case, case_dir: &Path, dir: &Path) {
    if case_dir.join("files").is_dir() {
        copy_dir(&case_dir.join("files"), dir);
    }
    for g in &case.generate {
        let path = dir.join(&g.file);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        let mut text = g.head.clone();
        text.push_str(&g.repeat.repeat(g.times));
        fs::write(path, text).expect("write generated file");
    }
    for rel in &case.remove {
        let path = dir.join(rel);
        if path.is_dir() {
            fs::remove_dir_all(path).expect("remove dir");
        } else {
            fs::remove_file(path).expect("remove file");
        }
    }
    for s in &case.symlinks {
        let link = dir.join(&s.link);
        fs::create_dir_all(link.parent().expect("parent")).expect("mkdir");
        std::os::unix::fs::symlink(&s.target, link).expect("symlink");
    }
}

/// The console output with what differs between runs (the temporary folder and the one around
/// it, which `--out ..` names; timings) masked.
fn normalise(text: &str, dir: &Path) -> String {
    let real = dir.canonicalize().expect("canonical temp dir");
    let mut text = mask(text, &[(dir, "[project]")]);
    // Never the file system's root, whose `/` is in every path.
    let parents = [real.parent(), dir.parent()].into_iter().flatten();
    for parent in parents.filter(|p| p.parent().is_some()) {
        text = text.replace(&*parent.to_string_lossy(), "[parent]");
    }
    if let Some(name) = real.file_name() {
        text = text.replace(&*name.to_string_lossy(), "[name]");
    }
    mask_seconds(&text)
}

/// `in 0.42 s` → `in [time]`: the only run-dependent number in a build's summary line.
fn mask_seconds(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" in ") {
        out.push_str(&rest[..i + 4]);
        rest = &rest[i + 4..];
        let num = rest
            .find(" s")
            .filter(|&j| j > 0 && rest[..j].chars().all(|c| c.is_ascii_digit() || c == '.'));
        if let Some(j) = num {
            out.push_str("[time]");
            rest = &rest[j..];
        }
    }
    out.push_str(rest);
    out
}

/// The fixture's own missing translations warn in every run; the snapshot keeps what the case adds.
fn without_fixture_warnings(shown: &str) -> String {
    shown
        .split("\n\n")
        .filter(|block| !block.contains("warning[missing-translation]"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn every_bad_input_is_refused_with_the_file_named() {
    let corpus = repo().join("tests/bad-input");
    let mut cases: Vec<_> = fs::read_dir(&corpus)
        .expect("tests/bad-input")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("case.yaml").is_file())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no cases in {}", corpus.display());
    // Every case runs, and every failure is listed: one broken case must not hide the others.
    let failed: Vec<String> = cases
        .iter()
        .filter(|dir| std::panic::catch_unwind(|| run_case(dir)).is_err())
        .map(|dir| dir.file_name().expect("name").to_string_lossy().to_string())
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} cases failed (see above): {failed:?}",
        failed.len(),
        cases.len()
    );
}

/// Runs one case; panics with what is wrong.
fn run_case(case_dir: &Path) {
    let path = case_dir.join("case.yaml");
    let case: Case = serde_saphyr::from_str(&fs::read_to_string(&path).expect("read case"))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let project = project();
    let dir = project.path();
    let before = tree(&dir.join("public"));
    break_project(&case, case_dir, dir);
    let intact: Vec<(String, Vec<u8>)> = case
        .intact
        .iter()
        .map(|rel| (rel.clone(), fs::read(dir.join(rel)).expect("intact file")))
        .collect();
    let name = dir
        .file_name()
        .expect("temp dir name")
        .to_string_lossy()
        .to_string();
    let project_path = dir.to_string_lossy().to_string();
    let args: Vec<String> = case
        .args
        .iter()
        .map(|a| {
            a.replace("{project}", &project_path)
                .replace("{name}", &name)
        })
        .collect();
    let out = torg(dir, &args);
    let console = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let shown = normalise(&console, dir);
    assert!(
        !console.contains("panicked"),
        "{}: torg panicked:\n{console}",
        case.about
    );
    assert_eq!(
        out.status.code(),
        Some(case.exit),
        "{}:\n{console}",
        case.about
    );
    for n in &case.names {
        assert!(
            shown.contains(n.as_str()),
            "{}: output does not name {n:?}:\n{shown}",
            case.about
        );
    }
    for n in &case.never {
        assert!(
            !shown.contains(n.as_str()),
            "{}: output says {n:?}:\n{shown}",
            case.about
        );
    }
    for (rel, bytes) in &intact {
        assert_eq!(
            fs::read(dir.join(rel)).ok().as_ref(),
            Some(bytes),
            "{}: {rel} was changed",
            case.about
        );
    }
    if case.exit != 0 {
        assert!(
            tree(&dir.join("public")) == before,
            "{}: the previous output was changed",
            case.about
        );
    }
    let stray = common::staging_leftovers(dir);
    assert!(stray.is_empty(), "{}: left behind {stray:?}", case.about);
    insta::with_settings!({
        snapshot_path => case_dir,
        prepend_module_to_snapshot => false,
        input_file => &path,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("console", without_fixture_warnings(&shown));
    });
}
