//! Reading one TOML file into a model type, turning every problem into a located finding.
//!
//! A syntax error stops the reading (the rest of the file cannot be trusted), so it is the only
//! finding. Otherwise every type error is reported: the file is deserialised, and on an error
//! the offending `key = value` line (or `[[array]]` element) is blanked out — replaced by
//! spaces, newlines kept, so every byte offset stays valid — and the file is read again, until
//! it deserialises. Required keys that are absent are found from the file's JSON Schema, all of
//! them at once; serde's own "missing field" error is only used to decide what to blank next.
//!
//! A file with git's conflict markers is read as one side's version of it (ours, else theirs;
//! see [`super::conflict`]): its findings are a `merge-conflict` per block of markers, at the
//! block, and what that side's version has wrong.

use std::collections::BTreeSet;
use std::ops::Range;
use std::path::Path;

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use toml::de::DeTable;

use super::conflict::{self, Block, FileConflict, Side};
use crate::diagnostic::Finding;
use crate::model::country::{Country, UNKNOWN_COUNTRY};
use crate::suggest::did_you_mean;
use crate::syntax::shape::{Field, Shape};
use crate::syntax::tree::{self, DisplayPath, Node, NodeKind, Step, Tree};

/// Vocabularies longer than this (the codes of countries) are not listed in a message.
const LISTED_AT_MOST: usize = 20;

/// How many times a file is re-read at most; each round blanks at least one line, so this
/// only bounds the work on a file made of thousands of bad lines.
const MAX_ROUNDS: usize = 500;

/// Parses `text` (the file at `path`) as a `T`.
///
/// Returns the value and every finding: a syntax error alone, or all the type errors (wrong
/// type, value not in the vocabulary, bad date, progress out of range) and all the required
/// keys that are missing, each with its byte span.
///
/// When there are type errors the value is still returned if it could be read without the
/// offending lines (optional keys then take their defaults, bad `[[array]]` elements are
/// left out): later checks that span files (duplicate codes, references, totals) can then see
/// the activity. Such a value is partial — callers that write, publish or count must refuse
/// when the findings hold an error. The value is `None` after a syntax error or when a
/// required top-level key is missing or unreadable.
pub fn parse_file<T: DeserializeOwned + JsonSchema>(
    path: &Path,
    text: &str,
) -> (Option<T>, Vec<Finding>) {
    let parsed = read::<T>(path, text, false);
    (parsed.value, parsed.findings)
}

/// A file as read by [`read`].
#[derive(Debug)]
pub(super) struct Parsed<T> {
    /// The value, as [`parse_file`] gives it.
    pub(super) value: Option<T>,
    /// Where every key and value is, when asked for; `None` after a syntax error.
    pub(super) tree: Option<Tree>,
    /// Every finding, as [`parse_file`] gives them.
    pub(super) findings: Vec<Finding>,
    /// The file's unresolved conflicts, if it has conflict markers.
    pub(super) conflict: Option<FileConflict>,
}

impl<T> Parsed<T> {
    /// A file that is not valid TOML: the syntax error is its only finding.
    fn unreadable(path: &Path, error: &toml::de::Error) -> Self {
        Parsed::refused(syntax_error(path, error))
    }

    /// A file that was not read, for the reason `finding` gives.
    pub(super) fn refused(finding: Finding) -> Self {
        Parsed {
            value: None,
            tree: None,
            findings: vec![finding],
            conflict: None,
        }
    }
}

/// Parses `text` once into a spanned document, takes the places of its keys from it when
/// `locate` is set, and deserialises the value from it: [`parse_file`] with the places of
/// the keys, for the checks that point at lines, without reading the file again.
pub(super) fn read<T: DeserializeOwned + JsonSchema>(
    path: &Path,
    text: &str,
    locate: bool,
) -> Parsed<T> {
    let blocks = conflict::find(text);
    if blocks.is_empty() {
        read_plain(path, text, locate)
    } else {
        read_conflicted(path, text, &blocks, locate)
    }
}

