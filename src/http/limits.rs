//! Rate limits (contract §9): failed authentications per client address, per presented
//! token (as sent) and per Basic login, failed joins per client address and per user, and writes per user, each a keyed GCRA
//! limiter from `governor`. The gate asks here before any store access and answers 429 with
//! `Retry-After` past a limit; it also works out the client address (the TCP peer, or the
//! right-most untrusted `X-Forwarded-For` hop when the operator trusts the proxy in front).

use std::hash::{BuildHasher, Hash};
use std::net::{IpAddr, Ipv6Addr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use governor::clock::{Clock as _, MonotonicClock};
use governor::middleware::StateInformationMiddleware;
use governor::state::keyed::DefaultKeyedStateStore;
use governor::{Quota, RateLimiter};
use hyper::header::HeaderMap;
use ipnet::IpNet;

/// A limit as configured: at most `burst` events at once, and `burst` more every `period`
/// (GCRA: one event back every `period / burst`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rate {
    pub burst: NonZeroU32,
    pub period: Duration,
}

impl std::str::FromStr for Rate {
    type Err = String;

    /// `BURST/PERIOD`, the period in `ms`, `s`, `m` or `h` (`30/1m`); `off` is handled by the
    /// caller.
    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("{text:?} is not BURST/PERIOD such as 30/1m (or off)");
        let (burst, period) = text.trim().split_once('/').ok_or_else(bad)?;
        let burst: NonZeroU32 = burst.trim().parse().map_err(|_| bad())?;
        let period = period.trim();
        let split = period.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
        let (number, unit) = period.split_at(split);
        let number: u64 = number.parse().map_err(|_| bad())?;
        let period = match unit {
            "ms" => Duration::from_millis(number),
            "s" => Duration::from_secs(number),
            "m" => Duration::from_secs(number * 60),
            "h" => Duration::from_secs(number * 3600),
            _ => return Err(bad()),
        };
        if period.is_zero() {
            return Err(bad());
        }
        Ok(Rate { burst, period })
    }
}

/// Every limit, `None` when switched off, and whom to trust for the client address.
#[derive(Clone, Debug, Default)]
pub struct Limits {
    pub auth_failures_per_address: Option<Rate>,
    pub auth_failures_per_token: Option<Rate>,
    pub auth_failures_per_login: Option<Rate>,
    pub join_failures_per_address: Option<Rate>,
    pub join_failures_per_user: Option<Rate>,
    pub writes_per_user: Option<Rate>,
    /// Read `X-Forwarded-For` whatever the peer (the server is only reachable through proxies).
    pub trust_forwarded_for: bool,
    /// Proxies whose `X-Forwarded-For` is read, and whose own hops in it are skipped.
    pub trusted_proxies: Vec<IpNet>,
}

/// The default of each limit (`serve`'s flags and [`Limits::recommended`]): enough for a person
/// who mistypes or retries, too few for guessing, and (writes) 5 a second sustained per user.
pub mod defaults {
    pub const AUTH_FAILURES_PER_ADDRESS: &str = "30/1m";
    pub const AUTH_FAILURES_PER_TOKEN: &str = "10/1m";
    pub const AUTH_FAILURES_PER_LOGIN: &str = "10/1m";
    pub const JOIN_FAILURES_PER_ADDRESS: &str = "30/1m";
    pub const JOIN_FAILURES_PER_USER: &str = "10/1m";
    pub const WRITES_PER_USER: &str = "300/1m";
}

impl Limits {
    /// The defaults of `serve`'s flags, nothing behind a proxy trusted.
    pub fn recommended() -> Self {
        // The defaults are literals that a unit test parses.
        let rate = |text: &str| text.parse::<Rate>().ok();
        Limits {
            auth_failures_per_address: rate(defaults::AUTH_FAILURES_PER_ADDRESS),
            auth_failures_per_token: rate(defaults::AUTH_FAILURES_PER_TOKEN),
            auth_failures_per_login: rate(defaults::AUTH_FAILURES_PER_LOGIN),
            join_failures_per_address: rate(defaults::JOIN_FAILURES_PER_ADDRESS),
            join_failures_per_user: rate(defaults::JOIN_FAILURES_PER_USER),
            writes_per_user: rate(defaults::WRITES_PER_USER),
            ..Limits::default()
        }
    }
}

