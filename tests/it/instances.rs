//! Across instances (contract §1: "across any number of server instances sharing one
//! database"): real `oz-groups serve` processes on different ports, one PostgreSQL database and
//! one master key (`OZ_MASTER_KEY`), with joins raced through all of them at once.
//!
//! Left alone, most racers would arrive after the winner committed and be turned away by the
//! service's early checks. So the races hold the invites' rows locked, as a slow concurrent
//! writer would, until every instance has joins waiting inside their transactions (each
//! instance connects under its own `application_name`, so `pg_stat_activity` tells them apart),
//! then let go: the store's atomic step alone must then decide, across processes.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use futures::future::join_all;
use oz_groups::config::ZONE_NAME;
use oz_groups::domain::Name;
use oz_groups::service::{App, SystemClock};
use oz_groups::store::postgres::PostgresStore;
use oz_groups::tokens::TokenCodec;
use reqwest::{Method, StatusCode};
use tempfile::TempDir;

use crate::support::process::{spawn_binary, user_add_with, Remote, ServerProcess};
use crate::support::tokens::identifier;
use crate::support::{assert_error, poll, sorted, Reply};

/// Several servers on one fresh PostgreSQL database and one master key, and the same
/// deployment in this process (`app`), which creates users faster than `user add` could.
struct Deployment {
    /// The data directory every instance shares: it holds `admin.token` (no master key: that
    /// comes from `OZ_MASTER_KEY`).
    dir: TempDir,
    url: String,
    master_key: String,
    /// Running until the deployment is dropped.
    _servers: Vec<ServerProcess>,
    apis: Vec<Remote>,
    app: App,
    admin: String,
}

impl Deployment {
    /// `instances` servers, or `None` (after `oz_testkit::skip`) without PostgreSQL.
    async fn start(test: &str, instances: usize) -> Option<Deployment> {
        let url = oz_testkit::postgres::fresh_database(test).await?;
        let key: [u8; 32] = rand::random();
        let master_key: String = key.iter().map(|b| format!("{b:02x}")).collect();
        let dir = tempfile::tempdir().expect("a temporary directory");
        let separator = if url.contains('?') { '&' } else { '?' };
        let args: Vec<[String; 2]> = (0..instances)
            .map(|i| ["--database".into(), format!("{url}{separator}application_name=instance{i}")])
            .collect();
        let args: Vec<[&str; 2]> = args.iter().map(|[flag, url]| [flag.as_str(), url.as_str()]).collect();
        let env = [("OZ_MASTER_KEY", master_key.as_str())];
        // The first instance migrates the database and creates the admin; the others, started
        // together, find both done.
        let mut servers = vec![spawn_binary(dir.path(), &args[0], &env).await];
        servers.extend(join_all(args[1..].iter().map(|args| spawn_binary(dir.path(), args, &env))).await);
        let apis = servers.iter().map(Remote::of).collect();
        let admin = std::fs::read_to_string(dir.path().join("admin.token")).expect("admin.token").trim().to_owned();
        let store = PostgresStore::connect(&url).await.expect("this process connects too");
        let app = App::new(Arc::new(store), TokenCodec::new(key.to_vec(), ZONE_NAME), Arc::new(SystemClock));
        Some(Deployment { dir, url, master_key, _servers: servers, apis, app, admin })
    }

    /// The instance for the `i`-th request: round robin.
    fn via(&self, i: usize) -> &Remote {
        &self.apis[i % self.apis.len()]
    }

    /// `n` new users (`<prefix>0`, `<prefix>1`, ...): their access tokens.
    async fn users(&self, prefix: &str, n: usize) -> Vec<String> {
        let mut tokens = Vec::with_capacity(n);
        // In batches: the pool has 16 connections, and each user is two commits.
        for batch in (0..n).collect::<Vec<_>>().chunks(32) {
            let created = join_all(batch.iter().map(|i| {
                let name = Name::parse(&format!("{prefix}{i}"), "name").expect("a valid name");
                self.app.create_user(name, false)
            }))
            .await;
            tokens.extend(created.into_iter().map(|c| c.expect("the user is created").1));
        }
        tokens
    }
}

