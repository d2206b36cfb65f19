//! Named invite tokens through the service on the memory store, with a `TestClock`: the
//! serialized form read back equals the one created, the order of checks at use (§8) where the
//! rare paths decide it (a caveat failing reads the record first), the idempotent retry, the
//! issuer check, usage limits and the creation rules. The HTTP tests (`tests/it/invites.rs`)
//! cover every backend; these pin the service's own decisions.

use std::net::IpAddr;
use std::sync::Arc;

use super::{App, InviteKind, Minting, NewNamedToken, TestClock};
use crate::domain::{Error, GroupId, Name, Privilege, PrivilegeSet, User};
use crate::store::memory::MemoryStore;
use crate::store::{NamedTokenUpdate, Origin};
use crate::tokens::{TokenCaveat, TokenCodec, TokenError};

const NOW: u64 = 1_796_083_200;

fn app() -> (App, Arc<TestClock>) {
    let clock = Arc::new(TestClock::at(NOW));
    let codec = TokenCodec::new(b"a master key for the invite tests".to_vec(), "onezone");
    (App::new(Arc::new(MemoryStore::new()), codec, clock.clone()), clock)
}

async fn user(app: &App, name: &str) -> User {
    app.create_user(Name::parse(name, "name").unwrap(), false).await.unwrap().0
}

/// An owner and its group.
async fn group(app: &App) -> (User, GroupId) {
    let owner = user(app, "owner").await;
    let group = app.create_group(&owner, Name::parse("Lab", "name").unwrap(), None).await.unwrap();
    (owner, group)
}

fn request(group: &GroupId, name: &str) -> NewNamedToken {
    NewNamedToken {
        name: Name::parse(name, "name").unwrap(),
        kind: InviteKind::User,
        group: group.clone(),
        caveats: Vec::new(),
        privileges: None,
        usage_limit: None,
        custom_metadata: "{}".into(),
        revoked: false,
    }
}

fn invalid(sentence: &str) -> Result<GroupId, Error> {
    Err(Error::InvalidToken(sentence.into()))
}

const REVOKED: &str = "The token has been revoked.";
const USED: &str = "The token has already been used.";
const EXPIRED: &str = "The token has expired.";

#[tokio::test]
async fn a_named_tokens_serialized_form_read_back_is_the_one_created_and_it_admits() {
    let (app, _) = app();
    let (owner, group) = group(&app).await;
    let mut new = request(&group, "course");
    new.caveats = vec![
        TokenCaveat::Time { valid_until: NOW + 60 },
        TokenCaveat::from_parts("ip", None, Some(&["127.0.0.0/8".to_owned()])).unwrap(),
    ];
    new.usage_limit = Some(5);
    let (id, token) = app.create_named_token(&owner, new).await.unwrap();
    let view = app.named_token(&owner, &id).await.unwrap();
    assert_eq!(view.token, token);
    assert_eq!(app.named_token_by_name(&owner, &Name::parse("course", "name").unwrap()).await.unwrap().token, token);
    assert_eq!(view.invite.record.max_uses, Some(5));
    assert_eq!(view.invite.record.valid_until, Some(NOW + 60));
    // Nothing stored is the token.
    assert!(!format!("{:?}", view.invite.record).contains(&token));
    let bob = user(&app, "bob").await;
    let localhost: IpAddr = "127.0.0.1".parse().unwrap();
    let elsewhere: IpAddr = "192.0.2.1".parse().unwrap();
    let refused = app.join_group(&bob, &token, Some(elsewhere)).await;
    assert_eq!(refused, invalid("The token may not be used from this network address."));
    assert_eq!(app.join_group(&bob, &token, Some(localhost)).await, Ok(group.clone()));
    assert_eq!(app.named_token(&owner, &id).await.unwrap().invite.record.uses, 1);
}

#[tokio::test]
async fn another_users_named_token_does_not_exist_for_it() {
    let (app, _) = app();
    let (owner, group) = group(&app).await;
    let (id, _) = app.create_named_token(&owner, request(&group, "mine")).await.unwrap();
    let eve = user(&app, "eve").await;
    assert!(matches!(app.named_token(&eve, &id).await, Err(Error::NotFound)));
    assert!(matches!(app.delete_named_token(&eve, &id).await, Err(Error::NotFound)));
    let rename = NamedTokenUpdate { revoked: Some(true), ..Default::default() };
    assert!(matches!(app.update_named_token(&eve, &id, rename).await, Err(Error::NotFound)));
    assert!(app.named_token(&owner, &id).await.is_ok());
}

