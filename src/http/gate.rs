//! The gate: the one pass a request makes through the edge. It serves the documentation
//! routes, and for the API it enforces, from the spec's own route table, JSON 404 and 405 (with
//! `Allow`), the rate limits (429, before any store access), authentication (401), `Content-Type` (415), the body limit
//! (413), and strict validation against the spec's schemas of the declared query parameters and
//! the body (400: unknown members, types, lengths, patterns, enums, ranges). Then it hands the
//! operation, its path and query parameters and its parsed body to `dispatch`, which calls the adapter's generated `Api` method. The generated router
//! and handlers are not used: routing and body parsing happen once, here.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use http_body_util::{BodyExt, Limited};
use hyper::body::Body as _;
use hyper::header::{HeaderMap, HeaderName, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::{Method, Request, Response};

use super::api::Adapter;
use super::conn::Arriving;
use super::context::RequestContext;
use super::dispatch::{self, Call, OPERATIONS};
use super::docs::Docs;
use super::error::{self, Body, EdgeError};
use super::limits::Limiter;
use super::spec::{Operation, Spec, MAX_BODY_BYTES};
use crate::domain::User;
use crate::service::{App, AuthError, Authenticated};
use crate::telemetry::metrics;

#[derive(Clone)]
pub struct Gate {
    inner: Arc<Inner>,
}

struct Inner {
    spec: Spec,
    app: App,
    docs: Docs,
    adapter: Adapter,
    limiter: Arc<Limiter>,
}

impl Gate {
    pub fn new(app: App, limiter: Arc<Limiter>) -> anyhow::Result<Self> {
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
        metrics::operations_known(spec.routes().iter().flat_map(|r| &r.operations).map(|o| o.id.as_str()));
        let adapter = Adapter::new(app.clone());
        Ok(Self { inner: Arc::new(Inner { spec, adapter, app, docs, limiter }) })
    }

    /// Answers one request; never fails: every failure is a JSON error response. HEAD is
    /// answered as GET would be (routing, checks, status and headers, `Content-Length`
    /// included), without the body (contract §2); where GET is not allowed, neither is HEAD.
    /// Each answer is counted in the metrics under its spec operation (or `other`) and status,
    /// with its latency. A body the answer did not read is finished here (`finish_body`).
    /// `peer` is the connection's TCP peer (the rate limits' address, unless a trusted proxy
    /// names another).
    pub async fn handle(&self, mut request: Request<Arriving>, peer: Option<IpAddr>) -> Response<Body> {
        let started = Instant::now();
        let head = request.method() == Method::HEAD;
        if head {
            *request.method_mut() = Method::GET;
            request.extensions_mut().insert(Head);
        }
        let (parts, body) = request.into_parts();
        let request = Request::from_parts(parts, ());
        let mut body = Some(body);
        let (operation, mut response) = self.answer(&request, &mut body, peer).await;
        finish_body(request.headers(), body, &mut response).await;
        metrics::request(operation, response.status().as_str(), started.elapsed());
        if head {
            return without_body(response);
        }
        response
    }

    /// The response, and the operation it answered, for the metrics' label: the spec's
    /// `operationId` once the route and method name one, `metrics::OTHER` before that (never
    /// the raw path, whose values a client could multiply without end). Takes `body` out of
    /// its slot only if it reads it.
    async fn answer(
        &self,
        request: &Request<()>,
        body: &mut Option<Arriving>,
        peer: Option<IpAddr>,
    ) -> (&str, Response<Body>) {
        let inner = &self.inner;
        let other = metrics::OTHER;
        let path = request.uri().path();
        if let Some(response) = inner.docs.serve(path, request.method(), &inner.app).await {
            return (other, response);
        }
        let Some(api_path) = path.strip_prefix(inner.spec.base_path.as_str()) else {
            return (other, error::response(&EdgeError::NoRoute, None));
        };
        // Contract §2 [Onezone 17.06]: a trailing slash never changes the resource. It is cut
        // here, before the one routing step, so the route, its `Allow`, HEAD, the parameters and
        // the rate limits' classification (by operation) all see the same path.
        let api_path = without_trailing_slash(api_path);
        let Some(route) = inner.spec.route(api_path) else {
            return (other, error::response(&EdgeError::NoRoute, None));
        };
        let Some(operation) = route.operation(request.method()) else {
            return (other, error::response(&EdgeError::MethodNotAllowed, Some(&route.allow())));
        };
        let params = route.params(api_path);
        let response = match self.forward(request, body, operation, params, peer).await {
            Ok(response) => response,
            Err(e) => error::response(&e, None),
        };
        (&operation.id, response)
    }

    /// The rate limits (§9) around contract §1 rows 1–5: an address or a user past a limit gets
    /// 429 before anything reaches the store. An address's limits are asked before
    /// authentication, a user's after it (authenticating a known token in its second costs no
    /// store access either); a failed authentication or join counts afterwards.
    async fn forward(
        &self,
        request: &Request<()>,
        body: &mut Option<Arriving>,
        operation: &Operation,
        params: Vec<String>,
        peer: Option<IpAddr>,
    ) -> Result<Response<Body>, EdgeError> {
        let limiter = &self.inner.limiter;
        let client = limiter.client_ip(peer, request.headers());
        let address = client.map(super::limits::address_key);
        let join = JOIN_OPERATIONS.contains(&operation.id.as_str());
        if join {
            limiter.check_join(address, None)?;
        }
        let (caller, restricted) = match operation.secured {
            true => {
                let a = self.authenticate(request.headers(), address, client).await?;
                (Some(a.user), a.restricted)
            }
            false => (None, false),
        };
        let Some(shared) = caller.clone() else {
            return self.process(request, body, operation, params, RequestContext::new(caller, client)).await;
        };
        let user = shared.id.as_str();
        if join {
            limiter.check_join(None, Some(user))?;
        }
        // A HEAD on a GET that mints stores nothing (`Minting::Preview`), but counts as the GET
        // does: its status must be the GET's (contract §2), 429 included, and the limiter cannot
        // ask without counting.
        if is_write(request.method(), &operation.id) {
            limiter.write(user)?;
        }
        let mut ctx = RequestContext::new(caller, client);
        ctx.restricted = restricted;
        ctx.head = request.extensions().get::<Head>().is_some();
        let mut result = self.process(request, body, operation, params, ctx).await;
        if result.as_ref().is_ok_and(|r| r.status() == hyper::StatusCode::INTERNAL_SERVER_ERROR) {
            result = self.unless_caller_gone(&shared, result).await;
        }
        if join {
            let status = match &result {
                Ok(response) => response.status(),
                Err(e) => error::status_and_code(e).0,
            };
            if matches!(status.as_u16(), 400 | 403 | 404) {
                limiter.join_failed(address, user);
            }
        }
        result
    }

    /// `result` (a 500), or 401 `invalid_token` when the caller no longer exists: a user deleted
    /// after authentication vouched for it (within the caches' second, or on another instance)
    /// makes its request's writes fail on the store's keys, and contract §1 row 2 answers a
    /// deleted user's token 401. Asked only after a 500, so it costs nothing otherwise.
    async fn unless_caller_gone(
        &self,
        caller: &User,
        result: Result<Response<Body>, EdgeError>,
    ) -> Result<Response<Body>, EdgeError> {
        match self.inner.app.user_exists(&caller.id).await {
            Ok(false) => Err(EdgeError::InvalidAccessToken("The user of this access token no longer exists.".into())),
            _ => result,
        }
    }

    /// Contract §1 rows 1–5 in order (the declared query parameters are checked after row 2),
    /// then the adapter. Takes `body` out of its slot only if the operation reads one.
    async fn process(
        &self,
        request: &Request<()>,
        body: &mut Option<Arriving>,
        operation: &Operation,
        params: Vec<String>,
        ctx: RequestContext,
    ) -> Result<Response<Body>, EdgeError> {
        let span = span_id(request.headers());
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
                    Some(rule.parse(&bytes).map_err(EdgeError::InvalidBody)?)
                }
            }
            // An operation without a body ignores whatever was sent (`finish_body` drains it).
            (_, unread) => {
                *body = unread;
                None
            }
        };
        let call = Call { params, query, body, ctx };
        let mut response = dispatch::dispatch(&self.inner.adapter, &operation.id, call).await?;
        // The generated server echoed (or made up) a span id on every operation's response;
        // clients may log it, so it stays.
        if let Some(value) = span {
            response.headers_mut().insert(HeaderName::from_static("x-span-id"), value);
        }
        Ok(response)
    }

    /// Rows 1–2: an access token from `X-Auth-Token`, `Authorization: Bearer`, or `Macaroon`,
    /// or a login and password from `Authorization: Basic` (contract §7).
    /// The 401 decision is made here: the service only says whether the credentials identify
    /// someone.
    /// An address, token or login that has failed too often is refused first, and each
    /// rejection counts against the address and the token or login.
    async fn authenticate(
        &self,
        headers: &HeaderMap,
        address: Option<IpAddr>,
        client: Option<IpAddr>,
    ) -> Result<Authenticated, EdgeError> {
        let limiter = &self.inner.limiter;
        limiter.check_auth(address, None)?;
        let credentials = match credentials(headers) {
            Ok(credentials) => credentials.ok_or(EdgeError::Unauthorized)?,
            Err(unreadable) => {
                limiter.auth_failed(address, None);
                return Err(unreadable);
            }
        };
        match credentials {
            Credentials::Token(token) => {
                limiter.check_auth(None, Some(token))?;
                self.inner.app.authenticate_from(token, client).await.map_err(|e| match e {
                    AuthError::Rejected(why) => {
                        limiter.auth_failed(address, Some(token));
                        EdgeError::InvalidAccessToken(why)
                    }
                    AuthError::Failed(e) => EdgeError::Domain(e),
                })
            }
            Credentials::Basic { login, password } => {
                limiter.check_login(&login)?;
                let user = self.inner.app.authenticate_basic(&login, &password).await.map_err(|e| match e {
                    AuthError::Rejected(why) => {
                        limiter.login_failed(address, &login);
                        EdgeError::InvalidCredentials(why)
                    }
                    AuthError::Failed(e) => EdgeError::Domain(e),
                })?;
                Ok(Authenticated { user: Arc::new(user), restricted: false })
            }
        }
    }
}

