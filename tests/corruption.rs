//! Byte-level corruption of every input a build reads (issue 15, point 8b): each file of the
//! `basic` fixture's `content/`, the repository's `locales/*/ui.ftl` and the default theme's
//! `templates/`, corrupted from a fixed seed, must never make torg panic, hang or half-write its
//! output. A refused build must name the file that was corrupted (or one that refers to it, see
//! [`refers_to`]), name only files that exist, and leave the previous output as it was.
//!
//! **The real binary, not the library.** Measured on this fixture in a debug build: a build that
//! succeeds takes 0.18 s, a refused one 0.03 s, and starting the process under 5 ms. Calling
//! `torg::build::build` in process would save almost nothing, and only a separate process also
//! catches aborts, stack overflows and hangs, which `catch_unwind` cannot.
//!
//! **Bounded and reproducible.** [`DEFAULT_CASES`] mutants from [`DEFAULT_SEED`]; mutant `n`
//! depends only on the seed and `n`, and mutants go round the files in order, so every file is
//! corrupted several times. Each mutant applies one to [`MAX_MUTATIONS`] mutations (flip a byte,
//! insert bytes, delete, duplicate, repeat many times or truncate) to one file; one mutant in four
//! may insert any byte, the others insert text, so that most reach the checks behind the UTF-8
//! check. Run more locally with `TORG_CORRUPTION_SEED=<n> TORG_CORRUPTION_CASES=<n> cargo test
//! --test corruption -- --nocapture` (add `TORG_CORRUPTION_VERBOSE=1` to list every mutant and
//! the error codes it met); a failure prints the line that reruns only its mutant
//! (`TORG_CORRUPTION_ONLY=<n>`) and saves the corrupted file under `target/tmp/corruption/`.
//! Every mutant runs, and every failure is reported together.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::copy_standalone_project;

/// Issue 15, point 8b.
const DEFAULT_SEED: u64 = 1508;
/// About 27 s in a debug build on the project's 2-core machine when it is quiet (500 took 33 s),
/// leaving room below a minute when other work slows it down.
const DEFAULT_CASES: u64 = 400;
/// Mutations applied to one file per mutant: several, so damage can combine.
const MAX_MUTATIONS: usize = 4;
/// A build of the fixture takes a fraction of a second; anything near this is a hang.
const TIMEOUT: Duration = Duration::from_secs(30);

/// Single bytes that mean something to YAML, Markdown, front matter, Fluent or Tera, and NUL.
const SYNTAX: &[u8] = b":#{}-[]|>*&!%@/\"'\n\t\0\r\\$=<`";
/// Bytes that are never valid UTF-8 where they land alone: lead bytes without their continuation,
/// a lone continuation byte, and bytes UTF-8 never uses.
const NOT_UTF8: &[u8] = &[0xff, 0xfe, 0xc3, 0x80, 0xe2, 0xf0];
/// Whole tokens of the input languages, which single bytes seldom spell: front matter fences,
/// template tags, `@/` links, Fluent selectors, a table; and valid multi-byte characters (a
/// byte-order mark, ø, Arabic, a right-to-left mark, a no-break space, a combining accent, an
/// emoji), where code that cuts strings by byte index would panic.
const TOKENS: &[&str] = &[
    "---\n",
    "{{",
    "}}",
    "{%",
    "%}",
    "@/",
    "](@/services/",
    "@/glossary#",
    "\n- ",
    ": ",
    "{ $",
    " ->\n",
    "\n  *[",
    "\n| a | b |\n|---|---|\n",
    "\u{feff}",
    "ø",
    "عربي",
    "\u{200f}",
    "\u{a0}",
    "\u{301}",
    "🙂",
];

/// One change to a file's bytes, drawn for the file as earlier mutations left it; ranges that run
/// past the end stop there.
#[derive(Debug)]
enum Mutation {
    Flip {
        at: usize,
        mask: u8,
    },
    Insert {
        at: usize,
        bytes: Vec<u8>,
    },
    Delete {
        at: usize,
        len: usize,
    },
    Duplicate {
        from: usize,
        len: usize,
        at: usize,
    },
    /// A short range repeated in place, for deep nesting (`[[[[`, `> > >`, `{% if %}{% if %}`).
    Repeat {
        from: usize,
        len: usize,
        times: usize,
    },
    Truncate {
        at: usize,
    },
}

