//! The adapter: implements the generated `Api` trait. Each operation converts generated models
//! into domain values, calls one service method, and converts the result back into the
//! operation's generated response enum. No rules live here and no SQL is written here.

use async_trait::async_trait;
use bytes::Bytes;
use futures::StreamExt;
use oz_groups_api::models;
use oz_groups_api::*;
use swagger::ApiError;

use super::body::{BodyError, Chunks};
use super::context::RequestContext;
use super::convert;
use super::invites;
use super::reply::Reply;
use crate::domain::{
    Cursor, Error, GroupId, Name, Page, PageRequest, User, UserId, ZoneChange, ZonePrivilegeSet, MAX_PAGE,
};
use crate::service::{App, Listing, Minting, Rest};

/// What the generated server calls.
#[derive(Clone)]
pub struct Adapter {
    app: App,
}

impl Adapter {
    pub fn new(app: App) -> Self {
        Self { app }
    }
}

/// The operation's response: the success, or the variant its reply table declares for the
/// error's status.
fn reply<R: Reply>(result: Result<R, Error>) -> Result<R, ApiError> {
    Ok(result.unwrap_or_else(|e| R::from_error(&e)))
}

fn caller(ctx: &RequestContext) -> Result<&User, Error> {
    // The gate authenticates every secured operation before the generated code runs; an
    // operation without a caller here would be a spec change the gate did not see: a bug.
    ctx.caller.as_deref().ok_or_else(|| Error::internal("a secured operation was reached without a caller"))
}

/// How a GET that mints a token mints it: for a HEAD (`RequestContext::head`), a token made to
/// be measured and dropped, never stored.
fn minting(ctx: &RequestContext) -> Minting {
    if ctx.head {
        Minting::Preview
    } else {
        Minting::Stored
    }
}

/// An id from the path. One that cannot be an id names nothing: 404, as for an unknown one.
fn group_id(raw: &str) -> Result<GroupId, Error> {
    GroupId::parse(raw).ok_or(Error::NotFound)
}

fn user_id(raw: &str) -> Result<UserId, Error> {
    UserId::parse(raw).ok_or(Error::NotFound)
}

/// Contract §2 [Onezone rc11 clients]: a read-only `member` of a request body, which a client
/// that fetched the object may send back. It is ignored when absent or equal to the resource's
/// `actual` value, and refused (400, naming the member) when it contradicts it. Each such member
/// of a request schema passes through here once before its operation runs; any type the
/// member has works (ids, logins, lists).
fn read_only<T: PartialEq + ?Sized>(member: &str, sent: Option<&T>, actual: &T) -> Result<(), Error> {
    match sent {
        Some(sent) if sent != actual => Err(Error::InvalidRequest(format!(
            "The read-only member '{member}' does not match the resource; send the value read from it, or leave it out."
        ))),
        _ => Ok(()),
    }
}

fn location(path: String) -> String {
    format!("{BASE_PATH}{path}")
}

fn ids<T: ToString>(items: Vec<T>) -> Vec<models::Id> {
    items.into_iter().map(|i| models::Id::from(i.to_string())).collect()
}

/// The page the query parameters ask for: `None` (the whole list, as Onezone answers) when
/// neither is given. The gate has checked both against the spec (`limit` 1..=1000, `after` the
/// `Cursor` pattern); a cursor that still does not decode is refused all the same.
fn page_request(limit: Option<u32>, after: Option<String>) -> Result<Option<PageRequest>, Error> {
    if limit.is_none() && after.is_none() {
        return Ok(None);
    }
    let after = match after {
        Some(raw) => Some(Cursor::parse(&raw).ok_or_else(|| {
            Error::InvalidRequest("The cursor 'after' is not one this server hands out in a Link header.".into())
        })?),
        None => None,
    };
    let limit = limit.unwrap_or(MAX_PAGE);
    let page = PageRequest::new(after, limit)
        .ok_or_else(|| Error::InvalidRequest(format!("The page size 'limit' must be 1 to {MAX_PAGE}.")))?;
    Ok(Some(page))
}

/// What a list reply carries beside its ids when more items follow a page: the cursor for the
/// body's `next` member and the `Link` header (RFC 8288) to the next page of `path` (under the
/// API root). Both come from the one cursor, so they always agree; a whole list has neither.
struct Next {
    cursor: Option<String>,
    link: Option<String>,
}

/// The ids of `page` and what points at the page after it. Ids and cursors are URL-safe as
/// they are, so nothing needs escaping.
fn paged<T: ToString>(page: Page<T>, request: Option<PageRequest>, path: &str) -> (Vec<models::Id>, Next) {
    let next = next_page(page.next, request, path);
    (ids(page.items), next)
}

