//! The member registry: lookup, tampering, keys, rotation, rollback, malformed lists.

use super::*;
use crate::escalation::BodyName;
use crate::trustmark::*;

#[test]
fn a_signed_registry_opens_and_finds_members_by_domain_and_name() {
    let key = signer(1);
    let registry = MemberRegistry::verify(
        &seal(&key, &registry_text(3)),
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
        &seal(&key, &registry_text(3)),
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
    let mut envelope = seal(&key, &registry_text(3));
    envelope.signed = envelope.signed.replacen("B-2", "B-4", 1);
    let refused = MemberRegistry::verify(&envelope, &becom(vec![trusted(&key)]), day(TODAY));
    assert_eq!(refused, Err(TrustmarkError::BadSignature));

    let mut envelope = seal(&key, &registry_text(3));
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
    let refused = MemberRegistry::verify(&seal(&stranger, &registry_text(3)), &keys, day(TODAY));
    assert_eq!(refused.unwrap_err().code(), "trustmark.unknown_key");

    // The stranger names the trustmark's key id: the signature gives it away.
    let mut forged = seal(&stranger, &registry_text(3));
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
        &seal(&key, &registry_text(3)),
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
    assert!(MemberRegistry::verify(&seal(&old, &registry_text(4)), &keys, day(TODAY)).is_ok());
    assert!(MemberRegistry::verify(&seal(&new, &registry_text(5)), &keys, day(TODAY)).is_ok());
    let refused = MemberRegistry::verify(&seal(&old, &registry_text(5)), &keys, day(TODAY));
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
        MemberRegistry::verify(&seal(&key, &registry_text(3)), &keys, day(TODAY)),
        Err(TrustmarkError::StaleVersion {
            version: 3,
            min_version: 4
        })
    );
    assert!(MemberRegistry::verify(&seal(&key, &registry_text(4)), &keys, day(TODAY)).is_ok());
}

#[test]
fn a_document_naming_another_trustmark_is_refused() {
    let key = signer(1);
    let keys = TrustedKeys::new(
        BodyName::parse("Thuiswinkel Waarborg").unwrap(),
        vec![trusted(&key)],
    );
    let refused = MemberRegistry::verify(&seal(&key, &registry_text(3)), &keys, day(TODAY));
    assert_eq!(refused.unwrap_err().code(), "trustmark.wrong_trustmark");
}

#[test]
fn a_registry_from_the_future_is_not_yet_valid() {
    let key = signer(1);
    let payload = registry_text(3).replace("2026-11-20T08:00:00Z", "2026-11-23T08:00:00Z");
    let refused = MemberRegistry::verify(
        &seal(&key, &payload),
        &becom(vec![trusted(&key)]),
        day(TODAY),
    );
    assert_eq!(refused.unwrap_err().code(), "trustmark.not_yet_valid");
    // A day ahead is a time zone, not a forgery.
    let payload = registry_text(3).replace("2026-11-20T08:00:00Z", "2026-11-22T08:00:00Z");
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
        registry_text(3).replace(r#""reizen.example""#, r#""shop.example""#),
        registry_text(3).replace(r#""B-2""#, r#""B-1""#),
        registry_text(3).replace(r#""reizen.example""#, r#""https://reizen.example/""#),
        registry_text(3).replace(
            r#""valid_until":"2025-12-31""#,
            r#""valid_until":"2024-12-31""#,
        ),
        registry_text(3).replace(
            r#""kind":"member_registry""#,
            r#""kind":"membership_attestation""#,
        ),
        registry_text(3).replace(r#""version":3"#, r#""version":3,"extra":1"#),
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
    let mut envelope = seal(&key, &registry_text(3));
    envelope.algorithm = "RS256".into();
    assert_eq!(
        MemberRegistry::verify(&envelope, &keys, day(TODAY))
            .unwrap_err()
            .code(),
        "trustmark.malformed"
    );
}

#[test]
fn published_keys_read_from_json_verify_like_built_ones() {
    let (old, new) = (signer(1), signer(2));
    let text = format!(
        r#"{{"trustmark":"Becom","keys":[{{"key_id":"{}","public_key":"{}","retired_from":5}},{{"public_key":"{}"}}]}}"#,
        trusted(&old).id(),
        hex(&old.verifying_key().to_bytes()),
        hex(&new.verifying_key().to_bytes()),
    );
    let keys = TrustedKeys::from_json(&text).unwrap();
    assert_eq!(
        keys,
        becom(vec![trusted(&old).retired_from(5), trusted(&new)])
    );
    let refused = MemberRegistry::verify(&seal(&old, &registry_text(5)), &keys, day(TODAY));
    assert_eq!(refused.unwrap_err().code(), "trustmark.retired_key");
}

#[test]
fn what_the_signer_writes_is_what_the_verifier_reads() {
    let key = signer(1);
    let keys = becom(vec![trusted(&key)]);
    let original =
        MemberRegistry::verify(&seal(&key, &registry_text(3)), &keys, day(TODAY)).unwrap();
    let republished = crate::trustmark::registry_payload(
        original.trustmark(),
        4,
        original.issued_at(),
        original.members(),
    )
    .unwrap();
    let next = MemberRegistry::verify(&seal(&key, &republished), &keys, day(TODAY)).unwrap();
    assert_eq!(next.version(), 4);
    assert_eq!(next.members(), original.members());

    let member = next.find_member_by_domain("shop.example").unwrap();
    let badge_payload =
        crate::trustmark::attestation_payload(next.trustmark(), next.version(), member).unwrap();
    let badge = verify_attestation(
        &seal(&key, &badge_payload),
        &keys,
        "www.shop.example",
        day(TODAY),
    )
    .unwrap();
    assert_eq!(badge.member_id, *member.member_id());

    let mut twice = original.members().to_vec();
    twice.push(original.members()[0].clone());
    let refused =
        crate::trustmark::registry_payload(original.trustmark(), 5, original.issued_at(), &twice);
    assert_eq!(refused.unwrap_err().code(), "trustmark.malformed");
}
