//! The SQL core that the SQLite and PostgreSQL backends share: how token kinds are spelt in the
//! `tokens` table, how stored rows decode into domain values, the join's decision order and the
//! migration runner's shape. It runs no SQL itself: each backend supplies its dialect and its
//! connection handling through the small traits in `join` and `migrate`.

pub(crate) mod join;
pub(crate) mod migrate;
pub(crate) mod nested;
pub(crate) mod pages;
mod rows;
pub(crate) mod zone;

use super::StoreError;

pub(crate) use rows::{
    group_id, privileges, read_token_row, read_user_row, token_columns, token_named_columns, user_id, GroupRow,
    TokenRow, UserRow,
};

/// The `tokens.kind` of an access token.
pub(crate) const KIND_ACCESS: &str = "access";
/// The `tokens.kind` of an invite that adds its bearer to a group.
pub(crate) const KIND_GROUP_INVITE_USER: &str = "group_invite_user";
/// A nested-group invite (issue 12): `group_id` is the parent the joining group goes into.
pub(crate) const KIND_GROUP_INVITE_GROUP: &str = "group_invite_group";

/// A stored value that does not decode into a domain value, or a value that cannot be stored.
/// Its message never quotes the value: it might be a token identifier.
#[derive(Debug)]
pub(crate) struct RowError(pub(crate) String);

/// What can go wrong inside a backend's call: the database (`E` is the driver's error), or a row
/// that does not decode into domain values. Keeping both lets `?` work on either inside the
/// closures and steps.
#[derive(Debug)]
pub(crate) enum Failure<E> {
    Sql(E),
    Row(String),
}

/// A driver's error, which its backend sorts into "try again later" (`Unavailable`) and
/// "something is wrong" (`Backend`).
pub(crate) trait SqlError {
    fn classify(self) -> StoreError;
}

impl<E: SqlError> From<E> for Failure<E> {
    fn from(e: E) -> Self {
        Failure::Sql(e)
    }
}

impl<E> From<RowError> for Failure<E> {
    fn from(e: RowError) -> Self {
        Failure::Row(e.0)
    }
}

impl<E: SqlError> From<Failure<E>> for StoreError {
    fn from(f: Failure<E>) -> Self {
        match f {
            Failure::Sql(e) => e.classify(),
            Failure::Row(what) => StoreError::Backend(what),
        }
    }
}
