//! Keys and secrets on the real binary (contract §9): the master key's shape, its fingerprint in
//! the database, a missing key next to a database, the files' modes, the admin token printed
//! once, `user token`, and `/healthz` when the store cannot be written. The key checks run on
//! SQLite and PostgreSQL (`<test>::sqlite`, `<test>::postgres`).

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use reqwest::{Method, StatusCode};
use tokio::io::{AsyncBufReadExt, BufReader};

use crate::support::process::{run, serve_fresh, spawn_binary, user_add_with, Remote, Served, BIN};
use crate::support::{poll, API_ROOT};

/// A valid key: 64 hex digits.
fn key(byte: u8) -> String {
    format!("{byte:02x}").repeat(32)
}

/// The `--database` arguments of a test's store: none for SQLite (the data directory's file),
/// a fresh PostgreSQL database otherwise; `None` after `oz_testkit::skip`.
async fn database_args(postgres: bool, test: &str) -> Option<Vec<String>> {
    if !postgres {
        return Some(Vec::new());
    }
    let url = oz_testkit::postgres::fresh_database(test).await?;
    Some(vec!["--database".into(), url])
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

/// `oz-groups user add NAME --data-dir DIR [db]` with `env`: its output.
async fn user_add_output(dir: &Path, name: &str, db: &[String], env: &[(&str, &str)]) -> std::process::Output {
    let mut args = vec!["user", "add", name, "--data-dir", dir.to_str().expect("a UTF-8 path")];
    args.extend(strs(db));
    run(&args, env).await
}

/// Asserts that the binary refused to start, printed nothing on stdout and said each of `says`.
fn assert_refused(output: &std::process::Output, says: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "it should refuse to start; stderr: {stderr}");
    assert!(output.stdout.is_empty(), "nothing on stdout: {:?}", String::from_utf8_lossy(&output.stdout));
    for phrase in says {
        assert!(stderr.contains(phrase), "the error says {phrase:?}: {stderr}");
    }
}

macro_rules! sqlite_and_postgres {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name(false, crate::test_name!("sqlite")).await
            }
            #[tokio::test]
            async fn postgres() {
                super::$name(true, crate::test_name!("postgres")).await
            }
        }
    )+};
}

sqlite_and_postgres!(
    a_key_that_is_not_64_hex_digits_refuses_to_start_saying_what_is_wrong_and_where,
    a_key_that_does_not_match_the_database_refuses_to_start_naming_both,
    a_missing_key_file_next_to_a_database_with_data_is_an_error_not_a_new_key,
);

async fn a_key_that_is_not_64_hex_digits_refuses_to_start_saying_what_is_wrong_and_where(postgres: bool, test: &str) {
    let Some(db) = database_args(postgres, test).await else { return };
    let bad = [
        ("a".repeat(63), "has 63 hex digits"),
        (format!("0x{}", key(0xab)), "`0x`"),
        (format!("{}z", "a".repeat(63)), "not a hex digit at position 64"),
        ("a text of thirty-two bytes or more, once accepted".to_owned(), "not a hex digit"),
    ];
    for (text, why) in &bad {
        let dir = tempfile::tempdir().unwrap();
        let output = user_add_output(dir.path(), "carol", &db, &[("OZ_MASTER_KEY", text)]).await;
        assert_refused(&output, &["the master key in OZ_MASTER_KEY", why]);

        let file = dir.path().join("master.key");
        std::fs::write(&file, format!("{text}\n")).unwrap();
        let output = user_add_output(dir.path(), "carol", &db, &[]).await;
        assert_refused(&output, &[&format!("the master key in {}", file.display()), why]);
    }
    // Surrounding white space, such as the file's newline, is no part of the key.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("master.key"), format!("  {}\n\n", key(0xab))).unwrap();
    user_add_with(dir.path(), "carol", false, &strs(&db), &[]).await;
}

