//! A single-use invite admits exactly one user, however many race for it, through one server
//! instance or several sharing one database.

use futures::future::join_all;
use reqwest::StatusCode;

use crate::all_backends;
use crate::support::stores::{LineUp, Mode, ProbeStore};
use crate::support::{assert_error, spawn_app, spawn_app_with, Backend, TestApp};

const RACERS: usize = 200;

/// 200 users race to join with one single-use invite, the i-th through `instances[i % n]`:
/// exactly one 201, 199 × 400 `invalid_token`, and the group ends with the creator and the
/// winner only.
async fn race(instances: &[&TestApp]) {
    let app = instances[0];
    let via = |i: usize| instances[i % instances.len()];
    let (owner_id, owner) = app.user("owner").await;
    let gid = app.create_group(&owner, "Contested").await;
    let invite = app.invite(&owner, &gid).await;
    let users = join_all((0..RACERS).map(|i| app.user_owned(format!("racer{i}")))).await;
    // Open (and pool) one connection per racer first, so that the joins arrive as one burst.
    for (i, reply) in join_all(users.iter().enumerate().map(|(i, (_, token))| via(i).get("/user", token)))
        .await
        .into_iter()
        .enumerate()
    {
        assert_eq!(reply.status, StatusCode::OK, "racer {i}: {}", reply.text());
    }

    let replies = join_all(users.iter().enumerate().map(|(i, (_, token))| via(i).join(token, &invite))).await;

    let winners: Vec<usize> = (0..RACERS).filter(|&i| replies[i].status == StatusCode::CREATED).collect();
    assert_eq!(winners.len(), 1, "exactly one join succeeds");
    for (i, reply) in replies.iter().enumerate() {
        if i != winners[0] {
            assert_error(reply, StatusCode::BAD_REQUEST, "invalid_token");
        }
    }
    let mut members = app.members(&gid).await;
    members.sort();
    let mut expected = vec![owner_id, users[winners[0]].0.clone()];
    expected.sort();
    assert_eq!(members, expected, "the creator and the winner, nobody else");
}

async fn two_hundred_users_racing_on_one_single_use_invite_let_exactly_one_in(backend: Backend) {
    race(&[&spawn_app(backend).await]).await;
}

/// The same race with the racers lined up after the service's checks: all 200 enter the store's
/// join together, so only its own atomic step stands between the token and a second use.
async fn racers_who_all_pass_the_early_checks_still_let_exactly_one_in(backend: Backend) {
    let line_up = LineUp::new(RACERS);
    let app = spawn_app_with(backend, |store| ProbeStore::wrap(store, Mode::LineUpJoins(line_up.clone()))).await;
    race(&[&app]).await;
    assert!(line_up.passed(), "every racer reached the store's join before any of them ran it");
}

/// Two server instances on one database (two connections to the SQLite file, or two pools on
/// the PostgreSQL database), the racers split between them and lined up as above: still exactly
/// one.
async fn racers_split_across_two_instances_sharing_one_database_let_exactly_one_in(backend: Backend) {
    let line_up = LineUp::new(RACERS);
    let shared = line_up.clone();
    let first = spawn_app_with(backend, |store| ProbeStore::wrap(store, Mode::LineUpJoins(shared))).await;
    let second = first.another_instance_with(|store| ProbeStore::wrap(store, Mode::LineUpJoins(line_up.clone()))).await;
    race(&[&first, &second]).await;
    assert!(line_up.passed(), "every racer reached the store's join before any of them ran it");
}

mod racers_split_across_two_instances_sharing_one_database_let_exactly_one_in {
    use crate::support::Backend;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        super::racers_split_across_two_instances_sharing_one_database_let_exactly_one_in(Backend::Sqlite).await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        if oz_testkit::postgres::server_url(crate::test_name!("postgres")).await.is_none() {
            return;
        }
        super::racers_split_across_two_instances_sharing_one_database_let_exactly_one_in(Backend::Postgres).await
    }
}

all_backends!(
    multi_thread: two_hundred_users_racing_on_one_single_use_invite_let_exactly_one_in,
    racers_who_all_pass_the_early_checks_still_let_exactly_one_in,
);
