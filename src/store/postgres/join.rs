//! PostgreSQL's join: one statement that locks the row it decides on and writes the membership
//! and the use together, in a transaction committed only once the shared decision order
//! (`sql::join`) has read its answer; racing joins queue on the token's row instead of failing.

use std::collections::HashSet;

use deadpool_postgres::Object;
use tokio_postgres::types::ToSql;
use tokio_postgres::Row;

use super::errors::Failure;
use super::retry::retrying;
use super::rows::token_row;
use super::PostgresStore;
use crate::domain::{GroupId, PrivilegeSet};
use crate::store::sql::join::{join, Admission, IssuerCheck, JoinSteps};
use crate::store::sql::{token_columns, token_named_columns, RowError, KIND_GROUP_INVITE_USER};
use crate::store::{issuer_needs, JoinOutcome, StoreError, StoreResult, TokenGrant, TokenRecord};

/// Whether user `$issuer` may still create an invite into group `$group` that needs the group
/// privileges `$need` (`issuer_needs`), or else holds all the zone privileges `$zone` (a bit
/// set), as SQL text over those four expressions: what `Service::mint_invite` accepts at
/// minting, read in the caller's statement. Cheapest first, as the executor tries an `OR`'s arms
/// in order and stops at the first true one: the direct membership (one probe of its primary
/// key; an issuer is most often a direct member holding what it needs), the user's own zone
/// privileges (one probe), then the effective privileges as `effective_privileges_at_least`
/// reads them (the closure per group of the issuer through an unflattened `LATERAL`, each link
/// by its key), then the effective zone privileges as `effective_zone_privileges` reads them
/// (the user's own and those of the few groups holding some that it belongs to, together: the
/// zone privileges needed may come from several). A deleted issuer has no membership and no zone
/// privileges left, so it fails every arm.
macro_rules! issuer_allowed {
    ($group:literal, $issuer:literal, $need:literal, $zone:literal) => {
        concat!(
            "(EXISTS (SELECT 1 FROM memberships WHERE group_id = ", $group, " AND user_id = ", $issuer,
            " AND (privileges & ", $need, ") = ", $need, ")
              OR EXISTS (SELECT 1 FROM user_zone_privileges WHERE user_id = ", $issuer,
            " AND (privileges & ", $zone, ") = ", $zone, ")
              OR ((COALESCE((SELECT privileges FROM memberships WHERE group_id = ", $group, " AND user_id = ", $issuer, "), 0)
                   | COALESCE((SELECT bit_or(w.p) FROM memberships mi CROSS JOIN LATERAL (
                                   SELECT (SELECT l.privileges FROM group_links l
                                           WHERE l.parent_id = ", $group, " AND l.child_id = c.via) AS p
                                   FROM group_closure c WHERE c.ancestor = ", $group, " AND c.descendant = mi.group_id
                                   OFFSET 0) w
                               WHERE mi.user_id = ", $issuer, "), 0))
                  & ", $need, ") = ", $need, "
              OR ((COALESCE((SELECT privileges FROM user_zone_privileges WHERE user_id = ", $issuer, "), 0)
                   | COALESCE((SELECT bit_or(z.privileges) FROM group_zone_privileges z
                               WHERE EXISTS (SELECT 1 FROM memberships mz WHERE mz.group_id = z.group_id AND mz.user_id = ", $issuer, ")
                                  OR EXISTS (SELECT 1 FROM memberships mz JOIN group_closure c
                                             ON c.ancestor = z.group_id AND c.descendant = mz.group_id
                                             WHERE mz.user_id = ", $issuer, ")), 0))
                  & ", $zone, ") = ", $zone, ")"
        )
    };
}
pub(super) use issuer_allowed;

/// The token's row, locked before `JOIN` starts (`join_in`, `batch_in`).
const LOCK_TOKEN: &str = "SELECT 1 FROM tokens WHERE id = $1 FOR UPDATE";

/// The tokens of `$1` that no other transaction holds, locked before `JOIN_BATCH` starts
/// (`batch_in`); the ids locked.
const LOCK_TOKENS: &str = "SELECT id FROM tokens WHERE id = ANY($1) FOR UPDATE SKIP LOCKED";

