//! The words a shopper reads about a complaint a trustmark handles: every message names
//! the trustmark, not the shop, as the one confirming, reporting and rejecting.

use serde_json::{Value, json};

use crate::complaints::{draft, submit};
use crate::helpers::{SHOP_TOKEN, TestServer, json};
use crate::trustmark_complaints::{days_ago, request, sign_registry};

/// Records `event` as the staff of `server` do.
async fn act(server: &TestServer, reference: &str, event: Value) {
    assert_eq!(
        crate::desk::event(server, reference, event).await.status(),
        200
    );
}

/// The reference of a complaint just filed.
async fn filed(response: reqwest::Response) -> String {
    assert_eq!(response.status(), 201);
    json(response).await["reference"]
        .as_str()
        .expect("reference")
        .to_owned()
}

/// Every message queued for the shopper, as `subject` + blank line + `body`.
async fn mails(server: &TestServer, reference: &str) -> Vec<String> {
    let response = server
        .client
        .get(server.url(&format!("/api/shop/complaints/{reference}")))
        .bearer_auth(SHOP_TOKEN)
        .send()
        .await
        .expect("read");
    json(response).await["notifications"]
        .as_array()
        .expect("notifications")
        .iter()
        .map(|n| format!("{}\n\n{}", n["subject"], n["body"]))
        .collect()
}

fn acknowledged() -> Value {
    json!({"type": "acknowledged", "handler": "Sanne de Vries",
        "expected_answer_on": days_ago(0).checked_add_days(chrono::Days::new(10)).expect("a date").to_string(),
        "message": "We have asked Fietsen Peeters for its side."})
}

#[tokio::test]
async fn a_trustmarks_messages_name_the_trustmark_and_a_shops_name_the_shop() {
    let server = TestServer::start();
    sign_registry(&server);
    let reference = filed(
        server
            .post_json(
                "/api/trustmark/complaints",
                &request("B-2231", days_ago(20), None),
            )
            .await,
    )
    .await;
    act(&server, &reference, acknowledged()).await;
    act(
        &server,
        &reference,
        json!({"type": "rejected", "reasons": "The bell is a wearing part."}),
    )
    .await;
    let sent = mails(&server, &reference).await;
    let all = sent.join("\n---\n");
    for words in [
        "Confirmed by Becom",
        "Becom confirmed receipt.",
        "Message from Becom:",
        "Becom rejected the complaint.",
        "Why Becom rejected it:",
    ] {
        assert!(all.contains(words), "{words:?} missing from:\n{all}");
    }
    assert!(
        !all.contains("the shop") && !all.contains("The shop"),
        "{all}"
    );

    // A complaint filed with the shop itself still names the shop.
    let own = filed(
        submit(
            &server,
            None,
            &json!({"language": "en", "draft": draft("Filed with the shop directly, no trustmark.", &[])}),
        )
        .await,
    )
    .await;
    act(&server, &own, acknowledged()).await;
    let own_mails = mails(&server, &own).await.join("\n---\n");
    assert!(own_mails.contains("Confirmed by the shop"), "{own_mails}");
    assert!(
        own_mails.contains("The shop confirmed receipt."),
        "{own_mails}"
    );
    assert!(!own_mails.contains("Becom"), "{own_mails}");
}
