//! Rate limits (contract §9): each limit trips at its threshold with a JSON 429 and
//! `Retry-After`, per address and per user independently, recovers after its period, refuses
//! before any store access, and reads `X-Forwarded-For` only when told to trust it. The limits
//! are the edge's, so these run on the memory store; the servers get small limits of their own.

use std::num::NonZeroU32;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use oz_groups::http::limits::{Limit, Limits, Rate};
use oz_groups::tokens::TokenKind;
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::edge_only;
use crate::support::process::serve_fresh;
use crate::support::stores::{Mode, ProbeStore};
use crate::support::{assert_error, poll, spawn_limited, Backend, Reply, TestApp};

fn rate(burst: u32, period: Duration) -> Option<Rate> {
    Some(Rate { burst: NonZeroU32::new(burst).unwrap(), period })
}

const MINUTE: Duration = Duration::from_secs(60);

/// Asserts a 429 `too_many_requests` with a `Retry-After` of whole seconds, at least 1.
#[track_caller]
fn assert_limited(reply: &Reply) -> u64 {
    assert_error(reply, StatusCode::TOO_MANY_REQUESTS, "too_many_requests");
    let retry_after = reply.header("retry-after").expect("a 429 says when to retry");
    let seconds: u64 =
        retry_after.parse().unwrap_or_else(|_| panic!("Retry-After {retry_after:?} is not whole seconds"));
    assert!(seconds >= 1, "Retry-After {seconds}");
    seconds
}

/// `GET /user` with `token`, as the client at `from` behind a proxy (`X-Forwarded-For`).
async fn get_user_from(app: &TestApp, token: &str, from: &str) -> Reply {
    app.request(Method::GET, "/user").auth(token).header("X-Forwarded-For", from).send().await
}

/// A token with a valid signature whose identifier the server never recorded: a 401 that the
/// server can only decide by asking the store.
fn unknown_token(app: &TestApp) -> String {
    app.codec.mint(TokenKind::Access).token
}

async fn failed_authentications_from_one_address_trip_at_the_threshold_and_then_refuse_everything_from_it(_: Backend) {
    let limits = Limits { auth_failures_per_address: rate(3, MINUTE), trust_forwarded_for: true, ..Default::default() };
    let (app, limiter) = spawn_limited(&limits, |s| s).await;
    for _ in 0..3 {
        assert_error(&get_user_from(&app, "not-a-token", "192.0.2.1").await, StatusCode::UNAUTHORIZED, "invalid_token");
    }
    let retry_after = assert_limited(&get_user_from(&app, "not-a-token", "192.0.2.1").await);
    assert!(retry_after <= 20, "one failure comes back every 20 s: {retry_after}");
    // The address is refused whatever it sends, a good token included.
    assert_limited(&get_user_from(&app, &app.admin_token, "192.0.2.1").await);
    // Another address is not.
    get_user_from(&app, &app.admin_token, "192.0.2.2").await.expect(StatusCode::OK);
    assert_error(&get_user_from(&app, "not-a-token", "192.0.2.2").await, StatusCode::UNAUTHORIZED, "invalid_token");
    assert_eq!(limiter.rejections().get(Limit::AuthFailuresPerAddress), 2);
}

async fn failed_authentications_with_one_token_trip_its_limit_from_any_address(_: Backend) {
    let limits = Limits { auth_failures_per_token: rate(2, MINUTE), trust_forwarded_for: true, ..Default::default() };
    let (app, limiter) = spawn_limited(&limits, |s| s).await;
    let token = unknown_token(&app);
    for from in ["192.0.2.1", "192.0.2.2"] {
        assert_error(&get_user_from(&app, &token, from).await, StatusCode::UNAUTHORIZED, "invalid_token");
    }
    assert_limited(&get_user_from(&app, &token, "192.0.2.3").await);
    // Another token from the same address is judged on its own.
    let other = unknown_token(&app);
    assert_error(&get_user_from(&app, &other, "192.0.2.3").await, StatusCode::UNAUTHORIZED, "invalid_token");
    get_user_from(&app, &app.admin_token, "192.0.2.3").await.expect(StatusCode::OK);
    assert_eq!(limiter.rejections().get(Limit::AuthFailuresPerToken), 1);
}

