//! Fixtures, made through the application's own methods (`App::create_user`, `create_group`,
//! `mint_invite`) so that every token is one the server would have minted: join pairs (a fresh
//! user and a fresh single-use invite each), read users (ten groups each) and reject pairs (a
//! valid user and an invite signed under another master key). Token files are written line by
//! line as the fixtures are made, so no list of tokens is ever held in memory.

use std::fs::File;
use std::future::Future;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use futures::StreamExt;
use oz_groups::config::ZONE_NAME;
use oz_groups::domain::{Group, GroupId, GroupType, Login, Name, PrivilegeSet, User, UserId};
use oz_groups::service::App;
use oz_groups::store::Store;
use oz_groups::tokens::{TokenCodec, TokenKind};

use crate::storage::invite_record;

/// Writes in flight at once while seeding: enough for a store that batches concurrent writes
/// into one commit to batch well, as the issue suggests.
pub const CONCURRENCY: usize = 256;

/// Groups the join pairs' invites are spread over (the owner creates them).
const JOIN_GROUPS: usize = 64;

pub fn name(text: &str) -> Result<Name> {
    Name::parse(text, "name").map_err(|e| anyhow::anyhow!("{e}"))
}

/// A user named `text` whose login is its name (the bench's names are unique), for seeding the
/// store directly.
pub fn user(text: &str) -> Result<User> {
    let login = Login::parse_stored(text).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(User { id: UserId::generate(), login, name: name(text)?, alias: None })
}

/// Runs `make(i)` for `i in 0..count`, `CONCURRENCY` at a time, each as its own task (so that
/// minting's HMACs use both cores), and hands every result to `sink` as it arrives. Once
/// `deadline` has passed no new item is started.
pub async fn concurrently<T, Fut>(
    count: usize,
    deadline: Option<Instant>,
    make: impl Fn(usize) -> Fut,
    mut sink: impl FnMut(T) -> Result<()>,
) -> Result<()>
where
    T: Send + 'static,
    Fut: Future<Output = Result<T>> + Send + 'static,
{
    let items = futures::stream::iter(0..count)
        .take_while(|_| futures::future::ready(deadline.is_none_or(|d| Instant::now() < d)))
        .map(|i| tokio::spawn(make(i)));
    let mut results = items.buffer_unordered(CONCURRENCY);
    while let Some(joined) = results.next().await {
        sink(joined.context("a seeding task panicked")??)?;
    }
    Ok(())
}

/// `concurrently`, with its progress on stderr every few seconds, and every result in index
/// order: the items started before `deadline` are a prefix of the indices, and all of them finish.
pub async fn collect<T, Fut>(
    what: &str,
    count: usize,
    deadline: Option<Instant>,
    make: impl Fn(usize) -> Fut,
) -> Result<Vec<T>>
where
    T: Send + 'static,
    Fut: Future<Output = Result<T>> + Send + 'static,
{
    let mut out: Vec<Option<T>> = std::iter::repeat_with(|| None).take(count).collect();
    let (started, mut last, mut done) = (Instant::now(), Instant::now(), 0);
    let indexed = |i| {
        let item = make(i);
        async move { Ok((i, item.await?)) }
    };
    concurrently(count, deadline, indexed, |(i, t)| {
        out[i] = Some(t);
        done += 1;
        if last.elapsed() >= Duration::from_secs(10) {
            last = Instant::now();
            let secs = started.elapsed().as_secs_f64();
            eprintln!("  {what}: {done}/{count} in {secs:.0} s ({:.0}/s)", done as f64 / secs.max(1e-9));
        }
        Ok(())
    })
    .await?;
    Ok(out.into_iter().flatten().collect())
}

/// What the two loads at size (`scale`, `hierarchy`) seed first: `users` users named
/// "{what} user {i}", then `groups` groups (at most one per user), group g "{what} group {g}"
/// created by user g (its first member, with every privilege), then an invite record for each
/// of the first `invites` groups, good for `uses` joins. Nothing starts after `deadline`, so
/// each list is a prefix.
pub async fn users_groups_invites(
    store: &Arc<dyn Store>,
    what: &str,
    (users, groups, invites, uses): (usize, usize, usize, u32),
    deadline: Option<Instant>,
) -> Result<(Arc<Vec<User>>, Arc<Vec<GroupId>>, Arc<Vec<String>>)> {
    let users = collect(&format!("{what}: users"), users, deadline, |i| {
        let (store, text) = (store.clone(), format!("{what} user {i}"));
        async move {
            let user = user(&text)?;
            store.create_user(&user).await?;
            Ok(user)
        }
    })
    .await?;
    let users = Arc::new(users);
    let groups = collect(&format!("{what}: groups"), groups.min(users.len()), deadline, |g| {
        let (store, users, text) = (store.clone(), users.clone(), format!("{what} group {g}"));
        async move {
            let group = Group { id: GroupId::generate(), name: name(&text)?, kind: GroupType::Team };
            store.create_group(&group, &users[g].id, PrivilegeSet::all()).await?;
            Ok(group.id)
        }
    })
    .await?;
    let groups = Arc::new(groups);
    let invites = collect(&format!("{what}: invite records"), invites.min(groups.len()), deadline, |g| {
        let (store, groups) = (store.clone(), groups.clone());
        async move {
            let record = invite_record(&groups[g], Some(uses));
            store.insert_token(&record).await?;
            Ok(record.id)
        }
    })
    .await?;
    Ok((users, groups, Arc::new(invites)))
}

