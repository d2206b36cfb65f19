//! The `Store` contract as one test suite, run against every backend (the object_store
//! pattern): each function below states one rule of the trait's documentation. Backend-specific
//! behaviour (files, pragmas, migrations) is tested beside its backend, not here.

mod named;

use std::sync::Arc;

use self::named::*;
use super::fixtures::postgres_database;
use super::fixtures::{
    a_group, a_group_invite, a_user, an_access_token, an_invite_granting, name, nest, new_group, new_group_invite,
    new_invite, new_user, race_cycle_closing_links, race_group_invite, race_joins, race_last_managers_leaving,
    race_last_member_leaving_and_joins, race_link_changes_and_check_the_closure, race_user_and_child_managers_leaving,
    uses,
};
use super::memory::MemoryStore;
use super::postgres::PostgresStore;
use super::sqlite::SqliteStore;
use super::StoreResult;
use super::{AddOutcome, Guarded, JoinOutcome, LinkOutcome, Store, StoreError, TokenGrant, TokenRecord, UserUpdate};
use crate::domain::{
    Cursor, Group, GroupId, GroupType, Login, Page, PageRequest, Privilege, PrivilegeSet, User, UserId, ZoneChange,
    ZoneHolder, ZonePrivilege, ZonePrivilegeSet,
};

// --- fixtures --------------------------------------------------------------------------------

async fn join(store: &dyn Store, token: &str, user: &UserId) -> JoinOutcome {
    store.join_with_token(token, user).await.expect("join")
}

// --- users -----------------------------------------------------------------------------------

pub(crate) async fn users_are_found_by_name_or_alias_in_creation_order(store: &dyn Store) {
    let mut first = a_user("sam");
    first.alias = Some(name("s1"));
    store.create_user(&first).await.expect("create the first sam");
    let mut second = a_user("samantha");
    second.alias = Some(name("sam"));
    store.create_user(&second).await.expect("create samantha, alias sam");
    new_user(store, "other").await;
    assert_eq!(store.users_named("sam").await, Ok(vec![first.clone(), second.clone()]));
    assert_eq!(store.users_named("s1").await, Ok(vec![first.clone()]));
    assert_eq!(store.users_named("Sam").await, Ok(vec![]), "names match exactly");
    assert_eq!(store.users_named(first.login.as_str()).await, Ok(vec![first]), "a login finds its user too");
    assert_eq!(store.users_named("nobody").await, Ok(vec![]));
}

pub(crate) async fn the_first_key_fingerprint_claimed_is_kept_and_returned_to_later_claims(store: &dyn Store) {
    assert_eq!(store.key_fingerprint().await, Ok(None));
    assert_eq!(store.claim_key_fingerprint("aaaa").await, Ok("aaaa".to_owned()));
    assert_eq!(store.claim_key_fingerprint("bbbb").await, Ok("aaaa".to_owned()), "the first claim stands");
    assert_eq!(store.key_fingerprint().await, Ok(Some("aaaa".to_owned())));
}

pub(crate) async fn a_write_probe_succeeds_on_a_writable_store_and_changes_nothing_visible(store: &dyn Store) {
    store.probe_write(1).await.expect("the first probe");
    store.probe_write(2).await.expect("a later probe rewrites the same row");
    assert_eq!(store.count_users().await, Ok(0));
    assert_eq!(store.key_fingerprint().await, Ok(None), "the probe is not the fingerprint");
}

pub(crate) async fn users_can_be_created_read_updated_and_counted(store: &dyn Store) {
    assert_eq!(store.count_users().await, Ok(0));
    let mut alice = a_user("alice");
    alice.alias = Some(name("al"));
    store.create_user(&alice).await.expect("create alice");
    let bob = new_user(store, "bob").await;
    assert_eq!(store.count_users().await, Ok(2));
    assert_eq!(store.get_user(&alice.id).await, Ok(Some(alice.clone())));
    assert_eq!(store.get_user(&UserId::generate()).await, Ok(None));

    // A new name leaves the alias alone.
    assert_eq!(store.update_user(&alice.id, Some(&name("Alice")), None).await, Ok(UserUpdate::Updated));
    alice.name = name("Alice");
    assert_eq!(store.get_user(&alice.id).await, Ok(Some(alice.clone())));

    // `Some(None)` clears the alias and leaves the name alone.
    assert_eq!(store.update_user(&alice.id, None, Some(None)).await, Ok(UserUpdate::Updated));
    alice.alias = None;
    assert_eq!(store.get_user(&alice.id).await, Ok(Some(alice.clone())));

    // `Some(Some(_))` sets it again; an update that changes nothing still finds the user.
    assert_eq!(store.update_user(&alice.id, None, Some(Some(&name("ally")))).await, Ok(UserUpdate::Updated));
    alice.alias = Some(name("ally"));
    assert_eq!(store.update_user(&alice.id, None, None).await, Ok(UserUpdate::Updated));
    assert_eq!(store.get_user(&alice.id).await, Ok(Some(alice.clone())));

    // Only the named user changes, and an unknown user is reported, not created.
    assert_eq!(store.get_user(&bob).await.map(|u| u.map(|u| u.name)), Ok(Some(name("bob"))));
    let nobody = UserId::generate();
    assert_eq!(store.update_user(&nobody, Some(&name("x")), None).await, Ok(UserUpdate::NoSuchUser));
    assert_eq!(store.get_user(&nobody).await, Ok(None));
    assert_eq!(store.count_users().await, Ok(2));
}

pub(crate) async fn logins_are_unique_and_a_taken_login_adds_nothing(store: &dyn Store) {
    let mut alice = a_user("alice");
    alice.login = Login::parse("alice").unwrap();
    assert_eq!(store.create_user(&alice).await, Ok(true));
    let mut other = a_user("another alice");
    other.login = alice.login.clone();
    assert_eq!(store.create_user(&other).await, Ok(false), "the login is taken");
    assert_eq!(store.get_user(&other.id).await, Ok(None));
    assert_eq!(store.count_users().await, Ok(1));
    other.login = Login::parse("alice-2").unwrap();
    assert_eq!(store.create_user(&other).await, Ok(true));
    assert_eq!(store.get_user(&other.id).await, Ok(Some(other)));
    assert_eq!(store.get_user(&alice.id).await.map(|u| u.map(|u| u.login)), Ok(Some(alice.login)));
}

pub(crate) async fn aliases_are_unique_and_a_user_may_set_its_own_again(store: &dyn Store) {
    let alice = new_user(store, "alice").await;
    let bob = new_user(store, "bob").await;
    let al = name("al");
    assert_eq!(store.update_user(&alice, None, Some(Some(&al))).await, Ok(UserUpdate::Updated));
    assert_eq!(store.update_user(&alice, None, Some(Some(&al))).await, Ok(UserUpdate::Updated), "its own again");
    // A taken alias changes nothing, not even the name sent with it.
    assert_eq!(store.update_user(&bob, Some(&name("Bob")), Some(Some(&al))).await, Ok(UserUpdate::AliasTaken));
    let read = store.get_user(&bob).await.unwrap().unwrap();
    assert_eq!((read.name, read.alias), (name("bob"), None));
    // Aliases match exactly, and any number of users have none.
    assert_eq!(store.update_user(&bob, None, Some(Some(&name("Al")))).await, Ok(UserUpdate::Updated));
    assert_eq!(store.update_user(&bob, None, Some(None)).await, Ok(UserUpdate::Updated));
    // Once cleared, an alias is free for someone else.
    assert_eq!(store.update_user(&alice, None, Some(None)).await, Ok(UserUpdate::Updated));
    assert_eq!(store.update_user(&bob, None, Some(Some(&al))).await, Ok(UserUpdate::Updated));
    assert_eq!(store.get_user(&bob).await.unwrap().unwrap().alias, Some(al));
}

pub(crate) async fn a_user_is_found_by_login_with_its_password_hash(store: &dyn Store) {
    let alice = a_user("alice");
    store.create_user(&alice).await.expect("create alice");
    new_user(store, "bob").await;
    assert_eq!(store.user_by_login(alice.login.as_str()).await, Ok(Some((alice.clone(), None))), "no password yet");
    assert_eq!(store.user_by_login("nobody").await, Ok(None));
    assert_eq!(store.user_by_login("alice").await, Ok(None), "the login, not the name");
    let hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";
    assert_eq!(store.set_password_hash(&alice.id, Some(hash)).await, Ok(true));
    assert_eq!(store.user_by_login(alice.login.as_str()).await, Ok(Some((alice.clone(), Some(hash.to_owned())))));
    assert_eq!(store.set_password_hash(&alice.id, None).await, Ok(true));
    assert_eq!(store.user_by_login(alice.login.as_str()).await, Ok(Some((alice, None))));
    assert_eq!(store.set_password_hash(&UserId::generate(), Some(hash)).await, Ok(false));
}

pub(crate) async fn creating_a_user_with_an_existing_id_is_a_backend_error(store: &dyn Store) {
    let alice = a_user("alice");
    store.create_user(&alice).await.expect("create alice");
    let clash = User { name: name("impostor"), login: Login::parse("impostor").unwrap(), ..alice.clone() };
    assert!(matches!(store.create_user(&clash).await, Err(StoreError::Backend(_))));
    assert_eq!(store.get_user(&alice.id).await, Ok(Some(alice)));
    assert_eq!(store.count_users().await, Ok(1));
}

// --- tokens ----------------------------------------------------------------------------------

pub(crate) async fn token_records_read_back_exactly_as_inserted(store: &dyn Store) {
    let access = an_access_token("access-token-1", &UserId::generate());
    let privileges = PrivilegeSet::from_iter([Privilege::InviteUser, Privilege::CreateSpaceToken]);
    let invite = TokenRecord {
        max_uses: Some(3),
        uses: 2,
        revoked: true,
        created_at: 1_800_000_000,
        ..an_invite_granting(&GroupId::generate(), privileges, None)
    };
    store.insert_token(&access).await.expect("insert access");
    store.insert_token(&invite).await.expect("insert invite");
    assert_eq!(store.get_token(&access.id).await, Ok(Some(access)));
    assert_eq!(store.get_token(&invite.id).await, Ok(Some(invite)));
    assert_eq!(store.get_token("no-such-token").await, Ok(None));
}

pub(crate) async fn a_token_is_read_with_its_user_in_one_call(store: &dyn Store) {
    let alice = new_user(store, "alice").await;
    let user = store.get_user(&alice).await.expect("read user").expect("alice exists");
    let access = TokenRecord { revoked: true, ..an_access_token("access-with-user", &alice) };
    // A token whose user was never stored (a store restored without its users, say).
    let orphan = TokenRecord {
        id: "access-orphan".into(),
        grant: TokenGrant::Access { user: UserId::generate() },
        revoked: false,
        ..access.clone()
    };
    let invite = an_invite_granting(&GroupId::generate(), PrivilegeSet::default_member(), Some(1));
    for record in [&access, &orphan, &invite] {
        store.insert_token(record).await.expect("insert token");
    }
    assert_eq!(store.token_and_user(&access.id).await, Ok(Some((access, Some(user)))));
    assert_eq!(store.token_and_user(&orphan.id).await, Ok(Some((orphan, None))));
    assert_eq!(store.token_and_user(&invite.id).await, Ok(Some((invite, None))));
    assert_eq!(store.token_and_user("no-such-token").await, Ok(None));
}

