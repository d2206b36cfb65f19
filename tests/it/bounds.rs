//! The spec's bounds that are new behaviour (issue 10, Spectral's OWASP rules): an invite token
//! longer than the spec's `maxLength` is refused by the gate's schema check, as any other
//! over-long member is, before the token parser sees it.

use reqwest::StatusCode;
use serde_json::json;

use crate::edge_only;
use crate::support::{assert_error, spawn_app, Backend};

/// `GroupInviteToken.token`'s `maxLength` in `openapi/openapi.yaml`.
const MAX_TOKEN_CHARS: usize = 4096;

async fn an_invite_token_longer_than_the_specs_bound_is_an_invalid_request(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, alice) = app.user("alice").await;
    let too_long = "A".repeat(MAX_TOKEN_CHARS + 1);
    let reply = app.post_json("/user/groups/join", &alice, &json!({ "token": too_long })).await;
    let body = assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
    assert!(body["error_description"].as_str().unwrap().contains("too long"), "{body}");
    // At the bound, the token reaches the parser, which finds it is no macaroon.
    let longest = "A".repeat(MAX_TOKEN_CHARS);
    let reply = app.post_json("/user/groups/join", &alice, &json!({ "token": longest })).await;
    assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_token");
}

edge_only!(an_invite_token_longer_than_the_specs_bound_is_an_invalid_request);
