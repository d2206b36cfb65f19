//! Shutdown of one connection. hyper's graceful shutdown (which `serve` asks for) waits on the
//! client: an HTTP/2 connection closes only once the client has answered the PING
//! sent with the first GOAWAY, and an HTTP/1.1 connection only once the request it has begun
//! to send is complete. A client that never answers, or sends half a request, would hold the
//! process for the whole drain bound. So here a connection with no request in flight when the
//! server stops (or from then on) is closed by the server itself after `IDLE_GRACE`, while one
//! with a request in flight is left to finish it.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use hyper::body::{Body, Frame, SizeHint};
use tokio::sync::{watch, Notify};

use super::conn::OnWake;

/// How long a connection with nothing in flight may take to close by the protocol's own
/// shutdown (the HTTP/2 GOAWAY and PING exchange takes one round trip) before the server
/// closes it. Short, so idle connections go at once for a person's eye; long enough for a
/// response's last bytes to leave and a well-behaved client to take part.
const IDLE_GRACE: Duration = Duration::from_millis(200);

/// Whether the server is stopping: every connection watches it.
#[derive(Clone)]
pub struct Stopping(watch::Receiver<bool>);

/// Tells every connection that the server stops.
pub struct Stop(watch::Sender<bool>);

pub fn stop_signal() -> (Stop, Stopping) {
    let (tx, rx) = watch::channel(false);
    (Stop(tx), Stopping(rx))
}

impl Stop {
    pub fn stop(&self) {
        self.0.send_replace(true);
    }
}

impl Stopping {
    /// Resolves once the server stops.
    pub async fn stopped(&mut self) {
        // An error means the server loop is gone, which also means stopping.
        let _ = self.0.wait_for(|stopping| *stopping).await;
    }
}

/// The requests in flight on one connection: from the call of the service until hyper has
/// taken the last frame of the response body (or dropped the body). `IDLE_GRACE` then covers
/// the way of those last bytes out.
///
/// A counter and a `Notify` rather than a `watch` channel: a request's start and end then
/// cost two atomic operations, and wake no one until the connection is being drained (a
/// `watch` send wakes through eight `Notify`s, twice a request, 2 % of a cheap request's CPU).
#[derive(Clone, Default)]
pub struct InFlight(Arc<Counter>);

#[derive(Default)]
struct Counter {
    requests: AtomicUsize,
    /// Set once `idle` waits: from then on every change notifies.
    watched: AtomicBool,
    changed: Notify,
}

impl Counter {
    /// Changes are `SeqCst`, as is `watched`: either the change sees `watched` set (and wakes
    /// the waiter, registered before it read the count), or the waiter's read of the count,
    /// after it set `watched`, sees the change.
    fn change(&self, up: bool) {
        if up {
            self.requests.fetch_add(1, Ordering::SeqCst);
        } else {
            self.requests.fetch_sub(1, Ordering::SeqCst);
        }
        if self.watched.load(Ordering::SeqCst) {
            self.changed.notify_waiters();
        }
    }

    fn count(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }

    /// Resolves once `done(count)` holds.
    async fn until(&self, done: impl Fn(usize) -> bool) {
        loop {
            let changed = self.changed.notified();
            tokio::pin!(changed);
            // Registered before the count is read, so a change after the read wakes it.
            changed.as_mut().enable();
            if done(self.count()) {
                return;
            }
            changed.await;
        }
    }
}

impl InFlight {
    /// Counts one request until the returned guard is dropped.
    pub fn start(&self) -> Guard {
        self.0.change(true);
        Guard(self.0.clone())
    }

    /// Resolves once the connection has had nothing in flight for `IDLE_GRACE`.
    async fn idle(&self) {
        self.0.watched.store(true, Ordering::SeqCst);
        loop {
            self.0.until(|n| n == 0).await;
            if tokio::time::timeout(IDLE_GRACE, self.0.until(|n| n > 0)).await.is_err() {
                return;
            }
        }
    }
}

/// One request in flight; dropping it ends the request.
pub struct Guard(Arc<Counter>);

impl Drop for Guard {
    fn drop(&mut self) {
        self.0.change(false);
    }
}

impl Guard {
    /// `body`, which keeps the request in flight until it has been sent whole.
    pub fn hold<B>(self, body: B) -> Held<B> {
        Held { body, guard: Some(self) }
    }
}

/// A response body that ends its request's `Guard` when it ends.
pub struct Held<B> {
    body: B,
    guard: Option<Guard>,
}

