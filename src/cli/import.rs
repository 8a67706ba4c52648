//! `programa import`: Import the programme document (markdown) into TOML files.

use std::path::{Path, PathBuf};

use super::{CliError, Context};
use crate::import::{Imported, Message, import};
use crate::model::Kind;
use crate::output::shown;
use crate::store::edit::keep_from_replaced;
use crate::store::write::{atomic_write, to_toml};
use crate::store::{ACTIVITIES_DIR, PROGRAMME_FILE, StoreError, Workspace};

/// Import the programme document (markdown) into TOML files.
///
/// Reads a markdown conversion of the programme document and writes
/// `programme/<YEAR>/programme.toml` and one `programme/<YEAR>/activities/<code>.toml` per
/// activity. Text the importer cannot place is reported as a warning with its line.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example: programa import work-programme-2021.md --year 2021")]
pub struct Args {
    /// The programme document, as markdown
    #[arg(value_name = "MARKDOWN-FILE")]
    file: PathBuf,
    /// Replace the year's files if they exist (activity files not in the document are removed;
    /// the Member States and the `[iati]` table of `programme.toml` are kept)
    #[arg(long)]
    force: bool,
}

/// Runs `programa import`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let year = context.year_option().ok_or_else(|| {
        CliError::new("import needs the year the document plans")
            .hint("pass it with `--year`, e.g. `programa import FILE --year 2021`")
    })?;
    let markdown = std::fs::read_to_string(&args.file)
        .map_err(|e| CliError::new(format!("cannot read {} ({e})", args.file.display())))?;
    let workspace = import_workspace(context)?;
    let dir = workspace.year_dir(year);
    let imported = import(&markdown, year);
    let shown = args.file.display().to_string();
    print_messages(&shown, &imported);
    if imported.plan.activities.is_empty() {
        return Err(
            CliError::new(format!("no activities found in {shown}; nothing written")).hint(
                "the importer expects headings such as `Activity I.1.1. Title` with sections A–D",
            ),
        );
    }

    let lock = super::lock_year(&workspace, year)?;
    let existing = existing_files(&dir)?;
    if !existing.is_empty() && !args.force {
        return Err(CliError::new(format!(
            "{} already holds {} programme file{}; nothing written",
            workspace.relative(&dir).display(),
            existing.len(),
            if existing.len() == 1 { "" } else { "s" }
        ))
        .hint("pass `--force` to replace the year with the import (activity files not in the document are removed)"));
    }

    let files = render(&imported, &workspace, year)?;
    for (path, text) in &files {
        atomic_write(path, text)?;
    }
    let kept: Vec<&PathBuf> = files.iter().map(|(path, _)| path).collect();
    let mut removed = 0;
    for path in existing.iter().filter(|path| !kept.contains(path)) {
        std::fs::remove_file(path).map_err(StoreError::io("cannot remove", path))?;
        removed += 1;
    }
    drop(lock);
    summary(
        context,
        &imported,
        &workspace.relative(&dir).display().to_string(),
        files.len(),
        removed,
    )
}

/// `--root`, else the workspace around the current folder, else the current folder itself.
fn import_workspace(context: &Context) -> Result<Workspace, CliError> {
    if context.root.is_some() {
        return context.workspace();
    }
    let here = std::env::current_dir()
        .map_err(|e| CliError::new(format!("cannot read the current folder ({e})")))?;
    Ok(Workspace::discover(&here).unwrap_or_else(|_| Workspace::at(here)))
}

/// The programme file and the activity files already in a year's folder.
fn existing_files(dir: &Path) -> Result<Vec<PathBuf>, CliError> {
    let mut files = Vec::new();
    let programme = dir.join(PROGRAMME_FILE);
    if programme.exists() {
        files.push(programme);
    }
    let activities = dir.join(ACTIVITIES_DIR);
    match std::fs::read_dir(&activities) {
        Ok(entries) => {
            for entry in entries {
                let path = entry
                    .map_err(StoreError::io("cannot read", &activities))?
                    .path();
                if path.extension().is_some_and(|ext| ext == "toml") {
                    files.push(path);
                }
            }
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {}
        Err(error) => return Err(StoreError::io("cannot read", &activities)(error).into()),
    }
    files.sort();
    Ok(files)
}

/// Every file to write, with its text.
fn render(
    imported: &Imported,
    workspace: &Workspace,
    year: i32,
) -> Result<Vec<(PathBuf, String)>, CliError> {
    let serialise = |what: &str, error: toml::ser::Error| {
        CliError::new(format!("cannot write {what} as TOML ({error})"))
    };
    let mut files = Vec::new();
    for activity in &imported.plan.activities {
        let text = to_toml(activity).map_err(|e| serialise(&activity.code, e))?;
        files.push((workspace.activity_path(year, &activity.code), text));
    }
    let mut text = to_toml(&imported.plan.programme).map_err(|e| serialise("the programme", e))?;
    let path = workspace.year_dir(year).join(PROGRAMME_FILE);
    // What no document gives (the Member States, `[iati]`) is kept from the file the import
    // replaces.
    if let Ok(old) = std::fs::read_to_string(&path) {
        text = keep_from_replaced(&text, &old);
    }
    files.push((path, text));
    Ok(files)
}

/// Prints the warnings and notes to stderr, each with its line in the markdown.
fn print_messages(file: &str, imported: &Imported) {
    let place = |message: &Message| match message.line {
        0 => file.to_string(),
        line => format!("{file}:{line}"),
    };
    for warning in &imported.warnings {
        eprintln!("warning: {}: {}", place(warning), shown(&warning.text));
    }
    for note in &imported.notes {
        eprintln!("note: {}: {}", place(note), shown(&note.text));
    }
}

/// Prints what was imported.
fn summary(
    context: &mut Context,
    imported: &Imported,
    dir: &str,
    written: usize,
    removed: usize,
) -> Result<(), CliError> {
    let plan = &imported.plan;
    let count = |kind| plan.activities.iter().filter(|a| a.kind == kind).count();
    let footnotes: usize = plan.activities.iter().map(|a| a.footnotes.len()).sum();
    let out = &mut context.out;
    writeln!(
        out,
        "imported \"{}\" into {dir}/ ({written} files)",
        crate::output::shown_line(&plan.programme.title)
    )?;
    writeln!(out, "  areas:       {}", plan.programme.areas.len())?;
    writeln!(out, "  programmes:  {}", plan.programme.programmes.len())?;
    writeln!(out, "  projects:    {}", plan.programme.projects.len())?;
    writeln!(
        out,
        "  activities:  {} ({} events, {} studies, {} other)",
        plan.activities.len(),
        count(Kind::Event),
        count(Kind::Study),
        count(Kind::Other)
    )?;
    writeln!(out, "  footnotes:   {footnotes}")?;
    writeln!(out, "  warnings:    {}", imported.warnings.len())?;
    writeln!(out, "  notes:       {}", imported.notes.len())?;
    if removed > 0 {
        writeln!(
            out,
            "  removed {removed} activity file(s) no longer in the document"
        )?;
    }
    Ok(())
}

use std::io::Write as _;
