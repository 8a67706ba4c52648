//! A normalised, readable rendering of one programme file for git's diff driver: a field per
//! line (prose a sentence per line), so git's line diff of two renderings reads field by field.
//!
//! Pure text in, text out. A file that does not parse is rendered as it is, so `git diff`
//! still shows it. git prints the rendering on a terminal: values are escaped as
//! [`crate::output`] shows them, and so is the text of a file that does not parse.

use std::fmt::Write as _;

use crate::changes::describe_participant_in;
use crate::model::{Activity, Lang, WorkProgramme};
use crate::output::{escape, escape_hidden, escape_line, shown_line};

/// The rendering of a programme file's text: an activity, a programme file, or (when it is
/// neither or does not parse) the text itself.
pub fn textconv(text: &str) -> String {
    let rendered = ProgrammeFile::read(text).map(|file| match file {
        ProgrammeFile::Activity(activity) => render_activity(&activity),
        ProgrammeFile::Programme(programme) => render_programme(&programme),
    });
    match rendered {
        // Escaped value by value already; anything left over cannot act on a terminal.
        Some(rendered) => escape_hidden(&rendered).into_owned(),
        None => escape(text).into_owned(),
    }
}

/// A programme file's text as read: an activity file (it has a `code`) or a programme file
/// (it has a `year`).
pub enum ProgrammeFile {
    /// An activity.
    Activity(Box<Activity>),
    /// The year's programme file.
    Programme(Box<WorkProgramme>),
}

impl ProgrammeFile {
    /// The file `text` is, when it reads as one.
    pub fn read(text: &str) -> Option<ProgrammeFile> {
        let document = text.parse::<toml::Table>().ok()?;
        if document.contains_key("code")
            && let Ok(activity) = toml::from_str(text)
        {
            return Some(ProgrammeFile::Activity(Box::new(activity)));
        }
        if document.contains_key("year")
            && let Ok(programme) = toml::from_str(text)
        {
            return Some(ProgrammeFile::Programme(Box::new(programme)));
        }
        None
    }
}

/// One line per field, in the file's order; lists numbered; prose a sentence per line.
pub fn render_activity(a: &Activity) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} {}", shown_line(&a.code), shown_line(&a.title));
    line(&mut out, "project", Some(&a.project));
    line(&mut out, "contents_title", a.contents_title.as_ref());
    line(&mut out, "previous", a.previous.as_ref());
    line(&mut out, "kind", Some(&a.kind.to_string()));
    line(&mut out, "format", a.format.map(|f| f.to_string()).as_ref());
    line(&mut out, "format_note", a.format_note.as_ref());
    line(&mut out, "status", Some(&a.status.to_string()));
    line(&mut out, "progress", Some(&format!("{}%", a.progress)));
    let dates = [
        ("planned_start", a.planned_start),
        ("planned_end", a.planned_end),
        ("actual_start", a.actual_start),
        ("actual_end", a.actual_end),
    ];
    for (key, date) in dates {
        line(&mut out, key, date.map(|d| d.to_string()).as_ref());
    }
    line(&mut out, "venue", a.venue.as_ref());
    prose(&mut out, "account", a.account.as_deref());
    prose(&mut out, "audience", a.audience.as_deref());
    if !a.partners.is_empty() {
        let partners: Vec<String> = a.partners.iter().map(|p| flat(p)).collect();
        let _ = writeln!(out, "partners: {}", partners.join(", "));
    }
    prose(&mut out, "background", Some(&a.background));
    prose(&mut out, "objectives_lead", a.objectives_lead.as_deref());
    numbered(&mut out, "objectives", &a.objectives);
    prose(
        &mut out,
        "objectives_closing",
        a.objectives_closing.as_deref(),
    );
    prose(
        &mut out,
        "expected_results_lead",
        a.expected_results_lead.as_deref(),
    );
    numbered(&mut out, "expected_results", &a.expected_results);
    prose(
        &mut out,
        "expected_results_closing",
        a.expected_results_closing.as_deref(),
    );
    if !a.footnotes.is_empty() {
        out.push_str("footnotes:\n");
        for footnote in &a.footnotes {
            let _ = writeln!(
                out,
                "  [^{}] {}",
                shown_line(&footnote.id),
                flat(&footnote.text)
            );
        }
    }
    if !a.participants.is_empty() {
        let _ = writeln!(out, "participants: {}", a.participants.len());
        for participant in &a.participants {
            let _ = writeln!(
                out,
                "  - {}",
                describe_participant_in(participant, Lang::En)
            );
        }
    }
    if !a.notes.is_empty() {
        out.push_str("notes:\n");
        for note in a.notes_by_date() {
            let _ = writeln!(out, "  {}  {}", note.date, flat(&note.text));
        }
    }
    if !a.outputs.is_empty() {
        out.push_str("outputs:\n");
        for output in &a.outputs {
            let mut text = flat(&output.title);
            for extra in [
                output.code.clone(),
                output.date.map(|d| d.to_string()),
                output.url.clone(),
            ]
            .into_iter()
            .flatten()
            {
                text.push_str(" · ");
                text.push_str(&flat(&extra));
            }
            let _ = writeln!(out, "  - {text}");
        }
    }
    out
}