/// Which limit answered a 429; also the label of its rejection counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    AuthFailuresPerAddress,
    AuthFailuresPerToken,
    JoinFailuresPerAddress,
    JoinFailuresPerUser,
    WritesPerUser,
    AuthFailuresPerLogin,
}

impl Limit {
    pub const ALL: [Limit; 6] = [
        Limit::AuthFailuresPerAddress,
        Limit::AuthFailuresPerToken,
        Limit::JoinFailuresPerAddress,
        Limit::JoinFailuresPerUser,
        Limit::WritesPerUser,
        Limit::AuthFailuresPerLogin,
    ];

    /// A stable name, for metrics labels and logs.
    pub fn name(self) -> &'static str {
        match self {
            Limit::AuthFailuresPerAddress => "auth_failures_per_address",
            Limit::AuthFailuresPerToken => "auth_failures_per_token",
            Limit::JoinFailuresPerAddress => "join_failures_per_address",
            Limit::JoinFailuresPerUser => "join_failures_per_user",
            Limit::WritesPerUser => "writes_per_user",
            Limit::AuthFailuresPerLogin => "auth_failures_per_login",
        }
    }

    /// What the client is told (the `error_description` of the 429).
    pub fn description(self) -> &'static str {
        match self {
            Limit::AuthFailuresPerAddress => "Too many failed authentications from this address.",
            Limit::AuthFailuresPerToken => "Too many failed authentications with this access token.",
            Limit::JoinFailuresPerAddress => "Too many failed joins from this address.",
            Limit::JoinFailuresPerUser => "Too many failed joins by this user.",
            Limit::WritesPerUser => "Too many writes by this user.",
            Limit::AuthFailuresPerLogin => "Too many failed authentications with this login.",
        }
    }
}

/// 429s answered so far, by limit; read by whoever exports metrics.
#[derive(Debug, Default)]
pub struct Rejections {
    counts: [AtomicU64; Limit::ALL.len()],
}

impl Rejections {
    pub fn get(&self, limit: Limit) -> u64 {
        self.counts[limit as usize].load(Ordering::Relaxed)
    }

    /// Counts one 429, here and in `oz_rate_limited_total{limit}`.
    fn count(&self, limit: Limit) {
        self.counts[limit as usize].fetch_add(1, Ordering::Relaxed);
        crate::telemetry::metrics::rate_limited(limit.name());
    }
}

/// A request refused by `limit`, to be retried after `retry_after` whole seconds (at least 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limited {
    pub limit: Limit,
    pub retry_after: u64,
}

/// Every how many recorded events a limiter drops the keys whose state is back to a fresh
/// key's, so that its map holds only keys seen within about one period.
const SWEEP_EVERY: u64 = 1024;

/// How many keys a failure limit remembers as blocked; past it the least recently used is
/// forgotten (fail open for that key, never a memory leak).
const MAX_BLOCKED: usize = 65_536;

type Keyed<K> = RateLimiter<K, DefaultKeyedStateStore<K>, MonotonicClock, StateInformationMiddleware>;

/// One keyed limit. `governor` has no way to look at a key's state without spending a cell, and
/// a failure limit must refuse a request before knowing whether it fails; so a failure limit
/// spends a cell on each failure, and when the key has none left it is put in `blocked` until
/// one comes back. The gate asks `blocked` first, without spending anything.
struct Keyed1<K: Hash + Eq + Clone> {
    limit: Limit,
    limiter: Keyed<K>,
    interval: Duration,
    blocked: quick_cache::sync::Cache<K, Instant>,
    events: AtomicU64,
}

