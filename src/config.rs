//! Build configuration: which folders to read and write, and where the output will be published.

use std::path::{Path, PathBuf};

use crate::content::model::Site;
use crate::diagnostic::Diagnostic;
use crate::route::Route;

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
        let line = site
            .config
            .base_url
            .as_ref()
            .map(|b| b.referenced.line() as usize);
        let at = |d: Diagnostic| match line {
            Some(line) if cli_base.is_none() => d.at(line, None),
            _ => d,
        };
        let root = match (cli_base, &site.config.base_url) {
            (Some(b), _) => with_slash(b),
            (None, Some(b)) => {
                let b = with_slash(&b.value);
                let suffix = format!("/{}/", site.slug);
                b.strip_suffix(&suffix[1..]).filter(|r| r.ends_with('/')).map(str::to_string).ok_or_else(|| {
                    at(Diagnostic::error("invalid-value", &path, format!("`base_url` must end with `{suffix}`, because the portal is published in the folder `{}` of the output.", site.slug))
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
        let rest = percent_encoding::percent_decode_str(rest)
            .decode_utf8_lossy()
            .to_string();
        Some(if rest.is_empty() || rest.ends_with('/') {
            format!("{rest}index.html")
        } else {
            rest
        })
    }

    /// Root-relative address of a portal's page in one language: `/<site>/<lang>/<route>`.
    pub fn page(&self, site: &str, lang: &str, route: &Route) -> String {
        self.path(&format!("{site}/{lang}/{}", route.path()))
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
