//! HTTP Basic authentication (contract §7) over real HTTP: a user given a password
//! authenticates with `Authorization: Basic base64(login:password)` on any operation; a wrong
//! password, an unknown login and a malformed header are the same 401 `invalid_credentials`
//! with both challenges; failures count in the rate limits per address and per login; a
//! password changed elsewhere is seen from the next second of the clock.

use std::num::NonZeroU32;
use std::time::Duration;

use base64::Engine as _;
use oz_groups::domain::{Login, Name};
use oz_groups::http::limits::{Limit, Limits, Rate};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::{assert_error, spawn_app, spawn_limited, Backend, Reply, TestApp};
use crate::{all_backends, edge_only};

const BOTH: &str = r#"Bearer realm="onezone", Basic realm="onezone""#;

/// A user with `login` and `password`, made as the CLI makes one; its id.
async fn with_password(app: &TestApp, login: &str, password: &str) -> String {
    let name = Name::parse(login, "name").unwrap();
    let (user, _) = app.app.add_user(Login::parse(login).unwrap(), name, false).await.expect("the user is created");
    app.app.set_password(login, password).await.expect("the password is set");
    user.id.to_string()
}

fn basic(login: &str, password: &str) -> String {
    format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{login}:{password}")))
}

async fn get_user_as(app: &TestApp, login: &str, password: &str) -> Reply {
    app.request(Method::GET, "/user").credential("Authorization", &basic(login, password)).secret(password).send().await
}

#[track_caller]
fn assert_invalid_credentials(reply: &Reply) {
    let body = assert_error(reply, StatusCode::UNAUTHORIZED, "invalid_credentials");
    assert_eq!(reply.header("www-authenticate").as_deref(), Some(BOTH));
    assert!(body["error_description"].as_str().is_some_and(|d| !d.is_empty()));
}

async fn a_login_and_password_authenticate_every_operation(backend: Backend) {
    let app = spawn_app(backend).await;
    let uid = with_password(&app, "alice", "correct horse").await;
    let me = get_user_as(&app, "alice", "correct horse").await.expect(StatusCode::OK).json();
    assert_eq!((me["userId"].as_str(), me["login"].as_str()), (Some(uid.as_str()), Some("alice")));
    // A write, then the seed operation, as rc11's examples do them (`curl -u`).
    let credential = basic("alice", "correct horse");
    let reply = app
        .request(Method::POST, "/user/groups")
        .credential("Authorization", &credential)
        .json(&json!({ "name": "Team" }))
        .send()
        .await;
    let location = reply.expect(StatusCode::CREATED).header("location").unwrap();
    let gid = location.rsplit('/').next().unwrap().to_owned();
    let (_, owner) = app.user("owner").await;
    let other = app.create_group(&owner, "Other").await;
    let invite = app.invite(&owner, &other).await;
    let reply = app
        .request(Method::POST, "/user/groups/join")
        .credential("Authorization", &credential)
        .json(&json!({ "token": invite }))
        .send()
        .await;
    reply.expect(StatusCode::CREATED);
    let groups = app.request(Method::GET, "/user/groups").credential("Authorization", &credential).send().await;
    assert_eq!(groups.expect(StatusCode::OK).json(), json!({ "groups": [gid, other] }));
}

async fn a_wrong_password_and_an_unknown_login_get_the_same_401(backend: Backend) {
    let app = spawn_app(backend).await;
    with_password(&app, "alice", "correct horse").await;
    let (_, _) = app.user("nopass").await;
    let wrong = get_user_as(&app, "alice", "wrong").await;
    let unknown = get_user_as(&app, "nobody", "correct horse").await;
    let no_password = get_user_as(&app, "nopass", "anything").await;
    for reply in [&wrong, &unknown, &no_password] {
        assert_invalid_credentials(reply);
    }
    assert_eq!(wrong.body, unknown.body, "nothing tells the two apart");
    assert_eq!(wrong.body, no_password.body);
    assert_invalid_credentials(&get_user_as(&app, "alice", "").await);
}

async fn a_password_changed_elsewhere_is_refused_from_the_next_second(backend: Backend) {
    let app = spawn_app(backend).await;
    with_password(&app, "alice", "old").await;
    get_user_as(&app, "alice", "old").await.expect(StatusCode::OK);
    // The CLI, another process, changes it in the store: within the second the cache answers.
    app.app.set_password("alice", "new").await.unwrap();
    get_user_as(&app, "alice", "old").await.expect(StatusCode::OK);
    app.clock.advance(1);
    assert_invalid_credentials(&get_user_as(&app, "alice", "old").await);
    get_user_as(&app, "alice", "new").await.expect(StatusCode::OK);
}