async fn a_key_that_does_not_match_the_database_refuses_to_start_naming_both(postgres: bool, test: &str) {
    let Some(db) = database_args(postgres, test).await else { return };
    let dir = tempfile::tempdir().unwrap();
    let first = key(0x11);
    let carol = user_add_with(dir.path(), "carol", false, &strs(&db), &[("OZ_MASTER_KEY", &first)]).await;

    let other = key(0x22);
    let output = user_add_output(dir.path(), "dave", &db, &[("OZ_MASTER_KEY", &other)]).await;
    let fingerprint = |k: &str| oz_groups::tokens::key_fingerprint(&hex(k))[..12].to_owned();
    // The test server's URL has no password, so the message shows it whole.
    let database = match db.get(1) {
        Some(url) => url.clone(),
        None => format!("sqlite://{}", dir.path().join("oz-groups.db").display()),
    };
    assert_refused(
        &output,
        &["the master key from OZ_MASTER_KEY", &fingerprint(&other), &fingerprint(&first), &database],
    );

    // The same key, now from the file, still matches; the refused start changed nothing.
    std::fs::write(dir.path().join("master.key"), &first).unwrap();
    let served = spawn_binary(dir.path(), &strs(&db), &[]).await;
    let remote = Remote::of(&served);
    assert_eq!(remote.get("/user", &carol).await.expect(StatusCode::OK).json()["name"], "carol");
}

async fn a_missing_key_file_next_to_a_database_with_data_is_an_error_not_a_new_key(postgres: bool, test: &str) {
    let Some(db) = database_args(postgres, test).await else { return };
    let dir = tempfile::tempdir().unwrap();
    user_add_with(dir.path(), "carol", false, &strs(&db), &[]).await;
    let file = dir.path().join("master.key");
    std::fs::remove_file(&file).unwrap();

    let output = user_add_output(dir.path(), "dave", &db, &[]).await;
    assert_refused(&output, &["no master key", &file.display().to_string(), "already holds data"]);
    assert!(!file.exists(), "no new key was made");
}

#[tokio::test]
async fn a_second_postgresql_instance_with_another_key_refuses_to_start_and_the_first_serves_on() {
    let Some(url) = oz_testkit::postgres::fresh_database(crate::test_name!("two_instances")).await else { return };
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let args = ["--database", url.as_str()];
    let first = spawn_binary(one.path(), &args, &[("OZ_MASTER_KEY", &key(0x33))]).await;

    let two_dir = two.path().to_str().unwrap();
    let serve = ["serve", "--listen", "127.0.0.1:0", "--data-dir", two_dir, "--database", &url];
    let output = run(&serve, &[("OZ_MASTER_KEY", &key(0x44))]).await;
    assert_refused(&output, &["is not the key of the database postgres"]);

    let admin = crate::support::process::admin_token(one.path());
    Remote::of(&first).get("/user", &admin).await.expect(StatusCode::OK);
}

/// The 32 bytes of 64 hex digits.
fn hex(text: &str) -> Vec<u8> {
    (0..32).map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).unwrap()).collect()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
}

#[tokio::test]
async fn under_umask_000_the_data_dir_is_0700_and_database_wal_shm_key_and_admin_token_0600() {
    let parent = tempfile::tempdir().unwrap();
    let dir = parent.path().join("data");
    // Through `sh`, to start the server under umask 000: the modes must not come from the umask.
    let mut child = tokio::process::Command::new("sh")
        .args(["-c", "umask 000 && exec \"$0\" \"$@\"", BIN, "serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(&dir)
        .env_remove("OZ_MASTER_KEY")
        .env_remove("OZ_DATABASE")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("sh starts the binary");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = tokio::time::timeout(Duration::from_secs(20), lines.next_line()).await.unwrap().unwrap();
    assert!(first.is_some_and(|l| l.starts_with("oz-groups listening")), "the server started");

    assert_eq!(mode(&dir), 0o700, "the data directory");
    for file in ["oz-groups.db", "oz-groups.db-wal", "oz-groups.db-shm", "master.key", "admin.token"] {
        assert_eq!(mode(&dir.join(file)), 0o600, "{file}");
    }
}

#[tokio::test]
async fn a_key_file_readable_by_others_is_a_warning_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("master.key");
    std::fs::write(&file, key(0x55)).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let output = user_add_output(dir.path(), "carol", &[], &[]).await;
    assert!(output.status.success(), "a loose key still works");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("WARN") && stderr.contains("readable by group or others"), "{stderr}");

    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let output = user_add_output(dir.path(), "dave", &[], &[]).await;
    assert!(!String::from_utf8_lossy(&output.stderr).contains("readable by group"), "no warning at 0600");
}

