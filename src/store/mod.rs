//! The store: one trait, one contract, three backends. It persists users, groups, memberships
//! and token records, and it knows nothing of HTTP, tokens' wire format or privileges' meaning.
//! Every method is one atomic step: it either happens whole or not at all, and once it returns
//! `Ok` the change is durable (for a durable backend).
//!
//! - `memory`: collections behind a mutex, for tests and throwaway servers.
//! - `sqlite`: one SQLite file, with a group-commit writer thread (the default).
//! - `postgres`: a PostgreSQL server shared by many instances.
//! - `sql`: what the two SQL backends share: token kinds, row decoding, the join's decision
//!   order and the migration runner's shape. Each SQL backend adds only its dialect, its
//!   connections and its locking.
//! - `contract_tests` (tests only): the trait's contract as one suite run on every backend, with
//!   the fixtures in `fixtures` that every backend's own tests share too.

#[cfg(test)]
mod contract_tests;
#[cfg(test)]
mod fixtures;
pub mod memory;
pub mod postgres;
mod sql;
pub mod sqlite;

use async_trait::async_trait;

use crate::domain::{
    Group, GroupId, GroupType, Name, Page, PageRequest, Privilege, PrivilegeSet, User, UserId, ZoneChange, ZoneHolder,
    ZonePrivilegeSet,
};

/// A failure of the backend itself, never of the caller's request.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// The database cannot be reached or is read-only; worth retrying later.
    #[error("store unavailable: {0}")]
    Unavailable(String),
    /// Anything else the backend reported (corruption, a bug, a broken invariant).
    #[error("store failure: {0}")]
    Backend(String),
}

/// An unreachable database is the caller's 503 (retry later); any other failure is a 500.
/// Every store failure the service sees passes through here once, so this is where the
/// metrics count store errors by kind.
impl From<StoreError> for crate::domain::Error {
    fn from(e: StoreError) -> Self {
        use crate::telemetry::metrics::{store_error, StoreErrorKind};
        match e {
            StoreError::Unavailable(detail) => {
                store_error(StoreErrorKind::Unavailable);
                crate::domain::Error::Unavailable(detail)
            }
            StoreError::Backend(_) => {
                store_error(StoreErrorKind::Backend);
                crate::domain::Error::internal(e)
            }
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// The `settings` row that holds the master key's fingerprint.
const KEY_FINGERPRINT: &str = "key_fingerprint";
/// The `settings` row that `/healthz`'s write probe rewrites.
const HEALTH_PROBE: &str = "health_probe";

/// What a token record lets its holder do. The token's root secret is not here: it is derived
/// from the master key and the identifier, so the store holds nothing a token could be forged from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenGrant {
    /// An access token that authenticates `user`.
    Access { user: UserId },
    /// An invite that adds its bearer to `group` with `privileges`.
    GroupInviteUser { group: GroupId, privileges: PrivilegeSet },
    /// An invite that makes the group joining with it a child of `group`, holding `privileges`
    /// there (issue 12).
    GroupInviteGroup { group: GroupId, privileges: PrivilegeSet },
}

/// The server-side record of a minted token, keyed by the macaroon's identifier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenRecord {
    pub id: String,
    pub grant: TokenGrant,
    /// `None`: unlimited (access tokens). `Some(1)`: single use, the default for invites.
    pub max_uses: Option<u32>,
    /// Uses counted so far; only a join that added a membership counts one.
    pub uses: u32,
    pub revoked: bool,
    /// Unix seconds.
    pub created_at: u64,
    /// Who created the invite (issue 13): at use it must still be allowed to create it
    /// (`issuer_needs`). `None` for access tokens and for invites older than migration 0008,
    /// which skip that check.
    pub issuer: Option<UserId>,
    /// `Some` for a named token (contract §8); names are unique per issuer.
    pub name: Option<String>,
    /// The token's caveats as the API shows them: a JSON array of Onezone 20.02 caveat objects,
    /// `[]` when none. The store keeps the text and never reads it; the macaroon carries them too.
    pub caveats: String,
    /// The earliest `time` caveat's deadline (unix seconds), so that lists of live invites can
    /// leave out expired ones without reading the caveats.
    pub valid_until: Option<u64>,
    /// `customMetadata`: a JSON object, `{}` when none. Kept as text, never read by the store.
    pub custom_metadata: String,
}

/// What `Store::update_named_token` changes; `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NamedTokenUpdate {
    pub name: Option<String>,
    pub revoked: Option<bool>,
    pub custom_metadata: Option<String>,
}