async fn a_basic_header_that_does_not_decode_is_invalid_credentials(_: Backend) {
    let app = spawn_app(Backend::Memory).await;
    for value in ["Basic", "Basic not-base64!", "Basic YWxpY2U=", "Basic /w=="] {
        let reply = app.request(Method::GET, "/user").credential("Authorization", value).send().await;
        assert_invalid_credentials(&reply);
    }
}

async fn every_401_offers_both_schemes(_: Backend) {
    let app = spawn_app(Backend::Memory).await;
    let missing = app.request(Method::GET, "/user").send().await;
    assert_error(&missing, StatusCode::UNAUTHORIZED, "unauthorized");
    assert_eq!(missing.header("www-authenticate").as_deref(), Some(BOTH));
    let bad_token = app.get("/user", "not-a-token").await;
    assert_error(&bad_token, StatusCode::UNAUTHORIZED, "invalid_token");
    assert_eq!(
        bad_token.header("www-authenticate").as_deref(),
        Some(r#"Bearer realm="onezone", error="invalid_token", Basic realm="onezone""#)
    );
    assert_invalid_credentials(&get_user_as(&app, "nobody", "x").await);
}

fn rate(burst: u32) -> Option<Rate> {
    Some(Rate { burst: NonZeroU32::new(burst).unwrap(), period: Duration::from_secs(60) })
}

async fn basic_from(app: &TestApp, login: &str, password: &str, from: &str) -> Reply {
    app.request(Method::GET, "/user")
        .credential("Authorization", &basic(login, password))
        .header("X-Forwarded-For", from)
        .send()
        .await
}

async fn failed_basic_attempts_on_one_login_trip_its_limit_from_any_address(_: Backend) {
    let limits = Limits { auth_failures_per_login: rate(2), trust_forwarded_for: true, ..Default::default() };
    let (app, limiter) = spawn_limited(&limits, |s| s).await;
    with_password(&app, "alice", "s3cret").await;
    with_password(&app, "bob", "s3cret").await;
    assert_invalid_credentials(&basic_from(&app, "alice", "guess1", "192.0.2.1").await);
    assert_invalid_credentials(&basic_from(&app, "alice", "guess2", "192.0.2.2").await);
    let reply = basic_from(&app, "alice", "s3cret", "192.0.2.3").await;
    assert_error(&reply, StatusCode::TOO_MANY_REQUESTS, "too_many_requests");
    assert_eq!(limiter.rejections().get(Limit::AuthFailuresPerLogin), 1);
    // Another login is judged on its own; so are access tokens.
    basic_from(&app, "bob", "s3cret", "192.0.2.3").await.expect(StatusCode::OK);
    app.get("/user", &app.admin_token).await.expect(StatusCode::OK);
}

async fn failed_basic_attempts_count_against_the_address(_: Backend) {
    let limits = Limits { auth_failures_per_address: rate(2), trust_forwarded_for: true, ..Default::default() };
    let (app, limiter) = spawn_limited(&limits, |s| s).await;
    with_password(&app, "alice", "s3cret").await;
    assert_invalid_credentials(&basic_from(&app, "alice", "guess1", "192.0.2.1").await);
    assert_invalid_credentials(&basic_from(&app, "nobody", "guess2", "192.0.2.1").await);
    let reply = basic_from(&app, "alice", "s3cret", "192.0.2.1").await;
    assert_error(&reply, StatusCode::TOO_MANY_REQUESTS, "too_many_requests");
    assert_eq!(limiter.rejections().get(Limit::AuthFailuresPerAddress), 1);
    basic_from(&app, "alice", "s3cret", "192.0.2.2").await.expect(StatusCode::OK);
}

all_backends!(
    a_login_and_password_authenticate_every_operation,
    a_wrong_password_and_an_unknown_login_get_the_same_401,
    a_password_changed_elsewhere_is_refused_from_the_next_second,
);

edge_only!(
    a_basic_header_that_does_not_decode_is_invalid_credentials,
    every_401_offers_both_schemes,
    failed_basic_attempts_on_one_login_trip_its_limit_from_any_address,
    failed_basic_attempts_count_against_the_address,
);
