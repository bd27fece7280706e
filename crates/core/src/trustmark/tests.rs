//! Registry and badge checks with real Ed25519 signatures.

use chrono::NaiveDate;
use ed25519_dalek::{Signer, SigningKey};
use proptest::prelude::*;

use super::*;
use crate::escalation::BodyName;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn signer(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

fn trusted(signer: &SigningKey) -> TrustedKey {
    TrustedKey::parse(&hex(&signer.verifying_key().to_bytes())).unwrap()
}

fn becom(keys: Vec<TrustedKey>) -> TrustedKeys {
    TrustedKeys::new(BodyName::parse("Becom").unwrap(), keys)
}

fn seal(signer: &SigningKey, payload: &str) -> SignedEnvelope {
    SignedEnvelope {
        version: 1,
        algorithm: "Ed25519".into(),
        key_id: key_id(&signer.verifying_key().to_bytes()),
        signed: payload.into(),
        signature: hex(&signer.sign(payload.as_bytes()).to_bytes()),
    }
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

const TODAY: &str = "2026-11-21";

fn registry_payload(version: u64) -> String {
    format!(
        r#"{{"kind":"member_registry","trustmark":"Becom","version":{version},"issued_at":"2026-11-20T08:00:00Z","members":[
        {{"shop_name":"Fietsen Peeters","member_id":"B-1","domains":["shop.example","fietsen.example"],"valid_from":"2026-01-01","valid_until":"2026-12-31","categories":["general"]}},
        {{"shop_name":"Zonnereizen","member_id":"B-2","domains":["reizen.example"],"valid_from":"2025-01-01","valid_until":"2025-12-31","categories":["travel"]}},
        {{"shop_name":"Peeters Outlet","member_id":"B-3","domains":["outlet.shop.example"],"valid_from":"2026-01-01","valid_until":"2026-12-31","categories":["general","furniture"]}}]}}"#
    )
}

fn attestation_payload(domains: &str, valid_from: &str, valid_until: &str) -> String {
    format!(
        r#"{{"kind":"membership_attestation","trustmark":"Becom","registry_version":3,"member_id":"B-1","shop_name":"Fietsen Peeters","domains":{domains},"valid_from":"{valid_from}","valid_until":"{valid_until}"}}"#
    )
}

