//! The last-manager rule (contract §7): leaving, being removed, a privilege change and deleting a
//! user are refused with 409 `last_manager`, naming the group, when they would leave a group with
//! members but none holding `group_set_privileges`; deleting the group is not. A child group is a
//! member, and one whose link holds `group_set_privileges` a manager: its unlinking, demotion and
//! deletion are guarded too. It holds when the
//! last two managers leave at once, on every backend and across two PostgreSQL instances.

use std::sync::Arc;

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::all_backends;
use crate::support::{assert_error, spawn_app, Backend, Reply, TestApp};

/// A group managed by `manager` alone, with one plain member.
struct Scene {
    app: TestApp,
    manager: String,
    manager_id: String,
    member: String,
    member_id: String,
    gid: String,
}

async fn scene(backend: Backend) -> Scene {
    let app = spawn_app(backend).await;
    let (manager_id, manager) = app.user("manager").await;
    let (member_id, member) = app.user("member").await;
    let gid = app.create_group(&manager, "Team").await;
    app.join_ok(&member, &app.invite(&manager, &gid).await).await;
    Scene { app, manager, manager_id, member, member_id, gid }
}

/// A 409 `last_manager` whose description names `gid`.
fn assert_last_manager(reply: &Reply, gid: &str) {
    let body = assert_error(reply, StatusCode::CONFLICT, "last_manager");
    let description = body["error_description"].as_str().unwrap_or_default();
    assert!(description.contains(gid), "{description}");
}

async fn the_last_manager_cannot_leave_until_another_member_manages(backend: Backend) {
    let s = scene(backend).await;
    let leave = format!("/user/groups/{}", s.gid);
    assert_last_manager(&s.app.delete(&leave, &s.manager).await, &s.gid);
    assert!(s.app.members(&s.gid).await.contains(&s.manager_id), "nothing changed");
    // A plain member leaves freely.
    s.app.delete(&leave, &s.member).await.expect(StatusCode::NO_CONTENT);
    // Alone, the manager may leave: no member is left without one.
    s.app.delete(&leave, &s.manager).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(s.app.members(&s.gid).await, Vec::<String>::new());
}

async fn another_manager_lifts_the_refusal(backend: Backend) {
    let s = scene(backend).await;
    let privileges = format!("/groups/{}/users/{}/privileges", s.gid, s.member_id);
    s.app
        .put_json(&privileges, &s.manager, &json!({ "privileges": ["group_view_data", "group_set_privileges"] }))
        .await
        .expect(StatusCode::NO_CONTENT);
    s.app.delete(&format!("/user/groups/{}", s.gid), &s.manager).await.expect(StatusCode::NO_CONTENT);
    // Now the member is the last manager, and the only member: it may not drop the privilege
    // (the group would keep a member and no manager), but it may leave.
    let reply = s.app.put_json(&privileges, &s.member, &json!({ "privileges": ["group_view_data"] })).await;
    assert_last_manager(&reply, &s.gid);
    s.app.delete(&format!("/user/groups/{}", s.gid), &s.member).await.expect(StatusCode::NO_CONTENT);
}

async fn removing_the_last_manager_is_refused_even_to_a_zone_admin(backend: Backend) {
    let s = scene(backend).await;
    let path = format!("/groups/{}/users/{}", s.gid, s.manager_id);
    assert_last_manager(&s.app.delete(&path, &s.app.admin_token).await, &s.gid);
    // The manager removing itself through the group is the same change.
    assert_last_manager(&s.app.delete(&path, &s.manager).await, &s.gid);
    s.app.delete(&format!("/groups/{}/users/{}", s.gid, s.member_id), &s.manager).await.expect(StatusCode::NO_CONTENT);
}

async fn taking_group_set_privileges_from_the_last_manager_is_refused(backend: Backend) {
    let s = scene(backend).await;
    let path = format!("/groups/{}/users/{}/privileges", s.gid, s.manager_id);
    for token in [&s.manager, &s.app.admin_token] {
        let reply = s.app.put_json(&path, token, &json!({ "privileges": ["group_view_data"] })).await;
        assert_last_manager(&reply, &s.gid);
    }
    assert_eq!(s.app.privileges(&s.gid, &s.manager_id).await.len(), 13, "nothing changed");
    // Any change that keeps group_set_privileges goes ahead.
    s.app
        .put_json(&path, &s.manager, &json!({ "privileges": ["group_set_privileges"] }))
        .await
        .expect(StatusCode::NO_CONTENT);
}

async fn deleting_the_last_manager_is_refused_until_the_group_is_deleted(backend: Backend) {
    let s = scene(backend).await;
    assert_last_manager(&s.app.delete("/user", &s.manager).await, &s.gid);
    let path = format!("/users/{}", s.manager_id);
    assert_last_manager(&s.app.delete(&path, &s.app.admin_token).await, &s.gid);
    s.app.get("/user", &s.manager).await.expect(StatusCode::OK);
    // A zone admin may still delete the group, and then the account goes.
    s.app.delete(&format!("/groups/{}", s.gid), &s.app.admin_token).await.expect(StatusCode::NO_CONTENT);
    s.app.delete("/user", &s.manager).await.expect(StatusCode::NO_CONTENT);
    // The member was never a manager: its own deletion was never in question.
    s.app.delete(&format!("/users/{}", s.member_id), &s.app.admin_token).await.expect(StatusCode::NO_CONTENT);
    let _ = &s.member;
}

