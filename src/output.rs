//! The gates every output file goes through. `torg build` writes into a staging folder next to
//! the output, swapped into place only when the whole build succeeded, so a failed build leaves the
//! old site intact. `torg serve` writes in place, and only files whose bytes changed. Both mark
//! the folder as theirs ([`MARKER`]): a folder without the mark is never replaced or pruned.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use walkdir::WalkDir;

use crate::config::OutDir;
use crate::diagnostic::Diagnostic;

/// Where rendered files go; `rel` is a path with `/` below the output folder.
pub trait Output: Sync {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic>;

    fn copy(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        let bytes = fs::read(from).map_err(|e| io_error(from, &e))?;
        self.write(rel, &bytes)
    }

    /// Says that `rel`, written by an earlier pass into this same folder, is still current, so
    /// that [`InPlace::prune`] keeps it; a fresh folder never hears of files it was not given.
    fn keep(&self, _rel: &str) {}
}

/// The file that marks a folder as torg's output, so that a later build or preview may replace
/// it; a folder without it is never emptied. It is published with the site (docs/nginx/torg.conf
/// serves it like any other file), which is harmless: it holds one line saying torg wrote the
/// folder, nothing about the server or the content.
pub const MARKER: &str = ".torg-output";
const MARKER_TEXT: &str =
    "Written by torg: torg build and torg serve replace this folder as a whole.\n";

/// Marks `dir` as torg's output; done first, before any page is written into it.
pub fn claim(dir: &Path) -> Result<(), Diagnostic> {
    write_file(&dir.join(MARKER), MARKER_TEXT.as_bytes())
}

/// A half-built output folder; removed on drop unless committed.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates `.<out>.staging-<pid>` beside the checked output folder, on the same file system
    /// so the swap is a rename, and removes what killed runs left there.
    pub fn new(out: &OutDir) -> Result<Staging, Diagnostic> {
        let out = out.path();
        let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
            return Err(Diagnostic::error(
                "usage",
                out,
                "The output folder cannot be the root of the file system.",
            ));
        };
        fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
        let prefix = format!(".{}.staging-", name.to_string_lossy());
        sweep(parent, &prefix);
        let dir = parent.join(format!("{prefix}{}", std::process::id()));
        fs::create_dir(&dir).map_err(|e| io_error(&dir, &e))?;
        let staging = Staging {
            dir,
            out: out.to_path_buf(),
            committed: false,
        };
        claim(&staging.dir)?;
        Ok(staging)
    }

    /// Replaces the output folder (empty or torg's own, as [`OutDir`] checked) with the staged one.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        let old = self.dir.with_file_name(format!(
            "{}.old",
            self.dir.file_name().unwrap_or_default().to_string_lossy()
        ));
        let had_old = self.out.exists();
        if had_old {
            fs::rename(&self.out, &old).map_err(|e| io_error(&self.out, &e))?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.out) {
            if had_old {
                let _ = fs::rename(&old, &self.out);
            }
            return Err(io_error(&self.out, &e));
        }
        self.committed = true;
        if had_old {
            fs::remove_dir_all(&old).map_err(|e| io_error(&old, &e))?;
        }
        Ok(())
    }
}

/// Removes the folders beside the output whose names start with `prefix` and that carry the
/// marker: staging folders of runs that were killed before they could clean up. A build running
/// at the same time into the same folder loses its staging folder and fails, output untouched.
fn sweep(parent: &Path, prefix: &str) {
    for entry in fs::read_dir(parent).into_iter().flatten().flatten() {
        let leftover = is_staging_name(&entry.file_name().to_string_lossy(), prefix)
            && entry.path().join(MARKER).is_file();
        if leftover {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// `<prefix><pid>` or `<prefix><pid>.old`, the names [`Staging`] gives its folders.
fn is_staging_name(name: &str, prefix: &str) -> bool {
    let pid = name
        .strip_prefix(prefix)
        .map(|rest| rest.trim_end_matches(".old"));
    pid.is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
}

/// Files are written directly, not through a temporary file as [`InPlace`] does: nothing reads
/// the staging folder before the swap, and a failed build discards it.
impl Output for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        write_file(&self.dir.join(rel), bytes)
    }

    /// By the file system's own copy, which shares the blocks where it can (btrfs, XFS).
    fn copy(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        let to = self.dir.join(rel);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
        }
        fs::copy(from, &to).map(drop).map_err(|e| io_error(&to, &e))
    }
}

