//! The CommonMark specification's 652 examples (version 0.31.2, `tests/fixtures/commonmark/`)
//! as the background of 652 activities, through `check` and `compile programme`: no error, no
//! failure, and the visible text of nearly every example in the PDF, exactly.
//!
//! **Visible text** is what a reader of the specification's expected HTML sees as text: its
//! text content with character references decoded, the description (`alt`) of an image in the
//! image's place, and the markers of list items as the documents draw them (`–` for a bullet,
//! `3.` for the third item of a numbered list); not what raw HTML constructs hold (tags,
//! comments, processing instructions, declarations, CDATA, as CommonMark defines them), nor the
//! content of `<script>` and `<style>`. Block elements (`<p>`, `<li>`, `<pre>`…) and `<br>`
//! separate words; inline ones (`<em>`, `<a>`) do not. Both sides then have their white space
//! folded to single spaces, typographic quotes, dashes and ellipses written plainly (the
//! documents set `"a" -- b...` as `“a” – b…`), and a hyphen at the end of a PDF line may be
//! typst's hyphenation or the text's own.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use crate::support::{poppler, programa};

/// The share of examples whose visible text the PDF shows exactly, in per mille, that the
/// documents reach: the test fails if it falls below.
const EXACT_FLOOR_PER_MILLE: usize = 998;

/// One example of the specification.
#[derive(serde::Deserialize)]
struct Example {
    number: usize,
    section: String,
    markdown: String,
    html: String,
}

fn examples() -> Vec<Example> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/commonmark/examples-0.31.2.json");
    let text = std::fs::read_to_string(&path).expect("reads the examples");
    serde_json::from_str(&text).expect("the examples are JSON")
}

/// A programme whose activities I.1.1 … I.1.652 hold the examples as their background.
fn write_programme(root: &Path, examples: &[Example]) {
    let year = root.join("programme/2021");
    std::fs::create_dir_all(year.join("activities")).expect("creates the folders");
    std::fs::write(
        year.join("programme.toml"),
        "year = 2021\ntitle = \"CommonMark\"\norganisation = \"programa\"\nlanguage = \"en\"\n\n\
         [[areas]]\ncode = \"I\"\ntitle = \"Specification\"\n\n\
         [[programmes]]\nid = \"spec\"\narea = \"I\"\ntitle = \"CommonMark\"\n\n\
         [[projects]]\ncode = \"I.1\"\nprogramme = \"spec\"\ntitle = \"Examples\"\n",
    )
    .expect("writes programme.toml");
    for example in examples {
        let mut activity = toml::Table::new();
        let code = format!("I.1.{}", example.number);
        activity.insert("code".into(), code.clone().into());
        activity.insert("project".into(), "I.1".into());
        activity.insert("title".into(), format!("Example {}", example.number).into());
        activity.insert("kind".into(), "other".into());
        activity.insert("background".into(), example.markdown.clone().into());
        let text = toml::to_string(&activity).expect("serialises an activity");
        std::fs::write(year.join(format!("activities/{code}.toml")), text)
            .expect("writes an activity");
    }
}

