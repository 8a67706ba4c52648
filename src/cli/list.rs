//! `programa list`: the activities of a year, filtered, as a table, JSON or CSV.
//!
//! Also home to the small text helpers the reading commands share: the output width and
//! truncation by display width.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::io::{BufWriter, Write};

use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{CliError, Context};
use crate::model::{Activity, Date, Format, Kind, Lang, Status, WorkProgramme, code_sort_key};
use crate::output;
use crate::output::style::{Palette, Style};
use crate::store::conflict::FileConflict;
use crate::store::{self, Loaded};

/// List the activities of a year, filtered.
///
/// Filters combine: an activity is listed when it passes every filter given. A filter given
/// more than once (or with commas, `--status planned,ongoing`) lets any of its values pass.
/// Words of TEXT must all occur, in any case, in the activity's code, title or prose.
///
/// `--since` and `--until` keep an activity when its planned period (planned start to planned
/// end) or its actual period (actual start to actual end) shares at least one day with the
/// days from `--since` to `--until`, both included. A period with only one of its dates is
/// that one day; an activity with no dates at all is left out.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only activities of this area (`I`, `II`…)
    #[arg(long, value_name = "CODE", value_delimiter = ',',
          add = clap_complete::ArgValueCandidates::new(super::completions::area_codes))]
    area: Vec<String>,
    /// Only activities of this project (`I.1`, `II.3`…)
    #[arg(long, value_name = "CODE", value_delimiter = ',',
          add = clap_complete::ArgValueCandidates::new(super::completions::project_codes))]
    project: Vec<String>,
    /// Only activities with this status
    #[arg(long, value_delimiter = ',', value_parser = super::words::words::<Status>())]
    status: Vec<Status>,
    /// Only events held this way
    #[arg(long, value_delimiter = ',', value_parser = super::words::words::<Format>())]
    format: Vec<Format>,
    /// Only activities of this kind
    #[arg(long, value_delimiter = ',', value_parser = super::words::words::<Kind>())]
    kind: Vec<Kind>,
    /// Only activities whose planned end is before today and that are neither completed nor
    /// cancelled
    #[arg(long)]
    overdue: bool,
    /// Only activities whose planned or actual period reaches this day (YYYY-MM-DD) or later
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    since: Option<Date>,
    /// Only activities whose planned or actual period begins on this day (YYYY-MM-DD) or before
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    until: Option<Date>,
    /// Order by code, status, progress, planned_start, planned_end, actual_end or title;
    /// activities without the date come last, and ties go in code order
    #[arg(long, value_name = "KEY", value_parser = parse_sort_key)]
    sort: Option<SortKey>,
    /// Turn the order around (activities without the date stay last)
    #[arg(long)]
    reverse: bool,
    /// Print a JSON array of the activities, with the files' field names (and `conflict` for
    /// one whose file has an unresolved merge conflict)
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Print CSV with a header row: one row per activity, the tracking fields, and the place of
    /// an unresolved merge conflict
    #[arg(long)]
    csv: bool,
    /// Words or "quoted phrases" that must all occur in the code, title or prose
    #[arg(value_name = "TEXT")]
    text: Vec<String>,
}

/// Runs `programa list`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let words = words_of(&args.text);
    // Only JSON prints prose, and only TEXT searches it: the rest is let go as it is read.
    let keep_prose =
        |activity: &Activity| args.json || !words.is_empty() && matches_words(&words, activity);
    let mut loaded = load_brief(context, &keep_prose)?;
    let conflicts = warn_unread(&mut loaded);
    let programme = &loaded.plan.programme;
    let filter = Filter::new(args, programme)?;
    let mut activities: Vec<Listed> = loaded
        .plan
        .activities
        .iter()
        .enumerate()
        .filter(|(_, activity)| filter.accepts(activity))
        .map(|(index, activity)| Listed {
            activity,
            conflict: conflicts.get(&index),
        })
        .collect();
    sort(
        &mut activities,
        args.sort.unwrap_or(SortKey::Code),
        args.reverse,
    );

    let mut out = BufWriter::with_capacity(64 * 1024, &mut *context.out);
    if args.json {
        crate::output::json::to_writer_pretty(&mut out, &activities)
            .map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else if args.csv {
        write_csv(&mut out, &activities)?;
    } else if activities.is_empty() {
        eprintln!(
            "{}",
            nothing_found(loaded.plan.activities.len(), loaded.year)
        );
    } else {
        let date_column = match args.sort {
            Some(key) if key.date_of().is_some() => Some(key),
            _ if args.overdue => Some(SortKey::PlannedEnd),
            _ => None,
        };
        write_table(
            &mut out,
            &activities,
            date_column,
            output_width(),
            context.palette,
        )?;
    }
    out.flush()?;
    Ok(())
}