/// The result of `Store::insert_token` and `Store::update_named_token`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenWrite {
    Done,
    /// No such named token (update only); nothing changed.
    Missing,
    /// The issuer has another named token of that name; nothing changed.
    NameTaken,
}

/// Who joined with an invite: a user (a join) or a group (a nested join).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Joiner {
    User(UserId),
    Group(GroupId),
}

/// One admission through an invite, written in the same transaction as the membership or link
/// it made; kept when that membership ends, deleted with its token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinRecord {
    pub token_id: String,
    /// The token's group: the group joined, or the parent for a nested join.
    pub group: GroupId,
    pub joiner: Joiner,
    pub privileges: PrivilegeSet,
    /// Unix seconds.
    pub joined_at: u64,
}

/// How a direct member got into its group (GET `/groups/{id}/users/{uid}/origin`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// It created the group.
    Created,
    /// Through the invite `token`, issued by `issuer` (`None` for invites older than 0008).
    Invite { token: String, issuer: Option<UserId> },
    /// Added by `by` (PUT `/groups/{id}/users/{uid}`).
    Added { by: UserId },
    /// A membership older than migration 0008.
    Unknown,
}

/// What an invite's issuer must hold, at creation and at use: all of the group privileges in
/// the token's group, or else all of the zone privileges. The invite privilege of its kind, or
/// `oz_groups_add_members` (what the mint operations accept); and for a token carrying
/// privileges beyond the default, `group_set_privileges` too, or its zone stand-in
/// `set_privileges` (as for `PUT /groups/{id}/users/{uid}/privileges`): adding members does
/// not give the right to hand out privileges. Every backend's join and nested join decide
/// with this, inside their transaction, and `create_named_token` before storing the token.
pub fn issuer_needs(grant: &TokenGrant) -> Option<(PrivilegeSet, crate::domain::ZonePrivilegeSet)> {
    use crate::domain::{ZonePrivilege, ZonePrivilegeSet};
    let (invite, privileges) = match grant {
        TokenGrant::Access { .. } => return None,
        TokenGrant::GroupInviteUser { privileges, .. } => (Privilege::InviteUser, *privileges),
        TokenGrant::GroupInviteGroup { privileges, .. } => (Privilege::InviteGroup, *privileges),
    };
    let mut needed = PrivilegeSet::from_iter([invite]);
    let mut zone = ZonePrivilegeSet::from_iter([ZonePrivilege::GroupsAddMembers]);
    if privileges.bits() & !PrivilegeSet::default_member().bits() != 0 {
        needed = needed.union(PrivilegeSet::from_iter([Privilege::SetPrivileges]));
        zone = zone.union(ZonePrivilegeSet::from_iter([ZonePrivilege::SetPrivileges]));
    }
    Some((needed, zone))
}

/// The result of `Store::update_user`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UserUpdate {
    Updated,
    NoSuchUser,
    /// Another user has the alias asked for; nothing changed.
    AliasTaken,
}

/// The result of `Store::join_with_token`, decided inside one transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JoinOutcome {
    /// The membership of the token's group (named here) was added and one use of the token
    /// counted, together.
    Joined(GroupId),
    /// No token record with that identifier.
    TokenUnknown,
    /// The token is revoked or has no uses left; nothing changed.
    TokenUsedUp,
    /// The token's group no longer exists; nothing changed.
    GroupGone,
    /// The user already is a direct member; nothing changed and no use was counted.
    AlreadyMember,
    /// The user is a direct member through this very token (its membership's origin): a retry
    /// of a join whose answer was lost. Nothing changed, no use counted; answered as `Joined`.
    Rejoined(GroupId),
    /// The issuer no longer exists or no longer holds what `issuer_needs` asks; nothing changed.
    IssuerNotAllowed,
}

