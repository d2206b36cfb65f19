//! The group-commit writer thread: it owns the one read-write connection and runs every write
//! request in batches, one transaction and one `fsync` per batch and a savepoint per request.
//! It must not answer a request before the batch holding it is committed.

use std::collections::VecDeque;
use std::ffi::c_int;
use std::panic::AssertUnwindSafe;
use std::path::Path;
#[cfg(test)]
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
#[cfg(test)]
use std::sync::Arc;
use std::time::{Duration, Instant};

use rusqlite::hooks::Wal;
use rusqlite::{Connection, ErrorCode};
use tokio::sync::oneshot;

use super::checkpointer::{self, Checkpointer, EARLY_PAGES};
use super::errors::{sql_error, Failure};
use super::{SqliteStore, BUSY_TIMEOUT};
use crate::store::{StoreError, StoreResult};
use crate::telemetry::metrics;

/// How many prepared statements the writer keeps: about twenty are in use, and each is small.
const WRITER_STATEMENTS: usize = 64;

/// The most requests one transaction takes. Beyond a point a bigger batch saves nothing (one
/// sync is already shared by many) and only makes its first caller wait for its last; 256 joins
/// take a few milliseconds of SQLite work.
const MAX_BATCH: usize = 256;

/// The answer when the writer thread cannot take or answer a request. The thread ends only when
/// the store is dropped: a panic inside a request is caught and answered (see `Call::run`), and
/// the loop around the requests has nothing else that panics. Should it end anyway, every caller
/// still waiting hears this (its reply channel is dropped unanswered) instead of hanging, and so
/// does every later write: a bug to report, not a state to wait out.
pub(super) fn writer_gone() -> StoreError {
    StoreError::Backend("the SQLite writer thread has stopped".into())
}

impl SqliteStore {
    /// Runs `f` on the writer thread, inside the next batch's transaction under a savepoint of its
    /// own, and answers once that transaction is committed: `f`'s error (the savepoint rolled
    /// back) or, if `f` succeeded, its value or the commit's error.
    pub(super) async fn write<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, Failure> + Send + 'static,
    {
        let answer = self.submit(f)?;
        answer.await.unwrap_or_else(|_| Err(writer_gone()))
    }

    /// `write` for a request that can run again from the start with the same result: it does
    /// nothing but SQL on the connection it is given. A batch made only of such requests runs
    /// without a savepoint per request (see `run_batch`).
    pub(super) async fn write_rerunnable<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: Fn(&Connection) -> Result<T, Failure> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        self.queue(Box::new(Call { work: Again(f), result: None, reply }))?;
        answer.await.unwrap_or_else(|_| Err(writer_gone()))
    }

    /// Queues `f` for the writer thread; the receiver gets its answer. Not async, so that the
    /// request is queued (and ordered) when this returns.
    pub(super) fn submit<T, F>(&self, f: F) -> StoreResult<oneshot::Receiver<StoreResult<T>>>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, Failure> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel();
        self.queue(Box::new(Call { work: Once(Some(f)), result: None, reply }))?;
        Ok(answer)
    }

    fn queue(&self, request: Box<dyn Request>) -> StoreResult<()> {
        let requests = self.inner.requests.as_ref().ok_or_else(writer_gone)?;
        requests.send(request).map_err(|_| writer_gone())?;
        note_submitted(&self.inner.stats);
        Ok(())
    }
}

/// One write waiting for the writer thread: run inside a batch, then answered once the batch's
/// fate is known.
pub(super) trait Request: Send {
    /// Runs the write on the writer connection (inside the batch's transaction, under the
    /// request's savepoint unless the batch has none) and keeps its result; `Err` tells the loop
    /// to roll the savepoint back (or, without savepoints, the whole transaction).
    fn run(&mut self, conn: &Connection) -> Result<(), StoreError>;
    /// Whether `run` may be called again after its transaction was rolled back, and then does
    /// the same as if it had not run before (its result replaces the first one).
    fn rerunnable(&self) -> bool {
        false
    }
    /// Sends the answer: the kept result if the batch committed (or if the request had failed
    /// anyway, since nothing of it was applied either way), else the batch's error.
    fn answer(self: Box<Self>, batch: Result<(), &StoreError>);
}

impl std::fmt::Debug for dyn Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Request")
    }
}

/// A `Request` made of one write closure (`Once` from `SqliteStore::write`, `Again` from
/// `write_rerunnable`) and the caller's reply channel.
struct Call<T, W> {
    work: W,
    result: Option<StoreResult<T>>,
    reply: oneshot::Sender<StoreResult<T>>,
}

