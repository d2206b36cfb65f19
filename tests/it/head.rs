//! HEAD (contract §2): answered wherever GET is, with GET's status and headers (its
//! `Content-Length` included) and no body, over HTTP/1.1 and HTTP/2; a path without GET answers
//! HEAD with the same 405 and `Allow` as GET.

use reqwest::header::{HeaderMap, ALLOW, CONTENT_LENGTH};
use reqwest::{Method, StatusCode};

use crate::edge_only;
use crate::support::{Backend, Reply, TestApp};

edge_only!(
    a_head_on_a_get_that_mints_stores_no_token,
    head_answers_like_get_without_the_body_on_every_route,
    head_answers_like_get_over_http2,
    head_on_a_path_without_get_is_a_405_with_allow
);

/// Every kind of route: the API (an answer, a page, a 401, a 404 of a path and of a group), the
/// docs (page, redirect, a file), the spec in both forms and `/healthz`.
async fn routes(app: &TestApp) -> Vec<(String, Option<String>)> {
    let gid = app.create_group(&app.admin_token, "Heads").await;
    let admin = Some(app.admin_token.clone());
    let api = |path: &str| format!("{}{path}", app.base);
    let root = |path: &str| format!("{}{path}", app.root);
    vec![
        (api("/user"), admin.clone()),
        (api("/user"), None),
        (api("/user/groups?limit=1"), admin.clone()),
        (api(&format!("/groups/{gid}")), admin.clone()),
        (api("/groups/no-such-group"), admin.clone()),
        (api("/no/such/path"), admin.clone()),
        (root("/docs"), None),
        (root("/docs/"), None),
        (root("/docs/swagger-ui.css"), None),
        (root("/openapi.yaml"), None),
        (root("/openapi.json"), None),
        (root("/healthz"), None),
    ]
}

/// `method url` with `client`, read whole. The reply's version is returned too.
async fn send(client: &reqwest::Client, method: Method, url: &str, token: Option<&str>) -> (Reply, reqwest::Version) {
    let mut request = client.request(method.clone(), url);
    if let Some(token) = token {
        request = request.header("X-Auth-Token", token);
    }
    let response = request.send().await.unwrap_or_else(|e| panic!("{method} {url} failed: {e}"));
    let (status, headers, version) = (response.status(), response.headers().clone(), response.version());
    let body = response.bytes().await.expect("the body reads").to_vec();
    (Reply { status, headers, body }, version)
}

/// The headers that must be equal: all but those that differ from one response to the next.
fn stable(headers: &HeaderMap) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = headers
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "date" | "x-span-id"))
        .map(|(name, value)| (name.to_string(), String::from_utf8_lossy(value.as_bytes()).into_owned()))
        .collect();
    out.sort();
    out
}

async fn assert_head_like_get(client: &reqwest::Client, url: &str, token: Option<&str>, version: reqwest::Version) {
    let (get, get_version) = send(client, Method::GET, url, token).await;
    let (head, head_version) = send(client, Method::HEAD, url, token).await;
    assert_eq!((get_version, head_version), (version, version), "{url}");
    assert_eq!(head.status, get.status, "HEAD {url}");
    assert!(head.body.is_empty(), "HEAD {url} sent {} bytes", head.body.len());
    assert_eq!(head.header(CONTENT_LENGTH.as_str()), Some(get.body.len().to_string()), "HEAD {url}");
    let (mut head_headers, mut get_headers) = (stable(&head.headers), stable(&get.headers));
    // Over HTTP/2 a GET's length may travel in its DATA frames alone; HEAD must say it.
    head_headers.retain(|(name, _)| name != "content-length");
    get_headers.retain(|(name, _)| name != "content-length");
    assert_eq!(head_headers, get_headers, "HEAD {url}");
}

async fn head_answers_like_get_without_the_body_on_every_route(backend: Backend) {
    let app = crate::support::spawn_app(backend).await;
    for (url, token) in routes(&app).await {
        assert_head_like_get(&app.client, &url, token.as_deref(), reqwest::Version::HTTP_11).await;
        // And through the harness, which checks the reply against the contract too.
        app.request(Method::HEAD, &url).send().await;
    }
}

async fn head_answers_like_get_over_http2(backend: Backend) {
    let app = crate::support::spawn_app(backend).await;
    let client = reqwest::Client::builder()
        .http2_prior_knowledge()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .expect("an HTTP/2 client");
    for (url, token) in routes(&app).await {
        assert_head_like_get(&client, &url, token.as_deref(), reqwest::Version::HTTP_2).await;
    }
}

async fn head_on_a_path_without_get_is_a_405_with_allow(backend: Backend) {
    let app = crate::support::spawn_app(backend).await;
    let url = format!("{}/user/groups/join", app.base);
    let (get, _) = send(&app.client, Method::GET, &url, Some(&app.admin_token)).await;
    let (head, _) = send(&app.client, Method::HEAD, &url, Some(&app.admin_token)).await;
    assert_eq!((get.status, head.status), (StatusCode::METHOD_NOT_ALLOWED, StatusCode::METHOD_NOT_ALLOWED));
    assert_eq!(head.header(ALLOW.as_str()), Some("POST".to_owned()));
    assert_eq!(head.header(ALLOW.as_str()), get.header(ALLOW.as_str()));
    assert_eq!(head.header("content-type"), get.header("content-type"));
    assert!(head.body.is_empty());
}

/// The GETs that mint a token (Onezone's `GET /user/client_token`, `/groups/{id}/users/token`,
/// `/groups/{id}/nested/token`): their HEAD answers as GET would, a token's length in
/// `Content-Length`, and stores none, since no one receives it.
async fn a_head_on_a_get_that_mints_stores_no_token(backend: Backend) {
    let app = crate::support::spawn_app(backend).await;
    let gid = app.create_group(&app.admin_token, "Minted").await;
    for path in
        [format!("/groups/{gid}/users/token"), format!("/groups/{gid}/nested/token"), "/user/client_token".into()]
    {
        let head = app.request(Method::HEAD, &path).auth(&app.admin_token).send().await.expect(StatusCode::OK);
        assert!(head.body.is_empty(), "HEAD {path}");
        let length: usize = head.header("content-length").and_then(|l| l.parse().ok()).unwrap_or_default();
        assert!(length > 100, "HEAD {path}: a token's length, {length}");
    }
    let invites = app.get(&format!("/groups/{gid}/invites"), &app.admin_token).await.expect(StatusCode::OK).json();
    assert_eq!(invites["invites"], serde_json::json!([]), "no invite was stored");
    // The GET does store one.
    app.get(&format!("/groups/{gid}/users/token"), &app.admin_token).await.expect(StatusCode::OK);
    let invites = app.get(&format!("/groups/{gid}/invites"), &app.admin_token).await.expect(StatusCode::OK).json();
    assert_eq!(invites["invites"].as_array().map(Vec::len), Some(1));
}
