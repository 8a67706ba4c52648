//! Changes as a markdown comment for a pull or merge request: per activity a table of the
//! fields that changed (before, after), then participants, notes and the other changes as
//! lists. Every text from the files is escaped ([`crate::output::markdown`]), so none can
//! break the comment's structure. Its words are in the interface language.

use std::fmt::Write as _;

use super::TranslationChange;
use super::{
    ActivityChange, ChangeKind, FieldChange, PlanChanges, ProgrammeChange, WordTag,
    describe_participant, render_word_diff_with,
};
use crate::output::markdown::{escape, escape_shown};

/// The comment for `changes` in `year` between the states `title` names (`main → review`);
/// `conflicts` lists files left with unresolved merge conflicts.
pub fn comment(
    changes: &PlanChanges,
    title: &str,
    year: i32,
    conflicts: &[String],
    context: usize,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### {}\n",
        crate::tr!(
            "history-md-title",
            year = year.to_string(),
            title = escape(title)
        )
    );
    if changes.is_empty() && conflicts.is_empty() {
        let _ = writeln!(out, "{}", crate::tr!("history-md-no-changes"));
        return out;
    }
    let _ = writeln!(out, "{}\n", summary(changes));
    if !changes.programme.is_empty() {
        out.push_str("#### programme.toml\n\n");
        for change in &changes.programme {
            let _ = writeln!(out, "- {}", programme_line(change, context));
        }
        out.push('\n');
    }
    for change in &changes.activities {
        activity(&mut out, change, context);
    }
    if !conflicts.is_empty() {
        let _ = writeln!(out, "#### {}\n", crate::tr!("history-md-conflicts"));
        for conflict in conflicts {
            let _ = writeln!(out, "- {}", escape(conflict));
        }
        out.push('\n');
    }
    out
}

/// "3 activities changed (1 added, 2 modified); the programme file changed".
fn summary(changes: &PlanChanges) -> String {
    let count =
        |kind: fn(&ChangeKind) -> bool| changes.activities.iter().filter(|c| kind(&c.kind)).count();
    let parts: Vec<String> = [
        (count(|k| *k == ChangeKind::Added), "added"),
        (count(|k| *k == ChangeKind::Removed), "removed"),
        (
            count(|k| matches!(k, ChangeKind::Renamed { .. })),
            "renamed",
        ),
        (count(|k| *k == ChangeKind::Modified), "modified"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| crate::tr!("history-md-count", count = n, what = what))
    .collect();
    let n = changes.activities.len();
    let mut line = match n {
        0 => crate::tr!("history-md-none-changed"),
        n => crate::tr!("history-md-changed", count = n, parts = parts.join(", ")),
    };
    if !changes.programme.is_empty() {
        line.push_str(&crate::tr!("history-md-programme-changed"));
    }
    line.push('.');
    line
}

fn programme_line(change: &ProgrammeChange, context: usize) -> String {
    match change {
        ProgrammeChange::FrontMatter {
            field,
            from: Some(from),
            to: Some(to),
        } => format!("**{field}**: {}", words(from, to, context)),
        ProgrammeChange::AreaSummary {
            code,
            from: Some(from),
            to: Some(to),
        } => format!(
            "**{}**: {}",
            crate::tr!("history-md-area-summary", code = escape(code)),
            words(from, to, context)
        ),
        ProgrammeChange::Translation(change) => translation_line(change, context),
        other => escape_shown(&other.to_string()),
    }
}

/// A translation reworded, word by word; added, removed or confirmed in a phrase.
fn translation_line(change: &TranslationChange, context: usize) -> String {
    match change {
        TranslationChange {
            lang,
            field,
            from: Some(from),
            to: Some(to),
            reviewed: false,
        } => format!(
            "**{}**: {}",
            crate::tr!(
                "history-translation-of",
                lang = lang.as_str(),
                field = escape(field)
            ),
            words(&from.joined(), &to.joined(), context)
        ),
        other => escape_shown(&other.to_string()),
    }
}

/// One activity: its heading, the table of fields, the lists.
fn activity(out: &mut String, change: &ActivityChange, context: usize) {
    let what = match &change.kind {
        ChangeKind::Added => crate::tr!("history-md-kind", kind = "added"),
        ChangeKind::Removed => crate::tr!("history-md-kind", kind = "removed"),
        ChangeKind::Renamed { from } => crate::tr!("history-renamed", from = escape(from)),
        ChangeKind::Modified => crate::tr!("history-md-kind", kind = "modified"),
    };
    let _ = writeln!(
        out,
        "#### {} {} ({what})\n",
        escape(&change.code),
        escape(&change.title)
    );
    if change.kind == ChangeKind::Removed {
        return;
    }
    let rows: Vec<[String; 3]> = change.fields.iter().filter_map(row).collect();
    if !rows.is_empty() {
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n| --- | --- | --- |",
            crate::tr!("history-md-field"),
            crate::tr!("history-md-before"),
            crate::tr!("history-md-after")
        );
        for [field, before, after] in rows {
            let _ = writeln!(out, "| {field} | {before} | {after} |");
        }
        out.push('\n');
    }
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut notes = Vec::new();
    let mut other = Vec::new();
    for field in &change.fields {
        match field {
            FieldChange::ParticipantsAdded { participants } => added.extend(
                participants
                    .iter()
                    .map(|p| escape_shown(&describe_participant(p))),
            ),
            FieldChange::ParticipantsRemoved { participants } => removed.extend(
                participants
                    .iter()
                    .map(|p| escape_shown(&describe_participant(p))),
            ),
            FieldChange::NoteAdded { note } => {
                notes.push(format!(
                    "{}: {}",
                    escape(&note.date.to_string()),
                    escape(&note.text)
                ));
            }
            field if row(field).is_none() => other.extend(prose_line(field, context)),
            _ => {}
        }
    }
    for (heading, items) in [
        ("participants-added", added),
        ("participants-removed", removed),
        ("notes-added", notes),
        ("other", other),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "**{}**\n",
            crate::tr!("history-md-heading", heading = heading)
        );
        for item in items {
            let _ = writeln!(out, "- {item}");
        }
        out.push('\n');
    }
}

