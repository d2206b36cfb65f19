//! PostgreSQL for tests and the benchmark: the shared test server (`OZ_TEST_POSTGRES_URL`, else a
//! throwaway cluster started once per process), fresh databases on it, and clusters of a test's
//! own for outage tests (`Cluster`). Without PostgreSQL, callers get `None` after `crate::skip`.
//!
//! The shared server's databases are never dropped: a throwaway cluster is deleted with them when
//! the process ends, and a server named by `OZ_TEST_POSTGRES_URL` is the user's to clean.

mod cluster;

use std::io::Write;
use std::sync::OnceLock;

pub use cluster::Cluster;

/// The environment variable naming an existing server to use instead of a throwaway cluster:
/// a connection string (best a `postgres://` URL) whose user may `CREATE DATABASE`.
pub const URL_VARIABLE: &str = "OZ_TEST_POSTGRES_URL";

/// The environment variable naming the directory of PostgreSQL's server programs (`initdb`,
/// `pg_ctl`), instead of the newest `/usr/lib/postgresql/<major>/bin`. A directory without
/// `initdb` means "no PostgreSQL here", which is how the skip rule is tried on a machine that
/// has it (`OZ_TESTKIT_PG_BIN_DIR=/nonexistent`).
pub const BIN_DIR_VARIABLE: &str = "OZ_TESTKIT_PG_BIN_DIR";

/// Connections the shared cluster accepts: the integration tests run many tests at once, each
/// with a pool of 16 and some with several server instances, and the benchmark runs pgbench
/// with 64 clients next to two instances' pools.
const SHARED_MAX_CONNECTIONS: u32 = 400;

/// The shared test server, as found or started once per process.
enum Server {
    /// `OZ_TEST_POSTGRES_URL`.
    Given(String),
    /// A throwaway cluster; it lives as long as the process (its watchdog deletes it after).
    Launched(Cluster),
    /// No PostgreSQL on this machine, and why.
    Missing(String),
    /// PostgreSQL is there but the cluster did not start, and why.
    Failed(String),
}

static SERVER: OnceLock<Server> = OnceLock::new();

/// The superuser URL of the shared test server, starting the throwaway cluster on first use.
/// `None`, after `crate::skip(test, ...)`, when there is no PostgreSQL; a cluster that should
/// have started but did not panics. Safe to call from many tests at once, on any runtime.
pub async fn server_url(test: &str) -> Option<String> {
    let server = match SERVER.get() {
        Some(server) => server,
        // initdb and pg_ctl block for a second or two: not on a runtime's worker thread.
        None => tokio::task::spawn_blocking(server).await.expect("the test server's start-up does not panic"),
    };
    answer(server, test)
}

/// `server_url` for callers outside an async runtime (the benchmark's `main`); `what` names the
/// part that needs PostgreSQL in the skip line.
#[track_caller]
pub fn server_url_blocking(what: &str) -> Option<String> {
    answer(server(), what)
}

/// A new, empty database `t_<random>` on the shared test server: its URL (the server's URL
/// naming the new database, see `with_dbname`), or `None` after `crate::skip`.
pub async fn fresh_database(test: &str) -> Option<String> {
    let server = server_url(test).await?;
    let name = format!("t_{:016x}", rand::random::<u64>());
    let (client, connection) = tokio_postgres::connect(&server, tokio_postgres::NoTls)
        .await
        .unwrap_or_else(|e| panic!("{test}: the PostgreSQL test server accepts connections: {e}"));
    let connection = tokio::spawn(connection);
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap_or_else(|e| panic!("{test}: CREATE DATABASE {name} on the PostgreSQL test server: {e}"));
    // Closed before returning, so that no task of ours outlives the caller's runtime.
    drop(client);
    let _ = connection.await;
    Some(with_dbname(&server, &name))
}

/// `url` naming database `dbname` instead of its own: the path of a `postgres://` URL is
/// replaced (its query kept), a `key=value` string gets `dbname=` appended (the later setting
/// wins for libpq, which pgbench uses, and for tokio-postgres).
pub fn with_dbname(url: &str, dbname: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return format!("{url} dbname={dbname}") };
    let (before_query, query) = match rest.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (rest, None),
    };
    let authority = before_query.split_once('/').map_or(before_query, |(authority, _)| authority);
    match query {
        Some(query) => format!("{scheme}://{authority}/{dbname}?{query}"),
        None => format!("{scheme}://{authority}/{dbname}"),
    }
}

fn server() -> &'static Server {
    SERVER.get_or_init(find_or_start)
}

fn find_or_start() -> Server {
    if let Some(url) = std::env::var(URL_VARIABLE).ok().map(|u| u.trim().to_owned()).filter(|u| !u.is_empty()) {
        return Server::Given(url);
    }
    let bin = match cluster::bin_dir() {
        Ok(bin) => bin,
        Err(why) => return Server::Missing(format!("no PostgreSQL here: {URL_VARIABLE} is not set and {why}")),
    };
    match Cluster::launch(&bin, SHARED_MAX_CONNECTIONS) {
        Ok(cluster) => {
            // Once per process, past cargo's capture: which server the tests ran on.
            let _ = writeln!(
                std::io::stderr(),
                "oz-testkit: a throwaway PostgreSQL cluster ({}) at {} in {}",
                bin.display(),
                cluster.url(),
                cluster.dir().display()
            );
            Server::Launched(cluster)
        }
        Err(why) => Server::Failed(why),
    }
}

#[track_caller]
fn answer(server: &Server, test: &str) -> Option<String> {
    match server {
        Server::Given(url) => Some(url.clone()),
        Server::Launched(cluster) => Some(cluster.url()),
        Server::Missing(why) => {
            crate::skip(test, why);
            None
        }
        Server::Failed(why) => panic!("{test}: the throwaway PostgreSQL cluster did not start: {why}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_url_keeps_everything_but_the_database_name() {
        assert_eq!(
            with_dbname("postgres://postgres@127.0.0.1:5432/postgres", "t_1"),
            "postgres://postgres@127.0.0.1:5432/t_1"
        );
        assert_eq!(
            with_dbname("postgresql://u:p%40ss@h/db?sslmode=disable", "t_2"),
            "postgresql://u:p%40ss@h/t_2?sslmode=disable"
        );
        assert_eq!(with_dbname("postgres://u@h:1", "t_3"), "postgres://u@h:1/t_3");
        assert_eq!(with_dbname("postgres://h:5?application_name=a", "t_5"), "postgres://h:5/t_5?application_name=a");
        assert_eq!(with_dbname("host=/tmp user=u", "t_4"), "host=/tmp user=u dbname=t_4");
    }

    /// Starts (or finds) the shared server: a real cluster when the machine has PostgreSQL.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn fresh_databases_are_new_and_empty_and_many_tests_may_ask_at_once() {
        let asks = (0..4).map(|_| tokio::spawn(fresh_database("oz-testkit's own test")));
        let mut urls = Vec::new();
        for ask in asks {
            match ask.await.expect("the ask does not panic") {
                Some(url) => urls.push(url),
                None => return, // skipped, loudly, by the rule
            }
        }
        let mut names: Vec<&str> = urls.iter().map(|u| u.rsplit('/').next().unwrap_or(u)).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), 4, "four different databases: {urls:?}");
        let (client, connection) = tokio_postgres::connect(&urls[0], tokio_postgres::NoTls).await.expect("connects");
        tokio::spawn(connection);
        let tables: i64 = client
            .query_one("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", &[])
            .await
            .expect("the count")
            .get(0);
        assert_eq!(tables, 0, "a fresh database has no tables");
    }
}