pub(crate) async fn a_duplicate_token_identifier_is_refused_without_naming_it(store: &dyn Store) {
    let record = an_invite_granting(&GroupId::generate(), PrivilegeSet::default_member(), Some(1));
    store.insert_token(&record).await.expect("insert invite");
    let again = TokenRecord { max_uses: None, ..record.clone() };
    match store.insert_token(&again).await {
        Err(StoreError::Backend(message)) => assert!(!message.contains(&record.id)),
        other => panic!("expected a backend error, got {other:?}"),
    }
    assert_eq!(store.get_token(&record.id).await, Ok(Some(record)));
}

pub(crate) async fn a_group_invite_keeps_its_privilege_bits_exactly(store: &dyn Store) {
    let set = PrivilegeSet::from_iter([Privilege::RemoveUser, Privilege::CreateSpaceToken]);
    let invite = an_invite_granting(&GroupId::generate(), set, Some(3));
    store.insert_token(&invite).await.expect("insert invite");
    assert_eq!(store.get_token(&invite.id).await, Ok(Some(invite)));
}

// --- groups ----------------------------------------------------------------------------------

pub(crate) async fn creating_a_group_makes_its_creator_a_member_with_the_given_privileges(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = a_group("team");
    let privileges = PrivilegeSet::from_iter([Privilege::ViewData, Privilege::SetPrivileges]);
    store.create_group(&group, &owner, privileges).await.expect("create group");
    assert_eq!(store.get_group(&group.id).await, Ok(Some(group.clone())));
    assert_eq!(store.membership(&group.id, &owner).await, Ok(Some(privileges)));
    assert_eq!(store.group_users(&group.id).await, Ok(vec![owner.clone()]));
    assert_eq!(store.user_groups(&owner).await, Ok(vec![group.id.clone()]));
    assert_eq!(store.list_groups().await, Ok(vec![group.id]));
}

pub(crate) async fn a_group_for_an_unknown_creator_is_refused_whole(store: &dyn Store) {
    // The trait leaves this implicit; both backends refuse it (SQLite by foreign key), and the
    // refusal must not leave a group without its creator behind.
    let group = a_group("orphan");
    let outcome = store.create_group(&group, &UserId::generate(), PrivilegeSet::all()).await;
    assert!(matches!(outcome, Err(StoreError::Backend(_))));
    assert_eq!(store.get_group(&group.id).await, Ok(None));
    assert_eq!(store.list_groups().await, Ok(vec![]));
}

pub(crate) async fn creating_a_group_with_an_existing_id_is_a_backend_error(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = a_group("team");
    store.create_group(&group, &owner, PrivilegeSet::all()).await.expect("create group");
    let clash = Group { name: name("other"), ..group.clone() };
    let other = new_user(store, "other").await;
    let outcome = store.create_group(&clash, &other, PrivilegeSet::all()).await;
    assert!(matches!(outcome, Err(StoreError::Backend(_))));
    assert_eq!(store.get_group(&group.id).await, Ok(Some(group.clone())));
    assert_eq!(store.group_users(&group.id).await, Ok(vec![owner]));
}

pub(crate) async fn groups_can_be_read_updated_and_deleted(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let mut group = a_group("team");
    store.create_group(&group, &owner, PrivilegeSet::all()).await.expect("create group");
    let other = new_group(store, &owner, "other").await;

    assert_eq!(store.update_group(&group.id, Some(&name("renamed")), None).await, Ok(true));
    group.name = name("renamed");
    assert_eq!(store.get_group(&group.id).await, Ok(Some(group.clone())));
    assert_eq!(store.update_group(&group.id, None, Some(GroupType::Organization)).await, Ok(true));
    group.kind = GroupType::Organization;
    assert_eq!(store.get_group(&group.id).await, Ok(Some(group.clone())));
    assert_eq!(store.update_group(&group.id, Some(&name("both")), Some(GroupType::Unit)).await, Ok(true));
    group.name = name("both");
    group.kind = GroupType::Unit;
    assert_eq!(store.get_group(&group.id).await, Ok(Some(group.clone())));
    assert_eq!(store.update_group(&group.id, None, None).await, Ok(true));

    let nowhere = GroupId::generate();
    assert_eq!(store.get_group(&nowhere).await, Ok(None));
    assert_eq!(store.update_group(&nowhere, Some(&name("x")), None).await, Ok(false));
    assert_eq!(store.delete_group(&nowhere).await, Ok(Guarded::Missing));

    // Deleting takes the group's memberships with it and leaves other groups alone.
    assert_eq!(store.delete_group(&group.id).await, Ok(Guarded::Done));
    assert_eq!(store.get_group(&group.id).await, Ok(None));
    assert_eq!(store.delete_group(&group.id).await, Ok(Guarded::Missing));
    assert_eq!(store.membership(&group.id, &owner).await, Ok(None));
    assert_eq!(store.group_users(&group.id).await, Ok(vec![]));
    assert_eq!(store.user_groups(&owner).await, Ok(vec![other.clone()]));
    assert_eq!(store.list_groups().await, Ok(vec![other]));
}

pub(crate) async fn a_deleted_groups_invite_survives_and_a_join_reports_the_group_gone(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let token = new_invite(store, &group, Some(1)).await;
    assert_eq!(store.delete_group(&group).await, Ok(Guarded::Done));

    let record = store.get_token(&token).await.expect("read token");
    assert!(record.is_some(), "the invite's record outlives its group");
    let joiner = new_user(store, "joiner").await;
    assert_eq!(join(store, &token, &joiner).await, JoinOutcome::GroupGone);
    assert_eq!(uses(store, &token).await, 0);
    assert_eq!(store.user_groups(&joiner).await, Ok(vec![]));
}

pub(crate) async fn groups_are_listed_in_creation_order(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let mut created = Vec::new();
    // Random ids, so an order that merely sorted ids would fail.
    for i in 0..8 {
        created.push(new_group(store, &owner, &format!("group {i}")).await);
    }
    assert_eq!(store.list_groups().await, Ok(created.clone()));
    assert_eq!(store.user_groups(&owner).await, Ok(created.clone()));

    let gone = created.remove(3);
    assert_eq!(store.delete_group(&gone).await, Ok(Guarded::Done));
    created.push(new_group(store, &owner, "latest").await);
    assert_eq!(store.list_groups().await, Ok(created));
}

pub(crate) async fn memberships_are_listed_in_join_order(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let a = new_group(store, &owner, "a").await;
    let b = new_group(store, &owner, "b").await;
    let c = new_group(store, &owner, "c").await;
    let (first, second) = (new_user(store, "first").await, new_user(store, "second").await);

    // `first` joins in the order c, a, b: not creation order, not id order.
    for group in [&c, &a, &b] {
        let token = new_invite(store, group, None).await;
        assert_eq!(join(store, &token, &first).await, JoinOutcome::Joined(group.clone()));
        assert_eq!(join(store, &token, &second).await, JoinOutcome::Joined(group.clone()));
    }
    assert_eq!(store.user_groups(&first).await, Ok(vec![c.clone(), a.clone(), b.clone()]));
    assert_eq!(store.group_users(&a).await, Ok(vec![owner.clone(), first.clone(), second.clone()]));

    // Leaving and joining again puts the membership last: it is a new membership.
    assert_eq!(store.remove_member(&c, &first).await, Ok(Guarded::Done));
    let token = new_invite(store, &c, Some(1)).await;
    assert_eq!(join(store, &token, &first).await, JoinOutcome::Joined(c.clone()));
    assert_eq!(store.user_groups(&first).await, Ok(vec![a, b, c.clone()]));
    assert_eq!(store.group_users(&c).await, Ok(vec![owner, second, first]));
}

// --- pages of the lists ------------------------------------------------------------------------

fn page_of(after: Option<Cursor>, limit: u32) -> PageRequest {
    PageRequest::new(after, limit).expect("a page size within bounds")
}

/// Every page of a list, first to last, `limit` items at a time: a page before the last is full
/// and names a cursor; the last one names none.
async fn walk<T, F, Fut>(limit: u32, mut read: F) -> Vec<Vec<T>>
where
    F: FnMut(PageRequest) -> Fut,
    Fut: std::future::Future<Output = StoreResult<Page<T>>>,
{
    let mut pages = Vec::new();
    let mut after = None;
    loop {
        let page = read(page_of(after, limit)).await.expect("a page");
        let full = page.items.len() == limit as usize;
        pages.push(page.items);
        match page.next {
            Some(next) => {
                assert!(full, "a page that names a next one is full");
                after = Some(next);
            }
            None => return pages,
        }
        assert!(pages.len() <= 100, "the walk does not end");
    }
}

pub(crate) async fn pages_of_every_list_concatenate_to_the_whole_list(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let mut groups = Vec::new();
    for i in 0..7 {
        groups.push(new_group(store, &owner, &format!("group {i}")).await);
    }
    let mut members = vec![owner.clone()];
    for i in 0..4 {
        let user = new_user(store, &format!("member {i}")).await;
        let token = new_invite(store, &groups[2], None).await;
        assert_eq!(join(store, &token, &user).await, JoinOutcome::Joined(groups[2].clone()));
        members.push(user);
    }
    assert_eq!(store.list_groups().await, Ok(groups.clone()));
    for limit in [1, 2, 3, 7, 8, 1000] {
        let pages = walk(limit, |page| store.list_groups_page(page)).await;
        assert_eq!(pages.len(), groups.len().div_ceil(limit as usize).max(1), "limit {limit}");
        assert_eq!(pages.concat(), groups, "groups, limit {limit}");
        let pages = walk(limit, |page| store.user_groups_page(&owner, page)).await;
        assert_eq!(pages.concat(), groups, "the owner's groups, limit {limit}");
        let pages = walk(limit, |page| store.group_users_page(&groups[2], page)).await;
        assert_eq!(pages.concat(), members, "members, limit {limit}");
    }
    // A list with nothing in it is one empty page.
    let nobody = UserId::generate();
    assert_eq!(store.user_groups_page(&nobody, page_of(None, 5)).await, Ok(Page { items: vec![], next: None }));
    assert_eq!(store.group_users_page(&GroupId::generate(), page_of(None, 5)).await, Ok(Page::whole(vec![])));
}

pub(crate) async fn a_cursor_outlives_its_item_and_later_items_come_after_it(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let (a, b, c) =
        (new_group(store, &owner, "a").await, new_group(store, &owner, "b").await, new_group(store, &owner, "c").await);
    let first = store.list_groups_page(page_of(None, 2)).await.expect("first page");
    assert_eq!(first.items, vec![a.clone(), b.clone()]);
    let cursor = first.next.expect("c follows");

    // The item the cursor marks goes, and a new one comes, between two pages.
    assert_eq!(store.delete_group(&b).await, Ok(Guarded::Done));
    let d = new_group(store, &owner, "d").await;
    let rest = store.list_groups_page(page_of(Some(cursor), 2)).await;
    assert_eq!(rest, Ok(Page { items: vec![c.clone(), d], next: None }));

    // The same for memberships: the member at the cursor leaves, a new one joins.
    let (x, y) = (new_user(store, "x").await, new_user(store, "y").await);
    for user in [&x, &y] {
        let token = new_invite(store, &c, None).await;
        assert_eq!(join(store, &token, user).await, JoinOutcome::Joined(c.clone()));
    }
    let first = store.group_users_page(&c, page_of(None, 2)).await.expect("first page of members");
    assert_eq!(first.items, vec![owner.clone(), x.clone()]);
    assert_eq!(store.remove_member(&c, &x).await, Ok(Guarded::Done));
    let z = new_user(store, "z").await;
    let token = new_invite(store, &c, None).await;
    assert_eq!(join(store, &token, &z).await, JoinOutcome::Joined(c.clone()));
    let next = store.group_users_page(&c, page_of(first.next, 2)).await.expect("second page of members");
    assert_eq!(next, Page { items: vec![y, z.clone()], next: None });

    let first = store.user_groups_page(&z, page_of(None, 1)).await.expect("z's groups");
    assert_eq!(first, Page { items: vec![c], next: None }, "a page that holds the whole list names no next");
}

