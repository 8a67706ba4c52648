//! `programa compile`: the programme document and the follow-up report, checked through the
//! text of the PDFs (`pdftotext`, `pdfinfo` from poppler-utils).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use programa::model::Plan;
use programa::render::{self, Compiler, Lang, ProgrammeData, ReportData, ReportInputs, Templates};
use programa::store::{self, Workspace};

use crate::support::{BIN, poppler};

use crate::support::copy_dir;

/// The programme the tests compile: the repository's 2021 programme, or the small fixture
/// until the repository carries one.
fn programme_source() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let real = root.join("programme/2021");
    if real.join("programme.toml").is_file() {
        real
    } else {
        root.join("tests/fixtures/mini/programme/2021")
    }
}

/// A temporary workspace holding a copy of `source` as its 2021 programme.
fn workspace_from(source: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(source, &dir.path().join("programme/2021"));
    dir
}

fn workspace() -> tempfile::TempDir {
    workspace_from(&programme_source())
}

fn mini_workspace() -> tempfile::TempDir {
    workspace_from(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini/programme/2021"),
    )
}

fn plan_of(dir: &Path) -> Plan {
    let loaded = store::load(&Workspace::at(dir), 2021).expect("load");
    assert!(!loaded.has_errors(), "{:?}", loaded.findings);
    loaded.plan
}

