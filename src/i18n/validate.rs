//! The rules every `.ftl` file must follow, checked before any page is rendered.
//!
//! fluent-bundle finds cycles and runaway expansions only while formatting, and then drops the
//! message: every page using it would fail with a template error that never names the `.ftl`
//! file. Here the same rules hold for `locales/` and a portal's overrides, and each problem is
//! one error on the line of the file that causes it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::{
    CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};

use super::Resource;
use crate::diagnostic::{Diagnostic, Report, did_you_mean};
use crate::limits::MAX_TEXT_EXPANSION;

/// The messages and terms of the shared locale of one language, with the variables each uses:
/// what a portal's override of that language may change.
pub(super) type Shared = BTreeMap<String, BTreeSet<String>>;

/// Checks one file: no plural chosen on a bare variable, and in an override of the `shared`
/// locale no message it lacks and no variable torg does not give. Returns whether the file may
/// be used.
pub(super) fn check_file(
    path: &Path,
    res: &FluentResource,
    shared: Option<&Shared>,
    report: &mut Report,
) -> bool {
    let mut ok = true;
    for entry in res.entries() {
        let Some((id, refs)) = definition(entry) else {
            continue;
        };
        let line = || line_of(res.source(), &id);
        if refs.bare_plural {
            ok = false;
            report.push(
                Diagnostic::error("ftl-plural", path, format!("`{id}` chooses a plural form with `{{ $variable -> … }}`."))
                    .at(line(), None)
                    .hint("Write `{ PLURAL($count) -> … }`: torg's PLURAL uses correct plural rules for every language."),
            );
        }
        let Some(shared) = shared else {
            continue;
        };
        if let Some(given) = shared.get(&id) {
            if let Some(unknown) = refs.variables.iter().find(|v| !given.contains(*v)) {
                ok = false;
                report.push(unknown_variable(path, line(), &id, unknown, given));
            }
        } else {
            ok = false;
            let known: Vec<&str> = shared.keys().map(String::as_str).collect();
            report.push(
                Diagnostic::error(
                    "ftl-override",
                    path,
                    format!("`{id}` is not an interface text of torg, so overriding it changes nothing.{}", did_you_mean(&id, &known)),
                )
                .at(line(), None)
                .hint("An override can only change texts that locales/ defines; correct the name or remove the text."),
            );
        }
    }
    ok
}

/// An override uses a `$variable` the shared text does not: formatting would fail on every page.
fn unknown_variable(
    path: &Path,
    line: usize,
    id: &str,
    unknown: &str,
    given: &BTreeSet<String>,
) -> Diagnostic {
    let given = if given.is_empty() {
        format!("`{id}` gets no variables")
    } else {
        let names: Vec<String> = given.iter().map(|v| format!("`${v}`")).collect();
        format!("`{id}` gets only {}", names.join(", "))
    };
    Diagnostic::error(
        "ftl-override",
        path,
        format!("`{id}` uses `${unknown}`, which torg does not give this text: {given}."),
    )
    .at(line, None)
    .hint("Use only the variables of the text in locales/, or write the words out.")
}

/// Checks the messages of one language, `resources` in the order they override each other: every
/// reference leads to a message that exists, none leads back to itself, and none expands into
/// more than [`MAX_TEXT_EXPANSION`] other texts (a "billion laughs" of references). The walk
/// stops at that limit, so it is bounded whatever the files hold. Reports the first problem,
/// starting from the last file (a portal's override, which a problem between files most likely
/// came with), and returns whether there was none.
pub(super) fn check_references(resources: &[Resource], report: &mut Report) -> bool {
    let mut winners: BTreeMap<String, (usize, References)> = BTreeMap::new();
    for (i, (_, res)) in resources.iter().enumerate() {
        for (id, refs) in res.entries().filter_map(definition) {
            winners.insert(id, (i, refs));
        }
    }
    let mut walk = Walk {
        winners: &winners,
        sizes: BTreeMap::new(),
        stack: Vec::new(),
    };
    for (i, (path, res)) in resources.iter().enumerate().rev() {
        for (id, _) in res.entries().filter_map(definition) {
            if winners.get(&id).is_some_and(|(w, _)| *w != i) {
                continue; // overridden by a later file
            }
            if let Err(problem) = walk.size(&id) {
                report.push(problem.diagnostic(&id, path, line_of(res.source(), &id)));
                return false;
            }
        }
    }
    true
}

/// The messages and terms (with their `-`) the files define, with their variables.
pub(super) fn shared(resources: &[Resource]) -> Shared {
    resources
        .iter()
        .flat_map(|(_, res)| res.entries().filter_map(definition))
        .map(|(id, refs)| (id, refs.variables))
        .collect()
}