/// The banner after its first line, up to the `try:` line (or the end of the banner).
async fn rest_of_banner(server: &mut crate::support::process::ServerProcess) -> Vec<String> {
    let mut lines = Vec::new();
    while let Some(line) = server.next_line().await {
        let last = line.contains("try:") || line.contains("user token admin");
        lines.push(line);
        if last {
            break;
        }
    }
    lines
}

#[tokio::test]
async fn the_admin_token_is_printed_on_the_first_start_only_and_later_starts_say_where_it_is() {
    let Served { dir, mut server, remote, admin } = serve_fresh(&[]).await;
    let banner = rest_of_banner(&mut server).await;
    assert!(banner.iter().any(|l| l.trim() == admin), "the first start prints the token: {banner:?}");
    remote.get("/user", &admin).await.expect(StatusCode::OK);
    let status = server.terminate(Duration::from_secs(10)).await;
    assert!(status.success());

    let mut again = spawn_binary(dir.path(), &[], &[]).await;
    let banner = rest_of_banner(&mut again).await;
    assert!(banner.iter().all(|l| !l.contains(&admin)), "a later start does not print it: {banner:?}");
    let file = dir.path().join("admin.token").display().to_string();
    assert!(banner.iter().any(|l| l.contains("admin access token: in") && l.contains(&file)), "{banner:?}");
}

#[tokio::test]
async fn a_first_start_that_cannot_write_the_admin_token_says_how_to_recover_and_user_token_recovers() {
    let dir = tempfile::tempdir().unwrap();
    // A directory where the file should go: writing the token fails after the admin exists.
    std::fs::create_dir(dir.path().join("admin.token")).unwrap();
    let data_dir = dir.path().to_str().unwrap();
    let output = run(&["serve", "--listen", "127.0.0.1:0", "--data-dir", data_dir], &[]).await;
    assert_refused(&output, &["cannot write its token", "oz-groups user token admin"]);

    std::fs::remove_dir(dir.path().join("admin.token")).unwrap();
    let mut server = spawn_binary(dir.path(), &[], &[]).await;
    let banner = rest_of_banner(&mut server).await;
    assert!(banner.iter().any(|l| l.contains("is missing") && l.contains("user token admin")), "{banner:?}");

    let output = run(&["user", "token", "admin", "--data-dir", data_dir], &[]).await;
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let token = String::from_utf8(output.stdout).unwrap();
    assert_eq!(token.lines().count(), 1, "only the token is printed: {token:?}");
    let me = Remote::of(&server).get("/user", token.trim()).await.expect(StatusCode::OK).json();
    assert_eq!(
        (me["name"].as_str(), Remote::of(&server).get("/groups", token.trim()).await.status),
        (Some("admin"), StatusCode::OK)
    );
}

#[tokio::test]
async fn user_token_mints_for_an_id_a_login_or_a_unique_name_and_refuses_an_ambiguous_or_unknown_one() {
    let Served { dir, server: _server, remote, admin: _ } = serve_fresh(&[]).await;
    let data_dir = dir.path().to_str().unwrap();
    let carol = crate::support::process::user_add(dir.path(), "carol", false).await;
    let carol_id = remote.user_id(&carol).await;
    let token = |login: String| {
        let data_dir = data_dir.to_owned();
        async move { run(&["user", "token", &login, "--data-dir", &data_dir], &[]).await }
    };

    for login in ["carol".to_owned(), carol_id.clone()] {
        let output = token(login.clone()).await;
        assert!(output.status.success(), "{login}: {}", String::from_utf8_lossy(&output.stderr));
        let minted = String::from_utf8(output.stdout).unwrap().trim().to_owned();
        assert_ne!(minted, carol, "a new token");
        assert_eq!(remote.user_id(&minted).await, carol_id, "{login} names carol");
    }

    // Logins are unique; names are not. A login names its user even when another user has it
    // as a name; a name two users share names nobody.
    let second = user_add_with(dir.path(), "carol2", false, &["--name", "carol"], &[]).await;
    let second_id = remote.user_id(&second).await;
    let output = token("carol".to_owned()).await;
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(remote.user_id(String::from_utf8(output.stdout).unwrap().trim()).await, carol_id, "the login wins");
    let third = user_add_with(dir.path(), "carol3", false, &["--name", "Carol C"], &[]).await;
    let third_id = remote.user_id(&third).await;
    user_add_with(dir.path(), "carol4", false, &["--name", "Carol C"], &[]).await;
    let output = token("Carol C".to_owned()).await;
    assert_refused(&output, &["2 users have the name or alias \"Carol C\"", &third_id, "by its id"]);
    assert_ne!(second_id, third_id);
    assert_refused(&token("nobody".to_owned()).await, &["no user has the id, login, name or alias \"nobody\""]);
}

