//! `programa diff`: what changed between two states of the programme, per activity, field by
//! field.

use std::io::Write;

use serde::Serialize;

use super::history::open;
use super::{CliError, Context};
use crate::changes::{
    ActivityChange, ChangeKind, FieldChange, PlanChanges, ProgrammeChange, TranslationChange,
    WordTag, describe_participant, quote, render_word_diff_with,
};
use crate::history::{Repo, Revision, RevisionRange};
use crate::model::Status;
use crate::output::shown_line;
use crate::output::style::{Palette, Style};
use crate::store::conflict::FileConflict;

/// Show what changed between two states of the programme, per activity and field
///
/// Old → new values, list items added, removed or reworded, prose as word differences. No
/// revision: the working tree against HEAD; one: that revision against the working tree; two
/// (or `A..B`): the first against the second; `A...B`: from where B branched off A (their
/// merge base) to B, what a pull request shows.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Revisions: commits, branches, tags, baselines (`approved-2021`), `A..B`, `A...B`
    #[arg(value_name = "REV", num_args = 0..=2)]
    revs: Vec<String>,
    /// Words of context kept around each change in prose
    #[arg(long, value_name = "WORDS", default_value_t = 6)]
    context: usize,
    /// How to print the changes: text for people, json for tools, markdown for a pull or merge
    /// request's review comment
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Print JSON for tools (the same as `--format json`)
    #[arg(long)]
    json: bool,
}

/// The output formats of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Per activity, old → new, prose as word differences.
    Text,
    /// One JSON object: the states compared and every change.
    Json,
    /// A markdown comment: per activity a table of fields before → after, participants,
    /// notes.
    Markdown,
}

