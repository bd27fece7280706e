use chrono::{NaiveDate, TimeZone, Timelike};
use proptest::prelude::*;

use super::*;

fn zone(name: &str) -> ShopTimeZone {
    ShopTimeZone::parse(name).unwrap()
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Published European clock changes: (year, March day, October day), both Sundays.
const CHANGES: [(i32, u32, u32); 8] = [
    (2000, 26, 29),
    (2010, 28, 31),
    (2024, 31, 27),
    (2025, 30, 26),
    (2026, 29, 25),
    (2027, 28, 31),
    (2030, 31, 27),
    (2099, 29, 25),
];

/// The offset in hours just before and at each change, for zones of each standard offset.
fn assert_changes(name: &str, winter_hours: i32) {
    let tz = zone(name);
    let hours = |instant| tz.offset_at(instant).local_minus_utc() / 3600;
    for (year, march, october) in CHANGES {
        assert_eq!(
            hours(utc(year, 3, march, 0, 59, 59)),
            winter_hours,
            "{name} {year} before spring"
        );
        assert_eq!(
            hours(utc(year, 3, march, 1, 0, 0)),
            winter_hours + 1,
            "{name} {year} spring"
        );
        assert_eq!(
            hours(utc(year, 10, october, 0, 59, 59)),
            winter_hours + 1,
            "{name} {year} before autumn"
        );
        assert_eq!(
            hours(utc(year, 10, october, 1, 0, 0)),
            winter_hours,
            "{name} {year} autumn"
        );
        assert_eq!(
            hours(utc(year, 1, 15, 12, 0, 0)),
            winter_hours,
            "{name} {year} January"
        );
        assert_eq!(
            hours(utc(year, 7, 15, 12, 0, 0)),
            winter_hours + 1,
            "{name} {year} July"
        );
    }
}

#[test]
fn clocks_change_on_the_published_sundays_in_every_market() {
    assert_changes("Europe/London", 0);
    assert_changes("Europe/Dublin", 0);
    assert_changes("Europe/Lisbon", 0);
    assert_changes("Atlantic/Azores", -1);
    assert_changes("Europe/Amsterdam", 1);
    assert_changes("Europe/Brussels", 1);
    assert_changes("Europe/Berlin", 1);
    assert_changes("Europe/Paris", 1);
    assert_changes("Europe/Luxembourg", 1);
    assert_changes("Europe/Warsaw", 1);
    assert_changes("Europe/Helsinki", 2);
    assert_changes("Europe/Athens", 2);
}

#[test]
fn utc_and_iceland_never_change_their_clocks() {
    for name in ["UTC", "Etc/UTC", "Atlantic/Reykjavik"] {
        let tz = zone(name);
        for (year, march, _) in CHANGES {
            assert_eq!(tz.offset_seconds_at(utc(year, 3, march, 1, 0, 0)), 0);
            assert_eq!(tz.offset_seconds_at(utc(year, 7, 1, 0, 0, 0)), 0);
            assert!(!tz.is_summer_time(utc(year, 7, 1, 0, 0, 0)));
        }
    }
}

#[test]
fn amsterdam_wall_clock_jumps_from_two_to_three_in_spring_and_back_in_autumn() {
    let tz = zone("Europe/Amsterdam");
    let before = tz.local_datetime(utc(2026, 3, 29, 0, 59, 59));
    let after = tz.local_datetime(utc(2026, 3, 29, 1, 0, 0));
    assert_eq!((before.hour(), before.minute()), (1, 59));
    assert_eq!((after.hour(), after.minute()), (3, 0));
    let before = tz.local_datetime(utc(2026, 10, 25, 0, 59, 59));
    let after = tz.local_datetime(utc(2026, 10, 25, 1, 0, 0));
    assert_eq!((before.hour(), before.minute()), (2, 59));
    assert_eq!((after.hour(), after.minute()), (2, 0));
}

#[test]
fn a_complaint_sent_late_in_the_evening_counts_for_the_shops_date() {
    // 23:30 UTC on New Year's Eve is already 1 January in Helsinki but not in London.
    let instant = utc(2026, 12, 31, 23, 30, 0);
    assert_eq!(zone("Europe/Helsinki").local_date(instant), day(2027, 1, 1));
    assert_eq!(zone("Europe/London").local_date(instant), day(2026, 12, 31));
    // 22:30 UTC on 30 June is 1 July in Athens (+3) and Paris (+2), not in Lisbon (+1).
    let summer = utc(2026, 6, 30, 22, 30, 0);
    assert_eq!(zone("Europe/Athens").local_date(summer), day(2026, 7, 1));
    assert_eq!(zone("Europe/Paris").local_date(summer), day(2026, 7, 1));
    assert_eq!(zone("Europe/Lisbon").local_date(summer), day(2026, 6, 30));
}

#[test]
fn days_begin_and_end_at_local_midnight_even_on_clock_change_days() {
    let tz = zone("Europe/Amsterdam");
    // The spring day has 23 hours, the autumn day 25.
    assert_eq!(
        tz.start_of_local_day(day(2026, 3, 29)),
        utc(2026, 3, 28, 23, 0, 0)
    );
    assert_eq!(
        tz.end_of_local_day(day(2026, 3, 29)),
        utc(2026, 3, 29, 21, 59, 59)
    );
    assert_eq!(
        tz.start_of_local_day(day(2026, 10, 25)),
        utc(2026, 10, 24, 22, 0, 0)
    );
    assert_eq!(
        tz.end_of_local_day(day(2026, 10, 25)),
        utc(2026, 10, 25, 22, 59, 59)
    );
    let london = zone("Europe/London");
    assert_eq!(
        london.end_of_local_day(day(2026, 12, 3)),
        utc(2026, 12, 3, 23, 59, 59)
    );
    assert_eq!(
        london.end_of_local_day(day(2026, 6, 3)),
        utc(2026, 6, 3, 22, 59, 59)
    );
}

#[test]
fn in_the_azores_the_spring_day_starts_at_one_because_midnight_is_skipped() {
    let azores = zone("Atlantic/Azores");
    let start = azores.start_of_local_day(day(2026, 3, 29));
    assert_eq!(start, utc(2026, 3, 29, 1, 0, 0));
    assert_eq!(azores.local_date(start), day(2026, 3, 29));
    assert_eq!(
        azores.local_date(utc(2026, 3, 29, 0, 59, 59)),
        day(2026, 3, 28)
    );
    assert_eq!(
        azores.end_of_local_day(day(2026, 3, 28)),
        utc(2026, 3, 29, 0, 59, 59)
    );
    // In autumn midnight happens once, in summer time, before the clock goes back.
    assert_eq!(
        azores.start_of_local_day(day(2026, 10, 25)),
        utc(2026, 10, 25, 0, 0, 0)
    );
}

#[test]
fn zones_travel_as_their_iana_name() {
    let tz = zone("Europe/Amsterdam");
    assert_eq!(serde_json::to_string(&tz).unwrap(), "\"Europe/Amsterdam\"");
    let back: ShopTimeZone = serde_json::from_str("\"Europe/Amsterdam\"").unwrap();
    assert_eq!(back, tz);
    let refused = serde_json::from_str::<ShopTimeZone>("\"Europe/Atlantis\"").unwrap_err();
    assert!(refused.to_string().contains("Europe/Atlantis"));
    let err = ShopTimeZone::parse("europe/amsterdam").unwrap_err();
    assert_eq!(err.code(), "time_zone.unknown");
    assert_eq!(tz.to_string(), "Europe/Amsterdam");
    assert_eq!(
        "Europe/Rome".parse::<ShopTimeZone>().unwrap().as_ref(),
        "Europe/Rome"
    );
}

#[test]
fn every_country_has_a_zone_in_the_table() {
    for country in Country::ALL {
        let tz = ShopTimeZone::for_country(country);
        assert_ne!(tz, ShopTimeZone::UTC, "{country}");
        assert_eq!(ShopTimeZone::parse(tz.name()), Ok(tz));
    }
    assert_eq!(ShopTimeZone::known_names().count(), ZONES.len());
}

#[test]
fn the_ends_of_chronos_range_do_not_panic() {
    for tz in ZONES.iter().map(|z| ShopTimeZone { zone: z }) {
        for instant in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            let _ = tz.local_datetime(instant);
            let _ = tz.offset_at(instant);
        }
        for date in [NaiveDate::MIN, NaiveDate::MAX] {
            let _ = tz.start_of_local_day(date);
            let _ = tz.end_of_local_day(date);
        }
    }
}

