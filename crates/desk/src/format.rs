//! How instants, dates and amounts read on the desk: unambiguous and the same in every
//! language (ISO dates, 24-hour UTC times), so a printed dossier means one thing.

use serde_json::Value;

/// `2026-11-21T21:45:24Z` -> `2026-11-21 21:45 UTC`; anything else is shown as it is.
pub fn instant(rfc3339: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => t
            .with_timezone(&chrono::Utc)
            .format("%Y-%m-%d %H:%M UTC")
            .to_string(),
        Err(_) => rfc3339.to_owned(),
    }
}

/// The day part of an instant or a date.
pub fn day(text: &str) -> String {
    text.get(..10).unwrap_or(text).to_owned()
}

/// A core `Money` JSON (`{minor_units, currency}`) as the core writes it: `24.99 EUR`.
pub fn money(amount: &Value) -> Option<String> {
    serde_json::from_value::<redress_core::domain::Money>(amount.clone())
        .ok()
        .map(|m| m.to_string())
}

/// A file size in bytes as `312 B`, `14.2 KB`, `3.1 MB`.
pub fn size(bytes: u64) -> String {
    match bytes {
        0..1024 => format!("{bytes} B"),
        1024..1_048_576 => format!("{:.1} KB", bytes as f64 / 1024.0),
        _ => format!("{:.1} MB", bytes as f64 / 1_048_576.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_dates_amounts_and_sizes_read_the_same_everywhere() {
        assert_eq!(instant("2026-11-21T21:45:24Z"), "2026-11-21 21:45 UTC");
        assert_eq!(instant("soon"), "soon");
        assert_eq!(day("2026-11-25T22:59:59Z"), "2026-11-25");
        assert_eq!(
            money(&serde_json::json!({"minor_units": 2499, "currency": "EUR"})).unwrap(),
            "24.99 EUR"
        );
        assert_eq!(money(&Value::Null), None);
        assert_eq!(size(312), "312 B");
        assert_eq!(size(14_540), "14.2 KB");
    }
}