async fn a_managing_child_group_cannot_be_unlinked_or_demoted_as_the_last_manager(backend: Backend) {
    let s = scene(backend).await;
    let admins = s.app.create_group(&s.manager, "Admins").await;
    crate::nested::nest(&s.app, &s.manager, &s.gid, &admins).await;
    let link = format!("/groups/{}/nested/{admins}", s.gid);
    let managing = json!({ "privileges": ["group_view_data", "group_set_privileges"] });
    s.app.put_json(&format!("{link}/privileges"), &s.manager, &managing).await.expect(StatusCode::NO_CONTENT);
    // The user manager leaves: the Admins child manages the group now (the manager still does,
    // through it, as a member of Admins).
    s.app.delete(&format!("/user/groups/{}", s.gid), &s.manager).await.expect(StatusCode::NO_CONTENT);
    assert_last_manager(&s.app.delete(&link, &s.app.admin_token).await, &s.gid);
    let demoted = json!({ "privileges": ["group_view_data"] });
    let reply = s.app.put_json(&format!("{link}/privileges"), &s.manager, &demoted).await;
    assert_last_manager(&reply, &s.gid);
    // Deleting the child unlinks it: refused too, even to a zone admin, naming the parent.
    assert_last_manager(&s.app.delete(&format!("/groups/{admins}"), &s.app.admin_token).await, &s.gid);
    let privileges = s.app.get(&format!("{link}/privileges"), &s.manager).await.expect(StatusCode::OK).json();
    assert_eq!(privileges, managing, "nothing changed");
    // Once the member manages too, the child may be demoted and unlinked.
    let path = format!("/groups/{}/users/{}/privileges", s.gid, s.member_id);
    s.app.put_json(&path, &s.manager, &managing).await.expect(StatusCode::NO_CONTENT);
    s.app.put_json(&format!("{link}/privileges"), &s.member, &demoted).await.expect(StatusCode::NO_CONTENT);
    s.app.delete(&link, &s.app.admin_token).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(s.app.members(&s.gid).await, vec![s.member_id.clone()]);
}

/// Twenty groups, each with two managers and a member; both managers leave at once (through two
/// instances where the backend allows: SQLite file and PostgreSQL database shared). Exactly one
/// leaves each group, the other is told it is the last manager.
async fn the_last_two_managers_leaving_at_once_leave_exactly_one(backend: Backend) {
    let first = spawn_app(backend).await;
    let second = match backend {
        Backend::Memory => None,
        _ => Some(first.another_instance_with(|store| store).await),
    };
    let apps: Vec<&TestApp> = [Some(&first), second.as_ref()].into_iter().flatten().collect();
    for round in 0..20 {
        let (_, a) = first.user("manager a").await;
        let (b_id, b) = first.user("manager b").await;
        let (_, member) = first.user("member").await;
        let gid = first.create_group(&a, "Team").await;
        first.request(Method::PUT, &format!("/groups/{gid}/users/{b_id}")).auth(&first.admin_token).send().await;
        let path = format!("/groups/{gid}/users/{b_id}/privileges");
        first
            .put_json(&path, &a, &json!({ "privileges": ["group_set_privileges"] }))
            .await
            .expect(StatusCode::NO_CONTENT);
        first.join_ok(&member, &first.invite(&a, &gid).await).await;

        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let leave = format!("/user/groups/{gid}");
        let (one, other) = (apps[round % apps.len()], apps[(round + 1) % apps.len()]);
        let replies = tokio::join!(
            async {
                barrier.wait().await;
                one.delete(&leave, &a).await
            },
            async {
                barrier.wait().await;
                other.delete(&leave, &b).await
            }
        );
        let statuses = [replies.0.status, replies.1.status];
        let left = statuses.iter().filter(|s| **s == StatusCode::NO_CONTENT).count();
        assert_eq!(left, 1, "round {round}: {} / {}", replies.0.text(), replies.1.text());
        let refused = if replies.0.status == StatusCode::CONFLICT { &replies.0 } else { &replies.1 };
        assert_last_manager(refused, &gid);
        assert_eq!(first.members(&gid).await.len(), 2, "round {round}: a manager and the member remain");
    }
}

all_backends!(
    the_last_manager_cannot_leave_until_another_member_manages,
    another_manager_lifts_the_refusal,
    removing_the_last_manager_is_refused_even_to_a_zone_admin,
    taking_group_set_privileges_from_the_last_manager_is_refused,
    deleting_the_last_manager_is_refused_until_the_group_is_deleted,
    a_managing_child_group_cannot_be_unlinked_or_demoted_as_the_last_manager,
);
all_backends!(multi_thread: the_last_two_managers_leaving_at_once_leave_exactly_one);