pub(crate) async fn a_position_past_every_item_gives_an_empty_page(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "g").await;
    let empty = Page::<GroupId>::whole(vec![]);
    // Past the last item, past what a signed 64-bit column holds, and the very last position.
    for seq in [1_000_000, i64::MAX as u64, i64::MAX as u64 + 1, u64::MAX] {
        let page = page_of(Some(Cursor::from_seq(seq)), 10);
        assert_eq!(store.list_groups_page(page).await, Ok(empty.clone()), "{seq}");
        assert_eq!(store.user_groups_page(&owner, page).await, Ok(empty.clone()), "{seq}");
        assert_eq!(store.group_users_page(&group, page).await, Ok(Page::whole(vec![])), "{seq}");
    }
    // Position 0 is before every item.
    let page = page_of(Some(Cursor::from_seq(0)), 10);
    assert_eq!(store.list_groups_page(page).await.map(|p| p.items), Ok(vec![group]));
}

pub(crate) async fn membership_calls_tell_members_from_non_members(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let outsider = new_user(store, "outsider").await;
    let group = new_group(store, &owner, "team").await;
    let nowhere = GroupId::generate();
    let view = PrivilegeSet::default_member();

    assert_eq!(store.membership(&group, &outsider).await, Ok(None));
    assert_eq!(store.membership(&nowhere, &owner).await, Ok(None));
    assert_eq!(store.set_privileges(&group, &outsider, view).await, Ok(Guarded::Missing));
    assert_eq!(store.set_privileges(&nowhere, &owner, view).await, Ok(Guarded::Missing));
    // A refused `set_privileges` must not have made a membership.
    assert_eq!(store.membership(&group, &outsider).await, Ok(None));
    assert_eq!(store.remove_member(&group, &outsider).await, Ok(Guarded::Missing));
    assert_eq!(store.remove_member(&nowhere, &owner).await, Ok(Guarded::Missing));

    // The owner keeps group_set_privileges (it is the only manager) and loses the rest.
    let manage = PrivilegeSet::from_iter([Privilege::SetPrivileges]);
    assert_eq!(store.set_privileges(&group, &owner, manage).await, Ok(Guarded::Done));
    assert_eq!(store.membership(&group, &owner).await, Ok(Some(manage)));
    assert_eq!(store.set_privileges(&group, &owner, PrivilegeSet::all()).await, Ok(Guarded::Done));
    assert_eq!(store.membership(&group, &owner).await, Ok(Some(PrivilegeSet::all())));

    assert_eq!(store.remove_member(&group, &owner).await, Ok(Guarded::Done));
    assert_eq!(store.membership(&group, &owner).await, Ok(None));
    assert_eq!(store.remove_member(&group, &owner).await, Ok(Guarded::Missing));
    assert_eq!(store.group_users(&group).await, Ok(vec![]));
    assert_eq!(store.user_groups(&owner).await, Ok(vec![]));
    // The group itself stays when its last member leaves.
    assert!(matches!(store.get_group(&group).await, Ok(Some(_))));
}

// --- joining ---------------------------------------------------------------------------------

pub(crate) async fn a_second_join_by_the_same_user_is_a_retry_and_counts_no_use(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let token = new_invite(store, &group, Some(5)).await;
    let joiner = new_user(store, "joiner").await;

    assert_eq!(join(store, &token, &joiner).await, JoinOutcome::Joined(group.clone()));
    assert_eq!(uses(store, &token).await, 1);
    // A member through this very token: a retry whose answer was lost (issue 13).
    assert_eq!(join(store, &token, &joiner).await, JoinOutcome::Rejoined(group.clone()));
    assert_eq!(uses(store, &token).await, 1);
    // The creator already is a member too, and keeps its own privileges.
    assert_eq!(join(store, &token, &owner).await, JoinOutcome::AlreadyMember);
    assert_eq!(uses(store, &token).await, 1);
    assert_eq!(store.membership(&group, &owner).await, Ok(Some(PrivilegeSet::all())));
}

pub(crate) async fn a_single_use_invite_admits_one_user_and_then_is_used_up(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let token = new_invite(store, &group, Some(1)).await;
    let (first, second) = (new_user(store, "first").await, new_user(store, "second").await);

    assert_eq!(join(store, &token, &first).await, JoinOutcome::Joined(group.clone()));
    assert_eq!(join(store, &token, &second).await, JoinOutcome::TokenUsedUp);
    assert_eq!(uses(store, &token).await, 1);
    assert_eq!(store.membership(&group, &second).await, Ok(None));
    assert_eq!(store.group_users(&group).await, Ok(vec![owner, first]));
}

pub(crate) async fn an_unlimited_invite_admits_every_user_and_counts_each(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let token = new_invite(store, &group, None).await;
    for i in 0..20 {
        let user = new_user(store, &format!("user {i}")).await;
        assert_eq!(join(store, &token, &user).await, JoinOutcome::Joined(group.clone()));
    }
    assert_eq!(uses(store, &token).await, 20);
    assert_eq!(store.group_users(&group).await.map(|u| u.len()), Ok(21));
}

pub(crate) async fn a_revoked_invite_is_used_up_and_changes_nothing(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let record = TokenRecord { revoked: true, ..an_invite_granting(&group, PrivilegeSet::default_member(), None) };
    store.insert_token(&record).await.expect("insert invite");
    let joiner = new_user(store, "joiner").await;

    assert_eq!(join(store, &record.id, &joiner).await, JoinOutcome::TokenUsedUp);
    assert_eq!(uses(store, &record.id).await, 0);
    assert_eq!(store.membership(&group, &joiner).await, Ok(None));
}

pub(crate) async fn an_unknown_token_is_token_unknown(store: &dyn Store) {
    let joiner = new_user(store, "joiner").await;
    assert_eq!(join(store, "no-such-token", &joiner).await, JoinOutcome::TokenUnknown);
    assert_eq!(store.user_groups(&joiner).await, Ok(vec![]));
}

pub(crate) async fn an_access_token_cannot_be_used_to_join(store: &dyn Store) {
    let joiner = new_user(store, "joiner").await;
    let access = an_access_token("access-token-1", &joiner);
    store.insert_token(&access).await.expect("insert access");
    assert_eq!(join(store, &access.id, &joiner).await, JoinOutcome::TokenUnknown);
    assert_eq!(store.get_token(&access.id).await, Ok(Some(access)));
}

pub(crate) async fn a_joined_member_gets_exactly_the_invites_privileges(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    // Deliberately without view_data, so a backend that adds the default would be caught.
    let privileges = PrivilegeSet::from_iter([Privilege::InviteUser, Privilege::RemoveUser]);
    let record = an_invite_granting(&group, privileges, Some(1));
    store.insert_token(&record).await.expect("insert invite");
    let joiner = new_user(store, "joiner").await;

    assert_eq!(join(store, &record.id, &joiner).await, JoinOutcome::Joined(group.clone()));
    assert_eq!(store.membership(&group, &joiner).await, Ok(Some(privileges)));
    assert_eq!(store.membership(&group, &owner).await, Ok(Some(PrivilegeSet::all())));
}

pub(crate) async fn join_checks_run_in_the_documented_order(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let joiner = new_user(store, "joiner").await;

    // Used up before group gone: a spent invite to a deleted group is `TokenUsedUp`.
    let doomed = new_group(store, &owner, "doomed").await;
    let spent = new_invite(store, &doomed, Some(1)).await;
    assert_eq!(join(store, &spent, &joiner).await, JoinOutcome::Joined(doomed.clone()));
    assert_eq!(store.delete_group(&doomed).await, Ok(Guarded::Done));
    assert_eq!(join(store, &spent, &owner).await, JoinOutcome::TokenUsedUp);

    // The retry before used up: the member who spent it hears `Rejoined` (issue 13); used up
    // before already member: a member who got in otherwise hears `TokenUsedUp`.
    let group = new_group(store, &owner, "team").await;
    let single = new_invite(store, &group, Some(1)).await;
    assert_eq!(join(store, &single, &joiner).await, JoinOutcome::Joined(group.clone()));
    assert_eq!(join(store, &single, &joiner).await, JoinOutcome::Rejoined(group.clone()));
    assert_eq!(join(store, &single, &owner).await, JoinOutcome::TokenUsedUp);

    // Revoked before group gone.
    let revoked = TokenRecord { revoked: true, ..an_invite_granting(&doomed, PrivilegeSet::default_member(), None) };
    store.insert_token(&revoked).await.expect("insert invite");
    assert_eq!(join(store, &revoked.id, &joiner).await, JoinOutcome::TokenUsedUp);
}

pub(crate) async fn a_join_by_an_unknown_user_is_refused_and_counts_no_use(store: &dyn Store) {
    // The trait leaves this implicit; both backends treat a membership for a user that does not
    // exist as a broken invariant, and the refusal must not count a use.
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "team").await;
    let token = new_invite(store, &group, Some(1)).await;
    let ghost = UserId::generate();
    assert!(matches!(store.join_with_token(&token, &ghost).await, Err(StoreError::Backend(_))));
    assert_eq!(uses(store, &token).await, 0);
    assert_eq!(store.group_users(&group).await, Ok(vec![owner]));
}

// --- concurrency -----------------------------------------------------------------------------

pub(crate) async fn a_single_use_invite_admits_exactly_one_of_many_racing_users(store: Arc<dyn Store>) {
    assert_eq!(race_joins(&[store], 200, 1).await, (1, 199));
}

pub(crate) async fn an_invite_with_three_uses_admits_exactly_three_of_many_racing_users(store: Arc<dyn Store>) {
    assert_eq!(race_joins(&[store], 100, 3).await, (3, 97));
}

pub(crate) async fn racing_claims_of_different_key_fingerprints_all_learn_the_one_recorded(store: Arc<dyn Store>) {
    let barrier = Arc::new(tokio::sync::Barrier::new(20));
    let tasks: Vec<_> = (0..20)
        .map(|i| {
            let (store, barrier) = (store.clone(), barrier.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                store.claim_key_fingerprint(&format!("fingerprint-{i}")).await
            })
        })
        .collect();
    let answers: Vec<String> = futures::future::join_all(tasks)
        .await
        .into_iter()
        .map(|r| r.expect("the task finishes").expect("the claim succeeds"))
        .collect();
    let recorded = store.key_fingerprint().await.expect("read").expect("one is recorded");
    assert!(answers.iter().all(|a| *a == recorded), "every claim learns {recorded}: {answers:?}");
}

