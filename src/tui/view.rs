//! Drawing: a pure function of the state. Only the rows in view are built, so a programme of
//! thousands of activities draws as fast as a small one.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span, Text};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::app::{App, Focus, JobPanel, Loadable, Overlay, Pane, grouped};
use super::form::{Form, FormKind, Value};
use super::keys::{Command, config_path};
use super::tree::NodeKind;
use crate::diagnostic::{Finding, Severity};
use crate::model::{Activity, Format, Status};
use crate::output;

/// Where each part of the screen is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The title bar.
    pub title: Rect,
    /// The tree, with its border.
    pub tree: Rect,
    /// The right pane, with its border.
    pub pane: Rect,
    /// The status bar.
    pub status: Rect,
}

/// Splits the screen: a title line, the tree and the pane side by side, a status line.
pub fn layout(area: Rect) -> Areas {
    let [title, main, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let tree_share = if area.width >= 120 { 50 } else { 55 };
    let [tree, pane] =
        Layout::horizontal([Constraint::Percentage(tree_share), Constraint::Fill(1)]).areas(main);
    Areas {
        title,
        tree,
        pane,
        status,
    }
}

/// Colours and emphasis, or emphasis only under `NO_COLOR`.
#[derive(Debug, Clone, Copy)]
struct Theme {
    colour: bool,
}

impl Theme {
    fn fg(self, colour: Color) -> Style {
        if self.colour {
            Style::new().fg(colour)
        } else {
            Style::new()
        }
    }

    fn accent(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    fn heading(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    fn dim(self) -> Style {
        if self.colour {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    fn error(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    fn good(self) -> Style {
        self.fg(Color::Green)
    }

    fn selected(self, focused: bool) -> Style {
        match (self.colour, focused) {
            (true, true) => Style::new().bg(Color::Blue).fg(Color::White),
            (true, false) => Style::new().bg(Color::DarkGray),
            (false, true) => Style::new().add_modifier(Modifier::REVERSED),
            (false, false) => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    fn border(self, focused: bool) -> Style {
        if focused { self.accent() } else { self.dim() }
    }

    fn status(self, status: Status) -> Style {
        self.fg(match status {
            Status::Planned => Color::Blue,
            Status::Ongoing => Color::Yellow,
            Status::Completed => Color::Green,
            Status::Postponed => Color::Magenta,
            Status::Cancelled => Color::Red,
        })
    }
}

/// The mark in the tree of an activity whose file holds an unresolved merge conflict.
pub const CONFLICT_GLYPH: &str = "!";

/// The mark of a status in the tree.
pub fn status_glyph(status: Status) -> &'static str {
    match status {
        Status::Planned => "○",
        Status::Ongoing => "◐",
        Status::Completed => "●",
        Status::Postponed => "◌",
        Status::Cancelled => "✕",
    }
}

fn format_short(format: Option<Format>) -> String {
    match format {
        Some(format) => crate::tr!("tui-format-short", format = format.as_str()),
        None => "  -".to_string(),
    }
}

/// A progress bar `width` cells wide.
fn bar(progress: u8, width: usize) -> String {
    let filled = (usize::from(progress.min(100)) * width + 50) / 100;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// Draws the whole interface.
pub fn render(frame: &mut Frame, app: &App) {
    let theme = Theme { colour: app.colour };
    let areas = layout(frame.area());
    title_bar(frame, app, theme, areas.title);
    tree(frame, app, theme, areas.tree);
    pane(frame, app, theme, areas.pane);
    status_bar(frame, app, theme, areas.status);
    match &app.overlay {
        None => {}
        Some(Overlay::Help(scroll)) => help(frame, app, theme, *scroll),
        Some(Overlay::Form(form)) => form_window(frame, theme, form),
        Some(Overlay::Findings(selected)) => findings(frame, app, theme, *selected),
        Some(Overlay::Job(panel)) => job_window(frame, app, theme, panel),
    }
}

/// Cuts `text` to `width` columns, ending with `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

fn title_bar(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let programme = &app.loaded.plan.programme;
    let title = if programme.title.is_empty() {
        format!("{}", app.scope.year)
    } else {
        one_line(&programme.title)
    };
    let count = grouped(app.loaded.plan.activities.len());
    let activities = if app.all_read() {
        crate::tr!("tui-title-activities", count = count)
    } else {
        crate::tr!("tui-title-activities-so-far", count = count)
    };
    let mut left = vec![
        Span::styled(" programa ", theme.accent()),
        Span::raw(format!("│ {title} │ {activities}")),
    ];
    if app.filter.is_active() {
        let shown = app
            .rows
            .iter()
            .filter(|r| matches!(app.tree.nodes[r.node].kind, NodeKind::Activity(_)))
            .count();
        left.push(Span::styled(
            format!(
                " │ {}",
                crate::tr!(
                    "tui-title-shown",
                    shown = shown,
                    filter = one_line(&app.filter.describe())
                )
            ),
            theme.heading(),
        ));
    }
    let errors = app.findings.iter().filter(|f| f.is_error()).count();
    let mut right = Vec::new();
    if let Some(busy) = &app.busy {
        let frame_glyph = SPINNER[(app.tick % SPINNER.len() as u64) as usize];
        right.push(Span::styled(
            format!("{frame_glyph} {busy} "),
            theme.heading(),
        ));
    }
    if errors > 0 {
        right.push(Span::styled(
            format!(
                "{} ",
                crate::tr!(
                    "tui-title-errors",
                    count = errors,
                    key = app.keys.first(Command::Findings)
                )
            ),
            theme.error(),
        ));
    }
    let right_width: usize = right.iter().map(|s| s.content.width()).sum();
    let left_text: String = left.iter().map(|s| s.content.as_ref()).collect();
    let room = usize::from(area.width).saturating_sub(right_width);
    let line = if left_text.width() > room {
        let mut spans = vec![Span::styled(fit(&left_text, room), theme.accent())];
        spans.extend(right);
        Line::from(spans)
    } else {
        let pad = room - left_text.width();
        left.push(Span::raw(" ".repeat(pad)));
        left.extend(right);
        Line::from(left)
    };
    frame.render_widget(Paragraph::new(line), area);
}

fn tree(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let focused = app.focus == Focus::Tree && app.overlay.is_none();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border(focused))
        .title(Span::styled(
            format!(" {} ", crate::tr!("tui-tree-title")),
            theme.border(focused),
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let height = usize::from(inner.height);
    if app.rows.is_empty() {
        let text = if app.filter.is_active() {
            crate::tr!("tui-tree-no-match")
        } else {
            crate::tr!("tui-tree-empty")
        };
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.dim())).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    }
    let wide = width >= 64;
    let mut lines = Vec::with_capacity(height);
    for (i, row) in app.rows.iter().enumerate().skip(app.offset).take(height) {
        let node = &app.tree.nodes[row.node];
        let indent = " ".repeat(usize::from(node.depth));
        let mut spans: Vec<Span> = Vec::new();
        let (right, title): (Vec<Span>, String) = match node.kind {
            NodeKind::Activity(index) => {
                let Some(activity) = app.loaded.plan.activities.get(index) else {
                    continue;
                };
                let conflicted = app.conflicted.contains(&index);
                spans.push(Span::raw(indent));
                spans.push(if conflicted {
                    Span::styled(CONFLICT_GLYPH, theme.error())
                } else {
                    Span::styled(status_glyph(activity.status), theme.status(activity.status))
                });
                spans.push(Span::styled(
                    format!(" {} ", one_line(&activity.code)),
                    theme.accent(),
                ));
                let mut r = Vec::new();
                if wide && conflicted {
                    r.push(Span::styled(
                        format!(" {:<9}", crate::tr!("tui-tree-conflict")),
                        theme.error(),
                    ));
                } else if wide {
                    r.push(Span::styled(
                        format!(" {:<9}", activity.status.name(app.lang)),
                        theme.status(activity.status),
                    ));
                }
                r.push(Span::styled(
                    format!(" {}", bar(activity.progress, 5)),
                    theme.status(activity.status),
                ));
                r.push(Span::raw(format!(
                    "{:>4}% {}",
                    activity.progress,
                    format_short(activity.format)
                )));
                (r, one_line(&activity.title))
            }
            _ => {
                let marker = if row.collapsed { "▸" } else { "▾" };
                spans.push(Span::raw(format!("{indent}{marker} ")));
                if !node.code.is_empty() {
                    spans.push(Span::styled(
                        format!("{} ", one_line(&node.code)),
                        theme.heading(),
                    ));
                }
                (
                    vec![Span::styled(format!(" {}", row.count), theme.dim())],
                    one_line(&node.title),
                )
            }
        };
        let used: usize = spans
            .iter()
            .chain(right.iter())
            .map(|s| s.content.width())
            .sum();
        let room = width.saturating_sub(used);
        let title = fit(&title, room);
        let pad = room.saturating_sub(title.width());
        spans.push(Span::raw(title));
        spans.push(Span::raw(" ".repeat(pad)));
        spans.extend(right);
        let mut line = Line::from(spans);
        if i == app.selected {
            line = line.style(theme.selected(focused));
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The right pane's tabs, in order: each pane, the command that shows it, and its title.
fn tabs(app: &App) -> [(Pane, Command, String); 3] {
    [
        (
            Pane::Detail,
            Command::ViewDetail,
            crate::tr!("tui-tab-activity"),
        ),
        (
            Pane::History,
            Command::ViewHistory,
            crate::tr!("tui-tab-history"),
        ),
        (
            Pane::Changes,
            Command::ViewChanges,
            crate::tr!("tui-tab-changes"),
        ),
    ]
    .map(|(pane, command, name)| (pane, command, format!("{} {name}", app.keys.first(command))))
}

/// The command of the tab whose title is at column `x` of the pane's top border, when the
/// pane is drawn in `area`: the titles start after the corner and a space, one space apart.
pub fn tab_at(app: &App, area: Rect, x: u16) -> Option<Command> {
    let mut start = usize::from(area.x) + 2;
    for (_, command, title) in tabs(app) {
        let end = start + title.width();
        if (start..end).contains(&usize::from(x)) {
            return Some(command);
        }
        start = end + 1;
    }
    None
}

fn pane(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    let focused = app.focus == Focus::Pane && app.overlay.is_none();
    let mut title = vec![Span::raw(" ")];
    for (pane, _, label) in tabs(app) {
        let style = if app.pane == pane {
            theme.accent().add_modifier(Modifier::REVERSED)
        } else {
            theme.dim()
        };
        title.push(Span::styled(label, style));
        title.push(Span::raw(" "));
    }
    let title = Line::from(title);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.border(focused))
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let paragraph = wrapped(pane_text(app, theme));
    let scroll = app.pane_scroll.min(max_scroll(&paragraph, inner));
    frame.render_widget(paragraph.scroll((scroll, 0)), inner);
}

/// How far the right pane can scroll at the current size.
pub fn max_pane_scroll(app: &App) -> u16 {
    let areas = layout(Rect::new(0, 0, app.size.0, app.size.1));
    let inner = Block::default().borders(Borders::ALL).inner(areas.pane);
    max_scroll(&wrapped(pane_text(app, Theme { colour: false })), inner)
}

/// Text wrapped at word boundaries, as the pane and the help show it.
fn wrapped(text: Text<'static>) -> Paragraph<'static> {
    Paragraph::new(text).wrap(Wrap { trim: false })
}

/// How many rows `paragraph` can scroll in `area`: the rows the wrapped paragraph really takes (word
/// wrapping moves whole words down) less the rows in view.
fn max_scroll(paragraph: &Paragraph, area: Rect) -> u16 {
    let total = paragraph.line_count(area.width.max(1));
    u16::try_from(total.saturating_sub(usize::from(area.height))).unwrap_or(u16::MAX)
}

fn pane_text(app: &App, theme: Theme) -> Text<'static> {
    match app.pane {
        Pane::Detail => match app.activity() {
            Some(activity) => detail(app, activity, theme),
            None => node_summary(app, theme),
        },
        Pane::History => history(app, theme),
        Pane::Changes => changes(app, theme),
    }
}

fn node_summary(app: &App, theme: Theme) -> Text<'static> {
    let Some(row) = app.rows.get(app.selected) else {
        return Text::from(Span::styled(
            crate::tr!("tui-nothing-selected"),
            theme.dim(),
        ));
    };
    let node = &app.tree.nodes[row.node];
    let kind = match node.kind {
        NodeKind::Area => crate::tr!("tui-node-area"),
        NodeKind::Programme => crate::tr!("tui-node-programme"),
        NodeKind::Project => crate::tr!("tui-node-project"),
        NodeKind::Activity(_) => crate::tr!("tui-node-activity"),
    };
    let mut lines = vec![
        Line::from(Span::styled(
            format!("{kind} {}", one_line(&node.code))
                .trim_end()
                .to_string(),
            theme.dim(),
        )),
        Line::from(Span::styled(one_line(&node.title), theme.heading())),
        Line::default(),
    ];
    let mut by_status = [0usize; 5];
    let mut total = 0usize;
    let mut progress = 0usize;
    for inner in &app.tree.nodes[row.node..node.end.max(row.node + 1)] {
        if let NodeKind::Activity(i) = inner.kind
            && let Some(activity) = app.loaded.plan.activities.get(i)
        {
            total += 1;
            progress += usize::from(activity.progress);
            if let Some(at) = Status::ALL.iter().position(|s| *s == activity.status) {
                by_status[at] += 1;
            }
        }
    }
    lines.push(Line::from(crate::tr!(
        "tui-summary-activities",
        count = total
    )));
    if let Some(mean) = progress.checked_div(total) {
        let mean = u8::try_from(mean).unwrap_or(100);
        lines.push(Line::from(vec![
            Span::raw(format!("{} ", crate::tr!("tui-summary-mean-progress"))),
            Span::styled(bar(mean, 10), theme.good()),
            Span::raw(format!(" {mean}%")),
        ]));
    }
    lines.push(Line::default());
    for (status, count) in Status::ALL.iter().zip(by_status) {
        if count > 0 {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{} {:<10}", status_glyph(*status), status.name(app.lang)),
                    theme.status(*status),
                ),
                Span::raw(format!("{count:>5}")),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        crate::tr!(
            "tui-summary-keys",
            open = app.keys.first(Command::Open),
            new = app.keys.first(Command::NewActivity)
        ),
        theme.dim(),
    )));
    Text::from(lines)
}

/// Markdown prose as display paragraphs: single line breaks joined, blank lines kept, each
/// paragraph escaped as [`one_line`] does.
fn prose(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|para| {
            para.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .map(|p| one_line(&p))
        .collect()
}

/// File text for one line of the screen: escaped as [`output::escape_line`] does, so that a
/// control character shows (ratatui would drop it unseen) and a tab or a line break cannot
/// move what follows.
fn one_line(text: &str) -> String {
    output::escape_line(text).into_owned()
}

/// Text composed for the screen from file text (a message, a report from the background
/// thread): whatever in it was not escaped already is.
fn composed(text: &str) -> String {
    output::escape_hidden(text).into_owned()
}

fn detail(app: &App, activity: &Activity, theme: Theme) -> Text<'static> {
    let mut lines: Vec<Line> = Vec::new();
    let field = |label: String, value: String| {
        Line::from(vec![
            Span::styled(format!("{label:<10}"), theme.dim()),
            Span::raw(value),
        ])
    };
    let project = app
        .loaded
        .plan
        .programme
        .project(&activity.project)
        .map(|p| format!("{} {}", one_line(&p.code), one_line(&p.title)))
        .unwrap_or_else(|| one_line(&activity.project));
    lines.push(Line::from(Span::styled(
        one_line(&activity.code),
        theme.accent(),
    )));
    lines.push(Line::from(Span::styled(
        one_line(&activity.title),
        theme.heading(),
    )));
    let index = app
        .loaded
        .plan
        .activities
        .iter()
        .position(|a| std::ptr::eq(a, activity));
    if let Some(conflict) = index
        .filter(|i| app.conflicted.contains(i))
        .and_then(|i| app.loaded.conflict_of(i))
    {
        for block in &conflict.blocks {
            lines.push(Line::from(vec![
                Span::styled(
                    format!("{:<10}", crate::tr!("tui-field-conflict")),
                    theme.error(),
                ),
                Span::styled(
                    crate::tr!(
                        "tui-conflict-line",
                        line = block.line,
                        summary = one_line(&block.summary())
                    ),
                    theme.error(),
                ),
            ]));
        }
        let key = app.keys.first(Command::Edit);
        let hint = match conflict.shown_label() {
            Some(label) => crate::tr!(
                "tui-conflict-hint-shown",
                label = one_line(label),
                key = key
            ),
            None => crate::tr!("tui-conflict-hint", key = key),
        };
        lines.push(Line::from(Span::styled(
            format!("{:<10}{hint}", ""),
            theme.dim(),
        )));
    }
    lines.push(field(crate::tr!("tui-field-project"), project));
    lines.push(Line::from(vec![
        Span::styled(
            format!("{:<10}", crate::tr!("tui-field-status")),
            theme.dim(),
        ),
        Span::styled(
            format!(
                "{} {}",
                status_glyph(activity.status),
                activity.status.name(app.lang)
            ),
            theme.status(activity.status),
        ),
    ]));
    lines.push(Line::from(vec![
        Span::styled(
            format!("{:<10}", crate::tr!("tui-field-progress")),
            theme.dim(),
        ),
        Span::styled(bar(activity.progress, 10), theme.status(activity.status)),
        Span::raw(format!(" {}%", activity.progress)),
    ]));
    let format = activity.format.map_or_else(
        || crate::tr!("tui-no-format"),
        |f| f.name(app.lang).to_string(),
    );
    lines.push(field(
        crate::tr!("tui-field-kind"),
        format!("{} · {format}", activity.kind.name(app.lang)),
    ));
    let range = |start: Option<crate::model::Date>, end: Option<crate::model::Date>| {
        let show = |d: Option<crate::model::Date>| d.map_or("?".to_string(), |d| d.to_string());
        if start.is_none() && end.is_none() {
            "-".to_string()
        } else {
            format!("{} → {}", show(start), show(end))
        }
    };
    lines.push(field(
        crate::tr!("tui-field-planned"),
        range(activity.planned_start, activity.planned_end),
    ));
    lines.push(field(
        crate::tr!("tui-field-actual"),
        range(activity.actual_start, activity.actual_end),
    ));
    if let Some(venue) = &activity.venue {
        lines.push(field(crate::tr!("tui-field-venue"), one_line(venue)));
    }

    let section = |lines: &mut Vec<Line>, title: &str| {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(title.to_string(), theme.heading())));
    };
    let paragraphs = |lines: &mut Vec<Line>, text: &str| {
        for (i, para) in prose(text).into_iter().enumerate() {
            if i > 0 {
                lines.push(Line::default());
            }
            lines.push(Line::from(para));
        }
    };
    let numbered = |lines: &mut Vec<Line>, items: &[String]| {
        for (i, item) in items.iter().enumerate() {
            lines.push(Line::from(format!("{}. {}", i + 1, prose(item).join(" "))));
        }
    };
    let none = |lines: &mut Vec<Line>| {
        lines.push(Line::from(Span::styled(
            crate::tr!("tui-none"),
            theme.dim(),
        )));
    };

    section(&mut lines, &crate::tr!("tui-section-background"));
    if activity.background.trim().is_empty() {
        none(&mut lines);
    } else {
        paragraphs(&mut lines, &activity.background);
    }
    section(&mut lines, &crate::tr!("tui-section-objectives"));
    if let Some(lead) = &activity.objectives_lead {
        paragraphs(&mut lines, lead);
    }
    if activity.objectives.is_empty() && activity.objectives_lead.is_none() {
        none(&mut lines);
    }
    numbered(&mut lines, &activity.objectives);
    if let Some(closing) = &activity.objectives_closing {
        paragraphs(&mut lines, closing);
    }
    section(&mut lines, &crate::tr!("tui-section-results"));
    if let Some(lead) = &activity.expected_results_lead {
        paragraphs(&mut lines, lead);
    }
    match activity.expected_results.as_slice() {
        [] if activity.expected_results_lead.is_none() => none(&mut lines),
        [single] => paragraphs(&mut lines, single),
        many => numbered(&mut lines, many),
    }
    if let Some(closing) = &activity.expected_results_closing {
        paragraphs(&mut lines, closing);
    }
    section(&mut lines, &crate::tr!("tui-section-format"));
    let format = activity.format.map_or_else(
        || crate::tr!("tui-format-none"),
        |f| f.name(app.lang).to_string(),
    );
    match &activity.format_note {
        Some(note) => lines.push(Line::from(format!("{format} — {}", one_line(note)))),
        None => lines.push(Line::from(format)),
    }
    section(&mut lines, &crate::tr!("tui-section-audience"));
    match &activity.audience {
        Some(audience) => paragraphs(&mut lines, audience),
        None => none(&mut lines),
    }
    section(&mut lines, &crate::tr!("tui-section-partners"));
    if activity.partners.is_empty() {
        none(&mut lines);
    } else {
        let partners: Vec<String> = activity.partners.iter().map(|p| one_line(p)).collect();
        lines.push(Line::from(partners.join(", ")));
    }
    section(
        &mut lines,
        &crate::tr!(
            "tui-section-participants",
            count = activity.participants.len()
        ),
    );
    if activity.participants.is_empty() {
        none(&mut lines);
    }
    for p in &activity.participants {
        let who = match &p.name {
            Some(name) => format!("{}, {}", one_line(name), one_line(&p.organisation)),
            None => one_line(&p.organisation),
        };
        lines.push(Line::from(vec![
            Span::raw(format!("• {who} ({})", p.country.name(app.lang))),
            Span::styled(format!(" — {}", p.role.name(app.lang)), theme.dim()),
        ]));
    }
    section(
        &mut lines,
        &crate::tr!("tui-section-notes", count = activity.notes.len()),
    );
    if activity.notes.is_empty() {
        none(&mut lines);
    }
    for note in activity.notes_by_date() {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", note.date), theme.accent()),
            Span::raw(prose(&note.text).join(" ")),
        ]));
    }
    section(
        &mut lines,
        &crate::tr!("tui-section-outputs", count = activity.outputs.len()),
    );
    if activity.outputs.is_empty() {
        none(&mut lines);
    }
    for output in &activity.outputs {
        let mut text = format!("• {}", one_line(&output.title));
        if let Some(code) = &output.code {
            text.push_str(&format!(" [{}]", one_line(code)));
        }
        if let Some(date) = output.date {
            text.push_str(&format!(" {date}"));
        }
        lines.push(Line::from(text));
        if let Some(url) = &output.url {
            lines.push(Line::from(Span::styled(
                format!("  {}", one_line(url)),
                theme.dim(),
            )));
        }
    }
    section(&mut lines, &crate::tr!("tui-section-account"));
    match &activity.account {
        Some(account) => paragraphs(&mut lines, account),
        None => none(&mut lines),
    }
    if !activity.footnotes.is_empty() {
        section(&mut lines, &crate::tr!("tui-section-footnotes"));
        for note in &activity.footnotes {
            lines.push(Line::from(format!(
                "[{}] {}",
                one_line(&note.id),
                prose(&note.text).join(" ")
            )));
        }
    }
    Text::from(lines)
}

fn loading(app: &App, theme: Theme, what: String) -> Line<'static> {
    let glyph = SPINNER[(app.tick % SPINNER.len() as u64) as usize];
    Line::from(Span::styled(format!("{glyph} {what}…"), theme.dim()))
}

