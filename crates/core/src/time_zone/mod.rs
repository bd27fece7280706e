//! The shop's time zone, without a time-zone database.
//!
//! Deadlines are dates in the shop's time zone: "acknowledged by 3 December" means the
//! end of 3 December where the shop is. A full IANA database would cost the shopper's
//! bundle hundreds of kilobytes, yet every market Redress serves (the EU and EEA, the
//! United Kingdom and Switzerland) uses one of a handful of standard offsets and, where
//! clocks change at all, the single European summer-time rule: from the last Sunday of
//! March, 01:00 UTC, to the last Sunday of October, 01:00 UTC. That rule has been in force
//! in all of them since 1996, so a table of zone names with their standard offset is
//! exact for the years that matter.
//!
//! The table is valid for 2000 to 2100 under the rules in force today. Instants outside
//! those years are computed with the same rules (no historical changes are modelled);
//! should the EU ever abolish clock changes, this table is the one place to update.

use chrono::{
    DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, Utc,
};

use crate::country::Country;
use serde::{Deserialize, Serialize};

/// One zone of the table: its IANA name, its standard (winter) offset, and whether it
/// follows the European summer-time rule.
#[derive(Debug, PartialEq, Eq, Hash)]
struct Zone {
    name: &'static str,
    standard_offset_seconds: i32,
    summer_time: bool,
}

const fn zone(name: &'static str, standard_hours: i32, summer_time: bool) -> Zone {
    Zone {
        name,
        standard_offset_seconds: standard_hours * 3600,
        summer_time,
    }
}

/// Every zone Redress knows. Ireland is listed with its winter offset (+0): IANA models
/// Irish Standard Time as +1 with a negative winter "DST", but the clock readings, which
/// are all a deadline needs, are the same.
static ZONES: [Zone; 45] = [
    zone("UTC", 0, false),
    zone("Etc/UTC", 0, false),
    // Western European Time (+0 / +1)
    zone("Europe/London", 0, true),
    zone("Europe/Dublin", 0, true),
    zone("Europe/Lisbon", 0, true),
    zone("Atlantic/Madeira", 0, true),
    zone("Atlantic/Canary", 0, true),
    zone("Atlantic/Faroe", 0, true),
    zone("Atlantic/Azores", -1, true),
    zone("Atlantic/Reykjavik", 0, false),
    // Central European Time (+1 / +2)
    zone("Europe/Amsterdam", 1, true),
    zone("Europe/Brussels", 1, true),
    zone("Europe/Berlin", 1, true),
    zone("Europe/Busingen", 1, true),
    zone("Europe/Paris", 1, true),
    zone("Europe/Luxembourg", 1, true),
    zone("Europe/Madrid", 1, true),
    zone("Africa/Ceuta", 1, true),
    zone("Europe/Rome", 1, true),
    zone("Europe/Vienna", 1, true),
    zone("Europe/Zurich", 1, true),
    zone("Europe/Vaduz", 1, true),
    zone("Europe/Stockholm", 1, true),
    zone("Europe/Oslo", 1, true),
    zone("Europe/Copenhagen", 1, true),
    zone("Europe/Warsaw", 1, true),
    zone("Europe/Prague", 1, true),
    zone("Europe/Bratislava", 1, true),
    zone("Europe/Budapest", 1, true),
    zone("Europe/Ljubljana", 1, true),
    zone("Europe/Zagreb", 1, true),
    zone("Europe/Malta", 1, true),
    zone("Europe/Monaco", 1, true),
    zone("Europe/San_Marino", 1, true),
    zone("Europe/Vatican", 1, true),
    zone("Europe/Andorra", 1, true),
    // Eastern European Time (+2 / +3)
    zone("Europe/Helsinki", 2, true),
    zone("Europe/Mariehamn", 2, true),
    zone("Europe/Tallinn", 2, true),
    zone("Europe/Riga", 2, true),
    zone("Europe/Vilnius", 2, true),
    zone("Europe/Athens", 2, true),
    zone("Europe/Sofia", 2, true),
    zone("Europe/Bucharest", 2, true),
    zone("Asia/Nicosia", 2, true),
];

/// A name that is not in Redress's zone table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("time_zone: unknown time zone {0:?}; expected an IANA name such as \"Europe/Amsterdam\"")]
pub struct UnknownTimeZone(pub String);

impl UnknownTimeZone {
    /// The stable code the widget translates.
    pub fn code(&self) -> &'static str {
        "time_zone.unknown"
    }
}

