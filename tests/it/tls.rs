//! HTTPS (contract §9): the real binary with `--tls-cert` and `--tls-key` and a self-signed
//! certificate made here (rcgen) serves the API over HTTP/1.1 and HTTP/2 by ALPN and prints
//! https:// URLs; a plain-HTTP request or a silent client is turned away without holding
//! anything; one flag without the other, or a bad file, refuses to start and says which.

use std::path::{Path, PathBuf};
use std::time::Duration;

use reqwest::{StatusCode, Version};
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;

use crate::support::process::{admin_token, run, spawn_binary, ServerProcess};

/// A fresh data directory holding a self-signed certificate for 127.0.0.1 and its key.
struct Certified {
    dir: tempfile::TempDir,
    cert: PathBuf,
    key: PathBuf,
    /// The certificate in PEM, for clients to trust.
    pem: String,
}

fn certified() -> Certified {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let pair = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned(), "localhost".to_owned()])
        .expect("a self-signed certificate");
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert, pair.cert.pem()).unwrap();
    std::fs::write(&key, pair.key_pair.serialize_pem()).unwrap();
    Certified { pem: pair.cert.pem(), dir, cert, key }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

async fn serve_tls(c: &Certified, extra: &[&str]) -> ServerProcess {
    let mut args = vec!["--database", "memory", "--tls-cert", path(&c.cert), "--tls-key", path(&c.key)];
    args.extend_from_slice(extra);
    spawn_binary(c.dir.path(), &args, &[]).await
}

/// A client that trusts only `pem`; `http1` forbids HTTP/2, otherwise ALPN chooses.
fn client(pem: &str, http1: bool) -> reqwest::Client {
    let builder = reqwest::Client::builder()
        .use_rustls_tls()
        .tls_built_in_root_certs(false)
        .add_root_certificate(reqwest::Certificate::from_pem(pem.as_bytes()).expect("a PEM certificate"))
        .no_proxy();
    let builder = if http1 { builder.http1_only() } else { builder };
    builder.build().expect("a TLS client")
}

#[tokio::test]
async fn https_serves_the_api_over_http1_and_http2_chosen_by_alpn() {
    let c = certified();
    let mut server = serve_tls(&c, &[]).await;
    assert!(server.root.starts_with("https://127.0.0.1:"), "{}", server.root);
    for _ in 0..2 {
        let line = server.next_line().await.expect("a banner line");
        assert!(line.contains(&format!("{}/", server.root)), "the banner prints https:// URLs: {line:?}");
    }
    let admin = admin_token(c.dir.path());
    for (http1, version) in [(true, Version::HTTP_11), (false, Version::HTTP_2)] {
        let response = client(&c.pem, http1)
            .get(format!("{}/api/v3/onezone/user", server.root))
            .header("X-Auth-Token", &admin)
            .send()
            .await
            .expect("an HTTPS request");
        assert_eq!(response.version(), version);
        assert_eq!(response.status(), StatusCode::OK);
        let body: serde_json::Value = response.json().await.expect("a JSON body");
        assert_eq!(body["name"], "admin");
    }
}

#[tokio::test]
async fn plain_http_to_the_tls_port_fails_cleanly_and_https_still_works() {
    let c = certified();
    let server = serve_tls(&c, &[]).await;
    let plain = server.root.replacen("https://", "http://", 1);
    let attempt =
        tokio::time::timeout(Duration::from_secs(10), crate::support::client().get(format!("{plain}/healthz")).send())
            .await
            .expect("the plain request ends, it is not left hanging");
    assert!(attempt.is_err(), "a plain-HTTP request to the TLS port got an answer: {attempt:?}");
    let response = client(&c.pem, false).get(format!("{}/healthz", server.root)).send().await.expect("HTTPS");
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_client_that_never_starts_the_handshake_is_disconnected_after_the_timeout() {
    let c = certified();
    let server = serve_tls(&c, &["--tls-handshake-timeout", "1"]).await;
    let addr = server.root.trim_start_matches("https://").to_owned();
    let mut silent = TcpStream::connect(&addr).await.expect("a TCP connection");
    // The server closes it: the read ends (EOF or reset) instead of waiting for ever.
    let mut byte = [0u8; 1];
    let read = tokio::time::timeout(Duration::from_secs(10), silent.read(&mut byte))
        .await
        .expect("the server closed the silent connection within 10 s");
    assert!(matches!(read, Ok(0) | Err(_)), "the silent connection got {read:?}");
}

#[tokio::test]
async fn tls_needs_both_files_and_a_bad_file_is_named() {
    let c = certified();
    let dir = path(c.dir.path());
    let (cert, key) = (path(&c.cert), path(&c.key));
    // One flag, or one variable, without the other.
    let alone =
        [(vec!["--tls-cert", cert], vec![]), (vec!["--tls-key", key], vec![]), (vec![], vec![("OZ_TLS_CERT", cert)])];
    for (args, env) in alone {
        let mut all = vec!["serve", "--listen", "127.0.0.1:0", "--database", "memory", "--data-dir", dir];
        all.extend_from_slice(&args);
        let output = run(&all, &env).await;
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?} {env:?} started");
        assert!(stderr.contains("--tls-cert") && stderr.contains("--tls-key"), "{stderr}");
    }
    // A file that is not what it should be, or is missing: the message names it.
    let garbage = c.dir.path().join("garbage.pem");
    std::fs::write(&garbage, "not PEM at all\n").unwrap();
    let other = certified();
    let cases = [
        (path(&garbage), key, path(&garbage)),
        (cert, path(&garbage), path(&garbage)),
        (cert, path(&other.key), path(&other.key)),
        ("/nonexistent/cert.pem", key, "/nonexistent/cert.pem"),
    ];
    for (cert, key, named) in cases {
        let output = run(
            &[
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--database",
                "memory",
                "--data-dir",
                dir,
                "--tls-cert",
                cert,
                "--tls-key",
                key,
            ],
            &[],
        )
        .await;
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "started with {cert} and {key}");
        assert!(output.stdout.is_empty(), "nothing listened: {}", String::from_utf8_lossy(&output.stdout));
        assert!(stderr.contains(named), "the error names {named}: {stderr}");
    }
}

#[tokio::test]
async fn sigterm_does_not_wait_for_a_handshake_under_way() {
    let c = certified();
    let server = serve_tls(&c, &[]).await;
    let addr = server.root.trim_start_matches("https://").to_owned();
    // Opened, never greeted: its handshake would time out only after 10 s, the drain after 10 s.
    let _silent = TcpStream::connect(&addr).await.expect("a TCP connection");
    let started = std::time::Instant::now();
    let status = server.terminate(Duration::from_secs(3)).await;
    assert!(status.success(), "exit status after SIGTERM: {status:?}");
    assert!(started.elapsed() < Duration::from_secs(3));
}