/// A field with a short value as a table row: its name, before and after.
fn row(field: &FieldChange) -> Option<[String; 3]> {
    let value = |v: Option<String>| v.map_or_else(|| "—".to_string(), |v| escape(&v));
    let (name, before, after) = match field {
        FieldChange::Status { from, to } => ("status", from.to_string(), to.to_string()),
        FieldChange::Progress { from, to } => ("progress", format!("{from}%"), format!("{to}%")),
        FieldChange::Kind { from, to } => ("kind", from.to_string(), to.to_string()),
        FieldChange::Format { from, to } => {
            return Some([
                "format".to_string(),
                value(from.map(|f| f.to_string())),
                value(to.map(|f| f.to_string())),
            ]);
        }
        FieldChange::Date { field, from, to } => {
            return Some([
                escape(field),
                value(from.map(|d| d.to_string())),
                value(to.map(|d| d.to_string())),
            ]);
        }
        FieldChange::Text { field, from, to } => {
            return Some([escape(field), value(from.clone()), value(to.clone())]);
        }
        _ => return None,
    };
    Some([escape(name), escape(&before), escape(&after)])
}

/// A change that is not a table row, as a list item; prose as its word difference.
fn prose_line(field: &FieldChange, context: usize) -> Option<String> {
    let quoted = |text: &str| format!("“{}”", escape(text));
    Some(match field {
        FieldChange::Prose { field, from, to } => match (from, to) {
            (Some(from), Some(to)) => {
                format!("**{}**: {}", escape(field), words(from, to, context))
            }
            (None, Some(to)) => {
                crate::tr!("history-md-added", what = escape(field), text = quoted(to))
            }
            (Some(from), None) => crate::tr!(
                "history-md-removed",
                what = escape(field),
                text = quoted(from)
            ),
            (None, None) => return None,
        },
        FieldChange::Item {
            list,
            number,
            from,
            to,
            ..
        } => {
            let word = list.item_word();
            match (from, to) {
                (Some(from), Some(to)) => {
                    format!("**{word} {number}**: {}", words(from, to, context))
                }
                (None, Some(to)) => crate::tr!(
                    "history-md-added",
                    what = format!("{word} {number}"),
                    text = quoted(to)
                ),
                (Some(from), None) => crate::tr!(
                    "history-md-removed",
                    what = format!("{word} {number}"),
                    text = quoted(from)
                ),
                (None, None) => return None,
            }
        }
        FieldChange::NoteChanged { from, to } => format!(
            "**{}**: {}",
            crate::tr!("history-md-note-of", date = escape(&to.date.to_string())),
            words(&from.text, &to.text, context)
        ),
        FieldChange::FootnoteChanged { from, to } => format!(
            "**{}**: {}",
            crate::tr!("history-md-footnote", id = escape(&to.id)),
            words(&from.text, &to.text, context)
        ),
        FieldChange::Translation(change) => translation_line(change, context),
        other => escape_shown(&other.to_string()),
    })
}

/// A word difference in markdown: removed words struck through, added ones in bold.
fn words(from: &str, to: &str, context: usize) -> String {
    render_word_diff_with(from, to, context, |tag, text| match tag {
        WordTag::Removed => format!("~~{}~~", escape_shown(text)),
        WordTag::Added => format!("**{}**", escape_shown(text)),
        WordTag::Equal => escape_shown(text),
    })
}
