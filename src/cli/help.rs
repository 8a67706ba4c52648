//! The command line's help in the interface's language. In English it is clap's, from the doc
//! comments; in Spanish every text of the tree is replaced by a message of
//! `locales/es/help.ftl`, named after its place in the tree, and clap's own words (headings, the
//! `-h`, `-V` and `help` it adds, defaults and possible values) by the `help-clap-…` messages.
//!
//! A command's message is `help-<names>` (`help-list`, `help-baseline-create`; programa's own is
//! `help-programa`), written whole as its doc comment is, paragraphs and all, its `after_help`
//! the attribute `.after`; an argument's is `help-<names>--<id>` (`help-list--status`; a global
//! one `help-programa--<id>` under every command); a value's `help-<names>--<id>--<value>`.
//! English has none of these messages, as its text is the doc comments; the tests below keep
//! the Spanish whole and without strays.

use std::fmt::Write as _;

use clap::builder::{PossibleValue, StyledStr};
use clap::{Arg, ArgAction, Command};

use crate::i18n::{FluentArgs, message_in, tr_in};
use crate::model::Lang;

/// `command` with its help in `lang`: untouched in English; in Spanish built (so that the
/// `-h`, `-V` and `help` clap adds are there) and translated.
pub fn localized(command: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => command,
        Lang::Es => Translation::new(lang).apply(command),
    }
}

/// One translation of a command tree: the language, and what was looked up and not found.
struct Translation {
    lang: Lang,
    /// Every id looked up.
    wanted: Vec<String>,
    /// The ids that had no message, with the English text each would replace.
    missing: Vec<(String, String)>,
    /// The ids whose message has another number of paragraphs than the English.
    uneven: Vec<String>,
    /// Whether the walk is in the copies of commands under a `help`, which have only the
    /// first paragraph of their text.
    in_help_copies: bool,
}

impl Translation {
    fn new(lang: Lang) -> Self {
        Translation {
            lang,
            wanted: Vec::new(),
            missing: Vec::new(),
            uneven: Vec::new(),
            in_help_copies: false,
        }
    }

    /// Builds `command` and translates its whole tree.
    fn apply(&mut self, mut command: Command) -> Command {
        command.build();
        self.command(command, &[])
    }

    /// A word of clap's own, `help-clap-…`.
    fn clap_word(&mut self, id: &str, args: Option<&FluentArgs>) -> String {
        self.wanted.push(id.to_string());
        tr_in(self.lang, id, args)
    }

    /// The translation of the text `english` at `id` (or its `attribute`), split as clap splits
    /// a doc comment: the first paragraph without its full stop, and the whole text when the
    /// English has a long form.
    fn text(
        &mut self,
        id: &str,
        attribute: Option<&str>,
        english: &str,
        long: bool,
    ) -> Option<(String, Option<String>)> {
        let full_id = match attribute {
            Some(attribute) => format!("{id}.{attribute}"),
            None => id.to_string(),
        };
        self.wanted.push(full_id.clone());
        let Some(text) = message_in(self.lang, id, attribute) else {
            self.missing.push((full_id, english.to_string()));
            return None;
        };
        let spanish = paragraphs(&text);
        if spanish.len() != paragraphs(english).len() && !self.in_help_copies {
            self.uneven.push(full_id);
        }
        let short = spanish.first().map_or("", String::as_str);
        let short = short
            .strip_suffix('.')
            .filter(|s| !s.ends_with('.'))
            .unwrap_or(short);
        Some((short.to_string(), long.then(|| spanish.join("\n\n"))))
    }

    /// Translates `command`, at `path` under programa, and everything under it.
    fn command(&mut self, mut command: Command, path: &[String]) -> Command {
        let id = command_id(path);
        if let Some(about) = command.get_about().map(ToString::to_string) {
            let long = command.get_long_about().map(ToString::to_string);
            let english = long.as_deref().unwrap_or(&about);
            if let Some((short, long)) = self.text(&id, None, english, long.is_some()) {
                command = command.about(short);
                if let Some(long) = long {
                    command = command.long_about(long);
                }
            }
        }
        if let Some(after) = command.get_after_help().map(ToString::to_string)
            && let Some((after, _)) = self.text(&id, Some("after"), &after, false)
        {
            command = command.after_help(after);
        }
        let template = self.template(&command);
        command = command.help_template(template);
        command = command.mut_args(|arg| self.arg(arg, &id));
        command.mut_subcommands(|sub| {
            if is_clap_help(&sub) {
                self.help_command(sub, path)
            } else {
                let mut path = path.to_vec();
                path.push(sub.get_name().to_string());
                self.command(sub, &path)
            }
        })
    }

