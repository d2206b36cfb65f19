//! Nested groups against a reference model (issue 12 point 5; contract §3 "Nested groups", §2's
//! 404 hiding, §7's last-manager rule): proptest draws sequences of up to 25 operations on four
//! groups and three users (link, unlink, user join, leave, a member's removal, a group's
//! deletion, a member's privileges, a link's privileges), each done over HTTP as a user the
//! sequence names, and after every step the server must agree with a naive model (maps and a
//! recursive function) on every group's effective users, children and parents, every user's
//! effective groups, every effective privilege, every link's privileges, and who gets 200, 403
//! or 404 for `GET /groups/{id}`. Refusals the contract prescribes (400
//! `would_introduce_cycle`, 409 `relation_already_exists`, 409 `last_manager`, 403, 404) are
//! part of the model.
//!
//! One server per backend serves every case (on SQLite and PostgreSQL with a second instance on
//! the same database, through which every other read goes); each case makes its own users and
//! groups, which no other case can reach, so cases cannot see each other. `PROPTEST_CASES`
//! changes the number of cases (16 by default). A failure names the step, the operation and the
//! sequence, after shrinking.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use futures::future::join_all;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use crate::all_backends;
use crate::support::{spawn_app, Backend, Reply, TestApp, ALL_PRIVILEGES, API_ROOT};

/// Groups and users of one case. Four groups allow chains of depth three, diamonds and cycles.
const GROUPS: usize = 4;
const USERS: usize = 3;
/// The longest sequence drawn.
const STEPS: usize = 25;
/// Cases per backend unless `PROPTEST_CASES` says otherwise.
const CASES: u32 = 16;

/// The privileges a drawn privilege set is made of: seven the operations check, and one
/// that none of them does (so that privileges nothing checks are seen to flow too).
const DRAWN: [&str; 8] = [
    "group_view_data",
    "group_invite_user",
    "group_remove_user",
    "group_set_privileges",
    "group_invite_group",
    "group_join_group",
    "group_remove_group",
    "group_join_space",
];

/// What an invite gives a new member or a new child group unless it says otherwise (§1).
const DEFAULT: &[&str] = &["group_view_data"];

/// A privilege set drawn as a bit mask over `DRAWN`.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Privs(u8);

impl Privs {
    fn names(self) -> Vec<&'static str> {
        DRAWN.iter().enumerate().filter(|(i, _)| self.0 & (1 << i) != 0).map(|(_, p)| *p).collect()
    }
}

impl fmt::Debug for Privs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let short: Vec<&str> = self.names().iter().map(|p| p.trim_start_matches("group_")).collect();
        write!(f, "[{}]", short.join(","))
    }
}

/// Who does an operation. `Qualified(k)`: the k-th (modulo their number) of the users who hold
/// the privilege the operation needs, if any does, else user k; `Anyone(k)`: user k. Most
/// operations are drawn qualified so that sequences do build graphs.
#[derive(Clone, Copy, Debug)]
enum Actor {
    Qualified(u8),
    Anyone(u8),
}

/// Which link (parent, child) or direct membership (group, user) an operation is about:
/// `Existing(k)`, the k-th (modulo their number) of those the model has, or any `Pair` (then
/// mostly one that does not exist). `Existing` with none falls back to a pair made of k.
#[derive(Clone, Copy, Debug)]
enum Pick {
    Existing(u8),
    Pair(u8, u8),
}

/// One step. Groups and users are indices (G0..G3, U0..U2).
#[derive(Clone, Debug)]
enum Op {
    /// A nested invite minted in `parent`, used by a member of `child` (`nested/join`).
    Link { parent: u8, child: u8, minter: Actor, joiner: Actor },
    /// `DELETE /groups/{parent}/nested/{child}`.
    Unlink { link: Pick, by: Actor },
    /// A user invite minted in `group`, used by `user`.
    Join { group: u8, user: u8, minter: Actor },
    /// `DELETE /user/groups/{group}` by `user`.
    Leave { membership: Pick },
    /// `DELETE /groups/{group}/users/{user}`.
    Remove { membership: Pick, by: Actor },
    /// `DELETE /groups/{group}`.
    Delete { group: u8, by: Actor },
    /// `PUT /groups/{group}/users/{user}/privileges`.
    SetMember { membership: Pick, by: Actor, privileges: Privs },
    /// `PUT /groups/{parent}/nested/{child}/privileges`.
    SetLink { link: Pick, by: Actor, privileges: Privs },
}

