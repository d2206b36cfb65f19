//! `GET /metrics` (contract §9): Prometheus text on the API's port, with requests by operation
//! and status, latency histograms, join outcomes by reason, store errors, rate-limit rejections
//! and open connections. (A rate limit's series appears with its first rejection, or at start
//! when the limiter names its limits through `telemetry::metrics::limits_known`.) The metrics
//! are the process's, so these tests read them from a server process of their own
//! (`serve_fresh`), where every count is this test's.

use std::collections::BTreeMap;

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::process::{serve_fresh, user_add, Remote, Served};
use crate::support::API_ROOT;

/// One sample: the metric's name, its labels, its value.
pub struct Sample {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub value: f64,
}

/// A parsed scrape: every sample, and each metric family's declared type.
pub struct Scrape {
    pub samples: Vec<Sample>,
    pub types: BTreeMap<String, String>,
}

impl Scrape {
    /// The value of the sample `name` whose labels include all of `labels`, summed over the
    /// samples that match (0 when none does, as Prometheus reads an absent counter).
    pub fn value(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        self.samples
            .iter()
            .filter(|s| s.name == name && labels.iter().all(|(k, v)| s.labels.get(*k).map(String::as_str) == Some(*v)))
            .map(|s| s.value)
            .sum()
    }
}

/// `GET /metrics` from `api`, checked to be the Prometheus text format: its `Content-Type`, a
/// `# TYPE` for every family before its samples, and every sample line `name{k="v",...} value`.
pub async fn scrape(api: &Remote) -> Scrape {
    let reply = api.send_unchecked(Method::GET, &format!("{}/metrics", api.root), None, None).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let content_type = reply.header("content-type").unwrap_or_default();
    assert!(content_type.starts_with("text/plain; version=0.0.4"), "{content_type}");
    parse(&reply.text())
}

/// A parser of the text format, strict enough to fail on anything Prometheus would refuse in
/// what this server writes (no timestamps, no escapes in label values).
pub fn parse(text: &str) -> Scrape {
    let mut scrape = Scrape { samples: Vec::new(), types: BTreeMap::new() };
    for line in text.lines().filter(|l| !l.is_empty()) {
        if let Some(comment) = line.strip_prefix("# ") {
            if let Some(rest) = comment.strip_prefix("TYPE ") {
                let (name, kind) = rest.split_once(' ').unwrap_or_else(|| panic!("bad TYPE line {line:?}"));
                assert!(["counter", "gauge", "histogram"].contains(&kind), "{line:?}");
                scrape.types.insert(name.to_owned(), kind.to_owned());
            } else {
                assert!(comment.starts_with("HELP "), "an unknown comment {line:?}");
            }
            continue;
        }
        let (series, value) = line.rsplit_once(' ').unwrap_or_else(|| panic!("no value in {line:?}"));
        let value: f64 = value.parse().unwrap_or_else(|_| panic!("a bad value in {line:?}"));
        let (name, labels) = match series.split_once('{') {
            None => (series, BTreeMap::new()),
            Some((name, rest)) => {
                let body = rest.strip_suffix('}').unwrap_or_else(|| panic!("unclosed labels in {line:?}"));
                let labels = body
                    .split(',')
                    .map(|pair| {
                        let (k, v) = pair.split_once('=').unwrap_or_else(|| panic!("a bad label in {line:?}"));
                        let v = v.strip_prefix('"').and_then(|v| v.strip_suffix('"'));
                        (k.to_owned(), v.unwrap_or_else(|| panic!("an unquoted label in {line:?}")).to_owned())
                    })
                    .collect();
                (name, labels)
            }
        };
        assert!(
            !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b':'),
            "a bad metric name in {line:?}"
        );
        let family = ["_bucket", "_sum", "_count"].iter().find_map(|s| name.strip_suffix(s)).unwrap_or(name);
        assert!(
            scrape.types.contains_key(name) || scrape.types.get(family).is_some_and(|t| t == "histogram"),
            "{name} has no # TYPE line before it"
        );
        scrape.samples.push(Sample { name: name.to_owned(), labels, value });
    }
    scrape
}