/// The chosen year as lists and counts need it ([`store::load_brief`]): the long prose only
/// of the activities `keep_prose` asks for.
pub(super) fn load_brief(
    context: &Context,
    keep_prose: &(dyn Fn(&Activity) -> bool + Sync),
) -> Result<Loaded, CliError> {
    let workspace = context.workspace()?;
    let year = workspace.resolve_year(context.year_option())?;
    Ok(store::load_brief(&workspace, year, keep_prose)?)
}

/// An activity as the reading commands give it: with its file's unresolved conflict, if any.
#[derive(Serialize)]
pub(super) struct Listed<'a> {
    /// The activity (as the side of the conflict it was read from, if conflicted).
    #[serde(flatten)]
    pub(super) activity: &'a Activity,
    /// Its file's unresolved merge conflict.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) conflict: Option<&'a FileConflict>,
}

/// What the status column says of an activity whose file has an unresolved conflict.
pub(super) const CONFLICT: &str = "conflict";

/// Says on stderr when files could not be read, so that nobody takes a partial list for all,
/// and which activities are shown from one side of an unresolved merge conflict; returns those
/// conflicts, by the activity's place in the plan.
pub(super) fn warn_unread(loaded: &mut Loaded) -> BTreeMap<usize, FileConflict> {
    let unread = drop_unread(loaded);
    if !loaded.has_conflicts() {
        if !unread.is_empty() {
            eprintln!("{}", crate::tr!("cli-list-unread-hint"));
        }
        return BTreeMap::new();
    }
    if let Some(conflict) = loaded.programme_conflict() {
        let note = conflict_note(crate::store::PROGRAMME_FILE, &conflict);
        eprintln!("{}", crate::tr!("cli-warning", warning = note));
    }
    let conflicts: BTreeMap<usize, FileConflict> = (0..loaded.plan.activities.len())
        .filter_map(|index| Some((index, loaded.conflict_of(index)?)))
        .collect();
    for (index, conflict) in &conflicts {
        let note = conflict_note(&loaded.plan.activities[*index].code, conflict);
        eprintln!("{}", crate::tr!("cli-warning", warning = note));
    }
    eprintln!("{}", crate::tr!("cli-list-unread-hint"));
    conflicts
}

/// "I.1.2 has an unresolved merge conflict (file:7); shown as HEAD has it", escaped for a
/// terminal.
pub(super) fn conflict_note(code: &str, conflict: &FileConflict) -> String {
    let lines: Vec<String> = conflict.blocks.iter().map(|b| b.line.to_string()).collect();
    let place = format!("{}:{}", conflict.file.display(), lines.join(","));
    let note = match conflict.shown_label() {
        Some(label) if !label.is_empty() => crate::tr!(
            "cli-list-conflict-shown",
            code = code,
            place = place,
            side = label
        ),
        _ => crate::tr!("cli-list-conflict", code = code, place = place),
    };
    output::escape_line(&note).into_owned()
}

/// Leaves out the activities whose files could not be read, saying so on stderr.
fn drop_unread(loaded: &mut Loaded) -> Vec<String> {
    let files: Vec<String> = loaded
        .drop_unreadable()
        .iter()
        .map(|p| output::escape_line(&p.display().to_string()).into_owned())
        .collect();
    if files.is_empty() {
        return files;
    }
    let warning = crate::tr!(
        "cli-list-unread",
        count = files.len(),
        files = files.join(", ")
    );
    eprintln!("{}", crate::tr!("cli-warning", warning = warning));
    files
}

