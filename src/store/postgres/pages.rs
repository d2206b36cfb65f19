//! Pages of the lists on PostgreSQL: one keyset query each, `WHERE seq > $1 ORDER BY seq
//! LIMIT $2` over an index whose last column is `seq` (the `groups` table's unique `seq`,
//! `memberships_by_user`, `memberships_by_group`), so a page costs what it holds. A single
//! statement sees one snapshot, so a page never mixes two states of the list. The contract is
//! the `Store` trait's.

use tokio_postgres::types::ToSql;

use super::rows::{query, query_one};
use super::PostgresStore;
use crate::domain::{GroupId, Page, PageRequest, UserId};
use crate::store::sql::pages::{after_bound, decode_page, decode_page_with_seq, fetch_limit, scan_window};
use crate::store::sql::{self, RowError};
use crate::store::StoreResult;

impl PostgresStore {
    pub(super) async fn list_groups_page_in(&self, page: PageRequest) -> StoreResult<Page<GroupId>> {
        let select = "SELECT id, seq FROM groups WHERE seq > $1 ORDER BY seq LIMIT $2";
        self.page(select, None, page, sql::group_id).await
    }

    pub(super) async fn user_groups_page_in(&self, user: &UserId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        let select = "SELECT group_id, seq FROM memberships WHERE user_id = $3 AND seq > $1 ORDER BY seq LIMIT $2";
        self.page(select, Some(user.as_str()), page, sql::group_id).await
    }

    pub(super) async fn group_users_page_in(&self, group: &GroupId, page: PageRequest) -> StoreResult<Page<UserId>> {
        let select = "SELECT user_id, seq FROM memberships WHERE group_id = $3 AND seq > $1 ORDER BY seq LIMIT $2";
        self.page(select, Some(group.as_str()), page, sql::user_id).await
    }

    pub(super) async fn child_groups_page_in(&self, parent: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        let select = "SELECT child_id, seq FROM group_links WHERE parent_id = $3 AND seq > $1 ORDER BY seq LIMIT $2";
        self.page(select, Some(parent.as_str()), page, sql::group_id).await
    }

    pub(super) async fn parent_groups_page_in(&self, child: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        let select = "SELECT parent_id, seq FROM group_links WHERE child_id = $3 AND seq > $1 ORDER BY seq LIMIT $2";
        self.page(select, Some(child.as_str()), page, sql::group_id).await
    }

    pub(super) async fn group_users_page_with_seq_in(
        &self,
        group: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(UserId, u64)>> {
        let select = "SELECT m.user_id, m.seq, u.seq FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.group_id = $3 AND m.seq > $1 ORDER BY m.seq LIMIT $2";
        self.page_with_seq(select, group.as_str(), None, page, sql::user_id).await
    }

    pub(super) async fn user_groups_page_with_seq_in(
        &self,
        user: &UserId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        let select = "SELECT m.group_id, m.seq, g.seq FROM memberships m JOIN groups g ON g.id = m.group_id
             WHERE m.user_id = $3 AND m.seq > $1 ORDER BY m.seq LIMIT $2";
        self.page_with_seq(select, user.as_str(), None, page, sql::group_id).await
    }

    pub(super) async fn child_groups_page_with_seq_in(
        &self,
        parent: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        let select = "SELECT l.child_id, l.seq, g.seq FROM group_links l JOIN groups g ON g.id = l.child_id
             WHERE l.parent_id = $3 AND l.seq > $1 ORDER BY l.seq LIMIT $2";
        self.page_with_seq(select, parent.as_str(), None, page, sql::group_id).await
    }

    pub(super) async fn parent_groups_page_with_seq_in(
        &self,
        child: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        let select = "SELECT l.parent_id, l.seq, g.seq FROM group_links l JOIN groups g ON g.id = l.parent_id
             WHERE l.child_id = $3 AND l.seq > $1 ORDER BY l.seq LIMIT $2";
        self.page_with_seq(select, child.as_str(), None, page, sql::group_id).await
    }

    /// One of two exact statements; both give the same page. First a scan of at most
    /// `scan_window` users after the bound, in creation order, each kept when one of its few
    /// memberships is below the group, or in it with a `seq` above `joined_after` (about
    /// `limit` users read on a top group). When that fills the page, or reaches the last
    /// user, it is the page. Otherwise the members are few: their memberships below the group
    /// (and in it, past `joined_after`), each user once, sorted by the user's `seq`.
    pub(super) async fn inherited_users_page_in(
        &self,
        group: &GroupId,
        joined_after: u64,
        page: PageRequest,
    ) -> StoreResult<Page<(UserId, u64)>> {
        const LAST_USER_SEQ: &str = "SELECT COALESCE(MAX(seq), 0) FROM users";
        const SCAN: &str = "SELECT u.id, u.seq, u.seq FROM users u
             WHERE u.seq > $1 AND u.seq <= $5 AND EXISTS (
                 SELECT 1 FROM memberships m WHERE m.user_id = u.id
                 AND ((m.group_id = $3 AND m.seq > $4) OR EXISTS (
                     SELECT 1 FROM group_closure c WHERE c.ancestor = $3 AND c.descendant = m.group_id)))
             ORDER BY u.seq LIMIT $2";
        const FEW: &str = "SELECT u.id, u.seq, u.seq FROM (
                 SELECT user_id FROM memberships WHERE group_id = $3 AND seq > $4
                 UNION
                 SELECT m.user_id FROM group_closure c JOIN memberships m ON m.group_id = c.descendant
                 WHERE c.ancestor = $3
             ) x JOIN users u ON u.id = x.user_id
             WHERE u.seq > $1 ORDER BY u.seq LIMIT $2";
        let Some(bound) = after_bound(page) else {
            return Ok(Page::whole(Vec::new()));
        };
        // Past every membership a column can hold: none is newer.
        let joined_after = i64::try_from(joined_after).unwrap_or(i64::MAX);
        let limit = fetch_limit(page);
        self.read(&(bound, limit, group.as_str(), joined_after), |client, (bound, limit, group, joined_after)| {
            Box::pin(async move {
                let last_user: i64 = query_one(client, LAST_USER_SEQ, &[]).await?.try_get(0)?;
                let end = bound.saturating_add(scan_window(page, last_user));
                let mut rows = query(client, SCAN, &[bound, limit, group, joined_after, &end]).await?;
                // No next row within the window, which ends before the last user: a full page
                // or none, it cannot say what follows.
                if (rows.len() as i64) < *limit && end < last_user {
                    rows = query(client, FEW, &[bound, limit, group, joined_after]).await?;
                }
                Ok(decode_page_with_seq(rows_with_seq(&rows)?, page, sql::user_id)?)
            })
        })
        .await
    }

