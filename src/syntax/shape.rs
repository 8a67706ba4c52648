//! The shape of a file kind — its tables, their keys, which are required, which words a value
//! may take — read from the JSON Schema that `src/schema.rs` generates, so that the keys the
//! checks know are always the keys the model has.

use std::collections::BTreeSet;

use serde_json::Value as Json;

use super::tree::Step;

/// What a value of some key must look like.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A table with known keys: the required ones first, in the model's order.
    Table(Vec<Field>),
    /// An array whose elements have this shape.
    Array(Box<Shape>),
    /// A table whose keys are data (languages, field paths), every value of this shape.
    Map(Box<Shape>),
    /// A single value: text, a number, a date…
    Scalar {
        /// Whether it is text.
        string: bool,
        /// The words allowed, when the value is one of a vocabulary.
        allowed: Vec<String>,
        /// Whether it is text in markdown (`contentMediaType` `text/markdown`): prose.
        markdown: bool,
    },
    /// Anything (the schema does not say).
    Any,
}

/// A key of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key.
    pub name: String,
    /// Whether a file must have it.
    pub required: bool,
    /// What its value must look like.
    pub shape: Shape,
}

/// How deep `$ref`s are followed; the model has no recursive types, so this only guards.
const MAX_DEPTH: usize = 16;

impl Shape {
    /// The shape a JSON Schema describes.
    pub fn of_schema(schema: &schemars::Schema) -> Shape {
        let root = schema.as_value();
        resolve(root, root, 0)
    }

    /// The shape of the activity files.
    pub fn activity() -> Shape {
        Shape::of_schema(&crate::schema::activity_schema())
    }

    /// The shape of `programme.toml`.
    pub fn programme() -> Shape {
        Shape::of_schema(&crate::schema::programme_schema())
    }

    /// The fields, when this is a table.
    pub fn fields(&self) -> Option<&[Field]> {
        match self {
            Shape::Table(fields) => Some(fields),
            _ => None,
        }
    }

    /// The field `name`, when this is a table that has it.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields()?.iter().find(|field| field.name == name)
    }

    /// The shape at `path` below this one; `None` when the path leaves the known shape.
    pub fn at(&self, path: &[Step]) -> Option<&Shape> {
        let Some((first, rest)) = path.split_first() else {
            return Some(self);
        };
        let next = match (self, first) {
            (Shape::Table(_), Step::Key(key)) => &self.field(key)?.shape,
            (Shape::Array(items), Step::Index(_)) => items,
            (Shape::Map(values), Step::Key(_)) => values,
            _ => return None,
        };
        next.at(rest)
    }
}

fn resolve(schema: &Json, root: &Json, depth: usize) -> Shape {
    if depth > MAX_DEPTH {
        return Shape::Any;
    }
    if let Some(reference) = schema.get("$ref").and_then(Json::as_str) {
        let target = reference
            .strip_prefix('#')
            .and_then(|pointer| root.pointer(pointer));
        return match target {
            Some(target) => resolve(target, root, depth + 1),
            None => Shape::Any,
        };
    }
    for combinator in ["anyOf", "oneOf", "allOf"] {
        if let Some(options) = schema.get(combinator).and_then(Json::as_array) {
            return combine(options, root, depth);
        }
    }
    let types = types_of(schema);
    if let Some(values) = schema.get("additionalProperties").filter(|v| v.is_object())
        && schema.get("properties").is_none()
    {
        return Shape::Map(Box::new(resolve(values, root, depth + 1)));
    }
    if schema.get("properties").is_some() || types.contains("object") {
        // In the model's order (the properties' may be alphabetical).
        let required: Vec<&str> = schema
            .get("required")
            .and_then(Json::as_array)
            .map(|names| names.iter().filter_map(Json::as_str).collect())
            .unwrap_or_default();
        let mut fields: Vec<Field> = schema
            .get("properties")
            .and_then(Json::as_object)
            .map(|properties| {
                properties
                    .iter()
                    .map(|(name, value)| Field {
                        name: name.clone(),
                        required: required.contains(&name.as_str()),
                        shape: resolve(value, root, depth + 1),
                    })
                    .collect()
            })
            .unwrap_or_default();
        fields.sort_by_key(|field| {
            required
                .iter()
                .position(|name| *name == field.name)
                .unwrap_or(usize::MAX)
        });
        return Shape::Table(fields);
    }
    if types.contains("array") {
        let items = schema
            .get("items")
            .map_or(Shape::Any, |items| resolve(items, root, depth + 1));
        return Shape::Array(Box::new(items));
    }
    let mut allowed: Vec<String> = Vec::new();
    if let Some(words) = schema.get("enum").and_then(Json::as_array) {
        allowed.extend(words.iter().filter_map(Json::as_str).map(str::to_string));
    }
    if let Some(word) = schema.get("const").and_then(Json::as_str) {
        allowed.push(word.to_string());
    }
    let string = types.contains("string") || !allowed.is_empty();
    if types.is_empty() && allowed.is_empty() {
        return Shape::Any;
    }
    let markdown = string && schema.get("contentMediaType") == Some(&Json::from("text/markdown"));
    Shape::Scalar {
        string,
        allowed,
        markdown,
    }
}

