//! Every finding about a loaded programme: unknown keys, references, codes, dates, states, totals,
//! and prose the documents cannot show as written.
//!
//! Reading ([`crate::store::load`]) already reports what stops a file from being read: syntax
//! and type errors, missing keys. [`validate`] adds what a careful reviewer would point out,
//! in every file whatever else is wrong in it. Checks do not pile up on one cause: while
//! `programme.toml` has errors nothing is checked against it; in an activity, a check is left
//! out only when a key it reads is in doubt — its value could not be read, or a misspelt key
//! was probably meant to set it (`statsu` for `status`); and the foreword's totals are only
//! compared when every file was read.

pub mod hidden;
pub mod markup;
pub mod previous;
pub mod prose;
pub mod translations;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use rayon::prelude::*;

use crate::diagnostic::Finding;
use crate::model::limits::{self, Excess, Unit};
use crate::model::{Activity, Country, Date, Kind, Lang, Status, WorkProgramme};
use crate::store::fix::country_values;
use crate::store::{ACTIVITIES_DIR, Loaded, Source, progress_out_of_range};
use crate::suggest::did_you_mean;
use crate::syntax::shape::{Field, Shape};
use crate::syntax::tree::{DisplayPath, Step, Tree};

use self::prose::{Noun, claims};

/// Every finding about `loaded` beyond those found while reading it, as of today.
pub fn validate(loaded: &Loaded) -> Vec<Finding> {
    validate_on(loaded, today())
}

/// [`validate`] with the places of the keys of every file already known: `trees` as
/// [`crate::store::load_located`] gives them with `loaded`, so no file is parsed again.
pub fn validate_located(loaded: &Loaded, trees: &[Option<Tree>]) -> Vec<Finding> {
    check(loaded, Some(trees), today())
}

/// Every finding about `loaded` beyond those found while reading it, taking `today` as the
/// current day (actual dates after it are suspect).
pub fn validate_on(loaded: &Loaded, today: Date) -> Vec<Finding> {
    check(loaded, None, today)
}

/// Today as the clock says; a `PROGRAMA_TODAY` that is not a date is reported by the commands
/// that read it, so the checks take the calendar's day.
fn today() -> Date {
    crate::clock::today().unwrap_or_else(|_| crate::clock::calendar_day())
}

/// Where a file's keys are: a tree from the one parse of the file, or none yet.
enum Located<'a> {
    /// Given with `loaded`; `None` for a file that is not valid TOML.
    Known(Option<&'a Tree>),
    /// Not given (nor for a file past the end of the trees given): the file is parsed here.
    Unknown,
}

/// The top-level keys of an activity that hold no prose, so none of its citations.
const NO_CITATIONS: &[&str] = &[
    "code",
    "project",
    "kind",
    "format",
    "status",
    "progress",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "partners",
    "participants",
    "outputs",
];

/// Every finding about `loaded`, with the trees of its files if known (parallel to
/// `loaded.sources`).
fn check(loaded: &Loaded, trees: Option<&[Option<Tree>]>, today: Date) -> Vec<Finding> {
    let mut errors_in: HashMap<&Path, Vec<&Range<usize>>> = HashMap::new();
    for finding in loaded.findings.iter().filter(|finding| finding.is_error()) {
        if let (Some(file), Some(span)) = (finding.file.as_deref(), finding.span.as_ref()) {
            errors_in.entry(file).or_default().push(span);
        }
    }
    // The activity read from each file, if any.
    let mut activity_of: Vec<Option<&Activity>> = vec![None; loaded.sources.len()];
    for (activity, &source) in loaded.plan.activities.iter().zip(&loaded.activity_sources) {
        if let Some(slot) = activity_of.get_mut(source) {
            *slot = Some(activity);
        }
    }
    let files: Vec<FileInput> = loaded
        .sources
        .iter()
        .zip(activity_of)
        .enumerate()
        .map(|(index, (source, activity))| FileInput {
            source,
            activity,
            errors: errors_in.remove(&*source.path).unwrap_or_default(),
            located: match trees.and_then(|trees| trees.get(index)) {
                Some(tree) => Located::Known(tree.as_ref()),
                None => Located::Unknown,
            },
        })
        .collect();
    let mut checks = YearChecks::on(loaded, today);
    checks.add(files);
    checks.finish(loaded)
}

/// A file as read, for [`YearChecks::add_files`]: its source, the activity read from it, the
/// findings of reading it, and its located keys (`None` for a file that is not valid TOML).
pub type FileRead<'a> = (
    &'a Source,
    Option<&'a Activity>,
    &'a [Finding],
    Option<&'a Tree>,
);

