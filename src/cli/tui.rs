//! `programa tui`: the full-screen interface (also what `programa` alone opens on a terminal),
//! and [`GitServices`], what the interface asks of git, answered by the same functions as
//! `programa history`, `log`, `diff` and `commit`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use super::commit::{self, nothing_to_commit};
use super::{CliError, Context};
use crate::changes;
use crate::history::{HistoryError, Log, Repo, Revision, Timelines};
use crate::model::Plan;
use crate::output::style::Palette;
use crate::store;
use crate::tui::{ActivityHistory, Document, HistoryEntry, KeyMap, Scope, Services};

/// Open the full-screen interface: browse, filter and update the programme.
///
/// A tree of areas, programmes, projects and activities on the left, the selected activity on
/// the right. `?` lists every key; `q` quits. Every change is written to its file when it is
/// made. In a git repository, `2` shows the selected activity's history, `3` the uncommitted
/// changes, and `c` commits them with a message that says what changed. Keys can be remapped
/// in `$XDG_CONFIG_HOME/programa/keys.toml` (or `~/.config/programa/keys.toml`): a `[keys]`
/// table of `command = "key"` or `command = ["key", …]`, such as `add_note = "m"`; `?` shows
/// the command names. Set `NO_COLOR` for an interface without colours.
#[derive(Debug, Default, clap::Args)]
pub struct Args {}

/// Runs `programa tui`.
pub fn run(context: &mut Context, _args: &Args) -> Result<(), CliError> {
    let keys = KeyMap::load().map_err(|e| {
        CliError::new(crate::tr!("tui-key-map-unusable", error = e.to_string()))
            .hint(crate::tr!("tui-key-map-unusable-hint"))
    })?;
    let workspace = context.workspace()?;
    let year = workspace.resolve_year(context.year_option())?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(CliError::new(crate::tr!("tui-needs-terminal"))
            .hint(crate::tr!("tui-needs-terminal-hint")));
    }
    let scope = Scope { workspace, year };
    crate::tui::run(scope, keys, Arc::new(GitServices::default()))?;
    Ok(())
}

/// Words of context kept around each change in prose, as `programa diff` by default.
const DIFF_CONTEXT: usize = 6;

/// The interface's services over git and the document compiler: histories, the diff of
/// uncommitted changes, commits and documents, in the interface's language.
///
/// The history of the year is walked once and kept while HEAD stays where it was; a commit,
/// made here or with git, moves HEAD and the next request walks again.
#[derive(Default)]
pub struct GitServices {
    walked: Mutex<Option<Walked>>,
}

/// One walk of a year's history, and the HEAD it was made at.
struct Walked {
    year: i32,
    head: Option<String>,
    log: Log,
    timelines: Timelines,
}

/// An error as the interface shows it: what, then the findings behind it, then `hint:` lines.
fn explain(error: CliError) -> String {
    const SHOWN: usize = 5;
    let mut lines = vec![error.message().to_string()];
    let findings = error.findings();
    for finding in findings.iter().take(SHOWN) {
        let place = finding
            .file
            .as_ref()
            .map(|p| format!("{}: ", p.display()))
            .unwrap_or_default();
        lines.push(format!("  {place}{}", finding.message));
    }
    if findings.len() > SHOWN {
        let count = findings.len() - SHOWN;
        lines.push(format!("  {}", crate::tr!("tui-and-more", count = count)));
    }
    lines.extend(
        error
            .hints()
            .iter()
            .map(|hint| crate::tr!("tui-hint", hint = hint.as_str())),
    );
    lines.join("\n")
}

fn history_error(error: HistoryError) -> String {
    explain(CliError::from(error))
}

impl GitServices {
    /// Runs `answer` on the year's walked history, walking it first if HEAD moved since.
    fn with_history<T>(
        &self,
        scope: &Scope,
        answer: impl FnOnce(&Log, &Timelines) -> T,
    ) -> Result<T, String> {
        let repo = Repo::open(&scope.workspace).map_err(history_error)?;
        let head = repo.head().map_err(history_error)?.map(|id| id.to_string());
        let mut walked = self
            .walked
            .lock()
            .map_err(|_| crate::tr!("tui-history-unreadable-earlier"))?;
        let fresh = walked
            .as_ref()
            .is_some_and(|w| w.year == scope.year && w.head == head);
        if !fresh {
            let log = repo.log(scope.year, None).map_err(history_error)?;
            let timelines = Timelines::from_log(&log);
            *walked = Some(Walked {
                year: scope.year,
                head,
                log,
                timelines,
            });
        }
        let walked = walked
            .as_ref()
            .ok_or_else(|| crate::tr!("tui-history-unreadable"))?;
        Ok(answer(&walked.log, &walked.timelines))
    }
}

