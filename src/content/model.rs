//! The content model: what a portal is made of, as read from YAML (facts) and Markdown (text).
//!
//! Fact types derive `Deserialize` with `deny_unknown_fields`, so a misspelt field is an error
//! rather than silently ignored. Value types (`Timing`, `Period`, `Date`, `ClockTime`) parse from
//! the forms a person naturally writes and explain what they expected when they cannot.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use schemars::JsonSchema;
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
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "site.yaml",
    description = "One portal: the municipality's name, the languages of the portal and how to reach the municipality."
)]
pub struct SiteConfig {
    /// The municipality, as its residents write it; shown on every page.
    #[serde(deserialize_with = "name")]
    #[schemars(length(max = MAX_TITLE_CHARS), example = &"Eksempelby")]
    pub name: String,
    /// The languages of the portal; the first is the source language the others are translated from.
    #[serde(default = "default_languages")]
    #[schemars(example = ["nb", "en", "pl", "lt", "ar"])]
    pub languages: Vec<String>,
    /// The web address the portal is published at; optional.
    // Spanned, so a wrong address can be reported with its line.
    #[schemars(with = "Option<String>", example = &"https://example.org/eksempelby/")]
    pub base_url: Option<Spanned<String>>,
    /// How to reach the municipality.
    #[serde(default)]
    pub contact: Contact,
    /// The municipality's logo or coat of arms, shown beside its name; leave it out when there is none.
    #[schemars(
        with = "Option<Logo>",
        example = serde_json::json!({ "file": "coat-of-arms.svg", "alt": { "nb": "Eksempelby kommunes våpen" } })
    )]
    pub logo: Option<Spanned<Logo>>,
    /// The header's colour as a hex code in quotes; white text on it must be easy to read.
    // Spanned, so a colour too light for white text on it can be reported with its line.
    #[schemars(with = "Option<String>", example = &"#2c5f2d")]
    pub accent: Option<Spanned<String>>,
    /// The limits of `torg check`'s plain-language warnings; each has a default.
    #[serde(default)]
    #[schemars(example = serde_json::json!({ "max_sentence_words": 25, "max_lix": 50 }))]
    pub plain_language: PlainLanguage,
    /// The open licence of the portal's open data, by its SPDX identifier: NLOD-2.0, CC-BY-4.0 or CC0-1.0.
    // One of [`LICENCES`](super::licence::LICENCES); spanned, so another can be refused on its line.
    #[schemars(default, schema_with = "crate::schema::licence", example = &"NLOD-2.0")]
    pub licence: Option<Spanned<String>>,
}

/// When `torg check` calls a Norwegian or English text hard to read for a newcomer
/// (docs/content.md, «Plain language»).
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct PlainLanguage {
    /// A sentence with more words than this is too long to follow.
    #[schemars(example = 25)]
    pub max_sentence_words: usize,
    /// A paragraph or list item with more words than this is too long.
    #[schemars(example = 100)]
    pub max_paragraph_words: usize,
    /// A Norwegian word with more letters than this is hard to take apart (glossary terms excepted).
    #[schemars(example = 23)]
    pub max_word_letters: usize,
    /// A text whose readability index (LIX) is above this is hard to read; 40 is easy, 50 hard.
    #[schemars(example = 50)]
    pub max_lix: u32,
}

impl Default for PlainLanguage {
    fn default() -> Self {
        PlainLanguage {
            max_sentence_words: 25,
            max_paragraph_words: 100,
            max_word_letters: 23,
            max_lix: 50,
        }
    }
}

/// An image in the portal's `theme/static/` folder, with words for readers who cannot see it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Logo {
    /// The image's file name in the portal's theme/static/ folder (SVG, PNG, WebP, AVIF or JPEG).
    #[schemars(example = &"coat-of-arms.svg")]
    pub file: String,
    /// What the image shows, for readers who cannot see it, per language; required in the first language.
    #[schemars(example = BTreeMap::from([("nb", "Eksempelby kommunes våpen")]))]
    pub alt: BTreeMap<String, String>,
}

pub(crate) fn default_languages() -> Vec<String> {
    ["nb", "en", "pl", "lt", "ar"].map(String::from).to_vec()
}

