//! Pages of the lists (an extension of ours): `limit` and `after` on `GET /groups`,
//! `GET /user/groups`, `GET /groups/{id}/users` and the four nested-group lists (`nested`,
//! `parent`, `effective_users`, `/user/effective_groups`), the next page in a `Link` header, and
//! the whole list, exactly as Onezone answers it, when neither parameter is given.

use std::collections::HashSet;

use reqwest::{Method, StatusCode};
use serde_json::json;

use crate::support::{assert_error, sorted, strings, Backend, Reply, TestApp, API_ROOT};
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

/// Makes `child` a child of `parent` through a group invite, as `token` (managing both).
async fn nest(app: &TestApp, token: &str, parent: &str, child: &str) {
    let reply = app.request(Method::POST, &format!("/groups/{parent}/nested/token")).auth(token).send().await;
    let invite = reply.expect(StatusCode::OK).json()["token"].as_str().expect("a token").to_owned();
    let body = json!({ "token": invite });
    app.post_json(&format!("/groups/{child}/nested/join"), token, &body).await.expect(StatusCode::CREATED);
}

/// Whether no item of `items` appears twice.
fn each_once(items: &[String]) -> bool {
    let mut seen = HashSet::new();
    items.iter().all(|i| seen.insert(i))
}

/// Follows the `Link` headers from `first` (a page already read) to the last page, as `token`,
/// and returns every item seen, the first page's included.
async fn rest_of_walk(app: &TestApp, first: &Reply, key: &str, token: &str) -> Vec<String> {
    let mut seen = items(first, key);
    let mut next = next_link(first);
    while let Some(target) = next {
        let reply = app.request_root(Method::GET, &target).auth(token).send().await.expect(StatusCode::OK);
        seen.extend(items(&reply, key));
        next = next_link(&reply);
        assert!(seen.len() <= 1000, "the walk does not end");
    }
    seen
}

async fn pages_of_the_nested_lists_give_each_member_of_the_whole_list_once(backend: Backend) {
    let app = crate::support::spawn_app(backend).await;
    let admin = app.admin_token.clone();
    let admin_id = app.user_id(&admin).await;
    // top <- c0..c3; c0 also under p0 and p1; members in the children, one of them also
    // directly in top (so the whole list puts it before users created earlier).
    let mut groups = Vec::new();
    for name in ["top", "c0", "c1", "c2", "c3", "p0", "p1"] {
        groups.push(app.create_group(&admin, name).await);
    }
    let top = groups[0].clone();
    for child in &groups[1..5] {
        nest(&app, &admin, &top, child).await;
    }
    for parent in &groups[5..7] {
        nest(&app, &admin, parent, &groups[1]).await;
    }
    let mut users = vec![(admin_id, admin.clone())];
    for i in 0..5 {
        let user = app.user(&format!("member {i}")).await;
        // Every member is in c0 (so in top twice over for most), and in one more child.
        let mut joined = vec![&groups[1]];
        if i % 4 != 0 {
            joined.push(&groups[1 + i % 4]);
        }
        for gid in joined {
            let invite = app.invite(&admin, gid).await;
            app.join_ok(&user.1, &invite).await;
        }
        users.push(user);
    }
    let invite = app.invite(&admin, &top).await;
    app.join_ok(&users[4].1, &invite).await;
    let creation: Vec<String> = users.iter().map(|(id, _)| id.clone()).collect();

    let member = users[2].1.clone();
    let lists = [
        (format!("/groups/{top}/nested"), "nested_groups", admin.clone(), groups[1..5].to_vec()),
        (
            format!("/groups/{}/parent", groups[1]),
            "parent_groups",
            admin.clone(),
            vec![top.clone(), groups[5].clone(), groups[6].clone()],
        ),
        (format!("/groups/{top}/effective_users"), "users", admin.clone(), creation.clone()),
        (
            "/user/effective_groups".to_owned(),
            "effective_groups",
            member,
            vec![top.clone(), groups[1].clone(), groups[2].clone(), groups[5].clone(), groups[6].clone()],
        ),
    ];
    for (path, key, token, paged_order) in &lists {
        // Without parameters: the whole list, and no Link header.
        let whole = app.get(path, token).await.expect(StatusCode::OK);
        assert_eq!(whole.header("link"), None, "{path}");
        assert_eq!(whole.json().get("next"), None, "{path}: a whole list has no next member");
        let whole = items(&whole, key);
        assert_eq!(sorted(&whole), sorted(paged_order), "{path}: the whole list");
        for limit in [1, 2, 4, 5, 1000] {
            let pages = walk(&app, path, key, limit, token).await;
            assert_eq!(pages.len(), whole.len().div_ceil(limit), "{path}, limit {limit}");
            assert_eq!(&pages.concat(), paged_order, "{path}, limit {limit}: the paged order");
        }
    }
    // The whole effective-users list keeps its order: direct members first (the admin, then
    // the member who joined top last), then the others by creation.
    let whole = items(&app.get(&lists[2].0, &admin).await.expect(StatusCode::OK), "users");
    let expected = [&creation[0], &creation[4], &creation[1], &creation[2], &creation[3], &creation[5]];
    assert_eq!(whole.iter().collect::<Vec<_>>(), expected, "the unpaged order is unchanged");
}