/// The shape of `anyOf`/`oneOf`: a vocabulary's words gathered; `null` dropped (optional
/// values); otherwise the first option that is not a plain value.
fn combine(options: &[Json], root: &Json, depth: usize) -> Shape {
    let shapes: Vec<Shape> = options
        .iter()
        .filter(|option| !(types_of(option).len() == 1 && types_of(option).contains("null")))
        .map(|option| resolve(option, root, depth + 1))
        .collect();
    if shapes.len() == 1 {
        return shapes.into_iter().next().unwrap_or(Shape::Any);
    }
    let mut words = Vec::new();
    let all_words = shapes.iter().all(|shape| match shape {
        Shape::Scalar { allowed, .. } if !allowed.is_empty() => {
            words.extend(allowed.iter().cloned());
            true
        }
        _ => false,
    });
    if all_words && !shapes.is_empty() {
        return Shape::Scalar {
            string: true,
            allowed: words,
            markdown: false,
        };
    }
    shapes
        .iter()
        .find(|shape| matches!(shape, Shape::Table(_) | Shape::Array(_)))
        .or(shapes.first())
        .cloned()
        .unwrap_or(Shape::Any)
}

fn types_of(schema: &Json) -> BTreeSet<&str> {
    match schema.get("type") {
        Some(Json::String(single)) => BTreeSet::from([single.as_str()]),
        Some(Json::Array(many)) => many.iter().filter_map(Json::as_str).collect(),
        _ => BTreeSet::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_activity_shape_knows_its_keys_and_vocabularies() {
        let shape = Shape::activity();
        let code = shape.field("code").expect("code");
        assert!(code.required);
        assert!(matches!(code.shape, Shape::Scalar { string: true, .. }));
        assert!(!shape.field("format").expect("format").required);
        let status = &shape.field("status").expect("status").shape;
        assert_eq!(
            status,
            &Shape::Scalar {
                string: true,
                allowed: ["planned", "ongoing", "completed", "postponed", "cancelled"]
                    .map(String::from)
                    .to_vec(),
                markdown: false,
            }
        );
        let markdown =
            |path: &[Step]| matches!(shape.at(path), Some(Shape::Scalar { markdown: true, .. }));
        assert!(markdown(&[Step::Key("background".into())]));
        assert!(markdown(&[Step::Key("objectives".into()), Step::Index(2)]));
        assert!(markdown(&[
            Step::Key("footnotes".into()),
            Step::Index(0),
            Step::Key("text".into()),
        ]));
        assert!(!markdown(&[Step::Key("title".into())]));
        assert!(!markdown(&[Step::Key("partners".into()), Step::Index(0)]));
        let role = shape
            .at(&[
                Step::Key("participants".into()),
                Step::Index(3),
                Step::Key("role".into()),
            ])
            .expect("participants[].role");
        assert!(matches!(role, Shape::Scalar { allowed, .. } if allowed.len() == 5));
        let organisation = shape
            .at(&[Step::Key("participants".into()), Step::Index(0)])
            .and_then(|p| p.field("organisation"))
            .expect("organisation");
        assert!(organisation.required);
    }

    #[test]
    fn the_programme_shape_knows_its_tables() {
        let shape = Shape::programme();
        let projects = shape
            .at(&[Step::Key("projects".into()), Step::Index(0)])
            .expect("projects[]");
        let names: Vec<_> = projects
            .fields()
            .expect("a table")
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(names, ["code", "programme", "title"]);
    }
}
