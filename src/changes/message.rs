//! Commit messages that say what changed: a summary line of at most 72 characters, the
//! details per activity in the body. They are written in English whatever the interface
//! language, as git writes its own: they stay in the repository, read by the whole team.

use super::{ChangeKind, PlanChanges, ProgrammeChange};
use crate::model::Lang;

/// The longest summary line git tools show without cutting.
pub const SUMMARY_LIMIT: usize = 72;

/// A commit message for changes to one or more years ("I.1.1: status planned → completed;
/// II.3.2: +3 participants from 2 countries"). Years are named only when there are several.
pub fn commit_message(years: &[(i32, PlanChanges)]) -> String {
    let (lines, codes) = change_lines(years);
    if let [(year, changes)] = years
        && matches!(
            changes.programme.as_slice(),
            [ProgrammeChange::Created { .. }]
        )
        && changes
            .activities
            .iter()
            .all(|c| c.kind == ChangeKind::Added)
    {
        let count = changes.activities.len();
        let summary = format!(
            "Create the programme for {year} with {count} activit{}",
            if count == 1 { "y" } else { "ies" }
        );
        let body: Vec<String> = lines.iter().map(|line| format!("- {line}")).collect();
        return format!("{summary}\n\n{}\n", body.join("\n"));
    }
    if lines.is_empty() {
        return "Update programme files (layout only, no change in content)".to_string();
    }
    let joined = lines.join("; ");
    if joined.chars().count() <= SUMMARY_LIMIT {
        return joined;
    }
    let summary = if lines.len() == 1 {
        single_summary(years)
    } else {
        several_summary(&codes)
    };
    let body: Vec<String> = lines.iter().map(|line| format!("- {line}")).collect();
    format!("{summary}\n\n{}\n", body.join("\n"))
}

/// The message of a commit that concludes a merge: what was merged (git's own line, such as
/// "Merge branch 'other'"), then what the merge changes in the programme, one line each.
pub fn merge_message(merging: &str, years: &[(i32, PlanChanges)]) -> String {
    let (lines, _) = change_lines(years);
    if lines.is_empty() {
        return format!("{merging}\n");
    }
    let body: Vec<String> = lines.iter().map(|line| format!("- {line}")).collect();
    format!("{merging}\n\n{}\n", body.join("\n"))
}

/// One line per changed programme file or activity ("I.1.1: status planned → completed"),
/// and the label of each (its code, with the year when there are several).
fn change_lines(years: &[(i32, PlanChanges)]) -> (Vec<String>, Vec<String>) {
    let several = years.len() > 1;
    let mut lines = Vec::new();
    let mut codes = Vec::new();
    for (year, changes) in years {
        let label = |what: &str| {
            if several {
                format!("{year} {what}")
            } else {
                what.to_string()
            }
        };
        if !changes.programme.is_empty() {
            let phrases: Vec<String> = changes
                .programme
                .iter()
                .map(|change| change.phrase(Lang::En))
                .collect();
            lines.push(format!("{}: {}", label("programme"), phrases.join("; ")));
            codes.push(label("programme"));
        }
        for change in &changes.activities {
            lines.push(format!(
                "{}: {}",
                label(&change.code),
                change.phrases_in(Lang::En).join("; ")
            ));
            codes.push(label(&change.code));
        }
    }
    (lines, codes)
}

/// The summary of one changed activity (or the programme file) whose details are too long:
/// its first change and how many more.
fn single_summary(years: &[(i32, PlanChanges)]) -> String {
    let (code, phrases) = years
        .iter()
        .find_map(|(_, changes)| {
            let first = changes.activities.first()?;
            Some((first.code.clone(), first.phrases_in(Lang::En)))
        })
        .or_else(|| {
            years.iter().find_map(|(_, changes)| {
                let phrases: Vec<String> = changes
                    .programme
                    .iter()
                    .map(|change| change.phrase(Lang::En))
                    .collect();
                (!phrases.is_empty()).then(|| ("programme".to_string(), phrases))
            })
        })
        .unwrap_or_default();
    let first = phrases.first().cloned().unwrap_or_default();
    let more = phrases.len().saturating_sub(1);
    let candidate = match more {
        0 => format!("{code}: {first}"),
        1 => format!("{code}: {first} and 1 more change"),
        n => format!("{code}: {first} and {n} more changes"),
    };
    if candidate.chars().count() <= SUMMARY_LIMIT {
        candidate
    } else {
        format!("Update {code}")
    }
}

/// "Update I.1.1, I.1.2, II.3.2 and 4 more", as many codes as fit.
fn several_summary(codes: &[String]) -> String {
    let mut shown = codes.len();
    loop {
        let rest = codes.len() - shown;
        let list = codes[..shown].join(", ");
        let text = match rest {
            0 if shown > 1 => {
                let (init, last) = codes.split_at(shown - 1);
                format!("Update {} and {}", init.join(", "), last.join(""))
            }
            0 => format!("Update {list}"),
            n => format!("Update {list} and {n} more"),
        };
        if text.chars().count() <= SUMMARY_LIMIT || shown <= 1 {
            return text;
        }
        shown -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::changes::{ActivityChange, ChangeKind, FieldChange};
    use crate::model::Status;

    fn change(code: &str, fields: Vec<FieldChange>) -> ActivityChange {
        ActivityChange {
            code: code.to_string(),
            title: String::new(),
            kind: ChangeKind::Modified,
            fields,
        }
    }

    fn status() -> FieldChange {
        FieldChange::Status {
            from: Status::Planned,
            to: Status::Completed,
        }
    }

    fn progress(to: u8) -> FieldChange {
        FieldChange::Progress { from: 0, to }
    }

    #[test]
    fn short_changes_fit_in_the_summary() {
        let changes = PlanChanges {
            programme: Vec::new(),
            activities: vec![change("I.1.1", vec![status()])],
        };
        assert_eq!(
            commit_message(&[(2021, changes)]),
            "I.1.1: status planned → completed"
        );
    }

    #[test]
    fn long_changes_go_to_the_body() {
        let changes = PlanChanges {
            programme: Vec::new(),
            activities: vec![
                change("I.1.1", vec![status(), progress(100)]),
                change("I.1.2", vec![progress(40)]),
                change("II.3.2", vec![status()]),
            ],
        };
        let message = commit_message(&[(2021, changes)]);
        assert_eq!(
            message,
            "Update I.1.1, I.1.2 and II.3.2\n\n\
             - I.1.1: status planned → completed; progress 0% → 100%\n\
             - I.1.2: progress 0% → 40%\n\
             - II.3.2: status planned → completed\n"
        );
        assert!(message.lines().all(|l| l.chars().count() <= SUMMARY_LIMIT));
    }

    #[test]
    fn many_codes_are_cut_to_fit() {
        let codes: Vec<String> = (1..=30).map(|i| format!("II.3.{i}")).collect();
        let summary = several_summary(&codes);
        assert!(summary.chars().count() <= SUMMARY_LIMIT, "{summary}");
        assert!(summary.ends_with("more"), "{summary}");
    }

    #[test]
    fn one_long_activity_names_its_first_change() {
        let fields = vec![status(), progress(100), progress(100), progress(100)];
        let changes = PlanChanges {
            programme: Vec::new(),
            activities: vec![change("I.1.1", fields)],
        };
        let message = commit_message(&[(2021, changes)]);
        assert!(
            message.starts_with("I.1.1: status planned → completed and 3 more changes\n\n- I.1.1:"),
            "{message}"
        );
    }
}
