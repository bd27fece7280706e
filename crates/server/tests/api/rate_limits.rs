//! The rate limits live in the database: a restart gives no fresh allowance, and two
//! server processes on one database (behind a load balancer) share one allowance.

use serde_json::json;

use crate::helpers::{Postgres, ServerOptions, TestServer, json};

/// Three wrong e-mails per order number, plenty per client IP.
const THREE_PER_ORDER: &str = "[limits]\nlookups_per_ip = 1000\nlookups_per_order = 3\n";

fn three_per_order(database_url: Option<String>) -> ServerOptions {
    ServerOptions {
        database_url,
        config: THREE_PER_ORDER.to_owned(),
        ..Default::default()
    }
}

/// The status of one lookup of demo order RD-1002 with a guessed e-mail.
async fn guess(server: &TestServer, n: usize) -> u16 {
    server
        .post_json(
            "/api/orders/lookup",
            &json!({"order_number": "RD-1002", "email": format!("guess{n}@example.com")}),
        )
        .await
        .status()
        .as_u16()
}

/// Uses up RD-1002's allowance, kills the server, starts it again on the same data
/// directory and database: the order number is still refused, even with its true e-mail.
async fn the_per_order_limit_survives_a_restart(server: &mut TestServer) {
    let statuses = [
        guess(server, 0).await,
        guess(server, 1).await,
        guess(server, 2).await,
    ];
    assert_eq!(statuses, [404; 3]);
    assert_eq!(guess(server, 3).await, 429);
    server.restart();
    assert_eq!(guess(server, 4).await, 429);
    let rightful = server
        .post_json(
            "/api/orders/lookup",
            &json!({"order_number": "rd-1002", "email": "bram@example.com"}),
        )
        .await;
    assert_eq!(rightful.status(), 429);
    assert_eq!(json(rightful).await["error"], "rate_limited");
}

/// Alternates wrong e-mails between two servers on one database: the third guess,
/// wherever it lands, is the last one either server lets through.
async fn two_servers_share_one_allowance(first: &TestServer, second: &TestServer) {
    let statuses = [
        guess(first, 0).await,
        guess(second, 1).await,
        guess(first, 2).await,
        guess(second, 3).await,
        guess(first, 4).await,
    ];
    assert_eq!(statuses, [404, 404, 404, 429, 429]);
}

#[tokio::test]
async fn a_used_up_order_stays_limited_after_a_restart_on_sqlite() {
    let mut server = TestServer::start_with(three_per_order(None));
    the_per_order_limit_survives_a_restart(&mut server).await;
}

#[tokio::test]
async fn a_used_up_order_stays_limited_after_a_restart_on_postgres() {
    let postgres = Postgres::start();
    let mut server = TestServer::start_with(three_per_order(Some(postgres.url.clone())));
    the_per_order_limit_survives_a_restart(&mut server).await;
}

#[tokio::test]
async fn two_servers_on_one_sqlite_file_share_one_allowance() {
    let first = TestServer::start_with(three_per_order(None));
    let file = first.data_dir().join("redress.db");
    let url = format!("sqlite://{}?mode=rwc", file.display());
    let second = TestServer::start_with(three_per_order(Some(url)));
    two_servers_share_one_allowance(&first, &second).await;
}

#[tokio::test]
async fn two_servers_on_one_postgres_share_one_allowance() {
    let postgres = Postgres::start();
    let first = TestServer::start_with(three_per_order(Some(postgres.url.clone())));
    let second = TestServer::start_with(three_per_order(Some(postgres.url.clone())));
    two_servers_share_one_allowance(&first, &second).await;
}

/// Evidence uploads per client IP count across a restart too.
#[tokio::test]
async fn the_upload_limit_survives_a_restart() {
    let mut server = TestServer::start_with(ServerOptions {
        config: "[limits]\nuploads_per_ip = 2\n".to_owned(),
        ..Default::default()
    });
    for n in 0..2 {
        let text = format!("receipt {n}");
        let response = server.upload(text.as_bytes(), "text/plain", "r.txt").await;
        assert_eq!(response.status(), 201);
    }
    server.restart();
    let response = server.upload(b"receipt 2", "text/plain", "r.txt").await;
    assert_eq!(response.status(), 429);
    assert_eq!(json(response).await["error"], "rate_limited");
}

/// A withdrawal naming an order number nobody has counts toward that number's limit as
/// a wrong e-mail for a real order does, as the order lookup counts it: were only real
/// orders counted (a database write), the time of the answer would tell them apart.
#[tokio::test]
async fn withdrawals_naming_an_unknown_order_count_like_a_wrong_email() {
    let server = TestServer::start_with(ServerOptions {
        config: "[limits]\nlookups_per_ip = 1000\nlookups_per_order = 2\n".to_owned(),
        ..Default::default()
    });
    let mut statuses = Vec::new();
    for n in 0..3 {
        let body = json!({"language": "en", "draft": {
            "name": "Eve", "order_number": "RD-9999",
            "lookup_email": format!("guess{n}@example.com"), "email": "eve@example.com",
        }});
        let response = server
            .client
            .post(server.url("/api/withdrawals"))
            .json(&body)
            .send()
            .await
            .expect("request");
        statuses.push(response.status().as_u16());
    }
    assert_eq!(statuses, [422, 422, 429]);
}