/// Marks a request that came as a HEAD (`handle` answers it as its GET).
#[derive(Clone, Copy)]
struct Head;

/// The response to a HEAD: the GET response's status and headers, its length in
/// `Content-Length`, and no body. The body is dropped here rather than left to hyper's
/// protocol code, so that HTTP/1.1 and HTTP/2 answer alike.
fn without_body(response: Response<Body>) -> Response<Body> {
    let (mut parts, body) = response.into_parts();
    if let Some(length) = body.size_hint().exact() {
        parts.headers.insert(CONTENT_LENGTH, HeaderValue::from(length));
    }
    Response::from_parts(parts, error::full(Vec::new()))
}

/// The operations whose 400, 403 and 404 answers count as failed joins: the join, and the
/// nested join (issue 12), which takes a token the same way and could be used to guess one.
const JOIN_OPERATIONS: [&str; 2] = ["join_group", "join_nested_group"];

/// Writes, which the per-user write limit counts whatever their outcome.
/// Whether a request counts against the writes per user (§9): every POST, PUT, PATCH and
/// DELETE, and the GETs (and so HEADs, which store nothing but answer as GET) that Onezone made
/// to mint and store a token.
fn is_write(method: &Method, operation: &str) -> bool {
    matches!(*method, Method::POST | Method::PUT | Method::PATCH | Method::DELETE) || MINTING_GETS.contains(&operation)
}

