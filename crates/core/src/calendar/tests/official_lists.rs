//! Holidays checked against the official lists (rijksoverheid.nl, belgium.be,
//! bmi.bund.de, service-public.fr, guichet.lu, gov.uk), typed in by hand.

use chrono::Datelike;

use super::*;

/// Month, day, code.
type Expected = (u32, u32, &'static str);

fn assert_holidays(country: Country, year: i32, expected: &[Expected]) {
    let actual: Vec<(u32, u32, &str)> = calendar(country)
        .holidays(year)
        .iter()
        .map(|h| (h.date().month(), h.date().day(), h.code()))
        .collect();
    assert_eq!(actual, expected, "{country} {year}");
}

#[test]
fn netherlands_matches_the_official_lists() {
    use Country::NL;
    let common_end = [
        (12, 25, "christmas_day"),
        (12, 26, "second_day_of_christmas"),
    ];
    let year = |y,
                good_friday: (u32, u32),
                easter_monday: (u32, u32),
                kings_day: (u32, u32),
                ascension: (u32, u32),
                whit: (u32, u32)| {
        let mut list = vec![
            (1, 1, "new_years_day"),
            (good_friday.0, good_friday.1, "good_friday"),
            (easter_monday.0, easter_monday.1, "easter_monday"),
            (kings_day.0, kings_day.1, "kings_day"),
            (5, 5, "liberation_day"),
            (ascension.0, ascension.1, "ascension_day"),
            (whit.0, whit.1, "whit_monday"),
        ];
        list.sort_by_key(|&(m, d, _)| (m, d));
        list.extend(common_end);
        assert_holidays(NL, y, &list);
    };
    year(2024, (3, 29), (4, 1), (4, 27), (5, 9), (5, 20));
    // 27 April 2025 is a Sunday: King's Day moves to Saturday the 26th.
    year(2025, (4, 18), (4, 21), (4, 26), (5, 29), (6, 9));
    year(2026, (4, 3), (4, 6), (4, 27), (5, 14), (5, 25));
    year(2014, (4, 18), (4, 21), (4, 26), (5, 29), (6, 9));
}

#[test]
fn netherlands_before_2014_had_queens_day_moved_off_sundays() {
    let nl = calendar(Country::NL);
    assert_eq!(
        nl.holiday_on(date(2006, 4, 29)).unwrap().code(),
        "queens_day"
    );
    assert_eq!(
        nl.holiday_on(date(2013, 4, 30)).unwrap().name(),
        "Queen's Day"
    );
    assert!(nl.holiday_on(date(2014, 4, 30)).is_none());
}

#[test]
fn coinciding_holidays_are_both_listed_but_skipped_once() {
    let nl = calendar(Country::NL);
    let on_fifth_may: Vec<_> = nl
        .holidays(2016)
        .into_iter()
        .filter(|h| h.date() == date(2016, 5, 5))
        .map(|h| h.code())
        .collect();
    assert_eq!(on_fifth_may, ["liberation_day", "ascension_day"]);
    // Wednesday 4 May to Friday 6 May 2016: only the Friday is a working day.
    assert_eq!(
        nl.working_days_between(date(2016, 5, 4), date(2016, 5, 6)),
        1
    );
    assert_eq!(nl.add_working_days(date(2016, 5, 4), 1), date(2016, 5, 6));
}

#[test]
fn belgium_matches_the_official_lists() {
    let list = |em: (u32, u32), asc: (u32, u32), whit: (u32, u32)| {
        let mut list = vec![
            (1, 1, "new_years_day"),
            (em.0, em.1, "easter_monday"),
            (5, 1, "labour_day"),
            (asc.0, asc.1, "ascension_day"),
            (whit.0, whit.1, "whit_monday"),
            (7, 21, "belgian_national_day"),
            (8, 15, "assumption_day"),
            (11, 1, "all_saints_day"),
            (11, 11, "armistice_day"),
            (12, 25, "christmas_day"),
        ];
        list.sort_by_key(|&(m, d, _)| (m, d));
        list
    };
    assert_holidays(Country::BE, 2024, &list((4, 1), (5, 9), (5, 20)));
    assert_holidays(Country::BE, 2025, &list((4, 21), (5, 29), (6, 9)));
    assert_holidays(Country::BE, 2026, &list((4, 6), (5, 14), (5, 25)));
}

#[test]
fn germany_matches_the_nationwide_lists() {
    let list = |gf: (u32, u32), em: (u32, u32), asc: (u32, u32), whit: (u32, u32)| {
        vec![
            (1, 1, "new_years_day"),
            (gf.0, gf.1, "good_friday"),
            (em.0, em.1, "easter_monday"),
            (5, 1, "labour_day"),
            (asc.0, asc.1, "ascension_day"),
            (whit.0, whit.1, "whit_monday"),
            (10, 3, "german_unity_day"),
            (12, 25, "christmas_day"),
            (12, 26, "second_day_of_christmas"),
        ]
    };
    assert_holidays(Country::DE, 2024, &list((3, 29), (4, 1), (5, 9), (5, 20)));
    assert_holidays(Country::DE, 2025, &list((4, 18), (4, 21), (5, 29), (6, 9)));
    assert_holidays(Country::DE, 2026, &list((4, 3), (4, 6), (5, 14), (5, 25)));
    let de = calendar(Country::DE);
    assert_eq!(
        de.holiday_on(date(2017, 10, 31)).unwrap().code(),
        "reformation_day"
    );
    assert!(de.is_working_day(date(2018, 10, 31)));
    assert!(de.is_working_day(date(2016, 10, 31)));
}

#[test]
fn france_matches_the_official_lists() {
    let list = |em: (u32, u32), asc: (u32, u32), whit: (u32, u32)| {
        let mut list = vec![
            (1, 1, "new_years_day"),
            (em.0, em.1, "easter_monday"),
            (5, 1, "labour_day"),
            (5, 8, "victory_in_europe_day"),
            (asc.0, asc.1, "ascension_day"),
            (whit.0, whit.1, "whit_monday"),
            (7, 14, "bastille_day"),
            (8, 15, "assumption_day"),
            (11, 1, "all_saints_day"),
            (11, 11, "armistice_day"),
            (12, 25, "christmas_day"),
        ];
        list.sort_by_key(|&(m, d, _)| (m, d));
        list
    };
    assert_holidays(Country::FR, 2024, &list((4, 1), (5, 9), (5, 20)));
    assert_holidays(Country::FR, 2025, &list((4, 21), (5, 29), (6, 9)));
    assert_holidays(Country::FR, 2026, &list((4, 6), (5, 14), (5, 25)));
}

#[test]
fn luxembourg_matches_the_official_lists() {
    let list = |em: (u32, u32), asc: (u32, u32), whit: (u32, u32)| {
        let mut list = vec![
            (1, 1, "new_years_day"),
            (em.0, em.1, "easter_monday"),
            (5, 1, "labour_day"),
            (5, 9, "europe_day"),
            (asc.0, asc.1, "ascension_day"),
            (whit.0, whit.1, "whit_monday"),
            (6, 23, "luxembourg_national_day"),
            (8, 15, "assumption_day"),
            (11, 1, "all_saints_day"),
            (12, 25, "christmas_day"),
            (12, 26, "st_stephens_day"),
        ];
        list.sort_by_key(|&(m, d, _)| (m, d));
        list
    };
    // In 2024 Ascension Day fell on Europe Day.
    assert_holidays(Country::LU, 2024, &list((4, 1), (5, 9), (5, 20)));
    assert_holidays(Country::LU, 2025, &list((4, 21), (5, 29), (6, 9)));
    assert_holidays(Country::LU, 2026, &list((4, 6), (5, 14), (5, 25)));
    let lu = calendar(Country::LU);
    assert!(lu.is_working_day(date(2018, 5, 9)));
    assert!(!lu.is_working_day(date(2019, 5, 9)));
}

#[test]
fn england_and_wales_match_the_gov_uk_lists() {
    use Country::GB;
    #[rustfmt::skip]
    let years: [(i32, &[Expected]); 8] = [
        (2011, &[(1, 3, "new_years_day_substitute"), (4, 22, "good_friday"), (4, 25, "easter_monday"),
            (4, 29, "royal_wedding"), (5, 2, "early_may_bank_holiday"), (5, 30, "spring_bank_holiday"),
            (8, 29, "summer_bank_holiday"), (12, 26, "boxing_day"), (12, 27, "christmas_day_substitute")]),
        (2012, &[(1, 2, "new_years_day_substitute"), (4, 6, "good_friday"), (4, 9, "easter_monday"),
            (5, 7, "early_may_bank_holiday"), (6, 4, "spring_bank_holiday"), (6, 5, "diamond_jubilee"),
            (8, 27, "summer_bank_holiday"), (12, 25, "christmas_day"), (12, 26, "boxing_day")]),
        (2020, &[(1, 1, "new_years_day"), (4, 10, "good_friday"), (4, 13, "easter_monday"),
            (5, 8, "early_may_bank_holiday"), (5, 25, "spring_bank_holiday"),
            (8, 31, "summer_bank_holiday"), (12, 25, "christmas_day"), (12, 28, "boxing_day_substitute")]),
        (2021, &[(1, 1, "new_years_day"), (4, 2, "good_friday"), (4, 5, "easter_monday"),
            (5, 3, "early_may_bank_holiday"), (5, 31, "spring_bank_holiday"), (8, 30, "summer_bank_holiday"),
            (12, 27, "christmas_day_substitute"), (12, 28, "boxing_day_substitute")]),
        (2022, &[(1, 3, "new_years_day_substitute"), (4, 15, "good_friday"), (4, 18, "easter_monday"),
            (5, 2, "early_may_bank_holiday"), (6, 2, "spring_bank_holiday"), (6, 3, "platinum_jubilee"),
            (8, 29, "summer_bank_holiday"), (9, 19, "state_funeral"), (12, 26, "boxing_day"),
            (12, 27, "christmas_day_substitute")]),
        (2023, &[(1, 2, "new_years_day_substitute"), (4, 7, "good_friday"), (4, 10, "easter_monday"),
            (5, 1, "early_may_bank_holiday"), (5, 8, "coronation"), (5, 29, "spring_bank_holiday"),
            (8, 28, "summer_bank_holiday"), (12, 25, "christmas_day"), (12, 26, "boxing_day")]),
        (2024, &[(1, 1, "new_years_day"), (3, 29, "good_friday"), (4, 1, "easter_monday"),
            (5, 6, "early_may_bank_holiday"), (5, 27, "spring_bank_holiday"), (8, 26, "summer_bank_holiday"),
            (12, 25, "christmas_day"), (12, 26, "boxing_day")]),
        (2026, &[(1, 1, "new_years_day"), (4, 3, "good_friday"), (4, 6, "easter_monday"),
            (5, 4, "early_may_bank_holiday"), (5, 25, "spring_bank_holiday"), (8, 31, "summer_bank_holiday"),
            (12, 25, "christmas_day"), (12, 28, "boxing_day_substitute")]),
    ];
    for (year, expected) in years {
        assert_holidays(GB, year, expected);
    }
    #[rustfmt::skip]
    assert_holidays(GB, 2025, &[(1, 1, "new_years_day"), (4, 18, "good_friday"), (4, 21, "easter_monday"),
        (5, 5, "early_may_bank_holiday"), (5, 26, "spring_bank_holiday"), (8, 25, "summer_bank_holiday"),
        (12, 25, "christmas_day"), (12, 26, "boxing_day")]);
    let gb = calendar(GB);
    assert_eq!(
        gb.holiday_on(date(2002, 6, 3)).unwrap().code(),
        "golden_jubilee"
    );
    assert_eq!(
        gb.holiday_on(date(2002, 6, 4)).unwrap().code(),
        "spring_bank_holiday"
    );
    assert!(gb.is_working_day(date(2002, 5, 27)));
    assert_eq!(
        gb.holiday_on(date(1995, 5, 8)).unwrap().code(),
        "early_may_bank_holiday"
    );
    assert!(gb.is_working_day(date(1995, 5, 1)));
}

#[test]
fn unsupported_countries_are_refused_by_name() {
    for country in Country::ALL {
        let result = WorkingCalendar::for_country(country);
        if WorkingCalendar::SUPPORTED.contains(&country) {
            assert_eq!(result.unwrap().country(), country);
        } else {
            let err = result.unwrap_err();
            assert_eq!(err, CalendarError::UnsupportedCountry(country));
            assert!(err.to_string().contains(country.code()));
        }
    }
}
