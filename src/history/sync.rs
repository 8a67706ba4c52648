//! Sharing the programme through the branch's upstream: fetch, merge (or rebase, when git's
//! settings say so) with the repository's merge driver, and push.
//!
//! The transport is git's own command, so the user's remotes, credentials, SSH keys and
//! agents, proxies and hooks work as they do for `git pull` and `git push`; libgit2 only reads
//! the settings and counts commits.

use serde::Serialize;

use super::git_cli::printed;
use super::{HistoryError, Repo, Result};

/// Where the current branch is shared, as git's `branch.<name>.*` settings say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Upstream {
    /// The local branch, `main`.
    pub branch: String,
    /// The remote's name, `origin`.
    pub remote: String,
    /// The branch on the remote, `refs/heads/main`.
    pub merge: String,
    /// The remote-tracking branch that mirrors it, `origin/main`.
    pub tracking: String,
}

/// A commit that came in, or goes out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Traveller {
    /// The abbreviated id.
    pub short: String,
    /// The first line of its message.
    pub summary: String,
    /// Its author's name.
    pub author: String,
}

/// How the upstream's commits were joined to the branch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Integration {
    /// Nothing came in.
    UpToDate,
    /// The branch had nothing of its own: it now points where the upstream does.
    FastForward,
    /// A merge commit joins both.
    Merged,
    /// The branch's own commits were replayed on the upstream's.
    Rebased,
    /// Some files truly conflict: the merge (or rebase) is stopped, for the user to finish.
    Conflicted {
        /// Whether it is a rebase that stopped (else a merge).
        rebase: bool,
        /// The files with conflicts, repository paths.
        files: Vec<String>,
    },
}

impl Repo {
    /// The current branch's upstream; an error when HEAD is detached or the branch has none.
    pub fn upstream(&self) -> Result<Upstream> {
        let head = self.git.head().map_err(|_| HistoryError::NoCommits)?;
        if !head.is_branch() {
            return Err(HistoryError::NoBranch);
        }
        let refname = head.name().unwrap_or_default().to_string();
        let branch = head.shorthand().unwrap_or_default().to_string();
        let no_upstream = || HistoryError::NoUpstream {
            branch: branch.clone(),
        };
        let remote = self
            .git
            .branch_upstream_remote(&refname)
            .map_err(|_| no_upstream())?;
        let merge = self
            .git
            .branch_upstream_merge(&refname)
            .map_err(|_| no_upstream())?;
        let tracking = self
            .git
            .branch_upstream_name(&refname)
            .map_err(|_| no_upstream())?;
        let text = |buf: git2::Buf| buf.as_str().unwrap_or_default().to_string();
        let tracking = text(tracking);
        Ok(Upstream {
            branch,
            remote: text(remote),
            merge: text(merge),
            tracking: tracking
                .strip_prefix("refs/remotes/")
                .unwrap_or(&tracking)
                .to_string(),
        })
    }

    /// Whether git's settings ask for a rebase rather than a merge when pulling this branch:
    /// `branch.<name>.rebase`, else `pull.rebase` (`true`, `merges`, `interactive` are taken
    /// as yes, the last without the editor).
    pub fn prefers_rebase(&self, upstream: &Upstream) -> Result<bool> {
        let config = self.git.config()?.snapshot()?;
        let setting = config
            .get_string(&format!("branch.{}.rebase", upstream.branch))
            .or_else(|_| config.get_string("pull.rebase"))
            .unwrap_or_default();
        Ok(matches!(
            setting.trim().to_ascii_lowercase().as_str(),
            "true" | "yes" | "on" | "1" | "merges" | "m" | "interactive" | "i"
        ))
    }

    /// Whether git merges programme files through programa's merge driver in this clone
    /// (`programa git-setup` was run).
    pub fn merges_by_field(&self) -> Result<bool> {
        let config = self.git.config()?.snapshot()?;
        Ok(config
            .get_string(&format!("merge.{}.driver", super::DRIVER))
            .is_ok_and(|driver| !driver.trim().is_empty()))
    }

    /// Fetches the upstream's remote with `git fetch`; returns what git printed.
    pub fn fetch(&self, upstream: &Upstream) -> Result<String> {
        self.transport(&["fetch", "--quiet", &upstream.remote])
    }

