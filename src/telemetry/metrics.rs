//! The process's Prometheus metrics: the series of contract §9, registered once per process in
//! one registry of our own, recorded by the layer that knows each fact, and rendered in the
//! Prometheus text format for `GET /metrics`.
//!
//! Every label value is bounded and chosen by the code, never by a client: an `operationId` of
//! the spec or `other`, a status code, a reason or kind from a fixed enum, a limit's static
//! name. A raw path or a login as a label would let anyone create series without end.
//!
//! Recording costs no allocation: a labelled series is found by hashing `&str` labels under a
//! read lock (`prometheus`'s vectors), and the fixed ones (join reasons, store error kinds) are
//! resolved once, here, into plain counters indexed by their enum. The two counted on every
//! answer (requests, joins) are counted per thread and merged before each scrape (`Shard`).

use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use prometheus::local::{LocalHistogram, LocalIntCounter};
use prometheus::{
    Encoder, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, Opts, Registry,
};

/// The `Content-Type` of `render`'s output (the Prometheus text format, version 0.0.4).
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// The operation label of a request the spec has no operation for: a documentation route,
/// `/healthz`, `/metrics`, or a path nothing routes.
pub const OTHER: &str = "other";

/// Why a join ended as it did, from the service's own decision (never inferred from a status).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinReason {
    /// The membership was added and one use of the invite counted.
    Joined,
    /// The invite is not a macaroon, its signature is wrong, it is not a group invite, or a
    /// caveat is unmet or unknown.
    InvalidToken,
    /// The server has no record of the invite.
    UnknownToken,
    Revoked,
    UsedUp,
    /// The invite's group no longer exists.
    GroupGone,
    AlreadyMember,
    /// The invite is bound to another user.
    Forbidden,
    /// The invite's issuer is gone or may no longer invite into its group (issue 13).
    IssuerNotAllowed,
    /// A retried join: the caller is a member through this very invite already; answered as
    /// joined, no use counted (issue 13).
    Rejoined,
    /// The store failed (unavailable or broken); nothing was decided.
    Failed,
}

impl JoinReason {
    pub const ALL: [JoinReason; 11] = [
        Self::Joined,
        Self::InvalidToken,
        Self::UnknownToken,
        Self::Revoked,
        Self::UsedUp,
        Self::GroupGone,
        Self::AlreadyMember,
        Self::Forbidden,
        Self::IssuerNotAllowed,
        Self::Rejoined,
        Self::Failed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Joined => "joined",
            Self::InvalidToken => "invalid_token",
            Self::UnknownToken => "unknown_token",
            Self::Revoked => "revoked",
            Self::UsedUp => "used_up",
            Self::GroupGone => "group_gone",
            Self::AlreadyMember => "already_member",
            Self::Forbidden => "forbidden",
            Self::IssuerNotAllowed => "issuer_not_allowed",
            Self::Rejoined => "rejoined",
            Self::Failed => "store_error",
        }
    }
}

/// The kind of a store failure, as the store reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreErrorKind {
    /// The database cannot be reached, is read-only, or stayed contended (a 503).
    Unavailable,
    /// Anything else the backend reported (a 500).
    Backend,
}

impl StoreErrorKind {
    pub const ALL: [StoreErrorKind; 2] = [Self::Unavailable, Self::Backend];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unavailable => "unavailable",
            Self::Backend => "backend",
        }
    }
}

/// Latency buckets in seconds: most answers take well under a millisecond, a durable write a
/// few, and anything past a second is an outage worth seeing in its own bucket.
const LATENCY_BUCKETS: &[f64] =
    &[0.000_25, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

/// Buckets of the SQLite writer's commits and checkpoints in seconds: doubling from 0.125 ms,
/// since a commit's `fsync` is about a millisecond and a checkpoint a few, and what matters is
/// how far their tail reaches.
const DISK_BUCKETS: &[f64] =
    &[0.000_125, 0.000_25, 0.0005, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 4.096];

struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    joins: [IntCounter; JoinReason::ALL.len()],
    store_errors: [IntCounter; StoreErrorKind::ALL.len()],
    rate_limited: IntCounterVec,
    open_connections: IntGauge,
    join_batches: Histogram,
    sqlite_commits: Histogram,
    sqlite_checkpoints: Histogram,
    sqlite_early_checkpoints: Histogram,
    sqlite_batches: Histogram,
}

