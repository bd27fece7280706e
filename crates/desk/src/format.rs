//! How instants, dates and amounts read on the desk: unambiguous and the same in every
//! language, so a printed dossier means one thing. Dates are ISO 8601; a time is the
//! shop's wall-clock time, 24-hour, with its zone's abbreviation (`22:45 CET`), because
//! the shop's staff count their deadlines in the shop's day (the core's deadline rules do
//! too). The abbreviation also tells apart the two 02:30 of the night clocks go back.
//! Exports stay in UTC (RFC 3339): machines read them.

use chrono::{DateTime, Utc};
use redress_core::time_zone::ShopTimeZone;
use serde_json::Value;

/// The shop's time zone as the desk's frame read it from the shop's policy, handed to
/// every screen below it as a Leptos context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShopZone(pub ShopTimeZone);

/// The shop's time zone in the current screen; UTC (and said so on every time) when the
/// policy could not be read.
pub fn shop_zone() -> ShopTimeZone {
    leptos::prelude::use_context::<ShopZone>().map_or(ShopTimeZone::UTC, |zone| zone.0)
}

/// `2026-11-21T21:45:24Z` in Amsterdam -> `2026-11-21 22:45 CET`; anything else is shown
/// as it is.
///
/// ```
/// use redress_core::time_zone::ShopTimeZone;
/// let amsterdam = ShopTimeZone::parse("Europe/Amsterdam").unwrap();
/// assert_eq!(redress_desk::format::instant("2026-11-21T23:30:00Z", amsterdam), "2026-11-22 00:30 CET");
/// ```
pub fn instant(rfc3339: &str, zone: ShopTimeZone) -> String {
    match DateTime::parse_from_rfc3339(rfc3339) {
        Ok(t) => {
            let t = t.with_timezone(&Utc);
            format!(
                "{} {}",
                zone.local_datetime(t).format("%Y-%m-%d %H:%M"),
                abbreviation(zone, t)
            )
        }
        Err(_) => rfc3339.to_owned(),
    }
}

/// The shop's day of an instant (`2026-11-21T23:30:00Z` is `2026-11-22` in Amsterdam), or
/// a date as it is.
pub fn day(text: &str, zone: ShopTimeZone) -> String {
    match DateTime::parse_from_rfc3339(text) {
        Ok(t) => zone.local_date(t.with_timezone(&Utc)).to_string(),
        Err(_) => text.get(..10).unwrap_or(text).to_owned(),
    }
}

