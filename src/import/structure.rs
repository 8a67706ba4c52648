//! The structural pass: the document's blocks read as front matter, contents and the
//! hierarchy of areas, programmes, projects and activities with their sections A–D.

use std::collections::BTreeMap;

use super::blocks::{Block, BlockKind, normalise_spaces};
use super::text::{
    WordCase, footnote_references, is_shouting, programme_slug, title_case, unwrap_italics,
};
use super::{Imported, Message, partners};
use crate::model::{
    Activity, Area, Footnote, Format, Kind, Plan, Programme, Project, Status, WorkProgramme,
    code_sort_key,
};

/// What a heading announces.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Heading {
    Contents,
    Foreword,
    Introduction,
    Background,
    Area {
        code: String,
        title: String,
    },
    Programme(String),
    Project {
        code: String,
        title: String,
    },
    Activity {
        code: String,
        title: String,
    },
    /// Section A (0) to D (3) of an activity.
    Section(usize),
    Other(String),
}

/// Where the reader is in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Start,
    Notice,
    Contents { seen_entry: bool },
    Foreword,
    Introduction,
    Summary(usize),
    Background,
    Body,
}

/// An activity as read, before its sections are interpreted.
#[derive(Debug, Default)]
struct Draft {
    line: usize,
    code: String,
    title: String,
    /// Blocks between the heading and section A.
    before: Vec<Block>,
    /// Sections A to D.
    sections: [Vec<Block>; 4],
    section: Option<usize>,
    has_section: [bool; 4],
}

/// The titles the contents table gives.
#[derive(Debug, Default)]
struct Contents {
    activities: Vec<(String, String, usize)>,
    projects: BTreeMap<String, String>,
}

/// An area's summary in the introduction.
#[derive(Debug)]
struct Summary {
    title: String,
    line: usize,
    blocks: Vec<Block>,
}

struct Reader {
    year: i32,
    part: Part,
    title: Option<String>,
    notice: Vec<Block>,
    foreword: Vec<Block>,
    introduction: Vec<Block>,
    background: Vec<Block>,
    summaries: Vec<Summary>,
    contents: Contents,
    areas: Vec<Area>,
    programmes: Vec<Programme>,
    projects: Vec<Project>,
    /// The line of each project's heading, parallel to `projects`.
    project_lines: Vec<usize>,
    drafts: Vec<Draft>,
    /// Footnote definitions: label → (text, line).
    footnotes: BTreeMap<String, (String, usize)>,
    words: WordCase,
    warnings: Vec<Message>,
    notes: Vec<Message>,
}

/// Reads `blocks` into a plan for `year`.
pub fn read(blocks: &[Block], year: i32) -> Imported {
    let mut words = WordCase::default();
    for block in blocks {
        if let BlockKind::Paragraph(text) | BlockKind::Item { text, .. } = &block.kind {
            words.learn(text);
        }
    }
    let mut reader = Reader {
        year,
        part: Part::Start,
        title: None,
        notice: Vec::new(),
        foreword: Vec::new(),
        introduction: Vec::new(),
        background: Vec::new(),
        summaries: Vec::new(),
        contents: Contents::default(),
        areas: Vec::new(),
        programmes: Vec::new(),
        projects: Vec::new(),
        project_lines: Vec::new(),
        drafts: Vec::new(),
        footnotes: BTreeMap::new(),
        words,
        warnings: Vec::new(),
        notes: Vec::new(),
    };
    for block in blocks {
        reader.block(block);
    }
    reader.finish()
}

impl Reader {
    fn warn(&mut self, line: usize, text: impl Into<String>) {
        self.warnings.push(Message {
            line,
            text: text.into(),
        });
    }

    fn note(&mut self, line: usize, text: impl Into<String>) {
        self.notes.push(Message {
            line,
            text: text.into(),
        });
    }

