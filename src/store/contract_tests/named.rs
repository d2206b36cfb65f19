//! The contract of issue 13's store methods (contract §8): named invite tokens, a group's live
//! invites, join records, the origin of memberships, the retry and the issuer check. Run on
//! every backend through `every_contract!`.

use std::sync::Arc;

use super::join;
use crate::domain::{GroupId, Page, PageRequest, Privilege, PrivilegeSet, UserId, ZoneChange, ZoneHolder};
use crate::domain::{ZonePrivilege, ZonePrivilegeSet};
use crate::store::fixtures::{a_group_invite, a_user, an_invite, an_invite_granting, new_group, new_user, uses};
use crate::store::{
    Guarded, JoinOutcome, JoinRecord, Joiner, LinkOutcome, NamedTokenUpdate, Origin, Store, TokenRecord, TokenWrite,
};

/// A named invite into `group` by `issuer`, granting the default member privileges.
fn a_named_invite(group: &GroupId, issuer: &UserId, name: &str, max_uses: Option<u32>) -> TokenRecord {
    TokenRecord { issuer: Some(issuer.clone()), name: Some(name.to_owned()), ..an_invite(group, max_uses) }
}

/// An unnamed invite into `group` minted by `issuer`.
fn an_issued_invite(group: &GroupId, issuer: &UserId, max_uses: Option<u32>) -> TokenRecord {
    TokenRecord { issuer: Some(issuer.clone()), ..an_invite(group, max_uses) }
}

async fn insert(store: &dyn Store, record: &TokenRecord) {
    assert_eq!(store.insert_token(record).await, Ok(TokenWrite::Done), "the token is stored");
}

fn page(limit: u32, after: Option<crate::domain::Cursor>) -> PageRequest {
    PageRequest::new(after, limit).expect("a page size within bounds")
}

/// Every item of a list read page by page with pages of `limit`.
async fn walk<T, F, Fut>(limit: u32, read: F) -> Vec<T>
where
    F: Fn(PageRequest) -> Fut,
    Fut: std::future::Future<Output = crate::store::StoreResult<Page<T>>>,
{
    let mut all = Vec::new();
    let mut after = None;
    for _ in 0..100 {
        let page = read(page(limit, after)).await.expect("a page reads");
        assert!(page.items.len() <= limit as usize);
        all.extend(page.items);
        match page.next {
            Some(next) => after = Some(next),
            None => return all,
        }
    }
    panic!("the walk does not end");
}

fn whole<T>(page: crate::store::StoreResult<Page<T>>) -> Vec<T> {
    let page = page.expect("the list reads");
    assert!(page.next.is_none(), "a whole list has no next page");
    page.items
}

fn ids(records: &[TokenRecord]) -> Vec<String> {
    records.iter().map(|r| r.id.clone()).collect()
}

// --- named tokens ----------------------------------------------------------------------------

pub(crate) async fn a_named_token_reads_back_exactly_and_by_its_name(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let record = TokenRecord {
        caveats: r#"[{"type":"time","validUntil":1800000000}]"#.into(),
        valid_until: Some(1_800_000_000),
        custom_metadata: r#"{"purpose":"lab"}"#.into(),
        ..a_named_invite(&group, &owner, "lab invite", Some(7))
    };
    insert(store, &record).await;
    assert_eq!(store.get_token(&record.id).await, Ok(Some(record.clone())));
    assert_eq!(store.named_token_by_name(&owner, "lab invite").await, Ok(Some(record.clone())));
    assert_eq!(store.named_token_by_name(&owner, "other").await, Ok(None));
    let stranger = new_user(store, "stranger").await;
    assert_eq!(store.named_token_by_name(&stranger, "lab invite").await, Ok(None), "names are the issuer's");
    assert_eq!(store.token_and_user(&record.id).await, Ok(Some((record.clone(), None))));
    // A name needs an issuer: the trait's callers never store one without.
    let orphan = TokenRecord { issuer: None, ..a_named_invite(&group, &owner, "orphan", None) };
    assert!(matches!(store.insert_token(&orphan).await, Err(crate::store::StoreError::Backend(_))));
    assert_eq!(store.get_token(&orphan.id).await, Ok(None));
}

