//! The content model: what a portal is made of, as read from YAML (facts) and Markdown (text).
//!
//! Fact types derive `Deserialize` with `deny_unknown_fields`, so a misspelt field is an error
//! rather than silently ignored. Value types (`Timing`, `Period`, `Date`, `ClockTime`) parse from
//! the forms a person naturally writes and explain what they expected when they cannot.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Deserializer, Serialize};
use serde_saphyr::Spanned;

use super::source::Doc;
use crate::limits::{MAX_SUMMARY_CHARS, MAX_TITLE_CHARS, check_short};

/// One portal: a municipality's site, loaded and validated.
#[derive(Debug)]
pub struct Site {
    pub slug: String,
    pub dir: PathBuf,
    pub config: SiteConfig,
    pub plan: Option<Plan>,
    pub services: Vec<Service>,
    pub pages: Vec<Page>,
    pub glossary: Vec<Term>,
    /// The «start here» page, when the portal has one.
    pub start: Option<Start>,
    /// `terms.yaml`, when the portal has one.
    pub term_list: Option<TermList>,
    /// The texts of items whose facts file could not be read: they get no page, but their
    /// Markdown is still checked, so one error does not hide the others.
    pub text_only: Vec<TextOnly>,
}

/// The texts of a service or theme whose facts file has an error.
#[derive(Debug)]
pub struct TextOnly {
    pub slug: String,
    /// The page it would have.
    pub route: crate::route::Route,
    pub text: Localized<()>,
}

impl Site {
    /// The first language is the one every other is translated from.
    pub fn source_language(&self) -> &str {
        &self.config.languages[0]
    }
}

/// `site.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    #[serde(deserialize_with = "name")]
    pub name: String,
    #[serde(default = "default_languages")]
    pub languages: Vec<String>,
    /// Spanned, so a wrong address can be reported with its line.
    pub base_url: Option<Spanned<String>>,
    #[serde(default)]
    pub contact: Contact,
    /// The municipality's logo or coat of arms beside its name; plans include none.
    pub logo: Option<Spanned<Logo>>,
    /// The header's colour, any CSS colour; spanned, so a colour too light for white text on it
    /// can be reported with its line.
    pub accent: Option<Spanned<String>>,
    /// The open licence of the portal's open-data export, by its address, one of
    /// [`LICENCES`](super::licence::LICENCES); spanned, so another can be refused on its line.
    pub licence: Option<Spanned<String>>,
}

/// An image in the portal's `theme/static/` folder, with words for readers who cannot see it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// The file's name in `theme/static/`, e.g. `coat-of-arms.svg`.
    pub file: String,
    /// What the image shows, per language code; the source language's is required.
    pub alt: BTreeMap<String, String>,
}

fn default_languages() -> Vec<String> {
    ["nb", "en", "pl", "lt", "ar"].map(String::from).to_vec()
}

/// How to reach a unit; every field is optional because plans often give none.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub phone: Option<String>,
    pub email: Option<String>,
    pub address: Option<String>,
    /// Spanned, so an address torg refuses to publish can be reported with its line.
    pub web: Option<Spanned<String>>,
}

impl Contact {
    pub fn is_empty(&self) -> bool {
        self.phone.is_none() && self.email.is_none() && self.address.is_none() && self.web.is_none()
    }
}

/// Text of one content item in each language that has a file; the source language always does.
#[derive(Debug)]
pub struct Localized<F> {
    pub docs: BTreeMap<String, (PathBuf, Doc<F>)>,
}

impl<F> Localized<F> {
    /// The same files without their front matter, for checks that read only the bodies.
    pub fn without_front(self) -> Localized<()> {
        let docs = self
            .docs
            .into_iter()
            .map(|(lang, (path, doc))| {
                let doc = Doc {
                    front: (),
                    front_text: doc.front_text,
                    body: doc.body,
                    body_line: doc.body_line,
                    translated_from: doc.translated_from,
                };
                (lang, (path, doc))
            })
            .collect();
        Localized { docs }
    }

    /// The text in `lang`, or in the source language with `fallback = true`.
    pub fn get<'a>(&'a self, lang: &str, source: &str) -> (&'a Doc<F>, bool) {
        match self.docs.get(lang) {
            Some((_, doc)) => (doc, false),
            None => (&self.docs[source].1, true),
        }
    }
}

