//! The scale load: `groups` groups and `memberships` memberships written into a fresh SQLite
//! data dir through the `Store` API (users, `create_group`, invite records via `insert_token`,
//! then `join_with_token`), many calls in flight at once so that a store that batches
//! concurrent writes can. Each user creates one group and joins the next `per_group - 1`
//! users' groups, so every user ends up in `per_group` groups.

use std::sync::Arc;
use std::time::Instant;

use oz_groups::domain::{Group, GroupId, GroupType, PrivilegeSet, User};
use oz_groups::service::App;
use oz_groups::store::JoinOutcome;

use crate::seed::{collect, name, user};
use crate::storage::invite_record;

#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct ScaleLoad {
    pub users: u64,
    pub groups: u64,
    pub tokens: u64,
    pub memberships: u64,
    /// Store calls made (each one transaction in the store's API).
    pub writes: u64,
    pub seconds: f64,
    /// The load stopped at the time budget before reaching the asked-for size.
    pub cut_short: bool,
    pub asked_groups: u64,
    pub asked_memberships: u64,
    pub db_bytes: u64,
}

impl ScaleLoad {
    pub fn writes_per_second(&self) -> f64 {
        self.writes as f64 / self.seconds.max(1e-9)
    }
}

/// What the latency runs at scale need: the users (with the group each created).
pub struct Loaded {
    pub load: ScaleLoad,
    pub creators: Vec<(User, GroupId)>,
}

pub async fn load(app: &App, groups: usize, memberships: usize, budget_s: u64) -> anyhow::Result<Loaded> {
    let store = app.store().clone();
    let per_group = (memberships / groups.max(1)).max(1);
    // Joiners of group g are the users after g, wrapping round: they must be distinct from g.
    let joins_per_group = (per_group - 1).min(groups.saturating_sub(1));
    let started = Instant::now();
    let deadline = Some(started + std::time::Duration::from_secs(budget_s));
    let mut load =
        ScaleLoad { asked_groups: groups as u64, asked_memberships: memberships as u64, ..ScaleLoad::default() };

    // 1. One user per group.
    let users = collect("scale: users", groups, deadline, |i| {
        let store = store.clone();
        async move {
            let user = user(&format!("scale user {i}"))?;
            store.create_user(&user).await?;
            Ok(user)
        }
    })
    .await?;
    load.users = users.len() as u64;
    load.writes += load.users;

    // 2. Each user creates one group (and so is its first member): group g is user g's, which
    // the joins below rely on.
    let users = Arc::new(users);
    let creators = collect("scale: groups", users.len(), deadline, |i| {
        let (store, users) = (store.clone(), users.clone());
        async move {
            let group =
                Group { id: GroupId::generate(), name: name(&format!("scale group {i}"))?, kind: GroupType::Team };
            store.create_group(&group, &users[i].id, PrivilegeSet::all()).await?;
            Ok((users[i].clone(), group.id))
        }
    })
    .await?;
    load.groups = creators.len() as u64;
    load.memberships = load.groups;
    load.writes += load.groups;

    // 3. One invite record per group, good for all its joiners.
    let group_ids: Arc<Vec<GroupId>> = Arc::new(creators.iter().map(|(_, g)| g.clone()).collect());
    let n_tokens = if joins_per_group > 0 { group_ids.len() } else { 0 };
    let tokens = collect("scale: invite records", n_tokens, deadline, |g| {
        let (store, group_ids) = (store.clone(), group_ids.clone());
        async move {
            let record = invite_record(&group_ids[g], Some(joins_per_group as u32));
            store.insert_token(&record).await?;
            Ok(record.id)
        }
    })
    .await?;
    load.tokens = tokens.len() as u64;
    load.writes += load.tokens;

    // 4. The joins: the k-th joiner of group g is user g + k. Interleaved by k, so that
    // concurrent joins touch different groups and users.
    let n_users = users.len();
    let tokens = Arc::new(tokens);
    let total = tokens.len() * joins_per_group;
    let joins = collect("scale: joins", total, deadline, |i| {
        let (store, tokens, users) = (store.clone(), tokens.clone(), users.clone());
        async move {
            let (k, g) = (i / tokens.len() + 1, i % tokens.len());
            let user = &users[(g + k) % n_users];
            Ok(matches!(store.join_with_token(&tokens[g], &user.id).await?, JoinOutcome::Joined(_)))
        }
    })
    .await?;
    let joined = joins.iter().filter(|j| **j).count() as u64;
    if joined < joins.len() as u64 {
        anyhow::bail!("scale load: {} joins did not succeed", joins.len() as u64 - joined);
    }
    load.memberships += joined;
    load.writes += joined;
    load.seconds = started.elapsed().as_secs_f64();
    load.cut_short = load.groups < groups as u64 || joined < total as u64;
    Ok(Loaded { load, creators })
}
