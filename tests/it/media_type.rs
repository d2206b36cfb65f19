//! The media type of request bodies (contract §2): a body without any `Content-Type` is read as
//! JSON (rc11-generated clients send none for some operations), while an explicit type other
//! than `application/json`, or a `charset` other than UTF-8, is 415. Every operation that takes
//! a body is tried both ways.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::edge_only;
use crate::support::{assert_error, spawn_app, Backend, TestApp};

/// One body-taking operation: method, path, a valid body, the success status.
struct Case {
    method: Method,
    path: String,
    body: Value,
    success: StatusCode,
}

/// Every operation of the spec that takes a body, each with a body it accepts as `owner` (the
/// admin, who owns group `gid`); `joiner` joins with a fresh invite.
async fn cases(app: &TestApp, gid: &str, member: &str) -> Vec<(Case, String)> {
    let owner = app.admin_token.clone();
    let (_, joiner) = app.user("joiner").await;
    let invite = app.invite(&owner, gid).await;
    let case = |method, path: String, body, success| Case { method, path, body, success };
    vec![
        (case(Method::PATCH, "/user".into(), json!({ "name": "Admin" }), StatusCode::NO_CONTENT), owner.clone()),
        (case(Method::POST, "/user/groups".into(), json!({ "name": "A" }), StatusCode::CREATED), owner.clone()),
        (case(Method::POST, "/groups".into(), json!({ "name": "B" }), StatusCode::CREATED), owner.clone()),
        (case(Method::PATCH, format!("/groups/{gid}"), json!({ "name": "C" }), StatusCode::NO_CONTENT), owner.clone()),
        (
            case(
                Method::PUT,
                format!("/groups/{gid}/users/{member}/privileges"),
                json!({ "privileges": ["group_view_data", "group_change_data"] }),
                StatusCode::NO_CONTENT,
            ),
            owner.clone(),
        ),
        (case(Method::POST, "/user/groups/join".into(), json!({ "token": invite }), StatusCode::CREATED), joiner),
    ]
}

async fn every_body_without_a_content_type_is_read_as_json_and_a_wrong_type_or_charset_is_415(backend: Backend) {
    let app = spawn_app(backend).await;
    let gid = app.create_group(&app.admin_token, "Media").await;
    let (member, member_token) = app.user("member").await;
    let invite = app.invite(&app.admin_token, &gid).await;
    app.join_ok(&member_token, &invite).await;
    let all = cases(&app, &gid, &member).await;
    assert_eq!(all.len(), 6, "the spec's six operations that take a body");
    for (case, token) in &all {
        let bytes = serde_json::to_vec(&case.body).unwrap();
        for wrong in ["text/plain", "application/json; charset=iso-8859-1", "application/json;charset=utf-16"] {
            let reply =
                app.request(case.method.clone(), &case.path).auth(token).raw(bytes.clone(), Some(wrong)).send().await;
            assert_error(&reply, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
        }
        let reply = app.request(case.method.clone(), &case.path).auth(token).raw(bytes, None).send().await;
        assert_eq!(reply.status, case.success, "{} {} without Content-Type: {}", case.method, case.path, reply.text());
    }
    // What the typeless bodies said took effect.
    assert_eq!(app.get(&format!("/groups/{gid}"), &app.admin_token).await.json()["name"], "C");
    assert_eq!(app.privileges(&gid, &member).await, ["group_view_data", "group_change_data"]);
    assert_eq!(app.members(&gid).await.len(), 3, "the admin, the member and the joiner");
}

async fn a_body_without_a_content_type_is_still_validated(backend: Backend) {
    let app = spawn_app(backend).await;
    for body in [&b"not json"[..], br#"{"name": "x", "extra": 1}"#, b""] {
        let reply = app.request(Method::POST, "/user/groups").auth(&app.admin_token).raw(body, None).send().await;
        assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
    }
}

edge_only! {
    every_body_without_a_content_type_is_read_as_json_and_a_wrong_type_or_charset_is_415,
    a_body_without_a_content_type_is_still_validated,
}