/// Writes straight into the output folder, skipping files whose bytes are already there, and
/// remembers what it was given so files of deleted pages can be pruned. The preview's server
/// reads the same folder meanwhile, so every file is replaced whole (see [`InPlace::replace`]).
pub struct InPlace {
    dir: PathBuf,
    given: Mutex<BTreeSet<String>>,
    written: Mutex<Vec<String>>,
    /// Numbers the temporary files of [`InPlace::replace`], unique within this process.
    next_temp: AtomicUsize,
}

impl InPlace {
    /// A gate into `dir`, which [`claim`] marked; the marker counts as given, so it is never pruned.
    pub fn new(dir: &Path) -> InPlace {
        InPlace {
            dir: dir.to_path_buf(),
            given: Mutex::new(BTreeSet::from([MARKER.to_string()])),
            written: Mutex::default(),
            next_temp: AtomicUsize::new(0),
        }
    }

    /// Writes a temporary file beside `path` and renames it over `path`: a request during a
    /// rebuild gets the old page or the new one, never an empty or half-written one.
    fn replace(&self, path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
        replace_file(path, bytes, self.next_temp.fetch_add(1, Ordering::Relaxed))
    }

    /// The files whose bytes changed, sorted.
    pub fn written(&self) -> Vec<String> {
        let mut w = self.written.lock().map(|w| w.clone()).unwrap_or_default();
        w.sort();
        w
    }

    /// Removes the files below `under` (a folder of the output, `""` for all) that this pass did
    /// not produce: pages of deleted items. Returns how many were removed.
    pub fn prune(&self, under: &str) -> Result<usize, Diagnostic> {
        let given = self.given.lock().map(|g| g.clone()).unwrap_or_default();
        let mut removed = 0;
        for entry in WalkDir::new(self.dir.join(under)).into_iter().flatten() {
            let rel = entry.path().strip_prefix(&self.dir).unwrap_or(entry.path());
            let rel = rel.to_string_lossy().replace('\\', "/");
            if entry.file_type().is_file() && !given.contains(&rel) {
                fs::remove_file(entry.path()).map_err(|e| io_error(entry.path(), &e))?;
                removed += 1;
            }
        }
        // Folders left empty by that; `remove_dir` refuses the others, which is what we want.
        let walk = WalkDir::new(self.dir.join(under)).contents_first(true);
        for entry in walk
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_dir())
        {
            let _ = fs::remove_dir(entry.path());
        }
        Ok(removed)
    }
}

impl Output for InPlace {
    fn keep(&self, rel: &str) {
        if let Ok(mut given) = self.given.lock() {
            given.insert(rel.to_string());
        }
    }

    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        self.keep(rel);
        let path = self.dir.join(rel);
        if fs::read(&path).is_ok_and(|old| old == bytes) {
            return Ok(());
        }
        self.replace(&path, bytes)?;
        if let Ok(mut written) = self.written.lock() {
            written.push(rel.to_string());
        }
        Ok(())
    }
}

/// Writes one file, creating its folders.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    create_file(path, bytes).map_err(|e| io_error(path, &e))
}

/// Replaces `path` with `bytes` through a temporary file beside it (`n` keeps the temporary
/// names of one process apart) renamed over it: a reader, or a run stopped half-way, sees the old
/// file or the new one, never a half-written one.
pub fn replace_file(path: &Path, bytes: &[u8], n: usize) -> Result<(), Diagnostic> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()));
    write_file(&temp, bytes)?;
    fs::rename(&temp, path).map_err(|e| {
        let _ = fs::remove_file(&temp);
        io_error(path, &e)
    })
}

