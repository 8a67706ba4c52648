//! The check a year goes through before it leaves the tool as a document or an export: no
//! unresolved merge conflict, and no error `programa check` would report. A draft of a
//! document may pass errors, never values beyond the size limits.

use super::CliError;
use crate::diagnostic::Finding;
use crate::model::Plan;
use crate::render::Draft;
use crate::store::Loaded;

/// What the year is checked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Purpose {
    /// `compile`: `draft` when `--draft` lets errors through.
    Compile { draft: bool },
    /// `export`.
    Export,
}

/// The plan of loaded files, checked as `programa check` checks it, refused when it has an
/// unresolved conflict or an error (unless `purpose` is a draft); `at` says where the files
/// were read (" at v1", or nothing for the files as they are). With the plan comes the draft's
/// count of findings, when errors were let through.
pub(super) fn checked(
    loaded: Loaded,
    at: &str,
    purpose: Purpose,
) -> Result<(Plan, Option<Draft>), CliError> {
    let year = loaded.year.to_string();
    let purpose_word = match purpose {
        Purpose::Compile { .. } => "compile",
        Purpose::Export => "export",
    };
    // Not even a draft: which side of a conflict holds the truth is for people to decide.
    if loaded.has_conflicts() {
        let files: Vec<String> = loaded
            .conflicted_files()
            .iter()
            .map(|f| f.display().to_string())
            .collect();
        return Err(CliError::new(crate::tr!(
            "cli-gate-conflict",
            year = year.as_str(),
            at = at,
            files = files.join(", "),
            purpose = purpose_word
        ))
        .hint(crate::tr!("cli-gate-conflict-hint"))
        .with_findings(loaded.findings, loaded.sources));
    }
    let mut findings = loaded.findings.clone();
    findings.extend(crate::validate::validate(&loaded));
    let errors = findings.iter().filter(|f| f.is_error()).count();
    if errors == 0 {
        return Ok((loaded.plan, None));
    }
    let beyond_limits = findings.iter().any(Finding::is_beyond_limits);
    if purpose == (Purpose::Compile { draft: true }) && !beyond_limits {
        let warning = crate::tr!(
            "cli-gate-draft",
            year = year.as_str(),
            at = at,
            errors = errors
        );
        eprintln!("warning: {warning}");
        let draft = Draft {
            findings: findings.len(),
            errors,
        };
        return Ok((loaded.plan, Some(draft)));
    }
    let files = crate::diagnostic::render::Files::new(
        loaded
            .sources
            .iter()
            .map(|s| (s.path.as_path(), s.text.as_str())),
    );
    files.sort(&mut findings);
    let hint = match purpose {
        Purpose::Compile { .. } if beyond_limits => crate::tr!("cli-gate-hint-limits"),
        Purpose::Compile { .. } => crate::tr!("cli-gate-hint-draft"),
        Purpose::Export => crate::tr!("cli-gate-hint-export"),
    };
    Err(CliError::new(crate::tr!(
        "cli-gate-errors",
        year = year.as_str(),
        at = at,
        errors = errors,
        purpose = purpose_word
    ))
    .hint(hint)
    .with_findings(findings, loaded.sources))
}
