//! Runs the gate on a TCP listener with hyper (HTTP/1.1 and HTTP/2) until `shutdown` resolves;
//! then it stops accepting and lets requests in flight finish (bounded in time). Connections
//! are held to `conn::Settings` (contract §9): at most `max_connections` at once, the rest
//! shed with a 503; each one's socket is `conn::Watched` (timeouts, JSON for hyper's own
//! errors, lingering close).

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONNECTION};
use hyper::Request;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use super::conn::{self, Activity, ConnectionStats, Settings, Spare, Throttle, Watched};
use super::error::{self, EdgeError};
use super::Gate;

/// How long requests in flight may take to finish after shutdown was asked for.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

/// At most one warning per this period about shed connections or failed accepts.
const WARN_EVERY: Duration = Duration::from_secs(10);

/// HTTP/2 pings a connection this long silent, and closes it if the ping is not answered
/// within as long again: a vanished peer does not hold a connection with streams open.
const H2_PING: Duration = Duration::from_secs(20);

pub async fn serve(
    listener: TcpListener,
    gate: Gate,
    settings: Settings,
    stats: ConnectionStats,
    shutdown: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    let builder = builder(&settings);
    let settings = Arc::new(settings);
    let graceful = GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(settings.max_connections));
    let mut spare = Spare::new();
    let (mut shed_warning, mut accept_warning) = (Throttle::new(WARN_EVERY), Throttle::new(WARN_EVERY));
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) if conn::out_of_resources(&e) => {
                    if let Some(held_back) = accept_warning.allow(Instant::now()) {
                        tracing::warn!(error = %e, held_back, "accept failed: out of descriptors; shedding connections");
                    }
                    // Free the spare descriptor to take the waiting connection off the backlog
                    // and shed it; without a spare, back off a little rather than spin.
                    if spare.release() {
                        if let Ok((stream, _)) = listener.accept().await {
                            conn::shed(stream);
                            stats.count_shed();
                        }
                        spare.restore();
                    } else {
                        tokio::time::sleep(Duration::from_millis(10)).await;
                        spare.restore();
                    }
                    continue;
                }
                Err(e) => {
                    if let Some(held_back) = accept_warning.allow(Instant::now()) {
                        tracing::warn!(error = %e, held_back, "accept failed");
                    }
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            conn::shed(stream);
            stats.count_shed();
            if let Some(held_back) = shed_warning.allow(Instant::now()) {
                tracing::warn!(
                    max = settings.max_connections,
                    held_back,
                    "connection limit reached; shedding new connections"
                );
            }
            continue;
        };
        let _ = stream.set_nodelay(true);
        let activity = Activity::new();
        let io = Watched::new(stream, activity.clone(), &settings);
        let gate = gate.clone();
        let service = hyper::service::service_fn(move |request: Request<Incoming>| {
            let busy = activity.begin();
            let gate = gate.clone();
            async move {
                let _busy = busy;
                let (method, path, started) =
                    (request.method().clone(), request.uri().path().to_owned(), Instant::now());
                let response = match uri_len(&request) > conn::MAX_URI_BYTES {
                    true => {
                        let mut response = error::response(&EdgeError::UriTooLong, None);
                        response.headers_mut().insert(CONNECTION, HeaderValue::from_static("close"));
                        response
                    }
                    false => gate.handle(request).await,
                };
                let status = response.status().as_u16();
                tracing::debug!(%method, %path, status, micros = started.elapsed().as_micros() as u64, "request");
                Ok::<_, std::convert::Infallible>(response)
            }
        });
        let connection = builder.serve_connection(TokioIo::new(io), service).into_owned();
        let connection = graceful.watch(connection);
        let open = stats.opened();
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(%peer, error = %e, "connection ended with an error");
            }
            drop((slot, open));
        });
    }
    tracing::info!("shutting down: draining requests in flight");
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("all connections closed"),
        () = tokio::time::sleep(DRAIN_TIMEOUT) => tracing::warn!("drain timed out; closing anyway"),
    }
    Ok(())
}

/// hyper's settings. HTTP/1: the read buffer bounds the header block (hyper answers 431 past
/// it, which `Watched` turns into JSON); hyper's own header timer stays off, because it would
/// also cut idle keep-alive connections at the header timeout (`Watched` keeps both clocks).
/// HTTP/2: the header list is bounded the same, and pings find dead peers.
fn builder(settings: &Settings) -> Builder<TokioExecutor> {
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .header_read_timeout(None)
        .max_buf_size(settings.max_header_bytes.max(conn::MIN_HEADER_BYTES))
        // Always one buffer per write: `Watched` recognises hyper's bare error in it.
        .writev(false);
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_header_list_size(u32::try_from(settings.max_header_bytes).unwrap_or(u32::MAX))
        .keep_alive_interval(Some(H2_PING))
        .keep_alive_timeout(H2_PING);
    builder
}

/// The request target's length as the client sent it (origin form, or absolute form with its
/// authority).
fn uri_len<B>(request: &Request<B>) -> usize {
    let uri = request.uri();
    let authority = uri.authority().map_or(0, |a| a.as_str().len());
    let scheme = uri.scheme_str().map_or(0, |s| s.len() + 3);
    scheme + authority + uri.path_and_query().map_or(0, |p| p.as_str().len())
}
