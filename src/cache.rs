//! `torg build --cache DIR`: each portal's finished output kept between builds, so that a CI run
//! after a merge loads, renders and indexes only the portals whose files changed, and copies the
//! rest.
//!
//! An entry is keyed by a hash of everything its portal's output is made from: torg itself (the
//! bytes of its program file, so any other build of torg misses), the default theme, the interface
//! texts, the `--base-url` given, and every file in the portal's folder. Whatever changes one of
//! those changes the key, so an entry is only ever used for the output it was made as. It also
//! keeps the warnings that loading and validating the portal gave, which a build that copies the
//! portal reports again without reading its content. An entry is written to a folder of its own
//! and renamed into place when the portal is complete; a portal keeps one entry, the newest.
//!
//! ```text
//! <cache>/.torg-cache                 MARKER: torg made this folder and may replace what is in it
//! <cache>/<site>/<key>/manifest       the portal's page count, then each file's size and address
//! <cache>/<site>/<key>/files          its output files back to back, in the manifest's order
//! <cache>/<site>/<key>/warnings.json  the warnings, file names below the portal's folder relative
//! ```
//!
//! The files are one file rather than a folder of them because a copy from the cache is mostly
//! opening and closing files: one read instead of one per output file.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use walkdir::WalkDir;

use crate::config::BuildConfig;
use crate::diagnostic::Diagnostic;
use crate::layout;
use crate::output::{Output, create_file};

/// The file that marks a folder as torg's cache, which torg may then fill and prune.
pub const MARKER: &str = ".torg-cache";
const MARKER_TEXT: &str = "torg build --cache keeps each portal's output here between builds.\n";
/// Bumped when the layout of an entry changes, so older entries are never read.
const FORMAT: &str = "torg cache 2";
const MANIFEST: &str = "manifest";
const FILES: &str = "files";
const WARNINGS: &str = "warnings.json";

/// An open cache: its folder, and the hash of the inputs every portal shares.
pub struct Cache {
    dir: PathBuf,
    shared: Sha256,
}

impl Cache {
    /// Opens `dir`, which [`check_cache_dir`](crate::config::check_cache_dir) found safe, and
    /// hashes what every portal is made from.
    pub fn open(dir: &Path, cfg: &BuildConfig) -> Result<Cache, Diagnostic> {
        fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
        write(&dir.join(MARKER), MARKER_TEXT.as_bytes())?;
        let program = std::env::current_exe().and_then(fs::read).map_err(|e| {
            Diagnostic::error(
                "cache",
                dir,
                format!(
                    "torg could not read its own program file, which the cache is keyed by: {e}."
                ),
            )
            .hint("Build without --cache.")
        })?;
        let mut shared = Sha256::new();
        field(&mut shared, FORMAT.as_bytes());
        field(&mut shared, &program);
        field(
            &mut shared,
            cfg.base_url.as_deref().unwrap_or("").as_bytes(),
        );
        hash_folder(&mut shared, &layout::default_theme(&cfg.themes))?;
        hash_folder(&mut shared, &cfg.locales)?;
        Ok(Cache {
            dir: dir.to_path_buf(),
            shared,
        })
    }

    /// The entry for the portal in `site_dir` as its files are now.
    pub fn entry(&self, slug: &str, site_dir: &Path) -> Result<Entry, Diagnostic> {
        let mut hash = self.shared.clone();
        hash_folder(&mut hash, site_dir)?;
        let key: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
        let portal = self.dir.join(slug);
        Ok(Entry {
            slug: slug.to_string(),
            site_dir: site_dir.to_path_buf(),
            dir: portal.join(&key),
            new: portal.join(format!(".{key}.new-{}", std::process::id())),
            portal,
        })
    }
}

/// One portal's place in the cache, for the key its files have now.
pub struct Entry {
    slug: String,
    /// The portal's content folder, which the kept warnings' file names are relative to.
    site_dir: PathBuf,
    /// `<cache>/<site>/`: this portal's entries.
    portal: PathBuf,
    /// `<cache>/<site>/<key>/`: the entry for the files as they are.
    dir: PathBuf,
    /// Where the entry is written until it is complete.
    new: PathBuf,
}

