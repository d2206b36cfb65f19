//! Child processes and what /proc says about them: a guard that kills a child on drop (so an
//! error or a panic never leaves a server or wrk behind), servers started and stopped by their
//! banner line and SIGTERM, external commands with a timeout, and memory and CPU readings.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::{anyhow, bail, Context, Result};

/// Owns a child process: dropping it kills the child if it still runs, and reaps it.
pub struct Guard {
    child: Child,
    what: String,
}

impl Guard {
    pub fn new(child: Child, what: impl Into<String>) -> Guard {
        Guard { child, what: what.into() }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn try_wait(&mut self) -> std::io::Result<Option<ExitStatus>> {
        self.child.try_wait()
    }

    /// Waits until the child exits, or kills it once `limit` has passed.
    pub fn wait_timeout(&mut self, limit: Duration) -> Result<ExitStatus> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait()? {
                return Ok(status);
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                bail!("{} did not finish within {:?}; killed", self.what, limit);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// SIGTERM, then SIGKILL if the child has not exited within `grace`.
    pub fn terminate(&mut self, grace: Duration) -> Result<()> {
        if self.child.try_wait()?.is_some() {
            return Ok(());
        }
        if let Ok(pid) = libc::pid_t::try_from(self.pid()) {
            // SAFETY: kill(2) has no memory effects; the pid is one of our own children.
            unsafe { libc::kill(pid, libc::SIGTERM) };
        }
        self.wait_timeout(grace).map(|_| ())
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Makes the kernel SIGKILL the child if this process dies first (a `timeout` around
/// `make bench`, a kill -9): the `Guard`s' destructors do not run then, and nothing may be left
/// serving or loading the machine.
pub fn die_with_parent(cmd: &mut Command) -> &mut Command {
    // SAFETY: prctl is async-signal-safe and touches no memory of the parent.
    in_child(cmd, || unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) })
}

/// Makes the child SCHED_BATCH: a load generator sharing the server's cores then never preempts
/// a server thread when a response wakes it (docs/benchmark.md, "Method": why).
pub fn run_as_batch(cmd: &mut Command) -> &mut Command {
    // SAFETY: sched_setscheduler is async-signal-safe and touches no memory of the parent.
    in_child(cmd, || unsafe {
        libc::sched_setscheduler(0, libc::SCHED_BATCH, &libc::sched_param { sched_priority: 0 })
    })
}

/// Runs `call` in the child before it execs; a non-zero return fails the spawn with errno.
fn in_child(cmd: &mut Command, call: fn() -> libc::c_int) -> &mut Command {
    use std::os::unix::process::CommandExt;
    // SAFETY: `call` is one of the async-signal-safe calls above.
    unsafe { cmd.pre_exec(move || if call() != 0 { Err(std::io::Error::last_os_error()) } else { Ok(()) }) }
}

/// Starts `cmd` (killed with this process) with no stdin, and its stdout and stderr in `log`.
pub fn spawn_logged(cmd: &mut Command, log: &Path) -> Result<Child> {
    let out = std::fs::File::create(log)?;
    Ok(die_with_parent(cmd).stdin(Stdio::null()).stdout(out.try_clone()?).stderr(out).spawn()?)
}

/// A server started by the bench: its address from the banner, how long the banner took, and
/// its further stdout lines (drained by a thread, so the pipe never fills).
pub struct Server {
    pub guard: Guard,
    pub addr: String,
    pub startup: Duration,
    lines: Receiver<String>,
    pub name: String,
}

impl Server {
    /// Spawns `program args` (with `env` added to its environment) with stdout piped and stderr
    /// to `log`, and waits (up to `limit`) for its first stdout line, `... listening on
    /// http://ADDR`.
    pub fn spawn(
        name: &str,
        program: &Path,
        args: &[String],
        env: &[(&str, String)],
        log: &Path,
        limit: Duration,
    ) -> Result<Server> {
        let stderr = std::fs::File::create(log).with_context(|| format!("cannot create {}", log.display()))?;
        let started = Instant::now();
        let mut child = die_with_parent(&mut Command::new(program))
            .args(args)
            // The server must read its store from --data-dir, whatever the caller's environment.
            .env_remove("OZ_DATABASE")
            .env_remove("TOKIO_WORKER_THREADS")
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .with_context(|| format!("cannot start {}", program.display()))?;
        let stdout = child.stdout.take().ok_or_else(|| anyhow!("no stdout"))?;
        let mut guard = Guard::new(child, name);
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            // Once nobody listens any more, it keeps reading so the child never blocks on a full pipe.
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let first = match rx.recv_timeout(limit) {
            Ok(line) => line,
            Err(RecvTimeoutError::Timeout) => {
                bail!("{name} printed no banner within {limit:?} (log: {})", log.display())
            }
            Err(RecvTimeoutError::Disconnected) => {
                let status = guard.wait_timeout(Duration::from_secs(5))?;
                bail!("{name} exited ({status}) before listening (log: {})", log.display())
            }
        };
        let startup = started.elapsed();
        let addr = first.split_once("listening on http://").map(|(_, a)| a.trim().to_owned());
        let addr = addr.ok_or_else(|| anyhow!("{name}'s first line is not a banner: {first:?}"))?;
        Ok(Server { guard, addr, startup, lines: rx, name: name.to_owned() })
    }

    pub fn pid(&self) -> u32 {
        self.guard.pid()
    }

    /// SIGTERM (the server drains and exits), then every stdout line it printed after the banner.
    pub fn stop(mut self) -> Result<Vec<String>> {
        self.guard.terminate(Duration::from_secs(20)).with_context(|| format!("stopping {}", self.name))?;
        Ok(std::iter::from_fn(|| self.lines.recv_timeout(Duration::from_secs(2)).ok()).collect())
    }
}

/// Runs a command to completion with a time limit; its stdout as text.
pub fn run_with_timeout(program: &str, args: &[&str], limit: Duration) -> Result<(ExitStatus, String)> {
    let out_path = scratch_file("cmd-out");
    let out = std::fs::File::create(&out_path)?;
    let child = die_with_parent(&mut Command::new(program))
        .args(args)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("cannot run {program}"))?;
    let status = Guard::new(child, program).wait_timeout(limit)?;
    let text = std::fs::read_to_string(&out_path).unwrap_or_default();
    let _ = std::fs::remove_file(&out_path);
    Ok((status, text))
}

fn scratch_file(stem: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let (pid, n) = (std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed));
    std::env::temp_dir().join(format!("oz-bench-{pid}-{stem}-{n}"))
}

/// The `KEY: N kB` line of a /proc file (status, meminfo), in bytes.
pub fn kb_field(path: &str, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines().find_map(|l| {
        let rest = l.strip_prefix(key)?.strip_prefix(':')?;
        rest.split_whitespace().next()?.parse::<u64>().ok().map(|kb| kb * 1024)
    })
}

/// A `kB` line of /proc/PID/status, in bytes.
pub fn status_bytes(pid: u32, key: &str) -> Option<u64> {
    kb_field(&format!("/proc/{pid}/status"), key)
}

pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Peak resident set (VmHWM) of a running process, in bytes.
pub fn peak_rss(pid: u32) -> Option<u64> {
    status_bytes(pid, "VmHWM")
}

pub fn clock_ticks() -> f64 {
    // SAFETY: sysconf has no memory effects.
    match unsafe { libc::sysconf(libc::_SC_CLK_TCK) } {
        ticks if ticks > 0 => ticks as f64,
        _ => 100.0,
    }
}

/// The pids of the running processes whose command name (`/proc/PID/comm`) is `name`.
pub fn processes_named(name: &str) -> Vec<u32> {
    let Ok(dir) = std::fs::read_dir("/proc") else { return Vec::new() };
    dir.filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim_end() == name))
        .collect()
}

