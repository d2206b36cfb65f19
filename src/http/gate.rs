//! The gate: the one thin layer around the generated server. It serves the documentation
//! routes, and for the API it enforces, from the spec's own route table, what the generated
//! code (openapi-generator 7.26.0 `rust-server`) gets wrong or leaves out: JSON 404 and 405
//! (with `Allow`), authentication before anything else (401, never the generated 403),
//! `Content-Type` (415), the body limit (413), and strict body validation against the spec's
//! schemas (400: unknown members, types, lengths, patterns, enums). Whatever non-JSON error
//! the generated code still produces is rewritten into the JSON error shape on the way out.

use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Body as _, Incoming};
use hyper::header::{HeaderMap, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::service::Service as _;
use hyper::{Request, Response};
use oz_groups_api::server::Service as GeneratedService;
use swagger::XSpanIdString;

use super::api::Adapter;
use super::context::RequestContext;
use super::docs::Docs;
use super::error::{self, Body, EdgeError};
use super::spec::{Operation, Spec, MAX_BODY_BYTES};
use crate::domain::{Error, User};
use crate::service::{App, AuthError};

#[derive(Clone)]
pub struct Gate {
    inner: Arc<Inner>,
}

struct Inner {
    spec: Spec,
    app: App,
    docs: Docs,
    generated: GeneratedService<Adapter, RequestContext>,
}

impl Gate {
    pub fn new(app: App) -> anyhow::Result<Self> {
        let spec = Spec::load()?;
        let docs = Docs::new(&spec)?;
        // `validation` is false: with the `validate` feature on, 7.26.0 compiles the checks
        // out anyway (its macro is under `cfg(not(feature = "validate"))`); the gate validates.
        let generated = GeneratedService::new(Adapter::new(app.clone()), false);
        Ok(Self { inner: Arc::new(Inner { spec, app, docs, generated }) })
    }

    /// Answers one request; never fails: every failure is a JSON error response.
    pub async fn handle(&self, request: Request<Incoming>) -> Response<Body> {
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
        match self.forward(request, operation).await {
            Ok(response) => json_errors_only(response),
            Err(e) => error::response(&e, None),
        }
    }

    /// Contract §1 rows 1–5 in order, then the generated server and the adapter.
    async fn forward(&self, request: Request<Incoming>, operation: &Operation) -> Result<Response<Body>, EdgeError> {
        let inner = &self.inner;
        let caller = match operation.secured {
            true => Some(self.authenticate(request.headers()).await?),
            false => None,
        };
        let span = XSpanIdString::get_or_generate(&request);
        let (parts, body) = request.into_parts();
        let bytes = match &operation.body {
            Some(rule) => {
                check_content_type(&parts.headers)?;
                let bytes = read_limited(&parts.headers, body).await?;
                if bytes.is_empty() {
                    if rule.required {
                        return Err(EdgeError::InvalidBody(format!("A {} body is required.", rule.schema_name)));
                    }
                } else {
                    let value: serde_json::Value = serde_json::from_slice(&bytes)
                        .map_err(|_| EdgeError::InvalidBody("The request body is not valid JSON.".into()))?;
                    rule.validate(&value).map_err(EdgeError::InvalidBody)?;
                }
                bytes
            }
            // An operation without a body ignores whatever was sent, unread.
            None => Bytes::new(),
        };
        let request = Request::from_parts(parts, Full::new(bytes));
        let context = RequestContext::new(span, caller);
        inner.generated.call((request, context)).await.map_err(|e| Error::internal(e).into())
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

/// Every non-2xx response leaves as JSON: a generated text/plain error (a path parameter that
/// is not UTF-8, an `Err` from the adapter) is replaced by the JSON error for its status.
fn json_errors_only(response: Response<Body>) -> Response<Body> {
    let status = response.status();
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if status.is_success() || status.is_redirection() || is_json {
        return response;
    }
    error::response(&error::from_status(status), None)
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
