//! `POST /api/evidence`: one file, streamed to disk under a size cap, sniffed, hashed,
//! fsynced and renamed into a content-addressed path before its row is committed.

use std::path::{Path, PathBuf};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use futures_util::StreamExt;
use redress_core::domain::{FileName, Sha256Digest};
use redress_core::evidence::{MediaType, check_declared_type, strip_metadata};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tokio::io::AsyncWriteExt;

use crate::error::{AppError, Json};
use crate::routes::ClientIp;
use crate::state::AppState;
use crate::store::EvidenceRecord;

/// How long an upload may wait for the complaint that attaches it.
pub const UNATTACHED_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);
/// How many leading bytes the type sniffer sees.
const SNIFF_BYTES: usize = 8 * 1024;

/// Query of the upload: the client's SHA-256 of the bytes and the file's name as the
/// shopper chose it (kept as text for the handler, never used as a path).
#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct UploadQuery {
    /// Lowercase or uppercase hex SHA-256 of the body, computed by the client.
    pub sha256: String,
    /// The original file name, shown to the shop's handler only.
    #[serde(default)]
    pub name: Option<String>,
}

/// The stored evidence, to be referenced by id in the complaint.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EvidenceReceipt {
    pub id: String,
    pub sha256: String,
    pub media_type: String,
    pub size_bytes: i64,
    pub name: String,
}

fn reject(status: StatusCode, code: &'static str, message: &str) -> AppError {
    AppError::rejected(status, code, message)
}

/// Uploads one evidence file as the raw request body; `Content-Type` is the declared media
/// type. Refused while streaming once it passes the policy's `evidence.max_file_bytes`.
#[utoipa::path(post, path = "/api/evidence", tag = "shopper", params(UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file's bytes; Content-Type names its media type"),
    responses((status = 201, body = EvidenceReceipt),
              (status = 413, body = crate::error::ErrorBody, description = "evidence.too_large"),
              (status = 415, body = crate::error::ErrorBody, description = "evidence.type_not_accepted"),
              (status = 429, body = crate::error::ErrorBody, description = "rate_limited"),
              (status = 422, body = crate::error::ErrorBody, description = "evidence.type_mismatch, evidence.hash_mismatch, evidence.empty, evidence.location_metadata, evidence.damaged, validation (sha256: evidence.digest)")))]
pub async fn upload(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Query(query): Query<UploadQuery>,
    headers: HeaderMap,
    body: Body,
) -> Result<(StatusCode, Json<EvidenceReceipt>), AppError> {
    if !state.uploads_per_ip.allow(&ip).await? {
        return Err(AppError::rate_limited(
            "too many uploads; wait a few minutes",
        ));
    }
    let rules = &state.policy.evidence;
    let declared = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        })
        .and_then(|mime| MediaType::from_mime(&mime))
        .filter(|media_type| rules.accepts(*media_type))
        .ok_or_else(|| {
            reject(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "evidence.type_not_accepted",
                "the Content-Type is not a file type the shop accepts",
            )
        })?;
    let declared_hash = Sha256Digest::parse(&query.sha256.trim().to_ascii_lowercase())
        .map_err(|e| AppError::field("sha256", &e))?;
    let declared_hash = declared_hash.as_ref().to_owned();
    let name = display_name(query.name.as_deref(), declared);
    let max = rules.max_file_bytes;
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > max) {
        return Err(too_large(max));
    }

    let partial = PartialUpload::create(&state.upload_dir()).await?;
    let mut file = tokio::fs::File::create(&partial.path).await?;
    let mut hasher = Sha256::new();
    let mut prefix: Vec<u8> = Vec::with_capacity(SNIFF_BYTES);
    let mut size: u64 = 0;
    let mut stream = body.into_data_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| {
            reject(
                StatusCode::BAD_REQUEST,
                "evidence.interrupted",
                "the upload was interrupted",
            )
        })?;
        size += chunk.len() as u64;
        if size > max {
            return Err(too_large(max));
        }
        if prefix.len() < SNIFF_BYTES {
            let take = (SNIFF_BYTES - prefix.len()).min(chunk.len());
            prefix.extend_from_slice(&chunk[..take]);
        }
        hasher.update(&chunk);
        file.write_all(&chunk).await?;
    }
    if size == 0 {
        return Err(reject(
            StatusCode::UNPROCESSABLE_ENTITY,
            "evidence.empty",
            "the file is empty",
        ));
    }
    let media_type = check_declared_type(declared, &prefix).map_err(|e| {
        AppError::rejected(StatusCode::UNPROCESSABLE_ENTITY, e.code(), e.to_string())
    })?;
    let sha256 = hex::encode(hasher.finalize());
    if sha256 != declared_hash {
        return Err(reject(
            StatusCode::UNPROCESSABLE_ENTITY,
            "evidence.hash_mismatch",
            "the bytes received do not match the declared sha256; upload again",
        ));
    }
    file.sync_all().await?;
    drop(file);
    check_privacy(media_type, &partial.path, max).await?;

    let record = EvidenceRecord {
        id: format!("ev_{}", crate::token::random_hex(16)?),
        sha256: sha256.clone(),
        media_type: media_type.mime().to_owned(),
        size_bytes: i64::try_from(size).unwrap_or(i64::MAX),
        original_name: name.clone(),
        uploaded_at: chrono::Utc::now().timestamp(),
        complaint_reference: None,
    };
    {
        // Held across rename and insert so the sweeper never deletes a file a new row
        // is about to point at.
        let _guard = state.evidence_files.lock().await;
        let target = stored_path(&state.evidence_dir(), &sha256);
        partial.commit(&target).await?;
        state.store.insert_evidence(&record).await?;
    }
    Ok((
        StatusCode::CREATED,
        Json(EvidenceReceipt {
            id: record.id,
            sha256,
            media_type: record.media_type,
            size_bytes: record.size_bytes,
            name,
        }),
    ))
}