/// The result of `Store::link_with_token` (a nested join), decided inside one transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkOutcome {
    /// `child` is now a child of the token's group (named here), holding the grant's
    /// privileges there, and one use of the token was counted, together.
    Linked(GroupId),
    /// No `GroupInviteGroup` record with that identifier.
    TokenUnknown,
    /// The token is revoked or has no uses left; nothing changed.
    TokenUsedUp,
    /// The token's group (the parent) no longer exists; nothing changed.
    GroupGone,
    /// The joining group no longer exists; nothing changed.
    ChildGone,
    /// The child already is a direct child of the parent; nothing changed, no use counted.
    AlreadyLinked,
    /// The child is the parent or one of its ancestors: the link would close a cycle. Nothing
    /// changed, no use counted.
    WouldCycle,
    /// The child already is a direct child of the parent through this very token: a retried
    /// nested join. Nothing changed, no use counted; answered as `Linked`.
    Relinked(GroupId),
    /// The issuer no longer exists or no longer holds what `issuer_needs` asks; nothing changed.
    IssuerNotAllowed,
}

/// The result of a change the last-manager rule guards (contract §7): removing a membership or
/// a child group's link, changing its privileges, deleting a user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Guarded {
    /// Done.
    Done,
    /// No such membership (or link, or user); nothing changed.
    Missing,
    /// The change would leave this group with members but none of them a direct member holding
    /// `group_set_privileges`; nothing changed.
    LastManager(GroupId),
}

/// The result of `Store::add_member`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddOutcome {
    Added,
    /// Already a direct member; nothing changed.
    AlreadyMember,
    /// No such group; nothing changed.
    GroupGone,
    /// No such user; nothing changed.
    UserGone,
}

/// Whether a group whose direct members are `others` (everyone but the one being changed: its
/// other users, and its child groups with their links' privileges) plus one member whose
/// privileges go from `before` to `after` (`None`: it leaves) loses its last manager: the
/// change takes `group_set_privileges` away from the only member holding it while members
/// remain. A group with no manager before the change is not made worse by it, so the
/// rule does not trap the members of such a group. The backends apply it under their locks.
pub(crate) fn loses_last_manager(
    before: PrivilegeSet,
    after: Option<PrivilegeSet>,
    others: impl IntoIterator<Item = PrivilegeSet>,
) -> bool {
    let manages = |p: PrivilegeSet| p.contains(Privilege::SetPrivileges);
    if !manages(before) || after.is_some_and(manages) {
        return false;
    }
    let mut others = others.into_iter().peekable();
    let members_remain = after.is_some() || others.peek().is_some();
    members_remain && !others.any(manages)
}

