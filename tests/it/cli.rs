//! The real binary: `serve` (banner, admin token, SIGTERM, restart and crash durability),
//! `user add` against a running server, passwords from `--password-stdin` (`user add`,
//! `user passwd`) used with HTTP Basic, and `token inspect`.

use std::time::Duration;

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::poll;
use crate::support::process::{
    admin_token, run, run_with_stdin, serve_fresh, spawn_binary, spawn_binary_logging_to, user_add, user_add_with,
    Remote, Served,
};

#[tokio::test]
async fn serve_prints_its_address_and_docs_url_and_the_admin_token_works() {
    let Served { dir, mut server, remote, admin } = serve_fresh(&[]).await;
    let second = server.next_line().await.expect("a second banner line");
    assert!(second.contains(&format!("{}/docs/", server.root)), "the Swagger UI URL: {second:?}");

    assert_eq!(remote.get("/user", &admin).await.expect(StatusCode::OK).json()["name"], "admin");
    remote.get("/groups", &admin).await.expect(StatusCode::OK); // the bootstrap admin is a zone admin
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(dir.path().join("admin.token")).unwrap().permissions(),
    );
    assert_eq!(mode & 0o077, 0, "admin.token is private");
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(dir.path().join("master.key")).expect("master.key was created").permissions(),
    );
    assert_eq!(mode & 0o777, 0o600, "master.key has mode 0600");

    remote.send_root(Method::GET, "/healthz").await.expect(StatusCode::OK);
}

#[tokio::test]
async fn user_add_while_the_server_runs_prints_a_token_that_works_at_once() {
    let Served { dir, server: _server, remote, admin } = serve_fresh(&[]).await;

    let carol = user_add(dir.path(), "carol", false).await;
    let me = remote.get("/user", &carol).await.expect(StatusCode::OK).json();
    assert_eq!(me["name"], "carol");
    assert_eq!((&me["alias"], &me["login"]), (&json!(""), &json!("carol")));
    remote.get("/groups", &carol).await.expect(StatusCode::FORBIDDEN); // carol is no zone admin

    // Carol can take part in the seed operation straight away.
    let gid = remote.create_group(&admin, "Team").await;
    let invite = remote.invite(&admin, &gid).await;
    remote.join(&carol, &invite).await.expect(StatusCode::CREATED);
    assert_eq!(remote.get("/user/groups", &carol).await.expect(StatusCode::OK).json(), json!({ "groups": [gid] }));

    let boss = user_add(dir.path(), "boss", true).await;
    assert_eq!(remote.get("/groups", &boss).await.expect(StatusCode::OK).json(), json!({ "groups": [gid] }));
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
async fn a_password_given_to_user_add_on_stdin_works_with_basic_auth_at_once() {
    let Served { dir, server: _server, remote, admin: _ } = serve_fresh(&[]).await;
    let data_dir = dir.path().to_str().unwrap();
    let output =
        run_with_stdin(&["user", "add", "dave", "--password-stdin", "--data-dir", data_dir], b"pa ss:word\n").await;
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let token = String::from_utf8(output.stdout).unwrap().trim().to_owned();
    let me = remote.get_basic("/user", "dave", "pa ss:word").await.expect(StatusCode::OK).json();
    assert_eq!((&me["login"], &me["name"]), (&json!("dave"), &json!("dave")));
    assert_eq!(remote.get("/user", &token).await.expect(StatusCode::OK).json(), me, "the token is dave's too");
    let wrong = remote.get_basic("/user", "dave", "pa ss:word\n").await;
    crate::support::assert_error(&wrong, StatusCode::UNAUTHORIZED, "invalid_credentials");
    // --name sets a name apart from the login.
    let erin = user_add_with(dir.path(), "erin", false, &["--name", "Erin Example"], &[]).await;
    let me = remote.get("/user", &erin).await.expect(StatusCode::OK).json();
    assert_eq!((&me["login"], &me["name"]), (&json!("erin"), &json!("Erin Example")));
}

#[tokio::test]
async fn user_passwd_replaces_the_password_and_a_running_server_sees_it_within_a_second() {
    let Served { dir, server: _server, remote, admin: _ } = serve_fresh(&[]).await;
    let data_dir = dir.path().to_str().unwrap();
    let add = run_with_stdin(&["user", "add", "dave", "--password-stdin", "--data-dir", data_dir], b"old\n").await;
    assert!(add.status.success(), "{}", String::from_utf8_lossy(&add.stderr));
    remote.get_basic("/user", "dave", "old").await.expect(StatusCode::OK);
    // A Windows line ending is not part of the password.
    let passwd =
        run_with_stdin(&["user", "passwd", "dave", "--password-stdin", "--data-dir", data_dir], b"new\r\nmore").await;
    assert!(passwd.status.success(), "{}", String::from_utf8_lossy(&passwd.stderr));
    assert!(passwd.stdout.is_empty(), "passwd prints nothing");
    // The server's cache answers for the old password until the next second of its clock.
    let refused = poll::until(Duration::from_secs(5), Duration::from_millis(50), || async {
        (remote.get_basic("/user", "dave", "old").await.status == StatusCode::UNAUTHORIZED).then_some(())
    })
    .await;
    assert!(refused.is_some(), "the old password is refused within the bound");
    remote.get_basic("/user", "dave", "new").await.expect(StatusCode::OK);
}

#[tokio::test]
async fn passwords_and_logins_the_cli_refuses_create_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().to_str().unwrap();
    user_add(dir.path(), "carol", false).await;
    let refused: [(Vec<&str>, &[u8]); 6] = [
        (vec!["user", "add", "dave", "--password-stdin", "--data-dir", data_dir], b"\n"),
        (vec!["user", "add", "dave", "--password-stdin", "--data-dir", data_dir], b""),
        (vec!["user", "add", "carol", "--data-dir", data_dir], b""),
        (vec!["user", "add", "da:ve", "--data-dir", data_dir], b""),
        (vec!["user", "passwd", "nobody", "--password-stdin", "--data-dir", data_dir], b"pw\n"),
        (vec!["user", "passwd", "carol", "--data-dir", data_dir], b"pw\n"),
    ];
    for (args, stdin) in refused {
        let output = run_with_stdin(&args, stdin).await;
        assert!(!output.status.success(), "{args:?} should fail");
        assert!(output.stdout.is_empty(), "{args:?} printed {:?}", String::from_utf8_lossy(&output.stdout));
    }
    let output = run_with_stdin(&["user", "passwd", "carol", "--password-stdin", "--data-dir", data_dir], b"\n").await;
    assert!(!output.status.success(), "an empty password is refused");
    // dave was never created, so the login is still free.
    user_add(dir.path(), "dave", false).await;
}