#[test]
fn the_specification_s_examples_check_compile_and_show_their_text() {
    if !poppler() {
        return;
    }
    let examples = examples();
    assert_eq!(examples.len(), 652);
    let dir = tempfile::tempdir().expect("temp dir");
    write_programme(dir.path(), &examples);

    let checked = programa()
        .arg("--root")
        .arg(dir.path())
        .args(["check", "--format", "json"])
        .output()
        .expect("runs check");
    let report: serde_json::Value =
        serde_json::from_slice(&checked.stdout).expect("check prints JSON");
    let findings = report["findings"].as_array().cloned().unwrap_or_default();
    let errors: Vec<_> = findings
        .iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "check finds errors: {errors:#?}");
    assert!(checked.status.success());
    let mut codes = BTreeMap::new();
    for finding in &findings {
        *codes
            .entry(finding["code"].as_str().unwrap_or_default().to_string())
            .or_insert(0) += 1;
    }
    eprintln!("check: {codes:?}");

    let pdf = dir.path().join("examples.pdf");
    let compiled = programa()
        .arg("--root")
        .arg(dir.path())
        .args(["compile", "programme", "-o"])
        .arg(&pdf)
        .output()
        .expect("runs compile");
    assert!(
        compiled.status.success(),
        "compile fails: {}",
        String::from_utf8_lossy(&compiled.stderr)
    );

    let shown = shown_per_example(&pdf_body_text(&pdf), examples.len());
    let mut exact = 0;
    let mut missed = Vec::new();
    for example in &examples {
        let expected = plain(&visible_text(&example.html));
        let got = shown.get(&example.number).map(String::as_str).unwrap_or("");
        if same_text(got, &expected) {
            exact += 1;
        } else {
            missed.push((example, expected, got.to_string()));
        }
    }
    for (example, expected, got) in &missed {
        eprintln!(
            "example {} ({}): {:?}\n  expected {expected:?}\n  shown    {got:?}",
            example.number, example.section, example.markdown
        );
    }
    let per_mille = exact * 1000 / examples.len();
    eprintln!(
        "{exact} of {} examples show exactly their visible text ({}.{} %)",
        examples.len(),
        per_mille / 10,
        per_mille % 10
    );
    assert!(
        per_mille >= EXACT_FLOOR_PER_MILLE,
        "only {exact} of {} examples show exactly their visible text",
        examples.len()
    );
}

