//! The status tracker: every event with its date and time, who handles the complaint,
//! each deadline with a count-down, overdue steps marked in words (not only colour),
//! and where the shopper may escalate now or from which date. It refreshes itself while
//! its tab is shown.

mod status;

use std::time::Duration;

use leptos::prelude::*;

use crate::api::{self, ApiError};
use crate::filing::{DateStyle, format_date, format_money};
use crate::messages::{Lang, Messages};
pub use status::{
    AmountLine, DueLine, EscalationLine, TimelineLine, TrackedComplaint, parse_tracking_fragment,
    tracking_fragment,
};

/// How often an open tracker asks the shop for news.
const REFRESH: Duration = Duration::from_secs(30);

/// Follows one complaint, given its reference and private token. `handled_by` names who
/// keeps the deadlines when it is not the shop (a trustmark); every label that names the
/// shop as the one acting then names it instead.
#[component]
pub fn Tracker(
    endpoint: String,
    lang: Lang,
    reference: String,
    token: String,
    #[prop(default = None)] handled_by: Option<String>,
) -> impl IntoView {
    let t = lang.messages();
    let deadlines_title = match &handled_by {
        Some(name) => t.tracker_deadlines_of.replace("{name}", name),
        None => t.tracker_deadlines.to_owned(),
    };
    let failed = Messages::handled_by(t.tracker_failed, t.tracker_failed_of, handled_by.as_deref());
    let handled_by = StoredValue::new(handled_by);
    let complaint = RwSignal::new(None::<Result<TrackedComplaint, ApiError>>);
    let checked_at = RwSignal::new(String::new());
    let url = format!("{endpoint}/complaints/{reference}?token={token}");
    let load = move || {
        let url = url.clone();
        leptos::task::spawn_local(async move {
            let answer = api::get_text(&url)
                .await
                .and_then(|text| TrackedComplaint::from_json(&text).ok_or(ApiError::Malformed));
            // A failed refresh keeps what was shown; only the first load shows the error.
            if answer.is_ok() || complaint.with_untracked(Option::is_none) {
                complaint.set(Some(answer));
            }
            checked_at.set(format_date(
                &crate::filing::now_iso(),
                lang,
                DateStyle::Time,
            ));
        });
    };
    load();
    // A tab in the background asks nothing; coming back to it asks at once, so the
    // shopper never reads news older than the moment they looked.
    let refresh = load.clone();
    let tick = move || {
        if !document().hidden() {
            refresh();
        }
    };
    if let Ok(interval) = set_interval_with_handle(tick, REFRESH) {
        on_cleanup(move || interval.clear());
    }
    let back = load.clone();
    let shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if !document().hidden() {
            back();
        }
    });
    on_cleanup(move || shown.remove());
    let again = load.clone();
    let escalation_failed = RwSignal::new(false);
    let escalate = {
        let (endpoint, reference, token, load) = (
            endpoint.clone(),
            reference.clone(),
            token.clone(),
            load.clone(),
        );
        Callback::new(move |route: String| {
            let (endpoint, reference, token, load) = (
                endpoint.clone(),
                reference.clone(),
                token.clone(),
                load.clone(),
            );
            escalation_failed.set(false);
            leptos::task::spawn_local(async move {
                match api::escalate(&endpoint, &reference, &token, &route).await {
                    Ok(()) => load(),
                    Err(_) => escalation_failed.set(true),
                }
            });
        })
    };
    view! {
        <section class="redress-tracker" aria-labelledby="redress-tracker-title">
            <h3 id="redress-tracker-title" class="redress-tracker-title">
                {t.tracker_title}" "<span class="redress-tracker-reference">{reference.clone()}</span>
            </h3>
            {move || match complaint.get() {
                None => view! { <p class="redress-notice" role="status">{t.tracker_loading}</p> }.into_any(),
                Some(Err(ApiError::Status(404))) => view! {
                    <p class="redress-notice redress-notice-error" role="alert">{t.tracker_not_found}</p>
                }.into_any(),
                Some(Err(_)) => view! {
                    <p class="redress-notice redress-notice-error" role="alert">{failed.clone()}</p>
                }.into_any(),
                Some(Ok(c)) => tracked(t, lang, c, escalate, deadlines_title.clone(), handled_by.get_value()).into_any(),
            }}
            {move || escalation_failed.get().then(|| view! {
                <p class="redress-notice redress-notice-error" role="alert">{t.escalate_failed}</p>
            })}
            <p class="redress-tracker-refresh">
                <button type="button" class="redress-link" on:click=move |_| again()>{t.tracker_refresh}</button>
                <span class="redress-hint">{move || t.tracker_checked_at.replace("{time}", &checked_at.get())}</span>
            </p>
        </section>
    }
}

