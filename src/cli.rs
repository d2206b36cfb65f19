//! The command line: `serve`, `user add`, `user passwd`, `user token`, `token inspect`. Parses arguments (clap) and calls
//! start-up, the service or the token module; prints results.

use clap::{Parser, Subcommand};

use crate::config::{ConnectionArgs, LimitArgs, StoreArgs, TlsArgs};
use crate::domain::{Login, Name};
use crate::http::limits::Limiter;
use crate::startup;
use crate::tokens::{Caveat, Macaroon};

#[derive(Parser, Debug)]
#[command(
    name = "oz-groups",
    version,
    about = "Invite-token group membership: the group slice of the Onezone REST API v3"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

// `serve`'s flags make its variant far larger than the others; the value is parsed once per
// process, so boxing it would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand, Debug)]
enum Command {
    /// Run the HTTP server (Swagger UI at /docs/).
    Serve {
        /// Address to listen on; port 0 picks a free port (printed on the first line).
        #[arg(long, env = "OZ_LISTEN", default_value = "127.0.0.1:8080")]
        listen: String,
        #[command(flatten)]
        store: StoreArgs,
        #[command(flatten)]
        tls: TlsArgs,
        #[command(flatten)]
        limits: LimitArgs,
        #[command(flatten)]
        connections: ConnectionArgs,
    },
    /// Manage users.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Work with tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
}

#[derive(Subcommand, Debug)]
enum UserCommand {
    /// Create a user and print only its access token (works while a server runs on the same data).
    Add {
        /// The user's login: unique, and the user name of HTTP Basic authentication.
        login: String,
        /// The user's name [default: the login].
        #[arg(long)]
        name: Option<String>,
        /// Make the user a zone admin: it holds all nine zone privileges (see README, "Zone administration").
        #[arg(long)]
        admin: bool,
        /// Give the user a password, read from the first line of standard input (HTTP Basic).
        #[arg(long)]
        password_stdin: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Set the password of user LOGIN (HTTP Basic) to the first line of standard input.
    Passwd {
        login: String,
        /// Read the password from the first line of standard input (the only way to give it, so
        /// that it never shows in a process list or a shell history).
        #[arg(long, required = true)]
        password_stdin: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Mint a new access token for an existing user and print only it (recovery, e.g. of a lost
    /// admin.token). LOGIN is a user id, a login, or a name or alias that exactly one user has.
    Token {
        login: String,
        #[command(flatten)]
        store: StoreArgs,
    },
}

#[derive(Subcommand, Debug)]
enum TokenCommand {
    /// Print the location, identifier and caveats of any macaroon (nothing is verified).
    Inspect { token: String },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve { listen, store, tls, limits, connections } => {
            let transport = startup::transport(&tls)?;
            let shutdown = startup::shutdown_signal();
            let app = startup::build_app(&store).await?;
            let admin_token = startup::bootstrap_admin(&app, &store.data_dir).await?;
            let listener = startup::bind(&listen).await?;
            // Flushed now: stdout is a pipe under tests and scripts, which wait for these lines. A
            // stdout that cannot be written (closed, a full disk) loses the banner, not the server.
            let banner = startup::banner(listener.local_addr()?, transport.scheme(), &admin_token);
            let mut stdout = std::io::stdout();
            let _ = std::io::Write::write_all(&mut stdout, banner.as_bytes())
                .and_then(|()| std::io::Write::flush(&mut stdout));
            let limiter = std::sync::Arc::new(Limiter::new(&limits.limits()));
            let serving = startup::Serving {
                transport,
                limiter,
                connections: connections.settings(),
                stats: crate::http::conn::ConnectionStats::default(),
            };
            startup::serve_with(listener, app, serving, shutdown).await
        }
        Command::User { command: UserCommand::Add { login, name, admin, password_stdin, store } } => {
            if store.database()? == crate::config::Database::Memory {
                anyhow::bail!("`user add` needs a durable store: the memory store lives only inside a server");
            }
            let error = |e: crate::domain::Error| anyhow::anyhow!("{e}");
            let name = Name::parse(name.as_deref().unwrap_or(&login), "name").map_err(error)?;
            let login = Login::parse(&login).map_err(error)?;
            // Read before anything is written, so that a missing password creates no user.
            let password = if password_stdin { Some(password_from_stdin()?) } else { None };
            let app = startup::build_app(&store).await?;
            let (user, token) = app.add_user(login, name, admin).await.map_err(error)?;
            if let Some(password) = password {
                app.set_password(user.login.as_str(), &password).await.map_err(error)?;
            }
            println!("{token}");
            Ok(())
        }
        Command::User { command: UserCommand::Passwd { login, password_stdin: _, store } } => {
            if store.database()? == crate::config::Database::Memory {
                anyhow::bail!("`user passwd` needs a durable store: the memory store lives only inside a server");
            }
            let password = password_from_stdin()?;
            let app = startup::build_app(&store).await?;
            app.set_password(&login, &password).await.map_err(|e| match e {
                crate::domain::Error::NotFound => anyhow::anyhow!("no user has the login {login:?}"),
                e => anyhow::anyhow!("{e}"),
            })?;
            Ok(())
        }
        Command::User { command: UserCommand::Token { login, store } } => {
            if store.database()? == crate::config::Database::Memory {
                anyhow::bail!("`user token` needs a durable store: the memory store lives only inside a server");
            }
            let app = startup::build_app(&store).await?;
            println!("{}", startup::mint_token_for(&app, &login).await?);
            Ok(())
        }
        Command::Token { command: TokenCommand::Inspect { token } } => {
            let macaroon = Macaroon::deserialize(&token).map_err(|e| anyhow::anyhow!("not a macaroon: {e}"))?;
            print!("{}", describe(&macaroon));
            Ok(())
        }
    }
}

/// The first line of standard input, without its line ending: the password of `--password-stdin`.
/// An empty one is refused (a user without a password simply has none).
fn password_from_stdin() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let password = line.strip_suffix('\n').unwrap_or(&line);
    let password = password.strip_suffix('\r').unwrap_or(password);
    if password.is_empty() {
        anyhow::bail!("--password-stdin: the first line of standard input is empty; give a password");
    }
    Ok(password.to_owned())
}

fn describe(m: &Macaroon) -> String {
    let mut out = format!("location   {}\nidentifier {}\n", m.location(), m.identifier());
    if m.caveats().is_empty() {
        out.push_str("caveats    (none)\n");
    }
    for caveat in m.caveats() {
        match caveat {
            Caveat::FirstParty(predicate) => out.push_str(&format!("caveat     {predicate}\n")),
            Caveat::ThirdParty { location, .. } => out.push_str(&format!("caveat     third-party at {location}\n")),
        }
    }
    out
}