async fn failed_joins_by_one_user_trip_the_users_limit_but_not_another_users(_: Backend) {
    let limits = Limits { join_failures_per_user: rate(3, MINUTE), ..Default::default() };
    let (app, limiter) = spawn_limited(&limits, |s| s).await;
    let (_, alice) = app.user("alice").await;
    let (_, bob) = app.user("bob").await;
    for _ in 0..3 {
        assert_error(&app.join(&alice, "garbage").await, StatusCode::BAD_REQUEST, "invalid_token");
    }
    assert_limited(&app.join(&alice, "garbage").await);
    // A good invite waits too: the limit is asked before the join is tried.
    let group = app.create_group(&app.admin_token, "g").await;
    let invite = app.invite(&app.admin_token, &group).await;
    assert_limited(&app.join(&alice, &invite).await);
    // Bob, from the same address, is not limited; nor is Alice anywhere else.
    assert_error(&app.join(&bob, "garbage").await, StatusCode::BAD_REQUEST, "invalid_token");
    app.get("/user/groups", &alice).await.expect(StatusCode::OK);
    assert_eq!(limiter.rejections().get(Limit::JoinFailuresPerUser), 2);
}

async fn failed_joins_from_one_address_trip_the_addresses_limit_whoever_sends_them(_: Backend) {
    let limits = Limits { join_failures_per_address: rate(3, MINUTE), trust_forwarded_for: true, ..Default::default() };
    let (app, _) = spawn_limited(&limits, |s| s).await;
    let join_from = |token: String, from: &'static str| {
        let app = &app;
        async move {
            app.request(Method::POST, "/user/groups/join")
                .auth(&token)
                .header("X-Forwarded-For", from)
                .json(&json!({ "token": "garbage" }))
                .send()
                .await
        }
    };
    for name in ["a", "b", "c"] {
        let (_, token) = app.user(name).await;
        assert_error(&join_from(token, "192.0.2.1").await, StatusCode::BAD_REQUEST, "invalid_token");
    }
    let (_, dave) = app.user("dave").await;
    assert_limited(&join_from(dave.clone(), "192.0.2.1").await);
    assert_error(&join_from(dave, "192.0.2.2").await, StatusCode::BAD_REQUEST, "invalid_token");
}

async fn writes_by_one_user_are_limited_whatever_their_outcome_and_reads_are_not(_: Backend) {
    let limits = Limits { writes_per_user: rate(3, MINUTE), ..Default::default() };
    let (app, limiter) = spawn_limited(&limits, |s| s).await;
    let (_, alice) = app.user("alice").await;
    app.create_group(&alice, "one").await;
    // A refused write spends one too.
    app.post_json("/user/groups", &alice, &json!({ "name": "" })).await.expect(StatusCode::BAD_REQUEST);
    app.create_group(&alice, "three").await;
    let reply = app.post_json("/user/groups", &alice, &json!({ "name": "four" })).await;
    let retry_after = assert_limited(&reply);
    assert!(retry_after <= 20, "one write comes back every 20 s: {retry_after}");
    assert_limited(&app.patch_json("/user", &alice, &json!({ "name": "al" })).await);
    app.get("/user/groups", &alice).await.expect(StatusCode::OK);
    let (_, bob) = app.user("bob").await;
    app.create_group(&bob, "bob's").await;
    assert_eq!(limiter.rejections().get(Limit::WritesPerUser), 2);
}

