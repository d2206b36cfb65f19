//! Nested groups on PostgreSQL (issue 12): the links, their closure, the nested join and the
//! effective queries. Each effective query is one statement over the maintained closure
//! (`group_closure`: every group with each of its strict ancestors and the first link down),
//! the one place this backend answers it; a read is one statement, so it sees one snapshot.
//!
//! **The race rule.** Two nested joins that would each be fine alone can close a cycle
//! together (A joins B while B joins A), and under any snapshot isolation each would check
//! the ancestors before the other committed; two changes of the links would likewise each
//! rebuild the closure from a state the other is changing. So every change of the links (a
//! link, an unlink, a group's deletion) takes one advisory transaction lock, `LINK_LOCK`, first,
//! and only then reads, at `READ COMMITTED`: each statement then sees every change committed
//! before this transaction got the lock, and a change committed later waits for this one.
//! Links are rare next to joins, so serialising their changes costs nothing that matters.
//!
//! As for memberships since 0004, links and closure rows have no foreign key to groups: the
//! nested join reads both group rows `FOR KEY SHARE`, and `delete_group` deletes a group's
//! links and closure rows itself, under `LINK_LOCK`.

use deadpool_postgres::Transaction;
use tokio_postgres::IsolationLevel;

use super::errors::Failure;
use super::join::{issuer_allowed, now_unix, GROUP_GONE_MARK};
use super::rows::{execute, id_list, query, query_opt, token_row};
use super::zone::guard;
use super::PostgresStore;
use crate::domain::{GroupId, PrivilegeSet, UserId};
use crate::store::sql::nested::{effective_union, usable_group_invite};
use crate::store::sql::zone::Changed;
use crate::store::sql::{self, token_columns, token_named_columns};
use crate::store::{issuer_needs, Guarded, LinkOutcome, StoreResult, TokenGrant, TokenRecord};

/// The advisory-lock key every change of the links takes ("oz-lnk" in ASCII); see the module's race
/// rule.
const LINK_LOCK: i64 = 0x6f7a_2d6c_6e6b;

/// Whether `issuer` may still create an invite of `grant` into `group` (`issuer_needs`, read as
/// the join reads it: `join::issuer_allowed!`), in the caller's transaction.
pub(super) async fn issuer_may(
    tx: &Transaction<'_>,
    group: &str,
    issuer: &str,
    grant: &TokenGrant,
) -> Result<bool, Failure> {
    let Some((need, zone)) = issuer_needs(grant) else { return Ok(true) };
    let need = i64::from(need.bits());
    let zone = i64::from(zone.bits());
    let sql = concat!("SELECT ", issuer_allowed!("$1::text", "$2::text", "$3::bigint", "$4::bigint"));
    let row = query_opt(tx, sql, &[&group, &issuer, &need, &zone])
        .await?
        .ok_or_else(|| Failure::Row("the issuer check returned no row".into()))?;
    Ok(row.try_get(0)?)
}

/// Takes `LINK_LOCK` for the rest of the transaction (see the module's race rule).
pub(super) async fn lock_links(tx: &Transaction<'_>) -> Result<(), Failure> {
    execute(tx, "SELECT pg_advisory_xact_lock($1)", &[&LINK_LOCK]).await?;
    Ok(())
}

/// The closure's upkeep once links into `root` or below it are gone; the statements and the
/// reasoning are SQLite's (`sqlite::nested::reclose_below`). Under `LINK_LOCK`.
pub(super) async fn reclose_below(tx: &Transaction<'_>, root: &str) -> Result<(), Failure> {
    execute(
        tx,
        "WITH d(g) AS (SELECT $1::text UNION SELECT descendant FROM group_closure WHERE ancestor = $1)
         DELETE FROM group_closure
         WHERE descendant IN (SELECT g FROM d) AND ancestor NOT IN (SELECT g FROM d)",
        &[&root],
    )
    .await?;
    execute(
        tx,
        "WITH d(g) AS (SELECT $1::text UNION SELECT descendant FROM group_closure WHERE ancestor = $1),
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
         ON CONFLICT DO NOTHING",
        &[&root],
    )
    .await?;
    Ok(())
}

impl PostgresStore {
    pub(super) async fn child_groups_in(&self, parent: &GroupId) -> StoreResult<Vec<GroupId>> {
        self.read(parent.as_str(), |client, parent| {
            let sql = "SELECT child_id FROM group_links WHERE parent_id = $1 ORDER BY seq";
            Box::pin(async move { id_list(client, sql, &[&parent], sql::group_id).await })
        })
        .await
    }

    pub(super) async fn parent_groups_in(&self, child: &GroupId) -> StoreResult<Vec<GroupId>> {
        self.read(child.as_str(), |client, child| {
            let sql = "SELECT parent_id FROM group_links WHERE child_id = $1 ORDER BY seq";
            Box::pin(async move { id_list(client, sql, &[&child], sql::group_id).await })
        })
        .await
    }

