//! The filing flow after the order is found: "What went wrong", "What you want",
//! "Contact", "Review" and "Done". The policy comes from the shop's endpoint and the
//! core crate judges every field (`draft::validate`, per step); the draft is saved in
//! the browser on every change and sent once, under one idempotency key.

mod device;
mod evidence_step;
pub mod state;
mod steps;

use leptos::prelude::*;
use redress_core::policy::ComplaintPolicy;

use crate::api::{self, ApiError, Filed, FilingOutcome, FoundOrder};
use crate::messages::{Lang, Messages};
use crate::shop_policy::with_shop_policy;
use state::{Placed, SavedFiling, Step, errors_on};

pub use device::{
    DateStyle, download_url, forget_filed, format_date, format_money, load_current,
    new_key as device_key, now, now_iso, page_fragment, page_url, remember_filed, remembered_filed,
    save_text, saved_text,
};

/// Everything the step views share; copied freely into event handlers.
#[derive(Clone, Copy)]
struct Form {
    t: &'static Messages,
    lang: Lang,
    filing: RwSignal<SavedFiling>,
    policy: StoredValue<ComplaintPolicy>,
    /// Errors show once the shopper tried to leave the step, then follow each change.
    attempted: RwSignal<bool>,
    /// The server's 422 field errors from the last submit.
    server: RwSignal<Vec<Placed>>,
    errors: Memo<Vec<Placed>>,
    summary: NodeRef<leptos::html::Div>,
    /// The shop's API base, for the evidence uploads.
    endpoint: StoredValue<String>,
    /// Files being prepared or uploaded (not on the complaint yet).
    pending: evidence_step::PendingFiles,
    /// Who handles the complaint when it is not the shop (a trustmark): it contacts the
    /// shopper and holds their details.
    handled_by: StoredValue<Option<String>>,
}

impl Form {
    fn update(&self, change: impl FnOnce(&mut redress_core::draft::ComplaintDraft)) {
        self.filing.update(|f| change(&mut f.draft));
        self.server.set(Vec::new());
    }

    /// The shopper-facing error for the input holding `field`, if any.
    fn error_for(&self, field: &str) -> Option<&'static str> {
        self.errors.with(|errors| {
            errors
                .iter()
                .find(|e| e.is_for(field))
                .map(|e| self.t.field_error(&e.code))
        })
    }

    fn go(&self, step: Step) {
        self.attempted.set(false);
        self.filing.update(|f| f.step = step);
    }

    /// Shows the error summary and moves focus to it (after it renders).
    fn show_errors(&self) {
        self.attempted.set(true);
        let summary = self.summary;
        request_animation_frame(move || {
            if let Some(summary) = summary.get_untracked() {
                let _ = summary.focus();
            }
        });
    }
}

/// Filing on a trustmark's page: the complaint goes to `POST /trustmark/complaints` with
/// `case`, and `summary` (the member shop, the earlier complaint) stands above every step.
#[derive(Clone)]
pub struct TrustmarkFiling {
    /// The trustmark's name: it handles the complaint and signs its receipt.
    pub trustmark: String,
    pub case: api::TrustmarkCase,
    pub summary: ViewFn,
}

/// The filing flow for a found order. `email` is the address the order was found with;
/// a draft saved earlier for this order is resumed instead of starting afresh.
#[component]
pub fn FileComplaint(
    order: FoundOrder,
    email: String,
    endpoint: String,
    lang: Lang,
    /// Set on a trustmark's page.
    #[prop(optional)]
    trustmark: Option<TrustmarkFiling>,
) -> impl IntoView {
    let saved = device::load(&endpoint, &order.order_number)
        .unwrap_or_else(|| SavedFiling::start(order, &email, device::new_key()));
    let steps_endpoint = endpoint.clone();
    with_shop_policy(endpoint, lang, move |policy| {
        view! {
            <Steps policy=policy saved=saved.clone() endpoint=steps_endpoint.clone() lang=lang trustmark=trustmark.clone()/>
        }
    })
}

