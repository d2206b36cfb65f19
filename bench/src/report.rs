//! The results: `bench/results.md` (every figure, its ratio to its limit, the targets with
//! PASS/MISS and by how much, and what bounds each miss, from the CPU split and the profiles;
//! PostgreSQL's figures with informational ratios only) and `bench/results.svg` (the same
//! figures as bar charts, drawn by hand).

use std::fmt::Write as _;

use crate::orchestrate::{
    Config, Outcome, PgSection, Postgres, ProfileRun, Results, ScaleResults, PGBENCH_CLIENTS, PGBENCH_THREADS,
    TWO_CONNECTIONS, TWO_THREADS,
};
use crate::postgres::{PgbenchResult, SKIPPED};
use crate::profile;
use crate::storage::StorageResult;
use crate::wrk::{WrkResult, CONNECTIONS, REQUEST_TIMEOUT_S, THREADS};

/// Writes both files and prints the tables; `true` when some workload produced no figures.
pub fn write(r: &Results, cfg: &Config) -> anyhow::Result<bool> {
    std::fs::create_dir_all(&cfg.out)?;
    let targets = targets(r);
    let md = markdown(r, cfg, &targets);
    std::fs::write(cfg.out.join("results.md"), &md)?;
    std::fs::write(cfg.out.join("results.svg"), svg(r))?;
    println!("\n{md}");
    println!("wrote {} and {}", cfg.out.join("results.md").display(), cfg.out.join("results.svg").display());
    // Only the parts that were asked for (`--only`) count; a skipped PostgreSQL is no failure.
    let mut outcomes = Vec::new();
    if cfg.runs("baseline") {
        outcomes.push(&r.baseline);
    }
    for (part, b) in [("memory", &r.memory), ("sqlite", &r.sqlite)] {
        if cfg.runs(part) {
            outcomes.extend([&b.join, &b.reject, &b.read]);
        }
    }
    let mut pgbench_failed = false;
    if let PgSection::Ran(p) = &r.postgres {
        outcomes.extend([&p.backend.join, &p.backend.reject, &p.backend.read, &p.two.combined]);
        pgbench_failed = [&p.pgbench_one, &p.pgbench_many].iter().any(|b| matches!(b, Some(Err(_))));
    }
    if matches!(r.postgres, PgSection::Skipped) {
        eprintln!("*** {SKIPPED} (see {}) ***", cfg.out.join("results.md").display());
    }
    let scale_failed = matches!(&r.scale, Some(Err(_)));
    let storage_failed = matches!(&r.storage, Some(Err(_)));
    Ok(outcomes.iter().any(|o| o.wrk.is_none()) || scale_failed || storage_failed || pgbench_failed)
}

fn postgres_ran(r: &Results) -> Option<&Postgres> {
    match &r.postgres {
        PgSection::Ran(p) => Some(p),
        _ => None,
    }
}

fn pgbench_ok(b: &Option<Result<PgbenchResult, String>>) -> Option<&PgbenchResult> {
    b.as_ref().and_then(|b| b.as_ref().ok())
}

// --- targets ---------------------------------------------------------------------------------

pub struct Target {
    pub name: String,
    pub measured: String,
    pub pass: bool,
    pub verdict: String,
    /// The analysis of a miss: what bounds it.
    pub why: Vec<String>,
}

fn storage_ok(r: &Results) -> Option<&StorageResult> {
    r.storage.as_ref().and_then(|s| s.as_ref().ok())
}

/// Why a figure cannot be judged: no figures, or a run with problems.
fn invalid(o: &Outcome) -> Option<String> {
    if let Some(e) = &o.error {
        return Some(format!("no figures: {e}"));
    }
    if o.wrk.is_none() {
        return Some("no figures".to_owned());
    }
    (!o.problems.is_empty()).then(|| format!("the run is not valid: {}", o.problems.join("; ")))
}

fn ratio_target(name: &str, o: &Outcome, limit: Option<f64>, limit_name: &str, min: f64) -> Target {
    let rps = o.rps();
    let (Some(rps), Some(limit)) = (rps, limit.filter(|l| *l > 0.0)) else {
        return Target {
            name: name.to_owned(),
            measured: "–".to_owned(),
            pass: false,
            verdict: format!("**MISS** ({})", invalid(o).unwrap_or_else(|| format!("no {limit_name} to compare with"))),
            why: Vec::new(),
        };
    };
    let ratio = rps / limit;
    let as_pct = min < 1.5;
    let measured = if as_pct {
        format!("{:.1}% of {limit_name} ({} / {})", 100.0 * ratio, rate(rps), rate(limit))
    } else {
        format!("{ratio:.2}× {limit_name} ({} / {})", rate(rps), rate(limit))
    };
    let pass = ratio >= min && invalid(o).is_none();
    let verdict = if let Some(why) = invalid(o) {
        format!("**MISS** ({why})")
    } else if pass {
        if as_pct {
            format!("**PASS** ({:.1} points above)", 100.0 * (ratio - min))
        } else {
            format!("**PASS** ({:.2}× above)", ratio - min)
        }
    } else if as_pct {
        format!(
            "**MISS** by {:.1} points: the rate would have to rise ×{:.2} (to {})",
            100.0 * (min - ratio),
            min / ratio.max(1e-9),
            rate(min * limit)
        )
    } else {
        format!(
            "**MISS** by {:.2}×: the rate would have to rise ×{:.2} (to {})",
            min - ratio,
            min / ratio.max(1e-9),
            rate(min * limit)
        )
    };
    Target { name: name.to_owned(), measured, pass, verdict, why: Vec::new() }
}

