//! `programa merge-file`: the merge driver git runs on programme files once `programa
//! git-setup` has set it up (a hidden command; [`crate::store::merge`] does the merging).

use std::path::{Path, PathBuf};

use super::{CliError, Context};
use crate::store::conflict::{Labels, MARKER_SIZE};
use crate::store::merge::{self, FileKind, Options};
use crate::store::write::atomic_write;

/// Merge three versions of a programme file field by field, as git's merge driver
///
/// Git runs it as `programa merge-file %O %A %B %L %P %S %X %Y`: the result replaces OURS.
/// Exits 0 when everything merged, 1 when conflict markers were left around the keys given two
/// different values.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The common ancestor's version (git's %O)
    base: PathBuf,
    /// The current branch's version, replaced by the result (%A)
    ours: PathBuf,
    /// The version merged in (%B)
    theirs: PathBuf,
    /// The length of conflict markers (%L)
    #[arg(default_value_t = MARKER_SIZE as u16, value_parser = clap::value_parser!(u16).range(1..))]
    marker_size: u16,
    /// The file's path in the repository (%P), which says what kind of file it is
    path: Option<PathBuf>,
    /// The names of the ancestor, the current branch and the side merged in (%S %X %Y)
    #[arg(num_args = 0..=3)]
    labels: Vec<String>,
}

/// Runs `programa merge-file`.
pub fn run(_context: &mut Context, args: &Args) -> Result<(), CliError> {
    let path = args.path.as_deref().unwrap_or(&args.ours);
    let read = |file: &Path| {
        let bytes = std::fs::read(file).map_err(|e| {
            CliError::new(crate::tr!(
                "cli-init-cannot-read",
                dir = file.display().to_string(),
                error = e.to_string()
            ))
        })?;
        String::from_utf8(bytes).map_err(|_| {
            CliError::new(crate::tr!(
                "cli-merge-not-utf8",
                file = path.display().to_string()
            ))
            .hint(crate::tr!("cli-merge-not-utf8-hint"))
        })
    };
    let (base, ours, theirs) = (read(&args.base)?, read(&args.ours)?, read(&args.theirs)?);
    // Git before 2.44 passes `%S %X %Y` as they are.
    let label = |index: usize, fallback: &'static str| {
        args.labels
            .get(index)
            .map(String::as_str)
            .filter(|label| !label.is_empty() && !label.starts_with('%'))
            .unwrap_or(fallback)
    };
    let options = Options {
        kind: FileKind::of_path(path),
        labels: Labels {
            ours: label(1, "ours"),
            theirs: label(2, "theirs"),
        },
        marker_size: usize::from(args.marker_size),
    };
    let merged = merge::merge(&base, &ours, &theirs, &options);
    if merged.text != ours {
        atomic_write(&args.ours, &merged.text)?;
    }
    if merged.is_clean() {
        return Ok(());
    }
    let count = merged.conflicts;
    let file = path.display().to_string();
    Err(CliError::new(crate::tr!(
        "cli-merge-conflicts",
        file = file.as_str(),
        count = count
    ))
    .hint(crate::tr!("cli-merge-conflicts-hint", file = file.as_str())))
}
