//! Named invite tokens and what invites left behind (issue 13, contract §8): creating, reading,
//! renaming, revoking and deleting a user's named tokens, a token's join records, how a member
//! got into its group, and a group's live invites. A named token's serialized form is derived
//! again from the master key on each read; its record holds nothing it could be rebuilt from.

use super::{reader, App, Listing};
use crate::domain::{Error, GroupId, Name, Page, PageRequest, Privilege, PrivilegeSet, User, UserId, ZonePrivilege};
use crate::store::{
    JoinRecord, NamedTokenUpdate, Origin, StoreError, StoreResult, TokenGrant, TokenRecord, TokenWrite,
};
use crate::tokens::caveats::{self, TokenCaveat};
use crate::tokens::{ConsumerId, TokenKind, MAX_PRESENTED_TOKEN_CHARS};

/// Who an invite admits: a user (`userJoinGroup`) or a group (`groupJoinGroup`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InviteKind {
    User,
    Group,
}

impl InviteKind {
    fn token_kind(self) -> TokenKind {
        match self {
            InviteKind::User => TokenKind::GroupInviteUser,
            InviteKind::Group => TokenKind::GroupInviteGroup,
        }
    }

    /// The group privilege that creating such an invite needs.
    fn privilege(self) -> Privilege {
        match self {
            InviteKind::User => Privilege::InviteUser,
            InviteKind::Group => Privilege::InviteGroup,
        }
    }

    /// The kind and group of an invite's grant; `None` for an access token.
    pub fn of(grant: &TokenGrant) -> Option<(InviteKind, &GroupId, PrivilegeSet)> {
        match grant {
            TokenGrant::GroupInviteUser { group, privileges } => Some((InviteKind::User, group, *privileges)),
            TokenGrant::GroupInviteGroup { group, privileges } => Some((InviteKind::Group, group, *privileges)),
            TokenGrant::Access { .. } => None,
        }
    }
}

/// What POST `/user/tokens/named` asks for, parsed.
#[derive(Clone, Debug)]
pub struct NewNamedToken {
    pub name: Name,
    pub kind: InviteKind,
    pub group: GroupId,
    pub caveats: Vec<TokenCaveat>,
    /// `None`: the default member privileges.
    pub privileges: Option<PrivilegeSet>,
    /// `None`: no limit (`"infinity"`, the default for a named invite, as in Onezone 20.02).
    pub usage_limit: Option<u32>,
    /// A JSON object, as text (`{}` when none).
    pub custom_metadata: String,
    pub revoked: bool,
}

/// An invite's record and its caveats, read back from the record.
#[derive(Clone, Debug)]
pub struct InviteView {
    pub record: TokenRecord,
    pub caveats: Vec<TokenCaveat>,
}

/// A named token as its owner reads it: the invite, and its serialized form derived again.
pub struct NamedTokenView {
    pub invite: InviteView,
    pub token: String,
}

/// `Debug` by hand: the token is a bearer credential.
impl std::fmt::Debug for NamedTokenView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NamedTokenView").field("invite", &self.invite).field("token", &"<redacted>").finish()
    }
}

impl InviteView {
    /// The view of a stored record; caveats that do not parse are a broken store.
    fn stored(record: TokenRecord) -> StoreResult<Self> {
        let caveats = stored_caveats(&record)?;
        Ok(Self { record, caveats })
    }
}

/// The caveats a token record holds; ones that do not parse are a broken store.
pub(super) fn stored_caveats(record: &TokenRecord) -> StoreResult<Vec<TokenCaveat>> {
    caveats::caveats_from_json(&record.caveats).map_err(|e| StoreError::Backend(format!("token {}: {e}", record.id)))
}

/// Whether `privileges` go beyond what a member gets by default (creating such an invite then
/// needs `group_set_privileges` too; `store::issuer_needs` asks the same at use).
fn beyond_default(privileges: PrivilegeSet) -> bool {
    privileges.bits() & !PrivilegeSet::default_member().bits() != 0
}

