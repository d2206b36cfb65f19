//! Lenient read-only members (contract §2, for Onezone rc11's clients, whose request bodies
//! reuse the whole fetched object): `groupId` in PATCH `/groups/{id}` and `userId` in PATCH
//! `/user` are ignored when they name the resource itself and refused (400, naming the
//! member) when they name another; unknown members are still 400.

use reqwest::StatusCode;
use serde_json::json;

use crate::all_backends;
use crate::support::{assert_error, spawn_app, Backend};

async fn a_fetched_group_sent_back_with_its_group_id_updates_it_and_another_id_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin_token.clone();
    let gid = app.create_group(&admin, "Original").await;
    let path = format!("/groups/{gid}");
    let mut fetched = app.get(&path, &admin).await.expect(StatusCode::OK).json();
    fetched["name"] = json!("Renamed");
    fetched["type"] = json!("team");
    app.patch_json(&path, &admin, &fetched).await.expect(StatusCode::NO_CONTENT);
    let now = app.get(&path, &admin).await.json();
    assert_eq!(
        (now["name"].as_str(), now["type"].as_str(), now["groupId"].as_str()),
        (Some("Renamed"), Some("team"), Some(gid.as_str()))
    );

    let other = app.create_group(&admin, "Other").await;
    let reply = app.patch_json(&path, &admin, &json!({ "groupId": other, "name": "Hijack" })).await;
    let error = assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
    assert!(error["error_description"].as_str().unwrap().contains("'groupId'"), "{error}");
    let reply = app.patch_json(&path, &admin, &json!({ "groupId": gid, "name": "x", "owner": "y" })).await;
    assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
    assert_eq!(app.get(&path, &admin).await.json()["name"], "Renamed", "nothing refused changed the group");
    assert_eq!(app.get(&format!("/groups/{other}"), &admin).await.json()["name"], "Other");
}

async fn the_fetched_user_sent_back_with_its_user_id_updates_it_and_another_id_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let (alice_id, alice) = app.user("alice").await;
    let (bob_id, _) = app.user("bob").await;
    let mut fetched = app.get("/user", &alice).await.expect(StatusCode::OK).json();
    assert_eq!(fetched["userId"], alice_id.as_str());
    fetched["name"] = json!("Alice");
    // Only the members PATCH /user declares are sent back; the users' own read-only members
    // (login and the lists) are the users helper's part of this rule.
    let body = json!({ "userId": fetched["userId"], "name": fetched["name"] });
    app.patch_json("/user", &alice, &body).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(app.get("/user", &alice).await.json()["name"], "Alice");

    let reply = app.patch_json("/user", &alice, &json!({ "userId": bob_id, "name": "Bob" })).await;
    let error = assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
    assert!(error["error_description"].as_str().unwrap().contains("'userId'"), "{error}");
    let reply = app.patch_json("/user", &alice, &json!({ "userId": alice_id, "admin": true })).await;
    assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
    assert_eq!(app.get("/user", &alice).await.json()["name"], "Alice", "nothing refused changed the user");
}

all_backends! {
    a_fetched_group_sent_back_with_its_group_id_updates_it_and_another_id_is_refused,
    the_fetched_user_sent_back_with_its_user_id_updates_it_and_another_id_is_refused,
}
