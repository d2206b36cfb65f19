//! The `oz-groups` binary: parse the command line, start logging, run.

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = oz_groups::cli::Cli::parse();
    oz_groups::telemetry::init();
    match oz_groups::cli::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            // Not `eprintln!`, which panics when stderr cannot be written.
            let _ = std::io::Write::write_all(&mut std::io::stderr(), format!("error: {e:#}\n").as_bytes());
            std::process::ExitCode::FAILURE
        }
    }
}
