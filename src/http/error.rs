//! The edge's errors, and the one place an error becomes an HTTP status, an `error` code and a
//! JSON body `{"error", "error_description"}` (contract §2). `EdgeError` holds what only the
//! transport can get wrong (credentials, method, media type, size, a malformed body, a rate limit) beside the
//! domain's outcomes. Internal details are logged here and never sent.

use bytes::Bytes;
use http_body_util::{combinators::BoxBody, BodyExt, Full};
use hyper::header::{HeaderValue, ALLOW, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use hyper::{Response, StatusCode};
use oz_groups_api::models;
use std::convert::Infallible;

use super::limits::Limited;
use crate::domain::Error;

pub type Body = BoxBody<Bytes, Infallible>;

/// What can go wrong with a request, from the caller's point of view. Each variant names the
/// status it becomes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EdgeError {
    /// 401 `unauthorized`: no credentials in any accepted header.
    #[error("Authentication is required: send an access token in X-Auth-Token, Authorization: Bearer, or Macaroon.")]
    Unauthorized,
    /// 401 `invalid_token`: the access token is malformed, unknown, forged, expired, revoked, or
    /// its user is gone.
    #[error("{0}")]
    InvalidAccessToken(String),
    /// 404 `not_found`: no route has this path.
    #[error("{}", Error::NotFound)]
    NoRoute,
    /// 405 `method_not_allowed`; `response` adds `Allow`.
    #[error("The method is not allowed for this resource.")]
    MethodNotAllowed,
    /// 415 `unsupported_media_type`.
    #[error("The request body must be application/json.")]
    UnsupportedMediaType,
    /// 413 `payload_too_large`.
    #[error("The request body is larger than {0} bytes.")]
    PayloadTooLarge(usize),
    /// 400 `invalid_request`: the body is missing, not JSON, or not what the spec's schema takes.
    #[error("{0}")]
    InvalidBody(String),
    /// 400 `invalid_request`: a declared query parameter is not what the spec's schema takes.
    #[error("{0}")]
    InvalidQuery(String),
    /// 429 `too_many_requests`: a rate limit refused the request before any store access;
    /// `response` adds `Retry-After`.
    #[error("{} Retry after {} seconds.", .0.limit.description(), .0.retry_after)]
    TooManyRequests(Limited),
    /// An outcome of the use case.
    #[error("{0}")]
    Domain(#[from] Error),
}

impl From<Limited> for EdgeError {
    fn from(limited: Limited) -> Self {
        EdgeError::TooManyRequests(limited)
    }
}

/// Status and `error` code of each variant.
pub fn status_and_code(error: &EdgeError) -> (StatusCode, &'static str) {
    match error {
        EdgeError::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
        EdgeError::InvalidAccessToken(_) => (StatusCode::UNAUTHORIZED, "invalid_token"),
        EdgeError::NoRoute => (StatusCode::NOT_FOUND, "not_found"),
        EdgeError::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
        EdgeError::UnsupportedMediaType => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
        EdgeError::PayloadTooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
        EdgeError::InvalidBody(_) => (StatusCode::BAD_REQUEST, "invalid_request"),
        EdgeError::InvalidQuery(_) => (StatusCode::BAD_REQUEST, "invalid_request"),
        EdgeError::TooManyRequests(_) => (StatusCode::TOO_MANY_REQUESTS, "too_many_requests"),
        EdgeError::Domain(e) => domain_status_and_code(e),
    }
}

fn domain_status_and_code(error: &Error) -> (StatusCode, &'static str) {
    match error {
        Error::InvalidRequest(_) => (StatusCode::BAD_REQUEST, "invalid_request"),
        Error::InvalidToken(_) => (StatusCode::BAD_REQUEST, "invalid_token"),
        Error::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden"),
        Error::NotFound => (StatusCode::NOT_FOUND, "not_found"),
        Error::AlreadyExists(_) => (StatusCode::CONFLICT, "relation_already_exists"),
        Error::Unavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, "service_unavailable"),
        Error::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal_error"),
    }
}

/// Seconds a client should wait before retrying after a 503 (`Retry-After`).
pub const RETRY_AFTER_SECS: i32 = 2;

