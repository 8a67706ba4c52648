//! Small forms: a few text fields and choices, with a message under each field that is wrong.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a form is for; decides what submitting it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormKind {
    /// Status, progress and account of an activity.
    Status(String),
    /// The four dates of an activity.
    Dates(String),
    /// Format, format note and venue of an activity.
    Format(String),
    /// A participant to add to an activity.
    Participant(String),
    /// A progress note to add to an activity.
    Note(String),
    /// A new activity.
    New,
    /// A commit of the uncommitted changes.
    Commit,
}

/// A field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// Free text, edited at its end.
    Text(String),
    /// One of a few words, changed with ←/→.
    Choice {
        /// The words: each as the file has it, and as the screen shows it.
        options: Vec<(String, String)>,
        /// The one chosen.
        index: usize,
    },
}

/// One field of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The key it sets (`status`, `organisation`), matched against edit errors.
    pub key: &'static str,
    /// Its label.
    pub label: String,
    /// Its value.
    pub value: Value,
    /// What is wrong with it, shown under it.
    pub error: Option<String>,
    /// A hint shown when there is no error (`YYYY-MM-DD, empty to remove`).
    pub hint: String,
    /// Whether the user has changed the value.
    pub touched: bool,
}

impl Field {
    /// A text field.
    pub fn text(key: &'static str, label: impl Into<String>, value: impl Into<String>) -> Field {
        Field {
            key,
            label: label.into(),
            value: Value::Text(value.into()),
            error: None,
            hint: String::new(),
            touched: false,
        }
    }

    /// A choice among `options`, each shown as it is, starting at `current` (or the first).
    pub fn choice(
        key: &'static str,
        label: impl Into<String>,
        options: Vec<String>,
        current: &str,
    ) -> Field {
        let options = options.into_iter().map(|o| (o.clone(), o)).collect();
        Field::choice_shown(key, label, options, current)
    }

    /// A choice among `options`, each a value and how the screen shows it, starting at the
    /// value `current` (or the first).
    pub fn choice_shown(
        key: &'static str,
        label: impl Into<String>,
        options: Vec<(String, String)>,
        current: &str,
    ) -> Field {
        let index = options.iter().position(|(o, _)| o == current).unwrap_or(0);
        Field {
            key,
            label: label.into(),
            value: Value::Choice { options, index },
            error: None,
            hint: String::new(),
            touched: false,
        }
    }

    /// The same field with a hint.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Field {
        self.hint = hint.into();
        self
    }

    /// The value as text (the chosen word for a choice, as the file has it).
    pub fn get(&self) -> &str {
        match &self.value {
            Value::Text(text) => text,
            Value::Choice { options, index } => options.get(*index).map_or("", |(o, _)| o),
        }
    }

    /// The value as the screen shows it.
    pub fn shown(&self) -> &str {
        match &self.value {
            Value::Text(text) => text,
            Value::Choice { options, index } => options.get(*index).map_or("", |(_, s)| s),
        }
    }
}

/// A form being filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// What it is for.
    pub kind: FormKind,
    /// Its title.
    pub title: String,
    /// Its fields.
    pub fields: Vec<Field>,
    /// The field with the cursor.
    pub focus: usize,
    /// Lines about the whole form (the programme would become invalid…).
    pub errors: Vec<String>,
    /// Read-only text shown under the fields (a commit's body).
    pub note: Vec<String>,
    /// Whether the focused field has had no key since it was focused: like a selected text,
    /// its value is replaced by the first character typed.
    pub fresh: bool,
}

/// What a key did to a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormInput {
    /// Nothing more to do.
    Edited,
    /// Enter: submit it.
    Submit,
    /// Esc: close it.
    Cancel,
}

impl Form {
    /// A form with these fields.
    pub fn new(kind: FormKind, title: impl Into<String>, fields: Vec<Field>) -> Form {
        Form {
            kind,
            title: title.into(),
            fields,
            focus: 0,
            errors: Vec::new(),
            note: Vec::new(),
            fresh: true,
        }
    }

    /// The field `key`, if the form has it.
    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The value of field `key` ("" when there is none).
    pub fn get(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map_or("", Field::get)
    }

    /// Clears every message.
    pub fn clear_errors(&mut self) {
        self.errors.clear();
        for field in &mut self.fields {
            field.error = None;
        }
    }

    /// Puts `message` under field `key`, or under the form when it has no such field; the
    /// cursor goes to the first field with an error.
    pub fn set_error(&mut self, key: &str, message: impl Into<String>) {
        match self.fields.iter().position(|f| f.key == key) {
            Some(i) => {
                if self.fields.iter().all(|f| f.error.is_none()) && self.focus != i {
                    self.focus = i;
                    self.fresh = true;
                }
                self.fields[i].error = Some(message.into());
            }
            None => self.errors.push(message.into()),
        }
    }