#[tokio::test]
async fn metrics_count_requests_by_operation_and_status_and_joins_by_reason() {
    let Served { dir, server: _server, remote: api, admin } = serve_fresh(&[]).await;
    let carol = user_add(dir.path(), "carol", false).await;
    let gid = api.create_group(&admin, "Measured").await;
    let invite = api.invite(&admin, &gid).await;

    let dave = user_add(dir.path(), "dave", false).await;
    api.join(&carol, &invite).await.expect(StatusCode::CREATED);
    api.join(&carol, &invite).await.expect(StatusCode::CREATED); // a retry (issue 13): no use counted
    api.join(&dave, &invite).await.expect(StatusCode::BAD_REQUEST); // used up
    api.join(&carol, "not-a-macaroon").await.expect(StatusCode::BAD_REQUEST);
    let second = api.invite(&admin, &gid).await;
    api.join(&admin, &second).await.expect(StatusCode::CONFLICT); // the creator is a member
    let unrouted = format!("{}{API_ROOT}/no/such/path-4242", api.root);
    let reply = api.send_unchecked(Method::GET, &unrouted, Some(&admin), None).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);

    let m = scrape(&api).await;
    let requests = |op: &str, status: &str| m.value("oz_http_requests_total", &[("operation", op), ("status", status)]);
    assert_eq!(requests("join_group", "201"), 2.0);
    assert_eq!(requests("join_group", "400"), 2.0);
    assert_eq!(requests("join_group", "409"), 1.0);
    assert_eq!(requests("create_group_for_user", "201"), 1.0);
    assert_eq!(requests("other", "404"), 1.0);
    assert_eq!(m.types.get("oz_http_requests_total").map(String::as_str), Some("counter"));

    let latency =
        |suffix: &str, op: &str| m.value(&format!("oz_http_request_duration_seconds{suffix}"), &[("operation", op)]);
    assert_eq!(latency("_count", "join_group"), 5.0);
    assert!(latency("_sum", "join_group") > 0.0);
    let infinite = m.value("oz_http_request_duration_seconds_bucket", &[("operation", "join_group"), ("le", "+Inf")]);
    assert_eq!(infinite, 5.0, "every observation falls in the +Inf bucket");
    assert_eq!(latency("_count", "remove_group"), 0.0, "an operation not yet called has its series at zero");
    assert!(m.samples.iter().any(|s| s.name == "oz_http_request_duration_seconds_count"
        && s.labels.get("operation").map(String::as_str) == Some("remove_group")));

    let joins = |outcome: &str| m.value("oz_joins_total", &[("outcome", outcome)]);
    assert_eq!(joins("joined"), 1.0);
    assert_eq!(joins("rejoined"), 1.0);
    assert_eq!(joins("used_up"), 1.0);
    assert_eq!(joins("invalid_token"), 1.0);
    assert_eq!(joins("already_member"), 1.0);
    assert_eq!(joins("group_gone"), 0.0);

    for kind in ["unavailable", "backend"] {
        assert_eq!(m.value("oz_store_errors_total", &[("kind", kind)]), 0.0, "{kind}");
    }
    assert_eq!(m.types.get("oz_open_connections").map(String::as_str), Some("gauge"));

    // The default store is SQLite: its writer times every commit and counts its writes.
    let commits = m.value("oz_sqlite_commit_duration_seconds_count", &[]);
    assert!(commits >= 3.0, "the group, the invite and the first join each committed: {commits}");
    assert_eq!(m.value("oz_sqlite_write_batch_size_count", &[]), commits, "one batch size per commit");
    assert!(m.value("oz_sqlite_write_batch_size_sum", &[]) >= commits);
    let infinite = m.value("oz_sqlite_commit_duration_seconds_bucket", &[("le", "+Inf")]);
    assert_eq!(infinite, commits);
    assert_eq!(m.types.get("oz_sqlite_checkpoint_duration_seconds").map(String::as_str), Some("histogram"));
    assert_eq!(m.value("oz_sqlite_checkpoint_duration_seconds_count", &[]), 0.0, "a log this short is never copied");
    // An unrouted path is `other`, never a label of its own.
    assert!(m.samples.iter().all(|s| s.labels.values().all(|v| !v.contains("path-4242"))));
}

#[tokio::test]
async fn metrics_answer_get_only_and_need_no_credentials() {
    let Served { server: _server, remote: api, .. } = serve_fresh(&[]).await;
    let m = scrape(&api).await;
    assert!(m.types.contains_key("oz_joins_total"));
    let reply = api.send_unchecked(Method::POST, &format!("{}/metrics", api.root), None, Some(&json!({}))).await;
    crate::support::assert_error(&reply, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
}
