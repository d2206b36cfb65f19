//! `MemoryStore`: the `Store` contract over plain collections in one process, for tests and
//! throw-away servers. It must not be mistaken for persistence: everything is lost on exit.

use std::collections::{BTreeMap, HashSet, VecDeque};
use std::hash::{BuildHasher, Hash};

// griddle: a hash map that moves its entries to a grown table a few at a time on later inserts,
// instead of rehashing all of them in the one insert that outgrows the table. A full rehash
// (hundreds of milliseconds at half a million memberships) stalled every request waiting for
// the lock it was made under; this bounds what one insert does.
use griddle::hash_map::RawEntryMut;
use griddle::HashMap;
use std::collections::hash_map::RandomState;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard, TryLockError};

use async_trait::async_trait;

use super::sql::pages::scan_window;
use super::{
    issuer_needs, loses_last_manager, AddOutcome, Guarded, JoinOutcome, JoinRecord, Joiner, LinkOutcome,
    NamedTokenUpdate, Origin, Store, StoreError, StoreResult, TokenGrant, TokenRecord, TokenWrite, UserUpdate,
    HEALTH_PROBE, KEY_FINGERPRINT,
};
use crate::domain::{
    Group, GroupId, GroupType, Name, Page, PageRequest, PrivilegeSet, User, UserId, ZoneChange, ZoneHolder,
    ZonePrivilegeSet,
};

/// A `Store` that keeps everything in memory behind two locks: `state`, and `records` for the
/// users and token records.
///
/// The locks are `std::sync` ones, not async, because no method awaits while holding them:
/// each takes them, does its whole step on the collections, and lets go. A blocking lock held
/// for microseconds is cheaper than an async one and cannot be held across a suspension point
/// by mistake, since its guard is not `Send`. Every step but the reads of `records` alone holds
/// `state` from start to end, which is what makes every method atomic, as the trait demands.
/// `state` is taken with `try_write` or `try_read`, the task yielding between tries
/// (`MemoryStore::lock`), so that a contended lock never puts a runtime thread to sleep.
///
/// Every step holds `state` exclusively but the join (`join_with_token`), which holds it shared
/// and locks only the shards of the memberships and join records it reads and changes (see
/// `Sharded`): joins into different groups run side by side, on different threads, and a
/// thread preempted in the middle of one join no longer stops every join of the other threads.
/// A join whose issuer's privileges need a walk of the links runs exclusively instead.
///
/// The users and token records sit apart so that authentication (a record and its user, on
/// every request) reads them without waiting for `state`: see `Records`.
#[derive(Debug, Default)]
pub struct MemoryStore {
    state: RwLock<State>,
    records: RwLock<Records>,
    /// Steps waiting for `state` exclusively: while there are any, joins do not take it shared,
    /// so that a stream of joins cannot keep a change out for ever.
    writers_waiting: AtomicUsize,
    /// Set when a join panicked while it held shards: the memberships may be half changed, and
    /// every later step refuses service (`poisoned`), as a poisoned `state` makes them do.
    broken: AtomicBool,
}

/// The users and token records, behind a lock of their own.
///
/// Lock order: `state`, then `records`. They change only while `state` is held exclusively, so a
/// step holding `state` reads them without ever waiting (no writer can be waiting), and a step
/// that needs nothing else (`token_and_user`, `get_token`, `get_user`) reads them without
/// `state`. A join changes a record only in its use count, an atomic, so joins hold `records`
/// shared and never stop authentication; the other changes (rare: a new user or token, an
/// update, a delete) hold it exclusively. Both are shared (`Arc`), so a read takes a reference under the
/// lock and copies after releasing it; a change copies one only if a reader still holds it
/// (`Arc::make_mut`).
#[derive(Debug, Default)]
struct Records {
    users: HashMap<UserId, Arc<User>>,
    tokens: HashMap<String, Arc<StoredToken>>,
}

/// A token record with its use count kept apart, as an atomic: a join counts a use while other
/// threads read the record.
#[derive(Debug)]
struct StoredToken {
    /// Everything but the count: `record.uses` is never read (`uses` is the count).
    record: TokenRecord,
    uses: AtomicU32,
}

impl StoredToken {
    fn new(record: &TokenRecord) -> Self {
        Self { record: record.clone(), uses: AtomicU32::new(record.uses) }
    }

    fn uses(&self) -> u32 {
        self.uses.load(Ordering::Acquire)
    }

    fn used_up(&self) -> bool {
        self.record.max_uses.is_some_and(|max| self.uses() >= max)
    }

    /// Counts one use. Uses change only while `state` is held exclusively, or shared by a join
    /// holding the shard of the token's group (every join with one token holds that one shard),
    /// so this cannot race another count; saturating keeps four billion uses from wrapping.
    fn count_use(&self) {
        self.uses.store(self.uses().saturating_add(1), Ordering::Release);
    }

    /// The record as the `Store` trait hands it out, with its count as of now.
    fn snapshot(&self) -> TokenRecord {
        TokenRecord { uses: self.uses(), ..self.record.clone() }
    }
}

impl Clone for StoredToken {
    fn clone(&self) -> Self {
        Self { record: self.record.clone(), uses: AtomicU32::new(self.uses()) }
    }
}

#[derive(Debug, Default)]
struct State {
    /// Every user's id in creation order, for `users_named` and the pages of `list_users`.
    users_in_order: BTreeMap<u64, UserId>,
    /// Each user's key in `users_in_order`, so that deleting a user costs no scan.
    user_seqs: HashMap<UserId, u64>,
    /// Direct zone privileges of users and of groups; a holder without an entry holds none.
    user_zone: HashMap<UserId, ZonePrivilegeSet>,
    group_zone: HashMap<GroupId, ZonePrivilegeSet>,
    /// Who has each login and each alias: both are unique (the SQL backends' unique indexes).
    logins: HashMap<String, UserId>,
    aliases: HashMap<String, UserId>,
    /// Password hashes (PHC strings) of the users that have one.
    passwords: HashMap<UserId, String>,
    /// The database's own settings (`Store::key_fingerprint`); nothing outlives the process.
    settings: HashMap<String, String>,
    groups: HashMap<GroupId, Stored<Group>>,
    /// The groups in creation order, so that a page of them is read by key (see `page_of`).
    groups_by_seq: BTreeMap<u64, GroupId>,
    /// Changed by joins under the shared lock: in shards (`Sharded`).
    memberships: Memberships,
    /// Nested groups: the links parent <- child (issue 12).
    links: Links,
    /// Every token's id by the sequence number it was stored under (creation order), and each
    /// token's key there, for the lists of named tokens and of a group's invites.
    tokens_in_order: BTreeMap<u64, String>,
    token_seqs: HashMap<String, u64>,
    /// The named tokens: (issuer, name) to token id. Names are unique per issuer.
    token_names: HashMap<(UserId, String), String>,
    /// The join records of each token, in the order the joins happened, under their sequence
    /// numbers; they go with their token, never with the membership. Sharded by token id.
    token_joins: Sharded<HashMap<String, Vec<(u64, JoinRecord)>>>,
    /// The last sequence number handed out. It only grows, so sorting by it gives creation order
    /// for groups and join order for memberships, whatever the hash maps' iteration order. An
    /// atomic, as joins take numbers under the shared lock; each list a join appends to is
    /// appended to only under the shard lock the join holds while it takes its number, so each
    /// list stays in order.
    last_seq: AtomicU64,
}

/// Shards of the collections joins change: a power of two, and several times the cores of any
/// machine this runs on, so that two joins at once rarely meet in one shard.
const SHARDS: usize = 64;

/// A collection split by the hash of its key into `SHARDS` parts, each behind a mutex of its
/// own. A join (under `state` shared) takes the parts it reads and changes with `try_lock`,
/// one of each: its group's memberships, its user's groups, its token's join records; if one
/// is taken it lets go of all and tries again after yielding, so joins cannot deadlock and
/// never put a thread to sleep. A step holding `state` exclusively reaches the parts through
/// `get_mut`, with no locking, or locks one at a time (no join can hold one then).
#[derive(Debug)]
struct Sharded<T> {
    parts: Box<[Mutex<T>]>,
    hasher: RandomState,
}

impl<T: Default> Default for Sharded<T> {
    fn default() -> Self {
        Self { parts: (0..SHARDS).map(|_| Mutex::default()).collect(), hasher: RandomState::new() }
    }
}

impl<T> Sharded<T> {
    fn index<K: Hash + ?Sized>(&self, key: &K) -> usize {
        self.hasher.hash_one(key) as usize % SHARDS
    }

    fn part<K: Hash + ?Sized>(&self, key: &K) -> &Mutex<T> {
        &self.parts[self.index(key)]
    }

