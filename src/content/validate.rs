//! Checks across files: references between plan and services, links, missing and outdated
//! translations (judged in [`translations`](super::translations)), and facts that parse but
//! cannot be right (a service that closes before it opens).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::identity::check_identity;
use super::licence::check_licence;
use super::model::{Contact, Cost, Plan, Rendering, Service, Site, Start, TermList};
use super::texts::{TextFile, TextFiles, text_files};
use super::translations::check_translations;
use crate::config::Urls;
use crate::diagnostic::{Diagnostic, Report, Severity};
use crate::i18n::Language;
use crate::layout;
use crate::limits::MAX_NESTING;
use crate::markdown::{Link, ProblemKind, Scan, scan, split_internal};
use crate::route::{self, Route};
use crate::url::{self, Refused};
use serde_saphyr::Spanned;

/// A link in a text to another site, which `torg check --external` asks about.
#[derive(Debug, Clone)]
pub struct ExternalLink {
    pub url: String,
    pub file: PathBuf,
    pub line: usize,
}

/// Runs every check on a loaded site; `urls` says where it is published, so that links written
/// as the portal's own addresses can be checked like `@/` links. Returns the links its texts have
/// to other sites, found on the way.
pub fn validate(
    site: &Site,
    urls: &Urls,
    langs: &BTreeMap<String, Language>,
    report: &mut Report,
) -> Vec<ExternalLink> {
    let measures = Measures::of(site);
    check_contact(&site.config.contact, &layout::site_file(&site.dir), report);
    check_identity(site, report);
    check_licence(site, report);
    if let Some(plan) = &site.plan {
        check_plan(plan, &measures.unloaded, report);
    }
    if let Some(start) = &site.start {
        check_start(start, site, report);
    }
    if let Some(list) = &site.term_list {
        check_term_list(list, &site.config.languages, report);
    }
    for service in &site.services {
        check_service(
            service,
            &measures,
            langs.get(site.source_language()),
            report,
        );
    }
    let items = text_files(site);
    let scans: Vec<Vec<Scan>> = items
        .iter()
        .map(|item| item.files.iter().map(|f| scan(f.body)).collect())
        .collect();
    let targets = Targets {
        site,
        urls,
        langs,
        // Items whose facts failed have no page, but a link to them is not what is wrong.
        routes: Route::all(site)
            .into_iter()
            .chain(site.text_only.iter().map(|t| t.route.clone()))
            .collect(),
        anchors: anchors(site, &items, &scans),
    };
    let mut external = Vec::new();
    for (item, scans) in items.iter().zip(&scans) {
        for (file, scan) in item.files.iter().zip(scans) {
            for link in &scan.links {
                targets.check_link(file, &item.route, link, report);
            }
            report_content_problems(file, scan, report);
            external.extend(external_links(file, scan));
        }
        check_translations(item, site, langs, report);
    }
    external
}

/// The links of `scan`, read from `file`, to other sites (http and https).
fn external_links<'a>(
    file: &'a TextFile,
    scan: &'a Scan,
) -> impl Iterator<Item = ExternalLink> + 'a {
    let elsewhere = |dest: &str| {
        matches!(
            url::scheme(&url::clean(dest)).as_deref(),
            Some("http" | "https")
        )
    };
    scan.links
        .iter()
        .filter(move |l| elsewhere(&l.dest))
        .map(|l| ExternalLink {
            url: l.dest.clone(),
            file: file.path.to_path_buf(),
            line: file.first_line + l.line - 1,
        })
}

