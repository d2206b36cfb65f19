//! Nested groups (issue 12, contract §3 "Nested groups"): every operation's statuses, the nested
//! join's order of checks and its `Location`, privileges flowing across three levels and stopping
//! when a link goes, the 404-hiding rule for strangers against effective members, and
//! `/user/effective_groups`.

use std::num::NonZeroU32;
use std::time::Duration;

use oz_groups::http::limits::{Limits, Rate};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::support::tokens::attenuate;
use crate::support::{assert_error, sorted, strings, Backend, TestApp, API_ROOT};
use crate::support::{spawn_app, spawn_limited};
use crate::{all_backends, edge_only};

const NOBODY: &str = "ffffffffffffffffffffffffffffffff";
const MINUTE: Duration = Duration::from_secs(60);

/// `POST /groups/{gid}/nested/token` as `token`; the group invite.
async fn group_invite(app: &TestApp, token: &str, gid: &str) -> String {
    let reply = app.request(Method::POST, &format!("/groups/{gid}/nested/token")).auth(token).send().await;
    reply.expect(StatusCode::OK).json()["token"].as_str().expect("a token").to_owned()
}

/// `POST /groups/{child}/nested/join` with `invite`, as `token`.
async fn nested_join(app: &TestApp, token: &str, child: &str, invite: &str) -> crate::support::Reply {
    app.post_json(&format!("/groups/{child}/nested/join"), token, &json!({ "token": invite })).await
}

/// Makes `child` a child of `parent`, both managed by `owner`; insists on 201.
pub(crate) async fn nest(app: &TestApp, owner: &str, parent: &str, child: &str) {
    let invite = group_invite(app, owner, parent).await;
    nested_join(app, owner, child, &invite).await.expect(StatusCode::CREATED);
}

/// A JSON list member of the body of `GET path` as `token`.
async fn list(app: &TestApp, path: &str, token: &str, key: &str) -> Vec<String> {
    strings(&app.get(path, token).await.expect(StatusCode::OK).json()[key])
}

async fn a_nested_join_links_the_group_and_every_read_shows_the_link(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let parent = app.create_group(&owner, "Parent").await;
    let child = app.create_group(&owner, "Child").await;
    let invite = group_invite(&app, &owner, &parent).await;
    let reply = nested_join(&app, &owner, &child, &invite).await.expect(StatusCode::CREATED);
    assert_eq!(reply.header("location"), Some(format!("{API_ROOT}/groups/{child}/parent/{parent}")));

    assert_eq!(list(&app, &format!("/groups/{parent}/nested"), &owner, "nested_groups").await, vec![child.clone()]);
    assert_eq!(list(&app, &format!("/groups/{child}/parent"), &owner, "parent_groups").await, vec![parent.clone()]);
    assert_eq!(list(&app, &format!("/groups/{child}/nested"), &owner, "nested_groups").await, Vec::<String>::new());
    let got = app.get(&format!("/groups/{parent}/nested/{child}"), &owner).await.expect(StatusCode::OK).json();
    assert_eq!(got, json!({ "groupId": child, "name": "Child", "type": "role" }));
    let got = app.get(&format!("/groups/{child}/parent/{parent}"), &owner).await.expect(StatusCode::OK).json();
    assert_eq!(got, json!({ "groupId": parent, "name": "Parent", "type": "role" }));
    let path = format!("/groups/{parent}/nested/{child}/privileges");
    assert_eq!(
        app.get(&path, &owner).await.expect(StatusCode::OK).json(),
        json!({ "privileges": ["group_view_data"] })
    );
    app.put_json(&path, &owner, &json!({ "privileges": ["group_view_data", "group_invite_user"] }))
        .await
        .expect(StatusCode::NO_CONTENT);
    assert_eq!(list(&app, &path, &owner, "privileges").await, ["group_view_data", "group_invite_user"]);

    // The deprecated GET alias mints too; the token is single use.
    let reply = app.get(&format!("/groups/{parent}/nested/token"), &owner).await.expect(StatusCode::OK);
    assert!(reply.json()["token"].as_str().is_some_and(|t| !t.is_empty()));
    let other = app.create_group(&owner, "Other").await;
    assert_error(&nested_join(&app, &owner, &other, &invite).await, StatusCode::BAD_REQUEST, "invalid_token");

    app.delete(&format!("/groups/{parent}/nested/{child}"), &owner).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(list(&app, &format!("/groups/{parent}/nested"), &owner, "nested_groups").await, Vec::<String>::new());
    assert_eq!(list(&app, &format!("/groups/{child}/parent"), &owner, "parent_groups").await, Vec::<String>::new());
    app.get(&format!("/groups/{child}"), &owner).await.expect(StatusCode::OK);
}

