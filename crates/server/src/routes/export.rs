//! The complaint log export: every complaint with its whole timeline, as JSON (for the
//! shop's records and a trustmark's audit tools) and as CSV (one row per timeline event,
//! for a spreadsheet). Both are downloads (`Content-Disposition: attachment`).

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde_json::{Value, json};

use crate::error::AppError;
use crate::routes::complaints::evidence_view;
use crate::routes::inbox::{self, rfc3339};
use crate::shop_auth::ShopAuth;
use crate::state::AppState;
use crate::store::ComplaintFilter;

/// One complaint of the log: its summary, what was filed, the receipt, the evidence and
/// every timeline entry (core `TimelineEntry`: `{at, actor, event}`).
async fn log(state: &AppState) -> Result<Vec<Value>, AppError> {
    let now = Utc::now();
    let mut out = Vec::new();
    for complaint in state.store.complaints(&ComplaintFilter::default()).await? {
        let events = state.store.events(&complaint.reference).await?;
        let summary = inbox::summary(state, &complaint, &events, now)?;
        let timeline = events
            .iter()
            .map(|e| serde_json::from_str::<Value>(&e.event))
            .collect::<Result<Vec<_>, _>>()
            .map_err(AppError::internal)?;
        let evidence = state.store.evidence_of(&complaint.reference).await?;
        let parse = |text: &str| serde_json::from_str::<Value>(text).map_err(AppError::internal);
        let mut record = serde_json::to_value(&summary).map_err(AppError::internal)?;
        if let Value::Object(fields) = &mut record {
            fields.insert("language".into(), complaint.language.clone().into());
            fields.insert("complaint".into(), parse(&complaint.body)?);
            fields.insert("receipt".into(), parse(&complaint.receipt)?);
            fields.insert(
                "evidence".into(),
                evidence.iter().map(evidence_view).collect(),
            );
            fields.insert("timeline".into(), Value::Array(timeline));
        }
        out.push(record);
    }
    Ok(out)
}

/// `{exported_at, shop, complaints: [...]}`, newest complaint first.
#[utoipa::path(get, path = "/api/shop/export/complaints.json", tag = "shop", security(("shop_token" = [])),
    responses((status = 200, description = "the complaint log as JSON, an attachment", body = Object),
              (status = 401, body = crate::error::ErrorBody)))]
pub async fn json_log(_: ShopAuth, State(state): State<AppState>) -> Result<Response, AppError> {
    let document = json!({
        "exported_at": rfc3339(Utc::now().timestamp()),
        "shop": state.policy.shop.name,
        "complaints": log(&state).await?,
    });
    let body = serde_json::to_string_pretty(&document).map_err(AppError::internal)?;
    Ok(download("application/json", "complaints.json", body))
}

/// The CSV's columns: the complaint's summary repeated on each of its timeline rows.
pub const CSV_COLUMNS: [&str; 12] = [
    "reference",
    "order_number",
    "email",
    "reason",
    "status",
    "handler",
    "filed_at",
    "event_number",
    "event_at",
    "actor",
    "event",
    "details",
];

/// One row per timeline event, oldest first within a complaint; `details` is the event's
/// content as JSON (handler, dates, remedy, written outcome, reasons).
#[utoipa::path(get, path = "/api/shop/export/complaints.csv", tag = "shop", security(("shop_token" = [])),
    responses((status = 200, description = "the complaint log as CSV (RFC 4180), an attachment"),
              (status = 401, body = crate::error::ErrorBody)))]
pub async fn csv_log(_: ShopAuth, State(state): State<AppState>) -> Result<Response, AppError> {
    let mut out = String::new();
    push_row(&mut out, CSV_COLUMNS.iter().map(|c| (*c).to_owned()));
    for record in log(&state).await? {
        let text = |key: &str| record[key].as_str().unwrap_or_default().to_owned();
        let empty = Vec::new();
        for (n, entry) in record["timeline"]
            .as_array()
            .unwrap_or(&empty)
            .iter()
            .enumerate()
        {
            let mut details = entry["event"].clone();
            let kind = details["type"].as_str().unwrap_or_default().to_owned();
            if let Value::Object(fields) = &mut details {
                fields.remove("type");
            }
            let details = match &details {
                Value::Object(fields) if fields.is_empty() => String::new(),
                other => other.to_string(),
            };
            push_row(
                &mut out,
                [
                    text("reference"),
                    text("order_number"),
                    text("email"),
                    text("reason"),
                    text("status"),
                    text("handler"),
                    text("filed_at"),
                    (n + 1).to_string(),
                    entry["at"].as_str().unwrap_or_default().to_owned(),
                    entry["actor"].as_str().unwrap_or_default().to_owned(),
                    kind,
                    details,
                ]
                .into_iter(),
            );
        }
    }
    Ok(download("text/csv; charset=utf-8", "complaints.csv", out))
}

fn download(media_type: &'static str, file_name: &'static str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, media_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file_name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response()
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let row: Vec<String> = cells.map(|c| csv_cell(&c)).collect();
    out.push_str(&row.join(","));
    out.push_str("\r\n");
}

/// An RFC 4180 cell. Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return first) gets a leading `'`: shoppers write these fields.
fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_with_separators_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
    }
}