/// The ids a `#fragment` may name on each page that has text, per language: heading ids (from
/// the language's own file, or the source file the page falls back to), glossary terms, measures.
fn anchors(
    site: &Site,
    items: &[TextFiles],
    scans: &[Vec<Scan>],
) -> BTreeMap<(Route, String), BTreeSet<String>> {
    let mut out: BTreeMap<(Route, String), BTreeSet<String>> = BTreeMap::new();
    let source = site.source_language();
    for (item, scans) in items.iter().zip(scans) {
        for lang in &site.config.languages {
            let ids = item
                .files
                .iter()
                .zip(scans)
                .find(|(f, _)| f.lang == lang)
                .or_else(|| item.files.iter().zip(scans).find(|(f, _)| f.lang == source))
                .map(|(_, s)| s.heading_ids.clone())
                .unwrap_or_default();
            let entry = out.entry((item.route.clone(), lang.clone())).or_default();
            entry.extend(ids);
            if item.route == Route::Glossary {
                entry.insert(item.slug.to_string());
            }
        }
    }
    for chapter in site.plan.iter().flat_map(|p| &p.chapters) {
        for lang in &site.config.languages {
            let entry = out
                .entry((Route::Chapter(chapter.slug.clone()), lang.clone()))
                .or_default();
            entry.extend(
                chapter
                    .facts
                    .measures
                    .iter()
                    .map(|m| format!("tiltak-{}", m.id)),
            );
        }
    }
    out
}

/// The measures services may name, and the plan pages that failed to load: a measure of those
/// is not reported as unknown, since the error is in the plan's files (already reported).
struct Measures {
    /// `<theme>/<measure>` for every measure of the plan.
    ids: BTreeSet<String>,
    /// The plan's and themes' pages whose files failed.
    unloaded: BTreeSet<Route>,
}

impl Measures {
    fn of(site: &Site) -> Measures {
        let ids = site
            .plan
            .iter()
            .flat_map(|p| &p.chapters)
            .flat_map(|t| {
                t.facts
                    .measures
                    .iter()
                    .map(move |m| format!("{}/{}", t.slug, m.id))
            })
            .collect();
        let unloaded = site
            .text_only
            .iter()
            .map(|t| t.route.clone())
            .filter(|r| matches!(r, Route::Plan | Route::Chapter(_)))
            .collect();
        Measures { ids, unloaded }
    }

    /// Whether `<theme>/<measure>` is a measure, or may be one of a plan file that failed.
    fn may_exist(&self, measure: &str) -> bool {
        let chapter = measure.split_once('/').map_or(measure, |(t, _)| t);
        self.ids.contains(measure)
            || self.unloaded.contains(&Route::Plan)
            || self.unloaded.contains(&Route::Chapter(chapter.to_string()))
    }
}

fn check_plan(plan: &Plan, unloaded: &BTreeSet<Route>, report: &mut Report) {
    let files: BTreeSet<&str> = plan.chapters.iter().map(|t| t.slug.as_str()).collect();
    for listed in &plan.facts.chapters {
        let failed = unloaded.contains(&Route::Chapter(listed.clone()));
        if !files.contains(listed.as_str()) && !failed {
            report.push(
                Diagnostic::error("missing-file", &plan.facts_path, format!("The theme `{listed}` is listed but plan/themes/{listed}.yaml does not exist."))
                    .hint("Create the theme's files, or remove it from `themes`."),
            );
        }
    }
    for chapter in &plan.chapters {
        if !plan.facts.chapters.contains(&chapter.slug) {
            report.push(
                Diagnostic::error(
                    "unlisted-theme",
                    &chapter.facts_path,
                    format!("The theme `{}` is not listed in plan.yaml.", chapter.slug),
                )
                .hint("Add it to `themes` in plan/plan.yaml, in the place it should appear."),
            );
        }
        check_measure_texts(chapter, report);
    }
}

