//! The service's time-dependent rules, driven by a `TestClock` on the memory store: a holder's
//! `time < T` caveat (contract: the token is valid while now < T) on invites and on access
//! tokens, checked one second before T, exactly at T and one second after, the clock's
//! reading recorded on every minted token, and the bound of the verified-token cache: a
//! revocation or a deleted user made behind the server's back (another instance, the CLI) is
//! seen from the next second of the clock on; and Basic authentication: logins, passwords, the
//! same answer and work for an unknown login, and the verified-credentials cache's bound.

use std::sync::Arc;

use super::{App, AuthError, Minting, TestClock};
use crate::domain::{Error, GroupId, Login, Name, User};
use crate::store::memory::MemoryStore;
use crate::store::sqlite::SqliteStore;
use crate::tokens::{Macaroon, TokenCodec};

/// 2026-12-01T00:00:00Z, an arbitrary "now" for these tests.
const NOW: u64 = 1_796_083_200;

/// The deadline written into the caveats below.
const DEADLINE: u64 = NOW + 3_600;

/// An app on a fresh memory store whose clock reads `NOW`.
fn app() -> (App, Arc<TestClock>) {
    let clock = Arc::new(TestClock::at(NOW));
    let codec = TokenCodec::new(b"a master key for the service tests".to_vec(), "onezone");
    (App::new(Arc::new(MemoryStore::new()), codec, clock.clone()), clock)
}

async fn user(app: &App, name: &str) -> (User, String) {
    app.create_user(Name::parse(name, "name").unwrap(), false).await.unwrap()
}

/// `token` with the holder's caveat `time < deadline` added.
fn until(token: &str, deadline: u64) -> String {
    let mut macaroon = Macaroon::deserialize(token).unwrap();
    macaroon.add_first_party_caveat(&format!("time < {deadline}"));
    macaroon.serialize()
}

/// An owner's group and a fresh single-use invite to it, limited to `DEADLINE`.
async fn limited_invite(app: &App) -> (GroupId, String) {
    let (owner, _) = user(app, "owner").await;
    let group = app.create_group(&owner, Name::parse("Research team", "name").unwrap(), None).await.unwrap();
    let invite = app.mint_invite(&owner, &group, Minting::Stored).await.unwrap();
    (group, until(&invite, DEADLINE))
}

fn expired() -> String {
    "The token has expired.".to_owned()
}

#[tokio::test]
async fn an_invite_limited_to_t_admits_a_user_one_second_before_t() {
    let (app, clock) = app();
    let (group, invite) = limited_invite(&app).await;
    let (bob, _) = user(&app, "bob").await;
    clock.set(DEADLINE - 1);
    assert_eq!(app.join_group(&bob, &invite, None).await, Ok(group.clone()));
    assert!(app.store().membership(&group, &bob.id).await.unwrap().is_some());
}

#[tokio::test]
async fn an_invite_limited_to_t_has_expired_exactly_at_t() {
    let (app, clock) = app();
    let (group, invite) = limited_invite(&app).await;
    let (bob, _) = user(&app, "bob").await;
    clock.set(DEADLINE);
    assert_eq!(app.join_group(&bob, &invite, None).await, Err(Error::InvalidToken(expired())));
    assert_eq!(app.store().membership(&group, &bob.id).await.unwrap(), None);
}

#[tokio::test]
async fn an_invite_limited_to_t_has_expired_one_second_after_t_and_its_use_is_not_spent() {
    let (app, clock) = app();
    let (group, invite) = limited_invite(&app).await;
    let (bob, _) = user(&app, "bob").await;
    clock.set(DEADLINE + 1);
    assert_eq!(app.join_group(&bob, &invite, None).await, Err(Error::InvalidToken(expired())));
    assert_eq!(app.store().membership(&group, &bob.id).await.unwrap(), None);
    // Back before the deadline, the same invite still has its one use.
    clock.set(DEADLINE - 1);
    assert_eq!(app.join_group(&bob, &invite, None).await, Ok(group));
}

