//! Named invite tokens, a group's live invites, join records and the origin of memberships on
//! SQLite (issue 13, contract §8), and the two pieces the joins share: the issuer check and the
//! join record, both run on the writer inside the join's transaction.

use rusqlite::{params, Connection, OptionalExtension};

use super::errors::Failure;
use super::nested::effective_privileges_on;
use super::rows::token_row;
use super::zone::effective_zone_privileges_on;
use super::SqliteStore;
use crate::domain::{GroupId, Page, PageRequest, UserId};
use crate::store::sql::join::IssuerCheck;
use crate::store::sql::pages::{after_bound, fetch_limit};
use crate::store::sql::{self, token_columns, token_named_columns, RowError, TokenRow};
use crate::store::{JoinRecord, Joiner, NamedTokenUpdate, Origin, StoreResult, TokenRecord, TokenWrite};

/// Whether the issuer of an invite into `group` may still create it (`store::issuer_needs`):
/// its effective privileges there cover `check.needed` (one read, stopping at the direct
/// membership when it holds them), or else, a second read only then, it holds the zone
/// privilege. An issuer who is gone has neither: its memberships and zone privileges went with it.
pub(super) fn issuer_allowed(conn: &Connection, check: &IssuerCheck, group: &str) -> Result<bool, Failure> {
    let issuer = check.issuer.as_str();
    if effective_privileges_on(conn, group, issuer, check.needed)?.is_some_and(|held| check.held_by(held)) {
        return Ok(true);
    }
    Ok(effective_zone_privileges_on(conn, issuer)?.contains_all(check.zone))
}

/// Writes the join record of one admission through `token` into `group`: `joiner` is the user
/// (a join) or the child group (a nested join). The caller holds the write lock, as for
/// `insert_membership`'s sequence number. The time is the database's clock: the trait's joins
/// take none.
pub(super) fn insert_join_record(
    tx: &Connection,
    token: &str,
    group: &str,
    joiner: (Option<&str>, Option<&str>),
    privileges: crate::domain::PrivilegeSet,
) -> Result<(), Failure> {
    tx.prepare_cached(
        "INSERT INTO token_joins (token_id, seq, group_id, user_id, child_id, privileges, joined_at)
         VALUES (?1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM token_joins), ?2, ?3, ?4, ?5,
                 CAST(strftime('%s', 'now') AS INTEGER))",
    )?
    .execute(params![token, group, joiner.0, joiner.1, privileges.bits()])?;
    Ok(())
}

/// Deletes the named tokens `issuer` issued, with their join records; how many tokens went.
pub(super) fn delete_named_tokens_in(tx: &Connection, issuer: &str) -> Result<u64, Failure> {
    tx.prepare_cached(
        "DELETE FROM token_joins
         WHERE token_id IN (SELECT id FROM tokens WHERE issuer_id = ?1 AND name IS NOT NULL)",
    )?
    .execute([issuer])?;
    let deleted =
        tx.prepare_cached("DELETE FROM tokens WHERE issuer_id = ?1 AND name IS NOT NULL")?.execute([issuer])?;
    Ok(deleted as u64)
}

/// Every token column, then the row's `rowid` (creation order, the key the lists page by).
macro_rules! token_select {
    () => {
        concat!("SELECT ", token_columns!(), ", ", token_named_columns!(), ", rowid FROM tokens")
    };
}

/// `?1` is the bound, `?2` the limit and `?3` the key, in each list statement.
pub(super) const NAMED_TOKENS: &str = "SELECT id, rowid FROM tokens
     WHERE issuer_id = ?3 AND name IS NOT NULL AND rowid > ?1 ORDER BY rowid LIMIT ?2";
/// `?4` is now (unix seconds): a token whose `valid_until` is not after it has expired.
pub(super) const GROUP_INVITES: &str = concat!(
    token_select!(),
    " WHERE group_id = ?3 AND revoked = 0 AND (max_uses IS NULL OR uses < max_uses)
        AND (valid_until IS NULL OR valid_until > ?4) AND rowid > ?1
      ORDER BY rowid LIMIT ?2"
);
pub(super) const TOKEN_JOINS: &str = "SELECT group_id, user_id, child_id, privileges, joined_at, seq FROM token_joins
     WHERE token_id = ?3 AND seq > ?1 ORDER BY seq LIMIT ?2";

