//! Markdown to HTML: stable heading ids, escaped raw HTML, and `@/` links between pages.
//!
//! Raw HTML is escaped rather than sanitised: authors never need it, and escaping leaves no rule
//! to forget. A link `@/services/fastlege` points to the same page in the reader's language.
//! Link and image addresses a portal must not publish (`javascript:` and the like, see
//! [`crate::url`]) are reported by validation and replaced by `#` here, whatever ran before.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html};
use pulldown_cmark_escape::escape_html_body_text;

use crate::url;

use crate::limits::MAX_NESTING;

pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// A link or an image found in a Markdown body, its address as the browser will get it
/// (entities decoded), before `@/` links are resolved.
#[derive(Debug, PartialEq, Eq)]
pub struct Link {
    pub dest: String,
    /// Line within the body, 1-based.
    pub line: usize,
    pub image: bool,
}

/// What validation needs from a Markdown body, read in one pass.
#[derive(Debug, Default)]
pub struct Scan {
    /// Every link and image, in the order they appear: validation reads each address once.
    pub links: Vec<Link>,
    /// The ids the rendered headings get, so `#fragment` links can be checked.
    pub heading_ids: Vec<String>,
    pub problems: Vec<Problem>,
}

/// Something in a body that makes the page harder to use with a screen reader or for anyone.
#[derive(Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub kind: ProblemKind,
}

#[derive(Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// An image with no alternative text.
    ImageAlt,
    /// A link with no text, or a text such as "click here" that says nothing out of context.
    LinkText(String),
    /// A heading more than one level below the one before (or a level-1 heading in a body).
    HeadingLevel { level: u8, previous: u8 },
    /// A table whose header row is empty.
    TableHeader,
    /// Elements nested more than [`MAX_NESTING`] deep (reported once, where it first happens).
    TooDeep,
}

/// Link texts that mean nothing when a screen reader lists the links of a page.
const VAGUE_LINK_TEXTS: &[&str] = &[
    "click here",
    "here",
    "read more",
    "more",
    "link",
    "klikk her",
    "her",
    "les mer",
    "mer",
    "kliknij tutaj",
    "tutaj",
    "czytaj więcej",
    "więcej",
    "spauskite čia",
    "čia",
    "skaityti daugiau",
    "daugiau",
    "اضغط هنا",
    "هنا",
    "اقرأ المزيد",
    "المزيد",
];

/// The words of a text as a reader sees them — no link targets, no markup — lower-cased, each
/// block on a line of its own, with the file line every piece starts on: a search for a phrase
/// finds it across a line break and still names where it is.
#[derive(Debug, Default)]
pub struct Prose {
    text: String,
    /// (offset in `text`, file line), in order.
    lines: Vec<(usize, usize)>,
}

impl Prose {
    /// Adds `text`, which starts on file line `line`.
    pub fn push(&mut self, text: &str, line: usize) {
        self.lines.push((self.text.len(), line));
        self.text.push_str(&text.to_lowercase());
    }

    /// Adds a Markdown body whose first line is file line `first_line`.
    pub fn push_markdown(&mut self, src: &str, first_line: usize) {
        let mut lines = Lines::new(src, first_line);
        for (event, range) in Parser::new_ext(src, options()).into_offset_iter() {
            match event {
                Event::Text(t) | Event::Code(t) => self.push(&t, lines.of(range.start)),
                Event::SoftBreak | Event::HardBreak => self.text.push(' '),
                Event::End(_) => self.text.push('\n'),
                _ => {}
            }
        }
    }

    /// The file line where `phrase` (any case) first occurs, if it does.
    pub fn find(&self, phrase: &str) -> Option<usize> {
        let at = self.text.find(&phrase.to_lowercase())?;
        let i = self.lines.partition_point(|&(offset, _)| offset <= at);
        Some(self.lines.get(i.checked_sub(1)?)?.1)
    }
}

/// The file lines of offsets into a Markdown body, asked for in the order a parser's events
/// come: each answer counts only the line breaks since the one before, not from the start.
struct Lines<'a> {
    src: &'a str,
    first_line: usize,
    /// The last offset asked for, and its line.
    at: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    /// Lines of `src`, whose first line is file line `first_line`.
    fn new(src: &'a str, first_line: usize) -> Self {
        Lines {
            src,
            first_line,
            at: 0,
            line: first_line,
        }
    }

    fn of(&mut self, offset: usize) -> usize {
        if offset < self.at {
            (self.at, self.line) = (0, self.first_line);
        }
        let passed = &self.src.as_bytes()[self.at..offset];
        self.line += memchr::memchr_iter(b'\n', passed).count();
        self.at = offset;
        self.line
    }
}

