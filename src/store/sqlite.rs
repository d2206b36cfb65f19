//! `SqliteStore`: the durable `Store`, one SQLite file shared by the server and the CLI. It owns
//! the connections, the pragmas and the migrations; it must not hold schema anywhere but in
//! `migrations/sqlite/`, nor block an async worker thread on SQLite.

use std::collections::VecDeque;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex, MutexGuard, PoisonError, TryLockError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};
use tokio::sync::oneshot;

use super::{JoinOutcome, Store, StoreError, StoreResult, TokenGrant, TokenRecord};
use crate::domain::{Group, GroupId, GroupType, Name, PrivilegeSet, User, UserId};

/// How long a statement waits for another connection's lock before giving up. The CLI
/// (`oz-groups user add`) writes to the file while the server has it open; five seconds lets
/// either wait out the other's short transactions instead of failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Read-only connections kept beside the writer. WAL lets readers run while a write is in
/// progress (in this process or another), so the requests that only look things up — most of
/// them — never queue behind a join or behind the CLI. Four covers a small server's concurrency
/// without holding many file descriptors; more readers than that mostly wait on the disk anyway.
const READERS: usize = 4;

// `Inner::reader` picks a reader by taking a counter modulo `READERS`; this makes the division
// by zero impossible at compile time rather than by argument.
const _: () = assert!(READERS > 0);

/// One schema step, embedded in the binary so that the server never runs without its schema.
struct Migration {
    version: i64,
    sql: &'static str,
}

/// Every migration, oldest first. A released entry must never change: add a new file instead.
const MIGRATIONS: &[Migration] =
    &[Migration { version: 1, sql: include_str!("../../migrations/sqlite/0001_initial.sql") }];

/// A `Store` over one SQLite file, with group commit.
///
/// rusqlite is synchronous, so no async worker ever waits on the disk. Reads run on tokio's
/// blocking pool (`spawn_blocking`) over a small pool of read-only connections (see `READERS`);
/// WAL lets them run beside a write.
///
/// Writes go to one dedicated writer thread, which owns the only read-write connection (see
/// `run_writer`). Each write is a request on a channel with a `oneshot` for its answer. The
/// thread takes the first request that arrives, then every request already queued behind it (up
/// to `MAX_BATCH`, and without waiting for more, so a lone write commits at once), and runs them
/// all, in arrival order, inside one `BEGIN IMMEDIATE` transaction, each under its own
/// `SAVEPOINT`: a request that fails rolls back to its savepoint, so its error (or its
/// `false`, or its "not joined") never touches the others. Then one `COMMIT`, hence one
/// `fsync` for the whole batch, and only then does each caller get its answer. With
/// `synchronous=FULL` an `Ok` therefore always means "on disk", as the trait requires, while
/// concurrent writers share the cost of the sync instead of queueing for one each.
///
/// `BEGIN IMMEDIATE` takes the write lock before the batch's first read, so no other connection
/// (the CLI, another server on the same file) can slip a write between a request's checks and
/// its changes; inside the batch the requests run one after the other, each seeing what the
/// earlier ones did, so two joins racing for a token's last use still admit exactly one.
///
/// A call whose future is dropped once its request is queued still runs to completion; since
/// each request is all-or-nothing, it then either happened whole or not at all, as the trait
/// requires.
#[derive(Clone, Debug)]
pub struct SqliteStore {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    /// The way to the writer thread; `None` only while dropping, which closes the channel.
    requests: Option<mpsc::Sender<Box<dyn Request>>>,
    /// Joined on drop, once the thread has answered every request it was sent.
    writer: Option<JoinHandle<()>>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
    stats: Stats,
}

/// How many prepared statements the writer keeps: about twenty are in use, and each is small.
const WRITER_STATEMENTS: usize = 64;

/// The most requests one transaction takes. Beyond a point a bigger batch saves nothing (one
/// sync is already shared by many) and only makes its first caller wait for its last; 256 joins
/// take a few milliseconds of SQLite work.
const MAX_BATCH: usize = 256;

impl SqliteStore {
    /// Opens (creating if needed) the database at `path`, its parent directory included, and
    /// applies the migrations it lacks, then starts the writer thread. This blocks on the disk:
    /// call it at start-up or from a blocking context.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| StoreError::Unavailable(format!("cannot create the database directory: {e}")))?;
        }
        // URIs are not interpreted, so that a path is always a path.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut writer = Connection::open_with_flags(path, flags).map_err(sql_error)?;
        configure_writer(&writer)?;
        migrate(&mut writer)?;
        let readers = (0..READERS).map(|_| open_reader(path).map(Mutex::new)).collect::<Result<Vec<_>, _>>()?;

        let (requests, inbox) = mpsc::channel();
        let stats = Stats::default();
        let writer = {
            let stats = stats.clone();
            std::thread::Builder::new()
                .name("sqlite-writer".into())
                .spawn(move || run_writer(writer, inbox, &stats))
                .map_err(|e| StoreError::Unavailable(format!("cannot start the SQLite writer thread: {e}")))?
        };
        Ok(SqliteStore {
            inner: Arc::new(Inner {
                requests: Some(requests),
                writer: Some(writer),
                readers,
                next_reader: AtomicUsize::new(0),
                stats,
            }),
        })
    }

    /// Runs `f` on the writer thread, inside the next batch's transaction under a savepoint of its
    /// own, and answers once that transaction is committed: `f`'s error (the savepoint rolled
    /// back) or, if `f` succeeded, its value or the commit's error.
    async fn write<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, Failure> + Send + 'static,
    {
        let answer = self.submit(f)?;
        answer.await.unwrap_or_else(|_| Err(writer_gone()))
    }

    /// Queues `f` for the writer thread; the receiver gets its answer. Not async, so that the
    /// request is queued (and ordered) when this returns.
    fn submit<T, F>(&self, f: F) -> StoreResult<oneshot::Receiver<StoreResult<T>>>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, Failure> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        let request = Box::new(Call { work: Some(f), result: None, reply });
        let requests = self.inner.requests.as_ref().ok_or_else(writer_gone)?;
        requests.send(request).map_err(|_| writer_gone())?;
        note_submitted(&self.inner.stats);
        Ok(answer)
    }

    /// Runs `f` on a read-only connection, on the blocking pool. Each read is a single
    /// statement, so SQLite gives it one consistent snapshot without an explicit transaction.
    async fn read<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, Failure> + Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        blocking(move || f(&inner.reader())).await
    }
}

