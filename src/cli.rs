//! The command line: `serve`, `user add`, `user token`, `token inspect`. Parses arguments (clap) and calls
//! start-up, the service or the token module; prints results.

use clap::{Parser, Subcommand};

use crate::config::{ConnectionArgs, LimitArgs, StoreArgs, TlsArgs};
use crate::domain::Name;
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
        name: String,
        /// Make the user a zone admin: it holds all nine zone privileges (see README, "Zone administration").
        #[arg(long)]
        admin: bool,
        #[command(flatten)]
        store: StoreArgs,
    },
    /// Mint a new access token for an existing user and print only it (recovery, e.g. of a lost
    /// admin.token). LOGIN is a user id, or a name or alias that exactly one user has.
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
            print!("{}", startup::banner(listener.local_addr()?, transport.scheme(), &admin_token));
            // Flushed now: stdout is a pipe under tests and scripts, which wait for these lines.
            std::io::Write::flush(&mut std::io::stdout())?;
            let limiter = std::sync::Arc::new(Limiter::new(&limits.limits()));
            let serving = startup::Serving {
                transport,
                limiter,
                connections: connections.settings(),
                stats: crate::http::conn::ConnectionStats::default(),
            };
            startup::serve_with(listener, app, serving, shutdown).await
        }
        Command::User { command: UserCommand::Add { name, admin, store } } => {
            if store.database()? == crate::config::Database::Memory {
                anyhow::bail!("`user add` needs a durable store: the memory store lives only inside a server");
            }
            let app = startup::build_app(&store).await?;
            let name = Name::parse(&name, "name").map_err(|e| anyhow::anyhow!("{e}"))?;
            let (_, token) = app.create_user(name, admin).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("{token}");
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
