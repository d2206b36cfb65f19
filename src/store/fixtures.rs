//! Test fixtures shared by the contract suite and every backend's own tests: values to store,
//! stored setups (a user, a group with its owner and an invite), the racing joins, and the checks
//! that both SQL backends make on rows they cannot decode. A backend's tests keep only what needs
//! its own connection (raw SQL, files, pragmas, pools).

use std::sync::Arc;

use super::{Guarded, JoinOutcome, LinkOutcome, Store, StoreError, StoreResult, TokenGrant, TokenRecord};
use crate::domain::{Group, GroupId, GroupType, Login, Name, Privilege, PrivilegeSet, User, UserId};

pub(crate) fn name(raw: &str) -> Name {
    Name::parse(raw, "name").expect("test names are valid")
}

/// A user named `raw`, with a login made unique by its id (`raw.<id>`), so that fixtures may
/// share a name.
pub(crate) fn a_user(raw: &str) -> User {
    let id = UserId::generate();
    let login = Login::parse_stored(&format!("{raw}.{id}")).expect("test names are short");
    User { id, login, name: name(raw), alias: None }
}

pub(crate) fn a_group(raw: &str) -> Group {
    Group { id: GroupId::generate(), name: name(raw), kind: GroupType::Team }
}

/// An invite to `group` granting `privileges`, with a fresh identifier and no use counted.
pub(crate) fn an_invite_granting(group: &GroupId, privileges: PrivilegeSet, max_uses: Option<u32>) -> TokenRecord {
    TokenRecord {
        id: format!("inv-{}", GroupId::generate()),
        grant: TokenGrant::GroupInviteUser { group: group.clone(), privileges },
        max_uses,
        uses: 0,
        revoked: false,
        created_at: 1_700_000_000,
        issuer: None,
        name: None,
        caveats: "[]".into(),
        valid_until: None,
        custom_metadata: "{}".into(),
    }
}

/// An invite to `group` granting the default member privileges.
pub(crate) fn an_invite(group: &GroupId, max_uses: Option<u32>) -> TokenRecord {
    an_invite_granting(group, PrivilegeSet::default_member(), max_uses)
}

/// An unlimited, unrevoked access token `id` for `user`.
pub(crate) fn an_access_token(id: &str, user: &UserId) -> TokenRecord {
    TokenRecord {
        id: id.into(),
        grant: TokenGrant::Access { user: user.clone() },
        max_uses: None,
        uses: 0,
        revoked: false,
        created_at: 1_700_000_000,
        issuer: None,
        name: None,
        caveats: "[]".into(),
        valid_until: None,
        custom_metadata: "{}".into(),
    }
}

/// Stores a new user and returns its id.
pub(crate) async fn new_user(store: &dyn Store, raw: &str) -> UserId {
    let user = a_user(raw);
    store.create_user(&user).await.expect("create user");
    user.id
}

/// Stores a group created by `owner` with every privilege and returns its id.
pub(crate) async fn new_group(store: &dyn Store, owner: &UserId, raw: &str) -> GroupId {
    let group = a_group(raw);
    store.create_group(&group, owner, PrivilegeSet::all()).await.expect("create group");
    group.id
}

/// Stores an invite to `group` and returns its identifier.
pub(crate) async fn new_invite(store: &dyn Store, group: &GroupId, max_uses: Option<u32>) -> String {
    let record = an_invite(group, max_uses);
    store.insert_token(&record).await.expect("insert invite");
    record.id
}

/// A stored group, its owner (a member with every privilege) and a stored invite to it.
pub(crate) struct Team {
    pub(crate) owner: User,
    pub(crate) group: Group,
    pub(crate) invite: TokenRecord,
}

/// Stores a `Team` whose invite has `max_uses`.
pub(crate) async fn a_team(store: &dyn Store, max_uses: Option<u32>) -> Team {
    let owner = a_user("owner");
    store.create_user(&owner).await.expect("create owner");
    let group = a_group("team");
    store.create_group(&group, &owner.id, PrivilegeSet::all()).await.expect("create group");
    let invite = an_invite(&group.id, max_uses);
    store.insert_token(&invite).await.expect("insert invite");
    Team { owner, group, invite }
}