/// How to reach a unit; every field is optional because plans often give none.
#[derive(Debug, Default, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// The phone number, in quotes; shown as a link that calls it.
    #[schemars(example = &"+47 12 34 56 78")]
    pub phone: Option<String>,
    /// The e-mail address; shown as a link that writes to it.
    #[schemars(example = &"post@example.org")]
    pub email: Option<String>,
    /// The street address; linked to a map search.
    #[schemars(example = &"Storgata 1, 9999 Eksempelby")]
    pub address: Option<String>,
    /// The full web address, starting with https://.
    // Spanned, so an address torg refuses to publish can be reported with its line.
    #[schemars(with = "Option<String>", example = &"https://example.org/")]
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
                    translated_sections: doc.translated_sections,
                    translated_on: doc.translated_on,
                    fingerprint: doc.fingerprint,
                };
                (lang, (path, doc))
            })
            .collect();
        Localized { docs }
    }

    /// Whether the text in `lang` is stamped as translated from an earlier version of the source.
    pub fn is_behind(&self, lang: &str, source: &str) -> bool {
        let stamp = self
            .docs
            .get(lang)
            .and_then(|(_, d)| d.translated_from.as_deref());
        let now = self.docs.get(source).map(|(_, d)| d.fingerprint.as_str());
        lang != source && stamp.is_some_and(|stamp| Some(stamp) != now)
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
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
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

/// Whom a service or step is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
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

/// Whether a service costs money.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Cost {
    Free,
    Paid,
    #[default]
    Unknown,
}

/// A day of the week, by its first three letters in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
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

impl Day {
    /// The day's English name, as schema.org names weekdays (`https://schema.org/Monday`).
    pub fn english_name(self) -> &'static str {
        match self {
            Day::Mon => "Monday",
            Day::Tue => "Tuesday",
            Day::Wed => "Wednesday",
            Day::Thu => "Thursday",
            Day::Fri => "Friday",
            Day::Sat => "Saturday",
            Day::Sun => "Sunday",
        }
    }
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Hours {
    /// The days these hours are for.
    #[schemars(example = ["mon", "tue", "wed", "thu", "fri"])]
    pub days: Vec<Day>,
    /// When it opens, as HH:MM in quotes.
    #[schemars(example = &"08:00")]
    pub opens: ClockTime,
    /// When it closes, as HH:MM in quotes.
    #[schemars(example = &"15:30")]
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

impl std::fmt::Display for Date {
    /// `YYYY-MM-DD`, as the content writes dates.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// The day `d` is; `None` before year 0.
    pub fn from_civil(d: jiff::civil::Date) -> Option<Date> {
        Some(Date {
            year: u16::try_from(d.year()).ok()?,
            month: d.month() as u8,
            day: d.day() as u8,
        })
    }

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

/// How far a measure has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MeasureStatus {
    Planned,
    InProgress,
    Done,
}

/// Where the plan is in its political process.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PlanStatus {
    Adopted,
    Draft,
    Consultation,
}

/// `services/<slug>.yaml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "services/<name>.yaml",
    description = "The facts of one service, written once for every language: its kind, who offers it, how to reach it, when it is open and what it costs."
)]
pub struct ServiceFacts {
    /// Which of the five kinds of offer this is; the home page groups services by it.
    #[schemars(example = Category::Health)]
    pub category: Category,
    /// The unit that offers the service, by the name a resident asks for.
    #[schemars(example = &"Voksenopplæringen")]
    pub provider: Option<String>,
    /// Whom the service is for.
    #[serde(default)]
    #[schemars(example = [Audience::Refugees, Audience::FamilyImmigrants])]
    pub audience: Vec<Audience>,
    /// How to reach the service.
    #[serde(default)]
    pub contact: Contact,
    /// Opening hours, one entry per set of days with the same hours.
    #[serde(default)]
    pub hours: Vec<Hours>,
    /// Whether the service costs money; leave it out when you do not know.
    #[serde(default)]
    #[schemars(example = Cost::Free)]
    pub cost: Cost,
    /// The price in Norwegian kroner, a whole number; only with `cost: paid`.
    #[schemars(example = 200)]
    pub price_nok: Option<u32>,
    /// The languages spoken at the service, as language codes.
    #[serde(default)]
    #[schemars(example = ["nb", "en", "ar"])]
    pub languages: Vec<String>,
    /// Whether the service offers an interpreter: true or false.
    #[schemars(default, schema_with = "crate::schema::yes_or_no", example = true)]
    pub interpreter: Option<bool>,
    /// The measures of the plan this service carries out, each as <theme>/<measure id>.
    // Spanned so a wrong id can be reported with its line.
    #[serde(default)]
    #[schemars(with = "Vec<String>", example = ["helse/tolk"])]
    pub measures: Vec<Spanned<String>>,
    /// When someone last checked these facts, as YYYY-MM-DD.
    #[schemars(example = &"2026-01-31")]
    pub reviewed: Option<Date>,
}

