use crate::helpers::{TestServer, json};

#[tokio::test]
async fn healthz_answers_and_openapi_lists_every_route() {
    let server = TestServer::start();
    let health = server
        .client
        .get(server.url("/healthz"))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    let doc = json(
        server
            .client
            .get(server.url("/openapi.json"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(
        doc["components"]["securitySchemes"]["shop_token"]["scheme"],
        "bearer"
    );
    for path in [
        "/api/policy",
        "/api/orders/lookup",
        "/api/evidence",
        "/api/receipt-key",
    ] {
        assert!(
            doc["paths"].get(path).is_some(),
            "{path} missing from OpenAPI"
        );
    }
}

#[tokio::test]
async fn policy_is_served_with_an_etag_and_304_when_unchanged() {
    let server = TestServer::start();
    let first = server
        .client
        .get(server.url("/api/policy"))
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), 200);
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    assert_eq!(first.headers()["x-content-type-options"], "nosniff");
    let policy = json(first).await;
    assert_eq!(
        policy["evidence"]["max_file_bytes"],
        crate::helpers::MAX_FILE_BYTES
    );

    let again = server
        .client
        .get(server.url("/api/policy"))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 304);
    let stale = server
        .client
        .get(server.url("/api/policy"))
        .header("if-none-match", "\"something-else\"")
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 200);
}

#[tokio::test]
async fn every_answer_carries_a_request_id() {
    let server = TestServer::start();
    let response = server
        .client
        .get(server.url("/api/receipt-key"))
        .send()
        .await
        .unwrap();
    assert!(response.headers().contains_key("x-request-id"));
    let key = json(response).await;
    assert_eq!(key["algorithm"], "Ed25519");
    assert_eq!(key["public_key"].as_str().unwrap().len(), 64);
}

#[tokio::test]
async fn cors_allows_only_configured_origins() {
    let server = TestServer::start_with(crate::helpers::ServerOptions {
        config: "cors_origins = [\"https://shop.example\"]\n".to_owned(),
        ..Default::default()
    });
    let preflight = |origin: &'static str| {
        server
            .client
            .request(reqwest::Method::OPTIONS, server.url("/api/orders/lookup"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header("access-control-request-headers", "content-type")
            .send()
    };
    let allowed = preflight("https://shop.example").await.unwrap();
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://shop.example"
    );
    let denied = preflight("https://evil.example").await.unwrap();
    assert!(!denied.headers().contains_key("access-control-allow-origin"));
}

#[test]
fn bad_config_refuses_to_start_naming_the_key() {
    let stderr = crate::helpers::refused_config("listen = \"127.0.0.1:0\"\ncolour = \"red\"\n");
    assert!(stderr.contains("colour"), "{stderr}");
}

#[tokio::test]
async fn host_pages_and_the_widget_bundle_are_served_with_the_right_types() {
    let assets = tempfile::tempdir().unwrap();
    let www = assets.path().join("www");
    let pkg = assets.path().join("pkg");
    std::fs::create_dir_all(&www).unwrap();
    std::fs::create_dir_all(&pkg).unwrap();
    std::fs::write(www.join("index.html"), "<!doctype html><title>shop</title>").unwrap();
    std::fs::write(pkg.join("redress_widget.wasm"), b"\0asm\x01\0\0\0").unwrap();
    let server = TestServer::start_with(crate::helpers::ServerOptions {
        config: format!("www_dir = {:?}\npkg_dir = {:?}\n", www, pkg),
        ..Default::default()
    });
    let page = server.client.get(server.url("/")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let wasm = server
        .client
        .get(server.url("/pkg/redress_widget.wasm"))
        .send()
        .await
        .unwrap();
    assert_eq!(wasm.status(), 200);
    assert_eq!(wasm.headers()["content-type"], "application/wasm");
    let escape = server
        .client
        .get(server.url("/pkg/..%2F..%2Fdata%2Freceipt-signing-key"))
        .send()
        .await
        .unwrap();
    assert_eq!(escape.status(), 404);
}

#[tokio::test]
async fn sigterm_shuts_down_cleanly() {
    let mut server = TestServer::start();
    let pid = server.pid();
    let status = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(server.wait().success());
}