pub(crate) async fn one_user_racing_itself_joins_once_and_counts_one_use(store: Arc<dyn Store>) {
    let owner = new_user(&*store, "owner").await;
    let group = new_group(&*store, &owner, "team").await;
    let token = new_invite(&*store, &group, None).await;
    let joiner = new_user(&*store, "joiner").await;

    let barrier = Arc::new(tokio::sync::Barrier::new(50));
    let tasks: Vec<_> = (0..50)
        .map(|_| {
            let (store, barrier) = (store.clone(), barrier.clone());
            let (token, joiner) = (token.clone(), joiner.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                store.join_with_token(&token, &joiner).await
            })
        })
        .collect();
    let mut joined = 0;
    for result in futures::future::join_all(tasks).await {
        match result.expect("the task finishes").expect("the join succeeds") {
            JoinOutcome::Joined(_) => joined += 1,
            JoinOutcome::Rejoined(_) => {}
            other => panic!("unexpected outcome {other:?}"),
        }
    }
    assert_eq!(joined, 1);
    assert_eq!(uses(&*store, &token).await, 1);
}

// --- instantiation ---------------------------------------------------------------------------

/// A store under test and whatever must outlive it (the SQLite file's directory). Fields drop
/// in order, so the store closes before its directory is removed.
pub(crate) struct Fixture {
    pub(crate) store: Arc<dyn Store>,
    _keep: Option<tempfile::TempDir>,
}

fn memory_fixture() -> Fixture {
    Fixture { store: Arc::new(MemoryStore::new()), _keep: None }
}

fn sqlite_fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = SqliteStore::open(&dir.path().join("oz.db")).expect("a fresh store opens");
    Fixture { store: Arc::new(store), _keep: Some(dir) }
}

/// A store on a fresh database of the test server (see `fixtures::postgres_database`), or `None`,
/// after a loud skip line, on a machine without PostgreSQL. Connecting is async and fixtures
/// are not, so it waits on the test's own (multi-threaded) runtime.
fn postgres_fixture() -> Option<Fixture> {
    tokio::task::block_in_place(|| {
        tokio::runtime::Handle::current().block_on(async {
            let url = postgres_database().await?;
            let store = PostgresStore::connect(&url).await.expect("a fresh store connects");
            Some(Fixture { store: Arc::new(store), _keep: None })
        })
    })
}

/// What a fixture function returns: a `Fixture`, or `Option<Fixture>` for a backend that a
/// machine may lack (`None`: the fixture has said it skips, and the test returns).
pub(crate) trait IntoFixture {
    fn into_fixture(self) -> Option<Fixture>;
}

impl IntoFixture for Fixture {
    fn into_fixture(self) -> Option<Fixture> {
        Some(self)
    }
}

impl IntoFixture for Option<Fixture> {
    fn into_fixture(self) -> Option<Fixture> {
        self
    }
}

// --- zone privileges, user administration, the last-manager rule -------------------------------

fn zone(list: &[ZonePrivilege]) -> ZonePrivilegeSet {
    list.iter().copied().collect()
}

pub(crate) async fn a_user_created_with_zone_privileges_holds_exactly_them(store: &dyn Store) {
    let admin = a_user("admin");
    store.create_user_with_privileges(&admin, ZonePrivilegeSet::all()).await.expect("create the admin");
    let plain = new_user(store, "plain").await;
    let holder = ZoneHolder::User(admin.id.clone());
    assert_eq!(store.zone_privileges(&holder).await, Ok(Some(ZonePrivilegeSet::all())));
    assert_eq!(store.effective_zone_privileges(&admin.id).await, Ok(ZonePrivilegeSet::all()));
    assert_eq!(store.zone_privileges(&ZoneHolder::User(plain.clone())).await, Ok(Some(ZonePrivilegeSet::empty())));
    assert_eq!(store.effective_zone_privileges(&plain).await, Ok(ZonePrivilegeSet::empty()));
    assert_eq!(store.effective_zone_privileges(&UserId::generate()).await, Ok(ZonePrivilegeSet::empty()));
}

pub(crate) async fn zone_privileges_are_set_granted_and_revoked_for_users_and_groups(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "admins").await;
    let list = zone(&[ZonePrivilege::ListUsers]);
    let groups = zone(&[ZonePrivilege::ListGroups]);
    for holder in [ZoneHolder::User(owner.clone()), ZoneHolder::Group(group.clone())] {
        assert_eq!(store.change_zone_privileges(&holder, ZoneChange::Set(list)).await, Ok(true));
        assert_eq!(store.zone_privileges(&holder).await, Ok(Some(list)), "{holder:?}");
        assert_eq!(store.change_zone_privileges(&holder, ZoneChange::Grant(groups)).await, Ok(true));
        assert_eq!(store.zone_privileges(&holder).await, Ok(Some(list.union(groups))), "{holder:?}");
        assert_eq!(store.change_zone_privileges(&holder, ZoneChange::Revoke(list)).await, Ok(true));
        assert_eq!(store.zone_privileges(&holder).await, Ok(Some(groups)), "{holder:?}");
        let nothing = ZoneChange::Set(ZonePrivilegeSet::empty());
        assert_eq!(store.change_zone_privileges(&holder, nothing).await, Ok(true));
        assert_eq!(store.zone_privileges(&holder).await, Ok(Some(ZonePrivilegeSet::empty())), "{holder:?}");
    }
    // An unknown holder is reported, not created.
    for holder in [ZoneHolder::User(UserId::generate()), ZoneHolder::Group(GroupId::generate())] {
        assert_eq!(store.change_zone_privileges(&holder, ZoneChange::Grant(list)).await, Ok(false));
        assert_eq!(store.zone_privileges(&holder).await, Ok(None));
    }
}

pub(crate) async fn a_groups_zone_privileges_flow_to_its_members_while_they_are_members(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let member = new_user(store, "member").await;
    let outsider = new_user(store, "outsider").await;
    let group = new_group(store, &owner, "auditors").await;
    let other = new_group(store, &owner, "listers").await;
    assert_eq!(store.add_member(&group, &member, PrivilegeSet::default_member(), &member).await, Ok(AddOutcome::Added));
    assert_eq!(store.add_member(&other, &member, PrivilegeSet::default_member(), &member).await, Ok(AddOutcome::Added));
    let view = zone(&[ZonePrivilege::ViewPrivileges]);
    let list = zone(&[ZonePrivilege::ListUsers]);
    let own = zone(&[ZonePrivilege::ListGroups]);
    store.change_zone_privileges(&ZoneHolder::Group(group.clone()), ZoneChange::Set(view)).await.expect("set");
    store.change_zone_privileges(&ZoneHolder::Group(other.clone()), ZoneChange::Set(list)).await.expect("set");
    store.change_zone_privileges(&ZoneHolder::User(member.clone()), ZoneChange::Set(own)).await.expect("set");

    assert_eq!(store.effective_zone_privileges(&member).await, Ok(view.union(list).union(own)));
    assert_eq!(store.effective_zone_privileges(&outsider).await, Ok(ZonePrivilegeSet::empty()));
    // What a user holds directly is not changed by what its groups hold.
    assert_eq!(store.zone_privileges(&ZoneHolder::User(member.clone())).await, Ok(Some(own)));

    assert_eq!(store.remove_member(&group, &member).await, Ok(Guarded::Done));
    assert_eq!(store.effective_zone_privileges(&member).await, Ok(list.union(own)));
    assert_eq!(store.delete_group(&other).await, Ok(Guarded::Done));
    assert_eq!(store.effective_zone_privileges(&member).await, Ok(own));
    assert_eq!(store.zone_privileges(&ZoneHolder::Group(other)).await, Ok(None));
}

pub(crate) async fn users_are_listed_and_paged_in_creation_order(store: &dyn Store) {
    let users = [new_user(store, "u1").await, new_user(store, "u2").await, new_user(store, "u3").await];
    assert_eq!(store.list_users().await, Ok(users.to_vec()));
    let first = store.list_users_page(page_of(None, 2)).await.expect("first page");
    assert_eq!(first.items, users[..2].to_vec());
    let next = first.next.expect("a next page");
    let second = store.list_users_page(page_of(Some(next), 2)).await.expect("second page");
    assert_eq!((second.items, second.next), (users[2..].to_vec(), None));
    // A cursor outlives its user.
    assert_eq!(store.delete_user(&users[1]).await, Ok(Guarded::Done));
    assert_eq!(store.list_users().await, Ok(vec![users[0].clone(), users[2].clone()]));
    let after_deleted = store.list_users_page(page_of(Some(next), 2)).await.expect("page");
    assert_eq!(after_deleted.items, users[2..].to_vec());
}

pub(crate) async fn deleting_a_user_removes_its_memberships_tokens_and_zone_privileges(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let doomed = a_user("doomed");
    store.create_user_with_privileges(&doomed, ZonePrivilegeSet::all()).await.expect("create");
    let group = new_group(store, &owner, "team").await;
    let own = new_group(store, &doomed.id, "own team").await;
    store.add_member(&group, &doomed.id, PrivilegeSet::default_member(), &doomed.id).await.expect("add");
    store.insert_token(&an_access_token("doomed-access", &doomed.id)).await.expect("token");
    let invite = new_invite(store, &own, Some(1)).await;

    assert_eq!(store.delete_user(&doomed.id).await, Ok(Guarded::Done));
    assert_eq!(store.get_user(&doomed.id).await, Ok(None));
    assert_eq!(store.count_users().await, Ok(1));
    assert_eq!(store.group_users(&group).await, Ok(vec![owner.clone()]));
    assert_eq!(store.user_groups(&doomed.id).await, Ok(vec![]));
    assert_eq!(store.get_token("doomed-access").await, Ok(None));
    assert_eq!(store.zone_privileges(&ZoneHolder::User(doomed.id.clone())).await, Ok(None));
    assert_eq!(store.effective_zone_privileges(&doomed.id).await, Ok(ZonePrivilegeSet::empty()));
    // Its group, now empty, stays, and so does that group's invite.
    assert_eq!(store.group_users(&own).await, Ok(vec![]));
    assert!(matches!(store.get_token(&invite).await, Ok(Some(_))));
    assert_eq!(store.delete_user(&doomed.id).await, Ok(Guarded::Missing));
    // The id may be used again by a new user (nothing of the old one lingers).
    store.create_user(&doomed).await.expect("create again");
    assert_eq!(store.user_groups(&doomed.id).await, Ok(vec![]));
}

pub(crate) async fn deleting_the_last_manager_of_a_group_with_other_members_is_refused_whole(store: &dyn Store) {
    let manager = new_user(store, "manager").await;
    let member = new_user(store, "member").await;
    let alone = new_group(store, &manager, "alone").await;
    let shared = new_group(store, &manager, "shared").await;
    store.add_member(&shared, &member, PrivilegeSet::default_member(), &member).await.expect("add");
    store.insert_token(&an_access_token("manager-access", &manager)).await.expect("token");

    assert_eq!(store.delete_user(&manager).await, Ok(Guarded::LastManager(shared.clone())));
    assert!(matches!(store.get_user(&manager).await, Ok(Some(_))));
    assert_eq!(store.user_groups(&manager).await, Ok(vec![alone.clone(), shared.clone()]));
    assert!(matches!(store.get_token("manager-access").await, Ok(Some(_))));

    // A second manager lifts the refusal.
    let manage = PrivilegeSet::from_iter([Privilege::SetPrivileges]);
    assert_eq!(store.set_privileges(&shared, &member, manage).await, Ok(Guarded::Done));
    assert_eq!(store.delete_user(&manager).await, Ok(Guarded::Done));
    assert_eq!(store.group_users(&shared).await, Ok(vec![member]));
}

