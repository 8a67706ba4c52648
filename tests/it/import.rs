//! `programa import` on the real 2021 programme document: what it reads, what it writes.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use programa::import::{Imported, import};
use programa::model::{Activity, Format, Kind};
use programa::store::{self, Workspace, write::to_toml};

const SEED: &str = "tests/fixtures/sela-work-programme-2021.md";

fn seed() -> String {
    std::fs::read_to_string(SEED).expect("the seed document is in the repository")
}

fn imported() -> Imported {
    import(&seed(), 2021)
}

fn activity<'a>(imported: &'a Imported, code: &str) -> &'a Activity {
    imported
        .plan
        .activity(code)
        .unwrap_or_else(|| panic!("activity {code} is imported"))
}

fn programa(args: &[&str]) -> Output {
    crate::support::programa()
        .args(args)
        .output()
        .expect("the binary runs")
}

fn import_into(root: &Path, extra: &[&str]) -> Output {
    let root = root.to_str().expect("utf-8 temp path");
    let mut args = vec!["--root", root, "import", SEED, "--year", "2021"];
    args.extend_from_slice(extra);
    programa(&args)
}

/// Every file under `dir`, by path relative to it, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("readable folder") {
            let path = entry.expect("entry").path();
            // Outside a git repository, programa's own state (its write lock) is kept there.
            if path.ends_with("programme/.programa") {
                continue;
            }
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("readable file");
                let relative = path.strip_prefix(dir).expect("inside").to_path_buf();
                found.insert(relative, bytes);
            }
        }
    }
    found
}

#[test]
fn every_activity_is_read_with_its_objectives_and_results() {
    let imported = imported();
    // (code, objectives, expected results), counted in the document by hand.
    let expected: &[(&str, usize, usize)] = &[
        ("I.1.1", 4, 4),
        ("I.1.2", 5, 3),
        ("I.1.3", 2, 1),
        ("I.1.4", 5, 1),
        ("I.1.5", 2, 1),
        ("I.1.6", 3, 1),
        ("I.2.1", 3, 1),
        ("I.2.2", 3, 1),
        ("I.2.3", 3, 1),
        ("I.2.4", 3, 2),
        ("I.3.1", 5, 1),
        ("I.3.2", 4, 1),
        ("I.4.1", 4, 1),
        ("I.5.1", 1, 1),
        ("II.1.1", 4, 5),
        ("II.1.2", 3, 1),
        ("II.1.3", 2, 2),
        ("II.1.4", 2, 1),
        ("II.2.1", 3, 1),
        ("II.2.2", 3, 1),
        ("II.2.3", 2, 2),
        ("II.2.4", 2, 1),
        ("II.2.5", 2, 1),
        ("II.2.6", 1, 1),
        ("II.2.7", 3, 4),
        ("II.3.1", 5, 1),
        ("II.3.2", 3, 1),
        ("II.3.3", 4, 1),
        ("II.4.1", 0, 0),
        ("II.4.2", 2, 2),
        ("II.4.3", 2, 2),
        ("II.4.4", 4, 1),
        ("III.1.1", 3, 3),
        ("III.1.2", 3, 1),
    ];
    let found: Vec<(&str, usize, usize)> = imported
        .plan
        .activities
        .iter()
        .map(|a| {
            (
                a.code.as_str(),
                a.objectives.len(),
                a.expected_results.len(),
            )
        })
        .collect();
    assert_eq!(found, expected);
    for activity in &imported.plan.activities {
        assert!(
            !activity.background.trim().is_empty(),
            "{} has a background",
            activity.code
        );
        assert_eq!(activity.status, programa::model::Status::Planned);
        assert_eq!(activity.progress, 0);
    }
}

