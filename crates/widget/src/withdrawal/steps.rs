//! The withdrawal's screens after the shop's policy is read: the details (name, order,
//! items, e-mail), the confirmation whose button says what it does, and the record of
//! the withdrawal with its receipt.

use leptos::prelude::*;
use redress_core::policy::LookupKey;
use redress_core::withdrawal::WithdrawalWindow;

use super::{Form, SavedWithdrawal};
use crate::api::Withdrawn;
use crate::filing::{DateStyle, download_url, format_date, now};
use crate::input_field::{InputSpec, input_field};
use crate::messages::{Lang, Messages};

/// A text input bound to one field of the withdrawal, showing that field's error.
fn text_input(
    form: Form,
    field: &'static str,
    spec: InputSpec,
    get: fn(&SavedWithdrawal) -> String,
    set: fn(&mut SavedWithdrawal, String),
) -> AnyView {
    input_field(
        spec,
        Signal::derive(move || form.saved.with(get)),
        Callback::new(move |v: String| form.update(|s| set(s, v))),
        Signal::derive(move || form.error_for(field)),
        None,
    )
}

/// The field that proves the order is the shopper's: the e-mail (copied into the contact
/// e-mail while that is untouched) or, on a postcode shop, the delivery postcode, with
/// the complaint lookup's label, hint and autofill.
fn lookup_proof_input(form: Form) -> AnyView {
    let t = form.t;
    match form.key() {
        LookupKey::Email => text_input(
            form,
            "lookup_email",
            InputSpec::text("redress-w-lookup-email", t.email_label)
                .hint(t.email_hint)
                .kind("email", "email"),
            |s| s.draft.lookup_email.clone(),
            |s, v| {
                if s.draft.email.is_empty() || s.draft.email == s.draft.lookup_email {
                    s.draft.email = v.clone();
                }
                s.draft.lookup_email = v;
                s.order = None;
                s.typed_contract = false;
            },
        ),
        LookupKey::PostCode => text_input(
            form,
            "lookup_postcode",
            InputSpec::text("redress-w-lookup-postcode", t.postcode_label)
                .hint(t.postcode_hint)
                .kind("text", "postal-code"),
            |s| s.draft.lookup_postcode.clone(),
            |s, v| {
                s.draft.lookup_postcode = v;
                s.order = None;
                s.typed_contract = false;
            },
        ),
    }
}

