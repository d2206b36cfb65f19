//! PostgreSQL for the benchmark: fresh databases on the server `oz_testkit::postgres` gives
//! (`OZ_TEST_POSTGRES_URL`, or a throwaway cluster of this process), and its storage limit,
//! pgbench running a lone join's transaction exactly as `PostgresStore` runs it (the server
//! shares one transaction among the joins queued together; a lone join is its fallback).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};
use oz_groups::domain::{Group, GroupId, GroupType, PrivilegeSet};
use oz_groups::store::postgres::PostgresStore;
use oz_groups::store::Store;
use oz_testkit::postgres::with_dbname;
use tokio_postgres::NoTls;

use crate::procs::{run_as_batch, spawn_logged, Guard};
use crate::seed::{name, user};
use crate::storage::percentile;

/// What the results and stderr say when there is no server.
pub const SKIPPED: &str = "PostgreSQL: SKIPPED — no OZ_TEST_POSTGRES_URL and no PostgreSQL server programs (initdb)";

/// Every administrative statement (CREATE/DROP DATABASE, seeding, counting) is bounded by this.
const SQL_TIMEOUT: Duration = Duration::from_secs(300);

/// Invites are spread over this many groups, as the HTTP join fixture spreads them.
const GROUPS: usize = 64;

/// Rows seeded per second of pgbench run, to start with: far above what a durable single-node
/// join reaches on small machines; a run that still runs out is redone with four times as many.
const ROWS_PER_SECOND: u64 = 20_000;

/// Pays the seeding's debts before a timed run: `VACUUM ANALYZE` (else autovacuum may start on
/// the seeded rows halfway through the run, and its CPU would be counted as the joins') and
/// `CHECKPOINT` (else a checkpoint the seeding's WAL brought on may fall inside the run). What
/// the timed joins write themselves is still vacuumed and checkpointed on their account.
/// `CHECKPOINT` needs a superuser or `pg_checkpoint`; without it the vacuum still runs.
pub async fn settle(url: &str) -> Result<()> {
    let client = connect(url).await?;
    let run = |sql: &'static str| async { client.batch_execute(sql).await.map_err(anyhow::Error::from) };
    bounded("vacuuming the seeded database", run("VACUUM ANALYZE")).await?;
    if let Err(e) = bounded("the checkpoint after seeding", run("CHECKPOINT")).await {
        eprintln!("  no CHECKPOINT before the run ({e:#})");
    }
    Ok(())
}

async fn connect(url: &str) -> Result<tokio_postgres::Client> {
    let (client, connection) = tokio::time::timeout(Duration::from_secs(15), tokio_postgres::connect(url, NoTls))
        .await
        .map_err(|_| anyhow!("the PostgreSQL server did not accept a connection within 15 s"))?
        .context("cannot connect to the PostgreSQL server")?;
    tokio::spawn(connection);
    Ok(client)
}

async fn bounded<T>(what: &str, f: impl std::future::Future<Output = Result<T>>) -> Result<T> {
    tokio::time::timeout(SQL_TIMEOUT, f).await.map_err(|_| anyhow!("{what} took more than {SQL_TIMEOUT:?}"))?
}

/// The server as the results describe it: read from the server, never assumed.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct ServerInfo {
    pub version: String,
    pub fsync: String,
    pub synchronous_commit: String,
    pub max_connections: String,
    pub shared_buffers: String,
}

pub async fn describe(admin: &str) -> Result<ServerInfo> {
    bounded("describing the server", async {
        let settings = ["server_version", "fsync", "synchronous_commit", "max_connections", "shared_buffers"];
        let sql = settings.map(|s| format!("current_setting('{s}')")).join(", ");
        let row = connect(admin).await?.query_one(&format!("SELECT {sql}"), &[]).await?;
        let [version, fsync, synchronous_commit, max_connections, shared_buffers] = [0, 1, 2, 3, 4].map(|i| row.get(i));
        Ok(ServerInfo { version, fsync, synchronous_commit, max_connections, shared_buffers })
    })
    .await
}

