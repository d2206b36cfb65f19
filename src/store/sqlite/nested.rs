//! Nested groups on SQLite (issue 12): the links, their closure, the nested join and the
//! effective queries. Each effective query is one statement over the maintained closure
//! (`group_closure`: every group with each of its strict ancestors and the first link down),
//! the one place this backend answers it. Changes run on the one writer inside `BEGIN
//! IMMEDIATE`, so the cycle check, the link and the closure's upkeep are one step no other
//! writer, in any process, comes between.

use rusqlite::{params, Connection, OptionalExtension};

use super::errors::Failure;
use super::named::{insert_join_record, issuer_allowed};
use super::rows::{get_token_in, id_list};
use super::zone::guard;
use super::SqliteStore;
use crate::domain::{GroupId, PrivilegeSet, UserId};
use crate::store::sql::join::IssuerCheck;
use crate::store::sql::nested::{effective_union, group_invite, spent};
use crate::store::sql::zone::Changed;
use crate::store::sql::{self};
use crate::store::{Guarded, LinkOutcome, StoreResult};

/// Whether `child` is `parent` or one of its ancestors: linking it under `parent` would close a
/// cycle.
fn would_cycle(conn: &Connection, parent: &str, child: &str) -> Result<bool, Failure> {
    let sql = "SELECT ?1 = ?2 OR EXISTS (SELECT 1 FROM group_closure WHERE ancestor = ?2 AND descendant = ?1)";
    Ok(conn.prepare_cached(sql)?.query_row([parent, child], |r| r.get(0))?)
}

/// The closure's upkeep for a new link `parent` <- `child`: `parent` becomes an ancestor of
/// `child` and of each of its descendants, through `child`; and so does each ancestor of
/// `parent`, through each child by which it reaches `parent`.
fn close_link(conn: &Connection, parent: &str, child: &str) -> Result<(), Failure> {
    conn.prepare_cached(
        "INSERT INTO group_closure (ancestor, descendant, via)
         SELECT a.g, d.g, a.via
         FROM (SELECT ?1 AS g, ?2 AS via UNION SELECT ancestor, via FROM group_closure WHERE descendant = ?1) a
         CROSS JOIN (SELECT ?2 AS g UNION SELECT descendant FROM group_closure WHERE ancestor = ?2) d
         WHERE true
         ON CONFLICT DO NOTHING",
    )?
    .execute([parent, child])?;
    Ok(())
}

/// The closure's upkeep once links into `root` or below it are gone (an unlink of `root`, or
/// the deletion of `root`'s links): only `root` and its descendants (D, closed downwards) can
/// have lost ancestors, and paths inside D are intact, so their ancestors outside D are dropped
/// and rebuilt from the links that still enter D, each entering link bringing its parent's
/// ancestors (exact, the parent being outside D) to the child and the child's descendants.
pub(super) fn reclose_below(conn: &Connection, root: &str) -> Result<(), Failure> {
    conn.prepare_cached(
        "WITH d(g) AS (SELECT ?1 UNION SELECT descendant FROM group_closure WHERE ancestor = ?1)
         DELETE FROM group_closure
         WHERE descendant IN (SELECT g FROM d) AND ancestor NOT IN (SELECT g FROM d)",
    )?
    .execute([root])?;
    conn.prepare_cached(
        "WITH d(g) AS (SELECT ?1 UNION SELECT descendant FROM group_closure WHERE ancestor = ?1),
              entering(p, b) AS (
                  SELECT parent_id, child_id FROM group_links
                  WHERE child_id IN (SELECT g FROM d) AND parent_id NOT IN (SELECT g FROM d)
              ),
              up(a, via, b) AS (
                  SELECT p, b, b FROM entering
                  UNION
                  SELECT c.ancestor, c.via, e.b FROM entering e JOIN group_closure c ON c.descendant = e.p
              ),
              down(b, g) AS (
                  SELECT b, b FROM entering
                  UNION
                  SELECT e.b, c.descendant FROM entering e JOIN group_closure c ON c.ancestor = e.b
              )
         INSERT INTO group_closure (ancestor, descendant, via)
         SELECT DISTINCT up.a, down.g, up.via FROM up JOIN down ON down.b = up.b
         WHERE true
         ON CONFLICT DO NOTHING",
    )?
    .execute([root])?;
    Ok(())
}

fn group_exists(conn: &Connection, id: &str) -> Result<bool, Failure> {
    Ok(conn.prepare_cached("SELECT 1 FROM groups WHERE id = ?1")?.query_row([id], |_| Ok(())).optional()?.is_some())
}