/// Each measure id must be unique and have a text in every language file, and no text may lack a measure.
/// Every language of a term list is one of the portal's, and each term says which words of the
/// source language name it: without them `torg check` cannot tell where a text speaks of it.
fn check_term_list(list: &TermList, languages: &[String], report: &mut Report) {
    for (id, renderings) in &list.terms {
        let at = |r: &Spanned<Rendering>| (r.referenced.line() as usize, None);
        if !renderings.contains_key(&languages[0]) {
            let line = renderings.values().next().map_or((1, None), at);
            report.push(
                Diagnostic::error("term-list", &list.path, format!("The term `{id}` does not say how {} writes it.", languages[0]))
                    .at(line.0, line.1)
                    .hint(format!("Add `{}:` with `use: [the word]`: torg looks for that word in the {} texts to know where the term is used.", languages[0], languages[0])),
            );
        }
        for (lang, rendering) in renderings {
            let (line, column) = at(rendering);
            if !languages.contains(lang) {
                report.push(
                    Diagnostic::error(
                        "term-list",
                        &list.path,
                        format!(
                            "`{lang}` (under the term `{id}`) is not a language of this portal."
                        ),
                    )
                    .at(line, column)
                    .hint(format!(
                        "Use one of {} (the `languages` of site.yaml), or remove it.",
                        languages.join(", ")
                    )),
                );
            }
            if rendering
                .value
                .words
                .iter()
                .chain(&rendering.value.avoid)
                .any(|w| w.trim().is_empty())
                || rendering.value.words.is_empty()
            {
                report.push(
                    Diagnostic::error("term-list", &list.path, format!("The term `{id}` has an empty rendering in `{lang}`."))
                        .at(line, column)
                        .hint("Write the words under `use:` (and `avoid:`), e.g. `use: [child and family health clinic]`."),
                );
            }
        }
    }
}

fn check_measure_texts(chapter: &super::model::Chapter, report: &mut Report) {
    let ids = chapter.facts.measures.iter().map(|m| (m.id.as_str(), None));
    let texts = chapter
        .text
        .docs
        .values()
        .map(|(path, doc)| (path.as_path(), doc.front.measures.keys()));
    check_keyed_texts(&chapter.facts_path, ids, texts, &Keyed::MEASURES, report);
}

/// A «start here» page: every step's services exist, and every language has every step's text.
fn check_start(start: &Start, site: &Site, report: &mut Report) {
    let ids = start
        .facts
        .steps
        .iter()
        .map(|s| (s.id.value.as_str(), Some(s.id.referenced.line() as usize)));
    let texts = start
        .text
        .docs
        .values()
        .map(|(path, doc)| (path.as_path(), doc.front.steps.keys()));
    check_keyed_texts(&start.facts_path, ids, texts, &Keyed::STEPS, report);
    for slug in start.facts.steps.iter().flat_map(|s| &s.services) {
        let failed = site
            .text_only
            .iter()
            .any(|t| t.route == Route::Service(slug.value.clone()));
        if !failed && !site.services.iter().any(|x| x.slug == slug.value) {
            report.push(
                Diagnostic::error("unknown-service", &start.facts_path, format!("There is no service `{}` in this portal.", slug.value))
                    .at(slug.referenced.line() as usize, Some(slug.referenced.column() as usize))
                    .hint("Use the name of a file in services/ without `.yaml`, or remove it from the step."),
            );
        }
    }
}

/// Words for [`check_keyed_texts`]: what the ids are and where they live.
struct Keyed {
    what: &'static str,
    /// The field that lists them, in the facts file and in the front matter alike.
    field: &'static str,
    /// «a theme»: each id is unique within one of these.
    owner: &'static str,
    unknown_code: &'static str,
}

impl Keyed {
    const MEASURES: Keyed = Keyed {
        what: "measure",
        field: "measures",
        owner: "a theme",
        unknown_code: "unknown-measure",
    };
    const STEPS: Keyed = Keyed {
        what: "step",
        field: "steps",
        owner: "the start page",
        unknown_code: "unknown-step",
    };
}

/// Ids listed once in a facts file, each with its text in every language file's front matter
/// (a theme's measures, the start page's steps): no id twice, none without text, no text without id.
fn check_keyed_texts<'a>(
    facts_path: &Path,
    ids: impl Iterator<Item = (&'a str, Option<usize>)>,
    texts: impl Iterator<Item = (&'a Path, impl Iterator<Item = &'a String>)>,
    k: &Keyed,
    report: &mut Report,
) {
    let mut known = BTreeSet::new();
    for (id, line) in ids {
        if !known.insert(id) {
            let mut d = Diagnostic::error(
                "duplicate-slug",
                facts_path,
                format!("The {} id `{id}` is used twice.", k.what),
            )
            .hint(format!("Give each {} of {} its own id.", k.what, k.owner));
            if let Some(line) = line {
                d = d.at(line, None);
            }
            report.push(d);
        }
    }
    for (path, keys) in texts {
        let texts: BTreeSet<&str> = keys.map(String::as_str).collect();
        for id in known.difference(&texts) {
            report.push(
                Diagnostic::error(
                    "missing-field",
                    path,
                    format!("The {} `{id}` has no text in this file.", k.what),
                )
                .hint(format!(
                    "Add `{id}: <the {}'s text>` under `{}:` in the front matter.",
                    k.what, k.field
                )),
            );
        }
        for id in texts.difference(&known) {
            report.push(
                Diagnostic::error(
                    k.unknown_code,
                    path,
                    format!(
                        "`{id}` is not a {} of {}.",
                        k.what,
                        k.owner.replacen("a ", "this ", 1)
                    ),
                )
                .hint(format!(
                    "Add it to `{}` in {}, or fix the id.",
                    k.field,
                    facts_path.display()
                )),
            );
        }
    }
}

