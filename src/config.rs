//! Build configuration: which folders to read and write, and where the output will be published.

use std::path::{Component, Path, PathBuf};

use crate::cache::MARKER as CACHE_MARKER;
use crate::content::model::SiteConfig;
use crate::diagnostic::Diagnostic;
use crate::layout;
use crate::output::MARKER;
use crate::route::{self, Route};

/// What one `torg build` run reads and writes.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    pub content: PathBuf,
    pub out: PathBuf,
    pub themes: PathBuf,
    pub locales: PathBuf,
    /// Only these portals; all when empty.
    pub sites: Vec<String>,
    pub strict: bool,
    /// Address where the output folder is published; overrides each site's `base_url`.
    pub base_url: Option<String>,
}

/// How addresses are written for one portal.
#[derive(Debug, Clone)]
pub struct Urls {
    /// Path of the output folder on the server, `/` or `/some/prefix/`.
    pub root_path: String,
    /// `https://host/prefix/` when known; canonical links and the sitemap use it.
    pub absolute_root: Option<String>,
}

impl Urls {
    /// From `--base-url` (the output folder's address) or the portal's own `base_url` in
    /// `config`, which must end with the portal's folder `slug` because every portal lives in
    /// `<out>/<slug>/`. `dir` is the portal's content folder, named in errors.
    pub fn for_site(
        slug: &str,
        dir: &Path,
        config: &SiteConfig,
        cli_base: Option<&str>,
    ) -> Result<Urls, Diagnostic> {
        let path = layout::site_file(dir);
        let line = config
            .base_url
            .as_ref()
            .map(|b| b.referenced.line() as usize);
        let at = |d: Diagnostic| match line {
            Some(line) if cli_base.is_none() => d.at(line, None),
            _ => d,
        };
        let root = match (cli_base, &config.base_url) {
            (Some(b), _) => with_slash(b),
            (None, Some(b)) => {
                let b = with_slash(&b.value);
                let suffix = format!("/{slug}/");
                b.strip_suffix(&suffix[1..]).filter(|r| r.ends_with('/')).map(str::to_string).ok_or_else(|| {
                    at(Diagnostic::error("invalid-value", &path, format!("`base_url` must end with `{suffix}`, because the portal is published in the folder `{}` of the output.", slug))
                        .hint(format!("Write the portal's own address, e.g. `https://example.org{suffix}`.")))
                })?
            }
            (None, None) => return Ok(Urls::at_root()),
        };
        let rest = root
            .strip_prefix("https://")
            .or_else(|| root.strip_prefix("http://"))
            .ok_or_else(|| {
                at(Diagnostic::error(
                    "invalid-value",
                    &path,
                    format!("`{root}` is not a web address."),
                )
                .hint("Start `base_url` with https://"))
            })?;
        let root_path = rest
            .find('/')
            .map_or("/".to_string(), |i| rest[i..].to_string());
        Ok(Urls {
            root_path,
            absolute_root: Some(root),
        })
    }

    /// Published at the web root, address unknown: what a portal gets without a base URL.
    pub fn at_root() -> Urls {
        Urls {
            root_path: "/".into(),
            absolute_root: None,
        }
    }

    /// The output file (relative to the output folder) an address leads to, if it leads into the
    /// output folder: a root-relative path below `root_path`, or an absolute address below the
    /// base URL. `…/` means its `index.html`; `?query` and `#fragment` are left out.
    pub fn output_file(&self, address: &str) -> Option<String> {
        let path = address.split(['#', '?']).next().unwrap_or_default();
        let rest = self
            .absolute_root
            .as_deref()
            .and_then(|root| path.strip_prefix(root))
            .or_else(|| {
                path.strip_prefix(self.root_path.as_str())
                    .filter(|_| !path.starts_with("//"))
            })?;
        let mut file = percent_encoding::percent_decode_str(rest)
            .decode_utf8_lossy()
            .into_owned();
        if file.is_empty() || file.ends_with('/') {
            file.push_str(route::INDEX);
        }
        Some(file)
    }