/// The unresolved conflicts of `text` (the file at `path`, read as a `T`), if it has any.
pub(super) fn conflict_of<T: DeserializeOwned + JsonSchema>(
    path: &Path,
    text: &str,
) -> Option<FileConflict> {
    let blocks = conflict::find(text);
    if blocks.is_empty() {
        return None;
    }
    read_conflicted::<T>(path, text, &blocks, false).conflict
}

/// Reads a file with conflict markers as ours' version, or theirs' when ours' cannot be read.
fn read_conflicted<T: DeserializeOwned + JsonSchema>(
    path: &Path,
    text: &str,
    blocks: &[Block],
    locate: bool,
) -> Parsed<T> {
    let ours_text = conflict::side(text, blocks, Side::Ours);
    let theirs_text = conflict::side(text, blocks, Side::Theirs);
    let ours = read_plain::<T>(path, &ours_text, true);
    let theirs = read_plain::<T>(path, &theirs_text, true);
    let (shown, chosen) = match (&ours.value, &theirs.value) {
        (Some(_), _) => (Some(Side::Ours), &ours),
        (None, Some(_)) => (Some(Side::Theirs), &theirs),
        (None, None) => (None, &ours),
    };
    let described = FileConflict::describe(
        path,
        text,
        blocks,
        (&ours_text, ours.tree.as_ref()),
        (&theirs_text, theirs.tree.as_ref()),
        shown,
    );
    let mut findings = described.findings();
    // A side that is not TOML has nothing to say beyond the conflict itself.
    findings.extend(
        chosen
            .findings
            .iter()
            .filter(|finding| finding.code != "toml-syntax")
            .cloned(),
    );
    let (value, tree) = match shown {
        Some(Side::Ours) => (ours.value, ours.tree),
        Some(Side::Theirs) => (theirs.value, theirs.tree),
        None => (None, ours.tree),
    };
    Parsed {
        value,
        tree: tree.filter(|_| locate),
        findings,
        conflict: Some(described),
    }
}

/// [`read`] of a file without conflict markers.
fn read_plain<T: DeserializeOwned + JsonSchema>(
    path: &Path,
    text: &str,
    locate: bool,
) -> Parsed<T> {
    let document = match DeTable::parse(text) {
        Ok(document) => document,
        Err(error) => return Parsed::unreadable(path, &error),
    };
    let tree = locate.then(|| Tree::of_document(text, document.get_ref()));
    // Well-formed files, the usual case, are read once; only a failure is read again, with
    // lines blanked out, to find every problem.
    if let Ok(value) = T::deserialize(toml::de::Deserializer::from(document)) {
        return Parsed {
            value: Some(value),
            tree,
            findings: Vec::new(),
            conflict: None,
        };
    }
    let tree = match tree {
        Some(tree) => tree,
        None => match Tree::parse(text) {
            Ok(tree) => tree,
            Err(error) => return Parsed::unreadable(path, &error),
        },
    };
    let (value, findings) = read_errors::<T>(path, text, &tree);
    Parsed {
        value,
        tree: locate.then_some(tree),
        findings,
        conflict: None,
    }
}

/// The progress beyond 100%, whether the reader (above 255) or the checks found it.
pub(crate) fn progress_out_of_range(value: &str) -> Finding {
    let message = if value.starts_with('-') {
        crate::tr!("store-progress-below", value = value)
    } else {
        crate::tr!("store-progress-above", value = value)
    };
    Finding::error("progress-out-of-range", message).hint(crate::tr!("store-progress-hint"))
}

/// The finding for a file that is not valid TOML.
fn syntax_error(path: &Path, error: &toml::de::Error) -> Finding {
    let message = error.message().trim();
    Finding::error("toml-syntax", syntax_message(message))
        .at(path, error.span())
        .hint(syntax_hint(message))
}

