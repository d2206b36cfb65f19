//! SQLite's join: the shared decision order (`sql::join`) over SQLite's statements, run as one
//! write request. The write lock is held from the first check to the commit: the batch's
//! transaction is `BEGIN IMMEDIATE`.

use std::cell::Cell;

use rusqlite::OptionalExtension;

use super::errors::Failure;
use super::named::{insert_join_record, issuer_allowed};
use super::rows::{get_token_in, insert_membership, MemberOrigin};
use super::{finished, SqliteStore};
use crate::domain::{GroupId, PrivilegeSet, UserId};
use crate::store::sql::join::{join, Admission, IssuerCheck, JoinSteps};
use crate::store::{JoinOutcome, StoreResult, TokenRecord};

impl SqliteStore {
    pub(super) async fn join(&self, token_id: &str, user: &UserId) -> StoreResult<JoinOutcome> {
        let (token_id, user) = (token_id.to_owned(), user.clone());
        // Inside an IMMEDIATE transaction: the write lock is held from the first check to the
        // commit, so no join from another process can be decided on stale counts, and the joins
        // of one batch run one after the other, each seeing the uses the earlier ones counted.
        self.write_rerunnable(move |tx| join_in(tx, &token_id, user.as_str())).await
    }
}

/// The join of `user` with token `token_id`, on the batch's transaction `tx`.
pub(super) fn join_in(tx: &rusqlite::Connection, token_id: &str, user: &str) -> Result<JoinOutcome, Failure> {
    finished(join(&Steps { tx, token_id, user, member: Cell::new(None) }))
}

/// The join's statements, on the batch's transaction.
struct Steps<'a> {
    tx: &'a rusqlite::Connection,
    token_id: &'a str,
    user: &'a str,
    /// Whether the user is a direct member of the token's group, as `rejoined` read it: `admit`
    /// answers "already a member" from it instead of reading the row again.
    member: Cell<Option<bool>>,
}

impl JoinSteps for Steps<'_> {
    type Error = Failure;

    async fn token(&self) -> Result<Option<TokenRecord>, Failure> {
        get_token_in(self.tx, self.token_id)
    }

    async fn rejoined(&self, group: &GroupId) -> Result<bool, Failure> {
        // The membership row the join reads anyway: its origin says whether this token made it.
        let origin: Option<Option<String>> = self
            .tx
            .prepare_cached("SELECT origin_token FROM memberships WHERE group_id = ?1 AND user_id = ?2")?
            .query_row([group.as_str(), self.user], |r| r.get(0))
            .optional()?;
        self.member.set(Some(origin.is_some()));
        Ok(origin.flatten().is_some_and(|token| token == self.token_id))
    }

    async fn admit(
        &self,
        group: &GroupId,
        privileges: PrivilegeSet,
        issuer: Option<&IssuerCheck>,
    ) -> Result<Admission, Failure> {
        // The write lock is held, so nothing changes between these statements: each check can
        // be its own statement, in the order `admit` lists them.
        let exists = "SELECT EXISTS (SELECT 1 FROM groups WHERE id = ?1)";
        if !self.tx.prepare_cached(exists)?.query_row([group.as_str()], |r| r.get::<_, bool>(0))? {
            return Ok(Admission::GROUP_GONE);
        }
        if let Some(check) = issuer {
            if !issuer_allowed(self.tx, check, group.as_str())? {
                return Ok(Admission::ISSUER_NOT_ALLOWED);
            }
        }
        let member = match self.member.get() {
            Some(member) => member,
            None => {
                let member = "SELECT EXISTS (SELECT 1 FROM memberships WHERE group_id = ?1 AND user_id = ?2)";
                self.tx.prepare_cached(member)?.query_row([group.as_str(), self.user], |r| r.get::<_, bool>(0))?
            }
        };
        if member {
            return Ok(Admission::ALREADY_MEMBER);
        }
        let issuer_id = issuer.map(|check| check.issuer.as_str());
        let origin = MemberOrigin::Invite { token: self.token_id, issuer: issuer_id };
        insert_membership(self.tx, group.as_str(), self.user, privileges, origin)?;
        let count = "UPDATE tokens SET uses = uses + 1
                     WHERE id = ?1 AND revoked = 0 AND (max_uses IS NULL OR uses < max_uses)";
        let counted = self.tx.prepare_cached(count)?.execute([self.token_id])? as u64;
        insert_join_record(self.tx, self.token_id, group.as_str(), (Some(self.user), None), privileges)?;
        Ok(Admission { group_exists: true, issuer_allowed: true, added: true, counted })
    }
}
