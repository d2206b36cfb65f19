//! `PostgresStore`: the `Store` over a PostgreSQL server, shared by any number of server
//! instances. It owns the connection pool, the timeouts, the retry of serialization failures and
//! the migrations; it must not hold schema anywhere but in `migrations/postgres/`.
//!
//! The SQL is standard SQL (but for the exceptions listed below), run in `SERIALIZABLE`
//! transactions that are retried whole when the database reports a serialization failure
//! (`40001`) or a deadlock (`40P01`), so that the same code can run on a PostgreSQL-wire
//! distributed engine (CockroachDB, YugabyteDB). Every write, the join included, relies on that
//! and on nothing else: no row locks, no `ON CONFLICT`.
//!
//! # Statements that need care on a distributed engine
//!
//! - **`SELECT pg_advisory_xact_lock(…)`** (migrations only): serialises instances that migrate
//!   the same database at once. CockroachDB long had it only as a no-op stub (transaction-level
//!   advisory locks arrived in 2026); YugabyteDB has advisory locks only in recent releases.
//!   Without a real lock, two instances starting at once on a new database could both try to
//!   create the tables: one fails, and starting it again finds the version recorded. The
//!   portable replacement is a one-row lock table read with `SELECT … FOR UPDATE`.
//! - **The migration transaction runs at `READ COMMITTED`**, so that the re-read of
//!   `schema_migrations` after the lock sees what another instance committed while this one
//!   waited (at `SERIALIZABLE`/`REPEATABLE READ` PostgreSQL takes the snapshot before the lock is
//!   granted). Engines that run every transaction as `SERIALIZABLE` turn the race into a
//!   retried `40001` instead, which is also correct.
//! - **DDL inside a transaction** (`CREATE TABLE`/`CREATE INDEX` plus the `INSERT` into
//!   `schema_migrations`, committed together). PostgreSQL does this atomically; CockroachDB
//!   runs schema changes asynchronously and limits mixing them with writes, and YugabyteDB's
//!   DDL is fully transactional only in recent releases. A migration that fails half-way there
//!   may need its tables dropped by hand before a retry.
//! - **`CREATE TABLE IF NOT EXISTS schema_migrations`**: widely supported, not standard SQL.
//! - **`TEXT` columns** (standard SQL says `VARCHAR`) and a table named **`groups`** (a reserved
//!   word since SQL:2011, for window frames): PostgreSQL, CockroachDB and YugabyteDB accept
//!   both; an engine that reserves `groups` needs it quoted.
//! - **`BIGINT GENERATED ALWAYS AS IDENTITY`** for the `seq` columns (SQL:2003, supported by
//!   CockroachDB ≥ 21.2 and YugabyteDB): on a distributed engine identity values may be cached
//!   per node (YugabyteDB caches 100 by default), so creation/join order is only as good as the
//!   sequence's cache setting; use `CACHE 1` there if listing order across nodes matters. Even on
//!   PostgreSQL the value is taken at insert, not at commit, so two concurrent joins may list in
//!   the order they started rather than the order they committed.
//! - **The `options=-c statement_timeout=…` start-up parameter** set on every connection:
//!   PostgreSQL and YugabyteDB honour it, CockroachDB only in recent versions (elsewhere, set
//!   `statement_timeout` as a default of the role or database).
//! - The retry itself is client-side and re-runs the whole transaction; CockroachDB's optional
//!   `SAVEPOINT cockroach_restart` protocol is not needed and not used.

use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use deadpool_postgres::{
    GenericClient, Manager, ManagerConfig, Object, Pool, PoolError, RecyclingMethod, Runtime, Transaction,
};
use tokio_postgres::error::SqlState;
use tokio_postgres::types::ToSql;
use tokio_postgres::{IsolationLevel, NoTls, Row};

use super::{JoinOutcome, Store, StoreError, StoreResult, TokenGrant, TokenRecord};
use crate::domain::{Group, GroupId, GroupType, Name, PrivilegeSet, User, UserId};

/// Connections per pool, that is per server instance. Enough for a small server's concurrent
/// requests; PostgreSQL's default `max_connections` (100) leaves room for several instances.
const POOL_SIZE: usize = 16;

/// How long opening one connection may take (TCP connect, then the start-up handshake).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);

/// The server-side limit on one statement; a statement stuck behind a lock fails instead of
/// holding its connection for ever.
const STATEMENT_TIMEOUT: Duration = Duration::from_secs(5);

/// The client-side limit on one store call, waiting for a connection and every retry
/// included. It is what bounds a call when the server stops answering without closing the
/// connection, which no server-side timeout can notice: a frozen database gets its 503 within
/// this long. Above the statement timeout, so a slow statement fails there first, with its cause.
const CALL_TIMEOUT: Duration = Duration::from_secs(8);

/// Attempts of one transaction before a serialization failure is reported as a `Backend` error.
const MAX_ATTEMPTS: u32 = 10;

/// The advisory-lock key that serialises migrations across instances ("oz-grp" in ASCII).
const MIGRATION_LOCK: i64 = 0x6f7a_2d67_7270;

/// One schema step, embedded in the binary so that the server never runs without its schema.
struct Migration {
    version: i64,
    sql: &'static str,
}

/// Every migration, oldest first. A released entry must never change: add a new file instead.
const MIGRATIONS: &[Migration] =
    &[Migration { version: 1, sql: include_str!("../../migrations/postgres/0001_initial.sql") }];

