//! The read-only connections beside the writer: short reads run inline on the async thread on a
//! connection that never waits, everything else (and whatever would wait) on the blocking pool.
//! A read must never write: the one read-write connection belongs to the writer thread.

use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::{Arc, MutexGuard, PoisonError, TryLockError};

use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::errors::{sql_error, Failure};
use super::{Inner, SqliteStore, BUSY_TIMEOUT};
use crate::store::{StoreError, StoreResult};

/// Read-only connections kept beside the writer. WAL lets readers run while a write is in
/// progress (in this process or another), so the requests that only look things up — most of
/// them — never queue behind a join or behind the CLI. Four covers a small server's concurrency
/// without holding many file descriptors; more readers than that mostly wait on the disk anyway.
pub(super) const READERS: usize = 4;

/// Read-only connections for inline reads, one per core the runtime is likely to have busy with
/// requests at once; a read that finds none free goes to the blocking pool instead of waiting.
pub(super) const INLINE_READERS: usize = 4;

// `Inner::reader` picks a reader by taking a counter modulo `READERS`; this makes the division
// by zero impossible at compile time rather than by argument.
const _: () = assert!(READERS > 0);

impl SqliteStore {
    /// Runs `f` on a read-only connection, on the blocking pool. Each read is a single
    /// statement, so SQLite gives it one consistent snapshot without an explicit transaction.
    /// For reads whose size the caller does not bound (the full lists).
    pub(super) async fn read<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, Failure> + Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        blocking(move || f(&inner.reader())).await
    }

    /// Runs `f`, a short read (a point lookup, or one user's list), on the calling thread when
    /// an inline connection is free, and on the blocking pool otherwise. A trip through the
    /// blocking pool costs the server more CPU than such a read itself (two thread wake-ups
    /// and a task handoff), which is what made an authenticated request on SQLite cost twice
    /// one on the memory store.
    ///
    /// The inline connections never wait on a lock (their busy timeout is zero): a read that
    /// would (only while another connection checkpoints or recovers the WAL) fails with
    /// `SQLITE_BUSY` at once and is run again on the blocking pool, where waiting is allowed.
    /// What an inline read can still wait for is the disk, when a page it needs is not in the OS
    /// cache; the database of a running server is, after its first reads, so that is a cold-start
    /// cost of a few page reads, paid once.
    pub(super) async fn read_inline<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: Fn(&Connection) -> Result<T, Failure> + Send + 'static,
    {
        if let Some(conn) = self.inner.free_inline_reader() {
            match f(&conn) {
                Err(Failure::Sql(e)) if would_wait(&e) => {}
                done => return done.map_err(StoreError::from),
            }
        }
        self.read(f).await
    }
}

/// Whether SQLite refused instead of waiting for another connection's lock.
pub(super) fn would_wait(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

impl Inner {
    /// An inline connection nobody is using, without waiting for one.
    fn free_inline_reader(&self) -> Option<MutexGuard<'_, Connection>> {
        self.inline_readers.iter().find_map(|reader| match reader.try_lock() {
            Ok(guard) => Some(guard),
            Err(TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
            Err(TryLockError::WouldBlock) => None,
        })
    }

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

/// A reader connection whose mutex was poisoned is still sound: readers change nothing, and a
/// panic mid-statement resets the statement as it unwinds. Refusing to use it would turn one
/// panic into a server that can no longer read.
fn recover<'a>(poisoned: PoisonError<MutexGuard<'a, Connection>>) -> MutexGuard<'a, Connection> {
    poisoned.into_inner()
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

/// Opens one of the read-only connections for the blocking pool. It is opened after the writer
/// has migrated the file, so the schema and the WAL files already exist.
pub(super) fn open_reader(path: &Path) -> StoreResult<Connection> {
    // A reader rarely waits in WAL mode (only while another connection recovers the log), but
    // when it does it should wait like the writer rather than fail.
    open_read_only(path, BUSY_TIMEOUT)
}

/// Opens one of the inline connections: read-only, and refusing rather than waiting for a lock,
/// since it runs on an async thread.
pub(super) fn open_inline_reader(path: &Path) -> StoreResult<Connection> {
    open_read_only(path, Duration::ZERO)
}

/// Opens a read-only connection whose statements keep their plans (`ENABLE_QPSG`): without it,
/// SQLite plans a statement for the values bound to it where a value could change the plan, and
/// so prepares it again each time one is bound anew. Every page binds its `LIMIT` (and the
/// bundled SQLite, built with `STAT4`, would also do so for a range's bound), so each page and
/// each chunk of a whole list was parsed and planned again: 12–15 µs more server CPU per
/// `GET /user/groups` of 10 groups once it read a page (by hand, wrk, 3 pairs). The store runs
/// no `ANALYZE`, so there are no statistics for a bound value to inform: the plans are the
/// same, planned once.
fn open_read_only(path: &Path, busy_timeout: Duration) -> StoreResult<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(sql_error)?;
    conn.busy_timeout(busy_timeout).map_err(sql_error)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true).map_err(sql_error)?;
    Ok(conn)
}
