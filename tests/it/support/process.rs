//! The real `oz-groups` binary, as a child process that is killed when dropped, and a client
//! for it.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, BufReader, Lines};
use tokio::process::{Child, ChildStdout, Command};

use super::Reply;

pub const BIN: &str = env!("CARGO_BIN_EXE_oz-groups");

/// How long the binary may take to print its first line.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// The binary with a clean environment: no `OZ_*` variable of the caller's leaks in.
pub fn command(args: &[&str], env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args);
    for var in [
        "OZ_LISTEN",
        "OZ_DATA_DIR",
        "OZ_DATABASE",
        "OZ_MASTER_KEY",
        "OZ_TLS_CERT",
        "OZ_TLS_KEY",
        "OZ_TLS_HANDSHAKE_TIMEOUT",
        "OZ_MAX_CONNECTIONS",
        "OZ_HEADER_READ_TIMEOUT",
        "OZ_IDLE_TIMEOUT",
        "OZ_MAX_HEADER_BYTES",
    ] {
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
    /// `http://127.0.0.1:PORT`, or `https://…` when it serves TLS
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
/// first stdout line, `oz-groups listening on http://ADDR` (or `https://`), to learn the address.
pub async fn spawn_binary(data_dir: &Path, args: &[&str], env: &[(&str, &str)]) -> ServerProcess {
    spawn_binary_logging_to(data_dir, args, env, Stdio::null()).await
}

/// `spawn_binary`, its stderr (the log) going to `stderr`.
pub async fn spawn_binary_logging_to(
    data_dir: &Path,
    args: &[&str],
    env: &[(&str, &str)],
    stderr: Stdio,
) -> ServerProcess {
    let dir = data_dir.to_str().expect("a UTF-8 path");
    let mut all = vec!["serve", "--listen", "127.0.0.1:0", "--data-dir", dir];
    all.extend_from_slice(args);
    let mut child = command(&all, env)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .expect("the binary starts");
    let stdout = BufReader::new(child.stdout.take().expect("piped stdout")).lines();
    let mut server = ServerProcess { child, root: String::new(), banner: Vec::new(), stdout };
    let first = server.next_line().await.expect("the binary printed its address line before exiting");
    // `https://` when the arguments asked for TLS.
    let url =
        first.strip_prefix("oz-groups listening on ").unwrap_or_else(|| panic!("unexpected first line: {first:?}"));
    assert!(url.starts_with("http://") || url.starts_with("https://"), "unexpected first line: {first:?}");
    server.root = url.trim().to_owned();
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

/// `oz-groups ARGS` with `stdin` as its standard input (the CLI's `--password-stdin`), to its end.
pub async fn run_with_stdin(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use tokio::io::AsyncWriteExt as _;
    let mut child = command(args, &[])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut input = child.stdin.take().expect("a piped stdin");
    input.write_all(stdin).await.expect("stdin takes the input");
    drop(input);
    tokio::time::timeout(START_TIMEOUT, child.wait_with_output())
        .await
        .unwrap_or_else(|_| panic!("`oz-groups {}` did not finish in time", args.join(" ")))
        .expect("the output reads")
}

/// A fresh data directory with the binary serving it: how a test of the real binary starts.
pub struct Served {
    /// The data directory (and its `admin.token`); removed when dropped.
    pub dir: tempfile::TempDir,
    pub server: ServerProcess,
    pub remote: Remote,
    /// The zone admin's access token.
    pub admin: String,
}

/// Starts the binary with `args` on a new data directory.
pub async fn serve_fresh(args: &[&str]) -> Served {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let server = spawn_binary(dir.path(), args, &[]).await;
    let remote = Remote::of(&server);
    let admin = admin_token(dir.path());
    Served { dir, server, remote, admin }
}

/// The zone admin's access token, as the first start wrote it to `<dir>/admin.token`.
pub fn admin_token(dir: &Path) -> String {
    std::fs::read_to_string(dir.join("admin.token")).expect("admin.token was written").trim().to_owned()
}

/// `oz-groups user add <name> [--admin] --data-dir <dir> [extra...]` with `env`; its stdout must
/// be exactly one token line, which is returned.
pub async fn user_add_with(dir: &Path, name: &str, admin: bool, extra: &[&str], env: &[(&str, &str)]) -> String {
    let mut args = vec!["user", "add", name, "--data-dir", dir.to_str().expect("a UTF-8 path")];
    if admin {
        args.push("--admin");
    }
    args.extend_from_slice(extra);
    let output = run(&args, env).await;
    assert!(output.status.success(), "user add failed: {}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 stdout");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "user add prints only the token: {stdout:?}");
    let token = lines[0].trim();
    assert!(!token.is_empty() && token.bytes().all(|b| b.is_ascii_alphanumeric()), "{token:?}");
    token.to_owned()
}

/// `user_add_with` on the default (SQLite) database of `dir`.
pub async fn user_add(dir: &Path, name: &str, admin: bool) -> String {
    user_add_with(dir, name, admin, &[], &[]).await
}

/// A client for a server in another process. Every reply is read whole, checked never to echo
/// the credential or the invite sent and checked against the spec (`contract`), as `Req::send`
/// does for in-process servers.
#[derive(Clone)]
pub struct Remote {
    /// `http://127.0.0.1:PORT`
    pub root: String,
    http: reqwest::Client,
}

impl Remote {
    pub fn of(server: &ServerProcess) -> Remote {
        Remote { root: server.root.clone(), http: super::client() }
    }

    /// `method path` under the API root, with the access token in `X-Auth-Token` and a JSON body
    /// if any.
    pub async fn send(&self, method: Method, path: &str, token: &str, body: Option<Value>) -> Reply {
        let url = format!("{}{}{path}", self.root, super::API_ROOT);
        let reply = self.send_unchecked(method.clone(), &url, Some(token), body.as_ref()).await;
        let mut secrets = vec![token.to_owned()];
        if let Some(Value::String(invite)) = body.as_ref().and_then(|b| b.get("token")) {
            secrets.push(invite.clone());
        }
        reply.check_no_leak(&secrets);
        super::contract::check(&method, &super::request_target(&url), &reply);
        reply
    }

    /// The request, read whole, with none of the checks: for callers that collect departures
    /// from the contract (`contract::violations`) instead of stopping at the first.
    pub async fn send_unchecked(&self, method: Method, url: &str, token: Option<&str>, body: Option<&Value>) -> Reply {
        let mut request = self.http.request(method.clone(), url);
        if let Some(token) = token {
            request = request.header("X-Auth-Token", token);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        let response = request.send().await.unwrap_or_else(|e| panic!("{method} {url} failed: {e}"));
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.expect("the body reads").to_vec();
        Reply { status, headers, body }
    }

    pub async fn get(&self, path: &str, token: &str) -> Reply {
        self.send(Method::GET, path, token, None).await
    }

    /// `GET path` under the API root with HTTP Basic credentials, checked.
    pub async fn get_basic(&self, path: &str, login: &str, password: &str) -> Reply {
        let url = format!("{}{}{path}", self.root, super::API_ROOT);
        let response = self.http.get(&url).basic_auth(login, Some(password)).send().await.expect("the request is sent");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.bytes().await.expect("the body reads").to_vec();
        let reply = Reply { status, headers, body };
        reply.check_no_leak(&[password.to_owned()]);
        super::contract::check(&Method::GET, &super::request_target(&url), &reply);
        reply
    }

    /// `method path` outside the API root (`/healthz`), without credentials, checked.
    pub async fn send_root(&self, method: Method, path: &str) -> Reply {
        let url = format!("{}{path}", self.root);
        let reply = self.send_unchecked(method.clone(), &url, None, None).await;
        super::contract::check(&method, &super::request_target(&url), &reply);
        reply
    }

    /// `POST /user/groups/join` with `{"token": invite}`.
    pub async fn join(&self, token: &str, invite: &str) -> Reply {
        self.send(Method::POST, "/user/groups/join", token, Some(json!({ "token": invite }))).await
    }

    /// `POST /user/groups`; returns the new group's id.
    pub async fn create_group(&self, token: &str, name: &str) -> String {
        let reply = self.send(Method::POST, "/user/groups", token, Some(json!({ "name": name }))).await;
        let reply = reply.expect(StatusCode::CREATED);
        let location = reply.header("location").expect("a Location header");
        let prefix = format!("{}/user/groups/", super::API_ROOT);
        location.strip_prefix(&prefix).unwrap_or_else(|| panic!("unexpected Location {location}")).to_owned()
    }

    /// `POST /groups/{gid}/users/token`; returns the invite.
    pub async fn invite(&self, token: &str, gid: &str) -> String {
        let reply = self.send(Method::POST, &format!("/groups/{gid}/users/token"), token, None).await;
        reply.expect(StatusCode::OK).json()["token"].as_str().expect("a token").to_owned()
    }

    /// The direct members of `gid`, as `token` (a member with `group_view_data`) sees them.
    pub async fn members(&self, token: &str, gid: &str) -> Vec<String> {
        let reply = self.get(&format!("/groups/{gid}/users"), token).await.expect(StatusCode::OK);
        super::strings(&reply.json()["users"])
    }

    /// The id of the user behind `token`.
    pub async fn user_id(&self, token: &str) -> String {
        let reply = self.get("/user", token).await.expect(StatusCode::OK);
        reply.json()["userId"].as_str().expect("a userId").to_owned()
    }
}
