//! `programa completions`: shell completion scripts, and the completion of activity, area and
//! project codes and of `set`'s keys and values as a shell asks for them.
//!
//! The script a shell sources calls `programa` again at each Tab with `COMPLETE=<shell>` set
//! (clap_complete's dynamic completion), so codes come from the workspace as it is at that
//! moment. Completing never prints an error: a workspace that cannot be read offers nothing.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use clap::CommandFactory;
use clap_complete::engine::CompletionCandidate;
use clap_complete::env::{self, CompleteEnv, EnvCompleter};

use super::{CliError, Context};
use crate::model::{Format, Kind, Status};
use crate::store::edit::SETTABLE;
use crate::store::{self, Codes, Workspace};

/// The variable that asks `programa` to complete instead of running a command.
const COMPLETE_VAR: &str = "COMPLETE";

/// Print a script that makes a shell complete programa's commands, options and codes
///
/// The script completes commands and options, and also activity, area and project codes and
/// status values, read from the programme of the current folder (or `--root`) at each Tab.
///
/// bash: `source <(programa completions bash)` in `~/.bashrc`
/// zsh: `source <(programa completions zsh)` in `~/.zshrc`
/// fish: `programa completions fish | source` in `~/.config/fish/config.fish`
/// PowerShell: `programa completions powershell | Out-String | Invoke-Expression` in `$PROFILE`
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell
    shell: Shell,
}

/// The shells a script can be printed for.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

impl Shell {
    /// clap_complete's writer of this shell's script.
    fn completer(self) -> &'static dyn EnvCompleter {
        match self {
            Shell::Bash => &env::Bash,
            Shell::Zsh => &env::Zsh,
            Shell::Fish => &env::Fish,
            Shell::Powershell => &env::Powershell,
            Shell::Elvish => &env::Elvish,
        }
    }
}

/// Runs `programa completions`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let shell = args.shell.completer();
    let completer = completer_path();
    let mut script = Vec::new();
    shell.write_registration(
        COMPLETE_VAR,
        "programa",
        "programa",
        &completer,
        &mut script,
    )?;
    context.out.write_all(&script)?;
    Ok(())
}

/// How the script calls programa back: as it was called now, made absolute when it was called
/// by a relative path, so the script works from any folder.
fn completer_path() -> String {
    let called = std::env::args_os()
        .next()
        .map_or_else(|| PathBuf::from("programa"), PathBuf::from);
    let called = if called.components().count() > 1 && called.is_relative() {
        std::env::current_dir().map_or(called.clone(), |here| here.join(&called))
    } else {
        called
    };
    called.to_string_lossy().into_owned()
}

/// Where codes are read from while completing: `--root` and `--year` as typed on the line
/// being completed, else the workspace found from the current folder and its latest year.
#[derive(Debug, Default)]
struct Scope {
    root: Option<PathBuf>,
    year: Option<i32>,
}

/// Set once, before completing, from the words of the line being completed.
static SCOPE: OnceLock<Scope> = OnceLock::new();

/// Completes the line a shell hands over when `COMPLETE` is set, printing the candidates;
/// `None` when it is not set and the command should run.
pub(super) fn complete_from_env(args: &[OsString]) -> Option<ExitCode> {
    if std::env::var_os(COMPLETE_VAR).is_none_or(|shell| shell.is_empty() || shell == "0") {
        return None;
    }
    let words = args
        .iter()
        .position(|arg| arg == "--")
        .map_or(&[][..], |dash| &args[dash + 1..]);
    let _ = SCOPE.set(scope_of(words));
    let here = std::env::current_dir().ok();
    let completed = CompleteEnv::with_factory(super::Cli::command)
        .var(COMPLETE_VAR)
        .try_complete(args.iter().cloned(), here.as_deref());
    match completed {
        Ok(true) => Some(ExitCode::SUCCESS),
        Ok(false) => None,
        // While a shell completes, an error would be printed over the line being typed.
        Err(_) if !words.is_empty() => Some(ExitCode::FAILURE),
        Err(error) => {
            let _ = error.print();
            Some(ExitCode::from(2))
        }
    }
}

