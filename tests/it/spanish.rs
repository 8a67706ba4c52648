//! The command line in Spanish: `PROGRAMA_LANG=es` (or a Spanish locale) gives the findings of
//! `check`, the confirmations of edits and the errors with their hints in Spanish, at the same
//! places in the files, with the same finding codes; English stays as it was.

use std::path::Path;
use std::process::Output;

use crate::support::copy_dir;

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
const I11: &str = "programme/2021/activities/I.1.1.toml";

/// A copy of the mini programme with two mistakes in I.1.1: a misspelt key (line 6) and a
/// country that is none (in its first participant).
fn broken() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(Path::new(MINI), dir.path());
    let path = dir.path().join(I11);
    let text = std::fs::read_to_string(&path).expect("reads I.1.1");
    assert!(text.contains("status = \"completed\""));
    let text = text.replacen("status = \"completed\"", "statsu = \"completed\"", 1);
    let text = text.replacen("progress = 100", "progress = \"fifty\"", 1);
    std::fs::write(&path, text).expect("writes I.1.1");
    dir
}

/// `programa --root ROOT ARGS` with the environment `env` on top of the pinned one; an empty
/// value unsets the variable.
fn run(root: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = crate::support::programa();
    command.arg("--root").arg(root).args(args);
    for (name, value) in env {
        if value.is_empty() {
            command.env_remove(name);
        } else {
            command.env(name, value);
        }
    }
    command.output().expect("runs programa")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_findings_read_in_spanish_at_the_same_lines_and_columns() {
    let dir = broken();
    let output = run(dir.path(), &["check"], &[("PROGRAMA_LANG", "es")]);
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert_eq!(output.status.code(), Some(1), "{stdout}{stderr}");
    // The code stays an identifier; the message, the hint and the summary are Spanish.
    assert!(
        stdout.contains("error[unknown-key]: clave desconocida `statsu`\n"),
        "{stdout}"
    );
    assert!(stdout.contains("activities/I.1.1.toml:6:1\n"), "{stdout}");
    assert!(
        stdout.contains(
            "= sugerencia: ¿quiso decir `status`? las claves que el formato no conoce se ignoran"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "error[wrong-type]: `progress` debería ser un número entero de 0 a 100, no el texto \"fifty\""
        ),
        "{stdout}"
    );
    assert!(stdout.contains("activities/I.1.1.toml:7:12\n"), "{stdout}");
    assert!(
        stdout.contains("= sugerencia: escriba el número sin comillas: progress = 50"),
        "{stdout}"
    );
    assert!(
        stdout.contains("programme/2021: 5 actividades, 2 errores, 0 avisos"),
        "{stdout}"
    );
    assert!(
        stderr.contains("error: el programa de 2021 tiene 2 errores\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("sugerencia: cada observación anterior indica dónde y qué cambiar\n"),
        "{stderr}"
    );
    assert!(!stdout.contains("unknown key"), "{stdout}");
}

#[test]
fn a_spanish_locale_speaks_spanish_and_programa_lang_has_the_last_word() {
    let dir = broken();
    let spanish = run(
        dir.path(),
        &["check"],
        &[("PROGRAMA_LANG", ""), ("LANG", "es_ES.UTF-8")],
    );
    assert!(
        text(&spanish.stdout).contains("clave desconocida `statsu`"),
        "{}",
        text(&spanish.stdout)
    );
    let english = run(
        dir.path(),
        &["check"],
        &[("LANG", "es_ES.UTF-8"), ("PROGRAMA_LANG", "en")],
    );
    assert!(
        text(&english.stdout).contains("error[unknown-key]: unknown key `statsu`\n"),
        "{}",
        text(&english.stdout)
    );
}

#[test]
fn check_findings_in_english_are_as_they_were() {
    let dir = broken();
    let output = run(dir.path(), &["check"], &[("PROGRAMA_LANG", "en")]);
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout.contains("error[unknown-key]: unknown key `statsu`\n"),
        "{stdout}"
    );
    assert!(stdout.contains("activities/I.1.1.toml:6:1\n"), "{stdout}");
    assert!(
        stdout.contains("= hint: did you mean `status`? keys the format does not know are ignored"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "error[wrong-type]: `progress` should be a whole number from 0 to 100, not the text \"fifty\""
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("programme/2021: 5 activities, 2 errors, 0 warnings"),
        "{stdout}"
    );
    assert!(
        stderr.contains("error: the programme for 2021 has 2 errors\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: each finding above says where and what to change\n"),
        "{stderr}"
    );
}

#[test]
fn json_findings_keep_their_codes_and_places_with_spanish_messages() {
    let dir = broken();
    let json = |lang: &str| -> serde_json::Value {
        let output = run(
            dir.path(),
            &["check", "--format", "json"],
            &[("PROGRAMA_LANG", lang)],
        );
        serde_json::from_slice(&output.stdout).expect("JSON")
    };
    let (es, en) = (json("es"), json("en"));
    let findings = |report: &serde_json::Value| report["findings"].as_array().cloned();
    let (es, en) = (
        findings(&es).expect("findings"),
        findings(&en).expect("findings"),
    );
    assert_eq!(es.len(), 2);
    for (es, en) in es.iter().zip(&en) {
        for key in [
            "severity",
            "code",
            "file",
            "line",
            "column",
            "end_line",
            "end_column",
        ] {
            assert_eq!(es[key], en[key], "{key}");
        }
        assert_ne!(es["message"], en["message"]);
    }
    assert_eq!(es[0]["code"], "unknown-key");
    assert_eq!(es[0]["message"], "clave desconocida `statsu`");
    assert_eq!(en[0]["message"], "unknown key `statsu`");
}

#[test]
fn a_refused_edit_says_why_and_what_to_do_in_spanish() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(Path::new(MINI), dir.path());
    let before = std::fs::read_to_string(dir.path().join(I11)).expect("reads I.1.1");
    let output = run(
        dir.path(),
        &["set", "I.1.1", "statsu=ongoing"],
        &[("PROGRAMA_LANG", "es")],
    );
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr
            .starts_with("error: clave desconocida `statsu`\nsugerencia: ¿quiso decir `status`?\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("sugerencia: claves que se pueden asignar: "),
        "{stderr}"
    );
    let after = std::fs::read_to_string(dir.path().join(I11)).expect("reads I.1.1");
    assert_eq!(before, after, "nothing written");

    let english = run(dir.path(), &["set", "I.1.1", "statsu=ongoing"], &[]);
    assert!(
        text(&english.stderr)
            .starts_with("error: unknown key `statsu`\nhint: did you mean `status`?\n"),
        "{}",
        text(&english.stderr)
    );

    let missing = run(
        dir.path(),
        &["set", "I.1.9", "progress=10"],
        &[("PROGRAMA_LANG", "es")],
    );
    assert!(
        text(&missing.stderr).starts_with("error: no existe la actividad I.1.9\n"),
        "{}",
        text(&missing.stderr)
    );
}

#[test]
fn spanish_words_are_read_in_commands_and_files_and_english_is_written() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(Path::new(MINI), dir.path());
    let path = dir.path().join("programme/2021/activities/I.1.2.toml");
    let read = |path: &Path| std::fs::read_to_string(path).expect("reads the file");

    // `set` takes the Spanish word, in any case and with or without accents, and writes English.
    let set = run(
        dir.path(),
        &["set", "I.1.2", "status=Terminada", "progress=100"],
        &[],
    );
    assert!(set.status.success(), "{}", text(&set.stderr));
    assert!(read(&path).contains("status = \"completed\"\n"));
    let set = run(
        dir.path(),
        &["set", "I.1.2", "status=en curso", "progress=50"],
        &[],
    );
    assert!(set.status.success(), "{}", text(&set.stderr));
    assert!(read(&path).contains("status = \"ongoing\"\n"));

    // A file written by hand in Spanish is read as it means.
    let i21 = dir.path().join("programme/2021/activities/I.2.1.toml");
    let hand = read(&i21).replacen("format = \"virtual\"", "format = \"híbrido\"", 1);
    std::fs::write(&i21, hand).expect("writes I.2.1");
    let check = run(dir.path(), &["check"], &[]);
    assert!(check.status.success(), "{}", text(&check.stdout));
    let listed = run(
        dir.path(),
        &[
            "list",
            "--format",
            "hibrida",
            "--status",
            "Prevista,en curso",
        ],
        &[("PROGRAMA_LANG", "es")],
    );
    let stdout = text(&listed.stdout);
    assert!(listed.status.success(), "{}", text(&listed.stderr));
    assert!(stdout.contains("I.2.1"), "{stdout}");
    assert!(stdout.contains("evento híbrido"), "{stdout}");
    assert!(!stdout.contains("I.1.2"), "{stdout}");
    let all = text(&run(dir.path(), &["list"], &[("PROGRAMA_LANG", "es")]).stdout);
    assert!(
        all.contains("en curso") && all.contains("terminada"),
        "{all}"
    );
    let header = all.lines().next().unwrap_or_default();
    let row = all
        .lines()
        .find(|l| l.starts_with("I.1.2"))
        .unwrap_or_default();
    let column = |line: &str, word: &str| line.find(word).map(|at| line[..at].chars().count());
    assert_eq!(column(header, "TIPO"), column(row, "estudio"), "{all}");
    assert!(
        !all.contains("ongoing") && !all.contains("completed"),
        "{all}"
    );

    // The new activity's kind and a participant's role, in Spanish.
    let new = run(
        dir.path(),
        &[
            "new",
            "--project",
            "I.1",
            "--title",
            "Estudio nuevo",
            "--kind",
            "estudio",
        ],
        &[],
    );
    assert!(new.status.success(), "{}", text(&new.stderr));
    let created = read(&dir.path().join("programme/2021/activities/I.1.3.toml"));
    assert!(created.contains("kind = \"study\"\n"), "{created}");
    let add = run(
        dir.path(),
        &[
            "participant",
            "add",
            "I.1.2",
            "--organisation",
            "CAF",
            "--country",
            "Perú",
            "--role",
            "ponente",
        ],
        &[],
    );
    assert!(add.status.success(), "{}", text(&add.stderr));
    assert!(read(&path).contains("role = \"speaker\"\n"));
}

