use bytes::Bytes;
use futures::{future, future::BoxFuture, future::FutureExt, stream, stream::TryStreamExt, Stream};
use http_body_util::{combinators::BoxBody, Full};
use hyper::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use hyper::{
    body::{Body, Incoming},
    HeaderMap, Request, Response, StatusCode,
};
use log::warn;
#[cfg(feature = "validate")]
use serde_valid::Validate;
#[allow(unused_imports)]
use std::convert::{TryFrom, TryInto};
use std::future::Future;
use std::marker::PhantomData;
use std::task::{Context, Poll};
use std::{convert::Infallible, error::Error};
pub use swagger::auth::Authorization;
use swagger::auth::Scopes;
use swagger::{ApiError, BodyExt, Has, RequestParser, XSpanIdString};
use url::form_urlencoded;

#[allow(unused_imports)]
use crate::{header, models, AuthenticationApi};

pub use crate::context;

type ServiceFuture = BoxFuture<'static, Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>>;

use crate::{
    AddGroupUserResponse, Api, CreateClientTokenResponse, CreateGroupForUserResponse, CreateGroupInviteTokenResponse,
    CreateGroupResponse, CreateNamedTokenResponse, CreateNestedGroupInviteTokenResponse, DeleteCurrentUserResponse,
    DeleteNamedTokenResponse, DeleteNamedTokensResponse, GetCurrentUserResponse,
    GetGroupEffectiveUserPrivilegesResponse, GetGroupEffectiveUserResponse, GetGroupInviteTokenResponse,
    GetGroupResponse, GetGroupUserOriginResponse, GetGroupUserPrivilegesResponse, GetGroupUserResponse,
    GetGroupZonePrivilegesResponse, GetNamedTokenByNameResponse, GetNamedTokenResponse,
    GetNestedGroupInviteTokenResponse, GetNestedGroupPrivilegesResponse, GetNestedGroupResponse,
    GetParentGroupResponse, GetUserEffectiveGroupResponse, GetUserGroupResponse, GetUserResponse,
    GetUserZonePrivilegesResponse, JoinGroupResponse, JoinNestedGroupResponse, LeaveGroupResponse,
    ListGroupEffectiveUsersResponse, ListGroupInvitesResponse, ListGroupUsersResponse, ListGroupsResponse,
    ListNamedTokensResponse, ListNestedGroupsResponse, ListParentGroupsResponse, ListTokenJoinsResponse,
    ListUserEffectiveGroupsResponse, ListUserGroupsResponse, ListUsersResponse, ModifyCurrentUserResponse,
    ModifyGroupResponse, ModifyGroupZonePrivilegesResponse, ModifyNamedTokenResponse, ModifyUserZonePrivilegesResponse,
    RemoveGroupResponse, RemoveGroupUserResponse, RemoveGroupZonePrivilegesResponse, RemoveNestedGroupResponse,
    RemoveUserResponse, RemoveUserZonePrivilegesResponse, SetGroupUserPrivilegesResponse,
    SetNestedGroupPrivilegesResponse,
};

mod server_auth;

mod paths {
    use lazy_static::lazy_static;