/// `paged` for a `Listing`: a whole list's rest goes to `ctx`, to be sent after this first
/// chunk as the client reads it (`body::follow`).
fn listed<T: ToString + Send + 'static>(
    listing: Listing<T>,
    request: Option<PageRequest>,
    path: &str,
    ctx: &RequestContext,
) -> (Vec<models::Id>, Next) {
    ctx.follow_with(listing.rest.map(|rest| chunks(rest, |id: T| Ok(id.to_string()))));
    paged(listing.page, request, path)
}

/// The JSON text of each chunk of `rest`, each item as `,` and its `model`'s JSON (`,"…"` for
/// an id): what goes between the first chunk's last item and the list's closing `]}`. A chunk
/// that cannot be read, or an item that has no model, cuts the transfer.
fn chunks<T: Send + 'static, M: serde::Serialize + 'static>(rest: Rest<T>, model: fn(T) -> Result<M, Error>) -> Chunks {
    let chunk = move |items: Vec<T>| {
        let mut text = Vec::with_capacity(items.len() * 36);
        for item in items {
            text.push(b',');
            // Writing a generated model into a `Vec` cannot fail.
            let _ = serde_json::to_writer(&mut text, &model(item)?);
        }
        Ok(Bytes::from(text))
    };
    futures::stream::unfold(rest, move |mut rest| async move {
        let next = rest.next().await?.and_then(chunk).map_err(|e| BodyError::from(e.to_string()));
        Some((next, rest))
    })
    .boxed()
}

/// What points at the page after one that ends at `next` (a list of anything, not only ids).
fn next_page(next: Option<Cursor>, request: Option<PageRequest>, path: &str) -> Next {
    match (next, request) {
        (Some(next), Some(request)) => {
            let cursor = next.to_string();
            let link = format!("<{BASE_PATH}{path}?limit={}&after={cursor}>; rel=\"next\"", request.limit());
            Next { cursor: Some(cursor), link: Some(link) }
        }
        _ => Next { cursor: None, link: None },
    }
}

/// A user as contract §4 shows it: `alias` is `""` when unset, and the two lists are empty
/// (this server stores no connected accounts or e-mail addresses).
fn user_model(user: User) -> models::User {
    let alias = user.alias.map_or_else(String::new, |a| a.as_str().to_owned());
    models::User::new(
        user.id.to_string(),
        user.login.as_str().to_owned(),
        user.name.as_str().to_owned(),
        alias,
        Vec::new(),
        Vec::new(),
    )
}

/// The read-only members of `User` in a PATCH /user body (contract §2): a client may send
/// back the object it fetched, so each is accepted when it equals the caller's and refused
/// (400) when it differs. Only `name` and `alias` change anything.
fn check_read_only_user_members(body: &models::UserUpdateRequest, caller: &User) -> Result<(), Error> {
    read_only("userId", body.user_id.as_deref(), caller.id.as_str())?;
    read_only("login", body.login.as_deref(), caller.login.as_str())?;
    // Nothing stores connected accounts or e-mail addresses: the caller's are empty.
    read_only("connectedAccounts", body.connected_accounts.as_deref(), &[][..])?;
    read_only("emailList", body.email_list.as_deref(), &[][..])
}

fn zone_privileges_model(set: ZonePrivilegeSet) -> models::ZonePrivileges {
    models::ZonePrivileges::new(convert::zone_privilege_list(set))
}

fn group_model(group: crate::domain::Group) -> models::Group {
    models::Group::new(group.id.to_string(), group.name.as_str().to_owned(), convert::group_type_model(group.kind))
}

#[async_trait]
impl Api<RequestContext> for Adapter {
    async fn get_current_user(&self, ctx: &RequestContext) -> Result<GetCurrentUserResponse, ApiError> {
        reply(
            async {
                let user = self.app.current_user(caller(ctx)?).await?;
                Ok(GetCurrentUserResponse::Ok(user_model(user)))
            }
            .await,
        )
    }

    async fn modify_current_user(
        &self,
        body: models::UserUpdateRequest,
        ctx: &RequestContext,
    ) -> Result<ModifyCurrentUserResponse, ApiError> {
        reply(
            async {
                let me = caller(ctx)?;
                check_read_only_user_members(&body, me)?;
                let name = body.name.as_deref().map(|n| Name::parse(n, "name")).transpose()?;
                // The spec's `Alias`: an empty string clears it.
                let alias = match body.alias.as_deref() {
                    None => None,
                    Some("") => Some(None),
                    Some(a) => Some(Some(Name::parse(a, "alias")?)),
                };
                self.app.modify_user(me, name, alias).await?;
                Ok(ModifyCurrentUserResponse::NoContent)
            }
            .await,
        )
    }