/// Runs `make(i)` for `i in 0..n` (`concurrently`) and writes each line it makes to `file`.
async fn write_lines<Fut>(file: &Path, n: usize, make: impl Fn(usize) -> Fut) -> Result<()>
where
    Fut: Future<Output = Result<String>> + Send + 'static,
{
    let mut out = BufWriter::new(File::create(file).with_context(|| format!("cannot create {}", file.display()))?);
    concurrently(n, None, make, |line| Ok(writeln!(out, "{line}")?)).await?;
    Ok(out.flush()?)
}

/// Where a batch of join pairs was sent: the groups whose member count tells afterwards how
/// many of the joins happened.
pub struct JoinFixture {
    pub groups: Vec<GroupId>,
    pub seconds: f64,
}

/// A new owner, `JOIN_GROUPS` groups, and `n` pairs (fresh user with its access token, fresh
/// single-use invite into one of the groups), written to `file` as "ACCESS INVITE" lines.
pub async fn join_pairs(app: &App, n: usize, file: &Path) -> Result<JoinFixture> {
    let started = Instant::now();
    let (owner, _) = app.create_user(name("bench owner")?, false).await?;
    let groups = collect("join pairs: groups", JOIN_GROUPS, None, |i| {
        let (app, owner) = (app.clone(), owner.clone());
        async move { Ok(app.create_group(&owner, name(&format!("bench group {i}"))?, None).await?) }
    })
    .await?;
    let targets: Vec<(User, GroupId)> = groups.iter().map(|g| (owner.clone(), g.clone())).collect();
    join_pairs_into(app, &targets, n, file).await?;
    Ok(JoinFixture { groups, seconds: started.elapsed().as_secs_f64() })
}

/// `n` pairs whose invites go round-robin into `targets` (each an inviter with the
/// `group_invite_user` privilege and its group).
pub async fn join_pairs_into(app: &App, targets: &[(User, GroupId)], n: usize, file: &Path) -> Result<()> {
    let targets = std::sync::Arc::new(targets.to_vec());
    write_lines(file, n, |i| {
        let (app, targets) = (app.clone(), targets.clone());
        async move {
            let (_, access) = app.create_user(name(&format!("joiner {i}"))?, false).await?;
            let (inviter, group) = &targets[i % targets.len()];
            let invite = app.mint_invite(inviter, group, oz_groups::service::Minting::Stored).await?;
            Ok(format!("{access} {invite}"))
        }
    })
    .await
}

/// `n` users, each a member of `groups_each` groups it created; their access tokens, one a line.
pub async fn read_users(app: &App, n: usize, groups_each: usize, file: &Path) -> Result<()> {
    write_lines(file, n, |i| {
        let app = app.clone();
        async move {
            let (user, access) = app.create_user(name(&format!("reader {i}"))?, false).await?;
            for g in 0..groups_each {
                app.create_group(&user, name(&format!("reader {i} group {g}"))?, None).await?;
            }
            Ok(access)
        }
    })
    .await
}

/// `n` valid users, each with a well-formed group invite that fails its signature check: it is
/// minted by a codec under another master key, exactly as a forgery would be.
pub async fn reject_pairs(app: &App, n: usize, file: &Path) -> Result<()> {
    let mut key = vec![0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut key);
    let forger = std::sync::Arc::new(TokenCodec::new(key, ZONE_NAME));
    write_lines(file, n, |i| {
        let (app, forger) = (app.clone(), forger.clone());
        async move {
            let (_, access) = app.create_user(name(&format!("rejected {i}"))?, false).await?;
            Ok(format!("{access} {}", forger.mint(TokenKind::GroupInviteUser).token))
        }
    })
    .await
}

/// How many users joined the fixture's groups (each group's members less its owner).
pub async fn joined(app: &App, groups: &[GroupId]) -> Result<u64> {
    let mut total = 0;
    for g in groups {
        total += app.store().group_users(g).await?.len().saturating_sub(1) as u64;
    }
    Ok(total)
}