    fn block(&mut self, block: &Block) {
        match &block.kind {
            BlockKind::Heading(text) => self.heading(block.line, text),
            BlockKind::Footnote { id, text } => {
                if let Some((_, first)) = self.footnotes.get(id) {
                    let first = *first;
                    self.warn(
                        block.line,
                        crate::tr!(
                            "cli-import-footnote-again",
                            id = id.to_string(),
                            first = first.to_string(),
                            text = text.to_string()
                        ),
                    );
                } else {
                    self.footnotes
                        .insert(id.clone(), (text.clone(), block.line));
                }
            }
            BlockKind::Entry(cells) => match self.part {
                Part::Contents { .. } => self.entry(block.line, cells),
                _ => {
                    let text = cells.join(" ");
                    self.content(&Block {
                        line: block.line,
                        kind: BlockKind::Paragraph(text),
                    });
                }
            },
            BlockKind::Paragraph(_) | BlockKind::Item { .. } => self.content(block),
        }
    }

    fn heading(&mut self, line: usize, text: &str) {
        match classify(text) {
            Heading::Contents => self.part = Part::Contents { seen_entry: false },
            Heading::Foreword => {
                if self.part != (Part::Contents { seen_entry: false }) {
                    self.part = Part::Foreword;
                }
            }
            Heading::Introduction => self.part = Part::Introduction,
            Heading::Background => self.part = Part::Background,
            Heading::Area { code, title } => {
                self.part = Part::Body;
                if self.areas.iter().any(|a| a.code == code) {
                    self.warn(
                        line,
                        crate::tr!("cli-import-area-twice", code = code.to_string()),
                    );
                    return;
                }
                self.areas.push(Area {
                    code,
                    title: title_case(&title),
                    summary: None,
                });
            }
            Heading::Programme(title) => {
                self.part = Part::Body;
                self.programme(line, &title);
            }
            Heading::Project { code, title } => {
                self.part = Part::Body;
                self.project(line, code, &title);
            }
            Heading::Activity { code, title } => {
                self.part = Part::Body;
                if self.drafts.iter().any(|d| d.code == code) {
                    self.warn(
                        line,
                        crate::tr!("cli-import-activity-twice", code = code.to_string()),
                    );
                    let code = format!("{code}-2");
                    self.drafts.push(Draft {
                        line,
                        code,
                        title,
                        ..Draft::default()
                    });
                    return;
                }
                self.drafts.push(Draft {
                    line,
                    code,
                    title,
                    ..Draft::default()
                });
            }
            Heading::Section(index) => match (self.part, self.drafts.last_mut()) {
                (Part::Body, Some(draft)) => {
                    draft.section = Some(index);
                    draft.has_section[index] = true;
                }
                _ => self.warn(
                    line,
                    crate::tr!("cli-import-section-outside", text = text.to_string()),
                ),
            },
            Heading::Other(other) => match self.part {
                Part::Start if self.title.is_none() => self.title = Some(other),
                Part::Introduction | Part::Summary(_) if is_shouting(&other) => {
                    self.summaries.push(Summary {
                        title: other,
                        line,
                        blocks: Vec::new(),
                    });
                    self.part = Part::Summary(self.summaries.len() - 1);
                }
                _ => {
                    self.warn(
                        line,
                        crate::tr!("cli-import-unknown-heading", other = other.to_string()),
                    );
                    self.content(&Block {
                        line,
                        kind: BlockKind::Paragraph(other),
                    });
                }
            },
        }
    }

    fn programme(&mut self, line: usize, title: &str) {
        let Some(area) = self.areas.last().map(|a| a.code.clone()) else {
            self.warn(
                line,
                crate::tr!(
                    "cli-import-programme-before-area",
                    title = title.to_string()
                ),
            );
            return;
        };
        let title = if is_shouting(title) {
            self.words.sentence_case(title)
        } else {
            title.to_string()
        };
        let mut id = programme_slug(&title);
        if self.programmes.iter().any(|p| p.id == id) {
            id = format!("{id}-{}", self.programmes.len() + 1);
        }
        self.programmes.push(Programme { id, area, title });
    }