    /// Root-relative address of a portal's page in one language: `/<site>/<lang>/<route>`.
    pub fn page(&self, site: &str, lang: &str, route: &Route) -> String {
        let mut page = self.root_path.clone();
        route.write_address(&mut page, site, lang);
        page
    }

    /// Root-relative address of a file below the output folder.
    pub fn path(&self, rel: &str) -> String {
        format!("{}{rel}", self.root_path)
    }

    /// Absolute address when the base URL is known, root-relative otherwise.
    pub fn absolute(&self, rel: &str) -> String {
        match &self.absolute_root {
            Some(root) => format!("{root}{rel}"),
            None => self.path(rel),
        }
    }
}

fn with_slash(s: &str) -> String {
    if s.ends_with('/') {
        s.to_string()
    } else {
        format!("{s}/")
    }
}

/// An output folder that [`check_out_dir`] found safe to replace, with `.`, `..` and symlinks
/// resolved: the staging folder and the swap act on the real folder, never on a link to it.
#[derive(Debug, Clone)]
pub struct OutDir(PathBuf);

impl OutDir {
    pub fn path(&self) -> &Path {
        &self.0
    }
}

/// Refuses output folders whose replacement would destroy something: the project or one of its
/// source folders, a file, or a folder torg did not write. `torg build` and `torg serve` both
/// call it before writing anything, since both replace or prune the whole folder.
pub fn check_out_dir(cfg: &BuildConfig) -> Result<OutDir, Diagnostic> {
    let out = real_path(&cfg.out).map_err(|e| {
        let name = cfg.out.display();
        refusal(
            cfg,
            &format!("`{name}` cannot be used as the output folder: {e}."),
        )
    })?;
    let shown = shown(&cfg.out, &out);
    let guarded = guarded(cfg)?;
    let problem = replaces_guarded(&guarded, &out)
        // The source folders, without the folder torg runs in, which holds `public/` itself.
        .or_else(|| inside_source(&guarded[..3], &out))
        .or_else(|| not_a_folder(&out));
    if let Some(problem) = problem {
        return Err(refusal(
            cfg,
            &format!("The output folder {shown} {problem}"),
        ));
    }
    if !is_empty_or_marked(&out, MARKER) {
        return Err(refusal(cfg, &format!("The folder {shown} already holds files that torg did not write (it has no {MARKER} file). torg replaces its output folder as a whole, so they would be deleted."))
            .hint("Delete it yourself or choose another folder, such as public/."));
    }
    Ok(OutDir(out))
}

/// Refuses a `--cache` folder that a build would destroy or read back, or whose files torg did
/// not write (torg replaces entries in it): it must lie apart from the output folder and the
/// project's folders, and be new, empty, or marked as a cache. Returns where it really is.
pub fn check_cache_dir(cfg: &BuildConfig, cache: &Path) -> Result<PathBuf, Diagnostic> {
    let refuse = |message: String| {
        Diagnostic::error("usage", cache, message)
            .hint("Choose a folder of its own for the cache, outside the output folder, such as .torg-cache/.")
    };
    let dir = real_path(cache).map_err(|e| {
        refuse(format!(
            "`{}` cannot be used as the cache folder: {e}.",
            cache.display()
        ))
    })?;
    let shown = shown(cache, &dir);
    let out = real_path(&cfg.out).unwrap_or_else(|_| cfg.out.clone());
    let guarded = guarded(cfg)?;
    let output = ("the output folder".to_string(), out);
    let all: Vec<_> = guarded.iter().chain([&output]).collect();
    // The folder torg runs in may hold the cache, as it holds `public/`; the others may not.
    let may_not_hold: Vec<_> = guarded[..3].iter().chain([&output]).collect();
    let find = |folders: &[&(String, PathBuf)], relation: &str, hit: &dyn Fn(&Path) -> bool| {
        let (what, _) = folders.iter().find(|(_, folder)| hit(folder))?;
        Some(format!("{relation} {what}."))
    };
    let problem = find(&all, "is", &|folder| folder == dir)
        .or_else(|| find(&all, "contains", &|folder| folder.starts_with(&dir)))
        .or_else(|| {
            find(&may_not_hold, "is inside", &|folder| {
                dir.starts_with(folder)
            })
        })
        .or_else(|| not_a_folder(&dir));
    if let Some(problem) = problem {
        return Err(refuse(format!("The cache folder {shown} {problem}")));
    }
    if !is_empty_or_marked(&dir, CACHE_MARKER) {
        return Err(refuse(format!(
            "The folder {shown} already holds files that torg did not write (it has no {CACHE_MARKER} file). torg replaces what is in its cache folder, so they would be deleted."
        )));
    }
    Ok(dir)
}