pub(crate) async fn leaving_or_losing_group_set_privileges_as_the_last_manager_is_refused(store: &dyn Store) {
    let manager = new_user(store, "manager").await;
    let member = new_user(store, "member").await;
    let group = new_group(store, &manager, "team").await;
    let view = PrivilegeSet::default_member();
    store.add_member(&group, &member, view, &member).await.expect("add");

    let refused = Ok(Guarded::LastManager(group.clone()));
    assert_eq!(store.remove_member(&group, &manager).await, refused);
    assert_eq!(store.set_privileges(&group, &manager, view).await, refused);
    assert_eq!(store.membership(&group, &manager).await, Ok(Some(PrivilegeSet::all())), "nothing changed");
    // Changes that keep a manager go ahead: other privileges of the manager, a plain member's.
    let manage = PrivilegeSet::from_iter([Privilege::SetPrivileges, Privilege::ViewData]);
    assert_eq!(store.set_privileges(&group, &manager, manage).await, Ok(Guarded::Done));
    assert_eq!(store.set_privileges(&group, &member, PrivilegeSet::default()).await, Ok(Guarded::Done));
    assert_eq!(store.remove_member(&group, &member).await, Ok(Guarded::Done));
    // Alone, the manager may leave: no member remains without one.
    assert_eq!(store.remove_member(&group, &manager).await, Ok(Guarded::Done));
    assert_eq!(store.group_users(&group).await, Ok(vec![]));
}

/// A child group is a member of its parent too: the parent's last manager cannot leave it
/// (nor be removed, demoted or deleted) while a child remains, unless the child's link holds
/// `group_set_privileges`, which makes its members the parent's managers.
pub(crate) async fn a_child_group_is_a_member_the_last_manager_cannot_abandon(store: &dyn Store) {
    let manager = new_user(store, "manager").await;
    let parent = new_group(store, &manager, "parent").await;
    let child = new_group(store, &manager, "child").await;
    crate::store::fixtures::nest(store, &parent, &child).await;
    let refused = Ok(Guarded::LastManager(parent.clone()));
    assert_eq!(store.remove_member(&parent, &manager).await, refused);
    assert_eq!(store.set_privileges(&parent, &manager, PrivilegeSet::default_member()).await, refused);
    let other = new_user(store, "other").await;
    let lone = new_group(store, &other, "lone").await;
    crate::store::fixtures::nest(store, &lone, &child).await;
    assert_eq!(store.delete_user(&other).await, Ok(Guarded::LastManager(lone.clone())));
    assert_eq!(store.membership(&parent, &manager).await, Ok(Some(PrivilegeSet::all())), "nothing changed");
    // The child's link managing the parent: the last user manager may go.
    let managing = PrivilegeSet::from_iter([Privilege::ViewData, Privilege::SetPrivileges]);
    assert_eq!(store.set_link_privileges(&parent, &child, managing).await, Ok(Guarded::Done));
    assert_eq!(store.remove_member(&parent, &manager).await, Ok(Guarded::Done));
    // Without children, the last manager of a group with no other member may leave, as before.
    assert_eq!(store.unlink(&lone, &child).await, Ok(Guarded::Done));
    assert_eq!(store.delete_user(&other).await, Ok(Guarded::Done));
    // The managing child is now the parent's only member: it may not be demoted (it stays a
    // member), but it may be unlinked (no member remains).
    let demoted = store.set_link_privileges(&parent, &child, PrivilegeSet::default_member()).await;
    assert_eq!(demoted, Ok(Guarded::LastManager(parent.clone())));
    assert_eq!(store.unlink(&parent, &child).await, Ok(Guarded::Done));
}

pub(crate) async fn a_managing_child_is_guarded_like_a_managing_user(store: &dyn Store) {
    let manager = new_user(store, "manager").await;
    let parent = new_group(store, &manager, "parent").await;
    let admins = new_group(store, &manager, "admins").await;
    let plain = new_group(store, &manager, "plain").await;
    crate::store::fixtures::nest(store, &parent, &admins).await;
    crate::store::fixtures::nest(store, &parent, &plain).await;
    let managing = PrivilegeSet::from_iter([Privilege::ViewData, Privilege::SetPrivileges]);
    assert_eq!(store.set_link_privileges(&parent, &admins, managing).await, Ok(Guarded::Done));
    // The user manager goes; the admins child is now the parent's only manager, while the user
    // `member` and the child `plain` remain.
    let member = new_user(store, "member").await;
    let added = store.add_member(&parent, &member, PrivilegeSet::default_member(), &manager).await;
    assert_eq!(added, Ok(AddOutcome::Added));
    assert_eq!(store.remove_member(&parent, &manager).await, Ok(Guarded::Done));
    let refused = Ok(Guarded::LastManager(parent.clone()));
    assert_eq!(store.unlink(&parent, &admins).await, refused);
    assert_eq!(store.set_link_privileges(&parent, &admins, PrivilegeSet::default_member()).await, refused);
    assert_eq!(store.delete_group(&admins).await, refused, "deleting the child unlinks it too");
    assert_eq!(store.link(&parent, &admins).await, Ok(Some(managing)), "nothing changed");
    // Children that do not manage come and go freely.
    assert_eq!(store.set_link_privileges(&parent, &plain, PrivilegeSet::all()).await, Ok(Guarded::Done));
    assert_eq!(
        store.set_link_privileges(&parent, &plain, PrivilegeSet::from_iter([Privilege::ViewData])).await,
        Ok(Guarded::Done)
    );
    assert_eq!(store.unlink(&parent, &plain).await, Ok(Guarded::Done));
    // With a user manager again, the admins child may go.
    assert_eq!(store.set_privileges(&parent, &member, PrivilegeSet::all()).await, Ok(Guarded::Done));
    assert_eq!(store.set_link_privileges(&parent, &admins, PrivilegeSet::default_member()).await, Ok(Guarded::Done));
    assert_eq!(store.unlink(&parent, &admins).await, Ok(Guarded::Done));
    // The last member, a manager, may leave: no member remains.
    assert_eq!(store.remove_member(&parent, &member).await, Ok(Guarded::Done));
    assert_eq!(store.unlink(&parent, &admins).await, Ok(Guarded::Missing));
    assert_eq!(store.set_link_privileges(&parent, &admins, managing).await, Ok(Guarded::Missing));
}

pub(crate) async fn a_group_without_a_manager_does_not_trap_its_members(store: &dyn Store) {
    // A group whose members never held group_set_privileges (its creator got less).
    let creator = new_user(store, "creator").await;
    let first = new_user(store, "first").await;
    let second = new_user(store, "second").await;
    let group = a_group("unmanaged");
    let view = PrivilegeSet::default_member();
    store.create_group(&group, &creator, view).await.expect("create");
    store.add_member(&group.id, &first, view, &first).await.expect("add");
    store.add_member(&group.id, &second, view, &second).await.expect("add");
    // No change takes a manager it does not have, so each goes ahead.
    assert_eq!(store.set_privileges(&group.id, &first, PrivilegeSet::default()).await, Ok(Guarded::Done));
    assert_eq!(store.remove_member(&group.id, &creator).await, Ok(Guarded::Done));
    assert_eq!(store.delete_user(&first).await, Ok(Guarded::Done));
    assert_eq!(store.group_users(&group.id).await, Ok(vec![second]));
}

pub(crate) async fn a_member_added_without_an_invite_is_added_once_with_the_given_privileges(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let newcomer = new_user(store, "newcomer").await;
    let group = new_group(store, &owner, "team").await;
    let view = PrivilegeSet::default_member();
    assert_eq!(store.add_member(&group, &newcomer, view, &newcomer).await, Ok(AddOutcome::Added));
    assert_eq!(store.membership(&group, &newcomer).await, Ok(Some(view)));
    assert_eq!(store.group_users(&group).await, Ok(vec![owner.clone(), newcomer.clone()]));
    assert_eq!(
        store.add_member(&group, &newcomer, PrivilegeSet::all(), &newcomer).await,
        Ok(AddOutcome::AlreadyMember)
    );
    assert_eq!(store.membership(&group, &newcomer).await, Ok(Some(view)), "nothing changed");
    assert_eq!(store.add_member(&GroupId::generate(), &newcomer, view, &newcomer).await, Ok(AddOutcome::GroupGone));
    let nobody = UserId::generate();
    assert_eq!(store.add_member(&group, &nobody, view, &nobody).await, Ok(AddOutcome::UserGone));
    assert_eq!(store.membership(&group, &nobody).await, Ok(None));
}

pub(crate) async fn two_last_managers_leaving_at_once_leave_exactly_one(store: Arc<dyn Store>) {
    race_last_managers_leaving(&[store], 10).await;
}

pub(crate) async fn the_last_member_leaving_while_others_join_never_leaves_them_unmanaged(store: Arc<dyn Store>) {
    race_last_member_leaving_and_joins(&[store], 12).await;
}

pub(crate) async fn a_user_and_a_child_managing_leaving_at_once_leave_exactly_one(store: Arc<dyn Store>) {
    race_user_and_child_managers_leaving(&[store], 12).await;
}

// --- pages of the nested lists (issue 12) ------------------------------------------------------

/// `items` with each kept once, in order: what a walk of pages must give.
fn each_once<T: Clone + Eq + std::hash::Hash>(items: &[T]) -> bool {
    let mut seen = std::collections::HashSet::new();
    items.iter().all(|i| seen.insert(i.clone()))
}

/// The direct part, then the items of `all` it did not give (by creation `seq`).
fn two_parts<T>(direct: Vec<(T, u64)>, all: Vec<(T, u64)>) -> Vec<T> {
    let given: std::collections::HashSet<u64> = direct.iter().map(|(_, seq)| *seq).collect();
    direct.into_iter().chain(all.into_iter().filter(|(_, seq)| !given.contains(seq))).map(|(item, _)| item).collect()
}

async fn add(store: &dyn Store, group: &GroupId, user: &UserId) {
    let outcome = store.add_member(group, user, PrivilegeSet::default_member(), user).await;
    assert_eq!(outcome, Ok(AddOutcome::Added), "adding a member");
}

