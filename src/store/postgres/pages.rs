//! Pages of the lists on PostgreSQL: one keyset query each, `WHERE seq > $1 ORDER BY seq
//! LIMIT $2` over an index whose last column is `seq` (the `groups` table's unique `seq`,
//! `memberships_by_user`, `memberships_by_group`), so a page costs what it holds. A single
//! statement sees one snapshot, so a page never mixes two states of the list. The contract is
//! the `Store` trait's.

use tokio_postgres::types::ToSql;

use super::rows::{query, query_one};
use super::PostgresStore;
use crate::domain::{GroupId, Page, PageRequest, UserId};
use crate::store::sql::pages::{after_bound, decode_page, fetch_limit, scan_threshold};
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

    /// One of two exact statements, whichever reads fewer rows for this group
    /// (`scan_threshold`); both give the same page. Many members: the users after the bound
    /// in creation order, each kept when one of its few memberships is in the group or below
    /// it (about `limit` users read on a top group). Few: their memberships below the group,
    /// each user once, sorted by the user's `seq`.
    pub(super) async fn effective_users_page_in(
        &self,
        group: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<UserId>> {
        const LAST_USER_SEQ: &str = "SELECT COALESCE(MAX(seq), 0) FROM users";
        const MEMBERSHIPS_BELOW: &str = "SELECT count(*) FROM (
                 SELECT 1 FROM memberships WHERE group_id = $1
                 UNION ALL
                 SELECT 1 FROM group_closure c JOIN memberships m ON m.group_id = c.descendant
                 WHERE c.ancestor = $1
                 LIMIT $2) below";
        const SCAN: &str = "SELECT u.id, u.seq FROM users u
             WHERE u.seq > $1 AND EXISTS (
                 SELECT 1 FROM memberships m WHERE m.user_id = u.id
                 AND (m.group_id = $3 OR EXISTS (
                     SELECT 1 FROM group_closure c WHERE c.ancestor = $3 AND c.descendant = m.group_id)))
             ORDER BY u.seq LIMIT $2";
        const FEW: &str = "SELECT u.id, u.seq FROM (
                 SELECT user_id FROM memberships WHERE group_id = $3
                 UNION
                 SELECT m.user_id FROM group_closure c JOIN memberships m ON m.group_id = c.descendant
                 WHERE c.ancestor = $3
             ) x JOIN users u ON u.id = x.user_id
             WHERE u.seq > $1 ORDER BY u.seq LIMIT $2";
        let Some(bound) = after_bound(page) else {
            return Ok(Page::whole(Vec::new()));
        };
        let limit = fetch_limit(page);
        self.read(&(bound, limit, group.as_str()), |client, (bound, limit, group)| {
            Box::pin(async move {
                let last_user: i64 = query_one(client, LAST_USER_SEQ, &[]).await?.try_get(0)?;
                let threshold = scan_threshold(page, last_user);
                let below: i64 = query_one(client, MEMBERSHIPS_BELOW, &[group, &threshold]).await?.try_get(0)?;
                let select = if below >= threshold { SCAN } else { FEW };
                let rows = query(client, select, &[bound, limit, group]).await?;
                let rows = rows
                    .iter()
                    .map(|row| Ok((row.try_get::<_, String>(0)?, row.try_get::<_, i64>(1)?)))
                    .collect::<Result<Vec<_>, tokio_postgres::Error>>()?;
                Ok(decode_page(rows, page, sql::user_id)?)
            })
        })
        .await
    }

    /// The user's groups and their ancestors, sorted by creation: a sort over that small set.
    pub(super) async fn effective_groups_page_in(
        &self,
        user: &UserId,
        page: PageRequest,
    ) -> StoreResult<Page<GroupId>> {
        let select = "WITH reached(g) AS (
                 SELECT group_id FROM memberships WHERE user_id = $3
                 UNION
                 SELECT c.ancestor FROM memberships m JOIN group_closure c ON c.descendant = m.group_id
                 WHERE m.user_id = $3
             )
             SELECT gr.id, gr.seq FROM reached r JOIN groups gr ON gr.id = r.g
             WHERE gr.seq > $1 ORDER BY gr.seq LIMIT $2";
        self.page(select, Some(user.as_str()), page, sql::group_id).await
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
