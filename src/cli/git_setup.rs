//! `programa git-setup`: make `git diff` show programme files field by field and git's merges
//! merge them field by field; and the hidden `programa diff-driver` that git then runs on each
//! changed file (`programa merge-file`, the merge driver, has a file of its own). The hidden
//! `programa textconv` stays for repositories set up by earlier versions.

use std::ffi::OsStr;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::diff::print_changes;
use super::{CliError, Context};
use crate::changes::{PlanChanges, compare_activities, compare_programmes};
use crate::history::patch::{Side, git_patch};
use crate::history::textconv::ProgrammeFile;
use crate::history::{Repo, shell_quote, textconv};
use crate::model::Activity;
use crate::output::style::Palette;

/// Make `git diff` and git's merges work on programme files field by field
///
/// Sets up a diff driver and a merge driver: `.gitattributes` lines for `programme/**/*.toml`
/// (`diff=programa`, `merge=programa`) and `diff.programa.*` and `merge.programa.*` settings in
/// the repository's .git/config. `git diff` (and `git log -p --ext-diff`, `git show
/// --ext-diff`) then print each changed programme file's fields before its usual patch, which
/// `git apply` still applies; `git blame`, `git format-patch` and `git log -p` keep the file's
/// own lines. `git merge`, `git rebase`, `git cherry-pick` and the like merge programme files
/// with `programa merge-file`. Running it again changes nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The command git runs to show a changed file [default: `programa diff-driver` when this
    /// programa is the one on PATH, else this programa's full path]
    #[arg(long, value_name = "COMMAND")]
    command: Option<String>,
}

/// The arguments git gives the merge driver: the ancestor's, ours' and theirs' versions, the
/// length of conflict markers, the file's path and the names of the three sides.
const MERGE_ARGS: &str = "merge-file %O %A %B %L %P %S %X %Y";

/// The name git should call this programa by: `programa` when that name on `PATH` is this very
/// program (an installed one), so the setting survives reinstalls; else its full path.
fn textconv_program(exe: &Path, path_var: Option<&OsStr>) -> String {
    let this = exe.canonicalize().unwrap_or_else(|_| exe.to_path_buf());
    let on_path = path_var
        .into_iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join("programa"))
        .find(|candidate| candidate.is_file());
    match on_path.and_then(|found| found.canonicalize().ok()) {
        Some(found) if found == this => "programa".to_string(),
        _ => shell_quote(&exe.to_string_lossy()),
    }
}

/// Runs `programa git-setup`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let workspace = context.workspace()?;
    let repo = Repo::open(&workspace)?;
    set_up(context, &repo, args.command.as_deref())
}

/// Sets up the diff and merge drivers in `repo` (`command` the diff driver's command, if not
/// the default) and says what changed: `git-setup`'s work, which `init` does too.
pub(super) fn set_up(
    context: &mut Context,
    repo: &Repo,
    command: Option<&str>,
) -> Result<(), CliError> {
    let exe = std::env::current_exe().map_err(|e| {
        CliError::new(crate::tr!("cli-setup-no-exe", error = e.to_string()))
            .hint(crate::tr!("cli-setup-no-exe-hint"))
    })?;
    let program = textconv_program(&exe, std::env::var_os("PATH").as_deref());
    if program != "programa" {
        let exe = crate::output::escape_hidden(&exe.display().to_string()).into_owned();
        eprintln!("{}", crate::tr!("cli-setup-full-path", exe = exe));
    }
    let driver = match command {
        Some(command) => command.to_string(),
        None => format!("{program} diff-driver"),
    };
    let report = repo.setup_drivers(&driver, &format!("{program} {MERGE_ARGS}"))?;
    if report.is_empty() {
        writeln!(context.out, "{}", crate::tr!("cli-setup-done-already"))?;
        return Ok(());
    }
    for line in &report.attributes_added {
        writeln!(
            context.out,
            "{}",
            crate::tr!("cli-setup-attribute", line = line.as_str())
        )?;
    }
    for (key, value) in &report.settings {
        writeln!(
            context.out,
            "{}",
            crate::tr!("cli-setup-set", key = key.as_str(), value = value.as_str())
        )?;
    }
    for key in &report.removed {
        writeln!(
            context.out,
            "{}",
            crate::tr!("cli-setup-removed", key = key.as_str())
        )?;
    }
    writeln!(context.out, "{}", crate::tr!("cli-setup-done"))?;
    Ok(())
}

/// Print a programme file as the diff driver shows it: one field per line.
#[derive(Debug, clap::Args)]
pub struct TextconvArgs {
    /// The file (git passes a temporary copy)
    file: PathBuf,
}

