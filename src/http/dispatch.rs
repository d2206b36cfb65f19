//! The one routing step after the gate's: an operation of the spec, with its path parameters,
//! its validated query parameters and its validated body, goes straight to the adapter's `Api` method of the same name, and
//! the generated response enum it returns becomes the HTTP response (`reply::Reply`). The body
//! is parsed once, by the gate, into a `serde_json::Value`; here that value becomes the
//! generated model without reading the bytes again.

use hyper::Response;
use oz_groups_api::Api;
use serde_json::Value;

use super::api::Adapter;
use super::context::RequestContext;
use super::error::{Body, EdgeError};
use super::reply::Reply;
use crate::domain::Error;

/// One request the gate has routed, authenticated and validated.
pub struct Call {
    /// The path's parameters in template order, percent-decoded.
    pub params: Vec<String>,
    /// The operation's declared query parameters in the spec's order, decoded and validated;
    /// `None` where one was not given.
    pub query: Vec<Option<String>>,
    /// The validated JSON body, for operations that take one.
    pub body: Option<Value>,
    pub ctx: RequestContext,
}

/// The generated model of a validated body. The spec's schema is at least as strict as the
/// model, so this fails only when the two disagree; the caller gets the 400 the generated
/// server used to answer then.
fn model<T: serde::de::DeserializeOwned>(body: Option<Value>) -> Result<T, EdgeError> {
    // No body is JSON's null: `None` for an optional body (`Option<_>`), refused for a required one.
    serde_json::from_value(body.unwrap_or(Value::Null))
        .map_err(|_| EdgeError::InvalidBody("The request is not valid.".into()))
}

/// A query parameter's validated text as the type the generated `Api` method takes.
trait FromQuery: Sized {
    fn from_query(value: Option<String>) -> Result<Self, EdgeError>;
}

impl FromQuery for Option<String> {
    fn from_query(value: Option<String>) -> Result<Self, EdgeError> {
        Ok(value)
    }
}

/// The spec's integer bounds (1..=1000 for `limit`, an `int32`) fit the generated `u32`; a value that does
/// not is refused as the schema would refuse it.
impl FromQuery for Option<u32> {
    fn from_query(value: Option<String>) -> Result<Self, EdgeError> {
        value
            .map(|v| v.parse().map_err(|_| EdgeError::InvalidQuery("A query parameter is out of range.".into())))
            .transpose()
    }
}

/// `operation(path parameters ? query parameters; body)`: the operation's id is the `Api`
/// method's name, its path parameters are the template's and its query parameters the spec's,
/// in order (all checked against the spec below).
macro_rules! operations {
    ($($op:ident($($param:ident),* $(? $($query:ident),+)? $(; $body:ident)?)),* $(,)?) => {
        /// `(operationId, path parameter names, query parameter names, whether it takes a body)`
        /// of every operation dispatched, for the start-up check and the tests.
        pub const OPERATIONS: &[(&str, &[&str], &[&str], bool)] = &[$((
            stringify!($op),
            &[$(stringify!($param)),*],
            &[$($(stringify!($query)),+)?],
            { let body: &[&str] = &[$(stringify!($body))?]; !body.is_empty() },
        )),*];

        /// Calls the operation `op` of the adapter and turns its reply into the HTTP response.
        pub async fn dispatch(api: &Adapter, op: &str, call: Call) -> Result<Response<Body>, EdgeError> {
            let mut params = call.params.into_iter();
            // The gate took the parameters from the template this operation belongs to.
            let mut param = || params.next().ok_or_else(|| Error::internal(format!("{op}: a path parameter is missing")));
            // ... and the query values from this operation's declared parameters, one slot each.
            let mut query = call.query.into_iter();
            #[allow(unused_mut, unused_variables)]
            let mut query_value = || query.next().ok_or_else(|| Error::internal(format!("{op}: a query slot is missing")));
            match op {
                $(stringify!($op) => {
                    $(let $param = param()?;)*
                    $($(let $query = FromQuery::from_query(query_value()?)?;)+)?
                    $(let $body = model(call.body)?;)?
                    let reply = api.$op($($param,)* $($($query,)+)? $($body,)? &call.ctx).await.map_err(Error::internal)?;
                    Ok(super::body::follow(reply.into_http(), call.ctx.take_rest()))
                })*
                other => Err(Error::internal(format!("the operation {other} is not dispatched")).into()),
            }
        }
    };
}

operations! {
    get_current_user(),
    modify_current_user(; body),
    create_client_token(),
    list_user_groups(? limit, after),
    create_group_for_user(; body),
    join_group(; body),
    get_user_group(gid),
    leave_group(gid),
    list_groups(? limit, after),
    create_group(; body),
    get_group(id),
    modify_group(id; body),
    remove_group(id),
    list_group_users(id ? limit, after),
    create_group_invite_token(id),
    get_group_invite_token(id),
    get_group_user(id, uid),
    remove_group_user(id, uid),
    get_group_user_privileges(id, uid),
    set_group_user_privileges(id, uid; body),
    delete_current_user(),
    list_users(? limit, after),
    get_user(id),
    remove_user(id),
    get_user_zone_privileges(id),
    modify_user_zone_privileges(id; body),
    remove_user_zone_privileges(id),
    get_group_zone_privileges(id),
    modify_group_zone_privileges(id; body),
    remove_group_zone_privileges(id),
    add_group_user(id, uid; body),
    list_nested_groups(id ? limit, after),
    create_nested_group_invite_token(id),
    get_nested_group_invite_token(id),
    join_nested_group(id; body),
    get_nested_group(id, nid),
    remove_nested_group(id, nid),
    get_nested_group_privileges(id, nid),
    set_nested_group_privileges(id, nid; body),
    list_parent_groups(id ? limit, after),
    get_parent_group(id, pid),
    list_group_effective_users(id ? limit, after),
    get_group_effective_user(id, uid),
    get_group_effective_user_privileges(id, uid),
    list_user_effective_groups(? limit, after),
    get_user_effective_group(gid),
    create_named_token(; body),
    list_named_tokens(? limit, after),
    delete_named_tokens(),
    get_named_token_by_name(name),
    get_named_token(id),
    modify_named_token(id; body),
    delete_named_token(id),
    list_token_joins(id ? limit, after),
    get_group_user_origin(id, uid),
    list_group_invites(id ? limit, after),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::spec::Spec;

    #[test]
    fn every_operation_of_the_spec_is_dispatched_with_its_path_and_query_parameters_in_order() {
        let spec = Spec::load().expect("the committed spec loads");
        let mut seen = 0;
        for route in spec.routes() {
            for operation in &route.operations {
                let Some((_, params, query, body)) = OPERATIONS.iter().find(|(id, ..)| *id == operation.id) else {
                    panic!("{} ({} {}) is not dispatched", operation.id, operation.method, route.template);
                };
                assert_eq!(*params, route.param_names().as_slice(), "{}", operation.id);
                let declared: Vec<&str> = operation.query.iter().map(|q| q.name.as_str()).collect();
                assert_eq!(*query, declared.as_slice(), "{}: its query parameters", operation.id);
                assert_eq!(operation.body.is_some(), *body, "{}: whether it takes a body", operation.id);
                seen += 1;
            }
        }
        assert_eq!(seen, OPERATIONS.len(), "the dispatch table names operations the spec does not have");
    }
}
