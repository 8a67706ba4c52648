//! A document's edition in another language than the programme's: translated text printed,
//! untranslated text set in its own language and marked, the share translated on the cover and
//! in the PDF's metadata; read back with `pdftotext` and `pdfinfo` (poppler-utils).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::render::pdf_text;
use crate::support::{copy_dir, poppler, stdout_of};

/// A temporary workspace holding the small programme.
fn mini() -> tempfile::TempDir {
    workspace("tests/fixtures/mini/programme/2021")
}

/// A temporary workspace holding the programme at `source` (relative to the crate) as 2021's.
fn workspace(source: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join(source);
    copy_dir(&from, &dir.path().join("programme/2021"));
    dir
}

/// Compiles `document` in `lang` in `dir`, returning the PDF's path.
fn compile(dir: &Path, document: &str, lang: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(format!("{document}-{lang}.pdf"));
    let output = crate::support::programa()
        .arg("--root")
        .arg(dir)
        .args(["compile", document, "--lang", lang, "-o"])
        .arg(&out)
        .args(extra)
        .output()
        .expect("runs programa");
    stdout_of("compile", output);
    out
}

/// The PDF's text, with the word joiner that keeps a mark on its word's line taken out.
fn text(pdf: &Path) -> String {
    collapse(&pdf_text(pdf))
}

/// The PDF's text with its layout kept, so that a line of a table or a record reads as one.
fn table_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8", "-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (install poppler-utils)");
    collapse(&String::from_utf8_lossy(&output.stdout))
}

