//! A clock that tests set by hand, so that expiry is tested at an exact second instead of by
//! sleeping or by leaning on the real date. Public, because the integration tests drive the
//! in-process server through it too; production code only ever uses `SystemClock`.

use std::sync::atomic::{AtomicU64, Ordering};

use super::Clock;

/// "Now" is whatever the test last said it is.
#[derive(Debug)]
pub struct TestClock {
    now: AtomicU64,
}

impl TestClock {
    /// A clock that reads `now_unix` until told otherwise.
    pub fn at(now_unix: u64) -> TestClock {
        TestClock { now: AtomicU64::new(now_unix) }
    }

    /// Moves the clock to `now_unix` (forwards or backwards).
    pub fn set(&self, now_unix: u64) {
        self.now.store(now_unix, Ordering::SeqCst);
    }

    /// Moves the clock `seconds` forwards.
    pub fn advance(&self, seconds: u64) {
        self.now.fetch_add(seconds, Ordering::SeqCst);
    }
}

impl Clock for TestClock {
    fn now_unix(&self) -> u64 {
        self.now.load(Ordering::SeqCst)
    }
}
