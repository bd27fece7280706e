//! What the filing flow knows between renders: the step, the draft and its idempotency
//! key, and which field errors belong to which step. Everything here is plain Rust so
//! it is tested natively; the rules themselves are the core crate's `draft::validate`.

use chrono::{DateTime, Utc};
use redress_core::draft::{ComplaintDraft, EvidenceDraft, validate};
use redress_core::from_json_object;
use redress_core::json::{FromJson, Json, JsonError, UnknownKeys, code};
use redress_core::policy::ComplaintPolicy;
use serde::Serialize;

use crate::api::FoundOrder;

/// The steps of the form, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Step {
    /// Reason, items, incident date, description.
    What,
    /// The resolution and, for compensation, the amount.
    Want,
    /// Photos, invoice, e-mails: prepared on the device and uploaded in the background.
    Evidence,
    /// E-mail, phone, preferred channel.
    Contact,
    /// Everything on one screen before submitting.
    Review,
}

impl Step {
    /// The steps the shopper walks, in order.
    pub const ALL: [Step; 5] = [
        Step::What,
        Step::Want,
        Step::Evidence,
        Step::Contact,
        Step::Review,
    ];

    /// The step after this one (Review is the last).
    pub fn next(self) -> Step {
        match self {
            Step::What => Step::Want,
            Step::Want => Step::Evidence,
            Step::Evidence => Step::Contact,
            Step::Contact | Step::Review => Step::Review,
        }
    }

    /// The step before this one (What is the first).
    pub fn back(self) -> Step {
        match self {
            Step::What | Step::Want => Step::What,
            Step::Evidence => Step::Want,
            Step::Contact => Step::Evidence,
            Step::Review => Step::Contact,
        }
    }
}

/// One field error placed on the form: the core crate's field path and stable code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub field: String,
    pub code: String,
}

impl Placed {
    /// The step whose form holds `field`; fields the shopper does not edit (order
    /// number, evidence, routing facts) are shown on the review step.
    pub fn step(&self) -> Step {
        let root = self.field.split(['.', '[']).next().unwrap_or("");
        match root {
            "reason" | "items" | "incident_date" | "order_date" | "delivery_date"
            | "description" => Step::What,
            "resolution" | "amount" => Step::Want,
            "evidence" => Step::Evidence,
            "contact" | "email" | "phone" | "preferred_channel" => Step::Contact,
            _ => Step::Review,
        }
    }

    /// The id of the input an error-summary link moves focus to, if it has one.
    pub fn input_id(&self) -> Option<&'static str> {
        let id = match self.field.as_str() {
            "reason" => "redress-reason-0",
            f if f.starts_with("items") => "redress-item-0",
            "incident_date" | "order_date" | "delivery_date" => "redress-incident-date",
            "description" => "redress-description",
            "resolution" => "redress-resolution-0",
            "amount" => "redress-amount",
            f if f.starts_with("evidence") => "redress-evidence-files",
            "contact" | "contact.email" | "email" => "redress-contact-email",
            "contact.phone" | "phone" => "redress-phone",
            "contact.preferred_channel" | "preferred_channel" => "redress-channel-0",
            _ => return None,
        };
        Some(id)
    }

    /// Whether this error belongs next to the input whose field path starts with
    /// `prefix` (`items` also takes `items[2]`; `contact.email` takes `contact`).
    pub fn is_for(&self, prefix: &str) -> bool {
        self.input_id().is_some() && self.input_id() == placed_id(prefix)
    }
}

fn placed_id(field: &str) -> Option<&'static str> {
    Placed {
        field: field.to_owned(),
        code: String::new(),
    }
    .input_id()
}

/// The core crate's errors for the draft, only those on `step` (the review step sees
/// every error, since submitting sends everything).
pub fn errors_on(
    draft: &ComplaintDraft,
    policy: &ComplaintPolicy,
    now: DateTime<Utc>,
    step: Step,
) -> Vec<Placed> {
    match validate(draft, policy, now) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|e| Placed {
                field: e.field().to_owned(),
                code: e.code().as_str().to_owned(),
            })
            .filter(|p| step == Step::Review || p.step() == step)
            .collect(),
    }
}