fn nothing_found(total: usize, year: i32) -> String {
    if total == 0 {
        crate::tr!("cli-list-empty", year = year.to_string())
    } else {
        crate::tr!(
            "cli-list-none-match",
            year = year.to_string(),
            total = total
        )
    }
}

/// The filters of one `list`, checked against the programme.
struct Filter<'a> {
    args: &'a Args,
    areas: Vec<&'a str>,
    projects: Vec<&'a str>,
    /// The words of TEXT, lowercased.
    words: Vec<String>,
    /// Today, when `--overdue` asks for it.
    today: Option<Date>,
}

impl<'a> Filter<'a> {
    /// Resolves `--area` and `--project` against the programme's codes, ignoring case; reads
    /// today's date for `--overdue`; refuses a `--since` after the `--until`.
    fn new(args: &'a Args, programme: &'a WorkProgramme) -> Result<Self, CliError> {
        if let (Some(since), Some(until)) = (args.since, args.until)
            && since > until
        {
            let (since, until) = (since.to_string(), until.to_string());
            return Err(CliError::new(crate::tr!(
                "cli-list-since-after-until",
                since = since.as_str(),
                until = until.as_str()
            ))
            .hint(crate::tr!(
                "cli-list-since-after-until-hint",
                since = since.as_str(),
                until = until.as_str()
            )));
        }
        let today = if args.overdue {
            Some(crate::clock::today().map_err(|e| {
                CliError::new(e.to_string()).hint(crate::tr!(
                    "cli-stats-today-hint",
                    var = crate::clock::TODAY_VAR
                ))
            })?)
        } else {
            None
        };
        let area_codes: Vec<&str> = programme.areas.iter().map(|a| a.code.as_str()).collect();
        let project_codes: Vec<&str> = programme.projects.iter().map(|p| p.code.as_str()).collect();
        Ok(Filter {
            args,
            areas: resolve_codes("area", &args.area, &area_codes)?,
            projects: resolve_codes("project", &args.project, &project_codes)?,
            words: words_of(&args.text),
            today,
        })
    }

    fn accepts(&self, activity: &Activity) -> bool {
        let args = self.args;
        (self.areas.is_empty() || self.areas.contains(&activity.area_code()))
            && (self.projects.is_empty() || self.projects.contains(&activity.project.as_str()))
            && (args.status.is_empty() || args.status.contains(&activity.status))
            && (args.kind.is_empty() || args.kind.contains(&activity.kind))
            && (args.format.is_empty() || activity.format.is_some_and(|f| args.format.contains(&f)))
            && self.today.is_none_or(|today| activity.is_overdue(today))
            && (args.since.is_none() && args.until.is_none()
                || activity.meets(args.since, args.until))
            && matches_words(&self.words, activity)
    }
}

/// The words of TEXT, lowercased.
fn words_of(text: &[String]) -> Vec<String> {
    text.iter().map(|word| word.to_lowercase()).collect()
}

/// Whether every one of `words` (lowercased) occurs in the activity's code, title or prose.
fn matches_words(words: &[String], activity: &Activity) -> bool {
    if words.is_empty() {
        return true;
    }
    let mut haystack = activity.code.to_lowercase();
    for prose in activity.prose() {
        haystack.push('\n');
        haystack.push_str(&prose.to_lowercase());
    }
    words.iter().all(|word| haystack.contains(word.as_str()))
}

/// What `--sort` orders by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Code,
    Status,
    Progress,
    PlannedStart,
    PlannedEnd,
    ActualEnd,
    Title,
}

