//! Configuration: the one place that reads flags and environment variables (through clap) and
//! the master key (from `OZ_MASTER_KEY` or `<data-dir>/master.key`).

use std::fs;
use std::io::{ErrorKind, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use std::time::Duration;

use anyhow::{bail, Context};

use crate::http::conn::Settings;
use crate::http::limits::{defaults, Limits, Rate};

/// The zone's name: the `location` of every token this server mints (Onezone's default).
pub const ZONE_NAME: &str = "onezone";

/// Where the data lives; shared by `serve` and `user add` so both open the same store.
#[derive(clap::Args, Clone, Debug)]
pub struct StoreArgs {
    /// Directory for the SQLite database, the master key and the admin token (created 0700).
    /// The master key is `master.key` here (64 hex digits) unless OZ_MASTER_KEY gives it.
    #[arg(long, env = "OZ_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,
    /// `sqlite://PATH` (default: sqlite://<data-dir>/oz-groups.db), `postgres://USER:PASS@HOST:PORT/DB`
    /// (instances sharing one database must share the master key too: the database records the
    /// key's fingerprint and refuses another), or `memory`.
    #[arg(long, env = "OZ_DATABASE")]
    pub database: Option<String>,
    /// PostgreSQL only: connections this instance keeps to the database. Instances sharing one
    /// database split what it serves well between them (on a small server, about twice its
    /// cores in all: two instances there want half the default each).
    #[arg(long, env = "OZ_DATABASE_POOL_SIZE", default_value_t = DEFAULT_POOL_SIZE, value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub database_pool_size: u16,
}

/// `--database-pool-size`'s default.
pub const DEFAULT_POOL_SIZE: u16 = 16;

/// HTTPS (`serve` only): both files, or neither for plain HTTP.
#[derive(clap::Args, Clone, Debug)]
pub struct TlsArgs {
    /// PEM certificate chain, leaf first; with --tls-key, serve HTTPS (HTTP/2 or HTTP/1.1 by ALPN)
    /// instead of plain HTTP.
    #[arg(long, env = "OZ_TLS_CERT", requires = "tls_key", value_name = "PEM")]
    pub tls_cert: Option<PathBuf>,
    /// PEM private key of --tls-cert (PKCS#8, PKCS#1 or SEC1).
    #[arg(long, env = "OZ_TLS_KEY", requires = "tls_cert", value_name = "PEM")]
    pub tls_key: Option<PathBuf>,
    /// Seconds a client may take to finish the TLS handshake before its connection is closed.
    #[arg(long, env = "OZ_TLS_HANDSHAKE_TIMEOUT", default_value_t = 10, value_name = "SECONDS",
          value_parser = clap::value_parser!(u64).range(1..))]
    pub tls_handshake_timeout: u64,
}

impl TlsArgs {
    /// The certificate and key files when HTTPS is asked for, `None` for plain HTTP. clap
    /// refuses one flag without the other; this refuses it too, for arguments built in code.
    pub fn files(&self) -> anyhow::Result<Option<(&Path, &Path)>> {
        match (self.tls_cert.as_deref(), self.tls_key.as_deref()) {
            (Some(cert), Some(key)) => Ok(Some((cert, key))),
            (None, None) => Ok(None),
            _ => bail!("--tls-cert and --tls-key (OZ_TLS_CERT, OZ_TLS_KEY) go together: give both or neither"),
        }
    }
}

/// The rate limits (contract §9), each `BURST/PERIOD` (at most BURST at once, BURST more every
/// PERIOD) or `off`, and whom to believe about the client's address.
#[derive(clap::Args, Clone, Debug)]
pub struct LimitArgs {
    /// Failed authentications (401 with a token or Basic credentials) per client address. Every --limit-* takes
    /// BURST/PERIOD (at most BURST at once, BURST more every PERIOD; ms, s, m or h) or off.
    #[arg(long, env = "OZ_LIMIT_AUTH_FAILURES_PER_ADDRESS", default_value = defaults::AUTH_FAILURES_PER_ADDRESS, value_parser = parse_rate)]
    pub limit_auth_failures_per_address: RateArg,
    /// Failed authentications per presented access token (the same token), from any address.
    #[arg(long, env = "OZ_LIMIT_AUTH_FAILURES_PER_TOKEN", default_value = defaults::AUTH_FAILURES_PER_TOKEN, value_parser = parse_rate)]
    pub limit_auth_failures_per_token: RateArg,
    /// Failed Basic authentications per login, from any address.
    #[arg(long, env = "OZ_LIMIT_AUTH_FAILURES_PER_LOGIN", default_value = defaults::AUTH_FAILURES_PER_LOGIN, value_parser = parse_rate)]
    pub limit_auth_failures_per_login: RateArg,
    /// Failed joins (400, 403, 404 on POST /user/groups/join) per client address.
    #[arg(long, env = "OZ_LIMIT_JOIN_FAILURES_PER_ADDRESS", default_value = defaults::JOIN_FAILURES_PER_ADDRESS, value_parser = parse_rate)]
    pub limit_join_failures_per_address: RateArg,
    /// Failed joins per user.
    #[arg(long, env = "OZ_LIMIT_JOIN_FAILURES_PER_USER", default_value = defaults::JOIN_FAILURES_PER_USER, value_parser = parse_rate)]
    pub limit_join_failures_per_user: RateArg,
    /// Writes (POST, PUT, PATCH, DELETE, successful or not, and the GETs that mint a token) per user.
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
            auth_failures_per_login: self.limit_auth_failures_per_login.0,
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

/// What messages show: the SQLite path, or the PostgreSQL URL without its password.
impl std::fmt::Display for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Database::Memory => f.write_str("memory"),
            Database::Sqlite(path) => write!(f, "sqlite://{}", path.display()),
            Database::Postgres(url) => f.write_str(&without_password(url)),
        }
    }
}