fn check_service(
    service: &Service,
    measures: &Measures,
    source: Option<&Language>,
    report: &mut Report,
) {
    let path = &service.facts_path;
    let facts = &service.facts;
    check_contact(&facts.contact, path, report);
    for m in &facts.measures {
        if !measures.may_exist(&m.value) {
            report.push(
                Diagnostic::error("unknown-measure", path, format!("`{}` is not a measure of the plan.", m.value))
                    .at(m.referenced.line() as usize, Some(m.referenced.column() as usize))
                    .hint("Write measures as `<theme>/<measure id>`, as they are named in plan/themes/*.yaml."),
            );
        }
    }
    for h in &facts.hours {
        if h.closes <= h.opens {
            report.push(
                Diagnostic::error(
                    "invalid-value",
                    path,
                    format!(
                        "Opening hours close ({}) before they open ({}).",
                        h.closes, h.opens
                    ),
                )
                .hint("Check `opens` and `closes`; use 24-hour times such as \"15:30\"."),
            );
        }
    }
    if facts.price_nok.is_some() && facts.cost != Cost::Paid {
        report.push(
            Diagnostic::error(
                "invalid-value",
                path,
                "`price_nok` is given, but `cost` is not `paid`.",
            )
            .hint("Write `cost: paid` with a price, or remove `price_nok`."),
        );
    }
    for code in &facts.languages {
        if source.is_some_and(|l| !l.has(&format!("spoken-{code}"))) {
            report.push(Diagnostic::error("unknown-language", path, format!("`{code}` in `languages` is not a language torg can name.")).hint(format!("Use a code such as nb, en, ar, or add `spoken-{code} = …` to every locales/*/ui.ftl.")));
        }
    }
}

/// Phone numbers, e-mail and web addresses a resident could not use, or should not be sent to.
fn check_contact(contact: &Contact, path: &Path, report: &mut Report) {
    if let Some(web) = &contact.web {
        let line = web.referenced.line() as usize;
        let column = Some(web.referenced.column() as usize);
        if let Err(refused) = url::validate(&web.value) {
            let instead = "Write the address of the web page, starting with https://.";
            report.push(
                unsafe_url(path, "web address", &web.value, refused, instead).at(line, column),
            );
        } else if url::scheme(&url::clean(&web.value)).is_none() {
            report.push(
                Diagnostic::error(
                    "invalid-value",
                    path,
                    format!(
                        "`{}` is not a full web address, so the link would lead nowhere.",
                        web.value
                    ),
                )
                .at(line, column)
                .hint("Write the whole address, starting with https://, as the browser shows it."),
            );
        }
    }
    if let Some(phone) = contact.phone.as_deref().filter(|p| !is_phone_number(p)) {
        report.push(
            Diagnostic::error("invalid-phone", path, format!("`{phone}` is not a phone number a resident can call."))
                .hint("Write a Norwegian number with 8 digits (\"+47 12 34 56 78\" or \"12 34 56 78\"), a short number such as 113 or 116 117, or an international number starting with +."),
        );
    }
    if let Some(email) = contact.email.as_deref().filter(|e| !is_email(e)) {
        report.push(
            Diagnostic::error(
                "invalid-email",
                path,
                format!("`{email}` is not an e-mail address."),
            )
            .hint("Write it as name@example.no, without spaces or `mailto:`."),
        );
    }
}

