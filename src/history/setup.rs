//! The git drivers of programme files: `.gitattributes` lines that send them through
//! `programa diff-driver` for diffs and `programa merge-file` for merges, and their
//! `diff.programa.*` and `merge.programa.*` settings in the repository's configuration.
//!
//! The diff driver is an external one (`diff.programa.command`), not a `textconv`: git runs an
//! external driver only to show a diff, while a textconv also replaces the file's lines for
//! `git blame`, and makes the output of `git diff` a patch that does not apply.

use serde::Serialize;

use super::{Repo, Result};
use crate::store::{PROGRAMME_DIR, StoreError, write::atomic_write};

/// The drivers' name, as `.gitattributes` and `.git/config` spell it.
pub const DRIVER: &str = "programa";

/// What git says the merge driver is (`merge.programa.name`).
const MERGE_NAME: &str = "programa: merge programme files field by field";

/// Settings of earlier versions' diff driver, a textconv, taken out.
const FORMER_SETTINGS: [&str; 2] = ["textconv", "xfuncname"];

/// What `git-setup` changed; empty lists when everything was in place already.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SetupReport {
    /// Lines added to `.gitattributes`.
    pub attributes_added: Vec<String>,
    /// Settings written: (key, value).
    pub settings: Vec<(String, String)>,
    /// Settings taken out.
    pub removed: Vec<String>,
}

impl SetupReport {
    /// Whether nothing needed changing.
    pub fn is_empty(&self) -> bool {
        self.attributes_added.is_empty() && self.settings.is_empty() && self.removed.is_empty()
    }
}

impl Repo {
    /// Makes `git diff` show programme files through `diff` (an external diff driver's command
    /// line, which git completes with its seven or nine arguments), and git's merges merge
    /// them through `merge` (a merge driver's command line, with git's `%O %A %B…`). Changes
    /// only what is missing or different, and takes out an earlier textconv.
    pub fn setup_drivers(&self, diff: &str, merge: &str) -> Result<SetupReport> {
        let mut report = SetupReport::default();
        let path = self.workdir().join(".gitattributes");
        let existing = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(error) => return Err(StoreError::io("cannot read", &path)(error).into()),
        };
        let files = format!("{}{PROGRAMME_DIR}/**/*.toml", self.prefix);
        let wanted = [
            format!("{files} diff={DRIVER}"),
            format!("{files} merge={DRIVER}"),
        ];
        let mut text = existing.clone();
        for line in wanted {
            if !existing.lines().any(|l| l.trim() == line) {
                if !text.is_empty() && !text.ends_with('\n') {
                    text.push('\n');
                }
                text.push_str(&line);
                text.push('\n');
                report.attributes_added.push(line);
            }
        }
        if text != existing {
            atomic_write(&path, &text)?;
        }

        let mut config = self.git.config()?.open_level(git2::ConfigLevel::Local)?;
        let settings = [
            (format!("diff.{DRIVER}.command"), diff.to_string()),
            (format!("merge.{DRIVER}.name"), MERGE_NAME.to_string()),
            (format!("merge.{DRIVER}.driver"), merge.to_string()),
        ];
        for (key, value) in settings {
            if config.get_string(&key).ok().as_deref() != Some(value.as_str()) {
                config.set_str(&key, &value)?;
                report.settings.push((key, value));
            }
        }
        for name in FORMER_SETTINGS {
            let key = format!("diff.{DRIVER}.{name}");
            if config.get_entry(&key).is_ok() {
                config.remove(&key)?;
                report.removed.push(key);
            }
        }
        Ok(report)
    }
}

/// `path` quoted for the POSIX shell git runs a driver's command line with.
pub fn shell_quote(path: &str) -> String {
    let plain = path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/._-+:@%".contains(&b));
    if plain && !path.is_empty() {
        path.to_string()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_it() {
        assert_eq!(shell_quote("/usr/bin/programa"), "/usr/bin/programa");
        assert_eq!(shell_quote("/home/a b/programa"), "'/home/a b/programa'");
        assert_eq!(shell_quote("/it's/programa"), "'/it'\\''s/programa'");
    }
}
