//! `/user`, `/user/client_token` and `/user/groups[/...]`.

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::tokens::attenuate;
use crate::support::{assert_error, spawn_app, Backend, ALL_PRIVILEGES, API_ROOT};
use crate::{all_backends, edge_only};

async fn the_current_user_is_shown_with_id_login_name_empty_alias_and_empty_lists(backend: Backend) {
    let app = spawn_app(backend).await;
    let (uid, token) = app.user("alice").await;
    let reply = app.get("/user", &token).await.expect(StatusCode::OK);
    assert_eq!(reply.header("content-type").as_deref(), Some("application/json"));
    assert_eq!(
        reply.json(),
        json!({ "userId": uid, "login": "alice", "name": "alice", "alias": "", "connectedAccounts": [], "emailList": [] })
    );

    let admin = app.get("/user", &app.admin_token).await.expect(StatusCode::OK).json();
    assert_eq!((&admin["name"], &admin["login"]), (&json!("admin"), &json!("admin")));
}

async fn patching_the_current_user_changes_name_and_alias(backend: Backend) {
    let app = spawn_app(backend).await;
    let (uid, token) = app.user("alice").await;

    let reply = app.patch_json("/user", &token, &json!({ "name": "Alice Liddell", "alias": "al" })).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.text());
    assert!(reply.body.is_empty());
    let me = app.get("/user", &token).await.expect(StatusCode::OK).json();
    assert_eq!(
        me,
        json!({ "userId": uid, "login": "alice", "name": "Alice Liddell", "alias": "al", "connectedAccounts": [], "emailList": [] })
    );

    // Only the alias, cleared with the empty string (the spec's `Alias`); the name stays.
    app.patch_json("/user", &token, &json!({ "alias": "" })).await.expect(StatusCode::NO_CONTENT);
    let me = app.get("/user", &token).await.expect(StatusCode::OK).json();
    assert_eq!(
        me,
        json!({ "userId": uid, "login": "alice", "name": "Alice Liddell", "alias": "", "connectedAccounts": [], "emailList": [] })
    );

    // Only the name; 50 characters (multi-byte ones count as one) are fine.
    let fifty = "ż".repeat(50);
    app.patch_json("/user", &token, &json!({ "name": fifty })).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(app.get("/user", &token).await.expect(StatusCode::OK).json()["name"], fifty);
}

async fn patching_the_current_user_with_a_bad_body_is_invalid_request(backend: Backend) {
    let app = spawn_app(backend).await;
    let (uid, token) = app.user("alice").await;
    let bad = [
        json!({}),
        json!({ "nickname": "x" }),
        json!({ "name": "bob", "admin": true }),
        json!({ "name": "a".repeat(51) }),
        json!({ "name": "" }),
        json!({ "name": "tab\there" }),
        json!({ "name": "bell\u{7}" }),
        json!({ "name": null }),
        json!({ "name": 5 }),
        json!({ "alias": "a".repeat(51) }),
        json!({ "alias": null }),
        json!({ "alias": "c1\u{85}control" }),
        json!({ "name": "c1\u{9c}control" }),
        json!({ "alias": "new\nline" }),
        json!({ "alias": 5 }),
        json!([]),
    ];
    for body in bad {
        let reply = app.patch_json("/user", &token, &body).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body}: {}", reply.text());
        assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
    }
    let reply =
        app.request(Method::PATCH, "/user").auth(&token).raw(r#"{"name":"x"}"#, Some("text/plain")).send().await;
    assert_error(&reply, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    let reply = app.request(Method::PATCH, "/user").json(&json!({ "name": "x" })).send().await;
    assert_error(&reply, StatusCode::UNAUTHORIZED, "unauthorized");
    // Nothing changed.
    let me = app.get("/user", &token).await.expect(StatusCode::OK).json();
    assert_eq!(
        me,
        json!({ "userId": uid, "login": "alice", "name": "alice", "alias": "", "connectedAccounts": [], "emailList": [] })
    );
}

async fn a_client_token_is_a_new_access_token_for_the_caller(backend: Backend) {
    let app = spawn_app(backend).await;
    let (uid, token) = app.user("alice").await;
    let reply = app.get("/user/client_token", &token).await.expect(StatusCode::OK);
    let body = reply.json();
    assert_eq!(body.as_object().unwrap().len(), 1, "{body}");
    let fresh = body["token"].as_str().expect("a token").to_owned();
    assert_ne!(fresh, token);
    assert_eq!(app.user_id(&fresh).await, uid);
    // It works in the seed operation too, and the old one keeps working.
    let gid = app.create_group(&app.admin_token, "Team").await;
    let invite = app.invite(&app.admin_token, &gid).await;
    app.join_ok(&fresh, &invite).await;
    assert_eq!(app.groups_of(&token).await, vec![gid]);

    let reply = app.request(Method::GET, "/user/client_token").send().await;
    assert_error(&reply, StatusCode::UNAUTHORIZED, "unauthorized");
}

async fn an_attenuated_access_token_may_not_mint_an_unrestricted_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let (uid, token) = app.user("alice").await;
    // Limited to the next hour by its holder: it works, but may not trade itself for a token
    // without that limit.
    let hour = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() + 3600;
    let limited = attenuate(&token, &format!("time < {hour}"));
    assert_eq!(app.user_id(&limited).await, uid);
    let reply = app.get("/user/client_token", &limited).await;
    let body = assert_error(&reply, StatusCode::FORBIDDEN, "forbidden");
    assert!(body["error_description"].as_str().unwrap().contains("caveats"), "{body}");
    let limited_to_here = attenuate(&token, "ip = 127.0.0.1");
    assert_error(&app.get("/user/client_token", &limited_to_here).await, StatusCode::FORBIDDEN, "forbidden");
    app.get("/user/client_token", &token).await.expect(StatusCode::OK);
}