pub(crate) async fn pages_of_the_nested_lists_concatenate_to_their_whole_lists(store: &dyn Store) {
    // top <- a, b, c; a <- d; b <- d (a diamond); extra groups p, q above d too.
    let owner = new_user(store, "owner").await;
    let mut groups = Vec::new();
    for name in ["top", "a", "b", "c", "d", "p", "q"] {
        groups.push(new_group(store, &owner, name).await);
    }
    let [top, a, b, c, d, p, q] = <[GroupId; 7]>::try_from(groups.clone()).expect("seven groups");
    for child in [&a, &b, &c] {
        nest(store, &top, child).await;
    }
    for parent in [&a, &b, &p, &q] {
        nest(store, parent, &d).await;
    }
    let mut users = vec![owner.clone()];
    for i in 0..9 {
        users.push(new_user(store, &format!("user {i}")).await);
    }
    // Direct in top, in a child, in the diamond's bottom (twice reachable), in two places at
    // once, and one (the last) in no group below top.
    add(store, &d, &users[1]).await;
    add(store, &top, &users[2]).await;
    add(store, &a, &users[3]).await;
    add(store, &d, &users[4]).await;
    add(store, &b, &users[4]).await;
    add(store, &c, &users[5]).await;
    add(store, &top, &users[6]).await;
    add(store, &d, &users[7]).await;
    add(store, &p, &users[9]).await;
    let effective: Vec<UserId> = users.iter().filter(|u| *u != &users[8] && *u != &users[9]).cloned().collect();
    let whole = store.effective_users(&top).await.expect("whole list");
    for limit in [1, 2, 3, 7, 8, 1000] {
        let pages = walk(limit, |page| store.effective_users_page(&top, page)).await;
        assert_eq!(pages.concat(), effective, "effective users in creation order, limit {limit}");
        let mut sorted = whole.clone();
        sorted.sort_by_key(|u| effective.iter().position(|e| e == u));
        assert_eq!(pages.concat(), sorted, "the whole list's members, limit {limit}");

        let pages = walk(limit, |page| store.child_groups_page(&top, page)).await;
        assert_eq!(pages.concat(), store.child_groups(&top).await.expect("children"), "children, limit {limit}");
        let pages = walk(limit, |page| store.parent_groups_page(&d, page)).await;
        assert_eq!(pages.concat(), vec![a.clone(), b.clone(), p.clone(), q.clone()], "parents, limit {limit}");
        assert_eq!(pages.concat(), store.parent_groups(&d).await.expect("parents"), "parents, limit {limit}");

        // User 4 reaches d, a, b, p, q and top; the pages follow the groups' creation.
        let pages = walk(limit, |page| store.effective_groups_page(&users[4], page)).await;
        assert_eq!(pages.concat(), vec![top.clone(), a.clone(), b.clone(), d.clone(), p.clone(), q.clone()]);
        let mut whole = store.effective_groups(&users[4]).await.expect("whole list");
        whole.sort_by_key(|g| groups.iter().position(|e| e == g));
        assert_eq!(pages.concat(), whole, "the whole list's groups, limit {limit}");
    }
    // What a whole effective list is read from (`service::listing`): the direct part in join
    // order and the effective pages, each item with one creation seq in both, growing with it.
    let user_seqs = walk(1000, |page| store.inherited_users_page(&top, 0, page)).await.concat();
    assert_eq!(user_seqs.iter().map(|(u, _)| u.clone()).collect::<Vec<_>>(), effective);
    assert!(user_seqs.windows(2).all(|w| w[0].1 < w[1].1), "creation seqs grow: {user_seqs:?}");
    let group_seqs = walk(1000, |page| store.inherited_groups_page(&users[4], 0, page)).await.concat();
    assert!(group_seqs.windows(2).all(|w| w[0].1 < w[1].1), "creation seqs grow: {group_seqs:?}");
    // The owner is in every group it made: every group with its creation seq.
    let every_group = walk(1000, |page| store.inherited_groups_page(&owner, 0, page)).await.concat();
    assert_eq!(every_group.iter().map(|(g, _)| g.clone()).collect::<Vec<_>>(), groups);
    for limit in [1, 2, 1000] {
        let links = walk(limit, |page| store.child_groups_page_with_seq(&top, page)).await.concat();
        let ids: Vec<GroupId> = links.iter().map(|(g, _)| g.clone()).collect();
        assert_eq!(ids, vec![a.clone(), b.clone(), c.clone()], "top's children in link order, limit {limit}");
        assert!(links.iter().all(|item| every_group.contains(item)), "one seq per group, limit {limit}");
        let links = walk(limit, |page| store.parent_groups_page_with_seq(&d, page)).await.concat();
        let ids: Vec<GroupId> = links.iter().map(|(g, _)| g.clone()).collect();
        assert_eq!(ids, vec![a.clone(), b.clone(), p.clone(), q.clone()], "d's parents, limit {limit}");
        assert!(links.iter().all(|item| every_group.contains(item)), "one seq per group, limit {limit}");
        let direct = walk(limit, |page| store.group_users_page_with_seq(&top, page)).await.concat();
        let ids: Vec<UserId> = direct.iter().map(|(u, _)| u.clone()).collect();
        assert_eq!(ids, store.group_users(&top).await.expect("members"), "limit {limit}");
        assert!(direct.iter().all(|item| user_seqs.contains(item)), "one seq per user, limit {limit}");
        let direct = walk(limit, |page| store.user_groups_page_with_seq(&users[4], page)).await.concat();
        let ids: Vec<GroupId> = direct.iter().map(|(g, _)| g.clone()).collect();
        assert_eq!(ids, vec![d.clone(), b.clone()], "user 4's groups in join order, limit {limit}");
        assert!(direct.iter().all(|item| group_seqs.contains(item)), "one seq per group, limit {limit}");
    }
    // The second part past a direct position: what belongs through other groups (the owner is
    // in every group it made), and the direct members or groups joined after that position.
    let inherited = |joined_after| {
        let top = &top;
        async move {
            let items = walk(2, |page| store.inherited_users_page(top, joined_after, page)).await.concat();
            items.into_iter().map(|(user, _)| user).collect::<Vec<_>>()
        }
    };
    let through = [0, 1, 3, 4, 5, 7].map(|i| users[i].clone()).to_vec();
    assert_eq!(inherited(u64::MAX).await, through, "through the children only");
    let first = store.group_users_page_with_seq(&top, page_of(None, 2)).await.expect("a page");
    assert_eq!(first.items.iter().map(|(u, _)| u).collect::<Vec<_>>(), [&users[0], &users[2]]);
    let after_first = first.next.expect("a third member").seq();
    let late = [0, 1, 3, 4, 5, 6, 7].map(|i| users[i].clone()).to_vec();
    assert_eq!(inherited(after_first).await, late, "and user 6, who joined after the first two");
    let groups_of = |user: UserId, joined_after| async move {
        let items = walk(2, |page| store.inherited_groups_page(&user, joined_after, page)).await.concat();
        items.into_iter().map(|(group, _)| group).collect::<Vec<_>>()
    };
    let ancestors = vec![top.clone(), a.clone(), b.clone(), p.clone(), q.clone()];
    assert_eq!(groups_of(users[1].clone(), u64::MAX).await, ancestors, "d's ancestors, not d");
    // The two parts put together as the service does are the whole list, in its order.
    let direct = walk(2, |page| store.group_users_page_with_seq(&top, page)).await.concat();
    assert_eq!(two_parts(direct, user_seqs), store.effective_users(&top).await.expect("whole list"));
    let direct = walk(2, |page| store.user_groups_page_with_seq(&users[4], page)).await.concat();
    assert_eq!(two_parts(direct, group_seqs), store.effective_groups(&users[4]).await.expect("whole list"));

    // Lists with nothing in them are one empty page.
    let empty = page_of(None, 5);
    assert_eq!(store.child_groups_page(&d, empty).await, Ok(Page::whole(vec![])));
    assert_eq!(store.parent_groups_page(&top, empty).await, Ok(Page::whole(vec![])));
    assert_eq!(store.child_groups_page_with_seq(&d, empty).await, Ok(Page::whole(vec![])));
    assert_eq!(store.parent_groups_page_with_seq(&top, empty).await, Ok(Page::whole(vec![])));
    assert_eq!(store.effective_users_page(&GroupId::generate(), empty).await, Ok(Page::whole(vec![])));
    assert_eq!(store.effective_groups_page(&users[8], empty).await, Ok(Page::whole(vec![])));
    // A position past every item gives an empty page.
    let past = page_of(Some(Cursor::from_seq(u64::MAX)), 5);
    assert_eq!(store.child_groups_page(&top, past).await, Ok(Page::whole(vec![])));
    assert_eq!(store.effective_users_page(&top, past).await, Ok(Page::whole(vec![])));
    assert_eq!(store.effective_groups_page(&users[4], past).await, Ok(Page::whole(vec![])));
}

/// A page of effective members is read by scanning users or by sorting the members below the
/// group, whichever costs less (`scan_window`); both give the same pages: tried on a group
/// whose few members are far apart among many users, on one that holds every user, and on
/// one whose members are all at the end.
pub(crate) async fn pages_of_effective_members_are_the_same_however_few_or_many_they_are(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let (sparse, everyone, late) = (
        new_group(store, &owner, "sparse").await,
        new_group(store, &owner, "everyone").await,
        new_group(store, &owner, "late").await,
    );
    let child = new_group(store, &owner, "child").await;
    nest(store, &sparse, &child).await;
    let mut users = vec![owner.clone()];
    for i in 0..60 {
        let user = new_user(store, &format!("user {i}")).await;
        add(store, &everyone, &user).await;
        users.push(user);
    }
    // The owner is in all four; users 5 and 41 (through the child) and 59 are in `sparse`, the
    // last four in `late`.
    add(store, &sparse, &users[5]).await;
    add(store, &child, &users[41]).await;
    add(store, &sparse, &users[59]).await;
    for user in &users[57..] {
        add(store, &late, user).await;
    }
    let expected = [
        (&sparse, vec![owner.clone(), users[5].clone(), users[41].clone(), users[59].clone()]),
        (&everyone, users.clone()),
        (&late, [&users[..1], &users[57..]].concat()),
    ];
    for (group, members) in expected {
        for limit in [1, 2, 3, 5, 1000] {
            let pages = walk(limit, |page| store.effective_users_page(group, page)).await;
            assert_eq!(pages.concat(), members, "limit {limit}");
            assert_eq!(pages.len(), members.len().div_ceil(limit as usize), "full pages, limit {limit}");
        }
    }
}

pub(crate) async fn walking_a_changing_nested_list_gives_what_stayed_once_and_nothing_twice(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let (top, a, b) = (
        new_group(store, &owner, "top").await,
        new_group(store, &owner, "a").await,
        new_group(store, &owner, "b").await,
    );
    nest(store, &top, &a).await;
    nest(store, &top, &b).await;
    let mut users = Vec::new();
    for i in 0..6 {
        let user = new_user(store, &format!("user {i}")).await;
        add(store, if i % 2 == 0 { &a } else { &b }, &user).await;
        users.push(user);
    }
    // Effective users of top: owner, users 0..6. Read the first page, then change the list: user
    // 0 (on the first page) moves from a to b; user 3 (not read yet) moves from b to top
    // directly, which puts it first in the whole list; user 4 leaves; a new user joins.
    let first = store.effective_users_page(&top, page_of(None, 3)).await.expect("first page");
    assert_eq!(first.items, vec![owner.clone(), users[0].clone(), users[1].clone()]);
    add(store, &b, &users[0]).await;
    assert_eq!(store.remove_member(&a, &users[0]).await, Ok(Guarded::Done));
    add(store, &top, &users[3]).await;
    assert_eq!(store.remove_member(&b, &users[3]).await, Ok(Guarded::Done));
    assert_eq!(store.remove_member(&a, &users[4]).await, Ok(Guarded::Done));
    let late = new_user(store, "late").await;
    add(store, &a, &late).await;
    let mut seen = first.items.clone();
    let mut after = first.next;
    while let Some(cursor) = after {
        let page = store.effective_users_page(&top, page_of(Some(cursor), 3)).await.expect("a page");
        seen.extend(page.items);
        after = page.next;
    }
    assert!(each_once(&seen), "no user twice: {seen:?}");
    for stayed in [&owner, &users[0], &users[1], &users[2], &users[3], &users[5]] {
        assert!(seen.contains(stayed), "{stayed:?} stayed an effective member throughout");
    }

    // The same for a user's effective groups: a group on the first page is unlinked and linked
    // again elsewhere, a group not read yet is reached another way, a new ancestor comes.
    let user = new_user(store, "walker").await;
    let (c, d) = (new_group(store, &owner, "c").await, new_group(store, &owner, "d").await);
    nest(store, &a, &c).await;
    nest(store, &c, &d).await;
    add(store, &d, &user).await;
    let first = store.effective_groups_page(&user, page_of(None, 2)).await.expect("first page");
    assert_eq!(first.items, vec![top.clone(), a.clone()]);
    assert_eq!(store.unlink(&a, &c).await, Ok(Guarded::Done));
    nest(store, &b, &c).await;
    nest(store, &a, &d).await;
    let above = new_group(store, &owner, "above").await;
    nest(store, &above, &top).await;
    let mut seen = first.items.clone();
    let mut after = first.next;
    while let Some(cursor) = after {
        let page = store.effective_groups_page(&user, page_of(Some(cursor), 2)).await.expect("a page");
        seen.extend(page.items);
        after = page.next;
    }
    assert!(each_once(&seen), "no group twice: {seen:?}");
    for stayed in [&top, &c, &d] {
        assert!(seen.contains(stayed), "{stayed:?} stayed an effective group throughout");
    }
}