pub fn targets(r: &Results) -> Vec<Target> {
    let baseline = if r.baseline.valid() { r.baseline.rps() } else { None };
    let storage = storage_ok(r).map(StorageResult::tps);
    let mut t = vec![
        ratio_target("join on the memory store ≥ 50% of baseline", &r.memory.join, baseline, "baseline", 0.5),
        ratio_target("reject ≥ 80% of baseline (memory)", &r.memory.reject, baseline, "baseline", 0.8),
        ratio_target("reject ≥ 80% of baseline (SQLite)", &r.sqlite.reject, baseline, "baseline", 0.8),
        ratio_target(
            "durable join on SQLite ≥ 2× the single-writer SQLite transaction rate",
            &r.sqlite.join,
            storage,
            "storage limit",
            2.0,
        ),
    ];
    let name = format!("p99 ≤ 10 ms for join on SQLite at {CONNECTIONS} connections");
    t.push(match (&r.sqlite.join.wrk, invalid(&r.sqlite.join)) {
        (Some(w), None) => {
            let p99 = w.p99_us as f64 / 1000.0;
            let pass = p99 <= 10.0;
            Target {
                name,
                measured: format!("p99 {}", ms(w.p99_us)),
                pass,
                verdict: if pass {
                    format!("**PASS** ({:.1} ms to spare)", 10.0 - p99)
                } else {
                    format!("**MISS** by {:.1} ms ({:.1}× the target)", p99 - 10.0, p99 / 10.0)
                },
                why: Vec::new(),
            }
        }
        (_, why) => Target {
            name,
            measured: "–".to_owned(),
            pass: false,
            verdict: format!("**MISS** ({})", why.unwrap_or_default()),
            why: Vec::new(),
        },
    });
    // What bounds each miss.
    let profile = |label: &str| r.profiles.iter().find(|p| p.label == label);
    if let (Some(b), Some(j)) = (&r.baseline.wrk, &r.memory.join.wrk) {
        t[0].why = cpu_bound_analysis("join", b, j, profile("memory-join"));
    }
    if let (Some(b), Some(j)) = (&r.baseline.wrk, &r.memory.reject.wrk) {
        t[1].why = cpu_bound_analysis("reject", b, j, profile("memory-reject"));
    }
    if let (Some(b), Some(j)) = (&r.baseline.wrk, &r.sqlite.reject.wrk) {
        t[2].why = cpu_bound_analysis("reject", b, j, profile("sqlite-reject"));
    }
    if let (Some(m), Some(q)) = (&r.memory.reject.wrk, &r.sqlite.reject.wrk) {
        let (mem_us, sql_us) = (m.cpu_us_per_request().0, q.cpu_us_per_request().0);
        t[2].why.push(format!(
            "The same reject on the memory store costs the server {mem_us:.0} µs: the other {:.0} µs per request \
             are the caller's authentication against SQLite (`App::authenticate` reads the access token's record \
             and its user in one statement, `Store::token_and_user`, a trip to tokio's blocking pool and back: \
             two thread wake-ups, which is what the kernel's `finish_task_switch` and spin-unlock samples are). \
             The forged invite itself is refused on its signature, without a store access.",
            sql_us - mem_us
        ));
    }
    if let Some(j) = &r.sqlite.join.wrk {
        t[3].why = durable_analysis(j, storage_ok(r), profile("sqlite-join"), r.memory.join.rps());
        t[4].why = latency_analysis(j, storage_ok(r), profile("sqlite-join"), r.memory.join.wrk.as_ref());
    }
    t
}