    fn project(&mut self, line: usize, code: String, title: &str) {
        let mut title = title.to_string();
        if is_shouting(&title) {
            // A project titled in capitals like a programme: the programme's heading was lost
            // and the project carries its name.
            let cased = self.words.sentence_case(&title);
            self.note(
                line,
                crate::tr!(
                    "cli-import-project-in-capitals",
                    code = code.to_string(),
                    title = title.to_string(),
                    cased = cased.to_string()
                ),
            );
            if !self.programmes.iter().any(|p| p.title == cased) {
                self.programme(line, &cased);
            }
            title = cased;
        }
        let Some(programme) = self.programmes.last().map(|p| p.id.clone()) else {
            self.warn(
                line,
                crate::tr!(
                    "cli-import-project-before-programme",
                    code = code.to_string()
                ),
            );
            return;
        };
        if !code.starts_with(&format!(
            "{}.",
            self.areas.last().map_or("", |a| a.code.as_str())
        )) {
            self.warn(
                line,
                crate::tr!("cli-import-project-numbering", code = code.to_string()),
            );
        }
        self.projects.push(Project {
            code,
            programme,
            title,
        });
        self.project_lines.push(line);
    }

    fn entry(&mut self, line: usize, cells: &[String]) {
        let mut cells = cells.to_vec();
        if cells
            .last()
            .is_some_and(|c| c.chars().all(|c| c.is_ascii_digit()))
        {
            cells.pop();
        }
        if let Part::Contents { seen_entry } = &mut self.part {
            *seen_entry = true;
        }
        match classify(&cells.join(" ")) {
            Heading::Activity { code, title } => {
                self.contents.activities.push((code, title, line));
            }
            Heading::Project { code, title } => {
                self.contents.projects.insert(code, title);
            }
            Heading::Area { .. }
            | Heading::Programme(_)
            | Heading::Introduction
            | Heading::Background
            | Heading::Foreword => {}
            _ => self.warn(
                line,
                crate::tr!(
                    "cli-import-contents-line",
                    line = cells.join(" ").to_string()
                ),
            ),
        }
    }

    fn content(&mut self, block: &Block) {
        match self.part {
            Part::Start | Part::Notice => {
                self.part = Part::Notice;
                self.notice.push(block.clone());
            }
            Part::Contents { .. } => {
                self.warn(
                    block.line,
                    crate::tr!(
                        "cli-import-contents-text",
                        text = excerpt(block).to_string()
                    ),
                );
            }
            Part::Foreword => self.foreword.push(block.clone()),
            Part::Introduction => self.introduction.push(block.clone()),
            Part::Summary(index) => self.summaries[index].blocks.push(block.clone()),
            Part::Background => self.background.push(block.clone()),
            Part::Body => match self.drafts.last_mut() {
                Some(draft) => match draft.section {
                    Some(section) => draft.sections[section].push(block.clone()),
                    None => draft.before.push(block.clone()),
                },
                None => self.warn(
                    block.line,
                    crate::tr!("cli-import-text-outside", text = excerpt(block).to_string()),
                ),
            },
        }
    }