fn history(app: &App, theme: Theme) -> Text<'static> {
    let Some(activity) = app.activity() else {
        return Text::from(Span::styled(crate::tr!("tui-history-select"), theme.dim()));
    };
    let heading = Line::from(Span::styled(
        crate::tr!("tui-history-of", code = one_line(&activity.code)),
        theme.heading(),
    ));
    let mut lines = Vec::new();
    match app.history.get(&activity.code) {
        None | Some(Loadable::Loading) => {
            lines.extend([heading, Line::default()]);
            lines.push(loading(app, theme, crate::tr!("tui-history-reading")));
        }
        Some(Loadable::Failed(e)) => {
            lines.extend([heading, Line::default()]);
            lines.extend(problem(e, theme));
        }
        Some(Loadable::Ready(history))
            if history.trajectory.is_empty() && history.entries.is_empty() =>
        {
            lines.extend([heading, Line::default()]);
            lines.push(Line::from(Span::styled(
                crate::tr!("tui-history-none"),
                theme.dim(),
            )));
            lines.push(Line::from(Span::styled(
                crate::tr!(
                    "tui-history-never-committed",
                    key = app.keys.first(Command::Commit)
                ),
                theme.dim(),
            )));
        }
        Some(Loadable::Ready(history)) => {
            if history.trajectory.is_empty() {
                lines.extend([heading, Line::default()]);
            }
            for (i, line) in history.trajectory.iter().enumerate() {
                let style = if i == 0 {
                    theme.heading()
                } else if line.starts_with(' ') {
                    Style::new()
                } else {
                    theme.accent()
                };
                lines.push(Line::from(Span::styled(composed(line), style)));
            }
            if !history.trajectory.is_empty() {
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(
                    crate::tr!("tui-history-commits"),
                    theme.accent(),
                )));
            }
            for entry in &history.entries {
                lines.push(Line::from(vec![
                    Span::styled(format!("{} ", entry.when), theme.accent()),
                    Span::raw(one_line(&entry.who)),
                    Span::styled(format!(" {}", entry.commit), theme.dim()),
                ]));
                for change in &entry.changes {
                    lines.push(Line::from(format!("  {}", composed(change))));
                }
            }
        }
    }
    Text::from(lines)
}

