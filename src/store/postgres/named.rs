//! Named invite tokens, join records and the origin of memberships on PostgreSQL (issue 13,
//! contract §8). The join and the nested join write the records and origins (`join`, `nested`);
//! this module reads them and manages the tokens. Lists page by the token's or record's `seq`
//! (migration 0008) like the other lists (`pages`).

use tokio_postgres::types::ToSql;
use tokio_postgres::{IsolationLevel, Row};

use super::errors::Failure;
use super::rows::{execute, query, query_opt, token_row};
use super::PostgresStore;
use crate::domain::{GroupId, Page, PageRequest, UserId};
use crate::store::sql::pages::{after_bound, fetch_limit};
use crate::store::sql::{
    self, token_columns, token_named_columns, RowError, KIND_GROUP_INVITE_GROUP, KIND_GROUP_INVITE_USER,
};
use crate::store::{JoinRecord, Joiner, NamedTokenUpdate, Origin, StoreResult, TokenRecord, TokenWrite};

/// Every token column, in `TokenRow`'s order, then the row's `seq` (column 14).
macro_rules! token_and_seq {
    () => {
        concat!(token_columns!(), ", ", token_named_columns!(), ", seq")
    };
}

/// The page of `rows`, each decoded by `decode` into an item and its `seq`.
fn paged<T>(
    rows: &[Row],
    page: PageRequest,
    decode: impl Fn(&Row) -> Result<(T, i64), Failure>,
) -> Result<Page<T>, Failure> {
    let items = rows
        .iter()
        .map(|row| {
            let (item, seq) = decode(row)?;
            let seq = u64::try_from(seq).map_err(|_| RowError("a stored sequence number is negative".into()))?;
            Ok((item, seq))
        })
        .collect::<Result<Vec<_>, Failure>>()?;
    Ok(Page::from_rows(items, page.limit()))
}

fn join_record(row: &Row) -> Result<(JoinRecord, i64), Failure> {
    let joiner = match (row.try_get::<_, Option<String>>(2)?, row.try_get::<_, Option<String>>(3)?) {
        (Some(user), None) => Joiner::User(sql::user_id(user)?),
        (None, Some(child)) => Joiner::Group(sql::group_id(child)?),
        _ => return Err(RowError("a stored join record names no single joiner".into()).into()),
    };
    let joined_at: i64 = row.try_get(5)?;
    let record = JoinRecord {
        token_id: row.try_get(0)?,
        group: sql::group_id(row.try_get(1)?)?,
        joiner,
        privileges: sql::privileges(row.try_get(4)?)?,
        joined_at: u64::try_from(joined_at).map_err(|_| RowError("a stored join time is negative".into()))?,
    };
    Ok((record, row.try_get(6)?))
}

/// Whether `e` is the unique violation of `tokens_named` (one issuer, one name): a name taken by
/// a write that committed while this one waited for it.
fn name_taken_by_a_racer(e: &tokio_postgres::Error) -> bool {
    e.as_db_error().is_some_and(|db| {
        *db.code() == tokio_postgres::error::SqlState::UNIQUE_VIOLATION && db.constraint() == Some("tokens_named")
    })
}

impl PostgresStore {
    pub(super) async fn named_tokens_in(&self, issuer: &UserId, page: PageRequest) -> StoreResult<Page<String>> {
        let Some(bound) = after_bound(page) else { return Ok(Page::whole(Vec::new())) };
        let limit = fetch_limit(page);
        self.read(&(issuer.as_str(), bound, limit), |client, (issuer, bound, limit)| {
            Box::pin(async move {
                let select = "SELECT id, seq FROM tokens
                              WHERE issuer_id = $1 AND name IS NOT NULL AND seq > $2 ORDER BY seq LIMIT $3";
                let params: [&(dyn ToSql + Sync); 3] = [issuer, bound, limit];
                let rows = query(client, select, &params).await?;
                paged(&rows, page, |row| Ok((row.try_get(0)?, row.try_get(1)?)))
            })
        })
        .await
    }

