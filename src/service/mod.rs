//! The use cases: every operation of the API as a method taking the authenticated caller and
//! domain values, returning domain values or a domain `Error`. It combines the store, the token
//! codec and the membership rules; it never sees HTTP types, JSON or SQL.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::domain::{
    check_access, Error, Group, GroupId, GroupType, Login, Name, PageRequest, Privilege, PrivilegeSet, User, UserId,
    ZonePrivilege, ZonePrivilegeSet,
};
use crate::store::{
    issuer_needs, JoinOutcome, Origin, Store, StoreError, TokenGrant, TokenRecord, TokenWrite, UserUpdate,
};
use crate::telemetry::metrics::{self, JoinReason};
use crate::tokens::{Consumer, Macaroon, TokenCodec, TokenError, TokenKind, VerifyContext};

mod health;
mod invites;
mod listing;
mod nested;
mod passwords;
mod test_clock;
mod verified_credentials;
mod verified_tokens;
mod zone;
use health::Health;
pub use health::HEALTH_TTL;
pub use invites::{InviteKind, InviteView, NamedTokenView, NewNamedToken};
use listing::reader;
pub use listing::{Listing, Rest, LIST_CHUNK};
use passwords::Passwords;
pub use passwords::MAX_PASSWORD_BYTES;
pub use test_clock::TestClock;
use verified_credentials::VerifiedCredentials;
use verified_tokens::VerifiedTokens;

/// What a new user holds across the zone: all nine zone privileges for a zone admin, else none.
fn zone_privileges(admin: bool) -> ZonePrivilegeSet {
    if admin {
        ZonePrivilegeSet::all()
    } else {
        ZonePrivilegeSet::empty()
    }
}

#[cfg(test)]
mod invites_tests;
#[cfg(test)]
mod tests;

/// How many logins `App::create_user` tries (`name`, `name-2`, …) before it takes the id.
const MAX_LOGIN_TRIES: usize = 1000;

/// Where "now" comes from, so that tests can control time instead of sleeping.
pub trait Clock: Send + Sync + 'static {
    fn now_unix(&self) -> u64;
}

/// The wall clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_unix(&self) -> u64 {
        // A clock before 1970 is a broken machine; counting it as 0 only makes `time <` caveats stricter.
        SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
    }
}

/// Why `App::authenticate` did not return a user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthError {
    /// The access token identifies no one: malformed, forged, expired, unknown, revoked, or its
    /// user is gone. The sentence says which.
    Rejected(String),
    /// The check could not be made (the store is unavailable, or failed).
    Failed(Error),
}

/// Whether a token minted for a request is stored, and so usable, or only made to show what
/// would be sent: a HEAD on one of the GETs that mint (contract §2: GET's status and headers),
/// whose token no one receives, stores nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Minting {
    Stored,
    Preview,
}

/// Who an access token identified, and whether its holder had attenuated it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authenticated {
    pub user: Arc<User>,
    /// The token carries caveats added after it was issued (`App::authenticate_from`).
    pub restricted: bool,
}

/// The application: cheap to clone, shared by every request.
#[derive(Clone)]
pub struct App {
    store: Arc<dyn Store>,
    tokens: Arc<TokenCodec>,
    clock: Arc<dyn Clock>,
    verified: Arc<VerifiedTokens>,
    health: Arc<Health>,
    passwords: Arc<Passwords>,
    credentials: Arc<VerifiedCredentials>,
    /// How many items a whole list reads at a time (`listing`).
    list_chunk: u32,
}