/// Creates an empty database `<prefix>_<random>` and returns its name and URL.
pub async fn create_database(admin: &str, prefix: &str) -> Result<(String, String)> {
    let suffix = GroupId::generate().as_str().get(..12).unwrap_or("x").to_owned();
    let dbname = format!("{prefix}_{suffix}");
    let sql = format!("CREATE DATABASE {dbname}");
    bounded("CREATE DATABASE", async { connect(admin).await?.batch_execute(&sql).await.context(sql.clone()) }).await?;
    let url = with_dbname(admin, &dbname);
    Ok((dbname, url))
}

/// Drops the databases the benchmark made (on a shared server they would pile up).
pub async fn drop_databases(admin: &str, names: &[String]) -> Result<()> {
    bounded("DROP DATABASE", async {
        let client = connect(admin).await?;
        for n in names {
            client.batch_execute(&format!("DROP DATABASE IF EXISTS {n} WITH (FORCE)")).await?;
        }
        Ok(())
    })
    .await
}

/// How many connections the oz-groups servers hold to the database at `url` (their pools, as
/// `pg_stat_activity` shows them by the application name the store sets), and how many of
/// those were busy (not idle) at that moment.
pub async fn server_connections(url: &str) -> Result<(i64, i64)> {
    const SQL: &str = "SELECT COUNT(*), COUNT(*) FILTER (WHERE state <> 'idle') FROM pg_stat_activity \
                       WHERE datname = current_database() AND application_name = 'oz-groups'";
    bounded("counting connections", async {
        let row = connect(url).await?.query_one(SQL, &[]).await?;
        Ok((row.get(0), row.get(1)))
    })
    .await
}

/// One pgbench run of the join transaction.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct PgbenchResult {
    pub clients: u32,
    pub threads: u32,
    pub seconds: u32,
    pub version: String,
    /// "number of transactions actually processed" (each one committed).
    pub transactions: u64,
    pub failed: u64,
    pub retried: u64,
    pub retries: u64,
    /// "tps = … (without initial connection time)".
    pub tps: f64,
    pub latency_avg_ms: f64,
    /// From the per-transaction log (`--log`): committed transactions only, retries included.
    pub p50_us: u64,
    pub p99_us: u64,
    /// Memberships and used invites in the database afterwards (the verification).
    pub memberships: u64,
    pub used_invites: u64,
    /// Users and invite rows seeded beforehand, and how long that took.
    pub rows: u64,
    pub seed_seconds: f64,
    /// pgbench's scheduling policy: `batch`, as wrk's (`procs::run_as_batch`); older files: `normal`.
    #[serde(default = "crate::report::normal")]
    pub scheduler: String,
    pub notes: Vec<String>,
    pub problems: Vec<String>,
}

/// The pgbench script: `PostgresStore`'s join statement itself (`JOIN_STATEMENT`), with pgbench's
/// variables for its parameters, in the store's transaction: `BEGIN` pipelined with it, then
/// `COMMIT`. The first line picks this transaction's user and invite: row `n` of the seeded
/// ones, `n` from a sequence, so no two transactions share either.
pub fn script() -> String {
    let [need_default, need_more, default, zone_default, zone_more] = oz_groups::store::postgres::join_issuer_bits();
    let join = oz_groups::store::postgres::JOIN_STATEMENT
        .replace("$1", ":invite")
        .replace("$2", ":joiner")
        .replace("$3", "'group_invite_user'")
        .replace("$4", "extract(epoch from now())::bigint")
        .replace("$5", &need_default.to_string())
        .replace("$6", &need_more.to_string())
        .replace("$7", &default.to_string())
        .replace("$8", &zone_default.to_string())
        .replace("$9", &zone_more.to_string());
    // One line per statement, as pgbench's logs and the report quote it.
    let join = join.lines().map(str::trim).collect::<Vec<_>>().join(" ");
    format!(
        "SELECT {INVITE_ID} AS invite, {USER_ID} AS joiner \
         FROM (SELECT nextval('bench_seq') AS n) AS s \\gset\n\\startpipeline\nBEGIN;\n\
         {join};\n\\endpipeline\nCOMMIT;\n"
    )
}

