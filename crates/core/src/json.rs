//! Reading JSON documents into the crate's types without serde's generated deserializers.
//!
//! Why not serde: a `#[derive(Deserialize)]` type is compiled together with the parser it
//! is read by, so every type the shopper's browser reads (the policy, a saved draft, a
//! tracked complaint) carried its own copy of serde_json's parsing code. That was a sixth
//! of the widget's wasm. Here the text is parsed once, by one non-generic parser, into a
//! [`Json`] tree, and each type reads the tree with a small hand-written [`FromJson`]
//! impl. Writing JSON stays with serde (serializers are small).
//!
//! Reading follows serde's conventions for the shapes this crate uses, so a document
//! serde wrote reads back to the same value: `Option` is `null` or absent, enums are
//! their snake_case code, an object reader either refuses or skips unknown keys (serde's
//! `deny_unknown_fields` or not), and a key repeated within one object is refused.
//! [`Json::repeated_key`] finds such a key anywhere in a document, for text that is also
//! read some other way (the server's request bodies), so both readers refuse it.

use std::fmt::Display;

/// Documents nested deeper than this are refused, so a hostile document cannot exhaust
/// the stack (serde_json's limit is the same).
pub const MAX_DEPTH: usize = 128;

/// A parsed JSON value. Numbers keep their text, so integers read back exactly at any
/// size and no float formatting code enters the bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (`-12`, `3.5e2`): its grammar was checked.
    Number(String),
    /// A string, escapes resolved.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object's members, in document order.
    Object(Vec<(String, Json)>),
}

/// Why a document could not be read: where, and by which rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonError {
    /// The text is not JSON.
    #[error("not valid JSON at line {line}, column {column}")]
    Syntax {
        /// 1-based line of the first byte that does not fit.
        line: usize,
        /// 1-based column (in bytes) of that byte.
        column: usize,
    },
    /// Nested deeper than [`MAX_DEPTH`].
    #[error("nested deeper than {MAX_DEPTH} levels")]
    TooDeep,
    /// A value of the wrong kind, e.g. a string where a number belongs.
    #[error("invalid type at {path}: expected {expected}")]
    Shape {
        /// The dotted path of the value (`evidence.max_count`, `items[2]`; `.` for the
        /// document).
        path: String,
        /// What belongs there.
        expected: &'static str,
    },
    /// An object holds a key its reader does not know.
    #[error("unknown field `{field}` at {path}")]
    UnknownField {
        /// The path of the object.
        path: String,
        /// The unknown key.
        field: String,
    },
    /// A key appears twice in one object: which one was meant cannot be known.
    #[error("duplicate field `{field}` at {path}")]
    DuplicateField {
        /// The path of the object.
        path: String,
        /// The repeated key.
        field: String,
    },
    /// A required key is absent.
    #[error("missing field `{field}` at {path}")]
    MissingField {
        /// The path of the object.
        path: String,
        /// The absent key.
        field: &'static str,
    },
    /// The value has the right kind but breaks the type's own rule (an unknown country
    /// code, an `http://` link).
    #[error("{rule} at {path}")]
    Value {
        /// The path of the value.
        path: String,
        /// The rule, as the type's parser words it.
        rule: String,
    },
}

impl JsonError {
    /// The dotted path of the problem; `.` for the document or a syntax error.
    pub fn path(&self) -> &str {
        match self {
            JsonError::Syntax { .. } | JsonError::TooDeep => ".",
            JsonError::Shape { path, .. }
            | JsonError::UnknownField { path, .. }
            | JsonError::DuplicateField { path, .. }
            | JsonError::MissingField { path, .. }
            | JsonError::Value { path, .. } => path,
        }
    }

    /// What is wrong, without the path.
    pub fn rule(&self) -> String {
        match self {
            JsonError::Shape { expected, .. } => format!("invalid type: expected {expected}"),
            JsonError::UnknownField { field, .. } => format!("unknown field `{field}`"),
            JsonError::DuplicateField { field, .. } => format!("duplicate field `{field}`"),
            JsonError::MissingField { field, .. } => format!("missing field `{field}`"),
            JsonError::Value { rule, .. } => rule.clone(),
            JsonError::Syntax { .. } | JsonError::TooDeep => self.to_string(),
        }
    }

    /// The same error seen from the parent: its path gains `step` in front (`key` or
    /// `[index]`).
    fn within(mut self, step: &str) -> JsonError {
        if let JsonError::Shape { path, .. }
        | JsonError::UnknownField { path, .. }
        | JsonError::DuplicateField { path, .. }
        | JsonError::MissingField { path, .. }
        | JsonError::Value { path, .. } = &mut self
        {
            *path = if path == "." {
                step.to_owned()
            } else if path.starts_with('[') {
                format!("{step}{path}")
            } else {
                format!("{step}.{path}")
            };
        }
        self
    }

