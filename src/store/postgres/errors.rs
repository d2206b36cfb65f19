//! PostgreSQL's errors: what `?` collects inside a call, and how the database's and the pool's
//! errors become a `StoreError` (a 503 to retry later, or a fault).

use deadpool_postgres::PoolError;

use crate::store::sql::{self, SqlError};
use crate::store::StoreError;

/// What can go wrong inside a call: the database, or a row that does not decode into domain
/// values.
pub(super) type Failure = sql::Failure<tokio_postgres::Error>;

impl SqlError for tokio_postgres::Error {
    fn classify(self) -> StoreError {
        pg_error(&self)
    }
}

/// SQLSTATEs that mean "try again later": the connection (`08…`), a server shutting down or
/// starting (`57P0…`), a statement cancelled (`57014`: the statement timeout, most often a
/// statement stuck behind another transaction's lock, or an operator's `pg_cancel_backend`), a
/// lock not granted in time (`55P03`, a `lock_timeout` the operator set), and a serialization
/// failure or deadlock (`40001`, `40P01`) that is still there after `MAX_ATTEMPTS` tries: the
/// database is too slow or too contended right now, which is the caller's 503 with
/// `Retry-After`, as for a database that stops answering (the call timeout), not a fault (500).
/// Nothing of the failed transaction stays.
pub(super) fn unavailable_code(code: &str) -> bool {
    code.starts_with("08") || matches!(code, "57P01" | "57P02" | "57P03" | "57014" | "55P03" | "40001" | "40P01")
}

/// Sorts the database's errors into "try again later" (`unavailable_code`, or a connection that
/// cannot be made or was lost) and "something is wrong".
///
/// A server error is described by its message and SQLSTATE only: its DETAIL may quote key
/// values (`Key (id)=(…) already exists`), and a key may be a token identifier. The messages
/// themselves name constraints and columns; this store binds no token identifier where a
/// message would quote it (a type conversion).
pub(super) fn pg_error(e: &tokio_postgres::Error) -> StoreError {
    if let Some(db) = e.as_db_error() {
        let code = db.code().code();
        let text = format!("{} (SQLSTATE {code})", db.message());
        return if unavailable_code(code) { StoreError::Unavailable(text) } else { StoreError::Backend(text) };
    }
    // Not a server error: tokio-postgres's own message (its kind, then the I/O cause), which
    // holds no query parameter. Its kinds are private; their fixed texts are not.
    let text = e.to_string();
    let lost = ["error connecting to server", "error communicating with the server", "timeout waiting for server"];
    if e.is_closed() || lost.iter().any(|prefix| text.starts_with(prefix)) {
        StoreError::Unavailable(text)
    } else {
        StoreError::Backend(text)
    }
}

pub(super) fn pool_error(e: PoolError) -> StoreError {
    match e {
        PoolError::Backend(e) => pg_error(&e),
        PoolError::Timeout(_) => StoreError::Unavailable(format!("no database connection: {e}")),
        PoolError::Closed => StoreError::Unavailable("the connection pool is closed".into()),
        PoolError::PostCreateHook(deadpool_postgres::HookError::Backend(e)) => pg_error(&e),
        other => StoreError::Backend(format!("the connection pool failed: {other}")),
    }
}
