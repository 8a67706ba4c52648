//! Reading one TOML file into a model type, turning every problem into a located finding.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::Finding;

/// Parses `text` (the file at `path`) as a `T`.
///
/// Returns the value when the file could be read, and the findings: a syntax error, or the
/// type errors (wrong type, value not allowed, missing key), each with its byte span.
pub fn parse_file<T: DeserializeOwned>(path: &Path, text: &str) -> (Option<T>, Vec<Finding>) {
    // Well-formed files, the usual case, are parsed once; only a failure is parsed again to
    // tell a syntax error (reported as toml_edit words it) from a type error.
    let error = match toml::from_str::<T>(text) {
        Ok(value) => return (Some(value), Vec::new()),
        Err(error) => error,
    };
    if let Err(error) = text.parse::<toml_edit::DocumentMut>() {
        let finding = Finding::error("toml-syntax", error.message().trim().to_string())
            .at(path, error.span())
            .hint("fix the TOML syntax; strings need quotes, tables `[name]` and arrays `[a, b]`");
        return (None, vec![finding]);
    }
    let finding =
        Finding::error("wrong-type", error.message().trim().to_string()).at(path, error.span());
    (None, vec![finding])
}
