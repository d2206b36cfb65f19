//! The per-request context handed to the generated server: the span id it expects, the
//! `Authorization` it checks for secured operations, and the authenticated caller the adapter
//! reads. Only the gate builds one.

use swagger::auth::Authorization;
use swagger::{Has, XSpanIdString};

use crate::domain::User;

pub struct RequestContext {
    span: XSpanIdString,
    authorization: Option<Authorization>,
    /// The user the gate authenticated; `None` only for operations the spec leaves open.
    pub caller: Option<User>,
}

impl RequestContext {
    pub fn new(span: XSpanIdString, caller: Option<User>) -> Self {
        let authorization = caller.as_ref().map(|user| Authorization {
            subject: user.id.to_string(),
            scopes: swagger::auth::Scopes::All,
            issuer: None,
        });
        Self { span, authorization, caller }
    }
}

impl Has<XSpanIdString> for RequestContext {
    fn get(&self) -> &XSpanIdString {
        &self.span
    }
    fn get_mut(&mut self) -> &mut XSpanIdString {
        &mut self.span
    }
    fn set(&mut self, value: XSpanIdString) {
        self.span = value;
    }
}

impl Has<Option<Authorization>> for RequestContext {
    fn get(&self) -> &Option<Authorization> {
        &self.authorization
    }
    fn get_mut(&mut self) -> &mut Option<Authorization> {
        &mut self.authorization
    }
    fn set(&mut self, value: Option<Authorization>) {
        self.authorization = value;
    }
}
