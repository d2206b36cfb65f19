//! Runs wrk (Debian's, 4.1) with `bench/wrk/oz.lua` against a server and reads back the
//! script's OZBENCH line, plus what the run cost in CPU: the server's, wrk's, the database
//! server's (PostgreSQL runs) and the machine's.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{anyhow, ensure, Context, Result};

use crate::procs::{cores, cpu_seconds, run_as_batch, spawn_logged, Guard, MachineCpu};

/// The load: fixed for every workload, as the issue asks.
pub const THREADS: u32 = 2;
pub const CONNECTIONS: u32 = 64;
/// wrk's per-request timeout. Its default (2 s) would silently drop slow requests from the
/// latency figures; a durable join queued behind 63 others must still count.
pub const REQUEST_TIMEOUT_S: u32 = 10;

/// How one wrk process loads its server: the fixed load, or a share of it (the two-instance run
/// gives each instance's wrk half the connections). `database_cpu` also charges the CPU of the
/// machine's `postgres` processes to the run (else they would count as other processes' noise).
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub threads: u32,
    pub connections: u32,
    pub database_cpu: bool,
}

impl Default for Shape {
    fn default() -> Shape {
        Shape { threads: THREADS, connections: CONNECTIONS, database_cpu: false }
    }
}

/// What to send: the script's `mode` and its token file.
#[derive(Clone, Debug)]
pub enum Load {
    Get,
    Join(PathBuf),
    Reject(PathBuf),
    Read(PathBuf),
    /// GET `path` (under the API root, query included) with each access token of the file.
    List(PathBuf, String),
}

/// One wrk run's figures.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct WrkResult {
    pub requests: u64,
    pub seconds: f64,
    pub status_errors: u64,
    pub socket_errors: u64,
    pub p50_us: u64,
    pub p99_us: u64,
    /// How many times a thread ran through its token list (for join: the pairs ran out).
    pub wrapped: u64,
    /// Join pairs a thread took from the other thread's share after using up its own.
    pub borrowed: u64,
    /// CPU seconds over the timed phase (from wrk's "Running" line to its exit): the server's
    /// and wrk's, and the machine's idle/iowait shares.
    pub server_cpu: f64,
    pub wrk_cpu: f64,
    pub idle_pct: f64,
    pub iowait_pct: f64,
    /// CPU taken by other processes (not this server, not wrk, not the database server), as a
    /// share of all cores: noise.
    pub other_pct: f64,
    /// CPU seconds of the database server's processes over the timed phase (PostgreSQL runs).
    pub db_cpu: Option<f64>,
}

impl WrkResult {
    pub fn rps(&self) -> f64 {
        if self.seconds > 0.0 {
            self.requests as f64 / self.seconds
        } else {
            0.0
        }
    }

    /// Responses with a 2xx/3xx status (wrk counts every status above 399 as an error).
    pub fn ok(&self) -> u64 {
        self.requests.saturating_sub(self.status_errors)
    }

    /// CPU microseconds per completed request, of the server and of wrk.
    pub fn cpu_us_per_request(&self) -> (f64, f64) {
        let n = self.requests.max(1) as f64;
        (1e6 * self.server_cpu / n, 1e6 * self.wrk_cpu / n)
    }

    /// CPU microseconds per completed request of the database server, when it was measured.
    pub fn db_us_per_request(&self) -> Option<f64> {
        self.db_cpu.map(|c| 1e6 * c / self.requests.max(1) as f64)
    }

    /// Runs made at the same time against instances of one service, as one: requests and
    /// rates add up, the latency percentiles are the worse instance's (wrk's histograms are not
    /// available to merge), CPU of the servers and wrks adds up, the machine's shares and the
    /// database's CPU (each run saw all of it) are averaged. Each run counted the other runs'
    /// server and wrk as "other processes": that is taken back out.
    pub fn concurrent(runs: &[WrkResult]) -> WrkResult {
        let n = runs.len().max(1) as f64;
        let rps: f64 = runs.iter().map(WrkResult::rps).sum();
        let requests: u64 = runs.iter().map(|r| r.requests).sum();
        let cores = cores() as f64;
        let share = |r: &WrkResult| 100.0 * (r.server_cpu + r.wrk_cpu) / (r.seconds.max(1e-9) * cores);
        let all_shares: f64 = runs.iter().map(share).sum();
        let other = runs.iter().map(|r| r.other_pct - (all_shares - share(r))).sum::<f64>() / n;
        let dbs: Vec<f64> = runs.iter().filter_map(|r| r.db_cpu).collect();
        WrkResult {
            requests,
            seconds: requests as f64 / rps.max(1e-9),
            status_errors: runs.iter().map(|r| r.status_errors).sum(),
            socket_errors: runs.iter().map(|r| r.socket_errors).sum(),
            p50_us: runs.iter().map(|r| r.p50_us).max().unwrap_or(0),
            p99_us: runs.iter().map(|r| r.p99_us).max().unwrap_or(0),
            wrapped: runs.iter().map(|r| r.wrapped).sum(),
            borrowed: runs.iter().map(|r| r.borrowed).sum(),
            server_cpu: runs.iter().map(|r| r.server_cpu).sum(),
            wrk_cpu: runs.iter().map(|r| r.wrk_cpu).sum(),
            idle_pct: runs.iter().map(|r| r.idle_pct).sum::<f64>() / n,
            iowait_pct: runs.iter().map(|r| r.iowait_pct).sum::<f64>() / n,
            other_pct: other.max(0.0),
            db_cpu: (!dbs.is_empty()).then(|| dbs.iter().sum::<f64>() / dbs.len() as f64),
        }
    }
}

