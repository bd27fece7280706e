//! The membership badge: shown on the shop's own domains, with a current membership only.

use super::*;
use crate::trustmark::*;

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
        &attestation_text(r#"["shop.example"]"#, "2025-01-01", "2025-12-31"),
    );
    assert_eq!(
        verify_attestation(&expired, &keys, "shop.example", day(TODAY)),
        Err(TrustmarkError::MembershipExpired {
            valid_until: day("2025-12-31")
        })
    );
    let early = seal(
        &key,
        &attestation_text(r#"["shop.example"]"#, "2027-01-01", "2027-12-31"),
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
    let registry = seal(&key, &registry_text(3));
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
        &attestation_text(r#"["shop.localhost"]"#, "2026-01-01", "2026-12-31"),
    );
    assert!(verify_attestation(&attestation, &keys, "shop.localhost:8080", day(TODAY)).is_ok());
    assert!(verify_attestation(&attestation, &keys, "other.localhost:8080", day(TODAY)).is_err());
    assert!(verify_attestation(&attestation, &keys, "127.0.0.1", day(TODAY)).is_err());
}