impl SortKey {
    /// Every key, with the word `--sort` takes for it.
    const ALL: [(&'static str, SortKey); 7] = [
        ("code", SortKey::Code),
        ("status", SortKey::Status),
        ("progress", SortKey::Progress),
        ("planned_start", SortKey::PlannedStart),
        ("planned_end", SortKey::PlannedEnd),
        ("actual_end", SortKey::ActualEnd),
        ("title", SortKey::Title),
    ];

    /// For a date key, the date it reads and the key of the header of the table's column for it.
    fn date_of(self) -> Option<(DateOf, &'static str)> {
        match self {
            SortKey::PlannedStart => Some((|a| a.planned_start, "planned-start")),
            SortKey::PlannedEnd => Some((|a| a.planned_end, "planned-end")),
            SortKey::ActualEnd => Some((|a| a.actual_end, "actual-end")),
            _ => None,
        }
    }
}

/// Reads one of an activity's dates.
type DateOf = fn(&Activity) -> Option<Date>;

/// Reads a `--sort` key, suggesting the nearest one for a typo.
fn parse_sort_key(text: &str) -> Result<SortKey, String> {
    let words = SortKey::ALL.map(|(word, _)| word);
    if let Some(&(_, key)) = SortKey::ALL
        .iter()
        .find(|(word, _)| word.eq_ignore_ascii_case(text) || word.replace('_', "-") == text)
    {
        return Ok(key);
    }
    let text = output::escape_line(text).into_owned();
    Err(match crate::suggest::did_you_mean(&text, words) {
        Some(meant) => crate::tr!(
            "cli-list-sort-key-meant",
            text = text.as_str(),
            meant = meant,
            keys = words.join(", ")
        ),
        None => crate::tr!(
            "cli-list-sort-key",
            text = text.as_str(),
            keys = words.join(", ")
        ),
    })
}

/// Reads a `--since` or `--until` date, suggesting what a mistyped one probably means.
fn parse_date(text: &str) -> Result<Date, String> {
    text.parse().map_err(|_| {
        let text = output::escape_line(text).into_owned();
        match Date::meant_by(&text) {
            Some(meant) => crate::tr!(
                "cli-list-not-a-date-meant",
                text = text.as_str(),
                meant = meant.to_string()
            ),
            None => crate::tr!("cli-list-not-a-date", text = text.as_str()),
        }
    })
}

/// Orders the activities by `key` (or turned around), activities without the key's date last
/// either way, ties in code order.
fn sort(listed: &mut [Listed], key: SortKey, reverse: bool) {
    let turn = |order: Ordering| if reverse { order.reverse() } else { order };
    listed.sort_by_cached_key(|l| code_sort_key(&l.activity.code));
    if key == SortKey::Code {
        if reverse {
            listed.reverse();
        }
        return;
    }
    // A stable sort on the code order leaves ties in code order.
    listed.sort_by(|a, b| {
        let (a, b) = (a.activity, b.activity);
        match key {
            SortKey::Status => turn(a.status.cmp(&b.status)),
            SortKey::Progress => turn(a.progress.cmp(&b.progress)),
            SortKey::Title => turn(a.title.to_lowercase().cmp(&b.title.to_lowercase())),
            SortKey::Code => Ordering::Equal,
            SortKey::PlannedStart | SortKey::PlannedEnd | SortKey::ActualEnd => {
                let Some((date, _)) = key.date_of() else {
                    return Ordering::Equal;
                };
                match (date(a), date(b)) {
                    (Some(a), Some(b)) => turn(a.cmp(&b)),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                }
            }
        }
    });
}

/// Each of `given` as one of `known` (ignoring case), or an error listing what exists.
fn resolve_codes<'a>(
    what: &str,
    given: &[String],
    known: &[&'a str],
) -> Result<Vec<&'a str>, CliError> {
    given
        .iter()
        .map(|code| {
            known
                .iter()
                .copied()
                .find(|k| k.eq_ignore_ascii_case(code))
                .ok_or_else(|| {
                    let error = CliError::new(crate::tr!(
                        "check-unknown-reference",
                        what = what,
                        name = code.as_str()
                    ));
                    if known.is_empty() {
                        error.hint(crate::tr!("cli-list-none-defined", what = what))
                    } else {
                        error.hint(crate::tr!(
                            "cli-list-known",
                            what = what,
                            list = known.join(", ")
                        ))
                    }
                })
        })
        .collect()
}