/// The uses counted so far on token `token`, which must exist.
pub(crate) async fn uses(store: &dyn Store, token: &str) -> u32 {
    store.get_token(token).await.expect("read token").expect("the token exists").uses
}

/// `racers` distinct new users join at once through one new invite with `max_uses`, spread
/// over `stores` in turn (several stores on one database stand for several server instances);
/// returns how many joined and how many were told the invite is used up, after checking that no
/// other outcome came and that the store agrees.
pub(crate) async fn race_joins(stores: &[Arc<dyn Store>], racers: usize, max_uses: u32) -> (usize, usize) {
    let store = &*stores[0];
    let team = a_team(store, Some(max_uses)).await;
    let users: Vec<User> = (0..racers).map(|i| a_user(&format!("racer {i}"))).collect();
    let creations = users.iter().enumerate().map(|(i, user)| stores[i % stores.len()].create_user(user));
    for created in futures::future::join_all(creations).await {
        created.expect("create racer");
    }

    // The barrier releases every task at once, so the joins really overlap.
    let barrier = Arc::new(tokio::sync::Barrier::new(racers));
    let tasks: Vec<_> = users
        .into_iter()
        .enumerate()
        .map(|(i, user)| {
            let (store, barrier) = (stores[i % stores.len()].clone(), barrier.clone());
            let token = team.invite.id.clone();
            tokio::spawn(async move {
                barrier.wait().await;
                store.join_with_token(&token, &user.id).await
            })
        })
        .collect();
    let mut outcomes = Vec::with_capacity(racers);
    for result in futures::future::join_all(tasks).await {
        outcomes.push(result.expect("the task finishes").expect("the join succeeds"));
    }

    let joined = outcomes.iter().filter(|o| matches!(o, JoinOutcome::Joined(_))).count();
    let used_up = outcomes.iter().filter(|o| **o == JoinOutcome::TokenUsedUp).count();
    assert_eq!(joined + used_up, racers, "no other outcome is possible here");
    let last = &*stores[stores.len() - 1];
    assert_eq!(uses(last, &team.invite.id).await as usize, joined);
    assert_eq!(store.group_users(&team.group.id).await.map(|u| u.len()), Ok(joined + 1));
    (joined, used_up)
}

/// `rounds` times: a group with two managers and a plain member, and both managers leaving at
/// once, each through the next of `stores` (several stores on one database stand for several
/// server instances). Checks that exactly one left each time, the other was told it is the last
/// manager, and the group kept its last manager.
pub(crate) async fn race_last_managers_leaving(stores: &[Arc<dyn Store>], rounds: usize) {
    let store = &*stores[0];
    for round in 0..rounds {
        let first = new_user(store, "first manager").await;
        let second = new_user(store, "second manager").await;
        let member = new_user(store, "member").await;
        let group = new_group(store, &first, &format!("managed {round}")).await;
        store.add_member(&group, &second, PrivilegeSet::all(), &second).await.expect("add the second manager");
        store.add_member(&group, &member, PrivilegeSet::default_member(), &member).await.expect("add a member");

        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let tasks: Vec<_> = [first.clone(), second.clone()]
            .into_iter()
            .enumerate()
            .map(|(i, user)| {
                let (store, barrier, group) =
                    (stores[(round + i) % stores.len()].clone(), barrier.clone(), group.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    store.remove_member(&group, &user).await
                })
            })
            .collect();
        let mut outcomes = Vec::new();
        for result in futures::future::join_all(tasks).await {
            outcomes.push(result.expect("the task finishes").expect("the removal answers"));
        }
        let left = outcomes.iter().filter(|o| **o == Guarded::Done).count();
        let refused = outcomes.iter().filter(|o| **o == Guarded::LastManager(group.clone())).count();
        assert_eq!((left, refused), (1, 1), "round {round}: {outcomes:?}");
        let members = stores[stores.len() - 1].group_users(&group).await.expect("members");
        assert_eq!(members.len(), 2, "round {round}: one manager and the member remain");
        let managers = [first, second].into_iter().filter(|u| members.contains(u)).count();
        assert_eq!(managers, 1, "round {round}");
    }
}