/// The time zone a shop's deadlines are counted in, serialized as its IANA name.
///
/// ```
/// use chrono::{NaiveDate, TimeZone, Utc};
/// use redress_core::time_zone::ShopTimeZone;
///
/// let amsterdam = ShopTimeZone::parse("Europe/Amsterdam").unwrap();
/// // 23:30 UTC on 3 December is already 4 December in Amsterdam.
/// let late = Utc.with_ymd_and_hms(2026, 12, 3, 23, 30, 0).unwrap();
/// assert_eq!(amsterdam.local_date(late), NaiveDate::from_ymd_opt(2026, 12, 4).unwrap());
/// assert!(ShopTimeZone::parse("Mars/Olympus_Mons").is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ShopTimeZone {
    zone: &'static Zone,
}

impl ShopTimeZone {
    /// Coordinated Universal Time, for shops that count in it (and for tests).
    pub const UTC: ShopTimeZone = ShopTimeZone { zone: &ZONES[0] };

    /// Looks up an IANA zone name, exactly as IANA spells it (case-sensitive, as in the
    /// database) after trimming surrounding white space.
    ///
    /// ```
    /// use redress_core::time_zone::ShopTimeZone;
    /// assert_eq!(ShopTimeZone::parse(" Europe/Brussels").unwrap().name(), "Europe/Brussels");
    /// let err = ShopTimeZone::parse("America/New_York").unwrap_err();
    /// assert!(err.to_string().contains("America/New_York"));
    /// ```
    pub fn parse(name: &str) -> Result<ShopTimeZone, UnknownTimeZone> {
        let wanted = name.trim();
        ZONES
            .iter()
            .find(|zone| zone.name == wanted)
            .map(|zone| ShopTimeZone { zone })
            .ok_or_else(|| UnknownTimeZone(name.to_owned()))
    }

    /// The zone of a country's capital: the default for a shop established there.
    ///
    /// ```
    /// use redress_core::{country::Country, time_zone::ShopTimeZone};
    /// assert_eq!(ShopTimeZone::for_country(Country::BE).name(), "Europe/Brussels");
    /// ```
    pub fn for_country(country: Country) -> ShopTimeZone {
        use Country::*;
        let name = match country {
            AT => "Europe/Vienna",
            BE => "Europe/Brussels",
            BG => "Europe/Sofia",
            CH => "Europe/Zurich",
            CY => "Asia/Nicosia",
            CZ => "Europe/Prague",
            DE => "Europe/Berlin",
            DK => "Europe/Copenhagen",
            EE => "Europe/Tallinn",
            ES => "Europe/Madrid",
            FI => "Europe/Helsinki",
            FR => "Europe/Paris",
            GB => "Europe/London",
            GR => "Europe/Athens",
            HR => "Europe/Zagreb",
            HU => "Europe/Budapest",
            IE => "Europe/Dublin",
            IS => "Atlantic/Reykjavik",
            IT => "Europe/Rome",
            LI => "Europe/Vaduz",
            LT => "Europe/Vilnius",
            LU => "Europe/Luxembourg",
            LV => "Europe/Riga",
            MT => "Europe/Malta",
            NL => "Europe/Amsterdam",
            NO => "Europe/Oslo",
            PL => "Europe/Warsaw",
            PT => "Europe/Lisbon",
            RO => "Europe/Bucharest",
            SE => "Europe/Stockholm",
            SI => "Europe/Ljubljana",
            SK => "Europe/Bratislava",
        };
        ShopTimeZone::parse(name).unwrap_or(ShopTimeZone::UTC)
    }

