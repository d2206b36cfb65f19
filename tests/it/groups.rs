//! `/groups[/...]`: creation, listing, details, members, invites and privileges, with the
//! membership rule (non-member 404 as for a missing group, member without privilege 403, zone
//! admin passes).

use oz_groups::tokens::{Caveat, Macaroon};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::all_backends;
use crate::support::{assert_error, sorted, spawn_app, strings, Backend, Reply, TestApp, ALL_PRIVILEGES, API_ROOT};

const NO_SUCH_GROUP: &str = "ffffffffffffffffffffffffffffffff";

/// A group owned by `owner`, with `member` joined (privilege `group_view_data` only) and an
/// `outsider` who belongs to nothing.
struct Scene {
    app: TestApp,
    owner: String,
    owner_id: String,
    member: String,
    member_id: String,
    outsider: String,
    gid: String,
}

impl Scene {
    /// The member keeps its membership but loses every privilege.
    async fn strip_member_privileges(&self) {
        self.app
            .put_json(
                &format!("/groups/{}/users/{}/privileges", self.gid, self.member_id),
                &self.owner,
                &json!({ "privileges": [] }),
            )
            .await
            .expect(StatusCode::NO_CONTENT);
    }
}

async fn scene(backend: Backend) -> Scene {
    let app = spawn_app(backend).await;
    let (owner_id, owner) = app.user("owner").await;
    let (member_id, member) = app.user("member").await;
    let (_, outsider) = app.user("outsider").await;
    let gid = app.create_group(&owner, "Research team").await;
    let invite = app.invite(&owner, &gid).await;
    app.join_ok(&member, &invite).await;
    Scene { app, owner, owner_id, member, member_id, outsider, gid }
}

/// Sends `method path` (with `body` if any) as `token`.
async fn call(app: &TestApp, method: Method, path: &str, token: &str, body: Option<&Value>) -> Reply {
    let request = app.request(method, path).auth(token);
    match body {
        Some(body) => request.json(body).send().await,
        None => request.send().await,
    }
}

/// The membership rule for one operation: the outsider gets the very 404 a missing group gets,
/// the plain member 403 (when `privileged`), and nobody is let through by either.
async fn assert_membership_rule(
    s: &Scene,
    method: Method,
    path_of: impl Fn(&str) -> String,
    body: Option<&Value>,
    privileged: bool,
) {
    let path = path_of(&s.gid);
    let hidden = call(&s.app, method.clone(), &path, &s.outsider, body).await;
    let hidden = assert_error(&hidden, StatusCode::NOT_FOUND, "not_found");
    let missing = call(&s.app, method.clone(), &path_of(NO_SUCH_GROUP), &s.outsider, body).await;
    let missing = assert_error(&missing, StatusCode::NOT_FOUND, "not_found");
    assert_eq!(hidden, missing, "{method} {path}: a non-member must not tell the group exists");
    // A member asking about a group that does not exist: 404 as well.
    let missing = call(&s.app, method.clone(), &path_of(NO_SUCH_GROUP), &s.member, body).await;
    assert_error(&missing, StatusCode::NOT_FOUND, "not_found");
    if privileged {
        let denied = call(&s.app, method.clone(), &path, &s.member, body).await;
        assert_error(&denied, StatusCode::FORBIDDEN, "forbidden");
    }
    let anonymous = match body {
        Some(body) => s.app.request(method.clone(), &path).json(body).send().await,
        None => s.app.request(method.clone(), &path).send().await,
    };
    assert_error(&anonymous, StatusCode::UNAUTHORIZED, "unauthorized");
}