/// A file to check on its own: its text, the activity read from it, where its keys are, and
/// where reading it found errors.
struct FileInput<'a> {
    source: &'a Source,
    activity: Option<&'a Activity>,
    located: Located<'a>,
    errors: Vec<&'a Range<usize>>,
}

/// The checks of a year made as its files come in, so that a year can be checked in parts and
/// each part's texts and located keys let go before the next is read: [`YearChecks::add_files`]
/// checks files on their own (in the order of [`Loaded::sources`], the programme file first),
/// [`YearChecks::finish`] compares them with each other and gives every finding, as
/// [`validate_located`] gives them for the year read whole.
pub struct YearChecks {
    today: Date,
    programme: WorkProgramme,
    /// Whether the programme file was read without errors: only then is it checked, and
    /// activities against it.
    programme_ok: bool,
    programme_shape: Shape,
    activity_shape: Shape,
    /// What each file added says on its own, in the order added.
    files: Vec<FileChecks>,
    /// The year checked.
    year: i32,
}

impl YearChecks {
    /// The checks of the year `loaded` has started (its programme file read, activities or not).
    pub fn new(loaded: &Loaded) -> Self {
        YearChecks::on(loaded, today())
    }

    fn on(loaded: &Loaded, today: Date) -> Self {
        let programme_ok = loaded
            .sources
            .first()
            .filter(|source| !is_activity_file(&source.path))
            .is_some_and(|source| {
                !loaded
                    .findings
                    .iter()
                    .any(|f| f.is_error() && f.file.as_deref() == Some(&*source.path))
            });
        YearChecks {
            year: loaded.year,
            today,
            programme: loaded.plan.programme.clone(),
            programme_ok,
            programme_shape: Shape::programme(),
            activity_shape: Shape::activity(),
            files: Vec::new(),
        }
    }

    /// Checks the next files of the year on their own: each with the activity read from it, the
    /// findings of reading it and its located keys (`None` for a file that is not valid TOML).
    /// Says of each whether it has findings of its own so far; a code another file has too is
    /// only found by [`YearChecks::finish`].
    pub fn add_files(&mut self, files: &[FileRead]) -> Vec<bool> {
        let inputs = files
            .iter()
            .map(|&(source, activity, findings, tree)| FileInput {
                source,
                activity,
                located: Located::Known(tree),
                errors: findings
                    .iter()
                    .filter(|f| f.is_error())
                    .filter_map(|f| f.span.as_ref())
                    .collect(),
            })
            .collect();
        let added = self.add(inputs);
        self.files[added..].iter().map(FileChecks::found).collect()
    }

    /// Checks `files` on their own, on every core; returns where they start in `self.files`.
    fn add(&mut self, files: Vec<FileInput>) -> usize {
        let start = self.files.len();
        let checked: Vec<FileChecks> = files.par_iter().map(|file| self.check_file(file)).collect();
        self.files.extend(checked);
        start
    }

    /// One file on its own, with its located keys (parsed here if not given): the keys its
    /// kind does not have, then, for an activity, what it says on its own.
    fn check_file(&self, file: &FileInput) -> FileChecks {
        let FileInput {
            source,
            activity,
            located,
            errors,
        } = file;
        let tree = match located {
            Located::Known(Some(tree)) => Cow::Borrowed(*tree),
            Located::Known(None) => return FileChecks::default(),
            Located::Unknown => match Tree::parse(&source.text) {
                Ok(tree) => Cow::Owned(tree),
                Err(_) => return FileChecks::default(),
            },
        };
        let is_activity = is_activity_file(&source.path);
        let shape = if is_activity {
            &self.activity_shape
        } else {
            &self.programme_shape
        };
        let (mut keys, mut doubtful) = check_keys(&source.path, &tree, shape);
        keys.extend(hidden::check_hidden(&source.path, &source.text, &tree));
        keys.extend(check_countries(
            &source.path,
            &source.text,
            &tree,
            is_activity,
        ));
        let markup = markup::check_prose(&source.path, &source.text, &tree, shape);
        for span in errors {
            if let Some(Step::Key(key)) = tree.deepest_at(span).and_then(|node| node.path.first()) {
                doubtful.insert(key.clone());
            }
        }
        let checked = Checked {
            file: &source.path,
            text: &source.text,
            tree: &tree,
        };
        let mut translated = None;
        let activity = activity.map(|activity| {
            let mut own = Vec::new();
            if self.programme_ok && !doubtful.contains("project") {
                own.extend(checked.references(activity, &self.programme));
            }
            own.extend(checked.limits(limits::of_activity(activity)));
            own.extend(checked.activity(activity, self.today, &doubtful));
            if !doubtful.contains("previous") {
                own.extend(checked.previous(activity, self.year));
            }
            if !doubtful.contains("translations") {
                let source_lang = self.programme.source_lang();
                let (found, into) = checked.translations(activity, source_lang, &activity.code);
                own.extend(found);
                translated = into;
            }
            let stem = source.path.file_stem().and_then(|s| s.to_str());
            let named = activity.code.is_empty() || stem == Some(activity.code.as_str());
            (tree.value_span(&["code"]), own, named)
        });
        FileChecks {
            keys,
            markup,
            activity,
            tree: (!is_activity).then(|| tree.into_owned()),
            translated,
        }
    }

