//! Runs the gate on a TCP listener with hyper (HTTP/1.1 and HTTP/2, over plain TCP or TLS as
//! `tls::Transport` says), until `shutdown` resolves; then it stops accepting, closes idle
//! connections at once (`drain`) and lets requests in flight finish (bounded in time). Connections
//! are held to `conn::Settings` (contract §9): at most `max_connections` at once; past it a
//! new connection closes the oldest one that waits for a request (`conn::Registry`), or is
//! shed with a 503 when all are busy; each one's socket is `conn::Watched` (timeouts, JSON for
//! hyper's own errors, lingering close).

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hyper::body::Incoming;
use hyper::header::{HeaderValue, CONNECTION};
use hyper::{Request, Version};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::conn::{self, Activity, ConnectionStats, Entry, OnWake, Registry, Settings, Spare, Throttle, Watched};
use super::drain::{self, InFlight, Stopping};
use super::error::{self, EdgeError};
use super::tls::Transport;
use super::Gate;
use crate::telemetry::metrics;

/// How long requests in flight may take to finish after shutdown was asked for.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(10);

/// At most one warning per this period about shed connections or failed accepts.
const WARN_EVERY: Duration = Duration::from_secs(10);

/// How long the accept loop waits for a connection taking over a slot to finish, when
/// `conn::MAX_WAITING_FOR_SLOT` are.
const TAKEOVER_WAIT: Duration = Duration::from_millis(250);

/// HTTP/2 pings a connection this long silent, and closes it if the ping is not answered
/// within as long again: a vanished peer does not hold a connection with streams open.
const H2_PING: Duration = Duration::from_secs(20);

pub async fn serve(
    listener: TcpListener,
    gate: Gate,
    transport: Transport,
    settings: Settings,
    stats: ConnectionStats,
    shutdown: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    let builder = builder(&settings);
    let settings = Arc::new(settings);
    let (stop, stopping) = drain::stop_signal();
    let slots = Arc::new(Semaphore::new(settings.max_connections));
    let waiting_for_slot = Arc::new(Semaphore::new(conn::MAX_WAITING_FOR_SLOT));
    let registry = Arc::new(Registry::default());
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
        // At the cap: close the oldest waiting connection and serve this one at once, in a slot
        // it takes over when the evicted connection has closed (until then, the server holds
        // one connection more than the cap: at most MAX_WAITING_FOR_SLOT of these at a time;
        // when that many are taking over, the loop waits a moment for one to finish, so that
        // a flood is slowed in the backlog rather than shed). If every connection is busy, shed
        // this one.
        let slot = match slots.clone().try_acquire_owned() {
            Ok(slot) => Slot::Held(slot),
            Err(_) => match tokio::time::timeout(TAKEOVER_WAIT, waiting_for_slot.clone().acquire_owned()).await {
                Ok(Ok(waiting)) if registry.evict_one() => {
                    stats.count_evicted();
                    Slot::TakingOver(slots.clone(), waiting)
                }
                _ => {
                    conn::shed(stream);
                    stats.count_shed();
                    if let Some(held_back) = shed_warning.allow(Instant::now()) {
                        tracing::warn!(
                            max = settings.max_connections,
                            held_back,
                            "connection limit reached with every connection busy; shedding new connections"
                        );
                    }
                    continue;
                }
            },
        };
        // Entered in the registry here, in accept order, so that "oldest" is exact (and after
        // the eviction, which must not pick this very connection).
        let activity = Activity::new();
        let entry = registry.enter(activity.clone());
        let connection = Connection {
            activity,
            entry,
            builder: builder.clone(),
            gate: gate.clone(),
            settings: settings.clone(),
            stats: stats.clone(),
            transport: transport.clone(),
            stopping: stopping.clone(),
        };
        tokio::spawn(connection.run(stream, peer, slot));
    }
    // Closing the listener now refuses new connections at once, rather than leaving them
    // queued unanswered until the drain ends.
    drop(listener);
    // hyper's graceful shutdown of every connection, and `drain`'s closing of idle ones.
    stop.stop();
    tracing::info!("shutting down: draining requests in flight");
    tokio::select! {
        () = registry.closed() => tracing::info!("all connections closed"),
        () = tokio::time::sleep(DRAIN_TIMEOUT) => tracing::warn!("drain timed out; closing anyway"),
    }
    Ok(())
}

/// What serving one connection needs.
struct Connection {
    activity: Arc<Activity>,
    entry: Entry,
    builder: Builder<TokioExecutor>,
    gate: Gate,
    settings: Arc<Settings>,
    stats: ConnectionStats,
    transport: Transport,
    stopping: Stopping,
}

