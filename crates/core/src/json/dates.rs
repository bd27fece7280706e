//! Dates as chrono's serde writes them (`2026-11-21`, `2026-11-21T10:00:00Z`), read
//! without chrono's format-string parser: the browser reads signed documents with dates,
//! and that parser costs the shopper's bundle about 8 KB.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::{FromJson, Json, JsonError};
use crate::calendar::parse_iso_date;

/// `YYYY-MM-DD`.
impl FromJson for NaiveDate {
    fn from_json(json: &Json) -> Result<Self, JsonError> {
        parse_iso_date(json.as_str()?).ok_or(JsonError::value("date: not YYYY-MM-DD"))
    }
}

/// RFC 3339 in UTC as chrono writes it: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+00:00)`.
impl FromJson for DateTime<Utc> {
    fn from_json(json: &Json) -> Result<Self, JsonError> {
        parse_utc(json.as_str()?).ok_or(JsonError::value("not an RFC 3339 UTC time"))
    }
}

fn parse_utc(text: &str) -> Option<DateTime<Utc>> {
    let date = parse_iso_date(text.get(..10)?)?;
    let rest = text.get(10..)?.strip_prefix(['T', 't'])?;
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = rest.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if rest.get(2..3)? != ":" || rest.get(5..6)? != ":" {
        return None;
    }
    let (hour, minute, second) = (digits(0..2)?, digits(3..5)?, digits(6..8)?);
    let mut tail = rest.get(8..)?;
    let mut nanos = 0u32;
    if let Some(fraction) = tail.strip_prefix('.') {
        let count = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if count == 0 || count > 9 {
            return None;
        }
        let value: u32 = fraction.get(..count)?.parse().ok()?;
        nanos = value * 10u32.pow(9 - u32::try_from(count).ok()?);
        tail = fraction.get(count..)?;
    }
    if !matches!(tail, "Z" | "z" | "+00:00") {
        return None;
    }
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    Some(date.and_time(time).and_utc())
}

#[cfg(test)]
mod tests {
    use super::parse_utc;

    #[test]
    fn reads_what_chrono_writes_and_nothing_looser() {
        for written in [
            "2026-11-21T10:00:00Z",
            "2026-11-21T10:00:00.5Z",
            "2026-11-21T10:00:00.123456789Z",
        ] {
            let parsed = parse_utc(written).unwrap();
            assert_eq!(
                parsed,
                written.parse::<chrono::DateTime<chrono::Utc>>().unwrap()
            );
        }
        assert!(parse_utc("2026-11-21T10:00:00+00:00").is_some());
        for refused in [
            "2026-11-21",
            "2026-11-21T10:00:00",
            "2026-11-21T10:00:00+01:00",
            "2026-11-21T25:00:00Z",
            "2026-11-21T10:00:00.Z",
            "2026-11-21 10:00:00Z",
        ] {
            assert_eq!(parse_utc(refused), None, "{refused}");
        }
    }
}
