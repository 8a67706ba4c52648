//! `programa compile`: Compile the programme document or the follow-up report to PDF.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::gate::Purpose;
use super::{CliError, Context};
use crate::history::{Repo, ReportHistory, ReportRevision};
use crate::model::{Date, Plan};
use crate::output;
use crate::render::{
    self, Compiler, Document, Draft, Lang, ProgrammeData, RenderError, ReportData, ReportInputs,
    Templates,
};
use crate::store::{Loaded, Workspace};
use std::collections::BTreeMap;

/// Compile the programme document or the follow-up report to PDF.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// The programme document: cover, contents, foreword, introduction, background, and every
    /// area, programme, project and activity with its sections and footnotes
    Programme(Common),
    /// The annual follow-up report: execution against the approved plan, changes, a chart of
    /// completions month by month, and a participants annex
    Report(ReportArgs),
}

/// Options of both documents.
#[derive(Debug, clap::Args)]
pub struct Common {
    /// The edition's language: its text where translated (the rest in its own language, marked), headings, labels, months and numbers
    #[arg(long, default_value = "en", value_parser = parse_lang, value_name = "en|es")]
    lang: Lang,
    /// Where to write the PDF [default: <document>-<year>-<lang>.pdf in the current folder]
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The entry template to use instead of report-templates/<document>.typ; its folder is the
    /// only one the template can read from
    #[arg(long, value_name = "FILE")]
    template: Option<PathBuf>,
    /// Write the template files and the data into DIR, with DIR/main.typ as the entry, so that
    /// `typst compile DIR/main.typ` makes the same document; no PDF is written
    #[arg(long, value_name = "DIR")]
    emit: Option<PathBuf>,
    /// Compile again whenever a programme file or a template changes (stop with Ctrl-C)
    #[arg(long, conflicts_with = "emit")]
    watch: bool,
    /// Compile even though `programa check` finds errors: every page is marked DRAFT and the
    /// cover gives the number of findings (values beyond the size limits are still refused)
    #[arg(long)]
    draft: bool,
    /// Stop a compile that runs longer than this many seconds (a template that loops)
    #[arg(long, value_name = "SECONDS", default_value_t = render::TIME_LIMIT.as_secs())]
    time_limit: u64,
    /// The document's date, on its cover and in the PDF's metadata [default: for a report with
    /// --at, the day of that commit; else today, or $PROGRAMA_TODAY when it is set]
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<Date>,
}

/// Options of the follow-up report.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    common: Common,
    /// The approved plan to compare with: a git tag or revision [default: the plan as it is]
    #[arg(long, value_name = "NAME")]
    baseline: Option<String>,
    /// Report on the plan as it was at this git revision (the report is then dated by that
    /// commit) [default: the files as they are]
    #[arg(long, value_name = "REV")]
    at: Option<String>,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    text.parse()
}

/// Runs `programa compile`.
pub fn run(context: &mut Context, command: &Command) -> Result<(), CliError> {
    let started = Instant::now();
    let (document, common) = match command {
        Command::Programme(common) => (Document::Programme, common),
        Command::Report(args) => (Document::Report, &args.common),
    };
    let mut job = Job::new(context, document, common)?;
    if let Command::Report(args) = command {
        job.baseline = args.baseline.clone();
        job.at = args.at.clone();
    }
    if let Some(dir) = &common.emit {
        let (data, _) = job.data()?;
        let written = match &data {
            Data::Programme(d) => render::emit(&job.templates, &job.entry, d, dir),
            Data::Report(d) => render::emit(&job.templates, &job.entry, d, dir),
        }
        .map_err(render_error)?;
        for path in written {
            writeln!(context.out, "{}", path.display())?;
        }
        eprintln!(
            "{}",
            crate::tr!(
                "cli-compile-emitted",
                main = dir.join("main.typ").display().to_string()
            )
        );
        return Ok(());
    }
    if common.watch {
        return job.watch();
    }
    let (data, date) = job.data()?;
    let mut compiler = data.compiler(&job, date)?;
    job.build(&mut compiler, context.out, started)
}

/// One compile request, resolved: where the plan and templates are, where the PDF goes.
struct Job {
    workspace: Workspace,
    year: i32,
    lang: Lang,
    document: Document,
    templates: Templates,
    entry: String,
    output: PathBuf,
    color: bool,
    /// The approved plan's name (`--baseline`).
    baseline: Option<String>,
    /// The revision reported on (`--at`).
    at: Option<String>,
    /// Whether to compile a programme with errors as a draft.
    draft: bool,
    /// How long a compile may run.
    time_limit: Duration,
    /// The date asked for (`--date`).
    date: Option<Date>,
}

