//! Seed conformance: the seed document's example of `join_group` (Onezone REST API 3.0.0-rc11,
//! `shared/seed/join_group.md`), replayed literally, with its documented outcomes.

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::support::contract::spec;
use crate::support::{assert_error, spawn_app, Backend, Reply, TestApp};
use crate::{all_backends, edge_only};

/// The token of the seed document's example request body, copied by hand from
/// `shared/seed/join_group.md` (not read at test time: CI's copy may live elsewhere).
const SEED_DOC_TOKEN: &str = "JKAxNWxvY2F0aW9uIG9uZXpvbmUKMDAzYmlkZW50aWZpZXIgOEhmSEFSSGdrbHFCa1pWSTRsNk1CVHZTU3Z0OThwcHA2OTQ4czhRN1NPawowMDFhY2lkIHRpbWUgPCAxNDk2MTQwMTQ0CjAwMmZzaWduYXR1cmUg88OIBmav38YI0Z2-dw-fvrZ3XP-J0HjCN0taT3_WungK";

/// The seed document's request path, under the API root.
const SEED_PATH: &str = "/api/v3/onezone/user/groups/join";

/// `join_group` in the spec: its full path (server URL + template) and its operation.
fn join_group_in_spec() -> (String, &'static Value) {
    let spec = spec();
    let server = spec.pointer("/servers/0/url").and_then(Value::as_str).expect("a server URL");
    let paths = spec["paths"].as_object().expect("paths");
    let (template, operation) = paths
        .iter()
        .find_map(|(template, item)| {
            let post = item.get("post")?;
            (post.get("operationId") == Some(&json!("join_group"))).then_some((template, post))
        })
        .expect("the spec has a POST operation join_group");
    (format!("{}{template}", server.trim_end_matches('/')), operation)
}

/// The example request body the spec carries for `join_group` (`example`, or the first of
/// `examples`).
fn spec_example_body() -> Value {
    let (_, operation) = join_group_in_spec();
    let media = operation.pointer("/requestBody/content/application~1json").expect("join_group takes JSON");
    media
        .get("example")
        .or_else(|| media.get("examples")?.as_object()?.values().next()?.get("value"))
        .cloned()
        .expect("join_group's request body has an example")
}

#[test]
fn the_spec_carries_the_seed_documents_example_verbatim() {
    let (path, _) = join_group_in_spec();
    assert_eq!(path, SEED_PATH, "the seed's path under the spec's server URL");
    assert_eq!(spec_example_body(), json!({ "token": SEED_DOC_TOKEN }));
}

/// The seed's request: `POST` to the literal path, `Content-Type: application/json`, the
/// caller's access token in `X-Auth-Token`, and `body` as the JSON body.
async fn seed_request(app: &TestApp, access: &str, body: &Value) -> Reply {
    app.request_root(Method::POST, SEED_PATH).auth(access).json(body).send().await
}

async fn the_seed_example_request_is_answered_400_invalid_token(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, access) = app.user("alice").await;
    let body = spec_example_body();
    assert_eq!(body, json!({ "token": SEED_DOC_TOKEN }), "the spec's example is the seed document's");

    let reply = seed_request(&app, &access, &body).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.text());
    // Exactly `error` and a non-empty `error_description`, `error` being the seed's code.
    assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_token");

    // The body byte for byte as the seed document prints it (pretty, with " : "): the same.
    let printed = format!("{{\n  \"token\" : \"{SEED_DOC_TOKEN}\"\n}}");
    assert_eq!(serde_json::from_str::<Value>(&printed).unwrap(), body);
    let reply = app
        .request_root(Method::POST, SEED_PATH)
        .auth(&access)
        .secret(SEED_DOC_TOKEN)
        .raw(printed, Some("application/json"))
        .send()
        .await;
    assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_token");
    assert!(app.groups_of(&access).await.is_empty(), "nothing was joined");
}

async fn the_seed_request_with_a_valid_invite_is_201_with_the_documented_location(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let (_, access) = app.user("alice").await;
    let gid = app.create_group(&owner, "Research team").await;
    let invite = app.invite(&owner, &gid).await;

    let reply = seed_request(&app, &access, &json!({ "token": invite })).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    assert!(reply.body.is_empty(), "the seed documents no content for 201: {}", reply.text());
    let location = reply.header("location").expect("a Location header");
    // `^/api/v3/onezone/user/groups/[A-Za-z0-9_-]+$`, spelled out.
    let id = location
        .strip_prefix("/api/v3/onezone/user/groups/")
        .unwrap_or_else(|| panic!("Location {location:?} is not of the form /api/v3/onezone/user/groups/{{id}}"));
    assert!(
        !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'),
        "Location {location:?} does not end in a group id"
    );
    assert_eq!(id, gid, "Location names the joined group");
    assert_eq!(app.groups_of(&access).await, vec![gid]);
}

// The seed's token fails its signature check, before the store is asked.
edge_only!(the_seed_example_request_is_answered_400_invalid_token);

all_backends!(the_seed_request_with_a_valid_invite_is_201_with_the_documented_location);
