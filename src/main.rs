//! The `torg` command line: parses arguments, runs a stage of the library, sets the exit code.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use rayon::prelude::*;

use std::collections::BTreeMap;
use std::time::Duration;
use torg::build;
use torg::layout;

use torg::cache::Cache;
use torg::check::{
    Figure, Freshness, LinkStatus, check_external, check_freshness, check_plain_language,
    check_rendered_links, check_terms, report_external,
};
use torg::config::{BuildConfig, OutDir, check_cache_dir, check_out_dir};
use torg::content::model::Date;
use torg::content::source::stamp;
use torg::content::translations;
use torg::content::validate::ExternalLink;
use torg::diagnostic::{Diagnostic, Format, Report, Severity};
use torg::exchange;
use torg::new::{NewKind, NewRequest, create};
use torg::output::replace_file;
use torg::schema::write_schemas;
use torg::serve::{ServeConfig, serve};

/// jemalloc, with the settings in .cargo/config.toml (Cargo.toml says why).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

#[derive(Parser)]
#[command(
    name = "torg",
    version,
    about = "Builds multilingual citizen portals from municipal integration plans"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the portals into a folder of static files.
    Build(BuildCommand),
    /// Check the portals as a build would, without writing anything, plus whether they are
    /// still current (for CI and before a merge).
    Check(CheckArgs),
    /// Show how complete each portal's translations are, mark translations as up to date, or
    /// exchange them with a translation agency's tools (XLIFF 2: export, import).
    Translations(TranslationsArgs),
    /// Preview the portals: build, serve on this computer, rebuild and reload on every save.
    Serve(ServeArgs),
    /// Create the files of a new service, page, glossary term, plan theme or portal, in the
    /// portal's source language, with comments saying what to write in them.
    New(NewArgs),
    /// Write the JSON Schemas of the content files, which editors use to complete fields and
    /// flag mistakes while you type (see docs/content.md).
    Schema(SchemaArgs),
}

#[derive(clap::Args)]
struct NewArgs {
    /// What to create.
    #[arg(value_enum)]
    kind: NewKind,
    /// Its name: lower-case letters a–z, digits and `-`; it becomes the page's address.
    name: String,
    /// Folder with one sub-folder per portal.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// The portal to add to, when there is more than one (not used for `portal`).
    #[arg(long, value_name = "NAME")]
    site: Option<String>,
    /// Folder with the schemas that the new files name on their first line.
    #[arg(long, value_name = "FOLDER", default_value = DEFAULT_SCHEMAS)]
    schemas: PathBuf,
}

#[derive(clap::Args)]
struct SchemaArgs {
    /// Folder to write the schemas into (made if missing; the files in it are replaced).
    #[arg(long, value_name = "FOLDER", default_value = DEFAULT_SCHEMAS)]
    out: PathBuf,
}

/// Where the project keeps its schemas, published with the docs.
const DEFAULT_SCHEMAS: &str = "docs/schema";

#[derive(clap::Args)]
struct ServeArgs {
    #[command(flatten)]
    build: BuildArgs,
    /// Port to listen on.
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// Address to listen on; anything but 127.0.0.1 or ::1 makes the preview visible to others.
    #[arg(long, default_value = "127.0.0.1")]
    bind: IpAddr,
}

#[derive(clap::Args)]
struct CheckArgs {
    #[command(flatten)]
    source: SourceArgs,
    /// The date to check freshness against (YYYY-MM-DD); today by default.
    #[arg(long, value_name = "DATE")]
    today: Option<jiff::civil::Date>,
    /// Services whose `reviewed` date is older than this many days get a warning.
    #[arg(long, value_name = "DAYS", default_value_t = 365)]
    review_age: i32,
    /// Also ask every external link's site whether the page is there (needs a network; sites
    /// that cannot be reached are listed, not counted as problems).
    #[arg(long)]
    external: bool,
}

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
struct TranslationsArgs {
    #[command(subcommand)]
    exchange: Option<Exchange>,
    #[command(flatten)]
    source: SourceArgs,
    /// Record that these translation files match their source as it is now (sets
    /// `translated_from` in their front matter).
    #[arg(long, value_name = "FILE")]
    mark: Vec<PathBuf>,
    #[command(flatten)]
    stamp: StampArgs,
}

