//! The trustmark's view of a complaint filed on its page: the member shop it is about and
//! the shopper's earlier complaint to that shop, as the trustmark's server checked them.

use leptos::prelude::*;

use crate::complaint::Row;
use crate::messages::Messages;
use crate::wire::TrustmarkCase;

/// A complaint filed on the trustmark's page: which member shop, and the shopper's earlier
/// complaint to it.
#[component]
pub(crate) fn TrustmarkCasePanel(case: TrustmarkCase, t: &'static Messages) -> impl IntoView {
    let receipt = if case.shop_receipt_verified {
        t.shop_receipt_verified
    } else {
        t.shop_receipt_absent
    };
    view! {
        <section class="panel trustmark-case" aria-labelledby="s-trustmark-case">
            <h2 id="s-trustmark-case">{t.section_trustmark_case}</h2>
            <dl>
                <Row term=t.field_member_shop value=Some(case.shop_name) t=t/>
                <Row term=t.field_member_id value=Some(case.member_id) t=t/>
                <Row term=t.field_complained_to_shop_on value=Some(case.complained_on) t=t/>
                <Row term=t.field_shop_reference value=case.shop_reference t=t/>
                <Row term=t.field_shop_receipt value=Some(receipt.to_owned()) t=t/>
            </dl>
        </section>
    }
}
