use async_trait::async_trait;
use bytes::Bytes;
use futures::{future, future::BoxFuture, future::FutureExt, future::TryFutureExt, stream, stream::StreamExt, Stream};
use http_body_util::{combinators::BoxBody, Full};
use hyper::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use hyper::{
    body::{Body, Incoming},
    service::Service,
    Request, Response, Uri,
};
use percent_encoding::{utf8_percent_encode, AsciiSet};
use std::borrow::Cow;
use std::convert::{Infallible, TryInto};
use std::error::Error;
use std::fmt;
use std::future::Future;
use std::io::{ErrorKind, Read};
use std::marker::PhantomData;
use std::path::Path;
use std::str;
use std::str::FromStr;
use std::string::ToString;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use swagger::{ApiError, AuthData, BodyExt, Connector, DropContextService, Has, XSpanIdString};
use tower_service::Service as _;
use url::form_urlencoded;

use crate::header;
use crate::models;

/// https://url.spec.whatwg.org/#fragment-percent-encode-set
#[allow(dead_code)]
const FRAGMENT_ENCODE_SET: &AsciiSet = &percent_encoding::CONTROLS.add(b' ').add(b'"').add(b'<').add(b'>').add(b'`');

/// This encode set is used for object IDs
///
/// Aside from the special characters defined in the `PATH_SEGMENT_ENCODE_SET`,
/// the vertical bar (|) is encoded.
#[allow(dead_code)]
const ID_ENCODE_SET: &AsciiSet = &FRAGMENT_ENCODE_SET.add(b'|');

use crate::{
    AddGroupUserResponse, Api, CreateClientTokenResponse, CreateGroupForUserResponse, CreateGroupInviteTokenResponse,
    CreateGroupResponse, CreateNamedTokenResponse, CreateNestedGroupInviteTokenResponse, DeleteCurrentUserResponse,
    DeleteNamedTokenResponse, DeleteNamedTokensResponse, GetCurrentUserResponse,
    GetGroupEffectiveUserPrivilegesResponse, GetGroupEffectiveUserResponse, GetGroupInviteTokenResponse,
    GetGroupResponse, GetGroupUserOriginResponse, GetGroupUserPrivilegesResponse, GetGroupUserResponse,
    GetGroupZonePrivilegesResponse, GetNamedTokenByNameResponse, GetNamedTokenResponse,
    GetNestedGroupInviteTokenResponse, GetNestedGroupPrivilegesResponse, GetNestedGroupResponse,
    GetParentGroupResponse, GetUserEffectiveGroupResponse, GetUserGroupResponse, GetUserResponse,
    GetUserZonePrivilegesResponse, JoinGroupResponse, JoinNestedGroupResponse, LeaveGroupResponse,
    ListGroupEffectiveUsersResponse, ListGroupInvitesResponse, ListGroupUsersResponse, ListGroupsResponse,
    ListNamedTokensResponse, ListNestedGroupsResponse, ListParentGroupsResponse, ListTokenJoinsResponse,
    ListUserEffectiveGroupsResponse, ListUserGroupsResponse, ListUsersResponse, ModifyCurrentUserResponse,
    ModifyGroupResponse, ModifyGroupZonePrivilegesResponse, ModifyNamedTokenResponse, ModifyUserZonePrivilegesResponse,
    RemoveGroupResponse, RemoveGroupUserResponse, RemoveGroupZonePrivilegesResponse, RemoveNestedGroupResponse,
    RemoveUserResponse, RemoveUserZonePrivilegesResponse, SetGroupUserPrivilegesResponse,
    SetNestedGroupPrivilegesResponse,
};

/// Convert input into a base path, e.g. "http://example:123". Also checks the scheme as it goes.
fn into_base_path(
    input: impl TryInto<Uri, Error = hyper::http::uri::InvalidUri>,
    correct_scheme: Option<&'static str>,
) -> Result<String, ClientInitError> {
    // First convert to Uri, since a base path is a subset of Uri.
    let uri = input.try_into()?;

    let scheme = uri.scheme_str().ok_or(ClientInitError::InvalidScheme)?;

    // Check the scheme if necessary
    if let Some(correct_scheme) = correct_scheme {
        if scheme != correct_scheme {
            return Err(ClientInitError::InvalidScheme);
        }
    }

    let host = uri.host().ok_or(ClientInitError::MissingHost)?;
    let port = uri.port_u16().map(|x| format!(":{x}")).unwrap_or_default();
    Ok(format!("{scheme}://{host}{port}{}", uri.path().trim_end_matches('/')))
}

/// A client that implements the API by making HTTP calls out to a server.
pub struct Client<S, C>
where
    S: Service<(Request<BoxBody<Bytes, Infallible>>, C)> + Clone + Sync + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<crate::ServiceError> + fmt::Display,
    C: Clone + Send + Sync + 'static,
{
    /// Inner service
    client_service: S,

    /// Base path of the API
    base_path: String,

    /// Marker
    marker: PhantomData<fn(C)>,
}

impl<S, C> fmt::Debug for Client<S, C>
where
    S: Service<(Request<BoxBody<Bytes, Infallible>>, C)> + Clone + Sync + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<crate::ServiceError> + fmt::Display,
    C: Clone + Send + Sync + 'static,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Client {{ base_path: {} }}", self.base_path)
    }
}

impl<S, C> Clone for Client<S, C>
where
    S: Service<(Request<BoxBody<Bytes, Infallible>>, C)> + Clone + Sync + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<crate::ServiceError> + fmt::Display,
    C: Clone + Send + Sync + 'static,
{
    fn clone(&self) -> Self {
        Self { client_service: self.client_service.clone(), base_path: self.base_path.clone(), marker: PhantomData }
    }
}

impl<Connector, C>
    Client<
        DropContextService<
            hyper_util::service::TowerToHyperService<
                hyper_util::client::legacy::Client<Connector, BoxBody<Bytes, Infallible>>,
            >,
            C,
        >,
        C,
    >
where
    Connector: hyper_util::client::legacy::connect::Connect + Clone + Send + Sync + 'static,
    C: Clone + Send + Sync + 'static,
{
    /// Create a client with a custom implementation of hyper::client::Connect.
    ///
    /// Intended for use with custom implementations of connect for e.g. protocol logging
    /// or similar functionality which requires wrapping the transport layer. When wrapping a TCP connection,
    /// this function should be used in conjunction with `swagger::Connector::builder()`.
    ///
    /// For ordinary tcp connections, prefer the use of `try_new_http`, `try_new_https`
    /// and `try_new_https_mutual`, to avoid introducing a dependency on the underlying transport layer.
    ///
    /// # Arguments
    ///
    /// * `base_path` - base path of the client API, i.e. "<http://www.my-api-implementation.com>"
    /// * `protocol` - Which protocol to use when constructing the request url, e.g. `Some("http")`
    /// * `connector` - Implementation of `hyper::client::Connect` to use for the client
    pub fn try_new_with_connector(
        base_path: &str,
        protocol: Option<&'static str>,
        connector: Connector,
    ) -> Result<Self, ClientInitError> {
        let client_service =
            hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new()).build(connector);
        let client_service = DropContextService::new(hyper_util::service::TowerToHyperService::new(client_service));

        Ok(Self { client_service, base_path: into_base_path(base_path, protocol)?, marker: PhantomData })
    }
}

#[cfg(all(feature = "client-tls", any(target_os = "macos", target_os = "windows", target_os = "ios")))]
type HyperHttpsConnector = hyper_tls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector>;

#[cfg(all(feature = "client-tls", not(any(target_os = "macos", target_os = "windows", target_os = "ios"))))]
type HyperHttpsConnector =
    hyper_openssl::client::legacy::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector>;