    /// The commits the upstream has that the branch lacks, newest first.
    pub fn incoming(&self, upstream: &Upstream) -> Result<Vec<Traveller>> {
        self.between(&format!("refs/remotes/{}", upstream.tracking), "HEAD")
    }

    /// The commits the branch has that the upstream lacks, newest first.
    pub fn outgoing(&self, upstream: &Upstream) -> Result<Vec<Traveller>> {
        self.between("HEAD", &format!("refs/remotes/{}", upstream.tracking))
    }

    /// The commits reachable from `from` and not from `hidden`; none when `from` is missing.
    fn between(&self, from: &str, hidden: &str) -> Result<Vec<Traveller>> {
        let Ok(from) = self
            .git
            .revparse_single(from)
            .and_then(|o| o.peel_to_commit())
        else {
            return Ok(Vec::new());
        };
        let mut walk = self.git.revwalk()?;
        walk.push(from.id())?;
        if let Ok(hidden) = self
            .git
            .revparse_single(hidden)
            .and_then(|o| o.peel_to_commit())
        {
            walk.hide(hidden.id())?;
        }
        let mut commits = Vec::new();
        for id in walk {
            let commit = self.git.find_commit(id?)?;
            commits.push(Traveller {
                short: self.short_id(commit.id()),
                summary: String::from_utf8_lossy(commit.summary_bytes().unwrap_or_default())
                    .into_owned(),
                author: String::from_utf8_lossy(commit.author().name_bytes()).into_owned(),
            });
        }
        Ok(commits)
    }

    /// Joins the upstream's commits to the branch: `git merge --no-edit` (a fast-forward when
    /// the branch has nothing of its own), or `git rebase` when `rebase` is set. Files merge
    /// through the repository's drivers (`programa git-setup`), field by field.
    pub fn integrate(&self, upstream: &Upstream, rebase: bool) -> Result<Integration> {
        let tracking = format!("refs/remotes/{}", upstream.tracking);
        if self.incoming(upstream)?.is_empty() {
            return Ok(Integration::UpToDate);
        }
        let fast_forward = self.outgoing(upstream)?.is_empty();
        let args: Vec<&str> = if rebase && !fast_forward {
            vec!["rebase", "--no-autostash", tracking.as_str()]
        } else {
            vec!["merge", "--no-edit", "--no-autostash", tracking.as_str()]
        };
        let output = self.git_cli_output(&args, None)?;
        if output.status.success() {
            return Ok(match (fast_forward, rebase) {
                (true, _) => Integration::FastForward,
                (false, true) => Integration::Rebased,
                (false, false) => Integration::Merged,
            });
        }
        let stopped = match self.git.state() {
            git2::RepositoryState::Merge => Some(false),
            git2::RepositoryState::RebaseMerge
            | git2::RepositoryState::Rebase
            | git2::RepositoryState::RebaseInteractive => Some(true),
            _ => None,
        };
        match stopped {
            Some(rebase) => Ok(Integration::Conflicted {
                rebase,
                files: self.conflicted_files()?,
            }),
            None => Err(HistoryError::Transport {
                command: format!("git {}", args[0]),
                output: printed(&output),
            }),
        }
    }

    /// The files the index holds in conflict, repository paths, sorted.
    pub fn conflicted_files(&self) -> Result<Vec<String>> {
        // Read again from the disk: git changed it behind libgit2's back.
        let mut index = self.git.index()?;
        index.read(true)?;
        let mut files: Vec<String> = index
            .conflicts()?
            .filter_map(|conflict| conflict.ok())
            .filter_map(|conflict| conflict.our.or(conflict.their).or(conflict.ancestor))
            .map(|entry| String::from_utf8_lossy(&entry.path).into_owned())
            .collect();
        files.sort();
        files.dedup();
        Ok(files)
    }

    /// Pushes the branch to its upstream with `git push REMOTE HEAD:BRANCH`; returns what
    /// git printed.
    pub fn push(&self, upstream: &Upstream) -> Result<String> {
        let refspec = format!("HEAD:{}", upstream.merge);
        self.transport(&["push", "--quiet", &upstream.remote, &refspec])
    }

    /// Runs a git command that talks to a remote; fails with what git printed.
    fn transport(&self, args: &[&str]) -> Result<String> {
        let output = self.git_cli_output(args, None)?;
        if output.status.success() {
            Ok(printed(&output))
        } else {
            Err(HistoryError::Transport {
                command: format!("git {}", args[0]),
                output: printed(&output),
            })
        }
    }
}