#[tokio::test]
async fn a_taken_name_and_a_past_deadline_are_refused_at_creation() {
    let (app, _) = app();
    let (owner, group) = group(&app).await;
    app.create_named_token(&owner, request(&group, "twice")).await.unwrap();
    assert!(matches!(app.create_named_token(&owner, request(&group, "twice")).await, Err(Error::AlreadyExists(_))));
    let mut past = request(&group, "past");
    past.caveats = vec![TokenCaveat::Time { valid_until: NOW }];
    assert!(matches!(app.create_named_token(&owner, past).await, Err(Error::InvalidRequest(_))));
}

#[tokio::test]
async fn creating_an_invite_needs_the_invite_privilege_and_set_privileges_for_more_than_the_default() {
    let (app, _) = app();
    let (owner, group) = group(&app).await;
    let inviter = user(&app, "inviter").await;
    let stranger = user(&app, "stranger").await;
    app.store()
        .add_member(
            &group,
            &inviter.id,
            PrivilegeSet::from_iter([Privilege::ViewData, Privilege::InviteUser]),
            &owner.id,
        )
        .await
        .unwrap();
    assert!(matches!(app.create_named_token(&stranger, request(&group, "x")).await, Err(Error::NotFound)));
    assert!(app.create_named_token(&inviter, request(&group, "plain")).await.is_ok());
    let mut more = request(&group, "more");
    more.privileges = Some(PrivilegeSet::from_iter([Privilege::ViewData, Privilege::ChangeData]));
    assert!(matches!(app.create_named_token(&inviter, more.clone()).await, Err(Error::Forbidden(_))));
    assert!(app.create_named_token(&owner, more).await.is_ok());
    let mut nested = request(&group, "nested");
    nested.kind = InviteKind::Group;
    assert!(matches!(app.create_named_token(&inviter, nested).await, Err(Error::Forbidden(_))));
}

#[tokio::test]
async fn a_revoked_token_that_has_also_expired_says_revoked() {
    let (app, clock) = app();
    let (owner, group) = group(&app).await;
    let mut new = request(&group, "both");
    new.caveats = vec![TokenCaveat::Time { valid_until: NOW + 10 }];
    let (id, token) = app.create_named_token(&owner, new).await.unwrap();
    let revoke = NamedTokenUpdate { revoked: Some(true), ..Default::default() };
    app.update_named_token(&owner, &id, revoke).await.unwrap();
    let bob = user(&app, "bob").await;
    assert_eq!(app.join_group(&bob, &token, None).await, invalid(REVOKED));
    clock.set(NOW + 10);
    assert_eq!(app.join_group(&bob, &token, None).await, invalid(REVOKED));
    let restore = NamedTokenUpdate { revoked: Some(false), ..Default::default() };
    app.update_named_token(&owner, &id, restore).await.unwrap();
    assert_eq!(app.join_group(&bob, &token, None).await, invalid(EXPIRED));
}

#[tokio::test]
async fn a_retried_join_is_answered_as_the_first_without_spending_a_use_even_once_expired() {
    let (app, clock) = app();
    let (owner, group) = group(&app).await;
    let mut new = request(&group, "once");
    new.usage_limit = Some(1);
    new.caveats = vec![TokenCaveat::Time { valid_until: NOW + 10 }];
    let (id, token) = app.create_named_token(&owner, new).await.unwrap();
    let bob = user(&app, "bob").await;
    assert_eq!(app.join_group(&bob, &token, None).await, Ok(group.clone()));
    assert_eq!(app.join_group(&bob, &token, None).await, Ok(group.clone()));
    clock.set(NOW + 10);
    assert_eq!(app.join_group(&bob, &token, None).await, Ok(group.clone()));
    assert_eq!(app.named_token(&owner, &id).await.unwrap().invite.record.uses, 1);
    let origin = app.member_origin(&owner, &group, &bob.id).await.unwrap();
    assert_eq!(origin, Origin::Invite { token: id.clone(), issuer: Some(owner.id.clone()) });
    clock.set(NOW);
    let carol = user(&app, "carol").await;
    assert_eq!(app.join_group(&carol, &token, None).await, invalid(USED));
    // Once bob has left, his retry is a join like any other: the token is used up.
    app.leave_group(&bob, &group).await.unwrap();
    assert_eq!(app.join_group(&bob, &token, None).await, invalid(USED));
    let joins = app.token_joins(&owner, &id, None).await.unwrap();
    assert_eq!(joins.page.items.len(), 1, "one admission, kept after leaving");
}