    fn finish(mut self) -> Imported {
        let year = self.year;
        let title = self.title.clone().unwrap_or_default();
        if title.is_empty() {
            self.warn(0, crate::tr!("cli-import-no-title"));
        } else if let Some(found) = year_in(&title)
            && found != year
        {
            self.warn(
                0,
                crate::tr!(
                    "cli-import-title-year",
                    found = found.to_string(),
                    year = year.to_string()
                ),
            );
        }
        let all_text: Vec<String> = [&self.notice, &self.foreword, &self.introduction]
            .into_iter()
            .flatten()
            .filter_map(block_text)
            .collect();
        let (organisation, short_name) = organisation(&all_text.join(" "));
        if organisation.is_empty() {
            self.warn(0, crate::tr!("cli-import-no-organisation"));
        }
        let member_states = super::members::member_states(&short_name);
        if !member_states.is_empty() {
            self.note(
                0,
                format!(
                    "the document does not list {short_name}'s Member States: `member_states` \
                     in programme.toml is the {} the importer knows, or the list of the file \
                     replaced, which is kept; check them against the year's membership",
                    member_states.len()
                ),
            );
        }

        for summary in std::mem::take(&mut self.summaries) {
            let wanted = title_case(&summary.title);
            match self.areas.iter_mut().find(|a| a.title == wanted) {
                Some(area) => area.summary = markdown(&summary.blocks),
                None => self.warn(
                    summary.line,
                    crate::tr!(
                        "cli-import-summary-no-area",
                        part = summary.title.to_string()
                    ),
                ),
            }
        }

        let mut activities = Vec::new();
        let mut lines = BTreeMap::new();
        for draft in std::mem::take(&mut self.drafts) {
            lines.insert(draft.code.clone(), draft.line);
            let activity = self.activity(draft, &short_name);
            activities.push(activity);
        }
        for (code, _, line) in &self.contents.activities {
            if !activities.iter().any(|a: &Activity| &a.code == code) {
                self.warnings.push(Message {
                    line: *line,
                    text: crate::tr!("cli-import-activity-not-in-body", code = code.to_string()),
                });
            }
        }
        for (project, line) in self.projects.iter().zip(&self.project_lines) {
            if let Some(listed) = self.contents.projects.get(&project.code)
                && normalise_title(listed) != normalise_title(&project.title)
                && !is_shouting(listed)
            {
                self.notes.push(Message {
                    line: *line,
                    text: crate::tr!(
                        "cli-import-project-title",
                        code = project.code.to_string(),
                        listed = listed.to_string()
                    ),
                });
            }
        }

        // Footnotes: each goes to the activity citing it.
        let mut used = std::collections::BTreeSet::new();
        for activity in &mut activities {
            let cited = cited_footnotes(activity);
            for id in cited {
                match self.footnotes.get(&id) {
                    Some((text, _)) => {
                        used.insert(id.clone());
                        activity.footnotes.push(Footnote {
                            id,
                            text: format!("{text}\n"),
                        });
                    }
                    None => self.warnings.push(Message {
                        line: lines.get(&activity.code).copied().unwrap_or_default(),
                        text: crate::tr!(
                            "cli-import-footnote-missing",
                            code = activity.code.to_string(),
                            id = id.to_string()
                        ),
                    }),
                }
            }
        }
        for (id, (text, line)) in &self.footnotes {
            if !used.contains(id) {
                self.warnings.push(Message {
                    line: *line,
                    text: crate::tr!(
                        "cli-import-footnote-unused",
                        id = id.to_string(),
                        text = text.to_string()
                    ),
                });
            }
        }
        for (field, blocks) in [
            ("notice", &self.notice),
            ("foreword", &self.foreword),
            ("introduction", &self.introduction),
            ("background", &self.background),
        ] {
            for block in blocks {
                if block_text(block).is_some_and(|t| !footnote_references(&t).is_empty()) {
                    self.warnings.push(Message {
                        line: block.line,
                        text: crate::tr!("cli-import-chapter-footnote", chapter = field),
                    });
                }
            }
        }

        activities.sort_by_cached_key(|a| code_sort_key(&a.code));
        let language = language(&all_text.join(" "));
        let programme = WorkProgramme {
            year,
            title,
            organisation,
            document_code: None,
            report_document_code: None,
            language,
            member_states,
            notice: markdown(&self.notice),
            foreword: markdown(
                &self
                    .foreword
                    .iter()
                    .map(|b| match &b.kind {
                        BlockKind::Paragraph(text) => Block {
                            line: b.line,
                            kind: BlockKind::Paragraph(unwrap_italics(text)),
                        },
                        _ => b.clone(),
                    })
                    .collect::<Vec<_>>(),
            ),
            introduction: markdown(&self.introduction),
            background: markdown(&self.background),
            iati: None,
            areas: self.areas,
            programmes: self.programmes,
            projects: self.projects,
            translations: Default::default(),
        };
        let mut warnings = self.warnings;
        warnings.sort_by_key(|m| m.line);
        let mut notes = self.notes;
        notes.sort_by_key(|m| m.line);
        Imported {
            plan: Plan {
                programme,
                activities,
            },
            warnings,
            notes,
        }
    }

