//! Start-up: builds the application from configuration (store, master key, token codec) and
//! runs the server. `main` and the integration tests go through the same steps.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{bail, Context};
use tokio::net::TcpListener;

use crate::config::{write_secret_file, Database, MasterKey, StoreArgs, TlsArgs, ZONE_NAME};
use crate::domain::{Name, UserId};
use crate::http::conn::{self, ConnectionStats};
use crate::http::limits::{Limiter, Limits};
use crate::http::tls::{Tls, Transport};
use crate::http::{server, Gate};
use crate::service::{App, SystemClock};
use crate::store::{memory::MemoryStore, postgres::PostgresStore, sqlite::SqliteStore, Store};
use crate::tokens::{key_fingerprint, TokenCodec};

/// Opens the configured store (creating and migrating it as needed), checks the master key
/// against it (`check_master_key`) and builds the token codec.
pub async fn build_app(args: &StoreArgs) -> anyhow::Result<App> {
    let database = args.database()?;
    let store: Arc<dyn Store> = match database.clone() {
        Database::Memory => Arc::new(MemoryStore::new()),
        Database::Sqlite(path) => {
            let store = tokio::task::spawn_blocking(move || SqliteStore::open(&path)).await??;
            Arc::new(store)
        }
        // Connects and applies pending migrations (safe when several instances start at once).
        Database::Postgres(url) => {
            Arc::new(PostgresStore::connect_with_pool(&url, args.database_pool_size.into()).await?)
        }
    };
    let key = check_master_key(args, &database, store.as_ref()).await?;
    let codec = TokenCodec::new(key.bytes, ZONE_NAME);
    Ok(App::new(store, codec, Arc::new(SystemClock)))
}

/// The master key, checked against the database: the database records the key's fingerprint
/// at its first start, and a key whose fingerprint differs is refused, so that a typo or
/// another instance's key fails here, saying which key and which database disagree, instead of
/// answering every existing token with 401. A key file is created only for a database that
/// holds nothing yet: a missing key next to a database with data is an error, since a new key
/// would disown every token it issued.
async fn check_master_key(args: &StoreArgs, database: &Database, store: &dyn Store) -> anyhow::Result<MasterKey> {
    let recorded = store.key_fingerprint().await?;
    let key = match args.read_master_key()? {
        Some(key) => key,
        None if recorded.is_some() || store.count_users().await? > 0 => bail!(
            "no master key: {} does not exist and OZ_MASTER_KEY is not set, but the database {database} \
             already holds data{}; a new key would make every token it issued invalid. Restore the key \
             file from a backup, or set OZ_MASTER_KEY to the database's key",
            args.key_path().display(),
            recorded.as_deref().map(|r| format!(" (key fingerprint {}…)", prefix(r))).unwrap_or_default(),
        ),
        None => args.create_master_key()?,
    };
    let fingerprint = key_fingerprint(&key.bytes);
    let recorded = match recorded {
        Some(recorded) => recorded,
        None => store.claim_key_fingerprint(&fingerprint).await?,
    };
    if recorded != fingerprint {
        bail!(
            "the master key from {} (fingerprint {}…) is not the key of the database {database} \
             (fingerprint {}…, recorded at its first start); every token it issued would be \
             rejected. Start with that database's key, or use a database of this key",
            key.source,
            prefix(&fingerprint),
            prefix(&recorded),
        );
    }
    Ok(key)
}

/// Enough of a fingerprint to tell keys apart in a message.
fn prefix(fingerprint: &str) -> &str {
    fingerprint.get(..12).unwrap_or(fingerprint)
}

/// What the first start did about the zone admin's access token, for the banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdminToken {
    /// This start created the admin: the token (printed this once) and the file it is in.
    Created(String, PathBuf),
    /// An earlier start did: the token is in the file.
    OnFile(PathBuf),
    /// An earlier start did, and the file is gone (deleted, or that start failed before writing
    /// it): `oz-groups user token admin` mints a new one.
    Missing(PathBuf),
}

/// On an empty store, creates the zone admin `admin` and writes its access token to
/// `<data-dir>/admin.token` (0600). The admin is created before its token can be written (the
/// token's record names it); if writing fails, or the process dies in between, later starts
/// find the admin without the file and say how to recover (`AdminToken::Missing`), and so does
/// the error.
pub async fn bootstrap_admin(app: &App, data_dir: &Path) -> anyhow::Result<AdminToken> {
    let token_file = data_dir.join("admin.token");
    if app.store().count_users().await? == 0 {
        let name = Name::parse("admin", "name").map_err(|e| anyhow::anyhow!("{e}"))?;
        let (_, token) =
            app.create_user(name, true).await.map_err(|e| anyhow::anyhow!("cannot create the admin: {e}"))?;
        crate::config::create_private_dir(data_dir)?;
        write_secret_file(&token_file, &token).with_context(|| {
            format!(
                "created the zone admin `admin` but cannot write its token to {}; fix that, then run \
                 `oz-groups user token admin` (with this server's --data-dir and --database) for a new token",
                token_file.display()
            )
        })?;
        tracing::info!("created the zone admin `admin`");
        return Ok(AdminToken::Created(token, token_file));
    }
    Ok(if token_file.exists() { AdminToken::OnFile(token_file) } else { AdminToken::Missing(token_file) })
}