    /// The `help` command clap adds to a command at `path`: its copies of the commands beside
    /// it are named as they are.
    fn help_command(&mut self, command: Command, path: &[String]) -> Command {
        let about = self.clap_word("help-clap-help-command", None);
        let template = self.template(&command);
        let outer = std::mem::replace(&mut self.in_help_copies, true);
        let command = command
            .about(about)
            .help_template(template)
            .mut_subcommands(|sub| {
                if is_clap_help(&sub) {
                    self.help_command(sub, path)
                } else {
                    let mut path = path.to_vec();
                    path.push(sub.get_name().to_string());
                    self.command(sub, &path)
                }
            });
        self.in_help_copies = outer;
        command
    }

    /// Translates `arg` of the command whose id is `owner`.
    fn arg(&mut self, arg: Arg, owner: &str) -> Arg {
        let name = arg.get_id().as_str().to_string();
        if name == "help" && matches!(arg.get_action(), ArgAction::Help) {
            return if arg.get_long_help().is_some() {
                arg.help(self.clap_word("help-clap-help-more", None))
                    .long_help(self.clap_word("help-clap-help-summary", None))
            } else {
                arg.help(self.clap_word("help-clap-help", None))
            };
        }
        if name == "version" && matches!(arg.get_action(), ArgAction::Version) {
            return arg.help(self.clap_word("help-clap-version", None));
        }
        let id = if arg.is_global_set() {
            format!("{}--{}", command_id(&[]), kebab(&name))
        } else {
            format!("{owner}--{}", kebab(&name))
        };
        let english_long = arg.get_long_help().map(ToString::to_string);
        let english = english_long
            .clone()
            .or_else(|| arg.get_help().map(ToString::to_string));
        let (mut short, mut long) = match &english {
            Some(english) => self
                .text(&id, None, english, english_long.is_some())
                .map_or((None, None), |(short, long)| (Some(short), long)),
            None => (None, None),
        };
        if short.is_none() && english.is_some() {
            return arg;
        }
        // clap's brackets after the text, in Spanish: hidden from clap and written here.
        let mut specs = Vec::new();
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|value| value.to_string_lossy().into_owned())
            .collect();
        let shows_default = arg.get_action().takes_values()
            && !arg.is_hide_default_value_set()
            && !defaults.is_empty();
        if shows_default {
            let mut args = FluentArgs::new();
            args.set("value", defaults.join(" "));
            specs.push(format!(
                "[{}]",
                self.clap_word("help-clap-default", Some(&args))
            ));
        }
        let values: Vec<PossibleValue> = arg
            .get_possible_values()
            .into_iter()
            .filter(|value| !value.is_hide_set())
            .collect();
        let shows_values = !values.is_empty() && !arg.is_hide_possible_values_set();
        let described = values.iter().any(|value| value.get_help().is_some());
        let mut value_list = String::new();
        let mut values_inline = String::new();
        if shows_values {
            let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
            let mut args = FluentArgs::new();
            args.set("values", names.join(", "));
            values_inline = format!(
                "[{}]",
                self.clap_word("help-clap-possible-values", Some(&args))
            );
            if described {
                let width = names
                    .iter()
                    .map(|name| name.chars().count())
                    .max()
                    .unwrap_or(0);
                value_list = self.clap_word("help-clap-possible-values-heading", None);
                for value in &values {
                    let name = value.get_name();
                    let _ = write!(value_list, "\n- {name}");
                    if let Some(english) = value.get_help().map(ToString::to_string) {
                        let id = format!("{id}--{}", kebab(name));
                        let help = self
                            .text(&id, None, &english, false)
                            .map_or(english, |t| t.0);
                        let padding = width - name.chars().count();
                        let _ = write!(value_list, ": {:padding$}{help}", "");
                    }
                }
            }
        }
        if specs.is_empty() && !shows_values {
            let arg = match short {
                Some(short) => arg.help(short),
                None => arg,
            };
            return match long {
                Some(long) => arg.long_help(long),
                None => arg,
            };
        }
        let text = short.take().unwrap_or_default();
        let mut inline = specs.clone();
        if shows_values {
            inline.push(values_inline.clone());
        }
        let short_text = [text.clone()]
            .into_iter()
            .chain(inline)
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let mut long_text = long.take().unwrap_or(text);
        if described {
            push_paragraph(&mut long_text, &value_list);
        } else if shows_values {
            specs.push(values_inline);
        }
        push_paragraph(&mut long_text, &specs.join("\n"));
        arg.hide_default_value(true)
            .hide_possible_values(true)
            .help(short_text)
            .long_help(long_text)
    }

    /// clap's layout of a help page, with its headings in Spanish and only the sections that
    /// have something to show.
    fn template(&mut self, command: &Command) -> StyledStr {
        let styles = command.get_styles();
        let (usage, header) = (styles.get_usage(), styles.get_header());
        let mut sections = Vec::new();
        let mut section = |this: &mut Self, shown: bool, heading: &str, tag: &str| {
            if shown {
                let heading = this.clap_word(heading, None);
                sections.push(format!("{header}{heading}:{header:#}\n{{{tag}}}"));
            }
        };
        let commands = command.get_subcommands().any(|sub| !sub.is_hide_set());
        let positionals = command.get_positionals().any(|arg| !arg.is_hide_set());
        let options = command
            .get_arguments()
            .any(|arg| !arg.is_positional() && !arg.is_hide_set());
        section(self, commands, "help-clap-commands", "subcommands");
        section(self, positionals, "help-clap-arguments", "positionals");
        section(self, options, "help-clap-options", "options");
        let heading = self.clap_word("help-clap-usage", None);
        let mut template =
            format!("{{before-help}}{{about-with-newline}}\n{usage}{heading}:{usage:#} {{usage}}");
        if !sections.is_empty() {
            template.push_str("\n\n");
            template.push_str(&sections.join("\n\n"));
        }
        template.push_str("{after-help}");
        StyledStr::from(template)
    }
}

