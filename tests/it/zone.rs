//! Zone administration (contract §3 "Users and zone administration", §7): the nine zone
//! privileges held by users and by groups, each opening exactly its operations (403 without it,
//! or 404 where a group's existence is hidden), the users list, reading and deleting users, and
//! adding a member without an invite.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::all_backends;
use crate::support::spawn_app;
use crate::support::{assert_error, strings, Backend, TestApp, API_ROOT};

const NINE: [&str; 9] = [
    "view_privileges",
    "set_privileges",
    "list_users",
    "list_groups",
    "oz_users_delete",
    "oz_groups_list_users",
    "oz_groups_list_groups",
    "oz_groups_add_members",
    "oz_groups_remove_members",
];

const NOBODY: &str = "ffffffffffffffffffffffffffffffff";

/// Changes the zone privileges of the user `uid` as the admin.
async fn patch_user(app: &TestApp, uid: &str, body: Value) {
    app.patch_json(&format!("/users/{uid}/privileges"), &app.admin_token, &body).await.expect(StatusCode::NO_CONTENT);
}

/// The zone privileges of `path` (`/users/{id}` or `/groups/{id}`) as the admin reads them.
async fn zone_of(app: &TestApp, path: &str) -> Vec<String> {
    let body = app.get(&format!("{path}/privileges"), &app.admin_token).await.expect(StatusCode::OK).json();
    strings(&body["privileges"])
}

