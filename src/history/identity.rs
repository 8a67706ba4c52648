//! The user's git identity, resolved as git resolves it: the `GIT_AUTHOR_*` and
//! `GIT_COMMITTER_*` variables first, then `author.*`/`committer.*` and `user.*` in the
//! configuration, then `EMAIL`; so scripts and CI that set them get what plain git gives them.

use std::path::PathBuf;

use chrono::DateTime;

use super::{HistoryError, Repo, Result};

/// Whose identity: the author of a change or the committer who records it (and tags).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Wrote the change: `GIT_AUTHOR_*`, `author.*`.
    Author,
    /// Recorded it: `GIT_COMMITTER_*`, `committer.*`.
    Committer,
}

impl Role {
    fn word(self) -> &'static str {
        match self {
            Role::Author => "AUTHOR",
            Role::Committer => "COMMITTER",
        }
    }
}

/// A name, an email and a time, ready to sign a commit or tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    /// The name.
    pub name: String,
    /// The email.
    pub email: String,
    /// Seconds since the epoch and offset in minutes; `None` for now.
    pub time: Option<(i64, i32)>,
}

impl Identity {
    /// The signature git2 writes.
    pub(crate) fn signature(&self) -> Result<git2::Signature<'static>> {
        Ok(match self.time {
            Some((seconds, offset)) => {
                git2::Signature::new(&self.name, &self.email, &git2::Time::new(seconds, offset))?
            }
            None => git2::Signature::now(&self.name, &self.email)?,
        })
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl Repo {
    /// The configuration git would read: system (unless `GIT_CONFIG_NOSYSTEM`), global
    /// (`GIT_CONFIG_GLOBAL`, or `~/.gitconfig` and the XDG file), and the repository's own.
    pub(crate) fn config(&self) -> Result<git2::Config> {
        if var("GIT_CONFIG_GLOBAL").is_none() && var("GIT_CONFIG_NOSYSTEM").is_none() {
            return Ok(self.git.config()?);
        }
        let mut config = git2::Config::new()?;
        let nosystem = var("GIT_CONFIG_NOSYSTEM").is_some_and(|v| v != "0" && v != "false");
        if !nosystem && let Ok(path) = git2::Config::find_system() {
            config.add_file(&path, git2::ConfigLevel::System, false)?;
        }
        match var("GIT_CONFIG_GLOBAL") {
            Some(path) => {
                let path = PathBuf::from(path);
                if path.is_file() {
                    config.add_file(&path, git2::ConfigLevel::Global, false)?;
                }
            }
            None => {
                if let Ok(path) = git2::Config::find_xdg() {
                    config.add_file(&path, git2::ConfigLevel::XDG, false)?;
                }
                if let Ok(path) = git2::Config::find_global() {
                    config.add_file(&path, git2::ConfigLevel::Global, false)?;
                }
            }
        }
        let local = self.git.path().join("config");
        if local.is_file() {
            config.add_file(&local, git2::ConfigLevel::Local, false)?;
        }
        Ok(config)
    }

    /// The identity for `role`, or a [`HistoryError::NoIdentity`] naming what is missing.
    pub fn identity(&self, role: Role) -> Result<Identity> {
        let config = self.config()?;
        let get = |key: &str| config.get_string(key).ok().filter(|v| !v.is_empty());
        let word = role.word();
        let lower = word.to_lowercase();
        let name = var(&format!("GIT_{word}_NAME"))
            .or_else(|| get(&format!("{lower}.name")))
            .or_else(|| get("user.name"));
        let email = var(&format!("GIT_{word}_EMAIL"))
            .or_else(|| get(&format!("{lower}.email")))
            .or_else(|| get("user.email"))
            .or_else(|| var("EMAIL"));
        let (name, email) = match (name, email) {
            (Some(name), Some(email)) => (name, email),
            (name, email) => {
                let mut missing = Vec::new();
                if name.is_none() {
                    missing.push("user.name");
                }
                if email.is_none() {
                    missing.push("user.email");
                }
                return Err(HistoryError::NoIdentity {
                    missing: missing.join(" and "),
                });
            }
        };
        let variable = match role {
            Role::Author => "GIT_AUTHOR_DATE",
            Role::Committer => "GIT_COMMITTER_DATE",
        };
        let time = match var(variable) {
            Some(value) => Some(parse_git_date(&value).ok_or(HistoryError::BadDate {
                variable,
                value: value.clone(),
            })?),
            None => None,
        };
        Ok(Identity { name, email, time })
    }
}

/// Reads a date in the forms git documents for `GIT_AUTHOR_DATE`: its internal form
/// (`1623830400 +0200`, optionally with `@`), RFC 2822 and ISO 8601 (with `T` or a space; without
/// an offset, in the local time zone, as git reads it).
/// Returns seconds since the epoch and the offset in minutes.
pub fn parse_git_date(text: &str) -> Option<(i64, i32)> {
    let text = text.trim();
    let internal = text.strip_prefix('@').unwrap_or(text);
    if let Some((seconds, zone)) = internal.split_once(' ')
        && let Ok(seconds) = seconds.parse::<i64>()
    {
        return Some((seconds, parse_zone(zone)?));
    }
    if let Ok(seconds) = internal.parse::<i64>()
        && text.starts_with('@')
    {
        return Some((seconds, 0));
    }
    let parsed = DateTime::parse_from_rfc2822(text)
        .or_else(|_| DateTime::parse_from_rfc3339(text))
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S %z"))
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%z"))
        .or_else(|_| DateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%z"))
        .ok()
        .or_else(|| local_date(text))?;
    Some((parsed.timestamp(), parsed.offset().local_minus_utc() / 60))
}

/// An ISO 8601 date and time without an offset, which git reads in the local time zone.
fn local_date(text: &str) -> Option<DateTime<chrono::FixedOffset>> {
    use chrono::TimeZone as _;
    let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S"))
        .ok()?;
    let local = chrono::Local.from_local_datetime(&naive).earliest()?;
    Some(local.fixed_offset())
}

/// `+0200` → 120, `-0430` → -270.
fn parse_zone(zone: &str) -> Option<i32> {
    let zone = zone.trim();
    let (sign, digits) = match zone.as_bytes().first()? {
        b'+' => (1, &zone[1..]),
        b'-' => (-1, &zone[1..]),
        _ => return None,
    };
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i32 = digits[..2].parse().ok()?;
    let minutes: i32 = digits[2..].parse().ok()?;
    Some(sign * (hours * 60 + minutes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_date_forms_git_accepts() {
        assert_eq!(
            parse_git_date("1623830400 +0200"),
            Some((1_623_830_400, 120))
        );
        assert_eq!(
            parse_git_date("@1623830400 -0430"),
            Some((1_623_830_400, -270))
        );
        assert_eq!(parse_git_date("@1623830400"), Some((1_623_830_400, 0)));
        assert_eq!(
            parse_git_date("2021-06-16T10:00:00+02:00"),
            Some((1_623_830_400, 120))
        );
        assert_eq!(
            parse_git_date("2021-06-16 10:00:00 +0200"),
            Some((1_623_830_400, 120))
        );
        assert_eq!(
            parse_git_date("Wed, 16 Jun 2021 10:00:00 +0200"),
            Some((1_623_830_400, 120))
        );
        // Without an offset git takes the local time zone; the instant then depends on it,
        // but the same text with and without `T` is the same instant.
        let local = parse_git_date("2021-06-16T10:00:00").expect("a local date");
        assert_eq!(parse_git_date("2021-06-16 10:00:00"), Some(local));
        assert_eq!(local.0 + i64::from(local.1) * 60, 1_623_837_600);
        assert_eq!(parse_git_date("yesterday"), None);
        assert_eq!(parse_git_date("1623830400 CET"), None);
    }
}
