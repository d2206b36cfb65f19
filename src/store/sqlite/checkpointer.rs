//! The checkpointer thread: copies the write-ahead log into the database beside the writer, so
//! that the checkpoint the writer makes inside a commit finds little of the log left to copy.

use std::cell::RefCell;
use std::ffi::c_int;
use std::path::Path;
use std::sync::mpsc::{self, SyncSender};
use std::thread::JoinHandle;
use std::time::Instant;

use rusqlite::{Connection, OpenFlags};

use super::BUSY_TIMEOUT;
use crate::telemetry::metrics;

/// The log's size, in pages, from which each commit wakes the checkpointer: three fifths of the
/// writer's own threshold (`writer::AUTOCHECKPOINT_PAGES`), so that about one early pass runs per
/// round of the log. Earlier (200) cut the p99 as much but made more passes, each with its own
/// `fsync`, and cost the joins more CPU (docs/benchmark.md).
pub(super) const EARLY_PAGES: c_int = 600;

thread_local! {
    /// The way from the writer thread's commits to its checkpointer; empty on every other thread
    /// (the migrations' commits, on the thread that opens the store, wake nobody).
    static WAKE: RefCell<Option<SyncSender<()>>> = const { RefCell::new(None) };
}

/// The checkpointer of the writer thread that started it; dropping it stops the thread and waits
/// for its pass in hand.
pub(super) struct Checkpointer {
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts the thread, with a connection of its own to the database at `path`, and lets the
    /// calling thread's commits wake it (`wake`). Without it (its connection or thread could not
    /// be had) the writer's own checkpoint still copies the whole log, as SQLite's automatic one
    /// would: slower commits now and then, nothing lost, so that is a warning and not an error.
    pub(super) fn start(path: &Path) -> Checkpointer {
        let (wake, woken) = mpsc::sync_channel(1);
        let started = open(path).and_then(|conn| {
            std::thread::Builder::new()
                .name("sqlite-checkpointer".into())
                .spawn(move || {
                    // Ends once the writer thread drops its end (see `Drop`). One wake-up waiting
                    // at most: wake-ups during a pass make one more pass, not one each.
                    while woken.recv().is_ok() {
                        let started = Instant::now();
                        // PASSIVE never waits: it copies what no reader still needs and leaves the
                        // rest to a later pass. Its failures are SQLite's automatic checkpoint's
                        // too (ignored there): a later pass, or the writer's, does the work.
                        let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                        metrics::sqlite_early_checkpoint(started.elapsed());
                    }
                })
                .map_err(|e| e.to_string())
        });
        match started {
            Ok(thread) => {
                WAKE.with(|w| *w.borrow_mut() = Some(wake));
                Checkpointer { thread: Some(thread) }
            }
            Err(e) => {
                tracing::warn!(error = %e, "no SQLite checkpointer thread; the writer copies the whole log itself");
                Checkpointer { thread: None }
            }
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        WAKE.with(|w| w.borrow_mut().take());
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Wakes the calling thread's checkpointer, if it has one, without waiting.
pub(super) fn wake() {
    WAKE.with(|w| {
        if let Some(wake) = &*w.borrow() {
            // Full: a wake-up is already waiting, which is as good.
            let _ = wake.try_send(());
        }
    });
}

/// The checkpointer's connection: read-write, since a checkpoint writes the database file, and
/// `synchronous=FULL`, so that each pass syncs the log before copying it and the database after,
/// as the writer's does. It never begins a transaction.
fn open(path: &Path) -> Result<Connection, String> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| e.to_string())?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(|e| e.to_string())?;
    conn.pragma_update(None, "synchronous", "FULL").map_err(|e| e.to_string())?;
    Ok(conn)
}
