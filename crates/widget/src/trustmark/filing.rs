//! Filing with the trustmark once its gate let the complaint through: the shop's widget's
//! own filing flow (What, Want, Evidence, Contact, Review, Done), posted to the trustmark's
//! endpoint with the member id, the earlier complaint to the shop and the imported receipt.
//! The trustmark's server checks all of it again; its refusals show in the flow.

use chrono::NaiveDate;
use leptos::prelude::*;
use redress_core::receipt::VerifiedReceipt;
use redress_core::trustmark::Member;

use crate::api::{FoundOrder, TrustmarkCase};
use crate::filing::{DateStyle, FileComplaint, TrustmarkFiling, format_date};
use crate::input_field::{InputSpec, input_field};
use crate::messages::Lang;

/// What the gate established, handed to the filing flow.
#[derive(Clone)]
pub(super) struct Passed {
    pub trustmark: String,
    pub member: Member,
    pub complained_on: NaiveDate,
    pub reference: Option<String>,
    /// The imported receipt: its text as the shop signed it, and what it proves.
    pub receipt: Option<(String, VerifiedReceipt)>,
}

/// The offer under a passed gate: the order number (from the receipt when there is one)
/// and the button that opens the filing flow in place of the gate.
pub(super) fn offer(
    lang: Lang,
    trustmark: &str,
    order_number: RwSignal<String>,
    opened: RwSignal<bool>,
) -> AnyView {
    let t = lang.messages();
    let spec = InputSpec::text("redress-tm-order", t.tm_order_label).kind("text", "off");
    view! {
        <div class="redress-order redress-tm-offer">
            <div class="redress-form">
                {input_field(spec, order_number.into(), Callback::new(move |v| order_number.set(v)), Signal::derive(|| None), None)}
                <div>
                    <button type="button" class="redress-button" id="redress-tm-file" on:click=move |_| opened.set(true)>
                        {t.tm_file_start.replace("{trustmark}", trustmark)}
                    </button>
                </div>
            </div>
        </div>
    }
    .into_any()
}

/// The filing flow for a complaint the gate let through, with the case above every step.
/// `opened` goes back to false when the shopper asks to change the gate's answers; the
/// draft is kept in the browser and resumes when the flow opens again.
pub(super) fn flow(
    endpoint: String,
    lang: Lang,
    passed: Passed,
    order_number: String,
    opened: RwSignal<bool>,
) -> AnyView {
    let email = passed
        .receipt
        .as_ref()
        .and_then(|(_, r)| r.email())
        .unwrap_or_default()
        .to_owned();
    let case = TrustmarkCase {
        member_id: passed.member.member_id().as_ref().to_owned(),
        complained_on: passed.complained_on.to_string(),
        shop_reference: passed.reference.clone(),
        shop_receipt: passed.receipt.as_ref().map(|(text, _)| text.clone()),
    };
    let order = FoundOrder::typed(&order_number);
    let name = passed.trustmark.clone();
    let summary = ViewFn::from(move || case_summary(lang, &passed, opened));
    let trustmark = TrustmarkFiling {
        trustmark: name,
        case,
        summary,
    };
    view! {
        <FileComplaint order=order email=email endpoint=endpoint lang=lang trustmark=trustmark/>
    }
    .into_any()
}

/// The member shop and the shopper's earlier complaint, as the flow shows them.
fn case_summary(lang: Lang, passed: &Passed, opened: RwSignal<bool>) -> AnyView {
    let t = lang.messages();
    let day = format_date(
        &passed.complained_on.to_string(),
        lang,
        DateStyle::DayMonthYear,
    );
    let member = t
        .tm_case_member
        .replace("{id}", passed.member.member_id().as_ref())
        .replace("{trustmark}", &passed.trustmark);
    view! {
        <div class="redress-order redress-tm-shop redress-tm-case" data-tm-case="">
            <p class="redress-order-number">{t.tm_case_title.replace("{shop}", passed.member.shop_name().as_ref())}</p>
            <p class="redress-hint">{member}</p>
            <p class="redress-hint">{t.tm_case_complained.replace("{date}", &day)}</p>
            {passed.reference.clone().map(|r| view! { <p class="redress-hint">{t.tm_case_reference.replace("{reference}", &r)}</p> })}
            {passed.receipt.is_some().then(|| view! { <p class="redress-hint" data-receipt="attached">{t.tm_case_receipt}</p> })}
            <button type="button" class="redress-link" id="redress-tm-change" on:click=move |_| opened.set(false)>{t.tm_case_change}</button>
        </div>
    }
    .into_any()
}
