//! `programa git-setup`: make `git diff` and `git log -p` show programme files field by field;
//! and the hidden `programa textconv` that git then runs on each file.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use super::{CliError, Context};
use crate::history::{Repo, shell_quote, textconv};

/// Make `git diff` and `git log -p` show programme files field by field
///
/// Sets up a diff driver: a `.gitattributes` line for `programme/**/*.toml` and
/// `diff.programa.*` settings in the repository's .git/config. Running it again changes
/// nothing.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The command git runs to render a file [default: `programa textconv` when this programa
    /// is the one on PATH, else this programa's full path]
    #[arg(long, value_name = "COMMAND")]
    command: Option<String>,
}

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
    let command = match &args.command {
        Some(command) => command.clone(),
        None => {
            let exe = std::env::current_exe().map_err(|e| {
                CliError::new(format!("cannot tell where programa is installed ({e})"))
                    .hint("pass `--command \"programa textconv\"`")
            })?;
            let program = textconv_program(&exe, std::env::var_os("PATH").as_deref());
            if program != "programa" {
                eprintln!(
                    "note: git will run {} by its full path, as the programa on PATH is another \
                     one or none; after installing programa, run git-setup again",
                    crate::output::escape_hidden(&exe.display().to_string())
                );
            }
            format!("{program} textconv")
        }
    };
    let report = repo.setup_diff_driver(&command)?;
    if report.is_empty() {
        writeln!(context.out, "the diff driver is set up already")?;
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
        "`git diff` and `git log -p` now show programme files field by field (commit .gitattributes to share it)"
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
