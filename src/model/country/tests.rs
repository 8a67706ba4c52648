use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

use super::*;

fn country(code: &str) -> Country {
    Country::from_code(code).expect("a country")
}

#[test]
fn the_table_holds_iso_3166_1_in_code_order() {
    assert_eq!(Country::all().len(), 249);
    let codes: Vec<&str> = COUNTRIES.iter().map(|e| e.code).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted);
    for country in Country::all() {
        assert_eq!(Country::from_code(country.code()), Some(country));
        assert_eq!(country.code().len(), 2);
        assert_eq!(country.alpha3().len(), 3);
    }
    assert_eq!(
        Country::from_code("pe"),
        None,
        "files write codes in capitals"
    );
    assert_eq!(
        Country::from_code("UK"),
        None,
        "UK is reserved, not assigned"
    );
}

#[test]
fn names_are_the_ones_readers_expect() {
    let names = |code: &str| (country(code).name(Lang::En), country(code).name(Lang::Es));
    assert_eq!(names("PE"), ("Peru", "Perú"));
    assert_eq!(names("BR"), ("Brazil", "Brasil"));
    assert_eq!(names("US"), ("United States", "Estados Unidos"));
    assert_eq!(names("TT"), ("Trinidad and Tobago", "Trinidad y Tobago"));
    assert_eq!(
        names("VC"),
        (
            "Saint Vincent and the Grenadines",
            "San Vicente y las Granadinas"
        )
    );
    assert_eq!(names("DO"), ("Dominican Republic", "República Dominicana"));
    assert_eq!(names("CH"), ("Switzerland", "Suiza"));
    for country in Country::all() {
        for lang in Lang::ALL {
            let name = country.name(*lang);
            assert!(!name.is_empty() && !name.contains(" & ") && !name.contains(" - "));
        }
    }
}

#[test]
fn every_way_of_writing_a_country_reads_as_that_country_alone() {
    for country in Country::all() {
        let entry = country.entry();
        let more = MORE_NAMES
            .iter()
            .filter(|(code, _)| *code == entry.code)
            .flat_map(|(_, names)| names.iter());
        for name in [entry.code, entry.alpha3, entry.en, entry.es]
            .iter()
            .chain(entry.aliases)
            .chain(more)
        {
            assert_eq!(Country::resolve(name), Ok(country), "{name}");
        }
    }
    for (code, _) in MORE_NAMES {
        assert!(Country::from_code(code).is_some(), "{code}");
    }
}

#[test]
fn input_is_read_in_any_case_accent_spacing_and_punctuation() {
    for (text, code) in [
        ("Perú", "PE"),
        ("peru ", "PE"),
        ("  PERU", "PE"),
        ("pe", "PE"),
        ("PER", "PE"),
        ("Brasil", "BR"),
        ("brazil", "BR"),
        ("U.S.A.", "US"),
        ("EEUU", "US"),
        ("ee. uu.", "US"),
        ("Cote d'Ivoire", "CI"),
        ("Trinidad & Tobago", "TT"),
        ("trinidad y tobago", "TT"),
        ("St Lucia", "LC"),
        ("MÉXICO", "MX"),
        ("Venezuela (Bolivarian Republic of)", "VE"),
        ("UK", "GB"),
        ("R. U.", "RU"),
    ] {
        assert_eq!(Country::resolve(text), Ok(country(code)), "{text}");
    }
}

#[test]
fn near_misses_suggest_the_country_and_far_ones_nothing() {
    let unknown = |text: &str| Country::resolve(text).expect_err(text);
    assert_eq!(unknown("Peur").suggestion, Some(country("PE")));
    assert_eq!(unknown("Brasill").suggestion, Some(country("BR")));
    assert_eq!(unknown("Guatemla").suggestion, Some(country("GT")));
    assert_eq!(unknown("Kolombia").suggestion, Some(country("CO")));
    let far = unknown("Atlantis of the deep");
    assert_eq!(far.suggestion, None);
    assert_eq!(far.to_string(), "unknown country `Atlantis of the deep`");
    assert!(far.hint().contains("ISO 3166-1 code"));
    assert_eq!(unknown("").suggestion, None);
    assert!(
        unknown("Peur")
            .hint()
            .starts_with("did you mean Peru (PE)?")
    );
    let long = unknown(&"x".repeat(1000));
    assert!(long.text.chars().count() <= QUOTED_CHARS + 1);
}