async fn creating_a_group_under_groups_answers_its_location(backend: Backend) {
    let app = spawn_app(backend).await;
    let (uid, token) = app.user("alice").await;
    let reply = app.post_json("/groups", &token, &json!({ "name": "Lab", "type": "team" })).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    assert!(reply.body.is_empty());
    let location = reply.header("location").expect("Location");
    let gid = location.strip_prefix(&format!("{API_ROOT}/groups/")).expect("Location under /groups").to_owned();
    let group = app.get(&format!("/groups/{gid}"), &token).await.expect(StatusCode::OK).json();
    assert_eq!(group, json!({ "groupId": gid, "name": "Lab", "type": "team" }));
    assert_eq!(app.privileges(&gid, &uid).await, ALL_PRIVILEGES.to_vec());
    assert_eq!(app.groups_of(&token).await, vec![gid.clone()]);

    let reply = app.post_json("/groups", &token, &json!({ "name": "Default" })).await.expect(StatusCode::CREATED);
    let gid = reply.header("location").unwrap().rsplit('/').next().unwrap().to_owned();
    assert_eq!(app.get(&format!("/groups/{gid}"), &token).await.expect(StatusCode::OK).json()["type"], "role");
}

async fn only_zone_admins_list_all_groups(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, alice) = app.user("alice").await;
    let (_, bob) = app.user("bob").await;
    let a = app.create_group(&alice, "A").await;
    let b = app.create_group(&bob, "B").await;
    assert_error(&app.get("/groups", &alice).await, StatusCode::FORBIDDEN, "forbidden");
    let all = app.get("/groups", &app.admin_token).await.expect(StatusCode::OK).json();
    assert_eq!(all.as_object().unwrap().len(), 1, "{all}");
    assert_eq!(sorted(&strings(&all["groups"])), sorted(&[a, b]));
    assert_error(&app.request(Method::GET, "/groups").send().await, StatusCode::UNAUTHORIZED, "unauthorized");
}