// --- nested groups (issue 12) ------------------------------------------------------------------

pub(crate) async fn links_are_listed_both_ways_in_link_order_with_their_privileges(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let (top, left, right) = (
        new_group(store, &owner, "top").await,
        new_group(store, &owner, "left").await,
        new_group(store, &owner, "right").await,
    );
    nest(store, &top, &left).await;
    nest(store, &top, &right).await;
    nest(store, &left, &right).await;
    assert_eq!(store.child_groups(&top).await, Ok(vec![left.clone(), right.clone()]));
    assert_eq!(
        store.parent_groups(&right).await,
        Ok(vec![top.clone(), left.clone()]),
        "a group may have several parents"
    );
    assert_eq!(store.parent_groups(&top).await, Ok(vec![]));
    assert_eq!(store.link(&top, &left).await, Ok(Some(PrivilegeSet::default_member())));
    assert_eq!(store.link(&left, &top).await, Ok(None), "a link has a direction");

    let set = PrivilegeSet::from_iter([Privilege::ViewData, Privilege::InviteUser]);
    assert_eq!(store.set_link_privileges(&top, &left, set).await, Ok(Guarded::Done));
    assert_eq!(store.link(&top, &left).await, Ok(Some(set)));
    assert_eq!(store.set_link_privileges(&left, &top, set).await, Ok(Guarded::Missing), "no such link");

    assert_eq!(store.unlink(&top, &left).await, Ok(Guarded::Done));
    assert_eq!(store.unlink(&top, &left).await, Ok(Guarded::Missing), "already gone");
    assert_eq!(store.child_groups(&top).await, Ok(vec![right.clone()]));
    assert_eq!(store.get_group(&left).await.map(|g| g.is_some()), Ok(true), "unlinking keeps both groups");
}

pub(crate) async fn nested_join_checks_run_in_the_documented_order(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let (a, b, c) =
        (new_group(store, &owner, "a").await, new_group(store, &owner, "b").await, new_group(store, &owner, "c").await);
    assert_eq!(store.link_with_token("no such token", &b).await, Ok(LinkOutcome::TokenUnknown));
    let user_invite = new_invite(store, &a, Some(1)).await;
    assert_eq!(
        store.link_with_token(&user_invite, &b).await,
        Ok(LinkOutcome::TokenUnknown),
        "a user invite links nothing"
    );

    let mut revoked = a_group_invite(&a, Some(1));
    revoked.revoked = true;
    store.insert_token(&revoked).await.expect("insert a revoked group invite");
    assert_eq!(store.link_with_token(&revoked.id, &b).await, Ok(LinkOutcome::TokenUsedUp));

    let into_a = new_group_invite(store, &a, Some(2)).await;
    assert_eq!(store.link_with_token(&into_a, &GroupId::generate()).await, Ok(LinkOutcome::ChildGone));
    assert_eq!(store.link_with_token(&into_a, &b).await, Ok(LinkOutcome::Linked(a.clone())));
    assert_eq!(store.link_with_token(&into_a, &b).await, Ok(LinkOutcome::Relinked(a.clone())), "a retry");
    assert_eq!(uses(store, &into_a).await, 1, "a retry counts no use");
    let again_into_a = new_group_invite(store, &a, Some(2)).await;
    assert_eq!(store.link_with_token(&again_into_a, &b).await, Ok(LinkOutcome::AlreadyLinked));
    assert_eq!(uses(store, &again_into_a).await, 0, "an existing link counts no use");

    // b is a child of a: a joining b, or b joining itself, would close a cycle, and c under b
    // then a under c (a longer way round) too.
    let into_b = new_group_invite(store, &b, None).await;
    assert_eq!(store.link_with_token(&into_b, &a).await, Ok(LinkOutcome::WouldCycle));
    assert_eq!(store.link_with_token(&into_b, &b).await, Ok(LinkOutcome::WouldCycle));
    assert_eq!(store.link_with_token(&into_b, &c).await, Ok(LinkOutcome::Linked(b.clone())));
    let into_c = new_group_invite(store, &c, None).await;
    assert_eq!(store.link_with_token(&into_c, &a).await, Ok(LinkOutcome::WouldCycle));
    assert_eq!(uses(store, &into_b).await, 1, "a refused cycle counts no use");
    assert_eq!(uses(store, &into_c).await, 0);

    let into_gone = new_group_invite(store, &c, Some(1)).await;
    assert_eq!(store.delete_group(&c).await, Ok(Guarded::Done));
    assert_eq!(store.link_with_token(&into_gone, &a).await, Ok(LinkOutcome::GroupGone));
    assert_eq!(uses(store, &into_gone).await, 0);
}

pub(crate) async fn a_check_that_asks_for_at_least_some_privileges_may_stop_at_the_direct_ones(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let both = new_user(store, "both").await;
    let deep = new_user(store, "deep").await;
    let stranger = new_user(store, "stranger").await;
    let (top, bottom) = (new_group(store, &owner, "top").await, new_group(store, &owner, "bottom").await);
    nest(store, &top, &bottom).await;
    let flows = PrivilegeSet::from_iter([Privilege::ViewData, Privilege::InviteUser]);
    store.set_link_privileges(&top, &bottom, flows).await.expect("bottom's privileges in top");
    store.add_member(&bottom, &deep, PrivilegeSet::default(), &deep).await.expect("deep joins bottom");
    store.add_member(&bottom, &both, PrivilegeSet::default(), &both).await.expect("both joins bottom");
    let direct = PrivilegeSet::from_iter([Privilege::ViewData]);
    store.add_member(&top, &both, direct, &both).await.expect("both joins top");
    let view = PrivilegeSet::from_iter([Privilege::ViewData]);
    let invite = PrivilegeSet::from_iter([Privilege::InviteUser]);

    // The direct privileges hold what is asked: they may be the whole answer (the memory store
    // answers exactly), and they are always part of it.
    let answer = store.effective_privileges_at_least(&top, &both, view).await.expect("read").expect("a member");
    assert!(answer == direct || answer == direct.union(flows), "{answer:?}");
    // They do not: the answer is the exact effective one.
    assert_eq!(store.effective_privileges_at_least(&top, &both, invite).await, Ok(Some(direct.union(flows))));
    assert_eq!(store.effective_privileges_at_least(&top, &deep, PrivilegeSet::default()).await, Ok(Some(flows)));
    assert_eq!(store.effective_privileges_at_least(&top, &deep, view).await, Ok(Some(flows)));
    assert_eq!(store.effective_privileges_at_least(&top, &stranger, PrivilegeSet::default()).await, Ok(None));
    assert_eq!(store.effective_privileges(&top, &both).await, Ok(Some(direct.union(flows))), "all() asks for it all");
}

pub(crate) async fn effective_membership_and_privileges_flow_across_three_levels(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let deep = new_user(store, "deep").await;
    let (top, middle, bottom) = (
        new_group(store, &owner, "top").await,
        new_group(store, &owner, "middle").await,
        new_group(store, &owner, "bottom").await,
    );
    store
        .add_member(&bottom, &deep, PrivilegeSet::from_iter([Privilege::Remove]), &deep)
        .await
        .expect("deep joins bottom");
    assert_eq!(store.effective_privileges(&top, &deep).await, Ok(None), "not yet nested");
    nest(store, &top, &middle).await;
    nest(store, &middle, &bottom).await;
    let top_grants = PrivilegeSet::from_iter([Privilege::ViewData, Privilege::InviteUser]);
    let middle_grants = PrivilegeSet::from_iter([Privilege::ChangeData]);
    store.set_link_privileges(&top, &middle, top_grants).await.expect("middle's privileges in top");
    store.set_link_privileges(&middle, &bottom, middle_grants).await.expect("bottom's privileges in middle");

    // What a child holds in its parent flows to every effective member of the child, whatever
    // its own privileges in the child; its direct privileges stay where they are.
    assert_eq!(
        store.effective_privileges(&bottom, &deep).await,
        Ok(Some(PrivilegeSet::from_iter([Privilege::Remove])))
    );
    assert_eq!(store.effective_privileges(&middle, &deep).await, Ok(Some(middle_grants)));
    assert_eq!(store.effective_privileges(&top, &deep).await, Ok(Some(top_grants)));
    // A direct member of top is united with what flows.
    store
        .add_member(&top, &deep, PrivilegeSet::from_iter([Privilege::RemoveUser]), &deep)
        .await
        .expect("deep joins top");
    let united = top_grants.union(PrivilegeSet::from_iter([Privilege::RemoveUser]));
    assert_eq!(store.effective_privileges(&top, &deep).await, Ok(Some(united)));
    assert_eq!(store.remove_member(&top, &deep).await, Ok(Guarded::Done));

    assert_eq!(
        store.effective_users(&top).await,
        Ok(vec![owner.clone(), deep.clone()]),
        "direct first, then inherited"
    );
    assert_eq!(store.effective_groups(&deep).await, Ok(vec![bottom.clone(), top.clone(), middle.clone()]));
    assert_eq!(store.membership(&top, &deep).await, Ok(None), "membership stays the direct one");

    // Zone privileges of an ancestor flow to its effective members.
    let zone = ZonePrivilegeSet::from_iter([ZonePrivilege::ListUsers]);
    store.change_zone_privileges(&ZoneHolder::Group(top.clone()), ZoneChange::Set(zone)).await.expect("top's zone");
    assert_eq!(store.effective_zone_privileges(&deep).await, Ok(zone));

    // Unlinking the middle revokes all that flowed through it, at once.
    assert_eq!(store.unlink(&middle, &bottom).await, Ok(Guarded::Done));
    assert_eq!(store.effective_privileges(&top, &deep).await, Ok(None));
    assert_eq!(store.effective_privileges(&middle, &deep).await, Ok(None));
    assert_eq!(store.effective_users(&top).await, Ok(vec![owner.clone()]));
    assert_eq!(store.effective_groups(&deep).await, Ok(vec![bottom.clone()]));
    assert_eq!(store.effective_zone_privileges(&deep).await, Ok(ZonePrivilegeSet::empty()));
}

