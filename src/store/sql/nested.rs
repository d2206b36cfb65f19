//! What both SQL backends share of nested groups (issue 12): the decision order of a nested
//! join over the rows it read, and the fold of the effective-privilege rows. The statements
//! themselves, over each backend's closure table, are in its `nested.rs`.

use super::rows::privileges;
use super::RowError;
use crate::domain::PrivilegeSet;
use crate::store::{LinkOutcome, TokenGrant, TokenRecord};

/// The privileges of the rows an effective-privilege query returns (the direct membership and
/// each link from a child the user reaches), or `None` when there are none: every row there
/// proves membership, and an effective member always has one (its membership, or the link
/// through which it belongs).
pub(crate) fn effective_union(rows: impl IntoIterator<Item = i64>) -> Result<Option<PrivilegeSet>, RowError> {
    let mut any = false;
    let mut union = PrivilegeSet::default();
    for raw in rows {
        any = true;
        union = union.union(privileges(raw)?);
    }
    Ok(any.then_some(union))
}

/// The token part of a nested join's decision (contract §1 order: unknown, then revoked or
/// used up): the parent and the privileges the child gets there, or the outcome that ends it.
/// (Without issue 13's retry check, which comes between the two: see `group_invite` and
/// `spent`.)
pub(crate) fn usable_group_invite(
    record: Option<TokenRecord>,
) -> Result<(crate::domain::GroupId, PrivilegeSet), LinkOutcome> {
    let record = record.ok_or(LinkOutcome::TokenUnknown)?;
    let usable = group_invite(&record)?;
    if spent(&record) {
        return Err(LinkOutcome::TokenUsedUp);
    }
    Ok(usable)
}

/// The parent and the privileges of a `GroupInviteGroup` record, or `TokenUnknown`.
pub(crate) fn group_invite(record: &TokenRecord) -> Result<(crate::domain::GroupId, PrivilegeSet), LinkOutcome> {
    match &record.grant {
        TokenGrant::GroupInviteGroup { group, privileges } => Ok((group.clone(), *privileges)),
        _ => Err(LinkOutcome::TokenUnknown),
    }
}

/// Whether an invite is revoked or has no use left.
pub(crate) fn spent(record: &TokenRecord) -> bool {
    record.revoked || record.max_uses.is_some_and(|max| record.uses >= max)
}
