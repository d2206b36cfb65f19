//! A throwaway PostgreSQL cluster: Debian's server programs, a directory of its own in the
//! temporary directory, a watchdog that stops and deletes it when its owner goes away.
//!
//! Each cluster lives in `<tmp>/oz-testkit-pg-<pid>-<n>`, made by `initdb` as the `postgres`
//! user when we run as root (initdb refuses root), with `fsync=on` and `synchronous_commit=on`
//! (what the tests and the benchmark measure is durable), listening on 127.0.0.1 on a free port
//! and on a Unix socket inside its directory.
//!
//! The watchdog is a shell in its own process group (a Ctrl-C meant for the tests must not reach
//! it) that reads its standard input, a pipe whose only writer is the `Cluster`. The pipe closes
//! when the `Cluster` is dropped or when the process ends, however it ends (`kill -9` too); the
//! watchdog then stops the server (`pg_ctl stop -m immediate`) and deletes the directory.
//! Directories whose process and watchdog both died are discarded by the next launch.

use std::fs::{self, File};
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::BIN_DIR_VARIABLE;

const DIR_PREFIX: &str = "oz-testkit-pg-";

/// Connections a test's own cluster accepts: one or two server pools of 16, and the test's own.
const OWN_MAX_CONNECTIONS: u32 = 100;

/// Ports tried when another process takes the free port before the server binds it.
const PORT_ATTEMPTS: usize = 5;

/// The watchdog: `$1` the cluster's directory, `$2` its data directory, `$3` pg_ctl, `$4` `root`
/// when pg_ctl must run as `postgres`. `read` returns false at the end of its input, when the
/// pipe's writer is gone. A frozen server (`Cluster::freeze`) is thawed first so that it can stop.
const WATCHDOG: &str = r#"while read -r _; do :; done
if [ -f "$2/postmaster.pid" ]; then
    pm=$(head -n 1 "$2/postmaster.pid")
    kill -CONT "$pm" $(pgrep -P "$pm") 2>/dev/null
    if [ "$4" = root ]; then runuser -u postgres -- "$3" stop -m immediate -D "$2"
    else "$3" stop -m immediate -D "$2"; fi
fi
rm -rf "$1""#;

/// A running cluster. Dropping it stops it and deletes its directory.
pub struct Cluster {
    dir: PathBuf,
    data: PathBuf,
    bin: PathBuf,
    as_root: bool,
    port: u16,
    /// Its standard input is the pipe the watchdog waits on.
    watchdog: Child,
}

impl Cluster {
    /// A cluster of the calling test's own, for tests that stop, start or freeze the database
    /// under a running server (the shared server must never go down). `None`, after
    /// `crate::skip(test, ...)`, when this machine has no PostgreSQL; one that should start but
    /// does not panics.
    pub async fn start(test: &str) -> Option<Cluster> {
        let bin = match bin_dir() {
            Ok(bin) => bin,
            Err(why) => {
                crate::skip(test, &format!("needs a PostgreSQL cluster of its own, and {why}"));
                return None;
            }
        };
        let launched = tokio::task::spawn_blocking(move || Cluster::launch(&bin, OWN_MAX_CONNECTIONS))
            .await
            .expect("the cluster's start-up does not panic");
        Some(launched.unwrap_or_else(|why| panic!("{test}: its own PostgreSQL cluster did not start: {why}")))
    }

