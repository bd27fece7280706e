use serde_json::json;

use crate::helpers::{ServerOptions, TestServer, json};

#[tokio::test]
async fn a_demo_order_is_found_by_number_and_email_in_any_case() {
    let server = TestServer::start();
    let response = server
        .post_json(
            "/api/orders/lookup",
            &json!({"order_number": "RD-1001", "email": " Anna@Example.com "}),
        )
        .await;
    assert_eq!(response.status(), 200);
    let order = json(response).await;
    assert_eq!(order["order_number"], "RD-1001");
    assert_eq!(order["items"][0]["sku"], "HP-200");
    assert!(order["delivery_date"].is_string());
}

#[tokio::test]
async fn no_such_order_and_wrong_email_get_the_same_answer() {
    let server = TestServer::start();
    let missing = server
        .post_json(
            "/api/orders/lookup",
            &json!({"order_number": "RD-9999", "email": "anna@example.com"}),
        )
        .await;
    let wrong = server
        .post_json(
            "/api/orders/lookup",
            &json!({"order_number": "RD-1001", "email": "bram@example.com"}),
        )
        .await;
    assert_eq!(missing.status(), 404);
    assert_eq!(wrong.status(), 404);
    assert_eq!(json(missing).await, json(wrong).await);
}

#[tokio::test]
async fn enumerating_order_numbers_hits_the_rate_limit() {
    let server = TestServer::start_with(ServerOptions {
        config: "[limits]\nlookups_per_ip = 10\nlookups_per_order = 3\n".to_owned(),
        ..Default::default()
    });
    let mut statuses = Vec::new();
    for n in 0..15 {
        let response = server
            .post_json(
                "/api/orders/lookup",
                &json!({"order_number": format!("RD-{}", 2000 + n), "email": "x@example.com"}),
            )
            .await;
        statuses.push(response.status().as_u16());
    }
    assert_eq!(&statuses[..10], &[404; 10]);
    assert!(statuses[10..].iter().all(|s| *s == 429), "{statuses:?}");
}

#[tokio::test]
async fn guessing_emails_for_one_order_hits_the_per_order_limit() {
    let server = TestServer::start_with(ServerOptions {
        config: "[limits]\nlookups_per_ip = 100\nlookups_per_order = 3\n".to_owned(),
        ..Default::default()
    });
    let mut last = 0;
    for n in 0..5 {
        let response = server
            .post_json(
                "/api/orders/lookup",
                &json!({"order_number": "RD-1002", "email": format!("guess{n}@example.com")}),
            )
            .await;
        last = response.status().as_u16();
    }
    assert_eq!(last, 429);
    let body = json(
        server
            .post_json(
                "/api/orders/lookup",
                &json!({"order_number": "RD-1002", "email": "bram@example.com"}),
            )
            .await,
    )
    .await;
    assert_eq!(body["error"], "rate_limited");
}

#[tokio::test]
async fn bad_json_and_wrong_types_get_the_error_shape() {
    let server = TestServer::start();
    let syntax = server
        .client
        .post(server.url("/api/orders/lookup"))
        .header("content-type", "application/json")
        .body("{\"order_number\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(syntax.status(), 400);
    assert_eq!(json(syntax).await["error"], "json.syntax");

    let wrong_type = server
        .post_json("/api/orders/lookup", &json!({"order_number": 1001}))
        .await;
    assert_eq!(wrong_type.status(), 422);
    let body = json(wrong_type).await;
    assert_eq!(body["error"], "json.shape");
    assert!(body["fields"].is_array());

    let huge = server
        .client
        .post(server.url("/api/orders/lookup"))
        .header("content-type", "application/json")
        .body(format!(
            "{{\"order_number\": \"{}\"}}",
            "9".repeat(1024 * 1024)
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(huge.status(), 413);
    assert_eq!(json(huge).await["error"], "body.too_large");
}

#[tokio::test]
async fn the_rightful_shopper_reloading_is_not_locked_out_of_their_order() {
    let server = TestServer::start_with(ServerOptions {
        config: "[limits]\nlookups_per_ip = 100\nlookups_per_order = 3\n".to_owned(),
        ..Default::default()
    });
    for _ in 0..8 {
        let response = server
            .post_json(
                "/api/orders/lookup",
                &json!({"order_number": "RD-1003", "email": "olga@example.com"}),
            )
            .await;
        assert_eq!(response.status(), 200);
    }
}