/// Every type error and missing key of `text`, which parses (as `tree`) but does not
/// deserialise, and the value as far as it can be read without the offending lines.
fn read_errors<T: DeserializeOwned + JsonSchema>(
    path: &Path,
    text: &str,
    tree: &Tree,
) -> (Option<T>, Vec<Finding>) {
    let shape = Shape::of_schema(&schemars::schema_for!(T));
    let mut findings = missing_keys(path, tree, &shape);
    let mut blanked: BTreeSet<tree::Path> = BTreeSet::new();
    let mut work = text.to_string();

    for _ in 0..MAX_ROUNDS {
        let error = match toml::from_str::<T>(&work) {
            Ok(value) => return (Some(value), dedup(findings)),
            Err(error) => error,
        };
        let message = error.message().trim().to_string();
        let span = error.span();
        let Some(blank) = next_blank(path, text, tree, &shape, &message, span.as_ref(), &blanked)
        else {
            // Nothing more can be taken out: report what serde said, if not already known.
            if !message.starts_with("missing field") {
                findings.push(Finding::error("wrong-type", message).at(path, span));
            }
            return (None, dedup(findings));
        };
        findings.extend(blank.finding);
        if blank.path.is_empty() {
            return (None, dedup(findings));
        }
        let before = work.clone();
        for node in tree.subtree(&blank.path) {
            for range in [&node.extent, &node.key, &node.value].into_iter().flatten() {
                blank_out(&mut work, range);
            }
        }
        blanked.insert(blank.path);
        if work == before {
            return (None, dedup(findings));
        }
    }
    findings.push(
        Finding::error(
            "too-many-errors",
            crate::tr!("store-too-many-errors", count = MAX_ROUNDS),
        )
        .at(path, None)
        .hint(crate::tr!("store-too-many-errors-hint")),
    );
    (None, dedup(findings))
}

/// What to take out of the file next, and the finding that explains why.
struct Blank {
    path: tree::Path,
    finding: Option<Finding>,
}

fn next_blank(
    file: &Path,
    text: &str,
    tree: &Tree,
    shape: &Shape,
    message: &str,
    span: Option<&Range<usize>>,
    blanked: &BTreeSet<tree::Path>,
) -> Option<Blank> {
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or_default();
        // The span is the table's header or inline table, or nothing/0..0 for the top level.
        let table = span
            .and_then(|span| tree.table_at(span))
            .map(|node| node.path.clone())
            .unwrap_or_default();
        let mut missing = table.clone();
        missing.push(Step::Key(key.to_string()));
        // Missing keys were all reported from the schema, and keys blanked here were
        // reported as what was wrong with them: either way there is nothing new to say.
        let finding = if blanked.contains(&missing) || shape.at(&missing).is_some() {
            None
        } else {
            Some(
                Finding::error("missing-key", crate::tr!("store-missing-key", key = key))
                    .at(file, span.cloned()),
            )
        };
        // The whole table goes: its header, or the key-value line that holds it inline.
        let path = match span.and_then(|span| tree.blankable_at(span)) {
            Some(node) if !table.is_empty() => node.path.clone(),
            _ => Vec::new(),
        };
        return Some(Blank { path, finding });
    }
    let span = span?;
    let node = tree.blankable_at(span)?;
    let mut culprit = tree.deepest_at(span).unwrap_or(node);
    // The reader points at a whole list for one of its items: point at the item.
    let mut span = span;
    if message.starts_with(UNKNOWN_COUNTRY)
        && let Some(item) = unknown_country_item(text, tree, culprit)
        && let Some(item_span) = item.value.as_ref()
    {
        culprit = item;
        span = item_span;
    }
    let text_path = DisplayPath(&culprit.path).to_string();
    let key = culprit
        .path
        .iter()
        .rev()
        .find_map(|step| match step {
            Step::Key(key) => Some(key.as_str()),
            Step::Index(_) => None,
        })
        .unwrap_or("value");
    let allowed = match shape.at(&culprit.path) {
        Some(Shape::Scalar { allowed, .. }) if allowed.len() <= LISTED_AT_MOST => allowed.clone(),
        _ => Vec::new(),
    };
    let element = matches!(culprit.path.last(), Some(Step::Index(_)));
    let finding =
        describe(message, key, &text_path, &allowed, element).at(file, Some(span.clone()));
    Some(Blank {
        path: node.path.clone(),
        finding: Some(finding),
    })
}

