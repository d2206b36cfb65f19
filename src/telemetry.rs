//! Logging and metrics. Logs: `tracing` to stderr, filtered by `RUST_LOG` (default `info`);
//! nothing logs a token or a request header. Metrics: `metrics`, the Prometheus series behind
//! `GET /metrics`.

pub mod metrics;

pub fn init() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // A second init (tests calling into the CLI twice) is harmless, so its error is ignored.
    // Colours only on a terminal: escape codes would garble log files and CI output.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    // A log line that cannot be written (stderr closed, its disk full) is dropped: by default
    // the subscriber reports that with `eprintln!`, which panics then, and the panic took the
    // request that logged (its connection closed without an answer) or the start-up with it.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr)
        .log_internal_errors(false)
        .try_init();
}