/// CPU of every process named `postgres` on the machine (the database server: postmaster,
/// backends, WAL writer, checkpointer) over the timed phase. The set is read when the phase
/// starts and re-read every `RESCAN` (a process found later started later, so it counts from
/// zero); each process's CPU is read every `EVERY` and at the end, and a process keeps its last
/// reading once it has exited: a server drops the connections of requests still in flight when
/// wrk stops, and their backends exit with the work they did.
struct DbCpu {
    base: HashMap<u32, f64>,
    last: HashMap<u32, f64>,
    scanned: Instant,
    read: Instant,
}

impl DbCpu {
    const EVERY: Duration = Duration::from_millis(100);
    const RESCAN: Duration = Duration::from_millis(500);

    fn start() -> DbCpu {
        let base: HashMap<u32, f64> =
            crate::procs::processes_named("postgres").into_iter().filter_map(|p| Some((p, cpu_seconds(p)?))).collect();
        let now = Instant::now();
        DbCpu { last: base.clone(), base, scanned: now, read: now }
    }

    /// Reads the CPU of the known processes, after a rescan when one is due (`force`: both now).
    fn sample(&mut self, force: bool) {
        if !force && self.read.elapsed() < Self::EVERY {
            return;
        }
        if force || self.scanned.elapsed() >= Self::RESCAN {
            for p in crate::procs::processes_named("postgres") {
                self.last.entry(p).or_insert(0.0);
            }
            self.scanned = Instant::now();
        }
        for (pid, cpu) in &mut self.last {
            if let Some(c) = cpu_seconds(*pid) {
                *cpu = c;
            }
        }
        self.read = Instant::now();
    }

    /// The CPU the processes used since `start`, after a last reading.
    fn finish(mut self) -> f64 {
        self.sample(true);
        self.last.iter().map(|(p, c)| (c - self.base.get(p).copied().unwrap_or(0.0)).max(0.0)).sum()
    }
}

pub struct Wrk {
    pub script: PathBuf,
    pub log_dir: PathBuf,
}