/// An error from the background thread: what went wrong, then details and `hint:` lines.
fn problem(text: &str, theme: Theme) -> Vec<Line<'static>> {
    let hint = crate::tr!("tui-hint", hint = "");
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let style = if i == 0 {
                theme.error()
            } else if line.starts_with(&hint) {
                theme.accent()
            } else {
                Style::new()
            };
            Line::from(Span::styled(composed(line), style))
        })
        .collect()
}

fn changes(app: &App, theme: Theme) -> Text<'static> {
    let mut lines = vec![
        Line::from(Span::styled(
            crate::tr!("tui-changes-title"),
            theme.heading(),
        )),
        Line::default(),
    ];
    match &app.changes {
        None | Some(Loadable::Loading) => {
            lines.push(loading(app, theme, crate::tr!("tui-changes-comparing")));
        }
        Some(Loadable::Failed(e)) => lines.extend(problem(e, theme)),
        Some(Loadable::Ready(changes)) if changes.is_empty() => {
            lines.push(Line::from(Span::styled(
                crate::tr!("tui-changes-nothing"),
                theme.dim(),
            )));
        }
        Some(Loadable::Ready(changes)) => {
            for change in changes {
                let style = if change.starts_with(' ') {
                    Style::new()
                } else {
                    theme.accent()
                };
                lines.push(Line::from(Span::styled(composed(change), style)));
            }
            lines.push(Line::default());
            lines.push(Line::from(Span::styled(
                crate::tr!(
                    "tui-changes-commit-key",
                    key = app.keys.first(Command::Commit)
                ),
                theme.dim(),
            )));
        }
    }
    Text::from(lines)
}