/// One row of the table: method, path, body, the privilege that opens it, its success status
/// and the refusal without it.
type Case = (Method, String, Option<Value>, &'static str, StatusCode, StatusCode);

async fn call(app: &TestApp, method: Method, path: &str, token: &str, body: Option<Value>) -> (StatusCode, String) {
    let request = app.request(method, path).auth(token);
    let reply = match body {
        Some(body) => request.json(&body).send().await,
        None => request.send().await,
    };
    (reply.status, reply.text())
}

async fn the_admin_holds_all_nine_zone_privileges_and_a_new_user_none(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.user_id(&app.admin_token).await;
    assert_eq!(zone_of(&app, &format!("/users/{admin}")).await, NINE);
    let (uid, _) = app.user("plain").await;
    assert_eq!(zone_of(&app, &format!("/users/{uid}")).await, Vec::<String>::new());
    let reply = app.get(&format!("/users/{admin}/privileges"), &app.admin_token).await.expect(StatusCode::OK);
    assert_eq!(reply.json(), json!({ "privileges": NINE }));
}

/// For each zone privilege (and for none), a fresh user holding only it, who is a member of no
/// group, tries every operation that a zone privilege opens: the one it holds answers, the
/// others are 403, or 404 on a group whose existence is hidden from it.
async fn each_zone_privilege_opens_exactly_its_operations(backend: Backend) {
    let app = spawn_app(backend).await;
    for held in NINE.iter().copied().map(Some).chain([None]) {
        let (_, owner) = app.user("owner").await;
        let gid = app.create_group(&owner, "Team").await;
        let owner_id = app.user_id(&owner).await;
        let (member_id, member) = app.user("member").await;
        app.join_ok(&member, &app.invite(&owner, &gid).await).await;
        let (newcomer_id, _) = app.user("newcomer").await;
        let (victim_id, _) = app.user("victim").await;
        let (uid, token) = app.user("holder").await;
        if let Some(p) = held {
            patch_user(&app, &uid, json!({ "privileges": [p] })).await;
        }
        let g = format!("/groups/{gid}");
        let empty_grant = json!({ "privileges": [], "operation": "grant" });
        // (method, path, body, the privilege that opens it, success, refusal)
        let cases: Vec<Case> = vec![
            (Method::GET, "/users".into(), None, "list_users", StatusCode::OK, StatusCode::FORBIDDEN),
            (Method::GET, format!("/users/{owner_id}"), None, "list_users", StatusCode::OK, StatusCode::FORBIDDEN),
            (Method::GET, "/groups".into(), None, "list_groups", StatusCode::OK, StatusCode::FORBIDDEN),
            (Method::GET, g.clone(), None, "list_groups", StatusCode::OK, StatusCode::NOT_FOUND),
            (Method::GET, format!("{g}/users"), None, "oz_groups_list_users", StatusCode::OK, StatusCode::NOT_FOUND),
            (
                Method::GET,
                format!("{g}/users/{member_id}"),
                None,
                "oz_groups_list_users",
                StatusCode::OK,
                StatusCode::NOT_FOUND,
            ),
            (
                Method::GET,
                format!("{g}/users/{member_id}/privileges"),
                None,
                "oz_groups_list_users",
                StatusCode::OK,
                StatusCode::NOT_FOUND,
            ),
            (
                Method::GET,
                format!("/users/{owner_id}/privileges"),
                None,
                "view_privileges",
                StatusCode::OK,
                StatusCode::FORBIDDEN,
            ),
            (Method::GET, format!("{g}/privileges"), None, "view_privileges", StatusCode::OK, StatusCode::NOT_FOUND),
            (
                Method::PATCH,
                format!("/users/{owner_id}/privileges"),
                Some(empty_grant.clone()),
                "set_privileges",
                StatusCode::NO_CONTENT,
                StatusCode::FORBIDDEN,
            ),
            (
                Method::DELETE,
                format!("/users/{owner_id}/privileges"),
                None,
                "set_privileges",
                StatusCode::NO_CONTENT,
                StatusCode::FORBIDDEN,
            ),
            (
                Method::PATCH,
                format!("{g}/privileges"),
                Some(empty_grant),
                "set_privileges",
                StatusCode::NO_CONTENT,
                StatusCode::NOT_FOUND,
            ),
            (
                Method::DELETE,
                format!("{g}/privileges"),
                None,
                "set_privileges",
                StatusCode::NO_CONTENT,
                StatusCode::NOT_FOUND,
            ),
            (
                Method::PUT,
                format!("{g}/users/{member_id}/privileges"),
                Some(json!({ "privileges": ["group_view_data", "group_invite_user"] })),
                "set_privileges",
                StatusCode::NO_CONTENT,
                StatusCode::NOT_FOUND,
            ),
            (
                Method::POST,
                format!("{g}/users/token"),
                None,
                "oz_groups_add_members",
                StatusCode::OK,
                StatusCode::NOT_FOUND,
            ),
            (
                Method::PUT,
                format!("{g}/users/{newcomer_id}"),
                None,
                "oz_groups_add_members",
                StatusCode::CREATED,
                StatusCode::NOT_FOUND,
            ),
            (
                Method::DELETE,
                format!("{g}/users/{member_id}"),
                None,
                "oz_groups_remove_members",
                StatusCode::NO_CONTENT,
                StatusCode::NOT_FOUND,
            ),
            (
                Method::DELETE,
                format!("/users/{victim_id}"),
                None,
                "oz_users_delete",
                StatusCode::NO_CONTENT,
                StatusCode::FORBIDDEN,
            ),
            // Last: it deletes the group the others use.
            (
                Method::DELETE,
                g.clone(),
                None,
                "oz_groups_remove_members",
                StatusCode::NO_CONTENT,
                StatusCode::NOT_FOUND,
            ),
        ];
        for (method, path, body, opens, success, refusal) in cases {
            let (status, text) = call(&app, method.clone(), &path, &token, body).await;
            let expected = if held == Some(opens) { success } else { refusal };
            assert_eq!(status, expected, "holding {held:?}: {method} {path}: {text}");
        }
        // Renaming a group is opened by no zone privilege.
        let (status, _) = call(&app, Method::PATCH, &g, &token, Some(json!({ "name": "x" }))).await;
        assert!(status == StatusCode::NOT_FOUND, "holding {held:?}: PATCH {g}");
        // Anyone may read itself.
        app.get(&format!("/users/{uid}"), &token).await.expect(StatusCode::OK);
    }
}

async fn a_groups_zone_privileges_flow_to_its_members_and_stop_when_they_leave(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let gid = app.create_group(&owner, "Auditors").await;
    let (_, member) = app.user("member").await;
    app.join_ok(&member, &app.invite(&owner, &gid).await).await;
    assert_error(&app.get("/users", &member).await, StatusCode::FORBIDDEN, "forbidden");

    let path = format!("/groups/{gid}/privileges");
    app.patch_json(&path, &app.admin_token, &json!({ "privileges": ["list_users"] }))
        .await
        .expect(StatusCode::NO_CONTENT);
    assert_eq!(zone_of(&app, &format!("/groups/{gid}")).await, ["list_users"]);
    app.get("/users", &member).await.expect(StatusCode::OK);
    app.get("/users", &owner).await.expect(StatusCode::OK);
    // The member's own privileges are unchanged: the group's flow, they are not copied.
    let member_id = app.user_id(&member).await;
    assert_eq!(zone_of(&app, &format!("/users/{member_id}")).await, Vec::<String>::new());

    app.delete(&format!("/user/groups/{gid}"), &member).await.expect(StatusCode::NO_CONTENT);
    assert_error(&app.get("/users", &member).await, StatusCode::FORBIDDEN, "forbidden");
    app.delete(&path, &app.admin_token).await.expect(StatusCode::NO_CONTENT);
    assert_error(&app.get("/users", &owner).await, StatusCode::FORBIDDEN, "forbidden");
}

async fn patch_sets_by_default_grants_and_revokes_on_request_and_delete_removes_all(backend: Backend) {
    let app = spawn_app(backend).await;
    let (uid, token) = app.user("holder").await;
    let user = format!("/users/{uid}");
    patch_user(&app, &uid, json!({ "privileges": ["list_groups", "list_users"] })).await;
    assert_eq!(zone_of(&app, &user).await, ["list_users", "list_groups"], "listed in the contract's order");
    patch_user(&app, &uid, json!({ "privileges": ["view_privileges"], "operation": "grant" })).await;
    assert_eq!(zone_of(&app, &user).await, ["view_privileges", "list_users", "list_groups"]);
    patch_user(&app, &uid, json!({ "privileges": ["list_users", "oz_users_delete"], "operation": "revoke" })).await;
    assert_eq!(zone_of(&app, &user).await, ["view_privileges", "list_groups"]);
    patch_user(&app, &uid, json!({ "privileges": ["oz_groups_add_members"], "operation": "set" })).await;
    assert_eq!(zone_of(&app, &user).await, ["oz_groups_add_members"]);
    // A revoked privilege stops working at the next request.
    patch_user(&app, &uid, json!({ "privileges": ["list_users"] })).await;
    app.get("/users", &token).await.expect(StatusCode::OK);
    app.delete(&format!("{user}/privileges"), &app.admin_token).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(zone_of(&app, &user).await, Vec::<String>::new());
    assert_error(&app.get("/users", &token).await, StatusCode::FORBIDDEN, "forbidden");

    for bad in [
        json!({}),
        json!({ "privileges": ["group_view_data"] }),
        json!({ "privileges": ["list_users"], "operation": "add" }),
        json!({ "privileges": ["list_users", "list_users"] }),
        json!({ "privileges": [], "extra": 1 }),
    ] {
        let reply = app.patch_json(&format!("{user}/privileges"), &app.admin_token, &bad).await;
        assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
    }
    // Unknown users and groups are 404 for a holder of the privileges.
    for path in [format!("/users/{NOBODY}/privileges"), format!("/groups/{NOBODY}/privileges")] {
        assert_error(&app.get(&path, &app.admin_token).await, StatusCode::NOT_FOUND, "not_found");
        let reply = app.patch_json(&path, &app.admin_token, &json!({ "privileges": [] })).await;
        assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
        assert_error(&app.delete(&path, &app.admin_token).await, StatusCode::NOT_FOUND, "not_found");
    }
}

async fn a_member_without_a_zone_privilege_gets_403_on_its_groups_zone_operations(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let gid = app.create_group(&owner, "Team").await;
    let (newcomer, _) = app.user("newcomer").await;
    for (method, path) in [
        (Method::GET, format!("/groups/{gid}/privileges")),
        (Method::DELETE, format!("/groups/{gid}/privileges")),
        (Method::PUT, format!("/groups/{gid}/users/{newcomer}")),
    ] {
        let reply = app.request(method.clone(), &path).auth(&owner).send().await;
        assert_error(&reply, StatusCode::FORBIDDEN, "forbidden");
    }
}

async fn users_can_be_read_by_themselves_or_with_list_users(backend: Backend) {
    let app = spawn_app(backend).await;
    let (uid, token) = app.user("alice").await;
    let me = app.get(&format!("/users/{uid}"), &token).await.expect(StatusCode::OK).json();
    assert_eq!(me["userId"], uid.as_str());
    assert_eq!(me["name"], "alice");
    let by_admin = app.get(&format!("/users/{uid}"), &app.admin_token).await.expect(StatusCode::OK).json();
    assert_eq!(by_admin, me);
    assert_error(&app.get(&format!("/users/{NOBODY}"), &app.admin_token).await, StatusCode::NOT_FOUND, "not_found");
    // Without list_users, another user cannot even learn whether an id exists.
    assert_error(&app.get(&format!("/users/{NOBODY}"), &token).await, StatusCode::FORBIDDEN, "forbidden");
}

async fn all_users_are_listed_in_creation_order_whole_or_in_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.user_id(&app.admin_token).await;
    let (a, _) = app.user("a").await;
    let (b, _) = app.user("b").await;
    let all = app.get("/users", &app.admin_token).await.expect(StatusCode::OK);
    assert_eq!(all.json(), json!({ "users": [admin, a, b] }));
    assert_eq!(all.header("link"), None);
    let first = app.get("/users?limit=2", &app.admin_token).await.expect(StatusCode::OK);
    let body = first.json();
    assert_eq!(strings(&body["users"]), [admin.clone(), a.clone()]);
    let next = body["next"].as_str().expect("a next cursor").to_owned();
    let link = first.header("link").expect("a Link header");
    assert_eq!(link, format!("<{API_ROOT}/users?limit=2&after={next}>; rel=\"next\""));
    let second = app.get(&format!("/users?limit=2&after={next}"), &app.admin_token).await.expect(StatusCode::OK);
    assert_eq!(second.json(), json!({ "users": [b] }));
    let reply = app.get("/users?limit=0", &app.admin_token).await;
    assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
}