pub(crate) async fn names_are_unique_per_issuer_on_insert_and_on_rename(store: &dyn Store) {
    let (alice, bob) = (new_user(store, "alice").await, new_user(store, "bob").await);
    let group = new_group(store, &alice, "team").await;
    let first = a_named_invite(&group, &alice, "one", None);
    insert(store, &first).await;
    let clash = a_named_invite(&group, &alice, "one", None);
    assert_eq!(store.insert_token(&clash).await, Ok(TokenWrite::NameTaken));
    assert_eq!(store.get_token(&clash.id).await, Ok(None), "a refused token is not stored");
    insert(store, &a_named_invite(&group, &bob, "one", None)).await;
    // Unnamed invites of one issuer never clash.
    insert(store, &an_issued_invite(&group, &alice, None)).await;
    insert(store, &an_issued_invite(&group, &alice, None)).await;

    let second = a_named_invite(&group, &alice, "two", None);
    insert(store, &second).await;
    let rename = |name: &str| NamedTokenUpdate { name: Some(name.to_owned()), ..NamedTokenUpdate::default() };
    assert_eq!(store.update_named_token(&second.id, &rename("one")).await, Ok(TokenWrite::NameTaken));
    assert_eq!(store.get_token(&second.id).await.map(|t| t.and_then(|t| t.name)), Ok(Some("two".into())));
    assert_eq!(store.update_named_token(&second.id, &rename("two")).await, Ok(TokenWrite::Done), "its own name");
    assert_eq!(store.update_named_token(&first.id, &rename("three")).await, Ok(TokenWrite::Done));
    assert_eq!(store.named_token_by_name(&alice, "one").await, Ok(None), "the old name is free");
    assert_eq!(store.update_named_token(&second.id, &rename("one")).await, Ok(TokenWrite::Done));
    assert_eq!(store.named_token_by_name(&alice, "one").await.map(|t| t.map(|t| t.id)), Ok(Some(second.id)));
    assert_eq!(store.named_token_by_name(&alice, "three").await.map(|t| t.map(|t| t.id)), Ok(Some(first.id)));
}

