//! PostgreSQL's own tests: connections, timeouts, error classification, migrations across
//! instances. The `Store` contract itself is tested for every backend in `store::contract_tests`.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio_postgres::error::SqlState;
use tokio_postgres::NoTls;

use super::errors::{pg_error, unavailable_code};
use super::retry::backoff;
use super::{PostgresStore, CONNECT_TIMEOUT, MAX_ATTEMPTS, MIGRATIONS};
use crate::domain::{GroupId, PageRequest, PrivilegeSet, UserId};
use crate::store::fixtures::{
    a_group, a_team, a_user, an_access_token, new_group, new_group_invite, new_invite, new_user,
    postgres_database as fresh_database, race_cycle_closing_links, race_group_invite, race_joins,
    race_last_managers_leaving, race_last_member_leaving_and_joins, race_link_changes_and_check_the_closure,
    race_user_and_child_managers_leaving, undecodable_rows_are_backend_errors,
    users_migrated_by_0005_have_unique_logins_and_aliases, uses, Team, USERS_AT_0003,
};
use crate::store::sql::migrate::versions;
use crate::store::{
    AddOutcome, Guarded, JoinOutcome, Joiner, LinkOutcome, NamedTokenUpdate, Origin, Store, StoreError, TokenRecord,
    TokenWrite,
};