#[tokio::test]
async fn an_access_token_limited_to_t_authenticates_one_second_before_t() {
    let (app, clock) = app();
    let (bob, access) = user(&app, "bob").await;
    clock.set(DEADLINE - 1);
    assert_eq!(app.authenticate(&until(&access, DEADLINE)).await, Ok(Arc::new(bob)));
}

#[tokio::test]
async fn an_access_token_limited_to_t_has_expired_exactly_at_t_and_after() {
    let (app, clock) = app();
    let (_, access) = user(&app, "bob").await;
    let limited = until(&access, DEADLINE);
    for now in [DEADLINE, DEADLINE + 1] {
        clock.set(now);
        assert_eq!(app.authenticate(&limited).await, Err(AuthError::Rejected(expired())), "at T{:+}", now - DEADLINE);
    }
}

#[tokio::test]
async fn tokens_without_a_time_caveat_do_not_expire() {
    let (app, clock) = app();
    let (group, invite) = limited_invite(&app).await;
    let (bob, access) = user(&app, "bob").await;
    let unlimited_invite = {
        // The same owner mints a second invite, this one with no deadline.
        let owner = app.store().group_users(&group).await.unwrap().remove(0);
        let owner = app.store().get_user(&owner).await.unwrap().unwrap();
        app.mint_invite(&owner, &group, Minting::Stored).await.unwrap()
    };
    clock.advance(100 * 365 * 24 * 3_600);
    assert_eq!(app.join_group(&bob, &invite, None).await, Err(Error::InvalidToken(expired())));
    assert_eq!(app.authenticate(&access).await, Ok(Arc::new(bob.clone())));
    assert_eq!(app.join_group(&bob, &unlimited_invite, None).await, Ok(group));
}

#[tokio::test]
async fn a_minted_token_records_the_clock_reading_as_its_creation_time() {
    let (app, clock) = app();
    clock.set(NOW + 42);
    let (_, access) = user(&app, "bob").await;
    let identifier = Macaroon::deserialize(&access).unwrap().identifier().to_owned();
    let record = app.store().get_token(&identifier).await.unwrap().expect("the token is recorded");
    assert_eq!(record.created_at, NOW + 42);
}

#[tokio::test]
async fn an_access_token_verified_one_second_before_t_is_refused_exactly_at_t() {
    let (app, clock) = app();
    let (bob, access) = user(&app, "bob").await;
    let limited = until(&access, DEADLINE);
    clock.set(DEADLINE - 1);
    assert_eq!(app.authenticate(&limited).await, Ok(Arc::new(bob)));
    clock.set(DEADLINE);
    assert_eq!(app.authenticate(&limited).await, Err(AuthError::Rejected(expired())));
}

/// An app on a fresh SQLite file, and a second connection to that file for changes the API
/// cannot make (as another instance or the CLI would make them).
fn app_on_sqlite() -> (App, Arc<TestClock>, rusqlite::Connection, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("oz.db");
    let store = SqliteStore::open(&path).expect("the store opens");
    let clock = Arc::new(TestClock::at(NOW));
    let codec = TokenCodec::new(b"a master key for the service tests".to_vec(), "onezone");
    let app = App::new(Arc::new(store), codec, clock.clone());
    let elsewhere = rusqlite::Connection::open(&path).expect("a second connection");
    elsewhere.busy_timeout(std::time::Duration::from_secs(5)).expect("a busy timeout");
    (app, clock, elsewhere, dir)
}

fn identifier(token: &str) -> String {
    Macaroon::deserialize(token).unwrap().identifier().to_owned()
}

#[tokio::test]
async fn an_access_token_revoked_elsewhere_is_refused_from_the_next_second_on() {
    let (app, clock, elsewhere, _dir) = app_on_sqlite();
    let (bob, access) = user(&app, "bob").await;
    assert_eq!(app.authenticate(&access).await, Ok(Arc::new(bob.clone())));
    elsewhere.execute("UPDATE tokens SET revoked = 1 WHERE id = ?1", [identifier(&access)]).unwrap();
    // Within the second of its verification the token is answered from the cache: the bound.
    assert_eq!(app.authenticate(&access).await, Ok(Arc::new(bob)));
    clock.advance(1);
    assert_eq!(app.authenticate(&access).await, Err(AuthError::Rejected("The access token has been revoked.".into())));
}

