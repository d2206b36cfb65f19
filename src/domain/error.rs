//! The domain's error enum: the outcomes of a use case that are not a success. Failures of the
//! transport (no credentials, a wrong method, media type or size, a malformed body) belong to
//! the edge's own error type, `http::error::EdgeError`; `http::error` is the single place that
//! turns either into a status code and a JSON body. Messages are one human sentence and never
//! contain a token or an internal detail.

/// What went wrong, from the caller's point of view. Each variant names the status it becomes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// 400 `invalid_request`: a value is not what the operation takes (a name too long, ...).
    #[error("{0}")]
    InvalidRequest(String),
    /// 400 `invalid_token`: an invite token that cannot be used (the sentence says why).
    #[error("{0}")]
    InvalidToken(String),
    /// 400 `alias_in_use`: another user already has the alias asked for (contract §4).
    #[error("The alias is already taken by another user.")]
    AliasInUse,
    /// 400 `would_introduce_cycle` (issue 12): a nested join that would make a group its own
    /// ancestor (a group joining itself, or an ancestor joining one of its descendants).
    #[error("The group cannot join this group: it would become its own ancestor (nested groups form no cycle).")]
    WouldIntroduceCycle,
    /// 403 `forbidden`: the caller lacks a privilege, or the token is bound to another user.
    #[error("{0}")]
    Forbidden(String),
    /// 404 `not_found`: no such resource, or one the caller may not know exists.
    #[error("The resource could not be found.")]
    NotFound,
    /// 409 `relation_already_exists`.
    #[error("{0}")]
    AlreadyExists(String),
    /// 409 `last_manager` (contract §7): the change would leave the named group with members but
    /// no direct member holding `group_set_privileges`; nothing was changed.
    #[error("The change would leave group {0} with members but none holding group_set_privileges; give that privilege to another member first.")]
    LastManager(crate::domain::GroupId),
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
