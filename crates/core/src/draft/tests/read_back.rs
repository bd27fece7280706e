//! The browser reads a saved draft with the crate's JSON reader, the server with serde:
//! random drafts written by serde must read back whole through both.

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
        prop_assert_eq!(ComplaintDraft::from_json_text(&json), Ok(draft.clone()));
        prop_assert_eq!(serde_json::from_str::<ComplaintDraft>(&json).unwrap(), draft);
    }
}

#[test]
fn both_readers_refuse_an_unknown_key() {
    let json = r#"{"order_number": "1", "colour": "red"}"#;
    assert!(serde_json::from_str::<ComplaintDraft>(json).is_err());
    assert_eq!(
        ComplaintDraft::from_json_text(json)
            .unwrap_err()
            .to_string(),
        "unknown field `colour` at ."
    );
}
