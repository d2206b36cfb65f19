//! Zone privileges, user administration and the last-manager rule on PostgreSQL. Each change is
//! one `SERIALIZABLE` transaction (`PostgresStore::write`, retried on serialization failures):
//! the rows the last-manager check reads and the rows the change writes are in one transaction,
//! so of two concurrent changes to one group's managers, on any instances, one commits and the
//! other is retried and sees it. Each also locks the group rows it guards `FOR NO KEY UPDATE`
//! first, in id order, so such changes queue on the group rather than both running to a failed
//! commit; that lock does not conflict with the `FOR KEY SHARE` a join or an added member takes.

use tokio_postgres::types::ToSql;
use tokio_postgres::IsolationLevel;

use super::errors::Failure;
use super::rows::{execute, id_list, insert_membership, query, query_opt};
use super::PostgresStore;
use crate::domain::{
    GroupId, Name, Page, PageRequest, PrivilegeSet, User, UserId, ZoneChange, ZoneHolder, ZonePrivilegeSet,
};
use crate::store::sql::pages::{after_bound, decode_page, fetch_limit};
use crate::store::sql::zone::{
    change_loses_manager, first_group_losing_its_manager, union_of, zone_privileges, Changed,
};
use crate::store::sql::{self};
use crate::store::{AddOutcome, Guarded, StoreResult};
use deadpool_postgres::GenericClient;

/// The statements that read and write one kind of holder's zone privileges.
struct HolderSql {
    exists: &'static str,
    read: &'static str,
    upsert: &'static str,
}

fn holder_sql(holder: &ZoneHolder) -> (HolderSql, &str) {
    match holder {
        ZoneHolder::User(id) => (
            HolderSql {
                exists: "SELECT 1 FROM users WHERE id = $1",
                read: "SELECT privileges FROM user_zone_privileges WHERE user_id = $1",
                upsert: "INSERT INTO user_zone_privileges (user_id, privileges) VALUES ($1, $2)
                         ON CONFLICT (user_id) DO UPDATE SET privileges = EXCLUDED.privileges",
            },
            id.as_str(),
        ),
        ZoneHolder::Group(id) => (
            HolderSql {
                exists: "SELECT 1 FROM groups WHERE id = $1",
                read: "SELECT privileges FROM group_zone_privileges WHERE group_id = $1",
                upsert: "INSERT INTO group_zone_privileges (group_id, privileges) VALUES ($1, $2)
                         ON CONFLICT (group_id) DO UPDATE SET privileges = EXCLUDED.privileges",
            },
            id.as_str(),
        ),
    }
}

/// `holder`'s direct set, `None` when it does not exist.
async fn read_holder<C: GenericClient>(
    client: &C,
    sql: &HolderSql,
    key: &str,
) -> Result<Option<ZonePrivilegeSet>, Failure> {
    if query_opt(client, sql.exists, &[&key]).await?.is_none() {
        return Ok(None);
    }
    let row = query_opt(client, sql.read, &[&key]).await?;
    let raw: Option<i64> = row.map(|r| r.try_get(0)).transpose()?;
    Ok(Some(raw.map(zone_privileges).transpose()?.unwrap_or_default()))
}

/// What every change the last-manager rule guards does first to the rows of the groups it may
/// take a manager from (`groups`, sorted, so that two of these never wait on each other in
/// opposite orders): locks them `FOR NO KEY UPDATE` (joins' `FOR KEY SHARE` does not wait for
/// it), then updates them (a new version, though no value changes). These changes run at
/// different isolation levels: at `READ COMMITTED` a link's change or a group's deletion (the
/// race rule of `nested`), a removal and a user's deletion (which must read what a join they
/// waited for wrote); a privilege change `SERIALIZABLE`, whose snapshot may predate a change
/// committed while it waited for the lock. The lock alone would let it read the members as they
/// were before that change; since the change updated the row, taking the lock fails as a
/// serialization failure instead, and the retry reads them as they are.
pub(super) async fn mark_managers_changed<C: GenericClient>(tx: &C, groups: &[&str]) -> Result<(), Failure> {
    query(tx, "SELECT id FROM groups WHERE id = ANY($1) ORDER BY id FOR NO KEY UPDATE", &[&groups]).await?;
    execute(tx, "UPDATE groups SET id = id WHERE id = ANY($1)", &[&groups]).await?;
    Ok(())
}

