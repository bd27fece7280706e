//! An empty axum handler: what the reference server is measured against.
//!
//! `redress-bench-baseline ADDR` answers every `POST /api/complaints` with `201` and an
//! empty body, on the same runtime the server uses, so the ratio shows what filing a
//! complaint (validation, policy, SQLite, signing) costs on top of HTTP itself.

use axum::Router;
use axum::http::StatusCode;
use axum::routing::post;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let addr = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "127.0.0.1:0".to_owned());
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("baseline listening on http://{}", listener.local_addr()?);
    let app = Router::new().route("/api/complaints", post(|| async { StatusCode::CREATED }));
    axum::serve(listener, app).await
}
