//! Framework-level rules (contract §2): JSON 404 and 405 (with `Allow`), and the routes outside
//! the API: `/healthz`, `/openapi.yaml`, `/openapi.json`, `/docs`.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::support::{assert_error, spawn_app, Backend};
use crate::{all_backends, edge_only};

const SPEC: &str = include_str!("../../openapi/openapi.yaml");

fn allowed(header: Option<String>) -> Vec<String> {
    let mut methods: Vec<String> =
        header.expect("an Allow header").split(',').map(|m| m.trim().to_owned()).filter(|m| !m.is_empty()).collect();
    methods.sort();
    methods
}

async fn unknown_paths_are_json_404s_inside_and_outside_the_api(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = app.admin_token.clone();
    for path in [
        "/",
        "/nowhere",
        "/api",
        "/api/v3",
        "/api/v2/onezone/user",
        "/api/v3/onezone",
        "/api/v3/onezone/",
        "/api/v3/onezone/nowhere",
        "/api/v3/onezone/user/nowhere/else",
        "/api/v3/onezone/groups//",
        "/api/v3/onezone/user//",
        "/api/v3/onezone/groups/x/users/y/privileges/z",
        "/api/v3/onezone/groups/x/spaces",
        "/docs/no-such-file.js",
    ] {
        for token in [None, Some(admin.as_str())] {
            let mut request = app.request_root(Method::GET, path);
            if let Some(token) = token {
                request = request.auth(token);
            }
            let reply = request.send().await;
            assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}: {}", reply.text());
            assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
        }
    }
    // A POST to an unknown path is 404 too, whatever its body.
    let reply = app.request_root(Method::POST, "/api/v3/onezone/nowhere").raw("junk", Some("text/plain")).send().await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
}

async fn a_wrong_method_is_a_json_405_with_allow(backend: Backend) {
    let app = spawn_app(backend).await;
    let cases: [(Method, &str, &[&str]); 10] = [
        (Method::GET, "/user/groups/join", &["POST"]),
        (Method::PUT, "/user/groups/join", &["POST"]),
        (Method::DELETE, "/groups/x/users/token", &["GET", "HEAD", "POST"]),
        (Method::PUT, "/user", &["DELETE", "GET", "HEAD", "PATCH"]),
        (Method::POST, "/user/client_token", &["GET", "HEAD"]),
        (Method::DELETE, "/user/groups", &["GET", "HEAD", "POST"]),
        (Method::POST, "/user/groups/x", &["DELETE", "GET", "HEAD"]),
        (Method::PUT, "/groups/x", &["DELETE", "GET", "HEAD", "PATCH"]),
        (Method::POST, "/groups/x/users/y/privileges", &["GET", "HEAD", "PUT"]),
        (Method::PATCH, "/groups/x/users/y", &["DELETE", "GET", "HEAD", "PUT"]),
    ];
    for (method, path, allow) in cases {
        // Without credentials too: the method is wrong whoever asks.
        for token in [None, Some(app.admin_token.as_str())] {
            let mut request = app.request(method.clone(), path);
            if let Some(token) = token {
                request = request.auth(token);
            }
            let reply = request.send().await;
            assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}: {}", reply.text());
            assert_error(&reply, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
            assert_eq!(allowed(reply.header("allow")), allow, "{method} {path}");
        }
    }
    for path in ["/healthz", "/openapi.yaml", "/openapi.json", "/docs/"] {
        let reply = app.request_root(Method::POST, path).send().await;
        assert_error(&reply, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
        assert_eq!(allowed(reply.header("allow")), ["GET", "HEAD"], "{path}");
    }
}

async fn health_is_reported_without_credentials(backend: Backend) {
    let app = spawn_app(backend).await;
    let reply = app.request_root(Method::GET, "/healthz").send().await.expect(StatusCode::OK);
    assert!(reply.header("content-type").unwrap_or_default().starts_with("application/json"));
    assert_eq!(reply.json()["status"], "ok");
}

#[tokio::test]
async fn the_served_spec_is_the_committed_file_byte_for_byte() {
    let app = spawn_app(Backend::Memory).await;
    let yaml = app.request_root(Method::GET, "/openapi.yaml").send().await.expect(StatusCode::OK);
    assert_eq!(yaml.text(), SPEC);

    let json = app.request_root(Method::GET, "/openapi.json").send().await.expect(StatusCode::OK);
    assert!(json.header("content-type").unwrap_or_default().starts_with("application/json"));
    let served: Value = json.json();
    let committed: Value = serde_norway::from_str(SPEC).expect("the committed spec is YAML");
    assert_eq!(served, committed, "/openapi.json is the committed spec as JSON");
    assert_eq!(served["servers"][0]["url"], json!("/api/v3/onezone"));
}

#[tokio::test]
async fn docs_redirect_to_a_swagger_ui_page() {
    let app = spawn_app(Backend::Memory).await;
    let reply = app.request_root(Method::GET, "/docs").send().await.expect(StatusCode::MOVED_PERMANENTLY);
    assert_eq!(reply.header("location").as_deref(), Some("/docs/"));

    let page = app.request_root(Method::GET, "/docs/").send().await.expect(StatusCode::OK);
    assert!(
        page.header("content-type").unwrap_or_default().starts_with("text/html"),
        "{:?}",
        page.header("content-type")
    );
    let html = page.text().to_lowercase();
    assert!(html.contains("<html") && html.contains("swagger"), "{html}");
}

#[tokio::test]
async fn malformed_requests_still_get_json_errors() {
    let app = spawn_app(Backend::Memory).await;
    let (_, token) = app.user("alice").await;
    // A path parameter that is not valid UTF-8 once decoded names nothing.
    assert_error(&app.get("/user/groups/%FF%FE", &token).await, StatusCode::NOT_FOUND, "not_found");
    // An over-long id names nothing.
    assert_error(&app.get(&format!("/groups/{}", "a".repeat(65)), &token).await, StatusCode::NOT_FOUND, "not_found");
}

edge_only!(unknown_paths_are_json_404s_inside_and_outside_the_api, a_wrong_method_is_a_json_405_with_allow);

// `/healthz` asks the store.
all_backends!(health_is_reported_without_credentials);
