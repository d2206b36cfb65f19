#![allow(
    missing_docs,
    trivial_casts,
    unused_variables,
    unused_mut,
    unused_imports,
    unused_extern_crates,
    unused_attributes,
    non_camel_case_types
)]
#![allow(clippy::derive_partial_eq_without_eq, clippy::disallowed_names)]

use async_trait::async_trait;
use futures::Stream;
#[cfg(feature = "mock")]
use mockall::automock;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::error::Error;
use std::task::{Context, Poll};
use swagger::{auth::Authorization, ApiError, ContextWrapper};

#[cfg(any(feature = "client", feature = "server"))]
type ServiceError = Box<dyn Error + Send + Sync + 'static>;

pub const BASE_PATH: &str = "/api/v3/onezone";
pub const API_VERSION: &str = "0.1.0";

mod auth;
pub use auth::{AuthenticationApi, Claims};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum CreateGroupResponse {
    /// Created. The group is at `Location` (`/api/v3/onezone/groups/{groupId}`).
    Created { location: String },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The request body is larger than 64 KiB.
    PayloadTooLarge(models::Error),
    /// The request body has a Content-Type other than application/json, or a charset other than UTF-8.
    UnsupportedMediaType(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ListGroupsResponse {
    /// Ids of all groups.
    Ok { body: models::GroupList, link: Option<String> },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum CreateGroupInviteTokenResponse {
    /// The invite token.
    Ok(models::GroupInviteToken),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum CreateNestedGroupInviteTokenResponse {
    /// The group invite token.
    Ok(models::GroupInviteToken),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetGroupResponse {
    /// The group.
    Ok(models::Group),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetGroupInviteTokenResponse {
    /// The invite token.
    Ok(models::GroupInviteToken),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetNestedGroupInviteTokenResponse {
    /// The group invite token.
    Ok(models::GroupInviteToken),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum JoinNestedGroupResponse {
    /// Linked. `Location` is `/api/v3/onezone/groups/{id}/parent/{parentId}`.
    Created { location: String },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The relation already exists (`relation_already_exists`), or the change would leave a group with members but none holding `group_set_privileges` (`last_manager`, naming the group).
    Conflict(models::Error),
    /// The request body is larger than 64 KiB.
    PayloadTooLarge(models::Error),
    /// The request body has a Content-Type other than application/json, or a charset other than UTF-8.
    UnsupportedMediaType(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ListGroupEffectiveUsersResponse {
    /// Ids of the effective members.
    Ok { body: models::UserList, link: Option<String> },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ListGroupInvitesResponse {
    /// The live invites.
    Ok { body: models::InviteList, link: Option<String> },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ListGroupUsersResponse {
    /// Ids of the direct members.
    Ok { body: models::UserList, link: Option<String> },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ListNestedGroupsResponse {
    /// Ids of the child groups.
    Ok { body: models::NestedGroupList, link: Option<String> },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ListParentGroupsResponse {
    /// Ids of the parent groups.
    Ok { body: models::ParentGroupList, link: Option<String> },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ModifyGroupResponse {
    /// Updated.
    NoContent,
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The request body is larger than 64 KiB.
    PayloadTooLarge(models::Error),
    /// The request body has a Content-Type other than application/json, or a charset other than UTF-8.
    UnsupportedMediaType(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum RemoveGroupResponse {
    /// Deleted.
    NoContent,
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The relation already exists (`relation_already_exists`), or the change would leave a group with members but none holding `group_set_privileges` (`last_manager`, naming the group).
    Conflict(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetGroupEffectiveUserResponse {
    /// The effective member.
    Ok(models::User),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetGroupEffectiveUserPrivilegesResponse {
    /// The member's effective privileges.
    Ok(models::Privileges),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetGroupUserResponse {
    /// The member.
    Ok(models::User),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetGroupUserOriginResponse {
    /// The membership's origin.
    Ok(models::Origin),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetGroupUserPrivilegesResponse {
    /// The member's direct privileges.
    Ok(models::Privileges),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetNestedGroupResponse {
    /// The child group.
    Ok(models::Group),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetNestedGroupPrivilegesResponse {
    /// The child's privileges in the group.
    Ok(models::Privileges),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetParentGroupResponse {
    /// The parent group.
    Ok(models::Group),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum RemoveGroupUserResponse {
    /// Removed.
    NoContent,
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The relation already exists (`relation_already_exists`), or the change would leave a group with members but none holding `group_set_privileges` (`last_manager`, naming the group).
    Conflict(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum RemoveNestedGroupResponse {
    /// Unlinked.
    NoContent,
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The relation already exists (`relation_already_exists`), or the change would leave a group with members but none holding `group_set_privileges` (`last_manager`, naming the group).
    Conflict(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum SetGroupUserPrivilegesResponse {
    /// Replaced.
    NoContent,
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The relation already exists (`relation_already_exists`), or the change would leave a group with members but none holding `group_set_privileges` (`last_manager`, naming the group).
    Conflict(models::Error),
    /// The request body is larger than 64 KiB.
    PayloadTooLarge(models::Error),
    /// The request body has a Content-Type other than application/json, or a charset other than UTF-8.
    UnsupportedMediaType(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum SetNestedGroupPrivilegesResponse {
    /// Replaced.
    NoContent,
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The relation already exists (`relation_already_exists`), or the change would leave a group with members but none holding `group_set_privileges` (`last_manager`, naming the group).
    Conflict(models::Error),
    /// The request body is larger than 64 KiB.
    PayloadTooLarge(models::Error),
    /// The request body has a Content-Type other than application/json, or a charset other than UTF-8.
    UnsupportedMediaType(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum CreateNamedTokenResponse {
    /// Created. The token is at `Location` (`/api/v3/onezone/tokens/named/{tokenId}`).
    Created { body: models::NamedTokenCreateResponse, location: String },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The relation already exists (`relation_already_exists`), or the change would leave a group with members but none holding `group_set_privileges` (`last_manager`, naming the group).
    Conflict(models::Error),
    /// The request body is larger than 64 KiB.
    PayloadTooLarge(models::Error),
    /// The request body has a Content-Type other than application/json, or a charset other than UTF-8.
    UnsupportedMediaType(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum DeleteNamedTokensResponse {
    /// Deleted.
    NoContent,
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ListNamedTokensResponse {
    /// Ids of the caller's named tokens.
    Ok { body: models::TokenList, link: Option<String> },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum DeleteNamedTokenResponse {
    /// Deleted.
    NoContent,
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetNamedTokenResponse {
    /// The named token, with its serialized form.
    Ok(models::NamedToken),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetNamedTokenByNameResponse {
    /// The named token, with its serialized form.
    Ok(models::NamedToken),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ListTokenJoinsResponse {
    /// The token's join records.
    Ok { body: models::JoinRecordList, link: Option<String> },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ModifyNamedTokenResponse {
    /// Changed.
    NoContent,
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The relation already exists (`relation_already_exists`), or the change would leave a group with members but none holding `group_set_privileges` (`last_manager`, naming the group).
    Conflict(models::Error),
    /// The request body is larger than 64 KiB.
    PayloadTooLarge(models::Error),
    /// The request body has a Content-Type other than application/json, or a charset other than UTF-8.
    UnsupportedMediaType(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum CreateClientTokenResponse {
    /// A new access token.
    Ok(models::AccessToken),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum CreateGroupForUserResponse {
    /// Created. The group is at `Location` (`/api/v3/onezone/user/groups/{groupId}`).
    Created { location: String },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The request body is larger than 64 KiB.
    PayloadTooLarge(models::Error),
    /// The request body has a Content-Type other than application/json, or a charset other than UTF-8.
    UnsupportedMediaType(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum DeleteCurrentUserResponse {
    /// Deleted; the caller's tokens no longer authenticate.
    NoContent,
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The relation already exists (`relation_already_exists`), or the change would leave a group with members but none holding `group_set_privileges` (`last_manager`, naming the group).
    Conflict(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetCurrentUserResponse {
    /// The calling user.
    Ok(models::User),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum JoinGroupResponse {
    /// ID of the joined group in the form /user/groups/{id} is returned in the response `Location` header.
    Created { location: String },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The relation already exists (`relation_already_exists`), or the change would leave a group with members but none holding `group_set_privileges` (`last_manager`, naming the group).
    Conflict(models::Error),
    /// The request body is larger than 64 KiB.
    PayloadTooLarge(models::Error),
    /// The request body has a Content-Type other than application/json, or a charset other than UTF-8.
    UnsupportedMediaType(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ListUserEffectiveGroupsResponse {
    /// Ids of the caller's effective groups.
    Ok { body: models::EffectiveGroupList, link: Option<String> },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ListUserGroupsResponse {
    /// Ids of the groups the user belongs to directly.
    Ok { body: models::GroupList, link: Option<String> },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ModifyCurrentUserResponse {
    /// Updated.
    NoContent,
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The request body is larger than 64 KiB.
    PayloadTooLarge(models::Error),
    /// The request body has a Content-Type other than application/json, or a charset other than UTF-8.
    UnsupportedMediaType(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetUserEffectiveGroupResponse {
    /// The group.
    Ok(models::Group),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetUserGroupResponse {
    /// The group.
    Ok(models::Group),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum LeaveGroupResponse {
    /// Left the group.
    NoContent,
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The relation already exists (`relation_already_exists`), or the change would leave a group with members but none holding `group_set_privileges` (`last_manager`, naming the group).
    Conflict(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ListUsersResponse {
    /// Ids of all users.
    Ok { body: models::UserList, link: Option<String> },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetGroupZonePrivilegesResponse {
    /// The direct zone privileges.
    Ok(models::ZonePrivileges),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetUserResponse {
    /// The user.
    Ok(models::User),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum GetUserZonePrivilegesResponse {
    /// The direct zone privileges.
    Ok(models::ZonePrivileges),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ModifyGroupZonePrivilegesResponse {
    /// Changed.
    NoContent,
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The request body is larger than 64 KiB.
    PayloadTooLarge(models::Error),
    /// The request body has a Content-Type other than application/json, or a charset other than UTF-8.
    UnsupportedMediaType(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum ModifyUserZonePrivilegesResponse {
    /// Changed.
    NoContent,
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The request body is larger than 64 KiB.
    PayloadTooLarge(models::Error),
    /// The request body has a Content-Type other than application/json, or a charset other than UTF-8.
    UnsupportedMediaType(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum RemoveGroupZonePrivilegesResponse {
    /// Removed.
    NoContent,
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum RemoveUserResponse {
    /// Deleted.
    NoContent,
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The relation already exists (`relation_already_exists`), or the change would leave a group with members but none holding `group_set_privileges` (`last_manager`, naming the group).
    Conflict(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum RemoveUserZonePrivilegesResponse {
    /// Removed.
    NoContent,
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
pub enum AddGroupUserResponse {
    /// Added. The membership is at `Location` (`/api/v3/onezone/groups/{id}/users/{uid}`).
    Created { location: String },
    /// Invalid request (bad body, bad field, or an invite token that cannot be validated).
    BadRequest(models::Error),
    /// No credentials (`unauthorized`), an access token that cannot be validated (`invalid_token`), or a Basic login and password that do not match (`invalid_credentials`, the same for an unknown login).
    Unauthorized { body: models::Error, www_authenticate: String },
    /// The caller lacks the privilege, or the token is bound to another user.
    Forbidden(models::Error),
    /// Resource not found (or not visible to the caller).
    NotFound(models::Error),
    /// The relation already exists (`relation_already_exists`), or the change would leave a group with members but none holding `group_set_privileges` (`last_manager`, naming the group).
    Conflict(models::Error),
    /// The request body is larger than 64 KiB.
    PayloadTooLarge(models::Error),
    /// The request body has a Content-Type other than application/json, or a charset other than UTF-8.
    UnsupportedMediaType(models::Error),
    /// A rate limit (failed authentications or failed joins from this address or for this user or token, or this user's writes) refused the request before it reached the store; nothing was changed. Retry after the number of seconds in `Retry-After`.
    TooManyRequests { body: models::Error, retry_after: i32 },
    /// Internal server error (no internals are disclosed).
    InternalError(models::Error),
    /// The database is unreachable; nothing was changed. Retry after the number of seconds in `Retry-After`.
    ServiceUnavailable { body: models::Error, retry_after: i32 },
}

/// API
#[cfg_attr(feature = "mock", automock)]
#[async_trait]
#[allow(clippy::too_many_arguments, clippy::ptr_arg)]
pub trait Api<C: Send + Sync> {
    /// Create a group; the caller becomes a member with all privileges
    async fn create_group(
        &self,
        group_create_request: models::GroupCreateRequest,
        context: &C,
    ) -> Result<CreateGroupResponse, ApiError>;

    /// List all groups (needs the zone privilege list_groups)
    async fn list_groups(
        &self,
        limit: Option<u32>,
        after: Option<String>,
        context: &C,
    ) -> Result<ListGroupsResponse, ApiError>;

    /// Mint a user invite token (needs group_invite_user, or the zone privilege oz_groups_add_members)
    async fn create_group_invite_token(
        &self,
        id: String,
        context: &C,
    ) -> Result<CreateGroupInviteTokenResponse, ApiError>;

    /// Mint a group invite token (needs group_invite_group, or the zone privilege oz_groups_add_members)
    async fn create_nested_group_invite_token(
        &self,
        id: String,
        context: &C,
    ) -> Result<CreateNestedGroupInviteTokenResponse, ApiError>;

    /// Get group details (needs group_view_data, or the zone privilege list_groups)
    async fn get_group(&self, id: String, context: &C) -> Result<GetGroupResponse, ApiError>;

    /// Mint a user invite token (deprecated alias of POST, as in Onezone rc11)
    async fn get_group_invite_token(&self, id: String, context: &C) -> Result<GetGroupInviteTokenResponse, ApiError>;

    /// Mint a group invite token (deprecated alias of POST, as in Onezone rc11)
    async fn get_nested_group_invite_token(
        &self,
        id: String,
        context: &C,
    ) -> Result<GetNestedGroupInviteTokenResponse, ApiError>;

    /// Make this group a child of the token's group (needs group_join_group in this group)
    async fn join_nested_group(
        &self,
        id: String,
        group_invite_token: models::GroupInviteToken,
        context: &C,
    ) -> Result<JoinNestedGroupResponse, ApiError>;

    /// List the effective members of a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn list_group_effective_users(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
        context: &C,
    ) -> Result<ListGroupEffectiveUsersResponse, ApiError>;

    /// List a group's live invite tokens (needs group_invite_user, or the zone privilege oz_groups_add_members)
    async fn list_group_invites(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
        context: &C,
    ) -> Result<ListGroupInvitesResponse, ApiError>;

    /// List the direct members of a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn list_group_users(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
        context: &C,
    ) -> Result<ListGroupUsersResponse, ApiError>;

    /// List the child groups of a group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn list_nested_groups(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
        context: &C,
    ) -> Result<ListNestedGroupsResponse, ApiError>;

    /// List the parent groups of a group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn list_parent_groups(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
        context: &C,
    ) -> Result<ListParentGroupsResponse, ApiError>;

    /// Rename or retype a group (needs group_change_data)
    async fn modify_group(
        &self,
        id: String,
        group_update_request: models::GroupUpdateRequest,
        context: &C,
    ) -> Result<ModifyGroupResponse, ApiError>;

    /// Delete a group with its memberships (needs group_remove, or the zone privilege oz_groups_remove_members)
    async fn remove_group(&self, id: String, context: &C) -> Result<RemoveGroupResponse, ApiError>;

    /// Get an effective member of a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_effective_user(
        &self,
        id: String,
        uid: String,
        context: &C,
    ) -> Result<GetGroupEffectiveUserResponse, ApiError>;

    /// Get an effective member's effective privileges in a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_effective_user_privileges(
        &self,
        id: String,
        uid: String,
        context: &C,
    ) -> Result<GetGroupEffectiveUserPrivilegesResponse, ApiError>;

    /// Get a direct member of a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_user(&self, id: String, uid: String, context: &C) -> Result<GetGroupUserResponse, ApiError>;

    /// How a direct member got into a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_user_origin(
        &self,
        id: String,
        uid: String,
        context: &C,
    ) -> Result<GetGroupUserOriginResponse, ApiError>;

    /// Get a member's privileges in a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_user_privileges(
        &self,
        id: String,
        uid: String,
        context: &C,
    ) -> Result<GetGroupUserPrivilegesResponse, ApiError>;

    /// Get a child group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn get_nested_group(&self, id: String, nid: String, context: &C) -> Result<GetNestedGroupResponse, ApiError>;

    /// Get a child group's privileges in a group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn get_nested_group_privileges(
        &self,
        id: String,
        nid: String,
        context: &C,
    ) -> Result<GetNestedGroupPrivilegesResponse, ApiError>;

    /// Get a parent group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn get_parent_group(&self, id: String, pid: String, context: &C) -> Result<GetParentGroupResponse, ApiError>;

    /// Remove a member from a group (needs group_remove_user, or the zone privilege oz_groups_remove_members)
    async fn remove_group_user(
        &self,
        id: String,
        uid: String,
        context: &C,
    ) -> Result<RemoveGroupUserResponse, ApiError>;

    /// Remove a child group (needs group_remove_group, or the zone privilege oz_groups_remove_members)
    async fn remove_nested_group(
        &self,
        id: String,
        nid: String,
        context: &C,
    ) -> Result<RemoveNestedGroupResponse, ApiError>;

    /// Replace a member's privileges in a group (needs group_set_privileges, or the zone privilege set_privileges)
    async fn set_group_user_privileges(
        &self,
        id: String,
        uid: String,
        privileges: models::Privileges,
        context: &C,
    ) -> Result<SetGroupUserPrivilegesResponse, ApiError>;

    /// Replace a child group's privileges in a group (needs group_set_privileges, or the zone privilege set_privileges)
    async fn set_nested_group_privileges(
        &self,
        id: String,
        nid: String,
        privileges: models::Privileges,
        context: &C,
    ) -> Result<SetNestedGroupPrivilegesResponse, ApiError>;

    /// Create a named invite token (needs group_invite_user or group_invite_group in its group)
    async fn create_named_token(
        &self,
        named_token_create_request: models::NamedTokenCreateRequest,
        context: &C,
    ) -> Result<CreateNamedTokenResponse, ApiError>;

    /// Delete all the current user's named tokens
    async fn delete_named_tokens(&self, context: &C) -> Result<DeleteNamedTokensResponse, ApiError>;

    /// List the current user's named tokens
    async fn list_named_tokens(
        &self,
        limit: Option<u32>,
        after: Option<String>,
        context: &C,
    ) -> Result<ListNamedTokensResponse, ApiError>;

    /// Delete a named token (its owner only)
    async fn delete_named_token(&self, id: String, context: &C) -> Result<DeleteNamedTokenResponse, ApiError>;

    /// Get a named token (its owner only)
    async fn get_named_token(&self, id: String, context: &C) -> Result<GetNamedTokenResponse, ApiError>;

    /// Get one of the current user's named tokens by its name
    async fn get_named_token_by_name(&self, name: String, context: &C)
        -> Result<GetNamedTokenByNameResponse, ApiError>;

    /// Who joined with an invite token (its owner, or group_view_data in its group)
    async fn list_token_joins(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
        context: &C,
    ) -> Result<ListTokenJoinsResponse, ApiError>;

    /// Rename, revoke or un-revoke a named token, or replace its custom metadata (its owner only)
    async fn modify_named_token(
        &self,
        id: String,
        named_token_update_request: models::NamedTokenUpdateRequest,
        context: &C,
    ) -> Result<ModifyNamedTokenResponse, ApiError>;

    /// Mint a new access token for the current user
    async fn create_client_token(&self, context: &C) -> Result<CreateClientTokenResponse, ApiError>;

    /// Create a group; the caller becomes a member with all privileges
    async fn create_group_for_user(
        &self,
        group_create_request: models::GroupCreateRequest,
        context: &C,
    ) -> Result<CreateGroupForUserResponse, ApiError>;

    /// Delete the current user's account
    async fn delete_current_user(&self, context: &C) -> Result<DeleteCurrentUserResponse, ApiError>;

    /// Get the current user
    async fn get_current_user(&self, context: &C) -> Result<GetCurrentUserResponse, ApiError>;

    /// Join group
    async fn join_group(
        &self,
        group_invite_token: models::GroupInviteToken,
        context: &C,
    ) -> Result<JoinGroupResponse, ApiError>;

    /// List the current user's effective groups
    async fn list_user_effective_groups(
        &self,
        limit: Option<u32>,
        after: Option<String>,
        context: &C,
    ) -> Result<ListUserEffectiveGroupsResponse, ApiError>;

    /// List the current user's direct groups
    async fn list_user_groups(
        &self,
        limit: Option<u32>,
        after: Option<String>,
        context: &C,
    ) -> Result<ListUserGroupsResponse, ApiError>;

    /// Change the current user's name or alias
    async fn modify_current_user(
        &self,
        user_update_request: models::UserUpdateRequest,
        context: &C,
    ) -> Result<ModifyCurrentUserResponse, ApiError>;

    /// Get an effective group of the current user
    async fn get_user_effective_group(
        &self,
        gid: String,
        context: &C,
    ) -> Result<GetUserEffectiveGroupResponse, ApiError>;

    /// Get a group the current user belongs to
    async fn get_user_group(&self, gid: String, context: &C) -> Result<GetUserGroupResponse, ApiError>;

    /// Leave a group
    async fn leave_group(&self, gid: String, context: &C) -> Result<LeaveGroupResponse, ApiError>;

    /// List all users (needs the zone privilege list_users)
    async fn list_users(
        &self,
        limit: Option<u32>,
        after: Option<String>,
        context: &C,
    ) -> Result<ListUsersResponse, ApiError>;

    /// Get a group's zone privileges (needs the zone privilege view_privileges)
    async fn get_group_zone_privileges(
        &self,
        id: String,
        context: &C,
    ) -> Result<GetGroupZonePrivilegesResponse, ApiError>;

    /// Get a user (oneself needs nothing; anyone else the zone privilege list_users)
    async fn get_user(&self, id: String, context: &C) -> Result<GetUserResponse, ApiError>;

    /// Get a user's zone privileges (needs the zone privilege view_privileges)
    async fn get_user_zone_privileges(
        &self,
        id: String,
        context: &C,
    ) -> Result<GetUserZonePrivilegesResponse, ApiError>;

    /// Change a group's zone privileges (needs the zone privilege set_privileges)
    async fn modify_group_zone_privileges(
        &self,
        id: String,
        zone_privileges_update: models::ZonePrivilegesUpdate,
        context: &C,
    ) -> Result<ModifyGroupZonePrivilegesResponse, ApiError>;

    /// Change a user's zone privileges (needs the zone privilege set_privileges)
    async fn modify_user_zone_privileges(
        &self,
        id: String,
        zone_privileges_update: models::ZonePrivilegesUpdate,
        context: &C,
    ) -> Result<ModifyUserZonePrivilegesResponse, ApiError>;

    /// Remove all of a group's zone privileges (needs the zone privilege set_privileges)
    async fn remove_group_zone_privileges(
        &self,
        id: String,
        context: &C,
    ) -> Result<RemoveGroupZonePrivilegesResponse, ApiError>;

    /// Delete a user (needs the zone privilege oz_users_delete)
    async fn remove_user(&self, id: String, context: &C) -> Result<RemoveUserResponse, ApiError>;

    /// Remove all of a user's zone privileges (needs the zone privilege set_privileges)
    async fn remove_user_zone_privileges(
        &self,
        id: String,
        context: &C,
    ) -> Result<RemoveUserZonePrivilegesResponse, ApiError>;

    /// Add a user to a group without an invite (needs the zone privilege oz_groups_add_members)
    async fn add_group_user(
        &self,
        id: String,
        uid: String,
        privileges: Option<models::Privileges>,
        context: &C,
    ) -> Result<AddGroupUserResponse, ApiError>;
}

/// API where `Context` isn't passed on every API call
#[cfg_attr(feature = "mock", automock)]
#[async_trait]
#[allow(clippy::too_many_arguments, clippy::ptr_arg)]
pub trait ApiNoContext<C: Send + Sync> {
    // The std::task::Context struct houses a reference to std::task::Waker with the lifetime <'a>.
    // Adding an anonymous lifetime `'a` to allow mockall to create a mock object with the right lifetimes.
    // This is needed because the compiler is unable to determine the lifetimes on F's trait bound
    // where F is the closure created by mockall. We use higher-rank trait bounds here to get around this.

    fn context(&self) -> &C;

    /// Create a group; the caller becomes a member with all privileges
    async fn create_group(
        &self,
        group_create_request: models::GroupCreateRequest,
    ) -> Result<CreateGroupResponse, ApiError>;

    /// List all groups (needs the zone privilege list_groups)
    async fn list_groups(&self, limit: Option<u32>, after: Option<String>) -> Result<ListGroupsResponse, ApiError>;

    /// Mint a user invite token (needs group_invite_user, or the zone privilege oz_groups_add_members)
    async fn create_group_invite_token(&self, id: String) -> Result<CreateGroupInviteTokenResponse, ApiError>;

    /// Mint a group invite token (needs group_invite_group, or the zone privilege oz_groups_add_members)
    async fn create_nested_group_invite_token(
        &self,
        id: String,
    ) -> Result<CreateNestedGroupInviteTokenResponse, ApiError>;

    /// Get group details (needs group_view_data, or the zone privilege list_groups)
    async fn get_group(&self, id: String) -> Result<GetGroupResponse, ApiError>;

    /// Mint a user invite token (deprecated alias of POST, as in Onezone rc11)
    async fn get_group_invite_token(&self, id: String) -> Result<GetGroupInviteTokenResponse, ApiError>;

    /// Mint a group invite token (deprecated alias of POST, as in Onezone rc11)
    async fn get_nested_group_invite_token(&self, id: String) -> Result<GetNestedGroupInviteTokenResponse, ApiError>;

    /// Make this group a child of the token's group (needs group_join_group in this group)
    async fn join_nested_group(
        &self,
        id: String,
        group_invite_token: models::GroupInviteToken,
    ) -> Result<JoinNestedGroupResponse, ApiError>;

    /// List the effective members of a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn list_group_effective_users(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListGroupEffectiveUsersResponse, ApiError>;

    /// List a group's live invite tokens (needs group_invite_user, or the zone privilege oz_groups_add_members)
    async fn list_group_invites(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListGroupInvitesResponse, ApiError>;

    /// List the direct members of a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn list_group_users(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListGroupUsersResponse, ApiError>;

    /// List the child groups of a group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn list_nested_groups(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListNestedGroupsResponse, ApiError>;

    /// List the parent groups of a group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn list_parent_groups(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListParentGroupsResponse, ApiError>;

    /// Rename or retype a group (needs group_change_data)
    async fn modify_group(
        &self,
        id: String,
        group_update_request: models::GroupUpdateRequest,
    ) -> Result<ModifyGroupResponse, ApiError>;

    /// Delete a group with its memberships (needs group_remove, or the zone privilege oz_groups_remove_members)
    async fn remove_group(&self, id: String) -> Result<RemoveGroupResponse, ApiError>;

    /// Get an effective member of a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_effective_user(
        &self,
        id: String,
        uid: String,
    ) -> Result<GetGroupEffectiveUserResponse, ApiError>;

    /// Get an effective member's effective privileges in a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_effective_user_privileges(
        &self,
        id: String,
        uid: String,
    ) -> Result<GetGroupEffectiveUserPrivilegesResponse, ApiError>;

    /// Get a direct member of a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_user(&self, id: String, uid: String) -> Result<GetGroupUserResponse, ApiError>;

    /// How a direct member got into a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_user_origin(&self, id: String, uid: String) -> Result<GetGroupUserOriginResponse, ApiError>;

    /// Get a member's privileges in a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_user_privileges(
        &self,
        id: String,
        uid: String,
    ) -> Result<GetGroupUserPrivilegesResponse, ApiError>;

    /// Get a child group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn get_nested_group(&self, id: String, nid: String) -> Result<GetNestedGroupResponse, ApiError>;

    /// Get a child group's privileges in a group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn get_nested_group_privileges(
        &self,
        id: String,
        nid: String,
    ) -> Result<GetNestedGroupPrivilegesResponse, ApiError>;

    /// Get a parent group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn get_parent_group(&self, id: String, pid: String) -> Result<GetParentGroupResponse, ApiError>;

    /// Remove a member from a group (needs group_remove_user, or the zone privilege oz_groups_remove_members)
    async fn remove_group_user(&self, id: String, uid: String) -> Result<RemoveGroupUserResponse, ApiError>;

    /// Remove a child group (needs group_remove_group, or the zone privilege oz_groups_remove_members)
    async fn remove_nested_group(&self, id: String, nid: String) -> Result<RemoveNestedGroupResponse, ApiError>;

    /// Replace a member's privileges in a group (needs group_set_privileges, or the zone privilege set_privileges)
    async fn set_group_user_privileges(
        &self,
        id: String,
        uid: String,
        privileges: models::Privileges,
    ) -> Result<SetGroupUserPrivilegesResponse, ApiError>;

    /// Replace a child group's privileges in a group (needs group_set_privileges, or the zone privilege set_privileges)
    async fn set_nested_group_privileges(
        &self,
        id: String,
        nid: String,
        privileges: models::Privileges,
    ) -> Result<SetNestedGroupPrivilegesResponse, ApiError>;

    /// Create a named invite token (needs group_invite_user or group_invite_group in its group)
    async fn create_named_token(
        &self,
        named_token_create_request: models::NamedTokenCreateRequest,
    ) -> Result<CreateNamedTokenResponse, ApiError>;

    /// Delete all the current user's named tokens
    async fn delete_named_tokens(&self) -> Result<DeleteNamedTokensResponse, ApiError>;

    /// List the current user's named tokens
    async fn list_named_tokens(
        &self,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListNamedTokensResponse, ApiError>;

    /// Delete a named token (its owner only)
    async fn delete_named_token(&self, id: String) -> Result<DeleteNamedTokenResponse, ApiError>;

    /// Get a named token (its owner only)
    async fn get_named_token(&self, id: String) -> Result<GetNamedTokenResponse, ApiError>;

    /// Get one of the current user's named tokens by its name
    async fn get_named_token_by_name(&self, name: String) -> Result<GetNamedTokenByNameResponse, ApiError>;

    /// Who joined with an invite token (its owner, or group_view_data in its group)
    async fn list_token_joins(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListTokenJoinsResponse, ApiError>;

    /// Rename, revoke or un-revoke a named token, or replace its custom metadata (its owner only)
    async fn modify_named_token(
        &self,
        id: String,
        named_token_update_request: models::NamedTokenUpdateRequest,
    ) -> Result<ModifyNamedTokenResponse, ApiError>;

    /// Mint a new access token for the current user
    async fn create_client_token(&self) -> Result<CreateClientTokenResponse, ApiError>;

    /// Create a group; the caller becomes a member with all privileges
    async fn create_group_for_user(
        &self,
        group_create_request: models::GroupCreateRequest,
    ) -> Result<CreateGroupForUserResponse, ApiError>;

    /// Delete the current user's account
    async fn delete_current_user(&self) -> Result<DeleteCurrentUserResponse, ApiError>;

    /// Get the current user
    async fn get_current_user(&self) -> Result<GetCurrentUserResponse, ApiError>;

    /// Join group
    async fn join_group(&self, group_invite_token: models::GroupInviteToken) -> Result<JoinGroupResponse, ApiError>;

    /// List the current user's effective groups
    async fn list_user_effective_groups(
        &self,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListUserEffectiveGroupsResponse, ApiError>;

    /// List the current user's direct groups
    async fn list_user_groups(
        &self,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListUserGroupsResponse, ApiError>;

    /// Change the current user's name or alias
    async fn modify_current_user(
        &self,
        user_update_request: models::UserUpdateRequest,
    ) -> Result<ModifyCurrentUserResponse, ApiError>;

    /// Get an effective group of the current user
    async fn get_user_effective_group(&self, gid: String) -> Result<GetUserEffectiveGroupResponse, ApiError>;

    /// Get a group the current user belongs to
    async fn get_user_group(&self, gid: String) -> Result<GetUserGroupResponse, ApiError>;

    /// Leave a group
    async fn leave_group(&self, gid: String) -> Result<LeaveGroupResponse, ApiError>;

    /// List all users (needs the zone privilege list_users)
    async fn list_users(&self, limit: Option<u32>, after: Option<String>) -> Result<ListUsersResponse, ApiError>;

    /// Get a group's zone privileges (needs the zone privilege view_privileges)
    async fn get_group_zone_privileges(&self, id: String) -> Result<GetGroupZonePrivilegesResponse, ApiError>;

    /// Get a user (oneself needs nothing; anyone else the zone privilege list_users)
    async fn get_user(&self, id: String) -> Result<GetUserResponse, ApiError>;

    /// Get a user's zone privileges (needs the zone privilege view_privileges)
    async fn get_user_zone_privileges(&self, id: String) -> Result<GetUserZonePrivilegesResponse, ApiError>;

    /// Change a group's zone privileges (needs the zone privilege set_privileges)
    async fn modify_group_zone_privileges(
        &self,
        id: String,
        zone_privileges_update: models::ZonePrivilegesUpdate,
    ) -> Result<ModifyGroupZonePrivilegesResponse, ApiError>;

    /// Change a user's zone privileges (needs the zone privilege set_privileges)
    async fn modify_user_zone_privileges(
        &self,
        id: String,
        zone_privileges_update: models::ZonePrivilegesUpdate,
    ) -> Result<ModifyUserZonePrivilegesResponse, ApiError>;

    /// Remove all of a group's zone privileges (needs the zone privilege set_privileges)
    async fn remove_group_zone_privileges(&self, id: String) -> Result<RemoveGroupZonePrivilegesResponse, ApiError>;

    /// Delete a user (needs the zone privilege oz_users_delete)
    async fn remove_user(&self, id: String) -> Result<RemoveUserResponse, ApiError>;

    /// Remove all of a user's zone privileges (needs the zone privilege set_privileges)
    async fn remove_user_zone_privileges(&self, id: String) -> Result<RemoveUserZonePrivilegesResponse, ApiError>;

    /// Add a user to a group without an invite (needs the zone privilege oz_groups_add_members)
    async fn add_group_user(
        &self,
        id: String,
        uid: String,
        privileges: Option<models::Privileges>,
    ) -> Result<AddGroupUserResponse, ApiError>;
}

/// Trait to extend an API to make it easy to bind it to a context.
pub trait ContextWrapperExt<C: Send + Sync>
where
    Self: Sized,
{
    /// Binds this API to a context.
    fn with_context(self, context: C) -> ContextWrapper<Self, C>;
}

impl<T: Api<C> + Send + Sync, C: Clone + Send + Sync> ContextWrapperExt<C> for T {
    fn with_context(self: T, context: C) -> ContextWrapper<T, C> {
        ContextWrapper::<T, C>::new(self, context)
    }
}

#[async_trait]
impl<T: Api<C> + Send + Sync, C: Clone + Send + Sync> ApiNoContext<C> for ContextWrapper<T, C> {
    fn context(&self) -> &C {
        ContextWrapper::context(self)
    }

    /// Create a group; the caller becomes a member with all privileges
    async fn create_group(
        &self,
        group_create_request: models::GroupCreateRequest,
    ) -> Result<CreateGroupResponse, ApiError> {
        let context = self.context().clone();
        self.api().create_group(group_create_request, &context).await
    }

    /// List all groups (needs the zone privilege list_groups)
    async fn list_groups(&self, limit: Option<u32>, after: Option<String>) -> Result<ListGroupsResponse, ApiError> {
        let context = self.context().clone();
        self.api().list_groups(limit, after, &context).await
    }

    /// Mint a user invite token (needs group_invite_user, or the zone privilege oz_groups_add_members)
    async fn create_group_invite_token(&self, id: String) -> Result<CreateGroupInviteTokenResponse, ApiError> {
        let context = self.context().clone();
        self.api().create_group_invite_token(id, &context).await
    }

    /// Mint a group invite token (needs group_invite_group, or the zone privilege oz_groups_add_members)
    async fn create_nested_group_invite_token(
        &self,
        id: String,
    ) -> Result<CreateNestedGroupInviteTokenResponse, ApiError> {
        let context = self.context().clone();
        self.api().create_nested_group_invite_token(id, &context).await
    }

    /// Get group details (needs group_view_data, or the zone privilege list_groups)
    async fn get_group(&self, id: String) -> Result<GetGroupResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_group(id, &context).await
    }

    /// Mint a user invite token (deprecated alias of POST, as in Onezone rc11)
    async fn get_group_invite_token(&self, id: String) -> Result<GetGroupInviteTokenResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_group_invite_token(id, &context).await
    }

    /// Mint a group invite token (deprecated alias of POST, as in Onezone rc11)
    async fn get_nested_group_invite_token(&self, id: String) -> Result<GetNestedGroupInviteTokenResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_nested_group_invite_token(id, &context).await
    }

    /// Make this group a child of the token's group (needs group_join_group in this group)
    async fn join_nested_group(
        &self,
        id: String,
        group_invite_token: models::GroupInviteToken,
    ) -> Result<JoinNestedGroupResponse, ApiError> {
        let context = self.context().clone();
        self.api().join_nested_group(id, group_invite_token, &context).await
    }

    /// List the effective members of a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn list_group_effective_users(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListGroupEffectiveUsersResponse, ApiError> {
        let context = self.context().clone();
        self.api().list_group_effective_users(id, limit, after, &context).await
    }

    /// List a group's live invite tokens (needs group_invite_user, or the zone privilege oz_groups_add_members)
    async fn list_group_invites(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListGroupInvitesResponse, ApiError> {
        let context = self.context().clone();
        self.api().list_group_invites(id, limit, after, &context).await
    }

    /// List the direct members of a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn list_group_users(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListGroupUsersResponse, ApiError> {
        let context = self.context().clone();
        self.api().list_group_users(id, limit, after, &context).await
    }

    /// List the child groups of a group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn list_nested_groups(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListNestedGroupsResponse, ApiError> {
        let context = self.context().clone();
        self.api().list_nested_groups(id, limit, after, &context).await
    }

    /// List the parent groups of a group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn list_parent_groups(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListParentGroupsResponse, ApiError> {
        let context = self.context().clone();
        self.api().list_parent_groups(id, limit, after, &context).await
    }

    /// Rename or retype a group (needs group_change_data)
    async fn modify_group(
        &self,
        id: String,
        group_update_request: models::GroupUpdateRequest,
    ) -> Result<ModifyGroupResponse, ApiError> {
        let context = self.context().clone();
        self.api().modify_group(id, group_update_request, &context).await
    }

    /// Delete a group with its memberships (needs group_remove, or the zone privilege oz_groups_remove_members)
    async fn remove_group(&self, id: String) -> Result<RemoveGroupResponse, ApiError> {
        let context = self.context().clone();
        self.api().remove_group(id, &context).await
    }

    /// Get an effective member of a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_effective_user(
        &self,
        id: String,
        uid: String,
    ) -> Result<GetGroupEffectiveUserResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_group_effective_user(id, uid, &context).await
    }

    /// Get an effective member's effective privileges in a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_effective_user_privileges(
        &self,
        id: String,
        uid: String,
    ) -> Result<GetGroupEffectiveUserPrivilegesResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_group_effective_user_privileges(id, uid, &context).await
    }

    /// Get a direct member of a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_user(&self, id: String, uid: String) -> Result<GetGroupUserResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_group_user(id, uid, &context).await
    }

    /// How a direct member got into a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_user_origin(&self, id: String, uid: String) -> Result<GetGroupUserOriginResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_group_user_origin(id, uid, &context).await
    }

    /// Get a member's privileges in a group (needs group_view_data, or the zone privilege oz_groups_list_users)
    async fn get_group_user_privileges(
        &self,
        id: String,
        uid: String,
    ) -> Result<GetGroupUserPrivilegesResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_group_user_privileges(id, uid, &context).await
    }

    /// Get a child group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn get_nested_group(&self, id: String, nid: String) -> Result<GetNestedGroupResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_nested_group(id, nid, &context).await
    }

    /// Get a child group's privileges in a group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn get_nested_group_privileges(
        &self,
        id: String,
        nid: String,
    ) -> Result<GetNestedGroupPrivilegesResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_nested_group_privileges(id, nid, &context).await
    }

    /// Get a parent group (needs group_view_data, or the zone privilege oz_groups_list_groups)
    async fn get_parent_group(&self, id: String, pid: String) -> Result<GetParentGroupResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_parent_group(id, pid, &context).await
    }

    /// Remove a member from a group (needs group_remove_user, or the zone privilege oz_groups_remove_members)
    async fn remove_group_user(&self, id: String, uid: String) -> Result<RemoveGroupUserResponse, ApiError> {
        let context = self.context().clone();
        self.api().remove_group_user(id, uid, &context).await
    }

    /// Remove a child group (needs group_remove_group, or the zone privilege oz_groups_remove_members)
    async fn remove_nested_group(&self, id: String, nid: String) -> Result<RemoveNestedGroupResponse, ApiError> {
        let context = self.context().clone();
        self.api().remove_nested_group(id, nid, &context).await
    }

    /// Replace a member's privileges in a group (needs group_set_privileges, or the zone privilege set_privileges)
    async fn set_group_user_privileges(
        &self,
        id: String,
        uid: String,
        privileges: models::Privileges,
    ) -> Result<SetGroupUserPrivilegesResponse, ApiError> {
        let context = self.context().clone();
        self.api().set_group_user_privileges(id, uid, privileges, &context).await
    }

    /// Replace a child group's privileges in a group (needs group_set_privileges, or the zone privilege set_privileges)
    async fn set_nested_group_privileges(
        &self,
        id: String,
        nid: String,
        privileges: models::Privileges,
    ) -> Result<SetNestedGroupPrivilegesResponse, ApiError> {
        let context = self.context().clone();
        self.api().set_nested_group_privileges(id, nid, privileges, &context).await
    }

    /// Create a named invite token (needs group_invite_user or group_invite_group in its group)
    async fn create_named_token(
        &self,
        named_token_create_request: models::NamedTokenCreateRequest,
    ) -> Result<CreateNamedTokenResponse, ApiError> {
        let context = self.context().clone();
        self.api().create_named_token(named_token_create_request, &context).await
    }

    /// Delete all the current user's named tokens
    async fn delete_named_tokens(&self) -> Result<DeleteNamedTokensResponse, ApiError> {
        let context = self.context().clone();
        self.api().delete_named_tokens(&context).await
    }

    /// List the current user's named tokens
    async fn list_named_tokens(
        &self,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListNamedTokensResponse, ApiError> {
        let context = self.context().clone();
        self.api().list_named_tokens(limit, after, &context).await
    }

    /// Delete a named token (its owner only)
    async fn delete_named_token(&self, id: String) -> Result<DeleteNamedTokenResponse, ApiError> {
        let context = self.context().clone();
        self.api().delete_named_token(id, &context).await
    }

    /// Get a named token (its owner only)
    async fn get_named_token(&self, id: String) -> Result<GetNamedTokenResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_named_token(id, &context).await
    }

    /// Get one of the current user's named tokens by its name
    async fn get_named_token_by_name(&self, name: String) -> Result<GetNamedTokenByNameResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_named_token_by_name(name, &context).await
    }

    /// Who joined with an invite token (its owner, or group_view_data in its group)
    async fn list_token_joins(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListTokenJoinsResponse, ApiError> {
        let context = self.context().clone();
        self.api().list_token_joins(id, limit, after, &context).await
    }

    /// Rename, revoke or un-revoke a named token, or replace its custom metadata (its owner only)
    async fn modify_named_token(
        &self,
        id: String,
        named_token_update_request: models::NamedTokenUpdateRequest,
    ) -> Result<ModifyNamedTokenResponse, ApiError> {
        let context = self.context().clone();
        self.api().modify_named_token(id, named_token_update_request, &context).await
    }

    /// Mint a new access token for the current user
    async fn create_client_token(&self) -> Result<CreateClientTokenResponse, ApiError> {
        let context = self.context().clone();
        self.api().create_client_token(&context).await
    }

    /// Create a group; the caller becomes a member with all privileges
    async fn create_group_for_user(
        &self,
        group_create_request: models::GroupCreateRequest,
    ) -> Result<CreateGroupForUserResponse, ApiError> {
        let context = self.context().clone();
        self.api().create_group_for_user(group_create_request, &context).await
    }

    /// Delete the current user's account
    async fn delete_current_user(&self) -> Result<DeleteCurrentUserResponse, ApiError> {
        let context = self.context().clone();
        self.api().delete_current_user(&context).await
    }

    /// Get the current user
    async fn get_current_user(&self) -> Result<GetCurrentUserResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_current_user(&context).await
    }

    /// Join group
    async fn join_group(&self, group_invite_token: models::GroupInviteToken) -> Result<JoinGroupResponse, ApiError> {
        let context = self.context().clone();
        self.api().join_group(group_invite_token, &context).await
    }

    /// List the current user's effective groups
    async fn list_user_effective_groups(
        &self,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListUserEffectiveGroupsResponse, ApiError> {
        let context = self.context().clone();
        self.api().list_user_effective_groups(limit, after, &context).await
    }

    /// List the current user's direct groups
    async fn list_user_groups(
        &self,
        limit: Option<u32>,
        after: Option<String>,
    ) -> Result<ListUserGroupsResponse, ApiError> {
        let context = self.context().clone();
        self.api().list_user_groups(limit, after, &context).await
    }

    /// Change the current user's name or alias
    async fn modify_current_user(
        &self,
        user_update_request: models::UserUpdateRequest,
    ) -> Result<ModifyCurrentUserResponse, ApiError> {
        let context = self.context().clone();
        self.api().modify_current_user(user_update_request, &context).await
    }

    /// Get an effective group of the current user
    async fn get_user_effective_group(&self, gid: String) -> Result<GetUserEffectiveGroupResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_user_effective_group(gid, &context).await
    }

    /// Get a group the current user belongs to
    async fn get_user_group(&self, gid: String) -> Result<GetUserGroupResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_user_group(gid, &context).await
    }

    /// Leave a group
    async fn leave_group(&self, gid: String) -> Result<LeaveGroupResponse, ApiError> {
        let context = self.context().clone();
        self.api().leave_group(gid, &context).await
    }

    /// List all users (needs the zone privilege list_users)
    async fn list_users(&self, limit: Option<u32>, after: Option<String>) -> Result<ListUsersResponse, ApiError> {
        let context = self.context().clone();
        self.api().list_users(limit, after, &context).await
    }

    /// Get a group's zone privileges (needs the zone privilege view_privileges)
    async fn get_group_zone_privileges(&self, id: String) -> Result<GetGroupZonePrivilegesResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_group_zone_privileges(id, &context).await
    }

    /// Get a user (oneself needs nothing; anyone else the zone privilege list_users)
    async fn get_user(&self, id: String) -> Result<GetUserResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_user(id, &context).await
    }

    /// Get a user's zone privileges (needs the zone privilege view_privileges)
    async fn get_user_zone_privileges(&self, id: String) -> Result<GetUserZonePrivilegesResponse, ApiError> {
        let context = self.context().clone();
        self.api().get_user_zone_privileges(id, &context).await
    }

    /// Change a group's zone privileges (needs the zone privilege set_privileges)
    async fn modify_group_zone_privileges(
        &self,
        id: String,
        zone_privileges_update: models::ZonePrivilegesUpdate,
    ) -> Result<ModifyGroupZonePrivilegesResponse, ApiError> {
        let context = self.context().clone();
        self.api().modify_group_zone_privileges(id, zone_privileges_update, &context).await
    }

    /// Change a user's zone privileges (needs the zone privilege set_privileges)
    async fn modify_user_zone_privileges(
        &self,
        id: String,
        zone_privileges_update: models::ZonePrivilegesUpdate,
    ) -> Result<ModifyUserZonePrivilegesResponse, ApiError> {
        let context = self.context().clone();
        self.api().modify_user_zone_privileges(id, zone_privileges_update, &context).await
    }

    /// Remove all of a group's zone privileges (needs the zone privilege set_privileges)
    async fn remove_group_zone_privileges(&self, id: String) -> Result<RemoveGroupZonePrivilegesResponse, ApiError> {
        let context = self.context().clone();
        self.api().remove_group_zone_privileges(id, &context).await
    }

    /// Delete a user (needs the zone privilege oz_users_delete)
    async fn remove_user(&self, id: String) -> Result<RemoveUserResponse, ApiError> {
        let context = self.context().clone();
        self.api().remove_user(id, &context).await
    }

    /// Remove all of a user's zone privileges (needs the zone privilege set_privileges)
    async fn remove_user_zone_privileges(&self, id: String) -> Result<RemoveUserZonePrivilegesResponse, ApiError> {
        let context = self.context().clone();
        self.api().remove_user_zone_privileges(id, &context).await
    }

    /// Add a user to a group without an invite (needs the zone privilege oz_groups_add_members)
    async fn add_group_user(
        &self,
        id: String,
        uid: String,
        privileges: Option<models::Privileges>,
    ) -> Result<AddGroupUserResponse, ApiError> {
        let context = self.context().clone();
        self.api().add_group_user(id, uid, privileges, &context).await
    }
}

#[cfg(feature = "client")]
pub mod client;

// Re-export Client as a top-level name
#[cfg(feature = "client")]
pub use client::Client;

#[cfg(feature = "server")]
pub mod server;

// Re-export router() as a top-level name
#[cfg(feature = "server")]
pub use self::server::Service;

#[cfg(feature = "server")]
pub mod context;

pub mod models;

#[cfg(any(feature = "client", feature = "server"))]
pub(crate) mod header;
