//! The trustmark's gate: has the shopper complained to the member shop first, when and
//! under which reference, answered by hand or proved by importing the shop's signed
//! receipt, which the browser checks against the receipt keys the trustmark lists for the
//! member.

use chrono::NaiveDate;
use leptos::prelude::*;
use redress_core::calendar::parse_iso_date;
use redress_core::receipt::{ReceiptError, VerifiedReceipt, receipt_signature_to_check_among};
use redress_core::trustmark::{Member, TrustmarkRoute};

use super::filing;
use crate::filing::{DateStyle, format_date};
use crate::messages::{Lang, Messages};
use crate::webcrypto::ed25519_verifies;

/// Checks an imported receipt against the receipt key it names among those the trustmark
/// lists for `member`; the browser's WebCrypto checks the signature.
async fn check_receipt(text: &str, member: &Member) -> Result<VerifiedReceipt, ReceiptError> {
    let check = receipt_signature_to_check_among(text, member.receipt_keys())?;
    let valid = ed25519_verifies(check.public_key(), check.signature(), check.message()).await;
    check.read(valid)
}

/// The shopper's answers to the gate.
#[derive(Clone, Copy)]
pub(super) struct Gate {
    pub(super) complained: RwSignal<Option<bool>>,
    pub(super) complained_on: RwSignal<String>,
    pub(super) reference: RwSignal<String>,
    pub(super) cross_border: RwSignal<bool>,
    pub(super) receipt: RwSignal<Option<Result<VerifiedReceipt, ReceiptError>>>,
    /// The imported receipt's text, exactly as the shop signed it, once it verified.
    pub(super) receipt_text: RwSignal<Option<String>>,
    /// The order number at the shop, filled in from a verified receipt.
    pub(super) order_number: RwSignal<String>,
    pub(super) attempted: RwSignal<bool>,
    pub(super) verdict: RwSignal<Option<TrustmarkRoute>>,
}

impl Gate {
    pub(super) fn new() -> Gate {
        Gate {
            complained: RwSignal::new(None),
            complained_on: RwSignal::new(String::new()),
            reference: RwSignal::new(String::new()),
            cross_border: RwSignal::new(false),
            receipt: RwSignal::new(None),
            receipt_text: RwSignal::new(None),
            order_number: RwSignal::new(String::new()),
            attempted: RwSignal::new(false),
            verdict: RwSignal::new(None),
        }
    }

    pub(super) fn date_error(&self, today: NaiveDate) -> Option<&'static str> {
        if self.complained.get() != Some(true) {
            return None;
        }
        match parse_iso_date(self.complained_on.get().trim()) {
            None => Some("date.missing"),
            Some(day) if day > today => Some("date.in_future"),
            Some(_) => None,
        }
    }

    fn prefill(&self, receipt: &VerifiedReceipt) {
        self.complained.set(Some(true));
        if let Some(day) = receipt.received_on() {
            self.complained_on.set(day.to_string());
        }
        self.reference.set(receipt.reference().to_owned());
        if let Some(number) = receipt.order_number() {
            self.order_number.set(number.to_owned());
        }
        self.verdict.set(None);
    }

    /// What the filing flow takes from a passed gate; `None` without a day to go by.
    pub(super) fn passed(&self, trustmark: &str, member: Member) -> Option<filing::Passed> {
        let complained_on = parse_iso_date(self.complained_on.get_untracked().trim())?;
        let receipt = self
            .receipt_text
            .get_untracked()
            .zip(self.receipt.get_untracked().and_then(Result::ok));
        let reference = self.reference.get_untracked().trim().to_owned();
        Some(filing::Passed {
            trustmark: trustmark.to_owned(),
            member,
            complained_on,
            reference: (!reference.is_empty()).then_some(reference),
            receipt,
        })
    }
}

pub(super) fn receipt_import(
    t: &'static Messages,
    lang: Lang,
    gate: Gate,
    member: StoredValue<Member>,
) -> impl IntoView {
    let on_pick = move |ev: leptos::ev::Targeted<leptos::ev::Event, web_sys::HtmlInputElement>| {
        let Some(file) = ev.target().files().and_then(|files| files.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let member = member.get_value();
            let answer = check_receipt(&text, &member).await;
            if let Ok(receipt) = &answer {
                gate.prefill(receipt);
            }
            gate.receipt_text.set(answer.is_ok().then_some(text));
            gate.receipt.set(Some(answer));
        });
    };
    view! {
        <div class="redress-field">
            <label for="redress-tm-receipt">{t.tm_receipt_label}</label>
            <p class="redress-hint" id="redress-tm-receipt-hint">{t.tm_receipt_hint}</p>
            <input type="file" id="redress-tm-receipt" accept="application/json,.json" aria-describedby="redress-tm-receipt-hint" on:change:target=on_pick/>
        </div>
        {move || gate.receipt.get().map(|answer| match answer {
            Ok(receipt) => {
                let day = format_date(receipt.received_at(), lang, DateStyle::DayMonthYear);
                view! {
                    <p class="redress-notice redress-notice-success" role="status" data-receipt="verified">
                        {t.tm_receipt_ok.replace("{reference}", receipt.reference()).replace("{date}", &day)}
                    </p>
                }.into_any()
            }
            Err(_) => view! {
                <p class="redress-notice redress-notice-error" role="alert" data-receipt="refused">{t.tm_receipt_bad}</p>
            }.into_any(),
        })}
    }
}
