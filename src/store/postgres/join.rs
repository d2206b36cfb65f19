//! PostgreSQL's join: one statement that locks the row it decides on and writes the membership
//! and the use together, in a transaction committed only once the shared decision order
//! (`sql::join`) has read its answer; racing joins queue on the token's row instead of failing.

use deadpool_postgres::Object;
use tokio_postgres::types::ToSql;
use tokio_postgres::Row;

use super::errors::Failure;
use super::retry::retrying;
use super::rows::token_row;
use super::PostgresStore;
use crate::domain::{GroupId, PrivilegeSet, UserId};
use crate::store::sql::join::{join, Admission, IssuerCheck, JoinSteps};
use crate::store::sql::{token_columns, RowError, KIND_GROUP_INVITE_USER};
use crate::store::{JoinOutcome, StoreResult, TokenRecord};

/// The whole join, `$1` the token's identifier, `$2` the joining user, `$3` the invite kind, run
/// at `READ COMMITTED` (see `join_in` for its transaction).
///
/// The parts, in order of data dependence:
/// - `t`, the token, locked until the statement ends. A join that finds the row locked by
///   another join waits for that one to end and then reads the row as it committed it, with its
///   use counted: racing joins on one invite run one after the other, each on fresh counts.
/// - `g`, the invite's group, if the token is an invite that is not revoked and has a use left
///   (the checks `sql::join` makes; the answer's `USABLE` column repeats them for `admit` to
///   compare) and is not marked `group_gone`. The group's row is read, not locked: a lock on it,
///   shared by every join into the group, cost each join a MultiXact
///   (0004_join_without_group_lock). A deletion of the group reaches the join through `t`
///   instead: it marks the group's tokens, so a join that waited for the mark reads it and adds
///   nothing, and a join that held the token first ends before the deletion goes on to remove
///   the group's memberships, the one it added among them (`PostgresStore::delete_group`).
/// - `m` adds the membership, only if there is such a group, and adds nothing for a user who is
///   a member already (the primary key decides, so a concurrent join of the same user with
///   another invite is waited for, not missed). An unknown user fails its foreign key: the
///   statement fails, nothing is written.
/// - `u` counts the use, only if `m` added the membership, repeating the use checks.
/// - The guard: were a membership added and no use counted, `1 / 0` fails the statement, and
///   neither is written. (`t` holds the row `u` changes, so this cannot happen; it is the
///   statement's own proof of "a use is counted only with a membership", not the caller's.)
///
/// The outer `LEFT JOIN` returns one row even when there is no such token. Each part is as
/// small as it can be: starting the executor on every node of this plan is a good part of
/// what the statement costs the database.
pub const JOIN: &str = concat!(
    "WITH t AS (SELECT ",
    token_columns!(),
    ", group_gone FROM tokens WHERE id = $1 FOR UPDATE),
     g AS (SELECT groups.id, t.privileges FROM groups JOIN t ON groups.id = t.group_id
           WHERE t.kind = $3 AND t.revoked = FALSE AND (t.max_uses IS NULL OR t.uses < t.max_uses)
             AND t.group_gone = FALSE),
     m AS (INSERT INTO memberships (group_id, user_id, privileges)
           SELECT id, $2, privileges FROM g
           ON CONFLICT (group_id, user_id) DO NOTHING
           RETURNING 1),
     u AS (UPDATE tokens SET uses = uses + 1
           WHERE id = $1 AND revoked = FALSE AND (max_uses IS NULL OR uses < max_uses)
             AND EXISTS (SELECT 1 FROM m)
           RETURNING 1)
SELECT t.*, t.kind = $3 AND t.revoked = FALSE AND (t.max_uses IS NULL OR t.uses < t.max_uses),
       EXISTS (SELECT 1 FROM g), EXISTS (SELECT 1 FROM m), (SELECT COUNT(*) FROM u),
       CASE WHEN EXISTS (SELECT 1 FROM m) THEN 1 / (SELECT COUNT(*) FROM u) END
FROM (VALUES (1)) AS one LEFT JOIN t ON TRUE"
);

/// The columns of `JOIN`'s answer after the token's nine and `group_gone` (the last one, the
/// guard's, is not read).
const USABLE: usize = 10;
const GROUP_EXISTS: usize = 11;
const ADDED: usize = 12;
const COUNTED: usize = 13;

