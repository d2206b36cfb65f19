//! PostgreSQL's own tests: connections, timeouts, error classification, migrations across
//! instances. The `Store` contract itself is tested for every backend in `store::contract_tests`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio_postgres::error::SqlState;
use tokio_postgres::NoTls;

use super::errors::{pg_error, unavailable_code};
use super::retry::backoff;
use super::{PostgresStore, CONNECT_TIMEOUT, MAX_ATTEMPTS, MIGRATIONS};
use crate::domain::{GroupId, PrivilegeSet, UserId};
use crate::store::fixtures::{
    a_group, a_team, a_user, new_group, new_group_invite, new_invite, new_user, postgres_database as fresh_database,
    race_cycle_closing_links, race_group_invite, race_joins, race_last_managers_leaving,
    race_link_changes_and_check_the_closure, undecodable_rows_are_backend_errors,
    users_migrated_by_0005_have_unique_logins_and_aliases, uses, Team, USERS_AT_0003,
};
use crate::store::sql::migrate::versions;
use crate::store::{JoinOutcome, LinkOutcome, Store, StoreError};

#[test]
fn contention_outlasting_the_retries_is_unavailable_and_other_sql_errors_are_faults() {
    for code in ["08006", "08001", "57P01", "57P03", "40001", "40P01"] {
        assert!(unavailable_code(code), "{code} is a 503");
    }
    for code in ["23505", "23503", "42P01", "22P02", "XX000"] {
        assert!(!unavailable_code(code), "{code} is a 500");
    }
}

/// A plain connection to the test database, beside the store's pool.
async fn raw(url: &str) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(url, NoTls).await.expect("a raw connection opens");
    tokio::spawn(connection);
    client
}