/// The answer when the writer thread cannot take or answer a request. The thread ends only when
/// the store is dropped: a panic inside a request is caught and answered (see `Call::run`), and
/// the loop around the requests has nothing else that panics. Should it end anyway, every caller
/// still waiting hears this (its reply channel is dropped unanswered) instead of hanging, and so
/// does every later write: a bug to report, not a state to wait out.
fn writer_gone() -> StoreError {
    StoreError::Backend("the SQLite writer thread has stopped".into())
}

impl Inner {
    /// A free reader if there is one, else a turn at the next one.
    fn reader(&self) -> MutexGuard<'_, Connection> {
        for reader in &self.readers {
            match reader.try_lock() {
                Ok(guard) => return guard,
                Err(TryLockError::Poisoned(poisoned)) => return poisoned.into_inner(),
                Err(TryLockError::WouldBlock) => {}
            }
        }
        let i = self.next_reader.fetch_add(1, Ordering::Relaxed) % self.readers.len();
        self.readers[i].lock().unwrap_or_else(recover)
    }
}

impl Drop for Inner {
    /// Closes the channel and waits for the writer thread, which first finishes the batch in hand
    /// and runs and answers whatever is still queued (only calls whose futures were dropped can
    /// have left anything there), then closes the write connection, so that a process that drops
    /// its store (the CLI, a server shutting down) leaves the file closed cleanly. This is the one
    /// place a caller waits on the writer thread: normally for nothing, at most for a few batches,
    /// or for another process's lock as long as `BUSY_TIMEOUT`.
    fn drop(&mut self) {
        drop(self.requests.take());
        if let Some(writer) = self.writer.take() {
            // A panic would already have been reported where it happened; there is nothing left
            // to answer here.
            let _ = writer.join();
        }
    }
}

/// A reader connection whose mutex was poisoned is still sound: readers change nothing, and a
/// panic mid-statement resets the statement as it unwinds. Refusing to use it would turn one
/// panic into a server that can no longer read.
fn recover<'a>(poisoned: PoisonError<MutexGuard<'a, Connection>>) -> MutexGuard<'a, Connection> {
    poisoned.into_inner()
}

// --- the writer thread -----------------------------------------------------------------------

/// One write waiting for the writer thread: run inside a batch, then answered once the batch's
/// fate is known.
trait Request: Send {
    /// Runs the write on the writer connection (inside the batch's transaction, under the
    /// request's savepoint) and keeps its result; `Err` tells the loop to roll the savepoint back.
    fn run(&mut self, conn: &Connection) -> Result<(), StoreError>;
    /// Sends the answer: the kept result if the batch committed (or if the request had failed
    /// anyway, since nothing of it was applied either way), else the batch's error.
    fn answer(self: Box<Self>, batch: Result<(), &StoreError>);
}

impl std::fmt::Debug for dyn Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Request")
    }
}

/// A `Request` made of one `SqliteStore::write` closure and the caller's reply channel.
struct Call<T, F> {
    work: Option<F>,
    result: Option<StoreResult<T>>,
    reply: oneshot::Sender<StoreResult<T>>,
}

impl<T, F> Request for Call<T, F>
where
    T: Send + 'static,
    F: FnOnce(&Connection) -> Result<T, Failure> + Send + 'static,
{
    fn run(&mut self, conn: &Connection) -> Result<(), StoreError> {
        let result = match self.work.take() {
            // A panic is a bug in the write: it is answered as one, its savepoint rolls back, and
            // the writer thread goes on serving the other requests. Statements it left running
            // were reset as the panic unwound through them, so the connection is still sound.
            Some(work) => match std::panic::catch_unwind(AssertUnwindSafe(|| work(conn))) {
                Ok(result) => result.map_err(StoreError::from),
                Err(_) => Err(StoreError::Backend("a store write panicked; it was rolled back".into())),
            },
            None => Err(StoreError::Backend("a store write was run twice".into())),
        };
        let status = result.as_ref().map(|_| ()).map_err(StoreError::clone);
        self.result = Some(result);
        status
    }

    fn answer(self: Box<Self>, batch: Result<(), &StoreError>) {
        let answer = match (self.result, batch) {
            (Some(Ok(_)), Err(e)) | (None, Err(e)) => Err(e.clone()),
            (Some(result), _) => result,
            (None, Ok(())) => Err(StoreError::Backend("a store write was answered without running".into())),
        };
        // The caller may have stopped waiting; its request happened (or not) all the same.
        let _ = self.reply.send(answer);
    }
}

/// What the writer thread counts: nothing in the server, and in the tests enough to check that
/// concurrent writes really share commits.
#[cfg(not(test))]
#[derive(Clone, Debug, Default)]
struct Stats {}
#[cfg(test)]
type Stats = Arc<WriterStats>;

#[cfg(test)]
#[derive(Debug, Default)]
struct WriterStats {
    /// Requests queued by `submit`.
    submitted: AtomicUsize,
    /// Transactions the writer thread committed.
    commits: AtomicUsize,
    /// The most requests one committed transaction held.
    largest_batch: AtomicUsize,
}

#[cfg(not(test))]
fn note_submitted(_: &Stats) {}

#[cfg(test)]
fn note_submitted(stats: &Stats) {
    stats.submitted.fetch_add(1, Ordering::SeqCst);
}

#[cfg(not(test))]
fn note_commit(_: &Stats, _requests: usize) {}

#[cfg(test)]
fn note_commit(stats: &Stats, requests: usize) {
    stats.commits.fetch_add(1, Ordering::SeqCst);
    stats.largest_batch.fetch_max(requests, Ordering::SeqCst);
}

/// The writer thread's loop: one batch per turn until the store is dropped. It waits (without a
/// timeout) only for a batch's first request; the rest of the batch is whatever was already
/// queued. So under light load a write commits alone and at once, and under heavy load the
/// requests that arrived during one commit all share the next.
fn run_writer(conn: Connection, inbox: mpsc::Receiver<Box<dyn Request>>, stats: &Stats) {
    let mut batch = VecDeque::with_capacity(MAX_BATCH);
    // `recv` fails once every sender is gone and the queue is empty: the store was dropped.
    while let Ok(first) = inbox.recv() {
        batch.push_back(first);
        while batch.len() < MAX_BATCH {
            match inbox.try_recv() {
                Ok(request) => batch.push_back(request),
                Err(_) => break,
            }
        }
        while !batch.is_empty() {
            run_batch(&conn, &mut batch, stats);
        }
    }
}

