//! The changes to a plan that a follow-up report lists, drawn from [`PlanChanges`]: what was
//! added, removed, renamed, cancelled, postponed, held in another format or moved. `programa
//! baseline diff` and the report both present this one summary.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{ChangeKind, FieldChange, ListName, PlanChanges};
use crate::model::{Date, Format, Plan, Status};

/// The changes to the plan that a follow-up report lists.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BaselineSummary {
    /// Activities not in the approved plan.
    pub added: Vec<String>,
    /// Activities of the approved plan that are gone.
    pub removed: Vec<String>,
    /// Activities renamed: (old code, new code).
    pub renamed: Vec<(String, String)>,
    /// Activities now cancelled.
    pub cancelled: Vec<String>,
    /// Activities now postponed.
    pub postponed: Vec<String>,
    /// Activities whose format changed (planned face-to-face, held virtually).
    pub format_changed: Vec<FormatChange>,
    /// Dates that moved.
    pub dates_moved: Vec<DateMove>,
    /// Activities whose objectives changed.
    pub objectives_changed: Vec<String>,
    /// Activities per status, approved and now.
    pub status_counts: Vec<StatusCount>,
}

/// A format that changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormatChange {
    /// The activity.
    pub code: String,
    /// As approved.
    pub from: Option<Format>,
    /// Now.
    pub to: Option<Format>,
}

/// A date that moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMove {
    /// The activity.
    pub code: String,
    /// `planned_start`, `planned_end`.
    pub field: &'static str,
    /// As approved.
    pub from: Option<Date>,
    /// Now.
    pub to: Option<Date>,
}

/// How many activities have a status, approved and now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusCount {
    /// The status.
    pub status: Status,
    /// In the approved plan.
    pub approved: usize,
    /// Now.
    pub current: usize,
}

impl BaselineSummary {
    /// The summary of `changes` from `approved` to `current`.
    pub fn of(approved: &Plan, current: &Plan, changes: &PlanChanges) -> BaselineSummary {
        let mut summary = BaselineSummary::default();
        for change in &changes.activities {
            match &change.kind {
                ChangeKind::Added => summary.added.push(change.code.clone()),
                ChangeKind::Removed => summary.removed.push(change.code.clone()),
                ChangeKind::Renamed { from } => {
                    summary.renamed.push((from.clone(), change.code.clone()))
                }
                ChangeKind::Modified => {}
            }
            if change.kind == ChangeKind::Removed {
                continue;
            }
            let mut objectives = false;
            for field in &change.fields {
                match field {
                    FieldChange::Status { to, .. } if change.kind != ChangeKind::Added => {
                        match to {
                            Status::Cancelled => summary.cancelled.push(change.code.clone()),
                            Status::Postponed => summary.postponed.push(change.code.clone()),
                            _ => {}
                        }
                    }
                    FieldChange::Format { from, to } if change.kind != ChangeKind::Added => {
                        summary.format_changed.push(FormatChange {
                            code: change.code.clone(),
                            from: *from,
                            to: *to,
                        })
                    }
                    FieldChange::Date { field, from, to }
                        if change.kind != ChangeKind::Added && field.starts_with("planned") =>
                    {
                        summary.dates_moved.push(DateMove {
                            code: change.code.clone(),
                            field,
                            from: *from,
                            to: *to,
                        })
                    }
                    FieldChange::Item {
                        list: ListName::Objectives,
                        ..
                    } if change.kind != ChangeKind::Added => objectives = true,
                    _ => {}
                }
            }
            if objectives {
                summary.objectives_changed.push(change.code.clone());
            }
        }
        let count = |plan: &Plan| {
            let mut counts: BTreeMap<Status, usize> = BTreeMap::new();
            for activity in &plan.activities {
                *counts.entry(activity.status).or_default() += 1;
            }
            counts
        };
        let (before, after) = (count(approved), count(current));
        summary.status_counts = Status::ALL
            .iter()
            .map(|status| StatusCount {
                status: *status,
                approved: before.get(status).copied().unwrap_or(0),
                current: after.get(status).copied().unwrap_or(0),
            })
            .collect();
        summary
    }
}
