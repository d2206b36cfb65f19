//! Configuration: the one place that reads flags and environment variables (through clap) and
//! the master key (from `OZ_MASTER_KEY` or `<data-dir>/master.key`).

use std::fs;
use std::io::{ErrorKind, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use std::time::Duration;

use anyhow::{bail, Context};

use crate::http::conn::Settings;

/// The zone's name: the `location` of every token this server mints (Onezone's default).
pub const ZONE_NAME: &str = "onezone";

/// Where the data lives; shared by `serve` and `user add` so both open the same store.
#[derive(clap::Args, Clone, Debug)]
pub struct StoreArgs {
    /// Directory for the SQLite database, the master key and the admin token.
    #[arg(long, env = "OZ_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
    /// `sqlite://PATH` (default: sqlite://<data-dir>/oz-groups.db), `postgres://USER:PASS@HOST:PORT/DB`
    /// (instances sharing one database must share the master key too), or `memory`.
    #[arg(long, env = "OZ_DATABASE")]
    pub database: Option<String>,
}

/// The store a deployment uses.
#[derive(Clone, PartialEq, Eq)]
pub enum Database {
    Memory,
    Sqlite(PathBuf),
    /// A `postgres://` or `postgresql://` URL; many instances may share one database.
    Postgres(String),
}

/// By hand: a PostgreSQL URL may carry a password, which must not reach a log line.
impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Database::Memory => f.write_str("Memory"),
            Database::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            Database::Postgres(_) => f.write_str("Postgres(<url>)"),
        }
    }
}

impl StoreArgs {
    pub fn database(&self) -> anyhow::Result<Database> {
        let Some(url) = self.database.as_deref() else {
            return Ok(Database::Sqlite(self.data_dir.join("oz-groups.db")));
        };
        if url == "memory" {
            return Ok(Database::Memory);
        }
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                bail!("--database sqlite:// needs a file path, e.g. sqlite://./data/oz-groups.db");
            }
            return Ok(Database::Sqlite(PathBuf::from(path)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Database::Postgres(url.to_owned()));
        }
        bail!("unknown --database scheme: use sqlite://PATH, postgres://USER@HOST/DB or memory")
    }

    /// The master key from which every token's root secret is derived. `OZ_MASTER_KEY` (64 hex
    /// digits, or any text of at least 32 bytes) wins; otherwise `<data-dir>/master.key`,
    /// created with 32 random bytes and mode 0600 when missing. All instances of a deployment
    /// must share it: tokens minted under another key do not verify.
    pub fn master_key(&self) -> anyhow::Result<Vec<u8>> {
        if let Ok(value) = std::env::var("OZ_MASTER_KEY") {
            return parse_key(value.trim()).context("OZ_MASTER_KEY");
        }
        let path = self.data_dir.join("master.key");
        fs::create_dir_all(&self.data_dir).with_context(|| format!("cannot create {}", self.data_dir.display()))?;
        match create_secret_file(&path, &random_hex_key()) {
            Ok(()) => tracing::info!(path = %path.display(), "created a new master key"),
            // Another process (a server, `user add`) may have created it first: use that one.
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
        }
        let text = fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        parse_key(text.trim()).with_context(|| path.display().to_string())
    }
}

/// How `serve` treats connections (contract §9). The defaults hold thousands of idle or slow
/// clients off without shortening a normal client's keep-alive.
#[derive(clap::Args, Clone, Debug)]
pub struct ConnectionArgs {
    /// Connections open at once; past it, a new connection closes the oldest one with no request
    /// in flight, or, if all are busy, gets a JSON 503 and is closed.
    /// Default: half of what the soft descriptor limit (ulimit -n) leaves after 64 for the
    /// store and the listener, e.g. 480 for 1024 (the default shown is this process's).
    #[arg(long, env = "OZ_MAX_CONNECTIONS", default_value_t = crate::http::conn::default_max_connections() as u64,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_connections: u64,
    /// Seconds a client may take to send a request's line and headers, from its first byte (from
    /// accepting the connection, for the first request); then a JSON 408 and the connection closes.
    #[arg(long, env = "OZ_HEADER_READ_TIMEOUT", value_name = "SECONDS", default_value = "10", value_parser = seconds)]
    pub header_read_timeout: Duration,
    /// Seconds a keep-alive connection may wait, with no request in flight, for its next request.
    #[arg(long, env = "OZ_IDLE_TIMEOUT", value_name = "SECONDS", default_value = "60", value_parser = seconds)]
    pub idle_timeout: Duration,
    /// Largest request line plus headers, in bytes (at least 8192); beyond it, a JSON 431.
    #[arg(long, env = "OZ_MAX_HEADER_BYTES", default_value = "16384", value_parser = clap::value_parser!(u64).range(8192..=16_777_216))]
    pub max_header_bytes: u64,
}

