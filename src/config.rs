//! Build configuration: which folders to read and write, and where the output will be published.

use std::path::{Path, PathBuf};

use crate::content::model::Site;
use crate::diagnostic::Diagnostic;

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
    /// From `--base-url` (the output folder's address) or the site's own `base_url`, which must
    /// end with the site's folder because every portal lives in `<out>/<site>/`.
    pub fn for_site(site: &Site, cli_base: Option<&str>) -> Result<Urls, Diagnostic> {
        let path = site.dir.join("site.yaml");
        let root = match (cli_base, &site.config.base_url) {
            (Some(b), _) => with_slash(b),
            (None, Some(b)) => {
                let b = with_slash(b);
                let suffix = format!("/{}/", site.slug);
                b.strip_suffix(&suffix[1..]).filter(|r| r.ends_with('/')).map(str::to_string).ok_or_else(|| {
                    Diagnostic::error("invalid-value", &path, format!("`base_url` must end with `{suffix}`, because the portal is published in the folder `{}` of the output.", site.slug))
                        .hint(format!("Write the portal's own address, e.g. `https://example.org{suffix}`."))
                })?
            }
            (None, None) => {
                return Ok(Urls {
                    root_path: "/".into(),
                    absolute_root: None,
                });
            }
        };
        let rest = root
            .strip_prefix("https://")
            .or_else(|| root.strip_prefix("http://"))
            .ok_or_else(|| {
                Diagnostic::error(
                    "invalid-value",
                    &path,
                    format!("`{root}` is not a web address."),
                )
                .hint("Start `base_url` with https://")
            })?;
        let root_path = rest
            .find('/')
            .map_or("/".to_string(), |i| rest[i..].to_string());
        Ok(Urls {
            root_path,
            absolute_root: Some(root),
        })
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

/// Refuses output folders whose replacement would destroy the project.
pub fn check_out_dir(cfg: &BuildConfig) -> Result<(), Diagnostic> {
    let out = absolute(&cfg.out);
    let protected = [&cfg.content, &cfg.themes, &cfg.locales].map(|p| absolute(p));
    let cwd = std::env::current_dir().unwrap_or_default();
    if out.parent().is_none() || out == cwd || protected.iter().any(|p| p.starts_with(&out)) {
        return Err(Diagnostic::error("usage", &cfg.out, "This output folder would contain the project's own files, and a build replaces the whole output folder.")
            .hint("Choose a separate folder such as public/."));
    }
    Ok(())
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}