/// Front matter of `services/<slug>.<lang>.md`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "services/<name>.<language>.md",
    description = "The front matter of a service's text in one language: its title and a one-line summary."
)]
pub struct ServiceText {
    /// The service's name, as the page's heading and in lists.
    #[serde(deserialize_with = "title")]
    #[schemars(length(max = MAX_TITLE_CHARS), example = &"Fastlege")]
    pub title: String,
    /// One plain sentence saying what the service is, shown in lists and search results.
    #[serde(deserialize_with = "summary")]
    #[schemars(length(max = MAX_SUMMARY_CHARS), example = &"Legen din når du er syk.")]
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
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "plan/plan.yaml",
    description = "The facts of the integration plan: its period, status, when it was adopted and the order of its themes."
)]
pub struct PlanFacts {
    /// The first and last year of the plan, if the plan states them.
    // Optional: some plans state no period, or no status.
    #[schemars(example = &"2018-2025")]
    pub period: Option<Period>,
    /// Where the plan is in its political process, if the plan says.
    #[schemars(example = PlanStatus::Adopted)]
    pub status: Option<PlanStatus>,
    /// When the plan was adopted: a date (YYYY-MM-DD) or a year.
    #[schemars(example = &"2018-06-21")]
    pub adopted: Option<When>,
    /// The plan's themes in reading order, by the names of their files in plan/themes/.
    #[serde(rename = "themes")]
    #[schemars(example = ["strategi-1", "strategi-2"])]
    pub chapters: Vec<String>,
}

/// Front matter of `plan/plan.<lang>.md`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "plan/plan.<language>.md",
    description = "The front matter of the plan's text in one language: its title, summary, vision and main goals."
)]
pub struct PlanText {
    /// The plan's name, as its heading.
    #[serde(deserialize_with = "title")]
    #[schemars(length(max = MAX_TITLE_CHARS), example = &"Plan for integrering 2024–2027")]
    pub title: String,
    /// One short paragraph about the plan, shown on the home page.
    #[serde(deserialize_with = "summary")]
    #[schemars(length(max = MAX_SUMMARY_CHARS), example = &"Slik jobber kommunen med integrering.")]
    pub summary: String,
    /// The plan's vision, if it states one.
    #[schemars(example = &"Alle skal kunne delta.")]
    pub vision: Option<String>,
    /// The plan's main goals, one per line starting with `- `.
    #[serde(default)]
    #[schemars(example = ["Flere i arbeid."])]
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

/// One measure (tiltak) of a theme; its text is in the theme's language files.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// A short name for the measure, unique within the theme: lower-case letters a–z, digits and -.
    #[schemars(example = &"informasjon")]
    pub id: String,
    /// Who carries out the measure, as the plan states it.
    #[schemars(example = &"Integreringsenheten")]
    pub responsible: Option<String>,
    /// When the measure happens.
    #[schemars(example = &"ongoing")]
    pub timing: Option<Timing>,
    /// How far the measure has come.
    #[schemars(example = MeasureStatus::InProgress)]
    pub status: Option<MeasureStatus>,
}

/// `plan/themes/<slug>.yaml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "plan/themes/<name>.yaml",
    description = "The facts of one theme (chapter, strategy) of the plan: where it is in the plan, and its measures."
)]
pub struct ChapterFacts {
    /// Where in the plan this theme comes from, so an editor can check it against the plan.
    #[schemars(example = &"Kapittel 3 (s. 8)")]
    pub source: String,
    /// The plan's measures (tiltak) for this theme, in the plan's order.
    #[serde(default)]
    pub measures: Vec<Measure>,
}