/// The two states a diff compares, and how to name them.
struct States {
    from: Revision,
    to: Revision,
    /// The older state, as the output names it.
    from_label: String,
    /// The newer state.
    to_label: String,
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
    let States {
        from,
        to,
        from_label,
        to_label,
    } = states(&repo, &args.revs)?;
    let comparison = repo.compare_states(&from, &to, year)?;
    let partly: Vec<String> = comparison
        .partly_read
        .iter()
        .map(|revision| {
            let at = if *revision == from {
                &from_label
            } else {
                &to_label
            };
            crate::tr!(
                "cli-diff-partly-read",
                dir = crate::store::PROGRAMME_DIR,
                at = at.as_str()
            )
        })
        .collect();
    super::history::warn(&partly);
    let mut changes = comparison.changes;
    let conflicts: Vec<StateConflict> = comparison
        .old_conflicts
        .into_iter()
        .map(|conflict| (&from_label, conflict))
        .chain(
            comparison
                .new_conflicts
                .into_iter()
                .map(|conflict| (&to_label, conflict)),
        )
        .map(|(at, conflict)| StateConflict {
            at: at.clone(),
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
    let format = if args.json { Format::Json } else { args.format };
    if format == Format::Json {
        let json = DiffJson {
            year,
            from: from_label,
            to: to_label,
            changes: &changes,
            conflicts,
        };
        crate::output::json::to_writer_pretty(&mut *context.out, &json)
            .map_err(|e| CliError::from(std::io::Error::from(e)))?;
        writeln!(context.out)?;
        return Ok(());
    }
    if format == Format::Markdown {
        let title = format!("{from_label} → {to_label}");
        let conflicted: Vec<String> = conflicts
            .iter()
            .map(|c| format!("{} ({})", c.conflict.file.display(), c.at))
            .collect();
        let comment =
            crate::changes::markdown::comment(&changes, &title, year, &conflicted, args.context);
        context.out.write_all(comment.as_bytes())?;
        return Ok(());
    }
    if changes.is_empty() && conflicts.is_empty() {
        writeln!(
            context.out,
            "{}",
            crate::tr!(
                "cli-diff-no-changes",
                from = shown_line(&from_label).to_string(),
                to = shown_line(&to_label).to_string()
            )
        )?;
        return Ok(());
    }
    print_changes(context.out, context.palette, &changes, args.context)?;
    for (i, state) in conflicts.iter().enumerate() {
        if i > 0 || !changes.is_empty() {
            writeln!(context.out)?;
        }
        let conflict = &state.conflict;
        let file = shown_line(&conflict.file.display().to_string()).to_string();
        let at = shown_line(&state.at).to_string();
        let said = match conflict.shown_label() {
            Some(label) => crate::tr!(
                "cli-diff-conflict-shown",
                at = at,
                side = shown_line(label).to_string()
            ),
            None => crate::tr!("cli-diff-conflict-unread", at = at),
        };
        writeln!(context.out, "{file}  {said}")?;
        for block in &conflict.blocks {
            let summary = block.summary();
            writeln!(
                context.out,
                "  {}",
                crate::tr!(
                    "cli-diff-conflict-line",
                    line = block.line,
                    summary = shown_line(&summary).to_string()
                )
            )?;
        }
    }
    Ok(())
}

/// The two states the arguments name: `A...B` starts at the merge base of A and B.
fn states(repo: &Repo, revs: &[String]) -> Result<States, CliError> {
    let commit = |rev: &str| Revision::Commit(rev.to_string());
    let plain = |from: Revision, to: Revision| States {
        from_label: from.to_string(),
        to_label: to.to_string(),
        from,
        to,
    };
    let range = match revs {
        [one] => RevisionRange::parse(one),
        _ => None,
    };
    Ok(match (revs, range.as_ref()) {
        ([], _) => plain(Revision::head(), Revision::WorkingTree),
        (_, Some(RevisionRange::TwoDot(a, b))) => plain(commit(a), commit(b)),
        (_, Some(RevisionRange::ThreeDot(a, b))) => {
            let base = repo.merge_base(a, b)?;
            let short = repo.stamp_of(&base)?.short;
            States {
                from: commit(&base),
                to: commit(b),
                from_label: crate::tr!(
                    "cli-diff-merge-base",
                    a = a.as_str(),
                    b = b.as_str(),
                    short = short.as_str()
                ),
                to_label: b.clone(),
            }
        }
        ([rev], None) | (_, Some(RevisionRange::UpTo(rev))) => {
            plain(commit(rev), Revision::WorkingTree)
        }
        ([a, b, ..], None) => {
            if let Some(range) = RevisionRange::parse(a).or_else(|| RevisionRange::parse(b)) {
                return Err(CliError::new(crate::tr!(
                    "cli-diff-range-and-revision",
                    range = range.to_string()
                ))
                .hint(crate::tr!("cli-diff-range-and-revision-hint")));
            }
            plain(commit(a), commit(b))
        }
    })
}

/// Prints changes as `programa diff` shows them, `context` words around each prose change,
/// coloured by `palette`.
pub(super) fn print_changes(
    out: &mut dyn Write,
    palette: Palette,
    changes: &PlanChanges,
    context: usize,
) -> std::io::Result<()> {
    let paint = Paint { palette, context };
    let mut first = true;
    if !changes.programme.is_empty() {
        writeln!(out, "{}", palette.paint(Style::Heading, "programme.toml"))?;
        for change in &changes.programme {
            writeln!(out, "  {}", paint.programme_line(change))?;
        }
        first = false;
    }
    for change in &changes.activities {
        if !first {
            writeln!(out)?;
        }
        first = false;
        paint.activity(out, change)?;
    }
    Ok(())
}

/// How `diff` shows changes: its colours and the words of context around prose changes.
#[derive(Clone, Copy)]
struct Paint {
    palette: Palette,
    context: usize,
}

impl Paint {
    /// The word diff of a piece of prose: removed words red, added words green.
    fn words(self, from: &str, to: &str) -> String {
        render_word_diff_with(from, to, self.context, |tag, text| match tag {
            WordTag::Removed => self.palette.paint(Style::Removed, format!("[-{text}-]")),
            WordTag::Added => self.palette.paint(Style::Added, format!("{{+{text}+}}")),
            WordTag::Equal => text.to_string(),
        })
    }

    /// An old value and a new one: `old → new`, the old red, the new green.
    fn moved(self, from: impl std::fmt::Display, to: impl std::fmt::Display) -> String {
        format!(
            "{} → {}",
            self.palette.paint(Style::Removed, from),
            self.palette.paint(Style::Added, to)
        )
    }

    fn programme_line(self, change: &ProgrammeChange) -> String {
        match change {
            ProgrammeChange::FrontMatter {
                field,
                from: Some(from),
                to: Some(to),
            } => format!("{field}: {}", self.words(from, to)),
            ProgrammeChange::AreaSummary {
                code,
                from: Some(from),
                to: Some(to),
            } => crate::tr!(
                "cli-diff-area-summary",
                code = shown_line(code).to_string(),
                words = self.words(from, to)
            ),
            ProgrammeChange::Translation(change) => self.translation(change),
            other => other.to_string(),
        }
    }

    fn activity(self, out: &mut dyn Write, change: &ActivityChange) -> std::io::Result<()> {
        let headline = change
            .headline()
            .map(|h| {
                let style = match change.kind {
                    ChangeKind::Added => Style::Added,
                    ChangeKind::Removed => Style::Removed,
                    _ => Style::Quiet,
                };
                format!(" — {}", self.palette.paint(style, h))
            })
            .unwrap_or_default();
        writeln!(
            out,
            "{}  {}{headline}",
            self.palette.paint(Style::Code, shown_line(&change.code)),
            self.palette
                .paint(Style::Heading, shown_line(&change.title))
        )?;
        if change.kind == ChangeKind::Added || change.kind == ChangeKind::Removed {
            return Ok(());
        }
        for field in &change.fields {
            for line in self.field_lines(field) {
                writeln!(out, "  {line}")?;
            }
        }
        Ok(())
    }

    /// A field change as `programa diff` prints it: the field, then old → new.
    fn field_lines(self, field: &FieldChange) -> Vec<String> {
        let value = |v: Option<String>| v.unwrap_or_else(|| "—".to_string());
        let added = |text: String| self.palette.paint(Style::Added, text);
        let removed = |text: String| self.palette.paint(Style::Removed, text);
        match field {
            FieldChange::Status { from, to } => vec![format!(
                "status: {} → {}",
                status(self.palette, *from),
                status(self.palette, *to)
            )],
            FieldChange::Progress { from, to } => vec![format!(
                "progress: {}",
                self.moved(format!("{from}%"), format!("{to}%"))
            )],
            FieldChange::Kind { from, to } => vec![format!("kind: {}", self.moved(from, to))],
            FieldChange::Format { from, to } => vec![format!(
                "format: {}",
                self.moved(
                    value(from.map(|f| f.to_string())),
                    value(to.map(|f| f.to_string()))
                )
            )],
            FieldChange::Date { field, from, to } => vec![format!(
                "{field}: {}",
                self.moved(
                    value(from.map(|d| d.to_string())),
                    value(to.map(|d| d.to_string()))
                )
            )],
            FieldChange::Text { field, from, to } => vec![format!(
                "{field}: {}",
                self.moved(
                    value(from.as_deref().map(quote)),
                    value(to.as_deref().map(quote))
                )
            )],
            FieldChange::Prose { field, from, to } => match (from, to) {
                (Some(from), Some(to)) => vec![format!("{field}: {}", self.words(from, to))],
                (None, Some(to)) => vec![crate::tr!(
                    "cli-diff-added",
                    what = *field,
                    text = added(quote(to))
                )],
                (Some(from), None) => vec![crate::tr!(
                    "cli-diff-removed",
                    what = *field,
                    text = removed(quote(from))
                )],
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
                    (Some(from), Some(to)) => {
                        vec![format!("{word} {number}: {}", self.words(from, to))]
                    }
                    (None, Some(to)) => vec![crate::tr!(
                        "cli-diff-added",
                        what = format!("{word} {number}"),
                        text = added(quote(to))
                    )],
                    (Some(from), None) => vec![crate::tr!(
                        "cli-diff-removed",
                        what = format!("{word} {number}"),
                        text = removed(quote(from))
                    )],
                    (None, None) => Vec::new(),
                }
            }
            FieldChange::ParticipantsAdded { participants } => {
                let mut lines = vec![format!("participants: {field}")];
                lines.extend(
                    participants
                        .iter()
                        .map(|p| added(format!("  + {}", describe_participant(p)))),
                );
                lines
            }
            FieldChange::ParticipantsRemoved { participants } => {
                let mut lines = vec![format!("participants: {field}")];
                lines.extend(
                    participants
                        .iter()
                        .map(|p| removed(format!("  - {}", describe_participant(p)))),
                );
                lines
            }
            FieldChange::ParticipantChanged { from, to } => vec![crate::tr!(
                "cli-diff-participant",
                change = self.moved(describe_participant(from), describe_participant(to))
            )],
            FieldChange::NoteAdded { note } => vec![crate::tr!(
                "cli-diff-note-added",
                date = note.date.to_string(),
                text = added(quote(&note.text))
            )],
            FieldChange::NoteRemoved { note } => vec![crate::tr!(
                "cli-diff-note-removed",
                date = note.date.to_string(),
                text = removed(quote(&note.text))
            )],
            FieldChange::NoteChanged { from, to } => vec![crate::tr!(
                "cli-diff-note-of",
                date = to.date.to_string(),
                words = self.words(&from.text, &to.text)
            )],
            FieldChange::FootnoteChanged { from, to } => vec![crate::tr!(
                "cli-diff-footnote",
                id = shown_line(&to.id).to_string(),
                words = self.words(&from.text, &to.text)
            )],
            FieldChange::Translation(change) => vec![self.translation(change)],
            other => vec![other.to_string()],
        }
    }

    /// A translation reworded, word by word; added, removed or confirmed in a phrase.
    fn translation(self, change: &TranslationChange) -> String {
        match change {
            TranslationChange {
                lang,
                field,
                from: Some(from),
                to: Some(to),
                reviewed: false,
            } => format!(
                "{}: {}",
                crate::tr!(
                    "history-translation-of",
                    lang = lang.as_str(),
                    field = shown_line(field).to_string()
                ),
                self.words(&from.joined(), &to.joined())
            ),
            other => other.to_string(),
        }
    }
}

/// A status in its colour: planned blue, ongoing yellow, completed green, postponed magenta,
/// cancelled red.
pub(super) fn status(palette: Palette, status: Status) -> String {
    palette.paint(status_style(status), status.name(crate::i18n::lang()))
}

/// The colour of a status.
pub(super) fn status_style(status: Status) -> Style {
    match status {
        Status::Planned => Style::Waiting,
        Status::Ongoing => Style::Busy,
        Status::Completed => Style::Good,
        Status::Postponed => Style::Late,
        Status::Cancelled => Style::Bad,
    }
}
