//! `programa show`: one activity, laid out for reading in a terminal, or as JSON.

use std::fmt::Write as _;

use super::list::{Listed, conflict_note, fill, kind_label, output_width, warn_unread};
use super::{CliError, Context};
use crate::model::{Activity, Date, Lang, Plan};
use crate::output;
use crate::store::conflict::FileConflict;
use crate::store::{self, Loaded};

/// Prose is wrapped to the terminal, but never wider than this, to stay easy to read.
const MAX_WIDTH: usize = 100;
/// The width when there is no terminal and no `COLUMNS`.
const DEFAULT_WIDTH: usize = 80;
/// Section bodies are indented this much.
const INDENT: &str = "   ";

/// Show one activity: its place in the programme, how it is going, and sections A–D.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The activity's code, `I.1.1`
    #[arg(add = clap_complete::ArgValueCandidates::new(super::completions::activity_codes))]
    code: String,
    /// Print the activity as JSON, with the file's field names (and `conflict` when its file
    /// has an unresolved merge conflict)
    #[arg(long)]
    json: bool,
}

/// Runs `programa show`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let mut loaded = read(context, args.code.trim())?;
    let unread = loaded.unread_file_of(args.code.trim()).map(|source| {
        let findings = loaded.findings_in(&source.path);
        (source.clone(), findings)
    });
    let conflicts = warn_unread(&mut loaded);
    let activity = find(&loaded.plan, &args.code).map_err(|error| match unread {
        Some((source, findings)) => CliError::new(crate::tr!(
            "cli-show-unreadable",
            code = args.code.trim(),
            file = source.path.display().to_string()
        ))
        .with_findings(findings, vec![source])
        .hint(crate::tr!("cli-show-unreadable-hint")),
        None => error.hint(crate::tr!("cli-show-unknown-hint")),
    })?;
    let conflict = loaded
        .plan
        .activities
        .iter()
        .position(|a| std::ptr::eq(a, activity))
        .and_then(|index| conflicts.get(&index));
    if args.json {
        let listed = Listed { activity, conflict };
        crate::output::json::to_writer_pretty(&mut *context.out, &listed)
            .map_err(std::io::Error::from)?;
        writeln!(context.out)?;
    } else {
        let width = output_width().unwrap_or(DEFAULT_WIDTH).min(MAX_WIDTH);
        if let Some(conflict) = conflict {
            context
                .out
                .write_all(conflict_banner(&activity.code, conflict).as_bytes())?;
        }
        context
            .out
            .write_all(render(&loaded.plan, activity, width, context.lang).as_bytes())?;
    }
    Ok(())
}

/// The programme file and the activity's own file, when that is all it takes to show it: a
/// file named after the code that says that code, or that cannot be read. Otherwise the whole
/// year, to find the code in another file or suggest the nearest ones.
fn read(context: &Context, code: &str) -> Result<Loaded, CliError> {
    let workspace = context.workspace()?;
    let year = workspace.resolve_year(context.year_option())?;
    if let Some(one) = store::load_activity(&workspace, year, code)? {
        let says_it = one.plan.activities.iter().any(|a| a.code == code);
        if says_it || one.unread_file_of(code).is_some() {
            return Ok(one);
        }
    }
    Ok(store::load(&workspace, year)?)
}

/// What `show` says first of an activity whose file has an unresolved merge conflict: where,
/// each key with both values, and how to resolve it; escaped for a terminal.
fn conflict_banner(code: &str, conflict: &FileConflict) -> String {
    let mut banner = conflict_note(code, conflict);
    banner.push('\n');
    for block in &conflict.blocks {
        let summary = output::escape_line(&block.summary()).into_owned();
        let _ = writeln!(
            banner,
            "  {}",
            crate::tr!(
                "cli-diff-conflict-line",
                line = block.line,
                summary = summary
            )
        );
    }
    let file = output::escape_line(&conflict.file.display().to_string()).into_owned();
    let _ = writeln!(banner, "{}\n", crate::tr!("cli-show-resolve", file = file));
    banner
}

/// The activity with `code` (ignoring case), or an error suggesting the codes nearest to it.
fn find<'a>(plan: &'a Plan, code: &str) -> Result<&'a Activity, CliError> {
    let wanted = code.trim();
    if let Some(activity) = plan.activity(wanted).or_else(|| {
        plan.activities
            .iter()
            .find(|a| a.code.eq_ignore_ascii_case(wanted))
    }) {
        return Ok(activity);
    }
    let mut error = CliError::new(crate::tr!(
        "cli-show-unknown",
        code = wanted,
        year = plan.programme.year.to_string()
    ));
    if let Some(project) = plan
        .programme
        .projects
        .iter()
        .find(|p| p.code.eq_ignore_ascii_case(wanted))
    {
        error = error.hint(crate::tr!(
            "cli-show-a-project",
            project = project.code.as_str()
        ));
    }
    let suggestions = nearest_codes(plan, wanted);
    if !suggestions.is_empty() {
        let quoted: Vec<String> = suggestions.iter().map(|c| format!("`{c}`")).collect();
        error = error.hint(crate::tr!(
            "store-did-you-mean-code",
            code = join_or(&quoted)
        ));
    }
    Err(error)
}

