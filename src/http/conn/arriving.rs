//! A request's body as the gate reads it, telling the connection's `Activity` while the body
//! waits for the client's next bytes, so that a body sent slowly (a slowloris after the head)
//! leaves its connection as open to eviction at the cap as a head sent slowly (contract §9).

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use hyper::body::{Body, Frame, Incoming, SizeHint};

use super::Activity;

/// `Incoming`, watched: stalled from a read that found no bytes until the next that finds
/// some, or until it is dropped. A body read at once, as most are, never stalls.
pub struct Arriving {
    body: Incoming,
    activity: Arc<Activity>,
    stalled: bool,
}

impl Arriving {
    pub fn new(body: Incoming, activity: Arc<Activity>) -> Self {
        Self { body, activity, stalled: false }
    }

    fn set_stalled(&mut self, stalled: bool) {
        if self.stalled != stalled {
            self.stalled = stalled;
            self.activity.stall(stalled);
        }
    }
}

impl Body for Arriving {
    type Data = Bytes;
    type Error = hyper::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, hyper::Error>>> {
        let polled = Pin::new(&mut self.body).poll_frame(cx);
        self.set_stalled(polled.is_pending());
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

impl Drop for Arriving {
    fn drop(&mut self) {
        self.set_stalled(false);
    }
}
