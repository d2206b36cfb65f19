//! PostgreSQL's join: the shared decision order (`sql::join`) over PostgreSQL's statements, in
//! one `SERIALIZABLE` transaction that `write` retries whole.

use deadpool_postgres::Transaction;

use super::errors::Failure;
use super::rows::{execute, get_token_in, insert_membership, query_opt};
use super::PostgresStore;
use crate::domain::{GroupId, PrivilegeSet, UserId};
use crate::store::sql::join::{join, JoinSteps};
use crate::store::{JoinOutcome, StoreResult, TokenRecord};

impl PostgresStore {
    pub(super) async fn join(&self, token_id: &str, user: &UserId) -> StoreResult<JoinOutcome> {
        // One SERIALIZABLE transaction: if another join (from any instance) changed what these
        // checks read before this one commits, the database fails one of the two with 40001 and
        // `write` runs it again from the first check, on fresh data.
        self.write(&(token_id, user.as_str()), |tx, (token_id, user)| {
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
        get_token_in(self.tx, self.token_id).await
    }

    async fn group_exists(&self, group: &GroupId) -> Result<bool, Failure> {
        Ok(query_opt(self.tx, "SELECT 1 FROM groups WHERE id = $1", &[&group.as_str()]).await?.is_some())
    }

    async fn is_member(&self, group: &GroupId) -> Result<bool, Failure> {
        let sql = "SELECT 1 FROM memberships WHERE group_id = $1 AND user_id = $2";
        Ok(query_opt(self.tx, sql, &[&group.as_str(), &self.user]).await?.is_some())
    }

    async fn insert_membership(&self, group: &GroupId, privileges: PrivilegeSet) -> Result<(), Failure> {
        insert_membership(self.tx, group.as_str(), self.user, privileges).await
    }

    async fn count_use(&self) -> Result<u64, Failure> {
        let sql = "UPDATE tokens SET uses = uses + 1
                   WHERE id = $1 AND revoked = FALSE AND (max_uses IS NULL OR uses < max_uses)";
        execute(self.tx, sql, &[&self.token_id]).await
    }
}