impl Mutation {
    /// A random mutation of a file of `len` bytes; an empty file can only grow. Without `raw`,
    /// flips stay within ASCII and inserts are valid UTF-8, so most such mutants get past the
    /// encoding check to the parsers, links and templates behind it.
    fn random(rng: &mut fastrand::Rng, len: usize, raw: bool) -> Mutation {
        if len == 0 {
            return Mutation::Insert {
                at: 0,
                bytes: random_bytes(rng, raw),
            };
        }
        match rng.u8(0..20) {
            0..=4 => Mutation::Flip {
                at: rng.usize(0..len),
                mask: if raw {
                    rng.u8(1..=255)
                } else {
                    rng.u8(1..0x40)
                },
            },
            5..=11 => Mutation::Insert {
                at: rng.usize(0..=len),
                bytes: random_bytes(rng, raw),
            },
            12..=14 => Mutation::Delete {
                at: rng.usize(0..len),
                len: rng.usize(1..=16),
            },
            15..=16 => Mutation::Duplicate {
                from: rng.usize(0..len),
                len: rng.usize(1..=64),
                at: rng.usize(0..=len),
            },
            17 => Mutation::Repeat {
                from: rng.usize(0..len),
                len: rng.usize(1..=8),
                times: rng.usize(2..=2000),
            },
            _ => Mutation::Truncate {
                at: rng.usize(0..len),
            },
        }
    }

    /// Applies the mutation to the bytes it was drawn for.
    fn apply(&self, bytes: &mut Vec<u8>) {
        let end = |from: usize, n: usize| (from + n).min(bytes.len());
        match self {
            Mutation::Flip { at, mask } => bytes[*at] ^= mask,
            Mutation::Insert { at, bytes: new } => {
                bytes.splice(at..at, new.iter().copied());
            }
            Mutation::Delete { at, len } => {
                bytes.drain(*at..end(*at, *len));
            }
            Mutation::Duplicate { from, len, at } => {
                let copy = bytes[*from..end(*from, *len)].to_vec();
                bytes.splice(at..at, copy);
            }
            Mutation::Repeat { from, len, times } => {
                let copy = bytes[*from..end(*from, *len)].repeat(times - 1);
                bytes.splice(from..from, copy);
            }
            Mutation::Truncate { at } => bytes.truncate(*at),
        }
    }
}

impl fmt::Display for Mutation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mutation::Flip { at, mask } => write!(f, "flip byte {at} with mask {mask:#04x}"),
            Mutation::Insert { at, bytes } => {
                write!(f, "insert {:?} at {at}", bytes.escape_ascii().to_string())
            }
            Mutation::Delete { at, len } => write!(f, "delete {len} bytes at {at}"),
            Mutation::Duplicate { from, len, at } => {
                write!(f, "copy {len} bytes from {from} to {at}")
            }
            Mutation::Repeat { from, len, times } => {
                write!(f, "repeat {len} bytes at {from} {times} times")
            }
            Mutation::Truncate { at } => write!(f, "truncate at {at}"),
        }
    }
}

/// One to eight pieces, each a syntax byte, a token, any byte (ASCII unless `raw`), or with `raw`
/// a byte that is not UTF-8.
fn random_bytes(rng: &mut fastrand::Rng, raw: bool) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.usize(1..=8) {
        match rng.u8(0..20) {
            0..=9 => out.push(SYNTAX[rng.usize(0..SYNTAX.len())]),
            10..=13 if raw => out.push(NOT_UTF8[rng.usize(0..NOT_UTF8.len())]),
            10..=16 => out.push(if raw { rng.u8(..) } else { rng.u8(..0x80) }),
            _ => out.extend_from_slice(TOKENS[rng.usize(0..TOKENS.len())].as_bytes()),
        }
    }
    out
}

/// Mutant `number`: which file, what is done to it, and the bytes that result.
struct Case {
    seed: u64,
    number: u64,
    file: String,
    mutations: Vec<Mutation>,
    bytes: Vec<u8>,
}

