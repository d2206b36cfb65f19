//! Nested groups (issue 12, contract §3 "Nested groups"): the links between groups, the group
//! invite and the nested join, and the effective views (effective users of a group, effective
//! groups of the caller). Every check here, as everywhere in the service, is on effective
//! privileges (`App::authorize`).

use std::net::IpAddr;

use super::listing::Others;
use super::zone::guarded;
use super::{reader, App, Listing, Minting};
use crate::domain::{Error, Group, GroupId, PageRequest, Privilege, PrivilegeSet, User, UserId, ZonePrivilege};
use crate::store::{LinkOutcome, TokenGrant, TokenRecord};
use crate::tokens::{Consumer, TokenError, TokenKind, VerifyContext};

impl App {
    /// The direct children of `group`, in link order: all of them, or one page.
    pub async fn nested_groups(
        &self,
        caller: &User,
        group: &GroupId,
        page: Option<PageRequest>,
    ) -> Result<Listing<GroupId>, Error> {
        self.authorize(caller, group, Privilege::ViewData, Some(ZonePrivilege::GroupsListGroups)).await?;
        let read = reader!(self.store, group, |store, group, page| store.child_groups_page(&group, page));
        let with_seq = || reader!(self.store, group, |s, group, page| s.child_groups_page_with_seq(&group, page));
        self.listing_once(page, read, with_seq).await
    }

    /// A direct child of `group`; `NotFound` when `child` is not one.
    pub async fn nested_group(&self, caller: &User, group: &GroupId, child: &GroupId) -> Result<Group, Error> {
        self.authorize(caller, group, Privilege::ViewData, Some(ZonePrivilege::GroupsListGroups)).await?;
        self.store.link(group, child).await?.ok_or(Error::NotFound)?;
        self.store.get_group(child).await?.ok_or(Error::NotFound)
    }

    /// The privileges `child` holds in `group`.
    pub async fn nested_group_privileges(
        &self,
        caller: &User,
        group: &GroupId,
        child: &GroupId,
    ) -> Result<PrivilegeSet, Error> {
        self.authorize(caller, group, Privilege::ViewData, Some(ZonePrivilege::GroupsListGroups)).await?;
        self.store.link(group, child).await?.ok_or(Error::NotFound)
    }

    /// Replaces the privileges `child` holds in `group`; they count from the next request. A
    /// child is a member of `group` for the last-manager rule (contract §7): taking
    /// `group_set_privileges` from the only member holding it is a `LastManager` error.
    pub async fn set_nested_group_privileges(
        &self,
        caller: &User,
        group: &GroupId,
        child: &GroupId,
        privileges: PrivilegeSet,
    ) -> Result<(), Error> {
        self.authorize(caller, group, Privilege::SetPrivileges, Some(ZonePrivilege::SetPrivileges)).await?;
        guarded(self.store.set_link_privileges(group, child, privileges).await?)
    }

    /// Unlinks `child` from `group`; what flowed through the link stops at once. Refused
    /// (`LastManager`) when the child is the only member managing `group` and others remain.
    pub async fn remove_nested_group(&self, caller: &User, group: &GroupId, child: &GroupId) -> Result<(), Error> {
        self.authorize(caller, group, Privilege::RemoveGroup, Some(ZonePrivilege::GroupsRemoveMembers)).await?;
        guarded(self.store.unlink(group, child).await?)
    }

    /// The direct parents of `group`, in link order: all of them, or one page.
    pub async fn parent_groups(
        &self,
        caller: &User,
        group: &GroupId,
        page: Option<PageRequest>,
    ) -> Result<Listing<GroupId>, Error> {
        self.authorize(caller, group, Privilege::ViewData, Some(ZonePrivilege::GroupsListGroups)).await?;
        let read = reader!(self.store, group, |store, group, page| store.parent_groups_page(&group, page));
        let with_seq = || reader!(self.store, group, |s, group, page| s.parent_groups_page_with_seq(&group, page));
        self.listing_once(page, read, with_seq).await
    }