    fn shape(expected: &'static str) -> JsonError {
        JsonError::Shape {
            path: ".".to_owned(),
            expected,
        }
    }

    /// A value its type's parser refused, with the parser's words.
    pub fn value(rule: impl Display) -> JsonError {
        JsonError::Value {
            path: ".".to_owned(),
            rule: rule.to_string(),
        }
    }

    /// A required key that is absent from the object being read.
    pub fn missing(field: &'static str) -> JsonError {
        JsonError::MissingField {
            path: ".".to_owned(),
            field,
        }
    }
}

impl Json {
    /// Parses a whole document; anything but white space after the value is refused.
    ///
    /// ```
    /// use redress_core::json::Json;
    /// let json = Json::parse(r#"{"a": [1, "\u00e9", null]}"#).unwrap();
    /// assert_eq!(json.get("a").and_then(|a| a.at(1)), Some(&Json::String("é".into())));
    /// assert_eq!(Json::parse("{\"a\": 1,}").unwrap_err().to_string(), "not valid JSON at line 1, column 9");
    /// ```
    pub fn parse(text: &str) -> Result<Json, JsonError> {
        parse::document(text)
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The element `index` of an array.
    pub fn at(&self, index: usize) -> Option<&Json> {
        match self {
            Json::Array(items) => items.get(index),
            _ => None,
        }
    }

    /// The text of a string value.
    pub fn as_str(&self) -> Result<&str, JsonError> {
        match self {
            Json::String(text) => Ok(text),
            _ => Err(JsonError::shape("a string")),
        }
    }

    /// Reads the value as `T`.
    pub fn read<T: FromJson>(&self) -> Result<T, JsonError> {
        T::from_json(self)
    }
}

/// A type that reads itself from a [`Json`] tree.
pub trait FromJson: Sized {
    /// Reads `json`; errors carry the path below `json`.
    fn from_json(json: &Json) -> Result<Self, JsonError>;

    /// Parses `text` and reads it.
    fn from_json_text(text: &str) -> Result<Self, JsonError> {
        Self::from_json(&Json::parse(text)?)
    }
}

impl FromJson for String {
    fn from_json(json: &Json) -> Result<Self, JsonError> {
        json.as_str().map(str::to_owned)
    }
}

impl FromJson for bool {
    fn from_json(json: &Json) -> Result<Self, JsonError> {
        match json {
            Json::Bool(b) => Ok(*b),
            _ => Err(JsonError::shape("a boolean")),
        }
    }
}

/// Integers: the number's text must be an integer in range (`1.0` and `1e3` are not, as
/// with serde).
macro_rules! integer_from_json {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(json: &Json) -> Result<Self, JsonError> {
                match json {
                    Json::Number(text) => text
                        .parse()
                        .map_err(|_| JsonError::shape(concat!("an integer that fits ", stringify!($t)))),
                    _ => Err(JsonError::shape("an integer")),
                }
            }
        }
    )*};
}
integer_from_json!(u16, u32, u64, i64);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(json: &Json) -> Result<Self, JsonError> {
        match json {
            Json::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(json: &Json) -> Result<Self, JsonError> {
        let Json::Array(items) = json else {
            return Err(JsonError::shape("an array"));
        };
        items
            .iter()
            .enumerate()
            .map(|(i, item)| T::from_json(item).map_err(|e| e.within(&format!("[{i}]"))))
            .collect()
    }
}

/// A pair, written as a two-element array (as serde writes a tuple).
impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(json: &Json) -> Result<Self, JsonError> {
        match json {
            Json::Array(items) if items.len() == 2 => {
                let first = A::from_json(&items[0]).map_err(|e| e.within("[0]"))?;
                let second = B::from_json(&items[1]).map_err(|e| e.within("[1]"))?;
                Ok((first, second))
            }
            _ => Err(JsonError::shape("an array of two")),
        }
    }
}

/// Reads a string value with a type's own parser (a country code, a URL), keeping the
/// parser's words in the error.
pub fn parsed<T, E: Display>(
    json: &Json,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, JsonError> {
    parse(json.as_str()?).map_err(JsonError::value)
}

/// Reads an enum written as its code (`"post_code"`), with the enum's own code table.
pub fn code<T>(
    json: &Json,
    parse: impl FnOnce(&str) -> Option<T>,
    expected: &'static str,
) -> Result<T, JsonError> {
    parse(json.as_str()?).ok_or(JsonError::shape(expected))
}

/// What an object reader does with a key it does not know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnknownKeys {
    /// Refuse the document (serde's `deny_unknown_fields`): a policy with a misspelt
    /// key must not silently lose that setting.
    Refuse,
    /// Skip them: a newer server may add keys an older widget does not know.
    Skip,
}

