//! Password hashing and verification (contract §7): Argon2id with a per-user random salt, run
//! on the blocking pool behind a small semaphore, and the same work for an unknown login as for
//! a known one.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::domain::Error;

/// Argon2id's cost: OWASP's first recommended set (Password Storage Cheat Sheet, 2023): 19 MiB
/// of memory, 2 passes, 1 lane. About 20–40 ms of one core on this kind of machine: slow enough
/// that a stolen database is costly to guess through, cheap enough for a login now and then.
/// Clients that send Basic on every request pay it once (`VerifiedCredentials`).
pub(crate) const MEMORY_KIB: u32 = 19 * 1024;
pub(crate) const PASSES: u32 = 2;
pub(crate) const LANES: u32 = 1;

/// The longest password taken, in bytes: Argon2 takes any length, but a bound keeps what one
/// request can make the server hash small (a header is bounded anyway; the CLI is not).
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// Hashes and verifies passwords. Each hash costs `MEMORY_KIB` of memory and tens of
/// milliseconds of CPU, so the work runs in `spawn_blocking` (never on an async worker) and at
/// most `permits` hashes run at once: a flood of Basic attempts queues here instead of taking
/// every core from the requests that need none.
pub(crate) struct Passwords {
    argon: Argon2<'static>,
    permits: Arc<Semaphore>,
    /// A hash of a random password under the same parameters, verified in place of a missing
    /// one, so that an unknown login costs what a wrong password costs. Made at first use, not
    /// at start, so that a server nobody sends Basic to never pays for it.
    dummy: OnceLock<String>,
    /// Verifications run so far (dummy ones included), so that tests can see when the cache
    /// spared one.
    verifications: AtomicU64,
}

impl Passwords {
    /// `permits`: how many hashes may run at once (at least one).
    pub(crate) fn new(permits: usize) -> Self {
        // These parameters are within Argon2's bounds (checked by a unit test), so `new` cannot fail.
        let params = Params::new(MEMORY_KIB, PASSES, LANES, None).unwrap_or_default();
        Self {
            argon: Argon2::new(Algorithm::Argon2id, Version::V0x13, params),
            permits: Arc::new(Semaphore::new(permits.max(1))),
            dummy: OnceLock::new(),
            verifications: AtomicU64::new(0),
        }
    }

    /// Half the cores (at least one): the rest stay free for everything else.
    pub(crate) fn default_permits() -> usize {
        std::thread::available_parallelism().map_or(1, |n| n.get().div_ceil(2))
    }

    /// A new PHC string (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`) for `password`, with a
    /// fresh random salt.
    pub(crate) async fn hash(self: &Arc<Self>, password: String) -> Result<String, Error> {
        let this = self.clone();
        self.run(move || this.hash_now(&password)).await?
    }

    fn hash_now(&self, password: &str) -> Result<String, Error> {
        let salt = SaltString::generate(&mut OsRng);
        let hash = self.argon.hash_password(password.as_bytes(), &salt).map_err(Error::internal)?;
        Ok(hash.to_string())
    }

    /// Whether `password` matches `stored` (a PHC string). `None` (no such login, or a user
    /// without a password) verifies against the dummy hash and answers `false`: the same work
    /// either way, so the time of a refusal does not tell whether the login exists.
    pub(crate) async fn verify(self: &Arc<Self>, stored: Option<String>, password: String) -> Result<bool, Error> {
        let this = self.clone();
        self.run(move || {
            let known = stored.is_some();
            let phc = stored.unwrap_or_else(|| this.dummy().to_owned());
            Ok(this.verify_now(&phc, &password) && known)
        })
        .await?
    }

    /// How many verifications have run.
    #[cfg(test)]
    pub(crate) fn verifications(&self) -> u64 {
        self.verifications.load(Ordering::Relaxed)
    }

    fn verify_now(&self, phc: &str, password: &str) -> bool {
        self.verifications.fetch_add(1, Ordering::Relaxed);
        match PasswordHash::new(phc) {
            Ok(parsed) => self.argon.verify_password(password.as_bytes(), &parsed).is_ok(),
            Err(e) => {
                tracing::error!(error = %e, "a stored password hash is not a PHC string; its user cannot log in");
                false
            }
        }
    }

    fn dummy(&self) -> &str {
        self.dummy.get_or_init(|| {
            let mut random = [0u8; 32];
            rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut random);
            let password: String = random.iter().map(|b| format!("{b:02x}")).collect();
            // Hashing fails only for parameters out of Argon2's bounds, which ours are not; a
            // failure would leave an empty dummy, which verifies nothing (and logs).
            self.hash_now(&password).unwrap_or_default()
        })
    }

    /// Runs `work` on the blocking pool once a permit is free. The permit moves into the
    /// blocking task and is released when the work is done, not when the caller stops waiting:
    /// clients that hang up mid-hash cannot get more hashes running than there are permits.
    async fn run<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T, Error> {
        // The semaphore is never closed, so `acquire_owned` cannot fail.
        let permit = self.permits.clone().acquire_owned().await.map_err(Error::internal)?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            work()
        })
        .await
        .map_err(Error::internal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parameters_are_within_argon2s_bounds_and_are_the_ones_stated() {
        let params = Params::new(MEMORY_KIB, PASSES, LANES, None).expect("valid parameters");
        assert_eq!((params.m_cost(), params.t_cost(), params.p_cost()), (19_456, 2, 1));
    }

    #[tokio::test]
    async fn a_hash_verifies_its_password_only_and_each_hash_has_its_own_salt() {
        let passwords = Arc::new(Passwords::new(1));
        let first = passwords.hash("correct horse".into()).await.unwrap();
        let second = passwords.hash("correct horse".into()).await.unwrap();
        assert!(first.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{first}");
        assert_ne!(first, second, "a fresh salt each time");
        assert_eq!(passwords.verify(Some(first.clone()), "correct horse".into()).await, Ok(true));
        assert_eq!(passwords.verify(Some(first), "correct horsf".into()).await, Ok(false));
        assert_eq!(passwords.verify(Some("not a hash".into()), "x".into()).await, Ok(false));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn no_more_hashes_run_at_once_than_there_are_permits() {
        let passwords = Arc::new(Passwords::new(1));
        let running = Arc::new(AtomicU64::new(0));
        let most = Arc::new(AtomicU64::new(0));
        let tasks: Vec<_> = (0..4)
            .map(|_| {
                let (passwords, running, most) = (passwords.clone(), running.clone(), most.clone());
                tokio::spawn(async move {
                    passwords
                        .run(move || {
                            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                            most.fetch_max(now, Ordering::SeqCst);
                            // Real work of a hash's length, so that the tasks overlap if they may.
                            let hash = Passwords::new(1).hash_now("pw").unwrap();
                            running.fetch_sub(1, Ordering::SeqCst);
                            hash
                        })
                        .await
                })
            })
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        assert_eq!(most.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_missing_hash_is_verified_against_a_dummy_of_the_same_parameters() {
        let passwords = Arc::new(Passwords::new(1));
        assert_eq!(passwords.verify(None, "anything".into()).await, Ok(false));
        let dummy = PasswordHash::new(passwords.dummy()).expect("the dummy is a PHC string");
        let real = passwords.hash("pw".into()).await.unwrap();
        let real = PasswordHash::new(&real).unwrap();
        assert_eq!(dummy.algorithm, real.algorithm);
        assert_eq!(dummy.version, real.version);
        assert_eq!(dummy.params, real.params, "the same memory, passes and lanes: the same work");
        assert_eq!(dummy.hash.map(|h| h.len()), real.hash.map(|h| h.len()));
    }
}
