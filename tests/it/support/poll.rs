//! Waiting for a condition without sleeping a fixed time: ask again and again until it holds or
//! a deadline passes. Tests wait this way for things that happen outside their control (another
//! process's sessions, a database coming back); anything the server times itself is driven by
//! its `TestClock` instead.

use std::future::Future;
use std::time::Duration;

use tokio::time::Instant;

/// Asks `probe` until it answers `Some`, at most every `every` and for no longer than `within`
/// in all (each probe is cut off at the deadline too). `None` when the deadline passed first.
pub async fn until<T, F, Fut>(within: Duration, every: Duration, mut probe: F) -> Option<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + within;
    loop {
        let next = Instant::now() + every;
        match tokio::time::timeout_at(deadline, probe()).await {
            Ok(Some(found)) => return Some(found),
            Ok(None) if next < deadline => tokio::time::sleep_until(next).await,
            _ => return None,
        }
    }
}
