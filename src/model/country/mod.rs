//! Countries as identities: ISO 3166-1 alpha-2 codes in the files, English and Spanish names for
//! people, and whatever people write for a country (a name or a code, in any case, with or
//! without accents) read back to it.
//!
//! The names are Unicode CLDR's (`table.rs`, written by `tools/countries.py`): English as
//! international documents write it ("Trinidad and Tobago"), Spanish as Latin America writes it
//! ("Perú", "Estados Unidos").

mod table;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Lang, fold};
use table::COUNTRIES;

/// One country of the table.
struct Entry {
    /// The ISO 3166-1 alpha-2 code, `PE`.
    code: &'static str,
    /// The ISO 3166-1 alpha-3 code, `PER`.
    alpha3: &'static str,
    /// The English name, "Peru".
    en: &'static str,
    /// The Spanish name, "Perú".
    es: &'static str,
    /// Other names people write for it: short and variant forms ("UK", "EE. UU.").
    aliases: &'static [&'static str],
}

/// Official long forms and everyday names that CLDR does not give, accepted as input.
const MORE_NAMES: &[(&str, &[&str])] = &[
    (
        "BO",
        &[
            "Plurinational State of Bolivia",
            "Bolivia (Plurinational State of)",
            "Estado Plurinacional de Bolivia",
        ],
    ),
    ("GB", &["Great Britain", "Gran Bretaña"]),
    (
        "US",
        &["United States of America", "Estados Unidos de América"],
    ),
    (
        "VE",
        &[
            "Bolivarian Republic of Venezuela",
            "Venezuela (Bolivarian Republic of)",
            "República Bolivariana de Venezuela",
        ],
    ),
];

/// Texts longer than this are cut when a message quotes them.
const QUOTED_CHARS: usize = 60;

/// A country of ISO 3166-1, one of the 249 with an officially assigned code.
///
/// Files hold its alpha-2 code (`country = "PE"`); people see its name in their language
/// ([`Country::name`]). Countries compare and sort by code.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Country(u16);

impl Country {
    /// Every country, in code order.
    pub fn all() -> impl ExactSizeIterator<Item = Country> {
        (0..COUNTRIES.len()).map(|index| Country(index as u16))
    }

    /// The country whose alpha-2 code is exactly `code` (`PE`), in capitals as files write it.
    pub fn from_code(code: &str) -> Option<Country> {
        COUNTRIES
            .binary_search_by(|entry| entry.code.cmp(code))
            .ok()
            .map(|index| Country(index as u16))
    }

    /// The country people mean by `text`: its alpha-2 or alpha-3 code, or its name in English
    /// or Spanish (or a usual short or long form of it), in any case, with or without accents
    /// and punctuation: `PE`, `per`, `Perú`, `peru `, `Estados Unidos`, `U.S.A.`.
    pub fn resolve(text: &str) -> Result<Country, UnknownCountry> {
        let key = fold::letters(text);
        match INDEX.get(&key) {
            Some(&country) => Ok(country),
            None => Err(UnknownCountry {
                text: quoted(text.trim()),
                suggestion: nearest(&key),
            }),
        }
    }

    /// The ISO 3166-1 alpha-2 code, `PE`: what files hold.
    pub fn code(self) -> &'static str {
        self.entry().code
    }

    /// The ISO 3166-1 alpha-3 code, `PER`.
    pub fn alpha3(self) -> &'static str {
        self.entry().alpha3
    }

    /// The name in `lang`: "Peru", "Perú".
    pub fn name(self, lang: Lang) -> &'static str {
        let entry = self.entry();
        match lang {
            Lang::En => entry.en,
            Lang::Es => entry.es,
        }
    }

    fn entry(self) -> &'static Entry {
        &COUNTRIES[usize::from(self.0)]
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.code())
    }
}

/// The alpha-2 code, as files write it; [`Country::name`] gives what people read.
impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Country {
    type Err = UnknownCountry;

    /// [`Country::resolve`].
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Country::resolve(text)
    }
}

impl Serialize for Country {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// Reads a code, or a name that [`Country::resolve`] recognises: files written before countries
/// were codes, and old revisions of them, still read as the countries they name. `check` warns
/// about a name, and `check --fix` writes its code.
impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Country::resolve(&text).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Country {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Country".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<&str> = COUNTRIES.iter().map(|entry| entry.code).collect();
        schemars::json_schema!({
            "description": "A country, as its ISO 3166-1 alpha-2 code: `PE` for Peru, `BR` for Brazil.",
            "type": "string",
            "enum": codes,
        })
    }
}

/// A text that names no country, with the country it most probably meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCountry {
    /// The text, trimmed (and cut when long).
    pub text: String,
    /// The country whose name or code is nearest to it, if one is near.
    pub suggestion: Option<Country>,
}

/// The start of [`UnknownCountry`]'s message, which the file reader recognises.
pub const UNKNOWN_COUNTRY: &str = "unknown country `";

impl UnknownCountry {
    /// What to write instead, in English.
    pub fn hint(&self) -> String {
        match self.suggestion {
            Some(country) => format!(
                "did you mean {} ({})? a country is its ISO 3166-1 code or its name in English or Spanish",
                country.name(Lang::En),
                country.code()
            ),
            None => "write the country's ISO 3166-1 code (`PE` for Peru) or its name in English or Spanish".into(),
        }
    }
}

impl fmt::Display for UnknownCountry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{UNKNOWN_COUNTRY}{}`", self.text)
    }
}

impl std::error::Error for UnknownCountry {}

/// Every way of writing each country, folded ([`fold::letters`]), with its country; in order, so
/// that suggestions do not depend on chance.
static INDEX: LazyLock<BTreeMap<String, Country>> = LazyLock::new(|| {
    let mut index = BTreeMap::new();
    for country in Country::all() {
        let entry = country.entry();
        for name in [entry.code, entry.alpha3, entry.en, entry.es] {
            index.entry(fold::letters(name)).or_insert(country);
        }
    }
    let more = MORE_NAMES.iter().flat_map(|(code, names)| {
        let country = Country::from_code(code);
        names.iter().filter_map(move |name| Some((*name, country?)))
    });
    let aliases = Country::all().flat_map(|country| {
        country
            .entry()
            .aliases
            .iter()
            .map(move |alias| (*alias, country))
    });
    // Codes and the names shown come first: an alias never takes another country's code.
    for (name, country) in aliases.chain(more) {
        index.entry(fold::letters(name)).or_insert(country);
    }
    index
});

/// The country with the name or code nearest to `key` (folded), if it is a likely typo.
fn nearest(key: &str) -> Option<Country> {
    if key.is_empty() {
        return None;
    }
    let best = crate::suggest::did_you_mean(key, INDEX.keys().map(String::as_str))?;
    INDEX.get(best).copied()
}

/// `text` cut to [`QUOTED_CHARS`] characters for a message.
fn quoted(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests;
