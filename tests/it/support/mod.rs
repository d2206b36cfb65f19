//! The harness: an in-process server per test (memory, SQLite, or a fresh PostgreSQL database
//! on the shared test server of `oz_testkit::postgres`) whose clock the test sets (`TestClock`),
//! `all_backends!` and `edge_only!` to run a test on every store or once, a small request
//! builder whose replies are read whole, checked never to echo a token that was sent and
//! checked against the spec (`contract`), the error assertion every error path goes through,
//! token surgery, and the real binary for CLI, multi-instance and crash tests (`process`).
//! PostgreSQL servers, shared or a test's own (`oz_testkit::postgres::Cluster`), and the skip
//! rule come from `oz_testkit`.
//!
//! Every reply from a server goes through `contract::check`: `Req::send`, `raw_chunked`, and
//! the CLI tests' client for the real binary. The only `Reply`s that skip it are the ones the
//! harness self-tests (`harness.rs`) fabricate to prove the checks themselves fail.

#![allow(dead_code)]

pub mod contract;
pub mod poll;
pub mod process;
pub mod stores;
pub mod tokens;

use std::sync::Arc;

use oz_groups::config::StoreArgs;
use oz_groups::domain::Name;
use oz_groups::http::limits::{Limiter, Limits};
use oz_groups::service::{App, TestClock};
use oz_groups::startup::AdminToken;
use oz_groups::store::memory::MemoryStore;
use oz_groups::store::postgres::PostgresStore;
use oz_groups::store::sqlite::SqliteStore;
use oz_groups::store::Store;
use oz_groups::tokens::TokenCodec;
use reqwest::header::{HeaderMap, CONTENT_TYPE};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tempfile::TempDir;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub const API_ROOT: &str = "/api/v3/onezone";

/// The seed document's example invite token (a hand-damaged v1 macaroon).
pub const SEED_TOKEN: &str = "JKAxNWxvY2F0aW9uIG9uZXpvbmUKMDAzYmlkZW50aWZpZXIgOEhmSEFSSGdrbHFCa1pWSTRsNk1CVHZTU3Z0OThwcHA2OTQ4czhRN1NPawowMDFhY2lkIHRpbWUgPCAxNDk2MTQwMTQ0CjAwMmZzaWduYXR1cmUg88OIBmav38YI0Z2-dw-fvrZ3XP-J0HjCN0taT3_WungK";

/// All 13 group privileges, in Onezone's order.
pub const ALL_PRIVILEGES: [&str; 13] = [
    "group_view_data",
    "group_change_data",
    "group_invite_user",
    "group_remove_user",
    "group_set_privileges",
    "group_remove",
    "group_invite_group",
    "group_join_group",
    "group_remove_group",
    "group_join_space",
    "group_create_space",
    "group_leave_space",
    "group_create_space_token",
];

/// Runs one behavioural test (`async fn name(backend: Backend)`) against every store, as
/// `name::memory`, `name::sqlite` and `name::postgres`. `multi_thread:` gives the runtime two
/// worker threads. The PostgreSQL variant gets a fresh database on the shared test server
/// (`oz_testkit::postgres`); without PostgreSQL it follows `oz_testkit::skip`: a loud
/// `*** SKIPPED ... ***` line, or a failure under CI.
#[macro_export]
macro_rules! all_backends {
    (multi_thread: $($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn memory() {
                super::$name($crate::support::Backend::Memory).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                super::$name($crate::support::Backend::Sqlite).await
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if ::oz_testkit::postgres::server_url($crate::test_name!("postgres")).await.is_none() {
                    return;
                }
                super::$name($crate::support::Backend::Postgres).await
            }
        }
    )+};
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn memory() {
                super::$name($crate::support::Backend::Memory).await
            }
            #[tokio::test]
            async fn sqlite() {
                super::$name($crate::support::Backend::Sqlite).await
            }
            #[tokio::test]
            async fn postgres() {
                if ::oz_testkit::postgres::server_url($crate::test_name!("postgres")).await.is_none() {
                    return;
                }
                super::$name($crate::support::Backend::Postgres).await
            }
        }
    )+};
}