/// Up to three codes near `wanted`, nearest first.
fn nearest_codes<'a>(plan: &'a Plan, wanted: &str) -> Vec<&'a str> {
    crate::suggest::nearest(wanted, plan.activities.iter().map(|a| a.code.as_str()), 3)
}

/// "a", "a or b", "a, b or c".
fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => {
            crate::tr!("cli-show-or", rest = rest.join(", "), last = last.as_str())
        }
    }
}

/// The activity as text for a terminal `width` columns wide.
pub fn render(plan: &Plan, activity: &Activity, width: usize, lang: Lang) -> String {
    let mut page = Page {
        text: String::new(),
        width: width.max(40),
        lang,
    };
    page.heading(activity);
    page.facts(plan, activity);

    page.section(&crate::tr!(lang; "cli-show-section", section = "a"));
    page.prose(&activity.background);

    page.section(&crate::tr!(lang; "cli-show-section", section = "b"));
    page.list(
        activity.objectives_lead.as_deref(),
        &activity.objectives,
        activity.objectives_closing.as_deref(),
        true,
    );

    page.section(&crate::tr!(lang; "cli-show-section", section = "c"));
    page.list(
        activity.expected_results_lead.as_deref(),
        &activity.expected_results,
        activity.expected_results_closing.as_deref(),
        activity.expected_results.len() > 1,
    );

    page.format_section(activity);
    page.tracking(activity);
    page.text
}

/// Text being laid out.
struct Page {
    text: String,
    width: usize,
    /// The language of the labels and of the names of countries.
    lang: Lang,
}

impl Page {
    fn line(&mut self, line: &str) {
        self.text.push_str(line.trim_end());
        self.text.push('\n');
    }

    fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    /// `text` on one line, escaped for a terminal, then wrapped: the first line starts with
    /// `first`, the others with `rest`.
    fn wrapped(&mut self, text: &str, first: &str, rest: &str) {
        // Lines break at spaces only, so that no escape is ever split over two lines.
        let options = textwrap::Options::new(self.width)
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .break_words(false);
        for line in textwrap::wrap(&output::escape_line(text), options) {
            self.line(&line);
        }
    }

    fn heading(&mut self, activity: &Activity) {
        let first = format!("{}  ", output::shown_line(&activity.code));
        let rest = " ".repeat(first.len());
        self.wrapped(&activity.title, &first, &rest);
        if let Some(contents_title) = &activity.contents_title {
            let contents =
                crate::tr!(self.lang; "cli-show-contents", title = contents_title.as_str());
            self.wrapped(&contents, &rest, &rest);
        }
        self.blank();
    }

    /// The labelled lines under the title: hierarchy, status, kind, venue, dates, partners.
    fn facts(&mut self, plan: &Plan, activity: &Activity) {
        let programme = &plan.programme;
        let area = programme.area(activity.area_code());
        let project = programme.project(&activity.project);
        let programme_of_project = project.and_then(|p| programme.programme(&p.programme));

        let lang = self.lang;
        let not_listed = |code: &str| crate::tr!(lang; "cli-show-not-listed", code = code);
        let mut facts: Vec<(&str, String)> = Vec::new();
        facts.push((
            "area",
            match area {
                Some(area) => format!("{}  {}", area.code, area.title),
                None => not_listed(activity.area_code()),
            },
        ));
        if let Some(programme) = programme_of_project {
            facts.push(("programme", programme.title.clone()));
        }
        facts.push((
            "project",
            match project {
                Some(project) => format!("{}  {}", project.code, project.title),
                None => not_listed(&activity.project),
            },
        ));
        facts.push((
            "status",
            format!(
                "{}  {} {}%",
                fill(activity.status.name(self.lang), 9),
                progress_bar(activity.progress, 20),
                activity.progress
            ),
        ));
        facts.push(("kind", kind_label(activity, self.lang)));
        if let Some(venue) = &activity.venue {
            facts.push(("venue", venue.clone()));
        }
        if let Some(dates) = span(activity.planned_start, activity.planned_end, lang) {
            facts.push(("planned", dates));
        }
        if let Some(dates) = span(activity.actual_start, activity.actual_end, lang) {
            facts.push(("held", dates));
        }
        if !activity.partners.is_empty() {
            facts.push(("partners", activity.partners.join(", ")));
        }
        let facts: Vec<(String, String)> = facts
            .into_iter()
            .map(|(fact, value)| (crate::tr!(lang; "cli-show-fact", fact = fact), value))
            .collect();

        let label_width = facts
            .iter()
            .map(|(label, _)| label.chars().count())
            .max()
            .unwrap_or(0)
            + 2;
        let rest = " ".repeat(label_width);
        for (label, value) in facts {
            self.wrapped(&value, &fill(&label, label_width), &rest);
        }
    }

