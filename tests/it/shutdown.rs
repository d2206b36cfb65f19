//! SIGTERM (contract §9): the real binary stops accepting, closes idle keep-alive connections
//! (HTTP/1.1 and HTTP/2, also those of clients that do not take part in HTTP/2's GOAWAY
//! exchange, and those holding half a request) at once, lets a request in flight finish with
//! its whole response, and then exits, well within its 10 s drain bound.
//!
//! The request in flight is slow by nature, with no hook in the server: its client sends the
//! headers with `Expect: 100-continue`, waits for `100 Continue` (so the server is in the middle
//! of it, reading the body), and sends the body only after the SIGTERM.

use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper_util::rt::{TokioExecutor, TokioIo};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::process::{serve_fresh, Served};

/// Far below the server's 10 s drain bound, and far above what closing takes.
const PROMPTLY: Duration = Duration::from_secs(3);

/// Reads from `stream` until `done` holds for what was read, or EOF; bounded by `PROMPTLY`.
async fn read_until(stream: &mut TcpStream, done: impl Fn(&str) -> bool) -> String {
    let mut text = Vec::new();
    let mut buf = [0u8; 4096];
    while !done(&String::from_utf8_lossy(&text)) {
        let n = tokio::time::timeout(PROMPTLY, stream.read(&mut buf))
            .await
            .unwrap_or_else(|_| panic!("no more bytes came; so far: {:?}", String::from_utf8_lossy(&text)))
            .expect("the read works");
        if n == 0 {
            break;
        }
        text.extend_from_slice(&buf[..n]);
    }
    String::from_utf8_lossy(&text).into_owned()
}

/// Whether the server closed `stream` within `PROMPTLY`: reading what it still sends (an
/// HTTP/2 GOAWAY, say) ends in EOF or a reset.
async fn closed_promptly(stream: &mut TcpStream) -> bool {
    let mut buf = [0u8; 1024];
    let deadline = tokio::time::Instant::now() + PROMPTLY;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Ok(Ok(0) | Err(_)) => return true,
            Ok(Ok(_)) => continue,
            Err(_) => return false,
        }
    }
}

#[tokio::test]
async fn sigterm_closes_idle_connections_at_once_and_lets_a_request_in_flight_finish() {
    let Served { server, admin, dir: _dir, .. } = serve_fresh(&["--database", "memory"]).await;
    let addr = server.root.trim_start_matches("http://").to_owned();

    // An idle HTTP/1.1 keep-alive connection, after one answered request.
    let mut idle_h1 = TcpStream::connect(&addr).await.unwrap();
    idle_h1.write_all(b"GET /healthz HTTP/1.1\r\nHost: oz\r\n\r\n").await.unwrap();
    let answer = read_until(&mut idle_h1, |t| t.ends_with(r#""store":"ok"}"#)).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

    // An idle HTTP/2 connection, after one answered request; `h2_ended` resolves when it closes.
    let (mut sender, connection) = hyper::client::conn::http2::handshake(
        TokioExecutor::new(),
        TokioIo::new(TcpStream::connect(&addr).await.unwrap()),
    )
    .await
    .expect("an HTTP/2 connection");
    let h2_ended = tokio::spawn(connection);
    let request = hyper::Request::get(format!("{}/healthz", server.root)).body(Empty::<Bytes>::new()).unwrap();
    let response = sender.send_request(request).await.expect("an HTTP/2 answer");
    assert_eq!(response.status(), 200);
    response.into_body().collect().await.expect("the body reads");

    // An HTTP/2 client that says hello and then nothing, so it will not answer the PING that
    // comes with the server's GOAWAY; hyper's graceful shutdown alone waits for that answer.
    let mut silent_h2 = TcpStream::connect(&addr).await.unwrap();
    silent_h2.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n\x00\x00\x00\x04\x00\x00\x00\x00\x00").await.unwrap();
    let settings = read_until(&mut silent_h2, |t| !t.is_empty()).await;
    assert!(!settings.is_empty(), "the server speaks HTTP/2");

    // Half a request (a slow client, or slowloris): hyper alone waits for the rest.
    let mut half = TcpStream::connect(&addr).await.unwrap();
    half.write_all(b"GET /healthz HTTP/1.1\r\nHost: oz\r\n").await.unwrap();

    // A request in flight: the server has its headers and is reading its body.
    let body = br#"{"name": "Finished after SIGTERM"}"#;
    let mut in_flight = TcpStream::connect(&addr).await.unwrap();
    let head = format!(
        "POST /api/v3/onezone/user/groups HTTP/1.1\r\nHost: oz\r\nX-Auth-Token: {admin}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nExpect: 100-continue\r\n\r\n",
        body.len()
    );
    in_flight.write_all(head.as_bytes()).await.unwrap();
    let go_on = read_until(&mut in_flight, |t| t.contains("\r\n\r\n")).await;
    assert!(go_on.starts_with("HTTP/1.1 100"), "{go_on}");

    let mut server = server;
    let signalled = Instant::now();
    let kill = std::process::Command::new("kill").args(["-TERM", &server.pid().to_string()]).status().unwrap();
    assert!(kill.success());

    assert!(closed_promptly(&mut idle_h1).await, "the idle HTTP/1.1 connection stayed open after SIGTERM");
    let h2 = tokio::time::timeout(PROMPTLY, h2_ended).await;
    assert!(h2.is_ok(), "the idle HTTP/2 connection stayed open after SIGTERM");
    assert!(closed_promptly(&mut silent_h2).await, "the silent HTTP/2 connection stayed open after SIGTERM");
    assert!(closed_promptly(&mut half).await, "the half-sent request held its connection after SIGTERM");
    assert!(TcpStream::connect(&addr).await.is_err(), "a new connection was accepted after SIGTERM");
    assert!(server.child.try_wait().unwrap().is_none(), "the server exited with a request in flight");

    // The request in flight gets its whole answer, and the server then closes the connection.
    in_flight.write_all(body).await.unwrap();
    let answer = read_until(&mut in_flight, |_| false).await;
    assert!(answer.starts_with("HTTP/1.1 201"), "{answer}");
    assert!(answer.to_ascii_lowercase().contains("\r\nlocation: /api/v3/onezone/user/groups/"), "{answer}");

    let status = tokio::time::timeout(PROMPTLY, server.child.wait())
        .await
        .expect("the server exits once the request in flight is answered")
        .unwrap();
    assert!(status.success(), "exit status after SIGTERM: {status:?}");
    assert!(signalled.elapsed() < Duration::from_secs(5), "the shutdown took {:?}", signalled.elapsed());
}
