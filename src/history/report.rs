//! Everything the follow-up report reads from the history, read in this one place: the
//! approved plan (a baseline), the revision reported on, and for each activity the commit that
//! set the status it has there, with the notes recorded alongside (the reason for a
//! cancellation or a postponement).

use std::collections::BTreeMap;

use super::{Baseline, HistoryError, Repo, Result, Revision, Stamp, Timeline};
use crate::model::{Note, Plan, Status};
use crate::store::Loaded;

/// What the report needs from git, before the plans it holds are checked.
#[derive(Debug, Clone)]
pub struct ReportHistory {
    /// The approved plan: the baseline asked for (or the newest one) and the year as it was
    /// there; `None` when the repository has no baseline and none was asked for.
    pub baseline: Option<(Baseline, Loaded)>,
    /// The revision reported on.
    pub revision: ReportRevision,
    /// The year at that revision, when it is a commit (`None` for the working files, which
    /// the caller reads itself).
    pub at: Option<Loaded>,
    /// Per activity (by its code at the revision): the commit that set its status there.
    pub statuses: BTreeMap<String, StatusRecord>,
    /// Problems met while reading the history.
    pub warnings: Vec<String>,
}

/// The state of the programme a report describes.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportRevision {
    /// A commit (`--at`).
    Commit(Stamp),
    /// The working files; `head` is the last commit, `head_plan` the year there (empty when
    /// there is none), to tell whether the files hold changes not yet committed.
    WorkingFiles {
        /// The commit HEAD points at.
        head: Option<Stamp>,
        /// The year as HEAD has it.
        head_plan: Box<Plan>,
    },
    /// The files are not in a git repository.
    NoHistory,
}

/// The commit that set an activity's status, and the notes recorded with it.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusRecord {
    /// The status.
    pub status: Status,
    /// The commit that set it (the one that created the activity, for one never moved).
    pub commit: Stamp,
    /// The notes added by that commit; when it added none, those added by the first later
    /// commit that added any: for a cancelled or postponed activity, its reason.
    pub notes: Vec<Note>,
}

impl Repo {
    /// What the report on `year` reads from the history: the baseline `baseline` (the newest
    /// one when `None`), the revision `at` (the working files when `None`) and the commits
    /// behind each activity's status up to it.
    pub fn report_history(
        &self,
        year: i32,
        baseline: Option<&str>,
        at: Option<&str>,
    ) -> Result<ReportHistory> {
        let baseline = match baseline {
            Some(name) => Some(self.baseline_or_revision(name)?),
            None => self.baselines()?.pop(),
        };
        let baseline = match baseline {
            Some(baseline) => {
                let loaded = self.load(&Revision::Commit(baseline.commit.clone()), year)?;
                Some((baseline, loaded))
            }
            None => None,
        };
        let (revision, loaded_at) = match at {
            Some(rev) => {
                let loaded = self.load(&Revision::Commit(rev.to_string()), year)?;
                (ReportRevision::Commit(self.stamp_of(rev)?), Some(loaded))
            }
            None => {
                let head = match self.head()? {
                    Some(id) => Some(self.stamp(&self.git.find_commit(id)?)),
                    None => None,
                };
                let head_plan = Box::new(self.committed_plan(year)?);
                (ReportRevision::WorkingFiles { head, head_plan }, None)
            }
        };
        let (statuses, warnings) = match self.timelines(year, at) {
            Ok(timelines) => (
                timelines
                    .activities
                    .iter()
                    .filter(|t| t.removed.is_none())
                    .filter_map(|t| Some((t.code.clone(), status_record(t)?)))
                    .collect(),
                timelines.warnings,
            ),
            Err(HistoryError::NoCommits) => (BTreeMap::new(), Vec::new()),
            Err(error) => return Err(error),
        };
        Ok(ReportHistory {
            baseline,
            revision,
            at: loaded_at,
            statuses,
            warnings,
        })
    }
}

/// The commit that set the last status of a trajectory, with the notes recorded with it.
fn status_record(timeline: &Timeline) -> Option<StatusRecord> {
    let reached = timeline.statuses.last()?;
    let set_by = &reached.commit;
    let mut notes: Vec<Note> = timeline
        .notes
        .iter()
        .filter(|n| n.commit.id == set_by.id)
        .map(|n| n.note.clone())
        .collect();
    if notes.is_empty() {
        // The first commit after it (by date) that added notes.
        let later = timeline
            .notes
            .iter()
            .filter(|n| n.commit.date >= set_by.date)
            .min_by_key(|n| n.commit.date)
            .map(|n| n.commit.id.clone());
        if let Some(id) = later {
            notes = timeline
                .notes
                .iter()
                .filter(|n| n.commit.id == id)
                .map(|n| n.note.clone())
                .collect();
        }
    }
    Some(StatusRecord {
        status: reached.status,
        commit: set_by.clone(),
        notes,
    })
}
