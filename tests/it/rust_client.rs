//! The Rust client that openapi-generator writes from our spec (the generated crate's `client`
//! feature: plain HTTP, no OpenSSL) drives README's walk-through against a real server: create
//! a group, mint an invite, a second user joins with it, list the members, read and set
//! privileges, leave, and an error in the `{"error","error_description"}` shape.

use oz_groups_api::client::Client;
use oz_groups_api::models::{self, Privilege};
use oz_groups_api::{
    ApiNoContext, ContextWrapperExt, CreateGroupForUserResponse, CreateGroupInviteTokenResponse,
    GetCurrentUserResponse, GetGroupUserPrivilegesResponse, JoinGroupResponse, LeaveGroupResponse,
    ListGroupUsersResponse, SetGroupUserPrivilegesResponse,
};
use swagger::{AuthData, ContextBuilder, EmptyContext, Push, XSpanIdString};

use crate::all_backends;
use crate::support::{spawn_app, Backend, API_ROOT};

type ClientContext = swagger::make_context_ty!(ContextBuilder, EmptyContext, Option<AuthData>, XSpanIdString);

/// A generated client for the server at `root` that sends `token` (in `X-Auth-Token`, the
/// first API-key scheme the spec declares).
fn client(root: &str, token: &str) -> impl ApiNoContext<ClientContext> {
    let context: ClientContext = swagger::make_context!(
        ContextBuilder,
        EmptyContext,
        Some(AuthData::ApiKey(token.to_owned())),
        XSpanIdString::default()
    );
    Client::try_new_http(root).expect("a plain-HTTP client for the test server").with_context(context)
}

async fn the_generated_rust_client_runs_the_readme_walk_through(backend: Backend) {
    let app = spawn_app(backend).await;
    let alice = client(&app.root, &app.admin_token);
    let (bob_id, bob_token) = app.user("bob").await;
    let bob = client(&app.root, &bob_token);

    // Alice creates a group; its id is the last segment of Location.
    let created = alice.create_group_for_user(models::GroupCreateRequest::new("Research".into())).await.unwrap();
    let CreateGroupForUserResponse::Created { location } = created else { panic!("{created:?}") };
    let gid =
        location.strip_prefix(&format!("{API_ROOT}/user/groups/")).expect("Location under /user/groups").to_owned();

    // She mints an invite; Bob joins with it, once.
    let minted = alice.create_group_invite_token(gid.clone()).await.unwrap();
    let CreateGroupInviteTokenResponse::Ok(invite) = minted else { panic!("{minted:?}") };
    let joined = bob.join_group(invite.clone()).await.unwrap();
    assert_eq!(joined, JoinGroupResponse::Created { location: format!("{API_ROOT}/user/groups/{gid}") });

    // Both are members, Bob with the default privileges.
    let members = alice.list_group_users(gid.clone(), None, None).await.unwrap();
    let ListGroupUsersResponse::Ok { body, link: None } = members else { panic!("{members:?}") };
    let GetCurrentUserResponse::Ok(me) = alice.get_current_user().await.unwrap() else { panic!("GET /user") };
    let users: Vec<String> = body.users.iter().map(ToString::to_string).collect();
    assert_eq!(users, [me.user_id, bob_id.clone()]);
    let read = alice.get_group_user_privileges(gid.clone(), bob_id.clone()).await.unwrap();
    assert_eq!(read, GetGroupUserPrivilegesResponse::Ok(models::Privileges::new(vec![Privilege::GroupViewData])));

    // Alice lets Bob invite others too.
    let wanted = vec![Privilege::GroupViewData, Privilege::GroupInviteUser];
    let set = alice.set_group_user_privileges(gid.clone(), bob_id.clone(), models::Privileges::new(wanted.clone()));
    assert_eq!(set.await.unwrap(), SetGroupUserPrivilegesResponse::NoContent);
    let read = alice.get_group_user_privileges(gid.clone(), bob_id.clone()).await.unwrap();
    assert_eq!(read, GetGroupUserPrivilegesResponse::Ok(models::Privileges::new(wanted)));

    // Bob leaves; the spent invite is then refused with the contract's error shape.
    assert_eq!(bob.leave_group(gid.clone()).await.unwrap(), LeaveGroupResponse::NoContent);
    assert_eq!(app.members(&gid).await.len(), 1);
    let again = bob.join_group(invite).await.unwrap();
    let JoinGroupResponse::BadRequest(error) = again else { panic!("{again:?}") };
    assert_eq!(error.error, "invalid_token");
    assert!(!error.error_description.is_empty());
}

all_backends! {
    the_generated_rust_client_runs_the_readme_walk_through,
}
