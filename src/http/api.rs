//! The adapter: implements the generated `Api` trait. Each operation converts generated models
//! into domain values, calls one service method, and converts the result back into the
//! operation's generated response enum. No rules live here and no SQL is written here.

use async_trait::async_trait;
use oz_groups_api::models;
use oz_groups_api::*;
use swagger::{ApiError, Nullable};

use super::context::RequestContext;
use super::error;
use crate::domain::{Error, GroupId, GroupType, Name, Privilege, PrivilegeSet, User, UserId};
use crate::service::App;

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

/// Turns a `Result<Response, domain::Error>` into the operation's response enum: the error
/// becomes the variant declared for its status (the body comes from `http::error`, the one
/// mapping; every operation declares 500 and 503). A status the spec does not declare for the
/// operation is a bug, answered as 500.
macro_rules! reply {
    ($result:expr, $resp:ident { $($status:literal => $variant:ident),* $(,)? }) => {{
        let result: Result<$resp, Error> = $result;
        Ok(match result {
            Ok(response) => response,
            Err(err) => {
                let (status, body) = error::to_model(&err);
                match status.as_u16() {
                    $($status => $resp::$variant(body),)*
                    500 => $resp::InternalError(body),
                    503 => $resp::ServiceUnavailable { body, retry_after: error::RETRY_AFTER_SECS },
                    other => {
                        let bug = Error::internal(format!("{} does not declare status {other}", stringify!($resp)));
                        $resp::InternalError(error::to_model(&bug).1)
                    }
                }
            }
        })
    }};
}

fn caller(ctx: &RequestContext) -> Result<&User, Error> {
    // The gate authenticates every secured operation before the generated code runs; an
    // operation without a caller here would be a spec change the gate did not see.
    ctx.caller.as_ref().ok_or(Error::Unauthorized)
}

/// An id from the path. One that cannot be an id names nothing: 404, as for an unknown one.
fn group_id(raw: &str) -> Result<GroupId, Error> {
    GroupId::parse(raw).ok_or(Error::NotFound)
}

fn user_id(raw: &str) -> Result<UserId, Error> {
    UserId::parse(raw).ok_or(Error::NotFound)
}

fn group_type(t: models::GroupType) -> Result<GroupType, Error> {
    GroupType::parse(&t.to_string()).ok_or_else(|| Error::InvalidRequest("Unknown group type.".into()))
}

fn privileges(list: &[models::Privilege]) -> Result<PrivilegeSet, Error> {
    list.iter()
        .map(|p| Privilege::parse(&p.to_string()).ok_or_else(|| Error::InvalidRequest("Unknown privilege.".into())))
        .collect()
}

fn location(path: String) -> String {
    format!("{BASE_PATH}{path}")
}

fn ids<T: ToString>(items: Vec<T>) -> Vec<models::Id> {
    items.into_iter().map(|i| models::Id::from(i.to_string())).collect()
}

fn user_model(user: User) -> models::User {
    let alias = user.alias.map_or(Nullable::Null, |a| Nullable::Present(a.as_str().to_owned()));
    models::User::new(user.id.to_string(), user.name.as_str().to_owned(), alias)
}

fn group_model(group: crate::domain::Group) -> models::Group {
    let kind = group.kind.as_str().parse().unwrap_or(models::GroupType::Role);
    models::Group::new(group.id.to_string(), group.name.as_str().to_owned(), kind)
}

#[async_trait]
impl Api<RequestContext> for Adapter {
    async fn get_current_user(&self, ctx: &RequestContext) -> Result<GetCurrentUserResponse, ApiError> {
        reply!(caller(ctx).map(|u| GetCurrentUserResponse::Ok(user_model(u.clone()))), GetCurrentUserResponse {})
    }

    async fn modify_current_user(
        &self,
        body: models::UserUpdateRequest,
        ctx: &RequestContext,
    ) -> Result<ModifyCurrentUserResponse, ApiError> {
        reply!(
            async {
                let name = body.name.as_deref().map(|n| Name::parse(n, "name")).transpose()?;
                // The spec's `Alias`: an empty string clears it.
                let alias = match body.alias.as_deref() {
                    None => None,
                    Some("") => Some(None),
                    Some(a) => Some(Some(Name::parse(a, "alias")?)),
                };
                self.app.modify_user(caller(ctx)?, name, alias).await?;
                Ok(ModifyCurrentUserResponse::NoContent)
            }
            .await,
            ModifyCurrentUserResponse { 400 => BadRequest }
        )
    }