fn actor() -> impl Strategy<Value = Actor> {
    prop_oneof![3 => (0u8..6).prop_map(Actor::Qualified), 1 => (0u8..6).prop_map(Actor::Anyone)]
}

/// A pick of a link (`first` = groups) or a membership (`first` = groups, `second` = users).
fn pick(first: usize, second: usize) -> impl Strategy<Value = Pick> {
    prop_oneof![
        3 => (0u8..8).prop_map(Pick::Existing),
        1 => (0..first as u8, 0..second as u8).prop_map(|(a, b)| Pick::Pair(a, b)),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let group = || 0..GROUPS as u8;
    let user = || 0..USERS as u8;
    // Every subset of DRAWN (at most 8 privileges, one bit each).
    let privileges = || (0..=u8::MAX >> (8 - DRAWN.len())).prop_map(Privs);
    prop_oneof![
        6 => (group(), group(), actor(), actor())
            .prop_map(|(parent, child, minter, joiner)| Op::Link { parent, child, minter, joiner }),
        2 => (pick(GROUPS, GROUPS), actor()).prop_map(|(link, by)| Op::Unlink { link, by }),
        3 => (group(), user(), actor()).prop_map(|(group, user, minter)| Op::Join { group, user, minter }),
        2 => pick(GROUPS, USERS).prop_map(|membership| Op::Leave { membership }),
        1 => (pick(GROUPS, USERS), actor()).prop_map(|(membership, by)| Op::Remove { membership, by }),
        1 => (group(), actor()).prop_map(|(group, by)| Op::Delete { group, by }),
        2 => (pick(GROUPS, USERS), actor(), privileges())
            .prop_map(|(membership, by, privileges)| Op::SetMember { membership, by, privileges }),
        2 => (pick(GROUPS, GROUPS), actor(), privileges())
            .prop_map(|(link, by, privileges)| Op::SetLink { link, by, privileges }),
    ]
}

// --- the reference model ------------------------------------------------------------------------

type Set = BTreeSet<&'static str>;

/// Direct memberships and links with their privileges; everything effective is computed from
/// them by plain recursion, the way the contract words it.
#[derive(Clone, Debug, Default)]
struct Model {
    /// (user, group) → the user's direct privileges there.
    members: BTreeMap<(usize, usize), Set>,
    /// (child, parent) → the privileges the child holds in the parent.
    links: BTreeMap<(usize, usize), Set>,
    /// Groups deleted, with their memberships and links.
    deleted: BTreeSet<usize>,
}

/// A direct member of a group, as the last-manager rule counts them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Member {
    User(usize),
    Child(usize),
}

impl Model {
    /// Group g is created by user g % USERS, who gets every privilege (§3, POST /user/groups).
    fn new() -> Model {
        let mut model = Model::default();
        for g in 0..GROUPS {
            model.members.insert((g % USERS, g), ALL_PRIVILEGES.iter().copied().collect());
        }
        model
    }

    fn children(&self, g: usize) -> BTreeSet<usize> {
        self.links.keys().filter(|(_, p)| *p == g).map(|(c, _)| *c).collect()
    }

    fn parents(&self, g: usize) -> BTreeSet<usize> {
        self.links.keys().filter(|(c, _)| *c == g).map(|(_, p)| *p).collect()
    }

    /// The direct members of g and, recursively, the effective members of its children.
    fn effective_users(&self, g: usize) -> BTreeSet<usize> {
        let mut users: BTreeSet<usize> = self.members.keys().filter(|(_, h)| *h == g).map(|(u, _)| *u).collect();
        for c in self.children(g) {
            users.extend(self.effective_users(c));
        }
        users
    }

    fn is_member(&self, u: usize, g: usize) -> bool {
        self.effective_users(g).contains(&u)
    }

    /// Issue 12 point 3: the direct privileges, united with, for each child the user
    /// effectively belongs to, the privileges that child holds in g.
    fn privileges(&self, u: usize, g: usize) -> Set {
        let mut privileges = self.members.get(&(u, g)).cloned().unwrap_or_default();
        for c in self.children(g) {
            if self.is_member(u, c) {
                privileges.extend(self.links[&(c, g)].iter().copied());
            }
        }
        privileges
    }