/// `rounds` times, on a group managed by one user and by a child group's link, with a plain member
/// besides: the user's membership and the child's link lose `group_set_privileges` at once, each
/// through `stores[i]` in turn (each round changes which of removal, demotion or the user's
/// deletion, and unlink or demotion, race). Exactly one of the two changes must be refused
/// (contract §7), whichever isolation level each runs at.
pub(crate) async fn race_user_and_child_managers_leaving(stores: &[Arc<dyn Store>], rounds: usize) {
    let store = &*stores[0];
    let managing = PrivilegeSet::from_iter([Privilege::ViewData, Privilege::SetPrivileges]);
    for round in 0..rounds {
        let manager = new_user(store, "user manager").await;
        let member = new_user(store, "member").await;
        let group = new_group(store, &manager, &format!("managed {round}")).await;
        let child = new_group(store, &member, &format!("admins {round}")).await;
        nest(store, &group, &child).await;
        assert_eq!(store.set_link_privileges(&group, &child, managing).await, Ok(Guarded::Done));
        store.add_member(&group, &member, PrivilegeSet::default_member(), &manager).await.expect("add a member");

        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let user_side = {
            let (store, barrier) = (stores[round % stores.len()].clone(), barrier.clone());
            let (group, manager) = (group.clone(), manager.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                match round % 3 {
                    0 => store.remove_member(&group, &manager).await,
                    1 => store.set_privileges(&group, &manager, PrivilegeSet::default_member()).await,
                    _ => store.delete_user(&manager).await,
                }
            })
        };
        let child_side = {
            let (store, barrier) = (stores[(round + 1) % stores.len()].clone(), barrier.clone());
            let (group, child) = (group.clone(), child.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                match round % 2 {
                    0 => store.unlink(&group, &child).await,
                    _ => store.set_link_privileges(&group, &child, PrivilegeSet::default_member()).await,
                }
            })
        };
        let outcomes = [
            user_side.await.expect("the task finishes").expect("the user's change answers"),
            child_side.await.expect("the task finishes").expect("the child's change answers"),
        ];
        let refused = outcomes.iter().filter(|o| **o == Guarded::LastManager(group.clone())).count();
        let done = outcomes.iter().filter(|o| **o == Guarded::Done).count();
        assert_eq!((done, refused), (1, 1), "round {round}: {outcomes:?}");
        let reader = &*stores[stores.len() - 1];
        let user_manages =
            reader.membership(&group, &manager).await.expect("read").is_some_and(|p| p == PrivilegeSet::all());
        let child_manages = reader.link(&group, &child).await.expect("read") == Some(managing);
        assert!(user_manages != child_manages, "round {round}: exactly one manager remains: {outcomes:?}");
    }
}

/// `rounds` times, a group's only member (and manager) leaves, is removed or is deleted while
/// users join with its unlimited invite and a group with its unlimited group invite, through
/// `stores[i]` in turn. Joining after the leave is refused (the issuer no longer may invite) and
/// leaving after a join is refused (the last manager), so the group must end either empty or
/// still managed: never with members and no manager (contract §7).
pub(crate) async fn race_last_member_leaving_and_joins(stores: &[Arc<dyn Store>], rounds: usize) {
    let store = &*stores[0];
    for round in 0..rounds {
        let owner = new_user(store, "owner").await;
        let group = new_group(store, &owner, &format!("alone {round}")).await;
        let invite = TokenRecord { issuer: Some(owner.clone()), ..an_invite(&group, None) };
        store.insert_token(&invite).await.expect("insert invite");
        let group_invite = TokenRecord { issuer: Some(owner.clone()), ..a_group_invite(&group, None) };
        store.insert_token(&group_invite).await.expect("insert group invite");
        let joiners = [new_user(store, "joiner a").await, new_user(store, "joiner b").await];
        let child = new_group(store, &joiners[0], &format!("child {round}")).await;

        let barrier = Arc::new(tokio::sync::Barrier::new(4));
        let pick = |i: usize| stores[(round + i) % stores.len()].clone();
        let leave = {
            let (store, barrier, group, owner) = (pick(0), barrier.clone(), group.clone(), owner.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                match round % 3 {
                    0 | 1 => store.remove_member(&group, &owner).await,
                    _ => store.delete_user(&owner).await,
                }
            })
        };
        let joins: Vec<_> = joiners
            .iter()
            .enumerate()
            .map(|(i, joiner)| {
                let (store, barrier, id, joiner) = (pick(i + 1), barrier.clone(), invite.id.clone(), joiner.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    store.join_with_token(&id, &joiner).await.map(|o| matches!(o, JoinOutcome::Joined(_)))
                })
            })
            .collect();
        let link = {
            let (store, barrier, id, child) = (pick(3), barrier.clone(), group_invite.id.clone(), child.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                store.link_with_token(&id, &child).await.map(|o| matches!(o, LinkOutcome::Linked(_)))
            })
        };
        let left = leave.await.expect("the task finishes").expect("the leave answers");
        let mut joined = 0;
        for join in joins {
            joined += usize::from(join.await.expect("the task finishes").expect("the join answers"));
        }
        let linked = link.await.expect("the task finishes").expect("the link answers");
        let reader = &*stores[stores.len() - 1];
        let members = reader.group_users(&group).await.expect("members");
        let children = reader.child_groups(&group).await.expect("children");
        let what = format!("round {round}: leave {left:?}, {joined} joined, linked {linked}, members {members:?}");
        match left {
            Guarded::Done => {
                assert!(members.is_empty() && children.is_empty(), "{what}: the group has members and no manager");
            }
            Guarded::LastManager(_) => {
                assert!(members.contains(&owner), "{what}");
                assert!(joined + usize::from(linked) > 0, "{what}: refused though no one had joined");
            }
            Guarded::Missing => panic!("{what}"),
        }
    }
}

