//! The published contract: an OpenAPI 3.1 document generated from the handlers' annotations.

use axum::response::IntoResponse;
use utoipa::OpenApi;

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
        crate::routes::complaints::escalate,
        crate::routes::shop::list,
        crate::routes::shop::read,
        crate::routes::shop::evidence_file,
        crate::routes::shop::append_event,
    ),
    modifiers(&ShopToken),
)]
pub struct ApiDoc;

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