    async fn create_client_token(&self, ctx: &RequestContext) -> Result<CreateClientTokenResponse, ApiError> {
        reply(
            async {
                let token = self.app.client_token(&caller(ctx)?.id, ctx.restricted, minting(ctx)).await?;
                Ok(CreateClientTokenResponse::Ok(models::AccessToken::new(token)))
            }
            .await,
        )
    }

    async fn list_user_groups(
        &self,
        limit: Option<u32>,
        after: Option<String>,
        ctx: &RequestContext,
    ) -> Result<ListUserGroupsResponse, ApiError> {
        reply(
            async {
                let request = page_request(limit, after)?;
                let page = self.app.user_groups(caller(ctx)?, request).await?;
                let (groups, next) = listed(page, request, "/user/groups", ctx);
                Ok(ListUserGroupsResponse::Ok {
                    body: models::GroupList { groups, next: next.cursor },
                    link: next.link,
                })
            }
            .await,
        )
    }

    async fn create_group_for_user(
        &self,
        body: models::GroupCreateRequest,
        ctx: &RequestContext,
    ) -> Result<CreateGroupForUserResponse, ApiError> {
        reply(
            async {
                let kind = body.r#type.map(convert::group_type);
                let gid = self.app.create_group(caller(ctx)?, Name::parse(&body.name, "name")?, kind).await?;
                Ok(CreateGroupForUserResponse::Created { location: location(format!("/user/groups/{gid}")) })
            }
            .await,
        )
    }

    async fn join_group(
        &self,
        body: models::GroupInviteToken,
        ctx: &RequestContext,
    ) -> Result<JoinGroupResponse, ApiError> {
        reply(
            async {
                let gid = self.app.join_group(caller(ctx)?, &body.token, ctx.client).await?;
                Ok(JoinGroupResponse::Created { location: location(format!("/user/groups/{gid}")) })
            }
            .await,
        )
    }

    async fn get_user_group(&self, gid: String, ctx: &RequestContext) -> Result<GetUserGroupResponse, ApiError> {
        reply(
            async {
                let group = self.app.user_group(caller(ctx)?, &group_id(&gid)?).await?;
                Ok(GetUserGroupResponse::Ok(group_model(group)))
            }
            .await,
        )
    }

    async fn leave_group(&self, gid: String, ctx: &RequestContext) -> Result<LeaveGroupResponse, ApiError> {
        reply(
            async {
                self.app.leave_group(caller(ctx)?, &group_id(&gid)?).await?;
                Ok(LeaveGroupResponse::NoContent)
            }
            .await,
        )
    }

    async fn create_group(
        &self,
        body: models::GroupCreateRequest,
        ctx: &RequestContext,
    ) -> Result<CreateGroupResponse, ApiError> {
        reply(
            async {
                let kind = body.r#type.map(convert::group_type);
                let gid = self.app.create_group(caller(ctx)?, Name::parse(&body.name, "name")?, kind).await?;
                Ok(CreateGroupResponse::Created { location: location(format!("/groups/{gid}")) })
            }
            .await,
        )
    }

    async fn list_groups(
        &self,
        limit: Option<u32>,
        after: Option<String>,
        ctx: &RequestContext,
    ) -> Result<ListGroupsResponse, ApiError> {
        reply(
            async {
                let request = page_request(limit, after)?;
                let page = self.app.list_groups(caller(ctx)?, request).await?;
                let (groups, next) = listed(page, request, "/groups", ctx);
                Ok(ListGroupsResponse::Ok { body: models::GroupList { groups, next: next.cursor }, link: next.link })
            }
            .await,
        )
    }

    async fn get_group(&self, id: String, ctx: &RequestContext) -> Result<GetGroupResponse, ApiError> {
        reply(
            async {
                let group = self.app.group(caller(ctx)?, &group_id(&id)?).await?;
                Ok(GetGroupResponse::Ok(group_model(group)))
            }
            .await,
        )
    }

    async fn modify_group(
        &self,
        id: String,
        body: models::GroupUpdateRequest,
        ctx: &RequestContext,
    ) -> Result<ModifyGroupResponse, ApiError> {
        reply(
            async {
                read_only("groupId", body.group_id.as_deref(), id.as_str())?;
                let name = body.name.as_deref().map(|n| Name::parse(n, "name")).transpose()?;
                let kind = body.r#type.map(convert::group_type);
                self.app.modify_group(caller(ctx)?, &group_id(&id)?, name, kind).await?;
                Ok(ModifyGroupResponse::NoContent)
            }
            .await,
        )
    }

