//! Markdown to HTML: stable heading ids, escaped raw HTML, and `@/` links between pages.
//!
//! Raw HTML is escaped rather than sanitised: authors never need it, and escaping leaves no rule
//! to forget. A link `@/services/fastlege` points to the same page in the reader's language.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd, html};

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// A link to another page of the portal, found in a Markdown body.
#[derive(Debug, PartialEq, Eq)]
pub struct InternalLink {
    /// What follows `@/`, without the fragment, e.g. `services/fastlege`.
    pub target: String,
    pub fragment: Option<String>,
    /// Line within the body, 1-based.
    pub line: usize,
}

/// Every `@/` link in `src`, for validation before rendering.
pub fn internal_links(src: &str) -> Vec<InternalLink> {
    Parser::new_ext(src, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                split_internal(&dest_url).map(|(target, fragment)| InternalLink {
                    target: target.to_string(),
                    fragment: fragment.map(str::to_string),
                    line: src[..range.start].matches('\n').count() + 1,
                })
            }
            _ => None,
        })
        .collect()
}

fn split_internal(url: &str) -> Option<(&str, Option<&str>)> {
    let rest = url.strip_prefix("@/")?;
    Some(match rest.split_once('#') {
        Some((t, f)) => (t.trim_end_matches('/'), Some(f)),
        None => (rest.trim_end_matches('/'), None),
    })
}

/// Renders `src`; `resolve` turns an `@/` target into a URL (validation has already checked it).
pub fn to_html(src: &str, resolve: &dyn Fn(&str) -> String) -> String {
    let mut events: Vec<Event> = Parser::new_ext(src, options())
        .map(|e| rewrite(e, resolve))
        .collect();
    add_heading_ids(&mut events);
    let mut out = String::with_capacity(src.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

fn rewrite<'a>(event: Event<'a>, resolve: &dyn Fn(&str) -> String) -> Event<'a> {
    match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let dest_url = match split_internal(&dest_url) {
                Some((target, fragment)) => {
                    let mut url = resolve(target);
                    if let Some(f) = fragment {
                        url.push('#');
                        url.push_str(f);
                    }
                    CowStr::from(url)
                }
                None => dest_url,
            };
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            })
        }
        other => other,
    }
}

/// Gives each heading an id from its text, numbering repeats (`-2`, `-3`) so ids stay unique.
fn add_heading_ids(events: &mut [Event]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { .. }) = &events[i] {
            let text = heading_text(&events[i + 1..]);
            let base = slugify(&text);
            let base = if base.is_empty() {
                "section".to_string()
            } else {
                base
            };
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            let id = if *n == 1 { base } else { format!("{base}-{n}") };
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
        }
        i += 1;
    }
}

fn heading_text(events: &[Event]) -> String {
    let mut text = String::new();
    for e in events {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            _ => {}
        }
    }
    text
}

/// Lower-case letters and digits of any script, other runs turned into single `-`.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(src: &str) -> String {
        to_html(src, &|t| format!("/site/nb/{t}/"))
    }

    #[test]
    fn headings_get_stable_unique_ids() {
        let out = html("## Hvem kan få det?\n\n## Hvem kan få det?\n\n### مرحبا بكم\n");
        assert!(out.contains(r#"<h2 id="hvem-kan-få-det">"#), "{out}");
        assert!(out.contains(r#"<h2 id="hvem-kan-få-det-2">"#), "{out}");
        assert!(out.contains(r#"<h3 id="مرحبا-بكم">"#), "{out}");
    }

    #[test]
    fn raw_html_is_escaped() {
        let out = html("Hei <script>alert(1)</script>\n\n<div onclick=x>y</div>\n");
        assert!(!out.contains("<script>") && !out.contains("<div"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
    }

    #[test]
    fn internal_links_resolve_and_are_found_with_lines() {
        let src = "Intro\n\nSee [doctor](@/services/fastlege#hours) and [x](https://nav.no).\n";
        assert!(html(src).contains(r#"href="/site/nb/services/fastlege/#hours""#));
        let links = internal_links(src);
        assert_eq!(
            links,
            vec![InternalLink {
                target: "services/fastlege".into(),
                fragment: Some("hours".into()),
                line: 3
            }]
        );
    }
}