    fn holds(&self, u: usize, g: usize, privilege: &str) -> bool {
        self.privileges(u, g).contains(privilege)
    }

    /// The most links on a path going up from `g`.
    fn height(&self, g: usize) -> usize {
        self.parents(g).into_iter().map(|p| 1 + self.height(p)).max().unwrap_or(0)
    }

    /// Whether `a` is `d` or one of its ancestors.
    fn is_ancestor_or_self(&self, a: usize, d: usize) -> bool {
        a == d || self.parents(d).into_iter().any(|p| self.is_ancestor_or_self(a, p))
    }

    /// §7 as `store::loses_last_manager` words it: the change of `who` takes
    /// `group_set_privileges` from the only direct member holding it while direct members
    /// remain; a child group is a direct member too, and one whose link holds
    /// `group_set_privileges` a manager.
    fn loses_last_manager(&self, g: usize, who: Member, after: Option<&Set>) -> bool {
        let manages = |p: &Set| p.contains("group_set_privileges");
        let before = match who {
            Member::User(u) => &self.members[&(u, g)],
            Member::Child(c) => &self.links[&(c, g)],
        };
        if !manages(before) || after.is_some_and(manages) {
            return false;
        }
        let users = self.members.iter().filter(|((v, h), _)| *h == g && who != Member::User(*v)).map(|(_, p)| p);
        let children = self
            .links
            .iter()
            .filter(|((c, p), _)| *p == g && who != Member::Child(*c))
            .map(|(_, privileges)| privileges);
        let others: Vec<&Set> = users.chain(children).collect();
        (after.is_some() || !others.is_empty()) && !others.into_iter().any(manages)
    }

    /// The (parent, child) of a link `pick`.
    fn link(&self, pick: Pick) -> (usize, usize) {
        match pick {
            Pick::Pair(p, c) => (p as usize, c as usize),
            Pick::Existing(k) if self.links.is_empty() => (k as usize % GROUPS, (k as usize + 1) % GROUPS),
            Pick::Existing(k) => {
                let (c, p) = *self.links.keys().nth(k as usize % self.links.len()).expect("k is within the links");
                (p, c)
            }
        }
    }

    /// The (group, user) of a membership `pick`.
    fn membership(&self, pick: Pick) -> (usize, usize) {
        match pick {
            Pick::Pair(g, u) => (g as usize, u as usize),
            Pick::Existing(k) if self.members.is_empty() => (k as usize % GROUPS, k as usize % USERS),
            Pick::Existing(k) => {
                let (u, g) =
                    *self.members.keys().nth(k as usize % self.members.len()).expect("k is within the members");
                (g, u)
            }
        }
    }

    /// The user who does an operation needing `privilege` in `g` (see `Actor`).
    fn pick(&self, actor: Actor, g: usize, privilege: &str) -> usize {
        match actor {
            Actor::Anyone(k) => k as usize % USERS,
            Actor::Qualified(k) => {
                let able: Vec<usize> = (0..USERS).filter(|u| self.holds(*u, g, privilege)).collect();
                match able.is_empty() {
                    true => k as usize % USERS,
                    false => able[k as usize % able.len()],
                }
            }
        }
    }

    /// The answer to a caller `u` of an operation on `/groups/{g}/...` that needs `privilege`
    /// there, as far as §2 decides it: 404 for a non-member, 403 for a member without it.
    fn gate(&self, u: usize, g: usize, privilege: &str) -> Option<Expected> {
        if !self.is_member(u, g) {
            Some(Expected::Error(StatusCode::NOT_FOUND, "not_found"))
        } else if !self.holds(u, g, privilege) {
            Some(Expected::Error(StatusCode::FORBIDDEN, "forbidden"))
        } else {
            None
        }
    }
}

