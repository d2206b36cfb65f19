//! `SqliteStore`: the durable `Store`, one SQLite file shared by the server and the CLI. It owns
//! the connections, the pragmas and the migrations; it must not hold schema anywhere but in
//! `migrations/sqlite/`, nor block an async worker thread on SQLite.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, TryLockError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use async_trait::async_trait;
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};

use super::{JoinOutcome, Store, StoreError, StoreResult, TokenGrant, TokenRecord};
use crate::domain::{Group, GroupId, GroupType, Name, PrivilegeSet, User, UserId};

/// How long a statement waits for another connection's lock before giving up. The CLI
/// (`oz-groups user add`) writes to the file while the server has it open; five seconds lets
/// either wait out the other's short transactions instead of failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Read-only connections kept beside the writer. WAL lets readers run while a write is in
/// progress (in this process or another), so the requests that only look things up — most of
/// them — never queue behind a join or behind the CLI. Four covers a small server's concurrency
/// without holding many file descriptors; more readers than that mostly wait on the disk anyway.
const READERS: usize = 4;

// `Inner::reader` picks a reader by taking a counter modulo `READERS`; this makes the division
// by zero impossible at compile time rather than by argument.
const _: () = assert!(READERS > 0);

/// One schema step, embedded in the binary so that the server never runs without its schema.
struct Migration {
    version: i64,
    sql: &'static str,
}

/// Every migration, oldest first. A released entry must never change: add a new file instead.
const MIGRATIONS: &[Migration] =
    &[Migration { version: 1, sql: include_str!("../../migrations/sqlite/0001_initial.sql") }];