/// The day a stamp records, which readers are told when the source changes after it.
#[derive(clap::Args)]
struct StampArgs {
    /// The day the translations are stamped as made (YYYY-MM-DD); today by default.
    #[arg(long, value_name = "DATE")]
    today: Option<jiff::civil::Date>,
}

impl StampArgs {
    fn day(&self) -> Result<Date, ExitCode> {
        let day = self.today.unwrap_or_else(|| jiff::Zoned::now().date());
        Date::from_civil(day).ok_or_else(|| {
            eprintln!("error: {day} is not a day a translation can be made on");
            ExitCode::from(2)
        })
    }
}

/// A round trip through a translation agency's tools (docs/content.md, «Working with a
/// translation agency»).
#[derive(Subcommand)]
enum Exchange {
    /// Write the texts a language still needs (missing or outdated) as an XLIFF 2 file for a
    /// translation tool.
    Export(ExportArgs),
    /// Check an XLIFF file that came back translated and write the translations it completes.
    Import(ImportArgs),
}

#[derive(clap::Args)]
struct ExportArgs {
    #[command(flatten)]
    source: SourceArgs,
    /// The language to translate into, e.g. pl.
    #[arg(long, value_name = "LANG")]
    lang: String,
    /// Where to write the file; `<portal>.<lang>.xlf` by default.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(clap::Args)]
struct ImportArgs {
    /// The XLIFF file the translation tool saved.
    file: PathBuf,
    #[command(flatten)]
    source: SourceArgs,
    #[command(flatten)]
    stamp: StampArgs,
}

#[derive(clap::Args)]
struct BuildCommand {
    #[command(flatten)]
    build: BuildArgs,
    /// Keep each portal's output in this folder between builds (e.g. a CI cache) and copy it
    /// from there while nothing it is made from has changed: torg, the theme, the interface
    /// texts, the base URL and the portal's own files. See docs/ci.md.
    #[arg(long, value_name = "FOLDER")]
    cache: Option<PathBuf>,
}

#[derive(clap::Args)]
struct BuildArgs {
    #[command(flatten)]
    source: SourceArgs,
    /// Output folder: new, empty, or one torg wrote; replaced as a whole only when the build
    /// succeeds.
    #[arg(long, default_value = "public")]
    out: PathBuf,
}

/// What every command reads, and how it reports problems.
#[derive(clap::Args)]
struct SourceArgs {
    /// Folder with one sub-folder per portal.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// Only this portal (repeat for several).
    #[arg(long = "site", value_name = "NAME")]
    sites: Vec<String>,
    /// Treat warnings, such as missing translations, as errors.
    #[arg(long)]
    strict: bool,
    /// Address where the output folder will be published, e.g. https://example.org/
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// Folder with the themes.
    #[arg(long, default_value = layout::THEMES_DIR)]
    themes: PathBuf,
    /// Folder with the interface texts, one sub-folder per language.
    #[arg(long, default_value = layout::LOCALES_DIR)]
    locales: PathBuf,
    /// How to print problems: human (grouped by file), json (on standard output), github
    /// (annotations for GitHub Actions, on standard output).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
}

impl SourceArgs {
    fn into_config(self, out: PathBuf) -> (BuildConfig, Format) {
        let cfg = BuildConfig {
            content: self.content,
            out,
            themes: self.themes,
            locales: self.locales,
            sites: self.sites,
            strict: self.strict,
            base_url: self.base_url,
        };
        (cfg, self.format)
    }
}

/// 0 success, 1 content errors, 2 usage errors (clap exits with 2 on its own).
fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build(args) => {
            let (cfg, format) = args.build.source.into_config(args.build.out);
            run_build(cfg, format, args.cache.as_deref())
        }
        Command::Check(args) => {
            let freshness = Freshness {
                today: args.today.unwrap_or_else(|| jiff::Zoned::now().date()),
                max_review_age_days: args.review_age,
            };
            let external = args.external;
            let (cfg, format) = args.source.into_config(PathBuf::from("public"));
            run_check(cfg, format, freshness, external)
        }
        Command::Translations(args) => match args.exchange {
            Some(Exchange::Export(e)) => {
                let (cfg, format) = e.source.into_config(PathBuf::from("public"));
                run_export(&cfg, format, &e.lang, e.out.as_deref())
            }
            Some(Exchange::Import(i)) => {
                let (cfg, format) = i.source.into_config(PathBuf::from("public"));
                match i.stamp.day() {
                    Ok(day) => run_import(&cfg, format, &i.file, day),
                    Err(code) => code,
                }
            }
            None => {
                let (cfg, format) = args.source.into_config(PathBuf::from("public"));
                match args.stamp.day() {
                    Ok(day) => run_translations(&cfg, format, &args.mark, day),
                    Err(code) => code,
                }
            }
        },
        Command::Serve(args) => {
            let (build, format) = args.build.source.into_config(args.build.out);
            let cfg = ServeConfig {
                build,
                bind: args.bind,
                port: args.port,
            };
            run_serve(cfg, format)
        }
        Command::New(args) => run_new(&args),
        Command::Schema(args) => run_schema(&args.out),
    }
}

