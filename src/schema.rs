//! JSON Schemas of the two file kinds, generated from the model's types, for editors and tools.
//!
//! The schemas describe the files as TOML holds them: optional keys are simply absent (never
//! `null`), vocabularies list their words, dates are strings with format `date`, and unknown
//! keys are refused so editors flag typos. `programa schema --write schema` regenerates the
//! copies checked in under `schema/`.

use schemars::Schema;
use serde_json::{Map, Value, json};

use crate::model::{Activity, WorkProgramme};

/// The file name of the programme file's schema.
pub const PROGRAMME_SCHEMA_FILE: &str = "programme.schema.json";
/// The file name of the activity files' schema.
pub const ACTIVITY_SCHEMA_FILE: &str = "activity.schema.json";
/// Prefix of the schemas' `$id`s.
const ID_PREFIX: &str = "urn:programa:schema:";

/// The JSON Schema of `programme/<year>/programme.toml`.
pub fn programme_schema() -> Schema {
    finish(
        schemars::schema_for!(WorkProgramme),
        PROGRAMME_SCHEMA_FILE,
        "One year's work programme: metadata, front matter, and the areas, programmes and \
         projects that activities belong to. The file `programme/<year>/programme.toml` of a \
         programa repository.",
    )
}

/// The JSON Schema of an activity file, `programme/<year>/activities/<code>.toml`.
pub fn activity_schema() -> Schema {
    let mut schema = finish(
        schemars::schema_for!(Activity),
        ACTIVITY_SCHEMA_FILE,
        "One activity of a work programme: what the programme document says of it (sections \
         A–D) and how it is going. A file `programme/<year>/activities/<code>.toml` of a \
         programa repository.",
    );
    if let Some(progress) = schema.pointer_mut("/properties/progress") {
        progress["maximum"] = json!(100);
        if let Some(object) = progress.as_object_mut() {
            object.remove("format");
        }
    }
    schema
}

/// Both schemas with the file names they are published under.
pub fn all() -> [(&'static str, Schema); 2] {
    [
        (PROGRAMME_SCHEMA_FILE, programme_schema()),
        (ACTIVITY_SCHEMA_FILE, activity_schema()),
    ]
}

/// The text of a schema file: pretty JSON ending in a newline.
pub fn to_text(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Adds the `$id` and the description of the file, and shapes every subschema for TOML.
fn finish(schema: Schema, file: &str, description: &str) -> Schema {
    let mut value = schema.to_value();
    shape(&mut value);
    if let Some(root) = value.as_object_mut() {
        root.insert("description".into(), json!(description));
        root.insert("$id".into(), json!(format!("{ID_PREFIX}{file}")));
    }
    Schema::try_from(value).unwrap_or_default()
}

/// Rewrites every subschema of `value`: drops the `null` that `Option` fields get, lists the
/// words of string vocabularies under `enum`, puts the media type of a list's texts on its
/// items, and closes objects to unknown keys.
fn shape(value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(shape),
        Value::Object(object) => {
            object.values_mut().for_each(shape);
            drop_null(object);
            list_words(object);
            media_type_on_items(object);
            if object.get("type") == Some(&json!("object")) && object.contains_key("properties") {
                object.insert("additionalProperties".into(), json!(false));
            }
        }
        _ => {}
    }
}

/// The model marks a list of markdown texts as a whole; JSON Schema says it of each item.
fn media_type_on_items(object: &mut Map<String, Value>) {
    if object.get("type") != Some(&json!("array")) {
        return;
    }
    let Some(media_type) = object.remove("contentMediaType") else {
        return;
    };
    if let Some(Value::Object(items)) = object.get_mut("items") {
        items.insert("contentMediaType".into(), media_type);
    }
}

/// TOML has no null: `"type": ["string", "null"]` becomes `"string"`, and
/// `"anyOf": [{"$ref": …}, {"type": "null"}]` becomes the `$ref`.
fn drop_null(object: &mut Map<String, Value>) {
    let null = json!({ "type": "null" });
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if let [single] = types.as_slice() {
            let single = single.clone();
            object.insert("type".into(), single);
        }
    }
    let Some(Value::Array(options)) = object.get_mut("anyOf") else {
        return;
    };
    if !options.contains(&null) {
        return;
    }
    options.retain(|o| *o != null);
    if let [Value::Object(_)] = options.as_slice()
        && let Some(Value::Object(only)) = options.pop()
    {
        object.remove("anyOf");
        for (key, value) in only {
            object.entry(key).or_insert(value);
        }
    }
}

