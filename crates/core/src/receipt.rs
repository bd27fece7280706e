//! Verifying a complaint receipt: the shop's desk, the shopper's widget (importing a
//! receipt) and an external body all check it with the same code.
//!
//! A receipt is the signed envelope the server hands out when a complaint is filed
//! (`{"version":1,"algorithm":"Ed25519","key_id":K,"signed":S,"signature":G}`, the shape of
//! [`SignedEnvelope`](crate::trustmark::SignedEnvelope)). The signature covers exactly the
//! UTF-8 bytes of `signed`, so verifying never re-serializes anything; `signed` holds the
//! payload `{complaint, evidence:[{id,media_type,sha256,size_bytes}], received_at,
//! reference}`. The shop publishes its key at `GET /api/receipt-key` as 64 hex characters.

use crate::from_json_object;
use crate::json::{FromJson, UnknownKeys};
use ed25519_dalek::{Signature, VerifyingKey};

use crate::trustmark::{SignedEnvelope, key_id};

/// What a valid receipt proves: which complaint, received when, with which files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedReceipt {
    reference: String,
    received_at: String,
    evidence_sha256: Vec<String>,
    order_number: Option<String>,
    email: Option<String>,
}

impl VerifiedReceipt {
    /// The complaint's reference, e.g. `C-7K2M9Q4XPA`.
    pub fn reference(&self) -> &str {
        &self.reference
    }

    /// When the shop received it: RFC 3339 UTC, as signed.
    pub fn received_at(&self) -> &str {
        &self.received_at
    }

    /// The SHA-256 (hex) of each evidence file, in the order they were filed.
    pub fn evidence_sha256(&self) -> &[String] {
        &self.evidence_sha256
    }

    /// The order number the complaint named, to pre-fill a form (a trustmark's page).
    pub fn order_number(&self) -> Option<&str> {
        self.order_number.as_deref()
    }

    /// The shopper's e-mail address as filed, to pre-fill a form.
    pub fn email(&self) -> Option<&str> {
        self.email.as_deref()
    }

    /// The day the shop received it (the date part of [`received_at`](Self::received_at)).
    pub fn received_on(&self) -> Option<chrono::NaiveDate> {
        crate::calendar::parse_iso_date(self.received_at.get(..10)?)
    }
}

/// Why a receipt does not verify. Each has a stable [`code`](ReceiptError::code).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReceiptError {
    /// Not a receipt: wrong shape, version, algorithm or encoding.
    #[error("receipt: {0}")]
    Malformed(String),
    /// The public key given is not 64 hex characters of an Ed25519 key.
    #[error("receipt key: not an Ed25519 public key in hex")]
    Key,
    /// Signed with another key than the one given.
    #[error("receipt: signed with key {0}, not the shop's published key")]
    OtherKey(String),
    /// The signature does not match the signed text: the receipt was altered.
    #[error("receipt: the signature does not match; the receipt was altered")]
    BadSignature,
}

impl ReceiptError {
    /// The stable code: `receipt.malformed`, `receipt.key`, `receipt.other_key`,
    /// `receipt.bad_signature`.
    pub fn code(&self) -> &'static str {
        match self {
            ReceiptError::Malformed(_) => "receipt.malformed",
            ReceiptError::Key => "receipt.key",
            ReceiptError::OtherKey(_) => "receipt.other_key",
            ReceiptError::BadSignature => "receipt.bad_signature",
        }
    }
}

struct Payload {
    reference: String,
    received_at: String,
    evidence: Vec<PayloadFile>,
    complaint: Option<PayloadComplaint>,
}

from_json_object!(Payload, UnknownKeys::Skip,
    required { "reference" => reference, "received_at" => received_at }
    optional { "evidence" => evidence, "complaint" => complaint });

/// The parts of the signed complaint a form pre-fills; anything else is ignored.
struct PayloadComplaint {
    order_number: Option<String>,
    contact: Option<PayloadContact>,
}

from_json_object!(PayloadComplaint, UnknownKeys::Skip,
    required {}
    optional { "order_number" => order_number, "contact" => contact });

struct PayloadContact {
    email: Option<String>,
}

from_json_object!(PayloadContact, UnknownKeys::Skip, required {} optional { "email" => email });

struct PayloadFile {
    sha256: String,
}