/// The first item of the list at `list` that is a string naming no country.
fn unknown_country_item<'a>(text: &str, tree: &'a Tree, list: &'a Node) -> Option<&'a Node> {
    tree.subtree(&list.path).find(|node| {
        node.is_string
            && node.path.len() == list.path.len() + 1
            && matches!(node.path.last(), Some(Step::Index(_)))
            && node
                .value
                .as_ref()
                .and_then(|span| text.get(span.clone()))
                .and_then(|raw| raw.parse::<toml_edit::Value>().ok())
                .is_some_and(|value| value.as_str().is_some_and(|s| Country::resolve(s).is_err()))
    })
}

/// Turns serde's message about the value at `path` (whose last key is `key`; `element` when
/// it is an item of a list) into a finding.
fn describe(message: &str, key: &str, path: &str, allowed: &[String], element: bool) -> Finding {
    if let Some(rest) = message.strip_prefix(UNKNOWN_COUNTRY) {
        return unknown_country(rest.strip_suffix('`').unwrap_or(rest), key, path, element);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let word = rest.split('`').next().unwrap_or_default();
        let expected: Vec<String> = match rest.split_once("expected") {
            Some((_, list)) => list
                .split('`')
                .skip(1)
                .step_by(2)
                .map(String::from)
                .collect(),
            None => allowed.to_vec(),
        };
        let choices = expected.join(", ");
        let hint = match did_you_mean(word, expected.iter().map(String::as_str)) {
            Some(best) => crate::tr!(
                "store-unknown-value-hint-meant",
                best = best,
                key = key,
                choices = choices
            ),
            None => crate::tr!("store-unknown-value-hint", key = key, choices = choices),
        };
        return Finding::error(
            "unknown-value",
            crate::tr!("store-unknown-value", word = word, key = key),
        )
        .hint(hint);
    }
    if let Some(rest) = message.strip_prefix("invalid date `") {
        let date = rest.split('`').next().unwrap_or_default();
        return Finding::error(
            "invalid-date",
            crate::tr!("store-invalid-date", path = path, date = date),
        )
        .hint(crate::tr!("store-invalid-date-hint", key = key));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let number = found.split('`').nth(1).unwrap_or(found);
        if key == "progress" {
            return progress_out_of_range(number);
        }
        return out_of_range(path, number, expected);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        // A whole number beyond 64 bits is read as a 128-bit one, which serde reports as a type
        // of its own (`integer `…` as i128`): for a number field it is only out of range.
        if let Some(number) = wide_integer(found).filter(|_| is_whole_number(expected)) {
            if key == "progress" {
                return progress_out_of_range(number);
            }
            return out_of_range(path, number, expected);
        }
        let expected = if key == "progress" {
            Expected::Percent
        } else if !allowed.is_empty() {
            Expected::OneOf(allowed.join(", "))
        } else {
            Expected::of_serde(expected)
        };
        let finding = Finding::error(
            "wrong-type",
            crate::tr!(
                "store-wrong-type",
                path = path,
                expected = expected.words(),
                found = plain_found(found)
            ),
        );
        let hint = if element {
            type_hint(&expected, "item", allowed)
                .map(|hint| hint.replace("item = ", &format!("{key} = [")) + ", …]")
        } else {
            type_hint(&expected, key, allowed)
        };
        return match hint {
            Some(hint) => finding.hint(hint),
            None => finding,
        };
    }
    Finding::error("wrong-type", format!("`{path}`: {message}"))
}

/// The finding for a number at `path` beyond what its type holds (serde's `expected`).
fn out_of_range(path: &str, number: &str, expected: &str) -> Finding {
    Finding::error(
        "out-of-range",
        crate::tr!(
            "store-out-of-range",
            path = path,
            number = number,
            expected = Expected::of_serde(expected).words()
        ),
    )
}