/// `url` with the password of its user part (`user:PASSWORD@`) and any `password=` parameter
/// taken out.
fn without_password(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("", url));
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => format!("{}@{host}", user.split(':').next().unwrap_or_default()),
        None => authority.to_owned(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let kept: Vec<&str> = query.split('&').filter(|p| !p.starts_with("password=")).collect();
            if kept.is_empty() {
                path.to_owned()
            } else {
                format!("{path}?{}", kept.join("&"))
            }
        }
        None => tail.to_owned(),
    };
    format!("{scheme}://{authority}{tail}")
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

    /// `<data-dir>/master.key`, where the key lives unless `OZ_MASTER_KEY` gives it.
    pub fn key_path(&self) -> PathBuf {
        self.data_dir.join("master.key")
    }

    /// Creates the data directory readable by its owner only (0700, whatever the umask), with
    /// its parents; a directory that exists is left as it is.
    pub fn create_data_dir(&self) -> anyhow::Result<()> {
        create_private_dir(&self.data_dir)
    }

    /// The master key from which every token's root secret is derived: `OZ_MASTER_KEY` wins,
    /// otherwise `<data-dir>/master.key`; `None` when neither exists. Either must be exactly 64
    /// hex digits (surrounding white space, such as the file's newline, is ignored); anything
    /// else is an error that says what is wrong and where the key came from. A key file that
    /// group or others may read is a warning. All instances of a deployment must share the key:
    /// tokens minted under another key do not verify.
    pub fn read_master_key(&self) -> anyhow::Result<Option<MasterKey>> {
        if let Ok(value) = std::env::var("OZ_MASTER_KEY") {
            let bytes = parse_key(&value).map_err(|why| anyhow::anyhow!("the master key in OZ_MASTER_KEY {why}"))?;
            return Ok(Some(MasterKey { bytes, source: KeySource::Env }));
        }
        let path = self.key_path();
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e).with_context(|| format!("cannot read the master key file {}", path.display())),
        };
        let bytes = parse_key(&text).map_err(|why| anyhow::anyhow!("the master key in {} {why}", path.display()))?;
        if let Ok(meta) = fs::metadata(&path) {
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                tracing::warn!(
                    path = %path.display(),
                    mode = format!("{mode:04o}"),
                    "the master key file is readable by group or others: anyone who reads it can forge \
                     every token; run `chmod 600` on it"
                );
            }
        }
        Ok(Some(MasterKey { bytes, source: KeySource::File(path) }))
    }

    /// Creates `<data-dir>/master.key` with 32 random bytes (64 hex digits) and mode 0600, and
    /// reads it back. If another process (a server, `user add`) created it first, that key is
    /// used. Start-up calls this only for a database that holds nothing yet.
    pub fn create_master_key(&self) -> anyhow::Result<MasterKey> {
        let path = self.key_path();
        self.create_data_dir()?;
        match create_secret_file(&path, &random_hex_key()) {
            Ok(()) => tracing::info!(path = %path.display(), "created a new master key"),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e).with_context(|| format!("cannot create {}", path.display())),
        }
        self.read_master_key()?.with_context(|| format!("{} vanished as it was created", path.display()))
    }
}

/// How `serve` treats connections (contract §9). The defaults hold thousands of idle or slow
/// clients off without shortening a normal client's keep-alive.
#[derive(clap::Args, Clone, Debug)]
pub struct ConnectionArgs {
    /// Connections open at once; past it, a new connection closes the oldest one that waits for
    /// its client (no request in flight, or its request's body still arriving), or, if all are
    /// busy, gets a JSON 503 and is closed.
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

/// Where the master key came from, as error messages name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeySource {
    Env,
    File(PathBuf),
}

