//! The per-request context handed to the adapter's `Api` methods: the authenticated caller and
//! the client's address. Only the gate builds one.

use std::net::IpAddr;
use std::sync::Arc;

use crate::domain::User;

pub struct RequestContext {
    /// The user the gate authenticated; `None` only for operations the spec leaves open.
    pub caller: Option<Arc<User>>,
    /// The client's address as the gate computed it (`Limiter::client_ip`: the peer, or the
    /// forwarded address when the peer is trusted to give it), for `ip` caveats.
    pub client: Option<IpAddr>,
}
