//! The Member States of the organisations whose documents the importer reads: no programme
//! document lists them, and the report counts them apart from other countries.

use crate::model::Country;

/// Each organisation's Member States, by the short name its documents give it, as ISO 3166-1
/// codes.
///
/// SELA's are the 25 its own site lists ("¿Qué es el SELA?" on sela.org; its press release of
/// 17 October 2022 also speaks of 25). Its press release of 18 October 2017 named 26: these and
/// Jamaica. Whether Jamaica was still a Member State in 2021 is not confirmed here.
const MEMBER_STATES: &[(&str, &[&str])] = &[(
    "SELA",
    &[
        "AR", "BB", "BO", "BR", "BS", "BZ", "CL", "CO", "CU", "DO", "EC", "GT", "GY", "HN", "HT",
        "MX", "NI", "PA", "PE", "PY", "SR", "SV", "TT", "UY", "VE",
    ],
)];

/// The Member States of the organisation called `short_name` ("SELA"), in code order; none for an
/// organisation the importer does not know.
pub fn member_states(short_name: &str) -> Vec<Country> {
    let codes = MEMBER_STATES
        .iter()
        .find(|(name, _)| *name == short_name)
        .map_or(&[][..], |(_, codes)| *codes);
    let mut countries: Vec<Country> = codes
        .iter()
        .filter_map(|code| Country::from_code(code))
        .collect();
    countries.sort();
    countries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_a_country_once() {
        for (name, codes) in MEMBER_STATES {
            let countries = member_states(name);
            assert_eq!(countries.len(), codes.len(), "{name}");
            let mut unique = countries.clone();
            unique.dedup();
            assert_eq!(unique, countries, "{name}");
        }
        assert_eq!(member_states("SELA").len(), 25);
        assert!(member_states("OAS").is_empty());
    }
}