async fn an_ip_caveat_on_an_access_token_admits_the_addresses_it_names(backend: Backend) {
    let app = spawn_app(backend).await;
    let (uid, token) = app.user("alice").await;
    // The tests' client is 127.0.0.1.
    for admitted in ["ip = 127.0.0.1", "ip = 127.0.0.0/8", "ip = 10.0.0.0/8|127.0.0.1/32"] {
        assert_eq!(app.user_id(&attenuate(&token, admitted)).await, uid, "{admitted}");
    }
    let elsewhere = attenuate(&token, "ip = 10.0.0.0/8");
    let body = assert_error(&app.get("/user", &elsewhere).await, StatusCode::UNAUTHORIZED, "invalid_token");
    assert_eq!(body["error_description"], "The token may not be used from this network address.");
    // A consumer caveat names who may consume a token; an access token's own user is not
    // identified as its consumer, and the answer says so.
    let consumed = attenuate(&token, &format!("consumer = usr-{uid}"));
    let body = assert_error(&app.get("/user", &consumed).await, StatusCode::UNAUTHORIZED, "invalid_token");
    assert!(body["error_description"].as_str().unwrap().contains("no consumer is identified"), "{body}");
}

async fn creating_a_group_for_the_user_gives_the_creator_every_privilege(backend: Backend) {
    let app = spawn_app(backend).await;
    let (uid, token) = app.user("alice").await;
    let reply = app.post_json("/user/groups", &token, &json!({ "name": "Research team" })).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    assert!(reply.body.is_empty());
    let location = reply.header("location").expect("Location");
    let gid =
        location.strip_prefix(&format!("{API_ROOT}/user/groups/")).expect("Location under /user/groups").to_owned();
    assert!(!gid.is_empty() && gid.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'), "{gid}");

    let group = app.get(&format!("/user/groups/{gid}"), &token).await.expect(StatusCode::OK).json();
    assert_eq!(group, json!({ "groupId": gid, "name": "Research team", "type": "role" }), "type defaults to role");
    assert_eq!(app.privileges(&gid, &uid).await, ALL_PRIVILEGES.to_vec());
    assert_eq!(app.members(&gid).await, vec![uid]);

    for kind in ["organization", "unit", "team", "role"] {
        let reply = app
            .post_json("/user/groups", &token, &json!({ "name": kind, "type": kind }))
            .await
            .expect(StatusCode::CREATED);
        let gid = reply.header("location").unwrap().rsplit('/').next().unwrap().to_owned();
        assert_eq!(app.get(&format!("/groups/{gid}"), &token).await.expect(StatusCode::OK).json()["type"], kind);
    }
}

async fn creating_a_group_with_a_bad_body_is_invalid_request(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = app.user("alice").await;
    for path in ["/user/groups", "/groups"] {
        for body in [
            json!({}),
            json!({ "name": "" }),
            json!({ "name": "a".repeat(51) }),
            json!({ "name": "line\nbreak" }),
            json!({ "name": 7 }),
            json!({ "name": "x", "type": "club" }),
            json!({ "name": "x", "type": null }),
            json!({ "name": "x", "colour": "blue" }),
            json!(["x"]),
        ] {
            let reply = app.post_json(path, &token, &body).await;
            assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{path} {body}: {}", reply.text());
            assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
        }
        let reply =
            app.request(Method::POST, path).auth(&token).raw(r#"{"name":"x"}"#, Some("text/plain")).send().await;
        assert_error(&reply, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
        let reply = app.request(Method::POST, path).json(&json!({ "name": "x" })).send().await;
        assert_error(&reply, StatusCode::UNAUTHORIZED, "unauthorized");
        let big = json!({ "name": "x".repeat(70 * 1024) });
        assert_error(&app.post_json(path, &token, &big).await, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    }
    assert!(app.groups_of(&token).await.is_empty());
}

async fn the_users_groups_are_listed_in_an_object(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, alice) = app.user("alice").await;
    let (_, bob) = app.user("bob").await;
    let empty = app.get("/user/groups", &alice).await.expect(StatusCode::OK).json();
    assert_eq!(empty, json!({ "groups": [] }));

    let first = app.create_group(&alice, "First").await;
    let second = app.create_group(&alice, "Second").await;
    let _bobs = app.create_group(&bob, "Bob's").await;
    let listed = app.get("/user/groups", &alice).await.expect(StatusCode::OK).json();
    assert_eq!(listed, json!({ "groups": [first, second] }));
}

async fn a_users_group_is_shown_only_to_its_members(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, alice) = app.user("alice").await;
    let (_, bob) = app.user("bob").await;
    let gid = app.create_group(&alice, "Research team").await;

    let group = app.get(&format!("/user/groups/{gid}"), &alice).await.expect(StatusCode::OK).json();
    assert_eq!(group, json!({ "groupId": gid, "name": "Research team", "type": "role" }));

    let hidden = app.get(&format!("/user/groups/{gid}"), &bob).await;
    let hidden_body = assert_error(&hidden, StatusCode::NOT_FOUND, "not_found");
    let unknown = app.get("/user/groups/00000000000000000000000000000000", &bob).await;
    let unknown_body = assert_error(&unknown, StatusCode::NOT_FOUND, "not_found");
    assert_eq!(hidden_body, unknown_body, "a non-member cannot tell the group exists");
    assert_error(&app.get("/user/groups/not%20an%20id", &alice).await, StatusCode::NOT_FOUND, "not_found");
    // /user/groups is the caller's own memberships: a zone admin who is not a member gets 404
    // here too (admins see any group at /groups/{id}).
    assert_error(&app.get(&format!("/user/groups/{gid}"), &app.admin_token).await, StatusCode::NOT_FOUND, "not_found");
    app.get(&format!("/groups/{gid}"), &app.admin_token).await.expect(StatusCode::OK);
}

async fn leaving_a_group_removes_the_membership(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, alice) = app.user("alice").await;
    let (bob_id, bob) = app.user("bob").await;
    let gid = app.create_group(&alice, "Research team").await;
    let invite = app.invite(&alice, &gid).await;
    app.join_ok(&bob, &invite).await;

    let reply = app.delete(&format!("/user/groups/{gid}"), &bob).await;
    assert_eq!(reply.status, StatusCode::NO_CONTENT, "{}", reply.text());
    assert!(reply.body.is_empty());
    assert!(app.groups_of(&bob).await.is_empty());
    assert!(!app.members(&gid).await.contains(&bob_id));
    assert_error(&app.get(&format!("/user/groups/{gid}"), &bob).await, StatusCode::NOT_FOUND, "not_found");
    // Leaving again, or a group one never belonged to, or one that does not exist: 404.
    assert_error(&app.delete(&format!("/user/groups/{gid}"), &bob).await, StatusCode::NOT_FOUND, "not_found");
    assert_error(
        &app.delete("/user/groups/00000000000000000000000000000000", &bob).await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    // The group itself lives on.
    app.get(&format!("/groups/{gid}"), &alice).await.expect(StatusCode::OK);
}

// Body validation, Content-Type and credentials are decided at the edge.
edge_only!(
    patching_the_current_user_with_a_bad_body_is_invalid_request,
    creating_a_group_with_a_bad_body_is_invalid_request
);

all_backends!(
    the_current_user_is_shown_with_id_login_name_empty_alias_and_empty_lists,
    patching_the_current_user_changes_name_and_alias,
    a_client_token_is_a_new_access_token_for_the_caller,
    an_attenuated_access_token_may_not_mint_an_unrestricted_one,
    an_ip_caveat_on_an_access_token_admits_the_addresses_it_names,
    creating_a_group_for_the_user_gives_the_creator_every_privilege,
    the_users_groups_are_listed_in_an_object,
    a_users_group_is_shown_only_to_its_members,
    leaving_a_group_removes_the_membership,
);
