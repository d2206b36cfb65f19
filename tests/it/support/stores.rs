//! A store wrapper for tests: delegates to a real store (memory or SQLite) and, depending on its
//! mode, fails like a broken database, holds invite reads back to line racing joins up, or
//! counts the calls that reach it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use oz_groups::domain::{
    Group, GroupId, GroupType, Name, Page, PageRequest, PrivilegeSet, User, UserId, ZoneChange, ZoneHolder,
    ZonePrivilegeSet,
};
use oz_groups::store::{
    AddOutcome, Guarded, JoinOutcome, JoinRecord, LinkOutcome, NamedTokenUpdate, Origin, Store, StoreError,
    StoreResult, TokenRecord, TokenWrite, UserUpdate,
};
use tokio::sync::watch;

/// What the wrapper does on top of the real store.
pub enum Mode {
    /// `join_with_token` and `user_groups` fail with a backend error carrying `detail`.
    Fail { detail: &'static str },
    /// `join_with_token` and `user_groups` fail as an unreachable database would, with `detail`.
    Down { detail: &'static str },
    /// Every join waits at the line-up before the store's own join step runs (see `LineUp`).
    LineUpJoins(Arc<LineUp>),
    /// Every call is counted in the counter, and then made.
    Count(Arc<AtomicUsize>),
    /// `group_users_page`, and the pages of the effective members, fail as an unreachable
    /// database would, with `detail`, when they read after a cursor: a whole list's chunks
    /// after its first (`service::Rest`).
    DownAfterFirstChunk { detail: &'static str },
}

pub struct ProbeStore {
    inner: Arc<dyn Store>,
    fail: Option<StoreError>,
    line_up: Option<Arc<LineUp>>,
    calls: Option<Arc<AtomicUsize>>,
    fail_later_pages: Option<StoreError>,
}

/// Holds each caller until `expected` callers have arrived (or 10 s have passed): racing joins
/// have then all passed the service's checks (the token's signature and caveats) and enter the
/// store's own atomic step together, which alone must decide. `passed()` says whether the
/// line-up opened because everyone arrived, not because time ran out. One line-up may be shared
/// by several stores (instances).
pub struct LineUp {
    expected: usize,
    arrived: AtomicUsize,
    open: watch::Sender<bool>,
}

impl ProbeStore {
    pub fn wrap(inner: Arc<dyn Store>, mode: Mode) -> Arc<dyn Store> {
        let (mut fail, mut line_up, mut calls, mut fail_later_pages) = (None, None, None, None);
        match mode {
            Mode::Fail { detail } => fail = Some(StoreError::Backend(detail.to_owned())),
            Mode::Down { detail } => fail = Some(StoreError::Unavailable(detail.to_owned())),
            Mode::LineUpJoins(lined) => line_up = Some(lined),
            Mode::Count(counter) => calls = Some(counter),
            Mode::DownAfterFirstChunk { detail } => fail_later_pages = Some(StoreError::Unavailable(detail.to_owned())),
        }
        Arc::new(ProbeStore { inner, fail, line_up, calls, fail_later_pages })
    }

    fn count(&self) {
        if let Some(calls) = &self.calls {
            calls.fetch_add(1, Ordering::SeqCst);
        }
    }

    /// `DownAfterFirstChunk`'s failure, for a page read after a cursor.
    fn later_page(&self, page: PageRequest) -> StoreResult<()> {
        match (&self.fail_later_pages, page.after()) {
            (Some(error), Some(_)) => Err(error.clone()),
            _ => Ok(()),
        }
    }

    fn failure(&self) -> StoreResult<()> {
        match &self.fail {
            Some(error) => Err(error.clone()),
            None => Ok(()),
        }
    }
}

impl LineUp {
    pub fn new(expected: usize) -> Arc<LineUp> {
        Arc::new(LineUp { expected, arrived: AtomicUsize::new(0), open: watch::channel(false).0 })
    }

    async fn wait(&self) {
        let mut open = self.open.subscribe();
        if self.arrived.fetch_add(1, Ordering::SeqCst) + 1 >= self.expected {
            self.open.send_replace(true);
        }
        let _ = tokio::time::timeout(Duration::from_secs(10), open.wait_for(|o| *o)).await;
    }

    /// Whether all `expected` callers arrived (the line-up opened for them, not by timeout).
    pub fn passed(&self) -> bool {
        self.arrived.load(Ordering::SeqCst) >= self.expected
    }
}

#[async_trait]
impl Store for ProbeStore {
    async fn create_user_with_privileges(&self, user: &User, zone: ZonePrivilegeSet) -> StoreResult<bool> {
        self.count();
        self.inner.create_user_with_privileges(user, zone).await
    }
    async fn list_users(&self) -> StoreResult<Vec<UserId>> {
        self.count();
        self.inner.list_users().await
    }
    async fn list_users_page(&self, page: PageRequest) -> StoreResult<Page<UserId>> {
        self.count();
        self.inner.list_users_page(page).await
    }
    async fn delete_user(&self, id: &UserId) -> StoreResult<Guarded> {
        self.count();
        self.inner.delete_user(id).await
    }
    async fn zone_privileges(&self, holder: &ZoneHolder) -> StoreResult<Option<ZonePrivilegeSet>> {
        self.count();
        self.inner.zone_privileges(holder).await
    }
    async fn change_zone_privileges(&self, holder: &ZoneHolder, change: ZoneChange) -> StoreResult<bool> {
        self.count();
        self.inner.change_zone_privileges(holder, change).await
    }
    async fn effective_zone_privileges(&self, user: &UserId) -> StoreResult<ZonePrivilegeSet> {
        self.count();
        self.inner.effective_zone_privileges(user).await
    }
    async fn add_member(
        &self,
        group: &GroupId,
        user: &UserId,
        privileges: PrivilegeSet,
        by: &UserId,
    ) -> StoreResult<AddOutcome> {
        self.count();
        self.inner.add_member(group, user, privileges, by).await
    }
    async fn user_by_login(&self, login: &str) -> StoreResult<Option<(User, Option<String>)>> {
        self.count();
        self.inner.user_by_login(login).await
    }
    async fn set_password_hash(&self, user: &UserId, hash: Option<&str>) -> StoreResult<bool> {
        self.count();
        self.inner.set_password_hash(user, hash).await
    }
    async fn get_user(&self, id: &UserId) -> StoreResult<Option<User>> {
        self.count();
        self.inner.get_user(id).await
    }
    async fn update_user(
        &self,
        id: &UserId,
        name: Option<&Name>,
        alias: Option<Option<&Name>>,
    ) -> StoreResult<UserUpdate> {
        self.count();
        self.inner.update_user(id, name, alias).await
    }
    async fn count_users(&self) -> StoreResult<u64> {
        self.count();
        self.inner.count_users().await
    }
    async fn users_named(&self, name: &str) -> StoreResult<Vec<User>> {
        self.inner.users_named(name).await
    }
    async fn key_fingerprint(&self) -> StoreResult<Option<String>> {
        self.inner.key_fingerprint().await
    }
    async fn claim_key_fingerprint(&self, fingerprint: &str) -> StoreResult<String> {
        self.inner.claim_key_fingerprint(fingerprint).await
    }
    async fn probe_write(&self, now_unix: u64) -> StoreResult<()> {
        self.inner.probe_write(now_unix).await
    }
    async fn insert_token(&self, record: &TokenRecord) -> StoreResult<TokenWrite> {
        self.count();
        self.inner.insert_token(record).await
    }
    async fn get_token(&self, id: &str) -> StoreResult<Option<TokenRecord>> {
        self.count();
        self.inner.get_token(id).await
    }
    async fn create_group(&self, group: &Group, creator: &UserId, privileges: PrivilegeSet) -> StoreResult<()> {
        self.count();
        self.inner.create_group(group, creator, privileges).await
    }
    async fn get_group(&self, id: &GroupId) -> StoreResult<Option<Group>> {
        self.count();
        self.inner.get_group(id).await
    }
    async fn update_group(&self, id: &GroupId, name: Option<&Name>, kind: Option<GroupType>) -> StoreResult<bool> {
        self.count();
        self.inner.update_group(id, name, kind).await
    }
    async fn delete_group(&self, id: &GroupId) -> StoreResult<Guarded> {
        self.count();
        self.inner.delete_group(id).await
    }
    async fn list_groups(&self) -> StoreResult<Vec<GroupId>> {
        self.count();
        self.inner.list_groups().await
    }
    async fn user_groups(&self, user: &UserId) -> StoreResult<Vec<GroupId>> {
        self.count();
        self.failure()?;
        self.inner.user_groups(user).await
    }
    async fn group_users(&self, group: &GroupId) -> StoreResult<Vec<UserId>> {
        self.count();
        self.inner.group_users(group).await
    }
    async fn list_groups_page(&self, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.count();
        self.inner.list_groups_page(page).await
    }
    async fn user_groups_page(&self, user: &UserId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.count();
        self.failure()?;
        self.inner.user_groups_page(user, page).await
    }
    async fn group_users_page(&self, group: &GroupId, page: PageRequest) -> StoreResult<Page<UserId>> {
        self.count();
        self.later_page(page)?;
        self.inner.group_users_page(group, page).await
    }
    async fn child_groups_page(&self, parent: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.count();
        self.inner.child_groups_page(parent, page).await
    }
    async fn parent_groups_page(&self, child: &GroupId, page: PageRequest) -> StoreResult<Page<GroupId>> {
        self.count();
        self.inner.parent_groups_page(child, page).await
    }
    async fn inherited_users_page(
        &self,
        group: &GroupId,
        joined_after: u64,
        page: PageRequest,
    ) -> StoreResult<Page<(UserId, u64)>> {
        self.count();
        self.later_page(page)?;
        self.inner.inherited_users_page(group, joined_after, page).await
    }
    async fn inherited_groups_page(
        &self,
        user: &UserId,
        joined_after: u64,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        self.count();
        self.inner.inherited_groups_page(user, joined_after, page).await
    }
    async fn group_users_page_with_seq(&self, group: &GroupId, page: PageRequest) -> StoreResult<Page<(UserId, u64)>> {
        self.count();
        self.later_page(page)?;
        self.inner.group_users_page_with_seq(group, page).await
    }
    async fn user_groups_page_with_seq(&self, user: &UserId, page: PageRequest) -> StoreResult<Page<(GroupId, u64)>> {
        self.count();
        self.inner.user_groups_page_with_seq(user, page).await
    }
    async fn child_groups_page_with_seq(
        &self,
        parent: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        self.count();
        self.inner.child_groups_page_with_seq(parent, page).await
    }
    async fn parent_groups_page_with_seq(
        &self,
        child: &GroupId,
        page: PageRequest,
    ) -> StoreResult<Page<(GroupId, u64)>> {
        self.count();
        self.inner.parent_groups_page_with_seq(child, page).await
    }
    async fn membership(&self, group: &GroupId, user: &UserId) -> StoreResult<Option<PrivilegeSet>> {
        self.count();
        self.inner.membership(group, user).await
    }
    async fn set_privileges(&self, group: &GroupId, user: &UserId, privileges: PrivilegeSet) -> StoreResult<Guarded> {
        self.count();
        self.inner.set_privileges(group, user, privileges).await
    }
    async fn remove_member(&self, group: &GroupId, user: &UserId) -> StoreResult<Guarded> {
        self.count();
        self.inner.remove_member(group, user).await
    }
    async fn join_with_token(&self, token_id: &str, user: &UserId) -> StoreResult<JoinOutcome> {
        self.count();
        self.failure()?;
        if let Some(line_up) = &self.line_up {
            line_up.wait().await;
        }
        self.inner.join_with_token(token_id, user).await
    }
    async fn child_groups(&self, parent: &GroupId) -> StoreResult<Vec<GroupId>> {
        self.count();
        self.inner.child_groups(parent).await
    }
    async fn parent_groups(&self, child: &GroupId) -> StoreResult<Vec<GroupId>> {
        self.count();
        self.inner.parent_groups(child).await
    }
    async fn link(&self, parent: &GroupId, child: &GroupId) -> StoreResult<Option<PrivilegeSet>> {
        self.count();
        self.inner.link(parent, child).await
    }
    async fn set_link_privileges(
        &self,
        parent: &GroupId,
        child: &GroupId,
        privileges: PrivilegeSet,
    ) -> StoreResult<Guarded> {
        self.count();
        self.inner.set_link_privileges(parent, child, privileges).await
    }
    async fn unlink(&self, parent: &GroupId, child: &GroupId) -> StoreResult<Guarded> {
        self.count();
        self.inner.unlink(parent, child).await
    }
    async fn link_with_token(&self, token_id: &str, child: &GroupId) -> StoreResult<LinkOutcome> {
        self.count();
        self.inner.link_with_token(token_id, child).await
    }
    async fn effective_privileges_at_least(
        &self,
        group: &GroupId,
        user: &UserId,
        enough: PrivilegeSet,
    ) -> StoreResult<Option<PrivilegeSet>> {
        self.count();
        self.inner.effective_privileges_at_least(group, user, enough).await
    }
    async fn named_tokens(&self, issuer: &UserId, page: PageRequest) -> StoreResult<Page<String>> {
        self.count();
        self.inner.named_tokens(issuer, page).await
    }
    async fn named_token_by_name(&self, issuer: &UserId, name: &str) -> StoreResult<Option<TokenRecord>> {
        self.count();
        self.inner.named_token_by_name(issuer, name).await
    }
    async fn update_named_token(&self, id: &str, update: &NamedTokenUpdate) -> StoreResult<TokenWrite> {
        self.count();
        self.inner.update_named_token(id, update).await
    }
    async fn delete_token(&self, id: &str) -> StoreResult<bool> {
        self.count();
        self.inner.delete_token(id).await
    }
    async fn delete_named_tokens(&self, issuer: &UserId) -> StoreResult<u64> {
        self.count();
        self.inner.delete_named_tokens(issuer).await
    }
    async fn group_invites(&self, group: &GroupId, now_unix: u64, page: PageRequest) -> StoreResult<Page<TokenRecord>> {
        self.count();
        self.inner.group_invites(group, now_unix, page).await
    }
    async fn token_joins(&self, token_id: &str, page: PageRequest) -> StoreResult<Page<JoinRecord>> {
        self.count();
        self.inner.token_joins(token_id, page).await
    }
    async fn member_origin(&self, group: &GroupId, user: &UserId) -> StoreResult<Option<Origin>> {
        self.count();
        self.inner.member_origin(group, user).await
    }
}
