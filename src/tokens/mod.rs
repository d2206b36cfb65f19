//! Owns this server's tokens: minting them, deriving their root secrets from the master key, and deciding whether a presented token's caveats hold; it must not touch HTTP, the database, I/O or logs, and it never stores or prints a secret.

pub mod caveats;
pub mod macaroon;

pub use caveats::{CaveatError, ConsumerId, TokenCaveat};
pub use macaroon::{Caveat, FormatError, Macaroon};

use std::net::IpAddr;

use hmac::Hmac;
use sha2::Sha256;

/// Domain separator for root-secret derivation, so the master key's HMACs for this purpose
/// can never collide with HMACs it is used for elsewhere.
const ROOT_SECRET_CONTEXT: &[u8] = b"oz-groups/token-root-secret/v1\0";

const TOKEN_TYPE_PREFIX: &str = "tokenType = ";
const TIME_PREFIX: &str = "time < ";
const CONSUMER_PREFIX: &str = "consumer = ";
const IP_PREFIX: &str = "ip = ";

/// Derives the root secret of the token with `identifier` from the server's master key.
///
/// Root secrets are recomputed on demand rather than stored, so the database holds
/// nothing from which a token could be forged: a leaked table of identifiers is
/// useless without the master key, which lives only in the server's configuration.
pub fn root_secret(master_key: &[u8], identifier: &str) -> [u8; 32] {
    root_secret_under(&macaroon::keyed(master_key), identifier)
}

/// `root_secret` under the master key's HMAC state, absorbed once (`TokenCodec::master_mac`).
fn root_secret_under(master_mac: &Hmac<Sha256>, identifier: &str) -> [u8; 32] {
    macaroon::keyed_mac(master_mac, &[ROOT_SECRET_CONTEXT, identifier.as_bytes()])
}

/// Domain separator for the master key's fingerprint: its HMAC can be neither a root secret nor
/// a token signature.
const FINGERPRINT_CONTEXT: &[u8] = b"oz-groups/master-key-fingerprint/v1\0";

/// The master key's fingerprint, 64 hex digits: an HMAC of a fixed label under the key. The
/// database records it, so that a server started with another key can say so instead of
/// answering every token with 401. It tells keys apart but reveals nothing of the key (HMAC is a
/// PRF), and it signs no token: a stolen fingerprint forges nothing.
pub fn key_fingerprint(master_key: &[u8]) -> String {
    macaroon::hmac_sha256(master_key, &[FINGERPRINT_CONTEXT]).iter().map(|b| format!("{b:02x}")).collect()
}

/// The kinds of token this server issues.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A user's access token, which Onezone marks with no `tokenType` caveat.
    Access,
    /// A token inviting a user into a group.
    GroupInviteUser,
    /// A token inviting a group into a group, as its child (issue 12).
    GroupInviteGroup,
}

impl TokenKind {
    /// The value of the `tokenType` caveat that marks this kind, if it has one.
    pub fn caveat_value(self) -> Option<&'static str> {
        match self {
            TokenKind::Access => None,
            TokenKind::GroupInviteUser => Some("group_invite_user_token"),
            TokenKind::GroupInviteGroup => Some("group_invite_group_token"),
        }
    }
}

/// The longest token a request may present (the spec's `maxLength` of every `token` member), so
/// also the longest this server mints: a named invite whose caveats would make it longer is
/// refused at creation rather than minted unusable.
pub const MAX_PRESENTED_TOKEN_CHARS: usize = 4096;

/// Why a presented token was refused.
///
/// The messages are fixed sentences: they never quote the token or its caveats,
/// so they are safe to return to a client or write to a log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("The token is not a valid macaroon.")]
    Malformed,
    #[error("The token's signature is invalid.")]
    BadSignature,
    #[error("The token was issued for another service.")]
    WrongLocation,
    #[error("The token is not of the expected type.")]
    WrongType,
    #[error("The token has expired.")]
    Expired,
    #[error("The token carries a caveat this server does not understand.")]
    UnknownCaveat,
    #[error("The token may not be used from this network address.")]
    AddressNotAllowed,
    #[error("The token is bound to another user.")]
    ConsumerMismatch,
    #[error("The token names the consumers that may use it, and an access token's user is not one: no consumer is identified.")]
    ConsumerUnidentified,
}