#[test]
fn formats_and_kinds_follow_the_document() {
    let imported = imported();
    let by_format = |format: Option<Format>| -> Vec<&str> {
        imported
            .plan
            .activities
            .iter()
            .filter(|a| a.format == format)
            .map(|a| a.code.as_str())
            .collect()
    };
    assert_eq!(
        by_format(Some(Format::Virtual)),
        [
            "I.1.3", "I.2.3", "II.1.4", "II.2.1", "II.2.2", "II.2.3", "II.3.2", "II.3.3", "II.4.2"
        ]
    );
    // Studies have no section D; I.2.4 and II.4.1 lack it; II.2.6 is "External Consultancy".
    assert_eq!(
        by_format(None),
        [
            "I.1.4", "I.1.5", "I.1.6", "I.2.1", "I.2.4", "II.2.6", "II.4.1"
        ]
    );
    assert_eq!(by_format(Some(Format::FaceToFace)).len(), 18);
    assert_eq!(by_format(Some(Format::Hybrid)).len(), 0);

    let virtual_note = activity(&imported, "II.3.3").format_note.as_deref();
    assert_eq!(
        virtual_note,
        Some("with technological resources of the Permanent Secretariat")
    );
    let consultancy = activity(&imported, "II.2.6");
    assert_eq!(
        consultancy.format_note.as_deref(),
        Some("External Consultancy")
    );
    assert_eq!(activity(&imported, "I.1.1").format_note, None);

    let of_kind = |kind: Kind| -> Vec<&str> {
        imported
            .plan
            .activities
            .iter()
            .filter(|a| a.kind == kind)
            .map(|a| a.code.as_str())
            .collect()
    };
    // The document's studies are the report, the three indices and the database; the
    // foreword's "eight studies" counts study products of events too (see the report).
    assert_eq!(
        of_kind(Kind::Study),
        ["I.1.4", "I.1.5", "I.1.6", "I.2.1", "II.2.6"]
    );
    assert_eq!(of_kind(Kind::Other), ["I.5.1"]);
    assert_eq!(of_kind(Kind::Event).len(), 28);
}

#[test]
fn footnotes_go_to_the_activity_citing_them() {
    let imported = imported();
    let mut found = BTreeMap::new();
    for activity in &imported.plan.activities {
        if !activity.footnotes.is_empty() {
            let ids: Vec<&str> = activity.footnotes.iter().map(|f| f.id.as_str()).collect();
            found.insert(activity.code.as_str(), ids);
        }
    }
    let expected = BTreeMap::from([
        ("I.2.3", vec!["1", "2", "3", "4", "5", "6"]),
        ("II.2.4", vec!["7"]),
        ("II.2.5", vec!["8"]),
        ("II.4.4", vec!["9"]),
        ("III.1.2", vec!["10", "11", "12"]),
    ]);
    assert_eq!(found, expected);

    let behavioural = activity(&imported, "I.2.3");
    assert!(
        behavioural
            .background
            .contains("neuroscience[^1]. In this regard")
    );
    assert!(!behavioural.background.contains("McDonald"));
    assert_eq!(
        behavioural.footnotes[1].text,
        "Wilkinson, Nick and Klaes, Mathias (2012). *An Introduction to Behavioral Economics*, \
         2.ª ed. Londres: Palgrave Macmillan. Available at: \
         <https://www.macmillanihe.com/page/detail/An-Introduction-to-Behavioral-Economics/?K=9781137524126>\n"
    );
    // Footnote 9's text runs over two lines in the markdown.
    assert_eq!(
        activity(&imported, "II.4.4").footnotes[0].text,
        "OECD (2005a), *Improving Financial Literacy: Analysis of Issues and Policies*, OECD \
         Publishing. <https://doi.org/10.1787/9789264012578-en>\n"
    );
    // Footnote 12's marker sits inside its text, on the line continuing footnote 11.
    let productivity = activity(&imported, "III.1.2");
    assert!(
        productivity.footnotes[1]
            .text
            .ends_with("<https://doi.org/10.1002/jid.1685>.\n")
    );
    assert!(
        productivity.footnotes[2]
            .text
            .starts_with("Cavalcanti Ferreira, Pedro; De Abreu Pessôa, Samuel, and Veloso")
    );
    assert!(imported.warnings.is_empty(), "{:#?}", imported.warnings);
}

