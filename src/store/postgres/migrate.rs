//! PostgreSQL's side of the migrations: the statements, and the `READ COMMITTED` transaction
//! under an advisory lock that keeps instances starting at once from applying one migration
//! twice. The order and the checks are the shared core's (`sql::migrate`).

use deadpool_postgres::{Object, Transaction};
use tokio_postgres::IsolationLevel;

use super::errors::Failure;
use super::retry::retrying;
use super::{PostgresStore, MIGRATIONS, MIGRATION_LOCK};
use crate::store::sql::migrate::{apply_once, Migration, MigrationSteps};
use crate::store::StoreResult;

impl PostgresStore {
    /// Applies the migrations the database lacks, each in its own transaction that takes the
    /// migration lock and only then reads `schema_migrations`. Instances that start at once on a
    /// new database therefore apply each migration once: the others wait for the lock and then
    /// find the version recorded.
    pub(super) async fn migrate(&self) -> StoreResult<()> {
        self.on_connection(MIGRATIONS, |lease, migrations| {
            Box::pin(async move {
                for migration in migrations {
                    retrying(lease, migration, |client, migration| Box::pin(apply(client, migration))).await?;
                }
                Ok(())
            })
        })
        .await
    }
}

/// One migration in one transaction; see `PostgresStore::migrate`.
async fn apply(client: &mut Object, migration: &Migration) -> Result<(), Failure> {
    // READ COMMITTED: each statement after the lock sees what the lock's previous holder
    // committed. (A SERIALIZABLE snapshot would be taken before the lock is granted.)
    let tx = client.build_transaction().isolation_level(IsolationLevel::ReadCommitted).start().await?;
    // The ledger's `CREATE TABLE IF NOT EXISTS` runs in every migration's transaction, and
    // PostgreSQL answers each one after the first with a NOTICE ("already exists, skipping")
    // that the pool logs: ten lines at every start. Warnings and errors still come through.
    tx.batch_execute("SET LOCAL client_min_messages = warning").await?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await?;
    apply_once(&Steps(&tx), migration, MIGRATIONS).await?;
    tx.commit().await?;
    Ok(())
}

/// The statements of one migration, on the migrating transaction.
struct Steps<'a>(&'a Transaction<'a>);

impl MigrationSteps for Steps<'_> {
    type Error = Failure;

    async fn create_ledger(&self) -> Result<(), Failure> {
        Ok(self
            .0
            .batch_execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (
                     version    BIGINT NOT NULL PRIMARY KEY,
                     applied_at BIGINT NOT NULL
                 )",
            )
            .await?)
    }

    async fn newest_applied(&self) -> Result<Option<i64>, Failure> {
        Ok(self.0.query_one("SELECT MAX(version) FROM schema_migrations", &[]).await?.try_get(0)?)
    }

    async fn is_applied(&self, version: i64) -> Result<bool, Failure> {
        let sql = "SELECT 1 FROM schema_migrations WHERE version = $1";
        Ok(self.0.query_opt(sql, &[&version]).await?.is_some())
    }

    async fn apply(&self, migration: &Migration, applied_at: i64) -> Result<(), Failure> {
        self.0.batch_execute(migration.sql).await?;
        let sql = "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)";
        self.0.execute(sql, &[&migration.version, &applied_at]).await?;
        Ok(())
    }
}