    /// The part `key` is in, locked, for a step holding `state` exclusively (so no join holds
    /// it). A panic while a join held a part sets `MemoryStore::broken`, which every step
    /// checks first, so a poisoned part is never read.
    fn lock<K: Hash + ?Sized>(&self, key: &K) -> MutexGuard<'_, T> {
        self.part(key).lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The part `key` is in, locked, or `None` while another thread holds it: a join never
    /// sleeps on a part (see `MemoryStore::lock`), it lets go of everything and tries again.
    fn try_lock<K: Hash + ?Sized>(&self, key: &K) -> Option<MutexGuard<'_, T>> {
        match self.part(key).try_lock() {
            Ok(guard) => Some(guard),
            Err(TryLockError::WouldBlock) => None,
            Err(TryLockError::Poisoned(poisoned)) => Some(poisoned.into_inner()),
        }
    }

    fn get_mut<K: Hash + ?Sized>(&mut self, key: &K) -> &mut T {
        let at = self.index(key);
        self.parts[at].get_mut().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Memberships, with an index per user and per group in join order, so that listing one user's
/// groups or one group's users costs what the list holds, not what the store holds. Sharded:
/// each membership and its group's list sit in the group's part, each user's list in the
/// user's part, so a join locks two parts (`GroupMembers::lock_pair`).
#[derive(Debug, Default)]
struct Memberships {
    groups: Sharded<GroupMembers>,
    users: Sharded<UserGroups>,
}

/// The memberships of the groups in one part of `Memberships::groups`.
#[derive(Debug, Default)]
struct GroupMembers {
    /// One entry per membership, with how it was made: a join looks it up and adds it once.
    all: HashMap<(GroupId, UserId), Membership>,
    /// Each list is in `seq` order: a new membership has the highest `seq` so far, so it is
    /// pushed at the end.
    by_group: HashMap<GroupId, Vec<(u64, UserId)>>,
}

/// The groups of the users in one part of `Memberships::users`, each list in `seq` order.
type UserGroups = HashMap<UserId, Vec<(u64, GroupId)>>;

/// A membership's privileges, its sequence number, and how it was made (issue 13).
#[derive(Debug)]
struct Membership {
    value: PrivilegeSet,
    seq: u64,
    origin: Origin,
}

impl GroupMembers {
    fn get(&self, group: &GroupId, user: &UserId) -> Option<&Membership> {
        pair_get(&self.all, group, user)
    }

    /// Whether changing `user`'s membership of `group` to `after` (`None`: removing it) takes
    /// the group's last manager, its child groups' links holding `children`. The caller holds
    /// the store's lock, which makes the check and the change it guards one step.
    fn loses_last_manager(
        &self,
        group: &GroupId,
        user: &UserId,
        after: Option<PrivilegeSet>,
        children: impl Iterator<Item = PrivilegeSet>,
    ) -> bool {
        let Some(before) = self.get(group, user).map(|m| m.value) else {
            return false;
        };
        let members = self.by_group.get(group).map_or(&[][..], Vec::as_slice);
        let others = members.iter().filter(|(_, u)| u != user).filter_map(|(_, u)| self.get(group, u)).map(|m| m.value);
        loses_last_manager(before, after, others.chain(children))
    }
}

/// Adds a membership the caller has checked is new to the parts holding `group` (`members`) and
/// `user` (`groups_of`).
fn insert_membership(
    members: &mut GroupMembers,
    groups_of: &mut UserGroups,
    (group, user): (&GroupId, &UserId),
    privileges: PrivilegeSet,
    origin: Origin,
    seq: u64,
) {
    members.all.insert((group.clone(), user.clone()), Membership { value: privileges, seq, origin });
    push_listed(&mut members.by_group, group, (seq, user.clone()));
    push_listed(groups_of, user, (seq, group.clone()));
}

impl Memberships {
    fn value(&self, group: &GroupId, user: &UserId) -> Option<PrivilegeSet> {
        self.groups.lock(group).get(group, user).map(|m| m.value)
    }

    /// The privileges of each of `group`'s members.
    fn values_of(&self, group: &GroupId) -> Vec<PrivilegeSet> {
        let part = self.groups.lock(group);
        let members = part.by_group.get(group).map_or(&[][..], Vec::as_slice);
        members.iter().filter_map(|(_, user)| part.get(group, user)).map(|m| m.value).collect()
    }

    fn origin(&self, group: &GroupId, user: &UserId) -> Option<Origin> {
        self.groups.lock(group).get(group, user).map(|m| m.origin.clone())
    }

    /// Changes the privileges of a membership; `false`: there is none.
    fn set_value(&mut self, group: &GroupId, user: &UserId, privileges: PrivilegeSet) -> bool {
        match pair_get_mut(&mut self.groups.get_mut(group).all, group, user) {
            Some(m) => {
                m.value = privileges;
                true
            }
            None => false,
        }
    }

    /// Adds a membership the caller has checked is new.
    fn insert(&mut self, group: &GroupId, user: &UserId, privileges: PrivilegeSet, origin: Origin, seq: u64) {
        let members = self.groups.get_mut(group);
        insert_membership(members, self.users.get_mut(user), (group, user), privileges, origin, seq);
    }

    fn remove(&mut self, group: &GroupId, user: &UserId) -> bool {
        let members = self.groups.get_mut(group);
        let Some(removed) = pair_remove(&mut members.all, group, user) else {
            return false;
        };
        unlist(&mut members.by_group, group, removed.seq);
        unlist(self.users.get_mut(user), user, removed.seq);
        true
    }

    fn remove_group(&mut self, group: &GroupId) {
        let users = self.of_group(group);
        for user in users {
            self.remove(group, &user);
        }
    }

    fn of_user(&self, user: &UserId) -> Vec<GroupId> {
        listed(&self.users.lock(user), user)
    }

    fn of_group(&self, group: &GroupId) -> Vec<UserId> {
        listed(&self.groups.lock(group).by_group, group)
    }

    fn user_page(&self, user: &UserId, page: PageRequest) -> Page<GroupId> {
        page_of(self.users.lock(user).get(user).map_or(&[][..], Vec::as_slice), page)
    }

    /// The members of `group` whose membership's `seq` is above `after`.
    fn of_group_since(&self, group: &GroupId, after: u64) -> Vec<UserId> {
        let part = self.groups.lock(group);
        let list = part.by_group.get(group).map_or(&[][..], Vec::as_slice);
        list[list.partition_point(|(seq, _)| *seq <= after)..].iter().map(|(_, user)| user.clone()).collect()
    }

    /// The groups of `user` whose membership's `seq` is above `after`.
    fn of_user_since(&self, user: &UserId, after: u64) -> Vec<GroupId> {
        let part = self.users.lock(user);
        let list = part.get(user).map_or(&[][..], Vec::as_slice);
        list[list.partition_point(|(seq, _)| *seq <= after)..].iter().map(|(_, group)| group.clone()).collect()
    }

    /// The `seq` of `user`'s membership of `group`, if it is a member.
    fn seq_of(&self, group: &GroupId, user: &UserId) -> Option<u64> {
        self.groups.lock(group).get(group, user).map(|m| m.seq)
    }

    /// How many members `group` has.
    fn group_len(&self, group: &GroupId) -> usize {
        self.groups.lock(group).by_group.get(group).map_or(0, Vec::len)
    }

    fn group_page(&self, group: &GroupId, page: PageRequest) -> Page<UserId> {
        page_of(self.groups.lock(group).by_group.get(group).map_or(&[][..], Vec::as_slice), page)
    }

    /// `GroupMembers::loses_last_manager`, in `group`'s part.
    fn loses_last_manager(
        &self,
        group: &GroupId,
        user: &UserId,
        after: Option<PrivilegeSet>,
        children: impl Iterator<Item = PrivilegeSet>,
    ) -> bool {
        self.groups.lock(group).loses_last_manager(group, user, after, children)
    }
}

/// The links between groups, with an index per parent and per child in link order, as
/// `Memberships` has per group and per user.
#[derive(Debug, Default)]
struct Links {
    /// `(parent, child)` to the privileges the child holds in the parent.
    all: HashMap<(GroupId, GroupId), Stored<PrivilegeSet>>,
    /// The invite each link was made with, for the links a nested join made (issue 13).
    tokens: HashMap<(GroupId, GroupId), String>,
    children: HashMap<GroupId, Vec<(u64, GroupId)>>,
    parents: HashMap<GroupId, Vec<(u64, GroupId)>>,
}

impl Links {
    fn get(&self, parent: &GroupId, child: &GroupId) -> Option<&Stored<PrivilegeSet>> {
        pair_get(&self.all, parent, child)
    }

    fn insert(&mut self, parent: &GroupId, child: &GroupId, privileges: PrivilegeSet, token: &str, seq: u64) {
        self.all.insert((parent.clone(), child.clone()), Stored { value: privileges, seq });
        self.tokens.insert((parent.clone(), child.clone()), token.to_owned());
        push_listed(&mut self.children, parent, (seq, child.clone()));
        push_listed(&mut self.parents, child, (seq, parent.clone()));
    }

    fn remove(&mut self, parent: &GroupId, child: &GroupId) -> bool {
        let Some(removed) = pair_remove(&mut self.all, parent, child) else {
            return false;
        };
        pair_remove(&mut self.tokens, parent, child);
        unlist(&mut self.children, parent, removed.seq);
        unlist(&mut self.parents, child, removed.seq);
        true
    }

    /// Removes every link of `group`, both ways.
    fn remove_group(&mut self, group: &GroupId) {
        for child in listed(&self.children, group) {
            self.remove(group, &child);
        }
        for parent in listed(&self.parents, group) {
            self.remove(&parent, group);
        }
    }

    /// `start` and every group reachable from it through `index` (parents: its ancestors;
    /// children: its descendants), each once, breadth first. This walk is the memory store's
    /// one recursive query.
    fn reach(index: &HashMap<GroupId, Vec<(u64, GroupId)>>, start: impl IntoIterator<Item = GroupId>) -> Vec<GroupId> {
        let mut seen = HashSet::new();
        let mut order = Vec::new();
        let mut queue: VecDeque<GroupId> = start.into_iter().collect();
        while let Some(group) = queue.pop_front() {
            if !seen.insert(group.clone()) {
                continue;
            }
            if let Some(next) = index.get(&group) {
                queue.extend(next.iter().map(|(_, g)| g.clone()));
            }
            order.push(group);
        }
        order
    }
}

/// The value under the key (`a`, `b`) of `map`, found without building that key: a lookup by
/// `&(a.clone(), b.clone())` copies two ids, and a privilege check makes several lookups.
fn pair_get<'m, A: Hash + Eq, B: Hash + Eq, V>(map: &'m HashMap<(A, B), V>, a: &A, b: &B) -> Option<&'m V> {
    let hash = map.hasher().hash_one((a, b));
    map.raw_entry().from_hash(hash, |(ka, kb)| ka == a && kb == b).map(|(_, v)| v)
}