#[test]
fn titles_from_the_body_and_the_contents() {
    let imported = imported();
    assert_eq!(
        activity(&imported, "II.2.3").title,
        "Continuity of government operations in Latin America and the Caribbean in disaster situations"
    );
    assert_eq!(
        activity(&imported, "I.2.3").title,
        "Workshop on economic policy instruments based on the behavioural economics"
    );
    assert_eq!(
        activity(&imported, "II.1.4").title,
        "Training workshop: \"Free competition in public organizations. Compliance and management tools\""
    );
    let contents: BTreeMap<&str, &str> = imported
        .plan
        .activities
        .iter()
        .filter_map(|a| Some((a.code.as_str(), a.contents_title.as_deref()?)))
        .collect();
    assert_eq!(
        contents,
        BTreeMap::from([
            ("I.5.1", "Management and maintenance of specialized portals"),
            (
                "II.1.1",
                "XXXII Meeting of International Cooperation Directors for Latin America and the \
                 Caribbean: Cooperation mechanisms for the socio-economic inclusion of migrants \
                 in host societies"
            ),
            (
                "II.2.5",
                "Prospective vision of the social and economic environment of crises in Latin America"
            ),
            (
                "II.4.1",
                "Competitiveness and internationalization of SMEs in Latin America and the Caribbean"
            ),
            (
                "III.1.1",
                "Second Meeting on Latin American and Caribbean relations with the Eurasian \
                 Economic Union: Seeking new strategic alliances"
            ),
        ])
    );
    assert_eq!(
        activity(&imported, "I.5.1").title,
        "Management and coordination of specialized portals"
    );
}

#[test]
fn paragraphs_cut_by_pages_are_whole_again() {
    let imported = imported();
    let committee = &activity(&imported, "I.1.1").background;
    assert!(committee.contains(
        "The Latin American and Caribbean region is estimated to experience a decline in its GDP \
         ranging from -1.8% to -5.5%."
    ));
    // Cut without any page marker: ends without a stop, goes on in lower case.
    assert!(
        activity(&imported, "I.1.3")
            .background
            .contains("\"ensure healthy lives and promote well-being for all at all ages\"")
    );
    // Cut by a footnote and a page number.
    assert!(
        activity(&imported, "II.4.4")
            .background
            .contains("available to MSMEs, not only from the perspective of banks, but also")
    );
    // A list cut by a page number stays one list.
    assert_eq!(activity(&imported, "II.2.1").objectives.len(), 3);
    // Paragraphs that merely lack their stop are not joined to the next.
    assert!(
        activity(&imported, "II.2.1")
            .background
            .contains("better optimization plans for public management\n\nCitizen participation")
    );
    // An embedded list stays a markdown list.
    assert!(activity(&imported, "I.1.2").background.contains(
        "such as the following:\n\n- Granting temporary rights so that this population can access \
         the health system.\n- Free treatment"
    ));
}

#[test]
fn leads_closings_and_audience() {
    let imported = imported();
    let poverty = activity(&imported, "II.2.7");
    assert!(
        poverty
            .expected_results_lead
            .as_deref()
            .is_some_and(|t| t.ends_with("which aims to:\n"))
    );
    assert!(
        poverty
            .audience
            .as_deref()
            .is_some_and(|t| t.starts_with("Participants in the meeting will include"))
    );
    assert_eq!(poverty.expected_results_closing, None);
    let committee = activity(&imported, "I.1.1");
    assert_eq!(
        committee.expected_results_closing.as_deref(),
        Some(
            "These results would help offer shared and complementary technical and financial \
             support programmes for the region.\n"
        )
    );
    assert_eq!(committee.audience, None);
    assert!(
        activity(&imported, "I.1.2")
            .audience
            .as_deref()
            .is_some_and(|t| t.starts_with("The national authorities of SELA Member States"))
    );
    assert!(activity(&imported, "III.1.1").audience.is_some());
    let database = activity(&imported, "II.2.6");
    assert!(
        database
            .objectives_closing
            .as_deref()
            .is_some_and(|t| t.starts_with("In its first phase"))
    );
}

