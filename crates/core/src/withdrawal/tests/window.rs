use super::*;
use crate::withdrawal::{WithdrawalWindow, refund_deadline, withdrawal_window};

/// The window at `now` for a delivery on `delivered`, under `policy`.
fn at(policy: &ComplaintPolicy, delivered: NaiveDate, now: DateTime<Utc>) -> WithdrawalWindow {
    withdrawal_window(Some(delivered), policy, now)
}

#[test]
fn summer_last_day_is_open_at_local_235959_and_closed_at_local_midnight() {
    // Amsterdam in July is UTC+2: local midnight after 15 July is 22:00 UTC.
    let p = ComplaintPolicy::default();
    let delivered = date(2026, 7, 1);
    let last_day = date(2026, 7, 15);
    let ends_at = utc(2026, 7, 15, 21, 59, 59);
    assert_eq!(
        at(&p, delivered, ends_at),
        WithdrawalWindow::Open { last_day, ends_at }
    );
    assert_eq!(
        at(&p, delivered, utc(2026, 7, 15, 22, 0, 0)),
        WithdrawalWindow::Closed { last_day }
    );
}

#[test]
fn winter_last_day_is_open_at_local_235959_and_closed_at_local_midnight() {
    // Amsterdam in December is UTC+1: local midnight after 3 December is 23:00 UTC.
    let p = ComplaintPolicy::default();
    let delivered = date(2026, 11, 19);
    let last_day = date(2026, 12, 3);
    let ends_at = utc(2026, 12, 3, 22, 59, 59);
    assert_eq!(
        at(&p, delivered, ends_at),
        WithdrawalWindow::Open { last_day, ends_at }
    );
    assert_eq!(
        at(&p, delivered, utc(2026, 12, 3, 23, 0, 0)),
        WithdrawalWindow::Closed { last_day }
    );
}

#[test]
fn the_shops_time_zone_decides_the_instant_not_utc() {
    // Helsinki is UTC+3 in summer: the last day ends at 20:59:59 UTC, when it is still
    // the last day in UTC and in Amsterdam.
    let p = policy(r#"{"shop": {"country": "FI", "time_zone": "Europe/Helsinki"}}"#);
    let delivered = date(2026, 7, 1);
    assert!(at(&p, delivered, utc(2026, 7, 15, 20, 59, 59)).is_open());
    assert!(!at(&p, delivered, utc(2026, 7, 15, 21, 0, 0)).is_open());
    // Dublin is UTC+0 in winter: open until 23:59:59 UTC.
    let p = policy(r#"{"shop": {"country": "IE", "time_zone": "Europe/Dublin"}}"#);
    let delivered = date(2026, 11, 19);
    assert!(at(&p, delivered, utc(2026, 12, 3, 23, 59, 59)).is_open());
    assert!(!at(&p, delivered, utc(2026, 12, 4, 0, 0, 0)).is_open());
}

#[test]
fn a_period_spanning_the_autumn_clock_change_ends_at_winter_midnight() {
    let p = ComplaintPolicy::default();
    // Delivered in summer time (20 October), last day 3 November in winter time.
    let window = at(&p, date(2026, 10, 20), utc(2026, 10, 21, 12, 0, 0));
    assert_eq!(
        window,
        WithdrawalWindow::Open {
            last_day: date(2026, 11, 3),
            ends_at: utc(2026, 11, 3, 22, 59, 59)
        }
    );
}

#[test]
fn the_period_counts_from_the_day_after_delivery() {
    let p = ComplaintPolicy::default();
    let window = at(&p, date(2026, 6, 19), utc(2026, 6, 19, 10, 0, 0));
    assert_eq!(window.last_day(), Some(date(2026, 7, 3)));
}

#[test]
fn a_shop_giving_more_than_the_law_extends_the_last_day() {
    let days = policy(r#"{"windows": {"return_or_withdrawal": {"days": 30}}}"#);
    let delivered = date(2026, 11, 1);
    assert_eq!(
        at(&days, delivered, utc(2026, 12, 1, 12, 0, 0)).last_day(),
        Some(date(2026, 12, 1))
    );
    assert!(at(&days, delivered, utc(2026, 12, 1, 12, 0, 0)).is_open());
    assert!(
        !at(
            &ComplaintPolicy::default(),
            delivered,
            utc(2026, 12, 1, 12, 0, 0)
        )
        .is_open()
    );
    let months = policy(r#"{"windows": {"return_or_withdrawal": {"months": 2}}}"#);
    assert_eq!(
        at(&months, date(2026, 12, 31), utc(2027, 1, 1, 0, 0, 0)).last_day(),
        Some(date(2027, 2, 28))
    );
}

#[test]
fn not_delivered_yet_is_open_without_a_last_day() {
    let window = withdrawal_window(
        None,
        &ComplaintPolicy::default(),
        utc(2026, 11, 21, 12, 0, 0),
    );
    assert_eq!(window, WithdrawalWindow::NotStarted);
    assert!(window.is_open());
    assert_eq!(window.last_day(), None);
}

#[test]
fn windows_serialize_with_a_status_tag() {
    let p = ComplaintPolicy::default();
    let open = at(&p, date(2026, 11, 19), utc(2026, 11, 21, 12, 0, 0));
    assert_eq!(
        serde_json::to_value(open).unwrap(),
        serde_json::json!({"status": "open", "last_day": "2026-12-03", "ends_at": "2026-12-03T22:59:59Z"})
    );
    assert_eq!(
        serde_json::to_value(WithdrawalWindow::NotStarted).unwrap(),
        serde_json::json!({"status": "not_started"})
    );
}

#[test]
fn the_refund_deadline_is_14_calendar_days_after_receipt_or_the_shops_shorter_one() {
    let received = date(2026, 12, 20);
    assert_eq!(
        refund_deadline(received, &ComplaintPolicy::default()),
        Some(date(2027, 1, 3))
    );
    let fast = policy(r#"{"withdrawal": {"refund_days": 5}}"#);
    assert_eq!(refund_deadline(received, &fast), Some(date(2026, 12, 25)));
    assert_eq!(refund_deadline(NaiveDate::MAX, &fast), None);
}