/// A plan that passed the checks, or a draft of one that did not.
struct Checked {
    plan: Plan,
    draft: Option<Draft>,
}

/// The data of either document.
enum Data {
    Programme(Box<ProgrammeData>),
    Report(Box<ReportData>),
}

impl Data {
    fn compiler(&self, job: &Job, date: Date) -> Result<Compiler, CliError> {
        let templates = job.templates.clone();
        match self {
            Data::Programme(d) => Compiler::new(templates, &job.entry, d, date, job.color),
            Data::Report(d) => Compiler::new(templates, &job.entry, d, date, job.color),
        }
        .map(|compiler| compiler.with_time_limit(job.time_limit))
        .map_err(render_error)
    }

    fn update(&self, compiler: &mut Compiler, date: Date) -> Result<(), CliError> {
        match self {
            Data::Programme(d) => compiler.update(d, date),
            Data::Report(d) => compiler.update(d, date),
        }
        .map_err(render_error)
    }
}

impl Job {
    fn new(context: &Context, document: Document, common: &Common) -> Result<Self, CliError> {
        let workspace = context.workspace()?;
        let year = workspace.resolve_year(context.year_option())?;
        let (templates, entry) = match &common.template {
            Some(file) => {
                let name = file
                    .file_name()
                    .and_then(|n| n.to_str())
                    .filter(|_| file.is_file())
                    .ok_or_else(|| {
                        CliError::new(crate::tr!(
                            "cli-compile-no-template-file",
                            file = file.display().to_string()
                        ))
                        .hint(crate::tr!("cli-compile-no-template-file-hint"))
                    })?
                    .to_string();
                let dir = match file.parent() {
                    Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
                    _ => PathBuf::from("."),
                };
                (Templates::Dir(dir), name)
            }
            None => (
                Templates::for_workspace(workspace.root()),
                document.entry().to_string(),
            ),
        };
        let output = common.output.clone().unwrap_or_else(|| {
            PathBuf::from(format!("{}-{year}-{}.pdf", document.as_str(), common.lang))
        });
        Ok(Job {
            workspace,
            year,
            lang: common.lang,
            document,
            templates,
            entry,
            output,
            color: crate::diagnostic::render::use_color(std::io::stderr().is_terminal()),
            baseline: None,
            at: None,
            draft: common.draft,
            time_limit: Duration::from_secs(common.time_limit),
            date: common.date,
        })
    }

    /// Loads the plan, refusing one that `check` rejects.
    fn plan(&self) -> Result<Checked, CliError> {
        let loaded = crate::store::load(&self.workspace, self.year)?;
        self.checked(loaded, "")
    }

    /// The plan of loaded files, checked as `programa check` checks it and refused when it has
    /// an error, unless this is a draft; `at` says where the files were read.
    fn checked(&self, loaded: Loaded, at: &str) -> Result<Checked, CliError> {
        let purpose = Purpose::Compile { draft: self.draft };
        let (plan, draft) = super::gate::checked(loaded, at, purpose)?;
        Ok(Checked { plan, draft })
    }

    /// The document's data and date: from the files as they are, or for the report, from the
    /// history when it asks for a baseline or a revision.
    fn data(&self) -> Result<(Data, Date), CliError> {
        self.data_noting(&mut |line| eprintln!("{}", output::escape_hidden(&line)))
    }

    /// The document's data and date, with notes on what was chosen passed to `note`.
    fn data_noting(&self, note: &mut dyn FnMut(String)) -> Result<(Data, Date), CliError> {
        match self.document {
            Document::Programme => {
                let checked = self.plan()?;
                let date = self.date(None)?;
                let mut data = ProgrammeData::new(&checked.plan, self.lang, date);
                data.draft = checked.draft;
                Ok((Data::Programme(Box::new(data)), date))
            }
            Document::Report => {
                let (data, date) = report_data(self, note)?;
                Ok((Data::Report(Box::new(data)), date))
            }
        }
    }

    /// The document's date: `--date`, else the day of the commit reported on (`at`), else
    /// today. Never a date found in the data.
    fn date(&self, at: Option<Date>) -> Result<Date, CliError> {
        match self.date.or(at) {
            Some(date) => Ok(date),
            None => crate::clock::today().map_err(|e| {
                CliError::new(e.to_string()).hint(crate::tr!(
                    "cli-compile-today-hint",
                    var = crate::clock::TODAY_VAR
                ))
            }),
        }
    }

