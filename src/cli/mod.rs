//! The command line: the only clap user. One file per command, each an `Args` struct whose doc
//! comments are the `--help` text and a `run` function.

mod baseline;
mod blame;
mod check;
mod commit;
mod compile;
mod completions;
mod diff;
mod edit;
mod error;
mod export;
mod gate;
mod git_setup;
mod help;
mod history;
mod import;
mod init;
mod items;
mod list;
mod log;
mod man;
mod merge_file;
mod new;
mod new_year;
mod note;
mod outputs;
mod participant;
mod previous;
mod schema;
mod set;
mod show;
mod stats;
mod sync;
mod translate;
mod translations;
mod tui;
mod undo;
mod usage_error;
mod words;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Subcommand};

pub use error::CliError;
pub use tui::GitServices;

use crate::changes;
use crate::model::{Activity, Lang};
use crate::output::Terminal;
use crate::output::style::Palette;
use crate::store::{self, Loaded, Workspace, WriteLock};

/// Keep an organisation's annual work programme as TOML files in git, and work on it.
#[derive(Debug, clap::Parser)]
#[command(name = "programa", version, about, max_term_width = 100)]
pub struct Cli {
    /// The folder that holds `programme/` [default: the nearest such folder at or above the
    /// current one]
    #[arg(long, global = true, value_name = "DIR")]
    root: Option<PathBuf>,
    /// The programme year [default: the latest year present]
    #[arg(long, global = true, value_name = "YYYY")]
    year: Option<i32>,
    /// Colour the output of diff, log, history, list and check: auto colours a terminal unless
    /// NO_COLOR is set
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Without a command, the full-screen interface opens (on a terminal).
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    Init(init::Args),
    Import(import::Args),
    Check(check::Args),
    List(list::Args),
    Show(show::Args),
    Stats(stats::Args),
    Set(set::Args),
    #[command(subcommand)]
    Participant(participant::Command),
    Note(note::Args),
    #[command(subcommand)]
    Output(outputs::Command),
    New(new::Args),
    NewYear(new_year::Args),
    Edit(edit::Args),
    Schema(schema::Args),
    Tui(tui::Args),
    Undo(undo::Args),
    Redo(undo::RedoArgs),
    Commit(commit::Args),
    Sync(sync::Args),
    Log(log::Args),
    History(history::Args),
    Diff(diff::Args),
    Blame(blame::Args),
    Translate(translate::Args),
    Translations(translations::Args),
    /// Mark approved plans (annotated tags `baseline/<name>`) and compare against them
    #[command(subcommand)]
    Baseline(baseline::Command),
    GitSetup(git_setup::Args),
    #[command(hide = true)]
    Textconv(git_setup::TextconvArgs),
    #[command(hide = true)]
    DiffDriver(git_setup::DiffDriverArgs),
    #[command(hide = true)]
    MergeFile(merge_file::Args),
    /// Compile the programme document or the follow-up report to PDF
    #[command(subcommand)]
    Compile(compile::Command),
    /// Export the year's programme: CSV tables, JSON data, or an IATI activity file
    #[command(subcommand)]
    Export(export::Command),
    Completions(completions::Args),
    Man(man::Args),
}

/// When output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always, into a pipe too.
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether standard output is coloured.
    fn colours_stdout(self) -> bool {
        match self {
            ColorChoice::Auto => {
                crate::diagnostic::render::use_color(std::io::stdout().is_terminal())
            }
            ColorChoice::Always => true,
            ColorChoice::Never => false,
        }
    }
}

/// What every command gets: where the programme is, which year, and where to print.
pub struct Context<'a> {
    root: Option<PathBuf>,
    year: Option<i32>,
    /// The language of the interface ([`crate::i18n::lang`]): its messages and the names of
    /// countries.
    pub lang: Lang,
    /// Standard output, through a [`Terminal`] writer: a character from a file that would
    /// act on a terminal is escaped even where a command forgot to.
    pub out: &'a mut dyn Write,
    /// How standard output is coloured (`--color`): [`Context::out`] lets its colours through.
    pub palette: Palette,
}

