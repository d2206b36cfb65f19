//! The edge's errors, and the one place an error becomes an HTTP status, an `error` code and a
//! JSON body `{"error", "error_description"}` (contract §2). `EdgeError` holds what only the
//! transport can get wrong (credentials, method, media type, size, a malformed body, a rate limit) beside the
//! domain's outcomes. Internal details are logged here and never sent.

use hyper::header::{HeaderValue, ALLOW, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use hyper::{Response, StatusCode};
use oz_groups_api::models;

use super::limits::Limited;
use crate::domain::Error;

pub use super::body::{full, Body};

/// What can go wrong with a request, from the caller's point of view. Each variant names the
/// status it becomes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EdgeError {
    /// 401 `unauthorized`: no credentials in any accepted header.
    #[error(
        "Authentication is required: send an access token in X-Auth-Token, Authorization: Bearer, or Macaroon, \
         or a login and password in Authorization: Basic."
    )]
    Unauthorized,
    /// 401 `invalid_token`: the access token is malformed, unknown, forged, expired, revoked, or
    /// its user is gone.
    #[error("{0}")]
    InvalidAccessToken(String),
    /// 401 `invalid_credentials`: Basic credentials with an unknown login or a wrong password
    /// (one answer for both, contract §7), or a Basic header that does not decode.
    #[error("{0}")]
    InvalidCredentials(String),
    /// 404 `not_found`: no route has this path.
    #[error("{}", Error::NotFound)]
    NoRoute,
    /// 405 `method_not_allowed`; `response` adds `Allow`.
    #[error("The method is not allowed for this resource.")]
    MethodNotAllowed,
    /// 415 `unsupported_media_type`.
    #[error("The request body must be application/json in UTF-8 (or sent without a Content-Type).")]
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
    /// 400 `invalid_request`: hyper could not parse the request line or a header (written by
    /// `http::conn`, which replaces hyper's empty answer).
    #[error("The request line or a header is malformed.")]
    MalformedRequest,
    /// 414 `uri_too_long`: the request target is longer than hyper accepts.
    #[error("The request URI is too long.")]
    UriTooLong,
    /// 431 `request_header_fields_too_large`: the request line and headers exceed the bound in
    /// bytes, or (HTTP/1) hyper's count of header fields; its bare 431 does not say which.
    #[error("The request header block is too large: over {0} bytes, or over 100 header fields.")]
    HeaderTooLarge(usize),
    /// 408 `request_timeout`: the request line and headers did not arrive in time.
    #[error("The request line and headers did not arrive in time.")]
    RequestTimeout,
    /// 503 `service_unavailable`: the server holds as many connections as it may.
    #[error("The server is at its connection limit; retry shortly.")]
    TooManyConnections,
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
        EdgeError::InvalidCredentials(_) => (StatusCode::UNAUTHORIZED, "invalid_credentials"),
        EdgeError::NoRoute => (StatusCode::NOT_FOUND, "not_found"),
        EdgeError::MethodNotAllowed => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
        EdgeError::UnsupportedMediaType => (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type"),
        EdgeError::PayloadTooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
        EdgeError::InvalidBody(_) => (StatusCode::BAD_REQUEST, "invalid_request"),
        EdgeError::InvalidQuery(_) => (StatusCode::BAD_REQUEST, "invalid_request"),
        EdgeError::TooManyRequests(_) => (StatusCode::TOO_MANY_REQUESTS, "too_many_requests"),
        EdgeError::MalformedRequest => (StatusCode::BAD_REQUEST, "invalid_request"),
        EdgeError::UriTooLong => (StatusCode::URI_TOO_LONG, "uri_too_long"),
        EdgeError::HeaderTooLarge(_) => {
            (StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "request_header_fields_too_large")
        }
        EdgeError::RequestTimeout => (StatusCode::REQUEST_TIMEOUT, "request_timeout"),
        EdgeError::TooManyConnections => (StatusCode::SERVICE_UNAVAILABLE, "service_unavailable"),
        EdgeError::Domain(e) => domain_status_and_code(e),
    }
}

