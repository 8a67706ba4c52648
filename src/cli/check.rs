//! `programa check`: Check every file of a year and report all findings.

use std::collections::BTreeSet;
use std::io::IsTerminal as _;
use std::path::Path;

use serde::Serialize;

use super::{CliError, Context};
use crate::diagnostic::annotate;
use crate::diagnostic::render::{self, Files, JsonFinding};
use crate::diagnostic::{Finding, Severity};
use crate::model::Totals;
use crate::store::fix::write_country_codes;
use crate::store::{self, Loaded, Source, Workspace};
use crate::validate::YearChecks;

/// Check every file of a year and report all findings.
///
/// Reads `programme.toml` and every activity file and reports every problem: TOML syntax,
/// wrong types and values, missing and unknown keys, references to projects, programmes and
/// areas that do not exist, duplicate or misplaced codes, impossible dates and states,
/// footnotes, totals in the foreword that the activities contradict, and prose the documents
/// cannot show as written (raw HTML, nesting too deep; HTML comments are notes). Findings go to
/// standard output; the exit status is 1 when there is an error, 0 otherwise, even with
/// warnings or notes.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How to print the findings: text for people, json for tools, github for annotations in
    /// GitHub Actions, gitlab for a GitLab code quality report
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// First write the ISO 3166-1 code of every country written as a name (`Perú` becomes
    /// `PE`), changing nothing else in the files, then check
    #[arg(long, conflicts_with = "at")]
    fix: bool,
    /// Check the programme as it is at this git revision (a commit, branch, tag or baseline),
    /// read from git without touching the working tree; findings name the files as they are
    /// there
    #[arg(long, value_name = "REV")]
    at: Option<String>,
}

/// The output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// `error[code]: message` with the offending line, like a compiler.
    Text,
    /// one JSON object: year, summary, totals and findings with lines and columns.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`), one per finding.
    Github,
    /// a GitLab code quality report (a JSON array of issues).
    Gitlab,
}

/// What `check --format json` prints.
#[derive(Serialize)]
struct Report<'a> {
    year: i32,
    /// With `--at`: the revision checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    at: Option<&'a str>,
    summary: Summary,
    totals: Totals,
    findings: Vec<JsonFinding<'a>>,
    /// With `--fix`: the countries whose codes were written.
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<Vec<Fixed>>,
}

/// A country whose code `check --fix` wrote, in `check --format json`.
#[derive(Serialize)]
struct Fixed {
    file: String,
    line: usize,
    column: usize,
    /// What the file said.
    written: String,
    /// The code written.
    code: &'static str,
}

