//! The gate: the one pass a request makes through the edge. It serves the documentation
//! routes, and for the API it enforces, from the spec's own route table, JSON 404 and 405 (with
//! `Allow`), authentication before anything else (401), `Content-Type` (415), the body limit
//! (413), and strict validation against the spec's schemas of the declared query parameters and
//! the body (400: unknown members, types, lengths, patterns, enums, ranges). Then it hands the
//! operation, its path and query parameters and its parsed body to `dispatch`, which calls the adapter's generated `Api` method. The generated router
//! and handlers are not used: routing and body parsing happen once, here.

use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{BodyExt, Limited};
use hyper::body::{Body as _, Incoming};
use hyper::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::{Request, Response};
use serde_json::Value;
use swagger::XSpanIdString;

use super::api::Adapter;
use super::context::RequestContext;
use super::dispatch::{self, Call, OPERATIONS};
use super::docs::Docs;
use super::error::{self, Body, EdgeError};
use super::spec::{Operation, Spec, MAX_BODY_BYTES};
use crate::domain::User;
use crate::service::{App, AuthError};

#[derive(Clone)]
pub struct Gate {
    inner: Arc<Inner>,
}

struct Inner {
    spec: Spec,
    app: App,
    docs: Docs,
    adapter: Adapter,
}

impl Gate {
    pub fn new(app: App) -> anyhow::Result<Self> {
        let spec = Spec::load()?;
        // An operation of the spec without a dispatch entry would be a 500 at its first call;
        // refuse to start instead (the dispatch tests catch it before a build ships).
        for operation in spec.routes().iter().flat_map(|r| &r.operations) {
            anyhow::ensure!(
                OPERATIONS.iter().any(|(id, ..)| *id == operation.id),
                "the spec's operation {} is not dispatched",
                operation.id
            );
        }
        let docs = Docs::new(&spec)?;
        Ok(Self { inner: Arc::new(Inner { spec, adapter: Adapter::new(app.clone()), app, docs }) })
    }

    /// Answers one request; never fails: every failure is a JSON error response.
    pub async fn handle(&self, request: Request<Incoming>) -> Response<Body> {
        let (parts, body) = request.into_parts();
        let request = Request::from_parts(parts, ());
        let mut body = Some(body);
        let mut response = self.answer(&request, &mut body).await;
        finish_body(request.headers(), body, &mut response).await;
        response
    }

    /// The response; takes `body` out of its slot only if it reads it.
    async fn answer(&self, request: &Request<()>, body: &mut Option<Incoming>) -> Response<Body> {
        let inner = &self.inner;
        let path = request.uri().path();
        if let Some(response) = inner.docs.serve(path, request.method(), &inner.app).await {
            return response;
        }
        let Some(api_path) = path.strip_prefix(inner.spec.base_path.as_str()) else {
            return error::response(&EdgeError::NoRoute, None);
        };
        let Some(route) = inner.spec.route(api_path) else {
            return error::response(&EdgeError::NoRoute, None);
        };
        let Some(operation) = route.operation(request.method()) else {
            return error::response(&EdgeError::MethodNotAllowed, Some(&route.allow()));
        };
        let params = route.params(api_path);
        match self.forward(request, body, operation, params).await {
            Ok(response) => response,
            Err(e) => error::response(&e, None),
        }
    }

    /// Contract §1 rows 1–5 in order (the declared query parameters are checked after row 2),
    /// then the adapter.
    async fn forward(
        &self,
        request: &Request<()>,
        body: &mut Option<Incoming>,
        operation: &Operation,
        params: Vec<String>,
    ) -> Result<Response<Body>, EdgeError> {
        let caller = match operation.secured {
            true => Some(self.authenticate(request.headers()).await?),
            false => None,
        };
        let span = XSpanIdString::get_or_generate(request);
        let query = operation.query_values(request.uri().query()).map_err(EdgeError::InvalidQuery)?;
        let body = match (&operation.body, body.take()) {
            (Some(rule), Some(body)) => {
                check_content_type(request.headers())?;
                let bytes = read_limited(request.headers(), body).await?;
                if bytes.is_empty() {
                    if rule.required {
                        return Err(EdgeError::InvalidBody(format!("A {} body is required.", rule.schema_name)));
                    }
                    None
                } else {
                    let value: Value = serde_json::from_slice(&bytes)
                        .map_err(|_| EdgeError::InvalidBody("The request body is not valid JSON.".into()))?;
                    rule.validate(&value).map_err(EdgeError::InvalidBody)?;
                    Some(value)
                }
            }
            // An operation without a body ignores whatever was sent (`finish_body` drains it).
            (_, unread) => {
                *body = unread;
                None
            }
        };
        let call = Call { params, query, body, ctx: RequestContext { caller } };
        let mut response = dispatch::dispatch(&self.inner.adapter, &operation.id, call).await?;
        // The generated server echoed (or made up) a span id on every operation's response;
        // clients may log it, so it stays.
        if let Ok(value) = HeaderValue::from_str(&span.0) {
            response.headers_mut().insert(HeaderName::from_static("x-span-id"), value);
        }
        Ok(response)
    }

