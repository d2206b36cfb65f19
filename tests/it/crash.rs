//! Crash safety (contract §1 invariants): a steady join load against the real binary, a
//! `kill -9` in the middle of it, a restart on the same data, and then: every join answered 201
//! is there, no single-use token admitted more than one user, and nothing else is there but
//! joins that were in flight when the server died.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::json;
use tokio::sync::Mutex;

use crate::support::client;
use crate::support::process::{serve_fresh, spawn_binary, user_add_with, Remote, Served};

const USERS: usize = 12;
const GROUPS: usize = 4;
/// Joins answered 201 before the crash, at least.
const ACKNOWLEDGED_BEFORE_CRASH: usize = 10;

/// One planned join: a user, a group, and the invite only this join uses.
struct Join {
    user: usize,
    group: usize,
    invite: String,
}

/// What the load saw: joins answered 201, and joins sent whose answer never came.
#[derive(Default)]
struct Seen {
    acknowledged: BTreeSet<(usize, usize)>,
    in_flight: BTreeSet<(usize, usize)>,
}

/// The whole scenario against a server started with `server_args` on `dir` (SQLite by default);
/// `user add` gets the same `server_args`, so it writes to the same database.
async fn joins_answered_201_survive_a_kill_9_mid_load(server_args: &[&str]) {
    let Served { dir, server, remote: api, admin } = serve_fresh(server_args).await;

    let mut users = Vec::new();
    for i in 0..USERS {
        users.push(user_add_with(dir.path(), &format!("user{i}"), false, server_args, &[]).await);
    }
    let mut user_ids = Vec::new();
    for token in &users {
        user_ids.push(api.user_id(token).await);
    }
    let mut groups = Vec::new();
    for g in 0..GROUPS {
        groups.push(api.create_group(&admin, &format!("Group {g}")).await);
    }
    // Every (user, group) pair gets its own single-use invite; one more invite is raced by all.
    let mut plan = Vec::new();
    for (group, gid) in groups.iter().enumerate() {
        for user in 0..USERS {
            plan.push(Join { user, group, invite: api.invite(&admin, gid).await });
        }
    }
    let race_group = api.create_group(&admin, "Raced").await;
    let raced = api.invite(&admin, &race_group).await;

    // The load: 8 workers take planned joins in turn, each also racing the shared invite once.
    let plan = Arc::new(Mutex::new(plan.into_iter()));
    let seen = Arc::new(Mutex::new(Seen::default()));
    let acknowledged = Arc::new(tokio::sync::Notify::new());
    let base = format!("{}{}", api.root, crate::support::API_ROOT);
    let mut workers = Vec::new();
    for worker in 0..8 {
        let (plan, seen, acknowledged, users, base, raced) =
            (plan.clone(), seen.clone(), acknowledged.clone(), users.clone(), base.clone(), raced.clone());
        workers.push(tokio::spawn(async move {
            let http = client();
            let race = http
                .post(format!("{base}/user/groups/join"))
                .header("X-Auth-Token", &users[worker % USERS])
                .json(&json!({ "token": raced }))
                .send();
            let _ = tokio::time::timeout(Duration::from_secs(5), race).await;
            loop {
                let Some(join) = plan.lock().await.next() else { return };
                let key = (join.user, join.group);
                seen.lock().await.in_flight.insert(key);
                let sent = http
                    .post(format!("{base}/user/groups/join"))
                    .header("X-Auth-Token", &users[join.user])
                    .json(&json!({ "token": join.invite }))
                    .send();
                match tokio::time::timeout(Duration::from_secs(5), sent).await {
                    Ok(Ok(response)) if response.status() == StatusCode::CREATED => {
                        let mut seen = seen.lock().await;
                        seen.in_flight.remove(&key);
                        seen.acknowledged.insert(key);
                        if seen.acknowledged.len() >= ACKNOWLEDGED_BEFORE_CRASH {
                            acknowledged.notify_one();
                        }
                    }
                    Ok(Ok(response)) => panic!("a planned join got {} before the crash", response.status()),
                    // The server died under this request: its outcome is unknown; it stays in flight.
                    _ => return,
                }
            }
        }));
    }
    tokio::time::timeout(Duration::from_secs(30), acknowledged.notified())
        .await
        .expect("enough joins were acknowledged before the crash");
    server.crash().await;
    for worker in workers {
        worker.await.expect("a load worker ended cleanly");
    }
    let seen = Arc::try_unwrap(seen).ok().expect("the workers are done").into_inner();
    assert!(seen.acknowledged.len() >= ACKNOWLEDGED_BEFORE_CRASH);

    let server = spawn_binary(dir.path(), server_args, &[]).await;
    let api = Remote::of(&server);
    for (g, gid) in groups.iter().enumerate() {
        let members = api.members(&admin, gid).await;
        for (u, user_id) in user_ids.iter().enumerate() {
            let key = (u, g);
            let present = members.contains(user_id);
            if seen.acknowledged.contains(&key) {
                assert!(present, "join {key:?} was answered 201 but is gone after kill -9");
            } else if !seen.in_flight.contains(&key) {
                assert!(!present, "join {key:?} was never sent but is there");
            }
        }
    }
    let raced_members = api.members(&admin, &race_group).await;
    assert!(raced_members.len() <= 2, "the single-use invite admitted {} users", raced_members.len() - 1);
    // The restarted server goes on working: a fresh invite admits a user.
    let after = api.create_group(&admin, "After the crash").await;
    let invite = api.invite(&admin, &after).await;
    api.join(&users[0], &invite).await.expect(StatusCode::CREATED);
    drop(server);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn joins_answered_201_survive_a_kill_9_mid_load_on_sqlite() {
    joins_answered_201_survive_a_kill_9_mid_load(&[]).await;
}

/// The same on a fresh PostgreSQL database: the server (and `user add`) get `--database URL`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn joins_answered_201_survive_a_kill_9_mid_load_on_postgres() {
    let test = crate::test_name!("joins_answered_201_survive_a_kill_9_mid_load_on_postgres");
    let Some(url) = oz_testkit::postgres::fresh_database(test).await else { return };
    joins_answered_201_survive_a_kill_9_mid_load(&["--database", &url]).await;
}
