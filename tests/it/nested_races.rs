//! Nested groups beyond the model test (issue 12 points 2, 3 and 5): the cycle race across two
//! real server instances on one PostgreSQL database, privileges inherited across three levels
//! and lost at once when the middle link goes, the 404-hiding rule (§2) for an effective member
//! through a child versus a stranger, and the nested invite's own rules (token type, GET alias,
//! single use).
//!
//! The race lines both joins up inside their transactions: this test holds the two invites'
//! rows locked, as a slow concurrent writer would, until each instance has a session waiting on
//! a lock, and then lets go, so that the database alone decides which link closes the cycle.

use std::collections::BTreeMap;
use std::time::Duration;

use futures::future::join_all;
use oz_groups::tokens::{Caveat, Macaroon};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::all_backends;
use crate::support::process::{spawn_binary, Remote, ServerProcess};
use crate::support::tokens::identifier;
use crate::support::{assert_error, poll, sorted, spawn_app, strings, Backend, Reply, TestApp, API_ROOT};

/// A group id nobody has (ids are 32 hex digits).
const NO_SUCH_GROUP: &str = "ffffffffffffffffffffffffffffffff";

/// Rounds of the cycle race.
const ROUNDS: usize = 12;

// --- the cycle race across instances -----------------------------------------------------------

/// Two `oz-groups serve` processes on one fresh PostgreSQL database and one master key.
struct Pair {
    url: String,
    _dir: tempfile::TempDir,
    _servers: Vec<ServerProcess>,
    apis: Vec<Remote>,
    admin: String,
}

impl Pair {
    /// `None` (after `oz_testkit::skip`) without PostgreSQL.
    async fn start(test: &str) -> Option<Pair> {
        let url = oz_testkit::postgres::fresh_database(test).await?;
        let key: [u8; 32] = rand::random();
        let master_key: String = key.iter().map(|b| format!("{b:02x}")).collect();
        let dir = tempfile::tempdir().expect("a temporary directory");
        let env = [("OZ_MASTER_KEY", master_key.as_str())];
        let separator = if url.contains('?') { '&' } else { '?' };
        let mut servers = Vec::new();
        // One after the other: the first migrates the database and creates the admin. Each
        // connects under its own application_name, so pg_stat_activity tells them apart.
        // Every round's loser is a failed join by the admin (400 would_introduce_cycle), and
        // twelve rounds can put ten on one instance within a minute, past the recommended
        // 10/1m: the races are under test here, not the rate limit (tests/it has its own).
        for i in 0..2 {
            let database = format!("{url}{separator}application_name=instance{i}");
            let args = ["--database", &database, "--limit-join-failures-per-user", "off"];
            servers.push(spawn_binary(dir.path(), &args, &env).await);
        }
        let apis = servers.iter().map(Remote::of).collect();
        let admin = std::fs::read_to_string(dir.path().join("admin.token")).expect("admin.token").trim().to_owned();
        Some(Pair { url, _dir: dir, _servers: servers, apis, admin })
    }

    /// `POST /groups/{gid}/nested/token` through instance `i`: the invite.
    async fn nested_invite(&self, i: usize, gid: &str) -> String {
        let reply = self.apis[i].send(Method::POST, &format!("/groups/{gid}/nested/token"), &self.admin, None).await;
        reply.expect(StatusCode::OK).json()["token"].as_str().expect("a token").to_owned()
    }

    /// The parents of `gid` as instance `i` lists them.
    async fn parents(&self, i: usize, gid: &str) -> Vec<String> {
        let reply = self.apis[i].get(&format!("/groups/{gid}/parent"), &self.admin).await;
        strings(&reply.expect(StatusCode::OK).json()["parent_groups"])
    }

    /// The children of `gid` as instance `i` lists them.
    async fn children(&self, i: usize, gid: &str) -> Vec<String> {
        let reply = self.apis[i].get(&format!("/groups/{gid}/nested"), &self.admin).await;
        strings(&reply.expect(StatusCode::OK).json()["nested_groups"])
    }
}