fn status_bar(frame: &mut Frame, app: &App, theme: Theme, area: Rect) {
    // While files are read, what is going on comes first and the rest gets the remaining room.
    let area = match app.progress.describe() {
        Some(text) => {
            let glyph = SPINNER[(app.tick % SPINNER.len() as u64) as usize];
            let text = format!("{glyph} {text} │");
            let width = u16::try_from(text.width()).unwrap_or(u16::MAX);
            let [progress, rest] =
                Layout::horizontal([Constraint::Length(width), Constraint::Fill(1)]).areas(area);
            frame.render_widget(
                Paragraph::new(Span::styled(text, theme.heading())),
                progress,
            );
            rest
        }
        None => area,
    };
    let line = if app.typing_filter {
        Line::from(vec![
            Span::styled("/", theme.accent()),
            Span::raw(one_line(&app.filter.text)),
            Span::styled("█", theme.accent()),
            Span::styled(format!("  {}", crate::tr!("tui-filter-keys")), theme.dim()),
        ])
    } else if let Some(message) = &app.message {
        let style = if message.error {
            theme.error()
        } else {
            theme.good()
        };
        Line::from(Span::styled(
            fit(&composed(&message.text), usize::from(area.width)),
            style,
        ))
    } else {
        let hints = [
            (Command::Help, crate::tr!("tui-hint-help")),
            (Command::Filter, crate::tr!("tui-hint-filter")),
            (Command::SetStatus, crate::tr!("tui-hint-status")),
            (Command::SetDates, crate::tr!("tui-hint-dates")),
            (Command::SetFormat, crate::tr!("tui-hint-format")),
            (Command::AddParticipant, crate::tr!("tui-hint-participant")),
            (Command::AddNote, crate::tr!("tui-hint-note")),
            (Command::Edit, crate::tr!("tui-hint-edit")),
            (Command::NewActivity, crate::tr!("tui-hint-new")),
        ];
        let hint = |command: Command, label: &str| {
            let key = app.keys.first(command);
            let width = key.width() + label.width() + 3;
            let spans = [
                Span::styled(format!(" {key}"), theme.accent()),
                Span::raw(format!(" {label} ")),
            ];
            (width, spans)
        };
        // The way out is always shown: the other hints take the room before it.
        let (quit_width, quit) = hint(Command::Quit, &crate::tr!("tui-hint-quit"));
        let room = usize::from(area.width).saturating_sub(quit_width);
        let mut spans = Vec::new();
        let mut used = 0;
        for (command, label) in hints {
            let (width, hint) = hint(command, &label);
            if used + width > room {
                break;
            }
            used += width;
            spans.extend(hint);
        }
        if used + quit_width <= usize::from(area.width) {
            spans.extend(quit);
        }
        Line::from(spans)
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// A centred rectangle of at most `width` × `height` inside `area`.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

fn window<'a>(theme: Theme, title: &str) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(theme.accent())
        .title(Span::styled(
            format!(" {} ", composed(title)),
            theme.accent(),
        ))
}

fn help(frame: &mut Frame, app: &App, theme: Theme, scroll: u16) {
    let mut lines = Vec::new();
    for command in Command::ALL {
        let keys: Vec<String> = app
            .keys
            .keys(*command)
            .iter()
            .map(ToString::to_string)
            .collect();
        let keys = if keys.is_empty() {
            crate::tr!("tui-help-no-keys")
        } else {
            keys.join(" ")
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{keys:>14}  "), theme.accent()),
            Span::raw(format!("{:<34}", command.description())),
            Span::styled(command.name(), theme.dim()),
        ]));
    }
    let extra = [
        (String::new(), String::new()),
        (crate::tr!("tui-help-in-filter"), String::new()),
        (
            format!("  {}", crate::tr!("tui-help-filter-type")),
            crate::tr!("tui-help-filter"),
        ),
        (crate::tr!("tui-help-in-form"), String::new()),
        (
            "  tab ↓ / ↑".to_string(),
            crate::tr!("tui-help-form-fields"),
        ),
        (
            "  ← → space".to_string(),
            crate::tr!("tui-help-form-choice"),
        ),
        ("  ctrl-u".to_string(), crate::tr!("tui-help-form-clear")),
        (
            "  enter / esc".to_string(),
            crate::tr!("tui-help-form-submit"),
        ),
        (crate::tr!("tui-help-mouse"), String::new()),
        (
            format!("  {}", crate::tr!("tui-help-mouse-keys")),
            crate::tr!("tui-help-mouse-does"),
        ),
        (crate::tr!("tui-help-marks"), String::new()),
    ];
    for (left, right) in extra {
        if right.is_empty() {
            lines.push(Line::from(Span::styled(left, theme.heading())));
        } else {
            lines.push(Line::from(vec![
                Span::styled(format!("{left:<16}"), theme.accent()),
                Span::raw(right),
            ]));
        }
    }
    let mut marks = vec![Span::raw("  ")];
    for status in Status::ALL {
        marks.push(Span::styled(
            format!("{} {}  ", status_glyph(*status), status.name(app.lang)),
            theme.status(*status),
        ));
    }
    lines.push(Line::from(marks));
    lines.push(Line::default());
    let path = config_path().map_or_else(
        || "$XDG_CONFIG_HOME/programa/keys.toml".to_string(),
        |p| p.display().to_string(),
    );
    lines.push(Line::from(Span::styled(
        crate::tr!("tui-help-remap", path = path),
        theme.dim(),
    )));
    let area = centred(frame.area(), 76, frame.area().height.saturating_sub(2));
    frame.render_widget(Clear, area);
    let block = window(theme, &crate::tr!("tui-help-title"));
    let inner = block.inner(area);
    let paragraph = wrapped(Text::from(lines));
    let scroll = scroll.min(max_scroll(&paragraph, inner));
    frame.render_widget(block, area);
    frame.render_widget(paragraph.scroll((scroll, 0)), inner);
}