/// Marks `group`'s row (`mark_managers_changed`) and decides whether changing the
/// `changed` member (a user's membership or a child's link) to `after` is refused
/// (`LastManager`), cannot happen (`Missing`), or may go ahead.
pub(super) async fn guard<C: GenericClient>(
    tx: &C,
    group: &str,
    changed: Changed<'_>,
    after: Option<PrivilegeSet>,
) -> Result<Guarded, Failure> {
    mark_managers_changed(tx, &[group]).await?;
    decide(tx, group, changed, after).await
}

/// `guard`'s decision, for a caller that has marked `group`'s row itself (with others).
///
/// A change that empties the group (its last member leaves) is decided again after
/// `lock_live_invites`, so that a join admitted by the leaving member's right to invite, which
/// reads no row this change locks, is waited for and seen, or comes after and is refused.
pub(super) async fn decide<C: GenericClient>(
    tx: &C,
    group: &str,
    changed: Changed<'_>,
    after: Option<PrivilegeSet>,
) -> Result<Guarded, Failure> {
    let (mut members, mut children) = direct_members(tx, group).await?;
    if after.is_none() && members.len() + children.len() == 1 {
        lock_live_invites(tx, &[group]).await?;
        (members, children) = direct_members(tx, group).await?;
    }
    Ok(match change_loses_manager(changed, after, &members, &children)? {
        None => Guarded::Missing,
        Some(true) => Guarded::LastManager(sql::group_id(group.to_owned())?),
        Some(false) => Guarded::Done,
    })
}

/// `group`'s users and child groups, each with its stored privileges.
type Members = (Vec<(String, i64)>, Vec<(String, i64)>);

async fn direct_members<C: GenericClient>(tx: &C, group: &str) -> Result<Members, Failure> {
    let rows = query(tx, "SELECT user_id, privileges FROM memberships WHERE group_id = $1", &[&group]).await?;
    let members = rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect::<Result<Vec<_>, Failure>>()?;
    let rows = query(tx, "SELECT child_id, privileges FROM group_links WHERE parent_id = $1", &[&group]).await?;
    let children = rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?))).collect::<Result<Vec<_>, Failure>>()?;
    Ok((members, children))
}

/// Every membership of `groups` as (group, user, stored privileges), and every link below them
/// as (parent, child, stored privileges).
type Memberships = (Vec<(String, String, i64)>, Vec<(String, String, i64)>);

async fn members_and_links<C: GenericClient>(tx: &C, groups: &[&str]) -> Result<Memberships, Failure> {
    let triples = |rows: Vec<tokio_postgres::Row>| {
        rows.iter().map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?))).collect::<Result<Vec<_>, Failure>>()
    };
    let sql = "SELECT group_id, user_id, privileges FROM memberships WHERE group_id = ANY($1)";
    let all = triples(query(tx, sql, &[&groups]).await?)?;
    let sql = "SELECT parent_id, child_id, privileges FROM group_links WHERE parent_id = ANY($1)";
    let links = triples(query(tx, sql, &[&groups]).await?)?;
    Ok((all, links))
}

/// Locks, until the transaction ends, every invite into `groups` that could still admit someone
/// (user and group invites not revoked, not used up, not marked gone). A join holds its
/// invite's row `FOR UPDATE` from before it reads the issuer's right to the end
/// (`join::join_in`), so this waits for the joins under way, and a join that comes later waits
/// for this transaction and then reads its outcome. Run only when a change empties a group:
/// such a group's invites are few next to its joins, and leaving the last is rare.
pub(super) async fn lock_live_invites<C: GenericClient>(tx: &C, groups: &[&str]) -> Result<(), Failure> {
    let sql = "SELECT id FROM tokens WHERE group_id = ANY($1) AND revoked = FALSE AND group_gone = FALSE
                 AND (max_uses IS NULL OR uses < max_uses) ORDER BY id FOR UPDATE";
    query(tx, sql, &[&groups]).await?;
    Ok(())
}

impl PostgresStore {
    pub(super) async fn create_user_in(&self, user: &User, zone: ZonePrivilegeSet) -> StoreResult<bool> {
        self.write(&(user, zone), |tx, (user, zone)| {
            Box::pin(async move {
                // A login taken by a concurrent transaction is seen here too: the insert waits
                // for it and then does nothing (or the transaction is retried as serializable).
                let added = execute(
                    tx,
                    "INSERT INTO users (id, name, alias, login) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (login) DO NOTHING",
                    &[
                        &user.id.as_str(),
                        &user.name.as_str(),
                        &user.alias.as_ref().map(Name::as_str),
                        &user.login.as_str(),
                    ],
                )
                .await?;
                if added == 1 && !zone.is_empty() {
                    execute(
                        tx,
                        "INSERT INTO user_zone_privileges (user_id, privileges) VALUES ($1, $2)",
                        &[&user.id.as_str(), &i64::from(zone.bits())],
                    )
                    .await?;
                }
                Ok(added == 1)
            })
        })
        .await
    }

