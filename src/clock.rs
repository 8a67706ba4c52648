//! The wall clock, read in this one place so that every date the tool writes can be pinned.
//!
//! Set `PROGRAMA_TODAY=2021-06-01` to make the tool believe that is today: tests use it, and so
//! can anyone who records something after the fact.

use crate::model::Date;

/// The environment variable that overrides today's date (`YYYY-MM-DD`).
pub const TODAY_VAR: &str = "PROGRAMA_TODAY";

/// `PROGRAMA_TODAY` is set but is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{TODAY_VAR}={value} is not a date (expected YYYY-MM-DD)")]
pub struct ClockError {
    /// The variable's value.
    pub value: String,
}

/// Today's date: `PROGRAMA_TODAY` when it is set and not empty, else the local calendar day.
pub fn today() -> Result<Date, ClockError> {
    match std::env::var(TODAY_VAR) {
        Ok(value) if !value.trim().is_empty() => {
            value.trim().parse().map_err(|_| ClockError { value })
        }
        _ => Ok(calendar_day()),
    }
}

/// The local calendar day, whatever `PROGRAMA_TODAY` says.
pub fn calendar_day() -> Date {
    Date(chrono::Local::now().date_naive())
}