    fn section(&mut self, title: &str) {
        self.blank();
        self.line(title);
    }

    /// Markdown prose, reflowed: paragraphs and list items keep their breaks, hard-wrapped
    /// lines are joined, inline markup and footnote references (`[^1]`) stay as written.
    fn prose(&mut self, markdown: &str) {
        let blocks = blocks(markdown);
        if blocks.is_empty() {
            self.line(&format!(
                "{INDENT}{}",
                crate::tr!(self.lang; "cli-show-none")
            ));
        }
        for (i, block) in blocks.iter().enumerate() {
            let tight = i > 0 && block.item.is_some() && !block.after_blank;
            if i > 0 && !tight {
                self.blank();
            }
            match &block.item {
                Some(marker) => {
                    let first = format!("{INDENT}{marker} ");
                    let rest = " ".repeat(first.chars().count());
                    self.wrapped(&block.text, &first, &rest);
                }
                None => self.wrapped(&block.text, INDENT, INDENT),
            }
        }
    }

    /// A lead paragraph, items (numbered or as paragraphs) and a closing paragraph.
    fn list(&mut self, lead: Option<&str>, items: &[String], closing: Option<&str>, number: bool) {
        if lead.is_none() && items.is_empty() && closing.is_none() {
            self.line(&format!(
                "{INDENT}{}",
                crate::tr!(self.lang; "cli-show-none")
            ));
            return;
        }
        if let Some(lead) = lead {
            self.prose(lead);
            self.blank();
        }
        let digits = items.len().to_string().len();
        for (i, item) in items.iter().enumerate() {
            if number {
                let first = format!("{INDENT}{:>digits$}. ", i + 1);
                let rest = " ".repeat(first.len());
                self.wrapped(&join_lines(item), &first, &rest);
            } else {
                if i > 0 {
                    self.blank();
                }
                self.prose(item);
            }
        }
        if let Some(closing) = closing {
            self.blank();
            self.prose(closing);
        }
    }

    fn format_section(&mut self, activity: &Activity) {
        self.section(&crate::tr!(self.lang; "cli-show-section", section = "d"));
        let mut format = match activity.format {
            Some(format) => capitalise(format.name(self.lang)),
            None => capitalise(activity.kind.name(self.lang)),
        };
        if let Some(note) = &activity.format_note {
            let _ = write!(format, ", {note}");
        }
        self.wrapped(&format, INDENT, INDENT);
        if let Some(audience) = &activity.audience {
            self.blank();
            self.wrapped(
                &join_lines(audience),
                &format!("{INDENT}{} ", crate::tr!(self.lang; "cli-show-audience")),
                INDENT,
            );
        }
    }

    /// Footnotes, participants, notes, the account and outputs: whatever of them the activity has.
    fn tracking(&mut self, activity: &Activity) {
        if !activity.footnotes.is_empty() {
            self.section(&crate::tr!(self.lang; "cli-show-section", section = "footnotes"));
            let width = activity
                .footnotes
                .iter()
                .map(|f| f.id.len())
                .max()
                .unwrap_or(0)
                + 4;
            for footnote in &activity.footnotes {
                let first = format!("{INDENT}{}", fill(&format!("[^{}]", footnote.id), width));
                let rest = " ".repeat(first.len());
                self.wrapped(&join_lines(&footnote.text), &first, &rest);
            }
        }
        if !activity.participants.is_empty() {
            let countries: std::collections::BTreeSet<_> =
                activity.participants.iter().map(|p| p.country).collect();
            self.section(&crate::tr!(self.lang; "cli-show-participants",
                count = activity.participants.len(),
                countries = countries.len()
            ));
            for participant in &activity.participants {
                let who = match &participant.name {
                    Some(name) => format!("{name}, {}", participant.organisation),
                    None => participant.organisation.clone(),
                };
                let country = participant.country.name(self.lang);
                let line = format!("{who}, {country} ({})", participant.role.name(self.lang));
                self.wrapped(&line, &format!("{INDENT}- "), &format!("{INDENT}  "));
            }
        }
        if !activity.notes.is_empty() {
            self.section(&crate::tr!(self.lang; "cli-show-section", section = "notes"));
            for note in activity.notes_by_date() {
                let first = format!("{INDENT}{}  ", note.date);
                let rest = " ".repeat(first.len());
                self.wrapped(&join_lines(&note.text), &first, &rest);
            }
        }
        if let Some(account) = &activity.account {
            self.section(&crate::tr!(self.lang; "cli-show-section", section = "account"));
            self.wrapped(&join_lines(account), INDENT, INDENT);
        }
        if !activity.outputs.is_empty() {
            self.section(&crate::tr!(self.lang; "cli-show-section", section = "outputs"));
            for output in &activity.outputs {
                let mut line = output.title.clone();
                let details: Vec<String> = [
                    output.code.clone(),
                    output.date.map(|d| d.to_string()),
                    output.url.clone(),
                ]
                .into_iter()
                .flatten()
                .collect();
                if !details.is_empty() {
                    let _ = write!(line, " ({})", details.join(", "));
                }
                self.wrapped(&line, &format!("{INDENT}- "), &format!("{INDENT}  "));
            }
        }
    }
}

