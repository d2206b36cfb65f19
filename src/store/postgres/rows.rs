//! Running PostgreSQL's prepared statements, reading its rows into the shared core's row types,
//! and the statements several calls use.

use deadpool_postgres::{GenericClient, Object, Transaction};
use tokio_postgres::types::ToSql;
use tokio_postgres::Row;

use super::errors::Failure;
use crate::domain::PrivilegeSet;
use crate::store::sql::{
    read_token_row, read_user_row, token_columns, token_named_columns, RowError, TokenRow, UserRow,
};
use crate::store::TokenRecord;

/// Runs a prepared (and cached per connection) statement that returns at most one row.
pub(super) async fn query_opt<C: GenericClient>(
    client: &C,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Option<Row>, Failure> {
    let statement = client.prepare_cached(sql).await?;
    Ok(client.query_opt(&statement, params).await?)
}

/// Runs a prepared (and cached per connection) statement that returns exactly one row.
pub(super) async fn query_one<C: GenericClient>(
    client: &C,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Row, Failure> {
    let statement = client.prepare_cached(sql).await?;
    Ok(client.query_one(&statement, params).await?)
}

pub(super) async fn query<C: GenericClient>(
    client: &C,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Vec<Row>, Failure> {
    let statement = client.prepare_cached(sql).await?;
    Ok(client.query(&statement, params).await?)
}

/// Runs a prepared statement and returns how many rows it changed.
pub(super) async fn execute<C: GenericClient>(
    client: &C,
    sql: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<u64, Failure> {
    let statement = client.prepare_cached(sql).await?;
    Ok(client.execute(&statement, params).await?)
}

/// The four user columns `id, name, alias, login` starting at column `at`.
pub(super) fn user_row(row: &Row, at: usize) -> Result<UserRow, Failure> {
    Ok(read_user_row!(row, try_get, at))
}

/// The token columns (`token_columns!()`, then `token_named_columns!()`) from column 0.
pub(super) fn token_row(row: &Row) -> Result<TokenRow, Failure> {
    Ok(read_token_row!(row, try_get, named))
}

pub(super) async fn get_token_in<C: GenericClient>(client: &C, id: &str) -> Result<Option<TokenRecord>, Failure> {
    let sql = concat!("SELECT ", token_columns!(), ", ", token_named_columns!(), " FROM tokens WHERE id = $1");
    let row = query_opt(client, sql, &[&id]).await?;
    let Some(row) = row else { return Ok(None) };
    Ok(Some(token_row(&row)?.decode()?))
}

/// Reads a one-column list of ids in the order the query gives.
pub(super) async fn id_list<T>(
    client: &Object,
    sql: &str,
    key: &[&(dyn ToSql + Sync)],
    parse: fn(String) -> Result<T, RowError>,
) -> Result<Vec<T>, Failure> {
    let rows = query(client, sql, key).await?;
    rows.iter().map(|row| Ok(parse(row.try_get(0)?)?)).collect()
}

/// Adds a membership made without an invite, with its origin: `'created'` (`by` `None`) or
/// `'added'` by `by`.
pub(super) async fn insert_membership(
    tx: &Transaction<'_>,
    group: &str,
    user: &str,
    privileges: PrivilegeSet,
    by: Option<&str>,
) -> Result<(), Failure> {
    let origin = if by.is_some() { "added" } else { "created" };
    execute(
        tx,
        "INSERT INTO memberships (group_id, user_id, privileges, origin, origin_by) VALUES ($1, $2, $3, $4, $5)",
        &[&group, &user, &i64::from(privileges.bits()), &origin, &by],
    )
    .await?;
    Ok(())
}