/// Norwegian numbers (8 digits, or short numbers: 11x emergency, 116 xxx helplines, 0xxxx
/// service numbers), or international ones (+ and 7 to 15 digits, ITU E.164). Spaces and `-`
/// may group digits.
fn is_phone_number(text: &str) -> bool {
    let compact: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\u{a0}'))
        .collect();
    let (international, digits) = match compact
        .strip_prefix('+')
        .or_else(|| compact.strip_prefix("00"))
    {
        Some(rest) => (true, rest),
        None => (false, compact.as_str()),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    match (international, digits.len()) {
        (true, n) if digits.starts_with("47") => n == 10,
        (true, n) => (7..=15).contains(&n),
        (false, 8) => true,
        (false, 3) => digits.starts_with("11"),
        (false, 6) => digits.starts_with("116"),
        (false, 5) => digits.starts_with('0'),
        _ => false,
    }
}

fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'))
        && labels
            .iter()
            .all(|l| l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && !local.contains(|c: char| c.is_whitespace() || c == '@' || c == ':')
}

/// An address torg will not publish, in a Markdown link or a YAML field; `what` names it for
/// the reader ("link", "image", "web address"), `instead` says what to write there instead.
fn unsafe_url(
    path: &Path,
    what: &str,
    address: &str,
    refused: Refused,
    instead: &str,
) -> Diagnostic {
    let shown = address.escape_debug();
    let (message, hint) = match refused {
        Refused::Scheme(scheme) => (
            format!(
                "To a browser, the {what} `{shown}` is a `{scheme}:` address: it can run a program or show made-up content on the page, so torg does not publish it."
            ),
            instead,
        ),
        Refused::Hidden => (
            format!(
                "The {what} `{shown}` contains invisible control characters, which can hide where it really goes, so torg does not publish it."
            ),
            "Type the address again by hand, or copy it from the browser's address bar.",
        ),
    };
    Diagnostic::error("unsafe-url", path, message).hint(hint)
}

/// Where a link inside the portal leads.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A page in `lang` (`None`: no page has that address), maybe a place on it.
    Page {
        route: Option<Route>,
        lang: String,
        fragment: Option<String>,
    },
    /// A file of `theme/static/`, by its name there.
    Static(String),
    /// A file of the portal that is no page with text (the language chooser, the sitemap).
    File,
    /// A path of the web server outside the portal's folder, which torg cannot see.
    Elsewhere,
}

/// What the links of one portal may lead to: its pages and the places on them in each language,
/// its static files, and the addresses it is published at.
struct Targets<'a> {
    site: &'a Site,
    urls: &'a Urls,
    langs: &'a BTreeMap<String, Language>,
    routes: BTreeSet<Route>,
    anchors: BTreeMap<(Route, String), BTreeSet<String>>,
}

