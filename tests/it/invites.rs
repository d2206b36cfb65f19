//! Named invite tokens and join records (issue 13, contract §8), over real HTTP on every store:
//! creating, reading, renaming, revoking and deleting named tokens and who may; the order of
//! checks at use, one test per step, for the join and the nested join; the `ip`, `time` and
//! `consumer` caveats; usage limits under races (one instance, and three instances on one
//! database) and a revocation during a race; join records, membership origins and a group's
//! live invites; the idempotent retry; and that the database holds nothing a token could be
//! rebuilt from.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use futures::future::join_all;
use oz_groups::http::limits::Limits;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::support::tokens::{attenuate, identifier};
use crate::support::{assert_error, sorted, spawn_app, spawn_limited, Backend, Reply, TestApp, API_ROOT, TEST_NOW};
use crate::{all_backends, edge_only};

const NAMED: &str = "/user/tokens/named";
const JOIN: &str = "/user/groups/join";
/// A group id nobody has (ids are 32 hex digits).
const NO_SUCH_GROUP: &str = "ffffffffffffffffffffffffffffffff";

// --- the API of named tokens, one call at a time -----------------------------------------------

/// The body of a named-token creation: an invite of `kind` (`userJoinGroup`, `groupJoinGroup`)
/// to `gid` called `name`, with the members of `extra` (`usageLimit`, `caveats`, ...) added.
fn invite_body(name: &str, kind: &str, gid: &str, extra: Value) -> Value {
    let mut body = json!({ "name": name, "type": { "inviteToken": { "inviteType": kind, "groupId": gid } } });
    for (key, value) in extra.as_object().expect("extra members in an object") {
        body[key] = value.clone();
    }
    body
}

/// `POST /user/tokens/named` as `token`.
async fn create(app: &TestApp, token: &str, body: &Value) -> Reply {
    app.post_json(NAMED, token, body).await
}

/// A named token that `token`'s user creates, insisting on 201 and its shape: `(id, token)`.
async fn named(app: &TestApp, token: &str, name: &str, kind: &str, gid: &str, extra: Value) -> (String, String) {
    let reply = create(app, token, &invite_body(name, kind, gid, extra)).await.expect(StatusCode::CREATED);
    let body = reply.json();
    let id = body["tokenId"].as_str().expect("a tokenId").to_owned();
    let serialized = body["token"].as_str().expect("a serialized token").to_owned();
    assert_eq!(identifier(&serialized), id, "the token id is the macaroon's identifier");
    assert_eq!(reply.header("location"), Some(format!("{API_ROOT}/tokens/named/{id}")));
    (id, serialized)
}

/// A named user invite to `gid` (`userJoinGroup`).
async fn user_invite(app: &TestApp, token: &str, gid: &str, name: &str, extra: Value) -> (String, String) {
    named(app, token, name, "userJoinGroup", gid, extra).await
}

/// A named group invite to `gid` (`groupJoinGroup`).
async fn group_invite(app: &TestApp, token: &str, gid: &str, name: &str, extra: Value) -> (String, String) {
    named(app, token, name, "groupJoinGroup", gid, extra).await
}

/// `GET /tokens/named/{id}` as its owner: the `NamedToken`.
async fn info(app: &TestApp, owner: &str, id: &str) -> Value {
    app.get(&format!("/tokens/named/{id}"), owner).await.expect(StatusCode::OK).json()
}

/// The token's `metadata.usageCount`.
async fn usage_count(app: &TestApp, owner: &str, id: &str) -> u64 {
    info(app, owner, id).await["metadata"]["usageCount"].as_u64().expect("a usageCount")
}

/// `PATCH /tokens/named/{id}` as `token`.
async fn patch(app: &TestApp, token: &str, id: &str, body: Value) -> Reply {
    app.patch_json(&format!("/tokens/named/{id}"), token, &body).await
}

/// Revokes (or un-revokes) a named token as its owner, insisting on 204.
async fn set_revoked(app: &TestApp, owner: &str, id: &str, revoked: bool) {
    patch(app, owner, id, json!({ "revoked": revoked })).await.expect(StatusCode::NO_CONTENT);
}

/// `POST /groups/{child}/nested/join` with `invite`, as `token`.
async fn nested_join(app: &TestApp, token: &str, child: &str, invite: &str) -> Reply {
    app.post_json(&format!("/groups/{child}/nested/join"), token, &json!({ "token": invite })).await
}

/// Sets `uid`'s privileges in `gid` as `manager`, insisting on 204.
async fn set_privileges(app: &TestApp, manager: &str, gid: &str, uid: &str, privileges: &[&str]) {
    let path = format!("/groups/{gid}/users/{uid}/privileges");
    app.put_json(&path, manager, &json!({ "privileges": privileges })).await.expect(StatusCode::NO_CONTENT);
}

/// The ids of the users (or groups) who joined with token `id`, in order, as `token` reads them.
async fn joiners(app: &TestApp, token: &str, id: &str) -> Vec<String> {
    let body = app.get(&format!("/tokens/named/{id}/joins"), token).await.expect(StatusCode::OK).json();
    join_records(&body).iter().map(joiner).collect()
}

/// The records of a `GET /tokens/named/{id}/joins` body.
fn join_records(body: &Value) -> Vec<Value> {
    body["joins"].as_array().unwrap_or_else(|| panic!("a joins array: {body}")).clone()
}

/// Who a join record says joined: a user id or a group id.
fn joiner(record: &Value) -> String {
    let joiner = &record["joiner"];
    assert!(matches!(joiner["type"].as_str(), Some("user" | "group")), "a joiner is a user or a group: {record}");
    joiner["id"].as_str().unwrap_or_else(|| panic!("a join record names who joined: {record}")).to_owned()
}

/// `GET /groups/{gid}/users/{uid}/origin` as `token`.
async fn origin(app: &TestApp, token: &str, gid: &str, uid: &str) -> Value {
    app.get(&format!("/groups/{gid}/users/{uid}/origin"), token).await.expect(StatusCode::OK).json()
}

/// The ids of `GET /groups/{gid}/invites` as `token`, checking that no entry carries a token
/// and that the reply holds none of the serialized `tokens`.
async fn live_invites(app: &TestApp, token: &str, gid: &str, tokens: &[&str]) -> Vec<String> {
    let mut request = app.request(Method::GET, &format!("/groups/{gid}/invites")).auth(token);
    for serialized in tokens {
        request = request.secret(serialized);
    }
    let body = request.send().await.expect(StatusCode::OK).json();
    let entries = body["invites"].as_array().unwrap_or_else(|| panic!("an invites array: {body}")).clone();
    entries
        .iter()
        .map(|entry| {
            assert!(entry.get("token").is_none(), "an invite listed with its serialized token: {entry}");
            entry["id"].as_str().unwrap_or_else(|| panic!("an invite with an id: {entry}")).to_owned()
        })
        .collect()
}

/// The `Location` of a 201 join into `gid`.
fn joined_location(gid: &str) -> Option<String> {
    Some(format!("{API_ROOT}/user/groups/{gid}"))
}

// --- the reasons a 400 names -------------------------------------------------------------------

/// Why an invite was refused with 400, as `error_description` must say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Why {
    Unknown,
    Revoked,
    UsedUp,
    Expired,
    Address,
    Issuer,
}

impl Why {
    /// Words of which the description must contain one (lower case).
    fn words(self) -> &'static [&'static str] {
        match self {
            Why::Unknown => &["unknown", "known", "no such", "does not exist", "not found"],
            Why::Revoked => &["revoked"],
            Why::UsedUp => &["usage limit", "used up", "no use left", "already been used", "already used"],
            Why::Expired => &["expired"],
            Why::Address => &["address", " ip"],
            Why::Issuer => &["issuer", "issued", "inviter"],
        }
    }
}

/// A 400 `invalid_token` whose description names `why` and none of the other reasons that
/// `instead` lists (the ones an out-of-order check would have named).
#[track_caller]
fn assert_refused(reply: &Reply, why: Why, instead: &[Why]) {
    let body = assert_error(reply, StatusCode::BAD_REQUEST, "invalid_token");
    let description = body["error_description"].as_str().unwrap().to_lowercase();
    assert!(
        why.words().iter().any(|w| description.contains(w)),
        "the description must say the token is refused because {why:?}: {description:?}"
    );
    for other in instead {
        assert!(
            !other.words().iter().any(|w| description.contains(w)),
            "{why:?} comes before {other:?} (§8), so the description must not name it: {description:?}"
        );
    }
}

/// The description of a refusal (any 4xx with an error body).
fn description(reply: &Reply) -> String {
    reply.json()["error_description"].as_str().expect("an error_description").to_owned()
}

// --- a scene -----------------------------------------------------------------------------------

/// A group owned by `owner` with an `inviter` who holds `group_view_data` and
/// `group_invite_user` (and `group_invite_group`) but is no manager, so that the owner can take
/// the inviter's rights away or remove it, and a `joiner` outside the group.
struct Scene {
    app: TestApp,
    owner: String,
    owner_id: String,
    inviter: String,
    inviter_id: String,
    joiner: String,
    joiner_id: String,
    gid: String,
}

async fn scene(backend: Backend) -> Scene {
    let app = spawn_app(backend).await;
    let (owner_id, owner) = app.user("owner").await;
    let (inviter_id, inviter) = app.user("inviter").await;
    let (joiner_id, joiner) = app.user("joiner").await;
    let gid = app.create_group(&owner, "Research team").await;
    let way_in = app.invite(&owner, &gid).await;
    app.join_ok(&inviter, &way_in).await;
    set_privileges(&app, &owner, &gid, &inviter_id, &["group_view_data", "group_invite_user", "group_invite_group"])
        .await;
    Scene { app, owner, owner_id, inviter, inviter_id, joiner, joiner_id, gid }
}

impl Scene {
    /// A named user invite to the scene's group, created by the inviter.
    async fn invite(&self, name: &str, extra: Value) -> (String, String) {
        user_invite(&self.app, &self.inviter, &self.gid, name, extra).await
    }

    async fn members(&self) -> Vec<String> {
        sorted(&self.app.members(&self.gid).await)
    }
}

// --- creating: who may, and what is refused -----------------------------------------------------