async fn a_nested_list_changed_between_pages_repeats_nothing_and_skips_nothing_that_stayed(backend: Backend) {
    let app = crate::support::spawn_app(backend).await;
    let admin = app.admin_token.clone();
    let (top, a, b) = (
        app.create_group(&admin, "top").await,
        app.create_group(&admin, "a").await,
        app.create_group(&admin, "b").await,
    );
    nest(&app, &admin, &top, &a).await;
    nest(&app, &admin, &top, &b).await;
    let mut users = Vec::new();
    for i in 0..6 {
        let user = app.user(&format!("member {i}")).await;
        let invite = app.invite(&admin, if i % 2 == 0 { &a } else { &b }).await;
        app.join_ok(&user.1, &invite).await;
        users.push(user);
    }
    let path = format!("/groups/{top}/effective_users?limit=2");
    let first = app.get(&path, &admin).await.expect(StatusCode::OK);
    assert_eq!(items(&first, "users").len(), 2);
    // Before the next page: member 0 (read already) and member 3 (not yet) join top directly
    // and leave their child, member 4 leaves, a new member joins.
    for (user, from) in [(&users[0], &a), (&users[3], &b)] {
        let invite = app.invite(&admin, &top).await;
        app.join_ok(&user.1, &invite).await;
        app.delete(&format!("/groups/{from}/users/{}", user.0), &admin).await.expect(StatusCode::NO_CONTENT);
    }
    app.delete(&format!("/groups/{a}/users/{}", users[4].0), &admin).await.expect(StatusCode::NO_CONTENT);
    let late = app.user("late").await;
    let invite = app.invite(&admin, &b).await;
    app.join_ok(&late.1, &invite).await;

    let seen = rest_of_walk(&app, &first, "users", &admin).await;
    assert!(each_once(&seen), "no user twice: {seen:?}");
    let admin_id = app.user_id(&admin).await;
    for stayed in [&admin_id, &users[0].0, &users[1].0, &users[2].0, &users[3].0, &users[5].0] {
        assert!(seen.contains(stayed), "{stayed} stayed an effective member throughout: {seen:?}");
    }
}