    /// A direct parent of `group`; `NotFound` when `parent` is not one.
    pub async fn parent_group(&self, caller: &User, group: &GroupId, parent: &GroupId) -> Result<Group, Error> {
        self.authorize(caller, group, Privilege::ViewData, Some(ZonePrivilege::GroupsListGroups)).await?;
        self.store.link(parent, group).await?.ok_or(Error::NotFound)?;
        self.store.get_group(parent).await?.ok_or(Error::NotFound)
    }

    /// A single-use group invite: the group joining with it gets the default privileges here.
    /// The caller is its issuer, who must still be allowed to mint it when it is used.
    pub async fn mint_group_invite(&self, caller: &User, group: &GroupId, minting: Minting) -> Result<String, Error> {
        self.authorize(caller, group, Privilege::InviteGroup, Some(ZonePrivilege::GroupsAddMembers)).await?;
        let grant = TokenGrant::GroupInviteGroup { group: group.clone(), privileges: PrivilegeSet::default_member() };
        self.mint(TokenKind::GroupInviteGroup, grant, Some(1), Some(&caller.id), minting).await
    }

    /// The nested join: `child` becomes a child of the token's group, which is returned. The
    /// caller needs `group_join_group` in `child`; then the token is checked in §8's order
    /// (400, 404, 400 for an issuer no longer allowed, 403 for a consumer caveat naming another
    /// group, 409), and last the cycle (400 `would_introduce_cycle`), all but the signature and
    /// the caveats in the store's one transaction; a token whose caveats fail reads its record
    /// first, as the user join does. A retry of a nested join whose answer was lost (the link
    /// made with this very token) is answered as the first was. Nested joins are not user
    /// joins: the join metrics do not count them.
    pub async fn join_nested_group(
        &self,
        caller: &User,
        child: &GroupId,
        token: &str,
        client: Option<IpAddr>,
    ) -> Result<GroupId, Error> {
        self.authorize(caller, child, Privilege::JoinGroup, None).await?;
        let invalid = |e: TokenError| Error::InvalidToken(e.to_string());
        let macaroon = self.tokens.parse(token).map_err(invalid)?;
        let id = macaroon.identifier();
        let ctx =
            VerifyContext { now_unix: self.clock.now_unix(), caller: Some(Consumer::Group(child.as_str())), client };
        match self.tokens.verify(&macaroon, TokenKind::GroupInviteGroup, &ctx) {
            Ok(()) => {}
            Err(e) if !e.is_caveat_unmet() => return Err(invalid(e)),
            Err(TokenError::ConsumerMismatch) => {
                // As in the user join: a refused token (400), a gone group (404) and an issuer
                // no longer allowed (400) win over 403.
                let (record, parent) = self.group_invite_parent(id).await?;
                if self.store.get_group(&parent).await?.is_none() {
                    return Err(Error::NotFound);
                }
                if !self.issuer_allowed(&record, &parent).await? {
                    return Err(Error::InvalidToken(super::ISSUER_NOT_ALLOWED.into()));
                }
                return Err(Error::Forbidden("The token is bound to another group.".into()));
            }
            Err(e) => {
                self.group_invite_parent(id).await?;
                return Err(invalid(e));
            }
        }
        match self.store.link_with_token(id, child).await? {
            LinkOutcome::Linked(parent) | LinkOutcome::Relinked(parent) => Ok(parent),
            LinkOutcome::AlreadyLinked => {
                Err(Error::AlreadyExists("The group is already a child of the token's group.".into()))
            }
            LinkOutcome::WouldCycle => Err(Error::WouldIntroduceCycle),
            LinkOutcome::GroupGone | LinkOutcome::ChildGone => Err(Error::NotFound),
            LinkOutcome::IssuerNotAllowed => Err(Error::InvalidToken(super::ISSUER_NOT_ALLOWED.into())),
            // A token the second read finds usable was used up between the two reads.
            LinkOutcome::TokenUnknown | LinkOutcome::TokenUsedUp => Err(self
                .group_invite_parent(id)
                .await
                .err()
                .unwrap_or_else(|| Error::InvalidToken("The token has already been used.".into()))),
        }
    }