impl<K: Hash + Eq + Clone + Send + Sync + 'static> Keyed1<K> {
    fn new(limit: Limit, rate: Rate) -> Self {
        // `Quota::with_period` refuses only a zero period, which `Rate` parsing refuses.
        let interval = (rate.period / rate.burst.get()).max(Duration::from_nanos(1));
        let quota =
            Quota::with_period(interval).unwrap_or_else(|| Quota::per_second(rate.burst)).allow_burst(rate.burst);
        Self {
            limit,
            limiter: RateLimiter::dashmap_with_clock(quota, MonotonicClock)
                .with_middleware::<StateInformationMiddleware>(),
            interval,
            blocked: quick_cache::sync::Cache::new(MAX_BLOCKED),
            events: AtomicU64::new(0),
        }
    }

    /// `Limited` while `key` is blocked; spends nothing.
    fn check_blocked(&self, key: &K) -> Result<(), Limited> {
        if self.blocked.is_empty() {
            return Ok(());
        }
        let Some(until) = self.blocked.get(key) else { return Ok(()) };
        let now = Instant::now();
        if until <= now {
            self.blocked.remove(key);
            return Ok(());
        }
        Err(Limited { limit: self.limit, retry_after: whole_seconds(until - now) })
    }

    /// Spends one cell for a failure of `key`; the key is blocked once it has none left.
    fn record_failure(&self, key: &K) {
        self.sweep();
        let now = Instant::now();
        match self.limiter.check_key(key) {
            Ok(snapshot) if snapshot.remaining_burst_capacity() == 0 => {
                self.blocked.insert(key.clone(), now + self.interval);
            }
            Ok(_) => {}
            Err(not_until) => {
                let wait = not_until.wait_time_from(self.limiter.clock().now()).max(self.interval);
                self.blocked.insert(key.clone(), now + wait);
            }
        }
    }

    /// Spends one cell for an event of `key` (a write), `Limited` when there is none.
    fn spend(&self, key: &K) -> Result<(), Limited> {
        self.sweep();
        self.limiter.check_key(key).map(drop).map_err(|not_until| Limited {
            limit: self.limit,
            retry_after: whole_seconds(not_until.wait_time_from(self.limiter.clock().now())),
        })
    }

    /// Keeps the map to the keys seen within about one period: `retain_recent` drops every key
    /// whose state a fresh key would have, i.e. one whose cells have all come back.
    fn sweep(&self) {
        if self.events.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            self.limiter.retain_recent();
            self.limiter.shrink_to_fit();
        }
    }
}

/// The longest `Retry-After` sent (the spec's bound): a day. A client told to come back then
/// and still early is told again, with the rest of the wait.
const MAX_RETRY_AFTER: u64 = 86_400;

/// `Retry-After` for a wait: whole seconds, rounded up, at least 1, at most a day.
fn whole_seconds(wait: Duration) -> u64 {
    (wait.as_secs() + u64::from(wait.subsec_nanos() > 0)).clamp(1, MAX_RETRY_AFTER)
}

/// The limits of one server, shared by every connection.
pub struct Limiter {
    auth_address: Option<Keyed1<IpAddr>>,
    auth_token: Option<Keyed1<u64>>,
    /// Keys the per-login limit, hashed like tokens (8 bytes a login).
    auth_login: Option<Keyed1<u64>>,
    /// Keys the per-token limit: a hash of the whole token under a per-process random key, so
    /// that the map holds 8 bytes per token and nobody can aim collisions at someone's key.
    token_hasher: std::collections::hash_map::RandomState,
    join_address: Option<Keyed1<IpAddr>>,
    join_user: Option<Keyed1<String>>,
    writes_user: Option<Keyed1<String>>,
    trust_forwarded_for: bool,
    trusted_proxies: Vec<IpNet>,
    rejections: std::sync::Arc<Rejections>,
}

impl Limiter {
    pub fn new(limits: &Limits) -> Self {
        // Every limit's series exists from the start, at zero, so that an alert on its rate
        // has something to read before the first 429.
        crate::telemetry::metrics::limits_known(&Limit::ALL.map(Limit::name));
        Self {
            auth_address: limits.auth_failures_per_address.map(|r| Keyed1::new(Limit::AuthFailuresPerAddress, r)),
            auth_token: limits.auth_failures_per_token.map(|r| Keyed1::new(Limit::AuthFailuresPerToken, r)),
            auth_login: limits.auth_failures_per_login.map(|r| Keyed1::new(Limit::AuthFailuresPerLogin, r)),
            join_address: limits.join_failures_per_address.map(|r| Keyed1::new(Limit::JoinFailuresPerAddress, r)),
            join_user: limits.join_failures_per_user.map(|r| Keyed1::new(Limit::JoinFailuresPerUser, r)),
            writes_user: limits.writes_per_user.map(|r| Keyed1::new(Limit::WritesPerUser, r)),
            token_hasher: Default::default(),
            trust_forwarded_for: limits.trust_forwarded_for,
            trusted_proxies: limits.trusted_proxies.clone(),
            rejections: Default::default(),
        }
    }