/// "face-to-face event", "study" ("evento presencial", "estudio"): the kind, with the format
/// of an event, in `lang`.
pub(super) fn kind_label(activity: &Activity, lang: Lang) -> String {
    let kind = activity.kind.name(lang);
    match activity.format {
        Some(format) => {
            crate::tr!(lang; "cli-kind-with-format", kind = kind, format = format.as_str())
        }
        None => kind.to_string(),
    }
}

/// The activities as an aligned table; with `date_column`, a column of that key's date after
/// DONE.
fn write_table(
    out: &mut impl Write,
    listed: &[Listed],
    date_column: Option<SortKey>,
    width: Option<usize>,
    palette: Palette,
) -> std::io::Result<()> {
    let header = [
        crate::tr!("cli-list-code"),
        crate::tr!("cli-list-status"),
        crate::tr!("cli-list-done"),
        crate::tr!("cli-list-kind"),
        crate::tr!("cli-list-title"),
    ];
    let header: [&str; 5] = [&header[0], &header[1], &header[2], &header[3], &header[4]];
    let date_column = date_column
        .and_then(SortKey::date_of)
        .map(|(date, key)| (date, crate::tr!("cli-list-date", key = key)));
    let dates: Vec<String> = match date_column {
        Some((date, _)) => listed
            .iter()
            .map(|l| date(l.activity).map_or_else(|| "-".to_string(), |d| d.to_string()))
            .collect(),
        None => Vec::new(),
    };
    let date_width = date_column
        .as_ref()
        .map_or(0, |(_, header)| header.width() + 2);
    let activities: Vec<&Activity> = listed.iter().map(|l| l.activity).collect();
    let status = |listed: &Listed| match listed.conflict {
        Some(_) => CONFLICT,
        None => listed.activity.status.name(crate::i18n::lang()),
    };
    let kinds: Vec<String> = activities
        .iter()
        .map(|a| kind_label(a, crate::i18n::lang()))
        .collect();
    let column = |header: &str, cells: &mut dyn Iterator<Item = usize>| {
        cells.max().unwrap_or(0).max(header.width())
    };
    let code_width = column(
        header[0],
        &mut activities
            .iter()
            .map(|a| output::escape_line(&a.code).width()),
    );
    let status_width = column(header[1], &mut listed.iter().map(|l| status(l).width()));
    let progress_width = "100%".len().max(header[2].width());
    let kind_width = column(header[3], &mut kinds.iter().map(|k| k.width()));
    let gap = 2;
    let before_title =
        code_width + status_width + progress_width + date_width + kind_width + 4 * gap;
    // Never squeeze titles below a readable minimum, even in a narrow terminal.
    let title_width = width.map(|w| w.saturating_sub(before_title).max(12));

    // Colours wrap the cells once they are filled, so they take no room.
    let mut row = |cells: [Style; 2],
                   code: &str,
                   status: &str,
                   progress: &str,
                   date: &str,
                   kind: &str,
                   title: &str| {
        let title = match title_width {
            Some(width) => truncate(title, width),
            None => output::escape_line(title),
        };
        let date = match date_column {
            Some(_) => format!("{}  ", fill(date, date_width - gap)),
            None => String::new(),
        };
        writeln!(
            out,
            "{}  {}  {progress:>progress_width$}  {date}{}  {title}",
            palette.paint(cells[0], fill(code, code_width)),
            palette.paint(cells[1], fill(status, status_width)),
            fill(kind, kind_width),
        )
    };
    let date_header = date_column
        .as_ref()
        .map_or("", |(_, header)| header.as_str());
    row(
        [Style::Heading; 2],
        header[0],
        header[1],
        header[2],
        date_header,
        header[3],
        header[4],
    )?;
    for (index, (listed, kind)) in listed.iter().zip(&kinds).enumerate() {
        let activity = listed.activity;
        let progress = format!("{}%", activity.progress);
        let date = dates.get(index).map_or("", String::as_str);
        let status_style = match listed.conflict {
            Some(_) => Style::Bad,
            None => super::diff::status_style(activity.status),
        };
        row(
            [Style::Code, status_style],
            &activity.code,
            status(listed),
            &progress,
            date,
            kind,
            &activity.title,
        )?;
    }
    Ok(())
}