/// The page of `rows` (item, sequence number).
fn paged<T>(rows: Vec<(T, i64)>, page: PageRequest) -> Result<Page<T>, RowError> {
    let rows = rows
        .into_iter()
        .map(|(item, seq)| {
            u64::try_from(seq)
                .map(|seq| (item, seq))
                .map_err(|_| RowError("a stored sequence number is negative".into()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page::from_rows(rows, page.limit()))
}

/// A `JoinRecord` of token `token_id` from `TOKEN_JOINS`'s columns.
struct JoinRow {
    group_id: String,
    user_id: Option<String>,
    child_id: Option<String>,
    privileges: i64,
    joined_at: i64,
}

impl JoinRow {
    fn decode(self, token_id: &str) -> Result<JoinRecord, RowError> {
        let joiner = match (self.user_id, self.child_id) {
            (Some(user), None) => Joiner::User(sql::user_id(user)?),
            (None, Some(child)) => Joiner::Group(sql::group_id(child)?),
            _ => return Err(RowError("a stored join record names no single joiner".into())),
        };
        Ok(JoinRecord {
            token_id: token_id.to_owned(),
            group: sql::group_id(self.group_id)?,
            joiner,
            privileges: sql::privileges(self.privileges)?,
            joined_at: u64::try_from(self.joined_at).map_err(|_| RowError("a stored join time is negative".into()))?,
        })
    }
}

/// A membership's origin from its three columns.
fn origin(kind: Option<String>, token: Option<String>, by: Option<String>) -> Result<Origin, RowError> {
    let missing = |what: &str| RowError(format!("a stored membership origin lacks its {what}"));
    Ok(match kind.as_deref() {
        None => Origin::Unknown,
        Some("created") => Origin::Created,
        Some("invite") => {
            Origin::Invite { token: token.ok_or_else(|| missing("token"))?, issuer: by.map(sql::user_id).transpose()? }
        }
        Some("added") => Origin::Added { by: sql::user_id(by.ok_or_else(|| missing("adder"))?)? },
        Some(_) => return Err(RowError("a stored membership origin is unknown".into())),
    })
}

impl SqliteStore {
    pub(super) async fn named_tokens_in(&self, issuer: &UserId, page: PageRequest) -> StoreResult<Page<String>> {
        let Some(bound) = after_bound(page) else { return Ok(Page::whole(Vec::new())) };
        let limit = fetch_limit(page);
        let issuer = issuer.clone();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(NAMED_TOKENS)?;
            let rows = stmt
                .query_map(params![bound, limit, issuer.as_str()], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(paged(rows, page)?)
        })
        .await
    }

    pub(super) async fn named_token_by_name_in(&self, issuer: &UserId, name: &str) -> StoreResult<Option<TokenRecord>> {
        let (issuer, name) = (issuer.clone(), name.to_owned());
        self.read_inline(move |conn| {
            let sql = concat!(token_select!(), " WHERE issuer_id = ?1 AND name = ?2");
            let row = conn.prepare_cached(sql)?.query_row([issuer.as_str(), name.as_str()], token_row).optional()?;
            Ok(row.map(TokenRow::decode).transpose()?)
        })
        .await
    }

    pub(super) async fn update_named_token_in(&self, id: &str, update: &NamedTokenUpdate) -> StoreResult<TokenWrite> {
        let (id, update) = (id.to_owned(), update.clone());
        // On the writer: a revocation commits before any join that starts after it, and joins
        // of the token in the same batch run before or after it, never around it.
        self.write(move |tx| {
            let named: Option<(String, String)> = tx
                .prepare_cached("SELECT issuer_id, name FROM tokens WHERE id = ?1 AND name IS NOT NULL")?
                .query_row([id.as_str()], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((issuer, old_name)) = named else { return Ok(TokenWrite::Missing) };
            if let Some(name) = update.name.as_ref().filter(|name| **name != old_name) {
                let taken: bool = tx
                    .prepare_cached("SELECT EXISTS (SELECT 1 FROM tokens WHERE issuer_id = ?1 AND name = ?2)")?
                    .query_row([issuer.as_str(), name.as_str()], |r| r.get(0))?;
                if taken {
                    return Ok(TokenWrite::NameTaken);
                }
            }
            tx.prepare_cached(
                "UPDATE tokens SET name = COALESCE(?2, name), revoked = COALESCE(?3, revoked),
                                   custom_metadata = COALESCE(?4, custom_metadata)
                 WHERE id = ?1",
            )?
            .execute(params![id, update.name, update.revoked, update.custom_metadata])?;
            Ok(TokenWrite::Done)
        })
        .await
    }

    pub(super) async fn delete_token_in(&self, id: &str) -> StoreResult<bool> {
        let id = id.to_owned();
        self.write(move |tx| {
            tx.prepare_cached("DELETE FROM token_joins WHERE token_id = ?1")?.execute([id.as_str()])?;
            let deleted = tx.prepare_cached("DELETE FROM tokens WHERE id = ?1")?.execute([id.as_str()])?;
            Ok(deleted == 1)
        })
        .await
    }

    pub(super) async fn delete_named_tokens_of(&self, issuer: &UserId) -> StoreResult<u64> {
        let issuer = issuer.clone();
        self.write(move |tx| delete_named_tokens_in(tx, issuer.as_str())).await
    }

    pub(super) async fn group_invites_in(
        &self,
        group: &GroupId,
        now_unix: u64,
        page: PageRequest,
    ) -> StoreResult<Page<TokenRecord>> {
        let Some(bound) = after_bound(page) else { return Ok(Page::whole(Vec::new())) };
        let limit = fetch_limit(page);
        let group = group.clone();
        // Past any stored deadline: nothing is expired at a time beyond what a column holds.
        let now = i64::try_from(now_unix).unwrap_or(i64::MAX);
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(GROUP_INVITES)?;
            let rows = stmt
                .query_map(params![bound, limit, group.as_str(), now], |r| Ok((token_row(r)?, r.get::<_, i64>(14)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let rows =
                rows.into_iter().map(|(row, seq)| Ok((row.decode()?, seq))).collect::<Result<Vec<_>, RowError>>()?;
            Ok(paged(rows, page)?)
        })
        .await
    }

    pub(super) async fn token_joins_in(&self, token_id: &str, page: PageRequest) -> StoreResult<Page<JoinRecord>> {
        let Some(bound) = after_bound(page) else { return Ok(Page::whole(Vec::new())) };
        let limit = fetch_limit(page);
        let token_id = token_id.to_owned();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(TOKEN_JOINS)?;
            let rows = stmt
                .query_map(params![bound, limit, token_id.as_str()], |r| {
                    let row = JoinRow {
                        group_id: r.get(0)?,
                        user_id: r.get(1)?,
                        child_id: r.get(2)?,
                        privileges: r.get(3)?,
                        joined_at: r.get(4)?,
                    };
                    Ok((row, r.get::<_, i64>(5)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let rows = rows
                .into_iter()
                .map(|(row, seq)| Ok((row.decode(&token_id)?, seq)))
                .collect::<Result<Vec<_>, RowError>>()?;
            Ok(paged(rows, page)?)
        })
        .await
    }

    pub(super) async fn member_origin_in(&self, group: &GroupId, user: &UserId) -> StoreResult<Option<Origin>> {
        let (group, user) = (group.clone(), user.clone());
        self.read_inline(move |conn| {
            let row: Option<(Option<String>, Option<String>, Option<String>)> = conn
                .prepare_cached(
                    "SELECT origin, origin_token, origin_by FROM memberships WHERE group_id = ?1 AND user_id = ?2",
                )?
                .query_row([group.as_str(), user.as_str()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            Ok(row.map(|(kind, token, by)| origin(kind, token, by)).transpose()?)
        })
        .await
    }
}
