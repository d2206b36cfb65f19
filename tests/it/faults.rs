//! Database faults (contract §1 and the spec's `ServiceUnavailable`): with PostgreSQL down, the
//! real server answers a JSON 503 with `Retry-After` within a bounded time and `/healthz` says
//! 503; once the database is back the same process serves again by itself, and a join tried
//! during the outage left nothing behind. On a cluster of this test's own, stopped and started
//! under the running server (the shared test server must never go down).
//!
//! The test observes the whole outage before it judges: every departure is collected and
//! reported together at the end, so that one failure does not hide the next.

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::support::process::{serve_fresh, user_add_with, Remote, Served};
use crate::support::{contract, poll, request_target, sorted, Reply, API_ROOT};

/// How long the server may take to serve again once the database is back.
const RECOVER_WITHIN: Duration = Duration::from_secs(20);

/// Departures from the contract seen so far, and how long a request may take while the
/// database is down.
struct Findings {
    found: Vec<String>,
    answer_within: Duration,
}

impl Findings {
    fn add(&mut self, finding: String) {
        println!("finding: {finding}");
        self.found.push(finding);
    }

    /// Sends `method path` (`path` under the API root unless it starts with `//`, meaning the
    /// server's root) and waits `answer_within` at most; records a late answer, a status other
    /// than `status`, an error `code` other than the one given, an echoed token and any
    /// departure from the spec.
    async fn expect(
        &mut self,
        api: &Remote,
        (method, path): (Method, &str),
        token: Option<&str>,
        body: Option<Value>,
        (status, code): (StatusCode, Option<&str>),
    ) -> Option<Reply> {
        let url = match path.strip_prefix("//") {
            Some(outside) => format!("{}/{outside}", api.root),
            None => format!("{}{API_ROOT}{path}", api.root),
        };
        let what = format!("{method} {}", request_target(&url));
        let started = Instant::now();
        let sent = api.send_unchecked(method.clone(), &url, token, body.as_ref());
        let Ok(reply) = tokio::time::timeout(self.answer_within, sent).await else {
            self.add(format!("{what}: no answer within {:?}", self.answer_within));
            return None;
        };
        println!("{what}: {} after {:?}", reply.status, started.elapsed());
        if reply.status != status {
            self.add(format!("{what}: {} instead of {status}; body: {}", reply.status, reply.text()));
        } else if let Some(code) = code {
            let error =
                serde_json::from_slice::<Value>(&reply.body).ok().and_then(|b| b["error"].as_str().map(str::to_owned));
            if error.as_deref() != Some(code) {
                self.add(format!("{what}: error {error:?} instead of {code:?}; body: {}", reply.text()));
            }
        }
        if let Err(problems) = contract::violations(&method, &request_target(&url), &reply) {
            self.add(format!(
                "{what} answered {}: not what the spec declares: {}; body: {}",
                reply.status,
                problems.join("; "),
                reply.text()
            ));
        }
        let secrets: Vec<&str> = token.into_iter().chain(body.as_ref().and_then(|b| b["token"].as_str())).collect();
        if secrets.iter().any(|s| reply.text().contains(s)) {
            self.add(format!("{what}: the reply echoes a token that was sent"));
        }
        Some(reply)
    }

    fn conclude(self) {
        assert!(
            self.found.is_empty(),
            "the server does not meet the contract under a database outage:\n- {}",
            self.found.join("\n- ")
        );
    }
}

/// `/healthz` answers from a probe up to `HEALTH_TTL` old, so it may still say what held just
/// before a change: asks (bounded) until it answers `status`, for `Findings::expect` to judge.
async fn health_settles(api: &Remote, status: StatusCode, answer_within: Duration) {
    let url = format!("{}/healthz", api.root);
    let within = answer_within + oz_groups::service::HEALTH_TTL;
    poll::until(within, Duration::from_millis(100), || async {
        (api.send_unchecked(Method::GET, &url, None, None).await.status == status).then_some(())
    })
    .await;
}

/// How the database goes away, and comes back.
#[derive(Clone, Copy, Debug)]
enum Outage {
    /// `pg_ctl stop -m fast`, later `pg_ctl start`: connections are refused.
    Stopped,
    /// Every server process `SIGSTOP`ped, later `SIGCONT`ed: connections open, nothing answers.
    Frozen,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_postgresql_stopped_requests_get_a_503_within_10_s_and_the_server_recovers_by_itself() {
    let test =
        crate::test_name!("with_postgresql_stopped_requests_get_a_503_within_10_s_and_the_server_recovers_by_itself");
    outage(test, Outage::Stopped, Duration::from_secs(10)).await;
}

/// A hung database is noticed by time alone: the store gives up on a call after 8 s
/// (`CALL_TIMEOUT` in `src/store/postgres.rs`) and on a new connection after 3 s.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_postgresql_frozen_requests_get_a_503_within_10_s_and_the_server_recovers_when_it_thaws() {
    let test = crate::test_name!(
        "with_postgresql_frozen_requests_get_a_503_within_10_s_and_the_server_recovers_when_it_thaws"
    );
    outage(test, Outage::Frozen, Duration::from_secs(10)).await;
}