/// The whole join, run at `READ COMMITTED` (see `join_in` for its transaction). `$1` the token's
/// identifier, `$2` the joining user, `$3` the invite kind, `$4` the time (unix seconds) for the
/// join record; `$5`..`$9` the issuer check's bits (`IssuerBits`): what the issuer needs in the
/// group for a token carrying the default member privileges, what it needs for one carrying
/// more, the default member privileges, and the zone privileges that do instead, for each.
///
/// The parts, in order of data dependence:
/// - `t`, the token, locked until the statement ends. A join that finds the row locked by
///   another join waits for that one to end and then reads the row as it committed it, with its
///   use counted: racing joins on one invite run one after the other, each on fresh counts. A
///   revocation (an `UPDATE` of the row) is waited for the same way, so no join that reads the
///   row after the revocation committed admits anyone.
/// - `g`, the invite's group, if the token is an invite that is not revoked and has a use left
///   (the checks `sql::join` makes; the answer's `USABLE` column repeats them for the decision
///   order to compare) and is not marked `group_gone`. The
///   group's row is read, not locked: a lock on it, shared by every join into the group, cost
///   each join a MultiXact (0004_join_without_group_lock). A deletion of the group reaches the
///   join through `t` instead: it marks the group's tokens, so a join that waited for the mark
///   reads it and adds nothing, and a join that held the token first ends before the deletion
///   goes on to remove the group's memberships, the one it added among them
///   (`PostgresStore::delete_group`).
/// - `i`, the group again if the token's issuer may still create it (`issuer_allowed!`; no
///   issuer recorded, an invite older than 0008, skips the check): a few index probes in this
///   statement, no round trip more. It reads the statement's snapshot (`READ COMMITTED`), so it
///   sees every change committed before the statement started; one committed while the
///   statement waited for the token's lock is not seen (only the locked row is read afresh).
///   The retry (`Rejoined`) is not decided here but in `retried`, which says why.
/// - `m` adds the membership with its origin, only if `i` passed, and adds nothing for a user
///   who is a member already (the primary key decides, so a concurrent join of the same user
///   with another invite is waited for, not missed). An unknown user fails its foreign key: the
///   statement fails, nothing is written.
/// - `u` counts the use, only if `m` added the membership, repeating the use checks; `j` writes
///   the join record, only if `m` added the membership.
/// - The guard: were a membership added and no use counted or no record written, `1 / 0` fails
///   the statement, and none of them is written. (`t` holds the row `u` changes, so this cannot
///   happen; it is the statement's own proof of "a use is counted only with a membership", not
///   the caller's.)
///
/// The outer `LEFT JOIN` returns one row even when there is no such token. Each part is as
/// small as it can be: starting the executor on every node of this plan is a good part of
/// what the statement costs the database.
pub const JOIN: &str = concat!(
    "WITH t AS (SELECT ",
    token_columns!(),
    ", ",
    token_named_columns!(),
    ", group_gone FROM tokens WHERE id = $1 FOR UPDATE),
     g AS (SELECT groups.id, t.privileges, t.issuer_id,
                  CASE WHEN (t.privileges & ~$7::bigint) = 0 THEN $5::bigint ELSE $6::bigint END AS need,
                  CASE WHEN (t.privileges & ~$7::bigint) = 0 THEN $8::bigint ELSE $9::bigint END AS zone_need
           FROM groups JOIN t ON groups.id = t.group_id
           WHERE t.kind = $3 AND t.revoked = FALSE AND (t.max_uses IS NULL OR t.uses < t.max_uses)
             AND t.group_gone = FALSE),
     i AS (SELECT g.id, g.privileges, g.issuer_id FROM g
           WHERE g.issuer_id IS NULL OR ",
    issuer_allowed!("g.id", "g.issuer_id", "g.need", "g.zone_need"),
    "),
     m AS (INSERT INTO memberships (group_id, user_id, privileges, origin, origin_token, origin_by)
           SELECT id, $2, privileges, 'invite', $1, issuer_id FROM i
           ON CONFLICT (group_id, user_id) DO NOTHING
           RETURNING 1),
     u AS (UPDATE tokens SET uses = uses + 1
           WHERE id = $1 AND revoked = FALSE AND (max_uses IS NULL OR uses < max_uses)
             AND EXISTS (SELECT 1 FROM m)
           RETURNING 1),
     j AS (INSERT INTO token_joins (token_id, group_id, user_id, privileges, joined_at)
           SELECT $1, id, $2, privileges, $4 FROM i WHERE EXISTS (SELECT 1 FROM m)
           RETURNING 1)
SELECT t.*, t.kind = $3 AND t.revoked = FALSE AND (t.max_uses IS NULL OR t.uses < t.max_uses),
       EXISTS (SELECT 1 FROM g), EXISTS (SELECT 1 FROM i),
       EXISTS (SELECT 1 FROM m), (SELECT COUNT(*) FROM u),
       CASE WHEN EXISTS (SELECT 1 FROM m) THEN 1 / ((SELECT COUNT(*) FROM u) * (SELECT COUNT(*) FROM j)) END
FROM (VALUES (1)) AS one LEFT JOIN t ON TRUE"
);

/// `JOIN` for many joins at once (`batch`'s group commit), each answered by a row laid out as
/// `JOIN`'s plus one column, `SKIPPED`, in the order of `$1`: `$1` the tokens' identifiers and
/// `$2` the joining users (arrays of one length; no token and no user twice, which `batch`
/// ensures and the guard enforces), `$3`..`$9` as in `JOIN`. Each part is `JOIN`'s, over the
/// rows of `r` instead of one, so each join is decided on its own row as `JOIN` decides it:
/// - `t` locks the tokens it can lock at once and skips those another transaction holds (a join
///   of another instance, a revocation, a group's deletion), so that a batch never waits for a
///   token's lock: a skipped join (`SKIPPED`, a token that exists but is not in `t`) writes
///   nothing here and is run again alone (`JOIN`), which waits for the lock as a lone join
///   always has. No one join can hold up a whole batch behind a lock.
/// - `m` inserts in key order, so that two batches that add the same memberships (the same
///   users through other invites) wait for each other in one order rather than deadlock.
/// - `u` counts the use of each token whose membership `m` added, repeating the use checks.
/// - The guard, per row: a membership added for a token, and not exactly one membership, one
///   counted use and one join record for it, fails the statement (`1 / 0`), and nothing of the
///   batch is written.
pub const JOIN_BATCH: &str = concat!(
    "WITH r AS (SELECT * FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS r(token_id, user_id, ord)),
     t AS (SELECT ",
    token_columns!(),
    ", ",
    token_named_columns!(),
    ", group_gone FROM tokens WHERE id IN (SELECT token_id FROM r) FOR UPDATE SKIP LOCKED),
     g AS (SELECT r.ord, r.token_id, r.user_id, groups.id, t.privileges, t.issuer_id,
                  CASE WHEN (t.privileges & ~$7::bigint) = 0 THEN $5::bigint ELSE $6::bigint END AS need,
                  CASE WHEN (t.privileges & ~$7::bigint) = 0 THEN $8::bigint ELSE $9::bigint END AS zone_need
           FROM r JOIN t ON t.id = r.token_id JOIN groups ON groups.id = t.group_id
           WHERE t.kind = $3 AND t.revoked = FALSE AND (t.max_uses IS NULL OR t.uses < t.max_uses)
             AND t.group_gone = FALSE),
     i AS (SELECT g.ord, g.token_id, g.user_id, g.id, g.privileges, g.issuer_id FROM g
           WHERE g.issuer_id IS NULL OR ",
    issuer_allowed!("g.id", "g.issuer_id", "g.need", "g.zone_need"),
    "),
     m AS (INSERT INTO memberships (group_id, user_id, privileges, origin, origin_token, origin_by)
           SELECT id, user_id, privileges, 'invite', token_id, issuer_id FROM i ORDER BY id, user_id
           ON CONFLICT (group_id, user_id) DO NOTHING
           RETURNING origin_token),
     u AS (UPDATE tokens SET uses = uses + 1 FROM m
           WHERE tokens.id = m.origin_token AND tokens.revoked = FALSE
             AND (tokens.max_uses IS NULL OR tokens.uses < tokens.max_uses)
           RETURNING tokens.id),
     j AS (INSERT INTO token_joins (token_id, group_id, user_id, privileges, joined_at)
           SELECT token_id, id, user_id, privileges, $4 FROM i WHERE token_id IN (SELECT origin_token FROM m)
           RETURNING token_id)
SELECT t.*, t.kind = $3 AND t.revoked = FALSE AND (t.max_uses IS NULL OR t.uses < t.max_uses),
       EXISTS (SELECT 1 FROM g WHERE g.ord = r.ord), EXISTS (SELECT 1 FROM i WHERE i.ord = r.ord),
       EXISTS (SELECT 1 FROM m WHERE m.origin_token = r.token_id),
       (SELECT COUNT(*) FROM u WHERE u.id = r.token_id),
       CASE WHEN EXISTS (SELECT 1 FROM m WHERE m.origin_token = r.token_id)
            THEN 1 / ((SELECT COUNT(*) FROM m WHERE m.origin_token = r.token_id) = 1
                      AND (SELECT COUNT(*) FROM u WHERE u.id = r.token_id) = 1
                      AND (SELECT COUNT(*) FROM j WHERE j.token_id = r.token_id) = 1)::int END,
       t.id IS NULL AND EXISTS (SELECT 1 FROM tokens WHERE tokens.id = r.token_id)
FROM r LEFT JOIN t ON t.id = r.token_id
ORDER BY r.ord"
);

/// The columns of `JOIN`'s answer after the token's fourteen and `group_gone` (the last one,
/// the guard's, is not read).
pub(super) const GROUP_GONE_MARK: usize = 14;
const USABLE: usize = 15;
const GROUP_EXISTS: usize = 16;
const ISSUER_ALLOWED: usize = 17;
const ADDED: usize = 18;
const COUNTED: usize = 19;
/// `JOIN_BATCH`'s last column, after the guard's.
const SKIPPED: usize = 21;

/// The retry check (`Rejoined`): `$2` is a direct member of group `$1` through token `$3`.
const REJOINED: &str =
    "SELECT EXISTS (SELECT 1 FROM memberships WHERE group_id = $1 AND user_id = $2 AND origin_token = $3)";

/// The bits the issuer check compares (`JOIN`'s `$5`..`$9`, the nested join's), all taken from
/// `issuer_needs`, the one statement of what an issuer must hold: what it needs for an invite
/// of kind `grant` carrying the default member privileges, and carrying more; the default
/// member privileges; the zone privileges for each.
#[derive(Clone, Copy, Debug)]
pub(super) struct IssuerBits {
    pub(super) need_default: i64,
    pub(super) need_more: i64,
    pub(super) default: i64,
    pub(super) zone_default: i64,
    pub(super) zone_more: i64,
}

impl IssuerBits {
    /// For the invites `JOIN` reads (user invites); computed once.
    pub(super) fn for_user_invites() -> &'static IssuerBits {
        static BITS: std::sync::LazyLock<IssuerBits> = std::sync::LazyLock::new(|| {
            let grant = |privileges| TokenGrant::GroupInviteUser { group: GroupId::generate(), privileges };
            let default = PrivilegeSet::default_member();
            let needs = |privileges| issuer_needs(&grant(privileges)).expect("an invite has an issuer's needs");
            let (need_default, zone_default) = needs(default);
            let (need_more, zone_more) = needs(PrivilegeSet::all());
            IssuerBits {
                need_default: i64::from(need_default.bits()),
                need_more: i64::from(need_more.bits()),
                default: i64::from(default.bits()),
                zone_default: i64::from(zone_default.bits()),
                zone_more: i64::from(zone_more.bits()),
            }
        });
        &BITS
    }
}

/// `JOIN`'s parameters, and `JOIN_BATCH`'s: the token(s) and the user(s) (`$1`, `$2`), then the
/// ones every join shares: the invite kind, the time `now` and the issuer check's bits.
fn params<'a>(
    tokens: &'a (dyn ToSql + Sync),
    users: &'a (dyn ToSql + Sync),
    now: &'a i64,
) -> [&'a (dyn ToSql + Sync); 9] {
    let bits = IssuerBits::for_user_invites();
    [
        tokens,
        users,
        &KIND_GROUP_INVITE_USER,
        now,
        &bits.need_default,
        &bits.need_more,
        &bits.default,
        &bits.zone_default,
        &bits.zone_more,
    ]
}

/// The time now, in unix seconds, for a join record.
pub(super) fn now_unix() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64
}