impl TokenError {
    /// Whether the token is this server's, of the kind expected, and only one of its caveats
    /// fails (expired, not understood, another address, another consumer): a join then reads
    /// the token's record before answering, so that unknown, revoked and used up come first.
    /// Any other error says the token is not one this server issued for that use.
    pub fn is_caveat_unmet(self) -> bool {
        matches!(
            self,
            TokenError::Expired
                | TokenError::UnknownCaveat
                | TokenError::AddressNotAllowed
                | TokenError::ConsumerMismatch
                | TokenError::ConsumerUnidentified
        )
    }
}

impl From<FormatError> for TokenError {
    fn from(_: FormatError) -> Self {
        TokenError::Malformed
    }
}

/// A freshly minted token and the identifier under which the caller should record it.
pub struct Minted {
    pub identifier: String,
    pub token: String,
}

/// `Debug` is written by hand because the token is a bearer credential.
impl std::fmt::Debug for Minted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Minted").field("identifier", &self.identifier).field("token", &"<redacted>").finish()
    }
}

/// What the verifier knows about the request a token arrived with.
#[derive(Clone, Copy, Debug)]
pub struct VerifyContext<'a> {
    /// The current time in seconds since the Unix epoch.
    pub now_unix: u64,
    /// Who would consume the token: the authenticated user, or for a nested join the group
    /// that joins; `None` when nobody consumes it (an access token).
    pub caller: Option<Consumer<'a>>,
    /// The client's address as the edge computed it (honouring `--trust-forwarded-for`), for
    /// `ip` caveats; `None` when unknown, which no `ip` caveat admits.
    pub client: Option<IpAddr>,
}

/// The consumer a `consumer = usr-…` or `consumer = grp-…` caveat is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consumer<'a> {
    User(&'a str),
    Group(&'a str),
}

/// Mints, parses and verifies this server's tokens.
pub struct TokenCodec {
    /// HMAC-SHA256 with the master key absorbed (the secret every root secret is derived from;
    /// it should be at least 32 random bytes): every root secret starts from a clone of it, so
    /// the key itself is not kept.
    master_mac: Hmac<Sha256>,
    /// The location written into minted tokens and required of presented ones.
    location: String,
}

/// `Debug` is written by hand so that the master key can never reach a log.
impl std::fmt::Debug for TokenCodec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenCodec").field("master_key", &"<redacted>").field("location", &self.location).finish()
    }
}

impl TokenCodec {
    /// Creates a codec; `location` is what Onezone calls the zone name, by default `onezone`.
    pub fn new(master_key: Vec<u8>, location: impl Into<String>) -> TokenCodec {
        TokenCodec { master_mac: macaroon::keyed(&master_key), location: location.into() }
    }

    /// The location this codec writes into tokens and expects to find in them.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// Mints a token of `kind` under a fresh identifier.
    ///
    /// The identifier is 44 hex digits ([`crate::domain::time_ordered_hex`]): the time it was
    /// made, then 128 bits from the operating system's generator, so identifiers neither collide
    /// nor can be guessed to probe the token store.
    ///
    /// # Panics
    ///
    /// Panics if the codec's location is too long for a macaroon packet (about 64 KiB),
    /// which only a broken configuration could cause.
    pub fn mint(&self, kind: TokenKind) -> Minted {
        self.mint_with_caveats(kind, &[])
    }

    /// Mints a token of `kind` carrying `caveats`, in that order, under a fresh
    /// identifier (see [`TokenCodec::mint`]).
    pub fn mint_with_caveats(&self, kind: TokenKind, caveats: &[TokenCaveat]) -> Minted {
        let identifier = crate::domain::time_ordered_hex(16);
        Minted { token: self.derive(&identifier, kind, caveats), identifier }
    }

    /// The serialized token with `identifier`, of `kind`, carrying `caveats`: a pure function
    /// of the master key, the location and these three, so that a named token's serialized
    /// form is derived again on demand (GET) from what its record holds, and the database
    /// never holds it. Its caveats are, in order, the `tokenType` (for a kind that has one)
    /// then `caveats` as given; HMAC-SHA256 and the v1 packet format are deterministic.
    pub fn derive(&self, identifier: &str, kind: TokenKind, caveats: &[TokenCaveat]) -> String {
        self.issued(identifier, kind, caveats).serialize()
    }