#[derive(Debug, Clone)]
pub enum HyperClient {
    Http(
        hyper_util::client::legacy::Client<
            hyper_util::client::legacy::connect::HttpConnector,
            BoxBody<Bytes, Infallible>,
        >,
    ),
    #[cfg(feature = "client-tls")]
    Https(hyper_util::client::legacy::Client<HyperHttpsConnector, BoxBody<Bytes, Infallible>>),
}

impl Service<Request<BoxBody<Bytes, Infallible>>> for HyperClient {
    type Response = Response<Incoming>;
    type Error = hyper_util::client::legacy::Error;
    type Future = hyper_util::client::legacy::ResponseFuture;

    fn call(&self, req: Request<BoxBody<Bytes, Infallible>>) -> Self::Future {
        match self {
            HyperClient::Http(client) => client.request(req),
            #[cfg(feature = "client-tls")]
            HyperClient::Https(client) => client.request(req),
        }
    }
}

impl<C> Client<DropContextService<HyperClient, C>, C>
where
    C: Clone + Send + Sync + 'static,
{
    /// Create an HTTP client.
    ///
    /// # Arguments
    /// * `base_path` - base path of the client API, i.e. "<http://www.my-api-implementation.com>"
    pub fn try_new(base_path: &str) -> Result<Self, ClientInitError> {
        let uri = Uri::from_str(base_path)?;

        let scheme = uri.scheme_str().ok_or(ClientInitError::InvalidScheme)?;
        let scheme = scheme.to_ascii_lowercase();

        let connector = Connector::builder();

        let client_service = match scheme.as_str() {
            "http" => HyperClient::Http(
                hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                    .build(connector.build()),
            ),
            #[cfg(feature = "client-tls")]
            "https" => {
                let https_connector = connector.https().build().map_err(ClientInitError::SslError)?;
                HyperClient::Https(
                    hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
                        .build(https_connector),
                )
            }
            #[cfg(not(feature = "client-tls"))]
            "https" => {
                return Err(ClientInitError::TlsNotEnabled);
            }
            _ => {
                return Err(ClientInitError::InvalidScheme);
            }
        };

        let client_service = DropContextService::new(client_service);

        Ok(Self { client_service, base_path: into_base_path(base_path, None)?, marker: PhantomData })
    }
}

impl<C>
    Client<
        DropContextService<
            hyper_util::service::TowerToHyperService<
                hyper_util::client::legacy::Client<
                    hyper_util::client::legacy::connect::HttpConnector,
                    BoxBody<Bytes, Infallible>,
                >,
            >,
            C,
        >,
        C,
    >
where
    C: Clone + Send + Sync + 'static,
{
    /// Create an HTTP client.
    ///
    /// # Arguments
    /// * `base_path` - base path of the client API, i.e. "<http://www.my-api-implementation.com>"
    pub fn try_new_http(base_path: &str) -> Result<Self, ClientInitError> {
        let http_connector = Connector::builder().build();

        Self::try_new_with_connector(base_path, Some("http"), http_connector)
    }
}

#[cfg(all(feature = "client-tls", any(target_os = "macos", target_os = "windows", target_os = "ios")))]
type HttpsConnector = hyper_tls::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector>;

#[cfg(all(feature = "client-tls", not(any(target_os = "macos", target_os = "windows", target_os = "ios"))))]
type HttpsConnector = hyper_openssl::client::legacy::HttpsConnector<hyper_util::client::legacy::connect::HttpConnector>;

#[cfg(feature = "client-tls")]
impl<C>
    Client<
        DropContextService<
            hyper_util::service::TowerToHyperService<
                hyper_util::client::legacy::Client<HttpsConnector, BoxBody<Bytes, Infallible>>,
            >,
            C,
        >,
        C,
    >
where
    C: Clone + Send + Sync + 'static,
{
    /// Create a client with a TLS connection to the server.
    ///
    /// # Arguments
    /// * `base_path` - base path of the client API, i.e. "<https://www.my-api-implementation.com>"
    #[cfg(any(target_os = "macos", target_os = "windows", target_os = "ios"))]
    pub fn try_new_https(base_path: &str) -> Result<Self, ClientInitError> {
        let https_connector = Connector::builder().https().build().map_err(ClientInitError::SslError)?;
        Self::try_new_with_connector(base_path, Some("https"), https_connector)
    }

    /// Create a client with a TLS connection to the server using OpenSSL via swagger.
    ///
    /// # Arguments
    /// * `base_path` - base path of the client API, i.e. "<https://www.my-api-implementation.com>"
    #[cfg(not(any(target_os = "macos", target_os = "windows", target_os = "ios")))]
    pub fn try_new_https(base_path: &str) -> Result<Self, ClientInitError> {
        let https_connector = Connector::builder().https().build().map_err(ClientInitError::SslError)?;
        Self::try_new_with_connector(base_path, Some("https"), https_connector)
    }

    /// Create a client with a TLS connection to the server using a pinned certificate.
    ///
    /// # Arguments
    /// * `base_path` - base path of the client API, i.e. "<https://www.my-api-implementation.com>"
    /// * `ca_certificate` - Path to CA certificate used to authenticate the server
    #[cfg(not(any(target_os = "macos", target_os = "windows", target_os = "ios")))]
    pub fn try_new_https_pinned<CA>(base_path: &str, ca_certificate: CA) -> Result<Self, ClientInitError>
    where
        CA: AsRef<Path>,
    {
        let https_connector = Connector::builder()
            .https()
            .pin_server_certificate(ca_certificate)
            .build()
            .map_err(ClientInitError::SslError)?;
        Self::try_new_with_connector(base_path, Some("https"), https_connector)
    }

    /// Create a client with a mutually authenticated TLS connection to the server.
    ///
    /// # Arguments
    /// * `base_path` - base path of the client API, i.e. "<https://www.my-api-implementation.com>"
    /// * `ca_certificate` - Path to CA certificate used to authenticate the server
    /// * `client_key` - Path to the client private key
    /// * `client_certificate` - Path to the client's public certificate associated with the private key
    #[cfg(not(any(target_os = "macos", target_os = "windows", target_os = "ios")))]
    pub fn try_new_https_mutual<CA, K, D>(
        base_path: &str,
        ca_certificate: CA,
        client_key: K,
        client_certificate: D,
    ) -> Result<Self, ClientInitError>
    where
        CA: AsRef<Path>,
        K: AsRef<Path>,
        D: AsRef<Path>,
    {
        let https_connector = Connector::builder()
            .https()
            .pin_server_certificate(ca_certificate)
            .client_authentication(client_key, client_certificate)
            .build()
            .map_err(ClientInitError::SslError)?;
        Self::try_new_with_connector(base_path, Some("https"), https_connector)
    }
}

impl<S, C> Client<S, C>
where
    S: Service<(Request<BoxBody<Bytes, Infallible>>, C)> + Clone + Sync + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<crate::ServiceError> + fmt::Display,
    C: Clone + Send + Sync + 'static,
{
    /// Constructor for creating a `Client` by passing in a pre-made `hyper::service::Service` /
    /// `tower::Service`
    ///
    /// This allows adding custom wrappers around the underlying transport, for example for logging.
    pub fn try_new_with_client_service(client_service: S, base_path: &str) -> Result<Self, ClientInitError> {
        Ok(Self { client_service, base_path: into_base_path(base_path, None)?, marker: PhantomData })
    }
}

/// Error type failing to create a Client
#[derive(Debug)]
pub enum ClientInitError {
    /// Invalid URL Scheme
    InvalidScheme,