async fn a_named_invite_is_created_with_its_id_token_and_metadata(backend: Backend) {
    let s = scene(backend).await;
    let extra = json!({
        "usageLimit": 5,
        "caveats": [{ "type": "time", "validUntil": TEST_NOW + 3600 }],
        "customMetadata": { "purpose": "workshop", "seats": 5 },
    });
    let (id, token) = s.invite("Workshop", extra).await;
    let got = info(&s.app, &s.inviter, &id).await;
    assert_eq!(got["id"], id);
    assert_eq!(got["name"], "Workshop");
    assert_eq!(got["subject"], json!({ "type": "user", "id": s.inviter_id }));
    assert_eq!(got["type"], json!({ "inviteToken": { "inviteType": "userJoinGroup", "groupId": s.gid } }));
    assert_eq!(got["caveats"], json!([{ "type": "time", "validUntil": TEST_NOW + 3600 }]));
    assert_eq!(got["revoked"], false);
    let metadata = &got["metadata"];
    assert_eq!(metadata["creationTime"], TEST_NOW);
    assert_eq!(metadata["usageLimit"], 5);
    assert_eq!(metadata["usageCount"], 0);
    assert_eq!(metadata["privileges"], json!(["group_view_data"]), "the default member privileges");
    assert_eq!(metadata["custom"], json!({ "purpose": "workshop", "seats": 5 }));
    // GET re-derives the very token the creation returned.
    assert_eq!(got["token"].as_str(), Some(token.as_str()));

    // Without a usage limit a named invite has none (Onezone 20.02), and starts unrevoked
    // unless asked otherwise.
    let (open, _) = s.invite("Open door", json!({})).await;
    assert_eq!(info(&s.app, &s.inviter, &open).await["metadata"]["usageLimit"], "infinity");
    let (closed, closed_token) = s.invite("Closed", json!({ "revoked": true, "usageLimit": "infinity" })).await;
    assert_eq!(info(&s.app, &s.inviter, &closed).await["revoked"], true);
    assert_refused(&s.app.join(&s.joiner, &closed_token).await, Why::Revoked, &[]);
}

async fn creating_an_invite_needs_the_invite_privilege_in_the_group_and_strangers_see_no_group(backend: Backend) {
    let s = scene(backend).await;
    let (_, stranger) = s.app.user("stranger").await;
    let (member_id, member) = s.app.user("member").await;
    s.app.join_ok(&member, &s.app.invite(&s.owner, &s.gid).await).await;

    // A stranger: the group is hidden (404), as is a group that does not exist.
    for (who, gid) in [(&stranger, s.gid.as_str()), (&s.owner, NO_SUCH_GROUP)] {
        for kind in ["userJoinGroup", "groupJoinGroup"] {
            let reply = create(&s.app, who, &invite_body("x", kind, gid, json!({}))).await;
            assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
        }
    }
    // A member without group_invite_user / group_invite_group: 403.
    for kind in ["userJoinGroup", "groupJoinGroup"] {
        let reply = create(&s.app, &member, &invite_body("x", kind, &s.gid, json!({}))).await;
        assert_error(&reply, StatusCode::FORBIDDEN, "forbidden");
    }
    // group_invite_user opens user invites only; group_invite_group group invites only.
    set_privileges(&s.app, &s.owner, &s.gid, &member_id, &["group_view_data", "group_invite_user"]).await;
    user_invite(&s.app, &member, &s.gid, "users", json!({})).await;
    let reply = create(&s.app, &member, &invite_body("groups", "groupJoinGroup", &s.gid, json!({}))).await;
    assert_error(&reply, StatusCode::FORBIDDEN, "forbidden");
    set_privileges(&s.app, &s.owner, &s.gid, &member_id, &["group_view_data", "group_invite_group"]).await;
    group_invite(&s.app, &member, &s.gid, "groups", json!({})).await;
    let reply = create(&s.app, &member, &invite_body("users 2", "userJoinGroup", &s.gid, json!({}))).await;
    assert_error(&reply, StatusCode::FORBIDDEN, "forbidden");
    // Only the two allowed creations made anything.
    let made = s.app.get(NAMED, &member).await.expect(StatusCode::OK).json();
    assert_eq!(made["tokens"].as_array().map(Vec::len), Some(2), "{made}");
    assert_eq!(s.app.get(NAMED, &stranger).await.expect(StatusCode::OK).json(), json!({ "tokens": [] }));
}

async fn an_invite_carrying_more_than_the_default_privileges_needs_group_set_privileges(backend: Backend) {
    let s = scene(backend).await;
    let more = json!({ "privileges": ["group_view_data", "group_invite_user"] });
    // The inviter may invite but not set privileges.
    let reply = create(&s.app, &s.inviter, &invite_body("helpers", "userJoinGroup", &s.gid, more.clone())).await;
    assert_error(&reply, StatusCode::FORBIDDEN, "forbidden");
    // The default set is fine without it.
    s.invite("plain", json!({ "privileges": ["group_view_data"] })).await;
    // The owner holds every privilege: the member gets what the token carries.
    let (id, token) = user_invite(&s.app, &s.owner, &s.gid, "helpers", more).await;
    assert_eq!(
        info(&s.app, &s.owner, &id).await["metadata"]["privileges"],
        json!(["group_view_data", "group_invite_user"])
    );
    s.app.join_ok(&s.joiner, &token).await;
    assert_eq!(sorted(&s.app.privileges(&s.gid, &s.joiner_id).await), ["group_invite_user", "group_view_data"]);
}

async fn a_name_is_unique_per_owner(backend: Backend) {
    let s = scene(backend).await;
    let (mine, _) = s.invite("Spring intake", json!({})).await;
    let by_name = s.app.get(&format!("{NAMED}/name/Spring%20intake"), &s.inviter).await.expect(StatusCode::OK).json();
    assert_eq!(by_name["id"], mine);
    let reply = create(&s.app, &s.inviter, &invite_body("Spring intake", "userJoinGroup", &s.gid, json!({}))).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.text());
    // Another owner may use the same name.
    user_invite(&s.app, &s.owner, &s.gid, "Spring intake", json!({})).await;
    let mine = s.app.get(NAMED, &s.inviter).await.expect(StatusCode::OK).json();
    assert_eq!(mine["tokens"].as_array().map(Vec::len), Some(1));
}

async fn every_malformed_creation_is_a_400_and_creates_nothing(backend: Backend) {
    let s = scene(backend).await;
    let time = |v: Value| json!({ "caveats": [{ "type": "time", "validUntil": v }] });
    let ip = |list: Value| json!({ "caveats": [{ "type": "ip", "whitelist": list }] });
    let consumer = |list: Value| json!({ "caveats": [{ "type": "consumer", "whitelist": list }] });
    let cases: Vec<(&str, Value)> = vec![
        ("usageLimit 0", invite_body("a", "userJoinGroup", &s.gid, json!({ "usageLimit": 0 }))),
        ("usageLimit -1", invite_body("a", "userJoinGroup", &s.gid, json!({ "usageLimit": -1 }))),
        ("usageLimit \"lots\"", invite_body("a", "userJoinGroup", &s.gid, json!({ "usageLimit": "lots" }))),
        ("usageLimit 1.5", invite_body("a", "userJoinGroup", &s.gid, json!({ "usageLimit": 1.5 }))),
        (
            "an unknown caveat type",
            invite_body("a", "userJoinGroup", &s.gid, json!({ "caveats": [{ "type": "asn", "whitelist": [3320] }] })),
        ),
        (
            "a geo caveat",
            invite_body(
                "a",
                "userJoinGroup",
                &s.gid,
                json!({ "caveats": [{ "type": "geo.country", "filter": "whitelist", "list": ["PL"] }] }),
            ),
        ),
        ("a time caveat without a number", invite_body("a", "userJoinGroup", &s.gid, time(json!("tomorrow")))),
        ("a CIDR with a /33 mask", invite_body("a", "userJoinGroup", &s.gid, ip(json!(["10.0.0.0/33"])))),
        ("an address that is none", invite_body("a", "userJoinGroup", &s.gid, ip(json!(["not an address"])))),
        ("an octet over 255", invite_body("a", "userJoinGroup", &s.gid, ip(json!(["300.1.1.1/8"])))),
        ("an empty ip whitelist", invite_body("a", "userJoinGroup", &s.gid, ip(json!([])))),
        ("an empty consumer whitelist", invite_body("a", "userJoinGroup", &s.gid, consumer(json!([])))),
        ("a consumer that is no user or group", invite_body("a", "userJoinGroup", &s.gid, consumer(json!(["bob"])))),
        ("an unknown member", invite_body("a", "userJoinGroup", &s.gid, json!({ "colour": "blue" }))),
        ("an unknown privilege", invite_body("a", "userJoinGroup", &s.gid, json!({ "privileges": ["group_fly"] }))),
        ("an invite to a space", invite_body("a", "userJoinSpace", &s.gid, json!({}))),
        ("an empty name", invite_body("", "userJoinGroup", &s.gid, json!({}))),
        ("no name", json!({ "type": { "inviteToken": { "inviteType": "userJoinGroup", "groupId": s.gid } } })),
        ("customMetadata that is no object", invite_body("a", "userJoinGroup", &s.gid, json!({ "customMetadata": 7 }))),
        // Each whitelist is within its own bounds, but together they make a token longer than
        // the 4096 characters a join takes: refused rather than minted unusable.
        (
            "caveats too long for a join",
            invite_body(
                "a",
                "userJoinGroup",
                &s.gid,
                json!({ "caveats": [
            { "type": "consumer", "whitelist": (0..64).map(|i| format!("usr-{:032x}", i)).collect::<Vec<_>>() },
            { "type": "consumer", "whitelist": (64..128).map(|i| format!("usr-{:032x}", i)).collect::<Vec<_>>() },
        ] }),
            ),
        ),
    ];
    for (what, body) in cases {
        let reply = create(&s.app, &s.inviter, &body).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{what}: {}", reply.text());
        assert!(!description(&reply).is_empty());
    }
    let mine = s.app.get(NAMED, &s.inviter).await.expect(StatusCode::OK).json();
    assert_eq!(mine["tokens"], json!([]), "nothing was created");
}

// --- reading, renaming, revoking, deleting --------------------------------------------------------

