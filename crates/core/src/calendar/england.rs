//! The bank holidays of England and Wales (Scotland and Northern Ireland have others).
//!
//! A holiday on a weekend is replaced by a "substitute day" on the next weekday, and the
//! list follows gov.uk: it names the substitute, not the weekend date. The early May and
//! spring bank holidays were moved for national events, and a few one-off bank holidays
//! were proclaimed; both are listed from the proclamations.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::year::HolidayYear;

pub(crate) fn england_and_wales(days: &mut HolidayYear) {
    new_year(days);
    days.easter(-2, "good_friday", "Good Friday");
    days.easter(1, "easter_monday", "Easter Monday");

    // Moved to 8 May for the 50th and 75th anniversaries of VE Day.
    let early_may = match days.year() {
        1995 | 2020 => days.date(5, 8),
        _ => days.nth_weekday(5, Weekday::Mon, 1),
    };
    days.on(
        early_may,
        "early_may_bank_holiday",
        "Early May bank holiday",
    );

    // Moved to make a four-day weekend with the jubilees.
    let spring = match days.year() {
        2002 | 2012 => days.date(6, 4),
        2022 => days.date(6, 2),
        _ => days.last_weekday(5, Weekday::Mon),
    };
    days.on(spring, "spring_bank_holiday", "Spring bank holiday");
    let summer = days.last_weekday(8, Weekday::Mon);
    days.on(summer, "summer_bank_holiday", "Summer bank holiday");

    christmas(days);
    one_offs(days);
}

fn new_year(days: &mut HolidayYear) {
    let Some(first) = days.date(1, 1) else {
        return;
    };
    match first.weekday() {
        Weekday::Sat | Weekday::Sun => {
            let monday = next_monday(first);
            days.on(
                monday,
                "new_years_day_substitute",
                "New Year's Day (substitute day)",
            );
        }
        _ => days.on(Some(first), "new_years_day", "New Year's Day"),
    }
}

fn christmas(days: &mut HolidayYear) {
    let Some(christmas) = days.date(12, 25) else {
        return;
    };
    let plus = |n: i64| christmas.checked_add_signed(Duration::days(n));
    let (christmas_code, christmas_name, christmas_day) = match christmas.weekday() {
        Weekday::Sat => (
            "christmas_day_substitute",
            "Christmas Day (substitute day)",
            plus(2),
        ),
        Weekday::Sun => (
            "christmas_day_substitute",
            "Christmas Day (substitute day)",
            plus(2),
        ),
        _ => ("christmas_day", "Christmas Day", Some(christmas)),
    };
    let (boxing_code, boxing_name, boxing_day) = match christmas.weekday() {
        // Boxing Day falls on Saturday or Sunday: its substitute follows the one of
        // Christmas (Saturday) or is the Monday (Friday).
        Weekday::Fri => (
            "boxing_day_substitute",
            "Boxing Day (substitute day)",
            plus(3),
        ),
        Weekday::Sat => (
            "boxing_day_substitute",
            "Boxing Day (substitute day)",
            plus(3),
        ),
        _ => ("boxing_day", "Boxing Day", plus(1)),
    };
    days.on(christmas_day, christmas_code, christmas_name);
    days.on(boxing_day, boxing_code, boxing_name);
}

fn one_offs(days: &mut HolidayYear) {
    let proclaimed: &[(i32, u32, u32, &str, &str)] = &[
        (
            1999,
            12,
            31,
            "millennium_celebrations",
            "Millennium Celebrations",
        ),
        (2002, 6, 3, "golden_jubilee", "Golden Jubilee bank holiday"),
        (
            2011,
            4,
            29,
            "royal_wedding",
            "Wedding of Prince William and Catherine Middleton",
        ),
        (
            2012,
            6,
            5,
            "diamond_jubilee",
            "Diamond Jubilee of Queen Elizabeth II",
        ),
        (
            2022,
            6,
            3,
            "platinum_jubilee",
            "Platinum Jubilee bank holiday",
        ),
        (
            2022,
            9,
            19,
            "state_funeral",
            "State Funeral of Queen Elizabeth II",
        ),
        (2023, 5, 8, "coronation", "Coronation of King Charles III"),
    ];
    for &(year, month, day, code, name) in proclaimed {
        if year == days.year() {
            let date = days.date(month, day);
            days.on(date, code, name);
        }
    }
}

fn next_monday(date: NaiveDate) -> Option<NaiveDate> {
    let ahead = 7 - date.weekday().num_days_from_monday();
    date.checked_add_signed(Duration::days(i64::from(ahead)))
}