/// One registry per process: a server is one process, and the recording sites (the service's
/// join, the store's error conversion, the connection loop) need no handle passed down to them.
static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::new);

impl Metrics {
    fn new() -> Self {
        // The names and label sets below are fixed and valid, so creating and registering them
        // cannot fail; a failure would be a typo caught by the first test that records anything.
        let registry = Registry::new();
        let requests = IntCounterVec::new(
            Opts::new("oz_http_requests_total", "HTTP requests answered, by spec operation and status code."),
            &["operation", "status"],
        )
        .expect("valid metric");
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "oz_http_request_duration_seconds",
                "Time from a request's head to its response's head, by spec operation.",
            )
            .buckets(LATENCY_BUCKETS.to_vec()),
            &["operation"],
        )
        .expect("valid metric");
        let joins_vec = IntCounterVec::new(
            Opts::new("oz_joins_total", "Joins with an invite token that reached the service, by outcome."),
            &["outcome"],
        )
        .expect("valid metric");
        let store_errors_vec =
            IntCounterVec::new(Opts::new("oz_store_errors_total", "Store calls that failed, by kind."), &["kind"])
                .expect("valid metric");
        let rate_limited = IntCounterVec::new(
            Opts::new("oz_rate_limited_total", "Requests refused with 429 by a rate limit or quota, by limit."),
            &["limit"],
        )
        .expect("valid metric");
        let open_connections =
            IntGauge::new("oz_open_connections", "Client connections open now.").expect("valid metric");
        let histogram = |name: &str, help: &str, buckets: &[f64]| {
            Histogram::with_opts(HistogramOpts::new(name, help).buckets(buckets.to_vec())).expect("valid metric")
        };
        let join_batches = histogram(
            "oz_store_join_batch_size",
            "Joins per database transaction of the PostgreSQL store's group commit.",
            &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0],
        );
        let sqlite_commits = histogram(
            "oz_sqlite_commit_duration_seconds",
            "Time the SQLite writer's COMMIT took (the log's fsync, and the automatic checkpoint when \
             the commit ran one): what every write of the batch waited for after its own statements.",
            DISK_BUCKETS,
        );
        let sqlite_checkpoints = histogram(
            "oz_sqlite_checkpoint_duration_seconds",
            "Time each automatic checkpoint of the SQLite store took (copying the log into the \
             database and its fsync), inside the commit that took the log past 1,000 pages.",
            DISK_BUCKETS,
        );
        let sqlite_early_checkpoints = histogram(
            "oz_sqlite_early_checkpoint_duration_seconds",
            "Time each pass of the SQLite store's checkpointer thread took (copying the log into \
             the database beside the writer, and its fsync), once the log is past 600 pages.",
            DISK_BUCKETS,
        );
        let sqlite_batches = histogram(
            "oz_sqlite_write_batch_size",
            "Writes per committed transaction of the SQLite store's group commit.",
            &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0],
        );
        for collector in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(latency.clone()),
            Box::new(joins_vec.clone()),
            Box::new(store_errors_vec.clone()),
            Box::new(rate_limited.clone()),
            Box::new(open_connections.clone()),
            Box::new(join_batches.clone()),
            Box::new(sqlite_commits.clone()),
            Box::new(sqlite_checkpoints.clone()),
            Box::new(sqlite_early_checkpoints.clone()),
            Box::new(sqlite_batches.clone()),
        ] {
            registry.register(collector).expect("metric names are unique");
        }
        // Every fixed series exists from the start at zero, so `rate()` and `increase()` see its
        // first increment instead of a series appearing out of nothing.
        let joins = JoinReason::ALL.map(|r| joins_vec.with_label_values(&[r.as_str()]));
        let store_errors = StoreErrorKind::ALL.map(|k| store_errors_vec.with_label_values(&[k.as_str()]));
        Self {
            registry,
            requests,
            latency,
            joins,
            store_errors,
            rate_limited,
            open_connections,
            join_batches,
            sqlite_commits,
            sqlite_checkpoints,
            sqlite_early_checkpoints,
            sqlite_batches,
        }
    }
}

