//! Start-up: builds the application from configuration (store, master key, token codec) and
//! runs the server. `main` and the integration tests go through the same steps.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use tokio::net::TcpListener;

use crate::config::{write_secret_file, Database, StoreArgs, ZONE_NAME};
use crate::domain::Name;
use crate::http::conn::{self, ConnectionStats};
use crate::http::{server, Gate};
use crate::service::{App, SystemClock};
use crate::store::{memory::MemoryStore, postgres::PostgresStore, sqlite::SqliteStore, Store};
use crate::tokens::TokenCodec;

/// Opens the configured store (creating and migrating it as needed) and the token codec.
pub async fn build_app(args: &StoreArgs) -> anyhow::Result<App> {
    let store: Arc<dyn Store> = match args.database()? {
        Database::Memory => Arc::new(MemoryStore::new()),
        Database::Sqlite(path) => {
            let store = tokio::task::spawn_blocking(move || SqliteStore::open(&path)).await??;
            Arc::new(store)
        }
        // Connects and applies pending migrations (safe when several instances start at once).
        Database::Postgres(url) => Arc::new(PostgresStore::connect(&url).await?),
    };
    let codec = TokenCodec::new(args.master_key()?, ZONE_NAME);
    Ok(App::new(store, codec, Arc::new(SystemClock)))
}

/// On an empty store, creates the zone admin `admin` and writes its access token to
/// `<data-dir>/admin.token`. Returns the admin token when there is one on file.
pub async fn bootstrap_admin(app: &App, data_dir: &Path) -> anyhow::Result<Option<String>> {
    let token_file = data_dir.join("admin.token");
    if app.store().count_users().await? == 0 {
        let name = Name::parse("admin", "name").map_err(|e| anyhow::anyhow!("{e}"))?;
        let (_, token) =
            app.create_user(name, true).await.map_err(|e| anyhow::anyhow!("cannot create the admin: {e}"))?;
        std::fs::create_dir_all(data_dir)?;
        write_secret_file(&token_file, &token).with_context(|| format!("cannot write {}", token_file.display()))?;
        tracing::info!("created the zone admin `admin`");
        return Ok(Some(token));
    }
    Ok(std::fs::read_to_string(&token_file).ok().map(|t| t.trim().to_owned()))
}

/// Binds `listen` (port 0 picks a free port; the listener knows which).
pub async fn bind(listen: &str) -> anyhow::Result<TcpListener> {
    TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))
}

/// Serves the API on `listener` until `shutdown` resolves, with the default connection
/// settings (`conn::Settings::default`).
pub async fn serve(
    listener: TcpListener,
    app: App,
    shutdown: impl std::future::Future<Output = ()>,
) -> anyhow::Result<()> {
    serve_with(listener, app, conn::Settings::default(), ConnectionStats::default(), shutdown).await
}

/// `serve` with connection settings, and the counters the caller may read while it runs.
pub async fn serve_with(
    listener: TcpListener,
    app: App,
    settings: conn::Settings,
    stats: ConnectionStats,
    shutdown: impl std::future::Future<Output = ()>,
) -> anyhow::Result<()> {
    let gate = Gate::new(app)?;
    tracing::info!(
        max_connections = settings.max_connections,
        header_read_timeout = ?settings.header_read_timeout,
        idle_timeout = ?settings.idle_timeout,
        max_header_bytes = settings.max_header_bytes,
        "connection limits"
    );
    server::serve(listener, gate, settings, stats, shutdown).await
}

/// What `serve` prints once it listens. The first line is what scripts and tests read to
/// learn the address (`--listen 127.0.0.1:0`).
pub fn banner(addr: SocketAddr, admin_token: Option<&str>, data_dir: &Path) -> String {
    let base = oz_groups_api::BASE_PATH;
    let mut out = format!("oz-groups listening on http://{addr}\n");
    out += &format!("  Swagger UI: http://{addr}/docs/\n");
    out += &format!("  API root:   http://{addr}{base}\n");
    if let Some(token) = admin_token {
        let file = data_dir.join("admin.token");
        out += &format!("  admin access token (also in {}):\n    {token}\n", file.display());
        out += &format!("  try: curl -H \"X-Auth-Token: $(cat {})\" http://{addr}{base}/user\n", file.display());
    }
    out
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