fn programa(dir: &Path, args: &[&str]) -> Output {
    crate::support::programa()
        .current_dir(dir)
        .arg("--root")
        .arg(dir)
        .args(args)
        .output()
        .expect("run programa")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn compile_ok(dir: &Path, args: &[&str]) -> Output {
    let output = programa(dir, args);
    assert!(output.status.success(), "{}", stderr(&output));
    output
}

/// The text of a PDF, with hyphenation at line ends undone and whitespace collapsed.
pub(crate) fn pdf_text(pdf: &Path) -> String {
    pdftotext(pdf, &[])
}

/// The text of a PDF with its layout kept, so that a table's row reads as one line.
fn pdf_table_text(pdf: &Path) -> String {
    pdftotext(pdf, &["-layout"])
}

fn pdftotext(pdf: &Path, options: &[&str]) -> String {
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .args(options)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (install poppler-utils)");
    assert!(
        output.status.success(),
        "pdftotext failed on {}",
        pdf.display()
    );
    normalise(&String::from_utf8_lossy(&output.stdout))
}

fn pdf_info(pdf: &Path) -> String {
    let output = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (install poppler-utils)");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Joins words hyphenated across lines and collapses every run of whitespace to one space.
fn normalise(text: &str) -> String {
    let mut joined = String::new();
    let lines: Vec<&str> = text.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim_end();
        let next_starts_lower = lines
            .get(i + 1)
            .and_then(|l| l.trim_start().chars().next())
            .is_some_and(char::is_lowercase);
        let before_hyphen = line.chars().rev().nth(1).is_some_and(char::is_alphabetic);
        if let Some(word) = line.strip_suffix('\u{00AD}') {
            // A soft hyphen marks a word typst hyphenated: join the word.
            joined.push_str(word);
        } else if line.ends_with('-') && before_hyphen && next_starts_lower {
            joined.push_str(&line[..line.len() - 1]);
        } else {
            joined.push_str(line);
            joined.push(' ');
        }
    }
    words(&joined)
}

/// Whitespace collapsed and typographic quotes made plain, so data and PDF text compare.
fn words(text: &str) -> String {
    text.replace(['\u{2019}', '\u{2018}'], "'")
        .replace(['\u{201C}', '\u{201D}'], "\"")
        .replace('\u{00AD}', "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text a markdown string shows: markup removed, whitespace collapsed.
fn shown(markdown: &str) -> String {
    let nodes = programa::markdown::convert(markdown, &Default::default());
    words(&programa::markdown::plain_text(&nodes))
}

/// Asserts that `needle` appears in `haystack`, both normalised, allowing for a hyphen that
/// the PDF kept where the data has one at a line break.
fn assert_contains(haystack: &str, needle: &str, what: &str) {
    let needle = words(needle);
    if haystack.contains(&needle) {
        return;
    }
    // pdftotext joins a line that ends in a hyphen with the next and drops the hyphen, and
    // headings are set in capitals: compare without spaces, hyphens and case.
    let loose = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace() && *c != '-' && *c != '\u{00AD}')
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    assert!(
        loose(haystack).contains(&loose(&needle)),
        "{what} not found in the PDF: {needle:?}"
    );
}

#[test]
fn the_programme_document_holds_every_activity_objective_result_and_footnote() {
    if !poppler() {
        return;
    }
    let dir = workspace();
    let out = dir.path().join("programme.pdf");
    let output = compile_ok(dir.path(), &["compile", "programme", "-o", "programme.pdf"]);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "programme.pdf",
        "the output path is printed"
    );
    let text = pdf_text(&out);
    let plan = plan_of(dir.path());
    assert!(!plan.activities.is_empty());
    for activity in &plan.activities {
        assert_contains(
            &text,
            &activity.title,
            &format!("title of {}", activity.code),
        );
        for objective in &activity.objectives {
            assert_contains(
                &text,
                &shown(objective),
                &format!("objective of {}", activity.code),
            );
        }
        for result in &activity.expected_results {
            assert_contains(
                &text,
                &shown(result),
                &format!("result of {}", activity.code),
            );
        }
        for note in &activity.footnotes {
            assert_contains(
                &text,
                &shown(&note.text),
                &format!("footnote of {}", activity.code),
            );
        }
    }
    for heading in [
        "Contents",
        "A. Background and justification",
        "B. Objectives",
        "C. Expected results",
        "D. Format of the activity",
    ] {
        assert_contains(&text, heading, "section heading");
    }
    assert_contains(&text, &plan.programme.title, "the title");
    assert_contains(&text, &plan.programme.organisation, "the organisation");

    let info = pdf_info(&out);
    assert!(info.contains(&plan.programme.title), "{info}");
    assert!(info.contains(&plan.programme.organisation), "{info}");
}

#[test]
fn the_contents_lists_activities_with_page_numbers_and_the_pdf_has_bookmarks() {
    if !poppler() {
        return;
    }
    let dir = workspace();
    compile_ok(dir.path(), &["compile", "programme", "-o", "p.pdf"]);
    let raw = std::fs::read(dir.path().join("p.pdf")).expect("pdf");
    let text = pdf_text(&dir.path().join("p.pdf"));
    let plan = plan_of(dir.path());
    let first = &plan.activities[0];
    // The contents: "Activity I.1.1. <title> .... <page>" before the body starts.
    let contents_end = text
        .find("CONTENTS")
        .and_then(|start| text[start..].find(&first.title).map(|i| start + i));
    let entry = contents_end.map(|i| &text[i..(i + first.title.len() + 80).min(text.len())]);
    assert!(
        entry.is_some_and(|e| e.chars().any(|c| c.is_ascii_digit())),
        "no contents entry with a page number for {}: {entry:?}",
        first.code
    );
    // An activity listed under another title in the contents keeps its own in the body.
    let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let (contents, body) = text
        .split_once("A. Background and justification")
        .expect("the body starts after the contents");
    let (contents, body) = (words(contents), words(body));
    let renamed: Vec<_> = plan
        .activities
        .iter()
        .filter_map(|a| Some((a, a.contents_title.as_deref()?)))
        .collect();
    assert_eq!(
        renamed.len(),
        5,
        "the 2021 programme has five contents titles"
    );
    for (activity, contents_title) in renamed {
        let listed = format!("{}. {contents_title}", activity.code);
        let heading = format!("{}. {}", activity.code, activity.title);
        assert!(contents.contains(&listed), "contents lack {listed:?}");
        assert!(
            !contents.contains(&format!("{heading} .")),
            "contents list {heading:?}"
        );
        assert!(body.contains(&heading), "body lacks {heading:?}");
    }
    // Bookmarks: the PDF has an outline.
    let haystack = String::from_utf8_lossy(&raw);
    assert!(haystack.contains("/Outlines"), "the PDF has no bookmarks");
}

#[test]
fn the_spanish_build_has_spanish_headings_and_the_same_content() {
    if !poppler() {
        return;
    }
    let dir = mini_workspace();
    compile_ok(
        dir.path(),
        &["compile", "programme", "--lang", "es", "-o", "es.pdf"],
    );
    let text = pdf_text(&dir.path().join("es.pdf"));
    for heading in [
        "Índice",
        "Objetivos",
        "Resultados esperados",
        "Antecedentes y justificación",
        "Presencial",
    ] {
        assert_contains(&text, heading, "Spanish label");
    }
    assert_contains(
        &text,
        "Technical Support Committee for Regional Integration",
        "the activity as written",
    );
}

#[test]
fn the_report_quotes_the_figures_of_the_plan() {
    if !poppler() {
        return;
    }
    let dir = workspace();
    compile_ok(dir.path(), &["compile", "report", "-o", "report.pdf"]);
    let text = pdf_table_text(&dir.path().join("report.pdf"));
    let plan = plan_of(dir.path());
    let totals = plan.totals();
    let completed = totals.by_status.get("completed").copied().unwrap_or(0);
    let rate = completed as f64 * 100.0 / totals.activities as f64;
    let lead = format!(
        "Of the {} activities of the approved Work Programme, {} {} completed, an execution rate of {:.1}%",
        totals.activities,
        completed,
        if completed == 1 { "was" } else { "were" },
        rate
    );
    assert_contains(&text, &lead, "the summary sentence");
    assert_contains(
        &text,
        &format!("Events {}", totals.events),
        "the events figure",
    );
    assert_contains(
        &text,
        &format!("Studies {}", totals.studies),
        "the studies figure",
    );
    for (format, label) in [("face-to-face", "Face-to-face"), ("virtual", "Virtual")] {
        if let Some(count) = totals.events_by_format.get(format) {
            assert_contains(&text, &format!("{label} {count}"), "events by format");
        }
    }
    for activity in &plan.activities {
        assert!(text.contains(&activity.code), "{} missing", activity.code);
    }
}

#[test]
fn the_report_shows_execution_participants_and_spanish_numbers() {
    if !poppler() {
        return;
    }
    let dir = mini_workspace();
    compile_ok(
        dir.path(),
        &["compile", "report", "--lang", "es", "-o", "informe.pdf"],
    );
    let text = pdf_table_text(&dir.path().join("informe.pdf"));
    let plan = plan_of(dir.path());
    let totals = plan.totals();
    let completed = totals.by_status["completed"];
    let rate =
        format!("{:.1}", completed as f64 * 100.0 / totals.activities as f64).replace('.', ",");
    assert_contains(
        &text,
        &format!(
            "De las {} actividades del Programa de Trabajo aprobado, {} {completed}, lo que representa una tasa de ejecución del {rate} %",
            totals.activities,
            if completed == 1 {
                "se ejecutó"
            } else {
                "se ejecutaron"
            },
        ),
        "the Spanish summary with a decimal comma",
    );
    for needle in [
        "Actividades ejecutadas mes a mes",
        "jun",
        "Anexo A. Participantes",
        "Anexo B. Fuentes",
        "Uruguay",
        "Ministry of Foreign Affairs",
        "Ejecutada",
    ] {
        assert_contains(&text, needle, "report content");
    }
}

#[test]
fn titles_that_look_like_markup_are_printed_as_written() {
    if !poppler() {
        return;
    }
    let dir = mini_workspace();
    let file = dir.path().join("programme/2021/activities/I.1.2.toml");
    let original = std::fs::read_to_string(&file).expect("read");
    let hostile = r#"#read("/etc/passwd") $x$ *a* <l> @r \"#;
    let prose = r#"A line with ]} [ #{ and #set page(width: 1cm) in it."#;
    let text = original
        .replace(
            "title = \"Follow-up report on regional integration\"",
            &format!("title = '{hostile}'"),
        )
        .replace(
            "Regional integration is a matter of paramount interest to Latin America and the Caribbean.",
            prose,
        );
    assert_ne!(text, original);
    std::fs::write(&file, text).expect("write");
    compile_ok(dir.path(), &["compile", "programme", "-o", "p.pdf"]);
    compile_ok(dir.path(), &["compile", "report", "-o", "r.pdf"]);
    for pdf in ["p.pdf", "r.pdf"] {
        let text = pdf_text(&dir.path().join(pdf));
        assert_contains(&text, hostile, "the hostile title");
        assert!(!text.contains("root:x:0:0"), "a file was read into {pdf}");
        if pdf == "p.pdf" {
            assert_contains(&text, prose, "the hostile background");
        }
    }
}

#[test]
fn a_broken_template_fails_with_a_diagnostic_naming_file_and_line() {
    let dir = mini_workspace();
    let templates = dir.path().join("report-templates");
    std::fs::create_dir_all(&templates).expect("mkdir");
    for (name, text) in render::templates::EMBEDDED {
        std::fs::write(templates.join(name), text).expect("write template");
    }
    std::fs::write(
        templates.join("programme.typ"),
        "#import \"style.typ\": *\n#let data = json(\"/data.json\")\n\n#let x = data.no_such_field\n",
    )
    .expect("write");
    let output = programa(dir.path(), &["compile", "programme", "-o", "p.pdf"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("programme.typ:4:"), "{err}");
    assert!(err.contains("no_such_field"), "{err}");
    assert!(
        err.contains("error: the template programme.typ has 1 error"),
        "{err}"
    );
    assert!(!dir.path().join("p.pdf").exists());
}

#[test]
fn a_package_import_fails_with_the_offline_message() {
    let dir = mini_workspace();
    let template = dir.path().join("custom.typ");
    std::fs::write(
        &template,
        "#import \"@preview/cetz:0.3.0\": canvas\nHello\n",
    )
    .expect("write");
    let output = programa(
        dir.path(),
        &[
            "compile",
            "programme",
            "--template",
            "custom.typ",
            "-o",
            "p.pdf",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("never downloads packages"), "{err}");
    assert!(err.contains("custom.typ:1:"), "{err}");
}

#[test]
fn a_template_cannot_read_outside_its_folder() {
    let dir = mini_workspace();
    let folder = dir.path().join("tpl");
    std::fs::create_dir_all(&folder).expect("mkdir");
    std::fs::write(dir.path().join("secret.txt"), "secret").expect("write");
    std::fs::write(folder.join("main.typ"), "#read(\"../secret.txt\")\n").expect("write");
    let output = programa(
        dir.path(),
        &[
            "compile",
            "programme",
            "--template",
            "tpl/main.typ",
            "-o",
            "p.pdf",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains("main.typ:1:"), "{err}");
}

#[test]
fn emit_writes_files_that_compile_to_the_same_document() {
    if !poppler() {
        return;
    }
    let dir = mini_workspace();
    let output = compile_ok(dir.path(), &["compile", "programme", "--emit", "out"]);
    let listed = String::from_utf8_lossy(&output.stdout);
    for name in ["main.typ", "data.json", "style.typ", "programme.typ"] {
        assert!(
            dir.path().join("out").join(name).is_file(),
            "{name} missing"
        );
        assert!(listed.contains(name), "{listed}");
    }
    let data = std::fs::read_to_string(dir.path().join("out/data.json")).expect("data");
    assert!(data.contains("\"document\": \"programme\""), "{data}");
    // The emitted folder is itself a template folder: compiling its main.typ through
    // programa gives the same text as the standard build.
    compile_ok(dir.path(), &["compile", "programme", "-o", "a.pdf"]);
    compile_ok(
        dir.path(),
        &[
            "compile",
            "programme",
            "--template",
            "out/main.typ",
            "-o",
            "b.pdf",
        ],
    );
    assert_eq!(
        pdf_text(&dir.path().join("a.pdf")),
        pdf_text(&dir.path().join("b.pdf"))
    );
}

#[test]
fn the_same_input_gives_the_same_pdf_bytes() {
    if !poppler() {
        return;
    }
    let dir = mini_workspace();
    compile_ok(dir.path(), &["compile", "report", "-o", "a.pdf"]);
    compile_ok(dir.path(), &["compile", "report", "-o", "b.pdf"]);
    let a = std::fs::read(dir.path().join("a.pdf")).expect("a");
    let b = std::fs::read(dir.path().join("b.pdf")).expect("b");
    assert!(a == b, "two builds of the same data differ");
    let info = pdf_info(&dir.path().join("a.pdf"));
    // The creation date is the newest date in the data (a note of 16 June 2021).
    assert!(info.contains("2021"), "{info}");
}

#[test]
fn the_default_output_is_named_after_document_year_and_language() {
    let dir = mini_workspace();
    let output = compile_ok(dir.path(), &["compile", "report", "--lang", "es"]);
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "report-2021-es.pdf"
    );
    assert!(dir.path().join("report-2021-es.pdf").is_file());
}

/// A git repository holding the small programme, with a fixed identity, time zone and an
/// isolated configuration.
struct Git {
    dir: tempfile::TempDir,
    home: PathBuf,
}

impl Git {
    fn new() -> Git {
        let dir = mini_workspace();
        let home = dir.path().join(".home");
        std::fs::create_dir_all(&home).expect("home");
        std::fs::write(
            home.join(".gitconfig"),
            "[user]\n\tname = Ana Pérez\n\temail = ana@sela.example\n[init]\n\tdefaultBranch = main\n",
        )
        .expect("gitconfig");
        std::fs::write(dir.path().join(".gitignore"), ".home/\n*.pdf\n").expect("gitignore");
        let git = Git { dir, home };
        git.run("git", &["init", "-q"], None);
        git
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, program: &str, args: &[&str], date: Option<&str>) -> Output {
        let mut command = crate::support::pinned(program, &self.home);
        command.current_dir(self.path());
        if let Some(date) = date {
            command
                .env("GIT_AUTHOR_DATE", date)
                .env("GIT_COMMITTER_DATE", date);
        }
        let output = command.args(args).output().expect("run");
        assert!(
            output.status.success(),
            "{program} {args:?}: {}",
            stderr(&output)
        );
        output
    }

    fn programa(&self, args: &[&str], date: Option<&str>) -> String {
        String::from_utf8_lossy(&self.run(BIN, args, date).stdout).into_owned()
    }

    fn commit(&self, message: &str, date: &str) {
        self.run("git", &["add", "-A"], None);
        self.run("git", &["commit", "-q", "-m", message], Some(date));
    }

    fn edit(&self, code: &str, from: &str, to: &str) {
        let file = self
            .path()
            .join(format!("programme/2021/activities/{code}.toml"));
        let text = std::fs::read_to_string(&file).expect("read activity");
        assert!(text.contains(from), "{code} has no {from}");
        std::fs::write(&file, text.replacen(from, to, 1)).expect("write activity");
    }
}

/// The approved plan, then a later commit that completes, cancels and changes a format.
fn approved_then_changed() -> Git {
    let git = Git::new();
    git.commit("Import the 2021 programme", "2021-01-10T09:00:00+00:00");
    git.programa(
        &["baseline", "set", "approved"],
        Some("2021-01-11T09:00:00+00:00"),
    );
    git.edit(
        "I.1.2",
        "status = \"ongoing\"\nprogress = 40",
        "status = \"completed\"\nprogress = 100\nactual_end = \"2021-06-14\"",
    );
    git.edit("I.2.1", "format = \"virtual\"", "format = \"hybrid\"");
    git.edit("II.3.1", "status = \"planned\"", "status = \"cancelled\"");
    git.commit("Follow-up of June", "2021-06-15T10:00:00+00:00");
    git
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).expect("json output")
}

fn codes(value: &serde_json::Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|i| {
                    i.as_str()
                        .or_else(|| i.get("code").and_then(|c| c.as_str()))
                        .map(str::to_string)
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn the_report_against_a_baseline_shows_the_figures_of_baseline_diff() {
    let git = approved_then_changed();
    let diff = json(&git.programa(&["baseline", "diff", "approved", "--json"], None));
    let summary = diff.get("summary").unwrap_or(&diff);
    let cancelled = codes(&summary["cancelled"]);
    let format_changed = codes(&summary["format_changed"]);
    assert_eq!(cancelled, ["II.3.1"], "{diff}");
    assert_eq!(format_changed, ["I.2.1"], "{diff}");

    let run = git.run(
        BIN,
        &["compile", "report", "--baseline", "approved", "-o", "b.pdf"],
        None,
    );
    assert!(git.path().join("b.pdf").is_file(), "{}", stderr(&run));
    if !poppler() {
        return;
    }
    let text = pdf_table_text(&git.path().join("b.pdf"));
    let plan = plan_of(git.path());
    let completed = plan
        .activities
        .iter()
        .filter(|a| a.status.as_str() == "completed")
        .count();
    assert_eq!(completed, 2);
    let lead = format!(
        "Of the 5 activities of the approved Work Programme, {completed} were completed, an execution rate of {:.1}%",
        completed as f64 * 100.0 / 5.0
    );
    assert_contains(&text, &lead, "the summary sentence");
    assert_contains(&text, "the baseline \"approved\"", "the baseline's name");
    assert!(!text.contains("baseline/approved"), "the tag in the prose");
    for code in cancelled.iter().chain(&format_changed) {
        assert!(text.contains(code.as_str()), "{code} missing");
    }
    assert_contains(&text, "Format changed Virtual Hybrid", "the format change");
}

#[test]
fn the_report_at_a_revision_is_that_revision_and_reproducible() {
    let git = approved_then_changed();
    let rev = String::from_utf8_lossy(
        &git.run("git", &["rev-list", "--max-parents=0", "HEAD"], None)
            .stdout,
    )
    .trim()
    .to_string();
    for name in ["a.pdf", "b.pdf"] {
        git.run(
            BIN,
            &[
                "compile",
                "report",
                "--at",
                &rev,
                "--baseline",
                "approved",
                "-o",
                name,
            ],
            None,
        );
    }
    let a = std::fs::read(git.path().join("a.pdf")).expect("a.pdf");
    let b = std::fs::read(git.path().join("b.pdf")).expect("b.pdf");
    assert!(a == b, "the same revision gave different PDFs");
    if !poppler() {
        return;
    }
    let text = pdf_table_text(&git.path().join("a.pdf"));
    // At the first commit only I.1.1 is completed and nothing is cancelled yet.
    assert_contains(
        &text,
        "Of the 5 activities of the approved Work Programme, 1 was completed, an execution rate of 20.0%",
        "the summary sentence at the first commit",
    );
    assert!(!text.contains("Format changed Virtual Hybrid"), "{text}");
    let info = pdf_info(&git.path().join("a.pdf"));
    assert!(info.contains("2021"), "{info}");
}

#[test]
fn baseline_and_revision_outside_git_say_to_run_git_init() {
    let dir = mini_workspace();
    for flag in ["--baseline", "--at"] {
        let output = programa(dir.path(), &["compile", "report", flag, "v1"]);
        assert_eq!(output.status.code(), Some(1));
        let err = stderr(&output);
        assert!(err.contains("git init"), "{err}");
    }
    let output = compile_ok(dir.path(), &["compile", "report", "-o", "r.pdf"]);
    assert!(
        stderr(&output).contains("no baseline"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_compiler_rebuilds_with_new_data_in_the_same_world() {
    if !poppler() {
        return;
    }
    let dir = mini_workspace();
    let mut plan = plan_of(dir.path());
    let date = programa::model::Date::from_ymd(2021, 1, 15).expect("date");
    let data = ProgrammeData::new(&plan, Lang::En, date);
    let mut compiler =
        Compiler::new(Templates::Embedded, "programme.typ", &data, date, false).expect("compiler");
    let first = compiler.compile().expect("first compile");
    assert!(first.pdf.starts_with(b"%PDF"));
    plan.activities[0].title = "A title changed between two compiles".to_string();
    let data = ProgrammeData::new(&plan, Lang::En, date);
    compiler.update(&data, date).expect("update");
    let second = compiler.compile().expect("second compile");
    let file = dir.path().join("second.pdf");
    std::fs::write(&file, &second.pdf).expect("write");
    assert_contains(
        &pdf_text(&file),
        "A title changed between two compiles",
        "the new title",
    );
}

#[test]
fn report_data_compares_a_baseline_with_the_plan_as_it_is() {
    let dir = mini_workspace();
    let baseline = plan_of(dir.path());
    let mut current = baseline.clone();
    current.activities[1].status = programa::model::Status::Cancelled;
    current.activities[2].format = Some(programa::model::Format::Hybrid);
    current.activities.remove(3);
    let marked = programa::history::Baseline {
        name: "approved-2021".to_string(),
        tag: "baseline/approved-2021".to_string(),
        commit: "0".repeat(40),
        short: "0000000".to_string(),
        date: chrono::DateTime::parse_from_rfc3339("2021-01-15T10:00:00+00:00").expect("date"),
        tagger: Some("Ana Pérez <ana@sela.example>".to_string()),
        message: String::new(),
    };
    let inputs = ReportInputs {
        baseline: Some((&marked, &baseline)),
        current: &current,
        revision: &programa::history::ReportRevision::NoHistory,
        statuses: &Default::default(),
    };
    let date = programa::model::Date::from_ymd(2021, 12, 15).expect("date");
    let data = ReportData::new(&inputs, Lang::En, date);
    let kinds: Vec<String> = data
        .changes
        .iter()
        .map(|c| format!("{} {:?}", c.code, c.kind))
        .collect();
    assert_eq!(data.summary.approved.total, baseline.activities.len());
    assert!(
        kinds.contains(&format!("{} Cancelled", current.activities[1].code)),
        "{kinds:?}"
    );
    assert!(kinds.iter().any(|k| k.ends_with("Removed")), "{kinds:?}");
    assert!(
        kinds.iter().any(|k| k.ends_with("FormatChanged")),
        "{kinds:?}"
    );
    assert_eq!(data.completions.len(), 12);
    let completed = current
        .activities
        .iter()
        .filter(|a| a.status == programa::model::Status::Completed)
        .count();
    assert_eq!(data.completions[11].cumulative, completed);
    // And it compiles.
    let mut compiler =
        Compiler::new(Templates::Embedded, "report.typ", &data, date, false).expect("compiler");
    let compiled = compiler.compile().expect("compile");
    assert!(compiled.pages >= 3);
}

#[test]
fn watch_recompiles_when_a_programme_file_changes() {
    if !poppler() {
        return;
    }
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    let dir = mini_workspace();
    let mut child = crate::support::programa()
        .current_dir(dir.path())
        .args(["compile", "programme", "--watch", "-o", "w.pdf"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let stderr = child.stderr.take().expect("stderr");
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    let wait_for_compile = |what: &str| loop {
        match receive.recv_timeout(Duration::from_secs(120)) {
            Ok(line) if line.starts_with("compiled ") => break,
            Ok(_) => continue,
            Err(_) => panic!("no compile reported {what}"),
        }
    };
    wait_for_compile("at start");
    // Make sure the modification time moves on even on coarse clocks.
    std::thread::sleep(Duration::from_millis(1100));
    let file = dir.path().join("programme/2021/activities/I.1.2.toml");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(
        &file,
        text.replace("Follow-up report on regional integration", "Watched title"),
    )
    .expect("write");
    wait_for_compile("after the change");
    let _ = child.kill();
    let _ = child.wait();
    assert_contains(
        &pdf_text(&dir.path().join("w.pdf")),
        "Watched title",
        "the new title",
    );
}