impl PostgresStore {
    /// One join in a transaction of its own (`JOIN`): what `batch` falls back to when a batch
    /// fails as a whole, so that each of its joins gets the answer it would have had alone.
    pub(super) async fn join_alone(&self, token_id: &str, user: &str) -> StoreResult<JoinOutcome> {
        // `READ COMMITTED`, not `SERIALIZABLE`: the locks `JOIN` takes are what makes the join
        // atomic against other joins, revocations and group deletions, from any instance.
        // Under `SERIALIZABLE` joins of different invites aborted each other too (predicate
        // locks on shared index pages), and racing joins on one invite all but one. The retry
        // still covers a deadlock, or a distributed engine's serialization failure.
        self.on_connection(&(token_id, user), |lease, args| {
            Box::pin(async move {
                let (outcome, row) =
                    retrying(lease, args, |client, (token_id, user)| Box::pin(join_in(client, token_id, user))).await?;
                retried(lease.object()?, outcome, &row, args.0, args.1).await
            })
        })
        .await
    }

    /// The joins of `pairs` (token identifier, user), no token and no user twice, in one
    /// transaction (`JOIN_BATCH`), retried whole like `join_alone`. Each join's answer, in the
    /// order of `pairs`, or `None` for a join whose token another transaction held (it wrote
    /// nothing; run it alone). `Err` when the batch as a whole failed, and then nothing of it
    /// was written (or, for a failure of the `COMMIT` itself, nobody can tell, as for any
    /// commit).
    pub(super) async fn join_batch(
        &self,
        pairs: &[(String, String)],
    ) -> StoreResult<Vec<Option<StoreResult<JoinOutcome>>>> {
        self.on_connection(pairs, |lease, pairs| {
            Box::pin(async move {
                let decided = retrying(lease, pairs, |client, pairs| Box::pin(batch_in(client, pairs))).await?;
                let client = lease.object()?;
                let mut outcomes = Vec::with_capacity(decided.len());
                for (decided, (token_id, user)) in decided.into_iter().zip(pairs) {
                    outcomes.push(match decided {
                        Some((outcome, row)) => {
                            Some(retried(client, outcome, &row, token_id, user).await.map_err(StoreError::from))
                        }
                        None => None,
                    });
                }
                Ok(outcomes)
            })
        })
        .await
    }
}