/// Runs one edge test (`async fn name(backend: Backend)`) once, on the memory store, as
/// `name::memory`. An edge test is one whose outcome is decided before the store is asked:
/// routing, 404/405, credential headers, `Content-Type`, body limits and shape, token parsing and
/// signatures, the error shape. Running it on SQLite and PostgreSQL too would test the same
/// code three times; anything a store decides belongs in `all_backends!`.
#[macro_export]
macro_rules! edge_only {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn memory() {
                super::$name($crate::support::Backend::Memory).await
            }
        }
    )+};
}

/// The name cargo shows for the test `function` of the calling module (`join::name::postgres`).
#[macro_export]
macro_rules! test_name {
    ($function:literal) => {
        concat!(module_path!(), "::", $function).trim_start_matches(concat!(env!("CARGO_CRATE_NAME"), "::"))
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Memory,
    Sqlite,
    /// A fresh database on the shared test server (`oz_testkit::postgres`).
    Postgres,
}

/// A server running in this process on a free port, with its own data directory.
pub struct TestApp {
    pub app: App,
    /// `http://127.0.0.1:PORT`
    pub root: String,
    /// `http://127.0.0.1:PORT/api/v3/onezone`
    pub base: String,
    pub addr: std::net::SocketAddr,
    pub admin_token: String,
    pub client: reqwest::Client,
    /// A codec with the server's own master key: tokens it mints have valid signatures but
    /// identifiers the server never recorded.
    pub codec: TokenCodec,
    /// Shared with any other instance started on the same data (`another_instance_with`).
    pub dir: Arc<TempDir>,
    pub backend: Backend,
    /// The URL of this test's own PostgreSQL database (`Backend::Postgres` only).
    pub database: Option<String>,
    /// The server's clock: it reads `TEST_NOW` until a test moves it, so that expiry is tested
    /// at an exact second, never by sleeping or by the real date.
    pub clock: Arc<TestClock>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

fn store_args(dir: &std::path::Path, database: Option<&str>) -> StoreArgs {
    StoreArgs {
        data_dir: dir.to_path_buf(),
        database: database.map(str::to_owned),
        database_pool_size: oz_groups::config::DEFAULT_POOL_SIZE,
    }
}

/// What `--database` would say for `backend`: `memory`, the default (SQLite in the data
/// directory), or a fresh PostgreSQL database.
async fn database_for(backend: Backend) -> Option<String> {
    match backend {
        Backend::Memory => Some("memory".to_owned()),
        Backend::Sqlite => None,
        // The test asked for the server before choosing this backend (`all_backends!`).
        Backend::Postgres => {
            Some(oz_testkit::postgres::fresh_database("a PostgreSQL test").await.expect("the test server is there"))
        }
    }
}

/// The master key of the data directory `dir` (created there on first use), as the binary
/// would read it. The in-process servers share the binary's key files but not its start-up, so
/// they skip the fingerprint check, which `tests/it/keys.rs` tests on the binary.
pub fn master_key(dir: &std::path::Path, database: Option<&str>) -> Vec<u8> {
    let args = store_args(dir, database);
    let key = args.read_master_key().expect("a readable master key");
    key.map_or_else(|| args.create_master_key().expect("a new master key").bytes, |k| k.bytes)
}

/// How many items a whole list reads and sends at a time in the in-process servers (the binary:
/// `LIST_CHUNK`, 1,000): small, so that every whole list of three items or more in these tests
/// is sent in chunks, as only lists of thousands are in the binary.
pub const TEST_LIST_CHUNK: u32 = 2;

/// What the test clock reads until a test moves it: 2026-12-01T00:00:00Z.
pub const TEST_NOW: u64 = 1_796_083_200;

/// A server on a fresh store of `backend`. The binary's own start-up (`startup::build_app`, with
/// the wall clock) is what the CLI tests run; here the app gets a `TestClock` instead.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |store| store).await
}

/// Like `spawn_app`, with the backend's store wrapped by `wrap` (e.g. in a `ProbeStore`).
pub async fn spawn_app_with(backend: Backend, wrap: impl FnOnce(Arc<dyn Store>) -> Arc<dyn Store>) -> TestApp {
    let dir = Arc::new(tempfile::tempdir().expect("a temporary directory"));
    let database = database_for(backend).await;
    let store = open_store(dir.path(), backend, database.as_deref()).await;
    let key = master_key(dir.path(), database.as_deref());
    let clock = Arc::new(TestClock::at(TEST_NOW));
    let app = App::new(wrap(store), TokenCodec::new(key, "onezone"), clock.clone()).with_list_chunk(TEST_LIST_CHUNK);
    start(app, dir, backend, database, clock).await
}

/// A server on the memory store, its store wrapped by `wrap`, with the rate limits `limits`
/// instead of the defaults; the limiter comes back too, for its rejection counters.
pub async fn spawn_limited(
    limits: &Limits,
    wrap: impl FnOnce(Arc<dyn Store>) -> Arc<dyn Store>,
) -> (TestApp, Arc<Limiter>) {
    let dir = Arc::new(tempfile::tempdir().expect("a temporary directory"));
    let store = open_store(dir.path(), Backend::Memory, None).await;
    let key = master_key(dir.path(), None);
    let clock = Arc::new(TestClock::at(TEST_NOW));
    let app = App::new(wrap(store), TokenCodec::new(key, "onezone"), clock.clone()).with_list_chunk(TEST_LIST_CHUNK);
    let limiter = Arc::new(Limiter::new(limits));
    (start_with(app, dir, Backend::Memory, Some("memory".into()), clock, limiter.clone()).await, limiter)
}

/// A new store of `backend`: memory, `<dir>/oz-groups.db`, or a new pool on `database`.
async fn open_store(dir: &std::path::Path, backend: Backend, database: Option<&str>) -> Arc<dyn Store> {
    match backend {
        Backend::Memory => Arc::new(MemoryStore::new()),
        Backend::Sqlite => {
            let path = dir.join("oz-groups.db");
            let store = tokio::task::spawn_blocking(move || SqliteStore::open(&path)).await.unwrap();
            Arc::new(store.expect("SQLite opens"))
        }
        Backend::Postgres => {
            let url = database.expect("a PostgreSQL test has its database");
            Arc::new(PostgresStore::connect(url).await.expect("PostgreSQL connects"))
        }
    }
}

impl TestApp {
    /// A second server instance on the same database (the SQLite file, or the PostgreSQL
    /// database through a second pool), master key and clock, with its own port, its store
    /// wrapped by `wrap`. The memory store cannot be shared.
    pub async fn another_instance_with(&self, wrap: impl FnOnce(Arc<dyn Store>) -> Arc<dyn Store>) -> TestApp {
        assert_ne!(self.backend, Backend::Memory, "a memory store lives inside one instance");
        let store = open_store(self.dir.path(), self.backend, self.database.as_deref()).await;
        let key = master_key(self.dir.path(), self.database.as_deref());
        let app =
            App::new(wrap(store), TokenCodec::new(key, "onezone"), self.clock.clone()).with_list_chunk(TEST_LIST_CHUNK);
        start(app, self.dir.clone(), self.backend, self.database.clone(), self.clock.clone()).await
    }
}

/// Starts the server without rate limits: tests of other concerns send dozens of failures
/// from one address on purpose (200 racers for one invite, every malformed body), which the
/// defaults would rightly answer with 429. `rate_limits.rs` sets limits of its own
/// (`spawn_limited`); the real binary (`process`) runs with the defaults.
async fn start(
    app: App,
    dir: Arc<TempDir>,
    backend: Backend,
    database: Option<String>,
    clock: Arc<TestClock>,
) -> TestApp {
    let limiter = Arc::new(Limiter::new(&Limits::default()));
    start_with(app, dir, backend, database, clock, limiter).await
}

async fn start_with(
    app: App,
    dir: Arc<TempDir>,
    backend: Backend,
    database: Option<String>,
    clock: Arc<TestClock>,
    limiter: Arc<Limiter>,
) -> TestApp {
    // A fresh store gets its admin here; a second instance finds the first one's token on file.
    let admin_token = match oz_groups::startup::bootstrap_admin(&app, dir.path()).await {
        Ok(AdminToken::Created(token, _)) => token,
        Ok(AdminToken::OnFile(file)) => std::fs::read_to_string(file).expect("admin.token reads").trim().to_owned(),
        other => panic!("the admin token is created or on file, not {other:?}"),
    };
    let listener = oz_groups::startup::bind("127.0.0.1:0").await.expect("a free port");
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let served = app.clone();
    tokio::spawn(async move {
        let shutdown = async move {
            let _ = rx.await;
        };
        if let Err(e) = oz_groups::startup::serve_with(
            listener,
            served,
            oz_groups::startup::Serving { limiter, ..oz_groups::startup::Serving::plain() },
            shutdown,
        )
        .await
        {
            panic!("the server failed: {e:#}");
        }
    });
    let key = master_key(dir.path(), database.as_deref());
    let root = format!("http://{addr}");
    TestApp {
        app,
        base: format!("{root}{API_ROOT}"),
        root,
        addr,
        admin_token,
        client: client(),
        codec: TokenCodec::new(key, "onezone"),
        dir,
        backend,
        database,
        clock,
        shutdown: Some(tx),
    }
}

/// A client that never follows redirects and never goes through a proxy.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).no_proxy().build().expect("a reqwest client")
}