/// Onezone's GETs that mint and store a token each time are writes: one account cannot fill
/// the disk through them (contract §9). Their HEADs store nothing, but count as the GET, whose
/// status (429 included) they must answer with.
async fn the_gets_that_mint_a_token_count_as_writes(_: Backend) {
    let limits = Limits { writes_per_user: rate(3, MINUTE), ..Default::default() };
    let (app, limiter) = spawn_limited(&limits, |s| s).await;
    let (_, alice) = app.user("alice").await;
    let group = app.create_group(&alice, "one").await;
    app.get(&format!("/groups/{group}/users/token"), &alice).await.expect(StatusCode::OK);
    app.get("/user/client_token", &alice).await.expect(StatusCode::OK);
    for path in
        [format!("/groups/{group}/users/token"), format!("/groups/{group}/nested/token"), "/user/client_token".into()]
    {
        assert_limited(&app.get(&path, &alice).await);
        let head = app.request(Method::HEAD, &path).auth(&alice).send().await;
        assert_eq!(head.status, StatusCode::TOO_MANY_REQUESTS, "HEAD {path}, as its GET");
    }
    app.get(&format!("/groups/{group}"), &alice).await.expect(StatusCode::OK);
    assert_eq!(limiter.rejections().get(Limit::WritesPerUser), 6);
}

async fn a_limited_address_is_admitted_again_once_its_period_has_passed(_: Backend) {
    // Two failures, and one back every 500 ms.
    let limits = Limits { auth_failures_per_address: rate(2, Duration::from_secs(1)), ..Default::default() };
    let (app, _) = spawn_limited(&limits, |s| s).await;
    for _ in 0..2 {
        assert_error(&app.get("/user", "not-a-token").await, StatusCode::UNAUTHORIZED, "invalid_token");
    }
    assert_eq!(assert_limited(&app.get("/user", &app.admin_token).await), 1);
    let admitted = poll::until(Duration::from_secs(5), Duration::from_millis(50), || async {
        let reply = app.get("/user", &app.admin_token).await;
        (reply.status == StatusCode::OK).then_some(())
    })
    .await;
    assert!(admitted.is_some(), "the address was still refused 5 s after a 1 s period");
}

async fn a_request_from_a_limited_address_never_reaches_the_store(_: Backend) {
    let calls = Arc::new(AtomicUsize::new(0));
    let limits = Limits {
        auth_failures_per_address: rate(2, MINUTE),
        join_failures_per_address: rate(2, MINUTE),
        trust_forwarded_for: true,
        ..Default::default()
    };
    let counted = calls.clone();
    let (app, _) = spawn_limited(&limits, move |s| ProbeStore::wrap(s, Mode::Count(counted))).await;
    // Unknown tokens can only be refused by asking the store: these two do.
    for _ in 0..2 {
        let token = unknown_token(&app);
        assert_error(&get_user_from(&app, &token, "192.0.2.1").await, StatusCode::UNAUTHORIZED, "invalid_token");
    }
    let (_, alice) = app.user("alice").await;
    for _ in 0..2 {
        let reply = app
            .request(Method::POST, "/user/groups/join")
            .auth(&alice)
            .header("X-Forwarded-For", "192.0.2.2")
            .json(&json!({ "token": app.codec.mint(TokenKind::GroupInviteUser).token }))
            .send()
            .await;
        assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_token");
    }
    let before = calls.load(Ordering::SeqCst);
    assert!(before > 0, "the counting store saw nothing: the check below would prove nothing");
    for _ in 0..5 {
        assert_limited(&get_user_from(&app, &unknown_token(&app), "192.0.2.1").await);
        let invite = app.codec.mint(TokenKind::GroupInviteUser).token;
        let reply = app
            .request(Method::POST, "/user/groups/join")
            .auth(&alice)
            .header("X-Forwarded-For", "192.0.2.2")
            .json(&json!({ "token": invite }))
            .send()
            .await;
        assert_limited(&reply);
    }
    assert_eq!(calls.load(Ordering::SeqCst), before, "a limited request reached the store");
}

