//! Prose as authors write it, from the file to the PDF: the inline HTML shown as meant, HTML
//! comments left out and noted, other HTML warned about at its place, nesting beyond the limit
//! an error for `check` and flattened by every reader, so no text can fail the template.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use programa::markdown::MAX_DEPTH;
use programa::model::Plan;
use programa::render::{Compiler, Lang, ProgrammeData, Templates};
use programa::store::{self, Workspace};
use proptest::prelude::*;

use crate::support::{copy_dir, poppler, programa};

const MINI: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

/// A copy of the mini programme with `edit` applied to the text of some of its files.
struct Programme {
    dir: tempfile::TempDir,
}

impl Programme {
    fn new() -> Programme {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(Path::new(MINI), dir.path());
        Programme { dir }
    }

    fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join("programme/2021").join(file)
    }

    /// Replaces `from` (which must be there) by `to` in `file`.
    fn replace(&self, file: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path(file)).expect("reads the file");
        assert!(text.contains(from), "{file} has no {from:?}");
        std::fs::write(self.path(file), text.replacen(from, to, 1)).expect("writes the file");
    }

    fn run(&self, args: &[&str]) -> Output {
        programa()
            .arg("--root")
            .arg(self.dir.path())
            .args(args)
            .output()
            .expect("runs programa")
    }

    /// `check --format json`: its findings, and whether it succeeded.
    fn check(&self) -> (Vec<serde_json::Value>, bool) {
        let output = self.run(&["check", "--format", "json"]);
        let report: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("check prints JSON");
        let findings = report["findings"].as_array().cloned().unwrap_or_default();
        (findings, output.status.success())
    }

    /// `compile programme`, which must succeed: the PDF's text, whitespace folded, and bytes.
    fn compile(&self) -> (String, Vec<u8>) {
        let pdf = self.dir.path().join("programme.pdf");
        let output = self.run(&["compile", "programme", "-o", pdf.to_str().expect("UTF-8")]);
        assert!(
            output.status.success(),
            "compile fails: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        (pdf_words(&pdf), std::fs::read(&pdf).expect("reads the PDF"))
    }

    /// The 1-based line and column (in characters) where `needle` starts in `file`, moved
    /// on by `chars` characters.
    fn position(&self, file: &str, needle: &str, chars: usize) -> (u64, u64) {
        let text = std::fs::read_to_string(self.path(file)).expect("reads the file");
        let start = text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} in {file}"));
        let before = &text[..start];
        let line = before.matches('\n').count() + 1;
        let column = before
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count()
            + 1;
        (line as u64, (column + chars) as u64)
    }

    fn plan(&self) -> Plan {
        store::load(&Workspace::at(self.dir.path()), 2021)
            .expect("loads")
            .plan
    }
}