    async fn remove_group(&self, id: String, ctx: &RequestContext) -> Result<RemoveGroupResponse, ApiError> {
        reply(
            async {
                self.app.remove_group(caller(ctx)?, &group_id(&id)?).await?;
                Ok(RemoveGroupResponse::NoContent)
            }
            .await,
        )
    }

    async fn list_group_users(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
        ctx: &RequestContext,
    ) -> Result<ListGroupUsersResponse, ApiError> {
        reply(
            async {
                let request = page_request(limit, after)?;
                let group = group_id(&id)?;
                let page = self.app.group_users(caller(ctx)?, &group, request).await?;
                let (users, next) = listed(page, request, &format!("/groups/{group}/users"), ctx);
                Ok(ListGroupUsersResponse::Ok { body: models::UserList { users, next: next.cursor }, link: next.link })
            }
            .await,
        )
    }

    async fn create_group_invite_token(
        &self,
        id: String,
        ctx: &RequestContext,
    ) -> Result<CreateGroupInviteTokenResponse, ApiError> {
        reply(
            async {
                let token = self.app.mint_invite(caller(ctx)?, &group_id(&id)?, Minting::Stored).await?;
                Ok(CreateGroupInviteTokenResponse::Ok(models::GroupInviteToken::new(token)))
            }
            .await,
        )
    }

    async fn get_group_invite_token(
        &self,
        id: String,
        ctx: &RequestContext,
    ) -> Result<GetGroupInviteTokenResponse, ApiError> {
        reply(
            async {
                let token = self.app.mint_invite(caller(ctx)?, &group_id(&id)?, minting(ctx)).await?;
                Ok(GetGroupInviteTokenResponse::Ok(models::GroupInviteToken::new(token)))
            }
            .await,
        )
    }

    async fn get_group_user(
        &self,
        id: String,
        uid: String,
        ctx: &RequestContext,
    ) -> Result<GetGroupUserResponse, ApiError> {
        reply(
            async {
                let user = self.app.group_user(caller(ctx)?, &group_id(&id)?, &user_id(&uid)?).await?;
                Ok(GetGroupUserResponse::Ok(user_model(user)))
            }
            .await,
        )
    }

    async fn remove_group_user(
        &self,
        id: String,
        uid: String,
        ctx: &RequestContext,
    ) -> Result<RemoveGroupUserResponse, ApiError> {
        reply(
            async {
                self.app.remove_group_user(caller(ctx)?, &group_id(&id)?, &user_id(&uid)?).await?;
                Ok(RemoveGroupUserResponse::NoContent)
            }
            .await,
        )
    }

    async fn get_group_user_privileges(
        &self,
        id: String,
        uid: String,
        ctx: &RequestContext,
    ) -> Result<GetGroupUserPrivilegesResponse, ApiError> {
        reply(
            async {
                let set = self.app.member_privileges(caller(ctx)?, &group_id(&id)?, &user_id(&uid)?).await?;
                Ok(GetGroupUserPrivilegesResponse::Ok(models::Privileges::new(convert::privilege_list(set))))
            }
            .await,
        )
    }

    async fn set_group_user_privileges(
        &self,
        id: String,
        uid: String,
        body: models::Privileges,
        ctx: &RequestContext,
    ) -> Result<SetGroupUserPrivilegesResponse, ApiError> {
        reply(
            async {
                let set = convert::privilege_set(&body.privileges);
                self.app.set_member_privileges(caller(ctx)?, &group_id(&id)?, &user_id(&uid)?, set).await?;
                Ok(SetGroupUserPrivilegesResponse::NoContent)
            }
            .await,
        )
    }

    async fn delete_current_user(&self, ctx: &RequestContext) -> Result<DeleteCurrentUserResponse, ApiError> {
        reply(
            async {
                self.app.delete_self(caller(ctx)?).await?;
                Ok(DeleteCurrentUserResponse::NoContent)
            }
            .await,
        )
    }

    async fn list_users(
        &self,
        limit: Option<u32>,
        after: Option<String>,
        ctx: &RequestContext,
    ) -> Result<ListUsersResponse, ApiError> {
        reply(
            async {
                let request = page_request(limit, after)?;
                let page = self.app.list_users(caller(ctx)?, request).await?;
                let (users, next) = listed(page, request, "/users", ctx);
                Ok(ListUsersResponse::Ok { body: models::UserList { users, next: next.cursor }, link: next.link })
            }
            .await,
        )
    }

