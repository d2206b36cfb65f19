//! `POST /user/groups/join`: the rows of the contract's §1 table, in order, then the accepted
//! token forms and the 500 row.

use oz_groups::domain::{GroupId, PrivilegeSet, UserId};
use oz_groups::store::{TokenGrant, TokenRecord};
use oz_groups::tokens::{TokenCodec, TokenKind};
use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::stores::{Mode, ProbeStore};
use crate::support::tokens::{attenuate, flip_signature, identifier, padded_base64url, tamper, unescape};
use crate::support::{
    assert_error, spawn_app, spawn_app_with, Backend, Reply, Req, TestApp, API_ROOT, SEED_TOKEN, TEST_NOW,
};
use crate::{all_backends, edge_only};

const JOIN: &str = "/user/groups/join";
const CHALLENGE: &str = r#"Bearer realm="onezone", Basic realm="onezone""#;
const INVALID_CHALLENGE: &str = r#"Bearer realm="onezone", error="invalid_token", Basic realm="onezone""#;

/// An app with a group owned by `owner` and a fresh invite to it.
struct Scene {
    app: TestApp,
    owner: String,
    gid: String,
    invite: String,
}

async fn scene(backend: Backend) -> Scene {
    let app = spawn_app(backend).await;
    let (_, owner) = app.user("owner").await;
    let gid = app.create_group(&owner, "Research team").await;
    let invite = app.invite(&owner, &gid).await;
    Scene { app, owner, gid, invite }
}

#[track_caller]
fn assert_invalid_access_token(reply: &Reply) {
    assert_error(reply, StatusCode::UNAUTHORIZED, "invalid_token");
    assert_eq!(reply.header("www-authenticate").as_deref(), Some(INVALID_CHALLENGE));
}

/// A token of `kind` signed with the server's key, recorded in its store as the test says
/// (something no API call can make: a revoked token, or one of a user who is gone).
async fn recorded(app: &TestApp, kind: TokenKind, grant: TokenGrant, max_uses: Option<u32>, revoked: bool) -> String {
    let minted = app.codec.mint(kind);
    let record = TokenRecord {
        id: minted.identifier,
        grant,
        max_uses,
        uses: 0,
        revoked,
        created_at: TEST_NOW,
        issuer: None,
        name: None,
        caveats: "[]".into(),
        valid_until: None,
        custom_metadata: "{}".into(),
    };
    app.app.store().insert_token(&record).await.expect("the token is recorded");
    minted.token
}

/// A join as `access` whose body is `body` as is, with `Content-Type: content_type` if any.
async fn join_raw(app: &TestApp, access: &str, body: impl Into<Vec<u8>>, content_type: Option<&str>) -> Reply {
    app.request(Method::POST, JOIN).auth(access).raw(body, content_type).send().await
}

/// A join whose access token is `access`, sent in X-Auth-Token, with a valid body.
async fn join_with_access(app: &TestApp, access: &str, invite: &str) -> Reply {
    app.join(access, invite).await
}

// --- row 1: no credentials ----------------------------------------------------------------------

async fn joining_without_credentials_is_unauthorized(backend: Backend) {
    let s = scene(backend).await;
    let reply = s.app.request(Method::POST, JOIN).json(&json!({ "token": s.invite })).send().await;
    assert_error(&reply, StatusCode::UNAUTHORIZED, "unauthorized");
    assert_eq!(reply.header("www-authenticate").as_deref(), Some(CHALLENGE), "no error= without a token");

    // Basic credentials that match no login and password (contract §7) join nobody either.
    let reply = s
        .app
        .request(Method::POST, JOIN)
        .header("Authorization", "Basic YWxpY2U6c2VjcmV0")
        .json(&json!({ "token": s.invite }))
        .send()
        .await;
    assert_error(&reply, StatusCode::UNAUTHORIZED, "invalid_credentials");
    assert_eq!(reply.header("www-authenticate").as_deref(), Some(CHALLENGE));
    assert_eq!(s.app.members(&s.gid).await.len(), 1, "nothing was joined");
}

