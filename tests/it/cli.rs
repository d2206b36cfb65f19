//! The real binary: `serve` (banner, admin token, SIGTERM, restart and crash durability),
//! `user add` against a running server, and `token inspect`.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::support::process::{run, spawn_binary, ServerProcess};
use crate::support::{client, contract, request_target, Reply, API_ROOT};

/// A response from the real binary, read whole.
async fn read(response: reqwest::Response) -> Reply {
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await.expect("the body reads").to_vec();
    Reply { status, headers, body }
}

/// A minimal client for a server in another process.
struct Remote {
    base: String,
    http: reqwest::Client,
}

impl Remote {
    fn of(server: &ServerProcess) -> Remote {
        Remote { base: server.base(), http: client() }
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value, Option<String>) {
        let url = format!("{}{path}", self.base);
        let mut request = self.http.request(method.clone(), &url).header("X-Auth-Token", token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let reply = read(request.send().await.expect("the server answers")).await;
        assert!(!reply.text().contains(token), "a reply echoes the access token");
        contract::check(&method, &request_target(&url), &reply);
        let location = reply.header("location");
        let value = if reply.body.is_empty() { Value::Null } else { reply.json() };
        (reply.status, value, location)
    }

    async fn get(&self, path: &str, token: &str) -> (StatusCode, Value) {
        let (status, body, _) = self.send(reqwest::Method::GET, path, token, None).await;
        (status, body)
    }

    async fn create_group(&self, token: &str, name: &str) -> String {
        let (status, body, location) =
            self.send(reqwest::Method::POST, "/user/groups", token, Some(json!({ "name": name }))).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        location.unwrap().strip_prefix(&format!("{API_ROOT}/user/groups/")).unwrap().to_owned()
    }

    async fn invite(&self, token: &str, gid: &str) -> String {
        let (status, body, _) =
            self.send(reqwest::Method::POST, &format!("/groups/{gid}/users/token"), token, None).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["token"].as_str().unwrap().to_owned()
    }

    async fn join(&self, token: &str, invite: &str) -> StatusCode {
        let (status, body, _) =
            self.send(reqwest::Method::POST, "/user/groups/join", token, Some(json!({ "token": invite }))).await;
        assert!(!body.to_string().contains(invite), "a reply echoes the invite");
        status
    }
}

fn admin_token(dir: &std::path::Path) -> String {
    std::fs::read_to_string(dir.join("admin.token")).expect("admin.token was written").trim().to_owned()
}

/// `oz-groups user add <name> [--admin] --data-dir <dir>`: its stdout must be exactly one token line.
async fn user_add(dir: &std::path::Path, name: &str, admin: bool) -> String {
    let mut args = vec!["user", "add", name, "--data-dir", dir.to_str().unwrap()];
    if admin {
        args.push("--admin");
    }
    let output = run(&args, &[]).await;
    assert!(output.status.success(), "user add failed: {}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 stdout");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "user add prints only the token: {stdout:?}");
    let token = lines[0].trim();
    assert!(!token.is_empty() && token.bytes().all(|b| b.is_ascii_alphanumeric()), "{token:?}");
    token.to_owned()
}

#[tokio::test]
async fn serve_prints_its_address_and_docs_url_and_the_admin_token_works() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = spawn_binary(dir.path(), &[], &[]).await;
    let second = server.next_line().await.expect("a second banner line");
    assert!(second.contains(&format!("{}/docs/", server.root)), "the Swagger UI URL: {second:?}");

    let remote = Remote::of(&server);
    let admin = admin_token(dir.path());
    let (status, me) = remote.get("/user", &admin).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["name"], "admin");
    let (status, _) = remote.get("/groups", &admin).await;
    assert_eq!(status, StatusCode::OK, "the bootstrap admin is a zone admin");
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(dir.path().join("admin.token")).unwrap().permissions(),
    );
    assert_eq!(mode & 0o077, 0, "admin.token is private");
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(dir.path().join("master.key")).expect("master.key was created").permissions(),
    );
    assert_eq!(mode & 0o777, 0o600, "master.key has mode 0600");

    let url = format!("{}/healthz", server.root);
    let health = read(client().get(&url).send().await.unwrap()).await;
    contract::check(&reqwest::Method::GET, &request_target(&url), &health);
    assert_eq!(health.status, StatusCode::OK);
}

#[tokio::test]
async fn user_add_while_the_server_runs_prints_a_token_that_works_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let server = spawn_binary(dir.path(), &[], &[]).await;
    let remote = Remote::of(&server);
    let admin = admin_token(dir.path());

    let carol = user_add(dir.path(), "carol", false).await;
    let (status, me) = remote.get("/user", &carol).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["name"], "carol");
    assert_eq!(me["alias"], Value::Null);
    let (status, _) = remote.get("/groups", &carol).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "carol is no zone admin");

    // Carol can take part in the seed operation straight away.
    let gid = remote.create_group(&admin, "Team").await;
    let invite = remote.invite(&admin, &gid).await;
    assert_eq!(remote.join(&carol, &invite).await, StatusCode::CREATED);
    let (_, groups) = remote.get("/user/groups", &carol).await;
    assert_eq!(groups, json!({ "groups": [gid] }));

    let boss = user_add(dir.path(), "boss", true).await;
    let (status, all) = remote.get("/groups", &boss).await;
    assert_eq!(status, StatusCode::OK, "{all}");
    assert_eq!(all, json!({ "groups": [gid] }));
}