/// The counts the last line of `check` gives.
#[derive(Serialize)]
struct Summary {
    activities: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

/// Says of each stale translation in which commit its text changed, when the programme is in
/// a git repository; without one, or when the history cannot be read, the finding stays as it is.
fn date_stale_translations(workspace: &Workspace, loaded: &Loaded, findings: &mut [Finding]) {
    use crate::history::{Repo, SourceChange};
    use crate::model::{Activity, Translate, Translations, WorkProgramme};
    use crate::validate::translations::stale_subject;
    if !findings.iter().any(|f| stale_subject(f).is_some()) {
        return;
    }
    let Ok(repo) = Repo::open(workspace) else {
        return;
    };
    for finding in findings.iter_mut() {
        let (Some((lang, field)), Some(file)) = (stale_subject(finding), finding.file.clone())
        else {
            continue;
        };
        let Some(source) = loaded.sources.iter().find(|s| s.path == file) else {
            continue;
        };
        let translations: Option<Translations> = if source.path.ends_with(store::PROGRAMME_FILE) {
            store::parse_file::<WorkProgramme>(&file, &source.text)
                .0
                .map(|p| p.translations().clone())
        } else {
            store::parse_file::<Activity>(&file, &source.text)
                .0
                .map(|a| a.translations().clone())
        };
        let Some(from) = translations
            .as_ref()
            .and_then(|t| t.get(&lang))
            .and_then(|t| t.get(field))
            .map(|t| t.source.clone())
        else {
            continue;
        };
        let when = match repo.source_change(&file, field, &from) {
            Ok(Some(SourceChange::Commit(stamp))) => crate::tr!(
                "cli-check-changed-in",
                commit = stamp.short.as_str(),
                day = stamp.day().to_string(),
                author = crate::output::shown_line(&stamp.author).to_string()
            ),
            Ok(Some(SourceChange::Uncommitted)) => crate::tr!("cli-check-changed-uncommitted"),
            Ok(None) | Err(_) => continue,
        };
        finding.message = format!("{}, {when}", finding.message);
    }
}

/// Runs `programa check`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let fixed = if args.fix {
        Some(fix(context, args.format)?)
    } else {
        None
    };
    let workspace = context.workspace()?;
    // Located keys are kept only for a revision, read whole; a year on disk is checked in parts.
    let (mut loaded, mut findings, trees) = match &args.at {
        None => {
            let year = workspace.resolve_year(context.year_option())?;
            let (loaded, findings) = check_in_parts(&workspace, year)?;
            (loaded, findings, None)
        }
        // A revision's files are parsed once, for their values and the places of their keys.
        Some(rev) => {
            let (repo, year) = super::history::open_at(context, rev)?;
            let (loaded, trees) = repo.load_located(rev, year)?;
            let mut findings = loaded.findings.clone();
            findings.extend(crate::validate::validate_located(&loaded, &trees));
            (loaded, findings, Some(trees))
        }
    };
    let years = workspace.years().unwrap_or_default();
    let has = |year: i32, code: &str| {
        years
            .contains(&year)
            .then(|| workspace.activity_path(year, code).is_file())
    };
    let unknown_previous = crate::validate::previous::unknown_previous;
    let mut unknown = unknown_previous(&loaded, trees.as_deref().unwrap_or_default(), has);
    if !unknown.is_empty() && trees.is_none() {
        // Rare: the year is read again with its keys located, to point at each `previous`.
        let (located, trees) = crate::store::load_located(&workspace, loaded.year)?;
        unknown = unknown_previous(&located, &trees, has);
        let quoted: BTreeSet<&Path> = unknown.iter().filter_map(|f| f.file.as_deref()).collect();
        loaded.restore_texts(&workspace, &quoted);
    }
    findings.extend(unknown);
    if args.at.is_none() {
        date_stale_translations(&workspace, &loaded, &mut findings);
    }
    let files = files_of(&loaded.sources);
    files.sort(&mut findings);
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let notes = findings
        .iter()
        .filter(|f| f.severity == Severity::Note)
        .count();
    let summary = Summary {
        activities: loaded.sources.len().saturating_sub(1),
        errors,
        warnings: findings.len() - errors - notes,
        notes,
    };
    match args.format {
        Format::Text => {
            let color = context.palette.is_on();
            if color {
                // Escaped as they are quoted; their colours must reach the terminal as they are.
                render::write_text(&mut context.styled_out()?, &findings, &files, color)?;
            } else {
                render::write_text(context.out, &findings, &files, color)?;
            }
            let year_dir = workspace.year_dir(loaded.year);
            // Notes are counted only when there are some: most programmes have none.
            let place = workspace.relative(&year_dir).display().to_string();
            let place = match &args.at {
                Some(rev) => crate::tr!(
                    "cli-check-at",
                    place = place,
                    rev = crate::output::shown_line(rev).to_string()
                ),
                None => place,
            };
            writeln!(
                context.out,
                "{}",
                crate::tr!(
                    "cli-check-summary",
                    place = place,
                    activities = summary.activities,
                    errors = summary.errors,
                    warnings = summary.warnings,
                    notes = summary.notes
                )
            )?;
        }
        Format::Json => {
            let report = Report {
                year: loaded.year,
                at: args.at.as_deref(),
                totals: loaded.plan.totals(),
                findings: render::to_json(&findings, &files),
                summary,
                fixed,
            };
            write_json(context, &report)?;
        }
        Format::Github => annotate::write_github(context.out, &findings, &files)?,
        Format::Gitlab => {
            let programme = workspace
                .year_dir(loaded.year)
                .join(crate::store::PROGRAMME_FILE);
            let fallback = workspace.relative(&programme).display().to_string();
            let issues = annotate::code_quality(&findings, &files, &fallback);
            write_json(context, &issues)?;
        }
    }
    let year = loaded.year;
    // The process ends after this: freeing every activity one by one would only make it end
    // later.
    std::mem::forget(loaded);
    if errors > 0 {
        let year = match &args.at {
            Some(rev) => crate::tr!(
                "cli-check-at",
                place = year.to_string(),
                rev = crate::output::shown_line(rev).to_string()
            ),
            None => year.to_string(),
        };
        return Err(
            CliError::new(crate::tr!("cli-check-failed", year = year, errors = errors))
                .hint(crate::tr!("cli-check-failed-hint")),
        );
    }
    Ok(())
}

/// How many activity files are read and checked at a time: each part's texts and located keys
/// are let go before the next part is read.
const PART: usize = 1024;