    /// `postgres://postgres@127.0.0.1:PORT/postgres`, the superuser (trusted, no password).
    pub fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }

    /// `pg_ctl stop -m fast`: sessions are ended, the server shuts down cleanly.
    pub async fn stop_fast(&self) {
        let command = self.pg_ctl(&["stop", "-m", "fast", "-w", "-t", "60"]);
        blocking_run(command, self.dir.join("pg_ctl-stop.log")).await.expect("the cluster stops");
    }

    /// `pg_ctl start -w` on the same directory and port.
    pub async fn start_again(&self) {
        let mut command = self.pg_ctl(&["start", "-w", "-t", "60", "-l"]);
        command.arg(self.dir.join("server.log"));
        blocking_run(command, self.dir.join("pg_ctl-start.log")).await.expect("the cluster starts again");
    }

    /// Freezes the server (`SIGSTOP` to the postmaster, then to each of its children, which run
    /// in sessions of their own): connections still open at the TCP level, but nothing answers,
    /// as with a hung database host. `thaw` undoes it; so does dropping the cluster.
    pub fn freeze(&self) {
        let postmaster = postmaster_pid(&self.data).expect("the cluster runs");
        signal("STOP", &[postmaster]);
        signal("STOP", &children(postmaster));
    }

    /// `SIGCONT` to the server's processes.
    pub fn thaw(&self) {
        if let Some(postmaster) = postmaster_pid(&self.data) {
            signal("CONT", &children(postmaster));
            signal("CONT", &[postmaster]);
        }
    }

    /// The cluster's directory (data, socket, logs).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Makes, configures and starts a new cluster with the programs in `bin`. Blocks for a
    /// second or two (initdb).
    pub(super) fn launch(bin: &Path, max_connections: u32) -> Result<Cluster, String> {
        static LAUNCHED: AtomicUsize = AtomicUsize::new(0);
        let as_root = running_as_root();
        let parent = parent_dir(as_root);
        clean_leftovers(&parent, bin, as_root);
        let n = LAUNCHED.fetch_add(1, Ordering::SeqCst);
        let dir = parent.join(format!("{DIR_PREFIX}{}-{n}", std::process::id()));
        if dir.exists() {
            discard(&dir, bin, as_root); // a dead process with our pid left it
        }
        let sockets = dir.join("socket");
        fs::create_dir_all(&sockets).map_err(|e| format!("cannot create {}: {e}", sockets.display()))?;
        if as_root {
            let status = Command::new("chown").args(["-R", "postgres:postgres"]).arg(&dir).status();
            if !status.is_ok_and(|s| s.success()) {
                let _ = fs::remove_dir_all(&dir);
                return Err(format!("cannot give {} to the postgres user", dir.display()));
            }
        }
        // The watchdog first: from here on, whatever happens (an error return drops the cluster)
        // is cleaned up.
        let data = dir.join("data");
        let watchdog = Command::new("sh")
            .args(["-c", WATCHDOG, "oz-testkit-pg-watchdog"])
            .arg(&dir)
            .arg(&data)
            .arg(bin.join("pg_ctl"))
            .arg(if as_root { "root" } else { "user" })
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| {
                let _ = fs::remove_dir_all(&dir);
                format!("cannot start the cluster's watchdog: {e}")
            })?;
        let mut cluster = Cluster { dir, data, bin: bin.to_owned(), as_root, port: 0, watchdog };

        // No fsync while initdb writes the template (a cluster that dies mid-initdb is simply
        // redone); the running server syncs every commit (fsync=on below).
        run(
            server_command(bin, "initdb", as_root)
                .args(["-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync", "-D"])
                .arg(&cluster.data),
            &cluster.dir.join("initdb.log"),
        )?;
        fs::OpenOptions::new()
            .append(true)
            .open(cluster.data.join("postgresql.conf"))
            .and_then(|mut conf| conf.write_all(b"\ninclude_if_exists = 'oz-testkit.conf'\n"))
            .map_err(|e| format!("cannot configure the cluster: {e}"))?;
        for attempt in 1..=PORT_ATTEMPTS {
            cluster.port = free_port()?;
            let settings = format!(
                "# oz-testkit's throwaway cluster\nlisten_addresses = '127.0.0.1'\nport = {}\n\
                 unix_socket_directories = '{}'\nfsync = on\nsynchronous_commit = on\nmax_connections = {max_connections}\n",
                cluster.port,
                sockets.display()
            );
            fs::write(cluster.data.join("oz-testkit.conf"), settings)
                .map_err(|e| format!("cannot configure the cluster: {e}"))?;
            let log = cluster.dir.join("server.log");
            let _ = fs::remove_file(&log);
            let mut start = cluster.pg_ctl(&["start", "-w", "-t", "60", "-l"]);
            start.arg(&log);
            match run(&mut start, &cluster.dir.join("pg_ctl-start.log")) {
                Ok(()) => return Ok(cluster),
                Err(why) => {
                    let server_log = fs::read_to_string(&log).unwrap_or_default();
                    let port_taken =
                        server_log.contains("could not bind") || server_log.contains("Address already in use");
                    if !port_taken || attempt == PORT_ATTEMPTS {
                        return Err(format!("{why}\nserver.log:\n{server_log}"));
                    }
                }
            }
        }
        unreachable!("the last attempt returns")
    }

    fn pg_ctl(&self, args: &[&str]) -> Command {
        let mut command = server_command(&self.bin, "pg_ctl", self.as_root);
        command.arg("-D").arg(&self.data).args(args);
        // Its own process group: a Ctrl-C meant for the tests must not stop the server first.
        command.process_group(0);
        command
    }
}

impl Drop for Cluster {
    /// Closes the watchdog's pipe and waits for it to have stopped the server and deleted the
    /// directory.
    fn drop(&mut self) {
        self.thaw();
        drop(self.watchdog.stdin.take());
        let _ = self.watchdog.wait();
    }
}

