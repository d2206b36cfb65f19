//! The storage limit: the join's durable transaction (`Store::join_with_token`) run straight
//! against a fresh `SqliteStore`, one call in flight at a time, no HTTP. Its rate is what one
//! writer that commits each join on its own can do on this disk; the HTTP join on SQLite is
//! compared with it.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use oz_groups::domain::{Group, GroupId, GroupType, PrivilegeSet, UserId};
use oz_groups::store::sqlite::SqliteStore;
use oz_groups::store::{JoinOutcome, Store, TokenGrant, TokenRecord};

use crate::seed::{concurrently, name, user};

/// A join slower than this (µs) is counted as a stall of the disk: a sequential join is a few
/// hundred µs, so it waited for its commit's `fsync` a hundred times longer than usual.
pub const STALL_US: u64 = 50_000;

#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct StorageResult {
    pub joins: u64,
    pub failures: u64,
    pub seconds: f64,
    pub p50_us: u64,
    pub p99_us: u64,
    /// The slowest join, and how many took over `STALL_US`: the disk's own stalls, which no
    /// number of joins per commit can hide (results of older runs have none: 0).
    #[serde(default)]
    pub max_us: u64,
    #[serde(default)]
    pub stalls: u64,
    /// Rows written while preparing (users and token records, `CONCURRENCY` at a time), and
    /// how long that took: how the store copes with many concurrent writers.
    pub prepared_writes: u64,
    pub prepare_seconds: f64,
}

impl StorageResult {
    pub fn tps(&self) -> f64 {
        if self.seconds > 0.0 {
            self.joins as f64 / self.seconds
        } else {
            0.0
        }
    }
}

/// Joins sequentially for about `duration` of timed work. Users and invite records are
/// inserted first, untimed, in batches sized from a short probe, so the run cannot run out.
pub async fn measure(dir: &Path, duration: Duration) -> anyhow::Result<StorageResult> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join("storage.db");
    let store: Arc<dyn Store> = Arc::new(tokio::task::spawn_blocking(move || SqliteStore::open(&path)).await??);
    let owner = user("storage owner")?;
    store.create_user(&owner).await?;
    let group = Group { id: GroupId::generate(), name: name("storage group")?, kind: GroupType::Team };
    store.create_group(&group, &owner.id, PrivilegeSet::all()).await?;

    let mut result = StorageResult::default();
    let mut latencies: Vec<u64> = Vec::new();
    let mut timed = Duration::ZERO;
    // The probe's 50 joins count like the rest; they only size the first real batch.
    let mut batch = 50usize;
    while timed < duration {
        let started = Instant::now();
        let pending = prepare(&store, &group.id, batch).await?;
        result.prepare_seconds += started.elapsed().as_secs_f64();
        result.prepared_writes += 2 * pending.len() as u64;
        for (token, user) in &pending {
            let t0 = Instant::now();
            let outcome = store.join_with_token(token, user).await;
            let took = t0.elapsed();
            timed += took;
            latencies.push(took.as_micros() as u64);
            match outcome {
                Ok(JoinOutcome::Joined(_)) => result.joins += 1,
                _ => result.failures += 1,
            }
            if timed >= duration {
                break;
            }
        }
        // Size the next batch to cover what is left, at the rate seen so far, with a margin.
        let rate = latencies.len() as f64 / timed.as_secs_f64().max(1e-6);
        let left = duration.saturating_sub(timed).as_secs_f64();
        batch = ((rate * left * 1.2) as usize).clamp(50, 200_000);
    }
    result.seconds = timed.as_secs_f64();
    latencies.sort_unstable();
    result.p50_us = percentile(&latencies, 50.0);
    result.p99_us = percentile(&latencies, 99.0);
    result.max_us = latencies.last().copied().unwrap_or(0);
    result.stalls = latencies.iter().filter(|l| **l > STALL_US).count() as u64;
    Ok(result)
}

/// `n` fresh users and single-use invite records for them, inserted concurrently.
async fn prepare(store: &Arc<dyn Store>, group: &GroupId, n: usize) -> anyhow::Result<Vec<(String, UserId)>> {
    let make = |i: usize| {
        let (store, group) = (store.clone(), group.clone());
        async move {
            let user = user(&format!("s{i}"))?;
            store.create_user(&user).await?;
            let record = invite_record(&group, Some(1));
            store.insert_token(&record).await?;
            Ok((record.id, user.id))
        }
    };
    let mut out = Vec::with_capacity(n);
    concurrently(n, None, make, |pair| {
        out.push(pair);
        Ok(())
    })
    .await?;
    Ok(out)
}

/// A group-invite record as `App::mint_invite` would store it; the identifier is random like a
/// minted one (nobody presents these tokens, so no macaroon is made).
pub fn invite_record(group: &GroupId, max_uses: Option<u32>) -> TokenRecord {
    TokenRecord {
        id: GroupId::generate().as_str().to_owned(),
        grant: TokenGrant::GroupInviteUser { group: group.clone(), privileges: PrivilegeSet::default_member() },
        max_uses,
        uses: 0,
        revoked: false,
        created_at: std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()),
        issuer: None,
        name: None,
        caveats: "[]".into(),
        valid_until: None,
        custom_metadata: "{}".into(),
    }
}

/// The `p`th percentile of sorted samples (nearest rank).
pub fn percentile(sorted: &[u64], p: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::percentile;

    #[test]
    fn percentiles_are_nearest_rank() {
        let v: Vec<u64> = (1..=100).collect();
        assert_eq!((percentile(&v, 50.0), percentile(&v, 99.0), percentile(&v, 100.0)), (50, 99, 100));
        assert_eq!(percentile(&[], 50.0), 0);
    }
}
