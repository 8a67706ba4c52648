use super::*;
use crate::model::Area;

fn activity(code: &str) -> Activity {
    Activity {
        code: code.to_string(),
        project: "I.1".to_string(),
        title: format!("Activity {code}"),
        background: format!("Why {code} matters."),
        objectives: vec!["One.".to_string(), "Two.".to_string(), "Three.".to_string()],
        ..Activity::default()
    }
}

fn person(name: Option<&str>, organisation: &str, country: &str, role: &str) -> Participant {
    let name = name
        .map(|n| format!("name = \"{n}\"\n"))
        .unwrap_or_default();
    toml::from_str(&format!(
        "{name}organisation = \"{organisation}\"\ncountry = \"{country}\"\nrole = \"{role}\"\n"
    ))
    .expect("a participant")
}

fn plan(activities: Vec<Activity>) -> Plan {
    Plan {
        programme: WorkProgramme::default(),
        activities,
    }
}

fn phrases(old: &Activity, new: &Activity) -> Vec<String> {
    compare_activity(old, new)
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn identical_plans_have_no_changes() {
    let a = plan(vec![activity("I.1.1"), activity("I.1.2")]);
    assert!(compare(&a, &a.clone()).is_empty());
}

#[test]
fn status_progress_and_dates_read_as_transitions() {
    let old = activity("I.1.1");
    let mut new = old.clone();
    new.status = Status::Completed;
    new.progress = 100;
    new.actual_end = Date::from_ymd(2021, 6, 15);
    new.planned_start = Date::from_ymd(2021, 5, 10);
    let mut older = old.clone();
    older.planned_start = Date::from_ymd(2021, 4, 1);
    assert_eq!(
        phrases(&older, &new),
        [
            "status planned → completed",
            "progress 0% → 100%",
            "planned_start 2021-04-01 → 2021-05-10",
            "actual_end set to 2021-06-15",
        ]
    );
}

#[test]
fn participants_are_counted_with_their_countries() {
    let old = activity("II.3.2");
    let mut new = old.clone();
    new.participants = vec![
        person(None, "ALADI", "Uruguay", "speaker"),
        person(Some("Ana"), "Ministry", "Peru", "participant"),
        person(Some("Luis"), "Ministry", "Peru", "participant"),
    ];
    assert_eq!(phrases(&old, &new), ["+3 participants from 2 countries"]);
    let mut fewer = new.clone();
    fewer.participants.remove(0);
    fewer.participants[0].role = person(None, "x", "PE", "moderator").role;
    assert_eq!(
        phrases(&new, &fewer),
        [
            "−1 participant: ALADI (Uruguay), speaker",
            "participant Ana: role participant → moderator"
        ]
    );
}

#[test]
fn a_country_written_as_its_code_instead_of_its_name_is_no_change() {
    let mut old = activity("II.3.2");
    old.participants = vec![person(None, "Cancillería", "Perú", "participant")];
    let mut new = old.clone();
    new.participants = vec![person(None, "Cancillería", "PE", "participant")];
    assert!(phrases(&old, &new).is_empty());
    // The same organisation in another country is another participant.
    new.participants = vec![person(None, "Cancillería", "Chile", "participant")];
    assert_eq!(
        phrases(&old, &new),
        [
            "+1 participant: Cancillería (Chile), participant",
            "−1 participant: Cancillería (Peru), participant"
        ]
    );
}

#[test]
fn list_items_are_added_removed_or_reworded_by_number() {
    let old = activity("I.1.1");
    let mut new = old.clone();
    new.objectives = vec![
        "One.".to_string(),
        "Three, said better.".to_string(),
        "Four.".to_string(),
    ];
    new.objectives.remove(2);
    new.objectives.push("Four.".to_string());
    let changes = phrases(&old, &new);
    assert_eq!(
        changes,
        ["objective 2 reworded", "objective 3 reworded"],
        "{changes:?}"
    );
    let mut appended = old.clone();
    appended.objectives.push("Four.".to_string());
    assert_eq!(phrases(&old, &appended), ["objective 4 added"]);
    let mut dropped = old.clone();
    dropped.objectives.remove(0);
    assert_eq!(phrases(&old, &dropped), ["objective 1 removed"]);
}

#[test]
fn prose_and_text_fields_are_named() {
    let old = activity("I.1.1");
    let mut new = old.clone();
    new.background = "Why it matters now.".to_string();
    new.venue = Some("Caracas, Venezuela".to_string());
    new.audience = Some("Ministers.".to_string());
    new.format = Some(Format::Virtual);
    assert_eq!(
        phrases(&old, &new),
        [
            "format none → virtual",
            "venue set to “Caracas, Venezuela”",
            "audience added",
            "background reworded",
        ]
    );
}

#[test]
fn added_removed_and_renamed_activities() {
    let old = plan(vec![activity("I.1.1"), activity("I.1.2")]);
    let mut moved = activity("I.1.2");
    moved.code = "I.1.5".to_string();
    moved.status = Status::Ongoing;
    let mut fresh = activity("I.1.9");
    fresh.title = "Something new".to_string();
    fresh.background = "New.".to_string();
    fresh.kind = Kind::Study;
    let new = plan(vec![moved, fresh]);
    let changes = compare(&old, &new);
    let lines: Vec<String> = changes.activities.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "I.1.1: removed",
            "I.1.5: renamed from I.1.2; status planned → ongoing",
            "I.1.9: created (study, planned)",
        ]
    );
    let json = serde_json::to_value(&changes.activities[1]).expect("serialises");
    assert_eq!(json["change"], "renamed");
    assert_eq!(json["from"], "I.1.2");
    assert_eq!(json["fields"][0]["field_change"], "status");
    assert_eq!(json["fields"][0]["to"], "ongoing");
}