/// A `Store` over a PostgreSQL database, through a pool of `tokio-postgres` connections.
///
/// Writes run as `SERIALIZABLE` transactions, retried whole on a serialization failure or a
/// deadlock, so every method is atomic and `join_with_token` cannot count more uses than
/// `max_uses` however many instances race on one token. Reads are single statements, which see
/// one consistent snapshot without a transaction. `synchronous_commit` stays at its default
/// (`on`), so a call returns `Ok` only after its commit reached the server's disk.
///
/// A call whose future is dropped, or that overruns `CALL_TIMEOUT`, discards its connection
/// instead of returning it to the pool: the server then rolls back whatever was open, and no
/// later call can inherit a half-finished transaction.
#[derive(Clone)]
pub struct PostgresStore {
    pool: Pool,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The pool's own `Debug` prints its configuration, password included.
        f.debug_struct("PostgresStore").field("status", &self.pool.status()).finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Builds a pool for `url` (a `postgres://` URL or a `key=value` connection string, without
    /// TLS) and applies the migrations the database lacks. A server that cannot be reached is
    /// `Unavailable` within a few seconds; a malformed URL is a `Backend` error.
    pub async fn connect(url: &str) -> Result<PostgresStore, StoreError> {
        // The parser's messages name the option at fault, never its value (a password may be).
        let mut config: tokio_postgres::Config =
            url.parse().map_err(|e| StoreError::Backend(format!("the database URL is not valid: {e}")))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        // Over TCP, a server host that vanished mid-call (sent data never acknowledged) breaks
        // the connection after this long instead of at the end of `CALL_TIMEOUT`.
        if config.get_tcp_user_timeout().is_none() {
            config.tcp_user_timeout(STATEMENT_TIMEOUT);
        }
        // Ours first, so that a `statement_timeout` in the URL's own options wins.
        let ours = format!("-c statement_timeout={}", STATEMENT_TIMEOUT.as_millis());
        let options = match config.get_options().map(str::trim) {
            Some(theirs) if !theirs.is_empty() => format!("{ours} {theirs}"),
            _ => ours,
        };
        config.options(options);
        if config.get_application_name().is_none() {
            config.application_name("oz-groups");
        }

        let manager = Manager::from_config(config, NoTls, ManagerConfig { recycling_method: RecyclingMethod::Fast });
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .runtime(Runtime::Tokio1)
            .create_timeout(Some(CONNECT_TIMEOUT))
            .recycle_timeout(Some(CONNECT_TIMEOUT))
            .wait_timeout(Some(CALL_TIMEOUT))
            .build()
            .map_err(|e| StoreError::Backend(format!("cannot build the connection pool: {e}")))?;
        let store = PostgresStore { pool };
        store.migrate().await?;
        Ok(store)
    }

    /// Runs `call` under `CALL_TIMEOUT`.
    async fn bounded<T>(&self, call: impl Future<Output = StoreResult<T>>) -> StoreResult<T> {
        tokio::time::timeout(CALL_TIMEOUT, call).await.unwrap_or_else(|_| {
            Err(StoreError::Unavailable(format!("the database did not answer within {} s", CALL_TIMEOUT.as_secs())))
        })
    }

    /// A connection from the pool.
    async fn lease(&self) -> StoreResult<Lease> {
        self.pool.get().await.map(|object| Lease { object: Some(object), finished: false }).map_err(pool_error)
    }

    /// Runs `step` inside one `SERIALIZABLE` transaction and commits it, retrying the whole
    /// transaction on a serialization failure or deadlock. `step` may run several times, so it
    /// must only talk to the database; `args` are handed to every attempt.
    async fn write<A, T, F>(&self, args: &A, step: F) -> StoreResult<T>
    where
        A: Sync + ?Sized,
        T: Send,
        F: for<'a> Fn(&'a Transaction<'a>, &'a A) -> Step<'a, T> + Sync,
    {
        self.bounded(async {
            let mut lease = self.lease().await?;
            let mut attempt = 1;
            let result = loop {
                let outcome = async {
                    let tx = lease
                        .object()?
                        .build_transaction()
                        .isolation_level(IsolationLevel::Serializable)
                        .start()
                        .await?;
                    let out = step(&tx, args).await?;
                    // `Joined` and every other success is returned only after this commit,
                    // which with `synchronous_commit=on` has reached the server's disk.
                    tx.commit().await?;
                    Ok(out)
                }
                .await;
                match outcome {
                    Err(Failure::Sql(e)) if is_retryable(&e) && attempt < MAX_ATTEMPTS => {
                        attempt += 1;
                        tokio::time::sleep(backoff(attempt)).await;
                    }
                    other => break other,
                }
            };
            lease.finish();
            result.map_err(StoreError::from)
        })
        .await
    }

    /// Runs `step`, a read of one statement, retrying it like `write` would (a distributed
    /// engine may fail even a lone read with `40001`).
    async fn read<A, T, F>(&self, args: &A, step: F) -> StoreResult<T>
    where
        A: Sync + ?Sized,
        T: Send,
        F: for<'a> Fn(&'a Object, &'a A) -> Step<'a, T> + Sync,
    {
        self.bounded(async {
            let mut lease = self.lease().await?;
            let mut attempt = 1;
            let result = loop {
                let outcome = async { step(lease.object()?, args).await }.await;
                match outcome {
                    Err(Failure::Sql(e)) if is_retryable(&e) && attempt < MAX_ATTEMPTS => {
                        attempt += 1;
                        tokio::time::sleep(backoff(attempt)).await;
                    }
                    other => break other,
                }
            };
            lease.finish();
            result.map_err(StoreError::from)
        })
        .await
    }

    /// Applies the migrations the database lacks, each in its own transaction that takes the
    /// migration lock and only then reads `schema_migrations`. Instances that start at once on a
    /// new database therefore apply each migration once: the others wait for the lock and then
    /// find the version recorded.
    async fn migrate(&self) -> StoreResult<()> {
        self.bounded(async {
            let mut lease = self.lease().await?;
            let mut result = Ok(());
            'migrations: for migration in MIGRATIONS {
                let mut attempt = 1;
                loop {
                    match apply(lease.object()?, migration).await {
                        Ok(()) => break,
                        Err(Failure::Sql(e)) if is_retryable(&e) && attempt < MAX_ATTEMPTS => {
                            attempt += 1;
                            tokio::time::sleep(backoff(attempt)).await;
                        }
                        Err(e) => {
                            result = Err(e);
                            break 'migrations;
                        }
                    }
                }
            }
            lease.finish();
            result.map_err(StoreError::from)
        })
        .await
    }
}

