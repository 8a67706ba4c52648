//! The commands that read only part of the history or of the files (`diff` between revisions
//! and of the working tree, `log --since/--until/--author`, `log CODE`, `history CODE`) give
//! what reading all of it gives, on generated histories with branches and merges (evil ones
//! too), renames, files moved without their code, deletions, versions that do not parse or
//! parse only partly, and authors in several time zones.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use programa::changes;
use programa::history::{HistoryError, LogQuery, Repo, Revision};
use programa::model::Date;
use programa::store::conflict::FileConflict;
use programa::store::{self, Loaded, Workspace};

use crate::histories::{Commit, Rng, Signature, Stream};
use crate::support::{pinned, stdout_of};

const YEAR_DIR: &str = "programme/2021";
const ACTIVITIES: &str = "programme/2021/activities";
const PROGRAMME: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/mini/programme/2021/programme.toml"
);

/// One activity as the generator moves it.
#[derive(Clone, Debug)]
struct Activity {
    code: String,
    title: String,
    status: &'static str,
    progress: u8,
    participants: usize,
    notes: usize,
    /// What is wrong with the version written, if anything.
    broken: Broken,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Broken {
    No,
    /// Conflict markers of an unresolved merge: it does not parse.
    Conflict,
    /// A progress that is not a number: it parses only partly.
    Typed,
}

impl Activity {
    fn text(&self) -> String {
        let project = self.code.rsplit_once('.').map_or("I.1", |(p, _)| p);
        let progress = match self.broken {
            Broken::Typed => "progress = \"half\"\n".to_string(),
            Broken::Conflict => format!(
                "<<<<<<< HEAD\nprogress = {}\n=======\nprogress = 1\n>>>>>>> side\n",
                self.progress
            ),
            Broken::No => format!("progress = {}\n", self.progress),
        };
        let mut text = format!(
            "code = \"{}\"\nproject = \"{project}\"\ntitle = \"{}\"\nkind = \"event\"\n\
             format = \"virtual\"\nstatus = \"{}\"\n{progress}\
             background = \"\"\"\nThe background of {}, written once.\n\"\"\"\n\
             objectives = [\n    \"An objective.\",\n]\n",
            self.code, self.title, self.status, self.title
        );
        for p in 0..self.participants {
            let _ = write!(
                text,
                "\n[[participants]]\norganisation = \"Ministry {p}\"\ncountry = \"{}\"\nrole = \"participant\"\n",
                ["Peru", "Chile", "Cuba"][p % 3]
            );
        }
        for n in 0..self.notes {
            let _ = write!(
                text,
                "\n[[notes]]\ndate = \"2021-03-{:02}\"\ntext = \"Note {n}.\"\n",
                n % 28 + 1
            );
        }
        text
    }
}

/// The files of a branch: path → content, and the activity in each activity file.
#[derive(Clone, Default)]
struct Tree {
    files: BTreeMap<String, String>,
    activities: BTreeMap<String, Activity>,
}

impl Tree {
    fn put(&mut self, path: String, activity: Activity) {
        self.files.insert(path.clone(), activity.text());
        self.activities.insert(path, activity);
    }
}

/// A generated history: the repository, and every commit of `main`, oldest first.
struct History {
    _dir: tempfile::TempDir,
    home: PathBuf,
    root: PathBuf,
    commits: Vec<String>,
    codes: Vec<String>,
}

const STATUSES: [&str; 4] = ["planned", "ongoing", "completed", "postponed"];
const PEOPLE: [(&str, &str, &str, i64); 3] = [
    ("Ana Pérez", "ana@sela.example", "+0000", 0),
    ("Luis Gómez", "luis@sela.example", "-0400", -4 * 3600),
    ("Eva Ruiz", "eva@sela.example", "+0200", 2 * 3600),
];

/// `commits` commits (merges included) from a seeded generator.
fn generate(seed: u64, commits: usize) -> History {
    let dir = tempfile::tempdir().expect("temp dir");
    let home = dir.path().join("home");
    let root = dir.path().join("repo");
    std::fs::create_dir_all(&home).expect("home");
    std::fs::create_dir_all(&root).expect("repo");
    std::fs::write(
        home.join(".gitconfig"),
        "[user]\n\tname = Test\n\temail = test@example.org\n",
    )
    .expect("gitconfig");
    let mut rng = Rng::new(seed);
    let mut stream = Stream::new();
    let mut when = 1_609_750_800; // 2021-01-04T09:00:00Z
    let programme = std::fs::read_to_string(PROGRAMME).expect("the mini programme");
    let mut main = Tree::default();
    main.files
        .insert(format!("{YEAR_DIR}/programme.toml"), programme.clone());
    let mut numbers = BTreeMap::from([("I.1", 0), ("I.2", 0), ("II.3", 0)]);
    let mut new_code = |rng: &mut Rng| {
        let project = ["I.1", "I.2", "II.3"][rng.below(3)];
        let number = numbers.get_mut(project).expect("a project");
        *number += 1;
        format!("{project}.{number}")
    };
    let mut codes = Vec::new();
    for _ in 0..6 {
        let code = new_code(&mut rng);
        codes.push(code.clone());
        let activity = Activity {
            title: format!("Activity first numbered {code}"),
            code: code.clone(),
            status: "planned",
            progress: 0,
            participants: 0,
            notes: 0,
            broken: Broken::No,
        };
        main.put(format!("{ACTIVITIES}/{code}.toml"), activity);
    }
    let mut previous: Option<Tree> = None;
    let mut tip = commit(
        &mut stream,
        &mut rng,
        &mut when,
        &[],
        &previous,
        &main,
        "main",
        "Import",
    );
    previous = Some(main.clone());
    let mut made = 1;
    while made < commits {
        if rng.below(6) == 0 && main.activities.len() > 3 {
            // A side branch: its own activities only, while main goes on with the others.
            let fork = tip;
            let fork_tree = main.clone();
            let mut side = main.clone();
            let side_paths: Vec<String> = side
                .activities
                .keys()
                .filter(|p| p.contains("/II."))
                .cloned()
                .collect();
            let mut side_tip = fork;
            let mut side_previous = Some(fork_tree.clone());
            for _ in 0..1 + rng.below(3) {
                let Some(path) = side_paths.get(rng.below(side_paths.len().max(1))) else {
                    break;
                };
                let mut activity = side.activities[path].clone();
                step(&mut rng, &mut activity);
                side.put(path.clone(), activity);
                side_tip = commit(
                    &mut stream,
                    &mut rng,
                    &mut when,
                    &[side_tip],
                    &side_previous,
                    &side,
                    "side",
                    "On the side",
                );
                side_previous = Some(side.clone());
                made += 1;
            }
            for _ in 0..rng.below(3) {
                let paths: Vec<String> = main
                    .activities
                    .keys()
                    .filter(|p| !p.contains("/II."))
                    .cloned()
                    .collect();
                if paths.is_empty() {
                    break;
                }
                let path = paths[rng.below(paths.len())].clone();
                let mut activity = main.activities[&path].clone();
                step(&mut rng, &mut activity);
                main.put(path, activity);
                tip = commit(
                    &mut stream,
                    &mut rng,
                    &mut when,
                    &[tip],
                    &previous,
                    &main,
                    "main",
                    "Meanwhile",
                );
                previous = Some(main.clone());
                made += 1;
            }
            // The merge: main's files with the side's changes, and now and then one more
            // change made in the merge itself.
            let mut merged = main.clone();
            for path in &side_paths {
                if side.files.get(path) != fork_tree.files.get(path) {
                    let activity = side.activities[path].clone();
                    merged.put(path.clone(), activity);
                }
            }
            if rng.below(3) == 0
                && let Some(path) = merged.activities.keys().next().cloned()
            {
                let mut activity = merged.activities[&path].clone();
                activity.progress = (activity.progress + 3) % 100;
                activity.broken = Broken::No;
                merged.put(path, activity);
            }
            main = merged;
            tip = commit(
                &mut stream,
                &mut rng,
                &mut when,
                &[tip, side_tip],
                &previous,
                &main,
                "main",
                "Merge the side",
            );
            previous = Some(main.clone());
            made += 1;
            continue;
        }
        let paths: Vec<String> = main.activities.keys().cloned().collect();
        let message = match rng.below(20) {
            0 => {
                // A new activity.
                let code = new_code(&mut rng);
                codes.push(code.clone());
                let activity = Activity {
                    title: format!("Activity first numbered {code}"),
                    code: code.clone(),
                    status: "planned",
                    progress: 0,
                    participants: 0,
                    notes: 0,
                    broken: Broken::No,
                };
                main.put(format!("{ACTIVITIES}/{code}.toml"), activity);
                "A new activity"
            }
            1 if paths.len() > 4 => {
                let path = &paths[rng.below(paths.len())];
                main.files.remove(path);
                main.activities.remove(path);
                "An activity dropped"
            }
            2 | 3 => {
                // Renumbered: the file and the code change, the title stays.
                let path = paths[rng.below(paths.len())].clone();
                let mut activity = main.activities.remove(&path).expect("an activity");
                main.files.remove(&path);
                activity.code = new_code(&mut rng);
                activity.broken = Broken::No;
                codes.push(activity.code.clone());
                main.put(format!("{ACTIVITIES}/{}.toml", activity.code), activity);
                "Renumbered"
            }
            4 if seed.is_multiple_of(2) => {
                // Moved to a file not named after its code.
                let path = paths[rng.below(paths.len())].clone();
                let activity = main.activities.remove(&path).expect("an activity");
                main.files.remove(&path);
                main.put(format!("{ACTIVITIES}/moved-{made}.toml"), activity);
                "Moved"
            }
            5 => {
                let text = programme.replace(
                    "title = \"Work Programme for the year 2021\"",
                    &format!("title = \"Work Programme for the year 2021, revision {made}\""),
                );
                main.files
                    .insert(format!("{YEAR_DIR}/programme.toml"), text);
                "The programme retitled"
            }
            _ => {
                for _ in 0..1 + rng.below(2) {
                    let path = &paths[rng.below(paths.len())];
                    let mut activity = main.activities[path].clone();
                    step(&mut rng, &mut activity);
                    main.put(path.clone(), activity);
                }
                "Progress"
            }
        };
        tip = commit(
            &mut stream,
            &mut rng,
            &mut when,
            &[tip],
            &previous,
            &main,
            "main",
            message,
        );
        previous = Some(main.clone());
        made += 1;
    }
    let _ = tip;

    let git = |args: &[&str]| {
        let output = pinned("git", &home)
            .current_dir(&root)
            .args(args)
            .output()
            .expect("git runs");
        stdout_of(&format!("git {args:?}"), output)
    };
    git(&["init", "-q", "-b", "main"]);
    let mut child = pinned("git", &home)
        .current_dir(&root)
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("git fast-import");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stream.bytes())
        .expect("feeds fast-import");
    assert!(child.wait().expect("fast-import ends").success());
    git(&["checkout", "-q", "-f", "main"]);
    let commits = git(&["rev-list", "--reverse", "--topo-order", "main"])
        .lines()
        .map(str::to_string)
        .collect();
    History {
        _dir: dir,
        home,
        root,
        commits,
        codes,
    }
}