/// A complete entry as [`Entry::find`] read it.
pub struct Hit {
    pub pages: usize,
    /// The warnings the portal gave when it was built, with their file names as now.
    pub warnings: Vec<Diagnostic>,
    /// Each output file's address and size, in the order of the files.
    files: Vec<(String, usize)>,
}

/// A warning as kept: a file below the portal's folder is named relative to it, so an entry
/// stays right when the project is checked out somewhere else.
#[derive(Serialize, Deserialize)]
struct Kept {
    warning: Diagnostic,
    below_portal: bool,
}

impl Entry {
    /// The entry, if there is a complete one. A damaged entry (its files of another length than
    /// the manifest lists, or an address outside the portal) counts as none: the portal is then
    /// loaded and rendered again.
    pub fn find(&self) -> Option<Hit> {
        let manifest = fs::read_to_string(self.dir.join(MANIFEST)).ok()?;
        let mut lines = manifest.lines();
        let pages = lines.next()?.parse().ok()?;
        let files = lines
            .map(|line| {
                let (size, rel) = line.split_once(' ')?;
                // Not a manifest torg wrote if it names a file outside the portal.
                is_inside(rel, &self.slug).then_some((rel.to_string(), size.parse().ok()?))
            })
            .collect::<Option<Vec<(String, usize)>>>()?;
        let length = fs::metadata(self.dir.join(FILES)).ok()?.len();
        if length != files.iter().map(|(_, size)| *size as u64).sum::<u64>() {
            return None;
        }
        let kept: Vec<Kept> =
            serde_json::from_slice(&fs::read(self.dir.join(WARNINGS)).ok()?).ok()?;
        let warnings = kept
            .into_iter()
            .map(|k| match k.below_portal {
                true => Diagnostic {
                    file: self.site_dir.join(&k.warning.file),
                    ..k.warning
                },
                false => k.warning,
            })
            .collect();
        Some(Hit {
            pages,
            warnings,
            files,
        })
    }

    /// Writes the files of `hit` to `out`.
    pub fn restore(&self, hit: &Hit, out: &impl Output) -> Result<(), Diagnostic> {
        let path = self.dir.join(FILES);
        let bytes = fs::read(&path).map_err(|e| restore_error(&path, &e.to_string()))?;
        let mut rest = bytes.as_slice();
        for (rel, size) in &hit.files {
            let Some((file, after)) = rest.split_at_checked(*size) else {
                return Err(restore_error(&path, "it is shorter than its manifest says"));
            };
            out.write(rel, file)?;
            rest = after;
        }
        Ok(())
    }

    /// `warning` as kept, named relative to the portal's folder when it is below it.
    fn kept(&self, warning: &Diagnostic) -> Kept {
        match warning.file.strip_prefix(&self.site_dir) {
            Ok(rel) => Kept {
                warning: Diagnostic {
                    file: rel.to_path_buf(),
                    ..warning.clone()
                },
                below_portal: true,
            },
            Err(_) => Kept {
                warning: warning.clone(),
                below_portal: false,
            },
        }
    }

    /// An output that also writes every file into this entry, which [`Recorder::keep`] completes.
    pub fn record<'a, O: Output>(&'a self, out: &'a O) -> Result<Recorder<'a, O>, Diagnostic> {
        let _ = fs::remove_dir_all(&self.new); // left by a build that was killed
        fs::create_dir_all(&self.new).map_err(|e| io_error(&self.new, &e))?;
        let path = self.new.join(FILES);
        let files = fs::File::create(&path).map_err(|e| io_error(&path, &e))?;
        Ok(Recorder {
            entry: self,
            out,
            files: Mutex::new(Pack {
                file: BufWriter::new(files),
                listed: Vec::new(),
            }),
        })
    }
}

/// The entry's files as they are written: one file, and each output file's address and size.
struct Pack {
    file: BufWriter<fs::File>,
    listed: Vec<(String, usize)>,
}

/// Writes each file to the build's output and to a new cache entry.
pub struct Recorder<'a, O> {
    entry: &'a Entry,
    out: &'a O,
    files: Mutex<Pack>,
}