/// A `Store` over one SQLite file.
///
/// rusqlite is synchronous, so every call runs on tokio's blocking pool (`spawn_blocking`) and
/// the async workers never wait on the disk. Writes go through a single connection behind a
/// `std::sync::Mutex`: SQLite admits one writer at a time anyway, and queueing in-process writers
/// on a mutex is cheaper and fairer than letting them spin on `SQLITE_BUSY`. Reads use a small
/// pool of read-only connections (see `READERS`). Every write is one `BEGIN IMMEDIATE`
/// transaction, which takes the write lock before its first read, so no other connection — in
/// this process or another — can slip a write between a transaction's checks and its changes.
///
/// A call whose future is dropped still runs to completion on the blocking pool; since each call
/// is one transaction, it then either happened whole or not at all, as the trait requires.
#[derive(Clone, Debug)]
pub struct SqliteStore {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    writer: Mutex<Connection>,
    readers: Vec<Mutex<Connection>>,
    next_reader: AtomicUsize,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path`, its parent directory included, and
    /// applies the migrations it lacks. This blocks on the disk: call it at start-up or from a
    /// blocking context.
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| StoreError::Unavailable(format!("cannot create the database directory: {e}")))?;
        }
        // URIs are not interpreted, so that a path is always a path.
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut writer = Connection::open_with_flags(path, flags).map_err(sql_error)?;
        configure_writer(&writer)?;
        migrate(&mut writer)?;
        let readers = (0..READERS).map(|_| open_reader(path).map(Mutex::new)).collect::<Result<Vec<_>, _>>()?;
        Ok(SqliteStore {
            inner: Arc::new(Inner { writer: Mutex::new(writer), readers, next_reader: AtomicUsize::new(0) }),
        })
    }

    /// Runs `f` inside one `BEGIN IMMEDIATE` transaction on the writer, on the blocking pool,
    /// and commits it if `f` succeeds; on failure the transaction rolls back when dropped.
    async fn write<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&rusqlite::Transaction<'_>) -> Result<T, Failure> + Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        blocking(move || {
            let mut conn = inner.writer.lock().unwrap_or_else(recover);
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            // `Joined` and every other success is returned only after this commit, which with
            // `synchronous=FULL` has reached the disk.
            tx.commit()?;
            Ok(out)
        })
        .await
    }

    /// Runs `f` on a read-only connection, on the blocking pool. Each read is a single
    /// statement, so SQLite gives it one consistent snapshot without an explicit transaction.
    async fn read<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> Result<T, Failure> + Send + 'static,
    {
        let inner = Arc::clone(&self.inner);
        blocking(move || f(&inner.reader())).await
    }
}

impl Inner {
    /// A free reader if there is one, else a turn at the next one.
    fn reader(&self) -> MutexGuard<'_, Connection> {
        for reader in &self.readers {
            match reader.try_lock() {
                Ok(guard) => return guard,
                Err(TryLockError::Poisoned(poisoned)) => return poisoned.into_inner(),
                Err(TryLockError::WouldBlock) => {}
            }
        }
        let i = self.next_reader.fetch_add(1, Ordering::Relaxed) % self.readers.len();
        self.readers[i].lock().unwrap_or_else(recover)
    }
}

/// A connection whose mutex was poisoned is still sound: a panic while holding it dropped any
/// open `Transaction`, which rolls back, and readers change nothing. Refusing to use it would
/// turn one panic into a server that can no longer write.
fn recover<'a>(poisoned: PoisonError<MutexGuard<'a, Connection>>) -> MutexGuard<'a, Connection> {
    poisoned.into_inner()
}

/// Runs `f` on tokio's blocking pool, where waiting on SQLite's locks and `fsync` is allowed.
async fn blocking<T, F>(f: F) -> StoreResult<T>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, Failure> + Send + 'static,
{
    match tokio::task::spawn_blocking(f).await {
        Ok(result) => result.map_err(StoreError::from),
        Err(e) => Err(StoreError::Backend(format!("a store task did not finish: {e}"))),
    }
}

/// Sets the writer's pragmas. They are per connection, so they are set on every open.
fn configure_writer(conn: &Connection) -> StoreResult<()> {
    // First, so that the statements below, and every transaction after, wait for another
    // process's lock rather than fail at once.
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql_error)?;
    enable_wal(conn)?;
    // FULL syncs the log on every commit, so a committed join survives `kill -9` and power loss;
    // WAL's usual NORMAL could lose the last commits on power loss, after `Joined` was answered.
    conn.pragma_update(None, "synchronous", "FULL").map_err(sql_error)?;
    // SQLite leaves foreign keys off unless asked; the schema relies on them (memberships
    // vanish with their group, and name existing users).
    conn.pragma_update(None, "foreign_keys", "ON").map_err(sql_error)?;
    Ok(())
}

/// Switches the file to write-ahead logging, which lets the readers (and the CLI) read while a
/// write is in progress and makes a commit one append to the log. The setting is stored in the
/// file, so this only changes anything on a new database.
///
/// SQLite does not call the busy handler when the switch meets another connection's lock (it
/// holds a shared lock while asking for an exclusive one, and waiting could deadlock), so two
/// processes creating the same file at once would make one fail at once. This waits for the
/// other instead, for as long as `busy_timeout` would.
fn enable_wal(conn: &Connection) -> StoreResult<()> {
    let deadline = Instant::now() + BUSY_TIMEOUT;
    loop {
        let attempt = conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get::<_, String>(0));
        match attempt {
            Ok(mode) if mode.eq_ignore_ascii_case("wal") => return Ok(()),
            Ok(mode) => {
                return Err(StoreError::Backend(format!(
                    "the database refused write-ahead logging (journal mode is {mode})"
                )))
            }
            Err(e) if is_busy(&e) && Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(sql_error(e)),
        }
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

/// Opens one of the read-only connections. It is opened after the writer has migrated the
/// file, so the schema and the WAL files already exist.
fn open_reader(path: &Path) -> StoreResult<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(sql_error)?;
    // A reader rarely waits in WAL mode (only while another connection recovers the log), but
    // when it does it should wait like the writer rather than fail.
    conn.busy_timeout(BUSY_TIMEOUT).map_err(sql_error)?;
    Ok(conn)
}

/// Applies the migrations the file lacks, each in its own `BEGIN IMMEDIATE` transaction that
/// re-reads `schema_migrations` after taking the write lock. Two processes opening the same new
/// file therefore apply each migration once: the second waits for the first's lock and then
/// finds the version recorded.
fn migrate(conn: &mut Connection) -> StoreResult<()> {
    let newest_known = MIGRATIONS.iter().map(|m| m.version).max().unwrap_or(0);
    for migration in MIGRATIONS {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sql_error)?;
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version    INTEGER PRIMARY KEY,
                 applied_at INTEGER
             )",
        )
        .map_err(sql_error)?;
        let newest_applied: Option<i64> =
            tx.query_row("SELECT MAX(version) FROM schema_migrations", [], |r| r.get(0)).map_err(sql_error)?;
        // A newer build may have changed the schema in ways this one would misread or break.
        if let Some(newer) = newest_applied.filter(|v| *v > newest_known) {
            return Err(StoreError::Backend(format!(
                "the database has schema version {newer} but this build knows only up to \
                 {newest_known}"
            )));
        }
        let applied: bool = tx
            .query_row("SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?1)", [migration.version], |r| {
                r.get(0)
            })
            .map_err(sql_error)?;
        if !applied {
            tx.execute_batch(migration.sql).map_err(sql_error)?;
            tx.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
                params![migration.version, unix_now()],
            )
            .map_err(sql_error)?;
        }
        tx.commit().map_err(sql_error)?;
    }
    Ok(())
}

/// Seconds since the epoch; a clock set before 1970 records 0 rather than failing a migration.
fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

// --- errors ----------------------------------------------------------------------------------

/// What can go wrong inside a blocking call: SQLite itself, or a row that does not decode into
/// domain values. Keeping both lets `?` work on either inside the closures.
#[derive(Debug)]
enum Failure {
    Sql(rusqlite::Error),
    Row(String),
}

impl From<rusqlite::Error> for Failure {
    fn from(e: rusqlite::Error) -> Self {
        Failure::Sql(e)
    }
}

impl From<Failure> for StoreError {
    fn from(f: Failure) -> Self {
        match f {
            Failure::Sql(e) => sql_error(e),
            Failure::Row(what) => StoreError::Backend(what),
        }
    }
}

/// Sorts SQLite's errors into "try again later" and "something is wrong". rusqlite's messages
/// quote SQLite's text and our SQL, never bound parameters, so no token identifier leaks here.
fn sql_error(e: rusqlite::Error) -> StoreError {
    let transient = match &e {
        rusqlite::Error::SqliteFailure(failure, _) => matches!(
            failure.code,
            ErrorCode::DatabaseBusy
                | ErrorCode::DatabaseLocked
                | ErrorCode::CannotOpen
                | ErrorCode::ReadOnly
                | ErrorCode::DiskFull
                | ErrorCode::SystemIoFailure
        ),
        _ => false,
    };
    if transient {
        StoreError::Unavailable(e.to_string())
    } else {
        StoreError::Backend(e.to_string())
    }
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

fn group_type(raw: String) -> Result<GroupType, Failure> {
    GroupType::parse(&raw).ok_or_else(|| Failure::Row("a stored group type is unknown".into()))
}

fn privileges(raw: i64) -> Result<PrivilegeSet, Failure> {
    u32::try_from(raw)
        .map(PrivilegeSet::from_bits)
        .map_err(|_| Failure::Row("stored privileges are out of range".into()))
}

fn count(raw: i64, what: &str) -> Result<u32, Failure> {
    u32::try_from(raw).map_err(|_| Failure::Row(format!("a stored {what} is out of range")))
}

type UserRow = (String, String, Option<String>, bool);

fn user_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<UserRow> {
    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
}

fn decode_user((id, raw_name, alias, admin): UserRow) -> Result<User, Failure> {
    Ok(User {
        id: user_id(id)?,
        name: name(raw_name, "user name")?,
        alias: alias.map(|a| name(a, "alias")).transpose()?,
        admin,
    })
}

type GroupRow = (String, String, String);

fn decode_group((id, raw_name, kind): GroupRow) -> Result<Group, Failure> {
    Ok(Group { id: group_id(id)?, name: name(raw_name, "group name")?, kind: group_type(kind)? })
}

const TOKEN_COLUMNS: &str = "id, kind, user_id, group_id, privileges, max_uses, uses, revoked, created_at";

struct TokenRow {
    id: String,
    kind: String,
    user_id: Option<String>,
    group_id: Option<String>,
    privileges: Option<i64>,
    max_uses: Option<i64>,
    uses: i64,
    revoked: bool,
    created_at: i64,
}

fn token_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<TokenRow> {
    Ok(TokenRow {
        id: row.get(0)?,
        kind: row.get(1)?,
        user_id: row.get(2)?,
        group_id: row.get(3)?,
        privileges: row.get(4)?,
        max_uses: row.get(5)?,
        uses: row.get(6)?,
        revoked: row.get(7)?,
        created_at: row.get(8)?,
    })
}

const KIND_ACCESS: &str = "access";
const KIND_GROUP_INVITE_USER: &str = "group_invite_user";

fn decode_token(row: TokenRow) -> Result<TokenRecord, Failure> {
    let missing = |what: &str| Failure::Row(format!("a stored {what} token lacks its {what}"));
    let grant = match row.kind.as_str() {
        KIND_ACCESS => TokenGrant::Access { user: user_id(row.user_id.ok_or_else(|| missing("user"))?)? },
        KIND_GROUP_INVITE_USER => TokenGrant::GroupInviteUser {
            group: group_id(row.group_id.ok_or_else(|| missing("group"))?)?,
            privileges: privileges(row.privileges.ok_or_else(|| missing("privileges"))?)?,
        },
        _ => return Err(Failure::Row("a stored token has an unknown kind".into())),
    };
    Ok(TokenRecord {
        id: row.id,
        grant,
        max_uses: row.max_uses.map(|m| count(m, "token use limit")).transpose()?,
        uses: count(row.uses, "token use count")?,
        revoked: row.revoked,
        created_at: u64::try_from(row.created_at)
            .map_err(|_| Failure::Row("a stored token creation time is negative".into()))?,
    })
}

fn get_token_in(conn: &Connection, id: &str) -> Result<Option<TokenRecord>, Failure> {
    let sql = format!("SELECT {TOKEN_COLUMNS} FROM tokens WHERE id = ?1");
    let row = conn.prepare_cached(&sql)?.query_row([id], token_from_row).optional()?;
    row.map(decode_token).transpose()
}

/// Reads a one-column list of ids in the order the query gives.
fn id_list<T>(
    conn: &Connection,
    sql: &str,
    key: &str,
    parse: fn(String) -> Result<T, Failure>,
) -> Result<Vec<T>, Failure> {
    let mut stmt = conn.prepare_cached(sql)?;
    let raw = stmt.query_map([key], |row| row.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    raw.into_iter().map(parse).collect()
}

/// Adds a membership with the next membership sequence number. The caller holds the write lock
/// (an IMMEDIATE transaction), so reading `MAX(seq)` and inserting cannot interleave with another
/// writer; the `UNIQUE` constraint on `seq` would catch it if it somehow did.
fn insert_membership(
    tx: &rusqlite::Transaction<'_>,
    group: &str,
    user: &str,
    privileges: PrivilegeSet,
) -> Result<(), Failure> {
    tx.prepare_cached(
        "INSERT INTO memberships (group_id, user_id, privileges, seq)
         VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM memberships))",
    )?
    .execute(params![group, user, privileges.bits()])?;
    Ok(())
}

#[async_trait]
impl Store for SqliteStore {
    async fn create_user(&self, user: &User) -> StoreResult<()> {
        let user = user.clone();
        self.write(move |tx| {
            tx.prepare_cached(
                "INSERT INTO users (id, name, alias, admin, seq)
                 VALUES (?1, ?2, ?3, ?4, (SELECT COALESCE(MAX(seq), 0) + 1 FROM users))",
            )?
            .execute(params![
                user.id.as_str(),
                user.name.as_str(),
                user.alias.as_ref().map(Name::as_str),
                user.admin,
            ])?;
            Ok(())
        })
        .await
    }

    async fn get_user(&self, id: &UserId) -> StoreResult<Option<User>> {
        let id = id.clone();
        self.read(move |conn| {
            let row = conn
                .prepare_cached("SELECT id, name, alias, admin FROM users WHERE id = ?1")?
                .query_row([id.as_str()], user_from_row)
                .optional()?;
            row.map(decode_user).transpose()
        })
        .await
    }

    async fn update_user(&self, id: &UserId, name: Option<&Name>, alias: Option<Option<&Name>>) -> StoreResult<bool> {
        let id = id.clone();
        let name = name.map(|n| n.as_str().to_owned());
        let set_alias = alias.is_some();
        let alias = alias.flatten().map(|a| a.as_str().to_owned());
        self.write(move |tx| {
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
            Ok(changed == 1)
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

    async fn insert_token(&self, record: &TokenRecord) -> StoreResult<()> {
        let record = record.clone();
        self.write(move |tx| {
            let (kind, user, group, privileges) = match &record.grant {
                TokenGrant::Access { user } => (KIND_ACCESS, Some(user.as_str()), None, None),
                TokenGrant::GroupInviteUser { group, privileges } => {
                    (KIND_GROUP_INVITE_USER, None, Some(group.as_str()), Some(privileges.bits()))
                }
            };
            let created_at = i64::try_from(record.created_at)
                .map_err(|_| Failure::Row("a token creation time is out of range".into()))?;
            tx.prepare_cached(
                "INSERT INTO tokens
                     (id, kind, user_id, group_id, privileges, max_uses, uses, revoked, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                record.id,
                kind,
                user,
                group,
                privileges,
                record.max_uses,
                record.uses,
                record.revoked,
                created_at,
            ])?;
            Ok(())
        })
        .await
    }

    async fn get_token(&self, id: &str) -> StoreResult<Option<TokenRecord>> {
        let id = id.to_owned();
        self.read(move |conn| get_token_in(conn, &id)).await
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
            insert_membership(tx, group.id.as_str(), creator.as_str(), privileges)
        })
        .await
    }

    async fn get_group(&self, id: &GroupId) -> StoreResult<Option<Group>> {
        let id = id.clone();
        self.read(move |conn| {
            let row = conn
                .prepare_cached("SELECT id, name, type FROM groups WHERE id = ?1")?
                .query_row([id.as_str()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            row.map(decode_group).transpose()
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

    async fn delete_group(&self, id: &GroupId) -> StoreResult<bool> {
        let id = id.clone();
        self.write(move |tx| {
            // Memberships go with the group (ON DELETE CASCADE); token records have no foreign
            // key and stay, as the trait requires. SQLite does not count cascaded rows here.
            let deleted = tx.prepare_cached("DELETE FROM groups WHERE id = ?1")?.execute([id.as_str()])?;
            Ok(deleted == 1)
        })
        .await
    }

    async fn list_groups(&self) -> StoreResult<Vec<GroupId>> {
        self.read(|conn| {
            let mut stmt = conn.prepare_cached("SELECT id FROM groups ORDER BY seq")?;
            let raw = stmt.query_map([], |row| row.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
            raw.into_iter().map(group_id).collect()
        })
        .await
    }

    async fn user_groups(&self, user: &UserId) -> StoreResult<Vec<GroupId>> {
        let user = user.clone();
        self.read(move |conn| {
            id_list(conn, "SELECT group_id FROM memberships WHERE user_id = ?1 ORDER BY seq", user.as_str(), group_id)
        })
        .await
    }

    async fn group_users(&self, group: &GroupId) -> StoreResult<Vec<UserId>> {
        let group = group.clone();
        self.read(move |conn| {
            id_list(conn, "SELECT user_id FROM memberships WHERE group_id = ?1 ORDER BY seq", group.as_str(), user_id)
        })
        .await
    }

    async fn membership(&self, group: &GroupId, user: &UserId) -> StoreResult<Option<PrivilegeSet>> {
        let group = group.clone();
        let user = user.clone();
        self.read(move |conn| {
            let raw: Option<i64> = conn
                .prepare_cached("SELECT privileges FROM memberships WHERE group_id = ?1 AND user_id = ?2")?
                .query_row([group.as_str(), user.as_str()], |r| r.get(0))
                .optional()?;
            raw.map(privileges).transpose()
        })
        .await
    }

    async fn set_privileges(&self, group: &GroupId, user: &UserId, privileges: PrivilegeSet) -> StoreResult<bool> {
        let group = group.clone();
        let user = user.clone();
        self.write(move |tx| {
            let changed = tx
                .prepare_cached("UPDATE memberships SET privileges = ?3 WHERE group_id = ?1 AND user_id = ?2")?
                .execute(params![group.as_str(), user.as_str(), privileges.bits()])?;
            Ok(changed == 1)
        })
        .await
    }

    async fn remove_member(&self, group: &GroupId, user: &UserId) -> StoreResult<bool> {
        let group = group.clone();
        let user = user.clone();
        self.write(move |tx| {
            let deleted = tx
                .prepare_cached("DELETE FROM memberships WHERE group_id = ?1 AND user_id = ?2")?
                .execute([group.as_str(), user.as_str()])?;
            Ok(deleted == 1)
        })
        .await
    }

    async fn join_with_token(&self, token_id: &str, user: &UserId) -> StoreResult<JoinOutcome> {
        let token_id = token_id.to_owned();
        let user = user.clone();
        // One IMMEDIATE transaction: the write lock is held from the first check to the commit,
        // so no other join, from this process or another, can be decided on stale counts.
        self.write(move |tx| {
            let Some(record) = get_token_in(tx, &token_id)? else {
                return Ok(JoinOutcome::TokenUnknown);
            };
            let TokenGrant::GroupInviteUser { group, privileges } = record.grant else {
                return Ok(JoinOutcome::TokenUnknown);
            };
            let used_up = record.max_uses.is_some_and(|max| record.uses >= max);
            if record.revoked || used_up {
                return Ok(JoinOutcome::TokenUsedUp);
            }
            let group_exists: bool = tx
                .prepare_cached("SELECT EXISTS (SELECT 1 FROM groups WHERE id = ?1)")?
                .query_row([group.as_str()], |r| r.get(0))?;
            if !group_exists {
                return Ok(JoinOutcome::GroupGone);
            }
            let member: bool = tx
                .prepare_cached(
                    "SELECT EXISTS (
                         SELECT 1 FROM memberships WHERE group_id = ?1 AND user_id = ?2
                     )",
                )?
                .query_row([group.as_str(), user.as_str()], |r| r.get(0))?;
            if member {
                return Ok(JoinOutcome::AlreadyMember);
            }
            insert_membership(tx, group.as_str(), user.as_str(), privileges)?;
            // The guard repeats the use checks in SQL, so that even a mistake above could not
            // count a use the token does not have; if it matches nothing, the join rolls back.
            let counted = tx
                .prepare_cached(
                    "UPDATE tokens SET uses = uses + 1
                     WHERE id = ?1 AND revoked = 0 AND (max_uses IS NULL OR uses < max_uses)",
                )?
                .execute([token_id.as_str()])?;
            if counted != 1 {
                return Err(Failure::Row("a token's use count changed inside its own join".into()));
            }
            Ok(JoinOutcome::Joined)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Privilege;

    fn temp_db() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("oz.db");
        (dir, path)
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

    fn applied_migrations(path: &Path) -> Vec<(i64, i64)> {
        let conn = Connection::open(path).expect("the database opens");
        let mut stmt = conn
            .prepare("SELECT version, applied_at FROM schema_migrations ORDER BY version")
            .expect("schema_migrations exists");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("the query runs")
            .collect::<rusqlite::Result<Vec<_>>>()
            .expect("the rows read")
    }

    #[tokio::test]
    async fn a_second_store_on_the_same_file_sees_the_first_stores_writes() {
        let (_dir, path) = temp_db();
        let first = SqliteStore::open(&path).expect("the first store opens");
        let second = SqliteStore::open(&path).expect("the second store opens");

        let alice = a_user("alice");
        first.create_user(&alice).await.expect("create user");
        let group = a_group("team");
        first.create_group(&group, &alice.id, PrivilegeSet::all()).await.expect("create group");

        assert_eq!(second.get_user(&alice.id).await, Ok(Some(alice.clone())));
        assert_eq!(second.get_group(&group.id).await, Ok(Some(group.clone())));
        assert_eq!(second.group_users(&group.id).await, Ok(vec![alice.id.clone()]));

        // And the other way round: the second store's writes reach the first's readers.
        let bob = a_user("bob");
        second.create_user(&bob).await.expect("create user");
        assert_eq!(first.count_users().await, Ok(2));
    }

    #[tokio::test]
    async fn reopening_a_store_keeps_its_data_and_applies_no_migration_twice() {
        let (_dir, path) = temp_db();
        let alice = a_user("alice");
        {
            let store = SqliteStore::open(&path).expect("the store opens");
            store.create_user(&alice).await.expect("create user");
        }
        let before = applied_migrations(&path);
        assert_eq!(before.len(), MIGRATIONS.len());

        let store = SqliteStore::open(&path).expect("the store reopens");
        assert_eq!(store.get_user(&alice.id).await, Ok(Some(alice)));
        assert_eq!(applied_migrations(&path), before);
    }

    #[test]
    fn stores_opening_a_new_file_at_once_apply_each_migration_once() {
        let (_dir, path) = temp_db();
        let barrier = std::sync::Barrier::new(8);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..8)
                .map(|_| {
                    scope.spawn(|| {
                        barrier.wait();
                        SqliteStore::open(&path).map(|_| ())
                    })
                })
                .collect();
            for handle in handles {
                assert_eq!(handle.join().expect("the opening thread finishes"), Ok(()));
            }
        });
        let applied = applied_migrations(&path);
        let versions: Vec<i64> = applied.iter().map(|(v, _)| *v).collect();
        let expected: Vec<i64> = MIGRATIONS.iter().map(|m| m.version).collect();
        assert_eq!(versions, expected);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 8)]
    async fn racing_joins_through_two_stores_on_one_file_never_overcount_uses() {
        let (_dir, path) = temp_db();
        let first = Arc::new(SqliteStore::open(&path).expect("the first store opens"));
        let second = Arc::new(SqliteStore::open(&path).expect("the second store opens"));

        let owner = a_user("owner");
        first.create_user(&owner).await.expect("create owner");
        let group = a_group("team");
        first.create_group(&group, &owner.id, PrivilegeSet::all()).await.expect("create group");
        // Half the racers can join, so many writes from both stores overlap; a check-then-write
        // step that did not take the write lock first would fail or overcount here.
        let invite = an_invite(&group.id, Some(50));
        first.insert_token(&invite).await.expect("insert invite");

        let mut users = Vec::new();
        for i in 0..100 {
            let user = a_user(&format!("user {i}"));
            first.create_user(&user).await.expect("create user");
            users.push(user.id);
        }

        let barrier = Arc::new(tokio::sync::Barrier::new(users.len()));
        let tasks: Vec<_> = users
            .into_iter()
            .enumerate()
            .map(|(i, user)| {
                let store = if i % 2 == 0 { first.clone() } else { second.clone() };
                let barrier = barrier.clone();
                let token = invite.id.clone();
                tokio::spawn(async move {
                    barrier.wait().await;
                    store.join_with_token(&token, &user).await
                })
            })
            .collect();
        let outcomes = futures::future::join_all(tasks).await;
        let outcomes: Vec<JoinOutcome> =
            outcomes.into_iter().map(|o| o.expect("the task finishes").expect("the join succeeds")).collect();

        let joined = outcomes.iter().filter(|o| **o == JoinOutcome::Joined).count();
        let used_up = outcomes.iter().filter(|o| **o == JoinOutcome::TokenUsedUp).count();
        assert_eq!((joined, used_up), (50, 50));
        let record = second.get_token(&invite.id).await.expect("read token");
        assert_eq!(record.map(|r| r.uses), Some(50));
        assert_eq!(first.group_users(&group.id).await.map(|u| u.len()), Ok(51));
    }

    #[tokio::test]
    async fn rows_that_do_not_decode_into_domain_values_are_backend_errors() {
        let (_dir, path) = temp_db();
        let store = SqliteStore::open(&path).expect("the store opens");
        let raw = Connection::open(&path).expect("a raw connection opens");
        raw.execute_batch(
            "INSERT INTO users (id, name, alias, admin, seq) VALUES ('bad-name', '', NULL, 0, 1);
             INSERT INTO groups (id, name, type, seq) VALUES ('bad-type', 'g', 'club', 1);
             INSERT INTO groups (id, name, type, seq) VALUES ('bad/id', 'g', 'team', 2);
             INSERT INTO tokens (id, kind, created_at) VALUES ('odd-kind', 'space_invite', 0);
             INSERT INTO tokens (id, kind, created_at) VALUES ('no-group', 'group_invite_user', 0);",
        )
        .expect("the bad rows insert");

        let is_backend = |r: StoreResult<_>| matches!(r, Err(StoreError::Backend(_)));
        let bad_user = UserId::parse("bad-name").expect("a valid id");
        assert!(is_backend(store.get_user(&bad_user).await.map(|_| ())));
        let bad_group = GroupId::parse("bad-type").expect("a valid id");
        assert!(is_backend(store.get_group(&bad_group).await.map(|_| ())));
        assert!(is_backend(store.list_groups().await.map(|_| ())));
        assert!(is_backend(store.get_token("odd-kind").await.map(|_| ())));
        assert!(is_backend(store.get_token("no-group").await.map(|_| ())));
        let user = UserId::generate();
        let joined = store.join_with_token("no-group", &user).await;
        match joined {
            Err(StoreError::Backend(message)) => assert!(!message.contains("no-group")),
            other => panic!("expected a backend error, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn a_database_from_a_newer_build_is_refused() {
        let (_dir, path) = temp_db();
        drop(SqliteStore::open(&path).expect("the store opens"));
        let raw = Connection::open(&path).expect("a raw connection opens");
        raw.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (9999, 0)", [])
            .expect("the future version inserts");
        drop(raw);
        assert!(matches!(SqliteStore::open(&path), Err(StoreError::Backend(_))));
    }

    #[test]
    fn opening_creates_missing_parent_directories() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("a").join("b").join("oz.db");
        SqliteStore::open(&path).expect("the store opens");
        assert!(path.is_file());
    }

    #[test]
    fn a_database_that_cannot_be_opened_is_unavailable() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        // A directory is not a database file; SQLite reports it cannot open it.
        assert!(matches!(SqliteStore::open(dir.path()), Err(StoreError::Unavailable(_))));
    }

    #[test]
    fn busy_locked_and_full_databases_are_unavailable_and_other_failures_are_backend_errors() {
        let failure = |code| rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None);
        for code in [
            rusqlite::ffi::SQLITE_BUSY,
            rusqlite::ffi::SQLITE_LOCKED,
            rusqlite::ffi::SQLITE_CANTOPEN,
            rusqlite::ffi::SQLITE_READONLY,
            rusqlite::ffi::SQLITE_FULL,
            rusqlite::ffi::SQLITE_IOERR,
        ] {
            assert!(matches!(sql_error(failure(code)), StoreError::Unavailable(_)));
        }
        for code in [rusqlite::ffi::SQLITE_CONSTRAINT, rusqlite::ffi::SQLITE_CORRUPT] {
            assert!(matches!(sql_error(failure(code)), StoreError::Backend(_)));
        }
        assert!(matches!(sql_error(rusqlite::Error::QueryReturnedNoRows), StoreError::Backend(_)));
    }

    #[test]
    fn the_writer_runs_in_wal_mode_with_full_sync_foreign_keys_and_a_busy_timeout() {
        let (_dir, path) = temp_db();
        let store = SqliteStore::open(&path).expect("the store opens");
        let conn = store.inner.writer.lock().expect("the writer is free");
        let pragma = |name: &str| -> i64 {
            conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0)).expect("the pragma reads")
        };
        let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0)).expect("the journal mode reads");
        assert_eq!(mode, "wal");
        assert_eq!(pragma("synchronous"), 2, "2 is FULL");
        assert_eq!(pragma("foreign_keys"), 1);
        assert_eq!(pragma("busy_timeout"), 5000);
    }

    #[tokio::test]
    async fn a_group_invite_keeps_its_privilege_bits_exactly() {
        let (_dir, path) = temp_db();
        let store = SqliteStore::open(&path).expect("the store opens");
        let mut invite = an_invite(&GroupId::generate(), Some(3));
        let set = PrivilegeSet::from_iter([Privilege::RemoveUser, Privilege::CreateSpaceToken]);
        invite.grant = TokenGrant::GroupInviteUser { group: GroupId::generate(), privileges: set };
        store.insert_token(&invite).await.expect("insert invite");
        assert_eq!(store.get_token(&invite.id).await, Ok(Some(invite)));
    }
}