    /// Interprets an activity's sections.
    fn activity(&mut self, mut draft: Draft, organisation: &str) -> Activity {
        let code = draft.code.clone();
        let project = code
            .rsplit_once('.')
            .map(|(project, _)| project.to_string())
            .unwrap_or_default();
        if !self.projects.iter().any(|p| p.code == project) {
            self.warn(
                draft.line,
                crate::tr!(
                    "cli-import-project-no-heading",
                    code = code.to_string(),
                    project = project.to_string()
                ),
            );
        }
        if !draft.before.is_empty() {
            let line = draft.before[0].line;
            self.warn(
                line,
                crate::tr!("cli-import-text-before-a", code = code.to_string()),
            );
            let mut before = std::mem::take(&mut draft.before);
            before.append(&mut draft.sections[0]);
            draft.sections[0] = before;
        }
        let [a, b, c, d] = std::mem::take(&mut draft.sections);
        let background = markdown(&a).unwrap_or_default();
        let objectives = split_list(&b);
        let mut results = split_list(&c);
        let audience = take_audience(&mut results.closing);
        if let Some(line) = objectives.moved.or(results.moved) {
            self.warn(
                line,
                crate::tr!("cli-import-paragraph-in-list", code = code.to_string()),
            );
        }
        let format_text = d
            .iter()
            .filter_map(block_text)
            .collect::<Vec<_>>()
            .join(" ");
        let (format, format_note) = parse_format(&format_text);

        let contents_title = self
            .contents
            .activities
            .iter()
            .find(|(c, _, _)| *c == code)
            .map(|(_, title, _)| title.clone())
            .filter(|title| normalise_title(title) != normalise_title(&draft.title));
        if !self.contents.activities.is_empty()
            && !self.contents.activities.iter().any(|(c, _, _)| *c == code)
        {
            self.note(
                draft.line,
                crate::tr!("cli-import-not-in-contents", code = code.to_string()),
            );
        }

        let mut activity = Activity {
            code: code.clone(),
            project,
            title: draft.title.clone(),
            contents_title,
            kind: Kind::Event,
            format,
            format_note,
            status: Status::Planned,
            progress: 0,
            audience,
            background,
            objectives_lead: objectives.lead,
            objectives: objectives.items,
            objectives_closing: objectives.closing,
            expected_results_lead: results.lead,
            expected_results: results.items,
            expected_results_closing: results.closing,
            ..Activity::default()
        };
        activity.kind = kind(&activity);
        let prose: Vec<&str> = activity.prose().collect();
        activity.partners = partners::partners(&activity.title, &prose, organisation, self.year);

        let missing: Vec<String> = [
            (draft.has_section[1], "b"),
            (draft.has_section[2], "c"),
            (draft.has_section[3] || activity.kind == Kind::Study, "d"),
        ]
        .into_iter()
        .filter(|(present, _)| !present)
        .map(|(_, section)| crate::tr!("cli-import-section", section = section))
        .collect();
        if !missing.is_empty() {
            self.note(
                draft.line,
                crate::tr!(
                    "cli-import-missing-sections",
                    code = code.to_string(),
                    sections = missing.join(", ")
                ),
            );
        }
        activity
    }
}