/// Each `token` asks `GET /user` through its instance, all at once: every client connection
/// is open (and pooled) before a race starts, so that the racing requests arrive as one burst.
async fn warm_up(d: &Deployment, tokens: &[String]) {
    let replies = join_all(tokens.iter().enumerate().map(|(i, token)| d.via(i).get("/user", token))).await;
    for (i, reply) in replies.iter().enumerate() {
        assert_eq!(reply.status, StatusCode::OK, "request {i}: {}", reply.text());
    }
}

/// Connections per instance (`POOL_SIZE` in `src/store/postgres.rs`): at most this many joins
/// of one instance can wait inside their transactions at once.
const POOL_SIZE: i64 = 16;

/// Runs `race` while the rows of the `invites` are locked: the lock is let go once every
/// instance has at least one session waiting on a lock (or after 3 s: the statement timeout
/// of the servers is 5 s). Returns the race's replies.
async fn lined_up<F>(d: &Deployment, invites: &[&str], race: F) -> Vec<Reply>
where
    F: std::future::Future<Output = Vec<Reply>> + Send + 'static,
{
    let locker = connect(&d.url).await;
    locker.batch_execute("BEGIN").await.expect("BEGIN");
    for invite in invites {
        let rows = locker
            .execute("SELECT 1 FROM tokens WHERE id = $1 FOR UPDATE", &[&identifier(invite)])
            .await
            .expect("the invite's row locks");
        assert_eq!(rows, 1, "the invite's row is there");
    }
    let race = tokio::spawn(race);
    let watcher = connect(&d.url).await;
    let last = std::cell::RefCell::new(BTreeMap::new());
    // Let go when every connection of every instance waits, or after 4 s (then the assertion
    // below says how far it got): under the servers' 5 s statement timeout, which the first
    // waiting join would otherwise reach.
    poll::until(Duration::from_secs(4), Duration::from_millis(20), || async {
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
        let all = waiting.len() == d.apis.len() && waiting.values().sum::<i64>() >= POOL_SIZE * d.apis.len() as i64;
        *last.borrow_mut() = waiting;
        all.then_some(())
    })
    .await;
    let waiting = last.into_inner();
    locker.batch_execute("ROLLBACK").await.expect("ROLLBACK");
    println!("joins waiting on the lock, by instance, when it was let go: {waiting:?}");
    let replies = race.await.expect("the race finishes");
    assert_eq!(waiting.len(), d.apis.len(), "every instance had a join inside its transaction: {waiting:?}");
    replies
}

async fn connect(url: &str) -> tokio_postgres::Client {
    let (client, connection) =
        tokio_postgres::connect(url, tokio_postgres::NoTls).await.expect("the database connects");
    tokio::spawn(connection);
    client
}