/// The request's caveats for an invite of `kind` at `now`: a deadline already past, or a
/// consumer whitelist naming a kind of consumer that cannot use this kind of invite, is 400.
fn check_caveats(kind: InviteKind, caveats: &[TokenCaveat], now: u64) -> Result<(), Error> {
    for caveat in caveats {
        match caveat {
            TokenCaveat::Time { valid_until } if *valid_until <= now => {
                return Err(Error::InvalidRequest("A time caveat's validUntil must be in the future.".into()));
            }
            TokenCaveat::Consumer(whitelist) => {
                let fits = |entry: &ConsumerId| match kind {
                    InviteKind::User => matches!(entry, ConsumerId::User(_)),
                    InviteKind::Group => matches!(entry, ConsumerId::Group(_)),
                };
                if !whitelist.iter().all(fits) {
                    return Err(Error::InvalidRequest(
                        match kind {
                            InviteKind::User => {
                                "A userJoinGroup token's consumer caveat may name users (usr-<id>) only."
                            }
                            InviteKind::Group => {
                                "A groupJoinGroup token's consumer caveat may name groups (grp-<id>) only."
                            }
                        }
                        .into(),
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

impl App {
    /// Creates a named invite (POST `/user/tokens/named`) and returns its id and serialized
    /// form. The caller needs the invite privilege of its kind in the group, or the zone
    /// privilege `oz_groups_add_members` (what the mint operations accept); for privileges
    /// beyond the default, what `store::issuer_needs` asks, the very check made at use:
    /// `group_set_privileges` too, or the zone's `set_privileges` with `oz_groups_add_members`.
    pub async fn create_named_token(&self, caller: &User, new: NewNamedToken) -> Result<(String, String), Error> {
        let now = self.clock.now_unix();
        check_caveats(new.kind, &new.caveats, now)?;
        if new.usage_limit == Some(0) {
            return Err(Error::InvalidRequest("The usageLimit must be at least 1, or \"infinity\".".into()));
        }
        let zone = Some(ZonePrivilege::GroupsAddMembers);
        self.authorize(caller, &new.group, new.kind.privilege(), zone).await?;
        let privileges = new.privileges.unwrap_or_else(PrivilegeSet::default_member);
        let grant = match new.kind {
            InviteKind::User => TokenGrant::GroupInviteUser { group: new.group.clone(), privileges },
            InviteKind::Group => TokenGrant::GroupInviteGroup { group: new.group.clone(), privileges },
        };
        let minted = self.tokens.mint_with_caveats(new.kind.token_kind(), &new.caveats);
        if minted.token.len() > MAX_PRESENTED_TOKEN_CHARS {
            return Err(Error::InvalidRequest(format!(
                "With these caveats the token would be {} characters long, and a join takes at most \
                 {MAX_PRESENTED_TOKEN_CHARS}: give fewer or shorter caveats.",
                minted.token.len()
            )));
        }
        let record = TokenRecord {
            id: minted.identifier.clone(),
            grant,
            max_uses: new.usage_limit,
            uses: 0,
            revoked: new.revoked,
            created_at: now,
            issuer: Some(caller.id.clone()),
            name: Some(new.name.as_str().to_owned()),
            caveats: caveats::caveats_to_json(&new.caveats),
            valid_until: caveats::valid_until(&new.caveats),
            custom_metadata: new.custom_metadata,
        };
        if beyond_default(privileges) && !self.issuer_allowed(&record, &new.group).await? {
            return Err(Error::Forbidden(
                "You lack the group_set_privileges privilege (or the zone privileges oz_groups_add_members and \
                 set_privileges), which an invite carrying privileges beyond the default needs."
                    .into(),
            ));
        }
        match self.store.insert_token(&record).await? {
            TokenWrite::Done => Ok((minted.identifier.clone(), minted.token.clone())),
            TokenWrite::NameTaken => Err(name_taken()),
            TokenWrite::Missing => Err(Error::internal("inserting a token answered Missing")),
        }
    }

    /// The ids of the caller's named tokens, in creation order: all, or one page.
    pub async fn named_tokens(&self, caller: &User, page: Option<PageRequest>) -> Result<Listing<String>, Error> {
        self.listing(page, reader!(self.store, caller.id, |s, issuer, p| s.named_tokens(&issuer, p))).await
    }

    /// One of the caller's named tokens, with its serialized form; anyone else's is `NotFound`.
    pub async fn named_token(&self, caller: &User, id: &str) -> Result<NamedTokenView, Error> {
        let record = self.owned_named_token(caller, id).await?;
        self.with_token(record)
    }

    /// The caller's named token called `name`.
    pub async fn named_token_by_name(&self, caller: &User, name: &Name) -> Result<NamedTokenView, Error> {
        let record = self.store.named_token_by_name(&caller.id, name.as_str()).await?.ok_or(Error::NotFound)?;
        self.with_token(record)
    }

    /// Renames, revokes or un-revokes one of the caller's named tokens, or replaces its custom
    /// metadata. A revocation counts for every join that starts after it.
    pub async fn update_named_token(&self, caller: &User, id: &str, update: NamedTokenUpdate) -> Result<(), Error> {
        self.owned_named_token(caller, id).await?;
        match self.store.update_named_token(id, &update).await? {
            TokenWrite::Done => Ok(()),
            TokenWrite::Missing => Err(Error::NotFound),
            TokenWrite::NameTaken => Err(name_taken()),
        }
    }

    /// Deletes one of the caller's named tokens with its join records.
    pub async fn delete_named_token(&self, caller: &User, id: &str) -> Result<(), Error> {
        self.owned_named_token(caller, id).await?;
        let deleted = self.store.delete_token(id).await?;
        deleted.then_some(()).ok_or(Error::NotFound)
    }

    /// Deletes all the caller's named tokens.
    pub async fn delete_named_tokens(&self, caller: &User) -> Result<(), Error> {
        self.store.delete_named_tokens(&caller.id).await?;
        Ok(())
    }

    /// Who joined with the invite `id`, in order: for its issuer, or a caller holding
    /// `group_view_data` in its group (or the zone privilege `oz_groups_list_users`); for anyone
    /// else the invite does not exist (`NotFound`, or `Forbidden` for a member of its group
    /// lacking the privilege, as everywhere in a group).
    pub async fn token_joins(
        &self,
        caller: &User,
        id: &str,
        page: Option<PageRequest>,
    ) -> Result<Listing<JoinRecord>, Error> {
        let record = self.store.get_token(id).await?.ok_or(Error::NotFound)?;
        let (_, group, _) = InviteKind::of(&record.grant).ok_or(Error::NotFound)?;
        if record.issuer.as_ref() != Some(&caller.id) {
            self.authorize(caller, group, Privilege::ViewData, Some(ZonePrivilege::GroupsListUsers)).await?;
        }
        let id = id.to_owned();
        self.listing(page, reader!(self.store, id, |s, id, p| s.token_joins(&id, p))).await
    }

    /// How direct member `user` got into `group`; needs what reading that member needs.
    pub async fn member_origin(&self, caller: &User, group: &GroupId, user: &UserId) -> Result<Origin, Error> {
        self.authorize(caller, group, Privilege::ViewData, Some(ZonePrivilege::GroupsListUsers)).await?;
        self.store.member_origin(group, user).await?.ok_or(Error::NotFound)
    }

    /// `group`'s live invites (not revoked, a use left, not expired), named or not, in creation
    /// order, without their serialized form: for holders of `group_invite_user` there (or the
    /// zone privilege `oz_groups_add_members`).
    pub async fn group_invites(
        &self,
        caller: &User,
        group: &GroupId,
        page: Option<PageRequest>,
    ) -> Result<Listing<InviteView>, Error> {
        self.authorize(caller, group, Privilege::InviteUser, Some(ZonePrivilege::GroupsAddMembers)).await?;
        // Live as of the request, for every chunk of a whole list.
        let key = (group.clone(), self.clock.now_unix());
        let read = reader!(self.store, key, |s, (group, now), p| async move {
            let found = s.group_invites(&group, now, p).await?;
            let items = found.items.into_iter().map(InviteView::stored).collect::<StoreResult<_>>()?;
            Ok(Page { items, next: found.next })
        });
        self.listing(page, read).await
    }

    /// The caller's named token `id`; `NotFound` for an unknown token, an unnamed one, or
    /// another user's.
    async fn owned_named_token(&self, caller: &User, id: &str) -> Result<TokenRecord, Error> {
        let record = self.store.get_token(id).await?;
        record.filter(|r| r.name.is_some() && r.issuer.as_ref() == Some(&caller.id)).ok_or(Error::NotFound)
    }

    /// The view of a named invite with its serialized form, derived again from the master key,
    /// the identifier, the kind and the stored caveats in their order: the very string its
    /// creation returned.
    fn with_token(&self, record: TokenRecord) -> Result<NamedTokenView, Error> {
        let (kind, ..) = InviteKind::of(&record.grant)
            .ok_or_else(|| Error::internal(format!("named token {} is not an invite", record.id)))?;
        let invite = InviteView::stored(record)?;
        let token = self.tokens.derive(&invite.record.id, kind.token_kind(), &invite.caveats);
        Ok(NamedTokenView { invite, token })
    }
}

fn name_taken() -> Error {
    Error::AlreadyExists("You already have a named token with this name.".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_past_deadline_and_a_consumer_of_the_wrong_kind_are_refused() {
        let time = |t| TokenCaveat::Time { valid_until: t };
        assert!(check_caveats(InviteKind::User, &[time(11)], 10).is_ok());
        assert!(matches!(check_caveats(InviteKind::User, &[time(10)], 10), Err(Error::InvalidRequest(_))));
        let users = TokenCaveat::Consumer(vec![ConsumerId::User("u".into())]);
        let groups = TokenCaveat::Consumer(vec![ConsumerId::Group("g".into())]);
        assert!(check_caveats(InviteKind::User, std::slice::from_ref(&users), 0).is_ok());
        assert!(check_caveats(InviteKind::Group, std::slice::from_ref(&groups), 0).is_ok());
        assert!(matches!(check_caveats(InviteKind::User, &[groups], 0), Err(Error::InvalidRequest(_))));
        assert!(matches!(check_caveats(InviteKind::Group, &[users], 0), Err(Error::InvalidRequest(_))));
    }

    #[test]
    fn only_privileges_beyond_the_default_need_group_set_privileges() {
        assert!(!beyond_default(PrivilegeSet::default_member()));
        assert!(!beyond_default(PrivilegeSet::default()));
        assert!(beyond_default(PrivilegeSet::from_iter([Privilege::InviteUser])));
    }
}
