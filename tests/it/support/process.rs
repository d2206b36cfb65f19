//! The real `oz-groups` binary, as a child process that is killed when dropped.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, BufReader, Lines};
use tokio::process::{Child, ChildStdout, Command};

pub const BIN: &str = env!("CARGO_BIN_EXE_oz-groups");

/// How long the binary may take to print its first line.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// The binary with a clean environment: no `OZ_*` variable of the caller's leaks in.
pub fn command(args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args);
    for var in ["OZ_LISTEN", "OZ_DATA_DIR", "OZ_DATABASE", "OZ_MASTER_KEY"] {
        cmd.env_remove(var);
    }
    cmd.env("RUST_LOG", "warn");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.kill_on_drop(true);
    cmd
}

/// A running `oz-groups serve`.
pub struct ServerProcess {
    pub child: Child,
    /// `http://127.0.0.1:PORT`
    pub root: String,
    /// The banner lines read so far (the first is the address line).
    pub banner: Vec<String>,
    stdout: Lines<BufReader<ChildStdout>>,
}

impl ServerProcess {
    pub fn base(&self) -> String {
        format!("{}{}", self.root, super::API_ROOT)
    }

    pub fn pid(&self) -> u32 {
        self.child.id().expect("the child is running")
    }

    /// Reads the next stdout line (with a timeout).
    pub async fn next_line(&mut self) -> Option<String> {
        tokio::time::timeout(START_TIMEOUT, self.stdout.next_line())
            .await
            .expect("a stdout line in time")
            .expect("stdout reads")
    }

    /// Sends SIGTERM with `kill -TERM <pid>` and waits (bounded) for the exit status.
    pub async fn terminate(mut self, within: Duration) -> std::process::ExitStatus {
        let status =
            std::process::Command::new("kill").args(["-TERM", &self.pid().to_string()]).status().expect("kill runs");
        assert!(status.success(), "kill -TERM failed");
        tokio::time::timeout(within, self.child.wait())
            .await
            .unwrap_or_else(|_| panic!("the server did not exit within {within:?} of SIGTERM"))
            .expect("wait works")
    }

    /// SIGKILL, as a crash would.
    pub async fn crash(mut self) {
        self.child.kill().await.expect("the child is killed");
    }
}

/// Runs `oz-groups serve --listen 127.0.0.1:0 --data-dir <dir>` (plus `args`) and reads the
/// first stdout line, `oz-groups listening on http://ADDR`, to learn the address.
pub async fn spawn_binary(data_dir: &Path, args: &[&str], env: &[(&str, &str)]) -> ServerProcess {
    let dir = data_dir.to_str().expect("a UTF-8 path");
    let mut all = vec!["serve", "--listen", "127.0.0.1:0", "--data-dir", dir];
    all.extend_from_slice(args);
    let mut child = command(&all, env)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary starts");
    let stdout = BufReader::new(child.stdout.take().expect("piped stdout")).lines();
    let mut server = ServerProcess { child, root: String::new(), banner: Vec::new(), stdout };
    let first = server.next_line().await.expect("the binary printed its address line before exiting");
    let addr = first
        .strip_prefix("oz-groups listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line: {first:?}"))
        .trim()
        .to_owned();
    server.root = format!("http://{addr}");
    server.banner.push(first);
    server
}

/// Runs the binary to completion (bounded), returning its output.
pub async fn run(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let child = command(args, env)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    tokio::time::timeout(START_TIMEOUT, child.wait_with_output())
        .await
        .unwrap_or_else(|_| panic!("`oz-groups {}` did not finish in time", args.join(" ")))
        .expect("the output reads")
}
