//! Shell completions and the manual page: the completion protocol through the real binary, the
//! scripts it prints run by real bash, fish and zsh (in tmux), and the roff it prints read back
//! with mandoc and man.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{BIN, in_pinned_env, installed, programa, stdout_of};

/// The small valid programme: activities I.1.1, I.1.2, I.2.1, II.3.1, II.3.2; areas I and II;
/// projects I.1, I.2 and II.3.
fn mini() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

/// What `programa` offers for the last of `words` (the line as typed, from `programa`), asked
/// through the protocol the bash script uses, from the folder `dir`.
fn offered(dir: &Path, words: &[&str]) -> Vec<String> {
    let output = programa()
        .current_dir(dir)
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words)
        .output()
        .expect("the binary runs");
    assert!(
        output.stderr.is_empty(),
        "completing {words:?} printed {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = stdout_of(&format!("completing {words:?}"), output);
    text.lines().map(str::to_string).collect()
}

#[test]
fn codes_statuses_and_keys_are_offered_from_the_programme_of_the_current_folder() {
    // Below the root, as a user in the activities folder would be.
    let here = mini().join("programme/2021/activities");
    assert_eq!(
        offered(&here, &["programa", "show", "I.1."]),
        ["I.1.1", "I.1.2"]
    );
    assert_eq!(
        offered(&here, &["programa", "set", ""]),
        [
            "I.1.1", "I.1.2", "I.2.1", "II.3.1", "II.3.2", "--root", "--year", "--color", "--help"
        ],
        "every activity, then the options"
    );
    assert_eq!(
        offered(&here, &["programa", "log", "II"]),
        ["II.3.1", "II.3.2"]
    );
    assert_eq!(
        offered(&here, &["programa", "participant", "add", "I.2"]),
        ["I.2.1"]
    );
    assert_eq!(
        offered(&here, &["programa", "list", "--project", "I."]),
        ["I.1", "I.2"]
    );
    assert_eq!(
        offered(&here, &["programa", "new", "--project", "II"]),
        ["II.3"]
    );
    assert_eq!(
        offered(&here, &["programa", "list", "--area", ""]),
        ["I", "II"]
    );
    assert_eq!(
        offered(&here, &["programa", "list", "--status", "ongoing,c"]),
        ["ongoing,completed", "ongoing,cancelled"]
    );
    assert_eq!(
        offered(&here, &["programa", "set", "I.1.1", "status=p"]),
        ["status=planned", "status=postponed"]
    );
    assert_eq!(
        offered(&here, &["programa", "set", "I.1.1", "actual_s"]),
        ["actual_start="]
    );
    assert_eq!(
        offered(&here, &["programa", "comp"]),
        ["compile", "completions"]
    );
}

#[test]
fn codes_come_from_the_root_and_year_on_the_line_and_nothing_is_said_without_a_programme() {
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let root = mini();
    let root = root.to_str().expect("a UTF-8 path");
    assert_eq!(
        offered(
            elsewhere.path(),
            &["programa", "--root", root, "show", "II.3."]
        ),
        ["II.3.1", "II.3.2"]
    );
    assert_eq!(
        offered(
            elsewhere.path(),
            &[
                "programa",
                &format!("--root={root}"),
                "--year",
                "2021",
                "edit",
                "I.2"
            ]
        ),
        ["I.2.1"]
    );
    let none: [&str; 0] = [];
    assert_eq!(
        offered(
            elsewhere.path(),
            &["programa", "--root", root, "--year", "1999", "show", "I"]
        ),
        none,
        "a year without a folder"
    );
    assert_eq!(
        offered(elsewhere.path(), &["programa", "show", "I"]),
        none,
        "no programme here or above"
    );
}

#[test]
fn the_completion_variable_with_an_unknown_shell_is_an_error() {
    let output = programa()
        .env("COMPLETE", "tcsh")
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("tcsh"),
        "{output:?}"
    );
}

/// `programa completions SHELL`, which must succeed.
fn script(shell: &str) -> String {
    let output = programa()
        .args(["completions", shell])
        .output()
        .expect("the binary runs");
    stdout_of(&format!("completions {shell}"), output)
}

