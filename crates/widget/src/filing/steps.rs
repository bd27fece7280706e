//! The views of each step. Strings come from the catalogue; rules from the core crate.

use chrono::NaiveDate;
use leptos::prelude::*;
use redress_core::calendar::parse_iso_date;
use redress_core::domain::{ComplaintReason, Money, ResolutionKind};
use redress_core::draft::ComplaintDraft;
use redress_core::policy::WindowStatus;

use super::Form;
use super::device::{self, DateStyle};
use super::state::Step;
use crate::api::Filed;
use crate::find_order::focus_target;
use crate::input_field::{InputSpec, input_field};
use crate::messages::{Lang, Messages};
use crate::tracker::{Tracker, tracking_fragment};

/// The error summary at the top of the step, each entry a link to its field.
pub fn summary(form: Form) -> impl IntoView {
    let t = form.t;
    view! {
        <Show when=move || form.errors.with(|e| !e.is_empty())>
            <div class="redress-summary" role="alert" tabindex="-1" node_ref=form.summary>
                <p class="redress-summary-title">{t.error_summary_title}</p>
                <ul>
                    {move || form.errors.get().into_iter().map(|e| {
                        let text = t.field_error(&e.code);
                        match e.input_id() {
                            Some(id) => view! { <li><a href=format!("#{id}") on:click=focus_target(id)>{text}</a></li> }.into_any(),
                            None => view! { <li>{text}</li> }.into_any(),
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

pub(super) fn error_line(form: Form, field: &'static str, id: &'static str) -> impl IntoView {
    move || {
        form.error_for(field)
            .map(|text| view! { <p class="redress-error" id=format!("{id}-error")>{text}</p> })
    }
}

fn described_by(form: Form, field: &'static str, id: &'static str) -> impl Fn() -> String {
    move || match form.error_for(field) {
        Some(_) => format!("{id}-hint {id}-error"),
        None => format!("{id}-hint"),
    }
}

/// A radio group in a fieldset: one option per code, with an optional note under it.
fn radios(
    form: Form,
    name: &'static str,
    field: &'static str,
    legend: String,
    options: Vec<(&'static str, &'static str, Option<String>)>,
    get: fn(&ComplaintDraft) -> &str,
    set: fn(&mut ComplaintDraft, &str),
) -> impl IntoView {
    let error_id = format!("redress-{name}-error");
    view! {
        <fieldset class="redress-fieldset" class:redress-invalid=move || form.error_for(field).is_some()>
            <legend>{legend}</legend>
            {error_line(form, field, match name {
                "reason" => "redress-reason",
                "resolution" => "redress-resolution",
                _ => "redress-channel",
            })}
            {options.into_iter().enumerate().map(|(i, (code, label, note))| {
                let id = format!("redress-{name}-{i}");
                let note_id = format!("{id}-note");
                let has_note = note.is_some();
                let error_id = error_id.clone();
                view! {
                    <div class="redress-choice">
                        <input
                            type="radio"
                            id=id.clone()
                            name=format!("redress-{name}")
                            value=code
                            prop:checked=move || form.filing.with(|f| get(&f.draft) == code)
                            aria-describedby=move || {
                                let mut ids = Vec::new();
                                if has_note { ids.push(note_id.clone()); }
                                if form.error_for(field).is_some() { ids.push(error_id.clone()); }
                                (!ids.is_empty()).then(|| ids.join(" "))
                            }
                            on:change=move |_| form.update(|d| set(d, code))
                        />
                        <label for=id.clone()>
                            {label}
                            {note.map(|n| view! { <span class="redress-choice-note" id=format!("{id}-note")>{n}</span> })}
                        </label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

fn delivered(draft: &ComplaintDraft) -> Option<NaiveDate> {
    parse_iso_date(draft.delivery_date.get(..10)?)
}

/// "What went wrong": reason (with its window), items, incident date, description.
pub fn what(form: Form) -> impl IntoView {
    let t = form.t;
    let lang = form.lang;
    let (reasons, bounds) = form.policy.with_value(|p| {
        let delivered_on = form.filing.with_untracked(|f| delivered(&f.draft));
        let now = device::now();
        let reasons: Vec<_> = p
            .reasons
            .iter()
            .map(|r| {
                let note = delivered_on.and_then(|d| match p.window_status(*r, d, now) {
                    WindowStatus::Open { last_day } => Some(t.window_open.replace(
                        "{date}",
                        &device::format_date(&last_day.to_string(), lang, DateStyle::DayMonthYear),
                    )),
                    WindowStatus::Closed { last_day } => Some(t.window_closed.replace(
                        "{date}",
                        &device::format_date(&last_day.to_string(), lang, DateStyle::DayMonthYear),
                    )),
                    WindowStatus::Unlimited => None,
                });
                (r.code(), t.reason_label(r.code()), note)
            })
            .collect();
        (reasons, (p.description.min_chars, p.description.max_chars))
    });
    let items = form.filing.with_untracked(|f| f.order.items.clone());
    // The shop's date: the day the core crate judges "in the future" by.
    let today = form
        .policy
        .with_value(|p| p.today(device::now()))
        .to_string();
    let (min, max) = bounds;
    let hint = t
        .description_hint
        .replace("{min}", &min.to_string())
        .replace("{max}", &max.to_string());
    view! {
        {radios(form, "reason", "reason", t.reason_legend.to_owned(), reasons, |d| &d.reason, |d, c| d.reason = c.to_owned())}
        {if items.is_empty() {
            // No order was looked up, or the shop's answer listed no items: the shopper
            // names the product, so a policy that asks for items can still be met.
            draft_input(form, "items", InputSpec::text("redress-item-0", t.items_legend), |d| d.items.join(", "), |d, v| d.items = if v.is_empty() { Vec::new() } else { vec![v] })
        } else {
            view! {
                <fieldset class="redress-fieldset" class:redress-invalid=move || form.error_for("items").is_some()>
                    <legend>{t.items_legend}</legend>
                    <p class="redress-hint" id="redress-items-hint">{t.items_hint}</p>
                    {error_line(form, "items", "redress-items")}
                    {items.into_iter().enumerate().map(|(i, item)| {
                        let id = format!("redress-item-{i}");
                        let name = item.name.clone();
                        let checked_name = item.name.clone();
                        view! {
                            <div class="redress-choice">
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    aria-describedby="redress-items-hint"
                                    prop:checked=move || form.filing.with(|f| f.draft.items.contains(&checked_name))
                                    on:change:target=move |ev| {
                                        let on = ev.target().checked();
                                        let name = name.clone();
                                        form.update(move |d| {
                                            d.items.retain(|n| *n != name);
                                            if on { d.items.push(name); }
                                        });
                                    }
                                />
                                <label for=id>{item.quantity}"× "{item.name}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            }
            .into_any()
        }}
        <div class="redress-field" class:redress-invalid=move || form.error_for("incident_date").is_some()>
            <label for="redress-incident-date">{t.incident_date_label}</label>
            <p class="redress-hint" id="redress-incident-date-hint">{t.incident_date_hint}</p>
            <input
                id="redress-incident-date"
                type="date"
                max=today
                aria-invalid=move || form.error_for("incident_date").is_some().to_string()
                aria-describedby=described_by(form, "incident_date", "redress-incident-date")
                prop:value=move || form.filing.with(|f| f.draft.incident_date.clone())
                on:input:target=move |ev| { let v = ev.target().value(); form.update(|d| d.incident_date = v) }
            />
            {error_line(form, "incident_date", "redress-incident-date")}
        </div>
        <div class="redress-field" class:redress-invalid=move || form.error_for("description").is_some()>
            <label for="redress-description">{t.description_label}</label>
            <p class="redress-hint" id="redress-description-hint">{hint}</p>
            <textarea
                id="redress-description"
                rows="6"
                aria-invalid=move || form.error_for("description").is_some().to_string()
                aria-describedby=move || {
                    let base = described_by(form, "description", "redress-description")();
                    format!("{base} redress-description-count")
                }
                prop:value=move || form.filing.with(|f| f.draft.description.clone())
                on:input:target=move |ev| { let v = ev.target().value(); form.update(|d| d.description = v) }
            ></textarea>
            <p class="redress-count" id="redress-description-count">
                {move || {
                    let n = form.filing.with(|f| f.draft.description.trim().chars().count());
                    t.description_count.replace("{n}", &n.to_string()).replace("{max}", &max.to_string())
                }}
            </p>
            {error_line(form, "description", "redress-description")}
        </div>
    }
}

/// "What you want": the resolution and, for compensation, the amount.
pub fn want(form: Form) -> impl IntoView {
    let t = form.t;
    let options = form.policy.with_value(|p| {
        p.resolutions
            .iter()
            .map(|r| (r.code(), t.resolution_label(r.code()), None))
            .collect::<Vec<_>>()
    });
    let needs_amount = move || {
        form.filing.with(|f| {
            ResolutionKind::parse_code(&f.draft.resolution)
                .is_some_and(ResolutionKind::needs_amount)
        })
    };
    view! {
        {radios(form, "resolution", "resolution", t.resolution_legend.to_owned(), options, |d| &d.resolution, |d, c| d.resolution = c.to_owned())}
        <Show when=needs_amount>
            {draft_input(form, "amount", InputSpec::text("redress-amount", t.amount_label).hint(t.amount_hint).mode("decimal"), |d| d.amount.clone(), |d, v| d.amount = v)}
        </Show>
    }
}

/// A text input bound to one field of the draft, showing that field's error.
fn draft_input(
    form: Form,
    field: &'static str,
    spec: InputSpec,
    get: fn(&ComplaintDraft) -> String,
    set: fn(&mut ComplaintDraft, String),
) -> AnyView {
    input_field(
        spec,
        Signal::derive(move || form.filing.with(|f| get(&f.draft))),
        Callback::new(move |v: String| form.update(|d| set(d, v))),
        Signal::derive(move || form.error_for(field)),
        None,
    )
}

/// "Contact": e-mail (pre-filled), phone, preferred channel, and what we do with them.
pub fn contact(form: Form) -> impl IntoView {
    let t = form.t;
    let channels = vec![
        ("", t.channel_any, None),
        ("email", t.channel_email, None),
        ("phone", t.channel_phone, None),
    ];
    // With a trustmark it is the trustmark that contacts the shopper and holds the details.
    let (legend, consent) = form.handled_by.with_value(|handler| match handler {
        Some(name) => (
            t.channel_legend_of.replace("{name}", name),
            t.consent_of.replace("{name}", name),
        ),
        None => (t.channel_legend.to_owned(), t.consent.to_owned()),
    });
    view! {
        {draft_input(form, "contact.email", InputSpec::text("redress-contact-email", t.email_label).hint(t.contact_email_hint).kind("email", "email"), |d| d.email.clone(), |d, v| d.email = v)}
        {draft_input(form, "contact.phone", InputSpec::text("redress-phone", t.phone_label).hint(t.phone_hint).kind("tel", "tel"), |d| d.phone.clone(), |d, v| d.phone = v)}
        {radios(form, "channel", "contact.preferred_channel", legend, channels, |d| &d.preferred_channel, |d, c| d.preferred_channel = c.to_owned())}
        <p class="redress-consent">{consent}</p>
    }
}

/// "Review": everything on one screen, each part with a way back to change it.
pub fn review(form: Form) -> impl IntoView {
    let t = form.t;
    let d = form.filing.with_untracked(|f| f.draft.clone());
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            t.not_given.to_owned()
        } else {
            s.trim().to_owned()
        }
    };
    let reason =
        ComplaintReason::parse_code(&d.reason).map_or(t.not_given, |r| t.reason_label(r.code()));
    let resolution = ResolutionKind::parse_code(&d.resolution);
    let wanted = match resolution {
        Some(r) if r.needs_amount() => {
            let currency = form.policy.with_value(|p| p.shop.currency);
            let amount = Money::parse_decimal(&d.amount, currency).map_or_else(
                |_| d.amount.trim().to_owned(),
                |m| device::format_money(m, form.lang),
            );
            format!("{} ({amount})", t.resolution_label(r.code()))
        }
        Some(r) => t.resolution_label(r.code()).to_owned(),
        None => t.not_given.to_owned(),
    };
    let channel = match d.preferred_channel.as_str() {
        "email" => t.channel_email,
        "phone" => t.channel_phone,
        _ => t.channel_any,
    };
    let incident = if d.incident_date.is_empty() {
        t.not_given.to_owned()
    } else {
        device::format_date(&d.incident_date, form.lang, DateStyle::WeekdayDayMonth)
    };
    let files: Vec<(String, String)> = form.filing.with_untracked(|f| {
        f.evidence
            .iter()
            .map(|e| (e.file.file_name.clone(), e.file.media_type.clone()))
            .collect()
    });
    let files = if files.is_empty() {
        vec![(t.evidence_list.to_owned(), t.evidence_none.to_owned())]
    } else {
        files
    };
    let part = move |title: &'static str, step: Step, rows: Vec<(String, String)>| {
        view! {
            <section class="redress-review-part">
                <div class="redress-review-head">
                    <h4>{title}</h4>
                    <button type="button" class="redress-link" on:click=move |_| form.go(step)>
                        {t.change}<span class="redress-visually-hidden">": "{title}</span>
                    </button>
                </div>
                <dl class="redress-review-list">
                    {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                </dl>
            </section>
        }
    };
    view! {
        {part(t.step_what_title, Step::What, vec![
            (t.reason_legend.into(), reason.to_owned()),
            (t.items_legend.into(), if d.items.is_empty() { t.not_given.to_owned() } else { d.items.join(", ") }),
            (t.incident_date_label.into(), incident),
            (t.description_label.into(), or_dash(&d.description)),
        ])}
        {part(t.step_want_title, Step::Want, vec![(t.resolution_legend.into(), wanted)])}
        {part(t.step_evidence_title, Step::Evidence, files)}
        {part(t.step_contact_title, Step::Contact, vec![
            (t.email_label.into(), or_dash(&d.email)),
            (t.phone_label.into(), or_dash(&d.phone)),
            (t.channel_legend.into(), channel.to_owned()),
        ])}
    }
}

/// "Done": the reference, the private tracking link, when the shop confirms, the signed
/// receipt to keep, and the tracker itself.
pub fn done(
    t: &'static Messages,
    lang: Lang,
    filed: Option<Filed>,
    endpoint: String,
    heading: NodeRef<leptos::html::H3>,
    handled_by: Option<String>,
) -> impl IntoView {
    let filed = filed.unwrap_or_default();
    // Filed with a trustmark, it is the trustmark that signs and keeps the deadlines.
    let receipt_hint = match &handled_by {
        Some(name) => t.done_receipt_hint_of.replace("{name}", name),
        None => t.done_receipt_hint.to_owned(),
    };
    let confirm = filed.acknowledge_on.as_ref().map(|day| {
        t.done_confirm_by.replace(
            "{date}",
            &device::format_date(day, lang, DateStyle::WeekdayDayMonth),
        )
    });
    let link = format!(
        "{}{}",
        device::page_url(),
        tracking_fragment(&filed.reference, &filed.tracking_token)
    );
    let receipt = device::download_url(&filed.receipt, "application/json");
    let receipt_name = format!("receipt-{}.json", filed.reference);
    view! {
        <div class="redress-done">
            <h3 class="redress-step-title" tabindex="-1" node_ref=heading>{t.done_title}</h3>
            <p>{t.done_reference}</p>
            <p class="redress-reference">{filed.reference.clone()}</p>
            {confirm.map(|text| view! { <p class="redress-confirm-by">{text}</p> })}
            <p>{t.done_tracking}</p>
            <p><a class="redress-tracker-link" href=link>{t.done_tracking_link}</a></p>
            {receipt.map(|href| view! {
                <p><a class="redress-receipt-link" href=href download=receipt_name>{t.done_receipt}</a></p>
                <p class="redress-hint">{receipt_hint}</p>
            })}
            <Tracker endpoint=endpoint lang=lang reference=filed.reference token=filed.tracking_token handled_by=handled_by/>
        </div>
    }
}