/// Runs requests from the front of `pending` in one transaction and answers each one it took.
/// Normally that is all of them. If SQLite itself ends the transaction early (it rolls the whole
/// transaction back on some errors, such as a full disk), the requests run so far are answered
/// with that error and the rest stay in `pending` for a fresh transaction.
fn run_batch(conn: &Connection, pending: &mut VecDeque<Box<dyn Request>>, stats: &Stats) {
    if !conn.is_autocommit() {
        // Only a failed `ROLLBACK` below can leave a transaction open; without this, every later
        // `BEGIN` would fail.
        let _ = control(conn, "ROLLBACK");
    }
    if let Err(e) = control(conn, "BEGIN IMMEDIATE") {
        // Typically another process kept the write lock past the busy timeout: nothing ran, so
        // every request hears why.
        let e = sql_error(e);
        for request in pending.drain(..) {
            request.answer(Err(&e));
        }
        return;
    }
    // A lone request needs no savepoint: if it fails, rolling the whole transaction back is the
    // same thing, and two statements fewer is what a write pays when the server is not busy.
    let lone = pending.len() == 1;
    let mut ran: Vec<Box<dyn Request>> = Vec::with_capacity(pending.len());
    let mut broken = None;
    while let Some(mut request) = pending.pop_front() {
        if !lone {
            if let Err(e) = control(conn, "SAVEPOINT request") {
                pending.push_front(request);
                broken = Some(sql_error(e));
                break;
            }
        }
        let status = request.run(conn);
        ran.push(request);
        if conn.is_autocommit() {
            // SQLite rolled back the whole transaction (the request's error was of the kind that
            // does this), taking the earlier requests' changes with it.
            let ended = || StoreError::Backend("a store write ended the batch's transaction".into());
            broken = Some(status.err().unwrap_or_else(ended));
            break;
        }
        let ended = match (lone, status) {
            (true, Ok(())) => Ok(()),
            (true, Err(e)) => {
                // Roll back below; the request is answered with its own error anyway.
                broken = Some(e);
                break;
            }
            (false, Ok(())) => control(conn, "RELEASE request"),
            (false, Err(_)) => control(conn, "ROLLBACK TO request").and_then(|()| control(conn, "RELEASE request")),
        };
        if let Err(e) = ended {
            broken = Some(sql_error(e));
            break;
        }
    }
    let outcome = match broken {
        None => control(conn, "COMMIT").map_err(sql_error),
        Some(e) => Err(e),
    };
    if outcome.is_err() && !conn.is_autocommit() {
        // Nothing of a batch that failed may stay applied: its callers are told so. If this
        // fails too, the next batch rolls back before it begins.
        let _ = control(conn, "ROLLBACK");
    }
    if outcome.is_ok() {
        // Before the answers, so that a caller that has its answer also finds its commit counted.
        note_commit(stats, ran.len());
    }
    for request in ran {
        request.answer(outcome.as_ref().map(|_| ()));
    }
}

/// Runs one of the writer's transaction-control statements, prepared once per connection.
fn control(conn: &Connection, sql: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(sql)?.execute([]).map(|_| ())
}

/// Runs `f` on tokio's blocking pool, where waiting on SQLite's locks and `fsync` is allowed.
async fn blocking<T, F>(f: F) -> StoreResult<T>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, Failure> + Send + 'static,
{
    match tokio::task::spawn_blocking(f).await {
        Ok(result) => result.map_err(StoreError::from),
        Err(e) => Err(StoreError::Backend(format!("a store task did not finish: {e}"))),
    }
}

/// Sets the writer's pragmas. They are per connection, so they are set on every open.
fn configure_writer(conn: &Connection) -> StoreResult<()> {
    // First, so that the statements below, and every transaction after, wait for another
    // process's lock rather than fail at once.
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql_error)?;
    enable_wal(conn)?;
    // FULL syncs the log on every commit, so a committed join survives `kill -9` and power loss;
    // WAL's usual NORMAL could lose the last commits on power loss, after `Joined` was answered.
    conn.pragma_update(None, "synchronous", "FULL").map_err(sql_error)?;
    // SQLite leaves foreign keys off unless asked; the schema relies on them (memberships
    // vanish with their group, and name existing users).
    conn.pragma_update(None, "foreign_keys", "ON").map_err(sql_error)?;
    // Room for every statement the writer runs (the writes and the transaction control), so
    // that none is parsed again under load.
    conn.set_prepared_statement_cache_capacity(WRITER_STATEMENTS);
    Ok(())
}

/// Switches the file to write-ahead logging, which lets the readers (and the CLI) read while a
/// write is in progress and makes a commit one append to the log. The setting is stored in the
/// file, so this only changes anything on a new database.
///
/// SQLite does not call the busy handler when the switch meets another connection's lock (it
/// holds a shared lock while asking for an exclusive one, and waiting could deadlock), so two
/// processes creating the same file at once would make one fail at once. This waits for the
/// other instead, for as long as `busy_timeout` would.
fn enable_wal(conn: &Connection) -> StoreResult<()> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        let attempt = conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0));
        match attempt {
            Ok(mode) if mode.eq_ignore_ascii_case("wal") => return Ok(()),
            Ok(mode) => {
                return Err(StoreError::Backend(format!(
                    "the database refused write-ahead logging (journal mode is {mode})"
                )))
            }
            Err(e) if is_busy(&e) && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(sql_error(e)),
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

/// Opens one of the read-only connections. It is opened after the writer has migrated the
/// file, so the schema and the WAL files already exist.
fn open_reader(path: &Path) -> StoreResult<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(sql_error)?;
    // A reader rarely waits in WAL mode (only while another connection recovers the log), but
    // when it does it should wait like the writer rather than fail.
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql_error)?;
    Ok(conn)
}

