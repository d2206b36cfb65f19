//! Pages of the lists on SQLite: one keyset query each on the read-only connections,
//! `WHERE seq > ? ORDER BY seq LIMIT ?` over an index whose last column is `seq` (the `groups`
//! table's unique `seq`, `memberships_by_user`, `memberships_by_group`), so a page costs what it
//! holds. The contract is the `Store` trait's.

use rusqlite::Connection;

use super::errors::Failure;
use super::SqliteStore;
use crate::domain::{GroupId, Page, PageRequest, UserId};
use crate::store::sql::pages::{after_bound, decode_page, decode_page_with_seq, fetch_limit, scan_window};
use crate::store::sql::{self, RowError};
use crate::store::StoreResult;

/// `?1` is the bound, `?2` the limit and `?3` the key, in each statement.
const GROUPS: &str = "SELECT id, seq FROM groups WHERE seq > ?1 ORDER BY seq LIMIT ?2";
const USER_GROUPS: &str = "SELECT group_id, seq FROM memberships WHERE user_id = ?3 AND seq > ?1 ORDER BY seq LIMIT ?2";
const GROUP_USERS: &str = "SELECT user_id, seq FROM memberships WHERE group_id = ?3 AND seq > ?1 ORDER BY seq LIMIT ?2";
const CHILD_GROUPS: &str =
    "SELECT child_id, seq FROM group_links WHERE parent_id = ?3 AND seq > ?1 ORDER BY seq LIMIT ?2";
const PARENT_GROUPS: &str =
    "SELECT parent_id, seq FROM group_links WHERE child_id = ?3 AND seq > ?1 ORDER BY seq LIMIT ?2";
/// `GROUP_USERS`, each member with its user's creation `seq`.
const GROUP_USERS_WITH_SEQ: &str = "SELECT m.user_id, m.seq, u.seq FROM memberships m
     CROSS JOIN users u ON u.id = m.user_id
     WHERE m.group_id = ?3 AND m.seq > ?1 ORDER BY m.seq LIMIT ?2";
/// `USER_GROUPS`, each group with its creation `seq`.
const USER_GROUPS_WITH_SEQ: &str = "SELECT m.group_id, m.seq, g.seq FROM memberships m
     CROSS JOIN groups g ON g.id = m.group_id
     WHERE m.user_id = ?3 AND m.seq > ?1 ORDER BY m.seq LIMIT ?2";
/// `CHILD_GROUPS`, each child with its creation `seq`.
const CHILD_GROUPS_WITH_SEQ: &str = "SELECT l.child_id, l.seq, g.seq FROM group_links l
     CROSS JOIN groups g ON g.id = l.child_id
     WHERE l.parent_id = ?3 AND l.seq > ?1 ORDER BY l.seq LIMIT ?2";
/// `PARENT_GROUPS`, each parent with its creation `seq`.
const PARENT_GROUPS_WITH_SEQ: &str = "SELECT l.parent_id, l.seq, g.seq FROM group_links l
     CROSS JOIN groups g ON g.id = l.parent_id
     WHERE l.child_id = ?3 AND l.seq > ?1 ORDER BY l.seq LIMIT ?2";
/// The newest user's `seq`: about how many users there are, read from the index's end.
const LAST_USER_SEQ: &str = "SELECT COALESCE(MAX(seq), 0) FROM users";
/// A page of effective members when many users are members: the users after the bound in
/// creation order, up to `?4`, each kept when one of its few memberships is below the group,
/// or in it with a `seq` above `?5` (a closure lookup by key). On a top group this reads
/// about `limit` users.
const EFFECTIVE_USERS_SCAN: &str = "SELECT u.id, u.seq, u.seq FROM users u
     WHERE u.seq > ?1 AND u.seq <= ?4 AND EXISTS (
         SELECT 1 FROM memberships m WHERE m.user_id = u.id
         AND ((m.group_id = ?3 AND m.seq > ?5) OR EXISTS (
             SELECT 1 FROM group_closure c WHERE c.ancestor = ?3 AND c.descendant = m.group_id)))
     ORDER BY u.seq LIMIT ?2";
/// A page of effective members when few users are members: their memberships below the group
/// (and in it, with a `seq` above `?5`), each user once, sorted by the user's `seq`. It takes
/// the scan's parameters (`?4` unused).
const EFFECTIVE_USERS_FEW: &str = "SELECT u.id, u.seq, u.seq FROM (
         SELECT user_id FROM memberships WHERE group_id = ?3 AND seq > ?5
         UNION
         SELECT m.user_id FROM group_closure c CROSS JOIN memberships m ON m.group_id = c.descendant
         WHERE c.ancestor = ?3
     ) x CROSS JOIN users u ON u.id = x.user_id
     WHERE u.seq > ?1 ORDER BY u.seq LIMIT ?2";
