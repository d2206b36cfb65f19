//! PostgreSQL's group commit of joins: the joins an instance receives while its last batch is at
//! the database wait, and go together into the next one (`JOIN_BATCH`), one transaction and one
//! commit for all of them, as SQLite's writer thread batches its writes.
//!
//! Why: a join alone costs the database about 700 µs of CPU on the bench machine, and most of
//! that is per transaction and per statement (the round trips, starting the executor on the
//! statement's plan, the commit), not per row. In one transaction of 16 joins each costs about
//! 130 µs (pgbench, 2026-12-02; see ARCHITECTURE.md, bench).
//!
//! What stays as it was: each join is decided on its own row, as `JOIN` decides it alone; a
//! join is answered only after the commit that holds it. A batch holds no token and no user
//! twice (a later join of either waits for the next batch), since two rows of one statement
//! cannot see each other's writes. A batch never waits for a token's lock: a join whose token
//! another transaction holds (another instance's batch, a revocation) is skipped and run alone
//! (`join_alone`, which waits for the lock), so one contended invite cannot hold up the joins
//! queued with it. A batch that fails as a whole is run again one join at a time, so that the one
//! join at fault (a user deleted meanwhile fails the membership's foreign key) gets its error
//! and the others their answers. A lone join runs `JOIN` itself.

use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

use super::{PostgresStore, CALL_TIMEOUT};
use crate::store::{JoinOutcome, StoreError, StoreResult};

/// Joins per transaction at most. Per join, the database's CPU falls from about 700 µs alone to
/// 165 µs in eights, 130 µs in sixteens and 90 µs in thirty-twos (pgbench); larger batches were
/// not measured. Every join of a batch waits for the whole batch, so a larger one costs each
/// join more latency for a smaller saving.
const MAX_BATCH: usize = 32;

/// A join waiting for its batch.
struct Pending {
    token_id: String,
    user: String,
    /// When its caller gets a 503 instead: `CALL_TIMEOUT` after it asked, as for any call.
    deadline: Instant,
    reply: oneshot::Sender<StoreResult<JoinOutcome>>,
}

/// The way to an instance's batching task. The task ends when the last copy is dropped.
#[derive(Clone)]
pub(super) struct Joins {
    queue: mpsc::UnboundedSender<Pending>,
    stats: Arc<Stats>,
}

/// What the batching task has done, for the tests.
#[derive(Default)]
struct Stats {
    /// Joins queued so far.
    queued: AtomicU64,
    batches: AtomicU64,
    largest: AtomicUsize,
}

impl Joins {
    /// Starts the batching task of `store` (a store without batching of its own, over the same
    /// pool) on the current runtime.
    pub(super) fn start(store: PostgresStore) -> Joins {
        let (queue, inbox) = mpsc::unbounded_channel();
        let stats = Arc::new(Stats::default());
        tokio::spawn(run(store, inbox, Arc::clone(&stats)));
        Joins { queue, stats }
    }

    /// Queues the join and waits for its answer. The task answers every join by its deadline,
    /// and a join it has not put in a transaction by then is not joined.
    pub(super) async fn join(&self, token_id: &str, user: &str) -> StoreResult<JoinOutcome> {
        let (reply, answer) = oneshot::channel();
        let pending = Pending {
            token_id: token_id.to_owned(),
            user: user.to_owned(),
            deadline: Instant::now() + CALL_TIMEOUT,
            reply,
        };
        self.queue.send(pending).map_err(|_| stopped())?;
        self.stats.queued.fetch_add(1, Ordering::Relaxed);
        answer.await.unwrap_or_else(|_| Err(stopped()))
    }

    /// Joins queued and batches run so far, and the most joins one batch held.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) fn stats(&self) -> (u64, u64, usize) {
        let Stats { queued, batches, largest } = &*self.stats;
        (queued.load(Ordering::Relaxed), batches.load(Ordering::Relaxed), largest.load(Ordering::Relaxed))
    }
}

fn stopped() -> StoreError {
    StoreError::Unavailable("the join queue has stopped".into())
}

