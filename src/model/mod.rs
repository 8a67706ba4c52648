//! The work programme as plain data: types, vocabularies and derived figures, with no IO.
//!
//! `programme/<year>/programme.toml` deserialises into [`WorkProgramme`] and each
//! `programme/<year>/activities/<code>.toml` into [`Activity`]. Field order in these structs is
//! the key order of the files the tool writes.

mod activity;
pub mod country;
mod date;
pub mod fold;
mod lang;
pub mod limits;
mod participation;
mod programme;
mod totals;
pub mod translation;
pub mod vocabulary;

pub use activity::{
    Activity, Footnote, Format, Kind, Note, Output, Participant, Role, Status, parse_previous,
};
pub use country::{Country, UnknownCountry};
pub use date::Date;
pub use lang::Lang;
pub use participation::{CountryShare, Organisation, OrganisationShare, Participation};
pub use programme::{Area, IatiPublisher, Programme, Project, WorkProgramme};
pub use totals::{Breakdown, Completion, Totals};
pub use translation::{Shown, Standing, Text, Translatable, Translate, Translation, Translations};
pub use vocabulary::Vocabulary;

/// A year's programme file together with its activities, as loaded from disk.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    /// The contents of `programme.toml`.
    pub programme: WorkProgramme,
    /// Every activity, in code order.
    pub activities: Vec<Activity>,
}

impl Plan {
    /// The activity with this code, if any.
    pub fn activity(&self, code: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.code == code)
    }

    /// The totals the foreword quotes, computed from the activities.
    pub fn totals(&self) -> Totals {
        Totals::of(self)
    }

    /// Who took part in every activity: countries (Member States apart) and organisations.
    pub fn participation(&self) -> Participation {
        Participation::of(&self.activities, &self.programme.member_states)
    }
}

/// Sorts activity codes the way a reader expects: `I.1.2` < `I.1.10` < `II.1.1`.
pub fn code_sort_key(code: &str) -> Vec<(u32, String)> {
    code.split('.')
        .map(|part| {
            let number = roman_value(part)
                .or_else(|| part.parse().ok())
                .unwrap_or(u32::MAX);
            (number, part.to_string())
        })
        .collect()
}

/// The value of a roman numeral made of I, V and X (area codes), if `text` is one.
fn roman_value(text: &str) -> Option<u32> {
    if text.is_empty() || !text.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let digit = |c| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let digits: Vec<u32> = text.chars().map(digit).collect();
    let mut total = 0;
    for (i, value) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(next) if next > value => total -= *value as i64,
            _ => total += *value as i64,
        }
    }
    u32::try_from(total).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_sort_numerically_and_by_roman_area() {
        let mut codes = vec!["II.1.1", "I.1.10", "III.1.2", "I.1.2", "I.2.1", "IV.1.1"];
        codes.sort_by_key(|c| code_sort_key(c));
        assert_eq!(
            codes,
            ["I.1.2", "I.1.10", "I.2.1", "II.1.1", "III.1.2", "IV.1.1"]
        );
    }
}