// --- requests and replies ----------------------------------------------------------------------

/// A response read whole.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("the body is not JSON ({e}): {:?} (status {})", self.text(), self.status))
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).map(|v| v.to_str().expect("a header in ASCII").to_owned())
    }

    /// Panics with the body when the status is not `expected`.
    pub fn expect(self, expected: StatusCode) -> Reply {
        assert_eq!(self.status, expected, "unexpected status; body: {}", self.text());
        self
    }

    /// Fails unless the body and the headers are free of every secret.
    pub fn check_no_leak(&self, secrets: &[String]) {
        let body = self.text();
        for secret in secrets.iter().filter(|s| s.len() >= 8) {
            assert!(!body.contains(secret.as_str()), "the response body echoes a token that was sent: {body}");
            for (name, value) in &self.headers {
                let value = String::from_utf8_lossy(value.as_bytes());
                assert!(!value.contains(secret.as_str()), "response header {name} echoes a token that was sent");
            }
        }
    }
}

/// Builds one request against the test server.
pub struct Req<'a> {
    app: &'a TestApp,
    method: Method,
    url: String,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    secrets: Vec<String>,
}

impl<'a> Req<'a> {
    /// The access token in `X-Auth-Token`.
    pub fn auth(self, token: &str) -> Self {
        self.credential("X-Auth-Token", token)
    }

