//! Uploads never attached to a complaint expire after 24 hours.

use clap::Parser;
use redress_server::config::{Cli, Settings};
use redress_server::routes::evidence::{stored_path, sweep_once};

use crate::helpers::TestServer;

#[tokio::test]
async fn unattached_uploads_expire_after_a_day_and_their_files_go() {
    let server = TestServer::start();
    let response = server
        .upload(b"never attached", "text/plain", "n.txt")
        .await;
    assert_eq!(response.status(), 201);
    let upload: serde_json::Value = response.json().await.unwrap();
    let sha256 = upload["sha256"].as_str().unwrap().to_owned();
    let data_dir = server.data_dir();
    let path = stored_path(&data_dir.join("evidence"), &sha256);
    assert!(path.exists());

    // A second process on the same data directory, as an operator's sweep would be.
    let cli = Cli::parse_from(["redress-server", "--data-dir", data_dir.to_str().unwrap()]);
    let state = redress_server::startup::open(&Settings::resolve(&cli.options).unwrap())
        .await
        .unwrap();
    let now = chrono::Utc::now().timestamp();
    assert_eq!(
        sweep_once(&state, now).await.unwrap(),
        0,
        "fresh uploads stay"
    );
    assert!(path.exists());
    assert_eq!(sweep_once(&state, now + 25 * 60 * 60).await.unwrap(), 1);
    assert!(!path.exists());
    let id = upload["id"].as_str().unwrap();
    assert!(state.store.evidence(id).await.unwrap().is_none());
}

#[test]
fn import_orders_reads_a_csv_and_names_the_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("orders.csv");
    std::fs::write(
        &csv,
        "order_number,email,postcode,order_date,delivery_date,items\n\
         SHOP-77,kees@example.com,3511 AB,2026-11-01,2026-11-04,LMP-1:1:Desk lamp|BLB-2:4:Bulb\n\
         SHOP-78,joke@example.com,1000,2026-11-10,,\n",
    )
    .unwrap();
    let data = dir.path().join("data");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_redress-server"))
        .args([
            "--data-dir",
            data.to_str().unwrap(),
            "import-orders",
            csv.to_str().unwrap(),
        ])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "imported 2 orders"
    );

    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "order_number,email,postcode,order_date,delivery_date,items\nX-1,a@b.nl,1000,yesterday,,\n",
    )
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_redress-server"))
        .args([
            "--data-dir",
            data.to_str().unwrap(),
            "import-orders",
            bad.to_str().unwrap(),
        ])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("line 2, order_date"));

    std::fs::write(
        &bad,
        "order_number,email,postcode,order_date,delivery_date,items\nX-1,not-an-address,1000,2026-11-01,,\n",
    )
    .unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_redress-server"))
        .args([
            "--data-dir",
            data.to_str().unwrap(),
            "import-orders",
            bad.to_str().unwrap(),
        ])
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("line 2, email"));
}