/// Applies the migrations the file lacks, each in its own `BEGIN IMMEDIATE` transaction that
/// re-reads `schema_migrations` after taking the write lock. Two processes opening the same new
/// file therefore apply each migration once: the second waits for the first's lock and then
/// finds the version recorded.
fn migrate(conn: &mut Connection) -> StoreResult<()> {
    let newest_known = MIGRATIONS.iter().map(|m| m.version).max().unwrap_or(0);
    for migration in MIGRATIONS {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sql_error)?;
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version    INTEGER PRIMARY KEY,
                 applied_at INTEGER
             )",
        )
        .map_err(sql_error)?;
        let newest_applied: Option<i64> =
            tx.query_row("SELECT MAX(version) FROM schema_migrations", [], |r| r.get(0)).map_err(sql_error)?;
        // A newer build may have changed the schema in ways this one would misread or break.
        if let Some(newer) = newest_applied.filter(|v| *v > newest_known) {
            return Err(StoreError::Backend(format!(
                "the database has schema version {newer} but this build knows only up to \
                 {newest_known}"
            )));
        }
        let applied: bool = tx
            .query_row("SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?1)", [migration.version], |r| {
                r.get(0)
            })
            .map_err(sql_error)?;
        if !applied {
            tx.execute_batch(migration.sql).map_err(sql_error)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
                params![migration.version, unix_now()],
            )
            .map_err(sql_error)?;
        }
        tx.commit().map_err(sql_error)?;
    }
    Ok(())
}

/// Seconds since the epoch; a clock set before 1970 records 0 rather than failing a migration.
fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

// --- errors ----------------------------------------------------------------------------------

/// What can go wrong inside a blocking call: SQLite itself, or a row that does not decode into
/// domain values. Keeping both lets `?` work on either inside the closures.
#[derive(Debug)]
enum Failure {
    Sql(rusqlite::Error),
    Row(String),
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Self {
        Failure::Sql(e)
    }
}

impl From<Failure> for StoreError {
    fn from(f: Failure) -> Self {
        match f {
            Failure::Sql(e) => sql_error(e),
            Failure::Row(what) => StoreError::Backend(what),
        }
    }
}

/// Sorts SQLite's errors into "try again later" and "something is wrong". rusqlite's messages
/// quote SQLite's text and our SQL, never bound parameters, so no token identifier leaks here.
fn sql_error(e: rusqlite::Error) -> StoreError {
    let transient = match &e {
        rusqlite::Error::SqliteFailure(failure, _) => matches!(
            failure.code,
            ErrorCode::DatabaseBusy
                | ErrorCode::DatabaseLocked
                | ErrorCode::CannotOpen
                | ErrorCode::ReadOnly
                | ErrorCode::DiskFull
                | ErrorCode::SystemIoFailure
        ),
        _ => false,
    };
    if transient {
        StoreError::Unavailable(e.to_string())
    } else {
        StoreError::Backend(e.to_string())
    }
}

// --- rows ------------------------------------------------------------------------------------

// Rows are read as plain SQL values first and decoded afterwards, so that a value the domain
// rejects becomes a `Backend` error rather than a panic. Decoding messages never quote the
// stored value: it might be a token identifier.

fn user_id(raw: String) -> Result<UserId, Failure> {
    UserId::parse(&raw).ok_or_else(|| Failure::Row("a stored user id is malformed".into()))
}

fn group_id(raw: String) -> Result<GroupId, Failure> {
    GroupId::parse(&raw).ok_or_else(|| Failure::Row("a stored group id is malformed".into()))
}

fn name(raw: String, what: &str) -> Result<Name, Failure> {
    Name::parse(&raw, what).map_err(|_| Failure::Row(format!("a stored {what} is not valid")))
}

fn group_type(raw: String) -> Result<GroupType, Failure> {
    GroupType::parse(&raw).ok_or_else(|| Failure::Row("a stored group type is unknown".into()))
}

fn privileges(raw: i64) -> Result<PrivilegeSet, Failure> {
    u32::try_from(raw)
        .map(PrivilegeSet::from_bits)
        .map_err(|_| Failure::Row("stored privileges are out of range".into()))
}

fn count(raw: i64, what: &str) -> Result<u32, Failure> {
    u32::try_from(raw).map_err(|_| Failure::Row(format!("a stored {what} is out of range")))
}

type UserRow = (String, String, Option<String>, bool);

fn user_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<UserRow> {
    user_from_row_at(row, 0)
}

/// The four user columns `id, name, alias, admin` starting at column `at`.
fn user_from_row_at(row: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<UserRow> {
    Ok((row.get(at)?, row.get(at + 1)?, row.get(at + 2)?, row.get(at + 3)?))
}

fn decode_user((id, raw_name, alias, admin): UserRow) -> Result<User, Failure> {
    Ok(User {
        id: user_id(id)?,
        name: name(raw_name, "user name")?,
        alias: alias.map(|a| name(a, "alias")).transpose()?,
        admin,
    })
}

type GroupRow = (String, String, String);

fn decode_group((id, raw_name, kind): GroupRow) -> Result<Group, Failure> {
    Ok(Group { id: group_id(id)?, name: name(raw_name, "group name")?, kind: group_type(kind)? })
}

const TOKEN_COLUMNS: &str = "id, kind, user_id, group_id, privileges, max_uses, uses, revoked, created_at";

struct TokenRow {
    id: String,
    kind: String,
    user_id: Option<String>,
    group_id: Option<String>,
    privileges: Option<i64>,
    max_uses: Option<i64>,
    uses: i64,
    revoked: bool,
    created_at: i64,
}

fn token_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<TokenRow> {
    Ok(TokenRow {
        id: row.get(0)?,
        kind: row.get(1)?,
        user_id: row.get(2)?,
        group_id: row.get(3)?,
        privileges: row.get(4)?,
        max_uses: row.get(5)?,
        uses: row.get(6)?,
        revoked: row.get(7)?,
        created_at: row.get(8)?,
    })
}

const KIND_ACCESS: &str = "access";
const KIND_GROUP_INVITE_USER: &str = "group_invite_user";

fn decode_token(row: TokenRow) -> Result<TokenRecord, Failure> {
    let missing = |what: &str| Failure::Row(format!("a stored {what} token lacks its {what}"));
    let grant = match row.kind.as_str() {
        KIND_ACCESS => TokenGrant::Access { user: user_id(row.user_id.ok_or_else(|| missing("user"))?)? },
        KIND_GROUP_INVITE_USER => TokenGrant::GroupInviteUser {
            group: group_id(row.group_id.ok_or_else(|| missing("group"))?)?,
            privileges: privileges(row.privileges.ok_or_else(|| missing("privileges"))?)?,
        },
        _ => return Err(Failure::Row("a stored token has an unknown kind".into())),
    };
    Ok(TokenRecord {
        id: row.id,
        grant,
        max_uses: row.max_uses.map(|m| count(m, "token use limit")).transpose()?,
        uses: count(row.uses, "token use count")?,
        revoked: row.revoked,
        created_at: u64::try_from(row.created_at)
            .map_err(|_| Failure::Row("a stored token creation time is negative".into()))?,
    })
}

fn get_token_in(conn: &Connection, id: &str) -> Result<Option<TokenRecord>, Failure> {
    let sql = format!("SELECT {TOKEN_COLUMNS} FROM tokens WHERE id = ?1");
    let row = conn.prepare_cached(&sql)?.query_row([id], token_from_row).optional()?;
    row.map(decode_token).transpose()
}

/// Reads a one-column list of ids in the order the query gives.
fn id_list<T>(
    conn: &Connection,
    sql: &str,
    key: &str,
    parse: fn(String) -> Result<T, Failure>,
) -> Result<Vec<T>, Failure> {
    let mut stmt = conn.prepare_cached(sql)?;
    let raw = stmt.query_map([key], |row| row.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    raw.into_iter().map(parse).collect()
}

/// Adds a membership with the next membership sequence number. The caller holds the write lock
/// (an IMMEDIATE transaction), so reading `MAX(seq)` and inserting cannot interleave with another
/// writer; the `UNIQUE` constraint on `seq` would catch it if it somehow did.
fn insert_membership(tx: &Connection, group: &str, user: &str, privileges: PrivilegeSet) -> Result<(), Failure> {
    tx.prepare_cached(
        "INSERT INTO memberships (group_id, user_id, privileges, seq)
         VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM memberships))",
    )?
    .execute(params![group, user, privileges.bits()])?;
    Ok(())
}