/// The words of a PDF, whitespace folded.
fn pdf_words(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("runs pdftotext");
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A finding's code, severity, line and column.
fn place(finding: &serde_json::Value) -> (String, String, u64, u64) {
    (
        finding["code"].as_str().unwrap_or_default().to_string(),
        finding["severity"].as_str().unwrap_or_default().to_string(),
        finding["line"].as_u64().unwrap_or_default(),
        finding["column"].as_u64().unwrap_or_default(),
    )
}

const BACKGROUND_START: &str = "background = \"\"\"\n";

#[test]
fn the_html_authors_write_is_shown_and_comments_never_print() {
    if !poppler() {
        return;
    }
    let programme = Programme::new();
    programme.replace(
        "activities/I.1.1.toml",
        "working group[^1].\n",
        "working group[^1].\n\nEmissions of CO<sub>2</sub> per m<sup>2</sup> rose <b>sharply</b>, \
         <em>see</em> <a href=\"https://www.sela.org/en/\">the report</a>.<br>A new line.\n\n\
         <!-- reviewer: check this figure -->\n\nWrite to <info@sela.org>. A claim[^1] <!-- and \
         this one -->.\n\n```\nunclosed fence\n",
    );
    let (findings, ok) = programme.check();
    let places: Vec<_> = findings.iter().map(place).collect();
    let file = "activities/I.1.1.toml";
    let (block, inline) = (
        programme.position(file, "<!-- reviewer", 0),
        programme.position(file, "<!-- and", 0),
    );
    let note = |(line, column)| ("html-comment".to_string(), "note".to_string(), line, column);
    assert_eq!(places, [note(block), note(inline)], "{findings:#?}");
    assert!(ok);

    let (text, pdf) = programme.compile();
    assert!(
        text.contains("Emissions of CO2 per m2 rose sharply, see the report. A new line."),
        "{text}"
    );
    assert!(text.contains("Write to info@sela.org. A claim"), "{text}");
    assert!(text.contains("unclosed fence"), "{text}");
    // The footnote keeps its text; the converter's own helpers never show.
    assert!(
        text.contains("Evaluation of the integration process in Latin America"),
        "{text}"
    );
    assert!(text.contains("formed a working group1."), "{text}");
    for absent in ["<sub>", "<b>", "<!--", "reviewer", "this one", "[^", "<br>"] {
        assert!(!text.contains(absent), "{absent:?} in {text}");
    }
    let pdf = String::from_utf8_lossy(&pdf);
    assert!(pdf.contains("(mailto:info@sela.org)"), "no mailto: link");
    assert!(pdf.contains("(https://www.sela.org/en/)"), "no link");
}

#[test]
fn other_html_is_a_warning_at_its_place_and_its_text_prints() {
    if !poppler() {
        return;
    }
    let programme = Programme::new();
    programme.replace(
        "activities/I.1.1.toml",
        "\"Assess the magnitude",
        "\"<span style=\\\"color: red\\\">Urgent</span>: <span>assess</span> the magnitude",
    );
    let (findings, ok) = programme.check();
    let places: Vec<_> = findings.iter().map(place).collect();
    let (line, column) = programme.position("activities/I.1.1.toml", "<span style", 0);
    assert_eq!(
        places,
        [("unsupported-html".into(), "warning".into(), line, column)],
        "{findings:#?}"
    );
    let message = findings[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("`<span>` (2 times in this text)"),
        "{message}"
    );
    let hint = findings[0]["hint"].as_str().unwrap_or_default();
    assert!(
        hint.contains("`<sub>`") && hint.contains("`<a href>`"),
        "{hint}"
    );
    assert!(ok);
    let (text, _) = programme.compile();
    assert!(text.contains("1. Urgent: assess the magnitude"), "{text}");
    assert!(!text.contains("span"), "{text}");
}

/// `levels` block quotes inside each other around `text`.
fn quotes(levels: usize, text: &str) -> String {
    format!("{}{text}", "> ".repeat(levels))
}

/// `levels` lists inside each other, each item `item N`.
fn lists(levels: usize) -> String {
    (0..levels)
        .map(|level| format!("{}- item{level}\n", "  ".repeat(level)))
        .collect()
}

#[test]
fn nesting_beyond_the_limit_is_an_error_and_every_reader_flattens_it() {
    if !poppler() {
        return;
    }
    let programme = Programme::new();
    // 16 block quotes, 40 lists, and a footnote 20 elements deep.
    programme.replace(
        "activities/I.1.2.toml",
        BACKGROUND_START,
        &format!(
            "{BACKGROUND_START}{}\n\n{}\n",
            quotes(16, "deep"),
            lists(40)
        ),
    );
    programme.replace(
        "activities/I.1.1.toml",
        "text = \"SELA (2019).",
        &format!(
            "text = \"{}inside{} SELA (2019).",
            "<sub>".repeat(20),
            "</sub>".repeat(20)
        ),
    );
    let (findings, ok) = programme.check();
    assert!(!ok);
    let places: Vec<_> = findings.iter().map(place).collect();
    // Each at the first container beyond the limit.
    let error = |(line, column)| ("too-deep".to_string(), "error".to_string(), line, column);
    assert_eq!(
        places,
        [
            error(programme.position("activities/I.1.1.toml", "<sub>", 5 * MAX_DEPTH)),
            error(programme.position("activities/I.1.2.toml", "> > ", 2 * MAX_DEPTH)),
            error(programme.position(
                "activities/I.1.2.toml",
                &format!("{}- item{MAX_DEPTH}", "  ".repeat(MAX_DEPTH)),
                2 * MAX_DEPTH
            )),
        ],
        "{findings:#?}"
    );
    assert_eq!(
        findings[1]["message"],
        format!("the text nests 16 levels deep here; the documents allow at most {MAX_DEPTH}")
    );
    assert!(
        findings[2]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("nests 40 levels")
    );
    assert!(
        findings[0]["hint"]
            .as_str()
            .unwrap_or_default()
            .contains("take some of them out")
    );

    // The documents are made anyway from the same text: the nesting flattened, every word kept.
    let plan = programme.plan();
    let date = programa::model::Date::from_ymd(2021, 6, 20).expect("a date");
    let data = ProgrammeData::new(&plan, Lang::En, date);
    let mut compiler =
        Compiler::new(Templates::Embedded, "programme.typ", &data, date, false).expect("compiler");
    let compiled = compiler.compile().expect("compiles");
    let pdf = programme.dir.path().join("flattened.pdf");
    std::fs::write(&pdf, &compiled.pdf).expect("writes the PDF");
    let text = pdf_words(&pdf);
    assert!(text.contains("deep"), "{text}");
    assert!(text.contains("inside SELA (2019)."), "{text}");
    for level in 0..40 {
        assert!(
            text.contains(&format!("item{level} ")),
            "item{level} in {text}"
        );
    }
}

/// Text nesting exactly `MAX_DEPTH` deep, mixing every kind of container, with `inner` at the
/// deepest level.
fn deepest(inner: &str) -> String {
    let blocks = MAX_DEPTH / 2;
    let prefix: String = (0..blocks)
        .map(|i| if i % 2 == 0 { "> " } else { "- " })
        .collect();
    let tags = ["em", "strong", "sub", "sup", "s", "a"];
    let inline = MAX_DEPTH - blocks;
    let open: String = (0..inline)
        .map(|i| match tags[i % tags.len()] {
            "a" => "<a href=\"https://www.sela.org\">".to_string(),
            tag => format!("<{tag}>"),
        })
        .collect();
    let close: String = (0..inline)
        .rev()
        .map(|i| format!("</{}>", tags[i % tags.len()]))
        .collect();
    format!("{prefix}{open}{inner}{close}")
}

#[test]
fn prose_at_the_limit_compiles_everywhere_with_a_footnote_as_deep_inside() {
    if !poppler() {
        return;
    }
    let programme = Programme::new();
    programme.replace(
        "activities/I.1.1.toml",
        BACKGROUND_START,
        &format!("{BACKGROUND_START}{}\n\n", deepest("background[^1]")),
    );
    programme.replace(
        "activities/I.1.1.toml",
        "\"Assess the magnitude",
        &format!(
            "\"{} Assess the magnitude",
            deepest("objective[^1]").replace('"', "\\\"")
        ),
    );
    programme.replace(
        "activities/I.1.1.toml",
        "text = \"SELA (2019).",
        &format!(
            "text = \"{} SELA (2019).",
            deepest("footnote").replace('"', "\\\"")
        ),
    );
    programme.replace(
        "programme.toml",
        "foreword = \"\"\"\n",
        &format!("foreword = \"\"\"\n{}\n\n", deepest("foreword")),
    );
    let (findings, ok) = programme.check();
    assert!(ok && findings.is_empty(), "{findings:#?}");
    let (text, _) = programme.compile();
    for word in ["background", "objective", "footnote", "foreword"] {
        assert!(text.contains(word), "{word} in {text}");
    }
}

/// Words (each found again in the PDF) and markdown and HTML around them.
fn prose() -> impl Strategy<Value = (String, Vec<String>)> {
    let piece = prop_oneof![
        3 => "[a-z]{4,8}".prop_map(|word| (format!("{word} "), Some(word))),
        2 => prop::sample::select(vec![
            "*", "**", "_", "`", "```\n", "> ", "- ", "1. ", "# ", "---", "\n", "\n\n", "    ",
            "[", "](x)", "[^1]", "<sub>", "</sub>", "<sup>", "<b>", "</b>", "<br>", "<a href=\"x\">",
            "</a>", "<span>", "<div>", "</div>", "<!-- c -->", "&amp;", "< ", "\"", "\\",
        ])
        .prop_map(|markup| (markup.to_string(), None)),
        // Characters of scripts the bundled fonts draw: a glyph no font has prints as a blank
        // box that cannot be read back. Any text at all goes through the converter in the
        // markdown module's tests and the fuzz target.
        1 => "[ -~¡-ÿĀ-ɏͰ-ϿЀ-ӿ]{1,6}".prop_map(|junk| (junk, None)),
    ];
    prop::collection::vec(piece, 1..40).prop_map(|pieces| {
        let text = pieces.iter().map(|(text, _)| text.as_str()).collect();
        let words = pieces.into_iter().filter_map(|(_, word)| word).collect();
        (text, words)
    })
}

proptest! {
    // Each case compiles a PDF: a few only. The cases that only convert are in the markdown
    // module's own tests, by the thousand.
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn any_prose_compiles_and_prints_its_words((text, words) in prose()) {
        if !poppler() {
            return Ok(());
        }
        let programme = Programme::new();
        let mut plan = programme.plan();
        let activity = &mut plan.activities[0];
        activity.background = text.clone();
        activity.objectives = vec![text.clone()];
        let date = programa::model::Date::from_ymd(2021, 6, 20).expect("a date");
        let data = ProgrammeData::new(&plan, Lang::En, date);
        let mut compiler = Compiler::new(Templates::Embedded, "programme.typ", &data, date, false)
            .expect("compiler");
        let compiled = compiler.compile();
        prop_assert!(compiled.is_ok(), "{text:?} fails: {:?}", compiled.err());
        let pdf = programme.dir.path().join("any.pdf");
        std::fs::write(&pdf, compiled.map(|c| c.pdf).unwrap_or_default()).expect("writes");
        // typst may hyphenate a word at a line's end, with a hyphen or a soft hyphen.
        let shown: String = pdf_words(&pdf).chars().filter(|c| !matches!(c, '-' | '\u{ad}' | ' ')).collect();
        // A word that junk turned into something else (`&` + word + `;`) is not the test's.
        let plain = programa::markdown::plain_text(&programa::markdown::convert(&text, &Default::default()));
        for word in words.iter().filter(|word| plain.contains(word.as_str())) {
            prop_assert!(shown.contains(word.as_str()), "{word:?} not shown for {text:?}");
        }
    }
}