async fn deleting_ones_own_account_takes_its_memberships_and_tokens(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let gid = app.create_group(&owner, "Team").await;
    let (uid, leaver) = app.user("leaver").await;
    app.join_ok(&leaver, &app.invite(&owner, &gid).await).await;
    let own = app.create_group(&leaver, "Own").await;
    let second_token = app.get("/user/client_token", &leaver).await.expect(StatusCode::OK).json();
    let second_token = second_token["token"].as_str().expect("a token").to_owned();

    let reply = app.delete("/user", &leaver).await.expect(StatusCode::NO_CONTENT);
    assert!(reply.body.is_empty());
    // On the instance that deleted it, neither of its tokens authenticates any more, at once
    // (the test clock stands still: a cached verification would otherwise last).
    for token in [&leaver, &second_token] {
        assert_error(&app.get("/user", token).await, StatusCode::UNAUTHORIZED, "invalid_token");
    }
    assert_error(&app.delete("/user", &leaver).await, StatusCode::UNAUTHORIZED, "invalid_token");
    assert!(!app.members(&gid).await.contains(&uid));
    assert_eq!(app.members(&own).await, Vec::<String>::new(), "its own group stays, empty");
    assert_error(&app.get(&format!("/users/{uid}"), &app.admin_token).await, StatusCode::NOT_FOUND, "not_found");
}