    pub(super) async fn link_in(&self, parent: &GroupId, child: &GroupId) -> StoreResult<Option<PrivilegeSet>> {
        self.read(&(parent.as_str(), child.as_str()), |client, (parent, child)| {
            Box::pin(async move {
                let sql = "SELECT privileges FROM group_links WHERE parent_id = $1 AND child_id = $2";
                let Some(row) = query_opt(client, sql, &[parent, child]).await? else { return Ok(None) };
                Ok(Some(sql::privileges(row.try_get(0)?)?))
            })
        })
        .await
    }

    pub(super) async fn set_link_privileges_in(
        &self,
        parent: &GroupId,
        child: &GroupId,
        privileges: PrivilegeSet,
    ) -> StoreResult<Guarded> {
        let args = (parent.as_str(), child.as_str(), privileges);
        self.write_at(IsolationLevel::ReadCommitted, &args, |tx, (parent, child, privileges)| {
            Box::pin(async move {
                let verdict = guard(tx, parent, Changed::Child(child), Some(*privileges)).await?;
                if verdict == Guarded::Done {
                    let sql = "UPDATE group_links SET privileges = $3 WHERE parent_id = $1 AND child_id = $2";
                    execute(tx, sql, &[parent, child, &i64::from(privileges.bits())]).await?;
                }
                Ok(verdict)
            })
        })
        .await
    }

    pub(super) async fn unlink_in(&self, parent: &GroupId, child: &GroupId) -> StoreResult<Guarded> {
        let args = (parent.as_str(), child.as_str());
        self.write_at(IsolationLevel::ReadCommitted, &args, |tx, (parent, child)| {
            Box::pin(async move {
                lock_links(tx).await?;
                let verdict = guard(tx, parent, Changed::Child(child), None).await?;
                if verdict == Guarded::Done {
                    execute(tx, "DELETE FROM group_links WHERE parent_id = $1 AND child_id = $2", &[parent, child])
                        .await?;
                    reclose_below(tx, child).await?;
                }
                Ok(verdict)
            })
        })
        .await
    }

    pub(super) async fn link_with_token_in(&self, token_id: &str, child: &GroupId) -> StoreResult<LinkOutcome> {
        // `READ COMMITTED`, so that the statements after the lock see every link committed
        // before it was granted (see the module's race rule).
        self.write_at(IsolationLevel::ReadCommitted, &(token_id, child.as_str()), |tx, (token_id, child)| {
            Box::pin(async move {
                lock_links(tx).await?;
                // The token's row `FOR UPDATE`: racing joins on one invite queue here, a revocation
                // (an update of the row) is waited for, and a group's deletion has marked it
                // `group_gone` (0004) or waits for this one.
                let sql = concat!(
                    "SELECT ",
                    token_columns!(),
                    ", ",
                    token_named_columns!(),
                    ", group_gone FROM tokens WHERE id = $1 FOR UPDATE"
                );
                let row = query_opt(tx, sql, &[token_id]).await?;
                let (record, group_gone) = match row {
                    Some(row) => (Some(token_row(&row)?.decode()?), row.try_get::<_, bool>(GROUP_GONE_MARK)?),
                    None => (None, false),
                };
                // A retry of a nested join that linked the child with this very token.
                if let Some(TokenRecord { grant: TokenGrant::GroupInviteGroup { group, .. }, .. }) = &record {
                    let relinked = "SELECT 1 FROM group_links WHERE parent_id = $1 AND child_id = $2 AND origin_token = $3";
                    if query_opt(tx, relinked, &[&group.as_str(), child, token_id]).await?.is_some() {
                        return Ok(LinkOutcome::Relinked(group.clone()));
                    }
                }
                let issuer = record.as_ref().and_then(|r| r.issuer.clone().map(|issuer| (issuer, r.grant.clone())));
                let (parent, privileges) = match usable_group_invite(record) {
                    Ok(usable) => usable,
                    Err(outcome) => return Ok(outcome),
                };
                let parent_id = parent.as_str();
                let key_share = "SELECT 1 FROM groups WHERE id = $1 FOR KEY SHARE";
                if group_gone || query_opt(tx, key_share, &[&parent_id]).await?.is_none() {
                    return Ok(LinkOutcome::GroupGone);
                }
                if let Some((issuer, grant)) = issuer {
                    if !issuer_may(tx, parent_id, issuer.as_str(), &grant).await? {
                        return Ok(LinkOutcome::IssuerNotAllowed);
                    }
                }
                if query_opt(tx, key_share, &[child]).await?.is_none() {
                    return Ok(LinkOutcome::ChildGone);
                }
                let linked = "SELECT 1 FROM group_links WHERE parent_id = $1 AND child_id = $2";
                if query_opt(tx, linked, &[&parent_id, child]).await?.is_some() {
                    return Ok(LinkOutcome::AlreadyLinked);
                }
                let cycle = "SELECT $1::text = $2::text
                             OR EXISTS (SELECT 1 FROM group_closure WHERE ancestor = $2 AND descendant = $1)";
                let closes: bool = query_opt(tx, cycle, &[&parent_id, child])
                    .await?
                    .ok_or_else(|| Failure::Row("the cycle check returned no row".into()))?
                    .try_get(0)?;
                if closes {
                    return Ok(LinkOutcome::WouldCycle);
                }
                let bits = i64::from(privileges.bits());
                let insert = "INSERT INTO group_links (parent_id, child_id, privileges, origin_token)
                              VALUES ($1, $2, $3, $4)";
                execute(tx, insert, &[&parent_id, child, &bits, token_id]).await?;
                // The parent becomes an ancestor of the child and of each of its descendants,
                // through the child; and so does each ancestor of the parent, through each child
                // by which it reaches the parent.
                let close = "INSERT INTO group_closure (ancestor, descendant, via)
                             SELECT a.g, d.g, a.via
                             FROM (SELECT $1::text AS g, $2::text AS via
                                   UNION SELECT ancestor, via FROM group_closure WHERE descendant = $1) a
                             CROSS JOIN (SELECT $2::text AS g UNION SELECT descendant FROM group_closure WHERE ancestor = $2) d
                             ON CONFLICT DO NOTHING";
                execute(tx, close, &[&parent_id, child]).await?;
                execute(tx, "UPDATE tokens SET uses = uses + 1 WHERE id = $1", &[token_id]).await?;
                let record = "INSERT INTO token_joins (token_id, group_id, child_id, privileges, joined_at)
                              VALUES ($1, $2, $3, $4, $5)";
                execute(tx, record, &[token_id, &parent_id, child, &bits, &now_unix()]).await?;
                Ok(LinkOutcome::Linked(parent.clone()))
            })
        })
        .await
    }