    async fn get_user(&self, id: String, ctx: &RequestContext) -> Result<GetUserResponse, ApiError> {
        reply(
            async {
                let user = self.app.user(caller(ctx)?, &user_id(&id)?).await?;
                Ok(GetUserResponse::Ok(user_model(user)))
            }
            .await,
        )
    }

    async fn remove_user(&self, id: String, ctx: &RequestContext) -> Result<RemoveUserResponse, ApiError> {
        reply(
            async {
                self.app.delete_user(caller(ctx)?, &user_id(&id)?).await?;
                Ok(RemoveUserResponse::NoContent)
            }
            .await,
        )
    }

    async fn get_user_zone_privileges(
        &self,
        id: String,
        ctx: &RequestContext,
    ) -> Result<GetUserZonePrivilegesResponse, ApiError> {
        reply(
            async {
                let set = self.app.user_zone_privileges(caller(ctx)?, &user_id(&id)?).await?;
                Ok(GetUserZonePrivilegesResponse::Ok(zone_privileges_model(set)))
            }
            .await,
        )
    }

    async fn modify_user_zone_privileges(
        &self,
        id: String,
        body: models::ZonePrivilegesUpdate,
        ctx: &RequestContext,
    ) -> Result<ModifyUserZonePrivilegesResponse, ApiError> {
        reply(
            async {
                let change = convert::zone_change(&body);
                self.app.change_user_zone_privileges(caller(ctx)?, &user_id(&id)?, change).await?;
                Ok(ModifyUserZonePrivilegesResponse::NoContent)
            }
            .await,
        )
    }

    async fn remove_user_zone_privileges(
        &self,
        id: String,
        ctx: &RequestContext,
    ) -> Result<RemoveUserZonePrivilegesResponse, ApiError> {
        reply(
            async {
                let change = ZoneChange::Set(ZonePrivilegeSet::empty());
                self.app.change_user_zone_privileges(caller(ctx)?, &user_id(&id)?, change).await?;
                Ok(RemoveUserZonePrivilegesResponse::NoContent)
            }
            .await,
        )
    }

    async fn get_group_zone_privileges(
        &self,
        id: String,
        ctx: &RequestContext,
    ) -> Result<GetGroupZonePrivilegesResponse, ApiError> {
        reply(
            async {
                let set = self.app.group_zone_privileges(caller(ctx)?, &group_id(&id)?).await?;
                Ok(GetGroupZonePrivilegesResponse::Ok(zone_privileges_model(set)))
            }
            .await,
        )
    }

    async fn modify_group_zone_privileges(
        &self,
        id: String,
        body: models::ZonePrivilegesUpdate,
        ctx: &RequestContext,
    ) -> Result<ModifyGroupZonePrivilegesResponse, ApiError> {
        reply(
            async {
                let change = convert::zone_change(&body);
                self.app.change_group_zone_privileges(caller(ctx)?, &group_id(&id)?, change).await?;
                Ok(ModifyGroupZonePrivilegesResponse::NoContent)
            }
            .await,
        )
    }

    async fn remove_group_zone_privileges(
        &self,
        id: String,
        ctx: &RequestContext,
    ) -> Result<RemoveGroupZonePrivilegesResponse, ApiError> {
        reply(
            async {
                let change = ZoneChange::Set(ZonePrivilegeSet::empty());
                self.app.change_group_zone_privileges(caller(ctx)?, &group_id(&id)?, change).await?;
                Ok(RemoveGroupZonePrivilegesResponse::NoContent)
            }
            .await,
        )
    }

    async fn add_group_user(
        &self,
        id: String,
        uid: String,
        body: Option<models::Privileges>,
        ctx: &RequestContext,
    ) -> Result<AddGroupUserResponse, ApiError> {
        reply(
            async {
                let (group, user) = (group_id(&id)?, user_id(&uid)?);
                let privileges = body.map(|body| convert::privilege_set(&body.privileges));
                self.app.add_group_user(caller(ctx)?, &group, &user, privileges).await?;
                Ok(AddGroupUserResponse::Created { location: location(format!("/groups/{group}/users/{user}")) })
            }
            .await,
        )
    }
    // --- nested groups (issue 12) --------------------------------------------------------------