#[test]
fn a_word_of_no_vocabulary_is_refused_with_the_interfaces_words() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(Path::new(MINI), dir.path());
    let before = std::fs::read_to_string(dir.path().join(I11)).expect("reads I.1.1");
    let output = run(
        dir.path(),
        &["set", "I.1.1", "status=hecha"],
        &[("PROGRAMA_LANG", "es")],
    );
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "`hecha` no es ninguno de estos valores: prevista, en curso, terminada, aplazada, cancelada"
        ),
        "{stderr}"
    );
    let after = std::fs::read_to_string(dir.path().join(I11)).expect("reads I.1.1");
    assert_eq!(before, after, "nothing written");
    let list = run(dir.path(), &["list", "--status", "hecha"], &[]);
    let stderr = text(&list.stderr);
    assert_eq!(list.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("'hecha'"), "{stderr}");
    assert!(stderr.contains("planned, ongoing, completed"), "{stderr}");
}

#[test]
fn the_importers_notes_are_in_spanish() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sela-work-programme-2021.md"
    );
    let output = run(
        dir.path(),
        &["import", seed, "--year", "2021"],
        &[("PROGRAMA_LANG", "es")],
    );
    let stderr = text(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains(":780: el proyecto II.2 tiene el título en mayúsculas"),
        "{stderr}"
    );
    assert!(!stderr.contains("is titled in capitals"), "{stderr}");
}
