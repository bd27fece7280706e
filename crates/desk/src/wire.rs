//! The shop-side API's answers as the desk reads them. Only what the desk shows is typed;
//! the complaint itself and each event stay JSON, shown field by field.

use serde::Deserialize;
use serde_json::Value;

/// One line of the inbox (`GET /api/shop/complaints`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct InboxEntry {
    pub reference: String,
    pub order_number: Option<String>,
    pub email: Option<String>,
    pub filed_at: String,
    pub status: String,
    pub open: bool,
    pub reason: Option<String>,
    pub handler: Option<String>,
    pub next_due_at: Option<String>,
    pub overdue: bool,
    /// The member shop of a complaint filed on the trustmark's page.
    #[serde(default)]
    pub shop_name: Option<String>,
}

/// One withdrawal (`GET /api/shop/withdrawals`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct WithdrawalEntry {
    pub reference: String,
    pub order_number: Option<String>,
    pub email: String,
    pub received_at: String,
    /// `YYYY-MM-DD`: the day the refund is due by.
    pub refund_due: String,
    pub overdue: bool,
    /// The core crate's `Withdrawal`, read field by field.
    pub withdrawal: Value,
}

impl WithdrawalEntry {
    /// The items withdrawn from, or the goods the shopper typed.
    pub fn items(&self) -> Vec<String> {
        let listed: Vec<String> = self.withdrawal["items"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        if listed.is_empty() {
            self.withdrawal["contract"]["goods"]
                .as_str()
                .map(|g| vec![g.to_owned()])
                .unwrap_or_default()
        } else {
            listed
        }
    }
}

/// `GET /api/shop/complaint-counts`.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct Counts {
    pub total: u32,
    pub open: u32,
    pub overdue: u32,
    pub by_status: std::collections::BTreeMap<String, u32>,
}

impl Counts {
    /// How many complaints are in the state `code`.
    pub fn of(&self, code: &str) -> u32 {
        self.by_status.get(code).copied().unwrap_or(0)
    }
}

/// `GET /api/shop/complaints/{reference}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ComplaintDetail {
    pub reference: String,
    pub order_number: Option<String>,
    pub email: Option<String>,
    pub language: String,
    pub filed_at: String,
    /// The validated complaint as the core crate serializes it.
    pub complaint: Value,
    /// The signed receipt envelope.
    pub receipt: Value,
    pub tracking: Tracking,
    pub evidence: Vec<Evidence>,
    /// The event kinds the core lifecycle lets the desk record now.
    #[serde(default)]
    pub desk_events: Vec<String>,
    /// What the shopper was sent, oldest first.
    #[serde(default)]
    pub notifications: Vec<Notification>,
    /// Present when the complaint was filed on the trustmark's page.
    #[serde(default)]
    pub trustmark_case: Option<TrustmarkCase>,
}

/// A complaint about a member shop, as the trustmark's server keeps it beside the
/// complaint.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TrustmarkCase {
    pub member_id: String,
    pub shop_name: String,
    /// `YYYY-MM-DD`.
    pub complained_on: String,
    pub shop_reference: Option<String>,
    /// The shop's signed receipt came with the complaint and the trustmark verified it.
    pub shop_receipt_verified: bool,
}

/// A message to the shopper from the outbox.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Notification {
    pub recipient: Option<String>,
    pub subject: String,
    pub body: String,
    pub created_at: String,
}

/// The derived state of a complaint (the tracker view).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Tracking {
    pub status: String,
    pub open: bool,
    pub handler: Option<String>,
    pub overdue: bool,
    pub expected_answer_on: Option<String>,
    pub due_steps: Vec<DueStep>,
    pub timeline: Vec<TimelineEntry>,
    /// The shopper's escalation routes (core `EscalationOption`s).
    #[serde(default)]
    pub next_steps: Vec<Value>,
}

/// One deadline of the policy as it applies to this complaint.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DueStep {
    pub kind: String,
    pub due_on: String,
    pub status: String,
}

/// One event of the timeline.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct TimelineEntry {
    pub at: String,
    pub actor: String,
    /// The core `LifecycleEvent` JSON (`{type, ...}`).
    pub event: Value,
}

impl TimelineEntry {
    /// The event's kind code (`acknowledged`).
    pub fn kind(&self) -> &str {
        self.event["type"].as_str().unwrap_or_default()
    }
}

/// One evidence file of a complaint.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Evidence {
    pub id: String,
    pub name: String,
    pub media_type: String,
    pub size_bytes: u64,
    pub sha256: String,
}

impl Evidence {
    /// Images are shown as thumbnails; everything else is only downloaded.
    pub fn is_image(&self) -> bool {
        matches!(
            self.media_type.as_str(),
            "image/jpeg" | "image/png" | "image/webp"
        )
    }
}

/// An error answer: `{error, message}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ErrorAnswer {
    pub error: String,
    #[serde(default)]
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_served_complaint_reads_with_its_timeline_and_desk_events() {
        let served = r#"{"reference":"C-KQYHJRRHQP","order_number":"RD-1001","email":"anna@example.com",
            "language":"en","filed_at":"2026-11-21T21:45:24Z","complaint":{"reason":"wrong_item"},
            "receipt":{"version":1},"notifications":[],"desk_events":["acknowledged","resolved","rejected"],
            "evidence":[{"id":"ev_1","name":"a.png","media_type":"image/png","size_bytes":3,"sha256":"ab"}],
            "tracking":{"status":"received","open":true,"handler":null,"overdue":false,
              "expected_answer_on":null,"received_at":"x","allowed_events":[],
              "due_steps":[{"kind":"acknowledgement","due_on":"2026-11-25","due_by":"x","status":"open","met":null,"working_days_left":3}],
              "timeline":[{"at":"2026-11-21T21:45:24Z","actor":"system","event":{"type":"received"}}]}}"#;
        let detail: ComplaintDetail = serde_json::from_str(served).unwrap();
        assert_eq!(detail.tracking.timeline[0].kind(), "received");
        assert_eq!(detail.desk_events, ["acknowledged", "resolved", "rejected"]);
        assert!(detail.evidence[0].is_image());
        assert_eq!(detail.complaint["reason"], "wrong_item");
        assert_eq!(detail.trustmark_case, None);
    }

    #[test]
    fn a_trustmark_complaint_reads_with_its_case() {
        let served = r#"{"reference":"C-KQYHJRRHQP","order_number":null,"email":null,
            "language":"nl","filed_at":"2026-11-21T21:45:24Z","complaint":{},"receipt":{},
            "evidence":[],"tracking":{"status":"received","open":true,"handler":null,
              "overdue":false,"expected_answer_on":null,"due_steps":[],"timeline":[]},
            "trustmark_case":{"member_id":"B-2231","shop_name":"Fietsen Peeters",
              "complained_on":"2026-10-20","shop_reference":null,"shop_receipt_verified":true}}"#;
        let detail: ComplaintDetail = serde_json::from_str(served).unwrap();
        let case = detail.trustmark_case.unwrap();
        assert_eq!(case.shop_name, "Fietsen Peeters");
        assert!(case.shop_receipt_verified);
    }
}
