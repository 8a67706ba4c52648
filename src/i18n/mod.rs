//! The interface's language and its messages: the only reader of the locale variables.
//!
//! Messages are [Project Fluent](https://projectfluent.org) files, `locales/<lang>/<area>.ftl`,
//! one per area of the tool, built into the binary and parsed once. [`tr!`](crate::tr) gives a
//! message in the interface's language ([`lang`]); [`tr_in`] in any language. Ids are kebab-case
//! and start with their area (`cli-`, `check-`, `store-`, `tui-`, `history-`, `help-`).

use std::sync::OnceLock;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentValue};

use crate::model::Lang;

/// The areas, one file each in every language's folder.
pub const AREAS: [&str; 6] = ["cli", "check", "store", "tui", "history", "help"];

/// The files of one language, in the order of [`AREAS`].
macro_rules! files {
    ($lang:literal) => {
        [
            include_str!(concat!("../../locales/", $lang, "/cli.ftl")),
            include_str!(concat!("../../locales/", $lang, "/check.ftl")),
            include_str!(concat!("../../locales/", $lang, "/store.ftl")),
            include_str!(concat!("../../locales/", $lang, "/tui.ftl")),
            include_str!(concat!("../../locales/", $lang, "/history.ftl")),
            include_str!(concat!("../../locales/", $lang, "/help.ftl")),
        ]
    };
}

/// The text of `lang`'s files, in the order of [`AREAS`].
pub fn sources(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::En => files!("en"),
        Lang::Es => files!("es"),
    }
}

/// The interface's language: the first of `PROGRAMA_LANG`, `LC_ALL`, `LC_MESSAGES` and `LANG`
/// that is set and not empty decides (`es`, `es_ES.UTF-8`, `es-MX` are Spanish; anything else,
/// `C` and `POSIX` included, English); English when none is. Read once.
///
/// Unit tests always get English, whatever the machine's locale, as the integration tests pin
/// `LANG`.
pub fn lang() -> Lang {
    static LANG: OnceLock<Lang> = OnceLock::new();
    *LANG.get_or_init(|| {
        if cfg!(test) {
            Lang::En
        } else {
            lang_from(|name| std::env::var(name).ok())
        }
    })
}

/// The language the locale variables name, read through `var`.
pub fn lang_from(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["PROGRAMA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty())
        .map_or(Lang::En, |value| parse_locale(&value))
}

/// The language of a locale name (`es_ES.UTF-8@euro`) or language tag (`es-MX`).
fn parse_locale(value: &str) -> Lang {
    let tag = value.split(['.', '@']).next().unwrap_or_default();
    match tag
        .replace('_', "-")
        .parse::<unic_langid::LanguageIdentifier>()
    {
        Ok(id) if id.language.as_str() == "es" => Lang::Es,
        _ => Lang::En,
    }
}

/// The message `id` in `lang`, with `args` filled in; the id itself when no such message
/// exists (a test keeps every id used in the sources in the files).
pub fn tr_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

/// The message `id` in `lang`, or its `attribute` (`id.attribute`) when one is named; `None`
/// when `lang` has no such message, for callers that fall back to text of their own.
pub fn message_in(lang: Lang, id: &str, attribute: Option<&str>) -> Option<String> {
    let bundle = bundle(lang);
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(name) => message.get_attribute(name)?.value(),
        None => message.value()?,
    };
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned(),
    )
}

/// The bundle of `lang`, parsed on first use.
fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    let index = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    BUNDLES[index].get_or_init(|| {
        let id = lang.as_str().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        for source in sources(lang) {
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
            // A duplicate keeps its first definition; the tests refuse both mistakes.
            let _ = bundle.add_resource(resource);
        }
        bundle
    })
}

/// A message in the interface's language: `tr!("id")`, `tr!("id", name = value, count = n)`,
/// or in a given language, `tr!(lang; "id", name = value)`. Values are anything Fluent takes:
/// strings, `&str`, numbers.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::tr_in($crate::i18n::lang(), $id, None)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::tr!($crate::i18n::lang(); $id, $($name = $value),+)
    };
    ($lang:expr; $id:literal) => {
        $crate::i18n::tr_in($lang, $id, None)
    };
    ($lang:expr; $id:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $(args.set(stringify!($name), $value);)+
        $crate::i18n::tr_in($lang, $id, Some(&args))
    }};
}

#[cfg(test)]
mod tests;
