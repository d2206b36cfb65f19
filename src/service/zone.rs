//! Zone administration (contract §3 "Users and zone administration", §7): the users list, deleting
//! users, zone privileges of users and groups, adding a member without an invite, and the checks
//! every operation makes of the caller's zone privileges.

use super::{reader, App, Listing};
use crate::domain::{
    Error, GroupId, PageRequest, Privilege, PrivilegeSet, User, UserId, ZoneChange, ZoneHolder, ZonePrivilege,
    ZonePrivilegeSet,
};
use crate::store::{AddOutcome, Guarded};

/// A guarded store change as the caller's answer: `Missing` is 404, `LastManager` 409.
pub(super) fn guarded(outcome: Guarded) -> Result<(), Error> {
    match outcome {
        Guarded::Done => Ok(()),
        Guarded::Missing => Err(Error::NotFound),
        Guarded::LastManager(group) => Err(Error::LastManager(group)),
    }
}

impl App {
    /// Whether `caller` holds `needed` across the zone, directly or through a group. Read from the
    /// store on every call: a privilege granted or revoked counts from the next request.
    pub(super) async fn holds(&self, caller: &User, needed: ZonePrivilege) -> Result<bool, Error> {
        Ok(self.store.effective_zone_privileges(&caller.id).await?.contains(needed))
    }

    /// `Forbidden` unless `caller` holds `needed` across the zone.
    async fn require(&self, caller: &User, needed: ZonePrivilege) -> Result<(), Error> {
        if self.holds(caller, needed).await? {
            Ok(())
        } else {
            Err(Error::Forbidden(format!("You lack the {} zone privilege.", needed.as_str())))
        }
    }

    /// For an operation on `/groups/{id}/...` that only a zone privilege opens: `Forbidden` for an
    /// effective member of the group without it, `NotFound` for anyone else without it (the group's
    /// existence stays hidden, contract §2).
    async fn require_in_group(&self, caller: &User, group: &GroupId, needed: ZonePrivilege) -> Result<(), Error> {
        if self.holds(caller, needed).await? {
            return Ok(());
        }
        match self.store.effective_privileges_at_least(group, &caller.id, PrivilegeSet::default()).await? {
            Some(_) => Err(Error::Forbidden(format!("You lack the {} zone privilege.", needed.as_str()))),
            None => Err(Error::NotFound),
        }
    }

    /// Deletes the caller's own account (DELETE `/user`), unless it is the last manager of a group.
    /// An account already gone is done: another instance may still serve its token from its
    /// verified-token cache for the rest of the second in which it was deleted, and what it asks
    /// for is so.
    pub async fn delete_self(&self, caller: &User) -> Result<(), Error> {
        let outcome = self.store.delete_user(&caller.id).await?;
        self.forget_verified();
        match outcome {
            Guarded::Missing => Ok(()),
            outcome => guarded(outcome),
        }
    }

    /// All users in creation order, or one page of them (`list_users`).
    pub async fn list_users(&self, caller: &User, page: Option<PageRequest>) -> Result<Listing<UserId>, Error> {
        self.require(caller, ZonePrivilege::ListUsers).await?;
        self.listing(page, reader!(self.store, (), |store, _, page| store.list_users_page(page))).await
    }

    /// One user: oneself needs nothing, anyone else `list_users`.
    pub async fn user(&self, caller: &User, id: &UserId) -> Result<User, Error> {
        if *id != caller.id {
            self.require(caller, ZonePrivilege::ListUsers).await?;
        }
        self.store.get_user(id).await?.ok_or(Error::NotFound)
    }

    /// Deletes any user (`oz_users_delete`), unless it is the last manager of a group.
    pub async fn delete_user(&self, caller: &User, id: &UserId) -> Result<(), Error> {
        self.require(caller, ZonePrivilege::UsersDelete).await?;
        let outcome = self.store.delete_user(id).await?;
        self.forget_verified();
        guarded(outcome)
    }

    /// A user's direct zone privileges (`view_privileges`).
    pub async fn user_zone_privileges(&self, caller: &User, id: &UserId) -> Result<ZonePrivilegeSet, Error> {
        self.require(caller, ZonePrivilege::ViewPrivileges).await?;
        self.store.zone_privileges(&ZoneHolder::User(id.clone())).await?.ok_or(Error::NotFound)
    }

    /// Changes a user's direct zone privileges (`set_privileges`); DELETE is `Set` of nothing.
    pub async fn change_user_zone_privileges(
        &self,
        caller: &User,
        id: &UserId,
        change: ZoneChange,
    ) -> Result<(), Error> {
        self.require(caller, ZonePrivilege::SetPrivileges).await?;
        let changed = self.store.change_zone_privileges(&ZoneHolder::User(id.clone()), change).await?;
        changed.then_some(()).ok_or(Error::NotFound)
    }

    /// A group's zone privileges (`view_privileges`), which flow to its members.
    pub async fn group_zone_privileges(&self, caller: &User, id: &GroupId) -> Result<ZonePrivilegeSet, Error> {
        self.require_in_group(caller, id, ZonePrivilege::ViewPrivileges).await?;
        self.store.zone_privileges(&ZoneHolder::Group(id.clone())).await?.ok_or(Error::NotFound)
    }

    /// Changes a group's zone privileges (`set_privileges`); DELETE is `Set` of nothing.
    pub async fn change_group_zone_privileges(
        &self,
        caller: &User,
        id: &GroupId,
        change: ZoneChange,
    ) -> Result<(), Error> {
        self.require_in_group(caller, id, ZonePrivilege::SetPrivileges).await?;
        let changed = self.store.change_zone_privileges(&ZoneHolder::Group(id.clone()), change).await?;
        changed.then_some(()).ok_or(Error::NotFound)
    }

    /// Adds `user` to `group` with the default member privileges, without an invite
    /// (`oz_groups_add_members`).
    pub async fn add_group_user(
        &self,
        caller: &User,
        group: &GroupId,
        user: &UserId,
        privileges: Option<PrivilegeSet>,
    ) -> Result<(), Error> {
        self.require_in_group(caller, group, ZonePrivilege::GroupsAddMembers).await?;
        let privileges = privileges.unwrap_or_else(PrivilegeSet::default_member);
        // More than the default, as for an invite carrying them (`store::issuer_needs`): the
        // zone's set_privileges too, or group_set_privileges in the group.
        if privileges.bits() & !PrivilegeSet::default_member().bits() != 0
            && !self.holds(caller, ZonePrivilege::SetPrivileges).await?
        {
            let held = self.store.effective_privileges_at_least(group, &caller.id, PrivilegeSet::default()).await?;
            if !held.is_some_and(|held| held.contains(Privilege::SetPrivileges)) {
                return Err(Error::Forbidden(
                    "Privileges beyond group_view_data need the set_privileges zone privilege, or \
                     group_set_privileges in this group."
                        .into(),
                ));
            }
        }
        match self.store.add_member(group, user, privileges, &caller.id).await? {
            AddOutcome::Added => Ok(()),
            AddOutcome::AlreadyMember => {
                Err(Error::AlreadyExists("The user is already a member of this group.".into()))
            }
            AddOutcome::GroupGone | AddOutcome::UserGone => Err(Error::NotFound),
        }
    }
}