/// The operations whose GET stores a new token each time (Onezone's own API).
const MINTING_GETS: [&str; 3] = ["create_client_token", "get_group_invite_token", "get_nested_group_invite_token"];

/// What a request authenticates with.
#[derive(Debug, PartialEq, Eq)]
enum Credentials<'a> {
    /// An access token, as sent (borrowed from its header).
    Token(&'a str),
    /// `Authorization: Basic` decoded: the login is everything before the first colon
    /// (RFC 7617 §2), the password everything after it.
    Basic { login: String, password: String },
}

/// The credentials of the first accepted header that is present, `None` when none is.
fn credentials(headers: &HeaderMap) -> Result<Option<Credentials<'_>>, EdgeError> {
    let unreadable = || EdgeError::InvalidAccessToken("The access token is not valid text.".into());
    if let Some(value) = headers.get("x-auth-token") {
        return value.to_str().map(|v| Some(Credentials::Token(v.trim()))).map_err(|_| unreadable());
    }
    if let Some(value) = headers.get(hyper::header::AUTHORIZATION) {
        // Basic credentials may hold any octets; only the scheme name is read as text here.
        let bytes = value.as_bytes();
        let text = String::from_utf8_lossy(bytes);
        let text = text.trim();
        let (scheme, rest) = text.split_once(' ').unwrap_or((text, ""));
        if scheme.eq_ignore_ascii_case("basic") {
            return basic(rest.trim()).map(Some);
        }
        let value = value.to_str().map_err(|_| unreadable())?.trim();
        // Another scheme is not a credential this API accepts. A Bearer header with nothing
        // after it was presented all the same: an invalid token, as an empty X-Auth-Token.
        let (scheme, token) = value.split_once(' ').unwrap_or((value, ""));
        if scheme.eq_ignore_ascii_case("bearer") {
            return Ok(Some(Credentials::Token(token.trim())));
        }
    }
    if let Some(value) = headers.get("macaroon") {
        return value.to_str().map(|v| Some(Credentials::Token(v.trim()))).map_err(|_| unreadable());
    }
    Ok(None)
}

