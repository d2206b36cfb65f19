//! A connection's socket as hyper sees it, watched: `Watched` enforces the header-read and
//! idle timeouts, puts JSON in place of hyper's bare parse-error responses (`auto_error`), and
//! closes lingering (bounded) so that a client still sending a body reads our answer.
//!
//! Why in the IO and not in hyper: hyper 1.x's own `header_read_timeout` also runs while a
//! keep-alive connection waits for its next request, so it cannot be 10 s for a header and 60 s
//! for an idle connection at once; it has no idle timeout; and it writes its 400/414/431 with
//! no body, on any request of a keep-alive connection, before our code runs. Only the bytes on
//! the socket are seen by every request, so that is where these rules live.
//!
//! The clock: `Activity` is shared with the service, which marks each request's start and end.
//! With no request in flight, the deadline is the header-read timeout from the first byte of
//! the next request (from accept, for a connection's first request), or the idle timeout from
//! the end of the last one when nothing has arrived since. HTTP/2 (prior knowledge) gets only
//! the idle timeout: its frames are not request heads, and h2 bounds its own header blocks.
//! A request in flight must be answered within the idle timeout of its head (a body sent a
//! byte at a time is cut there), and a response the client stops reading is cut after the idle
//! timeout without progress. One `Sleep` per connection is
//! re-armed lazily: it fires, the deadline is computed from `Activity`, and either it passed or
//! the sleep is pushed to it; a new request's first byte pulls it earlier when needed.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::Notify;
use tokio::time::{Instant, Sleep};

use super::{auto_error, Settings};
use crate::http::error::{raw_response, EdgeError};

/// A lingering close reads and discards at most this much of what the client still sends...
const LINGER_BYTES: usize = 1024 * 1024;
/// ...for at most this long.
const LINGER_TIME: Duration = Duration::from_secs(2);

/// What the service tells the connection's watch: requests started and ended.
#[derive(Debug)]
pub struct Activity {
    accepted: Instant,
    in_flight: AtomicUsize,
    /// Requests in flight that wait for their body's next bytes from the client
    /// (`conn::Arriving`): a connection whose every request does is only waiting, like one
    /// whose head is still arriving.
    stalled: AtomicUsize,
    /// Requests started so far.
    started: AtomicU64,
    /// When the last request ended or the last response bytes went out, in milliseconds
    /// after `accepted`.
    idle_since_ms: AtomicU64,
    /// When the last request started, in milliseconds after `accepted`.
    busy_since_ms: AtomicU64,
    /// Set once the registry picked this connection to make room (`Registry::evict_one`).
    evicting: AtomicBool,
    /// Wakes the connection's task to close it.
    pub(super) evict: Notify,
}

impl Activity {
    pub fn new() -> Arc<Self> {
        Arc::new(Self {
            accepted: Instant::now(),
            in_flight: AtomicUsize::new(0),
            stalled: AtomicUsize::new(0),
            started: AtomicU64::new(0),
            idle_since_ms: AtomicU64::new(0),
            busy_since_ms: AtomicU64::new(0),
            evicting: AtomicBool::new(false),
            evict: Notify::new(),
        })
    }

    /// Marks a request as started (its head has been read); it ends when the guard drops.
    pub fn begin(self: &Arc<Self>) -> Busy {
        self.busy_since_ms.store(self.now_ms(), Ordering::Release);
        self.started.fetch_add(1, Ordering::AcqRel);
        self.in_flight.fetch_add(1, Ordering::AcqRel);
        Busy(self.clone())
    }

    /// No request in flight, or each one waits for its body from the client: the connection
    /// waits for the client (idle, its head arriving, or a body trickling in), so it is what
    /// an attacker holding slots holds, and the registry may close it to make room.
    pub fn is_waiting(&self) -> bool {
        self.in_flight.load(Ordering::Acquire) <= self.stalled.load(Ordering::Acquire)
    }

    /// A request's body started (`true`) or stopped (`false`) waiting for the client.
    pub(super) fn stall(&self, stalled: bool) {
        match stalled {
            true => self.stalled.fetch_add(1, Ordering::AcqRel),
            false => self.stalled.fetch_sub(1, Ordering::AcqRel),
        };
    }

    /// Claims this connection for eviction; false if another eviction claimed it first.
    pub(super) fn claim(&self) -> bool {
        !self.evicting.swap(true, Ordering::AcqRel)
    }

    /// Resolves when the registry asks this connection to close (`Registry::evict_one`). The
    /// task then closes it if it is still waiting, and otherwise releases the claim.
    pub async fn evicted(&self) {
        self.evict.notified().await;
    }

    /// The eviction found a request started meanwhile: the connection stays, claimable again.
    pub fn spare(&self) {
        self.evicting.store(false, Ordering::Release);
    }

    fn idle_since(&self) -> Instant {
        self.accepted + Duration::from_millis(self.idle_since_ms.load(Ordering::Acquire))
    }

    fn busy_since(&self) -> Instant {
        self.accepted + Duration::from_millis(self.busy_since_ms.load(Ordering::Acquire))
    }