    pub(super) async fn effective_privileges_in(
        &self,
        group: &GroupId,
        user: &UserId,
        enough: PrivilegeSet,
    ) -> StoreResult<Option<PrivilegeSet>> {
        let enough = i64::from(enough.bits());
        self.read(&(user.as_str(), group.as_str(), enough), |client, (user, group, enough)| {
            Box::pin(async move {
                // The direct membership, and the links into the group by which it reaches each
                // of the user's groups: one closure row per way down, however deep the group is,
                // the second part skipped when the direct membership holds `enough` (a constant
                // `NOT EXISTS`, run once). The closure is read per group of the user by a
                // `LATERAL` subquery that `OFFSET 0` keeps from being flattened, and each link
                // by its key: as a plain join, PostgreSQL's generic plan for this prepared
                // statement started from every closure row of the group instead (the top group's
                // 20,000 at 10,000 groups: half a second per deep check in the hierarchy bench).
                let sql = "SELECT privileges FROM memberships WHERE group_id = $2 AND user_id = $1
                           UNION ALL
                           SELECT w.privileges FROM memberships m
                           CROSS JOIN LATERAL (
                               SELECT (SELECT l.privileges FROM group_links l
                                       WHERE l.parent_id = $2 AND l.child_id = c.via) AS privileges
                               FROM group_closure c WHERE c.ancestor = $2 AND c.descendant = m.group_id
                               OFFSET 0
                           ) w
                           WHERE m.user_id = $1 AND w.privileges IS NOT NULL
                             AND NOT EXISTS (SELECT 1 FROM memberships
                                             WHERE group_id = $2 AND user_id = $1 AND (privileges & $3) = $3)";
                let rows = query(client, sql, &[user, group, enough]).await?;
                let raw = rows.iter().map(|r| r.try_get(0)).collect::<Result<Vec<i64>, _>>()?;
                Ok(effective_union(raw)?)
            })
        })
        .await
    }

    #[cfg(test)]
    pub(super) async fn effective_users_in(&self, group: &GroupId) -> StoreResult<Vec<UserId>> {
        self.read(group.as_str(), |client, group| {
            let sql = "WITH below(g) AS (
                           SELECT $1::text UNION SELECT descendant FROM group_closure WHERE ancestor = $1
                       )
                       SELECT m.user_id FROM memberships m JOIN below b ON m.group_id = b.g
                       JOIN users u ON u.id = m.user_id
                       GROUP BY m.user_id, u.seq
                       ORDER BY MIN(CASE WHEN m.group_id = $1 THEN m.seq END) IS NULL,
                                MIN(CASE WHEN m.group_id = $1 THEN m.seq END), u.seq";
            Box::pin(async move { id_list(client, sql, &[&group], sql::user_id).await })
        })
        .await
    }

    #[cfg(test)]
    pub(super) async fn effective_groups_in(&self, user: &UserId) -> StoreResult<Vec<GroupId>> {
        self.read(user.as_str(), |client, user| {
            // The user's groups and their ancestors, read from the closure by key.
            let sql = "WITH reached(g) AS (
                     SELECT group_id FROM memberships WHERE user_id = $1
                     UNION
                     SELECT c.ancestor FROM memberships m JOIN group_closure c ON c.descendant = m.group_id
                     WHERE m.user_id = $1
                 )
                 SELECT r.g FROM reached r JOIN groups gr ON gr.id = r.g
                 LEFT JOIN memberships m ON m.group_id = r.g AND m.user_id = $1
                 ORDER BY m.seq IS NULL, m.seq, gr.seq";
            Box::pin(async move { id_list(client, sql, &[&user], sql::group_id).await })
        })
        .await
    }
}
