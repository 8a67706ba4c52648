//! Translations kept in the data: `translate`, what `check` says of them, the coverage report,
//! XLIFF out to a translation tool and back, and translations through diff and merge, on real
//! repositories.

use std::path::Path;
use std::process::Command;

use crate::git::Env;
use crate::support::installed;

const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/xliff-1.2/xliff-core-1.2-strict.xsd"
);

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("reads the file")
}

#[test]
fn a_translation_is_written_in_its_file_with_the_text_it_translates() {
    let env = Env::new();
    let before = read(&env.activity("I.1.1"));
    let out = env
        .programa(&[
            "translate",
            "I.1.1",
            "--lang",
            "es",
            "title=Comité de Apoyo Técnico para la Integración Regional",
        ])
        .ok();
    assert_eq!(out, "I.1.1: es translation of title added\n");
    let after = read(&env.activity("I.1.1"));
    assert!(
        after.starts_with(&before),
        "the file's own text is untouched"
    );
    let added = &after[before.len()..];
    assert!(
        added.starts_with(
            "\n[translations.es.title]\ntext = \"Comité de Apoyo Técnico para la Integración Regional\"\nsource = \""
        ),
        "{added}"
    );
    // The recorded source is the fingerprint of the English title.
    let value: toml::Table = toml::from_str(&after).expect("still TOML");
    let source = value["translations"]["es"]["title"]["source"]
        .as_str()
        .expect("a source");
    assert_eq!(source.len(), 16);
    assert!(source.bytes().all(|b| b.is_ascii_hexdigit()));

    // Taking it out gives back the file to the byte.
    env.programa(&["translate", "I.1.1", "--lang", "es", "title="])
        .ok();
    assert_eq!(read(&env.activity("I.1.1")), before);
}

#[test]
fn lists_are_translated_item_by_item_and_count_only_when_whole() {
    let env = Env::new();
    env.programa(&["translate", "I.1.1", "objectives.1=Evaluar la magnitud."])
        .ok();
    let fields = env.programa(&["translations", "--fields"]).ok();
    assert!(
        fields.contains("I.1.1/objectives") && fields.contains("incomplete"),
        "{fields}"
    );
    env.programa(&[
        "translate",
        "I.1.1",
        "objectives.2=Desarrollar una estrategia.",
    ])
    .ok();
    let json = env.programa(&["translations", "--json"]).ok();
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let file = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["file"] == "I.1.1")
        .expect("I.1.1");
    let objectives = file["field_standings"]
        .as_array()
        .expect("fields")
        .iter()
        .find(|f| f["field"] == "objectives")
        .expect("objectives");
    assert_eq!(objectives["standing"], "translated");
    assert_eq!(report["lang"], "es");

    let wrong = env
        .programa(&["translate", "I.1.1", "objectives.3=Tercero"])
        .fails();
    assert!(wrong.contains("there is no item 3"), "{wrong}");
    let whole = env
        .programa(&["translate", "I.1.1", "objectives=Todo junto"])
        .fails();
    assert!(whole.contains("item by item"), "{whole}");
}

#[test]
fn a_misnamed_field_is_refused_with_the_closest_name_and_nothing_changes() {
    let env = Env::new();
    let before = read(&env.activity("I.1.1"));
    let err = env
        .programa(&["translate", "I.1.1", "--lang", "es", "backgroud=Texto"])
        .fails();
    assert!(err.contains("`backgroud`"), "{err}");
    assert!(err.contains("did you mean `background`?"), "{err}");
    assert_eq!(read(&env.activity("I.1.1")), before);
    let same = env
        .programa(&["translate", "I.1.1", "--lang", "en", "title=Same"])
        .fails();
    assert!(same.contains("written in en"), "{same}");
}

