//! The working-day calendar: official holiday lists, and the arithmetic on top.

use chrono::NaiveDate;

use super::*;

fn calendar(country: Country) -> WorkingCalendar {
    WorkingCalendar::for_country(country).unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

mod arithmetic;
mod official_lists;
