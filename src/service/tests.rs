//! The service's time-dependent rules, driven by a `TestClock` on the memory store: a holder's
//! `time < T` caveat (contract: the token is valid while now < T) on invites and on access
//! tokens, checked one second before T, exactly at T and one second after, the clock's
//! reading recorded on every minted token, and the bound of the verified-token cache: a
//! revocation or a deleted user made behind the server's back (another instance, the CLI) is
//! seen from the next second of the clock on.

use std::sync::Arc;

use super::{App, AuthError, TestClock};
use crate::domain::{Error, GroupId, Name, User};
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
    let invite = app.mint_invite(&owner, &group).await.unwrap();
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
    assert_eq!(app.join_group(&bob, &invite).await, Ok(group.clone()));
    assert!(app.store().membership(&group, &bob.id).await.unwrap().is_some());
}

#[tokio::test]
async fn an_invite_limited_to_t_has_expired_exactly_at_t() {
    let (app, clock) = app();
    let (group, invite) = limited_invite(&app).await;
    let (bob, _) = user(&app, "bob").await;
    clock.set(DEADLINE);
    assert_eq!(app.join_group(&bob, &invite).await, Err(Error::InvalidToken(expired())));
    assert_eq!(app.store().membership(&group, &bob.id).await.unwrap(), None);
}

#[tokio::test]
async fn an_invite_limited_to_t_has_expired_one_second_after_t_and_its_use_is_not_spent() {
    let (app, clock) = app();
    let (group, invite) = limited_invite(&app).await;
    let (bob, _) = user(&app, "bob").await;
    clock.set(DEADLINE + 1);
    assert_eq!(app.join_group(&bob, &invite).await, Err(Error::InvalidToken(expired())));
    assert_eq!(app.store().membership(&group, &bob.id).await.unwrap(), None);
    // Back before the deadline, the same invite still has its one use.
    clock.set(DEADLINE - 1);
    assert_eq!(app.join_group(&bob, &invite).await, Ok(group));
}

#[tokio::test]
async fn an_access_token_limited_to_t_authenticates_one_second_before_t() {
    let (app, clock) = app();
    let (bob, access) = user(&app, "bob").await;
    clock.set(DEADLINE - 1);
    assert_eq!(app.authenticate(&until(&access, DEADLINE)).await, Ok(bob));
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
        app.mint_invite(&owner, &group).await.unwrap()
    };
    clock.advance(100 * 365 * 24 * 3_600);
    assert_eq!(app.join_group(&bob, &invite).await, Err(Error::InvalidToken(expired())));
    assert_eq!(app.authenticate(&access).await, Ok(bob.clone()));
    assert_eq!(app.join_group(&bob, &unlimited_invite).await, Ok(group));
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
    assert_eq!(app.authenticate(&limited).await, Ok(bob));
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
    assert_eq!(app.authenticate(&access).await, Ok(bob.clone()));
    elsewhere.execute("UPDATE tokens SET revoked = 1 WHERE id = ?1", [identifier(&access)]).unwrap();
    // Within the second of its verification the token is answered from the cache: the bound.
    assert_eq!(app.authenticate(&access).await, Ok(bob));
    clock.advance(1);
    assert_eq!(app.authenticate(&access).await, Err(AuthError::Rejected("The access token has been revoked.".into())));
}

#[tokio::test]
async fn the_access_token_of_a_user_deleted_elsewhere_is_refused_from_the_next_second_on() {
    let (app, clock, elsewhere, _dir) = app_on_sqlite();
    let (bob, access) = user(&app, "bob").await;
    assert_eq!(app.authenticate(&access).await, Ok(bob.clone()));
    elsewhere.execute("DELETE FROM users WHERE id = ?1", [bob.id.as_str()]).unwrap();
    assert_eq!(app.authenticate(&access).await, Ok(bob));
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
