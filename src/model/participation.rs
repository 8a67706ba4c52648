//! Who took part, counted by identity: each country once however it was written, the
//! organisation's Member States apart from other countries, and each organisation once by its
//! name (or id) and its country.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};

use super::{Activity, Country, Participant, code_sort_key, fold};

/// An organisation as an identity: the same name in the same country is the same organisation,
/// and so is the same `organisation_id` in the same country, however the name is written.
///
/// Names are compared without case, accents or extra spaces ("Ministerio de Economía" and
/// "ministerio de economia"); punctuation counts ("C.A.F." is not "CAF": give both the same
/// `organisation_id`). Argentina's and Guatemala's "Ministerio de Economía" are two
/// organisations. Equality, ordering and hashing go by country, then id or name; the name kept
/// for showing is the one it was made from.
#[derive(Debug, Clone)]
pub struct Organisation {
    name: String,
    country: Country,
    key: Key,
}

/// What tells an organisation apart within its country.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    /// Its `organisation_id`, trimmed.
    Id(String),
    /// Its name, folded.
    Name(String),
}

impl Organisation {
    /// The organisation called `name` in `country`, with `id` if it has one (an empty id is none).
    pub fn new(name: &str, country: Country, id: Option<&str>) -> Organisation {
        let name = name.trim();
        let key = match id.map(str::trim).filter(|id| !id.is_empty()) {
            Some(id) => Key::Id(id.to_string()),
            None => Key::Name(fold::words(name)),
        };
        Organisation {
            name: name.to_string(),
            country,
            key,
        }
    }

    /// The organisation a participant came from.
    pub fn of(participant: &Participant) -> Organisation {
        Organisation::new(
            &participant.organisation,
            participant.country,
            participant.organisation_id.as_deref(),
        )
    }

    /// Its name as written (trimmed).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its country.
    pub fn country(&self) -> Country {
        self.country
    }

    /// Its `organisation_id`, if it was given one.
    pub fn id(&self) -> Option<&str> {
        match &self.key {
            Key::Id(id) => Some(id),
            Key::Name(_) => None,
        }
    }
}

impl PartialEq for Organisation {
    fn eq(&self, other: &Self) -> bool {
        self.country == other.country && self.key == other.key
    }
}

impl Eq for Organisation {}

impl Ord for Organisation {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.country, &self.key).cmp(&(other.country, &other.key))
    }
}

impl PartialOrd for Organisation {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Hash for Organisation {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.country.hash(state);
        self.key.hash(state);
    }
}

/// Who took part in a set of activities, each country and each organisation counted once.
///
/// Every participant belongs to one organisation and every organisation to one country, so the
/// participants of the countries add up to [`Participation::participants`], and so do those of
/// the organisations; the organisations of the countries add up to the organisations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Participation {
    /// Participants counted: each `[[participants]]` record once.
    pub participants: usize,
    /// Each country represented.
    pub countries: BTreeMap<Country, CountryShare>,
    /// Each organisation represented.
    pub organisations: BTreeMap<Organisation, OrganisationShare>,
}

/// What one country contributed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountryShare {
    /// Whether it is one of the organisation's Member States.
    pub member_state: bool,
    /// Its participants.
    pub participants: usize,
    /// Its organisations.
    pub organisations: usize,
    /// The codes of the activities its participants took part in, in code order.
    pub activities: Vec<String>,
}

/// What one organisation contributed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrganisationShare {
    /// Its participants.
    pub participants: usize,
    /// The codes of the activities its participants took part in, in code order.
    pub activities: Vec<String>,
}

impl Participation {
    /// The participants of `activities`, with `member_states` (the programme's
    /// [`member_states`](super::WorkProgramme::member_states)) told apart.
    pub fn of<'a>(
        activities: impl IntoIterator<Item = &'a Activity>,
        member_states: &[Country],
    ) -> Participation {
        let mut participants = 0;
        let mut countries: BTreeMap<Country, (usize, BTreeSet<&str>)> = BTreeMap::new();
        let mut organisations: BTreeMap<Organisation, (usize, BTreeSet<&str>)> = BTreeMap::new();
        for activity in activities {
            for participant in &activity.participants {
                participants += 1;
                let country = countries.entry(participant.country).or_default();
                country.0 += 1;
                country.1.insert(&activity.code);
                let organisation = organisations
                    .entry(Organisation::of(participant))
                    .or_default();
                organisation.0 += 1;
                organisation.1.insert(&activity.code);
            }
        }
        let mut per_country: BTreeMap<Country, usize> = BTreeMap::new();
        for organisation in organisations.keys() {
            *per_country.entry(organisation.country()).or_default() += 1;
        }
        Participation {
            participants,
            countries: countries
                .into_iter()
                .map(|(country, (participants, codes))| {
                    let share = CountryShare {
                        member_state: member_states.contains(&country),
                        participants,
                        organisations: per_country.get(&country).copied().unwrap_or(0),
                        activities: in_code_order(codes),
                    };
                    (country, share)
                })
                .collect(),
            organisations: organisations
                .into_iter()
                .map(|(organisation, (participants, codes))| {
                    let share = OrganisationShare {
                        participants,
                        activities: in_code_order(codes),
                    };
                    (organisation, share)
                })
                .collect(),
        }
    }

    /// The Member States represented, in code order.
    pub fn member_states(&self) -> impl Iterator<Item = Country> + '_ {
        self.countries
            .iter()
            .filter(|(_, share)| share.member_state)
            .map(|(country, _)| *country)
    }

    /// The countries represented that are not Member States, in code order.
    pub fn other_countries(&self) -> impl Iterator<Item = Country> + '_ {
        self.countries
            .iter()
            .filter(|(_, share)| !share.member_state)
            .map(|(country, _)| *country)
    }
}