from_json_object!(PayloadFile, UnknownKeys::Skip, required { "sha256" => sha256 } optional {});

/// Verifies `receipt_json` (the receipt as the server returned it) against the shop's
/// published key (`public_key_hex`, 64 hex characters) and reads what it proves.
///
/// ```
/// use redress_core::receipt::{ReceiptError, verify_receipt};
/// let not_json = verify_receipt("{", &"00".repeat(32));
/// assert_eq!(not_json.unwrap_err().code(), "receipt.malformed");
/// ```
pub fn verify_receipt(
    receipt_json: &str,
    public_key_hex: &str,
) -> Result<VerifiedReceipt, ReceiptError> {
    receipt_signature_to_check(receipt_json, public_key_hex)?.verify()
}

/// A receipt whose Ed25519 signature the caller checks itself (the browser's WebCrypto,
/// which keeps a signature library out of the shopper's bundle); the core checks the
/// envelope, the key id and, after the caller's verdict, the payload.
#[derive(Debug, Clone)]
pub struct ReceiptCheck {
    envelope: SignedEnvelope,
    public_key: [u8; 32],
    signature: [u8; 64],
}

/// Reads `receipt_json` against the shop's key (`public_key_hex`) up to the signature
/// check: the same errors as [`verify_receipt`] for the shape, the key and the key id.
///
/// ```
/// use redress_core::receipt::receipt_signature_to_check;
/// let zero_key = "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29";
/// let other = r#"{"version":1,"algorithm":"Ed25519","key_id":"0000000000000000","signed":"{}","signature":"00"}"#;
/// let refused = receipt_signature_to_check(other, zero_key).unwrap_err();
/// assert_eq!(refused.code(), "receipt.other_key");
/// ```
pub fn receipt_signature_to_check(
    receipt_json: &str,
    public_key_hex: &str,
) -> Result<ReceiptCheck, ReceiptError> {
    let envelope = read_envelope(receipt_json)?;
    let public_key = public_key_bytes(public_key_hex).ok_or(ReceiptError::Key)?;
    if envelope.key_id != key_id(&public_key) {
        return Err(other_key(&envelope));
    }
    ReceiptCheck::new(envelope, public_key)
}

/// Reads `receipt_json` against the key it names among `public_keys_hex` (a shop's
/// published keys, or the `receipt_keys` a trustmark lists for a member, old and new):
/// the envelope's `key_id` picks the key, so no key is tried in turn. An entry that is
/// not an Ed25519 key in hex names nothing and is passed over; when no entry has the
/// envelope's key id the answer is [`ReceiptError::OtherKey`], the same as for an
/// empty list. Otherwise the same errors as [`receipt_signature_to_check`].
///
/// ```
/// use redress_core::receipt::receipt_signature_to_check_among;
/// let zero_key = "3b6a27bcceb6a42d62a3a8d02a6f0d73653215771de243a63ac048a18b59da29";
/// let other = r#"{"version":1,"algorithm":"Ed25519","key_id":"0000000000000000","signed":"{}","signature":"00"}"#;
/// let refused = receipt_signature_to_check_among(other, &["zz", zero_key]).unwrap_err();
/// assert_eq!(refused.code(), "receipt.other_key");
/// ```
pub fn receipt_signature_to_check_among(
    receipt_json: &str,
    public_keys_hex: &[impl AsRef<str>],
) -> Result<ReceiptCheck, ReceiptError> {
    let envelope = read_envelope(receipt_json)?;
    let named = public_keys_hex
        .iter()
        .filter_map(|hex| public_key_bytes(hex.as_ref()))
        .find(|key| envelope.key_id == key_id(key));
    match named {
        Some(public_key) => ReceiptCheck::new(envelope, public_key),
        None => Err(other_key(&envelope)),
    }
}

/// The envelope of version 1 with algorithm Ed25519, or why `receipt_json` is not one.
fn read_envelope(receipt_json: &str) -> Result<SignedEnvelope, ReceiptError> {
    let envelope = SignedEnvelope::from_json_text(receipt_json)
        .map_err(|e| ReceiptError::Malformed(format!("not a signed envelope: {e}")))?;
    if envelope.version != 1 || envelope.algorithm != "Ed25519" {
        return Err(ReceiptError::Malformed(
            "not version 1 with algorithm Ed25519".into(),
        ));
    }
    Ok(envelope)
}