#[test]
fn front_matter_and_hierarchy() {
    let imported = imported();
    let programme = &imported.plan.programme;
    assert_eq!(programme.year, 2021);
    assert_eq!(programme.title, "Draft Work Programme for the year 2021");
    assert_eq!(programme.organisation, "Permanent Secretariat of SELA");
    assert_eq!(programme.language.as_deref(), Some("en"));
    let notice = programme.notice.as_deref().unwrap_or_default();
    assert!(notice.starts_with("Copyright © SELA, November 2019. All rights reserved."));
    assert!(notice.contains("may reproduce this document without prior authorization"));
    let foreword = programme.foreword.as_deref().unwrap_or_default();
    assert!(foreword.starts_with("The Work Programme of the Permanent Secretariat of SELA"));
    assert!(
        !foreword.contains('*'),
        "the foreword's italics are dropped"
    );
    assert_eq!(foreword.matches("\n\n").count(), 7, "eight paragraphs");
    let introduction = programme.introduction.as_deref().unwrap_or_default();
    assert_eq!(introduction.matches("\n\n").count(), 2, "three paragraphs");
    let background = programme.background.as_deref().unwrap_or_default();
    assert!(background.starts_with("In the Permanent Secretary's third year in office"));
    assert!(background.contains("the Permanent Secretariat prepared the study"));

    let areas: Vec<(&str, &str)> = programme
        .areas
        .iter()
        .map(|a| (a.code.as_str(), a.title.as_str()))
        .collect();
    assert_eq!(
        areas,
        [
            ("I", "Intra-Regional Relations"),
            ("II", "Economic and Technical Cooperation"),
            ("III", "Extra-Regional Relations"),
        ]
    );
    for area in &programme.areas {
        let summary = area.summary.as_deref().unwrap_or_default();
        assert!(
            summary.starts_with(&format!("In the Area of {}", area.title)),
            "{summary}"
        );
    }
    let programmes: Vec<(&str, &str, &str)> = programme
        .programmes
        .iter()
        .map(|p| (p.id.as_str(), p.area.as_str(), p.title.as_str()))
        .collect();
    assert_eq!(
        programmes,
        [
            (
                "integration-process-economic-growth",
                "I",
                "Integration process and economic growth in Latin America and the Caribbean"
            ),
            ("trade-facilitation", "I", "Trade facilitation"),
            (
                "information-communication-technologies-knowledge-society",
                "I",
                "Information and communication technologies and knowledge society"
            ),
            (
                "support-economic-technical-cooperation",
                "II",
                "Support to economic and technical cooperation among Latin American and Caribbean countries"
            ),
            (
                "economic-social-development",
                "II",
                "Economic and social development"
            ),
            ("sela-smes", "II", "SELA - SMEs"),
            (
                "evaluation-promotion-extra-regional-economic-relations",
                "III",
                "Evaluation and promotion of extra-regional economic relations of Latin American and Caribbean countries"
            ),
        ]
    );
    let projects: Vec<(&str, &str)> = programme
        .projects
        .iter()
        .map(|p| (p.code.as_str(), p.programme.as_str()))
        .collect();
    assert_eq!(
        projects,
        [
            ("I.1", "integration-process-economic-growth"),
            ("I.2", "integration-process-economic-growth"),
            ("I.3", "trade-facilitation"),
            (
                "I.4",
                "information-communication-technologies-knowledge-society"
            ),
            (
                "I.5",
                "information-communication-technologies-knowledge-society"
            ),
            ("II.1", "support-economic-technical-cooperation"),
            ("II.2", "economic-social-development"),
            ("II.3", "sela-smes"),
            ("II.4", "sela-smes"),
            (
                "III.1",
                "evaluation-promotion-extra-regional-economic-relations"
            ),
        ]
    );
    assert_eq!(
        programme.project("II.2").map(|p| p.title.as_str()),
        Some("Economic and social development")
    );
    for activity in &imported.plan.activities {
        assert!(programme.project(&activity.project).is_some());
    }
}