    async fn list_nested_groups(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
        ctx: &RequestContext,
    ) -> Result<ListNestedGroupsResponse, ApiError> {
        reply(
            async {
                let request = page_request(limit, after)?;
                let group = group_id(&id)?;
                let page = self.app.nested_groups(caller(ctx)?, &group, request).await?;
                let (nested_groups, next) = listed(page, request, &format!("/groups/{group}/nested"), ctx);
                Ok(ListNestedGroupsResponse::Ok {
                    body: models::NestedGroupList { nested_groups, next: next.cursor },
                    link: next.link,
                })
            }
            .await,
        )
    }

    async fn create_nested_group_invite_token(
        &self,
        id: String,
        ctx: &RequestContext,
    ) -> Result<CreateNestedGroupInviteTokenResponse, ApiError> {
        reply(
            async {
                let token = self.app.mint_group_invite(caller(ctx)?, &group_id(&id)?, Minting::Stored).await?;
                Ok(CreateNestedGroupInviteTokenResponse::Ok(models::GroupInviteToken::new(token)))
            }
            .await,
        )
    }

    async fn get_nested_group_invite_token(
        &self,
        id: String,
        ctx: &RequestContext,
    ) -> Result<GetNestedGroupInviteTokenResponse, ApiError> {
        reply(
            async {
                let token = self.app.mint_group_invite(caller(ctx)?, &group_id(&id)?, minting(ctx)).await?;
                Ok(GetNestedGroupInviteTokenResponse::Ok(models::GroupInviteToken::new(token)))
            }
            .await,
        )
    }

    async fn join_nested_group(
        &self,
        id: String,
        body: models::GroupInviteToken,
        ctx: &RequestContext,
    ) -> Result<JoinNestedGroupResponse, ApiError> {
        reply(
            async {
                let child = group_id(&id)?;
                let parent = self.app.join_nested_group(caller(ctx)?, &child, &body.token, ctx.client).await?;
                Ok(JoinNestedGroupResponse::Created { location: location(format!("/groups/{child}/parent/{parent}")) })
            }
            .await,
        )
    }

    async fn get_nested_group(
        &self,
        id: String,
        nid: String,
        ctx: &RequestContext,
    ) -> Result<GetNestedGroupResponse, ApiError> {
        reply(
            async {
                let group = self.app.nested_group(caller(ctx)?, &group_id(&id)?, &group_id(&nid)?).await?;
                Ok(GetNestedGroupResponse::Ok(group_model(group)))
            }
            .await,
        )
    }

    async fn remove_nested_group(
        &self,
        id: String,
        nid: String,
        ctx: &RequestContext,
    ) -> Result<RemoveNestedGroupResponse, ApiError> {
        reply(
            async {
                self.app.remove_nested_group(caller(ctx)?, &group_id(&id)?, &group_id(&nid)?).await?;
                Ok(RemoveNestedGroupResponse::NoContent)
            }
            .await,
        )
    }

    async fn get_nested_group_privileges(
        &self,
        id: String,
        nid: String,
        ctx: &RequestContext,
    ) -> Result<GetNestedGroupPrivilegesResponse, ApiError> {
        reply(
            async {
                let set = self.app.nested_group_privileges(caller(ctx)?, &group_id(&id)?, &group_id(&nid)?).await?;
                Ok(GetNestedGroupPrivilegesResponse::Ok(models::Privileges::new(convert::privilege_list(set))))
            }
            .await,
        )
    }

    async fn set_nested_group_privileges(
        &self,
        id: String,
        nid: String,
        body: models::Privileges,
        ctx: &RequestContext,
    ) -> Result<SetNestedGroupPrivilegesResponse, ApiError> {
        reply(
            async {
                let set = convert::privilege_set(&body.privileges);
                self.app.set_nested_group_privileges(caller(ctx)?, &group_id(&id)?, &group_id(&nid)?, set).await?;
                Ok(SetNestedGroupPrivilegesResponse::NoContent)
            }
            .await,
        )
    }

    async fn list_parent_groups(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
        ctx: &RequestContext,
    ) -> Result<ListParentGroupsResponse, ApiError> {
        reply(
            async {
                let request = page_request(limit, after)?;
                let group = group_id(&id)?;
                let page = self.app.parent_groups(caller(ctx)?, &group, request).await?;
                let (parent_groups, next) = listed(page, request, &format!("/groups/{group}/parent"), ctx);
                Ok(ListParentGroupsResponse::Ok {
                    body: models::ParentGroupList { parent_groups, next: next.cursor },
                    link: next.link,
                })
            }
            .await,
        )
    }

