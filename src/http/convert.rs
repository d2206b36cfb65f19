//! Conversions between the generated models and the domain's enums, each an exhaustive `match`
//! in both directions: a type or privilege added to (or removed from) the spec is a compile
//! error here, never a silent default.

use oz_groups_api::models;

use crate::domain::{GroupType, Privilege, PrivilegeSet, ZoneChange, ZonePrivilege, ZonePrivilegeSet};

pub fn group_type(kind: models::GroupType) -> GroupType {
    match kind {
        models::GroupType::Organization => GroupType::Organization,
        models::GroupType::Unit => GroupType::Unit,
        models::GroupType::Team => GroupType::Team,
        models::GroupType::Role => GroupType::Role,
    }
}

pub fn group_type_model(kind: GroupType) -> models::GroupType {
    match kind {
        GroupType::Organization => models::GroupType::Organization,
        GroupType::Unit => models::GroupType::Unit,
        GroupType::Team => models::GroupType::Team,
        GroupType::Role => models::GroupType::Role,
    }
}

pub fn privilege(p: models::Privilege) -> Privilege {
    use models::Privilege as M;
    match p {
        M::GroupViewData => Privilege::ViewData,
        M::GroupChangeData => Privilege::ChangeData,
        M::GroupInviteUser => Privilege::InviteUser,
        M::GroupRemoveUser => Privilege::RemoveUser,
        M::GroupSetPrivileges => Privilege::SetPrivileges,
        M::GroupRemove => Privilege::Remove,
        M::GroupInviteGroup => Privilege::InviteGroup,
        M::GroupJoinGroup => Privilege::JoinGroup,
        M::GroupRemoveGroup => Privilege::RemoveGroup,
        M::GroupJoinSpace => Privilege::JoinSpace,
        M::GroupCreateSpace => Privilege::CreateSpace,
        M::GroupLeaveSpace => Privilege::LeaveSpace,
        M::GroupCreateSpaceToken => Privilege::CreateSpaceToken,
    }
}

pub fn privilege_model(p: Privilege) -> models::Privilege {
    use models::Privilege as M;
    match p {
        Privilege::ViewData => M::GroupViewData,
        Privilege::ChangeData => M::GroupChangeData,
        Privilege::InviteUser => M::GroupInviteUser,
        Privilege::RemoveUser => M::GroupRemoveUser,
        Privilege::SetPrivileges => M::GroupSetPrivileges,
        Privilege::Remove => M::GroupRemove,
        Privilege::InviteGroup => M::GroupInviteGroup,
        Privilege::JoinGroup => M::GroupJoinGroup,
        Privilege::RemoveGroup => M::GroupRemoveGroup,
        Privilege::JoinSpace => M::GroupJoinSpace,
        Privilege::CreateSpace => M::GroupCreateSpace,
        Privilege::LeaveSpace => M::GroupLeaveSpace,
        Privilege::CreateSpaceToken => M::GroupCreateSpaceToken,
    }
}

pub fn privilege_set(list: &[models::Privilege]) -> PrivilegeSet {
    list.iter().copied().map(privilege).collect()
}

pub fn privilege_list(set: PrivilegeSet) -> Vec<models::Privilege> {
    set.iter().map(privilege_model).collect()
}

pub fn zone_privilege(p: models::ZonePrivilege) -> ZonePrivilege {
    use models::ZonePrivilege as M;
    match p {
        M::ViewPrivileges => ZonePrivilege::ViewPrivileges,
        M::SetPrivileges => ZonePrivilege::SetPrivileges,
        M::ListUsers => ZonePrivilege::ListUsers,
        M::ListGroups => ZonePrivilege::ListGroups,
        M::OzUsersDelete => ZonePrivilege::UsersDelete,
        M::OzGroupsListUsers => ZonePrivilege::GroupsListUsers,
        M::OzGroupsListGroups => ZonePrivilege::GroupsListGroups,
        M::OzGroupsAddMembers => ZonePrivilege::GroupsAddMembers,
        M::OzGroupsRemoveMembers => ZonePrivilege::GroupsRemoveMembers,
    }
}

pub fn zone_privilege_model(p: ZonePrivilege) -> models::ZonePrivilege {
    use models::ZonePrivilege as M;
    match p {
        ZonePrivilege::ViewPrivileges => M::ViewPrivileges,
        ZonePrivilege::SetPrivileges => M::SetPrivileges,
        ZonePrivilege::ListUsers => M::ListUsers,
        ZonePrivilege::ListGroups => M::ListGroups,
        ZonePrivilege::UsersDelete => M::OzUsersDelete,
        ZonePrivilege::GroupsListUsers => M::OzGroupsListUsers,
        ZonePrivilege::GroupsListGroups => M::OzGroupsListGroups,
        ZonePrivilege::GroupsAddMembers => M::OzGroupsAddMembers,
        ZonePrivilege::GroupsRemoveMembers => M::OzGroupsRemoveMembers,
    }
}

pub fn zone_privilege_list(set: ZonePrivilegeSet) -> Vec<models::ZonePrivilege> {
    set.iter().map(zone_privilege_model).collect()
}

/// A PATCH body of zone privileges as the change it asks for; no `operation` is `set`.
pub fn zone_change(body: &models::ZonePrivilegesUpdate) -> ZoneChange {
    use models::ZonePrivilegesUpdateOperation as Op;
    let set = body.privileges.iter().copied().map(zone_privilege).collect();
    match body.operation {
        None | Some(Op::Set) => ZoneChange::Set(set),
        Some(Op::Grant) => ZoneChange::Grant(set),
        Some(Op::Revoke) => ZoneChange::Revoke(set),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_group_type_keeps_its_wire_name_both_ways() {
        for kind in GroupType::ALL {
            let model = group_type_model(kind);
            assert_eq!(model.to_string(), kind.as_str());
            assert_eq!(group_type(model), kind);
        }
    }

    #[test]
    fn every_privilege_keeps_its_wire_name_both_ways() {
        for p in Privilege::ALL {
            let model = privilege_model(p);
            assert_eq!(model.to_string(), p.as_str());
            assert_eq!(privilege(model), p);
        }
        assert_eq!(privilege_set(&privilege_list(PrivilegeSet::all())), PrivilegeSet::all());
    }

    #[test]
    fn every_zone_privilege_keeps_its_wire_name_both_ways() {
        for p in ZonePrivilege::ALL {
            let model = zone_privilege_model(p);
            assert_eq!(model.to_string(), p.as_str());
            assert_eq!(zone_privilege(model), p);
        }
    }

    #[test]
    fn a_patch_without_an_operation_sets_the_privileges() {
        let body = models::ZonePrivilegesUpdate { privileges: vec![models::ZonePrivilege::ListUsers], operation: None };
        let list = ZonePrivilegeSet::from_iter([ZonePrivilege::ListUsers]);
        assert_eq!(zone_change(&body), ZoneChange::Set(list));
        let grant = models::ZonePrivilegesUpdate {
            operation: Some(models::ZonePrivilegesUpdateOperation::Grant),
            ..body.clone()
        };
        assert_eq!(zone_change(&grant), ZoneChange::Grant(list));
    }
}
