//! Calendar days as the web writes them: `YYYY-MM-DD` (an `<input type="date">` value).

use chrono::NaiveDate;

/// Reads exactly `YYYY-MM-DD` into a real calendar day.
///
/// Hand-written rather than `NaiveDate::parse_from_str`: the widget runs this in the
/// browser, and chrono's format-string parser costs the shopper's bundle about 8 KB.
///
/// ```
/// use redress_core::calendar::parse_iso_date;
/// assert_eq!(parse_iso_date("2026-02-28").map(|d| d.to_string()).as_deref(), Some("2026-02-28"));
/// assert_eq!(parse_iso_date("2026-02-29"), None); // not a leap year
/// assert_eq!(parse_iso_date("2026-2-28"), None);
/// assert_eq!(parse_iso_date("2026-02-28T10:00"), None);
/// ```
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = &bytes[range];
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let year = i32::try_from(number(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_chrono_on_every_well_formed_day(days in 0i64..200_000) {
            let day = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + chrono::Days::new(days as u64);
            prop_assert_eq!(parse_iso_date(&day.format("%Y-%m-%d").to_string()), Some(day));
        }

        #[test]
        fn never_panics_and_never_accepts_what_chrono_refuses(text in "\\PC{0,12}") {
            if let Some(day) = parse_iso_date(&text) {
                prop_assert_eq!(NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok(), Some(day));
            }
        }
    }

    #[test]
    fn impossible_days_and_other_shapes_are_refused() {
        for text in [
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "26-04-30",
            "2026/04/30",
            "２０２６-04-30",
            "",
        ] {
            assert_eq!(parse_iso_date(text), None, "{text}");
        }
    }
}
