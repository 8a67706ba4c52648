//! clap's errors about a command line it cannot read, in Spanish when the interface is: the
//! common kinds (an unknown argument or command, a bad or missing value, arguments that
//! conflict) in the words of `locales/es/help.ftl`, laid out as clap lays them out; the rare
//! kinds stay as clap writes them.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::i18n::{FluentArgs, tr_in};
use crate::model::Lang;

/// The text clap would print for `error`, in `lang`; `None` when clap's own text is the one to
/// print (English, help and version, and the kinds not translated).
pub fn render(error: &clap::Error, lang: Lang) -> Option<String> {
    if lang == Lang::En {
        return None;
    }
    let say = |id: &str, pairs: &[(&str, &str)]| {
        let mut args = FluentArgs::new();
        for (name, value) in pairs {
            args.set(*name, value.to_string());
        }
        tr_in(lang, id, Some(&args))
    };
    let text = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.as_str()),
        _ => None,
    };
    let list = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::Strings(items)) => items.clone(),
        Some(ContextValue::String(item)) => vec![item.clone()],
        _ => Vec::new(),
    };
    let arg = text(ContextKind::InvalidArg);
    let value = text(ContextKind::InvalidValue);
    let mut message = match (error.kind(), arg, value) {
        (ErrorKind::UnknownArgument, Some(arg), _) => {
            say("help-clap-error-unknown-argument", &[("arg", arg)])
        }
        (ErrorKind::InvalidSubcommand, _, _) => {
            let command = text(ContextKind::InvalidSubcommand)?;
            say("help-clap-error-unknown-command", &[("command", command)])
        }
        (ErrorKind::InvalidValue, Some(arg), Some("")) => {
            say("help-clap-error-value-required", &[("arg", arg)])
        }
        (ErrorKind::InvalidValue | ErrorKind::ValueValidation, Some(arg), Some(value)) => {
            let mut message = say(
                "help-clap-error-invalid-value",
                &[("arg", arg), ("value", value)],
            );
            if let Some(reason) = std::error::Error::source(error) {
                message = format!("{message}: {reason}");
            }
            message
        }
        (ErrorKind::TooManyValues, Some(arg), Some(value)) => say(
            "help-clap-error-too-many-values",
            &[("arg", arg), ("value", value)],
        ),
        (ErrorKind::MissingRequiredArgument, _, _) => {
            let missing = list(ContextKind::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            let mut message = say("help-clap-error-missing-arguments", &[]);
            for arg in missing {
                message.push_str(&format!("\n  {arg}"));
            }
            message
        }
        (ErrorKind::MissingSubcommand, _, _) => {
            let command = text(ContextKind::InvalidSubcommand)?;
            say("help-clap-error-missing-command", &[("command", command)])
        }
        (ErrorKind::ArgumentConflict, Some(arg), _) => {
            let prior = list(ContextKind::PriorArg);
            if prior.is_empty() {
                return None;
            }
            if prior.iter().any(|other| other == arg) {
                say("help-clap-error-repeated", &[("arg", arg)])
            } else {
                let others = prior
                    .iter()
                    .map(|other| format!("'{other}'"))
                    .collect::<Vec<_>>()
                    .join(", ");
                say(
                    "help-clap-error-conflict",
                    &[("arg", arg), ("others", &others)],
                )
            }
        }
        _ => return None,
    };
    let valid = list(ContextKind::ValidValue);
    if matches!(error.kind(), ErrorKind::InvalidValue) && !valid.is_empty() {
        let values = valid.join(", ");
        message.push_str(&format!(
            "\n  [{}]",
            say("help-clap-possible-values", &[("values", &values)])
        ));
    }
    let commands = list(ContextKind::ValidSubcommand);
    if matches!(error.kind(), ErrorKind::MissingSubcommand) && !commands.is_empty() {
        let commands = commands.join(", ");
        message.push_str(&format!(
            "\n  [{}]",
            say("help-clap-error-commands", &[("commands", &commands)])
        ));
    }
    let mut out = tr_in(lang, "cli-error", Some(&one("message", message)));
    let similar = [
        (
            ContextKind::SuggestedSubcommand,
            "help-clap-error-similar-command",
        ),
        (
            ContextKind::SuggestedArg,
            "help-clap-error-similar-argument",
        ),
        (ContextKind::SuggestedValue, "help-clap-error-similar-value"),
    ];
    let mut suggested = false;
    for (kind, id) in similar {
        let names = list(kind);
        let count = names.len();
        if count == 0 {
            continue;
        }
        if !suggested {
            out.push('\n');
            suggested = true;
        }
        let names = names
            .iter()
            .map(|name| format!("'{name}'"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut args = one("names", names);
        args.set("count", count);
        let hint = tr_in(lang, id, Some(&args));
        out.push_str(&format!(
            "\n  {}",
            tr_in(lang, "cli-hint", Some(&one("hint", hint)))
        ));
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.strip_prefix("Usage: ").unwrap_or(&usage);
        let heading = tr_in(lang, "help-clap-usage", None);
        out.push_str(&format!("\n\n{heading}: {usage}"));
    }
    out.push_str("\n\n");
    out.push_str(&tr_in(lang, "help-clap-error-more", None));
    out.push('\n');
    Some(out)
}

/// Fluent arguments of one name and value.
fn one(name: &'static str, value: String) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    args.set(name, value);
    args
}
