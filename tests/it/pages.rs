//! Pages of the lists (an extension of ours): `limit` and `after` on `GET /groups`,
//! `GET /user/groups` and `GET /groups/{id}/users`, the next page in a `Link` header, and the
//! whole list, exactly as Onezone answers it, when neither parameter is given.

use reqwest::{Method, StatusCode};

use crate::support::{assert_error, strings, Backend, Reply, TestApp, API_ROOT};
use crate::{all_backends, edge_only};

/// The target of a `Link: <target>; rel="next"` header, or `None` when the reply has none.
/// The body's `next` member must agree: present exactly when the header is, and the same
/// cursor as the target's `after`.
fn next_link(reply: &Reply) -> Option<String> {
    let body_next = reply.json().get("next").cloned();
    let Some(link) = reply.header("link") else {
        assert_eq!(body_next, None, "a reply without a Link header has no next member");
        return None;
    };
    let target = link
        .strip_prefix('<')
        .and_then(|rest| rest.strip_suffix(r#">; rel="next""#))
        .unwrap_or_else(|| panic!("a Link header of the form <target>; rel=\"next\": {link}"));
    assert!(target.starts_with(&format!("{API_ROOT}/")), "the target is a path under the API root: {target}");
    let after = target.split("after=").nth(1).expect("the Link target carries an after cursor");
    assert_eq!(body_next.as_ref().and_then(|n| n.as_str()), Some(after), "the body's next is the Link's cursor");
    Some(target.to_owned())
}

/// The ids of one list reply (`key` is `groups` or `users`).
fn items(reply: &Reply, key: &str) -> Vec<String> {
    strings(&reply.json()[key])
}

/// Walks `path` (under the API root) `limit` items at a time by following each page's `Link`,
/// and returns the pages. Every page but the last is full and links to the next.
async fn walk(app: &TestApp, path: &str, key: &str, limit: usize, token: &str) -> Vec<Vec<String>> {
    let mut pages = Vec::new();
    let mut target = format!("{API_ROOT}{path}?limit={limit}");
    loop {
        let reply = app.request_root(Method::GET, &target).auth(token).send().await.expect(StatusCode::OK);
        let page = items(&reply, key);
        assert!(page.len() <= limit, "{target}: {} items", page.len());
        pages.push(page);
        match next_link(&reply) {
            Some(next) => {
                assert_eq!(pages.last().map(Vec::len), Some(limit), "{target}: a page with a next one is full");
                assert!(next.contains(&format!("limit={limit}")), "the link keeps the page size: {next}");
                target = next;
            }
            None => return pages,
        }
        assert!(pages.len() <= 50, "the walk of {path} does not end");
    }
}

async fn pages_concatenate_to_the_whole_list_by_following_the_link_header(backend: Backend) {
    let app = crate::support::spawn_app(backend).await;
    let admin = app.admin_token.clone();
    let mut groups = Vec::new();
    for i in 0..5 {
        groups.push(app.create_group(&admin, &format!("group {i}")).await);
    }
    for i in 0..4 {
        let (_, user) = app.user(&format!("member {i}")).await;
        let invite = app.invite(&admin, &groups[1]).await;
        app.join_ok(&user, &invite).await;
    }
    let lists = [
        ("/groups".to_owned(), "groups"),
        ("/user/groups".to_owned(), "groups"),
        (format!("/groups/{}/users", groups[1]), "users"),
    ];
    for (path, key) in &lists {
        // Without parameters: the whole list, and no Link header.
        let whole = app.get(path, &admin).await.expect(StatusCode::OK);
        assert_eq!(whole.header("link"), None, "{path}");
        assert_eq!(whole.json().get("next"), None, "{path}: a whole list has no next member");
        let whole = items(&whole, key);
        assert_eq!(whole.len(), 5, "{path}: five groups, or the admin and four members");
        if key == &"groups" {
            assert_eq!(whole, groups, "{path} lists groups in creation order");
        }
        for limit in [1, 2, 4, 5, 1000] {
            let pages = walk(&app, path, key, limit, &admin).await;
            assert_eq!(pages.len(), whole.len().div_ceil(limit), "{path}, limit {limit}");
            assert_eq!(pages.concat(), whole, "{path}, limit {limit}");
        }
    }
}

async fn a_group_deleted_or_added_between_pages_does_not_break_the_walk(backend: Backend) {
    let app = crate::support::spawn_app(backend).await;
    let admin = app.admin_token.clone();
    let mut groups = Vec::new();
    for i in 0..4 {
        groups.push(app.create_group(&admin, &format!("group {i}")).await);
    }
    let first = app.get("/groups?limit=2", &admin).await.expect(StatusCode::OK);
    assert_eq!(items(&first, "groups"), groups[..2]);
    let next = next_link(&first).expect("a second page");

    // The group the cursor stands on goes, and a new one comes, before the next page is read.
    app.delete(&format!("/groups/{}", groups[1]), &admin).await.expect(StatusCode::NO_CONTENT);
    let latest = app.create_group(&admin, "latest").await;
    let second = app.request_root(Method::GET, &next).auth(&admin).send().await.expect(StatusCode::OK);
    assert_eq!(items(&second, "groups"), groups[2..]);
    let third = next_link(&second).expect("a third page");
    let third = app.request_root(Method::GET, &third).auth(&admin).send().await.expect(StatusCode::OK);
    assert_eq!(items(&third, "groups"), [latest]);
    assert_eq!(next_link(&third), None);

    // `after` alone pages with the largest page size.
    let rest = app.get(&format!("/groups?{}", next.split_once('?').unwrap().1.replace("limit=2&", "")), &admin).await;
    let rest = rest.expect(StatusCode::OK);
    assert_eq!(items(&rest, "groups").len(), 3, "everything after the cursor fits one page of 1000");
    assert_eq!(next_link(&rest), None);
}

async fn a_malformed_cursor_or_a_limit_out_of_range_is_a_400_and_unknown_parameters_are_ignored(backend: Backend) {
    let app = crate::support::spawn_app(backend).await;
    let admin = app.admin_token.clone();
    let gid = app.create_group(&admin, "team").await;
    for path in ["/groups".to_owned(), "/user/groups".to_owned(), format!("/groups/{gid}/users")] {
        for query in [
            "limit=0",
            "limit=1001",
            "limit=-1",
            "limit=ten",
            "limit=",
            "limit=1&limit=2",
            "after=",
            "after=not-a-cursor",
            "after=AAAAAAAAAGR",
            "after=AAAAAAAAAAAAAAAA",
            "limit=2&after=%FF",
        ] {
            let reply = app.get(&format!("{path}?{query}"), &admin).await;
            let body = assert_error(&reply, StatusCode::BAD_REQUEST, "invalid_request");
            let description = body["error_description"].as_str().unwrap_or_default();
            assert!(description.contains("limit") || description.contains("after"), "{path}?{query}: {description}");
        }
        // Credentials are checked first, as everywhere.
        let reply = app.request(Method::GET, &format!("{path}?limit=0")).send().await;
        assert_error(&reply, StatusCode::UNAUTHORIZED, "unauthorized");
        // A parameter the spec does not declare changes nothing, as before pages existed.
        let reply = app.get(&format!("{path}?page=2&size=1"), &admin).await.expect(StatusCode::OK);
        assert_eq!(reply.header("link"), None);
        assert_eq!(reply.json(), app.get(&path, &admin).await.expect(StatusCode::OK).json());
    }
}

all_backends!(
    pages_concatenate_to_the_whole_list_by_following_the_link_header,
    a_group_deleted_or_added_between_pages_does_not_break_the_walk,
);
edge_only!(a_malformed_cursor_or_a_limit_out_of_range_is_a_400_and_unknown_parameters_are_ignored);