/// What one message or term refers to.
#[derive(Default)]
struct References {
    /// Ids of the messages (`name`) and terms (`-name`) it uses, once per use.
    ids: Vec<String>,
    /// The `$variables` it uses.
    variables: BTreeSet<String>,
    /// Whether it selects on a variable with plural categories as keys.
    bare_plural: bool,
}

/// The id (terms with their `-`) and references of a message or term; `None` for comments.
fn definition(entry: &Entry<&str>) -> Option<(String, References)> {
    let mut refs = References::default();
    let (id, value, attributes) = match entry {
        Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
        Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
        _ => return None,
    };
    value
        .into_iter()
        .chain(attributes.iter().map(|a| &a.value))
        .for_each(|p| refs.pattern(p));
    Some((id, refs))
}

impl References {
    fn pattern(&mut self, pattern: &Pattern<&str>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                self.expression(expression);
            }
        }
    }

    fn expression(&mut self, expression: &Expression<&str>) {
        match expression {
            Expression::Inline(inline) => self.inline(inline),
            Expression::Select { selector, variants } => {
                const CATEGORIES: [&str; 5] = ["zero", "one", "two", "few", "many"];
                let plural_keys = variants.iter().any(
                    |v| matches!(v.key, VariantKey::Identifier { name } if CATEGORIES.contains(&name)),
                );
                if plural_keys && matches!(selector, InlineExpression::VariableReference { .. }) {
                    self.bare_plural = true;
                }
                self.inline(selector);
                variants.iter().for_each(|v| self.pattern(&v.value));
            }
        }
    }

    fn inline(&mut self, inline: &InlineExpression<&str>) {
        match inline {
            InlineExpression::MessageReference { id, .. } => self.ids.push(id.name.to_string()),
            InlineExpression::TermReference { id, arguments, .. } => {
                self.ids.push(format!("-{}", id.name));
                self.arguments(arguments.as_ref());
            }
            InlineExpression::FunctionReference { arguments, .. } => {
                self.arguments(Some(arguments))
            }
            InlineExpression::VariableReference { id } => {
                self.variables.insert(id.name.to_string());
            }
            InlineExpression::Placeable { expression } => self.expression(expression),
            _ => {}
        }
    }

    fn arguments(&mut self, arguments: Option<&CallArguments<&str>>) {
        for a in arguments.into_iter() {
            a.positional.iter().for_each(|e| self.inline(e));
            a.named.iter().for_each(|n| self.inline(&n.value));
        }
    }
}

/// Why a message cannot be formatted.
enum Problem {
    /// It leads back to itself through these ids.
    Cycle(Vec<String>),
    Unknown(String),
    TooLarge,
}

impl Problem {
    fn diagnostic(&self, id: &str, path: &Path, line: usize) -> Diagnostic {
        let (code, message, hint) = match self {
            Problem::Cycle(ids) => (
                "ftl-reference",
                format!("`{id}` refers to itself: {}.", ids.join(" → ")),
                "Write the text out in one of these messages instead of referring to the other.",
            ),
            Problem::Unknown(other) => (
                "ftl-reference",
                format!("`{id}` refers to `{other}`, which no .ftl file of this language defines."),
                "Correct the name in `{ … }`, or write the text out.",
            ),
            Problem::TooLarge => (
                "ftl-reference",
                format!(
                    "`{id}` expands into more than {MAX_TEXT_EXPANSION} other texts, through messages that refer to messages."
                ),
                "Write the text out instead of repeating references to other messages.",
            ),
        };
        Diagnostic::error(code, path, message)
            .at(line, None)
            .hint(hint)
    }
}

/// A depth-first walk of the reference graph that remembers each id's size.
struct Walk<'a> {
    winners: &'a BTreeMap<String, (usize, References)>,
    /// How many texts each checked id expands into (at most the limit).
    sizes: BTreeMap<String, usize>,
    /// The ids being expanded, outermost first, to recognise a cycle.
    stack: Vec<String>,
}

impl Walk<'_> {
    /// How many texts `id` expands into. Each id is walked once, and the walk ends as soon as the
    /// limit is passed, so the stack never gets deeper than the limit.
    fn size(&mut self, id: &str) -> Result<usize, Problem> {
        if let Some(size) = self.sizes.get(id) {
            return Ok(*size);
        }
        if let Some(start) = self.stack.iter().position(|s| s == id) {
            let mut cycle = self.stack[start..].to_vec();
            cycle.push(id.to_string());
            return Err(Problem::Cycle(cycle));
        }
        let Some((_, refs)) = self.winners.get(id) else {
            return Err(Problem::Unknown(id.to_string()));
        };
        self.stack.push(id.to_string());
        let mut total = 0;
        for r in &refs.ids {
            total += 1 + self.size(r)?;
            if total > MAX_TEXT_EXPANSION {
                return Err(Problem::TooLarge);
            }
        }
        self.stack.pop();
        self.sizes.insert(id.to_string(), total);
        Ok(total)
    }
}

