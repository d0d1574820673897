//! The one gate every output file goes through: a staging folder next to the output, swapped
//! into place only when the whole build succeeded, so a failed build leaves the old site intact.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

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

    /// Writes one file below the staging folder, creating its folders.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| io_error(parent, &e))?;
        }
        let mut file = fs::File::create(&path).map_err(|e| io_error(&path, &e))?;
        file.write_all(bytes).map_err(|e| io_error(&path, &e))
    }

    pub fn copy(&self, rel: &str, from: &Path) -> Result<(), Diagnostic> {
        let bytes = fs::read(from).map_err(|e| io_error(from, &e))?;
        self.write(rel, &bytes)
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
}
