//! The checkpointer thread: copies the write-ahead log into the database file beside the
//! writer, so that the writer's commits never wait for a checkpoint.
//!
//! SQLite's own automatic checkpoint runs inside the commit that takes the log past
//! `wal_autocheckpoint` pages: the writer thread then copies about 4 MB into the database file
//! and syncs it while every queued write waits, which showed as the durable join's latency tail
//! (10–37 ms stalls at p99). Here a connection of its own checkpoints `PASSIVE`ly (it waits for
//! no reader and no writer, and the writer goes on appending meanwhile) at most every
//! `CHECKPOINT_EVERY`, after commits. The writer keeps an automatic checkpoint, at
//! `BACKSTOP_PAGES`, only for when this thread cannot keep up or fails.

use std::path::Path;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

use super::errors::sql_error;
use super::BUSY_TIMEOUT;
use crate::store::{StoreError, StoreResult};

/// How often the log is copied at most: ten small checkpoints a second under a steady write
/// load, each of what 100 ms of commits appended.
const CHECKPOINT_EVERY: Duration = Duration::from_millis(100);

/// The writer's own automatic checkpoint: ten times SQLite's default of 1,000 pages, so that it
/// only runs when the log grows that far without this thread having copied it.
pub(super) const BACKSTOP_PAGES: u32 = 10_000;

/// The failures are logged at most this often (a read-only disk fails every checkpoint).
const WARN_EVERY: Duration = Duration::from_secs(60);

/// The writer's end: it tells the thread that something was committed.
pub(super) struct Checkpointer {
    wake: SyncSender<()>,
    thread: JoinHandle<()>,
}

impl Checkpointer {
    /// Opens the thread's connection to the database at `path` and starts it.
    pub(super) fn start(path: &Path) -> StoreResult<Checkpointer> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(sql_error)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql_error)?;
        // One pending wake-up is enough: commits made while it waits are copied by the same run.
        let (wake, woken) = mpsc::sync_channel(1);
        let thread = std::thread::Builder::new()
            .name("sqlite-checkpoint".into())
            .spawn(move || run(&conn, &woken))
            .map_err(|e| StoreError::Unavailable(format!("cannot start the SQLite checkpoint thread: {e}")))?;
        Ok(Checkpointer { wake, thread })
    }

    /// Something was committed: the log has frames to copy. Never blocks.
    pub(super) fn committed(&self) {
        let _ = self.wake.try_send(());
    }

    /// Stops the thread, once it has finished a checkpoint in progress.
    pub(super) fn stop(self) {
        drop(self.wake);
        // A panic would already have been reported where it happened.
        let _ = self.thread.join();
    }
}

/// The thread's loop: after each wake-up, waits out the rest of `CHECKPOINT_EVERY` since the
/// last checkpoint (ending at once if the writer stops), then checkpoints.
fn run(conn: &Connection, woken: &Receiver<()>) {
    let mut last = Instant::now();
    let mut warned: Option<Instant> = None;
    while woken.recv().is_ok() {
        let due = last + CHECKPOINT_EVERY;
        loop {
            let left = due.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            match woken.recv_timeout(left) {
                Ok(()) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if let Err(e) = checkpoint(conn) {
            if warned.is_none_or(|at| at.elapsed() >= WARN_EVERY) {
                tracing::warn!(error = %e, "the SQLite log could not be checkpointed; the writer's own checkpoint will");
                warned = Some(Instant::now());
            }
        }
        last = Instant::now();
    }
}

/// Copies what it can of the log into the database file and syncs it, waiting for nobody.
/// Returns how many frames the log holds and how many of them are now copied.
pub(super) fn checkpoint(conn: &Connection) -> rusqlite::Result<(i64, i64)> {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| Ok((row.get(1)?, row.get(2)?)))
}