/// Creates the latency series of these operations at zero (the gate names the spec's operations
/// at start), so a dashboard lists every operation before its first request.
pub fn operations_known<'a>(operations: impl IntoIterator<Item = &'a str>) {
    let m = &*METRICS;
    for operation in operations.into_iter().chain([OTHER]) {
        let _: Histogram = m.latency.with_label_values(&[operation]);
    }
}

/// One answered request: its spec `operationId` (or `OTHER`), its status code as text (e.g.
/// `StatusCode::as_str`, a static string) and how long it took. Counted in this thread's
/// `Shard`, which `render` merges into the registry before every scrape.
pub fn request(operation: &str, status: &str, elapsed: Duration) {
    let counted = SHARD.try_with(|shard| {
        let mut shard = lock(&shard.0);
        let series = match shard.series.get_mut(operation) {
            Some(series) => series,
            None => shard.series.entry(operation.to_owned()).or_insert_with(|| Series {
                latency: METRICS.latency.with_label_values(&[operation]).local(),
                by_status: Vec::new(),
            }),
        };
        let count = match series.by_status.iter().position(|(s, _)| s == status) {
            Some(i) => &series.by_status[i].1,
            None => {
                let counter = METRICS.requests.with_label_values(&[operation, status]).local();
                series.by_status.push((status.to_owned(), counter));
                &series.by_status[series.by_status.len() - 1].1
            }
        };
        count.inc();
        series.latency.observe(elapsed.as_secs_f64());
    });
    // A thread past its thread-locals' destruction counts straight into the registry.
    if counted.is_err() {
        METRICS.requests.with_label_values(&[operation, status]).inc();
        METRICS.latency.with_label_values(&[operation]).observe(elapsed.as_secs_f64());
    }
}

/// One join decided by the service, counted as `request` counts.
pub fn join(reason: JoinReason) {
    let counted = SHARD.try_with(|shard| {
        let mut shard = lock(&shard.0);
        let joins = shard.joins.get_or_insert_with(|| METRICS.joins.each_ref().map(IntCounter::local));
        joins[reason as usize].inc();
    });
    if counted.is_err() {
        METRICS.joins[reason as usize].inc();
    }
}

/// One thread's counts of requests and joins not yet merged into the registry's series.
///
/// Why: both workers answering requests would otherwise update the same series' atomics (a
/// counter, and a histogram's bucket, sum and count) on every answer, each write taking the
/// cache line from the other core: about 3 % of a rejected join's server CPU
/// (docs/benchmark.md). A shard's lock is taken by its own thread on each answer and by `render`
/// once per scrape, so it is almost never contended. The series are found by operation and
/// status in the shard itself, so an answer does not hash its labels under the registry's lock
/// either; the shard holds one entry per operation and status its thread has answered, a set the
/// spec bounds.
#[derive(Default)]
struct Shard {
    series: std::collections::HashMap<String, Series>,
    joins: Option<[LocalIntCounter; JoinReason::ALL.len()]>,
}

/// One operation's series in a shard.
struct Series {
    latency: LocalHistogram,
    /// By status code, in the order first answered (a handful per operation).
    by_status: Vec<(String, LocalIntCounter)>,
}

impl Shard {
    /// Adds the pending counts to the registry's series and starts again from zero.
    fn flush(&mut self) {
        for series in self.series.values() {
            series.latency.flush();
            for (_, count) in &series.by_status {
                count.flush();
            }
        }
        for join in self.joins.iter().flatten() {
            join.flush();
        }
    }
}

/// A thread's shard, entered in `SHARDS` while the thread lives; when the thread ends, its
/// counts are merged and the shard leaves the list, so none are lost and the list holds only
/// live threads.
struct ThreadShard(Arc<Mutex<Shard>>);