/// The line where `id` is defined (`id =` at the start of a line), for the error's position.
fn line_of(source: &str, id: &str) -> usize {
    source
        .lines()
        .position(|l| {
            l.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use super::*;

    fn resource(name: &str, text: &str) -> Resource {
        let res = FluentResource::try_new(text.to_string()).expect("valid Fluent");
        (PathBuf::from(name), Arc::new(res))
    }

    /// The one error `check_references` reports for these files, as `file:line message`.
    fn reference_problem(files: &[(&str, &str)]) -> Option<String> {
        let resources: Vec<Resource> = files.iter().map(|(n, t)| resource(n, t)).collect();
        let mut report = Report::default();
        let ok = check_references(&resources, &mut report);
        let items: Vec<String> = report
            .into_iter()
            .map(|d| format!("{} {}", d.position(), d.message))
            .collect();
        assert_eq!(ok, items.is_empty());
        assert!(items.len() <= 1, "{items:?}");
        items.into_iter().next()
    }

    #[test]
    fn a_cycle_through_an_override_is_named_in_the_override() {
        let shared = ("ui.ftl", "a = A\nb = { a }\n");
        assert_eq!(reference_problem(&[shared]), None);
        let cycle = reference_problem(&[shared, ("site.ftl", "x = 1\na = { b }\n")]);
        assert_eq!(
            cycle.as_deref(),
            Some("site.ftl:2 `a` refers to itself: a → b → a.")
        );
    }

    #[test]
    fn a_billion_laughs_is_stopped_at_the_limit() {
        let mut text = String::from("lol0 = lol\n");
        for i in 1..=30 {
            let refs = format!("{{ lol{} }}", i - 1).repeat(10);
            text.push_str(&format!("lol{i} = {refs}\n"));
        }
        let problem = reference_problem(&[("ui.ftl", &text)]).unwrap();
        assert!(
            problem.starts_with("ui.ftl:3 `lol2` expands into more than 100"),
            "{problem}"
        );
    }

    #[test]
    fn references_to_missing_texts_and_terms_are_found() {
        let problem = reference_problem(&[("ui.ftl", "-brand = torg\na = { -brand } { -nope }\n")]);
        assert_eq!(
            problem.as_deref(),
            Some("ui.ftl:2 `a` refers to `-nope`, which no .ftl file of this language defines.")
        );
    }

    #[test]
    fn bare_plurals_are_refused_anywhere_in_a_message() {
        let nested = "a = { PLURAL($n) ->\n  [one] { $k ->\n    [one] x\n   *[other] y\n  }\n *[other] z\n}\n";
        let attribute = "b = B\n  .title = { $n ->\n    [few] x\n   *[other] y\n  }\n";
        let fine = "c = { $kind ->\n  [free] gratis\n *[other] betalt\n}\n";
        for (text, refused) in [(nested, true), (attribute, true), (fine, false)] {
            let (path, res) = resource("ui.ftl", text);
            let mut report = Report::default();
            assert_eq!(
                check_file(&path, &res, None, &mut report),
                !refused,
                "{text}"
            );
        }
    }

    #[test]
    fn an_override_may_only_use_the_variables_torg_gives() {
        let shared: Shared =
            [("municipality-name".to_string(), ["name".to_string()].into())].into();
        let check = |text: &str| {
            let (path, res) = resource("site.ftl", text);
            let mut report = Report::default();
            check_file(&path, &res, Some(&shared), &mut report);
            report.into_iter().map(|d| d.message).collect::<Vec<_>>()
        };
        assert!(check("municipality-name = { $name } kommune\n").is_empty());
        assert_eq!(
            check("municipality-name = { $navn } kommune\n"),
            [
                "`municipality-name` uses `$navn`, which torg does not give this text: `municipality-name` gets only `$name`."
            ]
        );
    }

    #[test]
    fn an_override_may_only_change_existing_texts() {
        let shared: Shared = [("nav-home".to_string(), BTreeSet::new())].into();
        let (path, res) = resource("site.ftl", "# comment\nnav-hom = Hjem\n");
        let mut report = Report::default();
        assert!(!check_file(&path, &res, Some(&shared), &mut report));
        let d = report.into_iter().next().unwrap();
        assert_eq!((d.code.as_ref(), d.line), ("ftl-override", Some(2)));
        assert!(
            d.message.contains("Did you mean `nav-home`?"),
            "{}",
            d.message
        );
    }
}