/// What a heading's text announces.
fn classify(text: &str) -> Heading {
    let text = despace(&normalise_spaces(text));
    let upper = text.to_uppercase();
    let word_after = |prefix: &str| -> Option<(String, String)> {
        let rest = strip_prefix_folded(&text, prefix)?.trim_start();
        let (code, title) = rest.split_once(' ')?;
        Some((
            code.trim_end_matches('.').to_string(),
            title.trim().to_string(),
        ))
    };
    match upper.trim_end_matches([':', '.']) {
        "CONTENTS" => return Heading::Contents,
        "FOREWORD" => return Heading::Foreword,
        "INTRODUCTION" => return Heading::Introduction,
        _ => {}
    }
    if upper.starts_with("BACKGROUND:") {
        return Heading::Background;
    }
    for prefix in ["AREA ", "ÁREA "] {
        if let Some((code, title)) = word_after(prefix)
            && is_roman(&code)
        {
            return Heading::Area { code, title };
        }
    }
    if let Some(title) = strip_prefix_folded(&text, "PROGRAMME:") {
        return Heading::Programme(title.trim().to_string());
    }
    if let Some((code, title)) = word_after("PROJECT ")
        && is_code(&code, 2)
    {
        return Heading::Project { code, title };
    }
    if let Some((code, title)) = word_after("ACTIVITY ")
        && is_code(&code, 3)
    {
        return Heading::Activity { code, title };
    }
    if let Some(section) = section(&text) {
        return Heading::Section(section);
    }
    Heading::Other(text)
}

/// `text` after `prefix` (in capitals), compared without regard to case.
fn strip_prefix_folded<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let mut chars = text.char_indices();
    for wanted in prefix.chars() {
        let (_, found) = chars.next()?;
        if !found.to_uppercase().eq(wanted.to_uppercase()) {
            return None;
        }
    }
    Some(chars.next().map_or("", |(at, _)| &text[at..]))
}

/// `C O N T E N T S` → `CONTENTS`.
fn despace(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    if words.len() > 3 && words.iter().all(|w| w.chars().count() == 1) {
        words.concat()
    } else {
        text.to_string()
    }
}

/// Section A–D of an activity, from `B. Objectives`, `D Format of the activity`, `B. Objective:`.
fn section(text: &str) -> Option<usize> {
    let mut chars = text.chars();
    let letter = chars.next()?;
    let rest = chars.as_str().trim_start_matches('.');
    if !('A'..='D').contains(&letter) || !rest.starts_with(' ') {
        return None;
    }
    let rest = rest.trim().trim_end_matches([':', '.']).to_lowercase();
    let index = match rest.as_str() {
        "background and justification" => 0,
        "objective" | "objectives" => 1,
        "expected results" | "expected result" => 2,
        "format of the activity" | "format" => 3,
        _ => return None,
    };
    Some(index)
}

