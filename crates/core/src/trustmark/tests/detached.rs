//! The browser's path: the signature checked outside the core (WebCrypto there, dalek
//! here), everything else judged by the core with the native path's errors.

use ed25519_dalek::{Signature, Verifier, VerifyingKey};

use super::*;
use crate::calendar::WorkingCalendar;
use crate::country::Country;
use crate::trustmark::*;

/// What the browser does: verify the named signature over the named bytes.
fn browser_verdict(check: &SignatureCheck<'_>) -> bool {
    VerifyingKey::from_bytes(check.public_key()).is_ok_and(|key| {
        key.verify(check.message(), &Signature::from_bytes(check.signature()))
            .is_ok()
    })
}

fn published(signers: &[&SigningKey]) -> PublishedKeys {
    let keys: Vec<String> = signers
        .iter()
        .map(|s| {
            format!(
                r#"{{"public_key":"{}"}}"#,
                hex(&s.verifying_key().to_bytes())
            )
        })
        .collect();
    PublishedKeys::from_json(&format!(
        r#"{{"trustmark":"Becom","keys":[{}]}}"#,
        keys.join(",")
    ))
    .unwrap()
}

fn badge_code(keys: &PublishedKeys, envelope: &SignedEnvelope, host: &str) -> &'static str {
    match keys.signature_to_check(envelope) {
        Err(e) => e.code(),
        Ok(check) => match check.attestation(browser_verdict(&check), host, day(TODAY)) {
            Ok(_) => "ok",
            Err(e) => e.code(),
        },
    }
}

#[test]
fn a_badge_checked_in_the_browser_fails_like_the_native_one() {
    let key = signer(1);
    let keys = published(&[&key]);
    let good = seal(&key, &good_attestation());
    assert_eq!(badge_code(&keys, &good, "www.shop.example"), "ok");
    assert_eq!(
        badge_code(&keys, &good, "other.localhost"),
        "trustmark.domain_mismatch"
    );
    let mut tampered = good.clone();
    tampered.signed = tampered.signed.replace("B-1", "B-9");
    assert_eq!(
        badge_code(&keys, &tampered, "shop.example"),
        "trustmark.bad_signature"
    );
    let stranger = seal(&signer(2), &good_attestation());
    assert_eq!(
        badge_code(&keys, &stranger, "shop.example"),
        "trustmark.unknown_key"
    );
    let expired = seal(
        &key,
        &attestation_text(r#"["shop.example"]"#, "2025-01-01", "2025-12-31"),
    );
    assert_eq!(
        badge_code(&keys, &expired, "shop.example"),
        "trustmark.membership_expired"
    );
    // The same documents through the native verifier say the same.
    let native = becom(vec![trusted(&key)]);
    for (envelope, host) in [
        (&good, "other.localhost"),
        (&tampered, "shop.example"),
        (&stranger, "shop.example"),
        (&expired, "shop.example"),
    ] {
        assert_eq!(
            verify_attestation(envelope, &native, host, day(TODAY))
                .unwrap_err()
                .code(),
            badge_code(&keys, envelope, host)
        );
    }
}

#[test]
fn a_registry_checked_in_the_browser_opens_and_refuses_a_changed_byte() {
    let key = signer(1);
    let keys = published(&[&key]);
    let envelope = seal(&key, &registry_text(3));
    let check = keys.signature_to_check(&envelope).unwrap();
    let registry = check.registry(browser_verdict(&check), day(TODAY)).unwrap();
    assert_eq!(registry.search("peeters").len(), 2);
    let mut tampered = envelope.clone();
    tampered.signed = tampered.signed.replacen("2026-12-31", "2027-12-31", 1);
    let check = keys.signature_to_check(&tampered).unwrap();
    assert_eq!(
        check.registry(browser_verdict(&check), day(TODAY)),
        Err(TrustmarkError::BadSignature)
    );
    let floor = published(&[&key]).accepting_from_version(4);
    let check = floor.signature_to_check(&envelope).unwrap();
    assert_eq!(
        check
            .registry(browser_verdict(&check), day(TODAY))
            .unwrap_err()
            .code(),
        "trustmark.stale_version"
    );
}

#[test]
fn the_gate_routes_by_membership_travel_border_and_the_wait() {
    let key = signer(1);
    let keys = becom(vec![trusted(&key)]);
    let registry =
        MemberRegistry::verify(&seal(&key, &registry_text(3)), &keys, day(TODAY)).unwrap();
    let belgium = WorkingCalendar::for_country(Country::BE).unwrap();
    let shop = registry.find_member_by_domain("shop.example");
    let travel = registry.find_member_by_domain("reizen.example");
    let route = |member, complained_on: Option<&str>, cross_border| {
        let answers = GateAnswers {
            member,
            complained_on: complained_on.map(day),
            cross_border,
        };
        route_complaint(&answers, day(TODAY), &belgium, 5)
    };
    // Complained Monday 16 November: five working days run out on Monday 23 November.
    assert_eq!(
        route(shop, Some("2026-11-16"), false),
        TrustmarkRoute::TooEarly {
            opens_on: day("2026-11-23")
        }
    );
    // Wednesday 11 November is Armistice Day in Belgium, not a working day.
    // Wednesday 11 November (Armistice Day) is no working day in Belgium: complained on
    // Tuesday the 10th, the wait runs out on Wednesday the 18th, not the 17th.
    let answers = GateAnswers {
        member: shop,
        complained_on: Some(day("2026-11-10")),
        cross_border: false,
    };
    assert_eq!(
        route_complaint(&answers, day("2026-11-17"), &belgium, 5),
        TrustmarkRoute::TooEarly {
            opens_on: day("2026-11-18")
        }
    );
    assert_eq!(
        route_complaint(&answers, day("2026-11-18"), &belgium, 5),
        TrustmarkRoute::Trustmark
    );
    assert_eq!(
        route(shop, Some("2026-11-13"), false),
        TrustmarkRoute::Trustmark
    );
    assert_eq!(route(shop, None, false), TrustmarkRoute::ShopFirst);
    assert_eq!(
        route(None, Some("2026-11-02"), false),
        TrustmarkRoute::ConsumerOmbudsman { expired_on: None }
    );
    let current_travel = MemberRegistry::verify(
        &seal(&key, &registry_text(3).replace("2025-12-31", "2026-12-31")),
        &keys,
        day(TODAY),
    )
    .unwrap();
    assert_eq!(
        route(
            current_travel.find_member_by_domain("reizen.example"),
            Some("2026-11-02"),
            false
        ),
        TrustmarkRoute::TravelDisputesCommittee
    );
    // The travel member's membership lapsed in 2025: lapsed wins over travel.
    assert_eq!(
        route(travel, Some("2026-11-02"), false),
        TrustmarkRoute::ConsumerOmbudsman {
            expired_on: Some(day("2025-12-31"))
        }
    );
    assert_eq!(
        route(shop, Some("2026-11-02"), true),
        TrustmarkRoute::EuropeanConsumerCentre
    );
}