// --- row 2: a bad access token ------------------------------------------------------------------

async fn joining_with_a_malformed_access_token_is_invalid_token_in_every_header(backend: Backend) {
    let s = scene(backend).await;
    for garbage in ["garbage", "not a token at all", SEED_TOKEN, "MDAxNWxvY2F0aW9uIG9uZXpvbmUK"] {
        for (name, value) in [
            ("X-Auth-Token", garbage.to_owned()),
            ("Authorization", format!("Bearer {garbage}")),
            ("Macaroon", garbage.to_owned()),
        ] {
            let reply = s
                .app
                .request(Method::POST, JOIN)
                .credential(name, &value)
                .secret(garbage)
                .json(&json!({ "token": s.invite }))
                .send()
                .await;
            assert_invalid_access_token(&reply);
        }
    }
}

async fn an_empty_credential_header_is_an_invalid_token_not_a_missing_one(backend: Backend) {
    let s = scene(backend).await;
    for (name, value) in
        [("X-Auth-Token", ""), ("Authorization", "Bearer"), ("Authorization", "Bearer  "), ("Macaroon", "")]
    {
        let reply =
            s.app.request(Method::POST, JOIN).credential(name, value).json(&json!({ "token": s.invite })).send().await;
        assert_invalid_access_token(&reply);
    }
}

async fn joining_with_an_access_token_minted_under_another_master_key_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    let other = TokenCodec::new(b"another master key, 32 bytes or more".to_vec(), "onezone");
    let forged = other.mint(TokenKind::Access).token;
    assert_invalid_access_token(&join_with_access(&s.app, &forged, &s.invite).await);
}

async fn joining_with_an_access_token_of_unknown_identifier_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    // Signed with the server's own key, but never recorded.
    let unknown = s.app.codec.mint(TokenKind::Access).token;
    assert_invalid_access_token(&join_with_access(&s.app, &unknown, &s.invite).await);
}

async fn joining_with_a_tampered_access_token_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    let flipped = flip_signature(&access);
    assert_invalid_access_token(&join_with_access(&s.app, &flipped, &s.invite).await);

    let attenuated = attenuate(&access, "time < 1000000000");
    let widened = tamper(&attenuated, "time < 1000000000", "time < 9000000000");
    assert_invalid_access_token(&join_with_access(&s.app, &widened, &s.invite).await);

    // The genuine token still works.
    s.app.join_ok(&access, &s.invite).await;
}

async fn joining_with_an_expired_access_token_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    let limited = attenuate(&access, &format!("time < {}", TEST_NOW + 60));
    s.app.clock.set(TEST_NOW + 60);
    assert_invalid_access_token(&join_with_access(&s.app, &limited, &s.invite).await);
    let unknown_caveat = attenuate(&access, "colour = blue");
    assert_invalid_access_token(&join_with_access(&s.app, &unknown_caveat, &s.invite).await);
    // Not expired yet: fine.
    s.app.clock.set(TEST_NOW + 59);
    s.app.join_ok(&limited, &s.invite).await;
}

async fn joining_with_a_revoked_access_token_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    let (uid, _) = s.app.user("bob").await;
    let token =
        recorded(&s.app, TokenKind::Access, TokenGrant::Access { user: UserId::parse(&uid).unwrap() }, None, true)
            .await;
    assert_invalid_access_token(&join_with_access(&s.app, &token, &s.invite).await);
}

async fn joining_with_the_access_token_of_a_deleted_user_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    let token = recorded(&s.app, TokenKind::Access, TokenGrant::Access { user: UserId::generate() }, None, false).await;
    assert_invalid_access_token(&join_with_access(&s.app, &token, &s.invite).await);
}

async fn an_invite_token_is_not_an_access_token(backend: Backend) {
    let s = scene(backend).await;
    let other = s.app.invite(&s.owner, &s.gid).await;
    assert_invalid_access_token(&join_with_access(&s.app, &other, &s.invite).await);
}