/// The five kinds of offer; the home page shows them in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    Settlement,
    Health,
    Schooling,
    Leisure,
    Work,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Settlement,
        Category::Health,
        Category::Schooling,
        Category::Leisure,
        Category::Work,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Category::Settlement => "settlement",
            Category::Health => "health",
            Category::Schooling => "schooling",
            Category::Leisure => "leisure",
            Category::Work => "work",
        }
    }

    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Audience {
    Everyone,
    Refugees,
    FamilyImmigrants,
    LabourImmigrants,
    Immigrants,
    Children,
    Youth,
    Adults,
    Parents,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Cost {
    Free,
    Paid,
    #[default]
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

/// A time of day, `HH:MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
pub struct ClockTime {
    pub minutes: u16,
}

impl TryFrom<String> for ClockTime {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a time of day; write it as HH:MM, e.g. \"08:30\"");
        let (h, m) = s.split_once(':').ok_or_else(bad)?;
        let digits = |t: &str, max_len| {
            (1..=max_len).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(h, 2) || !digits(m, 2) || m.len() != 2 {
            return Err(bad());
        }
        let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
        if h * 60 + m > 24 * 60 || m > 59 {
            return Err(bad());
        }
        Ok(ClockTime {
            minutes: h * 60 + m,
        })
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.minutes / 60, self.minutes % 60)
    }
}

/// Opening hours for a set of days.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    pub days: Vec<Day>,
    pub opens: ClockTime,
    pub closes: ClockTime,
}

/// A calendar date, `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "String")]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl TryFrom<String> for Date {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        let bad = || format!("`{s}` is not a date; write it as YYYY-MM-DD, e.g. 2025-03-31");
        let mut parts = s
            .splitn(3, '-')
            .map(|p| p.parse::<u16>().map_err(|_| bad()));
        let (y, m, d) = match (parts.next(), parts.next(), parts.next()) {
            (Some(y), Some(m), Some(d)) => (y?, m?, d?),
            _ => return Err(bad()),
        };
        if !(1..=12).contains(&m) || !(1..=days_in_month(y, m)).contains(&d) {
            return Err(bad());
        }
        Ok(Date {
            year: y,
            month: m as u8,
            day: d as u8,
        })
    }
}

impl Date {
    /// The same date for date arithmetic; `None` outside jiff's years (-9999 to 9999).
    pub fn civil(self) -> Option<jiff::civil::Date> {
        let year = i16::try_from(self.year).ok()?;
        jiff::civil::Date::new(year, self.month as i8, self.day as i8).ok()
    }
}

