//! Command-line values from the files' vocabularies (status, format, kind, role), read in
//! either language; `--help` lists the files' words with their names in the interface's
//! language.

use std::ffi::OsStr;
use std::marker::PhantomData;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::model::{Lang, Vocabulary};

/// A clap parser for the values of `V`.
#[derive(Debug, Clone, Copy)]
pub struct Words<V>(PhantomData<V>);

/// A parser for `V`'s words.
pub fn words<V>() -> Words<V> {
    Words(PhantomData)
}

impl<V: Vocabulary + Send + Sync> TypedValueParser for Words<V> {
    type Value = V;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<V, clap::Error> {
        let text = value.to_string_lossy();
        V::from_word(&text).ok_or_else(|| {
            let mut error = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
            if let Some(arg) = arg {
                error.insert(
                    ContextKind::InvalidArg,
                    ContextValue::String(arg.to_string()),
                );
            }
            error.insert(
                ContextKind::InvalidValue,
                ContextValue::String(text.into_owned()),
            );
            let lang = crate::i18n::lang();
            let known = V::all().iter().map(|v| v.name(lang).to_string()).collect();
            error.insert(ContextKind::ValidValue, ContextValue::Strings(known));
            error
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let lang = crate::i18n::lang();
        Some(Box::new(V::all().iter().map(move |value| {
            let word = PossibleValue::new(value.as_str());
            match lang {
                Lang::En => word,
                _ => word.help(value.name(lang)),
            }
        })))
    }
}
