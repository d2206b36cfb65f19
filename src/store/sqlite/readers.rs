//! The read-only connections beside the writer, and the blocking pool the reads run on. A read
//! must never write: the one read-write connection belongs to the writer thread.

use std::path::Path;
use std::sync::atomic::Ordering;
use std::sync::{Arc, MutexGuard, PoisonError, TryLockError};

use rusqlite::{Connection, OpenFlags};

use super::errors::{sql_error, Failure};
use super::{Inner, SqliteStore, BUSY_TIMEOUT};
use crate::store::{StoreError, StoreResult};

/// Read-only connections kept beside the writer. WAL lets readers run while a write is in
/// progress (in this process or another), so the requests that only look things up — most of
/// them — never queue behind a join or behind the CLI. Four covers a small server's concurrency
/// without holding many file descriptors; more readers than that mostly wait on the disk anyway.
pub(super) const READERS: usize = 4;

// `Inner::reader` picks a reader by taking a counter modulo `READERS`; this makes the division
// by zero impossible at compile time rather than by argument.
const _: () = assert!(READERS > 0);

impl SqliteStore {
    /// Runs `f` on a read-only connection, on the blocking pool. Each read is a single
    /// statement, so SQLite gives it one consistent snapshot without an explicit transaction.
    pub(super) async fn read<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, Failure> + Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        blocking(move || f(&inner.reader())).await
    }
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

/// Opens one of the read-only connections. It is opened after the writer has migrated the
/// file, so the schema and the WAL files already exist.
pub(super) fn open_reader(path: &Path) -> StoreResult<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(sql_error)?;
    // A reader rarely waits in WAL mode (only while another connection recovers the log), but
    // when it does it should wait like the writer rather than fail.
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql_error)?;
    Ok(conn)
}