async fn named_tokens_are_listed_read_and_changed_by_their_owner_only(backend: Backend) {
    let s = scene(backend).await;
    let (first, _) = s.invite("First", json!({})).await;
    let (second, _) = s.invite("Second", json!({ "customMetadata": { "v": 1 } })).await;
    let (theirs, _) = user_invite(&s.app, &s.owner, &s.gid, "First", json!({})).await;

    let listed = s.app.get(NAMED, &s.inviter).await.expect(StatusCode::OK).json();
    assert_eq!(listed, json!({ "tokens": [first, second] }), "the owner's tokens, in creation order");
    assert_eq!(s.app.get(NAMED, &s.owner).await.expect(StatusCode::OK).json(), json!({ "tokens": [theirs] }));

    // By name: each owner's own.
    let by_name = s.app.get(&format!("{NAMED}/name/First"), &s.inviter).await.expect(StatusCode::OK).json();
    assert_eq!(by_name["id"], first);
    let by_name = s.app.get(&format!("{NAMED}/name/First"), &s.owner).await.expect(StatusCode::OK).json();
    assert_eq!(by_name["id"], theirs);
    let reply = s.app.get(&format!("{NAMED}/name/Second"), &s.owner).await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found");

    // Somebody else's token is not there for anyone but its owner, even a manager of its group.
    for (method, body) in
        [(Method::GET, None), (Method::PATCH, Some(json!({ "name": "Mine" }))), (Method::DELETE, None)]
    {
        let mut request = s.app.request(method.clone(), &format!("/tokens/named/{first}")).auth(&s.owner);
        if let Some(body) = &body {
            request = request.json(body);
        }
        assert_error(&request.send().await, StatusCode::NOT_FOUND, "not_found");
    }

    // Rename: the new name finds it, the old one nothing; a taken name is 409 and changes nothing.
    patch(&s.app, &s.inviter, &first, json!({ "name": "Renamed" })).await.expect(StatusCode::NO_CONTENT);
    let by_name = s.app.get(&format!("{NAMED}/name/Renamed"), &s.inviter).await.expect(StatusCode::OK).json();
    assert_eq!(by_name["id"], first);
    assert_error(&s.app.get(&format!("{NAMED}/name/First"), &s.inviter).await, StatusCode::NOT_FOUND, "not_found");
    let reply = patch(&s.app, &s.inviter, &first, json!({ "name": "Second" })).await;
    assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.text());
    assert_eq!(info(&s.app, &s.inviter, &first).await["name"], "Renamed");

    // Custom metadata is replaced whole.
    patch(&s.app, &s.inviter, &second, json!({ "customMetadata": { "w": 2 } })).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(info(&s.app, &s.inviter, &second).await["metadata"]["custom"], json!({ "w": 2 }));
    // A patch may not change what the token grants.
    for body in [json!({ "usageLimit": 9 }), json!({ "privileges": ["group_view_data"] }), json!({ "name": "" })] {
        let reply = patch(&s.app, &s.inviter, &second, body.clone()).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{body}: {}", reply.text());
    }
    // An unknown id is 404 like somebody else's.
    let reply = s.app.get("/tokens/named/0123456789abcdef0123456789abcdef", &s.inviter).await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
}

async fn a_revoked_invite_admits_nobody_until_it_is_unrevoked(backend: Backend) {
    let s = scene(backend).await;
    let (id, token) = s.invite("On and off", json!({})).await;
    set_revoked(&s.app, &s.inviter, &id, true).await;
    assert_eq!(info(&s.app, &s.inviter, &id).await["revoked"], true);
    assert_refused(&s.app.join(&s.joiner, &token).await, Why::Revoked, &[]);
    assert!(!s.members().await.contains(&s.joiner_id));
    assert_eq!(usage_count(&s.app, &s.inviter, &id).await, 0);

    set_revoked(&s.app, &s.inviter, &id, false).await;
    s.app.join(&s.joiner, &token).await.expect(StatusCode::CREATED);
    assert_eq!(usage_count(&s.app, &s.inviter, &id).await, 1);
}

async fn a_deleted_invite_is_gone_and_deleting_all_leaves_other_owners_alone(backend: Backend) {
    let s = scene(backend).await;
    let (one, one_token) = s.invite("One", json!({})).await;
    let (two, two_token) = s.invite("Two", json!({})).await;
    let (theirs, theirs_token) = user_invite(&s.app, &s.owner, &s.gid, "Theirs", json!({})).await;

    s.app.delete(&format!("/tokens/named/{one}"), &s.inviter).await.expect(StatusCode::NO_CONTENT);
    assert_error(&s.app.get(&format!("/tokens/named/{one}"), &s.inviter).await, StatusCode::NOT_FOUND, "not_found");
    assert_error(&s.app.delete(&format!("/tokens/named/{one}"), &s.inviter).await, StatusCode::NOT_FOUND, "not_found");
    assert_refused(&s.app.join(&s.joiner, &one_token).await, Why::Unknown, &[]);
    assert_eq!(s.app.get(NAMED, &s.inviter).await.expect(StatusCode::OK).json(), json!({ "tokens": [two] }));

    s.app.delete(NAMED, &s.inviter).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(s.app.get(NAMED, &s.inviter).await.expect(StatusCode::OK).json(), json!({ "tokens": [] }));
    assert_refused(&s.app.join(&s.joiner, &two_token).await, Why::Unknown, &[]);
    // The owner's token survived the inviter's "delete all".
    assert_eq!(s.app.get(NAMED, &s.owner).await.expect(StatusCode::OK).json(), json!({ "tokens": [theirs] }));
    s.app.join(&s.joiner, &theirs_token).await.expect(StatusCode::CREATED);
}

// --- the order of checks at use (§8), one step at a time ---------------------------------------

async fn revoked_comes_before_a_used_up_limit(backend: Backend) {
    let s = scene(backend).await;
    let (id, token) = s.invite("Once", json!({ "usageLimit": 1 })).await;
    let (_, other) = s.app.user("other").await;
    s.app.join_ok(&other, &token).await;
    assert_refused(&s.app.join(&s.joiner, &token).await, Why::UsedUp, &[Why::Revoked]);
    set_revoked(&s.app, &s.inviter, &id, true).await;
    assert_refused(&s.app.join(&s.joiner, &token).await, Why::Revoked, &[Why::UsedUp]);
}

async fn a_used_up_limit_comes_before_expiry(backend: Backend) {
    let s = scene(backend).await;
    let (_, token) = s
        .invite("Once", json!({ "usageLimit": 1, "caveats": [{ "type": "time", "validUntil": TEST_NOW + 60 }] }))
        .await;
    let (_, other) = s.app.user("other").await;
    s.app.join_ok(&other, &token).await;
    s.app.clock.set(TEST_NOW + 60);
    assert_refused(&s.app.join(&s.joiner, &token).await, Why::UsedUp, &[Why::Expired]);
}

async fn a_revoked_and_expired_invite_says_revoked(backend: Backend) {
    let s = scene(backend).await;
    let (id, token) = s.invite("Both", json!({ "caveats": [{ "type": "time", "validUntil": TEST_NOW + 60 }] })).await;
    set_revoked(&s.app, &s.inviter, &id, true).await;
    s.app.clock.set(TEST_NOW + 61);
    assert_refused(&s.app.join(&s.joiner, &token).await, Why::Revoked, &[Why::Expired]);
}

async fn an_invite_expires_at_its_valid_until_second(backend: Backend) {
    let s = scene(backend).await;
    let (id, token) = s.invite("Minute", json!({ "caveats": [{ "type": "time", "validUntil": TEST_NOW + 60 }] })).await;
    let (_, early) = s.app.user("early").await;
    s.app.clock.set(TEST_NOW + 59);
    s.app.join_ok(&early, &token).await;
    s.app.clock.set(TEST_NOW + 60);
    assert_refused(&s.app.join(&s.joiner, &token).await, Why::Expired, &[]);
    assert_eq!(usage_count(&s.app, &s.inviter, &id).await, 1);
    // A holder's own, shorter deadline is honoured too (§5).
    s.app.clock.set(TEST_NOW);
    let (_, token) = s.invite("Hour", json!({ "caveats": [{ "type": "time", "validUntil": TEST_NOW + 3600 }] })).await;
    let shorter = attenuate(&token, &format!("time < {}", TEST_NOW + 10));
    s.app.clock.set(TEST_NOW + 10);
    assert_refused(&s.app.join(&s.joiner, &shorter).await, Why::Expired, &[]);
    s.app.join_ok(&s.joiner, &token).await;
}

async fn expiry_comes_before_a_deleted_group(backend: Backend) {
    let s = scene(backend).await;
    let (_, token) = s.invite("Minute", json!({ "caveats": [{ "type": "time", "validUntil": TEST_NOW + 60 }] })).await;
    s.app.delete(&format!("/groups/{}", s.gid), &s.owner).await.expect(StatusCode::NO_CONTENT);
    assert_error(&s.app.join(&s.joiner, &token).await, StatusCode::NOT_FOUND, "not_found");
    s.app.clock.set(TEST_NOW + 60);
    assert_refused(&s.app.join(&s.joiner, &token).await, Why::Expired, &[]);
}

async fn a_deleted_group_comes_before_the_issuer_check(backend: Backend) {
    let s = scene(backend).await;
    let (_, token) = s.invite("Gone", json!({})).await;
    // The group's deletion also ends the issuer's membership: the group decides, 404.
    s.app.delete(&format!("/groups/{}", s.gid), &s.owner).await.expect(StatusCode::NO_CONTENT);
    assert_error(&s.app.join(&s.joiner, &token).await, StatusCode::NOT_FOUND, "not_found");
}

async fn an_invite_whose_issuer_left_the_group_is_refused(backend: Backend) {
    let s = scene(backend).await;
    let (id, token) = s.invite("Before leaving", json!({})).await;
    s.app.delete(&format!("/user/groups/{}", s.gid), &s.inviter).await.expect(StatusCode::NO_CONTENT);
    assert_refused(&s.app.join(&s.joiner, &token).await, Why::Issuer, &[]);
    assert!(!s.members().await.contains(&s.joiner_id));
    assert_eq!(usage_count(&s.app, &s.inviter, &id).await, 0, "a refused join costs no use");
}

