//! `oz-bench`, the benchmark behind `make bench`. `run` drives everything and writes
//! `bench/results.json`, then `results.md` and `results.svg` from it (`report` redoes only that);
//! `serve-memory` is the memory-backend server, which must seed its fixture inside its own
//! process because the memory store lives there.

mod hierarchy;
mod orchestrate;
mod postgres;
mod procs;
mod profile;
mod report;
mod scale;
mod seed;
mod smoke;
mod storage;
mod wrk;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use oz_groups::config::{StoreArgs, DEFAULT_POOL_SIZE};
use oz_groups::startup::{self, Serving};

#[derive(Parser, Debug)]
#[command(name = "oz-bench", about = "The oz-groups benchmark (make bench)")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run every workload and write the results (what `make bench` calls).
    Run(orchestrate::Config),
    /// Seed a memory-backend app in this process, write its token files, and serve it.
    ServeMemory(ServeArgs),
    /// Regenerate results.md and results.svg (and print the before/after table) from a results.json.
    Report(ReportArgs),
}

#[derive(Args, Debug)]
struct ReportArgs {
    #[arg(long, default_value = "bench/results.json")]
    from: PathBuf,
    /// Where results.md and results.svg go.
    #[arg(long, default_value = "bench")]
    out: PathBuf,
}

#[derive(Args, Debug)]
struct ServeArgs {
    /// Where the token files (and the throwaway master key) go.
    #[arg(long)]
    dir: PathBuf,
    /// Join pairs to mint (join.txt).
    #[arg(long, default_value_t = 0)]
    join: usize,
    /// Readers to create (read.txt).
    #[arg(long, default_value_t = 0)]
    read: usize,
    #[arg(long, default_value_t = 10)]
    groups_per_reader: usize,
    /// Users with forged invites (reject.txt).
    #[arg(long, default_value_t = 0)]
    reject: usize,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Run(args) => run(args),
        Command::ServeMemory(args) => serve_memory(args),
        Command::Report(a) => {
            report::load(&a.from).and_then(|r| report::write_views(&r, &a.out)).map(|()| ExitCode::SUCCESS)
        }
    };
    result.unwrap_or_else(|e| {
        eprintln!("oz-bench: {e:#}");
        ExitCode::FAILURE
    })
}

fn run(mut cfg: orchestrate::Config) -> Result<ExitCode> {
    let exe = std::env::current_exe()?;
    cfg.bins = exe.parent().context("the binary has no directory")?.to_path_buf();
    // The server (started now, and kept until this process ends) only when its part runs. Without
    // PostgreSQL the skip rule applies: a SKIPPED part in the results, or a failure under CI.
    if cfg.runs("postgres") || cfg.runs("hierarchy") {
        cfg.postgres_url = oz_testkit::postgres::server_url_blocking("oz-bench: the PostgreSQL part");
    }
    cfg.script = std::fs::canonicalize(&cfg.script).with_context(|| format!("{}", cfg.script.display()))?;
    // The committed results are the "before": read now, before this run replaces them.
    let previous = report::read_previous(&cfg.out.join("results.json"));
    let mut bench = orchestrate::Bench::new(cfg)?;
    bench.run_all();
    let r = report::build(bench.results, bench.cfg, previous);
    report::write_json(&r, &r.settings.out)?;
    report::write_views(&r, &r.settings.out)?;
    // A missed target is a finding, reported in the file; a workload with no figures at all is
    // a broken benchmark, and says so with the exit status too.
    Ok(if report::failed(&r) { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn serve_memory(a: ServeArgs) -> Result<ExitCode> {
    // The same runtime as the server's `#[tokio::main]`: one worker per core.
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(async move {
        oz_groups::telemetry::init();
        std::fs::create_dir_all(&a.dir)?;
        let args = StoreArgs {
            data_dir: a.dir.clone(),
            database: Some("memory".into()),
            database_pool_size: DEFAULT_POOL_SIZE,
        };
        let app = startup::build_app(&args).await?;
        let join_groups = match a.join {
            0 => Vec::new(),
            n => seed::join_pairs(&app, n, &a.dir.join("join.txt")).await?.groups,
        };
        if a.read > 0 {
            seed::read_users(&app, a.read, a.groups_per_reader, &a.dir.join("read.txt")).await?;
        }
        if a.reject > 0 {
            seed::reject_pairs(&app, a.reject, &a.dir.join("reject.txt")).await?;
        }
        let listener = startup::bind("127.0.0.1:0").await?;
        // The same first line as `oz-groups serve`: the orchestrator reads the address from it.
        println!("oz-groups listening on http://{}", listener.local_addr()?);
        std::io::Write::flush(&mut std::io::stdout())?;
        // No rate limits: the reject workload is nothing but failed joins from one address.
        let limiter = std::sync::Arc::new(oz_groups::http::limits::Limiter::new(&Default::default()));
        let serving = Serving { limiter, ..Serving::plain() };
        startup::serve_with(listener, app.clone(), serving, startup::shutdown_signal()).await?;
        // After the drain: how many joins the store really made, for the orchestrator to check
        // against wrk's count of 2xx answers.
        println!("OZBENCH joined={}", seed::joined(&app, &join_groups).await?);
        Ok(ExitCode::SUCCESS)
    })
}
