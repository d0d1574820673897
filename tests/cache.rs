//! `torg build --cache`: a build that copies unchanged portals from the cache writes the same
//! bytes as a cold build, renders only the portals whose inputs changed, and never uses a folder
//! it could damage.

mod common;

use std::fs;
use std::process::{Command, Output};

use common::{Project, copy_dir, copy_standalone_project, tree};

/// Runs torg in the project with its own themes and interface texts, which tests change.
fn torg(p: &Project, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_torg"))
        .current_dir(p.dir.path())
        .args(args)
        .args(["--themes", "themes", "--locales", "locales"])
        .output()
        .expect("run torg")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// Builds into `out` with the cache; returns the build's console output.
fn cached_build(p: &Project, out: &str) -> String {
    let o = torg(p, &["build", "--out", out, "--cache", "cache"]);
    assert_eq!(o.status.code(), Some(0), "build failed:\n{}", stderr(&o));
    stderr(&o)
}

/// The fixture's portal twice, with the project's own themes and interface texts, so a test can
/// change any input.
fn two_portals() -> Project {
    let p = Project::new();
    copy_standalone_project(p.dir.path());
    copy_dir(&p.path("content/demo"), &p.path("content/other"));
    p.edit("content/other/site.yaml", "/demo/", "/other/");
    p
}

fn cold_build(p: &Project, out: &str) {
    let o = torg(p, &["build", "--out", out]);
    assert_eq!(o.status.code(), Some(0), "build failed:\n{}", stderr(&o));
}

#[test]
fn unchanged_portals_come_from_the_cache_byte_identical_to_a_cold_build() {
    let p = two_portals();
    assert!(cached_build(&p, "public").contains("built 2 portal(s) (0 from the cache)"));
    cold_build(&p, "cold");
    let cold = tree(&p.path("cold"));
    assert_eq!(tree(&p.path("public")), cold, "first cached build");

    assert!(cached_build(&p, "public").contains("built 2 portal(s) (2 from the cache)"));
    assert_eq!(tree(&p.path("public")), cold, "build from the cache");

    // One text of one portal changes: that portal is rendered again, the other copied.
    p.edit(
        "content/other/services/fastlege.en.md",
        "title: ",
        "title: Cached ",
    );
    assert!(cached_build(&p, "public").contains("built 2 portal(s) (1 from the cache)"));
    cold_build(&p, "cold");
    let cold = tree(&p.path("cold"));
    assert_eq!(tree(&p.path("public")), cold, "after an edit");
    assert!(
        p.page("other/en/services/fastlege/index.html")
            .contains("Cached ")
    );
    // One entry per portal: the edited portal's old entry is gone.
    assert_eq!(
        fs::read_dir(p.path("cache/other"))
            .expect("entries")
            .count(),
        1
    );
}

#[test]
fn a_changed_theme_or_interface_text_renders_every_portal_again() {
    let p = two_portals();
    cached_build(&p, "public");
    p.edit(
        "themes/default/templates/base.html",
        "<body",
        "<!-- theme v2 --><body",
    );
    assert!(cached_build(&p, "public").contains("(0 from the cache)"));
    assert!(p.page("demo/nb/index.html").contains("theme v2"));

    let ui = fs::read_to_string(p.path("locales/nb/ui.ftl")).expect("ui.ftl");
    p.write(
        "locales/nb/ui.ftl",
        format!("{ui}\n# a comment changes the key too\n"),
    );
    assert!(cached_build(&p, "public").contains("(0 from the cache)"));
}

#[test]
fn a_damaged_entry_is_rendered_again() {
    let p = two_portals();
    cached_build(&p, "public");
    let entry = fs::read_dir(p.path("cache/demo"))
        .expect("entry")
        .flatten()
        .next()
        .expect("one");
    fs::write(entry.path().join("files"), "truncated").expect("damage");
    assert!(cached_build(&p, "public").contains("(1 from the cache)"));
    cold_build(&p, "cold");
    assert_eq!(tree(&p.path("public")), tree(&p.path("cold")));
}

/// The console output without the last line, which says how long the build took.
fn problems(console: &str) -> String {
    let lines: Vec<&str> = console.lines().collect();
    lines[..lines.len().saturating_sub(1)].join("\n")
}

#[test]
fn a_portal_copied_from_the_cache_reports_its_warnings_again() {
    let p = two_portals();
    let first = cached_build(&p, "public");
    assert!(first.contains("warning[missing-translation]"), "{first}");
    let again = cached_build(&p, "public");
    assert!(again.contains("(2 from the cache)"), "{again}");
    assert_eq!(problems(&again), problems(&first));

    // Under --strict the kept warnings stop the build, as the same warnings do without a cache.
    let strict = torg(
        &p,
        &["build", "--out", "public", "--cache", "cache", "--strict"],
    );
    assert_eq!(strict.status.code(), Some(1), "{}", stderr(&strict));
    assert!(stderr(&strict).contains("warning[missing-translation]"));
    assert!(stderr(&strict).contains("build failed"));

    // A CI runner restores the cache into a checkout at another path: the warnings name the
    // files where they are now.
    let moved = Project::new();
    copy_dir(p.dir.path(), moved.dir.path());
    let content = moved.path("content");
    let o = torg(
        &moved,
        &[
            "build",
            "--content",
            &content.to_string_lossy(),
            "--out",
            "public",
            "--cache",
            "cache",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let console = stderr(&o);
    assert!(console.contains("(2 from the cache)"), "{console}");
    let expected = content.join("demo/services/helsestasjon.pl.md");
    assert!(
        console.contains(&expected.to_string_lossy().to_string()),
        "expected {} in\n{console}",
        expected.display()
    );
    assert!(!console.contains(&p.dir.path().to_string_lossy().to_string()));
}

#[test]
fn cache_folders_that_a_build_would_damage_or_read_are_refused() {
    let p = two_portals();
    p.write("notes/keep.txt", "someone's notes");
    for (cache, words) in [
        ("public/cache", "is inside the output folder"),
        ("public", "is the output folder"),
        ("content/cache", "is inside the content folder"),
        ("themes", "is the themes folder"),
        (".", "is the folder torg runs in"),
        ("notes", "files that torg did not write"),
        ("notes/keep.txt", "is a file, not a folder"),
    ] {
        let o = torg(&p, &["build", "--cache", cache]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "--cache {cache}:\n{err}");
        assert!(
            err.contains(words),
            "--cache {cache}: expected «{words}» in\n{err}"
        );
        assert!(err.contains("nothing was built"), "{err}");
    }
    assert!(!p.path("public").exists(), "nothing may be built");
    assert!(!p.path("content/cache").exists());
    assert_eq!(
        fs::read_to_string(p.path("notes/keep.txt")).expect("notes"),
        "someone's notes"
    );
}