/// Creates the files and says what to do next; a refused request changes nothing.
fn run_new(args: &NewArgs) -> ExitCode {
    let req = NewRequest {
        kind: args.kind,
        name: &args.name,
        content: &args.content,
        site: args.site.as_deref(),
        schemas: &args.schemas,
    };
    let created = match create(&req) {
        Ok(created) => created,
        Err(refusal) => {
            eprintln!("{}\nnothing was created", refusal.problem);
            return ExitCode::from(if refusal.usage { 2 } else { 1 });
        }
    };
    for path in &created.files {
        eprintln!("created {}", path.display());
    }
    for note in &created.notes {
        eprintln!("note: {note}");
    }
    if !args.schemas.is_dir() {
        eprintln!(
            "note: {} does not exist; run `torg schema --out {0}` so editors find the schemas the files name",
            args.schemas.display()
        );
    }
    eprintln!("fill in the lines the comments point to, then run `torg check`");
    ExitCode::SUCCESS
}

/// Writes every schema; the files are generated, never edited by hand.
fn run_schema(out: &Path) -> ExitCode {
    match write_schemas(out) {
        Ok(written) => {
            eprintln!("wrote {} schemas into {}", written.len(), out.display());
            ExitCode::SUCCESS
        }
        Err(d) => {
            eprintln!("{d}");
            ExitCode::from(1)
        }
    }
}

fn run_serve(cfg: ServeConfig, format: Format) -> ExitCode {
    if let Some(code) = refuse_unknown_sites(&cfg.build) {
        return code;
    }
    let out = match checked_out_dir(&cfg.build, format) {
        Ok(out) => out,
        Err(code) => return code,
    };
    match serve(cfg, out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(d) => {
            eprintln!("{d}");
            ExitCode::from(1)
        }
    }
}

/// An output folder that replacing would destroy something is a usage error, refused before
/// anything is read or written.
fn checked_out_dir(cfg: &BuildConfig, format: Format) -> Result<OutDir, ExitCode> {
    check_out_dir(cfg).map_err(|d| refuse(cfg, format, d))
}

/// Reports a folder torg will not use; nothing is built.
fn refuse(cfg: &BuildConfig, format: Format, problem: Diagnostic) -> ExitCode {
    let mut report = Report::default();
    report.push(problem);
    emit(&report, format, cfg);
    eprintln!("nothing was built; {} was not changed", cfg.out.display());
    ExitCode::from(2)
}