impl<O: Output> Output for Recorder<'_, O> {
    fn keep(&self, rel: &str) {
        self.out.keep(rel);
    }

    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.out.write(rel, bytes)?;
        let path = self.entry.new.join(FILES);
        let mut pack = self
            .files
            .lock()
            .map_err(|_| io_error(&path, &std::io::Error::other("a thread failed")))?;
        pack.file
            .write_all(bytes)
            .map_err(|e| io_error(&path, &e))?;
        pack.listed.push((rel.to_string(), bytes.len()));
        Ok(())
    }
}

impl<O> Recorder<'_, O> {
    /// Completes the entry once the portal is published: its files, page count and `warnings`,
    /// then the rename that makes it visible, then the portal's older entries go.
    pub fn keep(self, pages: usize, warnings: &[&Diagnostic]) -> Result<(), Diagnostic> {
        let entry = self.entry;
        let path = entry.new.join(FILES);
        let pack = self
            .files
            .into_inner()
            .map_err(|_| io_error(&path, &std::io::Error::other("a thread failed")))?;
        pack.file
            .into_inner()
            .map_err(|e| io_error(&path, e.error()))?;
        let files = pack
            .listed
            .iter()
            .map(|(rel, size)| format!("{size} {rel}"));
        let manifest = std::iter::once(pages.to_string()).chain(files);
        let manifest: String = manifest.map(|line| line + "\n").collect();
        write(&entry.new.join(MANIFEST), manifest.as_bytes())?;
        let kept: Vec<Kept> = warnings.iter().map(|w| entry.kept(w)).collect();
        let json = serde_json::to_vec(&kept).map_err(|e| io_error(&path, &e.into()))?;
        write(&entry.new.join(WARNINGS), &json)?;
        let _ = fs::remove_dir_all(&entry.dir);
        fs::rename(&entry.new, &entry.dir).map_err(|e| io_error(&entry.dir, &e))?;
        for old in fs::read_dir(&entry.portal).into_iter().flatten().flatten() {
            if old.path() != entry.dir {
                let _ = fs::remove_dir_all(old.path());
            }
        }
        Ok(())
    }
}

/// Whether `rel` is an address below the portal's folder, with no `..` to climb out of it.
fn is_inside(rel: &str, slug: &str) -> bool {
    rel.strip_prefix(slug)
        .is_some_and(|rest| rest.starts_with('/'))
        && Path::new(rel)
            .components()
            .all(|part| matches!(part, Component::Normal(_)))
}

/// Adds one length-prefixed field, so that two different sequences never hash alike.
fn field(hash: &mut Sha256, bytes: &[u8]) {
    hash.update((bytes.len() as u64).to_le_bytes());
    hash.update(bytes);
}

/// Adds every file below `dir` (none if it does not exist), by path and content, in name order.
fn hash_folder(hash: &mut Sha256, dir: &Path) -> Result<(), Diagnostic> {
    if !dir.exists() {
        return Ok(());
    }
    for file in WalkDir::new(dir).sort_by_file_name() {
        let file = file.map_err(|e| read_error(dir, &e.to_string()))?;
        if file.file_type().is_file() {
            let rel = file.path().strip_prefix(dir).unwrap_or(file.path());
            field(hash, rel.to_string_lossy().as_bytes());
            let bytes =
                fs::read(file.path()).map_err(|e| read_error(file.path(), &e.to_string()))?;
            field(hash, &bytes);
        }
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    create_file(path, bytes).map_err(|e| io_error(path, &e))
}

fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error("cache", path, format!("Could not write the cache: {e}."))
        .hint("Check that the disk is not full, or build without --cache.")
}

/// An entry found complete could not be copied: something changed the cache during the build.
fn restore_error(path: &Path, e: &str) -> Diagnostic {
    Diagnostic::error(
        "cache",
        path,
        format!("Could not copy this portal from the cache: {e}."),
    )
    .hint("Check that nothing else writes to the cache folder, or build without --cache.")
}

fn read_error(path: &Path, e: &str) -> Diagnostic {
    Diagnostic::error(
        "cache",
        path,
        format!("Could not read this file to key the cache: {e}."),
    )
    .hint("Check that torg may read every file of the project.")
}
