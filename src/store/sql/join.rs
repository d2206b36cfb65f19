//! The join's decision order, written once for both SQL backends: what is checked, in which
//! order, with which outcome, and the guard that counts the use. Each backend supplies the
//! statements (`JoinSteps`) and runs `join` inside the one transaction that makes it atomic.

use super::RowError;
use crate::domain::{GroupId, PrivilegeSet};
use crate::store::{JoinOutcome, TokenGrant, TokenRecord};

/// The statements of one join, in a backend's dialect, bound to the token identifier and the
/// joining user and run inside the join's transaction. SQLite's steps never wait (rusqlite is
/// synchronous) and PostgreSQL's do; both implement the same async trait.
pub(crate) trait JoinSteps {
    type Error: From<RowError>;
    /// The record of the join's token, `None` when there is none.
    async fn token(&self) -> Result<Option<TokenRecord>, Self::Error>;
    async fn group_exists(&self, group: &GroupId) -> Result<bool, Self::Error>;
    /// Whether the joining user is already a direct member of `group`.
    async fn is_member(&self, group: &GroupId) -> Result<bool, Self::Error>;
    /// Adds the joining user to `group` with `privileges`.
    async fn insert_membership(&self, group: &GroupId, privileges: PrivilegeSet) -> Result<(), Self::Error>;
    /// Counts one use of the token with the guard statement, `UPDATE tokens SET uses = uses + 1
    /// WHERE id = … AND NOT revoked AND (max_uses IS NULL OR uses < max_uses)`, and returns how
    /// many rows it changed.
    async fn count_use(&self) -> Result<u64, Self::Error>;
}

/// `Store::join_with_token`'s checks, in the order its documentation gives: the token exists
/// and is an invite (`TokenUnknown`), is not revoked and has a use left (`TokenUsedUp`), its
/// group exists (`GroupGone`), the user is not yet a member (`AlreadyMember`); then the
/// membership and the use, together. An `Err` must roll the caller's transaction back.
pub(crate) async fn join<S: JoinSteps>(steps: &S) -> Result<JoinOutcome, S::Error> {
    let Some(record) = steps.token().await? else {
        return Ok(JoinOutcome::TokenUnknown);
    };
    let TokenGrant::GroupInviteUser { group, privileges } = record.grant else {
        return Ok(JoinOutcome::TokenUnknown);
    };
    let used_up = record.max_uses.is_some_and(|max| record.uses >= max);
    if record.revoked || used_up {
        return Ok(JoinOutcome::TokenUsedUp);
    }
    if !steps.group_exists(&group).await? {
        return Ok(JoinOutcome::GroupGone);
    }
    if steps.is_member(&group).await? {
        return Ok(JoinOutcome::AlreadyMember);
    }
    // An unknown user fails the foreign key here, and nothing is counted.
    steps.insert_membership(&group, privileges).await?;
    // The guard repeats the use checks in SQL, so that even a mistake above could not count a
    // use the token does not have; if it matches nothing, the join rolls back.
    if steps.count_use().await? != 1 {
        return Err(RowError("a token's use count changed inside its own join".into()).into());
    }
    Ok(JoinOutcome::Joined)
}
