//! SQLite's own tests: files, pragmas, migrations and the group-commit writer. The `Store`
//! contract itself is tested for every backend in `store::contract_tests`.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};
use tokio::sync::oneshot;

use super::errors::{sql_error, Failure};
use super::readers::would_wait;
use super::{join, SqliteStore, MIGRATIONS};
use crate::domain::{GroupId, Login, PageRequest, PrivilegeSet, User, UserId};
use crate::store::fixtures::{
    a_group, a_team, a_user, an_invite, new_group, new_user, race_joins, undecodable_rows_are_backend_errors,
    users_migrated_by_0005_have_unique_logins_and_aliases, Team, USERS_AT_0003,
};
use crate::store::sql::migrate::versions;
use crate::store::Guarded;
use crate::store::{JoinOutcome, Store, StoreError, StoreResult, TokenRecord};

fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("oz.db");
    (dir, path)
}

fn applied_migrations(path: &std::path::Path) -> Vec<(i64, i64)> {
    let conn = Connection::open(path).expect("the database opens");
    let mut stmt = conn
        .prepare("SELECT version, applied_at FROM schema_migrations ORDER BY version")
        .expect("schema_migrations exists");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("the query runs")
        .collect::<rusqlite::Result<Vec<_>>>()
        .expect("the rows read")
}

/// What SQLite plans for `sql`, its steps joined by "; ", with every parameter bound to 0 (no
/// table here has statistics, so the values do not change the plan).
pub(super) fn query_plan(conn: &Connection, sql: &str) -> String {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).expect("plan");
    let params = rusqlite::params_from_iter(vec![0i64; stmt.parameter_count()]);
    let rows = stmt.query_map(params, |r| r.get::<_, String>(3)).expect("plan rows");
    rows.collect::<rusqlite::Result<Vec<_>>>().expect("plan text").join("; ")
}

/// A new database at `path` with the migrations up to `version` applied and recorded, as a
/// build of that time left it.
fn at_migration(path: &std::path::Path, version: i64) -> Connection {
    let conn = Connection::open(path).expect("the database opens");
    conn.execute_batch("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER)")
        .expect("the ledger");
    for migration in MIGRATIONS.iter().filter(|m| m.version <= version) {
        conn.execute_batch(migration.sql).expect("an old migration applies");
        conn.execute("INSERT INTO schema_migrations VALUES (?1, 0)", [migration.version]).expect("recorded");
    }
    conn
}

/// `users` and `groups` (named "g", type team) written into an old schema (0005 or later) with
/// the statements of that time, in creation order.
fn insert_old_users_and_groups<'a>(conn: &Connection, users: impl Iterator<Item = &'a User>, groups: [&GroupId; 2]) {
    for (seq, user) in users.enumerate() {
        conn.execute(
            "INSERT INTO users (id, name, alias, admin, seq, login) VALUES (?1, ?2, NULL, 0, ?3, ?2)",
            rusqlite::params![user.id.as_str(), user.login.as_str(), seq as i64 + 1],
        )
        .expect("an old user");
    }
    for (seq, id) in groups.into_iter().enumerate() {
        conn.execute(
            "INSERT INTO groups (id, name, type, seq) VALUES (?1, 'g', 'team', ?2)",
            rusqlite::params![id.as_str(), seq as i64 + 1],
        )
        .expect("an old group");
    }
}

#[tokio::test]
async fn a_second_store_on_the_same_file_sees_the_first_stores_writes() {
    let (_dir, path) = temp_db();
    let first = SqliteStore::open(&path).expect("the first store opens");
    let second = SqliteStore::open(&path).expect("the second store opens");

    let alice = a_user("alice");
    first.create_user(&alice).await.expect("create user");
    let group = a_group("team");
    first.create_group(&group, &alice.id, PrivilegeSet::all()).await.expect("create group");

    assert_eq!(second.get_user(&alice.id).await, Ok(Some(alice.clone())));
    assert_eq!(second.get_group(&group.id).await, Ok(Some(group.clone())));
    assert_eq!(second.group_users(&group.id).await, Ok(vec![alice.id.clone()]));

    // And the other way round: the second store's writes reach the first's readers.
    let bob = a_user("bob");
    second.create_user(&bob).await.expect("create user");
    assert_eq!(first.count_users().await, Ok(2));
}

#[tokio::test]
async fn reopening_a_store_keeps_its_data_and_applies_no_migration_twice() {
    let (_dir, path) = temp_db();
    let alice = a_user("alice");
    {
        let store = SqliteStore::open(&path).expect("the store opens");
        store.create_user(&alice).await.expect("create user");
    }
    let before = applied_migrations(&path);
    assert_eq!(before.len(), MIGRATIONS.len());

    let store = SqliteStore::open(&path).expect("the store reopens");
    assert_eq!(store.get_user(&alice.id).await, Ok(Some(alice)));
    assert_eq!(applied_migrations(&path), before);
}

#[test]
fn stores_opening_a_new_file_at_once_apply_each_migration_once() {
    let (_dir, path) = temp_db();
    let barrier = std::sync::Barrier::new(8);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                scope.spawn(|| {
                    barrier.wait();
                    SqliteStore::open(&path).map(|_| ())
                })
            })
            .collect();
        for handle in handles {
            assert_eq!(handle.join().expect("the opening thread finishes"), Ok(()));
        }
    });
    let applied = applied_migrations(&path);
    let applied: Vec<i64> = applied.iter().map(|(v, _)| *v).collect();
    assert_eq!(applied, versions(MIGRATIONS));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn racing_joins_through_two_stores_on_one_file_never_overcount_uses() {
    let (_dir, path) = temp_db();
    let first: Arc<dyn Store> = Arc::new(SqliteStore::open(&path).expect("the first store opens"));
    let second: Arc<dyn Store> = Arc::new(SqliteStore::open(&path).expect("the second store opens"));
    // Half the racers can join, so many writes from both stores overlap; a check-then-write
    // step that did not take the write lock first would fail or overcount here.
    assert_eq!(race_joins(&[first, second], 100, 50).await, (50, 50));
}