impl Targets<'_> {
    /// Refuses unsafe addresses, then checks every link into the portal, however written (`@/…`,
    /// a path from the page, from the web root, or the portal's full address), the same way.
    fn check_link(&self, file: &TextFile, page: &Route, link: &Link, report: &mut Report) {
        let line = file.first_line + link.line - 1;
        let what = if link.image { "image" } else { "link" };
        if let Err(refused) = url::validate(&link.dest) {
            let instead = "Link to a web page (https://…), an e-mail address (mailto:…), a phone number (tel:…) or a page of the portal (@/…); put a file or an image in theme/static/ and write it as @/static/<file name>.";
            report.push(unsafe_url(file.path, what, &link.dest, refused, instead).at(line, None));
            return;
        }
        let problem = match self.target(file.lang, page, &link.dest) {
            None | Some(Target::File) => None,
            Some(Target::Elsewhere) => link.image.then(|| self.not_published(file.path, link)),
            Some(Target::Static(name)) => self.missing_static(file.path, &name, link),
            Some(Target::Page { route: None, .. }) => Some(self.no_page(file.path, link)),
            Some(Target::Page {
                route: Some(route),
                lang,
                fragment,
            }) => fragment.and_then(|f| self.missing_anchor(file.path, link, route, &lang, &f)),
        };
        report.extend(problem.map(|d| d.at(line, None)));
    }

    /// Where `dest`, written in a `lang` file shown on `page`, leads inside the portal; `None`
    /// for addresses outside it (other sites, e-mail, phone numbers).
    fn target(&self, lang: &str, page: &Route, dest: &str) -> Option<Target> {
        if let Some((target, fragment)) = split_internal(dest) {
            return Some(match target.strip_prefix(route::STATIC_PREFIX) {
                Some(name) => Target::Static(name.to_string()),
                None => Target::Page {
                    route: Route::parse(target).filter(|r| self.routes.contains(r)),
                    lang: lang.to_string(),
                    fragment: fragment.map(decode),
                },
            });
        }
        let clean = url::clean(dest);
        let is_path = url::scheme(&clean).is_none();
        let address = if is_path {
            url::resolve(&self.urls.page(&self.site.slug, lang, page), &clean)?
        } else {
            clean.into_owned()
        };
        let prefix = route::portal(&self.site.slug);
        let Some(file) = self.urls.output_file(&address) else {
            return is_path.then_some(Target::Elsewhere);
        };
        let Some(file) = file.strip_prefix(&prefix) else {
            return is_path.then_some(Target::Elsewhere);
        };
        let fragment = address.split_once('#').map(|(_, f)| decode(f));
        Some(self.file_target(file, fragment))
    }

    /// What a file below the portal's output folder is (`en/services/x/index.html`,
    /// `static/kart.png`); a page's address without its final `/` counts as the page.
    fn file_target(&self, file: &str, fragment: Option<String>) -> Target {
        if let Some(name) = file.strip_prefix(route::STATIC_PREFIX) {
            return Target::Static(name.to_string());
        }
        if matches!(file, route::INDEX | route::SITEMAP) {
            return Target::File;
        }
        let (lang, rest) = file.split_once('/').unwrap_or((file, ""));
        let known_lang = self.site.config.languages.iter().any(|l| l == lang);
        let as_folder = format!("{rest}/{}", route::INDEX);
        let as_folder = as_folder.trim_start_matches('/');
        let route = self
            .routes
            .iter()
            .find(|r| known_lang && (r.file() == rest || r.file() == as_folder));
        Target::Page {
            route: route.cloned(),
            lang: lang.to_string(),
            fragment,
        }
    }

    fn no_page(&self, path: &Path, link: &Link) -> Diagnostic {
        if link.image {
            return self.not_published(path, link);
        }
        let hint = if link.dest.starts_with("@/") {
            "Check the spelling against the file names, e.g. `@/services/<file name without .yaml>`, `@/plan/<theme>`, `@/glossary`."
        } else {
            "Check the address for typos, or whether the page was renamed or removed; `@/services/<file name without .yaml>` links to a service in the reader's own language."
        };
        Diagnostic::error(
            "broken-link",
            path,
            format!(
                "The link `{}` points to a page that does not exist.",
                link.dest
            ),
        )
        .hint(hint)
    }

    /// An image whose address is no file torg publishes.
    fn not_published(&self, path: &Path, link: &Link) -> Diagnostic {
        let name = link.dest.rsplit(['/', '\\']).next().unwrap_or_default();
        Diagnostic::error("broken-link", path, format!("The image `{}` is not a file of the portal, so readers would see a broken image.", link.dest))
            .hint(format!("Put the image in {}/ and write it as `@/static/{name}`, or use the image's full https:// address.", self.static_folder().display()))
    }

    /// «English (en)», as the language calls itself.
    fn language_name(&self, lang: &str) -> String {
        match self.langs.get(lang) {
            Some(l) => format!("{} ({lang})", l.name),
            None => lang.to_string(),
        }
    }

    fn static_folder(&self) -> std::path::PathBuf {
        layout::theme_override(&self.site.dir).join(layout::STATIC_DIR)
    }

    /// `static/<name>` must be one of the portal's own static files.
    fn missing_static(&self, path: &Path, name: &str, link: &Link) -> Option<Diagnostic> {
        if layout::static_file(&self.site.dir, name).is_some() {
            return None;
        }
        let folder = self.static_folder();
        Some(
            Diagnostic::error("missing-static-file", path, format!("The {} `{}` points to a file that is not in {}.", if link.image { "image" } else { "link" }, link.dest, folder.display()))
                .hint("Put the file (a PDF, an image) in the portal's theme/static/ folder, or fix the name."),
        )
    }

    /// A `#fragment` must be a heading, term or measure of the page in that language.
    fn missing_anchor(
        &self,
        path: &Path,
        link: &Link,
        route: Route,
        lang: &str,
        fragment: &str,
    ) -> Option<Diagnostic> {
        let known = self.anchors.get(&(route, lang.to_string()));
        if known.is_some_and(|ids| ids.contains(fragment)) {
            return None;
        }
        let hint = match known.filter(|ids| !ids.is_empty()) {
            Some(ids) => format!(
                "Use one of: {}.",
                ids.iter()
                    .map(|i| format!("#{i}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => {
                "That page has no headings or terms to link to; remove the `#…` part.".to_string()
            }
        };
        Some(
            Diagnostic::error(
                "broken-anchor",
                path,
                format!(
                    "The link `{}` points to a place (#{fragment}) that is not on that page in {}.",
                    link.dest,
                    self.language_name(lang)
                ),
            )
            .hint(hint),
        )
    }
}

/// A `#fragment` as the browser matches it against ids: percent-decoded (`f%C3%A5` → `få`).
fn decode(fragment: &str) -> String {
    percent_encoding::percent_decode_str(fragment)
        .decode_utf8_lossy()
        .into_owned()
}

/// Content that WCAG asks to be different: warnings, so `--strict` can make them stop a build.
fn report_content_problems(file: &TextFile, scan: &Scan, report: &mut Report) {
    for p in &scan.problems {
        let (code, message, hint) = match &p.kind {
            ProblemKind::ImageAlt => ("image-alt", "This image has no text for people who cannot see it.".to_string(), "Write what the image shows between the brackets: `![Map of the town centre](map.png)`."),
            ProblemKind::LinkText(text) if text.trim().is_empty() => ("link-text", "This link has no text, so a screen reader cannot say where it goes.".to_string(), "Put the name of the page or service between the brackets."),
            ProblemKind::LinkText(text) => ("link-text", format!("The link text «{}» does not say where the link goes.", text.trim()), "Use the name of the page or service as the link text, e.g. `[Apply for Startlån](…)`."),
            ProblemKind::HeadingLevel { level: 1, .. } => ("heading-level", "A level-1 heading (`#`) in the text: the page title is already the level-1 heading.".to_string(), "Start sections with `##`."),
            ProblemKind::HeadingLevel { level, previous } => ("heading-level", format!("This heading jumps from level {previous} to level {level}, so screen-reader users lose the structure."), "Use one more `#` than the heading above it, not more (`##`, then `###`)."),
            ProblemKind::TableHeader => ("table-header", "This table has no header row, so screen readers cannot name its columns.".to_string(), "Write the column names in the first row of the table."),
            ProblemKind::TooDeep => ("too-deep", format!("Quotes, lists or links are put inside each other here more than {MAX_NESTING} levels deep."), "Write the text flat: a quote or list inside another one or two at most."),
        };
        let d = file.diagnostic(code, p.line, message).hint(hint);
        report.push(match p.kind {
            ProblemKind::TooDeep => Diagnostic {
                severity: Severity::Error,
                ..d
            },
            _ => d,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_residents_can_call() {
        for ok in [
            "+47 12 34 56 78",
            "12345678",
            "0047 12345678",
            "113",
            "116 117",
            "02180",
            "+48 22 123 45 67",
        ] {
            assert!(is_phone_number(ok), "{ok}");
        }
        for bad in [
            "+47 1234 567",
            "1234567",
            "12 34 56 7a",
            "ring oss",
            "+47",
            "9999",
            "+1 23",
        ] {
            assert!(!is_phone_number(bad), "{bad}");
        }
    }

    #[test]
    fn email_addresses() {
        assert!(is_email("postmottak@narvik.kommune.no"));
        for bad in [
            "postmottak",
            "a@b",
            "a b@c.no",
            "mailto:a@b.no",
            "@narvik.no",
            "a@-x.no",
            "a@x..no",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
