//! "Member of <trustmark>" in a shop's widget: shown only when the trustmark's signed
//! attestation verifies (signature by WebCrypto, the rest by the core) **and** names the
//! host this page is served from. A badge copied to another site, a lapsed membership or
//! an unreachable trustmark all show nothing: the badge never says more than it can prove.

use leptos::prelude::*;
use redress_core::trustmark::{Badge, PublishedKeys, SignedEnvelope};

use crate::api;
use crate::filing::now;
use crate::messages::Lang;
use crate::webcrypto::ed25519_verifies;

/// The trustmark's key list beside an attestation URL:
/// `…/trustmark/attestations/B-1` -> `…/trustmark/keys`.
pub fn keys_url(attestation_url: &str) -> Option<String> {
    let (base, member) = attestation_url.rsplit_once("/attestations/")?;
    (!member.is_empty() && !member.contains('/')).then(|| format!("{base}/keys"))
}

/// Fetches and judges the attestation for the page served from `page_host`.
pub async fn verified_badge(attestation_url: &str, page_host: &str) -> Option<Badge> {
    let keys_url = keys_url(attestation_url)?;
    let keys = PublishedKeys::from_json(&api::get_text(&keys_url).await.ok()?).ok()?;
    let envelope = SignedEnvelope::from_json(&api::get_text(attestation_url).await.ok()?).ok()?;
    let check = keys.signature_to_check(&envelope).ok()?;
    let valid = ed25519_verifies(check.public_key(), check.signature(), check.message()).await;
    check.attestation(valid, page_host, now().date_naive()).ok()
}

fn page_host() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().hostname().ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// The badge, or nothing. `attestation_url` empty: the shop shows no badge.
#[component]
pub fn MemberBadge(attestation_url: String, lang: Lang) -> impl IntoView {
    let t = lang.messages();
    let badge = RwSignal::new(None::<Badge>);
    if !attestation_url.is_empty() {
        leptos::task::spawn_local(async move {
            badge.set(verified_badge(&attestation_url, &page_host()).await);
        });
    }
    move || {
        badge.get().map(|badge| {
            view! {
                <p class="redress-order-title redress-member-badge" data-member=badge.member_id.to_string()>
                    {t.tm_badge.replace("{trustmark}", badge.trustmark.as_ref())}
                </p>
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_sit_beside_the_attestation() {
        assert_eq!(
            keys_url("https://becom.example/api/trustmark/attestations/B-1").as_deref(),
            Some("https://becom.example/api/trustmark/keys")
        );
        assert_eq!(
            keys_url("https://becom.example/api/trustmark/registry"),
            None
        );
        assert_eq!(keys_url("/api/trustmark/attestations/"), None);
    }
}
