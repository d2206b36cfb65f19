//! Every response each operation can send, in one table checked against the spec. A domain
//! `Error` becomes the generated response variant declared for its status here, and each
//! variant becomes its HTTP response (status, headers, JSON body) in an exhaustive `match`: a
//! status the spec does not declare for the operation cannot be named (the generated enum has
//! no such variant), a status the spec adds is a compile error here, and a pairing the spec
//! does not make fails the tests below.

use hyper::header::{HeaderName, HeaderValue, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use hyper::{Response, StatusCode};
use oz_groups_api::*;
use serde::Serialize;

use super::error::{self, full, Body};
use crate::domain::Error;

/// A generated response enum: how a domain error becomes one of its variants, and how a
/// variant becomes the HTTP response.
pub trait Reply: Sized {
    /// The variant declared for `error`'s status (the body comes from `http::error`, the one
    /// mapping). A status the operation does not declare is a bug, answered as 500.
    fn from_error(error: &Error) -> Self;

    fn into_http(self) -> Response<Body>;
}

/// A response with `status` and no body yet.
fn empty(status: u16) -> Response<Body> {
    let mut response = Response::new(full(Vec::new()));
    // Every status comes from the table below, where each one is a valid status code.
    *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response
}

/// A response with `status` and `body` as JSON.
fn json(status: u16, body: &impl Serialize) -> Response<Body> {
    match serde_json::to_vec(body) {
        Ok(bytes) => {
            let mut response = empty(status);
            *response.body_mut() = full(bytes);
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            response
        }
        Err(e) => error::response(&Error::internal(format!("a response body does not serialize: {e}")).into(), None),
    }
}

/// `response` with the header the variant's field `field` names (`location` → `Location`);
/// a value that cannot be a header is a bug, answered as 500.
fn with_header(mut response: Response<Body>, field: &str, value: impl ToString) -> Response<Body> {
    let name = HeaderName::from_bytes(field.replace('_', "-").as_bytes());
    match (name, HeaderValue::try_from(value.to_string())) {
        (Ok(name), Ok(value)) => {
            response.headers_mut().insert(name, value);
            response
        }
        _ => error::response(&Error::internal(format!("the {field} header has an invalid value")).into(), None),
    }
}

/// A header's value beside a body: required (`String`), or optional (`Option<String>`).
trait MaybeHeader {
    fn value(self) -> Option<String>;
}

impl MaybeHeader for String {
    fn value(self) -> Option<String> {
        Some(self)
    }
}

impl MaybeHeader for Option<String> {
    fn value(self) -> Option<String> {
        self
    }
}

/// `response` with the header `field` when it has a value.
fn with_optional_header(response: Response<Body>, field: &str, value: impl MaybeHeader) -> Response<Body> {
    match value.value() {
        Some(value) => with_header(response, field, value),
        None => response,
    }
}

/// The first expression when there is one (a variant with a body), else the second.
macro_rules! json_or_empty {
    ($json:expr ; $empty:expr) => {
        $json
    };
    (; $empty:expr) => {
        $empty
    };
}

/// `Resp for operation { success variants ; error variants }`, each with its status. A success
/// variant is `Ok(body)`, `Created { headers }`, or `Ok [body; headers]` for a body beside
/// headers, required or not (the generated `Ok { body, link }`, `Created { body, location }`). Every
/// operation also declares 401 `Unauthorized` and 429 `TooManyRequests` (which only the gate
/// answers), 500 `InternalError` and 503 `ServiceUnavailable`, whose variants have their own
/// shapes.
macro_rules! responses {
    ($($resp:ident for $op:ident {
        $($ok_status:literal $ok:ident $(($body:ident))? $({ $($header:ident),* })? $([ $named:ident ; $($optional:ident),* ])?),* ;
        $($status:literal $variant:ident),*
    })*) => {
        $(impl Reply for $resp {
            fn from_error(err: &Error) -> Self {
                let (status, body) = error::domain_model(err);
                match status.as_u16() {
                    $($status => Self::$variant(body),)*
                    503 => Self::ServiceUnavailable { body, retry_after: error::RETRY_AFTER_SECS },
                    500 => Self::InternalError(body),
                    other => {
                        let bug = Error::internal(format!("{} does not declare status {other}", stringify!($op)));
                        Self::InternalError(error::domain_model(&bug).1)
                    }
                }
            }

            fn into_http(self) -> Response<Body> {
                match self {
                    $(Self::$ok $(($body))? $({ $($header),* })? $({ $named, $($optional),* })? => {
                        #[allow(unused_mut)]
                        let mut response =
                            json_or_empty!($(json($ok_status, &$body))? $(json($ok_status, &$named))? ; empty($ok_status));
                        $($(response = with_header(response, stringify!($header), $header);)*)?
                        $($(response = with_optional_header(response, stringify!($optional), $optional);)*)?
                        response
                    })*
                    $(Self::$variant(body) => json($status, &body),)*
                    Self::Unauthorized { body, www_authenticate } => {
                        with_header(json(401, &body), WWW_AUTHENTICATE.as_str(), www_authenticate)
                    }
                    Self::TooManyRequests { body, retry_after } => {
                        with_header(json(429, &body), RETRY_AFTER.as_str(), retry_after)
                    }
                    Self::InternalError(body) => json(500, &body),
                    Self::ServiceUnavailable { body, retry_after } => {
                        with_header(json(503, &body), RETRY_AFTER.as_str(), retry_after)
                    }
                }
            }
        })*

        /// `(operationId, [(status, x-response-id)])` of every operation the adapter answers.
        #[cfg(test)]
        const TABLE: &[(&str, &[(u16, &str)])] = &[$((stringify!($op), &[
            $(($ok_status, stringify!($ok)),)*
            $(($status, stringify!($variant)),)*
            (401, "Unauthorized"),
            (429, "TooManyRequests"),
            (500, "InternalError"),
            (503, "ServiceUnavailable"),
        ])),*];
    };
}

responses! {
    GetCurrentUserResponse for get_current_user { 200 Ok(body) ; }
    ModifyCurrentUserResponse for modify_current_user { 204 NoContent ; 400 BadRequest, 413 PayloadTooLarge, 415 UnsupportedMediaType }
    CreateClientTokenResponse for create_client_token { 200 Ok(body) ; 403 Forbidden }
    ListUserGroupsResponse for list_user_groups { 200 Ok [body; link] ; 400 BadRequest }
    CreateGroupForUserResponse for create_group_for_user { 201 Created { location } ; 400 BadRequest, 413 PayloadTooLarge, 415 UnsupportedMediaType }
    JoinGroupResponse for join_group {
        201 Created { location } ; 400 BadRequest, 403 Forbidden, 404 NotFound, 409 Conflict, 413 PayloadTooLarge, 415 UnsupportedMediaType
    }
    GetUserGroupResponse for get_user_group { 200 Ok(body) ; 404 NotFound }
    LeaveGroupResponse for leave_group { 204 NoContent ; 404 NotFound, 409 Conflict }
    ListGroupsResponse for list_groups { 200 Ok [body; link] ; 400 BadRequest, 403 Forbidden }
    CreateGroupResponse for create_group { 201 Created { location } ; 400 BadRequest, 413 PayloadTooLarge, 415 UnsupportedMediaType }
    GetGroupResponse for get_group { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    ModifyGroupResponse for modify_group {
        204 NoContent ; 400 BadRequest, 403 Forbidden, 404 NotFound, 413 PayloadTooLarge, 415 UnsupportedMediaType
    }
    RemoveGroupResponse for remove_group { 204 NoContent ; 403 Forbidden, 404 NotFound, 409 Conflict }
    ListGroupUsersResponse for list_group_users { 200 Ok [body; link] ; 400 BadRequest, 403 Forbidden, 404 NotFound }
    CreateGroupInviteTokenResponse for create_group_invite_token { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    GetGroupInviteTokenResponse for get_group_invite_token { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    GetGroupUserResponse for get_group_user { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    RemoveGroupUserResponse for remove_group_user { 204 NoContent ; 403 Forbidden, 404 NotFound, 409 Conflict }
    GetGroupUserPrivilegesResponse for get_group_user_privileges { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    SetGroupUserPrivilegesResponse for set_group_user_privileges {
        204 NoContent ; 400 BadRequest, 403 Forbidden, 404 NotFound, 409 Conflict, 413 PayloadTooLarge, 415 UnsupportedMediaType
    }
    DeleteCurrentUserResponse for delete_current_user { 204 NoContent ; 409 Conflict }
    ListUsersResponse for list_users { 200 Ok [body; link] ; 400 BadRequest, 403 Forbidden }
    GetUserResponse for get_user { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    RemoveUserResponse for remove_user { 204 NoContent ; 403 Forbidden, 404 NotFound, 409 Conflict }
    GetUserZonePrivilegesResponse for get_user_zone_privileges { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    ModifyUserZonePrivilegesResponse for modify_user_zone_privileges {
        204 NoContent ; 400 BadRequest, 403 Forbidden, 404 NotFound, 413 PayloadTooLarge, 415 UnsupportedMediaType
    }
    RemoveUserZonePrivilegesResponse for remove_user_zone_privileges { 204 NoContent ; 403 Forbidden, 404 NotFound }
    GetGroupZonePrivilegesResponse for get_group_zone_privileges { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    ModifyGroupZonePrivilegesResponse for modify_group_zone_privileges {
        204 NoContent ; 400 BadRequest, 403 Forbidden, 404 NotFound, 413 PayloadTooLarge, 415 UnsupportedMediaType
    }
    RemoveGroupZonePrivilegesResponse for remove_group_zone_privileges { 204 NoContent ; 403 Forbidden, 404 NotFound }
    AddGroupUserResponse for add_group_user {
        201 Created { location } ; 400 BadRequest, 403 Forbidden, 404 NotFound, 409 Conflict, 413 PayloadTooLarge, 415 UnsupportedMediaType
    }
    ListNestedGroupsResponse for list_nested_groups { 200 Ok [body; link] ; 400 BadRequest, 403 Forbidden, 404 NotFound }
    CreateNestedGroupInviteTokenResponse for create_nested_group_invite_token { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    GetNestedGroupInviteTokenResponse for get_nested_group_invite_token { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    JoinNestedGroupResponse for join_nested_group {
        201 Created { location } ; 400 BadRequest, 403 Forbidden, 404 NotFound, 409 Conflict, 413 PayloadTooLarge, 415 UnsupportedMediaType
    }
    GetNestedGroupResponse for get_nested_group { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    RemoveNestedGroupResponse for remove_nested_group { 204 NoContent ; 403 Forbidden, 404 NotFound, 409 Conflict }
    GetNestedGroupPrivilegesResponse for get_nested_group_privileges { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    SetNestedGroupPrivilegesResponse for set_nested_group_privileges {
        204 NoContent ; 400 BadRequest, 403 Forbidden, 404 NotFound, 409 Conflict, 413 PayloadTooLarge, 415 UnsupportedMediaType
    }
    ListParentGroupsResponse for list_parent_groups { 200 Ok [body; link] ; 400 BadRequest, 403 Forbidden, 404 NotFound }
    GetParentGroupResponse for get_parent_group { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    ListGroupEffectiveUsersResponse for list_group_effective_users { 200 Ok [body; link] ; 400 BadRequest, 403 Forbidden, 404 NotFound }
    GetGroupEffectiveUserResponse for get_group_effective_user { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    GetGroupEffectiveUserPrivilegesResponse for get_group_effective_user_privileges { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    ListUserEffectiveGroupsResponse for list_user_effective_groups { 200 Ok [body; link] ; 400 BadRequest }
    GetUserEffectiveGroupResponse for get_user_effective_group { 200 Ok(body) ; 404 NotFound }
    CreateNamedTokenResponse for create_named_token {
        201 Created [body; location] ; 400 BadRequest, 403 Forbidden, 404 NotFound, 409 Conflict, 413 PayloadTooLarge, 415 UnsupportedMediaType
    }
    ListNamedTokensResponse for list_named_tokens { 200 Ok [body; link] ; 400 BadRequest }
    DeleteNamedTokensResponse for delete_named_tokens { 204 NoContent ; }
    GetNamedTokenByNameResponse for get_named_token_by_name { 200 Ok(body) ; 404 NotFound }
    GetNamedTokenResponse for get_named_token { 200 Ok(body) ; 404 NotFound }
    ModifyNamedTokenResponse for modify_named_token {
        204 NoContent ; 400 BadRequest, 404 NotFound, 409 Conflict, 413 PayloadTooLarge, 415 UnsupportedMediaType
    }
    DeleteNamedTokenResponse for delete_named_token { 204 NoContent ; 404 NotFound }
    ListTokenJoinsResponse for list_token_joins { 200 Ok [body; link] ; 400 BadRequest, 403 Forbidden, 404 NotFound }
    GetGroupUserOriginResponse for get_group_user_origin { 200 Ok(body) ; 403 Forbidden, 404 NotFound }
    ListGroupInvitesResponse for list_group_invites { 200 Ok [body; link] ; 400 BadRequest, 403 Forbidden, 404 NotFound }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::*;
    use crate::http::spec::Spec;

    /// `operationId → {(status, x-response-id)}` as the spec declares them.
    fn declared() -> Vec<(String, BTreeSet<(u16, String)>)> {
        let spec = Spec::load().expect("the committed spec loads");
        let mut out = Vec::new();
        for item in spec.json["paths"].as_object().into_iter().flat_map(|p| p.values()) {
            for op in item.as_object().into_iter().flat_map(|o| o.values()) {
                let Some(id) = op.get("operationId").and_then(Value::as_str) else { continue };
                let mut statuses = BTreeSet::new();
                for (status, response) in op["responses"].as_object().into_iter().flatten() {
                    let response = match response.get("$ref").and_then(Value::as_str) {
                        Some(r) => spec.json.pointer(&r.replace("#/", "/")).expect("a $ref resolves"),
                        None => response,
                    };
                    let name = response["x-response-id"].as_str().expect("every response has an x-response-id");
                    statuses.insert((status.parse().expect("a numeric status"), name.to_owned()));
                }
                out.push((id.to_owned(), statuses));
            }
        }
        out
    }

    #[test]
    fn every_status_an_operation_can_reply_with_is_the_one_the_spec_declares_and_vice_versa() {
        let declared = declared();
        for (op, statuses) in TABLE {
            let ours: BTreeSet<(u16, String)> = statuses.iter().map(|(s, n)| (*s, (*n).to_owned())).collect();
            let Some((_, spec)) = declared.iter().find(|(id, _)| id == op) else {
                panic!("{op} is not an operation of the spec");
            };
            assert_eq!(&ours, spec, "{op}: the reply table and the spec disagree");
        }
        for (id, _) in &declared {
            assert!(TABLE.iter().any(|(op, _)| op == id), "the spec's {id} has no reply table");
        }
    }

    #[test]
    fn a_domain_error_becomes_the_variant_declared_for_its_status() {
        assert!(matches!(JoinGroupResponse::from_error(&Error::NotFound), JoinGroupResponse::NotFound(_)));
        assert!(matches!(
            JoinGroupResponse::from_error(&Error::Unavailable("x".into())),
            JoinGroupResponse::ServiceUnavailable { retry_after: error::RETRY_AFTER_SECS, .. }
        ));
        // 409 is not declared for getting a group: a bug, answered as 500.
        let undeclared = GetGroupResponse::from_error(&Error::AlreadyExists("x".into()));
        assert!(matches!(undeclared, GetGroupResponse::InternalError(_)));
    }

    #[test]
    fn each_variant_becomes_its_status_with_the_headers_its_fields_name() {
        let created = JoinGroupResponse::Created { location: "/api/v3/onezone/user/groups/g".into() }.into_http();
        assert_eq!(created.status(), StatusCode::CREATED);
        assert_eq!(created.headers()["location"], "/api/v3/onezone/user/groups/g");
        assert!(created.headers().get(CONTENT_TYPE).is_none());
        let outage = LeaveGroupResponse::from_error(&Error::Unavailable("x".into())).into_http();
        assert_eq!(outage.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(outage.headers()[RETRY_AFTER], error::RETRY_AFTER_SECS.to_string().as_str());
        assert_eq!(outage.headers()[CONTENT_TYPE], "application/json");
        assert_eq!(LeaveGroupResponse::NoContent.into_http().status(), StatusCode::NO_CONTENT);
    }

    #[test]
    fn a_page_carries_its_link_header_and_a_whole_list_none() {
        let body = models::GroupList::new(vec!["g".to_owned().into()]);
        let link = r#"</api/v3/onezone/groups?limit=1&after=AAAAAAAAAAE>; rel="next""#;
        let page = ListGroupsResponse::Ok { body: body.clone(), link: Some(link.into()) }.into_http();
        assert_eq!((page.status(), &page.headers()["link"]), (StatusCode::OK, &HeaderValue::from_static(link)));
        let whole = ListGroupsResponse::Ok { body, link: None }.into_http();
        assert!(whole.headers().get("link").is_none());
        assert_eq!(whole.headers()[CONTENT_TYPE], "application/json");
    }
}