fn domain_status_and_code(error: &Error) -> (StatusCode, &'static str) {
    match error {
        Error::InvalidRequest(_) => (StatusCode::BAD_REQUEST, "invalid_request"),
        Error::InvalidToken(_) => (StatusCode::BAD_REQUEST, "invalid_token"),
        Error::AliasInUse => (StatusCode::BAD_REQUEST, "alias_in_use"),
        Error::WouldIntroduceCycle => (StatusCode::BAD_REQUEST, "would_introduce_cycle"),
        Error::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden"),
        Error::NotFound => (StatusCode::NOT_FOUND, "not_found"),
        Error::AlreadyExists(_) => (StatusCode::CONFLICT, "relation_already_exists"),
        Error::LastManager(_) => (StatusCode::CONFLICT, "last_manager"),
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
/// on 401 (both schemes; RFC 6750 §3: an `error` parameter only when a token was sent) and
/// `Allow` on 405.
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

/// The `WWW-Authenticate` challenges for a 401, `None` for every other error. Every 401 offers
/// both schemes the API takes (RFC 9110 §11.6.1: one field may list several challenges), Bearer
/// first. The Bearer challenge follows RFC 6750 §3: `error="invalid_token"` only when a token
/// was sent and is bad, none when no credentials came or the Basic ones failed (no token was
/// sent then). Basic has no error parameter (RFC 7617).
pub fn www_authenticate(error: &EdgeError) -> Option<&'static str> {
    match error {
        EdgeError::Unauthorized | EdgeError::InvalidCredentials(_) => Some(BOTH_CHALLENGES),
        EdgeError::InvalidAccessToken(_) => {
            Some(r#"Bearer realm="onezone", error="invalid_token", Basic realm="onezone""#)
        }
        _ => None,
    }
}

/// The challenges of a 401 where no token was sent.
const BOTH_CHALLENGES: &str = r#"Bearer realm="onezone", Basic realm="onezone""#;

/// `error` as a whole HTTP/1.1 response in bytes, for the connection layer (`http::conn`),
/// which answers where hyper cannot run our code: a request hyper could not parse, a header
/// read that timed out, a connection past the cap. Always `Connection: close`, since each of
/// these ends the connection. `date` is the `Date` value to send (hyper's, when replacing
/// hyper's own answer).
pub fn raw_response(error: &EdgeError, date: &str) -> Vec<u8> {
    let (status, model) = to_model(error);
    let body = serde_json::to_vec(&model).unwrap_or_default();
    let mut head = format!(
        "HTTP/1.1 {} {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n",
        status.as_str(),
        status.canonical_reason().unwrap_or(""),
        body.len()
    );
    if status == StatusCode::SERVICE_UNAVAILABLE {
        head += &format!("retry-after: {RETRY_AFTER_SECS}\r\n");
    }
    head += &format!("date: {date}\r\n\r\n");
    let mut out = head.into_bytes();
    out.extend_from_slice(&body);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_and_bad_credentials_get_different_challenges() {
        let missing = response(&EdgeError::Unauthorized, None);
        assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(missing.headers()[WWW_AUTHENTICATE], r#"Bearer realm="onezone", Basic realm="onezone""#);
        let bad = response(&EdgeError::InvalidAccessToken("x".into()), None);
        assert_eq!(
            bad.headers()[WWW_AUTHENTICATE],
            r#"Bearer realm="onezone", error="invalid_token", Basic realm="onezone""#
        );
        let wrong = response(&EdgeError::InvalidCredentials("x".into()), None);
        assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(wrong.headers()[WWW_AUTHENTICATE], r#"Bearer realm="onezone", Basic realm="onezone""#);
        assert_eq!(to_model(&EdgeError::InvalidCredentials("x".into())).1.error, "invalid_credentials");
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
    fn a_raw_response_is_json_with_its_length_and_says_the_connection_closes() {
        let bytes = raw_response(&EdgeError::HeaderTooLarge(16384), "Tue, 01 Dec 2026 00:00:00 GMT");
        let text = String::from_utf8(bytes).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(head.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"), "{head}");
        assert!(head.contains("\r\ncontent-type: application/json\r\n"));
        assert!(head.contains("\r\nconnection: close\r\n"));
        assert!(head.contains(&format!("\r\ncontent-length: {}", body.len())));
        let json: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(json["error"], "request_header_fields_too_large");
        let shed = String::from_utf8(raw_response(&EdgeError::TooManyConnections, "x")).unwrap();
        assert!(shed.starts_with("HTTP/1.1 503 ") && shed.contains("\r\nretry-after: 2\r\n"), "{shed}");
    }

    #[test]
    fn internal_details_are_never_sent() {
        let (status, model) = domain_model(&Error::internal("disk /var/secret exploded"));
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(model.error, "internal_error");
        assert!(!model.error_description.contains("secret"));
    }
}
