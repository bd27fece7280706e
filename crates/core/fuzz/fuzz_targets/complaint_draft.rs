//! Any complaint draft, as JSON or as raw field texts, is either a complaint or a list of
//! field errors: validation never panics and never returns an empty error list.
#![no_main]

use chrono::{TimeZone, Utc};
use libfuzzer_sys::fuzz_target;
use redress_core::draft::{ComplaintDraft, validate};
use redress_core::json::FromJson;
use redress_core::policy::ComplaintPolicy;

fuzz_target!(|bytes: &[u8]| {
    let policy = ComplaintPolicy::default();
    let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
    let json = std::str::from_utf8(bytes).map(ComplaintDraft::from_json_text);
    let draft = json.ok().and_then(Result::ok).unwrap_or_else(|| {
        // Not JSON: spread the bytes over the text fields, so every parser sees them.
        let text = String::from_utf8_lossy(bytes);
        let mut fields = text.split('\u{1f}').map(str::to_owned);
        let mut next = || fields.next().unwrap_or_default();
        ComplaintDraft {
            order_number: next(),
            email: next(),
            phone: next(),
            preferred_channel: next(),
            reason: next(),
            items: vec![next()],
            order_date: next(),
            delivery_date: next(),
            incident_date: next(),
            description: next(),
            resolution: next(),
            amount: next(),
            currency: next(),
            shopper_country: next(),
            category: next(),
            ..ComplaintDraft::default()
        }
    });
    if let Err(errors) = validate(&draft, &policy, now) {
        assert!(
            !errors.is_empty(),
            "a refused draft names at least one field"
        );
    }
});
