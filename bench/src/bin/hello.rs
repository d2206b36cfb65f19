//! `oz-bench-hello`: the baseline server, a bare hyper 1.x "hello" with the same accept loop and
//! hyper-util auto builder as `src/http/server.rs`, so that `baseline` measures what HTTP alone
//! costs on this machine and nothing of oz-groups.

use std::convert::Infallible;

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::{Request, Response};
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder;
use tokio::net::TcpListener;

// The same runtime as the server's `#[tokio::main]`: one worker per core.
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let listen = std::env::args().nth(1).unwrap_or_else(|| "127.0.0.1:0".to_owned());
    let listener = TcpListener::bind(&listen).await?;
    // The orchestrator reads this first line to learn the port, as it does for oz-groups.
    println!("oz-bench-hello listening on http://{}", listener.local_addr()?);
    std::io::Write::flush(&mut std::io::stdout())?;

    let builder = Builder::new(TokioExecutor::new());
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => accepted?,
            _ = tokio::signal::ctrl_c() => return Ok(()),
        };
        // As in the server: small responses must not wait for Nagle.
        let _ = stream.set_nodelay(true);
        let service = hyper::service::service_fn(|_request: Request<Incoming>| async {
            Ok::<_, Infallible>(Response::new(Full::new(Bytes::from_static(b"hello"))))
        });
        let connection = builder.serve_connection(TokioIo::new(stream), service).into_owned();
        tokio::spawn(connection);
    }
}