/// `text` on one line, escaped for a terminal, followed by spaces up to `width` columns of
/// display.
pub(super) fn fill(text: &str, width: usize) -> String {
    pad(&output::escape_line(text), width)
}

/// `text` on one line, escaped for a terminal, cut to at most `width` columns of display,
/// ending in `…` when cut.
pub(super) fn truncate(text: &str, width: usize) -> Cow<'_, str> {
    match output::escape_line(text) {
        Cow::Borrowed(text) => cut(text, width),
        Cow::Owned(text) => Cow::Owned(cut(&text, width).into_owned()),
    }
}

/// Text escaped already, followed by spaces up to `width` columns of display.
pub(super) fn pad(shown: &str, width: usize) -> String {
    let missing = width.saturating_sub(shown.width());
    format!("{shown}{}", " ".repeat(missing))
}

/// Text escaped already, cut to at most `width` columns of display, ending in `…` when cut;
/// never in the middle of an escape.
pub(super) fn cut(shown: &str, width: usize) -> Cow<'_, str> {
    if shown.width() <= width {
        return Cow::Borrowed(shown);
    }
    let mut used = 0;
    let mut cut = String::new();
    for c in shown.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        cut.push(c);
    }
    output::drop_cut_escape(&mut cut);
    let kept = cut.trim_end().len();
    cut.truncate(kept);
    cut.push('…');
    Cow::Owned(cut)
}

/// The width to fit output to: the terminal's when stdout is one, else `COLUMNS` when set,
/// else none (pipes and files get whole lines).
pub(super) fn output_width() -> Option<usize> {
    terminal_size::terminal_size_of(std::io::stdout())
        .map(|(width, _)| usize::from(width.0))
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse().ok())
                .filter(|&c: &usize| c > 0)
        })
}

fn write_csv(out: &mut impl Write, activities: &[Listed]) -> std::io::Result<()> {
    let mut writer = output::csv::Writer::new(out);
    writer.write_record([
        "code",
        "project",
        "area",
        "title",
        "kind",
        "format",
        "status",
        "progress",
        "planned_start",
        "planned_end",
        "actual_start",
        "actual_end",
        "venue",
        "partners",
        "participants",
        "conflict",
    ])?;
    let date = |d: Option<crate::model::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    for listed in activities {
        let a = listed.activity;
        let conflict = listed.conflict.map_or(String::new(), |c| {
            let line = c.blocks.first().map_or(0, |b| b.line);
            format!("{}:{line}", c.file.display())
        });
        writer.write_record([
            a.code.as_str(),
            &a.project,
            a.area_code(),
            &a.title,
            a.kind.as_str(),
            a.format.map_or("", Format::as_str),
            a.status.as_str(),
            &a.progress.to_string(),
            &date(a.planned_start),
            &date(a.planned_end),
            &date(a.actual_start),
            &date(a.actual_end),
            a.venue.as_deref().unwrap_or_default(),
            &a.partners.join("; "),
            &a.participants.len().to_string(),
            &conflict,
        ])?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncates_by_display_width_with_an_ellipsis() {
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(truncate("exactly ten", 11), "exactly ten");
        assert_eq!(truncate("a longer title here", 10), "a longer…");
        // Wide characters take two columns each.
        assert_eq!(truncate("日本語のタイトル", 7), "日本語…");
        assert!(truncate("日本語のタイトル", 7).width() <= 7);
    }

    #[test]
    fn fills_by_display_width() {
        assert_eq!(fill("ab", 6), "ab    ");
        assert_eq!(fill("日本", 6), "日本  ");
        assert_eq!(fill("too long", 3), "too long");
    }

    #[test]
    fn cells_are_escaped_on_one_line_before_they_are_measured() {
        assert_eq!(fill("a\tb", 10), "a\\u{9}b   ");
        assert_eq!(fill("a\u{1b}[31m", 12), "a\\u{1b}[31m ");
        assert_eq!(truncate("ab\u{1b}]0;x", 8), "ab…");
        assert_eq!(truncate("ab\u{1b}]0;x", 10), "ab\\u{1b}]…");
        assert_eq!(truncate("line\nbreak", 20), "line\\u{a}break");
    }
}