impl ThreadShard {
    fn new() -> Self {
        let shard = Arc::new(Mutex::new(Shard::default()));
        lock(&SHARDS).push(shard.clone());
        Self(shard)
    }
}

impl Drop for ThreadShard {
    fn drop(&mut self) {
        lock(&self.0).flush();
        lock(&SHARDS).retain(|shard| !Arc::ptr_eq(shard, &self.0));
    }
}

thread_local! {
    static SHARD: ThreadShard = ThreadShard::new();
}

/// Every live thread's shard, for `render` to merge.
static SHARDS: Mutex<Vec<Arc<Mutex<Shard>>>> = Mutex::new(Vec::new());

/// A lock that a panic elsewhere did not make unusable: counts are plain numbers, valid whatever
/// was interrupted.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// One transaction of the PostgreSQL store's group commit, holding `joins` joins.
pub fn join_batch(joins: usize) {
    METRICS.join_batches.observe(joins as f64);
}

/// One committed transaction of the SQLite writer: how many writes it held and how long its
/// `COMMIT` took.
pub fn sqlite_commit(writes: usize, elapsed: Duration) {
    let m = &*METRICS;
    m.sqlite_batches.observe(writes as f64);
    m.sqlite_commits.observe(elapsed.as_secs_f64());
}

/// One automatic checkpoint of the SQLite store and how long it took.
pub fn sqlite_checkpoint(elapsed: Duration) {
    METRICS.sqlite_checkpoints.observe(elapsed.as_secs_f64());
}

/// One pass of the SQLite store's checkpointer thread.
pub fn sqlite_early_checkpoint(elapsed: Duration) {
    METRICS.sqlite_early_checkpoints.observe(elapsed.as_secs_f64());
}

/// One failed store call, counted where the store's error becomes the domain's.
pub fn store_error(kind: StoreErrorKind) {
    METRICS.store_errors[kind as usize].inc();
}