    /// Restarts the idle clock (a request ended, or response bytes went out).
    fn touch(&self) {
        self.idle_since_ms.store(self.now_ms(), Ordering::Release);
    }

    fn now_ms(&self) -> u64 {
        u64::try_from(self.accepted.elapsed().as_millis()).unwrap_or(u64::MAX)
    }
}

/// A request in flight; dropping it (the response is ready, or the client went away) ends it.
pub struct Busy(Arc<Activity>);

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.touch();
        self.0.in_flight.fetch_sub(1, Ordering::AcqRel);
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Protocol {
    Unknown,
    Http1,
    Http2,
}

/// Generic over the stream so that it can sit above a TLS stream too (it must see what hyper
/// reads and writes in clear).
pub struct Watched<S> {
    stream: S,
    activity: Arc<Activity>,
    header_timeout: Duration,
    idle_timeout: Duration,
    max_header_bytes: usize,
    timer: Pin<Box<Sleep>>,
    protocol: Protocol,
    /// `started` when the first byte of the current HTTP/1 head arrived, and when.
    head: Option<(u64, Instant)>,
    /// The last write to the socket did not go through at once (hyper has a response queued).
    write_blocked: bool,
    /// Our JSON answer in place of hyper's bare one, and how much of it is written.
    replacement: Vec<u8>,
    replaced: usize,
    /// A timeout fired: reads end here (EOF), so hyper closes.
    expired: bool,
    /// The write side is shut; the read side is being drained until this budget runs out.
    linger: Option<usize>,
}

impl<S: AsyncRead + AsyncWrite + Unpin> Watched<S> {
    pub fn new(stream: S, activity: Arc<Activity>, settings: &Settings) -> Self {
        let deadline = activity.accepted + settings.header_read_timeout;
        Self {
            stream,
            activity,
            header_timeout: settings.header_read_timeout,
            idle_timeout: settings.idle_timeout,
            max_header_bytes: settings.max_header_bytes,
            timer: Box::pin(tokio::time::sleep_until(deadline)),
            protocol: Protocol::Unknown,
            head: None,
            write_blocked: false,
            replacement: Vec::new(),
            replaced: 0,
            expired: false,
            linger: None,
        }
    }

    /// When the connection must close if nothing changes. A request in flight (its body still
    /// arriving, or the service at work) may take the idle timeout from its head to its
    /// response, which bounds a body sent a byte at a time; no request here takes that long.
    fn deadline(&self) -> Instant {
        if self.activity.in_flight.load(Ordering::Acquire) > 0 {
            return self.activity.busy_since() + self.idle_timeout;
        }
        let started = self.activity.started.load(Ordering::Acquire);
        let idle = self.activity.idle_since() + self.idle_timeout;
        match (self.protocol, self.head) {
            (Protocol::Http2, _) => idle,
            (_, _) if started == 0 => self.activity.accepted + self.header_timeout,
            (_, Some((request, at))) if request == started => at + self.header_timeout,
            _ => idle,
        }
    }

    /// Ready once the deadline has passed; otherwise the timer is armed for it.
    fn poll_deadline(&mut self, cx: &mut Context<'_>) -> Poll<()> {
        loop {
            if self.timer.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
            let now = Instant::now();
            let deadline = self.deadline();
            if deadline <= now {
                return Poll::Ready(());
            }
            self.timer.as_mut().reset(deadline);
        }
    }

    /// Bytes arrived: learn the protocol from the first ones, and start the header clock on
    /// the first byte of an HTTP/1 request that arrives with none in flight.
    fn on_bytes(&mut self, bytes: &[u8]) {
        if self.protocol == Protocol::Unknown {
            let n = bytes.len().min(4);
            self.protocol = if bytes[..n] == b"PRI "[..n] { Protocol::Http2 } else { Protocol::Http1 };
            // The timer was armed for the first request's header timeout; HTTP/2 has only the
            // idle one, which may come first.
            let idle = self.activity.idle_since() + self.idle_timeout;
            if self.protocol == Protocol::Http2 && self.timer.deadline() > idle {
                self.timer.as_mut().reset(idle);
            }
        }
        if self.protocol != Protocol::Http1 || self.activity.in_flight.load(Ordering::Acquire) > 0 {
            return;
        }
        let started = self.activity.started.load(Ordering::Acquire);
        if started == 0 || self.head.is_some_and(|(request, _)| request == started) {
            return;
        }
        let now = Instant::now();
        self.head = Some((started, now));
        if self.timer.deadline() > now + self.header_timeout {
            self.timer.as_mut().reset(now + self.header_timeout);
        }
    }

