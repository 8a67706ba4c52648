//! A calendar date as written in programme files: `2021-03-15`.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day. Files may write it as a TOML date (`2021-03-15`) or a string
/// (`"2021-03-15"`); the tool writes strings, which every JSON Schema tool understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

impl Date {
    /// The date of year, month and day, if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(Date)
    }

    /// The day a mistyped date probably means, when one is clear enough to suggest:
    /// `2021-6-1`, `2021/06/01` and `1/6/2021` (day first, as Spanish writes it) mean
    /// `2021-06-01`; a day past the end of its month (`2021-02-30`) means the month's last day.
    pub fn meant_by(text: &str) -> Option<Self> {
        let parts: Vec<&str> = text
            .trim()
            .split(['-', '/', '.', ' '])
            .filter(|part| !part.is_empty())
            .collect();
        let numeric = |part: &&str| part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit());
        let [first, second, third] = parts[..] else {
            return None;
        };
        if !parts.iter().all(numeric) {
            return None;
        }
        let (year, month, day) = if first.len() == 4 {
            (first, second, third)
        } else if third.len() == 4 {
            (third, second, first)
        } else {
            return None;
        };
        let (year, month, day): (i32, u32, u32) =
            (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
        if day == 0 || day > 31 {
            return None;
        }
        Date::from_ymd(year, month, day).or_else(|| {
            (28..day)
                .rev()
                .find_map(|last| Date::from_ymd(year, month, last))
        })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date `{text}` (expected YYYY-MM-DD, a day that exists)")]
pub struct DateError {
    /// The text that was given.
    pub text: String,
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let well_formed =
            text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .filter(|_| well_formed)
            .map(Date)
            .ok_or_else(|| DateError {
                text: text.to_string(),
            })
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(DateVisitor)
    }
}

struct DateVisitor;

impl<'de> Visitor<'de> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date such as 2021-03-15")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Date, E> {
        text.parse().map_err(E::custom)
    }

    /// TOML's own date values reach serde as a one-entry map.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Date, A::Error> {
        let datetime =
            toml::value::Datetime::deserialize(de::value::MapAccessDeserializer::new(map))?;
        datetime.to_string().parse().map_err(de::Error::custom)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_day_a_mistyped_date_means() {
        let meant = |text| Date::meant_by(text).map(|d| d.to_string());
        assert_eq!(meant("2021-6-1").as_deref(), Some("2021-06-01"));
        assert_eq!(meant("2021/06/01").as_deref(), Some("2021-06-01"));
        assert_eq!(meant("1/6/2021").as_deref(), Some("2021-06-01"));
        assert_eq!(meant("2021-02-30").as_deref(), Some("2021-02-28"));
        assert_eq!(meant("2020-02-31").as_deref(), Some("2020-02-29"));
        assert_eq!(meant("2021-13-01"), None);
        assert_eq!(meant("2021-02-40"), None);
        assert_eq!(meant("tomorrow"), None);
        assert_eq!(meant("21-6-1"), None);
    }

    proptest::proptest! {
        /// Whatever is typed, the suggestion is a day that exists or none, without a panic; and
        /// any day written without leading zeros, with slashes or day first, means that day.
        #[test]
        fn any_text_suggests_a_real_day_or_none(text in "\\PC{0,24}") {
            if let Some(day) = Date::meant_by(&text) {
                proptest::prop_assert_eq!(day.to_string().parse::<Date>(), Ok(day));
            }
        }

        #[test]
        fn a_day_written_loosely_means_itself(days in 0i64..200_000, form in 0..3usize) {
            let day = Date(NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or_default()
                + chrono::Duration::days(days));
            let (y, m, d) = (day.0.format("%Y"), day.0.format("%-m"), day.0.format("%-d"));
            let text = match form {
                0 => format!("{y}-{m}-{d}"),
                1 => format!("{y}/{m}/{d}"),
                _ => format!("{d}/{m}/{y}"),
            };
            proptest::prop_assert_eq!(Date::meant_by(&text), Some(day), "{}", text);
        }
    }

    #[derive(Deserialize)]
    struct Holder {
        day: Date,
    }

    #[test]
    fn reads_toml_dates_and_strings() {
        let native: Holder = toml::from_str("day = 2021-03-15").expect("native date");
        let text: Holder = toml::from_str("day = \"2021-03-15\"").expect("string date");
        assert_eq!(native.day, text.day);
        assert_eq!(native.day.to_string(), "2021-03-15");
    }

    #[test]
    fn refuses_days_that_do_not_exist_and_times() {
        assert!("2021-02-30".parse::<Date>().is_err());
        assert!("2021-3-5".parse::<Date>().is_err());
        assert!(toml::from_str::<Holder>("day = 2021-03-15T10:00:00").is_err());
    }
}