/// The finding for a text at `path` that names no country.
fn unknown_country(text: &str, key: &str, path: &str, element: bool) -> Finding {
    let line = |code: &str| {
        if element {
            format!("{key} = [\"{code}\", …]")
        } else {
            format!("{key} = \"{code}\"")
        }
    };
    if text.is_empty() {
        return Finding::error("empty-value", crate::tr!("check-empty-value", name = path))
            .hint(crate::tr!("store-empty-country-hint", line = line("PE")));
    }
    let hint = match Country::resolve(text)
        .err()
        .and_then(|unknown| unknown.suggestion)
    {
        Some(country) => crate::tr!(
            "store-unknown-country-hint-meant",
            country = country.name(crate::i18n::lang()),
            line = line(country.code())
        ),
        None => crate::tr!(
            "store-unknown-country-hint",
            line = line("PE"),
            country =
                Country::from_code("PE").map_or("Peru", |peru| peru.name(crate::i18n::lang()))
        ),
    };
    Finding::error(
        "unknown-country",
        crate::tr!("store-unknown-country", text = text),
    )
    .hint(hint)
}

/// The digits of a number serde read as 128 bits: `integer `N` as i128`.
fn wide_integer(found: &str) -> Option<&str> {
    let rest = found.trim().strip_prefix("integer `")?;
    let (number, after) = rest.split_once('`')?;
    matches!(after, " as i128" | " as u128").then_some(number)
}

/// Whether serde's name of a type is a whole number's.
fn is_whole_number(expected: &str) -> bool {
    let integer = [
        "u8", "u16", "u32", "u64", "i8", "i16", "i32", "i64", "usize",
    ];
    integer.contains(&expected.trim())
}

/// What a value should have been, from serde's name of a type or the key's vocabulary.
enum Expected {
    /// Progress: a whole number from 0 to 100.
    Percent,
    /// One of the words listed.
    OneOf(String),
    WholeNumber,
    Text,
    List,
    Table,
    Boolean,
    Date,
    /// serde's own words, for a type named nowhere else.
    Other(String),
}

impl Expected {
    /// The type serde names `expected`.
    fn of_serde(expected: &str) -> Self {
        let expected = expected.trim();
        if is_whole_number(expected) {
            Expected::WholeNumber
        } else if expected == "a string" {
            Expected::Text
        } else if expected == "a sequence" {
            Expected::List
        } else if expected.starts_with("struct ") || expected == "a map" {
            Expected::Table
        } else if expected == "a boolean" {
            Expected::Boolean
        } else if expected.starts_with("a date") {
            Expected::Date
        } else {
            Expected::Other(expected.to_string())
        }
    }

    /// The type in words, in the interface language.
    fn words(&self) -> String {
        match self {
            Expected::Percent => crate::tr!("store-expected-percent"),
            Expected::OneOf(words) => crate::tr!("store-expected-one-of", words = words.as_str()),
            Expected::WholeNumber => crate::tr!("store-expected-number"),
            Expected::Text => crate::tr!("store-expected-text"),
            Expected::List => crate::tr!("store-expected-list"),
            Expected::Table => crate::tr!("store-expected-table"),
            Expected::Boolean => crate::tr!("store-expected-boolean"),
            Expected::Date => crate::tr!("store-expected-date"),
            Expected::Other(words) => words.clone(),
        }
    }
}

/// serde's description of a value found, in words.
fn plain_found(found: &str) -> String {
    let found = found.trim();
    if let Some(rest) = found.strip_prefix("string ") {
        crate::tr!("store-found-text", text = rest)
    } else if let Some(number) = wide_integer(found) {
        crate::tr!("store-found-number", number = number)
    } else if let Some(rest) = found.strip_prefix("integer ") {
        crate::tr!("store-found-number", number = rest.trim_matches('`'))
    } else if let Some(rest) = found.strip_prefix("floating point ") {
        crate::tr!("store-found-number", number = rest.trim_matches('`'))
    } else if found == "sequence" {
        crate::tr!("store-found-list")
    } else if found == "map" {
        crate::tr!("store-found-table")
    } else if found == "boolean `true`" || found == "boolean `false`" {
        crate::tr!(
            "store-found-boolean",
            value = found.trim_start_matches("boolean ").trim_matches('`')
        )
    } else {
        found.to_string()
    }
}