async fn x_forwarded_for_is_ignored_unless_trusted(_: Backend) {
    let limits = Limits { auth_failures_per_address: rate(2, MINUTE), ..Default::default() };
    let (app, _) = spawn_limited(&limits, |s| s).await;
    // Each failure claims another address; none is believed, so the peer is limited.
    for from in ["192.0.2.1", "192.0.2.2"] {
        assert_error(&get_user_from(&app, "not-a-token", from).await, StatusCode::UNAUTHORIZED, "invalid_token");
    }
    assert_limited(&get_user_from(&app, &app.admin_token, "192.0.2.3").await);
}

async fn a_trusted_proxys_x_forwarded_for_names_the_right_most_untrusted_hop(_: Backend) {
    let limits = Limits {
        auth_failures_per_address: rate(2, MINUTE),
        trusted_proxies: vec!["127.0.0.0/8".parse().unwrap(), "10.0.0.0/8".parse().unwrap()],
        ..Default::default()
    };
    let (app, _) = spawn_limited(&limits, |s| s).await;
    // The client forges a first hop; the proxies append what they saw. The client is 192.0.2.1.
    for forged in ["198.51.100.1", "198.51.100.2"] {
        let hops = format!("{forged}, 192.0.2.1, 10.0.0.7");
        assert_error(&get_user_from(&app, "not-a-token", &hops).await, StatusCode::UNAUTHORIZED, "invalid_token");
    }
    assert_limited(&get_user_from(&app, &app.admin_token, "192.0.2.1, 10.0.0.7").await);
    get_user_from(&app, &app.admin_token, "192.0.2.9, 10.0.0.7").await.expect(StatusCode::OK);
}

/// The binary runs with the defaults (30 failed authentications a minute per address), and
/// `off` switches a limit off.
#[tokio::test]
async fn the_binary_limits_failed_authentications_by_default_and_off_switches_it_off() {
    let limited = serve_fresh(&[]).await;
    // Each a different token, so that the per-token limit (10) never applies.
    for i in 0..30 {
        let reply = limited.remote.get("/user", &format!("not-a-token-{i}")).await;
        assert_error(&reply, StatusCode::UNAUTHORIZED, "invalid_token");
    }
    assert_limited(&limited.remote.get("/user", &limited.admin).await);
    // Counted in the metrics by limit; every limit's series is there from the start.
    let scrape = crate::metrics::scrape(&limited.remote).await;
    assert_eq!(scrape.value("oz_rate_limited_total", &[("limit", "auth_failures_per_address")]), 1.0);
    assert!(scrape.samples.iter().any(|s| s.name == "oz_rate_limited_total"
        && s.labels.get("limit").map(String::as_str) == Some("writes_per_user")
        && s.value == 0.0));
    let open = serve_fresh(&["--limit-auth-failures-per-address", "off"]).await;
    for i in 0..40 {
        let reply = open.remote.get("/user", &format!("not-a-token-{i}")).await;
        assert_error(&reply, StatusCode::UNAUTHORIZED, "invalid_token");
    }
    open.remote.get("/user", &open.admin).await.expect(StatusCode::OK);
}

edge_only!(
    failed_authentications_from_one_address_trip_at_the_threshold_and_then_refuse_everything_from_it,
    failed_authentications_with_one_token_trip_its_limit_from_any_address,
    failed_joins_by_one_user_trip_the_users_limit_but_not_another_users,
    failed_joins_from_one_address_trip_the_addresses_limit_whoever_sends_them,
    writes_by_one_user_are_limited_whatever_their_outcome_and_reads_are_not,
    the_gets_that_mint_a_token_count_as_writes,
    a_limited_address_is_admitted_again_once_its_period_has_passed,
    a_request_from_a_limited_address_never_reaches_the_store,
    x_forwarded_for_is_ignored_unless_trusted,
    a_trusted_proxys_x_forwarded_for_names_the_right_most_untrusted_hop,
);