/// The versions `schema_migrations` lists, once per row.
async fn applied_migrations(url: &str) -> Vec<i64> {
    let rows = raw(url)
        .await
        .query("SELECT version FROM schema_migrations ORDER BY version", &[])
        .await
        .expect("schema_migrations reads");
    rows.iter().map(|r| r.get(0)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_racing_500_joins_on_a_single_use_invite_admit_exactly_one() {
    let Some(url) = fresh_database().await else { return };
    // Two pools are two server instances: nothing in process memory orders their joins.
    let first: Arc<dyn Store> = Arc::new(PostgresStore::connect(&url).await.expect("the first instance connects"));
    let second: Arc<dyn Store> = Arc::new(PostgresStore::connect(&url).await.expect("the second instance connects"));
    assert_eq!(race_joins(&[first, second], 500, 1).await, (1, 499));
}

/// Two pools on one database, as two server instances.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_last_managers_leaving_at_once_through_two_instances_leave_exactly_one() {
    let Some(url) = fresh_database().await else { return };
    // Each round's two removals go through different pools, as from two server instances.
    race_last_managers_leaving(&two_instances(&url).await, 20).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_nested_joins_that_together_would_close_a_cycle_through_two_instances_link_exactly_one() {
    let Some(url) = fresh_database().await else { return };
    // A into B through one pool and B into A through the other, at once: without the shared
    // advisory lock each would check the ancestors before the other committed, and both link.
    race_cycle_closing_links(&two_instances(&url).await, 30).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn links_and_unlinks_racing_through_two_instances_keep_the_closure_exact() {
    let Some(url) = fresh_database().await else { return };
    // Each change rebuilds closure rows from others; without `LINK_LOCK` around unlinks too,
    // two could rebuild from a state the other is changing.
    race_link_changes_and_check_the_closure(&two_instances(&url).await, 12).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_single_use_group_invite_raced_by_many_groups_through_two_instances_links_exactly_one() {
    let Some(url) = fresh_database().await else { return };
    race_group_invite(&two_instances(&url).await, 60).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn nested_joins_racing_the_deletion_of_their_parent_leave_no_link_behind() {
    let Some(url) = fresh_database().await else { return };
    let [first, second] = two_instances(&url).await;
    let owner = new_user(&*first, "owner").await;
    for round in 0..20 {
        let parent = new_group(&*first, &owner, &format!("parent {round}")).await;
        let child = new_group(&*first, &owner, &format!("child {round}")).await;
        let token = new_group_invite(&*first, &parent, Some(1)).await;
        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let link = {
            let (store, barrier, child) = (first.clone(), barrier.clone(), child.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                store.link_with_token(&token, &child).await
            })
        };
        let delete = {
            let (store, barrier, parent) = (second.clone(), barrier.clone(), parent.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                store.delete_group(&parent).await
            })
        };
        let linked = link.await.expect("the link task finishes").expect("the link call succeeds");
        assert_eq!(delete.await.expect("the delete task finishes"), Ok(true));
        assert!(
            matches!(linked, LinkOutcome::Linked(_) | LinkOutcome::GroupGone),
            "round {round}: linked or told the parent is gone, got {linked:?}"
        );
        assert_eq!(first.parent_groups(&child).await, Ok(vec![]), "round {round}: no link outlives its parent");
    }
}

async fn two_instances(url: &str) -> [Arc<dyn Store>; 2] {
    let first = PostgresStore::connect(url).await.expect("the first instance connects");
    let second = PostgresStore::connect(url).await.expect("the second instance connects");
    [Arc::new(first), Arc::new(second)]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_racing_300_joins_on_an_invite_with_100_uses_admit_exactly_100_and_none_is_unavailable() {
    let Some(url) = fresh_database().await else { return };
    // Every racer that finds the invite used up must hear so, not a 503: the joins queue on the
    // token's row instead of failing one another (`race_joins` fails on any error).
    assert_eq!(race_joins(&two_instances(&url).await, 300, 100).await, (100, 200));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_user_racing_with_many_invites_to_one_group_across_instances_joins_once_and_counts_one_use() {
    let Some(url) = fresh_database().await else { return };
    let stores = two_instances(&url).await;
    let owner = new_user(&*stores[0], "owner").await;
    let group = new_group(&*stores[0], &owner, "team").await;
    let joiner = new_user(&*stores[0], "joiner").await;
    let mut invites = Vec::new();
    for _ in 0..40 {
        invites.push(new_invite(&*stores[0], &group, Some(1)).await);
    }
    // Each join locks a different token row, so only the membership's key orders them.
    let barrier = Arc::new(tokio::sync::Barrier::new(invites.len()));
    let joins = invites.iter().enumerate().map(|(i, invite)| {
        let (store, barrier, invite, joiner) = (stores[i % 2].clone(), barrier.clone(), invite.clone(), joiner.clone());
        tokio::spawn(async move {
            barrier.wait().await;
            store.join_with_token(&invite, &joiner).await
        })
    });
    let outcomes: Vec<JoinOutcome> = futures::future::join_all(joins)
        .await
        .into_iter()
        .map(|r| r.expect("the task finishes").expect("the join succeeds"))
        .collect();
    let joined = outcomes.iter().filter(|o| matches!(o, JoinOutcome::Joined(_))).count();
    let members = outcomes.iter().filter(|o| **o == JoinOutcome::AlreadyMember).count();
    assert_eq!((joined, members), (1, invites.len() - 1), "{outcomes:?}");
    let mut counted = 0;
    for invite in &invites {
        counted += uses(&*stores[1], invite).await;
    }
    assert_eq!(counted, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn joins_racing_the_deletion_of_their_group_are_joined_or_group_gone_and_leave_no_member_behind() {
    let Some(url) = fresh_database().await else { return };
    let stores = two_instances(&url).await;
    let owner = new_user(&*stores[0], "owner").await;
    let group = new_group(&*stores[0], &owner, "doomed").await;
    let invite = new_invite(&*stores[0], &group, None).await;
    let mut joiners = Vec::new();
    for i in 0..60 {
        joiners.push(new_user(&*stores[0], &format!("joiner {i}")).await);
    }
    let barrier = Arc::new(tokio::sync::Barrier::new(joiners.len() + 1));
    let joins: Vec<_> = joiners
        .iter()
        .enumerate()
        .map(|(i, joiner)| {
            let (store, barrier, invite, joiner) =
                (stores[i % 2].clone(), barrier.clone(), invite.clone(), joiner.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                store.join_with_token(&invite, &joiner).await
            })
        })
        .collect();
    let deletion = {
        let (store, barrier, group) = (stores[1].clone(), barrier.clone(), group.clone());
        tokio::spawn(async move {
            barrier.wait().await;
            store.delete_group(&group).await
        })
    };
    let mut joined = 0;
    for result in futures::future::join_all(joins).await {
        match result.expect("the task finishes").expect("the join succeeds") {
            JoinOutcome::Joined(_) => joined += 1,
            JoinOutcome::GroupGone => {}
            other => panic!("unexpected outcome {other:?}"),
        }
    }
    assert_eq!(deletion.await.expect("the task finishes"), Ok(true));
    // A join that committed before the deletion lost its membership with the group; one after it
    // found the group gone. Either way the use count matches the joins that were admitted.
    assert_eq!(uses(&*stores[0], &invite).await as usize, joined);
    for joiner in &joiners {
        assert_eq!(stores[0].user_groups(joiner).await, Ok(vec![]));
    }
    assert_eq!(memberships_of(&url, &group).await, 0, "no membership row outlives its group");
}

/// Membership rows naming `group`, read past the store (whose reads could hide a row whose
/// group is gone).
async fn memberships_of(url: &str, group: &GroupId) -> i64 {
    raw(url)
        .await
        .query_one("SELECT COUNT(*) FROM memberships WHERE group_id = $1", &[&group.as_str()])
        .await
        .expect("memberships count")
        .get(0)
}

/// A plain session on the fresh database at `url`, which it brings to the schema an earlier
/// build left: the migrations up to `version` applied and recorded, as the store records them.
async fn at_version(url: &str, version: i64) -> tokio_postgres::Client {
    let client = raw(url).await;
    client
        .batch_execute(
            "CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, applied_at BIGINT NOT NULL)",
        )
        .await
        .expect("the ledger is created");
    for migration in MIGRATIONS.iter().filter(|m| m.version <= version) {
        client.batch_execute(migration.sql).await.expect("an earlier migration applies");
        client
            .execute("INSERT INTO schema_migrations VALUES ($1, 0)", &[&migration.version])
            .await
            .expect("the ledger records it");
    }
    client
}

/// Stores `record` with a plain statement on `client` (in its transaction, if one is open), in
/// the columns that every schema version since 0001 has, as the store itself would encode it.
async fn insert_token_row(client: &tokio_postgres::Client, record: &crate::store::TokenRecord) {
    let row = crate::store::sql::TokenRow::encode(record).expect("the token encodes");
    client
        .execute(
            "INSERT INTO tokens (id, kind, user_id, group_id, privileges, max_uses, uses, revoked, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[
                &row.id,
                &row.kind,
                &row.user_id,
                &row.group_id,
                &row.privileges,
                &row.max_uses,
                &row.uses,
                &row.revoked,
                &row.created_at,
            ],
        )
        .await
        .expect("the token row is stored");
}

/// Polls, against a deadline, until `n` sessions of the database wait for a lock.
async fn until_waiting_for_locks(client: &tokio_postgres::Client, n: i64) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let waiting: i64 = client
            .query_one(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
                &[],
            )
            .await
            .expect("pg_stat_activity reads")
            .get(0);
        if waiting >= n {
            return;
        }
        assert!(Instant::now() < deadline, "{n} sessions were not waiting for locks within 10 s ({waiting} were)");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// The interleaving the deletion's order exists for (0004_join_without_group_lock): an invite
/// minted while the group's deletion waits for it, then used while the deletion is still under
/// way, having marked it. Deterministic: plain sessions hold the rows the deletion must wait
/// for. Were the deletion's statements to share one snapshot (`SERIALIZABLE`), it would miss
/// the new invite and the join would add a member that outlives the group; were the join not to
/// read the mark, it would add one after the deletion removed the others.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_invite_minted_during_its_groups_deletion_admits_nobody_and_leaves_no_member_behind() {
    let Some(url) = fresh_database().await else { return };
    let stores = two_instances(&url).await;
    let owner = new_user(&*stores[0], "owner").await;
    let group = new_group(&*stores[0], &owner, "doomed").await;
    let joiner = new_user(&*stores[0], "joiner").await;
    // A mint under way: the group's row read FOR KEY SHARE, as `insert_token` reads it.
    let minting = raw(&url).await;
    minting.batch_execute("BEGIN").await.expect("begin");
    minting
        .query("SELECT 1 FROM groups WHERE id = $1 FOR KEY SHARE", &[&group.as_str()])
        .await
        .expect("the group is read for key share");
    // A session holding the owner's membership, which the deletion's last step must wait for.
    let holding = raw(&url).await;
    holding.batch_execute("BEGIN").await.expect("begin");
    holding
        .query("SELECT 1 FROM memberships WHERE group_id = $1 FOR UPDATE", &[&group.as_str()])
        .await
        .expect("the membership is locked");
    let observer = raw(&url).await;
    let deletion = {
        let (store, group) = (stores[1].clone(), group.clone());
        tokio::spawn(async move { store.delete_group(&group).await })
    };
    // The deletion waits for the mint; the mint stores its invite and commits.
    until_waiting_for_locks(&observer, 1).await;
    let minted = crate::store::fixtures::an_invite(&group, None);
    insert_token_row(&minting, &minted).await;
    minting.batch_execute("COMMIT").await.expect("the mint commits");
    // The deletion goes on, marks the group's tokens, and waits again, for the held membership.
    until_waiting_for_locks(&observer, 1).await;
    assert!(!deletion.is_finished(), "the deletion waits for the held membership");
    // Now the new invite is used, on the other instance, while the deletion has not committed:
    // the join waits for the deletion's mark on its token.
    let join = {
        let (store, minted, joiner) = (stores[0].clone(), minted.id.clone(), joiner.clone());
        tokio::spawn(async move { store.join_with_token(&minted, &joiner).await })
    };
    until_waiting_for_locks(&observer, 2).await;
    holding.batch_execute("COMMIT").await.expect("the held membership is released");
    assert_eq!(deletion.await.expect("the task finishes"), Ok(true));
    let outcome = join.await.expect("the task finishes");
    assert_eq!(outcome, Ok(JoinOutcome::GroupGone), "the join read the mark");
    assert_eq!(memberships_of(&url, &group).await, 0, "no membership row outlives its group");
    assert_eq!(stores[0].user_groups(&joiner).await, Ok(vec![]));
    assert_eq!(uses(&*stores[0], &minted.id).await, 0);
}

/// An invite minted after its group was deleted is stored marked gone (`insert_token` reads the
/// group), and admits nobody.
#[tokio::test]
async fn an_invite_stored_for_a_deleted_group_admits_nobody() {
    let Some(url) = fresh_database().await else { return };
    let store = PostgresStore::connect(&url).await.expect("the store connects");
    let owner = new_user(&store, "owner").await;
    let group = new_group(&store, &owner, "gone").await;
    assert_eq!(store.delete_group(&group).await, Ok(true));
    let invite = new_invite(&store, &group, None).await;
    let joiner = new_user(&store, "joiner").await;
    assert_eq!(store.join_with_token(&invite, &joiner).await, Ok(JoinOutcome::GroupGone));
    assert_eq!(memberships_of(&url, &group).await, 0);
}

#[tokio::test]
async fn a_join_whose_use_is_not_counted_fails_whole_and_adds_no_member() {
    let Some(url) = fresh_database().await else { return };
    let store = PostgresStore::connect(&url).await.expect("the store connects");
    let team = a_team(&store, Some(5)).await;
    let joiner = new_user(&store, "joiner").await;
    // A trigger that silently skips every update of a token stands for the guard's one failure:
    // the membership would be added and no use counted.
    raw(&url)
        .await
        .batch_execute(
            "CREATE FUNCTION skip_update() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NULL; END';
             CREATE TRIGGER skip_token_updates BEFORE UPDATE ON tokens FOR EACH ROW EXECUTE FUNCTION skip_update()",
        )
        .await
        .expect("the trigger is created");
    let outcome = store.join_with_token(&team.invite.id, &joiner).await;
    assert!(matches!(outcome, Err(StoreError::Backend(_))), "the join fails: {outcome:?}");
    assert_eq!(store.user_groups(&joiner).await, Ok(vec![]), "and adds no membership");
    assert_eq!(uses(&store, &team.invite.id).await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn four_instances_starting_at_once_on_a_new_database_apply_each_migration_once() {
    let Some(url) = fresh_database().await else { return };
    let barrier = Arc::new(tokio::sync::Barrier::new(4));
    let starts: Vec<_> = (0..4)
        .map(|_| {
            let (barrier, url) = (barrier.clone(), url.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                PostgresStore::connect(&url).await.map(|_| ())
            })
        })
        .collect();
    for started in futures::future::join_all(starts).await {
        assert_eq!(started.expect("the task finishes"), Ok(()));
    }
    assert_eq!(applied_migrations(&url).await, versions(MIGRATIONS));
}

#[tokio::test]
async fn reconnecting_keeps_the_data_and_applies_no_migration_twice() {
    let Some(url) = fresh_database().await else { return };
    let alice = a_user("alice");
    PostgresStore::connect(&url).await.expect("the store connects").create_user(&alice).await.expect("create");
    let store = PostgresStore::connect(&url).await.expect("the store connects again");
    assert_eq!(store.get_user(&alice.id).await, Ok(Some(alice)));
    assert_eq!(applied_migrations(&url).await, versions(MIGRATIONS));
}

#[tokio::test]
async fn a_database_from_a_newer_build_is_refused() {
    let Some(url) = fresh_database().await else { return };
    drop(PostgresStore::connect(&url).await.expect("the store connects"));
    raw(&url)
        .await
        .execute("INSERT INTO schema_migrations (version, applied_at) VALUES (9999, 0)", &[])
        .await
        .expect("the future version inserts");
    assert!(matches!(PostgresStore::connect(&url).await, Err(StoreError::Backend(_))));
}

#[tokio::test]
async fn a_refused_connection_is_unavailable_at_once() {
    let started = Instant::now();
    let result = PostgresStore::connect("postgres://oz@127.0.0.1:1/x").await;
    assert!(matches!(result, Err(StoreError::Unavailable(_))), "{result:?}");
    assert!(started.elapsed() < CONNECT_TIMEOUT, "took {:?}", started.elapsed());
}

#[tokio::test]
async fn a_server_that_never_answers_is_unavailable_within_the_connect_timeout() {
    // The kernel completes the TCP handshake for a listener nobody accepts from, so the
    // connection opens and then nothing ever answers the start-up message.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a local port");
    let port = listener.local_addr().expect("the port").port();
    let started = Instant::now();
    let result = PostgresStore::connect(&format!("postgres://oz@127.0.0.1:{port}/x")).await;
    assert!(matches!(result, Err(StoreError::Unavailable(_))), "{result:?}");
    assert!(started.elapsed() < CONNECT_TIMEOUT + Duration::from_secs(2), "took {:?}", started.elapsed());
    drop(listener);
}

#[test]
fn a_malformed_url_is_a_backend_error_that_does_not_quote_it() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let result = runtime.block_on(PostgresStore::connect("postgres://u:s3cret@127.0.0.1:notaport/x"));
    match result {
        Err(StoreError::Backend(message)) => assert!(!message.contains("s3cret"), "{message}"),
        other => panic!("expected a backend error, got {other:?}"),
    }
}

#[tokio::test]
async fn lost_connections_and_shutdowns_are_unavailable_and_other_failures_are_backend_errors() {
    let Some(url) = fresh_database().await else { return };
    let doomed = raw(&url).await;
    // 57P01 (admin_shutdown), as when an administrator or a failover ends the session.
    let shutdown = doomed.simple_query("SELECT pg_terminate_backend(pg_backend_pid())").await;
    let shutdown = shutdown.expect_err("the session is terminated");
    assert_eq!(shutdown.code(), Some(&SqlState::ADMIN_SHUTDOWN));
    assert!(matches!(pg_error(&shutdown), StoreError::Unavailable(_)));
    // The connection is gone now.
    let closed = doomed.simple_query("SELECT 1").await.expect_err("the connection is closed");
    assert!(matches!(pg_error(&closed), StoreError::Unavailable(_)), "{closed}");

    let client = raw(&url).await;
    let division = client.simple_query("SELECT 1 / 0").await.expect_err("division by zero fails");
    assert!(matches!(pg_error(&division), StoreError::Backend(_)));
    let syntax = client.simple_query("SELEC 1").await.expect_err("a syntax error fails");
    assert!(matches!(pg_error(&syntax), StoreError::Backend(_)));
}

#[tokio::test]
async fn backend_errors_quote_neither_token_identifiers_nor_user_ids() {
    let Some(url) = fresh_database().await else { return };
    let store = PostgresStore::connect(&url).await.expect("the store connects");
    let Team { invite, .. } = a_team(&store, Some(1)).await;

    // The foreign-key violation's DETAIL names the missing user; the message must not.
    let ghost = UserId::generate();
    match store.join_with_token(&invite.id, &ghost).await {
        Err(StoreError::Backend(message)) => {
            assert!(!message.contains(&invite.id) && !message.contains(ghost.as_str()), "{message}");
        }
        other => panic!("expected a backend error, got {other:?}"),
    }
    match store.insert_token(&invite).await {
        Err(StoreError::Backend(message)) => assert!(!message.contains(&invite.id), "{message}"),
        other => panic!("expected a backend error, got {other:?}"),
    }
}

#[tokio::test]
async fn rows_that_do_not_decode_into_domain_values_are_backend_errors() {
    let Some(url) = fresh_database().await else { return };
    let store = PostgresStore::connect(&url).await.expect("the store connects");
    raw(&url)
        .await
        .batch_execute(
            "INSERT INTO users (id, name, alias, admin, login) VALUES ('bad-name', '', NULL, FALSE, 'bad-name');
             INSERT INTO groups (id, name, type) VALUES ('bad-type', 'g', 'club');
             INSERT INTO groups (id, name, type) VALUES ('bad/id', 'g', 'team');
             INSERT INTO tokens (id, kind, created_at) VALUES ('odd-kind', 'space_invite', 0);
             INSERT INTO tokens (id, kind, created_at) VALUES ('no-group', 'group_invite_user', 0);",
        )
        .await
        .expect("the bad rows insert");

    undecodable_rows_are_backend_errors(&store).await;
}

#[tokio::test]
async fn sessions_commit_synchronously_and_time_statements_out() {
    let Some(url) = fresh_database().await else { return };
    let store = PostgresStore::connect(&url).await.expect("the store connects");
    let client = store.pool.get().await.expect("a pooled connection");
    let setting = |name: &'static str| {
        let client = &client;
        async move {
            let row = client.query_one("SELECT current_setting($1)", &[&name]).await.expect("the setting reads");
            row.get::<_, String>(0)
        }
    };
    assert_eq!(setting("synchronous_commit").await, "on");
    assert_eq!(setting("fsync").await, "on");
    assert_eq!(setting("statement_timeout").await, "5s");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn calls_abandoned_midway_leave_no_transaction_open_for_later_calls() {
    let Some(url) = fresh_database().await else { return };
    let store = PostgresStore::connect(&url).await.expect("the store connects");
    let owner = a_user("owner");
    store.create_user(&owner).await.expect("create owner");
    // Dropping each call's future at a different point: some before their transaction
    // starts, some inside it, some after the commit was sent.
    for i in 0..40u64 {
        let group = a_group("abandoned");
        let call = store.create_group(&group, &owner.id, PrivilegeSet::all());
        let _ = tokio::time::timeout(Duration::from_micros(50 * i), call).await;
    }
    let group = a_group("kept");
    store.create_group(&group, &owner.id, PrivilegeSet::all()).await.expect("a later call works");
    assert_eq!(store.membership(&group.id, &owner.id).await, Ok(Some(PrivilegeSet::all())));

    // Every group that exists came with its membership: no call was half applied.
    let client = raw(&url).await;
    let orphans: i64 = client
        .query_one(
            "SELECT COUNT(*) FROM groups g WHERE NOT EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = g.id)",
            &[],
        )
        .await
        .expect("the count reads")
        .get(0);
    assert_eq!(orphans, 0);
    // And no session of this database is left inside a transaction. The server ends the sessions
    // of the discarded connections once it notices them closed, which takes a moment; a
    // connection kept in the pool mid-transaction would stay so for ever.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let open: i64 = client
            .query_one(
                "SELECT COUNT(*) FROM pg_stat_activity
                 WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
                &[],
            )
            .await
            .expect("the count reads")
            .get(0);
        if open == 0 {
            break;
        }
        assert!(Instant::now() < deadline, "{open} sessions are still inside a transaction");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[test]
fn backoff_grows_and_stays_small() {
    for attempt in 2..=MAX_ATTEMPTS {
        let wait = backoff(attempt);
        assert!(wait >= Duration::from_millis(1) && wait <= Duration::from_millis(150), "{wait:?}");
    }
}

/// Migration 0004 on a database made by an earlier build: memberships lose their foreign key to
/// groups, and the invites of groups deleted before it are marked gone, so that they go on
/// answering "group gone" (the key's cascade removed those groups' memberships already).
#[tokio::test]
async fn migrating_to_joins_without_a_group_lock_marks_the_invites_of_groups_already_deleted() {
    let Some(url) = fresh_database().await else { return };
    let client = at_version(&url, 3).await;
    let (alive, deleted) = (crate::store::fixtures::a_group("alive"), crate::store::fixtures::a_group("deleted"));
    let old_invites: Vec<_> =
        [&alive, &deleted].iter().map(|g| crate::store::fixtures::an_invite(&g.id, None)).collect();
    client
        .execute("INSERT INTO groups (id, name, type) VALUES ($1, 'alive', 'team')", &[&alive.id.as_str()])
        .await
        .expect("a group of the earlier build");
    for invite in &old_invites {
        insert_token_row(&client, invite).await;
    }
    let store = PostgresStore::connect(&url).await.expect("the newer build opens the database");
    assert_eq!(applied_migrations(&url).await, versions(MIGRATIONS));
    let marked: Vec<(String, bool)> = client
        .query("SELECT id, group_gone FROM tokens ORDER BY group_id = $1", &[&alive.id.as_str()])
        .await
        .expect("tokens read")
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    assert_eq!(marked, vec![(old_invites[1].id.clone(), true), (old_invites[0].id.clone(), false)]);
    let joiner = new_user(&store, "joiner").await;
    assert_eq!(store.join_with_token(&old_invites[1].id, &joiner).await, Ok(JoinOutcome::GroupGone));
    assert_eq!(store.join_with_token(&old_invites[0].id, &joiner).await, Ok(JoinOutcome::Joined(alive.id.clone())));
}

#[tokio::test]
async fn a_database_at_migration_0003_with_shared_names_and_aliases_migrates_to_unique_ones() {
    let Some(url) = fresh_database().await else { return };
    let client = at_version(&url, 3).await;
    // One at a time, so that the identity column numbers them in this order.
    for (id, name, alias) in USERS_AT_0003 {
        let sql = "INSERT INTO users (id, name, alias, admin) VALUES ($1, $2, $3, FALSE)";
        client.execute(sql, &[&id, &name, &alias]).await.expect("a user of 0003");
    }
    let store = PostgresStore::connect(&url).await.expect("the new build connects and migrates the database");
    users_migrated_by_0005_have_unique_logins_and_aliases(&store).await;
    assert_eq!(applied_migrations(&url).await, versions(MIGRATIONS));
}

/// The schema as a build before migration 0006 left it: the zone privilege tables gone and 0006
/// not recorded, with the users already there (one of them flagged `admin`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migration_0006_gives_every_former_admin_all_nine_zone_privileges_and_others_none() {
    use crate::domain::{ZoneHolder, ZonePrivilegeSet};
    let Some(url) = fresh_database().await else { return };
    let (admin, plain) = (a_user("admin"), a_user("plain"));
    {
        let store = PostgresStore::connect(&url).await.expect("the store connects");
        store.create_user(&admin).await.expect("create admin");
        store.create_user(&plain).await.expect("create plain");
    }
    let client = raw(&url).await;
    client
        .batch_execute(
            "DROP TABLE user_zone_privileges; DROP TABLE group_zone_privileges; DROP INDEX tokens_by_user;
             DELETE FROM schema_migrations WHERE version = 6;",
        )
        .await
        .expect("back to the schema before 0006");
    client.execute("UPDATE users SET admin = TRUE WHERE id = $1", &[&admin.id.as_str()]).await.expect("flag");

    let store = PostgresStore::connect(&url).await.expect("the store reconnects and migrates");
    assert_eq!(store.zone_privileges(&ZoneHolder::User(admin.id.clone())).await, Ok(Some(ZonePrivilegeSet::all())));
    assert_eq!(store.effective_zone_privileges(&plain.id).await, Ok(ZonePrivilegeSet::empty()));
}
