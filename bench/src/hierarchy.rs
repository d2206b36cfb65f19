//! The nested-group hierarchy of issue 12, written through the `Store` API: `GROUPS` groups in
//! `DEPTH` levels under one top group (every tenth group below the first level with a second
//! parent, so the graph is a DAG, not a tree), `USERS` users spread over them, and a detached
//! subtree of `SUBTREE` groups that the timed part links under the middle level and unlinks.

use std::sync::Arc;
use std::time::Instant;

use oz_groups::domain::{GroupId, PrivilegeSet, User};
use oz_groups::service::App;
use oz_groups::store::{JoinOutcome, LinkOutcome, TokenGrant, TokenRecord};

use crate::seed::{collect, users_groups_invites};
use crate::storage::invite_record;

/// Groups of the hierarchy, the top one included.
pub const GROUPS: usize = 10_000;
/// Levels below the top group: the deepest group is `DEPTH` links away from it.
pub const DEPTH: usize = 20;
/// Users in all: one creator per group (the hierarchy's and the subtree's), the rest spread
/// over the hierarchy's groups as plain members.
pub const USERS: usize = 100_000;
/// Groups of the detached subtree: a root, 9 children, 90 grandchildren, 900 below those.
pub const SUBTREE: usize = 1_000;

#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct HierarchyLoad {
    pub groups: u64,
    pub links: u64,
    pub users: u64,
    pub memberships: u64,
    pub subtree_groups: u64,
    /// Store calls made (each one transaction in the store's API).
    pub writes: u64,
    pub seconds: f64,
}

impl HierarchyLoad {
    /// What was loaded, and in how long.
    pub fn summary(&self) -> String {
        let HierarchyLoad { links, users, memberships, seconds, .. } = self;
        let groups = self.groups + self.subtree_groups;
        format!("{groups} groups, {links} links, {users} users, {memberships} memberships in {seconds:.0} s")
    }
}

/// What the timed part needs from the load.
pub struct Loaded {
    pub load: HierarchyLoad,
    pub top: GroupId,
    /// The creator of the top group: a direct member, with every privilege there.
    pub direct: User,
    /// The creator of a group at the deepest level: a member of the top only through `DEPTH`
    /// links.
    pub deep: User,
    /// A group half-way down and its creator: where the subtree is linked.
    pub middle: (User, GroupId),
    /// The subtree's root and its creator.
    pub subtree: (User, GroupId),
}

/// The hierarchy's levels: level 0 is the top group alone; the other `GROUPS - 1` groups are
/// spread evenly over levels 1 to `DEPTH`. Returns each level's first group index and width.
fn levels() -> Vec<(usize, usize)> {
    let below = GROUPS - 1;
    let mut out = vec![(0, 1)];
    let mut start = 1;
    for k in 0..DEPTH {
        let width = below / DEPTH + usize::from(k < below % DEPTH);
        out.push((start, width));
        start += width;
    }
    out
}

/// Every link of the hierarchy and the subtree as (parent index, child index), parents' links
/// first level by level (the order does not matter to the store; it keeps the log readable).
fn links() -> Vec<(usize, usize)> {
    let lv = levels();
    let mut out = Vec::new();
    for k in 1..lv.len() {
        let ((pstart, pwidth), (start, width)) = (lv[k - 1], lv[k]);
        for i in 0..width {
            out.push((pstart + i % pwidth, start + i));
            let second = pstart + (i + 1) % pwidth;
            if k >= 2 && i % 10 == 0 && second != pstart + i % pwidth {
                out.push((second, start + i));
            }
        }
    }
    // The subtree, after the hierarchy's groups: root, then 9, 90 and 900 groups, each level's
    // group m a child of the level above's group m / 10 (the root's 9 children all of it).
    let s = GROUPS;
    let sub = [(s, 1usize), (s + 1, 9), (s + 10, 90), (s + 100, 900)];
    for k in 1..sub.len() {
        let ((pstart, _), (start, width)) = (sub[k - 1], sub[k]);
        for m in 0..width {
            let parent = if k == 1 { pstart } else { pstart + m / 10 };
            out.push((parent, start + m));
        }
    }
    out
}