#[tokio::test]
async fn rows_that_do_not_decode_into_domain_values_are_backend_errors() {
    let (_dir, path) = temp_db();
    let store = SqliteStore::open(&path).expect("the store opens");
    let raw = Connection::open(&path).expect("a raw connection opens");
    raw.execute_batch(
        "INSERT INTO users (id, name, alias, admin, seq, login) VALUES ('bad-name', '', NULL, 0, 1, 'bad-name');
         INSERT INTO groups (id, name, type, seq) VALUES ('bad-type', 'g', 'club', 1);
         INSERT INTO groups (id, name, type, seq) VALUES ('bad/id', 'g', 'team', 2);
         INSERT INTO tokens (id, kind, created_at) VALUES ('odd-kind', 'space_invite', 0);
         INSERT INTO tokens (id, kind, created_at) VALUES ('no-group', 'group_invite_user', 0);",
    )
    .expect("the bad rows insert");

    undecodable_rows_are_backend_errors(&store).await;
}

#[tokio::test]
async fn a_database_from_a_newer_build_is_refused() {
    let (_dir, path) = temp_db();
    drop(SqliteStore::open(&path).expect("the store opens"));
    let raw = Connection::open(&path).expect("a raw connection opens");
    raw.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (9999, 0)", [])
        .expect("the future version inserts");
    drop(raw);
    assert!(matches!(SqliteStore::open(&path), Err(StoreError::Backend(_))));
}

#[test]
fn opening_creates_missing_parent_directories() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("a").join("b").join("oz.db");
    SqliteStore::open(&path).expect("the store opens");
    assert!(path.is_file());
}

#[test]
fn a_database_that_cannot_be_opened_is_unavailable() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    // A directory is not a database file; SQLite reports it cannot open it.
    assert!(matches!(SqliteStore::open(dir.path()), Err(StoreError::Unavailable(_))));
}

#[test]
fn busy_locked_and_full_databases_are_unavailable_and_other_failures_are_backend_errors() {
    let failure = |code| rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
    for code in [
        rusqlite::ffi::SQLITE_BUSY,
        rusqlite::ffi::SQLITE_LOCKED,
        rusqlite::ffi::SQLITE_CANTOPEN,
        rusqlite::ffi::SQLITE_READONLY,
        rusqlite::ffi::SQLITE_FULL,
        rusqlite::ffi::SQLITE_IOERR,
    ] {
        assert!(matches!(sql_error(failure(code)), StoreError::Unavailable(_)));
    }
    for code in [rusqlite::ffi::SQLITE_CONSTRAINT, rusqlite::ffi::SQLITE_CORRUPT] {
        assert!(matches!(sql_error(failure(code)), StoreError::Backend(_)));
    }
    assert!(matches!(sql_error(rusqlite::Error::QueryReturnedNoRows), StoreError::Backend(_)));
}

#[test]
fn the_writer_runs_in_wal_mode_with_full_sync_foreign_keys_and_a_busy_timeout() {
    let (_dir, path) = temp_db();
    let store = SqliteStore::open(&path).expect("the store opens");
    // The writer connection lives on the writer thread; a request reads its pragmas there.
    let answer = store.submit(|conn| {
        let pragma =
            |name: &str| -> rusqlite::Result<i64> { conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0)) };
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        Ok((mode, pragma("synchronous")?, pragma("foreign_keys")?, pragma("busy_timeout")?))
    });
    let (mode, synchronous, foreign_keys, busy_timeout) =
        answer.expect("the request is queued").blocking_recv().expect("the writer answers").expect("the pragmas read");
    assert_eq!(mode, "wal");
    assert_eq!(synchronous, 2, "2 is FULL");
    assert_eq!(foreign_keys, 1);
    assert_eq!(busy_timeout, 5000);
}

/// `.cargo/config.toml` builds the bundled SQLite without the process-wide page cache and
/// without the allocation counters, both of which take a global mutex on every call.
#[test]
fn the_bundled_sqlite_has_no_process_wide_page_cache_and_no_allocation_counters() {
    let conn = rusqlite::Connection::open_in_memory().expect("an in-memory database");
    let options: Vec<String> = conn
        .prepare("PRAGMA compile_options")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("the compile options read");
    assert!(options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"), "{options:?}");
    assert!(!options.iter().any(|o| o == "ENABLE_MEMORY_MANAGEMENT"), "{options:?}");
}

/// How many observations the histogram `name` holds over the process.
fn histogram_count(name: &str) -> f64 {
    crate::telemetry::metrics::sample(&format!("{name}_count"))
}

#[test]
fn the_log_is_checkpointed_by_1000_pages_so_it_stays_bounded_and_commits_and_checkpoints_are_timed() {
    let (_dir, path) = temp_db();
    let store = SqliteStore::open(&path).expect("the store opens");
    let (commits, checkpoints, early) = (
        "oz_sqlite_commit_duration_seconds",
        "oz_sqlite_checkpoint_duration_seconds",
        "oz_sqlite_early_checkpoint_duration_seconds",
    );
    // Other tests share the process's metrics, so the counts can only be said to grow by at least.
    let before = (histogram_count(commits), histogram_count(checkpoints), histogram_count(early));
    let write = |sql: &'static str| {
        let answer = store.submit(move |conn| Ok(conn.execute_batch(sql)?)).expect("the write is queued");
        answer.blocking_recv().expect("the writer answers").expect("the write succeeds");
    };
    write("CREATE TABLE scratch (x BLOB)");
    // 30 commits of about 100 pages each: three times the log the checkpoint lets grow.
    for _ in 0..30 {
        write(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
             INSERT INTO scratch SELECT randomblob(4000) FROM n",
        );
    }
    let log = std::fs::metadata(path.with_extension("db-wal")).expect("the log exists").len();
    assert!(log < 1_500 * 4096, "the log is reused after each checkpoint, so it stays near 1,000 pages: {log} bytes");
    assert!(histogram_count(commits) >= before.0 + 31.0, "every commit is timed");
    // The checkpointer thread may have copied the whole log before the writer had to.
    let all_checkpoints = histogram_count(checkpoints) + histogram_count(early);
    assert!(all_checkpoints >= before.1 + before.2 + 2.0, "3,000 pages take at least two checkpoints");
}

