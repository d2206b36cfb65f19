//! `PostgresStore`: the `Store` over a PostgreSQL server, shared by any number of server
//! instances. It owns the connection pool, the timeouts, the retry of serialization failures and
//! the migrations; it must not hold schema anywhere but in `migrations/postgres/`.
//!
//! - `retry`: how every call runs (timeout, pooled connection, the one retry loop).
//! - `join`: the join, one statement whose answer the shared decision order reads, alone
//!   (`JOIN`) or for a batch of joins (`JOIN_BATCH`).
//! - `batch`: the group commit of joins (an instance's concurrent joins share one transaction)
//!   and the batched token lookups of authentication (one statement for many).
//! - `pages`: pages of the lists, keyset queries.
//! - `nested`: nested groups, the nested join (under one advisory lock) and the effective
//!   queries (over the maintained closure).
//! - `migrate`, `rows`, `errors`: PostgreSQL's side of the migrations, of row decoding and of
//!   error classification; what both SQL backends share is in `store::sql`.
//!
//! The SQL is standard SQL (but for the exceptions listed below). Every write but the join runs
//! in a `SERIALIZABLE` transaction that is retried whole when the database reports a
//! serialization failure (`40001`) or a deadlock (`40P01`), and relies on that and on nothing
//! else. The join is one statement in a `READ COMMITTED` transaction (`BEGIN` sent with it,
//! `COMMIT` once its answer is read) and takes row locks instead (see `join`): racing joins on one
//! invite queue on the token's row rather than abort one another, and joins of different
//! invites no longer abort each other over shared index pages (bench 2026-11-30: ~1,500 retries
//! in 10 s and 503s when they ran out). The same retry loop still covers it, which is what keeps
//! it correct on a PostgreSQL-wire distributed engine (CockroachDB, YugabyteDB) that reports
//! `40001` where PostgreSQL would wait.
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
//! - **The join's one statement, in a transaction at the default `READ COMMITTED`, with
//!   `SELECT … FOR UPDATE` on the token (a group's deletion marks its tokens), `INSERT … ON CONFLICT DO
//!   NOTHING` and a data-modifying `WITH`** (it reads the token, checks the group and
//!   membership and writes both rows). A database whose `default_transaction_isolation` is
//!   `serializable` runs it so: correct, with retries. On PostgreSQL a join that waits
//!   for the token's lock then reads the row as the other join committed it, so nothing aborts.
//!   CockroachDB (≥ 23.2) runs `READ COMMITTED` only when the cluster setting
//!   `sql.txn.read_committed_isolation.enabled` allows it and otherwise silently upgrades the
//!   transaction to `SERIALIZABLE`; there `FOR UPDATE` still queues most racers, but its locks are
//!   best-effort and a conflict can still end in `40001`, retried like any write (correct, with
//!   the old retries). Under its `READ COMMITTED` a conflicting statement is re-run inside the
//!   server instead of re-evaluating the locked row as PostgreSQL does; the outcome is the same.
//!   YugabyteDB honours `READ COMMITTED` only with the `yb_enable_read_committed_isolation` flag;
//!   without it the level maps to snapshot isolation, where a join that finds the token changed
//!   since its snapshot fails with `40001` ("concurrent update") and is retried. Both engines
//!   accept `ON CONFLICT … DO NOTHING` and the data-modifying `WITH` (each table is written once).
//!   In every case the count stays exact because the guarded `UPDATE` repeats the use checks.
//! - The retry itself is client-side and re-runs the whole transaction; CockroachDB's optional
//!   `SAVEPOINT cockroach_restart` protocol is not needed and not used.

mod batch;
mod errors;
mod join;

/// The join's one statement, for the benchmark's pgbench run of the same transaction.
pub use join::JOIN as JOIN_STATEMENT;

/// `JOIN_STATEMENT`'s `$5`..`$9`, the issuer check's bits (see the statement), for the
/// benchmark's pgbench run; `$4` is the time for the join record.
pub fn join_issuer_bits() -> [i64; 5] {
    let bits = join::IssuerBits::for_user_invites();
    [bits.need_default, bits.need_more, bits.default, bits.zone_default, bits.zone_more]
}
mod migrate;
mod named;
mod nested;
mod pages;
mod retry;
mod rows;
#[cfg(test)]
mod tests;
mod zone;