    /// Every finding about `loaded` beyond those of reading it, once all its files are added:
    /// what each says on its own, then the programme file's own checks, each activity's code
    /// against its file's name and the other codes, and the foreword's totals.
    pub fn finish(mut self, loaded: &Loaded) -> Vec<Finding> {
        let mut findings = Vec::new();
        for file in &mut self.files {
            findings.append(&mut file.keys);
            findings.append(&mut file.markup);
        }
        let programme_source = loaded
            .sources
            .first()
            .filter(|source| !is_activity_file(&source.path));
        let programme_tree = self.files.first().and_then(|file| file.tree.as_ref());
        if let (Some(source), Some(tree), true) =
            (programme_source, programme_tree, self.programme_ok)
        {
            let programme = Checked {
                file: &source.path,
                text: &source.text,
                tree,
            };
            findings.extend(programme.limits(limits::of_programme(&loaded.plan.programme)));
            findings.extend(programme.programme(&loaded.plan.programme, loaded.year));
            let plan = &loaded.plan.programme;
            let (found, into) = programme.translations(plan, plan.source_lang(), "programme");
            findings.extend(found);
            findings.extend(untranslated_notes(&source.path, into, &self.files));
        }
        let mut codes: HashMap<&str, &Path> = HashMap::new();
        for (activity, &source) in loaded.plan.activities.iter().zip(&loaded.activity_sources) {
            let (
                Some(file),
                Some(FileChecks {
                    activity: Some((code_span, own, _)),
                    ..
                }),
            ) = (loaded.sources.get(source), self.files.get(source))
            else {
                continue;
            };
            findings.extend(codes_of(&file.path, code_span, activity, &mut codes));
            findings.extend(own.iter().cloned());
        }

        // Only when every file was read: one that was not may hold what seems to be missing.
        let failed = loaded
            .findings
            .iter()
            .any(|f| f.is_error() && f.file.is_some());
        if !failed && let (Some(source), Some(tree)) = (programme_source, programme_tree) {
            findings.extend(check_totals(source, tree, loaded));
            findings.extend(check_empty_projects(source, tree, loaded));
        }
        findings
    }
}

fn is_activity_file(path: &Path) -> bool {
    path.parent()
        .and_then(Path::file_name)
        .is_some_and(|name| name == ACTIVITIES_DIR)
}

/// Unknown keys (at any depth) and required text left empty, from the file kind's schema; and
/// the known top-level keys that unknown ones were probably meant to be.
fn check_keys(file: &Path, tree: &Tree, shape: &Shape) -> (Vec<Finding>, BTreeSet<String>) {
    let mut findings = Vec::new();
    let mut meant = BTreeSet::new();
    for node in &tree.nodes {
        let Some((Step::Key(name), parent)) = node.path.split_last() else {
            continue;
        };
        let Some(fields) = shape.at(parent).and_then(Shape::fields) else {
            continue;
        };
        // Only written when there is something to say.
        let table = || DisplayPath(parent).to_string();
        match fields.iter().find(|field| &field.name == name) {
            None => {
                let names = fields.iter().map(|field| field.name.as_str());
                let hint = match did_you_mean(name, names.clone()) {
                    Some(best) => {
                        if parent.is_empty() {
                            meant.insert(best.to_string());
                        }
                        crate::tr!("check-unknown-key-hint-meant", best = best)
                    }
                    None => crate::tr!(
                        "check-unknown-key-hint-keys",
                        keys = names.collect::<Vec<_>>().join(", ")
                    ),
                };
                let message = if parent.is_empty() {
                    crate::tr!("check-unknown-key", name = name.as_str())
                } else {
                    crate::tr!(
                        "check-unknown-key-in",
                        name = name.as_str(),
                        table = table()
                    )
                };
                findings.push(
                    Finding::error("unknown-key", message)
                        .at(file, node.key.clone())
                        .hint(hint),
                );
            }
            Some(Field {
                required: true,
                shape:
                    Shape::Scalar {
                        string: true,
                        allowed,
                        ..
                    },
                ..
            }) if allowed.is_empty() && node.is_blank => {
                let message = if parent.is_empty() {
                    crate::tr!("check-empty-value", name = name.as_str())
                } else {
                    crate::tr!(
                        "check-empty-value-in",
                        name = name.as_str(),
                        table = table()
                    )
                };
                findings.push(
                    Finding::error("empty-value", message)
                        .at(file, node.value_span())
                        .hint(crate::tr!("check-empty-value-hint", name = name.as_str())),
                );
            }
            Some(_) => {}
        }
    }
    (findings, meant)
}