#[tokio::test]
async fn user_add_refuses_bad_input_without_printing_a_token() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().to_str().unwrap();
    for args in [
        vec!["user", "add", "", "--data-dir", data_dir],
        vec!["user", "add", "carol", "--data-dir", data_dir, "--database", "memory"],
    ] {
        let output = run(&args, &[]).await;
        assert!(!output.status.success(), "{args:?} should fail");
        assert!(output.stdout.is_empty(), "{args:?} printed {:?}", String::from_utf8_lossy(&output.stdout));
    }
}

#[tokio::test]
async fn token_inspect_shows_location_identifier_and_caveats() {
    let dir = tempfile::tempdir().unwrap();
    let server = spawn_binary(dir.path(), &[], &[]).await;
    let remote = Remote::of(&server);
    let admin = admin_token(dir.path());
    let gid = remote.create_group(&admin, "Team").await;
    let invite = remote.invite(&admin, &gid).await;
    let id = oz_groups::tokens::Macaroon::deserialize(&invite).unwrap().identifier().to_owned();

    let output = run(&["token", "inspect", &invite], &[]).await;
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8(output.stdout).unwrap();
    let line =
        |key: &str| text.lines().find(|l| l.starts_with(key)).unwrap_or_else(|| panic!("no {key} line in {text:?}"));
    assert_eq!(line("location").split_whitespace().collect::<Vec<_>>(), ["location", "onezone"]);
    assert_eq!(line("identifier").split_whitespace().collect::<Vec<_>>(), ["identifier", id.as_str()]);
    assert!(line("caveat").contains("tokenType = group_invite_user_token"), "{text}");
    assert!(!text.contains(&invite), "inspect does not repeat the token");

    // An access token has no caveats; an attenuated one shows them in order.
    let attenuated = crate::support::tokens::attenuate(&admin, "time < 4102444800");
    let output = run(&["token", "inspect", &attenuated], &[]).await;
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.lines().any(|l| l.starts_with("caveat") && l.contains("time < 4102444800")), "{text}");

    let output = run(&["token", "inspect", "garbage-not-a-token"], &[]).await;
    assert!(!output.status.success(), "inspecting garbage fails");
    assert!(output.stdout.is_empty());
}

#[tokio::test]
async fn sigterm_stops_the_server_cleanly_and_a_restart_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let server = spawn_binary(dir.path(), &[], &[]).await;
    let remote = Remote::of(&server);
    let admin = admin_token(dir.path());
    let carol = user_add(dir.path(), "carol", false).await;
    let gid = remote.create_group(&admin, "Durable").await;
    let invite = remote.invite(&admin, &gid).await;
    let spare = remote.invite(&admin, &gid).await;
    assert_eq!(remote.join(&carol, &invite).await, StatusCode::CREATED);

    let status = server.terminate(Duration::from_secs(5)).await;
    assert!(status.success(), "exit status after SIGTERM: {status:?}");

    let server = spawn_binary(dir.path(), &[], &[]).await;
    let remote = Remote::of(&server);
    assert_eq!(admin_token(dir.path()), admin, "the admin is not recreated");
    let (status, me) = remote.get("/user", &carol).await;
    assert_eq!((status, me["name"].clone()), (StatusCode::OK, json!("carol")));
    let (_, groups) = remote.get("/user/groups", &carol).await;
    assert_eq!(groups, json!({ "groups": [gid] }));
    let (_, group) = remote.get(&format!("/groups/{gid}"), &carol).await;
    assert_eq!(group["name"], "Durable");
    let (_, users) = remote.get(&format!("/groups/{gid}/users"), &admin).await;
    assert_eq!(users["users"].as_array().unwrap().len(), 2);
    // The used invite stays used; the spare one still works.
    let dave = user_add(dir.path(), "dave", false).await;
    assert_eq!(remote.join(&dave, &invite).await, StatusCode::BAD_REQUEST);
    assert_eq!(remote.join(&dave, &spare).await, StatusCode::CREATED);
}

#[tokio::test]
async fn a_join_answered_201_survives_a_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let server = spawn_binary(dir.path(), &[], &[]).await;
    let remote = Remote::of(&server);
    let admin = admin_token(dir.path());
    let carol = user_add(dir.path(), "carol", false).await;
    let gid = remote.create_group(&admin, "Crash-proof").await;
    let invite = remote.invite(&admin, &gid).await;
    assert_eq!(remote.join(&carol, &invite).await, StatusCode::CREATED);
    server.crash().await;

    let server = spawn_binary(dir.path(), &[], &[]).await;
    let remote = Remote::of(&server);
    let (_, groups) = remote.get("/user/groups", &carol).await;
    assert_eq!(groups, json!({ "groups": [gid] }));
    let (_, privileges) = remote.get(&format!("/user/groups/{gid}"), &carol).await;
    assert_eq!(privileges["groupId"], json!(gid));
}