/// `base64(login:password)` decoded (RFC 7617). Anything else is a 401 `invalid_credentials`,
/// as a wrong password is: the client sent credentials that identify no one.
fn basic(encoded: &str) -> Result<Credentials<'static>, EdgeError> {
    use base64::Engine as _;
    let bad =
        || EdgeError::InvalidCredentials("The Basic credentials are not base64 of login:password in UTF-8.".into());
    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded).map_err(|_| bad())?;
    let text = String::from_utf8(decoded).map_err(|_| bad())?;
    let (login, password) = text.split_once(':').ok_or_else(bad)?;
    Ok(Credentials::Basic { login: login.to_owned(), password: password.to_owned() })
}

/// `/user/` as `/user`: one trailing slash is dropped, except from the bare root, so
/// `/groups/x//` (an empty segment) still names nothing.
fn without_trailing_slash(path: &str) -> &str {
    match path.strip_suffix('/') {
        Some(cut) if !cut.is_empty() => cut,
        _ => path,
    }
}

/// Row 3 (contract §2): `application/json`, with no `charset` or `charset=utf-8`; other
/// parameters are allowed. A body with no `Content-Type` at all is read as JSON, since
/// rc11-generated clients send none for operations whose spec declared no `consumes`.
fn check_content_type(headers: &HeaderMap) -> Result<(), EdgeError> {
    let mut given = headers.get_all(CONTENT_TYPE).iter();
    let Some(value) = given.next() else { return Ok(()) };
    // Two media types say nothing certain: a proxy in front may have read the other one.
    if given.next().is_some() {
        return Err(EdgeError::UnsupportedMediaType);
    }
    let value = value.to_str().map_err(|_| EdgeError::UnsupportedMediaType)?;
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or("").trim();
    if !essence.eq_ignore_ascii_case("application/json") {
        return Err(EdgeError::UnsupportedMediaType);
    }
    for parameter in parts {
        let (name, charset) = parameter.split_once('=').unwrap_or((parameter, ""));
        let charset = charset.trim().trim_matches('"');
        if name.trim().eq_ignore_ascii_case("charset") && !charset.eq_ignore_ascii_case("utf-8") {
            return Err(EdgeError::UnsupportedMediaType);
        }
    }
    Ok(())
}

/// How long an answer waits for the rest of a body it did not read, to keep the connection.
const FINISH_BODY_WAIT: Duration = Duration::from_secs(1);

