//! Group privileges (Onezone rc11's 13 names) and sets of them, stored as a bit mask.

/// One group privilege. The space ones exist for wire compatibility; spaces are out of scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Privilege {
    ViewData,
    ChangeData,
    InviteUser,
    RemoveUser,
    SetPrivileges,
    Remove,
    InviteGroup,
    JoinGroup,
    RemoveGroup,
    JoinSpace,
    CreateSpace,
    LeaveSpace,
    CreateSpaceToken,
}

impl Privilege {
    /// In Onezone's documented order; a set lists its members in this order.
    pub const ALL: [Privilege; 13] = [
        Self::ViewData,
        Self::ChangeData,
        Self::InviteUser,
        Self::RemoveUser,
        Self::SetPrivileges,
        Self::Remove,
        Self::InviteGroup,
        Self::JoinGroup,
        Self::RemoveGroup,
        Self::JoinSpace,
        Self::CreateSpace,
        Self::LeaveSpace,
        Self::CreateSpaceToken,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ViewData => "group_view_data",
            Self::ChangeData => "group_change_data",
            Self::InviteUser => "group_invite_user",
            Self::RemoveUser => "group_remove_user",
            Self::SetPrivileges => "group_set_privileges",
            Self::Remove => "group_remove",
            Self::InviteGroup => "group_invite_group",
            Self::JoinGroup => "group_join_group",
            Self::RemoveGroup => "group_remove_group",
            Self::JoinSpace => "group_join_space",
            Self::CreateSpace => "group_create_space",
            Self::LeaveSpace => "group_leave_space",
            Self::CreateSpaceToken => "group_create_space_token",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == raw)
    }

    fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// A set of privileges. Its `bits` form is what the stores persist.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrivilegeSet(u32);

impl PrivilegeSet {
    /// What a group's creator gets.
    pub fn all() -> Self {
        Self::from_iter(Privilege::ALL)
    }

    /// What a user joining with an invite token gets unless the token says otherwise (rc11).
    pub fn default_member() -> Self {
        Self::from_iter([Privilege::ViewData])
    }

    pub fn contains(self, p: Privilege) -> bool {
        self.0 & p.bit() != 0
    }

    /// The privileges in either set: how effective privileges gather what flows from each
    /// child group.
    #[must_use]
    pub fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    pub fn bits(self) -> u32 {
        self.0
    }

    /// The inverse of `bits`; bits that name no privilege are dropped.
    pub fn from_bits(bits: u32) -> Self {
        Self(bits & Self::all_bits())
    }

    pub fn iter(self) -> impl Iterator<Item = Privilege> {
        Privilege::ALL.into_iter().filter(move |p| self.contains(*p))
    }

    fn all_bits() -> u32 {
        Privilege::ALL.iter().fold(0, |acc, p| acc | p.bit())
    }
}

impl FromIterator<Privilege> for PrivilegeSet {
    fn from_iter<I: IntoIterator<Item = Privilege>>(iter: I) -> Self {
        Self(iter.into_iter().fold(0, |acc, p| acc | p.bit()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_privilege_round_trips_through_its_wire_name() {
        for p in Privilege::ALL {
            assert_eq!(Privilege::parse(p.as_str()), Some(p));
        }
        assert_eq!(Privilege::parse("group_view"), None);
    }

    #[test]
    fn sets_round_trip_through_bits_and_list_in_documented_order() {
        let set = PrivilegeSet::from_iter([Privilege::Remove, Privilege::ViewData]);
        assert_eq!(PrivilegeSet::from_bits(set.bits()), set);
        assert_eq!(set.iter().collect::<Vec<_>>(), vec![Privilege::ViewData, Privilege::Remove]);
        assert_eq!(PrivilegeSet::all().iter().count(), 13);
        assert!(PrivilegeSet::default_member().contains(Privilege::ViewData));
        assert!(!PrivilegeSet::default_member().contains(Privilege::InviteUser));
    }
}
