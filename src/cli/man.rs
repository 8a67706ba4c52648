//! `programa man`: the manual pages, in roff, made from the same text as `--help`.

use clap::CommandFactory;

use super::{CliError, Context};

/// Print the manual page of programa, or of one of its commands, in roff
///
/// The page is dated today. `programa man | man -l -` reads the page of programa, which lists its commands;
/// `programa man show` or `programa man baseline create` the page of one command. To install
/// them: `programa man > ~/.local/share/man/man1/programa.1`, and `programa-show.1` for
/// `programa man show`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The command, and the subcommand of it, whose page to print [default: programa's own]
    #[arg(value_name = "COMMAND")]
    command: Vec<String>,
}

/// Runs `programa man`.
pub fn run(context: &mut Context, args: &Args) -> Result<(), CliError> {
    let mut command = super::Cli::command().disable_help_subcommand(true);
    command.build();
    for name in &args.command {
        command = find_subcommand(&command, name)?.clone();
    }
    let date = crate::clock::today().map_err(|e| {
        CliError::new(e.to_string()).hint(format!(
            "unset {} to date the page today",
            crate::clock::TODAY_VAR
        ))
    })?;
    let has_commands = command.get_subcommands().any(|sub| !sub.is_hide_set());
    let title = command
        .get_display_name()
        .unwrap_or(command.get_name())
        .to_uppercase();
    let mut page = Vec::new();
    clap_mangen::Man::new(command)
        .title(title)
        .date(date.to_string())
        .source(format!("programa {}", env!("CARGO_PKG_VERSION")))
        .manual("programa manual")
        .render(&mut page)?;
    if has_commands {
        page.extend_from_slice(SEE_ALSO.as_bytes());
    }
    context.out.write_all(&page)?;
    Ok(())
}

/// The last section of a page that lists commands: where their own pages are, in roff.
const SEE_ALSO: &str = r#".SH "SEE ALSO"
The page of each command is printed by \fBprograma man\fR \fICOMMAND\fR, such as
\fBprograma man show\fR; \fBprograma\fR \fICOMMAND\fR \fB\-\-help\fR prints the same text.
"#;

/// The visible subcommand `name` of `command`, or an error that names the ones there are.
fn find_subcommand<'a>(
    command: &'a clap::Command,
    name: &str,
) -> Result<&'a clap::Command, CliError> {
    let visible = || command.get_subcommands().filter(|sub| !sub.is_hide_set());
    if let Some(found) = visible().find(|sub| sub.get_name() == name) {
        return Ok(found);
    }
    let names: Vec<&str> = visible().map(clap::Command::get_name).collect();
    let shown_name = crate::output::shown(name);
    let of = command.get_bin_name().unwrap_or(command.get_name());
    if names.is_empty() {
        return Err(CliError::new(crate::tr!(
            "cli-man-no-commands",
            of = of.to_string(),
            name = shown_name.to_string()
        ))
        .hint(crate::tr!(
            "cli-man-no-commands-hint",
            of = of.to_string(),
            name = shown_name.to_string()
        )));
    }
    let error = CliError::new(crate::tr!(
        "cli-man-no-command",
        of = of.to_string(),
        name = shown_name.to_string()
    ));
    let error = match crate::suggest::did_you_mean(name, names.iter().copied()) {
        Some(near) => error.hint(crate::tr!("cli-translate-field-meant", best = near)),
        None => error,
    };
    Err(error.hint(crate::tr!("cli-man-commands", commands = names.join(", "))))
}