async fn group_details_need_membership_and_admins_see_any(backend: Backend) {
    let s = scene(backend).await;
    let expected = json!({ "groupId": s.gid, "name": "Research team", "type": "role" });
    for token in [&s.owner, &s.member, &s.app.admin_token] {
        let reply = s.app.get(&format!("/groups/{}", s.gid), token).await.expect(StatusCode::OK);
        assert_eq!(reply.json(), expected);
    }
    // A member whose group_view_data was taken away: 403.
    let path = format!("/groups/{}/users/{}/privileges", s.gid, s.member_id);
    s.app.put_json(&path, &s.owner, &json!({ "privileges": [] })).await.expect(StatusCode::NO_CONTENT);
    assert_error(&s.app.get(&format!("/groups/{}", s.gid), &s.member).await, StatusCode::FORBIDDEN, "forbidden");
    assert_membership_rule(&s, Method::GET, |g| format!("/groups/{g}"), None, false).await;
    // A missing group is 404 for the admin too.
    assert_error(
        &s.app.get(&format!("/groups/{NO_SUCH_GROUP}"), &s.app.admin_token).await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

async fn patching_a_group_needs_group_change_data(backend: Backend) {
    let s = scene(backend).await;
    let path = format!("/groups/{}", s.gid);
    let reply = s.app.patch_json(&path, &s.owner, &json!({ "name": "Renamed", "type": "organization" })).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.text());
    assert!(reply.body.is_empty());
    let group = s.app.get(&path, &s.member).await.expect(StatusCode::OK).json();
    assert_eq!(group, json!({ "groupId": s.gid, "name": "Renamed", "type": "organization" }));

    s.app.patch_json(&path, &s.owner, &json!({ "type": "unit" })).await.expect(StatusCode::NO_CONTENT);
    // No zone privilege opens renaming (contract §7 names none): a zone admin who is not a
    // member gets the non-member's 404.
    let reply = s.app.patch_json(&path, &s.app.admin_token, &json!({ "name": "By admin" })).await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
    s.app.patch_json(&path, &s.owner, &json!({ "name": "By owner" })).await.expect(StatusCode::NO_CONTENT);
    let group = s.app.get(&path, &s.member).await.expect(StatusCode::OK).json();
    assert_eq!(group, json!({ "groupId": s.gid, "name": "By owner", "type": "unit" }));

    assert_membership_rule(&s, Method::PATCH, |g| format!("/groups/{g}"), Some(&json!({ "name": "Nope" })), true).await;
    for bad in [
        json!({}),
        json!({ "name": "" }),
        json!({ "name": "a".repeat(51) }),
        json!({ "type": "club" }),
        json!({ "owner": "x" }),
    ] {
        let reply = s.app.patch_json(&path, &s.owner, &bad).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}: {}", reply.text());
        assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
    }
    let reply =
        s.app.request(Method::PATCH, &path).auth(&s.owner).raw(r#"{"name":"x"}"#, Some("text/plain")).send().await;
    assert_error(&reply, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    assert_eq!(s.app.get(&path, &s.member).await.expect(StatusCode::OK).json()["name"], "By owner");
}

async fn deleting_a_group_needs_group_remove_and_kills_its_invites(backend: Backend) {
    let s = scene(backend).await;
    let path = format!("/groups/{}", s.gid);
    let invite = s.app.invite(&s.owner, &s.gid).await;
    assert_membership_rule(&s, Method::DELETE, |g| format!("/groups/{g}"), None, true).await;

    let reply = s.app.delete(&path, &s.owner).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.text());
    assert!(reply.body.is_empty());
    for token in [&s.owner, &s.member, &s.app.admin_token] {
        assert_error(&s.app.get(&path, token).await, StatusCode::NOT_FOUND, "not_found");
    }
    assert_error(&s.app.delete(&path, &s.owner).await, StatusCode::NOT_FOUND, "not_found");
    assert!(s.app.groups_of(&s.owner).await.is_empty());
    assert!(s.app.groups_of(&s.member).await.is_empty());
    let all = s.app.get("/groups", &s.app.admin_token).await.expect(StatusCode::OK).json();
    assert!(!strings(&all["groups"]).contains(&s.gid));
    // Its invites now answer 404.
    assert_error(&s.app.join(&s.outsider, &invite).await, StatusCode::NOT_FOUND, "not_found");
}

async fn a_zone_admin_may_delete_any_group(backend: Backend) {
    let s = scene(backend).await;
    s.app.delete(&format!("/groups/{}", s.gid), &s.app.admin_token).await.expect(StatusCode::NO_CONTENT);
    assert_error(&s.app.get(&format!("/groups/{}", s.gid), &s.owner).await, StatusCode::NOT_FOUND, "not_found");
}

async fn the_direct_members_are_listed_in_an_object(backend: Backend) {
    let s = scene(backend).await;
    for token in [&s.owner, &s.member, &s.app.admin_token] {
        let users = s.app.get(&format!("/groups/{}/users", s.gid), token).await.expect(StatusCode::OK).json();
        assert_eq!(users, json!({ "users": [s.owner_id, s.member_id] }));
    }
    s.strip_member_privileges().await;
    assert_membership_rule(&s, Method::GET, |g| format!("/groups/{g}/users"), None, true).await;
}

async fn invite_tokens_are_minted_with_post_and_the_deprecated_get(backend: Backend) {
    let s = scene(backend).await;
    let path = format!("/groups/{}/users/token", s.gid);
    for method in [Method::POST, Method::GET] {
        for token in [&s.owner, &s.app.admin_token] {
            let reply = s.app.request(method.clone(), &path).auth(token).send().await.expect(StatusCode::OK);
            let body = reply.json();
            assert_eq!(body.as_object().unwrap().len(), 1, "{body}");
            let invite = body["token"].as_str().expect("a token").to_owned();
            assert!(invite.bytes().all(|b| b.is_ascii_alphanumeric()), "emitted in the escaped, alphanumeric form");
            let macaroon = Macaroon::deserialize(&invite).expect("a macaroon");
            assert_eq!(macaroon.location(), "onezone");
            assert!(macaroon.identifier().len() >= 22, "an identifier of at least 128 bits");
            assert_eq!(macaroon.caveats(), [Caveat::FirstParty("tokenType = group_invite_user_token".into())]);
            let (uid, joiner) = s.app.user("joiner").await;
            s.app.join_ok(&joiner, &invite).await;
            assert!(s.app.members(&s.gid).await.contains(&uid), "{method}");
        }
        // Without group_invite_user: 403; outsiders: 404.
        assert_membership_rule(&s, method.clone(), |g| format!("/groups/{g}/users/token"), None, true).await;
    }
    // Granting the privilege lets the member invite.
    let privileges = format!("/groups/{}/users/{}/privileges", s.gid, s.member_id);
    s.app
        .put_json(&privileges, &s.owner, &json!({ "privileges": ["group_view_data", "group_invite_user"] }))
        .await
        .expect(StatusCode::NO_CONTENT);
    let invite = s.app.invite(&s.member, &s.gid).await;
    let (_, joiner) = s.app.user("joiner").await;
    s.app.join_ok(&joiner, &invite).await;
}

async fn a_member_is_shown_to_those_who_may_view_the_group(backend: Backend) {
    let s = scene(backend).await;
    s.app.patch_json("/user", &s.member, &json!({ "alias": "memb" })).await.expect(StatusCode::NO_CONTENT);
    let path = format!("/groups/{}/users/{}", s.gid, s.member_id);
    for token in [&s.owner, &s.member, &s.app.admin_token] {
        let user = s.app.get(&path, token).await.expect(StatusCode::OK).json();
        assert_eq!(
            user,
            json!({ "userId": s.member_id, "login": "member", "name": "member", "alias": "memb", "connectedAccounts": [], "emailList": [] })
        );
    }
    // A user who exists but is not a member, and one who does not exist: 404.
    let (stranger_id, _) = s.app.user("stranger").await;
    for uid in [stranger_id.as_str(), "00000000000000000000000000000000"] {
        let reply = s.app.get(&format!("/groups/{}/users/{uid}", s.gid), &s.owner).await;
        assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
    }
    let owner_id = s.owner_id.clone();
    s.strip_member_privileges().await;
    assert_membership_rule(&s, Method::GET, move |g| format!("/groups/{g}/users/{owner_id}"), None, true).await;
}

async fn removing_a_member_needs_group_remove_user(backend: Backend) {
    let s = scene(backend).await;
    let owner_id = s.owner_id.clone();
    assert_membership_rule(&s, Method::DELETE, move |g| format!("/groups/{g}/users/{owner_id}"), None, true).await;

    let path = format!("/groups/{}/users/{}", s.gid, s.member_id);
    let reply = s.app.delete(&path, &s.owner).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.text());
    assert!(reply.body.is_empty());
    assert_eq!(s.app.members(&s.gid).await, vec![s.owner_id.clone()]);
    assert!(s.app.groups_of(&s.member).await.is_empty());
    assert_error(&s.app.get(&format!("/groups/{}", s.gid), &s.member).await, StatusCode::NOT_FOUND, "not_found");
    // Not a member (any more): 404.
    assert_error(&s.app.delete(&path, &s.owner).await, StatusCode::NOT_FOUND, "not_found");
    let (stranger_id, _) = s.app.user("stranger").await;
    assert_error(
        &s.app.delete(&format!("/groups/{}/users/{stranger_id}", s.gid), &s.owner).await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    // The admin may remove anyone.
    s.app
        .delete(&format!("/groups/{}/users/{}", s.gid, s.owner_id), &s.app.admin_token)
        .await
        .expect(StatusCode::NO_CONTENT);
    assert!(s.app.members(&s.gid).await.is_empty());
}

async fn privileges_round_trip_through_put_and_get(backend: Backend) {
    let s = scene(backend).await;
    let path = format!("/groups/{}/users/{}/privileges", s.gid, s.member_id);
    let member_view = s.app.get(&path, &s.member).await.expect(StatusCode::OK).json();
    assert_eq!(member_view, json!({ "privileges": ["group_view_data"] }));

    let wanted = ["group_view_data", "group_invite_user", "group_remove_user", "group_create_space_token"];
    let reply = s.app.put_json(&path, &s.owner, &json!({ "privileges": wanted })).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.text());
    assert!(reply.body.is_empty());
    let got = s.app.get(&path, &s.owner).await.expect(StatusCode::OK).json();
    assert_eq!(got.as_object().unwrap().len(), 1, "{got}");
    assert_eq!(sorted(&strings(&got["privileges"])), sorted(&wanted.map(String::from)));

    // Order given does not matter; all 13; then none; the admin may set them too.
    let reversed: Vec<&str> = ALL_PRIVILEGES.iter().rev().copied().collect();
    s.app.put_json(&path, &s.owner, &json!({ "privileges": reversed })).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(sorted(&s.app.privileges(&s.gid, &s.member_id).await), sorted(&ALL_PRIVILEGES.map(String::from)));
    s.app.put_json(&path, &s.app.admin_token, &json!({ "privileges": [] })).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(s.app.privileges(&s.gid, &s.member_id).await, Vec::<String>::new());
}

