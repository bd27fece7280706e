//! The shop desk's API: inbox filters and search, counts per state, the complaint log
//! export, the events the desk may record, and evidence served as a download.

use serde_json::{Value, json};

use crate::complaints::{acknowledge_event, draft, submit, upload_text};
use crate::helpers::{SHOP_TOKEN, TestServer, json};

/// `GET path` as the shop's staff.
pub async fn shop_get(server: &TestServer, path: &str) -> reqwest::Response {
    server
        .client
        .get(server.url(path))
        .bearer_auth(SHOP_TOKEN)
        .send()
        .await
        .unwrap()
}

/// Files a complaint about `order` for `email` with `reason`; returns its reference.
pub async fn file(server: &TestServer, order: &str, email: &str, reason: &str) -> String {
    let mut body = draft("The kettle stopped heating after two days.", &[]);
    body["order_number"] = order.into();
    body["email"] = email.into();
    body["reason"] = reason.into();
    let response = submit(
        server,
        None,
        &json!({"language": "en", "draft": body, "evidence_ids": []}),
    )
    .await;
    assert_eq!(response.status(), 201);
    json(response).await["reference"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Records `event` on complaint `reference` as the shop's staff do.
pub async fn event(server: &TestServer, reference: &str, event: Value) -> reqwest::Response {
    server
        .client
        .post(server.url(&format!("/api/shop/complaints/{reference}/events")))
        .bearer_auth(SHOP_TOKEN)
        .json(&json!({"event": event}))
        .send()
        .await
        .unwrap()
}

async fn references(server: &TestServer, query: &str) -> Vec<String> {
    let list = json(shop_get(server, &format!("/api/shop/complaints?{query}")).await).await;
    list.as_array()
        .unwrap()
        .iter()
        .map(|c| c["reference"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_inbox_filters_by_reason_handler_state_and_finds_by_order_email_or_reference() {
    let server = TestServer::start();
    let anna = file(
        &server,
        "RD-1001",
        "anna@example.com",
        "defective_or_damaged",
    )
    .await;
    let bram = file(&server, "RD-1002", "bram@example.com", "wrong_item").await;
    assert_eq!(
        event(&server, &anna, acknowledge_event()).await.status(),
        200
    );

    let all = json(shop_get(&server, "/api/shop/complaints?sort=due").await).await;
    let first = &all.as_array().unwrap()[0];
    // Bram's acknowledgement is due first; Anna's answer is due days later.
    assert_eq!(first["reference"], bram.as_str());
    assert_eq!(first["reason"], "wrong_item");
    assert_eq!(first["overdue"], false);
    assert!(first["next_due_at"].as_str().unwrap().ends_with('Z'));

    assert_eq!(
        references(&server, "reason=wrong_item").await,
        [bram.as_str()]
    );
    assert_eq!(
        references(&server, "handler=sanne%20de%20vries").await,
        [anna.as_str()]
    );
    assert_eq!(
        references(&server, "status=received").await,
        [bram.as_str()]
    );
    assert_eq!(references(&server, "q=rd-1002").await, [bram.as_str()]);
    assert_eq!(references(&server, "q=ANNA@EXAMPLE").await, [anna.as_str()]);
    assert_eq!(
        references(&server, &format!("q={}", &anna[2..8])).await,
        [anna.as_str()]
    );
    assert!(references(&server, "overdue=true").await.is_empty());
    assert_eq!(references(&server, "overdue=false").await.len(), 2);

    let counts = json(shop_get(&server, "/api/shop/complaint-counts").await).await;
    assert_eq!(counts["total"], 2);
    assert_eq!(counts["open"], 2);
    assert_eq!(counts["by_status"]["received"], 1);
    assert_eq!(counts["by_status"]["acknowledged"], 1);
    assert_eq!(counts["by_status"]["resolved"], 0);

    let unauthorised = server
        .client
        .get(server.url("/api/shop/complaint-counts"))
        .send()
        .await
        .unwrap();
    assert_eq!(unauthorised.status(), 401);
}

#[tokio::test]
async fn the_desk_is_offered_only_the_events_the_core_allows_and_a_forced_one_is_refused() {
    let server = TestServer::start();
    let reference = file(
        &server,
        "RD-1001",
        "anna@example.com",
        "defective_or_damaged",
    )
    .await;
    let read = json(shop_get(&server, &format!("/api/shop/complaints/{reference}")).await).await;
    assert_eq!(
        read["desk_events"],
        json!(["acknowledged", "resolved", "rejected"])
    );
    // Assigning before the acknowledgement named a handler is not offered, and refused.
    let forced = event(
        &server,
        &reference,
        json!({"type": "assigned", "handler": "Jan"}),
    )
    .await;
    assert_eq!(forced.status(), 409);
    assert_eq!(json(forced).await["error"], "transition.not_allowed");

    let reject =
        json!({"type": "rejected", "reasons": "The damage was caused by a fall, see the photos."});
    assert_eq!(event(&server, &reference, reject).await.status(), 200);
    let read = json(shop_get(&server, &format!("/api/shop/complaints/{reference}")).await).await;
    assert!(
        !read["desk_events"]
            .as_array()
            .unwrap()
            .contains(&json!("rejected"))
    );
}

#[tokio::test]
async fn the_export_holds_every_complaint_with_its_timeline_as_json_and_csv() {
    let server = TestServer::start();
    let reference = file(
        &server,
        "RD-1001",
        "anna@example.com",
        "defective_or_damaged",
    )
    .await;
    assert_eq!(
        event(&server, &reference, acknowledge_event())
            .await
            .status(),
        200
    );
    let resolve = json!({"type": "resolved",
        "remedy": {"kind": "refund", "amount": {"minor_units": 2499, "currency": "EUR"}},
        "outcome": {"investigation": "We tested the kettle, \"as sent\".",
                    "conclusions": "=The element failed.", "actions": "Refunded in full."}});
    assert_eq!(event(&server, &reference, resolve).await.status(), 200);

    let response = shop_get(&server, "/api/shop/export/complaints.json").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let log = json(response).await;
    let complaint = &log["complaints"][0];
    assert_eq!(complaint["reference"], reference.as_str());
    assert_eq!(complaint["status"], "resolved");
    assert_eq!(complaint["handler"], "Sanne de Vries");
    let kinds: Vec<&str> = complaint["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"]["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["received", "acknowledged", "resolved"]);
    assert_eq!(
        complaint["timeline"][2]["event"]["remedy"]["amount"]["minor_units"],
        2499
    );
    assert!(complaint["receipt"]["signature"].is_string());

    let response = shop_get(&server, "/api/shop/export/complaints.csv").await;
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = response.text().await.unwrap();
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert!(lines[0].starts_with("reference,order_number,email,reason,status,handler"));
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[2].contains(",shop,acknowledged,") && lines[2].contains("Sanne de Vries"));
    // The event's content is one quoted JSON cell, its quotes doubled.
    assert!(lines[3].contains(",shop,resolved,\"{"));
    assert!(lines[3].contains(r#"\""as sent\"""#));
}

#[tokio::test]
async fn evidence_downloads_are_attachments_the_browser_never_sniffs() {
    let server = TestServer::start();
    let text = "<html><script>alert(1)</script></html>";
    let (id, sha256) = upload_text(&server, text).await;
    let request = json!({"language": "en",
        "draft": draft("The left ear cup arrived cracked, see my notes.", &[("notes.txt", &sha256, text.len() as u64)]),
        "evidence_ids": [id]});
    let response = submit(&server, None, &request).await;
    assert_eq!(response.status(), 201);
    let reference = json(response).await["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    let file = shop_get(
        &server,
        &format!("/api/shop/complaints/{reference}/evidence/{id}"),
    )
    .await;
    assert_eq!(file.status(), 200);
    assert_eq!(file.headers()["x-content-type-options"], "nosniff");
    assert_eq!(file.headers()["content-type"], "text/plain");
    assert_eq!(
        file.headers()["content-disposition"],
        "attachment; filename=\"notes.txt\""
    );
}

#[tokio::test]
async fn the_cores_receipt_check_accepts_the_servers_receipts_and_refuses_an_altered_one() {
    let server = TestServer::start();
    let reference = file(&server, "RD-1001", "anna@example.com", "wrong_item").await;
    let read = json(shop_get(&server, &format!("/api/shop/complaints/{reference}")).await).await;
    let key = json(shop_get(&server, "/api/receipt-key").await).await;
    let key = key["public_key"].as_str().unwrap();
    let receipt = read["receipt"].to_string();
    let verified = redress_core::receipt::verify_receipt(&receipt, key).unwrap();
    assert_eq!(verified.reference(), reference);
    let altered = receipt.replace("wrong_item", "other");
    assert_eq!(
        redress_core::receipt::verify_receipt(&altered, key)
            .unwrap_err()
            .code(),
        "receipt.bad_signature"
    );
}

/// Moves a complaint's receipt `days` into the past, in the stopped server's database:
/// the only way to see a deadline pass without waiting for it.
async fn backdate(server: &mut TestServer, reference: &str, days: i64) {
    server.kill();
    sqlx::any::install_default_drivers();
    let url = format!(
        "sqlite://{}",
        server.data_dir().join("redress.db").display()
    );
    let pool = sqlx::any::AnyPoolOptions::new()
        .max_connections(1)
        .connect(&url)
        .await
        .unwrap();
    let (at, event): (i64, String) = sqlx::query_as(
        "SELECT at, event FROM complaint_events WHERE complaint_reference = $1 AND seq = 0",
    )
    .bind(reference)
    .fetch_one(&pool)
    .await
    .unwrap();
    let shift = days * 86_400;
    let stamp = |seconds: i64| {
        chrono::DateTime::from_timestamp(seconds, 0)
            .unwrap()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let entry: Value = serde_json::from_str(&event).unwrap();
    let old_at = entry["at"].as_str().unwrap().to_owned();
    let new_at = stamp(
        chrono::DateTime::parse_from_rfc3339(&old_at)
            .unwrap()
            .timestamp()
            - shift,
    );
    sqlx::query("UPDATE complaint_events SET at = $1, event = $2 WHERE complaint_reference = $3 AND seq = 0")
        .bind(at - shift)
        .bind(event.replace(&old_at, &new_at))
        .bind(reference)
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("UPDATE complaints SET filed_at = filed_at - $1, next_due_at = next_due_at - $1 WHERE reference = $2")
        .bind(shift)
        .bind(reference)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    server.restart();
}

#[tokio::test]
async fn a_complaint_past_its_acknowledgement_deadline_is_overdue_first_and_counted() {
    let mut server = TestServer::start();
    let late = file(&server, "RD-1001", "anna@example.com", "not_received").await;
    let fresh = file(&server, "RD-1002", "bram@example.com", "wrong_item").await;
    backdate(&mut server, &late, 30).await;

    let all = json(shop_get(&server, "/api/shop/complaints?sort=due").await).await;
    assert_eq!(all[0]["reference"], late.as_str());
    assert_eq!(all[0]["overdue"], true);
    assert_eq!(all[1]["overdue"], false);
    assert_eq!(references(&server, "overdue=true").await, [late.as_str()]);
    assert_eq!(references(&server, "overdue=false").await, [fresh.as_str()]);
    let counts = json(shop_get(&server, "/api/shop/complaint-counts").await).await;
    assert_eq!(counts["overdue"], 1);
}