impl Case {
    /// Mutant `number` of `seed`, on the next file in turn; it depends on nothing else, so it can
    /// be rerun alone.
    fn new(seed: u64, number: u64, originals: &BTreeMap<String, Vec<u8>>) -> Case {
        let mut rng = fastrand::Rng::with_seed(seed ^ number.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let index = usize::try_from(number).expect("case number fits usize") % originals.len();
        let (file, original) = originals.iter().nth(index).expect("index in range");
        let raw = rng.u8(0..4) == 0;
        let mut bytes = original.clone();
        let mut mutations = Vec::new();
        for _ in 0..rng.usize(1..=MAX_MUTATIONS) {
            let m = Mutation::random(&mut rng, bytes.len(), raw);
            m.apply(&mut bytes);
            mutations.push(m);
        }
        Case {
            seed,
            number,
            file: file.clone(),
            mutations,
            bytes,
        }
    }
}

impl fmt::Display for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let steps: Vec<String> = self.mutations.iter().map(|m| m.to_string()).collect();
        write!(
            f,
            "mutant {} of seed {}: {}: {}",
            self.number,
            self.seed,
            self.file,
            steps.join("; ")
        )
    }
}

/// A project folder as a user has it — the fixture content, the repository's theme and
/// interface strings — with the output of one good build in `public/`.
struct Project {
    dir: tempfile::TempDir,
    /// Console output goes to files here, outside the project, so a hang cannot block on a pipe.
    logs: tempfile::TempDir,
    /// The files the mutants corrupt, by path relative to the project, with their original bytes.
    originals: BTreeMap<String, Vec<u8>>,
}

impl Project {
    fn new() -> Project {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_standalone_project(dir.path());
        let originals = inputs(dir.path());
        let project = Project {
            dir,
            logs: tempfile::tempdir().expect("temp dir"),
            originals,
        };
        let good = project.build();
        assert_eq!(
            good.code,
            Some(0),
            "the fixture must build:\n{}",
            good.console
        );
        project
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `torg build` in the project, as a user runs it; killed after [`TIMEOUT`].
    fn build(&self) -> Run {
        let log = |name: &str| fs::File::create(self.logs.path().join(name)).expect("log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_torg"))
            .current_dir(self.path())
            .arg("build")
            .env("NO_COLOR", "1")
            .stdout(Stdio::from(log("stdout")))
            .stderr(Stdio::from(log("stderr")))
            .spawn()
            .expect("run torg");
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait for torg") {
                break Some(status);
            }
            if start.elapsed() > TIMEOUT {
                child.kill().expect("kill torg");
                child.wait().expect("reap torg");
                break None;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        let read = |name: &str| {
            String::from_utf8_lossy(&fs::read(self.logs.path().join(name)).expect("log"))
                .to_string()
        };
        Run {
            code: status.and_then(|s| s.code()),
            timed_out: status.is_none(),
            console: format!("{}{}", read("stdout"), read("stderr")),
        }
    }

    /// Builds with the case's file corrupted, then puts the original back.
    fn build_mutant(&self, case: &Case) -> Run {
        let path = self.path().join(&case.file);
        fs::write(&path, &case.bytes).expect("write mutant");
        let run = self.build();
        fs::write(&path, &self.originals[&case.file]).expect("restore original");
        run
    }
}

/// The files a build reads that the mutants corrupt: all content, every language's interface
/// strings, every template. The theme's CSS and JavaScript are copied as they are, never parsed.
fn inputs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for root in ["content", "locales", "themes/default/templates"] {
        for e in walkdir::WalkDir::new(dir.join(root)).into_iter().flatten() {
            if e.file_type().is_file() {
                let rel = e.path().strip_prefix(dir).expect("below project");
                let rel = rel.to_str().expect("UTF-8 fixture path").to_string();
                files.insert(rel, fs::read(e.path()).expect("read input"));
            }
        }
    }
    files
}

/// What one run of torg did.
struct Run {
    /// `None` when killed by a signal or after [`TIMEOUT`].
    code: Option<i32>,
    timed_out: bool,
    console: String,
}

impl Run {
    /// The files of the `error[code]: file:line:column` lines, as torg prints them.
    fn error_files(&self) -> Vec<String> {
        let mut files: Vec<String> = self
            .console
            .lines()
            .filter(|l| l.starts_with("error["))
            .filter_map(|l| l.split_once("]: ").map(|(_, at)| strip_position(at)))
            .collect();
        files.dedup();
        files
    }

    /// The codes of the `error[code]` lines, once each: which checks refused the mutant.
    fn error_codes(&self) -> BTreeSet<String> {
        self.console
            .lines()
            .filter_map(|l| l.strip_prefix("error[")?.split_once(']'))
            .map(|(code, _)| code.to_string())
            .collect()
    }

