//! `programa translations`: how much of the programme is translated, and the XLIFF files
//! translators work on (`export`, `import`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use super::translate::{PROGRAMME, target_lang};
use super::{CliError, Context};
use crate::model::translation::{FieldStanding, fingerprint, split_item, standings};
use crate::model::{Lang, Standing, Text, Translate, Translation};
use crate::output::{escape_line, shown_line};
use crate::store::edit::{self, Base};
use crate::store::{Loaded, Workspace, WriteLock, translate};
use crate::xliff::{self, Unit};

/// Show how much of the programme is translated; export and import XLIFF for translators
///
/// Without a subcommand: for the programme file and each activity, how many of its fields with
/// text are translated into the language, how many translations are stale (their text changed
/// since) and the share of words translated.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    report: ReportArgs,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    Export(ExportArgs),
    Import(ImportArgs),
}

/// The options of the coverage report.
#[derive(Debug, clap::Args)]
struct ReportArgs {
    /// The language [default: the first language that is not the programme's]
    #[arg(long, value_name = "LANG")]
    lang: Option<Lang>,
    /// One line per field rather than per file
    #[arg(long)]
    fields: bool,
    /// Print JSON for tools: every file and field with its standing
    #[arg(long)]
    json: bool,
}

/// Write the fields left to translate as XLIFF 1.2, for a translation tool
///
/// One unit per field (per item for a list), its id naming the file and the field
/// (`I.1.1/title`, `I.1.1/objectives.2`, `programme/areas/I/summary`): the untranslated
/// fields, and the stale ones with their earlier translation marked for review.
#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// The language to translate into [default: the first language that is not the programme's]
    #[arg(long, value_name = "LANG")]
    lang: Option<Lang>,
    /// Every field, translated ones too (for review)
    #[arg(long)]
    all: bool,
    /// Write to this file [default: standard output]
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Write the translations of an XLIFF 1.2 file back into the programme's files
///
/// Each unit with a target becomes the translation of its field. A unit whose source is no
/// longer the field's text (it changed since the export) is refused, as is one naming a field
/// that does not exist; nothing else in any file changes. The exit status is 1 when a unit
/// was refused (the others are written).
#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// The XLIFF file
    file: PathBuf,
}

/// Runs `programa translations`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    match &args.command {
        None => report(context, &args.report),
        Some(Command::Export(export_args)) => export(context, export_args),
        Some(Command::Import(import_args)) => import(context, import_args),
    }
}

/// Every file's name and fields as they stand in `lang`: the programme file first, then the
/// activities in code order.
fn every_file(loaded: &Loaded, lang: Lang) -> Vec<(&str, Vec<FieldStanding<'_>>)> {
    let mut files = vec![(PROGRAMME, standings(&loaded.plan.programme, lang))];
    for activity in &loaded.plan.activities {
        files.push((activity.code.as_str(), standings(activity, lang)));
    }
    files
}

/// One file in the JSON report.
#[derive(Serialize)]
struct FileReport<'a> {
    file: &'a str,
    fields: usize,
    translated: usize,
    stale: usize,
    words: usize,
    words_translated: usize,
    field_standings: Vec<FieldReport<'a>>,
}

/// One field in the JSON report.
#[derive(Serialize)]
struct FieldReport<'a> {
    field: &'a str,
    /// `translated`, `stale`, `incomplete` or `missing`.
    standing: &'static str,
    words: usize,
}

fn standing_word(field: &FieldStanding) -> &'static str {
    match field.standing {
        Standing::Current(_) if field.is_done() => "translated",
        Standing::Current(_) => "incomplete",
        Standing::Stale(_) => "stale",
        Standing::Missing => "missing",
    }
}

fn file_report<'a>(file: &'a str, fields: &'a [FieldStanding<'a>]) -> FileReport<'a> {
    let field_standings: Vec<FieldReport> = fields
        .iter()
        .map(|f| FieldReport {
            field: &f.field.path,
            standing: standing_word(f),
            words: f.field.text.words(),
        })
        .collect();
    FileReport {
        file,
        fields: fields.len(),
        translated: fields.iter().filter(|f| f.is_done()).count(),
        stale: fields
            .iter()
            .filter(|f| matches!(f.standing, Standing::Stale(_)))
            .count(),
        words: fields.iter().map(|f| f.field.text.words()).sum(),
        words_translated: fields
            .iter()
            .filter(|f| f.is_done())
            .map(|f| f.field.text.words())
            .sum(),
        field_standings,
    }
}

