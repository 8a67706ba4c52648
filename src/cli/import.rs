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
        CliError::new(crate::tr!("cli-import-no-year")).hint(crate::tr!("cli-import-no-year-hint"))
    })?;
    let markdown = std::fs::read_to_string(&args.file).map_err(|e| {
        CliError::new(crate::tr!(
            "cli-init-cannot-read",
            dir = args.file.display().to_string(),
            error = e.to_string()
        ))
    })?;
    let workspace = import_workspace(context)?;
    let dir = workspace.year_dir(year);
    let imported = import(&markdown, year);
    let shown = args.file.display().to_string();
    print_messages(&shown, &imported);
    if imported.plan.activities.is_empty() {
        return Err(
            CliError::new(crate::tr!("cli-import-none", file = shown.as_str()))
                .hint(crate::tr!("cli-import-none-hint")),
        );
    }

    let lock = super::lock_year(&workspace, year)?;
    let existing = existing_files(&dir)?;
    if !existing.is_empty() && !args.force {
        return Err(CliError::new(crate::tr!(
            "cli-import-exists",
            dir = workspace.relative(&dir).display().to_string(),
            count = existing.len()
        ))
        .hint(crate::tr!("cli-import-exists-hint")));
    }

    let files = render(&imported, &workspace, year)?;
    for (path, text) in &files {
        atomic_write(path, text)?;
    }
    let kept: Vec<&PathBuf> = files.iter().map(|(path, _)| path).collect();
    let mut removed = 0;
    for path in existing.iter().filter(|path| !kept.contains(path)) {
        crate::store::write::remove_file(path)?;
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
    let here = std::env::current_dir().map_err(|e| {
        CliError::new(crate::tr!(
            "cli-cannot-read-current-folder",
            error = e.to_string()
        ))
    })?;
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
    let serialise = |what: String, error: toml::ser::Error| {
        CliError::new(crate::tr!(
            "cli-new-year-serialise",
            what = what,
            error = error.to_string()
        ))
    };
    let mut files = Vec::new();
    for activity in &imported.plan.activities {
        let text = to_toml(activity).map_err(|e| serialise(activity.code.clone(), e))?;
        files.push((workspace.activity_path(year, &activity.code), text));
    }
    let mut text = to_toml(&imported.plan.programme)
        .map_err(|e| serialise(crate::tr!("cli-new-year-the-programme"), e))?;
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
        let warning = format!("{}: {}", place(warning), shown(&warning.text));
        eprintln!("{}", crate::tr!("cli-warning", warning = warning));
    }
    for note in &imported.notes {
        let note = format!("{}: {}", place(note), shown(&note.text));
        eprintln!("{}", crate::tr!("cli-note", note = note));
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
        "{}",
        crate::tr!(
            "cli-import-imported",
            title = crate::output::shown_line(&plan.programme.title).to_string(),
            dir = dir,
            count = written
        )
    )?;
    let activities = crate::tr!(
        "cli-import-activities",
        count = plan.activities.len(),
        events = count(Kind::Event),
        studies = count(Kind::Study),
        other = count(Kind::Other)
    );
    let rows = [
        ("areas", plan.programme.areas.len().to_string()),
        ("programmes", plan.programme.programmes.len().to_string()),
        ("projects", plan.programme.projects.len().to_string()),
        ("activities", activities),
        ("footnotes", footnotes.to_string()),
        ("warnings", imported.warnings.len().to_string()),
        ("notes", imported.notes.len().to_string()),
    ]
    .map(|(row, value)| (crate::tr!("cli-import-row", row = row), value));
    let width = rows
        .iter()
        .map(|(label, _)| label.chars().count())
        .max()
        .unwrap_or(0);
    for (label, value) in &rows {
        let pad = width - label.chars().count();
        writeln!(out, "  {label}:{:pad$}  {value}", "")?;
    }
    if removed > 0 {
        writeln!(
            out,
            "  {}",
            crate::tr!("cli-import-removed", count = removed)
        )?;
    }
    Ok(())
}

use std::io::Write as _;