#[test]
fn bash_completes_codes_with_the_script_programa_prints() {
    let script_file = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(script_file.path(), script("bash")).expect("writes the script");
    // What bash does at a Tab after `programa show I.1.`: set the words and call the function
    // that the script registered for `programa`.
    let test = r#"
        source "$1" || exit 10
        complete -p programa || exit 11
        COMP_WORDS=(programa show I.1.); COMP_CWORD=2; COMP_TYPE=9
        _clap_complete_programa programa I.1. show
        printf '%s\n' "${COMPREPLY[@]}"
    "#;
    let output = in_pinned_env("bash")
        .current_dir(mini())
        .args(["--norc", "--noprofile", "-c", test, "bash"])
        .arg(script_file.path())
        .output()
        .expect("runs bash");
    let text = stdout_of("bash", output);
    let mut lines = text.lines();
    let registered = lines.next().expect("the registration");
    assert!(
        registered.starts_with("complete ") && registered.ends_with(" programa"),
        "{registered}"
    );
    assert_eq!(lines.collect::<Vec<_>>(), ["I.1.1", "I.1.2"]);
}

#[test]
fn fish_completes_codes_and_statuses_with_the_script_programa_prints() {
    if !installed("fish", "fish") {
        return;
    }
    let test = r#"
        programa_script | source
        complete --do-complete 'programa show II.3.'
        complete --do-complete 'programa list --status c'
    "#
    .replace("programa_script", &format!("{BIN} completions fish"));
    let output = in_pinned_env("fish")
        .current_dir(mini())
        .args(["--no-config", "-c", &test])
        .output()
        .expect("runs fish");
    let text = stdout_of("fish", output);
    assert_eq!(
        text.lines().collect::<Vec<_>>(),
        ["II.3.1", "II.3.2", "completed", "cancelled"]
    );
}