    /// A header carrying a credential: no reply may echo `value`.
    pub fn credential(mut self, name: &str, value: &str) -> Self {
        self.secrets.push(value.to_owned());
        self.header(name, value)
    }

    /// Any header.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// A JSON body with `Content-Type: application/json`; every string member named `token`
    /// counts as a secret that no reply may echo.
    pub fn json(mut self, value: &Value) -> Self {
        collect_tokens(value, &mut self.secrets);
        self.body = Some(serde_json::to_vec(value).unwrap());
        self.header(CONTENT_TYPE.as_str(), "application/json")
    }

    /// Raw body bytes, with `content_type` if given.
    pub fn raw(mut self, body: impl Into<Vec<u8>>, content_type: Option<&str>) -> Self {
        self.body = Some(body.into());
        match content_type {
            Some(ct) => self.header(CONTENT_TYPE.as_str(), ct),
            None => self,
        }
    }

    /// Declares `secret` as something the reply must not contain.
    pub fn secret(mut self, secret: &str) -> Self {
        self.secrets.push(secret.to_owned());
        self
    }

    pub async fn send(self) -> Reply {
        let mut request = self.app.client.request(self.method.clone(), &self.url);
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        if let Some(body) = self.body {
            request = request.body(body);
        }
        let response = request.send().await.unwrap_or_else(|e| panic!("{} {} failed: {e}", self.method, self.url));
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.expect("the body reads").to_vec();
        let reply = Reply { status, headers, body };
        reply.check_no_leak(&self.secrets);
        contract::check(&self.method, &request_target(&self.url), &reply);
        reply
    }
}

/// The path (and query) a request for `url` puts on the request line.
pub fn request_target(url: &str) -> String {
    let url = reqwest::Url::parse(url).unwrap_or_else(|e| panic!("a request URL {url:?}: {e}"));
    match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    }
}

