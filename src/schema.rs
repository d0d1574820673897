//! JSON Schemas of the content files, so an editor (VS Code with Red Hat's YAML extension, or any
//! editor speaking the YAML language server) completes fields and flags mistakes as a comms
//! officer types, long before a build would.
//!
//! The schemas are generated (with schemars) from the very types the loader deserializes each
//! file into, so they cannot describe other fields than torg reads. `torg schema` writes them to
//! `docs/schema/`; tests/schema.rs fails when the committed files differ from what the types give.
//! A schema can only say what one file may hold: whether a measure or a service named in it
//! exists, or whether a date is in the calendar, only `torg check` knows.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use crate::content::model::{
    ChapterFacts, ChapterText, ClockTime, Date, PageText, Period, PlanFacts, PlanText, Rendering,
    ServiceFacts, ServiceText, SiteConfig, StartFacts, StartText, TermText, Timing, When,
};
use crate::content::source::STAMP;
use crate::diagnostic::Diagnostic;

/// The kinds of content file, each with its own schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Site,
    Terms,
    Plan,
    PlanText,
    Theme,
    ThemeText,
    Service,
    ServiceText,
    PageText,
    TermText,
    Start,
    StartText,
}

impl FileKind {
    /// Every kind, in the order docs/content.md describes them.
    pub const ALL: [FileKind; 12] = [
        FileKind::Site,
        FileKind::Terms,
        FileKind::Plan,
        FileKind::PlanText,
        FileKind::Theme,
        FileKind::ThemeText,
        FileKind::Service,
        FileKind::ServiceText,
        FileKind::PageText,
        FileKind::TermText,
        FileKind::Start,
        FileKind::StartText,
    ];

    /// The schema's file name in `docs/schema/`.
    pub fn schema_file(self) -> &'static str {
        match self {
            FileKind::Site => "site.schema.json",
            FileKind::Terms => "terms.schema.json",
            FileKind::Plan => "plan.schema.json",
            FileKind::PlanText => "plan-text.schema.json",
            FileKind::Theme => "theme.schema.json",
            FileKind::ThemeText => "theme-text.schema.json",
            FileKind::Service => "service.schema.json",
            FileKind::ServiceText => "service-text.schema.json",
            FileKind::PageText => "page-text.schema.json",
            FileKind::TermText => "term-text.schema.json",
            FileKind::Start => "start.schema.json",
            FileKind::StartText => "start-text.schema.json",
        }
    }

    /// Markdown files: the schema is for their front matter.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            FileKind::PlanText
                | FileKind::ThemeText
                | FileKind::ServiceText
                | FileKind::PageText
                | FileKind::TermText
                | FileKind::StartText
        )
    }

    /// The schema, from the type the loader reads this kind of file into.
    pub fn schema(self) -> Schema {
        let mut schema = match self {
            FileKind::Site => root::<SiteConfig>(),
            FileKind::Terms => terms_schema(),
            FileKind::Plan => root::<PlanFacts>(),
            FileKind::PlanText => root::<PlanText>(),
            FileKind::Theme => root::<ChapterFacts>(),
            FileKind::ThemeText => root::<ChapterText>(),
            FileKind::Service => root::<ServiceFacts>(),
            FileKind::ServiceText => root::<ServiceText>(),
            FileKind::PageText => root::<PageText>(),
            FileKind::TermText => root::<TermText>(),
            FileKind::Start => root::<StartFacts>(),
            FileKind::StartText => root::<StartText>(),
        };
        if self.is_text() {
            allow_stamp(&mut schema);
        }
        schema
    }
}

/// Draft 7: the newest the YAML language server (and so VS Code's YAML extension) fully supports;
/// it warns that later drafts are supported only in part.
fn root<T: JsonSchema>() -> Schema {
    SchemaSettings::draft07()
        .with_transform(RecursiveTransform(no_empty_defaults))
        .into_generator()
        .into_root_schema_for::<T>()
}

/// Defaults an editor's completion would insert but no editor writes: a field group left out
/// (`contact`) with every field `null`, or `null` for a text that may be left out.
fn no_empty_defaults(schema: &mut Schema) {
    if schema
        .get("default")
        .is_some_and(|d| d.is_object() || d.is_null())
    {
        schema.remove("default");
    }
}