    /// Compiles once and writes the PDF, reporting progress on stderr: the time since
    /// `started` (reading the programme and its history included), and typst's share of it.
    fn build(
        &self,
        compiler: &mut Compiler,
        out: &mut dyn std::io::Write,
        started: Instant,
    ) -> Result<(), CliError> {
        eprintln!(
            "{}",
            crate::tr!(
                "cli-compile-compiling",
                year = self.year.to_string(),
                document = self.document.as_str(),
                lang = self.lang.as_str(),
                template = self.template_name()
            )
        );
        let typesetting = Instant::now();
        let compiled = compiler.compile().map_err(render_error)?;
        if !compiled.warnings.is_empty() {
            eprint!("{}", typst_diagnostics(&compiled.warnings));
        }
        write_pdf(&self.output, &compiled.pdf)?;
        eprintln!(
            "{}",
            crate::tr!(
                "cli-compile-compiled-in",
                pages = compiled.pages,
                seconds = format!("{:.2}", started.elapsed().as_secs_f64()),
                typesetting = format!("{:.2}", typesetting.elapsed().as_secs_f64())
            )
        );
        writeln!(out, "{}", self.output.display())?;
        Ok(())
    }

    fn template_name(&self) -> String {
        match &self.templates {
            Templates::Dir(dir) => dir.join(&self.entry).display().to_string(),
            Templates::Embedded => crate::tr!("cli-compile-built-in", entry = self.entry.as_str()),
        }
    }

    /// Compiles, then again after each change to the programme files or the templates.
    fn watch(&self) -> Result<(), CliError> {
        let year_dir = self.workspace.year_dir(self.year);
        let stamp = || {
            (
                render::templates::newest_mtime(&year_dir),
                self.templates.modified(),
            )
        };
        let mut seen = stamp();
        let started = Instant::now();
        let (data, date) = self.data()?;
        let mut compiler = data.compiler(self, date)?;
        let mut stdout = std::io::stdout();
        self.report_watch(self.build(&mut compiler, &mut stdout, started));
        eprintln!(
            "{}",
            crate::tr!("cli-compile-watching", dir = year_dir.display().to_string())
        );
        loop {
            std::thread::sleep(Duration::from_millis(300));
            let now = stamp();
            if now == seen {
                continue;
            }
            seen = now;
            let started = Instant::now();
            let result = self
                .data()
                .and_then(|(data, date)| data.update(&mut compiler, date))
                .and_then(|()| self.build(&mut compiler, &mut stdout, started));
            self.report_watch(result);
            typst::comemo::evict(10);
        }
    }

    fn report_watch(&self, result: Result<(), CliError>) {
        if let Err(error) = result {
            // Keep watching: the next save may fix it.
            let _ = error.report();
        }
    }
}

/// The report's data: the plan (as it is, or at `--at`), compared with the approved plan (the
/// baseline named, else the newest one, else the plan itself), with the commit behind each
/// activity's status. Both plans are checked as `programa check` checks them.
fn report_data(job: &Job, note: &mut dyn FnMut(String)) -> Result<(ReportData, Date), CliError> {
    let needs_history = job.baseline.is_some() || job.at.is_some();
    let repo = match Repo::open(&job.workspace) {
        Ok(repo) => Some(repo),
        Err(error) if needs_history => {
            let flag = if job.baseline.is_some() {
                "--baseline"
            } else {
                "--at"
            };
            return Err(
                CliError::from(error).hint(crate::tr!("cli-compile-needs-git-hint", flag = flag))
            );
        }
        Err(_) => None,
    };
    let history = match &repo {
        Some(repo) => {
            Some(repo.report_history(job.year, job.baseline.as_deref(), job.at.as_deref())?)
        }
        None => None,
    };
    let history = history.unwrap_or_else(|| ReportHistory {
        baseline: None,
        revision: ReportRevision::NoHistory,
        at: None,
        statuses: BTreeMap::new(),
        warnings: Vec::new(),
    });
    for warning in &history.warnings {
        note(crate::tr!("cli-warning", warning = warning.as_str()));
    }

    let (checked, at_day) = match (&history.revision, &history.at, &job.at) {
        (ReportRevision::Commit(stamp), Some(loaded), Some(at)) => (
            job.checked(
                loaded.clone(),
                &crate::tr!("cli-gate-at-revision", revision = at.to_string()),
            )?,
            Some(Date(stamp.date.date_naive())),
        ),
        _ => (job.plan()?, None),
    };
    let date = job.date(at_day)?;
    let mut draft = checked.draft;
    let plan = checked.plan;

    let approved = match &history.baseline {
        Some((baseline, loaded)) => {
            if job.baseline.is_none() {
                note(crate::tr!(
                    "cli-compile-newest-baseline",
                    name = baseline.name.as_str(),
                    short = baseline.short.as_str(),
                    date = baseline.date.format("%Y-%m-%d").to_string()
                ));
            }
            let name = &baseline.name;
            let checked = job.checked(
                loaded.clone(),
                &crate::tr!("cli-gate-of-baseline", name = name.as_str()),
            )?;
            if let Some(theirs) = checked.draft {
                let mine = draft.get_or_insert(Draft {
                    findings: 0,
                    errors: 0,
                });
                mine.findings += theirs.findings;
                mine.errors += theirs.errors;
            }
            Some((baseline, checked.plan))
        }
        None => {
            note(crate::tr!("cli-compile-no-baseline"));
            None
        }
    };

    let inputs = ReportInputs {
        baseline: approved.as_ref().map(|(baseline, plan)| (*baseline, plan)),
        current: &plan,
        revision: &history.revision,
        statuses: &history.statuses,
    };
    let mut data = ReportData::new(&inputs, job.lang, date);
    data.draft = draft;
    Ok((data, date))
}

