//! `programa diff`: what changed between two states of the programme, per activity, field by
//! field.

use std::io::Write;

use serde::Serialize;

use super::history::open;
use super::{CliError, Context};
use crate::changes::{
    ActivityChange, ChangeKind, FieldChange, PlanChanges, ProgrammeChange, describe_participant,
    quote, render_word_diff,
};
use crate::history::Revision;
use crate::output::shown_line;
use crate::store::conflict::FileConflict;

/// Show what changed between two states of the programme, per activity and field
///
/// Old → new values, list items added, removed or reworded, prose as word differences. No
/// revision: the working tree against HEAD; one: that revision against the working tree; two
/// (or `A..B`): the first against the second.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Revisions: commits, branches, tags (`baseline/approved`), `A..B`
    #[arg(value_name = "REV", num_args = 0..=2)]
    revs: Vec<String>,
    /// Words of context kept around each change in prose
    #[arg(long, value_name = "WORDS", default_value_t = 6)]
    context: usize,
    /// Print JSON for tools
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct DiffJson<'a> {
    year: i32,
    from: String,
    to: String,
    #[serde(flatten)]
    changes: &'a PlanChanges,
    /// The files that differ between the states and hold unresolved merge conflicts in one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    conflicts: Vec<StateConflict>,
}

/// A file with unresolved merge conflicts in one of the states compared.
#[derive(Serialize)]
struct StateConflict {
    /// The state: `the working tree` or a revision.
    at: String,
    #[serde(flatten)]
    conflict: FileConflict,
}

/// Runs `programa diff`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let (repo, year) = open(context)?;
    let (from, to) = revisions(&args.revs)?;
    let comparison = repo.compare_states(&from, &to, year)?;
    let partly: Vec<String> = comparison
        .partly_read
        .iter()
        .map(|revision| {
            format!(
                "{} does not fully parse at {revision}; what could not be read is left out",
                crate::store::PROGRAMME_DIR
            )
        })
        .collect();
    super::history::warn(&partly);
    let mut changes = comparison.changes;
    let conflicts: Vec<StateConflict> = comparison
        .old_conflicts
        .into_iter()
        .map(|conflict| (&from, conflict))
        .chain(
            comparison
                .new_conflicts
                .into_iter()
                .map(|conflict| (&to, conflict)),
        )
        .map(|(at, conflict)| StateConflict {
            at: at.to_string(),
            conflict,
        })
        .collect();
    // An activity whose conflicted file neither side of reads is not gone: it is conflicted.
    changes.activities.retain(|change| {
        !matches!(change.kind, ChangeKind::Added | ChangeKind::Removed)
            || !conflicts.iter().any(|c| {
                c.conflict.shown.is_none()
                    && c.conflict
                        .file
                        .file_stem()
                        .is_some_and(|s| *s == *change.code)
            })
    });
    if args.json {
        let json = DiffJson {
            year,
            from: from.to_string(),
            to: to.to_string(),
            changes: &changes,
            conflicts,
        };
        crate::output::json::to_writer_pretty(&mut *context.out, &json)
            .map_err(|e| CliError::from(std::io::Error::from(e)))?;
        writeln!(context.out)?;
        return Ok(());
    }
    if changes.is_empty() && conflicts.is_empty() {
        writeln!(context.out, "no changes ({from} → {to})")?;
        return Ok(());
    }
    print_changes(context.out, &changes, args.context)?;
    for (i, state) in conflicts.iter().enumerate() {
        if i > 0 || !changes.is_empty() {
            writeln!(context.out)?;
        }
        let conflict = &state.conflict;
        let shown = match conflict.shown_label() {
            Some(label) => format!("; shown as {} has it", shown_line(label)),
            None => "; neither side can be read".to_string(),
        };
        writeln!(
            context.out,
            "{}  unresolved merge conflict in {}{shown}",
            shown_line(&conflict.file.display().to_string()),
            shown_line(&state.at)
        )?;
        for block in &conflict.blocks {
            let summary = block.summary();
            writeln!(
                context.out,
                "  line {}: {}",
                block.line,
                shown_line(&summary)
            )?;
        }
    }
    Ok(())
}

/// The two states the arguments name.
fn revisions(revs: &[String]) -> Result<(Revision, Revision), CliError> {
    let commit = |rev: &str| {
        Revision::Commit(if rev.is_empty() {
            "HEAD".to_string()
        } else {
            rev.to_string()
        })
    };
    match revs {
        [] => Ok((Revision::head(), Revision::WorkingTree)),
        [range] if range.contains("...") => Err(CliError::new(format!(
            "`{range}`: three-dot ranges are not supported"
        ))
        .hint("use `A..B` to compare two revisions")),
        [range] if range.contains("..") => {
            let (a, b) = range.split_once("..").unwrap_or_default();
            Ok((commit(a), commit(b)))
        }
        [rev] => Ok((commit(rev), Revision::WorkingTree)),
        [a, b, ..] => Ok((commit(a), commit(b))),
    }
}