/// A block of text as a reader sees it (a paragraph, heading, list item or table cell), with
/// the file line it starts on.
#[derive(Debug, PartialEq)]
pub struct Block {
    pub line: usize,
    pub text: String,
}

/// The blocks of a Markdown body whose first line is file line `first_line`, in order.
pub fn blocks(src: &str, first_line: usize) -> Vec<Block> {
    let mut lines = Lines::new(src, first_line);
    let mut out: Vec<Block> = Vec::new();
    let mut open: Option<Block> = None;
    for (event, range) in Parser::new_ext(src, options()).into_offset_iter() {
        match event {
            Event::Text(t) | Event::Code(t) => {
                let block = open.get_or_insert_with(|| Block {
                    line: lines.of(range.start),
                    text: String::new(),
                });
                block.text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(block) = &mut open {
                    block.text.push(' ');
                }
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => {
                out.extend(open.take());
            }
            _ => {}
        }
    }
    out.extend(open);
    out
}

/// Reads `src` once: its links and images, its heading ids, and its accessibility problems.
pub fn scan(src: &str) -> Scan {
    let mut scan = Scan::default();
    let mut ids = HeadingIds::default();
    let mut previous_level = 1;
    // Links, images, headings and table heads being read, innermost last, with their text.
    let mut open: Vec<(usize, String)> = Vec::new();
    let mut lines = Lines::new(src, 1);
    let mut depth = 0;
    for (event, range) in Parser::new_ext(src, options()).into_offset_iter() {
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        if depth > MAX_NESTING {
            scan.problems.push(Problem {
                line: lines.of(range.start),
                kind: ProblemKind::TooDeep,
            });
            break;
        }
        match event {
            Event::Start(
                ref tag @ (Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. }),
            ) => {
                scan.links.push(Link {
                    dest: dest_url.to_string(),
                    line: lines.of(range.start),
                    image: matches!(tag, Tag::Image { .. }),
                });
                open.push((lines.of(range.start), String::new()));
            }
            Event::Start(Tag::Heading { .. } | Tag::TableHead) => {
                open.push((lines.of(range.start), String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                for (_, text) in &mut open {
                    text.push_str(&t);
                }
            }
            Event::End(
                end @ (TagEnd::Link | TagEnd::Image | TagEnd::Heading(_) | TagEnd::TableHead),
            ) => {
                let Some((line, text)) = open.pop() else {
                    continue;
                };
                let kind = match end {
                    TagEnd::Image if text.trim().is_empty() => Some(ProblemKind::ImageAlt),
                    TagEnd::Link if is_vague(&text) => Some(ProblemKind::LinkText(text)),
                    TagEnd::TableHead if text.trim().is_empty() => Some(ProblemKind::TableHeader),
                    TagEnd::Heading(level) => {
                        let level = level as u8;
                        scan.heading_ids.push(ids.next(&text));
                        let skipped = level == 1 || level > previous_level + 1;
                        let problem = skipped.then_some(ProblemKind::HeadingLevel {
                            level,
                            previous: previous_level,
                        });
                        previous_level = level;
                        problem
                    }
                    _ => None,
                };
                scan.problems
                    .extend(kind.map(|kind| Problem { line, kind }));
            }
            _ => {}
        }
    }
    scan
}

/// A part of a Markdown body: the text before the first `##` heading, or a `##` heading with
/// everything up to the next one.
#[derive(Debug, PartialEq)]
pub struct Section<'a> {
    pub text: &'a str,
    /// The heading's text and its id as [`to_html`] writes it; `None` for the opening part.
    pub heading: Option<(String, String)>,
}

/// The body's sections, in order; translations are compared with their source section by section.
pub fn sections(src: &str) -> Vec<Section<'_>> {
    let mut ids = HeadingIds::default();
    // Where each level-2 heading starts, with its text and id; ids count every heading, as in HTML.
    let mut starts: Vec<(usize, String, String)> = Vec::new();
    let mut heading: Option<(usize, bool, String)> = None;
    for (event, range) in Parser::new_ext(src, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((range.start, level == HeadingLevel::H2, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text)) = &mut heading {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((start, is_h2, text)) = heading.take() {
                    let id = ids.next(&text);
                    if is_h2 {
                        starts.push((start, text, id));
                    }
                }
            }
            _ => {}
        }
    }
    let first = starts.first().map_or(src.len(), |(start, ..)| *start);
    let mut out = vec![Section {
        text: &src[..first],
        heading: None,
    }];
    for (i, (start, text, id)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(src.len(), |(next, ..)| *next);
        out.push(Section {
            text: &src[*start..end],
            heading: Some((text.clone(), id.clone())),
        });
    }
    out
}