async fn an_invite_whose_issuer_lost_the_invite_privilege_is_refused_until_it_is_back(backend: Backend) {
    let s = scene(backend).await;
    let (_, token) = s.invite("Privileged", json!({})).await;
    set_privileges(&s.app, &s.owner, &s.gid, &s.inviter_id, &["group_view_data", "group_invite_group"]).await;
    assert_refused(&s.app.join(&s.joiner, &token).await, Why::Issuer, &[]);
    // The check is made at use, every time: with the privilege back, the invite works again.
    set_privileges(&s.app, &s.owner, &s.gid, &s.inviter_id, &["group_view_data", "group_invite_user"]).await;
    s.app.join(&s.joiner, &token).await.expect(StatusCode::CREATED);
}

async fn an_invite_with_extra_privileges_is_refused_once_its_issuer_cannot_set_privileges(backend: Backend) {
    let s = scene(backend).await;
    let manager_privileges = ["group_view_data", "group_invite_user", "group_set_privileges"];
    set_privileges(&s.app, &s.owner, &s.gid, &s.inviter_id, &manager_privileges).await;
    let (_, plain) = s.invite("Plain", json!({})).await;
    let (_, rich) = s.invite("Rich", json!({ "privileges": ["group_view_data", "group_invite_user"] })).await;
    set_privileges(&s.app, &s.owner, &s.gid, &s.inviter_id, &["group_view_data", "group_invite_user"]).await;
    assert_refused(&s.app.join(&s.joiner, &rich).await, Why::Issuer, &[]);
    // The same issuer's invite with the default privileges still works.
    s.app.join(&s.joiner, &plain).await.expect(StatusCode::CREATED);
    assert_eq!(s.app.privileges(&s.gid, &s.joiner_id).await, ["group_view_data"]);
}

async fn invites_of_a_deleted_issuer_admit_nobody(backend: Backend) {
    let s = scene(backend).await;
    let (_, named_token) = s.invite("Named", json!({})).await;
    let minted = s.app.invite(&s.inviter, &s.gid).await;
    s.app.delete("/user", &s.inviter).await.expect(StatusCode::NO_CONTENT);
    // The named token went with its owner (§7); the minted one stays and fails the issuer check.
    assert_error(&s.app.join(&s.joiner, &named_token).await, StatusCode::BAD_REQUEST, "invalid_token");
    assert_refused(&s.app.join(&s.joiner, &minted).await, Why::Issuer, &[]);
    assert!(!s.members().await.contains(&s.joiner_id));
}

/// GitLab #26801: an invitation outliving the membership of whoever sent it.
async fn an_invite_minted_by_a_member_who_was_then_removed_is_refused(backend: Backend) {
    let s = scene(backend).await;
    let minted = s.app.invite(&s.inviter, &s.gid).await;
    let (_, named_token) = s.invite("Named", json!({})).await;
    s.app.delete(&format!("/groups/{}/users/{}", s.gid, s.inviter_id), &s.owner).await.expect(StatusCode::NO_CONTENT);
    assert_refused(&s.app.join(&s.joiner, &minted).await, Why::Issuer, &[]);
    assert_refused(&s.app.join(&s.joiner, &named_token).await, Why::Issuer, &[]);
    assert_eq!(s.members().await, vec![s.owner_id.clone()]);
}

async fn an_issuer_with_the_zone_privilege_need_not_be_a_member(backend: Backend) {
    let s = scene(backend).await;
    let admin_id = s.app.user_id(&s.app.admin_token).await;
    assert!(!s.members().await.contains(&admin_id));
    let (_, token) = user_invite(&s.app, &s.app.admin_token, &s.gid, "From the zone", json!({})).await;
    s.app.join(&s.joiner, &token).await.expect(StatusCode::CREATED);
}

async fn the_issuer_check_comes_before_the_consumer_check(backend: Backend) {
    let s = scene(backend).await;
    let (_, someone_else) = s.app.user("someone").await;
    let whitelist = json!([format!("usr-{}", s.joiner_id)]);
    let (_, token) =
        s.invite("For joiner", json!({ "caveats": [{ "type": "consumer", "whitelist": whitelist }] })).await;
    s.app.delete(&format!("/user/groups/{}", s.gid), &s.inviter).await.expect(StatusCode::NO_CONTENT);
    assert_refused(&s.app.join(&someone_else, &token).await, Why::Issuer, &[]);
}

async fn an_invite_for_someone_else_is_forbidden_and_any_listed_consumer_may_use_it(backend: Backend) {
    let s = scene(backend).await;
    let (carol_id, carol) = s.app.user("carol").await;
    let (_, mallory) = s.app.user("mallory").await;
    let whitelist = json!([format!("usr-{}", s.joiner_id), format!("usr-{carol_id}")]);
    let (id, token) =
        s.invite("Two people", json!({ "caveats": [{ "type": "consumer", "whitelist": whitelist }] })).await;
    assert_error(&s.app.join(&mallory, &token).await, StatusCode::FORBIDDEN, "forbidden");
    assert_eq!(usage_count(&s.app, &s.inviter, &id).await, 0);
    s.app.join(&carol, &token).await.expect(StatusCode::CREATED);
    s.app.join(&s.joiner, &token).await.expect(StatusCode::CREATED);
    assert_eq!(usage_count(&s.app, &s.inviter, &id).await, 2);
}

async fn the_consumer_check_comes_before_already_a_member(backend: Backend) {
    let s = scene(backend).await;
    let whitelist = json!([format!("usr-{}", s.joiner_id)]);
    let (_, token) =
        s.invite("For joiner", json!({ "caveats": [{ "type": "consumer", "whitelist": whitelist }] })).await;
    // The owner is a member, and not the consumer: 403, not 409.
    assert_error(&s.app.join(&s.owner, &token).await, StatusCode::FORBIDDEN, "forbidden");
}

async fn an_existing_member_gets_409_and_costs_no_use_and_a_newcomer_gets_201(backend: Backend) {
    let s = scene(backend).await;
    let (id, token) = s.invite("Members", json!({ "usageLimit": 1 })).await;
    assert_error(&s.app.join(&s.owner, &token).await, StatusCode::CONFLICT, "relation_already_exists");
    assert_eq!(usage_count(&s.app, &s.inviter, &id).await, 0);
    let reply = s.app.join(&s.joiner, &token).await.expect(StatusCode::CREATED);
    assert_eq!(reply.header("location"), joined_location(&s.gid));
    assert_eq!(usage_count(&s.app, &s.inviter, &id).await, 1);
    assert_eq!(s.app.privileges(&s.gid, &s.joiner_id).await, ["group_view_data"]);
}

async fn a_forged_or_altered_named_token_is_refused(backend: Backend) {
    let s = scene(backend).await;
    let whitelist = json!([format!("usr-{}", s.owner_id)]);
    let (_, token) =
        s.invite("For the owner", json!({ "caveats": [{ "type": "consumer", "whitelist": whitelist }] })).await;
    // Signed with the server's key, but never recorded: unknown.
    let unrecorded = s.app.codec.mint(oz_groups::tokens::TokenKind::GroupInviteUser).token;
    assert_refused(&s.app.join(&s.joiner, &unrecorded).await, Why::Unknown, &[]);
    // A bad signature.
    let flipped = crate::support::tokens::flip_signature(&token);
    assert_error(&s.app.join(&s.joiner, &flipped).await, StatusCode::BAD_REQUEST, "invalid_token");
    // A caveat the server does not know makes the token invalid, before "already a member".
    let odd = attenuate(&token, "colour = blue");
    assert_error(&s.app.join(&s.owner, &odd).await, StatusCode::BAD_REQUEST, "invalid_token");
    assert_error(&s.app.join(&s.owner, &token).await, StatusCode::CONFLICT, "relation_already_exists");
}

// --- the nested join (groupJoinGroup) --------------------------------------------------------------

/// The scene plus two groups the owner manages, to be joined into the scene's group.
async fn nested_scene(backend: Backend) -> (Scene, String, String) {
    let s = scene(backend).await;
    let child = s.app.create_group(&s.owner, "Child").await;
    let other = s.app.create_group(&s.owner, "Other child").await;
    (s, child, other)
}

fn parent_location(child: &str, parent: &str) -> Option<String> {
    Some(format!("{API_ROOT}/groups/{child}/parent/{parent}"))
}

async fn group_invite_in_scene(s: &Scene, name: &str, extra: Value) -> (String, String) {
    group_invite(&s.app, &s.inviter, &s.gid, name, extra).await
}

async fn the_nested_join_checks_revoked_then_the_limit_then_expiry(backend: Backend) {
    let (s, child, other) = nested_scene(backend).await;
    let deadline = json!([{ "type": "time", "validUntil": TEST_NOW + 60 }]);
    let (id, token) = group_invite_in_scene(&s, "Once", json!({ "usageLimit": 1, "caveats": deadline })).await;
    let reply = nested_join(&s.app, &s.owner, &child, &token).await.expect(StatusCode::CREATED);
    assert_eq!(reply.header("location"), parent_location(&child, &s.gid));
    s.app.clock.set(TEST_NOW + 60);
    assert_refused(&nested_join(&s.app, &s.owner, &other, &token).await, Why::UsedUp, &[Why::Expired, Why::Revoked]);
    set_revoked(&s.app, &s.inviter, &id, true).await;
    assert_refused(&nested_join(&s.app, &s.owner, &other, &token).await, Why::Revoked, &[Why::Expired, Why::UsedUp]);

    s.app.clock.set(TEST_NOW);
    let (_, open) =
        group_invite_in_scene(&s, "Minute", json!({ "caveats": [{ "type": "time", "validUntil": TEST_NOW + 60 }] }))
            .await;
    s.app.clock.set(TEST_NOW + 60);
    assert_refused(&nested_join(&s.app, &s.owner, &other, &open).await, Why::Expired, &[]);
}