/// Reads and checks a year in parts, each file parsed once for its values and the places of
/// its keys: the year as read (keeping each file's text only if something was found in it, and
/// no activity's long prose) and every finding, those of reading first.
fn check_in_parts(workspace: &Workspace, year: i32) -> Result<(Loaded, Vec<Finding>), CliError> {
    let listing = store::list(workspace, year)?;
    let (mut loaded, programme_tree) = Loaded::started_located(year, listing.programme);
    let mut checks = YearChecks::new(&loaded);
    checks.add_files(&[(
        &loaded.sources[0],
        None,
        &loaded.findings,
        programme_tree.as_ref(),
    )]);
    let mut kept = Vec::with_capacity(listing.files.len());
    for part in listing.files.chunks(PART) {
        let read = store::read_located(workspace, part)?;
        let files: Vec<_> = read
            .iter()
            .map(|(source, activity, findings, tree)| {
                (
                    source,
                    activity.as_ref(),
                    findings.as_slice(),
                    tree.as_ref(),
                )
            })
            .collect();
        let found = checks.add_files(&files);
        for ((mut source, mut activity, findings, _), found) in read.into_iter().zip(found) {
            if findings.is_empty() && !found {
                source.text = String::new();
            }
            if let Some(activity) = &mut activity {
                store::drop_prose(activity);
            }
            kept.push((source, activity, findings));
        }
    }
    loaded.add_activities(kept);
    let mut findings = loaded.findings.clone();
    findings.extend(checks.finish(&loaded));
    // A code another file has too is found last, in files whose text was let go.
    let quoted: BTreeSet<&Path> = findings.iter().filter_map(|f| f.file.as_deref()).collect();
    loaded.restore_texts(workspace, &quoted);
    Ok((loaded, findings))
}

/// Prints `value` as pretty JSON and a line break.
fn write_json(context: &mut Context, value: &impl Serialize) -> Result<(), CliError> {
    crate::output::json::to_writer_pretty(&mut *context.out, value).map_err(|error| match error
        .io_error_kind()
    {
        Some(kind) => CliError::from(std::io::Error::from(kind)),
        None => CliError::new(crate::tr!(
            "cli-cannot-write-report",
            error = error.to_string()
        )),
    })?;
    writeln!(context.out)?;
    Ok(())
}

/// Writes the codes of the countries written as names, under the year's lock; says what it did
/// (for text) or returns it (for JSON).
fn fix(context: &mut Context, format: Format) -> Result<Vec<Fixed>, CliError> {
    let (workspace, loaded, lock) = context.load_for_writing()?;
    let done = write_country_codes(&workspace, &loaded, &lock)?;
    drop(lock);
    let fixed: Vec<Fixed> = done
        .written
        .iter()
        .map(|w| Fixed {
            file: w.file.display().to_string(),
            line: w.place.line,
            column: w.place.column,
            written: w.written.clone(),
            code: w.country.code(),
        })
        .collect();
    if format != Format::Text {
        return Ok(fixed);
    }
    for (w, f) in done.written.iter().zip(&fixed) {
        let place = format!(
            "{}:{}:{}",
            crate::output::shown_line(&f.file),
            f.line,
            f.column
        );
        writeln!(
            context.out,
            "{}",
            crate::tr!(
                "cli-fixed-country",
                place = place,
                written = crate::output::shown_line(w.written.trim()).to_string(),
                code = f.code,
                country = w.country.name(context.lang)
            )
        )?;
    }
    let mut summary = match done.written.len() {
        0 if done.unknown.is_empty() => crate::tr!("cli-fix-nothing"),
        0 => crate::tr!("cli-fix-no-code"),
        written => crate::tr!("cli-fix-wrote", countries = written, files = done.files),
    };
    if !done.unknown.is_empty() {
        summary.push_str(&crate::tr!(
            "cli-fix-unknown",
            countries = done.unknown.len()
        ));
    }
    writeln!(context.out, "{summary}\n")?;
    Ok(fixed)
}

/// Prints findings to stderr, quoting the files they point into.
pub fn print_findings(findings: &[Finding], sources: &[Source]) {
    let mut findings = findings.to_vec();
    let files = files_of(sources);
    files.sort(&mut findings);
    let color = render::use_color(std::io::stderr().is_terminal());
    let _ = render::write_text(&mut std::io::stderr().lock(), &findings, &files, color);
}

fn files_of(sources: &[Source]) -> Files<'_> {
    Files::new(
        sources
            .iter()
            .map(|source| (source.path.as_path(), source.text.as_str())),
    )
}