/// Countries written as names where files hold codes (`Perú` for `PE`), and Member States
/// listed twice. A text that names no country was reported by the reader.
fn check_countries(file: &Path, text: &str, tree: &Tree, is_activity: bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut members: BTreeMap<Country, usize> = BTreeMap::new();
    for (index, value) in country_values(text, tree, is_activity)
        .into_iter()
        .enumerate()
    {
        let (span, written) = (value.span, value.written);
        let Ok(country) = Country::resolve(&written) else {
            continue;
        };
        if written != country.code() {
            findings.push(
                Finding::warning(
                    "country-name",
                    crate::tr!(
                        "check-country-name",
                        written = written.trim(),
                        code = country.code()
                    ),
                )
                .at(file, Some(span.clone()))
                .hint(crate::tr!(
                    "check-country-name-hint",
                    code = country.code(),
                    country = country.name(crate::i18n::lang())
                )),
            );
        }
        if !is_activity && let Some(first) = members.insert(country, index) {
            findings.push(
                Finding::warning(
                    "duplicate-member-state",
                    crate::tr!(
                        "check-duplicate-member-state",
                        country = country.name(crate::i18n::lang()),
                        code = country.code()
                    ),
                )
                .at(file, Some(span))
                .hint(crate::tr!(
                    "check-duplicate-member-state-hint",
                    first = format!("member_states[{first}]")
                )),
            );
        }
    }
    findings
}

/// What was found in one file on its own.
#[derive(Default)]
struct FileChecks {
    /// Unknown keys and empty values.
    keys: Vec<Finding>,
    /// What the documents do not show of its prose as written.
    markup: Vec<Finding>,
    /// For an activity file: where its code is, what its activity says on its own, and
    /// whether the file is named after its code.
    activity: Option<(Option<Range<usize>>, Vec<Finding>, bool)>,
    /// The located keys of the programme file, kept for the checks across files.
    tree: Option<Tree>,
    /// For an activity with text whose translations were checked: the languages it has
    /// translations into.
    translated: Option<Vec<Lang>>,
}

impl FileChecks {
    /// Whether the file has findings of its own (a code that is not its name among them).
    fn found(&self) -> bool {
        !self.keys.is_empty()
            || !self.markup.is_empty()
            || self
                .activity
                .as_ref()
                .is_some_and(|(_, own, named)| !own.is_empty() || !named)
    }
}

/// For each language something is translated into, a note of how many files with text (the
/// programme file's languages are `programme`'s, the activities' in `files`) have no
/// translation into it at all.
fn untranslated_notes(
    file: &Path,
    programme: Option<Vec<Lang>>,
    files: &[FileChecks],
) -> Vec<Finding> {
    let with_text: Vec<&Vec<Lang>> = programme
        .iter()
        .chain(files.iter().filter_map(|f| f.translated.as_ref()))
        .collect();
    Lang::ALL
        .iter()
        .filter(|lang| with_text.iter().any(|into| into.contains(lang)))
        .filter_map(|lang| {
            let count = with_text.iter().filter(|into| !into.contains(lang)).count();
            (count > 0)
                .then(|| translations::untranslated_note(file, *lang, count, with_text.len()))
        })
        .collect()
}

/// A file being checked, with its text and located keys.
struct Checked<'a> {
    file: &'a Path,
    text: &'a str,
    tree: &'a Tree,
}