impl ConnectionArgs {
    /// The settings `server` applies.
    pub fn settings(&self) -> Settings {
        Settings {
            max_connections: usize::try_from(self.max_connections).unwrap_or(usize::MAX),
            header_read_timeout: self.header_read_timeout,
            idle_timeout: self.idle_timeout,
            max_header_bytes: usize::try_from(self.max_header_bytes).unwrap_or(usize::MAX),
        }
    }
}

/// A positive number of seconds, fractions allowed (`0.5`).
fn seconds(text: &str) -> Result<Duration, String> {
    let value: f64 = text.trim().parse().map_err(|_| format!("`{text}` is not a number of seconds"))?;
    if value.is_nan() || value <= 0.0 {
        return Err("the timeout must be more than 0 seconds".into());
    }
    Duration::try_from_secs_f64(value).map_err(|e| e.to_string())
}

fn parse_key(text: &str) -> anyhow::Result<Vec<u8>> {
    if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok((0..32).map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).unwrap_or(0)).collect());
    }
    if text.len() < 32 {
        bail!("the master key must be 64 hex digits or at least 32 bytes of text");
    }
    Ok(text.as_bytes().to_vec())
}

fn random_hex_key() -> String {
    use rand::RngCore;
    let mut key = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut key);
    key.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes `contents` to a new file readable by its owner only; fails if the file exists.
pub fn create_secret_file(path: &Path, contents: &str) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.write_all(contents.as_bytes())?;
    file.write_all(b"\n")?;
    file.sync_all()
}

/// Replaces `path` with `contents`, readable by its owner only.
pub fn write_secret_file(path: &Path, contents: &str) -> std::io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    create_secret_file(path, contents)?;
    fs::set_permissions(path, fs::Permissions::from_mode(0o600))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(dir: &Path, database: Option<&str>) -> StoreArgs {
        StoreArgs { data_dir: dir.to_path_buf(), database: database.map(str::to_owned) }
    }

    #[test]
    fn the_database_defaults_to_sqlite_in_the_data_dir() {
        let a = args(Path::new("/d"), None);
        assert_eq!(a.database().unwrap(), Database::Sqlite(PathBuf::from("/d/oz-groups.db")));
        assert_eq!(args(Path::new("/d"), Some("memory")).database().unwrap(), Database::Memory);
        assert_eq!(
            args(Path::new("/d"), Some("sqlite:///x/y.db")).database().unwrap(),
            Database::Sqlite(PathBuf::from("/x/y.db"))
        );
        assert_eq!(
            args(Path::new("/d"), Some("postgres://u:secret@h/db")).database().unwrap(),
            Database::Postgres("postgres://u:secret@h/db".into())
        );
        assert!(!format!("{:?}", Database::Postgres("postgres://u:secret@h/db".into())).contains("secret"));
        assert!(args(Path::new("/d"), Some("mysql://x")).database().is_err());
    }

    #[test]
    fn a_missing_master_key_is_created_private_and_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let a = args(dir.path(), None);
        let first = a.master_key().unwrap();
        assert_eq!(first.len(), 32);
        let mode = fs::metadata(dir.path().join("master.key")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert_eq!(a.master_key().unwrap(), first);
    }

    #[test]
    fn timeouts_are_positive_seconds_with_fractions_allowed() {
        assert_eq!(seconds("10").unwrap(), Duration::from_secs(10));
        assert_eq!(seconds("0.5").unwrap(), Duration::from_millis(500));
        assert!(seconds("0").is_err());
        assert!(seconds("-1").is_err());
        assert!(seconds("NaN").is_err());
        assert!(seconds("ten").is_err());
    }

    #[test]
    fn short_keys_are_refused() {
        assert!(parse_key("short").is_err());
        assert_eq!(parse_key(&"ab".repeat(32)).unwrap(), vec![0xab; 32]);
        assert_eq!(parse_key(&"k".repeat(40)).unwrap().len(), 40);
    }
}
