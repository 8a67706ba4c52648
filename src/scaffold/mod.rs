//! What `programa init` writes into a new programme repository: a year's skeleton (a
//! `programme.toml` and one commented example activity), the staff's README, `.gitignore`, and
//! the CI files of GitHub Actions and GitLab CI. Plain text, no IO: the caller writes it.

use std::path::PathBuf;

use crate::store::{ACTIVITIES_DIR, PROGRAMME_DIR, PROGRAMME_FILE};

/// The path of the GitHub Actions workflow.
pub const GITHUB_WORKFLOW: &str = ".github/workflows/programa.yml";

/// The path of the GitLab CI configuration.
pub const GITLAB_CI: &str = ".gitlab-ci.yml";

/// One file to write: its path relative to the repository, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    /// Where, relative to the repository's root.
    pub path: PathBuf,
    /// What.
    pub text: String,
}

/// Every file of a new repository whose programme starts in `year`, carried out by
/// `organisation`; the CI installs programa `version`.
pub fn repository(year: i32, organisation: &str, version: &str) -> Vec<NewFile> {
    let year_dir = PathBuf::from(PROGRAMME_DIR).join(year.to_string());
    let fill = |template: &str| {
        template
            .replace("{{year}}", &year.to_string())
            .replace("{{next_year}}", &(year + 1).to_string())
            .replace("{{organisation}}", &toml_string(organisation))
            .replace("{{organisation_text}}", organisation)
    };
    let mut files = vec![
        NewFile {
            path: year_dir.join(PROGRAMME_FILE),
            text: fill(include_str!("programme.toml")),
        },
        NewFile {
            path: year_dir.join(ACTIVITIES_DIR).join("I.1.1.toml"),
            text: fill(include_str!("activity.toml")),
        },
        NewFile {
            path: PathBuf::from("README.md"),
            text: fill(include_str!("staff-readme.md")),
        },
        NewFile {
            path: PathBuf::from(".gitignore"),
            text: include_str!("gitignore").to_string(),
        },
    ];
    files.extend(ci(version));
    files
}

/// The CI files: a GitHub Actions workflow and a GitLab CI configuration that install
/// programa `version`.
pub fn ci(version: &str) -> Vec<NewFile> {
    let fill = |template: &str, indent: &str| {
        let install: Vec<String> = include_str!("install.sh")
            .lines()
            .map(|line| format!("{indent}{line}"))
            .collect();
        template
            .replace("{{version}}", version)
            .replace("{{install}}", &install.join("\n"))
    };
    vec![
        NewFile {
            path: PathBuf::from(GITHUB_WORKFLOW),
            text: fill(include_str!("github.yml"), "          "),
        },
        NewFile {
            path: PathBuf::from(GITLAB_CI),
            text: fill(include_str!("gitlab-ci.yml"), "      "),
        },
    ]
}

/// `text` as a TOML basic string, quotes and escapes included.
fn toml_string(text: &str) -> String {
    toml_edit::Value::from(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisation_with_quotes_stays_one_toml_string() {
        let files = repository(2027, "The \"Big\" Secretariat", "1.0.0");
        let programme: toml::Table = toml::from_str(&files[0].text).expect("programme.toml parses");
        assert_eq!(
            programme["organisation"].as_str(),
            Some("The \"Big\" Secretariat")
        );
        assert_eq!(programme["year"].as_integer(), Some(2027));
    }

    #[test]
    fn the_ci_files_install_the_version_given() {
        for file in ci("9.8.7") {
            assert!(
                file.text.contains("PROGRAMA_VERSION: \"9.8.7\""),
                "{}",
                file.path.display()
            );
            let placeholders = file.text.replace("${{", "");
            assert!(
                !placeholders.contains("{{"),
                "{} has a placeholder left",
                file.path.display()
            );
        }
    }
}