fn days_in_month(year: u16, month: u16) -> u16 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A year or a whole date, as plans give either.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "YearOrText")]
pub enum When {
    Year(u16),
    Date(Date),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum YearOrText {
    Year(u16),
    Text(String),
}

impl TryFrom<YearOrText> for When {
    type Error = String;
    fn try_from(v: YearOrText) -> Result<Self, String> {
        match v {
            YearOrText::Year(y) => Ok(When::Year(y)),
            YearOrText::Text(s) => Date::try_from(s).map(When::Date),
        }
    }
}

/// `2018-2025`: first and last year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "YearOrText")]
pub struct Period {
    pub from: u16,
    pub to: u16,
}

impl TryFrom<YearOrText> for Period {
    type Error = String;
    fn try_from(v: YearOrText) -> Result<Self, String> {
        let text = match v {
            YearOrText::Year(y) => return Ok(Period { from: y, to: y }),
            YearOrText::Text(s) => s,
        };
        let bad =
            || format!("`{text}` is not a period; write the first and last year, e.g. 2018-2025");
        let (a, b) = text.split_once(['-', '–']).ok_or_else(bad)?;
        let (from, to) = (
            a.trim().parse().map_err(|_| bad())?,
            b.trim().parse().map_err(|_| bad())?,
        );
        if from > to {
            return Err(format!("the period `{text}` ends before it starts"));
        }
        Ok(Period { from, to })
    }
}

/// When a measure happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(try_from = "YearOrText")]
pub enum Timing {
    Year(u16),
    Period(Period),
    Ongoing,
    /// Starts in a year and then continues («2017 og løpende»).
    OngoingFrom(u16),
}

impl TryFrom<YearOrText> for Timing {
    type Error = String;
    fn try_from(v: YearOrText) -> Result<Self, String> {
        match v {
            YearOrText::Year(y) => Ok(Timing::Year(y)),
            YearOrText::Text(s) if s == "ongoing" => Ok(Timing::Ongoing),
            YearOrText::Text(s) => match s.strip_suffix("-ongoing").map(str::parse) {
                Some(Ok(year)) => Ok(Timing::OngoingFrom(year)),
                _ => Period::try_from(YearOrText::Text(s)).map(Timing::Period),
            }
            .map_err(|_| {
                "timing must be a year (2019), a period (2018-2020), `ongoing`, or a start year \
                 and ongoing (2017-ongoing)"
                    .into()
            }),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MeasureStatus {
    Planned,
    InProgress,
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PlanStatus {
    Adopted,
    Draft,
    Consultation,
}

/// `services/<slug>.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceFacts {
    pub category: Category,
    pub provider: Option<String>,
    #[serde(default)]
    pub audience: Vec<Audience>,
    #[serde(default)]
    pub contact: Contact,
    #[serde(default)]
    pub hours: Vec<Hours>,
    #[serde(default)]
    pub cost: Cost,
    pub price_nok: Option<u32>,
    #[serde(default)]
    pub languages: Vec<String>,
    pub interpreter: Option<bool>,
    /// `<theme>/<measure>` ids; spanned so a wrong id can be reported with its line.
    #[serde(default)]
    pub measures: Vec<Spanned<String>>,
    pub reviewed: Option<Date>,
}

/// Front matter of `services/<slug>.<lang>.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceText {
    #[serde(deserialize_with = "title")]
    pub title: String,
    #[serde(deserialize_with = "summary")]
    pub summary: String,
}

#[derive(Debug)]
pub struct Service {
    pub slug: String,
    pub facts_path: PathBuf,
    pub facts: ServiceFacts,
    pub text: Localized<ServiceText>,
}

/// `plan/plan.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanFacts {
    /// Optional: some plans state no period, or no status.
    pub period: Option<Period>,
    pub status: Option<PlanStatus>,
    pub adopted: Option<When>,
    /// The plan's chapters in reading order, by the names of their files in `plan/themes/`.
    #[serde(rename = "themes")]
    pub chapters: Vec<String>,
}

/// Front matter of `plan/plan.<lang>.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanText {
    #[serde(deserialize_with = "title")]
    pub title: String,
    #[serde(deserialize_with = "summary")]
    pub summary: String,
    pub vision: Option<String>,
    #[serde(default)]
    pub goals: Vec<String>,
}

#[derive(Debug)]
pub struct Plan {
    pub facts_path: PathBuf,
    pub facts: PlanFacts,
    pub text: Localized<PlanText>,
    /// In the order `plan.yaml` lists them.
    pub chapters: Vec<Chapter>,
}

/// One measure (tiltak) of a chapter; its text lives in the chapter's Markdown files.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub responsible: Option<String>,
    pub timing: Option<Timing>,
    pub status: Option<MeasureStatus>,
}

/// `plan/themes/<slug>.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterFacts {
    pub source: String,
    #[serde(default)]
    pub measures: Vec<Measure>,
}

/// Front matter of `plan/themes/<slug>.<lang>.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChapterText {
    #[serde(deserialize_with = "title")]
    pub title: String,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub measures: BTreeMap<String, String>,
}

/// A chapter of the plan (innsatsområde). Content files call it a theme (`plan/themes/`), the
/// word editors know from the plans; in code «theme» is only the template set.
#[derive(Debug)]
pub struct Chapter {
    pub slug: String,
    pub facts_path: PathBuf,
    pub facts: ChapterFacts,
    pub text: Localized<ChapterText>,
}

/// Front matter of `pages/<slug>.<lang>.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageText {
    #[serde(deserialize_with = "title")]
    pub title: String,
    #[serde(default, deserialize_with = "optional_summary")]
    pub summary: Option<String>,
}

#[derive(Debug)]
pub struct Page {
    pub slug: String,
    pub text: Localized<PageText>,
}

/// Front matter of `glossary/<slug>.<lang>.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermText {
    #[serde(deserialize_with = "title")]
    pub term: String,
}

/// A glossary term.
#[derive(Debug)]
pub struct Term {
    pub slug: String,
    pub text: Localized<TermText>,
}

/// A text of at most `max` characters; longer is refused in words naming the `what`.
fn short<'de, D: Deserializer<'de>>(d: D, what: &str, max: usize) -> Result<String, D::Error> {
    let text = String::deserialize(d)?;
    check_short(&text, what, max).map_err(serde::de::Error::custom)?;
    Ok(text)
}

