//! Configuration: the one place that reads flags and environment variables (through clap) and
//! the master key (from `OZ_MASTER_KEY` or `<data-dir>/master.key`).

use std::fs;
use std::io::{ErrorKind, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use crate::http::limits::{defaults, Limits, Rate};

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

/// The rate limits (contract §9), each `BURST/PERIOD` (at most BURST at once, BURST more every
/// PERIOD) or `off`, and whom to believe about the client's address.
#[derive(clap::Args, Clone, Debug)]
pub struct LimitArgs {
    /// Failed authentications (401 with a token) per client address. Every --limit-* takes
    /// BURST/PERIOD (at most BURST at once, BURST more every PERIOD; ms, s, m or h) or off.
    #[arg(long, env = "OZ_LIMIT_AUTH_FAILURES_PER_ADDRESS", default_value = defaults::AUTH_FAILURES_PER_ADDRESS, value_parser = parse_rate)]
    pub limit_auth_failures_per_address: RateArg,
    /// Failed authentications per presented access token (the same token), from any address.
    #[arg(long, env = "OZ_LIMIT_AUTH_FAILURES_PER_TOKEN", default_value = defaults::AUTH_FAILURES_PER_TOKEN, value_parser = parse_rate)]
    pub limit_auth_failures_per_token: RateArg,
    /// Failed joins (400, 403, 404 on POST /user/groups/join) per client address.
    #[arg(long, env = "OZ_LIMIT_JOIN_FAILURES_PER_ADDRESS", default_value = defaults::JOIN_FAILURES_PER_ADDRESS, value_parser = parse_rate)]
    pub limit_join_failures_per_address: RateArg,
    /// Failed joins per user.
    #[arg(long, env = "OZ_LIMIT_JOIN_FAILURES_PER_USER", default_value = defaults::JOIN_FAILURES_PER_USER, value_parser = parse_rate)]
    pub limit_join_failures_per_user: RateArg,
    /// Writes (POST, PUT, PATCH, DELETE, successful or not) per user.
    #[arg(long, env = "OZ_LIMIT_WRITES_PER_USER", default_value = defaults::WRITES_PER_USER, value_parser = parse_rate)]
    pub limit_writes_per_user: RateArg,
    /// Take the client address from X-Forwarded-For (its right-most hop that is not one of
    /// --trusted-proxies) whatever the peer: only when every connection comes through your proxies.
    #[arg(long, env = "OZ_TRUST_FORWARDED_FOR")]
    pub trust_forwarded_for: bool,
    /// Proxies (addresses or CIDR networks, comma-separated) whose X-Forwarded-For is read; their
    /// own hops in it are skipped.
    #[arg(long, env = "OZ_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_proxy)]
    pub trusted_proxies: Vec<ipnet::IpNet>,
}

/// A CIDR network, or one address (its /32 or /128).
fn parse_proxy(text: &str) -> Result<ipnet::IpNet, String> {
    let text = text.trim();
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("{text:?} is neither an IP address nor a CIDR network"))
}

/// A parsed `BURST/PERIOD`, `None` for `off`.
#[derive(Clone, Copy, Debug)]
pub struct RateArg(pub Option<Rate>);

fn parse_rate(text: &str) -> Result<RateArg, String> {
    match text.trim() {
        "off" => Ok(RateArg(None)),
        rate => rate.parse().map(|r| RateArg(Some(r))),
    }
}

impl LimitArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            auth_failures_per_address: self.limit_auth_failures_per_address.0,
            auth_failures_per_token: self.limit_auth_failures_per_token.0,
            join_failures_per_address: self.limit_join_failures_per_address.0,
            join_failures_per_user: self.limit_join_failures_per_user.0,
            writes_per_user: self.limit_writes_per_user.0,
            trust_forwarded_for: self.trust_forwarded_for,
            trusted_proxies: self.trusted_proxies.clone(),
        }
    }
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
    fn a_limit_is_a_rate_or_off() {
        assert!(parse_rate("off").unwrap().0.is_none());
        assert_eq!(parse_rate("5/1s").unwrap().0.map(|r| r.burst.get()), Some(5));
        assert!(parse_rate("five").is_err());
    }

    #[test]
    fn a_trusted_proxy_is_a_network_or_one_address() {
        assert_eq!(parse_proxy("10.0.0.0/8").unwrap().to_string(), "10.0.0.0/8");
        assert_eq!(parse_proxy(" 192.168.1.5").unwrap().to_string(), "192.168.1.5/32");
        assert_eq!(parse_proxy("2001:db8::1").unwrap().to_string(), "2001:db8::1/128");
        assert!(parse_proxy("proxy.internal").is_err());
    }

    #[test]
    fn short_keys_are_refused() {
        assert!(parse_key("short").is_err());
        assert_eq!(parse_key(&"ab".repeat(32)).unwrap(), vec![0xab; 32]);
        assert_eq!(parse_key(&"k".repeat(40)).unwrap().len(), 40);
    }
}