/// `--root` and `--year` among the words before the one being completed.
fn scope_of(words: &[OsString]) -> Scope {
    let mut scope = Scope::default();
    let before = &words[..words.len().saturating_sub(1)];
    let mut words = before.iter().map(|word| word.to_string_lossy());
    while let Some(word) = words.next() {
        let (name, inline) = match word.split_once('=') {
            Some((name, value)) => (name.to_string(), Some(value.to_string())),
            None => (word.to_string(), None),
        };
        if name != "--root" && name != "--year" {
            continue;
        }
        let Some(value) = inline.or_else(|| words.next().map(|value| value.to_string())) else {
            break;
        };
        if name == "--root" {
            scope.root = Some(PathBuf::from(value));
        } else {
            scope.year = value.parse().ok();
        }
    }
    scope
}

/// The codes of the workspace in [`SCOPE`]; none when anything cannot be read.
fn codes() -> Codes {
    let scope = SCOPE.get_or_init(Scope::default);
    read_codes(scope).unwrap_or_default()
}

fn read_codes(scope: &Scope) -> Option<Codes> {
    let workspace = match &scope.root {
        Some(root) => Workspace::at(root),
        None => Workspace::discover(&std::env::current_dir().ok()?).ok()?,
    };
    let year = workspace.resolve_year(scope.year).ok()?;
    store::codes(&workspace, year).ok()
}

/// Candidates for an activity's code.
pub(super) fn activity_codes() -> Vec<CompletionCandidate> {
    candidates(codes().activities)
}

/// Candidates for a project's code.
pub(super) fn project_codes() -> Vec<CompletionCandidate> {
    candidates(codes().projects)
}

/// Candidates for an area's code.
pub(super) fn area_codes() -> Vec<CompletionCandidate> {
    candidates(codes().areas)
}

fn candidates(values: Vec<String>) -> Vec<CompletionCandidate> {
    values.into_iter().map(CompletionCandidate::new).collect()
}

/// Candidates for one `KEY=VALUE` of `programa set`: the keys it can change, then the values
/// of the keys that take one of a few words.
pub(super) fn assignments(current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(current) = current.to_str() else {
        return Vec::new();
    };
    let words = |key: &str| -> Option<Vec<&'static str>> {
        match key {
            "status" => Some(Status::ALL.iter().map(|s| s.as_str()).collect()),
            "kind" => Some(Kind::ALL.iter().map(|k| k.as_str()).collect()),
            "format" => Some(Format::ALL.iter().map(|f| f.as_str()).collect()),
            _ => None,
        }
    };
    let offered: Vec<String> = match current.split_once('=') {
        Some((key, _)) => words(key)
            .unwrap_or_default()
            .into_iter()
            .map(|word| format!("{key}={word}"))
            .collect(),
        None => SETTABLE.iter().map(|key| format!("{key}=")).collect(),
    };
    offered
        .into_iter()
        .filter(|candidate| candidate.starts_with(current))
        .map(CompletionCandidate::new)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn words(line: &[&str]) -> Vec<OsString> {
        line.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_scope_is_read_from_the_words_before_the_one_completed() {
        let scope = scope_of(&words(&[
            "programa",
            "--root",
            "/r",
            "--year=2020",
            "show",
            "I.",
        ]));
        assert_eq!(scope.root.as_deref(), Some(Path::new("/r")));
        assert_eq!(scope.year, Some(2020));
        let typing = scope_of(&words(&["programa", "show", "--root"]));
        assert_eq!(typing.root, None);
        let bad_year = scope_of(&words(&["programa", "--year", "soon", "show", ""]));
        assert_eq!(bad_year.year, None);
    }

    #[test]
    fn set_offers_keys_then_the_words_a_key_takes() {
        let values = |current: &str| -> Vec<String> {
            assignments(OsStr::new(current))
                .iter()
                .map(|c| c.get_value().to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(values("prog"), ["progress="]);
        assert!(values("").contains(&"actual_end=".to_string()));
        assert_eq!(values("status=c"), ["status=completed", "status=cancelled"]);
        assert_eq!(values("format=v"), ["format=virtual"]);
        assert!(values("venue=").is_empty());
    }
}