impl App {
    pub fn new(store: Arc<dyn Store>, tokens: TokenCodec, clock: Arc<dyn Clock>) -> Self {
        let verified = Arc::new(VerifiedTokens::new(verified_tokens::CAPACITY));
        let health = Arc::new(Health::new(HEALTH_TTL));
        let passwords = Arc::new(Passwords::new(Passwords::default_permits()));
        let credentials = Arc::new(VerifiedCredentials::new(verified_credentials::CAPACITY));
        let list_chunk = LIST_CHUNK;
        Self { store, tokens: Arc::new(tokens), clock, verified, health, passwords, credentials, list_chunk }
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    // --- authentication and users ------------------------------------------------------------

    /// Turns an access token into its user, or says why not (`AuthError::Rejected`). The
    /// signature is checked before the store is asked, so forged tokens cost no database work.
    ///
    /// A token verified during the clock's current second is answered from `VerifiedTokens`,
    /// with neither check. That is the revocation bound: a revocation, a deleted user or a
    /// rename committed at time R is seen by every instance from R + 1 s on (by its own clock),
    /// because the clock is read before the store is, and an entry is served only within the
    /// second of that reading. Zone privileges are not cached (they are read where an operation
    /// needs one); `current_user` reads the name and alias afresh.
    ///
    /// Only a token as issued is cached. One its holder attenuated (`time <`, `ip =`, ...) is
    /// checked in full every time, against `client` (for `ip` caveats), and is answered as
    /// `restricted`: it may not mint an unrestricted token (`client_token`).
    pub async fn authenticate_from(&self, token: &str, client: Option<IpAddr>) -> Result<Authenticated, AuthError> {
        let now = self.clock.now_unix();
        if let Some(user) = self.verified.get(token, now) {
            return Ok(Authenticated { user, restricted: false });
        }
        let invalid = |e: TokenError| AuthError::Rejected(e.to_string());
        let macaroon = self.tokens.parse(token).map_err(invalid)?;
        let ctx = VerifyContext { now_unix: now, caller: None, client };
        self.tokens.verify(&macaroon, TokenKind::Access, &ctx).map_err(invalid)?;
        let unknown = || AuthError::Rejected("The access token is not known to this server.".into());
        let found = self.store.token_and_user(macaroon.identifier()).await.map_err(|e| AuthError::Failed(e.into()))?;
        let (record, user) = found.ok_or_else(unknown)?;
        if !matches!(record.grant, TokenGrant::Access { .. }) {
            return Err(unknown());
        }
        if record.revoked {
            return Err(AuthError::Rejected("The access token has been revoked.".into()));
        }
        let user = user.ok_or_else(|| AuthError::Rejected("The user of this access token no longer exists.".into()))?;
        let user = Arc::new(user);
        let restricted = !self.tokens.is_as_issued(&macaroon, TokenKind::Access, &[]);
        if !restricted {
            self.verified.insert(token, &user, now);
        }
        Ok(Authenticated { user, restricted })
    }

    /// `authenticate_from` without a client address (no `ip` caveat holds then), answering the
    /// user only: the service's tests' way in.
    #[cfg(test)]
    pub async fn authenticate(&self, token: &str) -> Result<Arc<User>, AuthError> {
        self.authenticate_from(token, None).await.map(|a| a.user)
    }

    /// Empties this instance's caches of verified access tokens and Basic credentials, after a
    /// user was deleted here: its tokens and password stop working on this instance at once
    /// (other instances within the cache's bound of one second). Deletions are rare; the
    /// callers of the next second verify once more.
    fn forget_verified(&self) {
        self.verified.clear();
        self.credentials.clear();
    }

    /// The caller as the store has it now (`GET /user`). Authentication may have answered from
    /// its cache, whose name and alias can be up to a second old, and a client that has just
    /// renamed itself must see the new name. A user deleted since authentication (which vouched
    /// for it within the last second) is answered as authenticated, within the same bound.
    pub async fn current_user(&self, caller: &User) -> Result<User, Error> {
        Ok(self.store.get_user(&caller.id).await?.unwrap_or_else(|| caller.clone()))
    }

    /// Whether the user `id` exists now.
    pub async fn user_exists(&self, id: &UserId) -> Result<bool, Error> {
        Ok(self.store.get_user(id).await?.is_some())
    }

    /// Whether the service can serve requests: its store takes a write (`Unavailable` if not).
    /// The answer may be up to `HEALTH_TTL` old: checks share one probe per period.
    pub async fn health(&self) -> Result<(), Error> {
        self.health.check(|| self.store.probe_write(self.clock.now_unix())).await
    }

    /// Creates a user named `name` and its first access token (the first start's admin, and the
    /// tests). Its login is the name when no user has that login yet, else the first free one of
    /// `name-2`, `name-3`, … (as migration 0005 made the logins of existing users). A zone admin
    /// (`admin`) holds all nine zone privileges directly.
    pub async fn create_user(&self, name: Name, admin: bool) -> Result<(User, String), Error> {
        for k in 1..=MAX_LOGIN_TRIES {
            let login = if k == 1 { name.as_str().to_owned() } else { format!("{}-{k}", name.as_str()) };
            let Ok(login) = Login::parse_stored(&login) else { break };
            if let Some(created) = self.try_create_user(login, name.clone(), admin).await? {
                return Ok(created);
            }
        }
        // So many users share the name that its suffixes ran out: the login is the user's id,
        // as in migration 0005.
        let id = UserId::generate();
        let login = Login::parse_stored(id.as_str())?;
        let user = User { id, login, name, alias: None };
        self.store.create_user_with_privileges(&user, zone_privileges(admin)).await?;
        let token = self.mint_access_token(&user.id).await?;
        Ok((user, token))
    }

    /// Creates a user with `login` (the CLI's `user add LOGIN`) and its first access token;
    /// `AlreadyExists` when another user has that login.
    pub async fn add_user(&self, login: Login, name: Name, admin: bool) -> Result<(User, String), Error> {
        let taken = || Error::AlreadyExists(format!("A user with the login {:?} already exists.", login.as_str()));
        self.try_create_user(login.clone(), name, admin).await?.ok_or_else(taken)
    }

    async fn try_create_user(&self, login: Login, name: Name, admin: bool) -> Result<Option<(User, String)>, Error> {
        let user = User { id: UserId::generate(), login, name, alias: None };
        if !self.store.create_user_with_privileges(&user, zone_privileges(admin)).await? {
            return Ok(None);
        }
        let token = self.mint_access_token(&user.id).await?;
        Ok(Some((user, token)))
    }

    /// Sets the password of the user with `login` (the CLI's `--password-stdin`): an Argon2id
    /// hash with a fresh salt. An empty password, or one over `MAX_PASSWORD_BYTES`, is refused.
    pub async fn set_password(&self, login: &str, password: &str) -> Result<(), Error> {
        if password.is_empty() {
            return Err(Error::InvalidRequest("The password must not be empty.".into()));
        }
        if password.len() > MAX_PASSWORD_BYTES {
            return Err(Error::InvalidRequest(format!("The password must be at most {MAX_PASSWORD_BYTES} bytes.")));
        }
        let (user, _) = self.store.user_by_login(login).await?.ok_or(Error::NotFound)?;
        let hash = self.passwords.hash(password.to_owned()).await?;
        let set = self.store.set_password_hash(&user.id, Some(&hash)).await?;
        set.then_some(()).ok_or(Error::NotFound)
    }

    /// Turns a Basic login and password into its user, or `AuthError::Rejected` (a wrong
    /// password, an unknown login and a user without a password alike, in the same time: an
    /// unknown login is verified against a dummy hash).
    ///
    /// Credentials verified during the clock's current second are answered from
    /// `VerifiedCredentials` with no store read and no Argon2. After that second, a cached entry
    /// still spares Argon2 once the store read shows the very hash it matched: so a client
    /// sending Basic on every request pays Argon2 once, and a store read a second. That is the
    /// bound, the same as for access tokens: a password change, a removed password or a deleted
    /// user committed at time R is seen from R + 1 s on (the clock is read before the store).
    pub async fn authenticate_basic(&self, login: &str, password: &str) -> Result<User, AuthError> {
        let now = self.clock.now_unix();
        let key = self.credentials.key(login, password);
        let cached = self.credentials.get(&key);
        if let Some(hit) = cached.as_ref().filter(|hit| hit.second == now) {
            return Ok(hit.user.clone());
        }
        let found = self.store.user_by_login(login).await.map_err(|e| AuthError::Failed(e.into()))?;
        let (user, hash) = match found {
            Some((user, hash)) => (Some(user), hash),
            None => (None, None),
        };
        if let (Some(hit), Some(user), Some(hash)) = (&cached, &user, &hash) {
            if hit.user.id == user.id && hit.hash == *hash {
                self.credentials.insert(key, user, hash, now);
                return Ok(user.clone());
            }
        }
        // Too long to be anyone's password: refused after the same work as any other refusal.
        let password = if password.len() > MAX_PASSWORD_BYTES { "" } else { password };
        let matched = self.passwords.verify(hash.clone(), password.to_owned()).await.map_err(AuthError::Failed)?;
        match (matched, user, hash) {
            (true, Some(user), Some(hash)) if !password.is_empty() => {
                self.credentials.insert(key, &user, &hash, now);
                Ok(user)
            }
            _ => Err(AuthError::Rejected("The login or password is wrong.".into())),
        }
    }

    /// A new access token for the caller `user` (`GET /user/client_token`). Refused
    /// (`Forbidden`) to a `restricted` credential, an access token its holder attenuated: the
    /// new token would not carry those caveats, so a holder of a token limited in time or place
    /// could trade it for one without limits.
    pub async fn client_token(&self, user: &UserId, restricted: bool, minting: Minting) -> Result<String, Error> {
        if restricted {
            return Err(Error::Forbidden(
                "An access token carrying caveats of its holder's cannot mint an unrestricted one: present \
                 the token as issued, or a password."
                    .into(),
            ));
        }
        self.mint_access(user, minting).await
    }

    /// A new access token for `user`.
    pub async fn mint_access_token(&self, user: &UserId) -> Result<String, Error> {
        self.mint_access(user, Minting::Stored).await
    }

    async fn mint_access(&self, user: &UserId, minting: Minting) -> Result<String, Error> {
        self.mint(TokenKind::Access, TokenGrant::Access { user: user.clone() }, None, None, minting).await
    }

    pub async fn modify_user(
        &self,
        caller: &User,
        name: Option<Name>,
        alias: Option<Option<Name>>,
    ) -> Result<(), Error> {
        match self.store.update_user(&caller.id, name.as_ref(), alias.as_ref().map(Option::as_ref)).await? {
            UserUpdate::Updated => Ok(()),
            UserUpdate::NoSuchUser => Err(Error::NotFound),
            UserUpdate::AliasTaken => Err(Error::AliasInUse),
        }
    }

    // --- the caller's own groups -------------------------------------------------------------

    /// Creates a group; the caller becomes a direct member with all privileges.
    pub async fn create_group(&self, caller: &User, name: Name, kind: Option<GroupType>) -> Result<GroupId, Error> {
        let group = Group { id: GroupId::generate(), name, kind: kind.unwrap_or_default() };
        self.store.create_group(&group, &caller.id, PrivilegeSet::all()).await?;
        Ok(group.id)
    }

    /// The caller's direct groups in join order: all of them (`page` is `None`, as Onezone
    /// answers), or one page.
    pub async fn user_groups(&self, caller: &User, page: Option<PageRequest>) -> Result<Listing<GroupId>, Error> {
        let read = reader!(self.store, caller.id, |store, user, page| store.user_groups_page(&user, page));
        let with_seq = || reader!(self.store, caller.id, |s, user, page| s.user_groups_page_with_seq(&user, page));
        self.listing_once(page, read, with_seq).await
    }

    /// A group the caller is an effective member of (directly or through nested groups);
    /// anything else is `NotFound`. This is the caller's own view of its memberships, so zone
    /// admins get no bypass here (they have `/groups/{id}`).
    pub async fn user_group(&self, caller: &User, group: &GroupId) -> Result<Group, Error> {
        // Membership alone is asked: a direct member needs no effective part (see `authorize`).
        let member = self.store.effective_privileges_at_least(group, &caller.id, PrivilegeSet::default()).await?;
        member.ok_or(Error::NotFound)?;
        self.store.get_group(group).await?.ok_or(Error::NotFound)
    }

    /// Leaves a group the caller is a direct member of, unless it is its last manager.
    pub async fn leave_group(&self, caller: &User, group: &GroupId) -> Result<(), Error> {
        zone::guarded(self.store.remove_member(group, &caller.id).await?)
    }

    /// The seed operation (contract §1, rows 6–10, and §8's order at use). `client` is the
    /// caller's address as the edge computed it, for `ip` caveats. Its outcome is counted in
    /// the metrics by the reason the service decided on, not by the status it becomes.
    pub async fn join_group(&self, caller: &User, token: &str, client: Option<IpAddr>) -> Result<GroupId, Error> {
        let outcome = self.try_join(caller, token, client).await;
        metrics::join(match &outcome {
            Ok(Joined::New(_)) => JoinReason::Joined,
            Ok(Joined::Again(_)) => JoinReason::Rejoined,
            Err(Refused(reason, _)) => *reason,
        });
        outcome.map(Joined::group).map_err(|Refused(_, error)| error)
    }

    /// §8's order: signature → unknown → (a retry) → revoked → limit reached → a caveat unmet →
    /// group gone → issuer no longer allowed → consumer mismatch → already a member → admit.
    /// A token that is not this server's (malformed, forged, of another kind or zone) is refused
    /// before the store is asked. The usual path is one store transaction, which decides every
    /// step after the signature; a token whose caveats fail reads its record first (a rare
    /// path), so that unknown, a retry, revoked and used up still come before "expired". A
    /// retry is the same user with the same token: with caveats failing, only the token as it
    /// was issued (its caveat expired since, say) is one, not one its holder attenuated with
    /// caveats of their own, which is refused like anyone's.
    async fn try_join(&self, caller: &User, token: &str, client: Option<IpAddr>) -> Result<Joined, Refused> {
        let invalid = |e: TokenError| Refused(JoinReason::InvalidToken, Error::InvalidToken(e.to_string()));
        let macaroon = self.tokens.parse(token).map_err(invalid)?;
        let id = macaroon.identifier();
        let ctx =
            VerifyContext { now_unix: self.clock.now_unix(), caller: Some(Consumer::User(caller.id.as_str())), client };
        match self.tokens.verify(&macaroon, TokenKind::GroupInviteUser, &ctx) {
            Ok(()) => {}
            Err(e) if !e.is_caveat_unmet() => return Err(invalid(e)),
            Err(TokenError::ConsumerMismatch) => {
                // Rows 6 and 7, and the issuer, before row 8: a refused token is still a 400 and
                // a gone group still a 404.
                let (record, group) = match self.usable_invite(id, caller, Some(&macaroon)).await? {
                    Usable::Again(group) => return Ok(Joined::Again(group)),
                    Usable::Record(record, group) => (record, group),
                };
                if self.store.get_group(&group).await?.is_none() {
                    return Err(Refused(JoinReason::GroupGone, Error::NotFound));
                }
                let allowed = self.issuer_allowed(&record, &group).await.map_err(|e| Refused(JoinReason::Failed, e))?;
                if !allowed {
                    return Err(issuer_not_allowed());
                }
                return Err(Refused(JoinReason::Forbidden, Error::Forbidden(TokenError::ConsumerMismatch.to_string())));
            }
            Err(e) => {
                return match self.usable_invite(id, caller, Some(&macaroon)).await? {
                    Usable::Again(group) => Ok(Joined::Again(group)),
                    Usable::Record(..) => Err(invalid(e)),
                };
            }
        }
        match self.store.join_with_token(id, &caller.id).await? {
            JoinOutcome::Joined(group) => Ok(Joined::New(group)),
            JoinOutcome::Rejoined(group) => Ok(Joined::Again(group)),
            JoinOutcome::AlreadyMember => Err(Refused(
                JoinReason::AlreadyMember,
                Error::AlreadyExists("You are already a member of this group.".into()),
            )),
            JoinOutcome::GroupGone => Err(Refused(JoinReason::GroupGone, Error::NotFound)),
            JoinOutcome::IssuerNotAllowed => Err(issuer_not_allowed()),
            // A second read says why; a token it finds usable was used up between the two reads.
            JoinOutcome::TokenUnknown | JoinOutcome::TokenUsedUp => match self.usable_invite(id, caller, None).await? {
                Usable::Again(group) => Ok(Joined::Again(group)),
                Usable::Record(..) => Err(used_up()),
            },
        }
    }

    /// The record of the user invite `token_id` if it can still be used, or the 400 that says
    /// why not: unknown (or not a user invite), revoked, or used up. A caller who is a direct
    /// member through this very invite is retrying a join whose answer it lost: `Again`, ahead
    /// of revoked and used up (a single-use invite is used up by that very join). When the
    /// presented token failed a caveat (`failed`), only the token as issued is a retry.
    async fn usable_invite(&self, token_id: &str, caller: &User, failed: Option<&Macaroon>) -> Result<Usable, Refused> {
        let record = self.store.get_token(token_id).await?;
        let found = record.and_then(|r| {
            let group = match &r.grant {
                TokenGrant::GroupInviteUser { group, .. } => Some(group.clone()),
                _ => None,
            };
            group.map(|g| (r, g))
        });
        let Some((record, group)) = found else {
            return Err(Refused(
                JoinReason::UnknownToken,
                Error::InvalidToken("The token is not a group invite token known to this server.".into()),
            ));
        };
        if let Some(Origin::Invite { token, .. }) = self.store.member_origin(&group, &caller.id).await? {
            if token == token_id && failed.map_or(Ok(true), |m| self.is_as_issued(m, &record))? {
                return Ok(Usable::Again(group));
            }
        }
        if record.revoked {
            return Err(Refused(JoinReason::Revoked, Error::InvalidToken("The token has been revoked.".into())));
        }
        if record.max_uses.is_some_and(|max| record.uses >= max) {
            return Err(used_up());
        }
        Ok(Usable::Record(record, group))
    }

    /// Whether `m` is the user invite `record` as it was issued, with no caveat added since.
    fn is_as_issued(&self, m: &Macaroon, record: &TokenRecord) -> Result<bool, Refused> {
        let caveats = invites::stored_caveats(record)?;
        Ok(self.tokens.is_as_issued(m, TokenKind::GroupInviteUser, &caveats))
    }

    /// Whether the invite's issuer still exists and may still create it: `issuer_needs` in the
    /// invite's group, or all its zone privileges. Invites older than issuers (none recorded)
    /// pass. The store decides the same inside the join's transaction; this read serves the
    /// rare paths that must report it before a 403, and `create_named_token` before it stores.
    async fn issuer_allowed(&self, record: &TokenRecord, group: &GroupId) -> Result<bool, Error> {
        let (Some(issuer), Some((needed, zone))) = (&record.issuer, issuer_needs(&record.grant)) else {
            return Ok(true);
        };
        if self.store.get_user(issuer).await?.is_none() {
            return Ok(false);
        }
        let held = self.store.effective_privileges_at_least(group, issuer, needed).await?;
        if held.is_some_and(|held| needed.iter().all(|p| held.contains(p))) {
            return Ok(true);
        }
        Ok(self.store.effective_zone_privileges(issuer).await?.contains_all(zone))
    }

    // --- /groups -----------------------------------------------------------------------------

    /// All groups in creation order, or one page of them (`list_groups`).
    pub async fn list_groups(&self, caller: &User, page: Option<PageRequest>) -> Result<Listing<GroupId>, Error> {
        if !self.holds(caller, ZonePrivilege::ListGroups).await? {
            return Err(Error::Forbidden("You lack the list_groups zone privilege.".into()));
        }
        self.listing(page, reader!(self.store, (), |store, _, page| store.list_groups_page(page))).await
    }

    pub async fn group(&self, caller: &User, group: &GroupId) -> Result<Group, Error> {
        self.authorize(caller, group, Privilege::ViewData, Some(ZonePrivilege::ListGroups)).await
    }

    pub async fn modify_group(
        &self,
        caller: &User,
        group: &GroupId,
        name: Option<Name>,
        kind: Option<GroupType>,
    ) -> Result<(), Error> {
        self.authorize(caller, group, Privilege::ChangeData, None).await?;
        let updated = self.store.update_group(group, name.as_ref(), kind).await?;
        updated.then_some(()).ok_or(Error::NotFound)
    }

    pub async fn remove_group(&self, caller: &User, group: &GroupId) -> Result<(), Error> {
        self.authorize(caller, group, Privilege::Remove, Some(ZonePrivilege::GroupsRemoveMembers)).await?;
        zone::guarded(self.store.delete_group(group).await?)
    }

    /// The group's direct members in join order, or one page of them.
    pub async fn group_users(
        &self,
        caller: &User,
        group: &GroupId,
        page: Option<PageRequest>,
    ) -> Result<Listing<UserId>, Error> {
        self.authorize(caller, group, Privilege::ViewData, Some(ZonePrivilege::GroupsListUsers)).await?;
        let read = reader!(self.store, group, |store, group, page| store.group_users_page(&group, page));
        let with_seq = || reader!(self.store, group, |s, group, page| s.group_users_page_with_seq(&group, page));
        self.listing_once(page, read, with_seq).await
    }

    /// A single-use invite whose user gets the default member privileges; the caller is its
    /// issuer, who must still be allowed to mint it when it is used.
    pub async fn mint_invite(&self, caller: &User, group: &GroupId, minting: Minting) -> Result<String, Error> {
        self.authorize(caller, group, Privilege::InviteUser, Some(ZonePrivilege::GroupsAddMembers)).await?;
        let grant = TokenGrant::GroupInviteUser { group: group.clone(), privileges: PrivilegeSet::default_member() };
        self.mint(TokenKind::GroupInviteUser, grant, Some(1), Some(&caller.id), minting).await
    }

    pub async fn group_user(&self, caller: &User, group: &GroupId, user: &UserId) -> Result<User, Error> {
        self.authorize(caller, group, Privilege::ViewData, Some(ZonePrivilege::GroupsListUsers)).await?;
        self.member_privileges_unchecked(group, user).await?;
        self.store.get_user(user).await?.ok_or(Error::NotFound)
    }

    pub async fn remove_group_user(&self, caller: &User, group: &GroupId, user: &UserId) -> Result<(), Error> {
        self.authorize(caller, group, Privilege::RemoveUser, Some(ZonePrivilege::GroupsRemoveMembers)).await?;
        zone::guarded(self.store.remove_member(group, user).await?)
    }

    pub async fn member_privileges(
        &self,
        caller: &User,
        group: &GroupId,
        user: &UserId,
    ) -> Result<PrivilegeSet, Error> {
        self.authorize(caller, group, Privilege::ViewData, Some(ZonePrivilege::GroupsListUsers)).await?;
        self.member_privileges_unchecked(group, user).await
    }

    pub async fn set_member_privileges(
        &self,
        caller: &User,
        group: &GroupId,
        user: &UserId,
        privileges: PrivilegeSet,
    ) -> Result<(), Error> {
        self.authorize(caller, group, Privilege::SetPrivileges, Some(ZonePrivilege::SetPrivileges)).await?;
        zone::guarded(self.store.set_privileges(group, user, privileges).await?)
    }

    // --- helpers -----------------------------------------------------------------------------

    /// Applies the membership rule to `group` and returns it: an effective member holding
    /// `needed` among its effective privileges (direct, or flowing from the child groups it
    /// belongs to, issue 12) passes, and so does a caller holding the zone privilege `zone`
    /// (when the operation accepts one), whom the 404-hiding rule does not apply to. Zone
    /// privileges are read only when the membership does not pass, so a member's request costs
    /// no extra read. A missing group is `NotFound` for everyone. Every privilege check on a
    /// group goes through here, and nothing is cached: a link or membership removed counts from
    /// the next request.
    async fn authorize(
        &self,
        caller: &User,
        group: &GroupId,
        needed: Privilege,
        zone: Option<ZonePrivilege>,
    ) -> Result<Group, Error> {
        // One read: a direct member holding `needed` holds it effectively too, and the store
        // then skips the effective part, whose cost grows with the caller's groups (a group's
        // creator, or an admin, may be in thousands); anyone else gets the effective answer.
        let enough = PrivilegeSet::from_iter([needed]);
        let membership = self.store.effective_privileges_at_least(group, &caller.id, enough).await?;
        let member_passes = membership.is_some_and(|held| held.contains(needed));
        let bypass = match zone {
            Some(zone) if !member_passes => self.holds(caller, zone).await?,
            _ => false,
        };
        check_access(bypass, membership, Some(needed))?;
        self.store.get_group(group).await?.ok_or(Error::NotFound)
    }

    async fn member_privileges_unchecked(&self, group: &GroupId, user: &UserId) -> Result<PrivilegeSet, Error> {
        self.store.membership(group, user).await?.ok_or(Error::NotFound)
    }

    /// Mints an unnamed token without caveats (an access token, or an invite of the mint
    /// operations) and records it.
    async fn mint(
        &self,
        kind: TokenKind,
        grant: TokenGrant,
        max_uses: Option<u32>,
        issuer: Option<&UserId>,
        minting: Minting,
    ) -> Result<String, Error> {
        let minted = self.tokens.mint(kind);
        if minting == Minting::Preview {
            return Ok(minted.token);
        }
        let record = TokenRecord {
            id: minted.identifier,
            grant,
            max_uses,
            uses: 0,
            revoked: false,
            created_at: self.clock.now_unix(),
            issuer: issuer.cloned(),
            name: None,
            caveats: "[]".into(),
            valid_until: None,
            custom_metadata: "{}".into(),
        };
        match self.store.insert_token(&record).await? {
            TokenWrite::Done => Ok(minted.token),
            other => Err(Error::internal(format!("an unnamed token was not stored: {other:?}"))),
        }
    }
}

/// A join that happened: a new membership, or a retry finding the one it made.
enum Joined {
    New(GroupId),
    Again(GroupId),
}

impl Joined {
    fn group(self) -> GroupId {
        match self {
            Joined::New(group) | Joined::Again(group) => group,
        }
    }
}

/// What reading an invite's record before deciding found: a retry, or a usable record and
/// the group it admits into.
enum Usable {
    Again(GroupId),
    Record(TokenRecord, GroupId),
}

fn issuer_not_allowed() -> Refused {
    Refused(JoinReason::IssuerNotAllowed, Error::InvalidToken(ISSUER_NOT_ALLOWED.into()))
}

/// The 400's sentence for an invite whose issuer is gone or lost the right to invite.
const ISSUER_NOT_ALLOWED: &str =
    "The token's issuer no longer exists or may no longer invite into this group, so the token no longer works.";

fn used_up() -> Refused {
    Refused(JoinReason::UsedUp, Error::InvalidToken("The token has already been used.".into()))
}

/// A join that did not happen: the reason the metrics count, and the error the caller gets.
struct Refused(JoinReason, Error);

/// A store failure during a join decides nothing: it is counted as such.
impl From<StoreError> for Refused {
    fn from(e: StoreError) -> Self {
        Refused(JoinReason::Failed, e.into())
    }
}