impl PostgresStore {
    pub(super) async fn join(&self, token_id: &str, user: &UserId) -> StoreResult<JoinOutcome> {
        // `READ COMMITTED`, not `SERIALIZABLE`: the locks `JOIN` takes are what makes the join
        // atomic against other joins, revocations and group deletions, from any instance.
        // Under `SERIALIZABLE` joins of different invites aborted each other too (predicate
        // locks on shared index pages), and racing joins on one invite all but one. The retry
        // still covers a deadlock, or a distributed engine's serialization failure.
        self.on_connection(&(token_id, user.as_str()), |lease, args| {
            Box::pin(retrying(lease, args, |client, (token_id, user)| Box::pin(join_in(client, token_id, user))))
        })
        .await
    }
}

/// One attempt of the join on `client`: `BEGIN` and `JOIN` sent together (tokio-postgres
/// pipelines requests polled together, in the order first polled), so they cost one round
/// trip; `COMMIT` only after the decision order has read the answer and agreed with it, or
/// `ROLLBACK`.
///
/// Why not `JOIN` alone, its own transaction, one round trip less: a statement outside a
/// transaction block commits whenever the server gets to it. A server that stalls (frozen,
/// overloaded) after the statement was sent would commit it after this call has given up and
/// answered 503, a 503 that joined; here a call that gives up before `COMMIT` was sent leaves
/// an open transaction that dies with its connection (`retry::Lease`). Only a stall during the
/// `COMMIT`'s own round trip remains ambiguous, as for any database client.
async fn join_in(client: &Object, token_id: &str, user: &str) -> Result<JoinOutcome, Failure> {
    let statement = client.prepare_cached(JOIN).await?;
    let params: [&(dyn ToSql + Sync); 3] = [&token_id, &user, &KIND_GROUP_INVITE_USER];
    let (begun, answered) = tokio::join!(client.batch_execute("BEGIN"), client.query_one(&statement, &params));
    let decided = async {
        begun?;
        let row = answered?;
        let outcome = join(&Answer(&row)).await?;
        // The other direction of `admit`'s check: a membership added means the decision order
        // found the token usable too.
        if row.try_get::<_, bool>(ADDED)? && !matches!(outcome, JoinOutcome::Joined(_)) {
            return Err(RowError("the join statement added a membership the decision order refused".into()).into());
        }
        Ok(outcome)
    }
    .await;
    match decided {
        Ok(outcome) => {
            // With `synchronous_commit=on`, on the server's disk when this returns.
            client.batch_execute("COMMIT").await?;
            Ok(outcome)
        }
        Err(e) => {
            client.batch_execute("ROLLBACK").await?;
            Err(e)
        }
    }
}

/// `JOIN`'s answer, read through the decision order's steps: the statement has run them all.
struct Answer<'a>(&'a Row);

impl JoinSteps for Answer<'_> {
    type Error = Failure;

    async fn token(&self) -> Result<Option<TokenRecord>, Failure> {
        if self.0.try_get::<_, Option<String>>(0)?.is_none() {
            return Ok(None);
        }
        Ok(Some(token_row(self.0)?.decode()?))
    }

    /// Issue 13's retry is not yet on PostgreSQL (Part P): never a retry here.
    async fn rejoined(&self, _group: &GroupId) -> Result<bool, Failure> {
        Ok(false)
    }

    /// Called only when the decision order found the token usable; the statement must have
    /// found it so too, and added the membership with the token's group and privileges. (Issue
    /// 13's issuer check is not yet on PostgreSQL, Part P: the issuer always passes here.)
    async fn admit(
        &self,
        _group: &GroupId,
        _privileges: PrivilegeSet,
        _issuer: Option<&IssuerCheck>,
    ) -> Result<Admission, Failure> {
        if !self.0.try_get::<_, bool>(USABLE)? {
            return Err(RowError("the join statement and the decision order disagree on a token".into()).into());
        }
        // A count is never negative; were it, the guard would see no use counted and fail.
        let counted: i64 = self.0.try_get(COUNTED)?;
        Ok(Admission {
            group_exists: self.0.try_get(GROUP_EXISTS)?,
            issuer_allowed: true,
            added: self.0.try_get(ADDED)?,
            counted: u64::try_from(counted).unwrap_or(0),
        })
    }
}