/// Whether `out` is one of the guarded folders or a folder around one; the exact match is
/// named first, since it is the clearer explanation.
fn replaces_guarded(guarded: &[(String, PathBuf)], out: &Path) -> Option<String> {
    let same = guarded.iter().find(|(_, folder)| folder == out);
    let (what, folder) = same.or_else(|| guarded.iter().find(|(_, f)| f.starts_with(out)))?;
    let relation = if folder == out { "is" } else { "contains" };
    Some(format!(
        "{relation} {what}. A build replaces the whole output folder, so this would delete your project's files."
    ))
}

/// Whether `out` lies inside a source folder, where the next build would read it back.
fn inside_source(sources: &[(String, PathBuf)], out: &Path) -> Option<String> {
    let (what, _) = sources.iter().find(|(_, folder)| out.starts_with(folder))?;
    Some(format!(
        "is inside {what}, so the next build would mistake the built pages for your own files."
    ))
}

/// Whether the first part of `out` that exists is something other than a folder: a file, or a
/// link to nothing. A build would replace it, or fail to create the folder below it.
fn not_a_folder(out: &Path) -> Option<String> {
    let existing = out.ancestors().find(|a| a.symlink_metadata().is_ok())?;
    if existing.is_dir() {
        return None;
    }
    let what = if existing.is_symlink() {
        "a link to nothing"
    } else {
        "a file"
    };
    Some(if existing == out {
        format!("is {what}, not a folder; a build would replace it.")
    } else {
        format!(
            "cannot be made, because `{}` is {what}, not a folder.",
            existing.display()
        )
    })
}

/// The folders an output folder must never replace: the three source folders first (the
/// only ones it may not lie inside either), then the folder torg runs in.
fn guarded(cfg: &BuildConfig) -> Result<[(String, PathBuf); 4], Diagnostic> {
    let cwd = real_path(Path::new("."))
        .map_err(|e| refusal(cfg, &format!("The current folder cannot be read: {e}.")))?;
    let named = |what: &str, p: &Path| {
        (
            format!("{what} `{}`", p.display()),
            real_path(p).unwrap_or_else(|_| p.to_path_buf()),
        )
    };
    Ok([
        named("the content folder", &cfg.content),
        named("the themes folder", &cfg.themes),
        named("the locales folder", &cfg.locales),
        ("the folder torg runs in".to_string(), cwd),
    ])
}

/// A usage error about `--out`, with the usual way out.
fn refusal(cfg: &BuildConfig, message: &str) -> Diagnostic {
    Diagnostic::error("usage", &cfg.out, message)
        .hint("Choose a folder of its own for the output, such as public/.")
}

/// `` `../x` `` as given, and where it really is when that differs, so a reader sees what `..`
/// or a link led to.
fn shown(given: &Path, real: &Path) -> String {
    if given == real {
        format!("`{}`", given.display())
    } else {
        format!("`{}` ({})", given.display(), real.display())
    }
}

/// A folder that does not exist yet, is empty, or carries torg's `marker` may be replaced.
fn is_empty_or_marked(dir: &Path, marker: &str) -> bool {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none() || dir.join(marker).is_file(),
        Err(_) => !dir.exists(),
    }
}

/// The path the file system will reach: absolute, with `.`, `..` and symlinks resolved, also
/// below the part that exists (resolved by its nearest existing ancestor, the rest appended).
fn real_path(path: &Path) -> std::io::Result<PathBuf> {
    let mut real = PathBuf::new();
    for part in std::path::absolute(path)?.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                real.pop();
            }
            other => {
                real.push(other);
                if let Ok(resolved) = real.canonicalize() {
                    real = resolved;
                }
            }
        }
    }
    Ok(real)
}