    /// The console output without the fixture's own missing-translation warnings, which every
    /// run prints.
    fn errors_shown(&self) -> String {
        self.console
            .split("\n\n")
            .filter(|block| !block.contains("warning[missing-translation]"))
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// `content/demo/site.yaml:3:7` → `content/demo/site.yaml`.
fn strip_position(at: &str) -> String {
    let mut file = at.trim_end();
    for _ in 0..2 {
        match file.rsplit_once(':') {
            Some((head, tail)) if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) => {
                file = head;
            }
            _ => break,
        }
    }
    file.to_string()
}

/// Every file below `dir`, keyed by its relative path; empty when `dir` does not exist.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("below dir").to_path_buf();
            (rel, fs::read(e.path()).expect("read output"))
        })
        .collect()
}

/// What is wrong with how torg handled one mutant; empty when all is well.
fn problems(
    case: &Case,
    run: &Run,
    project: &Project,
    before: &BTreeMap<PathBuf, Vec<u8>>,
) -> Vec<String> {
    let mut found = Vec::new();
    if run.timed_out {
        found.push(format!("did not finish within {} s", TIMEOUT.as_secs()));
    } else if !matches!(run.code, Some(0 | 1)) {
        found.push(format!("exit code {:?}, not 0 or 1", run.code));
    }
    if run.console.contains("panicked") {
        found.push("panicked".into());
    }
    if run.code == Some(1) {
        found.extend(naming_problem(case, run, &project.originals));
        found.extend(not_files(run, project.path()));
        if tree(&project.path().join("public")) != *before {
            found.push("the refused build changed the previous output in public/".into());
        }
    }
    found.extend(leftovers(project.path()));
    found
}

/// A refused build must say which file to fix: an `error[…]` line naming the corrupted file.
///
/// One exception: when the corruption removes or renames what another file refers to, the error
/// may belong to the file with the reference, where the author chooses between fixing the
/// reference and restoring the target. That is accepted when every named file is one the project
/// really has and refers to the corrupted one (see [`refers_to`]). Interface strings are referred
/// to by no file: an error in them must name the corrupted file itself.
fn naming_problem(case: &Case, run: &Run, originals: &BTreeMap<String, Vec<u8>>) -> Option<String> {
    let files = run.error_files();
    if files.is_empty() {
        return Some("refused without any error[…] line".into());
    }
    let refer = |f: &String| refers_to(f, &case.file, run, originals);
    if files.contains(&case.file) || files.iter().all(refer) {
        return None;
    }
    Some(format!("errors name {files:?}, not {}", case.file))
}

/// Every error must point at a file the author can open: not a folder (`locales/en`), nor a
/// path that does not exist.
fn not_files(run: &Run, dir: &Path) -> Option<String> {
    let wrong: Vec<String> = run
        .error_files()
        .into_iter()
        .filter(|f| !dir.join(f).is_file())
        .collect();
    (!wrong.is_empty()).then(|| format!("errors name {wrong:?}, which are not files"))
}

/// Whether `file`, an original file of the project, refers to `target`:
/// - content refers to content by slug (`@/services/helsestasjon`, `helse/tolk`), and a theme's
///   text file to the measure ids of its facts file beside it: a measure id cut short in
///   `plan/themes/helse.yaml` is reported in `helse.nb.md` and in the services that carry it out;
/// - a template refers to the templates it quotes (`{% extends "base.html" %}`): a block cut from
///   base.html is reported in each page template that fills it; and to the components it calls
///   (`<lang_attrs of=…/>`), so a component's argument renamed in components.html is reported at
///   each call. Only if Tera located no error in the corrupted template itself
///   (` --> base.html:…`), for then that is the file to name.
fn refers_to(file: &str, target: &str, run: &Run, originals: &BTreeMap<String, Vec<u8>>) -> bool {
    let Some(text) = originals.get(file).map(|t| String::from_utf8_lossy(t)) else {
        return false;
    };
    let in_folder = |f: &str, folder: &str| f.starts_with(folder);
    let (content, templates) = ("content/", "themes/default/templates/");
    if in_folder(file, content) && in_folder(target, content) {
        let folder = |f: &str| Path::new(f).parent().map(Path::to_path_buf);
        let sibling = folder(file) == folder(target) && slug(file) == slug(target);
        return sibling || text.contains(slug(target));
    }
    if in_folder(file, templates) && in_folder(target, templates) {
        let name = &target[templates.len()..];
        let located_in_target = run.console.contains(&format!("--> {name}:"));
        let calls_its_component = components(originals.get(target))
            .iter()
            .any(|c| text.contains(&format!("<{c} ")) || text.contains(&format!("<{c}/")));
        return (text.contains(&format!("\"{name}\"")) || calls_its_component)
            && !located_in_target;
    }
    false
}