pub(super) fn details(form: Form, on_complaint: Callback<()>) -> impl IntoView {
    let t = form.t;
    let lang = form.lang;
    let window = move || {
        form.saved
            .with(|s| form.policy.with_value(|p| s.window(p, now())))
    };
    let items = move || {
        form.saved.with(|s| {
            s.order
                .as_ref()
                .map(|o| o.items.clone())
                .unwrap_or_default()
        })
    };
    let typed = move || form.saved.with(|s| s.typed_contract);
    view! {
        // A closed period is explained below with its date; other refusals of the whole
        // withdrawal (the shop does not take them here) are said at the top.
        {move || form.errors().into_iter()
            .find(|(field, code)| field == "withdrawal" && code != "withdrawal.window_closed")
            .map(|(_, code)| view! { <p class="redress-notice redress-notice-error" role="alert">{t.field_error(&code)}</p> })}
        {text_input(form, "name", InputSpec::text("redress-w-name", t.withdraw_name_label).kind("text", "name"), |s| s.draft.name.clone(), |s, v| s.draft.name = v)}
        {text_input(form, "order_number", InputSpec::text("redress-w-order", t.order_number_label).hint(t.order_number_hint), |s| s.draft.order_number.clone(), |s, v| { s.draft.order_number = v; s.order = None; s.typed_contract = false; })}
        {lookup_proof_input(form)}
        {move || (!form.policy.with_value(|p| p.order_lookup.required) && !form.saved.with(SavedWithdrawal::looked_up)).then(|| view! {
            <div class="redress-lookup-optional">
                <p class="redress-hint">{t.withdraw_lookup_optional_note}</p>
                <button type="button" class="redress-link" on:click=move |_| {
                    form.attempted.set(false);
                    form.update(|s| { s.order = None; s.typed_contract = true; });
                }>{t.withdraw_lookup_skip}</button>
            </div>
        })}
        {move || window().map(|w| match w {
            WithdrawalWindow::Open { last_day, .. } => view! {
                <p class="redress-notice redress-window-open">{t.withdraw_open_until.replace("{date}", &format_date(&last_day.to_string(), lang, DateStyle::WeekdayDayMonth))}</p>
            }.into_any(),
            WithdrawalWindow::NotStarted => view! { <p class="redress-notice redress-window-open">{t.withdraw_not_started}</p> }.into_any(),
            WithdrawalWindow::Closed { last_day } => view! {
                <div class="redress-notice redress-notice-error" role="alert">
                    <p>{t.withdraw_closed.replace("{date}", &format_date(&last_day.to_string(), lang, DateStyle::DayMonthYear))}</p>
                    <button type="button" class="redress-button redress-button-secondary" on:click=move |_| on_complaint.run(())>{t.withdraw_complain_instead}</button>
                </div>
            }.into_any(),
        })}
        <Show when=move || !items().is_empty()>
            <fieldset class="redress-fieldset">
                <legend>{t.withdraw_items_legend}</legend>
                <p class="redress-hint">{t.withdraw_items_hint}</p>
                {move || items().into_iter().enumerate().map(|(i, item)| {
                    let id = format!("redress-w-item-{i}");
                    let name = item.name.clone();
                    let shown = item.name.clone();
                    view! {
                        <div class="redress-choice">
                            <input type="checkbox" id=id.clone()
                                prop:checked=move || form.saved.with(|s| s.draft.items.is_empty() || s.draft.items.contains(&shown))
                                on:change:target=move |ev| {
                                    let on = ev.target().checked();
                                    let name = name.clone();
                                    form.update(move |s| {
                                        let all: Vec<String> = s.order.as_ref().map(|o| o.items.iter().map(|i| i.name.clone()).collect()).unwrap_or_default();
                                        let mut chosen = if s.draft.items.is_empty() { all.clone() } else { s.draft.items.clone() };
                                        chosen.retain(|n| *n != name);
                                        if on { chosen.push(name); }
                                        // All chosen is written as "all" (empty), what the server reads as every line.
                                        s.draft.items = if chosen.len() == all.len() { Vec::new() } else { chosen };
                                    });
                                }
                            />
                            <label for=id>{item.quantity}"× "{item.name}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </Show>
        <Show when=typed>
            <p class="redress-hint">{t.withdraw_typed_intro}</p>
            {text_input(form, "order_date", InputSpec::text("redress-w-order-date", t.withdraw_order_date_label).kind("date", "off"), |s| s.draft.order_date.clone(), |s, v| s.draft.order_date = v)}
            {text_input(form, "goods", InputSpec::text("redress-w-goods", t.withdraw_goods_label).hint(t.withdraw_goods_hint), |s| s.draft.goods.clone(), |s, v| s.draft.goods = v)}
        </Show>
        <Show when=move || form.saved.with(|s| s.order.is_some() || s.typed_contract)>
            {text_input(form, "email", InputSpec::text("redress-w-email", t.withdraw_email_label).hint(t.withdraw_email_hint).kind("email", "email"), |s| s.draft.email.clone(), |s, v| s.draft.email = v)}
        </Show>
    }
}

pub(super) fn confirm(form: Form) -> impl IntoView {
    let t = form.t;
    let s = form.saved.get_untracked();
    let items = match &s.order {
        Some(order) if s.draft.items.is_empty() => order
            .items
            .iter()
            .map(|i| i.name.clone())
            .collect::<Vec<_>>()
            .join(", "),
        Some(_) => s.draft.items.join(", "),
        None => s.draft.goods.clone(),
    };
    let rows = vec![
        (t.withdraw_name_label, s.draft.name.clone()),
        (t.order_number_label, s.draft.order_number.clone()),
        (t.withdraw_items_legend, items),
        (t.withdraw_email_label, s.draft.email.clone()),
    ];
    view! {
        <p>{t.withdraw_confirm_intro}</p>
        <dl class="redress-review-list redress-review-part">
            {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
        </dl>
    }
}

pub(super) fn recorded(
    t: &'static Messages,
    lang: Lang,
    withdrawn: Withdrawn,
    heading: NodeRef<leptos::html::H3>,
) -> impl IntoView {
    let received = format_date(&withdrawn.received_at, lang, DateStyle::DateTime);
    let refund = format_date(&withdrawn.refund_due, lang, DateStyle::DayMonthYear);
    let receipt = download_url(&withdrawn.receipt, "application/json");
    let receipt_name = format!("withdrawal-{}.json", withdrawn.reference);
    view! {
        <div class="redress-done">
            <h3 class="redress-step-title" tabindex="-1" node_ref=heading>{t.withdraw_done_title}</h3>
            <p>{t.done_reference}</p>
            <p class="redress-reference">{withdrawn.reference.clone()}</p>
            <p class="redress-withdrawn-at">{t.withdraw_received_at.replace("{time}", &received)}</p>
            <p class="redress-confirm-by">{t.withdraw_refund_by.replace("{date}", &refund)}</p>
            {(!withdrawn.items.is_empty()).then(|| view! {
                <p>{t.withdraw_items_legend}": "{withdrawn.items.join(", ")}</p>
            })}
            {(!withdrawn.kept.is_empty()).then(|| view! {
                <p>{t.withdraw_kept}": "{withdrawn.kept.join(", ")}</p>
            })}
            <p>{t.withdraw_email_sent}</p>
            {receipt.map(|href| view! {
                <p><a class="redress-receipt-link" href=href download=receipt_name>{t.done_receipt}</a></p>
                <p class="redress-hint">{t.done_receipt_hint}</p>
            })}
        </div>
    }
}