    /// Whether any message is shown.
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.fields.iter().any(|f| f.error.is_some())
    }

    /// Handles a key: Tab/↓ and Shift-Tab/↑ move between fields, ←/→ or space change a
    /// choice, characters and Backspace (Ctrl-U clears) edit a text, Enter submits, Esc closes.
    /// The first character typed into a freshly focused text replaces it; ←/→ or Backspace
    /// first keep it for editing.
    pub fn input(&mut self, key: &KeyEvent) -> FormInput {
        let count = self.fields.len().max(1);
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let fresh = std::mem::replace(&mut self.fresh, false);
        match key.code {
            KeyCode::Esc => return FormInput::Cancel,
            KeyCode::Enter => return FormInput::Submit,
            KeyCode::Tab | KeyCode::Down => {
                self.focus = (self.focus + 1) % count;
                self.fresh = true;
            }
            KeyCode::BackTab | KeyCode::Up => {
                self.focus = (self.focus + count - 1) % count;
                self.fresh = true;
            }
            _ => {
                let Some(field) = self.fields.get_mut(self.focus) else {
                    return FormInput::Edited;
                };
                match &mut field.value {
                    Value::Choice { options, index } => {
                        let n = options.len().max(1);
                        match key.code {
                            KeyCode::Right | KeyCode::Char(' ') => *index = (*index + 1) % n,
                            KeyCode::Left => *index = (*index + n - 1) % n,
                            KeyCode::Char(c) if !ctrl => {
                                // Jump to the next option starting with the letter typed.
                                let lower = c.to_lowercase().to_string();
                                if let Some(i) = (1..=n)
                                    .map(|step| (*index + step) % n)
                                    .find(|&i| options[i].1.to_lowercase().starts_with(&lower))
                                {
                                    *index = i;
                                }
                            }
                            _ => return FormInput::Edited,
                        }
                        field.error = None;
                        field.touched = true;
                        self.follow_choice();
                        return FormInput::Edited;
                    }
                    Value::Text(text) => {
                        match key.code {
                            KeyCode::Char('u') if ctrl => text.clear(),
                            KeyCode::Char(c) if !ctrl => {
                                if fresh {
                                    text.clear();
                                }
                                text.push(c);
                            }
                            KeyCode::Backspace => {
                                text.pop();
                            }
                            _ => return FormInput::Edited,
                        }
                        field.error = None;
                        field.touched = true;
                    }
                }
            }
        }
        FormInput::Edited
    }

    /// Keeps fields that follow a choice in step: choosing `completed` in a status form sets
    /// the progress to 100 unless the user has typed a progress of their own.
    fn follow_choice(&mut self) {
        if !matches!(self.kind, FormKind::Status(_)) || self.get("status") != "completed" {
            return;
        }
        if let Some(progress) = self
            .fields
            .iter_mut()
            .find(|f| f.key == "progress" && !f.touched)
        {
            progress.value = Value::Text("100".into());
            progress.error = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn choosing_completed_brings_progress_to_100_unless_typed() {
        let status_form = || {
            Form::new(
                FormKind::Status("I.1.1".into()),
                "t",
                vec![
                    Field::choice(
                        "status",
                        "Status",
                        vec!["ongoing".into(), "completed".into()],
                        "ongoing",
                    ),
                    Field::text("progress", "Progress", "40"),
                ],
            )
        };
        let mut form = status_form();
        form.input(&key(KeyCode::Right));
        assert_eq!(form.get("progress"), "100");

        let mut form = status_form();
        form.input(&key(KeyCode::Tab));
        form.input(&key(KeyCode::Char('5')));
        form.input(&key(KeyCode::BackTab));
        form.input(&key(KeyCode::Right));
        assert_eq!(
            (form.get("status"), form.get("progress")),
            ("completed", "5")
        );
    }

    #[test]
    fn keys_edit_texts_and_cycle_choices() {
        let mut form = Form::new(
            FormKind::New,
            "t",
            vec![
                Field::text("title", "Title", "ab"),
                Field::choice(
                    "kind",
                    "Kind",
                    vec!["event".into(), "study".into(), "other".into()],
                    "study",
                ),
            ],
        );
        form.input(&key(KeyCode::Backspace));
        form.input(&key(KeyCode::Char('x')));
        assert_eq!(form.get("title"), "ax");
        form.input(&key(KeyCode::Tab));
        form.input(&key(KeyCode::Tab));
        form.input(&key(KeyCode::Char('y')));
        assert_eq!(
            form.get("title"),
            "y",
            "the first key replaces a fresh value"
        );
        form.input(&key(KeyCode::Char('z')));
        assert_eq!(form.get("title"), "yz");
        form.input(&key(KeyCode::Tab));
        form.input(&key(KeyCode::Tab));
        form.input(&key(KeyCode::Left));
        form.input(&key(KeyCode::Char('!')));
        assert_eq!(
            form.get("title"),
            "yz!",
            "an arrow first keeps it for editing"
        );
        form.input(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(form.get("title"), "");
        form.input(&key(KeyCode::Tab));
        form.input(&key(KeyCode::Right));
        assert_eq!(form.get("kind"), "other");
        form.input(&key(KeyCode::Right));
        assert_eq!(form.get("kind"), "event");
        form.input(&key(KeyCode::Char('s')));
        assert_eq!(form.get("kind"), "study");
        form.input(&key(KeyCode::Left));
        assert_eq!(form.get("kind"), "event");
        assert_eq!(form.input(&key(KeyCode::Enter)), FormInput::Submit);
        assert_eq!(form.input(&key(KeyCode::Esc)), FormInput::Cancel);
    }

    #[test]
    fn errors_go_under_their_field_and_take_the_cursor() {
        let mut form = Form::new(
            FormKind::New,
            "t",
            vec![Field::text("a", "A", ""), Field::text("b", "B", "")],
        );
        form.set_error("b", "wrong");
        form.set_error("zzz", "about the whole form");
        assert_eq!(form.focus, 1);
        assert_eq!(form.fields[1].error.as_deref(), Some("wrong"));
        assert_eq!(form.errors, ["about the whole form"]);
        form.input(&key(KeyCode::Char('x')));
        assert_eq!(
            form.fields[1].error, None,
            "typing clears the field's message"
        );
        form.clear_errors();
        assert!(!form.has_errors());
    }
}