/// Whether `command` is the `help` clap adds (programa has no command of that name).
fn is_clap_help(command: &Command) -> bool {
    command.get_name() == "help"
}

/// The id of the command at `path`.
fn command_id(path: &[String]) -> String {
    if path.is_empty() {
        "help-programa".to_string()
    } else {
        format!("help-{}", path.join("-"))
    }
}

/// A name as it is in an id: lowercase words joined by `-`.
fn kebab(name: &str) -> String {
    name.replace('_', "-").to_lowercase()
}

/// The paragraphs of `text` as clap reads a doc comment: split at blank lines, each one's lines
/// joined by a space.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|paragraph| {
            paragraph
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|paragraph| !paragraph.is_empty())
        .collect()
}

/// Appends `paragraph` to `text` after a blank line, or as the whole text when it is empty.
fn push_paragraph(text: &mut String, paragraph: &str) {
    if paragraph.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(paragraph);
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::CommandFactory;

    use super::*;

    /// The translation of programa's whole tree into Spanish.
    fn spanish() -> Translation {
        let mut translation = Translation::new(Lang::Es);
        translation.apply(super::super::Cli::command());
        translation
    }

    /// `text` as the value of a Fluent message, so that a missing one can be pasted in.
    fn as_fluent(id: &str, text: &str) -> String {
        let paragraphs = paragraphs(text);
        if paragraphs.len() == 1 {
            return format!("{id} = {}\n", paragraphs[0]);
        }
        let body: Vec<String> = paragraphs.iter().map(|p| format!("    {p}\n")).collect();
        format!("{id} =\n{}", body.join("\n"))
    }

    #[test]
    fn every_command_argument_and_value_has_its_spanish_help() {
        let translation = spanish();
        assert!(translation.wanted.len() > 100, "the walk reaches the tree");
        let mut seen = BTreeSet::new();
        let missing: String = translation
            .missing
            .iter()
            .filter(|(id, _)| seen.insert(id.clone()))
            .map(|(id, english)| as_fluent(id, english))
            .collect();
        assert!(
            missing.is_empty(),
            "locales/es/help.ftl lacks these, shown in English:\n{missing}"
        );
        assert!(
            translation.uneven.is_empty(),
            "these have another number of paragraphs than their English: {:?}",
            translation.uneven
        );
    }

    #[test]
    fn every_spanish_help_message_belongs_to_a_command_or_argument() {
        let wanted: BTreeSet<String> = spanish().wanted.into_iter().collect();
        let source = crate::i18n::sources(Lang::Es)[5];
        let resource = fluent_syntax::parser::parse(source).expect("help.ftl parses");
        for entry in resource.body {
            let fluent_syntax::ast::Entry::Message(message) = entry else {
                continue;
            };
            let id = message.id.name;
            // clap's words are named in the sources, which another test checks.
            if id
                .split_once('-')
                .is_some_and(|(_, rest)| rest.starts_with("clap-"))
            {
                continue;
            }
            assert!(
                wanted.contains(id),
                "`{id}` names no command, argument or value: rename or remove it"
            );
            for attribute in message.attributes {
                let id = format!("{id}.{}", attribute.id.name);
                assert!(wanted.contains(&id), "`{id}` is no text of programa's help");
            }
        }
    }

    #[test]
    fn spanish_help_has_spanish_headings_flags_and_values() {
        let mut command = localized(super::super::Cli::command(), Lang::Es);
        let help = command.render_long_help().to_string();
        for words in [
            "Uso: programa",
            "Órdenes:",
            "Opciones:",
            "Muestra la ayuda",
            "Muestra la versión",
        ] {
            assert!(help.contains(words), "{words} in:\n{help}");
        }
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Print help",
            "[default:",
            "Possible values",
        ] {
            assert!(!help.contains(english), "{english} in:\n{help}");
        }
        let list = command
            .find_subcommand_mut("list")
            .expect("list is a command")
            .render_help()
            .to_string();
        assert!(list.contains("Opciones:"), "{list}");
    }
}
