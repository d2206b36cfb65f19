//! A PostgreSQL server for the tests of this crate, and a fresh database on it for each test.
//!
//! The server is `OZ_TEST_POSTGRES_URL` when that is set (each test then creates a database
//! `t_<random>` there, and leaves it). Otherwise, when Debian's server binaries are installed
//! (`/usr/lib/postgresql/<version>/bin/initdb`), the first test that asks starts one throwaway
//! cluster for the whole test process: `initdb` into `<temp dir>/oz-groups-pg-test-<pid>`, as
//! the `postgres` user when the tests run as root (initdb refuses root), listening only on a
//! Unix socket in that directory, with `fsync=on`. A watchdog shell, started beside it in its
//! own process group, waits for the test process to end, however it ends (a `kill -9`
//! included), then stops the cluster (`pg_ctl stop -m immediate`) and deletes the directory;
//! Rust runs no destructor for statics, so nothing in the test process could do it reliably.
//! Directories left by a run whose watchdog was killed too are cleaned up by the next run.
//! With neither, every PostgreSQL test writes a loud `*** SKIPPED … ***` line straight to the
//! standard error, past cargo's capture, and passes.

use std::fs::{self, File};
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

/// The environment variable naming an existing server to test against instead.
pub(crate) const URL_VARIABLE: &str = "OZ_TEST_POSTGRES_URL";

const DIR_PREFIX: &str = "oz-groups-pg-test-";
const PORT: u16 = 5432;

/// How to reach a server as its superuser, or why none could be started.
type Admin = Result<String, String>;

static ADMIN: OnceLock<Option<Admin>> = OnceLock::new();

/// The connection string of a new, empty database for the calling test, or `None` (after
/// the loud skip line) when this machine has no PostgreSQL. A server that should have
/// started but did not fails the test.
pub(crate) async fn fresh_database() -> Option<String> {
    let admin = admin_url().await?;
    let name = format!("t_{}", crate::domain::GroupId::generate().as_str().get(..16).unwrap_or("x"));
    let (client, connection) =
        tokio_postgres::connect(&admin, tokio_postgres::NoTls).await.expect("the test server accepts connections");
    tokio::spawn(connection);
    client.batch_execute(&format!("CREATE DATABASE {name}")).await.expect("a test database is created");
    Some(with_dbname(&admin, &name))
}

/// The superuser connection string of the test server, starting it on first use; `None`
/// (after the skip line) when there is none to be had.
pub(crate) async fn admin_url() -> Option<String> {
    let admin = tokio::task::spawn_blocking(|| ADMIN.get_or_init(find_or_start).clone())
        .await
        .expect("the test server start-up does not panic");
    match admin {
        Some(Ok(url)) => Some(url),
        Some(Err(why)) => panic!("the throwaway PostgreSQL cluster did not start: {why}"),
        None => {
            let test = std::thread::current().name().unwrap_or("a PostgreSQL test").to_owned();
            // Straight to the process's standard error: cargo's capture would swallow
            // `eprintln!`, and a skipped backend must not look like a tested one.
            let _ = writeln!(
                std::io::stderr(),
                "*** SKIPPED {test}: no PostgreSQL here (set {URL_VARIABLE}, or install Debian's \
                 postgresql package) ***"
            );
            None
        }
    }
}

/// `url` with its database replaced by `dbname`, in either connection-string syntax (a
/// later setting wins in both).
fn with_dbname(url: &str, dbname: &str) -> String {
    if url.contains("://") {
        let separator = if url.contains('?') { '&' } else { '?' };
        format!("{url}{separator}dbname={dbname}")
    } else {
        format!("{url} dbname={dbname}")
    }
}

fn find_or_start() -> Option<Admin> {
    if let Some(url) = std::env::var(URL_VARIABLE).ok().filter(|u| !u.trim().is_empty()) {
        return Some(Ok(url));
    }
    let bin = find_bin_dir()?;
    Some(start(&bin))
}

/// The newest `/usr/lib/postgresql/<major>/bin` that has `initdb`.
fn find_bin_dir() -> Option<PathBuf> {
    let entries = fs::read_dir("/usr/lib/postgresql").ok()?;
    entries
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let major: u32 = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((major, bin))
        })
        .max_by_key(|(major, _)| *major)
        .map(|(_, bin)| bin)
}