    /// Rows 1–2: credentials from `X-Auth-Token`, `Authorization: Bearer`, or `Macaroon`.
    /// The 401 decision is made here: the service only says whether the token identifies
    /// someone.
    async fn authenticate(&self, headers: &HeaderMap) -> Result<User, EdgeError> {
        let token = credentials(headers)?.ok_or(EdgeError::Unauthorized)?;
        self.inner.app.authenticate(&token).await.map_err(|e| match e {
            AuthError::Rejected(why) => EdgeError::InvalidAccessToken(why),
            AuthError::Failed(e) => EdgeError::Domain(e),
        })
    }
}

/// The access token from the first accepted header that is present, `None` when none is.
fn credentials(headers: &HeaderMap) -> Result<Option<String>, EdgeError> {
    let unreadable = || EdgeError::InvalidAccessToken("The access token is not valid text.".into());
    if let Some(value) = headers.get("x-auth-token") {
        return value.to_str().map(|v| Some(v.trim().to_owned())).map_err(|_| unreadable());
    }
    if let Some(value) = headers.get(hyper::header::AUTHORIZATION) {
        let value = value.to_str().map_err(|_| unreadable())?.trim();
        // Another scheme (Basic, ...) is not a credential this API accepts. A Bearer header with
        // nothing after it was presented all the same: an invalid token, as an empty X-Auth-Token.
        let (scheme, token) = value.split_once(' ').unwrap_or((value, ""));
        if scheme.eq_ignore_ascii_case("bearer") {
            return Ok(Some(token.trim().to_owned()));
        }
    }
    if let Some(value) = headers.get("macaroon") {
        return value.to_str().map(|v| Some(v.trim().to_owned())).map_err(|_| unreadable());
    }
    Ok(None)
}

/// Row 3: `application/json`, parameters such as `charset` allowed.
fn check_content_type(headers: &HeaderMap) -> Result<(), EdgeError> {
    let essence = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase());
    match essence.as_deref() {
        Some("application/json") => Ok(()),
        _ => Err(EdgeError::UnsupportedMediaType),
    }
}

/// What becomes of a request body the answer did not read, so that the client is told the
/// truth about the connection (contract §9). A body of at most `MAX_BODY_BYTES` is read and
/// dropped, and the connection stays open, as it would after a body the gate read. A larger
/// one, or one that fails to arrive, is left unread: the response says `Connection: close`
/// (hyper then closes, and `conn::Watched` lingers so that a client still sending reads it).
/// A 413 always says it: the body was cut off where the limit ran out.
async fn finish_body(headers: &HeaderMap, body: Option<Incoming>, response: &mut Response<Body>) {
    let mut close = response.status() == hyper::StatusCode::PAYLOAD_TOO_LARGE;
    if let Some(body) = body.filter(|b| !b.is_end_stream()) {
        close |= read_limited(headers, body).await.is_err();
    }
    if close {
        response.headers_mut().insert(hyper::header::CONNECTION, HeaderValue::from_static("close"));
    }
}

/// Row 4: at most `MAX_BODY_BYTES`, refused from `Content-Length` before reading when it says
/// so, and cut off while reading otherwise (chunked bodies).
async fn read_limited(headers: &HeaderMap, body: Incoming) -> Result<Bytes, EdgeError> {
    let too_large = EdgeError::PayloadTooLarge(MAX_BODY_BYTES);
    let declared = headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) || body.size_hint().lower() > MAX_BODY_BYTES as u64 {
        return Err(too_large);
    }
    match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(too_large),
        Err(_) => Err(EdgeError::InvalidBody("The request body could not be read.".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (hyper::header::HeaderName::from_static(k), HeaderValue::from_static(v))).collect()
    }

    #[test]
    fn each_accepted_header_carries_the_access_token() {
        assert_eq!(credentials(&headers(&[("x-auth-token", "a")])).unwrap().as_deref(), Some("a"));
        assert_eq!(credentials(&headers(&[("authorization", "Bearer b")])).unwrap().as_deref(), Some("b"));
        assert_eq!(credentials(&headers(&[("authorization", "bearer  c ")])).unwrap().as_deref(), Some("c"));
        assert_eq!(credentials(&headers(&[("macaroon", "d")])).unwrap().as_deref(), Some("d"));
        assert_eq!(credentials(&headers(&[("authorization", "Bearer")])).unwrap().as_deref(), Some(""));
        assert_eq!(credentials(&headers(&[("authorization", "Basic eA==")])).unwrap(), None);
        assert_eq!(credentials(&headers(&[])).unwrap(), None);
    }

    #[test]
    fn json_with_parameters_is_accepted_and_anything_else_is_415() {
        assert!(check_content_type(&headers(&[("content-type", "application/json; charset=utf-8")])).is_ok());
        assert!(check_content_type(&headers(&[("content-type", "Application/JSON")])).is_ok());
        for bad in ["text/plain", "application/jsonx", "application/x-www-form-urlencoded"] {
            let h: HeaderMap = [(CONTENT_TYPE, HeaderValue::from_static(bad))].into_iter().collect();
            assert_eq!(check_content_type(&h), Err(EdgeError::UnsupportedMediaType), "{bad}");
        }
        assert_eq!(check_content_type(&HeaderMap::new()), Err(EdgeError::UnsupportedMediaType));
    }
}