/// Prints changes as `programa diff` shows them, `context` words around each prose change.
pub(super) fn print_changes(
    out: &mut dyn Write,
    changes: &PlanChanges,
    context: usize,
) -> std::io::Result<()> {
    let mut first = true;
    if !changes.programme.is_empty() {
        writeln!(out, "programme.toml")?;
        for change in &changes.programme {
            writeln!(out, "  {}", programme_line(change, context))?;
        }
        first = false;
    }
    for change in &changes.activities {
        if !first {
            writeln!(out)?;
        }
        first = false;
        print_activity(out, change, context)?;
    }
    Ok(())
}

fn programme_line(change: &ProgrammeChange, context: usize) -> String {
    match change {
        ProgrammeChange::FrontMatter {
            field,
            from: Some(from),
            to: Some(to),
        } => format!("{field}: {}", render_word_diff(from, to, context)),
        ProgrammeChange::AreaSummary {
            code,
            from: Some(from),
            to: Some(to),
        } => format!(
            "summary of area {}: {}",
            shown_line(code),
            render_word_diff(from, to, context)
        ),
        other => other.to_string(),
    }
}

fn print_activity(
    out: &mut dyn Write,
    change: &ActivityChange,
    context: usize,
) -> std::io::Result<()> {
    let headline = change
        .headline()
        .map(|h| format!(" — {h}"))
        .unwrap_or_default();
    writeln!(
        out,
        "{}  {}{headline}",
        shown_line(&change.code),
        shown_line(&change.title)
    )?;
    if change.kind == ChangeKind::Added || change.kind == ChangeKind::Removed {
        return Ok(());
    }
    for field in &change.fields {
        for line in field_lines(field, context) {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}

/// A field change as `programa diff` prints it: the field, then old → new.
fn field_lines(field: &FieldChange, context: usize) -> Vec<String> {
    let value = |v: Option<String>| v.unwrap_or_else(|| "—".to_string());
    match field {
        FieldChange::Status { from, to } => vec![format!("status: {from} → {to}")],
        FieldChange::Progress { from, to } => vec![format!("progress: {from}% → {to}%")],
        FieldChange::Kind { from, to } => vec![format!("kind: {from} → {to}")],
        FieldChange::Format { from, to } => vec![format!(
            "format: {} → {}",
            value(from.map(|f| f.to_string())),
            value(to.map(|f| f.to_string()))
        )],
        FieldChange::Date { field, from, to } => vec![format!(
            "{field}: {} → {}",
            value(from.map(|d| d.to_string())),
            value(to.map(|d| d.to_string()))
        )],
        FieldChange::Text { field, from, to } => vec![format!(
            "{field}: {} → {}",
            value(from.as_deref().map(quote)),
            value(to.as_deref().map(quote))
        )],
        FieldChange::Prose { field, from, to } => match (from, to) {
            (Some(from), Some(to)) => {
                vec![format!("{field}: {}", render_word_diff(from, to, context))]
            }
            (None, Some(to)) => vec![format!("{field} added: {}", quote(to))],
            (Some(from), None) => vec![format!("{field} removed: {}", quote(from))],
            (None, None) => Vec::new(),
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
                (Some(from), Some(to)) => vec![format!(
                    "{word} {number}: {}",
                    render_word_diff(from, to, context)
                )],
                (None, Some(to)) => vec![format!("{word} {number} added: {}", quote(to))],
                (Some(from), None) => vec![format!("{word} {number} removed: {}", quote(from))],
                (None, None) => Vec::new(),
            }
        }
        FieldChange::ParticipantsAdded { participants } => {
            let mut lines = vec![format!("participants: {field}")];
            lines.extend(
                participants
                    .iter()
                    .map(|p| format!("  + {}", describe_participant(p))),
            );
            lines
        }
        FieldChange::ParticipantsRemoved { participants } => {
            let mut lines = vec![format!("participants: {field}")];
            lines.extend(
                participants
                    .iter()
                    .map(|p| format!("  - {}", describe_participant(p))),
            );
            lines
        }
        FieldChange::ParticipantChanged { from, to } => vec![format!(
            "participant: {} → {}",
            describe_participant(from),
            describe_participant(to)
        )],
        FieldChange::NoteAdded { note } => {
            vec![format!("note added: {} {}", note.date, quote(&note.text))]
        }
        FieldChange::NoteRemoved { note } => {
            vec![format!("note removed: {} {}", note.date, quote(&note.text))]
        }
        FieldChange::NoteChanged { from, to } => vec![format!(
            "note of {}: {}",
            to.date,
            render_word_diff(&from.text, &to.text, context)
        )],
        FieldChange::FootnoteChanged { from, to } => vec![format!(
            "footnote {}: {}",
            shown_line(&to.id),
            render_word_diff(&from.text, &to.text, context)
        )],
        other => vec![other.to_string()],
    }
}