fn running_as_root() -> bool {
    fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

/// A command for one of the server's programs, as the `postgres` user when we are root.
fn server_command(bin: &Path, program: &str, as_root: bool) -> Command {
    if as_root {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(bin.join(program));
        command
    } else {
        Command::new(bin.join(program))
    }
}

/// Runs `command` with its output in `log` (never a pipe: a server it leaves running would
/// hold the pipe open), and reports its failure with the log's tail.
fn run(command: &mut Command, log: &Path) -> Result<(), String> {
    let out = File::create(log).map_err(|e| format!("cannot create {}: {e}", log.display()))?;
    let err = out.try_clone().map_err(|e| format!("cannot share {}: {e}", log.display()))?;
    let status = command
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .status()
        .map_err(|e| format!("cannot run {command:?}: {e}"))?;
    if status.success() {
        return Ok(());
    }
    let text = fs::read_to_string(log).unwrap_or_default();
    let tail: Vec<&str> = text.lines().rev().take(15).collect();
    let tail: Vec<&str> = tail.into_iter().rev().collect();
    Err(format!("{command:?} failed ({status}):\n{}", tail.join("\n")))
}

/// Stops a cluster left in `dir` (if its postmaster may still run) and deletes `dir`.
fn discard(dir: &Path, bin: &Path, as_root: bool) {
    let data = dir.join("data");
    if data.join("postmaster.pid").exists() {
        let _ = server_command(bin, "pg_ctl", as_root)
            .args(["stop", "-m", "immediate", "-D"])
            .arg(&data)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = fs::remove_dir_all(dir);
}

/// Discards the clusters of earlier test processes that no longer exist.
fn clean_leftovers(parent: &Path, bin: &Path, as_root: bool) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    if !Path::new("/proc/self").exists() {
        return; // Without /proc, a live owner cannot be told from a dead one.
    }
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(DIR_PREFIX)) else { continue };
        let Ok(pid) = pid.parse::<u32>() else { continue };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            discard(&entry.path(), bin, as_root);
        }
    }
}

fn start(bin: &Path) -> Admin {
    let as_root = running_as_root();
    let parent = std::env::temp_dir();
    clean_leftovers(&parent, bin, as_root);
    let dir = parent.join(format!("{DIR_PREFIX}{}", std::process::id()));
    if dir.exists() {
        // A process with our pid ran before and was killed; its cluster is not ours.
        discard(&dir, bin, as_root);
    }
    let socket_dir = dir.join("socket");
    let data = dir.join("data");
    fs::create_dir_all(&socket_dir).map_err(|e| format!("cannot create {}: {e}", socket_dir.display()))?;
    if as_root {
        run(
            Command::new("chown").args(["-R", "postgres:postgres"]).arg(&dir),
            &parent.join(format!("{DIR_PREFIX}chown.log")),
        )?;
        let _ = fs::remove_file(parent.join(format!("{DIR_PREFIX}chown.log")));
    }

    // The watchdog first, so that whatever happens from here on is cleaned up.
    let script = r#"while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
        if [ -f "$3/postmaster.pid" ]; then
            if [ "$5" = root ]; then runuser -u postgres -- "$4" stop -m immediate -D "$3"
            else "$4" stop -m immediate -D "$3"; fi
        fi
        rm -rf "$2""#;
    Command::new("sh")
        .args(["-c", script, "oz-groups-pg-watchdog"])
        .arg(std::process::id().to_string())
        .arg(&dir)
        .arg(&data)
        .arg(bin.join("pg_ctl"))
        .arg(if as_root { "root" } else { "user" })
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // Its own process group: a Ctrl-C meant for the tests must not kill it first.
        .process_group(0)
        .spawn()
        .map_err(|e| format!("cannot start the cluster's watchdog: {e}"))?;

    // No fsync during initdb (a test cluster that dies mid-initdb is simply redone); the
    // running server itself syncs every commit.
    run(
        server_command(bin, "initdb", as_root)
            .args(["-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync", "-D"])
            .arg(&data),
        &dir.join("initdb.log"),
    )?;
    let settings = format!(
        "\n# oz-groups test cluster\nlisten_addresses = ''\nunix_socket_directories = '{}'\nport = {PORT}\n\
         fsync = on\nsynchronous_commit = on\nmax_connections = 300\n",
        socket_dir.display()
    );
    fs::OpenOptions::new()
        .append(true)
        .open(data.join("postgresql.conf"))
        .and_then(|mut conf| conf.write_all(settings.as_bytes()))
        .map_err(|e| format!("cannot configure the cluster: {e}"))?;
    run(
        server_command(bin, "pg_ctl", as_root)
            .args(["start", "-w", "-t", "60", "-l"])
            .arg(dir.join("server.log"))
            .arg("-D")
            .arg(&data)
            .process_group(0),
        &dir.join("pg_ctl.log"),
    )?;
    Ok(format!("host={} port={PORT} user=postgres dbname=postgres", socket_dir.display()))
}
