//! Zone privileges, user administration and the last-manager rule on SQLite. Every change runs
//! on the one writer, inside its transaction, so a check and the change it guards are one step
//! that no other writer (in this process or another, `BEGIN IMMEDIATE`) can come between.

use rusqlite::{params, Connection, OptionalExtension};

use super::errors::Failure;
use super::named::delete_named_tokens_in;
use super::rows::{id_list, insert_membership, MemberOrigin};
use super::{SqliteStore, USER_GROUPS};
use crate::domain::{GroupId, Name};
use crate::domain::{Page, PageRequest, PrivilegeSet, User, UserId, ZoneChange, ZoneHolder, ZonePrivilegeSet};
use crate::store::sql::pages::{after_bound, decode_page, fetch_limit};
use crate::store::sql::zone::{
    change_loses_manager, first_group_losing_its_manager, union_of, zone_privileges, Changed,
};
use crate::store::sql::{self};
use crate::store::{AddOutcome, Guarded, StoreResult};

/// The statements that read and write one kind of holder's zone privileges.
struct HolderSql {
    exists: &'static str,
    read: &'static str,
    upsert: &'static str,
}

fn holder_sql(holder: &ZoneHolder) -> (HolderSql, String) {
    match holder {
        ZoneHolder::User(id) => (
            HolderSql {
                exists: "SELECT 1 FROM users WHERE id = ?1",
                read: "SELECT privileges FROM user_zone_privileges WHERE user_id = ?1",
                upsert: "INSERT INTO user_zone_privileges (user_id, privileges) VALUES (?1, ?2)
                         ON CONFLICT (user_id) DO UPDATE SET privileges = excluded.privileges",
            },
            id.as_str().to_owned(),
        ),
        ZoneHolder::Group(id) => (
            HolderSql {
                exists: "SELECT 1 FROM groups WHERE id = ?1",
                read: "SELECT privileges FROM group_zone_privileges WHERE group_id = ?1",
                upsert: "INSERT INTO group_zone_privileges (group_id, privileges) VALUES (?1, ?2)
                         ON CONFLICT (group_id) DO UPDATE SET privileges = excluded.privileges",
            },
            id.as_str().to_owned(),
        ),
    }
}

/// `holder`'s direct set, `None` when it does not exist.
fn read_holder(conn: &Connection, sql: &HolderSql, key: &str) -> Result<Option<ZonePrivilegeSet>, Failure> {
    if conn.prepare_cached(sql.exists)?.query_row([key], |_| Ok(())).optional()?.is_none() {
        return Ok(None);
    }
    let raw: Option<i64> = conn.prepare_cached(sql.read)?.query_row([key], |r| r.get(0)).optional()?;
    Ok(Some(raw.map(zone_privileges).transpose()?.unwrap_or_default()))
}