async fn an_access_token_is_accepted_in_each_of_the_three_headers(backend: Backend) {
    let s = scene(backend).await;
    for (i, header) in ["X-Auth-Token", "Authorization", "Macaroon"].into_iter().enumerate() {
        a_new_user_joins(&s, i, header, |request, access, invite| {
            let value = if header == "Authorization" { format!("Bearer {access}") } else { access.to_owned() };
            request.credential(header, &value).secret(access).json(&json!({ "token": invite }))
        })
        .await;
    }
}

/// A new user (`user{i}`) joins `s`'s group with a fresh invite, in a request that `shape` makes
/// from the bare request, the access token and the invite: 201, and a member after.
async fn a_new_user_joins(s: &Scene, i: usize, what: &str, shape: impl for<'a> FnOnce(Req<'a>, &str, &str) -> Req<'a>) {
    let (uid, access) = s.app.user(&format!("user{i}")).await;
    let invite = s.app.invite(&s.owner, &s.gid).await;
    let reply = shape(s.app.request(Method::POST, JOIN), &access, &invite).send().await;
    assert_eq!(reply.status, StatusCode::CREATED, "{what}: {}", reply.text());
    assert!(s.app.members(&s.gid).await.contains(&uid), "{what}");
}

// --- row 3: Content-Type ------------------------------------------------------------------------