/// One move of an activity: progress, status, a participant or a note, a broken version (or
/// the fix of one).
fn step(rng: &mut Rng, activity: &mut Activity) {
    if activity.broken != Broken::No {
        activity.broken = Broken::No;
        activity.progress = (activity.progress + 5) % 100;
        return;
    }
    match rng.below(12) {
        0 => activity.broken = Broken::Conflict,
        1 => activity.broken = Broken::Typed,
        2 | 3 => activity.status = STATUSES[rng.below(STATUSES.len())],
        4 => activity.participants += 1,
        5 => activity.notes += 1,
        _ => activity.progress = (activity.progress + 7) % 100,
    }
}

/// Adds a commit of `tree` (after `parents`) to the stream: the files that differ from
/// `previous`, the first parent's tree.
#[allow(clippy::too_many_arguments)]
fn commit(
    stream: &mut Stream,
    rng: &mut Rng,
    when: &mut i64,
    parents: &[usize],
    previous: &Option<Tree>,
    tree: &Tree,
    branch: &str,
    message: &str,
) -> usize {
    *when += 1_800 + rng.below(40_000) as i64;
    let (name, email, offset, _) = PEOPLE[rng.below(PEOPLE.len())];
    // Now and then authored a few hours before it was committed, as a rebase leaves it.
    let authored = *when
        - if rng.below(5) == 0 {
            3_600 * rng.below(20) as i64
        } else {
            0
        };
    let empty = Tree::default();
    let before = previous.as_ref().unwrap_or(&empty);
    let mut files: Vec<(String, Option<Vec<u8>>)> = Vec::new();
    for (path, text) in &tree.files {
        if before.files.get(path) != Some(text) {
            files.push((path.clone(), Some(text.clone().into_bytes())));
        }
    }
    for path in before.files.keys() {
        if !tree.files.contains_key(path) {
            files.push((path.clone(), None));
        }
    }
    stream.commit(&Commit {
        branch,
        parents,
        author: Signature {
            name,
            email,
            when: authored,
            offset,
        },
        committer: Signature {
            name,
            email,
            when: *when,
            offset,
        },
        message,
        files: &files,
    })
}