async fn privileges_flow_across_three_levels_and_stop_when_a_link_is_removed(backend: Backend) {
    let app = spawn_app(backend).await;
    let (owner_id, owner) = app.user("owner").await;
    let top = app.create_group(&owner, "Top").await;
    let middle = app.create_group(&owner, "Middle").await;
    let bottom = app.create_group(&owner, "Bottom").await;
    let (deep_id, deep) = app.user("deep").await;
    app.join_ok(&deep, &app.invite(&owner, &bottom).await).await;
    nest(&app, &owner, &top, &middle).await;
    nest(&app, &owner, &middle, &bottom).await;
    let grants = json!({ "privileges": ["group_view_data", "group_change_data"] });
    app.put_json(&format!("/groups/{top}/nested/{middle}/privileges"), &owner, &grants)
        .await
        .expect(StatusCode::NO_CONTENT);

    // Two links up, deep holds what middle holds in top.
    app.get(&format!("/groups/{top}"), &deep).await.expect(StatusCode::OK);
    app.patch_json(&format!("/groups/{top}"), &deep, &json!({ "name": "Renamed" }))
        .await
        .expect(StatusCode::NO_CONTENT);
    app.get(&format!("/groups/{top}/users"), &deep).await.expect(StatusCode::OK);
    assert_error(&app.delete(&format!("/groups/{top}"), &deep).await, StatusCode::FORBIDDEN, "forbidden");
    app.get(&format!("/user/groups/{top}"), &deep).await.expect(StatusCode::OK);
    app.get(&format!("/user/effective_groups/{top}"), &deep).await.expect(StatusCode::OK);
    let groups = list(&app, "/user/effective_groups", &deep, "effective_groups").await;
    assert_eq!(sorted(&groups), sorted(&[top.clone(), middle.clone(), bottom.clone()]));
    assert_eq!(groups[0], bottom, "the direct group comes first");
    assert_eq!(app.groups_of(&deep).await, vec![bottom.clone()], "GET /user/groups stays the direct ones");
    let users = list(&app, &format!("/groups/{top}/effective_users"), &deep, "users").await;
    assert_eq!(users, [owner_id.clone(), deep_id.clone()]);
    let me = app.get(&format!("/groups/{top}/effective_users/{deep_id}"), &owner).await.expect(StatusCode::OK).json();
    assert_eq!(me["userId"], json!(deep_id));
    let path = format!("/groups/{top}/effective_users/{deep_id}/privileges");
    assert_eq!(list(&app, &path, &owner, "privileges").await, ["group_view_data", "group_change_data"]);
    assert_error(&app.get(&format!("/groups/{top}/users/{deep_id}"), &owner).await, StatusCode::NOT_FOUND, "not_found");

    // Removing the lower link revokes all of it at once.
    app.delete(&format!("/groups/{middle}/nested/{bottom}"), &owner).await.expect(StatusCode::NO_CONTENT);
    assert_error(&app.get(&format!("/groups/{top}"), &deep).await, StatusCode::NOT_FOUND, "not_found");
    assert_error(&app.get(&format!("/user/groups/{top}"), &deep).await, StatusCode::NOT_FOUND, "not_found");
    assert_error(&app.get(&format!("/user/effective_groups/{top}"), &deep).await, StatusCode::NOT_FOUND, "not_found");
    assert_eq!(list(&app, "/user/effective_groups", &deep, "effective_groups").await, vec![bottom.clone()]);
    assert_error(&app.get(&path, &owner).await, StatusCode::NOT_FOUND, "not_found");
    assert_eq!(list(&app, &format!("/groups/{top}/effective_users"), &owner, "users").await, [owner_id]);
}