    /// The user's groups (past `joined_after`) and their ancestors, sorted by creation: a sort
    /// over that small set.
    pub(super) async fn inherited_groups_page_in(
        &self,
        user: &UserId,
        joined_after: u64,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        const SELECT: &str = "WITH reached(g) AS (
                 SELECT group_id FROM memberships WHERE user_id = $3 AND seq > $4
                 UNION
                 SELECT c.ancestor FROM memberships m JOIN group_closure c ON c.descendant = m.group_id
                 WHERE m.user_id = $3
             )
             SELECT gr.id, gr.seq, gr.seq FROM reached r JOIN groups gr ON gr.id = r.g
             WHERE gr.seq > $1 ORDER BY gr.seq LIMIT $2";
        self.page_with_seq(SELECT, user.as_str(), Some(joined_after), page, sql::group_id).await
    }

    /// Runs `select`, whose `$1` is the bound, `$2` the limit, `$3` the key and `$4` (when
    /// given) `joined_after`, and whose third column is each item's creation `seq`.
    async fn page_with_seq<T: Send>(
        &self,
        select: &'static str,
        key: &str,
        joined_after: Option<u64>,
        page: PageRequest,
        parse: fn(String) -> Result<T, RowError>,
    ) -> StoreResult<Page<(T, u64)>> {
        let Some(bound) = after_bound(page) else {
            return Ok(Page::whole(Vec::new()));
        };
        // Past every membership a column can hold: none is newer.
        let joined_after = joined_after.map(|after| i64::try_from(after).unwrap_or(i64::MAX));
        let limit = fetch_limit(page);
        self.read(&(bound, limit, key, joined_after), |client, (bound, limit, key, joined_after)| {
            Box::pin(async move {
                let mut params: Vec<&(dyn ToSql + Sync)> = vec![bound, limit, key];
                if let Some(joined_after) = joined_after {
                    params.push(joined_after);
                }
                let rows = query(client, select, &params).await?;
                Ok(decode_page_with_seq(rows_with_seq(&rows)?, page, parse)?)
            })
        })
        .await
    }

    /// Runs `select`, whose `$1` is the bound, `$2` the limit and `$3` (when given) the key.
    async fn page<T: Send>(
        &self,
        select: &'static str,
        key: Option<&str>,
        page: PageRequest,
        parse: fn(String) -> Result<T, RowError>,
    ) -> StoreResult<Page<T>> {
        let Some(bound) = after_bound(page) else {
            return Ok(Page::whole(Vec::new()));
        };
        let limit = fetch_limit(page);
        self.read(&(bound, limit, key), |client, (bound, limit, key)| {
            Box::pin(async move {
                let mut params: Vec<&(dyn ToSql + Sync)> = vec![bound, limit];
                if let Some(key) = key {
                    params.push(key);
                }
                let rows = query(client, select, &params).await?;
                let rows = rows
                    .iter()
                    .map(|row| Ok((row.try_get::<_, String>(0)?, row.try_get::<_, i64>(1)?)))
                    .collect::<Result<Vec<_>, tokio_postgres::Error>>()?;
                Ok(decode_page(rows, page, parse)?)
            })
        })
        .await
    }
}

/// The rows of a page statement whose third column is each item's creation `seq`.
fn rows_with_seq(rows: &[tokio_postgres::Row]) -> Result<Vec<(String, i64, i64)>, tokio_postgres::Error> {
    rows.iter().map(|row| Ok((row.try_get(0)?, row.try_get(1)?, row.try_get(2)?))).collect()
}
