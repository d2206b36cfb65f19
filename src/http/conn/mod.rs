//! Connections under abuse (contract §9): the cap on open connections, the registry that
//! makes room at the cap by closing the oldest waiting connection, how the accept loop sheds,
//! the header-read and idle timeouts, the header-size bound, JSON in place of the bare errors
//! hyper writes itself, and the lingering close. `server` runs hyper through it; nothing here
//! knows the API's routes.

mod accept;
mod arriving;
mod auto_error;
mod registry;
mod watch;
mod woken;

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

pub use accept::{out_of_resources, shed, Spare, Throttle};
pub use arriving::Arriving;
pub use registry::{Entry, Registry};
pub use watch::{Activity, Watched};
pub use woken::OnWake;

/// Descriptors kept back from the connection cap's share of `RLIMIT_NOFILE`: the store's
/// files (SQLite database, WAL, SHM; a PostgreSQL pool), the listener, logs, the spare.
pub const RESERVED_DESCRIPTORS: usize = 64;

/// hyper's smallest read buffer; a header bound below it cannot be enforced.
pub const MIN_HEADER_BYTES: usize = 8192;

/// The longest request target the edge takes (414 beyond it). Below the header bound, so that
/// a long URI is a 414, not the 431 of a header block that never ends.
pub const MAX_URI_BYTES: usize = 8192;

/// Connections admitted past the cap at once, each served while the connection it evicted
/// closes; past them, new ones are shed.
pub const MAX_WAITING_FOR_SLOT: usize = 64;

/// How the server treats connections. `Default` is what `serve` uses without flags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Connections open at once. A new one past it closes the oldest connection with no request
    /// in flight and takes its slot; if every one is busy, it gets a 503 and is closed.
    pub max_connections: usize,
    /// From the first byte of a request (or from accept, for a connection's first request) to
    /// the end of its header block.
    pub header_read_timeout: Duration,
    /// A keep-alive connection with no request in flight is closed after this long.
    pub idle_timeout: Duration,
    /// Request line plus headers, in bytes (HTTP/1 read buffer, HTTP/2 header list).
    pub max_header_bytes: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            max_connections: default_max_connections(),
            header_read_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(60),
            max_header_bytes: 16 * 1024,
        }
    }
}

/// Half of what the process's soft `RLIMIT_NOFILE` leaves after `RESERVED_DESCRIPTORS`, and at
/// least 16. Half, because a connection being closed (lingering, or in the kernel's hands
/// while the next is accepted) and the store's own connections need descriptors too; with
/// the common soft limit of 1,024 this is 480.
pub fn default_max_connections() -> usize {
    (soft_descriptor_limit().saturating_sub(RESERVED_DESCRIPTORS) / 2).max(16)
}

/// The soft `RLIMIT_NOFILE`, or 1,024 (the usual default) if it cannot be read.
pub fn soft_descriptor_limit() -> usize {
    let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: getrlimit only writes the struct we pass, which lives for the whole call.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } == 0;
    match ok {
        true => usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX),
        false => 1024,
    }
}

/// Counters of the server's connections, cheap to read from anywhere (e.g. `/metrics`).
#[derive(Clone, Debug, Default)]
pub struct ConnectionStats {
    open: Arc<AtomicUsize>,
    shed: Arc<AtomicU64>,
    evicted: Arc<AtomicU64>,
}

impl ConnectionStats {
    /// Connections open now (accepted, not yet closed; shed ones are never counted).
    pub fn open(&self) -> usize {
        self.open.load(Ordering::Relaxed)
    }

    /// Connections shed since start because the cap was reached or descriptors ran out.
    pub fn shed(&self) -> u64 {
        self.shed.load(Ordering::Relaxed)
    }

    /// Waiting connections closed since start to make room for a new one at the cap.
    pub fn evicted(&self) -> u64 {
        self.evicted.load(Ordering::Relaxed)
    }

    pub(crate) fn count_evicted(&self) {
        self.evicted.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn count_shed(&self) {
        self.shed.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a connection as open until the returned guard is dropped.
    pub(crate) fn opened(&self) -> OpenGuard {
        self.open.fetch_add(1, Ordering::Relaxed);
        OpenGuard(self.open.clone())
    }
}

/// Decrements the open count when the connection's task ends, however it ends.
pub(crate) struct OpenGuard(Arc<AtomicUsize>);

impl Drop for OpenGuard {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}