/// Everything the service layer needs from persistence. Implementations must be safe to share
/// between tasks and, for durable backends, between processes using the same database.
///
/// Callers pass fresh ids and existing users: an id clash, or a user or group that does not
/// exist where one is required, is a `Backend` error and changes nothing.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    // --- users -------------------------------------------------------------------------------

    /// Adds a user with no zone privileges, without a password. The id is fresh (callers
    /// generate it), so a clash is a `Backend` error. Logins are unique: `false` when another
    /// user has `user.login` (nothing is added). An alias another user has is a `Backend` error
    /// (users are created without one; `update_user` sets it).
    async fn create_user(&self, user: &User) -> StoreResult<bool> {
        self.create_user_with_privileges(user, ZonePrivilegeSet::empty()).await
    }
    /// `create_user`, the user holding the zone privileges `zone` directly, in one step (a zone
    /// admin is never stored without its privileges).
    async fn create_user_with_privileges(&self, user: &User, zone: ZonePrivilegeSet) -> StoreResult<bool>;
    async fn get_user(&self, id: &UserId) -> StoreResult<Option<User>>;
    /// Changes name and/or alias (`Some(None)` clears the alias) of an existing user
    /// (`NoSuchUser` otherwise). Aliases are unique among users: an alias another user has is
    /// `AliasTaken` and nothing changes; the user's own alias may be set again.
    async fn update_user(
        &self,
        id: &UserId,
        name: Option<&Name>,
        alias: Option<Option<&Name>>,
    ) -> StoreResult<UserUpdate>;
    /// The user whose login is exactly `login`, with its password hash (a PHC string) when it
    /// has one, in one read: what Basic authentication asks.
    async fn user_by_login(&self, login: &str) -> StoreResult<Option<(User, Option<String>)>>;
    /// Sets (or with `None` removes) the password hash of `user`. `false`: no such user.
    async fn set_password_hash(&self, user: &UserId, hash: Option<&str>) -> StoreResult<bool>;
    async fn count_users(&self) -> StoreResult<u64>;
    /// The users whose login, name or alias is exactly `name`, in creation order. Names are not unique,
    /// so there may be several. Only the CLI asks (`user token`): backends may scan the table.
    async fn users_named(&self, name: &str) -> StoreResult<Vec<User>>;
    /// All user ids, in creation order.
    async fn list_users(&self) -> StoreResult<Vec<UserId>>;
    /// A page of `list_users`, by the user's `seq` (see the pages below).
    async fn list_users_page(&self, page: PageRequest) -> StoreResult<Page<UserId>>;
    /// Deletes a user with its memberships, its access tokens and its zone privileges, in one
    /// transaction, unless that would take the last manager from one of its groups
    /// (`LastManager`, the first such group in join order). `Missing`: no such user.
    async fn delete_user(&self, id: &UserId) -> StoreResult<Guarded>;

    // --- zone privileges ---------------------------------------------------------------------

    /// The zone privileges `holder` holds directly; `None` when no such user or group exists.
    async fn zone_privileges(&self, holder: &ZoneHolder) -> StoreResult<Option<ZonePrivilegeSet>>;
    /// Applies `change` to `holder`'s direct zone privileges in one step. `false`: no such holder.
    async fn change_zone_privileges(&self, holder: &ZoneHolder, change: ZoneChange) -> StoreResult<bool>;
    /// What `user` may do across the zone: its own zone privileges and those of every group it is
    /// an effective member of (directly or through nested groups), in one read. Empty for an
    /// unknown user.
    async fn effective_zone_privileges(&self, user: &UserId) -> StoreResult<ZonePrivilegeSet>;

    // --- tokens ------------------------------------------------------------------------------

    /// Stores a new token record. `NameTaken` when it is named and its issuer already has a
    /// named token of that name (nothing is stored). Deleting a user deletes its named tokens
    /// in the same step; the unnamed invites it issued stay and fail the issuer check.
    async fn insert_token(&self, record: &TokenRecord) -> StoreResult<TokenWrite>;
    async fn get_token(&self, id: &str) -> StoreResult<Option<TokenRecord>>;
    /// What authenticating a caller reads: the record of token `id` and, when it is an access
    /// token, its user (`None` if that user is gone). Backends whose every call is a trip to
    /// another thread or server override it to read both in one trip; the default asks twice.
    async fn token_and_user(&self, id: &str) -> StoreResult<Option<(TokenRecord, Option<User>)>> {
        let Some(record) = self.get_token(id).await? else {
            return Ok(None);
        };
        let user = match &record.grant {
            TokenGrant::Access { user } => self.get_user(user).await?,
            _ => None,
        };
        Ok(Some((record, user)))
    }

    // --- the database's own settings ----------------------------------------------------------

    /// The master key's fingerprint that the database recorded at its first start, if any.
    async fn key_fingerprint(&self) -> StoreResult<Option<String>>;
    /// Records `fingerprint` unless the database has one already, and returns the one it has
    /// now, in one step: of instances starting at once on a new database with different keys,
    /// one fingerprint wins and every other instance learns it.
    async fn claim_key_fingerprint(&self, fingerprint: &str) -> StoreResult<String>;
    /// A durable write that nobody reads (the probe's time, `now_unix`): it fails, like every
    /// other write would, when the database cannot be written (disk full, read-only file,
    /// read-only transaction), which a read cannot tell.
    async fn probe_write(&self, now_unix: u64) -> StoreResult<()>;

    // --- groups and memberships ----------------------------------------------------------------

    /// Adds `group` and makes `creator` a direct member with `privileges`, in one step; the
    /// membership's origin is `Created`.
    async fn create_group(&self, group: &Group, creator: &UserId, privileges: PrivilegeSet) -> StoreResult<()>;
    async fn get_group(&self, id: &GroupId) -> StoreResult<Option<Group>>;
    /// `false`: no such group.
    async fn update_group(&self, id: &GroupId, name: Option<&Name>, kind: Option<GroupType>) -> StoreResult<bool>;
    /// Deletes the group, all its memberships and its links both ways (as child and as parent;
    /// the groups at the other end remain). Its token records stay, so that a join with one
    /// of its invites can tell "group gone" (404) from "unknown token" (400). Refused
    /// (`LastManager`, naming the parent) when the group is the only manager of a parent that
    /// keeps other members, as its unlinking would be; checked in one step with the deletion.
    /// `Missing`: no such group.
    async fn delete_group(&self, id: &GroupId) -> StoreResult<Guarded>;
    /// All group ids, in a stable order (creation order).
    async fn list_groups(&self) -> StoreResult<Vec<GroupId>>;
    /// The groups `user` is a direct member of, in the order they were joined.
    async fn user_groups(&self, user: &UserId) -> StoreResult<Vec<GroupId>>;
    /// The direct members of `group`, in the order they joined.
    async fn group_users(&self, group: &GroupId) -> StoreResult<Vec<UserId>>;
    // --- pages of the three lists (an extension of ours) ------------------------------------
    //
    // Each list is ordered by a sequence number that only grows: `seq` of the group for
    // `list_groups`, of the membership for the other two. A page holds the items of the full
    // list whose sequence number is greater than `page.after()` (all of them when `None`), in the
    // same order, at most `page.limit()` of them. `next` is the sequence number of the page's
    // last item when at least one more item follows it at the time of reading, `None` otherwise.
    // A position needs no item at it, so a cursor stays good when its item is deleted; walking
    // the pages returns every item that exists throughout the walk exactly once, in order (an
    // item added or removed during the walk may or may not appear). Reading a page costs what it
    // holds, not what the list holds: backends read it by key from an index on the sequence
    // number (`WHERE seq > ? ORDER BY seq LIMIT limit + 1`). A position past every item (even
    // past what the database's integers hold) gives an empty page.

    /// A page of `list_groups`.
    async fn list_groups_page(&self, page: PageRequest) -> StoreResult<Page<GroupId>>;
    /// A page of `user_groups`.
    async fn user_groups_page(&self, user: &UserId, page: PageRequest) -> StoreResult<Page<GroupId>>;
    /// A page of `group_users`.
    async fn group_users_page(&self, group: &GroupId, page: PageRequest) -> StoreResult<Page<UserId>>;

    // The four lists of nested groups page the same way. `child_groups` and `parent_groups` by
    // the link's `seq` (their own order). The effective lists cannot page in their whole list's
    // order ("direct first" is not one growing number, and a user's first membership below a
    // group changes as memberships come and go), so their pages follow the item's own creation
    // `seq` instead, which never changes: a page of `effective_users` holds effective members by
    // the user's `seq`, a page of `effective_groups` groups by the group's `seq`.

    /// A page of `child_groups`, by link `seq`.
    async fn child_groups_page(&self, parent: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>>;
    /// A page of `parent_groups`, by link `seq`.
    async fn parent_groups_page(&self, child: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>>;
    /// A page of the effective members of `group`, by the user's creation `seq`.
    async fn effective_users_page(&self, group: &GroupId, page: PageRequest) -> StoreResult<Page<UserId>> {
        Ok(self.inherited_users_page(group, 0, page).await?.map(|(user, _)| user))
    }
    /// A page of the groups `user` effectively belongs to, by the group's creation `seq`.
    async fn effective_groups_page(&self, user: &UserId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        Ok(self.inherited_groups_page(user, 0, page).await?.map(|(group, _)| group))
    }

    // A whole list longer than a chunk whose items can leave it and come back (members,
    // links) is read with each item's creation `seq` (the user's, the group's), which the
    // service keeps to give each item once (`service::listing`). A whole effective list is
    // read so in two parts: the direct part in its own order (join order), then what else
    // belongs in it, by creation. The second part holds what belongs through other groups, and
    // what joined directly after the first part's last position it knows (`joined_after`, a
    // membership `seq`), since the first part may not have read that.

    /// `group_users_page` (in join order), each user with its creation `seq`.
    async fn group_users_page_with_seq(&self, group: &GroupId, page: PageRequest) -> StoreResult<Page<(UserId, u64)>>;
    /// `user_groups_page` (in join order), each group with its creation `seq`.
    async fn user_groups_page_with_seq(&self, user: &UserId, page: PageRequest) -> StoreResult<Page<(GroupId, u64)>>;
    /// `child_groups_page` (in link order), each child with its creation `seq`.
    async fn child_groups_page_with_seq(
        &self,
        parent: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>>;
    /// `parent_groups_page` (in link order), each parent with its creation `seq`.
    async fn parent_groups_page_with_seq(
        &self,
        child: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>>;
    /// A page, by the user's creation `seq`, of the effective members of `group` that belong
    /// through a group below it, or directly by a membership whose `seq` is above
    /// `joined_after`; each with its creation `seq`. With `joined_after` 0, every effective
    /// member: a page of `effective_users_page`.
    async fn inherited_users_page(
        &self,
        group: &GroupId,
        joined_after: u64,
        page: PageRequest,
    ) -> StoreResult<Page<(UserId, u64)>>;
    /// A page, by the group's creation `seq`, of the groups `user` effectively belongs to
    /// through an ancestor of its groups, or directly by a membership whose `seq` is above
    /// `joined_after`; each with its creation `seq`.
    async fn inherited_groups_page(
        &self,
        user: &UserId,
        joined_after: u64,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>>;

    /// `user`'s direct privileges in `group`; `None` when not a direct member.
    async fn membership(&self, group: &GroupId, user: &UserId) -> StoreResult<Option<PrivilegeSet>>;
    /// Replaces the privileges of an existing membership, unless that takes the group's last
    /// manager (`loses_last_manager`). `Missing`: not a member.
    async fn set_privileges(&self, group: &GroupId, user: &UserId, privileges: PrivilegeSet) -> StoreResult<Guarded>;
    /// Removes a membership, unless that takes the group's last manager. `Missing`: not a member.
    /// The check and the change are one step: of concurrent changes to one group's managers,
    /// across processes, each sees the others' outcome, so they never leave it without one.
    async fn remove_member(&self, group: &GroupId, user: &UserId) -> StoreResult<Guarded>;
    /// Makes `user` a direct member of `group` with `privileges`, without an invite (PUT
    /// `/groups/{id}/users/{uid}`), checking in one step that the group and the user exist and
    /// that it is not a member yet. The membership's origin is `Added { by }`.
    async fn add_member(
        &self,
        group: &GroupId,
        user: &UserId,
        privileges: PrivilegeSet,
        by: &UserId,
    ) -> StoreResult<AddOutcome>;

    // --- nested groups (issue 12) ------------------------------------------------------------
    //
    // Groups form a DAG of links parent <- child. A user is an effective member of G when it is
    // a direct member of G or an effective member of a child of G. Its effective privileges in
    // G are its direct ones united with, for each child C of G it effectively belongs to, the
    // privileges C holds in G. Each effective query below is the one place its backend answers
    // it, so that the representation (a maintained closure on SQL, a walk on memory) can change
    // behind it. Nothing is cached: a link or membership removed counts from the next call.

    /// The direct children of `parent`, in the order they were linked.
    async fn child_groups(&self, parent: &GroupId) -> StoreResult<Vec<GroupId>>;
    /// The direct parents of `child`, in the order they were linked.
    async fn parent_groups(&self, child: &GroupId) -> StoreResult<Vec<GroupId>>;
    /// The privileges `child` holds in `parent`; `None` when it is not a direct child.
    async fn link(&self, parent: &GroupId, child: &GroupId) -> StoreResult<Option<PrivilegeSet>>;
    /// Replaces the privileges `child` holds in `parent`, unless that takes the parent's last
    /// manager (a child is a member, and one whose link holds `group_set_privileges` a manager:
    /// `loses_last_manager`), checked in one step with the change as for `set_privileges`.
    /// `Missing`: no such link.
    async fn set_link_privileges(
        &self,
        parent: &GroupId,
        child: &GroupId,
        privileges: PrivilegeSet,
    ) -> StoreResult<Guarded>;
    /// Removes the link, unless that takes the parent's last manager. `Missing`: no such link.
    async fn unlink(&self, parent: &GroupId, child: &GroupId) -> StoreResult<Guarded>;
    /// The nested join's write, in one transaction, for a `GroupInviteGroup` record: checks, in
    /// this order, the record (`TokenUnknown`, then `Relinked` for a link made with this very
    /// token, then `TokenUsedUp`), the parent (`GroupGone`), the issuer (`IssuerNotAllowed`, as
    /// for the join), the child (`ChildGone`), the link (`AlreadyLinked`) and the cycle
    /// (`WouldCycle`: `child` is `parent` or one of its ancestors); then adds the link with the
    /// grant's privileges, counts one use and writes the join record. Concurrent calls from any number of processes never count more than
    /// `max_uses` and never together close a cycle.
    async fn link_with_token(&self, token_id: &str, child: &GroupId) -> StoreResult<LinkOutcome>;
    /// `user`'s effective privileges in `group`; `None` when it is not an effective member.
    async fn effective_privileges(&self, group: &GroupId, user: &UserId) -> StoreResult<Option<PrivilegeSet>> {
        self.effective_privileges_at_least(group, user, PrivilegeSet::all()).await
    }
    /// As `effective_privileges`, except that it may answer with the direct privileges alone
    /// when they already hold every privilege of `enough`: a privilege check needs no more, and
    /// the effective part of the query, whose cost grows with the user's groups (a group's
    /// creator or an admin may be in thousands), is then skipped. An empty `enough` asks only
    /// "a member at all?"; `PrivilegeSet::all()` asks for the exact answer.
    async fn effective_privileges_at_least(
        &self,
        group: &GroupId,
        user: &UserId,
        enough: PrivilegeSet,
    ) -> StoreResult<Option<PrivilegeSet>>;
    /// The effective members of `group`, each once: its direct members in join order, then
    /// those that only belong through a child, in creation order, in one read. Tests only: the
    /// service reads the whole list in pages (`service::listing`), and the contract tests hold
    /// each backend's two parts to this one statement.
    #[cfg(test)]
    async fn effective_users(&self, group: &GroupId) -> StoreResult<Vec<UserId>>;
    /// The groups `user` is an effective member of, each once: its direct groups in join order,
    /// then the other ancestors reached through them, in creation order. In one read, for the
    /// tests, as `effective_users`.
    #[cfg(test)]
    async fn effective_groups(&self, user: &UserId) -> StoreResult<Vec<GroupId>>;

    /// The seed operation's write, in one transaction, for a `GroupInviteUser` record (any other
    /// grant is `TokenUnknown`): checks, in this order, that the token
    /// record exists (`TokenUnknown`), whether `user` is a direct member through this token
    /// already (`Rejoined`), that it is not revoked and has a use left (`TokenUsedUp`), that
    /// its group exists (`GroupGone`), that its issuer (if recorded) exists and holds
    /// `issuer_needs` there (`IssuerNotAllowed`) and that `user` is not yet a direct member
    /// (`AlreadyMember`); then adds the membership with the grant's privileges and origin
    /// `Invite`, counts one use and writes the join record. Any number of concurrent calls, from any number of processes sharing the database,
    /// never count more uses than `max_uses`. `Joined` is returned only once the change is durable.
    async fn join_with_token(&self, token_id: &str, user: &UserId) -> StoreResult<JoinOutcome>;

    // --- named invite tokens and join records (issue 13, contract §8) -----------------------

    /// One page of the named tokens `issuer` created, in creation order.
    async fn named_tokens(&self, issuer: &UserId, page: PageRequest) -> StoreResult<Page<String>>;
    /// `issuer`'s named token called `name`.
    async fn named_token_by_name(&self, issuer: &UserId, name: &str) -> StoreResult<Option<TokenRecord>>;
    /// Renames, revokes or un-revokes a named token, or replaces its custom metadata, in one
    /// step. A revocation serialises with joins of the token: no join that starts its
    /// transaction after the revocation committed admits anyone.
    async fn update_named_token(&self, id: &str, update: &NamedTokenUpdate) -> StoreResult<TokenWrite>;
    /// Deletes a token record and its join records. `false`: no such token.
    async fn delete_token(&self, id: &str) -> StoreResult<bool>;
    /// Deletes every named token of `issuer` (and their join records); returns how many.
    async fn delete_named_tokens(&self, issuer: &UserId) -> StoreResult<u64>;
    /// One page of `group`'s live invites, named or not, of both kinds, in creation order: not
    /// revoked, with a use left, and not past `valid_until` at `now_unix`.
    async fn group_invites(&self, group: &GroupId, now_unix: u64, page: PageRequest) -> StoreResult<Page<TokenRecord>>;
    /// One page of the admissions through `token_id`, in the order they happened.
    async fn token_joins(&self, token_id: &str, page: PageRequest) -> StoreResult<Page<JoinRecord>>;
    /// How direct member `user` got into `group`; `None` when it is not a direct member.
    async fn member_origin(&self, group: &GroupId, user: &UserId) -> StoreResult<Option<Origin>>;
}