#[test]
fn files_hold_codes_and_read_names_too() {
    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct Row {
        country: Country,
    }
    let row: Row = toml::from_str("country = \"peru \"").expect("a name reads");
    assert_eq!(row.country, country("PE"));
    assert_eq!(
        toml::to_string(&row).expect("serialises"),
        "country = \"PE\"\n"
    );
    assert_eq!(
        serde_json::to_string(&row).expect("json"),
        r#"{"country":"PE"}"#
    );
    let error = toml::from_str::<Row>("country = \"Narnia\"").expect_err("unknown");
    assert!(error.message().starts_with(UNKNOWN_COUNTRY), "{error}");
    let error = toml::from_str::<Row>("country = 7").expect_err("not a string");
    assert!(!error.message().starts_with(UNKNOWN_COUNTRY), "{error}");
}

/// `name` with each letter's case and accent changed as `upper` and `plain` say, padded.
fn disguise(name: &str, upper: &[bool], plain: &[bool], pad: (usize, usize)) -> String {
    let mut out = " ".repeat(pad.0);
    for (i, c) in name.chars().enumerate() {
        let base = if plain.get(i).copied().unwrap_or(false) {
            c.to_string().nfd().next().unwrap_or(c)
        } else {
            c
        };
        if upper.get(i).copied().unwrap_or(false) {
            out.extend(base.to_uppercase());
        } else {
            out.extend(base.to_lowercase());
        }
    }
    out.push_str(&" ".repeat(pad.1));
    out
}

proptest! {
    #[test]
    fn any_casing_and_accents_of_every_name_resolve_to_its_country(
        index in 0..COUNTRIES.len(),
        spanish in any::<bool>(),
        upper in proptest::collection::vec(any::<bool>(), 64),
        plain in proptest::collection::vec(any::<bool>(), 64),
        pad in (0..3usize, 0..3usize),
    ) {
        let country = Country(index as u16);
        let lang = if spanish { Lang::Es } else { Lang::En };
        let text = disguise(country.name(lang), &upper, &plain, pad);
        prop_assert_eq!(Country::resolve(&text), Ok(country), "{}", text);
    }

    #[test]
    fn any_text_reads_as_a_country_or_a_short_error(text in any::<String>()) {
        match Country::resolve(&text) {
            // What reads as a country is one of its ways of writing it, folded.
            Ok(country) => {
                prop_assert_eq!(Country::resolve(country.code()), Ok(country));
                prop_assert_eq!(INDEX.get(&fold::letters(&text)), Some(&country));
            }
            Err(unknown) => {
                prop_assert!(unknown.text.chars().count() <= QUOTED_CHARS + 1, "{:?}", unknown);
                prop_assert!(!unknown.hint().is_empty());
                prop_assert!(unknown.to_string().starts_with(UNKNOWN_COUNTRY));
            }
        }
    }
}

#[test]
fn every_name_of_every_country_resolves_in_every_disguise() {
    // The property above samples; this goes through every name once in capitals without
    // accents and once in lowercase with them.
    for country in Country::all() {
        for lang in Lang::ALL {
            let name = country.name(*lang);
            let all = vec![true; name.chars().count()];
            let none = vec![false; name.chars().count()];
            for text in [
                disguise(name, &all, &all, (1, 1)),
                disguise(name, &none, &none, (0, 0)),
            ] {
                assert_eq!(Country::resolve(&text), Ok(country), "{text}");
            }
        }
    }
}
