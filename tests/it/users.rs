//! The user model of contract §4 over HTTP: `login`, `alias` (`""` when unset, unique when set:
//! 400 `alias_in_use`), `connectedAccounts` and `emailList`, and the read-only members of
//! `User` that PATCH `/user` takes back as fetched (contract §2).

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::all_backends;
use crate::support::{assert_error, spawn_app, Backend, TestApp};

async fn me(app: &TestApp, token: &str) -> Value {
    app.get("/user", token).await.expect(StatusCode::OK).json()
}

async fn users_sharing_a_name_get_unique_logins_and_an_unset_alias_is_empty(backend: Backend) {
    let app = spawn_app(backend).await;
    let (first, first_token) = app.user("sam").await;
    let (second, second_token) = app.user("sam").await;
    let expected = |uid: &str, login: &str| json!({ "userId": uid, "login": login, "name": "sam", "alias": "", "connectedAccounts": [], "emailList": [] });
    assert_eq!(me(&app, &first_token).await, expected(&first, "sam"));
    assert_eq!(me(&app, &second_token).await, expected(&second, "sam-2"));
    // The same object for a member, as a group's manager reads it.
    let gid = app.create_group(&first_token, "Team").await;
    let invite = app.invite(&first_token, &gid).await;
    app.join_ok(&second_token, &invite).await;
    let member = app.get(&format!("/groups/{gid}/users/{second}"), &first_token).await.expect(StatusCode::OK);
    assert_eq!(member.json(), expected(&second, "sam-2"));
}

async fn an_alias_taken_by_another_user_is_alias_in_use_and_changes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, alice) = app.user("alice").await;
    let (_, bob) = app.user("bob").await;
    app.patch_json("/user", &alice, &json!({ "alias": "al" })).await.expect(StatusCode::NO_CONTENT);
    let reply = app.patch_json("/user", &bob, &json!({ "name": "Bob", "alias": "al" })).await;
    let body = assert_error(&reply, StatusCode::BAD_REQUEST, "alias_in_use");
    assert_eq!(body["error_description"], "The alias is already taken by another user.");
    assert_eq!(
        (me(&app, &bob).await["name"].clone(), me(&app, &bob).await["alias"].clone()),
        (json!("bob"), json!(""))
    );
    // Setting one's own alias again is no conflict; aliases match exactly.
    app.patch_json("/user", &alice, &json!({ "alias": "al" })).await.expect(StatusCode::NO_CONTENT);
    app.patch_json("/user", &bob, &json!({ "alias": "Al" })).await.expect(StatusCode::NO_CONTENT);
    // A cleared alias is free for someone else.
    app.patch_json("/user", &alice, &json!({ "alias": "" })).await.expect(StatusCode::NO_CONTENT);
    app.patch_json("/user", &bob, &json!({ "alias": "al" })).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(me(&app, &bob).await["alias"], "al");
    assert_eq!(me(&app, &alice).await["alias"], "");
}

async fn the_user_object_fetched_can_be_sent_back_with_a_change(backend: Backend) {
    let app = spawn_app(backend).await;
    let (uid, token) = app.user("alice").await;
    let mut body = me(&app, &token).await;
    body["name"] = json!("Alice Liddell");
    body["alias"] = json!("al");
    app.patch_json("/user", &token, &body).await.expect(StatusCode::NO_CONTENT);
    let expected = json!({
        "userId": uid, "login": "alice", "name": "Alice Liddell", "alias": "al", "connectedAccounts": [], "emailList": []
    });
    assert_eq!(me(&app, &token).await, expected);
    // Read-only members alone, equal to the caller's: accepted, nothing to change.
    let read_only = json!({ "userId": uid, "login": "alice", "connectedAccounts": [], "emailList": [] });
    app.patch_json("/user", &token, &read_only).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(me(&app, &token).await, expected);
}

async fn read_only_members_that_differ_from_the_callers_are_invalid_request(backend: Backend) {
    let app = spawn_app(backend).await;
    let (uid, token) = app.user("alice").await;
    let (other, _) = app.user("bob").await;
    let account = json!({ "accountId": "a", "providerId": "p" });
    let contradicting = [
        (json!({ "name": "x", "userId": other }), "userId"),
        (json!({ "name": "x", "login": "bob" }), "login"),
        (json!({ "name": "x", "connectedAccounts": [account] }), "connectedAccounts"),
        (json!({ "name": "x", "emailList": ["alice@example.com"] }), "emailList"),
    ];
    for (body, member) in contradicting {
        let reply = app.patch_json("/user", &token, &body).await;
        let error = assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
        let description = error["error_description"].as_str().unwrap().to_owned();
        assert!(description.contains(&format!("'{member}'")), "{body}: {description}");
    }
    // Unknown members stay refused, next to read-only ones.
    let reply = app.patch_json("/user", &token, &json!({ "userId": uid, "nickname": "x" })).await;
    assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
    assert_eq!(me(&app, &token).await["name"], "alice", "nothing changed");
}

all_backends!(
    users_sharing_a_name_get_unique_logins_and_an_unset_alias_is_empty,
    an_alias_taken_by_another_user_is_alias_in_use_and_changes_nothing,
    the_user_object_fetched_can_be_sent_back_with_a_change,
    read_only_members_that_differ_from_the_callers_are_invalid_request,
);
