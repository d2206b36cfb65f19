//! Names (contract §9, issue 10 point 7): a user's or group's name, and a user's alias, may not
//! carry bidirectional controls, invisible or format characters, nor be white space only. Each
//! such value is a JSON 400 `invalid_request` naming the field, on every operation that takes a
//! name and in `user add`, and nothing is changed. The spec's pattern refuses them at the gate;
//! the domain's `Name::parse` refuses them too (and alone, beyond the Basic Multilingual Plane).

use reqwest::StatusCode;
use serde_json::{json, Value};

use crate::edge_only;
use crate::support::process::run;
use crate::support::{assert_error, spawn_app, Backend};

/// One name of each refused class, and what it is.
const REFUSED: &[(&str, &str)] = &[
    ("admin\u{202E}nimda", "a right-to-left override"),
    ("\u{2067}isolated\u{2069}", "a right-to-left isolate"),
    ("mark\u{200F}", "a right-to-left mark"),
    ("arabic\u{061C}mark", "the Arabic letter mark"),
    ("zero\u{200B}width", "a zero-width space"),
    ("join\u{200D}er", "a zero-width joiner"),
    ("\u{FEFF}bom", "a byte order mark"),
    ("soft\u{00AD}hyphen", "a soft hyphen"),
    ("tag\u{E0041}", "a tag character beyond the BMP"),
    ("line\u{2028}separator", "a line separator"),
    ("   ", "spaces only"),
    ("\u{3000}\u{00A0}", "ideographic and no-break spaces only"),
    ("\u{3164}", "a Hangul filler only"),
];

/// The reply is a 400 `invalid_request` whose sentence names `field`.
fn assert_refused(reply: &crate::support::Reply, field: &str, what: &str) {
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{what}: {}", reply.text());
    let body = assert_error(reply, StatusCode::BAD_REQUEST, "invalid_request");
    let sentence = body["error_description"].as_str().unwrap_or_default();
    assert!(
        sentence.contains(&format!("'{field}'")) || sentence.contains(&format!("The {field} ")),
        "{what}: {sentence}"
    );
}

async fn group_names_with_bidi_invisible_or_blank_characters_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = app.user("alice").await;
    let gid = app.create_group(&token, "Research team").await;
    for (name, what) in REFUSED {
        for path in ["/user/groups", "/groups"] {
            assert_refused(&app.post_json(path, &token, &json!({ "name": name })).await, "name", what);
        }
        let rename = app.patch_json(&format!("/groups/{gid}"), &token, &json!({ "name": name })).await;
        assert_refused(&rename, "name", what);
    }
    let group = app.get(&format!("/groups/{gid}"), &token).await.expect(StatusCode::OK).json();
    assert_eq!(group["name"], "Research team", "no refused rename changed the group");
    assert_eq!(app.groups_of(&token).await, vec![gid], "no refused create made a group");
}

async fn user_names_and_aliases_with_bidi_invisible_or_blank_characters_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = app.user("alice").await;
    for (name, what) in REFUSED {
        assert_refused(&app.patch_json("/user", &token, &json!({ "name": name })).await, "name", what);
        assert_refused(&app.patch_json("/user", &token, &json!({ "alias": name })).await, "alias", what);
    }
    let me: Value = app.get("/user", &token).await.expect(StatusCode::OK).json();
    assert_eq!((me["name"].clone(), me["alias"].clone()), (json!("alice"), json!("")));
    // What stays allowed: inner and outer spaces, other scripts, accents, emoji; "" clears the alias.
    for name in [" Zespół badawczy ", "研究チーム", "فريق البحث", "team 🚀"] {
        app.patch_json("/user", &token, &json!({ "name": name, "alias": name })).await.expect(StatusCode::NO_CONTENT);
    }
    app.patch_json("/user", &token, &json!({ "alias": "" })).await.expect(StatusCode::NO_CONTENT);
}

edge_only!(
    group_names_with_bidi_invisible_or_blank_characters_are_refused,
    user_names_and_aliases_with_bidi_invisible_or_blank_characters_are_refused
);

#[tokio::test]
async fn user_add_refuses_a_name_with_a_bidi_override_or_of_white_space_only() {
    let dir = tempfile::tempdir().unwrap();
    let data_dir = dir.path().to_str().unwrap();
    for name in ["admin\u{202E}nimda", " \u{3000} ", "zero\u{200B}width"] {
        let output = run(&["user", "add", name, "--data-dir", data_dir], &[]).await;
        assert!(!output.status.success(), "{name:?} was accepted");
        assert!(output.stdout.is_empty(), "no token printed for {name:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("The name must not"), "{name:?}: {stderr}");
    }
}