/// CPU seconds (user + system) a running process has used so far.
pub fn cpu_seconds(pid: u32) -> Option<f64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may hold spaces and parentheses; the fields after its last ')' do not.
    let rest = &text[text.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // After the name: state is field 3 of stat(5), so utime (14) and stime (15) are at 11, 12.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / clock_ticks())
}

/// The machine's CPU counters from /proc/stat: (busy, idle, iowait) in ticks, all cores.
#[derive(Clone, Copy, Debug, Default)]
pub struct MachineCpu {
    pub busy: u64,
    pub idle: u64,
    pub iowait: u64,
}

impl MachineCpu {
    pub fn now() -> MachineCpu {
        let text = std::fs::read_to_string("/proc/stat").unwrap_or_default();
        let Some(line) = text.lines().find(|l| l.starts_with("cpu ")) else { return MachineCpu::default() };
        let v: Vec<u64> = line.split_whitespace().skip(1).filter_map(|f| f.parse().ok()).collect();
        let get = |i: usize| v.get(i).copied().unwrap_or(0);
        // user nice system idle iowait irq softirq steal (guest time is inside user already).
        let busy = get(0) + get(1) + get(2) + get(5) + get(6) + get(7);
        MachineCpu { busy, idle: get(3), iowait: get(4) }
    }

    /// CPU seconds all cores were busy between `self` and `later`.
    pub fn busy_seconds_until(&self, later: &MachineCpu) -> f64 {
        later.busy.saturating_sub(self.busy) as f64 / clock_ticks()
    }

    /// (idle %, iowait %) of all cores between `self` and `later`.
    pub fn idle_since(&self, later: &MachineCpu) -> (f64, f64) {
        let busy = later.busy.saturating_sub(self.busy) as f64;
        let idle = later.idle.saturating_sub(self.idle) as f64;
        let iowait = later.iowait.saturating_sub(self.iowait) as f64;
        let total = busy + idle + iowait;
        if total == 0.0 {
            return (0.0, 0.0);
        }
        (100.0 * idle / total, 100.0 * iowait / total)
    }
}

/// Waits (at most `limit`) until the CPUs have been less than `threshold` % busy for half a
/// second, so that a timed run does not start while other work (a build, a test suite) is
/// running on this small machine. Returns the last share seen; the caller records it either way.
pub fn wait_for_quiet(limit: Duration, threshold: f64) -> f64 {
    let deadline = Instant::now() + limit;
    let cores = cores() as f64;
    loop {
        let before = MachineCpu::now();
        let started = Instant::now();
        std::thread::sleep(Duration::from_millis(500));
        let busy = 100.0 * before.busy_seconds_until(&MachineCpu::now()) / (started.elapsed().as_secs_f64() * cores);
        if busy < threshold || Instant::now() >= deadline {
            return busy;
        }
    }
}
