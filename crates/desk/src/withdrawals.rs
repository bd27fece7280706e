//! Withdrawals (Art. 11a CRD) apart from complaints: who withdrew from which order, when
//! exactly, and the 14-day refund deadline counted down like the complaints' deadlines.

use chrono::NaiveDate;
use leptos::prelude::*;
use redress_core::calendar::parse_iso_date;

use crate::api::{ApiError, Session};
use crate::device;
use crate::format;
use crate::messages::{Lang, fill};
use crate::wire::WithdrawalEntry;

/// Days from `today` to the refund deadline; negative once it has passed.
pub fn days_left(refund_due: &str, today: NaiveDate) -> Option<i64> {
    let due = parse_iso_date(refund_due.get(..10)?)?;
    Some((due - today).num_days())
}

/// The withdrawals list, the nearest refund deadline first.
#[component]
pub fn Withdrawals(
    session: Session,
    lang: Lang,
    on_api_error: Callback<ApiError>,
) -> impl IntoView {
    let t = lang.messages();
    let list = RwSignal::new(None::<Result<Vec<WithdrawalEntry>, ApiError>>);
    let attempt = RwSignal::new(0u32);
    Effect::new(move |_| {
        attempt.track();
        let session = session.clone();
        leptos::task::spawn_local(async move {
            let mut answer = session.withdrawals().await;
            if let Err(e) = &answer {
                on_api_error.run(e.clone());
            }
            if let Ok(entries) = &mut answer {
                entries.sort_by(|a, b| a.refund_due.cmp(&b.refund_due));
            }
            list.set(Some(answer));
        });
    });
    view! {
        <section class="inbox" aria-labelledby="withdrawals-title">
            <div class="title-row">
                <h1 id="withdrawals-title">{t.withdrawals_title}</h1>
            </div>
            <p class="hint">{t.withdrawals_intro}</p>
            {move || match list.get() {
                None => view! { <p class="loading" role="status">{t.loading}</p> }.into_any(),
                Some(Err(_)) => view! {
                    <div class="notice error" role="alert">
                        <p>{t.network_failed}</p>
                        <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>{t.retry}</button>
                    </div>
                }.into_any(),
                Some(Ok(entries)) if entries.is_empty() => view! { <p class="empty">{t.withdrawals_empty}</p> }.into_any(),
                Some(Ok(entries)) => withdrawals_table(entries, lang).into_any(),
            }}
        </section>
    }
}

fn withdrawals_table(entries: Vec<WithdrawalEntry>, lang: Lang) -> impl IntoView {
    let t = lang.messages();
    let zone = format::shop_zone();
    let today = device::today(zone);
    view! {
        <table class="inbox-table withdrawals-table">
            <caption class="visually-hidden">{t.withdrawals_title}</caption>
            <thead>
                <tr>
                    <th scope="col">{t.col_reference}</th>
                    <th scope="col">{t.col_refund_due}</th>
                    <th scope="col">{t.col_received}</th>
                    <th scope="col">{t.col_order}</th>
                    <th scope="col">{t.col_items}</th>
                    <th scope="col">{t.col_email}</th>
                </tr>
            </thead>
            <tbody>
                {entries.into_iter().map(|entry| {
                    let left = match days_left(&entry.refund_due, today) {
                        Some(n) if n < 0 => None,
                        Some(0) => Some(t.refund_today.to_owned()),
                        Some(n) => Some(fill(t.refund_days_left, "n", &n.to_string())),
                        None => None,
                    };
                    let items = entry.items().join(", ");
                    view! {
                        <tr class:overdue=entry.overdue>
                            <th scope="row" data-label=t.col_reference><span class="reference">{entry.reference.clone()}</span></th>
                            <td data-label=t.col_refund_due>
                                <span>
                                    {format::day(&entry.refund_due, zone)}
                                    {left.map(|text| view! { " · "{text} })}
                                    {entry.overdue.then(|| view! { " "<span class="badge overdue-badge">{t.overdue_badge}</span> })}
                                </span>
                            </td>
                            <td data-label=t.col_received>{format::instant(&entry.received_at, zone)}</td>
                            <td data-label=t.col_order>{entry.order_number.clone().unwrap_or_else(|| t.typed_contract.to_owned())}</td>
                            <td data-label=t.col_items>{items}</td>
                            <td data-label=t.col_email class="email">{entry.email.clone()}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_refund_deadline_counts_calendar_days_and_goes_negative_once_passed() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
        assert_eq!(days_left("2026-12-05", today), Some(14));
        assert_eq!(days_left("2026-11-21", today), Some(0));
        assert_eq!(days_left("2026-11-20", today), Some(-1));
        assert_eq!(days_left("soon", today), None);
    }
}