fn tracked(
    t: &'static Messages,
    lang: Lang,
    c: TrackedComplaint,
    escalate: Callback<String>,
    deadlines_title: String,
    handled_by: Option<String>,
) -> impl IntoView {
    let by = handled_by.as_deref();
    let tracking = c.tracking;
    let day = move |iso: &str| format_date(iso, lang, DateStyle::WeekdayDayMonth);
    let handler = tracking.handler.clone().map(|name| {
        let mut text = t.tracker_handler.replace("{name}", &name);
        if let Some(date) = &tracking.expected_answer_on {
            text.push_str(&t.tracker_expected.replace("{date}", &day(date)));
        }
        text
    });
    let due: Vec<DueLine> = tracking.due_steps.clone();
    let routes: Vec<EscalationLine> = tracking
        .next_steps
        .iter()
        .filter(|r| matches!(r.availability.status.as_str(), "open_now" | "opens_on"))
        .cloned()
        .collect();
    let timeline: Vec<TimelineLine> = tracking.timeline.iter().rev().cloned().collect();
    view! {
        <div role="status" aria-live="polite" class="redress-tracker-status">
            <p>
                {t.tracker_status}" "<strong>{t.state_label_of(&tracking.status, by)}</strong>
                {tracking.overdue.then(|| view! { " "<span class="redress-badge redress-badge-overdue">{t.due_overdue}</span> })}
            </p>
            {handler.map(|text| view! { <p class="redress-tracker-handler">{text}</p> })}
        </div>
        {(!due.is_empty()).then(|| view! {
            <h4>{deadlines_title}</h4>
            <p class="redress-hint">{t.tracker_deadlines_hint}</p>
            <ul class="redress-due">
                {due.into_iter().map(|d| due_line(t, lang, d)).collect_view()}
            </ul>
        })}
        <h4>{t.tracker_history}</h4>
        <ol class="redress-timeline">
            {timeline.into_iter().map(|entry| timeline_line(t, lang, entry, by)).collect_view()}
        </ol>
        {(!routes.is_empty()).then(|| view! {
            <h4>{t.tracker_escalation}</h4>
            <p class="redress-hint">{t.tracker_escalation_intro}</p>
            <ul class="redress-routes">
                {routes.into_iter().map(|r| route_line(t, lang, r, escalate, by)).collect_view()}
            </ul>
        })}
        {(!c.evidence.is_empty()).then(|| view! {
            <h4>{t.done_files}</h4>
            <ul class="redress-digests">
                {c.evidence.into_iter().map(|e| view! {
                    <li><span class="redress-file-name">{e.shown_name().to_owned()}</span>" "<code>{e.sha256}</code></li>
                }).collect_view()}
            </ul>
        })}
    }
}