/// `pair_get`, for changing the value in place.
fn pair_get_mut<'m, A: Hash + Eq, B: Hash + Eq, V>(map: &'m mut HashMap<(A, B), V>, a: &A, b: &B) -> Option<&'m mut V> {
    let hash = map.hasher().hash_one((a, b));
    match map.raw_entry_mut().from_hash(hash, |(ka, kb)| ka == a && kb == b) {
        RawEntryMut::Occupied(entry) => Some(entry.into_mut()),
        RawEntryMut::Vacant(_) => None,
    }
}

/// `pair_get`, taking the value out.
fn pair_remove<A: Hash + Eq, B: Hash + Eq, V>(map: &mut HashMap<(A, B), V>, a: &A, b: &B) -> Option<V> {
    let hash = map.hasher().hash_one((a, b));
    match map.raw_entry_mut().from_hash(hash, |(ka, kb)| ka == a && kb == b) {
        RawEntryMut::Occupied(entry) => Some(entry.remove()),
        RawEntryMut::Vacant(_) => None,
    }
}

/// Appends `item` to `key`'s list in `index`, copying `key` only for a new list.
fn push_listed<K: Hash + Eq + ?Sized + ToOwned<Owned = O>, O: Hash + Eq + std::borrow::Borrow<K>, T>(
    index: &mut HashMap<O, Vec<(u64, T)>>,
    key: &K,
    item: (u64, T),
) {
    match index.get_mut(key) {
        Some(list) => list.push(item),
        None => {
            index.insert(key.to_owned(), vec![item]);
        }
    }
}

/// The ids listed under `key` in `index`, in order.
fn listed<K: Hash + Eq, T: Clone>(index: &HashMap<K, Vec<(u64, T)>>, key: &K) -> Vec<T> {
    index.get(key).map(|l| l.iter().map(|(_, item)| item.clone()).collect()).unwrap_or_default()
}

/// Adds `value` under `key`, which must be fresh: a clash changes nothing and is a `Backend`
/// error saying `clash`.
fn insert_fresh<K: std::hash::Hash + Eq + Clone, V: Clone>(
    map: &mut HashMap<K, V>,
    key: &K,
    value: &V,
    clash: &str,
) -> StoreResult<()> {
    if map.contains_key(key) {
        return Err(StoreError::Backend(clash.into()));
    }
    map.insert(key.clone(), value.clone());
    Ok(())
}

/// Takes the entry with sequence number `seq` out of `key`'s list (sorted by `seq`), and the
/// list out of the index once it is empty.
fn unlist<K: std::hash::Hash + Eq, V>(index: &mut HashMap<K, Vec<(u64, V)>>, key: &K, seq: u64) {
    if let Some(list) = index.get_mut(key) {
        if let Ok(at) = list.binary_search_by_key(&seq, |(s, _)| *s) {
            list.remove(at);
        }
        if list.is_empty() {
            index.remove(key);
        }
    }
}

/// The page of `list` (sorted by sequence number) that `page` asks for: a binary search finds
/// where it starts, so it costs what the page holds.
fn page_of<T: Clone>(list: &[(u64, T)], page: PageRequest) -> Page<T> {
    let start = page.after().map_or(0, |after| list.partition_point(|(seq, _)| *seq <= after.seq()));
    let rows = list.iter().skip(start).take(page.limit() as usize + 1);
    Page::from_rows(rows.map(|(seq, item)| (item.clone(), *seq)).collect(), page.limit())
}

/// `page` with each item's creation `seq` (`seq_of`); an item without one is an inconsistency
/// of the store's own indexes.
fn with_seqs<T>(page: Page<T>, seq_of: impl Fn(&T) -> Option<u64>) -> StoreResult<Page<(T, u64)>> {
    let items = page
        .items
        .into_iter()
        .map(|item| seq_of(&item).map(|seq| (item, seq)))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| StoreError::Backend("a member of a list has no sequence number".into()))?;
    Ok(Page { items, next: page.next })
}

/// The first sequence number `page` may hold; `None` past the largest, where nothing can sit.
fn first_seq(page: PageRequest) -> Option<u64> {
    page.after().map_or(Some(0), |after| after.seq().checked_add(1))
}

/// The page of `map` (keyed by sequence number) that `page` asks for, read by key.
fn page_of_map<T: Clone>(map: &BTreeMap<u64, T>, page: PageRequest) -> Page<T> {
    let Some(start) = first_seq(page) else {
        return Page::whole(Vec::new());
    };
    let rows = map.range(start..).take(page.limit() as usize + 1);
    Page::from_rows(rows.map(|(seq, item)| (item.clone(), *seq)).collect(), page.limit())
}

/// A value and the sequence number it was stored under.
#[derive(Debug)]
struct Stored<T> {
    value: T,
    seq: u64,
}

impl State {
    /// Whether changing `user`'s membership of `group` to `after` takes its last manager: a
    /// child group is a member too, and one whose link holds `group_set_privileges` a manager.
    fn loses_last_manager(&self, group: &GroupId, user: &UserId, after: Option<PrivilegeSet>) -> bool {
        let children = self.links.children.get(group).map_or(&[][..], Vec::as_slice);
        let links = children.iter().filter_map(|(_, child)| self.links.get(group, child)).map(|l| l.value);
        self.memberships.loses_last_manager(group, user, after, links)
    }

    /// Whether changing `child`'s link into `parent` to `after` (`None`: unlinking) is refused
    /// (`LastManager`), cannot happen (`Missing`), or may go ahead (`Done`, not yet done): the
    /// parent's users are its other members.
    fn link_change(&self, parent: &GroupId, child: &GroupId, after: Option<PrivilegeSet>) -> Guarded {
        let Some(before) = self.links.get(parent, child).map(|l| l.value) else {
            return Guarded::Missing;
        };
        let children = self.links.children.get(parent).map_or(&[][..], Vec::as_slice);
        let links = children.iter().filter(|(_, c)| c != child).filter_map(|(_, c)| self.links.get(parent, c));
        let users = self.memberships.values_of(parent);
        if loses_last_manager(before, after, links.map(|l| l.value).chain(users)) {
            Guarded::LastManager(parent.clone())
        } else {
            Guarded::Done
        }
    }

    fn next_seq(&self) -> u64 {
        // Relaxed is enough: the lists kept in order are ordered by the locks around this.
        self.last_seq.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Adds a membership the caller has checked is new and whose group and user exist.
    fn add_membership(&mut self, group: &GroupId, user: &UserId, privileges: PrivilegeSet, origin: Origin) {
        let seq = self.next_seq();
        self.memberships.insert(group, user, privileges, origin, seq);
    }

    /// `user`'s effective privileges in `group`: its direct membership's and those of the links
    /// into `group` from the groups it reaches; `None` when it is not an effective member.
    fn effective_privileges(&self, group: &GroupId, user: &UserId) -> Option<PrivilegeSet> {
        let reached: HashSet<GroupId> = self.effective_groups(user).into_iter().collect();
        if !reached.contains(group) {
            return None;
        }
        let direct = self.memberships.value(group, user).unwrap_or_default();
        let children = self.links.children.get(group).map_or(&[][..], Vec::as_slice);
        let flowing = children
            .iter()
            .filter(|(_, child)| reached.contains(child))
            .filter_map(|(_, child)| self.links.get(group, child))
            .fold(PrivilegeSet::default(), |acc, link| acc.union(link.value));
        Some(direct.union(flowing))
    }

    /// `user`'s zone privileges: its own and those of every group it effectively belongs to.
    fn effective_zone(&self, user: &UserId) -> ZonePrivilegeSet {
        let own = self.user_zone.get(user).copied().unwrap_or_default();
        let groups = self.effective_groups(user);
        groups.iter().filter_map(|g| self.group_zone.get(g)).fold(own, |acc, z| acc.union(*z))
    }

    /// Whether the issuer of `record` (an invite into `group`) may still create it: it exists
    /// and holds `issuer_needs` there, or its zone privileges. A record without an issuer (older
    /// than migration 0008) passes.
    fn issuer_allowed(&self, records: &Records, record: &TokenRecord, group: &GroupId) -> bool {
        match issuer_check(records, record) {
            IssuerCheck::Decided(allowed) => allowed,
            IssuerCheck::Needs { issuer, needed, zone } => {
                let held = self.effective_privileges_at_least(group, issuer, needed).unwrap_or_default();
                needed.bits() & !held.bits() == 0 || self.effective_zone(issuer).contains_all(zone)
            }
        }
    }

    /// `Store::effective_privileges_at_least`: the direct privileges when they hold all of
    /// `enough`, without walking the user's groups (an issuer or admin who created thousands of
    /// groups was walked on every join: 9x hello's CPU per join), else the effective ones.
    fn effective_privileges_at_least(
        &self,
        group: &GroupId,
        user: &UserId,
        enough: PrivilegeSet,
    ) -> Option<PrivilegeSet> {
        match self.memberships.value(group, user) {
            Some(value) if enough.bits() & !value.bits() == 0 => Some(value),
            _ => self.effective_privileges(group, user),
        }
    }

    /// Records one admission through token `token_id`.
    /// Records one admission through token `token_id` in `joins`, the token's part of
    /// `token_joins`. Every admission through one token holds the shard of the token's group
    /// (a join) or `state` exclusively (a link), so a token's records are added in order.
    fn record_join(
        &self,
        joins: &mut HashMap<String, Vec<(u64, JoinRecord)>>,
        (token_id, group): (&str, &GroupId),
        joiner: Joiner,
        privileges: PrivilegeSet,
    ) {
        let record = JoinRecord {
            token_id: token_id.to_owned(),
            group: group.clone(),
            joiner,
            privileges,
            joined_at: now_unix(),
        };
        push_listed(joins, token_id, (self.next_seq(), record));
    }

    /// Removes token `id` with its name and its join records. `false`: no such token.
    fn remove_token(&mut self, records: &mut Records, id: &str) -> bool {
        let Some(stored) = records.tokens.remove(id) else {
            return false;
        };
        let record = &stored.record;
        if let Some(seq) = self.token_seqs.remove(id) {
            self.tokens_in_order.remove(&seq);
        }
        if let (Some(issuer), Some(name)) = (&record.issuer, &record.name) {
            self.token_names.remove(&(issuer.clone(), name.clone()));
        }
        self.token_joins.get_mut(id).remove(id);
        true
    }
}

/// What `issuer_allowed` can say from the token record and the users alone.
enum IssuerCheck<'r> {
    Decided(bool),
    /// It takes `issuer`'s privileges in the group: `needed` there, or `zone` in the zone.
    Needs {
        issuer: &'r UserId,
        needed: PrivilegeSet,
        zone: crate::domain::ZonePrivilegeSet,
    },
}

