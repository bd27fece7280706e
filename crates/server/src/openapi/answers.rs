//! The shapes of the answers the routes build as JSON from core types (the tracking view,
//! the tracker, the shop's complaint and withdrawal, the policy). The core crate has no
//! OpenAPI derives of its own (it stays free of server concerns), so these structs only
//! describe the JSON. `tests/api/openapi.rs` validates every body the server sends
//! against them, with undeclared keys refused, so they cannot drift from the handlers.

// Never built: these types only describe JSON.
#![allow(dead_code)]

use utoipa::ToSchema;

use crate::receipt::Receipt;

/// The tracker view of a complaint, derived from its timeline (`tracking::derive`).
#[derive(ToSchema)]
#[schema(as = TrackingView)]
pub struct TrackingViewSchema {
    /// The core `ComplaintState` code, e.g. `acknowledged`.
    status: String,
    /// False once accepted, referred outside or withdrawn.
    open: bool,
    /// The handler named by the last acknowledgement or assignment.
    handler: Option<String>,
    /// RFC 3339 UTC.
    received_at: String,
    /// `YYYY-MM-DD`: the date the shop last promised an answer by.
    expected_answer_on: Option<String>,
    /// Some due step is past its time and not met.
    overdue: bool,
    due_steps: Vec<DueStepSchema>,
    /// Core `EventKind` codes the lifecycle allows next (any actor).
    allowed_events: Vec<String>,
    /// The event kinds the shopper may record now.
    shopper_events: Vec<String>,
    /// ISO 3166-1 alpha-2, never empty (the shop's country for a domestic complaint).
    shopper_country: String,
    category: super::ProductCategorySchema,
    /// Every escalation route of the policy, judged for this complaint now.
    next_steps: Vec<EscalationOptionSchema>,
    timeline: Vec<TimelineEntrySchema>,
}

/// One deadline with its countdown (core `DueStep`).
#[derive(ToSchema)]
#[schema(as = DueStep)]
pub struct DueStepSchema {
    kind: DueStepKindSchema,
    /// `YYYY-MM-DD`, the shop's day.
    due_on: String,
    /// RFC 3339 UTC: the last second of `due_on` in the shop's time zone.
    due_by: String,
    met: Option<MetBySchema>,
    status: DueStatusSchema,
    /// Working days until `due_on`; null once met or past.
    working_days_left: Option<i64>,
}

/// Which deadline (core `DueStepKind`).
#[derive(ToSchema)]
#[schema(as = DueStepKind, rename_all = "snake_case")]
pub enum DueStepKindSchema {
    Acknowledgement,
    Assignment,
    Resolution,
    BoardAnswer,
}

/// Where a deadline stands (core `DueStatus`).
#[derive(ToSchema)]
#[schema(as = DueStatus, rename_all = "snake_case")]
pub enum DueStatusSchema {
    Open,
    Overdue,
    Met,
    MetLate,
    Missed,
    Lapsed,
}

/// The event that met a deadline (core `MetBy`).
#[derive(ToSchema)]
#[schema(as = MetBy)]
pub struct MetBySchema {
    /// RFC 3339 UTC.
    at: String,
    /// A core `EventKind` code.
    event: String,
}

/// One escalation route as the tracker shows it (core `EscalationOption`).
#[derive(ToSchema)]
#[schema(as = EscalationOption)]
pub struct EscalationOptionSchema {
    route: EscalationRouteSchema,
    availability: AvailabilitySchema,
    /// The body's name, when the policy names one.
    name: Option<String>,
    url: Option<String>,
    /// The shop's membership id at the trustmark.
    member_id: Option<String>,
    /// ISO 3166-1 alpha-2 of the body (the European Consumer Centre's country).
    country: Option<String>,
}

/// A route of escalation (core `EscalationRoute`).
#[derive(ToSchema)]
#[schema(as = EscalationRoute, rename_all = "snake_case")]
pub enum EscalationRouteSchema {
    Board,
    Trustmark,
    ConsumerOmbudsman,
    AdrBody,
    TravelDisputesCommittee,
    EuropeanConsumerCentre,
    Chargeback,
    SmallClaimsCourt,
}

/// Whether a route is open (core `Availability`, tagged by `status`): `open_now`;
/// `opens_on` with `date`; `unavailable` with `why`.
#[derive(ToSchema)]
#[schema(as = Availability)]
pub struct AvailabilitySchema {
    status: AvailabilityStatusSchema,
    /// `YYYY-MM-DD`, only with `opens_on`.
    #[schema(required = false)]
    date: String,
    /// A core `WhyNot` code, only with `unavailable`.
    #[schema(required = false)]
    why: WhyNotSchema,
}

/// The tag of [`AvailabilitySchema`].
#[derive(ToSchema)]
#[schema(as = AvailabilityStatus, rename_all = "snake_case")]
pub enum AvailabilityStatusSchema {
    OpenNow,
    OpensOn,
    Unavailable,
}

/// Why a route is not open (core `WhyNot`).
#[derive(ToSchema)]
#[schema(as = WhyNot, rename_all = "snake_case")]
pub enum WhyNotSchema {
    Closed,
    NotOffered,
    AlreadyEscalated,
    BoardHasAnswered,
    NotAMember,
    TrustmarkMember,
    OtherCountry,
    NotTravel,
    NotCrossBorder,
    NoConsumerCentre,
}

/// One entry of the append-only timeline (core `TimelineEntry`).
#[derive(ToSchema)]
#[schema(as = TimelineEntry)]
pub struct TimelineEntrySchema {
    /// RFC 3339 UTC.
    at: String,
    /// `shopper`, `shop`, `board` or `system`.
    actor: String,
    /// The core `LifecycleEvent`, tagged by `type`.
    #[schema(value_type = Object)]
    event: serde_json::Value,
}