    async fn get_parent_group(
        &self,
        id: String,
        pid: String,
        ctx: &RequestContext,
    ) -> Result<GetParentGroupResponse, ApiError> {
        reply(
            async {
                let group = self.app.parent_group(caller(ctx)?, &group_id(&id)?, &group_id(&pid)?).await?;
                Ok(GetParentGroupResponse::Ok(group_model(group)))
            }
            .await,
        )
    }

    async fn list_group_effective_users(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
        ctx: &RequestContext,
    ) -> Result<ListGroupEffectiveUsersResponse, ApiError> {
        reply(
            async {
                let request = page_request(limit, after)?;
                let group = group_id(&id)?;
                let page = self.app.effective_users(caller(ctx)?, &group, request).await?;
                let (users, next) = listed(page, request, &format!("/groups/{group}/effective_users"), ctx);
                Ok(ListGroupEffectiveUsersResponse::Ok {
                    body: models::UserList { users, next: next.cursor },
                    link: next.link,
                })
            }
            .await,
        )
    }

    async fn get_group_effective_user(
        &self,
        id: String,
        uid: String,
        ctx: &RequestContext,
    ) -> Result<GetGroupEffectiveUserResponse, ApiError> {
        reply(
            async {
                let user = self.app.effective_user(caller(ctx)?, &group_id(&id)?, &user_id(&uid)?).await?;
                Ok(GetGroupEffectiveUserResponse::Ok(user_model(user)))
            }
            .await,
        )
    }

    async fn get_group_effective_user_privileges(
        &self,
        id: String,
        uid: String,
        ctx: &RequestContext,
    ) -> Result<GetGroupEffectiveUserPrivilegesResponse, ApiError> {
        reply(
            async {
                let set = self.app.effective_user_privileges(caller(ctx)?, &group_id(&id)?, &user_id(&uid)?).await?;
                Ok(GetGroupEffectiveUserPrivilegesResponse::Ok(models::Privileges::new(convert::privilege_list(set))))
            }
            .await,
        )
    }

    async fn list_user_effective_groups(
        &self,
        limit: Option<u32>,
        after: Option<String>,
        ctx: &RequestContext,
    ) -> Result<ListUserEffectiveGroupsResponse, ApiError> {
        reply(
            async {
                let request = page_request(limit, after)?;
                let page = self.app.user_effective_groups(caller(ctx)?, request).await?;
                let (effective_groups, next) = listed(page, request, "/user/effective_groups", ctx);
                Ok(ListUserEffectiveGroupsResponse::Ok {
                    body: models::EffectiveGroupList { effective_groups, next: next.cursor },
                    link: next.link,
                })
            }
            .await,
        )
    }

    async fn get_user_effective_group(
        &self,
        gid: String,
        ctx: &RequestContext,
    ) -> Result<GetUserEffectiveGroupResponse, ApiError> {
        reply(
            async {
                let group = self.app.user_group(caller(ctx)?, &group_id(&gid)?).await?;
                Ok(GetUserEffectiveGroupResponse::Ok(group_model(group)))
            }
            .await,
        )
    }

    // --- named invite tokens and join records (issue 13) ---------------------------------------

    async fn create_named_token(
        &self,
        body: models::NamedTokenCreateRequest,
        ctx: &RequestContext,
    ) -> Result<CreateNamedTokenResponse, ApiError> {
        reply(
            async {
                let new = invites::new_named_token(body)?;
                let (id, token) = self.app.create_named_token(caller(ctx)?, new).await?;
                let location = location(format!("/tokens/named/{id}"));
                Ok(CreateNamedTokenResponse::Created {
                    body: models::NamedTokenCreateResponse::new(id, token),
                    location,
                })
            }
            .await,
        )
    }

    async fn list_named_tokens(
        &self,
        limit: Option<u32>,
        after: Option<String>,
        ctx: &RequestContext,
    ) -> Result<ListNamedTokensResponse, ApiError> {
        reply(
            async {
                let request = page_request(limit, after)?;
                let listing = self.app.named_tokens(caller(ctx)?, request).await?;
                let (tokens, next) = listed(listing, request, "/user/tokens/named", ctx);
                Ok(ListNamedTokensResponse::Ok {
                    body: models::TokenList { tokens, next: next.cursor },
                    link: next.link,
                })
            }
            .await,
        )
    }

    async fn delete_named_tokens(&self, ctx: &RequestContext) -> Result<DeleteNamedTokensResponse, ApiError> {
        reply(
            async {
                self.app.delete_named_tokens(caller(ctx)?).await?;
                Ok(DeleteNamedTokensResponse::NoContent)
            }
            .await,
        )
    }