/// Whitespace collapsed, without word joiners.
fn collapse(text: &str) -> String {
    text.replace('\u{2060}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What `pdfinfo` says of the PDF.
fn info(pdf: &Path) -> String {
    let output = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (install poppler-utils)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The value of one `pdfinfo` field ("Title", "Keywords"), if it is there.
fn field(info: &str, name: &str) -> Option<String> {
    info.lines()
        .find_map(|line| line.strip_prefix(&format!("{name}:")))
        .map(collapse)
}

/// The words the PDF hyphenates at a line's end, as `pdftotext` shows them (a soft hyphen).
fn hyphenated(pdf: &Path) -> BTreeSet<String> {
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (install poppler-utils)");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.trim_end().strip_suffix('\u{00AD}'))
        .filter_map(|line| line.split_whitespace().last())
        .map(str::to_string)
        .collect()
}

#[test]
fn an_untranslated_programme_in_spanish_is_marked_and_says_nothing_is_translated() {
    if !poppler() {
        return;
    }
    let dir = mini();
    let es = compile(dir.path(), "programme", "es", &[]);
    let shown = text(&es);
    assert!(
        shown.contains("Traducido al español: 0 % del texto."),
        "{shown}"
    );
    assert!(
        shown.contains(
            "Los textos aún sin traducir se reproducen en inglés, su idioma original, y llevan la marca EN."
        ),
        "{shown}"
    );
    // Each title is marked: the area's, the programme's, the project's, the activity's.
    for title in [
        "Área I. Intra-Regional Relations EN",
        "Programa: Integration process and economic growth in Latin America and the Caribbean EN",
        "Proyecto I.1. Assessment of the Latin American and Caribbean integration process EN",
        "Actividad I.1.1. Technical Support Committee for Regional Integration EN",
    ] {
        assert!(
            shown.to_lowercase().contains(&title.to_lowercase()),
            "{title:?} in {shown}"
        );
    }
    let meta = info(&es);
    assert_eq!(
        field(&meta, "Subject").as_deref(),
        Some("Traducido al español: 0 % del texto."),
        "{meta}"
    );
    assert_eq!(
        field(&meta, "Keywords").as_deref(),
        Some("Permanent Secretariat of SELA, Programa de Trabajo, 2021"),
        "{meta}"
    );

    // The English edition of an English programme marks nothing and states no share.
    let en = compile(dir.path(), "programme", "en", &[]);
    let shown = text(&en);
    assert!(!shown.contains(" EN"), "{shown}");
    assert!(!shown.contains("Translated into"), "{shown}");
    let meta = info(&en);
    assert_eq!(field(&meta, "Subject"), None, "{meta}");
    assert_eq!(
        field(&meta, "Keywords").as_deref(),
        Some("Permanent Secretariat of SELA, Work Programme, 2021"),
        "{meta}"
    );
}

#[test]
fn english_footnotes_of_a_spanish_edition_are_hyphenated_as_english() {
    if !poppler() {
        return;
    }
    // The 2021 programme: footnotes with English references ("Available at: …").
    let dir = workspace("programme/2021");
    let en = hyphenated(&compile(dir.path(), "programme", "en", &[]));
    let es = hyphenated(&compile(dir.path(), "programme", "es", &[]));
    assert!(en.len() > 20, "the programme hyphenates words: {en:?}");
    // The English text breaks at the same points in both editions: none by Spanish rules
    // ("Avai-lable").
    assert_eq!(es, en);
}

#[test]
fn spanish_numbers_dates_and_percentages_follow_spanish_style() {
    if !poppler() {
        return;
    }
    let dir = mini();
    let folder = dir.path().join("tpl");
    std::fs::create_dir_all(&folder).expect("mkdir");
    for (name, text) in programa::render::templates::EMBEDDED {
        std::fs::write(folder.join(name), text).expect("writes a template");
    }
    std::fs::write(
        folder.join("numbers.typ"),
        r#"#import "style.typ": *
#let d(y, m, dd) = (year: y, month: m, day: dd)
#fmt-int(12345, "es") | #fmt-int(1234, "es") | #fmt-int(1234567, "es") | #fmt-int(12345, "en") | #fmt-int(1234, "en")

#fmt-pct(85.14, "es") | #fmt-pct(85.14, "en") | #fmt-percent(40, "es") | #fmt-percent(40, "en")

#fmt-range-words(d(2021, 6, 14), d(2021, 6, 15), "es") | #fmt-range-words(d(2021, 5, 30), d(2021, 6, 1), "es") | #fmt-range-words(d(2021, 6, 14), none, "es") | #fmt-range-words(d(2021, 6, 14), d(2021, 6, 15), "en")
"#,
    )
    .expect("writes the template");
    let template = folder.join("numbers.typ");
    let template = template.to_str().expect("a UTF-8 path");
    let pdf = compile(dir.path(), "programme", "es", &["--template", template]);
    let shown = table_text(&pdf);
    for expected in [
        // Thousands in groups set apart by a space, four digits together.
        "12 345 | 1234 | 1 234 567 | 12,345 | 1,234",
        // A decimal comma and the sign set apart in Spanish, as SELA's English writes it in English.
        "85,1 % | 85.1% | 40 % | 40%",
        "del 14 al 15 de junio de 2021 | del 30 de mayo al 1 de junio de 2021 | el 14 de junio de 2021 | 14–15 June 2021",
    ] {
        assert!(shown.contains(expected), "{expected:?} in {shown:?}");
    }
}

#[test]
fn the_spanish_report_speaks_of_planned_held_and_ongoing_activities_in_spanish() {
    if !poppler() {
        return;
    }
    let dir = mini();
    let es = compile(dir.path(), "report", "es", &[]);
    let shown = table_text(&es);
    for needle in [
        "Informe de seguimiento",
        "Estado Programada",
        "Estado En curso, 40 %",
        "Fechas Celebrada del 14 al 15 de junio de 2021",
        "Fechas Prevista del 1 al 2 de septiembre de 2021",
        "lo que representa una tasa de ejecución del 20,0 %",
        // The progress note is in English, set as English and marked.
        "Notas EN 16 de junio de 2021: Held in Caracas with 14 delegations.",
        "Traducido al español: 0 % del texto.",
    ] {
        assert!(shown.contains(needle), "{needle:?} in {shown}");
    }
    for wrong in ["Estado Prevista", "Realizada", "Informe de Seguimiento"] {
        assert!(!shown.contains(wrong), "{wrong:?} in {shown}");
    }
    let meta = info(&es);
    assert_eq!(
        field(&meta, "Title").as_deref(),
        Some("Informe de seguimiento 2021")
    );
    assert_eq!(
        field(&meta, "Keywords").as_deref(),
        Some("Permanent Secretariat of SELA, Informe de seguimiento, 2021")
    );
}

/// A temporary workspace holding the bilingual programme: English text, some of it translated
/// into Spanish by `programa translate`, one translation stale, some fields not translated.
fn bilingual() -> tempfile::TempDir {
    workspace("tests/fixtures/bilingual/programme/2021")
}

#[test]
fn the_fixture_has_one_stale_translation_and_fields_left_untranslated() {
    // What the other tests of the bilingual programme stand on.
    let dir = bilingual();
    let output = crate::support::programa()
        .arg("--root")
        .arg(dir.path())
        .args(["translations", "--lang", "es", "--fields", "--json"])
        .output()
        .expect("runs programa");
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of("translations", output)).expect("JSON");
    let mut standing = std::collections::BTreeMap::new();
    for file in json["files"].as_array().expect("files") {
        for field in file["field_standings"].as_array().expect("fields") {
            let id = format!(
                "{}/{}",
                file["file"].as_str().unwrap_or_default(),
                field["field"].as_str().unwrap_or_default()
            );
            standing.insert(
                id,
                field["standing"].as_str().unwrap_or_default().to_string(),
            );
        }
    }
    let stale: Vec<&String> = standing
        .iter()
        .filter(|(_, s)| *s == "stale")
        .map(|(id, _)| id)
        .collect();
    assert_eq!(stale, ["I.1.2/background"], "{standing:?}");
    for (id, expected) in [
        ("programme/title", "translated"),
        ("programme/areas/II/title", "missing"),
        ("I.1.1/objectives", "translated"),
        ("I.1.1/footnotes/1", "translated"),
        ("I.1.2/objectives", "missing"),
        ("II.1.1/title", "missing"),
    ] {
        assert_eq!(
            standing.get(id).map(String::as_str),
            Some(expected),
            "{id}: {standing:?}"
        );
    }
}

#[test]
fn a_spanish_edition_prints_current_translations_and_the_source_of_stale_ones() {
    if !poppler() {
        return;
    }
    let dir = bilingual();
    let es = compile(dir.path(), "programme", "es", &[]);
    let shown = text(&es);
    for translated in [
        "Programa de Trabajo del Foro para el año 2021",
        "Área I. Comercio y logística",
        "Programa: Corredores regionales",
        "Proyecto I.1. Eficiencia portuaria y transporte marítimo regional",
        "Actividad I.1.1. Taller sobre logística portuaria",
        "Comparar los métodos de programación de atraques entre las autoridades portuarias.",
        "Un conjunto común de indicadores del tiempo de espera.",
        "Notas sobre la programación de atraques",
        "Actividad I.1.2. Estudio sobre los costos del cabotaje",
    ] {
        assert!(shown.contains(translated), "{translated:?} in {shown}");
    }
    // The stale translation is not printed: the English it no longer translates is, marked
    // in the margin.
    assert!(!shown.contains("El cabotaje podría"), "{shown}");
    assert!(
        shown.contains("EN Coastal shipping could carry more of the region's freight if its costs and delays were better known."),
        "{shown}"
    );
    // The field never translated, and the activity none of whose text is: in English, marked.
    for untranslated in [
        "Área II. Digital Economy EN",
        "Actividad II.1.1. Virtual Meeting on Rural Broadband EN",
        "EN Estimate the cost of coastal shipping on three routes.",
    ] {
        assert!(shown.contains(untranslated), "{untranslated:?} in {shown}");
    }
    for english in [
        "Workshop on Port Logistics",
        "Trade and Logistics",
        "Work Programme of",
    ] {
        assert!(!shown.contains(english), "{english:?} in {shown}");
    }
    // Of the 188 words of English text the document prints, 130 are printed in translation
    // (62 of the programme file, 63 of I.1.1, I.1.2's title's 5): 69 %, rounded down.
    let share = "Traducido al español: 69 % del texto.";
    assert!(shown.contains(share), "{share:?} in {shown}");
    assert!(
        shown.contains("Los textos aún sin traducir se reproducen en inglés"),
        "{shown}"
    );
    let meta = info(&es);
    assert_eq!(
        field(&meta, "Title").as_deref(),
        Some("Programa de Trabajo del Foro para el año 2021"),
        "{meta}"
    );
    assert_eq!(
        field(&meta, "Author").as_deref(),
        Some("Secretaría del Foro de Cooperación Regional"),
        "{meta}"
    );
    assert_eq!(field(&meta, "Subject").as_deref(), Some(share), "{meta}");
}

#[test]
fn a_spanish_report_prints_current_translations_spanish_countries_and_dates() {
    if !poppler() {
        return;
    }
    let dir = bilingual();
    let es = compile(dir.path(), "report", "es", &[]);
    let shown = table_text(&es);
    for needle in [
        "Taller sobre logística portuaria",
        "Estudio sobre los costos del cabotaje",
        "Puerto España",
        "Fechas Celebrada del 3 al 4 de marzo de 2021",
        // The study under way has started, not been held or completed.
        "Fechas Iniciada el 12 de abril de 2021",
        "Estado En curso, 40 %",
        "República Dominicana",
        "Brasil",
        "Trinidad y Tobago",
        "Virtual Meeting on Rural Broadband EN",
    ] {
        assert!(shown.contains(needle), "{needle:?} in {shown}");
    }
    for wrong in [
        "Workshop on Port Logistics",
        "Port of Spain",
        "Dominican Republic",
        "Brazil",
    ] {
        assert!(!shown.contains(wrong), "{wrong:?} in {shown}");
    }
    let meta = info(&es);
    assert_eq!(
        field(&meta, "Author").as_deref(),
        Some("Secretaría del Foro de Cooperación Regional"),
        "{meta}"
    );
    // Of the 40 words of English text the report prints (the organisation, area and activity
    // titles, the venue, the expected result, the progress note), 28 are in translation; the
    // progress note, a record kept in English, and the untranslated titles are not.
    let share = "Traducido al español: 70 % del texto.";
    assert!(shown.contains(share), "{share:?} in {shown}");
    assert_eq!(field(&meta, "Subject").as_deref(), Some(share), "{meta}");
}