    async fn create_client_token(&self, ctx: &RequestContext) -> Result<CreateClientTokenResponse, ApiError> {
        reply!(
            async {
                let token = self.app.mint_access_token(&caller(ctx)?.id).await?;
                Ok(CreateClientTokenResponse::Ok(models::AccessToken::new(token)))
            }
            .await,
            CreateClientTokenResponse {}
        )
    }

    async fn list_user_groups(&self, ctx: &RequestContext) -> Result<ListUserGroupsResponse, ApiError> {
        reply!(
            async {
                let groups = self.app.user_groups(caller(ctx)?).await?;
                Ok(ListUserGroupsResponse::Ok(models::GroupList::new(ids(groups))))
            }
            .await,
            ListUserGroupsResponse {}
        )
    }

    async fn create_group_for_user(
        &self,
        body: models::GroupCreateRequest,
        ctx: &RequestContext,
    ) -> Result<CreateGroupForUserResponse, ApiError> {
        reply!(
            async {
                let kind = body.r#type.map(group_type).transpose()?;
                let gid = self.app.create_group(caller(ctx)?, Name::parse(&body.name, "name")?, kind).await?;
                Ok(CreateGroupForUserResponse::Created { location: location(format!("/user/groups/{gid}")) })
            }
            .await,
            CreateGroupForUserResponse { 400 => BadRequest }
        )
    }

    async fn join_group(
        &self,
        body: models::GroupInviteToken,
        ctx: &RequestContext,
    ) -> Result<JoinGroupResponse, ApiError> {
        reply!(
            async {
                let gid = self.app.join_group(caller(ctx)?, &body.token).await?;
                Ok(JoinGroupResponse::Created { location: location(format!("/user/groups/{gid}")) })
            }
            .await,
            JoinGroupResponse { 400 => BadRequest, 403 => Forbidden, 404 => NotFound, 409 => Conflict }
        )
    }

    async fn get_user_group(&self, gid: String, ctx: &RequestContext) -> Result<GetUserGroupResponse, ApiError> {
        reply!(
            async {
                let group = self.app.user_group(caller(ctx)?, &group_id(&gid)?).await?;
                Ok(GetUserGroupResponse::Ok(group_model(group)))
            }
            .await,
            GetUserGroupResponse { 404 => NotFound }
        )
    }

    async fn leave_group(&self, gid: String, ctx: &RequestContext) -> Result<LeaveGroupResponse, ApiError> {
        reply!(
            async {
                self.app.leave_group(caller(ctx)?, &group_id(&gid)?).await?;
                Ok(LeaveGroupResponse::NoContent)
            }
            .await,
            LeaveGroupResponse { 404 => NotFound }
        )
    }

    async fn create_group(
        &self,
        body: models::GroupCreateRequest,
        ctx: &RequestContext,
    ) -> Result<CreateGroupResponse, ApiError> {
        reply!(
            async {
                let kind = body.r#type.map(group_type).transpose()?;
                let gid = self.app.create_group(caller(ctx)?, Name::parse(&body.name, "name")?, kind).await?;
                Ok(CreateGroupResponse::Created { location: location(format!("/groups/{gid}")) })
            }
            .await,
            CreateGroupResponse { 400 => BadRequest }
        )
    }

    async fn list_groups(&self, ctx: &RequestContext) -> Result<ListGroupsResponse, ApiError> {
        reply!(
            async {
                let groups = self.app.list_groups(caller(ctx)?).await?;
                Ok(ListGroupsResponse::Ok(models::GroupList::new(ids(groups))))
            }
            .await,
            ListGroupsResponse { 403 => Forbidden }
        )
    }

    async fn get_group(&self, id: String, ctx: &RequestContext) -> Result<GetGroupResponse, ApiError> {
        reply!(
            async {
                let group = self.app.group(caller(ctx)?, &group_id(&id)?).await?;
                Ok(GetGroupResponse::Ok(group_model(group)))
            }
            .await,
            GetGroupResponse { 403 => Forbidden, 404 => NotFound }
        )
    }

    async fn modify_group(
        &self,
        id: String,
        body: models::GroupUpdateRequest,
        ctx: &RequestContext,
    ) -> Result<ModifyGroupResponse, ApiError> {
        reply!(
            async {
                let name = body.name.as_deref().map(|n| Name::parse(n, "name")).transpose()?;
                let kind = body.r#type.map(group_type).transpose()?;
                self.app.modify_group(caller(ctx)?, &group_id(&id)?, name, kind).await?;
                Ok(ModifyGroupResponse::NoContent)
            }
            .await,
            ModifyGroupResponse { 400 => BadRequest, 403 => Forbidden, 404 => NotFound }
        )
    }