    /// Invalid URI
    InvalidUri(hyper::http::uri::InvalidUri),

    /// Missing Hostname
    MissingHost,

    /// HTTPS requested but TLS features not enabled
    TlsNotEnabled,

    /// SSL Connection Error
    #[cfg(all(feature = "client-tls", any(target_os = "macos", target_os = "windows", target_os = "ios")))]
    SslError(native_tls::Error),

    /// SSL Connection Error
    #[cfg(all(feature = "client-tls", not(any(target_os = "macos", target_os = "windows", target_os = "ios"))))]
    SslError(openssl::error::ErrorStack),
}

impl From<hyper::http::uri::InvalidUri> for ClientInitError {
    fn from(err: hyper::http::uri::InvalidUri) -> ClientInitError {
        ClientInitError::InvalidUri(err)
    }
}

impl fmt::Display for ClientInitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s: &dyn fmt::Debug = self;
        s.fmt(f)
    }
}

impl Error for ClientInitError {
    fn description(&self) -> &str {
        "Failed to produce a hyper client."
    }
}

#[allow(dead_code)]
fn body_from_string(s: String) -> BoxBody<Bytes, Infallible> {
    BoxBody::new(Full::new(Bytes::from(s)))
}

#[allow(dead_code)]
fn body_from_bytes(b: Vec<u8>) -> BoxBody<Bytes, Infallible> {
    BoxBody::new(Full::new(Bytes::from(b)))
}

