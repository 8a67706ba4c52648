//! The languages the tool speaks: of documents, of names shown to people, later of its messages.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A language the tool writes in: a document's labels, months and number formats, and the
/// names of countries.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Spanish.
    Es,
}

impl Lang {
    /// Every language, in order.
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::Es];

    /// The ISO 639-1 code.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

impl std::str::FromStr for Lang {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Lang::ALL
            .iter()
            .copied()
            .find(|l| l.as_str() == text)
            .ok_or_else(|| format!("`{text}` is not a supported language (expected en or es)"))
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