fn set(names: &[&'static str]) -> Set {
    names.iter().copied().collect()
}

/// What a request must answer.
#[derive(Clone, Debug, PartialEq)]
enum Expected {
    Status(StatusCode),
    Error(StatusCode, &'static str),
}

// --- the server side of a case ------------------------------------------------------------------

/// Tells the cases' users and groups apart across the whole run (names must be unique logins).
static CASE: AtomicUsize = AtomicUsize::new(0);

/// The users and groups of one case on the server.
struct World<'a> {
    app: &'a TestApp,
    /// The instances the reads go through, in turn: `app`, and on SQLite and PostgreSQL a
    /// second instance on the same database, which must see every write at once too.
    readers: &'a [TestApp],
    /// (id, access token) of U0..U2.
    users: Vec<(String, String)>,
    /// Ids of G0..G3.
    groups: Vec<String>,
    /// What the writes answered, for the run's summary.
    tally: &'a Tally,
}

/// How often each kind of write got each status over a run, and the longest chain of links
/// seen: printed at the end, to show what the cases exercised.
#[derive(Default)]
struct Tally {
    outcomes: Mutex<BTreeMap<(&'static str, u16), usize>>,
    deepest: AtomicUsize,
}

impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let outcomes = self.outcomes.lock().unwrap_or_else(|e| e.into_inner());
        let mut kinds: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for ((kind, status), n) in outcomes.iter() {
            kinds.entry(kind).or_default().push(format!("{status}×{n}"));
        }
        for (kind, counts) in kinds {
            writeln!(f, "  {kind}: {}", counts.join(" "))?;
        }
        write!(f, "  longest chain of links: {}", self.deepest.load(Ordering::Relaxed))
    }
}