async fn connect(url: &str) -> tokio_postgres::Client {
    let (client, connection) =
        tokio_postgres::connect(url, tokio_postgres::NoTls).await.expect("the database connects");
    tokio::spawn(connection);
    client
}

/// Runs `race` while the rows of `invites` are locked, and lets go once each instance has a
/// session waiting on a lock (or after 4 s; the servers' statement timeout is 5 s, which the
/// first waiting join would otherwise reach). Returns the replies and the waiting sessions by
/// instance when the lock was let go.
async fn lined_up<F>(url: &str, invites: &[&str], race: F) -> (Vec<Reply>, BTreeMap<String, i64>)
where
    F: std::future::Future<Output = Vec<Reply>> + Send + 'static,
{
    let locker = connect(url).await;
    locker.batch_execute("BEGIN").await.expect("BEGIN");
    for invite in invites {
        let rows = locker
            .execute("SELECT 1 FROM tokens WHERE id = $1 FOR UPDATE", &[&identifier(invite)])
            .await
            .expect("the invite's row locks");
        assert_eq!(rows, 1, "the invite's row is there");
    }
    let race = tokio::spawn(race);
    let watcher = connect(url).await;
    let last = std::cell::RefCell::new(BTreeMap::new());
    poll::until(Duration::from_secs(4), Duration::from_millis(10), || async {
        let rows = watcher
            .query(
                "SELECT application_name, COUNT(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND wait_event_type = 'Lock' AND application_name LIKE 'instance%'
                 GROUP BY application_name",
                &[],
            )
            .await
            .expect("pg_stat_activity reads");
        let waiting: BTreeMap<String, i64> = rows.iter().map(|r| (r.get(0), r.get(1))).collect();
        let both = waiting.len() == 2;
        *last.borrow_mut() = waiting;
        both.then_some(())
    })
    .await;
    locker.batch_execute("ROLLBACK").await.expect("ROLLBACK");
    let replies = race.await.expect("the race finishes");
    (replies, last.into_inner())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_groups_joining_each_other_through_two_instances_at_once_link_exactly_one_way() {
    let test = crate::test_name!("two_groups_joining_each_other_through_two_instances_at_once_link_exactly_one_way");
    let Some(pair) = Pair::start(test).await else { return };
    let mut wins = [0usize; 2];
    let mut raced = 0;
    for round in 0..ROUNDS {
        let a = pair.apis[0].create_group(&pair.admin, &format!("A{round}")).await;
        let b = pair.apis[1].create_group(&pair.admin, &format!("B{round}")).await;
        // "A joins B" needs an invite of B, "B joins A" one of A; each minted on the other
        // instance than the one that uses it.
        let into_b = pair.nested_invite(1, &b).await;
        let into_a = pair.nested_invite(0, &a).await;
        let (apis, admin) = (pair.apis.clone(), pair.admin.clone());
        let (a2, b2, into_a2, into_b2) = (a.clone(), b.clone(), into_a.clone(), into_b.clone());
        let race = async move {
            let (a_joins, b_joins) = (format!("/groups/{a2}/nested/join"), format!("/groups/{b2}/nested/join"));
            let joins = [
                apis[0].send(Method::POST, &a_joins, &admin, Some(json!({ "token": into_b2 }))),
                apis[1].send(Method::POST, &b_joins, &admin, Some(json!({ "token": into_a2 }))),
            ];
            join_all(joins).await
        };
        let (replies, waiting) = lined_up(&pair.url, &[&into_a, &into_b], race).await;
        let statuses: Vec<u16> = replies.iter().map(|r| r.status.as_u16()).collect();
        // A round whose second request did not reach its lock in time (seen once on CI's loaded
        // 2-core machine) still must link exactly one way; it just did not force the race.
        if waiting.len() == 2 {
            raced += 1;
        } else {
            println!("round {round}: only {waiting:?} waited inside a transaction when the lock was let go");
        }
        let created = replies.iter().filter(|r| r.status == StatusCode::CREATED).count();
        assert_eq!(created, 1, "round {round}: exactly one join succeeds (two make a cycle): {statuses:?}");
        let winner = replies.iter().position(|r| r.status == StatusCode::CREATED).expect("one 201");
        assert_error(&replies[1 - winner], StatusCode::BAD_REQUEST, "would_introduce_cycle");
        wins[winner] += 1;
        // The winner's link, and nothing else, through either instance.
        let (child, parent) = if winner == 0 { (&a, &b) } else { (&b, &a) };
        let location = replies[winner].header("location").unwrap_or_default();
        assert_eq!(location, format!("{API_ROOT}/groups/{child}/parent/{parent}"), "round {round}");
        for i in 0..2 {
            assert_eq!(pair.parents(i, child).await, vec![parent.clone()], "round {round}, instance {i}");
            assert_eq!(pair.parents(i, parent).await, Vec::<String>::new(), "round {round}, instance {i}");
            assert_eq!(pair.children(i, parent).await, vec![child.clone()], "round {round}, instance {i}");
            assert_eq!(pair.children(i, child).await, Vec::<String>::new(), "round {round}, instance {i}");
        }
        if round == ROUNDS - 1 {
            // The refusal cost the loser's invite no use: once the winner's link is gone, it
            // links the other way.
            let unlink = format!("/groups/{parent}/nested/{child}");
            pair.apis[0].send(Method::DELETE, &unlink, &pair.admin, None).await.expect(StatusCode::NO_CONTENT);
            let (loser_path, loser_invite) = if winner == 0 {
                (format!("/groups/{b}/nested/join"), &into_a)
            } else {
                (format!("/groups/{a}/nested/join"), &into_b)
            };
            let reply =
                pair.apis[1].send(Method::POST, &loser_path, &pair.admin, Some(json!({ "token": loser_invite }))).await;
            reply.expect(StatusCode::CREATED);
            assert_eq!(pair.parents(0, parent).await, vec![child.clone()]);
        }
    }
    println!("wins by instance over {ROUNDS} rounds: {wins:?}; rounds with both joins waiting: {raced}");
    assert!(raced >= ROUNDS / 2, "only {raced} of {ROUNDS} rounds had both joins waiting on the lock at once");
}

// --- three levels ------------------------------------------------------------------------------

/// Top ← Middle ← Bottom (each arrow a link), made by `owner`, and `member`, a direct member of
/// Bottom only.
struct Levels {
    app: TestApp,
    owner: String,
    member: String,
    member_id: String,
    top: String,
    middle: String,
    bottom: String,
}

/// Links `child` under `parent` as `token` (a member of both with every privilege).
async fn link(app: &TestApp, token: &str, parent: &str, child: &str) {
    let reply = app.request(Method::POST, &format!("/groups/{parent}/nested/token")).auth(token).send().await;
    let invite = reply.expect(StatusCode::OK).json()["token"].as_str().expect("a token").to_owned();
    let reply = app.post_json(&format!("/groups/{child}/nested/join"), token, &json!({ "token": invite })).await;
    let reply = reply.expect(StatusCode::CREATED);
    assert_eq!(reply.header("location"), Some(format!("{API_ROOT}/groups/{child}/parent/{parent}")));
}

async fn levels(backend: Backend) -> Levels {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let (member_id, member) = app.user("member").await;
    let top = app.create_group(&owner, "Top").await;
    let middle = app.create_group(&owner, "Middle").await;
    let bottom = app.create_group(&owner, "Bottom").await;
    link(&app, &owner, &top, &middle).await;
    link(&app, &owner, &middle, &bottom).await;
    app.join_ok(&member, &app.invite(&owner, &bottom).await).await;
    Levels { app, owner, member, member_id, top, middle, bottom }
}

/// `uid`'s effective privileges in `gid`, as `token` reads them.
async fn effective_privileges(app: &TestApp, token: &str, gid: &str, uid: &str) -> Reply {
    app.get(&format!("/groups/{gid}/effective_users/{uid}/privileges"), token).await
}

fn privileges(reply: Reply) -> Vec<String> {
    sorted(&strings(&reply.expect(StatusCode::OK).json()["privileges"]))
}

/// Group privileges and zone privileges both; "at once" on this instance and on a second one on
/// the same database (SQLite, PostgreSQL).
async fn a_member_of_a_grandchild_holds_what_the_links_grant_in_the_grandparent_and_loses_it_when_the_middle_link_goes(
    backend: Backend,
) {
    let s = levels(backend).await;
    let app = &s.app;
    // What Middle holds in Top is what Bottom's members get there; what Bottom holds in Middle
    // (left at the default) does not matter in Top.
    let granted = ["group_invite_user", "group_view_data"];
    let top_middle = format!("/groups/{}/nested/{}/privileges", s.top, s.middle);
    app.put_json(&top_middle, &s.owner, &json!({ "privileges": granted })).await.expect(StatusCode::NO_CONTENT);
    let read = app.get(&top_middle, &s.owner).await;
    assert_eq!(privileges(read), granted);
    assert_eq!(privileges(effective_privileges(app, &s.owner, &s.top, &s.member_id).await), granted);
    assert_eq!(privileges(effective_privileges(app, &s.owner, &s.middle, &s.member_id).await), ["group_view_data"]);
    let effective = sorted(&strings(
        &app.get(&format!("/groups/{}/effective_users", s.top), &s.owner).await.expect(StatusCode::OK).json()["users"],
    ));
    assert!(effective.contains(&s.member_id), "{effective:?}");
    // Every check in Top follows: reading it, inviting into it, but not changing it.
    app.get(&format!("/groups/{}", s.top), &s.member).await.expect(StatusCode::OK);
    app.request(Method::POST, &format!("/groups/{}/users/token", s.top))
        .auth(&s.member)
        .send()
        .await
        .expect(StatusCode::OK);
    let rename = app.patch_json(&format!("/groups/{}", s.top), &s.member, &json!({ "name": "Mine" })).await;
    assert_error(&rename, StatusCode::FORBIDDEN, "forbidden");
    let groups = sorted(&strings(
        &app.get("/user/effective_groups", &s.member).await.expect(StatusCode::OK).json()["effective_groups"],
    ));
    assert_eq!(groups, sorted(&[s.top.clone(), s.middle.clone(), s.bottom.clone()]));

    // A change of the link's privileges holds at once.
    app.put_json(&top_middle, &s.owner, &json!({ "privileges": ["group_view_data"] }))
        .await
        .expect(StatusCode::NO_CONTENT);
    let invite = app.request(Method::POST, &format!("/groups/{}/users/token", s.top)).auth(&s.member).send().await;
    assert_error(&invite, StatusCode::FORBIDDEN, "forbidden");

    // Another instance on the same database sees what this one does, then and after the cut.
    let other = match backend {
        Backend::Memory => None,
        _ => Some(app.another_instance_with(|store| store).await),
    };
    // A zone privilege of Top flows down to the member too (§7).
    let zone = format!("/groups/{}/privileges", s.top);
    app.patch_json(&zone, &app.admin_token, &json!({ "privileges": ["list_users"] }))
        .await
        .expect(StatusCode::NO_CONTENT);
    for instance in std::iter::once(app).chain(other.as_ref()) {
        instance.get(&format!("/groups/{}", s.top), &s.member).await.expect(StatusCode::OK);
        instance.get("/users", &s.member).await.expect(StatusCode::OK);
    }

    // Cutting Bottom from Middle takes Top and Middle away at once.
    app.delete(&format!("/groups/{}/nested/{}", s.middle, s.bottom), &s.owner).await.expect(StatusCode::NO_CONTENT);
    for instance in std::iter::once(app).chain(other.as_ref()) {
        for gid in [&s.top, &s.middle] {
            let hidden = instance.get(&format!("/groups/{gid}"), &s.member).await;
            assert_error(&hidden, StatusCode::NOT_FOUND, "not_found");
            let gone = effective_privileges(instance, &s.owner, gid, &s.member_id).await;
            assert_error(&gone, StatusCode::NOT_FOUND, "not_found");
        }
        let invite =
            instance.request(Method::POST, &format!("/groups/{}/users/token", s.top)).auth(&s.member).send().await;
        assert_error(&invite, StatusCode::NOT_FOUND, "not_found");
        let groups = instance.get("/user/effective_groups", &s.member).await.expect(StatusCode::OK).json();
        assert_eq!(strings(&groups["effective_groups"]), vec![s.bottom.clone()]);
        assert_error(&instance.get("/users", &s.member).await, StatusCode::FORBIDDEN, "forbidden");
    }
    // Middle itself stays under Top.
    let parents = app.get(&format!("/groups/{}/parent", s.middle), &s.owner).await.expect(StatusCode::OK).json();
    assert_eq!(strings(&parents["parent_groups"]), vec![s.top.clone()]);
}

// --- nested invites ----------------------------------------------------------------------------

async fn a_nested_invite_is_a_group_invite_group_token_minted_by_post_or_get_and_admits_one_group(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let parent = app.create_group(&owner, "Parent").await;
    let (first, second) = (app.create_group(&owner, "First").await, app.create_group(&owner, "Second").await);
    let path = format!("/groups/{parent}/nested/token");
    for method in [Method::POST, Method::GET] {
        let reply = app.request(method.clone(), &path).auth(&owner).send().await.expect(StatusCode::OK);
        let invite = reply.json()["token"].as_str().expect("a token").to_owned();
        let macaroon = Macaroon::deserialize(&invite).expect("a macaroon");
        assert_eq!(
            macaroon.caveats(),
            [Caveat::FirstParty("tokenType = group_invite_group_token".into())],
            "{method} {path}"
        );
        // Single use by default: one group gets in, the next is told the token is used.
        let join = |child: &str| format!("/groups/{child}/nested/join");
        app.post_json(&join(&first), &owner, &json!({ "token": invite })).await.expect(StatusCode::CREATED);
        let again = app.post_json(&join(&second), &owner, &json!({ "token": invite })).await;
        assert_error(&again, StatusCode::BAD_REQUEST, "invalid_token");
        app.delete(&format!("/groups/{parent}/nested/{first}"), &owner).await.expect(StatusCode::NO_CONTENT);
    }
    // A stranger's nested join into a hidden group is the 404 of a missing group.
    let (_, stranger) = app.user("stranger").await;
    let own = app.create_group(&stranger, "Own").await;
    let invite = app.request(Method::POST, &format!("/groups/{own}/nested/token")).auth(&stranger).send().await;
    let invite = invite.expect(StatusCode::OK).json()["token"].as_str().expect("a token").to_owned();
    let hidden = app.post_json(&format!("/groups/{first}/nested/join"), &stranger, &json!({ "token": invite })).await;
    let missing =
        app.post_json(&format!("/groups/{NO_SUCH_GROUP}/nested/join"), &stranger, &json!({ "token": invite })).await;
    assert_eq!(
        assert_error(&hidden, StatusCode::NOT_FOUND, "not_found"),
        assert_error(&missing, StatusCode::NOT_FOUND, "not_found")
    );
}

// --- 404 hiding --------------------------------------------------------------------------------

/// GET requests on `/groups/{id}/...` that need no more than `group_view_data`.
fn readable(gid: &str) -> Vec<String> {
    ["", "/users", "/nested", "/parent", "/effective_users"].iter().map(|tail| format!("/groups/{gid}{tail}")).collect()
}

async fn an_effective_member_through_a_child_sees_the_top_group_and_a_stranger_gets_the_404_of_a_missing_group(
    backend: Backend,
) {
    let s = levels(backend).await;
    let app = &s.app;
    let (_, stranger) = app.user("stranger").await;
    // The member reaches Top only through Bottom and Middle, with the default link privileges.
    for path in readable(&s.top) {
        app.get(&path, &s.member).await.expect(StatusCode::OK);
    }
    let top = app.get(&format!("/user/groups/{}", s.top), &s.member).await.expect(StatusCode::OK).json();
    assert_eq!(top["groupId"], Value::String(s.top.clone()));
    app.get(&format!("/user/effective_groups/{}", s.top), &s.member).await.expect(StatusCode::OK);
    // A privilege it lacks is a 403, not a 404: membership is not in doubt.
    let rename = app.patch_json(&format!("/groups/{}", s.top), &s.member, &json!({ "name": "Mine" })).await;
    assert_error(&rename, StatusCode::FORBIDDEN, "forbidden");

    // The stranger gets, for every one of them, the very answer a missing group gets.
    for (path, missing) in readable(&s.top).into_iter().zip(readable(NO_SUCH_GROUP)) {
        let hidden = assert_error(&app.get(&path, &stranger).await, StatusCode::NOT_FOUND, "not_found");
        let absent = assert_error(&app.get(&missing, &stranger).await, StatusCode::NOT_FOUND, "not_found");
        assert_eq!(hidden, absent, "GET {path}: a stranger must not tell the group exists");
    }
    for (path, missing) in [
        (format!("/user/groups/{}", s.top), format!("/user/groups/{NO_SUCH_GROUP}")),
        (format!("/user/effective_groups/{}", s.top), format!("/user/effective_groups/{NO_SUCH_GROUP}")),
    ] {
        let hidden = assert_error(&app.get(&path, &stranger).await, StatusCode::NOT_FOUND, "not_found");
        let absent = assert_error(&app.get(&missing, &stranger).await, StatusCode::NOT_FOUND, "not_found");
        assert_eq!(hidden, absent, "GET {path}");
    }
    let rename = app.patch_json(&format!("/groups/{}", s.top), &stranger, &json!({ "name": "Mine" })).await;
    let missing = app.patch_json(&format!("/groups/{NO_SUCH_GROUP}"), &stranger, &json!({ "name": "Mine" })).await;
    assert_eq!(
        assert_error(&rename, StatusCode::NOT_FOUND, "not_found"),
        assert_error(&missing, StatusCode::NOT_FOUND, "not_found")
    );

    // A link with no privileges keeps the member effective: 403 now, still not 404.
    let path = format!("/groups/{}/nested/{}/privileges", s.top, s.middle);
    app.put_json(&path, &s.owner, &json!({ "privileges": [] })).await.expect(StatusCode::NO_CONTENT);
    assert_error(&app.get(&format!("/groups/{}", s.top), &s.member).await, StatusCode::FORBIDDEN, "forbidden");
    // Leaving Bottom, the member becomes a stranger to all three.
    app.delete(&format!("/user/groups/{}", s.bottom), &s.member).await.expect(StatusCode::NO_CONTENT);
    for gid in [&s.top, &s.middle, &s.bottom] {
        assert_error(&app.get(&format!("/groups/{gid}"), &s.member).await, StatusCode::NOT_FOUND, "not_found");
    }
}

all_backends!(
    a_nested_invite_is_a_group_invite_group_token_minted_by_post_or_get_and_admits_one_group,
    a_member_of_a_grandchild_holds_what_the_links_grant_in_the_grandparent_and_loses_it_when_the_middle_link_goes,
    an_effective_member_through_a_child_sees_the_top_group_and_a_stranger_gets_the_404_of_a_missing_group,
);
