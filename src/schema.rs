//! JSON Schemas of the two file kinds, generated from the model's types.

use crate::model::{Activity, WorkProgramme};

/// The JSON Schema of `programme.toml`.
pub fn programme_schema() -> schemars::Schema {
    schemars::schema_for!(WorkProgramme)
}

/// The JSON Schema of an activity file.
pub fn activity_schema() -> schemars::Schema {
    schemars::schema_for!(Activity)
}
