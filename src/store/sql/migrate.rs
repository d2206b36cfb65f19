//! The migration runner's shape, written once for both SQL backends: the ledger table
//! `schema_migrations`, the refusal of a database that a newer build has migrated, and applying
//! a migration once. Each backend supplies the statements (`MigrationSteps`) and the
//! transaction and lock that keep instances starting at once from applying one twice.

use std::time::{SystemTime, UNIX_EPOCH};

use super::RowError;

/// One schema step, embedded in the binary so that the server never runs without its schema.
pub(crate) struct Migration {
    pub(crate) version: i64,
    pub(crate) sql: &'static str,
}

/// The statements of one migration transaction, in a backend's dialect.
pub(crate) trait MigrationSteps {
    type Error: From<RowError>;
    /// `CREATE TABLE IF NOT EXISTS schema_migrations (version, applied_at)`.
    async fn create_ledger(&self) -> Result<(), Self::Error>;
    /// `SELECT MAX(version) FROM schema_migrations`.
    async fn newest_applied(&self) -> Result<Option<i64>, Self::Error>;
    async fn is_applied(&self, version: i64) -> Result<bool, Self::Error>;
    /// Runs the migration's SQL and records its version with `applied_at` (Unix seconds).
    async fn apply(&self, migration: &Migration, applied_at: i64) -> Result<(), Self::Error>;
}

/// Applies `migration` unless the ledger has it, inside the caller's transaction, which must
/// already hold the lock that serialises migrations (so that the ledger read here is current).
/// `all` is every migration this build knows, oldest first.
pub(crate) async fn apply_once<S: MigrationSteps>(
    steps: &S,
    migration: &Migration,
    all: &[Migration],
) -> Result<(), S::Error> {
    steps.create_ledger().await?;
    let newest_known = all.iter().map(|m| m.version).max().unwrap_or(0);
    // A newer build may have changed the schema in ways this one would misread or break.
    if let Some(newer) = steps.newest_applied().await?.filter(|v| *v > newest_known) {
        return Err(RowError(format!(
            "the database has schema version {newer} but this build knows only up to {newest_known}"
        ))
        .into());
    }
    if !steps.is_applied(migration.version).await? {
        steps.apply(migration, unix_now()).await?;
    }
    Ok(())
}

/// Seconds since the epoch; a clock set before 1970 records 0 rather than failing a migration.
fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The versions of `all`, as a fully migrated database's ledger lists them.
#[cfg(test)]
pub(crate) fn versions(all: &[Migration]) -> Vec<i64> {
    all.iter().map(|m| m.version).collect()
}