/// The `--cache` folder, checked and opened; a folder that cannot serve is a usage error.
fn opened_cache(cfg: &BuildConfig, dir: &Path, format: Format) -> Result<Cache, ExitCode> {
    check_cache_dir(cfg, dir)
        .and_then(|dir| Cache::open(&dir, cfg))
        .map_err(|d| refuse(cfg, format, d))
}

/// `--site` names that are not portals are usage errors.
fn refuse_unknown_sites(cfg: &BuildConfig) -> Option<ExitCode> {
    let unknown = build::unknown_sites(&cfg.sites, &cfg.content);
    if unknown.is_empty() {
        return None;
    }
    eprintln!(
        "error: there is no portal named {} in {}",
        unknown.join(", "),
        cfg.content.display()
    );
    Some(ExitCode::from(2))
}

fn run_check(cfg: BuildConfig, format: Format, freshness: Freshness, external: bool) -> ExitCode {
    if let Some(code) = refuse_unknown_sites(&cfg) {
        return code;
    }
    let mut report = Report::default();
    let portals = build::prepare(&cfg, &mut report);
    // Each portal's own checks are independent: run side by side, reported in portal order.
    let checked: Vec<(Report, Vec<Figure>)> = portals
        .par_iter()
        .map(|p| {
            let mut own = Report::default();
            check_freshness(&p.site, freshness, &mut own);
            check_terms(&p.site, &mut own);
            let figures = check_plain_language(&p.site, &mut own);
            (own, figures)
        })
        .collect();
    let mut readability = Vec::new();
    let mut links: Vec<ExternalLink> = Vec::new();
    for (p, (own, figures)) in portals.iter().zip(checked) {
        report.extend(own);
        readability.push((p.site.slug.clone(), figures));
        links.extend(p.external_links.iter().cloned());
    }
    if !report.is_fatal(false) {
        check_rendered_links(&cfg, &portals, &mut report);
    }
    if external {
        let answers = check_external(&links, Duration::from_secs(5));
        report_external(&links, &answers, &mut report);
        list_external(&answers);
    } else if !links.is_empty() {
        eprintln!(
            "note: {} external link(s) not checked; add --external to ask their sites",
            links.len()
        );
    }
    emit(&report, format, &cfg);
    for (slug, figures) in &readability {
        if let Some(line) = readability_line(figures) {
            eprintln!("note: readability of {slug} (LIX, median and range per language): {line}");
        }
    }
    let (errors, warnings) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
    );
    let verdict = if report.is_fatal(cfg.strict) {
        "failed"
    } else {
        "passed"
    };
    eprintln!(
        "check {verdict}: {} portal(s), {errors} error(s), {warnings} warning(s){}",
        portals.len(),
        strict_note(&cfg, warnings)
    );
    if report.is_fatal(cfg.strict) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// «nb 35 (23–52, 40 texts); en 40 (24–56, 45 texts)», in the order the languages come.
