//! The benchmark's sequence: baseline, storage limit, then join/reject/read on the memory and
//! SQLite backends, then PostgreSQL (pgbench's storage limit, join/reject/read, and two
//! instances sharing one database), then the scale run and the hierarchy. Each workload gets its
//! own server process on a fresh fixture (so each peak RSS is that workload's), is checked with
//! one request before it is timed, and is verified afterwards; a workload that fails is recorded
//! as failed and the rest still run, so `make bench` always ends with a results file.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{anyhow, ensure, Context, Result};
use oz_groups::config::{StoreArgs, DEFAULT_POOL_SIZE as POOL_SIZE};
use oz_groups::service::App;
use serde::{Deserialize, Serialize};

use crate::hierarchy::{self, HierarchyLoad, DEPTH, GROUPS, SUBTREE, USERS};
use crate::postgres::{self as pg, PgbenchResult, ServerInfo};
use crate::procs::{cores, peak_rss, status_bytes, wait_for_quiet, Server};
use crate::profile::{self, Profile};
use crate::report::ms;
use crate::scale::{self, ScaleLoad};
use crate::seed::{self, name, JoinFixture};
use crate::smoke;
use crate::storage::{self, StorageResult};
use crate::wrk::{Load, Shape, Wrk, WrkResult, CONNECTIONS, THREADS};

/// `oz-groups serve`'s rate-limit flags, each given `off` for the benchmark: wrk sends every
/// request from one address, and the reject workload is nothing but failed joins.
const NO_RATE_LIMITS: [&str; 6] = [
    "--limit-auth-failures-per-address",
    "--limit-auth-failures-per-token",
    "--limit-auth-failures-per-login",
    "--limit-join-failures-per-address",
    "--limit-join-failures-per-user",
    "--limit-writes-per-user",
];

/// Below this share of busy CPUs the machine counts as quiet enough to time a run; how long to
/// wait for quiet before the first run, and before each timed run after it.
const QUIET_PCT: f64 = 10.0;
const QUIET_FIRST_S: u64 = 60;
const QUIET_EACH_S: u64 = 20;

/// pgbench's concurrent run: the HTTP runs' connection count, on as many threads as wrk has.
pub const PGBENCH_CLIENTS: u32 = CONNECTIONS;
/// The two-instance run: each instance gets its own wrk with half the connections, on one
/// thread (two wrk threads in all, as in every other run).
const TWO_CONNECTIONS: u32 = CONNECTIONS / 2;
const TWO_THREADS: u32 = 1;
/// Items per page in the scale run's paged list.
const LIST_PAGE: u32 = 100;
/// How many times the hierarchy's subtree is linked and unlinked.
pub const LINK_ROUNDS: usize = 5;
/// How many times the first hello runs (the median is its figure).
const RATIO_RUNS: usize = 3;
/// How many (hello, workload) pairs of short runs give each of issue 9's CPU ratios (reject,
/// read); each run lasts a third of `--seconds` (at least 2 s).
const RATIO_PAIRS: usize = 7;
/// How many times the PostgreSQL join runs (one instance, two instances) are made; the median
/// run of each is reported.
const PG_RUNS: usize = 3;

/// The parts of a run, in order; `--only` picks some of them.
pub const PARTS: &[&str] = &["baseline", "storage", "memory", "sqlite", "postgres", "scale", "hierarchy"];

/// Settings of one `make bench`: the flags of `oz-bench run`, and where its binaries are.
#[derive(clap::Args, Clone, Debug, Default, Serialize, Deserialize)]
pub struct Config {
    /// Scratch directory (data dirs, token files, logs); emptied first.
    #[arg(long, default_value = "target/oz-bench")]
    pub work: PathBuf,
    /// Where results.json, results.md and results.svg are written; a results.json already there
    /// is the "before" of the before/after table.
    #[arg(long, default_value = "bench")]
    pub out: PathBuf,
    #[arg(long, default_value = "bench/wrk/oz.lua")]
    pub script: PathBuf,
    /// Where the release binaries are (oz-groups, oz-bench, oz-bench-hello).
    #[arg(skip)]
    pub bins: PathBuf,
    /// Seconds of each timed wrk run.
    #[arg(long, default_value_t = 10)]
    pub seconds: u32,
    /// Seconds of each calibration probe.
    #[arg(long, default_value_t = 2)]
    pub probe_seconds: u32,
    /// Seconds of timed work for the storage limit.
    #[arg(long, default_value_t = 10)]
    pub storage_seconds: u32,
    /// Seconds of each wrk run at scale.
    #[arg(long, default_value_t = 5)]
    pub scale_seconds: u32,
    #[arg(long, default_value_t = 256)]
    pub read_users: usize,
    #[arg(long, default_value_t = 10)]
    pub groups_per_reader: usize,
    #[arg(long, default_value_t = 64)]
    pub reject_users: usize,
    /// Groups of the scale run (0 skips it).
    #[arg(long, default_value_t = 100_000)]
    pub scale_groups: usize,
    #[arg(long, default_value_t = 1_000_000)]
    pub scale_memberships: usize,
    /// Seconds the scale load may take; it stops there and reports what it reached.
    #[arg(long = "scale-budget", value_name = "SCALE_BUDGET", default_value_t = 300)]
    pub scale_budget_s: u64,
    /// Run only these parts (comma-separated; for quick iteration): baseline, storage, memory,
    /// sqlite, postgres, scale, hierarchy. The results then show the others as not run. PostgreSQL runs
    /// against OZ_TEST_POSTGRES_URL, else a throwaway cluster this process starts (Debian's
    /// postgresql package); without either it is SKIPPED, loudly (under CI=true: a failure).
    #[arg(long, value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(PARTS))]
    pub only: Vec<String>,
    /// The PostgreSQL server (`oz_testkit::postgres::server_url_blocking`); none: the PostgreSQL
    /// part is skipped. Not in results.json: whether it ran is in the results.
    #[arg(skip)]
    #[serde(skip)]
    pub postgres_url: Option<String>,
}

impl Config {
    pub fn runs(&self, part: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|p| p == part)
    }
}

/// One measured workload.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Outcome {
    pub wrk: Option<WrkResult>,
    pub peak_rss: Option<u64>,
    /// Spawn to banner, and the resident set right after it.
    pub startup: Option<Duration>,
    pub rss_at_start: Option<u64>,
    /// The bare hello's server CPU per request in the run paired with this one (see
    /// `timed_median`); the figure's ratio to hello is to this when it is set.
    pub hello_cpu_us: Option<f64>,
    /// Why there are no figures.
    pub error: Option<String>,
    /// What was checked and found right (verification, calibration).
    pub notes: Vec<String>,
    /// What makes the figures doubtful: errors, exhaustion, a verification that did not match.
    pub problems: Vec<String>,
}

impl Outcome {
    fn failed(e: anyhow::Error) -> Outcome {
        Outcome { error: Some(format!("{e:#}")), ..Outcome::default() }
    }

    /// A run's figures with what `check` finds wrong in them.
    fn checked(r: WrkResult, peak_rss: Option<u64>, check: Check) -> Outcome {
        Outcome { problems: check(&r), wrk: Some(r), peak_rss, ..Outcome::default() }
    }

    /// A server's start-up time and resident set right after it, before any figures.
    fn started(server: &Server) -> Outcome {
        let rss_at_start = status_bytes(server.pid(), "VmRSS");
        Outcome { startup: Some(server.startup), rss_at_start, ..Outcome::default() }
    }

