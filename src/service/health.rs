//! The health probe behind `/healthz`: a durable write to the store, answered from a cache for
//! `HEALTH_TTL`, so that health checks, which anyone may send, cannot be used to load the store.

use std::future::Future;
use std::time::{Duration, Instant};

use tokio::sync::Mutex;

use crate::domain::Error;
use crate::store::StoreResult;

/// How long one probe's answer stands. A load balancer that checks every few seconds sees every
/// change within this much more; a flood of checks costs at most one store write per period.
pub const HEALTH_TTL: Duration = Duration::from_secs(1);

/// The last probe's answer and when its probe began.
pub(super) struct Health {
    ttl: Duration,
    /// Held across the probe, so that concurrent checks wait for one probe instead of each
    /// sending their own: an async mutex, since the probe awaits the store.
    last: Mutex<Option<(Instant, Result<(), Error>)>>,
}

impl Health {
    pub(super) fn new(ttl: Duration) -> Health {
        Health { ttl, last: Mutex::new(None) }
    }

    /// The answer of `probe` (a `Store::probe_write`), or of one that began less than `ttl` ago.
    /// A write, because a read succeeds when the disk is full or the database read-only. Any
    /// failure is `Unavailable` (the caller's 503), whatever the store called it, since that is
    /// what a health check asks.
    pub(super) async fn check<F>(&self, probe: impl FnOnce() -> F) -> Result<(), Error>
    where
        F: Future<Output = StoreResult<()>>,
    {
        let mut last = self.last.lock().await;
        if let Some((_, answer)) = last.as_ref().filter(|(at, _)| at.elapsed() < self.ttl) {
            return answer.clone();
        }
        // The time the probe began: a probe that took long (a frozen database's timeout) is
        // already stale when it ends, so the next check probes again.
        let began = Instant::now();
        let answer = probe().await.map_err(|e| {
            tracing::warn!(error = %e, "the health probe cannot write to the store");
            // Counted in `oz_store_errors_total` by its kind, like every store failure the
            // service sees; the answer is a 503 whatever the kind.
            let _counted = Error::from(e);
            Error::Unavailable("The store cannot be written to.".into())
        });
        *last = Some((began, answer.clone()));
        answer
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;
    use crate::store::StoreError;

    /// `n` checks polled together, each with a probe that yields once before it answers
    /// `outcome` (so that the others run while it is under way): how many probes ran, and the
    /// answers.
    async fn checks(health: &Health, n: usize, outcome: StoreResult<()>) -> (usize, Vec<Result<(), Error>>) {
        let probes = AtomicUsize::new(0);
        let answers = futures::future::join_all((0..n).map(|_| {
            health.check(|| {
                probes.fetch_add(1, Ordering::SeqCst);
                let outcome = outcome.clone();
                async move {
                    tokio::task::yield_now().await;
                    outcome
                }
            })
        }))
        .await;
        (probes.load(Ordering::SeqCst), answers)
    }

    #[tokio::test]
    async fn concurrent_checks_within_the_ttl_share_one_probe_and_its_answer() {
        let health = Health::new(Duration::from_secs(3600));
        let (probes, answers) = checks(&health, 50, Ok(())).await;
        assert_eq!(probes, 1);
        assert!(answers.iter().all(Result::is_ok));
        // A failure later is not seen until the answer expires: that is the price of the bound.
        let (probes, answers) = checks(&health, 5, Err(StoreError::Backend("read-only".into()))).await;
        assert_eq!((probes, answers.iter().all(Result::is_ok)), (0, true));
    }

    #[tokio::test]
    async fn a_failed_write_is_unavailable_whatever_the_store_called_it() {
        let health = Health::new(Duration::ZERO);
        for failure in [StoreError::Backend("read-only transaction".into()), StoreError::Unavailable("full".into())] {
            let (probes, answers) = checks(&health, 2, Err(failure)).await;
            assert_eq!(probes, 2, "a zero ttl probes every time");
            assert!(answers.iter().all(|a| matches!(a, Err(Error::Unavailable(_)))), "{answers:?}");
        }
    }
}