async fn the_nested_join_checks_the_parent_then_the_issuer_then_the_consumer_then_the_link(backend: Backend) {
    let (s, child, other) = nested_scene(backend).await;
    let only_child = json!([{ "type": "consumer", "whitelist": [format!("grp-{child}")] }]);
    let (_, token) = group_invite_in_scene(&s, "For the child", json!({ "caveats": only_child })).await;
    // Consumer: another group is forbidden, whoever asks.
    assert_error(&nested_join(&s.app, &s.owner, &other, &token).await, StatusCode::FORBIDDEN, "forbidden");
    // Admitted, then already linked: 409.
    s.app.clock.set(TEST_NOW + 1);
    nested_join(&s.app, &s.owner, &child, &token).await.expect(StatusCode::CREATED);
    let (_, any) = group_invite_in_scene(&s, "Any", json!({})).await;
    assert_error(&nested_join(&s.app, &s.owner, &child, &any).await, StatusCode::CONFLICT, "relation_already_exists");

    // The issuer loses group_invite_group: 400 before the consumer's 403.
    set_privileges(&s.app, &s.owner, &s.gid, &s.inviter_id, &["group_view_data", "group_invite_user"]).await;
    assert_refused(&nested_join(&s.app, &s.owner, &other, &any).await, Why::Issuer, &[]);
    assert_refused(&nested_join(&s.app, &s.owner, &other, &token).await, Why::Issuer, &[]);
    // The parent is deleted: 404 before the issuer.
    s.app.delete(&format!("/groups/{}", s.gid), &s.owner).await.expect(StatusCode::NO_CONTENT);
    assert_error(&nested_join(&s.app, &s.owner, &other, &any).await, StatusCode::NOT_FOUND, "not_found");
}

async fn a_user_invite_does_not_nest_and_a_group_invite_does_not_admit_a_user(backend: Backend) {
    let (s, child, _) = nested_scene(backend).await;
    let (_, for_users) = s.invite("Users", json!({})).await;
    let (_, for_groups) = group_invite_in_scene(&s, "Groups", json!({})).await;
    assert_error(&nested_join(&s.app, &s.owner, &child, &for_users).await, StatusCode::BAD_REQUEST, "invalid_token");
    assert_error(&s.app.join(&s.joiner, &for_groups).await, StatusCode::BAD_REQUEST, "invalid_token");
}

async fn a_retried_nested_join_gets_the_same_answer_and_costs_no_use(backend: Backend) {
    let (s, child, other) = nested_scene(backend).await;
    let (id, token) = group_invite_in_scene(&s, "Once", json!({ "usageLimit": 1 })).await;
    let first = nested_join(&s.app, &s.owner, &child, &token).await.expect(StatusCode::CREATED);
    let again = nested_join(&s.app, &s.owner, &child, &token).await.expect(StatusCode::CREATED);
    assert_eq!(again.header("location"), first.header("location"));
    assert_eq!(usage_count(&s.app, &s.inviter, &id).await, 1);
    assert_refused(&nested_join(&s.app, &s.owner, &other, &token).await, Why::UsedUp, &[]);
    let body = s.app.get(&format!("/tokens/named/{id}/joins"), &s.inviter).await.expect(StatusCode::OK).json();
    let records = join_records(&body);
    assert_eq!(records.len(), 1, "one record, not two: {body}");
    assert_eq!(records[0]["joiner"], json!({ "type": "group", "id": child }));
    assert_eq!(records[0]["groupId"], json!(s.gid));
    // Once unlinked, the retry is no retry: the token is used up.
    s.app.delete(&format!("/groups/{}/nested/{child}", s.gid), &s.owner).await.expect(StatusCode::NO_CONTENT);
    assert_refused(&nested_join(&s.app, &s.owner, &child, &token).await, Why::UsedUp, &[]);

    // With uses left, a retry is no "already linked" (409) either.
    let (many, many_token) = group_invite_in_scene(&s, "Many", json!({})).await;
    let first = nested_join(&s.app, &s.owner, &other, &many_token).await.expect(StatusCode::CREATED);
    let again = nested_join(&s.app, &s.owner, &other, &many_token).await.expect(StatusCode::CREATED);
    assert_eq!(again.header("location"), first.header("location"));
    assert_eq!(usage_count(&s.app, &s.inviter, &many).await, 1);
}

// --- the ip caveat ---------------------------------------------------------------------------------

async fn an_ip_caveat_admits_only_its_addresses(backend: Backend) {
    let s = scene(backend).await;
    let only = |net: &str| json!({ "caveats": [{ "type": "ip", "whitelist": [net] }] });
    let (id, elsewhere) = s.invite("Office", only("10.0.0.0/8")).await;
    assert_refused(&s.app.join(&s.joiner, &elsewhere).await, Why::Address, &[]);
    // The client cannot claim another address: X-Forwarded-For is not trusted by default.
    let reply = s
        .app
        .request(Method::POST, JOIN)
        .auth(&s.joiner)
        .header("X-Forwarded-For", "10.1.2.3")
        .json(&json!({ "token": elsewhere }))
        .send()
        .await;
    assert_refused(&reply, Why::Address, &[]);
    assert_eq!(usage_count(&s.app, &s.inviter, &id).await, 0);

    let (_, here) = s.invite("Here", only("127.0.0.1/32")).await;
    s.app.join(&s.joiner, &here).await.expect(StatusCode::CREATED);
    let (_, among) =
        s.invite("Among", json!({ "caveats": [{ "type": "ip", "whitelist": ["10.0.0.0/8", "127.0.0.0/8"] }] })).await;
    let (_, other) = s.app.user("other").await;
    s.app.join(&other, &among).await.expect(StatusCode::CREATED);
}

/// Behind a trusted proxy the client's address is the forwarded one, as for the rate limits.
async fn an_ip_caveat_reads_the_forwarded_address_when_told_to_trust_it(_backend: Backend) {
    let limits = Limits { trust_forwarded_for: true, ..Limits::default() };
    let (app, _) = spawn_limited(&limits, |store| store).await;
    let (_, owner) = app.user("owner").await;
    let (_, joiner) = app.user("joiner").await;
    let (_, other) = app.user("other").await;
    let gid = app.create_group(&owner, "Behind a proxy").await;
    let (_, token) = user_invite(
        &app,
        &owner,
        &gid,
        "Office",
        json!({ "caveats": [{ "type": "ip", "whitelist": ["10.0.0.0/8"] }] }),
    )
    .await;
    assert_refused(&join_from(&app, &other, &token, "192.168.1.9").await, Why::Address, &[]);
    join_from(&app, &joiner, &token, "10.1.2.3").await.expect(StatusCode::CREATED);
}

/// A join as `access` with `invite` that says it was forwarded for `from`.
async fn join_from(app: &TestApp, access: &str, invite: &str, from: &str) -> Reply {
    app.request(Method::POST, JOIN)
        .auth(access)
        .header("X-Forwarded-For", from)
        .json(&json!({ "token": invite }))
        .send()
        .await
}

// --- usage limits under races --------------------------------------------------------------------

/// `racers` distinct users join through `instances` (the i-th through `instances[i % n]`) with
/// one invite of usage limit `k`, all at once: exactly `k` × 201, the rest 400 used up, usage
/// count `k`, one join record per winner, and the group holds the owner and the `k` winners.
/// A join whose token checks out goes straight to the store's transaction (the service reads
/// nothing first), so every racer meets the others there.
async fn race_for_k(instances: &[&TestApp], k: u64, racers: usize) {
    let app = instances[0];
    let via = |i: usize| instances[i % instances.len()];
    let (owner_id, owner) = app.user("owner").await;
    let gid = app.create_group(&owner, "Contested").await;
    let (id, token) = user_invite(app, &owner, &gid, "Limited", json!({ "usageLimit": k })).await;
    let users = join_all((0..racers).map(|i| app.user_owned(format!("racer{i}")))).await;
    // One pooled connection per racer first, so that the joins arrive as one burst.
    for reply in join_all(users.iter().enumerate().map(|(i, (_, t))| via(i).get("/user", t))).await {
        reply.expect(StatusCode::OK);
    }
    let replies = join_all(users.iter().enumerate().map(|(i, (_, t))| via(i).join(t, &token))).await;

    let winners: Vec<usize> = (0..racers).filter(|&i| replies[i].status == StatusCode::CREATED).collect();
    let statuses: Vec<u16> = replies.iter().map(|r| r.status.as_u16()).collect();
    assert_eq!(winners.len() as u64, k, "exactly k joins succeed: {statuses:?}");
    for (i, reply) in replies.iter().enumerate().filter(|(i, _)| !winners.contains(i)) {
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "racer {i}: {}", reply.text());
        assert_refused(reply, Why::UsedUp, &[]);
    }
    for api in instances {
        assert_eq!(usage_count(api, &owner, &id).await, k);
    }
    let mut expected: Vec<String> = winners.iter().map(|&i| users[i].0.clone()).collect();
    expected.push(owner_id);
    assert_eq!(sorted(&app.members(&gid).await), sorted(&expected), "the owner and the k winners, nobody else");
    assert_eq!(sorted(&joiners(app, &owner, &id).await), sorted(&expected[..k as usize]), "one join record a winner");
}

async fn thirty_users_racing_for_a_three_use_invite_let_exactly_three_in(backend: Backend) {
    race_for_k(&[&spawn_app(backend).await], 3, 30).await;
}

/// Three server instances on one database (three connections to the SQLite file, three pools on
/// the PostgreSQL database), the racers split between them: still exactly three.
async fn thirty_users_racing_through_three_instances_for_a_three_use_invite_let_exactly_three_in(backend: Backend) {
    let first = spawn_app(backend).await;
    let second = first.another_instance_with(|store| store).await;
    let third = first.another_instance_with(|store| store).await;
    race_for_k(&[&first, &second, &third], 3, 30).await;
}

mod thirty_users_racing_through_three_instances_for_a_three_use_invite_let_exactly_three_in {
    use crate::support::Backend;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        super::thirty_users_racing_through_three_instances_for_a_three_use_invite_let_exactly_three_in(Backend::Sqlite)
            .await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        if oz_testkit::postgres::server_url(crate::test_name!("postgres")).await.is_none() {
            return;
        }
        super::thirty_users_racing_through_three_instances_for_a_three_use_invite_let_exactly_three_in(
            Backend::Postgres,
        )
        .await
    }
}