/// Runs `programa textconv`.
pub fn run_textconv(context: &mut Context, args: &TextconvArgs) -> Result<(), CliError> {
    let bytes = std::fs::read(&args.file).map_err(|e| {
        CliError::new(crate::tr!(
            "cli-init-cannot-read",
            dir = args.file.display().to_string(),
            error = e.to_string()
        ))
    })?;
    let text = String::from_utf8_lossy(&bytes);
    context
        .out
        .write_all(textconv::textconv(&text).as_bytes())?;
    Ok(())
}

/// Show a changed programme file for `git diff`: its fields, then its patch
#[derive(Debug, clap::Args)]
pub struct DiffDriverArgs {
    /// What git passes an external diff driver: the path; the old file, its blob id and mode;
    /// the new file, its blob id and mode; for a rename, the new path and git's rename lines;
    /// for a file with merge conflicts, only the path
    #[arg(num_args = 1..=9, value_name = "ARG")]
    args: Vec<String>,
}

/// Runs `programa diff-driver`: the fields that changed, escaped, then the patch, exactly as the
/// files have it unless it goes to a terminal or git's pager, where it is escaped too.
pub fn run_diff_driver(context: &mut Context, args: &DiffDriverArgs) -> Result<(), CliError> {
    if let [path] = args.args.as_slice() {
        writeln!(context.out, "* Unmerged path {path}")?;
        return Ok(());
    }
    let [
        path,
        old_file,
        old_id,
        old_mode,
        new_file,
        new_id,
        new_mode,
        rest @ ..,
    ] = args.args.as_slice()
    else {
        return Err(CliError::new(crate::tr!("cli-diff-driver-arguments")));
    };
    let read = |file: &str, mode: &str| -> Result<Vec<u8>, CliError> {
        if mode == "." {
            return Ok(Vec::new());
        }
        std::fs::read(file).map_err(|e| {
            CliError::new(crate::tr!(
                "cli-init-cannot-read",
                dir = file,
                error = e.to_string()
            ))
        })
    };
    let (old_bytes, new_bytes) = (read(old_file, old_mode)?, read(new_file, new_mode)?);
    let new_path = rest.first().unwrap_or(path);
    let old = Side {
        path,
        id: old_id,
        mode: old_mode,
        bytes: &old_bytes,
    };
    let new = Side {
        path: new_path,
        id: new_id,
        mode: new_mode,
        bytes: &new_bytes,
    };
    if let Some(changes) = field_changes(&old_bytes, &new_bytes)
        && !changes.is_empty()
    {
        writeln!(
            context.out,
            "{}",
            crate::tr!("cli-diff-driver-fields", path = new_path.as_str())
        )?;
        let mut fields = Vec::new();
        print_changes(&mut fields, Palette::new(false), &changes, 6)?;
        for line in String::from_utf8_lossy(&fields).lines() {
            writeln!(context.out, "  {line}")?;
        }
        writeln!(context.out)?;
    }
    let patch = git_patch(&old, &new, rest.get(1).map(String::as_str));
    let on_screen =
        std::io::stdout().is_terminal() || std::env::var_os("GIT_PAGER_IN_USE").is_some();
    if on_screen {
        context.out.write_all(&patch)?;
    } else {
        context.styled_out()?.write_all(&patch)?;
    }
    Ok(())
}

/// One version of a programme file, as the driver reads it: gone, or the file it reads as.
fn version(bytes: &[u8]) -> Option<Option<ProgrammeFile>> {
    if bytes.is_empty() {
        return Some(None);
    }
    ProgrammeFile::read(std::str::from_utf8(bytes).ok()?).map(Some)
}

/// What changed field by field between two versions of a file, when both read as the same
/// kind of programme file (or one of them is missing).
fn field_changes(old: &[u8], new: &[u8]) -> Option<PlanChanges> {
    let activities = |old: &[&Activity], new: &[&Activity]| PlanChanges {
        programme: Vec::new(),
        activities: compare_activities(old, new),
    };
    use ProgrammeFile::{Activity as A, Programme as P};
    Some(match (version(old)?, version(new)?) {
        (Some(A(old)), Some(A(new))) => activities(&[&old], &[&new]),
        (None, Some(A(new))) => activities(&[], &[&new]),
        (Some(A(old)), None) => activities(&[&old], &[]),
        (Some(P(old)), Some(P(new))) => PlanChanges {
            programme: compare_programmes(&old, &new),
            activities: Vec::new(),
        },
        _ => return None,
    })
}