/// Polls `/healthz` until it answers `status` (its answer may be up to `HEALTH_TTL` old).
async fn health_becomes(remote: &Remote, status: StatusCode) -> bool {
    let within = oz_groups::service::HEALTH_TTL + Duration::from_secs(10);
    poll::until(within, Duration::from_millis(100), || async {
        (remote.send_root(Method::GET, "/healthz").await.status == status).then_some(())
    })
    .await
    .is_some()
}

/// Takes `chattr +i` off the file when dropped, so that a failed test leaves a removable
/// directory behind.
struct Immutable(std::path::PathBuf);

impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = std::process::Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

/// As root, `chmod` stops nothing; an immutable write-ahead log (`chattr +i`) is what makes
/// SQLite's writes fail here (`disk I/O error`) while its reads go on.
#[tokio::test]
async fn healthz_is_503_while_the_sqlite_store_cannot_be_written_and_200_once_it_can() {
    let Served { dir, server: _server, remote, admin } = serve_fresh(&[]).await;
    assert!(health_becomes(&remote, StatusCode::OK).await);
    let wal = dir.path().join("oz-groups.db-wal");
    let set = std::process::Command::new("chattr").arg("+i").arg(&wal).status();
    if !set.is_ok_and(|s| s.success()) {
        oz_testkit::skip(crate::test_name!("healthz_sqlite"), "chattr +i does not work on the temporary directory");
        return;
    }
    let guard = Immutable(wal);

    assert!(health_becomes(&remote, StatusCode::SERVICE_UNAVAILABLE).await, "503 while writes fail");
    let reply = remote.send_root(Method::GET, "/healthz").await;
    assert_eq!(reply.json()["error"], "service_unavailable");
    remote.get("/user", &admin).await.expect(StatusCode::OK); // reads go on

    drop(guard);
    assert!(health_becomes(&remote, StatusCode::OK).await, "200 once writes work again");
}

#[tokio::test]
async fn healthz_is_503_while_the_postgresql_database_is_read_only_and_200_once_it_is_not() {
    let Some(url) = oz_testkit::postgres::fresh_database(crate::test_name!("healthz_postgres")).await else { return };
    let Served { dir: _dir, server: _server, remote, admin } = serve_fresh(&["--database", &url]).await;
    assert!(health_becomes(&remote, StatusCode::OK).await);

    let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await.expect("connects");
    tokio::spawn(connection);
    let name: String = client.query_one("SELECT current_database()", &[]).await.unwrap().get(0);
    // The setting applies to new sessions: end the server's, and its pool opens read-only ones.
    let reconnect = "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                     WHERE datname = current_database() AND pid <> pg_backend_pid()";
    client.batch_execute(&format!("ALTER DATABASE {name} SET default_transaction_read_only = on")).await.unwrap();
    client.batch_execute(reconnect).await.unwrap();
    assert!(health_becomes(&remote, StatusCode::SERVICE_UNAVAILABLE).await, "503 while read-only");
    assert!(
        poll::until(Duration::from_secs(10), Duration::from_millis(100), || async {
            (remote
                .send_unchecked(Method::GET, &format!("{}{API_ROOT}/user", remote.root), Some(&admin), None)
                .await
                .status
                == StatusCode::OK)
                .then_some(())
        })
        .await
        .is_some(),
        "reads go on"
    );
    assert!(health_becomes(&remote, StatusCode::SERVICE_UNAVAILABLE).await, "still 503 with reads served");

    client.batch_execute(&format!("ALTER DATABASE {name} RESET default_transaction_read_only")).await.unwrap();
    client.batch_execute(reconnect).await.unwrap();
    assert!(health_becomes(&remote, StatusCode::OK).await, "200 once writable");
}
