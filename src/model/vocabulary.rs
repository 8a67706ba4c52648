//! The closed vocabularies of the files (status, format, kind, role): the English word files
//! and commands write, each value's name in every language, and the words read as it.
//!
//! Reading is forgiving: case, accents, spaces, hyphens and underscores do not matter, and a
//! value may be given in Spanish (`en curso`, `terminada`, `híbrido`) or by a common synonym
//! (`completada`, `canceled`). What the tool writes is always the English word.

use serde::{Deserialize, Deserializer, de};

use super::fold;
use super::{Format, Kind, Lang, Role, Status};

/// A closed vocabulary of the files.
pub trait Vocabulary: Copy + Sized + 'static {
    /// Every value, in order.
    fn all() -> &'static [Self];
    /// The word files and commands use for this value.
    fn as_str(self) -> &'static str;
    /// The value's name in `lang`, as the interface and documents print it.
    fn name(self, lang: Lang) -> &'static str;
    /// The other words read as this value: Spanish forms and synonyms.
    fn synonyms(self) -> &'static [&'static str];

    /// The value `word` names in either language, if any.
    fn from_word(word: &str) -> Option<Self> {
        let wanted = key(word);
        Self::all().iter().copied().find(|value| {
            let value = *value;
            std::iter::once(value.as_str())
                .chain(Lang::ALL.iter().map(move |&lang| value.name(lang)))
                .chain(value.synonyms().iter().copied())
                .any(|known| key(known) == wanted)
        })
    }
}

/// How words are compared: lowercase, without accents, hyphens and underscores as spaces.
fn key(word: &str) -> String {
    fold::words(&word.replace(['-', '_'], " "))
}

/// The names of every value of `V` in `lang`, joined by commas: "planned, ongoing, …".
pub fn names<V: Vocabulary>(lang: Lang) -> String {
    let names: Vec<&str> = V::all().iter().map(|v| v.name(lang)).collect();
    names.join(", ")
}

macro_rules! vocabulary {
    ($($ty:ty {
        $($variant:ident => $word:literal, $spanish:literal $(| $synonym:literal)*;)+
    })+) => {$(
        impl $ty {
            /// Every value, in order.
            pub const ALL: &'static [$ty] = &[$(<$ty>::$variant),+];
            /// The words files and commands use, in order.
            const WORDS: &'static [&'static str] = &[$($word),+];

            /// The word files and commands use for this value.
            pub fn as_str(self) -> &'static str {
                Vocabulary::as_str(self)
            }

            /// The value's name in `lang`, as the interface and documents print it.
            pub fn name(self, lang: Lang) -> &'static str {
                Vocabulary::name(self, lang)
            }
        }

        impl Vocabulary for $ty {
            fn all() -> &'static [Self] {
                Self::ALL
            }

            fn as_str(self) -> &'static str {
                match self { $(<$ty>::$variant => $word),+ }
            }

            fn name(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((<$ty>::$variant, Lang::En) => $word,
                      (<$ty>::$variant, Lang::Es) => $spanish,)+
                }
            }

            fn synonyms(self) -> &'static [&'static str] {
                match self { $(<$ty>::$variant => &[$($synonym),*]),+ }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = String;

            /// Reads a word of either language; the error lists the interface's words.
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                Self::from_word(text).ok_or_else(|| {
                    crate::tr!("store-not-one-of", word = text,
                        words = names::<$ty>(crate::i18n::lang()))
                })
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                Self::from_word(&text).ok_or_else(|| de::Error::unknown_variant(&text, Self::WORDS))
            }
        }
    )+};
}

vocabulary! {
    Kind {
        Event => "event", "evento";
        Study => "study", "estudio";
        Other => "other", "otro" | "otra";
    }
    Format {
        FaceToFace => "face-to-face", "presencial" | "in person";
        Virtual => "virtual", "virtual" | "en línea";
        Hybrid => "hybrid", "híbrida" | "híbrido" | "mixta" | "mixto";
    }
    Status {
        Planned => "planned", "prevista" | "previsto" | "planificada" | "planificado"
            | "programada" | "programado";
        Ongoing => "ongoing", "en curso" | "en marcha" | "en ejecución" | "en proceso";
        Completed => "completed", "terminada" | "terminado" | "completada" | "completado"
            | "concluida" | "concluido" | "finalizada" | "finalizado" | "realizada" | "realizado";
        Postponed => "postponed", "aplazada" | "aplazado" | "pospuesta" | "pospuesto"
            | "postergada" | "postergado";
        Cancelled => "cancelled", "cancelada" | "cancelado" | "canceled" | "suspendida"
            | "suspendido";
    }
    Role {
        Participant => "participant", "participante";
        Speaker => "speaker", "ponente" | "orador" | "oradora" | "expositor" | "expositora"
            | "panelista";
        Moderator => "moderator", "moderador" | "moderadora";
        Organiser => "organiser", "organizador" | "organizadora" | "organizer";
        Observer => "observer", "observador" | "observadora";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_either_language_without_case_accents_or_hyphens() {
        for (word, status) in [
            ("ongoing", Status::Ongoing),
            ("en curso", Status::Ongoing),
            ("En-Curso", Status::Ongoing),
            ("terminada", Status::Completed),
            ("completada", Status::Completed),
            ("CANCELADA", Status::Cancelled),
            ("aplazada", Status::Postponed),
            ("prevista", Status::Planned),
        ] {
            assert_eq!(word.parse::<Status>(), Ok(status), "{word}");
        }
        assert_eq!("hibrido".parse::<Format>(), Ok(Format::Hybrid));
        assert_eq!("Face to face".parse::<Format>(), Ok(Format::FaceToFace));
        assert_eq!("presencial".parse::<Format>(), Ok(Format::FaceToFace));
        assert_eq!("ponente".parse::<Role>(), Ok(Role::Speaker));
        assert_eq!("estudio".parse::<Kind>(), Ok(Kind::Study));
    }

    #[test]
    fn refuses_other_words_naming_the_choices() {
        let error = "hecho".parse::<Status>().expect_err("not a status");
        assert!(error.contains("hecho"), "{error}");
        assert!(error.contains("planned, ongoing, completed"), "{error}");
        assert!("".parse::<Status>().is_err());
        assert!("en".parse::<Status>().is_err());
    }

    #[test]
    fn no_word_names_two_values() {
        fn distinct<V: Vocabulary + PartialEq + std::fmt::Debug>() {
            for &value in V::all() {
                let words = std::iter::once(value.as_str())
                    .chain(Lang::ALL.iter().map(|&l| value.name(l)))
                    .chain(value.synonyms().iter().copied());
                for word in words {
                    assert_eq!(V::from_word(word), Some(value), "{word}");
                }
            }
        }
        distinct::<Status>();
        distinct::<Format>();
        distinct::<Kind>();
        distinct::<Role>();
    }

    #[test]
    fn files_accept_spanish_and_serialise_english() {
        #[derive(Debug, serde::Deserialize, serde::Serialize)]
        struct File {
            status: Status,
        }
        let file: File = toml::from_str("status = \"en curso\"").expect("reads");
        assert_eq!(file.status, Status::Ongoing);
        assert_eq!(
            toml::to_string(&file).expect("writes").trim(),
            "status = \"ongoing\""
        );
        let error = toml::from_str::<File>("status = \"hecho\"").expect_err("refused");
        assert!(
            error
                .message()
                .starts_with("unknown variant `hecho`, expected one of `planned`"),
            "{}",
            error.message()
        );
    }
}