fn good_attestation() -> String {
    attestation_payload(r#"["shop.example"]"#, "2026-01-01", "2026-12-31")
}

#[test]
fn a_signed_registry_opens_and_finds_members_by_domain_and_name() {
    let key = signer(1);
    let registry = MemberRegistry::verify(
        &seal(&key, &registry_payload(3)),
        &becom(vec![trusted(&key)]),
        day(TODAY),
    )
    .unwrap();
    assert_eq!(registry.version(), 3);
    assert_eq!(registry.trustmark().as_ref(), "Becom");
    assert_eq!(registry.members().len(), 3);
    let member = registry.find_member_by_domain("WWW.Shop.Example.").unwrap();
    assert_eq!(member.member_id().as_ref(), "B-1");
    assert_eq!(member.standing(day(TODAY)), Ok(()));
    // The more specific listing wins over its parent domain.
    let outlet = registry
        .find_member_by_domain("outlet.shop.example")
        .unwrap();
    assert_eq!(outlet.member_id().as_ref(), "B-3");
    assert_eq!(
        outlet.categories(),
        [MemberCategory::General, MemberCategory::Other]
    );
    assert!(
        registry
            .find_member_by_domain("reizen.example")
            .unwrap()
            .is_travel()
    );

    let by_name: Vec<_> = registry
        .search("peeters")
        .iter()
        .map(|m| m.member_id().as_ref())
        .collect();
    assert_eq!(by_name, ["B-1", "B-3"]);
    assert_eq!(registry.search("REIZEN.ex").len(), 1);
    assert!(registry.search("  ").is_empty());
}

#[test]
fn a_suffix_look_alike_is_no_member_but_a_subdomain_is() {
    let key = signer(1);
    let registry = MemberRegistry::verify(
        &seal(&key, &registry_payload(3)),
        &becom(vec![trusted(&key)]),
        day(TODAY),
    )
    .unwrap();
    assert!(registry.find_member_by_domain("evilshop.example").is_none());
    assert!(
        registry
            .find_member_by_domain("shop.example.evil.test")
            .is_none()
    );
    assert!(registry.find_member_by_domain("example").is_none());
    assert!(registry.find_member_by_domain(".shop.example").is_none());
    assert!(registry.find_member_by_domain("a.b.shop.example").is_some());
    assert!(
        registry
            .find_member_by_domain("shop.example:8443")
            .is_some()
    );
}

#[test]
fn a_registry_changed_by_one_byte_is_refused_as_tampered() {
    let key = signer(1);
    let mut envelope = seal(&key, &registry_payload(3));
    envelope.signed = envelope.signed.replacen("B-2", "B-4", 1);
    let refused = MemberRegistry::verify(&envelope, &becom(vec![trusted(&key)]), day(TODAY));
    assert_eq!(refused, Err(TrustmarkError::BadSignature));

    let mut envelope = seal(&key, &registry_payload(3));
    let flipped = if envelope.signature.starts_with('0') {
        "1"
    } else {
        "0"
    };
    envelope.signature.replace_range(0..1, flipped);
    let refused = MemberRegistry::verify(&envelope, &becom(vec![trusted(&key)]), day(TODAY));
    assert_eq!(refused, Err(TrustmarkError::BadSignature));
}

#[test]
fn a_registry_signed_with_a_wrong_key_is_refused() {
    let (trustmark, stranger) = (signer(1), signer(2));
    let keys = becom(vec![trusted(&trustmark)]);
    let refused = MemberRegistry::verify(&seal(&stranger, &registry_payload(3)), &keys, day(TODAY));
    assert_eq!(refused.unwrap_err().code(), "trustmark.unknown_key");

    // The stranger names the trustmark's key id: the signature gives it away.
    let mut forged = seal(&stranger, &registry_payload(3));
    forged.key_id = trusted(&trustmark).id().to_owned();
    assert_eq!(
        MemberRegistry::verify(&forged, &keys, day(TODAY)),
        Err(TrustmarkError::BadSignature)
    );
}

#[test]
fn a_lapsed_member_is_listed_but_expired() {
    let key = signer(1);
    let registry = MemberRegistry::verify(
        &seal(&key, &registry_payload(3)),
        &becom(vec![trusted(&key)]),
        day(TODAY),
    )
    .unwrap();
    let lapsed = registry.find_member_by_domain("reizen.example").unwrap();
    assert_eq!(
        lapsed.standing(day(TODAY)),
        Err(TrustmarkError::MembershipExpired {
            valid_until: day("2025-12-31")
        })
    );
    assert_eq!(lapsed.standing(day("2025-12-31")), Ok(()));
    assert_eq!(
        lapsed.standing(day("2024-12-31")).unwrap_err().code(),
        "trustmark.not_yet_valid"
    );
}

#[test]
fn key_rotation_lets_the_retired_key_open_old_versions_only() {
    let (old, new) = (signer(1), signer(2));
    let keys = becom(vec![trusted(&old).retired_from(5), trusted(&new)]);
    assert!(MemberRegistry::verify(&seal(&old, &registry_payload(4)), &keys, day(TODAY)).is_ok());
    assert!(MemberRegistry::verify(&seal(&new, &registry_payload(5)), &keys, day(TODAY)).is_ok());
    let refused = MemberRegistry::verify(&seal(&old, &registry_payload(5)), &keys, day(TODAY));
    assert_eq!(refused.unwrap_err().code(), "trustmark.retired_key");
    let refused = verify_attestation(
        &seal(
            &old,
            &good_attestation().replace(r#""registry_version":3"#, r#""registry_version":9"#),
        ),
        &keys,
        "shop.example",
        day(TODAY),
    );
    assert_eq!(refused.unwrap_err().code(), "trustmark.retired_key");
}

#[test]
fn an_older_version_than_the_one_accepted_is_a_rollback() {
    let key = signer(1);
    let keys = becom(vec![trusted(&key)]).accepting_from_version(4);
    assert_eq!(
        MemberRegistry::verify(&seal(&key, &registry_payload(3)), &keys, day(TODAY)),
        Err(TrustmarkError::StaleVersion {
            version: 3,
            min_version: 4
        })
    );
    assert!(MemberRegistry::verify(&seal(&key, &registry_payload(4)), &keys, day(TODAY)).is_ok());
}

#[test]
fn a_document_naming_another_trustmark_is_refused() {
    let key = signer(1);
    let keys = TrustedKeys::new(
        BodyName::parse("Thuiswinkel Waarborg").unwrap(),
        vec![trusted(&key)],
    );
    let refused = MemberRegistry::verify(&seal(&key, &registry_payload(3)), &keys, day(TODAY));
    assert_eq!(refused.unwrap_err().code(), "trustmark.wrong_trustmark");
}

#[test]
fn a_registry_from_the_future_is_not_yet_valid() {
    let key = signer(1);
    let payload = registry_payload(3).replace("2026-11-20T08:00:00Z", "2026-11-23T08:00:00Z");
    let refused = MemberRegistry::verify(
        &seal(&key, &payload),
        &becom(vec![trusted(&key)]),
        day(TODAY),
    );
    assert_eq!(refused.unwrap_err().code(), "trustmark.not_yet_valid");
    // A day ahead is a time zone, not a forgery.
    let payload = registry_payload(3).replace("2026-11-20T08:00:00Z", "2026-11-22T08:00:00Z");
    assert!(
        MemberRegistry::verify(
            &seal(&key, &payload),
            &becom(vec![trusted(&key)]),
            day(TODAY)
        )
        .is_ok()
    );
}

#[test]
fn a_badly_formed_but_validly_signed_registry_is_malformed() {
    let key = signer(1);
    let keys = becom(vec![trusted(&key)]);
    let cases = [
        registry_payload(3).replace(r#""reizen.example""#, r#""shop.example""#),
        registry_payload(3).replace(r#""B-2""#, r#""B-1""#),
        registry_payload(3).replace(r#""reizen.example""#, r#""https://reizen.example/""#),
        registry_payload(3).replace(
            r#""valid_until":"2025-12-31""#,
            r#""valid_until":"2024-12-31""#,
        ),
        registry_payload(3).replace(
            r#""kind":"member_registry""#,
            r#""kind":"membership_attestation""#,
        ),
        registry_payload(3).replace(r#""version":3"#, r#""version":3,"extra":1"#),
        good_attestation(),
        "not json".to_owned(),
    ];
    for payload in cases {
        let refused = MemberRegistry::verify(&seal(&key, &payload), &keys, day(TODAY));
        assert_eq!(
            refused.unwrap_err().code(),
            "trustmark.malformed",
            "{payload}"
        );
    }
    let mut envelope = seal(&key, &registry_payload(3));
    envelope.algorithm = "RS256".into();
    assert_eq!(
        MemberRegistry::verify(&envelope, &keys, day(TODAY))
            .unwrap_err()
            .code(),
        "trustmark.malformed"
    );
}

#[test]
fn the_badge_shows_on_the_shops_own_domains_only() {
    let key = signer(1);
    let keys = becom(vec![trusted(&key)]);
    let attestation = seal(&key, &good_attestation());
    let badge = verify_attestation(&attestation, &keys, "www.shop.example", day(TODAY)).unwrap();
    assert_eq!(badge.member_id.as_ref(), "B-1");
    assert_eq!(badge.domain.as_ref(), "shop.example");
    assert_eq!(badge.valid_until, day("2026-12-31"));
    for copied_to in [
        "evilshop.example",
        "shop.example.evil.test",
        "other.localhost",
        "",
        "::1",
    ] {
        assert_eq!(
            verify_attestation(&attestation, &keys, copied_to, day(TODAY))
                .unwrap_err()
                .code(),
            "trustmark.domain_mismatch",
            "{copied_to}"
        );
    }
}

#[test]
fn a_badge_needs_a_current_membership_and_an_untouched_signature() {
    let key = signer(1);
    let keys = becom(vec![trusted(&key)]);
    let expired = seal(
        &key,
        &attestation_payload(r#"["shop.example"]"#, "2025-01-01", "2025-12-31"),
    );
    assert_eq!(
        verify_attestation(&expired, &keys, "shop.example", day(TODAY)),
        Err(TrustmarkError::MembershipExpired {
            valid_until: day("2025-12-31")
        })
    );
    let early = seal(
        &key,
        &attestation_payload(r#"["shop.example"]"#, "2027-01-01", "2027-12-31"),
    );
    assert_eq!(
        verify_attestation(&early, &keys, "shop.example", day(TODAY))
            .unwrap_err()
            .code(),
        "trustmark.not_yet_valid"
    );
    let mut widened = seal(&key, &good_attestation());
    widened.signed = widened
        .signed
        .replace(r#"["shop.example"]"#, r#"["shop.example","evil.example"]"#);
    assert_eq!(
        verify_attestation(&widened, &keys, "evil.example", day(TODAY)),
        Err(TrustmarkError::BadSignature)
    );
    let stranger = seal(&signer(9), &good_attestation());
    assert_eq!(
        verify_attestation(&stranger, &keys, "shop.example", day(TODAY))
            .unwrap_err()
            .code(),
        "trustmark.unknown_key"
    );
    // A whole registry is not a badge, even when validly signed.
    let registry = seal(&key, &registry_payload(3));
    assert_eq!(
        verify_attestation(&registry, &keys, "shop.example", day(TODAY))
            .unwrap_err()
            .code(),
        "trustmark.malformed"
    );
}

#[test]
fn local_test_hosts_work_like_real_domains() {
    let key = signer(1);
    let keys = becom(vec![trusted(&key)]);
    let attestation = seal(
        &key,
        &attestation_payload(r#"["shop.localhost"]"#, "2026-01-01", "2026-12-31"),
    );
    assert!(verify_attestation(&attestation, &keys, "shop.localhost:8080", day(TODAY)).is_ok());
    assert!(verify_attestation(&attestation, &keys, "other.localhost:8080", day(TODAY)).is_err());
    assert!(verify_attestation(&attestation, &keys, "127.0.0.1", day(TODAY)).is_err());
}

#[test]
fn web_domains_are_bare_lower_case_host_names() {
    assert_eq!(
        WebDomain::parse("xn--bcher-kva.example").unwrap().as_ref(),
        "xn--bcher-kva.example"
    );
    assert_eq!(WebDomain::parse("localhost").unwrap().as_ref(), "localhost");
    for (raw, code) in [
        ("shop.example/complaints", "web_domain.not_a_host"),
        ("shop.example:443", "web_domain.not_a_host"),
        ("user@shop.example", "web_domain.not_a_host"),
        ("shop..example", "web_domain.label"),
        ("-shop.example", "web_domain.label"),
        ("bücher.example", "web_domain.label"),
        ("*.shop.example", "web_domain.label"),
        ("com", "web_domain.single_label"),
        ("127.0.0.1", "web_domain.ip_address"),
    ] {
        assert_eq!(WebDomain::parse(raw).unwrap_err().code(), code, "{raw}");
    }
    let long = format!("{}.example", "a.".repeat(130));
    assert_eq!(
        WebDomain::parse(&long).unwrap_err().code(),
        "web_domain.too_long"
    );
}

#[test]
fn every_refusal_has_its_own_code() {
    let date = day(TODAY);
    let errors = [
        TrustmarkError::Malformed(String::new()),
        TrustmarkError::UnknownKey {
            key_id: String::new(),
        },
        TrustmarkError::BadSignature,
        TrustmarkError::RetiredKey {
            key_id: String::new(),
            retired_from: 1,
            version: 1,
        },
        TrustmarkError::StaleVersion {
            version: 1,
            min_version: 2,
        },
        TrustmarkError::WrongTrustmark {
            named: String::new(),
            expected: String::new(),
        },
        TrustmarkError::MembershipExpired { valid_until: date },
        TrustmarkError::NotYetValid { valid_from: date },
        TrustmarkError::DomainMismatch {
            host: String::new(),
        },
    ];
    let codes: std::collections::BTreeSet<_> = errors.iter().map(TrustmarkError::code).collect();
    assert_eq!(codes.len(), errors.len());
}

proptest! {
    #[test]
    fn arbitrary_validly_signed_bytes_never_panic(payload in any::<Vec<u8>>(), host in ".{0,40}") {
        let key = signer(1);
        let keys = becom(vec![trusted(&key)]);
        let text = String::from_utf8_lossy(&payload);
        let envelope = seal(&key, &text);
        let _ = MemberRegistry::verify(&envelope, &keys, day(TODAY));
        let _ = verify_attestation(&envelope, &keys, &host, day(TODAY));
    }

    #[test]
    fn arbitrary_envelopes_never_panic(bytes in any::<Vec<u8>>(), signature in "[0-9a-f]{0,130}") {
        let keys = becom(vec![trusted(&signer(1))]);
        let _ = SignedEnvelope::from_json(&String::from_utf8_lossy(&bytes));
        let envelope = SignedEnvelope {
            version: 1,
            algorithm: "Ed25519".into(),
            key_id: trusted(&signer(1)).id().to_owned(),
            signed: String::from_utf8_lossy(&bytes).into_owned(),
            signature,
        };
        prop_assert!(MemberRegistry::verify(&envelope, &keys, day(TODAY)).is_err());
    }

    #[test]
    fn a_host_is_covered_only_by_itself_or_a_parent(label in "[a-z0-9]{1,10}") {
        let shop = WebDomain::parse("shop.example").unwrap();
        let (sub, look_alike, under) = (
            format!("{label}.shop.example"),
            format!("{label}shop.example"),
            format!("shop.example.{label}"),
        );
        prop_assert!(shop.covers(&sub));
        prop_assert!(!shop.covers(&look_alike));
        prop_assert!(!shop.covers(&under));
    }
}
