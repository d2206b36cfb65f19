//! Runs the gate on a TCP listener with hyper (HTTP/1.1 and HTTP/2, over plain TCP or TLS as
//! `tls::Transport` says), until `shutdown` resolves; then it stops accepting, closes idle
//! connections at once (`drain`) and lets requests in flight finish (bounded in time).

use std::future::Future;
use std::time::{Duration, Instant};

use hyper::body::Incoming;
use hyper::Request;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;

use super::drain::{self, InFlight};
use super::tls::Transport;
use super::Gate;

/// How long requests in flight may take to finish after shutdown was asked for.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

pub async fn serve(
    listener: TcpListener,
    gate: Gate,
    transport: Transport,
    shutdown: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    let builder = Builder::new(TokioExecutor::new());
    let graceful = GracefulShutdown::new();
    let (stop, stopping) = drain::stop_signal();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little instead of spinning.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let (gate, in_flight) = (gate.clone(), InFlight::default());
        let counted = in_flight.clone();
        let service = hyper::service::service_fn(move |mut request: Request<Incoming>| {
            request.extensions_mut().insert(super::limits::Peer(peer));
            let (gate, guard) = (gate.clone(), counted.start());
            async move {
                let (method, path, started) =
                    (request.method().clone(), request.uri().path().to_owned(), Instant::now());
                let response = gate.handle(request).await;
                let status = response.status().as_u16();
                tracing::debug!(%method, %path, status, micros = started.elapsed().as_micros() as u64, "request");
                Ok::<_, std::convert::Infallible>(response.map(|body| guard.hold(body)))
            }
        });
        let (builder, transport, watcher, stopping) =
            (builder.clone(), transport.clone(), graceful.watcher(), stopping.clone());
        tokio::spawn(async move {
            // The TLS handshake runs here, not in the loop, so a slow client delays no one else.
            let stream = match drain::unless_stopped(transport.accept(stream), stopping.clone()).await {
                Some(Ok(stream)) => stream,
                Some(Err(e)) => return tracing::debug!(%peer, error = %e, "TLS handshake failed"),
                None => return,
            };
            let connection = watcher.watch(builder.serve_connection(TokioIo::new(stream), service));
            if let Some(Err(e)) = drain::serve(connection, &in_flight, stopping).await {
                tracing::debug!(%peer, error = %e, "connection ended with an error");
            }
        });
    }
    // Closing the listener now refuses new connections at once, rather than leaving them
    // queued unanswered until the drain ends.
    drop(listener);
    // hyper's graceful shutdown of every connection, and `drain`'s closing of idle ones.
    stop.stop();
    tracing::info!("shutting down: draining requests in flight");
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("all connections closed"),
        () = tokio::time::sleep(DRAIN_TIMEOUT) => tracing::warn!("drain timed out; closing anyway"),
    }
    Ok(())
}