/// What the shopper's tracker reads (`GET /api/complaints/{reference}`).
#[derive(ToSchema)]
#[schema(as = Tracker)]
pub struct TrackerSchema {
    reference: String,
    tracking: TrackingViewSchema,
    evidence: Vec<EvidenceViewSchema>,
    receipt: Receipt,
}

/// One attached evidence file.
#[derive(ToSchema)]
#[schema(as = EvidenceView)]
pub struct EvidenceViewSchema {
    /// `ev_...`, the id of the upload.
    id: String,
    /// The shopper's file name (display only; never a path on the server).
    name: String,
    media_type: String,
    size_bytes: i64,
    /// 64 lowercase hex characters.
    sha256: String,
}

/// One complaint as the shop's desk reads it (`GET /api/shop/complaints/{reference}`).
#[derive(ToSchema)]
#[schema(as = ShopComplaint)]
pub struct ShopComplaintSchema {
    reference: String,
    /// Absent when the policy did not ask for one.
    order_number: Option<String>,
    email: Option<String>,
    /// The shopper's language; messages to them use it.
    language: String,
    /// RFC 3339 UTC, seconds.
    filed_at: String,
    /// The validated core `Complaint` as stored.
    #[schema(value_type = Object)]
    complaint: serde_json::Value,
    receipt: Receipt,
    tracking: TrackingViewSchema,
    /// The event kinds the shop's desk may record now.
    desk_events: Vec<String>,
    evidence: Vec<EvidenceViewSchema>,
    /// The messages queued for the shopper, oldest first.
    notifications: Vec<NotificationSchema>,
    /// Present for a complaint filed on the trustmark's page.
    trustmark_case: Option<TrustmarkCaseSchema>,
}

/// A complaint about a member shop, as the trustmark's desk reads it.
#[derive(ToSchema)]
#[schema(as = TrustmarkCase)]
pub struct TrustmarkCaseSchema {
    /// The member id as the registry lists it.
    member_id: String,
    /// The member's name when the complaint was filed.
    shop_name: String,
    /// `YYYY-MM-DD`: when the shopper complained to the shop (the receipt's day when one
    /// verified).
    complained_on: String,
    /// The shop's reference for that complaint.
    shop_reference: Option<String>,
    /// The shop's signed receipt came with the complaint and verified against a receipt
    /// key the registry lists for the member.
    shop_receipt_verified: bool,
}

/// A message to the shopper from the outbox.
#[derive(ToSchema)]
#[schema(as = Notification)]
pub struct NotificationSchema {
    recipient: Option<String>,
    language: String,
    subject: String,
    body: String,
    /// RFC 3339 UTC, seconds.
    created_at: String,
}

/// A withdrawal as the shop reads it (`GET /api/shop/withdrawals/{reference}`).
#[derive(ToSchema)]
#[schema(as = ShopWithdrawal)]
pub struct ShopWithdrawalSchema {
    reference: String,
    order_number: Option<String>,
    email: String,
    language: String,
    /// RFC 3339 UTC, seconds.
    received_at: String,
    /// `YYYY-MM-DD`.
    refund_due: Option<String>,
    /// Derived per request: the shop's today is past `refund_due`.
    overdue: bool,
    /// The validated core `Withdrawal`.
    #[schema(value_type = Object)]
    withdrawal: serde_json::Value,
    receipt: Receipt,
    /// The acknowledgement as queued for the shopper.
    messages: Vec<MessageSchema>,
}

/// A message as queued, without its time.
#[derive(ToSchema)]
#[schema(as = Message)]
pub struct MessageSchema {
    recipient: Option<String>,
    language: String,
    subject: String,
    body: String,
}

/// One failing field of a `validation` error (core `FieldError`).
#[derive(ToSchema)]
#[schema(as = FieldError)]
pub struct FieldErrorSchema {
    /// The field's path, e.g. `contact.email`, `evidence[0].size_bytes`.
    field: String,
    /// The core `ErrorCode`, e.g. `order_number.format`.
    code: String,
    /// The rule's numbers and names for the message, e.g. `{"max": 4000}`.
    #[schema(value_type = Object)]
    params: serde_json::Value,
}

/// The shop's complaint policy as served (core `ComplaintPolicy`, `GET /api/policy`).
/// Each section is described in the core crate's `policy` module.
#[derive(ToSchema)]
#[schema(as = ComplaintPolicy)]
pub struct ComplaintPolicySchema {
    /// `{name, country, time_zone, currency, languages}`.
    #[schema(value_type = Object)]
    shop: serde_json::Value,
    /// The core `ComplaintReason` codes the shop offers.
    reasons: Vec<String>,
    /// The core `ResolutionKind` codes the shop offers.
    resolutions: Vec<String>,
    /// Which fields the form requires.
    #[schema(value_type = Object)]
    required: serde_json::Value,
    /// `{min_chars, max_chars}`.
    #[schema(value_type = Object)]
    description: serde_json::Value,
    /// `{key: "email"|"postcode", required}`.
    #[schema(value_type = Object)]
    order_lookup: serde_json::Value,
    /// `{accepted, max_file_bytes, max_count, max_total_bytes, ...}`.
    #[schema(value_type = Object)]
    evidence: serde_json::Value,
    /// The complaint window per reason (`{months}`, `{days}` or null).
    #[schema(value_type = Object)]
    windows: serde_json::Value,
    /// The working-day deadlines of the lifecycle.
    #[schema(value_type = Object)]
    deadlines: serde_json::Value,
    /// The escalation routes the shop offers.
    #[schema(value_type = Object)]
    escalation: serde_json::Value,
    /// The EU withdrawal function's settings.
    #[schema(value_type = Object)]
    withdrawal: serde_json::Value,
}