/// One attempt of the join on `client`: `BEGIN` and `JOIN` sent together (tokio-postgres
/// pipelines requests polled together, in the order first polled), so they cost one round
/// trip; `COMMIT` only after the decision order has read the answer and agreed with it, or
/// `ROLLBACK`.
///
/// Why not `JOIN` alone, its own transaction, one round trip less: a statement outside a
/// transaction block commits whenever the server gets to it. A server that stalls (frozen,
/// overloaded) after the statement was sent would commit it after this call has given up and
/// answered 503, a 503 that joined; here a call that gives up before `COMMIT` was sent leaves
/// an open transaction that dies with its connection (`retry::Lease`). Only a stall during the
/// `COMMIT`'s own round trip remains ambiguous, as for any database client.
///
/// Between them, `LOCK_TOKEN`, sent in the same round trip: `JOIN` then starts once the token's
/// row is held, so its snapshot holds everything committed before the lock was granted. `JOIN`
/// alone locks the row too, but reads everything else as of its own start, before any wait for
/// the lock: a change committed during that wait was not seen. The one that matters is the last
/// member leaving the group (`zone::decide`), which holds the invites' rows while it decides:
/// the issuer check read its membership as it was before, and the join admitted a user into a
/// group left without a manager.
async fn join_in(client: &Object, token_id: &str, user: &str) -> Result<(JoinOutcome, Row), Failure> {
    let (lock, statement) = tokio::try_join!(client.prepare_cached(LOCK_TOKEN), client.prepare_cached(JOIN))?;
    let now = now_unix();
    let params = params(&token_id, &user, &now);
    let lock_params: [&(dyn ToSql + Sync); 1] = [&token_id];
    let (begun, locked, answered) = tokio::join!(
        client.batch_execute("BEGIN"),
        client.execute(&lock, &lock_params),
        client.query_one(&statement, &params)
    );
    let decided = async {
        begun?;
        locked?;
        let row = answered?;
        Ok((decide(&row).await?, row))
    }
    .await;
    commit_if(client, decided).await
}

