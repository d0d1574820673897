//! Interface strings: Fluent files per language, plural forms, and dates.
//!
//! A language is a folder `locales/<code>/` with `.ftl` files; its name, direction, month names and
//! date pattern are messages too, so adding a language needs no code. Bundles are the `concurrent`
//! kind (Sync) so pages render in parallel, and Unicode isolation marks are off: they would break
//! URLs and comparisons, and the templates mark direction with `dir` and `<bdi>` instead.
//!
//! Plural forms select on `PLURAL($count)`, not `$count`: the plural rules built into fluent-bundle
//! (intl_pluralrules 7.0.2) drop the modulo from CLDR rules written on `n`, so Lithuanian 22 and
//! Arabic 103 get the wrong form. `PLURAL` takes its category from ICU4X, Unicode's own data.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast::Entry;
use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};
use icu_list::ListFormatter;
use icu_list::options::ListFormatterOptions;
use icu_plurals::{PluralCategory, PluralRules};
use unic_langid::LanguageIdentifier;
use walkdir::WalkDir;

use crate::content::model::Date;
use crate::content::source::read_text;
use crate::diagnostic::{Diagnostic, Report};
use crate::layout;

mod validate;

type Resource = (PathBuf, Arc<FluentResource>);

/// The parsed `.ftl` files of every language the project has.
#[derive(Default)]
pub struct Locales {
    by_lang: BTreeMap<String, Vec<Resource>>,
    /// Languages with a file that was refused (its problems are reported): building them would
    /// only add errors that follow from the first, such as every message of the file missing.
    broken: BTreeSet<String>,
}

impl Locales {
    /// Reads `dir/<lang>/*.ftl`.
    pub fn load(dir: &Path, report: &mut Report) -> Locales {
        let mut locales = Locales::default();
        if !dir.is_dir() {
            report.push(
                Diagnostic::error("missing-locales", dir, "The folder of interface texts was not found.")
                    .hint("Run torg from the project folder, or pass --locales with the path to locales/."),
            );
            return locales;
        }
        for (lang, files) in ftl_files(dir) {
            let resources: Vec<Resource> = files
                .iter()
                .filter_map(|p| parse_ftl(p, None, report))
                .collect();
            if resources.len() < files.len() {
                locales.broken.insert(lang.clone());
            }
            locales.by_lang.insert(lang, resources);
        }
        if locales.by_lang.is_empty() {
            report.push(
                Diagnostic::error("missing-locales", dir, "The folder of interface texts holds no language.")
                    .hint("Each language needs a folder with its .ftl files, such as locales/nb/ui.ftl; pass --locales with the path to torg's locales/."),
            );
        }
        locales
    }

    pub fn codes(&self) -> BTreeSet<String> {
        self.by_lang.keys().cloned().collect()
    }

    /// Bundles for a portal's languages, with the portal's own overrides on top.
    pub fn for_site(
        &self,
        site_dir: &Path,
        languages: &[String],
        report: &mut Report,
    ) -> BTreeMap<String, Language> {
        let overrides: BTreeMap<String, Vec<PathBuf>> =
            ftl_files(&site_dir.join(layout::LOCALES_DIR));
        let mut out = BTreeMap::new();
        for code in languages.iter().filter(|c| !self.broken.contains(*c)) {
            let mut resources = self.by_lang.get(code).cloned().unwrap_or_default();
            let shared = validate::shared(&resources);
            for path in overrides.get(code).into_iter().flatten() {
                resources.extend(parse_ftl(path, Some(&shared), report));
            }
            if !validate::check_references(&resources, report) {
                continue;
            }
            if let Some(lang) = Language::new(code, &resources, report) {
                out.insert(code.clone(), lang);
            }
        }
        for (code, files) in &overrides {
            if !languages.contains(code) {
                report.push(
                    Diagnostic::error(
                        "unknown-language",
                        &files[0],
                        format!("`{code}` is not a language of this portal."),
                    )
                    .hint("Remove this folder, or add the language to `languages` in site.yaml."),
                );
            }
        }
        check_complete(&out, &self.by_lang, report);
        out
    }
}

/// `.ftl` files under `dir/<lang>/`, sorted so later files override earlier ones predictably.
fn ftl_files(dir: &Path) -> BTreeMap<String, Vec<PathBuf>> {
    let mut out: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for entry in WalkDir::new(dir)
        .min_depth(2)
        .max_depth(2)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "ftl")
            && let Some(lang) = path.parent().and_then(Path::file_name)
        {
            out.entry(lang.to_string_lossy().to_string())
                .or_default()
                .push(path.to_path_buf());
        }
    }
    out
}

