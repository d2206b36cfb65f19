//! A bounded cache of Basic credentials that verified, so that a client sending
//! `Authorization: Basic` on every request (as every rc11 example does) pays Argon2 once, not
//! on every request. It mirrors `VerifiedTokens`, with one step more: after its second, an
//! entry still spares Argon2, but only once the store has confirmed the password hash it was
//! verified against is still the user's.

use std::sync::Arc;

use hmac::{Hmac, Mac};
use quick_cache::sync::Cache;
use sha2::Sha256;

use crate::domain::User;

/// How many credentials the cache holds: an entry is a 32-byte key, a user and a PHC string (a
/// few hundred bytes), so the cache stays under a few megabytes. When it is full, quick_cache
/// evicts the entries least worth keeping, and an evicted client pays Argon2 once more.
pub(super) const CAPACITY: usize = 4_096;

/// The key of a login and password: HMAC-SHA256 under a key drawn at start, so the cache holds
/// neither the password nor anything a password could be guessed against offline (the key
/// never leaves the process), and nobody can aim collisions at another's entry.
pub(super) type CredentialsKey = [u8; 32];

pub(super) struct VerifiedCredentials {
    key: [u8; 32],
    cache: Cache<CredentialsKey, Arc<Verified>>,
}

/// What a login and password were verified as.
pub(super) struct Verified {
    pub(super) user: User,
    /// The stored hash (PHC string) the password matched: while the store still holds exactly
    /// this string for the user, the same password still matches it.
    pub(super) hash: String,
    /// The clock's reading (whole seconds) taken before the store was read.
    pub(super) second: u64,
}

impl VerifiedCredentials {
    pub(super) fn new(capacity: usize) -> Self {
        let mut key = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut key);
        Self { key, cache: Cache::new(capacity) }
    }

    /// The cache key of `login` and `password`. The login's length goes first, so that no two
    /// pairs give the same input (`a` + `b:c` and `a:b` + `c`).
    pub(super) fn key(&self, login: &str, password: &str) -> CredentialsKey {
        // HMAC takes a key of any length, so `new_from_slice` cannot fail.
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.key).expect("HMAC takes any key length");
        mac.update(&(login.len() as u64).to_be_bytes());
        mac.update(login.as_bytes());
        mac.update(password.as_bytes());
        mac.finalize().into_bytes().into()
    }

    pub(super) fn get(&self, key: &CredentialsKey) -> Option<Arc<Verified>> {
        self.cache.get(key)
    }

    /// Forgets every entry.
    pub(super) fn clear(&self) {
        self.cache.clear();
    }

    /// Records that the credentials of `key` matched `hash`, the password hash of `user`,
    /// according to a store read made after the clock read `now`.
    pub(super) fn insert(&self, key: CredentialsKey, user: &User, hash: &str, now: u64) {
        let verified = Verified { user: user.clone(), hash: hash.to_owned(), second: now };
        self.cache.insert(key, Arc::new(verified));
    }
}