fn is_vague(text: &str) -> bool {
    let text = text.trim().trim_end_matches(['.', ':', '…']).to_lowercase();
    text.is_empty() || VAGUE_LINK_TEXTS.contains(&text.as_str())
}

/// An `@/` address split into its target and `#fragment`: `@/services/x/#hours` →
/// (`services/x`, `hours`); `None` for any other address.
pub fn split_internal(url: &str) -> Option<(&str, Option<&str>)> {
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
    break_email_addresses(&mut events);
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
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: resolve_url(dest_url, resolve),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: resolve_url(dest_url, resolve),
            title,
            id,
        }),
        other => other,
    }
}

/// Writes the text of e-mail links in the pieces of [`email_parts`], as the theme writes contact
/// details, so a long address in the text also wraps only after `@` or before a dot.
fn break_email_addresses(events: &mut [Event]) {
    let mut in_email = false;
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                in_email = *link_type == LinkType::Email
                    || dest_url
                        .get(..7)
                        .is_some_and(|s| s.eq_ignore_ascii_case("mailto:"));
            }
            Event::End(TagEnd::Link) => in_email = false,
            Event::Text(text) if in_email && text.contains('@') => {
                *event = Event::InlineHtml(email_html(text).into());
            }
            _ => {}
        }
    }
}

/// `<span>` pieces joined by `<wbr>`, escaped: the markup `themes/default/templates/contact.html`
/// writes from [`email_parts`], and the theme's CSS keeps each piece whole.
fn email_html(address: &str) -> String {
    let mut html = String::new();
    for (i, part) in email_parts(address).iter().enumerate() {
        if i > 0 {
            html.push_str("<wbr>");
        }
        html.push_str("<span>");
        // Writing into a String cannot fail.
        let _ = escape_html_body_text(&mut html, part);
        html.push_str("</span>");
    }
    html
}

/// Splits an address after `@` and before each dot, the only places a reader expects it to wrap
/// (`postmottak@` `nittedal` `.kommune` `.no`); the theme keeps each piece whole.
pub fn email_parts(address: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    for c in address.chars() {
        let piece_ends = parts.last().is_some_and(|p| p.ends_with('@'));
        if (c == '.' || piece_ends) && parts.last().is_some_and(|p| !p.is_empty()) {
            parts.push(String::new());
        }
        if let Some(p) = parts.last_mut() {
            p.push(c);
        }
    }
    parts
}

/// An `@/` address turned into a URL by `resolve`, keeping its `#fragment`; an address the
/// portal must not publish turned into `#` (validation reports it; this holds when validation
/// was skipped); others unchanged.
fn resolve_url<'a>(dest_url: CowStr<'a>, resolve: &dyn Fn(&str) -> String) -> CowStr<'a> {
    if !url::is_allowed(&dest_url) {
        return CowStr::Borrowed("#");
    }
    let Some((target, fragment)) = split_internal(&dest_url) else {
        return dest_url;
    };
    let mut url = resolve(target);
    if let Some(f) = fragment {
        url.push('#');
        url.push_str(f);
    }
    CowStr::from(url)
}

/// Gives each heading an id from its text; `scan` computes the same ids for link checks.
fn add_heading_ids(events: &mut [Event]) {
    let mut ids = HeadingIds::default();
    for i in 0..events.len() {
        if let Event::Start(Tag::Heading { .. }) = &events[i] {
            let id = ids.next(&heading_text(&events[i + 1..]));
            if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[i] {
                *slot = Some(CowStr::from(id));
            }
        }
    }
}

/// Heading ids from their text, numbering repeats (`-2`, `-3`) so ids stay unique in a page.
#[derive(Default)]
struct HeadingIds {
    seen: HashMap<String, usize>,
}