fn any_zone() -> impl Strategy<Value = ShopTimeZone> {
    (0..ZONES.len()).prop_map(|i| ShopTimeZone { zone: &ZONES[i] })
}

/// Whole seconds from 1 January 2000 to 31 December 2100.
fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
    (946_684_800i64..4_133_980_799i64).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
}

proptest! {
    #[test]
    fn every_instant_lies_within_its_local_day(tz in any_zone(), instant in any_instant()) {
        let date = tz.local_date(instant);
        prop_assert!(tz.start_of_local_day(date) <= instant);
        prop_assert!(instant <= tz.end_of_local_day(date));
    }

    #[test]
    fn local_days_begin_and_end_on_that_day(tz in any_zone(), instant in any_instant()) {
        let date = tz.local_date(instant);
        let start = tz.start_of_local_day(date);
        let end = tz.end_of_local_day(date);
        prop_assert_eq!(tz.local_date(start), date);
        prop_assert_eq!(tz.local_date(end), date);
        prop_assert_eq!(tz.local_date(start - Duration::seconds(1)), date.pred_opt().unwrap());
        prop_assert_eq!(tz.local_date(end + Duration::seconds(1)), date.succ_opt().unwrap());
        // A day lasts 23, 24 or 25 hours.
        let hours = (end - start + Duration::seconds(1)).num_seconds();
        prop_assert!([23 * 3600, 24 * 3600, 25 * 3600].contains(&hours));
    }

    #[test]
    fn local_time_is_utc_plus_the_offset(tz in any_zone(), instant in any_instant()) {
        let offset = tz.offset_at(instant);
        prop_assert_eq!(instant.with_timezone(&offset).naive_local(), tz.local_datetime(instant));
        let standard = tz.zone.standard_offset_seconds;
        prop_assert!([standard, standard + 3600].contains(&offset.local_minus_utc()));
    }

    #[test]
    fn any_instant_chrono_holds_is_handled(
        tz in any_zone(),
        seconds in DateTime::<Utc>::MIN_UTC.timestamp()..=DateTime::<Utc>::MAX_UTC.timestamp(),
    ) {
        if let Some(instant) = DateTime::from_timestamp(seconds, 0) {
            let date = tz.local_date(instant);
            let _ = tz.start_of_local_day(date);
            let _ = tz.end_of_local_day(date);
        }
    }
}
