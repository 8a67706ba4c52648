//! `programa blame`: who last set each field, list item, participant and note of an activity.

use std::io::Write;

use unicode_width::UnicodeWidthStr;

use super::history::{open, warn};
use super::{CliError, Context};
use crate::history::{Blame, SetBy};
use crate::output::escape_line;

/// Show who last set each field of an activity, and in which commit
///
/// For every field, objective, expected result, partner, participant, note, output and
/// footnote: the commit that last set it, its date and author, from the activity's history
/// (followed through renames). Changes not committed yet say so.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The activity's code, `I.1.1`
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// Print JSON for tools
    #[arg(long)]
    json: bool,
}

/// Widest a value is shown, in columns; longer ones end in `…`.
const VALUE_WIDTH: usize = 48;

/// Runs `programa blame`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let (_, loaded) = context.load()?;
    let Some(activity) = loaded.plan.activity(&args.code) else {
        let codes = loaded.plan.activities.iter().map(|a| a.code.as_str());
        let mut error = CliError::new(crate::tr!("cli-blame-unknown", code = args.code.as_str()));
        if let Some(close) = crate::suggest::did_you_mean(&args.code, codes) {
            error = error.hint(crate::tr!("store-did-you-mean-code", code = close));
        }
        return Err(error.hint(crate::tr!("cli-blame-unknown-hint")));
    };
    let (repo, year) = open(context)?;
    let blame = repo.blame(year, activity)?;
    warn(&blame.warnings);
    if args.json {
        crate::output::json::to_writer_pretty(&mut *context.out, &blame)
            .map_err(|e| CliError::from(std::io::Error::from(e)))?;
        writeln!(context.out)?;
        return Ok(());
    }
    print_blame(context.out, &blame)?;
    Ok(())
}

/// Prints one line per part: its field, its value cut short, then the commit, day and author.
fn print_blame(out: &mut dyn Write, blame: &Blame) -> std::io::Result<()> {
    writeln!(
        out,
        "{}  {}",
        escape_line(&blame.code),
        escape_line(&blame.title)
    )?;
    let field_width = blame
        .lines
        .iter()
        .map(|l| l.field.width())
        .max()
        .unwrap_or(0);
    for line in &blame.lines {
        let value = short(&escape_line(&line.value));
        let pad = VALUE_WIDTH.saturating_sub(value.width());
        let by = match &line.set_by {
            SetBy::Commit { commit } => format!(
                "{}  {}  {}",
                commit.short,
                commit.day(),
                escape_line(&commit.author)
            ),
            SetBy::NotCommitted => crate::tr!("cli-blame-not-committed"),
            SetBy::BeforeHistory => crate::tr!("cli-blame-before-history"),
        };
        writeln!(
            out,
            "{:<field_width$}  {value}{:pad$}  {by}",
            line.field, ""
        )?;
    }
    Ok(())
}

/// `text` cut to [`VALUE_WIDTH`] columns, ending in `…` when it was longer.
fn short(text: &str) -> String {
    if text.width() <= VALUE_WIDTH {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + c.to_string().width() >= VALUE_WIDTH {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