    lazy_static! {
        pub static ref GLOBAL_REGEX_SET: regex::RegexSet = regex::RegexSet::new(vec![
            r"^/api/v3/onezone/groups$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/effective_users$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/effective_users/(?P<uid>[^/?#]*)$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/effective_users/(?P<uid>[^/?#]*)/privileges$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/invites$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/nested$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/nested/join$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/nested/token$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/nested/(?P<nid>[^/?#]*)$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/nested/(?P<nid>[^/?#]*)/privileges$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/parent$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/parent/(?P<pid>[^/?#]*)$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/privileges$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/users$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/users/token$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/users/(?P<uid>[^/?#]*)$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/users/(?P<uid>[^/?#]*)/origin$",
            r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/users/(?P<uid>[^/?#]*)/privileges$",
            r"^/api/v3/onezone/tokens/named/(?P<id>[^/?#]*)$",
            r"^/api/v3/onezone/tokens/named/(?P<id>[^/?#]*)/joins$",
            r"^/api/v3/onezone/user$",
            r"^/api/v3/onezone/user/client_token$",
            r"^/api/v3/onezone/user/effective_groups$",
            r"^/api/v3/onezone/user/effective_groups/(?P<gid>[^/?#]*)$",
            r"^/api/v3/onezone/user/groups$",
            r"^/api/v3/onezone/user/groups/join$",
            r"^/api/v3/onezone/user/groups/(?P<gid>[^/?#]*)$",
            r"^/api/v3/onezone/user/tokens/named$",
            r"^/api/v3/onezone/user/tokens/named/name/(?P<name>[^/?#]*)$",
            r"^/api/v3/onezone/users$",
            r"^/api/v3/onezone/users/(?P<id>[^/?#]*)$",
            r"^/api/v3/onezone/users/(?P<id>[^/?#]*)/privileges$"
        ])
        .expect("Unable to create global regex set");
    }
    pub(crate) static ID_GROUPS: usize = 0;
    pub(crate) static ID_GROUPS_ID: usize = 1;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID: regex::Regex = #[allow(clippy::invalid_regex)]
        regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)$")
            .expect("Unable to create regex for GROUPS_ID");
    }
    pub(crate) static ID_GROUPS_ID_EFFECTIVE_USERS: usize = 2;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_EFFECTIVE_USERS: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/effective_users$")
                .expect("Unable to create regex for GROUPS_ID_EFFECTIVE_USERS");
    }
    pub(crate) static ID_GROUPS_ID_EFFECTIVE_USERS_UID: usize = 3;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_EFFECTIVE_USERS_UID: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/effective_users/(?P<uid>[^/?#]*)$")
                .expect("Unable to create regex for GROUPS_ID_EFFECTIVE_USERS_UID");
    }
    pub(crate) static ID_GROUPS_ID_EFFECTIVE_USERS_UID_PRIVILEGES: usize = 4;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_EFFECTIVE_USERS_UID_PRIVILEGES: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/effective_users/(?P<uid>[^/?#]*)/privileges$")
                .expect("Unable to create regex for GROUPS_ID_EFFECTIVE_USERS_UID_PRIVILEGES");
    }
    pub(crate) static ID_GROUPS_ID_INVITES: usize = 5;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_INVITES: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/invites$")
                .expect("Unable to create regex for GROUPS_ID_INVITES");
    }
    pub(crate) static ID_GROUPS_ID_NESTED: usize = 6;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_NESTED: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/nested$")
                .expect("Unable to create regex for GROUPS_ID_NESTED");
    }
    pub(crate) static ID_GROUPS_ID_NESTED_JOIN: usize = 7;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_NESTED_JOIN: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/nested/join$")
                .expect("Unable to create regex for GROUPS_ID_NESTED_JOIN");
    }
    pub(crate) static ID_GROUPS_ID_NESTED_TOKEN: usize = 8;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_NESTED_TOKEN: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/nested/token$")
                .expect("Unable to create regex for GROUPS_ID_NESTED_TOKEN");
    }
    pub(crate) static ID_GROUPS_ID_NESTED_NID: usize = 9;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_NESTED_NID: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/nested/(?P<nid>[^/?#]*)$")
                .expect("Unable to create regex for GROUPS_ID_NESTED_NID");
    }
    pub(crate) static ID_GROUPS_ID_NESTED_NID_PRIVILEGES: usize = 10;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_NESTED_NID_PRIVILEGES: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/nested/(?P<nid>[^/?#]*)/privileges$")
                .expect("Unable to create regex for GROUPS_ID_NESTED_NID_PRIVILEGES");
    }
    pub(crate) static ID_GROUPS_ID_PARENT: usize = 11;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_PARENT: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/parent$")
                .expect("Unable to create regex for GROUPS_ID_PARENT");
    }
    pub(crate) static ID_GROUPS_ID_PARENT_PID: usize = 12;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_PARENT_PID: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/parent/(?P<pid>[^/?#]*)$")
                .expect("Unable to create regex for GROUPS_ID_PARENT_PID");
    }
    pub(crate) static ID_GROUPS_ID_PRIVILEGES: usize = 13;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_PRIVILEGES: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/privileges$")
                .expect("Unable to create regex for GROUPS_ID_PRIVILEGES");
    }
    pub(crate) static ID_GROUPS_ID_USERS: usize = 14;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_USERS: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/users$")
                .expect("Unable to create regex for GROUPS_ID_USERS");
    }
    pub(crate) static ID_GROUPS_ID_USERS_TOKEN: usize = 15;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_USERS_TOKEN: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/users/token$")
                .expect("Unable to create regex for GROUPS_ID_USERS_TOKEN");
    }
    pub(crate) static ID_GROUPS_ID_USERS_UID: usize = 16;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_USERS_UID: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/users/(?P<uid>[^/?#]*)$")
                .expect("Unable to create regex for GROUPS_ID_USERS_UID");
    }
    pub(crate) static ID_GROUPS_ID_USERS_UID_ORIGIN: usize = 17;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_USERS_UID_ORIGIN: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/users/(?P<uid>[^/?#]*)/origin$")
                .expect("Unable to create regex for GROUPS_ID_USERS_UID_ORIGIN");
    }
    pub(crate) static ID_GROUPS_ID_USERS_UID_PRIVILEGES: usize = 18;
    lazy_static! {
        pub static ref REGEX_GROUPS_ID_USERS_UID_PRIVILEGES: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/groups/(?P<id>[^/?#]*)/users/(?P<uid>[^/?#]*)/privileges$")
                .expect("Unable to create regex for GROUPS_ID_USERS_UID_PRIVILEGES");
    }
    pub(crate) static ID_TOKENS_NAMED_ID: usize = 19;
    lazy_static! {
        pub static ref REGEX_TOKENS_NAMED_ID: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/tokens/named/(?P<id>[^/?#]*)$")
                .expect("Unable to create regex for TOKENS_NAMED_ID");
    }
    pub(crate) static ID_TOKENS_NAMED_ID_JOINS: usize = 20;
    lazy_static! {
        pub static ref REGEX_TOKENS_NAMED_ID_JOINS: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/tokens/named/(?P<id>[^/?#]*)/joins$")
                .expect("Unable to create regex for TOKENS_NAMED_ID_JOINS");
    }
    pub(crate) static ID_USER: usize = 21;
    pub(crate) static ID_USER_CLIENT_TOKEN: usize = 22;
    pub(crate) static ID_USER_EFFECTIVE_GROUPS: usize = 23;
    pub(crate) static ID_USER_EFFECTIVE_GROUPS_GID: usize = 24;
    lazy_static! {
        pub static ref REGEX_USER_EFFECTIVE_GROUPS_GID: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/user/effective_groups/(?P<gid>[^/?#]*)$")
                .expect("Unable to create regex for USER_EFFECTIVE_GROUPS_GID");
    }
    pub(crate) static ID_USER_GROUPS: usize = 25;
    pub(crate) static ID_USER_GROUPS_JOIN: usize = 26;
    pub(crate) static ID_USER_GROUPS_GID: usize = 27;
    lazy_static! {
        pub static ref REGEX_USER_GROUPS_GID: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/user/groups/(?P<gid>[^/?#]*)$")
                .expect("Unable to create regex for USER_GROUPS_GID");
    }
    pub(crate) static ID_USER_TOKENS_NAMED: usize = 28;
    pub(crate) static ID_USER_TOKENS_NAMED_NAME_NAME: usize = 29;
    lazy_static! {
        pub static ref REGEX_USER_TOKENS_NAMED_NAME_NAME: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/user/tokens/named/name/(?P<name>[^/?#]*)$")
                .expect("Unable to create regex for USER_TOKENS_NAMED_NAME_NAME");
    }
    pub(crate) static ID_USERS: usize = 30;
    pub(crate) static ID_USERS_ID: usize = 31;
    lazy_static! {
        pub static ref REGEX_USERS_ID: regex::Regex = #[allow(clippy::invalid_regex)]
        regex::Regex::new(r"^/api/v3/onezone/users/(?P<id>[^/?#]*)$")
            .expect("Unable to create regex for USERS_ID");
    }
    pub(crate) static ID_USERS_ID_PRIVILEGES: usize = 32;
    lazy_static! {
        pub static ref REGEX_USERS_ID_PRIVILEGES: regex::Regex =
            #[allow(clippy::invalid_regex)]
            regex::Regex::new(r"^/api/v3/onezone/users/(?P<id>[^/?#]*)/privileges$")
                .expect("Unable to create regex for USERS_ID_PRIVILEGES");
    }
}

pub struct MakeService<T, C>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
{
    api_impl: T,
    marker: PhantomData<C>,
    validation: bool,
}

impl<T, C> MakeService<T, C>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
{
    pub fn new(api_impl: T) -> Self {
        MakeService { api_impl, marker: PhantomData, validation: false }
    }

    // Turn on/off validation for the service being made.
    #[cfg(feature = "validate")]
    pub fn set_validation(&mut self, validation: bool) {
        self.validation = validation;
    }
}

impl<T, C> Clone for MakeService<T, C>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
{
    fn clone(&self) -> Self {
        Self { api_impl: self.api_impl.clone(), marker: PhantomData, validation: self.validation }
    }
}

impl<T, C, Target> hyper::service::Service<Target> for MakeService<T, C>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
{
    type Response = Service<T, C>;
    type Error = crate::ServiceError;
    type Future = future::Ready<Result<Self::Response, Self::Error>>;

    fn call(&self, target: Target) -> Self::Future {
        let service = Service::new(self.api_impl.clone(), self.validation);

        future::ok(service)
    }
}

fn method_not_allowed() -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError> {
    Ok(Response::builder()
        .status(StatusCode::METHOD_NOT_ALLOWED)
        .body(BoxBody::new(http_body_util::Empty::new()))
        .expect("Unable to create Method Not Allowed response"))
}

#[allow(unused_macros)]
#[cfg(not(feature = "validate"))]
macro_rules! run_validation {
    ($parameter:tt, $base_name:tt, $validation:tt) => {};
}

#[allow(unused_macros)]
#[cfg(feature = "validate")]
macro_rules! run_validation {
    ($parameter:tt, $base_name:tt, $validation:tt) => {
        let $parameter = if $validation {
            match $parameter.validate() {
                Ok(()) => $parameter,
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new(format!("Invalid value in body parameter {}: {}", $base_name, e)))
                        .expect(&format!(
                            "Unable to create Bad Request response for invalid value in body parameter {}",
                            $base_name
                        )))
                }
            }
        } else {
            $parameter
        };
    };
}

pub struct Service<T, C>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
{
    api_impl: T,
    marker: PhantomData<C>,
    // Enable regex pattern validation of received JSON models
    validation: bool,
}

impl<T, C> Service<T, C>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
{
    pub fn new(api_impl: T, validation: bool) -> Self {
        Service { api_impl, marker: PhantomData, validation }
    }
    #[cfg(feature = "validate")]
    pub fn set_validation(&mut self, validation: bool) {
        self.validation = validation
    }
}

impl<T, C> Clone for Service<T, C>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
{
    fn clone(&self) -> Self {
        Service { api_impl: self.api_impl.clone(), marker: self.marker, validation: self.validation }
    }
}

#[allow(dead_code)]
fn body_from_string(s: String) -> BoxBody<Bytes, Infallible> {
    BoxBody::new(Full::new(Bytes::from(s)))
}

fn body_from_str(s: &str) -> BoxBody<Bytes, Infallible> {
    BoxBody::new(Full::new(Bytes::copy_from_slice(s.as_bytes())))
}

impl<T, C, ReqBody> hyper::service::Service<(Request<ReqBody>, C)> for Service<T, C>
where
    T: Api<C> + Clone + Send + Sync + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    type Response = Response<BoxBody<Bytes, Infallible>>;
    type Error = crate::ServiceError;
    type Future = ServiceFuture;

    fn call(&self, req: (Request<ReqBody>, C)) -> Self::Future {
        async fn run<T, C, ReqBody>(
            mut api_impl: T,
            req: (Request<ReqBody>, C),
            validation: bool,
        ) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
        where
            T: Api<C> + Clone + Send + 'static,
            C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
            ReqBody: Body + Send + 'static,
            ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
            ReqBody::Data: Send,
        {
            let (request, context) = req;
            let (parts, body) = request.into_parts();
            let (method, uri, headers) = (parts.method, parts.uri, parts.headers);
            let path = paths::GLOBAL_REGEX_SET.matches(uri.path());

            match method {
                // CreateGroup - POST /groups
                hyper::Method::POST if path.matched(paths::ID_GROUPS) => {
                    handle_create_group(api_impl, uri, headers, body, context, validation).await
                }

                // ListGroups - GET /groups
                hyper::Method::GET if path.matched(paths::ID_GROUPS) => {
                    handle_list_groups(api_impl, uri, headers, body, context, validation).await
                }

                // CreateGroupInviteToken - POST /groups/{id}/users/token
                hyper::Method::POST if path.matched(paths::ID_GROUPS_ID_USERS_TOKEN) => {
                    handle_create_group_invite_token(api_impl, uri, headers, body, context, validation).await
                }

                // CreateNestedGroupInviteToken - POST /groups/{id}/nested/token
                hyper::Method::POST if path.matched(paths::ID_GROUPS_ID_NESTED_TOKEN) => {
                    handle_create_nested_group_invite_token(api_impl, uri, headers, body, context, validation).await
                }

                // GetGroup - GET /groups/{id}
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID) => {
                    handle_get_group(api_impl, uri, headers, body, context, validation).await
                }

                // GetGroupInviteToken - GET /groups/{id}/users/token
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_USERS_TOKEN) => {
                    handle_get_group_invite_token(api_impl, uri, headers, body, context, validation).await
                }

                // GetNestedGroupInviteToken - GET /groups/{id}/nested/token
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_NESTED_TOKEN) => {
                    handle_get_nested_group_invite_token(api_impl, uri, headers, body, context, validation).await
                }

                // JoinNestedGroup - POST /groups/{id}/nested/join
                hyper::Method::POST if path.matched(paths::ID_GROUPS_ID_NESTED_JOIN) => {
                    handle_join_nested_group(api_impl, uri, headers, body, context, validation).await
                }

                // ListGroupEffectiveUsers - GET /groups/{id}/effective_users
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_EFFECTIVE_USERS) => {
                    handle_list_group_effective_users(api_impl, uri, headers, body, context, validation).await
                }

                // ListGroupInvites - GET /groups/{id}/invites
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_INVITES) => {
                    handle_list_group_invites(api_impl, uri, headers, body, context, validation).await
                }

                // ListGroupUsers - GET /groups/{id}/users
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_USERS) => {
                    handle_list_group_users(api_impl, uri, headers, body, context, validation).await
                }

                // ListNestedGroups - GET /groups/{id}/nested
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_NESTED) => {
                    handle_list_nested_groups(api_impl, uri, headers, body, context, validation).await
                }

                // ListParentGroups - GET /groups/{id}/parent
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_PARENT) => {
                    handle_list_parent_groups(api_impl, uri, headers, body, context, validation).await
                }

                // ModifyGroup - PATCH /groups/{id}
                hyper::Method::PATCH if path.matched(paths::ID_GROUPS_ID) => {
                    handle_modify_group(api_impl, uri, headers, body, context, validation).await
                }

                // RemoveGroup - DELETE /groups/{id}
                hyper::Method::DELETE if path.matched(paths::ID_GROUPS_ID) => {
                    handle_remove_group(api_impl, uri, headers, body, context, validation).await
                }

                // GetGroupEffectiveUser - GET /groups/{id}/effective_users/{uid}
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_EFFECTIVE_USERS_UID) => {
                    handle_get_group_effective_user(api_impl, uri, headers, body, context, validation).await
                }

                // GetGroupEffectiveUserPrivileges - GET /groups/{id}/effective_users/{uid}/privileges
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_EFFECTIVE_USERS_UID_PRIVILEGES) => {
                    handle_get_group_effective_user_privileges(api_impl, uri, headers, body, context, validation).await
                }

                // GetGroupUser - GET /groups/{id}/users/{uid}
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_USERS_UID) => {
                    handle_get_group_user(api_impl, uri, headers, body, context, validation).await
                }

                // GetGroupUserOrigin - GET /groups/{id}/users/{uid}/origin
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_USERS_UID_ORIGIN) => {
                    handle_get_group_user_origin(api_impl, uri, headers, body, context, validation).await
                }

                // GetGroupUserPrivileges - GET /groups/{id}/users/{uid}/privileges
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_USERS_UID_PRIVILEGES) => {
                    handle_get_group_user_privileges(api_impl, uri, headers, body, context, validation).await
                }

                // GetNestedGroup - GET /groups/{id}/nested/{nid}
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_NESTED_NID) => {
                    handle_get_nested_group(api_impl, uri, headers, body, context, validation).await
                }

                // GetNestedGroupPrivileges - GET /groups/{id}/nested/{nid}/privileges
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_NESTED_NID_PRIVILEGES) => {
                    handle_get_nested_group_privileges(api_impl, uri, headers, body, context, validation).await
                }

                // GetParentGroup - GET /groups/{id}/parent/{pid}
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_PARENT_PID) => {
                    handle_get_parent_group(api_impl, uri, headers, body, context, validation).await
                }

                // RemoveGroupUser - DELETE /groups/{id}/users/{uid}
                hyper::Method::DELETE if path.matched(paths::ID_GROUPS_ID_USERS_UID) => {
                    handle_remove_group_user(api_impl, uri, headers, body, context, validation).await
                }

                // RemoveNestedGroup - DELETE /groups/{id}/nested/{nid}
                hyper::Method::DELETE if path.matched(paths::ID_GROUPS_ID_NESTED_NID) => {
                    handle_remove_nested_group(api_impl, uri, headers, body, context, validation).await
                }

                // SetGroupUserPrivileges - PUT /groups/{id}/users/{uid}/privileges
                hyper::Method::PUT if path.matched(paths::ID_GROUPS_ID_USERS_UID_PRIVILEGES) => {
                    handle_set_group_user_privileges(api_impl, uri, headers, body, context, validation).await
                }

                // SetNestedGroupPrivileges - PUT /groups/{id}/nested/{nid}/privileges
                hyper::Method::PUT if path.matched(paths::ID_GROUPS_ID_NESTED_NID_PRIVILEGES) => {
                    handle_set_nested_group_privileges(api_impl, uri, headers, body, context, validation).await
                }

                // CreateNamedToken - POST /user/tokens/named
                hyper::Method::POST if path.matched(paths::ID_USER_TOKENS_NAMED) => {
                    handle_create_named_token(api_impl, uri, headers, body, context, validation).await
                }

                // DeleteNamedTokens - DELETE /user/tokens/named
                hyper::Method::DELETE if path.matched(paths::ID_USER_TOKENS_NAMED) => {
                    handle_delete_named_tokens(api_impl, uri, headers, body, context, validation).await
                }

                // ListNamedTokens - GET /user/tokens/named
                hyper::Method::GET if path.matched(paths::ID_USER_TOKENS_NAMED) => {
                    handle_list_named_tokens(api_impl, uri, headers, body, context, validation).await
                }

                // DeleteNamedToken - DELETE /tokens/named/{id}
                hyper::Method::DELETE if path.matched(paths::ID_TOKENS_NAMED_ID) => {
                    handle_delete_named_token(api_impl, uri, headers, body, context, validation).await
                }

                // GetNamedToken - GET /tokens/named/{id}
                hyper::Method::GET if path.matched(paths::ID_TOKENS_NAMED_ID) => {
                    handle_get_named_token(api_impl, uri, headers, body, context, validation).await
                }

                // GetNamedTokenByName - GET /user/tokens/named/name/{name}
                hyper::Method::GET if path.matched(paths::ID_USER_TOKENS_NAMED_NAME_NAME) => {
                    handle_get_named_token_by_name(api_impl, uri, headers, body, context, validation).await
                }

                // ListTokenJoins - GET /tokens/named/{id}/joins
                hyper::Method::GET if path.matched(paths::ID_TOKENS_NAMED_ID_JOINS) => {
                    handle_list_token_joins(api_impl, uri, headers, body, context, validation).await
                }

                // ModifyNamedToken - PATCH /tokens/named/{id}
                hyper::Method::PATCH if path.matched(paths::ID_TOKENS_NAMED_ID) => {
                    handle_modify_named_token(api_impl, uri, headers, body, context, validation).await
                }

                // CreateClientToken - GET /user/client_token
                hyper::Method::GET if path.matched(paths::ID_USER_CLIENT_TOKEN) => {
                    handle_create_client_token(api_impl, uri, headers, body, context, validation).await
                }

                // CreateGroupForUser - POST /user/groups
                hyper::Method::POST if path.matched(paths::ID_USER_GROUPS) => {
                    handle_create_group_for_user(api_impl, uri, headers, body, context, validation).await
                }

                // DeleteCurrentUser - DELETE /user
                hyper::Method::DELETE if path.matched(paths::ID_USER) => {
                    handle_delete_current_user(api_impl, uri, headers, body, context, validation).await
                }

                // GetCurrentUser - GET /user
                hyper::Method::GET if path.matched(paths::ID_USER) => {
                    handle_get_current_user(api_impl, uri, headers, body, context, validation).await
                }

                // JoinGroup - POST /user/groups/join
                hyper::Method::POST if path.matched(paths::ID_USER_GROUPS_JOIN) => {
                    handle_join_group(api_impl, uri, headers, body, context, validation).await
                }

                // ListUserEffectiveGroups - GET /user/effective_groups
                hyper::Method::GET if path.matched(paths::ID_USER_EFFECTIVE_GROUPS) => {
                    handle_list_user_effective_groups(api_impl, uri, headers, body, context, validation).await
                }

                // ListUserGroups - GET /user/groups
                hyper::Method::GET if path.matched(paths::ID_USER_GROUPS) => {
                    handle_list_user_groups(api_impl, uri, headers, body, context, validation).await
                }

                // ModifyCurrentUser - PATCH /user
                hyper::Method::PATCH if path.matched(paths::ID_USER) => {
                    handle_modify_current_user(api_impl, uri, headers, body, context, validation).await
                }

                // GetUserEffectiveGroup - GET /user/effective_groups/{gid}
                hyper::Method::GET if path.matched(paths::ID_USER_EFFECTIVE_GROUPS_GID) => {
                    handle_get_user_effective_group(api_impl, uri, headers, body, context, validation).await
                }

                // GetUserGroup - GET /user/groups/{gid}
                hyper::Method::GET if path.matched(paths::ID_USER_GROUPS_GID) => {
                    handle_get_user_group(api_impl, uri, headers, body, context, validation).await
                }

                // LeaveGroup - DELETE /user/groups/{gid}
                hyper::Method::DELETE if path.matched(paths::ID_USER_GROUPS_GID) => {
                    handle_leave_group(api_impl, uri, headers, body, context, validation).await
                }

                // ListUsers - GET /users
                hyper::Method::GET if path.matched(paths::ID_USERS) => {
                    handle_list_users(api_impl, uri, headers, body, context, validation).await
                }

                // GetGroupZonePrivileges - GET /groups/{id}/privileges
                hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_PRIVILEGES) => {
                    handle_get_group_zone_privileges(api_impl, uri, headers, body, context, validation).await
                }

                // GetUser - GET /users/{id}
                hyper::Method::GET if path.matched(paths::ID_USERS_ID) => {
                    handle_get_user(api_impl, uri, headers, body, context, validation).await
                }

                // GetUserZonePrivileges - GET /users/{id}/privileges
                hyper::Method::GET if path.matched(paths::ID_USERS_ID_PRIVILEGES) => {
                    handle_get_user_zone_privileges(api_impl, uri, headers, body, context, validation).await
                }

                // ModifyGroupZonePrivileges - PATCH /groups/{id}/privileges
                hyper::Method::PATCH if path.matched(paths::ID_GROUPS_ID_PRIVILEGES) => {
                    handle_modify_group_zone_privileges(api_impl, uri, headers, body, context, validation).await
                }

                // ModifyUserZonePrivileges - PATCH /users/{id}/privileges
                hyper::Method::PATCH if path.matched(paths::ID_USERS_ID_PRIVILEGES) => {
                    handle_modify_user_zone_privileges(api_impl, uri, headers, body, context, validation).await
                }

                // RemoveGroupZonePrivileges - DELETE /groups/{id}/privileges
                hyper::Method::DELETE if path.matched(paths::ID_GROUPS_ID_PRIVILEGES) => {
                    handle_remove_group_zone_privileges(api_impl, uri, headers, body, context, validation).await
                }

                // RemoveUser - DELETE /users/{id}
                hyper::Method::DELETE if path.matched(paths::ID_USERS_ID) => {
                    handle_remove_user(api_impl, uri, headers, body, context, validation).await
                }

                // RemoveUserZonePrivileges - DELETE /users/{id}/privileges
                hyper::Method::DELETE if path.matched(paths::ID_USERS_ID_PRIVILEGES) => {
                    handle_remove_user_zone_privileges(api_impl, uri, headers, body, context, validation).await
                }

                // AddGroupUser - PUT /groups/{id}/users/{uid}
                hyper::Method::PUT if path.matched(paths::ID_GROUPS_ID_USERS_UID) => {
                    handle_add_group_user(api_impl, uri, headers, body, context, validation).await
                }

                _ if path.matched(paths::ID_GROUPS) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_EFFECTIVE_USERS) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_EFFECTIVE_USERS_UID) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_EFFECTIVE_USERS_UID_PRIVILEGES) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_INVITES) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_NESTED) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_NESTED_JOIN) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_NESTED_TOKEN) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_NESTED_NID) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_NESTED_NID_PRIVILEGES) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_PARENT) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_PARENT_PID) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_PRIVILEGES) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_USERS) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_USERS_TOKEN) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_USERS_UID) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_USERS_UID_ORIGIN) => method_not_allowed(),
                _ if path.matched(paths::ID_GROUPS_ID_USERS_UID_PRIVILEGES) => method_not_allowed(),
                _ if path.matched(paths::ID_TOKENS_NAMED_ID) => method_not_allowed(),
                _ if path.matched(paths::ID_TOKENS_NAMED_ID_JOINS) => method_not_allowed(),
                _ if path.matched(paths::ID_USER) => method_not_allowed(),
                _ if path.matched(paths::ID_USER_CLIENT_TOKEN) => method_not_allowed(),
                _ if path.matched(paths::ID_USER_EFFECTIVE_GROUPS) => method_not_allowed(),
                _ if path.matched(paths::ID_USER_EFFECTIVE_GROUPS_GID) => method_not_allowed(),
                _ if path.matched(paths::ID_USER_GROUPS) => method_not_allowed(),
                _ if path.matched(paths::ID_USER_GROUPS_JOIN) => method_not_allowed(),
                _ if path.matched(paths::ID_USER_GROUPS_GID) => method_not_allowed(),
                _ if path.matched(paths::ID_USER_TOKENS_NAMED) => method_not_allowed(),
                _ if path.matched(paths::ID_USER_TOKENS_NAMED_NAME_NAME) => method_not_allowed(),
                _ if path.matched(paths::ID_USERS) => method_not_allowed(),
                _ if path.matched(paths::ID_USERS_ID) => method_not_allowed(),
                _ if path.matched(paths::ID_USERS_ID_PRIVILEGES) => method_not_allowed(),
                _ => Ok(Response::builder()
                    .status(StatusCode::NOT_FOUND)
                    .body(BoxBody::new(http_body_util::Empty::new()))
                    .expect("Unable to create Not Found response")),
            }
        }
        Box::pin(run(self.api_impl.clone(), req, self.validation))
    }
}