/// One migration in one transaction; see `PostgresStore::migrate`.
async fn apply(client: &mut Object, migration: &Migration) -> Result<(), Failure> {
    // READ COMMITTED: each statement after the lock sees what the lock's previous holder
    // committed. (A SERIALIZABLE snapshot would be taken before the lock is granted.)
    let tx = client.build_transaction().isolation_level(IsolationLevel::ReadCommitted).start().await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (
             version    BIGINT NOT NULL PRIMARY KEY,
             applied_at BIGINT NOT NULL
         )",
    )
    .await?;
    let newest_known = MIGRATIONS.iter().map(|m| m.version).max().unwrap_or(0);
    let newest_applied: Option<i64> =
        tx.query_one("SELECT MAX(version) FROM schema_migrations", &[]).await?.try_get(0)?;
    // A newer build may have changed the schema in ways this one would misread or break.
    if let Some(newer) = newest_applied.filter(|v| *v > newest_known) {
        return Err(Failure::Row(format!(
            "the database has schema version {newer} but this build knows only up to {newest_known}"
        )));
    }
    let applied =
        tx.query_opt("SELECT 1 FROM schema_migrations WHERE version = $1", &[&migration.version]).await?.is_some();
    if !applied {
        tx.batch_execute(migration.sql).await?;
        tx.execute(
            "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
            &[&migration.version, &unix_now()],
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// One attempt's work, boxed so that it can borrow its transaction (or connection) and
/// arguments; see `PostgresStore::write`.
type Step<'a, T> = Pin<Box<dyn Future<Output = Result<T, Failure>> + Send + 'a>>;

/// A pooled connection that goes back to the pool only when its call finished; dropped
/// unfinished (the call's future was dropped or timed out) it is closed instead, because its
/// session may be in the middle of a transaction.
struct Lease {
    object: Option<Object>,
    finished: bool,
}

impl Lease {
    fn object(&mut self) -> Result<&mut Object, Failure> {
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
fn backoff(attempt: u32) -> Duration {
    use rand::Rng;
    let base = 2u64.saturating_pow(attempt.saturating_sub(1)).min(100);
    let jittered = rand::thread_rng().gen_range(base / 2..=base + base / 2);
    Duration::from_millis(jittered.max(1))
}

fn is_retryable(e: &tokio_postgres::Error) -> bool {
    e.code()
        .is_some_and(|code| *code == SqlState::T_R_SERIALIZATION_FAILURE || *code == SqlState::T_R_DEADLOCK_DETECTED)
}

/// Seconds since the epoch; a clock set before 1970 records 0 rather than failing a migration.
fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

// --- errors ----------------------------------------------------------------------------------

/// What can go wrong inside a call: the database, or a row that does not decode into domain
/// values. Keeping both lets `?` work on either inside the steps.
#[derive(Debug)]
enum Failure {
    Sql(tokio_postgres::Error),
    Row(String),
}

impl From<tokio_postgres::Error> for Failure {
    fn from(e: tokio_postgres::Error) -> Self {
        Failure::Sql(e)
    }
}

impl From<Failure> for StoreError {
    fn from(f: Failure) -> Self {
        match f {
            Failure::Sql(e) => pg_error(&e),
            Failure::Row(what) => StoreError::Backend(what),
        }
    }
}

/// SQLSTATEs that mean "try again later": the connection (`08…`), a server shutting down or
/// starting (`57P0…`), and a serialization failure or deadlock (`40001`, `40P01`) that is still
/// there after `MAX_ATTEMPTS` tries: the database is too contended right now, which is the
/// caller's 503 with `Retry-After`, not a fault (500). Nothing of the failed transaction stays.
fn unavailable_code(code: &str) -> bool {
    code.starts_with("08") || matches!(code, "57P01" | "57P02" | "57P03" | "40001" | "40P01")
}

/// Sorts the database's errors into "try again later" (`unavailable_code`, or a connection that
/// cannot be made or was lost) and "something is wrong".
///
/// A server error is described by its message and SQLSTATE only: its DETAIL may quote key
/// values (`Key (id)=(…) already exists`), and a key may be a token identifier. The messages
/// themselves name constraints and columns; this store binds no token identifier where a
/// message would quote it (a type conversion).
fn pg_error(e: &tokio_postgres::Error) -> StoreError {
    if let Some(db) = e.as_db_error() {
        let code = db.code().code();
        let text = format!("{} (SQLSTATE {code})", db.message());
        return if unavailable_code(code) { StoreError::Unavailable(text) } else { StoreError::Backend(text) };
    }
    // Not a server error: tokio-postgres's own message (its kind, then the I/O cause), which
    // holds no query parameter. Its kinds are private; their fixed texts are not.
    let text = e.to_string();
    let lost = ["error connecting to server", "error communicating with the server", "timeout waiting for server"];
    if e.is_closed() || lost.iter().any(|prefix| text.starts_with(prefix)) {
        StoreError::Unavailable(text)
    } else {
        StoreError::Backend(text)
    }
}

fn pool_error(e: PoolError) -> StoreError {
    match e {
        PoolError::Backend(e) => pg_error(&e),
        PoolError::Timeout(_) => StoreError::Unavailable(format!("no database connection: {e}")),
        PoolError::Closed => StoreError::Unavailable("the connection pool is closed".into()),
        PoolError::PostCreateHook(deadpool_postgres::HookError::Backend(e)) => pg_error(&e),
        other => StoreError::Backend(format!("the connection pool failed: {other}")),
    }
}

// --- statements ------------------------------------------------------------------------------

/// Runs a prepared (and cached per connection) statement that returns at most one row.
async fn query_opt<C: GenericClient>(
    client: &C,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Option<Row>, Failure> {
    let statement = client.prepare_cached(sql).await?;
    Ok(client.query_opt(&statement, params).await?)
}

async fn query<C: GenericClient>(client: &C, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<Vec<Row>, Failure> {
    let statement = client.prepare_cached(sql).await?;
    Ok(client.query(&statement, params).await?)
}

/// Runs a prepared statement and returns how many rows it changed.
async fn execute<C: GenericClient>(client: &C, sql: &str, params: &[&(dyn ToSql + Sync)]) -> Result<u64, Failure> {
    let statement = client.prepare_cached(sql).await?;
    Ok(client.execute(&statement, params).await?)
}

// --- rows ------------------------------------------------------------------------------------

// Rows are read as plain SQL values first and decoded afterwards, so that a value the domain
// rejects becomes a `Backend` error rather than a panic. Decoding messages never quote the
// stored value: it might be a token identifier.

fn user_id(raw: String) -> Result<UserId, Failure> {
    UserId::parse(&raw).ok_or_else(|| Failure::Row("a stored user id is malformed".into()))
}

fn group_id(raw: String) -> Result<GroupId, Failure> {
    GroupId::parse(&raw).ok_or_else(|| Failure::Row("a stored group id is malformed".into()))
}

fn name(raw: String, what: &str) -> Result<Name, Failure> {
    Name::parse(&raw, what).map_err(|_| Failure::Row(format!("a stored {what} is not valid")))
}

fn group_type(raw: &str) -> Result<GroupType, Failure> {
    GroupType::parse(raw).ok_or_else(|| Failure::Row("a stored group type is unknown".into()))
}

fn privileges(raw: i64) -> Result<PrivilegeSet, Failure> {
    u32::try_from(raw)
        .map(PrivilegeSet::from_bits)
        .map_err(|_| Failure::Row("stored privileges are out of range".into()))
}

fn count(raw: i64, what: &str) -> Result<u32, Failure> {
    u32::try_from(raw).map_err(|_| Failure::Row(format!("a stored {what} is out of range")))
}

fn decode_user(row: &Row) -> Result<User, Failure> {
    decode_user_at(row, 0)
}

/// A user from the four columns `id, name, alias, admin` starting at column `at`.
fn decode_user_at(row: &Row, at: usize) -> Result<User, Failure> {
    Ok(User {
        id: user_id(row.try_get(at)?)?,
        name: name(row.try_get(at + 1)?, "user name")?,
        alias: row.try_get::<_, Option<String>>(at + 2)?.map(|a| name(a, "alias")).transpose()?,
        admin: row.try_get(at + 3)?,
    })
}

fn decode_group(row: &Row) -> Result<Group, Failure> {
    Ok(Group {
        id: group_id(row.try_get(0)?)?,
        name: name(row.try_get(1)?, "group name")?,
        kind: group_type(row.try_get(2)?)?,
    })
}

const KIND_ACCESS: &str = "access";
const KIND_GROUP_INVITE_USER: &str = "group_invite_user";

fn decode_token(row: &Row) -> Result<TokenRecord, Failure> {
    let missing = |what: &str| Failure::Row(format!("a stored {what} token lacks its {what}"));
    let kind: &str = row.try_get(1)?;
    let grant = match kind {
        KIND_ACCESS => {
            TokenGrant::Access { user: user_id(row.try_get::<_, Option<String>>(2)?.ok_or_else(|| missing("user"))?)? }
        }
        KIND_GROUP_INVITE_USER => TokenGrant::GroupInviteUser {
            group: group_id(row.try_get::<_, Option<String>>(3)?.ok_or_else(|| missing("group"))?)?,
            privileges: privileges(row.try_get::<_, Option<i64>>(4)?.ok_or_else(|| missing("privileges"))?)?,
        },
        _ => return Err(Failure::Row("a stored token has an unknown kind".into())),
    };
    Ok(TokenRecord {
        id: row.try_get(0)?,
        grant,
        max_uses: row.try_get::<_, Option<i64>>(5)?.map(|m| count(m, "token use limit")).transpose()?,
        uses: count(row.try_get(6)?, "token use count")?,
        revoked: row.try_get(7)?,
        created_at: u64::try_from(row.try_get::<_, i64>(8)?)
            .map_err(|_| Failure::Row("a stored token creation time is negative".into()))?,
    })
}

async fn get_token_in<C: GenericClient>(client: &C, id: &str) -> Result<Option<TokenRecord>, Failure> {
    let row = query_opt(
        client,
        "SELECT id, kind, user_id, group_id, privileges, max_uses, uses, revoked, created_at
         FROM tokens WHERE id = $1",
        &[&id],
    )
    .await?;
    row.as_ref().map(decode_token).transpose()
}

/// Reads a one-column list of ids in the order the query gives.
async fn id_list<T>(
    client: &Object,
    sql: &str,
    key: &str,
    parse: fn(String) -> Result<T, Failure>,
) -> Result<Vec<T>, Failure> {
    let rows = query(client, sql, &[&key]).await?;
    rows.iter().map(|row| parse(row.try_get(0)?)).collect()
}

async fn insert_membership(
    tx: &Transaction<'_>,
    group: &str,
    user: &str,
    privileges: PrivilegeSet,
) -> Result<(), Failure> {
    execute(
        tx,
        "INSERT INTO memberships (group_id, user_id, privileges) VALUES ($1, $2, $3)",
        &[&group, &user, &i64::from(privileges.bits())],
    )
    .await?;
    Ok(())
}

#[async_trait]
impl Store for PostgresStore {
    async fn create_user(&self, user: &User) -> StoreResult<()> {
        self.write(user, |tx, user| {
            Box::pin(async move {
                execute(
                    tx,
                    "INSERT INTO users (id, name, alias, admin) VALUES ($1, $2, $3, $4)",
                    &[&user.id.as_str(), &user.name.as_str(), &user.alias.as_ref().map(Name::as_str), &user.admin],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }

    async fn get_user(&self, id: &UserId) -> StoreResult<Option<User>> {
        self.read(id.as_str(), |client, id| {
            Box::pin(async move {
                let row = query_opt(client, "SELECT id, name, alias, admin FROM users WHERE id = $1", &[&id]).await?;
                row.as_ref().map(decode_user).transpose()
            })
        })
        .await
    }

    async fn update_user(&self, id: &UserId, name: Option<&Name>, alias: Option<Option<&Name>>) -> StoreResult<bool> {
        let args = (id.as_str(), name.map(Name::as_str), alias.is_some(), alias.flatten().map(Name::as_str));
        self.write(&args, |tx, (id, name, set_alias, alias)| {
            Box::pin(async move {
                // The update matches the row even when nothing is to change, so the count of
                // changed rows says whether the user exists.
                let changed = execute(
                    tx,
                    "UPDATE users
                     SET name = COALESCE($2, name),
                         alias = CASE WHEN $3 THEN $4 ELSE alias END
                     WHERE id = $1",
                    &[id, name, set_alias, alias],
                )
                .await?;
                Ok(changed == 1)
            })
        })
        .await
    }

    async fn count_users(&self) -> StoreResult<u64> {
        self.read(&(), |client, ()| {
            Box::pin(async move {
                let rows = query(client, "SELECT COUNT(*) FROM users", &[]).await?;
                let n: i64 = rows.first().map(|row| row.try_get(0)).transpose()?.unwrap_or(0);
                u64::try_from(n).map_err(|_| Failure::Row("the user count is negative".into()))
            })
        })
        .await
    }

    async fn insert_token(&self, record: &TokenRecord) -> StoreResult<()> {
        self.write(record, |tx, record| {
            Box::pin(async move {
                let (kind, user, group, privileges) = match &record.grant {
                    TokenGrant::Access { user } => (KIND_ACCESS, Some(user.as_str()), None, None),
                    TokenGrant::GroupInviteUser { group, privileges } => {
                        (KIND_GROUP_INVITE_USER, None, Some(group.as_str()), Some(i64::from(privileges.bits())))
                    }
                };
                let created_at = i64::try_from(record.created_at)
                    .map_err(|_| Failure::Row("a token creation time is out of range".into()))?;
                execute(
                    tx,
                    "INSERT INTO tokens
                         (id, kind, user_id, group_id, privileges, max_uses, uses, revoked, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    &[
                        &record.id,
                        &kind,
                        &user,
                        &group,
                        &privileges,
                        &record.max_uses.map(i64::from),
                        &i64::from(record.uses),
                        &record.revoked,
                        &created_at,
                    ],
                )
                .await?;
                Ok(())
            })
        })
        .await
    }

    async fn get_token(&self, id: &str) -> StoreResult<Option<TokenRecord>> {
        self.read(id, |client, id| Box::pin(get_token_in(client, id))).await
    }

    async fn token_and_user(&self, id: &str) -> StoreResult<Option<(TokenRecord, Option<User>)>> {
        // One statement, one round trip: the token's row and, for an access token, its user's.
        self.read(id, |client, id| {
            Box::pin(async move {
                let row = query_opt(
                    client,
                    "SELECT t.id, t.kind, t.user_id, t.group_id, t.privileges, t.max_uses, t.uses, t.revoked,
                            t.created_at, u.id, u.name, u.alias, u.admin
                     FROM tokens t LEFT JOIN users u ON u.id = t.user_id
                     WHERE t.id = $1",
                    &[&id],
                )
                .await?;
                let Some(row) = row else { return Ok(None) };
                let record = decode_token(&row)?;
                let user = match (&record.grant, row.try_get::<_, Option<String>>(9)?) {
                    (TokenGrant::Access { .. }, Some(_)) => Some(decode_user_at(&row, 9)?),
                    _ => None,
                };
                Ok(Some((record, user)))
            })
        })
        .await
    }

    async fn create_group(&self, group: &Group, creator: &UserId, privileges: PrivilegeSet) -> StoreResult<()> {
        self.write(&(group, creator, privileges), |tx, (group, creator, privileges)| {
            Box::pin(async move {
                execute(
                    tx,
                    "INSERT INTO groups (id, name, type) VALUES ($1, $2, $3)",
                    &[&group.id.as_str(), &group.name.as_str(), &group.kind.as_str()],
                )
                .await?;
                // An unknown creator fails the foreign key here and the whole step rolls back.
                insert_membership(tx, group.id.as_str(), creator.as_str(), *privileges).await
            })
        })
        .await
    }

    async fn get_group(&self, id: &GroupId) -> StoreResult<Option<Group>> {
        self.read(id.as_str(), |client, id| {
            Box::pin(async move {
                let row = query_opt(client, "SELECT id, name, type FROM groups WHERE id = $1", &[&id]).await?;
                row.as_ref().map(decode_group).transpose()
            })
        })
        .await
    }

    async fn update_group(&self, id: &GroupId, name: Option<&Name>, kind: Option<GroupType>) -> StoreResult<bool> {
        let args = (id.as_str(), name.map(Name::as_str), kind.map(GroupType::as_str));
        self.write(&args, |tx, (id, name, kind)| {
            Box::pin(async move {
                // As in `update_user`, a matched row counts as changed even if nothing differs.
                let changed = execute(
                    tx,
                    "UPDATE groups SET name = COALESCE($2, name), type = COALESCE($3, type) WHERE id = $1",
                    &[id, name, kind],
                )
                .await?;
                Ok(changed == 1)
            })
        })
        .await
    }

    async fn delete_group(&self, id: &GroupId) -> StoreResult<bool> {
        self.write(id.as_str(), |tx, id| {
            Box::pin(async move {
                // Memberships go with the group (ON DELETE CASCADE); token records have no
                // foreign key and stay, as the trait requires. Cascaded rows are not counted.
                let deleted = execute(tx, "DELETE FROM groups WHERE id = $1", &[&id]).await?;
                Ok(deleted == 1)
            })
        })
        .await
    }

    async fn list_groups(&self) -> StoreResult<Vec<GroupId>> {
        self.read(&(), |client, ()| {
            Box::pin(async move {
                let rows = query(client, "SELECT id FROM groups ORDER BY seq", &[]).await?;
                rows.iter().map(|row| group_id(row.try_get(0)?)).collect()
            })
        })
        .await
    }

    async fn user_groups(&self, user: &UserId) -> StoreResult<Vec<GroupId>> {
        self.read(user.as_str(), |client, user| {
            Box::pin(id_list(
                client,
                "SELECT group_id FROM memberships WHERE user_id = $1 ORDER BY seq",
                user,
                group_id,
            ))
        })
        .await
    }

    async fn group_users(&self, group: &GroupId) -> StoreResult<Vec<UserId>> {
        self.read(group.as_str(), |client, group| {
            Box::pin(id_list(
                client,
                "SELECT user_id FROM memberships WHERE group_id = $1 ORDER BY seq",
                group,
                user_id,
            ))
        })
        .await
    }

    async fn membership(&self, group: &GroupId, user: &UserId) -> StoreResult<Option<PrivilegeSet>> {
        self.read(&(group.as_str(), user.as_str()), |client, (group, user)| {
            Box::pin(async move {
                let row = query_opt(
                    client,
                    "SELECT privileges FROM memberships WHERE group_id = $1 AND user_id = $2",
                    &[group, user],
                )
                .await?;
                row.map(|row| privileges(row.try_get(0)?)).transpose()
            })
        })
        .await
    }

    async fn set_privileges(&self, group: &GroupId, user: &UserId, privileges: PrivilegeSet) -> StoreResult<bool> {
        let args = (group.as_str(), user.as_str(), i64::from(privileges.bits()));
        self.write(&args, |tx, (group, user, bits)| {
            Box::pin(async move {
                let changed = execute(
                    tx,
                    "UPDATE memberships SET privileges = $3 WHERE group_id = $1 AND user_id = $2",
                    &[group, user, bits],
                )
                .await?;
                Ok(changed == 1)
            })
        })
        .await
    }

    async fn remove_member(&self, group: &GroupId, user: &UserId) -> StoreResult<bool> {
        self.write(&(group.as_str(), user.as_str()), |tx, (group, user)| {
            Box::pin(async move {
                let deleted =
                    execute(tx, "DELETE FROM memberships WHERE group_id = $1 AND user_id = $2", &[group, user]).await?;
                Ok(deleted == 1)
            })
        })
        .await
    }

    async fn join_with_token(&self, token_id: &str, user: &UserId) -> StoreResult<JoinOutcome> {
        // One SERIALIZABLE transaction: if another join (from any instance) changed what these
        // checks read before this one commits, the database fails one of the two with 40001 and
        // `write` runs it again from the first check, on fresh data.
        self.write(&(token_id, user.as_str()), |tx, (token_id, user)| {
            Box::pin(async move {
                let Some(record) = get_token_in(tx, token_id).await? else {
                    return Ok(JoinOutcome::TokenUnknown);
                };
                let TokenGrant::GroupInviteUser { group, privileges } = record.grant else {
                    return Ok(JoinOutcome::TokenUnknown);
                };
                let used_up = record.max_uses.is_some_and(|max| record.uses >= max);
                if record.revoked || used_up {
                    return Ok(JoinOutcome::TokenUsedUp);
                }
                let group_exists =
                    query_opt(tx, "SELECT 1 FROM groups WHERE id = $1", &[&group.as_str()]).await?.is_some();
                if !group_exists {
                    return Ok(JoinOutcome::GroupGone);
                }
                let member = query_opt(
                    tx,
                    "SELECT 1 FROM memberships WHERE group_id = $1 AND user_id = $2",
                    &[&group.as_str(), user],
                )
                .await?
                .is_some();
                if member {
                    return Ok(JoinOutcome::AlreadyMember);
                }
                // An unknown user fails the foreign key here, and nothing is counted.
                insert_membership(tx, group.as_str(), user, privileges).await?;
                // The guard repeats the use checks in SQL, so that even a mistake above could
                // not count a use the token does not have; if it matches nothing, the join rolls
                // back.
                let counted = execute(
                    tx,
                    "UPDATE tokens SET uses = uses + 1
                     WHERE id = $1 AND revoked = FALSE AND (max_uses IS NULL OR uses < max_uses)",
                    &[token_id],
                )
                .await?;
                if counted != 1 {
                    return Err(Failure::Row("a token's use count changed inside its own join".into()));
                }
                Ok(JoinOutcome::Joined)
            })
        })
        .await
    }
}

/// A PostgreSQL server for the tests of this crate, and a fresh database on it for each test.
///
/// The server is `OZ_TEST_POSTGRES_URL` when that is set (each test then creates a database
/// `t_<random>` there, and leaves it). Otherwise, when Debian's server binaries are installed
/// (`/usr/lib/postgresql/<version>/bin/initdb`), the first test that asks starts one throwaway
/// cluster for the whole test process: `initdb` into `<temp dir>/oz-groups-pg-test-<pid>`, as
/// the `postgres` user when the tests run as root (initdb refuses root), listening only on a
/// Unix socket in that directory, with `fsync=on`. A watchdog shell, started beside it in its
/// own process group, waits for the test process to end, however it ends (a `kill -9`
/// included), then stops the cluster (`pg_ctl stop -m immediate`) and deletes the directory;
/// Rust runs no destructor for statics, so nothing in the test process could do it reliably.
/// Directories left by a run whose watchdog was killed too are cleaned up by the next run.
/// With neither, every PostgreSQL test writes a loud `*** SKIPPED … ***` line straight to the
/// standard error, past cargo's capture, and passes.
#[cfg(test)]
pub(crate) mod test_cluster {
    use std::fs::{self, File};
    use std::io::Write;
    use std::os::unix::fs::MetadataExt;
    use std::os::unix::process::CommandExt;
    use std::path::{Path, PathBuf};
    use std::process::{Command, Stdio};
    use std::sync::OnceLock;

    /// The environment variable naming an existing server to test against instead.
    pub(crate) const URL_VARIABLE: &str = "OZ_TEST_POSTGRES_URL";

    const DIR_PREFIX: &str = "oz-groups-pg-test-";
    const PORT: u16 = 5432;

    /// How to reach a server as its superuser, or why none could be started.
    type Admin = Result<String, String>;

    static ADMIN: OnceLock<Option<Admin>> = OnceLock::new();

    /// The connection string of a new, empty database for the calling test, or `None` (after
    /// the loud skip line) when this machine has no PostgreSQL. A server that should have
    /// started but did not fails the test.
    pub(crate) async fn fresh_database() -> Option<String> {
        let admin = admin_url().await?;
        let name = format!("t_{}", crate::domain::GroupId::generate().as_str().get(..16).unwrap_or("x"));
        let (client, connection) =
            tokio_postgres::connect(&admin, tokio_postgres::NoTls).await.expect("the test server accepts connections");
        tokio::spawn(connection);
        client.batch_execute(&format!("CREATE DATABASE {name}")).await.expect("a test database is created");
        Some(with_dbname(&admin, &name))
    }

    /// The superuser connection string of the test server, starting it on first use; `None`
    /// (after the skip line) when there is none to be had.
    pub(crate) async fn admin_url() -> Option<String> {
        let admin = tokio::task::spawn_blocking(|| ADMIN.get_or_init(find_or_start).clone())
            .await
            .expect("the test server start-up does not panic");
        match admin {
            Some(Ok(url)) => Some(url),
            Some(Err(why)) => panic!("the throwaway PostgreSQL cluster did not start: {why}"),
            None => {
                let test = std::thread::current().name().unwrap_or("a PostgreSQL test").to_owned();
                // Straight to the process's standard error: cargo's capture would swallow
                // `eprintln!`, and a skipped backend must not look like a tested one.
                let _ = writeln!(
                    std::io::stderr(),
                    "*** SKIPPED {test}: no PostgreSQL here (set {URL_VARIABLE}, or install Debian's \
                     postgresql package) ***"
                );
                None
            }
        }
    }

    /// `url` with its database replaced by `dbname`, in either connection-string syntax (a
    /// later setting wins in both).
    fn with_dbname(url: &str, dbname: &str) -> String {
        if url.contains("://") {
            let separator = if url.contains('?') { '&' } else { '?' };
            format!("{url}{separator}dbname={dbname}")
        } else {
            format!("{url} dbname={dbname}")
        }
    }

    fn find_or_start() -> Option<Admin> {
        if let Some(url) = std::env::var(URL_VARIABLE).ok().filter(|u| !u.trim().is_empty()) {
            return Some(Ok(url));
        }
        let bin = find_bin_dir()?;
        Some(start(&bin))
    }

    /// The newest `/usr/lib/postgresql/<major>/bin` that has `initdb`.
    fn find_bin_dir() -> Option<PathBuf> {
        let entries = fs::read_dir("/usr/lib/postgresql").ok()?;
        entries
            .filter_map(|entry| {
                let entry = entry.ok()?;
                let major: u32 = entry.file_name().to_str()?.parse().ok()?;
                let bin = entry.path().join("bin");
                bin.join("initdb").is_file().then_some((major, bin))
            })
            .max_by_key(|(major, _)| *major)
            .map(|(_, bin)| bin)
    }

    fn running_as_root() -> bool {
        fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
    }

    /// A command for one of the server's programs, as the `postgres` user when we are root.
    fn server_command(bin: &Path, program: &str, as_root: bool) -> Command {
        if as_root {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(bin.join(program));
            command
        } else {
            Command::new(bin.join(program))
        }
    }

    /// Runs `command` with its output in `log` (never a pipe: a server it leaves running would
    /// hold the pipe open), and reports its failure with the log's tail.
    fn run(command: &mut Command, log: &Path) -> Result<(), String> {
        let out = File::create(log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let err = out.try_clone().map_err(|e| format!("cannot share {}: {e}", log.display()))?;
        let status = command
            .stdin(Stdio::null())
            .stdout(out)
            .stderr(err)
            .status()
            .map_err(|e| format!("cannot run {command:?}: {e}"))?;
        if status.success() {
            return Ok(());
        }
        let text = fs::read_to_string(log).unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(15).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        Err(format!("{command:?} failed ({status}):\n{}", tail.join("\n")))
    }

    /// Stops a cluster left in `dir` (if its postmaster may still run) and deletes `dir`.
    fn discard(dir: &Path, bin: &Path, as_root: bool) {
        let data = dir.join("data");
        if data.join("postmaster.pid").exists() {
            let _ = server_command(bin, "pg_ctl", as_root)
                .args(["stop", "-m", "immediate", "-D"])
                .arg(&data)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
        let _ = fs::remove_dir_all(dir);
    }

    /// Discards the clusters of earlier test processes that no longer exist.
    fn clean_leftovers(parent: &Path, bin: &Path, as_root: bool) {
        let Ok(entries) = fs::read_dir(parent) else { return };
        if !Path::new("/proc/self").exists() {
            return; // Without /proc, a live owner cannot be told from a dead one.
        }
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(DIR_PREFIX)) else { continue };
            let Ok(pid) = pid.parse::<u32>() else { continue };
            if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
                discard(&entry.path(), bin, as_root);
            }
        }
    }

    fn start(bin: &Path) -> Admin {
        let as_root = running_as_root();
        let parent = std::env::temp_dir();
        clean_leftovers(&parent, bin, as_root);
        let dir = parent.join(format!("{DIR_PREFIX}{}", std::process::id()));
        if dir.exists() {
            // A process with our pid ran before and was killed; its cluster is not ours.
            discard(&dir, bin, as_root);
        }
        let socket_dir = dir.join("socket");
        let data = dir.join("data");
        fs::create_dir_all(&socket_dir).map_err(|e| format!("cannot create {}: {e}", socket_dir.display()))?;
        if as_root {
            run(
                Command::new("chown").args(["-R", "postgres:postgres"]).arg(&dir),
                &parent.join(format!("{DIR_PREFIX}chown.log")),
            )?;
            let _ = fs::remove_file(parent.join(format!("{DIR_PREFIX}chown.log")));
        }

        // The watchdog first, so that whatever happens from here on is cleaned up.
        let script = r#"while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
            if [ -f "$3/postmaster.pid" ]; then
                if [ "$5" = root ]; then runuser -u postgres -- "$4" stop -m immediate -D "$3"
                else "$4" stop -m immediate -D "$3"; fi
            fi
            rm -rf "$2""#;
        Command::new("sh")
            .args(["-c", script, "oz-groups-pg-watchdog"])
            .arg(std::process::id().to_string())
            .arg(&dir)
            .arg(&data)
            .arg(bin.join("pg_ctl"))
            .arg(if as_root { "root" } else { "user" })
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group: a Ctrl-C meant for the tests must not kill it first.
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start the cluster's watchdog: {e}"))?;

        // No fsync during initdb (a test cluster that dies mid-initdb is simply redone); the
        // running server itself syncs every commit.
        run(
            server_command(bin, "initdb", as_root)
                .args(["-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync", "-D"])
                .arg(&data),
            &dir.join("initdb.log"),
        )?;
        let settings = format!(
            "\n# oz-groups test cluster\nlisten_addresses = ''\nunix_socket_directories = '{}'\nport = {PORT}\n\
             fsync = on\nsynchronous_commit = on\nmax_connections = 300\n",
            socket_dir.display()
        );
        fs::OpenOptions::new()
            .append(true)
            .open(data.join("postgresql.conf"))
            .and_then(|mut conf| conf.write_all(settings.as_bytes()))
            .map_err(|e| format!("cannot configure the cluster: {e}"))?;
        run(
            server_command(bin, "pg_ctl", as_root)
                .args(["start", "-w", "-t", "60", "-l"])
                .arg(dir.join("server.log"))
                .arg("-D")
                .arg(&data)
                .process_group(0),
            &dir.join("pg_ctl.log"),
        )?;
        Ok(format!("host={} port={PORT} user=postgres dbname=postgres", socket_dir.display()))
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::Instant;

    use super::test_cluster::fresh_database;
    use super::*;
    use crate::domain::Privilege;

    #[test]
    fn contention_outlasting_the_retries_is_unavailable_and_other_sql_errors_are_faults() {
        for code in ["08006", "08001", "57P01", "57P03", "40001", "40P01"] {
            assert!(unavailable_code(code), "{code} is a 503");
        }
        for code in ["23505", "23503", "42P01", "22P02", "XX000"] {
            assert!(!unavailable_code(code), "{code} is a 500");
        }
    }

    fn a_user(name_text: &str) -> User {
        User {
            id: UserId::generate(),
            name: Name::parse(name_text, "name").expect("a valid name"),
            alias: None,
            admin: false,
        }
    }

    fn a_group(name_text: &str) -> Group {
        Group {
            id: GroupId::generate(),
            name: Name::parse(name_text, "name").expect("a valid name"),
            kind: GroupType::Team,
        }
    }

    fn an_invite(group: &GroupId, max_uses: Option<u32>) -> TokenRecord {
        TokenRecord {
            id: format!("inv-{}", GroupId::generate()),
            grant: TokenGrant::GroupInviteUser { group: group.clone(), privileges: PrivilegeSet::default_member() },
            max_uses,
            uses: 0,
            revoked: false,
            created_at: 1_700_000_000,
        }
    }

    /// A plain connection to the test database, beside the store's pool.
    async fn raw(url: &str) -> tokio_postgres::Client {
        let (client, connection) = tokio_postgres::connect(url, NoTls).await.expect("a raw connection opens");
        tokio::spawn(connection);
        client
    }

    async fn applied_migrations(url: &str) -> Vec<(i64, i64)> {
        let rows = raw(url)
            .await
            .query("SELECT version, COUNT(*) FROM schema_migrations GROUP BY version ORDER BY version", &[])
            .await
            .expect("schema_migrations reads");
        rows.iter().map(|r| (r.get(0), r.get(1))).collect()
    }

    fn every_migration_once() -> Vec<(i64, i64)> {
        MIGRATIONS.iter().map(|m| (m.version, 1)).collect()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn two_instances_racing_500_joins_on_a_single_use_invite_admit_exactly_one() {
        let Some(url) = fresh_database().await else { return };
        // Two pools are two server instances: nothing in process memory orders their joins.
        let first = Arc::new(PostgresStore::connect(&url).await.expect("the first instance connects"));
        let second = Arc::new(PostgresStore::connect(&url).await.expect("the second instance connects"));

        let owner = a_user("owner");
        first.create_user(&owner).await.expect("create owner");
        let group = a_group("team");
        first.create_group(&group, &owner.id, PrivilegeSet::all()).await.expect("create group");
        let invite = an_invite(&group.id, Some(1));
        first.insert_token(&invite).await.expect("insert invite");

        let users: Vec<User> = (0..500).map(|i| a_user(&format!("racer {i}"))).collect();
        let creations = users.iter().enumerate().map(|(i, user)| {
            let store = if i % 2 == 0 { &first } else { &second };
            store.create_user(user)
        });
        for created in futures::future::join_all(creations).await {
            created.expect("create racer");
        }

        let barrier = Arc::new(tokio::sync::Barrier::new(users.len()));
        let tasks: Vec<_> = users
            .into_iter()
            .enumerate()
            .map(|(i, user)| {
                let store = if i % 2 == 0 { first.clone() } else { second.clone() };
                let (barrier, token) = (barrier.clone(), invite.id.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    store.join_with_token(&token, &user.id).await
                })
            })
            .collect();
        let mut outcomes = Vec::new();
        for result in futures::future::join_all(tasks).await {
            outcomes.push(result.expect("the task finishes").expect("the join succeeds"));
        }

        let joined = outcomes.iter().filter(|o| **o == JoinOutcome::Joined).count();
        let used_up = outcomes.iter().filter(|o| **o == JoinOutcome::TokenUsedUp).count();
        assert_eq!((joined, used_up), (1, 499));
        assert_eq!(second.get_token(&invite.id).await.map(|r| r.map(|r| r.uses)), Ok(Some(1)));
        assert_eq!(first.group_users(&group.id).await.map(|u| u.len()), Ok(2));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn four_instances_starting_at_once_on_a_new_database_apply_each_migration_once() {
        let Some(url) = fresh_database().await else { return };
        let barrier = Arc::new(tokio::sync::Barrier::new(4));
        let starts: Vec<_> = (0..4)
            .map(|_| {
                let (barrier, url) = (barrier.clone(), url.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    PostgresStore::connect(&url).await.map(|_| ())
                })
            })
            .collect();
        for started in futures::future::join_all(starts).await {
            assert_eq!(started.expect("the task finishes"), Ok(()));
        }
        assert_eq!(applied_migrations(&url).await, every_migration_once());
    }

    #[tokio::test]
    async fn reconnecting_keeps_the_data_and_applies_no_migration_twice() {
        let Some(url) = fresh_database().await else { return };
        let alice = a_user("alice");
        PostgresStore::connect(&url).await.expect("the store connects").create_user(&alice).await.expect("create");
        let store = PostgresStore::connect(&url).await.expect("the store connects again");
        assert_eq!(store.get_user(&alice.id).await, Ok(Some(alice)));
        assert_eq!(applied_migrations(&url).await, every_migration_once());
    }

    #[tokio::test]
    async fn a_database_from_a_newer_build_is_refused() {
        let Some(url) = fresh_database().await else { return };
        drop(PostgresStore::connect(&url).await.expect("the store connects"));
        raw(&url)
            .await
            .execute("INSERT INTO schema_migrations (version, applied_at) VALUES (9999, 0)", &[])
            .await
            .expect("the future version inserts");
        assert!(matches!(PostgresStore::connect(&url).await, Err(StoreError::Backend(_))));
    }

    #[tokio::test]
    async fn a_refused_connection_is_unavailable_at_once() {
        let started = Instant::now();
        let result = PostgresStore::connect("postgres://oz@127.0.0.1:1/x").await;
        assert!(matches!(result, Err(StoreError::Unavailable(_))), "{result:?}");
        assert!(started.elapsed() < CONNECT_TIMEOUT, "took {:?}", started.elapsed());
    }

    #[tokio::test]
    async fn a_server_that_never_answers_is_unavailable_within_the_connect_timeout() {
        // The kernel completes the TCP handshake for a listener nobody accepts from, so the
        // connection opens and then nothing ever answers the start-up message.
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a local port");
        let port = listener.local_addr().expect("the port").port();
        let started = Instant::now();
        let result = PostgresStore::connect(&format!("postgres://oz@127.0.0.1:{port}/x")).await;
        assert!(matches!(result, Err(StoreError::Unavailable(_))), "{result:?}");
        assert!(started.elapsed() < CONNECT_TIMEOUT + Duration::from_secs(2), "took {:?}", started.elapsed());
        drop(listener);
    }

    #[test]
    fn a_malformed_url_is_a_backend_error_that_does_not_quote_it() {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
        let result = runtime.block_on(PostgresStore::connect("postgres://u:s3cret@127.0.0.1:notaport/x"));
        match result {
            Err(StoreError::Backend(message)) => assert!(!message.contains("s3cret"), "{message}"),
            other => panic!("expected a backend error, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn lost_connections_and_shutdowns_are_unavailable_and_other_failures_are_backend_errors() {
        let Some(url) = fresh_database().await else { return };
        let doomed = raw(&url).await;
        // 57P01 (admin_shutdown), as when an administrator or a failover ends the session.
        let shutdown = doomed.simple_query("SELECT pg_terminate_backend(pg_backend_pid())").await;
        let shutdown = shutdown.expect_err("the session is terminated");
        assert_eq!(shutdown.code(), Some(&SqlState::ADMIN_SHUTDOWN));
        assert!(matches!(pg_error(&shutdown), StoreError::Unavailable(_)));
        // The connection is gone now.
        let closed = doomed.simple_query("SELECT 1").await.expect_err("the connection is closed");
        assert!(matches!(pg_error(&closed), StoreError::Unavailable(_)), "{closed}");

        let client = raw(&url).await;
        let division = client.simple_query("SELECT 1 / 0").await.expect_err("division by zero fails");
        assert!(matches!(pg_error(&division), StoreError::Backend(_)));
        let syntax = client.simple_query("SELEC 1").await.expect_err("a syntax error fails");
        assert!(matches!(pg_error(&syntax), StoreError::Backend(_)));
    }

    #[tokio::test]
    async fn backend_errors_quote_neither_token_identifiers_nor_user_ids() {
        let Some(url) = fresh_database().await else { return };
        let store = PostgresStore::connect(&url).await.expect("the store connects");
        let owner = a_user("owner");
        store.create_user(&owner).await.expect("create owner");
        let group = a_group("team");
        store.create_group(&group, &owner.id, PrivilegeSet::all()).await.expect("create group");
        let invite = an_invite(&group.id, Some(1));
        store.insert_token(&invite).await.expect("insert invite");

        // The foreign-key violation's DETAIL names the missing user; the message must not.
        let ghost = UserId::generate();
        match store.join_with_token(&invite.id, &ghost).await {
            Err(StoreError::Backend(message)) => {
                assert!(!message.contains(&invite.id) && !message.contains(ghost.as_str()), "{message}");
            }
            other => panic!("expected a backend error, got {other:?}"),
        }
        match store.insert_token(&invite).await {
            Err(StoreError::Backend(message)) => assert!(!message.contains(&invite.id), "{message}"),
            other => panic!("expected a backend error, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn rows_that_do_not_decode_into_domain_values_are_backend_errors() {
        let Some(url) = fresh_database().await else { return };
        let store = PostgresStore::connect(&url).await.expect("the store connects");
        raw(&url)
            .await
            .batch_execute(
                "INSERT INTO users (id, name, alias, admin) VALUES ('bad-name', '', NULL, FALSE);
                 INSERT INTO groups (id, name, type) VALUES ('bad-type', 'g', 'club');
                 INSERT INTO groups (id, name, type) VALUES ('bad/id', 'g', 'team');
                 INSERT INTO tokens (id, kind, created_at) VALUES ('odd-kind', 'space_invite', 0);
                 INSERT INTO tokens (id, kind, created_at) VALUES ('no-group', 'group_invite_user', 0);",
            )
            .await
            .expect("the bad rows insert");

        let is_backend = |r: StoreResult<()>| matches!(r, Err(StoreError::Backend(_)));
        let bad_user = UserId::parse("bad-name").expect("a valid id");
        assert!(is_backend(store.get_user(&bad_user).await.map(|_| ())));
        let bad_group = GroupId::parse("bad-type").expect("a valid id");
        assert!(is_backend(store.get_group(&bad_group).await.map(|_| ())));
        assert!(is_backend(store.list_groups().await.map(|_| ())));
        assert!(is_backend(store.get_token("odd-kind").await.map(|_| ())));
        assert!(is_backend(store.get_token("no-group").await.map(|_| ())));
        match store.join_with_token("no-group", &UserId::generate()).await {
            Err(StoreError::Backend(message)) => assert!(!message.contains("no-group"), "{message}"),
            other => panic!("expected a backend error, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn sessions_commit_synchronously_and_time_statements_out() {
        let Some(url) = fresh_database().await else { return };
        let store = PostgresStore::connect(&url).await.expect("the store connects");
        let client = store.pool.get().await.expect("a pooled connection");
        let setting = |name: &'static str| {
            let client = &client;
            async move {
                let row = client.query_one("SELECT current_setting($1)", &[&name]).await.expect("the setting reads");
                row.get::<_, String>(0)
            }
        };
        assert_eq!(setting("synchronous_commit").await, "on");
        assert_eq!(setting("fsync").await, "on");
        assert_eq!(setting("statement_timeout").await, "5s");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn calls_abandoned_midway_leave_no_transaction_open_for_later_calls() {
        let Some(url) = fresh_database().await else { return };
        let store = PostgresStore::connect(&url).await.expect("the store connects");
        let owner = a_user("owner");
        store.create_user(&owner).await.expect("create owner");
        // Dropping each call's future at a different point: some before their transaction
        // starts, some inside it, some after the commit was sent.
        for i in 0..40u64 {
            let group = a_group("abandoned");
            let call = store.create_group(&group, &owner.id, PrivilegeSet::all());
            let _ = tokio::time::timeout(Duration::from_micros(50 * i), call).await;
        }
        let group = a_group("kept");
        store.create_group(&group, &owner.id, PrivilegeSet::all()).await.expect("a later call works");
        assert_eq!(store.membership(&group.id, &owner.id).await, Ok(Some(PrivilegeSet::all())));

        // Every group that exists came with its membership: no call was half applied.
        let client = raw(&url).await;
        let orphans: i64 = client
            .query_one(
                "SELECT COUNT(*) FROM groups g WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = g.id)",
                &[],
            )
            .await
            .expect("the count reads")
            .get(0);
        assert_eq!(orphans, 0);
        // And no session of this database is left inside a transaction.
        tokio::time::sleep(Duration::from_millis(200)).await;
        let open: i64 = client
            .query_one(
                "SELECT COUNT(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
                &[],
            )
            .await
            .expect("the count reads")
            .get(0);
        assert_eq!(open, 0);
    }

    #[tokio::test]
    async fn a_group_invite_keeps_its_privilege_bits_exactly() {
        let Some(url) = fresh_database().await else { return };
        let store = PostgresStore::connect(&url).await.expect("the store connects");
        let set = PrivilegeSet::from_iter([Privilege::RemoveUser, Privilege::CreateSpaceToken]);
        let invite = TokenRecord {
            grant: TokenGrant::GroupInviteUser { group: GroupId::generate(), privileges: set },
            ..an_invite(&GroupId::generate(), Some(3))
        };
        store.insert_token(&invite).await.expect("insert invite");
        assert_eq!(store.get_token(&invite.id).await, Ok(Some(invite)));
    }

    #[test]
    fn backoff_grows_and_stays_small() {
        for attempt in 2..=MAX_ATTEMPTS {
            let wait = backoff(attempt);
            assert!(wait >= Duration::from_millis(1) && wait <= Duration::from_millis(150), "{wait:?}");
        }
    }
}