/// A record without an issuer (older than migration 0008) passes; an issuer that no longer
/// exists fails; else it depends on what the issuer holds (`issuer_needs`).
fn issuer_check<'r>(records: &Records, record: &'r TokenRecord) -> IssuerCheck<'r> {
    let Some(issuer) = &record.issuer else {
        return IssuerCheck::Decided(true);
    };
    if !records.users.contains_key(issuer) {
        return IssuerCheck::Decided(false);
    }
    match issuer_needs(&record.grant) {
        None => IssuerCheck::Decided(true),
        Some((needed, zone)) => IssuerCheck::Needs { issuer, needed, zone },
    }
}

impl Records {
    /// The SQLite backend refuses a membership for a user it does not know (a foreign key), so
    /// this one does too: the two must answer alike, and such a call is a caller's bug.
    fn require_user(&self, user: &UserId) -> StoreResult<()> {
        if self.users.contains_key(user) {
            Ok(())
        } else {
            Err(StoreError::Backend("a membership names a user that does not exist".into()))
        }
    }
}

impl State {
    /// The groups `user` effectively belongs to: its direct groups in join order, then the
    /// other ancestors of those in creation order (the SQL backends' order).
    fn effective_groups(&self, user: &UserId) -> Vec<GroupId> {
        let direct = self.memberships.of_user(user);
        let reached = Links::reach(&self.links.parents, direct.clone());
        let direct_set: HashSet<&GroupId> = direct.iter().collect();
        let mut rest: Vec<GroupId> = reached.into_iter().filter(|g| !direct_set.contains(g)).collect();
        rest.sort_by_key(|g| self.groups.get(g).map_or(u64::MAX, |s| s.seq));
        direct.into_iter().chain(rest).collect()
    }
}

impl MemoryStore {
    pub fn new() -> Self {
        Self::default()
    }

    /// The lock, taken without ever putting the runtime's thread to sleep: while another thread
    /// holds it, the task yields, and its thread serves other requests until it tries again.
    /// A thread that slept on the mutex (about 6,000 times a second in the bench's join) left
    /// the connections queued on it waiting until the scheduler ran it again: the join's p99
    /// went from a median 8.7 ms to 6.1 ms with this (docs/benchmark.md). Steps hold the
    /// lock for microseconds and never await while holding it, so the retries are short.
    /// This is `state` exclusively; while a step waits for it, joins do not take it shared
    /// (`writers_waiting`), so it waits only for the joins in progress.
    async fn lock(&self) -> StoreResult<RwLockWriteGuard<'_, State>> {
        let mut waiting = None;
        loop {
            match self.state.try_write() {
                Ok(guard) => return self.sound(guard),
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Poisoned(_)) => return Err(poisoned()),
            }
            // Counted until this returns or is dropped (a client that goes away drops it).
            waiting.get_or_insert_with(|| Waiting::new(&self.writers_waiting));
            tokio::task::yield_now().await;
        }
    }

    /// `state` shared, for a join (see `MemoryStore`), yielding as `lock` does; it also yields
    /// while a step waits to take `state` exclusively.
    async fn lock_shared(&self) -> StoreResult<RwLockReadGuard<'_, State>> {
        loop {
            if self.writers_waiting.load(Ordering::Acquire) == 0 {
                match self.state.try_read() {
                    Ok(guard) => return self.sound(guard),
                    Err(TryLockError::WouldBlock) => {}
                    Err(TryLockError::Poisoned(_)) => return Err(poisoned()),
                }
            }
            tokio::task::yield_now().await;
        }
    }

    /// `guard`, unless a join panicked while it held shards (`broken`).
    fn sound<G>(&self, guard: G) -> StoreResult<G> {
        if self.broken.load(Ordering::Acquire) {
            return Err(poisoned());
        }
        Ok(guard)
    }

    /// A join, under `state` (`exclusive`: held so; else shared). The parts of the group's and
    /// the user's memberships and of the token's join records are held for the whole step,
    /// which makes it atomic: every other join with this token, or by this user, waits for
    /// them, and no other step runs. Shared, the issuer's check reads only its direct
    /// membership, in the locked part; `Walk` when that does not settle it, and the caller runs
    /// the step again exclusively, where the whole walk is made (before the parts are locked, as
    /// it locks them). `Busy`: a part was taken, nothing was done.
    fn join_step(&self, state: &State, token_id: &str, user: &UserId, exclusive: bool) -> StoreResult<JoinStep> {
        use JoinStep::Done;
        let _watch = PanicWatch(&self.broken);
        let records = self.records(state)?;
        let Some(stored) = records.tokens.get(token_id) else {
            return Ok(Done(JoinOutcome::TokenUnknown));
        };
        let record = &stored.record;
        let TokenGrant::GroupInviteUser { group, privileges } = &record.grant else {
            return Ok(Done(JoinOutcome::TokenUnknown));
        };
        let walked = exclusive.then(|| state.issuer_allowed(&records, record, group));
        let parts = state.memberships.groups.try_lock(group).and_then(|members| {
            let groups_of = state.memberships.users.try_lock(user)?;
            Some((members, groups_of, state.token_joins.try_lock(token_id)?))
        });
        let Some((mut members, mut groups_of, mut joins)) = parts else {
            return Ok(JoinStep::Busy);
        };
        if matches!(members.get(group, user), Some(m) if matches!(&m.origin, Origin::Invite { token, .. } if token == token_id))
        {
            return Ok(Done(JoinOutcome::Rejoined(group.clone())));
        }
        if record.revoked || stored.used_up() {
            return Ok(Done(JoinOutcome::TokenUsedUp));
        }
        if !state.groups.contains_key(group) {
            return Ok(Done(JoinOutcome::GroupGone));
        }
        let allowed = match (walked, issuer_check(&records, record)) {
            (Some(allowed), _) | (None, IssuerCheck::Decided(allowed)) => allowed,
            (None, IssuerCheck::Needs { issuer, needed, .. }) => match members.get(group, issuer) {
                Some(m) if needed.bits() & !m.value.bits() == 0 => true,
                _ => return Ok(JoinStep::Walk),
            },
        };
        if !allowed {
            return Ok(Done(JoinOutcome::IssuerNotAllowed));
        }
        if members.get(group, user).is_some() {
            return Ok(Done(JoinOutcome::AlreadyMember));
        }
        records.require_user(user)?;
        let origin = Origin::Invite { token: token_id.to_owned(), issuer: record.issuer.clone() };
        let seq = state.next_seq();
        insert_membership(&mut members, &mut groups_of, (group, user), *privileges, origin, seq);
        state.record_join(&mut joins, (token_id, group), Joiner::User(user.clone()), *privileges);
        stored.count_use();
        Ok(Done(JoinOutcome::Joined(group.clone())))
    }

    /// `records` for reading by a step that holds `state` (`_held`): it never waits, since no
    /// writer can be waiting while `state` is held by someone else.
    fn records(&self, _held: &State) -> StoreResult<RwLockReadGuard<'_, Records>> {
        self.records.read().map_err(|_| poisoned())
    }

    /// `records` for changing, by a step that holds `state` (`_held`): it waits only for the
    /// reads made without `state`, each a few lookups long.
    fn records_mut(&self, _held: &State) -> StoreResult<RwLockWriteGuard<'_, Records>> {
        self.records.write().map_err(|_| poisoned())
    }

    /// `records` alone, for a step that reads nothing else (authentication): it does not wait
    /// for `state`, and yields while a change holds `records`, as `lock` does.
    async fn read_records(&self) -> StoreResult<RwLockReadGuard<'_, Records>> {
        loop {
            match self.records.try_read() {
                Ok(guard) => return Ok(guard),
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Poisoned(_)) => return Err(poisoned()),
            }
            tokio::task::yield_now().await;
        }
    }
}

/// What one try of `MemoryStore::join_step` came to.
enum JoinStep {
    Done(JoinOutcome),
    /// A part the join needs was held by another join; nothing was done.
    Busy,
    /// The issuer's check needs the walk of the links: the step must run exclusively.
    Walk,
}

/// One step waiting for `state` exclusively, counted in `MemoryStore::writers_waiting` while it
/// lives.
struct Waiting<'s>(&'s AtomicUsize);

impl<'s> Waiting<'s> {
    fn new(count: &'s AtomicUsize) -> Self {
        count.fetch_add(1, Ordering::AcqRel);
        Self(count)
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Sets `MemoryStore::broken` if the thread panics while this lives: a join holds one while it
/// holds shards, whose poisoning `Sharded::lock` does not report.
struct PanicWatch<'s>(&'s AtomicBool);

impl Drop for PanicWatch<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.store(true, Ordering::Release);
        }
    }
}

/// A poisoned lock means a thread panicked inside a step. Every step checks before it changes
/// anything, so that should be impossible; if it happens anyway the state may be half changed,
/// and refusing further service is more honest than carrying on with it.
fn poisoned() -> StoreError {
    StoreError::Backend("the memory store was poisoned by an earlier panic".into())
}