impl Checked<'_> {
    /// A finding placed at the value of the plain-key path `keys`.
    fn at(&self, finding: Finding, keys: &[&str]) -> Finding {
        finding.at(self.file, self.tree.value_span(keys))
    }

    /// A finding placed at the value at `path`.
    fn at_path(&self, finding: Finding, path: &[Step]) -> Finding {
        finding.at(self.file, self.tree.span_at(path))
    }

    /// A finding for each value beyond its limit, at the value.
    fn limits(&self, excess: Vec<Excess>) -> Vec<Finding> {
        excess
            .into_iter()
            .map(|excess| {
                let mut path = vec![Step::Key(excess.place.key.to_string())];
                if let Some((index, key)) = excess.place.item {
                    path.push(Step::Index(index));
                    path.extend(key.map(|key| Step::Key(key.to_string())));
                }
                let (place, found, limit) = (excess.place.to_string(), excess.found, excess.limit);
                let (code, message, hint) = match excess.unit {
                    Unit::Characters => (
                        "too-long",
                        crate::tr!(
                            "check-too-long",
                            place = place,
                            found = found,
                            limit = limit
                        ),
                        if excess.limit == limits::LINE_CHARS {
                            crate::tr!("check-too-long-hint-line")
                        } else {
                            crate::tr!("check-too-long-hint-prose")
                        },
                    ),
                    Unit::Items => (
                        "too-many",
                        crate::tr!(
                            "check-too-many",
                            place = place,
                            found = found,
                            limit = limit
                        ),
                        crate::tr!("check-too-many-hint"),
                    ),
                };
                // A value too long to quote is placed at its key, on the line it starts on.
                let span = self.tree.get(&path).and_then(|node| node.key.clone());
                Finding::error(code, message)
                    .at(self.file, span.or_else(|| self.tree.span_at(&path)))
                    .hint(hint)
            })
            .collect()
    }

    fn programme(&self, programme: &WorkProgramme, year: i32) -> Vec<Finding> {
        let mut findings = Vec::new();
        if programme.year != year {
            findings.push(
                self.at(
                    Finding::error(
                        "year-mismatch",
                        crate::tr!(
                            "check-year-mismatch",
                            stated = programme.year.to_string(),
                            year = year.to_string()
                        ),
                    )
                    .hint(crate::tr!(
                        "check-year-mismatch-hint",
                        year = year.to_string()
                    )),
                    &["year"],
                ),
            );
        }
        let element = |list: &str, index: usize, key: &str| {
            vec![
                Step::Key(list.to_string()),
                Step::Index(index),
                Step::Key(key.to_string()),
            ]
        };

        let mut seen = BTreeMap::new();
        for (index, area) in programme.areas.iter().enumerate() {
            if let Some(first) = seen.insert(area.code.as_str(), index) {
                findings.push(self.at_path(
                    duplicate("area", &area.code, &format!("areas[{first}]")),
                    &element("areas", index, "code"),
                ));
            }
        }
        let area_codes: Vec<&str> = programme.areas.iter().map(|a| a.code.as_str()).collect();

        let mut seen = BTreeMap::new();
        for (index, item) in programme.programmes.iter().enumerate() {
            if let Some(first) = seen.insert(item.id.as_str(), index) {
                findings.push(self.at_path(
                    duplicate("programme", &item.id, &format!("programmes[{first}]")),
                    &element("programmes", index, "id"),
                ));
            }
            if programme.area(&item.area).is_none() {
                findings.push(self.at_path(
                    unknown("area", &item.area, &area_codes, "[[areas]]"),
                    &element("programmes", index, "area"),
                ));
            }
        }
        let programme_ids: Vec<&str> = programme.programmes.iter().map(|p| p.id.as_str()).collect();

        let mut seen = BTreeMap::new();
        for (index, project) in programme.projects.iter().enumerate() {
            if let Some(first) = seen.insert(project.code.as_str(), index) {
                findings.push(self.at_path(
                    duplicate("project", &project.code, &format!("projects[{first}]")),
                    &element("projects", index, "code"),
                ));
            }
            match programme.programme(&project.programme) {
                None => findings.push(self.at_path(
                    unknown(
                        "programme",
                        &project.programme,
                        &programme_ids,
                        "[[programmes]]",
                    ),
                    &element("projects", index, "programme"),
                )),
                Some(parent) if !is_child_code(&project.code, &parent.area) => {
                    findings.push(
                        self.at_path(
                            Finding::error(
                                "code-prefix",
                                crate::tr!(
                                    "check-project-code-prefix",
                                    project = project.code.as_str(),
                                    programme = parent.id.as_str(),
                                    area = parent.area.as_str()
                                ),
                            )
                            .hint(crate::tr!("check-project-code-prefix-hint")),
                            &element("projects", index, "code"),
                        ),
                    );
                }
                Some(_) => {}
            }
        }
        findings
    }

    /// The project the activity names, and the code's prefix.
    fn references(&self, activity: &Activity, programme: &WorkProgramme) -> Vec<Finding> {
        let mut findings = Vec::new();
        if programme.project(&activity.project).is_none() {
            let projects: Vec<&str> = programme.projects.iter().map(|p| p.code.as_str()).collect();
            // The code names the project too: `I.1.2` is in `I.1`.
            let implied = activity
                .code
                .rsplit_once('.')
                .map(|(project, _)| project)
                .filter(|project| programme.project(project).is_some());
            let finding = unknown("project", &activity.project, &projects, "[[projects]]");
            let finding = match implied {
                Some(project) => finding.hint(crate::tr!(
                    "check-unknown-project-hint-implied",
                    code = activity.code.as_str(),
                    project = project
                )),
                None => finding,
            };
            // With no such project, the code's prefix says nothing more.
            findings.push(self.at(finding, &["project"]));
        } else if !activity.code.is_empty()
            && !activity.project.is_empty()
            && !is_child_code(&activity.code, &activity.project)
        {
            findings.push(
                self.at(
                    Finding::error(
                        "code-prefix",
                        crate::tr!(
                            "check-activity-code-prefix",
                            code = activity.code.as_str(),
                            project = activity.project.as_str()
                        ),
                    )
                    .hint(crate::tr!("check-activity-code-prefix-hint")),
                    &["code"],
                ),
            );
        }
        findings
    }

    /// Dates, progress, status and footnotes of one activity, each check only where none of the
    /// keys it reads is `doubtful`.
    fn activity(
        &self,
        activity: &Activity,
        today: Date,
        doubtful: &BTreeSet<String>,
    ) -> Vec<Finding> {
        let mut doubtful = doubtful.clone();
        let mut findings = Vec::new();
        if activity.progress > 100 && !doubtful.contains("progress") {
            findings.push(self.at(
                progress_out_of_range(&activity.progress.to_string()),
                &["progress"],
            ));
            doubtful.insert("progress".to_string());
        }
        let trusted = |keys: &[&str]| keys.iter().all(|key| !doubtful.contains(*key));
        for (start_key, start, end_key, end) in [
            (
                "planned_start",
                activity.planned_start,
                "planned_end",
                activity.planned_end,
            ),
            (
                "actual_start",
                activity.actual_start,
                "actual_end",
                activity.actual_end,
            ),
        ] {
            if let (Some(start), Some(end)) = (start, end)
                && end < start
                && trusted(&[start_key, end_key])
            {
                findings.push(
                    self.at(
                        Finding::error(
                            "inverted-dates",
                            crate::tr!(
                                "check-inverted-dates",
                                end_key = end_key,
                                end = end.to_string(),
                                start_key = start_key,
                                start = start.to_string()
                            ),
                        )
                        .hint(crate::tr!("check-inverted-dates-hint")),
                        &[end_key],
                    ),
                );
            }
        }
        for (key, date) in [
            ("actual_start", activity.actual_start),
            ("actual_end", activity.actual_end),
        ] {
            if let Some(date) = date.filter(|date| *date > today && trusted(&[key])) {
                findings.push(
                    self.at(
                        Finding::warning(
                            "future-date",
                            crate::tr!("check-future-date", key = key, date = date.to_string()),
                        )
                        .hint(crate::tr!(
                            "check-future-date-hint",
                            planned = format!("planned_{}", key.trim_start_matches("actual_"))
                        )),
                        &[key],
                    ),
                );
            }
        }
        findings.extend(self.status(activity, &trusted));
        if activity.kind == Kind::Study
            && let Some(format) = activity.format
            && trusted(&["kind", "format"])
        {
            findings.push(
                self.at(
                    Finding::warning(
                        "study-with-format",
                        crate::tr!("check-study-with-format", format = format.to_string()),
                    )
                    .hint(crate::tr!("check-study-with-format-hint")),
                    &["format"],
                ),
            );
        }
        if trusted(&["footnotes"]) {
            // Citations in prose that could not be read are not seen: a footnote may look unused.
            let prose_read = doubtful
                .iter()
                .all(|key| NO_CITATIONS.contains(&key.as_str()));
            findings.extend(self.footnotes(activity, prose_read));
        }
        findings
    }

    /// The checks of status against progress and the actual dates, each where the keys it
    /// reads are `trusted`.
    fn status(&self, activity: &Activity, trusted: &dyn Fn(&[&str]) -> bool) -> Vec<Finding> {
        let mut findings = Vec::new();
        let progress = activity.progress;
        let status = activity.status;
        let progress_key: &[&str] = if self.tree.key(&["progress"]).is_some() {
            &["progress"]
        } else {
            &["status"]
        };
        let inconsistent = |finding: Finding| self.at(finding, progress_key);
        let progress_read = trusted(&["status", "progress"]);
        match status {
            _ if !progress_read => {}
            Status::Completed if progress < 100 => findings.push(inconsistent(
                Finding::error(
                    "inconsistent-status",
                    crate::tr!("check-completed-progress", progress = progress),
                )
                .hint(crate::tr!("check-completed-progress-hint")),
            )),
            Status::Planned if progress == 100 => findings.push(inconsistent(
                Finding::error("inconsistent-status", crate::tr!("check-planned-done"))
                    .hint(crate::tr!("check-planned-done-hint")),
            )),
            Status::Planned if progress > 0 => findings.push(inconsistent(
                Finding::warning(
                    "inconsistent-status",
                    crate::tr!("check-planned-progress", progress = progress),
                )
                .hint(crate::tr!("check-planned-progress-hint")),
            )),
            Status::Cancelled | Status::Postponed if progress == 100 => {
                findings.push(inconsistent(
                    Finding::warning(
                        "inconsistent-status",
                        crate::tr!("check-stopped-done", status = status.as_str()),
                    )
                    .hint(crate::tr!("check-stopped-done-hint")),
                ))
            }
            _ => {}
        }
        if status == Status::Completed
            && activity.actual_end.is_none()
            && trusted(&["status", "actual_end"])
        {
            findings.push(
                self.at(
                    Finding::warning("missing-actual-end", crate::tr!("check-missing-actual-end"))
                        .hint(crate::tr!("check-missing-actual-end-hint")),
                    &["status"],
                ),
            );
        }
        if status == Status::Planned {
            for key in ["actual_start", "actual_end"] {
                if self.tree.key(&[key]).is_some() && trusted(&["status", key]) {
                    findings.push(
                        self.at(
                            Finding::warning(
                                "inconsistent-status",
                                crate::tr!("check-planned-started", key = key),
                            )
                            .hint(crate::tr!("check-planned-started-hint")),
                            &[key],
                        ),
                    );
                }
            }
        }
        if status == Status::Ongoing
            && activity.actual_end.is_some()
            && trusted(&["status", "actual_end"])
        {
            findings.push(
                self.at(
                    Finding::warning("inconsistent-status", crate::tr!("check-ongoing-ended"))
                        .hint(crate::tr!("check-ongoing-ended-hint")),
                    &["actual_end"],
                ),
            );
        }
        findings
    }

    /// Citations `[^id]` without a footnote, ids used twice, and footnotes never cited when
    /// all the prose was read (`prose_read`).
    fn footnotes(&self, activity: &Activity, prose_read: bool) -> Vec<Finding> {
        let mut findings = Vec::new();
        let defined: BTreeSet<&str> = activity.footnotes.iter().map(|f| f.id.as_str()).collect();
        let mut cited = BTreeSet::new();
        let notes = Step::Key("footnotes".to_string());
        for node in &self.tree.nodes {
            if node.path.first() == Some(&notes) || !node.is_string {
                continue;
            }
            let Some(span) = node.value.clone() else {
                continue;
            };
            let Some(raw) = self.tree_text(&span) else {
                continue;
            };
            for (label, at) in prose::citations(raw) {
                if !defined.contains(label.as_str()) {
                    let hint = match did_you_mean(&label, defined.iter().copied()) {
                        Some(best) => {
                            crate::tr!("check-did-you-mean", best = format!("[^{best}]"))
                        }
                        None => crate::tr!("check-undefined-footnote-hint", label = label.as_str()),
                    };
                    findings.push(
                        Finding::error(
                            "undefined-footnote",
                            crate::tr!("check-undefined-footnote", label = label.as_str()),
                        )
                        .at(self.file, Some(span.start + at.start..span.start + at.end))
                        .hint(hint),
                    );
                }
                cited.insert(label);
            }
        }
        let mut seen = BTreeSet::new();
        for (index, footnote) in activity.footnotes.iter().enumerate() {
            let path = [
                notes.clone(),
                Step::Index(index),
                Step::Key("id".to_string()),
            ];
            if !seen.insert(footnote.id.as_str()) {
                findings.push(
                    self.at_path(
                        Finding::error(
                            "duplicate-footnote",
                            crate::tr!("check-duplicate-footnote", id = footnote.id.as_str()),
                        )
                        .hint(crate::tr!("check-duplicate-footnote-hint")),
                        &path,
                    ),
                );
            } else if prose_read && !cited.contains(&footnote.id) {
                findings.push(
                    self.at_path(
                        Finding::warning(
                            "unused-footnote",
                            crate::tr!("check-unused-footnote", id = footnote.id.as_str()),
                        )
                        .hint(crate::tr!(
                            "check-unused-footnote-hint",
                            id = footnote.id.as_str()
                        )),
                        &path,
                    ),
                );
            }
        }
        findings
    }

    fn tree_text(&self, span: &Range<usize>) -> Option<&str> {
        self.text.get(span.clone())
    }
}

