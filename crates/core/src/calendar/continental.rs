//! The public holidays of the continental countries Redress supports: the Netherlands,
//! Belgium, Germany (nationwide), France and Luxembourg.
//!
//! Holidays that always fall on a Sunday (Easter Sunday, Whit Sunday) are left out:
//! a Sunday is never a working day anyway.

use chrono::{Datelike, Weekday};

use super::year::HolidayYear;

/// The Netherlands: the "algemeen erkende feestdagen" of the Algemene termijnenwet, the
/// list Dutch law uses to extend legal time limits, so the right one for complaint
/// deadlines: art. 3(1) plus Good Friday, which art. 3(2) treats as one. It counts
/// Liberation Day (5 May) **every** year, although most collective agreements give the
/// day off only every fifth year (2025, 2030, ...). The bridge days a royal decree adds
/// for legal time limits every three years (such as the Friday after Ascension Day) are
/// not holidays here: shops open on them.
pub(crate) fn netherlands(days: &mut HolidayYear) {
    days.fixed(1, 1, "new_years_day", "New Year's Day");
    days.easter(-2, "good_friday", "Good Friday");
    days.easter(1, "easter_monday", "Easter Monday");
    if days.year() >= 2014 {
        // King's Day, 27 April; on a Sunday it is held on Saturday the 26th.
        let date = days.date(4, 27).and_then(|d| {
            if d.weekday() == Weekday::Sun {
                d.pred_opt()
            } else {
                Some(d)
            }
        });
        days.on(date, "kings_day", "King's Day");
    } else {
        // Queen's Day, 30 April; on a Sunday it was held on Saturday the 29th.
        let date = days.date(4, 30).and_then(|d| {
            if d.weekday() == Weekday::Sun {
                d.pred_opt()
            } else {
                Some(d)
            }
        });
        days.on(date, "queens_day", "Queen's Day");
    }
    days.fixed(5, 5, "liberation_day", "Liberation Day");
    days.easter(39, "ascension_day", "Ascension Day");
    days.easter(50, "whit_monday", "Whit Monday");
    days.fixed(12, 25, "christmas_day", "Christmas Day");
    days.fixed(12, 26, "second_day_of_christmas", "Second Day of Christmas");
}

/// Belgium: the ten legal public holidays (Royal Decree of 18 April 1974).
pub(crate) fn belgium(days: &mut HolidayYear) {
    days.fixed(1, 1, "new_years_day", "New Year's Day");
    days.easter(1, "easter_monday", "Easter Monday");
    days.fixed(5, 1, "labour_day", "Labour Day");
    days.easter(39, "ascension_day", "Ascension Day");
    days.easter(50, "whit_monday", "Whit Monday");
    days.fixed(7, 21, "belgian_national_day", "Belgian National Day");
    days.fixed(8, 15, "assumption_day", "Assumption Day");
    days.fixed(11, 1, "all_saints_day", "All Saints' Day");
    days.fixed(11, 11, "armistice_day", "Armistice Day");
    days.fixed(12, 25, "christmas_day", "Christmas Day");
}

/// Germany: the holidays of every federal state only. A shop in Bavaria also closes on
/// Epiphany, one in Berlin on Women's Day; those state holidays are not modelled.
/// Reformation Day was a nationwide holiday once, in 2017 (the 500th anniversary).
pub(crate) fn germany(days: &mut HolidayYear) {
    days.fixed(1, 1, "new_years_day", "New Year's Day");
    days.easter(-2, "good_friday", "Good Friday");
    days.easter(1, "easter_monday", "Easter Monday");
    days.fixed(5, 1, "labour_day", "Labour Day");
    days.easter(39, "ascension_day", "Ascension Day");
    days.easter(50, "whit_monday", "Whit Monday");
    days.fixed(10, 3, "german_unity_day", "German Unity Day");
    if days.year() == 2017 {
        days.fixed(10, 31, "reformation_day", "Reformation Day");
    }
    days.fixed(12, 25, "christmas_day", "Christmas Day");
    days.fixed(12, 26, "second_day_of_christmas", "Second Day of Christmas");
}

/// France (metropolitan): the eleven "jours fériés" of the Code du travail
/// (art. L3133-1). Whit Monday stays a public holiday although many employers use it as
/// the "journée de solidarité".
pub(crate) fn france(days: &mut HolidayYear) {
    days.fixed(1, 1, "new_years_day", "New Year's Day");
    days.easter(1, "easter_monday", "Easter Monday");
    days.fixed(5, 1, "labour_day", "Labour Day");
    days.fixed(5, 8, "victory_in_europe_day", "Victory in Europe Day");
    days.easter(39, "ascension_day", "Ascension Day");
    days.easter(50, "whit_monday", "Whit Monday");
    days.fixed(7, 14, "bastille_day", "Bastille Day");
    days.fixed(8, 15, "assumption_day", "Assumption Day");
    days.fixed(11, 1, "all_saints_day", "All Saints' Day");
    days.fixed(11, 11, "armistice_day", "Armistice Day");
    days.fixed(12, 25, "christmas_day", "Christmas Day");
}

/// Luxembourg: the legal public holidays; Europe Day (9 May) since the law of
/// 19 December 2018, first observed in 2019.
pub(crate) fn luxembourg(days: &mut HolidayYear) {
    days.fixed(1, 1, "new_years_day", "New Year's Day");
    days.easter(1, "easter_monday", "Easter Monday");
    days.fixed(5, 1, "labour_day", "Labour Day");
    if days.year() >= 2019 {
        days.fixed(5, 9, "europe_day", "Europe Day");
    }
    days.easter(39, "ascension_day", "Ascension Day");
    days.easter(50, "whit_monday", "Whit Monday");
    days.fixed(6, 23, "luxembourg_national_day", "National Day");
    days.fixed(8, 15, "assumption_day", "Assumption Day");
    days.fixed(11, 1, "all_saints_day", "All Saints' Day");
    days.fixed(12, 25, "christmas_day", "Christmas Day");
    days.fixed(12, 26, "st_stephens_day", "St Stephen's Day");
}