fn is_roman(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// `I.1` (parts = 2) or `I.1.1` (parts = 3).
fn is_code(text: &str, parts: usize) -> bool {
    let pieces: Vec<&str> = text.split('.').collect();
    pieces.len() == parts
        && is_roman(pieces[0])
        && pieces[1..]
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// A title compared loosely: spaces, case and final stop ignored.
fn normalise_title(text: &str) -> String {
    normalise_spaces(text)
        .trim_end_matches('.')
        .replace(['“', '”'], "\"")
        .to_lowercase()
}

/// The text of a paragraph or list item.
fn block_text(block: &Block) -> Option<String> {
    match &block.kind {
        BlockKind::Paragraph(text) | BlockKind::Item { text, .. } => Some(text.clone()),
        _ => None,
    }
}

/// The start of a block's text, for messages.
fn excerpt(block: &Block) -> String {
    let text = block_text(block).unwrap_or_default();
    let cut: String = text.chars().take(60).collect();
    if cut.len() < text.len() {
        format!("`{cut}…`")
    } else {
        format!("`{cut}`")
    }
}

/// Paragraphs and lists as markdown: paragraphs apart by a blank line, list items one a line;
/// with a final newline. `None` when there is nothing.
fn markdown(blocks: &[Block]) -> Option<String> {
    let mut out = String::new();
    let mut number = 0;
    let mut in_list = false;
    for block in blocks {
        match &block.kind {
            BlockKind::Item { numbered, text } => {
                number = if in_list { number + 1 } else { 1 };
                if !out.is_empty() {
                    out.push_str(if in_list { "\n" } else { "\n\n" });
                }
                if *numbered {
                    out.push_str(&format!("{number}. {text}"));
                } else {
                    out.push_str(&format!("- {text}"));
                }
                in_list = true;
            }
            BlockKind::Paragraph(text) => {
                if !out.is_empty() {
                    out.push_str("\n\n");
                }
                out.push_str(text);
                in_list = false;
            }
            _ => {}
        }
    }
    (!out.is_empty()).then(|| out + "\n")
}

/// A section read as a list: lead-in, items, closing.
#[derive(Debug, Default)]
struct List {
    lead: Option<String>,
    items: Vec<String>,
    closing: Option<String>,
    /// The line of a paragraph found between items, moved after the list.
    moved: Option<usize>,
}

/// Reads objectives or expected results: the list items (or, without a list, the first
/// paragraph as the one item), the paragraphs before as lead-in and after as closing.
fn split_list(blocks: &[Block]) -> List {
    let mut list = List::default();
    let first_item = blocks
        .iter()
        .position(|b| matches!(b.kind, BlockKind::Item { .. }));
    let last_item = blocks
        .iter()
        .rposition(|b| matches!(b.kind, BlockKind::Item { .. }));
    let (lead, middle, closing) = match (first_item, last_item) {
        (Some(first), Some(last)) => (&blocks[..first], &blocks[first..=last], &blocks[last + 1..]),
        _ => match blocks.split_first() {
            Some((first, rest)) => (&blocks[..0], std::slice::from_ref(first), rest),
            None => (&blocks[..0], &blocks[..0], &blocks[..0]),
        },
    };
    let mut closing = closing.to_vec();
    for block in middle {
        match &block.kind {
            BlockKind::Item { text, .. } | BlockKind::Paragraph(text) if first_item.is_none() => {
                list.items.push(text.clone());
            }
            BlockKind::Item { text, .. } => list.items.push(text.clone()),
            _ => {
                list.moved.get_or_insert(block.line);
                closing.insert(0, block.clone());
            }
        }
    }
    list.lead = markdown(lead);
    list.closing = markdown(&closing);
    list
}

/// Takes out of a closing text the paragraph that says who takes part.
fn take_audience(closing: &mut Option<String>) -> Option<String> {
    const CUES: &[&str] = &[
        "will participate",
        "participants in the meeting will include",
        "participants will include",
        "will be aimed at",
        "is aimed at",
        "is addressed to",
        "is intended for",
    ];
    let text = closing.take()?;
    let mut audience = None;
    let mut rest = Vec::new();
    for paragraph in text.trim_end().split("\n\n") {
        let lower = paragraph.to_lowercase();
        if audience.is_none() && CUES.iter().any(|cue| lower.contains(cue)) {
            audience = Some(format!("{paragraph}\n"));
        } else {
            rest.push(paragraph);
        }
    }
    if !rest.is_empty() {
        *closing = Some(rest.join("\n\n") + "\n");
    }
    audience
}

/// Section D: the format and whatever else it says.
fn parse_format(text: &str) -> (Option<Format>, Option<String>) {
    let text = text.trim().trim_end_matches('.').trim();
    if text.is_empty() {
        return (None, None);
    }
    let lower = text.to_ascii_lowercase();
    let words: &[(&str, Format)] = &[
        ("face-to-face", Format::FaceToFace),
        ("face to face", Format::FaceToFace),
        ("in-person", Format::FaceToFace),
        ("in person", Format::FaceToFace),
        ("virtual", Format::Virtual),
        ("online", Format::Virtual),
        ("hybrid", Format::Hybrid),
    ];
    for (word, format) in words {
        if lower.starts_with(word) {
            let rest = text[word.len()..].trim_start_matches([',', ';', ' ', '-', '–']);
            let note = (!rest.is_empty()).then(|| rest.to_string());
            return (Some(*format), note);
        }
    }
    (None, Some(text.to_string()))
}

/// What kind of work an activity is, from what the document says of it: portals are other
/// work; an activity with a format is an event; otherwise its expected results (or title) say
/// whether it gathers people or produces a document.
fn kind(activity: &Activity) -> Kind {
    let title = activity.title.to_lowercase();
    if title.contains("portal") {
        return Kind::Other;
    }
    if activity.format.is_some() {
        return Kind::Event;
    }
    const EVENT: &[&str] = &[
        "meeting",
        "seminar",
        "workshop",
        "forum",
        "webinar",
        "course",
        "conference",
        "panel",
        "training",
        "event",
    ];
    const STUDY: &[&str] = &[
        "study",
        "index",
        "report",
        "database",
        "indicator",
        "document",
        "update",
    ];
    let results = activity.expected_results.join(" ").to_lowercase();
    for text in [results.as_str(), title.as_str()] {
        let event = EVENT.iter().any(|w| text.contains(w));
        let study = STUDY.iter().any(|w| text.contains(w));
        match (event, study) {
            (true, false) => return Kind::Event,
            (false, true) => return Kind::Study,
            _ => {}
        }
    }
    if activity
        .format_note
        .as_deref()
        .is_some_and(|n| n.to_lowercase().contains("consultan"))
    {
        return Kind::Study;
    }
    Kind::Event
}

/// The footnote labels an activity's prose cites, in order of first citation.
fn cited_footnotes(activity: &Activity) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for text in activity.prose() {
        for id in footnote_references(text) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    ids
}

/// The organisation carrying the programme out, "Permanent Secretariat of SELA", and its
/// short name, "SELA".
fn organisation(text: &str) -> (String, String) {
    const LEAD: &str = "Permanent Secretariat of ";
    for (at, _) in text.match_indices(LEAD) {
        let name: String = text[at + LEAD.len()..]
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect();
        if name.len() >= 2 && name.chars().all(|c| c.is_uppercase()) {
            return (format!("{LEAD}{name}"), name);
        }
    }
    (String::new(), String::new())
}

/// The language of the text, `en` or `es`, by its commonest words.
fn language(text: &str) -> Option<String> {
    let count = |words: &[&str]| {
        text.split_whitespace()
            .filter(|w| words.contains(&w.to_lowercase().as_str()))
            .count()
    };
    let english = count(&["the", "and", "of", "to"]);
    let spanish = count(&["el", "la", "los", "las", "y", "de"]);
    match (english, spanish) {
        (0, 0) => None,
        (en, es) if en >= es => Some("en".into()),
        _ => Some("es".into()),
    }
}

/// A four-digit year in `text`.
fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|d| d.len() == 4)
        .find_map(|d| d.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_recognised_in_their_variants() {
        assert_eq!(
            classify("Activity II.2.3 Continuity of government"),
            Heading::Activity {
                code: "II.2.3".into(),
                title: "Continuity of government".into()
            }
        );
        assert_eq!(
            classify("ÁREA II. ECONOMIC AND TECHNICAL COOPERATION"),
            Heading::Area {
                code: "II".into(),
                title: "ECONOMIC AND TECHNICAL COOPERATION".into()
            }
        );
        assert_eq!(classify("D Format of the activity"), Heading::Section(3));
        assert_eq!(classify("B. Objectives:"), Heading::Section(1));
        assert_eq!(classify("F O R E W O R D"), Heading::Foreword);
        assert_eq!(classify("C O N T E N T S"), Heading::Contents);
    }

    #[test]
    fn format_and_its_note() {
        assert_eq!(
            parse_format("Virtual, with technological resources of the Permanent Secretariat."),
            (
                Some(Format::Virtual),
                Some("with technological resources of the Permanent Secretariat".into())
            )
        );
        assert_eq!(
            parse_format("Face-to-face"),
            (Some(Format::FaceToFace), None)
        );
        assert_eq!(
            parse_format("External Consultancy."),
            (None, Some("External Consultancy".into()))
        );
    }
}
