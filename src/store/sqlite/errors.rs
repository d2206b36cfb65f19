//! SQLite's errors: what `?` collects inside a call, and how it becomes a `StoreError`.

use rusqlite::ErrorCode;

use crate::store::sql::{self, SqlError};
use crate::store::StoreError;

/// What can go wrong inside a blocking call: SQLite itself, or a row that does not decode into
/// domain values.
pub(super) type Failure = sql::Failure<rusqlite::Error>;

impl SqlError for rusqlite::Error {
    fn classify(self) -> StoreError {
        sql_error(self)
    }
}

/// Sorts SQLite's errors into "try again later" and "something is wrong". rusqlite's messages
/// quote SQLite's text and our SQL, never bound parameters, so no token identifier leaks here.
pub(super) fn sql_error(e: rusqlite::Error) -> StoreError {
    let transient = match &e {
        rusqlite::Error::SqliteFailure(failure, _) => matches!(
            failure.code,
            ErrorCode::DatabaseBusy
                | ErrorCode::DatabaseLocked
                | ErrorCode::CannotOpen
                | ErrorCode::ReadOnly
                | ErrorCode::DiskFull
                | ErrorCode::SystemIoFailure
        ),
        _ => false,
    };
    if transient {
        StoreError::Unavailable(e.to_string())
    } else {
        StoreError::Backend(e.to_string())
    }
}