/// Titles (and terms) are repeated in menus, lists and every language's pages.
fn title<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    short(d, "title", MAX_TITLE_CHARS)
}

/// The municipality's name is on every page of the portal.
fn name<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    short(d, "name", MAX_TITLE_CHARS)
}

/// Summaries are shown in lists and search results.
fn summary<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    short(d, "summary", MAX_SUMMARY_CHARS)
}

fn optional_summary<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    summary(d).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_parse_from_what_people_write() {
        assert_eq!(
            ClockTime::try_from("08:30".to_string()).unwrap().minutes,
            510
        );
        assert!(ClockTime::try_from("8.30".to_string()).is_err());
        assert!(Date::try_from("2025-02-29".to_string()).is_err());
        assert!(Date::try_from("2024-02-29".to_string()).is_ok());
        let p = Period::try_from(YearOrText::Text("2018-2025".into())).unwrap();
        assert_eq!((p.from, p.to), (2018, 2025));
        assert!(Period::try_from(YearOrText::Text("2025-2018".into())).is_err());
        assert_eq!(
            Timing::try_from(YearOrText::Text("ongoing".into())),
            Ok(Timing::Ongoing)
        );
        assert_eq!(
            Timing::try_from(YearOrText::Text("2017-ongoing".into())),
            Ok(Timing::OngoingFrom(2017))
        );
        assert!(Timing::try_from(YearOrText::Text("soon".into())).is_err());
        assert!(Timing::try_from(YearOrText::Text("x-ongoing".into())).is_err());
    }

    #[test]
    fn titles_and_summaries_over_the_limit_are_refused_on_their_line() {
        let parse = |yaml: &str| {
            crate::content::source::parse_yaml::<ServiceText>(yaml, std::path::Path::new("a"), 2)
        };
        let ok = format!("title: {}\nsummary: {}\n", "T".repeat(200), "s".repeat(500));
        assert!(parse(&ok).is_ok());
        let long = format!("title: Lege\nsummary: {}\n", "s".repeat(501));
        let d = parse(&long).unwrap_err();
        assert_eq!(d.line, Some(3));
        assert!(
            d.message.starts_with("This summary is 501 characters long"),
            "{}",
            d.message
        );
        let page = "title: Om\nsummary: Kort\n";
        let p: PageText =
            crate::content::source::parse_yaml(page, std::path::Path::new("a"), 2).unwrap();
        assert_eq!(p.summary.as_deref(), Some("Kort"));
    }
}

/// `terms.yaml`: the one agreed rendering of each key term in each language, so `torg check` can
/// point at a translation that says it otherwise («helsestasjon» is not a «health centre»).
#[derive(Debug)]
pub struct TermList {
    pub path: PathBuf,
    /// By term id (a glossary entry's name where the portal explains the term), then language.
    pub terms: BTreeMap<String, BTreeMap<String, Spanned<Rendering>>>,
}

/// How one language writes a term: the words of the agreed rendering, any one of which a text
/// must contain (stems, so every inflected form matches), and renderings it must not use.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rendering {
    #[serde(rename = "use")]
    pub words: Vec<String>,
    #[serde(default)]
    pub avoid: Vec<String>,
}

/// `start/start.yaml`: the first steps after arrival, in the order the plan gives them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartFacts {
    /// Where the plan describes these steps, so an editor can check them against it.
    pub source: Option<String>,
    pub steps: Vec<StepFacts>,
}

/// One step: the services that carry it out, and whom it is for when the plan says so.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepFacts {
    pub id: Spanned<String>,
    /// Service slugs; spanned so a wrong one can be reported with its line.
    #[serde(default)]
    pub services: Vec<Spanned<String>>,
    /// Empty: for everyone.
    #[serde(default)]
    pub audience: Vec<Audience>,
}

/// Front matter of `start/start.<lang>.md`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartText {
    #[serde(deserialize_with = "title")]
    pub title: String,
    #[serde(deserialize_with = "summary")]
    pub summary: String,
    /// By step id.
    #[serde(default)]
    pub steps: BTreeMap<String, StepText>,
}

/// A step in one language: a short title and one or two plain sentences.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepText {
    #[serde(deserialize_with = "title")]
    pub title: String,
    #[serde(deserialize_with = "summary")]
    pub text: String,
}

/// The «start here» page: what a newcomer does first, linked to the services that help.
#[derive(Debug)]
pub struct Start {
    pub facts_path: PathBuf,
    pub facts: StartFacts,
    pub text: Localized<StartText>,
}
