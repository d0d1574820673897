//! The folder layout torg reads: every fixed file and folder name of a project and of a portal,
//! in one place, so loading, rendering, serving and checking cannot disagree about where a file
//! lives. A portal's own files are classified in `content::load::classify` by these names;
//! docs/content.md describes the layout for authors.
//!
//! ```text
//! content/<site>/site.yaml                      SITE_FILE
//! content/<site>/terms.yaml                     TERMS_FILE (optional)
//! content/<site>/plan/plan.yaml, plan.<lang>.md PLAN_DIR, PLAN_FILE, PLAN_TEXT
//! content/<site>/plan/themes/                   PLAN_CHAPTERS_DIR
//! content/<site>/services/, pages/, glossary/   SERVICES_DIR, PAGES_DIR, GLOSSARY_DIR
//! content/<site>/start/start.yaml, start.<lang>.md  START_DIR, START_NAME
//! content/<site>/locales/<lang>/*.ftl           LOCALES_DIR (overrides)
//! content/<site>/theme/templates/, static/      THEME_OVERRIDE_DIR, TEMPLATES_DIR, STATIC_DIR
//! themes/default/templates/, static/            THEMES_DIR, DEFAULT_THEME
//! locales/<lang>/ui.ftl                         LOCALES_DIR
//! ```

use std::path::{Path, PathBuf};

/// A portal is a folder of the content folder that holds this file.
pub const SITE_FILE: &str = "site.yaml";
/// A portal's list of key terms and how each language renders them, read by `torg check`.
pub const TERMS_FILE: &str = "terms.yaml";
/// The plan's folder inside a portal.
pub const PLAN_DIR: &str = "plan";
/// The plan's facts, inside [`PLAN_DIR`].
pub const PLAN_FILE: &str = "plan.yaml";
/// The stem of the plan's text files, `plan.<lang>.md`, inside [`PLAN_DIR`].
pub const PLAN_TEXT: &str = "plan";
/// The plan's chapters, inside [`PLAN_DIR`].
pub const PLAN_CHAPTERS_DIR: &str = "themes";
/// The «start here» page's folder inside a portal: `start.yaml` and `start.<lang>.md`.
pub const START_DIR: &str = "start";
/// The one name the files in [`START_DIR`] have.
pub const START_NAME: &str = "start";
pub const SERVICES_DIR: &str = "services";
pub const PAGES_DIR: &str = "pages";
pub const GLOSSARY_DIR: &str = "glossary";
/// Interface strings: the project's `locales/<lang>/ui.ftl`, and a portal's overrides in the
/// same shape inside the portal.
pub const LOCALES_DIR: &str = "locales";
/// The project's folder of template sets.
pub const THEMES_DIR: &str = "themes";
/// The template set every portal is rendered with, inside [`THEMES_DIR`].
pub const DEFAULT_THEME: &str = "default";
/// A portal's own templates and static files, laid over the default theme.
pub const THEME_OVERRIDE_DIR: &str = "theme";
/// Inside a theme or a portal's override: Tera templates.
pub const TEMPLATES_DIR: &str = "templates";
/// Inside a theme or a portal's override: files copied as they are to `<site>/static/`.
pub const STATIC_DIR: &str = "static";

/// A portal's `site.yaml`.
pub fn site_file(site_dir: &Path) -> PathBuf {
    site_dir.join(SITE_FILE)
}

/// A portal's own theme folder, laid over the default theme.
pub fn theme_override(site_dir: &Path) -> PathBuf {
    site_dir.join(THEME_OVERRIDE_DIR)
}

/// The file `name` (`/`-separated) of a portal's `theme/static/` folder, if it is one: no part
/// may be empty or `..`, so a name cannot reach outside the folder.
pub fn static_file(site_dir: &Path, name: &str) -> Option<PathBuf> {
    let safe = !name.split('/').any(|part| part.is_empty() || part == "..");
    let file = theme_override(site_dir).join(STATIC_DIR).join(name);
    (safe && file.is_file()).then_some(file)
}

/// The default template set in the project's themes folder.
pub fn default_theme(themes: &Path) -> PathBuf {
    themes.join(DEFAULT_THEME)
}
