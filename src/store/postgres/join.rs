//! PostgreSQL's join: the shared decision order (`sql::join`) over PostgreSQL's statements, in
//! one `READ COMMITTED` transaction of two statements that locks the rows it decides on, so
//! that racing joins queue on the token's row instead of failing and being retried.

use deadpool_postgres::Transaction;
use tokio_postgres::IsolationLevel;

use super::errors::Failure;
use super::rows::{query_one, query_opt, token_row};
use super::PostgresStore;
use crate::domain::{GroupId, PrivilegeSet, UserId};
use crate::store::sql::join::{join, Admission, JoinSteps};
use crate::store::sql::token_columns;
use crate::store::{JoinOutcome, StoreResult, TokenRecord};

/// The token, locked until the transaction ends. At `READ COMMITTED` a join that finds the row
/// locked by another join waits for that one to end and then reads the row as it committed it,
/// with its use counted: racing joins on one invite run one after the other, each on fresh
/// counts, and none fails.
const TOKEN: &str = concat!("SELECT ", token_columns!(), " FROM tokens WHERE id = $1 FOR UPDATE");

/// `JoinSteps::admit` in one statement, its checks in their order by data dependence: `g` is
/// the group, held with a key-share lock so that it cannot be deleted before this transaction
/// ends (a delete already under way is waited for, and then `g` is empty); `m` adds the
/// membership only if the group is there, and adds nothing for a user who is already a member
/// (the primary key decides, so a concurrent join of the same user with another invite is
/// waited for, not missed); `u` counts the use only if `m` added the membership. The guard's
/// use checks are repeated in `u`. All three see the rows the token lock's wait let commit.
const ADMIT: &str = "\
WITH g AS (SELECT id FROM groups WHERE id = $2 FOR KEY SHARE),
     m AS (INSERT INTO memberships (group_id, user_id, privileges)
           SELECT id, $3, $4 FROM g
           ON CONFLICT (group_id, user_id) DO NOTHING
           RETURNING 1),
     u AS (UPDATE tokens SET uses = uses + 1
           WHERE id = $1 AND revoked = FALSE AND (max_uses IS NULL OR uses < max_uses)
             AND EXISTS (SELECT 1 FROM m)
           RETURNING 1)
SELECT EXISTS (SELECT 1 FROM g), EXISTS (SELECT 1 FROM m), (SELECT COUNT(*) FROM u)";

impl PostgresStore {
    pub(super) async fn join(&self, token_id: &str, user: &UserId) -> StoreResult<JoinOutcome> {
        // `READ COMMITTED`, not `SERIALIZABLE`: the locks taken by `TOKEN` and `ADMIT` are what
        // makes the join atomic against other joins, revocations and group deletions, from any
        // instance. Under `SERIALIZABLE` joins of different invites aborted each other too
        // (predicate locks on shared index pages), and racing joins on one invite all but one.
        // `write_at` still retries a deadlock, or a distributed engine's serialization failure.
        self.write_at(IsolationLevel::ReadCommitted, &(token_id, user.as_str()), |tx, (token_id, user)| {
            Box::pin(async move { join(&Steps { tx, token_id, user }).await })
        })
        .await
    }
}

/// The join's statements, on the join's transaction.
struct Steps<'a> {
    tx: &'a Transaction<'a>,
    token_id: &'a str,
    user: &'a str,
}

impl JoinSteps for Steps<'_> {
    type Error = Failure;

    async fn token(&self) -> Result<Option<TokenRecord>, Failure> {
        let Some(row) = query_opt(self.tx, TOKEN, &[&self.token_id]).await? else { return Ok(None) };
        Ok(Some(token_row(&row)?.decode()?))
    }

    async fn admit(&self, group: &GroupId, privileges: PrivilegeSet) -> Result<Admission, Failure> {
        let bits = i64::from(privileges.bits());
        let row = query_one(self.tx, ADMIT, &[&self.token_id, &group.as_str(), &self.user, &bits]).await?;
        // A count is never negative; were it, the guard would see no use counted and roll back.
        let counted: i64 = row.try_get(2)?;
        Ok(Admission {
            group_exists: row.try_get(0)?,
            added: row.try_get(1)?,
            counted: u64::try_from(counted).unwrap_or(0),
        })
    }
}