/// The code (at `code_span` in `file`) against the file name and the codes of the other
/// activities.
fn codes_of<'a>(
    file: &'a Path,
    code_span: &Option<Range<usize>>,
    activity: &'a Activity,
    seen: &mut HashMap<&'a str, &'a Path>,
) -> Vec<Finding> {
    let at = |finding: Finding| finding.at(file, code_span.clone());
    let mut findings = Vec::new();
    let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if !activity.code.is_empty() && stem != activity.code {
        findings.push(at(Finding::error(
            "code-mismatch",
            crate::tr!(
                "check-code-mismatch",
                code = activity.code.as_str(),
                file = format!("{stem}.toml")
            ),
        )
        .hint(crate::tr!(
            "check-code-mismatch-hint",
            file = format!("{}.toml", activity.code)
        ))));
    }
    if let Some(first) = seen.get(activity.code.as_str()) {
        findings.push(at(Finding::error(
            "duplicate-code",
            crate::tr!("check-duplicate-activity", code = activity.code.as_str()),
        )
        .hint(crate::tr!(
            "check-duplicate-activity-hint",
            file = first.display().to_string()
        ))));
    } else {
        seen.insert(&activity.code, file);
    }
    findings
}

/// Whether `code` is `parent` followed by `.` and a number: `I.1.2` in `I.1`.
fn is_child_code(code: &str, parent: &str) -> bool {
    code.strip_prefix(parent)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|number| !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()))
}

