//! Working days: the unit every deadline of a complaint policy is counted in.
//!
//! A working day is Monday to Friday, minus the public holidays of the shop's country.
//! Holidays are computed (Easter by the anonymous Gregorian algorithm, fixed dates,
//! substitute days, one-off proclamations), not looked up, so there is no table to
//! renew each year. The rules are those in force today and are checked against the
//! official lists for 2000 to 2100; for other years the same rules are applied as they
//! are (no historical changes are modelled). No date chrono accepts makes them panic.

mod continental;
mod easter;
mod england;
mod holiday;
mod iso_date;
mod year;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::country::Country;

pub use holiday::Holiday;
pub use iso_date::parse_iso_date;
use year::HolidayYear;

/// A country whose public holidays Redress does not know yet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// Working days cannot be counted for this country: its holidays are not modelled.
    #[error(
        "calendar: the public holidays of {0} are not supported; supported are NL, BE, DE, FR, LU and GB"
    )]
    UnsupportedCountry(Country),
}

impl CalendarError {
    /// The stable code the widget and the server translate.
    pub fn code(&self) -> &'static str {
        match self {
            CalendarError::UnsupportedCountry(_) => "calendar.unsupported_country",
        }
    }
}

/// The working days of one country.
///
/// ```
/// use chrono::NaiveDate;
/// use redress_core::{calendar::WorkingCalendar, country::Country};
///
/// let netherlands = WorkingCalendar::for_country(Country::NL).unwrap();
/// let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// // King's Day 2026 is Monday 27 April.
/// assert!(!netherlands.is_working_day(date(4, 27)));
/// // Received Friday 24 April: three working days later is Thursday 30 April.
/// assert_eq!(netherlands.add_working_days(date(4, 24), 3), date(4, 30));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WorkingCalendar {
    country: Country,
}

impl WorkingCalendar {
    /// The countries whose holidays are modelled.
    pub const SUPPORTED: [Country; 6] = [
        Country::NL,
        Country::BE,
        Country::DE,
        Country::FR,
        Country::LU,
        Country::GB,
    ];

    /// The calendar of a shop established in `country`. For GB it is England and Wales;
    /// for DE the nationwide holidays only.
    ///
    /// ```
    /// use redress_core::{calendar::WorkingCalendar, country::Country};
    /// assert!(WorkingCalendar::for_country(Country::BE).is_ok());
    /// let err = WorkingCalendar::for_country(Country::IT).unwrap_err();
    /// assert_eq!(err.code(), "calendar.unsupported_country");
    /// assert!(err.to_string().contains("IT"));
    /// ```
    pub fn for_country(country: Country) -> Result<WorkingCalendar, CalendarError> {
        if WorkingCalendar::SUPPORTED.contains(&country) {
            Ok(WorkingCalendar { country })
        } else {
            Err(CalendarError::UnsupportedCountry(country))
        }
    }

    /// The country whose holidays this calendar skips.
    pub fn country(&self) -> Country {
        self.country
    }

    /// The public holidays of `year`, in date order. Two holidays may share a date (in
    /// the Netherlands, Ascension Day fell on Liberation Day in 2016); both are listed.
    ///
    /// ```
    /// use redress_core::{calendar::WorkingCalendar, country::Country};
    /// let belgium = WorkingCalendar::for_country(Country::BE).unwrap();
    /// let holidays = belgium.holidays(2026);
    /// assert_eq!(holidays.len(), 10);
    /// assert_eq!(holidays[1].code(), "easter_monday");
    /// assert_eq!(holidays[1].date().to_string(), "2026-04-06");
    /// ```
    pub fn holidays(&self, year: i32) -> Vec<Holiday> {
        let mut days = HolidayYear::new(year);
        match self.country {
            Country::NL => continental::netherlands(&mut days),
            Country::BE => continental::belgium(&mut days),
            Country::DE => continental::germany(&mut days),
            Country::FR => continental::france(&mut days),
            Country::LU => continental::luxembourg(&mut days),
            Country::GB => england::england_and_wales(&mut days),
            // `for_country` admits no other country.
            _ => {}
        }
        days.into_sorted()
    }

    /// The holiday on `date`, if there is one (the first listed, where two coincide), so
    /// a status page can say why a day was skipped.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use redress_core::{calendar::WorkingCalendar, country::Country};
    /// let england = WorkingCalendar::for_country(Country::GB).unwrap();
    /// let boxing = england.holiday_on(NaiveDate::from_ymd_opt(2026, 12, 28).unwrap()).unwrap();
    /// assert_eq!(boxing.name(), "Boxing Day (substitute day)");
    /// assert_eq!(boxing.code(), "boxing_day_substitute");
    /// ```
    pub fn holiday_on(&self, date: NaiveDate) -> Option<Holiday> {
        self.holidays(date.year())
            .into_iter()
            .find(|holiday| holiday.date() == date)
    }