    /// Every zone name Redress knows, e.g. for a shop's settings form.
    pub fn known_names() -> impl Iterator<Item = &'static str> {
        ZONES.iter().map(|zone| zone.name)
    }

    /// The IANA name, e.g. `"Europe/Amsterdam"`.
    pub fn name(self) -> &'static str {
        self.zone.name
    }

    /// The offset from UTC in force at `instant`.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use redress_core::time_zone::ShopTimeZone;
    /// let london = ShopTimeZone::parse("Europe/London").unwrap();
    /// let july = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).unwrap();
    /// assert_eq!(london.offset_at(july).local_minus_utc(), 3600);
    /// ```
    pub fn offset_at(self, instant: DateTime<Utc>) -> FixedOffset {
        let seconds = self.offset_seconds_at(instant);
        // Offsets in the table are whole hours between -1 and +3: always in range.
        FixedOffset::east_opt(seconds).unwrap_or_else(|| Utc.fix())
    }

    /// The offset from UTC, in seconds, in force at `instant`.
    pub fn offset_seconds_at(self, instant: DateTime<Utc>) -> i32 {
        let standard = self.zone.standard_offset_seconds;
        if self.is_summer_time(instant) {
            standard + 3600
        } else {
            standard
        }
    }

    /// Whether European summer time is in force at `instant`.
    pub fn is_summer_time(self, instant: DateTime<Utc>) -> bool {
        if !self.zone.summer_time {
            return false;
        }
        let year = instant.year();
        match (summer_time_start(year), summer_time_end(year)) {
            (Some(start), Some(end)) => start <= instant && instant < end,
            _ => false,
        }
    }

    /// The wall-clock date and time in the shop at `instant`. Saturates at chrono's
    /// limits rather than failing.
    pub fn local_datetime(self, instant: DateTime<Utc>) -> NaiveDateTime {
        let naive = instant.naive_utc();
        let offset = Duration::seconds(i64::from(self.offset_seconds_at(instant)));
        naive
            .checked_add_signed(offset)
            .unwrap_or(if offset < Duration::zero() {
                NaiveDateTime::MIN
            } else {
                NaiveDateTime::MAX
            })
    }

    /// The calendar date in the shop at `instant`: the day a complaint counts as received.
    pub fn local_date(self, instant: DateTime<Utc>) -> NaiveDate {
        self.local_datetime(instant).date()
    }

    /// The first instant of `date` in the shop (normally local midnight; where a clock
    /// change skips midnight, as in the Azores, the instant the day begins).
    ///
    /// ```
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use redress_core::time_zone::ShopTimeZone;
    /// let paris = ShopTimeZone::parse("Europe/Paris").unwrap();
    /// let day = NaiveDate::from_ymd_opt(2026, 7, 14).unwrap();
    /// assert_eq!(paris.start_of_local_day(day), Utc.with_ymd_and_hms(2026, 7, 13, 22, 0, 0).unwrap());
    /// ```
    pub fn start_of_local_day(self, date: NaiveDate) -> DateTime<Utc> {
        let midnight = date.and_time(NaiveTime::MIN);
        let standard = i64::from(self.zone.standard_offset_seconds);
        let candidates = [standard + 3600, standard].map(|offset| {
            midnight
                .checked_sub_signed(Duration::seconds(offset))
                .map(|naive| naive.and_utc())
        });
        // The summer candidate is the earlier one: take it if midnight really happened then.
        for instant in candidates.into_iter().flatten() {
            if self.local_datetime(instant) == midnight {
                return instant;
            }
        }
        // Midnight fell in the spring-forward gap: the day starts at the clock change.
        if let Some(start) = summer_time_start(date.year())
            && self.local_date(start) == date
        {
            return start;
        }
        // Only reachable at chrono's limits.
        candidates
            .into_iter()
            .flatten()
            .next()
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    /// The last whole second of `date` in the shop: "until 3 December" means until this
    /// instant. A deadline is missed from `start_of_local_day` of the next day on; compare
    /// with that when instants carry fractions of a second.
    ///
    /// ```
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use redress_core::time_zone::ShopTimeZone;
    /// let amsterdam = ShopTimeZone::parse("Europe/Amsterdam").unwrap();
    /// let day = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    /// assert_eq!(amsterdam.end_of_local_day(day), Utc.with_ymd_and_hms(2026, 12, 3, 22, 59, 59).unwrap());
    /// ```
    pub fn end_of_local_day(self, date: NaiveDate) -> DateTime<Utc> {
        match date.succ_opt() {
            Some(next) => {
                let start = self.start_of_local_day(next);
                start
                    .checked_sub_signed(Duration::seconds(1))
                    .unwrap_or(start)
            }
            None => DateTime::<Utc>::MAX_UTC,
        }
    }
}

/// 01:00 UTC on the last Sunday of `month` in `year`.
fn last_sunday_at_one_utc(year: i32, month: u32) -> Option<DateTime<Utc>> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last_day = first_of_next.pred_opt()?;
    let back = last_day.weekday().num_days_from_sunday();
    let sunday = last_day.checked_sub_signed(Duration::days(i64::from(back)))?;
    Some(sunday.and_hms_opt(1, 0, 0)?.and_utc())
}

/// When European summer time begins in `year`: the last Sunday of March, 01:00 UTC.
fn summer_time_start(year: i32) -> Option<DateTime<Utc>> {
    last_sunday_at_one_utc(year, 3)
}

/// When European summer time ends in `year`: the last Sunday of October, 01:00 UTC.
fn summer_time_end(year: i32) -> Option<DateTime<Utc>> {
    last_sunday_at_one_utc(year, 10)
}

impl TryFrom<String> for ShopTimeZone {
    type Error = UnknownTimeZone;
    fn try_from(name: String) -> Result<Self, Self::Error> {
        ShopTimeZone::parse(&name)
    }
}

impl From<ShopTimeZone> for String {
    fn from(zone: ShopTimeZone) -> String {
        zone.name().to_owned()
    }
}

impl AsRef<str> for ShopTimeZone {
    fn as_ref(&self) -> &str {
        self.zone.name
    }
}

impl std::fmt::Display for ShopTimeZone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.zone.name)
    }
}

impl std::str::FromStr for ShopTimeZone {
    type Err = UnknownTimeZone;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ShopTimeZone::parse(s)
    }
}

#[cfg(test)]
mod tests;
