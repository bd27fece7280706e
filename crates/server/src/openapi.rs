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
    )
)]
pub struct ApiDoc;

/// `GET /openapi.json`.
pub async fn document() -> impl IntoResponse {
    axum::Json(ApiDoc::openapi())
}