    /// The 429s answered so far, by limit.
    pub fn rejections(&self) -> std::sync::Arc<Rejections> {
        self.rejections.clone()
    }

    fn reject(&self, limited: Limited) -> Limited {
        self.rejections.count(limited.limit);
        tracing::debug!(limit = limited.limit.name(), retry_after = limited.retry_after, "rate limited");
        limited
    }

    /// The client's address as the limits key it: `client_ip`, an IPv6 address counting as its
    /// /64, which one host usually holds whole.
    pub fn client_address(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Option<IpAddr> {
        self.client_ip(peer, headers).map(address_key)
    }

    /// The client's address: the peer, or the right-most hop of `X-Forwarded-For` that is not a
    /// trusted proxy when the peer is trusted to say so (or `--trust-forwarded-for` is set); an
    /// IPv4 address written as IPv6 is the IPv4 address. What `ip` caveats are checked against.
    pub fn client_ip(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Option<IpAddr> {
        let peer = peer.map(canonical)?;
        let trusted = |ip: &IpAddr| self.trusted_proxies.iter().any(|net| net.contains(ip));
        let mut client = peer;
        if self.trust_forwarded_for || trusted(&peer) {
            // Hops are appended by each proxy, so the right-most ones are the trusted ones';
            // everything left of the first untrusted hop could have been written by the client.
            let hops = headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok());
            let hops: Vec<IpAddr> = hops.flat_map(|v| v.split(',')).filter_map(|h| h.trim().parse().ok()).collect();
            for hop in hops.into_iter().rev().map(canonical) {
                client = hop;
                if !trusted(&hop) {
                    break;
                }
            }
        }
        Some(client)
    }

    /// Before authenticating: refused while the address, or the very token presented, has
    /// failed too often. The token is keyed as sent, not by its identifier: anyone can build a
    /// failing token with someone else's identifier, and keying on it would let them lock that
    /// user's good token out.
    pub fn check_auth(&self, address: Option<IpAddr>, token: Option<&str>) -> Result<(), Limited> {
        if let (Some(limit), Some(address)) = (&self.auth_address, address) {
            limit.check_blocked(&address).map_err(|l| self.reject(l))?;
        }
        if let (Some(limit), Some(token)) = (&self.auth_token, token) {
            // Hashing the token costs nothing while no token is blocked, the usual case.
            if !limit.blocked.is_empty() {
                limit.check_blocked(&self.token_hasher.hash_one(token)).map_err(|l| self.reject(l))?;
            }
        }
        Ok(())
    }

    /// An authentication failed: counts against the address and the token.
    pub fn auth_failed(&self, address: Option<IpAddr>, token: Option<&str>) {
        if let (Some(limit), Some(address)) = (&self.auth_address, address) {
            limit.record_failure(&address);
        }
        if let (Some(limit), Some(token)) = (&self.auth_token, token) {
            limit.record_failure(&self.token_hasher.hash_one(token));
        }
    }

    /// Before verifying a Basic password: refused while the login has failed too often (the
    /// address is asked by `check_auth` first). A login is public, so anyone can spend its
    /// cells: that locks the login's Basic attempts for a period, never its access tokens, and
    /// is the price of stopping a password being guessed from many addresses.
    pub fn check_login(&self, login: &str) -> Result<(), Limited> {
        if let Some(limit) = &self.auth_login {
            if !limit.blocked.is_empty() {
                limit.check_blocked(&self.token_hasher.hash_one(login)).map_err(|l| self.reject(l))?;
            }
        }
        Ok(())
    }

    /// A Basic authentication failed: counts against the address and the login.
    pub fn login_failed(&self, address: Option<IpAddr>, login: &str) {
        self.auth_failed(address, None);
        if let Some(limit) = &self.auth_login {
            limit.record_failure(&self.token_hasher.hash_one(login));
        }
    }

    /// Before a join: refused while the address or the user has failed too often.
    pub fn check_join(&self, address: Option<IpAddr>, user: Option<&str>) -> Result<(), Limited> {
        if let (Some(limit), Some(address)) = (&self.join_address, address) {
            limit.check_blocked(&address).map_err(|l| self.reject(l))?;
        }
        if let (Some(limit), Some(user)) = (&self.join_user, user) {
            limit.check_blocked(&user.to_owned()).map_err(|l| self.reject(l))?;
        }
        Ok(())
    }

    /// A join was answered 400, 403 or 404: counts against the address and the user.
    pub fn join_failed(&self, address: Option<IpAddr>, user: &str) {
        if let (Some(limit), Some(address)) = (&self.join_address, address) {
            limit.record_failure(&address);
        }
        if let Some(limit) = &self.join_user {
            limit.record_failure(&user.to_owned());
        }
    }

    /// A write by `user`, successful or not: spends one of the user's writes.
    pub fn write(&self, user: &str) -> Result<(), Limited> {
        match &self.writes_user {
            Some(limit) => limit.spend(&user.to_owned()).map_err(|l| self.reject(l)),
            None => Ok(()),
        }
    }
}

/// An IPv4 address mapped into IPv6 is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The key of an address: itself for IPv4, its /64 for IPv6 (a host is usually given a whole
/// /64, so keying single IPv6 addresses would let one host take 2^64 keys).
pub fn address_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & !((1u128 << 64) - 1))),
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::header::HeaderValue;

    fn rate(burst: u32, period: Duration) -> Option<Rate> {
        Some(Rate { burst: NonZeroU32::new(burst).unwrap(), period })
    }

    fn xff(value: &'static str) -> HeaderMap {
        [(hyper::header::HeaderName::from_static("x-forwarded-for"), HeaderValue::from_static(value))]
            .into_iter()
            .collect()
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn a_rate_is_a_burst_over_a_period() {
        assert_eq!(
            "30/1m".parse::<Rate>(),
            Ok(Rate { burst: NonZeroU32::new(30).unwrap(), period: Duration::from_secs(60) })
        );
        assert_eq!("2/500ms".parse::<Rate>().unwrap().period, Duration::from_millis(500));
        assert_eq!("5/2h".parse::<Rate>().unwrap().period, Duration::from_secs(7200));
        for bad in ["30", "0/1m", "3/0s", "3/1d", "x/1m", "3/m", "-1/1s"] {
            assert!(bad.parse::<Rate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn every_default_parses() {
        let limits = Limits::recommended();
        assert!(limits.auth_failures_per_address.is_some() && limits.auth_failures_per_token.is_some());
        assert!(limits.join_failures_per_address.is_some() && limits.join_failures_per_user.is_some());
        assert!(limits.writes_per_user.is_some());
    }

    #[test]
    fn retry_after_is_whole_seconds_rounded_up_and_at_least_one() {
        assert_eq!(whole_seconds(Duration::ZERO), 1);
        assert_eq!(whole_seconds(Duration::from_millis(1)), 1);
        assert_eq!(whole_seconds(Duration::from_secs(1)), 1);
        assert_eq!(whole_seconds(Duration::from_millis(1001)), 2);
        assert_eq!(whole_seconds(Duration::from_secs(6)), 6);
        assert_eq!(whole_seconds(Duration::from_secs(200_000)), MAX_RETRY_AFTER);
    }

    #[test]
    fn a_failure_limit_blocks_after_its_burst_and_only_that_key() {
        let limiter =
            Limiter::new(&Limits { auth_failures_per_address: rate(3, Duration::from_secs(60)), ..Default::default() });
        let (a, b) = (Some(ip("192.0.2.1")), Some(ip("192.0.2.2")));
        for _ in 0..3 {
            assert!(limiter.check_auth(a, None).is_ok());
            limiter.auth_failed(a, None);
        }
        let limited = limiter.check_auth(a, None).unwrap_err();
        assert_eq!(limited.limit, Limit::AuthFailuresPerAddress);
        assert!((1..=20).contains(&limited.retry_after), "{limited:?}");
        assert!(limiter.check_auth(b, None).is_ok());
        assert_eq!(limiter.rejections().get(Limit::AuthFailuresPerAddress), 1);
    }

    #[test]
    fn writes_are_spent_whatever_their_outcome_and_refused_past_the_burst() {
        let limiter = Limiter::new(&Limits { writes_per_user: rate(2, Duration::from_secs(60)), ..Default::default() });
        assert!(limiter.write("u").is_ok());
        assert!(limiter.write("u").is_ok());
        assert_eq!(limiter.write("u").unwrap_err().limit, Limit::WritesPerUser);
        assert!(limiter.write("v").is_ok());
    }

    #[test]
    fn switched_off_limits_never_refuse() {
        let limiter = Limiter::new(&Limits::default());
        for _ in 0..100 {
            limiter.auth_failed(Some(ip("192.0.2.1")), Some("t"));
            limiter.join_failed(Some(ip("192.0.2.1")), "u");
            assert!(limiter.write("u").is_ok());
        }
        assert!(limiter.check_auth(Some(ip("192.0.2.1")), Some("t")).is_ok());
        assert!(limiter.check_join(Some(ip("192.0.2.1")), Some("u")).is_ok());
    }

    #[test]
    fn the_sweep_forgets_keys_whose_cells_have_all_come_back() {
        let limit = Keyed1::new(Limit::WritesPerUser, rate(5, Duration::from_millis(5)).unwrap());
        for i in 0..SWEEP_EVERY - 1 {
            let _ = limit.spend(&i.to_string());
        }
        assert_eq!(limit.limiter.len(), (SWEEP_EVERY - 1) as usize);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline && limit.limiter.len() > 1 {
            std::thread::sleep(Duration::from_millis(2));
            // Each call counts towards the next sweep; the 1024th runs it.
            let _ = limit.spend(&"last".to_owned());
        }
        assert!(limit.limiter.len() <= 1, "{} keys left", limit.limiter.len());
    }

    #[test]
    fn forwarded_for_is_ignored_unless_trusted() {
        let limiter = Limiter::new(&Limits::default());
        let peer = Some(ip("10.0.0.5"));
        assert_eq!(limiter.client_address(peer, &xff("203.0.113.7")), Some(ip("10.0.0.5")));
    }

    #[test]
    fn trusted_forwarded_for_gives_the_right_most_untrusted_hop() {
        let proxies = vec!["10.0.0.0/8".parse().unwrap()];
        let trusting = Limiter::new(&Limits { trusted_proxies: proxies.clone(), ..Default::default() });
        let peer = Some(ip("10.0.0.5"));
        // The client wrote the first hop itself; the proxy appended what it saw.
        assert_eq!(trusting.client_address(peer, &xff("1.2.3.4, 203.0.113.7, 10.1.1.1")), Some(ip("203.0.113.7")));
        // A peer outside the list is the client, whatever it claims.
        assert_eq!(trusting.client_address(Some(ip("198.51.100.1")), &xff("203.0.113.7")), Some(ip("198.51.100.1")));
        let all = Limiter::new(&Limits { trust_forwarded_for: true, ..Default::default() });
        assert_eq!(all.client_address(peer, &xff("1.2.3.4, 203.0.113.7")), Some(ip("203.0.113.7")));
        assert_eq!(all.client_address(peer, &xff("not an address")), Some(ip("10.0.0.5")));
        assert_eq!(all.client_address(peer, &HeaderMap::new()), Some(ip("10.0.0.5")));
    }

    #[test]
    fn an_ipv6_client_counts_as_its_slash_64() {
        let limiter = Limiter::new(&Limits::default());
        let a = limiter.client_address(Some(ip("2001:db8:1:2::1")), &HeaderMap::new());
        let b = limiter.client_address(Some(ip("2001:db8:1:2:ffff::9")), &HeaderMap::new());
        assert_eq!(a, b);
        assert_eq!(a, Some(ip("2001:db8:1:2::")));
        assert_eq!(limiter.client_address(Some(ip("::ffff:192.0.2.1")), &HeaderMap::new()), Some(ip("192.0.2.1")));
        // `ip` caveats see the whole address.
        assert_eq!(limiter.client_ip(Some(ip("2001:db8:1:2::1")), &HeaderMap::new()), Some(ip("2001:db8:1:2::1")));
    }
}