/// The programme file: metadata, front matter, then the hierarchy one line per part.
pub fn render_programme(p: &WorkProgramme) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", flat(&p.title), p.year);
    line(&mut out, "organisation", Some(&p.organisation));
    line(&mut out, "document_code", p.document_code.as_ref());
    line(
        &mut out,
        "report_document_code",
        p.report_document_code.as_ref(),
    );
    line(&mut out, "language", p.language.as_ref());
    if !p.member_states.is_empty() {
        let _ = writeln!(out, "member_states: {}", p.member_states.len());
        for country in &p.member_states {
            let _ = writeln!(out, "  - {} ({})", country.name(Lang::En), country.code());
        }
    }
    prose(&mut out, "notice", p.notice.as_deref());
    prose(&mut out, "foreword", p.foreword.as_deref());
    prose(&mut out, "introduction", p.introduction.as_deref());
    prose(&mut out, "background", p.background.as_deref());
    for area in &p.areas {
        let _ = writeln!(out, "area {}: {}", flat(&area.code), flat(&area.title));
        if let Some(summary) = &area.summary {
            sentences(&mut out, summary);
        }
    }
    for programme in &p.programmes {
        let _ = writeln!(
            out,
            "programme {} (area {}): {}",
            flat(&programme.id),
            flat(&programme.area),
            flat(&programme.title)
        );
    }
    for project in &p.projects {
        let _ = writeln!(
            out,
            "project {} ({}): {}",
            flat(&project.code),
            flat(&project.programme),
            flat(&project.title)
        );
    }
    out
}

fn line(out: &mut String, key: &str, value: Option<&String>) {
    if let Some(value) = value {
        let _ = writeln!(out, "{key}: {}", flat(value));
    }
}

fn prose(out: &mut String, key: &str, text: Option<&str>) {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return;
    };
    let _ = writeln!(out, "{key}:");
    sentences(out, text);
}

/// Paragraphs separated by a blank line, a sentence per line, indented.
fn sentences(out: &mut String, text: &str) {
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    for (i, paragraph) in paragraphs.iter().enumerate() {
        if i > 0 {
            out.push_str("  \n");
        }
        for sentence in split_sentences(&flat(paragraph)) {
            let _ = writeln!(out, "  {sentence}");
        }
    }
}

fn numbered(out: &mut String, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{key}:");
    for (i, item) in items.iter().enumerate() {
        let _ = writeln!(out, "  {}. {}", i + 1, flat(item));
    }
}

/// Whitespace (newlines included) collapsed to single spaces, escaped for a terminal.
fn flat(text: &str) -> String {
    escape_line(&text.split_whitespace().collect::<Vec<_>>().join(" ")).into_owned()
}

/// Splits after `.`, `?`, `!` or `;` followed by a space and an upper-case letter or digit.
fn split_sentences(text: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let ends = matches!(c, '.' | '?' | '!' | ';')
            && chars.get(i + 1) == Some(&' ')
            && chars
                .get(i + 2)
                .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit());
        if ends {
            sentences.push(current.trim().to_string());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        sentences.push(current.trim().to_string());
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_a_sentence_per_line() {
        assert_eq!(
            split_sentences("One thing. Another one; 3 more. e.g. not here."),
            ["One thing.", "Another one;", "3 more. e.g. not here."]
        );
    }

    #[test]
    fn text_that_does_not_parse_is_kept() {
        let text = "code = \"I.1.1\"\n<<<<<<< HEAD\n";
        assert_eq!(textconv(text), text);
        assert_eq!(textconv("other = 1\n"), "other = 1\n");
    }

    #[test]
    fn nothing_that_acts_on_a_terminal_is_rendered_raw() {
        let text = "code = \"I.1.1\"\nproject = \"I.1\"\ntitle = \"T\\e]0;x\\u0007 \\\\u{41}\"\nkind = \"event\"\nbackground = \"\\u202Eb\"\n";
        let shown = textconv(text);
        assert!(
            shown.starts_with("I.1.1 T\\u{1b}]0;x\\u{7} \\\\u{41}\n"),
            "{shown}"
        );
        assert!(shown.contains("  \\u{202e}b\n"), "{shown}");
        let broken = "code = \"I.1.1\"\n<<<<<<< \u{1b}[2J\u{9b}\n";
        assert_eq!(
            textconv(broken),
            "code = \"I.1.1\"\n<<<<<<< \\u{1b}[2J\\u{9b}\n"
        );
    }

    #[test]
    fn an_activity_renders_field_by_field() {
        let text = "code = \"I.1.1\"\nproject = \"I.1\"\ntitle = \"T\"\nkind = \"event\"\nstatus = \"ongoing\"\nprogress = 40\nbackground = \"\"\"\nFirst. Second.\n\nThird.\n\"\"\"\nobjectives = [\"A\", \"B\"]\n";
        assert_eq!(
            textconv(text),
            "I.1.1 T\nproject: I.1\nkind: event\nstatus: ongoing\nprogress: 40%\nbackground:\n  First.\n  Second.\n  \n  Third.\nobjectives:\n  1. A\n  2. B\n"
        );
    }
}