/// Row `n`'s user and invite ids, in the store's formats (`domain::time_ordered_hex`) and, like
/// the store's, ordered by when they were made (here `n`): 12 hex digits of `n`, then an md5's
/// 20 digits for a user, 32 for an invite.
const USER_ID: &str = "lpad(to_hex(n), 12, '0') || left(md5('bench-user-' || n), 20)";
const INVITE_ID: &str = "lpad(to_hex(n), 12, '0') || md5('bench-invite-' || n)";

/// pgbench of the newest Debian server install, else the one on PATH.
pub fn pgbench_binary() -> PathBuf {
    let installs = std::fs::read_dir("/usr/lib/postgresql").into_iter().flatten().flatten().filter_map(|e| {
        let major = e.file_name().to_str()?.parse::<u32>().ok()?;
        let bin = e.path().join("bin/pgbench");
        bin.exists().then_some((major, bin))
    });
    installs.max().map_or_else(|| PathBuf::from("pgbench"), |(_, bin)| bin)
}

/// A fresh database, its schema made by `PostgresStore` (the migrations), an owner and
/// `GROUPS` groups made through the `Store` API, then `rows` users and single-use invites in
/// plain SQL, in the columns' formats the store writes and reads (`insert_token`,
/// `decode_token`): ids as `USER_ID` and `INVITE_ID` make them, kind `group_invite_user`, the
/// default member privileges, `max_uses` 1, issued by the owner (so that every join runs the
/// issuer check, which the owner, a member with every privilege, passes at its first probe).
async fn seed(admin: &str, prefix: &str, rows: u64) -> Result<(String, String, String)> {
    let (dbname, url) = create_database(admin, prefix).await?;
    bounded("seeding the pgbench database", async {
        let store = PostgresStore::connect(&url).await.map_err(|e| anyhow!("opening the PostgresStore: {e}"))?;
        let owner = user("pgbench owner")?;
        store.create_user(&owner).await?;
        let mut groups = Vec::new();
        for i in 0..GROUPS {
            let group =
                Group { id: GroupId::generate(), name: name(&format!("pgbench group {i}"))?, kind: GroupType::Team };
            store.create_group(&group, &owner.id, PrivilegeSet::all()).await?;
            groups.push(group.id.as_str().to_owned());
        }
        drop(store);
        let client = connect(&url).await?;
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
        let rows = i64::try_from(rows)?;
        let member = i64::from(PrivilegeSet::default_member().bits());
        client.execute("CREATE SEQUENCE bench_seq", &[]).await?;
        let users = format!(
            "INSERT INTO users (id, name, alias, login)
             SELECT {USER_ID}, 'pgbench user ' || n, NULL, 'pgbench-user-' || n
             FROM generate_series(1, $1::bigint) AS n"
        );
        client.execute(&users, &[&rows]).await?;
        let tokens = format!(
            "INSERT INTO tokens
                 (id, kind, user_id, group_id, privileges, max_uses, uses, revoked, created_at, issuer_id)
             SELECT {INVITE_ID}, 'group_invite_user', NULL, ($2::text[])[(1 + n % $3::bigint)::int],
                    $4::bigint, 1, 0, FALSE, $5::bigint, $6
             FROM generate_series(1, $1::bigint) AS n"
        );
        client.execute(&tokens, &[&rows, &groups, &(GROUPS as i64), &member, &now, &owner.id.as_str()]).await?;
        drop(client);
        settle(&url).await?;
        Ok((dbname, url, owner.id.as_str().to_owned()))
    })
    .await
}

