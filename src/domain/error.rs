//! The one error enum of the crate. Every failure a caller can see is one of these variants;
//! `http::error` is the single place that turns a variant into a status code and a JSON body.
//! Messages are one human sentence and never contain a token or an internal detail.

/// What went wrong, from the caller's point of view. Each variant names the status it becomes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// 401 `unauthorized`: no credentials in any accepted header.
    #[error("Authentication is required: send an access token in X-Auth-Token, Authorization: Bearer, or Macaroon.")]
    Unauthorized,
    /// 401 `invalid_token`: the access token is malformed, unknown, forged, expired, revoked, or
    /// its user is gone.
    #[error("{0}")]
    InvalidAccessToken(String),
    /// 415 `unsupported_media_type`.
    #[error("The request body must be application/json.")]
    UnsupportedMediaType,
    /// 413 `payload_too_large`.
    #[error("The request body is larger than {0} bytes.")]
    PayloadTooLarge(usize),
    /// 400 `invalid_request`: the body or a parameter is not what the operation takes.
    #[error("{0}")]
    InvalidRequest(String),
    /// 400 `invalid_token`: an invite token that cannot be used (the sentence says why).
    #[error("{0}")]
    InvalidToken(String),
    /// 403 `forbidden`: the caller lacks a privilege, or the token is bound to another user.
    #[error("{0}")]
    Forbidden(String),
    /// 404 `not_found`: no such resource, or one the caller may not know exists.
    #[error("The resource could not be found.")]
    NotFound,
    /// 405 `method_not_allowed`; the HTTP layer adds `Allow`.
    #[error("The method is not allowed for this resource.")]
    MethodNotAllowed,
    /// 409 `relation_already_exists`.
    #[error("{0}")]
    AlreadyExists(String),
    /// 503 `service_unavailable`: the database cannot be reached; nothing was changed. The detail
    /// is logged, never sent; the HTTP layer adds `Retry-After`.
    #[error("The service is temporarily unavailable; try again shortly.")]
    Unavailable(String),
    /// 500 `internal_error`: the detail is logged, never sent.
    #[error("The server encountered an internal error.")]
    Internal(String),
}

impl Error {
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        Self::Internal(detail.to_string())
    }
}
