//! The inbox: complaints sorted by next due date, filters by state (with counts), reason,
//! handler and overdue, and a search by reference, order number or e-mail. Overdue
//! complaints stand out by colour, a badge and their row's label.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::api::{ApiError, Session};
use crate::device;
use crate::format;
use crate::messages::{Lang, REASON_CODES, STATE_CODES, fill};
use crate::query::InboxQuery;
use crate::wire::InboxEntry;

/// The inbox screen.
#[component]
pub fn Inbox(session: Session, lang: Lang, on_api_error: Callback<ApiError>) -> impl IntoView {
    let t = lang.messages();
    let query = RwSignal::new(InboxQuery::default());
    let search = RwSignal::new(String::new());
    let handler = RwSignal::new(String::new());
    let attempt = RwSignal::new(0u32);
    let list_session = session.clone();
    let entries = LocalResource::new(move || {
        let (q, session) = (query.get(), list_session.clone());
        attempt.track();
        async move { session.inbox(&q).await }
    });
    let counts = LocalResource::new(move || {
        let session = session.clone();
        attempt.track();
        async move { session.counts().await }
    });
    Effect::new(move |_| {
        if let Some(Err(e)) = entries.get() {
            on_api_error.run(e);
        }
    });

    let on_search = move |ev: SubmitEvent| {
        ev.prevent_default();
        query.update(|q| {
            q.search = search.get_untracked();
            q.handler = handler.get_untracked();
        });
    };
    let state_options = move || {
        let c = counts.get().and_then(Result::ok).unwrap_or_default();
        let mut options = vec![
            (String::new(), format!("{} ({})", t.all_states, c.total)),
            ("open".to_owned(), format!("{} ({})", t.open_states, c.open)),
        ];
        options.extend(STATE_CODES.iter().map(|code| {
            (
                (*code).to_owned(),
                format!("{} ({})", t.state(code), c.of(code)),
            )
        }));
        options
    };
    let summary = move || {
        counts.get().and_then(Result::ok).map(|c| {
            fill(
                &fill(
                    &fill(t.counts_summary, "total", &c.total.to_string()),
                    "open",
                    &c.open.to_string(),
                ),
                "overdue",
                &c.overdue.to_string(),
            )
        })
    };

    view! {
        <section class="inbox" aria-labelledby="inbox-title">
            <div class="title-row">
                <h1 id="inbox-title">{t.inbox_title}</h1>
                <p class="counts" aria-live="polite">{summary}</p>
            </div>
            <form class="filters" role="search" aria-label=t.filters_label novalidate on:submit=on_search>
                <div class="field search">
                    <label for="inbox-search">{t.search_label}</label>
                    <input
                        id="inbox-search"
                        type="search"
                        placeholder=t.search_hint
                        prop:value=move || search.get()
                        on:input:target=move |ev| search.set(ev.target().value())
                    />
                </div>
                <div class="field">
                    <label for="inbox-state">{t.state_label}</label>
                    <select
                        id="inbox-state"
                        on:change:target=move |ev| query.update(|q| q.state = ev.target().value())
                    >
                        {move || {
                            let chosen = query.get().state;
                            state_options()
                                .into_iter()
                                .map(|(code, label)| {
                                    let selected = code == chosen;
                                    view! { <option value=code selected=selected>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
                <div class="field">
                    <label for="inbox-reason">{t.reason_label}</label>
                    <select
                        id="inbox-reason"
                        on:change:target=move |ev| query.update(|q| q.reason = ev.target().value())
                    >
                        <option value="" selected=move || query.get().reason.is_empty()>{t.all_reasons}</option>
                        {REASON_CODES
                            .iter()
                            .map(|code| {
                                view! {
                                    <option value=*code selected=move || query.get().reason == *code>{t.reason(code)}</option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="inbox-handler">{t.handler_label}</label>
                    <input
                        id="inbox-handler"
                        type="text"
                        prop:value=move || handler.get()
                        on:input:target=move |ev| handler.set(ev.target().value())
                    />
                </div>
                <div class="field check">
                    <input
                        id="inbox-overdue"
                        type="checkbox"
                        prop:checked=move || query.get().overdue_only
                        on:change:target=move |ev| query.update(|q| q.overdue_only = ev.target().checked())
                    />
                    <label for="inbox-overdue">{t.overdue_only}</label>
                </div>
                <div class="filter-buttons">
                    <button type="submit" class="button primary">{t.search_submit}</button>
                    <Show when=move || query.get().is_filtered()>
                        <button
                            type="button"
                            class="button"
                            on:click=move |_| {
                                search.set(String::new());
                                handler.set(String::new());
                                query.set(InboxQuery::default());
                            }
                        >
                            {t.clear_filters}
                        </button>
                    </Show>
                </div>
            </form>
            {move || match entries.get() {
                None => view! { <p class="loading" role="status">{t.loading}</p> }.into_any(),
                Some(Err(_)) => view! {
                    <div class="notice error" role="alert">
                        <p>{t.load_failed}</p>
                        <button type="button" class="button" on:click=move |_| attempt.update(|n| *n += 1)>{t.retry}</button>
                    </div>
                }
                .into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="empty">{t.inbox_empty}</p> }.into_any(),
                Some(Ok(list)) => view! { <InboxTable entries=list lang=lang/> }.into_any(),
            }}
        </section>
    }
}

/// The complaints as a table (cards on a narrow screen).
#[component]
fn InboxTable(entries: Vec<InboxEntry>, lang: Lang) -> impl IntoView {
    let t = lang.messages();
    let zone = format::shop_zone();
    view! {
        <table class="inbox-table">
            <caption class="visually-hidden">{t.inbox_title}</caption>
            <thead>
                <tr>
                    <th scope="col">{t.col_reference}</th>
                    <th scope="col">{t.col_due}</th>
                    <th scope="col">{t.col_state}</th>
                    <th scope="col">{t.col_reason}</th>
                    <th scope="col">{t.col_order}</th>
                    <th scope="col">{t.col_email}</th>
                    <th scope="col">{t.col_handler}</th>
                </tr>
            </thead>
            <tbody>
                {entries
                    .into_iter()
                    .map(|entry| {
                        let reference = entry.reference.clone();
                        let open = move |ev: leptos::ev::MouseEvent| {
                            ev.prevent_default();
                            device::navigate(Some(&reference));
                        };
                        let due = entry.next_due_at.as_deref().map_or_else(|| t.nothing_due.to_owned(), |due| format::day(due, zone));
                        view! {
                            <tr class:overdue=entry.overdue class:closed=!entry.open>
                                <th scope="row" data-label=t.col_reference>
                                    <a href=crate::device::fragment_for(Some(&entry.reference)) on:click=open class="reference">
                                        {entry.reference.clone()}
                                    </a>
                                    {entry.shop_name.as_deref().map(|shop| view! {
                                        <p class="hint member-shop">{fill(t.inbox_member_shop, "shop", shop)}</p>
                                    })}
                                </th>
                                <td data-label=t.col_due>
                                    {due}
                                    {entry.overdue.then(|| view! { <span class="badge overdue-badge">{t.overdue_badge}</span> })}
                                </td>
                                <td data-label=t.col_state>
                                    <span class=format!("state state-{}", entry.status)>{t.state(&entry.status)}</span>
                                </td>
                                <td data-label=t.col_reason>{entry.reason.as_deref().map(|r| t.reason(r)).unwrap_or_default()}</td>
                                <td data-label=t.col_order>{entry.order_number.clone().unwrap_or_default()}</td>
                                <td data-label=t.col_email class="email">{entry.email.clone().unwrap_or_default()}</td>
                                <td data-label=t.col_handler>{entry.handler.clone().unwrap_or_else(|| t.nobody_yet.to_owned())}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