/// `part` of `whole` in percent, rounded down so that 100 % means all.
fn percent(part: usize, whole: usize) -> usize {
    (part * 100).checked_div(whole).unwrap_or(100)
}

fn report(context: &mut Context, args: &ReportArgs) -> Result<(), CliError> {
    let (_, loaded) = context.load()?;
    let lang = target_lang(&loaded, args.lang)?;
    let files = every_file(&loaded, lang);
    let reports: Vec<FileReport> = files.iter().map(|(n, f)| file_report(n, f)).collect();
    let words: usize = reports.iter().map(|r| r.words).sum();
    let done: usize = reports.iter().map(|r| r.words_translated).sum();
    if args.json {
        #[derive(Serialize)]
        struct Json<'a> {
            year: i32,
            lang: Lang,
            source_lang: Lang,
            words: usize,
            words_translated: usize,
            files: &'a [FileReport<'a>],
        }
        let json = Json {
            year: loaded.year,
            lang,
            source_lang: loaded.plan.programme.source_lang(),
            words,
            words_translated: done,
            files: &reports,
        };
        crate::output::json::to_writer_pretty(&mut *context.out, &json)
            .map_err(|e| CliError::from(std::io::Error::from(e)))?;
        writeln!(context.out)?;
        return Ok(());
    }
    if args.fields {
        writeln!(
            context.out,
            "{:<44} {:<11} {:>6}",
            crate::tr!("cli-translations-field"),
            crate::tr!("cli-translations-standing"),
            crate::tr!("cli-translations-words")
        )?;
        for report in &reports {
            for field in &report.field_standings {
                let id = format!("{}/{}", report.file, field.field);
                writeln!(
                    context.out,
                    "{:<44} {:<11} {:>6}",
                    escape_line(&id),
                    crate::tr!("cli-translations-standing-word", standing = field.standing),
                    field.words
                )?;
            }
        }
    } else {
        writeln!(
            context.out,
            "{:<10} {:>7} {:>6} {:>6}  {}",
            crate::tr!("cli-translations-file"),
            crate::tr!("cli-translations-fields"),
            crate::tr!("cli-translations-stale"),
            crate::tr!("cli-translations-done"),
            crate::tr!("cli-translations-words")
        )?;
        for report in &reports {
            writeln!(
                context.out,
                "{:<10} {:>7} {:>6} {:>5}%  {}",
                escape_line(report.file),
                format!("{}/{}", report.translated, report.fields),
                report.stale,
                percent(report.words_translated, report.words),
                crate::tr!(
                    "cli-translations-of",
                    part = report.words_translated,
                    whole = report.words
                )
            )?;
        }
    }
    writeln!(
        context.out,
        "{}",
        crate::tr!(
            "cli-translations-total",
            year = loaded.year,
            percent = percent(done, words),
            lang = lang.as_str(),
            done = done,
            words = words
        )
    )?;
    Ok(())
}

/// The id of the unit for `field` of `file`, item `item` (1-based) of a list.
fn unit_id(file: &str, field: &str, item: Option<usize>) -> String {
    match item {
        Some(n) => format!("{file}/{field}.{n}"),
        None => format!("{file}/{field}"),
    }
}

fn export(context: &mut Context, args: &ExportArgs) -> Result<(), CliError> {
    let (workspace, loaded) = context.load()?;
    let lang = target_lang(&loaded, args.lang)?;
    let mut units = Vec::new();
    let titles: BTreeMap<&str, &str> = loaded
        .plan
        .activities
        .iter()
        .map(|a| (a.code.as_str(), a.title.as_str()))
        .collect();
    for (file, fields) in every_file(&loaded, lang) {
        for field in fields {
            if field.is_done() && !args.all {
                continue;
            }
            let (earlier, needs_review) = match field.standing {
                Standing::Current(t) => (Some(&t.text), false),
                Standing::Stale(t) => (Some(&t.text), true),
                Standing::Missing => (None, false),
            };
            let about = match titles.get(file) {
                Some(title) => format!("{file} {title}: {}", field.field.path),
                None => format!("{file}: {}", field.field.path),
            };
            match &field.field.text {
                Text::One(source) => units.push(Unit {
                    id: unit_id(file, &field.field.path, None),
                    source: source.clone(),
                    target: earlier.and_then(Text::as_one).map(String::from),
                    note: Some(about),
                    needs_review,
                }),
                Text::List(items) => {
                    let old = match earlier {
                        Some(Text::List(old)) if old.len() == items.len() => Some(old),
                        _ => None,
                    };
                    for (i, source) in items.iter().enumerate() {
                        let target = old.map(|o| o[i].clone()).filter(|t| !t.trim().is_empty());
                        units.push(Unit {
                            id: unit_id(file, &field.field.path, Some(i + 1)),
                            source: source.clone(),
                            target,
                            note: Some(format!("{about}, item {}", i + 1)),
                            needs_review,
                        });
                    }
                }
            }
        }
    }
    let original = workspace
        .relative(&workspace.year_dir(loaded.year))
        .display()
        .to_string();
    let text = xliff::write(&units, loaded.plan.programme.source_lang(), lang, &original);
    match &args.output {
        Some(path) => {
            crate::store::write::write_output(path, text.as_bytes())?;
            eprintln!(
                "{}",
                crate::tr!(
                    "cli-translations-exported",
                    file = shown_line(&path.display().to_string()).to_string(),
                    count = units.len(),
                    lang = lang.as_str()
                )
            );
        }
        None => context.out.write_all(text.as_bytes())?,
    }
    Ok(())
}

