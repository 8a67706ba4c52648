//! What a programme file looks like as TOML, below both reading and checking: where every key
//! and value sits in the text ([`tree`]) and which keys and words each file kind allows
//! ([`shape`], from the model's own JSON Schema).

pub mod shape;
pub mod tree;