/// `user`'s effective privileges in `group` (`Store::effective_privileges_at_least`), read on
/// `conn`: a reader's, or the writer's inside a join (the issuer check).
///
/// The direct membership, and the links into the group by which it reaches each of the user's
/// groups: one closure row per way down (by key, from the user's memberships outwards), however
/// deep the group is. The links' part runs only when the direct membership lacks `enough`: the
/// `gate` row exists only then, and as the outer loop of that part (`CROSS JOIN` fixes the
/// order) it keeps SQLite from starting the walk at all. The same guard as a `NOT EXISTS` in
/// the `WHERE` clause is evaluated once but inside the loop, so SQLite stepped through every
/// membership of the user to skip each one: a join whose issuer was in 10,000 groups walked
/// 10,000 index entries inside the write lock.
pub(super) fn effective_privileges_on(
    conn: &Connection,
    group: &str,
    user: &str,
    enough: PrivilegeSet,
) -> Result<Option<PrivilegeSet>, Failure> {
    let sql = "SELECT privileges FROM memberships WHERE group_id = ?2 AND user_id = ?1
               UNION ALL
               SELECT l.privileges
               FROM (SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM memberships
                                                WHERE group_id = ?2 AND user_id = ?1 AND (privileges & ?3) = ?3)) AS gate
               CROSS JOIN memberships m
               CROSS JOIN group_closure c ON c.ancestor = ?2 AND c.descendant = m.group_id
               CROSS JOIN group_links l ON l.parent_id = ?2 AND l.child_id = c.via
               WHERE m.user_id = ?1";
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt
        .query_map(rusqlite::params![user, group, i64::from(enough.bits())], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(effective_union(rows)?)
}

impl SqliteStore {
    pub(super) async fn child_groups_in(&self, parent: &GroupId) -> StoreResult<Vec<GroupId>> {
        let parent = parent.clone();
        self.read(move |conn| {
            let sql = "SELECT child_id FROM group_links WHERE parent_id = ?1 ORDER BY seq";
            id_list(conn, sql, &[parent.as_str()], sql::group_id)
        })
        .await
    }

    pub(super) async fn parent_groups_in(&self, child: &GroupId) -> StoreResult<Vec<GroupId>> {
        let child = child.clone();
        self.read(move |conn| {
            let sql = "SELECT parent_id FROM group_links WHERE child_id = ?1 ORDER BY seq";
            id_list(conn, sql, &[child.as_str()], sql::group_id)
        })
        .await
    }

    pub(super) async fn link_in(&self, parent: &GroupId, child: &GroupId) -> StoreResult<Option<PrivilegeSet>> {
        let (parent, child) = (parent.clone(), child.clone());
        self.read_inline(move |conn| {
            let raw: Option<i64> = conn
                .prepare_cached("SELECT privileges FROM group_links WHERE parent_id = ?1 AND child_id = ?2")?
                .query_row([parent.as_str(), child.as_str()], |r| r.get(0))
                .optional()?;
            Ok(raw.map(sql::privileges).transpose()?)
        })
        .await
    }

    pub(super) async fn set_link_privileges_in(
        &self,
        parent: &GroupId,
        child: &GroupId,
        privileges: PrivilegeSet,
    ) -> StoreResult<Guarded> {
        let (parent, child) = (parent.clone(), child.clone());
        self.write(move |tx| {
            let verdict = guard(tx, parent.as_str(), Changed::Child(child.as_str()), Some(privileges))?;
            if verdict == Guarded::Done {
                tx.prepare_cached("UPDATE group_links SET privileges = ?3 WHERE parent_id = ?1 AND child_id = ?2")?
                    .execute(params![parent.as_str(), child.as_str(), privileges.bits()])?;
            }
            Ok(verdict)
        })
        .await
    }

    pub(super) async fn unlink_in(&self, parent: &GroupId, child: &GroupId) -> StoreResult<Guarded> {
        let (parent, child) = (parent.clone(), child.clone());
        self.write(move |tx| {
            let verdict = guard(tx, parent.as_str(), Changed::Child(child.as_str()), None)?;
            if verdict == Guarded::Done {
                tx.prepare_cached("DELETE FROM group_links WHERE parent_id = ?1 AND child_id = ?2")?
                    .execute([parent.as_str(), child.as_str()])?;
                reclose_below(tx, child.as_str())?;
            }
            Ok(verdict)
        })
        .await
    }

