//! `programa new-year`: next year's programme from this one's.

use super::{CliError, Context};
use crate::output::shown_line;
use crate::rollover::{Carry, roll_over};
use crate::store::write::{TEMPORARY_SUFFIX, to_toml, write_file};
use crate::store::{self, ACTIVITIES_DIR, PROGRAMME_DIR, PROGRAMME_FILE, StoreError};

/// Start next year's programme from this one's
///
/// Writes `programme/YYYY/` from the year given with `--from`: the hierarchy (areas,
/// programmes, projects) and the organisation's details kept; the activities neither completed
/// nor cancelled carried over (or exactly those named with `--carry`), each with its code, its
/// sections A–D and `previous = "FROM/CODE"`, planned at 0 % with its planned dates moved to the
/// new year, and no participants, notes, outputs or actual dates; and, as the new document's
/// background chapter, a draft of the previous year's execution from its figures. The foreword
/// and the register codes are left for the new document. `history` and `log` follow
/// `previous` back to the earlier years.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The new year
    #[arg(value_name = "YYYY")]
    new_year: i32,
    /// The year to start from [default: the year before]
    #[arg(long, value_name = "YYYY")]
    from: Option<i32>,
    /// Carry over exactly these activities [default: those neither completed nor cancelled]
    #[arg(long, value_name = "CODE", num_args = 1..,
          add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    carry: Vec<String>,
}

/// Runs `programa new-year`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let workspace = context.workspace()?;
    let to = args.new_year;
    let from = args.from.unwrap_or(to - 1);
    if !(1000..=9999).contains(&to) || from >= to {
        return Err(CliError::new(crate::tr!(
            "cli-new-year-order",
            to = to.to_string(),
            from = from.to_string()
        ))
        .hint(crate::tr!("cli-new-year-order-hint")));
    }
    let years = workspace.years()?;
    if !years.contains(&from) {
        let known: Vec<String> = years.iter().map(ToString::to_string).collect();
        return Err(
            CliError::new(crate::tr!("cli-new-year-no-from", from = from.to_string())).hint(
                crate::tr!("cli-new-year-no-from-hint", years = known.join(", ")),
            ),
        );
    }
    let target = workspace.year_dir(to);
    if target.exists() {
        return Err(CliError::new(crate::tr!(
            "store-exists",
            path = shown_line(&workspace.relative(&target).display().to_string()).to_string()
        ))
        .hint(crate::tr!("cli-new-year-exists-hint")));
    }
    let lock = super::lock_all(&workspace)?;
    let loaded = store::load(&workspace, from)?;
    if loaded.has_errors() || loaded.has_conflicts() {
        return Err(CliError::new(crate::tr!(
            "cli-new-year-unreadable",
            from = from.to_string()
        ))
        .hint(crate::tr!(
            "cli-new-year-unreadable-hint",
            from = from.to_string()
        )));
    }
    let carry = if args.carry.is_empty() {
        Carry::Unfinished
    } else {
        Carry::Codes(args.carry.iter().map(|c| c.trim().to_string()).collect())
    };
    let next = roll_over(&loaded.plan, from, to, &carry).map_err(|error| {
        CliError::new(error.to_string()).hint(crate::tr!(
            "cli-new-year-carry-hint",
            from = from.to_string()
        ))
    })?;

    // Written into a folder of its own, then put in place in one rename: the year appears
    // whole or not at all.
    let staging = workspace
        .root()
        .join(PROGRAMME_DIR)
        .join(format!(".{to}{TEMPORARY_SUFFIX}"));
    let _ = std::fs::remove_dir_all(&staging);
    let activities = staging.join(ACTIVITIES_DIR);
    std::fs::create_dir_all(&activities).map_err(StoreError::io("cannot create", &activities))?;
    let serialise = |what: String, error: toml::ser::Error| {
        CliError::new(crate::tr!(
            "cli-new-year-serialise",
            what = what,
            error = error.to_string()
        ))
    };
    let written = (|| -> Result<(), CliError> {
        let text = to_toml(&next.programme)
            .map_err(|e| serialise(crate::tr!("cli-new-year-the-programme"), e))?;
        write_file(&staging.join(PROGRAMME_FILE), text.as_bytes())?;
        for activity in &next.activities {
            let text = to_toml(activity).map_err(|e| serialise(activity.code.clone(), e))?;
            write_file(
                &activities.join(format!("{}.toml", activity.code)),
                text.as_bytes(),
            )?;
        }
        std::fs::rename(&staging, &target).map_err(StoreError::io("cannot create", &target))?;
        Ok(())
    })();
    if written.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    written?;
    drop(lock);

    let codes: Vec<&str> = next.activities.iter().map(|a| a.code.as_str()).collect();
    let shown_dir = workspace.relative(&target).display().to_string();
    let dir = shown_line(&shown_dir).to_string();
    let started = if codes.is_empty() {
        crate::tr!(
            "cli-new-year-started",
            dir = dir.as_str(),
            from = from.to_string(),
            count = 0
        )
    } else {
        crate::tr!(
            "cli-new-year-started-codes",
            dir = dir.as_str(),
            from = from.to_string(),
            count = codes.len(),
            codes = shown_line(&codes.join(", ")).to_string()
        )
    };
    writeln!(context.out, "{started}")?;
    let left = loaded.plan.activities.len() - codes.len();
    if left > 0 {
        writeln!(
            context.out,
            "  {}",
            crate::tr!("cli-new-year-left", count = left, from = from.to_string())
        )?;
    }
    writeln!(
        context.out,
        "  {}",
        crate::tr!(
            "cli-new-year-background",
            from = from.to_string(),
            file = format!("{dir}/{PROGRAMME_FILE}")
        )
    )?;
    Ok(())
}