fn public_key_bytes(hex: &str) -> Option<[u8; 32]> {
    decode_hex(hex.trim()).and_then(|b| b.try_into().ok())
}

fn other_key(envelope: &SignedEnvelope) -> ReceiptError {
    ReceiptError::OtherKey(envelope.key_id.chars().take(64).collect())
}

impl ReceiptCheck {
    fn new(envelope: SignedEnvelope, public_key: [u8; 32]) -> Result<ReceiptCheck, ReceiptError> {
        let signature: [u8; 64] = decode_hex(&envelope.signature)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| ReceiptError::Malformed("signature is not 128 hex characters".into()))?;
        Ok(ReceiptCheck {
            envelope,
            public_key,
            signature,
        })
    }

    /// Checks the signature natively (ed25519-dalek, strict) and reads what the receipt
    /// proves: for the server and the desk, where a signature library costs nothing.
    pub fn verify(&self) -> Result<VerifiedReceipt, ReceiptError> {
        let key = VerifyingKey::from_bytes(&self.public_key).map_err(|_| ReceiptError::Key)?;
        let valid = key
            .verify_strict(self.message(), &Signature::from_bytes(&self.signature))
            .is_ok();
        self.read(valid)
    }

    /// The raw 32-byte public key to verify with.
    pub fn public_key(&self) -> &[u8; 32] {
        &self.public_key
    }
    /// The 64-byte signature.
    pub fn signature(&self) -> &[u8; 64] {
        &self.signature
    }
    /// The signed bytes: the envelope's `signed` string as UTF-8.
    pub fn message(&self) -> &[u8] {
        self.envelope.signed.as_bytes()
    }

    /// What the receipt proves, given the caller's signature verdict: `false` is
    /// [`ReceiptError::BadSignature`].
    pub fn read(&self, signature_valid: bool) -> Result<VerifiedReceipt, ReceiptError> {
        if !signature_valid {
            return Err(ReceiptError::BadSignature);
        }
        let payload = Payload::from_json_text(&self.envelope.signed)
            .map_err(|e| ReceiptError::Malformed(format!("signed payload: {e}")))?;
        let (order_number, email) = match payload.complaint {
            Some(complaint) => (
                complaint.order_number,
                complaint.contact.and_then(|contact| contact.email),
            ),
            None => (None, None),
        };
        Ok(VerifiedReceipt {
            reference: payload.reference,
            received_at: payload.received_at,
            evidence_sha256: payload.evidence.into_iter().map(|f| f.sha256).collect(),
            order_number,
            email,
        })
    }
}