fn count(replies: &[Reply], status: StatusCode) -> usize {
    replies.iter().filter(|r| r.status == status).count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_hundred_users_racing_one_single_use_invite_through_three_instances_let_exactly_one_in() {
    let test =
        crate::test_name!("five_hundred_users_racing_one_single_use_invite_through_three_instances_let_exactly_one_in");
    let Some(d) = Deployment::start(test, 3).await else { return };
    let owner = d.users("owner", 1).await.remove(0);
    let gid = d.via(0).create_group(&owner, "Contested").await;
    let invite = d.via(1).invite(&owner, &gid).await;
    let racers = d.users("racer", 500).await;
    warm_up(&d, &racers).await;

    let (apis, invite_sent, tokens) = (d.apis.clone(), invite.clone(), racers.clone());
    let race = async move {
        let n = apis.len();
        join_all(tokens.iter().enumerate().map(|(i, token)| apis[i % n].join(token, &invite_sent))).await
    };
    let replies = lined_up(&d, &[&invite], race).await;

    let statuses: Vec<u16> = replies.iter().map(|r| r.status.as_u16()).collect();
    assert_eq!(count(&replies, StatusCode::CREATED), 1, "exactly one 201: {statuses:?}");
    let winner = replies.iter().position(|r| r.status == StatusCode::CREATED).unwrap();
    for (i, reply) in replies.iter().enumerate().filter(|(i, _)| *i != winner) {
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "racer {i}: {}", reply.text());
        assert_error(reply, StatusCode::BAD_REQUEST, "invalid_token");
    }
    // One new membership, the same through every instance.
    let expected = sorted(&[d.via(0).user_id(&owner).await, d.via(2).user_id(&racers[winner]).await]);
    for api in &d.apis {
        assert_eq!(sorted(&api.members(&owner, &gid).await), expected, "the owner and the winner, nobody else");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_user_racing_two_invites_through_three_instances_joins_once_and_each_loser_gets_the_contract_answer() {
    let test = crate::test_name!(
        "one_user_racing_two_invites_through_three_instances_joins_once_and_each_loser_gets_the_contract_answer"
    );
    let Some(d) = Deployment::start(test, 3).await else { return };
    let users = d.users("user", 3).await;
    let (owner, joiner, latecomer) = (&users[0], &users[1], &users[2]);
    let gid = d.via(0).create_group(owner, "Twice invited").await;
    // Two single-use invites to the same group (multi-use ones would do the same).
    let invites = [d.via(1).invite(owner, &gid).await, d.via(2).invite(owner, &gid).await];
    // 100 connections, one per racing request.
    warm_up(&d, &vec![joiner.clone(); 100]).await;

    // Request i goes through instance i % 3 with invite i % 2: every pairing occurs.
    let (apis, sent, joiner_token) = (d.apis.clone(), invites.clone(), joiner.clone());
    let race = async move {
        let n = apis.len();
        join_all((0..100).map(|i| apis[i % n].join(&joiner_token, &sent[i % 2]))).await
    };
    let replies = lined_up(&d, &[&invites[0], &invites[1]], race).await;

    // One membership is made, through one of the two invites. The other requests with that
    // invite are retries by the member it made (issue 13, §8): 201 again, counting no use. The
    // requests with the other invite find the joiner a member through another invite: 409
    // ("already a member", row 9), which costs that invite no use.
    let statuses: Vec<u16> = replies.iter().map(|r| r.status.as_u16()).collect();
    let winner = replies.iter().position(|r| r.status == StatusCode::CREATED).expect("one join succeeds");
    let used = winner % 2;
    for (i, reply) in replies.iter().enumerate() {
        if i % 2 == used {
            assert_eq!(reply.status, StatusCode::CREATED, "a retry with the invite used: {statuses:?}");
        } else {
            assert_error(reply, StatusCode::CONFLICT, "relation_already_exists");
        }
    }
    assert_eq!((count(&replies, StatusCode::CREATED), count(&replies, StatusCode::CONFLICT)), (50, 50));

    let owner_id = d.via(0).user_id(owner).await;
    let joiner_id = d.via(1).user_id(joiner).await;
    for api in &d.apis {
        assert_eq!(sorted(&api.members(owner, &gid).await), sorted(&[owner_id.clone(), joiner_id.clone()]));
    }
    // The 409s cost the other invite no use: it still admits one user, through any instance.
    d.via(2).join(latecomer, &invites[1 - used]).await.expect(StatusCode::CREATED);
    // Now a member, the latecomer still gets 400 for the used invite: row 6 before row 9.
    assert_error(&d.via(0).join(latecomer, &invites[used]).await, StatusCode::BAD_REQUEST, "invalid_token");
    assert_eq!(d.via(1).members(owner, &gid).await.len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invites_and_access_tokens_minted_on_one_instance_work_on_the_others() {
    let test = crate::test_name!("invites_and_access_tokens_minted_on_one_instance_work_on_the_others");
    let Some(d) = Deployment::start(test, 2).await else { return };
    let (a, b) = (&d.apis[0], &d.apis[1]);

    // A user made by `oz-groups user add` on the same database and master key.
    let env = [("OZ_MASTER_KEY", d.master_key.as_str())];
    let carol = user_add_with(d.dir.path(), "Carol", false, &["--database", &d.url], &env).await;
    let carol_id = a.user_id(&carol).await;
    assert_eq!(b.user_id(&carol).await, carol_id);

    // An access token minted by instance A authenticates on instance B.
    let minted = a.get("/user/client_token", &carol).await.expect(StatusCode::OK).json();
    let fresh = minted["token"].as_str().expect("a token").to_owned();
    let me = b.get("/user", &fresh).await.expect(StatusCode::OK).json();
    assert_eq!(me["userId"].as_str(), Some(carol_id.as_str()));

    // A group made on A, an invite minted on B, the join on A, the membership seen on B.
    let gid = a.create_group(&d.admin, "Shared").await;
    let invite = b.invite(&d.admin, &gid).await;
    a.join(&fresh, &invite).await.expect(StatusCode::CREATED);
    assert!(b.members(&d.admin, &gid).await.contains(&carol_id));
    let groups = b.get("/user/groups", &carol).await.expect(StatusCode::OK).json();
    assert_eq!(groups["groups"], serde_json::json!([gid]));
    // The invite is used up for every instance.
    let dave = d.users("dave", 1).await.remove(0);
    assert_error(&b.join(&dave, &invite).await, StatusCode::BAD_REQUEST, "invalid_token");
    assert_error(&a.join(&dave, &invite).await, StatusCode::BAD_REQUEST, "invalid_token");

    // A rename on B is what A reads next.
    b.send(Method::PATCH, "/user", &carol, Some(serde_json::json!({ "name": "Carol B." })))
        .await
        .expect(StatusCode::NO_CONTENT);
    assert_eq!(a.get("/user", &carol).await.expect(StatusCode::OK).json()["name"], "Carol B.");
}

/// `--database-pool-size` bounds the connections one instance keeps to PostgreSQL (operators
/// split the database's connections between instances): 60 concurrent requests through an
/// instance with 2 are all answered, and the database never sees more than 2 of its sessions.
#[tokio::test]
async fn an_instance_keeps_no_more_database_connections_than_its_pool_size() {
    let Some(url) = oz_testkit::postgres::fresh_database("pool size").await else { return };
    let dir = tempfile::tempdir().expect("a temporary directory");
    let separator = if url.contains('?') { '&' } else { '?' };
    let database = format!("{url}{separator}application_name=pooled");
    let server = spawn_binary(dir.path(), &["--database", &database, "--database-pool-size", "2"], &[]).await;
    let api = Remote::of(&server);
    let admin = std::fs::read_to_string(dir.path().join("admin.token")).expect("admin.token").trim().to_owned();
    let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await.expect("a plain session");
    tokio::spawn(connection);
    let sessions = || async {
        let row = client
            .query_one("SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'pooled'", &[])
            .await
            .expect("pg_stat_activity reads");
        row.get::<_, i64>(0)
    };
    let burst = join_all((0..60).map(|i| {
        let (api, admin) = (&api, &admin);
        async move {
            // Writes and reads, so that each needs a connection for a while.
            if i % 2 == 0 {
                api.create_group(admin, &format!("g{i}")).await;
            } else {
                api.get("/user/groups", admin).await.expect(StatusCode::OK);
            }
        }
    }));
    let mut most = 0;
    let watch = async {
        for _ in 0..50 {
            most = most.max(sessions().await);
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    };
    tokio::join!(burst, watch);
    most = most.max(sessions().await);
    assert!((1..=2).contains(&most), "the instance had {most} sessions at once");
    let groups = api.get("/user/groups", &admin).await.expect(StatusCode::OK).json();
    assert_eq!(groups["groups"].as_array().map(Vec::len), Some(30));
}

#[tokio::test]
async fn a_pool_size_of_zero_is_refused_at_start() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let output = crate::support::process::run(
        &["serve", "--data-dir", dir.path().to_str().expect("a UTF-8 path"), "--database-pool-size", "0"],
        &[],
    )
    .await;
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--database-pool-size"), "{stderr}");
}
