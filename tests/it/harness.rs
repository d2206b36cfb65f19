//! The harness checks itself: the assertions every other test relies on do fail when they should.

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::StatusCode;

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