/// A unit read for import: the path of its field, the item for a list, the unit itself.
type UnitOf<'a> = (&'a str, Option<usize>, &'a Unit);

/// A unit refused on import, and why.
struct Refused {
    id: String,
    why: String,
}

fn import(context: &mut Context, args: &ImportArgs) -> Result<(), CliError> {
    let shown = shown_line(&args.file.display().to_string()).to_string();
    let text = std::fs::read_to_string(&args.file).map_err(|e| {
        CliError::new(crate::tr!(
            "cli-translations-unreadable",
            file = shown.as_str(),
            error = e.to_string()
        ))
    })?;
    let read = xliff::read(&text).map_err(|error| {
        let place = match error.at {
            Some((line, column)) => format!("{shown}:{line}:{column}"),
            None => shown.clone(),
        };
        CliError::new(format!("{place}: {}", shown_line(&error.message)))
            .hint(crate::tr!("cli-translations-export-again-hint"))
    })?;
    let (workspace, loaded, lock) = context.load_for_writing()?;
    let lang = match read.target_language.as_deref().map(str::parse::<Lang>) {
        Some(Ok(lang)) => target_lang(&loaded, Some(lang))?,
        Some(Err(_)) | None => {
            return Err(CliError::new(crate::tr!(
                "cli-translations-no-language",
                file = shown.as_str()
            ))
            .hint(crate::tr!("cli-translations-no-language-hint")));
        }
    };
    // Units grouped by file, in document order.
    let mut by_file: BTreeMap<&str, Vec<UnitOf<'_>>> = BTreeMap::new();
    let mut refused = Vec::new();
    for unit in &read.units {
        let Some(target) = unit.target.as_deref() else {
            continue;
        };
        if target.trim().is_empty() {
            continue;
        }
        let Some((file, rest)) = unit.id.split_once('/') else {
            refused.push(Refused {
                id: unit.id.clone(),
                why: crate::tr!("cli-translations-bad-id"),
            });
            continue;
        };
        let (field, item) = split_item(rest);
        by_file.entry(file).or_default().push((field, item, unit));
    }
    let known = crate::validate::validate(&loaded);
    let base = Base {
        loaded: &loaded,
        findings: Some(&known),
    };
    let mut written = Vec::new();
    for (file, units) in &by_file {
        let outcome = if *file == PROGRAMME {
            import_programme(&workspace, &loaded, lang, units, &lock)
        } else {
            import_activity(&workspace, base, lang, file, units, &lock)
        };
        match outcome {
            Ok((count, mut file_refused)) => {
                if count > 0 {
                    written.push((file.to_string(), count));
                }
                refused.append(&mut file_refused);
            }
            Err(error) => return Err(error),
        }
    }
    drop(lock);
    for (file, count) in &written {
        writeln!(
            context.out,
            "{}",
            crate::tr!(
                "cli-translations-imported",
                file = shown_line(file).to_string(),
                count = *count,
                lang = lang.as_str()
            )
        )?;
    }
    if written.is_empty() {
        writeln!(
            context.out,
            "{}",
            crate::tr!("cli-translations-nothing-changed")
        )?;
    }
    if refused.is_empty() {
        return Ok(());
    }
    let mut error = CliError::new(crate::tr!(
        "cli-translations-refused",
        count = refused.len(),
        file = shown.as_str()
    ));
    for Refused { id, why } in &refused {
        error = error.hint(format!("{}: {why}", shown_line(id)));
    }
    Err(error.hint(crate::tr!("cli-translations-refused-hint")))
}

