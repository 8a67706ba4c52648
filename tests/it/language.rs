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