/// The scenario: a server on a cluster of this test's own; a join that works; the outage;
/// a join, `GET /user` and `/healthz` answered 503 within `answer_within` each; the database
/// back; the same process serving again within `RECOVER_WITHIN`; the join tried during the
/// outage absent, its invite admitting exactly one user afterwards.
async fn outage(test: &str, kind: Outage, answer_within: Duration) {
    let Some(cluster) = oz_testkit::postgres::Cluster::start(test).await else { return };
    let url = cluster.url();
    let Served { dir, mut server, remote: api, admin } = serve_fresh(&["--database", &url]).await;
    let mut tokens = Vec::new();
    for name in ["alice", "bob", "carol"] {
        tokens.push(user_add_with(dir.path(), name, false, &["--database", &url], &[]).await);
    }
    let (alice, bob, carol) = (&tokens[0], &tokens[1], &tokens[2]);
    let (admin_id, alice_id, bob_id) = (api.user_id(&admin).await, api.user_id(alice).await, api.user_id(bob).await);

    // Before: a join that works, and the invite Bob will try during the outage.
    let gid = api.create_group(&admin, "Weathering").await;
    let first = api.invite(&admin, &gid).await;
    api.join(alice, &first).await.expect(StatusCode::CREATED);
    let invite = api.invite(&admin, &gid).await;
    let health = api.send_unchecked(Method::GET, &format!("{}/healthz", api.root), None, None).await;
    assert_eq!(health.status, StatusCode::OK, "healthy before the outage: {}", health.text());

    match kind {
        Outage::Stopped => cluster.stop_fast().await,
        Outage::Frozen => cluster.freeze(),
    }
    let mut findings = Findings { found: Vec::new(), answer_within };
    let unavailable = (StatusCode::SERVICE_UNAVAILABLE, Some("service_unavailable"));
    let join = (Method::POST, "/user/groups/join");
    findings.expect(&api, join.clone(), Some(bob), Some(json!({ "token": invite })), unavailable).await;
    findings.expect(&api, (Method::GET, "/user"), Some(bob), None, unavailable).await;
    health_settles(&api, StatusCode::SERVICE_UNAVAILABLE, answer_within).await;
    findings.expect(&api, (Method::GET, "//healthz"), None, None, (StatusCode::SERVICE_UNAVAILABLE, None)).await;
    // Each of those three 503s was a store call that failed as unavailable.
    let store_errors = crate::metrics::scrape(&api).await.value("oz_store_errors_total", &[("kind", "unavailable")]);
    if store_errors < 3.0 {
        findings.add(format!("/metrics counts {store_errors} unavailable store errors after three 503s"));
    }

    match kind {
        Outage::Stopped => cluster.start_again().await,
        Outage::Frozen => cluster.thaw(),
    }
    let back = Instant::now();
    let seen = std::cell::RefCell::new(Vec::new());
    let url = format!("{}{API_ROOT}/user", api.root);
    let recovered = poll::until(RECOVER_WITHIN, Duration::from_millis(200), || async {
        let reply = api.send_unchecked(Method::GET, &url, Some(bob), None).await;
        if reply.status == StatusCode::OK {
            return Some(());
        }
        seen.borrow_mut().push(reply.status.as_u16());
        None
    })
    .await
    .is_some();
    let seen = seen.into_inner();
    println!("{kind:?}: GET /user: 200 again {:?} after the database was back (before: {seen:?})", back.elapsed());
    if seen.iter().any(|s| *s != 503) {
        findings.add(format!("while the database came back, GET /user answered {seen:?}: only 503 is declared"));
    }
    if !recovered {
        findings.add(format!("the server did not serve GET /user again within {RECOVER_WITHIN:?} of the database's return (it answered {seen:?})"));
        findings.conclude();
        return;
    }
    assert!(server.child.try_wait().expect("the child's status").is_none(), "the server exited during the outage");
    health_settles(&api, StatusCode::OK, answer_within).await;
    findings.expect(&api, (Method::GET, "//healthz"), None, None, (StatusCode::OK, None)).await;

    // Nothing half-written: Bob is not a member, and the invite he tried still admits exactly
    // one user.
    let members = api.members(&admin, &gid).await;
    if members.contains(&bob_id) {
        findings.add("the join answered 503 during the outage is there after it".into());
    }
    findings.expect(&api, join.clone(), Some(bob), Some(json!({ "token": invite })), (StatusCode::CREATED, None)).await;
    let used_up = (StatusCode::BAD_REQUEST, Some("invalid_token"));
    findings.expect(&api, join, Some(carol), Some(json!({ "token": invite })), used_up).await;
    assert_eq!(sorted(&api.members(&admin, &gid).await), sorted(&[admin_id, alice_id, bob_id]));
    findings.conclude();
}
