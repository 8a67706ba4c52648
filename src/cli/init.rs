//! `programa init`: a new programme repository, or its CI files in an existing one.

use std::path::{Path, PathBuf};

use chrono::Datelike as _;

use super::{CliError, Context};
use crate::history::Repo;
use crate::output::shown_line;
use crate::scaffold::{self, NewFile};
use crate::store::{StoreError, Workspace, write::create_file};

/// Start a programme repository: git, a year's skeleton, git's drivers, CI files
///
/// Makes DIR a git repository (`git init`, unless it is one already) holding
/// `programme/YYYY/programme.toml` and one commented example activity, which `programa check`
/// accepts; sets up the diff and merge drivers as `programa git-setup` does; and writes a
/// `.gitignore`, a README for the staff, and the CI files of GitHub Actions
/// (`.github/workflows/programa.yml`, also run by Forgejo Actions) and GitLab CI
/// (`.gitlab-ci.yml`). A folder that is not empty is refused unless `--force` is given; even
/// then no file that exists is changed: each is kept, and named. The programme's first year
/// is `--year`, or this year.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder [default: the current one, or --root]
    dir: Option<PathBuf>,
    /// Who carries the programme out, as the documents name it
    #[arg(long, value_name = "NAME", conflicts_with = "ci_only")]
    organisation: Option<String>,
    /// Add the missing files to a folder that is not empty, keeping every file there
    #[arg(long)]
    force: bool,
    /// Only write the CI files, into the repository at or above DIR, keeping those that exist
    #[arg(long)]
    ci_only: bool,
}

/// The organisation the skeleton names when none is given.
const ORGANISATION: &str = "The Secretariat";

/// Runs `programa init`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let dir = match (&args.dir, context.root.as_ref()) {
        (Some(dir), _) => dir.clone(),
        (None, Some(root)) => root.clone(),
        (None, None) => std::env::current_dir().map_err(|e| {
            CliError::new(crate::tr!(
                "cli-cannot-read-current-folder",
                error = e.to_string()
            ))
        })?,
    };
    if args.ci_only {
        return write_ci(context, &dir);
    }
    if !args.force {
        refuse_a_folder_in_use(&dir)?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| cannot_create(&dir, &e))?;
    let year = match context.year {
        Some(year) if (1000..=9999).contains(&year) => year,
        Some(year) => {
            return Err(
                CliError::new(crate::tr!("cli-init-not-a-year", year = year.to_string()))
                    .hint(crate::tr!("cli-init-not-a-year-hint")),
            );
        }
        None => crate::clock::today()
            .map_err(|e| CliError::new(e.to_string()))?
            .0
            .year(),
    };
    let organisation = args
        .organisation
        .as_deref()
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .unwrap_or(ORGANISATION);

    let workspace = Workspace::at(&dir);
    let (repo, created) = Repo::open_or_init(&workspace)?;
    if created {
        writeln!(
            context.out,
            "{}",
            crate::tr!(
                "cli-init-repository",
                dir = shown_line(&dir.display().to_string()).to_string()
            )
        )?;
    }
    let lock = super::lock_all(&workspace)?;
    let mut files = scaffold::repository(year, organisation, env!("CARGO_PKG_VERSION"));
    let year_dir = workspace.year_dir(year);
    if year_dir.exists() {
        // An example activity beside a programme of one's own would name projects it lacks.
        let relative = workspace.relative(&year_dir).to_path_buf();
        files.retain(|file| !file.path.starts_with(&relative));
        writeln!(
            context.out,
            "{}",
            crate::tr!(
                "cli-init-kept",
                file = shown_line(&relative.display().to_string()).to_string()
            )
        )?;
    }
    write_files(context, &dir, &files)?;
    drop(lock);
    super::git_setup::set_up(context, &repo, None)?;
    writeln!(
        context.out,
        "\n{}",
        crate::tr!("cli-init-ready", year = year.to_string())
    )?;
    Ok(())
}

/// The error of a folder that cannot be created.
fn cannot_create(dir: &Path, error: &std::io::Error) -> CliError {
    CliError::new(crate::tr!(
        "cli-init-cannot-create",
        dir = shown_line(&dir.display().to_string()).to_string(),
        error = error.to_string()
    ))
}

/// Writes only the CI files into the repository at or above `dir`.
fn write_ci(context: &mut Context, dir: &Path) -> Result<(), CliError> {
    let repo = Repo::open(&Workspace::at(dir))?;
    let root = repo.workdir().to_path_buf();
    write_files(context, &root, &scaffold::ci(env!("CARGO_PKG_VERSION")))?;
    writeln!(context.out, "{}", crate::tr!("cli-init-ci"))?;
    Ok(())
}

/// Refuses a folder that holds anything but a `.git` folder.
fn refuse_a_folder_in_use(dir: &Path) -> Result<(), CliError> {
    let shown = shown_line(&dir.display().to_string()).to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(error) => {
            return Err(CliError::new(crate::tr!(
                "cli-init-cannot-read",
                dir = shown.as_str(),
                error = error.to_string()
            )));
        }
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".git")
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let more = if names.len() > 3 { ", …" } else { "" };
    names.truncate(3);
    let holds = format!("{}{more}", shown_line(&names.join(", ")));
    Err(CliError::new(crate::tr!(
        "cli-init-not-empty",
        dir = shown.as_str(),
        holds = holds
    ))
    .hint(crate::tr!("cli-init-not-empty-hint")))
}

/// Creates each of `files` under `root` that does not exist, and names those it keeps.
fn write_files(context: &mut Context, root: &Path, files: &[NewFile]) -> Result<(), CliError> {
    for file in files {
        let path = root.join(&file.path);
        let shown = shown_line(&file.path.display().to_string()).to_string();
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| cannot_create(parent, &e))?;
        }
        match create_file(&path, file.text.as_bytes()) {
            Ok(()) => writeln!(
                context.out,
                "{}",
                crate::tr!("cli-init-created", file = shown.as_str())
            )?,
            Err(StoreError::Exists(_)) => writeln!(
                context.out,
                "{}",
                crate::tr!("cli-init-kept", file = shown.as_str())
            )?,
            Err(error) => return Err(error.into()),
        }
    }
    Ok(())
}