/// Four streams of joins with an unlimited invite, through two instances where the store is
/// shared; once five are in, the owner revokes it while the streams go on. No join sent after
/// the revocation's 204 arrived is admitted. A stream that has sent `BEFORE` joins waits for the
/// revocation before its next, so that every stream sends some after it however the machine's
/// load shifts the timing.
async fn no_join_sent_after_a_revocation_answered_is_admitted(backend: Backend) {
    const STREAMS: usize = 4;
    const BEFORE: usize = 12;
    const AFTER: usize = 3;
    const PER_STREAM: usize = BEFORE + AFTER;
    let app = spawn_app(backend).await;
    let second = match backend {
        Backend::Memory => None,
        _ => Some(app.another_instance_with(|store| store).await),
    };
    let instances: Vec<&TestApp> = std::iter::once(&app).chain(second.as_ref()).collect();
    let (_, owner) = app.user("owner").await;
    let gid = app.create_group(&owner, "Open until closed").await;
    let (id, token) = user_invite(&app, &owner, &gid, "Open", json!({})).await;
    let users = join_all((0..STREAMS * PER_STREAM).map(|i| app.user_owned(format!("user{i}")))).await;

    let admitted = AtomicUsize::new(0);
    let revoked_at: Mutex<Option<Instant>> = Mutex::new(None);
    let revoked = AtomicBool::new(false);
    // (stream, started, status)
    let log: Mutex<Vec<(usize, Instant, StatusCode)>> = Mutex::new(Vec::new());
    let streams = (0..STREAMS).map(|stream| {
        let (users, instances, token, admitted, revoked, log) = (&users, &instances, &token, &admitted, &revoked, &log);
        async move {
            let api = instances[stream % instances.len()];
            let mut after = 0;
            for (i, (_, access)) in users.iter().skip(stream * PER_STREAM).take(PER_STREAM).enumerate() {
                if i == BEFORE {
                    crate::support::poll::until(Duration::from_secs(20), Duration::from_millis(1), || async {
                        revoked.load(Ordering::SeqCst).then_some(())
                    })
                    .await
                    .expect("the revocation within 20 s");
                }
                let was_revoked = revoked.load(Ordering::SeqCst);
                let started = Instant::now();
                let reply = api.join(access, token).await;
                if reply.status == StatusCode::CREATED {
                    admitted.fetch_add(1, Ordering::SeqCst);
                } else {
                    assert_refused(&reply, Why::Revoked, &[]);
                }
                log.lock().unwrap().push((stream, started, reply.status));
                // AFTER joins of each stream after the revocation are enough.
                if was_revoked {
                    after += 1;
                    if after == AFTER {
                        break;
                    }
                }
            }
        }
    });
    let revoker = async {
        crate::support::poll::until(Duration::from_secs(20), Duration::from_millis(1), || async {
            (admitted.load(Ordering::SeqCst) >= 5).then_some(())
        })
        .await
        .expect("five joins within 20 s");
        set_revoked(instances[instances.len() - 1], &owner, &id, true).await;
        *revoked_at.lock().unwrap() = Some(Instant::now());
        revoked.store(true, Ordering::SeqCst);
    };
    tokio::join!(join_all(streams), revoker);

    let revoked_at = revoked_at.into_inner().unwrap().expect("the revocation happened");
    let log = log.into_inner().unwrap();
    for stream in 0..STREAMS {
        let late: Vec<_> = log.iter().filter(|(s, started, _)| *s == stream && *started > revoked_at).collect();
        assert!(!late.is_empty(), "stream {stream} sent joins after the revocation");
        for (_, _, status) in late {
            assert_eq!(*status, StatusCode::BAD_REQUEST, "a join sent after the revocation answered was admitted");
        }
    }
    let admitted = log.iter().filter(|(_, _, status)| *status == StatusCode::CREATED).count() as u64;
    assert_eq!(usage_count(&app, &owner, &id).await, admitted, "every 201 counted, nothing else");
    assert_eq!(app.members(&gid).await.len() as u64, admitted + 1);
}

// --- join records, origins, a group's live invites ----------------------------------------------

async fn a_token_lists_its_joins_in_order_to_its_owner_and_the_group_and_nobody_else(backend: Backend) {
    let s = scene(backend).await;
    let (id, token) = s.invite("Recorded", json!({ "usageLimit": 3 })).await;
    let (carol_id, carol) = s.app.user("carol").await;
    s.app.clock.set(TEST_NOW + 10);
    s.app.join_ok(&s.joiner, &token).await;
    s.app.clock.set(TEST_NOW + 20);
    s.app.join_ok(&carol, &token).await;
    // A refused join (already a member) leaves no record; nor does carol's retry.
    assert_error(&s.app.join(&s.owner, &token).await, StatusCode::CONFLICT, "relation_already_exists");
    s.app.join(&carol, &token).await.expect(StatusCode::CREATED);

    let body = s.app.get(&format!("/tokens/named/{id}/joins"), &s.inviter).await.expect(StatusCode::OK).json();
    let records = join_records(&body);
    assert_eq!(records.iter().map(joiner).collect::<Vec<_>>(), [s.joiner_id.clone(), carol_id.clone()]);
    assert_eq!(records[0]["privileges"], json!(["group_view_data"]));
    assert_eq!((&records[0]["tokenId"], &records[0]["groupId"]), (&json!(id), &json!(s.gid)));
    assert_eq!(records[1]["joiner"], json!({ "type": "user", "id": carol_id }));
    let times: Vec<u64> = records.iter().map(|r| r["joinedAt"].as_u64().expect("a joinedAt")).collect();
    // The stores stamp a join with the wall clock, not the server's clock (the store's join
    // takes no time), so only the order can be asserted here; TEST_NOW + 10 and + 20 belong
    // here once the join is given the server's time.
    assert!(times[0] <= times[1], "join records in the order of the joins: {times:?}");

    // The group's members with group_view_data read it too (the owner, carol herself); a
    // stranger does not see it at all.
    assert_eq!(joiners(&s.app, &s.owner, &id).await, [s.joiner_id.clone(), carol_id.clone()]);
    assert_eq!(joiners(&s.app, &carol, &id).await.len(), 2);
    let (_, stranger) = s.app.user("stranger").await;
    let reply = s.app.get(&format!("/tokens/named/{id}/joins"), &stranger).await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
    // A member without group_view_data sees the group but may not read this: 403.
    set_privileges(&s.app, &s.owner, &s.gid, &carol_id, &[]).await;
    let reply = s.app.get(&format!("/tokens/named/{id}/joins"), &carol).await;
    assert_error(&reply, StatusCode::FORBIDDEN, "forbidden");

    // A record is history: it stays when the membership ends, and goes with its token.
    s.app.delete(&format!("/user/groups/{}", s.gid), &s.joiner).await.expect(StatusCode::NO_CONTENT);
    assert_eq!(joiners(&s.app, &s.inviter, &id).await, [s.joiner_id.clone(), carol_id]);
    s.app.delete(&format!("/tokens/named/{id}"), &s.inviter).await.expect(StatusCode::NO_CONTENT);
    let reply = s.app.get(&format!("/tokens/named/{id}/joins"), &s.inviter).await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
}

async fn a_member_s_origin_says_created_invite_or_added_and_by_whom(backend: Backend) {
    let s = scene(backend).await;
    let (id, token) = s.invite("Way in", json!({})).await;
    s.app.join_ok(&s.joiner, &token).await;
    let (added_id, _) = s.app.user("added").await;
    let admin_id = s.app.user_id(&s.app.admin_token).await;
    s.app
        .request(Method::PUT, &format!("/groups/{}/users/{added_id}", s.gid))
        .auth(&s.app.admin_token)
        .send()
        .await
        .expect(StatusCode::CREATED);

    assert_eq!(origin(&s.app, &s.owner, &s.gid, &s.owner_id).await, json!({ "origin": "created" }));
    assert_eq!(
        origin(&s.app, &s.owner, &s.gid, &s.joiner_id).await,
        json!({ "origin": "invite", "tokenId": id, "issuer": s.inviter_id })
    );
    assert_eq!(origin(&s.app, &s.owner, &s.gid, &added_id).await, json!({ "origin": "added", "addedBy": admin_id }));
    // The inviter came in through a minted invite of the owner's: the token is named by its id.
    let inviter = origin(&s.app, &s.owner, &s.gid, &s.inviter_id).await;
    assert_eq!(inviter["origin"], "invite");
    assert_eq!(inviter["issuer"], s.owner_id);

    // Somebody who is no member has no origin; a stranger does not see the group.
    let (stranger_id, stranger) = s.app.user("stranger").await;
    let reply = s.app.get(&format!("/groups/{}/users/{stranger_id}/origin", s.gid), &s.owner).await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found");
    let reply = s.app.get(&format!("/groups/{}/users/{}/origin", s.gid, s.owner_id), &stranger).await;
    assert_error(&reply, StatusCode::NOT_FOUND, "not_found");

    // A re-join overwrites the origin.
    s.app.delete(&format!("/user/groups/{}", s.gid), &s.joiner).await.expect(StatusCode::NO_CONTENT);
    s.app
        .request(Method::PUT, &format!("/groups/{}/users/{}", s.gid, s.joiner_id))
        .auth(&s.app.admin_token)
        .send()
        .await
        .expect(StatusCode::CREATED);
    assert_eq!(origin(&s.app, &s.owner, &s.gid, &s.joiner_id).await, json!({ "origin": "added", "addedBy": admin_id }));
}

