//! PostgreSQL for the tests: the server named by `OZ_TEST_POSTGRES_URL` (`make test` starts a
//! throwaway one through `scripts/with-postgres.sh`), on which every PostgreSQL test gets a new,
//! empty database of its own. Without the variable, PostgreSQL tests say so loudly and pass.

use std::io::Write;

/// The environment variable naming the test server: a `postgres://` URL whose user may
/// `CREATE DATABASE`.
pub const URL_VARIABLE: &str = "OZ_TEST_POSTGRES_URL";

/// The test server's URL, when there is one.
pub fn server_url() -> Option<String> {
    std::env::var(URL_VARIABLE).ok().filter(|url| !url.trim().is_empty())
}

/// `true`, after a loud line on the standard error, when there is no test server: the caller
/// (the test `name`) returns at once. The line goes straight to the process's standard error,
/// past cargo's output capture, so that a skipped backend never passes for a tested one.
pub fn skipped(name: &str) -> bool {
    if server_url().is_some() {
        return false;
    }
    let _ =
        writeln!(std::io::stderr(), "*** SKIPPED {name}: {URL_VARIABLE} is not set (make test starts a cluster) ***");
    true
}

/// A new, empty database `t_<random>` on the test server; returns its URL. The databases are
/// left behind: the throwaway cluster of `make test` goes with them. Panics when there is no
/// test server (callers ask `skipped` first).
pub async fn fresh_database() -> String {
    let server = server_url().unwrap_or_else(|| panic!("{URL_VARIABLE} is not set"));
    let name = format!("t_{:032x}", rand::random::<u128>());
    let (client, connection) = tokio_postgres::connect(&server, tokio_postgres::NoTls)
        .await
        .unwrap_or_else(|e| panic!("the test server at {URL_VARIABLE} accepts connections: {e}"));
    let connection = tokio::spawn(connection);
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap_or_else(|e| panic!("CREATE DATABASE {name} on the test server: {e}"));
    drop(client);
    let _ = connection.await;
    with_database(&server, &name)
}

/// `url` (a `postgres://` URL) naming database `name` instead of its own.
pub fn with_database(url: &str, name: &str) -> String {
    let mut parsed = reqwest::Url::parse(url)
        .ok()
        .filter(|u| matches!(u.scheme(), "postgres" | "postgresql"))
        .unwrap_or_else(|| panic!("{URL_VARIABLE} must be a postgres://USER@HOST:PORT/DB URL"));
    parsed.set_path(&format!("/{name}"));
    parsed.to_string()
}
