//! A draft is written with serde and read with the crate's JSON reader (the widget's
//! saved form, the server's filed complaint): random drafts written by serde must read
//! back whole. A key the reader lacks is refused as unknown, so the test fails.

use proptest::prelude::*;

use super::*;
use crate::json::FromJson;

fn evidence() -> impl Strategy<Value = EvidenceDraft> {
    (".{0,12}", "[a-z]+/[a-z]+", any::<u64>(), "[0-9a-f]{0,64}").prop_map(
        |(file_name, media_type, size_bytes, sha256)| EvidenceDraft {
            file_name,
            media_type,
            size_bytes,
            sha256,
        },
    )
}

fn draft() -> impl Strategy<Value = ComplaintDraft> {
    let text = || ".{0,16}";
    (
        (text(), text(), text(), text(), text(), text()),
        (
            prop::collection::vec(text(), 0..3),
            text(),
            text(),
            text(),
            text(),
        ),
        (
            text(),
            text(),
            text(),
            prop::collection::vec(evidence(), 0..3),
            text(),
            text(),
        ),
    )
        .prop_map(
            |(
                (order_number, email, phone, preferred_channel, post_code, reason),
                (items, order_date, delivery_date, incident_date, description),
                (resolution, amount, currency, evidence, shopper_country, category),
            )| ComplaintDraft {
                order_number,
                email,
                phone,
                preferred_channel,
                post_code,
                reason,
                items,
                order_date,
                delivery_date,
                incident_date,
                description,
                resolution,
                amount,
                currency,
                evidence,
                shopper_country,
                category,
            },
        )
}

proptest! {
    #[test]
    fn drafts_read_back_whole(draft in draft()) {
        let json = serde_json::to_string(&draft).unwrap();
        prop_assert_eq!(ComplaintDraft::from_json_text(&json), Ok(draft));
    }
}

#[test]
fn an_unknown_key_a_repeated_key_and_a_wrong_type_are_refused() {
    let refused = |json: &str| {
        ComplaintDraft::from_json_text(json)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        refused(r#"{"order_number": "1", "colour": "red"}"#),
        "unknown field `colour` at ."
    );
    assert_eq!(
        refused(r#"{"email": "a@example.nl", "email": "b@example.nl"}"#),
        "duplicate field `email` at ."
    );
    assert_eq!(
        refused(r#"{"evidence": [{"size_bytes": "12"}]}"#),
        "invalid type at evidence[0].size_bytes: expected an integer"
    );
}