#[component]
fn Steps(
    policy: ComplaintPolicy,
    saved: SavedFiling,
    endpoint: String,
    lang: Lang,
    trustmark: Option<TrustmarkFiling>,
) -> impl IntoView {
    let t = lang.messages();
    let filing = RwSignal::new(saved);
    let policy = StoredValue::new(policy);
    let attempted = RwSignal::new(false);
    let server = RwSignal::new(Vec::<Placed>::new());
    let errors = Memo::new(move |_| {
        filing.with(|f| {
            let mut shown = if attempted.get() {
                policy.with_value(|p| errors_on(&f.draft, p, device::now(), f.step))
            } else {
                Vec::new()
            };
            server.with(|s| {
                shown.extend(
                    s.iter()
                        .filter(|p| f.step == Step::Review || p.step() == f.step)
                        .cloned(),
                )
            });
            shown
        })
    });
    let form = Form {
        t,
        lang,
        filing,
        policy,
        attempted,
        server,
        errors,
        summary: NodeRef::new(),
        endpoint: StoredValue::new(endpoint.clone()),
        pending: RwSignal::new_local(Vec::new()),
        handled_by: StoredValue::new(trustmark.as_ref().map(|t| t.trustmark.clone())),
    };
    let busy = move || {
        form.pending
            .with(|list| list.iter().any(evidence_step::Pending::busy))
    };
    let waited = RwSignal::new(false);
    let done = RwSignal::new(None::<Filed>);
    let failed = RwSignal::new(None::<ApiError>);

    // Every change is saved at once, so a reload or a closed tab loses nothing. The
    // first run is the untouched draft: a shopper who only looked an order up is not
    // brought back to this form on their next visit.
    {
        let endpoint = endpoint.clone();
        Effect::new(move |first: Option<()>| {
            let filed = done.with(Option::is_some);
            filing.with(|f| {
                if first.is_some() && !filed {
                    device::save(&endpoint, f);
                }
            });
        });
    }

    let summary = trustmark.as_ref().map(|t| t.summary.clone());
    let handled_by = form.handled_by.get_value();
    let submit = {
        let endpoint = endpoint.clone();
        let case = trustmark.map(|t| t.case);
        Action::new_local(move |(key, json, ids): &(String, String, Vec<String>)| {
            let (endpoint, key, json, ids, case) = (
                endpoint.clone(),
                key.clone(),
                json.clone(),
                ids.clone(),
                case.clone(),
            );
            async move {
                #[cfg(feature = "trustmark-page")]
                if let Some(case) = case {
                    let tag = lang.tag();
                    return api::file_trustmark_complaint(&endpoint, &key, tag, &json, &ids, &case)
                        .await;
                }
                #[cfg(not(feature = "trustmark-page"))]
                let _ = case;
                api::file_complaint(&endpoint, &key, lang.tag(), &json, &ids).await
            }
        })
    };
    let pending = submit.pending();
    Effect::new(move |_| match submit.value().get() {
        Some(Ok(FilingOutcome::Filed(filed))) => {
            let number = filing.with_untracked(|f| f.order.order_number.clone());
            device::remember_filed(&endpoint, &filed.reference, &filed.tracking_token);
            done.set(Some(filed));
            device::clear(&endpoint, &number);
        }
        Some(Ok(FilingOutcome::Refused(fields))) => {
            let placed: Vec<Placed> = fields
                .into_iter()
                .map(|(field, code)| Placed { field, code })
                .collect();
            let first = placed
                .iter()
                .map(Placed::step)
                .min()
                .unwrap_or(Step::Review);
            server.set(placed);
            filing.update(|f| f.step = first);
            form.show_errors();
        }
        Some(Err(error)) => failed.set(Some(error)),
        None => {}
    });

    let on_submit = move || {
        if pending.get_untracked() {
            return;
        }
        let (key, draft, ids, early) = filing.with_untracked(|f| {
            let early = policy.with_value(|p| errors_on(&f.draft, p, device::now(), Step::Review));
            (
                f.idempotency_key.clone(),
                f.draft.clone(),
                f.evidence_ids(),
                early,
            )
        });
        if let Some(first) = early.iter().map(Placed::step).min() {
            filing.update(|f| f.step = first);
            form.show_errors();
            return;
        }
        failed.set(None);
        if let Ok(json) = serde_json::to_string(&draft) {
            submit.dispatch_local((key, json, ids));
        }
    };

    // Focus moves to each new step's heading (not on the first render: the found order
    // has it then).
    let heading = NodeRef::<leptos::html::H3>::new();
    let step = Memo::new(move |_| filing.with(|f| f.step));
    Effect::new(move |previous: Option<Step>| {
        let now = step.get();
        if previous.is_some_and(|p| p != now) && !attempted.get_untracked() {
            request_animation_frame(move || {
                if let Some(h) = heading.get_untracked() {
                    let _ = h.focus();
                }
            });
        }
        now
    });
    let done_heading = NodeRef::<leptos::html::H3>::new();
    Effect::new(move |_| {
        if done.with(Option::is_some) {
            request_animation_frame(move || {
                if let Some(h) = done_heading.get_untracked() {
                    let _ = h.focus();
                }
            });
        }
    });

    view! {
        <div class="redress-filing">
            <Show
                when=move || done.with(Option::is_none)
                fallback=move || steps::done(t, lang, done.get(), form.endpoint.get_value(), done_heading, handled_by.clone())
            >
                {summary.clone().map(|s| s.run())}
                <p class="redress-step-count">
                    {move || {
                        let n = Step::ALL.iter().position(|s| *s == step.get()).unwrap_or(0) + 1;
                        t.step_count.replace("{n}", &n.to_string()).replace("{total}", &Step::ALL.len().to_string())
                    }}
                </p>
                <h3 class="redress-step-title" tabindex="-1" node_ref=heading>
                    {move || match step.get() {
                        Step::What => t.step_what_title,
                        Step::Want => t.step_want_title,
                        Step::Evidence => t.step_evidence_title,
                        Step::Contact => t.step_contact_title,
                        Step::Review => t.step_review_title,
                    }}
                </h3>
                {steps::summary(form)}
                <form class="redress-form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    let current = step.get_untracked();
                    if current == Step::Review {
                        on_submit();
                        return;
                    }
                    let blocking = filing.with_untracked(|f| {
                        policy.with_value(|p| !errors_on(&f.draft, p, device::now(), current).is_empty())
                    });
                    if blocking {
                        form.show_errors();
                    } else if current == Step::Evidence && busy() {
                        waited.set(true);
                    } else {
                        waited.set(false);
                        form.go(current.next());
                    }
                }>
                    {move || match step.get() {
                        Step::What => steps::what(form).into_any(),
                        Step::Want => steps::want(form).into_any(),
                        Step::Evidence => evidence_step::evidence(form, form.pending).into_any(),
                        Step::Contact => steps::contact(form).into_any(),
                        Step::Review => steps::review(form).into_any(),
                    }}
                    <div class="redress-actions">
                        <Show when=move || step.get() != Step::What>
                            <button type="button" class="redress-button redress-button-secondary" on:click=move |_| form.go(step.get_untracked().back())>
                                {t.back}
                            </button>
                        </Show>
                        <button
                            type="submit"
                            class="redress-button"
                            disabled=move || pending.get()
                            aria-busy=move || pending.get().to_string()
                        >
                            {move || match (step.get(), pending.get()) {
                                (Step::Review, true) => t.submitting,
                                (Step::Review, false) => t.submit,
                                _ => t.next,
                            }}
                        </button>
                    </div>
                </form>
                <div class="redress-live" role="status" aria-live="polite">
                    {move || (waited.get() && busy() && step.get() == Step::Evidence).then(|| view! {
                        <p class="redress-notice">{t.evidence_busy}</p>
                    })}
                    {move || failed.get().map(|error| {
                        let text = match error {
                            ApiError::Network => t.submit_failed,
                            ApiError::Status(_) | ApiError::Malformed => t.submit_refused,
                        };
                        view! { <p class="redress-notice redress-notice-error">{text}</p> }
                    })}
                </div>
            </Show>
        </div>
    }
}
