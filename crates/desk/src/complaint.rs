//! One complaint: what the shopper filed, the order, the evidence (images as thumbnails,
//! every file downloadable, never rendered as a page), the signed receipt with its
//! verification result, the deadlines, the timeline, and a form for each next step the
//! core lifecycle allows. Printed, the same page is the dossier.

use leptos::prelude::*;
use serde_json::Value;

use crate::actions::Actions;
use crate::api::{ApiError, Session};
use crate::device;
use crate::format;
use crate::messages::{Lang, Messages, fill};
use crate::trustmark_case::TrustmarkCasePanel;
use crate::wire::{ComplaintDetail, Evidence, TimelineEntry};

/// The complaint screen.
#[component]
pub fn ComplaintView(
    session: Session,
    lang: Lang,
    reference: String,
    on_api_error: Callback<ApiError>,
) -> impl IntoView {
    let t = lang.messages();
    let version = RwSignal::new(0u32);
    let detail_session = session.clone();
    let detail = LocalResource::new(move || {
        version.track();
        let (session, reference) = (detail_session.clone(), reference.clone());
        async move { session.complaint(&reference).await }
    });
    Effect::new(move |_| {
        if let Some(Err(e)) = detail.get() {
            on_api_error.run(e);
        }
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    let heading = NodeRef::<leptos::html::H1>::new();
    // What the last step did; outside the detail, so it survives the reload after a save.
    let announce = RwSignal::new(None::<(bool, String)>);

    view! {
        <div class="complaint">
            <p class="back no-print">
                <a href="#/" on:click=move |ev| {
                    ev.prevent_default();
                    device::navigate(None);
                }>{t.back_to_inbox}</a>
            </p>
            <div class="live no-print" role="status" aria-live="polite">
                {move || announce.get().map(|(ok, text)| view! {
                    <p class=if ok { "notice success" } else { "notice error" }>{text}</p>
                })}
            </div>
            {move || match detail.get() {
                None => view! { <p class="loading" role="status">{t.loading}</p> }.into_any(),
                Some(Err(_)) => view! {
                    <div class="notice error" role="alert">
                        <p>{t.load_failed}</p>
                        <button type="button" class="button" on:click=move |_| reload.run(())>{t.retry}</button>
                    </div>
                }
                .into_any(),
                Some(Ok(detail)) => {
                    // Keyed by the load: a reloaded complaint is mounted afresh (forms closed
                    // and empty) instead of being patched into the old one's elements.
                    let load = version.get_untracked();
                    let session = session.clone();
                    view! {
                        <For
                            each=move || [(load, detail.clone())]
                            key=|(load, _)| *load
                            children=move |(_, detail)| view! {
                                <Detail detail=detail session=session.clone() lang=lang reload=reload heading=heading announce=announce/>
                            }
                        />
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

#[component]
fn Detail(
    detail: ComplaintDetail,
    session: Session,
    lang: Lang,
    reload: Callback<()>,
    heading: NodeRef<leptos::html::H1>,
    announce: RwSignal<Option<(bool, String)>>,
) -> impl IntoView {
    let t = lang.messages();
    let c = detail.complaint.clone();
    let tracking = detail.tracking.clone();
    let text = |v: &Value| v.as_str().map(str::to_owned);
    let items = c["items"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|i| i.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .filter(|s| !s.is_empty());
    let wants = c["resolution"]["kind"].as_str().map(|k| t.remedy(k));
    let amount = format::money(&c["resolution"]["amount"]);
    let status_class = format!("state state-{}", tracking.status);
    view! {
        <article aria-labelledby="complaint-title">
            <header class="complaint-head">
                <h1 id="complaint-title" node_ref=heading tabindex="-1">{detail.reference.clone()}</h1>
                <p class="status-line">
                    <span class=status_class>{t.state(&tracking.status)}</span>
                    {tracking.overdue.then(|| view! { <span class="badge overdue-badge">{t.overdue_badge}</span> })}
                </p>
                <button type="button" class="button no-print" on:click=move |_| device::print()>{t.print_dossier}</button>
            </header>
            <p class="print-only dossier-note">{t.dossier_note}</p>
            <div class="panels">
                <section class="panel" aria-labelledby="s-complaint">
                    <h2 id="s-complaint">{t.section_complaint}</h2>
                    <dl>
                        <Row term=t.field_reason value=c["reason"].as_str().map(|r| t.reason(r)) t=t/>
                        <Row term=t.field_items value=items t=t/>
                        <Row term=t.field_incident_date value=text(&c["incident_date"]) t=t/>
                        <Row term=t.field_wants value=wants t=t/>
                        <Row term=t.field_amount value=amount t=t/>
                        <Row term=t.field_handler value=Some(tracking.handler.clone().unwrap_or_else(|| t.nobody_yet.to_owned())) t=t/>
                        <Row term=t.field_expected value=tracking.expected_answer_on.clone() t=t/>
                    </dl>
                    <h3>{t.field_description}</h3>
                    <p class="shopper-words">{text(&c["description"]).unwrap_or_else(|| t.not_given.to_owned())}</p>
                </section>
                {detail.trustmark_case.clone().map(|case| view! { <TrustmarkCasePanel case=case t=t/> })}
                <section class="panel" aria-labelledby="s-order">
                    <h2 id="s-order">{t.section_order}</h2>
                    <dl>
                        <Row term=t.field_order_number value=detail.order_number.clone() t=t/>
                        <Row term=t.field_email value=detail.email.clone() t=t/>
                        <Row term=t.field_phone value=text(&c["contact"]["phone"]) t=t/>
                        <Row term=t.field_language value=Some(detail.language.clone()) t=t/>
                        <Row term=t.field_country value=text(&c["shopper_country"]) t=t/>
                        <Row term=t.field_order_date value=text(&c["order_date"]) t=t/>
                        <Row term=t.field_delivery_date value=text(&c["delivery_date"]) t=t/>
                        <Row term=t.field_filed_at value=Some(format::instant(&detail.filed_at, format::shop_zone())) t=t/>
                    </dl>
                </section>
                <section class="panel" aria-labelledby="s-deadlines">
                    <h2 id="s-deadlines">{t.section_deadlines}</h2>
                    <ul class="deadlines">
                        {tracking.due_steps.iter().map(|step| view! {
                            <li class=format!("due due-{}", step.status)>
                                <span class="due-kind">{t.due_kind(&step.kind)}</span>
                                " "
                                <span class="due-date">{fill(t.due_on, "date", &step.due_on)}</span>
                                " "
                                <span class="badge">{t.due_status(&step.status)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            </div>
            <Actions detail=detail.clone() session=session.clone() lang=lang reload=reload announce=announce/>
            <section class="panel" aria-labelledby="s-timeline">
                <h2 id="s-timeline">{t.section_timeline}</h2>
                <ol class="timeline">
                    {tracking.timeline.iter().map(|entry| view! { <TimelineItem entry=entry.clone() t=t/> }).collect_view()}
                </ol>
            </section>
            <Routes routes=tracking.next_steps.clone() t=t/>
            <SentMessages messages=detail.notifications.clone() t=t/>
            <EvidenceList evidence=in_filed_order(&detail) reference=detail.reference.clone() session=session.clone() t=t/>
            <ReceiptCheck detail=detail.clone() session=session t=t/>
        </article>
    }
}

/// The evidence in the order the shopper filed it: the order the signed receipt lists.
fn in_filed_order(detail: &ComplaintDetail) -> Vec<Evidence> {
    let signed: Value = detail.receipt["signed"]
        .as_str()
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default();
    let position = |id: &str| {
        signed["evidence"]
            .as_array()
            .and_then(|list| list.iter().position(|e| e["id"] == id))
            .unwrap_or(usize::MAX)
    };
    let mut files = detail.evidence.clone();
    files.sort_by_key(|f| position(&f.id));
    files
}

/// One term of a description list; absent values read "Not given".
#[component]
pub(crate) fn Row(
    term: &'static str,
    value: Option<String>,
    t: &'static Messages,
) -> impl IntoView {
    let given = value.is_some();
    view! {
        <div class="row">
            <dt>{term}</dt>
            <dd class:muted=!given>{value.unwrap_or_else(|| t.not_given.to_owned())}</dd>
        </div>
    }
}

#[component]
fn TimelineItem(entry: TimelineEntry, t: &'static Messages) -> impl IntoView {
    let e = &entry.event;
    let mut details: Vec<(&'static str, String)> = Vec::new();
    let mut push = |label: &'static str, value: Option<String>| {
        if let Some(v) = value {
            details.push((label, v));
        }
    };
    let text = |v: &Value| v.as_str().map(str::to_owned);
    push(t.field_handler, text(&e["handler"]));
    push(t.field_expected, text(&e["expected_answer_on"]));
    push(t.message_label, text(&e["message"]));
    push(
        t.remedy_label,
        e["remedy"]["kind"].as_str().map(|k| {
            let amount = format::money(&e["remedy"]["amount"]);
            match amount {
                Some(a) => format!("{} ({a})", t.remedy(k)),
                None => t.remedy(k),
            }
        }),
    );
    push(t.investigation_label, text(&e["outcome"]["investigation"]));
    push(t.conclusions_label, text(&e["outcome"]["conclusions"]));
    push(t.actions_taken_label, text(&e["outcome"]["actions"]));
    push(t.reasons_label, text(&e["reasons"]));
    push(t.field_reason, text(&e["body"]));
    view! {
        <li class=format!("event event-{}", entry.kind())>
            <p class="event-head">
                <strong>{t.event(entry.kind())}</strong>
                " · "
                <time datetime=entry.at.clone()>{format::instant(&entry.at, format::shop_zone())}</time>
                " · "
                {t.actor(&entry.actor)}
            </p>
            {(!details.is_empty()).then(|| view! {
                <dl class="event-details">
                    {details.into_iter().map(|(label, value)| view! {
                        <div class="row"><dt>{label}</dt><dd>{value}</dd></div>
                    }).collect_view()}
                </dl>
            })}
        </li>
    }
}

/// The routes open to the shopper now or later, as the core judged them for this
/// complaint (the tracker shows the shopper the same).
#[component]
fn Routes(routes: Vec<Value>, t: &'static Messages) -> impl IntoView {
    let lines: Vec<(String, String)> = routes
        .iter()
        .filter_map(|r| {
            let name = t.route(r["route"].as_str()?);
            let when = match r["availability"]["status"].as_str()? {
                "open_now" => t.route_open_now.to_owned(),
                "opens_on" => fill(
                    t.route_opens_on,
                    "date",
                    r["availability"]["date"].as_str()?,
                ),
                _ => return None,
            };
            Some((name, when))
        })
        .collect();
    let none = lines.is_empty();
    view! {
        <section class="panel" aria-labelledby="s-routes">
            <h2 id="s-routes">{t.section_routes}</h2>
            {none.then(|| view! { <p class="muted">{t.no_routes}</p> })}
            <ul class="routes">
                {lines.into_iter().map(|(name, when)| view! {
                    <li><strong>{name}</strong>": "{when}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// What the shopper was told, from the outbox: the audit trail of the messages.
#[component]
fn SentMessages(messages: Vec<crate::wire::Notification>, t: &'static Messages) -> impl IntoView {
    let zone = format::shop_zone();
    let none = messages.is_empty();
    view! {
        <section class="panel" aria-labelledby="s-messages">
            <h2 id="s-messages">{t.section_messages}</h2>
            {none.then(|| view! { <p class="muted">{t.no_messages}</p> })}
            <ol class="messages">
                {messages.into_iter().map(|m| {
                    let sent = fill(
                        &fill(t.message_sent, "at", &format::instant(&m.created_at, zone)),
                        "recipient",
                        m.recipient.as_deref().unwrap_or(t.not_given),
                    );
                    view! {
                        <li>
                            <p class="message-subject"><strong>{m.subject}</strong></p>
                            <p class="muted">{sent}</p>
                            <p class="message-body">{m.body}</p>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn EvidenceList(
    evidence: Vec<Evidence>,
    reference: String,
    session: Session,
    t: &'static Messages,
) -> impl IntoView {
    let empty = evidence.is_empty();
    view! {
        <section class="panel" aria-labelledby="s-evidence">
            <h2 id="s-evidence">{t.section_evidence}</h2>
            {empty.then(|| view! { <p class="muted">{t.no_evidence}</p> })}
            <ul class="evidence">
                {evidence.into_iter().map(|file| {
                    let path = format!("/shop/complaints/{}/evidence/{}", crate::query::encode(&reference), crate::query::encode(&file.id));
                    view! { <EvidenceItem file=file path=path session=session.clone() t=t/> }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn EvidenceItem(
    file: Evidence,
    path: String,
    session: Session,
    t: &'static Messages,
) -> impl IntoView {
    // Images are fetched with the token and shown from an object URL: the browser never
    // renders any evidence as a page of the desk's origin.
    let thumbnail = file.is_image().then(|| {
        let (session, path) = (session.clone(), path.clone());
        LocalResource::new(move || {
            let (session, path) = (session.clone(), path.clone());
            async move { session.object_url(&path).await.ok() }
        })
    });
    let name = file.name.clone();
    let download = move |_| {
        let (session, path, name) = (session.clone(), path.clone(), name.clone());
        leptos::task::spawn_local(async move {
            if let Ok(url) = session.object_url(&path).await {
                crate::api::save_as(&url, &name);
            }
        });
    };
    let alt = fill(t.thumbnail_of, "name", &file.name);
    view! {
        <li class="evidence-item">
            {thumbnail.map(|resource| view! {
                <div class="thumb">
                    {move || resource.get().flatten().map(|url| view! { <img src=url alt=alt.clone()/> })}
                </div>
            })}
            <div class="evidence-meta">
                <p class="file-name">{file.name.clone()}</p>
                <p class="muted">{file.media_type.clone()} " · " {format::size(file.size_bytes)}</p>
                <p class="hash"><span>{t.sha256}</span> " " <code>{file.sha256.clone()}</code></p>
                <button type="button" class="button no-print" on:click=download>{fill(t.download, "name", &file.name)}</button>
            </div>
        </li>
    }
}

/// The verification result of the signed receipt, checked in the browser with the core
/// crate against the key the shop publishes.
#[component]
fn ReceiptCheck(detail: ComplaintDetail, session: Session, t: &'static Messages) -> impl IntoView {
    let zone = format::shop_zone();
    let receipt = detail.receipt.to_string();
    let key_id = detail.receipt["key_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let reference = detail.reference.clone();
    let key = LocalResource::new(move || {
        let session = session.clone();
        async move { session.receipt_key().await }
    });
    let result = move || {
        let key = key.get()?;
        Some(match key {
            Err(_) => (false, t.receipt_key_unavailable.to_owned()),
            Ok(key) => match redress_core::receipt::verify_receipt(&receipt, &key) {
                Ok(verified) if verified.reference() == reference => (
                    true,
                    fill(
                        &fill(t.receipt_valid, "key", &key_id),
                        "at",
                        &format::instant(verified.received_at(), zone),
                    ),
                ),
                Ok(verified) => (
                    false,
                    fill(t.receipt_wrong_complaint, "reference", verified.reference()),
                ),
                Err(e) => (false, fill(t.receipt_invalid, "code", e.code())),
            },
        })
    };
    let signature = detail.receipt["signature"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    view! {
        <section class="panel" aria-labelledby="s-receipt">
            <h2 id="s-receipt">{t.section_receipt}</h2>
            <p class="receipt-result" role="status">
                {move || match result() {
                    None => view! { <span>{t.receipt_checking}</span> }.into_any(),
                    Some((valid, text)) => view! {
                        <span class=if valid { "verified" } else { "unverified" }>{text}</span>
                    }
                    .into_any(),
                }}
            </p>
            <p class="hash"><span>{t.receipt_key}</span> " " <code>{detail.receipt["key_id"].as_str().unwrap_or_default().to_owned()}</code></p>
            <p class="hash signature"><code>{signature}</code></p>
        </section>
    }
}
