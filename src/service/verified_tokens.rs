//! A bounded cache of access tokens that were verified and found in the store, so that a known
//! caller's authentication costs neither a signature check nor a store read. An entry is served
//! only within the clock second in which it was verified: that is the revocation bound.

use std::sync::Arc;

use quick_cache::sync::Cache;

use crate::domain::User;

/// How many tokens the cache holds. An entry is one token (a few hundred bytes) and its user, so
/// the cache stays under a few megabytes whatever the traffic; when it is full, quick_cache
/// evicts the entries least worth keeping (S3-FIFO), and an evicted caller only pays the full
/// check once more.
pub(super) const CAPACITY: usize = 16_384;

/// The verified access tokens, keyed by the whole token: a hit means these exact bytes passed
/// the signature check and the store's check in the current second, so neither is needed again.
/// Only verified tokens go in, so a flood of forged tokens cannot fill or churn it.
pub(super) struct VerifiedTokens {
    cache: Cache<String, Arc<Verified>>,
}

struct Verified {
    /// Shared with every request it authenticates: a hit copies nothing.
    user: Arc<User>,
    /// The clock's reading (whole seconds) taken before the store was asked.
    second: u64,
}

impl VerifiedTokens {
    pub(super) fn new(capacity: usize) -> Self {
        Self { cache: Cache::new(capacity) }
    }

    /// The user of `token` if it was verified during the second `now`. An entry from any other
    /// second (earlier, or later if the clock went back) is a miss, so no entry outlives one
    /// second of the clock, and a `time <` caveat that held at verification still holds.
    pub(super) fn get(&self, token: &str, now: u64) -> Option<Arc<User>> {
        let hit = self.cache.get(token)?;
        (hit.second == now).then(|| hit.user.clone())
    }

    /// Forgets every entry.
    pub(super) fn clear(&self) {
        self.cache.clear();
    }

    /// Records that `token` identified `user` according to a store read made after the clock
    /// read `now`.
    pub(super) fn insert(&self, token: &str, user: &Arc<User>, now: u64) {
        self.cache.insert(token.to_owned(), Arc::new(Verified { user: user.clone(), second: now }));
    }
}