/// The Tera components a template defines (`{% component lang_attrs(of) %}`): Tera 2 components
/// are global, so a template calls one by name (`<lang_attrs of=…/>`) without naming the file.
fn components(template: Option<&Vec<u8>>) -> Vec<String> {
    let text = template
        .map(|t| String::from_utf8_lossy(t).to_string())
        .unwrap_or_default();
    text.split("{% component ")
        .skip(1)
        .filter_map(|rest| rest.split('(').next())
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

/// `helse` for `content/demo/plan/themes/helse.yaml` and `…/helse.nb.md`.
fn slug(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.split('.').next().unwrap_or(name)
}

/// Staging folders left beside the output.
fn leftovers(dir: &Path) -> Option<String> {
    let stray = common::staging_leftovers(dir);
    (!stray.is_empty()).then(|| format!("left behind {stray:?}"))
}

/// A number from the environment, decimal or `0x` hexadecimal.
fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    let parsed = match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => text.parse(),
    };
    Some(parsed.unwrap_or_else(|e| panic!("{name}={text}: {e}")))
}

/// Writes a failing mutant where a person can pick it up, e.g. for a `tests/bad-input/` case.
fn save_mutant(case: &Case) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("corruption")
        .join(format!("seed-{}-mutant-{}", case.seed, case.number))
        .join(&case.file);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(&path, &case.bytes).expect("save mutant");
    path
}

/// The failure report of one mutant: what was done, what went wrong, how to see it again.
fn report(case: &Case, run: &Run, found: &[String], saved: &Path) -> String {
    format!(
        "{case}\n  problems: {}\n  mutant saved at {}\n  rerun: TORG_CORRUPTION_SEED={} \
         TORG_CORRUPTION_ONLY={} cargo test --test corruption\n  exit {:?}, output without the \
         fixture's warnings:\n{}",
        found.join("; "),
        saved.display(),
        case.seed,
        case.number,
        run.code,
        indent(&run.errors_shown()),
    )
}

/// Sets torg's output off from the report's own lines.
fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn corrupted_input_never_panics_and_names_the_file() {
    let seed = env_number("TORG_CORRUPTION_SEED").unwrap_or(DEFAULT_SEED);
    let numbers = match env_number("TORG_CORRUPTION_ONLY") {
        Some(n) => n..n + 1,
        None => 0..env_number("TORG_CORRUPTION_CASES").unwrap_or(DEFAULT_CASES),
    };
    let verbose = std::env::var_os("TORG_CORRUPTION_VERBOSE").is_some();
    let project = Project::new();
    eprintln!(
        "corruption: seed {seed}, mutants {numbers:?} over {} files",
        project.originals.len()
    );
    let start = Instant::now();
    let mut before = tree(&project.path().join("public"));
    let (mut built, mut refused) = (0, 0);
    let mut failures = Vec::new();
    let mut refused_by: BTreeMap<String, usize> = BTreeMap::new();
    for number in numbers.clone() {
        let case = Case::new(seed, number, &project.originals);
        let run = project.build_mutant(&case);
        let found = problems(&case, &run, &project, &before);
        if !found.is_empty() {
            failures.push(report(&case, &run, &found, &save_mutant(&case)));
        }
        match run.code {
            Some(0) => {
                built += 1;
                before = tree(&project.path().join("public"));
            }
            _ => refused += 1,
        }
        let codes = run.error_codes();
        if verbose {
            eprintln!("{case}\n  exit {:?} {codes:?}", run.code);
        }
        for code in codes {
            *refused_by.entry(code).or_default() += 1;
        }
    }
    eprintln!(
        "corruption: {} mutants in {:.1} s: {built} built, {refused} refused, {} failed; \
         errors by code: {refused_by:?}",
        numbers.end - numbers.start,
        start.elapsed().as_secs_f64(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {} mutants failed:\n\n{}",
        failures.len(),
        numbers.end - numbers.start,
        failures.join("\n\n")
    );
}