/// The plan HEAD has for `year`; empty when there are no commits or no such year there.
fn committed(repo: &Repo, year: i32) -> Result<(Plan, bool), HistoryError> {
    match repo.load(&Revision::head(), year) {
        Ok(loaded) => {
            let partial = loaded.has_errors();
            Ok((loaded.plan, partial))
        }
        Err(HistoryError::NoYearAt { .. } | HistoryError::NoCommits) => {
            Ok((Plan::default(), false))
        }
        Err(error) => Err(error),
    }
}

impl Services for GitServices {
    fn history(&self, scope: &Scope, code: &str) -> Result<ActivityHistory, String> {
        self.with_history(scope, |log, timelines| {
            let mut trajectory = Vec::new();
            if let Some(timeline) = timelines.activity(code) {
                let mut text = Vec::new();
                if super::history::print_timeline(&mut text, Palette::default(), timeline).is_ok() {
                    trajectory = String::from_utf8_lossy(&text)
                        .lines()
                        .map(str::to_string)
                        .collect();
                }
                trajectory.extend(
                    log.warnings
                        .iter()
                        .map(|w| crate::tr!("tui-warning", warning = w.to_string())),
                );
            }
            let entries = log
                .for_activity(code)
                .into_iter()
                .rev()
                .map(|entry| HistoryEntry {
                    when: entry.commit.date.format("%Y-%m-%d %H:%M").to_string(),
                    who: entry.commit.author.clone(),
                    commit: entry.commit.short.clone(),
                    changes: entry
                        .changes
                        .activities
                        .iter()
                        .flat_map(|change| {
                            let renamed = change.code != code;
                            change.phrases().into_iter().map(move |phrase| {
                                if renamed {
                                    crate::tr!(
                                        "tui-history-renamed",
                                        code = change.code.as_str(),
                                        phrase = phrase
                                    )
                                } else {
                                    phrase
                                }
                            })
                        })
                        .collect(),
                })
                .collect();
            ActivityHistory {
                trajectory,
                entries,
            }
        })
    }

    fn uncommitted(&self, scope: &Scope) -> Result<Vec<String>, String> {
        let repo = Repo::open(&scope.workspace).map_err(history_error)?;
        let (old, partial) = committed(&repo, scope.year).map_err(history_error)?;
        let new = repo
            .load(&Revision::WorkingTree, scope.year)
            .map_err(history_error)?
            .plan;
        let changes = changes::compare(&old, &new);
        let mut text = Vec::new();
        super::diff::print_changes(&mut text, Palette::default(), &changes, DIFF_CONTEXT)
            .map_err(|e| crate::tr!("tui-cannot-describe-changes", error = e.to_string()))?;
        let mut lines: Vec<String> = String::from_utf8_lossy(&text)
            .lines()
            .map(str::to_string)
            .collect();
        if partial {
            lines.push(String::new());
            lines.push(format!("  {}", crate::tr!("tui-changes-partial")));
        }
        Ok(lines)
    }

    fn commit_message(&self, scope: &Scope) -> Result<Option<String>, String> {
        let pending = commit::prepare(&scope.workspace).map_err(explain)?;
        Ok(pending.map(|pending| pending.message()))
    }

    fn commit(&self, scope: &Scope, message: &str) -> Result<String, String> {
        // The same lock and the same commit as `programa commit`; this runs off the
        // interface's thread, so it may wait as long as a command would.
        let timeout = store::lock::timeout().map_err(|e| explain(e.into()))?;
        let lock = scope
            .workspace
            .lock_all(timeout, |_| {})
            .map_err(|e| explain(e.into()))?;
        let done = commit::commit(&scope.workspace, Some(message), &lock)
            .map_err(explain)?
            .ok_or_else(nothing_to_commit)?;
        let mut said = done.committed.commit.short.clone();
        for warning in done.warnings() {
            said.push_str(&crate::tr!(
                "tui-commit-warning",
                warning = warning.to_string()
            ));
        }
        Ok(said)
    }

    fn compile(
        &self,
        scope: &Scope,
        document: Document,
        progress: &mut dyn FnMut(String),
    ) -> Result<PathBuf, String> {
        let document = match document {
            Document::Programme => crate::render::Document::Programme,
            Document::Report => crate::render::Document::Report,
        };
        let lang = crate::i18n::lang();
        super::compile::compile_default(&scope.workspace, scope.year, document, lang, progress)
            .map_err(explain)
    }
}