/// The finding for the code or id of a `what` (`area`, `programme` or `project`) given twice.
fn duplicate(what: &str, code: &str, first: &str) -> Finding {
    Finding::error(
        "duplicate-code",
        crate::tr!("check-duplicate-code", what = what, code = code),
    )
    .hint(crate::tr!("check-duplicate-code-hint", first = first))
}

/// A reference to a `what` (`area`, `programme` or `project`) that does not exist, with the
/// nearest existing one.
fn unknown(what: &str, name: &str, existing: &[&str], table: &str) -> Finding {
    let hint = match did_you_mean(name, existing.iter().copied()) {
        Some(best) => crate::tr!("check-did-you-mean", best = best),
        None if existing.is_empty() => crate::tr!("check-unknown-reference-none", table = table),
        None => crate::tr!(
            "check-unknown-reference-list",
            what = what,
            list = existing.join(", ")
        ),
    };
    Finding::error(
        "unknown-reference",
        crate::tr!("check-unknown-reference", what = what, name = name),
    )
    .hint(hint)
}

/// Projects of the programme file that no activity belongs to.
fn check_empty_projects(source: &Source, tree: &Tree, loaded: &Loaded) -> Vec<Finding> {
    let mut findings = Vec::new();
    let used: HashSet<&str> = loaded
        .plan
        .activities
        .iter()
        .map(|a| a.project.as_str())
        .collect();
    for (index, project) in loaded.plan.programme.projects.iter().enumerate() {
        if !used.contains(project.code.as_str()) {
            let path = [
                Step::Key("projects".to_string()),
                Step::Index(index),
                Step::Key("code".to_string()),
            ];
            findings.push(
                Finding::warning(
                    "empty-project",
                    crate::tr!("check-empty-project", project = project.code.as_str()),
                )
                .at(&source.path, tree.span_at(&path))
                .hint(crate::tr!(
                    "check-empty-project-hint",
                    project = project.code.as_str()
                )),
            );
        }
    }
    findings
}