async fn a_malformed_cursor_or_a_limit_out_of_range_is_a_400_and_unknown_parameters_are_ignored(backend: Backend) {
    let app = crate::support::spawn_app(backend).await;
    let admin = app.admin_token.clone();
    let gid = app.create_group(&admin, "team").await;
    for path in [
        "/groups".to_owned(),
        "/user/groups".to_owned(),
        format!("/groups/{gid}/users"),
        format!("/groups/{gid}/nested"),
        format!("/groups/{gid}/parent"),
        format!("/groups/{gid}/effective_users"),
        "/user/effective_groups".to_owned(),
    ] {
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

/// A whole list longer than a chunk (`TEST_LIST_CHUNK` here, 1,000 in the binary) is sent as
/// it is read: no `Content-Length`, chunked over HTTP/1.1, and still the whole list, equal to
/// its pages put together. A list that fits one chunk is sent at once, with its length.
async fn a_whole_list_longer_than_a_chunk_is_sent_as_it_is_read_and_is_still_the_whole_list(backend: Backend) {
    let app = crate::support::spawn_app(backend).await;
    let admin = app.admin_token.clone();
    let top = app.create_group(&admin, "top").await;
    let mut children = Vec::new();
    for i in 0..5 {
        let child = app.create_group(&admin, &format!("child {i}")).await;
        nest(&app, &admin, &top, &child).await;
        children.push(child);
    }
    for i in 0..4 {
        let (_, user) = app.user(&format!("member {i}")).await;
        let invite = app.invite(&admin, &top).await;
        app.join_ok(&user, &invite).await;
    }
    for i in 0..2 {
        let parent = app.create_group(&admin, &format!("parent {i}")).await;
        nest(&app, &admin, &parent, &children[0]).await;
    }
    let (_, loner) = app.user("loner").await;
    let lists = [
        ("/groups".to_owned(), "groups", admin.as_str()),
        ("/user/groups".to_owned(), "groups", admin.as_str()),
        (format!("/groups/{top}/users"), "users", admin.as_str()),
        ("/users".to_owned(), "users", admin.as_str()),
        (format!("/groups/{top}/nested"), "nested_groups", admin.as_str()),
        ("/user/groups".to_owned(), "groups", loner.as_str()),
        (format!("/groups/{}/parent", children[0]), "parent_groups", admin.as_str()),
    ];
    let mut streamed = 0;
    for (path, key, token) in lists {
        let whole = app.get(&path, token).await.expect(StatusCode::OK);
        let items = items(&whole, key);
        let pages = walk(&app, &path, key, 1, token).await;
        assert_eq!(pages.concat(), items, "{path}: the whole list is its pages put together");
        if items.len() > crate::support::TEST_LIST_CHUNK as usize {
            assert_eq!(whole.header("content-length"), None, "{path}: {} items are sent as read", items.len());
            assert_eq!(whole.header("transfer-encoding").as_deref(), Some("chunked"), "{path}");
            streamed += 1;
        } else {
            let length = whole.header("content-length").unwrap_or_else(|| panic!("{path}: a short list's length"));
            assert_eq!(length, whole.text().len().to_string(), "{path}");
        }
    }
    assert_eq!(streamed, 6, "all but the loner's groups are longer than a chunk");
    assert_eq!(items(&app.get(&format!("/groups/{top}/nested"), &admin).await, "nested_groups"), children);
    let head = app.request(Method::HEAD, "/groups").auth(&admin).send().await.expect(StatusCode::OK);
    assert_eq!(head.text(), "", "HEAD sends no body, and reads no chunk after the first");
}

/// A whole effective list longer than a chunk is read a chunk at a time too, in two parts (the
/// direct part in join order, then the others by creation), and keeps its order, each item
/// once: not the order of its pages.
async fn a_whole_effective_list_longer_than_a_chunk_keeps_its_order_and_each_item_once(backend: Backend) {
    let app = crate::support::spawn_app(backend).await;
    let admin = app.admin_token.clone();
    let root = app.create_group(&admin, "root").await;
    let top = app.create_group(&admin, "top").await;
    let child = app.create_group(&admin, "child").await;
    nest(&app, &admin, &root, &top).await;
    nest(&app, &admin, &top, &child).await;
    let join = |token: String, group: String| {
        let app = &app;
        let admin = admin.clone();
        async move {
            let invite = app.invite(&admin, &group).await;
            app.join_ok(&token, &invite).await;
        }
    };
    // In creation order: two members of the child only, three of top, one of both (the child
    // first).
    let mut users = Vec::new();
    for (name, groups) in [
        ("child 0", vec![&child]),
        ("child 1", vec![&child]),
        ("top 0", vec![&top]),
        ("top 1", vec![&top]),
        ("top 2", vec![&top]),
        ("both", vec![&child, &top]),
    ] {
        let (id, token) = app.user(name).await;
        for group in groups {
            join(token.clone(), group.clone()).await;
        }
        users.push((id, token));
    }
    let id = |i: usize| users[i].0.clone();
    let lists = [
        (
            format!("/groups/{top}/effective_users"),
            "users",
            admin.clone(),
            vec![app.user_id(&admin).await, id(2), id(3), id(4), id(5), id(0), id(1)],
        ),
        ("/user/effective_groups".to_owned(), "effective_groups", users[5].1.clone(), vec![child, top, root]),
    ];
    for (path, key, token, expected) in lists {
        let whole = app.get(&path, &token).await.expect(StatusCode::OK);
        assert!(expected.len() > crate::support::TEST_LIST_CHUNK as usize, "{path}: longer than a chunk");
        assert_eq!(whole.header("content-length"), None, "{path}: sent as read");
        assert_eq!(items(&whole, key), expected, "{path}: direct first, then the others by creation");
        let paged = walk(&app, &path, key, 1, &token).await.concat();
        assert_ne!(paged, expected, "{path}: the pages follow creation alone");
        assert_eq!(sorted(&paged), sorted(&expected), "{path}: the same items");
    }
}

/// A chunk that cannot be read after the first has gone out cuts the transfer: the client sees
/// a broken response, never a shorter list that looks whole.
async fn a_chunk_that_cannot_be_read_cuts_the_transfer_rather_than_end_the_list_early(backend: Backend) {
    use crate::support::stores::{Mode, ProbeStore};
    let detail = "the database went away between chunks";
    let app =
        crate::support::spawn_app_with(backend, |store| ProbeStore::wrap(store, Mode::DownAfterFirstChunk { detail }))
            .await;
    let admin = app.admin_token.clone();
    let group = app.create_group(&admin, "group").await;
    for i in 0..4 {
        let (_, user) = app.user(&format!("member {i}")).await;
        let invite = app.invite(&admin, &group).await;
        app.join_ok(&user, &invite).await;
    }
    for list in ["users", "effective_users"] {
        let url = format!("{}/groups/{group}/{list}", app.base);
        // The head and the first chunk may still be in the server's buffer when the failure
        // comes, so the cut shows as an incomplete message or as a body that breaks off.
        let body = match app.client.get(&url).header("x-auth-token", &admin).send().await {
            Ok(response) => {
                assert_eq!(response.status(), StatusCode::OK, "{list}: the first chunk was read before the head");
                response.bytes().await
            }
            Err(e) => Err(e),
        };
        assert!(body.is_err(), "{list}: the transfer is cut, not ended: {body:?}");
    }
    // The next request, on a new connection, is served as before.
    let page = app.get(&format!("/groups/{group}/users?limit=2"), &admin).await.expect(StatusCode::OK);
    assert_eq!(items(&page, "users").len(), 2);
}

all_backends!(
    a_whole_list_longer_than_a_chunk_is_sent_as_it_is_read_and_is_still_the_whole_list,
    a_whole_effective_list_longer_than_a_chunk_keeps_its_order_and_each_item_once,
    pages_concatenate_to_the_whole_list_by_following_the_link_header,
    a_group_deleted_or_added_between_pages_does_not_break_the_walk,
    pages_of_the_nested_lists_give_each_member_of_the_whole_list_once,
    a_nested_list_changed_between_pages_repeats_nothing_and_skips_nothing_that_stayed,
);
edge_only!(
    a_malformed_cursor_or_a_limit_out_of_range_is_a_400_and_unknown_parameters_are_ignored,
    a_chunk_that_cannot_be_read_cuts_the_transfer_rather_than_end_the_list_early,
);