#[test]
fn contention_outlasting_the_retries_is_unavailable_and_other_sql_errors_are_faults() {
    for code in ["08006", "08001", "57P01", "57P03", "57014", "55P03", "40001", "40P01"] {
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
async fn a_user_and_a_child_managing_leaving_at_once_through_two_instances_leave_exactly_one() {
    let Some(url) = fresh_database().await else { return };
    // The link's change runs at `READ COMMITTED`, the user's `SERIALIZABLE`: the group row's
    // update (`zone::mark_managers_changed`) is what makes the later one see the earlier.
    race_user_and_child_managers_leaving(&two_instances(&url).await, 30).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_last_member_leaving_while_others_join_through_two_instances_never_leaves_them_unmanaged() {
    let Some(url) = fresh_database().await else { return };
    race_last_member_leaving_and_joins(&two_instances(&url).await, 30).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_user_deleted_while_it_joins_through_another_instance_is_deleted_whole() {
    let Some(url) = fresh_database().await else { return };
    let [first, second] = two_instances(&url).await;
    let owner = new_user(&*first, "owner").await;
    let group = new_group(&*first, &owner, "team").await;
    let invite = new_invite(&*first, &group, None).await;
    for round in 0..30 {
        let joiner = new_user(&*first, &format!("joiner {round}")).await;
        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let join = {
            let (store, barrier, invite, joiner) = (second.clone(), barrier.clone(), invite.clone(), joiner.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                store.join_with_token(&invite, &joiner).await
            })
        };
        let delete = {
            let (store, barrier, joiner) = (first.clone(), barrier.clone(), joiner.clone());
            tokio::spawn(async move {
                barrier.wait().await;
                store.delete_user(&joiner).await
            })
        };
        // The deletion always goes through (it used to fail on the membership's key, a 500,
        // when the join committed while it waited); the join either came first (and its
        // membership went with the user) or fails on the key (the caller is gone: 401).
        assert_eq!(delete.await.expect("the task finishes"), Ok(Guarded::Done), "round {round}");
        match join.await.expect("the task finishes") {
            Ok(JoinOutcome::Joined(_)) | Err(StoreError::Backend(_)) => {}
            other => panic!("round {round}: {other:?}"),
        }
        assert_eq!(second.get_user(&joiner).await, Ok(None), "round {round}");
        assert!(!second.group_users(&group).await.expect("members").contains(&joiner), "round {round}");
    }
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
        assert_eq!(delete.await.expect("the delete task finishes"), Ok(Guarded::Done));
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
    assert_eq!(deletion.await.expect("the task finishes"), Ok(Guarded::Done));
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
    assert_eq!(deletion.await.expect("the task finishes"), Ok(Guarded::Done));
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
    assert_eq!(store.delete_group(&group).await, Ok(Guarded::Done));
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

/// Migration 0009: a probe of one membership (every privilege check, the join's issuer check)
/// reads the primary key under a generic plan, not `memberships_by_user`, which reads the user's
/// every membership and filters them (1.2 ms a join for an issuer in 2,001 groups). The two tie
/// on cost; PostgreSQL keeps the newest index, so a later index leading with `user_id` fails this.
#[tokio::test]
async fn membership_probes_use_the_primary_key() {
    // Statistics as a running server has them: one user in many groups, many users in one.
    let fixture = "INSERT INTO users (id, name, login) SELECT 'u' || i, 'u' || i, 'u' || i FROM generate_series(1, 2000) i;
         INSERT INTO memberships (group_id, user_id, privileges) SELECT 'g' || i, 'u1', 1 FROM generate_series(1, 500) i;
         INSERT INTO memberships (group_id, user_id, privileges) SELECT 'g1', 'u' || i, 1 FROM generate_series(2, 2000) i;
         ANALYZE memberships;";
    let probe = "(text, text, bigint) AS SELECT EXISTS (SELECT 1 FROM memberships
         WHERE group_id = $1 AND user_id = $2 AND (privileges & $3) = $3)";
    let Some(plan) = generic_plan(&[fixture], probe, "('g500', 'u1', 1)").await else { return };
    assert!(plan.contains("using memberships_pkey"), "the probe reads the primary key:\n{plan}");
}

/// Migration 0010: the privileges of the link a privilege check came through are read from the
/// key (an index-only scan), not from `group_links_by_parent`, which reads the parent's every
/// link and filters them (a deepest member's check under the bench's top group, with 500
/// children, read all 500 for each path down). Fails without 0010.
#[tokio::test]
async fn link_probes_read_the_key() {
    // A hierarchy's shape: one group with 500 children, every other group with one; vacuumed,
    // as autovacuum leaves a table whose rows seldom change.
    let fixture = "INSERT INTO groups (id, name, type) SELECT 'g' || i, 'g' || i, 'team' FROM generate_series(0, 5000) i;
         INSERT INTO group_links (parent_id, child_id, privileges) SELECT 'g0', 'g' || i, 1 FROM generate_series(1, 500) i;
         INSERT INTO group_links (parent_id, child_id, privileges)
             SELECT 'g' || i, 'g' || (i + 500), 1 FROM generate_series(1, 4500) i;
         INSERT INTO group_closure (ancestor, descendant, via)
             SELECT 'g0', 'g' || i, 'g' || ((i - 1) % 500 + 1) FROM generate_series(1, 5000) i;";
    let probe = "(text, text) AS SELECT (SELECT l.privileges FROM group_links l
             WHERE l.parent_id = $1 AND l.child_id = c.via)
         FROM group_closure c WHERE c.ancestor = $1 AND c.descendant = $2 OFFSET 0";
    let Some(plan) = generic_plan(&[fixture, "VACUUM ANALYZE group_links"], probe, "('g0', 'g4000')").await else {
        return;
    };
    assert!(plan.contains("Index Only Scan using group_links_pkey"), "the link is read from the key:\n{plan}");
}

/// The generic plan (as a server's prepared statements get once PostgreSQL settles on one) of
/// `PREPARE probe {probe}`, executed with `args`, on a fresh migrated database after the
/// `fixture` batches (one each, as `VACUUM` must run outside a transaction). `None` when there
/// is no PostgreSQL to test against.
async fn generic_plan(fixture: &[&str], probe: &str, args: &str) -> Option<String> {
    let url = fresh_database().await?;
    let _store = PostgresStore::connect(&url).await.expect("the store connects and migrates");
    let client = raw(&url).await;
    for batch in fixture {
        client.batch_execute(batch).await.expect("the fixture is made");
    }
    client
        .batch_execute(&format!("SET plan_cache_mode = force_generic_plan; PREPARE probe {probe};"))
        .await
        .expect("the probe is prepared");
    let rows = client.query(&format!("EXPLAIN EXECUTE probe{args}"), &[]).await.expect("EXPLAIN");
    Some(rows.iter().map(|r| r.get::<_, String>(0)).collect::<Vec<_>>().join("\n"))
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

/// A join stuck behind a lock that another session holds past the statement timeout (an
/// operator's open transaction, say) is told to come back later (503), as when the database
/// stops answering: the statement was cancelled, nothing is wrong with the request or the data.
/// Its use is not counted and no membership is added.
#[tokio::test]
async fn a_join_stuck_behind_a_lock_past_the_statement_timeout_is_unavailable_and_writes_nothing() {
    let Some(url) = fresh_database().await else { return };
    let store = PostgresStore::connect(&url).await.expect("the store connects");
    let Team { group, invite, .. } = a_team(&store, Some(1)).await;
    let joiner = new_user(&store, "joiner").await;

    let holder = raw(&url).await;
    holder.batch_execute("BEGIN").await.expect("a transaction begins");
    holder
        .execute("SELECT 1 FROM tokens WHERE id = $1 FOR UPDATE", &[&invite.id])
        .await
        .expect("the token's row locks");
    let started = Instant::now();
    let result = store.join_with_token(&invite.id, &joiner).await;
    let waited = started.elapsed();
    holder.batch_execute("ROLLBACK").await.expect("the lock is released");

    match result {
        Err(StoreError::Unavailable(detail)) => assert!(detail.contains("57014"), "{detail}"),
        other => panic!("expected the statement timeout's 503, got {other:?}"),
    }
    assert!(waited >= Duration::from_secs(4), "the join gave up after {waited:?}, before the statement timeout");
    assert_eq!(uses(&store, &invite.id).await, 0, "no use is counted");
    let members = store.group_users(&group.id).await.expect("the members read");
    assert!(!members.contains(&joiner), "no membership is added");
    // The lock gone, the same join goes through.
    assert!(matches!(store.join_with_token(&invite.id, &joiner).await, Ok(JoinOutcome::Joined(_))));
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

// --- named invite tokens, the issuer check, join records and retries (issue 13) -------------

async fn three_instances(url: &str) -> [Arc<dyn Store>; 3] {
    let mut stores = Vec::new();
    for n in 1..=3 {
        let store = PostgresStore::connect(url).await.unwrap_or_else(|e| panic!("instance {n} connects: {e}"));
        stores.push(Arc::new(store) as Arc<dyn Store>);
    }
    stores.try_into().unwrap_or_else(|_| unreachable!("three stores"))
}

/// An invite to `group` granting `privileges`, issued by `issuer` and named `name` (if given).
fn issued_invite(
    group: &GroupId,
    privileges: PrivilegeSet,
    max_uses: Option<u32>,
    issuer: &UserId,
    name: Option<&str>,
) -> TokenRecord {
    TokenRecord {
        issuer: Some(issuer.clone()),
        name: name.map(str::to_owned),
        ..crate::store::fixtures::an_invite_granting(group, privileges, max_uses)
    }
}

/// Stores `record`, which must be stored.
async fn stored(store: &dyn Store, record: TokenRecord) -> TokenRecord {
    assert_eq!(store.insert_token(&record).await, Ok(TokenWrite::Done), "the token is stored");
    record
}

/// A user with `privileges` in `group`, added by `by`.
async fn member_with(store: &dyn Store, group: &GroupId, privileges: PrivilegeSet, by: &UserId) -> UserId {
    let user = new_user(store, "member").await;
    assert_eq!(store.add_member(group, &user, privileges, by).await, Ok(AddOutcome::Added));
    user
}

/// `usageLimit` k (issue 13, item 3): 10·k distinct users join a named token at once through
/// three instances on one database; exactly k are admitted, the use count is k, and there is a
/// join record and an `invite` origin for each, and for nobody else.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn three_instances_racing_ten_k_joins_on_a_named_token_with_usage_limit_k_admit_exactly_k() {
    let Some(url) = fresh_database().await else { return };
    let stores = three_instances(&url).await;
    let owner = new_user(&*stores[0], "owner").await;
    let group = new_group(&*stores[0], &owner, "limited").await;
    for k in [1u32, 7] {
        let token = issued_invite(&group, PrivilegeSet::default_member(), Some(k), &owner, Some(&format!("limit {k}")));
        let token = stored(&*stores[0], token).await;
        let racers = 10 * k as usize;
        let mut users = Vec::new();
        for i in 0..racers {
            users.push(new_user(&*stores[i % 3], &format!("racer {i}")).await);
        }
        let barrier = Arc::new(tokio::sync::Barrier::new(racers));
        let tasks: Vec<_> = users
            .iter()
            .enumerate()
            .map(|(i, user)| {
                let (store, barrier, token, user) =
                    (stores[i % 3].clone(), barrier.clone(), token.id.clone(), user.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    (user.clone(), store.join_with_token(&token, &user).await)
                })
            })
            .collect();
        let mut joined = Vec::new();
        for task in futures::future::join_all(tasks).await {
            let (user, outcome) = task.expect("the task finishes");
            match outcome.expect("the join succeeds") {
                JoinOutcome::Joined(g) => {
                    assert_eq!(g, group);
                    joined.push(user);
                }
                JoinOutcome::TokenUsedUp => {}
                other => panic!("k = {k}: joined or used up, got {other:?}"),
            }
        }
        assert_eq!(joined.len(), k as usize, "k = {k}: exactly k admitted");
        assert_eq!(uses(&*stores[2], &token.id).await, k, "k = {k}: the use count is k");
        let records =
            stores[1].token_joins(&token.id, PageRequest::largest_first()).await.expect("the join records read").items;
        let mut recorded: Vec<_> = records
            .iter()
            .map(|r| match &r.joiner {
                Joiner::User(u) => u.clone(),
                Joiner::Group(g) => panic!("a user join recorded a group {g:?}"),
            })
            .collect();
        recorded.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        joined.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        assert_eq!(recorded, joined, "k = {k}: one record per admission");
        for user in &joined {
            let origin = stores[0].member_origin(&group, user).await.expect("the origin reads");
            assert_eq!(origin, Some(Origin::Invite { token: token.id.clone(), issuer: Some(owner.clone()) }));
        }
    }
}

/// The group commit (`batch`): joins queued together go into one transaction, and each is
/// answered as it would be alone, whatever the others' outcomes. A plain session holds a first
/// join's token, so that the joins sent after it wait in the queue together. Then a batch with
/// one join that fails as a whole (its user does not exist) is run again one join at a time, and
/// the others still join.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn joins_batched_together_are_each_answered_as_alone() {
    let Some(url) = fresh_database().await else { return };
    let store = PostgresStore::connect(&url).await.expect("the store connects");
    let joins = store.joins.clone().expect("a connected store batches its joins");
    let s: &dyn Store = &store;
    let owner = new_user(s, "owner").await;
    let group = new_group(s, &owner, "batched").await;
    let member = PrivilegeSet::default_member();
    let (g, o) = (&group, &owner);
    let invite = move |max_uses| async move { stored(s, issued_invite(g, member, max_uses, o, None)).await.id };

    let used_up = invite(Some(1)).await;
    assert_eq!(s.join_with_token(&used_up, &new_user(s, "first").await).await, Ok(JoinOutcome::Joined(group.clone())));
    let rejoiner = new_user(s, "rejoiner").await;
    let rejoined = invite(Some(1)).await;
    assert_eq!(s.join_with_token(&rejoined, &rejoiner).await, Ok(JoinOutcome::Joined(group.clone())));
    let revoked = stored(s, issued_invite(&group, member, None, &owner, Some("revoked"))).await.id;
    let revoke = NamedTokenUpdate { revoked: Some(true), ..NamedTokenUpdate::default() };
    assert_eq!(s.update_named_token(&revoked, &revoke).await, Ok(TokenWrite::Done));
    let gone = new_group(s, &owner, "gone").await;
    let into_gone = stored(s, issued_invite(&gone, member, None, &owner, None)).await.id;
    assert_eq!(s.delete_group(&gone).await, Ok(Guarded::Done));
    let powerless = member_with(s, &group, member, &owner).await;
    let refused = stored(s, issued_invite(&group, member, None, &powerless, None)).await.id;
    let already = member_with(s, &group, member, &owner).await;
    let nested = new_group_invite(s, &group, None).await;

    let mut cases = vec![
        (format!("inv-{}", GroupId::generate()), new_user(s, "unknown").await, JoinOutcome::TokenUnknown),
        (used_up, new_user(s, "late").await, JoinOutcome::TokenUsedUp),
        (rejoined, rejoiner, JoinOutcome::Rejoined(group.clone())),
        (revoked, new_user(s, "revoked").await, JoinOutcome::TokenUsedUp),
        (into_gone, new_user(s, "gone").await, JoinOutcome::GroupGone),
        (refused, new_user(s, "refused").await, JoinOutcome::IssuerNotAllowed),
        (invite(None).await, already, JoinOutcome::AlreadyMember),
        (nested, new_user(s, "nested").await, JoinOutcome::TokenUnknown),
    ];
    for i in 0..4 {
        cases.push((
            invite(Some(1)).await,
            new_user(s, &format!("joiner {i}")).await,
            JoinOutcome::Joined(group.clone()),
        ));
    }
    let answered = answers(queued_behind_a_held_join(&url, &store, &joins, &cases).await).await;
    for ((token, _, expected), answer) in cases.iter().zip(answered) {
        assert_eq!(answer.as_ref(), Ok(expected), "token {token}");
    }
    let (_, _, largest) = joins.stats();
    assert_eq!(largest, cases.len(), "the joins queued behind the held one went in one batch");
    for (token, user, expected) in &cases {
        if let JoinOutcome::Joined(_) = expected {
            assert_eq!(uses(s, token).await, 1, "one use counted per join");
            let origin = s.member_origin(&group, user).await.expect("the origin reads");
            assert_eq!(origin, Some(Origin::Invite { token: token.clone(), issuer: Some(owner.clone()) }));
        }
    }
    assert_eq!(uses(s, &cases[1].0).await, 1, "the used-up invite counted nothing more");

    // One join of the batch fails the statement: its user does not exist.
    let mut cases: Vec<_> = Vec::new();
    for i in 0..3 {
        cases.push((invite(Some(1)).await, new_user(s, &format!("second {i}")).await));
    }
    let ghost = (invite(Some(1)).await, UserId::generate());
    cases.insert(1, ghost.clone());
    let (_, batches_before, _) = joins.stats();
    let pairs: Vec<_> = cases.iter().map(|(t, u)| (t.clone(), u.clone(), ())).collect();
    let answered = answers(queued_behind_a_held_join(&url, &store, &joins, &pairs).await).await;
    let (_, batches_after, _) = joins.stats();
    assert_eq!(batches_after, batches_before + 2, "the held join's batch, then the four together");
    for ((token, user), answer) in cases.iter().zip(answered) {
        if user == &ghost.1 {
            assert!(matches!(answer, Err(StoreError::Backend(_))), "the unknown user's join fails: {answer:?}");
            assert_eq!(uses(s, token).await, 0, "and counts nothing");
        } else {
            assert_eq!(answer, Ok(JoinOutcome::Joined(group.clone())), "the others join");
            assert_eq!(uses(s, token).await, 1);
        }
    }

    // A token another transaction holds is skipped by the batch and joined alone once released;
    // the batch does not wait for it.
    let mut pairs: Vec<_> = Vec::new();
    for i in 0..3 {
        pairs.push((invite(Some(1)).await, new_user(s, &format!("third {i}")).await, ()));
    }
    let contended = pairs[1].0.clone();
    let holding = raw(&url).await;
    holding.batch_execute("BEGIN").await.expect("begin");
    holding.query("SELECT 1 FROM tokens WHERE id = $1 FOR UPDATE", &[&contended]).await.expect("the row is held");
    let mut pending = queued_behind_a_held_join(&url, &store, &joins, &pairs).await;
    let waiting = pending.remove(1);
    for answer in answers(pending).await {
        assert_eq!(answer, Ok(JoinOutcome::Joined(group.clone())), "the batch went on without the held token");
    }
    assert!(!waiting.is_finished(), "the held token's join waits for its lock");
    holding.batch_execute("COMMIT").await.expect("the row is released");
    assert_eq!(waiting.await.expect("the task finishes"), Ok(JoinOutcome::Joined(group.clone())));
    assert_eq!(uses(s, &contended).await, 1, "counted once, alone");
}

/// Sends a join through a new invite to a new group while a plain session holds that invite's
/// row, waits until it waits on the row, sends `cases` (token, user) and waits until they are
/// queued behind it, then releases the row. The held join must be `Joined`; returns the joins
/// of `cases`, in order.
async fn queued_behind_a_held_join<T>(
    url: &str,
    store: &PostgresStore,
    joins: &super::batch::Joins,
    cases: &[(String, UserId, T)],
) -> Vec<tokio::task::JoinHandle<Result<JoinOutcome, StoreError>>> {
    let s: &dyn Store = store;
    let owner = new_user(s, "holder").await;
    let group = new_group(s, &owner, "held").await;
    let held = stored(s, issued_invite(&group, PrivilegeSet::default_member(), None, &owner, None)).await.id;
    let holding = raw(url).await;
    holding.batch_execute("BEGIN").await.expect("begin");
    holding.query("SELECT 1 FROM tokens WHERE id = $1 FOR UPDATE", &[&held]).await.expect("the row is held");
    let observer = raw(url).await;
    let (queued_before, _, _) = joins.stats();
    let first = {
        let (store, user) = (store.clone(), new_user(s, "held").await);
        tokio::spawn(async move { store.join_with_token(&held, &user).await })
    };
    until_waiting_for_locks(&observer, 1).await;
    let answers: Vec<_> = cases
        .iter()
        .map(|(token, user, _)| {
            let (store, token, user) = (store.clone(), token.clone(), user.clone());
            tokio::spawn(async move { store.join_with_token(&token, &user).await })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(10);
    while joins.stats().0 < queued_before + 1 + cases.len() as u64 {
        assert!(Instant::now() < deadline, "the joins were not queued within 10 s");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    holding.batch_execute("COMMIT").await.expect("the row is released");
    assert_eq!(first.await.expect("the task finishes"), Ok(JoinOutcome::Joined(group)));
    answers
}

/// The answers of `joins`, in order.
async fn answers(
    joins: Vec<tokio::task::JoinHandle<Result<JoinOutcome, StoreError>>>,
) -> Vec<Result<JoinOutcome, StoreError>> {
    futures::future::join_all(joins).await.into_iter().map(|a| a.expect("the task finishes")).collect()
}

/// A revocation racing joins (issue 13, item 3), in an order that a join not serialised with the
/// revocation would get wrong: a plain session holds the token's row, the store's revocation
/// queues on it first, then nine joins through three instances queue behind it. Once the row is
/// released the revocation commits first, and no join admits anyone after it.
/// A join that waits for its invite's row while the issuer leaves (the leave holds the row, as
/// `zone::decide` does when the last member goes) reads the issuer's right as the leave left it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_join_waiting_for_its_invite_while_the_issuer_leaves_sees_the_issuer_gone() {
    let Some(url) = fresh_database().await else { return };
    let store: Arc<dyn Store> = Arc::new(PostgresStore::connect(&url).await.expect("the instance connects"));
    let owner = new_user(&*store, "owner").await;
    let group = new_group(&*store, &owner, "alone").await;
    let token = stored(&*store, issued_invite(&group, PrivilegeSet::default_member(), None, &owner, None)).await;
    let joiner = new_user(&*store, "joiner").await;
    // The leave, by hand: the invite's row held, the issuer's membership deleted, not committed.
    let leaving = raw(&url).await;
    leaving.batch_execute("BEGIN").await.expect("begin");
    leaving.query("SELECT 1 FROM tokens WHERE id = $1 FOR UPDATE", &[&token.id]).await.expect("the row is held");
    let sql = "DELETE FROM memberships WHERE group_id = $1 AND user_id = $2";
    leaving.execute(sql, &[&group.as_str(), &owner.as_str()]).await.expect("the issuer leaves");
    let join = {
        let (store, id, joiner) = (store.clone(), token.id.clone(), joiner.clone());
        tokio::spawn(async move { store.join_with_token(&id, &joiner).await })
    };
    until_waiting_for_locks(&raw(&url).await, 1).await;
    leaving.batch_execute("COMMIT").await.expect("the leave commits");
    assert_eq!(join.await.expect("the task finishes"), Ok(JoinOutcome::IssuerNotAllowed));
    assert_eq!(store.group_users(&group).await, Ok(vec![]), "no one was admitted into the emptied group");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn joins_queued_behind_a_revocation_admit_nobody() {
    let Some(url) = fresh_database().await else { return };
    let stores = three_instances(&url).await;
    let owner = new_user(&*stores[0], "owner").await;
    let group = new_group(&*stores[0], &owner, "revoked").await;
    let token =
        stored(&*stores[0], issued_invite(&group, PrivilegeSet::default_member(), None, &owner, Some("x"))).await;
    let early = new_user(&*stores[0], "early").await;
    assert_eq!(stores[1].join_with_token(&token.id, &early).await, Ok(JoinOutcome::Joined(group.clone())));
    let joiners: Vec<UserId> = {
        let mut v = Vec::new();
        for i in 0..9 {
            v.push(new_user(&*stores[i % 3], "late").await);
        }
        v
    };
    let holding = raw(&url).await;
    holding.batch_execute("BEGIN").await.expect("begin");
    holding.query("SELECT 1 FROM tokens WHERE id = $1 FOR UPDATE", &[&token.id]).await.expect("the row is held");
    let observer = raw(&url).await;
    let revocation = {
        let (store, id) = (stores[2].clone(), token.id.clone());
        tokio::spawn(async move {
            store
                .update_named_token(&id, &NamedTokenUpdate { revoked: Some(true), ..NamedTokenUpdate::default() })
                .await
        })
    };
    until_waiting_for_locks(&observer, 1).await;
    let joins: Vec<_> = joiners
        .iter()
        .enumerate()
        .map(|(i, user)| {
            let (store, id, user) = (stores[i % 3].clone(), token.id.clone(), user.clone());
            tokio::spawn(async move { store.join_with_token(&id, &user).await })
        })
        .collect();
    // Each instance sends one join of a token at a time (`batch`): one per instance waits on
    // the row, the others of its instance wait for it in the instance's queue.
    until_waiting_for_locks(&observer, 1 + stores.len() as i64).await;
    holding.batch_execute("COMMIT").await.expect("the row is released");
    assert_eq!(revocation.await.expect("the task finishes"), Ok(TokenWrite::Done));
    for join in futures::future::join_all(joins).await {
        assert_eq!(join.expect("the task finishes"), Ok(JoinOutcome::TokenUsedUp), "no join after the revocation");
    }
    assert_eq!(uses(&*stores[0], &token.id).await, 1, "only the join before the revocation counted");
    assert_eq!(stores[0].group_users(&group).await.map(|u| u.len()), Ok(2));
    // Un-revoked, it admits again.
    let update = NamedTokenUpdate { revoked: Some(false), ..NamedTokenUpdate::default() };
    assert_eq!(stores[0].update_named_token(&token.id, &update).await, Ok(TokenWrite::Done));
    assert_eq!(stores[1].join_with_token(&token.id, &joiners[0]).await, Ok(JoinOutcome::Joined(group.clone())));
}

/// The issuer check at use (contract §8), each way an issuer may hold or lose the right, on
/// the join and on the nested join.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_invite_admits_only_while_its_issuer_may_still_create_it() {
    use crate::domain::{Privilege, ZoneChange, ZoneHolder, ZonePrivilege, ZonePrivilegeSet};
    let Some(url) = fresh_database().await else { return };
    let store = PostgresStore::connect(&url).await.expect("the store connects");
    let store: &dyn Store = &store;
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "guarded").await;
    let inviting = PrivilegeSet::default_member().union(PrivilegeSet::from_iter([Privilege::InviteUser]));
    let issuer = member_with(store, &group, inviting, &owner).await;
    let join = |token: String| async move {
        let user = new_user(store, "joiner").await;
        store.join_with_token(&token, &user).await.expect("the join runs")
    };
    let plain = stored(store, issued_invite(&group, PrivilegeSet::default_member(), None, &issuer, None)).await;
    let rich = stored(store, issued_invite(&group, PrivilegeSet::all(), None, &issuer, None)).await;
    assert_eq!(join(plain.id.clone()).await, JoinOutcome::Joined(group.clone()), "holds group_invite_user");
    assert_eq!(
        join(rich.id.clone()).await,
        JoinOutcome::IssuerNotAllowed,
        "extra privileges need group_set_privileges"
    );
    // Lost group_invite_user: refused, and nothing counted.
    let set = |p| store.set_privileges(&group, &issuer, p);
    assert_eq!(set(PrivilegeSet::default_member()).await, Ok(Guarded::Done));
    assert_eq!(join(plain.id.clone()).await, JoinOutcome::IssuerNotAllowed);
    assert_eq!(uses(store, &plain.id).await, 1);
    // Through a child group holding group_invite_user in the group: allowed again.
    let child = new_group(store, &owner, "child").await;
    assert_eq!(store.add_member(&child, &issuer, PrivilegeSet::default_member(), &owner).await, Ok(AddOutcome::Added));
    let link = stored(
        store,
        TokenRecord { issuer: Some(owner.clone()), ..crate::store::fixtures::a_group_invite(&group, Some(1)) },
    )
    .await;
    assert_eq!(store.link_with_token(&link.id, &child).await, Ok(LinkOutcome::Linked(group.clone())));
    assert_eq!(join(plain.id.clone()).await, JoinOutcome::IssuerNotAllowed, "the link grants the default only");
    assert_eq!(store.set_link_privileges(&group, &child, inviting).await, Ok(Guarded::Done));
    assert_eq!(join(plain.id.clone()).await, JoinOutcome::Joined(group.clone()), "through the child");
    assert_eq!(join(rich.id.clone()).await, JoinOutcome::IssuerNotAllowed);
    // Out of the group altogether, then the zone privilege: directly, then through a group.
    assert_eq!(store.unlink(&group, &child).await, Ok(Guarded::Done));
    assert_eq!(store.remove_member(&group, &issuer).await, Ok(Guarded::Done));
    assert_eq!(join(plain.id.clone()).await, JoinOutcome::IssuerNotAllowed, "left the group");
    let add_members = ZonePrivilegeSet::from_iter([ZonePrivilege::GroupsAddMembers]);
    let user_holder = ZoneHolder::User(issuer.clone());
    assert_eq!(store.change_zone_privileges(&user_holder, ZoneChange::Grant(add_members)).await, Ok(true));
    assert_eq!(join(plain.id.clone()).await, JoinOutcome::Joined(group.clone()), "zone privilege, directly");
    assert_eq!(join(rich.id.clone()).await, JoinOutcome::IssuerNotAllowed, "adding members is not granting more");
    let setting = ZonePrivilegeSet::from_iter([ZonePrivilege::SetPrivileges]);
    assert_eq!(store.change_zone_privileges(&user_holder, ZoneChange::Grant(setting)).await, Ok(true));
    assert_eq!(join(rich.id.clone()).await, JoinOutcome::Joined(group.clone()), "with set_privileges too");
    let both = add_members.union(setting);
    assert_eq!(store.change_zone_privileges(&user_holder, ZoneChange::Revoke(both)).await, Ok(true));
    assert_eq!(join(plain.id.clone()).await, JoinOutcome::IssuerNotAllowed);
    let admins = new_group(store, &owner, "admins").await;
    let inner = new_group(store, &owner, "inner admins").await;
    assert_eq!(store.add_member(&inner, &issuer, PrivilegeSet::default_member(), &owner).await, Ok(AddOutcome::Added));
    crate::store::fixtures::nest(store, &admins, &inner).await;
    let group_holder = ZoneHolder::Group(admins.clone());
    assert_eq!(store.change_zone_privileges(&group_holder, ZoneChange::Grant(add_members)).await, Ok(true));
    assert_eq!(join(plain.id.clone()).await, JoinOutcome::Joined(group.clone()), "zone privilege, through a group");
    // A deleted issuer: its unnamed invites stay and are refused.
    assert_eq!(store.delete_user(&issuer).await, Ok(Guarded::Done));
    assert_eq!(join(plain.id.clone()).await, JoinOutcome::IssuerNotAllowed, "the issuer is gone");
    assert!(store.get_token(&plain.id).await.expect("read").is_some(), "an unnamed invite outlives its issuer");
    // The nested join checks its issuer too.
    let linker = member_with(store, &group, inviting, &owner).await;
    let group_token = stored(
        store,
        TokenRecord { issuer: Some(linker.clone()), ..crate::store::fixtures::a_group_invite(&group, None) },
    )
    .await;
    let other = new_group(store, &owner, "other").await;
    assert_eq!(
        store.link_with_token(&group_token.id, &other).await,
        Ok(LinkOutcome::IssuerNotAllowed),
        "needs group_invite_group"
    );
    let linking = inviting.union(PrivilegeSet::from_iter([Privilege::InviteGroup]));
    assert_eq!(store.set_privileges(&group, &linker, linking).await, Ok(Guarded::Done));
    assert_eq!(store.link_with_token(&group_token.id, &other).await, Ok(LinkOutcome::Linked(group.clone())));
    assert_eq!(uses(store, &group_token.id).await, 1);
}

/// A retried join (contract §8): the same user with the same token after its answer was lost is
/// `Rejoined`, even when that first join used the token up, and nothing more is counted or
/// recorded; once it left the group, the token is used up for it as for anyone.
#[tokio::test]
async fn a_retried_join_or_nested_join_is_answered_again_without_counting_a_use() {
    let Some(url) = fresh_database().await else { return };
    let stores = two_instances(&url).await;
    let owner = new_user(&*stores[0], "owner").await;
    let group = new_group(&*stores[0], &owner, "retried").await;
    let token = stored(&*stores[0], issued_invite(&group, PrivilegeSet::default_member(), Some(1), &owner, None)).await;
    let joiner = new_user(&*stores[0], "joiner").await;
    assert_eq!(stores[0].join_with_token(&token.id, &joiner).await, Ok(JoinOutcome::Joined(group.clone())));
    for store in &stores {
        assert_eq!(store.join_with_token(&token.id, &joiner).await, Ok(JoinOutcome::Rejoined(group.clone())));
    }
    assert_eq!(uses(&*stores[0], &token.id).await, 1);
    assert_eq!(stores[1].token_joins(&token.id, PageRequest::largest_first()).await.map(|p| p.items.len()), Ok(1));
    // Revoked too: the retry is decided before revocation.
    raw(&url).await.execute("UPDATE tokens SET revoked = TRUE WHERE id = $1", &[&token.id]).await.expect("revoke");
    assert_eq!(stores[1].join_with_token(&token.id, &joiner).await, Ok(JoinOutcome::Rejoined(group.clone())));
    // Another user, and the joiner once it left: used up.
    let other = new_user(&*stores[0], "other").await;
    assert_eq!(stores[0].join_with_token(&token.id, &other).await, Ok(JoinOutcome::TokenUsedUp));
    assert_eq!(stores[0].remove_member(&group, &joiner).await, Ok(Guarded::Done));
    assert_eq!(stores[0].join_with_token(&token.id, &joiner).await, Ok(JoinOutcome::TokenUsedUp));
    assert_eq!(
        stores[1].token_joins(&token.id, PageRequest::largest_first()).await.map(|p| p.items.len()),
        Ok(1),
        "history stays"
    );
    // A member that joined another way is not retrying this token.
    let unlimited =
        stored(&*stores[0], issued_invite(&group, PrivilegeSet::default_member(), None, &owner, None)).await;
    assert_eq!(stores[0].join_with_token(&unlimited.id, &owner).await, Ok(JoinOutcome::AlreadyMember));
    // The nested join.
    let child = new_group(&*stores[0], &owner, "child").await;
    let link = stored(
        &*stores[0],
        TokenRecord { issuer: Some(owner.clone()), ..crate::store::fixtures::a_group_invite(&group, Some(1)) },
    )
    .await;
    assert_eq!(stores[0].link_with_token(&link.id, &child).await, Ok(LinkOutcome::Linked(group.clone())));
    assert_eq!(stores[1].link_with_token(&link.id, &child).await, Ok(LinkOutcome::Relinked(group.clone())));
    assert_eq!(uses(&*stores[0], &link.id).await, 1);
    let records = stores[0].token_joins(&link.id, PageRequest::largest_first()).await.expect("records").items;
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].joiner, Joiner::Group(child.clone()));
    assert_eq!(records[0].group, group);
}