async fn deleting_a_user_needs_oz_users_delete_and_an_unknown_one_is_404(backend: Backend) {
    let app = spawn_app(backend).await;
    let (victim, victim_token) = app.user("victim").await;
    let (_, other) = app.user("other").await;
    // Verified (and cached) before the deletion; the test clock stands still.
    app.get("/user", &victim_token).await.expect(StatusCode::OK);
    assert_error(&app.delete(&format!("/users/{victim}"), &other).await, StatusCode::FORBIDDEN, "forbidden");
    app.delete(&format!("/users/{victim}"), &app.admin_token).await.expect(StatusCode::NO_CONTENT);
    let reply = app.delete(&format!("/users/{victim}"), &app.admin_token).await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
    // The instance that deleted it refuses its token at once.
    assert_error(&app.get("/user", &victim_token).await, StatusCode::UNAUTHORIZED, "invalid_token");
    let users = app.get("/users", &app.admin_token).await.expect(StatusCode::OK).json();
    assert!(!strings(&users["users"]).contains(&victim));
}

/// A user deleted through one instance while another still vouches for its token from its
/// cache (the same second: the tests' clock does not move): that instance's writes for it fail
/// on the store's keys, and are answered 401 as for a deleted user's token, not 500.
async fn a_user_deleted_on_another_instance_gets_401_not_500_for_its_writes(backend: Backend) {
    if backend == Backend::Memory {
        return; // One instance only: deleting there empties its own cache at once (tested above).
    }
    let first = spawn_app(backend).await;
    let second = first.another_instance_with(|store| store).await;
    let gid = first.create_group(&first.admin_token, "Team").await;
    let invite = first.invite(&first.admin_token, &gid).await;
    let (victim, token) = first.user("victim").await;
    second.get("/user", &token).await.expect(StatusCode::OK);
    first.delete(&format!("/users/{victim}"), &first.admin_token).await.expect(StatusCode::NO_CONTENT);
    let created = second.post_json("/user/groups", &token, &json!({ "name": "Orphan" })).await;
    let body = assert_error(&created, StatusCode::UNAUTHORIZED, "invalid_token");
    assert_eq!(body["error_description"], "The user of this access token no longer exists.");
    let joined = second.join(&token, &invite).await;
    assert_error(&joined, StatusCode::UNAUTHORIZED, "invalid_token");
    assert_eq!(first.members(&gid).await.len(), 1, "nothing was added");
}