impl Connection {
    /// Serves `stream` in its `slot` until it closes, or until the registry evicts it while
    /// it waits for a request (then it is dropped: nothing of a request is lost).
    async fn run(self, stream: TcpStream, peer: SocketAddr, slot: Slot) {
        let _ = stream.set_nodelay(true);
        let (_open, _gauge) = (self.stats.opened(), metrics::connection_opened());
        // The TLS handshake runs here, not in the accept loop, so a slow client delays no one
        // else; it is bounded by the transport's handshake timeout.
        let stream = match drain::unless_stopped(self.transport.accept(stream), self.stopping.clone()).await {
            Some(Ok(stream)) => stream,
            Some(Err(e)) => return tracing::debug!(%peer, error = %e, "TLS handshake failed"),
            None => return,
        };
        let activity = self.activity;
        // Above TLS, so that it sees hyper's bytes in clear (its bare error responses).
        let io = Watched::new(stream, activity.clone(), &self.settings);
        let gate = self.gate;
        let busy = activity.clone();
        let max_header_bytes = self.settings.max_header_bytes;
        let in_flight = InFlight::default();
        let counted = in_flight.clone();
        let service = hyper::service::service_fn(move |request: Request<Incoming>| {
            let request = request.map(|body| conn::Arriving::new(body, busy.clone()));
            let (busy, held) = (busy.begin(), counted.start());
            let gate = gate.clone();
            async move {
                let _busy = busy;
                // Kept only for the debug line: a copy of the path per request otherwise.
                let logged = tracing::enabled!(tracing::Level::DEBUG)
                    .then(|| (request.method().clone(), request.uri().path().to_owned(), Instant::now()));
                let response = if uri_len(&request) > conn::MAX_URI_BYTES {
                    let mut response = error::response(&EdgeError::UriTooLong, None);
                    response.headers_mut().insert(CONNECTION, HeaderValue::from_static("close"));
                    response
                } else if request.version() == Version::HTTP_2 && header_list_size(&request) > max_header_bytes {
                    error::response(&EdgeError::HeaderTooLarge(max_header_bytes), None)
                } else {
                    gate.handle(request, Some(peer.ip())).await
                };
                if let Some((method, path, started)) = logged {
                    let (status, micros) = (response.status().as_u16(), started.elapsed().as_micros() as u64);
                    tracing::debug!(%method, %path, status, micros, "request");
                }
                Ok::<_, std::convert::Infallible>(response.map(|body| held.hold(body)))
            }
        });
        let connection = self.builder.serve_connection(TokioIo::new(io), service).into_owned();
        let connection = drain::serve(connection, |c| c.graceful_shutdown(), &in_flight, self.stopping);
        tokio::pin!(connection);
        let _entry = self.entry;
        let (mut held, taking_over) = match slot {
            Slot::Held(permit) => (Some(permit), None),
            Slot::TakingOver(slots, waiting) => (None, Some((slots, waiting))),
        };
        // The slot an eviction frees, once the evicted connection has closed.
        let mut taken = held.is_some();
        let take_over = async move {
            match taking_over {
                Some((slots, waiting)) => {
                    let permit = slots.acquire_owned().await.ok();
                    drop(waiting);
                    permit
                }
                None => std::future::pending().await,
            }
        };
        tokio::pin!(take_over);
        loop {
            tokio::select! {
                biased;
                ended = &mut connection => {
                    if let Some(Err(e)) = ended {
                        tracing::debug!(%peer, error = %e, "connection ended with an error");
                    }
                    break;
                }
                () = OnWake::new(activity.evicted()) => {
                    // A request may have started since the registry looked.
                    if activity.is_waiting() {
                        tracing::debug!(%peer, "closed a waiting connection to make room for a new one");
                        break;
                    }
                    activity.spare();
                }
                permit = &mut take_over, if !taken => {
                    taken = true;
                    held = permit;
                }
            }
        }
        drop(held);
    }
}

/// A connection's place under the cap.
enum Slot {
    Held(OwnedSemaphorePermit),
    /// Admitted past the cap after an eviction: takes the next free slot, meanwhile counted
    /// among the few allowed to wait for one.
    TakingOver(Arc<Semaphore>, OwnedSemaphorePermit),
}

/// hyper's settings. HTTP/1: the read buffer bounds the header block (hyper answers 431 past
/// it, which `Watched` turns into JSON); hyper's own header timer stays off, because it would
/// also cut idle keep-alive connections at the header timeout (`Watched` keeps both clocks).
/// HTTP/2: h2 refuses a header list past twice the bound with a bare 431 of its own, so that
/// the service sees any list up to that and answers one over the bound with our JSON 431
/// (`header_list_size`); pings find dead peers.
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
        .max_header_list_size(u32::try_from(settings.max_header_bytes.saturating_mul(2)).unwrap_or(u32::MAX))
        .keep_alive_interval(Some(H2_PING))
        .keep_alive_timeout(H2_PING);
    builder
}

/// An HTTP/2 request's header list size as RFC 9113 §6.5.2 counts it (each field's name and
/// value, plus 32), pseudo-header fields included: what `--max-header-bytes` bounds there.
fn header_list_size<B>(request: &Request<B>) -> usize {
    const FIELD: usize = 32;
    let fields: usize = request.headers().iter().map(|(name, value)| name.as_str().len() + value.len() + FIELD).sum();
    let uri = request.uri();
    let pseudo = [
        ":method".len() + request.method().as_str().len(),
        ":path".len() + uri.path_and_query().map_or(1, |p| p.as_str().len()),
        ":scheme".len() + uri.scheme_str().map_or(0, str::len),
        ":authority".len() + uri.authority().map_or(0, |a| a.as_str().len()),
    ];
    fields + pseudo.iter().map(|n| n + FIELD).sum::<usize>()
}

/// The request target's length as the client sent it (origin form, or absolute form with its
/// authority).
fn uri_len<B>(request: &Request<B>) -> usize {
    let uri = request.uri();
    let authority = uri.authority().map_or(0, |a| a.as_str().len());
    let scheme = uri.scheme_str().map_or(0, |s| s.len() + 3);
    scheme + authority + uri.path_and_query().map_or(0, |p| p.as_str().len())
}
