//! The per-IP limits behind a reverse proxy: the client a trusted proxy names in
//! `X-Forwarded-For` gets its own allowance, and nobody else's header is believed.

use serde_json::json;

use crate::helpers::{ServerOptions, TestServer, refused_config};

/// Lookup statuses of `forwarded_for` clients in turn (a wrong e-mail each time, so
/// every answer is 404 until the limit).
async fn lookups(server: &TestServer, forwarded_for: &[&str]) -> Vec<u16> {
    let mut statuses = Vec::new();
    for (n, header) in forwarded_for.iter().enumerate() {
        let response = server
            .client
            .post(server.url("/api/orders/lookup"))
            .header("x-forwarded-for", *header)
            .json(&json!({"order_number": format!("RD-{}", 3000 + n), "email": "x@example.com"}))
            .send()
            .await
            .expect("lookup");
        statuses.push(response.status().as_u16());
    }
    statuses
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_gets_its_own_allowance() {
    let server = TestServer::start_with(ServerOptions {
        config: "trusted_proxies = [\"127.0.0.1\", \"::1\"]\n[limits]\nlookups_per_ip = 2\n"
            .to_owned(),
        ..Default::default()
    });
    let statuses = lookups(
        &server,
        &[
            "203.0.113.1",
            "203.0.113.1",
            "203.0.113.1",
            // Another shopper behind the same proxy.
            "203.0.113.2",
            // What the client wrote itself (left) proves nothing: the proxy's entry counts.
            "198.51.100.99, 203.0.113.1",
        ],
    )
    .await;
    assert_eq!(statuses, [404, 404, 429, 404, 429]);
}

#[tokio::test]
async fn without_trusted_proxies_a_forged_header_buys_no_allowance() {
    let server = TestServer::start_with(ServerOptions {
        config: "[limits]\nlookups_per_ip = 2\n".to_owned(),
        ..Default::default()
    });
    let statuses = lookups(&server, &["203.0.113.1", "203.0.113.2", "203.0.113.3"]).await;
    assert_eq!(statuses, [404, 404, 429]);
}

#[test]
fn a_trusted_proxy_that_is_not_an_address_refuses_to_start() {
    let stderr = refused_config("trusted_proxies = [\"10.0.0.0/8\", \"nginx\"]\n");
    assert!(
        stderr.contains("trusted_proxies: \"nginx\": not an IP address"),
        "{stderr}"
    );
}
