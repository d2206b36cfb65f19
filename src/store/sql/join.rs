//! The join's decision order, written once for both SQL backends: what is checked, in which
//! order, with which outcome, and the guard that counts the use. Each backend supplies the
//! statements (`JoinSteps`) and runs `join` inside the one transaction that makes it atomic.

use super::RowError;
use crate::domain::{GroupId, PrivilegeSet, UserId, ZonePrivilegeSet};
use crate::store::{issuer_needs, JoinOutcome, TokenGrant, TokenRecord};

/// The statements of one join, in a backend's dialect, bound to the token identifier and the
/// joining user and run inside the join's transaction. SQLite runs each step when it is asked
/// (its steps never wait: rusqlite is synchronous); PostgreSQL runs the whole join as one
/// statement first (inside the transaction it then commits), then answers the steps from its result, which must agree with them
/// (`rejoined` it answers "no" and reads after its transaction: see `postgres::join::retried`).
///
/// There are three steps: reading the token (where a backend whose writers run side by side locks
/// its row until the transaction ends), the retry check (`rejoined`), then the rest of the checks
/// and the writes (`admit`).
pub(crate) trait JoinSteps {
    type Error: From<RowError>;
    /// The record of the join's token, `None` when there is none. The rest of the join must be
    /// decided on this record: no other join may count a use of it before this one ends.
    async fn token(&self) -> Result<Option<TokenRecord>, Self::Error>;
    /// Whether the joining user is a direct member of `group` through this very token (its
    /// membership's `origin_token`): a retried join (issue 13).
    async fn rejoined(&self, group: &GroupId) -> Result<bool, Self::Error>;
    /// The last checks and the writes, in this order, each only if the one before passed:
    /// whether `group` exists (`group_exists`); with `issuer`, whether the issuer still holds
    /// what it needs (`issuer_allowed`, see `IssuerCheck`); whether the joining user is not yet
    /// a direct member of it, by adding them with `privileges` and origin `invite` (`added`);
    /// then the use, counted with the guard statement `UPDATE tokens SET uses = uses + 1 WHERE
    /// id = … AND NOT revoked AND (max_uses IS NULL OR uses < max_uses)` (`counted`, the rows it
    /// changed), and the join record. A user who is a member already is `added: false` and no
    /// error, however the backend finds out.
    async fn admit(
        &self,
        group: &GroupId,
        privileges: PrivilegeSet,
        issuer: Option<&IssuerCheck>,
    ) -> Result<Admission, Self::Error>;
}

/// What an invite's issuer must hold at use (`store::issuer_needs`): `needed` effectively in the
/// token's group, or else all the zone privileges `zone`. An issuer who no longer exists holds
/// neither (its memberships and zone privileges went with it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct IssuerCheck {
    pub(crate) issuer: UserId,
    pub(crate) needed: PrivilegeSet,
    pub(crate) zone: ZonePrivilegeSet,
}

impl IssuerCheck {
    /// The check for `record`, `None` when it has no issuer (older than migration 0008) or is no
    /// invite.
    pub(crate) fn of(record: &TokenRecord) -> Option<IssuerCheck> {
        let issuer = record.issuer.clone()?;
        let (needed, zone) = issuer_needs(&record.grant)?;
        Some(IssuerCheck { issuer, needed, zone })
    }

    /// Whether `held` (the issuer's effective privileges in the group) covers `needed`.
    pub(crate) fn held_by(&self, held: PrivilegeSet) -> bool {
        self.needed.bits() & !held.bits() == 0
    }
}

/// What `JoinSteps::admit` found and did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Admission {
    pub(crate) group_exists: bool,
    pub(crate) issuer_allowed: bool,
    pub(crate) added: bool,
    pub(crate) counted: u64,
}

impl Admission {
    /// The group is gone: nothing was checked after it, nothing written.
    pub(crate) const GROUP_GONE: Admission =
        Admission { group_exists: false, issuer_allowed: false, added: false, counted: 0 };
    /// The issuer may no longer invite: nothing checked after it, nothing written.
    pub(crate) const ISSUER_NOT_ALLOWED: Admission =
        Admission { group_exists: true, issuer_allowed: false, added: false, counted: 0 };
    /// The user is a member already: nothing written.
    pub(crate) const ALREADY_MEMBER: Admission =
        Admission { group_exists: true, issuer_allowed: true, added: false, counted: 0 };
}

/// `Store::join_with_token`'s checks, in the order its documentation gives: the token exists
/// and is an invite (`TokenUnknown`), the user is not a member through it already (`Rejoined`),
/// it is not revoked and has a use left (`TokenUsedUp`), its group exists (`GroupGone`), its
/// issuer may still invite (`IssuerNotAllowed`), the user is not yet a member
/// (`AlreadyMember`); then the membership, the use and the join record, together. An `Err` must
/// roll the caller's transaction back.
pub(crate) async fn join<S: JoinSteps>(steps: &S) -> Result<JoinOutcome, S::Error> {
    let Some(record) = steps.token().await? else {
        return Ok(JoinOutcome::TokenUnknown);
    };
    let issuer = IssuerCheck::of(&record);
    let TokenGrant::GroupInviteUser { group, privileges } = record.grant else {
        return Ok(JoinOutcome::TokenUnknown);
    };
    if steps.rejoined(&group).await? {
        return Ok(JoinOutcome::Rejoined(group));
    }
    let used_up = record.max_uses.is_some_and(|max| record.uses >= max);
    if record.revoked || used_up {
        return Ok(JoinOutcome::TokenUsedUp);
    }
    // An unknown user fails the membership's foreign key in here, and nothing is counted.
    let admission = steps.admit(&group, privileges, issuer.as_ref()).await?;
    if !admission.group_exists {
        return Ok(JoinOutcome::GroupGone);
    }
    if !admission.issuer_allowed {
        return Ok(JoinOutcome::IssuerNotAllowed);
    }
    if !admission.added {
        return Ok(JoinOutcome::AlreadyMember);
    }
    // The guard repeats the use checks in SQL, so that even a mistake above could not count a
    // use the token does not have; if it matches nothing, the join rolls back.
    if admission.counted != 1 {
        return Err(RowError("a token's use count changed inside its own join".into()).into());
    }
    Ok(JoinOutcome::Joined(group))
}
