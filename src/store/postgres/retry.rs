//! How every PostgreSQL call runs: under `CALL_TIMEOUT`, on a connection leased from the pool,
//! with one retry loop for serialization failures and deadlocks that writes, reads and
//! migrations all go through. The backoff sleeps between attempts are the only waits here.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use deadpool_postgres::{Object, Transaction};
use tokio_postgres::error::SqlState;
use tokio_postgres::IsolationLevel;

use super::errors::{pool_error, Failure};
use super::{PostgresStore, CALL_TIMEOUT, MAX_ATTEMPTS};
use crate::store::{StoreError, StoreResult};

/// One attempt's work, boxed so that it can borrow its transaction (or connection) and
/// arguments; see `PostgresStore::write`.
pub(super) type Step<'a, T> = Pin<Box<dyn Future<Output = Result<T, Failure>> + Send + 'a>>;

impl PostgresStore {
    /// Runs `step` inside one `SERIALIZABLE` transaction and commits it, retrying the whole
    /// transaction on a serialization failure or deadlock. `step` may run several times, so it
    /// must only talk to the database; `args` are handed to every attempt.
    pub(super) async fn write<A, T, F>(&self, args: &A, step: F) -> StoreResult<T>
    where
        A: Sync + ?Sized,
        T: Send,
        F: for<'a> Fn(&'a Transaction<'a>, &'a A) -> Step<'a, T> + Sync,
    {
        self.write_at(IsolationLevel::Serializable, args, step).await
    }

    /// `write` at isolation `level`: for a transaction whose statements must each see what
    /// committed before it started (`READ COMMITTED`), where its locks, not a snapshot, make it
    /// atomic.
    pub(super) async fn write_at<A, T, F>(&self, level: IsolationLevel, args: &A, step: F) -> StoreResult<T>
    where
        A: Sync + ?Sized,
        T: Send,
        F: for<'a> Fn(&'a Transaction<'a>, &'a A) -> Step<'a, T> + Sync,
    {
        self.on_connection(&(args, &step, level), |lease, call| {
            Box::pin(retrying(lease, call, |client, (args, step, level)| {
                Box::pin(async move {
                    let tx = client.build_transaction().isolation_level(*level).start().await?;
                    let out = step(&tx, args).await?;
                    // Every success is returned only after this commit, which with
                    // `synchronous_commit=on` has reached the server's disk.
                    tx.commit().await?;
                    Ok(out)
                })
            }))
        })
        .await
    }

    /// Runs `step`, a read of one statement, retrying it like `write` would (a distributed
    /// engine may fail even a lone read with `40001`).
    pub(super) async fn read<A, T, F>(&self, args: &A, step: F) -> StoreResult<T>
    where
        A: Sync + ?Sized,
        T: Send,
        F: for<'a> Fn(&'a Object, &'a A) -> Step<'a, T> + Sync,
    {
        self.on_connection(&(args, &step), |lease, call| {
            Box::pin(retrying(lease, call, |client, (args, step)| step(client, args)))
        })
        .await
    }

    /// Runs `work` under `CALL_TIMEOUT` on a connection from the pool, which goes back to the
    /// pool only if `work` ran to its end (see `Lease`).
    pub(super) async fn on_connection<A, T, F>(&self, args: &A, work: F) -> StoreResult<T>
    where
        A: Sync + ?Sized,
        F: for<'a> Fn(&'a mut Lease, &'a A) -> Step<'a, T>,
    {
        let call = async {
            let mut lease = self.pool.get().await.map(Lease::new).map_err(pool_error)?;
            let result = work(&mut lease, args).await;
            lease.finish();
            result.map_err(StoreError::from)
        };
        tokio::time::timeout(CALL_TIMEOUT, call).await.unwrap_or_else(|_| {
            Err(StoreError::Unavailable(format!("the database did not answer within {} s", CALL_TIMEOUT.as_secs())))
        })
    }
}

/// The one retry loop: runs `attempt` on the leased connection, and again after a short
/// `backoff` while it fails with a serialization failure or a deadlock, up to `MAX_ATTEMPTS`
/// times in all; then returns its last result.
pub(super) async fn retrying<A, T, F>(lease: &mut Lease, args: &A, attempt: F) -> Result<T, Failure>
where
    A: Sync + ?Sized,
    F: for<'a> Fn(&'a mut Object, &'a A) -> Step<'a, T>,
{
    let mut tries = 1;
    loop {
        match attempt(lease.object()?, args).await {
            Err(Failure::Sql(e)) if is_retryable(&e) && tries < MAX_ATTEMPTS => {
                tries += 1;
                tokio::time::sleep(backoff(tries)).await;
            }
            other => return other,
        }
    }
}

/// A pooled connection that goes back to the pool only when its call finished; dropped
/// unfinished (the call's future was dropped or timed out) it is closed instead, because its
/// session may be in the middle of a transaction.
pub(super) struct Lease {
    object: Option<Object>,
    finished: bool,
}

impl Lease {
    fn new(object: Object) -> Lease {
        Lease { object: Some(object), finished: false }
    }

    pub(super) fn object(&mut self) -> Result<&mut Object, Failure> {
        self.object.as_mut().ok_or_else(|| Failure::Row("a pooled connection was used after its release".into()))
    }

    /// The call is over, whatever its result: a failed statement's transaction has been rolled
    /// back (tokio-postgres sends `ROLLBACK` when a transaction is dropped) and a broken
    /// connection is noticed by the pool, so the connection may be reused.
    fn finish(&mut self) {
        self.finished = true;
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        if let Some(object) = self.object.take() {
            if !self.finished {
                // Detached from the pool and dropped: the connection closes.
                drop(Object::take(object));
            }
        }
    }
}

/// How long to wait before attempt `attempt` (2 or more): exponential from 2 ms, capped at
/// 100 ms, with ±50 % jitter so that the racers that collided do not collide again in step.
pub(super) fn backoff(attempt: u32) -> Duration {
    use rand::Rng;
    let base = 2u64.saturating_pow(attempt.saturating_sub(1)).min(100);
    let jittered = rand::thread_rng().gen_range(base / 2..=base + base / 2);
    Duration::from_millis(jittered.max(1))
}

fn is_retryable(e: &tokio_postgres::Error) -> bool {
    e.code()
        .is_some_and(|code| *code == SqlState::T_R_SERIALIZATION_FAILURE || *code == SqlState::T_R_DEADLOCK_DETECTED)
}