    async fn remove_group(&self, id: String, ctx: &RequestContext) -> Result<RemoveGroupResponse, ApiError> {
        reply!(
            async {
                self.app.remove_group(caller(ctx)?, &group_id(&id)?).await?;
                Ok(RemoveGroupResponse::NoContent)
            }
            .await,
            RemoveGroupResponse { 403 => Forbidden, 404 => NotFound }
        )
    }

    async fn list_group_users(&self, id: String, ctx: &RequestContext) -> Result<ListGroupUsersResponse, ApiError> {
        reply!(
            async {
                let users = self.app.group_users(caller(ctx)?, &group_id(&id)?).await?;
                Ok(ListGroupUsersResponse::Ok(models::UserList::new(ids(users))))
            }
            .await,
            ListGroupUsersResponse { 403 => Forbidden, 404 => NotFound }
        )
    }

    async fn create_group_invite_token(
        &self,
        id: String,
        ctx: &RequestContext,
    ) -> Result<CreateGroupInviteTokenResponse, ApiError> {
        reply!(
            async {
                let token = self.app.mint_invite(caller(ctx)?, &group_id(&id)?).await?;
                Ok(CreateGroupInviteTokenResponse::Ok(models::GroupInviteToken::new(token)))
            }
            .await,
            CreateGroupInviteTokenResponse { 403 => Forbidden, 404 => NotFound }
        )
    }

    async fn get_group_invite_token(
        &self,
        id: String,
        ctx: &RequestContext,
    ) -> Result<GetGroupInviteTokenResponse, ApiError> {
        reply!(
            async {
                let token = self.app.mint_invite(caller(ctx)?, &group_id(&id)?).await?;
                Ok(GetGroupInviteTokenResponse::Ok(models::GroupInviteToken::new(token)))
            }
            .await,
            GetGroupInviteTokenResponse { 403 => Forbidden, 404 => NotFound }
        )
    }

    async fn get_group_user(
        &self,
        id: String,
        uid: String,
        ctx: &RequestContext,
    ) -> Result<GetGroupUserResponse, ApiError> {
        reply!(
            async {
                let user = self.app.group_user(caller(ctx)?, &group_id(&id)?, &user_id(&uid)?).await?;
                Ok(GetGroupUserResponse::Ok(user_model(user)))
            }
            .await,
            GetGroupUserResponse { 403 => Forbidden, 404 => NotFound }
        )
    }

    async fn remove_group_user(
        &self,
        id: String,
        uid: String,
        ctx: &RequestContext,
    ) -> Result<RemoveGroupUserResponse, ApiError> {
        reply!(
            async {
                self.app.remove_group_user(caller(ctx)?, &group_id(&id)?, &user_id(&uid)?).await?;
                Ok(RemoveGroupUserResponse::NoContent)
            }
            .await,
            RemoveGroupUserResponse { 403 => Forbidden, 404 => NotFound }
        )
    }

    async fn get_group_user_privileges(
        &self,
        id: String,
        uid: String,
        ctx: &RequestContext,
    ) -> Result<GetGroupUserPrivilegesResponse, ApiError> {
        reply!(
            async {
                let set = self.app.member_privileges(caller(ctx)?, &group_id(&id)?, &user_id(&uid)?).await?;
                let list = set.iter().filter_map(|p| p.as_str().parse().ok()).collect();
                Ok(GetGroupUserPrivilegesResponse::Ok(models::Privileges::new(list)))
            }
            .await,
            GetGroupUserPrivilegesResponse { 403 => Forbidden, 404 => NotFound }
        )
    }

    async fn set_group_user_privileges(
        &self,
        id: String,
        uid: String,
        body: models::Privileges,
        ctx: &RequestContext,
    ) -> Result<SetGroupUserPrivilegesResponse, ApiError> {
        reply!(
            async {
                let set = privileges(&body.privileges)?;
                self.app.set_member_privileges(caller(ctx)?, &group_id(&id)?, &user_id(&uid)?, set).await?;
                Ok(SetGroupUserPrivilegesResponse::NoContent)
            }
            .await,
            SetGroupUserPrivilegesResponse { 400 => BadRequest, 403 => Forbidden, 404 => NotFound }
        )
    }
}
