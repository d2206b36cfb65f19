//! Where the time goes: `perf record` (cpu-clock sampling, all CPUs) during a profiling run,
//! read back as the CPU split per command (server, wrk, idle) and the server's hottest
//! symbols, plus `perf stat` counting the server's fsync/fdatasync calls (how many joins one
//! commit carries). Sampling uses the software cpu-clock event, which works where the
//! hardware counters do not (in this VM `perf stat -e instructions` is "not supported").

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::procs::{run_with_timeout, Guard};

/// Seconds the profiler samples; it starts `LEAD_S` after the load, so it sees only steady state.
pub const SAMPLE_S: u32 = 3;
pub const LEAD_S: u32 = 1;
/// The profiling wrk run: lead-in, sampling, and a second of tail.
pub const RUN_S: u32 = LEAD_S + SAMPLE_S + 1;

/// Whether `perf record -e cpu-clock` works here (perf installed, sampling allowed).
pub fn available(scratch: &Path) -> bool {
    let out = scratch.join("perf-check.data");
    let (out_s, busy) = (out.display().to_string(), "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done");
    let args = ["record", "-q", "-e", "cpu-clock", "-o", &out_s, "--", "sh", "-c", busy];
    let ok = run_with_timeout("perf", &args, Duration::from_secs(30)).is_ok_and(|(status, _)| status.success());
    let _ = std::fs::remove_file(out);
    ok
}

/// Whether `perf stat -e instructions` counts (hardware counters exposed); `None`: no perf.
pub fn hardware_counters() -> Option<bool> {
    let script = "perf stat -x, -e instructions true 2>&1";
    let (_, text) = run_with_timeout("sh", &["-c", script], Duration::from_secs(30)).ok()?;
    text.contains("instructions").then(|| !text.contains("not supported") && !text.contains("not counted"))
}

/// What the profile showed.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Profile {
    /// Share of all CPU samples (2 cores) per command: the server's threads, wrk, idle, ...
    pub by_command: Vec<(f64, String)>,
    /// The server's hottest symbols, as a share of the server's own samples.
    pub server_symbols: Vec<(f64, String)>,
    /// Share of all CPU samples per command and object ("tokio-rt-worker [kernel.kallsyms]"):
    /// how much of each side's time is the kernel's (loopback TCP, futexes, the disk).
    pub by_command_object: Vec<(f64, String)>,
    /// Share of the server's own samples spent in the kernel.
    pub server_kernel_pct: f64,
    /// fsync + fdatasync calls by the server while sampled.
    pub syncs: Option<u64>,
}

pub struct Running {
    record: Guard,
    stat: Guard,
    data: PathBuf,
    stat_out: PathBuf,
    pid: u32,
}

/// The longest the profilers wait for wrk to load its token file (`start`).
const LOAD_WAIT_S: u32 = 120;

/// Starts the profilers; start the load right after. They wait for the load's start barrier
/// (`ready`, the file oz.lua's last thread creates once every thread has loaded its token file,
/// when wrk's clock starts; it must not exist yet), then `LEAD_S`, then run `SAMPLE_S`.
/// Counting from their own start instead, they sampled only wrk loading a large join file.
pub fn start(dir: &Path, label: &str, pid: u32, ready: &Path) -> anyhow::Result<Running> {
    let data = dir.join(format!("perf-{label}.data"));
    let stat_out = dir.join(format!("perf-stat-{label}.csv"));
    let wait = format!(
        "i=0; while [ ! -e '{}' ] && [ $i -lt {} ]; do sleep 0.1; i=$((i+1)); done; sleep {LEAD_S}",
        ready.display(),
        LOAD_WAIT_S * 10
    );
    let record =
        format!("{wait} && exec perf record -q -a -e cpu-clock -F 499 -o {} -- sleep {SAMPLE_S}", data.display());
    let stat = format!(
        "{wait} && exec perf stat -x, -o {} -e syscalls:sys_enter_fsync,syscalls:sys_enter_fdatasync \
         -p {pid} -- sleep {SAMPLE_S}",
        stat_out.display()
    );
    let spawn = |script: &str, what: &str| -> anyhow::Result<Guard> {
        let child = crate::procs::die_with_parent(&mut Command::new("sh"))
            .args(["-c", script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        Ok(Guard::new(child, what))
    };
    Ok(Running { record: spawn(&record, "perf record")?, stat: spawn(&stat, "perf stat")?, data, stat_out, pid })
}

impl Running {
    /// Waits for the profilers and reads their results.
    pub fn finish(mut self) -> anyhow::Result<Profile> {
        let limit = Duration::from_secs(u64::from(LOAD_WAIT_S + LEAD_S + SAMPLE_S) + 60);
        self.record.wait_timeout(limit)?;
        self.stat.wait_timeout(limit)?;
        let data = self.data.display().to_string();
        let report = |extra: &[&str]| -> Vec<(f64, String)> {
            let mut args = vec!["report", "-i", &data, "--stdio", "-q", "--percentage", "relative"];
            args.extend_from_slice(extra);
            run_with_timeout("perf", &args, Duration::from_secs(120))
                .map(|(_, out)| parse_report(&out))
                .unwrap_or_default()
        };
        let pid = self.pid.to_string();
        let by_command = report(&["--sort", "comm"]);
        let symbols = report(&["--pid", &pid, "--sort", "sym"]);
        // perf marks kernel symbols `[k]` and user-space ones `[.]`.
        let server_kernel_pct = symbols.iter().filter(|(_, s)| s.starts_with("[k]")).map(|(p, _)| p).sum();
        let server_symbols = symbols.into_iter().take(15).collect();
        let by_command_object = report(&["--sort", "comm,dso"])
            .into_iter()
            .take(10)
            .map(|(p, s)| (p, s.split_whitespace().collect::<Vec<_>>().join(" ")))
            .collect();
        let syncs = std::fs::read_to_string(&self.stat_out).ok().and_then(|t| parse_stat(&t));
        Ok(Profile { by_command, server_symbols, by_command_object, server_kernel_pct, syncs })
    }
}

/// Lines such as `    12.34%  some_symbol` into (12.34, "some_symbol").
fn parse_report(text: &str) -> Vec<(f64, String)> {
    text.lines()
        .filter_map(|l| {
            let (pct, rest) = l.trim().split_once('%')?;
            let pct: f64 = pct.trim().parse().ok()?;
            let name = rest.trim();
            (!name.is_empty()).then(|| (pct, name.to_owned()))
        })
        .collect()
}

/// `perf stat -x,` lines: `count,unit,event,...`; the sum of the counts.
fn parse_stat(text: &str) -> Option<u64> {
    let counts: Vec<u64> = text
        .lines()
        .filter(|l| l.contains("syscalls:"))
        .filter_map(|l| l.split(',').next()?.trim().parse().ok())
        .collect();
    (!counts.is_empty()).then(|| counts.iter().sum())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perf_output_parses() {
        let report = "\n    45.10%  wrk\n    30.00%  tokio-runtime-w\n     1.5%  [k] do_syscall_64\n";
        let rows = parse_report(report);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0], (45.10, "wrk".to_owned()));
        assert_eq!(
            parse_stat("12,,syscalls:sys_enter_fsync,3000,100.00,,\n30,,syscalls:sys_enter_fdatasync,3,100,,\n"),
            Some(42)
        );
    }
}