#[async_trait]
impl Store for MemoryStore {
    async fn create_user_with_privileges(&self, user: &User, zone: ZonePrivilegeSet) -> StoreResult<bool> {
        let mut state = self.lock().await?;
        if state.logins.contains_key(user.login.as_str()) {
            return Ok(false);
        }
        if user.alias.as_ref().is_some_and(|a| state.aliases.contains_key(a.as_str())) {
            return Err(StoreError::Backend("another user has that alias".into()));
        }
        let mut records = self.records_mut(&state)?;
        insert_fresh(&mut records.users, &user.id, &Arc::new(user.clone()), "a user with that id already exists")?;
        let seq = state.next_seq();
        state.users_in_order.insert(seq, user.id.clone());
        state.user_seqs.insert(user.id.clone(), seq);
        if !zone.is_empty() {
            state.user_zone.insert(user.id.clone(), zone);
        }
        state.logins.insert(user.login.as_str().to_owned(), user.id.clone());
        if let Some(alias) = &user.alias {
            state.aliases.insert(alias.as_str().to_owned(), user.id.clone());
        }
        Ok(true)
    }

    async fn user_by_login(&self, login: &str) -> StoreResult<Option<(User, Option<String>)>> {
        let state = self.lock().await?;
        let records = self.records(&state)?;
        let Some(user) = state.logins.get(login).and_then(|id| records.users.get(id)) else {
            return Ok(None);
        };
        Ok(Some((User::clone(user), state.passwords.get(&user.id).cloned())))
    }

    async fn set_password_hash(&self, user: &UserId, hash: Option<&str>) -> StoreResult<bool> {
        let mut state = self.lock().await?;
        if !self.records(&state)?.users.contains_key(user) {
            return Ok(false);
        }
        match hash {
            Some(hash) => state.passwords.insert(user.clone(), hash.to_owned()),
            None => state.passwords.remove(user),
        };
        Ok(true)
    }

    async fn list_users(&self) -> StoreResult<Vec<UserId>> {
        Ok(self.lock().await?.users_in_order.values().cloned().collect())
    }

    async fn list_users_page(&self, page: PageRequest) -> StoreResult<Page<UserId>> {
        let state = self.lock().await?;
        Ok(page_of_map(&state.users_in_order, page))
    }

    async fn delete_user(&self, id: &UserId) -> StoreResult<Guarded> {
        let mut state = self.lock().await?;
        let mut records = self.records_mut(&state)?;
        if !records.users.contains_key(id) {
            return Ok(Guarded::Missing);
        }
        let groups = state.memberships.of_user(id);
        if let Some(group) = groups.iter().find(|g| state.loses_last_manager(g, id, None)) {
            return Ok(Guarded::LastManager(group.clone()));
        }
        for group in &groups {
            state.memberships.remove(group, id);
        }
        if let Some(user) = records.users.remove(id) {
            state.logins.remove(user.login.as_str());
            if let Some(alias) = &user.alias {
                state.aliases.remove(alias.as_str());
            }
        }
        state.passwords.remove(id);
        if let Some(seq) = state.user_seqs.remove(id) {
            state.users_in_order.remove(&seq);
        }
        state.user_zone.remove(id);
        let doomed: Vec<String> = records
            .tokens
            .values()
            .map(|t| &t.record)
            .filter(|t| {
                matches!(&t.grant, TokenGrant::Access { user } if user == id)
                    || (t.name.is_some() && t.issuer.as_ref() == Some(id))
            })
            .map(|t| t.id.clone())
            .collect();
        for token in doomed {
            state.remove_token(&mut records, &token);
        }
        Ok(Guarded::Done)
    }

    async fn zone_privileges(&self, holder: &ZoneHolder) -> StoreResult<Option<ZonePrivilegeSet>> {
        let state = self.lock().await?;
        Ok(match holder {
            ZoneHolder::User(id) => {
                let known = self.records(&state)?.users.contains_key(id);
                known.then(|| state.user_zone.get(id).copied().unwrap_or_default())
            }
            ZoneHolder::Group(id) => {
                state.groups.contains_key(id).then(|| state.group_zone.get(id).copied().unwrap_or_default())
            }
        })
    }

    async fn change_zone_privileges(&self, holder: &ZoneHolder, change: ZoneChange) -> StoreResult<bool> {
        let mut state = self.lock().await?;
        let state = &mut *state;
        let records = self.records(state)?;
        let held = match holder {
            ZoneHolder::User(id) if records.users.contains_key(id) => state.user_zone.entry(id.clone()).or_default(),
            ZoneHolder::Group(id) if state.groups.contains_key(id) => state.group_zone.entry(id.clone()).or_default(),
            _ => return Ok(false),
        };
        *held = change.apply(*held);
        Ok(true)
    }

    async fn effective_zone_privileges(&self, user: &UserId) -> StoreResult<ZonePrivilegeSet> {
        let state = self.lock().await?;
        Ok(state.effective_zone(user))
    }

    async fn users_named(&self, name: &str) -> StoreResult<Vec<User>> {
        let state = self.lock().await?;
        let records = self.records(&state)?;
        let named = |u: &&Arc<User>| {
            u.login.as_str() == name || u.name.as_str() == name || u.alias.as_ref().is_some_and(|a| a.as_str() == name)
        };
        Ok(state
            .users_in_order
            .values()
            .filter_map(|id| records.users.get(id))
            .filter(named)
            .map(|u| User::clone(u))
            .collect())
    }

    async fn key_fingerprint(&self) -> StoreResult<Option<String>> {
        Ok(self.lock().await?.settings.get(KEY_FINGERPRINT).cloned())
    }

    async fn claim_key_fingerprint(&self, fingerprint: &str) -> StoreResult<String> {
        let mut state = self.lock().await?;
        Ok(state.settings.entry(KEY_FINGERPRINT.to_owned()).or_insert_with(|| fingerprint.to_owned()).clone())
    }

    async fn probe_write(&self, now_unix: u64) -> StoreResult<()> {
        self.lock().await?.settings.insert(HEALTH_PROBE.to_owned(), now_unix.to_string());
        Ok(())
    }

    async fn get_user(&self, id: &UserId) -> StoreResult<Option<User>> {
        let user = self.read_records().await?.users.get(id).cloned();
        Ok(user.map(|user| User::clone(&user)))
    }

    async fn update_user(
        &self,
        id: &UserId,
        name: Option<&Name>,
        alias: Option<Option<&Name>>,
    ) -> StoreResult<UserUpdate> {
        let mut state = self.lock().await?;
        let state = &mut *state;
        let mut records = self.records_mut(state)?;
        let Some(user) = records.users.get_mut(id).map(Arc::make_mut) else {
            return Ok(UserUpdate::NoSuchUser);
        };
        if let Some(Some(alias)) = alias {
            if state.aliases.get(alias.as_str()).is_some_and(|holder| holder != id) {
                return Ok(UserUpdate::AliasTaken);
            }
        }
        if let Some(name) = name {
            user.name = name.clone();
        }
        if let Some(alias) = alias {
            if let Some(old) = &user.alias {
                state.aliases.remove(old.as_str());
            }
            if let Some(new) = alias {
                state.aliases.insert(new.as_str().to_owned(), id.clone());
            }
            user.alias = alias.cloned();
        }
        Ok(UserUpdate::Updated)
    }

    async fn count_users(&self) -> StoreResult<u64> {
        let state = self.lock().await?;
        Ok(self.records(&state)?.users.len() as u64)
    }

    async fn insert_token(&self, record: &TokenRecord) -> StoreResult<TokenWrite> {
        let mut state = self.lock().await?;
        let name = match (&record.issuer, &record.name) {
            (Some(issuer), Some(name)) => Some((issuer.clone(), name.clone())),
            (None, Some(_)) => return Err(StoreError::Backend("a named token has no issuer".into())),
            _ => None,
        };
        if name.as_ref().is_some_and(|key| state.token_names.contains_key(key)) {
            return Ok(TokenWrite::NameTaken);
        }
        // The message names no identifier: token identifiers never appear in errors.
        let clash = "a token record with that identifier already exists";
        let mut records = self.records_mut(&state)?;
        insert_fresh(&mut records.tokens, &record.id, &Arc::new(StoredToken::new(record)), clash)?;
        let seq = state.next_seq();
        state.tokens_in_order.insert(seq, record.id.clone());
        state.token_seqs.insert(record.id.clone(), seq);
        if let Some(key) = name {
            state.token_names.insert(key, record.id.clone());
        }
        Ok(TokenWrite::Done)
    }

    async fn get_token(&self, id: &str) -> StoreResult<Option<TokenRecord>> {
        let record = self.read_records().await?.tokens.get(id).cloned();
        Ok(record.map(|record| record.snapshot()))
    }

    /// Both reads under one lock, `records` alone (never `state`, so no join delays it): the
    /// record and its user as of one moment, and one lock taken per authentication instead of
    /// the default's two. The lock is held only to take references; the copies are made after
    /// it is released.
    async fn token_and_user(&self, id: &str) -> StoreResult<Option<(TokenRecord, Option<User>)>> {
        let found = {
            let records = self.read_records().await?;
            records.tokens.get(id).map(|stored| {
                let user = match &stored.record.grant {
                    TokenGrant::Access { user } => records.users.get(user).cloned(),
                    _ => None,
                };
                (stored.clone(), user)
            })
        };
        Ok(found.map(|(stored, user)| (stored.snapshot(), user.map(|user| User::clone(&user)))))
    }

    async fn create_group(&self, group: &Group, creator: &UserId, privileges: PrivilegeSet) -> StoreResult<()> {
        let mut state = self.lock().await?;
        if state.groups.contains_key(&group.id) {
            return Err(StoreError::Backend("a group with that id already exists".into()));
        }
        self.records(&state)?.require_user(creator)?;
        let seq = state.next_seq();
        state.groups.insert(group.id.clone(), Stored { value: group.clone(), seq });
        state.groups_by_seq.insert(seq, group.id.clone());
        state.add_membership(&group.id, creator, privileges, Origin::Created);
        Ok(())
    }

    async fn get_group(&self, id: &GroupId) -> StoreResult<Option<Group>> {
        Ok(self.lock().await?.groups.get(id).map(|g| g.value.clone()))
    }

