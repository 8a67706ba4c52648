//! Texts compared as people mean them: without case or accents, so that "Perú" is "PERU".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` lowercase without accents, letters and digits only: "Côte d'Ivoire", "cote d’ivoire"
/// and "COTE DIVOIRE" are all `cotedivoire`. How names and codes of countries are compared.
pub fn letters(text: &str) -> String {
    plain(text).filter(|c| c.is_alphanumeric()).collect()
}

/// `text` lowercase without accents, its spaces collapsed to one and trimmed, punctuation
/// kept: "  Ministerio de  ECONOMÍA" is `ministerio de economia`. How names of organisations
/// are compared.
pub fn words(text: &str) -> String {
    let folded: String = plain(text).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The characters of `text` lowercase, without their accents.
fn plain(text: &str) -> impl Iterator<Item = char> + '_ {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_what_is_not_a_letter() {
        assert_eq!(letters("Côte d’Ivoire"), "cotedivoire");
        assert_eq!(letters("São Tomé & Príncipe"), "saotomeprincipe");
        assert_eq!(letters("EE. UU."), "eeuu");
        assert_eq!(
            words("  Ministerio de\tECONOMÍA "),
            "ministerio de economia"
        );
        assert_eq!(words("C.A.F."), "c.a.f.");
    }
}