fn collect_tokens(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_tokens(v, out)),
        Value::Object(map) => {
            for (key, v) in map {
                match v {
                    Value::String(s) if key == "token" => out.push(s.clone()),
                    other => collect_tokens(other, out),
                }
            }
        }
        _ => {}
    }
}

/// Asserts the JSON error shape (contract §2): `status`, `Content-Type: application/json`, and
/// a body with exactly the two string members `error` (== `code`) and a non-empty
/// `error_description`. Returns the body.
#[track_caller]
pub fn assert_error(reply: &Reply, status: StatusCode, code: &str) -> Value {
    assert_eq!(reply.status, status, "unexpected status; body: {}", reply.text());
    let content_type = reply.header("content-type").unwrap_or_default();
    assert_eq!(
        content_type.split(';').next().unwrap().trim(),
        "application/json",
        "an error must be JSON; body: {}",
        reply.text()
    );
    let body = reply.json();
    let object = body.as_object().unwrap_or_else(|| panic!("the error body is not an object: {body}"));
    assert_eq!(object.len(), 2, "the error body must have exactly error and error_description: {body}");
    assert_eq!(object.get("error").and_then(Value::as_str), Some(code), "wrong error code: {body}");
    let description = object
        .get("error_description")
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("error_description must be a string: {body}"));
    assert!(!description.trim().is_empty(), "error_description must not be empty: {body}");
    body
}

// --- the API, one call at a time ----------------------------------------------------------------

impl TestApp {
    pub fn request(&self, method: Method, path: &str) -> Req<'_> {
        let url = if path.starts_with("http") { path.to_owned() } else { format!("{}{path}", self.base) };
        Req { app: self, method, url, headers: Vec::new(), body: None, secrets: Vec::new() }
    }

    /// A request outside the API root (`/healthz`, `/docs/`, ...).
    pub fn request_root(&self, method: Method, path: &str) -> Req<'_> {
        self.request(method, &format!("{}{path}", self.root))
    }

    pub async fn get(&self, path: &str, token: &str) -> Reply {
        self.request(Method::GET, path).auth(token).send().await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Reply {
        self.request(Method::DELETE, path).auth(token).send().await
    }

    pub async fn post_json(&self, path: &str, token: &str, body: &Value) -> Reply {
        self.request(Method::POST, path).auth(token).json(body).send().await
    }

    pub async fn patch_json(&self, path: &str, token: &str, body: &Value) -> Reply {
        self.request(Method::PATCH, path).auth(token).json(body).send().await
    }

    pub async fn put_json(&self, path: &str, token: &str, body: &Value) -> Reply {
        self.request(Method::PUT, path).auth(token).json(body).send().await
    }

    /// A new user (not an admin): its id and access token.
    pub async fn user(&self, name: &str) -> (String, String) {
        let (user, token) = self
            .app
            .create_user(Name::parse(name, "name").expect("a valid name"), false)
            .await
            .expect("the user is created");
        (user.id.to_string(), token)
    }

    /// `user`, taking the name by value (handy in iterator chains).
    pub async fn user_owned(&self, name: String) -> (String, String) {
        self.user(&name).await
    }

    /// The id of the user behind `token`.
    pub async fn user_id(&self, token: &str) -> String {
        let me = self.get("/user", token).await.expect(StatusCode::OK).json();
        me["userId"].as_str().expect("a userId").to_owned()
    }

    /// `POST /user/groups`; returns the new group's id (from `Location`).
    pub async fn create_group(&self, token: &str, name: &str) -> String {
        let reply = self.post_json("/user/groups", token, &json!({ "name": name })).await.expect(StatusCode::CREATED);
        let location = reply.header("location").expect("a Location header");
        let prefix = format!("{API_ROOT}/user/groups/");
        location.strip_prefix(&prefix).unwrap_or_else(|| panic!("unexpected Location {location}")).to_owned()
    }

    /// `POST /groups/{gid}/users/token`; returns the invite token.
    pub async fn invite(&self, token: &str, gid: &str) -> String {
        let reply = self.request(Method::POST, &format!("/groups/{gid}/users/token")).auth(token).send().await;
        let body = reply.expect(StatusCode::OK).json();
        body["token"].as_str().expect("a token").to_owned()
    }

    /// `POST /user/groups/join` with `{"token": invite}`.
    pub async fn join(&self, token: &str, invite: &str) -> Reply {
        self.post_json("/user/groups/join", token, &json!({ "token": invite })).await
    }

    /// Joins and insists on 201.
    pub async fn join_ok(&self, token: &str, invite: &str) {
        self.join(token, invite).await.expect(StatusCode::CREATED);
    }

    /// The direct members of `gid`, as the admin sees them.
    pub async fn members(&self, gid: &str) -> Vec<String> {
        let body = self.get(&format!("/groups/{gid}/users"), &self.admin_token).await.expect(StatusCode::OK).json();
        strings(&body["users"])
    }

    /// `GET /user/groups` for `token`.
    pub async fn groups_of(&self, token: &str) -> Vec<String> {
        let body = self.get("/user/groups", token).await.expect(StatusCode::OK).json();
        strings(&body["groups"])
    }

    /// A member's privileges in `gid`, as the admin sees them.
    pub async fn privileges(&self, gid: &str, uid: &str) -> Vec<String> {
        let path = format!("/groups/{gid}/users/{uid}/privileges");
        let body = self.get(&path, &self.admin_token).await.expect(StatusCode::OK).json();
        strings(&body["privileges"])
    }

    /// Sends `head` (a request without its body, ending in the blank line) followed by `chunks`
    /// as a chunked body over a raw TCP connection; returns the response. The writer may be cut
    /// off by the server answering early, which is fine.
    pub async fn raw_chunked(&self, head: String, chunks: Vec<Vec<u8>>, secrets: &[String]) -> Reply {
        let mut request_line = head.lines().next().unwrap_or_default().split(' ');
        let method: Method = request_line.next().unwrap_or_default().parse().expect("a method on the request line");
        let target = request_line.next().expect("a target on the request line").to_owned();
        let stream = TcpStream::connect(self.addr).await.expect("connect");
        let (mut read, mut write) = stream.into_split();
        let writer = tokio::spawn(async move {
            write.write_all(head.as_bytes()).await?;
            for chunk in chunks {
                write.write_all(format!("{:x}\r\n", chunk.len()).as_bytes()).await?;
                write.write_all(&chunk).await?;
                write.write_all(b"\r\n").await?;
            }
            write.write_all(b"0\r\n\r\n").await?;
            write.flush().await?;
            Ok::<_, std::io::Error>(write)
        });
        let reply = tokio::time::timeout(std::time::Duration::from_secs(10), read_response(&mut read))
            .await
            .expect("a response within 10 s");
        drop(writer);
        reply.check_no_leak(secrets);
        contract::check(&method, &target, &reply);
        reply
    }
}