impl std::fmt::Display for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeySource::Env => f.write_str("OZ_MASTER_KEY"),
            KeySource::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// The master key's 32 bytes and where they came from. `Debug` shows the source only.
pub struct MasterKey {
    pub bytes: Vec<u8>,
    pub source: KeySource,
}

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MasterKey").field("source", &self.source).finish_non_exhaustive()
    }
}

/// The key's bytes from exactly 64 hex digits, surrounding white space aside; otherwise the end
/// of a sentence saying what is wrong (never quoting the text, which may be most of a key).
fn parse_key(text: &str) -> Result<Vec<u8>, String> {
    let text = text.trim();
    const EXPECTED: &str = "it must be exactly 64 hex digits (32 bytes), as `openssl rand -hex 32` prints";
    if text.starts_with("0x") || text.starts_with("0X") {
        return Err(format!("starts with `0x`: {EXPECTED}, without a prefix"));
    }
    if let Some(at) = text.chars().position(|c| !c.is_ascii_hexdigit()) {
        return Err(format!("has a character that is not a hex digit at position {}: {EXPECTED}", at + 1));
    }
    if text.len() != 64 {
        return Err(format!("has {} hex digits: {EXPECTED}", text.len()));
    }
    // Each pair is two ASCII hex digits (checked above), so every slice is on a character
    // boundary and every pair parses.
    (0..32).map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).map_err(|e| e.to_string())).collect()
}

fn random_hex_key() -> String {
    use rand::RngCore;
    let mut key = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut key);
    key.iter().map(|b| format!("{b:02x}")).collect()
}

/// Creates `dir` (and its parents) with mode 0700 when it does not exist. The mode is set after
/// creation too, since `DirBuilder`'s is filtered through the umask.
pub fn create_private_dir(dir: &Path) -> anyhow::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .with_context(|| format!("cannot create {}", dir.display()))?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
        .with_context(|| format!("cannot make {} private", dir.display()))
}

/// Writes `contents` to a new file readable by its owner only (0600, whatever the umask); fails
/// if the file exists.
pub fn create_secret_file(path: &Path, contents: &str) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    file.set_permissions(fs::Permissions::from_mode(0o600))?;
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
    create_secret_file(path, contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(dir: &Path, database: Option<&str>) -> StoreArgs {
        StoreArgs {
            data_dir: dir.to_path_buf(),
            database: database.map(str::to_owned),
            database_pool_size: DEFAULT_POOL_SIZE,
        }
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
    fn a_database_is_shown_without_its_password() {
        let shown = |url: &str| Database::Postgres(url.into()).to_string();
        assert_eq!(shown("postgres://u:secret@h:5432/db"), "postgres://u@h:5432/db");
        assert_eq!(
            shown("postgresql://h/db?user=u&password=secret&sslmode=off"),
            "postgresql://h/db?user=u&sslmode=off"
        );
        assert_eq!(shown("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(Database::Sqlite(PathBuf::from("/d/x.db")).to_string(), "sqlite:///d/x.db");
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
    fn a_missing_master_key_is_created_private_in_a_private_directory_and_then_reused() {
        let dir = tempfile::tempdir().unwrap();
        let a = args(&dir.path().join("data"), None);
        assert!(a.read_master_key().unwrap().is_none(), "no key yet");
        let first = a.create_master_key().unwrap();
        assert_eq!(first.bytes.len(), 32);
        assert_eq!(first.source, KeySource::File(dir.path().join("data/master.key")));
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&dir.path().join("data/master.key")), 0o600);
        assert_eq!(mode(&dir.path().join("data")), 0o700);
        assert_eq!(a.read_master_key().unwrap().unwrap().bytes, first.bytes);
        assert_eq!(a.create_master_key().unwrap().bytes, first.bytes, "an existing key is kept");
    }

    #[test]
    fn only_64_hex_digits_are_a_key_and_a_refusal_says_why() {
        assert_eq!(parse_key(&"ab".repeat(32)).unwrap(), vec![0xab; 32]);
        assert_eq!(parse_key(&format!("  {}\n", "AB".repeat(32))).unwrap(), vec![0xab; 32]);
        let refusal = |text: &str| parse_key(text).unwrap_err();
        assert!(refusal(&"a".repeat(63)).contains("has 63 hex digits"));
        assert!(refusal(&"a".repeat(65)).contains("has 65 hex digits"));
        assert!(refusal("").contains("has 0 hex digits"));
        assert!(refusal(&format!("0x{}", "ab".repeat(32))).contains("`0x`"));
        let text = format!("{}g{}", "a".repeat(10), "a".repeat(53));
        assert!(refusal(&text).contains("not a hex digit at position 11"));
        assert!(refusal(&"k".repeat(40)).contains("not a hex digit"), "text of 32+ bytes is no longer a key");
        assert!(!refusal(&"k".repeat(40)).contains("kkkk"), "a refusal never quotes the key");
    }
}
