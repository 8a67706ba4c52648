//! The merge of programme files, on real activity and programme files edited through the
//! store's own editor.

use std::path::Path;

use super::*;
use crate::model::{Date, Note, Participant, Role};
use crate::store::conflict::{FINDING, Side};
use crate::store::edit::{ActivityEditor, parse_assignments};
use crate::store::parse_file;

const BASE: &str =
    include_str!("../../../tests/fixtures/mini/programme/2021/activities/I.1.1.toml");
const PROGRAMME_BASE: &str =
    include_str!("../../../tests/fixtures/mini/programme/2021/programme.toml");

const LABELS: Labels = Labels {
    ours: "HEAD",
    theirs: "other",
};

fn options(kind: FileKind) -> Options<'static> {
    Options {
        kind,
        labels: LABELS,
        marker_size: 7,
    }
}

/// One edit of an activity, made the way the commands make it.
#[derive(Debug, Clone, Copy)]
enum Edit {
    Set(&'static str),
    Note(&'static str, &'static str),
    Participant(&'static str, &'static str),
}

/// `text` with `edits` made through the store's editor, in order.
fn edited(text: &str, edits: &[Edit]) -> String {
    let mut editor = ActivityEditor::parse(Path::new("a.toml"), text).expect("parses");
    for edit in edits {
        match edit {
            Edit::Set(arg) => {
                for assignment in parse_assignments(&[arg.to_string()]).expect("valid") {
                    editor.apply(&assignment).expect("applies");
                }
            }
            Edit::Note(date, text) => {
                let note = Note {
                    date: date.parse::<Date>().expect("a date"),
                    text: text.to_string(),
                };
                editor.push_table("notes", &note).expect("pushes");
            }
            Edit::Participant(organisation, country) => {
                let participant = Participant {
                    name: None,
                    organisation: organisation.to_string(),
                    organisation_id: None,
                    country: country.parse().expect("a country"),
                    role: Role::Participant,
                };
                editor
                    .push_table("participants", &participant)
                    .expect("pushes");
            }
        }
    }
    editor.text()
}

fn merged(base: &str, ours: &str, theirs: &str) -> Merged {
    merge(base, ours, theirs, &options(FileKind::Activity))
}

/// Merges `ours` and `theirs` edits of the fixture both ways, and checks that each way is
/// clean and is exactly what making `expected` edits in that order writes.
#[track_caller]
fn merges_as(ours: &[Edit], theirs: &[Edit], expected: &[Edit]) {
    let (o, t) = (edited(BASE, ours), edited(BASE, theirs));
    let result = merged(BASE, &o, &t);
    assert!(result.is_clean(), "{}", result.text);
    assert_eq!(result.method, Method::Fields);
    assert_eq!(result.text, edited(BASE, expected));
    let (_, findings) = parse_file::<crate::model::Activity>(Path::new("a.toml"), &result.text);
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn changes_to_different_keys_merge_as_if_made_one_after_the_other() {
    let status = Edit::Set("status=postponed");
    let progress = Edit::Set("progress=60");
    merges_as(&[status], &[progress], &[status, progress]);
    merges_as(&[progress], &[status], &[progress, status]);
    // New keys go to their place, whichever side added them.
    let venue = Edit::Set("format=none");
    let format_note = Edit::Set("format_note=With technological resources");
    let audience = Edit::Set("audience=National authorities");
    merges_as(
        &[venue, audience],
        &[format_note],
        &[venue, audience, format_note],
    );
}

#[test]
fn notes_and_participants_added_on_both_sides_are_all_kept() {
    let ours = [Edit::Note("2021-07-02", "Report sent.")];
    let theirs = [Edit::Note("2021-07-01", "Minutes approved.")];
    // Notes in date order, whichever side added them.
    let in_order = [theirs[0], ours[0]];
    merges_as(&ours, &theirs, &in_order);
    merges_as(&theirs, &ours, &in_order);

    let ours = [Edit::Participant("CAF", "Venezuela")];
    let theirs = [
        Edit::Participant("BID", "Chile"),
        Edit::Participant("ALADI", "Uruguay"),
    ];
    merges_as(&ours, &theirs, &[ours[0], theirs[0], theirs[1]]);
}

#[test]
fn the_same_change_on_both_sides_merges_once() {
    let both = [
        Edit::Set("status=cancelled"),
        Edit::Note("2021-07-01", "Cancelled by the Council."),
    ];
    let ours = [both[0], both[1], Edit::Set("progress=0")];
    merges_as(&ours, &both, &ours);
}

#[test]
fn lists_of_strings_merge_item_by_item() {
    merges_as(
        &[Edit::Set("partners+=BID")],
        &[Edit::Set("partners-=CAF")],
        &[Edit::Set("partners+=BID"), Edit::Set("partners-=CAF")],
    );
    merges_as(
        &[Edit::Set("partners+=BID")],
        &[Edit::Set("partners+=UNCTAD")],
        &[Edit::Set("partners+=BID"), Edit::Set("partners+=UNCTAD")],
    );
    // Objectives reworded apart merge; the same one reworded twice conflicts.
    let first =
        "Assess the magnitude of the economic effects of the pandemic on integration processes.";
    let second =
        "Develop an institutional strategy for the development of regional economic policies.";
    let ours = BASE.replace(first, "Assess the effects of the pandemic.");
    let theirs = BASE.replace(second, "Develop a strategy.");
    let result = merged(BASE, &ours, &theirs);
    assert!(result.is_clean(), "{}", result.text);
    assert_eq!(
        result.text,
        BASE.replace(first, "Assess the effects of the pandemic.")
            .replace(second, "Develop a strategy.")
    );
    let theirs = BASE.replace(first, "Assess the pandemic.");
    let result = merged(BASE, &ours, &theirs);
    assert_eq!(result.conflicts, 1);
    assert!(
        result.text.contains("<<<<<<< HEAD\nobjectives = ["),
        "{}",
        result.text
    );
}

#[test]
fn a_key_given_two_values_is_marked_alone_and_the_rest_merges() {
    let ours = edited(BASE, &[Edit::Set("venue=Quito"), Edit::Set("progress=90")]);
    let theirs = edited(
        BASE,
        &[Edit::Set("venue=Lima"), Edit::Note("2021-07-01", "x")],
    );
    let result = merged(BASE, &ours, &theirs);
    assert_eq!(result.conflicts, 1);
    assert!(
        result.text.contains(
            "actual_end = \"2021-06-15\"\n<<<<<<< HEAD\nvenue = \"Quito\"\n=======\nvenue = \"Lima\"\n>>>>>>> other\npartners = ["
        ),
        "{}",
        result.text
    );
    // Each side's version is the merge with that side's value: everything else merged.
    let blocks = crate::store::conflict::find(&result.text);
    let ours_side = crate::store::conflict::side(&result.text, &blocks, Side::Ours);
    let expected = edited(
        BASE,
        &[
            Edit::Set("venue=Quito"),
            Edit::Set("progress=90"),
            Edit::Note("2021-07-01", "x"),
        ],
    );
    let squeeze = |text: &str| {
        text.lines()
            .filter(|line| !line.trim().is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(squeeze(&ours_side), squeeze(&expected));
    let (activity, findings) =
        parse_file::<crate::model::Activity>(Path::new("a.toml"), &result.text);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].code, FINDING);
    assert_eq!(
        findings[0].message,
        "unresolved merge conflict: `venue` is \"Quito\" in HEAD and \"Lima\" in other"
    );
    assert_eq!(
        activity.expect("ours' side reads").venue.as_deref(),
        Some("Quito")
    );
}

#[test]
fn markers_have_the_length_git_asks_for() {
    let ours = edited(BASE, &[Edit::Set("status=ongoing")]);
    let theirs = edited(BASE, &[Edit::Set("status=cancelled")]);
    let options = Options {
        marker_size: 10,
        ..options(FileKind::Activity)
    };
    let result = merge(BASE, &ours, &theirs, &options);
    assert!(
        result
            .text
            .contains("<<<<<<<<<< HEAD\nstatus = \"ongoing\"\n==========\nstatus = \"cancelled\"\n>>>>>>>>>> other\n"),
        "{}",
        result.text
    );
}

#[test]
fn a_removal_on_one_side_is_respected_unless_the_other_changed_it() {
    let without_note = BASE.replace(
        "\n[[notes]]\ndate = \"2021-06-16\"\ntext = \"Held in Caracas with 14 delegations.\"\n",
        "",
    );
    assert_ne!(without_note, BASE);
    let added = edited(BASE, &[Edit::Participant("BID", "Chile")]);
    let result = merged(BASE, &without_note, &added);
    assert!(result.is_clean(), "{}", result.text);
    assert_eq!(
        result.text,
        edited(&without_note, &[Edit::Participant("BID", "Chile")])
    );

    // A footnote removed on one side and reworded on the other is for people to decide.
    let removed = BASE.replace(
        "[[footnotes]]\nid = \"1\"\ntext = \"SELA (2019). *Evaluation of the integration process in Latin America*.\"\n\n",
        "",
    );
    assert_ne!(removed, BASE);
    let reworded = BASE.replace("*Evaluation of", "*An evaluation of");
    let result = merged(BASE, &reworded, &removed);
    assert_eq!(result.conflicts, 1);
    assert!(
        result.text.contains(
            "<<<<<<< HEAD\n[[footnotes]]\nid = \"1\"\ntext = \"SELA (2019). *An evaluation"
        ),
        "{}",
        result.text
    );
    assert!(
        result.text.contains("=======\n>>>>>>> other\n"),
        "{}",
        result.text
    );
}

#[test]
fn fields_inside_an_element_merge_and_conflict_key_by_key() {
    let ours = BASE.replace("text = \"SELA (2019).", "text = \"SELA (2019b).");
    let theirs = BASE.replace("text = \"SELA (2019).", "text = \"SELA (2020).");
    let result = merged(BASE, &ours, &theirs);
    assert_eq!(result.conflicts, 1);
    assert!(
        result
            .text
            .contains("[[footnotes]]\nid = \"1\"\n<<<<<<< HEAD\ntext = \"SELA (2019b)."),
        "{}",
        result.text
    );
    let (_, findings) = parse_file::<crate::model::Activity>(Path::new("a.toml"), &result.text);
    assert!(
        findings[0].message.contains("`footnotes[0].text` is"),
        "{findings:?}"
    );
}

#[test]
fn comments_and_layout_of_untouched_keys_stay() {
    let base = BASE.replace(
        "status = \"completed\"",
        "status = \"completed\"  # as reported",
    );
    let base = base.replace("venue = ", "# where it was held\nvenue = ");
    let ours = edited(&base, &[Edit::Set("status=ongoing")]);
    let theirs = edited(&base, &[Edit::Set("venue=Lima")]);
    let result = merged(&base, &ours, &theirs);
    assert!(result.is_clean());
    assert!(
        result
            .text
            .contains("status = \"ongoing\"  # as reported\n"),
        "{}",
        result.text
    );
    assert!(
        result
            .text
            .contains("# where it was held\nvenue = \"Lima\"\n"),
        "{}",
        result.text
    );
    // A comment added by hand on one side comes along.
    let theirs = base.replace("progress = 100", "progress = 100 # checked");
    let result = merged(&base, &ours, &theirs);
    assert!(
        result.text.contains("progress = 100 # checked\n"),
        "{}",
        result.text
    );
}

#[test]
fn a_version_that_does_not_parse_is_merged_line_by_line() {
    let ours = BASE.replace("progress = 100", "progress = 100\nbroken line");
    let theirs = BASE.replace("venue = \"Caracas, Venezuela\"", "venue = \"Lima\"");
    let result = merged(BASE, &ours, &theirs);
    assert_eq!(result.method, Method::Lines);
    assert!(result.is_clean());
    assert!(result.text.contains("broken line\n"));
    assert!(result.text.contains("venue = \"Lima\""));
    // Line by line, neighbouring lines changed on both sides conflict, as with git.
    let theirs = BASE.replace("progress = 100", "progress = 90");
    let result = merged(BASE, &ours, &theirs);
    assert_eq!(result.conflicts, 1);
    assert!(
        result
            .text
            .contains("<<<<<<< HEAD\nprogress = 100\nbroken line\n=======")
    );
}

#[test]
fn only_one_side_changed_is_that_side_exactly() {
    let theirs = "anything at all\n";
    let result = merged(BASE, BASE, theirs);
    assert_eq!(
        (result.text.as_str(), result.method),
        (theirs, Method::Trivial)
    );
    let result = merged(BASE, theirs, BASE);
    assert_eq!(result.text, theirs);
}

#[test]
fn the_programme_file_merges_its_hierarchy_by_code() {
    let project = |code: &str, title: &str| {
        format!(
            "\n[[projects]]\ncode = \"{code}\"\nprogramme = \"sela-smes\"\ntitle = \"{title}\"\n"
        )
    };
    let ours = format!("{PROGRAMME_BASE}{}", project("II.4", "Ours"));
    let theirs = format!("{PROGRAMME_BASE}{}", project("II.5", "Theirs")).replace(
        "title = \"Work Programme for the year 2021\"",
        "title = \"Work Programme 2021\"",
    );
    let result = merge(
        PROGRAMME_BASE,
        &ours,
        &theirs,
        &options(FileKind::Programme),
    );
    assert!(result.is_clean(), "{}", result.text);
    assert_eq!(
        result.text,
        format!(
            "{}{}{}",
            PROGRAMME_BASE.replace(
                "title = \"Work Programme for the year 2021\"",
                "title = \"Work Programme 2021\""
            ),
            project("II.4", "Ours"),
            project("II.5", "Theirs")
        )
    );
    // The same project given two titles conflicts on its title only.
    let ours = PROGRAMME_BASE.replace("Regional Programme for Small", "Programme for Small");
    let theirs = PROGRAMME_BASE.replace("Regional Programme for Small", "Regional Plan for Small");
    let result = merge(
        PROGRAMME_BASE,
        &ours,
        &theirs,
        &options(FileKind::Programme),
    );
    assert_eq!(result.conflicts, 1);
    assert!(
        result.text.contains("programme = \"sela-smes\"\n<<<<<<< HEAD\ntitle = \"Latin American and Caribbean Programme"),
        "{}",
        result.text
    );
}

#[test]
fn file_kinds_come_from_the_path() {
    let kind = |path: &str| FileKind::of_path(Path::new(path));
    assert_eq!(kind("programme/2021/programme.toml"), FileKind::Programme);
    assert_eq!(
        kind("sub/programme/2021/activities/I.1.1.toml"),
        FileKind::Activity
    );
    assert_eq!(kind("programme/2021/notes.toml"), FileKind::Other);
    // Another file is merged line by line.
    let ours = BASE.replace("progress = 100", "progress = 90");
    let theirs = BASE.replace("status = \"completed\"", "status = \"ongoing\"");
    let result = merge(BASE, &ours, &theirs, &options(FileKind::Other));
    assert_eq!((result.method, result.conflicts), (Method::Lines, 1));
}

#[test]
fn key_orders_are_the_models_orders() {
    let schema = serde_json::to_value(crate::schema::programme_schema()).expect("json");
    let mut properties: Vec<&str> = schema["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .map(String::as_str)
        .collect();
    properties.sort_unstable();
    let mut ordered = PROGRAMME_KEY_ORDER.to_vec();
    ordered.sort_unstable();
    assert_eq!(properties, ordered);
    let programme = crate::model::WorkProgramme {
        document_code: Some("x".into()),
        report_document_code: Some("x".into()),
        language: Some("x".into()),
        member_states: vec![crate::model::Country::from_code("PE").expect("a country")],
        notice: Some("x".into()),
        foreword: Some("x".into()),
        introduction: Some("x".into()),
        background: Some("x".into()),
        iati: Some(Default::default()),
        areas: vec![Default::default()],
        programmes: vec![Default::default()],
        projects: vec![Default::default()],
        translations: crate::store::edit::tests::one_translation(),
        ..Default::default()
    };
    let text = crate::store::write::to_toml(&programme).expect("serialises");
    let doc: DocumentMut = text.parse().expect("parses");
    let keys: Vec<&str> = doc.as_table().iter().map(|(k, _)| k).collect();
    assert_eq!(keys, PROGRAMME_KEY_ORDER);
    for rule in ACTIVITY.tables.iter().chain(PROGRAMME.tables) {
        assert!(
            rule.identity.iter().all(|key| rule.order.contains(key)),
            "{rule:?}"
        );
    }
}

/// Random edits to different fields on two branches, as the commands make them.
mod properties {
    use proptest::prelude::*;

    use super::*;
    // The fields an edit can touch: every key `set` takes, each edited by one side only.
    use crate::store::edit::SETTABLE as FIELDS;

    /// Text as people type it: letters, digits, punctuation, quotes and accents.
    fn words() -> impl Strategy<Value = String> {
        "[A-Za-zÁÉÍÓÚáéíóúñ0-9][A-Za-zÁÉÍÓÚáéíóúñ0-9 ,.;:'\"()/#-]{0,40}"
            .prop_map(|text| text.trim_end().to_string())
    }

    /// A country as people write it: a code, or a name in English or Spanish.
    fn country() -> impl Strategy<Value = String> {
        prop::sample::select(&["PE", "Perú", "Brazil", "UY", "Venezuela", "México"][..])
            .prop_map(String::from)
    }

    fn date() -> impl Strategy<Value = String> {
        (2020..2023i32, 1..13u32, 1..29u32).prop_map(|(y, m, d)| format!("{y}-{m:02}-{d:02}"))
    }

    /// A `programa set` argument for `field`.
    fn assignment(field: &'static str) -> BoxedStrategy<String> {
        let set = move |value: String| format!("{field}={value}");
        match field {
            "kind" => prop::sample::select(vec!["event", "study", "other"])
                .prop_map(move |v| set(v.into()))
                .boxed(),
            "format" => prop::sample::select(vec!["face-to-face", "virtual", "hybrid", "none"])
                .prop_map(move |v| set(v.into()))
                .boxed(),
            "status" => prop::sample::select(vec![
                "planned",
                "ongoing",
                "completed",
                "postponed",
                "cancelled",
            ])
            .prop_map(move |v| set(v.into()))
            .boxed(),
            "progress" => (0..=100u8).prop_map(move |v| set(v.to_string())).boxed(),
            "planned_start" | "planned_end" | "actual_start" | "actual_end" => {
                prop_oneof![date().prop_map(set), Just(format!("{field}="))].boxed()
            }
            "partners" => prop_oneof![
                prop::sample::select(vec!["CAF", "ALADI", "BID", "UNCTAD", "CEPAL"])
                    .prop_map(|p| format!("partners+={p}")),
                words().prop_map(|p| format!("partners+={p}")),
                Just("partners-=CAF".to_string()),
                Just("partners-=ALADI".to_string()),
            ]
            .boxed(),
            "title" => words().prop_map(set).boxed(),
            _ => prop_oneof![words().prop_map(set), Just(format!("{field}="))].boxed(),
        }
    }

    /// One side's edits: settings of its own fields, and notes and participants (which both
    /// sides may add), notes in date order as days go by.
    fn side(fields: Vec<&'static str>) -> BoxedStrategy<Vec<Edit>> {
        let sets: Vec<BoxedStrategy<Vec<String>>> = fields
            .into_iter()
            .map(|field| prop::collection::vec(assignment(field), 1..3).boxed())
            .collect();
        let notes = prop::collection::vec((date(), words()), 0..3);
        let participants = prop::collection::vec((words(), country()), 0..3);
        (sets, notes, participants)
            .prop_map(|(sets, mut notes, participants)| {
                notes.sort();
                let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
                let mut edits: Vec<Edit> = sets
                    .into_iter()
                    .flatten()
                    .map(|s| Edit::Set(leak(s)))
                    .collect();
                edits.extend(notes.into_iter().map(|(d, t)| Edit::Note(leak(d), leak(t))));
                edits.extend(
                    participants
                        .into_iter()
                        .map(|(o, c)| Edit::Participant(leak(o), leak(c))),
                );
                edits
            })
            .boxed()
    }

    /// Both sides' edits, to disjoint sets of fields, on one of the fixture's activities.
    fn scenario() -> impl Strategy<Value = (&'static str, Vec<Edit>, Vec<Edit>)> {
        let bases = vec![
            BASE,
            include_str!("../../../tests/fixtures/mini/programme/2021/activities/I.1.2.toml"),
        ];
        (
            prop::sample::select(bases),
            prop::sample::subsequence(FIELDS.to_vec(), 0..=FIELDS.len()),
            any::<u64>(),
        )
            .prop_flat_map(|(base, fields, split)| {
                let (ours, theirs): (Vec<_>, Vec<_>) = fields
                    .into_iter()
                    .enumerate()
                    .partition(|(i, _)| split >> (i % 64) & 1 == 0);
                let pick = |v: Vec<(usize, &'static str)>| v.into_iter().map(|(_, f)| f).collect();
                (Just(base), side(pick(ours)), side(pick(theirs)))
            })
    }

    /// What making both sides' edits one after the other writes: ours' settings, theirs',
    /// both sides' participants (ours first), and the notes of both in date order.
    fn both(base: &str, ours: &[Edit], theirs: &[Edit]) -> String {
        let sets = ours
            .iter()
            .chain(theirs)
            .filter(|e| matches!(e, Edit::Set(_)));
        let people = ours
            .iter()
            .chain(theirs)
            .filter(|e| matches!(e, Edit::Participant(..)));
        let date = |e: &Edit| match e {
            Edit::Note(d, _) => Some(*d),
            _ => None,
        };
        let mut notes: Vec<&Edit> = ours.iter().filter(|e| date(e).is_some()).collect();
        for note in theirs.iter().filter(|e| date(e).is_some()) {
            let at = notes
                .iter()
                .position(|n| date(n) > date(note) && ours.iter().any(|o| std::ptr::eq(o, *n)))
                .unwrap_or(notes.len());
            notes.insert(at, note);
        }
        let all: Vec<Edit> = sets.chain(people).chain(notes).cloned().collect();
        edited(base, &all)
    }

    /// Whether making `edits` on `base` is possible: some remove an item that is not there.
    fn possible(base: &str, edits: &[Edit]) -> bool {
        let mut editor = ActivityEditor::parse(Path::new("a.toml"), base).expect("parses");
        edits.iter().all(|edit| match edit {
            Edit::Set(arg) => parse_assignments(&[arg.to_string()])
                .is_ok_and(|a| a.iter().all(|a| editor.apply(a).is_ok())),
            _ => true,
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn edits_to_different_fields_always_merge_and_keep_both(
            (base, ours, theirs) in scenario()
        ) {
            prop_assume!(possible(base, &ours) && possible(base, &theirs));
            prop_assume!(possible(base, &[ours.clone(), theirs.clone()].concat()));
            let expected = both(base, &ours, &theirs);
            let (o, t) = (edited(base, &ours), edited(base, &theirs));
            let result = merge(base, &o, &t, &options(FileKind::Activity));
            prop_assert!(result.is_clean(), "{}", result.text);
            prop_assert_eq!(&result.text, &expected);
            let (_, findings) = parse_file::<crate::model::Activity>(Path::new("a.toml"), &result.text);
            prop_assert!(findings.is_empty(), "{:?}", findings);
        }
    }

    /// A version of the fixture with lines taken out, repeated and replaced by others that
    /// are TOML or not: what a hand edit, a bad paste or a merge by hand leaves.
    fn mangled() -> impl Strategy<Value = String> {
        let lines: Vec<String> = BASE.lines().map(String::from).collect();
        let line = prop_oneof![
            prop::sample::select(lines.clone()),
            "[a-z_]{1,10} = \"[a-z ]{0,10}\"",
            Just("[[notes]]".to_string()),
            Just("date = \"2021-07-01\"".to_string()),
            "[a-z =\"\\[\\]]{0,12}",
        ];
        prop::collection::vec(
            prop_oneof![
                4 => (0..lines.len()).prop_map(Some),
                1 => Just(None),
            ],
            0..lines.len() + 4,
        )
        .prop_flat_map(move |picks| {
            let n = picks.len();
            (Just(picks), prop::collection::vec(line.clone(), n))
        })
        .prop_map(move |(picks, others)| {
            let base: Vec<&str> = BASE.lines().collect();
            let mut text = String::new();
            for (pick, other) in picks.into_iter().zip(others) {
                text.push_str(pick.map_or(other.as_str(), |i| base[i]));
                text.push('\n');
            }
            text
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        /// Whatever the three versions, the merge ends, keeps a side that alone changed, and
        /// every conflict it marks is one the store finds again when it reads the file.
        #[test]
        fn any_three_versions_merge_into_a_file_the_store_reads(
            base in mangled(),
            ours in mangled(),
            theirs in mangled(),
        ) {
            let options = options(FileKind::Activity);
            prop_assert_eq!(merge(&base, &ours, &base, &options).text, ours.clone());
            prop_assert_eq!(merge(&base, &base, &theirs, &options).text, theirs.clone());
            let result = merge(&base, &ours, &theirs, &options);
            let found = crate::store::conflict::find(&result.text);
            prop_assert_eq!(found.len(), result.conflicts, "{}", result.text);
            if result.method == Method::Fields {
                let (_, findings) =
                    parse_file::<crate::model::Activity>(Path::new("a.toml"), &result.text);
                let syntax = findings.iter().any(|f| f.code == "toml-syntax");
                prop_assert!(!syntax, "{:?}\n{}", findings, result.text);
            }
        }

        /// The line merge keeps a side that alone changed, and marks nothing then.
        #[test]
        fn the_line_merge_keeps_what_one_side_alone_changed(
            base in "[abc\n]{0,30}",
            side in "[abc\n]{0,30}",
        ) {
            let labels = LABELS;
            prop_assert_eq!(lines::merge(&base, &side, &base, labels, 7), (side.clone(), 0));
            prop_assert_eq!(lines::merge(&base, &base, &side, labels, 7), (side.clone(), 0));
            prop_assert_eq!(lines::merge(&base, &side, &side, labels, 7), (side.clone(), 0));
        }
    }
}
