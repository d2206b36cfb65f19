//! A PostgreSQL cluster of one test's own, for tests that stop and start the database under a
//! running server (the shared `OZ_TEST_POSTGRES_URL` server must never go down). Built from
//! Debian's binaries (`/usr/lib/postgresql/<major>/bin`) in the build directory
//! (`target/tmp/pg-own-<pid>-<n>`), as the `postgres` user when the tests run as root (initdb
//! refuses root), `fsync=on`, listening on 127.0.0.1 on a free port and on a Unix socket inside
//! its directory. Dropping it stops it (`pg_ctl stop -m immediate`) and deletes the directory; a
//! watchdog shell does the same if the test process dies without unwinding (`kill -9`), and
//! directories of dead test processes are removed by the next start.

use std::fs::{self, File};
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

const DIR_PREFIX: &str = "pg-own-";

pub struct Cluster {
    dir: PathBuf,
    data: PathBuf,
    bin: PathBuf,
    as_root: bool,
    port: u16,
}

impl Cluster {
    /// Starts a new cluster, or returns `None` after a loud `*** SKIPPED <test> ***` line when
    /// this machine has no PostgreSQL server binaries. A cluster that fails to start panics.
    pub async fn start_or_skip(test: &str) -> Option<Cluster> {
        let Some(bin) = find_bin_dir() else {
            let _ = writeln!(
                std::io::stderr(),
                "*** SKIPPED {test}: needs its own PostgreSQL cluster and there is no initdb \
                 (apt-get install postgresql) ***"
            );
            return None;
        };
        let cluster = tokio::task::spawn_blocking(move || Cluster::init(bin)).await.expect("the cluster start-up");
        Some(cluster.unwrap_or_else(|why| panic!("the test's own PostgreSQL cluster did not start: {why}")))
    }

    /// `postgres://postgres@127.0.0.1:PORT/postgres`
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

    fn pg_ctl(&self, args: &[&str]) -> Command {
        let mut command = server_command(&self.bin, "pg_ctl", self.as_root);
        command.arg("-D").arg(&self.data).args(args);
        // Its own process group: a Ctrl-C meant for the tests must not stop the server first.
        command.process_group(0);
        command
    }

    fn init(bin: PathBuf) -> Result<Cluster, String> {
        static STARTED: AtomicUsize = AtomicUsize::new(0);
        let as_root = running_as_root();
        let parent = parent_dir(as_root);
        clean_leftovers(&parent, &bin, as_root);
        let n = STARTED.fetch_add(1, Ordering::SeqCst);
        let dir = parent.join(format!("{DIR_PREFIX}{}-{n}", std::process::id()));
        if dir.exists() {
            discard(&dir, &bin, as_root); // a dead process with our pid left it
        }
        let sockets = dir.join("socket");
        let data = dir.join("data");
        fs::create_dir_all(&sockets).map_err(|e| format!("cannot create {}: {e}", sockets.display()))?;
        if as_root {
            let status = Command::new("chown").args(["-R", "postgres:postgres"]).arg(&dir).status();
            if !status.is_ok_and(|s| s.success()) {
                return Err(format!("cannot give {} to the postgres user", dir.display()));
            }
        }
        let port = free_port()?;
        let cluster = Cluster { dir, data, bin, as_root, port };
        cluster.watchdog()?;
        run(
            server_command(&cluster.bin, "initdb", as_root)
                .args(["-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync", "-D"])
                .arg(&cluster.data),
            &cluster.dir.join("initdb.log"),
        )?;
        let settings = format!(
            "\n# oz-groups: a test's own cluster\nlisten_addresses = '127.0.0.1'\nport = {port}\n\
             unix_socket_directories = '{}'\nfsync = on\nsynchronous_commit = on\nmax_connections = 100\n",
            sockets.display()
        );
        fs::OpenOptions::new()
            .append(true)
            .open(cluster.data.join("postgresql.conf"))
            .and_then(|mut conf| conf.write_all(settings.as_bytes()))
            .map_err(|e| format!("cannot configure the cluster: {e}"))?;
        let mut start = cluster.pg_ctl(&["start", "-w", "-t", "60", "-l"]);
        start.arg(cluster.dir.join("server.log"));
        run(&mut start, &cluster.dir.join("pg_ctl-start.log"))?;
        Ok(cluster)
    }

    /// A shell in its own process group that waits for this test process to end, however it
    /// ends, then stops the cluster and deletes its directory.
    fn watchdog(&self) -> Result<(), String> {
        let script = r#"while kill -0 "$1" 2>/dev/null; do sleep 0.5; done
            if [ -f "$3/postmaster.pid" ]; then
                pm=$(head -n 1 "$3/postmaster.pid")
                kill -CONT "$pm" $(pgrep -P "$pm") 2>/dev/null
                if [ "$5" = root ]; then runuser -u postgres -- "$4" stop -m immediate -D "$3"
                else "$4" stop -m immediate -D "$3"; fi
            fi
            rm -rf "$2""#;
        Command::new("sh")
            .args(["-c", script, "oz-groups-pg-watchdog"])
            .arg(std::process::id().to_string())
            .arg(&self.dir)
            .arg(&self.data)
            .arg(self.bin.join("pg_ctl"))
            .arg(if self.as_root { "root" } else { "user" })
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map(drop)
            .map_err(|e| format!("cannot start the cluster's watchdog: {e}"))
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.thaw();
        discard(&self.dir, &self.bin, self.as_root);
    }
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

/// The newest `/usr/lib/postgresql/<major>/bin` that has `initdb`.
fn find_bin_dir() -> Option<PathBuf> {
    fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| {
            let entry = entry.ok()?;
            let major: u32 = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").is_file().then_some((major, bin))
        })
        .max_by_key(|(major, _)| *major)
        .map(|(_, bin)| bin)
}

/// The build directory's scratch space (`target/tmp`), or the system's temporary directory
/// when the `postgres` user could not reach it (a checkout under a private home directory).
fn parent_dir(as_root: bool) -> PathBuf {
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let _ = fs::create_dir_all(&target);
    if !as_root {
        return target;
    }
    let reachable = Command::new("runuser")
        .args(["-u", "postgres", "--", "test", "-x"])
        .arg(&target)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if reachable {
        target
    } else {
        std::env::temp_dir()
    }
}

fn running_as_root() -> bool {
    fs::metadata("/proc/self").map(|m| m.uid() == 0).unwrap_or(false)
}

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
    let tail: Vec<&str> = text.lines().rev().take(15).collect::<Vec<_>>().into_iter().rev().collect();
    Err(format!("{command:?} failed ({status}):\n{}", tail.join("\n")))
}

async fn blocking_run(mut command: Command, log: PathBuf) -> Result<(), String> {
    tokio::task::spawn_blocking(move || run(&mut command, &log)).await.expect("the command runs")
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
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(DIR_PREFIX)) else { continue };
        let Some(pid) = rest.split('-').next().and_then(|p| p.parse::<u32>().ok()) else { continue };
        if pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists() {
            discard(&entry.path(), bin, as_root);
        }
    }
}