fn readability_line(figures: &[Figure]) -> Option<String> {
    let mut langs: Vec<&str> = Vec::new();
    for f in figures {
        if !langs.contains(&f.lang.as_str()) {
            langs.push(&f.lang);
        }
    }
    let parts: Vec<String> = langs
        .iter()
        .map(|lang| {
            let mut lix: Vec<f64> = figures
                .iter()
                .filter(|f| f.lang == *lang)
                .map(|f| f.lix)
                .collect();
            lix.sort_by(f64::total_cmp);
            let median = lix[lix.len() / 2];
            let (low, high) = (lix[0], lix[lix.len() - 1]);
            let texts = if lix.len() == 1 { "text" } else { "texts" };
            format!(
                "{lang} {median:.0} ({low:.0}–{high:.0}, {} {texts})",
                lix.len()
            )
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The portals, loaded and validated; content with errors is reported and refused, since a
/// translation of broken content cannot be judged.
fn loaded_portals(
    cfg: &BuildConfig,
    format: Format,
) -> Result<Vec<torg::render::Portal>, ExitCode> {
    if let Some(code) = refuse_unknown_sites(cfg) {
        return Err(code);
    }
    let mut report = Report::default();
    let portals = build::prepare(cfg, &mut report);
    if report.is_fatal(false) {
        emit(&report, format, cfg);
        eprintln!("the content has errors; fix them first (see above)");
        return Err(ExitCode::from(1));
    }
    Ok(portals)
}

/// Writes the XLIFF file of one portal's missing and outdated texts in `lang`.
fn run_export(cfg: &BuildConfig, format: Format, lang: &str, out: Option<&Path>) -> ExitCode {
    let portals = match loaded_portals(cfg, format) {
        Ok(portals) => portals,
        Err(code) => return code,
    };
    let [portal] = portals.as_slice() else {
        eprintln!(
            "error: there are {} portals; name the one to export with --site",
            portals.len()
        );
        return ExitCode::from(2);
    };
    let site = &portal.site;
    if !site.config.languages[1..].iter().any(|l| l == lang) {
        eprintln!(
            "error: {lang} is not a language {} is translated into; its translations are {}",
            site.slug,
            site.config.languages[1..].join(", ")
        );
        return ExitCode::from(2);
    }
    let written = exchange::export(&cfg.content, site, lang).and_then(|export| {
        if export.units == 0 {
            return Ok(None);
        }
        let path = out.map_or_else(
            || PathBuf::from(format!("{}.{lang}.xlf", site.slug)),
            Path::to_path_buf,
        );
        replace_file(&path, export.xliff.as_bytes(), 0).map(|()| Some((path, export)))
    });
    match written {
        Ok(Some((path, export))) => {
            eprintln!(
                "wrote {}: {} segment(s) of {} text(s) to translate from {} into {lang}",
                path.display(),
                export.units,
                export.files,
                site.source_language()
            );
            ExitCode::SUCCESS
        }
        Ok(None) => {
            eprintln!(
                "nothing to translate: every text of {} is translated into {lang} and up to date",
                site.slug
            );
            ExitCode::SUCCESS
        }
        Err(d) => {
            let mut report = Report::default();
            report.push(d);
            emit(&report, format, cfg);
            ExitCode::from(1)
        }
    }
}

/// Checks a translated XLIFF file and writes the translations; on any problem, nothing.
fn run_import(cfg: &BuildConfig, format: Format, file: &Path, day: Date) -> ExitCode {
    let portals = match loaded_portals(cfg, format) {
        Ok(portals) => portals,
        Err(code) => return code,
    };
    let sites: Vec<&torg::content::model::Site> = portals.iter().map(|p| &p.site).collect();
    match exchange::import(&cfg.content, &sites, file, day) {
        Ok(outcome) => {
            for text in &outcome.untouched {
                eprintln!(
                    "note: {text} has no translated segment in the file; nothing was written for it"
                );
            }
            for w in &outcome.written {
                eprintln!(
                    "wrote {} ({} segment(s)), marked as translated from {}",
                    w.path.display(),
                    w.units,
                    w.source.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            let mut report = Report::default();
            for p in problems {
                report.push(p);
            }
            emit(&report, format, cfg);
            eprintln!(
                "import failed: {} problem(s); nothing was written",
                report.count(Severity::Error)
            );
            ExitCode::from(1)
        }
    }
}

fn run_translations(cfg: &BuildConfig, format: Format, mark: &[PathBuf], day: Date) -> ExitCode {
    let portals = match loaded_portals(cfg, format) {
        Ok(portals) => portals,
        Err(code) => return code,
    };
    if mark.is_empty() {
        for p in &portals {
            print!(
                "{}",
                translation_table(&p.site.slug, &translations::translation_table(&p.site))
            );
        }
        return ExitCode::SUCCESS;
    }
    let mut failed = false;
    for file in mark {
        let source = portals
            .iter()
            .find_map(|p| translations::source_of(&p.site, file));
        let marked = source
            .ok_or_else(|| {
                format!(
                    "{} is not a translation in {}",
                    file.display(),
                    cfg.content.display()
                )
            })
            .and_then(|src| {
                stamp(file, &src, day)
                    .map(|print| (src, print))
                    .map_err(|d| d.to_string())
            });
        match marked {
            Ok((src, print)) => eprintln!(
                "marked {} as translated from {} ({print})",
                file.display(),
                src.display()
            ),
            Err(e) => {
                eprintln!("error: {e}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A Markdown table: languages × translated / outdated / missing pages, with percentages.
fn translation_table(site: &str, table: &[(String, translations::TranslationCounts)]) -> String {
    let mut out = format!(
        "{site}\n\n| language | translated | outdated | missing |\n| --- | ---: | ---: | ---: |\n"
    );
    for (lang, c) in table {
        let total = (c.translated + c.outdated + c.missing).max(1);
        let cell = |n: usize| format!("{n} ({} %)", n * 100 / total);
        out.push_str(&format!(
            "| {lang} | {} | {} | {} |\n",
            cell(c.translated),
            cell(c.outdated),
            cell(c.missing)
        ));
    }
    out.push('\n');
    out
}

/// Every external address and its answer, on standard error.
fn list_external(answers: &BTreeMap<String, LinkStatus>) {
    eprintln!("external links:");
    for (url, status) in answers {
        match status {
            LinkStatus::Status(code) => eprintln!("  {code} {url}"),
            LinkStatus::Unreachable(why) => eprintln!("  --- {url} (not reachable: {why})"),
        }
    }
}

/// Problems go to standard error for people, and to standard output for machines.
fn emit(report: &Report, format: Format, cfg: &BuildConfig) {
    let written = match format {
        Format::Human => report.emit(format, &cfg.content, &mut std::io::stderr().lock()),
        Format::Json | Format::Github => {
            report.emit(format, &cfg.content, &mut std::io::stdout().lock())
        }
    };
    if let Err(e) = written {
        eprintln!("error: could not print the problems: {e}");
    }
}

fn strict_note(cfg: &BuildConfig, warnings: usize) -> &'static str {
    if cfg.strict && warnings > 0 {
        " (warnings count as errors with --strict)"
    } else {
        ""
    }
}

fn run_build(cfg: BuildConfig, format: Format, cache: Option<&Path>) -> ExitCode {
    if let Some(code) = refuse_unknown_sites(&cfg) {
        return code;
    }
    let out = match checked_out_dir(&cfg, format) {
        Ok(out) => out,
        Err(code) => return code,
    };
    let started = Instant::now();
    let cache = match cache.map(|dir| opened_cache(&cfg, dir, format)).transpose() {
        Ok(cache) => cache,
        Err(code) => return code,
    };
    let outcome = build::build(&cfg, &out, cache.as_ref());
    let report = &outcome.report;
    emit(report, format, &cfg);
    let (errors, warnings) = (
        report.count(Severity::Error),
        report.count(Severity::Warning),
    );
    match outcome.summary {
        Some(s) => {
            if !s.without_base_url.is_empty() {
                eprintln!(
                    "note: no base URL for {}; canonical links and sitemap.xml use paths from the web root, \
                     and in the open data the services name themselves relative to their files. \
                     Set `base_url` in site.yaml or pass --base-url to make them absolute.",
                    s.without_base_url.join(", ")
                );
            }
            let cached = match cache {
                Some(_) => format!(" ({} from the cache)", s.from_cache),
                None => String::new(),
            };
            eprintln!(
                "built {} portal(s){cached}, {} pages, into {} in {:.2} s ({warnings} warning(s))",
                s.portals,
                s.pages,
                cfg.out.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "build failed: {errors} error(s), {warnings} warning(s){}; {} was not changed",
                strict_note(&cfg, warnings),
                cfg.out.display()
            );
            ExitCode::from(1)
        }
    }
}