async fn strangers_get_404_and_effective_members_without_the_privilege_403(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let parent = app.create_group(&owner, "Parent").await;
    let child = app.create_group(&owner, "Child").await;
    nest(&app, &owner, &parent, &child).await;
    let (member_id, member) = app.user("member").await;
    app.join_ok(&member, &app.invite(&owner, &child).await).await;
    let (_, stranger) = app.user("stranger").await;
    let own = app.create_group(&stranger, "Own").await;
    let p = format!("/groups/{parent}");
    let privileges = json!({ "privileges": ["group_view_data"] });
    // The member holds group_view_data in the parent (the child's default there) and nothing
    // else: reads pass, every change is 403. A stranger gets 404 for all of them.
    let cases: Vec<(Method, String, Option<Value>, StatusCode)> = vec![
        (Method::GET, format!("{p}/nested"), None, StatusCode::OK),
        (Method::GET, format!("{p}/nested/{child}"), None, StatusCode::OK),
        (Method::GET, format!("{p}/nested/{child}/privileges"), None, StatusCode::OK),
        (Method::GET, format!("{p}/parent"), None, StatusCode::OK),
        (Method::GET, format!("{p}/effective_users"), None, StatusCode::OK),
        (Method::GET, format!("{p}/effective_users/{member_id}"), None, StatusCode::OK),
        (Method::GET, format!("{p}/effective_users/{member_id}/privileges"), None, StatusCode::OK),
        (Method::POST, format!("{p}/nested/token"), None, StatusCode::FORBIDDEN),
        (Method::GET, format!("{p}/nested/token"), None, StatusCode::FORBIDDEN),
        (Method::PUT, format!("{p}/nested/{child}/privileges"), Some(privileges), StatusCode::FORBIDDEN),
        (Method::DELETE, format!("{p}/nested/{child}"), None, StatusCode::FORBIDDEN),
        (Method::POST, format!("{p}/nested/join"), Some(json!({ "token": "x" })), StatusCode::FORBIDDEN),
    ];
    for (method, path, body, as_member) in cases {
        for (token, expected) in [(&member, as_member), (&stranger, StatusCode::NOT_FOUND)] {
            let request = app.request(method.clone(), &path).auth(token);
            let reply = match &body {
                Some(body) => request.json(body).send().await,
                None => request.send().await,
            };
            assert_eq!(reply.status, expected, "{method} {path}: {}", reply.text());
            if expected != StatusCode::OK {
                let code = if expected == StatusCode::NOT_FOUND { "not_found" } else { "forbidden" };
                assert_error(&reply, expected, code);
            }
        }
    }
    // Joining needs group_join_group in the joining group: the stranger cannot take the child.
    let invite = group_invite(&app, &stranger, &own).await;
    assert_error(&nested_join(&app, &stranger, &child, &invite).await, StatusCode::NOT_FOUND, "not_found");
    assert_error(&nested_join(&app, &member, &child, &invite).await, StatusCode::FORBIDDEN, "forbidden");
    // The stranger's own groups stay its own: an effective member of the parent sees nothing there.
    assert_error(&app.get(&format!("/groups/{own}"), &member).await, StatusCode::NOT_FOUND, "not_found");
}