/// One attempt of the joins of `pairs` on `client`, as `join_in` runs one: `BEGIN` and
/// `JOIN_BATCH` together, then `COMMIT` only if the decision order agrees with every row that
/// was not skipped (`None`).
///
/// First `LOCK_TOKENS`, with `BEGIN`: the tokens no other transaction holds, for the reason
/// `join_in` gives; only their joins go into `JOIN_BATCH`, which starts after the answer, and
/// the others are skipped (`None`), as `JOIN_BATCH` skips a token held by another. (Sent
/// together, `JOIN_BATCH` could lock a token freed after its own start, and read the issuer's
/// right as of before.)
async fn batch_in(client: &Object, pairs: &[(String, String)]) -> Result<Vec<Option<(JoinOutcome, Row)>>, Failure> {
    let (lock, statement) = tokio::try_join!(client.prepare_cached(LOCK_TOKENS), client.prepare_cached(JOIN_BATCH))?;
    let all_tokens: Vec<&str> = pairs.iter().map(|(token, _)| token.as_str()).collect();
    let lock_params: [&(dyn ToSql + Sync); 1] = [&all_tokens];
    let (begun, locked) = tokio::join!(client.batch_execute("BEGIN"), client.query(&lock, &lock_params));
    let decided = async {
        begun?;
        let locked = locked?.iter().map(|r| r.try_get::<_, String>(0)).collect::<Result<HashSet<String>, _>>()?;
        let held: Vec<usize> = (0..pairs.len()).filter(|&i| locked.contains(&pairs[i].0)).collect();
        let mut decided: Vec<Option<(JoinOutcome, Row)>> = (0..pairs.len()).map(|_| None).collect();
        if held.is_empty() {
            return Ok(decided);
        }
        let now = now_unix();
        let tokens: Vec<&str> = held.iter().map(|&i| pairs[i].0.as_str()).collect();
        let users: Vec<&str> = held.iter().map(|&i| pairs[i].1.as_str()).collect();
        let rows = client.query(&statement, &params(&tokens, &users, &now)).await?;
        if rows.len() != held.len() {
            return Err(RowError("the batched join statement answered another number of joins".into()).into());
        }
        for (i, row) in held.into_iter().zip(rows) {
            decided[i] = match row.try_get::<_, bool>(SKIPPED)? {
                true => None,
                false => Some((decide(&row).await?, row)),
            };
        }
        Ok(decided)
    }
    .await;
    commit_if(client, decided).await
}