use std::collections::HashMap;
use std::time::Duration;

use async_trait::async_trait;
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use tokio_postgres::{IsolationLevel, NoTls, Row};

use self::errors::Failure;
use self::rows::{execute, get_token_in, id_list, insert_membership, query, query_one, query_opt, token_row, user_row};
use super::sql::migrate::Migration;
use super::sql::zone::Changed;
use super::sql::{self, GroupRow, TokenRow};
use super::{
    AddOutcome, Guarded, JoinOutcome, JoinRecord, LinkOutcome, NamedTokenUpdate, Origin, Store, StoreError,
    StoreResult, TokenGrant, TokenRecord, TokenWrite, UserUpdate, HEALTH_PROBE, KEY_FINGERPRINT,
};
use crate::domain::{
    Group, GroupId, GroupType, Name, Page, PageRequest, PrivilegeSet, User, UserId, ZoneChange, ZoneHolder,
    ZonePrivilegeSet,
};

/// The statement `token_and_user` decodes, for the tokens `$where` picks: the token's row, then
/// its user's from column 14.
macro_rules! token_and_user_sql {
    ($where:literal) => {
        concat!(
            "SELECT t.id, t.kind, t.user_id, t.group_id, t.privileges, t.max_uses, t.uses, t.revoked,
                    t.created_at, t.issuer_id, t.name, t.caveats, t.valid_until, t.custom_metadata,
                    u.id, u.name, u.alias, u.login
             FROM tokens t LEFT JOIN users u ON u.id = t.user_id ",
            $where
        )
    };
}

/// Connections per pool, that is per server instance, unless `--database-pool-size` says
/// otherwise. Enough for a small server's concurrent requests; PostgreSQL's default
/// `max_connections` (100) leaves room for several instances.
const POOL_SIZE: usize = crate::config::DEFAULT_POOL_SIZE as usize;

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

/// Every migration, oldest first. A released entry must never change: add a new file instead.
const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, sql: include_str!("../../../migrations/postgres/0001_initial.sql") },
    Migration { version: 2, sql: include_str!("../../../migrations/postgres/0002_memberships_by_group.sql") },
    Migration { version: 3, sql: include_str!("../../../migrations/postgres/0003_settings.sql") },
    Migration { version: 4, sql: include_str!("../../../migrations/postgres/0004_join_without_group_lock.sql") },
    Migration { version: 5, sql: include_str!("../../../migrations/postgres/0005_user_login_password.sql") },
    Migration { version: 6, sql: include_str!("../../../migrations/postgres/0006_zone_privileges.sql") },
    Migration { version: 7, sql: include_str!("../../../migrations/postgres/0007_nested_groups.sql") },
    Migration { version: 8, sql: include_str!("../../../migrations/postgres/0008_named_tokens.sql") },
    Migration { version: 9, sql: include_str!("../../../migrations/postgres/0009_memberships_key_probed_first.sql") },
    Migration {
        version: 10,
        sql: include_str!("../../../migrations/postgres/0010_group_links_key_covers_privileges.sql"),
    },
];