#[test]
fn the_checkpointer_thread_copies_the_log_into_the_database_before_the_writer_must() {
    let (_dir, path) = temp_db();
    let store = SqliteStore::open(&path).expect("the store opens");
    let write = |sql: &'static str| {
        let answer = store.submit(move |conn| Ok(conn.execute_batch(sql)?)).expect("the write is queued");
        answer.blocking_recv().expect("the writer answers").expect("the write succeeds");
    };
    write("CREATE TABLE scratch (x BLOB)");
    let database = || std::fs::metadata(&path).expect("the database exists").len();
    let at_start = database();
    // Seven commits of about 100 pages: past the checkpointer's 600, short of the writer's 1,000,
    // so nothing but the checkpointer copies any of it into the database file.
    for _ in 0..7 {
        write(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
             INSERT INTO scratch SELECT randomblob(4000) FROM n",
        );
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while database() < at_start + 600 * 4096 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    let copied = database() - at_start;
    assert!(copied >= 600 * 4096, "the checkpointer copied the log's 600 pages and more: {copied} bytes");
    drop(store);
    let conn = Connection::open(&path).expect("the database reopens");
    let rows: i64 = conn.query_row("SELECT count(*) FROM scratch", [], |r| r.get(0)).expect("the rows read");
    assert_eq!(rows, 700, "every committed row is there after the copy");
}

// --- group commit ----------------------------------------------------------------------

fn commits(store: &SqliteStore) -> usize {
    store.inner.stats.commits.load(Ordering::SeqCst)
}

fn submitted(store: &SqliteStore) -> usize {
    store.inner.stats.submitted.load(Ordering::SeqCst)
}