#[allow(unused_variables)]
async fn handle_create_group<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Handle body parameters (note that non-required body parameters will ignore garbage
    // values, rather than causing a 400 response). Produce warning header and logs for
    // any unused fields.
    let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
    match result {
        Ok(body) => {
            let mut unused_elements: Vec<String> = vec![];
            let param_group_create_request: Option<models::GroupCreateRequest> = if !body.is_empty() {
                let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_group_create_request) => param_group_create_request,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter GroupCreateRequest - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter GroupCreateRequest due to schema")),
                                    }
            } else {
                None
            };
            let param_group_create_request = match param_group_create_request {
                Some(param_group_create_request) => param_group_create_request,
                None => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new("Missing required body parameter GroupCreateRequest".to_string()))
                        .expect("Unable to create Bad Request response for missing body parameter GroupCreateRequest"))
                }
            };
            #[cfg(not(feature = "validate"))]
            run_validation!(param_group_create_request, "GroupCreateRequest", validation);

            let result = api_impl.create_group(param_group_create_request, &context).await;
            let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
            response.headers_mut().insert(
                HeaderName::from_static("x-span-id"),
                HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
                    .expect("Unable to create X-Span-ID header value"),
            );

            if !unused_elements.is_empty() {
                response.headers_mut().insert(
                    HeaderName::from_static("warning"),
                    HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                        .expect("Unable to create Warning header value"),
                );
            }
            match result {
                Ok(rsp) => match rsp {
                    CreateGroupResponse::Created { location } => {
                        *response.status_mut() =
                            StatusCode::from_u16(201).expect("Unable to turn 201 into a StatusCode");

                        let location = match header::IntoHeaderValue(location).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling location header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("location"), location);
                    }
                    CreateGroupResponse::BadRequest(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateGroupResponse::Unauthorized { body, www_authenticate } => {
                        *response.status_mut() =
                            StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling www_authenticate header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateGroupResponse::PayloadTooLarge(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateGroupResponse::UnsupportedMediaType(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(415).expect("Unable to turn 415 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateGroupResponse::TooManyRequests { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateGroupResponse::InternalError(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateGroupResponse::ServiceUnavailable { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                },
                Err(_) => {
                    // Application code returned an error. This should not happen, as the implementation should
                    // return a valid response.
                    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                    *response.body_mut() = body_from_str("An internal error occurred");
                }
            }

            Ok(response)
        }
        Err(e) => Ok(Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
            .body(body_from_string(format!("Unable to read body: {}", e.into())))
            .expect("Unable to create Bad Request response due to unable to read body")),
    }
}

#[allow(unused_variables)]
async fn handle_list_groups<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
    let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
    let param_limit = query_params.iter().filter(|e| e.0 == "limit").map(|e| e.1.clone()).next();
    let param_limit = match param_limit {
        Some(param_limit) => {
            let param_limit = <u32 as std::str::FromStr>::from_str(&param_limit);
            match param_limit {
                Ok(param_limit) => Some(param_limit),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter limit - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter limit"))
                }
            }
        }
        None => None,
    };
    let param_after = query_params.iter().filter(|e| e.0 == "after").map(|e| e.1.clone()).next();
    let param_after = match param_after {
        Some(param_after) => {
            let param_after = <String as std::str::FromStr>::from_str(&param_after);
            match param_after {
                Ok(param_after) => Some(param_after),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter after - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter after"))
                }
            }
        }
        None => None,
    };

    let result = api_impl.list_groups(param_limit, param_after, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            ListGroupsResponse::Ok { body, link } => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                if let Some(link) = link {
                    let link = match header::IntoHeaderValue(link).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Ok(Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!(
                                    "An internal server error occurred handling link header - {e}"
                                )))
                                .expect("Unable to create Internal Server Error for invalid response header"))
                        }
                    };

                    response.headers_mut().insert(HeaderName::from_static("link"), link);
                }
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupsResponse::BadRequest(body) => {
                *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupsResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupsResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupsResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupsResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupsResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_create_group_invite_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_USERS_TOKEN.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_USERS_TOKEN in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_USERS_TOKEN.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.create_group_invite_token(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            CreateGroupInviteTokenResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateGroupInviteTokenResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateGroupInviteTokenResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateGroupInviteTokenResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateGroupInviteTokenResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateGroupInviteTokenResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateGroupInviteTokenResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_create_nested_group_invite_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_NESTED_TOKEN.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_NESTED_TOKEN in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_NESTED_TOKEN.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.create_nested_group_invite_token(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            CreateNestedGroupInviteTokenResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateNestedGroupInviteTokenResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateNestedGroupInviteTokenResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateNestedGroupInviteTokenResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateNestedGroupInviteTokenResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateNestedGroupInviteTokenResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateNestedGroupInviteTokenResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_group<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_group(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetGroupResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_group_invite_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_USERS_TOKEN.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_USERS_TOKEN in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_USERS_TOKEN.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_group_invite_token(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetGroupInviteTokenResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupInviteTokenResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupInviteTokenResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupInviteTokenResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupInviteTokenResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupInviteTokenResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupInviteTokenResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_nested_group_invite_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_NESTED_TOKEN.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_NESTED_TOKEN in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_NESTED_TOKEN.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_nested_group_invite_token(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetNestedGroupInviteTokenResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupInviteTokenResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupInviteTokenResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupInviteTokenResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupInviteTokenResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupInviteTokenResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupInviteTokenResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_join_nested_group<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_NESTED_JOIN.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_NESTED_JOIN in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_NESTED_JOIN.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Handle body parameters (note that non-required body parameters will ignore garbage
    // values, rather than causing a 400 response). Produce warning header and logs for
    // any unused fields.
    let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
    match result {
        Ok(body) => {
            let mut unused_elements: Vec<String> = vec![];
            let param_group_invite_token: Option<models::GroupInviteToken> = if !body.is_empty() {
                let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_group_invite_token) => param_group_invite_token,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter GroupInviteToken - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter GroupInviteToken due to schema")),
                                    }
            } else {
                None
            };
            let param_group_invite_token = match param_group_invite_token {
                Some(param_group_invite_token) => param_group_invite_token,
                None => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new("Missing required body parameter GroupInviteToken".to_string()))
                        .expect("Unable to create Bad Request response for missing body parameter GroupInviteToken"))
                }
            };
            #[cfg(not(feature = "validate"))]
            run_validation!(param_group_invite_token, "GroupInviteToken", validation);

            let result = api_impl.join_nested_group(param_id, param_group_invite_token, &context).await;
            let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
            response.headers_mut().insert(
                HeaderName::from_static("x-span-id"),
                HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
                    .expect("Unable to create X-Span-ID header value"),
            );

            if !unused_elements.is_empty() {
                response.headers_mut().insert(
                    HeaderName::from_static("warning"),
                    HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                        .expect("Unable to create Warning header value"),
                );
            }
            match result {
                Ok(rsp) => match rsp {
                    JoinNestedGroupResponse::Created { location } => {
                        *response.status_mut() =
                            StatusCode::from_u16(201).expect("Unable to turn 201 into a StatusCode");

                        let location = match header::IntoHeaderValue(location).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling location header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("location"), location);
                    }
                    JoinNestedGroupResponse::BadRequest(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinNestedGroupResponse::Unauthorized { body, www_authenticate } => {
                        *response.status_mut() =
                            StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling www_authenticate header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinNestedGroupResponse::Forbidden(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinNestedGroupResponse::NotFound(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinNestedGroupResponse::Conflict(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(409).expect("Unable to turn 409 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinNestedGroupResponse::PayloadTooLarge(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinNestedGroupResponse::UnsupportedMediaType(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(415).expect("Unable to turn 415 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinNestedGroupResponse::TooManyRequests { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinNestedGroupResponse::InternalError(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinNestedGroupResponse::ServiceUnavailable { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                },
                Err(_) => {
                    // Application code returned an error. This should not happen, as the implementation should
                    // return a valid response.
                    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                    *response.body_mut() = body_from_str("An internal error occurred");
                }
            }

            Ok(response)
        }
        Err(e) => Ok(Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
            .body(body_from_string(format!("Unable to read body: {}", e.into())))
            .expect("Unable to create Bad Request response due to unable to read body")),
    }
}

#[allow(unused_variables)]
async fn handle_list_group_effective_users<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_EFFECTIVE_USERS.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_EFFECTIVE_USERS in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_EFFECTIVE_USERS.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
    let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
    let param_limit = query_params.iter().filter(|e| e.0 == "limit").map(|e| e.1.clone()).next();
    let param_limit = match param_limit {
        Some(param_limit) => {
            let param_limit = <u32 as std::str::FromStr>::from_str(&param_limit);
            match param_limit {
                Ok(param_limit) => Some(param_limit),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter limit - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter limit"))
                }
            }
        }
        None => None,
    };
    let param_after = query_params.iter().filter(|e| e.0 == "after").map(|e| e.1.clone()).next();
    let param_after = match param_after {
        Some(param_after) => {
            let param_after = <String as std::str::FromStr>::from_str(&param_after);
            match param_after {
                Ok(param_after) => Some(param_after),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter after - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter after"))
                }
            }
        }
        None => None,
    };

    let result = api_impl.list_group_effective_users(param_id, param_limit, param_after, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            ListGroupEffectiveUsersResponse::Ok { body, link } => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                if let Some(link) = link {
                    let link = match header::IntoHeaderValue(link).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Ok(Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!(
                                    "An internal server error occurred handling link header - {e}"
                                )))
                                .expect("Unable to create Internal Server Error for invalid response header"))
                        }
                    };

                    response.headers_mut().insert(HeaderName::from_static("link"), link);
                }
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupEffectiveUsersResponse::BadRequest(body) => {
                *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupEffectiveUsersResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupEffectiveUsersResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupEffectiveUsersResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupEffectiveUsersResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupEffectiveUsersResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupEffectiveUsersResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_list_group_invites<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_INVITES.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_INVITES in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_INVITES.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
    let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
    let param_limit = query_params.iter().filter(|e| e.0 == "limit").map(|e| e.1.clone()).next();
    let param_limit = match param_limit {
        Some(param_limit) => {
            let param_limit = <u32 as std::str::FromStr>::from_str(&param_limit);
            match param_limit {
                Ok(param_limit) => Some(param_limit),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter limit - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter limit"))
                }
            }
        }
        None => None,
    };
    let param_after = query_params.iter().filter(|e| e.0 == "after").map(|e| e.1.clone()).next();
    let param_after = match param_after {
        Some(param_after) => {
            let param_after = <String as std::str::FromStr>::from_str(&param_after);
            match param_after {
                Ok(param_after) => Some(param_after),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter after - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter after"))
                }
            }
        }
        None => None,
    };

    let result = api_impl.list_group_invites(param_id, param_limit, param_after, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            ListGroupInvitesResponse::Ok { body, link } => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                if let Some(link) = link {
                    let link = match header::IntoHeaderValue(link).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Ok(Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!(
                                    "An internal server error occurred handling link header - {e}"
                                )))
                                .expect("Unable to create Internal Server Error for invalid response header"))
                        }
                    };

                    response.headers_mut().insert(HeaderName::from_static("link"), link);
                }
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupInvitesResponse::BadRequest(body) => {
                *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupInvitesResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupInvitesResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupInvitesResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupInvitesResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupInvitesResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupInvitesResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_list_group_users<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_USERS.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_USERS in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_USERS.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
    let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
    let param_limit = query_params.iter().filter(|e| e.0 == "limit").map(|e| e.1.clone()).next();
    let param_limit = match param_limit {
        Some(param_limit) => {
            let param_limit = <u32 as std::str::FromStr>::from_str(&param_limit);
            match param_limit {
                Ok(param_limit) => Some(param_limit),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter limit - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter limit"))
                }
            }
        }
        None => None,
    };
    let param_after = query_params.iter().filter(|e| e.0 == "after").map(|e| e.1.clone()).next();
    let param_after = match param_after {
        Some(param_after) => {
            let param_after = <String as std::str::FromStr>::from_str(&param_after);
            match param_after {
                Ok(param_after) => Some(param_after),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter after - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter after"))
                }
            }
        }
        None => None,
    };

    let result = api_impl.list_group_users(param_id, param_limit, param_after, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            ListGroupUsersResponse::Ok { body, link } => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                if let Some(link) = link {
                    let link = match header::IntoHeaderValue(link).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Ok(Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!(
                                    "An internal server error occurred handling link header - {e}"
                                )))
                                .expect("Unable to create Internal Server Error for invalid response header"))
                        }
                    };

                    response.headers_mut().insert(HeaderName::from_static("link"), link);
                }
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupUsersResponse::BadRequest(body) => {
                *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupUsersResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupUsersResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupUsersResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupUsersResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupUsersResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListGroupUsersResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_list_nested_groups<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_NESTED.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_NESTED in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_NESTED.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
    let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
    let param_limit = query_params.iter().filter(|e| e.0 == "limit").map(|e| e.1.clone()).next();
    let param_limit = match param_limit {
        Some(param_limit) => {
            let param_limit = <u32 as std::str::FromStr>::from_str(&param_limit);
            match param_limit {
                Ok(param_limit) => Some(param_limit),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter limit - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter limit"))
                }
            }
        }
        None => None,
    };
    let param_after = query_params.iter().filter(|e| e.0 == "after").map(|e| e.1.clone()).next();
    let param_after = match param_after {
        Some(param_after) => {
            let param_after = <String as std::str::FromStr>::from_str(&param_after);
            match param_after {
                Ok(param_after) => Some(param_after),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter after - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter after"))
                }
            }
        }
        None => None,
    };

    let result = api_impl.list_nested_groups(param_id, param_limit, param_after, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            ListNestedGroupsResponse::Ok { body, link } => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                if let Some(link) = link {
                    let link = match header::IntoHeaderValue(link).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Ok(Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!(
                                    "An internal server error occurred handling link header - {e}"
                                )))
                                .expect("Unable to create Internal Server Error for invalid response header"))
                        }
                    };

                    response.headers_mut().insert(HeaderName::from_static("link"), link);
                }
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListNestedGroupsResponse::BadRequest(body) => {
                *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListNestedGroupsResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListNestedGroupsResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListNestedGroupsResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListNestedGroupsResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListNestedGroupsResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListNestedGroupsResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_list_parent_groups<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_PARENT.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_PARENT in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_PARENT.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
    let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
    let param_limit = query_params.iter().filter(|e| e.0 == "limit").map(|e| e.1.clone()).next();
    let param_limit = match param_limit {
        Some(param_limit) => {
            let param_limit = <u32 as std::str::FromStr>::from_str(&param_limit);
            match param_limit {
                Ok(param_limit) => Some(param_limit),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter limit - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter limit"))
                }
            }
        }
        None => None,
    };
    let param_after = query_params.iter().filter(|e| e.0 == "after").map(|e| e.1.clone()).next();
    let param_after = match param_after {
        Some(param_after) => {
            let param_after = <String as std::str::FromStr>::from_str(&param_after);
            match param_after {
                Ok(param_after) => Some(param_after),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter after - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter after"))
                }
            }
        }
        None => None,
    };

    let result = api_impl.list_parent_groups(param_id, param_limit, param_after, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            ListParentGroupsResponse::Ok { body, link } => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                if let Some(link) = link {
                    let link = match header::IntoHeaderValue(link).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Ok(Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!(
                                    "An internal server error occurred handling link header - {e}"
                                )))
                                .expect("Unable to create Internal Server Error for invalid response header"))
                        }
                    };

                    response.headers_mut().insert(HeaderName::from_static("link"), link);
                }
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListParentGroupsResponse::BadRequest(body) => {
                *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListParentGroupsResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListParentGroupsResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListParentGroupsResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListParentGroupsResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListParentGroupsResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListParentGroupsResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_modify_group<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Handle body parameters (note that non-required body parameters will ignore garbage
    // values, rather than causing a 400 response). Produce warning header and logs for
    // any unused fields.
    let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
    match result {
        Ok(body) => {
            let mut unused_elements: Vec<String> = vec![];
            let param_group_update_request: Option<models::GroupUpdateRequest> = if !body.is_empty() {
                let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_group_update_request) => param_group_update_request,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter GroupUpdateRequest - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter GroupUpdateRequest due to schema")),
                                    }
            } else {
                None
            };
            let param_group_update_request = match param_group_update_request {
                Some(param_group_update_request) => param_group_update_request,
                None => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new("Missing required body parameter GroupUpdateRequest".to_string()))
                        .expect("Unable to create Bad Request response for missing body parameter GroupUpdateRequest"))
                }
            };
            #[cfg(not(feature = "validate"))]
            run_validation!(param_group_update_request, "GroupUpdateRequest", validation);

            let result = api_impl.modify_group(param_id, param_group_update_request, &context).await;
            let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
            response.headers_mut().insert(
                HeaderName::from_static("x-span-id"),
                HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
                    .expect("Unable to create X-Span-ID header value"),
            );

            if !unused_elements.is_empty() {
                response.headers_mut().insert(
                    HeaderName::from_static("warning"),
                    HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                        .expect("Unable to create Warning header value"),
                );
            }
            match result {
                Ok(rsp) => match rsp {
                    ModifyGroupResponse::NoContent => {
                        *response.status_mut() =
                            StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
                    }
                    ModifyGroupResponse::BadRequest(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupResponse::Unauthorized { body, www_authenticate } => {
                        *response.status_mut() =
                            StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling www_authenticate header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupResponse::Forbidden(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupResponse::NotFound(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupResponse::PayloadTooLarge(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupResponse::UnsupportedMediaType(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(415).expect("Unable to turn 415 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupResponse::TooManyRequests { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupResponse::InternalError(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupResponse::ServiceUnavailable { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                },
                Err(_) => {
                    // Application code returned an error. This should not happen, as the implementation should
                    // return a valid response.
                    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                    *response.body_mut() = body_from_str("An internal error occurred");
                }
            }

            Ok(response)
        }
        Err(e) => Ok(Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
            .body(body_from_string(format!("Unable to read body: {}", e.into())))
            .expect("Unable to create Bad Request response due to unable to read body")),
    }
}

#[allow(unused_variables)]
async fn handle_remove_group<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.remove_group(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            RemoveGroupResponse::NoContent => {
                *response.status_mut() = StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
            }
            RemoveGroupResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupResponse::Conflict(body) => {
                *response.status_mut() = StatusCode::from_u16(409).expect("Unable to turn 409 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_group_effective_user<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_EFFECTIVE_USERS_UID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_EFFECTIVE_USERS_UID in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_EFFECTIVE_USERS_UID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let param_uid = match percent_encoding::percent_decode(path_params["uid"].as_bytes()).decode_utf8() {
        Ok(param_uid) => match param_uid.parse::<String>() {
            Ok(param_uid) => param_uid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter uid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["uid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_group_effective_user(param_id, param_uid, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetGroupEffectiveUserResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupEffectiveUserResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupEffectiveUserResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupEffectiveUserResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupEffectiveUserResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupEffectiveUserResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupEffectiveUserResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_group_effective_user_privileges<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_EFFECTIVE_USERS_UID_PRIVILEGES.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_EFFECTIVE_USERS_UID_PRIVILEGES in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_EFFECTIVE_USERS_UID_PRIVILEGES.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let param_uid = match percent_encoding::percent_decode(path_params["uid"].as_bytes()).decode_utf8() {
        Ok(param_uid) => match param_uid.parse::<String>() {
            Ok(param_uid) => param_uid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter uid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["uid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_group_effective_user_privileges(param_id, param_uid, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetGroupEffectiveUserPrivilegesResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupEffectiveUserPrivilegesResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupEffectiveUserPrivilegesResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupEffectiveUserPrivilegesResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupEffectiveUserPrivilegesResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupEffectiveUserPrivilegesResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupEffectiveUserPrivilegesResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_group_user<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_USERS_UID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_USERS_UID in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_USERS_UID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let param_uid = match percent_encoding::percent_decode(path_params["uid"].as_bytes()).decode_utf8() {
        Ok(param_uid) => match param_uid.parse::<String>() {
            Ok(param_uid) => param_uid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter uid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["uid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_group_user(param_id, param_uid, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetGroupUserResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_group_user_origin<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_USERS_UID_ORIGIN.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_USERS_UID_ORIGIN in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_USERS_UID_ORIGIN.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let param_uid = match percent_encoding::percent_decode(path_params["uid"].as_bytes()).decode_utf8() {
        Ok(param_uid) => match param_uid.parse::<String>() {
            Ok(param_uid) => param_uid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter uid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["uid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_group_user_origin(param_id, param_uid, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetGroupUserOriginResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserOriginResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserOriginResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserOriginResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserOriginResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserOriginResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserOriginResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_group_user_privileges<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_USERS_UID_PRIVILEGES.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_USERS_UID_PRIVILEGES in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_USERS_UID_PRIVILEGES.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let param_uid = match percent_encoding::percent_decode(path_params["uid"].as_bytes()).decode_utf8() {
        Ok(param_uid) => match param_uid.parse::<String>() {
            Ok(param_uid) => param_uid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter uid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["uid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_group_user_privileges(param_id, param_uid, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetGroupUserPrivilegesResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserPrivilegesResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserPrivilegesResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserPrivilegesResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserPrivilegesResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserPrivilegesResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupUserPrivilegesResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_nested_group<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_NESTED_NID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_NESTED_NID in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_NESTED_NID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let param_nid = match percent_encoding::percent_decode(path_params["nid"].as_bytes()).decode_utf8() {
        Ok(param_nid) => match param_nid.parse::<String>() {
            Ok(param_nid) => param_nid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter nid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["nid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_nested_group(param_id, param_nid, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetNestedGroupResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_nested_group_privileges<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_NESTED_NID_PRIVILEGES.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_NESTED_NID_PRIVILEGES in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_NESTED_NID_PRIVILEGES.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let param_nid = match percent_encoding::percent_decode(path_params["nid"].as_bytes()).decode_utf8() {
        Ok(param_nid) => match param_nid.parse::<String>() {
            Ok(param_nid) => param_nid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter nid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["nid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_nested_group_privileges(param_id, param_nid, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetNestedGroupPrivilegesResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupPrivilegesResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupPrivilegesResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupPrivilegesResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupPrivilegesResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupPrivilegesResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNestedGroupPrivilegesResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_parent_group<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_PARENT_PID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_PARENT_PID in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_PARENT_PID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let param_pid = match percent_encoding::percent_decode(path_params["pid"].as_bytes()).decode_utf8() {
        Ok(param_pid) => match param_pid.parse::<String>() {
            Ok(param_pid) => param_pid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter pid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["pid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_parent_group(param_id, param_pid, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetParentGroupResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetParentGroupResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetParentGroupResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetParentGroupResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetParentGroupResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetParentGroupResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetParentGroupResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_remove_group_user<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_USERS_UID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_USERS_UID in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_USERS_UID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let param_uid = match percent_encoding::percent_decode(path_params["uid"].as_bytes()).decode_utf8() {
        Ok(param_uid) => match param_uid.parse::<String>() {
            Ok(param_uid) => param_uid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter uid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["uid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.remove_group_user(param_id, param_uid, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            RemoveGroupUserResponse::NoContent => {
                *response.status_mut() = StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
            }
            RemoveGroupUserResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupUserResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupUserResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupUserResponse::Conflict(body) => {
                *response.status_mut() = StatusCode::from_u16(409).expect("Unable to turn 409 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupUserResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupUserResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupUserResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_remove_nested_group<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_NESTED_NID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_NESTED_NID in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_NESTED_NID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let param_nid = match percent_encoding::percent_decode(path_params["nid"].as_bytes()).decode_utf8() {
        Ok(param_nid) => match param_nid.parse::<String>() {
            Ok(param_nid) => param_nid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter nid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["nid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.remove_nested_group(param_id, param_nid, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            RemoveNestedGroupResponse::NoContent => {
                *response.status_mut() = StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
            }
            RemoveNestedGroupResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveNestedGroupResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveNestedGroupResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveNestedGroupResponse::Conflict(body) => {
                *response.status_mut() = StatusCode::from_u16(409).expect("Unable to turn 409 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveNestedGroupResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveNestedGroupResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveNestedGroupResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_set_group_user_privileges<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_USERS_UID_PRIVILEGES.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_USERS_UID_PRIVILEGES in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_USERS_UID_PRIVILEGES.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let param_uid = match percent_encoding::percent_decode(path_params["uid"].as_bytes()).decode_utf8() {
        Ok(param_uid) => match param_uid.parse::<String>() {
            Ok(param_uid) => param_uid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter uid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["uid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Handle body parameters (note that non-required body parameters will ignore garbage
    // values, rather than causing a 400 response). Produce warning header and logs for
    // any unused fields.
    let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
    match result {
        Ok(body) => {
            let mut unused_elements: Vec<String> = vec![];
            let param_privileges: Option<models::Privileges> = if !body.is_empty() {
                let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                match serde_ignored::deserialize(deserializer, |path| {
                    warn!("Ignoring unknown field in body: {path}");
                    unused_elements.push(path.to_string());
                }) {
                    Ok(param_privileges) => param_privileges,
                    Err(e) => return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new(format!(
                            "Couldn't parse body parameter Privileges - doesn't match schema: {e}"
                        )))
                        .expect(
                            "Unable to create Bad Request response for invalid body parameter Privileges due to schema",
                        )),
                }
            } else {
                None
            };
            let param_privileges = match param_privileges {
                Some(param_privileges) => param_privileges,
                None => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new("Missing required body parameter Privileges".to_string()))
                        .expect("Unable to create Bad Request response for missing body parameter Privileges"))
                }
            };
            #[cfg(not(feature = "validate"))]
            run_validation!(param_privileges, "Privileges", validation);

            let result = api_impl.set_group_user_privileges(param_id, param_uid, param_privileges, &context).await;
            let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
            response.headers_mut().insert(
                HeaderName::from_static("x-span-id"),
                HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
                    .expect("Unable to create X-Span-ID header value"),
            );

            if !unused_elements.is_empty() {
                response.headers_mut().insert(
                    HeaderName::from_static("warning"),
                    HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                        .expect("Unable to create Warning header value"),
                );
            }
            match result {
                Ok(rsp) => match rsp {
                    SetGroupUserPrivilegesResponse::NoContent => {
                        *response.status_mut() =
                            StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
                    }
                    SetGroupUserPrivilegesResponse::BadRequest(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetGroupUserPrivilegesResponse::Unauthorized { body, www_authenticate } => {
                        *response.status_mut() =
                            StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling www_authenticate header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetGroupUserPrivilegesResponse::Forbidden(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetGroupUserPrivilegesResponse::NotFound(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetGroupUserPrivilegesResponse::Conflict(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(409).expect("Unable to turn 409 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetGroupUserPrivilegesResponse::PayloadTooLarge(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetGroupUserPrivilegesResponse::UnsupportedMediaType(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(415).expect("Unable to turn 415 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetGroupUserPrivilegesResponse::TooManyRequests { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetGroupUserPrivilegesResponse::InternalError(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetGroupUserPrivilegesResponse::ServiceUnavailable { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                },
                Err(_) => {
                    // Application code returned an error. This should not happen, as the implementation should
                    // return a valid response.
                    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                    *response.body_mut() = body_from_str("An internal error occurred");
                }
            }

            Ok(response)
        }
        Err(e) => Ok(Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
            .body(body_from_string(format!("Unable to read body: {}", e.into())))
            .expect("Unable to create Bad Request response due to unable to read body")),
    }
}

#[allow(unused_variables)]
async fn handle_set_nested_group_privileges<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_NESTED_NID_PRIVILEGES.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_NESTED_NID_PRIVILEGES in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_NESTED_NID_PRIVILEGES.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let param_nid = match percent_encoding::percent_decode(path_params["nid"].as_bytes()).decode_utf8() {
        Ok(param_nid) => match param_nid.parse::<String>() {
            Ok(param_nid) => param_nid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter nid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["nid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Handle body parameters (note that non-required body parameters will ignore garbage
    // values, rather than causing a 400 response). Produce warning header and logs for
    // any unused fields.
    let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
    match result {
        Ok(body) => {
            let mut unused_elements: Vec<String> = vec![];
            let param_privileges: Option<models::Privileges> = if !body.is_empty() {
                let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                match serde_ignored::deserialize(deserializer, |path| {
                    warn!("Ignoring unknown field in body: {path}");
                    unused_elements.push(path.to_string());
                }) {
                    Ok(param_privileges) => param_privileges,
                    Err(e) => return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new(format!(
                            "Couldn't parse body parameter Privileges - doesn't match schema: {e}"
                        )))
                        .expect(
                            "Unable to create Bad Request response for invalid body parameter Privileges due to schema",
                        )),
                }
            } else {
                None
            };
            let param_privileges = match param_privileges {
                Some(param_privileges) => param_privileges,
                None => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new("Missing required body parameter Privileges".to_string()))
                        .expect("Unable to create Bad Request response for missing body parameter Privileges"))
                }
            };
            #[cfg(not(feature = "validate"))]
            run_validation!(param_privileges, "Privileges", validation);

            let result = api_impl.set_nested_group_privileges(param_id, param_nid, param_privileges, &context).await;
            let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
            response.headers_mut().insert(
                HeaderName::from_static("x-span-id"),
                HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
                    .expect("Unable to create X-Span-ID header value"),
            );

            if !unused_elements.is_empty() {
                response.headers_mut().insert(
                    HeaderName::from_static("warning"),
                    HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                        .expect("Unable to create Warning header value"),
                );
            }
            match result {
                Ok(rsp) => match rsp {
                    SetNestedGroupPrivilegesResponse::NoContent => {
                        *response.status_mut() =
                            StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
                    }
                    SetNestedGroupPrivilegesResponse::BadRequest(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetNestedGroupPrivilegesResponse::Unauthorized { body, www_authenticate } => {
                        *response.status_mut() =
                            StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling www_authenticate header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetNestedGroupPrivilegesResponse::Forbidden(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetNestedGroupPrivilegesResponse::NotFound(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetNestedGroupPrivilegesResponse::Conflict(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(409).expect("Unable to turn 409 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetNestedGroupPrivilegesResponse::PayloadTooLarge(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetNestedGroupPrivilegesResponse::UnsupportedMediaType(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(415).expect("Unable to turn 415 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetNestedGroupPrivilegesResponse::TooManyRequests { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetNestedGroupPrivilegesResponse::InternalError(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    SetNestedGroupPrivilegesResponse::ServiceUnavailable { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                },
                Err(_) => {
                    // Application code returned an error. This should not happen, as the implementation should
                    // return a valid response.
                    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                    *response.body_mut() = body_from_str("An internal error occurred");
                }
            }

            Ok(response)
        }
        Err(e) => Ok(Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
            .body(body_from_string(format!("Unable to read body: {}", e.into())))
            .expect("Unable to create Bad Request response due to unable to read body")),
    }
}

#[allow(unused_variables)]
async fn handle_create_named_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Handle body parameters (note that non-required body parameters will ignore garbage
    // values, rather than causing a 400 response). Produce warning header and logs for
    // any unused fields.
    let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
    match result {
        Ok(body) => {
            let mut unused_elements: Vec<String> = vec![];
            let param_named_token_create_request: Option<models::NamedTokenCreateRequest> = if !body.is_empty() {
                let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_named_token_create_request) => param_named_token_create_request,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter NamedTokenCreateRequest - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter NamedTokenCreateRequest due to schema")),
                                    }
            } else {
                None
            };
            let param_named_token_create_request =
                match param_named_token_create_request {
                    Some(param_named_token_create_request) => param_named_token_create_request,
                    None => return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new("Missing required body parameter NamedTokenCreateRequest".to_string()))
                        .expect(
                            "Unable to create Bad Request response for missing body parameter NamedTokenCreateRequest",
                        )),
                };
            #[cfg(not(feature = "validate"))]
            run_validation!(param_named_token_create_request, "NamedTokenCreateRequest", validation);

            let result = api_impl.create_named_token(param_named_token_create_request, &context).await;
            let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
            response.headers_mut().insert(
                HeaderName::from_static("x-span-id"),
                HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
                    .expect("Unable to create X-Span-ID header value"),
            );

            if !unused_elements.is_empty() {
                response.headers_mut().insert(
                    HeaderName::from_static("warning"),
                    HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                        .expect("Unable to create Warning header value"),
                );
            }
            match result {
                Ok(rsp) => match rsp {
                    CreateNamedTokenResponse::Created { body, location } => {
                        *response.status_mut() =
                            StatusCode::from_u16(201).expect("Unable to turn 201 into a StatusCode");

                        let location = match header::IntoHeaderValue(location).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling location header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("location"), location);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateNamedTokenResponse::BadRequest(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateNamedTokenResponse::Unauthorized { body, www_authenticate } => {
                        *response.status_mut() =
                            StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling www_authenticate header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateNamedTokenResponse::Forbidden(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateNamedTokenResponse::NotFound(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateNamedTokenResponse::Conflict(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(409).expect("Unable to turn 409 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateNamedTokenResponse::PayloadTooLarge(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateNamedTokenResponse::UnsupportedMediaType(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(415).expect("Unable to turn 415 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateNamedTokenResponse::TooManyRequests { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateNamedTokenResponse::InternalError(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateNamedTokenResponse::ServiceUnavailable { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                },
                Err(_) => {
                    // Application code returned an error. This should not happen, as the implementation should
                    // return a valid response.
                    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                    *response.body_mut() = body_from_str("An internal error occurred");
                }
            }

            Ok(response)
        }
        Err(e) => Ok(Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
            .body(body_from_string(format!("Unable to read body: {}", e.into())))
            .expect("Unable to create Bad Request response due to unable to read body")),
    }
}

#[allow(unused_variables)]
async fn handle_delete_named_tokens<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    let result = api_impl.delete_named_tokens(&context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            DeleteNamedTokensResponse::NoContent => {
                *response.status_mut() = StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
            }
            DeleteNamedTokensResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            DeleteNamedTokensResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            DeleteNamedTokensResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            DeleteNamedTokensResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_list_named_tokens<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
    let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
    let param_limit = query_params.iter().filter(|e| e.0 == "limit").map(|e| e.1.clone()).next();
    let param_limit = match param_limit {
        Some(param_limit) => {
            let param_limit = <u32 as std::str::FromStr>::from_str(&param_limit);
            match param_limit {
                Ok(param_limit) => Some(param_limit),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter limit - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter limit"))
                }
            }
        }
        None => None,
    };
    let param_after = query_params.iter().filter(|e| e.0 == "after").map(|e| e.1.clone()).next();
    let param_after = match param_after {
        Some(param_after) => {
            let param_after = <String as std::str::FromStr>::from_str(&param_after);
            match param_after {
                Ok(param_after) => Some(param_after),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter after - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter after"))
                }
            }
        }
        None => None,
    };

    let result = api_impl.list_named_tokens(param_limit, param_after, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            ListNamedTokensResponse::Ok { body, link } => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                if let Some(link) = link {
                    let link = match header::IntoHeaderValue(link).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Ok(Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!(
                                    "An internal server error occurred handling link header - {e}"
                                )))
                                .expect("Unable to create Internal Server Error for invalid response header"))
                        }
                    };

                    response.headers_mut().insert(HeaderName::from_static("link"), link);
                }
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListNamedTokensResponse::BadRequest(body) => {
                *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListNamedTokensResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListNamedTokensResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListNamedTokensResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListNamedTokensResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_delete_named_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_TOKENS_NAMED_ID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE TOKENS_NAMED_ID in set but failed match against \"{}\"",
            path,
            paths::REGEX_TOKENS_NAMED_ID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.delete_named_token(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            DeleteNamedTokenResponse::NoContent => {
                *response.status_mut() = StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
            }
            DeleteNamedTokenResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            DeleteNamedTokenResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            DeleteNamedTokenResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            DeleteNamedTokenResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            DeleteNamedTokenResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_named_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_TOKENS_NAMED_ID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE TOKENS_NAMED_ID in set but failed match against \"{}\"",
            path,
            paths::REGEX_TOKENS_NAMED_ID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_named_token(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetNamedTokenResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNamedTokenResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNamedTokenResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNamedTokenResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNamedTokenResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNamedTokenResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_named_token_by_name<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_USER_TOKENS_NAMED_NAME_NAME.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE USER_TOKENS_NAMED_NAME_NAME in set but failed match against \"{}\"",
            path,
            paths::REGEX_USER_TOKENS_NAMED_NAME_NAME.as_str()
        )
    });

    let param_name = match percent_encoding::percent_decode(path_params["name"].as_bytes()).decode_utf8() {
        Ok(param_name) => match param_name.parse::<String>() {
            Ok(param_name) => param_name,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter name: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["name"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_named_token_by_name(param_name, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetNamedTokenByNameResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNamedTokenByNameResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNamedTokenByNameResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNamedTokenByNameResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNamedTokenByNameResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetNamedTokenByNameResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_list_token_joins<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_TOKENS_NAMED_ID_JOINS.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE TOKENS_NAMED_ID_JOINS in set but failed match against \"{}\"",
            path,
            paths::REGEX_TOKENS_NAMED_ID_JOINS.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
    let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
    let param_limit = query_params.iter().filter(|e| e.0 == "limit").map(|e| e.1.clone()).next();
    let param_limit = match param_limit {
        Some(param_limit) => {
            let param_limit = <u32 as std::str::FromStr>::from_str(&param_limit);
            match param_limit {
                Ok(param_limit) => Some(param_limit),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter limit - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter limit"))
                }
            }
        }
        None => None,
    };
    let param_after = query_params.iter().filter(|e| e.0 == "after").map(|e| e.1.clone()).next();
    let param_after = match param_after {
        Some(param_after) => {
            let param_after = <String as std::str::FromStr>::from_str(&param_after);
            match param_after {
                Ok(param_after) => Some(param_after),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter after - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter after"))
                }
            }
        }
        None => None,
    };

    let result = api_impl.list_token_joins(param_id, param_limit, param_after, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            ListTokenJoinsResponse::Ok { body, link } => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                if let Some(link) = link {
                    let link = match header::IntoHeaderValue(link).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Ok(Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!(
                                    "An internal server error occurred handling link header - {e}"
                                )))
                                .expect("Unable to create Internal Server Error for invalid response header"))
                        }
                    };

                    response.headers_mut().insert(HeaderName::from_static("link"), link);
                }
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListTokenJoinsResponse::BadRequest(body) => {
                *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListTokenJoinsResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListTokenJoinsResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListTokenJoinsResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListTokenJoinsResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListTokenJoinsResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListTokenJoinsResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_modify_named_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_TOKENS_NAMED_ID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE TOKENS_NAMED_ID in set but failed match against \"{}\"",
            path,
            paths::REGEX_TOKENS_NAMED_ID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Handle body parameters (note that non-required body parameters will ignore garbage
    // values, rather than causing a 400 response). Produce warning header and logs for
    // any unused fields.
    let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
    match result {
        Ok(body) => {
            let mut unused_elements: Vec<String> = vec![];
            let param_named_token_update_request: Option<models::NamedTokenUpdateRequest> = if !body.is_empty() {
                let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_named_token_update_request) => param_named_token_update_request,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter NamedTokenUpdateRequest - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter NamedTokenUpdateRequest due to schema")),
                                    }
            } else {
                None
            };
            let param_named_token_update_request =
                match param_named_token_update_request {
                    Some(param_named_token_update_request) => param_named_token_update_request,
                    None => return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new("Missing required body parameter NamedTokenUpdateRequest".to_string()))
                        .expect(
                            "Unable to create Bad Request response for missing body parameter NamedTokenUpdateRequest",
                        )),
                };
            #[cfg(not(feature = "validate"))]
            run_validation!(param_named_token_update_request, "NamedTokenUpdateRequest", validation);

            let result = api_impl.modify_named_token(param_id, param_named_token_update_request, &context).await;
            let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
            response.headers_mut().insert(
                HeaderName::from_static("x-span-id"),
                HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
                    .expect("Unable to create X-Span-ID header value"),
            );

            if !unused_elements.is_empty() {
                response.headers_mut().insert(
                    HeaderName::from_static("warning"),
                    HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                        .expect("Unable to create Warning header value"),
                );
            }
            match result {
                Ok(rsp) => match rsp {
                    ModifyNamedTokenResponse::NoContent => {
                        *response.status_mut() =
                            StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
                    }
                    ModifyNamedTokenResponse::BadRequest(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyNamedTokenResponse::Unauthorized { body, www_authenticate } => {
                        *response.status_mut() =
                            StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling www_authenticate header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyNamedTokenResponse::NotFound(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyNamedTokenResponse::Conflict(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(409).expect("Unable to turn 409 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyNamedTokenResponse::PayloadTooLarge(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyNamedTokenResponse::UnsupportedMediaType(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(415).expect("Unable to turn 415 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyNamedTokenResponse::TooManyRequests { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyNamedTokenResponse::InternalError(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyNamedTokenResponse::ServiceUnavailable { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                },
                Err(_) => {
                    // Application code returned an error. This should not happen, as the implementation should
                    // return a valid response.
                    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                    *response.body_mut() = body_from_str("An internal error occurred");
                }
            }

            Ok(response)
        }
        Err(e) => Ok(Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
            .body(body_from_string(format!("Unable to read body: {}", e.into())))
            .expect("Unable to create Bad Request response due to unable to read body")),
    }
}

#[allow(unused_variables)]
async fn handle_create_client_token<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    let result = api_impl.create_client_token(&context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            CreateClientTokenResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateClientTokenResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateClientTokenResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateClientTokenResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateClientTokenResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            CreateClientTokenResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_create_group_for_user<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Handle body parameters (note that non-required body parameters will ignore garbage
    // values, rather than causing a 400 response). Produce warning header and logs for
    // any unused fields.
    let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
    match result {
        Ok(body) => {
            let mut unused_elements: Vec<String> = vec![];
            let param_group_create_request: Option<models::GroupCreateRequest> = if !body.is_empty() {
                let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_group_create_request) => param_group_create_request,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter GroupCreateRequest - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter GroupCreateRequest due to schema")),
                                    }
            } else {
                None
            };
            let param_group_create_request = match param_group_create_request {
                Some(param_group_create_request) => param_group_create_request,
                None => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new("Missing required body parameter GroupCreateRequest".to_string()))
                        .expect("Unable to create Bad Request response for missing body parameter GroupCreateRequest"))
                }
            };
            #[cfg(not(feature = "validate"))]
            run_validation!(param_group_create_request, "GroupCreateRequest", validation);

            let result = api_impl.create_group_for_user(param_group_create_request, &context).await;
            let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
            response.headers_mut().insert(
                HeaderName::from_static("x-span-id"),
                HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
                    .expect("Unable to create X-Span-ID header value"),
            );

            if !unused_elements.is_empty() {
                response.headers_mut().insert(
                    HeaderName::from_static("warning"),
                    HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                        .expect("Unable to create Warning header value"),
                );
            }
            match result {
                Ok(rsp) => match rsp {
                    CreateGroupForUserResponse::Created { location } => {
                        *response.status_mut() =
                            StatusCode::from_u16(201).expect("Unable to turn 201 into a StatusCode");

                        let location = match header::IntoHeaderValue(location).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling location header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("location"), location);
                    }
                    CreateGroupForUserResponse::BadRequest(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateGroupForUserResponse::Unauthorized { body, www_authenticate } => {
                        *response.status_mut() =
                            StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling www_authenticate header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateGroupForUserResponse::PayloadTooLarge(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateGroupForUserResponse::UnsupportedMediaType(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(415).expect("Unable to turn 415 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateGroupForUserResponse::TooManyRequests { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateGroupForUserResponse::InternalError(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    CreateGroupForUserResponse::ServiceUnavailable { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                },
                Err(_) => {
                    // Application code returned an error. This should not happen, as the implementation should
                    // return a valid response.
                    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                    *response.body_mut() = body_from_str("An internal error occurred");
                }
            }

            Ok(response)
        }
        Err(e) => Ok(Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
            .body(body_from_string(format!("Unable to read body: {}", e.into())))
            .expect("Unable to create Bad Request response due to unable to read body")),
    }
}

#[allow(unused_variables)]
async fn handle_delete_current_user<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    let result = api_impl.delete_current_user(&context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            DeleteCurrentUserResponse::NoContent => {
                *response.status_mut() = StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
            }
            DeleteCurrentUserResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            DeleteCurrentUserResponse::Conflict(body) => {
                *response.status_mut() = StatusCode::from_u16(409).expect("Unable to turn 409 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            DeleteCurrentUserResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            DeleteCurrentUserResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            DeleteCurrentUserResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_current_user<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    let result = api_impl.get_current_user(&context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetCurrentUserResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetCurrentUserResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetCurrentUserResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetCurrentUserResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetCurrentUserResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_join_group<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Handle body parameters (note that non-required body parameters will ignore garbage
    // values, rather than causing a 400 response). Produce warning header and logs for
    // any unused fields.
    let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
    match result {
        Ok(body) => {
            let mut unused_elements: Vec<String> = vec![];
            let param_group_invite_token: Option<models::GroupInviteToken> = if !body.is_empty() {
                let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_group_invite_token) => param_group_invite_token,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter GroupInviteToken - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter GroupInviteToken due to schema")),
                                    }
            } else {
                None
            };
            let param_group_invite_token = match param_group_invite_token {
                Some(param_group_invite_token) => param_group_invite_token,
                None => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new("Missing required body parameter GroupInviteToken".to_string()))
                        .expect("Unable to create Bad Request response for missing body parameter GroupInviteToken"))
                }
            };
            #[cfg(not(feature = "validate"))]
            run_validation!(param_group_invite_token, "GroupInviteToken", validation);

            let result = api_impl.join_group(param_group_invite_token, &context).await;
            let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
            response.headers_mut().insert(
                HeaderName::from_static("x-span-id"),
                HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
                    .expect("Unable to create X-Span-ID header value"),
            );

            if !unused_elements.is_empty() {
                response.headers_mut().insert(
                    HeaderName::from_static("warning"),
                    HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                        .expect("Unable to create Warning header value"),
                );
            }
            match result {
                Ok(rsp) => match rsp {
                    JoinGroupResponse::Created { location } => {
                        *response.status_mut() =
                            StatusCode::from_u16(201).expect("Unable to turn 201 into a StatusCode");

                        let location = match header::IntoHeaderValue(location).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling location header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("location"), location);
                    }
                    JoinGroupResponse::BadRequest(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinGroupResponse::Unauthorized { body, www_authenticate } => {
                        *response.status_mut() =
                            StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling www_authenticate header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinGroupResponse::Forbidden(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinGroupResponse::NotFound(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinGroupResponse::Conflict(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(409).expect("Unable to turn 409 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinGroupResponse::PayloadTooLarge(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinGroupResponse::UnsupportedMediaType(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(415).expect("Unable to turn 415 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinGroupResponse::TooManyRequests { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinGroupResponse::InternalError(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    JoinGroupResponse::ServiceUnavailable { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                },
                Err(_) => {
                    // Application code returned an error. This should not happen, as the implementation should
                    // return a valid response.
                    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                    *response.body_mut() = body_from_str("An internal error occurred");
                }
            }

            Ok(response)
        }
        Err(e) => Ok(Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
            .body(body_from_string(format!("Unable to read body: {}", e.into())))
            .expect("Unable to create Bad Request response due to unable to read body")),
    }
}

#[allow(unused_variables)]
async fn handle_list_user_effective_groups<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
    let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
    let param_limit = query_params.iter().filter(|e| e.0 == "limit").map(|e| e.1.clone()).next();
    let param_limit = match param_limit {
        Some(param_limit) => {
            let param_limit = <u32 as std::str::FromStr>::from_str(&param_limit);
            match param_limit {
                Ok(param_limit) => Some(param_limit),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter limit - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter limit"))
                }
            }
        }
        None => None,
    };
    let param_after = query_params.iter().filter(|e| e.0 == "after").map(|e| e.1.clone()).next();
    let param_after = match param_after {
        Some(param_after) => {
            let param_after = <String as std::str::FromStr>::from_str(&param_after);
            match param_after {
                Ok(param_after) => Some(param_after),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter after - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter after"))
                }
            }
        }
        None => None,
    };

    let result = api_impl.list_user_effective_groups(param_limit, param_after, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            ListUserEffectiveGroupsResponse::Ok { body, link } => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                if let Some(link) = link {
                    let link = match header::IntoHeaderValue(link).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Ok(Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!(
                                    "An internal server error occurred handling link header - {e}"
                                )))
                                .expect("Unable to create Internal Server Error for invalid response header"))
                        }
                    };

                    response.headers_mut().insert(HeaderName::from_static("link"), link);
                }
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUserEffectiveGroupsResponse::BadRequest(body) => {
                *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUserEffectiveGroupsResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUserEffectiveGroupsResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUserEffectiveGroupsResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUserEffectiveGroupsResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_list_user_groups<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
    let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
    let param_limit = query_params.iter().filter(|e| e.0 == "limit").map(|e| e.1.clone()).next();
    let param_limit = match param_limit {
        Some(param_limit) => {
            let param_limit = <u32 as std::str::FromStr>::from_str(&param_limit);
            match param_limit {
                Ok(param_limit) => Some(param_limit),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter limit - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter limit"))
                }
            }
        }
        None => None,
    };
    let param_after = query_params.iter().filter(|e| e.0 == "after").map(|e| e.1.clone()).next();
    let param_after = match param_after {
        Some(param_after) => {
            let param_after = <String as std::str::FromStr>::from_str(&param_after);
            match param_after {
                Ok(param_after) => Some(param_after),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter after - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter after"))
                }
            }
        }
        None => None,
    };

    let result = api_impl.list_user_groups(param_limit, param_after, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            ListUserGroupsResponse::Ok { body, link } => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                if let Some(link) = link {
                    let link = match header::IntoHeaderValue(link).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Ok(Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!(
                                    "An internal server error occurred handling link header - {e}"
                                )))
                                .expect("Unable to create Internal Server Error for invalid response header"))
                        }
                    };

                    response.headers_mut().insert(HeaderName::from_static("link"), link);
                }
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUserGroupsResponse::BadRequest(body) => {
                *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUserGroupsResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUserGroupsResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUserGroupsResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUserGroupsResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_modify_current_user<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Handle body parameters (note that non-required body parameters will ignore garbage
    // values, rather than causing a 400 response). Produce warning header and logs for
    // any unused fields.
    let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
    match result {
        Ok(body) => {
            let mut unused_elements: Vec<String> = vec![];
            let param_user_update_request: Option<models::UserUpdateRequest> = if !body.is_empty() {
                let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_user_update_request) => param_user_update_request,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter UserUpdateRequest - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter UserUpdateRequest due to schema")),
                                    }
            } else {
                None
            };
            let param_user_update_request = match param_user_update_request {
                Some(param_user_update_request) => param_user_update_request,
                None => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new("Missing required body parameter UserUpdateRequest".to_string()))
                        .expect("Unable to create Bad Request response for missing body parameter UserUpdateRequest"))
                }
            };
            #[cfg(not(feature = "validate"))]
            run_validation!(param_user_update_request, "UserUpdateRequest", validation);

            let result = api_impl.modify_current_user(param_user_update_request, &context).await;
            let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
            response.headers_mut().insert(
                HeaderName::from_static("x-span-id"),
                HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
                    .expect("Unable to create X-Span-ID header value"),
            );

            if !unused_elements.is_empty() {
                response.headers_mut().insert(
                    HeaderName::from_static("warning"),
                    HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                        .expect("Unable to create Warning header value"),
                );
            }
            match result {
                Ok(rsp) => match rsp {
                    ModifyCurrentUserResponse::NoContent => {
                        *response.status_mut() =
                            StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
                    }
                    ModifyCurrentUserResponse::BadRequest(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyCurrentUserResponse::Unauthorized { body, www_authenticate } => {
                        *response.status_mut() =
                            StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling www_authenticate header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyCurrentUserResponse::PayloadTooLarge(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyCurrentUserResponse::UnsupportedMediaType(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(415).expect("Unable to turn 415 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyCurrentUserResponse::TooManyRequests { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyCurrentUserResponse::InternalError(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyCurrentUserResponse::ServiceUnavailable { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                },
                Err(_) => {
                    // Application code returned an error. This should not happen, as the implementation should
                    // return a valid response.
                    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                    *response.body_mut() = body_from_str("An internal error occurred");
                }
            }

            Ok(response)
        }
        Err(e) => Ok(Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
            .body(body_from_string(format!("Unable to read body: {}", e.into())))
            .expect("Unable to create Bad Request response due to unable to read body")),
    }
}

#[allow(unused_variables)]
async fn handle_get_user_effective_group<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_USER_EFFECTIVE_GROUPS_GID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE USER_EFFECTIVE_GROUPS_GID in set but failed match against \"{}\"",
            path,
            paths::REGEX_USER_EFFECTIVE_GROUPS_GID.as_str()
        )
    });

    let param_gid = match percent_encoding::percent_decode(path_params["gid"].as_bytes()).decode_utf8() {
        Ok(param_gid) => match param_gid.parse::<String>() {
            Ok(param_gid) => param_gid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter gid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["gid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_user_effective_group(param_gid, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetUserEffectiveGroupResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserEffectiveGroupResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserEffectiveGroupResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserEffectiveGroupResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserEffectiveGroupResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserEffectiveGroupResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_user_group<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_USER_GROUPS_GID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE USER_GROUPS_GID in set but failed match against \"{}\"",
            path,
            paths::REGEX_USER_GROUPS_GID.as_str()
        )
    });

    let param_gid = match percent_encoding::percent_decode(path_params["gid"].as_bytes()).decode_utf8() {
        Ok(param_gid) => match param_gid.parse::<String>() {
            Ok(param_gid) => param_gid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter gid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["gid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_user_group(param_gid, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetUserGroupResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserGroupResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserGroupResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserGroupResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserGroupResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserGroupResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_leave_group<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_USER_GROUPS_GID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE USER_GROUPS_GID in set but failed match against \"{}\"",
            path,
            paths::REGEX_USER_GROUPS_GID.as_str()
        )
    });

    let param_gid = match percent_encoding::percent_decode(path_params["gid"].as_bytes()).decode_utf8() {
        Ok(param_gid) => match param_gid.parse::<String>() {
            Ok(param_gid) => param_gid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter gid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["gid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.leave_group(param_gid, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            LeaveGroupResponse::NoContent => {
                *response.status_mut() = StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
            }
            LeaveGroupResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            LeaveGroupResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            LeaveGroupResponse::Conflict(body) => {
                *response.status_mut() = StatusCode::from_u16(409).expect("Unable to turn 409 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            LeaveGroupResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            LeaveGroupResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            LeaveGroupResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_list_users<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Query parameters (note that non-required or collection query parameters will ignore garbage values, rather than causing a 400 response)
    let query_params = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes()).collect::<Vec<_>>();
    let param_limit = query_params.iter().filter(|e| e.0 == "limit").map(|e| e.1.clone()).next();
    let param_limit = match param_limit {
        Some(param_limit) => {
            let param_limit = <u32 as std::str::FromStr>::from_str(&param_limit);
            match param_limit {
                Ok(param_limit) => Some(param_limit),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter limit - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter limit"))
                }
            }
        }
        None => None,
    };
    let param_after = query_params.iter().filter(|e| e.0 == "after").map(|e| e.1.clone()).next();
    let param_after = match param_after {
        Some(param_after) => {
            let param_after = <String as std::str::FromStr>::from_str(&param_after);
            match param_after {
                Ok(param_after) => Some(param_after),
                Err(e) => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(body_from_string(format!(
                            "Couldn't parse query parameter after - doesn't match schema: {e}"
                        )))
                        .expect("Unable to create Bad Request response for invalid query parameter after"))
                }
            }
        }
        None => None,
    };

    let result = api_impl.list_users(param_limit, param_after, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            ListUsersResponse::Ok { body, link } => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");

                if let Some(link) = link {
                    let link = match header::IntoHeaderValue(link).try_into() {
                        Ok(val) => val,
                        Err(e) => {
                            return Ok(Response::builder()
                                .status(StatusCode::INTERNAL_SERVER_ERROR)
                                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                .body(body_from_string(format!(
                                    "An internal server error occurred handling link header - {e}"
                                )))
                                .expect("Unable to create Internal Server Error for invalid response header"))
                        }
                    };

                    response.headers_mut().insert(HeaderName::from_static("link"), link);
                }
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUsersResponse::BadRequest(body) => {
                *response.status_mut() = StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUsersResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUsersResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUsersResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUsersResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            ListUsersResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_group_zone_privileges<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_PRIVILEGES.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_PRIVILEGES in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_PRIVILEGES.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_group_zone_privileges(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetGroupZonePrivilegesResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupZonePrivilegesResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupZonePrivilegesResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupZonePrivilegesResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupZonePrivilegesResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupZonePrivilegesResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetGroupZonePrivilegesResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_user<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_USERS_ID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE USERS_ID in set but failed match against \"{}\"",
            path,
            paths::REGEX_USERS_ID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_user(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetUserResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_get_user_zone_privileges<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_USERS_ID_PRIVILEGES.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE USERS_ID_PRIVILEGES in set but failed match against \"{}\"",
            path,
            paths::REGEX_USERS_ID_PRIVILEGES.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.get_user_zone_privileges(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            GetUserZonePrivilegesResponse::Ok(body) => {
                *response.status_mut() = StatusCode::from_u16(200).expect("Unable to turn 200 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserZonePrivilegesResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserZonePrivilegesResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserZonePrivilegesResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserZonePrivilegesResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserZonePrivilegesResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            GetUserZonePrivilegesResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_modify_group_zone_privileges<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_PRIVILEGES.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_PRIVILEGES in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_PRIVILEGES.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Handle body parameters (note that non-required body parameters will ignore garbage
    // values, rather than causing a 400 response). Produce warning header and logs for
    // any unused fields.
    let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
    match result {
        Ok(body) => {
            let mut unused_elements: Vec<String> = vec![];
            let param_zone_privileges_update: Option<models::ZonePrivilegesUpdate> = if !body.is_empty() {
                let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_zone_privileges_update) => param_zone_privileges_update,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter ZonePrivilegesUpdate - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter ZonePrivilegesUpdate due to schema")),
                                    }
            } else {
                None
            };
            let param_zone_privileges_update = match param_zone_privileges_update {
                Some(param_zone_privileges_update) => param_zone_privileges_update,
                None => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new("Missing required body parameter ZonePrivilegesUpdate".to_string()))
                        .expect(
                            "Unable to create Bad Request response for missing body parameter ZonePrivilegesUpdate",
                        ))
                }
            };
            #[cfg(not(feature = "validate"))]
            run_validation!(param_zone_privileges_update, "ZonePrivilegesUpdate", validation);

            let result = api_impl.modify_group_zone_privileges(param_id, param_zone_privileges_update, &context).await;
            let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
            response.headers_mut().insert(
                HeaderName::from_static("x-span-id"),
                HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
                    .expect("Unable to create X-Span-ID header value"),
            );

            if !unused_elements.is_empty() {
                response.headers_mut().insert(
                    HeaderName::from_static("warning"),
                    HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                        .expect("Unable to create Warning header value"),
                );
            }
            match result {
                Ok(rsp) => match rsp {
                    ModifyGroupZonePrivilegesResponse::NoContent => {
                        *response.status_mut() =
                            StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
                    }
                    ModifyGroupZonePrivilegesResponse::BadRequest(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupZonePrivilegesResponse::Unauthorized { body, www_authenticate } => {
                        *response.status_mut() =
                            StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling www_authenticate header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupZonePrivilegesResponse::Forbidden(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupZonePrivilegesResponse::NotFound(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupZonePrivilegesResponse::PayloadTooLarge(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupZonePrivilegesResponse::UnsupportedMediaType(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(415).expect("Unable to turn 415 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupZonePrivilegesResponse::TooManyRequests { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupZonePrivilegesResponse::InternalError(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyGroupZonePrivilegesResponse::ServiceUnavailable { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                },
                Err(_) => {
                    // Application code returned an error. This should not happen, as the implementation should
                    // return a valid response.
                    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                    *response.body_mut() = body_from_str("An internal error occurred");
                }
            }

            Ok(response)
        }
        Err(e) => Ok(Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
            .body(body_from_string(format!("Unable to read body: {}", e.into())))
            .expect("Unable to create Bad Request response due to unable to read body")),
    }
}

#[allow(unused_variables)]
async fn handle_modify_user_zone_privileges<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_USERS_ID_PRIVILEGES.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE USERS_ID_PRIVILEGES in set but failed match against \"{}\"",
            path,
            paths::REGEX_USERS_ID_PRIVILEGES.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Handle body parameters (note that non-required body parameters will ignore garbage
    // values, rather than causing a 400 response). Produce warning header and logs for
    // any unused fields.
    let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
    match result {
        Ok(body) => {
            let mut unused_elements: Vec<String> = vec![];
            let param_zone_privileges_update: Option<models::ZonePrivilegesUpdate> = if !body.is_empty() {
                let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                match serde_ignored::deserialize(deserializer, |path| {
                                            warn!("Ignoring unknown field in body: {path}");
                                            unused_elements.push(path.to_string());
                                    }) {
                                        Ok(param_zone_privileges_update) => param_zone_privileges_update,
                                        Err(e) => return Ok(Response::builder()
                                                        .status(StatusCode::BAD_REQUEST)
                                                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                                        .body(BoxBody::new(format!("Couldn't parse body parameter ZonePrivilegesUpdate - doesn't match schema: {e}")))
                                                        .expect("Unable to create Bad Request response for invalid body parameter ZonePrivilegesUpdate due to schema")),
                                    }
            } else {
                None
            };
            let param_zone_privileges_update = match param_zone_privileges_update {
                Some(param_zone_privileges_update) => param_zone_privileges_update,
                None => {
                    return Ok(Response::builder()
                        .status(StatusCode::BAD_REQUEST)
                        .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                        .body(BoxBody::new("Missing required body parameter ZonePrivilegesUpdate".to_string()))
                        .expect(
                            "Unable to create Bad Request response for missing body parameter ZonePrivilegesUpdate",
                        ))
                }
            };
            #[cfg(not(feature = "validate"))]
            run_validation!(param_zone_privileges_update, "ZonePrivilegesUpdate", validation);

            let result = api_impl.modify_user_zone_privileges(param_id, param_zone_privileges_update, &context).await;
            let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
            response.headers_mut().insert(
                HeaderName::from_static("x-span-id"),
                HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
                    .expect("Unable to create X-Span-ID header value"),
            );

            if !unused_elements.is_empty() {
                response.headers_mut().insert(
                    HeaderName::from_static("warning"),
                    HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                        .expect("Unable to create Warning header value"),
                );
            }
            match result {
                Ok(rsp) => match rsp {
                    ModifyUserZonePrivilegesResponse::NoContent => {
                        *response.status_mut() =
                            StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
                    }
                    ModifyUserZonePrivilegesResponse::BadRequest(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyUserZonePrivilegesResponse::Unauthorized { body, www_authenticate } => {
                        *response.status_mut() =
                            StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling www_authenticate header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyUserZonePrivilegesResponse::Forbidden(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyUserZonePrivilegesResponse::NotFound(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyUserZonePrivilegesResponse::PayloadTooLarge(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyUserZonePrivilegesResponse::UnsupportedMediaType(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(415).expect("Unable to turn 415 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyUserZonePrivilegesResponse::TooManyRequests { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyUserZonePrivilegesResponse::InternalError(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    ModifyUserZonePrivilegesResponse::ServiceUnavailable { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                },
                Err(_) => {
                    // Application code returned an error. This should not happen, as the implementation should
                    // return a valid response.
                    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                    *response.body_mut() = body_from_str("An internal error occurred");
                }
            }

            Ok(response)
        }
        Err(e) => Ok(Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
            .body(body_from_string(format!("Unable to read body: {}", e.into())))
            .expect("Unable to create Bad Request response due to unable to read body")),
    }
}

#[allow(unused_variables)]
async fn handle_remove_group_zone_privileges<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_PRIVILEGES.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_PRIVILEGES in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_PRIVILEGES.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.remove_group_zone_privileges(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            RemoveGroupZonePrivilegesResponse::NoContent => {
                *response.status_mut() = StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
            }
            RemoveGroupZonePrivilegesResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupZonePrivilegesResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupZonePrivilegesResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupZonePrivilegesResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupZonePrivilegesResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveGroupZonePrivilegesResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_remove_user<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_USERS_ID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE USERS_ID in set but failed match against \"{}\"",
            path,
            paths::REGEX_USERS_ID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.remove_user(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            RemoveUserResponse::NoContent => {
                *response.status_mut() = StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
            }
            RemoveUserResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveUserResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveUserResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveUserResponse::Conflict(body) => {
                *response.status_mut() = StatusCode::from_u16(409).expect("Unable to turn 409 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveUserResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveUserResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveUserResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_remove_user_zone_privileges<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_USERS_ID_PRIVILEGES.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE USERS_ID_PRIVILEGES in set but failed match against \"{}\"",
            path,
            paths::REGEX_USERS_ID_PRIVILEGES.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let result = api_impl.remove_user_zone_privileges(param_id, &context).await;
    let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
    response.headers_mut().insert(
        HeaderName::from_static("x-span-id"),
        HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
            .expect("Unable to create X-Span-ID header value"),
    );

    match result {
        Ok(rsp) => match rsp {
            RemoveUserZonePrivilegesResponse::NoContent => {
                *response.status_mut() = StatusCode::from_u16(204).expect("Unable to turn 204 into a StatusCode");
            }
            RemoveUserZonePrivilegesResponse::Unauthorized { body, www_authenticate } => {
                *response.status_mut() = StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling www_authenticate header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveUserZonePrivilegesResponse::Forbidden(body) => {
                *response.status_mut() = StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveUserZonePrivilegesResponse::NotFound(body) => {
                *response.status_mut() = StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveUserZonePrivilegesResponse::TooManyRequests { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveUserZonePrivilegesResponse::InternalError(body) => {
                *response.status_mut() = StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
            RemoveUserZonePrivilegesResponse::ServiceUnavailable { body, retry_after } => {
                *response.status_mut() = StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                    Ok(val) => val,
                    Err(e) => {
                        return Ok(Response::builder()
                            .status(StatusCode::INTERNAL_SERVER_ERROR)
                            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                            .body(body_from_string(format!(
                                "An internal server error occurred handling retry_after header - {e}"
                            )))
                            .expect("Unable to create Internal Server Error for invalid response header"))
                    }
                };

                response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                // JSON Body
                let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                *response.body_mut() = body_from_string(body);
            }
        },
        Err(_) => {
            // Application code returned an error. This should not happen, as the implementation should
            // return a valid response.
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
            *response.body_mut() = body_from_str("An internal error occurred");
        }
    }

    Ok(response)
}

#[allow(unused_variables)]
async fn handle_add_group_user<T, C, ReqBody>(
    mut api_impl: T,
    uri: hyper::Uri,
    headers: HeaderMap,
    body: ReqBody,
    context: C,
    validation: bool,
) -> Result<Response<BoxBody<Bytes, Infallible>>, crate::ServiceError>
where
    T: Api<C> + Clone + Send + 'static,
    C: Has<XSpanIdString> + Has<Option<Authorization>> + Send + Sync + 'static,
    ReqBody: Body + Send + 'static,
    ReqBody::Error: Into<Box<dyn Error + Send + Sync>> + Send,
    ReqBody::Data: Send,
{
    {
        let authorization = match *(&context as &dyn Has<Option<Authorization>>).get() {
            Some(ref authorization) => authorization,
            None => {
                return Ok(Response::builder()
                    .status(StatusCode::FORBIDDEN)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_str("Unauthenticated"))
                    .expect("Unable to create Authentication Forbidden response"))
            }
        };
    }

    // Path parameters
    let path: &str = uri.path();
    let path_params = paths::REGEX_GROUPS_ID_USERS_UID.captures(path).unwrap_or_else(|| {
        panic!(
            "Path {} matched RE GROUPS_ID_USERS_UID in set but failed match against \"{}\"",
            path,
            paths::REGEX_GROUPS_ID_USERS_UID.as_str()
        )
    });

    let param_id = match percent_encoding::percent_decode(path_params["id"].as_bytes()).decode_utf8() {
        Ok(param_id) => match param_id.parse::<String>() {
            Ok(param_id) => param_id,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter id: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["id"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    let param_uid = match percent_encoding::percent_decode(path_params["uid"].as_bytes()).decode_utf8() {
        Ok(param_uid) => match param_uid.parse::<String>() {
            Ok(param_uid) => param_uid,
            Err(e) => {
                return Ok(Response::builder()
                    .status(StatusCode::BAD_REQUEST)
                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                    .body(body_from_string(format!("Couldn't parse path parameter uid: {e}")))
                    .expect("Unable to create Bad Request response for invalid path parameter"))
            }
        },
        Err(_) => {
            return Ok(Response::builder()
                .status(StatusCode::BAD_REQUEST)
                .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                .body(body_from_string(format!(
                    "Couldn't percent-decode path parameter as UTF-8: {}",
                    &path_params["uid"]
                )))
                .expect("Unable to create Bad Request response for invalid percent decode"))
        }
    };

    // Handle body parameters (note that non-required body parameters will ignore garbage
    // values, rather than causing a 400 response). Produce warning header and logs for
    // any unused fields.
    let result = http_body_util::BodyExt::collect(body).await.map(|f| f.to_bytes().to_vec());
    match result {
        Ok(body) => {
            let mut unused_elements: Vec<String> = vec![];
            let param_privileges: Option<models::Privileges> = if !body.is_empty() {
                let deserializer = &mut serde_json::Deserializer::from_slice(&body);
                serde_ignored::deserialize(deserializer, |path| {
                    warn!("Ignoring unknown field in body: {path}");
                    unused_elements.push(path.to_string());
                })
                .unwrap_or_default()
            } else {
                None
            };
            #[cfg(not(feature = "validate"))]
            run_validation!(param_privileges, "Privileges", validation);

            let result = api_impl.add_group_user(param_id, param_uid, param_privileges, &context).await;
            let mut response = Response::new(BoxBody::new(http_body_util::Empty::new()));
            response.headers_mut().insert(
                HeaderName::from_static("x-span-id"),
                HeaderValue::from_str((&context as &dyn Has<XSpanIdString>).get().0.clone().as_str())
                    .expect("Unable to create X-Span-ID header value"),
            );

            if !unused_elements.is_empty() {
                response.headers_mut().insert(
                    HeaderName::from_static("warning"),
                    HeaderValue::from_str(format!("Ignoring unknown fields in body: {unused_elements:?}").as_str())
                        .expect("Unable to create Warning header value"),
                );
            }
            match result {
                Ok(rsp) => match rsp {
                    AddGroupUserResponse::Created { location } => {
                        *response.status_mut() =
                            StatusCode::from_u16(201).expect("Unable to turn 201 into a StatusCode");

                        let location = match header::IntoHeaderValue(location).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling location header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("location"), location);
                    }
                    AddGroupUserResponse::BadRequest(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(400).expect("Unable to turn 400 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    AddGroupUserResponse::Unauthorized { body, www_authenticate } => {
                        *response.status_mut() =
                            StatusCode::from_u16(401).expect("Unable to turn 401 into a StatusCode");

                        let www_authenticate = match header::IntoHeaderValue(www_authenticate).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling www_authenticate header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("www-authenticate"), www_authenticate);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    AddGroupUserResponse::Forbidden(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(403).expect("Unable to turn 403 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    AddGroupUserResponse::NotFound(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(404).expect("Unable to turn 404 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    AddGroupUserResponse::Conflict(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(409).expect("Unable to turn 409 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    AddGroupUserResponse::PayloadTooLarge(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(413).expect("Unable to turn 413 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    AddGroupUserResponse::UnsupportedMediaType(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(415).expect("Unable to turn 415 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    AddGroupUserResponse::TooManyRequests { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(429).expect("Unable to turn 429 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    AddGroupUserResponse::InternalError(body) => {
                        *response.status_mut() =
                            StatusCode::from_u16(500).expect("Unable to turn 500 into a StatusCode");
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                    AddGroupUserResponse::ServiceUnavailable { body, retry_after } => {
                        *response.status_mut() =
                            StatusCode::from_u16(503).expect("Unable to turn 503 into a StatusCode");

                        let retry_after = match header::IntoHeaderValue(retry_after).try_into() {
                            Ok(val) => val,
                            Err(e) => {
                                return Ok(Response::builder()
                                    .status(StatusCode::INTERNAL_SERVER_ERROR)
                                    .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
                                    .body(body_from_string(format!(
                                        "An internal server error occurred handling retry_after header - {e}"
                                    )))
                                    .expect("Unable to create Internal Server Error for invalid response header"))
                            }
                        };

                        response.headers_mut().insert(HeaderName::from_static("retry-after"), retry_after);
                        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                        // JSON Body
                        let body = serde_json::to_string(&body).expect("impossible to fail to serialize");
                        *response.body_mut() = body_from_string(body);
                    }
                },
                Err(_) => {
                    // Application code returned an error. This should not happen, as the implementation should
                    // return a valid response.
                    *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
                    response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
                    *response.body_mut() = body_from_str("An internal error occurred");
                }
            }

            Ok(response)
        }
        Err(e) => Ok(Response::builder()
            .status(StatusCode::BAD_REQUEST)
            .header(CONTENT_TYPE, mime::TEXT_PLAIN.as_ref())
            .body(body_from_string(format!("Unable to read body: {}", e.into())))
            .expect("Unable to create Bad Request response due to unable to read body")),
    }
}

/// Request parser for `Api`.
pub struct ApiRequestParser;
impl<T> RequestParser<T> for ApiRequestParser {
    fn parse_operation_id(request: &Request<T>) -> Option<&'static str> {
        let path = paths::GLOBAL_REGEX_SET.matches(request.uri().path());
        match *request.method() {
            // CreateGroup - POST /groups
            hyper::Method::POST if path.matched(paths::ID_GROUPS) => Some("CreateGroup"),
            // ListGroups - GET /groups
            hyper::Method::GET if path.matched(paths::ID_GROUPS) => Some("ListGroups"),
            // CreateGroupInviteToken - POST /groups/{id}/users/token
            hyper::Method::POST if path.matched(paths::ID_GROUPS_ID_USERS_TOKEN) => Some("CreateGroupInviteToken"),
            // CreateNestedGroupInviteToken - POST /groups/{id}/nested/token
            hyper::Method::POST if path.matched(paths::ID_GROUPS_ID_NESTED_TOKEN) => {
                Some("CreateNestedGroupInviteToken")
            }
            // GetGroup - GET /groups/{id}
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID) => Some("GetGroup"),
            // GetGroupInviteToken - GET /groups/{id}/users/token
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_USERS_TOKEN) => Some("GetGroupInviteToken"),
            // GetNestedGroupInviteToken - GET /groups/{id}/nested/token
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_NESTED_TOKEN) => Some("GetNestedGroupInviteToken"),
            // JoinNestedGroup - POST /groups/{id}/nested/join
            hyper::Method::POST if path.matched(paths::ID_GROUPS_ID_NESTED_JOIN) => Some("JoinNestedGroup"),
            // ListGroupEffectiveUsers - GET /groups/{id}/effective_users
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_EFFECTIVE_USERS) => Some("ListGroupEffectiveUsers"),
            // ListGroupInvites - GET /groups/{id}/invites
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_INVITES) => Some("ListGroupInvites"),
            // ListGroupUsers - GET /groups/{id}/users
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_USERS) => Some("ListGroupUsers"),
            // ListNestedGroups - GET /groups/{id}/nested
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_NESTED) => Some("ListNestedGroups"),
            // ListParentGroups - GET /groups/{id}/parent
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_PARENT) => Some("ListParentGroups"),
            // ModifyGroup - PATCH /groups/{id}
            hyper::Method::PATCH if path.matched(paths::ID_GROUPS_ID) => Some("ModifyGroup"),
            // RemoveGroup - DELETE /groups/{id}
            hyper::Method::DELETE if path.matched(paths::ID_GROUPS_ID) => Some("RemoveGroup"),
            // GetGroupEffectiveUser - GET /groups/{id}/effective_users/{uid}
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_EFFECTIVE_USERS_UID) => {
                Some("GetGroupEffectiveUser")
            }
            // GetGroupEffectiveUserPrivileges - GET /groups/{id}/effective_users/{uid}/privileges
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_EFFECTIVE_USERS_UID_PRIVILEGES) => {
                Some("GetGroupEffectiveUserPrivileges")
            }
            // GetGroupUser - GET /groups/{id}/users/{uid}
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_USERS_UID) => Some("GetGroupUser"),
            // GetGroupUserOrigin - GET /groups/{id}/users/{uid}/origin
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_USERS_UID_ORIGIN) => Some("GetGroupUserOrigin"),
            // GetGroupUserPrivileges - GET /groups/{id}/users/{uid}/privileges
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_USERS_UID_PRIVILEGES) => {
                Some("GetGroupUserPrivileges")
            }
            // GetNestedGroup - GET /groups/{id}/nested/{nid}
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_NESTED_NID) => Some("GetNestedGroup"),
            // GetNestedGroupPrivileges - GET /groups/{id}/nested/{nid}/privileges
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_NESTED_NID_PRIVILEGES) => {
                Some("GetNestedGroupPrivileges")
            }
            // GetParentGroup - GET /groups/{id}/parent/{pid}
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_PARENT_PID) => Some("GetParentGroup"),
            // RemoveGroupUser - DELETE /groups/{id}/users/{uid}
            hyper::Method::DELETE if path.matched(paths::ID_GROUPS_ID_USERS_UID) => Some("RemoveGroupUser"),
            // RemoveNestedGroup - DELETE /groups/{id}/nested/{nid}
            hyper::Method::DELETE if path.matched(paths::ID_GROUPS_ID_NESTED_NID) => Some("RemoveNestedGroup"),
            // SetGroupUserPrivileges - PUT /groups/{id}/users/{uid}/privileges
            hyper::Method::PUT if path.matched(paths::ID_GROUPS_ID_USERS_UID_PRIVILEGES) => {
                Some("SetGroupUserPrivileges")
            }
            // SetNestedGroupPrivileges - PUT /groups/{id}/nested/{nid}/privileges
            hyper::Method::PUT if path.matched(paths::ID_GROUPS_ID_NESTED_NID_PRIVILEGES) => {
                Some("SetNestedGroupPrivileges")
            }
            // CreateNamedToken - POST /user/tokens/named
            hyper::Method::POST if path.matched(paths::ID_USER_TOKENS_NAMED) => Some("CreateNamedToken"),
            // DeleteNamedTokens - DELETE /user/tokens/named
            hyper::Method::DELETE if path.matched(paths::ID_USER_TOKENS_NAMED) => Some("DeleteNamedTokens"),
            // ListNamedTokens - GET /user/tokens/named
            hyper::Method::GET if path.matched(paths::ID_USER_TOKENS_NAMED) => Some("ListNamedTokens"),
            // DeleteNamedToken - DELETE /tokens/named/{id}
            hyper::Method::DELETE if path.matched(paths::ID_TOKENS_NAMED_ID) => Some("DeleteNamedToken"),
            // GetNamedToken - GET /tokens/named/{id}
            hyper::Method::GET if path.matched(paths::ID_TOKENS_NAMED_ID) => Some("GetNamedToken"),
            // GetNamedTokenByName - GET /user/tokens/named/name/{name}
            hyper::Method::GET if path.matched(paths::ID_USER_TOKENS_NAMED_NAME_NAME) => Some("GetNamedTokenByName"),
            // ListTokenJoins - GET /tokens/named/{id}/joins
            hyper::Method::GET if path.matched(paths::ID_TOKENS_NAMED_ID_JOINS) => Some("ListTokenJoins"),
            // ModifyNamedToken - PATCH /tokens/named/{id}
            hyper::Method::PATCH if path.matched(paths::ID_TOKENS_NAMED_ID) => Some("ModifyNamedToken"),
            // CreateClientToken - GET /user/client_token
            hyper::Method::GET if path.matched(paths::ID_USER_CLIENT_TOKEN) => Some("CreateClientToken"),
            // CreateGroupForUser - POST /user/groups
            hyper::Method::POST if path.matched(paths::ID_USER_GROUPS) => Some("CreateGroupForUser"),
            // DeleteCurrentUser - DELETE /user
            hyper::Method::DELETE if path.matched(paths::ID_USER) => Some("DeleteCurrentUser"),
            // GetCurrentUser - GET /user
            hyper::Method::GET if path.matched(paths::ID_USER) => Some("GetCurrentUser"),
            // JoinGroup - POST /user/groups/join
            hyper::Method::POST if path.matched(paths::ID_USER_GROUPS_JOIN) => Some("JoinGroup"),
            // ListUserEffectiveGroups - GET /user/effective_groups
            hyper::Method::GET if path.matched(paths::ID_USER_EFFECTIVE_GROUPS) => Some("ListUserEffectiveGroups"),
            // ListUserGroups - GET /user/groups
            hyper::Method::GET if path.matched(paths::ID_USER_GROUPS) => Some("ListUserGroups"),
            // ModifyCurrentUser - PATCH /user
            hyper::Method::PATCH if path.matched(paths::ID_USER) => Some("ModifyCurrentUser"),
            // GetUserEffectiveGroup - GET /user/effective_groups/{gid}
            hyper::Method::GET if path.matched(paths::ID_USER_EFFECTIVE_GROUPS_GID) => Some("GetUserEffectiveGroup"),
            // GetUserGroup - GET /user/groups/{gid}
            hyper::Method::GET if path.matched(paths::ID_USER_GROUPS_GID) => Some("GetUserGroup"),
            // LeaveGroup - DELETE /user/groups/{gid}
            hyper::Method::DELETE if path.matched(paths::ID_USER_GROUPS_GID) => Some("LeaveGroup"),
            // ListUsers - GET /users
            hyper::Method::GET if path.matched(paths::ID_USERS) => Some("ListUsers"),
            // GetGroupZonePrivileges - GET /groups/{id}/privileges
            hyper::Method::GET if path.matched(paths::ID_GROUPS_ID_PRIVILEGES) => Some("GetGroupZonePrivileges"),
            // GetUser - GET /users/{id}
            hyper::Method::GET if path.matched(paths::ID_USERS_ID) => Some("GetUser"),
            // GetUserZonePrivileges - GET /users/{id}/privileges
            hyper::Method::GET if path.matched(paths::ID_USERS_ID_PRIVILEGES) => Some("GetUserZonePrivileges"),
            // ModifyGroupZonePrivileges - PATCH /groups/{id}/privileges
            hyper::Method::PATCH if path.matched(paths::ID_GROUPS_ID_PRIVILEGES) => Some("ModifyGroupZonePrivileges"),
            // ModifyUserZonePrivileges - PATCH /users/{id}/privileges
            hyper::Method::PATCH if path.matched(paths::ID_USERS_ID_PRIVILEGES) => Some("ModifyUserZonePrivileges"),
            // RemoveGroupZonePrivileges - DELETE /groups/{id}/privileges
            hyper::Method::DELETE if path.matched(paths::ID_GROUPS_ID_PRIVILEGES) => Some("RemoveGroupZonePrivileges"),
            // RemoveUser - DELETE /users/{id}
            hyper::Method::DELETE if path.matched(paths::ID_USERS_ID) => Some("RemoveUser"),
            // RemoveUserZonePrivileges - DELETE /users/{id}/privileges
            hyper::Method::DELETE if path.matched(paths::ID_USERS_ID_PRIVILEGES) => Some("RemoveUserZonePrivileges"),
            // AddGroupUser - PUT /groups/{id}/users/{uid}
            hyper::Method::PUT if path.matched(paths::ID_GROUPS_ID_USERS_UID) => Some("AddGroupUser"),
            _ => None,
        }
    }
}