/// The translations `units` give for fields of `file`: each field's new translation, and the
/// units refused.
fn translations_of(
    file: &impl Translate,
    name: &str,
    lang: Lang,
    units: &[UnitOf],
) -> (Vec<(String, Translation)>, Vec<Refused>) {
    let fields = file.translatable();
    let mut refused = Vec::new();
    let mut result: Vec<(String, Translation)> = Vec::new();
    for &(path, item, unit) in units {
        let refuse = |why: String| Refused {
            id: unit.id.clone(),
            why,
        };
        let Some(field) = fields.iter().find(|f| f.path == path) else {
            refused.push(refuse(crate::tr!(
                "cli-translations-no-text",
                name = name,
                path = path
            )));
            continue;
        };
        let target = unit.target.clone().unwrap_or_default();
        let source_now = match (&field.text, item) {
            (Text::One(text), None) => text.as_str(),
            (Text::List(items), Some(n)) if n >= 1 && n <= items.len() => items[n - 1].as_str(),
            (Text::List(items), Some(n)) => {
                refused.push(refuse(crate::tr!(
                    "cli-translations-items",
                    path = path,
                    count = items.len(),
                    item = n
                )));
                continue;
            }
            (Text::List(_), None) => {
                refused.push(refuse(crate::tr!("cli-translations-a-list", path = path)));
                continue;
            }
            (Text::One(_), Some(_)) => {
                refused.push(refuse(crate::tr!(
                    "cli-translations-not-a-list",
                    path = path
                )));
                continue;
            }
        };
        if xliff::xml_text(source_now) != xliff::xml_text(&unit.source) {
            refused.push(refuse(crate::tr!(
                "cli-translations-source-changed",
                path = path
            )));
            continue;
        }
        let source = fingerprint(&field.text);
        let at = match result.iter().position(|(p, _)| p == path) {
            Some(at) => at,
            None => {
                let text = match &field.text {
                    Text::One(_) => Text::One(String::new()),
                    Text::List(items) => {
                        // Items not in the file keep a current translation, else stay blank.
                        match file.standing(lang, path, &field.text) {
                            Standing::Current(Translation {
                                text: Text::List(old),
                                ..
                            }) if old.len() == items.len() => Text::List(old.clone()),
                            _ => Text::List(vec![String::new(); items.len()]),
                        }
                    }
                };
                result.push((path.to_string(), Translation { text, source }));
                result.len() - 1
            }
        };
        match (&mut result[at].1.text, item) {
            (Text::One(text), None) => *text = target,
            (Text::List(items), Some(n)) => items[n - 1] = target,
            _ => {}
        }
    }
    // What would change nothing is left out, so that the count says what changed.
    result.retain(|(path, translation)| {
        file.translations().get(&lang).and_then(|t| t.get(path)) != Some(translation)
    });
    (result, refused)
}

fn import_activity(
    workspace: &Workspace,
    base: Base,
    lang: Lang,
    code: &str,
    units: &[UnitOf],
    lock: &WriteLock,
) -> Result<(usize, Vec<Refused>), CliError> {
    let Some(activity) = base.loaded.plan.activity(code) else {
        let refused = units
            .iter()
            .map(|(_, _, unit)| Refused {
                id: unit.id.clone(),
                why: crate::tr!("cli-translations-no-activity", code = code),
            })
            .collect();
        return Ok((0, refused));
    };
    let (translations, refused) = translations_of(activity, code, lang, units);
    if translations.is_empty() {
        return Ok((0, refused));
    }
    let mut open = edit::open(workspace, base.loaded, code)?;
    for (path, translation) in &translations {
        translate::put(open.editor.document_mut(), lang, path, Some(translation))?;
    }
    open.save(base, lock)?;
    Ok((translations.len(), refused))
}

fn import_programme(
    workspace: &Workspace,
    loaded: &Loaded,
    lang: Lang,
    units: &[UnitOf],
    lock: &WriteLock,
) -> Result<(usize, Vec<Refused>), CliError> {
    let (translations, refused) = translations_of(&loaded.plan.programme, PROGRAMME, lang, units);
    if translations.is_empty() {
        return Ok((0, refused));
    }
    let mut open = translate::open_programme(workspace, loaded)?;
    for (path, translation) in &translations {
        translate::put(&mut open.doc, lang, path, Some(translation))?;
    }
    open.save(loaded, lock)?;
    Ok((translations.len(), refused))
}