pub async fn load(app: &App) -> anyhow::Result<Loaded> {
    let store = app.store().clone();
    let started = Instant::now();
    let n_groups = GROUPS + SUBTREE;
    let mut load = HierarchyLoad::default();

    // 1.–3. The users; group g created by user g (its first member, with every privilege); one
    // invite record per hierarchy group, good for all its joiners: user u joins group u mod GROUPS.
    let members = USERS.saturating_sub(n_groups);
    let per_group = members.div_ceil(GROUPS) as u32;
    let sizes = (USERS, n_groups, GROUPS, per_group);
    let (users, groups, invites) = users_groups_invites(&store, "hierarchy", sizes, None).await?;
    load.users = users.len() as u64;
    load.groups = GROUPS as u64;
    load.subtree_groups = SUBTREE as u64;
    load.memberships = n_groups as u64;
    load.writes += load.users + (n_groups + GROUPS) as u64;
    let joined = collect("hierarchy: memberships", members, None, |j| {
        let (store, users, invites) = (store.clone(), users.clone(), invites.clone());
        async move {
            let u = n_groups + j;
            Ok(matches!(store.join_with_token(&invites[u % GROUPS], &users[u].id).await?, JoinOutcome::Joined(_)))
        }
    })
    .await?;
    load.writes += members as u64;
    let refused = joined.iter().filter(|j| !**j).count();
    anyhow::ensure!(refused == 0, "hierarchy load: {refused} joins were refused");
    load.memberships += members as u64;

    // 4. The links: a single-use nested invite record of the parent, used by the child.
    let links = Arc::new(links());
    let refused: Vec<String> = collect("hierarchy: links", links.len(), None, |l| {
        let (store, groups, links) = (store.clone(), groups.clone(), links.clone());
        async move {
            let (parent, child) = links[l];
            let mut record: TokenRecord = invite_record(&groups[parent], Some(1));
            record.grant = TokenGrant::GroupInviteGroup {
                group: groups[parent].clone(),
                privileges: PrivilegeSet::default_member(),
            };
            store.insert_token(&record).await?;
            Ok(match store.link_with_token(&record.id, &groups[child]).await? {
                LinkOutcome::Linked(_) => None,
                other => Some(format!("{:?}: {other:?}", links[l])),
            })
        }
    })
    .await?
    .into_iter()
    .flatten()
    .collect();
    load.writes += 2 * links.len() as u64;
    if !refused.is_empty() {
        anyhow::bail!("hierarchy load: {} links were refused, the first {}", refused.len(), refused[0]);
    }
    load.links = links.len() as u64;
    load.seconds = started.elapsed().as_secs_f64();

    let lv = levels();
    let (deepest, _) = lv[DEPTH];
    let (middle, _) = lv[DEPTH / 2];
    Ok(Loaded {
        load,
        top: groups[0].clone(),
        direct: users[0].clone(),
        deep: users[deepest].clone(),
        middle: (users[middle].clone(), groups[middle].clone()),
        subtree: (users[GROUPS].clone(), groups[GROUPS].clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_levels_hold_every_group_once_and_reach_the_asked_depth() {
        let lv = levels();
        assert_eq!(lv.len(), DEPTH + 1);
        assert_eq!(lv.iter().map(|(_, w)| w).sum::<usize>(), GROUPS);
        for k in 1..lv.len() {
            assert_eq!(lv[k].0, lv[k - 1].0 + lv[k - 1].1, "level {k} starts where the one above ends");
        }
    }

    #[test]
    fn every_group_but_the_two_roots_has_a_parent_one_level_up() {
        let links = links();
        let mut has_parent = vec![false; GROUPS + SUBTREE];
        for &(p, c) in &links {
            assert!(p < c, "a parent ({p}) comes before its child ({c}), so there is no cycle");
            has_parent[c] = true;
        }
        let orphans: Vec<usize> = (0..GROUPS + SUBTREE).filter(|&g| !has_parent[g]).collect();
        assert_eq!(orphans, vec![0, GROUPS], "only the top group and the subtree's root have no parent");
        let subtree = links.iter().filter(|(p, _)| *p >= GROUPS).count();
        assert_eq!(subtree, SUBTREE - 1, "the subtree is a tree");
        assert!(links.len() > GROUPS + SUBTREE - 2, "some hierarchy groups have a second parent");
    }
}