pub(crate) async fn a_diamond_counts_each_member_and_group_once(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let member = new_user(store, "member").await;
    let (top, left, right, bottom) = (
        new_group(store, &owner, "top").await,
        new_group(store, &owner, "left").await,
        new_group(store, &owner, "right").await,
        new_group(store, &owner, "bottom").await,
    );
    nest(store, &top, &left).await;
    nest(store, &top, &right).await;
    nest(store, &left, &bottom).await;
    nest(store, &right, &bottom).await;
    store.add_member(&bottom, &member, PrivilegeSet::default_member(), &member).await.expect("member joins bottom");
    store.set_link_privileges(&top, &right, PrivilegeSet::from_iter([Privilege::Remove])).await.expect("right in top");
    assert_eq!(store.effective_users(&top).await, Ok(vec![owner.clone(), member.clone()]));
    let groups = store.effective_groups(&member).await.expect("groups");
    assert_eq!(groups, vec![bottom.clone(), top.clone(), left.clone(), right.clone()]);
    let both = PrivilegeSet::from_iter([Privilege::ViewData, Privilege::Remove]);
    assert_eq!(store.effective_privileges(&top, &member).await, Ok(Some(both)), "united over both ways up");

    // One way up goes: the other still holds, with only what flows along it.
    assert_eq!(store.unlink(&left, &bottom).await, Ok(Guarded::Done));
    let right_only = PrivilegeSet::from_iter([Privilege::Remove]);
    assert_eq!(store.effective_privileges(&top, &member).await, Ok(Some(right_only)));
    assert_eq!(store.effective_privileges(&left, &member).await, Ok(None));
    assert_eq!(store.effective_groups(&member).await, Ok(vec![bottom.clone(), top.clone(), right.clone()]));
    // Linking back, then deleting the other way's group, leaves the first way.
    nest(store, &left, &bottom).await;
    assert_eq!(store.delete_group(&right).await, Ok(Guarded::Done));
    assert_eq!(store.effective_privileges(&top, &member).await, Ok(Some(PrivilegeSet::default_member())));
    assert_eq!(store.effective_groups(&member).await, Ok(vec![bottom.clone(), top.clone(), left.clone()]));
    // And deleting the bottom's last way up leaves it alone.
    assert_eq!(store.delete_group(&left).await, Ok(Guarded::Done));
    assert_eq!(store.effective_privileges(&top, &member).await, Ok(None));
    assert_eq!(store.effective_groups(&member).await, Ok(vec![bottom.clone()]));
    assert_eq!(store.effective_users(&top).await, Ok(vec![owner.clone()]));
    // A group that was below another can be linked above it once nothing joins them.
    nest(store, &bottom, &top).await;
    assert_eq!(store.effective_groups(&owner).await.map(|g| g.len()), Ok(2), "the owner's top and bottom");
}

pub(crate) async fn deleting_a_linked_group_removes_its_links_both_ways(store: &dyn Store) {
    let owner = new_user(store, "owner").await;
    let (top, middle, bottom) = (
        new_group(store, &owner, "top").await,
        new_group(store, &owner, "middle").await,
        new_group(store, &owner, "bottom").await,
    );
    nest(store, &top, &middle).await;
    nest(store, &middle, &bottom).await;
    assert_eq!(store.delete_group(&middle).await, Ok(Guarded::Done));
    assert_eq!(store.child_groups(&top).await, Ok(vec![]));
    assert_eq!(store.parent_groups(&bottom).await, Ok(vec![]));
    // The ids stay free of any link: a group of the same id would start unlinked.
    assert_eq!(store.link(&top, &middle).await, Ok(None));
    assert_eq!(store.link(&middle, &bottom).await, Ok(None));
}

pub(crate) async fn a_single_use_group_invite_links_exactly_one_of_many_racing_groups(store: Arc<dyn Store>) {
    race_group_invite(&[store], 12).await;
}

pub(crate) async fn concurrent_links_and_unlinks_leave_effective_groups_equal_to_the_walked_ancestors(
    store: Arc<dyn Store>,
) {
    race_link_changes_and_check_the_closure(&[store], 8).await;
}

pub(crate) async fn two_joins_that_together_would_close_a_cycle_link_exactly_one(store: Arc<dyn Store>) {
    race_cycle_closing_links(&[store], 10).await;
}

/// One `#[tokio::test]` per contract function, against the backend `$fixture` makes. The
/// runtime is multi-threaded so that the racing tests race on real threads; the rest do not
/// mind. `borrowed` functions take `&dyn Store`, `shared` ones an `Arc` they can hand to tasks.
macro_rules! contract_suite {
    ($fixture:path; borrowed: [$($borrowed:ident),* $(,)?]; shared: [$($shared:ident),* $(,)?] $(;)?) => {
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $borrowed() {
                let Some(fixture) = $crate::store::contract_tests::IntoFixture::into_fixture($fixture()) else {
                    return;
                };
                super::$borrowed(&*fixture.store).await;
            }
        )*
        $(
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn $shared() {
                let Some(fixture) = $crate::store::contract_tests::IntoFixture::into_fixture($fixture()) else {
                    return;
                };
                super::$shared(fixture.store.clone()).await;
            }
        )*
    };
}

/// The whole list, once, so that a new contract function cannot be run against one backend
/// and forgotten for the other.
macro_rules! every_contract {
    ($fixture:path) => {
        contract_suite! {
            $fixture;
            borrowed: [
                users_can_be_created_read_updated_and_counted,
                creating_a_user_with_an_existing_id_is_a_backend_error,
                logins_are_unique_and_a_taken_login_adds_nothing,
                aliases_are_unique_and_a_user_may_set_its_own_again,
                a_user_is_found_by_login_with_its_password_hash,
                users_are_found_by_name_or_alias_in_creation_order,
                the_first_key_fingerprint_claimed_is_kept_and_returned_to_later_claims,
                a_write_probe_succeeds_on_a_writable_store_and_changes_nothing_visible,
                token_records_read_back_exactly_as_inserted,
                a_token_is_read_with_its_user_in_one_call,
                a_duplicate_token_identifier_is_refused_without_naming_it,
                a_group_invite_keeps_its_privilege_bits_exactly,
                creating_a_group_makes_its_creator_a_member_with_the_given_privileges,
                a_group_for_an_unknown_creator_is_refused_whole,
                creating_a_group_with_an_existing_id_is_a_backend_error,
                groups_can_be_read_updated_and_deleted,
                a_deleted_groups_invite_survives_and_a_join_reports_the_group_gone,
                groups_are_listed_in_creation_order,
                memberships_are_listed_in_join_order,
                pages_of_every_list_concatenate_to_the_whole_list,
                a_cursor_outlives_its_item_and_later_items_come_after_it,
                a_position_past_every_item_gives_an_empty_page,
                pages_of_the_nested_lists_concatenate_to_their_whole_lists,
                pages_of_effective_members_are_the_same_however_few_or_many_they_are,
                walking_a_changing_nested_list_gives_what_stayed_once_and_nothing_twice,
                membership_calls_tell_members_from_non_members,
                a_second_join_by_the_same_user_is_a_retry_and_counts_no_use,
                a_single_use_invite_admits_one_user_and_then_is_used_up,
                an_unlimited_invite_admits_every_user_and_counts_each,
                a_revoked_invite_is_used_up_and_changes_nothing,
                an_unknown_token_is_token_unknown,
                an_access_token_cannot_be_used_to_join,
                a_joined_member_gets_exactly_the_invites_privileges,
                join_checks_run_in_the_documented_order,
                a_join_by_an_unknown_user_is_refused_and_counts_no_use,
                a_user_created_with_zone_privileges_holds_exactly_them,
                zone_privileges_are_set_granted_and_revoked_for_users_and_groups,
                a_groups_zone_privileges_flow_to_its_members_while_they_are_members,
                users_are_listed_and_paged_in_creation_order,
                deleting_a_user_removes_its_memberships_tokens_and_zone_privileges,
                deleting_the_last_manager_of_a_group_with_other_members_is_refused_whole,
                leaving_or_losing_group_set_privileges_as_the_last_manager_is_refused,
                a_child_group_is_a_member_the_last_manager_cannot_abandon,
                a_managing_child_is_guarded_like_a_managing_user,
                a_group_without_a_manager_does_not_trap_its_members,
                a_member_added_without_an_invite_is_added_once_with_the_given_privileges,
                links_are_listed_both_ways_in_link_order_with_their_privileges,
                nested_join_checks_run_in_the_documented_order,
                a_check_that_asks_for_at_least_some_privileges_may_stop_at_the_direct_ones,
                effective_membership_and_privileges_flow_across_three_levels,
                a_diamond_counts_each_member_and_group_once,
                deleting_a_linked_group_removes_its_links_both_ways,
                a_named_token_reads_back_exactly_and_by_its_name,
                names_are_unique_per_issuer_on_insert_and_on_rename,
                a_named_token_is_updated_revoked_and_unrevoked,
                deleting_tokens_deletes_their_join_records_and_only_the_issuers_named_ones,
                deleting_a_user_deletes_its_named_tokens_and_its_other_invites_fail_the_issuer_check,
                a_groups_invites_leave_out_revoked_used_up_and_expired_ones,
                named_tokens_invites_and_join_records_are_paged,
                an_issuer_who_left_or_lost_the_invite_privilege_is_not_allowed,
                an_issuer_allowed_through_a_parent_group_or_the_zone_privilege_passes,
                an_invite_granting_more_than_a_member_needs_an_issuer_who_may_set_privileges,
                an_invite_granting_more_needs_set_privileges_in_the_zone_beside_adding_members,
                checks_run_in_order_unknown_retry_used_up_group_gone_issuer_already_member,
                a_memberships_origin_says_how_it_was_made,
                join_records_are_written_for_joins_and_nested_joins_and_outlive_the_membership,
            ];
            shared: [
                a_single_use_invite_admits_exactly_one_of_many_racing_users,
                an_invite_with_three_uses_admits_exactly_three_of_many_racing_users,
                one_user_racing_itself_joins_once_and_counts_one_use,
                racing_claims_of_different_key_fingerprints_all_learn_the_one_recorded,
                two_last_managers_leaving_at_once_leave_exactly_one,
                a_user_and_a_child_managing_leaving_at_once_leave_exactly_one,
                the_last_member_leaving_while_others_join_never_leaves_them_unmanaged,
                a_single_use_group_invite_links_exactly_one_of_many_racing_groups,
                two_joins_that_together_would_close_a_cycle_link_exactly_one,
                concurrent_links_and_unlinks_leave_effective_groups_equal_to_the_walked_ancestors,
                an_invite_with_k_uses_admits_exactly_k_of_ten_k_racing_users,
                joins_racing_a_revocation_admit_no_one_after_it,
                renames_and_inserts_racing_for_one_name_give_it_to_exactly_one,
            ];
        }
    };
}

mod memory {
    use super::memory_fixture;
    every_contract!(memory_fixture);
}

mod sqlite {
    use super::sqlite_fixture;
    every_contract!(sqlite_fixture);
}

mod postgres {
    use super::postgres_fixture;
    every_contract!(postgres_fixture);
}
