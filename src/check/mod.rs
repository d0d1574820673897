//! Checks only `torg check` runs: freshness depends on today's date and external links on other
//! web sites, so a build (which must give the same result tomorrow as today) leaves them out; and
//! the links the templates put into pages, which `check` renders in memory to see; and whether
//! translations keep to the portal's agreed rendering of each key term ([`terms`]).

mod plain;
mod terms;

pub use plain::{Figure, check_plain_language};
pub use terms::check_terms;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::time::Duration;

use jiff::civil::Date as Day;
use rayon::prelude::*;

use crate::build::{Search, publish};
use crate::config::BuildConfig;
use crate::content::model::{Site, Timing};
use crate::content::validate::ExternalLink;
use crate::diagnostic::{Diagnostic, Report};
use crate::layout;
use crate::output::Output;
use crate::render::Portal;
use crate::route;

/// When "today" is, and how old a review may get.
#[derive(Debug, Clone, Copy)]
pub struct Freshness {
    pub today: Day,
    pub max_review_age_days: i32,
}

/// Services not reviewed for too long, a plan whose period is over, measures past their timing
/// with no status.
pub fn check_freshness(site: &Site, f: Freshness, report: &mut Report) {
    for service in &site.services {
        let Some(reviewed) = service.facts.reviewed.and_then(|d| d.civil()) else {
            continue;
        };
        let age = (f.today - reviewed).get_days();
        if age > f.max_review_age_days {
            report.push(
                Diagnostic::warning("stale-review", &service.facts_path, format!("The facts of this service were last checked {age} days ago ({reviewed})."))
                    .hint(format!("Check the contact details, hours and price with the service, then set `reviewed: {}`.", f.today)),
            );
        }
    }
    let Some(plan) = &site.plan else { return };
    let year = f.today.year();
    if let Some(period) = plan
        .facts
        .period
        .filter(|p| i32::from(p.to) < i32::from(year))
    {
        report.push(
            Diagnostic::warning("plan-ended", &plan.facts_path, format!("The plan's period ended in {}.", period.to))
                .hint("Publish the plan that replaced it, or say on the plan page that it is the latest one the municipality has adopted."),
        );
    }
    for chapter in &plan.chapters {
        for m in &chapter.facts.measures {
            let last_year = match m.timing {
                Some(Timing::Year(y)) => y,
                Some(Timing::Period(p)) => p.to,
                Some(Timing::Ongoing | Timing::OngoingFrom(_)) | None => continue,
            };
            if m.status.is_none() && i32::from(last_year) < i32::from(year) {
                report.push(
                    Diagnostic::warning("measure-overdue", &chapter.facts_path, format!("The measure `{}` was due in {last_year}, and has no status.", m.id))
                        .hint("Add `status: done`, `in-progress` or `planned` to the measure, as the municipality reports it."),
                );
            }
        }
    }
}

/// What asking an external address gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkStatus {
    Status(u16),
    /// No answer: no network, unknown host, refused, timed out. Not the content's fault.
    Unreachable(String),
}

/// Asks every distinct address once (HEAD, or GET where HEAD is not allowed), many at a time,
/// each within `timeout`. Returns the answers by address.
pub fn check_external(links: &[ExternalLink], timeout: Duration) -> BTreeMap<String, LinkStatus> {
    let mut urls: Vec<&str> = links.iter().map(|l| l.url.as_str()).collect();
    urls.sort_unstable();
    urls.dedup();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .http_status_as_error(false)
        .user_agent("torg link check")
        .build()
        .into();
    let ask = |url: &&str| (url.to_string(), ask(&agent, url));
    // Waiting on the network, not computing: more threads than cores.
    match rayon::ThreadPoolBuilder::new().num_threads(16).build() {
        Ok(pool) => pool.install(|| urls.par_iter().map(ask).collect()),
        Err(_) => urls.iter().map(ask).collect(),
    }
}

fn ask(agent: &ureq::Agent, url: &str) -> LinkStatus {
    let status =
        |r: Result<ureq::http::Response<ureq::Body>, ureq::Error>| r.map(|r| r.status().as_u16());
    match status(agent.head(url).call()) {
        Ok(405 | 501) => status(agent.get(url).call()),
        other => other,
    }
    .map_or_else(
        |e| LinkStatus::Unreachable(e.to_string()),
        LinkStatus::Status,
    )
}

