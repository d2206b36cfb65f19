//! `SqliteStore`: the durable `Store`, one SQLite file shared by the server and the CLI. It owns
//! the connections, the pragmas and the migrations; it must not hold schema anywhere but in
//! `migrations/sqlite/`, nor let an async worker thread wait on SQLite's locks or its writes.
//!
//! - `writer`: the group-commit writer thread, its batches and savepoints, and its pragmas.
//! - `checkpointer`: the thread that copies the log into the database beside the writer.
//! - `readers`: the read-only connections and the blocking pool the reads run on.
//! - `join`: the join, the shared decision order over SQLite's statements.
//! - `pages`: pages of the lists, keyset queries on the readers.
//! - `nested`: nested groups, their closure, the nested join and the effective queries.
//! - `migrate`, `rows`, `errors`: SQLite's side of the migrations, of row decoding and of
//!   error classification; what both SQL backends share is in `store::sql`.

mod checkpointer;
mod errors;
mod join;
mod migrate;
mod named;
mod nested;
mod pages;
mod readers;
mod rows;
#[cfg(test)]
mod tests;
mod wal_writes;
mod writer;
mod zone;

use std::future::Future;
use std::path::Path;
use std::sync::atomic::AtomicUsize;
use std::sync::{mpsc, Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::thread::JoinHandle;
use std::time::Duration;

use async_trait::async_trait;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use self::errors::{sql_error, Failure};
use self::readers::{open_inline_reader, open_reader, INLINE_READERS, READERS};
use self::rows::{get_token_in, id_list, insert_membership, token_row, user_row, MemberOrigin};
use self::writer::{configure_writer, run_writer, Request, Stats};
use super::sql::migrate::Migration;
use super::sql::zone::Changed;
use super::sql::{self, GroupRow, TokenRow, UserRow};
use super::{
    AddOutcome, Guarded, JoinOutcome, JoinRecord, LinkOutcome, NamedTokenUpdate, Origin, Store, StoreError,
    StoreResult, TokenGrant, TokenRecord, TokenWrite, UserUpdate, HEALTH_PROBE, KEY_FINGERPRINT,
};
use crate::domain::{
    Group, GroupId, GroupType, Name, Page, PageRequest, PrivilegeSet, User, UserId, ZoneChange, ZoneHolder,
    ZonePrivilegeSet,
};

/// How long a statement waits for another connection's lock before giving up. The CLI
/// (`oz-groups user add`) writes to the file while the server has it open; five seconds lets
/// either wait out the other's short transactions instead of failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// A user's groups in join order (`memberships_by_user` alone, 0009).
const USER_GROUPS: &str = "SELECT group_id FROM memberships WHERE user_id = ?1 ORDER BY seq";

/// Every migration, oldest first. A released entry must never change: add a new file instead.
const MIGRATIONS: &[Migration] = &[
    Migration { version: 1, sql: include_str!("../../../migrations/sqlite/0001_initial.sql") },
    Migration { version: 2, sql: include_str!("../../../migrations/sqlite/0002_memberships_by_group.sql") },
    Migration { version: 3, sql: include_str!("../../../migrations/sqlite/0003_settings.sql") },
    Migration { version: 5, sql: include_str!("../../../migrations/sqlite/0005_user_login_password.sql") },
    Migration { version: 6, sql: include_str!("../../../migrations/sqlite/0006_zone_privileges.sql") },
    Migration { version: 7, sql: include_str!("../../../migrations/sqlite/0007_nested_groups.sql") },
    Migration { version: 8, sql: include_str!("../../../migrations/sqlite/0008_named_tokens.sql") },
    Migration { version: 9, sql: include_str!("../../../migrations/sqlite/0009_memberships_by_user_covers_group.sql") },
    Migration {
        version: 11,
        sql: include_str!("../../../migrations/sqlite/0011_memberships_and_join_records_keyed_by_seq.sql"),
    },
    Migration { version: 12, sql: include_str!("../../../migrations/sqlite/0012_memberships_key_by_user.sql") },
];

/// A `Store` over one SQLite file, with group commit.
///
/// rusqlite is synchronous, so no async worker may wait on a lock or an `fsync`. Short reads (a
/// point lookup, one user's groups) run inline on the async thread, on a read-only connection
/// that refuses rather than waits for a lock, and go to tokio's blocking pool when none is free
/// or when SQLite refused (see `read_inline`); the full lists always run on the blocking pool,
/// over a small pool of read-only connections (see `READERS`). WAL lets reads run beside a
/// write.
///
/// Writes go to one dedicated writer thread, which owns the only read-write connection (see
/// `run_writer`). Each write is a request on a channel with a `oneshot` for its answer. The
/// thread takes the first request that arrives, then every request already queued behind it (up
/// to `MAX_BATCH`, and without waiting for more, so a lone write commits at once), and runs them
/// all, in arrival order, inside one `BEGIN IMMEDIATE` transaction, each under its own
/// `SAVEPOINT`: a request that fails rolls back to its savepoint, so its error (or its
/// `false`, or its "not joined") never touches the others (a batch of joins alone first runs
/// without savepoints, and with them only if one of its joins fails: see `writer::run_batch`).
/// Then one `COMMIT`, hence one `fsync` for the whole batch, and only then does each caller get
/// its answer. With `synchronous=FULL` an `Ok` therefore always means "on disk", as the trait
/// requires, while concurrent writers share the cost of the sync instead of queueing for one
/// each.
///
/// `BEGIN IMMEDIATE` takes the write lock before the batch's first read, so no other connection
/// (the CLI, another server on the same file) can slip a write between a request's checks and
/// its changes; inside the batch the requests run one after the other, each seeing what the
/// earlier ones did, so two joins racing for a token's last use still admit exactly one.
///
/// A call whose future is dropped once its request is queued still runs to completion; since
/// each request is all-or-nothing, it then either happened whole or not at all, as the trait
/// requires.
#[derive(Clone, Debug)]
pub struct SqliteStore {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    /// The way to the writer thread; `None` only while dropping, which closes the channel.
    requests: Option<mpsc::Sender<Box<dyn Request>>>,
    /// Joined on drop, once the thread has answered every request it was sent.
    writer: Option<JoinHandle<()>>,
    readers: Vec<Mutex<Connection>>,
    /// Read-only connections that never wait, for reads on the async thread (`read_inline`).
    inline_readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
    stats: Stats,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path`, its parent directory included, and
    /// applies the migrations it lacks, then starts the writer thread. This blocks on the disk:
    /// call it at start-up or from a blocking context.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            crate::config::create_private_dir(parent)
                .map_err(|e| StoreError::Unavailable(format!("cannot create the database directory: {e:#}")))?;
        }
        make_private(path)?;
        // URIs are not interpreted, so that a path is always a path.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        // The writer's log writes are gathered and written at each sync (`wal_writes`).
        let vfs = wal_writes::register().map_err(StoreError::Unavailable)?;
        let mut writer = Connection::open_with_flags_and_vfs(path, flags, vfs).map_err(sql_error)?;
        configure_writer(&writer)?;
        migrate::migrate(&mut writer)?;
        let readers = (0..READERS).map(|_| open_reader(path).map(Mutex::new)).collect::<Result<Vec<_>, _>>()?;
        let inline_readers =
            (0..INLINE_READERS).map(|_| open_inline_reader(path).map(Mutex::new)).collect::<Result<Vec<_>, _>>()?;

        let (requests, inbox) = mpsc::channel();
        let stats = Stats::default();
        let writer = {
            let stats = stats.clone();
            let path = path.to_owned();
            std::thread::Builder::new()
                .name("sqlite-writer".into())
                .spawn(move || run_writer(writer, &path, inbox, &stats))
                .map_err(|e| StoreError::Unavailable(format!("cannot start the SQLite writer thread: {e}")))?
        };
        Ok(SqliteStore {
            inner: Arc::new(Inner {
                requests: Some(requests),
                writer: Some(writer),
                readers,
                inline_readers,
                next_reader: AtomicUsize::new(0),
                stats,
            }),
        })
    }
}

impl Drop for Inner {
    /// Closes the channel and waits for the writer thread, which first finishes the batch in hand
    /// and runs and answers whatever is still queued (only calls whose futures were dropped can
    /// have left anything there), then closes the write connection, so that a process that drops
    /// its store (the CLI, a server shutting down) leaves the file closed cleanly. This is the one
    /// place a caller waits on the writer thread: normally for nothing, at most for a few batches,
    /// or for another process's lock as long as `BUSY_TIMEOUT`.
    fn drop(&mut self) {
        drop(self.requests.take());
        if let Some(writer) = self.writer.take() {
            // A panic would already have been reported where it happened; there is nothing left
            // to answer here.
            let _ = writer.join();
        }
    }
}

/// Creates the database file with mode 0600 (whatever the umask) before SQLite opens it, and
/// takes group and other permissions off an existing one and its `-wal` and `-shm` files. SQLite
/// creates the `-wal` and `-shm` files with the database file's permissions (its unix VFS reads
/// them from the database file and `fchmod`s the new file), so all three stay owner-only.
fn make_private(path: &Path) -> Result<(), StoreError> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let failed = |e: std::io::Error| StoreError::Unavailable(format!("cannot create {}: {e}", path.display()));
    match std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path) {
        Ok(file) => file.set_permissions(std::fs::Permissions::from_mode(0o600)).map_err(failed)?,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(failed(e)),
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        let file = Path::new(&file);
        let Ok(meta) = std::fs::metadata(file) else { continue };
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(mode & 0o700))
                .map_err(|e| StoreError::Unavailable(format!("cannot make {} private: {e}", file.display())))?;
            tracing::warn!(path = %file.display(), was = format!("{mode:04o}"), "made the database file owner-only");
        }
    }
    Ok(())
}

/// The value of the `settings` row `name`, if there is one.
fn setting(conn: &Connection, name: &str) -> Result<Option<String>, Failure> {
    Ok(conn.prepare_cached("SELECT value FROM settings WHERE name = ?1")?.query_row([name], |r| r.get(0)).optional()?)
}

/// Runs a future of the shared SQL core (`sql::join`, `sql::migrate`) over SQLite's steps. Those
/// steps never wait, since rusqlite is synchronous: each finishes its statement before it
/// returns, so one poll finishes the whole future, on the calling thread. A future that still
/// waited would be a bug in this backend, and is reported as one rather than blocked on.
fn finished<T>(future: impl Future<Output = Result<T, Failure>>) -> Result<T, Failure> {
    match std::pin::pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(result) => result,
        Poll::Pending => Err(Failure::Row("a SQLite step waited, which none can".into())),
    }
}

#[async_trait]
impl Store for SqliteStore {
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
        let login = login.to_owned();
        self.read_inline(move |conn| {
            let row = conn
                .prepare_cached("SELECT id, name, alias, login, password_hash FROM users WHERE login = ?1")?
                .query_row([login.as_str()], |row| Ok((user_row(row, 0)?, row.get::<_, Option<String>>(4)?)))
                .optional()?;
            let Some((user, hash)) = row else { return Ok(None) };
            Ok(Some((user.decode()?, hash)))
        })
        .await
    }

    async fn set_password_hash(&self, user: &UserId, hash: Option<&str>) -> StoreResult<bool> {
        let user = user.clone();
        let hash = hash.map(str::to_owned);
        self.write(move |tx| {
            let changed = tx
                .prepare_cached("UPDATE users SET password_hash = ?2 WHERE id = ?1")?
                .execute(params![user.as_str(), hash])?;
            Ok(changed == 1)
        })
        .await
    }

    async fn get_user(&self, id: &UserId) -> StoreResult<Option<User>> {
        let id = id.clone();
        self.read_inline(move |conn| {
            let row = conn
                .prepare_cached("SELECT id, name, alias, login FROM users WHERE id = ?1")?
                .query_row([id.as_str()], |row| user_row(row, 0))
                .optional()?;
            Ok(row.map(UserRow::decode).transpose()?)
        })
        .await
    }

    async fn update_user(
        &self,
        id: &UserId,
        name: Option<&Name>,
        alias: Option<Option<&Name>>,
    ) -> StoreResult<UserUpdate> {
        let id = id.clone();
        let name = name.map(|n| n.as_str().to_owned());
        let set_alias = alias.is_some();
        let alias = alias.flatten().map(|a| a.as_str().to_owned());
        self.write(move |tx| {
            // One write at a time (the writer), so the alias cannot be taken between the check
            // and the update; the unique index stands behind it.
            if let Some(alias) = &alias {
                let taken: bool = tx
                    .prepare_cached("SELECT EXISTS (SELECT 1 FROM users WHERE alias = ?1 AND id <> ?2)")?
                    .query_row(params![alias, id.as_str()], |row| row.get(0))?;
                if taken {
                    return Ok(UserUpdate::AliasTaken);
                }
            }
            // The update matches the row even when nothing is to change, so the count of
            // changed rows says whether the user exists.
            let changed = tx
                .prepare_cached(
                    "UPDATE users
                     SET name = COALESCE(?2, name),
                         alias = CASE WHEN ?3 THEN ?4 ELSE alias END
                     WHERE id = ?1",
                )?
                .execute(params![id.as_str(), name, set_alias, alias])?;
            Ok(if changed == 1 { UserUpdate::Updated } else { UserUpdate::NoSuchUser })
        })
        .await
    }

    async fn count_users(&self) -> StoreResult<u64> {
        self.read(|conn| {
            let n: i64 = conn.prepare_cached("SELECT COUNT(*) FROM users")?.query_row([], |r| r.get(0))?;
            u64::try_from(n).map_err(|_| Failure::Row("the user count is negative".into()))
        })
        .await
    }

    async fn users_named(&self, name: &str) -> StoreResult<Vec<User>> {
        let name = name.to_owned();
        self.read(move |conn| {
            let mut statement = conn.prepare_cached(
                "SELECT id, name, alias, login FROM users WHERE login = ?1 OR name = ?1 OR alias = ?1 ORDER BY seq",
            )?;
            let rows = statement.query_map([name.as_str()], |row| user_row(row, 0))?;
            let mut users = Vec::new();
            for row in rows {
                users.push(row?.decode()?);
            }
            Ok(users)
        })
        .await
    }

    async fn key_fingerprint(&self) -> StoreResult<Option<String>> {
        self.read(|conn| setting(conn, KEY_FINGERPRINT)).await
    }

    async fn claim_key_fingerprint(&self, fingerprint: &str) -> StoreResult<String> {
        let fingerprint = fingerprint.to_owned();
        // On the writer, inside `BEGIN IMMEDIATE`: no other process can record one in between.
        self.write(move |tx| {
            tx.prepare_cached("INSERT INTO settings (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING")?
                .execute([KEY_FINGERPRINT, fingerprint.as_str()])?;
            setting(tx, KEY_FINGERPRINT)?.ok_or_else(|| Failure::Row("the key fingerprint vanished".into()))
        })
        .await
    }

    async fn probe_write(&self, now_unix: u64) -> StoreResult<()> {
        self.write(move |tx| {
            tx.prepare_cached(
                "INSERT INTO settings (name, value) VALUES (?1, ?2)
                 ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            )?
            .execute([HEALTH_PROBE, now_unix.to_string().as_str()])?;
            Ok(())
        })
        .await
    }

    async fn insert_token(&self, record: &TokenRecord) -> StoreResult<TokenWrite> {
        let record = record.clone();
        self.write(move |tx| {
            let row = TokenRow::encode(&record)?;
            if row.name.is_some() && row.issuer_id.is_none() {
                return Err(Failure::Row("a named token has no issuer".into()));
            }
            // One writer: the name cannot be taken between this check and the insert; the
            // unique index (issuer_id, name) stands behind it.
            if let (Some(issuer), Some(name)) = (&row.issuer_id, &row.name) {
                let taken: bool = tx
                    .prepare_cached("SELECT EXISTS (SELECT 1 FROM tokens WHERE issuer_id = ?1 AND name = ?2)")?
                    .query_row([issuer, name], |r| r.get(0))?;
                if taken {
                    return Ok(TokenWrite::NameTaken);
                }
            }
            tx.prepare_cached(concat!(
                "INSERT INTO tokens (",
                sql::token_columns!(),
                ", ",
                sql::token_named_columns!(),
                ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
            ))?
            .execute(params![
                row.id,
                row.kind,
                row.user_id,
                row.group_id,
                row.privileges,
                row.max_uses,
                row.uses,
                row.revoked,
                row.created_at,
                row.issuer_id,
                row.name,
                row.caveats,
                row.valid_until,
                row.custom_metadata,
            ])?;
            Ok(TokenWrite::Done)
        })
        .await
    }

    async fn get_token(&self, id: &str) -> StoreResult<Option<TokenRecord>> {
        let id = id.to_owned();
        self.read_inline(move |conn| get_token_in(conn, &id)).await
    }

    async fn token_and_user(&self, id: &str) -> StoreResult<Option<(TokenRecord, Option<User>)>> {
        let id = id.to_owned();
        // One trip to the blocking pool, one statement (so one snapshot): the token's row and,
        // when its `user_id` names a user, that user's.
        self.read_inline(move |conn| {
            let sql = "SELECT t.id, t.kind, t.user_id, t.group_id, t.privileges, t.max_uses, t.uses, t.revoked,
                              t.created_at, t.issuer_id, t.name, t.caveats, t.valid_until, t.custom_metadata,
                              u.id, u.name, u.alias, u.login
                       FROM tokens t LEFT JOIN users u ON u.id = t.user_id
                       WHERE t.id = ?1";
            let row = conn
                .prepare_cached(sql)?
                .query_row([id.as_str()], |row| {
                    let user = match row.get::<_, Option<String>>(14)? {
                        Some(_) => Some(user_row(row, 14)?),
                        None => None,
                    };
                    Ok((token_row(row)?, user))
                })
                .optional()?;
            let Some((token, user)) = row else { return Ok(None) };
            let record = token.decode()?;
            let user = match &record.grant {
                TokenGrant::Access { .. } => user.map(UserRow::decode).transpose()?,
                _ => None,
            };
            Ok(Some((record, user)))
        })
        .await
    }

    async fn create_group(&self, group: &Group, creator: &UserId, privileges: PrivilegeSet) -> StoreResult<()> {
        let group = group.clone();
        let creator = creator.clone();
        self.write(move |tx| {
            tx.prepare_cached(
                "INSERT INTO groups (id, name, type, seq)
                 VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM groups))",
            )?
            .execute(params![group.id.as_str(), group.name.as_str(), group.kind.as_str()])?;
            // An unknown creator fails the foreign key here and the whole step rolls back.
            insert_membership(tx, group.id.as_str(), creator.as_str(), privileges, MemberOrigin::Created)
        })
        .await
    }

    async fn get_group(&self, id: &GroupId) -> StoreResult<Option<Group>> {
        let id = id.clone();
        self.read_inline(move |conn| {
            let row = conn
                .prepare_cached("SELECT id, name, type FROM groups WHERE id = ?1")?
                .query_row([id.as_str()], |r| Ok(GroupRow { id: r.get(0)?, name: r.get(1)?, kind: r.get(2)? }))
                .optional()?;
            Ok(row.map(GroupRow::decode).transpose()?)
        })
        .await
    }

    async fn update_group(&self, id: &GroupId, name: Option<&Name>, kind: Option<GroupType>) -> StoreResult<bool> {
        let id = id.clone();
        let name = name.map(|n| n.as_str().to_owned());
        let kind = kind.map(GroupType::as_str);
        self.write(move |tx| {
            // As in `update_user`, a matched row counts as changed even if nothing differs.
            let changed = tx
                .prepare_cached(
                    "UPDATE groups SET name = COALESCE(?2, name), type = COALESCE(?3, type)
                     WHERE id = ?1",
                )?
                .execute(params![id.as_str(), name, kind])?;
            Ok(changed == 1)
        })
        .await
    }

    async fn delete_group(&self, id: &GroupId) -> StoreResult<Guarded> {
        let id = id.clone();
        self.write(move |tx| {
            if tx
                .prepare_cached("SELECT 1 FROM groups WHERE id = ?1")?
                .query_row([id.as_str()], |_| Ok(()))
                .optional()?
                .is_none()
            {
                return Ok(Guarded::Missing);
            }
            // The last-manager rule, for each parent it is a child of.
            let parents: Vec<String> =
                id_list(tx, "SELECT parent_id FROM group_links WHERE child_id = ?1", &[id.as_str()], Ok)?;
            for parent in &parents {
                if let refused @ Guarded::LastManager(_) = zone::guard(tx, parent, Changed::Child(id.as_str()), None)? {
                    return Ok(refused);
                }
            }
            // Its links both ways first, and the closure of what was below it rebuilt without
            // them; then the group, whose memberships and closure rows go with it (ON DELETE
            // CASCADE). Token records have no foreign key and stay, as the trait requires.
            let links = tx
                .prepare_cached("DELETE FROM group_links WHERE parent_id = ?1 OR child_id = ?1")?
                .execute([id.as_str()])?;
            if links > 0 {
                nested::reclose_below(tx, id.as_str())?;
            }
            tx.prepare_cached("DELETE FROM groups WHERE id = ?1")?.execute([id.as_str()])?;
            Ok(Guarded::Done)
        })
        .await
    }

    async fn list_groups(&self) -> StoreResult<Vec<GroupId>> {
        self.read(|conn| id_list(conn, "SELECT id FROM groups ORDER BY seq", &[], sql::group_id)).await
    }

    async fn user_groups(&self, user: &UserId) -> StoreResult<Vec<GroupId>> {
        let user = user.clone();
        self.read_inline(move |conn| id_list(conn, USER_GROUPS, &[user.as_str()], sql::group_id)).await
    }

    async fn group_users(&self, group: &GroupId) -> StoreResult<Vec<UserId>> {
        let group = group.clone();
        self.read(move |conn| {
            let select = "SELECT user_id FROM memberships WHERE group_id = ?1 ORDER BY seq";
            id_list(conn, select, &[group.as_str()], sql::user_id)
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
        let group = group.clone();
        let user = user.clone();
        self.read_inline(move |conn| {
            let raw: Option<i64> = conn
                .prepare_cached("SELECT privileges FROM memberships WHERE group_id = ?1 AND user_id = ?2")?
                .query_row([group.as_str(), user.as_str()], |r| r.get(0))
                .optional()?;
            Ok(raw.map(sql::privileges).transpose()?)
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
        self.join(token_id, user).await
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
        self.delete_named_tokens_of(issuer).await
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