    /// A timeout fired. A client in the middle of an HTTP/1 head gets a JSON 408 if the socket
    /// takes it in one attempt and no response of hyper's is queued (it would interleave); an
    /// idle one is just closed, as every HTTP/1.1 client expects of a keep-alive connection.
    fn expire(&mut self, cx: &mut Context<'_>) {
        self.expired = true;
        let started = self.activity.started.load(Ordering::Acquire);
        let mid_head = match self.head {
            Some((request, _)) => request == started,
            None => started == 0 && self.protocol == Protocol::Http1,
        };
        if mid_head && self.protocol == Protocol::Http1 && !self.write_blocked && self.replacement.is_empty() {
            let date = httpdate::fmt_http_date(std::time::SystemTime::now());
            // One attempt, never waited for: a short write is all a stalled client gets.
            let answer = raw_response(&EdgeError::RequestTimeout, &date);
            let _ = Pin::new(&mut self.stream).poll_write(cx, &answer);
            let _ = Pin::new(&mut self.stream).poll_flush(cx);
        }
        tracing::debug!(mid_head, "connection timed out");
    }

    /// Writes what is left of our replacement answer.
    fn poll_replacement(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while self.replaced < self.replacement.len() {
            let n = std::task::ready!(Pin::new(&mut self.stream).poll_write(cx, &self.replacement[self.replaced..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.replaced += n;
        }
        Poll::Ready(Ok(()))
    }

    fn poll_write_stream(&mut self, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.stream).poll_write(cx, buf) {
            Poll::Pending => {
                self.write_blocked = true;
                // A client that stops reading its response is held to the same deadline.
                match self.poll_deadline(cx) {
                    Poll::Ready(()) => Poll::Ready(Err(io::ErrorKind::TimedOut.into())),
                    Poll::Pending => Poll::Pending,
                }
            }
            ready => {
                self.write_blocked = false;
                // A slow reader of a long response is idle only once it stops taking bytes.
                if matches!(ready, Poll::Ready(Ok(n)) if n > 0) {
                    self.activity.touch();
                }
                ready
            }
        }
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncRead for Watched<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        if this.expired {
            return Poll::Ready(Ok(()));
        }
        let before = buf.filled().len();
        match Pin::new(&mut this.stream).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                if buf.filled().len() > before {
                    this.on_bytes(&buf.filled()[before..]);
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(e)) => Poll::Ready(Err(e)),
            Poll::Pending => match this.poll_deadline(cx) {
                Poll::Ready(()) => {
                    this.expire(cx);
                    Poll::Ready(Ok(()))
                }
                Poll::Pending => Poll::Pending,
            },
        }
    }
}

impl<S: AsyncRead + AsyncWrite + Unpin> AsyncWrite for Watched<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        if !this.replacement.is_empty() {
            // hyper writes nothing after its error response; should it, it is not sent.
            std::task::ready!(this.poll_replacement(cx))?;
            return Poll::Ready(Ok(buf.len()));
        }
        if this.protocol != Protocol::Http2 {
            if let Some(found) = auto_error::find(buf, this.max_header_bytes) {
                if found.at > 0 {
                    // What precedes it (the end of an earlier response) goes out first.
                    return this.poll_write_stream(cx, &buf[..found.at]);
                }
                let date = found.date.unwrap_or_else(|| httpdate::fmt_http_date(std::time::SystemTime::now()));
                this.replacement = raw_response(&found.error, &date);
                tracing::debug!(error = %found.error, "replaced hyper's bare error response with JSON");
                // Sent now if the socket takes it, else by the flush hyper does next.
                if let Poll::Ready(Err(e)) = this.poll_replacement(cx) {
                    return Poll::Ready(Err(e));
                }
                return Poll::Ready(Ok(buf.len()));
            }
        }
        this.poll_write_stream(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        std::task::ready!(this.poll_replacement(cx))?;
        Pin::new(&mut this.stream).poll_flush(cx)
    }

    /// Shuts the write side (the client sees the end of our answer), then, unless a timeout
    /// closed the connection, reads and discards what the client still sends, up to
    /// `LINGER_BYTES` and `LINGER_TIME`, until it closes its side. Closing a socket with unread
    /// data makes the kernel send a reset, which can destroy our answer before a client that
    /// writes its whole body first (Python's `http.client`) reads it.
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = &mut *self;
        if this.linger.is_none() {
            std::task::ready!(this.poll_replacement(cx))?;
            std::task::ready!(Pin::new(&mut this.stream).poll_shutdown(cx))?;
            this.linger = Some(if this.expired { 0 } else { LINGER_BYTES });
            this.timer.as_mut().reset(Instant::now() + LINGER_TIME);
        }
        let mut sink = [0u8; 8192];
        while let Some(left) = this.linger.filter(|left| *left > 0) {
            let mut buf = ReadBuf::new(&mut sink);
            match Pin::new(&mut this.stream).poll_read(cx, &mut buf) {
                Poll::Ready(Ok(())) if !buf.filled().is_empty() => {
                    this.linger = Some(left.saturating_sub(buf.filled().len()));
                }
                // The client closed, or the connection broke: nothing more to wait for.
                Poll::Ready(_) => break,
                Poll::Pending => match this.timer.as_mut().poll(cx) {
                    Poll::Ready(()) => break,
                    Poll::Pending => return Poll::Pending,
                },
            }
        }
        this.linger = Some(0);
        Poll::Ready(Ok(()))
    }
}