/// A draft in progress, as saved in the browser so a reload or a closed tab resumes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SavedFiling {
    pub order: FoundOrder,
    pub step: Step,
    /// Generated once per draft; a retry after a reload reuses it, so it never files twice.
    pub idempotency_key: String,
    pub draft: ComplaintDraft,
    /// The files uploaded so far, in the order of `draft.evidence`.
    pub evidence: Vec<AttachedEvidence>,
}

/// A file the shop's endpoint has stored: what the complaint refers to by `id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AttachedEvidence {
    /// The server's id (`ev_...`), sent with the complaint.
    pub id: String,
    /// Name, type, size and SHA-256 of the bytes that were sent.
    pub file: EvidenceDraft,
    /// GPS coordinates were removed on the device before the upload.
    pub location_removed: bool,
    /// Camera or other metadata was removed on the device before the upload.
    pub metadata_removed: bool,
}

// A saved draft is read back with the core's JSON reader (serde's generated readers
// were a large part of the bundle). Keys a newer widget wrote are skipped; a draft
// saved before evidence existed reads with none.
from_json_object!(SavedFiling, UnknownKeys::Skip,
    required {
        "order" => order, "step" => step, "idempotency_key" => idempotency_key,
        "draft" => draft,
    }
    optional { "evidence" => evidence });

impl FromJson for Step {
    fn from_json(json: &Json) -> Result<Self, JsonError> {
        let name = |step: &Step| match step {
            Step::What => "What",
            Step::Want => "Want",
            Step::Evidence => "Evidence",
            Step::Contact => "Contact",
            Step::Review => "Review",
        };
        code(
            json,
            |c| Step::ALL.into_iter().find(|s| name(s) == c),
            "a step",
        )
    }
}

from_json_object!(AttachedEvidence, UnknownKeys::Skip, {
    "id" => id, "file" => file, "location_removed" => location_removed,
    "metadata_removed" => metadata_removed,
});

impl SavedFiling {
    /// Adds an uploaded file to the complaint.
    pub fn attach(&mut self, attached: AttachedEvidence) {
        self.evidence.push(attached);
        self.sync_evidence();
    }

    /// Takes a file off the complaint (it expires unattached on the server).
    pub fn detach(&mut self, id: &str) {
        self.evidence.retain(|e| e.id != id);
        self.sync_evidence();
    }

    /// The ids the server needs, in the order of `draft.evidence`.
    pub fn evidence_ids(&self) -> Vec<String> {
        self.evidence.iter().map(|e| e.id.clone()).collect()
    }

    fn sync_evidence(&mut self) {
        self.draft.evidence = self.evidence.iter().map(|e| e.file.clone()).collect();
    }
}