impl History {
    fn repo(&self) -> Repo {
        Repo::open(&Workspace::at(&self.root)).expect("opens the repository")
    }

    fn git(&self, args: &[&str]) -> String {
        let output = pinned("git", &self.home)
            .current_dir(&self.root)
            .args(args)
            .output()
            .expect("git runs");
        stdout_of(&format!("git {args:?}"), output)
    }
}

/// The year at a revision as `diff` read it before: the whole year, an empty one where the
/// year or (for the older side) every commit is missing.
fn whole_year(repo: &Repo, revision: &Revision, older: bool) -> Loaded {
    match repo.load(revision, 2021) {
        Ok(loaded) => loaded,
        Err(HistoryError::NoYearAt { .. }) => Loaded::default(),
        Err(HistoryError::NoCommits) if older => Loaded::default(),
        Err(error) => panic!("cannot load {revision}: {error}"),
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("JSON")
}

/// Of a whole year's files, those whose text the other side does not have: the conflicts
/// among them, and whether one of them was read only partly (not from one side of a conflict).
fn differing(side: &Loaded, other: &Loaded) -> (Vec<FileConflict>, bool) {
    let texts: BTreeMap<&Path, &str> = other
        .sources
        .iter()
        .map(|source| (source.path.as_path(), source.text.as_str()))
        .collect();
    let differs = |path: &Path| {
        side.sources
            .iter()
            .any(|s| s.path == path && texts.get(path) != Some(&s.text.as_str()))
    };
    let conflicts: Vec<FileConflict> = side
        .conflicts()
        .into_iter()
        .filter(|c| differs(&c.file))
        .collect();
    let one_side = |path: &Path| {
        conflicts
            .iter()
            .any(|c| c.file == path && c.shown.is_some())
    };
    let partly = side
        .findings
        .iter()
        .filter(|f| f.is_error())
        .filter_map(|f| f.file.as_deref())
        .any(|file| differs(file) && !one_side(file));
    (conflicts, partly)
}

/// `compare_states` against comparing the two whole years: the same changes, and of the files
/// that differ, the same conflicts and the same states read only partly.
fn assert_same_diff(repo: &Repo, from: &Revision, to: &Revision) {
    let fast = repo
        .compare_states(from, to, 2021)
        .unwrap_or_else(|e| panic!("{from} → {to}: {e}"));
    let (old, new) = (whole_year(repo, from, true), whole_year(repo, to, false));
    let slow = changes::compare(&old.plan, &new.plan);
    assert_eq!(json(&fast.changes), json(&slow), "{from} → {to}");
    let (old_conflicts, old_partly) = differing(&old, &new);
    let (new_conflicts, new_partly) = differing(&new, &old);
    assert_eq!(fast.old_conflicts, old_conflicts, "{from} → {to}");
    assert_eq!(fast.new_conflicts, new_conflicts, "{from} → {to}");
    let partly: Vec<&Revision> = [(old_partly, from), (new_partly, to)]
        .into_iter()
        .filter_map(|(partly, revision)| partly.then_some(revision))
        .collect();
    assert_eq!(
        fast.partly_read.iter().collect::<Vec<_>>(),
        partly,
        "{from} → {to}"
    );
}

const SEEDS: [u64; 4] = [1, 2, 3, 4];

#[test]
fn diff_between_revisions_reads_only_what_differs_and_says_the_same() {
    for seed in SEEDS {
        let history = generate(seed, 50);
        let repo = history.repo();
        let mut rng = Rng::new(seed ^ 0xd1ff);
        let commits = &history.commits;
        let mut pairs = vec![
            (commits[0].clone(), commits[commits.len() - 1].clone()),
            ("HEAD".to_string(), "HEAD".to_string()),
            ("HEAD~1".to_string(), "HEAD".to_string()),
        ];
        for _ in 0..40 {
            let a = &commits[rng.below(commits.len())];
            let b = &commits[rng.below(commits.len())];
            pairs.push((a.clone(), b.clone()));
        }
        for (a, b) in pairs {
            assert_same_diff(
                &repo,
                &Revision::Commit(a.clone()),
                &Revision::Commit(b.clone()),
            );
        }
    }
}

#[test]
fn diff_of_the_working_tree_reads_only_what_differs_and_says_the_same() {
    for seed in SEEDS {
        let history = generate(seed, 30);
        let mut rng = Rng::new(seed ^ 0x3ee);
        for round in 0..6 {
            let at = &history.commits[rng.below(history.commits.len())];
            history.git(&["checkout", "-q", "-f", at]);
            history.git(&["clean", "-q", "-f", "-d", "-x"]);
            let activities = history.root.join(ACTIVITIES);
            let files: Vec<PathBuf> = std::fs::read_dir(&activities)
                .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
                .unwrap_or_default();
            let pick = |rng: &mut Rng| files.get(rng.below(files.len().max(1))).cloned();
            // Changed, the same bytes written again (now, so its stat data differs), a
            // change of the same size, staged and changed again, deleted, new, ignored.
            if let Some(file) = pick(&mut rng) {
                let text = std::fs::read_to_string(&file).expect("read");
                std::fs::write(&file, text.replacen("title = \"", "title = \"New: ", 1))
                    .expect("write");
            }
            if let Some(file) = pick(&mut rng) {
                let text = std::fs::read(&file).expect("read");
                std::fs::write(&file, text).expect("write");
            }
            if let Some(file) = pick(&mut rng) {
                let text = std::fs::read_to_string(&file).expect("read");
                std::fs::write(
                    &file,
                    text.replacen("progress = ", "progress =  ", 1)
                        .replacen("  \"An", " \"An", 1),
                )
                .expect("write");
            }
            if round % 2 == 1
                && let Some(file) = pick(&mut rng)
            {
                let text = std::fs::read_to_string(&file).expect("read");
                std::fs::write(
                    &file,
                    text.replacen("status = \"", "status = \"ongoing\"\n#", 1),
                )
                .expect("write");
                let relative = file.strip_prefix(&history.root).expect("inside");
                history.git(&["add", "--", &relative.to_string_lossy()]);
                std::fs::write(&file, text).expect("write");
            }
            if let Some(file) = pick(&mut rng) {
                let _ = std::fs::remove_file(&file);
            }
            if std::fs::create_dir_all(&activities).is_ok() {
                let activity = Activity {
                    code: format!("I.2.{}", 90 + round),
                    title: "Brand new".to_string(),
                    status: "planned",
                    progress: 0,
                    participants: 0,
                    notes: 0,
                    broken: Broken::No,
                };
                std::fs::write(
                    activities.join(format!("{}.toml", activity.code)),
                    activity.text(),
                )
                .expect("write");
                std::fs::write(history.root.join(".gitignore"), "I.1.9*.toml\n").expect("write");
                let ignored = Activity {
                    code: "I.1.99".to_string(),
                    ..activity
                };
                std::fs::write(activities.join("I.1.99.toml"), ignored.text()).expect("write");
            }
            #[cfg(unix)]
            if round == 3
                && let Some(file) = pick(&mut rng)
                && file.is_file()
            {
                // A link to a file outside the folder, whose content then changes.
                let target = history.root.join("elsewhere.toml");
                std::fs::copy(&file, &target).expect("copy");
                std::fs::remove_file(&file).expect("remove");
                std::os::unix::fs::symlink(&target, &file).expect("symlink");
                history.git(&["add", "-A"]);
                history.git(&["commit", "-q", "-m", "A link"]);
                let text = std::fs::read_to_string(&target).expect("read");
                std::fs::write(
                    &target,
                    text.replacen("title = \"", "title = \"Linked: ", 1),
                )
                .expect("write");
            }
            let repo = history.repo();
            let mut revisions = vec![Revision::head()];
            revisions.push(Revision::Commit(
                history.commits[rng.below(history.commits.len())].clone(),
            ));
            for revision in revisions {
                assert_same_diff(&repo, &revision, &Revision::WorkingTree);
                assert_same_diff(&repo, &Revision::WorkingTree, &revision);
            }
        }
    }
}

/// Every query a test asks of a history: days, authors, activities and their mixtures.
fn queries(history: &History, rng: &mut Rng) -> Vec<LogQuery> {
    let day = |rng: &mut Rng| {
        let days = [
            "2021-01-05",
            "2021-01-20",
            "2021-02-10",
            "2021-03-01",
            "2021-04-15",
            "2022-01-01",
        ];
        Some(days[rng.below(days.len())].parse::<Date>().expect("a day"))
    };
    let mut queries = Vec::new();
    for _ in 0..8 {
        queries.push(LogQuery {
            since: day(rng),
            ..LogQuery::default()
        });
        queries.push(LogQuery {
            until: day(rng),
            ..LogQuery::default()
        });
        queries.push(LogQuery {
            since: day(rng),
            until: day(rng),
            author: ["ana", "LUIS", "eva@", "nobody"][rng.below(4)]
                .to_string()
                .into(),
            ..LogQuery::default()
        });
    }
    for code in &history.codes {
        queries.push(LogQuery {
            code: Some(code.clone()),
            ..LogQuery::default()
        });
        queries.push(LogQuery {
            code: Some(code.clone()),
            since: day(rng),
            ..LogQuery::default()
        });
        queries.push(LogQuery {
            code: Some(code.clone()),
            until: day(rng),
            author: Some("a".to_string()),
            ..LogQuery::default()
        });
    }
    queries.push(LogQuery {
        code: Some("I.9.9".to_string()),
        ..LogQuery::default()
    });
    queries
}

#[test]
fn bounded_logs_read_only_their_commits_and_say_the_same() {
    for seed in SEEDS {
        let history = generate(seed, 80);
        let repo = history.repo();
        let mut rng = Rng::new(seed ^ 0x109);
        let whole = repo.log(2021, None).expect("the whole log");
        for query in queries(&history, &mut rng) {
            let fast = repo.log_of(2021, &query).expect("log");
            let slow = repo.log_of_whole_history(2021, &query).expect("log");
            let text =
                |log: &programa::history::Log| serde_json::to_string_pretty(log).expect("JSON");
            assert_eq!(text(&fast), text(&slow), "seed {seed}, {query:?}");
            // The entries are those of the whole log, picked as `log` picked them before.
            let mut picked = match &query.code {
                Some(code) => whole.for_activity(code),
                None => whole.entries.clone(),
            };
            picked.retain(|entry| {
                let day = entry.commit.date.date_naive();
                query.since.is_none_or(|d| day >= d.0)
                    && query.until.is_none_or(|d| day <= d.0)
                    && query.author.as_ref().is_none_or(|who| {
                        let who = who.to_lowercase();
                        entry.commit.author.to_lowercase().contains(&who)
                            || entry.commit.email.to_lowercase().contains(&who)
                    })
            });
            let entries = |entries: &[programa::history::LogEntry]| {
                serde_json::to_string_pretty(entries).expect("JSON")
            };
            assert_eq!(
                entries(&fast.entries),
                entries(&picked),
                "seed {seed}, {query:?}"
            );
        }
    }
}

#[test]
fn one_activity_s_history_reads_only_its_commits_and_says_the_same() {
    for seed in SEEDS {
        let history = generate(seed, 80);
        let repo = history.repo();
        let whole = repo.timelines(2021, None).expect("every trajectory");
        let mut codes = history.codes.clone();
        codes.push("I.9.9".to_string());
        for code in &codes {
            let fast = repo.timeline_of(2021, code).expect("a trajectory");
            let text = |t: Option<&programa::history::Timeline>| {
                serde_json::to_string_pretty(&t).expect("JSON")
            };
            assert_eq!(
                text(fast.activity(code)),
                text(whole.activity(code)),
                "seed {seed}, {code}"
            );
            let slow = repo
                .timeline_of_whole_history(2021, code)
                .expect("a trajectory");
            assert_eq!(fast.warnings, slow.warnings, "seed {seed}, {code}");
        }
    }
}

#[test]
fn the_generated_histories_have_what_the_comparisons_need() {
    let history = generate(2, 80);
    let merges = history.git(&["rev-list", "--merges", "--count", "main"]);
    assert!(
        merges.trim().parse::<u32>().expect("a count") >= 3,
        "{merges}"
    );
    let repo = history.repo();
    let log = repo.log(2021, None).expect("the log");
    let text = serde_json::to_string(&log).expect("JSON");
    assert!(text.contains("\"renamed\""), "no rename");
    assert!(
        log.warnings.iter().any(|w| w.contains("conflict markers")),
        "{:?}",
        log.warnings
    );
    assert!(
        log.warnings.iter().any(|w| w.contains("did not parse")),
        "{:?}",
        log.warnings
    );
    let moved = history.git(&["log", "--name-only", "--format=", "main"]);
    assert!(moved.contains("moved-"), "no file moved away from its code");
    let loaded = store::load(&Workspace::at(&history.root), 2021).expect("loads");
    assert!(!loaded.plan.activities.is_empty());
}