fn timed_out() -> StoreError {
    StoreError::Unavailable(format!("the database did not answer within {} s", CALL_TIMEOUT.as_secs()))
}

/// The batching task: one batch at the database at a time; what arrives meanwhile waits for
/// the next one.
async fn run(store: PostgresStore, mut inbox: mpsc::UnboundedReceiver<Pending>, stats: Arc<Stats>) {
    let mut waiting = VecDeque::new();
    loop {
        if waiting.is_empty() {
            match inbox.recv().await {
                Some(pending) => waiting.push_back(pending),
                None => return,
            }
        }
        while let Ok(pending) = inbox.try_recv() {
            waiting.push_back(pending);
        }
        let batch = take_batch(&mut waiting);
        if !batch.is_empty() {
            stats.batches.fetch_add(1, Ordering::Relaxed);
            stats.largest.fetch_max(batch.len(), Ordering::Relaxed);
            crate::telemetry::metrics::join_batch(batch.len());
            run_batch(&store, batch).await;
        }
    }
}

/// The next batch, oldest first: up to `MAX_BATCH` joins, no token and no user twice. A join
/// whose caller has gone is dropped (nothing joined, nobody to answer); one past its deadline
/// gets its 503. The rest keep their order for the next batch.
fn take_batch(waiting: &mut VecDeque<Pending>) -> Vec<Pending> {
    let now = Instant::now();
    let (mut tokens, mut users) = (HashSet::new(), HashSet::new());
    let mut batch = Vec::new();
    let mut later = VecDeque::new();
    for pending in waiting.drain(..) {
        if pending.reply.is_closed() {
            continue;
        }
        if pending.deadline <= now {
            let _ = pending.reply.send(Err(timed_out()));
            continue;
        }
        if batch.len() < MAX_BATCH && !tokens.contains(&pending.token_id) && !users.contains(&pending.user) {
            tokens.insert(pending.token_id.clone());
            users.insert(pending.user.clone());
            batch.push(pending);
        } else {
            later.push_back(pending);
        }
    }
    *waiting = later;
    batch
}

/// Runs `batch` and answers each of its joins, by the earliest deadline among them (past it the
/// transaction's connection is closed, which rolls it back, and each gets its 503).
async fn run_batch(store: &PostgresStore, mut batch: Vec<Pending>) {
    if batch.len() == 1 {
        let pending = batch.remove(0);
        return alone(store.clone(), pending).await;
    }
    let deadline = batch.iter().map(|p| p.deadline).min().unwrap_or_else(Instant::now);
    let pairs: Vec<(String, String)> = batch.iter().map(|p| (p.token_id.clone(), p.user.clone())).collect();
    let answered =
        tokio::time::timeout_at(deadline, store.join_batch(&pairs)).await.unwrap_or_else(|_| Err(timed_out()));
    match answered {
        Ok(outcomes) => {
            for (pending, outcome) in batch.into_iter().zip(outcomes) {
                match outcome {
                    Some(outcome) => {
                        let _ = pending.reply.send(outcome);
                    }
                    // Its token was held: alone, it waits for the lock, and the queue goes on.
                    None => {
                        tokio::spawn(alone(store.clone(), pending));
                    }
                }
            }
        }
        // The database is away or overloaded: one at a time would fail the same way, later.
        Err(StoreError::Unavailable(why)) => {
            for pending in batch {
                let _ = pending.reply.send(Err(StoreError::Unavailable(why.clone())));
            }
        }
        Err(e) => {
            tracing::debug!(error = %e, joins = batch.len(), "a batch of joins failed; running them one at a time");
            let mut each = tokio::task::JoinSet::new();
            for pending in batch {
                each.spawn(alone(store.clone(), pending));
            }
            while each.join_next().await.is_some() {}
        }
    }
}

/// Runs one join in a transaction of its own, by its deadline, and answers it.
async fn alone(store: PostgresStore, pending: Pending) {
    let outcome = tokio::time::timeout_at(pending.deadline, store.join_alone(&pending.token_id, &pending.user))
        .await
        .unwrap_or_else(|_| Err(timed_out()));
    let _ = pending.reply.send(outcome);
}
