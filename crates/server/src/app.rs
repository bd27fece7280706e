//! The router: API routes under `/api`, static pages, and the cross-cutting layers
//! (request ids, tracing, CORS, security headers, body limits).

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Method, Request, header};
use axum::routing::{get, post};
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::config::Settings;
use crate::routes;
use crate::state::AppState;

const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The whole application as a router, ready to serve.
pub fn router(state: AppState, settings: &Settings) -> Router {
    let api = Router::new()
        .route("/policy", get(routes::policy::policy))
        .route("/orders/lookup", post(routes::orders::lookup))
        .route("/receipt-key", get(routes::receipt_key))
        .route("/complaints", post(routes::complaints::file))
        .route("/complaints/find", post(routes::complaints::find))
        .route("/complaints/{reference}", get(routes::complaints::track))
        .route(
            "/complaints/{reference}/escalate",
            post(routes::complaints::escalate),
        )
        .route("/trustmark/registry", get(routes::trustmark::registry))
        .route("/trustmark/keys", get(routes::trustmark::keys))
        .route(
            "/trustmark/complaints",
            post(routes::trustmark_complaints::file),
        )
        .route(
            "/trustmark/attestations/{member_id}",
            get(routes::trustmark::attestation),
        )
        .route("/withdrawals", post(routes::withdrawals::withdraw))
        .route("/shop/withdrawals", get(routes::withdrawals::list))
        .route(
            "/shop/withdrawals/{reference}",
            get(routes::withdrawals::read),
        )
        .route("/shop/complaints", get(routes::shop::list))
        .route("/shop/complaint-counts", get(routes::inbox::counts))
        .route(
            "/shop/export/complaints.json",
            get(routes::export::json_log),
        )
        .route("/shop/export/complaints.csv", get(routes::export::csv_log))
        .route("/shop/complaints/{reference}", get(routes::shop::read))
        .route(
            "/shop/complaints/{reference}/events",
            post(routes::shop::append_event),
        )
        .route(
            "/shop/complaints/{reference}/evidence/{id}",
            get(routes::shop::evidence_file),
        )
        .layer(DefaultBodyLimit::max(settings.limits.json_body_bytes))
        // The upload streams its body itself under the policy's cap.
        .route("/evidence", post(routes::evidence::upload))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        ))
        .layer(cors(&settings.cors_origins));

    let mut app = Router::new()
        .route("/healthz", get(routes::healthz))
        .route("/openapi.json", get(crate::openapi::document))
        .nest("/api", api);
    if let Some(pkg) = &settings.pkg_dir {
        app = app.nest_service("/pkg", ServeDir::new(pkg));
    }
    if let Some(www) = &settings.www_dir {
        app = app.fallback_service(ServeDir::new(www));
    }
    app.with_state(state)
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &Request<_>| {
                let id = request
                    .headers()
                    .get(REQUEST_ID)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or("-");
                tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id = %id)
            }),
        )
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
}

fn cors(origins: &[String]) -> CorsLayer {
    let allowed: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| HeaderValue::from_str(o).ok())
        .collect();
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(allowed))
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::CONTENT_TYPE,
            header::IF_NONE_MATCH,
            header::AUTHORIZATION,
            HeaderName::from_static("idempotency-key"),
        ])
        .expose_headers([header::ETAG, REQUEST_ID])
}