/// The text of the PDF's pages without their running header and page number (the body of an
/// A4 page, 2.9 cm from the top and 2.6 cm from the bottom, and the few points below it that a
/// last line's glyphs reach: the marker of an empty list item ends a page there), line by line,
/// in the order typst wrote it (`-raw`: pdftotext's reading order would join a code line `---` to the next as a
/// hyphenated word, and drop spaces it judges too narrow).
fn pdf_body_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args([
            "-raw", "-enc", "UTF-8", "-r", "72", "-x", "0", "-y", "80", "-W", "596",
        ])
        .args(["-H", "700"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("runs pdftotext");
    assert!(output.status.success(), "pdftotext fails");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The text between each example's heading and the next, by number. A line the PDF ends with
/// a hyphen is kept with a mark after the hyphen, so the comparison may join it either way.
fn shown_per_example(text: &str, count: usize) -> BTreeMap<usize, String> {
    let mut joined = String::new();
    for line in text.lines() {
        let line = line.trim_end();
        joined.push_str(line);
        joined.push(if line.ends_with('-') {
            HYPHEN_MARK
        } else {
            ' '
        });
    }
    let folded = fold(&joined);
    // In the body (not the contents): the heading of the activity, then its section A; an
    // example that shows nothing has no section A, and its heading is the last one in the text.
    let mut headings: Vec<(usize, usize, usize)> = (1..=count)
        .filter_map(|n| {
            let heading = format!("Activity I.1.{n}. Example {n} A. Background and justification");
            let bare = format!("Activity I.1.{n}. Example {n} ");
            folded
                .find(&heading)
                .map(|start| (start, start + heading.len(), n))
                .or_else(|| {
                    folded
                        .rfind(&bare)
                        .map(|start| (start, start + bare.len(), n))
                })
        })
        .collect();
    headings.sort();
    let mut shown = BTreeMap::new();
    for (i, (_, body, n)) in headings.iter().enumerate() {
        let end = headings.get(i + 1).map_or(folded.len(), |next| next.0);
        shown.insert(*n, folded[*body..end].trim().to_string());
    }
    shown
}

/// Marks a line that ends in a hyphen.
const HYPHEN_MARK: char = '\u{1}';

/// White space folded to single spaces, the mark of a hyphenated line kept.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() && !out.ends_with(HYPHEN_MARK) {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Text with typographic quotes, dashes and ellipses written plainly, white space folded.
fn plain(text: &str) -> String {
    fold(
        &text
            .replace(['\u{2018}', '\u{2019}'], "'")
            .replace(['\u{201C}', '\u{201D}'], "\"")
            .replace('\u{2014}', "---")
            .replace('\u{2013}', "--")
            .replace('\u{2026}', "..."),
    )
}

/// Whether the PDF's text `shown` is `expected`: where a line ended in a hyphen, with the
/// hyphen or without it.
fn same_text(shown: &str, expected: &str) -> bool {
    let shown: Vec<char> = plain(shown).chars().collect();
    let expected: Vec<char> = expected.chars().collect();
    matches_from(&shown, &expected)
}

fn matches_from(shown: &[char], expected: &[char]) -> bool {
    match shown.iter().position(|c| *c == HYPHEN_MARK) {
        None => shown == expected,
        Some(mark) => {
            // `shown[mark - 1]` is the hyphen: the text has it, or typst made it.
            let before = &shown[..mark];
            let after = &shown[mark + 1..];
            let with_hyphen = expected.starts_with(before) && {
                let rest = &expected[before.len()..];
                matches_from(after, rest)
                    || rest.first() == Some(&' ') && matches_from(after, &rest[1..])
            };
            with_hyphen || {
                let without = &before[..before.len().saturating_sub(1)];
                expected.starts_with(without) && matches_from(after, &expected[without.len()..])
            }
        }
    }
}

/// The visible text of HTML, as the module's documentation defines it.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    // For each open list: its next number, or none for a bulleted list.
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut hidden: Option<String> = None;
    let mut at = 0;
    while at < html.len() {
        let rest = &html[at..];
        let Some((construct, len)) = markup(rest) else {
            let first = rest.chars().next().map_or(1, char::len_utf8);
            let next = rest[first..].find('<').map_or(rest.len(), |i| i + first);
            if hidden.is_none() {
                out.push_str(&decode(&rest[..next]));
            }
            at += next;
            continue;
        };
        at += len;
        let Markup::Tag {
            name,
            closing,
            attributes,
        } = construct
        else {
            continue;
        };
        if let Some(open) = &hidden {
            if closing && *open == name {
                hidden = None;
            }
            continue;
        }
        match (name.as_str(), closing) {
            ("script" | "style", false) => hidden = Some(name),
            ("ul", false) => lists.push(None),
            ("ol", false) => {
                let start = attribute(&attributes, "start").and_then(|s| s.parse().ok());
                lists.push(Some(start.unwrap_or(1)));
            }
            ("ul" | "ol", true) => {
                lists.pop();
            }
            ("li", false) => {
                let marker = match lists.last_mut() {
                    Some(Some(number)) => {
                        *number += 1;
                        format!("{}.", *number - 1)
                    }
                    _ => "\u{2013}".to_string(),
                };
                out.push_str(&format!(" {marker} "));
            }
            ("img", false) => out.push_str(&attribute(&attributes, "alt").unwrap_or_default()),
            (name, _) if name == "br" || is_block(name) => out.push(' '),
            _ => {}
        }
    }
    out
}

fn attribute(attributes: &[(String, String)], name: &str) -> Option<String> {
    attributes
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| decode(value))
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "pre"
            | "blockquote"
            | "ul"
            | "ol"
            | "li"
            | "hr"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "table"
            | "thead"
            | "tbody"
            | "tr"
            | "td"
            | "th"
            | "textarea"
    )
}

/// A raw HTML construct as CommonMark defines it.
enum Markup {
    Tag {
        name: String,
        closing: bool,
        attributes: Vec<(String, String)>,
    },
    /// A comment, processing instruction, declaration or CDATA section.
    Other,
}