/// Origins, named-token names and the lists, and what deletions take with them.
#[tokio::test]
async fn origins_names_lists_and_deletions_of_named_tokens() {
    let Some(url) = fresh_database().await else { return };
    let store = PostgresStore::connect(&url).await.expect("the store connects");
    let store: &dyn Store = &store;
    let owner = new_user(store, "owner").await;
    let group = new_group(store, &owner, "origins").await;
    assert_eq!(store.member_origin(&group, &owner).await, Ok(Some(Origin::Created)));
    let inviting =
        PrivilegeSet::default_member().union(PrivilegeSet::from_iter([crate::domain::Privilege::InviteUser]));
    let added = member_with(store, &group, inviting, &owner).await;
    assert_eq!(store.member_origin(&group, &added).await, Ok(Some(Origin::Added { by: owner.clone() })));
    assert_eq!(store.member_origin(&group, &new_user(store, "stranger").await).await, Ok(None));
    // Names are unique per issuer.
    let first = stored(store, issued_invite(&group, PrivilegeSet::default_member(), None, &owner, Some("a"))).await;
    let again = issued_invite(&group, PrivilegeSet::default_member(), None, &owner, Some("a"));
    assert_eq!(store.insert_token(&again).await, Ok(TokenWrite::NameTaken));
    let second = stored(store, issued_invite(&group, PrivilegeSet::default_member(), Some(1), &added, Some("a"))).await;
    let third = stored(store, issued_invite(&group, PrivilegeSet::default_member(), None, &owner, Some("b"))).await;
    let rename = |name: &str| NamedTokenUpdate { name: Some(name.to_owned()), ..NamedTokenUpdate::default() };
    assert_eq!(store.update_named_token(&third.id, &rename("a")).await, Ok(TokenWrite::NameTaken));
    assert_eq!(store.update_named_token(&third.id, &rename("c")).await, Ok(TokenWrite::Done));
    assert_eq!(store.update_named_token("no-such-token", &rename("d")).await, Ok(TokenWrite::Missing));
    let metadata = NamedTokenUpdate { custom_metadata: Some(r#"{"k":1}"#.into()), ..NamedTokenUpdate::default() };
    assert_eq!(store.update_named_token(&third.id, &metadata).await, Ok(TokenWrite::Done));
    let by_name = store.named_token_by_name(&owner, "c").await.expect("read").expect("found");
    assert_eq!((by_name.id.as_str(), by_name.custom_metadata.as_str()), (third.id.as_str(), r#"{"k":1}"#));
    // Lists, whole and by pages.
    assert_eq!(
        store.named_tokens(&owner, PageRequest::largest_first()).await.map(|p| p.items),
        Ok(vec![first.id.clone(), third.id.clone()])
    );
    let one = crate::domain::PageRequest::new(None, 1).expect("a page of one");
    let page = store.named_tokens(&owner, one).await.expect("a page");
    assert_eq!(page.items, vec![first.id.clone()]);
    let next = crate::domain::PageRequest::new(page.next, 1).expect("the next page");
    let page = store.named_tokens(&owner, next).await.expect("a page");
    assert_eq!((page.items, page.next), (vec![third.id.clone()], None));
    // Live invites: the used-up, revoked and expired ones are left out.
    let expiring = stored(
        store,
        TokenRecord {
            valid_until: Some(2_000),
            ..issued_invite(&group, PrivilegeSet::default_member(), None, &owner, None)
        },
    )
    .await;
    let group_ref = &group;
    let live = |now| async move {
        store
            .group_invites(group_ref, now, PageRequest::largest_first())
            .await
            .map(|p| p.items.into_iter().map(|r| r.id).collect::<Vec<_>>())
    };
    let all = vec![first.id.clone(), second.id.clone(), third.id.clone(), expiring.id.clone()];
    assert_eq!(live(1_999).await, Ok(all.clone()));
    assert_eq!(live(2_000).await, Ok(all[..3].to_vec()), "expired at valid_until");
    let joiner = new_user(store, "joiner").await;
    assert_eq!(store.join_with_token(&second.id, &joiner).await, Ok(JoinOutcome::Joined(group.clone())));
    let revoke = NamedTokenUpdate { revoked: Some(true), ..NamedTokenUpdate::default() };
    assert_eq!(store.update_named_token(&first.id, &revoke).await, Ok(TokenWrite::Done));
    assert_eq!(live(0).await, Ok(vec![third.id.clone(), expiring.id.clone()]));
    // Deleting a token deletes its records; deleting the issuer deletes its named tokens.
    assert_eq!(store.token_joins(&second.id, PageRequest::largest_first()).await.map(|p| p.items.len()), Ok(1));
    assert_eq!(store.delete_user(&added).await, Ok(Guarded::Done));
    assert_eq!(store.get_token(&second.id).await, Ok(None), "a named token goes with its issuer");
    assert_eq!(
        store.token_joins(&second.id, PageRequest::largest_first()).await.map(|p| p.items.len()),
        Ok(0),
        "with its records"
    );
    assert_eq!(
        store.member_origin(&group, &joiner).await,
        Ok(Some(Origin::Invite { token: second.id.clone(), issuer: Some(added.clone()) })),
        "the membership keeps its origin"
    );
    assert_eq!(
        store
            .join_with_token(&third.id, &new_user(store, "j").await)
            .await
            .map(|o| matches!(o, JoinOutcome::Joined(_))),
        Ok(true)
    );
    assert_eq!(store.delete_token(&third.id).await, Ok(true));
    assert_eq!(store.delete_token(&third.id).await, Ok(false));
    assert_eq!(store.token_joins(&third.id, PageRequest::largest_first()).await.map(|p| p.items.len()), Ok(0));
    assert_eq!(store.delete_named_tokens(&owner).await, Ok(1), "the first, revoked; the expiring one has no name");
    assert_eq!(store.named_tokens(&owner, PageRequest::largest_first()).await.map(|p| p.items), Ok(vec![]));
    assert!(store.get_token(&expiring.id).await.expect("read").is_some());
}

/// Migration 0008 on a database an earlier build left at 0007, with data: memberships become
/// of unknown origin, invites keep working without an issuer (no issuer check), and the new
/// tables and columns are there to use.
#[tokio::test]
async fn a_database_at_migration_0007_with_data_migrates_to_0008() {
    let Some(url) = fresh_database().await else { return };
    let client = at_version(&url, 7).await;
    let (owner, group) = (crate::store::fixtures::a_user("owner"), crate::store::fixtures::a_group("old"));
    client
        .execute(
            "INSERT INTO users (id, name, login) VALUES ($1, 'owner', $2)",
            &[&owner.id.as_str(), &owner.login.as_str()],
        )
        .await
        .expect("a user of 0007");
    client
        .execute("INSERT INTO groups (id, name, type) VALUES ($1, 'old', 'team')", &[&group.id.as_str()])
        .await
        .expect("a group of 0007");
    client
        .execute(
            "INSERT INTO memberships (group_id, user_id, privileges) VALUES ($1, $2, $3)",
            &[&group.id.as_str(), &owner.id.as_str(), &i64::from(PrivilegeSet::all().bits())],
        )
        .await
        .expect("a membership of 0007");
    let old = crate::store::fixtures::an_invite(&group.id, Some(2));
    insert_token_row(&client, &old).await;
    let store = PostgresStore::connect(&url).await.expect("the newer build opens the database");
    assert_eq!(applied_migrations(&url).await, versions(MIGRATIONS));
    assert_eq!(store.member_origin(&group.id, &owner.id).await, Ok(Some(Origin::Unknown)));
    let record = store.get_token(&old.id).await.expect("read").expect("the old invite is there");
    assert_eq!(
        (record.issuer, record.name, record.caveats.as_str(), record.custom_metadata.as_str()),
        (None, None, "[]", "{}")
    );
    let joiner = new_user(&store, "joiner").await;
    assert_eq!(store.join_with_token(&old.id, &joiner).await, Ok(JoinOutcome::Joined(group.id.clone())));
    assert_eq!(store.join_with_token(&old.id, &joiner).await, Ok(JoinOutcome::Rejoined(group.id.clone())));
    assert_eq!(
        store.member_origin(&group.id, &joiner).await,
        Ok(Some(Origin::Invite { token: old.id.clone(), issuer: None }))
    );
    assert_eq!(store.group_invites(&group.id, 0, PageRequest::largest_first()).await.map(|p| p.items.len()), Ok(1));
    let named =
        stored(&store, issued_invite(&group.id, PrivilegeSet::default_member(), None, &owner.id, Some("n"))).await;
    assert_eq!(store.named_tokens(&owner.id, PageRequest::largest_first()).await.map(|p| p.items), Ok(vec![named.id]));
}

/// A rename to a name another session has just taken, uncommitted: the rename waits on the
/// unique index, and when the other session commits it answers `NameTaken`, not a store error.
/// Deterministic: the rename's own check (its snapshot) cannot see the uncommitted name, so only
/// the unique violation tells it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_rename_racing_another_to_the_same_name_is_told_name_taken() {
    let Some(url) = fresh_database().await else { return };
    let store = Arc::new(PostgresStore::connect(&url).await.expect("the store connects"));
    let owner = new_user(&*store, "owner").await;
    let group = new_group(&*store, &owner, "renames").await;
    let first = stored(&*store, issued_invite(&group, PrivilegeSet::default_member(), None, &owner, Some("a"))).await;
    let second = stored(&*store, issued_invite(&group, PrivilegeSet::default_member(), None, &owner, Some("b"))).await;
    let mut holding = raw(&url).await;
    let held = holding.transaction().await.expect("a transaction begins");
    let taken = held.execute("UPDATE tokens SET name = 'c' WHERE id = $1", &[&first.id]).await.expect("renamed");
    assert_eq!(taken, 1);
    let renaming = {
        let (store, id) = (store.clone(), second.id.clone());
        tokio::spawn(async move {
            let rename = NamedTokenUpdate { name: Some("c".into()), ..NamedTokenUpdate::default() };
            store.update_named_token(&id, &rename).await
        })
    };
    until_waiting_for_locks(&raw(&url).await, 1).await;
    held.commit().await.expect("the other rename commits");
    assert_eq!(renaming.await.expect("the task finishes"), Ok(TokenWrite::NameTaken));
    let named = |name: &'static str| store.named_token_by_name(&owner, name);
    assert_eq!(named("c").await.map(|t| t.map(|t| t.id)), Ok(Some(first.id.clone())));
    assert_eq!(named("b").await.map(|t| t.map(|t| t.id)), Ok(Some(second.id)), "the refused rename changed nothing");
}

/// The batched token lookups (`batch`): lookups asked together share statements, and each is
/// answered as a lone lookup answers it: access tokens with their users, the token of a deleted
/// user, an invite, an unknown identifier, one identifier asked twice, and a row that does not
/// decode (its error alone).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn token_lookups_batched_together_are_each_answered_as_alone() {
    let Some(url) = fresh_database().await else { return };
    let store = PostgresStore::connect(&url).await.expect("the store connects");
    let lookups = store.lookups.clone().expect("a connected store batches its lookups");
    let s: &dyn Store = &store;
    let owner = new_user(s, "owner").await;
    let group = new_group(s, &owner, "looked-up").await;
    let mut ids = vec![new_invite(s, &group, None).await, "unknown".to_owned(), "odd-kind".to_owned()];
    raw(&url)
        .await
        .batch_execute("INSERT INTO tokens (id, kind, created_at) VALUES ('odd-kind', 'space_invite', 0)")
        .await
        .expect("the bad row inserts");
    for i in 0..40 {
        let user = new_user(s, &format!("user {i}")).await;
        ids.push(stored(s, an_access_token(&format!("access-{i}"), &user)).await.id);
        if i == 7 {
            assert_eq!(s.delete_user(&user).await, Ok(Guarded::Done));
        }
    }
    ids.push(ids[5].clone());
    let mut alone = Vec::new();
    for id in &ids {
        alone.push(store.token_and_user_alone(id).await);
    }
    assert!(alone[3..].iter().filter(|a| matches!(a, Ok(Some((_, Some(_)))))).count() >= 39, "{alone:?}");
    assert!(matches!(alone[2], Err(StoreError::Backend(_))), "{:?}", alone[2]);

    let (_, batches_before, _) = lookups.stats();
    let batched = futures::future::join_all(ids.iter().map(|id| s.token_and_user(id))).await;
    assert_eq!(batched, alone);
    let (_, batches_after, largest) = lookups.stats();
    assert!(largest > 1, "the lookups were not batched");
    assert!(batches_after - batches_before < ids.len() as u64, "{} batches", batches_after - batches_before);
}