#[cfg(test)]
impl BuildConfig {
    /// The command line's defaults with these folders, for tests.
    pub(crate) fn for_test(content: &Path, out: &Path) -> BuildConfig {
        BuildConfig {
            content: content.to_path_buf(),
            out: out.to_path_buf(),
            themes: content.with_file_name(layout::THEMES_DIR),
            locales: content.with_file_name(layout::LOCALES_DIR),
            sites: Vec::new(),
            strict: false,
            base_url: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn real_path_resolves_dots_and_links_below_what_exists() {
        let tmp = tempfile::tempdir().unwrap();
        let real = tmp.path().canonicalize().unwrap();
        fs::create_dir(real.join("a")).unwrap();
        std::os::unix::fs::symlink(real.join("a"), real.join("link")).unwrap();
        let p = real_path(&real.join("link/./new/../x/y")).unwrap();
        assert_eq!(p, real.join("a/x/y"));
        assert_eq!(real_path(&real.join("a/..")).unwrap(), real);
    }

    #[test]
    fn outputs_that_would_replace_the_project_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let project = tmp.path().canonicalize().unwrap().join("project");
        for dir in ["content/demo", "themes", "locales", "mine"] {
            fs::create_dir_all(project.join(dir)).unwrap();
        }
        fs::write(project.join("mine/notes.txt"), "keep").unwrap();
        fs::write(project.join("out.txt"), "keep").unwrap();
        std::os::unix::fs::symlink(&project, project.join("up")).unwrap();
        std::os::unix::fs::symlink(project.join("nowhere"), project.join("dangling")).unwrap();
        let check =
            |out: &Path| check_out_dir(&BuildConfig::for_test(&project.join("content"), out));
        let refused = |out: PathBuf, words: &str| {
            let d = check(&out).expect_err(&out.display().to_string());
            assert_eq!(d.code, "usage");
            assert!(
                d.message.contains(words),
                "{}: {}",
                out.display(),
                d.message
            );
        };
        refused(project.clone(), "contains the content folder");
        refused(project.join("content/demo/.."), "is the content folder");
        refused(project.join("themes"), "is the themes folder");
        refused(project.join("locales/nb"), "is inside the locales folder");
        refused(project.join("up/content/x"), "is inside the content folder");
        refused(project.join("up"), "contains the content folder");
        refused(project.join("out.txt"), "is a file, not a folder");
        refused(project.join("out.txt/public"), "is a file, not a folder");
        refused(project.join("dangling"), "is a link to nothing");
        refused(PathBuf::from("."), "is the folder torg runs in");
        // `..` of the test's own folder; it may hold the temporary project too (a clone in /tmp),
        // which is then named first.
        refused(PathBuf::from(".."), "contains the ");
        let d = check(&project.join("mine")).unwrap_err();
        assert!(
            d.message.contains("files that torg did not write"),
            "{}",
            d.message
        );
        assert!(d.hint.contains("Delete it yourself"), "{}", d.hint);
        assert_eq!(
            fs::read_to_string(project.join("mine/notes.txt")).unwrap(),
            "keep"
        );
    }

    #[test]
    fn new_empty_and_own_output_folders_may_be_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let project = tmp.path().canonicalize().unwrap();
        let content = project.join("content");
        let check = |out: &Path| check_out_dir(&BuildConfig::for_test(&content, out));
        assert_eq!(
            check(&project.join("new/public")).unwrap().path(),
            project.join("new/public")
        );
        fs::create_dir(project.join("empty")).unwrap();
        assert!(check(&project.join("empty")).is_ok());
        fs::create_dir(project.join("ours")).unwrap();
        fs::write(project.join("ours/index.html"), "old").unwrap();
        assert!(check(&project.join("ours")).is_err());
        crate::output::claim(&project.join("ours")).unwrap();
        assert!(check(&project.join("ours")).is_ok());
    }
}
