//! What the SQL backends share about zone privileges and the last-manager rule: decoding the
//! stored bit sets, and deciding from rows a backend read under its locks whether a change would
//! take a group's last manager.

use super::rows::{group_id, privileges};
use super::RowError;
use crate::domain::{GroupId, PrivilegeSet, ZonePrivilegeSet};
use crate::store::loses_last_manager;

/// A stored zone privilege set.
pub(crate) fn zone_privileges(raw: i64) -> Result<ZonePrivilegeSet, RowError> {
    u32::try_from(raw)
        .map(ZonePrivilegeSet::from_bits)
        .map_err(|_| RowError("stored zone privileges are out of range".into()))
}

/// The union of the stored sets in `rows`: a user's own and its groups' (`effective_zone_privileges`).
pub(crate) fn union_of(rows: impl IntoIterator<Item = i64>) -> Result<ZonePrivilegeSet, RowError> {
    rows.into_iter().try_fold(ZonePrivilegeSet::empty(), |acc, raw| Ok(acc.union(zone_privileges(raw)?)))
}

/// Whether changing `user`'s membership to `after` (`None`: removing it) takes the last manager of
/// a group whose direct members are `members` (user id, stored privileges) and whose child
/// groups' links hold `children` (stored privileges): a child is a member too, and one whose
/// link holds `group_set_privileges` a manager. `None`: `user` is not among the members.
pub(crate) fn change_loses_manager(
    user: &str,
    after: Option<PrivilegeSet>,
    members: &[(String, i64)],
    children: &[i64],
) -> Result<Option<bool>, RowError> {
    let mut before = None;
    let mut others = Vec::with_capacity(members.len() + children.len());
    for raw in children {
        others.push(privileges(*raw)?);
    }
    for (member, raw) in members {
        if member == user {
            before = Some(privileges(*raw)?);
        } else {
            others.push(privileges(*raw)?);
        }
    }
    Ok(before.map(|before| loses_last_manager(before, after, others)))
}

/// The first of `groups` (the leaving user's, in join order) that deleting `user` would leave
/// without a manager, given every membership of those groups as (group, user, stored privileges)
/// and every link below them as (parent, stored privileges).
pub(crate) fn first_group_losing_its_manager(
    user: &str,
    groups: &[String],
    members: &[(String, String, i64)],
    links: &[(String, i64)],
) -> Result<Option<GroupId>, RowError> {
    for group in groups {
        let of_group: Vec<(String, i64)> =
            members.iter().filter(|(g, ..)| g == group).map(|(_, u, p)| (u.clone(), *p)).collect();
        let children: Vec<i64> = links.iter().filter(|(g, _)| g == group).map(|(_, p)| *p).collect();
        if change_loses_manager(user, None, &of_group, &children)? == Some(true) {
            return Ok(Some(group_id(group.clone())?));
        }
    }
    Ok(None)
}
