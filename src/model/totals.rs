//! The figures a foreword quotes ("eight studies … 24 events"), computed from the activities.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Date, Format, Kind, Plan, Status};

/// Counts of a plan's activities, overall and by every grouping a report uses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// All activities.
    pub activities: usize,
    /// Activities of kind `event`.
    pub events: usize,
    /// Activities of kind `study`.
    pub studies: usize,
    /// Activities of kind `other`.
    pub other: usize,
    /// Events by format, every format present (zero when none); events with no format count
    /// under `unspecified`.
    pub events_by_format: BTreeMap<String, usize>,
    /// Activities by status.
    pub by_status: BTreeMap<String, usize>,
    /// Activities, events and studies by area code.
    pub by_area: BTreeMap<String, Breakdown>,
    /// Activities, events and studies by programme id.
    pub by_programme: BTreeMap<String, Breakdown>,
    /// Activities, events and studies by project code.
    pub by_project: BTreeMap<String, Breakdown>,
}

/// Counts within one area, programme or project.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Breakdown {
    /// All activities.
    pub activities: usize,
    /// Events.
    pub events: usize,
    /// Studies.
    pub studies: usize,
}

impl Totals {
    /// Counts the activities of `plan`.
    pub fn of(plan: &Plan) -> Self {
        let mut totals = Totals::default();
        for status in Status::ALL {
            totals.by_status.insert(status.to_string(), 0);
        }
        for format in Format::ALL {
            totals.events_by_format.insert(format.to_string(), 0);
        }
        for activity in &plan.activities {
            totals.activities += 1;
            match activity.kind {
                Kind::Event => {
                    totals.events += 1;
                    let format = activity.format.map_or("unspecified", Format::as_str);
                    *totals
                        .events_by_format
                        .entry(format.to_string())
                        .or_default() += 1;
                }
                Kind::Study => totals.studies += 1,
                Kind::Other => totals.other += 1,
            }
            *totals
                .by_status
                .entry(activity.status.to_string())
                .or_default() += 1;

            let project = plan.programme.project(&activity.project);
            let programme = project.map(|p| p.programme.clone());
            let groups = [
                (&mut totals.by_area, Some(activity.area_code().to_string())),
                (&mut totals.by_programme, programme),
                (&mut totals.by_project, Some(activity.project.clone())),
            ];
            for (map, key) in groups {
                if let Some(key) = key {
                    map.entry(key).or_default().count(activity.kind);
                }
            }
        }
        totals
    }
}

impl Breakdown {
    fn count(&mut self, kind: Kind) {
        self.activities += 1;
        match kind {
            Kind::Event => self.events += 1,
            Kind::Study => self.studies += 1,
            Kind::Other => {}
        }
    }
}

/// How much of a plan is completed by a given day: of all its activities, and of those whose
/// planned end is on or before that day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Completion {
    /// The day counted to (today).
    pub today: Date,
    /// All activities.
    pub activities: usize,
    /// The completed ones.
    pub completed: usize,
    /// The activities planned to end on or before `today`.
    pub due: usize,
    /// The completed ones among them.
    pub completed_due: usize,
}

impl Completion {
    /// Counts the completed activities of `plan`, by `today`.
    pub fn of(plan: &Plan, today: Date) -> Self {
        let mut completion = Completion {
            today,
            activities: 0,
            completed: 0,
            due: 0,
            completed_due: 0,
        };
        for activity in &plan.activities {
            let completed = activity.status == Status::Completed;
            let due = activity.planned_end.is_some_and(|end| end <= today);
            completion.activities += 1;
            completion.completed += usize::from(completed);
            completion.due += usize::from(due);
            completion.completed_due += usize::from(completed && due);
        }
        completion
    }

    /// Completed over all activities, from 0 to 1; none without activities.
    pub fn rate(&self) -> Option<f64> {
        ratio(self.completed, self.activities)
    }

    /// Completed over the activities due, from 0 to 1; none when none is due.
    pub fn rate_due(&self) -> Option<f64> {
        ratio(self.completed_due, self.due)
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}
