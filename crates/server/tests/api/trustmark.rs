//! Trustmark mode: the `trustmark` subcommands sign a registry in the data directory and the
//! running server serves it; what it serves verifies with the core crate's verifier.

use std::path::Path;
use std::process::{Command, Output};

use redress_core::trustmark::{MemberRegistry, SignedEnvelope, TrustedKeys, verify_attestation};

use crate::helpers::TestServer;

const MEMBERS: &str = r#"[
  {"shop_name":"Fietsen Peeters","member_id":"B-2231","domains":["fietsen-peeters.be"],
   "valid_from":"2026-01-01","valid_until":"2099-12-31","categories":["general"]},
  {"shop_name":"Reizen Janssens","member_id":"B-4410","domains":["reizen-janssens.be"],
   "valid_from":"2026-01-01","valid_until":"2099-12-31","categories":["travel"]}
]"#;

/// Runs `redress-server trustmark <args> --data-dir <data_dir>`.
pub fn trustmark(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_redress-server"))
        .arg("trustmark")
        .args(args)
        .arg("--data-dir")
        .arg(data_dir)
        .env_remove("DATABASE_URL")
        .output()
        .expect("run redress-server trustmark")
}

pub fn succeeds(output: Output) -> String {
    assert!(
        output.status.success(),
        "trustmark command failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

fn fails(output: Output) -> String {
    assert!(!output.status.success(), "the command should have failed");
    String::from_utf8(output.stderr).expect("utf-8")
}

pub fn members_file(dir: &Path, text: &str) -> String {
    let path = dir.join("members.json");
    std::fs::write(&path, text).expect("members file");
    path.display().to_string()
}

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

async fn served_keys(server: &TestServer) -> TrustedKeys {
    let response = server
        .client
        .get(server.url("/api/trustmark/keys"))
        .send()
        .await
        .expect("keys");
    assert_eq!(response.status(), 200);
    TrustedKeys::from_json(&response.text().await.expect("body")).expect("published keys")
}

async fn served_registry(server: &TestServer) -> SignedEnvelope {
    let response = server
        .client
        .get(server.url("/api/trustmark/registry"))
        .send()
        .await
        .expect("registry");
    assert_eq!(response.status(), 200);
    SignedEnvelope::from_json(&response.text().await.expect("body")).expect("envelope")
}

#[tokio::test]
async fn a_signed_registry_is_served_and_verifies_with_the_served_keys() {
    let server = TestServer::start();
    let data = server.data_dir();
    let not_yet = server
        .client
        .get(server.url("/api/trustmark/registry"))
        .send()
        .await
        .expect("registry");
    assert_eq!(not_yet.status(), 404);
    let body: serde_json::Value = not_yet.json().await.expect("json");
    assert_eq!(body["error"], "trustmark.not_configured");

    let keygen = succeeds(trustmark(&data, &["keygen", "--trustmark", "Becom"]));
    assert!(keygen.contains("key_id "), "{keygen}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(data.join("trustmark/signing.key"))
            .expect("key file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let members = members_file(server.dir.path(), MEMBERS);
    let signed = succeeds(trustmark(&data, &["sign", "--members", &members]));
    assert!(signed.contains("version 1"), "{signed}");

    let keys = served_keys(&server).await;
    let response = server
        .client
        .get(server.url("/api/trustmark/registry"))
        .send()
        .await
        .expect("registry");
    let etag = response.headers()["etag"]
        .to_str()
        .expect("etag")
        .to_owned();
    let envelope = SignedEnvelope::from_json(&response.text().await.expect("body")).expect("env");
    let registry = MemberRegistry::verify(&envelope, &keys, today()).expect("verifies");
    assert_eq!(registry.version(), 1);
    assert_eq!(registry.members().len(), 2);
    let unchanged = server
        .client
        .get(server.url("/api/trustmark/registry"))
        .header("if-none-match", &etag)
        .send()
        .await
        .expect("registry");
    assert_eq!(unchanged.status(), 304);

    let attestation_text = server
        .client
        .get(server.url("/api/trustmark/attestations/B-2231"))
        .send()
        .await
        .expect("attestation")
        .text()
        .await
        .expect("text");
    let attestation = SignedEnvelope::from_json(&attestation_text).expect("envelope");
    let badge =
        verify_attestation(&attestation, &keys, "www.fietsen-peeters.be", today()).expect("badge");
    assert_eq!(badge.member_id.as_ref(), "B-2231");
    let copied = verify_attestation(&attestation, &keys, "reizen-janssens.be", today());
    assert_eq!(copied.unwrap_err().code(), "trustmark.domain_mismatch");

    let unknown = server
        .client
        .get(server.url("/api/trustmark/attestations/B-9999"))
        .send()
        .await
        .expect("attestation");
    assert_eq!(unknown.status(), 404);
}

#[tokio::test]
async fn after_rotate_the_new_key_signs_and_the_old_key_is_refused_for_the_new_version() {
    let server = TestServer::start();
    let data = server.data_dir();
    let members = members_file(server.dir.path(), MEMBERS);
    succeeds(trustmark(&data, &["keygen", "--trustmark", "Becom"]));
    succeeds(trustmark(&data, &["sign", "--members", &members]));
    let version_one = served_registry(&server).await;
    let old_key_id = version_one.key_id.clone();

    let rotated = succeeds(trustmark(&data, &["rotate"]));
    assert!(!rotated.contains(&old_key_id), "{rotated}");
    succeeds(trustmark(&data, &["sign", "--members", &members]));
    let keys = served_keys(&server).await;
    let version_two = served_registry(&server).await;
    assert_ne!(version_two.key_id, old_key_id);
    let registry = MemberRegistry::verify(&version_two, &keys, today()).expect("new key");
    assert_eq!(registry.version(), 2);
    // The old key still opens what it signed before the rotation.
    MemberRegistry::verify(&version_one, &keys, today()).expect("version 1 still opens");

    // Version 2's payload signed with the retired key is refused.
    let old_seed =
        std::fs::read_to_string(data.join(format!("trustmark/retired-{old_key_id}.key")))
            .expect("retired key kept");
    let seed: [u8; 32] = hex::decode(old_seed.trim())
        .expect("hex")
        .try_into()
        .expect("32");
    let old_signer = redress_server::receipt::ReceiptSigner::from_seed(seed);
    let forged = old_signer.sign_text(version_two.signed.clone());
    let forged = SignedEnvelope::from_json(&serde_json::to_string(&forged).expect("json"))
        .expect("envelope");
    let refused = MemberRegistry::verify(&forged, &keys, today()).unwrap_err();
    assert_eq!(refused.code(), "trustmark.retired_key");
}

#[tokio::test]
async fn a_registry_edited_on_disk_by_one_byte_is_refused_by_the_verifier() {
    let server = TestServer::start();
    let data = server.data_dir();
    let members = members_file(server.dir.path(), MEMBERS);
    succeeds(trustmark(&data, &["keygen", "--trustmark", "Becom"]));
    succeeds(trustmark(&data, &["sign", "--members", &members]));
    let file = data.join("trustmark/registry.json");
    let text = std::fs::read_to_string(&file).expect("registry file");
    let edited = text.replacen("B-2231", "B-2232", 1);
    assert_eq!(edited.len(), text.len());
    assert_ne!(edited, text);
    std::fs::write(&file, edited).expect("edit");

    let keys = served_keys(&server).await;
    let refused = MemberRegistry::verify(&served_registry(&server).await, &keys, today());
    assert_eq!(refused.unwrap_err().code(), "trustmark.bad_signature");
}

#[test]
fn bad_member_files_fail_with_a_message_naming_the_file_and_the_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let members = members_file(dir.path(), MEMBERS);
    let no_key = fails(trustmark(&data, &["sign", "--members", &members]));
    assert!(no_key.contains("keygen"), "{no_key}");

    succeeds(trustmark(&data, &["keygen", "--trustmark", "Becom"]));
    let again = fails(trustmark(&data, &["keygen", "--trustmark", "Becom"]));
    assert!(again.contains("rotate"), "{again}");

    let broken = members_file(dir.path(), "[{\"shop_name\": ");
    let message = fails(trustmark(&data, &["sign", "--members", &broken]));
    assert!(message.contains("members.json"), "{message}");
    assert!(message.contains("not a member list"), "{message}");

    let duplicate = MEMBERS.replace("B-4410", "B-2231");
    let duplicate = members_file(dir.path(), &duplicate);
    let message = fails(trustmark(&data, &["sign", "--members", &duplicate]));
    assert!(message.contains("members.json"), "{message}");
    assert!(message.contains("B-2231"), "{message}");
    assert!(!data.join("trustmark/registry.json").exists());

    std::fs::write(data.join("trustmark/signing.key"), "not hex").expect("corrupt key");
    let message = fails(trustmark(&data, &["sign", "--members", &members]));
    assert!(message.contains("signing.key"), "{message}");
}

#[tokio::test]
async fn the_openapi_document_lists_every_trustmark_answer() {
    let server = TestServer::start();
    let doc: serde_json::Value = server
        .client
        .get(server.url("/openapi.json"))
        .send()
        .await
        .expect("openapi")
        .json()
        .await
        .expect("json");
    let documented = |path: &str, status: &str| {
        let responses = &doc["paths"][path]["get"]["responses"];
        assert!(
            responses.get(status).is_some(),
            "GET {path} {status} missing: {responses}"
        );
    };
    for (path, statuses) in [
        ("/api/trustmark/registry", &["200", "304", "404"][..]),
        ("/api/trustmark/keys", &["200", "404"][..]),
        (
            "/api/trustmark/attestations/{member_id}",
            &["200", "404"][..],
        ),
    ] {
        for status in statuses {
            documented(path, status);
        }
    }
}
