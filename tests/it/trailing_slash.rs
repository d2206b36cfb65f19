//! A trailing slash never changes the resource (contract §2, as Onezone 17.06 and its tests
//! have it): `/user/` is `/user` and `/groups/{id}/` is `/groups/{id}`, for every method,
//! including a 405's `Allow`, HEAD, and the rate limits' reading of which operation a request
//! is. Swagger UI and the spec stay where they were.

use std::num::NonZeroU32;
use std::time::Duration;

use oz_groups::http::limits::{Limit, Limits, Rate};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::{assert_error, spawn_app, spawn_limited, Backend};
use crate::{all_backends, edge_only};

async fn reads_and_writes_with_a_trailing_slash_reach_the_same_resource(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin_token.clone();
    assert_eq!(app.get("/user/", &admin).await.expect(StatusCode::OK).json(), app.get("/user", &admin).await.json());
    let reply = app.request(Method::POST, "/user/groups/").auth(&admin).json(&json!({ "name": "Slash" })).send().await;
    let gid = reply.expect(StatusCode::CREATED).header("location").unwrap().rsplit('/').next().unwrap().to_owned();
    let group = format!("/groups/{gid}/");
    app.request(Method::PATCH, &group)
        .auth(&admin)
        .json(&json!({ "name": "Renamed" }))
        .send()
        .await
        .expect(StatusCode::NO_CONTENT);
    assert_eq!(app.get(&format!("/groups/{gid}"), &admin).await.json()["name"], "Renamed");
    let invite = app.request(Method::POST, &format!("/groups/{gid}/users/token/")).auth(&admin).send().await;
    let invite = invite.expect(StatusCode::OK).json()["token"].as_str().unwrap().to_owned();
    let (uid, bob) = app.user("bob").await;
    let joined =
        app.request(Method::POST, "/user/groups/join/").auth(&bob).json(&json!({ "token": invite })).send().await;
    joined.expect(StatusCode::CREATED);
    let members = app.get(&format!("/groups/{gid}/users/"), &admin).await.expect(StatusCode::OK).json();
    assert_eq!(members, app.get(&format!("/groups/{gid}/users"), &admin).await.json());
    let privileges = format!("/groups/{gid}/users/{uid}/privileges/");
    app.request(Method::PUT, &privileges)
        .auth(&admin)
        .json(&json!({ "privileges": ["group_view_data", "group_invite_user"] }))
        .send()
        .await
        .expect(StatusCode::NO_CONTENT);
    assert_eq!(app.privileges(&gid, &uid).await, ["group_view_data", "group_invite_user"]);
    app.delete(&format!("/user/groups/{gid}/"), &bob).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(app.members(&gid).await.len(), 1);
    app.delete(&group, &admin).await.expect(StatusCode::NO_CONTENT);
    assert_error(&app.get(&group, &admin).await, StatusCode::NOT_FOUND, "not_found");
}

async fn a_wrong_method_with_a_trailing_slash_gets_the_same_405_and_head_the_same_answer(_: Backend) {
    let app = spawn_app(Backend::Memory).await;
    for (method, path) in [(Method::GET, "/user/groups/join"), (Method::PUT, "/user"), (Method::POST, "/groups/x")] {
        let bare = app.request(method.clone(), path).send().await;
        let slashed = app.request(method.clone(), &format!("{path}/")).send().await;
        assert_error(&slashed, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
        assert_eq!(slashed.header("allow"), bare.header("allow"), "{method} {path}/");
    }
    let head = app.request(Method::HEAD, "/user/").auth(&app.admin_token).send().await.expect(StatusCode::OK);
    let get = app.get("/user", &app.admin_token).await;
    assert!(head.body.is_empty());
    assert_eq!(head.header("content-length"), get.header("content-length"));
    // Only one slash is dropped: an empty segment still names nothing, as does the bare root.
    for path in ["/user//", "/groups//", "/", "//user", "/user//groups", "//groups"] {
        let reply = app.get(path, &app.admin_token).await;
        assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
    }
}

async fn a_failed_join_with_a_trailing_slash_counts_against_the_join_limit(_: Backend) {
    let rate = Rate { burst: NonZeroU32::new(2).unwrap(), period: Duration::from_secs(60) };
    let limits = Limits { join_failures_per_user: Some(rate), ..Default::default() };
    let (app, limiter) = spawn_limited(&limits, |s| s).await;
    let (_, alice) = app.user("alice").await;
    let join =
        |path: &'static str| app.request(Method::POST, path).auth(&alice).json(&json!({ "token": "garbage" })).send();
    assert_error(&join("/user/groups/join/").await, StatusCode::BAD_REQUEST, "invalid_token");
    assert_error(&join("/user/groups/join").await, StatusCode::BAD_REQUEST, "invalid_token");
    assert_error(&join("/user/groups/join/").await, StatusCode::TOO_MANY_REQUESTS, "too_many_requests");
    assert_eq!(limiter.rejections().get(Limit::JoinFailuresPerUser), 1);
}

async fn swagger_ui_and_the_spec_are_served_as_before(_: Backend) {
    let app = spawn_app(Backend::Memory).await;
    let docs = app.request_root(Method::GET, "/docs").send().await;
    assert_eq!(docs.status, StatusCode::MOVED_PERMANENTLY, "Swagger UI needs its page's slash");
    assert_eq!(docs.header("location").as_deref(), Some("/docs/"));
    let page = app.request_root(Method::GET, "/docs/").send().await.expect(StatusCode::OK);
    assert!(page.text().to_lowercase().contains("swagger"), "{}", page.text());
    let spec = app.request_root(Method::GET, "/openapi.json").send().await.expect(StatusCode::OK);
    assert_eq!(spec.json()["openapi"], "3.0.3");
}

all_backends! {
    reads_and_writes_with_a_trailing_slash_reach_the_same_resource,
}

edge_only! {
    a_wrong_method_with_a_trailing_slash_gets_the_same_405_and_head_the_same_answer,
    a_failed_join_with_a_trailing_slash_counts_against_the_join_limit,
    swagger_ui_and_the_spec_are_served_as_before,
}