/// `terms.yaml` is read as term → language → [`Rendering`]; the loader keeps each rendering's
/// line beside it, which changes nothing in what the file holds.
fn terms_schema() -> Schema {
    let mut schema = root::<BTreeMap<String, BTreeMap<String, Rendering>>>();
    schema.insert("title".into(), json!("terms.yaml"));
    schema.insert(
        "description".into(),
        json!(
            "The portal's key terms: for each term (a glossary entry's name where the portal \
             explains it), how each language renders it. The source language is required."
        ),
    );
    schema.insert(
        "examples".into(),
        json!([{"helsestasjon": {"nb": {"use": ["helsestasjon"]},
            "en": {"use": ["child and family health clinic"], "avoid": ["health centre"]}}}]),
    );
    schema
}

/// A translation's front matter may hold the stamp `torg translations --mark` writes; the loader
/// takes it out before the front matter is read into its type.
fn allow_stamp(schema: &mut Schema) {
    let stamp = json!({
        "type": "string",
        "description": "Written by `torg translations --mark`: which version of the source-language \
                        text this translation matches. Leave it as it is.",
        "examples": ["3f2a9c01b7de"],
    });
    if let Some(Value::Object(properties)) = schema.get_mut("properties") {
        properties.insert(STAMP.trim_end_matches(':').into(), stamp);
    }
}

/// The `$comment` of every schema torg writes: how `torg schema` knows a file it may replace.
const WRITTEN_BY_TORG: &str =
    "Written by `torg schema` from the types torg reads content with; do not edit.";

/// Every schema as the text written to its file: pretty JSON ending in a new line.
pub fn schema_texts() -> Vec<(&'static str, String)> {
    FileKind::ALL
        .iter()
        .map(|kind| {
            let mut schema = kind.schema();
            schema.insert("$comment".into(), WRITTEN_BY_TORG.into());
            let text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            (kind.schema_file(), text + "\n")
        })
        .collect()
}

/// Writes every schema into `dir`, creating it; returns the files written. Refuses, before
/// writing any, when one of the files exists and is not a schema torg wrote.
pub fn write_schemas(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let failed = |path: &Path, e: std::io::Error| {
        Diagnostic::error("io", path, format!("The file could not be written: {e}."))
            .hint("Check that the folder exists or can be made, and that you may write to it.")
    };
    let texts = schema_texts();
    if let Some(path) = texts
        .iter()
        .map(|(name, _)| dir.join(name))
        .find(|p| is_foreign(p))
    {
        return Err(Diagnostic::error("exists", &path, "This file was not written by `torg schema`, so it is left as it is and no schema was written.")
            .hint("Move the file away, or write the schemas into another folder with --out."));
    }
    fs::create_dir_all(dir).map_err(|e| failed(dir, e))?;
    texts
        .into_iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            fs::write(&path, text).map_err(|e| failed(&path, e))?;
            Ok(path)
        })
        .collect()
}

/// An existing file without the mark of a schema torg wrote.
fn is_foreign(path: &Path) -> bool {
    path.exists() && !fs::read_to_string(path).is_ok_and(|text| text.contains(WRITTEN_BY_TORG))
}

/// The first line that names a file's schema for the YAML language server; `schema` is the
/// schema's address as seen from the file.
pub fn schema_line(schema: &str) -> String {
    format!("# yaml-language-server: $schema={schema}")
}

/// A value type's schema: a text of a given form, or (for `Timing`, `When`, `Period`) also a
/// whole year.
fn text_value(description: &str, pattern: &str, examples: Value) -> Schema {
    json_schema!({
        "type": "string",
        "description": description,
        "pattern": pattern,
        "examples": examples,
    })
}

/// `true` or `false`, or as the loader also reads them (YAML 1.1, in any case): `yes`, `no`,
/// `y`, `n`, `on`, `off`. An editor's YAML 1.2 reads those as texts, so they are listed.
pub(crate) fn yes_or_no(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "anyOf": [
            {"type": "boolean"},
            {"type": "string", "pattern": "^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy]([Ee][Ss])?|[Nn][Oo]?|[Oo][Nn]|[Oo][Ff][Ff])$"},
            {"type": "null"},
        ],
    })
}

/// `licence:`: one of the identifiers torg knows, listed so an editor offers them.
pub(crate) fn licence(_: &mut SchemaGenerator) -> Schema {
    let ids: Vec<Value> = crate::content::licence::LICENCES
        .iter()
        .map(|(id, _)| json!(id))
        .chain([Value::Null])
        .collect();
    json_schema!({ "enum": ids })
}