/// Reads an object key by key into `value` (usually the type's default, as serde's
/// `#[serde(default)]`). `member` assigns one known key and answers `true`, or answers
/// `false` for a key it does not know. Errors gain the key in their path.
///
/// ```
/// use redress_core::json::{FromJson, Json, JsonError, UnknownKeys, read_object};
/// #[derive(Default, Debug, PartialEq)]
/// struct Parcel { weight: u32, fragile: bool }
/// impl FromJson for Parcel {
///     fn from_json(json: &Json) -> Result<Self, JsonError> {
///         read_object(json, Parcel::default(), UnknownKeys::Refuse, |p, key, value| {
///             match key {
///                 "weight" => p.weight = value.read()?,
///                 "fragile" => p.fragile = value.read()?,
///                 _ => return Ok(false),
///             }
///             Ok(true)
///         })
///     }
/// }
/// assert_eq!(Parcel::from_json_text(r#"{"weight": 3}"#), Ok(Parcel { weight: 3, fragile: false }));
/// let err = Parcel::from_json_text(r#"{"weight": "3"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "invalid type at weight: expected an integer");
/// ```
pub fn read_object<T>(
    json: &Json,
    mut value: T,
    unknown: UnknownKeys,
    mut member: impl FnMut(&mut T, &str, &Json) -> Result<bool, JsonError>,
) -> Result<T, JsonError> {
    let Json::Object(members) = json else {
        return Err(JsonError::shape("an object"));
    };
    for (i, (key, item)) in members.iter().enumerate() {
        // A shop's policy file with `max_count` twice must not quietly take one of them.
        if members.iter().take(i).any(|(earlier, _)| earlier == key) {
            return Err(JsonError::DuplicateField {
                path: ".".to_owned(),
                field: key.clone(),
            });
        }
        let known = member(&mut value, key, item).map_err(|e| e.within(key))?;
        if !known && unknown == UnknownKeys::Refuse {
            return Err(JsonError::UnknownField {
                path: ".".to_owned(),
                field: key.clone(),
            });
        }
    }
    Ok(value)
}

/// Implements [`FromJson`] for a struct read with [`read_object`]. Two forms:
///
/// - `{ "key" => field, ... }` reads over the struct's `Default`: keys left out keep it;
/// - `required { ... } optional { ... }` for a struct without one: a required key left
///   out is a [`JsonError::MissingField`], an optional one takes its type's default.
///
/// ```
/// use redress_core::json::{FromJson, UnknownKeys};
/// #[derive(Default, Debug, PartialEq)]
/// struct Parcel { weight: u32, fragile: bool }
/// redress_core::from_json_object!(Parcel, UnknownKeys::Skip, { "weight" => weight, "fragile" => fragile });
/// assert_eq!(Parcel::from_json_text(r#"{"fragile": true, "colour": "red"}"#), Ok(Parcel { weight: 0, fragile: true }));
///
/// #[derive(Debug, PartialEq)]
/// struct Label { text: String, note: Option<String> }
/// redress_core::from_json_object!(Label, UnknownKeys::Refuse, required { "text" => text } optional { "note" => note });
/// assert_eq!(Label::from_json_text(r#"{"text": "Fragile"}"#), Ok(Label { text: "Fragile".into(), note: None }));
/// assert_eq!(Label::from_json_text(r#"{"note": "x"}"#).unwrap_err().to_string(), "missing field `text` at .");
/// ```
#[macro_export]
macro_rules! from_json_object {
    ($ty:ty, $unknown:expr, { $($key:literal => $field:ident),* $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(json: &$crate::json::Json) -> Result<Self, $crate::json::JsonError> {
                $crate::json::read_object(json, <$ty>::default(), $unknown, |object, key, value| {
                    match key {
                        $($key => object.$field = value.read()?,)*
                        _ => return Ok(false),
                    }
                    Ok(true)
                })
            }
        }
    };
    ($ty:ident, $unknown:expr,
        required { $($rkey:literal => $rfield:ident),* $(,)? }
        optional { $($okey:literal => $ofield:ident),* $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            fn from_json(json: &$crate::json::Json) -> Result<Self, $crate::json::JsonError> {
                $(let mut $rfield = None;)*
                $(let mut $ofield = Default::default();)*
                $crate::json::read_object(json, (), $unknown, |_, key, value| {
                    match key {
                        $($rkey => $rfield = Some(value.read()?),)*
                        $($okey => $ofield = value.read()?,)*
                        _ => return Ok(false),
                    }
                    Ok(true)
                })?;
                Ok($ty {
                    $($rfield: $crate::json::required($rfield, $rkey)?,)*
                    $($ofield,)*
                })
            }
        }
    };
}

/// A required key's value, once the object was read.
pub fn required<T>(value: Option<T>, field: &'static str) -> Result<T, JsonError> {
    value.ok_or(JsonError::missing(field))
}

mod dates;
mod parse;
mod repeated;
#[cfg(test)]
mod tests;