async fn joining_with_a_wrong_content_type_or_charset_is_unsupported_media_type(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    let body = serde_json::to_vec(&json!({ "token": s.invite })).unwrap();
    for content_type in
        ["text/plain", "application/x-www-form-urlencoded", "application/jsonx", "application/json; charset=iso-8859-1"]
    {
        let content_type = Some(content_type);
        let reply = s
            .app
            .request(Method::POST, JOIN)
            .auth(&access)
            .secret(&s.invite)
            .raw(body.clone(), content_type)
            .send()
            .await;
        assert_error(&reply, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    }
    // Two media types, JSON first: which one a proxy in front read is anyone's guess.
    let two = s.app.request(Method::POST, JOIN).auth(&access).secret(&s.invite).raw(body, Some("application/json"));
    let reply = two.header("content-type", "text/plain").send().await;
    assert_error(&reply, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    // None of those cost the token its use.
    s.app.join_ok(&access, &s.invite).await;
}

async fn joining_with_json_and_a_charset_parameter_is_accepted(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    let body = serde_json::to_vec(&json!({ "token": s.invite })).unwrap();
    let reply = s
        .app
        .request(Method::POST, JOIN)
        .auth(&access)
        .secret(&s.invite)
        .raw(body, Some("application/json; charset=utf-8"))
        .send()
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
}

// --- row 4: body size ---------------------------------------------------------------------------

/// `{"token":"aaaa…"}` of exactly `len` bytes.
fn body_of_len(len: usize) -> Vec<u8> {
    let overhead = r#"{"token":""}"#.len();
    let body = format!(r#"{{"token":"{}"}}"#, "a".repeat(len - overhead));
    assert_eq!(body.len(), len);
    body.into_bytes()
}

async fn joining_with_a_body_over_64_kib_is_payload_too_large(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    for len in [64 * 1024 + 1, 1024 * 1024] {
        let reply = join_raw(&s.app, &access, body_of_len(len), Some("application/json")).await;
        assert_error(&reply, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    }
    // Exactly 64 KiB is read (and its token, longer than the spec's 4,096 characters, is then
    // refused by the body's schema, not as a body).
    let reply = join_raw(&s.app, &access, body_of_len(64 * 1024), Some("application/json")).await;
    assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
}

async fn joining_with_a_chunked_body_over_64_kib_is_payload_too_large(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    let head = |access: &str| {
        format!(
            "POST {API_ROOT}{JOIN} HTTP/1.1\r\nHost: {}\r\nX-Auth-Token: {access}\r\nContent-Type: application/json\r\n\
             Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
            s.app.addr
        )
    };
    // 72 KiB in 8 KiB chunks, no Content-Length.
    let big = body_of_len(72 * 1024);
    let chunks: Vec<Vec<u8>> = big.chunks(8 * 1024).map(<[u8]>::to_vec).collect();
    let reply = s.app.raw_chunked(head(&access), chunks, std::slice::from_ref(&access)).await;
    assert_error(&reply, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");

    // A small chunked body is read normally.
    let small = serde_json::to_vec(&json!({ "token": s.invite })).unwrap();
    let chunks: Vec<Vec<u8>> = small.chunks(10).map(<[u8]>::to_vec).collect();
    let reply = s.app.raw_chunked(head(&access), chunks, &[access.clone(), s.invite.clone()]).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
}

// --- row 5: the body's shape --------------------------------------------------------------------

async fn joining_with_a_body_that_is_not_an_object_with_one_string_token_is_invalid_request(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    let invite = &s.invite;
    let bodies = [
        "not json".to_owned(),
        format!(r#"{{"token": "{invite}""#),
        "[]".to_owned(),
        format!(r#"["{invite}"]"#),
        format!(r#""{invite}""#),
        "null".to_owned(),
        "42".to_owned(),
        "{}".to_owned(),
        r#"{"token": 1}"#.to_owned(),
        r#"{"token": null}"#.to_owned(),
        format!(r#"{{"token": ["{invite}"]}}"#),
        format!(r#"{{"token": {{"value": "{invite}"}}}}"#),
        format!(r#"{{"token": "{invite}", "extra": true}}"#),
        format!(r#"{{"Token": "{invite}"}}"#),
        // A member named twice, even with one value: which one counts is each parser's guess.
        format!(r#"{{"token": "{invite}", "token": "{invite}"}}"#),
        format!(r#"{{"token": "not-an-invite", "token": "{invite}"}}"#),
        String::new(),
    ];
    for body in bodies {
        let reply = s
            .app
            .request(Method::POST, JOIN)
            .auth(&access)
            .secret(invite)
            .raw(body.clone(), Some("application/json"))
            .send()
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "body {body:?}: {}", reply.text());
        assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
    }
    let twice = format!(r#"{{"token": "{invite}", "token": "{invite}"}}"#);
    let reply = s.app.request(Method::POST, JOIN).auth(&access).secret(invite).raw(twice, None).send().await;
    let description = reply.json()["error_description"].as_str().unwrap_or_default().to_owned();
    assert!(description.starts_with("The request body names member 'token' more than once"), "{description}");
    // The token survived all of it.
    s.app.join_ok(&access, invite).await;
}

// --- row 6: the invite token cannot be validated ------------------------------------------------

#[track_caller]
fn assert_invalid_invite(reply: &Reply, what: &str) {
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{what}: {}", reply.text());
    assert_error(reply, StatusCode::BAD_REQUEST, "invalid_token");
    assert!(reply.header("www-authenticate").is_none(), "{what}: a bad invite is no authentication failure");
}

async fn joining_with_a_garbage_invite_token_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    for garbage in ["garbage", "", "   ", "not a token at all!", "MDAxNWxvY2F0aW9uIG9uZXpvbmUK", "00000000"] {
        assert_invalid_invite(&s.app.join(&access, garbage).await, garbage);
    }
}

async fn joining_with_the_seed_example_token_is_invalid_token_not_500(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    assert_invalid_invite(&s.app.join(&access, SEED_TOKEN).await, "seed token");
}

async fn joining_with_an_access_token_as_invite_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    let (uid, access) = s.app.user("bob").await;
    assert_invalid_invite(&s.app.join(&access, &access).await, "own access token");
    assert_invalid_invite(&s.app.join(&access, &s.owner).await, "someone else's access token");
    assert!(!s.app.members(&s.gid).await.contains(&uid), "a refused join admits nobody");
}

async fn joining_with_an_invite_with_a_bad_signature_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    let (uid, access) = s.app.user("bob").await;
    assert_invalid_invite(&s.app.join(&access, &flip_signature(&s.invite)).await, "flipped signature");
    let attenuated = attenuate(&s.invite, "time < 1000000000");
    let widened = tamper(&attenuated, "time < 1000000000", "time < 9000000000");
    assert_invalid_invite(&s.app.join(&access, &widened).await, "tampered caveat");
    let relabelled = tamper(&s.invite, "group_invite_user_token", "group_invite_user_tokeN");
    assert_invalid_invite(&s.app.join(&access, &relabelled).await, "tampered token type");
    let other = TokenCodec::new(b"another master key, 32 bytes or more".to_vec(), "onezone");
    assert_invalid_invite(&s.app.join(&access, &other.mint(TokenKind::GroupInviteUser).token).await, "other key");
    // The failures cost the genuine invite nothing.
    s.app.join_ok(&access, &s.invite).await;
    assert!(s.app.members(&s.gid).await.contains(&uid));
}

async fn joining_with_an_invite_of_unknown_identifier_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    let unknown = s.app.codec.mint(TokenKind::GroupInviteUser).token;
    assert_invalid_invite(&s.app.join(&access, &unknown).await, "unknown identifier");
}

async fn joining_with_an_invite_carrying_an_unknown_caveat_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    for caveat in
        // `ip = <address>` is understood since issue 13 (an address not in it is refused as
        // such); an entry that is not an address still makes the caveat unknown.
        [
            "colour = blue",
            "ip = localhost",
            "asn = 3320",
            "time < soon",
            "consumer = usr-",
            "tokenType = group_invite_group_token",
        ]
    {
        assert_invalid_invite(&s.app.join(&access, &attenuate(&s.invite, caveat)).await, caveat);
    }
    s.app.join_ok(&access, &s.invite).await;
}

async fn joining_with_an_expired_invite_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    let limited = attenuate(&s.invite, &format!("time < {}", TEST_NOW + 60));
    s.app.clock.set(TEST_NOW + 60);
    assert_invalid_invite(&s.app.join(&access, &limited).await, "at its deadline");
    assert_invalid_invite(&s.app.join(&access, &attenuate(&s.invite, "time < 1496140144")).await, "2017");
    // The refusals cost the invite nothing: a second before its deadline, it admits Bob.
    s.app.clock.set(TEST_NOW + 59);
    s.app.join_ok(&access, &limited).await;
}

async fn joining_with_a_used_single_use_invite_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    let (_, first) = s.app.user("first").await;
    let (second_id, second) = s.app.user("second").await;
    s.app.join_ok(&first, &s.invite).await;
    assert_invalid_invite(&s.app.join(&second, &s.invite).await, "used token");
    // Its attenuated forms are the same token: used as well.
    assert_invalid_invite(
        &s.app.join(&second, &attenuate(&s.invite, &format!("time < {}", TEST_NOW + 60))).await,
        "used, attenuated",
    );
    assert!(!s.app.members(&s.gid).await.contains(&second_id));
    assert_eq!(s.app.members(&s.gid).await.len(), 2);
}

async fn joining_with_a_revoked_invite_is_invalid_token(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    let token = recorded(
        &s.app,
        TokenKind::GroupInviteUser,
        TokenGrant::GroupInviteUser {
            group: GroupId::parse(&s.gid).unwrap(),
            privileges: PrivilegeSet::default_member(),
        },
        Some(1),
        true,
    )
    .await;
    assert_invalid_invite(&s.app.join(&access, &token).await, "revoked");
}

// --- row 7: the group is gone -------------------------------------------------------------------

async fn joining_a_group_deleted_after_the_invite_was_minted_is_not_found(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    let bound_elsewhere = attenuate(&s.invite, "consumer = usr-someone-else");
    let expired = attenuate(&s.invite, &format!("time < {TEST_NOW}"));
    s.app.delete(&format!("/groups/{}", s.gid), &s.owner).await.expect(StatusCode::NO_CONTENT);

    assert_error(&s.app.join(&access, &s.invite).await, StatusCode::NOT_FOUND, "not_found");
    // Row 7 comes before row 8 ...
    assert_error(&s.app.join(&access, &bound_elsewhere).await, StatusCode::NOT_FOUND, "not_found");
    // ... and after row 6.
    assert_invalid_invite(&s.app.join(&access, &expired).await, "expired invite of a deleted group");
    assert!(s.app.groups_of(&access).await.is_empty());
}

// --- row 8: the invite is bound to another user -------------------------------------------------

async fn joining_with_a_token_bound_to_another_user_is_forbidden(backend: Backend) {
    let s = scene(backend).await;
    let (alice_id, alice) = s.app.user("alice").await;
    let (bob_id, bob) = s.app.user("bob").await;
    let for_alice = attenuate(&s.invite, &format!("consumer = usr-{alice_id}"));

    assert_error(&s.app.join(&bob, &for_alice).await, StatusCode::FORBIDDEN, "forbidden");
    // Row 6 comes first: an expired token bound to someone else is invalid, not forbidden.
    let expired = attenuate(&for_alice, &format!("time < {TEST_NOW}"));
    assert_invalid_invite(&s.app.join(&bob, &expired).await, "expired and bound elsewhere");
    assert!(!s.app.members(&s.gid).await.contains(&bob_id));

    // The user it is bound to joins with it.
    let reply = s.app.join(&alice, &for_alice).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    assert!(s.app.members(&s.gid).await.contains(&alice_id));
}

async fn a_token_bound_to_another_user_is_forbidden_even_to_a_member(backend: Backend) {
    // Row 8 comes before row 9: the owner (already a member) gets 403, not 409.
    let s = scene(backend).await;
    let for_someone = attenuate(&s.invite, "consumer = usr-someone-else");
    assert_error(&s.app.join(&s.owner, &for_someone).await, StatusCode::FORBIDDEN, "forbidden");
}

// --- row 9: already a member --------------------------------------------------------------------

async fn joining_a_group_one_already_belongs_to_is_a_conflict_that_costs_no_use(backend: Backend) {
    let s = scene(backend).await;
    let (bob_id, bob) = s.app.user("bob").await;
    let (carol_id, carol) = s.app.user("carol").await;
    let second = s.app.invite(&s.owner, &s.gid).await;

    s.app.join_ok(&bob, &s.invite).await;
    assert_error(&s.app.join(&bob, &second).await, StatusCode::CONFLICT, "relation_already_exists");
    // The creator is a member too.
    assert_error(&s.app.join(&s.owner, &second).await, StatusCode::CONFLICT, "relation_already_exists");

    // The 409s did not consume the second token.
    s.app.join_ok(&carol, &second).await;
    let members = s.app.members(&s.gid).await;
    assert_eq!(members.len(), 3);
    assert!(members.contains(&bob_id) && members.contains(&carol_id));
}

// --- row 10: success ----------------------------------------------------------------------------

async fn joining_with_a_valid_invite_adds_a_member_with_view_privilege_only(backend: Backend) {
    let s = scene(backend).await;
    let (bob_id, bob) = s.app.user("bob").await;
    let reply = s.app.join(&bob, &s.invite).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    assert!(reply.body.is_empty(), "a 201 has no body: {}", reply.text());
    assert_eq!(reply.header("location"), Some(format!("{API_ROOT}/user/groups/{}", s.gid)));

    assert_eq!(s.app.privileges(&s.gid, &bob_id).await, vec!["group_view_data"]);
    // The member may look at its own privileges too.
    let own = s.app.get(&format!("/groups/{}/users/{bob_id}/privileges", s.gid), &bob).await.expect(StatusCode::OK);
    assert_eq!(own.json(), json!({ "privileges": ["group_view_data"] }));

    let members = s.app.members(&s.gid).await;
    assert_eq!(members.len(), 2);
    assert!(members.contains(&bob_id));
    assert_eq!(s.app.groups_of(&bob).await, vec![s.gid.clone()]);
    let group = s.app.get(&format!("/user/groups/{}", s.gid), &bob).await.expect(StatusCode::OK);
    assert_eq!(group.json(), json!({ "groupId": s.gid, "name": "Research team", "type": "role" }));
}

// --- accepted token forms -----------------------------------------------------------------------

async fn an_invite_is_accepted_escaped_plain_and_padded(backend: Backend) {
    let s = scene(backend).await;
    type Form = fn(&str) -> String;
    let forms: [(&str, Form); 3] = [
        ("escaped, as minted", |t| t.to_owned()),
        ("plain base64url", |t| unescape(t)),
        ("padded base64url", |t| padded_base64url(t)),
    ];
    for (i, (what, form)) in forms.into_iter().enumerate() {
        a_new_user_joins(&s, i, what, |request, access, invite| {
            request.auth(access).secret(invite).json(&json!({ "token": form(invite) }))
        })
        .await;
    }
}

async fn an_invite_attenuated_with_a_future_deadline_is_accepted(backend: Backend) {
    let s = scene(backend).await;
    let (uid, access) = s.app.user("bob").await;
    let limited =
        attenuate(&attenuate(&s.invite, &format!("time < {}", TEST_NOW + 1)), &format!("consumer = usr-{uid}"));
    assert_eq!(identifier(&limited), identifier(&s.invite));
    s.app.join_ok(&access, &limited).await;
    // It was the same token: used now in every form.
    let (_, carol) = s.app.user("carol").await;
    assert_invalid_invite(&s.app.join(&carol, &s.invite).await, "the original after its attenuated form was used");
}

// --- the order of the table ---------------------------------------------------------------------

async fn the_checks_are_made_in_the_order_of_the_table(backend: Backend) {
    let s = scene(backend).await;
    let (_, access) = s.app.user("bob").await;
    let huge = body_of_len(70 * 1024);
    // 1 before 3, 4, 5.
    let reply = s.app.request(Method::POST, JOIN).raw(huge.clone(), Some("text/plain")).send().await;
    assert_error(&reply, StatusCode::UNAUTHORIZED, "unauthorized");
    // 2 before 3.
    let reply = s.app.request(Method::POST, JOIN).auth("garbage-token").raw("x", Some("text/plain")).send().await;
    assert_invalid_access_token(&reply);
    // 3 before 4.
    let reply = s.app.request(Method::POST, JOIN).auth(&access).raw(huge, Some("text/plain")).send().await;
    assert_error(&reply, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
    // 4 before 5.
    let reply = join_raw(&s.app, &access, vec![b'x'; 70 * 1024], Some("application/json")).await;
    assert_error(&reply, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
    // 5 before 6.
    let reply = join_raw(&s.app, &access, r#"{"token": "x", "y": 1}"#, Some("application/json")).await;
    assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
}

// Decided before the store is asked: once, on the memory store.
edge_only!(
    joining_without_credentials_is_unauthorized,
    joining_with_a_malformed_access_token_is_invalid_token_in_every_header,
    an_empty_credential_header_is_an_invalid_token_not_a_missing_one,
    joining_with_an_access_token_minted_under_another_master_key_is_invalid_token,
    joining_with_a_tampered_access_token_is_invalid_token,
    joining_with_an_expired_access_token_is_invalid_token,
    an_invite_token_is_not_an_access_token,
    an_access_token_is_accepted_in_each_of_the_three_headers,
    joining_with_a_wrong_content_type_or_charset_is_unsupported_media_type,
    joining_with_json_and_a_charset_parameter_is_accepted,
    joining_with_a_body_over_64_kib_is_payload_too_large,
    joining_with_a_chunked_body_over_64_kib_is_payload_too_large,
    joining_with_a_body_that_is_not_an_object_with_one_string_token_is_invalid_request,
    joining_with_a_garbage_invite_token_is_invalid_token,
    joining_with_the_seed_example_token_is_invalid_token_not_500,
    joining_with_an_access_token_as_invite_is_invalid_token,
    joining_with_an_invite_with_a_bad_signature_is_invalid_token,
    joining_with_an_invite_carrying_an_unknown_caveat_is_invalid_token,
    joining_with_an_expired_invite_is_invalid_token,
    an_invite_is_accepted_escaped_plain_and_padded,
    the_checks_are_made_in_the_order_of_the_table,
);

// Decided by (or after asking) the store: on every backend.
all_backends!(
    joining_with_an_access_token_of_unknown_identifier_is_invalid_token,
    joining_with_a_revoked_access_token_is_invalid_token,
    joining_with_the_access_token_of_a_deleted_user_is_invalid_token,
    joining_with_an_invite_of_unknown_identifier_is_invalid_token,
    joining_with_a_used_single_use_invite_is_invalid_token,
    joining_with_a_revoked_invite_is_invalid_token,
    joining_a_group_deleted_after_the_invite_was_minted_is_not_found,
    joining_with_a_token_bound_to_another_user_is_forbidden,
    a_token_bound_to_another_user_is_forbidden_even_to_a_member,
    joining_a_group_one_already_belongs_to_is_a_conflict_that_costs_no_use,
    joining_with_a_valid_invite_adds_a_member_with_view_privilege_only,
    an_invite_attenuated_with_a_future_deadline_is_accepted,
);

// --- the 500 row --------------------------------------------------------------------------------

const SECRET_DETAIL: &str = "secret detail: /var/lib/oz/db.sqlite password=hunter2";

/// A server whose store fails as `mode` says, Bob, the admin's group and an invite to it.
async fn broken_store_scene(backend: Backend, mode: Mode) -> (TestApp, String, String, String, String) {
    let app = spawn_app_with(backend, |store| ProbeStore::wrap(store, mode)).await;
    let (bob_id, bob) = app.user("bob").await;
    let gid = app.create_group(&app.admin_token, "Research team").await;
    let invite = app.invite(&app.admin_token, &gid).await;
    (app, bob_id, bob, gid, invite)
}

async fn a_store_failure_during_a_join_is_an_internal_error_that_leaks_nothing(backend: Backend) {
    let (app, bob_id, bob, gid, invite) = broken_store_scene(backend, Mode::Fail { detail: SECRET_DETAIL }).await;

    let reply = app.join(&bob, &invite).await;
    let body = assert_error(&reply, StatusCode::INTERNAL_SERVER_ERROR, "internal_error");
    let text = reply.text();
    for leak in ["secret", "hunter2", "/var/lib", "password", "sqlite", &identifier(&invite), &gid] {
        assert!(!text.contains(leak), "the 500 body leaks {leak:?}: {body}");
    }
    assert!(!app.members(&gid).await.contains(&bob_id));

    // Any other operation that hits the failure: the same.
    let reply = app.get("/user/groups", &bob).await;
    assert_error(&reply, StatusCode::INTERNAL_SERVER_ERROR, "internal_error");
    assert!(!reply.text().contains("hunter2"));
}

async fn an_unreachable_database_is_a_503_with_retry_after_that_changes_nothing(backend: Backend) {
    let (app, bob_id, bob, gid, invite) = broken_store_scene(backend, Mode::Down { detail: SECRET_DETAIL }).await;

    let reply = app.join(&bob, &invite).await;
    let body = assert_error(&reply, StatusCode::SERVICE_UNAVAILABLE, "service_unavailable");
    assert_eq!(reply.header("retry-after").as_deref(), Some("2"), "{body}");
    assert!(!reply.text().contains("hunter2"), "the 503 body leaks the detail: {body}");
    assert!(!app.members(&gid).await.contains(&bob_id));
    assert_error(&app.get("/user/groups", &bob).await, StatusCode::SERVICE_UNAVAILABLE, "service_unavailable");
}

all_backends!(
    a_store_failure_during_a_join_is_an_internal_error_that_leaks_nothing,
    an_unreachable_database_is_a_503_with_retry_after_that_changes_nothing
);