async fn a_nested_join_checks_in_the_contracts_order(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let (a, b, c) =
        (app.create_group(&owner, "A").await, app.create_group(&owner, "B").await, app.create_group(&owner, "C").await);
    assert_error(&nested_join(&app, &owner, &b, "not a token").await, StatusCode::BAD_REQUEST, "invalid_token");
    let user_invite = app.invite(&owner, &a).await;
    assert_error(&nested_join(&app, &owner, &b, &user_invite).await, StatusCode::BAD_REQUEST, "invalid_token");
    let group_token = group_invite(&app, &owner, &a).await;
    assert_error(&app.join(&owner, &group_token).await, StatusCode::BAD_REQUEST, "invalid_token");

    // Bound to another group: 403, only once the token and its group have passed.
    let for_c = attenuate(&group_invite(&app, &owner, &a).await, &format!("consumer = grp-{c}"));
    assert_error(&nested_join(&app, &owner, &b, &for_c).await, StatusCode::FORBIDDEN, "forbidden");
    let for_a_user = attenuate(&group_invite(&app, &owner, &a).await, "consumer = usr-someone");
    assert_error(&nested_join(&app, &owner, &b, &for_a_user).await, StatusCode::FORBIDDEN, "forbidden");
    nested_join(&app, &owner, &c, &for_c).await.expect(StatusCode::CREATED);

    // An existing link is 409 and costs no use: the token still links another group.
    let into_a = group_invite(&app, &owner, &a).await;
    assert_error(&nested_join(&app, &owner, &c, &into_a).await, StatusCode::CONFLICT, "relation_already_exists");
    nested_join(&app, &owner, &b, &into_a).await.expect(StatusCode::CREATED);

    // A cycle is 400 and costs no use: a group into itself, an ancestor into a descendant.
    let into_c = group_invite(&app, &owner, &c).await;
    assert_error(&nested_join(&app, &owner, &c, &into_c).await, StatusCode::BAD_REQUEST, "would_introduce_cycle");
    assert_error(&nested_join(&app, &owner, &a, &into_c).await, StatusCode::BAD_REQUEST, "would_introduce_cycle");
    nest(&app, &owner, &b, &c).await;
    assert_eq!(
        sorted(&list(&app, &format!("/groups/{c}/parent"), &owner, "parent_groups").await),
        sorted(&[a.clone(), b.clone()])
    );
    let d = app.create_group(&owner, "D").await;
    nested_join(&app, &owner, &d, &into_c).await.expect(StatusCode::CREATED);

    // A token whose group is gone: 404, before the consumer caveat is looked at.
    let into_d = group_invite(&app, &owner, &d).await;
    let bound = attenuate(&group_invite(&app, &owner, &d).await, &format!("consumer = grp-{a}"));
    app.delete(&format!("/groups/{d}"), &owner).await.expect(StatusCode::NO_CONTENT);
    assert_error(&nested_join(&app, &owner, &b, &into_d).await, StatusCode::NOT_FOUND, "not_found");
    assert_error(&nested_join(&app, &owner, &b, &bound).await, StatusCode::NOT_FOUND, "not_found");
}

async fn deleting_a_group_removes_its_links_both_ways(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let top = app.create_group(&owner, "Top").await;
    let middle = app.create_group(&owner, "Middle").await;
    let bottom = app.create_group(&owner, "Bottom").await;
    nest(&app, &owner, &top, &middle).await;
    nest(&app, &owner, &middle, &bottom).await;
    app.delete(&format!("/groups/{middle}"), &owner).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(list(&app, &format!("/groups/{top}/nested"), &owner, "nested_groups").await, Vec::<String>::new());
    assert_eq!(list(&app, &format!("/groups/{bottom}/parent"), &owner, "parent_groups").await, Vec::<String>::new());
    let path = format!("/groups/{top}/nested/{middle}");
    assert_error(&app.get(&path, &owner).await, StatusCode::NOT_FOUND, "not_found");
}

async fn a_groups_zone_privileges_flow_to_its_effective_members(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let top = app.create_group(&owner, "Auditors").await;
    let team = app.create_group(&owner, "Team").await;
    nest(&app, &owner, &top, &team).await;
    let (_, member) = app.user("member").await;
    app.join_ok(&member, &app.invite(&owner, &team).await).await;
    assert_error(&app.get("/users", &member).await, StatusCode::FORBIDDEN, "forbidden");
    app.patch_json(&format!("/groups/{top}/privileges"), &app.admin_token, &json!({ "privileges": ["list_users"] }))
        .await
        .expect(StatusCode::NO_CONTENT);
    app.get("/users", &member).await.expect(StatusCode::OK);
    app.delete(&format!("/groups/{top}/nested/{team}"), &owner).await.expect(StatusCode::NO_CONTENT);
    assert_error(&app.get("/users", &member).await, StatusCode::FORBIDDEN, "forbidden");
}