pub(crate) async fn a_named_token_is_updated_revoked_and_unrevoked(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let token = a_named_invite(&group, &owner, "n", None);
    insert(store, &token).await;

    let metadata = NamedTokenUpdate { custom_metadata: Some(r#"{"a":1}"#.into()), ..NamedTokenUpdate::default() };
    assert_eq!(store.update_named_token(&token.id, &metadata).await, Ok(TokenWrite::Done));
    let read = store.get_token(&token.id).await.expect("read").expect("exists");
    assert_eq!((read.custom_metadata.as_str(), read.name.as_deref(), read.revoked), (r#"{"a":1}"#, Some("n"), false));

    let revoke = |revoked| NamedTokenUpdate { revoked: Some(revoked), ..NamedTokenUpdate::default() };
    assert_eq!(store.update_named_token(&token.id, &revoke(true)).await, Ok(TokenWrite::Done));
    let joiner = new_user(store, "joiner").await;
    assert_eq!(join(store, &token.id, &joiner).await, JoinOutcome::TokenUsedUp);
    assert_eq!(store.membership(&group, &joiner).await, Ok(None));
    assert_eq!(store.update_named_token(&token.id, &revoke(false)).await, Ok(TokenWrite::Done));
    assert_eq!(join(store, &token.id, &joiner).await, JoinOutcome::Joined(group.clone()));
    let read = store.get_token(&token.id).await.expect("read").expect("exists");
    assert_eq!((read.custom_metadata.as_str(), read.uses), (r#"{"a":1}"#, 1), "an update leaves the rest alone");

    assert_eq!(store.update_named_token("no such token", &revoke(true)).await, Ok(TokenWrite::Missing));
    let unnamed = an_issued_invite(&group, &owner, None);
    insert(store, &unnamed).await;
    assert_eq!(store.update_named_token(&unnamed.id, &revoke(true)).await, Ok(TokenWrite::Missing));
    assert_eq!(store.get_token(&unnamed.id).await.map(|t| t.map(|t| t.revoked)), Ok(Some(false)));
}

pub(crate) async fn deleting_tokens_deletes_their_join_records_and_only_the_issuers_named_ones(store: &dyn Store) {
    let (alice, bob) = (new_user(store, "alice").await, new_user(store, "bob").await);
    let group = new_group(store, &alice, "team").await;
    let a1 = a_named_invite(&group, &alice, "a1", None);
    let a2 = a_named_invite(&group, &alice, "a2", None);
    let b1 = a_named_invite(&group, &bob, "b1", None);
    let unnamed = an_issued_invite(&group, &alice, None);
    for record in [&a1, &a2, &b1, &unnamed] {
        insert(store, record).await;
    }
    let joiner = new_user(store, "joiner").await;
    assert_eq!(join(store, &a1.id, &joiner).await, JoinOutcome::Joined(group.clone()));
    let other = new_user(store, "other").await;
    assert_eq!(join(store, &unnamed.id, &other).await, JoinOutcome::Joined(group.clone()));
    assert_eq!(whole(store.token_joins(&a1.id, PageRequest::largest_first()).await).len(), 1);

    assert_eq!(store.delete_named_tokens(&alice).await, Ok(2));
    for gone in [&a1, &a2] {
        assert_eq!(store.get_token(&gone.id).await, Ok(None));
        assert_eq!(whole(store.token_joins(&gone.id, PageRequest::largest_first()).await), Vec::<JoinRecord>::new());
    }
    assert_eq!(whole(store.named_tokens(&alice, PageRequest::largest_first()).await), Vec::<String>::new());
    assert_eq!(whole(store.named_tokens(&bob, PageRequest::largest_first()).await), vec![b1.id.clone()]);
    assert!(matches!(store.get_token(&unnamed.id).await, Ok(Some(_))), "unnamed invites stay");
    assert_eq!(whole(store.token_joins(&unnamed.id, PageRequest::largest_first()).await).len(), 1);
    assert_eq!(store.membership(&group, &joiner).await.map(|m| m.is_some()), Ok(true), "memberships stay");
    // The name is free again.
    insert(store, &a_named_invite(&group, &alice, "a1", None)).await;

    assert_eq!(store.delete_token(&unnamed.id).await, Ok(true));
    assert_eq!(store.delete_token(&unnamed.id).await, Ok(false));
    assert_eq!(whole(store.token_joins(&unnamed.id, PageRequest::largest_first()).await), Vec::<JoinRecord>::new());
    assert_eq!(store.delete_named_tokens(&alice).await, Ok(1));
    assert_eq!(store.delete_named_tokens(&alice).await, Ok(0));
}

pub(crate) async fn deleting_a_user_deletes_its_named_tokens_and_its_other_invites_fail_the_issuer_check(
    store: &dyn Store,
) {
    let owner = new_user(store, "owner").await;
    let issuer = new_user(store, "issuer").await;
    let group = new_group(store, &owner, "team").await;
    assert_eq!(store.add_member(&group, &issuer, PrivilegeSet::all(), &owner).await.map(|_| ()), Ok(()));
    let named = a_named_invite(&group, &issuer, "n", None);
    let unnamed = an_issued_invite(&group, &issuer, None);
    insert(store, &named).await;
    insert(store, &unnamed).await;
    let joiner = new_user(store, "joiner").await;
    assert_eq!(join(store, &named.id, &joiner).await, JoinOutcome::Joined(group.clone()));

    assert_eq!(store.delete_user(&issuer).await, Ok(Guarded::Done));
    assert_eq!(store.get_token(&named.id).await, Ok(None));
    assert_eq!(whole(store.token_joins(&named.id, PageRequest::largest_first()).await), Vec::<JoinRecord>::new());
    assert!(matches!(store.get_token(&unnamed.id).await, Ok(Some(_))));
    let late = new_user(store, "late").await;
    assert_eq!(join(store, &unnamed.id, &late).await, JoinOutcome::IssuerNotAllowed);
    assert_eq!(uses(store, &unnamed.id).await, 0);
    assert_eq!(store.membership(&group, &late).await, Ok(None));
}

// --- a group's invites -----------------------------------------------------------------------

pub(crate) async fn a_groups_invites_leave_out_revoked_used_up_and_expired_ones(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let elsewhere = new_group(store, &owner, "elsewhere").await;
    let now = 1_800_000_000;

    let live = an_issued_invite(&group, &owner, None);
    let named = a_named_invite(&group, &owner, "live", Some(2));
    let for_groups = TokenRecord { issuer: Some(owner.clone()), ..a_group_invite(&group, Some(1)) };
    let revoked = TokenRecord { revoked: true, ..an_issued_invite(&group, &owner, None) };
    let used_up = TokenRecord { uses: 1, ..an_issued_invite(&group, &owner, Some(1)) };
    let expired = TokenRecord { valid_until: Some(now), ..an_issued_invite(&group, &owner, None) };
    let expiring = TokenRecord { valid_until: Some(now + 1), ..an_issued_invite(&group, &owner, None) };
    let old = an_invite(&group, Some(1));
    let other = an_issued_invite(&elsewhere, &owner, None);
    for record in [&live, &named, &for_groups, &revoked, &used_up, &expired, &expiring, &old, &other] {
        insert(store, record).await;
    }
    insert(store, &crate::store::fixtures::an_access_token("owner-access", &owner)).await;

    let listed = whole(store.group_invites(&group, now, PageRequest::largest_first()).await);
    assert_eq!(ids(&listed), ids(&[live.clone(), named.clone(), for_groups.clone(), expiring.clone(), old.clone()]));
    assert_eq!(listed[1], named, "whole records");
    let later = whole(store.group_invites(&group, now + 1, PageRequest::largest_first()).await);
    assert_eq!(ids(&later), ids(&[live.clone(), named.clone(), for_groups.clone(), old.clone()]));

    // A join that spends the last use takes the invite out of the list.
    let joiner = new_user(store, "joiner").await;
    assert_eq!(join(store, &old.id, &joiner).await, JoinOutcome::Joined(group.clone()));
    let after_join = whole(store.group_invites(&group, now + 1, PageRequest::largest_first()).await);
    assert_eq!(ids(&after_join), ids(&[live, named, for_groups]));
    assert_eq!(ids(&whole(store.group_invites(&elsewhere, now, PageRequest::largest_first()).await)), ids(&[other]));
}

pub(crate) async fn named_tokens_invites_and_join_records_are_paged(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let (other, elsewhere) = (new_user(store, "other").await, new_group(store, &owner, "elsewhere").await);
    let mut named = Vec::new();
    for i in 0..7 {
        let record = a_named_invite(&group, &owner, &format!("n{i}"), None);
        insert(store, &record).await;
        named.push(record.id.clone());
        // Unnamed invites and others' named tokens between them are not the owner's named
        // tokens, and invites into another group are not this group's invites.
        insert(store, &an_issued_invite(&group, &owner, None)).await;
        insert(store, &a_named_invite(&elsewhere, &other, &format!("o{i}"), None)).await;
    }
    assert_eq!(whole(store.named_tokens(&owner, PageRequest::largest_first()).await), named);
    for limit in [1, 3, 7, 8] {
        assert_eq!(walk(limit, |p| store.named_tokens(&owner, p)).await, named, "pages of {limit}");
    }
    let invites = whole(store.group_invites(&group, 0, PageRequest::largest_first()).await);
    assert_eq!(invites.len(), 14);
    for limit in [1, 4, 14, 20] {
        assert_eq!(walk(limit, |p| store.group_invites(&group, 0, p)).await, invites, "pages of {limit}");
    }

    let mut joiners = Vec::new();
    for i in 0..5 {
        let joiner = new_user(store, &format!("joiner {i}")).await;
        assert_eq!(join(store, &named[0], &joiner).await, JoinOutcome::Joined(group.clone()));
        joiners.push(Joiner::User(joiner));
    }
    let records = whole(store.token_joins(&named[0], PageRequest::largest_first()).await);
    assert_eq!(records.iter().map(|r| r.joiner.clone()).collect::<Vec<_>>(), joiners, "in join order");
    for limit in [1, 2, 5, 6] {
        assert_eq!(walk(limit, |p| store.token_joins(&named[0], p)).await, records, "pages of {limit}");
    }
}

// --- the issuer check ------------------------------------------------------------------------

pub(crate) async fn an_issuer_who_left_or_lost_the_invite_privilege_is_not_allowed(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let issuer = new_user(store, "issuer").await;
    let inviting = PrivilegeSet::from_iter([Privilege::InviteUser, Privilege::ViewData]);
    assert_eq!(store.add_member(&group, &issuer, inviting, &owner).await.map(|_| ()), Ok(()));
    let invite = an_issued_invite(&group, &issuer, None);
    insert(store, &invite).await;
    let first = new_user(store, "first").await;
    assert_eq!(join(store, &invite.id, &first).await, JoinOutcome::Joined(group.clone()));

    // It loses group_invite_user.
    assert_eq!(store.set_privileges(&group, &issuer, PrivilegeSet::default_member()).await, Ok(Guarded::Done));
    let second = new_user(store, "second").await;
    assert_eq!(join(store, &invite.id, &second).await, JoinOutcome::IssuerNotAllowed);
    assert_eq!((uses(store, &invite.id).await, store.membership(&group, &second).await), (1, Ok(None)));
    assert_eq!(
        whole(store.token_joins(&invite.id, PageRequest::largest_first()).await).len(),
        1,
        "no record without a use"
    );

    // It gets it back, then leaves the group.
    assert_eq!(store.set_privileges(&group, &issuer, inviting).await, Ok(Guarded::Done));
    assert_eq!(join(store, &invite.id, &second).await, JoinOutcome::Joined(group.clone()));
    assert_eq!(store.remove_member(&group, &issuer).await, Ok(Guarded::Done));
    let third = new_user(store, "third").await;
    assert_eq!(join(store, &invite.id, &third).await, JoinOutcome::IssuerNotAllowed);

    // A group invite is checked alike (group_invite_group), in the nested join.
    let child = new_group(store, &owner, "child").await;
    let group_invite = TokenRecord { issuer: Some(issuer.clone()), ..a_group_invite(&group, None) };
    insert(store, &group_invite).await;
    assert_eq!(store.link_with_token(&group_invite.id, &child).await, Ok(LinkOutcome::IssuerNotAllowed));
    assert_eq!(store.link(&group, &child).await, Ok(None));
    assert_eq!(uses(store, &group_invite.id).await, 0);
    let invites_groups = PrivilegeSet::from_iter([Privilege::InviteGroup]);
    assert_eq!(store.add_member(&group, &issuer, invites_groups, &owner).await.map(|_| ()), Ok(()));
    assert_eq!(store.link_with_token(&group_invite.id, &child).await, Ok(LinkOutcome::Linked(group.clone())));
    // group_invite_group does not open user invites.
    assert_eq!(join(store, &invite.id, &third).await, JoinOutcome::IssuerNotAllowed);
}

pub(crate) async fn an_issuer_allowed_through_a_parent_group_or_the_zone_privilege_passes(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let (parent, child) = (new_group(store, &owner, "parent").await, new_group(store, &owner, "child").await);
    // The issuer holds group_invite_user in `parent` only through `child`'s link.
    let issuer = new_user(store, "issuer").await;
    assert_eq!(store.add_member(&child, &issuer, PrivilegeSet::default_member(), &owner).await.map(|_| ()), Ok(()));
    let link = TokenRecord {
        grant: crate::store::TokenGrant::GroupInviteGroup {
            group: parent.clone(),
            privileges: PrivilegeSet::from_iter([Privilege::InviteUser]),
        },
        ..a_group_invite(&parent, Some(1))
    };
    insert(store, &link).await;
    assert_eq!(store.link_with_token(&link.id, &child).await, Ok(LinkOutcome::Linked(parent.clone())));
    let invite = an_issued_invite(&parent, &issuer, None);
    insert(store, &invite).await;
    let joiner = new_user(store, "joiner").await;
    assert_eq!(join(store, &invite.id, &joiner).await, JoinOutcome::Joined(parent.clone()));

    // An admin who is no member, holding the zone privilege directly, then through a group.
    let admin = new_user(store, "admin").await;
    let zone = ZonePrivilegeSet::from_iter([ZonePrivilege::GroupsAddMembers]);
    assert_eq!(store.change_zone_privileges(&ZoneHolder::User(admin.clone()), ZoneChange::Set(zone)).await, Ok(true));
    let by_admin = an_issued_invite(&parent, &admin, None);
    insert(store, &by_admin).await;
    let second = new_user(store, "second").await;
    assert_eq!(join(store, &by_admin.id, &second).await, JoinOutcome::Joined(parent.clone()));
    let empty = ZoneChange::Set(ZonePrivilegeSet::empty());
    assert_eq!(store.change_zone_privileges(&ZoneHolder::User(admin.clone()), empty).await, Ok(true));
    let third = new_user(store, "third").await;
    assert_eq!(join(store, &by_admin.id, &third).await, JoinOutcome::IssuerNotAllowed);
    let admins = new_group(store, &owner, "admins").await;
    assert_eq!(store.change_zone_privileges(&ZoneHolder::Group(admins.clone()), ZoneChange::Set(zone)).await, Ok(true));
    assert_eq!(store.add_member(&admins, &admin, PrivilegeSet::default_member(), &owner).await.map(|_| ()), Ok(()));
    assert_eq!(join(store, &by_admin.id, &third).await, JoinOutcome::Joined(parent.clone()));
}

pub(crate) async fn an_invite_granting_more_than_a_member_needs_an_issuer_who_may_set_privileges(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let issuer = new_user(store, "issuer").await;
    let managing = PrivilegeSet::from_iter([Privilege::InviteUser, Privilege::SetPrivileges]);
    assert_eq!(store.add_member(&group, &issuer, managing, &owner).await.map(|_| ()), Ok(()));
    let extra = PrivilegeSet::default_member().union(PrivilegeSet::from_iter([Privilege::RemoveUser]));
    let generous = TokenRecord { issuer: Some(issuer.clone()), ..an_invite_granting(&group, extra, None) };
    let plain = an_issued_invite(&group, &issuer, None);
    insert(store, &generous).await;
    insert(store, &plain).await;
    let first = new_user(store, "first").await;
    assert_eq!(join(store, &generous.id, &first).await, JoinOutcome::Joined(group.clone()));
    assert_eq!(store.membership(&group, &first).await, Ok(Some(extra)));

    let inviting = PrivilegeSet::from_iter([Privilege::InviteUser]);
    assert_eq!(store.set_privileges(&group, &issuer, inviting).await, Ok(Guarded::Done));
    let second = new_user(store, "second").await;
    assert_eq!(join(store, &generous.id, &second).await, JoinOutcome::IssuerNotAllowed);
    assert_eq!(join(store, &plain.id, &second).await, JoinOutcome::Joined(group.clone()), "the default set needs less");
}

/// Adding members does not give the right to hand out privileges: an issuer who is no member
/// needs `set_privileges` with `oz_groups_add_members` in the zone for an invite carrying more
/// than the default, held directly or through groups, in any mix; for a nested join too.
pub(crate) async fn an_invite_granting_more_needs_set_privileges_in_the_zone_beside_adding_members(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let adder = new_user(store, "adder").await;
    let adding = ZonePrivilegeSet::from_iter([ZonePrivilege::GroupsAddMembers]);
    assert_eq!(store.change_zone_privileges(&ZoneHolder::User(adder.clone()), ZoneChange::Set(adding)).await, Ok(true));
    let extra = PrivilegeSet::default_member().union(PrivilegeSet::from_iter([Privilege::SetPrivileges]));
    let generous = TokenRecord { issuer: Some(adder.clone()), ..an_invite_granting(&group, extra, None) };
    let plain = an_issued_invite(&group, &adder, None);
    insert(store, &generous).await;
    insert(store, &plain).await;
    let (first, second) = (new_user(store, "first").await, new_user(store, "second").await);
    assert_eq!(join(store, &generous.id, &first).await, JoinOutcome::IssuerNotAllowed);
    assert_eq!(store.membership(&group, &first).await, Ok(None));
    assert_eq!(uses(store, &generous.id).await, 0);
    assert_eq!(join(store, &plain.id, &second).await, JoinOutcome::Joined(group.clone()), "the default set needs less");
    // set_privileges through a group, oz_groups_add_members directly: together they do.
    let setters = new_group(store, &owner, "setters").await;
    let setting = ZonePrivilegeSet::from_iter([ZonePrivilege::SetPrivileges]);
    let holder = ZoneHolder::Group(setters.clone());
    assert_eq!(store.change_zone_privileges(&holder, ZoneChange::Set(setting)).await, Ok(true));
    assert_eq!(store.add_member(&setters, &adder, PrivilegeSet::default_member(), &owner).await.map(|_| ()), Ok(()));
    assert_eq!(join(store, &generous.id, &first).await, JoinOutcome::Joined(group.clone()));
    assert_eq!(store.membership(&group, &first).await, Ok(Some(extra)));
    // A group invite carrying more, in the nested join: the same rule.
    let child = new_group(store, &owner, "child").await;
    let linking = TokenRecord {
        issuer: Some(adder.clone()),
        grant: crate::store::TokenGrant::GroupInviteGroup { group: group.clone(), privileges: extra },
        ..a_group_invite(&group, Some(1))
    };
    insert(store, &linking).await;
    assert_eq!(store.remove_member(&setters, &adder).await, Ok(Guarded::Done));
    assert_eq!(store.link_with_token(&linking.id, &child).await, Ok(LinkOutcome::IssuerNotAllowed));
    let both = adding.union(setting);
    assert_eq!(store.change_zone_privileges(&ZoneHolder::User(adder.clone()), ZoneChange::Set(both)).await, Ok(true));
    assert_eq!(store.link_with_token(&linking.id, &child).await, Ok(LinkOutcome::Linked(group.clone())));
}

pub(crate) async fn checks_run_in_order_unknown_retry_used_up_group_gone_issuer_already_member(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let issuer = new_user(store, "issuer").await;
    let group = new_group(store, &owner, "team").await;
    // An issuer without any privilege in the group: every join below that gets as far as the
    // issuer check is refused by it.
    let invite = an_issued_invite(&group, &issuer, Some(1));
    insert(store, &invite).await;
    let joiner = new_user(store, "joiner").await;
    assert_eq!(join(store, &invite.id, &owner).await, JoinOutcome::IssuerNotAllowed, "issuer before already member");
    assert_eq!(join(store, &invite.id, &joiner).await, JoinOutcome::IssuerNotAllowed);
    assert_eq!(store.add_member(&group, &issuer, PrivilegeSet::all(), &owner).await.map(|_| ()), Ok(()));
    assert_eq!(join(store, &invite.id, &owner).await, JoinOutcome::AlreadyMember, "got in otherwise");
    assert_eq!(join(store, &invite.id, &joiner).await, JoinOutcome::Joined(group.clone()));
    assert_eq!(store.remove_member(&group, &issuer).await, Ok(Guarded::Done));
    // Used up, and the issuer lost its right: the retry still answers, before both.
    assert_eq!(join(store, &invite.id, &joiner).await, JoinOutcome::Rejoined(group.clone()));
    let late = new_user(store, "late").await;
    assert_eq!(join(store, &invite.id, &late).await, JoinOutcome::TokenUsedUp, "used up before the issuer");

    // The group gone before the issuer.
    let doomed = new_group(store, &owner, "doomed").await;
    let into_doomed = an_issued_invite(&doomed, &issuer, None);
    insert(store, &into_doomed).await;
    assert_eq!(store.delete_group(&doomed).await, Ok(Guarded::Done));
    assert_eq!(join(store, &into_doomed.id, &late).await, JoinOutcome::GroupGone);
    // A retry after the membership ended is a new join.
    assert_eq!(store.remove_member(&group, &joiner).await, Ok(Guarded::Done));
    assert_eq!(join(store, &invite.id, &joiner).await, JoinOutcome::TokenUsedUp);
}

// --- origins and join records ----------------------------------------------------------------

pub(crate) async fn a_memberships_origin_says_how_it_was_made(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    assert_eq!(store.member_origin(&group, &owner).await, Ok(Some(Origin::Created)));
    let added = new_user(store, "added").await;
    assert_eq!(store.add_member(&group, &added, PrivilegeSet::default_member(), &owner).await.map(|_| ()), Ok(()));
    assert_eq!(store.member_origin(&group, &added).await, Ok(Some(Origin::Added { by: owner.clone() })));

    let invite = an_issued_invite(&group, &owner, None);
    insert(store, &invite).await;
    let joiner = new_user(store, "joiner").await;
    assert_eq!(join(store, &invite.id, &joiner).await, JoinOutcome::Joined(group.clone()));
    let through_invite = Origin::Invite { token: invite.id.clone(), issuer: Some(owner.clone()) };
    assert_eq!(store.member_origin(&group, &joiner).await, Ok(Some(through_invite)));
    let old = an_invite(&group, None);
    insert(store, &old).await;
    let early = new_user(store, "early").await;
    assert_eq!(join(store, &old.id, &early).await, JoinOutcome::Joined(group.clone()));
    assert_eq!(store.member_origin(&group, &early).await, Ok(Some(Origin::Invite { token: old.id, issuer: None })));

    let stranger = new_user(store, "stranger").await;
    assert_eq!(store.member_origin(&group, &stranger).await, Ok(None));
    assert_eq!(store.member_origin(&GroupId::generate(), &owner).await, Ok(None));

    // A re-join overwrites the origin: added again after leaving.
    assert_eq!(store.remove_member(&group, &joiner).await, Ok(Guarded::Done));
    assert_eq!(store.member_origin(&group, &joiner).await, Ok(None));
    assert_eq!(store.add_member(&group, &joiner, PrivilegeSet::default_member(), &added).await.map(|_| ()), Ok(()));
    assert_eq!(store.member_origin(&group, &joiner).await, Ok(Some(Origin::Added { by: added })));
    // Then the token it first used is no retry any more: it is a member that got in otherwise.
    assert_eq!(join(store, &invite.id, &joiner).await, JoinOutcome::AlreadyMember);
}

pub(crate) async fn join_records_are_written_for_joins_and_nested_joins_and_outlive_the_membership(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let privileges = PrivilegeSet::from_iter([Privilege::ViewData, Privilege::InviteUser]);
    let invite = TokenRecord { issuer: Some(owner.clone()), ..an_invite_granting(&group, privileges, None) };
    insert(store, &invite).await;
    let before = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("time").as_secs();
    let joiner = new_user(store, "joiner").await;
    assert_eq!(join(store, &invite.id, &joiner).await, JoinOutcome::Joined(group.clone()));
    assert_eq!(join(store, &invite.id, &joiner).await, JoinOutcome::Rejoined(group.clone()));
    assert_eq!(join(store, &invite.id, &owner).await, JoinOutcome::AlreadyMember);
    let records = whole(store.token_joins(&invite.id, PageRequest::largest_first()).await);
    assert_eq!(records.len(), 1, "a record exactly when a use was counted");
    let record = &records[0];
    assert_eq!(
        (&record.token_id, &record.group, &record.joiner, record.privileges),
        (&invite.id, &group, &Joiner::User(joiner.clone()), privileges)
    );
    let after = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).expect("time").as_secs();
    assert!((before..=after + 1).contains(&record.joined_at), "joined at the time of the join");

    assert_eq!(store.remove_member(&group, &joiner).await, Ok(Guarded::Done));
    assert_eq!(
        whole(store.token_joins(&invite.id, PageRequest::largest_first()).await),
        records,
        "history outlives the membership"
    );
    assert_eq!(join(store, &invite.id, &joiner).await, JoinOutcome::Joined(group.clone()), "joins again");
    assert_eq!(whole(store.token_joins(&invite.id, PageRequest::largest_first()).await).len(), 2);
    assert_eq!(uses(store, &invite.id).await, 2);

    let child = new_group(store, &owner, "child").await;
    let group_invite = TokenRecord { issuer: Some(owner.clone()), ..a_group_invite(&group, Some(1)) };
    insert(store, &group_invite).await;
    assert_eq!(store.link_with_token(&group_invite.id, &child).await, Ok(LinkOutcome::Linked(group.clone())));
    assert_eq!(store.link_with_token(&group_invite.id, &child).await, Ok(LinkOutcome::Relinked(group.clone())));
    let nested = whole(store.token_joins(&group_invite.id, PageRequest::largest_first()).await);
    assert_eq!(nested.len(), 1);
    assert_eq!(
        (&nested[0].group, &nested[0].joiner, nested[0].privileges),
        (&group, &Joiner::Group(child.clone()), PrivilegeSet::default_member())
    );
    assert_eq!(store.unlink(&group, &child).await, Ok(Guarded::Done));
    assert_eq!(
        whole(store.token_joins(&group_invite.id, PageRequest::largest_first()).await),
        nested,
        "kept after the unlink"
    );
    assert_eq!(store.link_with_token(&group_invite.id, &child).await, Ok(LinkOutcome::TokenUsedUp));

    assert_eq!(store.delete_token(&group_invite.id).await, Ok(true));
    assert_eq!(
        whole(store.token_joins(&group_invite.id, PageRequest::largest_first()).await),
        Vec::<JoinRecord>::new()
    );
    assert_eq!(store.delete_token(&invite.id).await, Ok(true));
    assert_eq!(whole(store.token_joins(&invite.id, PageRequest::largest_first()).await), Vec::<JoinRecord>::new());
    assert_eq!(store.join_with_token(&invite.id, &owner).await, Ok(JoinOutcome::TokenUnknown));
}

// --- concurrency -----------------------------------------------------------------------------

/// `joiners` new users and one stored invite with `max_uses` and the owner as issuer.
async fn racers(store: &dyn Store, max_uses: Option<u32>, joiners: usize) -> (GroupId, TokenRecord, Vec<UserId>) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let invite = a_named_invite(&group, &owner, "race", max_uses);
    insert(store, &invite).await;
    let mut users = Vec::with_capacity(joiners);
    for i in 0..joiners {
        let user = a_user(&format!("racer {i}"));
        store.create_user(&user).await.expect("create racer");
        users.push(user.id);
    }
    (group, invite, users)
}

pub(crate) async fn an_invite_with_k_uses_admits_exactly_k_of_ten_k_racing_users(store: Arc<dyn Store>) {
    for k in [1_u32, 4] {
        let (group, invite, users) = racers(&*store, Some(k), 10 * k as usize).await;
        let barrier = Arc::new(tokio::sync::Barrier::new(users.len()));
        let tasks: Vec<_> = users
            .iter()
            .map(|user| {
                let (store, barrier, token, user) = (store.clone(), barrier.clone(), invite.id.clone(), user.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    store.join_with_token(&token, &user).await
                })
            })
            .collect();
        let mut joined = Vec::new();
        for (user, result) in users.iter().zip(futures::future::join_all(tasks).await) {
            match result.expect("the task finishes").expect("the join succeeds") {
                JoinOutcome::Joined(g) if g == group => joined.push(Joiner::User(user.clone())),
                JoinOutcome::TokenUsedUp => {}
                other => panic!("unexpected outcome {other:?}"),
            }
        }
        assert_eq!(joined.len(), k as usize, "exactly k admitted");
        assert_eq!(uses(&*store, &invite.id).await, k);
        let mut recorded: Vec<Joiner> = whole(store.token_joins(&invite.id, PageRequest::largest_first()).await)
            .into_iter()
            .map(|r| r.joiner)
            .collect();
        let key = |j: &Joiner| format!("{j:?}");
        recorded.sort_by_key(key);
        joined.sort_by_key(key);
        assert_eq!(recorded, joined, "one record per admission");
        assert_eq!(store.group_users(&group).await.map(|u| u.len()), Ok(k as usize + 1));
    }
}

pub(crate) async fn joins_racing_a_revocation_admit_no_one_after_it(store: Arc<dyn Store>) {
    let (group, invite, users) = racers(&*store, None, 60).await;
    let (before, after) = users.split_at(40);
    let barrier = Arc::new(tokio::sync::Barrier::new(before.len() + 1));
    let spawn_join = |user: &UserId, barrier: Option<Arc<tokio::sync::Barrier>>| {
        let (store, token, user) = (store.clone(), invite.id.clone(), user.clone());
        tokio::spawn(async move {
            if let Some(barrier) = barrier {
                barrier.wait().await;
            }
            store.join_with_token(&token, &user).await.expect("the join succeeds")
        })
    };
    let racing: Vec<_> = before.iter().map(|u| spawn_join(u, Some(barrier.clone()))).collect();
    let revoke = NamedTokenUpdate { revoked: Some(true), ..NamedTokenUpdate::default() };
    barrier.wait().await;
    assert_eq!(store.update_named_token(&invite.id, &revoke).await, Ok(TokenWrite::Done));
    // Every join that starts once the revocation returned admits no one.
    let late: Vec<_> = after.iter().map(|u| spawn_join(u, None)).collect();
    for outcome in futures::future::join_all(late).await {
        assert_eq!(outcome.expect("the task finishes"), JoinOutcome::TokenUsedUp);
    }
    let mut admitted = 0;
    for outcome in futures::future::join_all(racing).await {
        match outcome.expect("the task finishes") {
            JoinOutcome::Joined(_) => admitted += 1,
            JoinOutcome::TokenUsedUp => {}
            other => panic!("unexpected outcome {other:?}"),
        }
    }
    assert_eq!(uses(&*store, &invite.id).await as usize, admitted);
    assert_eq!(whole(store.token_joins(&invite.id, PageRequest::largest_first()).await).len(), admitted);
    assert_eq!(store.group_users(&group).await.map(|u| u.len()), Ok(admitted + 1));
    for user in after {
        assert_eq!(store.membership(&group, user).await, Ok(None));
    }
}

/// Many renames of an issuer's named tokens to one name, and inserts of it, racing: exactly one
/// takes the name, every other one is told `NameTaken` (never a store error), and the name
/// belongs to the one that took it.
pub(crate) async fn renames_and_inserts_racing_for_one_name_give_it_to_exactly_one(store: Arc<dyn Store>) {
    let alice = new_user(&*store, "alice").await;
    let group = new_group(&*store, &alice, "team").await;
    let mut tokens = Vec::new();
    for n in 0..12 {
        let token = a_named_invite(&group, &alice, &format!("token-{n}"), None);
        insert(&*store, &token).await;
        tokens.push(token);
    }
    let barrier = Arc::new(tokio::sync::Barrier::new(tokens.len() + 4));
    let mut racing = Vec::new();
    for token in &tokens {
        let (store, barrier, id) = (store.clone(), barrier.clone(), token.id.clone());
        racing.push(tokio::spawn(async move {
            barrier.wait().await;
            let rename = NamedTokenUpdate { name: Some("shared".into()), ..NamedTokenUpdate::default() };
            (id.clone(), store.update_named_token(&id, &rename).await)
        }));
    }
    for _ in 0..4 {
        let (store, barrier) = (store.clone(), barrier.clone());
        let token = a_named_invite(&group, &alice, "shared", None);
        racing.push(tokio::spawn(async move {
            barrier.wait().await;
            (token.id.clone(), store.insert_token(&token).await)
        }));
    }
    let mut winners = Vec::new();
    for outcome in futures::future::join_all(racing).await {
        match outcome.expect("the task finishes") {
            (id, Ok(TokenWrite::Done)) => winners.push(id),
            (_, Ok(TokenWrite::NameTaken)) => {}
            (_, other) => panic!("a racer for a name was told {other:?}"),
        }
    }
    assert_eq!(winners.len(), 1, "exactly one racer takes the name");
    let holder = store.named_token_by_name(&alice, "shared").await.expect("read").map(|t| t.id);
    assert_eq!(holder.as_ref(), Some(&winners[0]));
}