    async fn get_named_token_by_name(
        &self,
        name: String,
        ctx: &RequestContext,
    ) -> Result<GetNamedTokenByNameResponse, ApiError> {
        reply(
            async {
                // A name no token can have names none: 404, as for an unknown one.
                let name = Name::parse(&name, "name").map_err(|_| Error::NotFound)?;
                let view = self.app.named_token_by_name(caller(ctx)?, &name).await?;
                Ok(GetNamedTokenByNameResponse::Ok(invites::named_token_model(view)?))
            }
            .await,
        )
    }

    async fn get_named_token(&self, id: String, ctx: &RequestContext) -> Result<GetNamedTokenResponse, ApiError> {
        reply(
            async {
                let view = self.app.named_token(caller(ctx)?, &id).await?;
                Ok(GetNamedTokenResponse::Ok(invites::named_token_model(view)?))
            }
            .await,
        )
    }

    async fn modify_named_token(
        &self,
        id: String,
        body: models::NamedTokenUpdateRequest,
        ctx: &RequestContext,
    ) -> Result<ModifyNamedTokenResponse, ApiError> {
        reply(
            async {
                let update = invites::named_token_update(body)?;
                self.app.update_named_token(caller(ctx)?, &id, update).await?;
                Ok(ModifyNamedTokenResponse::NoContent)
            }
            .await,
        )
    }

    async fn delete_named_token(&self, id: String, ctx: &RequestContext) -> Result<DeleteNamedTokenResponse, ApiError> {
        reply(
            async {
                self.app.delete_named_token(caller(ctx)?, &id).await?;
                Ok(DeleteNamedTokenResponse::NoContent)
            }
            .await,
        )
    }

    async fn list_token_joins(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
        ctx: &RequestContext,
    ) -> Result<ListTokenJoinsResponse, ApiError> {
        reply(
            async {
                let request = page_request(limit, after)?;
                let listing = self.app.token_joins(caller(ctx)?, &id, request).await?;
                ctx.follow_with(listing.rest.map(|rest| chunks(rest, |join| Ok(invites::join_record_model(join)))));
                let next = next_page(listing.page.next, request, &format!("/tokens/named/{id}/joins"));
                let joins = listing.page.items.into_iter().map(invites::join_record_model).collect();
                Ok(ListTokenJoinsResponse::Ok {
                    body: models::JoinRecordList { joins, next: next.cursor },
                    link: next.link,
                })
            }
            .await,
        )
    }

    async fn get_group_user_origin(
        &self,
        id: String,
        uid: String,
        ctx: &RequestContext,
    ) -> Result<GetGroupUserOriginResponse, ApiError> {
        reply(
            async {
                let origin = self.app.member_origin(caller(ctx)?, &group_id(&id)?, &user_id(&uid)?).await?;
                Ok(GetGroupUserOriginResponse::Ok(invites::origin_model(origin)))
            }
            .await,
        )
    }

    async fn list_group_invites(
        &self,
        id: String,
        limit: Option<u32>,
        after: Option<String>,
        ctx: &RequestContext,
    ) -> Result<ListGroupInvitesResponse, ApiError> {
        reply(
            async {
                let request = page_request(limit, after)?;
                let group = group_id(&id)?;
                let listing = self.app.group_invites(caller(ctx)?, &group, request).await?;
                ctx.follow_with(listing.rest.map(|rest| chunks(rest, invites::invite_model)));
                let next = next_page(listing.page.next, request, &format!("/groups/{group}/invites"));
                let invites = listing.page.items.into_iter().map(invites::invite_model).collect::<Result<_, _>>()?;
                Ok(ListGroupInvitesResponse::Ok {
                    body: models::InviteList { invites, next: next.cursor },
                    link: next.link,
                })
            }
            .await,
        )
    }
}

#[cfg(test)]
mod read_only_tests {
    use super::*;

    #[test]
    fn a_read_only_member_is_ignored_when_absent_or_equal_and_refused_naming_it_when_it_differs() {
        assert_eq!(read_only("groupId", None, "g1"), Ok(()));
        assert_eq!(read_only("groupId", Some("g1"), "g1"), Ok(()));
        let Err(Error::InvalidRequest(sentence)) = read_only("groupId", Some("g2"), "g1") else {
            panic!("a contradicting member is refused as an invalid request")
        };
        assert!(sentence.contains("'groupId'") && !sentence.contains("g2"), "{sentence}");
        let list = vec!["a".to_owned()];
        assert_eq!(read_only("emailList", Some(&list), &list), Ok(()));
        assert!(read_only("emailList", Some(&Vec::new()), &list).is_err());
    }
}
