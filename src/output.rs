//! The gates every output file goes through. `torg build` writes into a staging folder next to
//! the output, swapped into place only when the whole build succeeded, so a failed build leaves the
//! old site intact. `torg serve` writes in place, and only files whose bytes changed.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;

/// Where rendered files go; `rel` is a path with `/` below the output folder.
pub trait Output: Sync {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic>;

    fn copy(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        let bytes = fs::read(from).map_err(|e| io_error(from, &e))?;
        self.write(rel, &bytes)
    }
}

/// A half-built output folder; removed on drop unless committed.
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates `.<out>.staging-<pid>` beside `out`, on the same file system so the swap is a rename.
    pub fn new(out: &Path) -> Result<Staging, Diagnostic> {
        let name = out
            .file_name()
            .map_or("public".into(), |n| n.to_string_lossy().to_string());
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| io_error(&dir, &e))?;
        }
        fs::create_dir(&dir).map_err(|e| io_error(&dir, &e))?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            committed: false,
        })
    }

    /// Replaces the output folder with the staged one.
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

impl Output for Staging {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        write_file(&self.dir.join(rel), bytes)
    }
}

/// Writes straight into the output folder, skipping files whose bytes are already there, and
/// remembers what it was given so files of deleted pages can be pruned.
pub struct InPlace {
    dir: PathBuf,
    given: Mutex<BTreeSet<String>>,
    written: Mutex<Vec<String>>,
}

impl InPlace {
    pub fn new(dir: &Path) -> InPlace {
        InPlace {
            dir: dir.to_path_buf(),
            given: Mutex::default(),
            written: Mutex::default(),
        }
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
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        if let Ok(mut given) = self.given.lock() {
            given.insert(rel.to_string());
        }
        let path = self.dir.join(rel);
        if fs::read(&path).is_ok_and(|old| old == bytes) {
            return Ok(());
        }
        write_file(&path, bytes)?;
        if let Ok(mut written) = self.written.lock() {
            written.push(rel.to_string());
        }
        Ok(())
    }
}

/// Keeps rendered files in memory: `torg check` renders to look at the links in the HTML.
#[derive(Default)]
pub struct Memory {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Memory {
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_default()
    }
}

impl Output for Memory {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        if let Ok(mut files) = self.files.lock() {
            files.insert(rel.to_string(), bytes.to_vec());
        }
        Ok(())
    }
}

/// Writes one file, creating its folders.
fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Diagnostic> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
    }
    let mut file = fs::File::create(path).map_err(|e| io_error(path, &e))?;
    file.write_all(bytes).map_err(|e| io_error(path, &e))
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

    #[test]
    fn uncommitted_staging_leaves_output_untouched() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("old.html"), "old").unwrap();
        {
            let s = Staging::new(&out).unwrap();
            s.write("a/new.html", b"new").unwrap();
        }
        assert_eq!(fs::read_to_string(out.join("old.html")).unwrap(), "old");
        assert_eq!(
            fs::read_dir(tmp.path()).unwrap().count(),
            1,
            "staging folder removed"
        );
        let s = Staging::new(&out).unwrap();
        s.write("a/new.html", b"new").unwrap();
        s.commit().unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(fs::read_to_string(out.join("a/new.html")).unwrap(), "new");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
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
        fs::create_dir_all(tmp.path().join("a/deleted-page")).unwrap();
        fs::write(tmp.path().join("a/deleted-page/index.html"), "old").unwrap();
        assert_eq!(out.prune("a").unwrap(), 2);
        assert!(!tmp.path().join("a/gone.html").exists());
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