impl HeadingIds {
    fn next(&mut self, text: &str) -> String {
        let base = slugify(text);
        let base = if base.is_empty() {
            "section".to_string()
        } else {
            base
        };
        let n = self.seen.entry(base.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { base } else { format!("{base}-{n}") }
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

    #[test]
    fn lines_are_counted_forward_and_again_from_the_start_when_asked_back() {
        let mut lines = Lines::new("a\nb\n\nc", 5);
        let asked = [0, 2, 5, 2, 6].map(|offset| lines.of(offset));
        assert_eq!(asked, [5, 6, 8, 6, 8]);
    }

    #[test]
    fn blocks_are_the_texts_a_reader_sees_with_their_lines() {
        let src =
            "Intro [med lenke](https://x.no)\nover to linjer.\n\n## Tittel\n\n- En\n- To `kode`\n";
        let texts: Vec<(usize, String)> = blocks(src, 5)
            .into_iter()
            .map(|b| (b.line, b.text))
            .collect();
        assert_eq!(
            texts,
            [
                (5, "Intro med lenke over to linjer.".into()),
                (8, "Tittel".into()),
                (10, "En".into()),
                (11, "To kode".into())
            ]
        );
    }

    #[test]
    fn sections_split_at_level_two_headings_with_the_ids_of_the_html() {
        let src = "Intro.\n\n## Hva er det?\n\nTekst.\n\n### Mer\n\n```\n## not a heading\n```\n\n## Hva er det?\n\nIgjen.\n";
        let parts = sections(src);
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0].text, "Intro.\n\n");
        assert_eq!(
            parts[1].heading,
            Some(("Hva er det?".into(), "hva-er-det".into()))
        );
        assert!(
            parts[1].text.contains("## not a heading"),
            "{:?}",
            parts[1].text
        );
        assert_eq!(
            parts[2].heading,
            Some(("Hva er det?".into(), "hva-er-det-2".into()))
        );
        assert_eq!(parts.iter().map(|p| p.text).collect::<String>(), src);
        let html = to_html(src, &|t| t.to_string());
        assert!(html.contains(r#"<h2 id="hva-er-det-2">"#), "{html}");
    }

    #[test]
    fn prose_finds_a_phrase_across_a_line_break_but_not_in_a_link_target() {
        let mut prose = Prose::default();
        prose.push("title: Helsestasjon", 2);
        prose.push_markdown(
            "Intro.\n\nAsk the child and family\nhealth clinic [here](@/services/health-centre).\n",
            5,
        );
        assert_eq!(prose.find("helsestasjon"), Some(2));
        assert_eq!(prose.find("Child and family health clinic"), Some(7));
        assert_eq!(prose.find("health centre"), None);
        assert_eq!(prose.find("intro. ask"), None, "blocks stay apart");
    }

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
    fn scan_finds_heading_ids_and_accessibility_problems() {
        let src = "## Om\n\n#### Detaljer\n\n![](bilde.png)\n\n[Les mer](@/services/x) [NAV](https://nav.no)\n\n| | |\n|---|---|\n| a | b |\n\n## Om\n";
        let s = scan(src);
        assert_eq!(s.heading_ids, ["om", "detaljer", "om-2"]);
        let kinds: Vec<(usize, &ProblemKind)> =
            s.problems.iter().map(|p| (p.line, &p.kind)).collect();
        assert_eq!(
            kinds,
            [
                (
                    3,
                    &ProblemKind::HeadingLevel {
                        level: 4,
                        previous: 2
                    }
                ),
                (5, &ProblemKind::ImageAlt),
                (7, &ProblemKind::LinkText("Les mer".into())),
                (9, &ProblemKind::TableHeader),
            ]
        );
        assert!(html(src).contains(r#"<h2 id="om-2">"#));
    }

    #[test]
    fn nesting_is_refused_once_where_it_gets_too_deep() {
        let fine = format!("{}x\n", "> ".repeat(MAX_NESTING - 1));
        assert!(scan(&fine).problems.is_empty());
        let deep = format!("Intro\n\n{}x\n", "> ".repeat(100_000));
        let s = scan(&deep);
        let kinds: Vec<(usize, &ProblemKind)> =
            s.problems.iter().map(|p| (p.line, &p.kind)).collect();
        assert_eq!(kinds, [(3, &ProblemKind::TooDeep)]);
    }

    #[test]
    fn raw_html_is_escaped() {
        let out = html("Hei <script>alert(1)</script>\n\n<div onclick=x>y</div>\n");
        assert!(!out.contains("<script>") && !out.contains("<div"), "{out}");
        assert!(out.contains("&lt;script&gt;"), "{out}");
    }

    #[test]
    fn internal_links_resolve_and_every_link_is_found_with_its_line() {
        let src = "Intro\n\nSee [doctor](@/services/fastlege#hours) and [x](https://nav.no).\n\n![Map](kart.png)\n";
        assert!(html(src).contains(r#"href="/site/nb/services/fastlege/#hours""#));
        let link = |dest: &str, line, image| Link {
            dest: dest.into(),
            line,
            image,
        };
        assert_eq!(
            scan(src).links,
            vec![
                link("@/services/fastlege#hours", 3, false),
                link("https://nav.no", 3, false),
                link("kart.png", 5, true),
            ]
        );
        assert_eq!(
            split_internal("@/services/x/#hours"),
            Some(("services/x", Some("hours")))
        );
        assert_eq!(split_internal("/services/x"), None);
    }

    /// The values of the `href` and `src` attributes of rendered HTML.
    fn addresses(html: &str) -> Vec<&str> {
        ["href=\"", "src=\""]
            .iter()
            .flat_map(|attr| {
                html.match_indices(attr)
                    .map(|(at, _)| &html[at + attr.len()..])
            })
            .filter_map(|rest| rest.split('"').next())
            .collect()
    }

    #[test]
    fn script_addresses_reach_scan_as_the_browser_reads_them_and_never_the_page() {
        let js = "javascript:alert(1)";
        for (src, dest) in [
            ("[x](javascript:alert(1))", js),
            ("![x](javascript:alert(1))", js),
            ("<javascript:alert(1)>", js),
            ("[x][r]\n\n[r]: javascript:alert(1)", js),
            ("[x]\n\n[x]: <javascript:alert(1)>", js),
            ("[x](&#106;avascript:alert(1))", js),
            ("[x](&#x6A;avascript:alert(1))", js),
            ("[x](javascript&colon;alert(1))", js),
            ("[x](JaVaScRiPt:alert(1))", "JaVaScRiPt:alert(1)"),
            ("[x](<java\tscript:alert(1)>)", "java\tscript:alert(1)"),
            ("[x](java&#9;script:alert(1))", "java\tscript:alert(1)"),
            ("[x](java&#10;script:alert(1))", "java\nscript:alert(1)"),
            ("[x](< javascript:alert(1)>)", " javascript:alert(1)"),
            ("[x](&#32;javascript:alert(1))", " javascript:alert(1)"),
            ("[x](VbScRiPt:msgbox(1))", "VbScRiPt:msgbox(1)"),
            (
                "![x](data:image/svg+xml;base64,PHN2Zz4=)",
                "data:image/svg+xml;base64,PHN2Zz4=",
            ),
        ] {
            let links = scan(src).links;
            assert_eq!(links.len(), 1, "{src}");
            assert_eq!(links[0].dest, dest, "{src}");
            assert!(url::validate(&links[0].dest).is_err(), "{src}");
            let out = html(src);
            assert_eq!(addresses(&out), ["#"], "{src} → {out}");
        }
    }

    #[test]
    fn allowed_addresses_are_published_as_written() {
        let out = html(
            "[a](https://nav.no) [b](mailto:a@b.no) [c](tel:+4712345678) [d](#x) [e](/demo/nb/) ![f](kart.png)",
        );
        assert_eq!(
            addresses(&out),
            [
                "https://nav.no",
                "mailto:a@b.no",
                "tel:+4712345678",
                "#x",
                "/demo/nb/",
                "kart.png"
            ]
        );
    }

    #[test]
    fn e_mail_addresses_wrap_only_after_the_at_sign_and_before_dots() {
        assert_eq!(
            email_parts("postmottak@nittedal.kommune.no"),
            ["postmottak@", "nittedal", ".kommune", ".no"]
        );
        assert_eq!(email_parts("a.b@c"), ["a", ".b@", "c"]);
        assert_eq!(email_parts(".x@.y"), [".x@", ".y"]);
    }

    #[test]
    fn e_mail_links_in_text_wrap_like_contact_details() {
        let expected = "<span>a&lt;b@</span><wbr><span>x</span><wbr><span>.no</span>";
        for src in [
            "<post@x.no>",
            "[post@x.no](mailto:post@x.no)",
            "[post@x.no](MAILTO:post@x.no)",
        ] {
            assert!(
                html(src).contains(">post@</span><wbr><span>x</span><wbr><span>.no</span></a>"),
                "{src}: {}",
                html(src)
            );
        }
        assert_eq!(email_html("a<b@x.no"), expected);
        assert!(html("[post@x.no](https://x.no/)").contains(">post@x.no</a>"));
    }
}