#[test]
fn check_notes_what_is_missing_and_warns_of_a_stale_translation_with_the_commit() {
    let env = Env::new();
    let untranslated = env.programa(&["check"]).ok();
    assert!(
        !untranslated.contains("translation"),
        "nothing said before translating starts: {untranslated}"
    );
    env.programa(&["translate", "I.1.1", "title=Comité de Apoyo Técnico"])
        .ok();
    env.commit("Translate a title", "2021-02-01T10:00:00+00:00");
    let partial = env.programa(&["check"]).ok();
    assert!(partial.contains("note[missing-translation]"), "{partial}");
    assert!(
        partial.contains("5 of 6 files have no Spanish translation yet"),
        "{partial}"
    );
    assert!(
        partial.contains("no Spanish translation of `venue`"),
        "{partial}"
    );
    assert!(!partial.contains("stale-translation"), "{partial}");

    env.programa(&["set", "I.1.1", "title=Technical Support Committee"])
        .ok();
    env.commit("Shorten the title", "2021-03-01T10:00:00+00:00");
    let commit = env.git(&["rev-parse", "--short", "HEAD"]);
    let stale = env.programa(&["check"]).ok();
    assert!(stale.contains("warning[stale-translation]"), "{stale}");
    assert!(
        stale.contains(&format!("in {} (2021-03-01, Ana Pérez)", commit.trim())),
        "{stale}"
    );
    // The line quoted is that of the translation's record of its source.
    assert!(stale.contains("source = \""), "{stale}");

    env.programa(&["translate", "I.1.1", "--confirm", "title"])
        .ok();
    let confirmed = env.programa(&["check"]).ok();
    assert!(!confirmed.contains("stale-translation"), "{confirmed}");
}

#[test]
fn the_programme_file_is_translated_by_paths_and_diff_says_so() {
    let env = Env::new();
    env.programa(&[
        "translate",
        "programme",
        "areas/I/title=Relaciones Intrarregionales",
        "title=Programa de Trabajo para el año 2021",
    ])
    .ok();
    let text = read(&env.path("programme/2021/programme.toml"));
    assert!(
        text.contains(
            "[translations.es.\"areas/I/title\"]\ntext = \"Relaciones Intrarregionales\""
        ),
        "{text}"
    );
    let diff = env.programa(&["diff"]).ok();
    assert!(
        diff.contains("es translation of areas/I/title added"),
        "{diff}"
    );
    assert!(diff.contains("es translation of title added"), "{diff}");
    let report = env.programa(&["translations"]).ok();
    assert!(report.contains("programme"), "{report}");
    assert!(report.contains("2/"), "{report}");
}

#[test]
fn translations_of_different_fields_on_two_branches_merge() {
    let env = Env::new();
    env.programa(&["git-setup"]).ok();
    env.commit("Set up the drivers", "2021-01-11T09:00:00+00:00");
    env.git(&["checkout", "-q", "-b", "other"]);
    env.programa(&["translate", "I.1.1", "venue=Caracas, Venezuela"])
        .ok();
    env.commit("Translate the venue", "2021-01-12T09:00:00+00:00");
    env.git(&["checkout", "-q", "main"]);
    env.programa(&["translate", "I.1.1", "title=Comité de Apoyo Técnico"])
        .ok();
    env.commit("Translate the title", "2021-01-13T09:00:00+00:00");
    env.git(&["merge", "-q", "--no-edit", "other"]);
    let merged = read(&env.activity("I.1.1"));
    assert!(merged.contains("[translations.es.title]"), "{merged}");
    assert!(merged.contains("[translations.es.venue]"), "{merged}");
    assert!(!merged.contains("<<<<<<<"), "{merged}");
    env.programa(&["check"]).ok();
}

/// The units of an XLIFF file as translate-toolkit (the reader of Pootle, Virtaal and
/// Weblate) reads them: `id<TAB>source<TAB>target` per line, newlines escaped.
fn units_by_translate_toolkit(path: &Path) -> Vec<(String, String, String)> {
    let script = r#"
import sys
from translate.storage import xliff
store = xliff.xlifffile.parsefile(sys.argv[1])
for unit in store.units:
    if unit.isheader():
        continue
    esc = lambda s: (s or "").replace("\\", "\\\\").replace("\n", "\\n")
    # translate-toolkit prefixes an id with its file's `original` and U+0004.
    print(unit.getid().split("\x04")[-1] + "\t" + esc(unit.source) + "\t" + esc(unit.target))
"#;
    let output = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "translate-toolkit could not read the file: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| {
            let mut parts = line
                .splitn(3, '\t')
                .map(|p| p.replace("\\n", "\n").replace("\\\\", "\\"));
            (
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
            )
        })
        .collect()
}

/// Whether translate-toolkit can be imported; required under `PROGRAMA_REQUIRE_TOOLS`.
fn translate_toolkit() -> bool {
    if !installed("python3", "python3") {
        return false;
    }
    let found = Command::new("python3")
        .args(["-c", "import translate.storage.xliff"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("PROGRAMA_REQUIRE_TOOLS").is_none(),
            "translate-toolkit is missing: pip install translate-toolkit"
        );
        eprintln!("skipped: translate-toolkit is not installed (pip install translate-toolkit)");
    }
    found
}

