//! The scale load: `groups` groups and `memberships` memberships written into a fresh SQLite
//! data dir through the `Store` API (users, `create_group`, invite records via `insert_token`,
//! then `join_with_token`), many calls in flight at once so that a store that batches
//! concurrent writes can. Each user creates one group and joins the next `per_group - 1`
//! users' groups, so every user ends up in `per_group` groups.

use std::time::Instant;

use oz_groups::domain::{GroupId, User};
use oz_groups::service::App;
use oz_groups::store::JoinOutcome;

use crate::seed::{collect, users_groups_invites};

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

    // 1.–3. One user per group; user g creates group g (and so is its first member, which the
    // joins below rely on); one invite record per group, good for all its joiners.
    let invites = if joins_per_group > 0 { groups } else { 0 };
    let sizes = (groups, groups, invites, joins_per_group as u32);
    let (users, group_ids, tokens) = users_groups_invites(&store, "scale", sizes, deadline).await?;
    load.users = users.len() as u64;
    load.groups = group_ids.len() as u64;
    load.memberships = load.groups;
    load.tokens = tokens.len() as u64;
    load.writes += load.users + load.groups + load.tokens;
    let creators = users.iter().cloned().zip(group_ids.iter().cloned()).collect();

    // 4. The joins: the k-th joiner of group g is user g + k. Interleaved by k, so that
    // concurrent joins touch different groups and users.
    let n_users = users.len();
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
    anyhow::ensure!(joined >= joins.len() as u64, "scale load: {} joins did not succeed", joins.len() as u64 - joined);
    load.memberships += joined;
    load.writes += joined;
    load.seconds = started.elapsed().as_secs_f64();
    load.cut_short = load.groups < groups as u64 || joined < total as u64;
    Ok(Loaded { load, creators })
}
