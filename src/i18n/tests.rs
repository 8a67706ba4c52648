use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

use super::*;

/// Messages whose Spanish is the English word, on purpose.
const COGNATES: &[&str] = &[
    // "error" is the Spanish word too.
    "cli-error",
    // A command line, the same in every language.
    "cli-new-year-order-hint",
    // A key, its old value, an arrow and the new one.
    "history-field-changed",
    // "error", and "commit" as a noun (the glossary keeps it), are Spanish words too.
    "tui-severity-error",
    "tui-history-commits",
];

/// One message of a file: its variables and the names of its attributes.
#[derive(Debug, PartialEq)]
struct Shape {
    variables: BTreeSet<String>,
    attributes: BTreeSet<String>,
    text: String,
}

/// Every message of `lang`'s files by id, failing on a file that does not parse or an id given
/// twice.
fn messages(lang: Lang) -> BTreeMap<String, Shape> {
    let mut all = BTreeMap::new();
    for (area, source) in AREAS.iter().zip(sources(lang)) {
        let file = format!("locales/{lang}/{area}.ftl");
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("{file} does not parse: {errors:?}"));
        for entry in resource.body {
            let ast::Entry::Message(message) = entry else {
                assert!(
                    !matches!(entry, ast::Entry::Junk { .. } | ast::Entry::Term(_)),
                    "{file}: {entry:?}"
                );
                continue;
            };
            let id = message.id.name;
            assert!(
                id.starts_with(&format!("{area}-")),
                "{file}: `{id}` does not start with `{area}-`"
            );
            let mut variables = BTreeSet::new();
            let value = message.value.as_ref();
            value
                .into_iter()
                .for_each(|p| pattern_variables(p, &mut variables));
            for attribute in &message.attributes {
                pattern_variables(&attribute.value, &mut variables);
            }
            let shape = Shape {
                variables,
                attributes: message
                    .attributes
                    .iter()
                    .map(|a| a.id.name.to_string())
                    .collect(),
                text: format!("{:?}", message.value),
            };
            assert!(
                all.insert(id.to_string(), shape).is_none(),
                "{file}: `{id}` twice"
            );
        }
    }
    all
}

fn pattern_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn both_languages_have_the_same_messages_with_the_same_variables() {
    let english = messages(Lang::En);
    let spanish = messages(Lang::Es);
    assert!(!english.is_empty());
    for (id, shape) in &english {
        let Some(other) = spanish.get(id) else {
            panic!("`{id}` is in English and not in Spanish");
        };
        assert_eq!(shape.variables, other.variables, "variables of `{id}`");
        assert_eq!(shape.attributes, other.attributes, "attributes of `{id}`");
        assert!(
            shape.text != other.text || COGNATES.contains(&id.as_str()),
            "`{id}` is the same in both languages: translate it, or list it as a cognate"
        );
    }
    // The English of the help is the doc comments; cli/help.rs checks the Spanish of it.
    for id in spanish.keys().filter(|id| !is_help(id)) {
        assert!(
            english.contains_key(id),
            "`{id}` is in Spanish and not in English"
        );
    }
    for id in COGNATES {
        assert!(english.contains_key(*id), "cognate `{id}` is no message");
    }
}

/// Whether `id` is one of the help's messages, which are Spanish only.
fn is_help(id: &str) -> bool {
    id.split('-').next() == Some("help")
}

/// Every literal in `text` that looks like a message id (`"tui-…"`).
fn ids_in(text: &str) -> Vec<&str> {
    let mut ids = Vec::new();
    for area in AREAS {
        let opening = format!("\"{area}-");
        for (at, _) in text.match_indices(&opening) {
            let rest = &text[at + 1..];
            let end = rest
                .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
                .unwrap_or(rest.len());
            if rest[end..].starts_with('"') {
                ids.push(&rest[..end]);
            }
        }
    }
    ids
}

fn rust_files(folder: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("the sources are readable") {
        let path = entry.expect("the sources are readable").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_message_id_in_the_sources_is_in_the_files() {
    let english = messages(Lang::En);
    let spanish = messages(Lang::Es);
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut seen = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).expect("the sources are readable");
        for id in ids_in(&text) {
            seen += 1;
            // The help's messages are Spanish only (see cli/help.rs).
            let messages = if is_help(id) { &spanish } else { &english };
            assert!(
                messages.contains_key(id),
                "{}: no message `{id}`",
                file.display()
            );
        }
    }
    assert!(seen > 0, "the scan finds the ids in use");
}

#[test]
fn messages_come_in_either_language_with_their_arguments() {
    let saved = |lang| tr!(lang; "cli-waiting-for-writer", holder = "pid 7");
    assert_eq!(
        saved(Lang::En),
        "waiting for another programa writing pid 7…"
    );
    assert_eq!(
        saved(Lang::Es),
        "esperando a otra instancia de programa que escribe pid 7…"
    );
    assert_eq!(tr!("cli-saved"), "saved", "unit tests speak English");
    let missing = concat!("cli", "-no-such-message");
    assert_eq!(tr_in(Lang::Es, missing, None), missing);
}

/// The language these locale variables choose.
fn lang_of(pairs: &[(&str, &str)]) -> Lang {
    lang_from(|name| {
        pairs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
    })
}

#[test]
fn the_locale_variables_choose_the_language_in_order() {
    assert_eq!(lang_of(&[]), Lang::En);
    for spanish in ["es", "es_ES.UTF-8", "es-MX", "es_VE.utf8@euro", "ES"] {
        assert_eq!(lang_of(&[("LANG", spanish)]), Lang::Es, "{spanish}");
    }
    for english in ["C", "POSIX", "C.UTF-8", "en_GB.UTF-8", "fr_FR", "???"] {
        assert_eq!(lang_of(&[("LANG", english)]), Lang::En, "{english}");
    }
    assert_eq!(
        lang_of(&[("PROGRAMA_LANG", "en"), ("LANG", "es_ES.UTF-8")]),
        Lang::En
    );
    assert_eq!(lang_of(&[("LC_ALL", "es"), ("LANG", "en_US")]), Lang::Es);
    assert_eq!(
        lang_of(&[("LC_MESSAGES", "es_CL"), ("LANG", "C")]),
        Lang::Es
    );
    assert_eq!(
        lang_of(&[("LC_ALL", ""), ("LANG", "es_AR.UTF-8")]),
        Lang::Es
    );
}