/// A whole year, as plans write it.
fn year() -> Value {
    json!({"type": "integer", "minimum": 0, "maximum": u16::MAX, "description": "A year."})
}

/// `2018-2025`, with a hyphen or a dash, spaces allowed around it.
const PERIOD_PATTERN: &str = "^ *[0-9]{1,5} *[-–] *[0-9]{1,5} *$";

impl JsonSchema for ClockTime {
    fn schema_name() -> Cow<'static, str> {
        "ClockTime".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        text_value(
            "A time of day as HH:MM, in quotes, from 00:00 to 24:00.",
            "^(([01]?[0-9]|2[0-3]):[0-5][0-9]|24:00)$",
            json!(["08:30"]),
        )
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        text_value(
            "A date as YYYY-MM-DD.",
            "^[0-9]{1,5}-[0-9]{1,2}-[0-9]{1,2}$",
            json!(["2026-01-31"]),
        )
    }
}

impl JsonSchema for Period {
    fn schema_name() -> Cow<'static, str> {
        "Period".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let years = json!({"type": "string", "pattern": PERIOD_PATTERN});
        json_schema!({
            "description": "The first and last year, such as 2018-2025, or a single year.",
            "anyOf": [year(), years],
            "examples": ["2018-2025"],
        })
    }
}

impl JsonSchema for When {
    fn schema_name() -> Cow<'static, str> {
        "When".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A year (2018) or a date (YYYY-MM-DD).",
            "anyOf": [year(), Date::json_schema(generator)],
            "examples": ["2018-06-21", 2018],
        })
    }
}

impl JsonSchema for Timing {
    fn schema_name() -> Cow<'static, str> {
        "Timing".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let text = json!({
            "type": "string",
            "pattern": format!("^(ongoing|[0-9]{{1,5}}-ongoing|{})$",
                PERIOD_PATTERN.trim_start_matches('^').trim_end_matches('$')),
        });
        json_schema!({
            "description": "A year (2019), a period (2018-2020), `ongoing`, or a start year and \
                            ongoing (2017-ongoing).",
            "anyOf": [year(), text],
            "examples": [2019, "2018-2020", "ongoing", "2017-ongoing"],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every property of `schema` and of its definitions, with its path, for checks that each
    /// one is explained to an editor.
    fn properties(schema: &Value, at: &str, out: &mut Vec<(String, Value)>) {
        if let Some(Value::Object(props)) = schema.get("properties") {
            for (name, prop) in props {
                out.push((format!("{at}.{name}"), prop.clone()));
            }
        }
        if let Some(Value::Object(defs)) = schema.get("definitions") {
            for (name, def) in defs {
                properties(def, &format!("{at}#{name}"), out);
            }
        }
    }

    #[test]
    fn every_field_has_a_description_and_an_example() {
        let mut missing = Vec::new();
        for kind in FileKind::ALL {
            let schema = serde_json::to_value(kind.schema()).unwrap();
            assert!(schema.get("description").is_some(), "{kind:?}");
            let mut props = Vec::new();
            properties(&schema, kind.schema_file(), &mut props);
            for (path, prop) in props {
                let described = prop.get("description").is_some();
                // A field of a described type (`contact`, `hours`) is explained by that type.
                let example = prop.get("examples").is_some()
                    || prop.pointer("/allOf/0/$ref").is_some()
                    || prop.pointer("/items/$ref").is_some()
                    || prop.pointer("/additionalProperties/$ref").is_some();
                if !described || !example {
                    missing.push(path);
                }
            }
        }
        assert!(
            missing.is_empty(),
            "without description or example: {missing:?}"
        );
    }

    #[test]
    fn enumerations_list_their_values() {
        let schema = serde_json::to_value(FileKind::Service.schema()).unwrap();
        assert_eq!(
            schema.pointer("/definitions/Category/enum").unwrap(),
            &json!(["settlement", "health", "schooling", "leisure", "work"])
        );
        let day = schema.pointer("/definitions/Day/enum").unwrap();
        assert_eq!(day.as_array().unwrap().len(), 7);
    }

    #[test]
    fn front_matter_may_hold_the_translation_stamp_and_facts_may_not() {
        let text = serde_json::to_value(FileKind::PageText.schema()).unwrap();
        assert!(text.pointer("/properties/translated_from").is_some());
        let facts = serde_json::to_value(FileKind::Service.schema()).unwrap();
        assert!(facts.pointer("/properties/translated_from").is_none());
        assert_eq!(facts["additionalProperties"], json!(false));
    }
}
