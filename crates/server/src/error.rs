//! One error type for every route: the shopper's mistakes become 4xx answers with a
//! stable code, everything else is logged with its chain and answered with a bare 500.

use axum::body::{Body, Bytes};
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use redress_core::error::FieldError;
use serde::Serialize;
use serde::de::{DeserializeOwned, IgnoredAny};

/// The JSON body of every error answer.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// A stable machine code such as `validation`, `rate_limited`, `evidence.too_large`.
    pub error: String,
    /// A sentence for a developer reading the network log (English).
    pub message: String,
    /// The failing fields of a `validation` error (the core crate's `FieldError`:
    /// `{field, code, params}`); empty otherwise.
    #[schema(value_type = Vec<crate::openapi::answers::FieldErrorSchema>)]
    pub fields: Vec<FieldError>,
}

/// Everything a route can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request was understood but breaks a rule; `code` says which.
    #[error("{message}")]
    Rejected {
        status: StatusCode,
        code: &'static str,
        message: String,
    },
    /// Fields of a submitted form break core rules.
    #[error("the complaint has invalid fields")]
    Validation(Vec<FieldError>),
    /// Something broke on our side; never shown to the caller.
    #[error(transparent)]
    Internal(#[from] anyhow_like::Internal),
}

impl AppError {
    /// A 4xx answer with a stable code.
    pub fn rejected(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        AppError::Rejected {
            status,
            code,
            message: message.into(),
        }
    }

    /// A 404 with the given code.
    pub fn not_found(code: &'static str, message: impl Into<String>) -> Self {
        Self::rejected(StatusCode::NOT_FOUND, code, message)
    }

    /// A 429 `rate_limited`: `message` says what was done too often and to wait.
    pub fn rate_limited(message: &'static str) -> Self {
        Self::rejected(StatusCode::TOO_MANY_REQUESTS, "rate_limited", message)
    }

    /// A 422 `validation` answer naming one field, for rules the core crate owns.
    pub fn field(field: &str, rule: &dyn redress_core::error::FieldRule) -> Self {
        AppError::Validation(vec![FieldError::new(field, rule)])
    }

    /// Wraps any internal failure (database, disk) for logging.
    pub fn internal(error: impl std::error::Error + Send + Sync + 'static) -> Self {
        AppError::Internal(anyhow_like::Internal(Box::new(error)))
    }
}

impl From<crate::store::StoreError> for AppError {
    fn from(error: crate::store::StoreError) -> Self {
        AppError::internal(error)
    }
}

impl From<std::io::Error> for AppError {
    fn from(error: std::io::Error) -> Self {
        AppError::internal(error)
    }
}

impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        let (status, code) = match &rejection {
            JsonRejection::JsonDataError(_) => (StatusCode::UNPROCESSABLE_ENTITY, "json.shape"),
            JsonRejection::JsonSyntaxError(_) => (StatusCode::BAD_REQUEST, "json.syntax"),
            JsonRejection::MissingJsonContentType(_) => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "json.content_type")
            }
            JsonRejection::BytesRejection(_) => (StatusCode::PAYLOAD_TOO_LARGE, "body.too_large"),
            _ => (StatusCode::BAD_REQUEST, "json.invalid"),
        };
        AppError::rejected(status, code, rejection.body_text())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            AppError::Rejected {
                status,
                code,
                message,
            } => (
                status,
                ErrorBody {
                    error: code.to_owned(),
                    message,
                    fields: Vec::new(),
                },
            ),
            AppError::Validation(fields) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorBody {
                    error: "validation".to_owned(),
                    message: "some fields break the shop's complaint policy".to_owned(),
                    fields,
                },
            ),
            AppError::Internal(error) => {
                tracing::error!(error = %error, chain = ?error, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorBody {
                        error: "internal".to_owned(),
                        message: "something went wrong on the shop's side; try again later"
                            .to_owned(),
                        fields: Vec::new(),
                    },
                )
            }
        };
        (status, axum::Json(body)).into_response()
    }
}

/// A boxed internal error that keeps its source chain for the log.
pub mod anyhow_like {
    /// An internal failure, boxed.
    #[derive(Debug, thiserror::Error)]
    #[error(transparent)]
    pub struct Internal(pub Box<dyn std::error::Error + Send + Sync + 'static>);
}

/// A JSON body extractor whose rejections are [`AppError`]s, so bad JSON gets the same
/// error shape as every other failure, and a key repeated within one object anywhere in
/// the body is refused as in [`refuse_repeated_keys`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    /// The checks and answers of axum's `Json` (content type 415, size 413, syntax 400,
    /// shape 422), with the repeated key (422) between syntax and shape, as in
    /// `idempotency::read_submission`.
    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        let (parts, body) = request.into_parts();
        // axum judges the content type before it reads the body and keeps its judgement
        // to itself: asked with an empty body, it gives the same verdict on the header
        // without touching the real body.
        let probe = Request::from_parts(parts.clone(), Body::empty());
        if let Err(rejection @ JsonRejection::MissingJsonContentType(_)) =
            axum::Json::<IgnoredAny>::from_request(probe, state).await
        {
            return Err(rejection.into());
        }
        let bytes = Bytes::from_request(Request::from_parts(parts, body), state)
            .await
            .map_err(JsonRejection::from)?;
        // A body that is not JSON keeps the answer axum gives it below.
        if serde_json::from_slice::<IgnoredAny>(&bytes).is_ok() {
            refuse_repeated_keys(&bytes)?;
        }
        let axum::Json(value) = axum::Json::<T>::from_bytes(&bytes)?;
        Ok(Json(value))
    }
}

/// Refuses a key repeated within one object anywhere in the body (422 `json.shape`,
/// ``duplicate field `email` at draft``). serde keeps the last of the values and the
/// widget's reader refuses the text: the server must give the same text the same verdict,
/// not pick one of two answers the client sent. Every JSON body passes here: the
/// [`Json`] extractor's and the idempotent submits'.
///
/// Runs on a body serde took as JSON, which the core's reader takes too; should the two
/// ever disagree, the body is refused as not JSON rather than let through unchecked.
pub(crate) fn refuse_repeated_keys(body: &[u8]) -> Result<(), AppError> {
    let tree = std::str::from_utf8(body)
        .map_err(|e| e.to_string())
        .and_then(|text| redress_core::json::Json::parse(text).map_err(|e| e.to_string()))
        .map_err(|e| {
            AppError::rejected(
                StatusCode::BAD_REQUEST,
                "json.syntax",
                format!("the body is not JSON: {e}"),
            )
        })?;
    match tree.repeated_key() {
        Some(repeated) => Err(AppError::rejected(
            StatusCode::UNPROCESSABLE_ENTITY,
            "json.shape",
            repeated.to_string(),
        )),
        None => Ok(()),
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}