/// A `Store` over a PostgreSQL database, through a pool of `tokio-postgres` connections.
///
/// Writes run as `SERIALIZABLE` transactions, retried whole on a serialization failure or a
/// deadlock, so every method is atomic; `join_with_token` is one statement at `READ COMMITTED`
/// under row locks (`join`), shared with the joins queued beside it (`batch`), and cannot count
/// more uses than `max_uses` however many instances race on one token. Reads are single
/// statements, which see one consistent snapshot without a transaction. `synchronous_commit` stays at its default
/// (`on`), so a call returns `Ok` only after its commit reached the server's disk.
///
/// A call whose future is dropped, or that overruns `CALL_TIMEOUT`, discards its connection
/// instead of returning it to the pool: the server then rolls back whatever was open, and no
/// later call can inherit a half-finished transaction.
#[derive(Clone)]
pub struct PostgresStore {
    pool: Pool,
    /// The group commit of joins (`batch`); `None` in the batching tasks' own copies, which run
    /// them.
    joins: Option<batch::Joins>,
    /// The batched token lookups of authentication (`batch`); `None` likewise.
    lookups: Option<batch::TokenLookups>,
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
        Self::connect_with_pool(url, POOL_SIZE).await
    }

    /// `connect` with a pool of `pool_size` connections (at least one).
    pub async fn connect_with_pool(url: &str, pool_size: usize) -> Result<PostgresStore, StoreError> {
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
            .max_size(pool_size.max(1))
            .runtime(Runtime::Tokio1)
            .create_timeout(Some(CONNECT_TIMEOUT))
            .recycle_timeout(Some(CONNECT_TIMEOUT))
            .wait_timeout(Some(CALL_TIMEOUT))
            .build()
            .map_err(|e| StoreError::Backend(format!("cannot build the connection pool: {e}")))?;
        let unbatched = PostgresStore { pool, joins: None, lookups: None };
        unbatched.migrate().await?;
        let joins = batch::Joins::start(unbatched.clone());
        let lookups = batch::TokenLookups::start(unbatched.clone());
        Ok(PostgresStore { joins: Some(joins), lookups: Some(lookups), ..unbatched })
    }

    /// The token `id` and, for an access token, its user, in one statement: what `batch` runs
    /// for a lone lookup.
    pub(super) async fn token_and_user_alone(&self, id: &str) -> StoreResult<Option<TokenAndUser>> {
        self.read(id, |client, id| {
            Box::pin(async move {
                let sql = token_and_user_sql!("WHERE t.id = $1");
                match query_opt(client, sql, &[&id]).await? {
                    Some(row) => Ok(Some(token_and_user(&row)?)),
                    None => Ok(None),
                }
            })
        })
        .await
    }

    /// The tokens of `ids` that exist, each with its user as `token_and_user_alone` reads it,
    /// in one statement. A row that does not decode is that token's error alone.
    pub(super) async fn tokens_and_users(
        &self,
        ids: &[String],
    ) -> StoreResult<HashMap<String, StoreResult<TokenAndUser>>> {
        self.read(ids, |client, ids| {
            Box::pin(async move {
                let sql = token_and_user_sql!("WHERE t.id = ANY($1)");
                let rows = query(client, sql, &[&ids]).await?;
                let mut found = HashMap::with_capacity(rows.len());
                for row in rows {
                    let id: String = row.try_get(0)?;
                    found.insert(id, token_and_user(&row).map_err(StoreError::from));
                }
                Ok(found)
            })
        })
        .await
    }
}

/// A token and, for an access token, its user (`Store::token_and_user`).
pub(super) type TokenAndUser = (TokenRecord, Option<User>);

/// Decodes a row of `token_and_user_sql!`.
fn token_and_user(row: &Row) -> Result<TokenAndUser, Failure> {
    let record = token_row(row)?.decode()?;
    let user = match (&record.grant, row.try_get::<_, Option<String>>(14)?) {
        (TokenGrant::Access { .. }, Some(_)) => Some(user_row(row, 14)?.decode()?),
        _ => None,
    };
    Ok((record, user))
}

#[async_trait]
impl Store for PostgresStore {
    async fn create_user_with_privileges(&self, user: &User, zone: ZonePrivilegeSet) -> StoreResult<bool> {
        self.create_user_in(user, zone).await
    }

    async fn list_users(&self) -> StoreResult<Vec<UserId>> {
        self.list_users_in().await
    }

    async fn list_users_page(&self, page: PageRequest) -> StoreResult<Page<UserId>> {
        self.list_users_page_in(page).await
    }

    async fn delete_user(&self, id: &UserId) -> StoreResult<Guarded> {
        self.delete_user_in(id).await
    }

    async fn zone_privileges(&self, holder: &ZoneHolder) -> StoreResult<Option<ZonePrivilegeSet>> {
        self.zone_privileges_in(holder).await
    }

    async fn change_zone_privileges(&self, holder: &ZoneHolder, change: ZoneChange) -> StoreResult<bool> {
        self.change_zone_privileges_in(holder, change).await
    }

    async fn effective_zone_privileges(&self, user: &UserId) -> StoreResult<ZonePrivilegeSet> {
        self.effective_zone_privileges_in(user).await
    }

