//! What the integration tests share: a throw-away copy of the fixture project, and the binary.
#![allow(dead_code)] // each test file uses a different part

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The day the tests stamp translations as made on (`--today`), so stamps do not depend on the
/// clock.
pub(crate) const STAMP_DAY: &str = "2026-03-04";

/// A throw-away project: the fixture content plus an output folder.
pub(crate) struct Project {
    pub(crate) dir: tempfile::TempDir,
    /// Environment variables every run of the binary gets.
    env: Vec<(&'static str, &'static str)>,
}

impl Project {
    pub(crate) fn new() -> Project {
        Project::from_fixture("basic")
    }

    /// The `basic` fixture with `tests/fixtures/<name>/content` copied over it. A fixture other
    /// than `basic` is an overlay that holds only the files it adds or changes, so each of its
    /// files is a seeded problem a reader can see at a glance, and a change to `basic` reaches it
    /// without a second copy to keep in step. (No fixture needs a file of `basic` removed yet.)
    pub(crate) fn from_fixture(name: &str) -> Project {
        let dir = tempfile::tempdir().expect("temp dir");
        let content = dir.path().join("content");
        copy_dir(&fixture_content("basic"), &content);
        if name != "basic" {
            copy_dir(&fixture_content(name), &content);
        }
        Project { dir, env: vec![] }
    }

    /// The same project with `key=value` set for every run, such as `NO_COLOR=1` for a snapshot
    /// that must not depend on how the terminal detection guesses.
    pub(crate) fn with_env(mut self, key: &'static str, value: &'static str) -> Project {
        self.env.push((key, value));
        self
    }

    pub(crate) fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub(crate) fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let p = self.path(rel);
        fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        fs::write(p, text).expect("write");
    }

    pub(crate) fn edit(&self, rel: &str, from: &str, to: &str) {
        let text = fs::read_to_string(self.path(rel)).expect("read");
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        self.write(rel, text.replacen(from, to, 1));
    }

    pub(crate) fn build(&self, extra: &[&str]) -> Output {
        self.build_into("public", extra)
    }

    pub(crate) fn build_into(&self, out: &str, extra: &[&str]) -> Output {
        let locales = repo().join("locales");
        let locales = locales.to_str().expect("UTF-8 path");
        self.torg(&[&["build", "--out", out, "--locales", locales], extra].concat())
    }

    /// Stamps the translation `rel` as made from its source text as it is now, on
    /// [`STAMP_DAY`] (`torg translations --mark`).
    pub(crate) fn mark_translated(&self, rel: &str) {
        let locales = repo().join("locales");
        let locales = locales.to_str().expect("UTF-8 path");
        let args = ["--locales", locales, "--mark", rel, "--today", STAMP_DAY];
        let out = self.torg(&[&["translations"], &args[..]].concat());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
    }

    /// Runs the binary in the project folder with the repository's theme; without `--locales`
    /// it reads the project's own `locales/`.
    pub(crate) fn torg(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_torg"))
            .current_dir(self.dir.path())
            .args(args)
            .arg("--themes")
            .arg(repo().join("themes"))
            .envs(self.env.iter().copied())
            .output()
            .expect("run torg")
    }

    /// A written page as a reader sees its words: without the soft hyphens the build puts into
    /// long words (tests/build.rs checks those on the file as written, with [`Self::page_as_written`]).
    pub(crate) fn page(&self, rel: &str) -> String {
        self.page_as_written(rel).replace('\u{ad}', "")
    }

    pub(crate) fn page_as_written(&self, rel: &str) -> String {
        fs::read_to_string(self.path("public").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

/// Every file below `dir`, keyed by its relative path.
pub(crate) fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
        for e in fs::read_dir(dir).expect("read dir").flatten() {
            if e.path().is_dir() {
                walk(base, &e.path(), out);
            } else {
                let rel = e
                    .path()
                    .strip_prefix(base)
                    .expect("prefix")
                    .to_string_lossy()
                    .to_string();
                out.insert(rel, fs::read(e.path()).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `content/` folder of `tests/fixtures/<name>`.
pub(crate) fn fixture_content(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name).join("content")
}

/// Copies the `basic` fixture's content and the repository's themes and interface strings into
/// `dir`: a project as a user has it, run with no paths pointing back into the repository, so
/// nothing a test breaks or a run writes can reach the repository's own files.
pub(crate) fn copy_standalone_project(dir: &Path) {
    copy_dir(&fixture_content("basic"), &dir.join("content"));
    copy_dir(&repo().join("themes"), &dir.join("themes"));
    copy_dir(&repo().join("locales"), &dir.join("locales"));
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// `text` with each folder written as its name (`[project]`), both as given and as the file
/// system resolves it (a temporary folder can sit behind a symbolic link), so console output
/// snapshotted on one machine matches on another.
pub(crate) fn mask(text: &str, folders: &[(&Path, &str)]) -> String {
    folders
        .iter()
        .fold(text.to_string(), |text, (folder, name)| {
            let real = folder
                .canonicalize()
                .unwrap_or_else(|_| folder.to_path_buf());
            text.replace(&*real.to_string_lossy(), name)
                .replace(&*folder.to_string_lossy(), name)
        })
}

/// Staging folders a build left beside its output in `dir` (there must be none).
pub(crate) fn staging_leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("read project")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("staging"))
        .collect()
}

/// What a user sees of a run: the exit code and each stream that has anything in it, with the
/// throw-away project and the repository (where `--themes` and `--locales` point) masked, so
/// the snapshot is the same on every machine.
pub(crate) fn console(p: &Project, out: &Output) -> String {
    let mut shown = format!("{}\n", out.status);
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        if !bytes.is_empty() {
            shown.push_str(&format!(
                "\n--- {stream} ---\n{}",
                String::from_utf8_lossy(bytes)
            ));
        }
    }
    let repo = repo();
    mask(&shown, &[(p.dir.path(), "[project]"), (&repo, "[repo]")])
}

/// Compares `shown` with `tests/snapshots/<name>.snap` (accept a change with
/// `INSTA_UPDATE=always` and read the diff).
pub(crate) fn assert_console(name: &str, shown: &str) {
    insta::with_settings!({
        snapshot_path => "../snapshots",
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, shown);
    });
}

/// The Python of `target/<name>-venv`, the virtual environment tests/run.sh installs a PyPI tool
/// into. A missing one is a failure, never a reason to skip a test.
pub(crate) fn venv_python(name: &str) -> PathBuf {
    let python = repo().join(format!("target/{name}-venv/bin/python"));
    assert!(
        python.is_file(),
        "{} is missing: run tests/run.sh, which installs it",
        python.display()
    );
    python
}
