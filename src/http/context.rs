//! The per-request context handed to the adapter's `Api` methods: the authenticated caller and
//! the client's address, and the way back for a whole list's rest. Only the gate builds one.

use std::net::IpAddr;
use std::sync::{Arc, Mutex};

use super::body::Chunks;
use crate::domain::User;

pub struct RequestContext {
    /// The user the gate authenticated; `None` only for operations the spec leaves open.
    pub caller: Option<Arc<User>>,
    /// The client's address as the gate computed it (`Limiter::client_ip`: the peer, or the
    /// forwarded address when the peer is trusted to give it), for `ip` caveats.
    pub client: Option<IpAddr>,
    /// The caller authenticated with an access token its holder attenuated
    /// (`App::authenticate_from`).
    pub restricted: bool,
    /// The request is a HEAD, answered as its GET (the gate). The GETs that mint a token do not
    /// store it then: no one receives it.
    pub head: bool,
    /// A whole list's chunks after the first, which the adapter's reply carries (the generated
    /// response holds one array); `dispatch` sends them after it (`body::follow`).
    rest: Mutex<Option<Chunks>>,
}

impl RequestContext {
    pub fn new(caller: Option<Arc<User>>, client: Option<IpAddr>) -> Self {
        Self { caller, client, restricted: false, head: false, rest: Mutex::new(None) }
    }

    /// Sets the chunks to send after the reply's list.
    pub fn follow_with(&self, rest: Option<Chunks>) {
        // Only this request's own task locks it, so it is never poisoned by another.
        *self.rest.lock().unwrap_or_else(|e| e.into_inner()) = rest;
    }

    pub fn take_rest(&self) -> Option<Chunks> {
        self.rest.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}