#[tokio::test]
async fn token_inspect_shows_location_identifier_and_caveats() {
    let Served { dir: _dir, server: _server, remote, admin } = serve_fresh(&[]).await;
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
    let Served { dir, server, remote, admin } = serve_fresh(&[]).await;
    let carol = user_add(dir.path(), "carol", false).await;
    let gid = remote.create_group(&admin, "Durable").await;
    let invite = remote.invite(&admin, &gid).await;
    let spare = remote.invite(&admin, &gid).await;
    remote.join(&carol, &invite).await.expect(StatusCode::CREATED);

    let status = server.terminate(Duration::from_secs(5)).await;
    assert!(status.success(), "exit status after SIGTERM: {status:?}");

    let server = spawn_binary(dir.path(), &[], &[]).await;
    let remote = Remote::of(&server);
    assert_eq!(admin_token(dir.path()), admin, "the admin is not recreated");
    assert_eq!(remote.get("/user", &carol).await.expect(StatusCode::OK).json()["name"], "carol");
    assert_eq!(remote.get("/user/groups", &carol).await.expect(StatusCode::OK).json(), json!({ "groups": [gid] }));
    let group = remote.get(&format!("/groups/{gid}"), &carol).await.expect(StatusCode::OK).json();
    assert_eq!(group["name"], "Durable");
    assert_eq!(remote.members(&admin, &gid).await.len(), 2);
    // The used invite stays used; the spare one still works.
    let dave = user_add(dir.path(), "dave", false).await;
    remote.join(&dave, &invite).await.expect(StatusCode::BAD_REQUEST);
    remote.join(&dave, &spare).await.expect(StatusCode::CREATED);
}

#[tokio::test]
async fn a_join_answered_201_survives_a_kill_9() {
    let Served { dir, server, remote, admin } = serve_fresh(&[]).await;
    let carol = user_add(dir.path(), "carol", false).await;
    let gid = remote.create_group(&admin, "Crash-proof").await;
    let invite = remote.invite(&admin, &gid).await;
    remote.join(&carol, &invite).await.expect(StatusCode::CREATED);
    server.crash().await;

    let server = spawn_binary(dir.path(), &[], &[]).await;
    let remote = Remote::of(&server);
    assert_eq!(remote.get("/user/groups", &carol).await.expect(StatusCode::OK).json(), json!({ "groups": [gid] }));
    let group = remote.get(&format!("/user/groups/{gid}"), &carol).await.expect(StatusCode::OK).json();
    assert_eq!(group["groupId"], json!(gid));
}

/// A log that cannot be written (stderr on a full disk, here `/dev/full`) costs the log lines,
/// not the server: it starts, and every request that logs (all of them, at `debug`) is answered.
/// The subscriber's own report of a failed write was an `eprintln!`, which panicked: the start-up
/// exited with 101, and a request's connection closed with no answer.
#[tokio::test]
async fn a_log_that_cannot_be_written_loses_lines_not_answers() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full opens");
    let server = spawn_binary_logging_to(dir.path(), &[], &[("RUST_LOG", "debug")], full.into()).await;
    let remote = Remote::of(&server);
    let admin = admin_token(dir.path());
    for _ in 0..3 {
        remote.get("/user", &admin).await.expect(StatusCode::OK);
        remote.get("/user", "not-a-token").await.expect(StatusCode::UNAUTHORIZED);
    }
    let status = server.terminate(Duration::from_secs(5)).await;
    assert!(status.success(), "exit status after SIGTERM: {status:?}");
}
