//! The next steps of a complaint: one form per event the core lifecycle lets the desk
//! record now (`desk_events`). A step that is not allowed is never offered; if it became
//! disallowed meanwhile (another handler), the server's refusal reloads the complaint.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use redress_core::domain::Currency;

use crate::api::{ApiError, Session};
use crate::device;
use crate::fields::{Control, Field};
use crate::forms::{self, FormError, OutcomeForm};
use crate::messages::{Lang, Messages, REMEDY_CODES, fill};
use crate::wire::ComplaintDetail;

/// The forms for the steps allowed now, or why there are none.
#[component]
pub fn Actions(
    detail: ComplaintDetail,
    session: Session,
    lang: Lang,
    reload: Callback<()>,
    announce: RwSignal<Option<(bool, String)>>,
) -> impl IntoView {
    let t = lang.messages();
    let currency_session = session.clone();
    let currency = LocalResource::new(move || {
        let session = currency_session.clone();
        async move { session.currency().await.unwrap_or(Currency::EUR) }
    });
    let kinds = detail.desk_events.clone();
    let none = kinds.is_empty();
    view! {
        <section class="panel actions no-print" aria-labelledby="s-actions">
            <h2 id="s-actions">{t.section_actions}</h2>
            {if none {
                view! { <p class="muted">{t.no_actions}</p> }.into_any()
            } else {
                view! {
                    <p class="hint">{t.actions_intro}</p>
                    {kinds.into_iter().map(|kind| view! {
                        <ActionForm
                            kind=kind
                            reference=detail.reference.clone()
                            session=session.clone()
                            t=t
                            currency=Signal::derive(move || currency.get().unwrap_or(Currency::EUR))
                            reload=reload
                            announce=announce
                        />
                    }).collect_view()}
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn ActionForm(
    kind: String,
    reference: String,
    session: Session,
    t: &'static Messages,
    currency: Signal<Currency>,
    reload: Callback<()>,
    announce: RwSignal<Option<(bool, String)>>,
) -> impl IntoView {
    let handler = RwSignal::new(String::new());
    let expected = RwSignal::new(String::new());
    let message = RwSignal::new(String::new());
    let reasons = RwSignal::new(String::new());
    let remedy = RwSignal::new(String::new());
    let amount = RwSignal::new(String::new());
    let investigation = RwSignal::new(String::new());
    let conclusions = RwSignal::new(String::new());
    let actions = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<FormError>::new());

    let saving = RwSignal::new(false);
    let error_of = move |field: &'static str| {
        Signal::derive(move || {
            errors.with(|list| {
                list.iter()
                    .find(|e| e.field == field)
                    .map(|e| t.form_error(e.code))
            })
        })
    };
    let kind_code = StoredValue::new(kind.clone());
    let id = move |field: &str| format!("{}-{field}", kind_code.get_value());
    let today = device::today(crate::format::shop_zone());
    let min_date = today.to_string();

    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        let outcome = || OutcomeForm {
            remedy: remedy.get_untracked(),
            amount: amount.get_untracked(),
            investigation: investigation.get_untracked(),
            conclusions: conclusions.get_untracked(),
            actions: actions.get_untracked(),
        };
        let kind = kind_code.get_value();
        let built = match kind.as_str() {
            "acknowledged" => forms::acknowledge(
                &handler.get_untracked(),
                &expected.get_untracked(),
                &message.get_untracked(),
                today,
            ),
            "assigned" => forms::assign(&handler.get_untracked()),
            "progress_reported" => {
                forms::progress(&message.get_untracked(), &expected.get_untracked(), today)
            }
            "resolved" => forms::resolve(&outcome(), currency.get_untracked()),
            "rejected" => forms::reject(&reasons.get_untracked()),
            "board_answered" => forms::board_answer(&outcome(), currency.get_untracked()),
            _ => return,
        };
        let event = match built {
            Ok(event) => event,
            Err(list) => {
                errors.set(list);
                return;
            }
        };
        errors.set(Vec::new());
        let Ok(json) = serde_json::to_value(&event) else {
            return;
        };
        let actor = if kind == "board_answered" {
            "board"
        } else {
            "shop"
        };
        let (session, reference) = (session.clone(), reference.clone());
        saving.set(true);
        announce.set(None);
        leptos::task::spawn_local(async move {
            let result = session.record(&reference, actor, json).await;
            saving.set(false);
            match result {
                Ok(()) => {
                    announce.set(Some((true, fill(t.saved, "event", &t.event(&kind)))));
                    reload.run(());
                }
                Err(ApiError::Refused { status: 409, .. }) => {
                    announce.set(Some((false, t.transition_refused.to_owned())));
                    reload.run(());
                }
                Err(ApiError::Refused { code, .. }) if code == "timeline.promise_in_the_past" => {
                    errors.set(vec![FormError {
                        field: "expected_answer_on",
                        code: "date.in_the_past",
                    }]);
                }
                Err(_) => announce.set(Some((false, t.save_failed.to_owned()))),
            }
        });
    };

    let has = |fields: &[&str]| fields.contains(&kind.as_str());
    let with_handler = has(&["acknowledged", "assigned"]);
    let with_date = has(&["acknowledged", "progress_reported"]);
    let with_message = has(&["acknowledged", "progress_reported"]);
    let with_outcome = has(&["resolved", "board_answered"]);
    let remedy_required = kind == "resolved";
    let with_reasons = has(&["rejected"]);
    let title = t.action(&kind);
    let summary_id = id("summary");

    view! {
        <details class=format!("action action-{kind}") data-event=kind.clone()>
            <summary id=summary_id.clone()>{title.clone()}</summary>
            <form novalidate on:submit=on_submit aria-labelledby=summary_id>
                {with_handler.then(|| view! {
                    <Field id=id("handler") label=t.field_handler.into() hint=t.handler_hint control=Control::Text value=handler error=error_of("handler")/>
                })}
                {with_message.then(|| view! {
                    <Field id=id("message") label=t.message_label.into() control=Control::Paragraph value=message error=error_of("message")/>
                })}
                {with_date.then(|| view! {
                    <Field id=id("expected") label=t.field_expected.into() hint=t.expected_hint control=Control::Date value=expected error=error_of("expected_answer_on") min=min_date.clone()/>
                })}
                {with_outcome.then(|| {
                    let remedy_id = id("remedy");
                    let remedy_error = error_of("remedy");
                    let remedy_error_id = id("remedy-error");
                    view! {
                        <div class="field" class:invalid=move || remedy_error.get().is_some()>
                            <label for=remedy_id.clone()>{t.remedy_label}</label>
                            <select
                                id=remedy_id.clone()
                                aria-invalid=move || remedy_error.get().is_some().then_some("true")
                                aria-describedby=move || remedy_error.get().is_some().then(|| remedy_error_id.clone())
                                on:change:target=move |ev| remedy.set(ev.target().value())
                            >
                                <option value="">{if remedy_required { t.choose } else { t.no_remedy }}</option>
                                {REMEDY_CODES.iter().map(|code| view! { <option value=*code>{t.remedy(code)}</option> }).collect_view()}
                            </select>
                            {move || remedy_error.get().map(|text| view! { <p class="error" id=id("remedy-error")>{text}</p> })}
                        </div>
                        <Field
                            id=id("amount")
                            label=fill(t.amount_label, "currency", currency.get_untracked().code())
                            hint=t.amount_hint
                            control=Control::Text
                            value=amount
                            error=error_of("amount")
                        />
                        <Field id=id("investigation") label=t.investigation_label.into() control=Control::Paragraph value=investigation error=error_of("investigation")/>
                        <Field id=id("conclusions") label=t.conclusions_label.into() control=Control::Paragraph value=conclusions error=error_of("conclusions")/>
                        <Field id=id("actions") label=t.actions_taken_label.into() control=Control::Paragraph value=actions error=error_of("actions")/>
                    }
                })}
                {with_reasons.then(|| view! {
                    <Field id=id("reasons") label=t.reasons_label.into() control=Control::Paragraph value=reasons error=error_of("reasons")/>
                })}
                <button type="submit" class="button primary" aria-busy=move || saving.get().to_string()>
                    {move || if saving.get() { t.saving.to_owned() } else { title.clone() }}
                </button>
            </form>
        </details>
    }
}