    async fn user_by_login(&self, login: &str) -> StoreResult<Option<(User, Option<String>)>> {
        self.read(login, |client, login| {
            Box::pin(async move {
                let sql = "SELECT id, name, alias, login, password_hash FROM users WHERE login = $1";
                let Some(row) = query_opt(client, sql, &[&login]).await? else { return Ok(None) };
                let hash: Option<String> = row.try_get(4)?;
                Ok(Some((user_row(&row, 0)?.decode()?, hash)))
            })
        })
        .await
    }

    async fn set_password_hash(&self, user: &UserId, hash: Option<&str>) -> StoreResult<bool> {
        self.write(&(user.as_str(), hash), |tx, (user, hash)| {
            Box::pin(async move {
                let changed = execute(tx, "UPDATE users SET password_hash = $2 WHERE id = $1", &[user, hash]).await?;
                Ok(changed == 1)
            })
        })
        .await
    }

    async fn get_user(&self, id: &UserId) -> StoreResult<Option<User>> {
        self.read(id.as_str(), |client, id| {
            Box::pin(async move {
                let row = query_opt(client, "SELECT id, name, alias, login FROM users WHERE id = $1", &[&id]).await?;
                let Some(row) = row else { return Ok(None) };
                Ok(Some(user_row(&row, 0)?.decode()?))
            })
        })
        .await
    }

    async fn update_user(
        &self,
        id: &UserId,
        name: Option<&Name>,
        alias: Option<Option<&Name>>,
    ) -> StoreResult<UserUpdate> {
        let args = (id.as_str(), name.map(Name::as_str), alias.is_some(), alias.flatten().map(Name::as_str));
        self.write(&args, |tx, (id, name, set_alias, alias)| {
            Box::pin(async move {
                // Check, then update, in one serializable transaction: two users racing for one
                // alias conflict, and the retry of the loser sees it taken (the unique index
                // stands behind it).
                if alias.is_some() {
                    let sql = "SELECT EXISTS (SELECT 1 FROM users WHERE alias = $1 AND id <> $2)";
                    let rows = query(tx, sql, &[alias, id]).await?;
                    let taken: bool = rows.first().map(|row| row.try_get(0)).transpose()?.unwrap_or(false);
                    if taken {
                        return Ok(UserUpdate::AliasTaken);
                    }
                }
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
                Ok(if changed == 1 { UserUpdate::Updated } else { UserUpdate::NoSuchUser })
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

    async fn users_named(&self, name: &str) -> StoreResult<Vec<User>> {
        self.read(name, |client, name| {
            Box::pin(async move {
                let sql = "SELECT id, name, alias, login FROM users
                           WHERE login = $1 OR name = $1 OR alias = $1 ORDER BY seq";
                let rows = query(client, sql, &[&name]).await?;
                rows.iter().map(|row| Ok(user_row(row, 0)?.decode()?)).collect()
            })
        })
        .await
    }

    async fn key_fingerprint(&self) -> StoreResult<Option<String>> {
        self.read(KEY_FINGERPRINT, |client, name| {
            Box::pin(async move {
                let row = query_opt(client, "SELECT value FROM settings WHERE name = $1", &[&name]).await?;
                Ok(row.map(|r| r.try_get(0)).transpose()?)
            })
        })
        .await
    }

    async fn claim_key_fingerprint(&self, fingerprint: &str) -> StoreResult<String> {
        // SERIALIZABLE and retried: of two instances recording different fingerprints at once,
        // the second's transaction reads the first's row (or is retried until it does).
        self.write(fingerprint, |tx, fingerprint| {
            Box::pin(async move {
                let insert = "INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING";
                execute(tx, insert, &[&KEY_FINGERPRINT, &fingerprint]).await?;
                let row = query_one(tx, "SELECT value FROM settings WHERE name = $1", &[&KEY_FINGERPRINT]).await?;
                Ok(row.try_get(0)?)
            })
        })
        .await
    }

    async fn probe_write(&self, now_unix: u64) -> StoreResult<()> {
        let now = now_unix.to_string();
        self.write(now.as_str(), |tx, now| {
            Box::pin(async move {
                let upsert = "INSERT INTO settings (name, value) VALUES ($1, $2)
                              ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value";
                execute(tx, upsert, &[&HEALTH_PROBE, &now]).await?;
                Ok(())
            })
        })
        .await
    }

    async fn insert_token(&self, record: &TokenRecord) -> StoreResult<TokenWrite> {
        self.write(record, |tx, record| {
            Box::pin(async move {
                let row = TokenRow::encode(record)?;
                // A name is unique per issuer; without one, `tokens_named` (NULLs distinct)
                // would not hold it unique at all.
                if row.name.is_some() && row.issuer_id.is_none() {
                    return Err(Failure::Row("a named token has no issuer".into()));
                }
                // An invite's group is read `FOR KEY SHARE`: a deletion of the group under way
                // is waited for (and the token stored marked gone), one that starts now waits
                // for this insert and then marks the token itself (0004_join_without_group_lock).
                // A name its issuer has already is no row stored (`tokens_named`; a concurrent
                // insert of the name is waited for, then seen).
                let stored = execute(
                    tx,
                    "INSERT INTO tokens
                         (id, kind, user_id, group_id, privileges, max_uses, uses, revoked, created_at,
                          issuer_id, name, caveats, valid_until, custom_metadata, group_gone)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                             $4::text IS NOT NULL
                             AND NOT EXISTS (SELECT 1 FROM groups WHERE id = $4::text FOR KEY SHARE))
                     ON CONFLICT (issuer_id, name) WHERE name IS NOT NULL DO NOTHING",
                    &[
                        &row.id,
                        &row.kind,
                        &row.user_id,
                        &row.group_id,
                        &row.privileges,
                        &row.max_uses,
                        &row.uses,
                        &row.revoked,
                        &row.created_at,
                        &row.issuer_id,
                        &row.name,
                        &row.caveats,
                        &row.valid_until,
                        &row.custom_metadata,
                    ],
                )
                .await?;
                Ok(if stored == 1 { TokenWrite::Done } else { TokenWrite::NameTaken })
            })
        })
        .await
    }

    async fn get_token(&self, id: &str) -> StoreResult<Option<TokenRecord>> {
        self.read(id, |client, id| Box::pin(get_token_in(client, id))).await
    }

    async fn token_and_user(&self, id: &str) -> StoreResult<Option<TokenAndUser>> {
        match &self.lookups {
            Some(lookups) => lookups.call(id.to_owned()).await,
            None => self.token_and_user_alone(id).await,
        }
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
                insert_membership(tx, group.id.as_str(), creator.as_str(), *privileges, None).await
            })
        })
        .await
    }