#[async_trait]
impl Store for SqliteStore {
    async fn create_user(&self, user: &User) -> StoreResult<()> {
        let user = user.clone();
        self.write(move |tx| {
            tx.prepare_cached(
                "INSERT INTO users (id, name, alias, admin, seq)
                 VALUES (?1, ?2, ?3, ?4, (SELECT COALESCE(MAX(seq), 0) + 1 FROM users))",
            )?
            .execute(params![
                user.id.as_str(),
                user.name.as_str(),
                user.alias.as_ref().map(Name::as_str),
                user.admin,
            ])?;
            Ok(())
        })
        .await
    }

    async fn get_user(&self, id: &UserId) -> StoreResult<Option<User>> {
        let id = id.clone();
        self.read(move |conn| {
            let row = conn
                .prepare_cached("SELECT id, name, alias, admin FROM users WHERE id = ?1")?
                .query_row([id.as_str()], user_from_row)
                .optional()?;
            row.map(decode_user).transpose()
        })
        .await
    }

    async fn update_user(&self, id: &UserId, name: Option<&Name>, alias: Option<Option<&Name>>) -> StoreResult<bool> {
        let id = id.clone();
        let name = name.map(|n| n.as_str().to_owned());
        let set_alias = alias.is_some();
        let alias = alias.flatten().map(|a| a.as_str().to_owned());
        self.write(move |tx| {
            // The update matches the row even when nothing is to change, so the count of
            // changed rows says whether the user exists.
            let changed = tx
                .prepare_cached(
                    "UPDATE users
                     SET name = COALESCE(?2, name),
                         alias = CASE WHEN ?3 THEN ?4 ELSE alias END
                     WHERE id = ?1",
                )?
                .execute(params![id.as_str(), name, set_alias, alias])?;
            Ok(changed == 1)
        })
        .await
    }

    async fn count_users(&self) -> StoreResult<u64> {
        self.read(|conn| {
            let n: i64 = conn.prepare_cached("SELECT COUNT(*) FROM users")?.query_row([], |r| r.get(0))?;
            u64::try_from(n).map_err(|_| Failure::Row("the user count is negative".into()))
        })
        .await
    }

    async fn insert_token(&self, record: &TokenRecord) -> StoreResult<()> {
        let record = record.clone();
        self.write(move |tx| {
            let (kind, user, group, privileges) = match &record.grant {
                TokenGrant::Access { user } => (KIND_ACCESS, Some(user.as_str()), None, None),
                TokenGrant::GroupInviteUser { group, privileges } => {
                    (KIND_GROUP_INVITE_USER, None, Some(group.as_str()), Some(privileges.bits()))
                }
            };
            let created_at = i64::try_from(record.created_at)
                .map_err(|_| Failure::Row("a token creation time is out of range".into()))?;
            tx.prepare_cached(
                "INSERT INTO tokens
                     (id, kind, user_id, group_id, privileges, max_uses, uses, revoked, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                record.id,
                kind,
                user,
                group,
                privileges,
                record.max_uses,
                record.uses,
                record.revoked,
                created_at,
            ])?;
            Ok(())
        })
        .await
    }

    async fn get_token(&self, id: &str) -> StoreResult<Option<TokenRecord>> {
        let id = id.to_owned();
        self.read(move |conn| get_token_in(conn, &id)).await
    }

    async fn token_and_user(&self, id: &str) -> StoreResult<Option<(TokenRecord, Option<User>)>> {
        let id = id.to_owned();
        // One trip to the blocking pool, one statement (so one snapshot): the token's row and,
        // when its `user_id` names a user, that user's.
        self.read(move |conn| {
            let sql = "SELECT t.id, t.kind, t.user_id, t.group_id, t.privileges, t.max_uses, t.uses, t.revoked,
                              t.created_at, u.id, u.name, u.alias, u.admin
                       FROM tokens t LEFT JOIN users u ON u.id = t.user_id
                       WHERE t.id = ?1";
            let row = conn
                .prepare_cached(sql)?
                .query_row([id.as_str()], |row| {
                    let user = match row.get::<_, Option<String>>(9)? {
                        Some(_) => Some(user_from_row_at(row, 9)?),
                        None => None,
                    };
                    Ok((token_from_row(row)?, user))
                })
                .optional()?;
            let Some((token, user)) = row else { return Ok(None) };
            let record = decode_token(token)?;
            let user = match &record.grant {
                TokenGrant::Access { .. } => user.map(decode_user).transpose()?,
                _ => None,
            };
            Ok(Some((record, user)))
        })
        .await
    }