/// How to write a value of the type `expected` at `key`.
fn type_hint(expected: &Expected, key: &str, allowed: &[String]) -> Option<String> {
    if let Some(first) = allowed.first() {
        return Some(crate::tr!(
            "store-hint-word",
            key = key,
            first = first.as_str()
        ));
    }
    let hint = match expected {
        Expected::WholeNumber | Expected::Percent => crate::tr!("store-hint-number", key = key),
        Expected::Text => crate::tr!("store-hint-text", key = key),
        Expected::List => crate::tr!("store-hint-list", key = key),
        Expected::Date => crate::tr!("store-hint-date", key = key),
        _ => return None,
    };
    Some(hint)
}

/// Every required key missing from a table that is there, from the schema.
fn missing_keys(path: &Path, tree: &Tree, shape: &Shape) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut tables: Vec<(tree::Path, Option<Range<usize>>)> = vec![(Vec::new(), Some(0..0))];
    for node in &tree.nodes {
        if node.is_table {
            let span = match node.kind {
                NodeKind::Header => node.key.clone(),
                _ => node.value_span(),
            };
            tables.push((node.path.clone(), span));
        }
    }
    for (table, span) in tables {
        let Some(Shape::Table(fields)) = shape.at(&table) else {
            continue;
        };
        let missing: Vec<&str> = fields
            .iter()
            .filter(|Field { name, required, .. }| {
                let mut key = table.clone();
                key.push(Step::Key(name.clone()));
                *required && tree.get(&key).is_none()
            })
            .map(|field| field.name.as_str())
            .collect();
        let Some((last, others)) = missing.split_last() else {
            continue;
        };
        let place = DisplayPath(&table).to_string();
        let (message, hint) = match (others.is_empty(), table.is_empty()) {
            (true, true) => (
                crate::tr!("store-missing-key", key = *last),
                crate::tr!("store-missing-key-hint", key = *last),
            ),
            (true, false) => (
                crate::tr!("store-missing-key-in", key = *last, table = place.as_str()),
                crate::tr!(
                    "store-missing-key-in-hint",
                    key = *last,
                    table = place.as_str()
                ),
            ),
            (false, top) => {
                let others: Vec<String> = others.iter().map(|name| format!("`{name}`")).collect();
                let others = others.join(", ");
                if top {
                    (
                        crate::tr!("store-missing-keys", others = others, last = *last),
                        crate::tr!("store-missing-keys-hint"),
                    )
                } else {
                    (
                        crate::tr!(
                            "store-missing-keys-in",
                            others = others,
                            last = *last,
                            table = place.as_str()
                        ),
                        crate::tr!("store-missing-keys-in-hint", table = place.as_str()),
                    )
                }
            }
        };
        findings.push(
            Finding::error("missing-key", message)
                .at(path, span.clone())
                .hint(hint),
        );
    }
    findings
}

/// The message of a syntax error, without toml's doubled wording.
/// The parser's own words (English) stay in parentheses.
fn syntax_message(message: &str) -> String {
    crate::tr!("store-toml-syntax", message = message)
}

fn syntax_hint(message: &str) -> String {
    if message.contains("string") {
        crate::tr!("store-toml-syntax-hint-string")
    } else if message.contains("expected `=`") {
        crate::tr!("store-toml-syntax-hint-equals")
    } else if message.contains("duplicate key") {
        crate::tr!("store-toml-syntax-hint-duplicate")
    } else {
        crate::tr!("store-toml-syntax-hint")
    }
}

/// Replaces `range` of `text` with spaces, keeping newlines.
fn blank_out(text: &mut String, range: &Range<usize>) {
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let replacement: String = slice
        .chars()
        .flat_map(|c| {
            let keep = matches!(c, '\n' | '\r');
            let width = if keep { 1 } else { c.len_utf8() };
            std::iter::repeat_n(if keep { c } else { ' ' }, width)
        })
        .collect();
    text.replace_range(range.clone(), &replacement);
}