    async fn update_group(&self, id: &GroupId, name: Option<&Name>, kind: Option<GroupType>) -> StoreResult<bool> {
        let mut state = self.lock().await?;
        let Some(group) = state.groups.get_mut(id) else {
            return Ok(false);
        };
        if let Some(name) = name {
            group.value.name = name.clone();
        }
        if let Some(kind) = kind {
            group.value.kind = kind;
        }
        Ok(true)
    }

    async fn delete_group(&self, id: &GroupId) -> StoreResult<Guarded> {
        let mut state = self.lock().await?;
        if !state.groups.contains_key(id) {
            return Ok(Guarded::Missing);
        }
        for parent in listed(&state.links.parents, id) {
            if let refused @ Guarded::LastManager(_) = state.link_change(&parent, id, None) {
                return Ok(refused);
            }
        }
        let Some(removed) = state.groups.remove(id) else {
            return Ok(Guarded::Missing);
        };
        state.groups_by_seq.remove(&removed.seq);
        state.group_zone.remove(id);
        // Token records stay on purpose (see the trait): a later join must say "group gone".
        state.memberships.remove_group(id);
        state.links.remove_group(id);
        Ok(Guarded::Done)
    }

    async fn list_groups(&self) -> StoreResult<Vec<GroupId>> {
        let state = self.lock().await?;
        let mut groups: Vec<_> = state.groups.iter().map(|(id, g)| (g.seq, id)).collect();
        groups.sort_unstable_by_key(|(seq, _)| *seq);
        Ok(groups.into_iter().map(|(_, id)| id.clone()).collect())
    }

    async fn user_groups(&self, user: &UserId) -> StoreResult<Vec<GroupId>> {
        Ok(self.lock().await?.memberships.of_user(user))
    }

    async fn group_users(&self, group: &GroupId) -> StoreResult<Vec<UserId>> {
        Ok(self.lock().await?.memberships.of_group(group))
    }

    async fn list_groups_page(&self, page: PageRequest) -> StoreResult<Page<GroupId>> {
        let state = self.lock().await?;
        Ok(page_of_map(&state.groups_by_seq, page))
    }

    async fn user_groups_page(&self, user: &UserId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        let state = self.lock().await?;
        Ok(state.memberships.user_page(user, page))
    }

    async fn group_users_page(&self, group: &GroupId, page: PageRequest) -> StoreResult<Page<UserId>> {
        let state = self.lock().await?;
        Ok(state.memberships.group_page(group, page))
    }

    async fn child_groups_page(&self, parent: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        let state = self.lock().await?;
        Ok(page_of(state.links.children.get(parent).map_or(&[][..], Vec::as_slice), page))
    }

    async fn parent_groups_page(&self, child: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        let state = self.lock().await?;
        Ok(page_of(state.links.parents.get(child).map_or(&[][..], Vec::as_slice), page))
    }

    /// One of two ways, whichever reads fewer items for this group (`scan_window`; the count
    /// of members costs little here): with many members, the users after the bound in
    /// creation order, each kept when it is one (about `limit` users read on a top group);
    /// with few, those members, sorted.
    async fn inherited_users_page(
        &self,
        group: &GroupId,
        joined_after: u64,
        page: PageRequest,
    ) -> StoreResult<Page<(UserId, u64)>> {
        let state = self.lock().await?;
        let children =
            state.links.children.get(group).map_or(Vec::new(), |c| c.iter().map(|(_, g)| g.clone()).collect());
        let below: HashSet<GroupId> = Links::reach(&state.links.children, children).into_iter().collect();
        let last_user = state.users_in_order.last_key_value().map_or(0, |(seq, _)| *seq);
        let threshold =
            usize::try_from(scan_window(page, i64::try_from(last_user).unwrap_or(i64::MAX))).unwrap_or(usize::MAX);
        let mut members = state.memberships.group_len(group);
        for g in &below {
            if members >= threshold {
                break;
            }
            members += state.memberships.group_len(g);
        }
        let is_member = |user: &UserId| {
            state.memberships.seq_of(group, user).is_some_and(|seq| seq > joined_after)
                || state.memberships.of_user(user).iter().any(|g| below.contains(g))
        };
        if members >= threshold {
            let Some(start) = first_seq(page) else {
                return Ok(Page::whole(Vec::new()));
            };
            let rows = state
                .users_in_order
                .range(start..)
                .filter(|(_, u)| is_member(u))
                .take(page.limit() as usize + 1)
                .map(|(seq, u)| ((u.clone(), *seq), *seq))
                .collect();
            return Ok(Page::from_rows(rows, page.limit()));
        }
        let users: HashSet<UserId> = below
            .iter()
            .flat_map(|g| state.memberships.of_group(g))
            .chain(state.memberships.of_group_since(group, joined_after))
            .collect();
        let mut rows: Vec<(u64, (UserId, u64))> =
            users.into_iter().filter_map(|u| state.user_seqs.get(&u).map(|seq| (*seq, (u, *seq)))).collect();
        rows.sort_unstable_by_key(|(seq, _)| *seq);
        Ok(page_of(&rows, page))
    }

    async fn inherited_groups_page(
        &self,
        user: &UserId,
        joined_after: u64,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        let state = self.lock().await?;
        let parents = state
            .memberships
            .of_user(user)
            .iter()
            .flat_map(|g| state.links.parents.get(g).into_iter().flatten().map(|(_, p)| p.clone()))
            .collect::<Vec<_>>();
        let reached: HashSet<GroupId> = Links::reach(&state.links.parents, parents)
            .into_iter()
            .chain(state.memberships.of_user_since(user, joined_after))
            .collect();
        let mut rows: Vec<(u64, (GroupId, u64))> =
            reached.into_iter().filter_map(|g| state.groups.get(&g).map(|s| (s.seq, (g, s.seq)))).collect();
        rows.sort_unstable_by_key(|(seq, _)| *seq);
        Ok(page_of(&rows, page))
    }

    async fn group_users_page_with_seq(&self, group: &GroupId, page: PageRequest) -> StoreResult<Page<(UserId, u64)>> {
        let state = self.lock().await?;
        let page = state.memberships.group_page(group, page);
        with_seqs(page, |u| state.user_seqs.get(u).copied())
    }

    async fn user_groups_page_with_seq(&self, user: &UserId, page: PageRequest) -> StoreResult<Page<(GroupId, u64)>> {
        let state = self.lock().await?;
        let page = state.memberships.user_page(user, page);
        with_seqs(page, |g| state.groups.get(g).map(|s| s.seq))
    }

    async fn child_groups_page_with_seq(
        &self,
        parent: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        let state = self.lock().await?;
        let page = page_of(state.links.children.get(parent).map_or(&[][..], Vec::as_slice), page);
        with_seqs(page, |g| state.groups.get(g).map(|s| s.seq))
    }

    async fn parent_groups_page_with_seq(
        &self,
        child: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        let state = self.lock().await?;
        let page = page_of(state.links.parents.get(child).map_or(&[][..], Vec::as_slice), page);
        with_seqs(page, |g| state.groups.get(g).map(|s| s.seq))
    }

    async fn membership(&self, group: &GroupId, user: &UserId) -> StoreResult<Option<PrivilegeSet>> {
        Ok(self.lock().await?.memberships.value(group, user))
    }

    async fn set_privileges(&self, group: &GroupId, user: &UserId, privileges: PrivilegeSet) -> StoreResult<Guarded> {
        let mut state = self.lock().await?;
        if state.loses_last_manager(group, user, Some(privileges)) {
            return Ok(Guarded::LastManager(group.clone()));
        }
        Ok(if state.memberships.set_value(group, user, privileges) { Guarded::Done } else { Guarded::Missing })
    }

    async fn remove_member(&self, group: &GroupId, user: &UserId) -> StoreResult<Guarded> {
        let mut state = self.lock().await?;
        if state.loses_last_manager(group, user, None) {
            return Ok(Guarded::LastManager(group.clone()));
        }
        Ok(if state.memberships.remove(group, user) { Guarded::Done } else { Guarded::Missing })
    }

    async fn add_member(
        &self,
        group: &GroupId,
        user: &UserId,
        privileges: PrivilegeSet,
        by: &UserId,
    ) -> StoreResult<AddOutcome> {
        let mut state = self.lock().await?;
        if !state.groups.contains_key(group) {
            return Ok(AddOutcome::GroupGone);
        }
        if !self.records(&state)?.users.contains_key(user) {
            return Ok(AddOutcome::UserGone);
        }
        if state.memberships.value(group, user).is_some() {
            return Ok(AddOutcome::AlreadyMember);
        }
        state.add_membership(group, user, privileges, Origin::Added { by: by.clone() });
        Ok(AddOutcome::Added)
    }

    async fn child_groups(&self, parent: &GroupId) -> StoreResult<Vec<GroupId>> {
        Ok(listed(&self.lock().await?.links.children, parent))
    }

    async fn parent_groups(&self, child: &GroupId) -> StoreResult<Vec<GroupId>> {
        Ok(listed(&self.lock().await?.links.parents, child))
    }

    async fn link(&self, parent: &GroupId, child: &GroupId) -> StoreResult<Option<PrivilegeSet>> {
        Ok(self.lock().await?.links.get(parent, child).map(|l| l.value))
    }

    async fn set_link_privileges(
        &self,
        parent: &GroupId,
        child: &GroupId,
        privileges: PrivilegeSet,
    ) -> StoreResult<Guarded> {
        let mut state = self.lock().await?;
        let verdict = state.link_change(parent, child, Some(privileges));
        if verdict == Guarded::Done {
            if let Some(link) = pair_get_mut(&mut state.links.all, parent, child) {
                link.value = privileges;
            }
        }
        Ok(verdict)
    }

    async fn unlink(&self, parent: &GroupId, child: &GroupId) -> StoreResult<Guarded> {
        let mut state = self.lock().await?;
        let verdict = state.link_change(parent, child, None);
        if verdict == Guarded::Done {
            state.links.remove(parent, child);
        }
        Ok(verdict)
    }