impl<B: Body + Unpin> Body for Held<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<B::Data>, B::Error>>> {
        let polled = Pin::new(&mut self.body).poll_frame(cx);
        if let Poll::Ready(None) = polled {
            self.guard = None;
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

/// Runs `connection` until it ends, or until the server stops and the connection has nothing in
/// flight: then it is dropped, which closes it. When the server stops, `graceful` asks the
/// connection to finish (hyper's graceful shutdown: no keep-alive, a GOAWAY on HTTP/2) first.
/// The stop signal and the idle watch are polled only when they wake (`OnWake`), not on each of
/// the connection's wake-ups.
pub async fn serve<C: Future>(
    connection: C,
    graceful: fn(Pin<&mut C>),
    in_flight: &InFlight,
    mut stopping: Stopping,
) -> Option<C::Output> {
    tokio::pin!(connection);
    let mut stopped = OnWake::new(async move { stopping.stopped().await });
    // Made once the server stops.
    let mut idle = None;
    std::future::poll_fn(|cx| {
        if idle.is_none() && Pin::new(&mut stopped).poll(cx).is_ready() {
            idle = Some(OnWake::new(in_flight.idle()));
            graceful(connection.as_mut());
        }
        // The connection first: it may have just finished, or have bytes to flush.
        if let Poll::Ready(output) = connection.as_mut().poll(cx) {
            return Poll::Ready(Some(output));
        }
        match idle.as_mut().map(|idle| Pin::new(idle).poll(cx)) {
            Some(Poll::Ready(())) => Poll::Ready(None),
            _ => Poll::Pending,
        }
    })
    .await
}

/// `future` (a TLS handshake), or `None` when the server stops first: a connection that has
/// not finished its handshake has nothing in flight.
pub async fn unless_stopped<F: Future>(future: F, mut stopping: Stopping) -> Option<F::Output> {
    tokio::select! {
        output = future => Some(output),
        () = stopping.stopped() => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn an_idle_connection_is_dropped_once_the_server_stops_and_a_busy_one_is_not() {
        let (stop, stopping) = stop_signal();
        let in_flight = InFlight::default();
        let guard = in_flight.start();
        let never_ends = std::future::pending::<()>();
        let served = tokio::spawn({
            let (in_flight, stopping) = (in_flight.clone(), stopping.clone());
            async move { serve(never_ends, |_| {}, &in_flight, stopping).await }
        });
        stop.stop();
        // With a request in flight the connection is kept: past the grace, it still runs.
        let mut served = served;
        let kept = tokio::time::timeout(IDLE_GRACE * 2, &mut served).await;
        assert!(kept.is_err(), "a connection with a request in flight was dropped");
        drop(guard);
        let ended = tokio::time::timeout(IDLE_GRACE * 10, served).await.expect("dropped after the grace").unwrap();
        assert!(ended.is_none());
    }

    #[tokio::test]
    async fn a_request_that_starts_during_the_grace_keeps_the_connection_until_it_ends() {
        let (stop, stopping) = stop_signal();
        let in_flight = InFlight::default();
        let served = tokio::spawn({
            let (in_flight, stopping) = (in_flight.clone(), stopping.clone());
            async move { serve(std::future::pending::<()>(), |_| {}, &in_flight, stopping).await }
        });
        stop.stop();
        // Idle when the server stopped; a request starts within the grace and holds it.
        let guard = in_flight.start();
        let mut served = served;
        let kept = tokio::time::timeout(IDLE_GRACE * 3, &mut served).await;
        assert!(kept.is_err(), "a connection with a request in flight was dropped");
        drop(guard);
        let ended = tokio::time::timeout(IDLE_GRACE * 10, served).await.expect("dropped after the grace").unwrap();
        assert!(ended.is_none());
    }

    #[tokio::test]
    async fn a_connection_that_ends_by_itself_keeps_its_output() {
        let (_stop, stopping) = stop_signal();
        assert_eq!(serve(async { 7 }, |_| {}, &InFlight::default(), stopping).await, Some(7));
    }

    #[tokio::test]
    async fn a_response_body_keeps_its_request_in_flight_until_it_ends() {
        use http_body_util::BodyExt;
        let in_flight = InFlight::default();
        let body = in_flight.start().hold(http_body_util::Full::new(bytes::Bytes::from_static(b"abc")));
        assert_eq!(in_flight.0.count(), 1);
        assert_eq!(body.collect().await.unwrap().to_bytes(), "abc");
        assert_eq!(in_flight.0.count(), 0);
    }
}