/// `token` with `caveat` added by its holder (a valid attenuation: the signature chain goes on).
fn attenuated(token: &str, caveat: &str) -> String {
    let mut macaroon = crate::tokens::Macaroon::deserialize(token).unwrap();
    macaroon.add_first_party_caveat(caveat);
    macaroon.serialize()
}

#[tokio::test]
async fn a_retry_with_a_caveat_its_holder_added_that_fails_is_refused_like_anyones() {
    let (app, clock) = app();
    let (owner, group) = group(&app).await;
    let mut new = request(&group, "twice");
    new.usage_limit = Some(2);
    new.caveats = vec![TokenCaveat::Time { valid_until: NOW + 10 }];
    let (id, token) = app.create_named_token(&owner, new).await.unwrap();
    let bob = user(&app, "bob").await;
    assert_eq!(app.join_group(&bob, &token, None).await, Ok(group.clone()));
    let unknown = TokenError::UnknownCaveat.to_string();
    // Caveats of the holder's own that fail: the token is not the one bob joined with.
    assert_eq!(app.join_group(&bob, &attenuated(&token, "foo = bar"), None).await, invalid(&unknown));
    assert_eq!(app.join_group(&bob, &attenuated(&token, "time < 1000"), None).await, invalid(EXPIRED));
    let elsewhere = attenuated(&token, "consumer = usr-nobody");
    assert!(matches!(app.join_group(&bob, &elsewhere, None).await, Err(Error::Forbidden(_))));
    // One that holds leaves a valid token: a retry, answered as the first.
    let later = attenuated(&token, &format!("time < {}", NOW + 5));
    assert_eq!(app.join_group(&bob, &later, None).await, Ok(group.clone()));
    // Once the issued caveat has expired, the token as issued is still bob's retry; the
    // attenuated one, failing too, is not.
    clock.set(NOW + 10);
    assert_eq!(app.join_group(&bob, &token, None).await, Ok(group.clone()));
    assert_eq!(app.join_group(&bob, &later, None).await, invalid(EXPIRED));
    // Revoked: the token as issued is still a retry, an attenuated one that fails is revoked.
    let revoke = NamedTokenUpdate { revoked: Some(true), ..Default::default() };
    app.update_named_token(&owner, &id, revoke).await.unwrap();
    assert_eq!(app.join_group(&bob, &token, None).await, Ok(group.clone()));
    assert_eq!(app.join_group(&bob, &later, None).await, invalid(REVOKED));
    assert_eq!(app.named_token(&owner, &id).await.unwrap().invite.record.uses, 1, "no use counted");
    assert!(app.store().membership(&group, &bob.id).await.unwrap().is_some(), "bob is still a member");
}

#[tokio::test]
async fn an_invite_from_an_issuer_who_lost_the_right_to_invite_is_refused_before_a_consumer_mismatch() {
    let (app, _) = app();
    let (owner, group) = group(&app).await;
    let inviter = user(&app, "inviter").await;
    let invite = PrivilegeSet::from_iter([Privilege::ViewData, Privilege::InviteUser]);
    app.store().add_member(&group, &inviter.id, invite, &owner.id).await.unwrap();
    let bob = user(&app, "bob").await;
    let mut bound = request(&group, "for-carol");
    bound.caveats = vec![TokenCaveat::from_parts("consumer", None, Some(&["usr-carol".to_owned()])).unwrap()];
    let (_, bound) = app.create_named_token(&inviter, bound).await.unwrap();
    let (_, open) = app.create_named_token(&inviter, request(&group, "open")).await.unwrap();
    assert!(matches!(app.join_group(&bob, &bound, None).await, Err(Error::Forbidden(_))));
    app.remove_group_user(&owner, &group, &inviter.id).await.unwrap();
    let issuer_gone = invalid(super::ISSUER_NOT_ALLOWED);
    assert_eq!(app.join_group(&bob, &bound, None).await, issuer_gone);
    assert_eq!(app.join_group(&bob, &open, None).await, issuer_gone);
    assert_eq!(app.store().membership(&group, &bob.id).await.unwrap(), None);
}

