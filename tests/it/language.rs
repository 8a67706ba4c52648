//! The interface's language: chosen by `PROGRAMA_LANG`, then the locale variables, and spoken
//! by the binary's messages.

use std::path::Path;
use std::process::Output;

use crate::support::copy_dir;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// A copy of the small fixture programme.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(Path::new(FIXTURE), dir.path());
    dir
}

/// `programa --root DIR ARGS` with these variables set over the pinned environment, less its
/// `PROGRAMA_LANG`, so that the locale decides unless the test sets it.
fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = crate::support::programa();
    command
        .env_remove("PROGRAMA_LANG")
        .arg("--root")
        .arg(dir)
        .args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    command.output().expect("runs programa")
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_locale_chooses_spanish_and_programa_lang_overrides_it() {
    let dir = fixture();
    let unchanged = ["set", "I.1.1", "status=completed"];
    let said = |env: &[(&str, &str)]| stdout(&run(dir.path(), &unchanged, env));
    assert_eq!(said(&[]), "I.1.1: no changes\n");
    assert_eq!(said(&[("LANG", "es_ES.UTF-8")]), "I.1.1: sin cambios\n");
    assert_eq!(said(&[("LC_ALL", "es_VE.UTF-8")]), "I.1.1: sin cambios\n");
    assert_eq!(said(&[("PROGRAMA_LANG", "es")]), "I.1.1: sin cambios\n");
    let overridden = [("LANG", "es_ES.UTF-8"), ("PROGRAMA_LANG", "en")];
    assert_eq!(said(&overridden), "I.1.1: no changes\n");
    assert_eq!(said(&[("LANG", "fr_FR.UTF-8")]), "I.1.1: no changes\n");
}

/// What `programa ARGS` prints on standard output, in the language these variables choose.
fn help(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = crate::support::programa();
    command.env_remove("PROGRAMA_LANG").args(args);
    for (name, value) in env {
        command.env(name, value);
    }
    stdout(&command.output().expect("runs programa"))
}

#[test]
fn help_speaks_spanish_headings_commands_and_options() {
    let spanish = [("PROGRAMA_LANG", "es")];
    let top = help(&["--help"], &spanish);
    for words in [
        "Lleva el programa de trabajo anual de un organismo",
        "Uso: programa [OPTIONS] [COMMAND]",
        "Órdenes:\n",
        "Opciones:\n",
        "Lista las actividades de un año, filtradas",
        "Muestra esta ayuda o la de la orden indicada",
        "Muestra la versión",
        "El año del programa [predeterminado: el último año presente]",
        "- auto:   En una terminal, salvo que NO_COLOR esté definida",
        "[predeterminado: auto]",
    ] {
        assert!(top.contains(words), "`{words}` in:\n{top}");
    }
    for english in [
        "Usage:",
        "Commands:",
        "Options:",
        "Print help",
        "[default:",
        "Possible",
    ] {
        assert!(!top.contains(english), "`{english}` in:\n{top}");
    }
    let list = help(&["list", "--help"], &[("LANG", "es_ES.UTF-8")]);
    for words in [
        "Uso: programa list [OPTIONS] [TEXT]...",
        "Argumentos:\n  [TEXT]...",
        "Opciones:\n",
        "Los filtros se combinan:",
        "Solo las actividades con este estado\n",
        "Muestra la ayuda (-h da un resumen)",
    ] {
        assert!(list.contains(words), "`{words}` in:\n{list}");
    }
    let short = help(&["list", "-h"], &spanish);
    assert!(
        short.contains("Muestra la ayuda (--help la da completa)"),
        "{short}"
    );
    assert!(short.contains("[predeterminado: auto]"), "{short}");
    assert!(
        !short.contains("Los filtros se combinan"),
        "-h is the summary:\n{short}"
    );
    assert_eq!(
        help(&["help", "list"], &spanish),
        list,
        "help CMD is CMD --help"
    );
    let import = help(&["import", "--help"], &spanish);
    assert!(import.contains("Ejemplo: programa import"), "{import}");
}

#[test]
fn help_stays_english_unless_spanish_is_chosen() {
    for env in [
        &[][..],
        &[("LANG", "es_ES.UTF-8"), ("PROGRAMA_LANG", "en")][..],
    ] {
        let top = help(&["--help"], env);
        assert!(
            top.starts_with("Keep an organisation's annual work programme"),
            "{top}"
        );
        assert!(top.contains("Usage: programa [OPTIONS] [COMMAND]"), "{top}");
        assert!(top.contains("Print help"), "{top}");
    }
    let page = help(&["man", "list"], &[("PROGRAMA_LANG", "es")]);
    assert!(
        page.contains("Only activities with this status"),
        "man pages stay English"
    );
}

/// `programa ARGS` in Spanish, which clap refuses: its standard error.
fn refused(args: &[&str]) -> String {
    let output = crate::support::programa()
        .env("PROGRAMA_LANG", "es")
        .args(args)
        .output()
        .expect("runs programa");
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    assert!(output.stdout.is_empty());
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_command_line_clap_cannot_read_is_refused_in_spanish() {
    let unknown = refused(&["list", "--bogus"]);
    assert!(
        unknown.starts_with("error: argumento inesperado: '--bogus'\n"),
        "{unknown}"
    );
    assert!(
        unknown.contains("\n\nUso: programa list [OPTIONS]"),
        "{unknown}"
    );
    assert!(
        unknown.ends_with("\n\nPara más información, pruebe '--help'.\n"),
        "{unknown}"
    );
    let misspelt = refused(&["lsit"]);
    assert!(misspelt.contains("orden desconocida: 'lsit'"), "{misspelt}");
    assert!(
        misspelt.contains("sugerencia: existen órdenes parecidas: 'set', 'list'"),
        "{misspelt}"
    );
    let value = refused(&["list", "--status", "done"]);
    assert!(
        value.contains("valor no válido 'done' para '--status"),
        "{value}"
    );
    assert!(value.contains("\n  [valores posibles: "), "{value}");
    let missing = refused(&["show"]);
    assert!(
        missing.contains("faltan estos argumentos obligatorios:\n  <CODE>"),
        "{missing}"
    );
}