fn due_line(t: &'static Messages, lang: Lang, due: DueLine) -> impl IntoView {
    let when = format_date(&due.due_on, lang, DateStyle::WeekdayDayMonth);
    let (text, class) = match due.status.as_str() {
        "open" => {
            let left = due.working_days_left.unwrap_or(0);
            let count = match left {
                0 => t.due_today.to_owned(),
                1 => t.due_one_day_left.to_owned(),
                n => t.due_days_left.replace("{n}", &n.to_string()),
            };
            (
                format!("{} · {count}", t.due_by.replace("{date}", &when)),
                "redress-due-open",
            )
        }
        "overdue" => (
            format!("{} · {}", t.due_overdue, t.due_was.replace("{date}", &when)),
            "redress-due-overdue",
        ),
        "met" => (t.due_met.to_owned(), "redress-due-met"),
        "met_late" => (t.due_met_late.replace("{date}", &when), "redress-due-met"),
        "missed" => (t.due_missed.replace("{date}", &when), "redress-due-overdue"),
        _ => (t.due_lapsed.to_owned(), "redress-due-met"),
    };
    view! {
        <li class=format!("redress-due-step {class}")>
            <span class="redress-due-kind">{t.due_kind_label(&due.kind)}</span>
            <span class="redress-due-when">{text}</span>
        </li>
    }
}

fn timeline_line(
    t: &'static Messages,
    lang: Lang,
    entry: TimelineLine,
    by: Option<&str>,
) -> impl IntoView + use<> {
    let when = format_date(&entry.at, lang, DateStyle::DateTime);
    let event = entry.event;
    let day = move |iso: &str| format_date(iso, lang, DateStyle::WeekdayDayMonth);
    let mut details: Vec<String> = Vec::new();
    if let Some(handler) = &event.handler {
        details.push(t.tracker_handler.replace("{name}", handler));
    }
    if let Some(date) = &event.expected_answer_on {
        details.push(t.tracker_answer_by.replace("{date}", &day(date)));
    }
    if let Some(remedy) = &event.remedy {
        let mut text = t.resolution_label(&remedy.kind).to_owned();
        if let Some(money) = remedy.amount.as_ref().and_then(AmountLine::money) {
            text.push_str(&format!(" ({})", format_money(money, lang)));
        }
        details.push(text);
    }
    for text in [&event.message, &event.reasons].into_iter().flatten() {
        details.push(text.clone());
    }
    if let Some(outcome) = &event.outcome {
        details.extend([
            outcome.investigation.clone(),
            outcome.conclusions.clone(),
            outcome.actions.clone(),
        ]);
    }
    if let Some(body) = &event.body {
        details.push(t.route_label_of(body, by));
    }
    let label = t.event_label_of(&event.kind, by);
    view! {
        <li>
            <time datetime=entry.at.clone()>{when}</time>
            <span class="redress-timeline-event">{label}</span>
            {details.into_iter().filter(|d| !d.trim().is_empty()).map(|d| view! { <p class="redress-timeline-detail">{d}</p> }).collect_view()}
        </li>
    }
}

/// One place the shopper may take the complaint; open now, with the button that records
/// it (the board reviews on request; an outside body is recorded once the shopper went).
fn route_line(
    t: &'static Messages,
    lang: Lang,
    route: EscalationLine,
    escalate: Callback<String>,
    by: Option<&str>,
) -> impl IntoView + use<> {
    let open_now = route.availability.status == "open_now";
    let code = route.route.clone();
    let action = if code == "board" {
        t.escalate_board
    } else {
        t.escalate_external
    };
    let name = route
        .name
        .clone()
        .unwrap_or_else(|| t.route_label_of(&route.route, by));
    let when = match (route.availability.status.as_str(), &route.availability.date) {
        ("opens_on", Some(date)) => t.route_opens_on.replace(
            "{date}",
            &format_date(date, lang, DateStyle::WeekdayDayMonth),
        ),
        _ => t.route_open_now.to_owned(),
    };
    view! {
        <li class="redress-route">
            {match route.url {
                Some(url) if url.starts_with("https://") => view! { <a href=url target="_blank" rel="noopener noreferrer">{name}</a> }.into_any(),
                _ => view! { <span>{name}</span> }.into_any(),
            }}
            " · "<span class="redress-route-when">{when}</span>
            {open_now.then(|| view! {
                <button type="button" class="redress-link redress-escalate" on:click=move |_| escalate.run(code.clone())>{action}</button>
            })}
        </li>
    }
}