/// The decision order (`sql::join`) over one answer row of `JOIN` or `JOIN_BATCH`, and the
/// other direction of `admit`'s check: a membership added means the order found the token
/// usable too.
async fn decide(row: &Row) -> Result<JoinOutcome, Failure> {
    let outcome = join(&Answer(row)).await?;
    if row.try_get::<_, bool>(ADDED)? && !matches!(outcome, JoinOutcome::Joined(_)) {
        return Err(RowError("the join statement added a membership the decision order refused".into()).into());
    }
    Ok(outcome)
}

/// Commits the transaction `decided` was read in when it is `Ok`, else rolls it back.
async fn commit_if<T>(client: &Object, decided: Result<T, Failure>) -> Result<T, Failure> {
    match decided {
        Ok(decided) => {
            // With `synchronous_commit=on`, on the server's disk when this returns.
            client.batch_execute("COMMIT").await?;
            Ok(decided)
        }
        Err(e) => {
            client.batch_execute("ROLLBACK").await?;
            Err(e)
        }
    }
}

/// The retry (`Rejoined`), decided once `JOIN`'s transaction has ended and only when it
/// admitted nobody with a user invite: is `user` a direct member of its group through this very
/// token? Then the answer is `Rejoined`, whatever `JOIN` found (used up, revoked, issuer
/// refused, already a member): that transaction wrote nothing, and the membership proves the
/// first join, so the answer holds as if the retry had been checked right after "unknown
/// token". Costs a round trip on those outcomes only, never on a join that admits someone.
///
/// Not inside `JOIN`: a join that waited for the token's lock reads the row as the other join
/// committed it, but the rest of the statement reads the snapshot it started with, which lacks
/// the membership that join added (the same user racing itself came out `AlreadyMember`). This
/// statement has a snapshot of its own. Not inside the transaction either: there it would hold
/// the token's lock for the extra round trip, and every racer that finds a token used up would
/// make the queue on its row longer by one.
async fn retried(
    client: &Object,
    outcome: JoinOutcome,
    row: &Row,
    token_id: &str,
    user: &str,
) -> Result<JoinOutcome, Failure> {
    let could_be_a_retry = matches!(
        outcome,
        JoinOutcome::TokenUsedUp | JoinOutcome::GroupGone | JoinOutcome::IssuerNotAllowed | JoinOutcome::AlreadyMember
    );
    if !could_be_a_retry {
        return Ok(outcome);
    }
    let Some(TokenRecord { grant: TokenGrant::GroupInviteUser { group, .. }, .. }) = Answer(row).token().await? else {
        return Ok(outcome);
    };
    let statement = client.prepare_cached(REJOINED).await?;
    let rejoined: bool = client.query_one(&statement, &[&group.as_str(), &user, &token_id]).await?.try_get(0)?;
    Ok(if rejoined { JoinOutcome::Rejoined(group) } else { outcome })
}