/// What becomes of a request body the answer did not read, so that the client is told the
/// truth about the connection (contract §9). A body of at most `MAX_BODY_BYTES` that arrives
/// within `FINISH_BODY_WAIT` is read and dropped, and the connection stays open, as it would
/// after a body the gate read. A larger one, one that fails to arrive in time (a client
/// without credentials cannot hold its answer and its connection by trickling a body in),
/// and one the client waits to be asked for (`Expect: 100-continue`, which reading it would
/// solicit) are left unread: the response says `Connection: close` (hyper then closes, and
/// `conn::Watched` lingers so that a client still sending reads it). A 413 always says it:
/// the body was cut off where the limit ran out.
async fn finish_body(headers: &HeaderMap, body: Option<Arriving>, response: &mut Response<Body>) {
    let mut close = response.status() == hyper::StatusCode::PAYLOAD_TOO_LARGE;
    if let Some(body) = body.filter(|b| !b.is_end_stream()) {
        let solicited = headers.contains_key(hyper::header::EXPECT);
        close |= solicited
            || !matches!(tokio::time::timeout(FINISH_BODY_WAIT, read_limited(headers, body)).await, Ok(Ok(_)));
    }
    if close {
        response.headers_mut().insert(hyper::header::CONNECTION, HeaderValue::from_static("close"));
    }
}

/// Row 4: at most `MAX_BODY_BYTES`, refused from `Content-Length` before reading when it says
/// so, and cut off while reading otherwise (chunked bodies).
async fn read_limited(headers: &HeaderMap, body: Arriving) -> Result<Bytes, EdgeError> {
    let too_large = EdgeError::PayloadTooLarge(MAX_BODY_BYTES);
    let declared = headers.get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) || body.size_hint().lower() > MAX_BODY_BYTES as u64 {
        return Err(too_large);
    }
    // Frame by frame rather than `collect`: a body usually arrives as one frame, which is then
    // the result as it is, with nothing allocated to gather it. Trailers are ignored.
    let mut body = Limited::new(body, MAX_BODY_BYTES);
    let (mut whole, mut joined) = (Bytes::new(), None::<BytesMut>);
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| match e.is::<http_body_util::LengthLimitError>() {
            true => too_large.clone(),
            false => EdgeError::InvalidBody("The request body could not be read.".into()),
        })?;
        let Ok(data) = frame.into_data() else { continue };
        match joined.as_mut() {
            Some(joined) => joined.extend_from_slice(&data),
            None if whole.is_empty() => whole = data,
            None => {
                let mut both = BytesMut::from(std::mem::take(&mut whole));
                both.extend_from_slice(&data);
                joined = Some(both);
            }
        }
    }
    Ok(joined.map_or(whole, BytesMut::freeze))
}