impl Wrk {
    /// The start barrier's file for the run `label` (see oz.lua), removed if a run left it.
    pub fn clear_ready(&self, label: &str) -> Result<PathBuf> {
        let ready = self.log_dir.join(format!("wrk-{label}.ready"));
        match std::fs::remove_file(&ready) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
            _ => Ok(ready),
        }
    }

    /// Runs wrk for `seconds` against `addr` in `shape`; the server's `pid` is sampled for its CPU time.
    pub fn run(&self, label: &str, addr: &str, load: &Load, seconds: u32, pid: u32, shape: Shape) -> Result<WrkResult> {
        let Shape { threads, connections, database_cpu } = shape;
        let options = format!("-t{threads} -c{connections} -d{seconds}s --timeout={REQUEST_TIMEOUT_S}s --latency -s");
        let mut args: Vec<String> = options.split(' ').map(str::to_owned).collect();
        args.extend([
            self.script.display().to_string(),
            format!("http://{addr}/"),
            "--".into(),
            format!("threads={threads}"),
        ]);
        args.extend(match load {
            Load::Get => vec!["mode=get".to_owned(), "path=/".to_owned()],
            Load::Join(f) => vec!["mode=join".to_owned(), file_arg(f)],
            Load::Reject(f) => vec!["mode=reject".to_owned(), file_arg(f)],
            Load::Read(f) => vec!["mode=read".to_owned(), file_arg(f)],
            Load::List(f, path) => vec!["mode=read".to_owned(), file_arg(f), format!("path={path}")],
        });
        let log = self.log_dir.join(format!("wrk-{label}.txt"));
        // oz.lua's start barrier: no thread sends before every thread has loaded its share.
        let ready = self.clear_ready(label)?;
        args.push(format!("ready={}", ready.display()));
        // stdbuf -oL: wrk's "Running 10s test" line reaches the log as it is printed, and it is
        // printed once every thread has run init() (loaded its token file), when the barrier
        // lets the threads send: that moment starts the CPU accounting, so wrk's set-up is not
        // charged to the requests.
        let mut cmd = Command::new("stdbuf");
        cmd.args(["-oL", "wrk"]).args(&args);
        // wrk shares the server's two cores: see `procs::run_as_batch`.
        run_as_batch(&mut cmd);
        let child =
            spawn_logged(&mut cmd, &log).context("cannot run wrk (make bench installs it: apt-get install wrk)")?;
        let mut guard = Guard::new(child, format!("wrk ({label})"));
        let wrk_pid = guard.pid();
        // The CPU counters now: (when, wrk's, the server's, the machine's).
        let sample = || {
            (Instant::now(), cpu_seconds(wrk_pid).unwrap_or(0.0), cpu_seconds(pid).unwrap_or(0.0), MachineCpu::now())
        };
        // The run is bounded by -d; the margin covers loading large token files in init().
        let deadline = Instant::now() + Duration::from_secs(u64::from(seconds) + 90);
        let (mut first, mut last) = (None, None);
        let mut db = None;
        let status = loop {
            if let Some(status) = guard.try_wait()? {
                break status;
            }
            if first.is_none() && std::fs::read_to_string(&log).is_ok_and(|t| t.contains("Running ")) {
                first = Some(sample());
                db = database_cpu.then(DbCpu::start);
            }
            if first.is_some() {
                last = Some(sample());
                if let Some(d) = db.as_mut() {
                    d.sample(false);
                }
            }
            if Instant::now() > deadline {
                guard.wait_timeout(Duration::ZERO)?;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let db_cpu = db.map(DbCpu::finish);
        let text = std::fs::read_to_string(&log)?;
        ensure!(status.success(), "wrk ({label}) failed with {status}: {}", text.trim());
        let mut r = parse(&text).with_context(|| format!("wrk ({label}) output: {}", log.display()))?;
        if let (Some((t0, wrk0, server0, m0)), Some((t1, wrk1, server1, m1))) = (first, last) {
            r.wrk_cpu = wrk1 - wrk0;
            r.server_cpu = server1 - server0;
            (r.idle_pct, r.iowait_pct) = m0.idle_since(&m1);
            let wall = t1.duration_since(t0).as_secs_f64().max(1e-9);
            let busy = m0.busy_seconds_until(&m1);
            let cores = cores() as f64;
            r.db_cpu = db_cpu;
            let db = db_cpu.unwrap_or(0.0);
            r.other_pct = (100.0 * (busy - r.wrk_cpu - r.server_cpu - db) / (wall * cores)).max(0.0);
        }
        Ok(r)
    }
}

fn file_arg(f: &Path) -> String {
    format!("file={}", f.display())
}

/// Reads the OZBENCH line that `done()` in oz.lua prints.
fn parse(text: &str) -> Result<WrkResult> {
    let line = text.lines().find(|l| l.starts_with("OZBENCH ")).ok_or_else(|| anyhow!("no OZBENCH line"))?;
    let field = |key: &str| -> Result<f64> {
        line.split_whitespace()
            .find_map(|kv| kv.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
            .ok_or_else(|| anyhow!("no {key} in {line:?}"))?
            .parse::<f64>()
            .with_context(|| format!("{key} in {line:?}"))
    };
    let int = |key: &str| field(key).map(|v| v as u64);
    Ok(WrkResult {
        requests: int("requests")?,
        seconds: field("duration_us")? / 1e6,
        status_errors: int("status_errors")?,
        socket_errors: int("connect_errors")? + int("read_errors")? + int("write_errors")? + int("timeouts")?,
        p50_us: int("p50_us")?,
        p99_us: int("p99_us")?,
        wrapped: int("wrapped")?,
        borrowed: int("borrowed")?,
        ..WrkResult::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ozbench_line_parses() {
        let text = "Running 10s test\nOZBENCH requests=100 duration_us=2000000 status_errors=3 connect_errors=0 \
                    read_errors=1 write_errors=0 timeouts=2 p50_us=900 p90_us=1500 p99_us=4000 max_us=9000 \
                    mean_us=1000.0 wrapped=0 borrowed=7\n";
        let r = parse(text).unwrap();
        assert_eq!((r.requests, r.status_errors, r.socket_errors, r.p99_us), (100, 3, 3, 4000));
        assert_eq!(r.rps(), 50.0);
        assert_eq!(r.ok(), 97);
    }
}