/// Compiles `document` of `year` in `lang` as `programa compile programme|report --lang LANG`
/// does with its other options left as they are (the workspace's templates,
/// `<document>-<year>-<lang>.pdf`, here in the workspace's root folder, where the command is
/// usually run), reporting each step through `progress`; returns the PDF's path.
pub(crate) fn compile_default(
    workspace: &Workspace,
    year: i32,
    document: Document,
    lang: Lang,
    progress: &mut dyn FnMut(String),
) -> Result<PathBuf, CliError> {
    let job = Job {
        workspace: workspace.clone(),
        year,
        lang,
        document,
        templates: Templates::for_workspace(workspace.root()),
        entry: document.entry().to_string(),
        output: workspace
            .root()
            .join(format!("{}-{year}-{lang}.pdf", document.as_str())),
        color: false,
        baseline: None,
        at: None,
        draft: false,
        time_limit: render::TIME_LIMIT,
        date: None,
    };
    progress(crate::tr!("cli-compile-loading", year = year.to_string()));
    let (data, date) = job.data_noting(progress)?;
    progress(crate::tr!(
        "cli-compile-compiling-default",
        year = year.to_string(),
        document = document.as_str(),
        template = job.template_name()
    ));
    let mut compiler = data.compiler(&job, date)?;
    let compiled = compiler.compile().map_err(render_error)?;
    write_pdf(&job.output, &compiled.pdf)?;
    progress(crate::tr!("cli-compile-compiled", pages = compiled.pages));
    Ok(job.output)
}

fn write_pdf(path: &Path, pdf: &[u8]) -> Result<(), CliError> {
    crate::store::write::write_output(path, pdf).map_err(|e| {
        CliError::new(crate::tr!(
            "cli-compile-cannot-write",
            error = e.to_string()
        ))
    })
}

/// typst's diagnostics as they may be shown on stderr: they quote templates and the data, so
/// what would act on a terminal is escaped; on a terminal, their own colours are kept.
fn typst_diagnostics(text: &str) -> std::borrow::Cow<'_, str> {
    if std::io::stderr().is_terminal() {
        output::escape_hidden_except_colours(text)
    } else {
        output::escape_hidden(text)
    }
}

fn render_error(error: RenderError) -> CliError {
    match &error {
        RenderError::Template {
            entry,
            count,
            rendered,
        } => {
            // The diagnostics already name the files, lines and hints.
            eprint!("{}", typst_diagnostics(rendered));
            CliError::new(crate::tr!(
                "cli-compile-template-errors",
                entry = entry.as_str(),
                count = *count
            ))
            .hint(crate::tr!("cli-compile-template-errors-hint"))
        }
        RenderError::TimedOut { .. } => {
            CliError::new(error.to_string()).hint(crate::tr!("cli-compile-timed-out-hint"))
        }
        RenderError::MissingTemplate(name) => {
            CliError::new(crate::tr!("cli-compile-no-template", name = name.as_str()))
                .hint(crate::tr!("cli-compile-no-template-hint"))
        }
        other => CliError::new(other.to_string()),
    }
}