/// A `oneOf` of string constants (an enum whose words carry descriptions) becomes an `enum`
/// listing the words, which every editor offers as completions and names in its errors; the
/// words' descriptions move into the description as a list.
fn list_words(object: &mut Map<String, Value>) {
    let Some(Value::Array(options)) = object.get("oneOf") else {
        return;
    };
    let words: Option<Vec<(Value, String)>> = options
        .iter()
        .map(|option| {
            let word = option.get("const").filter(|c| c.is_string())?.clone();
            let about = option.get("description").and_then(Value::as_str);
            Some((word, about.unwrap_or_default().to_string()))
        })
        .collect();
    let Some(words) = words.filter(|w| !w.is_empty()) else {
        return;
    };
    let mut description = object
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    for (word, about) in &words {
        let word = word.as_str().unwrap_or_default();
        description.push_str(&format!("\n- `{word}`: {about}"));
    }
    object.remove("oneOf");
    object.insert("description".into(), json!(description.trim()));
    object.insert("type".into(), json!("string"));
    let words = words.into_iter().map(|(word, _)| word).collect();
    object.insert("enum".into(), Value::Array(words));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_fields_are_never_null() {
        let text = to_text(&activity_schema()) + &to_text(&programme_schema());
        assert!(!text.contains("\"null\""), "{text}");
    }

    #[test]
    fn vocabularies_list_their_words_and_dates_are_strings() {
        let schema = activity_schema();
        let words = |name: &str| schema.pointer(&format!("/$defs/{name}/enum")).cloned();
        assert_eq!(
            words("Status"),
            Some(json!([
                "planned",
                "ongoing",
                "completed",
                "postponed",
                "cancelled"
            ]))
        );
        assert_eq!(
            words("Format"),
            Some(json!(["face-to-face", "virtual", "hybrid"]))
        );
        assert_eq!(
            schema.pointer("/$defs/Date/format"),
            Some(&json!("date")),
            "{schema:?}"
        );
        assert_eq!(
            schema.pointer("/properties/planned_start/$ref"),
            Some(&json!("#/$defs/Date"))
        );
        assert_eq!(
            schema.pointer("/properties/progress/maximum"),
            Some(&json!(100))
        );
    }

    #[test]
    fn prose_is_marked_as_markdown() {
        let activity = activity_schema();
        let markdown = Some(&json!("text/markdown"));
        for pointer in [
            "/properties/background/contentMediaType",
            "/properties/audience/contentMediaType",
            "/properties/objectives/items/contentMediaType",
            "/$defs/Footnote/properties/text/contentMediaType",
        ] {
            assert_eq!(activity.pointer(pointer), markdown, "{pointer}");
        }
        assert_eq!(
            activity.pointer("/properties/objectives/contentMediaType"),
            None
        );
        assert_eq!(activity.pointer("/properties/title/contentMediaType"), None);
        let programme = programme_schema();
        assert_eq!(
            programme.pointer("/$defs/Area/properties/summary/contentMediaType"),
            markdown
        );
    }

    #[test]
    fn schemas_have_ids_and_refuse_unknown_keys() {
        for (file, schema) in all() {
            assert_eq!(
                schema.get("$id"),
                Some(&json!(format!("urn:programa:schema:{file}")))
            );
            assert_eq!(schema.get("additionalProperties"), Some(&json!(false)));
        }
    }
}