/// `JOIN`'s answer, read through the decision order's steps: the statement has run them all.
struct Answer<'a>(&'a Row);

impl JoinSteps for Answer<'_> {
    type Error = Failure;

    async fn token(&self) -> Result<Option<TokenRecord>, Failure> {
        if self.0.try_get::<_, Option<String>>(0)?.is_none() {
            return Ok(None);
        }
        Ok(Some(token_row(self.0)?.decode()?))
    }

    /// Never a retry here: `JOIN` cannot tell (its snapshot may lack the membership of a join
    /// that held the token's lock before it), so `retried` reads it after the transaction, for
    /// exactly the outcomes this order can reach when the answer here is "no" and that wrote
    /// nothing. Its `Rejoined` then replaces them, which is the answer this step would have
    /// given in its place, right after "unknown token": the order stays the shared one, and a
    /// join that admits someone pays no read more.
    async fn rejoined(&self, _group: &GroupId) -> Result<bool, Failure> {
        Ok(false)
    }

    /// Called only when the decision order found the token usable; the statement must have
    /// found it so too, made the issuer check (`issuer_allowed!`, on the bits `IssuerBits` takes
    /// from `issuer_needs`, as `IssuerCheck` does) and added the membership with the token's
    /// group and privileges only if the issuer passed.
    async fn admit(
        &self,
        _group: &GroupId,
        _privileges: PrivilegeSet,
        issuer: Option<&IssuerCheck>,
    ) -> Result<Admission, Failure> {
        if !self.0.try_get::<_, bool>(USABLE)? {
            return Err(RowError("the join statement and the decision order disagree on a token".into()).into());
        }
        let group_exists: bool = self.0.try_get(GROUP_EXISTS)?;
        let issuer_allowed: bool = self.0.try_get(ISSUER_ALLOWED)?;
        // A token without an issuer check (no issuer recorded) skips it in the statement too.
        if issuer.is_none() && group_exists && !issuer_allowed {
            return Err(RowError("the join statement checked an issuer the decision order does not".into()).into());
        }
        // A count is never negative; were it, the guard would see no use counted and fail.
        let counted: i64 = self.0.try_get(COUNTED)?;
        Ok(Admission {
            group_exists,
            issuer_allowed,
            added: self.0.try_get(ADDED)?,
            counted: u64::try_from(counted).unwrap_or(0),
        })
    }
}