async fn adding_a_member_without_an_invite_gives_it_the_default_privileges_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let gid = app.create_group(&owner, "Team").await;
    let (uid, token) = app.user("newcomer").await;
    let path = format!("/groups/{gid}/users/{uid}");
    let reply = app.request(Method::PUT, &path).auth(&app.admin_token).send().await.expect(StatusCode::CREATED);
    assert_eq!(reply.header("location"), Some(format!("{API_ROOT}/groups/{gid}/users/{uid}")));
    assert_eq!(app.privileges(&gid, &uid).await, ["group_view_data"]);
    assert_eq!(app.groups_of(&token).await, std::slice::from_ref(&gid));
    let again = app.request(Method::PUT, &path).auth(&app.admin_token).send().await;
    assert_error(&again, StatusCode::CONFLICT, "relation_already_exists");
    for missing in [format!("/groups/{NOBODY}/users/{uid}"), format!("/groups/{gid}/users/{NOBODY}")] {
        let reply = app.request(Method::PUT, &missing).auth(&app.admin_token).send().await;
        assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
    }
}

/// Onezone 17.06's optional body: the privileges the new member gets. Beyond the default, the
/// caller needs set_privileges in the zone (or group_set_privileges in the group) too; a body
/// that is not `{privileges}` is a 400 and adds no one.
async fn adding_a_member_with_privileges_gives_it_those_if_the_caller_may_grant_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let gid = app.create_group(&owner, "Team").await;
    let (adder_id, adder) = app.user("adder").await;
    patch_user(&app, &adder_id, json!({ "privileges": ["oz_groups_add_members"] })).await;
    let inviting = json!({ "privileges": ["group_view_data", "group_invite_user"] });
    let (first, _) = app.user("first").await;
    let path = format!("/groups/{gid}/users/{first}");
    let reply = app.put_json(&path, &adder, &inviting).await;
    let body = assert_error(&reply, StatusCode::FORBIDDEN, "forbidden");
    assert!(body["error_description"].as_str().unwrap().contains("set_privileges"), "{body}");
    for bad in [json!({ "privileges": ["group_fly"] }), json!({ "privileges": "all" }), json!({ "colour": "blue" })] {
        assert_error(&app.put_json(&path, &adder, &bad).await, StatusCode::BAD_REQUEST, "invalid_request");
    }
    assert!(!app.members(&gid).await.contains(&first), "no one was added");
    // The default privileges need nothing more; the admin (set_privileges) may give more.
    app.put_json(&path, &adder, &json!({ "privileges": ["group_view_data"] })).await.expect(StatusCode::CREATED);
    assert_eq!(app.privileges(&gid, &first).await, ["group_view_data"]);
    let (second, _) = app.user("second").await;
    let path = format!("/groups/{gid}/users/{second}");
    app.put_json(&path, &app.admin_token, &inviting).await.expect(StatusCode::CREATED);
    assert_eq!(app.privileges(&gid, &second).await, ["group_view_data", "group_invite_user"]);
}

async fn a_user_created_with_admin_on_the_cli_holds_all_nine(backend: Backend) {
    let app = spawn_app(backend).await;
    let (user, token) = app
        .app
        .create_user(oz_groups::domain::Name::parse("second admin", "name").expect("a name"), true)
        .await
        .expect("created");
    assert_eq!(zone_of(&app, &format!("/users/{}", user.id)).await, NINE);
    app.get("/groups", &token).await.expect(StatusCode::OK);
}

all_backends!(
    a_user_deleted_on_another_instance_gets_401_not_500_for_its_writes,
    adding_a_member_with_privileges_gives_it_those_if_the_caller_may_grant_them,
    the_admin_holds_all_nine_zone_privileges_and_a_new_user_none,
    each_zone_privilege_opens_exactly_its_operations,
    a_groups_zone_privileges_flow_to_its_members_and_stop_when_they_leave,
    patch_sets_by_default_grants_and_revokes_on_request_and_delete_removes_all,
    a_member_without_a_zone_privilege_gets_403_on_its_groups_zone_operations,
    users_can_be_read_by_themselves_or_with_list_users,
    all_users_are_listed_in_creation_order_whole_or_in_pages,
    deleting_ones_own_account_takes_its_memberships_and_tokens,
    deleting_a_user_needs_oz_users_delete_and_an_unknown_one_is_404,
    adding_a_member_without_an_invite_gives_it_the_default_privileges_once,
    a_user_created_with_admin_on_the_cli_holds_all_nine,
);