#[test]
fn partners_only_where_the_text_names_co_organisers() {
    let imported = imported();
    let partners = |code| activity(&imported, code).partners.clone();
    assert_eq!(partners("II.1.2"), ["WHO/PAHO", "UNDRR", "OCHA"]);
    assert_eq!(partners("II.1.3"), ["UNCTAD"]);
    assert_eq!(partners("II.2.1"), ["CLAD", "CAF", "CLEAR-LAC"]);
    assert_eq!(partners("II.2.2"), ["EIIIS"]);
    // "In 2019, it organized jointly with … (CISS)": a past event, not a partner.
    assert!(partners("I.1.3").is_empty());
}

#[test]
fn every_file_reads_back_to_the_same_model() {
    let imported = imported();
    for activity in &imported.plan.activities {
        let text = to_toml(activity).expect("serialises");
        let read: Activity = toml::from_str(&text).expect("parses");
        assert_eq!(&read, activity, "{}", activity.code);
    }
    let text = to_toml(&imported.plan.programme).expect("serialises");
    let read: programa::model::WorkProgramme = toml::from_str(&text).expect("parses");
    assert_eq!(read, imported.plan.programme);
}

#[test]
fn the_command_writes_files_that_load_without_findings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = import_into(dir.path(), &[]);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("activities:  34 (28 events, 5 studies, 1 other)"),
        "{stdout}"
    );
    assert!(stdout.contains("footnotes:   12"), "{stdout}");
    assert!(stdout.contains("warnings:    0"), "{stdout}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("warning:"), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "note: {SEED}:780: project II.2 is titled in capitals"
        )),
        "{stderr}"
    );

    let loaded = store::load(&Workspace::at(dir.path()), 2021).expect("loads");
    assert!(loaded.findings.is_empty(), "{:#?}", loaded.findings);
    assert_eq!(loaded.plan, imported().plan);

    for (path, bytes) in files(dir.path()) {
        let text = String::from_utf8(bytes).expect("utf-8");
        for (number, line) in text.lines().enumerate() {
            let artefact = (!line.trim().is_empty()
                && line.trim().chars().all(|c| c.is_ascii_digit()))
                || line.trim_start().starts_with('#')
                || line.contains("<sup")
                || line.contains("<b>")
                || line.contains("****");
            assert!(!artefact, "{}:{}: {line}", path.display(), number + 1);
        }
        assert!(!text.contains("\n\n\n"), "{}", path.display());
    }
}

#[test]
fn importing_twice_gives_the_same_bytes() {
    let first = tempfile::tempdir().expect("temp dir");
    let second = tempfile::tempdir().expect("temp dir");
    assert!(import_into(first.path(), &[]).status.success());
    assert!(import_into(second.path(), &[]).status.success());
    let (first, second) = (files(first.path()), files(second.path()));
    assert_eq!(first.len(), 35);
    assert_eq!(first, second);
}

#[test]
fn existing_files_are_kept_unless_forced() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert!(import_into(dir.path(), &[]).status.success());
    let year = dir.path().join("programme/2021");
    let edited = year.join("activities/I.1.1.toml");
    std::fs::write(&edited, "code = \"I.1.1\"\n").expect("edit");
    let stale = year.join("activities/IX.9.9.toml");
    std::fs::write(&stale, "code = \"IX.9.9\"\n").expect("stale file");
    let before = files(dir.path());

    let refused = import_into(dir.path(), &[]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("already holds 36 programme files; nothing written"),
        "{stderr}"
    );
    assert!(stderr.contains("hint: pass `--force`"), "{stderr}");
    assert_eq!(files(dir.path()), before, "nothing was touched");

    let forced = import_into(dir.path(), &["--force"]);
    assert!(forced.status.success(), "{forced:?}");
    assert!(String::from_utf8_lossy(&forced.stdout).contains("removed 1 activity file"));
    assert!(!stale.exists());
    let fresh = tempfile::tempdir().expect("temp dir");
    assert!(import_into(fresh.path(), &[]).status.success());
    assert_eq!(files(dir.path()), files(fresh.path()));
}

