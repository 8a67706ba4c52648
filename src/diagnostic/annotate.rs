//! Findings as CI services show them on the lines they point at: GitHub Actions' workflow
//! commands (`::error file=…,line=…,col=…::message`) and GitLab's code quality report.

use std::io::{self, Write};

use serde::Serialize;

use super::render::{Files, Location};
use super::{Finding, Severity};
use crate::output::escape_line;

/// Writes one GitHub Actions workflow command per finding, which the service shows as an
/// annotation on the line (`::error`, `::warning`, `::notice`); the hint follows the message.
pub fn write_github(out: &mut dyn Write, findings: &[Finding], files: &Files) -> io::Result<()> {
    for finding in findings {
        let command = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut properties = vec![format!("title={}", github_property(finding.code))];
        if let Some(file) = &finding.file {
            properties.push(format!(
                "file={}",
                github_property(&file.display().to_string())
            ));
        }
        if let Some(Location {
            line,
            column,
            end_line,
            end_column,
        }) = files.locate(finding)
        {
            properties.push(format!("line={line},col={column}"));
            // GitHub takes a column range only within one line.
            if end_line == line {
                properties.push(format!("endColumn={end_column}"));
            } else {
                properties.push(format!("endLine={end_line}"));
            }
        }
        let mut message = finding.message.clone();
        if let Some(hint) = &finding.hint {
            message.push_str("\nhint: ");
            message.push_str(hint);
        }
        writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            github_data(&message)
        )?;
    }
    Ok(())
}

/// A workflow command's message: `%`, carriage returns and line breaks encoded as GitHub asks,
/// every other character that would act on a terminal escaped.
fn github_data(text: &str) -> String {
    let encoded = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    escape_line(&encoded).into_owned()
}

/// A workflow command's property value: as [`github_data`], and `:` and `,` encoded too.
fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One issue of a GitLab code quality report (the subset of Code Climate's format GitLab reads).
#[derive(Debug, Serialize)]
pub struct CodeQualityIssue {
    /// What is wrong, and the hint.
    pub description: String,
    /// The kind of finding.
    pub check_name: &'static str,
    /// A stable identity of the issue, so that GitLab tells new issues from fixed ones.
    pub fingerprint: String,
    /// `blocker`, `critical`, `major`, `minor` or `info`.
    pub severity: &'static str,
    /// Where.
    pub location: CodeQualityLocation,
}

/// Where a code quality issue is.
#[derive(Debug, Serialize)]
pub struct CodeQualityLocation {
    /// The file, relative to the repository.
    pub path: String,
    /// The lines.
    pub lines: CodeQualityLines,
}

/// The first line of a code quality issue.
#[derive(Debug, Serialize)]
pub struct CodeQualityLines {
    /// 1-based.
    pub begin: usize,
}

/// The findings as a GitLab code quality report: errors are `major`, warnings `minor` and
/// notes `info`. A finding in no file is put on the first line of `fallback_path`.
pub fn code_quality(
    findings: &[Finding],
    files: &Files,
    fallback_path: &str,
) -> Vec<CodeQualityIssue> {
    findings
        .iter()
        .map(|finding| {
            let path = finding
                .file
                .as_ref()
                .map_or_else(|| fallback_path.to_string(), |f| f.display().to_string());
            let line = files.locate(finding).map_or(1, |l| l.line);
            let mut description = finding.message.clone();
            if let Some(hint) = &finding.hint {
                description.push_str(" (hint: ");
                description.push_str(hint);
                description.push(')');
            }
            CodeQualityIssue {
                fingerprint: fingerprint(&[finding.code, &path, &finding.message]),
                check_name: finding.code,
                severity: match finding.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Note => "info",
                },
                description,
                location: CodeQualityLocation {
                    path,
                    lines: CodeQualityLines { begin: line },
                },
            }
        })
        .collect()
}

/// FNV-1a (64 bits) of the parts, as 16 hexadecimal digits: stable across runs, versions and
/// machines, as a fingerprint must be (a moved line keeps its issue).
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_encode_what_github_reads_as_syntax() {
        assert_eq!(github_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(github_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(
            github_data("evil \u{1b}]0;x\u{7}"),
            "evil \\u{1b}]0;x\\u{7}"
        );
    }

    #[test]
    fn fingerprints_are_stable_and_tell_issues_apart() {
        assert_eq!(fingerprint(&["a", "b"]), fingerprint(&["a", "b"]));
        assert_ne!(fingerprint(&["ab", ""]), fingerprint(&["a", "b"]));
        assert_eq!(fingerprint(&[]), "cbf29ce484222325");
    }
}