/// The directory of the server programs: `OZ_TESTKIT_PG_BIN_DIR` when set, else the newest
/// `/usr/lib/postgresql/<major>/bin` that has `initdb`; the error says why there is none.
pub(super) fn bin_dir() -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os(BIN_DIR_VARIABLE).filter(|d| !d.is_empty()) {
        let dir = PathBuf::from(dir);
        return if dir.join("initdb").is_file() {
            Ok(dir)
        } else {
            Err(format!("{BIN_DIR_VARIABLE}={} has no initdb", dir.display()))
        };
    }
    fs::read_dir("/usr/lib/postgresql")
        .ok()
        .and_then(|entries| {
            entries
                .filter_map(|entry| {
                    let entry = entry.ok()?;
                    let major: u32 = entry.file_name().to_str()?.parse().ok()?;
                    let bin = entry.path().join("bin");
                    bin.join("initdb").is_file().then_some((major, bin))
                })
                .max_by_key(|(major, _)| *major)
        })
        .map(|(_, bin)| bin)
        .ok_or_else(|| "there is no /usr/lib/postgresql/<major>/bin/initdb (apt-get install postgresql)".to_owned())
}

/// The postmaster's pid, from the first line of `postmaster.pid`.
fn postmaster_pid(data: &Path) -> Option<u32> {
    fs::read_to_string(data.join("postmaster.pid")).ok()?.lines().next()?.trim().parse().ok()
}

/// The processes whose parent is `parent` (from `/proc/<pid>/stat`).
fn children(parent: u32) -> Vec<u32> {
    let Ok(entries) = fs::read_dir("/proc") else { return Vec::new() };
    entries
        .flatten()
        .filter_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let stat = fs::read_to_string(entry.path().join("stat")).ok()?;
            // `pid (comm) state ppid ...`; comm may hold spaces and parentheses.
            let ppid: u32 = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()?;
            (ppid == parent).then_some(pid)
        })
        .collect()
}

fn signal(name: &str, pids: &[u32]) {
    if pids.is_empty() {
        return;
    }
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .args(pids.iter().map(u32::to_string))
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .status();
    assert!(status.is_ok(), "kill -{name} runs");
}

/// The temporary directory, or `/tmp` when the `postgres` user could not reach it (a private
/// `TMPDIR` of root's).
fn parent_dir(as_root: bool) -> PathBuf {
    let tmp = std::env::temp_dir();
    if !as_root {
        return tmp;
    }
    let reachable = Command::new("runuser")
        .args(["-u", "postgres", "--", "test", "-x"])
        .arg(&tmp)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if reachable {
        tmp
    } else {
        PathBuf::from("/tmp")
    }
}

fn running_as_root() -> bool {
    fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

/// A port that was free a moment ago (the caller retries when it no longer is).
fn free_port() -> Result<u16, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free port: {e}"))?;
    listener.local_addr().map(|a| a.port()).map_err(|e| format!("no free port: {e}"))
}

/// One of the server's programs, as the `postgres` user when we are root.
fn server_command(bin: &Path, program: &str, as_root: bool) -> Command {
    if as_root {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(bin.join(program));
        command
    } else {
        Command::new(bin.join(program))
    }
}

/// Runs `command` with its output in `log` (never a pipe: a server it starts would hold the
/// pipe open) and reports a failure with the log's tail.
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
    let lines: Vec<&str> = text.lines().collect();
    let tail = lines[lines.len().saturating_sub(15)..].join("\n");
    Err(format!("{command:?} failed ({status}):\n{tail}"))
}

async fn blocking_run(mut command: Command, log: PathBuf) -> Result<(), String> {
    tokio::task::spawn_blocking(move || run(&mut command, &log)).await.expect("the command runs")
}

/// Stops a cluster left in `dir` (if its postmaster may still run) and deletes `dir`.
fn discard(dir: &Path, bin: &Path, as_root: bool) {
    let data = dir.join("data");
    if let Some(postmaster) = postmaster_pid(&data) {
        signal("CONT", &children(postmaster));
        signal("CONT", &[postmaster]);
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

/// Discards the clusters of earlier processes that no longer exist.
fn clean_leftovers(parent: &Path, bin: &Path, as_root: bool) {
    if !Path::new("/proc/self").exists() {
        return; // Without /proc, a live owner cannot be told from a dead one.
    }
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(DIR_PREFIX)) else { continue };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else { continue };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            discard(&entry.path(), bin, as_root);
        }
    }
}
