//! What the interface asks of git and the document compiler, behind one trait, and the
//! background thread that runs those requests so the interface never waits on them.
//!
//! [`Services`] is the seam: [`Unavailable`] answers every request with "not available in this
//! build yet"; `programa tui` passes the implementation over git (`cli::GitServices`), and the
//! document compiler plugs in the same way, by implementing the trait and passing it to
//! [`super::run`].

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::store::Workspace;

/// Which document to compile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    /// The programme document.
    Programme,
    /// The follow-up report.
    Report,
}

impl Document {
    /// Its name in messages, in the interface's language.
    pub fn name(self) -> String {
        match self {
            Document::Programme => crate::tr!("tui-document-programme"),
            Document::Report => crate::tr!("tui-document-report"),
        }
    }
}

/// One commit that changed an activity, as the history pane lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    /// When, as people read it (`2021-06-16 10:42`).
    pub when: String,
    /// Who made the commit.
    pub who: String,
    /// The commit's short id.
    pub commit: String,
    /// What changed in the activity, one line each (`status planned → completed`).
    pub changes: Vec<String>,
}

/// An activity's history, as the history pane shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivityHistory {
    /// Its trajectory as `programa history` prints it (statuses reached, progress,
    /// participants added), one line each; empty when it was never committed.
    pub trajectory: Vec<String>,
    /// The commits that changed it, newest first.
    pub entries: Vec<HistoryEntry>,
}

/// Where the services work: the workspace and the year shown.
#[derive(Debug, Clone)]
pub struct Scope {
    /// The workspace.
    pub workspace: Workspace,
    /// The year.
    pub year: i32,
}

/// The slow work the interface hands off: git history, uncommitted changes, commits, documents.
///
/// Every method runs on the background thread. Errors are text whose first line says what
/// went wrong (the status bar shows it); further lines, shown in the panes and dialogs, give
/// details and hints (`hint: …`).
pub trait Services: Send + Sync {
    /// Activity `code`'s trajectory and the commits that changed it.
    fn history(&self, scope: &Scope, code: &str) -> Result<ActivityHistory, String>;
    /// The uncommitted changes, described per activity, one line each.
    fn uncommitted(&self, scope: &Scope) -> Result<Vec<String>, String>;
    /// The message a commit of the uncommitted changes would get; `None` when nothing changed.
    fn commit_message(&self, scope: &Scope) -> Result<Option<String>, String>;
    /// Commits the changes with `message`; returns the new commit's short id.
    fn commit(&self, scope: &Scope, message: &str) -> Result<String, String>;
    /// Compiles `document`, reporting each step through `progress`; returns the PDF's path.
    fn compile(
        &self,
        scope: &Scope,
        document: Document,
        progress: &mut dyn FnMut(String),
    ) -> Result<PathBuf, String>;
}

/// The services of a build without git or document support: every request says so.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unavailable;

impl Services for Unavailable {
    fn history(&self, _: &Scope, _: &str) -> Result<ActivityHistory, String> {
        Err(crate::tr!("tui-unavailable-history"))
    }

    fn uncommitted(&self, _: &Scope) -> Result<Vec<String>, String> {
        Err(crate::tr!("tui-unavailable-diff"))
    }

    fn commit_message(&self, _: &Scope) -> Result<Option<String>, String> {
        Err(crate::tr!("tui-unavailable-commit"))
    }

    fn commit(&self, _: &Scope, _: &str) -> Result<String, String> {
        Err(crate::tr!("tui-unavailable-commit"))
    }

    fn compile(
        &self,
        _: &Scope,
        document: Document,
        _: &mut dyn FnMut(String),
    ) -> Result<PathBuf, String> {
        Err(crate::tr!(
            "tui-unavailable-compile",
            document = document.name()
        ))
    }
}

/// A request for the background thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Job {
    /// The history of an activity.
    History(String),
    /// The uncommitted changes.
    Uncommitted,
    /// The message for a commit dialog.
    CommitMessage,
    /// A commit with this message.
    Commit(String),
    /// A document to compile.
    Compile(Document),
}

/// What the background thread reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobEvent {
    /// A step of a running job.
    Progress(String),
    /// A job finished.
    Done(Outcome),
}

/// A finished job's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// An activity's history.
    History(String, Result<ActivityHistory, String>),
    /// The uncommitted changes.
    Uncommitted(Result<Vec<String>, String>),
    /// The generated commit message, `None` when there is nothing to commit.
    CommitMessage(Result<Option<String>, String>),
    /// A commit made, with its id.
    Committed(Result<String, String>),
    /// A document compiled, with its path.
    Compiled(Document, Result<PathBuf, String>),
}

/// Runs `job` on the calling thread, reporting progress through `progress`.
pub fn run_job(
    services: &dyn Services,
    scope: &Scope,
    job: Job,
    progress: &mut dyn FnMut(String),
) -> Outcome {
    match job {
        Job::History(code) => {
            let answer = services.history(scope, &code);
            Outcome::History(code, answer)
        }
        Job::Uncommitted => Outcome::Uncommitted(services.uncommitted(scope)),
        Job::CommitMessage => Outcome::CommitMessage(services.commit_message(scope)),
        Job::Commit(message) => Outcome::Committed(services.commit(scope, &message)),
        Job::Compile(document) => {
            Outcome::Compiled(document, services.compile(scope, document, progress))
        }
    }
}

/// A background thread running jobs one after another.
pub struct Worker {
    jobs: Sender<Job>,
    /// Progress and answers, in order.
    pub events: Receiver<JobEvent>,
}

impl Worker {
    /// Starts the thread. It ends when the worker is dropped.
    pub fn start(services: Arc<dyn Services>, scope: Scope) -> Worker {
        let (jobs, inbox) = channel::<Job>();
        let (outbox, events) = channel();
        std::thread::spawn(move || {
            for job in inbox {
                let progress_out = outbox.clone();
                let mut progress = |step: String| {
                    let _ = progress_out.send(JobEvent::Progress(step));
                };
                let outcome = run_job(services.as_ref(), &scope, job, &mut progress);
                if outbox.send(JobEvent::Done(outcome)).is_err() {
                    break;
                }
            }
        });
        Worker { jobs, events }
    }

    /// Queues a job; `false` if the thread has stopped.
    pub fn submit(&self, job: Job) -> bool {
        self.jobs.send(job).is_ok()
    }
}