    /// Whether `m` is the very token issued with its identifier, `kind` and `caveats`: not one
    /// its holder attenuated with caveats of their own (the same caveats in the same order
    /// give the same signature; others give another).
    pub fn is_as_issued(&self, m: &Macaroon, kind: TokenKind, caveats: &[TokenCaveat]) -> bool {
        self.issued(m.identifier(), kind, caveats).signature() == m.signature()
    }

    /// The macaroon [`TokenCodec::derive`] serializes.
    fn issued(&self, identifier: &str, kind: TokenKind, caveats: &[TokenCaveat]) -> Macaroon {
        let secret = root_secret_under(&self.master_mac, identifier);
        let mut macaroon = Macaroon::new(&secret, identifier, &self.location);
        if let Some(value) = kind.caveat_value() {
            macaroon.add_first_party_caveat(&format!("{TOKEN_TYPE_PREFIX}{value}"));
        }
        for caveat in caveats {
            macaroon.add_first_party_caveat(&caveat.text());
        }
        macaroon
    }

    /// Reads a token's format only; the caller looks the identifier up before calling [`TokenCodec::verify`].
    pub fn parse(&self, token: &str) -> Result<Macaroon, TokenError> {
        Ok(Macaroon::deserialize(token)?)
    }

    /// Checks that `m` was signed by this server, is addressed to it, is of kind `expected`, and that every caveat holds.
    ///
    /// The signature is checked first so that a forged token learns nothing about
    /// which of its caveats would have failed. Every caveat is then evaluated, and a
    /// consumer mismatch is reported only when nothing else is wrong, because the
    /// HTTP layer turns it alone into 403 and a token that is broken for any other
    /// reason should be reported as invalid rather than as merely someone else's.
    pub fn verify(&self, m: &Macaroon, expected: TokenKind, ctx: &VerifyContext<'_>) -> Result<(), TokenError> {
        let secret = root_secret_under(&self.master_mac, m.identifier());
        if !m.verify_signature(&secret) {
            return Err(TokenError::BadSignature);
        }
        // The location is not covered by the signature, so this is a check that the
        // token was meant for this zone, not a security boundary.
        if m.location() != self.location {
            return Err(TokenError::WrongLocation);
        }

        let mut first_failure = None;
        let mut consumer_mismatch = false;
        let mut saw_type = false;
        for caveat in m.caveats() {
            match check_caveat(caveat, expected, ctx) {
                Ok(CaveatKind::TokenType) => saw_type = true,
                Ok(CaveatKind::Other) => {}
                Err(TokenError::ConsumerMismatch) => consumer_mismatch = true,
                Err(e) => {
                    first_failure.get_or_insert(e);
                }
            }
        }
        // A kind that is marked by a caveat must carry it; otherwise an access token
        // could be presented as an invitation.
        if expected.caveat_value().is_some() && !saw_type {
            first_failure.get_or_insert(TokenError::WrongType);
        }

        match first_failure {
            Some(e) => Err(e),
            None if consumer_mismatch => Err(TokenError::ConsumerMismatch),
            None => Ok(()),
        }
    }
}

/// Whether a `consumer = a|b|...` whitelist holds for the request's consumer: any entry that
/// names it is enough. Every entry must be understood: `usr-<id>` on any token, `grp-<id>` only
/// on a group invite (the one kind a group consumes); an empty id, an empty entry or another
/// prefix makes the whole caveat one this server does not understand, not a mismatch.
fn consumer_whitelist(ctx: &VerifyContext<'_>, expected: TokenKind, whitelist: &str) -> Result<CaveatKind, TokenError> {
    let mut matched = false;
    for entry in whitelist.split('|') {
        matched |= match ConsumerId::parse(entry).map_err(|_| TokenError::UnknownCaveat)? {
            ConsumerId::User(id) => ctx.caller == Some(Consumer::User(&id)),
            ConsumerId::Group(id) if expected == TokenKind::GroupInviteGroup => {
                ctx.caller == Some(Consumer::Group(&id))
            }
            ConsumerId::Group(_) => return Err(TokenError::UnknownCaveat),
        };
    }
    match (matched, ctx.caller) {
        (true, _) => Ok(CaveatKind::Other),
        (false, Some(_)) => Err(TokenError::ConsumerMismatch),
        (false, None) => Err(TokenError::ConsumerUnidentified),
    }
}

