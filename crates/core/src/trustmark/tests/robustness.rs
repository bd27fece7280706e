//! Host-name rules, distinct codes, and inputs that must never panic.

use proptest::prelude::*;

use super::*;
use crate::trustmark::*;

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
