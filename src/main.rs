//! The `programa` binary: everything lives in the library; this only hands it the arguments.

fn main() -> std::process::ExitCode {
    programa::cli::main(std::env::args_os())
}