    async fn create_group(&self, group: &Group, creator: &UserId, privileges: PrivilegeSet) -> StoreResult<()> {
        let group = group.clone();
        let creator = creator.clone();
        self.write(move |tx| {
            tx.prepare_cached(
                "INSERT INTO groups (id, name, type, seq)
                 VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM groups))",
            )?
            .execute(params![group.id.as_str(), group.name.as_str(), group.kind.as_str()])?;
            // An unknown creator fails the foreign key here and the whole step rolls back.
            insert_membership(tx, group.id.as_str(), creator.as_str(), privileges)
        })
        .await
    }

    async fn get_group(&self, id: &GroupId) -> StoreResult<Option<Group>> {
        let id = id.clone();
        self.read(move |conn| {
            let row = conn
                .prepare_cached("SELECT id, name, type FROM groups WHERE id = ?1")?
                .query_row([id.as_str()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            row.map(decode_group).transpose()
        })
        .await
    }

    async fn update_group(&self, id: &GroupId, name: Option<&Name>, kind: Option<GroupType>) -> StoreResult<bool> {
        let id = id.clone();
        let name = name.map(|n| n.as_str().to_owned());
        let kind = kind.map(GroupType::as_str);
        self.write(move |tx| {
            // As in `update_user`, a matched row counts as changed even if nothing differs.
            let changed = tx
                .prepare_cached(
                    "UPDATE groups SET name = COALESCE(?2, name), type = COALESCE(?3, type)
                     WHERE id = ?1",
                )?
                .execute(params![id.as_str(), name, kind])?;
            Ok(changed == 1)
        })
        .await
    }

    async fn delete_group(&self, id: &GroupId) -> StoreResult<bool> {
        let id = id.clone();
        self.write(move |tx| {
            // Memberships go with the group (ON DELETE CASCADE); token records have no foreign
            // key and stay, as the trait requires. SQLite does not count cascaded rows here.
            let deleted = tx.prepare_cached("DELETE FROM groups WHERE id = ?1")?.execute([id.as_str()])?;
            Ok(deleted == 1)
        })
        .await
    }

    async fn list_groups(&self) -> StoreResult<Vec<GroupId>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached("SELECT id FROM groups ORDER BY seq")?;
            let raw = stmt.query_map([], |row| row.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
            raw.into_iter().map(group_id).collect()
        })
        .await
    }

    async fn user_groups(&self, user: &UserId) -> StoreResult<Vec<GroupId>> {
        let user = user.clone();
        self.read(move |conn| {
            id_list(conn, "SELECT group_id FROM memberships WHERE user_id = ?1 ORDER BY seq", user.as_str(), group_id)
        })
        .await
    }

    async fn group_users(&self, group: &GroupId) -> StoreResult<Vec<UserId>> {
        let group = group.clone();
        self.read(move |conn| {
            id_list(conn, "SELECT user_id FROM memberships WHERE group_id = ?1 ORDER BY seq", group.as_str(), user_id)
        })
        .await
    }

    async fn membership(&self, group: &GroupId, user: &UserId) -> StoreResult<Option<PrivilegeSet>> {
        let group = group.clone();
        let user = user.clone();
        self.read(move |conn| {
            let raw: Option<i64> = conn
                .prepare_cached("SELECT privileges FROM memberships WHERE group_id = ?1 AND user_id = ?2")?
                .query_row([group.as_str(), user.as_str()], |r| r.get(0))
                .optional()?;
            raw.map(privileges).transpose()
        })
        .await
    }

    async fn set_privileges(&self, group: &GroupId, user: &UserId, privileges: PrivilegeSet) -> StoreResult<bool> {
        let group = group.clone();
        let user = user.clone();
        self.write(move |tx| {
            let changed = tx
                .prepare_cached("UPDATE memberships SET privileges = ?3 WHERE group_id = ?1 AND user_id = ?2")?
                .execute(params![group.as_str(), user.as_str(), privileges.bits()])?;
            Ok(changed == 1)
        })
        .await
    }

    async fn remove_member(&self, group: &GroupId, user: &UserId) -> StoreResult<bool> {
        let group = group.clone();
        let user = user.clone();
        self.write(move |tx| {
            let deleted = tx
                .prepare_cached("DELETE FROM memberships WHERE group_id = ?1 AND user_id = ?2")?
                .execute([group.as_str(), user.as_str()])?;
            Ok(deleted == 1)
        })
        .await
    }

    async fn join_with_token(&self, token_id: &str, user: &UserId) -> StoreResult<JoinOutcome> {
        let token_id = token_id.to_owned();
        let user = user.clone();
        // Inside an IMMEDIATE transaction: the write lock is held from the first check to the
        // commit, so no join from another process can be decided on stale counts, and the joins
        // of one batch run one after the other, each seeing the uses the earlier ones counted.
        self.write(move |tx| {
            let Some(record) = get_token_in(tx, &token_id)? else {
                return Ok(JoinOutcome::TokenUnknown);
            };
            let TokenGrant::GroupInviteUser { group, privileges } = record.grant else {
                return Ok(JoinOutcome::TokenUnknown);
            };
            let used_up = record.max_uses.is_some_and(|max| record.uses >= max);
            if record.revoked || used_up {
                return Ok(JoinOutcome::TokenUsedUp);
            }
            let group_exists: bool = tx
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM groups WHERE id = ?1)")?
                .query_row([group.as_str()], |r| r.get(0))?;
            if !group_exists {
                return Ok(JoinOutcome::GroupGone);
            }
            let member: bool = tx
                .prepare_cached(
                    "SELECT EXISTS (
                         SELECT 1 FROM memberships WHERE group_id = ?1 AND user_id = ?2
                     )",
                )?
                .query_row([group.as_str(), user.as_str()], |r| r.get(0))?;
            if member {
                return Ok(JoinOutcome::AlreadyMember);
            }
            insert_membership(tx, group.as_str(), user.as_str(), privileges)?;
            // The guard repeats the use checks in SQL, so that even a mistake above could not
            // count a use the token does not have; if it matches nothing, the join rolls back.
            let counted = tx
                .prepare_cached(
                    "UPDATE tokens SET uses = uses + 1
                     WHERE id = ?1 AND revoked = 0 AND (max_uses IS NULL OR uses < max_uses)",
                )?
                .execute([token_id.as_str()])?;
            if counted != 1 {
                return Err(Failure::Row("a token's use count changed inside its own join".into()));
            }
            Ok(JoinOutcome::Joined)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Privilege;

    fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("oz.db");
        (dir, path)
    }

    fn a_user(name_text: &str) -> User {
        User {
            id: UserId::generate(),
            name: Name::parse(name_text, "name").expect("a valid name"),
            alias: None,
            admin: false,
        }
    }

    fn a_group(name_text: &str) -> Group {
        Group {
            id: GroupId::generate(),
            name: Name::parse(name_text, "name").expect("a valid name"),
            kind: GroupType::Team,
        }
    }

    fn an_invite(group: &GroupId, max_uses: Option<u32>) -> TokenRecord {
        TokenRecord {
            id: format!("inv-{}", GroupId::generate()),
            grant: TokenGrant::GroupInviteUser { group: group.clone(), privileges: PrivilegeSet::default_member() },
            max_uses,
            uses: 0,
            revoked: false,
            created_at: 1_700_000_000,
        }
    }

    fn applied_migrations(path: &Path) -> Vec<(i64, i64)> {
        let conn = Connection::open(path).expect("the database opens");
        let mut stmt = conn
            .prepare("SELECT version, applied_at FROM schema_migrations ORDER BY version")
            .expect("schema_migrations exists");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("the query runs")
            .collect::<rusqlite::Result<Vec<_>>>()
            .expect("the rows read")
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
        let versions: Vec<i64> = applied.iter().map(|(v, _)| *v).collect();
        let expected: Vec<i64> = MIGRATIONS.iter().map(|m| m.version).collect();
        assert_eq!(versions, expected);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 8)]
    async fn racing_joins_through_two_stores_on_one_file_never_overcount_uses() {
        let (_dir, path) = temp_db();
        let first = Arc::new(SqliteStore::open(&path).expect("the first store opens"));
        let second = Arc::new(SqliteStore::open(&path).expect("the second store opens"));

        let owner = a_user("owner");
        first.create_user(&owner).await.expect("create owner");
        let group = a_group("team");
        first.create_group(&group, &owner.id, PrivilegeSet::all()).await.expect("create group");
        // Half the racers can join, so many writes from both stores overlap; a check-then-write
        // step that did not take the write lock first would fail or overcount here.
        let invite = an_invite(&group.id, Some(50));
        first.insert_token(&invite).await.expect("insert invite");

        let mut users = Vec::new();
        for i in 0..100 {
            let user = a_user(&format!("user {i}"));
            first.create_user(&user).await.expect("create user");
            users.push(user.id);
        }

        let barrier = Arc::new(tokio::sync::Barrier::new(users.len()));
        let tasks: Vec<_> = users
            .into_iter()
            .enumerate()
            .map(|(i, user)| {
                let store = if i % 2 == 0 { first.clone() } else { second.clone() };
                let barrier = barrier.clone();
                let token = invite.id.clone();
                tokio::spawn(async move {
                    barrier.wait().await;
                    store.join_with_token(&token, &user).await
                })
            })
            .collect();
        let outcomes = futures::future::join_all(tasks).await;
        let outcomes: Vec<JoinOutcome> =
            outcomes.into_iter().map(|o| o.expect("the task finishes").expect("the join succeeds")).collect();

        let joined = outcomes.iter().filter(|o| **o == JoinOutcome::Joined).count();
        let used_up = outcomes.iter().filter(|o| **o == JoinOutcome::TokenUsedUp).count();
        assert_eq!((joined, used_up), (50, 50));
        let record = second.get_token(&invite.id).await.expect("read token");
        assert_eq!(record.map(|r| r.uses), Some(50));
        assert_eq!(first.group_users(&group.id).await.map(|u| u.len()), Ok(51));
    }

    #[tokio::test]
    async fn rows_that_do_not_decode_into_domain_values_are_backend_errors() {
        let (_dir, path) = temp_db();
        let store = SqliteStore::open(&path).expect("the store opens");
        let raw = Connection::open(&path).expect("a raw connection opens");
        raw.execute_batch(
            "INSERT INTO users (id, name, alias, admin, seq) VALUES ('bad-name', '', NULL, 0, 1);
             INSERT INTO groups (id, name, type, seq) VALUES ('bad-type', 'g', 'club', 1);
             INSERT INTO groups (id, name, type, seq) VALUES ('bad/id', 'g', 'team', 2);
             INSERT INTO tokens (id, kind, created_at) VALUES ('odd-kind', 'space_invite', 0);
             INSERT INTO tokens (id, kind, created_at) VALUES ('no-group', 'group_invite_user', 0);",
        )
        .expect("the bad rows insert");

        let is_backend = |r: StoreResult<_>| matches!(r, Err(StoreError::Backend(_)));
        let bad_user = UserId::parse("bad-name").expect("a valid id");
        assert!(is_backend(store.get_user(&bad_user).await.map(|_| ())));
        let bad_group = GroupId::parse("bad-type").expect("a valid id");
        assert!(is_backend(store.get_group(&bad_group).await.map(|_| ())));
        assert!(is_backend(store.list_groups().await.map(|_| ())));
        assert!(is_backend(store.get_token("odd-kind").await.map(|_| ())));
        assert!(is_backend(store.get_token("no-group").await.map(|_| ())));
        let user = UserId::generate();
        let joined = store.join_with_token("no-group", &user).await;
        match joined {
            Err(StoreError::Backend(message)) => assert!(!message.contains("no-group")),
            other => panic!("expected a backend error, got {other:?}"),
        }
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
        let (mode, synchronous, foreign_keys, busy_timeout) = answer
            .expect("the request is queued")
            .blocking_recv()
            .expect("the writer answers")
            .expect("the pragmas read");
        assert_eq!(mode, "wal");
        assert_eq!(synchronous, 2, "2 is FULL");
        assert_eq!(foreign_keys, 1);
        assert_eq!(busy_timeout, 5000);
    }

    #[tokio::test]
    async fn a_group_invite_keeps_its_privilege_bits_exactly() {
        let (_dir, path) = temp_db();
        let store = SqliteStore::open(&path).expect("the store opens");
        let mut invite = an_invite(&GroupId::generate(), Some(3));
        let set = PrivilegeSet::from_iter([Privilege::RemoveUser, Privilege::CreateSpaceToken]);
        invite.grant = TokenGrant::GroupInviteUser { group: GroupId::generate(), privileges: set };
        store.insert_token(&invite).await.expect("insert invite");
        assert_eq!(store.get_token(&invite.id).await, Ok(Some(invite)));
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

    /// `racers` new users join at once through one new invite with `max_uses`; returns how many
    /// joined, after checking that every other one heard `TokenUsedUp` and the store agrees.
    async fn race_joins(store: &SqliteStore, racers: usize, max_uses: u32) -> usize {
        let owner = a_user("owner");
        store.create_user(&owner).await.expect("create owner");
        let group = a_group("team");
        store.create_group(&group, &owner.id, PrivilegeSet::all()).await.expect("create group");
        let invite = an_invite(&group.id, Some(max_uses));
        store.insert_token(&invite).await.expect("insert invite");
        let mut users = Vec::with_capacity(racers);
        for i in 0..racers {
            let user = a_user(&format!("racer {i}"));
            store.create_user(&user).await.expect("create user");
            users.push(user.id);
        }

        let barrier = Arc::new(tokio::sync::Barrier::new(racers));
        let tasks: Vec<_> = users
            .into_iter()
            .map(|user| {
                let (store, barrier, token) = (store.clone(), barrier.clone(), invite.id.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    store.join_with_token(&token, &user).await
                })
            })
            .collect();
        let mut joined = 0;
        for outcome in futures::future::join_all(tasks).await {
            match outcome.expect("the task finishes").expect("the join succeeds") {
                JoinOutcome::Joined => joined += 1,
                JoinOutcome::TokenUsedUp => {}
                other => panic!("unexpected outcome {other:?}"),
            }
        }
        let record = store.get_token(&invite.id).await.expect("read token").expect("the token exists");
        assert_eq!(record.uses as usize, joined);
        assert_eq!(store.group_users(&group.id).await.map(|u| u.len()), Ok(joined + 1));
        joined
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 8)]
    async fn five_hundred_racing_joins_on_an_invite_with_a_hundred_uses_admit_exactly_a_hundred() {
        let (_dir, path) = temp_db();
        let store = SqliteStore::open(&path).expect("the store opens");
        assert_eq!(race_joins(&store, 500, 100).await, 100);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 8)]
    async fn five_hundred_racing_joins_on_a_single_use_invite_admit_exactly_one() {
        let (_dir, path) = temp_db();
        let store = SqliteStore::open(&path).expect("the store opens");
        assert_eq!(race_joins(&store, 500, 1).await, 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 8)]
    async fn concurrent_writes_share_commits_and_each_caller_gets_its_own_answer() {
        let (_dir, path) = temp_db();
        let store = SqliteStore::open(&path).expect("the store opens");
        let owner = a_user("owner");
        store.create_user(&owner).await.expect("create owner");
        let group = a_group("team");
        store.create_group(&group, &owner.id, PrivilegeSet::all()).await.expect("create group");
        // Each caller has its own user and invite, and every third invite is revoked, so that the
        // answers differ and a mixed-up answer would show.
        let mut cases = Vec::new();
        for i in 0..200 {
            let user = a_user(&format!("user {i}"));
            store.create_user(&user).await.expect("create user");
            let invite = TokenRecord { revoked: i % 3 == 0, ..an_invite(&group.id, Some(1)) };
            store.insert_token(&invite).await.expect("insert invite");
            let expected = if invite.revoked { JoinOutcome::TokenUsedUp } else { JoinOutcome::Joined };
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
        assert_eq!(store.group_users(&group.id).await.map(|u| u.len()), Ok(134));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn requests_that_fail_or_panic_inside_a_batch_leave_the_rest_of_the_batch_intact() {
        let (_dir, path) = temp_db();
        let store = SqliteStore::open(&path).expect("the store opens");
        let owner = a_user("owner");
        store.create_user(&owner).await.expect("create owner");
        let group = a_group("team");
        store.create_group(&group, &owner.id, PrivilegeSet::all()).await.expect("create group");
        let invite = an_invite(&group.id, Some(10));
        store.insert_token(&invite).await.expect("insert invite");
        let bob = a_user("bob");
        store.create_user(&bob).await.expect("create bob");
        let (carol, dave) = (a_user("carol"), a_user("dave"));

        let holder = hold_writer(&store).await;
        let before = commits(&store);
        let s = store.clone();
        let c = carol.clone();
        let add_carol = queue_call(&store, async move { s.create_user(&c).await }).await;
        let (s, o) = (store.clone(), owner.clone());
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

        assert_eq!(add_carol.await.expect("the task finishes"), Ok(()));
        assert!(matches!(add_owner_again.await.expect("the task finishes"), Err(StoreError::Backend(_))));
        assert!(matches!(ghost_joins.await.expect("the task finishes"), Err(StoreError::Backend(_))));
        assert_eq!(bob_joins.await.expect("the task finishes"), Ok(JoinOutcome::Joined));
        assert!(matches!(panics.await.expect("the task finishes"), Err(StoreError::Backend(_))));
        assert_eq!(add_dave.await.expect("the task finishes"), Ok(()));

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

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn a_join_is_answered_only_once_its_batch_is_committed_and_visible_to_other_connections() {
        let (_dir, path) = temp_db();
        let store = SqliteStore::open(&path).expect("the store opens");
        let owner = a_user("owner");
        store.create_user(&owner).await.expect("create owner");
        let group = a_group("team");
        store.create_group(&group, &owner.id, PrivilegeSet::all()).await.expect("create group");
        let invite = an_invite(&group.id, Some(1));
        store.insert_token(&invite).await.expect("insert invite");
        let joiner = a_user("joiner");
        store.create_user(&joiner).await.expect("create joiner");
        let membership_on_disk = |path: &Path, group: &GroupId, user: &UserId| -> bool {
            let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("a reader opens");
            conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM memberships WHERE group_id = ?1 AND user_id = ?2)",
                [group.as_str(), user.as_str()],
                |r| r.get(0),
            )
            .expect("the membership query runs")
        };

        // The join and a second holder queue behind a first holder, so they make up one batch
        // in which the join runs and then the second holder keeps the transaction open.
        let first = hold_writer(&store).await;
        let (s, token, user) = (store.clone(), invite.id.clone(), joiner.id.clone());
        let join = queue_call(&store, async move { s.join_with_token(&token, &user).await }).await;
        let mut second = queue_holder(&store);
        release(first).await;
        (&mut second.started).await.expect("the second holder runs");

        // The join has run but its batch is not committed: no answer yet, and nothing on disk.
        tokio::time::sleep(Duration::from_millis(50)).await;
        assert!(!join.is_finished(), "the join was answered before its batch committed");
        assert!(!membership_on_disk(&path, &group.id, &joiner.id));

        release(second).await;
        assert_eq!(join.await.expect("the task finishes"), Ok(JoinOutcome::Joined));
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
}