/// Writes `bytes` to `path`, creating the folders above it when they are missing (tried after the
/// file: most files go into a folder that already exists, and a build writes tens of thousands).
pub(crate) fn create_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let file = match fs::File::create(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::File::create(path)
        }
        file => file,
    };
    file?.write_all(bytes)
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> Diagnostic {
    Diagnostic::error("io", path, format!("Could not write the output: {e}."))
        .hint("Check that the disk is not full and that you may write to this folder.")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `out` as `torg build --out` would accept it.
    fn checked(out: &Path) -> OutDir {
        let content = out.with_file_name("content");
        crate::config::check_out_dir(&crate::config::BuildConfig::for_test(&content, out)).unwrap()
    }

    #[test]
    fn uncommitted_staging_leaves_output_untouched() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        claim(&out).unwrap();
        fs::write(out.join("old.html"), "old").unwrap();
        {
            let s = Staging::new(&checked(&out)).unwrap();
            s.write("a/new.html", b"new").unwrap();
        }
        assert_eq!(fs::read_to_string(out.join("old.html")).unwrap(), "old");
        assert_eq!(
            fs::read_dir(tmp.path()).unwrap().count(),
            1,
            "staging folder removed"
        );
        let s = Staging::new(&checked(&out)).unwrap();
        s.write("a/new.html", b"new").unwrap();
        s.commit().unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(fs::read_to_string(out.join("a/new.html")).unwrap(), "new");
        assert!(out.join(MARKER).is_file(), "the new output is marked too");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
    }

    #[test]
    fn staging_removes_what_killed_runs_left_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        for left in [".public.staging-1", ".public.staging-2.old"] {
            claim(&tmp.path().join(left)).unwrap();
        }
        let theirs = tmp.path().join(".public.staging-notes");
        fs::create_dir(&theirs).unwrap();
        fs::write(theirs.join("keep.txt"), "keep").unwrap();
        claim(&tmp.path().join(".public.staging-x.staging-3")).unwrap();
        Staging::new(&checked(&out)).unwrap().commit().unwrap();
        let mut left: Vec<String> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                ".public.staging-notes",
                ".public.staging-x.staging-3",
                "public"
            ],
            "only this output's staging folders, only with the mark"
        );
    }

    #[test]
    fn in_place_readers_see_the_old_file_or_the_new_never_a_part() {
        let tmp = tempfile::tempdir().unwrap();
        let out = InPlace::new(tmp.path());
        let path = tmp.path().join("page.html");
        let (a, b) = (vec![b'a'; 200_000], vec![b'b'; 200_000]);
        out.write("page.html", &a).unwrap();
        let done = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            let reader = scope.spawn(|| {
                let mut reads = 0;
                while !done.load(Ordering::Relaxed) {
                    let seen = fs::read(&path).unwrap();
                    assert!(
                        seen == a || seen == b,
                        "read {} bytes mid-write",
                        seen.len()
                    );
                    reads += 1;
                }
                reads
            });
            for i in 0..200 {
                out.write("page.html", if i % 2 == 0 { &b } else { &a })
                    .unwrap();
            }
            done.store(true, Ordering::Relaxed);
            assert!(reader.join().unwrap() > 0);
        });
        let names: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["page.html"], "no temporary file left");
    }

    #[test]
    fn in_place_writes_only_changed_bytes_and_prunes_the_rest() {
        let tmp = tempfile::tempdir().unwrap();
        fs::create_dir_all(tmp.path().join("a")).unwrap();
        fs::write(tmp.path().join("a/same.html"), "same").unwrap();
        fs::write(tmp.path().join("a/gone.html"), "gone").unwrap();
        let out = InPlace::new(tmp.path());
        out.write("a/same.html", b"same").unwrap();
        out.write("a/new.html", b"new").unwrap();
        assert_eq!(out.written(), vec!["a/new.html".to_string()]);
        claim(tmp.path()).unwrap();
        fs::create_dir_all(tmp.path().join("a/deleted-page")).unwrap();
        fs::write(tmp.path().join("a/deleted-page/index.html"), "old").unwrap();
        assert_eq!(out.prune("a").unwrap(), 2);
        assert!(!tmp.path().join("a/gone.html").exists());
        assert_eq!(out.prune("").unwrap(), 0, "the marker is never pruned");
        assert!(tmp.path().join(MARKER).is_file());
        assert!(
            !tmp.path().join("a/deleted-page").exists(),
            "emptied folders go too"
        );
        assert_eq!(
            fs::read_to_string(tmp.path().join("a/new.html")).unwrap(),
            "new"
        );
    }
}
