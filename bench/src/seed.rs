//! Fixtures, made through the application's own methods (`App::create_user`, `create_group`,
//! `mint_invite`) so that every token is one the server would have minted: join pairs (a fresh
//! user and a fresh single-use invite each), read users (ten groups each) and reject pairs (a
//! valid user and an invite signed under another master key). Token files are written line by
//! line as the fixtures are made, so no list of tokens is ever held in memory.

use std::fs::File;
use std::future::Future;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;
use futures::StreamExt;
use oz_groups::config::ZONE_NAME;
use oz_groups::domain::{GroupId, Login, Name, User, UserId};
use oz_groups::service::App;
use oz_groups::tokens::{TokenCodec, TokenKind};

/// Writes in flight at once while seeding: enough for a store that batches concurrent writes
/// into one commit to batch well, as the issue suggests.
pub const CONCURRENCY: usize = 256;

/// Groups the join pairs' invites are spread over (the owner creates them).
const JOIN_GROUPS: usize = 64;

pub fn name(text: &str) -> anyhow::Result<Name> {
    Name::parse(text, "name").map_err(|e| anyhow::anyhow!("{e}"))
}

/// A user named `text` whose login is its name (the bench's names are unique), for seeding the
/// store directly.
pub fn user(text: &str) -> anyhow::Result<User> {
    let login = Login::parse_stored(text).map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(User { id: UserId::generate(), login, name: name(text)?, alias: None })
}

/// Runs `make(i)` for `i in 0..count`, `CONCURRENCY` at a time, each as its own task (so that
/// minting's HMACs use both cores), and hands every result to `sink` as it arrives. Once
/// `deadline` has passed no new item is started; returns how many items were done.
pub async fn concurrently<T, Fut>(
    count: usize,
    deadline: Option<Instant>,
    make: impl Fn(usize) -> Fut,
    mut sink: impl FnMut(T) -> anyhow::Result<()>,
) -> anyhow::Result<usize>
where
    T: Send + 'static,
    Fut: Future<Output = anyhow::Result<T>> + Send + 'static,
{
    let items = futures::stream::iter(0..count)
        .take_while(|_| futures::future::ready(deadline.is_none_or(|d| Instant::now() < d)))
        .map(|i| tokio::spawn(make(i)));
    let mut results = items.buffer_unordered(CONCURRENCY);
    let mut done = 0;
    while let Some(joined) = results.next().await {
        sink(joined.context("a seeding task panicked")??)?;
        done += 1;
    }
    Ok(done)
}

/// Where a batch of join pairs was sent: the groups whose member count tells afterwards how
/// many of the joins happened.
pub struct JoinFixture {
    pub groups: Vec<GroupId>,
    pub seconds: f64,
}

/// A new owner, `JOIN_GROUPS` groups, and `n` pairs (fresh user with its access token, fresh
/// single-use invite into one of the groups), written to `file` as "ACCESS INVITE" lines.
pub async fn join_pairs(app: &App, n: usize, file: &Path) -> anyhow::Result<JoinFixture> {
    let started = Instant::now();
    let (owner, _) = app.create_user(name("bench owner")?, false).await?;
    let mut groups = Vec::new();
    concurrently(
        JOIN_GROUPS,
        None,
        |i| {
            let (app, owner) = (app.clone(), owner.clone());
            async move { Ok(app.create_group(&owner, name(&format!("bench group {i}"))?, None).await?) }
        },
        |g| {
            groups.push(g);
            Ok(())
        },
    )
    .await?;
    let targets: Vec<(User, GroupId)> = groups.iter().map(|g| (owner.clone(), g.clone())).collect();
    join_pairs_into(app, &targets, n, file).await?;
    Ok(JoinFixture { groups, seconds: started.elapsed().as_secs_f64() })
}

/// `n` pairs whose invites go round-robin into `targets` (each an inviter with the
/// `group_invite_user` privilege and its group).
pub async fn join_pairs_into(app: &App, targets: &[(User, GroupId)], n: usize, file: &Path) -> anyhow::Result<()> {
    let mut out = writer(file)?;
    let targets = std::sync::Arc::new(targets.to_vec());
    concurrently(
        n,
        None,
        |i| {
            let (app, targets) = (app.clone(), targets.clone());
            async move {
                let (_, access) = app.create_user(name(&format!("joiner {i}"))?, false).await?;
                let (inviter, group) = &targets[i % targets.len()];
                let invite = app.mint_invite(inviter, group).await?;
                Ok(format!("{access} {invite}"))
            }
        },
        |line| Ok(writeln!(out, "{line}")?),
    )
    .await?;
    out.flush()?;
    Ok(())
}

/// `n` users, each a member of `groups_each` groups it created; their access tokens, one a line.
pub async fn read_users(app: &App, n: usize, groups_each: usize, file: &Path) -> anyhow::Result<()> {
    let mut out = writer(file)?;
    concurrently(
        n,
        None,
        |i| {
            let app = app.clone();
            async move {
                let (user, access) = app.create_user(name(&format!("reader {i}"))?, false).await?;
                for g in 0..groups_each {
                    app.create_group(&user, name(&format!("reader {i} group {g}"))?, None).await?;
                }
                Ok(access)
            }
        },
        |line| Ok(writeln!(out, "{line}")?),
    )
    .await?;
    out.flush()?;
    Ok(())
}

/// `n` valid users, each with a well-formed group invite that fails its signature check: it is
/// minted by a codec under another master key, exactly as a forgery would be.
pub async fn reject_pairs(app: &App, n: usize, file: &Path) -> anyhow::Result<()> {
    let mut out = writer(file)?;
    let forger = std::sync::Arc::new(TokenCodec::new(random_key(), ZONE_NAME));
    concurrently(
        n,
        None,
        |i| {
            let (app, forger) = (app.clone(), forger.clone());
            async move {
                let (_, access) = app.create_user(name(&format!("rejected {i}"))?, false).await?;
                Ok(format!("{access} {}", forger.mint(TokenKind::GroupInviteUser).token))
            }
        },
        |line| Ok(writeln!(out, "{line}")?),
    )
    .await?;
    out.flush()?;
    Ok(())
}

/// How many users joined the fixture's groups (each group's members less its owner).
pub async fn joined(app: &App, groups: &[GroupId]) -> anyhow::Result<u64> {
    let mut total = 0;
    for g in groups {
        total += app.store().group_users(g).await?.len().saturating_sub(1) as u64;
    }
    Ok(total)
}

fn random_key() -> Vec<u8> {
    use rand::RngCore;
    let mut key = vec![0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut key);
    key
}

fn writer(file: &Path) -> anyhow::Result<BufWriter<File>> {
    Ok(BufWriter::new(File::create(file).with_context(|| format!("cannot create {}", file.display()))?))
}

/// Prints progress of a long seeding step to stderr every few seconds.
pub struct Progress {
    what: String,
    total: usize,
    started: Instant,
    last: Instant,
}

impl Progress {
    pub fn new(what: impl Into<String>, total: usize) -> Progress {
        let now = Instant::now();
        Progress { what: what.into(), total, started: now, last: now }
    }

    pub fn tick(&mut self, done: usize) {
        if self.last.elapsed() >= Duration::from_secs(10) {
            self.last = Instant::now();
            let secs = self.started.elapsed().as_secs_f64();
            eprintln!("  {}: {done}/{} in {secs:.0} s ({:.0}/s)", self.what, self.total, done as f64 / secs.max(1e-9));
        }
    }
}