fn in_code_order(codes: BTreeSet<&str>) -> Vec<String> {
    let mut codes: Vec<String> = codes.into_iter().map(String::from).collect();
    codes.sort_by_cached_key(|code| code_sort_key(code));
    codes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    fn country(code: &str) -> Country {
        Country::from_code(code).expect("a country")
    }

    fn person(organisation: &str, country_text: &str) -> Participant {
        Participant {
            name: None,
            organisation: organisation.into(),
            organisation_id: None,
            country: Country::resolve(country_text).expect("a country"),
            role: Role::Participant,
        }
    }

    fn activity(code: &str, participants: Vec<Participant>) -> Activity {
        Activity {
            code: code.into(),
            participants,
            ..Activity::default()
        }
    }

    #[test]
    fn organisations_are_told_apart_by_country_and_joined_by_id() {
        let economy = |c: &str| Organisation::of(&person("Ministerio de Economía", c));
        assert_ne!(economy("AR"), economy("GT"));
        assert_eq!(
            economy("AR"),
            Organisation::new("  ministerio de  ECONOMIA ", country("AR"), None)
        );
        let caf = Organisation::new("CAF", country("VE"), Some("XM-CAF"));
        let long = Organisation::new(
            "Development Bank of Latin America",
            country("VE"),
            Some(" XM-CAF "),
        );
        assert_eq!(caf, long);
        assert_eq!(long.id(), Some("XM-CAF"));
        assert_eq!(long.name(), "Development Bank of Latin America");
        assert_ne!(caf, Organisation::new("CAF", country("VE"), None));
        assert_eq!(
            Organisation::new("CAF", country("VE"), Some(" ")),
            Organisation::new("CAF", country("VE"), None)
        );
        let mut set = BTreeSet::new();
        set.insert(economy("GT"));
        set.insert(economy("AR"));
        set.insert(economy("Argentina"));
        assert_eq!(set.len(), 2);
        assert_eq!(set.first().map(Organisation::country), Some(country("AR")));
    }

    #[test]
    fn countries_count_once_and_member_states_apart() {
        // The measured case: five spellings of three countries, and two that are not members.
        let plan = [
            activity(
                "I.1.2",
                vec![
                    person("Cancillería", "Perú"),
                    person("Cancillería", "Peru"),
                    person("Itamaraty", "Brasil"),
                    person("UNCTAD", "Switzerland"),
                ],
            ),
            activity(
                "I.1.10",
                vec![
                    person("Cancillería", "peru "),
                    person("Itamaraty", "Brazil"),
                    person("Ministerio de Economía", "Argentina"),
                    person("USAID", "USA"),
                ],
            ),
            activity(
                "II.1.1",
                vec![person("Ministerio de Economía", "Guatemala")],
            ),
        ];
        let members: Vec<Country> = ["AR", "BR", "GT", "PE"].map(country).to_vec();
        let p = Participation::of(&plan, &members);
        assert_eq!(p.participants, 9);
        assert_eq!(p.countries.len(), 6);
        let codes =
            |it: &mut dyn Iterator<Item = Country>| it.map(|c| c.code()).collect::<Vec<_>>();
        assert_eq!(codes(&mut p.member_states()), ["AR", "BR", "GT", "PE"]);
        assert_eq!(codes(&mut p.other_countries()), ["CH", "US"]);
        assert_eq!(p.organisations.len(), 6);
        let peru = &p.countries[&country("PE")];
        assert_eq!(
            (peru.participants, peru.organisations, peru.member_state),
            (3, 1, true)
        );
        assert_eq!(peru.activities, ["I.1.2", "I.1.10"]);
        // Every table adds up.
        let by_country: usize = p.countries.values().map(|s| s.participants).sum();
        let by_organisation: usize = p.organisations.values().map(|s| s.participants).sum();
        let organisations: usize = p.countries.values().map(|s| s.organisations).sum();
        assert_eq!((by_country, by_organisation), (9, 9));
        assert_eq!(organisations, p.organisations.len());
        let economy = Organisation::new("Ministerio de Economía", country("GT"), None);
        assert_eq!(p.organisations[&economy].activities, ["II.1.1"]);
    }

    #[test]
    fn no_participants_count_nothing() {
        let p = Participation::of(&[activity("I.1.1", Vec::new())], &[country("PE")]);
        assert_eq!(p, Participation::default());
        assert_eq!(p.member_states().count(), 0);
    }
}