/// The user's groups (those with a membership `seq` above `?4`) and their ancestors (a few
/// dozen even at depth 20), sorted by creation: the sort is over that small set, never over
/// the groups.
const EFFECTIVE_GROUPS: &str = "WITH reached(g) AS (
         SELECT group_id FROM memberships WHERE user_id = ?3 AND seq > ?4
         UNION
         SELECT c.ancestor FROM memberships m CROSS JOIN group_closure c ON c.descendant = m.group_id
         WHERE m.user_id = ?3
     )
     SELECT gr.id, gr.seq, gr.seq FROM reached r JOIN groups gr ON gr.id = r.g
     WHERE gr.seq > ?1 ORDER BY gr.seq LIMIT ?2";

impl SqliteStore {
    pub(super) async fn list_groups_page_in(&self, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.page(GROUPS, None, page, sql::group_id).await
    }

    pub(super) async fn user_groups_page_in(&self, user: &UserId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.page(USER_GROUPS, Some(user.as_str().to_owned()), page, sql::group_id).await
    }

    pub(super) async fn group_users_page_in(&self, group: &GroupId, page: PageRequest) -> StoreResult<Page<UserId>> {
        self.page(GROUP_USERS, Some(group.as_str().to_owned()), page, sql::user_id).await
    }

    pub(super) async fn child_groups_page_in(&self, parent: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.page(CHILD_GROUPS, Some(parent.as_str().to_owned()), page, sql::group_id).await
    }

    pub(super) async fn parent_groups_page_in(&self, child: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.page(PARENT_GROUPS, Some(child.as_str().to_owned()), page, sql::group_id).await
    }

    pub(super) async fn group_users_page_with_seq_in(
        &self,
        group: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(UserId, u64)>> {
        self.page_with_seq(GROUP_USERS_WITH_SEQ, group.as_str().to_owned(), page, sql::user_id).await
    }

    pub(super) async fn user_groups_page_with_seq_in(
        &self,
        user: &UserId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        self.page_with_seq(USER_GROUPS_WITH_SEQ, user.as_str().to_owned(), page, sql::group_id).await
    }

    pub(super) async fn child_groups_page_with_seq_in(
        &self,
        parent: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        self.page_with_seq(CHILD_GROUPS_WITH_SEQ, parent.as_str().to_owned(), page, sql::group_id).await
    }

    pub(super) async fn parent_groups_page_with_seq_in(
        &self,
        child: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        self.page_with_seq(PARENT_GROUPS_WITH_SEQ, child.as_str().to_owned(), page, sql::group_id).await
    }

    /// One of two exact statements; both give the same page. First a scan of at most
    /// `scan_window` users after the bound; when that fills the page, or reaches the last
    /// user, it is the page, and otherwise the members are few and are read and sorted.
    pub(super) async fn inherited_users_page_in(
        &self,
        group: &GroupId,
        joined_after: u64,
        page: PageRequest,
    ) -> StoreResult<Page<(UserId, u64)>> {
        let Some(bound) = after_bound(page) else {
            return Ok(Page::whole(Vec::new()));
        };
        // Past every membership a column can hold: none is newer.
        let joined_after = i64::try_from(joined_after).unwrap_or(i64::MAX);
        let group = group.as_str().to_owned();
        self.read(move |conn: &Connection| {
            let last_user: i64 = conn.prepare_cached(LAST_USER_SEQ)?.query_row([], |r| r.get(0))?;
            let end = bound.saturating_add(scan_window(page, last_user));
            let params = rusqlite::params![bound, fetch_limit(page), group, end, joined_after];
            let scan = rows_with_seq(conn, EFFECTIVE_USERS_SCAN, params, page, sql::user_id)?;
            // No `next` within the window, which ends before the last user: a full page or
            // none, it cannot say what follows.
            if scan.next.is_none() && end < last_user {
                return rows_with_seq(conn, EFFECTIVE_USERS_FEW, params, page, sql::user_id);
            }
            Ok(scan)
        })
        .await
    }

    pub(super) async fn inherited_groups_page_in(
        &self,
        user: &UserId,
        joined_after: u64,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        let Some(bound) = after_bound(page) else {
            return Ok(Page::whole(Vec::new()));
        };
        let joined_after = i64::try_from(joined_after).unwrap_or(i64::MAX);
        let user = user.as_str().to_owned();
        let read = move |conn: &Connection| {
            let params = rusqlite::params![bound, fetch_limit(page), user, joined_after];
            rows_with_seq(conn, EFFECTIVE_GROUPS, params, page, sql::group_id)
        };
        self.read(read).await
    }

    /// Runs `select`, which gives each item's creation `seq` as its third column, with the
    /// bound, the limit and the key, inline (as `page`).
    async fn page_with_seq<T: Send + 'static>(
        &self,
        select: &'static str,
        key: String,
        page: PageRequest,
        parse: fn(String) -> Result<T, RowError>,
    ) -> StoreResult<Page<(T, u64)>> {
        let Some(bound) = after_bound(page) else {
            return Ok(Page::whole(Vec::new()));
        };
        let read = move |conn: &Connection| {
            rows_with_seq(conn, select, rusqlite::params![bound, fetch_limit(page), key], page, parse)
        };
        self.read_inline(read).await
    }