/// Front matter of `plan/themes/<slug>.<lang>.md`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "plan/themes/<name>.<language>.md",
    description = "The front matter of a theme's text in one language: its title, goals and the text of each measure."
)]
pub struct ChapterText {
    /// The theme's name, as its heading.
    #[serde(deserialize_with = "title")]
    #[schemars(length(max = MAX_TITLE_CHARS), example = &"Godt mottatt og inkludert")]
    pub title: String,
    /// The goals of this theme, one per line starting with `- `.
    #[serde(default)]
    #[schemars(example = ["God helse for alle."])]
    pub goals: Vec<String>,
    /// The text of each measure of the theme's facts file, by its id.
    #[serde(default)]
    #[schemars(example = BTreeMap::from([("informasjon", "Informasjon om tjenestetilbudet.")]))]
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
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "pages/<name>.<language>.md",
    description = "The front matter of a free page (about the portal, accessibility statement) in one language."
)]
pub struct PageText {
    /// The page's name, as its heading and in the footer.
    #[serde(deserialize_with = "title")]
    #[schemars(length(max = MAX_TITLE_CHARS), example = &"Om portalen")]
    pub title: String,
    /// One plain sentence about the page; optional.
    // Not nullable: `summary:` with no text is refused like any other missing text.
    #[serde(default, deserialize_with = "optional_summary")]
    #[schemars(with = "String", length(max = MAX_SUMMARY_CHARS), example = &"Hvem som lager portalen, og hvorfor.")]
    pub summary: Option<String>,
}

#[derive(Debug)]
pub struct Page {
    pub slug: String,
    pub text: Localized<PageText>,
}

/// Front matter of `glossary/<slug>.<lang>.md`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "glossary/<name>.<language>.md",
    description = "The front matter of one glossary term in one language; the text below it explains the term."
)]
pub struct TermText {
    /// The term, as the glossary lists it.
    #[serde(deserialize_with = "title")]
    #[schemars(length(max = MAX_TITLE_CHARS), example = &"Flyktning")]
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
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rendering {
    /// The agreed words in this language; a text that speaks of the term must use one of them.
    #[serde(rename = "use")]
    #[schemars(example = ["child and family health clinic"])]
    pub words: Vec<String>,
    /// Renderings a translation must not use.
    #[serde(default)]
    #[schemars(example = ["health centre"])]
    pub avoid: Vec<String>,
}

/// `start/start.yaml`: the first steps after arrival, in the order the plan gives them.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "start/start.yaml",
    description = "The «start here» page: the first steps after arrival, in the order the plan gives them, each with the services that carry it out."
)]
pub struct StartFacts {
    /// Where the plan describes these steps, so an editor can check them against it.
    #[schemars(example = &"Kapittel 4, s. 22")]
    pub source: Option<String>,
    /// The steps, in the order the plan gives them.
    pub steps: Vec<StepFacts>,
}

/// One step: the services that carry it out, and whom it is for when the plan says so.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepFacts {
    /// A short name for the step, used once: lower-case letters a–z, digits and -.
    #[schemars(with = "String", example = &"kontaktperson")]
    pub id: Spanned<String>,
    /// The services that carry out the step, by the names of their files in services/.
    // Spanned so a wrong one can be reported with its line.
    #[serde(default)]
    #[schemars(with = "Vec<String>", example = ["norskopplaering"])]
    pub services: Vec<Spanned<String>>,
    /// Whom the step is for; leave it out when it is for everyone.
    #[serde(default)]
    #[schemars(example = [Audience::Refugees])]
    pub audience: Vec<Audience>,
}

/// Front matter of `start/start.<lang>.md`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "start/start.<language>.md",
    description = "The front matter of the «start here» page in one language: its title, summary and the words of each step."
)]
pub struct StartText {
    /// The page's heading.
    #[serde(deserialize_with = "title")]
    #[schemars(length(max = MAX_TITLE_CHARS), example = &"Start her")]
    pub title: String,
    /// One plain sentence about the page, shown on the home page.
    #[serde(deserialize_with = "summary")]
    #[schemars(length(max = MAX_SUMMARY_CHARS), example = &"De første stegene når du kommer.")]
    pub summary: String,
    /// The title and text of each step of start.yaml, by its id.
    #[serde(default)]
    pub steps: BTreeMap<String, StepText>,
}

/// A step in one language: a short title and one or two plain sentences.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepText {
    /// The step's short title.
    #[serde(deserialize_with = "title")]
    #[schemars(length(max = MAX_TITLE_CHARS), example = &"Du får en kontaktperson")]
    pub title: String,
    /// One or two plain sentences about the step.
    #[serde(deserialize_with = "summary")]
    #[schemars(length(max = MAX_SUMMARY_CHARS), example = &"Alle får en egen kontaktperson.")]
    pub text: String,
}

/// The «start here» page: what a newcomer does first, linked to the services that help.
#[derive(Debug)]
pub struct Start {
    pub facts_path: PathBuf,
    pub facts: StartFacts,
    pub text: Localized<StartText>,
}