fn form_window(frame: &mut Frame, theme: Theme, form: &Form) {
    let mut lines = Vec::new();
    let label_width = form
        .fields
        .iter()
        .map(|f| f.label.width())
        .max()
        .unwrap_or(0)
        + 2;
    for (i, field) in form.fields.iter().enumerate() {
        let focused = i == form.focus;
        let value = match &field.value {
            // A value may be composed already (the message a commit proposes).
            Value::Text(text) if focused => format!("{}█", composed(text)),
            Value::Text(text) => composed(text),
            Value::Choice { .. } => format!("‹ {} ›", field.shown()),
        };
        let value_style = if focused {
            theme.selected(true)
        } else {
            Style::new()
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{:<label_width$}", field.label),
                if focused { theme.accent() } else { theme.dim() },
            ),
            Span::styled(value, value_style),
        ]));
        let below = match (&field.error, &field.hint) {
            (Some(error), _) => Span::styled(format!("✗ {}", composed(error)), theme.error()),
            (None, hint) if !hint.is_empty() => Span::styled(hint.clone(), theme.dim()),
            _ => Span::raw(""),
        };
        lines.push(Line::from(vec![Span::raw(" ".repeat(label_width)), below]));
    }
    if !form.note.is_empty() {
        lines.push(Line::default());
        for line in &form.note {
            lines.push(Line::from(Span::styled(composed(line), theme.dim())));
        }
    }
    if !form.errors.is_empty() {
        lines.push(Line::default());
        for error in &form.errors {
            lines.push(Line::from(Span::styled(composed(error), theme.error())));
        }
    }
    lines.push(Line::default());
    let mut help = if form.kind == FormKind::Commit {
        crate::tr!("tui-form-commit")
    } else {
        crate::tr!("tui-form-save")
    };
    if form.fields.len() > 1 {
        help.push_str(&format!(" · {}", crate::tr!("tui-form-next-field")));
    }
    if form
        .fields
        .iter()
        .any(|f| matches!(f.value, Value::Choice { .. }))
    {
        help.push_str(&format!(" · {}", crate::tr!("tui-form-change-choice")));
    }
    if form
        .fields
        .iter()
        .any(|f| matches!(f.value, Value::Text(_)))
    {
        help.push_str(&format!(" · {}", crate::tr!("tui-form-clear")));
    }
    lines.push(Line::from(Span::styled(help, theme.dim())));
    let area = frame.area();
    let width = area.width.saturating_sub(4).min(76);
    let paragraph = wrapped(Text::from(lines));
    let needed = paragraph.line_count(width.saturating_sub(2).max(1));
    let height = u16::try_from(needed + 2).unwrap_or(u16::MAX);
    let rect = centred(area, width, height);
    frame.render_widget(Clear, rect);
    let block = window(theme, &form.title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(paragraph, inner);
}