impl<'a> World<'a> {
    async fn new(app: &'a TestApp, readers: &'a [TestApp], tally: &'a Tally) -> World<'a> {
        let case = CASE.fetch_add(1, Ordering::Relaxed);
        let users = join_all((0..USERS).map(|u| app.user_owned(format!("case{case}u{u}")))).await;
        let mut groups = Vec::with_capacity(GROUPS);
        for g in 0..GROUPS {
            groups.push(app.create_group(&users[g % USERS].1, &format!("case{case} G{g}")).await);
        }
        World { app, readers, users, groups, tally }
    }

    fn token(&self, u: usize) -> &str {
        &self.users[u].1
    }

    /// Ids in messages become the names the sequence uses (G0, U1, ...).
    fn name(&self, id: &str) -> String {
        if let Some(g) = self.groups.iter().position(|g| g == id) {
            return format!("G{g}");
        }
        match self.users.iter().position(|(u, _)| u == id) {
            Some(u) => format!("U{u}"),
            None => id.to_owned(),
        }
    }

    fn names(&self, text: &str) -> String {
        let mut text = text.to_owned();
        for (g, id) in self.groups.iter().enumerate() {
            text = text.replace(id.as_str(), &format!("G{g}"));
        }
        for (u, (id, _)) in self.users.iter().enumerate() {
            text = text.replace(id.as_str(), &format!("U{u}"));
        }
        text
    }

    async fn send(&self, method: Method, path: &str, u: usize, body: Option<Value>) -> Reply {
        let request = self.app.request(method, path).auth(self.token(u));
        match body {
            Some(body) => request.json(&body).send().await,
            None => request.send().await,
        }
    }

    /// `Ok` when `reply` is `expected` (for an error, its status and `error` code).
    fn agree(&self, what: &str, reply: &Reply, expected: &Expected) -> Result<(), String> {
        let error = || reply.json().get("error").and_then(Value::as_str).map(str::to_owned);
        let fine = match expected {
            Expected::Status(status) => reply.status == *status,
            Expected::Error(status, code) => reply.status == *status && error().as_deref() == Some(*code),
        };
        match fine {
            true => Ok(()),
            false => Err(format!(
                "{what}: expected {expected:?}, got {} {}",
                reply.status,
                self.names(&String::from_utf8_lossy(&reply.body))
            )),
        }
    }

    /// `agree`, counting the answer in the tally under `kind`.
    fn step(&self, kind: &'static str, what: &str, reply: &Reply, expected: &Expected) -> Result<(), String> {
        let mut outcomes = self.tally.outcomes.lock().unwrap_or_else(|e| e.into_inner());
        *outcomes.entry((kind, reply.status.as_u16())).or_default() += 1;
        drop(outcomes);
        self.agree(what, reply, expected)
    }

    /// Does `op` over HTTP, checking each answer against the model, and applies it to the model
    /// where it succeeded.
    async fn apply(&self, model: &mut Model, op: &Op) -> Result<(), String> {
        match *op {
            Op::Link { parent, child, minter, joiner } => {
                let (p, c) = (parent as usize, child as usize);
                let minter = model.pick(minter, p, "group_invite_group");
                let path = format!("/groups/{}/nested/token", self.groups[p]);
                let reply = self.send(Method::POST, &path, minter, None).await;
                let expected = model.gate(minter, p, "group_invite_group").unwrap_or(Expected::Status(StatusCode::OK));
                self.step("nested invite", &format!("U{minter} mints a nested invite in G{p}"), &reply, &expected)?;
                if reply.status != StatusCode::OK {
                    return Ok(());
                }
                let invite = reply.json()["token"].as_str().ok_or("a nested invite without a token")?.to_owned();
                let joiner = model.pick(joiner, c, "group_join_group");
                let path = format!("/groups/{}/nested/join", self.groups[c]);
                let reply = self.send(Method::POST, &path, joiner, Some(json!({ "token": invite }))).await;
                let expected = model.gate(joiner, c, "group_join_group").unwrap_or_else(|| {
                    if model.is_ancestor_or_self(c, p) {
                        Expected::Error(StatusCode::BAD_REQUEST, "would_introduce_cycle")
                    } else if model.links.contains_key(&(c, p)) {
                        Expected::Error(StatusCode::CONFLICT, "relation_already_exists")
                    } else {
                        Expected::Status(StatusCode::CREATED)
                    }
                });
                self.step("nested join", &format!("U{joiner} joins G{c} to G{p}"), &reply, &expected)?;
                if reply.status == StatusCode::CREATED {
                    let location = reply.header("location").unwrap_or_default();
                    let want = format!("{API_ROOT}/groups/{}/parent/{}", self.groups[c], self.groups[p]);
                    if location != want {
                        return Err(format!("Location {} instead of {}", self.names(&location), self.names(&want)));
                    }
                    model.links.insert((c, p), set(DEFAULT));
                }
            }
            Op::Unlink { link, by } => {
                let (p, c) = model.link(link);
                let by = model.pick(by, p, "group_remove_group");
                let path = format!("/groups/{}/nested/{}", self.groups[p], self.groups[c]);
                let reply = self.send(Method::DELETE, &path, by, None).await;
                let expected =
                    model.gate(by, p, "group_remove_group").unwrap_or(match model.links.contains_key(&(c, p)) {
                        true if model.loses_last_manager(p, Member::Child(c), None) => {
                            Expected::Error(StatusCode::CONFLICT, "last_manager")
                        }
                        true => Expected::Status(StatusCode::NO_CONTENT),
                        false => Expected::Error(StatusCode::NOT_FOUND, "not_found"),
                    });
                self.step("unlink", &format!("U{by} removes G{c} from G{p}"), &reply, &expected)?;
                if reply.status == StatusCode::NO_CONTENT {
                    model.links.remove(&(c, p));
                }
            }
            Op::Join { group, user, minter } => {
                let (g, u) = (group as usize, user as usize);
                let minter = model.pick(minter, g, "group_invite_user");
                let path = format!("/groups/{}/users/token", self.groups[g]);
                let reply = self.send(Method::POST, &path, minter, None).await;
                let expected = model.gate(minter, g, "group_invite_user").unwrap_or(Expected::Status(StatusCode::OK));
                self.step("user invite", &format!("U{minter} mints a user invite in G{g}"), &reply, &expected)?;
                if reply.status != StatusCode::OK {
                    return Ok(());
                }
                let invite = reply.json()["token"].as_str().ok_or("a user invite without a token")?.to_owned();
                let reply = self.app.join(self.token(u), &invite).await;
                let expected = match model.members.contains_key(&(u, g)) {
                    true => Expected::Error(StatusCode::CONFLICT, "relation_already_exists"),
                    false => Expected::Status(StatusCode::CREATED),
                };
                self.step("user join", &format!("U{u} joins G{g}"), &reply, &expected)?;
                if reply.status == StatusCode::CREATED {
                    model.members.insert((u, g), set(DEFAULT));
                }
            }
            Op::Leave { membership } => {
                let (g, u) = model.membership(membership);
                let reply = self.send(Method::DELETE, &format!("/user/groups/{}", self.groups[g]), u, None).await;
                // Only a direct membership can be left; an effective one is the links' business.
                let expected = if !model.members.contains_key(&(u, g)) {
                    Expected::Error(StatusCode::NOT_FOUND, "not_found")
                } else if model.loses_last_manager(g, Member::User(u), None) {
                    Expected::Error(StatusCode::CONFLICT, "last_manager")
                } else {
                    Expected::Status(StatusCode::NO_CONTENT)
                };
                self.step("leave", &format!("U{u} leaves G{g}"), &reply, &expected)?;
                if reply.status == StatusCode::NO_CONTENT {
                    model.members.remove(&(u, g));
                }
            }
            Op::Remove { membership, by } => {
                let (g, u) = model.membership(membership);
                let by = model.pick(by, g, "group_remove_user");
                let reply = self
                    .send(Method::DELETE, &format!("/groups/{}/users/{}", self.groups[g], self.users[u].0), by, None)
                    .await;
                let expected = model.gate(by, g, "group_remove_user").unwrap_or_else(|| {
                    if !model.members.contains_key(&(u, g)) {
                        Expected::Error(StatusCode::NOT_FOUND, "not_found")
                    } else if model.loses_last_manager(g, Member::User(u), None) {
                        Expected::Error(StatusCode::CONFLICT, "last_manager")
                    } else {
                        Expected::Status(StatusCode::NO_CONTENT)
                    }
                });
                self.step("member removal", &format!("U{by} removes U{u} from G{g}"), &reply, &expected)?;
                if reply.status == StatusCode::NO_CONTENT {
                    model.members.remove(&(u, g));
                }
            }
            Op::Delete { group, by } => {
                let g = group as usize;
                let by = model.pick(by, g, "group_remove");
                let reply = self.send(Method::DELETE, &format!("/groups/{}", self.groups[g]), by, None).await;
                // Deleting a child unlinks it from its parents: refused where it is the last
                // manager of one that keeps other members.
                let orphans_a_parent =
                    model.parents(g).into_iter().any(|p| model.loses_last_manager(p, Member::Child(g), None));
                let expected = model.gate(by, g, "group_remove").unwrap_or(match orphans_a_parent {
                    true => Expected::Error(StatusCode::CONFLICT, "last_manager"),
                    false => Expected::Status(StatusCode::NO_CONTENT),
                });
                self.step("group deletion", &format!("U{by} deletes G{g}"), &reply, &expected)?;
                if reply.status == StatusCode::NO_CONTENT {
                    model.members.retain(|(_, h), _| *h != g);
                    model.links.retain(|(c, p), _| *c != g && *p != g);
                    model.deleted.insert(g);
                }
            }
            Op::SetMember { membership, by, privileges } => {
                let (g, u) = model.membership(membership);
                let by = model.pick(by, g, "group_set_privileges");
                let after: Set = privileges.names().into_iter().collect();
                let path = format!("/groups/{}/users/{}/privileges", self.groups[g], self.users[u].0);
                let reply = self.send(Method::PUT, &path, by, Some(json!({ "privileges": privileges.names() }))).await;
                let expected = model.gate(by, g, "group_set_privileges").unwrap_or_else(|| {
                    if !model.members.contains_key(&(u, g)) {
                        Expected::Error(StatusCode::NOT_FOUND, "not_found")
                    } else if model.loses_last_manager(g, Member::User(u), Some(&after)) {
                        Expected::Error(StatusCode::CONFLICT, "last_manager")
                    } else {
                        Expected::Status(StatusCode::NO_CONTENT)
                    }
                });
                self.step("member privileges", &format!("U{by} sets U{u}'s privileges in G{g}"), &reply, &expected)?;
                if reply.status == StatusCode::NO_CONTENT {
                    model.members.insert((u, g), after);
                }
            }
            Op::SetLink { link, by, privileges } => {
                let (p, c) = model.link(link);
                let by = model.pick(by, p, "group_set_privileges");
                let path = format!("/groups/{}/nested/{}/privileges", self.groups[p], self.groups[c]);
                let reply = self.send(Method::PUT, &path, by, Some(json!({ "privileges": privileges.names() }))).await;
                let after: Set = privileges.names().into_iter().collect();
                let expected =
                    model.gate(by, p, "group_set_privileges").unwrap_or(match model.links.contains_key(&(c, p)) {
                        true if model.loses_last_manager(p, Member::Child(c), Some(&after)) => {
                            Expected::Error(StatusCode::CONFLICT, "last_manager")
                        }
                        true => Expected::Status(StatusCode::NO_CONTENT),
                        false => Expected::Error(StatusCode::NOT_FOUND, "not_found"),
                    });
                self.step("link privileges", &format!("U{by} sets G{c}'s privileges in G{p}"), &reply, &expected)?;
                if reply.status == StatusCode::NO_CONTENT {
                    model.links.insert((c, p), privileges.names().into_iter().collect());
                }
            }
        }
        Ok(())
    }

    /// Every read the model predicts, sent at once; the first disagreement, if any.
    async fn check(&self, model: &Model) -> Result<(), String> {
        let admin = &self.app.admin_token;
        let ids = |indices: BTreeSet<usize>, of: &[String]| -> BTreeSet<String> {
            indices.into_iter().map(|i| of[i].clone()).collect()
        };
        let user_ids: Vec<String> = self.users.iter().map(|(id, _)| id.clone()).collect();
        let mut probes: Vec<Probe> = Vec::new();
        for (g, gid) in self.groups.iter().enumerate() {
            let group = |path: &str| format!("/groups/{gid}{path}");
            if model.deleted.contains(&g) {
                // Gone for everyone, the zone admin included; nobody is a member any more.
                let gone = Expected::Error(StatusCode::NOT_FOUND, "not_found");
                for path in ["", "/effective_users", "/nested", "/parent"] {
                    probes.push(Probe::status(group(path), admin, gone.clone()));
                }
                for (uid, token) in &self.users {
                    probes.push(Probe::status(group(""), token, gone.clone()));
                    probes.push(Probe::status(
                        group(&format!("/effective_users/{uid}/privileges")),
                        admin,
                        gone.clone(),
                    ));
                }
                continue;
            }
            probes.push(Probe::list(
                group("/effective_users"),
                admin,
                "users",
                ids(model.effective_users(g), &user_ids),
            ));
            probes.push(Probe::list(group("/nested"), admin, "nested_groups", ids(model.children(g), &self.groups)));
            probes.push(Probe::list(group("/parent"), admin, "parent_groups", ids(model.parents(g), &self.groups)));
            for c in model.children(g) {
                let privileges = model.links[&(c, g)].iter().map(|p| p.to_string()).collect();
                probes.push(Probe::list(
                    group(&format!("/nested/{}/privileges", self.groups[c])),
                    admin,
                    "privileges",
                    privileges,
                ));
            }
            for (u, (uid, token)) in self.users.iter().enumerate() {
                let privileges_path = group(&format!("/effective_users/{uid}/privileges"));
                if model.is_member(u, g) {
                    let privileges = model.privileges(u, g).iter().map(|p| p.to_string()).collect();
                    probes.push(Probe::list(privileges_path, admin, "privileges", privileges));
                    let view = match model.holds(u, g, "group_view_data") {
                        true => Expected::Status(StatusCode::OK),
                        false => Expected::Error(StatusCode::FORBIDDEN, "forbidden"),
                    };
                    probes.push(Probe::status(group(""), token, view));
                    probes.push(Probe::status(
                        format!("/user/effective_groups/{gid}"),
                        token,
                        Expected::Status(StatusCode::OK),
                    ));
                } else {
                    let hidden = Expected::Error(StatusCode::NOT_FOUND, "not_found");
                    probes.push(Probe::status(privileges_path, admin, hidden.clone()));
                    probes.push(Probe::status(group(""), token, hidden.clone()));
                    probes.push(Probe::status(format!("/user/effective_groups/{gid}"), token, hidden));
                }
            }
        }
        for (u, (_, token)) in self.users.iter().enumerate() {
            let groups = (0..GROUPS).filter(|g| model.is_member(u, *g)).collect();
            probes.push(Probe::list(
                "/user/effective_groups".into(),
                token,
                "effective_groups",
                ids(groups, &self.groups),
            ));
        }
        let readers = std::iter::once(self.app).chain(self.readers).cycle();
        let outcomes = join_all(probes.iter().zip(readers).map(|(probe, via)| probe.run(self, via))).await;
        let wrong: Vec<String> = outcomes.into_iter().filter_map(Result::err).collect();
        match wrong.is_empty() {
            true => Ok(()),
            false => Err(format!("{} reads disagree with the model:\n  {}", wrong.len(), wrong.join("\n  "))),
        }
    }
}

/// One read and what the model says it must answer.
struct Probe {
    path: String,
    token: String,
    expect: Expect,
}

enum Expect {
    /// 200 with `{key: [...]}` holding exactly these strings, in any order.
    List(&'static str, BTreeSet<String>),
    Status(Expected),
}

impl Probe {
    fn list(path: String, token: &str, key: &'static str, items: BTreeSet<String>) -> Probe {
        Probe { path, token: token.to_owned(), expect: Expect::List(key, items) }
    }