/// The request's `X-Span-ID` as the client sent it (when it is text), else a new random
/// (version 4) UUID, as `swagger::XSpanIdString::get_or_generate` would make it, but from the
/// thread's RNG: that function asks the kernel for 16 bytes on every request (a `getrandom` call,
/// 2 % of the server's CPU in the reject benchmark), and a span id needs no fresh entropy, only
/// uniqueness. Made straight into the header value: the id is never used as a string.
fn span_id(headers: &HeaderMap) -> Option<HeaderValue> {
    match headers.get("x-span-id").filter(|given| given.to_str().is_ok()) {
        Some(given) => Some(given.clone()),
        None => {
            let mut text = [0u8; uuid::fmt::Hyphenated::LENGTH];
            let uuid = uuid::Builder::from_random_bytes(rand::random()).into_uuid();
            HeaderValue::from_str(uuid.hyphenated().encode_lower(&mut text)).ok()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::header::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (hyper::header::HeaderName::from_static(k), HeaderValue::from_static(v))).collect()
    }

    fn token(pairs: &[(&'static str, &'static str)]) -> Option<String> {
        match credentials(&headers(pairs)).unwrap() {
            Some(Credentials::Token(t)) => Some(t.to_owned()),
            other => panic!("not a token: {other:?}"),
        }
    }

    #[test]
    fn a_span_id_is_the_clients_or_a_new_version_4_uuid_each_time() {
        let text = |headers: &HeaderMap| span_id(headers).unwrap().to_str().unwrap().to_owned();
        assert_eq!(text(&headers(&[("x-span-id", "trace-7")])), "trace-7");
        // One that is not text is replaced, as if none had been sent.
        let mut opaque = HeaderMap::new();
        opaque.insert("x-span-id", HeaderValue::from_bytes(b"\xff").unwrap());
        assert!(uuid::Uuid::parse_str(&text(&opaque)).is_ok());
        let (a, b) = (text(&HeaderMap::new()), text(&HeaderMap::new()));
        assert_ne!(a, b);
        for id in [a, b] {
            let parsed = uuid::Uuid::parse_str(&id).expect("a UUID");
            assert_eq!(parsed.get_version(), Some(uuid::Version::Random), "{id}");
            assert_eq!(id, parsed.hyphenated().to_string());
        }
    }

    #[test]
    fn each_accepted_header_carries_the_access_token() {
        assert_eq!(token(&[("x-auth-token", "a")]).as_deref(), Some("a"));
        assert_eq!(token(&[("authorization", "Bearer b")]).as_deref(), Some("b"));
        assert_eq!(token(&[("authorization", "bearer  c ")]).as_deref(), Some("c"));
        assert_eq!(token(&[("macaroon", "d")]).as_deref(), Some("d"));
        assert_eq!(token(&[("authorization", "Bearer")]).as_deref(), Some(""));
        assert_eq!(credentials(&headers(&[("authorization", "Digest x")])).unwrap(), None);
        assert_eq!(credentials(&headers(&[])).unwrap(), None);
    }

    #[test]
    fn basic_credentials_split_at_the_first_colon_and_anything_else_is_invalid_credentials() {
        let basic = |value: &'static str| match credentials(&headers(&[("authorization", value)])) {
            Ok(Some(Credentials::Basic { login, password })) => Ok((login, password)),
            Ok(other) => panic!("not Basic credentials: {other:?}"),
            Err(e) => Err(e),
        };
        let pair = |login: &str, password: &str| Ok((login.to_owned(), password.to_owned()));
        // base64("alice:pa:ss") and base64(":"), base64("bob:").
        assert_eq!(basic("Basic YWxpY2U6cGE6c3M="), pair("alice", "pa:ss"));
        assert_eq!(basic("basic  Ym9iOg== "), pair("bob", ""));
        assert_eq!(basic("Basic Og=="), pair("", ""));
        for bad in ["Basic", "Basic !!!", "Basic YWxpY2U=", "Basic /w=="] {
            assert!(matches!(basic(bad), Err(EdgeError::InvalidCredentials(_))), "{bad}");
        }
        // X-Auth-Token wins over Authorization, as it always has.
        let both = headers(&[("x-auth-token", "t"), ("authorization", "Basic YWxpY2U6cGE6c3M=")]);
        assert_eq!(credentials(&both).unwrap(), Some(Credentials::Token("t")));
    }

    #[test]
    fn json_in_utf_8_or_without_a_type_is_accepted_and_anything_else_is_415() {
        for good in [
            "application/json; charset=utf-8",
            "Application/JSON",
            "application/json;charset=\"UTF-8\"",
            "application/json; profile=x",
        ] {
            let h: HeaderMap = [(CONTENT_TYPE, HeaderValue::from_static(good))].into_iter().collect();
            assert!(check_content_type(&h).is_ok(), "{good}");
        }
        for bad in [
            "text/plain",
            "application/jsonx",
            "application/x-www-form-urlencoded",
            "application/json; charset=iso-8859-1",
            "application/json; charset=utf-16",
            "",
        ] {
            let h: HeaderMap = [(CONTENT_TYPE, HeaderValue::from_static(bad))].into_iter().collect();
            assert_eq!(check_content_type(&h), Err(EdgeError::UnsupportedMediaType), "{bad}");
        }
        assert!(check_content_type(&HeaderMap::new()).is_ok(), "no Content-Type is read as JSON");
    }

    #[test]
    fn one_trailing_slash_is_dropped_but_never_from_the_root_or_an_empty_segment() {
        assert_eq!(without_trailing_slash("/user/"), "/user");
        assert_eq!(without_trailing_slash("/groups/x/users/"), "/groups/x/users");
        assert_eq!(without_trailing_slash("/user"), "/user");
        assert_eq!(without_trailing_slash("/"), "/");
        assert_eq!(without_trailing_slash("/groups/x//"), "/groups/x/");
    }
}