impl SavedFiling {
    /// A fresh draft for a found order, pre-filled with what the lookup already knows.
    pub fn start(order: FoundOrder, email: &str, idempotency_key: String) -> SavedFiling {
        let day = |iso: &Option<String>| {
            iso.as_deref()
                .map(|d| d.chars().take(10).collect())
                .unwrap_or_default()
        };
        let draft = ComplaintDraft {
            order_number: order.order_number.clone(),
            email: email.trim().to_owned(),
            order_date: day(&order.placed_on),
            delivery_date: day(&order.delivered_on),
            ..ComplaintDraft::default()
        };
        SavedFiling {
            order,
            step: Step::What,
            idempotency_key,
            draft,
            evidence: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn attached_files_are_what_the_draft_declares_in_the_same_order() {
        let mut saved = SavedFiling::start(order(), "anna@example.com", "k".into());
        let file = |name: &str| EvidenceDraft {
            file_name: name.into(),
            media_type: "text/plain".into(),
            size_bytes: 3,
            sha256: "0".repeat(64),
        };
        for (id, name) in [("ev_1", "a.txt"), ("ev_2", "b.txt")] {
            saved.attach(AttachedEvidence {
                id: id.into(),
                file: file(name),
                location_removed: false,
                metadata_removed: false,
            });
        }
        saved.detach("ev_1");
        assert_eq!(saved.evidence_ids(), ["ev_2"]);
        assert_eq!(saved.draft.evidence, [file("b.txt")]);
        // A draft saved before evidence existed still loads.
        let old = r#"{"order":{"order_number":"RD-1","placed_on":null,"delivered_on":null,"items":[]},"step":"What","idempotency_key":"k","draft":{}}"#;
        assert!(
            SavedFiling::from_json_text(old)
                .unwrap()
                .evidence
                .is_empty()
        );
    }

    use super::*;
    use chrono::TimeZone;

    /// What `device::save` writes (serde) is what `device::load` reads back (the core's
    /// JSON reader), every field included; a newer widget's extra keys are skipped.
    #[test]
    fn a_saved_draft_reads_back_whole() {
        let mut order = order();
        order.items = vec![crate::api::OrderItem {
            name: "Kettle".into(),
            quantity: 2,
        }];
        order.typed = true;
        let mut saved = SavedFiling::start(order, "anna@example.com", "key-1".into());
        saved.step = Step::Contact;
        saved.draft.description = "Broken on arrival \"badly\" \u{1F62D}".into();
        saved.attach(AttachedEvidence {
            id: "ev_9".into(),
            file: EvidenceDraft {
                file_name: "foto.jpg".into(),
                media_type: "image/jpeg".into(),
                size_bytes: 123_456,
                sha256: "a".repeat(64),
            },
            location_removed: true,
            metadata_removed: true,
        });
        let text = serde_json::to_string(&saved).unwrap();
        assert_eq!(SavedFiling::from_json_text(&text), Ok(saved.clone()));
        let newer = text.replacen('{', r#"{"theme":{"dark":true},"#, 1);
        assert_eq!(SavedFiling::from_json_text(&newer), Ok(saved));
        assert!(SavedFiling::from_json_text(r#"{"step":"What"}"#).is_err());
    }

    fn order() -> FoundOrder {
        FoundOrder {
            order_number: "RD-1001".into(),
            placed_on: Some("2026-11-01".into()),
            delivered_on: Some("2026-11-11T10:00:00Z".into()),
            items: Vec::new(),
            typed: false,
        }
    }

    #[test]
    fn a_fresh_draft_knows_the_order_and_the_shopper_address() {
        let saved = SavedFiling::start(order(), " anna@example.com ", "k".into());
        assert_eq!(saved.draft.order_number, "RD-1001");
        assert_eq!(saved.draft.email, "anna@example.com");
        assert_eq!(saved.draft.delivery_date, "2026-11-11");
        assert_eq!(saved.step, Step::What);
    }

    #[test]
    fn an_empty_first_step_names_its_own_fields_only() {
        let saved = SavedFiling::start(order(), "anna@example.com", "k".into());
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
        let policy = ComplaintPolicy::default();
        let what = errors_on(&saved.draft, &policy, now, Step::What);
        assert!(what.iter().any(|e| e.code == "reason.missing"));
        assert!(what.iter().all(|e| e.step() == Step::What));
        let want = errors_on(&saved.draft, &policy, now, Step::Want);
        assert_eq!(
            want.iter().map(|e| e.code.as_str()).collect::<Vec<_>>(),
            ["resolution.missing"]
        );
    }

    #[test]
    fn server_errors_land_on_the_step_that_holds_the_field() {
        let placed = |field: &str| Placed {
            field: field.into(),
            code: "x".into(),
        };
        assert_eq!(placed("items[3]").step(), Step::What);
        assert_eq!(placed("contact.phone").step(), Step::Contact);
        assert_eq!(placed("amount").step(), Step::Want);
        assert_eq!(placed("evidence").step(), Step::Evidence);
        assert_eq!(
            placed("evidence[1]").input_id(),
            Some("redress-evidence-files")
        );
        assert_eq!(placed("order_number").step(), Step::Review);
        assert!(placed("items[3]").is_for("items"));
        assert!(!placed("contact.phone").is_for("contact.email"));
    }
}