impl Context<'_> {
    /// The workspace named by `--root`, or found from the current folder.
    pub fn workspace(&self) -> Result<Workspace, CliError> {
        match &self.root {
            Some(root) => Ok(Workspace::at(root)),
            None => {
                let here = std::env::current_dir().map_err(|e| {
                    let error = e.to_string();
                    CliError::new(crate::tr!("cli-cannot-read-current-folder", error = error))
                })?;
                Ok(Workspace::discover(&here)?)
            }
        }
    }

    /// Standard output without the escaping of [`Context::out`], for text that is terminal
    /// text already and carries colours of its own: findings, escaped as they are quoted.
    pub fn styled_out(&mut self) -> std::io::Result<std::io::Stdout> {
        self.out.flush()?;
        Ok(std::io::stdout())
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

    /// Takes the write lock and then loads the chosen year, so that what a command changes is
    /// read after every earlier writer is done; the lock is held until it is dropped.
    pub fn load_for_writing(&self) -> Result<(Workspace, Loaded, WriteLock), CliError> {
        let workspace = self.workspace()?;
        let year = workspace.resolve_year(self.year)?;
        let lock = lock_year(&workspace, year)?;
        let loaded = store::load(&workspace, year)?;
        Ok((workspace, loaded, lock))
    }
}

/// Prints what an edit did to activity `code`, one line per change in the words of `programa
/// diff`: `after` is the activity as saved (`None` when nothing was written), `before` as it was
/// read.
pub(crate) fn print_edit(
    out: &mut dyn Write,
    code: &str,
    before: Option<&Activity>,
    after: Option<&Activity>,
) -> std::io::Result<()> {
    let phrases = match (before, after) {
        (Some(before), Some(after)) => changes::edit_phrases(before, after),
        (None, Some(_)) => vec![crate::tr!("cli-saved")],
        (_, None) => Vec::new(),
    };
    if phrases.is_empty() {
        writeln!(out, "{}", crate::tr!("cli-no-changes", code = code))?;
    }
    for phrase in phrases {
        writeln!(out, "{code}: {phrase}")?;
    }
    Ok(())
}

/// Takes the write lock of `year`'s files, saying on stderr when another programa holds it.
pub(crate) fn lock_year(workspace: &Workspace, year: i32) -> Result<WriteLock, CliError> {
    let timeout = store::lock::timeout()?;
    Ok(workspace.lock_year(year, timeout, say_waiting)?)
}

/// What a writer says while another holds the lock.
fn say_waiting(holder: &store::Holder) {
    let holder = crate::output::shown(&holder.to_string()).to_string();
    eprintln!("{}", crate::tr!("cli-waiting-for-writer", holder = holder));
}

/// Takes the write lock of every year's files (as a commit does), saying so when it waits.
pub(crate) fn lock_all(workspace: &Workspace) -> Result<WriteLock, CliError> {
    let timeout = store::lock::timeout()?;
    Ok(workspace.lock_all(timeout, say_waiting)?)
}