/// `oz_groups_add_members` lets a user who is no member invite with the default privileges;
/// more takes `set_privileges` in the zone too, exactly as the check at use asks, so nobody
/// can create an invite that would then be refused, nor give themselves a group's management.
#[tokio::test]
async fn adding_members_in_the_zone_does_not_open_invites_carrying_more_than_the_default() {
    use crate::domain::{ZoneChange, ZoneHolder, ZonePrivilege, ZonePrivilegeSet};
    let (app, _) = app();
    let (_, group) = group(&app).await;
    let eve = user(&app, "eve").await;
    let set = |privileges: &[ZonePrivilege]| ZoneChange::Set(ZonePrivilegeSet::from_iter(privileges.iter().copied()));
    let holder = ZoneHolder::User(eve.id.clone());
    let zone = |change| app.store().change_zone_privileges(&holder, change);
    zone(set(&[ZonePrivilege::GroupsAddMembers])).await.unwrap();
    let mut managing = request(&group, "managing");
    managing.privileges = Some(PrivilegeSet::from_iter([Privilege::ViewData, Privilege::SetPrivileges]));
    assert!(matches!(app.create_named_token(&eve, managing.clone()).await, Err(Error::Forbidden(_))));
    let (_, plain) = app.create_named_token(&eve, request(&group, "plain")).await.unwrap();
    let bob = user(&app, "bob").await;
    assert_eq!(app.join_group(&bob, &plain, None).await, Ok(group.clone()));
    // set_privileges alone does not open inviting: the group is not even there for her.
    zone(set(&[ZonePrivilege::SetPrivileges])).await.unwrap();
    assert_eq!(app.create_named_token(&eve, managing.clone()).await.map(|_| ()), Err(Error::NotFound));
    // Both: created, and it admits with what it carries.
    zone(set(&[ZonePrivilege::GroupsAddMembers, ZonePrivilege::SetPrivileges])).await.unwrap();
    let (_, token) = app.create_named_token(&eve, managing.clone()).await.unwrap();
    let carol = user(&app, "carol").await;
    assert_eq!(app.join_group(&carol, &token, None).await, Ok(group.clone()));
    assert_eq!(app.store().membership(&group, &carol.id).await.unwrap(), managing.privileges);
    assert_eq!(app.store().membership(&group, &eve.id).await.unwrap(), None, "eve never joined");
}

#[tokio::test]
async fn a_usage_limit_of_two_admits_two() {
    let (app, _) = app();
    let (owner, group) = group(&app).await;
    let mut new = request(&group, "two");
    new.usage_limit = Some(2);
    let (_, token) = app.create_named_token(&owner, new).await.unwrap();
    for name in ["a", "b"] {
        let u = user(&app, name).await;
        assert_eq!(app.join_group(&u, &token, None).await, Ok(group.clone()), "{name}");
    }
    let c = user(&app, "c").await;
    assert_eq!(app.join_group(&c, &token, None).await, invalid(USED));
}

#[tokio::test]
async fn a_groups_live_invites_leave_out_revoked_used_up_and_expired_ones() {
    let (app, clock) = app();
    let (owner, group) = group(&app).await;
    let (live, _) = app.create_named_token(&owner, request(&group, "live")).await.unwrap();
    let (revoked, _) = app.create_named_token(&owner, request(&group, "revoked")).await.unwrap();
    app.update_named_token(&owner, &revoked, NamedTokenUpdate { revoked: Some(true), ..Default::default() })
        .await
        .unwrap();
    let mut short = request(&group, "short");
    short.caveats = vec![TokenCaveat::Time { valid_until: NOW + 5 }];
    app.create_named_token(&owner, short).await.unwrap();
    let minted = app.mint_invite(&owner, &group, Minting::Stored).await.unwrap();
    let bob = user(&app, "bob").await;
    app.join_group(&bob, &minted, None).await.unwrap();
    clock.set(NOW + 5);
    let ids: Vec<String> =
        app.group_invites(&owner, &group, None).await.unwrap().page.items.into_iter().map(|v| v.record.id).collect();
    assert_eq!(ids, vec![live]);
}
