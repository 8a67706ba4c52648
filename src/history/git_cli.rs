//! Running the `git` command: the one place that starts it, for what libgit2 does not do as
//! git does (commits with hooks and signing, merges with the repository's drivers, and the
//! transport of fetch and push through the user's own remotes, credentials and SSH setup).

use std::path::Path;
use std::process::{Command, Output, Stdio};

use super::{HistoryError, Repo, Result};

impl Repo {
    /// Runs `git` in the working tree (with `index` as its index file, if given); fails with
    /// what it printed when it fails.
    pub(super) fn git_cli(&self, args: &[&str], index: Option<&Path>) -> Result<Output> {
        let output = self.git_cli_output(args, index)?;
        if output.status.success() {
            Ok(output)
        } else {
            Err(HistoryError::GitFailed {
                command: format!("git {}", args.first().copied().unwrap_or_default()),
                output: printed(&output),
            })
        }
    }

    /// Runs `git` in the working tree, on this repository, with no input; its output caught.
    pub(super) fn git_cli_output(&self, args: &[&str], index: Option<&Path>) -> Result<Output> {
        let mut command = Command::new("git");
        command
            .args(args)
            .current_dir(self.workdir())
            .env("GIT_DIR", self.git.path())
            .stdin(Stdio::null());
        match index {
            Some(index) => command.env("GIT_INDEX_FILE", index),
            None => command.env_remove("GIT_INDEX_FILE"),
        };
        command.output().map_err(HistoryError::NoGit)
    }
}

/// What a git command printed, its standard output then its error output, trimmed.
pub(super) fn printed(output: &Output) -> String {
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    text.trim_end().to_string()
}