/// Checks that `store` refuses, as `Backend` errors that do not quote the stored values, the rows
/// a SQL backend's test has written behind its back: a user `bad-name` with an empty name, a
/// group `bad-type` of type `club`, a group `bad/id`, a token `odd-kind` of kind `space_invite`
/// and a token `no-group` of kind `group_invite_user` without its group.
pub(crate) async fn undecodable_rows_are_backend_errors(store: &dyn Store) {
    let is_backend = |r: StoreResult<()>| matches!(r, Err(StoreError::Backend(_)));
    let bad_user = UserId::parse("bad-name").expect("a valid id");
    assert!(is_backend(store.get_user(&bad_user).await.map(|_| ())));
    let bad_group = GroupId::parse("bad-type").expect("a valid id");
    assert!(is_backend(store.get_group(&bad_group).await.map(|_| ())));
    assert!(is_backend(store.list_groups().await.map(|_| ())));
    assert!(is_backend(store.get_token("odd-kind").await.map(|_| ())));
    assert!(is_backend(store.get_token("no-group").await.map(|_| ())));
    match store.join_with_token("no-group", &UserId::generate()).await {
        Err(StoreError::Backend(message)) => assert!(!message.contains("no-group"), "{message}"),
        other => panic!("expected a backend error, got {other:?}"),
    }
}

/// A new, empty PostgreSQL database for the calling test, from the one test launcher
/// (`oz_testkit::postgres`: `OZ_TEST_POSTGRES_URL`, or this process's throwaway cluster). `None`
/// after the launcher's loud skip line on a machine without PostgreSQL; under CI that is a
/// failure instead.
pub(crate) async fn postgres_database() -> Option<String> {
    let test = std::thread::current().name().unwrap_or("a PostgreSQL store test").to_owned();
    oz_testkit::postgres::fresh_database(&test).await
}

/// Users of a database at migration 0003, in creation order: `(id, name, alias)`. Three share
/// the name `alice`, one is named `alice-2` (what the second `alice` would be given), and two
/// pairs share an alias.
pub(crate) const USERS_AT_0003: [(&str, &str, Option<&str>); 5] = [
    ("u1", "alice", Some("al")),
    ("u2", "alice-2", None),
    ("u3", "alice", Some("al")),
    ("u4", "alice", Some("bo")),
    ("u5", "bob", Some("bo")),
];