    pub fn rps(&self) -> Option<f64> {
        self.wrk.as_ref().map(WrkResult::rps)
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Backend {
    pub join: Outcome,
    pub reject: Outcome,
    pub read: Outcome,
}

impl Backend {
    fn failed(o: Outcome) -> Backend {
        Backend { join: o.clone(), reject: o.clone(), read: o }
    }

    pub fn workloads(&self) -> [(&'static str, &Outcome); 3] {
        [("join", &self.join), ("reject", &self.reject), ("read", &self.read)]
    }
}

/// The machine of a run (every field may be missing from an older results file).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Machine {
    pub cores: usize,
    pub cpu_model: String,
    pub memory_bytes: u64,
    pub kernel: String,
    /// When the run started, `YYYY-MM-DD HH:MM UTC`.
    pub date: String,
    pub wrk_version: String,
    /// `git rev-parse HEAD`, and whether tracked files differed from it.
    pub commit: String,
    pub dirty: bool,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ProfileRun {
    pub label: String,
    pub wrk: WrkResult,
    pub profile: Profile,
}

/// The hierarchy's figures on one store: a privilege check on the top group by a direct and by
/// the deepest member, the top group's effective users, and the subtree's link and unlink.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct HierarchyResults {
    pub load: HierarchyLoad,
    /// `GET /groups/{top}` by the top group's creator, a direct member.
    pub check_direct: Outcome,
    /// The same request by a member of the deepest level, `hierarchy::DEPTH` links below.
    pub check_deep: Outcome,
    /// `GET /groups/{top}/effective_users` by the top group's creator.
    pub effective_users: Outcome,
    /// How many effective users the top group answered with.
    pub effective_count: usize,
    /// Each round's link of the `hierarchy::SUBTREE`-group subtree under the middle level, and
    /// its unlink, over HTTP (ms; one request each, its answer read).
    pub link_ms: Vec<f64>,
    pub unlink_ms: Vec<f64>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ScaleResults {
    pub load: ScaleLoad,
    pub join: Outcome,
    pub read: Outcome,
    /// `GET /groups` as the zone admin: every group of the store in one reply.
    #[serde(default)]
    pub list_whole: Outcome,
    /// `GET /groups?limit=100&after=…` from the middle of the store: one page.
    #[serde(default)]
    pub list_page: Outcome,
}

/// Two `oz-groups serve` processes on one database, each loaded by its own wrk at once.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct TwoInstances {
    /// Each instance's own run: its wrk figures and its peak RSS.
    pub instances: Vec<Outcome>,
    /// Both runs as one (`WrkResult::concurrent`), with the verification of the joins.
    pub combined: Outcome,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Postgres {
    pub server: Option<ServerInfo>,
    /// pgbench with one client (the single-writer rate) and with `PGBENCH_CLIENTS`.
    pub pgbench_one: Option<Result<PgbenchResult, String>>,
    pub pgbench_many: Option<Result<PgbenchResult, String>>,
    pub backend: Backend,
    pub two: TwoInstances,
    /// Each pair's joins/s, one instance then two, in run order (the order within a pair
    /// alternates): issue 9's two-instance row is the median of their ratios.
    #[serde(default)]
    pub pairs: Vec<(f64, f64)>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub enum PgSection {
    /// Not asked for (`--only`).
    #[default]
    NotRun,
    /// No server to run against: said loudly, not a failure.
    Skipped,
    Ran(Box<Postgres>),
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Results {
    pub machine: Machine,
    pub baseline: Outcome,
    pub memory: Backend,
    pub sqlite: Backend,
    pub storage: Option<Result<StorageResult, String>>,
    pub postgres: PgSection,
    pub scale: Option<Result<ScaleResults, String>>,
    /// The nested-group hierarchy (issue 12), per durable store ("SQLite", "PostgreSQL").
    #[serde(default)]
    pub hierarchy: Vec<(String, Result<HierarchyResults, String>)>,
    pub profiles: Vec<ProfileRun>,
    pub perf: Option<String>,
    pub seconds_total: f64,
    /// Share of the CPUs busy with other work just before the runs.
    pub background_pct: f64,
}

/// wrk's figures of a run, and the server's peak RSS after it.
type Measured = (WrkResult, Option<u64>);
/// What a run's figures have wrong with them (`plain_problems`, ...).
type Check = fn(&WrkResult) -> Vec<String>;

/// A PostgreSQL connection count running alongside a timed run (`Bench::pool_probe`).
type PoolProbe = Option<tokio::task::JoinHandle<Result<(i64, i64)>>>;

pub struct Bench {
    pub cfg: Config,
    rt: tokio::runtime::Runtime,
    wrk: Wrk,
    perf_ok: bool,
    /// The hello server, kept from the baseline to the end for the runs paired with it.
    hello: Option<Server>,
    pub results: Results,
}

impl Bench {
    pub fn new(cfg: Config) -> Result<Bench> {
        if cfg.work.exists() {
            std::fs::remove_dir_all(&cfg.work).with_context(|| format!("cannot clear {}", cfg.work.display()))?;
        }
        std::fs::create_dir_all(&cfg.work)?;
        // Two workers, as the server's own runtime has on this machine: seeding mints tokens
        // on both cores while the store's blocking pool does the writes.
        let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
        let wrk = Wrk { script: cfg.script.clone(), log_dir: cfg.work.clone() };
        let perf_ok = profile::available(&cfg.work);
        Ok(Bench { cfg, rt, wrk, perf_ok, hello: None, results: Results::default() })
    }

    pub fn run_all(&mut self) {
        let started = Instant::now();
        self.results.machine = machine();
        // Other work on the machine skews every figure here: wait a while for it to stop, and
        // record how busy the machine still was.
        self.results.background_pct = wait_for_quiet(Duration::from_secs(QUIET_FIRST_S), QUIET_PCT);
        eprintln!("background load before the runs: {:.0}% of the CPUs", self.results.background_pct);
        let counters = match profile::hardware_counters() {
            Some(true) => "hardware counters work here too",
            Some(false) => "`perf stat -e instructions` is not supported on this machine (no hardware counters)",
            None => "perf stat did not run",
        };
        self.results.perf = Some(if self.perf_ok {
            format!("`perf record -a -e cpu-clock` (software sampling; {counters})")
        } else {
            "perf unavailable: CPU split from /proc only".to_owned()
        });
        if self.cfg.runs("baseline") {
            step("baseline: bare hyper hello");
            self.results.baseline = reported("baseline", self.baseline());
        }

        if self.cfg.runs("storage") {
            step("storage limit: sequential join_with_token on a fresh SqliteStore");
            let secs = Duration::from_secs(u64::from(self.cfg.storage_seconds));
            let storage = self.rt.block_on(storage::measure(&self.cfg.work.join("storage"), secs));
            let storage = storage.map_err(|e| format!("{e:#}"));
            match &storage {
                Ok(s) => eprintln!("  {:.0} tx/s, p50 {} us, p99 {} us", s.tps(), s.p50_us, s.p99_us),
                Err(e) => eprintln!("  failed: {e}"),
            }
            self.results.storage = Some(storage);
        }

        if self.cfg.runs("memory") {
            step("memory backend (oz-bench serve-memory: the same server code, release, own process)");
            self.results.memory.join = reported("join (memory)", self.memory_join());
            self.results.memory.reject = reported("reject (memory)", self.memory_simple(Workload::Reject));
            self.results.memory.read = reported("read (memory)", self.memory_simple(Workload::Read));
        }

        if self.cfg.runs("sqlite") {
            step("SQLite backend (target/release/oz-groups serve)");
            self.results.sqlite = self.durable_backend(&self.cfg.work.join("sqlite"), &SQLITE);
        }

        if self.cfg.runs("postgres") {
            self.results.postgres = match self.cfg.postgres_url.clone() {
                Some(admin) => PgSection::Ran(Box::new(self.postgres(&admin))),
                None => {
                    eprintln!("\n*** {} ***", pg::SKIPPED);
                    PgSection::Skipped
                }
            };
        }

        if self.cfg.runs("scale") && self.cfg.scale_groups > 0 {
            step(&format!(
                "scale: {} groups, {} memberships into SQLite through the Store API (budget {} s)",
                self.cfg.scale_groups, self.cfg.scale_memberships, self.cfg.scale_budget_s
            ));
            self.results.scale = Some(self.scale().map_err(|e| format!("{e:#}")));
        }
        if self.cfg.runs("hierarchy") {
            self.results.hierarchy = self.hierarchies();
        }
        if let Some(Err(e)) = self.hello.take().map(Server::stop) {
            eprintln!("stopping the hello server: {e:#}");
        }
        self.results.seconds_total = started.elapsed().as_secs_f64();
    }

    /// The release binary `program`, its log in the scratch directory.
    fn spawn(&self, name: &str, program: &str, args: &[String], env: &[(&str, String)]) -> Result<Server> {
        let log = self.cfg.work.join(format!("server-{name}.log"));
        // A large store may take a while to open; a healthy start takes milliseconds.
        Server::spawn(name, &self.cfg.bins.join(program), args, env, &log, Duration::from_secs(300))
    }

    /// `oz-groups serve` on the data dir `dir` (its master key, and its SQLite database unless
    /// `db` names a PostgreSQL one), without rate limits.
    fn spawn_store(&self, name: &str, dir: &Path, db: &Durable, env: &[(&str, String)]) -> Result<Server> {
        let mut args: Vec<String> = vec!["serve".into(), "--listen".into(), "127.0.0.1:0".into()];
        args.extend(NO_RATE_LIMITS.iter().flat_map(|limit| [limit.to_string(), "off".into()]));
        args.extend(["--data-dir".into(), dir.display().to_string()]);
        args.extend(db.url.clone().into_iter().flat_map(|url| ["--database".into(), url]));
        self.spawn(name, "oz-groups", &args, env)
    }

    /// The memory backend, with `fixture` (`--join N`, ...): seeding has to happen inside the
    /// server's process.
    fn spawn_memory(&self, name: &str, dir: &Path, (flag, n): (&str, usize)) -> Result<Server> {
        let args = format!("serve-memory --{flag} {n} --groups-per-reader {}", self.cfg.groups_per_reader);
        let mut args: Vec<String> = args.split(' ').map(str::to_owned).collect();
        args.extend(["--dir".to_owned(), dir.display().to_string()]);
        self.spawn(name, "oz-bench", &args, &[])
    }

    /// Runs wrk and reads the server's peak RSS right after.
    fn timed(&self, label: &str, server: &Server, load: &Load, seconds: u32) -> Result<Measured> {
        // A PostgreSQL label: the database's processes do the workload's work too.
        let shape = Shape { database_cpu: label.starts_with("postgres"), ..Shape::default() };
        wait_for_quiet(Duration::from_secs(QUIET_EACH_S), QUIET_PCT);
        let r = self.wrk.run(label, &server.addr, load, seconds, server.pid(), shape)?;
        Ok((r, peak_rss(server.pid())))
    }

    /// `timed`, for a figure that is a ratio to hello's CPU per request (paired, when the hello
    /// server runs): `RATIO_PAIRS` pairs of short runs, a hello run and a run of `load` side by
    /// side, the hello first in every other pair, and the pair with the median ratio is the figure.
    /// The host's speed changes within seconds, and our code feels it more than the hello
    /// (docs/benchmark.md: the same reject took 12.9–13.9 µs in some runs and 17.0–19.9 µs in
    /// others, the hello 7.1–7.8 or 8.4), so a ratio compares two runs as close in time as they can
    /// be, and many short pairs outvote the few a change of speed splits. Unpaired (the first
    /// hello): `RATIO_RUNS` runs of `seconds`, the median by server CPU. The note lists every run,
    /// and `check` checks them all.
    fn timed_median(&self, label: &str, server: &Server, load: &Load, seconds: u32, check: Check) -> Result<Outcome> {
        let paired = self.hello.is_some();
        let (count, seconds) = if paired { (RATIO_PAIRS, (seconds / 3).max(2)) } else { (RATIO_RUNS, seconds) };
        let (mut runs, mut all) = (Vec::new(), Vec::new());
        for i in 0..count {
            let name = if i == 0 { label.to_owned() } else { format!("{label}-{}", i + 1) };
            let hello_first = i % 2 == 0;
            let before = if hello_first { self.paired_hello(&name, seconds)? } else { None };
            let (r, rss) = self.timed(&name, server, load, seconds)?;
            let hello_cpu = if hello_first { before } else { self.paired_hello(&name, seconds)? };
            let c = r.cpu_us_per_request().0;
            all.push(hello_cpu.map_or_else(|| format!("{c:.1}"), |h| format!("{c:.1}/{h:.1} ({:.2}×)", c / h)));
            runs.push((c / hello_cpu.unwrap_or(1.0), r, rss, hello_cpu));
        }
        let note = if paired {
            format!(
                "the median of {count} pairs of {seconds} s runs, a hello run beside each (before it in the 1st, \
                 3rd, … pair, after it in the others), by the ratio; all pairs in order, server CPU µs/request \
                 over its hello's: {}",
                all.join(", ")
            )
        } else {
            format!("the median of {count} runs by server CPU; all runs, µs/request: {}", all.join(", "))
        };
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        runs.swap(0, count / 2);
        let peak_rss = runs.iter().filter_map(|r| r.2).max();
        let problems = runs.iter().flat_map(|r| check(&r.1)).collect();
        let (_, median, _, hello_cpu_us) = runs.swap_remove(0);
        Ok(Outcome { wrk: Some(median), peak_rss, hello_cpu_us, notes: vec![note], problems, ..Outcome::default() })
    }

    /// A hello run of `seconds` right before (or, in `timed_median`, after) the run `label`, when
    /// the hello server runs: its server CPU per request, which that run's ratio is taken to. The
    /// host's speed drifts over a `make bench` (in 2408429's run the hellos paired with the SQLite
    /// rejects took 8.9–10.0 µs against the first hello's 7.34): ratios compare runs seconds apart.
    fn paired_hello(&self, label: &str, seconds: u32) -> Result<Option<f64>> {
        let Some(hello) = self.hello.as_ref() else { return Ok(None) };
        let (r, _) = self.timed(&format!("{label}-hello"), hello, &Load::Get, seconds)?;
        // A hello that answered badly would make the ratio look good: no figure then.
        let problems = plain_problems(&r);
        ensure!(problems.is_empty(), "the hello run paired with {label}: {}", problems.join("; "));
        Ok(Some(r.cpu_us_per_request().0))
    }

    /// A profiling run after the timed one, when perf works.
    fn profiled(&mut self, label: &str, server: &Server, load: &Load) -> Result<Option<WrkResult>> {
        if !self.perf_ok {
            return Ok(None);
        }
        wait_for_quiet(Duration::from_secs(QUIET_EACH_S), QUIET_PCT);
        let run = format!("{label}-profile");
        let ready = self.wrk.clear_ready(&run)?;
        let running = profile::start(&self.cfg.work, label, server.pid(), &ready)?;
        let r = self.wrk.run(&run, &server.addr, load, profile::RUN_S, server.pid(), Shape::default());
        let profile = running.finish()?;
        let r = r?;
        self.results.profiles.push(ProfileRun { label: label.to_owned(), wrk: r.clone(), profile });
        Ok(Some(r))
    }

    fn baseline(&mut self) -> Result<Outcome> {
        let server = self.spawn("hello", "oz-bench-hello", &["127.0.0.1:0".to_owned()], &[])?;
        let reply = smoke::request(&server.addr, "GET", "/", None, None)?;
        ensure!(reply.status == 200, "hello answered {}", reply.status);
        // Not paired: the hello server is not kept until this returns.
        let o = self.timed_median("baseline", &server, &Load::Get, self.cfg.seconds, plain_problems)?;
        self.hello = Some(server);
        Ok(o)
    }

    /// Finds the join rate with short probe runs on fresh pairs, growing the pair count ×4
    /// while a probe runs out; returns the rate the real run must be sized for.
    fn calibrate(
        &mut self,
        what: &str,
        mut pairs: usize,
        mut probe: impl FnMut(&mut Self, usize, usize) -> Result<WrkResult>,
    ) -> Result<(f64, String)> {
        for i in 0.. {
            let r = probe(self, pairs, i)?;
            // As many requests as pairs means the probe could have gone faster: its rate is a
            // floor, not an estimate. wrk's count of wrapped requests misses it when its threads
            // borrow each other's pairs from the far end and meet. Either way the repeats are
            // idempotent retries (contract §8: 201 again, nothing written), cheaper than joins.
            let exhausted = r.wrapped > 0 || r.requests >= pairs as u64;
            let rate = r.ok() as f64 / r.seconds.max(1e-9);
            let ran_out = if exhausted { " (ran out)" } else { "" };
            eprintln!("  calibration {what}: {pairs} pairs, {rate:.0} joins/s{ran_out}");
            if !exhausted {
                let note =
                    format!("calibrated with {pairs} pairs: {rate:.0} joins/s in a {} s probe", r.seconds.round());
                return Ok((rate, note));
            }
            if i == 3 {
                // Still too few: size for twice the rate seen, a bound that will not run out.
                return Ok((2.0 * rate, format!("probe ran out even with {pairs} pairs; sized for 2 × {rate:.0}/s")));
            }
            pairs *= 4;
        }
        unreachable!("the loop returns on its fourth pass")
    }

    /// Pairs needed for the timed run and the profiling run at `rate`, with margin.
    fn pairs_for(&self, rate: f64) -> (usize, usize) {
        // A probe can run slower than the timed run (it includes the warm-up), so the margin is
        // generous: running out would make the run worthless, minting too many costs seconds.
        let main = (rate * f64::from(self.cfg.seconds) * 1.8) as usize + 2000;
        let prof = if self.perf_ok { (rate * f64::from(profile::RUN_S) * 1.8) as usize + 1000 } else { 0 };
        (main, prof)
    }

    /// Splits the join pairs in `all`: the first must answer 201 (it is not part of the timed
    /// run), and wrk times the rest.
    fn join_run(&self, label: &str, server: &Server, all: &Path, seconds: u32) -> Result<Measured> {
        let files = split_pairs(all, &[1, usize::MAX])?;
        check_first_join(server, &files[0])?;
        self.timed(label, server, &Load::Join(files[1].clone()), seconds)
    }

    fn memory_join(&mut self) -> Result<Outcome> {
        let base = self.cfg.work.join("memory-join");
        let probe_s = self.cfg.probe_seconds;
        let (rate, calibration) = self.calibrate("memory", 80_000, |this, pairs, i| {
            let dir = base.join(format!("probe-{i}"));
            let server = this.spawn_memory("memory-probe", &dir, ("join", pairs + 1))?;
            let (r, _) = this.join_run(&format!("memory-join-probe-{i}"), &server, &dir.join("join.txt"), probe_s)?;
            server.stop()?;
            Ok(r)
        })?;
        let (main, prof) = self.pairs_for(rate);
        let dir = base.join("run");
        let server = self.spawn_memory("memory-join", &dir, ("join", 1 + main))?;
        let seeding = server.startup;
        let hello_cpu_us = self.paired_hello("memory-join", self.cfg.seconds)?;
        let (r, rss) = self.join_run("memory-join", &server, &dir.join("join.txt"), self.cfg.seconds)?;
        let lines = server.stop()?;
        let minted = format!(
            "{main} pairs pre-minted for the timed run (seeded in {:.1} s; the peak RSS includes these users and \
             tokens, held by the memory store)",
            seeding.as_secs_f64()
        );
        let mut o = Outcome { peak_rss: rss, hello_cpu_us, notes: vec![calibration, minted], ..Outcome::default() };
        let joined = lines.iter().find_map(|l| l.strip_prefix("OZBENCH joined=")).and_then(|n| n.trim().parse().ok());
        verify_joins(&mut o, r, None, joined);
        // The profile runs on a process of its own, so the timed one holds only its own pairs.
        if self.perf_ok {
            let dir = base.join("profile");
            let profiled = self.spawn_memory("memory-join-profile", &dir, ("join", prof)).and_then(|server| {
                let out = self.profiled("memory-join", &server, &Load::Join(dir.join("join.txt")));
                server.stop()?;
                out
            });
            if let Err(e) = profiled {
                eprintln!("  profiling the memory join failed: {e:#}");
            }
        }
        Ok(o)
    }

    fn memory_simple(&mut self, w: Workload) -> Result<Outcome> {
        let dir = self.cfg.work.join(format!("memory-{}", w.name()));
        let users = if w == Workload::Reject { self.cfg.reject_users } else { self.cfg.read_users };
        let server = self.spawn_memory(&format!("memory-{}", w.name()), &dir, (w.name(), users))?;
        let out = self.simple(&server, &dir, w, "memory");
        server.stop()?;
        out
    }

    /// reject or read against a running server with its token file in `dir`.
    fn simple(&mut self, server: &Server, dir: &Path, w: Workload, backend: &str) -> Result<Outcome> {
        let label = format!("{backend}-{}", w.name());
        let file = dir.join(format!("{}.txt", w.name()));
        let first = first_line(&file)?;
        let (load, check): (_, Check) = match w {
            Workload::Reject => {
                let (access, invite) =
                    first.split_once(' ').ok_or_else(|| anyhow!("bad line in {}", file.display()))?;
                smoke::check_reject(&server.addr, access, invite)?;
                (Load::Reject(file), reject_problems)
            }
            Workload::Read => {
                // Each reader of the scale run has groups of its own, not `groups_per_reader`.
                let groups = (backend != "scale").then_some(self.cfg.groups_per_reader);
                smoke::check_read(&server.addr, &first, groups)?;
                (Load::Read(file), plain_problems)
            }
        };
        let seconds = if backend == "scale" { self.cfg.scale_seconds } else { self.cfg.seconds };
        let mut o = self.timed_median(&label, server, &load, seconds, check)?;
        if w == Workload::Reject {
            o.notes.push("every answer a 4xx as expected (one checked: 400 invalid_token)".to_owned());
            if backend == "memory" || backend == "sqlite" {
                if let Err(e) = self.profiled(&label, server, &load) {
                    eprintln!("  profiling {label} failed: {e:#}");
                }
            }
        }
        Ok(o)
    }

    /// The app on data dir `dir` and its store (`db`), as the server would open it.
    fn store_app(&self, dir: &Path, db: &Durable) -> Result<App> {
        let args = StoreArgs { data_dir: dir.to_path_buf(), database: db.url.clone(), database_pool_size: POOL_SIZE };
        self.rt.block_on(oz_groups::startup::build_app(&args))
    }

    /// How many joins the store in `dir` holds for `fixture`, counted with the servers stopped.
    fn joined(&self, dir: &Path, db: &Durable, fixture: &JoinFixture) -> Result<u64> {
        let app = self.store_app(dir, db)?;
        self.rt.block_on(seed::joined(&app, &fixture.groups))
    }

    /// join, reject and read on a durable store: the fixtures, then each workload; a failure
    /// of one is recorded and the others still run.
    fn durable_backend(&mut self, dir: &Path, db: &Durable) -> Backend {
        let name = db.name;
        if let Err(e) = self.durable_fixtures(dir, db) {
            let failed = Outcome::failed(e.context(format!("seeding the {name} fixtures")));
            eprintln!("  {name}: FAILED: {}", failed.error.as_deref().unwrap_or(""));
            return Backend::failed(failed);
        }
        Backend {
            join: reported(&format!("join ({name})"), self.durable_join(dir, db, 0.0)),
            reject: reported(&format!("reject ({name})"), self.durable_simple(dir, db, Workload::Reject)),
            read: reported(&format!("read ({name})"), self.durable_simple(dir, db, Workload::Read)),
        }
    }

    /// The data dir (and database) with the read users and the reject pairs (the join pairs
    /// come later, sized by calibration).
    fn durable_fixtures(&mut self, dir: &Path, db: &Durable) -> Result<()> {
        let app = self.store_app(dir, db)?;
        let started = Instant::now();
        let (readers, groups, rejects) = (self.cfg.read_users, self.cfg.groups_per_reader, self.cfg.reject_users);
        self.rt.block_on(seed::read_users(&app, readers, groups, &dir.join("read.txt")))?;
        self.rt.block_on(seed::reject_pairs(&app, rejects, &dir.join("reject.txt")))?;
        let secs = started.elapsed().as_secs_f64();
        eprintln!("  seeded {readers} readers × {groups} groups and {rejects} reject users in {secs:.1} s");
        Ok(())
    }

    /// Seeds `n` join pairs into the store in-process (the server is not running).
    fn durable_pairs(&self, dir: &Path, db: &Durable, n: usize, file: &Path) -> Result<JoinFixture> {
        let app = self.store_app(dir, db)?;
        let fixture = self.rt.block_on(seed::join_pairs(&app, n, file))?;
        eprintln!("  seeded {n} join pairs in {:.1} s ({:.0} pairs/s)", fixture.seconds, n as f64 / fixture.seconds);
        if let Some(url) = &db.url {
            self.rt.block_on(pg::settle(url))?;
        }
        Ok(fixture)
    }

    /// The timed join on a durable store, its pairs sized for the probe's rate or `floor`
    /// (joins/s an earlier run on this backend reached), whichever is higher.
    fn durable_join(&mut self, dir: &Path, db: &Durable, floor: f64) -> Result<Outcome> {
        let (probe_s, key) = (self.cfg.probe_seconds, db.key);
        let (rate, calibration) = self.calibrate(db.name, 2_400, |this, pairs, i| {
            let all = dir.join(format!("join-probe-{i}.txt"));
            this.durable_pairs(dir, db, pairs + 1, &all)?;
            let server = this.spawn_store(&format!("{key}-probe"), dir, db, &[])?;
            let (r, _) = this.join_run(&format!("{key}-join-probe-{i}"), &server, &all, probe_s)?;
            server.stop()?;
            Ok(r)
        })?;
        // A probe of 2 s can run at half the timed run's rate on this host (5,760 against 11,017
        // joins/s in fd6481b's full run, whose timed run then ran out of pairs and repeated
        // them), so a rate this run has already seen on the backend bounds the sizing from below.
        let (main, prof) = self.pairs_for(rate.max(floor));
        let calibration = if floor > rate {
            format!("{calibration}; sized for {floor:.0} joins/s, an earlier run's rate on this backend")
        } else {
            calibration
        };
        // Profiles are taken of the SQLite join only.
        let prof = if db.url.is_none() { prof } else { 0 };
        let all = dir.join("join-all.txt");
        let fixture = self.durable_pairs(dir, db, 1 + main + prof, &all)?;
        let counts: &[usize] = if prof > 0 { &[1, main, usize::MAX] } else { &[1, usize::MAX] };
        let files = split_pairs(&all, counts)?;
        let label = format!("{key}-join");
        let server = self.spawn_store(&label, dir, db, &[])?;
        let mut o = Outcome::started(&server);
        o.notes = vec![calibration, format!("{main} pairs pre-minted for the timed run")];
        check_first_join(&server, &files[0])?;
        o.hello_cpu_us = self.paired_hello(&label, self.cfg.seconds)?;
        let pool = self.pool_probe(db, &label);
        let (r, rss) = self.timed(&label, &server, &Load::Join(files[1].clone()), self.cfg.seconds)?;
        o.peak_rss = rss;
        o.notes.extend(self.pool_note(pool, 1));
        let profiled = if prof > 0 {
            self.profiled(&label, &server, &Load::Join(files[2].clone())).unwrap_or_else(|e| {
                eprintln!("  profiling the {} join failed: {e:#}", db.name);
                None
            })
        } else {
            None
        };
        server.stop()?;
        let joined = self.joined(dir, db, &fixture)?;
        verify_joins(&mut o, r, profiled.as_ref(), Some(joined));
        Ok(o)
    }

    /// On PostgreSQL: counts the servers' database connections halfway through the timed wrk
    /// run `label` that is about to start (after it they are gone: a server closes the
    /// connection of every call still in flight when wrk disconnects).
    fn pool_probe(&self, db: &Durable, label: &str) -> PoolProbe {
        let url = db.url.clone()?;
        let log = self.cfg.work.join(format!("wrk-{label}.txt"));
        // A rerun's label is the same as the first run's: its old log would start the clock now.
        let _ = std::fs::remove_file(&log);
        let half = Duration::from_secs(u64::from(self.cfg.seconds)) / 2;
        Some(self.rt.spawn(async move {
            // The run starts when wrk prints its `Running` line (after the quiet wait).
            let deadline = Instant::now() + Duration::from_secs(QUIET_EACH_S + 120);
            while !std::fs::read_to_string(&log).is_ok_and(|t| t.contains("Running ")) {
                ensure!(Instant::now() <= deadline, "the wrk run {} did not start", log.display());
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            tokio::time::sleep(half).await;
            pg::server_connections(&url).await
        }))
    }

    fn pool_note(&self, probe: PoolProbe, servers: usize) -> Option<String> {
        let counted = self.rt.block_on(probe?).map_err(anyhow::Error::from).and_then(|r| r);
        Some(match counted {
            Ok((n, busy)) => format!(
                "halfway through the run the server{} held {n} connections to the database, {busy} of them busy \
                 (so at most {n} transactions in flight)",
                if servers > 1 { "s" } else { "" }
            ),
            Err(e) => format!("could not count the database connections: {e:#}"),
        })
    }

    fn durable_simple(&mut self, dir: &Path, db: &Durable, w: Workload) -> Result<Outcome> {
        let server = self.spawn_store(&format!("{}-{}", db.key, w.name()), dir, db, &[])?;
        let out = self.simple(&server, dir, w, db.key);
        server.stop()?;
        out
    }

    /// A fresh database on the server `admin`, listed in `made` to be dropped at the end.
    fn fresh_db(&self, admin: &str, prefix: &str, made: &mut Vec<String>) -> Result<Durable> {
        let (name, url) = self.rt.block_on(pg::create_database(admin, prefix))?;
        made.push(name);
        Ok(postgres_db(url))
    }

    fn drop_databases(&self, admin: &str, made: &[String]) {
        if let Err(e) = self.rt.block_on(pg::drop_databases(admin, made)) {
            eprintln!("  could not drop the benchmark's databases ({}): {e:#}", made.join(", "));
        }
    }

    /// Everything on PostgreSQL: pgbench's two storage-limit runs, join/reject/read on one
    /// instance, and two instances sharing one database. Each database is fresh and is dropped
    /// at the end.
    fn postgres(&mut self, admin: &str) -> Postgres {
        step("PostgreSQL: the server");
        let mut out = Postgres::default();
        let mut made = Vec::new();
        match self.rt.block_on(pg::describe(admin)) {
            Ok(info) => {
                let ServerInfo { version, fsync, synchronous_commit: sync, max_connections: max, .. } = &info;
                let pgbench = pg::pgbench_binary();
                eprintln!(
                    "  PostgreSQL {version} (fsync={fsync}, synchronous_commit={sync}, \
                     max_connections={max}), pgbench {}",
                    pgbench.display()
                );
                out.server = Some(info);
            }
            Err(e) => {
                // Nothing can run: every figure fails with the reason.
                let why = format!("{:#}", e.context("the PostgreSQL server"));
                eprintln!("  FAILED: {why}");
                (out.pgbench_one, out.pgbench_many) = (Some(Err(why.clone())), Some(Err(why.clone())));
                out.backend = Backend::failed(Outcome::failed(anyhow!(why.clone())));
                out.two.combined = Outcome::failed(anyhow!(why));
                return out;
            }
        }

        let [one, many] = [(1, 1), (PGBENCH_CLIENTS, THREADS)].map(|(clients, threads)| {
            step(&format!(
                "PostgreSQL storage limit: pgbench -c {clients} -j {threads} -T {} with the join's transaction",
                self.cfg.storage_seconds
            ));
            let dir = self.cfg.work.join(format!("pgbench-c{clients}"));
            let r = pg::run_pgbench(&self.rt, admin, &dir, clients, threads, self.cfg.storage_seconds, &mut made)
                .map_err(|e| format!("{e:#}"));
            match &r {
                Ok(p) => eprintln!(
                    "  {:.0} tx/s, average {:.2} ms, p50 {} us, p99 {} us, {} retries{}",
                    p.tps,
                    p.latency_avg_ms,
                    p.p50_us,
                    p.p99_us,
                    p.retries,
                    flagged(&p.problems)
                ),
                Err(e) => eprintln!("  failed: {e}"),
            }
            Some(r)
        });
        (out.pgbench_one, out.pgbench_many) = (one, many);

        step("PostgreSQL backend (target/release/oz-groups serve --database postgres://…)");
        out.backend = match self.fresh_db(admin, "bench_http", &mut made) {
            Ok(db) => self.durable_backend(&self.cfg.work.join("postgres"), &db),
            Err(e) => Backend::failed(Outcome::failed(e.context("creating the PostgreSQL database"))),
        };

        // The PostgreSQL joins vary most from run to run on this kind of machine (the same
        // binary measured 164 and 227 us of database CPU per join in two runs), so one and two
        // instances run PG_RUNS times each, in pairs (the order alternating against the host's
        // drift, as the rejects' pairs do), each on a fresh database; the run with the median
        // rate stands for each (its figures stay together), and the two-instance row compares
        // within pairs (`pairs`). Each instance's share of the pairs is sized from the first
        // single instance's rate: it could take all of it.
        let rate = out.backend.join.rps().unwrap_or(1000.0);
        let (mut ones, mut twos) = (vec![out.backend.join.clone()], Vec::new());
        for i in 0..PG_RUNS {
            let one_first = i % 2 == 0;
            if i == 0 {
                step(&format!(
                    "PostgreSQL, two instances on one database: wrk -t{TWO_THREADS} -c{TWO_CONNECTIONS} against each, \
                     at once"
                ));
            } else {
                let order = if one_first { "one instance, then two" } else { "two instances, then one" };
                step(&format!("PostgreSQL joins again ({} of {PG_RUNS}): {order}", i + 1));
            }
            let floor = ones.iter().filter_map(Outcome::rps).fold(0.0, f64::max);
            if i > 0 && one_first {
                ones.push(self.one_instance(admin, i, floor, &mut made));
            }
            let two = self
                .two_instances(admin, rate, &mut made)
                .unwrap_or_else(|e| TwoInstances { instances: Vec::new(), combined: Outcome::failed(e) });
            report_outcome("join (PostgreSQL, two instances)", &two.combined);
            twos.push(two);
            if !one_first {
                ones.push(self.one_instance(admin, i, floor, &mut made));
            }
        }
        let rps = |o: &Outcome| o.rps().unwrap_or(0.0);
        out.pairs = ones.iter().zip(&twos).map(|(o, t)| (rps(o), rps(&t.combined))).collect();
        out.backend.join = median_run(ones, |o| o);
        out.two = median_run(twos, |t| &mut t.combined);
        self.drop_databases(admin, &made);
        out
    }

    /// One instance's timed join on a fresh database (the `i`-th pair's, after the first).
    fn one_instance(&mut self, admin: &str, i: usize, floor: f64, made: &mut Vec<String>) -> Outcome {
        let dir = self.cfg.work.join(format!("postgres-join-{i}"));
        let one = self
            .fresh_db(admin, "bench_join", made)
            .context("creating the PostgreSQL database")
            .and_then(|db| self.durable_join(&dir, &db, floor));
        reported("join (PostgreSQL)", one)
    }

    fn two_instances(&mut self, admin: &str, rate: f64, made: &mut Vec<String>) -> Result<TwoInstances> {
        let db = self.fresh_db(admin, "bench_two", made)?;
        let dir = self.cfg.work.join("postgres-two");
        let (share, _) = self.pairs_for(rate);
        let all = dir.join("join-all.txt");
        std::fs::create_dir_all(&dir)?;
        let fixture = self.durable_pairs(&dir, &db, 2 + 2 * share, &all)?;
        let files = split_pairs(&all, &[1, 1, share, usize::MAX])?;
        // Each instance runs on its share of the cores (as under a container's CPU limit): as many
        // runtime workers in all as the one instance had, not twice as many fighting over them.
        // And with its share of the database's connections, as an operator sizes the pools of
        // instances that share one database: as many in all as the one instance had.
        let (workers, pool_size) = ((cores() / 2).max(1), (POOL_SIZE / 2).max(1));
        let env = [("TOKIO_WORKER_THREADS", workers.to_string()), ("OZ_DATABASE_POOL_SIZE", pool_size.to_string())];
        let labels = ["postgres-two-a", "postgres-two-b"];
        let servers = [self.spawn_store(labels[0], &dir, &db, &env)?, self.spawn_store(labels[1], &dir, &db, &env)?];
        servers.iter().zip(&files).try_for_each(|(server, file)| check_first_join(server, file))?;
        let shape = Shape { threads: TWO_THREADS, connections: TWO_CONNECTIONS, database_cpu: true };
        let seconds = self.cfg.seconds;
        wait_for_quiet(Duration::from_secs(QUIET_EACH_S), QUIET_PCT);
        let pool = self.pool_probe(&db, labels[0]);
        let wrk = &self.wrk;
        let runs: Vec<Result<WrkResult>> = std::thread::scope(|scope| {
            let handles = [0, 1].map(|i| {
                let (addr, pid, load) = (servers[i].addr.clone(), servers[i].pid(), Load::Join(files[2 + i].clone()));
                scope.spawn(move || wrk.run(labels[i], &addr, &load, seconds, pid, shape))
            });
            handles.into_iter().map(|h| h.join().unwrap_or_else(|_| Err(anyhow!("a wrk thread panicked")))).collect()
        });
        let rss: Vec<Option<u64>> = servers.iter().map(|s| peak_rss(s.pid())).collect();
        let pool = self.pool_note(pool, servers.len());
        servers.into_iter().try_for_each(|server| server.stop().map(drop))?;
        let results = runs.into_iter().collect::<Result<Vec<_>>>()?;
        let joined = self.joined(&dir, &db, &fixture)?;

        let instances: Vec<Outcome> =
            results.iter().zip(&rss).map(|(r, rss)| Outcome::checked(r.clone(), *rss, join_problems)).collect();
        let combined_wrk = WrkResult::concurrent(&results);
        let mut combined = Outcome {
            peak_rss: rss.iter().flatten().copied().max(),
            notes: vec![format!(
                "{share} pairs pre-minted for each instance; each instance's wrk: -t{TWO_THREADS} -c{TWO_CONNECTIONS}; \
                 each instance with TOKIO_WORKER_THREADS={workers} and OZ_DATABASE_POOL_SIZE={pool_size} (its share of \
                 the cores and of the database connections one instance has)"
            )],
            problems: join_problems(&combined_wrk),
            ..Outcome::default()
        };
        combined.notes.extend(pool);
        let counted = 2 + combined_wrk.ok();
        if joined >= counted && joined <= counted + 2 * u64::from(TWO_CONNECTIONS) {
            combined.notes.push(format!(
                "verified: the database holds {joined} new memberships for {counted} 2xx answers from both instances \
                 (201 checked on the first of each)"
            ));
        } else {
            combined.problems.push(format!(
                "the database holds {joined} new memberships but the two wrks counted {counted} 2xx answers"
            ));
        }
        combined.wrk = Some(combined_wrk);
        Ok(TwoInstances { instances, combined })
    }

    /// The hierarchy on SQLite, then on PostgreSQL when there is one.
    fn hierarchies(&mut self) -> Vec<(String, Result<HierarchyResults, String>)> {
        let mut out = Vec::new();
        let mut stores = vec![SQLITE];
        let mut made = Vec::new();
        let admin = self.cfg.postgres_url.clone();
        if let Some(admin) = &admin {
            match self.fresh_db(admin, "bench_hierarchy", &mut made) {
                Ok(db) => stores.push(db),
                Err(e) => out.push(("PostgreSQL".to_owned(), Err(format!("{e:#}")))),
            }
        }
        for db in stores {
            step(&format!(
                "hierarchy on {}: {GROUPS} groups {DEPTH} levels deep, {USERS} users, a \
                 {SUBTREE}-group subtree linked and unlinked",
                db.name
            ));
            let r = self.hierarchy(&self.cfg.work.join(format!("hierarchy-{}", db.key)), &db);
            let r = r.map_err(|e| format!("{e:#}"));
            if let Err(e) = &r {
                eprintln!("  failed: {e}");
            }
            out.push((db.name.to_owned(), r));
        }
        if let Some(admin) = &admin {
            self.drop_databases(admin, &made);
        }
        out
    }

    fn hierarchy(&mut self, dir: &Path, db: &Durable) -> Result<HierarchyResults> {
        let app = self.store_app(dir, db)?;
        let loaded = self.rt.block_on(hierarchy::load(&app))?;
        let l = &loaded.load;
        eprintln!("  loaded {} ({:.0} writes/s)", l.summary(), l.writes as f64 / l.seconds.max(1e-9));
        let file = |name: &str, user: &oz_groups::domain::User| -> Result<(PathBuf, String)> {
            let token = self.rt.block_on(app.mint_access_token(&user.id))?;
            let path = dir.join(name);
            token_file(&path, &token)?;
            Ok((path, token))
        };
        let (direct_file, direct) = file("direct.txt", &loaded.direct)?;
        let (deep_file, deep) = file("deep.txt", &loaded.deep)?;
        let (_, middle) = file("middle.txt", &loaded.middle.0)?;
        let (_, root) = file("root.txt", &loaded.subtree.0)?;
        drop(app);
        // As before the joins (`pg::settle`): the load's vacuum, statistics and checkpoint are
        // not the checks' or the links'. Without it the first unlink after the load was the
        // slowest (4.8 s in one full run, the next four 72-495 ms; 1.1 s in a run of this part
        // alone); with it, four runs of this part alone gave at most 778 ms, but a full run
        // still 1,112 ms: the settling is the method, not the cure for that unlink.
        if let Some(url) = &db.url {
            self.rt.block_on(pg::settle(url))?;
        }

        let label = |what: &str| format!("{}-hierarchy-{what}", db.key);
        let server = self.spawn_store(&label("server"), dir, db, &[])?;
        let (top, mid, sub) = (loaded.top.as_str(), loaded.middle.1.as_str(), loaded.subtree.1.as_str());
        let call = |method: &str, path: &str, token: &str, body: Option<&str>| {
            smoke::request(&server.addr, method, &format!("{}{path}", smoke::API), Some(token), body)
        };
        // A reply that must have `status`, its body.
        let expect = |reply: smoke::Reply, status: u16, what: &str| -> Result<String> {
            ensure!(reply.status == status, "{what} answered {}: {}", reply.status, reply.body.trim());
            Ok(reply.body)
        };
        let get = |path: &str, token: &str, what: &str| expect(call("GET", path, token, None)?, 200, what);
        get(&format!("/groups/{top}"), &deep, "the deepest member's GET /groups/{top}")?;
        let users = get(&format!("/groups/{top}/effective_users"), &direct, "GET /groups/{top}/effective_users")?;
        let effective_count = users.matches("\",").count() + usize::from(users.contains("\"]"));

        let run = |what: &str, file: &Path, path: String, connections: u32| -> Outcome {
            let shape = Shape { connections, database_cpu: db.url.is_some(), ..Shape::default() };
            wait_for_quiet(Duration::from_secs(QUIET_EACH_S), QUIET_PCT);
            let load = Load::List(file.to_path_buf(), path);
            let r = self.wrk.run(&label(what), &server.addr, &load, self.cfg.scale_seconds, server.pid(), shape);
            r.map_or_else(Outcome::failed, |r| Outcome::checked(r, peak_rss(server.pid()), plain_problems))
        };
        let check_direct = run("check-direct", &direct_file, format!("/groups/{top}"), CONNECTIONS);
        let check_deep = run("check-deep", &deep_file, format!("/groups/{top}"), CONNECTIONS);
        // Each answer lists every user of the hierarchy: one request per wrk thread at a time,
        // so that the figures are a request's own time, not a queue's.
        let effective_users = run("effective-users", &direct_file, format!("/groups/{top}/effective_users"), THREADS);

        let (mut link_ms, mut unlink_ms) = (Vec::new(), Vec::new());
        for _ in 0..LINK_ROUNDS {
            let minted = call("POST", &format!("/groups/{mid}/nested/token"), &middle, Some("{}"))?;
            let token = minted.body.split_once("\"token\":\"").and_then(|(_, rest)| rest.split('"').next());
            let (status, text) = (minted.status, minted.body.trim());
            let token = token.ok_or_else(|| anyhow!("minting a nested invite answered {status}: {text}"))?;
            let started = Instant::now();
            let body = format!("{{\"token\":\"{token}\"}}");
            let linked = call("POST", &format!("/groups/{sub}/nested/join"), &root, Some(&body))?;
            link_ms.push(started.elapsed().as_secs_f64() * 1e3);
            expect(linked, 201, "linking the subtree")?;
            let started = Instant::now();
            let unlinked = call("DELETE", &format!("/groups/{mid}/nested/{sub}"), &middle, None)?;
            unlink_ms.push(started.elapsed().as_secs_f64() * 1e3);
            expect(unlinked, 204, "unlinking the subtree")?;
        }
        server.stop()?;
        report_outcome("privilege check, direct member (hierarchy)", &check_direct);
        report_outcome("privilege check, deepest member (hierarchy)", &check_deep);
        report_outcome("effective users of the top group (hierarchy)", &effective_users);
        eprintln!("  {effective_count} effective users; subtree link {link_ms:.1?} ms, unlink {unlink_ms:.1?} ms");
        let load = loaded.load;
        Ok(HierarchyResults { load, check_direct, check_deep, effective_users, effective_count, link_ms, unlink_ms })
    }

    fn scale(&mut self) -> Result<ScaleResults> {
        let dir = self.cfg.work.join("scale");
        let app = self.store_app(&dir, &SQLITE)?;
        let (asked, budget) = ((self.cfg.scale_groups, self.cfg.scale_memberships), self.cfg.scale_budget_s);
        let loaded = self.rt.block_on(scale::load(&app, asked.0, asked.1, budget))?;
        let ScaleLoad { users, groups, memberships, seconds, cut_short, .. } = &loaded.load;
        eprintln!(
            "  loaded {users} users, {groups} groups, {memberships} memberships in {seconds:.0} s \
             ({:.0} writes/s){}",
            loaded.load.writes_per_second(),
            if *cut_short { " — cut short by the time budget" } else { "" }
        );
        // Access tokens for readers spread over the store, and join pairs into its groups.
        let creators = &loaded.creators;
        ensure!(!creators.is_empty(), "the scale load made no group within its budget");
        let step = (creators.len() / self.cfg.read_users).max(1);
        let mut out = BufWriter::new(std::fs::File::create(dir.join("read.txt"))?);
        for (user, _) in creators.iter().step_by(step).take(self.cfg.read_users) {
            writeln!(out, "{}", self.rt.block_on(app.mint_access_token(&user.id))?)?;
        }
        out.flush()?;
        // The zone admin who lists every group, and where the page starts: the cursor of the
        // group created halfway through the load (sequence numbers start at 1).
        let (_, admin_token) = self.rt.block_on(app.create_user(name("scale admin")?, true))?;
        token_file(&dir.join("list.txt"), &admin_token)?;
        let middle = oz_groups::domain::Cursor::from_seq((loaded.load.groups / 2).max(1));
        let page_path = format!("/groups?limit={LIST_PAGE}&after={middle}");
        let rate = self.results.sqlite.join.rps().unwrap_or(1000.0);
        let pairs = (rate * f64::from(self.cfg.scale_seconds) * 1.5) as usize + 500;
        let targets: Vec<_> = creators.iter().step_by((creators.len() / 1000).max(1)).cloned().collect();
        let all = dir.join("join-all.txt");
        self.rt.block_on(seed::join_pairs_into(&app, &targets, pairs + 1, &all))?;
        drop(app);
        let mut load = loaded.load;
        let size = |file: &str| std::fs::metadata(dir.join(file)).map_or(0, |m| m.len());
        load.db_bytes = size("oz-groups.db") + size("oz-groups.db-wal");

        // A restart on the loaded data dir for each run: start-up time and RSS, then short runs.
        let join = reported("join (scale)", self.scale_join(&dir, &all));
        let read = reported("read (scale)", self.scale_read(&dir));
        let list_whole = reported("list, whole (scale)", self.scale_list(&dir, "scale-list-whole", "/groups"));
        let list_page = reported("list, page (scale)", self.scale_list(&dir, "scale-list-page", &page_path));
        Ok(ScaleResults { load, join, read, list_whole, list_page })
    }

    fn scale_join(&mut self, dir: &Path, all: &Path) -> Result<Outcome> {
        let server = self.spawn_store("scale-join", dir, &SQLITE, &[])?;
        let o = Outcome::started(&server);
        let (r, peak_rss) = self.join_run("scale-join", &server, all, self.cfg.scale_seconds)?;
        server.stop()?;
        Ok(Outcome { problems: join_problems(&r), wrk: Some(r), peak_rss, ..o })
    }

    fn scale_read(&mut self, dir: &Path) -> Result<Outcome> {
        let server = self.spawn_store("scale-read", dir, &SQLITE, &[])?;
        let o = Outcome::started(&server);
        let out = self.simple(&server, dir, Workload::Read, "scale");
        server.stop()?;
        Ok(Outcome { startup: o.startup, rss_at_start: o.rss_at_start, ..out? })
    }

    /// `GET path` as the zone admin, whose token is in `list.txt`.
    fn scale_list(&mut self, dir: &Path, label: &str, path: &str) -> Result<Outcome> {
        let server = self.spawn_store(label, dir, &SQLITE, &[])?;
        let load = Load::List(dir.join("list.txt"), path.to_owned());
        let (r, rss) = self.timed(label, &server, &load, self.cfg.scale_seconds)?;
        server.stop()?;
        Ok(Outcome::checked(r, rss, plain_problems))
    }
}

/// The run with the median requests/s of `runs` (a failed run counts as the slowest), with a
/// note listing every run's rate and database CPU, so that the spread is in the results. The
/// other runs' failures and problems become its problems: their rates chose the median and
/// enter the pairs, so a doubt about any run is a doubt about the figure.
fn median_run<T>(runs: Vec<T>, outcome: impl Fn(&mut T) -> &mut Outcome) -> T {
    let rate = |o: &Outcome| o.rps().unwrap_or(0.0);
    let mut keyed: Vec<(f64, T)> = runs.into_iter().map(|mut r| (rate(outcome(&mut r)), r)).collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mid = keyed.len() / 2;
    let (mut listed, mut others) = (Vec::new(), Vec::new());
    for (i, (rps, r)) in keyed.iter_mut().enumerate() {
        let o = outcome(r);
        let db = o.wrk.as_ref().and_then(WrkResult::db_us_per_request);
        let db = db.map_or(String::new(), |d| format!(" ({d:.0} us database CPU per join)"));
        listed.push(format!("{rps:.0}/s{db}"));
        if i != mid {
            others.extend(o.error.iter().map(|e| format!("another run failed: {e}")));
            others.extend(o.problems.iter().map(|p| format!("the {rps:.0}/s run: {p}")));
        }
    }
    let (n, listed) = (listed.len(), listed.join(", "));
    let (_, mut median) = keyed.swap_remove(mid);
    let o = outcome(&mut median);
    o.notes.push(format!("the median of {n} runs by rate; all runs, slowest first: {listed}"));
    o.problems.extend(others);
    median
}

/// A store on disk that `oz-groups serve` runs on: SQLite in the data dir (`SQLITE`), or a
/// PostgreSQL database (`url`). `key` is the prefix of its labels, logs and files.
#[derive(Clone, Debug)]
struct Durable {
    name: &'static str,
    key: &'static str,
    url: Option<String>,
}

const SQLITE: Durable = Durable { name: "SQLite", key: "sqlite", url: None };

fn postgres_db(url: String) -> Durable {
    Durable { name: "PostgreSQL", key: "postgres", url: Some(url) }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Workload {
    Reject,
    Read,
}

impl Workload {
    /// Its labels, its token file and its `serve-memory` flag.
    fn name(self) -> &'static str {
        match self {
            Workload::Reject => "reject",
            Workload::Read => "read",
        }
    }
}

/// The join pair on the first line of `file` must answer 201 (it is not part of the timed run).
fn check_first_join(server: &Server, file: &Path) -> Result<()> {
    let line = first_line(file)?;
    let (access, invite) = line.split_once(' ').ok_or_else(|| anyhow!("bad line in {}", file.display()))?;
    smoke::check_join(&server.addr, access, invite)
}

fn first_line(file: &Path) -> Result<String> {
    let f = std::fs::File::open(file).with_context(|| format!("cannot open {}", file.display()))?;
    BufReader::new(f).lines().next().transpose()?.ok_or_else(|| anyhow!("{} is empty", file.display()))
}

/// A token file with `token` once per wrk thread: each thread takes its own lines of the file.
fn token_file(path: &Path, token: &str) -> Result<()> {
    Ok(std::fs::write(path, format!("{token}\n").repeat(THREADS as usize))?)
}

/// Splits `src`'s lines into files `STEM-partN.txt` next to it with `counts[N]` lines each
/// (`usize::MAX`: the rest).
fn split_pairs(src: &Path, counts: &[usize]) -> Result<Vec<PathBuf>> {
    let stem = src.file_stem().and_then(|s| s.to_str()).unwrap_or("pairs");
    let mut lines = BufReader::new(std::fs::File::open(src)?).lines();
    let mut files = Vec::new();
    for (i, &count) in counts.iter().enumerate() {
        let path = src.with_file_name(format!("{stem}-part{i}.txt"));
        let mut out = BufWriter::new(std::fs::File::create(&path)?);
        let mut written = 0usize;
        for line in lines.by_ref().take(count) {
            writeln!(out, "{}", line?)?;
            written += 1;
        }
        out.flush()?;
        ensure!(written > 0, "{} has too few lines for {counts:?}", src.display());
        files.push(path);
    }
    Ok(files)
}

/// Every response must be 2xx/3xx, no socket errors.
fn plain_problems(r: &WrkResult) -> Vec<String> {
    let problems = [
        (r.status_errors > 0).then(|| format!("{} responses with status ≥ 400", r.status_errors)),
        (r.socket_errors > 0).then(|| format!("{} socket errors or timeouts", r.socket_errors)),
        (r.requests == 0).then(|| "no request was answered within the run".to_owned()),
    ];
    problems.into_iter().flatten().collect()
}

fn join_problems(r: &WrkResult) -> Vec<String> {
    let mut problems = plain_problems(r);
    if r.wrapped > 0 {
        problems.push("the pre-minted pairs ran out (tokens were reused)".to_owned());
    }
    problems
}

/// A forged invite must never be accepted: every answer a 4xx, no socket errors.
fn reject_problems(r: &WrkResult) -> Vec<String> {
    let problems = [
        (r.ok() > 0).then(|| format!("{} forged invites were accepted", r.ok())),
        (r.socket_errors > 0).then(|| format!("{} socket errors or timeouts", r.socket_errors)),
    ];
    problems.into_iter().flatten().collect()
}

/// Checks the run's 2xx count against the memberships the server actually added: the smoke
/// join, the timed run and the profiling run, plus at most one request in flight per
/// connection when each wrk run stopped. The run becomes `o`'s figures.
fn verify_joins(o: &mut Outcome, r: WrkResult, profiled: Option<&WrkResult>, joined: Option<u64>) {
    o.problems.extend(join_problems(&r));
    if r.borrowed > 0 {
        o.notes.push(format!("one wrk thread ran ahead and took {} pairs from the other's share", r.borrowed));
    }
    let counted = 1 + r.ok() + profiled.map_or(0, WrkResult::ok);
    let slack = (1 + u64::from(profiled.is_some())) * u64::from(CONNECTIONS);
    match joined {
        Some(j) if j >= counted && j <= counted + slack => o.notes.push(format!(
            "verified: the store holds {j} new memberships for {counted} 2xx answers (201 checked on the first)"
        )),
        Some(j) => {
            o.problems.push(format!("the store holds {j} new memberships but wrk counted {counted} 2xx answers"))
        }
        None => o.problems.push("the server did not report how many joins it made".to_owned()),
    }
    o.wrk = Some(r);
}

fn step(what: &str) {
    eprintln!("\n== {what}");
}

/// " — PROBLEMS: …" after a run's figures on stderr, when it had any.
fn flagged(problems: &[String]) -> String {
    if problems.is_empty() {
        String::new()
    } else {
        format!(" — PROBLEMS: {}", problems.join("; "))
    }
}

fn report_outcome(what: &str, o: &Outcome) {
    match (&o.wrk, &o.error) {
        (Some(r), _) => eprintln!(
            "  {what}: {:.0} req/s, p50 {:.2} ms, p99 {:.2} ms, peak RSS {:.1} MiB{}",
            r.rps(),
            ms(r.p50_us),
            ms(r.p99_us),
            o.peak_rss.unwrap_or(0) as f64 / 1048576.0,
            flagged(&o.problems)
        ),
        (None, Some(e)) => eprintln!("  {what}: FAILED: {e}"),
        (None, None) => eprintln!("  {what}: no result"),
    }
}

/// A workload's outcome (failed: with the reason), reported on stderr.
fn reported(what: &str, r: Result<Outcome>) -> Outcome {
    let o = r.unwrap_or_else(Outcome::failed);
    report_outcome(what, &o);
    o
}

fn machine() -> Machine {
    let cmd = |program: &str, args: &[&str]| {
        crate::procs::run_with_timeout(program, args, Duration::from_secs(20))
            .map(|(_, out)| out.trim().to_owned())
            .unwrap_or_default()
    };
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu_model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')).map(|(_, v)| v.trim().to_owned()))
        .unwrap_or_else(|| "unknown".to_owned());
    let wrk_version = cmd("wrk", &["-v"]);
    let wrk_version = wrk_version.lines().next().unwrap_or("").split(" Copyright").next().unwrap_or("");
    Machine {
        cores: cores(),
        cpu_model,
        memory_bytes: crate::procs::kb_field("/proc/meminfo", "MemTotal").unwrap_or(0),
        kernel: std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default().trim().to_owned(),
        date: cmd("date", &["-u", "+%Y-%m-%d %H:%M UTC"]),
        wrk_version: wrk_version.trim().to_owned(),
        commit: cmd("git", &["rev-parse", "HEAD"]),
        dirty: !cmd("git", &["status", "--porcelain", "--untracked-files=no"]).is_empty(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(rps: f64, problems: &[&str]) -> Outcome {
        let wrk = WrkResult { requests: rps as u64, seconds: 1.0, ..WrkResult::default() };
        Outcome { wrk: Some(wrk), problems: problems.iter().map(|p| (*p).to_owned()).collect(), ..Outcome::default() }
    }

    #[test]
    fn the_median_run_carries_the_problems_of_the_runs_it_was_chosen_from() {
        // fd6481b's full run: the fastest one-instance run had run out of pairs, and the
        // figure reported (the median run) said nothing of it.
        let runs = vec![run(10951.0, &[]), run(11017.0, &["the pre-minted pairs ran out"]), run(10390.0, &[])];
        let median = median_run(runs, |o| o);
        assert_eq!(median.rps(), Some(10951.0));
        assert_eq!(median.problems, ["the 11017/s run: the pre-minted pairs ran out"]);

        let failed = Outcome::failed(anyhow!("no database"));
        let median = median_run(vec![run(2.0, &[]), failed, run(3.0, &[])], |o| o);
        assert_eq!(median.rps(), Some(2.0));
        assert_eq!(median.problems, ["another run failed: no database"]);
    }

    #[test]
    fn a_clean_set_of_runs_has_no_problems() {
        let median = median_run(vec![run(3.0, &[]), run(1.0, &[]), run(2.0, &[])], |o| o);
        assert_eq!(median.rps(), Some(2.0));
        assert!(median.problems.is_empty());
        assert!(median.notes[0].starts_with("the median of 3 runs by rate; all runs, slowest first: 1/s, 2/s, 3/s"));
    }
}