/// Runs the join transaction with pgbench for `seconds` with `clients` connections on
/// `threads` threads against a freshly seeded database, and checks the database afterwards:
/// one membership and one used invite per transaction pgbench counted. Returns the result and
/// the databases it created.
pub fn run_pgbench(
    rt: &tokio::runtime::Runtime,
    admin: &str,
    work: &Path,
    clients: u32,
    threads: u32,
    seconds: u32,
    made: &mut Vec<String>,
) -> Result<PgbenchResult> {
    std::fs::create_dir_all(work)?;
    let script = work.join("join.sql");
    std::fs::write(&script, self::script())?;
    let mut rows = ROWS_PER_SECOND * u64::from(seconds) + 20_000;
    for attempt in 0..3 {
        let label = format!("c{clients}-{attempt}");
        let started = Instant::now();
        let (dbname, url, owner) = rt.block_on(seed(admin, &format!("bench_pgbench_c{clients}"), rows))?;
        made.push(dbname);
        let seed_seconds = started.elapsed().as_secs_f64();
        eprintln!("  pgbench -c {clients}: seeded {rows} users and invites in {seed_seconds:.1} s");
        crate::procs::wait_for_quiet(Duration::from_secs(20), 10.0);
        let log_dir = work.join(format!("log-{label}"));
        std::fs::create_dir_all(&log_dir)?;
        let out_file = work.join(format!("pgbench-{label}.txt"));
        // Serialization failures (40001) are retried, as `PostgresStore::write` retries them.
        let options = format!("-n -M prepared -c {clients} -j {threads} -T {seconds} --max-tries=10 --log -f");
        let mut args: Vec<String> = options.split(' ').map(str::to_owned).collect();
        let log_prefix = format!("--log-prefix={}", log_dir.join("tx").display());
        args.extend([script.display().to_string(), log_prefix, url.clone()]);
        let status = run(&out_file, &args, Duration::from_secs(u64::from(seconds) + 120))?;
        let text = std::fs::read_to_string(&out_file)?;
        let mut r = parse(&text).with_context(|| format!("pgbench output: {}", out_file.display()))?;
        (r.clients, r.threads, r.seconds, r.rows, r.seed_seconds, r.scheduler) =
            (clients, threads, seconds, rows, seed_seconds, "batch".into());
        let mut latencies = read_logs(&log_dir)?;
        latencies.sort_unstable();
        r.p50_us = percentile(&latencies, 50.0);
        r.p99_us = percentile(&latencies, 99.0);
        let (memberships, used, next) = rt.block_on(bounded("counting the pgbench joins", async {
            let client = connect(&url).await?;
            let m: i64 =
                client.query_one("SELECT COUNT(*) FROM memberships WHERE user_id <> $1", &[&owner]).await?.get(0);
            let u: i64 = client.query_one("SELECT COUNT(*) FROM tokens WHERE uses > 0", &[]).await?.get(0);
            let n: i64 = client.query_one("SELECT last_value FROM bench_seq", &[]).await?.get(0);
            Ok((m as u64, u as u64, n as u64))
        }))?;
        (r.memberships, r.used_invites) = (memberships, used);
        if next > rows {
            if attempt < 2 {
                eprintln!("  pgbench -c {clients}: the {rows} seeded invites ran out; again with four times as many");
                rows *= 4;
                continue;
            }
            r.problems.push(format!("the {rows} seeded invites ran out"));
        }
        if !status.success() {
            r.problems.push(format!("pgbench exited with {status} (an aborted client: see {})", out_file.display()));
        }
        if r.failed > 0 {
            // Not a fault of the measurement: the store gives up after as many attempts.
            r.notes.push(format!(
                "{} transaction{} failed after 10 tries (serialization failures; not counted, not committed)",
                r.failed,
                if r.failed == 1 { "" } else { "s" }
            ));
        }
        let (tx, logged) = (r.transactions, latencies.len());
        if memberships == tx && used == tx {
            r.notes.push(format!(
                "verified: {memberships} new memberships and {used} used invites for {tx} committed \
                 transactions"
            ));
        } else {
            r.problems.push(format!(
                "the database holds {memberships} new memberships and {used} used invites, pgbench \
                 counted {tx} transactions"
            ));
        }
        if logged as u64 != tx {
            r.notes.push(format!("{logged} latencies logged for {tx} transactions"));
        }
        return Ok(r);
    }
    unreachable!("the last attempt returns")
}