async fn setting_privileges_is_checked(backend: Backend) {
    let s = scene(backend).await;
    let path = format!("/groups/{}/users/{}/privileges", s.gid, s.member_id);
    for bad in [
        json!({ "privileges": ["group_view_data", "group_fly"] }),
        json!({ "privileges": ["group_view"] }),
        json!({ "privileges": "group_view_data" }),
        json!({ "privileges": [1] }),
        json!({ "privileges": ["group_view_data", "group_view_data"] }),
        json!({ "privileges": [], "extra": 1 }),
        json!({}),
    ] {
        let reply = s.app.put_json(&path, &s.owner, &bad).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}: {}", reply.text());
        assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
    }
    let reply =
        s.app.request(Method::PUT, &path).auth(&s.owner).raw(r#"{"privileges":[]}"#, Some("text/plain")).send().await;
    assert_error(&reply, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    // A member cannot raise its own privileges.
    let escalate = json!({ "privileges": ALL_PRIVILEGES });
    assert_error(&s.app.put_json(&path, &s.member, &escalate).await, StatusCode::FORBIDDEN, "forbidden");
    let owner_id = s.owner_id.clone();
    assert_membership_rule(
        &s,
        Method::PUT,
        move |g| format!("/groups/{g}/users/{owner_id}/privileges"),
        Some(&json!({ "privileges": [] })),
        true,
    )
    .await;
    // A user who is not a member has no privileges to set or get.
    let (stranger_id, _) = s.app.user("stranger").await;
    let stranger = format!("/groups/{}/users/{stranger_id}/privileges", s.gid);
    assert_error(
        &s.app.put_json(&stranger, &s.owner, &json!({ "privileges": [] })).await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    assert_error(&s.app.get(&stranger, &s.owner).await, StatusCode::NOT_FOUND, "not_found");
    assert_eq!(s.app.privileges(&s.gid, &s.member_id).await, vec!["group_view_data"]);
    assert_eq!(s.app.privileges(&s.gid, &s.owner_id).await, ALL_PRIVILEGES.to_vec());
}

async fn reading_privileges_needs_group_view_data(backend: Backend) {
    let s = scene(backend).await;
    s.strip_member_privileges().await;
    let owner_id = s.owner_id.clone();
    assert_membership_rule(&s, Method::GET, move |g| format!("/groups/{g}/users/{owner_id}/privileges"), None, true)
        .await;
}

all_backends!(
    creating_a_group_under_groups_answers_its_location,
    only_zone_admins_list_all_groups,
    group_details_need_membership_and_admins_see_any,
    patching_a_group_needs_group_change_data,
    deleting_a_group_needs_group_remove_and_kills_its_invites,
    a_zone_admin_may_delete_any_group,
    the_direct_members_are_listed_in_an_object,
    invite_tokens_are_minted_with_post_and_the_deprecated_get,
    a_member_is_shown_to_those_who_may_view_the_group,
    removing_a_member_needs_group_remove_user,
    privileges_round_trip_through_put_and_get,
    setting_privileges_is_checked,
    reading_privileges_needs_group_view_data,
);