/// Reads and checks one `.ftl` file; `shared` holds the texts of the shared locale when the file
/// is a portal's override. `None` when the file cannot be used (every problem is reported).
fn parse_ftl(
    path: &Path,
    shared: Option<&validate::Shared>,
    report: &mut Report,
) -> Option<Resource> {
    let text = read_text(path).map_err(|d| report.push(d)).ok()?;
    if let Some(line) = nested_too_deep(&text) {
        report.push(
            Diagnostic::error(
                "ftl-syntax",
                path,
                format!("Braces `{{ … }}` are put inside each other here more than {MAX_FTL_NESTING} levels deep."),
            )
            .at(line, None)
            .hint("Close each `{` with `}`; an interface text needs a few levels at most."),
        );
        return None;
    }
    match FluentResource::try_new(text) {
        Ok(res) => validate::check_file(path, &res, shared, report)
            .then(|| (path.to_path_buf(), Arc::new(res))),
        Err((res, errors)) => {
            for e in errors {
                // Where the broken message starts: the parser may only notice at the end of file.
                let start = e.slice.as_ref().unwrap_or(&e.pos).start;
                let line = res.source()[..start.min(res.source().len())]
                    .matches('\n')
                    .count()
                    + 1;
                report.push(
                    Diagnostic::error("ftl-syntax", path, ftl_syntax_words(&e.kind))
                        .at(line, None)
                        .hint(
                            "Write each message as `id = text`, close every `{` with `}`, and indent continuation lines.",
                        ),
                );
            }
            None
        }
    }
}

/// A Fluent syntax error in an author's words; fluent-syntax's own speak of tokens.
fn ftl_syntax_words(kind: &fluent_syntax::parser::ErrorKind) -> String {
    use fluent_syntax::parser::ErrorKind as K;
    match kind {
        K::ExpectedToken('}') => "A `{` in this message is not closed with `}`.".to_string(),
        K::ExpectedToken(c) => format!("A `{c}` is missing in this message."),
        K::ExpectedMessageField { entry_id } | K::ExpectedTermField { entry_id } => {
            format!("`{entry_id}` has no text after `=`.")
        }
        K::MissingDefaultVariant => {
            "A choice `{ … -> … }` needs one default, marked with `*`: `*[other] …`.".to_string()
        }
        K::MultipleDefaultVariants => {
            "A choice has more than one default (`*`); keep one.".to_string()
        }
        K::UnbalancedClosingBrace => "A `}` in this message has no `{` before it.".to_string(),
        K::UnterminatedStringLiteral => "A quoted text `\"…` is not closed.".to_string(),
        _ => "This message is not valid Fluent.".to_string(),
    }
}

/// How deep `{` may nest in a `.ftl` file. fluent-syntax parses placeables recursively, and a
/// few thousand levels (a thousand in a debug build) overflow the stack: an abort that names no
/// file, from a corrupted or hostile portal override.
const MAX_FTL_NESTING: usize = 100;

