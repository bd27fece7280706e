//! A public holiday: a day that is not a working day although it is a weekday.

use chrono::NaiveDate;
use serde::Serialize;

/// A public holiday of a country in a given year.
///
/// `name` is English, for logs and for shops that read English; `code` is stable
/// (`"easter_monday"`, `"kings_day"`, `"christmas_day_substitute"`) so the widget can
/// show the name in the shopper's language through its message catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Holiday {
    date: NaiveDate,
    name: &'static str,
    code: &'static str,
}

impl Holiday {
    pub(crate) fn new(date: NaiveDate, code: &'static str, name: &'static str) -> Holiday {
        Holiday { date, name, code }
    }

    /// The day off.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The English name, e.g. `"Whit Monday"`.
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The stable code for translation, e.g. `"whit_monday"`.
    pub fn code(&self) -> &'static str {
        self.code
    }
}