    /// The record and parent of the usable group invite `token_id`, or the 400 that says why
    /// the token cannot be used: unknown (or not a group invite), revoked, or used up.
    async fn group_invite_parent(&self, token_id: &str) -> Result<(TokenRecord, GroupId), Error> {
        let record = self.store.get_token(token_id).await?;
        let found = record.and_then(|r| {
            let parent = match &r.grant {
                TokenGrant::GroupInviteGroup { group, .. } => Some(group.clone()),
                _ => None,
            };
            parent.map(|p| (r, p))
        });
        let Some((record, parent)) = found else {
            return Err(Error::InvalidToken("The token is not a group invite token known to this server.".into()));
        };
        if record.revoked {
            return Err(Error::InvalidToken("The token has been revoked.".into()));
        }
        if record.max_uses.is_some_and(|max| record.uses >= max) {
            return Err(Error::InvalidToken("The token has already been used.".into()));
        }
        Ok((record, parent))
    }

    /// The effective members of `group`: all of them (direct members first), or one page (in
    /// the users' creation order; see the `Store` trait).
    pub async fn effective_users(
        &self,
        caller: &User,
        group: &GroupId,
        page: Option<PageRequest>,
    ) -> Result<Listing<UserId>, Error> {
        self.authorize(caller, group, Privilege::ViewData, Some(ZonePrivilege::GroupsListUsers)).await?;
        if page.is_some() {
            return self.listing(page, reader!(self.store, group, |s, g, p| s.effective_users_page(&g, p))).await;
        }
        let direct = reader!(self.store, group, |s, g, p| s.group_users_page_with_seq(&g, p));
        let (store, group) = (self.store.clone(), group.clone());
        let others: Others<UserId> = Box::new(move |joined_after, page| {
            let (store, group) = (store.clone(), group.clone());
            Box::pin(async move { store.inherited_users_page(&group, joined_after, page).await })
        });
        self.direct_first(direct, others).await
    }

    /// An effective member of `group`; `NotFound` when `user` is not one.
    pub async fn effective_user(&self, caller: &User, group: &GroupId, user: &UserId) -> Result<User, Error> {
        self.effective_user_privileges(caller, group, user).await?;
        self.store.get_user(user).await?.ok_or(Error::NotFound)
    }

    /// `user`'s effective privileges in `group`; `NotFound` when it is not an effective member.
    pub async fn effective_user_privileges(
        &self,
        caller: &User,
        group: &GroupId,
        user: &UserId,
    ) -> Result<PrivilegeSet, Error> {
        self.authorize(caller, group, Privilege::ViewData, Some(ZonePrivilege::GroupsListUsers)).await?;
        self.store.effective_privileges(group, user).await?.ok_or(Error::NotFound)
    }

    /// The caller's effective groups (`GET /user/effective_groups`): all of them (direct groups
    /// first), or one page (in the groups' creation order; see the `Store` trait).
    pub async fn user_effective_groups(
        &self,
        caller: &User,
        page: Option<PageRequest>,
    ) -> Result<Listing<GroupId>, Error> {
        let user = &caller.id;
        if page.is_some() {
            return self.listing(page, reader!(self.store, user, |s, u, p| s.effective_groups_page(&u, p))).await;
        }
        let direct = reader!(self.store, user, |s, u, p| s.user_groups_page_with_seq(&u, p));
        let (store, user) = (self.store.clone(), user.clone());
        let others: Others<GroupId> = Box::new(move |joined_after, page| {
            let (store, user) = (store.clone(), user.clone());
            Box::pin(async move { store.inherited_groups_page(&user, joined_after, page).await })
        });
        self.direct_first(direct, others).await
    }
}