/// A paragraph or list item of markdown prose.
#[derive(Debug, PartialEq)]
struct Block {
    /// The list marker (`-`, `1.`), for a list item.
    item: Option<String>,
    /// The text, its lines joined.
    text: String,
    /// Whether a blank line came before it.
    after_blank: bool,
}

/// The paragraphs and list items of markdown prose.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false;
    let mut after_blank = false;
    for line in markdown.lines() {
        let line = line.trim();
        if line.is_empty() {
            open = false;
            after_blank = true;
            continue;
        }
        if let Some((marker, rest)) = list_marker(line) {
            blocks.push(Block {
                item: Some(marker.to_string()),
                text: rest.to_string(),
                after_blank,
            });
        } else if let Some(block) = blocks.last_mut().filter(|_| open) {
            block.text.push(' ');
            block.text.push_str(line);
        } else {
            blocks.push(Block {
                item: None,
                text: line.to_string(),
                after_blank,
            });
        }
        open = true;
        after_blank = false;
    }
    blocks
}

/// The marker and text of a markdown list item: `- text`, `* text`, `1. text`, `1) text`.
fn list_marker(line: &str) -> Option<(&str, &str)> {
    let (marker, rest) = line.split_once(' ')?;
    let bullet = matches!(marker, "-" | "*" | "+");
    let numbered = marker.len() > 1
        && (marker.ends_with('.') || marker.ends_with(')'))
        && marker[..marker.len() - 1]
            .chars()
            .all(|c| c.is_ascii_digit());
    (bullet || numbered).then(|| (marker, rest.trim_start()))
}

/// Hard-wrapped lines joined into one.
fn join_lines(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `████░░░░` for a percentage, `cells` wide.
fn progress_bar(progress: u8, cells: usize) -> String {
    let done = (usize::from(progress.min(100)) * cells + 50) / 100;
    format!("{}{}", "█".repeat(done), "░".repeat(cells - done))
}

/// "2021-05-10 – 2021-05-11", one date when both are the same, or what is known.
fn span(start: Option<Date>, end: Option<Date>, lang: Lang) -> Option<String> {
    match (start, end) {
        (Some(start), Some(end)) if start == end => Some(start.to_string()),
        (Some(start), Some(end)) => Some(format!("{start} – {end}")),
        (Some(start), None) => Some(crate::tr!(lang; "cli-show-from", date = start.to_string())),
        (None, Some(end)) => Some(crate::tr!(lang; "cli-show-until", date = end.to_string())),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_keeps_paragraphs_and_list_items_and_joins_wrapped_lines() {
        let text = "First line\nwraps here[^1].\n\n- one\n- two\n  continued\n\n1. numbered";
        let found = blocks(text);
        let texts: Vec<(Option<&str>, &str)> = found
            .iter()
            .map(|b| (b.item.as_deref(), b.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                (None, "First line wraps here[^1]."),
                (Some("-"), "one"),
                (Some("-"), "two continued"),
                (Some("1."), "numbered"),
            ]
        );
        assert!(found[1].after_blank && !found[2].after_blank);
    }

    #[test]
    fn progress_bars_round_to_the_nearest_cell() {
        assert_eq!(progress_bar(0, 10), "░░░░░░░░░░");
        assert_eq!(progress_bar(44, 10), "████░░░░░░");
        assert_eq!(progress_bar(45, 10), "█████░░░░░");
        assert_eq!(progress_bar(250, 10), "██████████");
    }

    #[test]
    fn alternatives_read_as_a_sentence() {
        let items = |n: usize| (1..=n).map(|i| i.to_string()).collect::<Vec<_>>();
        assert_eq!(join_or(&items(1)), "1");
        assert_eq!(join_or(&items(3)), "1, 2 or 3");
    }
}
