//! PostgreSQL's batching of an instance's two most frequent calls. Each kind has one task per
//! instance: what arrives while its last batch is at the database waits, and goes together into
//! the next one.
//! - Joins (`Join`): the group commit. A batch is one transaction and one commit (`JOIN_BATCH`),
//!   as SQLite's writer thread batches its writes.
//! - Token lookups (`TokenLookup`): authentication's read of an access token and its user, one
//!   statement for a batch of tokens.
//!
//! Why: a join alone costs the database about 700 µs of CPU on the bench machine, and most of
//! that is per transaction and per statement (the round trips, starting the executor on the
//! statement's plan, the commit), not per row. In one transaction of 16 joins each costs about
//! 130 µs (pgbench, 2026-12-02; see docs/benchmark.md). A token lookup alone costs about
//! 45 µs, and about 10 µs in a statement of 16 (pgbench, 2026-12-02).
//!
//! What stays as it was: each join is decided on its own row, as `JOIN` decides it alone; a
//! join is answered only after the commit that holds it. A batch holds no token and no user
//! twice (a later join of either waits for the next batch), since two rows of one statement
//! cannot see each other's writes. A batch never waits for a token's lock: a join whose token
//! another transaction holds (another instance's batch, a revocation) is skipped and run alone
//! (`join_alone`, which waits for the lock), so one contended invite cannot hold up the joins
//! queued with it. A batch that fails as a whole is run again one call at a time, so that the one
//! join at fault (a user deleted meanwhile fails the membership's foreign key) gets its error
//! and the others their answers. A lone call runs alone (`JOIN`, or the lookup of one token).
//! A lookup reads the committed state when its batch's statement starts, which is after the
//! lookup was asked: what a lone lookup would read, or later.

use std::collections::{HashMap, HashSet, VecDeque};
use std::future::Future;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

use super::{PostgresStore, TokenAndUser, CALL_TIMEOUT};
use crate::store::{JoinOutcome, StoreError, StoreResult};

/// One kind of call the batching task groups: what a caller asks, what it is answered, and how
/// the database answers one of them and a batch of them.
pub(super) trait Kind: Send + Sync + 'static {
    type Item: Clone + Send + 'static;
    type Answer: Send + 'static;
    /// What a batch being taken has admitted so far.
    type Seen: Default;
    /// The most calls one batch takes.
    const MAX: usize;
    /// Whether `item` may go into the batch that has admitted `seen` (and notes it if so).
    fn admit(seen: &mut Self::Seen, item: &Self::Item) -> bool;
    /// The batch at once: one answer per item, in order, or `None` for an item that must run
    /// alone. `Err` when the batch failed as a whole, and then none of it took effect.
    fn many(store: &PostgresStore, items: Vec<Self::Item>) -> impl Future<Output = Batched<Self::Answer>> + Send;
    /// One item on its own.
    fn one(store: PostgresStore, item: Self::Item) -> impl Future<Output = StoreResult<Self::Answer>> + Send;
    /// Notes a batch's size (a metric).
    fn record(_size: usize) {}
}

/// A batch's answers: `Kind::many`.
pub(super) type Batched<T> = StoreResult<Vec<Option<StoreResult<T>>>>;

/// The way to an instance's batching task of one kind. The task ends when the last copy is
/// dropped.
pub(super) struct Batcher<K: Kind> {
    queue: mpsc::UnboundedSender<Pending<K>>,
    stats: Arc<Stats>,
}

impl<K: Kind> Clone for Batcher<K> {
    fn clone(&self) -> Self {
        Batcher { queue: self.queue.clone(), stats: Arc::clone(&self.stats) }
    }
}

/// The group commit of joins.
pub(super) type Joins = Batcher<Join>;
/// The batched token lookups of authentication.
pub(super) type TokenLookups = Batcher<TokenLookup>;

/// A call waiting for its batch.
struct Pending<K: Kind> {
    item: K::Item,
    /// When its caller gets a 503 instead: `CALL_TIMEOUT` after it asked, as for any call.
    deadline: Instant,
    reply: oneshot::Sender<StoreResult<K::Answer>>,
}

/// What the batching task has done, for the tests.
#[derive(Default)]
struct Stats {
    /// Calls queued so far.
    queued: AtomicU64,
    batches: AtomicU64,
    largest: AtomicUsize,
}

impl<K: Kind> Batcher<K> {
    /// Starts the batching task of `store` (a store without batching of its own, over the same
    /// pool) on the current runtime.
    pub(super) fn start(store: PostgresStore) -> Batcher<K> {
        let (queue, inbox) = mpsc::unbounded_channel();
        let stats = Arc::new(Stats::default());
        tokio::spawn(run::<K>(store, inbox, Arc::clone(&stats)));
        Batcher { queue, stats }
    }

    /// Queues the call and waits for its answer. The task answers every call by its deadline,
    /// and a call it has not sent to the database by then has no effect.
    pub(super) async fn call(&self, item: K::Item) -> StoreResult<K::Answer> {
        let (reply, answer) = oneshot::channel();
        let pending = Pending::<K> { item, deadline: Instant::now() + CALL_TIMEOUT, reply };
        self.queue.send(pending).map_err(|_| stopped())?;
        self.stats.queued.fetch_add(1, Ordering::Relaxed);
        answer.await.unwrap_or_else(|_| Err(stopped()))
    }

    /// Calls queued and batches run so far, and the most calls one batch held.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(super) fn stats(&self) -> (u64, u64, usize) {
        let Stats { queued, batches, largest } = &*self.stats;
        (queued.load(Ordering::Relaxed), batches.load(Ordering::Relaxed), largest.load(Ordering::Relaxed))
    }
}