    async fn get_group(&self, id: &GroupId) -> StoreResult<Option<Group>> {
        self.read(id.as_str(), |client, id| {
            Box::pin(async move {
                let row = query_opt(client, "SELECT id, name, type FROM groups WHERE id = $1", &[&id]).await?;
                let Some(row) = row else { return Ok(None) };
                let group = GroupRow { id: row.try_get(0)?, name: row.try_get(1)?, kind: row.try_get(2)? };
                Ok(Some(group.decode()?))
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

    async fn delete_group(&self, id: &GroupId) -> StoreResult<Guarded> {
        // `READ COMMITTED`, so that each statement sees what committed before it started: the
        // order of the three is what keeps a racing join from leaving a membership behind
        // (0004_join_without_group_lock; memberships have no foreign key to groups here).
        // 1. The group's row: waits for an invite being minted for it (`insert_token`).
        // 2. Its tokens, marked gone: waits for a join holding one of them; a join that comes
        //    later reads the mark and adds nothing.
        // 3. Its memberships, including any a join of step 2 added. Token records stay, as the
        //    trait requires, so that a join can still answer "group gone".
        // 0. `LINK_LOCK` first (nested.rs), as every change of the links takes it before any
        //    row lock: the deletion changes the group's links and their closure.
        self.write_at(IsolationLevel::ReadCommitted, id.as_str(), |tx, id| {
            Box::pin(async move {
                nested::lock_links(tx).await?;
                // The last-manager rule, for each parent it is a child of: their rows and its
                // own marked in one sorted step (`zone::mark_managers_changed`).
                let rows = query(tx, "SELECT parent_id FROM group_links WHERE child_id = $1", &[&id]).await?;
                let parents = rows.iter().map(|r| r.try_get(0)).collect::<Result<Vec<String>, _>>()?;
                let mut marked: Vec<&str> = parents.iter().map(String::as_str).chain([id]).collect();
                marked.sort_unstable();
                zone::mark_managers_changed(tx, &marked).await?;
                for parent in &parents {
                    if let refused @ Guarded::LastManager(_) =
                        zone::decide(tx, parent, Changed::Child(id), None).await?
                    {
                        return Ok(refused);
                    }
                }
                let deleted = execute(tx, "DELETE FROM groups WHERE id = $1", &[&id]).await?;
                execute(tx, "UPDATE tokens SET group_gone = TRUE WHERE group_id = $1", &[&id]).await?;
                execute(tx, "DELETE FROM memberships WHERE group_id = $1", &[&id]).await?;
                // 4. Its links both ways (a nested join, holding `LINK_LOCK`, has committed or
                //    will read the group gone), the closure of what was below it rebuilt
                //    without them, then the group's own closure rows.
                let links =
                    execute(tx, "DELETE FROM group_links WHERE parent_id = $1 OR child_id = $1", &[&id]).await?;
                if links > 0 {
                    nested::reclose_below(tx, id).await?;
                }
                execute(tx, "DELETE FROM group_closure WHERE ancestor = $1 OR descendant = $1 OR via = $1", &[&id])
                    .await?;
                Ok(if deleted == 1 { Guarded::Done } else { Guarded::Missing })
            })
        })
        .await
    }

    async fn list_groups(&self) -> StoreResult<Vec<GroupId>> {
        self.read(&(), |client, ()| {
            Box::pin(async move { id_list(client, "SELECT id FROM groups ORDER BY seq", &[], sql::group_id).await })
        })
        .await
    }

    async fn user_groups(&self, user: &UserId) -> StoreResult<Vec<GroupId>> {
        self.read(user.as_str(), |client, user| {
            Box::pin(async move {
                let select = "SELECT group_id FROM memberships WHERE user_id = $1 ORDER BY seq";
                id_list(client, select, &[&user], sql::group_id).await
            })
        })
        .await
    }

    async fn group_users(&self, group: &GroupId) -> StoreResult<Vec<UserId>> {
        self.read(group.as_str(), |client, group| {
            Box::pin(async move {
                let select = "SELECT user_id FROM memberships WHERE group_id = $1 ORDER BY seq";
                id_list(client, select, &[&group], sql::user_id).await
            })
        })
        .await
    }

    async fn list_groups_page(&self, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.list_groups_page_in(page).await
    }

    async fn user_groups_page(&self, user: &UserId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.user_groups_page_in(user, page).await
    }

    async fn group_users_page(&self, group: &GroupId, page: PageRequest) -> StoreResult<Page<UserId>> {
        self.group_users_page_in(group, page).await
    }

    async fn child_groups_page(&self, parent: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.child_groups_page_in(parent, page).await
    }

    async fn parent_groups_page(&self, child: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.parent_groups_page_in(child, page).await
    }

    async fn inherited_users_page(
        &self,
        group: &GroupId,
        joined_after: u64,
        page: PageRequest,
    ) -> StoreResult<Page<(UserId, u64)>> {
        self.inherited_users_page_in(group, joined_after, page).await
    }

    async fn inherited_groups_page(
        &self,
        user: &UserId,
        joined_after: u64,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        self.inherited_groups_page_in(user, joined_after, page).await
    }

    async fn group_users_page_with_seq(&self, group: &GroupId, page: PageRequest) -> StoreResult<Page<(UserId, u64)>> {
        self.group_users_page_with_seq_in(group, page).await
    }

    async fn user_groups_page_with_seq(&self, user: &UserId, page: PageRequest) -> StoreResult<Page<(GroupId, u64)>> {
        self.user_groups_page_with_seq_in(user, page).await
    }

    async fn child_groups_page_with_seq(
        &self,
        parent: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        self.child_groups_page_with_seq_in(parent, page).await
    }

    async fn parent_groups_page_with_seq(
        &self,
        child: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        self.parent_groups_page_with_seq_in(child, page).await
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
                row.map(|row| Ok(sql::privileges(row.try_get(0)?)?)).transpose()
            })
        })
        .await
    }

    async fn set_privileges(&self, group: &GroupId, user: &UserId, privileges: PrivilegeSet) -> StoreResult<Guarded> {
        self.set_privileges_in(group, user, privileges).await
    }

    async fn remove_member(&self, group: &GroupId, user: &UserId) -> StoreResult<Guarded> {
        self.remove_member_in(group, user).await
    }

    async fn add_member(
        &self,
        group: &GroupId,
        user: &UserId,
        privileges: PrivilegeSet,
        by: &UserId,
    ) -> StoreResult<AddOutcome> {
        self.add_member_in(group, user, privileges, by).await
    }

    async fn join_with_token(&self, token_id: &str, user: &UserId) -> StoreResult<JoinOutcome> {
        match &self.joins {
            Some(joins) => joins.call((token_id.to_owned(), user.as_str().to_owned())).await,
            None => self.join_alone(token_id, user.as_str()).await,
        }
    }

    async fn child_groups(&self, parent: &GroupId) -> StoreResult<Vec<GroupId>> {
        self.child_groups_in(parent).await
    }

    async fn parent_groups(&self, child: &GroupId) -> StoreResult<Vec<GroupId>> {
        self.parent_groups_in(child).await
    }

    async fn link(&self, parent: &GroupId, child: &GroupId) -> StoreResult<Option<PrivilegeSet>> {
        self.link_in(parent, child).await
    }

    async fn set_link_privileges(
        &self,
        parent: &GroupId,
        child: &GroupId,
        privileges: PrivilegeSet,
    ) -> StoreResult<Guarded> {
        self.set_link_privileges_in(parent, child, privileges).await
    }

    async fn unlink(&self, parent: &GroupId, child: &GroupId) -> StoreResult<Guarded> {
        self.unlink_in(parent, child).await
    }

    async fn link_with_token(&self, token_id: &str, child: &GroupId) -> StoreResult<LinkOutcome> {
        self.link_with_token_in(token_id, child).await
    }

    async fn effective_privileges_at_least(
        &self,
        group: &GroupId,
        user: &UserId,
        enough: PrivilegeSet,
    ) -> StoreResult<Option<PrivilegeSet>> {
        self.effective_privileges_in(group, user, enough).await
    }

    #[cfg(test)]
    async fn effective_users(&self, group: &GroupId) -> StoreResult<Vec<UserId>> {
        self.effective_users_in(group).await
    }

    #[cfg(test)]
    async fn effective_groups(&self, user: &UserId) -> StoreResult<Vec<GroupId>> {
        self.effective_groups_in(user).await
    }

    async fn named_tokens(&self, issuer: &UserId, page: PageRequest) -> StoreResult<Page<String>> {
        self.named_tokens_in(issuer, page).await
    }

    async fn named_token_by_name(&self, issuer: &UserId, name: &str) -> StoreResult<Option<TokenRecord>> {
        self.named_token_by_name_in(issuer, name).await
    }

    async fn update_named_token(&self, id: &str, update: &NamedTokenUpdate) -> StoreResult<TokenWrite> {
        self.update_named_token_in(id, update).await
    }

    async fn delete_token(&self, id: &str) -> StoreResult<bool> {
        self.delete_token_in(id).await
    }

    async fn delete_named_tokens(&self, issuer: &UserId) -> StoreResult<u64> {
        self.delete_named_tokens_in(issuer).await
    }

    async fn group_invites(&self, group: &GroupId, now_unix: u64, page: PageRequest) -> StoreResult<Page<TokenRecord>> {
        self.group_invites_in(group, now_unix, page).await
    }

    async fn token_joins(&self, token_id: &str, page: PageRequest) -> StoreResult<Page<JoinRecord>> {
        self.token_joins_in(token_id, page).await
    }

    async fn member_origin(&self, group: &GroupId, user: &UserId) -> StoreResult<Option<Origin>> {
        self.member_origin_in(group, user).await
    }
}
