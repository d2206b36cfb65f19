//! Reading SQLite rows into the shared core's row types, and the statements several calls use.

use rusqlite::{params, Connection, OptionalExtension};

use super::errors::Failure;
use crate::domain::PrivilegeSet;
use crate::store::sql::{
    read_token_row, read_user_row, token_columns, token_named_columns, RowError, TokenRow, UserRow,
};
use crate::store::TokenRecord;

/// The four user columns `id, name, alias, login` starting at column `at`.
pub(super) fn user_row(row: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<UserRow> {
    Ok(read_user_row!(row, get, at))
}

/// The token columns (`token_columns!()`, then `token_named_columns!()`) from column 0.
pub(super) fn token_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<TokenRow> {
    Ok(read_token_row!(row, get, named))
}

pub(super) fn get_token_in(conn: &Connection, id: &str) -> Result<Option<TokenRecord>, Failure> {
    let sql = concat!("SELECT ", token_columns!(), ", ", token_named_columns!(), " FROM tokens WHERE id = ?1");
    let row = conn.prepare_cached(sql)?.query_row([id], token_row).optional()?;
    Ok(row.map(TokenRow::decode).transpose()?)
}

/// Reads a one-column list of ids in the order the query gives.
pub(super) fn id_list<T>(
    conn: &Connection,
    sql: &str,
    key: &[&str],
    parse: fn(String) -> Result<T, RowError>,
) -> Result<Vec<T>, Failure> {
    let mut stmt = conn.prepare_cached(sql)?;
    let raw = stmt
        .query_map(rusqlite::params_from_iter(key), |row| row.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(raw.into_iter().map(parse).collect::<Result<_, _>>()?)
}

/// How a new membership is made, as its `origin` columns record it (migration 0008).
#[derive(Clone, Copy, Debug)]
pub(super) enum MemberOrigin<'a> {
    Created,
    /// `issuer` is `None` for an invite older than migration 0008.
    Invite {
        token: &'a str,
        issuer: Option<&'a str>,
    },
    Added {
        by: &'a str,
    },
}

impl<'a> MemberOrigin<'a> {
    /// The `origin`, `origin_token` and `origin_by` columns.
    fn columns(self) -> (&'static str, Option<&'a str>, Option<&'a str>) {
        match self {
            MemberOrigin::Created => ("created", None, None),
            MemberOrigin::Invite { token, issuer } => ("invite", Some(token), issuer),
            MemberOrigin::Added { by } => ("added", None, Some(by)),
        }
    }
}

/// Adds a membership with the next membership sequence number. The caller holds the write lock
/// (an IMMEDIATE transaction), so reading `MAX(seq)` and inserting cannot interleave with another
/// writer; `seq` is the table's primary key (0011), which would refuse a repeat if it somehow came.
pub(super) fn insert_membership(
    tx: &Connection,
    group: &str,
    user: &str,
    privileges: PrivilegeSet,
    origin: MemberOrigin<'_>,
) -> Result<(), Failure> {
    let (origin, token, by) = origin.columns();
    tx.prepare_cached(
        "INSERT INTO memberships (group_id, user_id, privileges, seq, origin, origin_token, origin_by)
         VALUES (?1, ?2, ?3, (SELECT COALESCE(MAX(seq), 0) + 1 FROM memberships), ?4, ?5, ?6)",
    )?
    .execute(params![group, user, privileges.bits(), origin, token, by])?;
    Ok(())
}
