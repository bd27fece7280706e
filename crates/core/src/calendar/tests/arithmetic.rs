//! Adding and counting working days: the conventions, and properties over 2000-2100.

use chrono::{Datelike, NaiveDate, Weekday};
use proptest::prelude::*;

use super::*;

#[test]
fn a_complaint_received_on_saturday_with_three_working_days_is_due_wednesday() {
    for country in WorkingCalendar::SUPPORTED {
        let due = calendar(country).add_working_days(date(2026, 11, 21), 3);
        assert_eq!(due, date(2026, 11, 25), "{country}");
        assert_eq!(due.weekday(), Weekday::Wed);
    }
}

#[test]
fn deadlines_skip_the_easter_weekend() {
    // Received Thursday 2 April 2026; Good Friday is a holiday in NL, DE and GB, not in
    // FR or BE.
    let received = date(2026, 4, 2);
    assert_eq!(
        calendar(Country::FR).add_working_days(received, 3),
        date(2026, 4, 8)
    );
    assert_eq!(
        calendar(Country::NL).add_working_days(received, 3),
        date(2026, 4, 9)
    );
    assert_eq!(
        calendar(Country::DE).add_working_days(received, 3),
        date(2026, 4, 9)
    );
    assert_eq!(
        calendar(Country::GB).add_working_days(received, 3),
        date(2026, 4, 9)
    );
    // Ten working days over Christmas and New Year in Belgium (only 25 Dec and 1 Jan off).
    assert_eq!(
        calendar(Country::BE).add_working_days(date(2026, 12, 18), 10),
        date(2027, 1, 5)
    );
}

#[test]
fn the_ends_of_chronos_range_do_not_panic() {
    for country in WorkingCalendar::SUPPORTED {
        let cal = calendar(country);
        for d in [NaiveDate::MIN, NaiveDate::MAX] {
            let _ = cal.is_working_day(d);
            let _ = cal.holidays(d.year());
            let _ = cal.add_working_days(d, 0);
            let _ = cal.add_working_days(d, 10);
        }
        let near_the_end = NaiveDate::MAX - chrono::Duration::days(20);
        assert_eq!(cal.add_working_days(near_the_end, 100), NaiveDate::MAX);
        let near_the_start = NaiveDate::MIN + chrono::Duration::days(800);
        let span = cal.working_days_between(NaiveDate::MIN, near_the_start);
        assert!(span > 500);
        assert_eq!(
            cal.working_days_between(near_the_start, NaiveDate::MIN),
            -span
        );
    }
    // The largest count there is runs into the end of time (this walks ~260,000 years).
    let nl = calendar(Country::NL);
    assert_eq!(
        nl.add_working_days(date(2026, 1, 1), u32::MAX),
        NaiveDate::MAX
    );
}

#[test]
fn every_year_from_2000_to_2100_lists_sorted_weekday_holidays_of_that_year() {
    for country in WorkingCalendar::SUPPORTED {
        let cal = calendar(country);
        for year in 2000..=2100 {
            let holidays = cal.holidays(year);
            assert!(holidays.len() >= 8, "{country} {year}");
            assert!(holidays.windows(2).all(|w| w[0].date() <= w[1].date()));
            assert!(holidays.iter().all(|h| h.date().year() == year));
            if country == Country::GB {
                // Substitute days make every bank holiday a weekday.
                assert!(
                    holidays
                        .iter()
                        .all(|h| !matches!(h.date().weekday(), Weekday::Sat | Weekday::Sun))
                );
            }
        }
    }
}

fn any_calendar() -> impl Strategy<Value = WorkingCalendar> {
    (0..WorkingCalendar::SUPPORTED.len()).prop_map(|i| calendar(WorkingCalendar::SUPPORTED[i]))
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    let first = date(2000, 1, 1).num_days_from_ce();
    let last = date(2100, 12, 31).num_days_from_ce();
    (first..=last).prop_map(|days| NaiveDate::from_num_days_from_ce_opt(days).unwrap())
}

/// The definition, one day at a time.
fn add_by_stepping(cal: &WorkingCalendar, from: NaiveDate, n: u32) -> NaiveDate {
    let mut current = from;
    if n == 0 {
        while !cal.is_working_day(current) {
            current = current.succ_opt().unwrap();
        }
        return current;
    }
    let mut left = n;
    while left > 0 {
        current = current.succ_opt().unwrap();
        if cal.is_working_day(current) {
            left -= 1;
        }
    }
    current
}

proptest! {
    #[test]
    fn due_dates_are_working_days(cal in any_calendar(), d in any_date(), n in 0u32..400) {
        prop_assert!(cal.is_working_day(cal.add_working_days(d, n)));
    }

    #[test]
    fn more_working_days_never_give_an_earlier_due_date(cal in any_calendar(), d in any_date(), n in 0u32..400) {
        let here = cal.add_working_days(d, n);
        let next = cal.add_working_days(d, n + 1);
        prop_assert!(here <= next);
        if n >= 1 {
            prop_assert!(here < next);
        }
        prop_assert!(d < cal.add_working_days(d, n + 1));
    }

    #[test]
    fn counting_undoes_adding(cal in any_calendar(), d in any_date(), n in 0u32..400) {
        let due = cal.add_working_days(d, n);
        if cal.is_working_day(d) || n > 0 {
            prop_assert_eq!(cal.working_days_between(d, due), i64::from(n));
        }
        prop_assert_eq!(cal.working_days_between(due, d), -cal.working_days_between(d, due));
    }

    #[test]
    fn skipping_whole_years_agrees_with_stepping_day_by_day(cal in any_calendar(), d in any_date(), n in 0u32..1200) {
        prop_assert_eq!(cal.add_working_days(d, n), add_by_stepping(&cal, d, n));
    }

    #[test]
    fn counting_agrees_with_stepping_day_by_day(cal in any_calendar(), a in any_date(), span in 0i64..800) {
        let b = a + chrono::Duration::days(span);
        let mut count = 0;
        let mut current = a;
        while current < b {
            current = current.succ_opt().unwrap();
            if cal.is_working_day(current) {
                count += 1;
            }
        }
        prop_assert_eq!(cal.working_days_between(a, b), count);
    }
}