/// The first line where `{` nests deeper than [`MAX_FTL_NESTING`]. String literals (`{"}"}`) are
/// skipped inside placeables so they cannot hide nesting; a `"` in the text of a variant may hide
/// some, which at worst halves the count.
fn nested_too_deep(text: &str) -> Option<usize> {
    let (mut depth, mut in_string, mut line, mut escaped) = (0usize, false, 1, false);
    for c in text.chars() {
        match c {
            '\n' => (line, in_string) = (line + 1, false),
            _ if in_string => in_string = escaped || c != '"',
            '"' if depth > 0 => in_string = true,
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        escaped = in_string && c == '\\' && !escaped;
        if depth > MAX_FTL_NESTING {
            return Some(line);
        }
    }
    None
}

/// Every language must define every message some other language defines, so no page ever shows
/// a raw message id.
fn check_complete(
    langs: &BTreeMap<String, Language>,
    files: &BTreeMap<String, Vec<Resource>>,
    report: &mut Report,
) {
    let all: BTreeSet<&String> = langs.values().flat_map(|l| l.ids.iter()).collect();
    for (code, lang) in langs {
        let missing: Vec<&str> = all
            .iter()
            .filter(|id| !lang.ids.contains(**id))
            .map(|s| s.as_str())
            .collect();
        if !missing.is_empty() {
            let file = files
                .get(code)
                .and_then(|r| r.first())
                .map(|r| r.0.clone())
                .unwrap_or_else(|| PathBuf::from(format!("locales/{code}")));
            report.push(
                Diagnostic::error("missing-message", &file, format!("The language `{code}` lacks these interface texts: {}.", missing.join(", ")))
                    .hint("Add them to an .ftl file of this language, translated from another language's file."),
            );
        }
    }
}

/// Unicode's plural rules, collation and list patterns for a language code, from ICU4X's
/// compiled data.
fn unicode_rules(
    code: &str,
) -> Result<(PluralRules, CollatorBorrowed<'static>, ListFormatter), String> {
    let locale: icu_locale_core::Locale = code.parse().map_err(|e| format!("{e:?}"))?;
    let rules = PluralRules::try_new_cardinal((&locale).into()).map_err(|e| e.to_string())?;
    let collator = Collator::try_new((&locale).into(), CollatorOptions::default())
        .map_err(|e| e.to_string())?;
    let lists = ListFormatter::try_new_and((&locale).into(), ListFormatterOptions::default())
        .map_err(|e| e.to_string())?;
    Ok((rules, collator, lists))
}

/// Registers `PLURAL(n)`, which returns the CLDR plural category of `n` in this language.
fn add_plural_function(
    bundle: &mut FluentBundle<Arc<FluentResource>>,
    rules: PluralRules,
) -> Result<(), String> {
    bundle
        .add_function("PLURAL", move |positional, _named| {
            match positional.first() {
                Some(FluentValue::Number(n)) if n.value >= 0.0 && n.value.fract() == 0.0 => {
                    FluentValue::from(category_name(rules.category_for(n.value as u64)))
                }
                _ => FluentValue::from("other"),
            }
        })
        .map_err(|e| e.to_string())
}

fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// One language of a portal, ready to format interface strings.
pub struct Language {
    pub code: String,
    /// The language's name in itself, e.g. "Polski".
    pub name: String,
    pub dir: &'static str,
    bundle: FluentBundle<Arc<FluentResource>>,
    /// Sorts lists the way a reader of this language expects (Lithuanian Į after I, not after Z).
    collator: CollatorBorrowed<'static>,
    /// Joins «A, B og C» / «A، وB» the way the language does.
    lists: ListFormatter,
    ids: BTreeSet<String>,
    /// Every message that needs no arguments, keyed with `_` for `-`, for templates. Converted to a
    /// template value once: it goes into every page, and converting it per page cost more than
    /// rendering the template.
    pub ui: tera::Value,
}

impl Language {
    fn new(code: &str, resources: &[Resource], report: &mut Report) -> Option<Language> {
        let place = resources
            .first()
            .map(|r| r.0.clone())
            .unwrap_or_else(|| PathBuf::from(format!("locales/{code}")));
        let id: LanguageIdentifier = code
            .parse()
            .map_err(|_| {
                report.push(
                    Diagnostic::error(
                        "unknown-language",
                        &place,
                        format!("`{code}` is not a valid language code."),
                    )
                    .hint("Name the folder with a language code such as `nb`, `pl` or `so`."),
                );
            })
            .ok()?;
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        let rules = unicode_rules(code).and_then(|(plurals, collator, lists)| {
            add_plural_function(&mut bundle, plurals)?;
            Ok((collator, lists))
        });
        let (collator, lists) = match rules {
            Ok(rules) => rules,
            Err(e) => {
                report.push(
                    Diagnostic::error(
                        "unknown-language",
                        &place,
                        format!("torg has no plural or sorting rules for `{code}`: {e}."),
                    )
                    .hint(
                        "Name the folder with a standard language code such as `nb`, `pl` or `so`.",
                    ),
                );
                return None;
            }
        };
        let mut ids = BTreeSet::new();
        for (_, res) in resources {
            for entry in res.entries() {
                if let Entry::Message(m) = entry {
                    ids.insert(m.id.name.to_string());
                }
            }
            bundle.add_resource_overriding(Arc::clone(res));
        }
        let mut lang = Language {
            code: code.to_string(),
            name: String::new(),
            dir: "ltr",
            bundle,
            collator,
            lists,
            ids,
            ui: tera::Value::none(),
        };
        let ui: BTreeMap<String, String> = lang
            .ids
            .iter()
            .filter_map(|id| lang.try_format(id, None).map(|t| (id.replace('-', "_"), t)))
            .collect();
        lang.ui = ui.into();
        lang.name = lang.text("language-name");
        lang.dir = match lang.text("language-direction").as_str() {
            "rtl" => "rtl",
            "ltr" => "ltr",
            other => {
                report.push(
                    Diagnostic::error(
                        "ftl-value",
                        &place,
                        format!("`language-direction` is `{other}`."),
                    )
                    .hint("Write `language-direction = ltr` or `language-direction = rtl`."),
                );
                return None;
            }
        };
        Some(lang)
    }

    fn try_format(&self, id: &str, args: Option<&FluentArgs>) -> Option<String> {
        let pattern = self.bundle.get_message(id)?.value()?;
        let mut errors = Vec::new();
        let text = self.bundle.format_pattern(pattern, args, &mut errors);
        errors.is_empty().then(|| text.into_owned())
    }

    /// Items as a sentence would list them: «flyktninger, innvandrere og familier».
    pub fn and_list(&self, items: &[String]) -> String {
        self.lists
            .format_to_string(items.iter().map(String::as_str))
    }

    /// A message without arguments; the id itself when missing, which the completeness check
    /// prevents for the theme's own messages.
    pub fn text(&self, id: &str) -> String {
        self.try_format(id, None).unwrap_or_else(|| id.to_string())
    }

    pub fn format(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            fargs.set(*k, v.clone());
        }
        self.try_format(id, Some(&fargs))
            .unwrap_or_else(|| id.to_string())
    }

    /// A message with a `$count`, using the language's plural rules.
    pub fn count(&self, id: &str, n: usize) -> String {
        self.format(id, &[("count", FluentValue::from(n))])
    }

    /// A date in the language's own pattern; Fluent has no DATETIME, so the month names and the
    /// pattern come from the .ftl files.
    pub fn date(&self, d: Date) -> String {
        let month = self.text(&format!("month-{}", d.month));
        self.format(
            "date-full",
            &[
                ("day", FluentValue::from(d.day.to_string())),
                ("month", FluentValue::from(month)),
                ("year", FluentValue::from(d.year.to_string())),
            ],
        )
    }

    pub fn has(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// Orders two texts as a dictionary in this language does.
    pub fn compare(&self, a: &str, b: &str) -> std::cmp::Ordering {
        self.collator.compare(a, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_before_the_parser_sees_it() {
        let deep = format!(
            "ok = {{ $n }}\ndeep =\n    {}",
            "{ ".repeat(MAX_FTL_NESTING + 1)
        );
        assert_eq!(nested_too_deep(&deep), Some(3));
        let literals = format!("braces = {}\n", r#"{ "{" } { "\"{" }"#.repeat(200));
        assert_eq!(nested_too_deep(&literals), None);
        let hidden = format!("x = {}", r#"{ F("}}}", "#.repeat(MAX_FTL_NESTING + 1));
        assert_eq!(nested_too_deep(&hidden), Some(1));
        for lang in ["nb", "en", "pl", "lt", "ar", "uk"] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("locales/{lang}/ui.ftl"));
            let text = std::fs::read_to_string(path).unwrap();
            assert_eq!(nested_too_deep(&text), None, "{lang}");
        }
    }

    fn project_lang(code: &str) -> Language {
        let mut report = Report::default();
        let locales = Locales::load(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(layout::LOCALES_DIR)
                .as_path(),
            &mut report,
        );
        let mut langs =
            locales.for_site(Path::new("/nonexistent"), &[code.to_string()], &mut report);
        assert!(!report.is_fatal(false), "{report:?}");
        langs.remove(code).unwrap()
    }

    fn counts(code: &str) -> Vec<String> {
        let l = project_lang(code);
        [1, 2, 5, 22]
            .iter()
            .map(|n| l.count("services-count", *n))
            .collect()
    }

    #[test]
    fn plural_forms_follow_each_language() {
        assert_eq!(
            counts("nb"),
            ["1 tjeneste", "2 tjenester", "5 tjenester", "22 tjenester"]
        );
        assert_eq!(
            counts("en"),
            ["1 service", "2 services", "5 services", "22 services"]
        );
        assert_eq!(
            counts("pl"),
            ["1 usługa", "2 usługi", "5 usług", "22 usługi"]
        );
        assert_eq!(
            counts("lt"),
            ["1 paslauga", "2 paslaugos", "5 paslaugos", "22 paslaugos"]
        );
        let lt = project_lang("lt");
        let more: Vec<String> = [10, 11, 21, 29, 111]
            .iter()
            .map(|n| lt.count("services-count", *n))
            .collect();
        assert_eq!(
            more,
            [
                "10 paslaugų",
                "11 paslaugų",
                "21 paslauga",
                "29 paslaugos",
                "111 paslaugų"
            ]
        );
        // Ukrainian: one (1, 21, 101), few (2–4, 22–24), many (0, 5–20, 11–14, 25…).
        let uk = project_lang("uk");
        let uk_counts: Vec<String> = [1, 2, 5, 11, 12, 21, 22, 25, 101]
            .iter()
            .map(|n| uk.count("services-count", *n))
            .collect();
        assert_eq!(
            uk_counts,
            [
                "1 послуга",
                "2 послуги",
                "5 послуг",
                "11 послуг",
                "12 послуг",
                "21 послуга",
                "22 послуги",
                "25 послуг",
                "101 послуга"
            ]
        );
        let ar103 = project_lang("ar").count("services-count", 103);
        assert_eq!(ar103, "103 خدمات");
        let ar = counts("ar");
        assert_eq!(ar[0], "خدمة واحدة");
        assert_eq!(ar[1], "خدمتان");
        assert_eq!(ar[2], "5 خدمات");
        assert_eq!(ar[3], "22 خدمة");
    }

    #[test]
    fn lists_sort_by_each_languages_alphabet() {
        fn sorted<'a>(code: &str, words: &[&'a str]) -> Vec<&'a str> {
            let lang = project_lang(code);
            let mut w = words.to_vec();
            w.sort_by(|a, b| lang.compare(a, b));
            w
        }
        // Lithuanian: Į right after I, Š right after S, both before T and V.
        assert_eq!(
            sorted(
                "lt",
                &[
                    "Visuomenė",
                    "Šeima",
                    "Įvadas",
                    "Imigrantas",
                    "Sveikata",
                    "Tėvai"
                ]
            ),
            [
                "Imigrantas",
                "Įvadas",
                "Sveikata",
                "Šeima",
                "Tėvai",
                "Visuomenė"
            ]
        );
        // Norwegian: Æ Ø Å come last, after Z.
        assert_eq!(
            sorted("nb", &["Åpent", "Zebra", "Ørret", "Ærlig", "Arbeid"]),
            ["Arbeid", "Zebra", "Ærlig", "Ørret", "Åpent"]
        );
        // Polish: Ł after L, Ś after S.
        assert_eq!(
            sorted("pl", &["Środa", "Łąka", "Zima", "Lato", "Sad"]),
            ["Lato", "Łąka", "Sad", "Środa", "Zima"]
        );
    }

    #[test]
    fn prices_use_the_plural_form_of_the_amount() {
        let price = |code: &str, n: u32| {
            project_lang(code).format("cost-price", &[("amount", FluentValue::from(n))])
        };
        assert_eq!(
            [
                price("pl", 1),
                price("pl", 2),
                price("pl", 5),
                price("pl", 22),
                price("pl", 200)
            ],
            ["1 korona", "2 korony", "5 koron", "22 korony", "200 koron"]
        );
        assert_eq!(
            [price("lt", 21), price("lt", 3), price("lt", 10)],
            ["21 krona", "3 kronos", "10 kronų"]
        );
        assert_eq!(
            [price("ar", 2), price("ar", 5), price("ar", 200)],
            ["كرونتان", "5 كرونات", "200 كرونة"]
        );
        assert_eq!(
            [price("nb", 1), price("nb", 200)],
            ["1 krone", "200 kroner"]
        );
    }

    #[test]
    fn dates_use_each_languages_pattern() {
        let d = Date {
            year: 2026,
            month: 11,
            day: 22,
        };
        assert_eq!(project_lang("nb").date(d), "22. november 2026");
        assert_eq!(project_lang("en").date(d), "22 November 2026");
        assert_eq!(project_lang("pl").date(d), "22 listopada 2026");
        assert_eq!(project_lang("lt").date(d), "2026 m. lapkričio 22 d.");
        assert_eq!(project_lang("ar").date(d), "22 نوفمبر 2026");
    }

    #[test]
    fn no_isolation_marks_and_names_in_themselves() {
        let ar = project_lang("ar");
        assert_eq!(ar.dir, "rtl");
        assert_eq!(ar.name, "العربية");
        let s = ar.format(
            "home-intro",
            &[("municipality", FluentValue::from("Narvik"))],
        );
        assert!(
            s.contains("Narvik") && !s.contains('\u{2068}') && !s.contains('\u{2069}'),
            "{s}"
        );
        assert_eq!(project_lang("pl").name, "Polski");
    }
}
