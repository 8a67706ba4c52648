//! `programa new`: Create an activity with the next free code of a project.

use super::{CliError, Context};
use crate::model::{Activity, Format, Kind};
use crate::store::edit;

/// Create an activity with the next free code of a project.
///
/// The code is one more than the project's highest: after I.1.4 and I.1.6 comes I.1.7. Gaps are
/// not filled, since a code once used lives on in the history and in past reports. The new
/// activity is planned, at 0 %; fill it in with `programa set` and `programa edit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project it belongs to, such as I.1
    #[arg(long, add = clap_complete::ArgValueCandidates::new(super::completions::project_codes))]
    project: String,
    /// Its title
    #[arg(long)]
    title: String,
    /// What kind of work it is
    #[arg(long, default_value = "event", value_parser = super::words::words::<Kind>())]
    kind: Kind,
    /// How an event is held
    #[arg(long, value_parser = super::words::words::<Format>())]
    format: Option<Format>,
}

/// Runs `programa new`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let (workspace, loaded, lock) = context.load_for_writing()?;
    if let Some(programme) = loaded.sources.first() {
        let findings: Vec<_> = loaded
            .findings
            .iter()
            .filter(|f| f.is_error() && f.file.as_deref() == Some(programme.path.as_path()))
            .cloned()
            .collect();
        if !findings.is_empty() {
            return Err(CliError::new(crate::tr!(
                "store-edit-unreadable",
                file = programme.path.display().to_string()
            ))
            .with_findings(findings, vec![programme.clone()])
            .hint(crate::tr!("cli-new-unreadable-hint")));
        }
    }
    let activity = Activity {
        project: args.project.trim().to_string(),
        title: args.title.trim().to_string(),
        kind: args.kind,
        format: args.format,
        ..Activity::default()
    };
    let file = edit::create(&workspace, &loaded, activity, &lock)?;
    drop(lock);
    writeln!(
        context.out,
        "{}",
        crate::tr!(
            "cli-new-created",
            code = file.code.as_str(),
            file = file.relative.display().to_string()
        )
    )?;
    Ok(())
}
