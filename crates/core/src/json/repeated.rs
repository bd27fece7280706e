//! Repeated keys anywhere in a document, for readers that do not walk all of it.
//!
//! [`read_object`](super::read_object) refuses a key repeated within an object it reads,
//! but an object read some other way (the server's request envelope, read by serde, which
//! keeps the last value) or skipped as unknown is never looked at. Text that one side
//! refuses must not be taken by the other, so a whole document can be checked up front:
//! the server checks every body it reads. The widget's reader does not look inside keys
//! it skips: every text it reads was written by a serializer (the shop's answers, its own
//! saved forms), and the check there cost 1.3 KB brotli of the shopper's bundle.

use std::collections::BTreeSet;

use super::{Json, JsonError};

impl Json {
    /// The first key repeated within one object, anywhere in the tree, as the
    /// [`JsonError::DuplicateField`] the reader gives: the path of the object in the
    /// reader's form (`draft.evidence[0]`, `.` for the document) and the key. "First" is
    /// in document order, the second occurrence of the key being where it is found, so
    /// it is the repeat [`read_object`](super::read_object) meets first when it reads
    /// every object. Equal keys in different objects are not repeats.
    ///
    /// A tree from [`Json::parse`] is at most [`MAX_DEPTH`](super::MAX_DEPTH) deep, which
    /// bounds the recursion; each object's keys are compared through a sorted set, so a
    /// body of many keys costs no more than sorting them.
    ///
    /// ```
    /// use redress_core::json::Json;
    /// let body = Json::parse(r#"{"draft": {"evidence": [{"sha256": "a", "sha256": "b"}]}}"#).unwrap();
    /// let repeated = body.repeated_key().unwrap();
    /// assert_eq!(repeated.to_string(), "duplicate field `sha256` at draft.evidence[0]");
    /// let siblings = Json::parse(r#"[{"email": "a"}, {"email": "b"}]"#).unwrap();
    /// assert_eq!(siblings.repeated_key(), None);
    /// ```
    pub fn repeated_key(&self) -> Option<JsonError> {
        match self {
            Json::Array(items) => items
                .iter()
                .enumerate()
                .find_map(|(i, item)| item.repeated_key().map(|e| e.within(&format!("[{i}]")))),
            Json::Object(members) => {
                let mut seen = BTreeSet::new();
                members.iter().find_map(|(key, value)| {
                    if !seen.insert(key.as_str()) {
                        return Some(JsonError::DuplicateField {
                            path: ".".to_owned(),
                            field: key.clone(),
                        });
                    }
                    value.repeated_key().map(|e| e.within(key))
                })
            }
            Json::Null | Json::Bool(_) | Json::Number(_) | Json::String(_) => None,
        }
    }
}
