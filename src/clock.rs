//! The wall clock, read in this one place so that every date the tool writes can be pinned.
//!
//! Set `PROGRAMA_TODAY=2021-06-01` to make the tool believe that is today: tests use it, and so
//! can anyone who records something after the fact.

use crate::model::Date;

/// The environment variable that overrides today's date (`YYYY-MM-DD`).
pub const TODAY_VAR: &str = "PROGRAMA_TODAY";

/// `PROGRAMA_TODAY` is set but is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockError {
    /// The variable's value.
    pub value: String,
}

/// In the interface language.
impl std::fmt::Display for ClockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::tr!(
            "cli-bad-today",
            var = TODAY_VAR,
            value = self.value.as_str()
        ))
    }
}

impl std::error::Error for ClockError {}

/// Today's date: `PROGRAMA_TODAY` when it is set and not empty, else the local calendar day.
pub fn today() -> Result<Date, ClockError> {
    match std::env::var(TODAY_VAR) {
        Ok(value) if !value.trim().is_empty() => {
            value.trim().parse().map_err(|_| ClockError { value })
        }
        _ => Ok(calendar_day()),
    }
}

/// The moment, in UTC, as an XML Schema `dateTime` (`2021-06-20T14:03:09Z`): for a file that
/// says when it was made. With `PROGRAMA_TODAY` set, the start of that day, so that such a
/// file can be pinned too.
pub fn timestamp() -> Result<String, ClockError> {
    let now = match std::env::var(TODAY_VAR) {
        Ok(value) if !value.trim().is_empty() => {
            let day: Date = value.trim().parse().map_err(|_| ClockError { value })?;
            day.0.and_time(chrono::NaiveTime::MIN).and_utc()
        }
        _ => chrono::Utc::now(),
    };
    Ok(now.format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

/// The local calendar day, whatever `PROGRAMA_TODAY` says.
pub fn calendar_day() -> Date {
    Date(chrono::Local::now().date_naive())
}