    async fn link_with_token(&self, token_id: &str, child: &GroupId) -> StoreResult<LinkOutcome> {
        // One lock for the whole step, as in `join_with_token`: no other link can be added
        // between the cycle check and the insert, so two links never close a cycle together.
        let mut guard = self.lock().await?;
        let state = &mut *guard;
        let records = self.records(state)?;
        let Some(stored) = records.tokens.get(token_id) else {
            return Ok(LinkOutcome::TokenUnknown);
        };
        let record = &stored.record;
        let TokenGrant::GroupInviteGroup { group: parent, privileges } = &record.grant else {
            return Ok(LinkOutcome::TokenUnknown);
        };
        let (parent, privileges) = (parent.clone(), *privileges);
        let key = (parent.clone(), child.clone());
        if state.links.tokens.get(&key).is_some_and(|t| t == token_id) {
            return Ok(LinkOutcome::Relinked(parent));
        }
        if record.revoked || stored.used_up() {
            return Ok(LinkOutcome::TokenUsedUp);
        }
        if !state.groups.contains_key(&parent) {
            return Ok(LinkOutcome::GroupGone);
        }
        if !state.issuer_allowed(&records, record, &parent) {
            return Ok(LinkOutcome::IssuerNotAllowed);
        }
        if !state.groups.contains_key(child) {
            return Ok(LinkOutcome::ChildGone);
        }
        if state.links.get(&parent, child).is_some() {
            return Ok(LinkOutcome::AlreadyLinked);
        }
        if Links::reach(&state.links.parents, [parent.clone()]).contains(child) {
            return Ok(LinkOutcome::WouldCycle);
        }
        let seq = state.next_seq();
        state.links.insert(&parent, child, privileges, token_id, seq);
        let mut joins = state.token_joins.lock(token_id);
        state.record_join(&mut joins, (token_id, &parent), Joiner::Group(child.clone()), privileges);
        stored.count_use();
        Ok(LinkOutcome::Linked(parent))
    }

    /// The walk is in memory and cheap: the answer is always the exact one.
    async fn effective_privileges_at_least(
        &self,
        group: &GroupId,
        user: &UserId,
        enough: PrivilegeSet,
    ) -> StoreResult<Option<PrivilegeSet>> {
        Ok(self.lock().await?.effective_privileges_at_least(group, user, enough))
    }

    #[cfg(test)]
    async fn effective_users(&self, group: &GroupId) -> StoreResult<Vec<UserId>> {
        let state = self.lock().await?;
        let direct = state.memberships.of_group(group);
        let mut seen: HashSet<UserId> = direct.iter().cloned().collect();
        let below = Links::reach(&state.links.children, [group.clone()]);
        let mut rest: Vec<UserId> =
            below.iter().flat_map(|g| state.memberships.of_group(g)).filter(|u| seen.insert(u.clone())).collect();
        // Direct members in join order, then the others in creation order, as the SQL backends
        // list them.
        rest.sort_by_key(|u| state.user_seqs.get(u).copied().unwrap_or(u64::MAX));
        Ok(direct.into_iter().chain(rest).collect())
    }

    #[cfg(test)]
    async fn effective_groups(&self, user: &UserId) -> StoreResult<Vec<GroupId>> {
        Ok(self.lock().await?.effective_groups(user))
    }

    async fn join_with_token(&self, token_id: &str, user: &UserId) -> StoreResult<JoinOutcome> {
        // Most joins need no walk of the links: under `state` shared, beside joins into other
        // groups (see `MemoryStore`).
        loop {
            let step = self.join_step(&*self.lock_shared().await?, token_id, user, false)?;
            match step {
                JoinStep::Done(outcome) => return Ok(outcome),
                JoinStep::Busy => tokio::task::yield_now().await,
                JoinStep::Walk => break,
            }
        }
        loop {
            let step = self.join_step(&*self.lock().await?, token_id, user, true)?;
            match step {
                JoinStep::Done(outcome) => return Ok(outcome),
                // Not while `state` is held exclusively: no join holds a part then.
                JoinStep::Busy => tokio::task::yield_now().await,
                JoinStep::Walk => return Err(StoreError::Backend("a join left its issuer check open".into())),
            }
        }
    }

    async fn named_tokens(&self, issuer: &UserId, page: PageRequest) -> StoreResult<Page<String>> {
        let state = self.lock().await?;
        let records = self.records(&state)?;
        let named_by = |t: &TokenRecord| t.name.is_some() && t.issuer.as_ref() == Some(issuer);
        Ok(tokens_page(&state.tokens_in_order, page, |id| {
            records.tokens.get(id).filter(|t| named_by(&t.record)).map(|_| id.to_owned())
        }))
    }

    async fn named_token_by_name(&self, issuer: &UserId, name: &str) -> StoreResult<Option<TokenRecord>> {
        let state = self.lock().await?;
        let id = state.token_names.get(&(issuer.clone(), name.to_owned()));
        let records = self.records(&state)?;
        Ok(id.and_then(|id| records.tokens.get(id)).map(|stored| stored.snapshot()))
    }

    async fn update_named_token(&self, id: &str, update: &NamedTokenUpdate) -> StoreResult<TokenWrite> {
        let mut guard = self.lock().await?;
        let state = &mut *guard;
        let mut records = self.records_mut(state)?;
        let Some(record) = records.tokens.get_mut(id).map(|t| &mut Arc::make_mut(t).record) else {
            return Ok(TokenWrite::Missing);
        };
        let (Some(issuer), Some(old_name)) = (record.issuer.clone(), record.name.clone()) else {
            return Ok(TokenWrite::Missing);
        };
        if let Some(name) = update.name.as_ref().filter(|n| **n != old_name) {
            let key = (issuer.clone(), name.clone());
            if state.token_names.contains_key(&key) {
                return Ok(TokenWrite::NameTaken);
            }
            state.token_names.remove(&(issuer, old_name));
            state.token_names.insert(key, id.to_owned());
            record.name = Some(name.clone());
        }
        if let Some(revoked) = update.revoked {
            record.revoked = revoked;
        }
        if let Some(metadata) = &update.custom_metadata {
            record.custom_metadata = metadata.clone();
        }
        Ok(TokenWrite::Done)
    }

    async fn delete_token(&self, id: &str) -> StoreResult<bool> {
        let mut state = self.lock().await?;
        let mut records = self.records_mut(&state)?;
        Ok(state.remove_token(&mut records, id))
    }

    async fn delete_named_tokens(&self, issuer: &UserId) -> StoreResult<u64> {
        let mut state = self.lock().await?;
        let doomed: Vec<String> =
            state.token_names.iter().filter(|((i, _), _)| i == issuer).map(|(_, id)| id.clone()).collect();
        let mut records = self.records_mut(&state)?;
        for id in &doomed {
            state.remove_token(&mut records, id);
        }
        Ok(doomed.len() as u64)
    }

    async fn group_invites(&self, group: &GroupId, now_unix: u64, page: PageRequest) -> StoreResult<Page<TokenRecord>> {
        let state = self.lock().await?;
        let records = self.records(&state)?;
        let live = |stored: &StoredToken| {
            let t = &stored.record;
            let invite_here = matches!(&t.grant,
                TokenGrant::GroupInviteUser { group: g, .. } | TokenGrant::GroupInviteGroup { group: g, .. } if g == group);
            invite_here && !t.revoked && !stored.used_up() && t.valid_until.is_none_or(|until| now_unix < until)
        };
        Ok(tokens_page(&state.tokens_in_order, page, |id| {
            records.tokens.get(id).filter(|t| live(t)).map(|t| t.snapshot())
        }))
    }

    async fn token_joins(&self, token_id: &str, page: PageRequest) -> StoreResult<Page<JoinRecord>> {
        let state = self.lock().await?;
        let joins = state.token_joins.lock(token_id);
        Ok(page_of(joins.get(token_id).map_or(&[][..], Vec::as_slice), page))
    }

    async fn member_origin(&self, group: &GroupId, user: &UserId) -> StoreResult<Option<Origin>> {
        Ok(self.lock().await?.memberships.origin(group, user))
    }
}

/// The page `page` asks for of the tokens `pick` keeps (and makes an item of), in creation
/// order: it walks `tokens_in_order` from the page's start and stops once it has the page and
/// one more, so a whole list read page by page walks the zone's tokens once, not once a page.
fn tokens_page<T>(
    tokens_in_order: &BTreeMap<u64, String>,
    page: PageRequest,
    pick: impl Fn(&str) -> Option<T>,
) -> Page<T> {
    let Some(start) = first_seq(page) else {
        return Page::whole(Vec::new());
    };
    let rows = tokens_in_order.range(start..).filter_map(|(seq, id)| pick(id).map(|item| (item, *seq)));
    Page::from_rows(rows.take(page.limit() as usize + 1).collect(), page.limit())
}