/// The direct members of `group` with their stored privileges.
fn members(conn: &Connection, group: &str) -> Result<Vec<(String, i64)>, Failure> {
    let mut stmt = conn.prepare_cached("SELECT user_id, privileges FROM memberships WHERE group_id = ?1")?;
    let rows = stmt.query_map([group], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// `group`'s child groups with their links' stored privileges.
fn children(conn: &Connection, group: &str) -> Result<Vec<(String, i64)>, Failure> {
    let mut stmt = conn.prepare_cached("SELECT child_id, privileges FROM group_links WHERE parent_id = ?1")?;
    let rows = stmt.query_map([group], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Whether changing the `changed` member of `group` (a user's membership or a child's link) to
/// `after` (`None`: removing it) is refused (`LastManager`), cannot happen (`Missing`), or may go
/// ahead (`Done`, not yet done).
pub(super) fn guard(
    conn: &Connection,
    group: &str,
    changed: Changed<'_>,
    after: Option<PrivilegeSet>,
) -> Result<Guarded, Failure> {
    Ok(match change_loses_manager(changed, after, &members(conn, group)?, &children(conn, group)?)? {
        None => Guarded::Missing,
        Some(true) => Guarded::LastManager(sql::group_id(group.to_owned())?),
        Some(false) => Guarded::Done,
    })
}

/// `user`'s zone privileges, its own and its groups' (`Store::effective_zone_privileges`), read on
/// `conn`: a reader's, or the writer's inside a join (the issuer check).
pub(super) fn effective_zone_privileges_on(conn: &Connection, user: &str) -> Result<ZonePrivilegeSet, Failure> {
    // The groups' zone privileges flow to their effective members (issue 12). The few groups
    // holding zone privileges are each asked whether the user reaches them (a membership, or
    // one of its groups below them in the closure), rather than every group the user reaches
    // looked up: a user in 10,000 groups took 51 ms that way, 2 us this way (SQLite, the
    // issue's hierarchy).
    let mut stmt = conn.prepare_cached(
        "SELECT privileges FROM user_zone_privileges WHERE user_id = ?1
         UNION ALL
         SELECT z.privileges FROM group_zone_privileges z
         WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = z.group_id AND m.user_id = ?1)
            OR EXISTS (SELECT 1 FROM memberships m
                       CROSS JOIN group_closure c ON c.ancestor = z.group_id AND c.descendant = m.group_id
                       WHERE m.user_id = ?1)",
    )?;
    let rows = stmt.query_map([user], |r| r.get(0))?.collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(union_of(rows)?)
}

impl SqliteStore {
    pub(super) async fn create_user_in(&self, user: &User, zone: ZonePrivilegeSet) -> StoreResult<bool> {
        let user = user.clone();
        self.write(move |tx| {
            // The writer runs one write at a time, so nothing can take the login between the
            // check and the insert; the unique index stands behind it.
            let added = tx
                .prepare_cached(
                    "INSERT INTO users (id, name, alias, login, seq)
                     SELECT ?1, ?2, ?3, ?4, (SELECT COALESCE(MAX(seq), 0) + 1 FROM users)
                     WHERE NOT EXISTS (SELECT 1 FROM users WHERE login = ?4)",
                )?
                .execute(params![
                    user.id.as_str(),
                    user.name.as_str(),
                    user.alias.as_ref().map(Name::as_str),
                    user.login.as_str(),
                ])?;
            if added == 1 && !zone.is_empty() {
                tx.prepare_cached("INSERT INTO user_zone_privileges (user_id, privileges) VALUES (?1, ?2)")?
                    .execute(params![user.id.as_str(), zone.bits()])?;
            }
            Ok(added == 1)
        })
        .await
    }

    pub(super) async fn list_users_in(&self) -> StoreResult<Vec<UserId>> {
        self.read(|conn| id_list(conn, "SELECT id FROM users ORDER BY seq", &[], sql::user_id)).await
    }

    pub(super) async fn list_users_page_in(&self, page: PageRequest) -> StoreResult<Page<UserId>> {
        let Some(bound) = after_bound(page) else {
            return Ok(Page::whole(Vec::new()));
        };
        // A page by the users' `seq` index: a short read, inline (`pages::Cost::Page`).
        self.read_inline(move |conn| {
            let mut stmt = conn.prepare_cached("SELECT id, seq FROM users WHERE seq > ?1 ORDER BY seq LIMIT ?2")?;
            let rows = stmt
                .query_map(params![bound, fetch_limit(page)], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(decode_page(rows, page, sql::user_id)?)
        })
        .await
    }

    pub(super) async fn delete_user_in(&self, id: &UserId) -> StoreResult<Guarded> {
        let id = id.clone();
        self.write(move |tx| {
            let id = id.as_str();
            if tx.prepare_cached("SELECT 1 FROM users WHERE id = ?1")?.query_row([id], |_| Ok(())).optional()?.is_none()
            {
                return Ok(Guarded::Missing);
            }
            let groups: Vec<String> = id_list(tx, USER_GROUPS, &[id], Ok)?;
            // (group, member, stored privileges) rows of the user's groups.
            let triples = |sql: &str| -> Result<Vec<(String, String, i64)>, Failure> {
                let mut stmt = tx.prepare_cached(sql)?;
                let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            };
            let all = triples(
                "SELECT m.group_id, m.user_id, m.privileges FROM memberships m
                 WHERE m.group_id IN (SELECT group_id FROM memberships WHERE user_id = ?1)",
            )?;
            let links = triples(
                "SELECT l.parent_id, l.child_id, l.privileges FROM group_links l
                 WHERE l.parent_id IN (SELECT group_id FROM memberships WHERE user_id = ?1)",
            )?;
            if let Some(group) = first_group_losing_its_manager(id, &groups, &all, &links)? {
                return Ok(Guarded::LastManager(group));
            }
            // Its zone privileges go by ON DELETE CASCADE; memberships and tokens explicitly:
            // its access tokens, and the named tokens it issued with their join records (its
            // unnamed invites stay, and fail the issuer check at use).
            tx.prepare_cached("DELETE FROM memberships WHERE user_id = ?1")?.execute([id])?;
            tx.prepare_cached("DELETE FROM tokens WHERE user_id = ?1")?.execute([id])?;
            delete_named_tokens_in(tx, id)?;
            tx.prepare_cached("DELETE FROM users WHERE id = ?1")?.execute([id])?;
            Ok(Guarded::Done)
        })
        .await
    }

    pub(super) async fn zone_privileges_in(&self, holder: &ZoneHolder) -> StoreResult<Option<ZonePrivilegeSet>> {
        let (sql, key) = holder_sql(holder);
        self.read(move |conn| read_holder(conn, &sql, &key)).await
    }

    pub(super) async fn change_zone_privileges_in(&self, holder: &ZoneHolder, change: ZoneChange) -> StoreResult<bool> {
        let (sql, key) = holder_sql(holder);
        self.write(move |tx| {
            let Some(held) = read_holder(tx, &sql, &key)? else {
                return Ok(false);
            };
            tx.prepare_cached(sql.upsert)?.execute(params![key, change.apply(held).bits()])?;
            Ok(true)
        })
        .await
    }

    pub(super) async fn effective_zone_privileges_in(&self, user: &UserId) -> StoreResult<ZonePrivilegeSet> {
        let user = user.clone();
        self.read_inline(move |conn| effective_zone_privileges_on(conn, user.as_str())).await
    }

    pub(super) async fn set_privileges_in(
        &self,
        group: &GroupId,
        user: &UserId,
        privileges: PrivilegeSet,
    ) -> StoreResult<Guarded> {
        let (group, user) = (group.clone(), user.clone());
        self.write(move |tx| {
            let verdict = guard(tx, group.as_str(), Changed::User(user.as_str()), Some(privileges))?;
            if verdict == Guarded::Done {
                tx.prepare_cached("UPDATE memberships SET privileges = ?3 WHERE group_id = ?1 AND user_id = ?2")?
                    .execute(params![group.as_str(), user.as_str(), privileges.bits()])?;
            }
            Ok(verdict)
        })
        .await
    }

    pub(super) async fn remove_member_in(&self, group: &GroupId, user: &UserId) -> StoreResult<Guarded> {
        let (group, user) = (group.clone(), user.clone());
        self.write(move |tx| {
            let verdict = guard(tx, group.as_str(), Changed::User(user.as_str()), None)?;
            if verdict == Guarded::Done {
                tx.prepare_cached("DELETE FROM memberships WHERE group_id = ?1 AND user_id = ?2")?
                    .execute([group.as_str(), user.as_str()])?;
            }
            Ok(verdict)
        })
        .await
    }

    pub(super) async fn add_member_in(
        &self,
        group: &GroupId,
        user: &UserId,
        privileges: PrivilegeSet,
        by: &UserId,
    ) -> StoreResult<AddOutcome> {
        let (group, user, by) = (group.clone(), user.clone(), by.clone());
        self.write(move |tx| {
            let exists = |sql: &str, key: &str| -> Result<bool, Failure> {
                Ok(tx.prepare_cached(sql)?.query_row([key], |_| Ok(())).optional()?.is_some())
            };
            if !exists("SELECT 1 FROM groups WHERE id = ?1", group.as_str())? {
                return Ok(AddOutcome::GroupGone);
            }
            if !exists("SELECT 1 FROM users WHERE id = ?1", user.as_str())? {
                return Ok(AddOutcome::UserGone);
            }
            let member = tx
                .prepare_cached("SELECT 1 FROM memberships WHERE group_id = ?1 AND user_id = ?2")?
                .query_row([group.as_str(), user.as_str()], |_| Ok(()))
                .optional()?;
            if member.is_some() {
                return Ok(AddOutcome::AlreadyMember);
            }
            let origin = MemberOrigin::Added { by: by.as_str() };
            insert_membership(tx, group.as_str(), user.as_str(), privileges, origin)?;
            Ok(AddOutcome::Added)
        })
        .await
    }
}