#[tokio::test]
async fn the_access_token_of_a_user_deleted_elsewhere_is_refused_from_the_next_second_on() {
    let (app, clock, elsewhere, _dir) = app_on_sqlite();
    let (bob, access) = user(&app, "bob").await;
    assert_eq!(app.authenticate(&access).await, Ok(Arc::new(bob.clone())));
    elsewhere.execute("DELETE FROM users WHERE id = ?1", [bob.id.as_str()]).unwrap();
    assert_eq!(app.authenticate(&access).await, Ok(Arc::new(bob)));
    clock.advance(1);
    let gone = AuthError::Rejected("The user of this access token no longer exists.".into());
    assert_eq!(app.authenticate(&access).await, Err(gone));
}

#[tokio::test]
async fn a_renamed_caller_sees_its_new_name_at_once_though_its_token_is_cached() {
    let (app, _clock) = app();
    let (bob, access) = user(&app, "bob").await;
    let caller = app.authenticate(&access).await.unwrap();
    let robert = Name::parse("robert", "name").unwrap();
    app.modify_user(&caller, Some(robert.clone()), None).await.unwrap();
    let caller = app.authenticate(&access).await.unwrap();
    assert_eq!(caller.name, bob.name, "authentication answered from the cache");
    assert_eq!(app.current_user(&caller).await.map(|u| u.name), Ok(robert));
}

// --- logins, passwords and Basic authentication ------------------------------------------------

fn login(raw: &str) -> Login {
    Login::parse(raw).unwrap()
}

/// A user with login `raw` and `password`.
async fn with_password(app: &App, raw: &str, password: &str) -> User {
    let (user, _) = app.add_user(login(raw), Name::parse(raw, "name").unwrap(), false).await.unwrap();
    app.set_password(raw, password).await.unwrap();
    user
}

fn rejected() -> AuthError {
    AuthError::Rejected("The login or password is wrong.".into())
}

#[tokio::test]
async fn users_created_by_name_get_the_name_as_login_made_unique_by_a_suffix() {
    let (app, _) = app();
    let logins = [user(&app, "sam").await, user(&app, "sam").await, user(&app, "sam").await];
    let logins: Vec<&str> = logins.iter().map(|(u, _)| u.login.as_str()).collect();
    assert_eq!(logins, ["sam", "sam-2", "sam-3"]);
}

#[tokio::test]
async fn a_login_given_to_add_user_is_unique() {
    let (app, _) = app();
    app.add_user(login("alice"), Name::parse("Alice", "name").unwrap(), false).await.unwrap();
    let again = app.add_user(login("alice"), Name::parse("Other", "name").unwrap(), false).await;
    assert!(matches!(again, Err(Error::AlreadyExists(_))), "{again:?}");
    assert_eq!(app.store().count_users().await, Ok(1));
}

#[tokio::test]
async fn a_password_must_not_be_empty_and_its_login_must_exist() {
    let (app, _) = app();
    with_password(&app, "alice", "s3cret").await;
    assert!(matches!(app.set_password("alice", "").await, Err(Error::InvalidRequest(_))));
    assert_eq!(app.set_password("nobody", "s3cret").await, Err(Error::NotFound));
    let long = "x".repeat(super::MAX_PASSWORD_BYTES + 1);
    assert!(matches!(app.set_password("alice", &long).await, Err(Error::InvalidRequest(_))));
}

