//! The harness checks itself: the assertions every other test relies on do fail when they should.

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Method, StatusCode};

use crate::support::contract::{check, violations};
use crate::support::tokens::{attenuate, escape, from_binary, to_binary, unescape};
use crate::support::{assert_error, Reply};

fn reply(status: StatusCode, content_type: &str, body: &str) -> Reply {
    let mut headers = HeaderMap::new();
    headers.insert("content-type", HeaderValue::from_str(content_type).unwrap());
    Reply { status, headers, body: body.as_bytes().to_vec() }
}

#[test]
fn assert_error_accepts_the_contract_shape() {
    let r = reply(StatusCode::NOT_FOUND, "application/json", r#"{"error":"not_found","error_description":"Gone."}"#);
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
}

#[test]
#[should_panic(expected = "exactly error and error_description")]
fn assert_error_refuses_extra_members() {
    let r =
        reply(StatusCode::NOT_FOUND, "application/json", r#"{"error":"not_found","error_description":"x","detail":1}"#);
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
}

#[test]
#[should_panic(expected = "must not be empty")]
fn assert_error_refuses_an_empty_description() {
    let r = reply(StatusCode::NOT_FOUND, "application/json", r#"{"error":"not_found","error_description":" "}"#);
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
}

#[test]
#[should_panic(expected = "an error must be JSON")]
fn assert_error_refuses_a_text_body() {
    let r = reply(StatusCode::NOT_FOUND, "text/plain", r#"{"error":"not_found","error_description":"x"}"#);
    assert_error(&r, StatusCode::NOT_FOUND, "not_found");
}

#[test]
#[should_panic(expected = "echoes a token")]
fn the_leak_check_catches_an_echoed_token() {
    let r = reply(
        StatusCode::BAD_REQUEST,
        "application/json",
        r#"{"error":"invalid_token","error_description":"Bad MDAxNWxvY2F0aW9u."}"#,
    );
    r.check_no_leak(&["MDAxNWxvY2F0aW9u".to_owned()]);
}

#[test]
fn token_surgery_round_trips() {
    let codec = oz_groups::tokens::TokenCodec::new(vec![7; 32], "onezone");
    let token = codec.mint(oz_groups::tokens::TokenKind::GroupInviteUser).token;
    assert_eq!(escape(&unescape(&token)), token);
    assert_eq!(from_binary(&to_binary(&token)), token);
    let attenuated = attenuate(&token, "time < 4102444800");
    assert!(String::from_utf8_lossy(&to_binary(&attenuated)).contains("cid time < 4102444800\n"));
}

// --- the response contract (support/contract.rs) ------------------------------------------------

const ERROR_BODY: &str = r#"{"error":"not_found","error_description":"Gone."}"#;
const USER_BODY: &str =
    r#"{"userId":"abc","login":"alice","name":"alice","alias":"","connectedAccounts":[],"emailList":[]}"#;

/// A reply with the given headers (name, value) and body.
fn reply_with(status: StatusCode, headers: &[(&str, &str)], body: &str) -> Reply {
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        map.append(reqwest::header::HeaderName::from_bytes(name.as_bytes()).unwrap(), value.parse().unwrap());
    }
    Reply { status, headers: map, body: body.as_bytes().to_vec() }
}

fn json_reply(status: StatusCode, body: &str) -> Reply {
    reply(status, "application/json", body)
}

#[test]
fn the_contract_accepts_documented_replies() {
    let cases: Vec<(Method, &str, Reply)> = vec![
        (Method::GET, "/api/v3/onezone/user", json_reply(StatusCode::OK, USER_BODY)),
        (Method::GET, "/api/v3/onezone/user?x=1", reply(StatusCode::OK, "application/json; charset=utf-8", USER_BODY)),
        (
            Method::POST,
            "/api/v3/onezone/user/groups/join",
            reply_with(StatusCode::CREATED, &[("location", "/api/v3/onezone/user/groups/g1")], ""),
        ),
        (
            Method::GET,
            "/api/v3/onezone/user",
            reply_with(
                StatusCode::UNAUTHORIZED,
                &[
                    ("content-type", "application/json"),
                    ("www-authenticate", r#"Bearer realm="onezone", Basic realm="onezone""#),
                ],
                r#"{"error":"unauthorized","error_description":"No credentials."}"#,
            ),
        ),
        (Method::DELETE, "/api/v3/onezone/user/groups/g1", reply_with(StatusCode::NO_CONTENT, &[], "")),
        (Method::GET, "/api/v3/onezone/user/groups//", json_reply(StatusCode::NOT_FOUND, ERROR_BODY)),
        // A trailing slash names the same operation (contract §2), whose schema applies.
        (Method::GET, "/api/v3/onezone/user/", json_reply(StatusCode::OK, USER_BODY)),
        (
            Method::GET,
            "/api/v3/onezone/groups?limit=1",
            reply_with(
                StatusCode::OK,
                &[
                    ("content-type", "application/json"),
                    ("link", r#"</api/v3/onezone/groups?limit=1&after=AAAAAAAAAAE>; rel="next""#),
                ],
                r#"{"groups":["g1"]}"#,
            ),
        ),
        (Method::GET, "/api/v3/onezone", json_reply(StatusCode::NOT_FOUND, ERROR_BODY)),
        (
            Method::GET,
            "/api/v3/onezone/user/groups/join",
            reply_with(
                StatusCode::METHOD_NOT_ALLOWED,
                &[("content-type", "application/json"), ("allow", "POST")],
                ERROR_BODY,
            ),
        ),
        (
            Method::PUT,
            "/api/v3/onezone/groups/x/users/token",
            reply_with(
                StatusCode::METHOD_NOT_ALLOWED,
                &[("content-type", "application/json"), ("allow", "post, GET, head")],
                ERROR_BODY,
            ),
        ),
        (Method::GET, "/docs", reply_with(StatusCode::PERMANENT_REDIRECT, &[("location", "/docs/")], "")),
        (Method::GET, "/healthz", reply(StatusCode::OK, "text/plain", "anything goes outside the API")),
        (Method::GET, "/api/v3/onezonex/user", json_reply(StatusCode::NOT_FOUND, ERROR_BODY)),
    ];
    for (method, path, reply) in cases {
        check(&method, path, &reply);
    }
}

#[test]
#[should_panic(
    expected = "GET /api/v3/onezone/user answered 409 Conflict: status 409 is not declared for get_current_user"
)]
fn the_contract_refuses_an_undeclared_status() {
    let r = json_reply(StatusCode::CONFLICT, r#"{"error":"relation_already_exists","error_description":"x"}"#);
    check(&Method::GET, "/api/v3/onezone/user", &r);
}

#[test]
#[should_panic(expected = "GET /api/v3/onezone/user answered 200 OK: the body of get_current_user is invalid")]
fn the_contract_refuses_a_body_missing_a_required_member() {
    check(&Method::GET, "/api/v3/onezone/user", &json_reply(StatusCode::OK, r#"{"userId":"abc","name":"alice"}"#));
}

#[test]
#[should_panic(
    expected = "GET /api/v3/onezone/user answered 200 OK: Content-Type Some(\"text/plain\") is not declared"
)]
fn the_contract_refuses_a_wrong_content_type() {
    check(&Method::GET, "/api/v3/onezone/user", &reply(StatusCode::OK, "text/plain", USER_BODY));
}

#[test]
#[should_panic(
    expected = "POST /api/v3/onezone/user/groups/join answered 201 Created: the required header Location is missing"
)]
fn the_contract_refuses_a_201_without_location() {
    check(&Method::POST, "/api/v3/onezone/user/groups/join", &reply_with(StatusCode::CREATED, &[], ""));
}

#[test]
#[should_panic(expected = "PUT /api/v3/onezone/user answered 405 Method Not Allowed: a 405 must carry an Allow header")]
fn the_contract_refuses_a_405_without_allow() {
    check(&Method::PUT, "/api/v3/onezone/user", &json_reply(StatusCode::METHOD_NOT_ALLOWED, ERROR_BODY));
}

/// Asserts `reply` to `method path` is refused for a reason containing `why`.
#[track_caller]
fn assert_refused(method: Method, path: &str, reply: Reply, why: &str) {
    let problems = violations(&method, path, &reply).expect_err(&format!("{method} {path} {} passed", reply.status));
    assert!(problems.iter().any(|p| p.contains(why)), "{method} {path}: expected {why:?} among {problems:?}");
}

#[test]
fn the_contract_refuses_every_other_departure_from_the_spec() {
    let json_405 = |allow: &str| {
        reply_with(
            StatusCode::METHOD_NOT_ALLOWED,
            &[("content-type", "application/json"), ("allow", allow)],
            ERROR_BODY,
        )
    };
    let created = |location: &str| reply_with(StatusCode::CREATED, &[("location", location)], "");
    let cases: Vec<(Method, &str, Reply, &str)> = vec![
        // A literal segment wins: a 201 here is join_group's, whose Location is required.
        (Method::POST, "/api/v3/onezone/user/groups/join", created("/user/groups/g1"), "is not a path under"),
        (Method::POST, "/api/v3/onezone/groups", created("http://elsewhere/x"), "is not a path under"),
        // ... and a method the literal template lacks is a 405, even though {gid} has GET.
        (
            Method::GET,
            "/api/v3/onezone/user/groups/join",
            json_reply(StatusCode::OK, r#"{"groupId":"join","name":"x","type":"role"}"#),
            "only a framework 405",
        ),
        (Method::DELETE, "/api/v3/onezone/user/groups/join", json_405("DELETE, GET"), "does not list exactly"),
        // Where GET is allowed, so is HEAD.
        (Method::DELETE, "/api/v3/onezone/groups/x/users/token", json_405("GET, POST"), "does not list exactly"),
        // A next-page link only where the response declares one (the lists' 200).
        (
            Method::GET,
            "/api/v3/onezone/user",
            reply_with(
                StatusCode::OK,
                &[("content-type", "application/json"), ("link", r#"</api/v3/onezone/user?after=x>; rel="next""#)],
                USER_BODY,
            ),
            "a Link header is sent where the response declares none",
        ),
        (
            Method::POST,
            "/api/v3/onezone/groups/x/users/token",
            reply_with(StatusCode::OK, &[("content-type", "application/json")], r#"{"token":"t","extra":1}"#),
            "is invalid",
        ),
        (
            Method::POST,
            "/api/v3/onezone/groups/x/users/token",
            reply_with(StatusCode::OK, &[("content-type", "application/json")], "not json"),
            "is not JSON",
        ),
        (
            Method::GET,
            "/api/v3/onezone/user",
            json_reply(
                StatusCode::OK,
                r#"{"userId":"a b","login":"alice","name":"alice","alias":"","connectedAccounts":[],"emailList":[]}"#,
            ),
            "is invalid",
        ),
        // 401 must carry its challenge.
        (
            Method::GET,
            "/api/v3/onezone/user",
            json_reply(StatusCode::UNAUTHORIZED, ERROR_BODY),
            "WWW-Authenticate is missing",
        ),
        // Declared without content: the body must be empty.
        (
            Method::DELETE,
            "/api/v3/onezone/user/groups/g1",
            json_reply(StatusCode::NO_CONTENT, "{}"),
            "declares no content",
        ),
        // An error body with an extra member, or not JSON at all.
        (
            Method::GET,
            "/api/v3/onezone/groups/g1",
            json_reply(StatusCode::NOT_FOUND, r#"{"error":"x","error_description":"y","z":1}"#),
            "is invalid",
        ),
        (
            Method::GET,
            "/api/v3/onezone/groups/g1",
            reply(StatusCode::NOT_FOUND, "text/plain", ERROR_BODY),
            "is not declared",
        ),
        // No template matches: only a JSON 404.
        (Method::GET, "/api/v3/onezone/nowhere", json_reply(StatusCode::OK, "{}"), "only a framework 404"),
        (
            Method::GET,
            "/api/v3/onezone/groups//",
            reply(StatusCode::NOT_FOUND, "text/html", "<h1>404</h1>"),
            "must be application/json",
        ),
        (Method::GET, "/api/v3/onezone/", json_reply(StatusCode::NOT_FOUND, r#"{"error":"not_found"}"#), "is invalid"),
        // Outside the API: errors keep the Error shape, and a 405 its Allow.
        (
            Method::GET,
            "/docs/missing.js",
            reply(StatusCode::NOT_FOUND, "text/plain", "not found"),
            "must be application/json",
        ),
        (Method::POST, "/healthz", json_reply(StatusCode::METHOD_NOT_ALLOWED, ERROR_BODY), "Allow header"),
        (
            Method::GET,
            "/openapi.json",
            json_reply(StatusCode::INTERNAL_SERVER_ERROR, r#"{"message":"boom"}"#),
            "is invalid",
        ),
    ];
    for (method, path, reply, why) in cases {
        assert_refused(method, path, reply, why);
    }
}