/// The name people in the zone give their clock at `instant`: `CET`/`CEST`, `GMT`/`BST`
/// in London, `GMT`/`IST` in Dublin, `WET`/`WEST`, `EET`/`EEST`; else the offset
/// (`UTC-01:00` on the Azores in winter).
fn abbreviation(zone: ShopTimeZone, instant: DateTime<Utc>) -> String {
    let summer = zone.is_summer_time(instant);
    let offset = zone.offset_seconds_at(instant);
    let standard = if summer { offset - 3600 } else { offset };
    let name = match (zone.name(), standard, summer) {
        ("UTC" | "Etc/UTC", _, _) => "UTC",
        ("Europe/London", _, true) => "BST",
        ("Europe/Dublin", _, true) => "IST",
        ("Europe/London" | "Europe/Dublin" | "Atlantic/Reykjavik", _, false) => "GMT",
        (_, 0, false) => "WET",
        (_, 0, true) => "WEST",
        (_, 3600, false) => "CET",
        (_, 3600, true) => "CEST",
        (_, 7200, false) => "EET",
        (_, 7200, true) => "EEST",
        _ => {
            let sign = if offset < 0 { '-' } else { '+' };
            let minutes = offset.unsigned_abs() / 60;
            return format!("UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60);
        }
    };
    name.to_owned()
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

    fn zone(name: &str) -> ShopTimeZone {
        ShopTimeZone::parse(name).expect("a known zone")
    }

    /// Each `(zone, instant, as the desk shows it)`.
    fn assert_reads(cases: &[(&str, &str, &str)]) {
        for (name, at, shown) in cases {
            assert_eq!(instant(at, zone(name)), *shown, "{at} in {name}");
        }
    }

    #[test]
    fn times_read_on_the_shops_clock_with_its_zone_named() {
        assert_reads(&[
            (
                "Europe/Amsterdam",
                "2026-11-21T21:45:24Z",
                "2026-11-21 22:45 CET",
            ),
            (
                "Europe/Amsterdam",
                "2026-07-01T12:00:00+00:00",
                "2026-07-01 14:00 CEST",
            ),
            ("UTC", "2026-11-21T21:45:24Z", "2026-11-21 21:45 UTC"),
            (
                "Europe/London",
                "2026-07-01T12:00:00Z",
                "2026-07-01 13:00 BST",
            ),
            (
                "Europe/Dublin",
                "2026-12-01T12:00:00Z",
                "2026-12-01 12:00 GMT",
            ),
            (
                "Europe/Lisbon",
                "2026-12-01T12:00:00Z",
                "2026-12-01 12:00 WET",
            ),
            (
                "Europe/Helsinki",
                "2026-07-01T12:00:00Z",
                "2026-07-01 15:00 EEST",
            ),
            (
                "Atlantic/Azores",
                "2026-12-01T12:00:00Z",
                "2026-12-01 11:00 UTC-01:00",
            ),
            ("Europe/Amsterdam", "soon", "soon"),
        ]);
    }

    #[test]
    fn a_late_evening_in_utc_is_already_the_next_day_in_the_shop() {
        let amsterdam = zone("Europe/Amsterdam");
        assert_reads(&[(
            "Europe/Amsterdam",
            "2026-11-21T23:30:00Z",
            "2026-11-22 00:30 CET",
        )]);
        assert_eq!(day("2026-11-21T23:30:00Z", amsterdam), "2026-11-22");
        assert_eq!(day("2026-11-21T23:30:00Z", ShopTimeZone::UTC), "2026-11-21");
        // A due time is the end of the shop's day; on the Azores that is the next UTC day.
        assert_eq!(
            day("2026-11-26T00:59:59Z", zone("Atlantic/Azores")),
            "2026-11-25"
        );
        assert_eq!(day("2026-11-25", amsterdam), "2026-11-25");
    }

    #[test]
    fn the_clock_changes_show_in_the_time_and_its_zone() {
        assert_reads(&[
            // Spring: 02:00 CET jumps to 03:00 CEST on 29 March 2026.
            (
                "Europe/Amsterdam",
                "2026-03-29T00:59:00Z",
                "2026-03-29 01:59 CET",
            ),
            (
                "Europe/Amsterdam",
                "2026-03-29T01:00:00Z",
                "2026-03-29 03:00 CEST",
            ),
            // Autumn: 02:30 happens twice on 25 October 2026; the zone tells them apart.
            (
                "Europe/Amsterdam",
                "2026-10-25T00:30:00Z",
                "2026-10-25 02:30 CEST",
            ),
            (
                "Europe/Amsterdam",
                "2026-10-25T01:30:00Z",
                "2026-10-25 02:30 CET",
            ),
            // Across midnight and the change at once: 23:30 UTC on 24 October.
            (
                "Europe/Amsterdam",
                "2026-10-24T23:30:00Z",
                "2026-10-25 01:30 CEST",
            ),
        ]);
    }

    #[test]
    fn amounts_and_sizes_read_the_same_everywhere() {
        assert_eq!(
            money(&serde_json::json!({"minor_units": 2499, "currency": "EUR"})).unwrap(),
            "24.99 EUR"
        );
        assert_eq!(money(&Value::Null), None);
        assert_eq!(size(312), "312 B");
        assert_eq!(size(14_540), "14.2 KB");
    }
}
