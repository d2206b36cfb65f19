//! Pages of the lists on SQLite: one keyset query each on the read-only connections,
//! `WHERE seq > ? ORDER BY seq LIMIT ?` over an index whose last column is `seq` (the `groups`
//! table's unique `seq`, `memberships_by_user`, `memberships_by_group`), so a page costs what it
//! holds. The contract is the `Store` trait's.

use rusqlite::Connection;

use super::SqliteStore;
use crate::domain::{GroupId, Page, PageRequest, UserId};
use crate::store::sql::pages::{after_bound, decode_page, fetch_limit, scan_threshold};
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
/// The newest user's `seq`: about how many users there are, read from the index's end.
const LAST_USER_SEQ: &str = "SELECT COALESCE(MAX(seq), 0) FROM users";
/// How many memberships the group and the groups below it hold, counted up to `?2`.
const MEMBERSHIPS_BELOW: &str = "SELECT count(*) FROM (
         SELECT 1 FROM memberships WHERE group_id = ?1
         UNION ALL
         SELECT 1 FROM group_closure c CROSS JOIN memberships m ON m.group_id = c.descendant
         WHERE c.ancestor = ?1
         LIMIT ?2)";
/// A page of effective members when many users are members: the users after the bound in
/// creation order, each kept when one of its few memberships is in the group or below it (a
/// closure lookup by key). On a top group this reads about `limit` users.
const EFFECTIVE_USERS_SCAN: &str = "SELECT u.id, u.seq FROM users u
     WHERE u.seq > ?1 AND EXISTS (
         SELECT 1 FROM memberships m WHERE m.user_id = u.id
         AND (m.group_id = ?3 OR EXISTS (
             SELECT 1 FROM group_closure c WHERE c.ancestor = ?3 AND c.descendant = m.group_id)))
     ORDER BY u.seq LIMIT ?2";
/// A page of effective members when few users are members: their memberships below the group,
/// each user once, sorted by the user's `seq`.
const EFFECTIVE_USERS_FEW: &str = "SELECT u.id, u.seq FROM (
         SELECT user_id FROM memberships WHERE group_id = ?3
         UNION
         SELECT m.user_id FROM group_closure c CROSS JOIN memberships m ON m.group_id = c.descendant
         WHERE c.ancestor = ?3
     ) x CROSS JOIN users u ON u.id = x.user_id
     WHERE u.seq > ?1 ORDER BY u.seq LIMIT ?2";
/// The user's groups and their ancestors (a few dozen even at depth 20), sorted by creation:
/// the sort is over that small set, never over the groups.
const EFFECTIVE_GROUPS: &str = "WITH reached(g) AS (
         SELECT group_id FROM memberships WHERE user_id = ?3
         UNION
         SELECT c.ancestor FROM memberships m CROSS JOIN group_closure c ON c.descendant = m.group_id
         WHERE m.user_id = ?3
     )
     SELECT gr.id, gr.seq FROM reached r JOIN groups gr ON gr.id = r.g
     WHERE gr.seq > ?1 ORDER BY gr.seq LIMIT ?2";

/// What a page's statement reads, which decides where it runs.
enum Cost {
    /// At most `MAX_PAGE` rows and one more, by an index that ends in the list's order: a short
    /// read, run inline like one user's list (a whole list's chunks are such pages,
    /// `service::Listing`).
    Page,
    /// Every row of the list before the page's, to order them: on the blocking pool, as the
    /// whole lists.
    List,
}

impl SqliteStore {
    pub(super) async fn list_groups_page_in(&self, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.page(GROUPS, None, page, sql::group_id, Cost::Page).await
    }

    pub(super) async fn user_groups_page_in(&self, user: &UserId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.page(USER_GROUPS, Some(user.as_str().to_owned()), page, sql::group_id, Cost::Page).await
    }

    pub(super) async fn group_users_page_in(&self, group: &GroupId, page: PageRequest) -> StoreResult<Page<UserId>> {
        self.page(GROUP_USERS, Some(group.as_str().to_owned()), page, sql::user_id, Cost::Page).await
    }

    pub(super) async fn child_groups_page_in(&self, parent: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.page(CHILD_GROUPS, Some(parent.as_str().to_owned()), page, sql::group_id, Cost::Page).await
    }

    pub(super) async fn parent_groups_page_in(&self, child: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.page(PARENT_GROUPS, Some(child.as_str().to_owned()), page, sql::group_id, Cost::Page).await
    }

    /// One of two exact statements, whichever reads fewer rows for this group
    /// (`scan_threshold`); both give the same page.
    pub(super) async fn effective_users_page_in(
        &self,
        group: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<UserId>> {
        let Some(bound) = after_bound(page) else {
            return Ok(Page::whole(Vec::new()));
        };
        let group = group.as_str().to_owned();
        self.read(move |conn: &Connection| {
            let last_user: i64 = conn.prepare_cached(LAST_USER_SEQ)?.query_row([], |r| r.get(0))?;
            let threshold = scan_threshold(page, last_user);
            let below: i64 =
                conn.prepare_cached(MEMBERSHIPS_BELOW)?.query_row(rusqlite::params![group, threshold], |r| r.get(0))?;
            let select = if below >= threshold { EFFECTIVE_USERS_SCAN } else { EFFECTIVE_USERS_FEW };
            let mut stmt = conn.prepare_cached(select)?;
            let row = |r: &rusqlite::Row<'_>| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?));
            let rows = stmt
                .query_map(rusqlite::params![bound, fetch_limit(page), group], row)?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(decode_page(rows, page, sql::user_id)?)
        })
        .await
    }

    pub(super) async fn effective_groups_page_in(
        &self,
        user: &UserId,
        page: PageRequest,
    ) -> StoreResult<Page<GroupId>> {
        self.page(EFFECTIVE_GROUPS, Some(user.as_str().to_owned()), page, sql::group_id, Cost::List).await
    }

    /// Runs `select` with the bound, the limit and (when given) the key.
    async fn page<T: Send + 'static>(
        &self,
        select: &'static str,
        key: Option<String>,
        page: PageRequest,
        parse: fn(String) -> Result<T, RowError>,
        cost: Cost,
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
        match cost {
            Cost::Page => self.read_inline(read).await,
            Cost::List => self.read(read).await,
        }
    }
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
        for select in [USER_GROUPS, GROUP_USERS, CHILD_GROUPS, EFFECTIVE_GROUPS] {
            for (bound, limit) in [(0_i64, 1001_i64), (5, 11), (7, 1001), (0, 3)] {
                let mut stmt = reader.prepare_cached(select).expect("prepares");
                let rows = stmt.query_map(rusqlite::params![bound, limit, "someone"], |_| Ok(())).expect("runs");
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