    pub(super) async fn list_users_in(&self) -> StoreResult<Vec<UserId>> {
        self.read(&(), |client, ()| {
            Box::pin(async move { id_list(client, "SELECT id FROM users ORDER BY seq", &[], sql::user_id).await })
        })
        .await
    }

    pub(super) async fn list_users_page_in(&self, page: PageRequest) -> StoreResult<Page<UserId>> {
        let Some(bound) = after_bound(page) else {
            return Ok(Page::whole(Vec::new()));
        };
        let limit = fetch_limit(page);
        self.read(&(bound, limit), |client, (bound, limit)| {
            Box::pin(async move {
                let params: [&(dyn ToSql + Sync); 2] = [bound, limit];
                let rows =
                    query(client, "SELECT id, seq FROM users WHERE seq > $1 ORDER BY seq LIMIT $2", &params).await?;
                let rows = rows
                    .iter()
                    .map(|row| Ok((row.try_get::<_, String>(0)?, row.try_get::<_, i64>(1)?)))
                    .collect::<Result<Vec<_>, tokio_postgres::Error>>()?;
                Ok(decode_page(rows, page, sql::user_id)?)
            })
        })
        .await
    }

    pub(super) async fn delete_user_in(&self, id: &UserId) -> StoreResult<Guarded> {
        // `READ COMMITTED`, where locks, taken first, make it one step, and each statement after
        // them sees what committed before: the user's row, which a join of this user holds
        // `FOR KEY SHARE` (its membership's foreign key) until it ends, so the memberships
        // deleted below include any such join's, and a later join by this user fails its key
        // (answered 401: the caller is gone); the rows of its groups
        // (`mark_managers_changed`); and the named tokens it issued, which a join holds
        // `FOR UPDATE`, so that their join records deleted below include any such join's, and a
        // later join with one finds it gone. (`SERIALIZABLE` read what a join waited for had
        // not written, and the user's delete then failed on the key: a 500.)
        self.write_at(IsolationLevel::ReadCommitted, id.as_str(), |tx, id| {
            Box::pin(async move {
                if query_opt(tx, "SELECT 1 FROM users WHERE id = $1 FOR UPDATE", &[&id]).await?.is_none() {
                    return Ok(Guarded::Missing);
                }
                let rows =
                    query(tx, "SELECT group_id FROM memberships WHERE user_id = $1 ORDER BY seq", &[&id]).await?;
                let groups = rows.iter().map(|r| r.try_get(0)).collect::<Result<Vec<String>, _>>()?;
                let mut locking: Vec<&str> = groups.iter().map(String::as_str).collect();
                locking.sort_unstable();
                mark_managers_changed(tx, &locking).await?;
                let (all, links) = members_and_links(tx, &locking).await?;
                // The groups it would empty: their joins under way are waited for and seen (see
                // `decide`), then the whole check is made again.
                let emptied: Vec<&str> = locking
                    .iter()
                    .copied()
                    .filter(|g| all.iter().all(|(mg, mu, _)| mg != g || mu == id))
                    .filter(|g| links.iter().all(|(lg, ..)| lg != g))
                    .collect();
                let (all, links) = if emptied.is_empty() {
                    (all, links)
                } else {
                    lock_live_invites(tx, &emptied).await?;
                    members_and_links(tx, &locking).await?
                };
                if let Some(group) = first_group_losing_its_manager(id, &groups, &all, &links)? {
                    return Ok(Guarded::LastManager(group));
                }
                // Its zone privileges go by ON DELETE CASCADE; memberships, access tokens and
                // named tokens (with their join records) explicitly. The unnamed invites it
                // issued stay, and fail the issuer check at use.
                query(
                    tx,
                    "SELECT id FROM tokens WHERE issuer_id = $1 AND name IS NOT NULL ORDER BY id FOR UPDATE",
                    &[&id],
                )
                .await?;
                execute(tx, "DELETE FROM memberships WHERE user_id = $1", &[&id]).await?;
                execute(tx, "DELETE FROM tokens WHERE user_id = $1", &[&id]).await?;
                execute(
                    tx,
                    "DELETE FROM token_joins WHERE token_id IN
                         (SELECT id FROM tokens WHERE issuer_id = $1 AND name IS NOT NULL)",
                    &[&id],
                )
                .await?;
                execute(tx, "DELETE FROM tokens WHERE issuer_id = $1 AND name IS NOT NULL", &[&id]).await?;
                execute(tx, "DELETE FROM users WHERE id = $1", &[&id]).await?;
                Ok(Guarded::Done)
            })
        })
        .await
    }