#[test]
fn without_root_the_current_folder_is_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = std::fs::canonicalize(SEED).expect("seed path");
    let output = crate::support::programa()
        .args(["import", seed.to_str().expect("utf-8"), "--year", "2021"])
        .current_dir(dir.path())
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{output:?}");
    assert!(
        dir.path()
            .join("programme/2021/activities/III.1.2.toml")
            .is_file()
    );
    // From a folder inside the workspace, the workspace is found: the year exists already.
    let inside = dir.path().join("programme/2021/activities");
    let again = crate::support::programa()
        .args(["import", seed.to_str().expect("utf-8"), "--year", "2021"])
        .current_dir(&inside)
        .output()
        .expect("the binary runs");
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("nothing written"));
    assert!(!inside.join("programme").exists());
}

#[test]
fn the_year_is_required() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().to_str().expect("utf-8");
    let output = programa(&["--root", root, "import", SEED]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("hint: pass it with `--year`"), "{stderr}");
    assert!(!dir.path().join("programme").exists());
}

#[test]
fn a_document_without_activities_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let markdown = dir.path().join("notes.md");
    std::fs::write(&markdown, "# Notes\n\nNothing here.\n").expect("write");
    let root = dir.path().to_str().expect("utf-8");
    let file = markdown.to_str().expect("utf-8");
    let output = programa(&["--root", root, "import", file, "--year", "2021"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no activities found"));
    assert!(!dir.path().join("programme").exists());
}

#[test]
fn text_that_cannot_be_placed_is_reported_with_its_line() {
    let markdown = "# Work Programme for the year 2021\n\n\
                    **AREA I. INTRA-REGIONAL RELATIONS**\n\n\
                    **PROGRAMME: TRADE FACILITATION**\n\n\
                    Stray text.\n\n\
                    **PROJECT I.1. Ports**\n\n\
                    **Activity I.1.1. Meeting****A. Background and justification**\n\n\
                    Why.\n\n\
                    ## Something else\n\n\
                    ### B. Objectives\n\n\
                    1. One.\n";
    let imported = import(markdown, 2021);
    let warnings: Vec<(usize, &str)> = imported
        .warnings
        .iter()
        .map(|w| (w.line, w.text.as_str()))
        .collect();
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert_eq!(warnings[0].0, 0, "about the whole document");
    assert!(warnings[0].1.contains("Permanent Secretariat of"));
    assert_eq!(warnings[1].0, 7);
    assert!(
        warnings[1]
            .1
            .contains("text outside any activity: `Stray text.`")
    );
    assert_eq!(warnings[2].0, 15);
    assert!(warnings[2].1.contains("heading `Something else`"));
    let activity = &imported.plan.activities[0];
    assert_eq!(activity.background, "Why.\n\nSomething else\n");
    assert_eq!(activity.objectives, ["One."]);
}

#[test]
fn the_committed_programme_is_a_fresh_import() {
    // Over the committed programme file, whose Member States (which the document does not
    // give) the import keeps as they are written.
    let dir = tempfile::tempdir().expect("temp dir");
    let year = dir.path().join("programme/2021");
    std::fs::create_dir_all(&year).expect("folder");
    std::fs::copy("programme/2021/programme.toml", year.join("programme.toml")).expect("copy");
    assert!(import_into(dir.path(), &["--force"]).status.success());
    let committed = files(Path::new("programme/2021"));
    let fresh = files(&dir.path().join("programme/2021"));
    assert_eq!(
        committed.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &fresh {
        assert!(
            committed.get(path) == Some(bytes),
            "programme/2021/{} differs from a fresh import; run \
             `cargo run -- --root . import {SEED} --year 2021 --force`",
            path.display()
        );
    }
}

#[test]
fn the_import_writes_the_member_states_the_document_does_not_list() {
    // A fresh import: SELA's Member States, the same as the committed programme's.
    let dir = tempfile::tempdir().expect("temp dir");
    let output = import_into(dir.path(), &[]);
    assert!(output.status.success(), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stderr).contains(
            ": the document does not list SELA's Member States: `member_states` in \
             programme.toml is the 25 the importer knows"
        ),
        "{output:?}"
    );
    let read = |root: &Path| {
        let loaded = store::load(&Workspace::at(root), 2021).expect("loads");
        let codes: Vec<&str> = loaded
            .plan
            .programme
            .member_states
            .iter()
            .map(|c| c.code())
            .collect();
        codes.join(" ")
    };
    let fresh = read(dir.path());
    assert_eq!(
        fresh,
        "AR BB BO BR BS BZ CL CO CU DO EC GT GY HN HT MX NI PA PE PY SR SV TT UY VE"
    );
    assert_eq!(fresh, read(Path::new(".")));
    // Over a file with a list of its own, that list is kept, comment and all.
    let programme = dir.path().join("programme/2021/programme.toml");
    let text = std::fs::read_to_string(&programme).expect("the programme");
    let start = text.find("member_states = [").expect("the list");
    let end = start + text[start..].find("]\n").expect("its end") + 2;
    let own = "# Ours, with Jamaica.\nmember_states = [\"JM\", \"PE\"]\n";
    // So is the organisation's IATI identifier, which no document gives either.
    let iati = "\n[iati]\norganisation_id = \"XI-IATI-EXAMPLE\"\norganisation_type = 40\n";
    std::fs::write(
        &programme,
        format!("{}{own}{}{iati}", &text[..start], &text[end..]),
    )
    .expect("writes");
    assert!(import_into(dir.path(), &["--force"]).status.success());
    let again = std::fs::read_to_string(&programme).expect("the programme");
    assert!(again.contains(own), "{again}");
    assert!(again.contains(iati.trim_start()), "{again}");
    assert_eq!(read(dir.path()), "JM PE");
}

#[test]
fn any_cut_or_odd_input_is_read_without_failing() {
    let seed = seed();
    let lines: Vec<&str> = seed.lines().collect();
    for end in (0..lines.len()).step_by(97) {
        let _ = import(&lines[..end].join("\n"), 2021);
        let _ = import(&lines[end..].join("\n"), 2021);
    }
    for odd in [
        "",
        "\u{0}\t\t",
        "**Activity ß.1.1 Kelvin \u{212A}****",
        "# ÁREA İ. İSTANBUL\n\n**PROGRAMME:**\n\n**PROJECT I.1.**\n\n**Activity I.1.1.**",
        "<sup>1</sup>\n<sup></sup><b><br/><sup>99999999999</sup>",
        "- 1-\n1.\na)\n[^1]:\n[^]: x",
        "**Activity I.1.1. T**\n\n**D. Format of the activity**\n\n\u{212A}ace-to-face",
    ] {
        let _ = import(odd, 2021);
    }
}

#[test]
fn tracking_fields_keep_the_same_layout() {
    let text = std::fs::read_to_string("tests/fixtures/mini/programme/2021/activities/I.1.1.toml")
        .expect("fixture");
    let activity: Activity = toml::from_str(&text).expect("parses");
    let written = to_toml(&activity).expect("serialises");
    assert_eq!(
        toml::from_str::<Activity>(&written).expect("reads back"),
        activity
    );
    assert!(
        written.contains("partners = [\n    \"ALADI\",\n    \"CAF\",\n]\n"),
        "{written}"
    );
    assert!(
        written.contains("\n[[participants]]\nname = \"Ana Pérez\"\n"),
        "{written}"
    );
    assert!(
        written.contains(
            "[[notes]]\ndate = \"2021-06-16\"\ntext = \"Held in Caracas with 14 delegations.\"\n"
        ),
        "{written}"
    );
    assert!(
        written.contains("expected_results_closing = \"\"\"\nThese results would help offer shared and complementary technical and financial support programmes for the region.\\\n\"\"\"\n"),
        "{written}"
    );
}