    /// Whether `date` is a working day: Monday to Friday and not a public holiday.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use redress_core::{calendar::WorkingCalendar, country::Country};
    /// let luxembourg = WorkingCalendar::for_country(Country::LU).unwrap();
    /// let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// assert!(!luxembourg.is_working_day(date(6, 23))); // National Day, a Tuesday
    /// assert!(!luxembourg.is_working_day(date(6, 27))); // a Saturday
    /// assert!(luxembourg.is_working_day(date(6, 24)));
    /// ```
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        is_weekday(date) && self.holiday_on(date).is_none()
    }

    /// The `n`-th working day after `date`: the due date of something that may take `n`
    /// working days from `date`.
    ///
    /// The day of receipt itself never counts, whether or not it is a working day; so a
    /// complaint received on Saturday with 3 working days is due on Wednesday (Monday,
    /// Tuesday, Wednesday). With `n = 0` the result is `date` itself if it is a working
    /// day, else the next working day. Should the result lie beyond chrono's last date,
    /// that last date is returned.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use redress_core::{calendar::WorkingCalendar, country::Country};
    /// let france = WorkingCalendar::for_country(Country::FR).unwrap();
    /// let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// // Saturday 21 November 2026, three working days: Wednesday 25 November.
    /// assert_eq!(france.add_working_days(date(11, 21), 3), date(11, 25));
    /// // Tuesday 10 November, one working day: 11 November is Armistice Day.
    /// assert_eq!(france.add_working_days(date(11, 10), 1), date(11, 12));
    /// assert_eq!(france.add_working_days(date(11, 21), 0), date(11, 23));
    /// ```
    pub fn add_working_days(&self, date: NaiveDate, n: u32) -> NaiveDate {
        if n == 0 {
            return self.first_working_day_from(date);
        }
        let mut remaining = i64::from(n);
        let mut current = date;
        // Skip whole years first, so large `n` costs years, not days.
        loop {
            let Some(next_day) = current.succ_opt() else {
                return NaiveDate::MAX;
            };
            let Some(year_end) = NaiveDate::from_ymd_opt(next_day.year(), 12, 31) else {
                break;
            };
            let left_this_year = self.count_forward(current, year_end);
            if left_this_year >= remaining {
                break;
            }
            remaining -= left_this_year;
            current = year_end;
        }
        while remaining > 0 {
            match current.succ_opt() {
                Some(next) => current = next,
                None => return NaiveDate::MAX,
            }
            if self.is_working_day(current) {
                remaining -= 1;
            }
        }
        current
    }

    /// The number of working days in `(from, to]`: after `from`, up to and including
    /// `to`. This is the inverse of [`add_working_days`](Self::add_working_days): for a
    /// working day `d`, `working_days_between(d, add_working_days(d, n)) == n`. If `to`
    /// is before `from` the count of `(to, from]` is returned negated, so a deadline
    /// already passed gives a negative number of working days left.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use redress_core::{calendar::WorkingCalendar, country::Country};
    /// let germany = WorkingCalendar::for_country(Country::DE).unwrap();
    /// let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// // Thursday 1 October to Monday 5 October: Friday 2 and Monday 5 (3 October is a Saturday).
    /// assert_eq!(germany.working_days_between(date(10, 1), date(10, 5)), 2);
    /// assert_eq!(germany.working_days_between(date(10, 5), date(10, 1)), -2);
    /// ```
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if from <= to {
            self.count_forward(from, to)
        } else {
            -self.count_forward(to, from)
        }
    }

    fn first_working_day_from(&self, date: NaiveDate) -> NaiveDate {
        let mut current = date;
        while !self.is_working_day(current) {
            match current.succ_opt() {
                Some(next) => current = next,
                None => return current,
            }
        }
        current
    }

    /// Working days in `(from, to]`, for `from <= to`: weekdays counted arithmetically,
    /// minus the distinct weekday holiday dates, year by year.
    fn count_forward(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        let weekdays = weekdays_up_to(to) - weekdays_up_to(from);
        let mut holidays = 0;
        for year in from.year()..=to.year() {
            let mut dates: Vec<NaiveDate> = self
                .holidays(year)
                .into_iter()
                .map(|holiday| holiday.date())
                .filter(|date| from < *date && *date <= to && is_weekday(*date))
                .collect();
            dates.dedup();
            holidays += dates.len() as i64;
        }
        weekdays - holidays
    }
}

fn is_weekday(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The number of weekdays from an epoch up to and including `date`; only differences of
/// it mean anything. Day 1 of the common era (1 January of year 1) was a Monday.
fn weekdays_up_to(date: NaiveDate) -> i64 {
    let day = i64::from(date.num_days_from_ce());
    5 * day.div_euclid(7) + day.rem_euclid(7).min(5)
}

#[cfg(test)]
mod tests;