#[async_trait]
impl<S, C, B> Api<C> for Client<S, C>
where
    S: Service<(Request<BoxBody<Bytes, Infallible>>, C), Response = Response<B>> + Clone + Sync + Send + 'static,
    S::Future: Send + 'static,
    S::Error: Into<crate::ServiceError> + fmt::Display,
    C: Has<XSpanIdString> + Has<Option<AuthData>> + Clone + Send + Sync + 'static,
    B: hyper::body::Body + Send + 'static + Unpin,
    B::Data: Send,
    B::Error: Into<Box<dyn Error + Send + Sync>>,
{
    #[allow(clippy::vec_init_then_push)]
    async fn create_group(
        &self,
        param_group_create_request: models::GroupCreateRequest,
        context: &C,
    ) -> Result<CreateGroupResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/groups", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("POST").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        // Consumes basic body
        // Body parameter
        let body = serde_json::to_string(&param_group_create_request).expect("impossible to fail to serialize");
        *request.body_mut() = body_from_string(body);

        let header = "application/json";
        request.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(header));

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            201 => {
                let (header, body) = response.into_parts();
                let response_location = match header.headers.get(HeaderName::from_static("location")) {
                    Some(response_location) => {
                        let response_location = response_location.clone();
                        let response_location =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_location) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Location for response 201 - {e}"
                                    )));
                                }
                            };
                        response_location.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Location for response 201 was not found.",
                        )))
                    }
                };

                Ok(CreateGroupResponse::Created { location: response_location })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            413 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupResponse::PayloadTooLarge(body))
            }
            415 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupResponse::UnsupportedMediaType(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn list_groups(
        &self,
        param_limit: Option<u32>,
        param_after: Option<String>,
        context: &C,
    ) -> Result<ListGroupsResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/groups", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            if let Some(param_limit) = param_limit {
                query_string.append_pair("limit", &param_limit.to_string());
            }
            if let Some(param_after) = param_after {
                query_string.append_pair("after", &param_after);
            }
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let (header, body) = response.into_parts();
                let response_link = match header.headers.get(HeaderName::from_static("link")) {
                    Some(response_link) => {
                        let response_link = response_link.clone();
                        let response_link = match TryInto::<header::IntoHeaderValue<String>>::try_into(response_link) {
                            Ok(value) => value,
                            Err(e) => {
                                return Err(ApiError(format!("Invalid response header Link for response 200 - {e}")));
                            }
                        };
                        Some(response_link.0)
                    }
                    None => None,
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::GroupList>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupsResponse::Ok { body, link: response_link })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupsResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupsResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupsResponse::Forbidden(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupsResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupsResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupsResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn create_group_invite_token(
        &self,
        param_id: String,
        context: &C,
    ) -> Result<CreateGroupInviteTokenResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/users/token",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("POST").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::GroupInviteToken>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupInviteTokenResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupInviteTokenResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupInviteTokenResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupInviteTokenResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupInviteTokenResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupInviteTokenResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupInviteTokenResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn create_nested_group_invite_token(
        &self,
        param_id: String,
        context: &C,
    ) -> Result<CreateNestedGroupInviteTokenResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/nested/token",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("POST").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::GroupInviteToken>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNestedGroupInviteTokenResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNestedGroupInviteTokenResponse::Unauthorized {
                    body,
                    www_authenticate: response_www_authenticate,
                })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNestedGroupInviteTokenResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNestedGroupInviteTokenResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNestedGroupInviteTokenResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNestedGroupInviteTokenResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNestedGroupInviteTokenResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_group(&self, param_id: String, context: &C) -> Result<GetGroupResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Group>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_group_invite_token(
        &self,
        param_id: String,
        context: &C,
    ) -> Result<GetGroupInviteTokenResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/users/token",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::GroupInviteToken>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupInviteTokenResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupInviteTokenResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupInviteTokenResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupInviteTokenResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupInviteTokenResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupInviteTokenResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupInviteTokenResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_nested_group_invite_token(
        &self,
        param_id: String,
        context: &C,
    ) -> Result<GetNestedGroupInviteTokenResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/nested/token",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::GroupInviteToken>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupInviteTokenResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupInviteTokenResponse::Unauthorized {
                    body,
                    www_authenticate: response_www_authenticate,
                })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupInviteTokenResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupInviteTokenResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupInviteTokenResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupInviteTokenResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupInviteTokenResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn join_nested_group(
        &self,
        param_id: String,
        param_group_invite_token: models::GroupInviteToken,
        context: &C,
    ) -> Result<JoinNestedGroupResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/nested/join",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("POST").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        // Consumes basic body
        // Body parameter
        let body = serde_json::to_string(&param_group_invite_token).expect("impossible to fail to serialize");
        *request.body_mut() = body_from_string(body);

        let header = "application/json";
        request.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(header));

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            201 => {
                let (header, body) = response.into_parts();
                let response_location = match header.headers.get(HeaderName::from_static("location")) {
                    Some(response_location) => {
                        let response_location = response_location.clone();
                        let response_location =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_location) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Location for response 201 - {e}"
                                    )));
                                }
                            };
                        response_location.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Location for response 201 was not found.",
                        )))
                    }
                };

                Ok(JoinNestedGroupResponse::Created { location: response_location })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinNestedGroupResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinNestedGroupResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinNestedGroupResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinNestedGroupResponse::NotFound(body))
            }
            409 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinNestedGroupResponse::Conflict(body))
            }
            413 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinNestedGroupResponse::PayloadTooLarge(body))
            }
            415 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinNestedGroupResponse::UnsupportedMediaType(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinNestedGroupResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinNestedGroupResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinNestedGroupResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn list_group_effective_users(
        &self,
        param_id: String,
        param_limit: Option<u32>,
        param_after: Option<String>,
        context: &C,
    ) -> Result<ListGroupEffectiveUsersResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/effective_users",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            if let Some(param_limit) = param_limit {
                query_string.append_pair("limit", &param_limit.to_string());
            }
            if let Some(param_after) = param_after {
                query_string.append_pair("after", &param_after);
            }
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let (header, body) = response.into_parts();
                let response_link = match header.headers.get(HeaderName::from_static("link")) {
                    Some(response_link) => {
                        let response_link = response_link.clone();
                        let response_link = match TryInto::<header::IntoHeaderValue<String>>::try_into(response_link) {
                            Ok(value) => value,
                            Err(e) => {
                                return Err(ApiError(format!("Invalid response header Link for response 200 - {e}")));
                            }
                        };
                        Some(response_link.0)
                    }
                    None => None,
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::UserList>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupEffectiveUsersResponse::Ok { body, link: response_link })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupEffectiveUsersResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupEffectiveUsersResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupEffectiveUsersResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupEffectiveUsersResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupEffectiveUsersResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupEffectiveUsersResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupEffectiveUsersResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn list_group_invites(
        &self,
        param_id: String,
        param_limit: Option<u32>,
        param_after: Option<String>,
        context: &C,
    ) -> Result<ListGroupInvitesResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/invites",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            if let Some(param_limit) = param_limit {
                query_string.append_pair("limit", &param_limit.to_string());
            }
            if let Some(param_after) = param_after {
                query_string.append_pair("after", &param_after);
            }
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let (header, body) = response.into_parts();
                let response_link = match header.headers.get(HeaderName::from_static("link")) {
                    Some(response_link) => {
                        let response_link = response_link.clone();
                        let response_link = match TryInto::<header::IntoHeaderValue<String>>::try_into(response_link) {
                            Ok(value) => value,
                            Err(e) => {
                                return Err(ApiError(format!("Invalid response header Link for response 200 - {e}")));
                            }
                        };
                        Some(response_link.0)
                    }
                    None => None,
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::InviteList>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupInvitesResponse::Ok { body, link: response_link })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupInvitesResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupInvitesResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupInvitesResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupInvitesResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupInvitesResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupInvitesResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupInvitesResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn list_group_users(
        &self,
        param_id: String,
        param_limit: Option<u32>,
        param_after: Option<String>,
        context: &C,
    ) -> Result<ListGroupUsersResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/users",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            if let Some(param_limit) = param_limit {
                query_string.append_pair("limit", &param_limit.to_string());
            }
            if let Some(param_after) = param_after {
                query_string.append_pair("after", &param_after);
            }
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let (header, body) = response.into_parts();
                let response_link = match header.headers.get(HeaderName::from_static("link")) {
                    Some(response_link) => {
                        let response_link = response_link.clone();
                        let response_link = match TryInto::<header::IntoHeaderValue<String>>::try_into(response_link) {
                            Ok(value) => value,
                            Err(e) => {
                                return Err(ApiError(format!("Invalid response header Link for response 200 - {e}")));
                            }
                        };
                        Some(response_link.0)
                    }
                    None => None,
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::UserList>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupUsersResponse::Ok { body, link: response_link })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupUsersResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupUsersResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupUsersResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupUsersResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupUsersResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupUsersResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListGroupUsersResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn list_nested_groups(
        &self,
        param_id: String,
        param_limit: Option<u32>,
        param_after: Option<String>,
        context: &C,
    ) -> Result<ListNestedGroupsResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/nested",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            if let Some(param_limit) = param_limit {
                query_string.append_pair("limit", &param_limit.to_string());
            }
            if let Some(param_after) = param_after {
                query_string.append_pair("after", &param_after);
            }
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let (header, body) = response.into_parts();
                let response_link = match header.headers.get(HeaderName::from_static("link")) {
                    Some(response_link) => {
                        let response_link = response_link.clone();
                        let response_link = match TryInto::<header::IntoHeaderValue<String>>::try_into(response_link) {
                            Ok(value) => value,
                            Err(e) => {
                                return Err(ApiError(format!("Invalid response header Link for response 200 - {e}")));
                            }
                        };
                        Some(response_link.0)
                    }
                    None => None,
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::NestedGroupList>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNestedGroupsResponse::Ok { body, link: response_link })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNestedGroupsResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNestedGroupsResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNestedGroupsResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNestedGroupsResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNestedGroupsResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNestedGroupsResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNestedGroupsResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn list_parent_groups(
        &self,
        param_id: String,
        param_limit: Option<u32>,
        param_after: Option<String>,
        context: &C,
    ) -> Result<ListParentGroupsResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/parent",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            if let Some(param_limit) = param_limit {
                query_string.append_pair("limit", &param_limit.to_string());
            }
            if let Some(param_after) = param_after {
                query_string.append_pair("after", &param_after);
            }
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let (header, body) = response.into_parts();
                let response_link = match header.headers.get(HeaderName::from_static("link")) {
                    Some(response_link) => {
                        let response_link = response_link.clone();
                        let response_link = match TryInto::<header::IntoHeaderValue<String>>::try_into(response_link) {
                            Ok(value) => value,
                            Err(e) => {
                                return Err(ApiError(format!("Invalid response header Link for response 200 - {e}")));
                            }
                        };
                        Some(response_link.0)
                    }
                    None => None,
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::ParentGroupList>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListParentGroupsResponse::Ok { body, link: response_link })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListParentGroupsResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListParentGroupsResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListParentGroupsResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListParentGroupsResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListParentGroupsResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListParentGroupsResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListParentGroupsResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn modify_group(
        &self,
        param_id: String,
        param_group_update_request: models::GroupUpdateRequest,
        context: &C,
    ) -> Result<ModifyGroupResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("PATCH").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        // Consumes basic body
        // Body parameter
        let body = serde_json::to_string(&param_group_update_request).expect("impossible to fail to serialize");
        *request.body_mut() = body_from_string(body);

        let header = "application/json";
        request.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(header));

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(ModifyGroupResponse::NoContent),
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupResponse::NotFound(body))
            }
            413 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupResponse::PayloadTooLarge(body))
            }
            415 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupResponse::UnsupportedMediaType(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn remove_group(&self, param_id: String, context: &C) -> Result<RemoveGroupResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("DELETE").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(RemoveGroupResponse::NoContent),
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupResponse::NotFound(body))
            }
            409 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupResponse::Conflict(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_group_effective_user(
        &self,
        param_id: String,
        param_uid: String,
        context: &C,
    ) -> Result<GetGroupEffectiveUserResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/effective_users/{uid}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET),
            uid = utf8_percent_encode(&param_uid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::User>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_group_effective_user_privileges(
        &self,
        param_id: String,
        param_uid: String,
        context: &C,
    ) -> Result<GetGroupEffectiveUserPrivilegesResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/effective_users/{uid}/privileges",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET),
            uid = utf8_percent_encode(&param_uid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Privileges>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserPrivilegesResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserPrivilegesResponse::Unauthorized {
                    body,
                    www_authenticate: response_www_authenticate,
                })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserPrivilegesResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserPrivilegesResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserPrivilegesResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserPrivilegesResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupEffectiveUserPrivilegesResponse::ServiceUnavailable {
                    body,
                    retry_after: response_retry_after,
                })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_group_user(
        &self,
        param_id: String,
        param_uid: String,
        context: &C,
    ) -> Result<GetGroupUserResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/users/{uid}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET),
            uid = utf8_percent_encode(&param_uid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::User>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_group_user_origin(
        &self,
        param_id: String,
        param_uid: String,
        context: &C,
    ) -> Result<GetGroupUserOriginResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/users/{uid}/origin",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET),
            uid = utf8_percent_encode(&param_uid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Origin>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserOriginResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserOriginResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserOriginResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserOriginResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserOriginResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserOriginResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserOriginResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_group_user_privileges(
        &self,
        param_id: String,
        param_uid: String,
        context: &C,
    ) -> Result<GetGroupUserPrivilegesResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/users/{uid}/privileges",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET),
            uid = utf8_percent_encode(&param_uid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Privileges>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserPrivilegesResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserPrivilegesResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserPrivilegesResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserPrivilegesResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserPrivilegesResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserPrivilegesResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupUserPrivilegesResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_nested_group(
        &self,
        param_id: String,
        param_nid: String,
        context: &C,
    ) -> Result<GetNestedGroupResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/nested/{nid}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET),
            nid = utf8_percent_encode(&param_nid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Group>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_nested_group_privileges(
        &self,
        param_id: String,
        param_nid: String,
        context: &C,
    ) -> Result<GetNestedGroupPrivilegesResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/nested/{nid}/privileges",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET),
            nid = utf8_percent_encode(&param_nid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Privileges>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupPrivilegesResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupPrivilegesResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupPrivilegesResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupPrivilegesResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupPrivilegesResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupPrivilegesResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNestedGroupPrivilegesResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_parent_group(
        &self,
        param_id: String,
        param_pid: String,
        context: &C,
    ) -> Result<GetParentGroupResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/parent/{pid}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET),
            pid = utf8_percent_encode(&param_pid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Group>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetParentGroupResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetParentGroupResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetParentGroupResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetParentGroupResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetParentGroupResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetParentGroupResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetParentGroupResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn remove_group_user(
        &self,
        param_id: String,
        param_uid: String,
        context: &C,
    ) -> Result<RemoveGroupUserResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/users/{uid}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET),
            uid = utf8_percent_encode(&param_uid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("DELETE").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(RemoveGroupUserResponse::NoContent),
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupUserResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupUserResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupUserResponse::NotFound(body))
            }
            409 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupUserResponse::Conflict(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupUserResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupUserResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupUserResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn remove_nested_group(
        &self,
        param_id: String,
        param_nid: String,
        context: &C,
    ) -> Result<RemoveNestedGroupResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/nested/{nid}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET),
            nid = utf8_percent_encode(&param_nid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("DELETE").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(RemoveNestedGroupResponse::NoContent),
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveNestedGroupResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveNestedGroupResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveNestedGroupResponse::NotFound(body))
            }
            409 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveNestedGroupResponse::Conflict(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveNestedGroupResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveNestedGroupResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveNestedGroupResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn set_group_user_privileges(
        &self,
        param_id: String,
        param_uid: String,
        param_privileges: models::Privileges,
        context: &C,
    ) -> Result<SetGroupUserPrivilegesResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/users/{uid}/privileges",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET),
            uid = utf8_percent_encode(&param_uid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("PUT").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        // Consumes basic body
        // Body parameter
        let body = serde_json::to_string(&param_privileges).expect("impossible to fail to serialize");
        *request.body_mut() = body_from_string(body);

        let header = "application/json";
        request.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(header));

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(SetGroupUserPrivilegesResponse::NoContent),
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetGroupUserPrivilegesResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetGroupUserPrivilegesResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetGroupUserPrivilegesResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetGroupUserPrivilegesResponse::NotFound(body))
            }
            409 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetGroupUserPrivilegesResponse::Conflict(body))
            }
            413 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetGroupUserPrivilegesResponse::PayloadTooLarge(body))
            }
            415 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetGroupUserPrivilegesResponse::UnsupportedMediaType(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetGroupUserPrivilegesResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetGroupUserPrivilegesResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetGroupUserPrivilegesResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn set_nested_group_privileges(
        &self,
        param_id: String,
        param_nid: String,
        param_privileges: models::Privileges,
        context: &C,
    ) -> Result<SetNestedGroupPrivilegesResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/nested/{nid}/privileges",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET),
            nid = utf8_percent_encode(&param_nid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("PUT").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        // Consumes basic body
        // Body parameter
        let body = serde_json::to_string(&param_privileges).expect("impossible to fail to serialize");
        *request.body_mut() = body_from_string(body);

        let header = "application/json";
        request.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(header));

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(SetNestedGroupPrivilegesResponse::NoContent),
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetNestedGroupPrivilegesResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetNestedGroupPrivilegesResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetNestedGroupPrivilegesResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetNestedGroupPrivilegesResponse::NotFound(body))
            }
            409 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetNestedGroupPrivilegesResponse::Conflict(body))
            }
            413 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetNestedGroupPrivilegesResponse::PayloadTooLarge(body))
            }
            415 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetNestedGroupPrivilegesResponse::UnsupportedMediaType(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetNestedGroupPrivilegesResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetNestedGroupPrivilegesResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(SetNestedGroupPrivilegesResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn create_named_token(
        &self,
        param_named_token_create_request: models::NamedTokenCreateRequest,
        context: &C,
    ) -> Result<CreateNamedTokenResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/user/tokens/named", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("POST").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        // Consumes basic body
        // Body parameter
        let body = serde_json::to_string(&param_named_token_create_request).expect("impossible to fail to serialize");
        *request.body_mut() = body_from_string(body);

        let header = "application/json";
        request.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(header));

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            201 => {
                let (header, body) = response.into_parts();
                let response_location = match header.headers.get(HeaderName::from_static("location")) {
                    Some(response_location) => {
                        let response_location = response_location.clone();
                        let response_location =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_location) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Location for response 201 - {e}"
                                    )));
                                }
                            };
                        response_location.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Location for response 201 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::NamedTokenCreateResponse>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNamedTokenResponse::Created { body, location: response_location })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNamedTokenResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNamedTokenResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNamedTokenResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNamedTokenResponse::NotFound(body))
            }
            409 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNamedTokenResponse::Conflict(body))
            }
            413 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNamedTokenResponse::PayloadTooLarge(body))
            }
            415 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNamedTokenResponse::UnsupportedMediaType(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNamedTokenResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNamedTokenResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateNamedTokenResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn delete_named_tokens(&self, context: &C) -> Result<DeleteNamedTokensResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/user/tokens/named", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("DELETE").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(DeleteNamedTokensResponse::NoContent),
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteNamedTokensResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteNamedTokensResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteNamedTokensResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteNamedTokensResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn list_named_tokens(
        &self,
        param_limit: Option<u32>,
        param_after: Option<String>,
        context: &C,
    ) -> Result<ListNamedTokensResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/user/tokens/named", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            if let Some(param_limit) = param_limit {
                query_string.append_pair("limit", &param_limit.to_string());
            }
            if let Some(param_after) = param_after {
                query_string.append_pair("after", &param_after);
            }
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let (header, body) = response.into_parts();
                let response_link = match header.headers.get(HeaderName::from_static("link")) {
                    Some(response_link) => {
                        let response_link = response_link.clone();
                        let response_link = match TryInto::<header::IntoHeaderValue<String>>::try_into(response_link) {
                            Ok(value) => value,
                            Err(e) => {
                                return Err(ApiError(format!("Invalid response header Link for response 200 - {e}")));
                            }
                        };
                        Some(response_link.0)
                    }
                    None => None,
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::TokenList>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNamedTokensResponse::Ok { body, link: response_link })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNamedTokensResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNamedTokensResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNamedTokensResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNamedTokensResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListNamedTokensResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn delete_named_token(&self, param_id: String, context: &C) -> Result<DeleteNamedTokenResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/tokens/named/{id}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("DELETE").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(DeleteNamedTokenResponse::NoContent),
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteNamedTokenResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteNamedTokenResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteNamedTokenResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteNamedTokenResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteNamedTokenResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_named_token(&self, param_id: String, context: &C) -> Result<GetNamedTokenResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/tokens/named/{id}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::NamedToken>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNamedTokenResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNamedTokenResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNamedTokenResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNamedTokenResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNamedTokenResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNamedTokenResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_named_token_by_name(
        &self,
        param_name: String,
        context: &C,
    ) -> Result<GetNamedTokenByNameResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/user/tokens/named/name/{name}",
            self.base_path,
            name = utf8_percent_encode(&param_name.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::NamedToken>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNamedTokenByNameResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNamedTokenByNameResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNamedTokenByNameResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNamedTokenByNameResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNamedTokenByNameResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetNamedTokenByNameResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn list_token_joins(
        &self,
        param_id: String,
        param_limit: Option<u32>,
        param_after: Option<String>,
        context: &C,
    ) -> Result<ListTokenJoinsResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/tokens/named/{id}/joins",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            if let Some(param_limit) = param_limit {
                query_string.append_pair("limit", &param_limit.to_string());
            }
            if let Some(param_after) = param_after {
                query_string.append_pair("after", &param_after);
            }
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let (header, body) = response.into_parts();
                let response_link = match header.headers.get(HeaderName::from_static("link")) {
                    Some(response_link) => {
                        let response_link = response_link.clone();
                        let response_link = match TryInto::<header::IntoHeaderValue<String>>::try_into(response_link) {
                            Ok(value) => value,
                            Err(e) => {
                                return Err(ApiError(format!("Invalid response header Link for response 200 - {e}")));
                            }
                        };
                        Some(response_link.0)
                    }
                    None => None,
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::JoinRecordList>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListTokenJoinsResponse::Ok { body, link: response_link })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListTokenJoinsResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListTokenJoinsResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListTokenJoinsResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListTokenJoinsResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListTokenJoinsResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListTokenJoinsResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListTokenJoinsResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn modify_named_token(
        &self,
        param_id: String,
        param_named_token_update_request: models::NamedTokenUpdateRequest,
        context: &C,
    ) -> Result<ModifyNamedTokenResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/tokens/named/{id}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("PATCH").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        // Consumes basic body
        // Body parameter
        let body = serde_json::to_string(&param_named_token_update_request).expect("impossible to fail to serialize");
        *request.body_mut() = body_from_string(body);

        let header = "application/json";
        request.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(header));

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(ModifyNamedTokenResponse::NoContent),
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyNamedTokenResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyNamedTokenResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyNamedTokenResponse::NotFound(body))
            }
            409 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyNamedTokenResponse::Conflict(body))
            }
            413 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyNamedTokenResponse::PayloadTooLarge(body))
            }
            415 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyNamedTokenResponse::UnsupportedMediaType(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyNamedTokenResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyNamedTokenResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyNamedTokenResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn create_client_token(&self, context: &C) -> Result<CreateClientTokenResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/user/client_token", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::AccessToken>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateClientTokenResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateClientTokenResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateClientTokenResponse::Forbidden(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateClientTokenResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateClientTokenResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateClientTokenResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn create_group_for_user(
        &self,
        param_group_create_request: models::GroupCreateRequest,
        context: &C,
    ) -> Result<CreateGroupForUserResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/user/groups", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("POST").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        // Consumes basic body
        // Body parameter
        let body = serde_json::to_string(&param_group_create_request).expect("impossible to fail to serialize");
        *request.body_mut() = body_from_string(body);

        let header = "application/json";
        request.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(header));

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            201 => {
                let (header, body) = response.into_parts();
                let response_location = match header.headers.get(HeaderName::from_static("location")) {
                    Some(response_location) => {
                        let response_location = response_location.clone();
                        let response_location =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_location) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Location for response 201 - {e}"
                                    )));
                                }
                            };
                        response_location.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Location for response 201 was not found.",
                        )))
                    }
                };

                Ok(CreateGroupForUserResponse::Created { location: response_location })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupForUserResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupForUserResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            413 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupForUserResponse::PayloadTooLarge(body))
            }
            415 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupForUserResponse::UnsupportedMediaType(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupForUserResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupForUserResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(CreateGroupForUserResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn delete_current_user(&self, context: &C) -> Result<DeleteCurrentUserResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/user", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("DELETE").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(DeleteCurrentUserResponse::NoContent),
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteCurrentUserResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            409 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteCurrentUserResponse::Conflict(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteCurrentUserResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteCurrentUserResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(DeleteCurrentUserResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_current_user(&self, context: &C) -> Result<GetCurrentUserResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/user", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::User>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetCurrentUserResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetCurrentUserResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetCurrentUserResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetCurrentUserResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetCurrentUserResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn join_group(
        &self,
        param_group_invite_token: models::GroupInviteToken,
        context: &C,
    ) -> Result<JoinGroupResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/user/groups/join", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("POST").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        // Consumes basic body
        // Body parameter
        let body = serde_json::to_string(&param_group_invite_token).expect("impossible to fail to serialize");
        *request.body_mut() = body_from_string(body);

        let header = "application/json";
        request.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(header));

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            201 => {
                let (header, body) = response.into_parts();
                let response_location = match header.headers.get(HeaderName::from_static("location")) {
                    Some(response_location) => {
                        let response_location = response_location.clone();
                        let response_location =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_location) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Location for response 201 - {e}"
                                    )));
                                }
                            };
                        response_location.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Location for response 201 was not found.",
                        )))
                    }
                };

                Ok(JoinGroupResponse::Created { location: response_location })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinGroupResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinGroupResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinGroupResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinGroupResponse::NotFound(body))
            }
            409 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinGroupResponse::Conflict(body))
            }
            413 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinGroupResponse::PayloadTooLarge(body))
            }
            415 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinGroupResponse::UnsupportedMediaType(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinGroupResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinGroupResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(JoinGroupResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn list_user_effective_groups(
        &self,
        param_limit: Option<u32>,
        param_after: Option<String>,
        context: &C,
    ) -> Result<ListUserEffectiveGroupsResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/user/effective_groups", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            if let Some(param_limit) = param_limit {
                query_string.append_pair("limit", &param_limit.to_string());
            }
            if let Some(param_after) = param_after {
                query_string.append_pair("after", &param_after);
            }
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let (header, body) = response.into_parts();
                let response_link = match header.headers.get(HeaderName::from_static("link")) {
                    Some(response_link) => {
                        let response_link = response_link.clone();
                        let response_link = match TryInto::<header::IntoHeaderValue<String>>::try_into(response_link) {
                            Ok(value) => value,
                            Err(e) => {
                                return Err(ApiError(format!("Invalid response header Link for response 200 - {e}")));
                            }
                        };
                        Some(response_link.0)
                    }
                    None => None,
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::EffectiveGroupList>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUserEffectiveGroupsResponse::Ok { body, link: response_link })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUserEffectiveGroupsResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUserEffectiveGroupsResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUserEffectiveGroupsResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUserEffectiveGroupsResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUserEffectiveGroupsResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn list_user_groups(
        &self,
        param_limit: Option<u32>,
        param_after: Option<String>,
        context: &C,
    ) -> Result<ListUserGroupsResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/user/groups", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            if let Some(param_limit) = param_limit {
                query_string.append_pair("limit", &param_limit.to_string());
            }
            if let Some(param_after) = param_after {
                query_string.append_pair("after", &param_after);
            }
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let (header, body) = response.into_parts();
                let response_link = match header.headers.get(HeaderName::from_static("link")) {
                    Some(response_link) => {
                        let response_link = response_link.clone();
                        let response_link = match TryInto::<header::IntoHeaderValue<String>>::try_into(response_link) {
                            Ok(value) => value,
                            Err(e) => {
                                return Err(ApiError(format!("Invalid response header Link for response 200 - {e}")));
                            }
                        };
                        Some(response_link.0)
                    }
                    None => None,
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::GroupList>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUserGroupsResponse::Ok { body, link: response_link })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUserGroupsResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUserGroupsResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUserGroupsResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUserGroupsResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUserGroupsResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn modify_current_user(
        &self,
        param_user_update_request: models::UserUpdateRequest,
        context: &C,
    ) -> Result<ModifyCurrentUserResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/user", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("PATCH").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        // Consumes basic body
        // Body parameter
        let body = serde_json::to_string(&param_user_update_request).expect("impossible to fail to serialize");
        *request.body_mut() = body_from_string(body);

        let header = "application/json";
        request.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(header));

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(ModifyCurrentUserResponse::NoContent),
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyCurrentUserResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyCurrentUserResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            413 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyCurrentUserResponse::PayloadTooLarge(body))
            }
            415 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyCurrentUserResponse::UnsupportedMediaType(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyCurrentUserResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyCurrentUserResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyCurrentUserResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_user_effective_group(
        &self,
        param_gid: String,
        context: &C,
    ) -> Result<GetUserEffectiveGroupResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/user/effective_groups/{gid}",
            self.base_path,
            gid = utf8_percent_encode(&param_gid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Group>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserEffectiveGroupResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserEffectiveGroupResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserEffectiveGroupResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserEffectiveGroupResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserEffectiveGroupResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserEffectiveGroupResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_user_group(&self, param_gid: String, context: &C) -> Result<GetUserGroupResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/user/groups/{gid}",
            self.base_path,
            gid = utf8_percent_encode(&param_gid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Group>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserGroupResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserGroupResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserGroupResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserGroupResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserGroupResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserGroupResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn leave_group(&self, param_gid: String, context: &C) -> Result<LeaveGroupResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/user/groups/{gid}",
            self.base_path,
            gid = utf8_percent_encode(&param_gid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("DELETE").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(LeaveGroupResponse::NoContent),
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(LeaveGroupResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(LeaveGroupResponse::NotFound(body))
            }
            409 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(LeaveGroupResponse::Conflict(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(LeaveGroupResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(LeaveGroupResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(LeaveGroupResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn list_users(
        &self,
        param_limit: Option<u32>,
        param_after: Option<String>,
        context: &C,
    ) -> Result<ListUsersResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!("{}/api/v3/onezone/users", self.base_path);

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            if let Some(param_limit) = param_limit {
                query_string.append_pair("limit", &param_limit.to_string());
            }
            if let Some(param_after) = param_after {
                query_string.append_pair("after", &param_after);
            }
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let (header, body) = response.into_parts();
                let response_link = match header.headers.get(HeaderName::from_static("link")) {
                    Some(response_link) => {
                        let response_link = response_link.clone();
                        let response_link = match TryInto::<header::IntoHeaderValue<String>>::try_into(response_link) {
                            Ok(value) => value,
                            Err(e) => {
                                return Err(ApiError(format!("Invalid response header Link for response 200 - {e}")));
                            }
                        };
                        Some(response_link.0)
                    }
                    None => None,
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::UserList>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUsersResponse::Ok { body, link: response_link })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUsersResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUsersResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUsersResponse::Forbidden(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUsersResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUsersResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ListUsersResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_group_zone_privileges(
        &self,
        param_id: String,
        context: &C,
    ) -> Result<GetGroupZonePrivilegesResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/privileges",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::ZonePrivileges>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupZonePrivilegesResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupZonePrivilegesResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupZonePrivilegesResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupZonePrivilegesResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupZonePrivilegesResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupZonePrivilegesResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetGroupZonePrivilegesResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_user(&self, param_id: String, context: &C) -> Result<GetUserResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/users/{id}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::User>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn get_user_zone_privileges(
        &self,
        param_id: String,
        context: &C,
    ) -> Result<GetUserZonePrivilegesResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/users/{id}/privileges",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("GET").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            200 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::ZonePrivileges>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserZonePrivilegesResponse::Ok(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserZonePrivilegesResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserZonePrivilegesResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserZonePrivilegesResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserZonePrivilegesResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserZonePrivilegesResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(GetUserZonePrivilegesResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn modify_group_zone_privileges(
        &self,
        param_id: String,
        param_zone_privileges_update: models::ZonePrivilegesUpdate,
        context: &C,
    ) -> Result<ModifyGroupZonePrivilegesResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/privileges",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("PATCH").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        // Consumes basic body
        // Body parameter
        let body = serde_json::to_string(&param_zone_privileges_update).expect("impossible to fail to serialize");
        *request.body_mut() = body_from_string(body);

        let header = "application/json";
        request.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(header));

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(ModifyGroupZonePrivilegesResponse::NoContent),
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupZonePrivilegesResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupZonePrivilegesResponse::Unauthorized {
                    body,
                    www_authenticate: response_www_authenticate,
                })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupZonePrivilegesResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupZonePrivilegesResponse::NotFound(body))
            }
            413 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupZonePrivilegesResponse::PayloadTooLarge(body))
            }
            415 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupZonePrivilegesResponse::UnsupportedMediaType(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupZonePrivilegesResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupZonePrivilegesResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyGroupZonePrivilegesResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn modify_user_zone_privileges(
        &self,
        param_id: String,
        param_zone_privileges_update: models::ZonePrivilegesUpdate,
        context: &C,
    ) -> Result<ModifyUserZonePrivilegesResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/users/{id}/privileges",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("PATCH").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        // Consumes basic body
        // Body parameter
        let body = serde_json::to_string(&param_zone_privileges_update).expect("impossible to fail to serialize");
        *request.body_mut() = body_from_string(body);

        let header = "application/json";
        request.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(header));

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(ModifyUserZonePrivilegesResponse::NoContent),
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyUserZonePrivilegesResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyUserZonePrivilegesResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyUserZonePrivilegesResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyUserZonePrivilegesResponse::NotFound(body))
            }
            413 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyUserZonePrivilegesResponse::PayloadTooLarge(body))
            }
            415 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyUserZonePrivilegesResponse::UnsupportedMediaType(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyUserZonePrivilegesResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyUserZonePrivilegesResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(ModifyUserZonePrivilegesResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn remove_group_zone_privileges(
        &self,
        param_id: String,
        context: &C,
    ) -> Result<RemoveGroupZonePrivilegesResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/privileges",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("DELETE").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(RemoveGroupZonePrivilegesResponse::NoContent),
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupZonePrivilegesResponse::Unauthorized {
                    body,
                    www_authenticate: response_www_authenticate,
                })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupZonePrivilegesResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupZonePrivilegesResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupZonePrivilegesResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupZonePrivilegesResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveGroupZonePrivilegesResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn remove_user(&self, param_id: String, context: &C) -> Result<RemoveUserResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/users/{id}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("DELETE").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(RemoveUserResponse::NoContent),
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveUserResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveUserResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveUserResponse::NotFound(body))
            }
            409 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveUserResponse::Conflict(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveUserResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveUserResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveUserResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn remove_user_zone_privileges(
        &self,
        param_id: String,
        context: &C,
    ) -> Result<RemoveUserZonePrivilegesResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/users/{id}/privileges",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("DELETE").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            204 => Ok(RemoveUserZonePrivilegesResponse::NoContent),
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveUserZonePrivilegesResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveUserZonePrivilegesResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveUserZonePrivilegesResponse::NotFound(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveUserZonePrivilegesResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveUserZonePrivilegesResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(RemoveUserZonePrivilegesResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }

    #[allow(clippy::vec_init_then_push)]
    async fn add_group_user(
        &self,
        param_id: String,
        param_uid: String,
        param_privileges: Option<models::Privileges>,
        context: &C,
    ) -> Result<AddGroupUserResponse, ApiError> {
        let mut client_service = self.client_service.clone();
        #[allow(clippy::uninlined_format_args)]
        let mut uri = format!(
            "{}/api/v3/onezone/groups/{id}/users/{uid}",
            self.base_path,
            id = utf8_percent_encode(&param_id.to_string(), ID_ENCODE_SET),
            uid = utf8_percent_encode(&param_uid.to_string(), ID_ENCODE_SET)
        );

        // Query parameters
        let query_string = {
            let mut query_string = form_urlencoded::Serializer::new("".to_owned());
            query_string.finish()
        };
        if !query_string.is_empty() {
            uri += "?";
            uri += &query_string;
        }

        let uri = match Uri::from_str(&uri) {
            Ok(uri) => uri,
            Err(err) => return Err(ApiError(format!("Unable to build URI: {err}"))),
        };

        let mut request =
            match Request::builder().method("PUT").uri(uri).body(BoxBody::new(http_body_util::Empty::new())) {
                Ok(req) => req,
                Err(e) => return Err(ApiError(format!("Unable to create request: {e}"))),
            };

        // Consumes basic body
        // Body parameter
        if let Some(param_privileges) = param_privileges {
            let body = serde_json::to_string(&param_privileges).expect("impossible to fail to serialize");
            *request.body_mut() = body_from_string(body);
        }

        let header = "application/json";
        request.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(header));

        let header = HeaderValue::from_str(Has::<XSpanIdString>::get(context).0.as_str());
        request.headers_mut().insert(
            HeaderName::from_static("x-span-id"),
            match header {
                Ok(h) => h,
                Err(e) => return Err(ApiError(format!("Unable to create X-Span ID header value: {e}"))),
            },
        );

        #[allow(clippy::collapsible_match)]
        if let Some(auth_data) = Has::<Option<AuthData>>::get(context).as_ref() {
            use headers::authorization::Credentials;
            // The trailing `_` arm is unreachable when the spec declares every kind of
            // scheme `AuthData` can represent, and the workspace denies warnings.
            #[allow(unreachable_patterns, clippy::single_match, clippy::match_single_binding)]
            match auth_data {
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("x-auth-token"), header);
                }
                AuthData::ApiKey(ref api_key) => {
                    let header = match HeaderValue::from_str(api_key.as_str()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create header: {e}"))),
                    };
                    request.headers_mut().insert(HeaderName::from_static("macaroon"), header);
                }
                AuthData::Bearer(ref bearer_header) => {
                    let header = match headers::Authorization::bearer(&bearer_header.to_string()) {
                        Ok(h) => h,
                        Err(e) => return Err(ApiError(format!("Unable to create Authorization header: {e}"))),
                    };
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, header.0.encode());
                }
                AuthData::Basic(ref basic_user, ref basic_password) => {
                    let auth = headers::Authorization::basic(basic_user.as_str(), basic_password.as_str());
                    request.headers_mut().insert(hyper::header::AUTHORIZATION, auth.0.encode());
                }
                _ => {}
            }
        }

        let response = client_service
            .call((request, context.clone()))
            .map_err(|e| ApiError(format!("No response received: {e}")))
            .await?;

        match response.status().as_u16() {
            201 => {
                let (header, body) = response.into_parts();
                let response_location = match header.headers.get(HeaderName::from_static("location")) {
                    Some(response_location) => {
                        let response_location = response_location.clone();
                        let response_location =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_location) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Location for response 201 - {e}"
                                    )));
                                }
                            };
                        response_location.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Location for response 201 was not found.",
                        )))
                    }
                };

                Ok(AddGroupUserResponse::Created { location: response_location })
            }
            400 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(AddGroupUserResponse::BadRequest(body))
            }
            401 => {
                let (header, body) = response.into_parts();
                let response_www_authenticate = match header.headers.get(HeaderName::from_static("www-authenticate")) {
                    Some(response_www_authenticate) => {
                        let response_www_authenticate = response_www_authenticate.clone();
                        let response_www_authenticate =
                            match TryInto::<header::IntoHeaderValue<String>>::try_into(response_www_authenticate) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header WWW-Authenticate for response 401 - {e}"
                                    )));
                                }
                            };
                        response_www_authenticate.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header WWW-Authenticate for response 401 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(AddGroupUserResponse::Unauthorized { body, www_authenticate: response_www_authenticate })
            }
            403 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(AddGroupUserResponse::Forbidden(body))
            }
            404 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(AddGroupUserResponse::NotFound(body))
            }
            409 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(AddGroupUserResponse::Conflict(body))
            }
            413 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(AddGroupUserResponse::PayloadTooLarge(body))
            }
            415 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(AddGroupUserResponse::UnsupportedMediaType(body))
            }
            429 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 429 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 429 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(AddGroupUserResponse::TooManyRequests { body, retry_after: response_retry_after })
            }
            500 => {
                let body = http_body_util::BodyExt::collect(response.into_body())
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(AddGroupUserResponse::InternalError(body))
            }
            503 => {
                let (header, body) = response.into_parts();
                let response_retry_after = match header.headers.get(HeaderName::from_static("retry-after")) {
                    Some(response_retry_after) => {
                        let response_retry_after = response_retry_after.clone();
                        let response_retry_after =
                            match TryInto::<header::IntoHeaderValue<i32>>::try_into(response_retry_after) {
                                Ok(value) => value,
                                Err(e) => {
                                    return Err(ApiError(format!(
                                        "Invalid response header Retry-After for response 503 - {e}"
                                    )));
                                }
                            };
                        response_retry_after.0
                    }
                    None => {
                        return Err(ApiError(String::from(
                            "Required response header Retry-After for response 503 was not found.",
                        )))
                    }
                };

                let body = http_body_util::BodyExt::collect(body)
                    .await
                    .map(|f| f.to_bytes().to_vec())
                    .map_err(|e| ApiError(format!("Failed to read response: {}", e.into())))?;

                let body = str::from_utf8(&body).map_err(|e| ApiError(format!("Response was not valid UTF8: {e}")))?;
                let body = serde_json::from_str::<models::Error>(body)
                    .map_err(|e| ApiError(format!("Response body did not match the schema: {e}")))?;

                Ok(AddGroupUserResponse::ServiceUnavailable { body, retry_after: response_retry_after })
            }
            code => {
                let headers = response.headers().clone();
                let body = http_body_util::BodyExt::collect(response.into_body()).await.map(|f| f.to_bytes().to_vec());
                Err(ApiError(format!(
                    "Unexpected response code {code}:\n{headers:?}\n\n{}",
                    match body {
                        Ok(body) => match String::from_utf8(body) {
                            Ok(body) => body,
                            Err(e) => format!("<Body was not UTF8: {e:?}>"),
                        },
                        Err(e) => format!("<Failed to read body: {}>", Into::<crate::ServiceError>::into(e)),
                    }
                )))
            }
        }
    }
}