#[tokio::test]
async fn basic_credentials_identify_their_user_and_anything_else_gets_one_answer() {
    let (app, _) = app();
    let alice = with_password(&app, "alice", "s3cret").await;
    user(&app, "nopass").await;
    assert_eq!(app.authenticate_basic("alice", "s3cret").await, Ok(alice));
    assert_eq!(app.authenticate_basic("alice", "wrong").await, Err(rejected()));
    assert_eq!(app.authenticate_basic("alice", "").await, Err(rejected()));
    assert_eq!(app.authenticate_basic("nobody", "s3cret").await, Err(rejected()), "an unknown login");
    assert_eq!(app.authenticate_basic("nopass", "").await, Err(rejected()), "a user without a password");
    assert_eq!(app.authenticate_basic("Alice", "s3cret").await, Err(rejected()), "logins match exactly");
}

#[tokio::test]
async fn an_unknown_login_runs_the_same_verification_as_a_wrong_password() {
    let (app, _) = app();
    with_password(&app, "alice", "s3cret").await;
    let before = app.passwords.verifications();
    let _ = app.authenticate_basic("alice", "wrong").await;
    assert_eq!(app.passwords.verifications(), before + 1);
    let _ = app.authenticate_basic("nobody", "wrong").await;
    assert_eq!(app.passwords.verifications(), before + 2, "the dummy hash is verified");
}

#[tokio::test]
async fn an_unknown_login_and_a_wrong_password_take_about_the_same_time() {
    let (app, _) = app();
    with_password(&app, "alice", "s3cret").await;
    let _ = app.authenticate_basic("nobody", "warm the dummy up").await;
    let mut unknown = Vec::new();
    let mut wrong = Vec::new();
    // Alternately, so that whatever else the machine does falls on both alike.
    for i in 0..7 {
        let started = std::time::Instant::now();
        let _ = app.authenticate_basic("nobody", &format!("guess {i}")).await;
        unknown.push(started.elapsed());
        let started = std::time::Instant::now();
        let _ = app.authenticate_basic("alice", &format!("guess {i}")).await;
        wrong.push(started.elapsed());
    }
    unknown.sort();
    wrong.sort();
    let (unknown, wrong) = (unknown[3].as_secs_f64(), wrong[3].as_secs_f64());
    let ratio = unknown.max(wrong) / unknown.min(wrong);
    assert!(ratio < 3.0, "medians {unknown:.4} s (unknown login) and {wrong:.4} s (wrong password)");
}

#[tokio::test]
async fn a_client_sending_basic_on_every_request_pays_argon2_once() {
    let (app, clock) = app();
    let alice = with_password(&app, "alice", "s3cret").await;
    let before = app.passwords.verifications();
    for _ in 0..3 {
        assert_eq!(app.authenticate_basic("alice", "s3cret").await, Ok(alice.clone()));
        assert_eq!(app.authenticate_basic("alice", "s3cret").await, Ok(alice.clone()));
        clock.advance(1);
    }
    assert_eq!(app.passwords.verifications(), before + 1);
}

#[tokio::test]
async fn a_password_changed_behind_the_servers_back_is_seen_from_the_next_second() {
    let (app, clock) = app();
    let alice = with_password(&app, "alice", "old").await;
    assert_eq!(app.authenticate_basic("alice", "old").await, Ok(alice.clone()));
    // Another instance, or the CLI, changes the password in the store.
    let other = App::new(app.store().clone(), TokenCodec::new(b"another".to_vec(), "onezone"), clock.clone());
    other.set_password("alice", "new").await.unwrap();
    assert_eq!(app.authenticate_basic("alice", "old").await, Ok(alice.clone()), "within the second: cached");
    clock.advance(1);
    assert_eq!(app.authenticate_basic("alice", "old").await, Err(rejected()));
    assert_eq!(app.authenticate_basic("alice", "new").await, Ok(alice.clone()));
    // A removed password (as a deleted user's goes with its row) is seen the same way.
    app.store().set_password_hash(&alice.id, None).await.unwrap();
    assert_eq!(app.authenticate_basic("alice", "new").await, Ok(alice), "within the second: cached");
    clock.advance(1);
    assert_eq!(app.authenticate_basic("alice", "new").await, Err(rejected()));
}