    pub(super) async fn named_token_by_name_in(&self, issuer: &UserId, name: &str) -> StoreResult<Option<TokenRecord>> {
        self.read(&(issuer.as_str(), name), |client, (issuer, name)| {
            Box::pin(async move {
                let select = concat!(
                    "SELECT ",
                    token_columns!(),
                    ", ",
                    token_named_columns!(),
                    " FROM tokens WHERE issuer_id = $1 AND name = $2"
                );
                let row = query_opt(client, select, &[issuer, name]).await?;
                row.map(|row| Ok(token_row(&row)?.decode()?)).transpose()
            })
        })
        .await
    }

    pub(super) async fn update_named_token_in(&self, id: &str, update: &NamedTokenUpdate) -> StoreResult<TokenWrite> {
        // `READ COMMITTED`, one statement: it locks the token's row as a join does, so a
        // revocation waits for the joins holding it and every join that reads the row after
        // this commits sees it revoked; under `SERIALIZABLE`, joins racing a revocation would
        // make it fail and retry. The name check (`taken`) reads what committed before the
        // statement; a rename or insert of the same name by the same issuer that commits later
        // makes the update wait on `tokens_named` and then fail with a unique violation, which
        // is `NameTaken` too (`name_taken_by_a_racer`): nothing changed, the failed transaction
        // is rolled back (its `COMMIT` ends it as a `ROLLBACK`).
        let args = (id, update.name.as_deref(), update.revoked, update.custom_metadata.as_deref());
        self.write_at(IsolationLevel::ReadCommitted, &args, |tx, (id, name, revoked, metadata)| {
            Box::pin(async move {
                let sql = "WITH target AS (SELECT id, issuer_id FROM tokens
                                           WHERE id = $1 AND name IS NOT NULL FOR UPDATE),
                                taken AS (SELECT 1 FROM tokens o JOIN target ON o.issuer_id = target.issuer_id
                                          WHERE $2::text IS NOT NULL AND o.name = $2::text AND o.id <> $1),
                                changed AS (UPDATE tokens
                                            SET name = COALESCE($2::text, tokens.name),
                                                revoked = COALESCE($3::boolean, tokens.revoked),
                                                custom_metadata = COALESCE($4::text, tokens.custom_metadata)
                                            FROM target
                                            WHERE tokens.id = target.id AND NOT EXISTS (SELECT 1 FROM taken)
                                            RETURNING 1)
                           SELECT EXISTS (SELECT 1 FROM target), EXISTS (SELECT 1 FROM changed)";
                let row = match query_opt(tx, sql, &[id, name, revoked, metadata]).await {
                    Err(Failure::Sql(e)) if name_taken_by_a_racer(&e) => return Ok(TokenWrite::NameTaken),
                    answer => answer?.ok_or_else(|| Failure::Row("the token update returned no row".into()))?,
                };
                let (found, changed): (bool, bool) = (row.try_get(0)?, row.try_get(1)?);
                Ok(match (found, changed) {
                    (false, _) => TokenWrite::Missing,
                    (true, true) => TokenWrite::Done,
                    (true, false) => TokenWrite::NameTaken,
                })
            })
        })
        .await
    }

    pub(super) async fn delete_token_in(&self, id: &str) -> StoreResult<bool> {
        // `READ COMMITTED`: the token's row first, which waits for a join holding it; a join
        // that comes later finds no token, so the second statement sees every record there is.
        self.write_at(IsolationLevel::ReadCommitted, id, |tx, id| {
            Box::pin(async move {
                let deleted = execute(tx, "DELETE FROM tokens WHERE id = $1", &[&id]).await?;
                execute(tx, "DELETE FROM token_joins WHERE token_id = $1", &[&id]).await?;
                Ok(deleted == 1)
            })
        })
        .await
    }

    pub(super) async fn delete_named_tokens_in(&self, issuer: &UserId) -> StoreResult<u64> {
        // As `delete_token_in`, for each of the issuer's named tokens.
        self.write_at(IsolationLevel::ReadCommitted, issuer.as_str(), |tx, issuer| {
            Box::pin(async move {
                let rows =
                    query(tx, "DELETE FROM tokens WHERE issuer_id = $1 AND name IS NOT NULL RETURNING id", &[&issuer])
                        .await?;
                let ids = rows.iter().map(|r| r.try_get(0)).collect::<Result<Vec<String>, _>>()?;
                execute(tx, "DELETE FROM token_joins WHERE token_id = ANY($1)", &[&ids]).await?;
                Ok(ids.len() as u64)
            })
        })
        .await
    }

    pub(super) async fn group_invites_in(
        &self,
        group: &GroupId,
        now_unix: u64,
        page: PageRequest,
    ) -> StoreResult<Page<TokenRecord>> {
        let Some(bound) = after_bound(page) else { return Ok(Page::whole(Vec::new())) };
        let limit = fetch_limit(page);
        let now = i64::try_from(now_unix).unwrap_or(i64::MAX);
        self.read(&(group.as_str(), now, bound, limit), |client, (group, now, bound, limit)| {
            Box::pin(async move {
                let select = concat!(
                    "SELECT ",
                    token_and_seq!(),
                    " FROM tokens
                     WHERE group_id = $1 AND kind IN ($5, $6) AND revoked = FALSE
                       AND (max_uses IS NULL OR uses < max_uses) AND (valid_until IS NULL OR valid_until > $2)
                       AND seq > $3 ORDER BY seq LIMIT $4"
                );
                let params: [&(dyn ToSql + Sync); 6] =
                    [group, now, bound, limit, &KIND_GROUP_INVITE_USER, &KIND_GROUP_INVITE_GROUP];
                let rows = query(client, select, &params).await?;
                paged(&rows, page, |row| Ok((token_row(row)?.decode()?, row.try_get(14)?)))
            })
        })
        .await
    }

    pub(super) async fn token_joins_in(&self, token_id: &str, page: PageRequest) -> StoreResult<Page<JoinRecord>> {
        let Some(bound) = after_bound(page) else { return Ok(Page::whole(Vec::new())) };
        let limit = fetch_limit(page);
        self.read(&(token_id, bound, limit), |client, (token_id, bound, limit)| {
            Box::pin(async move {
                let select = "SELECT token_id, group_id, user_id, child_id, privileges, joined_at, seq
                              FROM token_joins WHERE token_id = $1 AND seq > $2 ORDER BY seq LIMIT $3";
                let params: [&(dyn ToSql + Sync); 3] = [token_id, bound, limit];
                let rows = query(client, select, &params).await?;
                paged(&rows, page, join_record)
            })
        })
        .await
    }

    pub(super) async fn member_origin_in(&self, group: &GroupId, user: &UserId) -> StoreResult<Option<Origin>> {
        self.read(&(group.as_str(), user.as_str()), |client, (group, user)| {
            Box::pin(async move {
                let select =
                    "SELECT origin, origin_token, origin_by FROM memberships WHERE group_id = $1 AND user_id = $2";
                let Some(row) = query_opt(client, select, &[group, user]).await? else { return Ok(None) };
                let (origin, token, by): (Option<String>, Option<String>, Option<String>) =
                    (row.try_get(0)?, row.try_get(1)?, row.try_get(2)?);
                let by = by.map(sql::user_id).transpose()?;
                let missing = |what: &str| RowError(format!("a stored membership origin lacks its {what}"));
                Ok(Some(match origin.as_deref() {
                    None => Origin::Unknown,
                    Some("created") => Origin::Created,
                    Some("invite") => Origin::Invite { token: token.ok_or_else(|| missing("token"))?, issuer: by },
                    Some("added") => Origin::Added { by: by.ok_or_else(|| missing("adder"))? },
                    Some(_) => return Err(RowError("a stored membership origin is unknown".into()).into()),
                }))
            })
        })
        .await
    }
}