    /// Runs `select` with the bound, the limit and (when given) the key: at most `MAX_PAGE`
    /// rows and one more, by an index that ends in the list's order, so a short read, run
    /// inline like one user's list (a whole list's chunks are such pages, `service::Listing`).
    async fn page<T: Send + 'static>(
        &self,
        select: &'static str,
        key: Option<String>,
        page: PageRequest,
        parse: fn(String) -> Result<T, RowError>,
    ) -> StoreResult<Page<T>> {
        let Some(bound) = after_bound(page) else {
            return Ok(Page::whole(Vec::new()));
        };
        let read = move |conn: &Connection| {
            let mut stmt = conn.prepare_cached(select)?;
            let row = |r: &rusqlite::Row<'_>| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?));
            let rows = match &key {
                Some(key) => stmt.query_map(rusqlite::params![bound, fetch_limit(page), key], row)?,
                None => stmt.query_map(rusqlite::params![bound, fetch_limit(page)], row)?,
            }
            .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(decode_page(rows, page, parse)?)
        };
        self.read_inline(read).await
    }
}

/// The page `select` reads with `params` (the bound, the limit, the key, then any others),
/// each item with its creation `seq` (the third column).
fn rows_with_seq<T>(
    conn: &Connection,
    select: &str,
    params: &[&dyn rusqlite::ToSql],
    page: PageRequest,
    parse: fn(String) -> Result<T, RowError>,
) -> Result<Page<(T, u64)>, Failure> {
    let mut stmt = conn.prepare_cached(select)?;
    let row = |r: &rusqlite::Row<'_>| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?));
    let rows = stmt.query_map(params, row)?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(decode_page_with_seq(rows, page, parse)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::sqlite::tests::query_plan;

    /// A connection to a new database migrated by the store (and its directory, to keep).
    fn migrated() -> (tempfile::TempDir, Connection) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("oz.db");
        drop(SqliteStore::open(&path).expect("open and migrate"));
        let conn = Connection::open(&path).expect("open");
        (dir, conn)
    }

    #[test]
    fn every_page_is_read_from_an_index_in_order_without_sorting_the_list() {
        let (_dir, conn) = migrated();
        for (select, index) in [
            (GROUPS, "sqlite_autoindex_groups"),
            (USER_GROUPS, "memberships_by_user"),
            (GROUP_USERS, "memberships_by_group"),
            (USER_GROUPS_WITH_SEQ, "memberships_by_user"),
            (GROUP_USERS_WITH_SEQ, "memberships_by_group"),
            (CHILD_GROUPS, "group_links_by_parent"),
            (PARENT_GROUPS, "group_links_by_child"),
            (EFFECTIVE_USERS_SCAN, "sqlite_autoindex_users"),
        ] {
            let plan = query_plan(&conn, select);
            assert!(plan.contains(index) && !plan.contains("TEMP B-TREE"), "{select}: {plan}");
        }
    }

    /// A reader runs a page's statement again, with other bounds and limits, from its cache,
    /// without preparing it again (`open_read_only`'s `ENABLE_QPSG`): a whole list's chunks and
    /// most requests' reads are such pages.
    #[test]
    fn a_readers_page_statements_are_planned_once_whatever_is_bound() {
        let (dir, _conn) = migrated();
        let reader = super::super::readers::open_inline_reader(&dir.path().join("oz.db")).expect("a reader");
        for select in
            [USER_GROUPS, GROUP_USERS, USER_GROUPS_WITH_SEQ, GROUP_USERS_WITH_SEQ, CHILD_GROUPS, EFFECTIVE_GROUPS]
        {
            for (bound, limit) in [(0_i64, 1001_i64), (5, 11), (7, 1001), (0, 3)] {
                let mut stmt = reader.prepare_cached(select).expect("prepares");
                // `EFFECTIVE_GROUPS` takes a fourth, the membership `seq` its direct part starts after.
                let params = rusqlite::params![bound, limit, "someone", bound];
                let count = stmt.parameter_count();
                let rows = stmt.query_map(&params[..count], |_| Ok(())).expect("runs");
                assert_eq!(rows.count(), 0);
                let again = stmt.get_status(rusqlite::StatementStatus::RePrepare);
                assert_eq!(again, 0, "{select} was prepared again for bound {bound}, limit {limit}");
            }
        }
    }

    /// A user's groups, a page of them or all (`GET /user/groups`, most requests' read), come
    /// from `memberships_by_user` alone, without a seek into the table per group (0009).
    #[test]
    fn a_users_groups_are_read_from_the_index_alone() {
        let (_dir, conn) = migrated();
        for select in [USER_GROUPS, super::super::USER_GROUPS] {
            let plan = query_plan(&conn, select);
            assert!(plan.contains("COVERING INDEX memberships_by_user"), "{select}: {plan}");
        }
    }
}
