//! The published contract: an OpenAPI 3.1 document generated from the handlers' annotations.

use axum::response::IntoResponse;
use utoipa::OpenApi;

pub mod answers;

/// The API description other shops implement.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Redress complaint endpoint",
        description = "The contract the Redress widget speaks. Errors are `{error, message, fields}`."
    ),
    paths(
        crate::routes::healthz,
        crate::routes::receipt_key,
        crate::routes::policy::policy,
        crate::routes::orders::lookup,
        crate::routes::evidence::upload,
        crate::routes::complaints::file,
        crate::routes::complaints::track,
        crate::routes::complaints::find,
        crate::routes::complaints::escalate,
        crate::routes::shop::list,
        crate::routes::shop::read,
        crate::routes::shop::evidence_file,
        crate::routes::shop::append_event,
        crate::routes::inbox::counts,
        crate::routes::export::json_log,
        crate::routes::export::csv_log,
        crate::routes::withdrawals::withdraw,
        crate::routes::withdrawals::list,
        crate::routes::withdrawals::read,
        crate::routes::trustmark::registry,
        crate::routes::trustmark::keys,
        crate::routes::trustmark::attestation,
        crate::routes::trustmark_complaints::file,
    ),
    modifiers(&ShopToken),
)]
pub struct ApiDoc;

/// The complaint form as the widget posts it: the core crate's `ComplaintDraft`, which
/// has no OpenAPI derive of its own (the core crate stays free of server concerns). A
/// test compares these properties with the core type's keys, so the two cannot drift.
#[derive(utoipa::ToSchema)]
#[schema(as = ComplaintDraft)]
// Never built: it only describes the JSON the core type reads.
#[allow(dead_code)]
pub struct ComplaintDraftSchema {
    /// Every field is optional; an empty string means "not given". Unknown keys are refused.
    order_number: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    /// `email`, `phone` or empty.
    preferred_channel: Option<String>,
    post_code: Option<String>,
    /// A core `ComplaintReason` code.
    reason: Option<String>,
    items: Option<Vec<String>>,
    /// `YYYY-MM-DD`.
    order_date: Option<String>,
    /// `YYYY-MM-DD`.
    delivery_date: Option<String>,
    /// `YYYY-MM-DD`.
    incident_date: Option<String>,
    description: Option<String>,
    /// A core `ResolutionKind` code.
    resolution: Option<String>,
    /// The compensation asked, e.g. `12,50`; only read for compensation.
    amount: Option<String>,
    /// ISO 4217; empty means the shop's currency.
    currency: Option<String>,
    evidence: Option<Vec<EvidenceDraftSchema>>,
    /// Where the shopper lives, ISO 3166-1 alpha-2 in any case. Empty: the shop's country
    /// (a domestic complaint). Another country makes the complaint cross-border and opens
    /// the European Consumer Centre of that country. Unknown: `shopper_country.unknown`.
    #[schema(example = "DE")]
    shopper_country: Option<String>,
    /// `general` (the default when empty) or `travel` (opens the travel disputes
    /// committee). Unknown: `category.unknown`.
    category: Option<ProductCategorySchema>,
}

/// One evidence file as declared before upload (core `EvidenceDraft`).
#[derive(utoipa::ToSchema)]
#[schema(as = EvidenceDraft)]
#[allow(dead_code)]
pub struct EvidenceDraftSchema {
    file_name: String,
    /// The MIME type sniffed from the bytes.
    media_type: String,
    size_bytes: u64,
    /// 64 lowercase hex characters.
    sha256: String,
}

/// The kind of purchase (core `ProductCategory`); empty means `general`.
#[derive(utoipa::ToSchema)]
#[schema(as = ProductCategory, rename_all = "snake_case")]
#[allow(dead_code)]
pub enum ProductCategorySchema {
    General,
    Travel,
}

/// The withdrawal form as the widget posts it: the core crate's `WithdrawalDraft`.
/// Every field is optional; an empty string means "not given". Unknown keys are refused.
#[derive(utoipa::ToSchema)]
#[schema(as = WithdrawalDraft)]
// Never built: it only describes the JSON the core type reads.
#[allow(dead_code)]
pub struct WithdrawalDraftSchema {
    /// The shopper's name (1-200 characters).
    name: Option<String>,
    order_number: Option<String>,
    /// The e-mail the order is looked up by, with `order_number`, where the policy's
    /// `order_lookup.key` is `email`.
    lookup_email: Option<String>,
    /// The delivery postcode the order is looked up by, with `order_number`, where the
    /// policy's `order_lookup.key` is `post_code` (field errors `post_code.format`
    /// on `lookup_postcode`, whatever the key).
    lookup_postcode: Option<String>,
    /// Order lines withdrawn from; empty means all of them.
    items: Option<Vec<String>>,
    /// Where the acknowledgement goes (required).
    email: Option<String>,
    /// `YYYY-MM-DD`; required when the lookup finds no order.
    order_date: Option<String>,
    /// What was bought (1-500 characters); required when the lookup finds no order.
    goods: Option<String>,
}

/// Declares the shop-side API's bearer token scheme.
struct ShopToken;

impl utoipa::Modify for ShopToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "shop_token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// `GET /openapi.json`.
pub async fn document() -> impl IntoResponse {
    axum::Json(ApiDoc::openapi())
}