/// What migration 0005 makes of `USERS_AT_0003` (its comments give the rules): the first
/// `alice` keeps the name as login, the third is `alice-3`, the second would be `alice-2`,
/// which `u2` already is, so it gets its id; of each shared alias the first holder keeps it.
/// Then the store keeps both unique.
pub(crate) async fn users_migrated_by_0005_have_unique_logins_and_aliases(store: &dyn Store) {
    let expected = [
        ("u1", "alice", Some("al")),
        ("u2", "alice-2", None),
        ("u3", "u3", None),
        ("u4", "alice-3", Some("bo")),
        ("u5", "bob", None),
    ];
    for (id, login, alias) in expected {
        let user = store.get_user(&UserId::parse(id).unwrap()).await.unwrap().expect("the user is still there");
        assert_eq!(user.login.as_str(), login, "{id}");
        assert_eq!(user.alias.as_ref().map(Name::as_str), alias, "{id}");
    }
    let (found, hash) = store.user_by_login("alice-3").await.unwrap().expect("found by login");
    assert_eq!((found.id.as_str(), hash), ("u4", None), "no user has a password yet");
    let mut again = a_user("alice");
    again.login = Login::parse("alice").unwrap();
    assert_eq!(store.create_user(&again).await, Ok(false), "migrated logins are unique");
    let u3 = UserId::parse("u3").unwrap();
    assert_eq!(store.update_user(&u3, None, Some(Some(&name("al")))).await, Ok(super::UserUpdate::AliasTaken));
    assert_eq!(store.update_user(&u3, None, Some(Some(&name("al3")))).await, Ok(super::UserUpdate::Updated));
}

/// A group invite (issue 12) into `parent` granting the default privileges, with a fresh
/// identifier and no use counted.
pub(crate) fn a_group_invite(parent: &GroupId, max_uses: Option<u32>) -> TokenRecord {
    TokenRecord {
        id: format!("ginv-{}", GroupId::generate()),
        grant: TokenGrant::GroupInviteGroup { group: parent.clone(), privileges: PrivilegeSet::default_member() },
        max_uses,
        uses: 0,
        revoked: false,
        created_at: 1_700_000_000,
        issuer: None,
        name: None,
        caveats: "[]".into(),
        valid_until: None,
        custom_metadata: "{}".into(),
    }
}

/// Stores a group invite into `parent` and returns its identifier.
pub(crate) async fn new_group_invite(store: &dyn Store, parent: &GroupId, max_uses: Option<u32>) -> String {
    let record = a_group_invite(parent, max_uses);
    store.insert_token(&record).await.expect("insert group invite");
    record.id
}

/// Links `child` under `parent` through a new single-use group invite, which must succeed.
pub(crate) async fn nest(store: &dyn Store, parent: &GroupId, child: &GroupId) {
    let token = new_group_invite(store, parent, Some(1)).await;
    let outcome = store.link_with_token(&token, child).await.expect("link");
    assert_eq!(outcome, LinkOutcome::Linked(parent.clone()), "linking a child under its parent");
}

/// `racers` new groups join one new single-use group invite at once, spread over `stores`;
/// checks that exactly one was linked, the others told the token is used up, and the store
/// agrees.
pub(crate) async fn race_group_invite(stores: &[Arc<dyn Store>], racers: usize) {
    let store = &*stores[0];
    let owner = new_user(store, "owner").await;
    let parent = new_group(store, &owner, "parent").await;
    let token = new_group_invite(store, &parent, Some(1)).await;
    let mut children = Vec::new();
    for i in 0..racers {
        children.push(new_group(store, &owner, &format!("child {i}")).await);
    }
    let barrier = Arc::new(tokio::sync::Barrier::new(racers));
    let tasks: Vec<_> = children
        .iter()
        .enumerate()
        .map(|(i, child)| {
            let (store, barrier, token, child) =
                (stores[i % stores.len()].clone(), barrier.clone(), token.clone(), child.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                store.link_with_token(&token, &child).await
            })
        })
        .collect();
    let mut linked = 0;
    for result in futures::future::join_all(tasks).await {
        match result.expect("the task finishes").expect("the link call succeeds") {
            LinkOutcome::Linked(_) => linked += 1,
            LinkOutcome::TokenUsedUp => {}
            other => panic!("unexpected outcome {other:?}"),
        }
    }
    assert_eq!(linked, 1, "a single-use group invite links exactly one group");
    assert_eq!(uses(store, &token).await, 1);
    assert_eq!(store.child_groups(&parent).await.map(|c| c.len()), Ok(1));
}