/// Waits until `count` requests in all have been queued for the writer thread.
async fn until_queued(store: &SqliteStore, count: usize) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while submitted(store) < count {
        assert!(Instant::now() < deadline, "the requests were never queued");
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

/// Spawns `call` and returns once it has queued its write, so that calls queue in the order
/// they are made here.
async fn queue_call<T, C>(store: &SqliteStore, call: C) -> tokio::task::JoinHandle<T>
where
    T: Send + 'static,
    C: std::future::Future<Output = T> + Send + 'static,
{
    let queued = submitted(store);
    let task = tokio::spawn(call);
    until_queued(store, queued + 1).await;
    task
}

/// A request that, once the writer thread runs it, says so on `started` and then keeps the
/// thread (and its batch's transaction) until `release` is used or dropped.
struct Holder {
    started: oneshot::Receiver<()>,
    release: std::sync::mpsc::Sender<()>,
    answer: oneshot::Receiver<StoreResult<()>>,
}

fn queue_holder(store: &SqliteStore) -> Holder {
    let (started_tx, started) = oneshot::channel();
    let (release, release_rx) = std::sync::mpsc::channel::<()>();
    let answer = store
        .submit(move |_| {
            let _ = started_tx.send(());
            let _ = release_rx.recv();
            Ok(())
        })
        .expect("the holder is queued");
    Holder { started, release, answer }
}

/// Occupies the writer thread, so that whatever is queued next waits and then makes up one
/// batch together.
async fn hold_writer(store: &SqliteStore) -> Holder {
    let mut holder = queue_holder(store);
    (&mut holder.started).await.expect("the holder runs");
    holder
}

/// Lets a held writer go and checks its own request committed.
async fn release(holder: Holder) {
    holder.release.send(()).expect("the holder is still waiting");
    assert_eq!(holder.answer.await.expect("the holder is answered"), Ok(()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn five_hundred_racing_joins_on_an_invite_with_a_hundred_uses_admit_exactly_a_hundred() {
    let (_dir, path) = temp_db();
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&path).expect("the store opens"));
    assert_eq!(race_joins(&[store], 500, 100).await, (100, 400));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn five_hundred_racing_joins_on_a_single_use_invite_admit_exactly_one() {
    let (_dir, path) = temp_db();
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&path).expect("the store opens"));
    assert_eq!(race_joins(&[store], 500, 1).await, (1, 499));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn concurrent_writes_share_commits_and_each_caller_gets_its_own_answer() {
    let (_dir, path) = temp_db();
    let store = SqliteStore::open(&path).expect("the store opens");
    let owner = new_user(&store, "owner").await;
    let group = new_group(&store, &owner, "team").await;
    // Each caller has its own user and invite, and every third invite is revoked, so that the
    // answers differ and a mixed-up answer would show.
    let mut cases = Vec::new();
    for i in 0..200 {
        let user = a_user(&format!("user {i}"));
        store.create_user(&user).await.expect("create user");
        let invite = TokenRecord { revoked: i % 3 == 0, ..an_invite(&group, Some(1)) };
        store.insert_token(&invite).await.expect("insert invite");
        let expected = if invite.revoked { JoinOutcome::TokenUsedUp } else { JoinOutcome::Joined(group.clone()) };
        cases.push((invite.id, user.id, expected));
    }

    let before = commits(&store);
    let barrier = Arc::new(tokio::sync::Barrier::new(cases.len()));
    let tasks: Vec<_> = cases
        .into_iter()
        .map(|(token, user, expected)| {
            let (store, barrier) = (store.clone(), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                (store.join_with_token(&token, &user).await, expected)
            })
        })
        .collect();
    for task in futures::future::join_all(tasks).await {
        let (outcome, expected) = task.expect("the task finishes");
        assert_eq!(outcome, Ok(expected));
    }
    let transactions = commits(&store) - before;
    assert!(transactions < 200, "200 concurrent joins took {transactions} transactions");
    assert!(store.inner.stats.largest_batch.load(Ordering::SeqCst) > 1);
    // 133 joined (those whose index is not a multiple of 3), plus the owner.
    assert_eq!(store.group_users(&group).await.map(|u| u.len()), Ok(134));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn requests_that_fail_or_panic_inside_a_batch_leave_the_rest_of_the_batch_intact() {
    let (_dir, path) = temp_db();
    let store = SqliteStore::open(&path).expect("the store opens");
    let Team { owner, group, invite } = a_team(&store, Some(10)).await;
    let bob = a_user("bob");
    store.create_user(&bob).await.expect("create bob");
    let (carol, dave) = (a_user("carol"), a_user("dave"));

    let holder = hold_writer(&store).await;
    let before = commits(&store);
    let s = store.clone();
    let c = carol.clone();
    let add_carol = queue_call(&store, async move { s.create_user(&c).await }).await;
    // The same id under a free login: an id clash, which fails inside the batch.
    let (s, o) = (store.clone(), User { login: Login::parse("owner again").unwrap(), ..owner.clone() });
    let add_owner_again = queue_call(&store, async move { s.create_user(&o).await }).await;
    let (s, t) = (store.clone(), invite.id.clone());
    let ghost_joins = queue_call(&store, async move { s.join_with_token(&t, &UserId::generate()).await }).await;
    let (s, t, b) = (store.clone(), invite.id.clone(), bob.id.clone());
    let bob_joins = queue_call(&store, async move { s.join_with_token(&t, &b).await }).await;
    let s = store.clone();
    let panics = queue_call(&store, async move {
        s.write(|tx| -> Result<(), Failure> {
            tx.execute("UPDATE tokens SET uses = 99", [])?;
            panic!("a bug inside a write")
        })
        .await
    })
    .await;
    let (s, d) = (store.clone(), dave.clone());
    let add_dave = queue_call(&store, async move { s.create_user(&d).await }).await;
    release(holder).await;

    assert_eq!(add_carol.await.expect("the task finishes"), Ok(true));
    assert!(matches!(add_owner_again.await.expect("the task finishes"), Err(StoreError::Backend(_))));
    assert!(matches!(ghost_joins.await.expect("the task finishes"), Err(StoreError::Backend(_))));
    assert_eq!(bob_joins.await.expect("the task finishes"), Ok(JoinOutcome::Joined(group.id.clone())));
    assert!(matches!(panics.await.expect("the task finishes"), Err(StoreError::Backend(_))));
    assert_eq!(add_dave.await.expect("the task finishes"), Ok(true));

    // The holder's batch and then one batch of the six.
    assert_eq!(commits(&store) - before, 2);
    assert!(store.inner.stats.largest_batch.load(Ordering::SeqCst) >= 6);
    assert_eq!(store.get_user(&carol.id).await, Ok(Some(carol)));
    assert_eq!(store.get_user(&dave.id).await, Ok(Some(dave)));
    assert_eq!(store.get_user(&owner.id).await, Ok(Some(owner.clone())));
    assert_eq!(store.count_users().await, Ok(4));
    assert_eq!(store.get_token(&invite.id).await.map(|r| r.map(|r| r.uses)), Ok(Some(1)));
    assert_eq!(store.group_users(&group.id).await, Ok(vec![owner.id, bob.id]));
    // And the writer thread is still there after the panic.
    store.create_user(&a_user("erin")).await.expect("a write after the panic");
}

/// Queues one join per user (in order, each behind the last) and returns their tasks.
async fn queue_joins(
    store: &SqliteStore,
    token: &str,
    users: &[UserId],
) -> Vec<tokio::task::JoinHandle<StoreResult<JoinOutcome>>> {
    let mut tasks = Vec::new();
    for user in users {
        let (s, t, u) = (store.clone(), token.to_owned(), user.clone());
        tasks.push(queue_call(store, async move { s.join_with_token(&t, &u).await }).await);
    }
    tasks
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_batch_of_joins_commits_without_savepoints_and_one_that_fails_is_run_again_with_them() {
    let (_dir, path) = temp_db();
    let store = SqliteStore::open(&path).expect("the store opens");
    let Team { owner, group, invite } = a_team(&store, Some(4)).await;
    let mut users = Vec::new();
    for name in ["bob", "carol", "dave", "erin", "frank"] {
        let user = a_user(name);
        store.create_user(&user).await.expect("create a user");
        users.push(user.id);
    }
    let joined = Ok(JoinOutcome::Joined(group.id.clone()));

    // Two joins, one batch: both succeed, so the batch commits in its first pass.
    let holder = hold_writer(&store).await;
    let tasks = queue_joins(&store, &invite.id, &users[..2]).await;
    release(holder).await;
    for task in tasks {
        assert_eq!(task.await.expect("the task finishes"), joined);
    }
    assert_eq!(store.inner.stats.without_savepoints.load(Ordering::SeqCst), 1);
    assert_eq!(store.inner.stats.run_again.load(Ordering::SeqCst), 0);

    // A join of a user who does not exist fails (a foreign key) after the token's record was
    // read, between two joins that succeed, the second of which takes the invite's last use;
    // the one after them finds it used up. Run again with savepoints, each gets what it would
    // have got alone.
    let before = commits(&store);
    let holder = hold_writer(&store).await;
    let ghost = UserId::generate();
    let order = [users[2].clone(), ghost, users[3].clone(), users[4].clone()];
    let mut tasks = queue_joins(&store, &invite.id, &order).await;
    // And a rerunnable write that changes a row and then fails: none of it may stay.
    let (s, t) = (store.clone(), invite.id.clone());
    let wrecks = queue_call(&store, async move {
        s.write_rerunnable(move |tx| -> Result<JoinOutcome, Failure> {
            tx.execute("UPDATE tokens SET uses = 99 WHERE id = ?1", [t.as_str()])?;
            Err(Failure::Row("a write that fails after changing a row".into()))
        })
        .await
    })
    .await;
    tasks.push(wrecks);
    release(holder).await;
    let outcomes: Vec<_> = futures::future::join_all(tasks).await.into_iter().map(|t| t.expect("finishes")).collect();
    assert_eq!(outcomes[0], joined);
    assert!(matches!(outcomes[1], Err(StoreError::Backend(_))), "{:?}", outcomes[1]);
    assert_eq!(outcomes[2], joined);
    assert_eq!(outcomes[3], Ok(JoinOutcome::TokenUsedUp));
    assert!(matches!(outcomes[4], Err(StoreError::Backend(_))), "{:?}", outcomes[4]);
    assert_eq!(store.inner.stats.run_again.load(Ordering::SeqCst), 1);
    // The holder's batch, then the joins' one commit (the first pass committed nothing).
    assert_eq!(commits(&store) - before, 2);
    assert_eq!(store.get_token(&invite.id).await.map(|r| r.map(|r| r.uses)), Ok(Some(4)));
    let members = store.group_users(&group.id).await.expect("the members");
    assert_eq!(members, [&owner.id].into_iter().chain(&users[..4]).cloned().collect::<Vec<_>>());
    let records = store.token_joins(&invite.id, PageRequest::largest_first()).await.expect("the join records").items;
    assert_eq!(records.len(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_join_is_answered_only_once_its_batch_is_committed_and_visible_to_other_connections() {
    let (_dir, path) = temp_db();
    let store = SqliteStore::open(&path).expect("the store opens");
    let Team { group, invite, .. } = a_team(&store, Some(1)).await;
    let joiner = a_user("joiner");
    store.create_user(&joiner).await.expect("create joiner");
    let membership_on_disk = |path: &std::path::Path, group: &GroupId, user: &UserId| -> bool {
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("a reader opens");
        conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM memberships WHERE group_id = ?1 AND user_id = ?2)",
            [group.as_str(), user.as_str()],
            |r| r.get(0),
        )
        .expect("the membership query runs")
    };

    // The join and a second holder queue behind a first holder, so they make up one batch
    // in which the join runs and then the second holder keeps the transaction open. The join is
    // queued as `join_with_token` queues it, but its answer is kept here, so that whether it has
    // come is a plain fact rather than a race with the task that would await it.
    let first = hold_writer(&store).await;
    let (token, user) = (invite.id.clone(), joiner.id.clone());
    let mut answer = store.submit(move |tx| join::join_in(tx, &token, user.as_str())).expect("the join is queued");
    let mut second = queue_holder(&store);
    release(first).await;
    (&mut second.started).await.expect("the second holder runs");

    // The join has run (the writer thread ran it before the second holder, which has started),
    // and an answer sent then would already be in the channel; but its batch is not committed:
    // no answer yet, and nothing on disk.
    assert_eq!(answer.try_recv(), Err(oneshot::error::TryRecvError::Empty), "answered before the commit");
    assert!(!membership_on_disk(&path, &group.id, &joiner.id));

    release(second).await;
    assert_eq!(answer.await.expect("the join is answered"), Ok(JoinOutcome::Joined(group.id.clone())));
    assert!(membership_on_disk(&path, &group.id, &joiner.id));
    let fresh = SqliteStore::open(&path).expect("a second store opens");
    assert_eq!(fresh.membership(&group.id, &joiner.id).await, Ok(Some(PrivilegeSet::default_member())));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_the_store_still_answers_every_queued_request() {
    let (_dir, path) = temp_db();
    let store = SqliteStore::open(&path).expect("the store opens");
    let holder = hold_writer(&store).await;
    let answers: Vec<_> = (0..5_i64)
        .map(|i| {
            store
                .submit(move |tx| Ok(tx.query_row("SELECT ?1 * 2", [i], |r| r.get::<_, i64>(0))?))
                .expect("the request is queued")
        })
        .collect();
    // Dropping waits for the writer thread, which is held; so drop on another thread.
    let dropping = std::thread::spawn(move || drop(store));
    release(holder).await;
    dropping.join().expect("the store drops");
    for (i, answer) in (0..5_i64).zip(answers) {
        assert_eq!(answer.await.expect("the request is answered"), Ok(i * 2));
    }
}

#[tokio::test]
async fn a_short_read_that_finds_every_inline_connection_taken_runs_on_the_blocking_pool() {
    let (_dir, path) = temp_db();
    let store = SqliteStore::open(&path).expect("the store opens");
    let alice = a_user("alice");
    store.create_user(&alice).await.expect("create user");
    // As if every async worker were in the middle of an inline read; waiting for one of these
    // on this (the only) runtime thread would never end.
    let taken: Vec<_> = store.inner.inline_readers.iter().map(|r| r.lock().unwrap()).collect();
    let read = tokio::time::timeout(Duration::from_secs(10), store.get_user(&alice.id)).await;
    drop(taken);
    assert_eq!(read, Ok(Ok(Some(alice))));
}

#[test]
fn only_a_busy_or_locked_database_sends_an_inline_read_to_the_blocking_pool() {
    let failure = |code| rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
    assert!(would_wait(&failure(rusqlite::ffi::SQLITE_BUSY)));
    assert!(would_wait(&failure(rusqlite::ffi::SQLITE_LOCKED)));
    for code in [rusqlite::ffi::SQLITE_IOERR, rusqlite::ffi::SQLITE_CORRUPT, rusqlite::ffi::SQLITE_CONSTRAINT] {
        assert!(!would_wait(&failure(code)), "{code}");
    }
    assert!(!would_wait(&rusqlite::Error::QueryReturnedNoRows));
}

#[tokio::test]
async fn a_database_at_migration_0003_with_shared_names_and_aliases_migrates_to_unique_ones() {
    let (_dir, path) = temp_db();
    {
        let conn = at_migration(&path, 3);
        for (seq, (id, name, alias)) in USERS_AT_0003.iter().enumerate() {
            conn.execute(
                "INSERT INTO users (id, name, alias, admin, seq) VALUES (?1, ?2, ?3, 0, ?4)",
                rusqlite::params![id, name, alias, seq as i64 + 1],
            )
            .expect("a user of 0003");
        }
    }
    let store = SqliteStore::open(&path).expect("the new build opens and migrates the database");
    users_migrated_by_0005_have_unique_logins_and_aliases(&store).await;
    let applied: Vec<i64> = applied_migrations(&path).iter().map(|(v, _)| *v).collect();
    assert_eq!(applied, versions(MIGRATIONS));
}

/// The schema as a build before migration 0006 left it: the zone privilege tables gone and 0006
/// not recorded, with the users already there (one of them flagged `admin`).
#[tokio::test]
async fn migration_0006_gives_every_former_admin_all_nine_zone_privileges_and_others_none() {
    use crate::domain::{ZoneHolder, ZonePrivilegeSet};
    let (_dir, path) = temp_db();
    let (admin, plain) = (a_user("admin"), a_user("plain"));
    {
        let store = SqliteStore::open(&path).expect("the store opens");
        store.create_user(&admin).await.expect("create admin");
        store.create_user(&plain).await.expect("create plain");
    }
    let raw = Connection::open(&path).expect("the database opens");
    raw.execute_batch(
        "DROP TABLE user_zone_privileges; DROP TABLE group_zone_privileges; DROP INDEX tokens_by_user;
         DELETE FROM schema_migrations WHERE version = 6;",
    )
    .expect("back to the schema before 0006");
    raw.execute("UPDATE users SET admin = 1 WHERE id = ?1", [admin.id.as_str()]).expect("flag the admin");
    drop(raw);

    let store = SqliteStore::open(&path).expect("the store reopens and migrates");
    assert_eq!(store.zone_privileges(&ZoneHolder::User(admin.id.clone())).await, Ok(Some(ZonePrivilegeSet::all())));
    assert_eq!(store.effective_zone_privileges(&plain.id).await, Ok(ZonePrivilegeSet::empty()));
}

#[test]
fn deleting_a_users_tokens_reads_them_by_key_from_tokens_by_user() {
    let (_dir, path) = temp_db();
    drop(SqliteStore::open(&path).expect("open and migrate"));
    let conn = Connection::open(&path).expect("open");
    let plan = query_plan(&conn, "DELETE FROM tokens WHERE user_id = ?1");
    assert!(plan.contains("tokens_by_user"), "{plan}");
}

/// A database at migration 0007 with a group, its members, a link and tokens, migrated by this
/// build: the old rows get no issuer, no name, no caveats or metadata and an unknown origin, and
/// an old invite still admits (no issuer to check) with an origin and a join record of its own.
#[tokio::test]
async fn a_database_at_migration_0007_with_data_migrates_to_0008() {
    use crate::store::{JoinRecord, Joiner, LinkOutcome, Origin};
    let (_dir, path) = temp_db();
    let (owner, joiner) = (a_user("owner"), a_user("joiner"));
    let (group, child) = (GroupId::generate(), GroupId::generate());
    {
        let conn = at_migration(&path, 7);
        insert_old_users_and_groups(&conn, [&owner, &joiner].into_iter(), [&group, &child]);
        let all = i64::from(PrivilegeSet::all().bits());
        let member = i64::from(PrivilegeSet::default_member().bits());
        conn.execute(
            "INSERT INTO memberships (group_id, user_id, privileges, seq) VALUES (?1, ?2, ?3, 1)",
            rusqlite::params![group.as_str(), owner.id.as_str(), all],
        )
        .expect("a membership of 0007");
        conn.execute(
            "INSERT INTO group_links (parent_id, child_id, privileges, seq) VALUES (?1, ?2, ?3, 1)",
            rusqlite::params![group.as_str(), child.as_str(), member],
        )
        .expect("a link of 0007");
        conn.execute(
            "INSERT INTO group_closure (ancestor, descendant, via) VALUES (?1, ?2, ?2)",
            [group.as_str(), child.as_str()],
        )
        .expect("its closure row");
        let invite = "INSERT INTO tokens (id, kind, user_id, group_id, privileges, max_uses, uses, revoked, created_at)
                      VALUES (?1, ?2, NULL, ?3, ?4, 1, 0, 0, 1700000000)";
        conn.execute(invite, rusqlite::params!["old-invite", "group_invite_user", group.as_str(), member])
            .expect("an invite of 0007");
        conn.execute(invite, rusqlite::params!["old-group-invite", "group_invite_group", group.as_str(), member])
            .expect("a group invite of 0007");
    }

    let store = SqliteStore::open(&path).expect("the new build opens and migrates the database");
    let applied: Vec<i64> = applied_migrations(&path).iter().map(|(v, _)| *v).collect();
    assert_eq!(applied, versions(MIGRATIONS));
    let old = store.get_token("old-invite").await.expect("read").expect("the invite survives");
    assert_eq!(
        (old.issuer, old.name, old.caveats.as_str(), old.valid_until, old.custom_metadata.as_str()),
        (None, None, "[]", None, "{}")
    );
    assert_eq!(store.member_origin(&group, &owner.id).await, Ok(Some(Origin::Unknown)));
    let live =
        store.group_invites(&group, 1_800_000_000, PageRequest::largest_first()).await.expect("the invites read").items;
    assert_eq!(live.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["old-invite", "old-group-invite"]);

    // No issuer: no issuer check. The join records its origin and itself.
    assert_eq!(store.join_with_token("old-invite", &joiner.id).await, Ok(JoinOutcome::Joined(group.clone())));
    let origin = Origin::Invite { token: "old-invite".into(), issuer: None };
    assert_eq!(store.member_origin(&group, &joiner.id).await, Ok(Some(origin)));
    let records: Vec<JoinRecord> =
        store.token_joins("old-invite", PageRequest::largest_first()).await.expect("records").items;
    assert_eq!(records.iter().map(|r| r.joiner.clone()).collect::<Vec<_>>(), [Joiner::User(joiner.id.clone())]);
    assert_eq!(store.join_with_token("old-invite", &joiner.id).await, Ok(JoinOutcome::Rejoined(group.clone())));
    // A link older than 0008 was made with no token this build knows: no retry, already linked.
    assert_eq!(store.link_with_token("old-group-invite", &child).await, Ok(LinkOutcome::AlreadyLinked));
}

/// The lists of issue 13 and the issuer's name check read by key, never by a scan of tokens.
#[test]
fn named_tokens_invites_and_join_records_are_read_by_key() {
    let (_dir, path) = temp_db();
    drop(SqliteStore::open(&path).expect("open and migrate"));
    let conn = Connection::open(&path).expect("open");
    let named = query_plan(&conn, super::named::NAMED_TOKENS);
    assert!(named.contains("tokens_by_issuer_name"), "{named}");
    let taken = query_plan(&conn, "SELECT EXISTS (SELECT 1 FROM tokens WHERE issuer_id = ?1 AND name = ?2)");
    assert!(taken.contains("tokens_by_issuer_name"), "{taken}");
    let invites = query_plan(&conn, super::named::GROUP_INVITES);
    assert!(invites.contains("tokens_by_group") && !invites.contains("TEMP B-TREE"), "{invites}");
    let joins = query_plan(&conn, super::named::TOKEN_JOINS);
    assert!(joins.contains("token_joins_by_token") && !joins.contains("TEMP B-TREE"), "{joins}");
}

/// A database at migration 0009 with memberships and join records, migrated by this build: 0011
/// moves both tables under their `seq` and keeps every row and column; the lists keep join
/// order, new rows continue the sequences, the key stays unique and a group's deletion still
/// takes its memberships.
#[tokio::test]
async fn a_database_at_migration_0009_keeps_every_membership_and_join_record_through_0011() {
    let (_dir, path) = temp_db();
    let users = [a_user("one"), a_user("two"), a_user("three")];
    let (first, second) = (GroupId::generate(), GroupId::generate());
    let all = i64::from(PrivilegeSet::all().bits());
    let member = i64::from(PrivilegeSet::default_member().bits());
    const MEMBERSHIPS: &str =
        "SELECT seq, group_id, user_id, privileges, origin, origin_token, origin_by FROM memberships ORDER BY seq";
    const JOIN_RECORDS: &str =
        "SELECT seq, token_id, group_id, user_id, child_id, privileges, joined_at FROM token_joins ORDER BY seq";
    type Row = (i64, String, Option<String>, Option<String>, Option<String>, Option<String>, Option<String>);
    let rows = |conn: &Connection, select: &str| -> Vec<Row> {
        let mut stmt = conn.prepare(select).expect("the select prepares");
        let read = |r: &rusqlite::Row<'_>| {
            let text = |i| r.get::<_, rusqlite::types::Value>(i).map(|v| Some(format!("{v:?}")));
            Ok((r.get(0)?, r.get(1)?, text(2)?, text(3)?, text(4)?, text(5)?, text(6)?))
        };
        stmt.query_map([], read).expect("the rows").collect::<rusqlite::Result<_>>().expect("the rows read")
    };
    let before = {
        let conn = at_migration(&path, 9);
        insert_old_users_and_groups(&conn, users.iter(), [&first, &second]);
        let [one, two, three] = users.each_ref().map(|u| u.id.as_str());
        let membership = "INSERT INTO memberships (group_id, user_id, privileges, seq, origin, origin_token, origin_by)
                          VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
        for (group, user, privileges, seq, origin, token, by) in [
            (first.as_str(), one, all, 1, Some("created"), None, None),
            (second.as_str(), two, member, 2, Some("invite"), Some("invite-a"), Some(one)),
            (second.as_str(), one, all, 3, None, None, None),
            (first.as_str(), three, member, 7, Some("added"), None, Some(one)),
        ] {
            conn.execute(membership, rusqlite::params![group, user, privileges, seq, origin, token, by])
                .expect("a membership of 0009");
        }
        let record = "INSERT INTO token_joins (token_id, seq, group_id, user_id, child_id, privileges, joined_at)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1700000000)";
        conn.execute(record, rusqlite::params!["invite-a", 1, second.as_str(), two, None::<&str>, member])
            .expect("a join record of 0009");
        conn.execute(record, rusqlite::params!["invite-b", 4, second.as_str(), None::<&str>, first.as_str(), member])
            .expect("a nested join record of 0009");
        conn.execute(
            "INSERT INTO tokens (id, kind, group_id, privileges, max_uses, uses, revoked, created_at)
             VALUES ('invite-a', 'group_invite_user', ?1, ?2, 5, 1, 0, 1700000000)",
            rusqlite::params![second.as_str(), member],
        )
        .expect("the invite of 0009");
        (rows(&conn, MEMBERSHIPS), rows(&conn, JOIN_RECORDS))
    };

    let store = SqliteStore::open(&path).expect("the new build opens and migrates the database");
    let applied: Vec<i64> = applied_migrations(&path).iter().map(|(v, _)| *v).collect();
    assert_eq!(applied, versions(MIGRATIONS));
    let conn = Connection::open(&path).expect("the database opens");
    assert_eq!((rows(&conn, MEMBERSHIPS), rows(&conn, JOIN_RECORDS)), before);
    let [one, two, three] = users.each_ref().map(|u| u.id.clone());
    assert_eq!(store.user_groups(&one).await, Ok(vec![first.clone(), second.clone()]));
    assert_eq!(store.group_users(&first).await, Ok(vec![one.clone(), three.clone()]));
    assert_eq!(store.group_users(&second).await, Ok(vec![two.clone(), one.clone()]));

    assert_eq!(store.join_with_token("invite-a", &three).await, Ok(JoinOutcome::Joined(second.clone())));
    let seq_of = |select: &str| -> i64 { conn.query_row(select, [three.as_str()], |r| r.get(0)).expect("the row") };
    assert_eq!(seq_of("SELECT seq FROM memberships WHERE user_id = ?1 AND origin = 'invite'"), 8);
    assert_eq!(seq_of("SELECT seq FROM token_joins WHERE user_id = ?1"), 5);
    assert_eq!(store.group_users(&second).await, Ok(vec![two.clone(), one.clone(), three.clone()]));
    let again = conn.execute(
        "INSERT INTO memberships (group_id, user_id, privileges, seq) VALUES (?1, ?2, 0, 100)",
        [first.as_str(), one.as_str()],
    );
    assert!(again.is_err(), "a second membership of one user in one group is refused: {again:?}");

    assert_eq!(store.delete_group(&first).await, Ok(Guarded::Done));
    let left: i64 = conn
        .query_row("SELECT count(*) FROM memberships WHERE group_id = ?1", [first.as_str()], |r| r.get(0))
        .expect("the count");
    assert_eq!(left, 0);
    assert_eq!(store.user_groups(&one).await, Ok(vec![second.clone()]));
}

/// A database at migration 0011 with memberships, migrated by this build: 0012 keys them by user
/// first and keeps every row and both lists' order; a second membership of one user in one group
/// is still refused, and the lookup of one membership (both columns) still reads the key.
#[tokio::test]
async fn a_database_at_migration_0011_keeps_its_memberships_unique_through_0012() {
    let (_dir, path) = temp_db();
    let users = [a_user("one"), a_user("two")];
    let (first, second) = (GroupId::generate(), GroupId::generate());
    {
        let conn = at_migration(&path, 11);
        insert_old_users_and_groups(&conn, users.iter(), [&first, &second]);
        for (seq, (group, user)) in
            [(&second, &users[0]), (&first, &users[1]), (&first, &users[0])].into_iter().enumerate()
        {
            conn.execute(
                "INSERT INTO memberships (group_id, user_id, privileges, seq) VALUES (?1, ?2, 0, ?3)",
                rusqlite::params![group.as_str(), user.id.as_str(), seq as i64 + 1],
            )
            .expect("a membership of 0011");
        }
    }

    let store = SqliteStore::open(&path).expect("the new build opens and migrates the database");
    let applied: Vec<i64> = applied_migrations(&path).iter().map(|(v, _)| *v).collect();
    assert_eq!(applied, versions(MIGRATIONS));
    let [one, two] = users.each_ref().map(|u| u.id.clone());
    assert_eq!(store.user_groups(&one).await, Ok(vec![second.clone(), first.clone()]));
    assert_eq!(store.group_users(&first).await, Ok(vec![two.clone(), one.clone()]));
    let conn = Connection::open(&path).expect("the database opens");
    let again = conn.execute(
        "INSERT INTO memberships (group_id, user_id, privileges, seq) VALUES (?1, ?2, 0, 100)",
        [first.as_str(), two.as_str()],
    );
    assert!(again.is_err(), "a second membership of one user in one group is refused: {again:?}");
    let plan = query_plan(&conn, "SELECT privileges FROM memberships WHERE group_id = ?1 AND user_id = ?2");
    assert!(plan.contains("memberships_key (user_id=? AND group_id=?)"), "{plan}");
}

/// The direct check of `effective_privileges_at_least` (the join's issuer check, inside the write
/// lock) costs the same whatever the number of the user's groups: counted in SQLite's virtual
/// machine instructions, a deterministic measure, for a user directly in the group with every
/// privilege, in 1 group and then in 2,001. Asking for more than the direct membership holds
/// still reads the links (and may cost more).
#[test]
fn a_direct_privilege_check_does_not_walk_the_users_other_groups() {
    use std::sync::atomic::AtomicU64;

    let (_dir, path) = temp_db();
    drop(SqliteStore::open(&path).expect("open and migrate"));
    let mut conn = Connection::open(&path).expect("open");
    let all = i64::from(PrivilegeSet::all().bits());
    let add_groups = |conn: &mut Connection, from: i64, to: i64, user: &str| {
        let tx = conn.transaction().expect("begin");
        for seq in from..to {
            let group = format!("group-{seq}");
            tx.execute(
                "INSERT INTO groups (id, name, type, seq) VALUES (?1, 'g', 'team', ?2)",
                rusqlite::params![group, seq],
            )
            .expect("a group");
            tx.execute(
                "INSERT INTO memberships (group_id, user_id, privileges) VALUES (?1, ?2, ?3)",
                rusqlite::params![group, user, all],
            )
            .expect("a membership");
        }
        tx.commit().expect("commit");
    };
    conn.execute("INSERT INTO users (id, name, seq, login) VALUES ('u', 'u', 1, 'u')", []).expect("the user");
    add_groups(&mut conn, 1, 2, "u");
    let steps = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&steps);
    // Called after every instruction: counts them, and never interrupts.
    conn.progress_handler(
        1,
        Some(move || {
            counter.fetch_add(1, Ordering::Relaxed);
            false
        }),
    );
    let check = |conn: &Connection, enough: PrivilegeSet| {
        steps.store(0, Ordering::Relaxed);
        let held = super::nested::effective_privileges_on(conn, "group-1", "u", enough).expect("the check reads");
        (held, steps.load(Ordering::Relaxed))
    };
    let (held, alone) = check(&conn, PrivilegeSet::all());
    assert_eq!(held, Some(PrivilegeSet::all()));

    add_groups(&mut conn, 2, 2_002, "u");
    let (held, among_many) = check(&conn, PrivilegeSet::all());
    assert_eq!(held, Some(PrivilegeSet::all()));
    assert!(among_many <= alone + 10, "{among_many} instructions in 2,001 groups against {alone} in one");
    // Sanity: the count does see a walk of the user's groups when one is needed.
    conn.execute("UPDATE memberships SET privileges = 0 WHERE group_id = 'group-1'", []).expect("demote");
    let (held, walked) = check(&conn, PrivilegeSet::all());
    assert_eq!(held, Some(PrivilegeSet::from_bits(0)));
    assert!(walked > among_many + 2_000, "{walked} instructions to read the links of 2,001 groups");
}