#[test]
fn an_export_is_valid_xliff_that_a_translation_tool_reads_fills_and_gives_back() {
    if !installed("xmllint", "libxml2-utils") || !translate_toolkit() {
        return;
    }
    let env = Env::new();
    env.programa(&["translate", "I.1.1", "title=Comité de Apoyo Técnico"])
        .ok();
    let exported = env.root.join("es.xlf");
    env.programa(&["translations", "export", "--lang", "es", "-o", "es.xlf"])
        .ok();
    let valid = Command::new("xmllint")
        .args(["--noout", "--schema", SCHEMA])
        .arg(&exported)
        .output()
        .expect("xmllint runs");
    assert!(
        valid.status.success(),
        "not valid XLIFF 1.2: {}",
        String::from_utf8_lossy(&valid.stderr)
    );

    let units = units_by_translate_toolkit(&exported);
    let ids: Vec<&str> = units.iter().map(|(id, _, _)| id.as_str()).collect();
    assert!(
        !ids.contains(&"I.1.1/title"),
        "translated fields are left out: {ids:?}"
    );
    assert!(ids.contains(&"I.1.1/background"), "{ids:?}");
    assert!(ids.contains(&"I.1.1/objectives.2"), "{ids:?}");
    assert!(ids.contains(&"programme/areas/I/title"), "{ids:?}");
    let background = &units
        .iter()
        .find(|u| u.0 == "I.1.1/background")
        .expect("unit")
        .1;
    assert!(
        background.contains("regional institutions' programmes.\n\nIn 2019"),
        "paragraphs survive: {background:?}"
    );

    // The tool fills two units and saves; meanwhile someone rewords the source of a third.
    let fill = r#"
import sys
from translate.storage import xliff
store = xliff.xlifffile.parsefile(sys.argv[1])
wanted = {
    "I.1.1/objectives.1": "Evaluar la magnitud de los efectos económicos.",
    "I.1.1/objectives.2": "Desarrollar una estrategia institucional.",
    "I.1.2/title": "Un título traducido",
}
for unit in store.units:
    id = unit.getid().split("\x04")[-1]
    if id in wanted:
        unit.target = wanted[id]
store.savefile(sys.argv[1])
"#;
    let filled = Command::new("python3")
        .arg("-c")
        .arg(fill)
        .arg(&exported)
        .output()
        .expect("python3 runs");
    assert!(
        filled.status.success(),
        "{}",
        String::from_utf8_lossy(&filled.stderr)
    );
    let i12 = read(&env.activity("I.1.2"));
    let old_title = i12
        .lines()
        .find_map(|l| l.strip_prefix("title = \""))
        .and_then(|l| l.strip_suffix('"'))
        .expect("a title")
        .to_string();
    env.programa(&["set", "I.1.2", &format!("title={old_title} (revised)")])
        .ok();
    let i12_before = read(&env.activity("I.1.2"));

    let import = env.programa(&["translations", "import", "es.xlf"]);
    assert_eq!(import.code, 1, "a refused unit fails the command");
    assert!(
        import.stdout.contains("I.1.1: 1 field translated into es"),
        "{}",
        import.stdout
    );
    assert!(
        import
            .stderr
            .contains("I.1.2/title: the text of `title` has changed since the file was exported"),
        "{}",
        import.stderr
    );
    assert_eq!(
        read(&env.activity("I.1.2")),
        i12_before,
        "the refused unit's file is untouched"
    );
    let i11: toml::Table = toml::from_str(&read(&env.activity("I.1.1"))).expect("TOML");
    let objectives = i11["translations"]["es"]["objectives"]["text"]
        .as_array()
        .expect("a list");
    assert_eq!(objectives.len(), 2);
    assert_eq!(
        objectives[1].as_str(),
        Some("Desarrollar una estrategia institucional.")
    );
    let check = env.programa(&["check"]).ok();
    assert!(!check.contains("objectives"), "{check}");
}

#[test]
fn an_import_that_is_not_xliff_is_placed_and_changes_nothing() {
    let env = Env::new();
    std::fs::write(
        env.root.join("bad.xlf"),
        "<xliff version=\"1.2\">\n<file>\n</xliff>\n",
    )
    .expect("writes");
    let status = env.git(&["status", "--porcelain"]);
    let err = env.programa(&["translations", "import", "bad.xlf"]).fails();
    assert!(err.contains("bad.xlf:3:"), "{err}");
    assert_eq!(env.git(&["status", "--porcelain"]), status);
}
