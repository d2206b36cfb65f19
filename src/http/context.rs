//! The per-request context handed to the adapter's `Api` methods: the authenticated caller.
//! Only the gate builds one.

use crate::domain::User;

pub struct RequestContext {
    /// The user the gate authenticated; `None` only for operations the spec leaves open.
    pub caller: Option<User>,
}