    pub(super) async fn zone_privileges_in(&self, holder: &ZoneHolder) -> StoreResult<Option<ZonePrivilegeSet>> {
        self.read(holder, |client, holder| {
            Box::pin(async move {
                let (sql, key) = holder_sql(holder);
                read_holder(client, &sql, key).await
            })
        })
        .await
    }

    pub(super) async fn change_zone_privileges_in(&self, holder: &ZoneHolder, change: ZoneChange) -> StoreResult<bool> {
        self.write(&(holder, change), |tx, (holder, change)| {
            Box::pin(async move {
                let (sql, key) = holder_sql(holder);
                let Some(held) = read_holder(tx, &sql, key).await? else {
                    return Ok(false);
                };
                execute(tx, sql.upsert, &[&key, &i64::from(change.apply(held).bits())]).await?;
                Ok(true)
            })
        })
        .await
    }

    pub(super) async fn effective_zone_privileges_in(&self, user: &UserId) -> StoreResult<ZonePrivilegeSet> {
        self.read(user.as_str(), |client, user| {
            Box::pin(async move {
                let rows = query(
                    client,
                    // The groups' zone privileges flow to their effective members (issue 12): each
                    // of the few groups holding some is asked whether the user reaches it, as on
                    // SQLite (sqlite/zone.rs says why).
                    "SELECT privileges FROM user_zone_privileges WHERE user_id = $1
                     UNION ALL
                     SELECT z.privileges FROM group_zone_privileges z
                     WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.group_id = z.group_id AND m.user_id = $1)
                        OR EXISTS (SELECT 1 FROM memberships m
                                   JOIN group_closure c ON c.ancestor = z.group_id AND c.descendant = m.group_id
                                   WHERE m.user_id = $1)",
                    &[&user],
                )
                .await?;
                let raw = rows.iter().map(|r| r.try_get(0)).collect::<Result<Vec<i64>, _>>()?;
                Ok(union_of(raw)?)
            })
        })
        .await
    }

    pub(super) async fn set_privileges_in(
        &self,
        group: &GroupId,
        user: &UserId,
        privileges: PrivilegeSet,
    ) -> StoreResult<Guarded> {
        self.write(&(group.as_str(), user.as_str(), privileges), |tx, (group, user, privileges)| {
            Box::pin(async move {
                let verdict = guard(tx, group, Changed::User(user), Some(*privileges)).await?;
                if verdict == Guarded::Done {
                    execute(
                        tx,
                        "UPDATE memberships SET privileges = $3 WHERE group_id = $1 AND user_id = $2",
                        &[group, user, &i64::from(privileges.bits())],
                    )
                    .await?;
                }
                Ok(verdict)
            })
        })
        .await
    }

    pub(super) async fn remove_member_in(&self, group: &GroupId, user: &UserId) -> StoreResult<Guarded> {
        // `READ COMMITTED`: when the last member leaves, `decide` waits for the joins under way
        // and must then read what they wrote.
        let args = (group.as_str(), user.as_str());
        self.write_at(IsolationLevel::ReadCommitted, &args, |tx, (group, user)| {
            Box::pin(async move {
                let verdict = guard(tx, group, Changed::User(user), None).await?;
                if verdict == Guarded::Done {
                    execute(tx, "DELETE FROM memberships WHERE group_id = $1 AND user_id = $2", &[group, user]).await?;
                }
                Ok(verdict)
            })
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
        let args = (group.as_str(), user.as_str(), privileges, by.as_str());
        self.write(&args, |tx, (group, user, privileges, by)| {
            Box::pin(async move {
                // The group's row is held FOR KEY SHARE until the commit, so that it cannot be
                // deleted under the new membership (memberships need not have a foreign key to it).
                if query_opt(tx, "SELECT 1 FROM groups WHERE id = $1 FOR KEY SHARE", &[group]).await?.is_none() {
                    return Ok(AddOutcome::GroupGone);
                }
                if query_opt(tx, "SELECT 1 FROM users WHERE id = $1 FOR KEY SHARE", &[user]).await?.is_none() {
                    return Ok(AddOutcome::UserGone);
                }
                let member =
                    query_opt(tx, "SELECT 1 FROM memberships WHERE group_id = $1 AND user_id = $2", &[group, user])
                        .await?;
                if member.is_some() {
                    return Ok(AddOutcome::AlreadyMember);
                }
                insert_membership(tx, group, user, *privileges, Some(by)).await?;
                Ok(AddOutcome::Added)
            })
        })
        .await
    }
}