async fn a_group_lists_its_live_invites_without_their_tokens(backend: Backend) {
    let s = scene(backend).await;
    let (live, live_token) = s.invite("Live", json!({})).await;
    let (revoked, _) = s.invite("Revoked", json!({})).await;
    let (used, used_token) = s.invite("Used", json!({ "usageLimit": 1 })).await;
    let (expiring, _) =
        s.invite("Expiring", json!({ "caveats": [{ "type": "time", "validUntil": TEST_NOW + 60 }] })).await;
    let (for_groups, _) = group_invite_in_scene(&s, "Groups", json!({})).await;
    let minted = s.app.invite(&s.inviter, &s.gid).await;
    let other_group = s.app.create_group(&s.owner, "Elsewhere").await;
    let (elsewhere, _) = user_invite(&s.app, &s.owner, &other_group, "Elsewhere", json!({})).await;
    set_revoked(&s.app, &s.inviter, &revoked, true).await;
    s.app.join_ok(&s.joiner, &used_token).await;

    let secrets = [live_token.as_str(), minted.as_str()];
    let ids = live_invites(&s.app, &s.owner, &s.gid, &secrets).await;
    assert_eq!(ids, [live.clone(), expiring.clone(), for_groups.clone(), identifier(&minted)]);
    assert!(!ids.contains(&elsewhere) && !ids.contains(&used) && !ids.contains(&revoked));
    s.app.clock.set(TEST_NOW + 60);
    assert_eq!(live_invites(&s.app, &s.owner, &s.gid, &secrets).await, [live, for_groups, identifier(&minted)]);

    // Members holding group_invite_user read it; other members get 403, strangers 404.
    assert_eq!(live_invites(&s.app, &s.inviter, &s.gid, &secrets).await.len(), 3);
    assert_error(
        &s.app.get(&format!("/groups/{}/invites", s.gid), &s.joiner).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    );
    let (_, stranger) = s.app.user("stranger").await;
    assert_error(
        &s.app.get(&format!("/groups/{}/invites", s.gid), &stranger).await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

/// The id of a list entry: a string (token ids), an invite's `id`, a join record's joiner.
fn entry_id(entry: &Value) -> String {
    match entry {
        Value::String(id) => id.clone(),
        _ if entry.get("joiner").is_some() => joiner(entry),
        _ => entry["id"].as_str().unwrap_or_else(|| panic!("an entry with an id: {entry}")).to_owned(),
    }
}

/// The whole list at `path` (under the API root; `key` its array member) as `token` reads it,
/// and the same list walked `limit` at a time through each page's `Link` header, whose body's
/// `next` is the same cursor.
async fn whole_and_paged(
    app: &TestApp,
    token: &str,
    path: &str,
    key: &str,
    limit: usize,
) -> (Vec<String>, Vec<String>) {
    let ids = |body: &Value| -> Vec<String> {
        body[key].as_array().unwrap_or_else(|| panic!("a {key} array: {body}")).iter().map(entry_id).collect()
    };
    let whole = app.get(path, token).await.expect(StatusCode::OK);
    assert_eq!(whole.header("link"), None, "the whole list has no next page");
    let whole = ids(&whole.json());
    let mut paged = Vec::new();
    let mut target = format!("{API_ROOT}{path}?limit={limit}");
    for _ in 0..50 {
        let reply = app.request_root(Method::GET, &target).auth(token).send().await.expect(StatusCode::OK);
        let body = reply.json();
        let page = ids(&body);
        assert!(page.len() <= limit, "{target}: {} entries", page.len());
        paged.extend(page);
        let Some(link) = reply.header("link") else {
            assert_eq!(body.get("next"), None, "no next member without a Link header");
            return (whole, paged);
        };
        let next = link.strip_prefix('<').and_then(|l| l.strip_suffix(r#">; rel="next""#)).expect("a next link");
        let after = next.split("after=").nth(1).expect("an after cursor");
        assert_eq!(body["next"].as_str(), Some(after), "the body's next is the Link's cursor");
        target = next.to_owned();
    }
    panic!("the walk of {path} does not end");
}

async fn named_tokens_joins_and_invites_come_in_pages_that_add_up_to_the_whole_list(backend: Backend) {
    let s = scene(backend).await;
    let mut tokens = Vec::new();
    for i in 0..5 {
        tokens.push(s.invite(&format!("Token {i}"), json!({})).await);
    }
    let mut joined = Vec::new();
    for i in 0..5 {
        let (uid, access) = s.app.user(&format!("user{i}")).await;
        s.app.join_ok(&access, &tokens[0].1).await;
        joined.push(uid);
    }
    let ids: Vec<String> = tokens.iter().map(|(id, _)| id.clone()).collect();
    let first = &ids[0];
    for (path, key, expected) in [
        (NAMED.to_owned(), "tokens", ids.clone()),
        (format!("/tokens/named/{first}/joins"), "joins", joined),
        (format!("/groups/{}/invites", s.gid), "invites", ids.clone()),
    ] {
        let (whole, paged) = whole_and_paged(&s.app, &s.inviter, &path, key, 2).await;
        assert_eq!(whole, expected, "{path}: the whole list, in order");
        assert_eq!(paged, whole, "{path}: the pages add up to the whole list");
    }
    // Each is read and sent a chunk at a time, as the other whole lists: five items are longer
    // than the tests' chunk. (Who joined with an invite, anyone with group_view_data may ask.)
    for path in [NAMED.to_owned(), format!("/tokens/named/{first}/joins"), format!("/groups/{}/invites", s.gid)] {
        let whole = s.app.get(&path, &s.inviter).await.expect(StatusCode::OK);
        assert_eq!(whole.header("content-length"), None, "{path}: sent as read");
        assert_eq!(whole.header("transfer-encoding").as_deref(), Some("chunked"), "{path}");
    }
    let whole = s.app.get(&format!("/tokens/named/{first}/joins"), &s.inviter).await.expect(StatusCode::OK);
    assert_eq!(join_records(&whole.json()).len(), 5);
}

/// A stored invite whose caveats no longer parse (a damaged database) is the store's failure:
/// in a whole list past the first chunk it cuts the transfer, never ends the list early, and a
/// page holding it is a JSON 500. Only the SQL stores hold text that can be damaged so.
async fn a_damaged_invite_in_a_later_chunk_cuts_the_whole_list_of_invites(backend: Backend) {
    let s = scene(backend).await;
    let mut ids = Vec::new();
    for i in 0..3 {
        ids.push(s.invite(&format!("Token {i}"), json!({})).await.0);
    }
    let damage = format!("UPDATE tokens SET caveats = 'not json' WHERE id = '{}'", ids[2]);
    match backend {
        Backend::Memory => unreachable!("the memory store holds no stored text"),
        Backend::Sqlite => {
            let db = rusqlite::Connection::open(s.app.dir.path().join("oz-groups.db")).expect("opens");
            assert_eq!(db.execute(&damage, []).expect("updates"), 1);
        }
        Backend::Postgres => {
            let url = s.app.database.clone().expect("the test's database");
            let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await.expect("connects");
            tokio::spawn(connection);
            assert_eq!(client.execute(&damage, &[]).await.expect("updates"), 1);
        }
    }
    let path = format!("/groups/{}/invites", s.gid);
    let url = format!("{}{path}", s.app.base);
    let body = match s.app.client.get(&url).header("x-auth-token", &s.inviter).send().await {
        Ok(response) => {
            assert_eq!(response.status(), StatusCode::OK, "the first chunk was read before the head");
            response.bytes().await
        }
        Err(e) => Err(e),
    };
    assert!(body.is_err(), "the transfer is cut, not ended: {body:?}");
    let first = s.app.get(&format!("{path}?limit=2"), &s.inviter).await.expect(StatusCode::OK);
    assert_eq!(first.json()["invites"].as_array().map(Vec::len), Some(2), "the page before it is whole");
    let after = first.json()["next"].as_str().expect("a next page").to_owned();
    let damaged = s.app.get(&format!("{path}?limit=2&after={after}"), &s.inviter).await;
    assert_error(&damaged, StatusCode::INTERNAL_SERVER_ERROR, "internal_error");
}

mod a_damaged_invite_in_a_later_chunk_cuts_the_whole_list_of_invites {
    #[tokio::test]
    async fn sqlite() {
        super::a_damaged_invite_in_a_later_chunk_cuts_the_whole_list_of_invites(crate::support::Backend::Sqlite).await
    }
    #[tokio::test]
    async fn postgres() {
        if ::oz_testkit::postgres::server_url(crate::test_name!("postgres")).await.is_none() {
            return;
        }
        super::a_damaged_invite_in_a_later_chunk_cuts_the_whole_list_of_invites(crate::support::Backend::Postgres).await
    }
}

// --- the idempotent retry ------------------------------------------------------------------------

async fn a_retried_join_gets_the_same_201_without_using_the_token_again(backend: Backend) {
    let s = scene(backend).await;
    let (id, token) = s.invite("Once", json!({ "usageLimit": 1 })).await;
    let first = s.app.join(&s.joiner, &token).await.expect(StatusCode::CREATED);
    let again = s.app.join(&s.joiner, &token).await.expect(StatusCode::CREATED);
    assert_eq!(again.header("location"), first.header("location"));
    assert_eq!(first.header("location"), joined_location(&s.gid));
    assert_eq!(usage_count(&s.app, &s.inviter, &id).await, 1);
    assert_eq!(joiners(&s.app, &s.inviter, &id).await, vec![s.joiner_id.clone()], "one record, not two");
    // Anybody else finds it used up.
    let (_, carol) = s.app.user("carol").await;
    assert_refused(&s.app.join(&carol, &token).await, Why::UsedUp, &[]);
    // After leaving, the retry proves nothing any more: used up.
    s.app.delete(&format!("/user/groups/{}", s.gid), &s.joiner).await.expect(StatusCode::NO_CONTENT);
    assert_refused(&s.app.join(&s.joiner, &token).await, Why::UsedUp, &[]);
    assert!(!s.members().await.contains(&s.joiner_id));
}

/// With uses left, a retry is no "already a member" (409) either: 201 again, no use counted.
async fn a_retried_join_with_uses_left_gets_201_not_409(backend: Backend) {
    let s = scene(backend).await;
    let (id, token) = s.invite("Five", json!({ "usageLimit": 5 })).await;
    let first = s.app.join(&s.joiner, &token).await.expect(StatusCode::CREATED);
    for _ in 0..2 {
        let again = s.app.join(&s.joiner, &token).await.expect(StatusCode::CREATED);
        assert_eq!(again.header("location"), first.header("location"));
    }
    assert_eq!(usage_count(&s.app, &s.inviter, &id).await, 1);
    assert_eq!(joiners(&s.app, &s.inviter, &id).await, vec![s.joiner_id.clone()]);
    // Another member who came in another way is already a member: 409.
    assert_error(&s.app.join(&s.inviter, &token).await, StatusCode::CONFLICT, "relation_already_exists");
}

async fn a_retried_join_with_a_minted_invite_gets_201_too(backend: Backend) {
    let s = scene(backend).await;
    let minted = s.app.invite(&s.owner, &s.gid).await;
    s.app.join_ok(&s.joiner, &minted).await;
    let again = s.app.join(&s.joiner, &minted).await.expect(StatusCode::CREATED);
    assert_eq!(again.header("location"), joined_location(&s.gid));
    let (_, carol) = s.app.user("carol").await;
    assert_refused(&s.app.join(&carol, &minted).await, Why::UsedUp, &[]);
}

async fn a_retry_is_answered_even_after_the_token_was_revoked_but_not_after_a_re_join_by_another_way(backend: Backend) {
    let s = scene(backend).await;
    let (id, token) = s.invite("Once", json!({ "usageLimit": 1 })).await;
    s.app.join_ok(&s.joiner, &token).await;
    // The retry check comes right after "unknown token", before revoked.
    set_revoked(&s.app, &s.inviter, &id, true).await;
    s.app.join(&s.joiner, &token).await.expect(StatusCode::CREATED);
    // A membership made another way is no retry of this token: it is revoked.
    let (_, other_token) = s.invite("Other", json!({})).await;
    s.app.delete(&format!("/user/groups/{}", s.gid), &s.joiner).await.expect(StatusCode::NO_CONTENT);
    s.app.join_ok(&s.joiner, &other_token).await;
    assert_refused(&s.app.join(&s.joiner, &token).await, Why::Revoked, &[]);
}

/// A retry is the same user with the same token: one its holder attenuated with a caveat of
/// their own that fails is refused as anyone's would be, not answered 201 (contract §5).
async fn a_retry_with_a_failing_caveat_its_holder_added_is_refused(backend: Backend) {
    let s = scene(backend).await;
    let (id, token) = s.invite("Five", json!({ "usageLimit": 5 })).await;
    s.app.join_ok(&s.joiner, &token).await;
    let refused = |caveat: &str| crate::support::tokens::attenuate(&token, caveat);
    assert_refused(&s.app.join(&s.joiner, &refused("time < 1000")).await, Why::Expired, &[]);
    let unknown = s.app.join(&s.joiner, &refused("foo = bar")).await;
    assert_error(&unknown, StatusCode::BAD_REQUEST, "invalid_token");
    let elsewhere = s.app.join(&s.joiner, &refused("consumer = usr-nobody")).await;
    assert_error(&elsewhere, StatusCode::FORBIDDEN, "forbidden");
    // A caveat that holds leaves a valid token: the retry's 201.
    let holds = crate::support::tokens::attenuate(&token, "time < 4102444800");
    s.app.join(&s.joiner, &holds).await.expect(StatusCode::CREATED);
    assert_eq!(usage_count(&s.app, &s.inviter, &id).await, 1, "no use counted");
    assert_eq!(joiners(&s.app, &s.inviter, &id).await, vec![s.joiner_id.clone()]);
}

// --- nothing forgeable is stored -------------------------------------------------------------------

/// Every secret a token could be rebuilt from, in the forms a database could hold it: the
/// serialized token (escaped and plain base64url), its signature and its root secret (hex and
/// raw), and the master key.
fn secrets_of(app: &TestApp, tokens: &[String]) -> Vec<(String, Vec<u8>)> {
    let key = crate::support::master_key(app.dir.path(), app.database.as_deref());
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let mut secrets =
        vec![("the master key".to_owned(), key.clone()), ("the master key in hex".to_owned(), hex(&key).into_bytes())];
    for token in tokens {
        let macaroon = oz_groups::tokens::Macaroon::deserialize(token).expect("a macaroon");
        let root = oz_groups::tokens::root_secret(&key, macaroon.identifier());
        secrets.push((format!("the token {}", macaroon.identifier()), token.clone().into_bytes()));
        secrets.push(("the token in base64url".to_owned(), crate::support::tokens::unescape(token).into_bytes()));
        secrets.push(("a signature".to_owned(), macaroon.signature().to_vec()));
        secrets.push(("a signature in hex".to_owned(), hex(macaroon.signature()).into_bytes()));
        secrets.push(("a root secret".to_owned(), root.to_vec()));
        secrets.push(("a root secret in hex".to_owned(), hex(&root).into_bytes()));
    }
    secrets
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

async fn the_database_holds_no_token_and_get_re_derives_the_one_created(backend: Backend) {
    let s = scene(backend).await;
    let deadline = json!([
        { "type": "time", "validUntil": TEST_NOW + 3600 },
        { "type": "ip", "whitelist": ["127.0.0.0/8", "10.0.0.0/8"] },
        { "type": "consumer", "whitelist": [format!("usr-{}", s.joiner_id), format!("usr-{}", s.owner_id)] },
    ]);
    let (a, a_token) = s.invite("With caveats", json!({ "caveats": deadline, "usageLimit": 2 })).await;
    let (b, b_token) = group_invite_in_scene(&s, "Groups", json!({})).await;
    let minted = s.app.invite(&s.inviter, &s.gid).await;
    // GET gives back exactly what the creation gave, every time.
    for (id, token) in [(&a, &a_token), (&b, &b_token)] {
        assert_eq!(info(&s.app, &s.inviter, id).await["token"].as_str(), Some(token.as_str()));
        assert_eq!(info(&s.app, &s.inviter, id).await["token"].as_str(), Some(token.as_str()));
    }
    s.app.join_ok(&s.joiner, &a_token).await;
    let secrets = secrets_of(&s.app, &[a_token, b_token, minted]);

    match backend {
        Backend::Memory => {}
        Backend::Sqlite => {
            // Every value of every table, through SQLite, and the raw bytes of every file of the
            // database (main file, WAL, shared memory).
            let path = s.app.dir.path().join("oz-groups.db");
            let values = tokio::task::spawn_blocking(move || sqlite_values(&path)).await.unwrap();
            assert!(values.len() > 20, "the dump reads the tables: {} values", values.len());
            for value in &values {
                for (what, secret) in &secrets {
                    assert!(!contains(value, secret), "the database holds {what}");
                }
            }
            for entry in std::fs::read_dir(s.app.dir.path()).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                if !name.starts_with("oz-groups.db") {
                    continue;
                }
                let bytes = std::fs::read(&path).unwrap();
                for (what, secret) in &secrets {
                    assert!(!contains(&bytes, secret), "{name} holds {what}");
                }
            }
        }
        Backend::Postgres => {
            let url = s.app.database.clone().expect("the test's database");
            let (client, connection) = tokio_postgres::connect(&url, tokio_postgres::NoTls).await.expect("connects");
            tokio::spawn(connection);
            let tables = client
                .query("SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = current_schema()", &[])
                .await
                .expect("the tables");
            assert!(tables.len() > 5, "the dump finds the tables");
            for table in tables {
                let table: String = table.get(0);
                let rows = client.query(&format!("SELECT t::text FROM {table} t"), &[]).await.expect("a table reads");
                for row in rows {
                    let text: String = row.get(0);
                    for (what, secret) in &secrets {
                        // bytea is rendered as \x<hex>: raw secrets are looked for in hex too.
                        let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
                        assert!(
                            !contains(text.as_bytes(), secret) && !text.contains(&hex),
                            "table {table} holds {what}"
                        );
                    }
                }
            }
        }
    }
}

/// Every text and blob value of every table of the SQLite database at `path`.
fn sqlite_values(path: &std::path::Path) -> Vec<Vec<u8>> {
    use rusqlite::types::ValueRef;
    let db = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("opens");
    let tables: Vec<String> = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut values = Vec::new();
    for table in tables {
        let mut statement = db.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = statement.column_count();
        let mut rows = statement.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..columns {
                match row.get_ref(i).unwrap() {
                    ValueRef::Text(t) => values.push(t.to_vec()),
                    ValueRef::Blob(b) => values.push(b.to_vec()),
                    ValueRef::Integer(n) => values.push(n.to_string().into_bytes()),
                    _ => {}
                }
            }
        }
    }
    values
}

all_backends!(
    a_named_invite_is_created_with_its_id_token_and_metadata,
    creating_an_invite_needs_the_invite_privilege_in_the_group_and_strangers_see_no_group,
    an_invite_carrying_more_than_the_default_privileges_needs_group_set_privileges,
    a_name_is_unique_per_owner,
    every_malformed_creation_is_a_400_and_creates_nothing,
    named_tokens_are_listed_read_and_changed_by_their_owner_only,
    a_revoked_invite_admits_nobody_until_it_is_unrevoked,
    a_deleted_invite_is_gone_and_deleting_all_leaves_other_owners_alone,
    revoked_comes_before_a_used_up_limit,
    a_used_up_limit_comes_before_expiry,
    a_revoked_and_expired_invite_says_revoked,
    an_invite_expires_at_its_valid_until_second,
    expiry_comes_before_a_deleted_group,
    a_deleted_group_comes_before_the_issuer_check,
    an_invite_whose_issuer_left_the_group_is_refused,
    an_invite_whose_issuer_lost_the_invite_privilege_is_refused_until_it_is_back,
    an_invite_with_extra_privileges_is_refused_once_its_issuer_cannot_set_privileges,
    invites_of_a_deleted_issuer_admit_nobody,
    an_invite_minted_by_a_member_who_was_then_removed_is_refused,
    an_issuer_with_the_zone_privilege_need_not_be_a_member,
    the_issuer_check_comes_before_the_consumer_check,
    an_invite_for_someone_else_is_forbidden_and_any_listed_consumer_may_use_it,
    the_consumer_check_comes_before_already_a_member,
    an_existing_member_gets_409_and_costs_no_use_and_a_newcomer_gets_201,
    the_nested_join_checks_revoked_then_the_limit_then_expiry,
    the_nested_join_checks_the_parent_then_the_issuer_then_the_consumer_then_the_link,
    a_user_invite_does_not_nest_and_a_group_invite_does_not_admit_a_user,
    a_retried_nested_join_gets_the_same_answer_and_costs_no_use,
    an_ip_caveat_admits_only_its_addresses,
    a_token_lists_its_joins_in_order_to_its_owner_and_the_group_and_nobody_else,
    a_member_s_origin_says_created_invite_or_added_and_by_whom,
    a_group_lists_its_live_invites_without_their_tokens,
    named_tokens_joins_and_invites_come_in_pages_that_add_up_to_the_whole_list,
    a_retried_join_gets_the_same_201_without_using_the_token_again,
    a_retried_join_with_uses_left_gets_201_not_409,
    a_retried_join_with_a_minted_invite_gets_201_too,
    a_retry_is_answered_even_after_the_token_was_revoked_but_not_after_a_re_join_by_another_way,
    a_retry_with_a_failing_caveat_its_holder_added_is_refused,
    the_database_holds_no_token_and_get_re_derives_the_one_created,
);

all_backends!(
    multi_thread: thirty_users_racing_for_a_three_use_invite_let_exactly_three_in,
    no_join_sent_after_a_revocation_answered_is_admitted,
);

edge_only!(a_forged_or_altered_named_token_is_refused, an_ip_caveat_reads_the_forwarded_address_when_told_to_trust_it);