fn stopped() -> StoreError {
    StoreError::Unavailable("the batching queue has stopped".into())
}

fn timed_out() -> StoreError {
    StoreError::Unavailable(format!("the database did not answer within {} s", CALL_TIMEOUT.as_secs()))
}

/// The batching task: one batch at the database at a time; what arrives meanwhile waits for
/// the next one.
async fn run<K: Kind>(store: PostgresStore, mut inbox: mpsc::UnboundedReceiver<Pending<K>>, stats: Arc<Stats>) {
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
        let batch = take_batch::<K>(&mut waiting);
        if !batch.is_empty() {
            stats.batches.fetch_add(1, Ordering::Relaxed);
            stats.largest.fetch_max(batch.len(), Ordering::Relaxed);
            K::record(batch.len());
            run_batch::<K>(&store, batch).await;
        }
    }
}

/// The next batch, oldest first: up to `K::MAX` calls that `K::admit` lets in together. A call
/// whose caller has gone is dropped (nothing done, nobody to answer); one past its deadline
/// gets its 503. The rest keep their order for the next batch.
fn take_batch<K: Kind>(waiting: &mut VecDeque<Pending<K>>) -> Vec<Pending<K>> {
    let now = Instant::now();
    let mut seen = K::Seen::default();
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
        if batch.len() < K::MAX && K::admit(&mut seen, &pending.item) {
            batch.push(pending);
        } else {
            later.push_back(pending);
        }
    }
    *waiting = later;
    batch
}

/// Runs `batch` and answers each of its calls, by the earliest deadline among them (past it the
/// batch's connection is closed, which rolls back whatever it had open, and each gets its 503).
async fn run_batch<K: Kind>(store: &PostgresStore, mut batch: Vec<Pending<K>>) {
    if batch.len() == 1 {
        let pending = batch.remove(0);
        return alone::<K>(store.clone(), pending).await;
    }
    let deadline = batch.iter().map(|p| p.deadline).min().unwrap_or_else(Instant::now);
    let items = batch.iter().map(|p| p.item.clone()).collect();
    let answered = tokio::time::timeout_at(deadline, K::many(store, items)).await.unwrap_or_else(|_| Err(timed_out()));
    match answered {
        Ok(answers) => {
            for (pending, answer) in batch.into_iter().zip(answers) {
                match answer {
                    Some(answer) => {
                        let _ = pending.reply.send(answer);
                    }
                    // A join whose token was held: alone, it waits for the lock, and the queue
                    // goes on.
                    None => {
                        tokio::spawn(alone::<K>(store.clone(), pending));
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
            tracing::debug!(error = %e, calls = batch.len(), "a batch failed; running its calls one at a time");
            let mut each = tokio::task::JoinSet::new();
            for pending in batch {
                each.spawn(alone::<K>(store.clone(), pending));
            }
            while each.join_next().await.is_some() {}
        }
    }
}

/// Runs one call on its own, by its deadline, and answers it.
async fn alone<K: Kind>(store: PostgresStore, pending: Pending<K>) {
    let answer = tokio::time::timeout_at(pending.deadline, K::one(store, pending.item))
        .await
        .unwrap_or_else(|_| Err(timed_out()));
    let _ = pending.reply.send(answer);
}

/// Joins: (token identifier, user).
pub(super) struct Join;

impl Kind for Join {
    type Item = (String, String);
    type Answer = JoinOutcome;
    /// Its tokens and its users.
    type Seen = (HashSet<String>, HashSet<String>);
    /// Joins per transaction at most. Per join, the database's CPU falls from about 700 µs
    /// alone to 165 µs in eights, 130 µs in sixteens and 90 µs in thirty-twos (pgbench,
    /// 2026-12-02). A later pgbench (2026-12-06, docs/benchmark.md) gave 82.5, 82.4 and 82.4 µs
    /// in sixteens, thirty-twos and sixty-fours: past 32 nothing more is saved. Every join of a
    /// batch waits for the whole batch, so a larger one costs each join more latency.
    const MAX: usize = 32;

    fn admit((tokens, users): &mut Self::Seen, (token, user): &Self::Item) -> bool {
        if tokens.contains(token) || users.contains(user) {
            return false;
        }
        tokens.insert(token.clone());
        users.insert(user.clone());
        true
    }

    async fn many(store: &PostgresStore, items: Vec<Self::Item>) -> Batched<JoinOutcome> {
        store.join_batch(&items).await
    }

    async fn one(store: PostgresStore, (token, user): Self::Item) -> StoreResult<JoinOutcome> {
        store.join_alone(&token, &user).await
    }

    fn record(size: usize) {
        crate::telemetry::metrics::join_batch(size);
    }
}

/// Token lookups: the token's identifier.
pub(super) struct TokenLookup;

impl Kind for TokenLookup {
    type Item = String;
    type Answer = Option<TokenAndUser>;
    type Seen = ();
    /// Lookups per statement at most: an instance rarely has more waiting (one per open request).
    const MAX: usize = 64;

    /// Any: one row answers every lookup of its token.
    fn admit((): &mut (), _: &String) -> bool {
        true
    }

    async fn many(store: &PostgresStore, ids: Vec<String>) -> Batched<Option<TokenAndUser>> {
        let found: HashMap<String, StoreResult<TokenAndUser>> = store.tokens_and_users(&ids).await?;
        let answer = |id: &String| match found.get(id) {
            None => Ok(None),
            Some(Ok(found)) => Ok(Some(found.clone())),
            Some(Err(e)) => Err(e.clone()),
        };
        Ok(ids.iter().map(|id| Some(answer(id))).collect())
    }

    async fn one(store: PostgresStore, id: String) -> StoreResult<Option<TokenAndUser>> {
        store.token_and_user_alone(&id).await
    }
}