/// The closure of a `Call`: `run` gives its result, or `None` if it cannot run (again).
trait Work<T>: Send {
    const RERUNNABLE: bool;
    fn run(&mut self, conn: &Connection) -> Option<Result<T, Failure>>;
}

/// A closure that runs once.
struct Once<F>(Option<F>);

impl<T, F: FnOnce(&Connection) -> Result<T, Failure> + Send> Work<T> for Once<F> {
    const RERUNNABLE: bool = false;
    fn run(&mut self, conn: &Connection) -> Option<Result<T, Failure>> {
        self.0.take().map(|work| work(conn))
    }
}

/// A closure that does nothing but SQL on its connection, so it can run again.
struct Again<F>(F);

impl<T, F: Fn(&Connection) -> Result<T, Failure> + Send> Work<T> for Again<F> {
    const RERUNNABLE: bool = true;
    fn run(&mut self, conn: &Connection) -> Option<Result<T, Failure>> {
        Some((self.0)(conn))
    }
}

impl<T: Send + 'static, W: Work<T>> Request for Call<T, W> {
    fn run(&mut self, conn: &Connection) -> Result<(), StoreError> {
        // A panic is a bug in the write: it is answered as one, its savepoint rolls back, and
        // the writer thread goes on serving the other requests. Statements it left running
        // were reset as the panic unwound through them, so the connection is still sound.
        let result = match std::panic::catch_unwind(AssertUnwindSafe(|| self.work.run(conn))) {
            Ok(Some(result)) => result.map_err(StoreError::from),
            Ok(None) => Err(StoreError::Backend("a store write was run twice".into())),
            Err(_) => Err(StoreError::Backend("a store write panicked; it was rolled back".into())),
        };
        let status = result.as_ref().map(|_| ()).map_err(StoreError::clone);
        self.result = Some(result);
        status
    }

    fn rerunnable(&self) -> bool {
        W::RERUNNABLE
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
pub(super) struct Stats {}
#[cfg(test)]
pub(super) type Stats = Arc<WriterStats>;

#[cfg(test)]
#[derive(Debug, Default)]
pub(super) struct WriterStats {
    /// Requests queued by `submit`.
    pub(super) submitted: AtomicUsize,
    /// Transactions the writer thread committed.
    pub(super) commits: AtomicUsize,
    /// The most requests one committed transaction held.
    pub(super) largest_batch: AtomicUsize,
    /// Batches committed without savepoints (every request rerunnable and successful).
    pub(super) without_savepoints: AtomicUsize,
    /// Batches run again with savepoints after a request failed without them.
    pub(super) run_again: AtomicUsize,
}

#[cfg(not(test))]
fn note_submitted(_: &Stats) {}

#[cfg(test)]
fn note_submitted(stats: &Stats) {
    stats.submitted.fetch_add(1, Ordering::SeqCst);
}

#[cfg(not(test))]
fn note_commit(_: &Stats, _requests: usize) {}

#[cfg(not(test))]
fn note_first_pass(_: &Stats, _committed: bool) {}

#[cfg(test)]
fn note_first_pass(stats: &Stats, committed: bool) {
    let counter = if committed { &stats.without_savepoints } else { &stats.run_again };
    counter.fetch_add(1, Ordering::SeqCst);
}

#[cfg(test)]
fn note_commit(stats: &Stats, requests: usize) {
    stats.commits.fetch_add(1, Ordering::SeqCst);
    stats.largest_batch.fetch_max(requests, Ordering::SeqCst);
}

/// The writer thread's loop: one batch per turn until the store is dropped. It waits (without a
/// timeout) only for a batch's first request; the rest of the batch is whatever was already
/// queued. So under light load a write commits alone and at once, and under heavy load the
/// requests that arrived during one commit all share the next.
pub(super) fn run_writer(conn: Connection, path: &Path, inbox: mpsc::Receiver<Box<dyn Request>>, stats: &Stats) {
    // Stopped (and waited for) when the loop ends, before the connection closes.
    let _checkpointer = Checkpointer::start(path);
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
/// with that error and the rest stay in `pending` for a fresh transaction. A batch of several
/// requests that are all rerunnable (joins) is first tried without savepoints
/// (`without_savepoints`), and run this way only if one of them fails.
fn run_batch(conn: &Connection, pending: &mut VecDeque<Box<dyn Request>>, stats: &Stats) {
    if !conn.is_autocommit() {
        // Only a failed `ROLLBACK` below can leave a transaction open; without this, every later
        // `BEGIN` would fail.
        let _ = control(conn, "ROLLBACK");
    }
    if !begin(conn, pending) {
        return;
    }
    if pending.len() > 1 && pending.iter().all(|r| r.rerunnable()) {
        let whole = without_savepoints(conn, pending);
        note_first_pass(stats, whole);
        if whole {
            let ran = pending.drain(..).collect();
            return finish(conn, ran, None, stats);
        }
        if !begin(conn, pending) {
            return;
        }
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
    finish(conn, ran, broken, stats);
}

/// Ends the batch's transaction and answers the requests that ran in it: `COMMIT` unless the
/// batch is already `broken`, and the whole transaction rolled back if either failed.
fn finish(conn: &Connection, ran: Vec<Box<dyn Request>>, broken: Option<StoreError>, stats: &Stats) {
    let committing = broken.is_none().then(Instant::now);
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
        if let Some(started) = committing {
            metrics::sqlite_commit(ran.len(), started.elapsed());
        }
    }
    for request in ran {
        request.answer(outcome.as_ref().map(|_| ()));
    }
}

/// Begins the batch's transaction. If it cannot (typically another process kept the write lock
/// past the busy timeout), nothing ran, so every request hears why, and this says `false`.
fn begin(conn: &Connection, pending: &mut VecDeque<Box<dyn Request>>) -> bool {
    let Err(e) = control(conn, "BEGIN IMMEDIATE") else { return true };
    let e = sql_error(e);
    for request in pending.drain(..) {
        request.answer(Err(&e));
    }
    false
}

/// The first pass over a batch of rerunnable requests, inside the transaction `begin` opened:
/// every request, without savepoints, since a savepoint costs each request a copy of every page
/// it changes (a join's statements took over a quarter more CPU with them). `true`: all of them
/// succeeded, and the transaction is open for the commit. `false`: one failed or SQLite ended
/// the transaction, and everything was rolled back; the caller runs the whole batch again with
/// savepoints, where each request gets its own result, as if this pass had not happened.
fn without_savepoints(conn: &Connection, pending: &mut VecDeque<Box<dyn Request>>) -> bool {
    for request in pending.iter_mut() {
        let failed = request.run(conn).is_err();
        if conn.is_autocommit() {
            return false;
        }
        if failed {
            // If this fails too, the second `begin` fails and every request hears why; the
            // next batch rolls back before it begins.
            let _ = control(conn, "ROLLBACK");
            return false;
        }
    }
    true
}

/// Runs one of the writer's transaction-control statements, prepared once per connection.
fn control(conn: &Connection, sql: &str) -> rusqlite::Result<()> {
    conn.prepare_cached(sql)?.execute([]).map(|_| ())
}

/// Sets the writer's pragmas. They are per connection, so they are set on every open.
pub(super) fn configure_writer(conn: &Connection) -> StoreResult<()> {
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
    conn.wal_hook(Some(checkpoint_when_due));
    // Room for every statement the writer runs (the writes and the transaction control), so
    // that none is parsed again under load.
    conn.set_prepared_statement_cache_capacity(WRITER_STATEMENTS);
    Ok(())
}

/// The log's size, in pages, at which the commit that reaches it checkpoints: SQLite's default.
/// Reached only when the checkpointer (see `checkpoint_when_due`) has not yet caught up.
const AUTOCHECKPOINT_PAGES: c_int = 1000;

/// SQLite's automatic checkpoint, made here so that it is timed (`oz_sqlite_checkpoint_duration_seconds`):
/// `sqlite3_wal_autocheckpoint`, which this hook replaces, installs the same one, a passive
/// checkpoint in the commit that leaves the log at `AUTOCHECKPOINT_PAGES` or more. It runs on
/// the writer thread, after the commit's log `fsync`, so the commit is durable either way, and
/// with no write in progress it can copy the whole log, so that the next batch starts the log
/// again from its beginning. Like SQLite's, it ignores the checkpoint's outcome: one that could
/// not finish (a reader still on old pages, or the checkpointer's pass in progress) is tried again
/// at the next commit.
///
/// From `checkpointer::EARLY_PAGES` on, a commit wakes the checkpointer thread instead, which
/// copies the log beside the writer; this checkpoint then has only what was written since left to
/// copy, and every batch queued behind it waits that much less.
fn checkpoint_when_due(wal: &Wal, pages: c_int) -> rusqlite::Result<()> {
    if pages >= AUTOCHECKPOINT_PAGES {
        let started = Instant::now();
        let _ = wal.checkpoint();
        metrics::sqlite_checkpoint(started.elapsed());
    } else if pages >= EARLY_PAGES {
        checkpointer::wake();
    }
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
