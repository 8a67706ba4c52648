//! The command line: the only clap user. One file per command, each an `Args` struct whose doc
//! comments are the `--help` text and a `run` function.

mod check;
mod compile;
mod edit;
mod error;
mod import;
mod list;
mod new;
mod note;
mod participant;
mod schema;
mod set;
mod show;
mod stats;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use error::CliError;

use crate::store::{self, Loaded, Workspace};

/// Keep an organisation's annual work programme as TOML files in git, and work on it.
#[derive(Debug, Parser)]
#[command(name = "programa", version, about, max_term_width = 100)]
pub struct Cli {
    /// The folder that holds `programme/` [default: the nearest such folder at or above the
    /// current one]
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    /// The programme year [default: the latest year present]
    #[arg(long, global = true, value_name = "YYYY")]
    year: Option<i32>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Import(import::Args),
    Check(check::Args),
    List(list::Args),
    Show(show::Args),
    Stats(stats::Args),
    Set(set::Args),
    #[command(subcommand)]
    Participant(participant::Command),
    Note(note::Args),
    New(new::Args),
    Edit(edit::Args),
    Schema(schema::Args),
    /// Compile the programme document or the follow-up report to PDF
    #[command(subcommand)]
    Compile(compile::Command),
}

/// What every command gets: where the programme is, which year, and where to print.
pub struct Context<'a> {
    root: Option<PathBuf>,
    year: Option<i32>,
    /// Standard output.
    pub out: &'a mut dyn Write,
}

impl Context<'_> {
    /// The workspace named by `--root`, or found from the current folder.
    pub fn workspace(&self) -> Result<Workspace, CliError> {
        match &self.root {
            Some(root) => Ok(Workspace::at(root)),
            None => {
                let here = std::env::current_dir()
                    .map_err(|e| CliError::new(format!("cannot read the current folder ({e})")))?;
                Ok(Workspace::discover(&here)?)
            }
        }
    }

    /// The year named by `--year`, without checking it exists.
    pub fn year_option(&self) -> Option<i32> {
        self.year
    }

    /// Loads the chosen year of the workspace.
    pub fn load(&self) -> Result<(Workspace, Loaded), CliError> {
        let workspace = self.workspace()?;
        let year = workspace.resolve_year(self.year)?;
        let loaded = store::load(&workspace, year)?;
        Ok((workspace, loaded))
    }
}

/// Parses `args` and runs the command, printing errors to stderr; returns the exit code.
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut context = Context {
        root: cli.root,
        year: cli.year,
        out: &mut out,
    };
    let result =
        run(cli.command, &mut context).and_then(|()| context.out.flush().map_err(CliError::from));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => error.report(),
    }
}

fn run(command: Command, context: &mut Context) -> Result<(), CliError> {
    match command {
        Command::Import(args) => import::run(context, &args),
        Command::Check(args) => check::run(context, &args),
        Command::List(args) => list::run(context, &args),
        Command::Show(args) => show::run(context, &args),
        Command::Stats(args) => stats::run(context, &args),
        Command::Set(args) => set::run(context, &args),
        Command::Participant(command) => participant::run(context, &command),
        Command::Note(args) => note::run(context, &args),
        Command::New(args) => new::run(context, &args),
        Command::Edit(args) => edit::run(context, &args),
        Command::Schema(args) => schema::run(context, &args),
        Command::Compile(command) => compile::run(context, &command),
    }
}