/// `path:line` of a finding, with the line found from its span in the loaded sources.
fn finding_place(app: &App, finding: &Finding) -> String {
    let Some(file) = &finding.file else {
        return String::new();
    };
    let line = finding.span.as_ref().and_then(|span| {
        let source = app.loaded.sources.iter().find(|s| &s.path == file)?;
        let before = source.text.get(..span.start.min(source.text.len()))?;
        Some(before.matches('\n').count() + 1)
    });
    let file = one_line(&file.display().to_string());
    match line {
        Some(line) => format!("{file}:{line}"),
        None => file,
    }
}

fn findings(frame: &mut Frame, app: &App, theme: Theme, selected: usize) {
    let wanted = u16::try_from(app.findings.len().max(1) * 2 + 3).unwrap_or(u16::MAX);
    let area = centred(
        frame.area(),
        frame.area().width.saturating_sub(4),
        wanted.min(frame.area().height.saturating_sub(4)),
    );
    frame.render_widget(Clear, area);
    let count = app.findings.len();
    let title = if app.is_loaded() {
        crate::tr!("tui-findings", count = count)
    } else if app.all_read() {
        crate::tr!("tui-findings-checking", count = count)
    } else {
        crate::tr!("tui-findings-reading", count = count)
    };
    let block = window(theme, &title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [list, footer] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(inner);
    let mut lines = Vec::new();
    if app.findings.is_empty() {
        let text = if app.is_loaded() {
            crate::tr!("tui-findings-none")
        } else {
            crate::tr!("tui-findings-none-so-far")
        };
        lines.push(Line::from(Span::styled(text, theme.good())));
    }
    // Each finding takes two lines; keep the selected one in view.
    let per_page = usize::from(list.height / 2).max(1);
    let first = selected.saturating_sub(per_page - 1);
    for (i, finding) in app.findings.iter().enumerate().skip(first).take(per_page) {
        let (severity, style) = match finding.severity {
            Severity::Error => (crate::tr!("tui-severity-error"), theme.error()),
            Severity::Warning => (crate::tr!("tui-severity-warning"), theme.heading()),
            Severity::Note => (crate::tr!("tui-severity-note"), theme.accent()),
        };
        let severity = Span::styled(format!("{severity:<7} "), style);
        let mut line = Line::from(vec![
            severity,
            Span::styled(finding_place(app, finding), theme.accent()),
        ]);
        if i == selected {
            line = line.style(theme.selected(true));
        }
        lines.push(line);
        let mut text = format!("        {}", one_line(&finding.message));
        if let Some(hint) = &finding.hint {
            text.push(' ');
            text.push_str(&crate::tr!("tui-finding-hint", hint = one_line(hint)));
        }
        lines.push(Line::from(fit(&text, usize::from(list.width))));
    }
    frame.render_widget(Paragraph::new(lines), list);
    frame.render_widget(
        Paragraph::new(Span::styled(
            crate::tr!(
                "tui-findings-keys",
                open = app.keys.first(Command::Open),
                edit = app.keys.first(Command::Edit)
            ),
            theme.dim(),
        )),
        footer,
    );
}

fn job_window(frame: &mut Frame, app: &App, theme: Theme, panel: &JobPanel) {
    let mut lines: Vec<Line> = panel
        .steps
        .iter()
        .map(|step| Line::from(format!("✓ {}", composed(step))))
        .collect();
    match &panel.done {
        None => lines.push(loading(app, theme, crate::tr!("tui-job-working"))),
        Some((text, true)) => {
            let mut problem = problem(text, theme);
            if let Some(first) = problem.first_mut() {
                first.spans.insert(0, Span::styled("✗ ", theme.error()));
            }
            lines.extend(problem);
        }
        Some((text, false)) => lines.push(Line::from(Span::styled(composed(text), theme.good()))),
    }
    lines.push(Line::default());
    let footer = if panel.done.is_some() {
        crate::tr!("tui-job-close")
    } else {
        crate::tr!("tui-job-hide")
    };
    lines.push(Line::from(Span::styled(footer, theme.dim())));
    let area = frame.area();
    let width = area.width.saturating_sub(4).min(76);
    let inner_width = usize::from(width.saturating_sub(2).max(1));
    let needed: usize = lines
        .iter()
        .map(|l| l.width().div_ceil(inner_width).max(1))
        .sum();
    let height = u16::try_from(needed + 2).unwrap_or(u16::MAX);
    let rect = centred(area, width, height);
    frame.render_widget(Clear, rect);
    let block = window(theme, &panel.title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