fn top_symbols(p: &ProfileRun, n: usize) -> String {
    p.profile
        .server_symbols
        .iter()
        .take(n)
        .map(|(pct, s)| format!("`{}` {pct:.1}%", clean_symbol(s)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `[.] name` / `[k] name` from perf into `name` (user) or `kernel: name`.
fn clean_symbol(s: &str) -> String {
    let s = s.trim();
    let (kernel, name) = match s.split_once("] ") {
        Some((tag, rest)) => (tag.contains('k'), rest.trim()),
        None => (false, s),
    };
    let name: String = name.chars().take(90).collect();
    if kernel {
        format!("kernel: {name}")
    } else {
        name
    }
}

fn command_split(p: &ProfileRun) -> String {
    p.profile.by_command.iter().take(5).map(|(pct, c)| format!("{c} {pct:.0}%")).collect::<Vec<_>>().join(", ")
}

/// For a run that shares the 2 cores with wrk: compares CPU per request with the baseline.
fn cpu_bound_analysis(what: &str, base: &WrkResult, run: &WrkResult, p: Option<&ProfileRun>) -> Vec<String> {
    let (hs, hw) = base.cpu_us_per_request();
    let (js, jw) = run.cpu_us_per_request();
    let predicted = (hs + hw) / (js + jw).max(1e-9);
    let mut why = vec![format!(
        "The machine was {:.0}% idle during the {what} run ({:.0}% during the baseline): the rate is bound by CPU, \
         and wrk shares the {} cores with the server. Per request the server spent {js:.0} µs of CPU on a {what} \
         against {hs:.0} µs on a hello, and wrk {jw:.0} µs against {hw:.0} µs. With the cores as the only limit \
         the {what} would reach (hello + wrk) / ({what} + wrk) = {predicted:.2} of the baseline; measured: {:.2}.",
        run.idle_pct,
        base.idle_pct,
        crate_nproc(),
        run.rps() / base.rps().max(1e-9),
    )];
    if let Some(p) = p {
        why.push(format!(
            "Profile ({} s of cpu-clock samples on all cores during a second run at {} requests/s): {}. The server spent \
             {:.0}% of its samples in the kernel (loopback TCP, wake-ups). Hottest code in the server: {}.",
            profile::SAMPLE_S,
            thousands(p.wrk.rps().round() as u64),
            command_split(p),
            p.profile.server_kernel_pct,
            top_symbols(p, 6)
        ));
    }
    why
}

fn durable_analysis(
    j: &WrkResult,
    storage: Option<&StorageResult>,
    p: Option<&ProfileRun>,
    memory: Option<f64>,
) -> Vec<String> {
    let mut why = vec![format!(
        "During the durable join run the machine was {:.0}% idle and {:.0}% in iowait, and the server used {:.2} \
         of its {:.1} s in CPU: {}",
        j.idle_pct,
        j.iowait_pct,
        j.server_cpu,
        j.seconds,
        if j.idle_pct + j.iowait_pct > 30.0 {
            "the server is not short of CPU, it waits for its commits to reach the disk."
        } else {
            "the CPU is busy, so the join's own work (not only the disk) bounds it."
        }
    )];
    if let Some(s) = storage {
        why.push(format!(
            "One join committed on its own takes {} at p50 here ({} at p99), so a single writer that commits each \
             join separately manages {}; the HTTP join reached {}{}.",
            ms(s.p50_us),
            ms(s.p99_us),
            rate_unit(s.tps(), "tx/s"),
            rate(j.rps()),
            memory.map(|m| format!(" (the memory store, with no disk, {})", rate(m))).unwrap_or_default()
        ));
    }
    if let Some(p) = p {
        if let Some(syncs) = p.profile.syncs {
            let joins = p.wrk.rps() * f64::from(profile::SAMPLE_S);
            let per_sync = joins / (syncs.max(1) as f64);
            why.push(format!(
                "In the {} s profiling window the server made {syncs} fsync/fdatasync calls for about {:.0} joins: \
                 {per_sync:.2} joins per sync. {}",
                profile::SAMPLE_S,
                joins,
                if per_sync < 1.5 {
                    "Each join pays for its own sync: the writes are not batched, so the rate cannot go beyond one \
                     commit per sync latency, whatever the concurrency. Group commit (one transaction and one sync \
                     for all joins waiting) is what lifts this bound."
                } else {
                    "Commits are shared by several joins (group commit), so the remaining bound is the sync latency \
                     divided by the batch size, plus the CPU the joins need."
                }
            ));
        }
        why.push(format!("Profile: {}. Hottest code in the server: {}.", command_split(p), top_symbols(p, 6)));
    }
    why
}

fn latency_analysis(
    j: &WrkResult,
    storage: Option<&StorageResult>,
    p: Option<&ProfileRun>,
    memory: Option<&WrkResult>,
) -> Vec<String> {
    let little_ms = f64::from(CONNECTIONS) / j.rps().max(1e-9) * 1000.0;
    let mut why = vec![format!(
        "With {CONNECTIONS} requests in flight at {} joins/s, Little's law puts the mean time in the server at \
         {CONNECTIONS} / rate = {little_ms:.1} ms (p50 measured {}, p99 {}): at this concurrency the latency is \
         the throughput's mirror, and the tail is the queue's.",
        thousands(j.rps().round() as u64),
        ms(j.p50_us),
        ms(j.p99_us)
    )];
    let server_cores = j.server_cpu / j.seconds.max(1e-9);
    let wrk_cores = j.wrk_cpu / j.seconds.max(1e-9);
    let mut cpu = format!(
        "The server kept {server_cores:.2} cores busy and wrk {wrk_cores:.2} (machine idle {:.0}%, iowait {:.0}%); \
         a join costs the server {:.0} µs of CPU",
        j.idle_pct,
        j.iowait_pct,
        j.cpu_us_per_request().0
    );
    if let Some(m) = memory {
        let _ = write!(
            cpu,
            " against {:.0} µs on the memory store (p50 {} at the same {CONNECTIONS} connections, with no disk)",
            m.cpu_us_per_request().0,
            ms(m.p50_us)
        );
    }
    cpu.push('.');
    why.push(cpu);
    if let (Some(p), Some(syncs)) = (p, p.and_then(|p| p.profile.syncs)) {
        let per_s = syncs as f64 / f64::from(profile::SAMPLE_S);
        let per_sync = p.wrk.rps() / per_s.max(1e-9);
        let mut s = format!(
            "The store synced {per_s:.0} times a second, about {per_sync:.1} joins per sync, one commit every {:.2} ms; \
             a join answered only after its batch is on disk waits for the batch being written, then its own.",
            1000.0 / per_s.max(1e-9)
        );
        if let Some(st) = storage {
            let _ =
                write!(s, " A commit of one join alone takes {} at p50 and {} at p99.", ms(st.p50_us), ms(st.p99_us));
        }
        why.push(s);
    }
    why
}

fn crate_nproc() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

// --- markdown --------------------------------------------------------------------------------

fn rate(v: f64) -> String {
    rate_unit(v, "/s")
}

fn rate_unit(v: f64, unit: &str) -> String {
    let sep = if unit.starts_with('/') { "" } else { " " };
    format!("{}{sep}{unit}", thousands(v.round() as u64))
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn ms(us: u64) -> String {
    let v = us as f64 / 1000.0;
    if v < 10.0 {
        format!("{v:.2} ms")
    } else if v < 100.0 {
        format!("{v:.1} ms")
    } else {
        format!("{v:.0} ms")
    }
}

fn mib(bytes: Option<u64>) -> String {
    bytes.map_or("–".to_owned(), |b| format!("{:.1} MiB", b as f64 / 1048576.0))
}

fn row(md: &mut String, workload: &str, backend: &str, o: &Outcome, ratio: &str) {
    match &o.wrk {
        Some(w) => {
            let mut checks = o.notes.last().cloned().unwrap_or_else(|| "ok".to_owned());
            if !o.problems.is_empty() {
                checks = format!("⚠ {}", o.problems.join("; "));
            }
            let _ = writeln!(
                md,
                "| {workload} | {backend} | {} | {} | {} | {} | {ratio} | {checks} |",
                thousands(w.rps().round() as u64),
                ms(w.p50_us),
                ms(w.p99_us),
                mib(o.peak_rss)
            );
        }
        None => {
            let e = o.error.clone().unwrap_or_else(|| "not run".to_owned());
            let _ = writeln!(md, "| {workload} | {backend} | FAILED | | | | | {} |", e.replace('|', "/"));
        }
    }
}

/// Every timed wrk run, named as the tables name it.
fn timed_runs(r: &Results) -> Vec<(String, &Outcome)> {
    let mut runs: Vec<(String, &Outcome)> = vec![
        ("baseline".into(), &r.baseline),
        ("join · memory".into(), &r.memory.join),
        ("join · SQLite".into(), &r.sqlite.join),
    ];
    let pg = postgres_ran(r);
    if let Some(p) = pg {
        runs.push(("join · PostgreSQL".into(), &p.backend.join));
        runs.push(("join · PostgreSQL, two instances".into(), &p.two.combined));
    }
    runs.push(("reject · memory".into(), &r.memory.reject));
    runs.push(("reject · SQLite".into(), &r.sqlite.reject));
    if let Some(p) = pg {
        runs.push(("reject · PostgreSQL".into(), &p.backend.reject));
    }
    runs.push(("read · memory".into(), &r.memory.read));
    runs.push(("read · SQLite".into(), &r.sqlite.read));
    if let Some(p) = pg {
        runs.push(("read · PostgreSQL".into(), &p.backend.read));
    }
    runs
}

fn pgbench_name(many: bool) -> String {
    if many {
        format!("pgbench -c {PGBENCH_CLIENTS}")
    } else {
        "pgbench -c 1".to_owned()
    }
}

/// `a / b` as "0.45 (1,234 / 2,742)", or "–".
fn ratio_cell(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2} ({} / {})", a / b, rate(a), rate(b)),
        _ => "–".to_owned(),
    }
}

/// The two-instance join in the figures table: summed rate, the worse instance's percentiles.
fn two_row(md: &mut String, p: &Postgres, baseline: Option<f64>) {
    let name = format!("join, two instances on one database (wrk -t{TWO_THREADS} -c{TWO_CONNECTIONS} each)");
    let o = &p.two.combined;
    let Some(w) = &o.wrk else {
        let e = o.error.clone().unwrap_or_else(|| "not run".to_owned());
        let _ = writeln!(md, "| {name} | PostgreSQL | FAILED | | | | | {} |", e.replace('|', "/"));
        return;
    };
    let rss: Vec<String> = p.two.instances.iter().map(|i| mib(i.peak_rss)).collect();
    let mut checks = o.notes.last().cloned().unwrap_or_else(|| "ok".to_owned());
    if !o.problems.is_empty() {
        checks = format!("⚠ {}", o.problems.join("; "));
    }
    let _ = writeln!(
        md,
        "| {name} | PostgreSQL | {} (sum) | {} (worse) | {} (worse) | {} | {}; {} | {checks} |",
        thousands(w.rps().round() as u64),
        ms(w.p50_us),
        ms(w.p99_us),
        rss.join(" + "),
        ratio_to(o, p.backend.join.rps(), "one instance"),
        ratio_to(o, baseline, "baseline"),
    );
}

fn pgbench_row(
    md: &mut String,
    many: bool,
    b: &Option<Result<PgbenchResult, String>>,
    storage: Option<&StorageResult>,
) {
    let (clients, threads) = if many { (PGBENCH_CLIENTS, PGBENCH_THREADS) } else { (1, 1) };
    let name = format!("storage limit: pgbench -c {clients} -j {threads}, the join's transaction, no HTTP");
    match b {
        Some(Ok(p)) => {
            let limit = if many {
                format!("the database's rate at {clients} clients")
            } else {
                let sqlite = storage.map(StorageResult::tps).filter(|t| *t > 0.0);
                format!(
                    "the single-writer rate{}",
                    sqlite.map(|t| format!("; {:.2} × the SQLite storage limit", p.tps / t)).unwrap_or_default()
                )
            };
            let mut checks: Vec<String> = p.notes.clone();
            checks.push(format!("{} retries ({} transactions retried)", p.retries, p.retried));
            if !p.problems.is_empty() {
                checks.insert(0, format!("⚠ {}", p.problems.join("; ")));
            }
            let _ = writeln!(
                md,
                "| {name} | PostgreSQL | {} | {} | {} | – | {limit} | {} |",
                rate_unit(p.tps, "tx/s"),
                ms(p.p50_us),
                ms(p.p99_us),
                checks.join("; ")
            );
        }
        Some(Err(e)) => {
            let _ = writeln!(md, "| {name} | PostgreSQL | FAILED | | | | | {} |", e.replace('|', "/"));
        }
        None => {}
    }
}

/// The PostgreSQL section: the informational ratios and each instance of the two-instance run.
fn postgres_section(md: &mut String, p: &Postgres, r: &Results) {
    let _ = writeln!(md, "## PostgreSQL\n");
    let _ = writeln!(
        md,
        "Informational ratios (no targets are set for PostgreSQL; the targets above are about the memory and SQLite \
         stores):\n"
    );
    let join = p.backend.join.rps();
    let one = pgbench_ok(&p.pgbench_one).map(|b| b.tps);
    let many = pgbench_ok(&p.pgbench_many).map(|b| b.tps);
    let _ = writeln!(md, "| ratio | value |");
    let _ = writeln!(md, "|---|---|");
    let _ = writeln!(md, "| join on PostgreSQL / baseline | {} |", ratio_cell(join, r.baseline.rps()));
    let _ = writeln!(
        md,
        "| join on PostgreSQL / pgbench -c {PGBENCH_CLIENTS} (the same transaction from as many clients, no HTTP) | {} |",
        ratio_cell(join, many)
    );
    let _ = writeln!(
        md,
        "| join on PostgreSQL / pgbench -c 1 (the same transaction, one in flight) | {} |",
        ratio_cell(join, one)
    );
    let _ = writeln!(
        md,
        "| join: two instances / one instance (same {} connections in all) | {} |",
        crate::wrk::CONNECTIONS,
        ratio_cell(p.two.combined.rps(), join)
    );
    let _ = writeln!(md, "| pgbench -c {PGBENCH_CLIENTS} / pgbench -c 1 | {} |", ratio_cell(many, one));
    let _ = writeln!(md);
    if !p.two.instances.is_empty() {
        let _ = writeln!(md, "The two-instance join, instance by instance:\n");
        let _ = writeln!(md, "| instance | requests/s | 2xx | p50 | p99 | peak RSS |");
        let _ = writeln!(md, "|---|---:|---:|---:|---:|---:|");
        for (i, o) in p.two.instances.iter().enumerate() {
            if let Some(w) = &o.wrk {
                let _ = writeln!(
                    md,
                    "| {} | {} | {} | {} | {} | {} |",
                    ["a", "b"].get(i).copied().unwrap_or("?"),
                    thousands(w.rps().round() as u64),
                    thousands(w.ok()),
                    ms(w.p50_us),
                    ms(w.p99_us),
                    mib(o.peak_rss)
                );
            }
        }
        if let Some(w) = &p.two.combined.wrk {
            let _ = writeln!(
                md,
                "| both | {} (sum) | {} | {} (worse) | {} (worse) | – |",
                thousands(w.rps().round() as u64),
                thousands(w.ok()),
                ms(w.p50_us),
                ms(w.p99_us)
            );
        }
        let _ = writeln!(md);
    }
}

fn postgres_notes(md: &mut String, p: &Postgres, cfg: &Config) {
    if let Some(s) = &p.server {
        let _ = writeln!(
            md,
            "- PostgreSQL {}: the server `OZ_TEST_POSTGRES_URL` names, else a throwaway cluster that oz-bench \
             starts through `oz-testkit` (initdb into the temporary directory, listening on 127.0.0.1; stopped and \
             deleted when oz-bench ends). Read from the server: `fsync={}`, \
             `synchronous_commit={}` (a commit returns once its WAL is flushed, so a 201 and a pgbench transaction \
             are on disk), `shared_buffers={}`, `max_connections={}`. The database server shares the machine's cores \
             with oz-groups and wrk (or pgbench). Every fixture gets a fresh database (`CREATE DATABASE bench_…`); \
             all are dropped at the end.",
            s.version, s.fsync, s.synchronous_commit, s.shared_buffers, s.max_connections
        );
    }
    let _ = writeln!(
        md,
        "- pgbench (storage limit): `pgbench -n -M prepared -f join.sql -T {} --max-tries=10 --log`, once with \
         `-c 1 -j 1` (one transaction in flight: the single-writer rate, comparable to the SQLite storage limit) and \
         once with `-c {PGBENCH_CLIENTS} -j {PGBENCH_THREADS}`, each on a fresh database: schema from opening a \
         `PostgresStore` (its migrations), an owner and 64 groups through the `Store` API, then users and \
         single-use invites inserted with `generate_series` in the columns' formats the store writes. The script \
         takes the next user and invite from a sequence, then runs the statements of \
         `PostgresStore::join_with_token` in its order inside `BEGIN ISOLATION LEVEL SERIALIZABLE` … `COMMIT` \
         (token row, group, membership check, `INSERT INTO memberships`, the guarded `UPDATE tokens SET uses = uses \
         + 1`). `-M prepared` matches the store's cached prepared statements; serialization failures are retried \
         up to 10 times as the store's `write` retries them (pgbench retries at once, the store with a jittered \
         backoff). Requests/s is pgbench's `tps` without the connection time; p50/p99 come from its \
         per-transaction log (committed transactions, retries included). After each run the database must hold \
         one new membership and one used invite per transaction pgbench counted.",
        cfg.storage_seconds
    );
    for (many, b) in [(false, &p.pgbench_one), (true, &p.pgbench_many)] {
        if let Some(Ok(b)) = b {
            let _ = writeln!(
                md,
                "- {}: {} transactions in {} s, latency average {:.2} ms, {} retried ({} retries), {} failed after 10 \
                 tries; {} users and invites seeded in {:.1} s; {}.",
                pgbench_name(many),
                thousands(b.transactions),
                b.seconds,
                b.latency_avg_ms,
                thousands(b.retried),
                thousands(b.retries),
                b.failed,
                thousands(b.rows),
                b.seed_seconds,
                b.version
            );
        }
    }
    let _ = writeln!(
        md,
        "- Two instances: two `oz-groups serve` processes on the same database and the same data dir (same \
         `master.key`), each loaded by its own wrk (`-t{TWO_THREADS} -c{TWO_CONNECTIONS}`: together the same {} \
         connections and {} wrk threads as every other run), both started at once from two threads, each with its \
         own share of pre-minted join pairs. Requests/s is the sum of the two; p50 and p99 are the worse \
         instance's (wrk's two histograms cannot be merged), peak RSS is each process's own; the machine's CPU \
         shares are the two runs' mean.",
        crate::wrk::CONNECTIONS,
        2 * TWO_THREADS
    );
    let _ = writeln!(
        md,
        "\n<details><summary>the pgbench script (join.sql)</summary>\n\n```sql\n{}```\n</details>\n",
        crate::postgres::SCRIPT
    );
}

fn ratio_to(o: &Outcome, limit: Option<f64>, name: &str) -> String {
    match (o.rps(), limit) {
        (Some(v), Some(l)) if l > 0.0 => format!("{:.2} × {name}", v / l),
        _ => "–".to_owned(),
    }
}

fn markdown(r: &Results, cfg: &Config, targets: &[Target]) -> String {
    let m = &r.machine;
    let baseline = r.baseline.rps();
    let storage = storage_ok(r);
    let mut md = String::new();
    let _ = writeln!(md, "# oz-groups benchmark results\n");
    let _ = writeln!(
        md,
        "Written by `make bench` on **{}** · machine: **{} cores** (`nproc`), **{}**, {} RAM, Linux {} · \
         server commit {} · load generator {} (Debian).\n",
        m.date, m.nproc, m.cpu_model, m.memory, m.kernel, m.commit, m.wrk_version
    );
    let pg = postgres_ran(r);
    let runs = timed_runs(r);
    let noisy: Vec<String> = runs
        .iter()
        .filter_map(|(n, o)| o.wrk.as_ref().filter(|w| w.other_pct > 5.0).map(|w| format!("{n} {:.0}%", w.other_pct)))
        .collect();
    let _ = writeln!(
        md,
        "{}Other work on the machine: {:.0}% of the CPUs were busy just before the runs{}.\n",
        if matches!(r.postgres, PgSection::Skipped) {
            format!(
                "**⚠ {SKIPPED}.** oz-bench starts a throwaway cluster when Debian's `postgresql` package is \
                 installed; nothing on PostgreSQL was measured.\n\n"
            )
        } else {
            String::new()
        },
        r.background_pct,
        if noisy.is_empty() {
            "; no timed run lost more than 5% of the CPUs to other processes".to_owned()
        } else {
            format!(
                ". **⚠ Other processes took CPU during some timed runs** ({}): those figures are low by about that \
                 much",
                noisy.join(", ")
            )
        }
    );
    let _ = writeln!(
        md,
        "Every HTTP figure is `wrk -t{THREADS} -c{CONNECTIONS} -d{}s --timeout={REQUEST_TIMEOUT_S}s --latency` over \
         loopback with `bench/wrk/oz.lua` (the baseline goes through the same script, so wrk's own cost per request \
         is the same everywhere). wrk and the server share the machine's cores. Each workload runs against its own \
         server process, started fresh, and **peak RSS** is that process's `VmHWM` read from `/proc/<pid>/status` \
         right after the run. SQLite workloads run `target/release/oz-groups serve` on a fresh data dir seeded \
         through the library (`App` methods, same `master.key`); the memory backend runs as \
         `oz-bench serve-memory`, a separate process that seeds its fixture through the same `App` methods and then \
         serves with `oz_groups::startup::serve`: the same server code, compiled in release, measured alone. \
         PostgreSQL workloads run the same binary with `--database postgres://…` on a fresh database, seeded the \
         same way.\n",
        cfg.seconds
    );

    let _ = writeln!(md, "## Figures\n");
    let _ = writeln!(md, "| workload | backend | requests/s | p50 | p99 | peak RSS | ratio to its limit | checks |");
    let _ = writeln!(md, "|---|---|---:|---:|---:|---:|---|---|");
    if cfg.runs("baseline") {
        row(&mut md, "baseline: bare hyper hello", "–", &r.baseline, "the HTTP limit");
    }
    let limits = |o: &Outcome, durable: bool| {
        let mut s = ratio_to(o, baseline, "baseline");
        if durable {
            s += &format!("; {}", ratio_to(o, storage.map(StorageResult::tps), "storage limit"));
        }
        s
    };
    let (join_name, reject_name) = ("join (fresh user + fresh invite)", "reject (forged invite)");
    let read_name = format!("read `GET /user/groups` ({} groups)", cfg.groups_per_reader);
    let pgbench_one = pg.and_then(|p| pgbench_ok(&p.pgbench_one));
    let pgbench_many = pg.and_then(|p| pgbench_ok(&p.pgbench_many));
    for (part, name, b) in [("memory", "memory", &r.memory), ("sqlite", "SQLite", &r.sqlite)] {
        if cfg.runs(part) {
            row(&mut md, join_name, name, &b.join, &limits(&b.join, part == "sqlite"));
        }
    }
    if let Some(p) = pg {
        let mut ratios = ratio_to(&p.backend.join, baseline, "baseline");
        ratios += &format!("; {}", ratio_to(&p.backend.join, pgbench_many.map(|b| b.tps), &pgbench_name(true)));
        ratios += &format!("; {}", ratio_to(&p.backend.join, pgbench_one.map(|b| b.tps), &pgbench_name(false)));
        row(&mut md, join_name, "PostgreSQL", &p.backend.join, &ratios);
        two_row(&mut md, p, baseline);
    }
    for (part, name, b) in [("memory", "memory", &r.memory), ("sqlite", "SQLite", &r.sqlite)] {
        if cfg.runs(part) {
            row(&mut md, reject_name, name, &b.reject, &limits(&b.reject, false));
        }
    }
    if let Some(p) = pg {
        row(&mut md, reject_name, "PostgreSQL", &p.backend.reject, &limits(&p.backend.reject, false));
    }
    for (part, name, b) in [("memory", "memory", &r.memory), ("sqlite", "SQLite", &r.sqlite)] {
        if cfg.runs(part) {
            row(&mut md, &read_name, name, &b.read, &limits(&b.read, false));
        }
    }
    if let Some(p) = pg {
        row(&mut md, &read_name, "PostgreSQL", &p.backend.read, &limits(&p.backend.read, false));
    }
    match &r.storage {
        Some(Ok(s)) => {
            let _ = writeln!(
                md,
                "| storage limit: sequential `join_with_token`, one in flight, no HTTP | SQLite | {} tx/s | {} | {} | – \
                 | the limit for durable joins | {} joins, {} failed |",
                thousands(s.tps().round() as u64),
                ms(s.p50_us),
                ms(s.p99_us),
                s.joins,
                s.failures
            );
        }
        Some(Err(e)) => {
            let _ = writeln!(md, "| storage limit | SQLite | FAILED | | | | | {} |", e.replace('|', "/"));
        }
        None => {}
    }
    match &r.postgres {
        PgSection::Ran(p) => {
            for (many, b) in [(false, &p.pgbench_one), (true, &p.pgbench_many)] {
                pgbench_row(&mut md, many, b, storage);
            }
        }
        PgSection::Skipped => {
            let _ = writeln!(
                md,
                "| every PostgreSQL workload and pgbench | PostgreSQL | **SKIPPED** | | | | | {SKIPPED} |"
            );
        }
        PgSection::NotRun => {}
    }
    let _ = writeln!(md);

    let _ = writeln!(md, "## Targets\n");
    let _ = writeln!(md, "| target | measured | result |");
    let _ = writeln!(md, "|---|---|---|");
    for t in targets {
        let _ = writeln!(md, "| {} | {} | {} |", t.name, t.measured, t.verdict);
    }
    let _ = writeln!(md);

    if let Some(p) = pg {
        postgres_section(&mut md, p, r);
    }

    let _ = writeln!(md, "## Where the time goes\n");
    for t in targets.iter().filter(|t| !t.pass && !t.why.is_empty()) {
        let _ = writeln!(md, "**{}** (missed):\n", t.name);
        for w in &t.why {
            let _ = writeln!(md, "- {w}");
        }
        let _ = writeln!(md);
    }
    let _ = writeln!(
        md,
        "CPU per request over each timed run (from wrk's `Running` line, once its threads have loaded their \
         token files, to its exit): the server's and wrk's from `/proc/<pid>/stat`, the machine's idle and iowait \
         shares from `/proc/stat`, and what other processes took (busy time not spent by the server or wrk). In the \
         PostgreSQL runs the database server's processes (every process named `postgres`) are counted apart, as \
         database CPU, not as other processes:\n"
    );
    let _ = writeln!(
        md,
        "| run | requests/s | server CPU µs/request | wrk CPU µs/request | database CPU µs/request | machine idle | \
         iowait | other processes |"
    );
    let _ = writeln!(md, "|---|---:|---:|---:|---:|---:|---:|---:|");
    for (name, o) in &runs {
        if let Some(w) = &o.wrk {
            let (s, k) = w.cpu_us_per_request();
            let _ = writeln!(
                md,
                "| {name} | {} | {s:.0} | {k:.0} | {} | {:.0}% | {:.0}% | {:.0}% |",
                thousands(w.rps().round() as u64),
                w.db_us_per_request().map_or("–".to_owned(), |d| format!("{d:.0}")),
                w.idle_pct,
                w.iowait_pct,
                w.other_pct
            );
        }
    }
    let _ = writeln!(md);
    if let Some(perf) = &r.perf {
        let _ = writeln!(
            md,
            "Profiles: {perf}; each from a separate, shorter run of the workload after the timed one, so the \
             sampler never slows a timed run.\n"
        );
    }
    for p in &r.profiles {
        let _ = writeln!(
            md,
            "<details><summary>profile: {} ({} req/s while sampled{})</summary>\n",
            p.label,
            thousands(p.wrk.rps().round() as u64),
            p.profile.syncs.map(|s| format!(", {s} fsync/fdatasync calls by the server")).unwrap_or_default()
        );
        let _ = writeln!(md, "```");
        let _ = writeln!(md, "all CPUs, by command:  {}", command_split(p));
        let _ = writeln!(md, "all CPUs, by command and object:");
        for (pct, s) in &p.profile.by_command_object {
            let _ = writeln!(md, "  {pct:6.2}%  {s}");
        }
        let _ =
            writeln!(md, "server: {:.0}% of its samples in the kernel; hottest symbols:", p.profile.server_kernel_pct);
        for (pct, s) in &p.profile.server_symbols {
            let _ = writeln!(md, "  {pct:6.2}%  {}", clean_symbol(s));
        }
        let _ = writeln!(md, "```\n</details>\n");
    }

    let _ = writeln!(md, "## Scale\n");
    match &r.scale {
        None => {
            let _ = writeln!(md, "Not run (`SCALE_GROUPS=0`).\n");
        }
        Some(Err(e)) => {
            let _ = writeln!(md, "The scale run failed: {e}\n");
        }
        Some(Ok(s)) => scale_section(&mut md, s, r, cfg),
    }

    let _ = writeln!(md, "## Notes\n");
    let mut noted = vec![
        ("join · memory", &r.memory.join),
        ("join · SQLite", &r.sqlite.join),
        ("reject · memory", &r.memory.reject),
        ("reject · SQLite", &r.sqlite.reject),
    ];
    if let Some(p) = pg {
        noted.extend([
            ("join · PostgreSQL", &p.backend.join),
            ("join · PostgreSQL, two instances", &p.two.combined),
            ("reject · PostgreSQL", &p.backend.reject),
        ]);
    }
    for (name, o) in noted {
        if !o.notes.is_empty() {
            let _ = writeln!(md, "- {name}: {}.", o.notes.join("; "));
        }
    }
    if let Some(s) = storage {
        let _ = writeln!(
            md,
            "- Storage limit: a fresh `SqliteStore`, opened as the server opens it; users and invite records inserted \
             beforehand ({} rows, {} at a time, in {:.1} s = {} rows/s), then `join_with_token` called \
             sequentially for {:.1} s of timed work.",
            s.prepared_writes,
            crate::seed::CONCURRENCY,
            s.prepare_seconds,
            thousands((s.prepared_writes as f64 / s.prepare_seconds.max(1e-9)).round() as u64),
            s.seconds
        );
    }
    match &r.postgres {
        PgSection::Ran(p) => postgres_notes(&mut md, p, cfg),
        PgSection::Skipped => {
            let _ = writeln!(md, "- **{SKIPPED}**: no PostgreSQL figures.");
        }
        PgSection::NotRun => {
            let _ = writeln!(md, "- PostgreSQL: not run (`--only`).");
        }
    }
    let _ = writeln!(
        md,
        "- `make bench` took {:.0} s after the build (all runs, seeding and the scale load).",
        r.seconds_total
    );
    md
}

fn scale_section(md: &mut String, s: &ScaleResults, r: &Results, cfg: &Config) {
    let l = &s.load;
    let per_user = if l.users > 0 { l.memberships as f64 / l.users as f64 } else { 0.0 };
    let _ = writeln!(
        md,
        "Loaded into a fresh SQLite data dir through the `Store` API with {} calls in flight: {} users, {} groups, \
         {} invite records and **{} memberships** (each user in {per_user:.0} groups) in **{:.0} s** \
         ({} store writes, {} writes/s); database {:.0} MiB.",
        crate::seed::CONCURRENCY,
        thousands(l.users),
        thousands(l.groups),
        thousands(l.tokens),
        thousands(l.memberships),
        l.seconds,
        thousands(l.writes),
        thousands(l.writes_per_second().round() as u64),
        l.db_bytes as f64 / 1048576.0
    );
    if l.cut_short {
        let asked_writes = 2 * l.asked_groups + l.asked_memberships;
        let _ = writeln!(
            md,
            "\n**The load was cut short** by its time budget ({} s, `SCALE_BUDGET_S`): it reached {} of the {} \
             memberships asked for. At the measured {} writes/s the full load ({} writes) would take about {:.0} \
             min. Smaller runs: `make bench SCALE_GROUPS=... SCALE_MEMBERSHIPS=...`.",
            cfg.scale_budget_s,
            thousands(l.memberships),
            thousands(l.asked_memberships),
            thousands(l.writes_per_second().round() as u64),
            thousands(asked_writes),
            asked_writes as f64 / l.writes_per_second().max(1e-9) / 60.0
        );
    }
    let _ = writeln!(md, "\nThen the release server was restarted on that data dir:\n");
    let _ = writeln!(md, "| | small store | at scale |");
    let _ = writeln!(md, "|---|---:|---:|");
    let small = &r.sqlite.join;
    let dur = |o: &Outcome| o.startup.map_or("–".to_owned(), |d| format!("{:.0} ms", d.as_secs_f64() * 1000.0));
    let _ = writeln!(md, "| start-up (spawn → `listening on` line) | {} | {} |", dur(small), dur(&s.join));
    let _ = writeln!(md, "| RSS right after start-up | {} | {} |", mib(small.rss_at_start), mib(s.join.rss_at_start));
    for (name, a, b) in [("join", &r.sqlite.join, &s.join), ("read", &r.sqlite.read, &s.read)] {
        let cell = |o: &Outcome, f: &dyn Fn(&WrkResult) -> String| {
            o.wrk.as_ref().map_or_else(|| o.error.clone().unwrap_or_else(|| "–".to_owned()), f)
        };
        let _ =
            writeln!(md, "| {name}: requests/s | {} | {} |", cell(a, &|w| rate(w.rps())), cell(b, &|w| rate(w.rps())));
        let _ = writeln!(
            md,
            "| {name}: p50 / p99 | {} | {} |",
            cell(a, &|w| format!("{} / {}", ms(w.p50_us), ms(w.p99_us))),
            cell(b, &|w| format!("{} / {}", ms(w.p50_us), ms(w.p99_us)))
        );
        let _ = writeln!(md, "| {name}: peak RSS | {} | {} |", mib(a.peak_rss), mib(b.peak_rss));
        for p in &b.problems {
            let _ = writeln!(md, "| {name} at scale: ⚠ | | {p} |");
        }
    }
    let _ = writeln!(
        md,
        "\nThe runs at scale are {} s each (the small store's: {} s); the small store holds the {} readers, the \
         reject users and the join pairs only.\n",
        cfg.scale_seconds, cfg.seconds, cfg.read_users
    );
}

// --- svg -------------------------------------------------------------------------------------

struct Bar {
    label: String,
    value: f64,
    second: Option<f64>,
    note: String,
    colour: &'static str,
}

const GREY: &str = "#8c8c8c";
const BLUE: &str = "#3b7dd8";
const ORANGE: &str = "#e08a2c";
const GREEN: &str = "#3a9d5d";
const PURPLE: &str = "#8e5cc2";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn svg(r: &Results) -> String {
    let baseline = r.baseline.rps();
    let storage = storage_ok(r);
    let mut rows: Vec<(String, &Outcome, &'static str, String)> = vec![
        ("baseline (hello)".into(), &r.baseline, GREY, "the HTTP limit".into()),
        ("join · memory".into(), &r.memory.join, BLUE, ratio_to(&r.memory.join, baseline, "baseline")),
        (
            "join · SQLite".into(),
            &r.sqlite.join,
            ORANGE,
            format!(
                "{}; {}",
                ratio_to(&r.sqlite.join, baseline, "baseline"),
                ratio_to(&r.sqlite.join, storage.map(StorageResult::tps), "storage")
            ),
        ),
    ];
    let pg = postgres_ran(r);
    let pgbench = |many: bool| pg.and_then(|p| pgbench_ok(if many { &p.pgbench_many } else { &p.pgbench_one }));
    if let Some(p) = pg {
        let join = &p.backend.join;
        rows.push((
            "join · PostgreSQL".into(),
            join,
            PURPLE,
            format!(
                "{}; {}",
                ratio_to(join, baseline, "baseline"),
                ratio_to(join, pgbench(true).map(|b| b.tps), &pgbench_name(true))
            ),
        ));
        rows.push((
            "join · PostgreSQL ×2 inst.".into(),
            &p.two.combined,
            PURPLE,
            format!("sum; {}", ratio_to(&p.two.combined, join.rps(), "one instance")),
        ));
    }
    rows.extend([
        ("reject · memory".into(), &r.memory.reject, BLUE, ratio_to(&r.memory.reject, baseline, "baseline")),
        ("reject · SQLite".into(), &r.sqlite.reject, ORANGE, ratio_to(&r.sqlite.reject, baseline, "baseline")),
        ("read · memory".into(), &r.memory.read, BLUE, ratio_to(&r.memory.read, baseline, "baseline")),
        ("read · SQLite".into(), &r.sqlite.read, ORANGE, ratio_to(&r.sqlite.read, baseline, "baseline")),
    ]);
    if let Some(p) = pg {
        rows.push((
            "reject · PostgreSQL".into(),
            &p.backend.reject,
            PURPLE,
            ratio_to(&p.backend.reject, baseline, "baseline"),
        ));
        rows.push((
            "read · PostgreSQL".into(),
            &p.backend.read,
            PURPLE,
            ratio_to(&p.backend.read, baseline, "baseline"),
        ));
    }
    if let Some(Ok(s)) = &r.scale {
        rows.push(("join · SQLite at scale".into(), &s.join, ORANGE, ratio_to(&s.join, baseline, "baseline")));
        rows.push(("read · SQLite at scale".into(), &s.read, ORANGE, ratio_to(&s.read, baseline, "baseline")));
    }
    let mut throughput: Vec<Bar> = rows
        .iter()
        .filter_map(|(label, o, colour, note)| {
            let w = o.wrk.as_ref()?;
            Some(Bar {
                label: label.clone(),
                value: w.rps(),
                second: None,
                note: format!("{}{} · {note}", if o.problems.is_empty() { "" } else { "⚠ " }, rate(w.rps())),
                colour,
            })
        })
        .collect();
    if let Some(s) = storage {
        throughput.push(Bar {
            label: "storage limit · SQLite".into(),
            value: s.tps(),
            second: None,
            note: format!("{} tx/s, sequential", thousands(s.tps().round() as u64)),
            colour: GREEN,
        });
    }
    for many in [false, true] {
        if let Some(b) = pgbench(many) {
            throughput.push(Bar {
                label: format!("storage · {}", pgbench_name(many)),
                value: b.tps,
                second: None,
                note: format!(
                    "{}{} tx/s · PostgreSQL, no HTTP",
                    if b.problems.is_empty() { "" } else { "⚠ " },
                    thousands(b.tps.round() as u64)
                ),
                colour: GREEN,
            });
        }
    }
    let mut latency: Vec<Bar> = rows
        .iter()
        .filter_map(|(label, o, colour, _)| {
            let w = o.wrk.as_ref()?;
            Some(Bar {
                label: label.clone(),
                value: w.p50_us as f64 / 1000.0,
                second: Some(w.p99_us as f64 / 1000.0),
                note: format!("p50 {} · p99 {}", ms(w.p50_us), ms(w.p99_us)),
                colour,
            })
        })
        .collect();
    if let Some(s) = storage {
        latency.push(Bar {
            label: "storage limit · SQLite".into(),
            value: s.p50_us as f64 / 1000.0,
            second: Some(s.p99_us as f64 / 1000.0),
            note: format!("p50 {} · p99 {}", ms(s.p50_us), ms(s.p99_us)),
            colour: GREEN,
        });
    }
    for many in [false, true] {
        if let Some(b) = pgbench(many) {
            latency.push(Bar {
                label: format!("storage · {}", pgbench_name(many)),
                value: b.p50_us as f64 / 1000.0,
                second: Some(b.p99_us as f64 / 1000.0),
                note: format!("p50 {} · p99 {}", ms(b.p50_us), ms(b.p99_us)),
                colour: GREEN,
            });
        }
    }
    // The two-instance run shows each instance's own peak.
    let mut rss_rows: Vec<(String, &Outcome, &'static str)> = Vec::new();
    for (label, o, colour, _) in &rows {
        if let Some(p) = pg.filter(|p| std::ptr::eq(*o, &p.two.combined)) {
            for (i, inst) in p.two.instances.iter().enumerate() {
                rss_rows.push((format!("join · PostgreSQL inst. {}", ["a", "b"].get(i).unwrap_or(&"?")), inst, colour));
            }
        } else {
            rss_rows.push((label.clone(), o, colour));
        }
    }
    let rss: Vec<Bar> = rss_rows
        .iter()
        .filter_map(|(label, o, colour)| {
            let b = o.peak_rss? as f64 / 1048576.0;
            Some(Bar { label: label.clone(), value: b, second: None, note: format!("{b:.1} MiB"), colour })
        })
        .collect();

    let width = 1100.0;
    let mut out = String::new();
    let mut y = 50.0;
    let mut body = String::new();
    // The targets, where they can be drawn: shares of the baseline and twice the storage limit.
    let mut rate_marks = Vec::new();
    if let Some(b) = baseline {
        rate_marks.push((0.5 * b, "50%".to_owned()));
        rate_marks.push((0.8 * b, "80% of baseline".to_owned()));
    }
    if let Some(s) = storage {
        rate_marks.push((2.0 * s.tps(), "2× storage limit".to_owned()));
    }
    let legend = "grey: bare hyper · blue: memory store · orange: SQLite · purple: PostgreSQL · green: storage \
                  limits without HTTP (SQLite, pgbench) · dashed: targets · ⚠: the run had errors";
    let _ = writeln!(body, r##"<text x="20" y="{y}" fill="#444">{}</text>"##, esc(legend));
    y += 30.0;
    y = panel(&mut body, y, "Throughput: requests/s (log scale)", &throughput, true, &rate_marks);
    let p99_mark = [(10.0, "p99 target, join on SQLite: 10 ms".to_owned())];
    y = panel(&mut body, y + 30.0, "Latency: p50 (light) and p99 (dark), ms (log scale)", &latency, true, &p99_mark);
    y = panel(&mut body, y + 30.0, "Peak RSS (VmHWM after the run), MiB", &rss, false, &[]);
    let height = y + 20.0;
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(out, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let m = &r.machine;
    let _ = writeln!(
        out,
        r#"<text x="20" y="28" font-size="16" font-weight="bold">oz-groups benchmark · {} · {} cores ({}) · wrk -t{THREADS} -c{CONNECTIONS}</text>"#,
        esc(&m.date),
        esc(&m.nproc),
        esc(&m.cpu_model)
    );
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}

/// Draws one horizontal bar panel starting at `y`; returns the y below it. `markers` are
/// dashed vertical lines (targets) with a short label above the plot.
fn panel(out: &mut String, y: f64, title: &str, bars: &[Bar], log: bool, markers: &[(f64, String)]) -> f64 {
    let (left, plot) = (200.0, 560.0);
    let row_h = 22.0;
    let _ = writeln!(out, r#"<text x="20" y="{y}" font-size="14" font-weight="bold">{}</text>"#, esc(title));
    let top = y + 22.0;
    if bars.is_empty() {
        let _ = writeln!(out, r#"<text x="{left}" y="{}">no figures</text>"#, top + 14.0);
        return top + row_h;
    }
    let values = bars
        .iter()
        .flat_map(|b| std::iter::once(b.value).chain(b.second))
        .chain(markers.iter().map(|(m, _)| *m))
        .filter(|v| *v > 0.0);
    let max = values.clone().fold(0.0_f64, f64::max).max(1e-9);
    let min = values.fold(f64::INFINITY, f64::min).min(max);
    let step = nice_step(max / 5.0);
    let (lo, hi) = if log {
        (10f64.powf(min.log10().floor()), 10f64.powf(max.log10().ceil()).max(10f64.powf(min.log10().floor() + 1.0)))
    } else {
        (0.0, (max / step).ceil() * step)
    };
    let x = |v: f64| -> f64 {
        if log {
            let v = v.max(lo);
            left + plot * (v.log10() - lo.log10()) / (hi.log10() - lo.log10())
        } else {
            left + plot * v / hi
        }
    };
    let bottom = top + row_h * bars.len() as f64;
    // Grid: decades on a log axis, round steps on a linear one.
    let mut ticks = Vec::new();
    let mut t = if log { lo } else { 0.0 };
    while t <= hi * 1.0001 {
        ticks.push(t);
        t = if log { t * 10.0 } else { t + step };
    }
    for t in ticks {
        let tx = x(t);
        let _ = writeln!(out, r##"<line x1="{tx:.1}" y1="{top}" x2="{tx:.1}" y2="{bottom}" stroke="#e3e3e3"/>"##);
        let _ = writeln!(
            out,
            r##"<text x="{tx:.1}" y="{}" text-anchor="middle" fill="#666">{}</text>"##,
            bottom + 14.0,
            tick_label(t)
        );
    }
    // Markers go under the bars and labels; the labels carry a white halo to stay readable.
    for (m, label) in markers.iter().filter(|(m, _)| *m >= lo && *m <= hi) {
        let mx = x(*m);
        let _ = writeln!(
            out,
            r##"<line x1="{mx:.1}" y1="{}" x2="{mx:.1}" y2="{bottom}" stroke="#c0392b" stroke-dasharray="4 3"/>"##,
            top - 8.0
        );
        let _ = writeln!(
            out,
            r##"<text x="{mx:.1}" y="{}" fill="#c0392b" font-size="11" text-anchor="middle">{}</text>"##,
            top - 10.0,
            esc(label)
        );
    }
    let halo = r#"paint-order="stroke" stroke="white" stroke-width="3""#;
    for (i, b) in bars.iter().enumerate() {
        let ry = top + row_h * i as f64;
        let _ =
            writeln!(out, r#"<text x="{}" y="{}" text-anchor="end">{}</text>"#, left - 8.0, ry + 15.0, esc(&b.label));
        let end = match b.second {
            Some(p99) => {
                let _ = writeln!(
                    out,
                    r#"<rect x="{left}" y="{}" width="{:.1}" height="8" fill="{}" opacity="0.45"/>"#,
                    ry + 3.0,
                    (x(b.value) - left).max(1.0),
                    b.colour
                );
                let _ = writeln!(
                    out,
                    r#"<rect x="{left}" y="{}" width="{:.1}" height="8" fill="{}"/>"#,
                    ry + 11.0,
                    (x(p99) - left).max(1.0),
                    b.colour
                );
                x(p99).max(x(b.value))
            }
            None => {
                let _ = writeln!(
                    out,
                    r#"<rect x="{left}" y="{}" width="{:.1}" height="16" fill="{}"/>"#,
                    ry + 3.0,
                    (x(b.value) - left).max(1.0),
                    b.colour
                );
                x(b.value)
            }
        };
        let _ = writeln!(out, r#"<text x="{:.1}" y="{}" {halo}>{}</text>"#, end + 6.0, ry + 15.0, esc(&b.note));
    }
    bottom + 24.0
}

/// 1, 2 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let raw = raw.max(1e-9);
    let p = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * p).find(|s| *s >= raw).unwrap_or(10.0 * p)
}

fn tick_label(v: f64) -> String {
    if v >= 1e6 {
        format!("{}M", v / 1e6)
    } else if v >= 1e3 {
        format!("{}k", v / 1e3)
    } else if v >= 1.0 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_formatted_for_people() {
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(999), "999");
        assert_eq!(ms(1234), "1.23 ms");
        assert_eq!(ms(412_000), "412 ms");
        assert_eq!(clean_symbol("[k] do_syscall_64"), "kernel: do_syscall_64");
        assert_eq!(clean_symbol("[.] sha2::compress"), "sha2::compress");
    }

    #[test]
    fn linear_axes_step_in_round_numbers() {
        assert_eq!(nice_step(134.8), 200.0);
        assert_eq!(nice_step(0.9), 1.0);
        assert_eq!(nice_step(4200.0), 5000.0);
    }

    #[test]
    fn a_chart_renders_even_without_figures() {
        let s = svg(&Results::default());
        assert!(s.starts_with("<svg") && s.trim_end().ends_with("</svg>"));
    }
}
