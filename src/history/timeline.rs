//! Each activity's trajectory, derived from the history: when it reached each status and who
//! moved it, how progress moved, when each participant and each note was added.

use std::collections::BTreeMap;

use serde::Serialize;

use super::walk::Log;
use super::{Repo, Result, Stamp};
use crate::changes::{ChangeKind, FieldChange};
use crate::model::{Note, Participant, Status, code_sort_key};

/// Every activity's trajectory in a year.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Timelines {
    /// The year.
    pub year: i32,
    /// One per activity that ever existed in the history, in code order (latest codes).
    pub activities: Vec<Timeline>,
    /// Problems met while reading the history.
    pub warnings: Vec<String>,
}

impl Timelines {
    /// The trajectory of the activity with this (current) code.
    pub fn activity(&self, code: &str) -> Option<&Timeline> {
        self.activities.iter().find(|t| t.code == code)
    }
}

/// One activity's trajectory.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Timeline {
    /// Its latest code.
    pub code: String,
    /// Its latest title.
    pub title: String,
    /// The codes it had before, oldest first.
    pub former_codes: Vec<String>,
    /// The commit that created it.
    pub created: Option<Stamp>,
    /// The commit that removed it, if it is gone.
    pub removed: Option<Stamp>,
    /// Each status it reached, in order.
    pub statuses: Vec<StatusReached>,
    /// Each progress value it had, in order.
    pub progress: Vec<ProgressPoint>,
    /// Participants, as they were added.
    pub participants: Vec<ParticipantAdded>,
    /// Progress notes, as they were added.
    pub notes: Vec<NoteAdded>,
}

/// A status reached.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReached {
    /// The status.
    pub status: Status,
    /// The commit that set it.
    pub commit: Stamp,
}

/// A progress value and when it was set.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressPoint {
    /// Percent.
    pub progress: u8,
    /// The commit that set it.
    pub commit: Stamp,
}

/// A progress note and the commit that added it.
#[derive(Debug, Clone, Serialize)]
pub struct NoteAdded {
    /// The note.
    pub note: Note,
    /// The commit that added it.
    pub commit: Stamp,
}

/// A participant and when they were recorded.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipantAdded {
    /// Who.
    pub participant: Participant,
    /// The commit that added them.
    pub commit: Stamp,
}

impl Timelines {
    /// The trajectories in a log.
    pub fn from_log(log: &Log) -> Timelines {
        let mut lines: BTreeMap<String, Timeline> = BTreeMap::new();
        for entry in &log.entries {
            let stamp = &entry.commit;
            for change in &entry.changes.activities {
                let mut line = match &change.kind {
                    ChangeKind::Renamed { from } => {
                        let mut line = lines.remove(from).unwrap_or_default();
                        line.former_codes.push(from.clone());
                        line
                    }
                    _ => lines.remove(&change.code).unwrap_or_default(),
                };
                line.code = change.code.clone();
                line.title = change.title.clone();
                match change.kind {
                    ChangeKind::Added => {
                        line.created.get_or_insert_with(|| stamp.clone());
                        line.removed = None;
                        let has = |pick: fn(&FieldChange) -> bool| change.fields.iter().any(pick);
                        if !has(|f| matches!(f, FieldChange::Status { .. })) {
                            line.statuses.push(StatusReached {
                                status: Status::Planned,
                                commit: stamp.clone(),
                            });
                        }
                        if !has(|f| matches!(f, FieldChange::Progress { .. })) {
                            line.progress.push(ProgressPoint {
                                progress: 0,
                                commit: stamp.clone(),
                            });
                        }
                    }
                    ChangeKind::Removed => line.removed = Some(stamp.clone()),
                    _ => {}
                }
                for field in &change.fields {
                    match field {
                        FieldChange::Status { to, .. } => line.statuses.push(StatusReached {
                            status: *to,
                            commit: stamp.clone(),
                        }),
                        FieldChange::Progress { to, .. } => line.progress.push(ProgressPoint {
                            progress: *to,
                            commit: stamp.clone(),
                        }),
                        FieldChange::ParticipantsAdded { participants } => line
                            .participants
                            .extend(participants.iter().map(|p| ParticipantAdded {
                                participant: p.clone(),
                                commit: stamp.clone(),
                            })),
                        FieldChange::NoteAdded { note } => line.notes.push(NoteAdded {
                            note: note.clone(),
                            commit: stamp.clone(),
                        }),
                        _ => {}
                    }
                }
                lines.insert(change.code.clone(), line);
            }
        }
        let mut activities: Vec<Timeline> = lines.into_values().collect();
        activities.sort_by_cached_key(|t| code_sort_key(&t.code));
        Timelines {
            year: log.year,
            activities,
            warnings: log.warnings.clone(),
        }
    }
}

impl Repo {
    /// Every activity's trajectory in a year, from the history up to `at` (default `HEAD`).
    pub fn timelines(&self, year: i32, at: Option<&str>) -> Result<Timelines> {
        Ok(Timelines::from_log(&self.log(year, at)?))
    }
}

/// A sparkline of progress values (0–100): one bar per value, `▁` for 0 to `█` for 100.
pub fn sparkline(values: &[u8]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .iter()
        .map(|&v| BARS[(usize::from(v.min(100)) * (BARS.len() - 1) + 50) / 100])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_spans_the_bars() {
        assert_eq!(sparkline(&[0, 10, 40, 60, 100]), "▁▂▄▅█");
        assert_eq!(sparkline(&[]), "");
        assert_eq!(sparkline(&[250]), "█");
    }
}