/// Reads one HTTP/1.1 response with a `Content-Length` body.
async fn read_response(read: &mut (impl tokio::io::AsyncRead + Unpin)) -> Reply {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = read.read(&mut chunk).await.expect("the response reads");
        assert!(n > 0, "the connection closed before a response: {:?}", String::from_utf8_lossy(&buf));
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8(buf[..head_end].to_vec()).expect("an ASCII head");
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    let code: u16 = status_line.split(' ').nth(1).and_then(|c| c.parse().ok()).expect("a status code");
    let mut headers = HeaderMap::new();
    for line in lines {
        let (name, value) = line.split_once(':').expect("a header line");
        headers.append(
            reqwest::header::HeaderName::from_bytes(name.trim().as_bytes()).unwrap(),
            value.trim().parse().unwrap(),
        );
    }
    let length: usize = headers
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("a Content-Length");
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length {
        let n = read.read(&mut chunk).await.expect("the body reads");
        assert!(n > 0, "the connection closed mid-body");
        body.extend_from_slice(&chunk[..n]);
    }
    body.truncate(length);
    Reply { status: StatusCode::from_u16(code).unwrap(), headers, body }
}

/// The strings of a JSON array (panics on anything else).
pub fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("expected an array: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap_or_else(|| panic!("expected a string: {v}")).to_owned())
        .collect()
}

/// Sorted copy, for comparing lists as sets.
pub fn sorted<T: Ord + Clone>(items: &[T]) -> Vec<T> {
    let mut out = items.to_vec();
    out.sort();
    out
}