fn run(out_file: &Path, args: &[String], limit: Duration) -> Result<std::process::ExitStatus> {
    let bin = pgbench_binary();
    let child = spawn_logged(run_as_batch(Command::new(&bin).args(args)), out_file)
        .with_context(|| format!("cannot run {} (apt-get install postgresql)", bin.display()))?;
    Guard::new(child, "pgbench").wait_timeout(limit)
}

/// The summary pgbench 15 prints.
fn parse(text: &str) -> Result<PgbenchResult> {
    let after = |key: &str| -> Option<&str> { text.lines().find_map(|l| l.trim().strip_prefix(key)).map(str::trim) };
    let first_number = |key: &str| -> Result<f64> {
        let v = after(key).ok_or_else(|| anyhow!("no {key:?} line"))?;
        let n = v.split(|c: char| !(c.is_ascii_digit() || c == '.')).next().unwrap_or("");
        n.parse::<f64>().with_context(|| format!("{key} {v:?}"))
    };
    if text.contains("Run was aborted") && after("number of transactions actually processed:").is_none() {
        bail!("pgbench aborted: {}", text.trim());
    }
    let version =
        text.lines().find_map(|l| l.strip_prefix("pgbench (")).map(|v| v.strip_suffix(')').unwrap_or(v).to_owned());
    Ok(PgbenchResult {
        version: version.unwrap_or_default(),
        transactions: first_number("number of transactions actually processed:")? as u64,
        failed: first_number("number of failed transactions:").unwrap_or(0.0) as u64,
        retried: first_number("number of transactions retried:").unwrap_or(0.0) as u64,
        retries: first_number("total number of retries:").unwrap_or(0.0) as u64,
        tps: first_number("tps =")?,
        latency_avg_ms: first_number("latency average =")?,
        ..PgbenchResult::default()
    })
}

/// Latencies (µs) of the committed transactions from pgbench's `--log` files (one per thread:
/// `client transaction latency_us script epoch_s epoch_us [retries]`; a failed transaction
/// has `failed` in place of its latency).
fn read_logs(dir: &Path) -> Result<Vec<u64>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let text = std::fs::read_to_string(e?.path())?;
        out.extend(text.lines().filter_map(|l| l.split_whitespace().nth(2)?.parse::<u64>().ok()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pgbench_summary_parses() {
        let text = "pgbench (15.18 (Debian 15.18-0+deb12u1))\ntransaction type: join.sql\nscaling factor: 1\n\
                    query mode: prepared\nnumber of clients: 64\nnumber of threads: 2\nmaximum number of tries: 10\n\
                    duration: 2 s\nnumber of transactions actually processed: 3036\n\
                    number of failed transactions: 0 (0.000%)\nnumber of transactions retried: 458 (15.086%)\n\
                    total number of retries: 570\nlatency average = 40.214 ms\ninitial connection time = 214.406 ms\n\
                    tps = 1591.481902 (without initial connection time)\n";
        let r = parse(text).unwrap();
        assert_eq!((r.transactions, r.failed, r.retried, r.retries), (3036, 0, 458, 570));
        assert!((r.tps - 1591.481902).abs() < 1e-6 && (r.latency_avg_ms - 40.214).abs() < 1e-9);
        assert_eq!(r.version, "15.18 (Debian 15.18-0+deb12u1)");
    }
}