/// Totals the foreword (or, failing that, the introduction) states that the activities
/// contradict: the first `<number> studies|events|activities` of each kind, where the
/// document states its totals before breaking them down.
fn check_totals(source: &Source, tree: &Tree, loaded: &Loaded) -> Vec<Finding> {
    let totals = loaded.plan.totals();
    let mut findings = Vec::new();
    let mut done = BTreeSet::new();
    for field in ["foreword", "introduction"] {
        let Some(span) = tree.key(&[field]).and_then(|node| node.value.clone()) else {
            continue;
        };
        let Some(raw) = source.text.get(span.clone()) else {
            continue;
        };
        for claim in claims(raw) {
            if !done.insert(claim.noun.as_str()) {
                continue;
            }
            let actual = match claim.noun {
                Noun::Studies => totals.studies,
                Noun::Events => totals.events,
                Noun::Activities => totals.activities,
            };
            if actual != claim.count {
                let phrase = raw.get(claim.span.clone()).unwrap_or_default();
                let hint = match claim.noun {
                    Noun::Studies => crate::tr!(
                        "check-totals-hint-kind",
                        count = actual,
                        kind = "study",
                        field = field
                    ),
                    Noun::Events => crate::tr!(
                        "check-totals-hint-kind",
                        count = actual,
                        kind = "event",
                        field = field
                    ),
                    Noun::Activities => {
                        crate::tr!(
                            "check-totals-hint-activities",
                            count = actual,
                            field = field
                        )
                    }
                };
                findings.push(
                    Finding::warning(
                        "totals-mismatch",
                        crate::tr!(
                            "check-totals-mismatch",
                            field = field,
                            phrase = phrase,
                            count = actual,
                            noun = claim.noun.as_str()
                        ),
                    )
                    .at(
                        &source.path,
                        Some(span.start + claim.span.start..span.start + claim.span.end),
                    )
                    .hint(hint),
                );
            }
        }
    }
    findings
}
