//! `programa compile`: Compile the programme document or the follow-up report to PDF.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{CliError, Context};
use crate::model::{Date, Plan};
use crate::render::{
    self, Compiler, Document, Lang, ProgrammeData, RenderError, ReportData, ReportInputs, Templates,
};
use crate::store::Workspace;

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
    /// The language of headings, labels, months and numbers
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
}

/// Options of the follow-up report.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    common: Common,
    /// The approved plan to compare with: a git tag or revision [default: the plan as it is]
    #[arg(long, value_name = "NAME")]
    baseline: Option<String>,
    /// Report on the plan as it was at this git revision [default: the files as they are]
    #[arg(long, value_name = "REV")]
    at: Option<String>,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    text.parse()
}

/// Runs `programa compile`.
pub fn run(context: &mut Context, command: &Command) -> Result<(), CliError> {
    let (document, common) = match command {
        Command::Programme(common) => (Document::Programme, common),
        Command::Report(args) => {
            for (flag, value) in [("--baseline", &args.baseline), ("--at", &args.at)] {
                if value.is_some() {
                    return Err(CliError::new(format!(
                        "{flag} is not available yet: it needs the git history module"
                    ))
                    .hint("leave it out to report on the plan as it is, as its own baseline"));
                }
            }
            (Document::Report, &args.common)
        }
    };
    let job = Job::new(context, document, common)?;
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
            "compile it with: typst compile --ignore-system-fonts {}",
            dir.join("main.typ").display()
        );
        return Ok(());
    }
    if common.watch {
        return job.watch();
    }
    let (data, date) = job.data()?;
    let mut compiler = data.compiler(&job, date)?;
    job.build(&mut compiler, context.out)
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
                        CliError::new(format!("there is no template file {}", file.display()))
                            .hint("pass the path of a .typ file")
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
            color: std::io::stderr().is_terminal(),
        })
    }

    /// Loads the plan, refusing one whose files have errors.
    fn plan(&self) -> Result<Plan, CliError> {
        let loaded = crate::store::load(&self.workspace, self.year)?;
        if loaded.has_errors() {
            let count = loaded.findings.iter().filter(|f| f.is_error()).count();
            return Err(CliError::new(format!(
                "the {} programme has {count} file error{} and cannot be compiled",
                self.year,
                if count == 1 { "" } else { "s" }
            ))
            .hint("run `programa check` and fix the files first")
            .with_findings(loaded.findings, loaded.sources));
        }
        Ok(loaded.plan)
    }

    /// The document's data and date, from the files as they are now.
    fn data(&self) -> Result<(Data, Date), CliError> {
        let plan = self.plan()?;
        let date = render::newest_date(&plan);
        let data = match self.document {
            Document::Programme => {
                Data::Programme(Box::new(ProgrammeData::new(&plan, self.lang, date)))
            }
            Document::Report => {
                let inputs = ReportInputs {
                    baseline: None,
                    current: &plan,
                    at: None,
                    completed_on: Default::default(),
                };
                Data::Report(Box::new(ReportData::new(&inputs, self.lang, date)))
            }
        };
        Ok((data, date))
    }

    /// Compiles once and writes the PDF, reporting progress on stderr.
    fn build(&self, compiler: &mut Compiler, out: &mut dyn std::io::Write) -> Result<(), CliError> {
        eprintln!(
            "compiling the {} {} ({}) with {}…",
            self.year,
            self.document.as_str(),
            self.lang,
            self.template_name()
        );
        let started = Instant::now();
        let compiled = compiler.compile().map_err(render_error)?;
        if !compiled.warnings.is_empty() {
            eprint!("{}", compiled.warnings);
        }
        write_pdf(&self.output, &compiled.pdf)?;
        eprintln!(
            "compiled {} pages in {:.2} s",
            compiled.pages,
            started.elapsed().as_secs_f64()
        );
        writeln!(out, "{}", self.output.display())?;
        Ok(())
    }

    fn template_name(&self) -> String {
        match &self.templates {
            Templates::Dir(dir) => dir.join(&self.entry).display().to_string(),
            Templates::Embedded => format!("the built-in {}", self.entry),
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
        let (data, date) = self.data()?;
        let mut compiler = data.compiler(self, date)?;
        let mut stdout = std::io::stdout();
        self.report_watch(self.build(&mut compiler, &mut stdout));
        eprintln!(
            "watching {} and the templates (Ctrl-C to stop)",
            year_dir.display()
        );
        loop {
            std::thread::sleep(Duration::from_millis(300));
            let now = stamp();
            if now == seen {
                continue;
            }
            seen = now;
            let result = self
                .data()
                .and_then(|(data, date)| data.update(&mut compiler, date))
                .and_then(|()| self.build(&mut compiler, &mut stdout));
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

fn write_pdf(path: &Path, pdf: &[u8]) -> Result<(), CliError> {
    // PDF bytes are not text: write through a temporary file and rename, like atomic_write.
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let fail = |e: std::io::Error| CliError::new(format!("cannot write {} ({e})", path.display()));
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    std::io::Write::write_all(&mut file, pdf).map_err(fail)?;
    file.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

fn render_error(error: RenderError) -> CliError {
    match error {
        RenderError::Template {
            entry,
            count,
            rendered,
        } => {
            // The diagnostics already name the files, lines and hints.
            eprint!("{rendered}");
            CliError::new(format!(
                "the template {entry} has {count} error{}; no PDF was written",
                if count == 1 { "" } else { "s" }
            ))
            .hint("fix the template, or use the standard one (leave out --template)")
        }
        RenderError::MissingTemplate(name) => CliError::new(format!("there is no template {name}"))
            .hint("restore report-templates/ from the repository, or delete the folder to use the built-in templates"),
        other => CliError::new(other.to_string()),
    }
}
