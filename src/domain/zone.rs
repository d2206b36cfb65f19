//! Zone privileges (Onezone rc11/17.06's nine names for users and groups) and sets of them,
//! stored as a bit mask, and the three ways a PATCH changes a set.

/// One zone privilege: what a user may do across the whole zone, beyond its own groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ZonePrivilege {
    ViewPrivileges,
    SetPrivileges,
    ListUsers,
    ListGroups,
    UsersDelete,
    GroupsListUsers,
    GroupsListGroups,
    GroupsAddMembers,
    GroupsRemoveMembers,
}

impl ZonePrivilege {
    /// In the contract's order (§7); a set lists its members in this order. The position is the
    /// bit the stores persist, so new names go at the end.
    pub const ALL: [ZonePrivilege; 9] = [
        Self::ViewPrivileges,
        Self::SetPrivileges,
        Self::ListUsers,
        Self::ListGroups,
        Self::UsersDelete,
        Self::GroupsListUsers,
        Self::GroupsListGroups,
        Self::GroupsAddMembers,
        Self::GroupsRemoveMembers,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ViewPrivileges => "view_privileges",
            Self::SetPrivileges => "set_privileges",
            Self::ListUsers => "list_users",
            Self::ListGroups => "list_groups",
            Self::UsersDelete => "oz_users_delete",
            Self::GroupsListUsers => "oz_groups_list_users",
            Self::GroupsListGroups => "oz_groups_list_groups",
            Self::GroupsAddMembers => "oz_groups_add_members",
            Self::GroupsRemoveMembers => "oz_groups_remove_members",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == raw)
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// A set of zone privileges. Its `bits` form is what the stores persist (migration 0006).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ZonePrivilegeSet(u32);

impl ZonePrivilegeSet {
    /// What a user created with `--admin` holds.
    pub fn all() -> Self {
        Self::from_iter(ZonePrivilege::ALL)
    }

    pub fn empty() -> Self {
        Self(0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn contains(self, p: ZonePrivilege) -> bool {
        self.0 & p.bit() != 0
    }

    /// Whether every privilege of `other` is in this set.
    pub fn contains_all(self, other: ZonePrivilegeSet) -> bool {
        other.0 & !self.0 == 0
    }

    pub fn bits(self) -> u32 {
        self.0
    }

    /// The inverse of `bits`; bits that name no privilege are dropped.
    pub fn from_bits(bits: u32) -> Self {
        Self(bits & Self::all().0)
    }

    /// Both sets together: what a user holds directly and through its groups.
    pub fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    pub fn iter(self) -> impl Iterator<Item = ZonePrivilege> {
        ZonePrivilege::ALL.into_iter().filter(move |p| self.contains(*p))
    }
}

impl FromIterator<ZonePrivilege> for ZonePrivilegeSet {
    fn from_iter<I: IntoIterator<Item = ZonePrivilege>>(iter: I) -> Self {
        Self(iter.into_iter().fold(0, |acc, p| acc | p.bit()))
    }
}

/// A change to a holder's zone privileges: PATCH's `operation` (Onezone 17.06), `Set` by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneChange {
    /// Replace the set.
    Set(ZonePrivilegeSet),
    /// Add these to the set.
    Grant(ZonePrivilegeSet),
    /// Take these out of the set.
    Revoke(ZonePrivilegeSet),
}

impl ZoneChange {
    /// The set a holder has after the change, given the one it had.
    pub fn apply(self, old: ZonePrivilegeSet) -> ZonePrivilegeSet {
        match self {
            Self::Set(new) => new,
            Self::Grant(more) => old.union(more),
            Self::Revoke(less) => ZonePrivilegeSet(old.0 & !less.0),
        }
    }
}

/// Who holds zone privileges directly: a user, or a group (whose members all hold them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZoneHolder {
    User(super::UserId),
    Group(super::GroupId),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_zone_privilege_round_trips_through_its_wire_name() {
        for p in ZonePrivilege::ALL {
            assert_eq!(ZonePrivilege::parse(p.as_str()), Some(p));
        }
        assert_eq!(ZonePrivilege::parse("group_view_data"), None);
        assert_eq!(ZonePrivilegeSet::all().iter().count(), 9);
    }

    #[test]
    fn zone_sets_round_trip_through_bits_and_list_in_contract_order() {
        let set = ZonePrivilegeSet::from_iter([ZonePrivilege::GroupsRemoveMembers, ZonePrivilege::ViewPrivileges]);
        assert_eq!(ZonePrivilegeSet::from_bits(set.bits()), set);
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            vec![ZonePrivilege::ViewPrivileges, ZonePrivilege::GroupsRemoveMembers]
        );
        assert_eq!(ZonePrivilegeSet::from_bits(u32::MAX), ZonePrivilegeSet::all());
    }

    #[test]
    fn set_replaces_grant_adds_and_revoke_removes() {
        let list = ZonePrivilegeSet::from_iter([ZonePrivilege::ListUsers]);
        let groups = ZonePrivilegeSet::from_iter([ZonePrivilege::ListGroups]);
        let both = list.union(groups);
        assert_eq!(ZoneChange::Set(groups).apply(list), groups);
        assert_eq!(ZoneChange::Grant(groups).apply(list), both);
        assert_eq!(ZoneChange::Revoke(list).apply(both), groups);
        assert_eq!(ZoneChange::Revoke(list).apply(groups), groups);
    }
}
