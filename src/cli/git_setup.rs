//! `programa git-setup`: make `git diff` and `git log -p` show programme files field by field
//! and git's merges merge them field by field; and the hidden `programa textconv` that git then
//! runs on each file (`programa merge-file`, the merge driver, has a file of its own).

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use super::{CliError, Context};
use crate::history::{Repo, shell_quote, textconv};

/// Make `git diff`, `git log -p` and git's merges work on programme files field by field
///
/// Sets up a diff driver and a merge driver: `.gitattributes` lines for `programme/**/*.toml`
/// (`diff=programa`, `merge=programa`) and `diff.programa.*` and `merge.programa.*` settings in
/// the repository's .git/config. `git merge`, `git rebase`, `git cherry-pick` and the like then
/// merge programme files with `programa merge-file`. Running it again changes nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The command git runs to render a file [default: `programa textconv` when this programa
    /// is the one on PATH, else this programa's full path]
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

/// Sets up the diff and merge drivers in `repo` (`textconv` the diff driver's command, if not
/// the default) and says what changed: `git-setup`'s work, which `init` does too.
pub(super) fn set_up(
    context: &mut Context,
    repo: &Repo,
    textconv: Option<&str>,
) -> Result<(), CliError> {
    let exe = std::env::current_exe().map_err(|e| {
        CliError::new(format!("cannot tell where programa is installed ({e})"))
            .hint("install programa (`cargo install --path .`) and run git-setup again")
    })?;
    let program = textconv_program(&exe, std::env::var_os("PATH").as_deref());
    if program != "programa" {
        eprintln!(
            "note: git will run {} by its full path, as the programa on PATH is another \
             one or none; after installing programa, run git-setup again",
            crate::output::escape_hidden(&exe.display().to_string())
        );
    }
    let textconv = match textconv {
        Some(command) => command.to_string(),
        None => format!("{program} textconv"),
    };
    let report = repo.setup_drivers(&textconv, &format!("{program} {MERGE_ARGS}"))?;
    if report.is_empty() {
        writeln!(context.out, "the diff and merge drivers are set up already")?;
        return Ok(());
    }
    for line in &report.attributes_added {
        writeln!(context.out, "added to .gitattributes: {line}")?;
    }
    for (key, value) in &report.settings {
        writeln!(context.out, "set {key} = {value}")?;
    }
    writeln!(
        context.out,
        "`git diff` and `git log -p` now show programme files field by field, and git merges \
         them field by field (commit .gitattributes to share it; each clone runs git-setup once)"
    )?;
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
    let bytes = std::fs::read(&args.file)
        .map_err(|e| CliError::new(format!("cannot read {} ({e})", args.file.display())))?;
    let text = String::from_utf8_lossy(&bytes);
    context
        .out
        .write_all(textconv::textconv(&text).as_bytes())?;
    Ok(())
}