/// Parses `args` and runs the command, printing errors to stderr; returns the exit code.
pub fn main(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let args: Vec<OsString> = args.into_iter().collect();
    if let Some(code) = completions::complete_from_env(&args) {
        return code;
    }
    let lang = crate::i18n::lang();
    let described = description(&args);
    let cli = match parse(args, lang) {
        Ok(cli) => cli,
        Err(error) => {
            match usage_error::render(&error, lang) {
                Some(text) => eprint!("{text}"),
                None => {
                    let _ = error.print();
                }
            }
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let command = match cli.command {
        Some(command) => command,
        None if std::io::stdout().is_terminal() => Command::Tui(tui::Args::default()),
        None => {
            let _ = help::localized(Cli::command(), lang).print_help();
            return ExitCode::from(2);
        }
    };
    let palette = Palette::new(cli.color.colours_stdout());
    let mut out = if palette.is_on() {
        Terminal::keeping_colours(std::io::stdout().lock())
    } else {
        Terminal::new(std::io::stdout().lock())
    };
    let mut context = Context {
        root: cli.root,
        year: cli.year,
        lang,
        out: &mut out,
        palette,
    };
    if command.is_recorded()
        && let Ok(workspace) = context.workspace()
    {
        store::journal::start(&workspace, described);
    }
    let result = run(command, &mut context)
        .and_then(|()| store::journal::finish().map_err(CliError::from))
        .and_then(|()| context.out.flush().map_err(CliError::from));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => error.report(),
    }
}

impl Command {
    /// Whether the command's changes to programme files go into the journal (all but the
    /// ones that undo and redo them, and the interface, which journals its own saves).
    fn is_recorded(&self) -> bool {
        matches!(
            self,
            Command::Import(_)
                | Command::Check(_)
                | Command::Set(_)
                | Command::Participant(_)
                | Command::Note(_)
                | Command::Output(_)
                | Command::New(_)
                | Command::Edit(_)
                | Command::Translate(_)
                | Command::Translations(_)
        )
    }
}

/// The command line as the journal describes a change: `programa set I.1.1 status=completed`.
fn description(args: &[OsString]) -> String {
    let mut words = vec!["programa".to_string()];
    for arg in args.iter().skip(1) {
        let arg = arg.to_string_lossy();
        if arg.is_empty() || arg.contains(char::is_whitespace) {
            words.push(format!("'{arg}'"));
        } else {
            words.push(arg.into_owned());
        }
    }
    words.join(" ")
}

/// The command line `args` read by programa's commands, with their help in `lang`.
fn parse(args: Vec<OsString>, lang: Lang) -> Result<Cli, clap::Error> {
    let mut command = help::localized(Cli::command(), lang);
    let mut matches = command.try_get_matches_from_mut(args)?;
    Cli::from_arg_matches_mut(&mut matches).map_err(|error| error.format(&mut command))
}

fn run(command: Command, context: &mut Context) -> Result<(), CliError> {
    match command {
        Command::Init(args) => init::run(context, &args),
        Command::Import(args) => import::run(context, &args),
        Command::Check(args) => check::run(context, &args),
        Command::List(args) => list::run(context, &args),
        Command::Show(args) => show::run(context, &args),
        Command::Stats(args) => stats::run(context, &args),
        Command::Set(args) => set::run(context, &args),
        Command::Participant(command) => participant::run(context, &command),
        Command::Note(args) => note::run(context, &args),
        Command::Output(command) => outputs::run(context, &command),
        Command::New(args) => new::run(context, &args),
        Command::NewYear(args) => new_year::run(context, &args),
        Command::Edit(args) => edit::run(context, &args),
        Command::Schema(args) => schema::run(context, &args),
        Command::Tui(args) => tui::run(context, &args),
        Command::Undo(args) => undo::run(context, &args),
        Command::Redo(args) => undo::run_redo(context, &args),
        Command::Commit(args) => commit::run(context, &args),
        Command::Sync(args) => sync::run(context, &args),
        Command::Log(args) => log::run(context, &args),
        Command::History(args) => history::run(context, &args),
        Command::Diff(args) => diff::run(context, &args),
        Command::Blame(args) => blame::run(context, &args),
        Command::Translate(args) => translate::run(context, &args),
        Command::Translations(args) => translations::run(context, &args),
        Command::Baseline(command) => baseline::run(context, &command),
        Command::GitSetup(args) => git_setup::run(context, &args),
        Command::Textconv(args) => git_setup::run_textconv(context, &args),
        Command::DiffDriver(args) => git_setup::run_diff_driver(context, &args),
        Command::MergeFile(args) => merge_file::run(context, &args),
        Command::Compile(command) => compile::run(context, &command),
        Command::Export(command) => export::run(context, &command),
        Command::Completions(args) => completions::run(context, &args),
        Command::Man(args) => man::run(context, &args),
    }
}