/// The construct `text` starts with, and its length.
fn markup(text: &str) -> Option<(Markup, usize)> {
    let ends = [
        ("<!-->", ""),
        ("<!--->", ""),
        ("<!--", "-->"),
        ("<![CDATA[", "]]>"),
        ("<?", "?>"),
    ];
    for (open, close) in ends {
        if let Some(rest) = text.strip_prefix(open) {
            if close.is_empty() {
                return Some((Markup::Other, open.len()));
            }
            let end = rest.find(close)?;
            return Some((Markup::Other, open.len() + end + close.len()));
        }
    }
    if let Some(rest) = text.strip_prefix("<!") {
        if rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Some((Markup::Other, 2 + rest.find('>')? + 1));
        }
        return None;
    }
    let rest = text.strip_prefix('<')?;
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, rest),
    };
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    if name_len == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name = rest[..name_len].to_ascii_lowercase();
    let mut attributes = Vec::new();
    let mut i = name_len;
    let bytes = rest.as_bytes();
    loop {
        let spaces = rest[i..].len() - rest[i..].trim_start().len();
        i += spaces;
        match bytes.get(i) {
            Some(b'>') => break,
            Some(b'/') if !closing && bytes.get(i + 1) == Some(&b'>') => {
                i += 1;
                break;
            }
            Some(c) if !closing && spaces > 0 && (c.is_ascii_alphabetic() || b"_:".contains(c)) => {
                let key_len = rest[i..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || "_.:-".contains(c)))
                    .unwrap_or(rest.len() - i);
                let key = rest[i..i + key_len].to_ascii_lowercase();
                i += key_len;
                let after = rest[i..].trim_start();
                let mut value = String::new();
                if let Some(value_text) = after.strip_prefix('=') {
                    let value_text = value_text.trim_start();
                    let value_start = rest.len() - value_text.len();
                    let len = match value_text.chars().next()? {
                        quote @ ('"' | '\'') => value_text[1..].find(quote)? + 2,
                        _ => value_text
                            .find(|c: char| c.is_whitespace() || "\"'=<>`".contains(c))
                            .unwrap_or(value_text.len()),
                    };
                    if len == 0 {
                        return None;
                    }
                    value = value_text[..len].trim_matches(['"', '\'']).to_string();
                    i = value_start + len;
                }
                attributes.push((key, value));
            }
            _ => return None,
        }
    }
    Some((
        Markup::Tag {
            name,
            closing,
            attributes,
        },
        1 + usize::from(closing) + i + 1,
    ))
}

/// Text with its character references decoded, by the markdown parser (which knows every name
/// HTML defines): `&amp;` alone is a paragraph holding `&`.
fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let candidate = &rest[amp..];
        let end = candidate.find(';').filter(|end| {
            *end <= 33
                && candidate[1..*end]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '#')
        });
        match end {
            Some(end) => {
                let reference = &candidate[..=end];
                let decoded: String = pulldown_cmark::Parser::new(reference)
                    .filter_map(|event| match event {
                        pulldown_cmark::Event::Text(text) => Some(text.into_string()),
                        _ => None,
                    })
                    .collect();
                out.push_str(if decoded.is_empty() {
                    reference
                } else {
                    &decoded
                });
                rest = &candidate[end + 1..];
            }
            None => {
                out.push('&');
                rest = &candidate[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn visible_text_is_what_a_reader_sees() {
    assert_eq!(
        plain(&visible_text(
            "<p>a <em>b</em>&amp;<!-- c --></p>\n<ol start=\"3\">\n<li>x</li>\n<li>y<br />z</li>\n</ol>\n<p><img src=\"u\" alt=\"pic\" /></p><script>hidden</script>"
        )),
        "a b& 3. x 4. y z pic"
    );
    assert_eq!(
        plain(&visible_text(
            "<a foo=\"b>\" bar>x</a> < 3 <ul><li></li></ul>"
        )),
        "x < 3 --"
    );
}

#[test]
fn a_hyphen_at_a_line_end_may_be_typst_s_or_the_text_s() {
    let mark = HYPHEN_MARK;
    assert!(same_text(&format!("hyphen-{mark}ation"), "hyphenation"));
    assert!(same_text(&format!("well-{mark}known"), "well-known"));
    assert!(same_text(&format!("a -{mark}b"), "a - b"));
    assert!(!same_text(&format!("hyphen-{mark}ation"), "hyphen ation"));
}