fn dedup(findings: Vec<Finding>) -> Vec<Finding> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for finding in findings {
        let key = (finding.code, finding.span.clone(), finding.message.clone());
        if !seen.contains(&key) {
            seen.push(key);
            out.push(finding);
        }
    }
    out.sort_by_key(|finding| finding.span.as_ref().map_or(usize::MAX, |span| span.start));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Activity, WorkProgramme};

    fn parse(text: &str) -> (Option<Activity>, Vec<Finding>) {
        parse_file::<Activity>(Path::new("a.toml"), text)
    }

    const VALID: &str = "code = \"I.1.1\"\nproject = \"I.1\"\ntitle = \"T\"\nkind = \"event\"\n";

    #[test]
    fn a_valid_file_has_no_findings() {
        let (value, findings) = parse(VALID);
        assert!(findings.is_empty(), "{findings:?}");
        assert_eq!(value.expect("read").code, "I.1.1");
    }

    #[test]
    fn every_type_error_is_reported_and_the_rest_is_read() {
        let text = format!(
            "{VALID}status = \"done\"\nprogress = \"fifty\"\nplanned_start = \"2021-02-30\"\n\
             [[participants]]\norganisation = \"CAF\"\ncountry = \"Peru\"\nrole = \"speker\"\n"
        );
        let (value, findings) = parse(&text);
        let codes: Vec<_> = findings.iter().map(|f| f.code).collect();
        assert_eq!(
            codes,
            [
                "unknown-value",
                "wrong-type",
                "invalid-date",
                "unknown-value"
            ]
        );
        assert_eq!(
            findings[3].hint.as_deref(),
            Some(
                "did you mean `speaker`? `role` is one of: participant, speaker, moderator, organiser, observer"
            )
        );
        let value = value.expect("partial value");
        assert_eq!(value.code, "I.1.1");
        assert!(value.participants.is_empty());
    }

    #[test]
    fn all_missing_required_keys_are_reported() {
        let (value, findings) = parse("code = \"I.1.1\"\n\n[[footnotes]]\nid = \"1\"\n");
        assert!(value.is_none());
        let messages: Vec<_> = findings.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "missing required keys `project`, `title` and `kind`",
                "missing required key `text` in `footnotes[0]`",
            ]
        );
    }

    #[test]
    fn a_blanked_required_key_is_not_also_missing() {
        let text = format!("{VALID}[[notes]]\ndate = \"yesterday\"\ntext = \"x\"\n");
        let (value, findings) = parse(&text);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].code, "invalid-date");
        assert!(value.expect("partial").notes.is_empty());
    }

    #[test]
    fn progress_beyond_a_byte_is_out_of_range() {
        let (_, findings) = parse(&format!("{VALID}progress = 300\n"));
        assert_eq!(findings[0].code, "progress-out-of-range");
        assert_eq!(
            findings[0].message,
            "progress is 300%, but it cannot be more than 100%"
        );
    }

    #[test]
    fn progress_beyond_64_bits_is_out_of_range_too() {
        let (_, findings) = parse(&format!("{VALID}progress = 99999999999999999999\n"));
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].code, "progress-out-of-range");
        assert_eq!(
            findings[0].message,
            "progress is 99999999999999999999%, but it cannot be more than 100%"
        );
        let (_, findings) = parse(&format!("{VALID}venue = 99999999999999999999\n"));
        assert_eq!(
            findings[0].message,
            "`venue` should be text in quotes, not the number 99999999999999999999"
        );
    }

    #[test]
    fn a_syntax_error_is_the_only_finding() {
        let (value, findings) = parse("code = \"I.1.1\ntitle = 5\n");
        assert!(value.is_none());
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].code, "toml-syntax");
    }

    #[test]
    fn the_programme_file_reads_too() {
        let text = "year = 2021\ntitle = \"T\"\norganisation = \"O\"\n[[areas]]\ncode = 1\ntitle = \"A\"\n";
        let (value, findings) = parse_file::<WorkProgramme>(Path::new("p.toml"), text);
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(
            findings[0].message,
            "`areas[0].code` should be text in quotes, not the number 1"
        );
        assert!(value.expect("partial").areas.is_empty());
    }
}