/// A new access token for the existing user `login`: a user id, else the user with that login
/// (logins are unique), else the user whose name or alias it is. Names are not unique: when
/// several users have it, nothing is minted and the error lists their ids, so the caller can
/// name one by id.
pub async fn mint_token_for(app: &App, login: &str) -> anyhow::Result<String> {
    let store = app.store();
    let by_id = match UserId::parse(login) {
        Some(id) => store.get_user(&id).await?,
        None => None,
    };
    let by_login = match by_id {
        Some(user) => Some(user),
        None => store.user_by_login(login).await?.map(|(user, _)| user),
    };
    let user = match by_login {
        Some(user) => user,
        None => {
            let mut named = store.users_named(login).await?;
            match named.len() {
                0 => bail!("no user has the id, login, name or alias {login:?}"),
                1 => named.remove(0),
                n => bail!(
                    "{n} users have the name or alias {login:?}: {}; name one by its id",
                    named.iter().map(|u| u.id.as_str()).collect::<Vec<_>>().join(", ")
                ),
            }
        }
    };
    app.mint_access_token(&user.id).await.map_err(|e| anyhow::anyhow!("cannot mint the token: {e}"))
}

/// Binds `listen` (port 0 picks a free port; the listener knows which).
pub async fn bind(listen: &str) -> anyhow::Result<TcpListener> {
    TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))
}

/// Plain HTTP, or HTTPS when `--tls-cert` and `--tls-key` are given (their files are read now,
/// so a bad one stops the start before anything listens).
pub fn transport(args: &TlsArgs) -> anyhow::Result<Transport> {
    Ok(match args.files()? {
        None => Transport::Plain,
        Some((cert, key)) => {
            Transport::Tls(Tls::load(cert, key, std::time::Duration::from_secs(args.tls_handshake_timeout))?)
        }
    })
}

/// How `serve_with` serves: over which transport, under which rate limits, with which
/// connection limits.
pub struct Serving {
    pub transport: Transport,
    /// The rate limits (whose rejection counters the caller may read).
    pub limiter: Arc<Limiter>,
    pub connections: conn::Settings,
    /// Counters of open, shed and evicted connections, which the caller may read while it runs.
    pub stats: ConnectionStats,
}

impl Serving {
    /// Plain HTTP with the recommended rate limits and the default connection settings.
    pub fn plain() -> Serving {
        Serving {
            transport: Transport::Plain,
            limiter: Arc::new(Limiter::new(&Limits::recommended())),
            connections: conn::Settings::default(),
            stats: ConnectionStats::default(),
        }
    }
}

/// Serves the API over plain HTTP, with the recommended rate limits and the default connection
/// settings, on `listener` until `shutdown` resolves.
pub async fn serve(
    listener: TcpListener,
    app: App,
    shutdown: impl std::future::Future<Output = ()>,
) -> anyhow::Result<()> {
    serve_with(listener, app, Serving::plain(), shutdown).await
}

/// Serves the API on `listener` as `serving` says until `shutdown` resolves.
pub async fn serve_with(
    listener: TcpListener,
    app: App,
    serving: Serving,
    shutdown: impl std::future::Future<Output = ()>,
) -> anyhow::Result<()> {
    let gate = Gate::new(app, serving.limiter)?;
    let settings = serving.connections;
    tracing::info!(
        max_connections = settings.max_connections,
        header_read_timeout = ?settings.header_read_timeout,
        idle_timeout = ?settings.idle_timeout,
        max_header_bytes = settings.max_header_bytes,
        "connection limits"
    );
    server::serve(listener, gate, serving.transport, settings, serving.stats, shutdown).await
}

/// What `serve` prints once it listens. The first line is what scripts and tests read to
/// learn the address (`--listen 127.0.0.1:0`); `scheme` is `http` or `https`.
/// The admin's token is printed only by the start that created it: later starts say where it
/// is, so that it does not land in every start's logs (journald, container logs).
pub fn banner(addr: SocketAddr, scheme: &str, admin_token: &AdminToken) -> String {
    let base = oz_groups_api::BASE_PATH;
    let mut out = format!("oz-groups listening on {scheme}://{addr}\n");
    out += &format!("  Swagger UI: {scheme}://{addr}/docs/\n");
    out += &format!("  API root:   {scheme}://{addr}{base}\n");
    let try_it = |file: &Path| {
        format!("  try: curl -H \"X-Auth-Token: $(cat {})\" {scheme}://{addr}{base}/user\n", file.display())
    };
    match admin_token {
        AdminToken::Created(token, file) => {
            out += &format!("  admin access token (printed on this first start only; also in {}):\n", file.display());
            out += &format!("    {token}\n");
            out += &try_it(file);
        }
        AdminToken::OnFile(file) => {
            out += &format!("  admin access token: in {}\n", file.display());
            out += &try_it(file);
        }
        AdminToken::Missing(file) => {
            out += &format!(
                "  admin access token: {} is missing; `oz-groups user token admin` mints a new one\n",
                file.display()
            );
        }
    }
    out
}

/// Resolves on Ctrl-C or SIGTERM. The handlers are installed by this call, not when the future
/// is first polled: a SIGTERM that comes as soon as the banner is out must still shut down
/// gracefully rather than kill the process.
pub fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    use tokio::signal::unix::{signal, SignalKind};
    let (interrupt, terminate) = (signal(SignalKind::interrupt()), signal(SignalKind::terminate()));
    async move {
        // Without a handler (which cannot happen in a tokio runtime on Unix) only a kill stops us.
        let wait = |handler: std::io::Result<tokio::signal::unix::Signal>| async move {
            match handler {
                Ok(mut handler) => {
                    handler.recv().await;
                }
                Err(_) => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            () = wait(interrupt) => {},
            () = wait(terminate) => {},
        }
    }
}