/// The wall clock in unix seconds, for join records (the trait's join takes no time).
fn now_unix() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use std::sync::{mpsc, Arc};
    use std::time::{Duration, Instant};

    use super::MemoryStore;
    use crate::domain::{Cursor, GroupId, Page, PageRequest};
    use crate::store::fixtures::{an_access_token, new_group, new_invite, new_user};
    use crate::store::{JoinOutcome, Store, TokenWrite};

    /// While another thread holds the lock, a step waiting for it leaves its runtime thread free:
    /// on a runtime with one thread, another task still runs to its end before the lock is let go.
    #[test]
    fn a_step_waiting_for_the_lock_leaves_its_thread_to_other_tasks() {
        let store = Arc::new(MemoryStore::new());
        let (taken, is_taken) = mpsc::channel();
        let holder = std::thread::spawn({
            let store = store.clone();
            move || {
                let _guard = store.state.write().expect("not poisoned");
                taken.send(()).expect("the test waits for this");
                std::thread::sleep(Duration::from_millis(300));
                Instant::now()
            }
        });
        is_taken.recv().expect("the holder took the lock");
        let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().expect("a runtime");
        let (counted, other_done) = runtime.block_on(async {
            let other = async {
                tokio::time::sleep(Duration::from_millis(20)).await;
                Instant::now()
            };
            tokio::join!(store.count_users(), other)
        });
        let released = holder.join().expect("the holder did not panic");
        assert_eq!(counted.expect("the store answers once the lock is free"), 0);
        assert!(other_done < released, "the other task waited for the lock to be let go");
    }

    /// Authentication reads a token and its user without waiting for a step that holds the
    /// store's state (a join, say), and sees the use count joins have made.
    #[test]
    fn authentication_does_not_wait_for_a_step_in_progress() {
        let store = Arc::new(MemoryStore::new());
        let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().expect("a runtime");
        let (user, group, invite) = runtime.block_on(async {
            let user = new_user(&*store, "caller").await;
            let group = new_group(&*store, &user, "group").await;
            let access = an_access_token("access-1", &user);
            assert_eq!(store.insert_token(&access).await, Ok(TokenWrite::Done));
            (user, group.clone(), new_invite(&*store, &group, Some(2)).await)
        });
        let joiner = runtime.block_on(new_user(&*store, "joiner"));
        let outcome = runtime.block_on(store.join_with_token(&invite, &joiner));
        assert_eq!(outcome, Ok(JoinOutcome::Joined(group)));

        let (taken, is_taken) = mpsc::channel();
        let (release, released) = mpsc::channel::<()>();
        let holder = std::thread::spawn({
            let store = store.clone();
            move || {
                let _guard = store.state.write().expect("not poisoned");
                taken.send(()).expect("the test waits for this");
                // Held until the test is done with its reads, or 10 s if it hangs.
                let _ = released.recv_timeout(Duration::from_secs(10));
            }
        });
        is_taken.recv().expect("the holder took the lock");
        let started = Instant::now();
        let (found, read_invite) = runtime.block_on(async {
            let found = tokio::time::timeout(Duration::from_secs(2), store.token_and_user("access-1")).await;
            let invite = tokio::time::timeout(Duration::from_secs(2), store.get_token(&invite)).await;
            (found, invite)
        });
        release.send(()).expect("the holder waits for this");
        holder.join().expect("the holder did not panic");
        let (record, owner) = found.expect("answered while the state was held").expect("read").expect("found");
        assert_eq!((record.id.as_str(), owner.map(|u| u.id)), ("access-1", Some(user)));
        let invite = read_invite.expect("answered while the state was held").expect("read").expect("found");
        assert_eq!(invite.uses, 1, "the join's use is counted");
        assert!(started.elapsed() < Duration::from_secs(2));
    }

    /// A join holds only the shards of its group and its user: a join into a group in another
    /// shard runs while one join is in progress, and one into the same group waits for it.
    #[test]
    fn a_join_waits_only_for_joins_into_the_same_shard() {
        let store = Arc::new(MemoryStore::new());
        let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().expect("a runtime");
        let (busy, other, busy_invite, other_invite, joiner) = runtime.block_on(async {
            let owner = new_user(&*store, "owner").await;
            let busy = new_group(&*store, &owner, "busy").await;
            let mut other = new_group(&*store, &owner, "other 0").await;
            let same_part = |a: &GroupId, b: &GroupId| {
                let state = store.state.read().expect("not poisoned");
                std::ptr::eq(state.memberships.groups.part(a), state.memberships.groups.part(b))
            };
            for i in 1.. {
                if !same_part(&busy, &other) {
                    break;
                }
                other = new_group(&*store, &owner, &format!("other {i}")).await;
            }
            let (busy_invite, other_invite) =
                (new_invite(&*store, &busy, None).await, new_invite(&*store, &other, None).await);
            (busy, other, busy_invite, other_invite, new_user(&*store, "joiner").await)
        });

        let (taken, is_taken) = mpsc::channel();
        let (release, released) = mpsc::channel::<()>();
        let holder = std::thread::spawn({
            let (store, busy) = (store.clone(), busy.clone());
            move || {
                // What a join into `busy` holds, for as long as the test needs.
                let state = store.state.read().expect("not poisoned");
                let _part = state.memberships.groups.lock(&busy);
                taken.send(()).expect("the test waits for this");
                let _ = released.recv_timeout(Duration::from_secs(10));
            }
        });
        is_taken.recv().expect("the holder took the shard");
        let (elsewhere, here) = runtime.block_on(async {
            let elsewhere =
                tokio::time::timeout(Duration::from_secs(2), store.join_with_token(&other_invite, &joiner)).await;
            let here =
                tokio::time::timeout(Duration::from_millis(200), store.join_with_token(&busy_invite, &joiner)).await;
            (elsewhere, here)
        });
        release.send(()).expect("the holder waits for this");
        holder.join().expect("the holder did not panic");
        assert_eq!(elsewhere.expect("not kept waiting by the other group's join"), Ok(JoinOutcome::Joined(other)));
        assert!(here.is_err(), "a join into the busy group waits for the join in progress");
        let after = runtime.block_on(store.join_with_token(&busy_invite, &joiner));
        assert_eq!(after, Ok(JoinOutcome::Joined(busy)));
    }

    /// A step waiting for the state exclusively is not kept out by joins arriving after it: they
    /// wait until it has run, though the state is only held shared meanwhile.
    #[test]
    fn joins_arriving_after_a_waiting_change_wait_for_it() {
        let store = Arc::new(MemoryStore::new());
        let runtime = tokio::runtime::Builder::new_current_thread().enable_time().build().expect("a runtime");
        let (invite, joiner) = runtime.block_on(async {
            let owner = new_user(&*store, "owner").await;
            let group = new_group(&*store, &owner, "group").await;
            (new_invite(&*store, &group, None).await, new_user(&*store, "joiner").await)
        });
        let (taken, is_taken) = mpsc::channel();
        let holder = std::thread::spawn({
            let store = store.clone();
            move || {
                let _shared = store.state.read().expect("not poisoned");
                taken.send(()).expect("the test waits for this");
                std::thread::sleep(Duration::from_millis(300));
                Instant::now()
            }
        });
        is_taken.recv().expect("the holder took the state shared");
        let (change_done, join_done) = runtime.block_on(async {
            let change = async {
                store.count_users().await.expect("counted");
                Instant::now()
            };
            let join = async {
                tokio::time::sleep(Duration::from_millis(20)).await;
                assert!(matches!(store.join_with_token(&invite, &joiner).await, Ok(JoinOutcome::Joined(_))));
                Instant::now()
            };
            tokio::join!(change, join)
        });
        let released = holder.join().expect("the holder did not panic");
        assert!(join_done > released, "the join waited for the change waiting before it");
        assert!(change_done <= join_done, "the change ran first");
    }

    /// Every page of `list` in turn, one item each, as a client walks them: the cursors hold
    /// only while the list the store keeps is in join order.
    async fn walked<T, F>(list: impl Fn(PageRequest) -> F) -> Vec<T>
    where
        F: std::future::Future<Output = crate::store::StoreResult<Page<T>>>,
    {
        let mut after: Option<Cursor> = None;
        let mut items = Vec::new();
        loop {
            let page = list(PageRequest::new(after, 1).expect("a valid page")).await.expect("listed");
            items.extend(page.items);
            match page.next {
                Some(next) => after = Some(next),
                None => return items,
            }
        }
    }

    /// Joins racing on four threads into sixteen groups (shards taken at once, in every
    /// combination): each invite admits exactly its uses, each counted once with one join
    /// record, and every list is in order (paging through it one item at a time gives it whole).
    #[test]
    fn racing_joins_into_many_groups_count_each_use_once_and_keep_every_list_in_order() {
        const GROUPS: usize = 16;
        const USES: u32 = 40;
        let store = Arc::new(MemoryStore::new());
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(4).build().expect("a runtime");
        runtime.block_on(async {
            let owner = new_user(&*store, "owner").await;
            let mut groups = Vec::new();
            for g in 0..GROUPS {
                let group = new_group(&*store, &owner, &format!("group {g}")).await;
                groups.push((group.clone(), new_invite(&*store, &group, Some(USES)).await));
            }
            let mut users = Vec::new();
            for u in 0..120 {
                users.push(new_user(&*store, &format!("user {u}")).await);
            }
            let racers: Vec<_> = users
                .iter()
                .enumerate()
                .map(|(u, user)| {
                    let (store, groups, user) = (store.clone(), groups.clone(), user.clone());
                    tokio::spawn(async move {
                        let mut joined = 0;
                        for k in 0..GROUPS {
                            let (group, invite) = &groups[(u * 7 + k) % GROUPS];
                            match store.join_with_token(invite, &user).await.expect("answered") {
                                JoinOutcome::Joined(g) if g == *group => joined += 1,
                                JoinOutcome::TokenUsedUp => {}
                                other => panic!("unexpected {other:?}"),
                            }
                        }
                        joined
                    })
                })
                .collect();
            let mut joined = 0;
            for racer in racers {
                joined += racer.await.expect("the racer did not panic");
            }
            assert_eq!(joined, GROUPS * USES as usize);
            for (group, invite) in &groups {
                let record = store.get_token(invite).await.expect("read").expect("found");
                assert_eq!(record.uses, USES, "each use counted once");
                let records = store.token_joins(invite, PageRequest::largest_first()).await.expect("listed").items;
                assert_eq!(records.len(), USES as usize, "one join record per use");
                let paged = walked(|page| store.token_joins(invite, page)).await;
                assert_eq!(
                    paged.iter().map(|r| &r.joiner).collect::<Vec<_>>(),
                    records.iter().map(|r| &r.joiner).collect::<Vec<_>>()
                );
                let members = store.group_users(group).await.expect("listed");
                assert_eq!(members.len(), USES as usize + 1, "the owner and one member per use");
                assert_eq!(walked(|page| store.group_users_page(group, page)).await, members);
            }
            for user in &users {
                let groups_of = store.user_groups(user).await.expect("listed");
                assert_eq!(walked(|page| store.user_groups_page(user, page)).await, groups_of);
            }
        });
    }
}
