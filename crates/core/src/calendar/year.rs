//! Collects one country's holidays of one year; dates chrono cannot hold (at the very ends
//! of its range) are skipped instead of failing.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::easter::easter_sunday;
use super::holiday::Holiday;

pub(crate) struct HolidayYear {
    year: i32,
    easter: Option<NaiveDate>,
    holidays: Vec<Holiday>,
}

impl HolidayYear {
    pub(crate) fn new(year: i32) -> HolidayYear {
        HolidayYear {
            year,
            easter: easter_sunday(year),
            holidays: Vec::with_capacity(14),
        }
    }

    pub(crate) fn year(&self) -> i32 {
        self.year
    }

    pub(crate) fn date(&self, month: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, month, day)
    }

    /// A holiday on `date`, if chrono could build it.
    pub(crate) fn on(&mut self, date: Option<NaiveDate>, code: &'static str, name: &'static str) {
        if let Some(date) = date {
            self.holidays.push(Holiday::new(date, code, name));
        }
    }

    /// A holiday on the same day every year.
    pub(crate) fn fixed(&mut self, month: u32, day: u32, code: &'static str, name: &'static str) {
        let date = self.date(month, day);
        self.on(date, code, name);
    }

    /// A holiday `days_after` Easter Sunday (negative for before it).
    pub(crate) fn easter(&mut self, days_after: i64, code: &'static str, name: &'static str) {
        let date = self.easter_plus(days_after);
        self.on(date, code, name);
    }

    pub(crate) fn easter_plus(&self, days_after: i64) -> Option<NaiveDate> {
        self.easter?.checked_add_signed(Duration::days(days_after))
    }

    /// The `nth` (1-based) `weekday` of `month`.
    pub(crate) fn nth_weekday(&self, month: u32, weekday: Weekday, nth: u8) -> Option<NaiveDate> {
        NaiveDate::from_weekday_of_month_opt(self.year, month, weekday, nth)
    }

    /// The last `weekday` of `month`.
    pub(crate) fn last_weekday(&self, month: u32, weekday: Weekday) -> Option<NaiveDate> {
        let first_of_next = if month == 12 {
            NaiveDate::from_ymd_opt(self.year.checked_add(1)?, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(self.year, month + 1, 1)?
        };
        let last = first_of_next.pred_opt()?;
        let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        last.checked_sub_signed(Duration::days(i64::from(back)))
    }

    /// The holidays, in date order.
    pub(crate) fn into_sorted(mut self) -> Vec<Holiday> {
        self.holidays.sort_by_key(|holiday| holiday.date());
        self.holidays
    }
}
