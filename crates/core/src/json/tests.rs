use proptest::prelude::*;

use super::*;

/// serde_json's reading of the same text, as our tree, to compare the two parsers.
fn from_serde(value: &serde_json::Value) -> Json {
    match value {
        serde_json::Value::Null => Json::Null,
        serde_json::Value::Bool(b) => Json::Bool(*b),
        serde_json::Value::Number(n) => Json::Number(n.to_string()),
        serde_json::Value::String(s) => Json::String(s.clone()),
        serde_json::Value::Array(items) => Json::Array(items.iter().map(from_serde).collect()),
        serde_json::Value::Object(members) => Json::Object(
            members
                .iter()
                .map(|(k, v)| (k.clone(), from_serde(v)))
                .collect(),
        ),
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(|n| serde_json::json!(n)),
        any::<u64>().prop_map(|n| serde_json::json!(n)),
        any::<String>().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    /// Whatever serde_json writes, compact or pretty, reads back as the same tree, in
    /// which no key is repeated (a map's keys are distinct).
    #[test]
    fn reads_what_serde_json_writes(value in json_value()) {
        let expected = from_serde(&value);
        prop_assert_eq!(expected.repeated_key(), None);
        prop_assert_eq!(Json::parse(&value.to_string()), Ok(expected.clone()));
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        prop_assert_eq!(Json::parse(&pretty), Ok(expected));
    }

    /// On any text over JSON's alphabet, both parsers agree on what is JSON, and ours
    /// never panics.
    #[test]
    fn accepts_exactly_what_serde_json_accepts(text in r#"[\[\]{}",:0-9.eE+\- tnrufals\\u]{0,24}"#) {
        let ours = Json::parse(&text);
        let theirs = serde_json::from_str::<serde_json::Value>(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?} vs {:?}", text, ours, theirs.err());
    }
}

#[test]
fn escapes_resolve_to_their_characters() {
    let text = r#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#;
    assert_eq!(
        Json::parse(text),
        Ok(Json::String("a\"b\\c/d\u{8}\u{c}\n\r\té😀".into()))
    );
    assert_eq!(
        Json::parse(r#""crème brûlée""#),
        Ok(Json::String("crème brûlée".into()))
    );
}

#[test]
fn malformed_text_is_refused_with_its_position() {
    for (text, line, column) in [
        ("", 1, 1),
        ("{", 1, 2),
        ("[1,]", 1, 4),
        ("{\"a\" 1}", 1, 6),
        ("\n  tru", 2, 3),
        ("01", 1, 2),
        ("1.", 1, 3),
        ("-", 1, 2),
        ("1e", 1, 3),
        ("\"\\x\"", 1, 3),
        ("\"\\ud800\"", 1, 7),
        ("\"\\udc00\"", 1, 7),
        ("\"tab\there\"", 1, 5),
        ("{} {}", 1, 4),
        ("{'a': 1}", 1, 2),
    ] {
        assert_eq!(
            Json::parse(text),
            Err(JsonError::Syntax { line, column }),
            "{text:?}"
        );
    }
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(Json::parse(&ok).is_ok());
    let deep = "[".repeat(100_000);
    assert_eq!(Json::parse(&deep), Err(JsonError::TooDeep));
}

#[test]
fn integers_read_exactly_and_refuse_fractions_and_overflow() {
    assert_eq!(
        Json::parse("18446744073709551615").unwrap().read::<u64>(),
        Ok(u64::MAX)
    );
    assert_eq!(Json::parse("-3").unwrap().read::<i64>(), Ok(-3));
    for text in ["1.0", "1e3", "-1", "70000", "\"7\""] {
        assert!(Json::parse(text).unwrap().read::<u16>().is_err(), "{text}");
    }
}

/// An order line, read strictly.
#[derive(Debug, Default, PartialEq)]
struct Line {
    name: String,
}
crate::from_json_object!(Line, UnknownKeys::Refuse, { "name" => name });

/// An order of lines, skipping keys it does not know.
#[derive(Debug, Default, PartialEq)]
struct Order {
    items: Vec<Line>,
}
crate::from_json_object!(Order, UnknownKeys::Skip, { "items" => items });

#[test]
fn errors_name_the_path_of_the_value() {
    let err = Order::from_json_text(r#"{"items": [{"name": "a"}, {"name": 2}]}"#).unwrap_err();
    assert_eq!(err.path(), "items[1].name");
    assert_eq!(
        err.to_string(),
        "invalid type at items[1].name: expected a string"
    );
    let err = Order::from_json_text(r#"{"items": [{"nam": "a"}]}"#).unwrap_err();
    assert_eq!(err.to_string(), "unknown field `nam` at items[0]");
    // The outer reader skips what it does not know.
    assert_eq!(
        Order::from_json_text(r#"{"items": [], "newer": {"x": 1}}"#),
        Ok(Order { items: vec![] })
    );
    assert_eq!(
        Order::from_json_text("[]").unwrap_err().to_string(),
        "invalid type at .: expected an object"
    );
}

#[test]
fn a_repeated_key_is_found_at_any_depth_with_the_readers_path() {
    for (text, path, field) in [
        (r#"{"email": "a", "email": "b"}"#, ".", "email"),
        (
            r#"{"draft": {"shop": {"id": 1, "id": 2}}}"#,
            "draft.shop",
            "id",
        ),
        (
            r#"{"draft": {"evidence": [{"sha256": "a"}, {"size": 1, "sha256": "b", "size": 2}]}}"#,
            "draft.evidence[1]",
            "size",
        ),
        (r#"[[], [{"k": 1}, {"k": 1, "k": 1}]]"#, "[1][1]", "k"),
        // In document order: the inner repeat comes before the outer key's second use...
        (r#"{"a": {"x": 1, "x": 2}, "a": 3}"#, "a", "x"),
        // ...and here after it.
        (r#"{"a": 1, "a": {"x": 1, "x": 2}}"#, ".", "a"),
    ] {
        let repeated = Json::parse(text).unwrap().repeated_key();
        assert_eq!(
            repeated,
            Some(JsonError::DuplicateField {
                path: path.to_owned(),
                field: field.to_owned()
            }),
            "{text}"
        );
    }
}

#[test]
fn equal_keys_in_different_objects_are_not_repeats() {
    for text in [
        r#"{"a": {"email": "x"}, "b": {"email": "x"}}"#,
        r#"[{"email": "x"}, {"email": "x"}]"#,
        r#"{"email": {"email": {"email": null}}}"#,
        r#"{"items": [{"name": "a"}], "name": "b"}"#,
        r#"["email", "email"]"#,
        "{}",
        "1",
    ] {
        assert_eq!(Json::parse(text).unwrap().repeated_key(), None, "{text}");
    }
}

#[test]
fn a_repeated_key_is_the_error_the_reader_gives() {
    for text in [
        r#"{"items": [{"name": "a"}, {"name": "b", "name": "c"}]}"#,
        r#"{"items": [], "items": [{"name": "a"}]}"#,
    ] {
        let tree = Json::parse(text).unwrap();
        assert_eq!(tree.repeated_key(), tree.read::<Order>().err(), "{text}");
    }
}