/// The status and the generated `Error` model for `error`; logs internal errors and outages.
pub fn to_model(error: &EdgeError) -> (StatusCode, models::Error) {
    match error {
        EdgeError::Domain(e) => domain_model(e),
        _ => {
            let (status, code) = status_and_code(error);
            (status, models::Error::new(code.to_owned(), error.to_string()))
        }
    }
}

/// `to_model` for a domain outcome.
pub fn domain_model(error: &Error) -> (StatusCode, models::Error) {
    match error {
        Error::Internal(detail) => tracing::error!(%detail, "internal error"),
        Error::Unavailable(detail) => tracing::warn!(%detail, "store unavailable"),
        _ => {}
    }
    let (status, code) = domain_status_and_code(error);
    (status, models::Error::new(code.to_owned(), error.to_string()))
}

/// A complete JSON error response, with the headers some statuses require: `WWW-Authenticate`
/// on 401 (RFC 6750 §3: an `error` parameter only when a token was sent) and `Allow` on 405.
pub fn response(error: &EdgeError, allow: Option<&str>) -> Response<Body> {
    let (status, model) = to_model(error);
    let body = serde_json::to_vec(&model).unwrap_or_default();
    let mut response = Response::new(full(body));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Some(challenge) = www_authenticate(error) {
        headers.insert(WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
    }
    if status == StatusCode::SERVICE_UNAVAILABLE {
        headers.insert(RETRY_AFTER, HeaderValue::from(RETRY_AFTER_SECS));
    }
    if let EdgeError::TooManyRequests(limited) = error {
        headers.insert(RETRY_AFTER, HeaderValue::from(limited.retry_after));
    }
    if let Some(value) = allow.and_then(|a| HeaderValue::from_str(a).ok()) {
        headers.insert(ALLOW, value);
    }
    response
}

/// The `WWW-Authenticate` challenge for a 401, `None` for every other error.
pub fn www_authenticate(error: &EdgeError) -> Option<&'static str> {
    match error {
        EdgeError::Unauthorized => Some(r#"Bearer realm="onezone""#),
        EdgeError::InvalidAccessToken(_) => Some(r#"Bearer realm="onezone", error="invalid_token""#),
        _ => None,
    }
}

pub fn full(bytes: impl Into<Bytes>) -> Body {
    Full::new(bytes.into()).boxed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_bad_credentials_get_different_challenges() {
        let missing = response(&EdgeError::Unauthorized, None);
        assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(missing.headers()[WWW_AUTHENTICATE], r#"Bearer realm="onezone""#);
        let bad = response(&EdgeError::InvalidAccessToken("x".into()), None);
        assert_eq!(bad.headers()[WWW_AUTHENTICATE], r#"Bearer realm="onezone", error="invalid_token""#);
    }

    #[test]
    fn an_outage_is_a_503_with_retry_after_and_no_detail() {
        let response = response(&Error::Unavailable("connection refused to db.internal:5432".into()).into(), None);
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()[RETRY_AFTER], RETRY_AFTER_SECS.to_string().as_str());
        let (_, model) = domain_model(&Error::Unavailable("db.internal".into()));
        assert_eq!(model.error, "service_unavailable");
        assert!(!model.error_description.contains("db.internal"));
    }

    #[test]
    fn a_rate_limit_is_a_429_with_retry_after_in_whole_seconds() {
        let limited = Limited { limit: super::super::limits::Limit::WritesPerUser, retry_after: 7 };
        let response = response(&EdgeError::TooManyRequests(limited), None);
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[RETRY_AFTER], "7");
        assert_eq!(response.headers()[CONTENT_TYPE], "application/json");
        let (_, model) = to_model(&EdgeError::TooManyRequests(limited));
        assert_eq!(model.error, "too_many_requests");
        assert_eq!(model.error_description, "Too many writes by this user. Retry after 7 seconds.");
    }

    #[test]
    fn internal_details_are_never_sent() {
        let (status, model) = domain_model(&Error::internal("disk /var/secret exploded"));
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(model.error, "internal_error");
        assert!(!model.error_description.contains("secret"));
    }
}
