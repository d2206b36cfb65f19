//! SQLite's side of the migrations: the statements, and the `BEGIN IMMEDIATE` transaction that
//! keeps two processes from applying one migration twice. The order and the checks are the
//! shared core's (`sql::migrate`).

use rusqlite::{params, Connection, TransactionBehavior};

use super::errors::{sql_error, Failure};
use super::{finished, MIGRATIONS};
use crate::store::sql::migrate::{apply_once, Migration, MigrationSteps};
use crate::store::StoreResult;

/// Applies the migrations the file lacks, each in its own `BEGIN IMMEDIATE` transaction that
/// re-reads `schema_migrations` after taking the write lock. Two processes opening the same new
/// file therefore apply each migration once: the second waits for the first's lock and then
/// finds the version recorded.
pub(super) fn migrate(conn: &mut Connection) -> StoreResult<()> {
    for migration in MIGRATIONS {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sql_error)?;
        finished(apply_once(&Steps(&tx), migration, MIGRATIONS))?;
        tx.commit().map_err(sql_error)?;
    }
    Ok(())
}

/// The statements of one migration, on the migrating transaction.
struct Steps<'a>(&'a Connection);

impl MigrationSteps for Steps<'_> {
    type Error = Failure;

    async fn create_ledger(&self) -> Result<(), Failure> {
        Ok(self.0.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_migrations (
                 version    INTEGER PRIMARY KEY,
                 applied_at INTEGER
             )",
        )?)
    }

    async fn newest_applied(&self) -> Result<Option<i64>, Failure> {
        Ok(self.0.query_row("SELECT MAX(version) FROM schema_migrations", [], |r| r.get(0))?)
    }

    async fn is_applied(&self, version: i64) -> Result<bool, Failure> {
        let sql = "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?1)";
        Ok(self.0.query_row(sql, [version], |r| r.get(0))?)
    }

    async fn apply(&self, migration: &Migration, applied_at: i64) -> Result<(), Failure> {
        self.0.execute_batch(migration.sql)?;
        self.0.execute(
            "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
            params![migration.version, applied_at],
        )?;
        Ok(())
    }
}