/// `rounds` times: two groups each holding an invite from the other, joining at once through
/// the next of `stores` (A into B and B into A): exactly one link is made, the other join is
/// told it would close a cycle, and no cycle is stored.
pub(crate) async fn race_cycle_closing_links(stores: &[Arc<dyn Store>], rounds: usize) {
    let store = &*stores[0];
    let owner = new_user(store, "owner").await;
    for round in 0..rounds {
        let a = new_group(store, &owner, &format!("a {round}")).await;
        let b = new_group(store, &owner, &format!("b {round}")).await;
        let into_a = new_group_invite(store, &a, Some(1)).await;
        let into_b = new_group_invite(store, &b, Some(1)).await;
        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let tasks: Vec<_> = [(into_a, b.clone()), (into_b, a.clone())]
            .into_iter()
            .enumerate()
            .map(|(i, (token, child))| {
                let (store, barrier) = (stores[i % stores.len()].clone(), barrier.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    store.link_with_token(&token, &child).await
                })
            })
            .collect();
        let mut outcomes = Vec::new();
        for result in futures::future::join_all(tasks).await {
            outcomes.push(result.expect("the task finishes").expect("the link call succeeds"));
        }
        let linked = outcomes.iter().filter(|o| matches!(o, LinkOutcome::Linked(_))).count();
        let refused = outcomes.iter().filter(|o| **o == LinkOutcome::WouldCycle).count();
        assert_eq!((linked, refused), (1, 1), "round {round}: {outcomes:?}");
        let links = store.child_groups(&a).await.expect("a's children").len()
            + store.child_groups(&b).await.expect("b's children").len();
        assert_eq!(links, 1, "round {round}: exactly one link is stored");
    }
}

/// `rounds` times, concurrent link and unlink calls spread over `stores` on twelve groups (each
/// with a member of its own); then each member's effective groups, which the SQL backends read
/// from their closure, must equal its group's ancestors found by walking `parent_groups`.
pub(crate) async fn race_link_changes_and_check_the_closure(stores: &[Arc<dyn Store>], rounds: usize) {
    use std::collections::{BTreeSet, VecDeque};
    let store = &*stores[0];
    let owner = new_user(store, "owner").await;
    let mut groups = Vec::new();
    let mut members = Vec::new();
    for i in 0..12 {
        let group = new_group(store, &owner, &format!("g{i}")).await;
        let member = new_user(store, &format!("m{i}")).await;
        store.add_member(&group, &member, PrivilegeSet::default_member(), &member).await.expect("add the member");
        groups.push(group);
        members.push(member);
    }
    // A deterministic spread of pairs (parent lower than child, so no change is a cycle attempt
    // by construction; cycles are the other race's business).
    let pairs: Vec<(usize, usize)> = (0..12).flat_map(|p| (p + 1..12).map(move |c| (p, c))).collect();
    for round in 0..rounds {
        let mut tasks = Vec::new();
        for (k, &(p, c)) in pairs.iter().enumerate().filter(|(k, _)| (k * 7 + round * 3) % 5 < 2) {
            let (parent, child) = (groups[p].clone(), groups[c].clone());
            let store = stores[k % stores.len()].clone();
            let token = new_group_invite(&*store, &parent, Some(1)).await;
            tasks.push(tokio::spawn(async move {
                if store.link(&parent, &child).await?.is_some() {
                    store.unlink(&parent, &child).await.map(|_| ())
                } else {
                    store.link_with_token(&token, &child).await.map(|_| ())
                }
            }));
        }
        for result in futures::future::join_all(tasks).await {
            result.expect("the task finishes").expect("the change succeeds");
        }
    }
    for (group, member) in groups.iter().zip(&members) {
        let mut walked = BTreeSet::from([group.clone()]);
        let mut queue = VecDeque::from([group.clone()]);
        while let Some(g) = queue.pop_front() {
            for parent in store.parent_groups(&g).await.expect("parents") {
                if walked.insert(parent.clone()) {
                    queue.push_back(parent);
                }
            }
        }
        let read: BTreeSet<GroupId> =
            store.effective_groups(member).await.expect("effective groups").into_iter().collect();
        assert_eq!(read, walked, "the effective groups of {group}'s member are its ancestors");
    }
}