#[test]
fn zsh_completes_a_code_at_a_tab_in_a_terminal() {
    if !installed("zsh", "zsh") || !installed("tmux", "tmux") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let socket = dir.path().join("tmux.sock");
    let tmux = |args: &[&str]| -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&socket)
            .args(args)
            .output()
            .expect("runs tmux")
    };
    let mini = mini();
    let shell = format!(
        "cd {} && env -i PATH=\"$PATH\" HOME={} TERM=xterm zsh -f",
        mini.display(),
        dir.path().display()
    );
    let started = tmux(&[
        "new-session",
        "-d",
        "-s",
        "t",
        "-x",
        "120",
        "-y",
        "20",
        &shell,
    ]);
    assert!(started.status.success(), "{started:?}");
    let screen =
        || String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned();
    let wait_for = |text: &str| {
        let start = Instant::now();
        loop {
            let shown = screen();
            if shown.contains(text) {
                return;
            }
            if start.elapsed() > Duration::from_secs(15) {
                let _ = tmux(&["kill-server"]);
                panic!("waited for {text:?}; the screen is:\n{shown}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    let setup = format!(
        "autoload -Uz compinit && compinit -u -D && source <({BIN} completions zsh) && echo READY"
    );
    tmux(&["send-keys", "-t", "t", "-l", &setup]);
    tmux(&["send-keys", "-t", "t", "Enter"]);
    wait_for("\nREADY");
    tmux(&["send-keys", "-t", "t", "-l", "programa show I.2"]);
    tmux(&["send-keys", "-t", "t", "Tab"]);
    wait_for("programa show I.2.1");
    let _ = tmux(&["kill-server"]);
}

#[test]
fn the_zsh_and_powershell_scripts_call_this_programa_back() {
    let zsh = script("zsh");
    assert!(zsh.starts_with("#compdef programa"), "{zsh}");
    assert!(
        zsh.contains(&format!("COMPLETE=\"zsh\" \\\n        {BIN} -- ")),
        "{zsh}"
    );
    let powershell = script("powershell");
    assert!(
        powershell.contains("Register-ArgumentCompleter -Native -CommandName programa"),
        "{powershell}"
    );
    assert!(
        powershell.contains(&format!("& {BIN} -- $args")),
        "{powershell}"
    );
    assert!(script("elvish").contains("set edit:completion:arg-completer[programa]"));
    let output = programa()
        .args(["completions", "tcsh"])
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("powershell"));
}

/// `programa man ARGS`, which must succeed.
fn page(args: &[&str]) -> String {
    let output = programa()
        .arg("man")
        .args(args)
        .output()
        .expect("the binary runs");
    stdout_of(&format!("man {args:?}"), output)
}

/// The commands `programa --help` lists, but `help`.
fn commands() -> Vec<String> {
    let help = stdout_of("--help", programa().arg("--help").output().expect("runs"));
    let listed = help
        .split("Commands:\n")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("a list of commands");
    listed
        .lines()
        .filter(|line| line.starts_with("  ") && !line.starts_with("   "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

/// `roff` as mandoc reads it: its text, after checking mandoc finds no error in it.
fn read_with_mandoc(roff: &str) -> String {
    let run = |args: &[&str]| {
        let mut child = in_pinned_env("mandoc")
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs mandoc");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(roff.as_bytes())
            .expect("writes to mandoc");
        child.wait_with_output().expect("mandoc ends")
    };
    let lint = run(&["-T", "lint", "-W", "error"]);
    assert!(
        lint.status.success() && lint.stdout.is_empty() && lint.stderr.is_empty(),
        "mandoc finds errors: {}{}",
        String::from_utf8_lossy(&lint.stdout),
        String::from_utf8_lossy(&lint.stderr)
    );
    stdout_of("mandoc -T utf8", run(&["-T", "utf8", "-O", "width=100"]))
}

#[test]
fn the_manual_page_lists_every_command_and_reads_back_with_mandoc() {
    if !installed("mandoc", "mandoc") {
        return;
    }
    let commands = commands();
    assert!(commands.len() > 20, "{commands:?}");
    let text = read_with_mandoc(&page(&[]));
    let text = strip_overstrike(&text);
    assert!(text.contains("PROGRAMA(1)"), "{text}");
    assert!(
        text.contains("2021-06-20"),
        "dated today, as pinned: {text}"
    );
    assert!(text.contains("--root <DIR>"), "{text}");
    for command in &commands {
        assert!(
            text.contains(&format!("programa-{command}(1)")),
            "{command} is missing from:\n{text}"
        );
    }
    assert!(!text.contains("textconv"), "hidden commands stay out");
    assert!(text.contains("programa man COMMAND"), "{text}");
    for command in &commands {
        let text = strip_overstrike(&read_with_mandoc(&page(&[command])));
        assert!(
            text.contains(&format!("PROGRAMA-{}(1)", command.to_uppercase())),
            "{command}: {text}"
        );
    }
}

#[test]
fn the_page_of_a_command_holds_its_help_and_reads_back_with_man() {
    let show = page(&["show"]);
    assert!(show.starts_with(".ie \\n(.g"), "roff: {show}");
    assert!(
        show.contains(".TH PROGRAMA-SHOW 1 2021-06-20 \"programa 0.1.0\""),
        "{show}"
    );
    assert!(show.contains("\\fB\\-\\-json\\fR"), "{show}");
    let nested = page(&["baseline", "set"]);
    assert!(nested.contains(".TH PROGRAMA-BASELINE-SET 1"), "{nested}");
    let output = in_pinned_env("sh")
        .arg("-c")
        .arg(format!("{BIN} man list | man -l -"))
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "100")
        .output()
        .expect("runs man");
    let text = strip_overstrike(&stdout_of("man -l", output));
    assert!(
        text.contains("List the activities of a year, filtered"),
        "{text}"
    );
    assert!(text.contains("--status <STATUS>"), "{text}");
    assert!(text.contains("postponed"), "{text}");
}

#[test]
fn the_page_of_a_command_that_does_not_exist_is_an_error_that_names_those_that_do() {
    for args in [&["shw"][..], &["baseline", "creat"], &["show", "json"]] {
        let output = programa()
            .arg("man")
            .args(args)
            .output()
            .expect("the binary runs");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(stderr.contains("hint: "), "{stderr}");
        if args == ["shw"] {
            assert!(stderr.contains("did you mean `show`?"), "{stderr}");
        }
    }
}

/// Text without the backspace overstriking of bold and underlined letters.
fn strip_overstrike(text: &str) -> String {
    let mut out: Vec<char> = Vec::new();
    for c in text.chars() {
        if c == '\u{8}' {
            out.pop();
        } else {
            out.push(c);
        }
    }
    out.into_iter().collect()
}