    fn status(path: String, token: &str, expected: Expected) -> Probe {
        Probe { path, token: token.to_owned(), expect: Expect::Status(expected) }
    }

    async fn run(&self, world: &World<'_>, via: &TestApp) -> Result<(), String> {
        let reply = via.get(&self.path, &self.token).await;
        let who =
            world.users.iter().position(|(_, t)| *t == self.token).map_or("admin".to_owned(), |u| format!("U{u}"));
        let instance = if std::ptr::eq(via, world.app) { "the first" } else { "the second" };
        let what = format!("GET {} as {who} through {instance} instance", world.names(&self.path));
        match &self.expect {
            Expect::Status(expected) => world.agree(&what, &reply, expected),
            Expect::List(key, items) => {
                world.agree(&what, &reply, &Expected::Status(StatusCode::OK))?;
                let body = reply.json();
                let got: Option<BTreeSet<String>> =
                    body[key].as_array().and_then(|a| a.iter().map(|v| v.as_str().map(str::to_owned)).collect());
                match got {
                    Some(got) if got == *items => Ok(()),
                    _ => {
                        let want: Vec<String> = items.iter().map(|i| world.name(i)).collect();
                        Err(format!("{what}: expected {key} = {want:?}, got {}", world.names(&body.to_string())))
                    }
                }
            }
        }
    }
}

// --- the property ------------------------------------------------------------------------------

/// Runs `ops` on fresh users and groups, checking every step; the error names the step.
async fn run_case(app: &TestApp, readers: &[TestApp], tally: &Tally, ops: &[Op]) -> Result<(), String> {
    let world = World::new(app, readers, tally).await;
    let mut model = Model::new();
    let at = |i: usize, op: &Op, e: String| {
        let steps: Vec<String> = ops.iter().enumerate().map(|(j, op)| format!("  {j:2}: {op:?}")).collect();
        format!("step {i} ({op:?}): {e}\nthe sequence:\n{}", steps.join("\n"))
    };
    world.check(&model).await.map_err(|e| format!("before any step: {e}"))?;
    for (i, op) in ops.iter().enumerate() {
        world.apply(&mut model, op).await.map_err(|e| at(i, op, e))?;
        world.check(&model).await.map_err(|e| at(i, op, e))?;
        let height = (0..GROUPS).map(|g| model.height(g)).max().unwrap_or(0);
        tally.deepest.fetch_max(height, Ordering::Relaxed);
    }
    Ok(())
}

async fn effective_membership_and_privileges_follow_a_reference_model_through_random_sequences(backend: Backend) {
    let app = spawn_app(backend).await;
    let second = match backend {
        Backend::Memory => Vec::new(),
        Backend::Sqlite | Backend::Postgres => vec![app.another_instance_with(|store| store).await],
    };
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(CASES);
    let config = Config {
        cases,
        // The sequence is printed on failure; no regression files in the source tree.
        failure_persistence: None,
        // Shrinking replays whole sequences; a minute of it finds a short one (the automatic
        // limit, four times the cases, would stop far too early).
        max_shrink_iters: 1_000,
        max_shrink_time: 60_000,
        ..Config::default()
    };
    let mut runner = TestRunner::new(config);
    let strategy = proptest::collection::vec(op(), 1..=STEPS);
    let handle = tokio::runtime::Handle::current();
    let tally = Tally::default();
    let started = Instant::now();
    // The runner is synchronous; each case drives the server through this runtime's handle,
    // from a thread the runtime has handed its other work away from.
    let result = tokio::task::block_in_place(|| {
        runner.run(&strategy, |ops| handle.block_on(run_case(&app, &second, &tally, &ops)).map_err(TestCaseError::fail))
    });
    let took = started.elapsed();
    println!("{backend:?}: {cases} cases in {:.1} s; the writes answered:\n{tally}", took.as_secs_f64());
    if let Err(e) = result {
        panic!("{backend:?}: {e}");
    }
}

all_backends!(multi_thread: effective_membership_and_privileges_follow_a_reference_model_through_random_sequences);