    pub(super) async fn link_with_token_in(&self, token_id: &str, child: &GroupId) -> StoreResult<LinkOutcome> {
        let (token_id, child) = (token_id.to_owned(), child.clone());
        self.write(move |tx| {
            let Some(record) = get_token_in(tx, &token_id)? else {
                return Ok(LinkOutcome::TokenUnknown);
            };
            let (parent, privileges) = match group_invite(&record) {
                Ok(usable) => usable,
                Err(outcome) => return Ok(outcome),
            };
            let (parent_id, child_id) = (parent.as_str(), child.as_str());
            // The link, read once: made with this very token, it is a retry (before the use
            // checks, since a retry of a single-use invite finds it used up by itself);
            // otherwise its existence is `AlreadyLinked` below.
            let link: Option<Option<String>> = tx
                .prepare_cached("SELECT origin_token FROM group_links WHERE parent_id = ?1 AND child_id = ?2")?
                .query_row([parent_id, child_id], |r| r.get(0))
                .optional()?;
            if link.as_ref().is_some_and(|made_with| made_with.as_deref() == Some(token_id.as_str())) {
                return Ok(LinkOutcome::Relinked(parent));
            }
            if spent(&record) {
                return Ok(LinkOutcome::TokenUsedUp);
            }
            if !group_exists(tx, parent_id)? {
                return Ok(LinkOutcome::GroupGone);
            }
            if let Some(check) = IssuerCheck::of(&record) {
                if !issuer_allowed(tx, &check, parent_id)? {
                    return Ok(LinkOutcome::IssuerNotAllowed);
                }
            }
            if !group_exists(tx, child_id)? {
                return Ok(LinkOutcome::ChildGone);
            }
            if link.is_some() {
                return Ok(LinkOutcome::AlreadyLinked);
            }
            if would_cycle(tx, parent_id, child_id)? {
                return Ok(LinkOutcome::WouldCycle);
            }
            tx.prepare_cached(
                "INSERT INTO group_links (parent_id, child_id, privileges, seq, origin_token)
                 VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM group_links), ?4)",
            )?
            .execute(params![parent_id, child_id, privileges.bits(), token_id])?;
            close_link(tx, parent_id, child_id)?;
            tx.prepare_cached("UPDATE tokens SET uses = uses + 1 WHERE id = ?1")?.execute([token_id.as_str()])?;
            insert_join_record(tx, &token_id, parent_id, (None, Some(child_id)), privileges)?;
            Ok(LinkOutcome::Linked(parent))
        })
        .await
    }

    pub(super) async fn effective_privileges_in(
        &self,
        group: &GroupId,
        user: &UserId,
        enough: PrivilegeSet,
    ) -> StoreResult<Option<PrivilegeSet>> {
        let (group, user) = (group.clone(), user.clone());
        self.read_inline(move |conn| effective_privileges_on(conn, group.as_str(), user.as_str(), enough)).await
    }

    #[cfg(test)]
    pub(super) async fn effective_users_in(&self, group: &GroupId) -> StoreResult<Vec<UserId>> {
        let group = group.clone();
        self.read(move |conn| {
            // The direct members in join order, then the users with a membership below the
            // group that are not direct members, in creation order: the same list as grouping
            // every membership below and ordering by its first direct one, at half the cost at
            // 100,000 effective members (ARCHITECTURE.md, "Pages of the nested lists").
            let sql = "SELECT id FROM (
                           SELECT user_id AS id, 0 AS part, seq AS k FROM memberships WHERE group_id = ?1
                           UNION ALL
                           SELECT u.id, 1, u.seq FROM users u
                           WHERE u.id IN (
                               SELECT m.user_id FROM group_closure c CROSS JOIN memberships m
                               ON m.group_id = c.descendant WHERE c.ancestor = ?1)
                           AND NOT EXISTS (SELECT 1 FROM memberships d WHERE d.group_id = ?1 AND d.user_id = u.id)
                       ) ORDER BY part, k";
            id_list(conn, sql, &[group.as_str()], sql::user_id)
        })
        .await
    }

    #[cfg(test)]
    pub(super) async fn effective_groups_in(&self, user: &UserId) -> StoreResult<Vec<GroupId>> {
        let user = user.clone();
        self.read(move |conn| {
            // The user's groups and their ancestors, read from the closure by key.
            let sql = "WITH reached(g) AS (
                     SELECT group_id FROM memberships WHERE user_id = ?1
                     UNION
                     SELECT c.ancestor FROM memberships m CROSS JOIN group_closure c ON c.descendant = m.group_id
                     WHERE m.user_id = ?1
                 )
                 SELECT r.g FROM reached r JOIN groups gr ON gr.id = r.g
                 LEFT JOIN memberships m ON m.group_id = r.g AND m.user_id = ?1
                 ORDER BY m.seq IS NULL, m.seq, gr.seq";
            id_list(conn, sql, &[user.as_str()], sql::group_id)
        })
        .await
    }
}