/// Re-checks an image with the core crate's metadata stripper: the widget strips camera
/// location before uploading, so an image that still carries GPS data (or that the
/// stripper cannot read) did not come through the widget's privacy step and is refused.
/// The file is at most the policy's cap, so reading it whole here is bounded.
async fn check_privacy(media_type: MediaType, path: &Path, max: u64) -> Result<(), AppError> {
    if !matches!(
        media_type,
        MediaType::Jpeg | MediaType::Png | MediaType::Webp
    ) {
        return Ok(());
    }
    let path = path.to_owned();
    let verdict = tokio::task::spawn_blocking(move || {
        let bytes = std::fs::read(&path)?;
        debug_assert!(bytes.len() as u64 <= max);
        Ok::<_, std::io::Error>(strip_metadata(media_type, &bytes).map(|s| s.had_gps()))
    })
    .await
    .map_err(AppError::internal)??;
    match verdict {
        Ok(false) => Ok(()),
        Ok(true) => Err(reject(
            StatusCode::UNPROCESSABLE_ENTITY,
            "evidence.location_metadata",
            "the image still carries its camera location; let the widget strip it before uploading",
        )),
        Err(e) => Err(AppError::rejected(
            StatusCode::UNPROCESSABLE_ENTITY,
            e.code(),
            e.to_string(),
        )),
    }
}

fn too_large(max: u64) -> AppError {
    AppError::rejected(
        StatusCode::PAYLOAD_TOO_LARGE,
        "evidence.too_large",
        format!("the file is larger than {max} bytes"),
    )
}

/// The shopper's file name as harmless text (the core crate's `FileName` rules); a name
/// it refuses is replaced, since the name is only a label for the handler.
fn display_name(name: Option<&str>, media_type: MediaType) -> String {
    name.and_then(|n| FileName::parse(n).ok())
        .map(|n| n.as_ref().to_owned())
        .unwrap_or_else(|| format!("evidence.{}", media_type.extension()))
}

/// The content-addressed location of a file: `evidence/ab/abcdef...`.
pub fn stored_path(evidence_dir: &Path, sha256: &str) -> PathBuf {
    evidence_dir.join(&sha256[..2]).join(sha256)
}

/// A file being uploaded; removed when dropped unless committed, so a refused or broken
/// upload leaves nothing behind (a crash leaves it for the next start to remove).
struct PartialUpload {
    path: PathBuf,
    committed: bool,
}

impl PartialUpload {
    async fn create(dir: &Path) -> Result<PartialUpload, AppError> {
        let path = dir.join(format!("{}.part", crate::token::random_hex(16)?));
        Ok(PartialUpload {
            path,
            committed: false,
        })
    }

    /// Renames into place and fsyncs the directory, so the file is durable before the
    /// row that points at it commits.
    async fn commit(mut self, target: &Path) -> std::io::Result<()> {
        let parent = target.parent().unwrap_or(Path::new("."));
        tokio::fs::create_dir_all(parent).await?;
        if tokio::fs::try_exists(target).await? {
            // Same hash, same bytes: the stored copy serves both rows.
            tokio::fs::remove_file(&self.path).await?;
        } else {
            tokio::fs::rename(&self.path, target).await?;
        }
        self.committed = true;
        let parent = parent.to_owned();
        tokio::task::spawn_blocking(move || std::fs::File::open(parent)?.sync_all())
            .await
            .map_err(std::io::Error::other)?
    }
}

impl Drop for PartialUpload {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Deletes uploads never attached to a complaint within [`UNATTACHED_LIFETIME`], hourly.
pub async fn sweep_expired(state: AppState) {
    let mut tick = tokio::time::interval(Duration::from_secs(60 * 60));
    loop {
        tick.tick().await;
        if let Err(e) = sweep_once(&state, chrono::Utc::now().timestamp()).await {
            tracing::error!(error = %e, "evidence sweep failed");
        }
    }
}

/// One sweep as of `now` (Unix seconds); returns how many uploads expired.
pub async fn sweep_once(state: &AppState, now: i64) -> Result<usize, AppError> {
    let lifetime = i64::try_from(UNATTACHED_LIFETIME.as_secs()).unwrap_or(i64::MAX);
    let _guard = state.evidence_files.lock().await;
    let expired = state.store.expire_unattached(now - lifetime).await?;
    for record in &expired {
        if !state.store.hash_in_use(&record.sha256).await? {
            let path = stored_path(&state.evidence_dir(), &record.sha256);
            if let Err(e) = tokio::fs::remove_file(&path).await
                && e.kind() != std::io::ErrorKind::NotFound
            {
                return Err(e.into());
            }
        }
    }
    if !expired.is_empty() {
        tracing::info!(count = expired.len(), "expired unattached evidence");
    }
    Ok(expired.len())
}
