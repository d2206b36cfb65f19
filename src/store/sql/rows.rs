//! Stored rows as plain SQL values, and their decoding into domain values. Rows are read as plain
//! values first and decoded afterwards, so that a value the domain rejects becomes a `Backend`
//! error rather than a panic. Decoding messages never quote the stored value: it might be a token
//! identifier.

use super::{RowError, KIND_ACCESS, KIND_GROUP_INVITE_GROUP, KIND_GROUP_INVITE_USER};
use crate::domain::{Group, GroupId, GroupType, Login, Name, PrivilegeSet, User, UserId};
use crate::store::{TokenGrant, TokenRecord};

pub(crate) fn user_id(raw: String) -> Result<UserId, RowError> {
    UserId::parse_owned(raw).ok_or_else(|| RowError("a stored user id is malformed".into()))
}

pub(crate) fn group_id(raw: String) -> Result<GroupId, RowError> {
    GroupId::parse_owned(raw).ok_or_else(|| RowError("a stored group id is malformed".into()))
}

fn name(raw: String, what: &str) -> Result<Name, RowError> {
    Name::parse_stored(&raw, what).map_err(|_| RowError(format!("a stored {what} is not valid")))
}

fn group_type(raw: &str) -> Result<GroupType, RowError> {
    GroupType::parse(raw).ok_or_else(|| RowError("a stored group type is unknown".into()))
}

pub(crate) fn privileges(raw: i64) -> Result<PrivilegeSet, RowError> {
    u32::try_from(raw).map(PrivilegeSet::from_bits).map_err(|_| RowError("stored privileges are out of range".into()))
}

fn count(raw: i64, what: &str) -> Result<u32, RowError> {
    u32::try_from(raw).map_err(|_| RowError(format!("a stored {what} is out of range")))
}

/// The token columns, in `TokenRow`'s order, as a literal for `concat!` into a statement's text.
macro_rules! token_columns {
    () => {
        "id, kind, user_id, group_id, privileges, max_uses, uses, revoked, created_at"
    };
}

/// The named-token columns of issue 13 (migration 0008), in `TokenRow`'s order; a statement that
/// reads them selects them right after `token_columns!()` (columns 9 to 13).
macro_rules! token_named_columns {
    () => {
        "issuer_id, name, caveats, valid_until, custom_metadata"
    };
}

/// A `TokenRow` from the columns `token_columns!()` names, read from `$row` at columns 0 to 8
/// with the driver's getter `$get` (rusqlite's `get`, tokio-postgres's `try_get`) and `?`. With
/// `named`, also `token_named_columns!()` at columns 9 to 13; without, the row has no issuer, no
/// name, no caveats and no metadata (a backend that does not read them yet).
macro_rules! read_token_row {
    ($row:expr, $get:ident, named) => {
        $crate::store::sql::TokenRow {
            issuer_id: $row.$get(9)?,
            name: $row.$get(10)?,
            caveats: $row.$get(11)?,
            valid_until: $row.$get(12)?,
            custom_metadata: $row.$get(13)?,
            ..$crate::store::sql::read_token_row!($row, $get)
        }
    };
    ($row:expr, $get:ident) => {
        $crate::store::sql::TokenRow {
            id: $row.$get(0)?,
            kind: $row.$get(1)?,
            user_id: $row.$get(2)?,
            group_id: $row.$get(3)?,
            privileges: $row.$get(4)?,
            max_uses: $row.$get(5)?,
            uses: $row.$get(6)?,
            revoked: $row.$get(7)?,
            created_at: $row.$get(8)?,
            issuer_id: None,
            name: None,
            caveats: "[]".to_owned(),
            valid_until: None,
            custom_metadata: "{}".to_owned(),
        }
    };
}

/// A `UserRow` from the five user columns starting at column `$at` of `$row`, read like
/// `read_token_row!` reads.
macro_rules! read_user_row {
    ($row:expr, $get:ident, $at:expr) => {
        $crate::store::sql::UserRow {
            id: $row.$get($at)?,
            name: $row.$get($at + 1)?,
            alias: $row.$get($at + 2)?,
            login: $row.$get($at + 3)?,
        }
    };
}

pub(crate) use {read_token_row, read_user_row, token_columns, token_named_columns};

/// The user columns `id, name, alias, login`, in that order wherever they are selected.
pub(crate) struct UserRow {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) alias: Option<String>,
    pub(crate) login: String,
}