/// Hex (either case) to bytes; `None` on odd length or any other character.
fn decode_hex(hex: &str) -> Option<Vec<u8>> {
    let digit = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = hex.as_bytes();
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    bytes
        .chunks(2)
        .map(|pair| Some(digit(pair[0])? << 4 | digit(pair[1])?))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::{Signer, SigningKey};

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn signed(key: &SigningKey, payload: &str) -> String {
        let public = key.verifying_key().to_bytes();
        serde_json::json!({
            "version": 1, "algorithm": "Ed25519", "key_id": key_id(&public),
            "signed": payload, "signature": hex(&key.sign(payload.as_bytes()).to_bytes()),
        })
        .to_string()
    }

    const PAYLOAD: &str = r#"{"complaint":{},"evidence":[{"id":"ev_1","media_type":"image/png","sha256":"ab","size_bytes":3}],"received_at":"2026-11-21T10:00:00Z","reference":"C-7K2M9Q4XPA"}"#;

    #[test]
    fn a_genuine_receipt_verifies_and_names_its_complaint() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let public = hex(&key.verifying_key().to_bytes());
        let verified = verify_receipt(&signed(&key, PAYLOAD), &public).unwrap();
        assert_eq!(verified.reference(), "C-7K2M9Q4XPA");
        assert_eq!(verified.received_at(), "2026-11-21T10:00:00Z");
        assert_eq!(verified.evidence_sha256(), ["ab"]);
    }

    #[test]
    fn an_altered_receipt_or_another_key_is_refused() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let public = hex(&key.verifying_key().to_bytes());
        let altered = signed(&key, PAYLOAD).replace("2026-11-21T10", "2026-11-01T10");
        assert_eq!(
            verify_receipt(&altered, &public).unwrap_err(),
            ReceiptError::BadSignature
        );
        let other = hex(&SigningKey::from_bytes(&[8; 32]).verifying_key().to_bytes());
        assert_eq!(
            verify_receipt(&signed(&key, PAYLOAD), &other)
                .unwrap_err()
                .code(),
            "receipt.other_key"
        );
        assert_eq!(
            verify_receipt(&signed(&key, PAYLOAD), "zz").unwrap_err(),
            ReceiptError::Key
        );
    }

    fn public_hex(seed: u8) -> String {
        hex(&SigningKey::from_bytes(&[seed; 32])
            .verifying_key()
            .to_bytes())
    }

    #[test]
    fn the_key_the_receipt_names_is_picked_among_several() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let receipt = signed(&key, PAYLOAD);
        for keys in [
            vec![public_hex(8), public_hex(7), public_hex(9)],
            vec![public_hex(7), public_hex(8)],
            vec![public_hex(9), public_hex(8), public_hex(7)],
        ] {
            let check = receipt_signature_to_check_among(&receipt, &keys).unwrap();
            assert_eq!(check.public_key(), &key.verifying_key().to_bytes());
            assert_eq!(check.verify().unwrap().reference(), "C-7K2M9Q4XPA");
        }
        let altered = receipt.replace("2026-11-21T10", "2026-11-01T10");
        let check =
            receipt_signature_to_check_among(&altered, &[public_hex(8), public_hex(7)]).unwrap();
        assert_eq!(check.verify(), Err(ReceiptError::BadSignature));
    }

    #[test]
    fn without_the_named_key_among_them_the_receipt_is_another_keys() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let receipt = signed(&key, PAYLOAD);
        let named = key_id(&key.verifying_key().to_bytes());
        for keys in [vec![public_hex(8), public_hex(9)], vec![]] {
            assert_eq!(
                receipt_signature_to_check_among(&receipt, &keys).unwrap_err(),
                ReceiptError::OtherKey(named.clone())
            );
        }
        assert_eq!(
            receipt_signature_to_check_among("{", &[public_hex(7)])
                .unwrap_err()
                .code(),
            "receipt.malformed"
        );
    }

    #[test]
    fn a_malformed_key_in_the_list_is_passed_over() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let receipt = signed(&key, PAYLOAD);
        let malformed = [
            "zz".to_owned(),
            "ab".repeat(31),
            String::new(),
            "é".repeat(32),
        ];
        let mut keys = malformed.to_vec();
        keys.push(public_hex(7));
        let check = receipt_signature_to_check_among(&receipt, &keys).unwrap();
        assert_eq!(check.verify().unwrap().reference(), "C-7K2M9Q4XPA");
        assert_eq!(
            receipt_signature_to_check_among(&receipt, &malformed)
                .unwrap_err()
                .code(),
            "receipt.other_key"
        );
    }

    #[test]
    fn a_receipt_checked_in_the_browser_prefills_and_refuses_one_changed_byte() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let public = hex(&key.verifying_key().to_bytes());
        let payload = r#"{"complaint":{"contact":{"email":"anna@example.com","phone":null,"preferred":"any"},"order_number":"RD-1001"},"evidence":[],"received_at":"2026-11-16T09:30:00Z","reference":"C-7K2M9Q4XPA"}"#;
        let browser = |check: &ReceiptCheck| {
            VerifyingKey::from_bytes(check.public_key()).is_ok_and(|k| {
                k.verify_strict(check.message(), &Signature::from_bytes(check.signature()))
                    .is_ok()
            })
        };
        let check = receipt_signature_to_check(&signed(&key, payload), &public).unwrap();
        let verified = check.read(browser(&check)).unwrap();
        assert_eq!(verified.order_number(), Some("RD-1001"));
        assert_eq!(verified.email(), Some("anna@example.com"));
        assert_eq!(verified.received_on(), "2026-11-16".parse().ok());
        let edited = signed(&key, payload).replace("RD-1001", "RD-1002");
        let check = receipt_signature_to_check(&edited, &public).unwrap();
        assert_eq!(check.read(browser(&check)), Err(ReceiptError::BadSignature));
    }
}
