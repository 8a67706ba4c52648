//! Baselines: an approved plan marked by an annotated tag `baseline/<name>`, and what changed
//! against it — the comparison the annual follow-up report is built on.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

use super::identity::Role;
use super::{HistoryError, Repo, Result, Revision, serialize_plan, to_datetime};
use crate::changes::{self, BaselineSummary, PlanChanges};
use crate::model::Plan;

/// The prefix of the tags that mark baselines.
pub const BASELINE_PREFIX: &str = "baseline/";

/// An approved plan: a name, the commit, who marked it and when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Baseline {
    /// The name, without the `baseline/` prefix.
    pub name: String,
    /// The tag, `baseline/<name>`.
    pub tag: String,
    /// The full id of the commit it marks.
    pub commit: String,
    /// The abbreviated id.
    pub short: String,
    /// When it was marked (the tagger's date; the commit's date for a lightweight tag).
    #[serde(serialize_with = "super::rfc3339")]
    pub date: DateTime<FixedOffset>,
    /// Who marked it.
    pub tagger: Option<String>,
    /// The tag's message.
    pub message: String,
}

/// What changed from an approved plan to a later state, per activity and in summary.
#[derive(Debug, Clone, Serialize)]
pub struct BaselineComparison {
    /// The baseline compared against.
    pub baseline: Baseline,
    /// The state compared: "the working tree" or a revision.
    pub at: String,
    /// The year.
    pub year: i32,
    /// The approved plan.
    #[serde(serialize_with = "serialize_plan")]
    pub approved: Plan,
    /// The plan now.
    #[serde(serialize_with = "serialize_plan")]
    pub current: Plan,
    /// Every change, per activity and to the programme file.
    pub changes: PlanChanges,
    /// The changes a follow-up report lists.
    pub summary: BaselineSummary,
}

impl Repo {
    /// Marks `rev` (default `HEAD`) as the approved plan `name` with an annotated tag signed by
    /// the user's identity. Refuses to move an existing baseline unless `force`.
    pub fn set_baseline(
        &self,
        name: &str,
        rev: Option<&str>,
        message: &str,
        force: bool,
    ) -> Result<Baseline> {
        let tag = format!("{BASELINE_PREFIX}{name}");
        if name.is_empty() || !git2::Reference::is_valid_name(&format!("refs/tags/{tag}")) {
            return Err(HistoryError::BadName(name.to_string()));
        }
        if !force && let Ok(existing) = self.baseline(name) {
            return Err(HistoryError::BaselineExists {
                name: name.to_string(),
                commit: existing.short,
            });
        }
        let id = self.resolve(rev.unwrap_or("HEAD"))?;
        let object = self.git.find_object(id, None)?;
        let tagger = self.identity(Role::Committer)?.signature()?;
        self.git.tag(&tag, &object, &tagger, message, force)?;
        self.baseline(name)
    }

    /// The baseline called `name`.
    pub fn baseline(&self, name: &str) -> Result<Baseline> {
        let refname = format!("refs/tags/{BASELINE_PREFIX}{name}");
        let reference = self
            .git
            .find_reference(&refname)
            .map_err(|_| HistoryError::NoSuchBaseline(name.to_string()))?;
        self.baseline_of(name, &reference)
    }

    /// The baseline called `name` or, when there is none, the plan at the revision `name`
    /// (a tag, a branch, a commit) taken as the approved one.
    pub fn baseline_or_revision(&self, name: &str) -> Result<Baseline> {
        match self.baseline(name) {
            Err(HistoryError::NoSuchBaseline(_)) if self.is_revision(name) => {
                let id = self.resolve(name)?;
                let commit = self.git.find_commit(id)?;
                Ok(Baseline {
                    name: name.to_string(),
                    tag: name.to_string(),
                    commit: id.to_string(),
                    short: self.short_id(id),
                    date: to_datetime(commit.time()),
                    tagger: None,
                    message: String::new(),
                })
            }
            other => other,
        }
    }

    fn baseline_of(&self, name: &str, reference: &git2::Reference) -> Result<Baseline> {
        let commit = reference.peel_to_commit()?;
        let (date, tagger, message) = match reference.peel_to_tag() {
            Ok(tag) => {
                let tagger = tag.tagger();
                let date = tagger
                    .as_ref()
                    .map(|t| to_datetime(t.when()))
                    .unwrap_or_else(|| to_datetime(commit.time()));
                let who = tagger.as_ref().map(|t| {
                    format!(
                        "{} <{}>",
                        String::from_utf8_lossy(t.name_bytes()),
                        String::from_utf8_lossy(t.email_bytes())
                    )
                });
                let message = String::from_utf8_lossy(tag.message_bytes().unwrap_or_default())
                    .trim()
                    .to_string();
                (date, who, message)
            }
            Err(_) => (to_datetime(commit.time()), None, String::new()),
        };
        Ok(Baseline {
            name: name.to_string(),
            tag: format!("{BASELINE_PREFIX}{name}"),
            commit: commit.id().to_string(),
            short: self.short_id(commit.id()),
            date,
            tagger,
            message,
        })
    }

    /// Every baseline, oldest first.
    pub fn baselines(&self) -> Result<Vec<Baseline>> {
        let mut baselines = Vec::new();
        for reference in self
            .git
            .references_glob(&format!("refs/tags/{BASELINE_PREFIX}*"))?
        {
            let reference = reference?;
            let Some(name) = reference
                .name()
                .ok()
                .and_then(|n| n.strip_prefix("refs/tags/"))
                .and_then(|n| n.strip_prefix(BASELINE_PREFIX))
                .map(str::to_string)
            else {
                continue;
            };
            baselines.push(self.baseline_of(&name, &reference)?);
        }
        baselines.sort_by(|a, b| a.date.cmp(&b.date).then(a.name.cmp(&b.name)));
        Ok(baselines)
    }

    /// What changed in `year` from the baseline `name` (or the revision `name`, when no
    /// baseline has that name) to `at`.
    pub fn baseline_comparison(
        &self,
        name: &str,
        at: &Revision,
        year: i32,
    ) -> Result<BaselineComparison> {
        let baseline = self.baseline_or_revision(name)?;
        let approved = self.load(&Revision::Commit(baseline.commit.clone()), year)?;
        let current = self.load(at, year)?;
        let changes = changes::compare(&approved.plan, &current.plan);
        let summary = BaselineSummary::of(&approved.plan, &current.plan, &changes);
        Ok(BaselineComparison {
            baseline,
            at: at.to_string(),
            year,
            approved: approved.plan,
            current: current.plan,
            changes,
            summary,
        })
    }
}