/// A warning for each link whose site answered that the page is not there (4xx, 5xx).
pub fn report_external(
    links: &[ExternalLink],
    answers: &BTreeMap<String, LinkStatus>,
    report: &mut Report,
) {
    for link in links {
        if let Some(LinkStatus::Status(code @ 400..)) = answers.get(&link.url) {
            report.push(
                Diagnostic::warning(
                    "broken-external-link",
                    &link.file,
                    format!(
                        "{} answers {code}: the page is not there (any more).",
                        link.url
                    ),
                )
                .at(link.line, None)
                .hint(
                    "Find the page's new address on that site and update the link, or remove it.",
                ),
            );
        }
    }
}

/// Renders every page and checks that each link into the site (`href`, `src`) that a template
/// wrote leads to a rendered page or file. Catches hard-coded addresses in overridden templates;
/// Markdown links are checked, with their lines, by validation.
pub fn check_rendered_links(cfg: &BuildConfig, portals: &[Portal], report: &mut Report) {
    let rendered = RenderedLinks::default();
    if let Err(errors) = publish(cfg, portals, Search::Skip, &rendered) {
        report.extend(errors);
        return;
    }
    let (files, pages) = rendered.into_parts();
    // Each portal's pages are looked at side by side, and reported in portal order.
    let broken: Vec<Vec<Diagnostic>> = portals
        .par_iter()
        .map(|portal| broken_template_links(cfg, portal, &files, &pages))
        .collect();
    report.extend(broken.into_iter().flatten());
}

/// What the link check keeps of the rendered site: every file's address, and the link targets
/// of each page, taken as the page is written; the pages themselves are not kept.
#[derive(Default)]
struct RenderedLinks {
    files: Mutex<BTreeSet<String>>,
    /// Each page's address and link targets.
    pages: Mutex<Vec<(String, Vec<String>)>>,
}

impl RenderedLinks {
    /// The addresses, and the pages sorted by address.
    fn into_parts(self) -> (BTreeSet<String>, Vec<(String, Vec<String>)>) {
        let files = self.files.into_inner().unwrap_or_default();
        let mut pages = self.pages.into_inner().unwrap_or_default();
        pages.sort_unstable();
        (files, pages)
    }
}

impl Output for RenderedLinks {
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        if rel.ends_with(".html") {
            let targets = link_targets(bytes);
            if let Ok(mut pages) = self.pages.lock() {
                pages.push((rel.to_string(), targets));
            }
        }
        if let Ok(mut files) = self.files.lock() {
            files.insert(rel.to_string());
        }
        Ok(())
    }
}

/// The links in `portal`'s rendered pages that lead to no file in `files`, each once, with the
/// first page it is on.
fn broken_template_links(
    cfg: &BuildConfig,
    portal: &Portal,
    files: &BTreeSet<String>,
    pages: &[(String, Vec<String>)],
) -> Vec<Diagnostic> {
    let prefix = route::portal(&portal.site.slug);
    let first = pages.partition_point(|(page, _)| *page < prefix);
    let mut broken: BTreeMap<&str, &str> = BTreeMap::new();
    for (page, targets) in pages[first..]
        .iter()
        .take_while(|(page, _)| page.starts_with(&prefix))
    {
        for target in targets {
            let Some(rel) = portal.urls.output_file(target) else {
                continue;
            };
            if !files.contains(&rel) {
                broken.entry(target).or_insert(page);
            }
        }
    }
    let templates = layout::theme_override(&portal.site.dir).join(layout::TEMPLATES_DIR);
    let templates = if templates.is_dir() {
        templates
    } else {
        layout::default_theme(&cfg.themes).join(layout::TEMPLATES_DIR)
    };
    broken
        .into_iter()
        .map(|(target, page)| {
            Diagnostic::error("broken-template-link", &templates, format!("A template links to `{target}` (first on {page}), which is not a page or file of the site."))
                .hint("Build links in templates from the variables the pages get (such as `home_url` or `nav`), not typed-in addresses.")
        })
        .collect()
}

/// The values of `href="…"` and `src="…"` attributes, found in the page's bytes: a page is
/// long, and its links few.
fn link_targets(html: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    for attr in [&b"href=\""[..], b"src=\""] {
        for at in memchr::memmem::find_iter(html, attr) {
            let rest = &html[at + attr.len()..];
            if let Some(end) = memchr::memchr(b'"', rest) {
                out.push(String::from_utf8_lossy(&rest[..end]).replace("&amp;", "&"));
            }
        }
    }
    out
}