impl UserRow {
    pub(crate) fn decode(self) -> Result<User, RowError> {
        Ok(User {
            id: user_id(self.id)?,
            login: Login::parse_stored(&self.login).map_err(|_| RowError("a stored login is not valid".into()))?,
            name: name(self.name, "user name")?,
            alias: self.alias.map(|a| name(a, "alias")).transpose()?,
        })
    }
}

/// The group columns `id, name, type`.
pub(crate) struct GroupRow {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) kind: String,
}

impl GroupRow {
    pub(crate) fn decode(self) -> Result<Group, RowError> {
        Ok(Group { id: group_id(self.id)?, name: name(self.name, "group name")?, kind: group_type(&self.kind)? })
    }
}

/// The token columns `id, kind, user_id, group_id, privileges, max_uses, uses, revoked,
/// created_at`, then `issuer_id, name, caveats, valid_until, custom_metadata`, in that order
/// wherever they are selected or inserted.
pub(crate) struct TokenRow {
    pub(crate) id: String,
    pub(crate) kind: String,
    pub(crate) user_id: Option<String>,
    pub(crate) group_id: Option<String>,
    pub(crate) privileges: Option<i64>,
    pub(crate) max_uses: Option<i64>,
    pub(crate) uses: i64,
    pub(crate) revoked: bool,
    pub(crate) created_at: i64,
    pub(crate) issuer_id: Option<String>,
    pub(crate) name: Option<String>,
    pub(crate) caveats: String,
    pub(crate) valid_until: Option<i64>,
    pub(crate) custom_metadata: String,
}

impl TokenRow {
    /// The row that stores `record`.
    pub(crate) fn encode(record: &TokenRecord) -> Result<TokenRow, RowError> {
        let (kind, user_id, group_id, privileges) = match &record.grant {
            TokenGrant::Access { user } => (KIND_ACCESS, Some(user.as_str().to_owned()), None, None),
            TokenGrant::GroupInviteUser { group, privileges } => {
                (KIND_GROUP_INVITE_USER, None, Some(group.as_str().to_owned()), Some(i64::from(privileges.bits())))
            }
            TokenGrant::GroupInviteGroup { group, privileges } => {
                (KIND_GROUP_INVITE_GROUP, None, Some(group.as_str().to_owned()), Some(i64::from(privileges.bits())))
            }
        };
        let created_at =
            i64::try_from(record.created_at).map_err(|_| RowError("a token creation time is out of range".into()))?;
        Ok(TokenRow {
            id: record.id.clone(),
            kind: kind.to_owned(),
            user_id,
            group_id,
            privileges,
            max_uses: record.max_uses.map(i64::from),
            uses: i64::from(record.uses),
            revoked: record.revoked,
            created_at,
            issuer_id: record.issuer.as_ref().map(|u| u.as_str().to_owned()),
            name: record.name.clone(),
            caveats: record.caveats.clone(),
            valid_until: record
                .valid_until
                .map(i64::try_from)
                .transpose()
                .map_err(|_| RowError("a token's deadline is out of range".into()))?,
            custom_metadata: record.custom_metadata.clone(),
        })
    }

    pub(crate) fn decode(self) -> Result<TokenRecord, RowError> {
        let missing = |what: &str| RowError(format!("a stored {what} token lacks its {what}"));
        let grant = match self.kind.as_str() {
            KIND_ACCESS => TokenGrant::Access { user: user_id(self.user_id.ok_or_else(|| missing("user"))?)? },
            KIND_GROUP_INVITE_USER => TokenGrant::GroupInviteUser {
                group: group_id(self.group_id.ok_or_else(|| missing("group"))?)?,
                privileges: privileges(self.privileges.ok_or_else(|| missing("privileges"))?)?,
            },
            KIND_GROUP_INVITE_GROUP => TokenGrant::GroupInviteGroup {
                group: group_id(self.group_id.ok_or_else(|| missing("group"))?)?,
                privileges: privileges(self.privileges.ok_or_else(|| missing("privileges"))?)?,
            },
            _ => return Err(RowError("a stored token has an unknown kind".into())),
        };
        Ok(TokenRecord {
            id: self.id,
            grant,
            max_uses: self.max_uses.map(|m| count(m, "token use limit")).transpose()?,
            uses: count(self.uses, "token use count")?,
            revoked: self.revoked,
            created_at: u64::try_from(self.created_at)
                .map_err(|_| RowError("a stored token creation time is negative".into()))?,
            issuer: self.issuer_id.map(user_id).transpose()?,
            name: self.name,
            caveats: self.caveats,
            valid_until: self
                .valid_until
                .map(u64::try_from)
                .transpose()
                .map_err(|_| RowError("a stored token deadline is negative".into()))?,
            custom_metadata: self.custom_metadata,
        })
    }
}