/// Whether an `ip = net|net|...` whitelist admits the client's address. An entry that is not an
/// address or CIDR block makes the caveat one this server does not understand.
fn ip_whitelist(ctx: &VerifyContext<'_>, whitelist: &str) -> Result<CaveatKind, TokenError> {
    let mut admitted = false;
    for entry in whitelist.split('|') {
        let net = caveats::parse_ip_entry(entry).map_err(|_| TokenError::UnknownCaveat)?;
        admitted |= ctx.client.is_some_and(|client| net.contains(&canonical(client)));
    }
    if admitted {
        Ok(CaveatKind::Other)
    } else {
        Err(TokenError::AddressNotAllowed)
    }
}

/// An IPv4 address written as IPv6 (`::ffff:192.0.2.1`) is the IPv4 address, so that an IPv4
/// block admits a client reaching a dual-stack socket.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// Which understood caveat held, so the caller can tell whether a `tokenType` was present.
enum CaveatKind {
    TokenType,
    Other,
}

/// Decides whether one caveat is understood and holds.
fn check_caveat(caveat: &Caveat, expected: TokenKind, ctx: &VerifyContext<'_>) -> Result<CaveatKind, TokenError> {
    // Third-party caveats would need discharge macaroons, which this server never accepts.
    let Caveat::FirstParty(predicate) = caveat else {
        return Err(TokenError::UnknownCaveat);
    };

    if let Some(value) = predicate.strip_prefix(TOKEN_TYPE_PREFIX) {
        return match expected.caveat_value() {
            Some(wanted) if wanted == value => Ok(CaveatKind::TokenType),
            _ => Err(TokenError::WrongType),
        };
    }

    if let Some(number) = predicate.strip_prefix(TIME_PREFIX) {
        // `u64::from_str` would also accept a leading `+`; only plain digits are the
        // form Onezone writes, so anything else is treated as not understood.
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(TokenError::UnknownCaveat);
        }
        let deadline: u64 = number.parse().map_err(|_| TokenError::UnknownCaveat)?;
        return if ctx.now_unix < deadline { Ok(CaveatKind::Other) } else { Err(TokenError::Expired) };
    }

    if let Some(whitelist) = predicate.strip_prefix(CONSUMER_PREFIX) {
        return consumer_whitelist(ctx, expected, whitelist);
    }

    if let Some(whitelist) = predicate.strip_prefix(IP_PREFIX) {
        return ip_whitelist(ctx, whitelist);
    }

    Err(TokenError::UnknownCaveat)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MASTER: &[u8] = b"0123456789abcdef0123456789abcdef";
    const NOW: u64 = 1_700_000_000;

    fn codec() -> TokenCodec {
        TokenCodec::new(MASTER.to_vec(), "onezone")
    }

    fn ctx(caller: Option<&str>) -> VerifyContext<'_> {
        VerifyContext { now_unix: NOW, caller: caller.map(Consumer::User), client: None }
    }

    /// Mints a token of `kind`, lets the holder add `caveats`, and parses it back as the server would.
    fn attenuated(kind: TokenKind, caveats: &[&str]) -> Macaroon {
        let c = codec();
        let mut m = c.parse(&c.mint(kind).token).unwrap();
        for caveat in caveats {
            m.add_first_party_caveat(caveat);
        }
        c.parse(&m.serialize()).unwrap()
    }

    fn verify(m: &Macaroon, kind: TokenKind, caller: Option<&str>) -> Result<(), TokenError> {
        codec().verify(m, kind, &ctx(caller))
    }

    #[test]
    fn minted_tokens_of_both_kinds_parse_and_verify() {
        let c = codec();
        for kind in [TokenKind::Access, TokenKind::GroupInviteUser] {
            let minted = c.mint(kind);
            // 12 hex digits of time, then 32 of randomness: the contract's 128 random bits.
            assert_eq!(minted.identifier.len(), 44);
            assert!(minted.identifier.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
            let m = c.parse(&minted.token).unwrap();
            assert_eq!(m.identifier(), minted.identifier);
            assert_eq!(m.location(), "onezone");
            assert_eq!(c.verify(&m, kind, &ctx(None)), Ok(()));
        }
    }

    #[test]
    fn an_invite_carries_exactly_its_token_type_caveat_and_an_access_token_none() {
        let c = codec();
        let invite = c.parse(&c.mint(TokenKind::GroupInviteUser).token).unwrap();
        assert_eq!(invite.caveats(), &[Caveat::FirstParty("tokenType = group_invite_user_token".into())]);
        let access = c.parse(&c.mint(TokenKind::Access).token).unwrap();
        assert!(access.caveats().is_empty());
    }

    #[test]
    fn minted_identifiers_are_distinct() {
        let c = codec();
        assert_ne!(c.mint(TokenKind::Access).identifier, c.mint(TokenKind::Access).identifier);
    }

    #[test]
    fn a_token_of_the_wrong_kind_is_refused_as_wrong_type() {
        let invite = attenuated(TokenKind::GroupInviteUser, &[]);
        assert_eq!(verify(&invite, TokenKind::Access, None), Err(TokenError::WrongType));
        let access = attenuated(TokenKind::Access, &[]);
        assert_eq!(verify(&access, TokenKind::GroupInviteUser, None), Err(TokenError::WrongType));
        let relabelled = attenuated(TokenKind::GroupInviteUser, &["tokenType = space_invite_user_token"]);
        assert_eq!(verify(&relabelled, TokenKind::GroupInviteUser, None), Err(TokenError::WrongType));
    }

    #[test]
    fn a_past_time_caveat_is_refused_as_expired() {
        for deadline in [NOW - 1, NOW] {
            let m = attenuated(TokenKind::Access, &[&format!("time < {deadline}")]);
            assert_eq!(verify(&m, TokenKind::Access, None), Err(TokenError::Expired));
        }
    }

    #[test]
    fn a_future_time_caveat_is_accepted() {
        let m = attenuated(TokenKind::GroupInviteUser, &[&format!("time < {}", NOW + 1)]);
        assert_eq!(verify(&m, TokenKind::GroupInviteUser, None), Ok(()));
    }

    #[test]
    fn an_unparsable_time_caveat_is_not_understood() {
        for caveat in ["time < ", "time < +5", "time < 99999999999999999999999", "time <  5"] {
            let m = attenuated(TokenKind::Access, &[caveat]);
            assert_eq!(verify(&m, TokenKind::Access, None), Err(TokenError::UnknownCaveat), "{caveat}");
        }
    }

    #[test]
    fn a_consumer_caveat_holds_only_for_that_user() {
        let m = attenuated(TokenKind::Access, &["consumer = usr-alice"]);
        assert_eq!(verify(&m, TokenKind::Access, Some("alice")), Ok(()));
        assert_eq!(verify(&m, TokenKind::Access, Some("bob")), Err(TokenError::ConsumerMismatch));
        assert_eq!(verify(&m, TokenKind::Access, None), Err(TokenError::ConsumerUnidentified));
    }

    #[test]
    fn every_consumer_caveat_must_hold() {
        let m = attenuated(TokenKind::Access, &["consumer = usr-alice", "consumer = usr-bob"]);
        assert_eq!(verify(&m, TokenKind::Access, Some("alice")), Err(TokenError::ConsumerMismatch));
    }

    #[test]
    fn a_consumer_mismatch_loses_to_expiry_whatever_the_order() {
        let expired = format!("time < {}", NOW - 1);
        for caveats in [["consumer = usr-alice", expired.as_str()], [expired.as_str(), "consumer = usr-alice"]] {
            let m = attenuated(TokenKind::Access, &caveats);
            assert_eq!(verify(&m, TokenKind::Access, Some("bob")), Err(TokenError::Expired));
        }
    }

    #[test]
    fn a_consumer_mismatch_loses_to_a_missing_token_type() {
        let m = attenuated(TokenKind::Access, &["consumer = usr-alice"]);
        assert_eq!(verify(&m, TokenKind::GroupInviteUser, Some("bob")), Err(TokenError::WrongType));
    }

    #[test]
    fn the_first_non_consumer_failure_is_reported() {
        let expired = format!("time < {}", NOW - 1);
        let m = attenuated(TokenKind::Access, &["colour = blue", &expired]);
        assert_eq!(verify(&m, TokenKind::Access, None), Err(TokenError::UnknownCaveat));
        let m = attenuated(TokenKind::Access, &[&expired, "colour = blue"]);
        assert_eq!(verify(&m, TokenKind::Access, None), Err(TokenError::Expired));
    }

    #[test]
    fn an_unknown_caveat_is_refused() {
        for caveat in ["colour = blue", "tokentype = x", "consumer = usr-", "consumer = grp-x"] {
            let m = attenuated(TokenKind::Access, &[caveat]);
            assert_eq!(verify(&m, TokenKind::Access, Some("x")), Err(TokenError::UnknownCaveat), "{caveat}");
        }
    }

    #[test]
    fn a_group_consumer_caveat_holds_only_for_that_group_and_only_on_a_group_invite() {
        let m = attenuated(TokenKind::GroupInviteGroup, &["consumer = grp-g1"]);
        let as_group = |g| {
            codec().verify(
                &m,
                TokenKind::GroupInviteGroup,
                &VerifyContext { now_unix: NOW, caller: Some(Consumer::Group(g)), client: None },
            )
        };
        assert_eq!(as_group("g1"), Ok(()));
        assert_eq!(as_group("g2"), Err(TokenError::ConsumerMismatch));
        let user_bound = attenuated(TokenKind::GroupInviteGroup, &["consumer = usr-g1"]);
        let ctx = VerifyContext { now_unix: NOW, caller: Some(Consumer::Group("g1")), client: None };
        assert_eq!(codec().verify(&user_bound, TokenKind::GroupInviteGroup, &ctx), Err(TokenError::ConsumerMismatch));
        let on_user_invite = attenuated(TokenKind::GroupInviteUser, &["consumer = grp-g1"]);
        assert_eq!(verify(&on_user_invite, TokenKind::GroupInviteUser, Some("g1")), Err(TokenError::UnknownCaveat));
        let user_invite = attenuated(TokenKind::GroupInviteUser, &[]);
        assert_eq!(verify(&user_invite, TokenKind::GroupInviteGroup, None), Err(TokenError::WrongType));
    }

    fn named_caveats() -> Vec<TokenCaveat> {
        let list = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        vec![
            TokenCaveat::Time { valid_until: NOW + 60 },
            TokenCaveat::from_parts("consumer", None, Some(&list(&["usr-alice", "usr-bob"]))).unwrap(),
            TokenCaveat::from_parts("ip", None, Some(&list(&["10.0.0.0/8", "2001:db8::/32"]))).unwrap(),
        ]
    }

    fn from(client: &str, caller: &'static str) -> VerifyContext<'static> {
        VerifyContext { now_unix: NOW, caller: Some(Consumer::User(caller)), client: Some(client.parse().unwrap()) }
    }

    #[test]
    fn a_token_derived_again_from_its_identifier_kind_and_caveats_is_the_minted_one() {
        let c = codec();
        let caveats = named_caveats();
        let minted = c.mint_with_caveats(TokenKind::GroupInviteUser, &caveats);
        assert_eq!(c.derive(&minted.identifier, TokenKind::GroupInviteUser, &caveats), minted.token);
        let stored = caveats::caveats_to_json(&caveats);
        let again = caveats::caveats_from_json(&stored).unwrap();
        assert_eq!(c.derive(&minted.identifier, TokenKind::GroupInviteUser, &again), minted.token);
        // Another kind, another caveat order or another key gives another token.
        assert_ne!(c.derive(&minted.identifier, TokenKind::GroupInviteGroup, &caveats), minted.token);
        let reordered: Vec<_> = caveats.iter().rev().cloned().collect();
        assert_ne!(c.derive(&minted.identifier, TokenKind::GroupInviteUser, &reordered), minted.token);
        let other = TokenCodec::new(b"another master key of 32 bytes!!".to_vec(), "onezone");
        assert_ne!(other.derive(&minted.identifier, TokenKind::GroupInviteUser, &caveats), minted.token);
        let m = c.parse(&minted.token).unwrap();
        let texts: Vec<_> = m.caveats().iter().map(|cv| format!("{cv:?}")).collect();
        assert_eq!(texts.len(), 4, "tokenType then the three caveats: {texts:?}");
    }

    #[test]
    fn a_named_tokens_caveats_are_checked_at_use() {
        let c = codec();
        let m = c.parse(&c.mint_with_caveats(TokenKind::GroupInviteUser, &named_caveats()).token).unwrap();
        let kind = TokenKind::GroupInviteUser;
        assert_eq!(c.verify(&m, kind, &from("10.1.2.3", "alice")), Ok(()));
        assert_eq!(c.verify(&m, kind, &from("2001:db8::7", "bob")), Ok(()));
        assert_eq!(c.verify(&m, kind, &from("::ffff:10.0.0.1", "bob")), Ok(()));
        assert_eq!(c.verify(&m, kind, &from("127.0.0.1", "alice")), Err(TokenError::AddressNotAllowed));
        assert_eq!(c.verify(&m, kind, &from("10.1.2.3", "carol")), Err(TokenError::ConsumerMismatch));
        // An address refused is an unmet caveat (400), which wins over the consumer (403).
        assert_eq!(c.verify(&m, kind, &from("192.0.2.1", "carol")), Err(TokenError::AddressNotAllowed));
        let unknown_client = VerifyContext { client: None, ..from("10.1.2.3", "alice") };
        assert_eq!(c.verify(&m, kind, &unknown_client), Err(TokenError::AddressNotAllowed));
        let later = VerifyContext { now_unix: NOW + 60, ..from("10.1.2.3", "alice") };
        assert_eq!(c.verify(&m, kind, &later), Err(TokenError::Expired));
    }

    #[test]
    fn a_holder_may_still_shorten_a_named_tokens_life() {
        let c = codec();
        let mut m = c.parse(&c.mint_with_caveats(TokenKind::GroupInviteUser, &named_caveats()).token).unwrap();
        m.add_first_party_caveat(&format!("time < {}", NOW + 1));
        let m = c.parse(&m.serialize()).unwrap();
        assert_eq!(c.verify(&m, TokenKind::GroupInviteUser, &from("10.0.0.1", "alice")), Ok(()));
        let later = VerifyContext { now_unix: NOW + 1, ..from("10.0.0.1", "alice") };
        assert_eq!(c.verify(&m, TokenKind::GroupInviteUser, &later), Err(TokenError::Expired));
    }

    #[test]
    fn a_consumer_whitelist_admits_any_of_its_entries_and_refuses_one_it_cannot_read() {
        let m = attenuated(TokenKind::GroupInviteUser, &["consumer = usr-alice|usr-bob"]);
        assert_eq!(verify(&m, TokenKind::GroupInviteUser, Some("bob")), Ok(()));
        assert_eq!(verify(&m, TokenKind::GroupInviteUser, Some("carol")), Err(TokenError::ConsumerMismatch));
        for caveat in ["consumer = usr-alice|", "consumer = usr-alice|grp-g", "consumer = usr-a|prv-p", "consumer = "] {
            let m = attenuated(TokenKind::GroupInviteUser, &[caveat]);
            assert_eq!(
                verify(&m, TokenKind::GroupInviteUser, Some("alice")),
                Err(TokenError::UnknownCaveat),
                "{caveat}"
            );
        }
        let g = attenuated(TokenKind::GroupInviteGroup, &["consumer = grp-g1|grp-g2"]);
        let as_group = VerifyContext { now_unix: NOW, caller: Some(Consumer::Group("g2")), client: None };
        assert_eq!(codec().verify(&g, TokenKind::GroupInviteGroup, &as_group), Ok(()));
    }

    #[test]
    fn an_ip_caveat_that_does_not_parse_is_not_understood() {
        for caveat in ["ip = ", "ip = 10.0.0.0/8|", "ip = 10.0.0.0/40", "ip = host"] {
            let m = attenuated(TokenKind::GroupInviteUser, &[caveat]);
            let ctx = from("10.0.0.1", "alice");
            assert_eq!(
                codec().verify(&m, TokenKind::GroupInviteUser, &ctx),
                Err(TokenError::UnknownCaveat),
                "{caveat}"
            );
        }
    }

    #[test]
    fn a_token_from_another_master_key_has_a_bad_signature() {
        let other = TokenCodec::new(b"another master key of 32 bytes!!".to_vec(), "onezone");
        let m = other.parse(&other.mint(TokenKind::Access).token).unwrap();
        assert_eq!(verify(&m, TokenKind::Access, None), Err(TokenError::BadSignature));
    }

    #[test]
    fn a_forged_caveat_list_has_a_bad_signature_even_if_the_caveats_would_fail() {
        let c = codec();
        let mut m = c.parse(&c.mint(TokenKind::Access).token).unwrap();
        m.add_first_party_caveat("colour = blue");
        // Rebuild the token from scratch with a wrong secret but the same identifier.
        let mut forged = Macaroon::new(b"guess", m.identifier(), "onezone");
        forged.add_first_party_caveat("colour = blue");
        assert_eq!(verify(&forged, TokenKind::Access, None), Err(TokenError::BadSignature));
    }

    #[test]
    fn a_token_for_another_location_is_refused_as_wrong_location() {
        let m = attenuated(TokenKind::Access, &[]);
        let elsewhere = TokenCodec::new(MASTER.to_vec(), "otherzone");
        assert_eq!(elsewhere.verify(&m, TokenKind::Access, &ctx(None)), Err(TokenError::WrongLocation));
    }

    #[test]
    fn a_garbage_token_is_malformed() {
        assert_eq!(codec().parse("not a token"), Err(TokenError::Malformed));
        assert_eq!(codec().parse(""), Err(TokenError::Malformed));
    }

    #[test]
    fn a_key_fingerprint_is_stable_differs_per_key_and_is_neither_the_key_nor_a_root_secret() {
        let fingerprint = key_fingerprint(MASTER);
        assert_eq!(fingerprint.len(), 64);
        assert_eq!(fingerprint, key_fingerprint(MASTER));
        assert_ne!(fingerprint, key_fingerprint(b"another master key of 32 bytes.."));
        let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_ne!(fingerprint, hex(MASTER));
        assert_ne!(fingerprint, hex(&root_secret(MASTER, "")));
    }

    #[test]
    fn root_secrets_differ_per_identifier_and_per_master_key() {
        let a = root_secret(MASTER, "id-1");
        assert_eq!(a, root_secret(MASTER, "id-1"));
        assert_ne!(a, root_secret(MASTER, "id-2"));
        assert_ne!(a, root_secret(b"another master key", "id-1"));
    }

    #[test]
    fn debug_output_never_shows_the_master_key_or_the_token() {
        let c = codec();
        let shown = format!("{c:?}");
        assert!(!shown.contains("0123456789abcdef"));
        assert!(!shown.contains(&format!("{:?}", MASTER)));
        let minted = c.mint(TokenKind::Access);
        assert!(!format!("{minted:?}").contains(&minted.token));
    }

    #[test]
    fn error_messages_are_single_sentences_without_token_text() {
        for e in [
            TokenError::Malformed,
            TokenError::BadSignature,
            TokenError::WrongLocation,
            TokenError::WrongType,
            TokenError::Expired,
            TokenError::UnknownCaveat,
            TokenError::AddressNotAllowed,
            TokenError::ConsumerMismatch,
        ] {
            let message = e.to_string();
            assert!(message.starts_with("The token") && message.ends_with('.'));
            assert_eq!(message.matches('.').count(), 1, "{message}");
        }
    }

    #[test]
    fn mangled_tokens_never_panic_the_codec() {
        use rand::rngs::StdRng;
        use rand::{Rng, SeedableRng};

        let c = codec();
        let token = attenuated(TokenKind::GroupInviteUser, &["consumer = usr-alice", &format!("time < {}", NOW + 60)])
            .serialize();
        let mut rng = StdRng::seed_from_u64(7);
        let check = |text: &str| {
            if let Ok(m) = c.parse(text) {
                let _ = c.verify(&m, TokenKind::GroupInviteUser, &ctx(Some("alice")));
            }
        };
        for end in 0..token.len() {
            check(&token[..end]);
        }
        for _ in 0..2_000 {
            let mut bytes = token.clone().into_bytes();
            let i = rng.gen_range(0..bytes.len());
            bytes[i] = rng.gen_range(b'0'..=b'z');
            if let Ok(text) = String::from_utf8(bytes) {
                check(&text);
            }
        }
    }
}
