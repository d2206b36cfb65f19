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

/// The member of a group a guarded change is about: a user's membership, or a child group's
/// link.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Changed<'a> {
    User(&'a str),
    Child(&'a str),
}

/// Whether changing the `changed` member's privileges to `after` (`None`: it leaves) takes the
/// last manager of a group whose direct members are `members` (user id, stored privileges) and
/// whose child groups' links are `children` (child id, stored privileges): a child is a member
/// too, and one whose link holds `group_set_privileges` a manager. `None`: `changed` is not
/// among them.
pub(crate) fn change_loses_manager(
    changed: Changed<'_>,
    after: Option<PrivilegeSet>,
    members: &[(String, i64)],
    children: &[(String, i64)],
) -> Result<Option<bool>, RowError> {
    let (users, links) = match changed {
        Changed::User(id) => (Some(id), None),
        Changed::Child(id) => (None, Some(id)),
    };
    let mut before = None;
    let mut others = Vec::with_capacity(members.len() + children.len());
    for (rows, changed) in [(members, users), (children, links)] {
        for (id, raw) in rows {
            if changed == Some(id.as_str()) {
                before = Some(privileges(*raw)?);
            } else {
                others.push(privileges(*raw)?);
            }
        }
    }
    Ok(before.map(|before| loses_last_manager(before, after, others)))
}

/// The first of `groups` (the leaving user's, in join order) that deleting `user` would leave
/// without a manager, given every membership of those groups as (group, user, stored privileges)
/// and every link below them as (parent, child, stored privileges).
pub(crate) fn first_group_losing_its_manager(
    user: &str,
    groups: &[String],
    members: &[(String, String, i64)],
    links: &[(String, String, i64)],
) -> Result<Option<GroupId>, RowError> {
    let of = |rows: &[(String, String, i64)], group: &String| -> Vec<(String, i64)> {
        rows.iter().filter(|(g, ..)| g == group).map(|(_, id, p)| (id.clone(), *p)).collect()
    };
    for group in groups {
        if change_loses_manager(Changed::User(user), None, &of(members, group), &of(links, group))? == Some(true) {
            return Ok(Some(group_id(group.clone())?));
        }
    }
    Ok(None)
}