#[test]
fn partners_notes_outputs_and_footnotes() {
    let old = activity("I.1.1");
    let mut new = old.clone();
    new.partners = vec!["CAF".to_string(), "UNCTAD".to_string()];
    new.notes = vec![Note {
        date: Date::from_ymd(2021, 6, 16).expect("a real day"),
        text: "Held.".to_string(),
    }];
    new.outputs = vec![Output {
        title: "Final report".to_string(),
        ..Output::default()
    }];
    new.footnotes = vec![Footnote {
        id: "1".to_string(),
        text: "SELA (2019).".to_string(),
    }];
    assert_eq!(
        phrases(&old, &new),
        [
            "partners + CAF, UNCTAD",
            "footnote 1 added",
            "note of 2021-06-16 added: “Held.”",
            "output “Final report” added",
        ]
    );
}

#[test]
fn programme_file_changes() {
    let mut old = WorkProgramme {
        year: 2021,
        title: "Work Programme".to_string(),
        foreword: Some("Two studies.".to_string()),
        areas: vec![Area {
            code: "I".to_string(),
            title: "Intra-Regional Relations".to_string(),
            summary: None,
        }],
        ..WorkProgramme::default()
    };
    let mut new = old.clone();
    new.foreword = Some("Three studies.".to_string());
    new.areas[0].title = "Intra-regional relations".to_string();
    new.areas.push(Area {
        code: "II".to_string(),
        title: "Cooperation".to_string(),
        summary: None,
    });
    old.document_code = Some("SP/1".to_string());
    let lines: Vec<String> = compare_programmes(&old, &new)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            "document_code cleared",
            "foreword reworded",
            "area I retitled “Intra-Regional Relations” → “Intra-regional relations”",
            "area II added (“Cooperation”)",
        ]
    );
}

#[test]
fn word_diff_marks_changed_words_with_context() {
    let old =
        "The Permanent Secretariat will hold two studies and three events in Caracas this year.";
    let new =
        "The Permanent Secretariat will hold four studies and three events in Caracas this year.";
    assert_eq!(
        render_word_diff(old, new, 3),
        "… Secretariat will hold [-two-]{+four+} studies and three …"
    );
    assert_eq!(render_word_diff("a b", "a c", 3), "a [-b-]{+c+}");
    assert_eq!(
        render_word_diff(
            "Build a database made up of these.",
            "Build an open database of these.",
            3
        ),
        "Build [-a-]{+an open+} database [-made up-] of these."
    );
    assert_eq!(
        render_word_diff(
            "as a Technical Secretariat",
            "as Technical Secretariat of the Network",
            6
        ),
        "as [-a-] Technical Secretariat {+of the Network+}"
    );
    assert_eq!(
        render_word_diff(
            "as Technical Secretariat of the Network",
            "as a Technical Secretariat",
            6
        ),
        "as {+a+} Technical Secretariat [-of the Network-]"
    );
    assert_eq!(
        render_word_diff("one  two\nthree", "one two three four", 6),
        "one two three {+four+}"
    );
    let runs = word_diff("a b", "a c");
    assert_eq!(runs[0].tag, WordTag::Equal);
    assert_eq!(runs.last().map(|r| r.tag), Some(WordTag::Added));
}

#[test]
fn long_values_are_quoted_short() {
    let text = "word ".repeat(30);
    let quoted = quote(&text);
    assert!(quoted.ends_with("…”"), "{quoted}");
    assert!(quoted.chars().count() <= 42, "{quoted}");
}