/// Creates the rejection series of these limits at zero, for a limiter to call at start with
/// the names it will pass to `rate_limited`.
pub fn limits_known(limits: &[&'static str]) {
    for limit in limits {
        let _: IntCounter = METRICS.rate_limited.with_label_values(&[*limit]);
    }
}

/// One request refused by the rate limit or quota named `limit` (a fixed name such as
/// `failed_auth_per_address`; never a client's address or login).
pub fn rate_limited(limit: &'static str) {
    METRICS.rate_limited.with_label_values(&[limit]).inc();
}

/// Sets the open-connection gauge from a count the accept loop keeps.
pub fn set_open_connections(count: usize) {
    METRICS.open_connections.set(i64::try_from(count).unwrap_or(i64::MAX));
}

/// Counts a connection as open until the returned guard is dropped (for an accept loop that
/// keeps no count of its own).
pub fn connection_opened() -> OpenConnection {
    METRICS.open_connections.inc();
    OpenConnection(())
}

/// An open connection, counted in `oz_open_connections` while it lives.
#[must_use = "the connection counts as open only while this guard lives"]
pub struct OpenConnection(());

impl Drop for OpenConnection {
    fn drop(&mut self) {
        METRICS.open_connections.dec();
    }
}

/// Every series in the Prometheus text format, after merging every thread's pending counts.
pub fn render() -> Vec<u8> {
    for shard in lock(&SHARDS).iter() {
        lock(shard).flush();
    }
    let mut out = Vec::with_capacity(16 * 1024);
    // Encoding into a Vec fails only on a metric family without metrics, which the registry
    // never gathers; an empty answer would then be visible as missing series, not a crash.
    if let Err(e) = prometheus::TextEncoder::new().encode(&METRICS.registry.gather(), &mut out) {
        tracing::error!(error = %e, "cannot encode the metrics");
    }
    out
}

/// The value of the first sample line `name{labels} value` that `render` writes, 0 when there is
/// none (the registry is the process's, shared with other tests, so tests compare before and after).
#[cfg(test)]
pub(crate) fn sample(name_and_labels: &str) -> f64 {
    let text = String::from_utf8(render()).unwrap();
    text.lines().find_map(|line| line.strip_prefix(name_and_labels)?.strip_prefix(' ')?.parse().ok()).unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_of_a_live_thread_and_of_an_ended_one_are_all_in_the_next_render() {
        let (op, status) = ("unit_test_sharded_op", "418");
        let series = format!("oz_http_requests_total{{operation=\"{op}\",status=\"{status}\"}}");
        let latency = format!("oz_http_request_duration_seconds_count{{operation=\"{op}\"}}");
        let joined = "oz_joins_total{outcome=\"joined\"}";
        let (before, before_joins) = (sample(&series), sample(joined));
        // A thread that ends: its shard is merged as it goes.
        std::thread::spawn(move || {
            request(op, status, Duration::from_millis(1));
            join(JoinReason::Joined);
        })
        .join()
        .unwrap();
        // A thread that is still alive when the scrape comes.
        let (recorded, scraped) = (std::sync::mpsc::channel(), std::sync::mpsc::channel::<()>());
        let live = std::thread::spawn(move || {
            for _ in 0..2 {
                request(op, status, Duration::from_millis(1));
            }
            join(JoinReason::Joined);
            recorded.0.send(()).unwrap();
            scraped.1.recv().unwrap();
        });
        recorded.1.recv().unwrap();
        assert_eq!(sample(&series) - before, 3.0);
        assert_eq!(sample(&latency), 3.0);
        assert!(sample(joined) - before_joins >= 2.0);
        scraped.0.send(()).unwrap();
        live.join().unwrap();
        assert_eq!(sample(&series) - before, 3.0, "a thread's counts are merged once");
    }

    #[test]
    fn every_join_reason_store_error_kind_and_known_operation_is_a_series_from_the_start() {
        operations_known(["unit_test_known_op"]);
        let text = String::from_utf8(render()).unwrap();
        for reason in JoinReason::ALL {
            assert!(text.contains(&format!("oz_joins_total{{outcome=\"{}\"}}", reason.as_str())), "{reason:?}");
        }
        for kind in StoreErrorKind::ALL {
            assert!(text.contains(&format!("oz_store_errors_total{{kind=\"{}\"}}", kind.as_str())), "{kind:?}");
        }
        assert!(text.contains("# TYPE oz_http_request_duration_seconds histogram"));
        assert!(text.contains(r#"oz_http_request_duration_seconds_count{operation="unit_test_known_op"} 0"#));
        assert!(text.contains(r#"oz_http_request_duration_seconds_count{operation="other"}"#));
    }

    #[test]
    fn recording_a_request_counts_it_by_operation_and_status_and_observes_its_latency() {
        let counter = r#"oz_http_requests_total{operation="unit_test_op",status="418"}"#;
        let count = r#"oz_http_request_duration_seconds_count{operation="unit_test_op"}"#;
        let (before, before_count) = (sample(counter), sample(count));
        request("unit_test_op", "418", Duration::from_millis(3));
        assert_eq!(sample(counter), before + 1.0);
        assert_eq!(sample(count), before_count + 1.0);
        let slow_bucket = r#"oz_http_request_duration_seconds_bucket{operation="unit_test_op",le="0.0025"}"#;
        assert_eq!(sample(slow_bucket), 0.0, "3 ms is above the 2.5 ms bucket");
    }

    #[test]
    fn a_rate_limit_rejection_is_counted_under_its_limit() {
        let series = r#"oz_rate_limited_total{limit="unit_test_limit"}"#;
        limits_known(&["unit_test_limit"]);
        let text = String::from_utf8(render()).unwrap();
        assert!(text.contains(series), "a known limit's series exists before any rejection");
        let before = sample(series);
        rate_limited("unit_test_limit");
        assert_eq!(sample(series), before + 1.0);
    }

    #[test]
    fn an_open_connection_counts_until_its_guard_is_dropped_and_the_gauge_can_be_set() {
        // No unit test opens a server connection, so nothing else moves the gauge meanwhile.
        set_open_connections(5);
        let guard = connection_opened();
        assert_eq!(sample("oz_open_connections"), 6.0);
        drop(guard);
        assert_eq!(sample("oz_open_connections"), 5.0);
    }
}