async fn links_that_do_not_exist_are_404(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let a = app.create_group(&owner, "A").await;
    let b = app.create_group(&owner, "B").await;
    let (uid, _) = app.user("outsider").await;
    for (method, path) in [
        (Method::GET, format!("/groups/{a}/nested/{b}")),
        (Method::GET, format!("/groups/{a}/nested/{b}/privileges")),
        (Method::DELETE, format!("/groups/{a}/nested/{b}")),
        (Method::GET, format!("/groups/{a}/parent/{b}")),
        (Method::GET, format!("/groups/{a}/nested/{NOBODY}")),
        (Method::GET, format!("/groups/{a}/effective_users/{uid}")),
        (Method::GET, format!("/groups/{a}/effective_users/{uid}/privileges")),
        (Method::GET, format!("/groups/{NOBODY}/nested")),
        (Method::GET, format!("/user/effective_groups/{NOBODY}")),
    ] {
        let reply = app.request(method.clone(), &path).auth(&owner).send().await;
        assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
    }
    let put = app.put_json(&format!("/groups/{a}/nested/{b}/privileges"), &owner, &json!({ "privileges": [] })).await;
    assert_error(&put, StatusCode::NOT_FOUND, "not_found");
    // A zone admin sees any group's links (oz_groups_list_groups) without being a member.
    assert_eq!(
        list(&app, &format!("/groups/{a}/nested"), &app.admin_token, "nested_groups").await,
        Vec::<String>::new()
    );
}

/// The nested join takes a token like the join: its failures count against the same limit.
async fn failed_nested_joins_count_against_the_users_join_failure_limit(_: Backend) {
    let limits = Limits {
        join_failures_per_user: Some(Rate { burst: NonZeroU32::new(3).expect("3 is not 0"), period: MINUTE }),
        ..Default::default()
    };
    let (app, _) = spawn_limited(&limits, |s| s).await;
    let (_, owner) = app.user("owner").await;
    let child = app.create_group(&owner, "Child").await;
    assert_error(&app.join(&owner, "garbage").await, StatusCode::BAD_REQUEST, "invalid_token");
    for _ in 0..2 {
        assert_error(&nested_join(&app, &owner, &child, "garbage").await, StatusCode::BAD_REQUEST, "invalid_token");
    }
    let limited = nested_join(&app, &owner, &child, "garbage").await;
    assert_error(&limited, StatusCode::TOO_MANY_REQUESTS, "too_many_requests");
    assert!(limited.header("retry-after").is_some(), "a 429 says when to retry");
    assert_error(&app.join(&owner, "garbage").await, StatusCode::TOO_MANY_REQUESTS, "too_many_requests");
}

async fn nested_operations_need_credentials(backend: Backend) {
    let app = spawn_app(backend).await;
    for (method, path) in [
        (Method::GET, "/groups/g/nested".to_owned()),
        (Method::POST, "/groups/g/nested/join".to_owned()),
        (Method::GET, "/groups/g/effective_users".to_owned()),
        (Method::GET, "/user/effective_groups".to_owned()),
    ] {
        let reply = app.request(method, &path).send().await;
        assert_error(&reply, StatusCode::UNAUTHORIZED, "unauthorized");
    }
}

all_backends!(
    a_nested_join_links_the_group_and_every_read_shows_the_link,
    privileges_flow_across_three_levels_and_stop_when_a_link_is_removed,
    strangers_get_404_and_effective_members_without_the_privilege_403,
    a_nested_join_checks_in_the_contracts_order,
    deleting_a_group_removes_its_links_both_ways,
    a_groups_zone_privileges_flow_to_its_effective_members,
    links_that_do_not_exist_are_404,
);

edge_only!(nested_operations_need_credentials, failed_nested_joins_count_against_the_users_join_failure_limit);
