//! CLI tool driving the API client
use anyhow::{anyhow, Context, Result};
use clap::Parser;
use dialoguer::Confirm;
use log::{debug, info};
// models may be unused if all inputs are primitive types
#[allow(unused_imports)]
use oz_groups_api::{
    models, ApiNoContext, Client, ContextWrapperExt, CreateClientTokenResponse, CreateGroupForUserResponse,
    CreateGroupInviteTokenResponse, CreateGroupResponse, GetCurrentUserResponse, GetGroupInviteTokenResponse,
    GetGroupResponse, GetGroupUserPrivilegesResponse, GetGroupUserResponse, GetUserGroupResponse, JoinGroupResponse,
    LeaveGroupResponse, ListGroupUsersResponse, ListGroupsResponse, ListUserGroupsResponse, ModifyCurrentUserResponse,
    ModifyGroupResponse, RemoveGroupResponse, RemoveGroupUserResponse, SetGroupUserPrivilegesResponse,
};
use simple_logger::SimpleLogger;
use swagger::{AuthData, ContextBuilder, EmptyContext, Push, XSpanIdString};

type ClientContext = swagger::make_context_ty!(ContextBuilder, EmptyContext, Option<AuthData>, XSpanIdString);

#[derive(Parser, Debug)]
#[clap(
    name = "oz-groups — Onezone REST API v3, group membership slice",
    version = "0.1.0",
    about = "CLI access to oz-groups — Onezone REST API v3, group membership slice"
)]
struct Cli {
    #[clap(subcommand)]
    operation: Operation,

    /// Address or hostname of the server hosting this API, including optional port
    #[clap(short = 'a', long, default_value = "http://localhost")]
    server_address: String,

    /// Path to the client private key if using client-side TLS authentication
    #[cfg(all(feature = "client-tls", not(any(target_os = "macos", target_os = "windows", target_os = "ios"))))]
    #[clap(long, requires_all(&["client_certificate", "server_certificate"]))]
    client_key: Option<String>,

    /// Path to the client's public certificate associated with the private key
    #[cfg(all(feature = "client-tls", not(any(target_os = "macos", target_os = "windows", target_os = "ios"))))]
    #[clap(long, requires_all(&["client_key", "server_certificate"]))]
    client_certificate: Option<String>,

    /// Path to CA certificate used to authenticate the server
    #[cfg(all(feature = "client-tls", not(any(target_os = "macos", target_os = "windows", target_os = "ios"))))]
    #[clap(long)]
    server_certificate: Option<String>,

    /// If set, write output to file instead of stdout
    #[clap(short, long)]
    output_file: Option<String>,

    #[command(flatten)]
    verbosity: clap_verbosity_flag::Verbosity,

    /// Don't ask for any confirmation prompts
    #[allow(dead_code)]
    #[clap(short, long)]
    force: bool,

    /// Bearer token if used for authentication
    #[arg(env = "OZ_GROUPS_API_BEARER_TOKEN", hide_env = true)]
    bearer_token: Option<String>,

    /// API key for authentication
    #[arg(long, env = "OZ_GROUPS_API_API_KEY", hide_env = true)]
    api_key: Option<String>,
}

#[derive(Parser, Debug)]
enum Operation {
    /// Create a group; the caller becomes a member with all privileges
    CreateGroup {
        #[clap(value_parser = parse_json::<models::GroupCreateRequest>)]
        group_create_request: models::GroupCreateRequest,
    },
    /// List all groups (zone admins only)
    ListGroups {},
    /// Mint a user invite token (needs group_invite_user)
    CreateGroupInviteToken {
        /// Group id.
        id: String,
    },
    /// Get group details (needs group_view_data)
    GetGroup {
        /// Group id.
        id: String,
    },
    /// Mint a user invite token (deprecated alias of POST, as in Onezone rc11)
    GetGroupInviteToken {
        /// Group id.
        id: String,
    },
    /// List the direct members of a group (needs group_view_data)
    ListGroupUsers {
        /// Group id.
        id: String,
    },
    /// Rename or retype a group (needs group_change_data)
    ModifyGroup {
        /// Group id.
        id: String,
        #[clap(value_parser = parse_json::<models::GroupUpdateRequest>)]
        group_update_request: models::GroupUpdateRequest,
    },
    /// Delete a group with its memberships (needs group_remove)
    RemoveGroup {
        /// Group id.
        id: String,
    },
    /// Get a direct member of a group (needs group_view_data)
    GetGroupUser {
        /// Group id.
        id: String,
        /// User id.
        uid: String,
    },
    /// Get a member's privileges in a group (needs group_view_data)
    GetGroupUserPrivileges {
        /// Group id.
        id: String,
        /// User id.
        uid: String,
    },
    /// Remove a member from a group (needs group_remove_user)
    RemoveGroupUser {
        /// Group id.
        id: String,
        /// User id.
        uid: String,
    },
    /// Replace a member's privileges in a group (needs group_set_privileges)
    SetGroupUserPrivileges {
        /// Group id.
        id: String,
        /// User id.
        uid: String,
        #[clap(value_parser = parse_json::<models::Privileges>)]
        privileges: models::Privileges,
    },
    /// Mint a new access token for the current user
    CreateClientToken {},
    /// Create a group; the caller becomes a member with all privileges
    CreateGroupForUser {
        #[clap(value_parser = parse_json::<models::GroupCreateRequest>)]
        group_create_request: models::GroupCreateRequest,
    },
    /// Get the current user
    GetCurrentUser {},
    /// Join group
    JoinGroup {
        /// Token for joining a group.
        #[clap(value_parser = parse_json::<models::GroupInviteToken>)]
        group_invite_token: models::GroupInviteToken,
    },
    /// List the current user's direct groups
    ListUserGroups {},
    /// Change the current user's name or alias
    ModifyCurrentUser {
        #[clap(value_parser = parse_json::<models::UserUpdateRequest>)]
        user_update_request: models::UserUpdateRequest,
    },
    /// Get a group the current user belongs to
    GetUserGroup {
        /// Group id.
        gid: String,
    },
    /// Leave a group
    LeaveGroup {
        /// Group id.
        gid: String,
    },
}

// On Linux/Unix with OpenSSL (client-tls feature), support certificate pinning and mutual TLS
#[cfg(all(feature = "client-tls", not(any(target_os = "macos", target_os = "windows", target_os = "ios"))))]
fn create_client(args: &Cli, context: ClientContext) -> Result<Box<dyn ApiNoContext<ClientContext>>> {
    if args.client_certificate.is_some() {
        debug!("Using mutual TLS");
        let client = Client::try_new_https_mutual(
            &args.server_address,
            args.server_certificate.clone().unwrap(),
            args.client_key.clone().unwrap(),
            args.client_certificate.clone().unwrap(),
        )
        .context("Failed to create HTTPS client")?;
        Ok(Box::new(client.with_context(context)))
    } else if args.server_certificate.is_some() {
        debug!("Using TLS with pinned server certificate");
        let client = Client::try_new_https_pinned(&args.server_address, args.server_certificate.clone().unwrap())
            .context("Failed to create HTTPS client")?;
        Ok(Box::new(client.with_context(context)))
    } else {
        debug!("Using client without certificates");
        let client = Client::try_new(&args.server_address).context("Failed to create HTTP(S) client")?;
        Ok(Box::new(client.with_context(context)))
    }
}

// On macOS/Windows/iOS or without client-tls feature, use simple client (no cert pinning/mutual TLS)
#[cfg(any(
    not(feature = "client-tls"),
    all(feature = "client-tls", any(target_os = "macos", target_os = "windows", target_os = "ios"))
))]
fn create_client(args: &Cli, context: ClientContext) -> Result<Box<dyn ApiNoContext<ClientContext>>> {
    // Client::try_new() automatically detects the URL scheme (http:// or https://)
    // and creates the appropriate client.
    // Note: Certificate pinning and mutual TLS are only available on Linux/Unix with OpenSSL
    let client = Client::try_new(&args.server_address).context("Failed to create HTTP(S) client")?;
    Ok(Box::new(client.with_context(context)))
}

#[tokio::main]
async fn main() -> Result<()> {
    let args = Cli::parse();
    if let Some(log_level) = args.verbosity.log_level() {
        SimpleLogger::new().with_level(log_level.to_level_filter()).init()?;
    }

    debug!("Arguments: {:?}", &args);

    let mut auth_data: Option<AuthData> = None;

    if let Some(ref bearer_token) = args.bearer_token {
        debug!("Using bearer token");
        auth_data = AuthData::bearer(bearer_token);
    }
    if let Some(ref api_key) = args.api_key {
        debug!("Using API key");
        auth_data = Some(AuthData::apikey(api_key));
    }

    #[allow(trivial_casts)]
    let context = swagger::make_context!(ContextBuilder, EmptyContext, auth_data, XSpanIdString::default());

    let client = create_client(&args, context)?;

    let result = match args.operation {
        Operation::CreateGroup { group_create_request } => {
            info!("Performing a CreateGroup request");

            let result = client.create_group(group_create_request).await?;
            debug!("Result: {:?}", result);

            match result {
                CreateGroupResponse::Created { location } => {
                    "Created\n".to_string() + &format!("location: {}\n", serde_json::to_string_pretty(&location)?)
                }
                CreateGroupResponse::BadRequest(body) => {
                    "BadRequest\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                CreateGroupResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                CreateGroupResponse::PayloadTooLarge(body) => {
                    "PayloadTooLarge\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                CreateGroupResponse::UnsupportedMediaType(body) => {
                    "UnsupportedMediaType\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                CreateGroupResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                CreateGroupResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::ListGroups {} => {
            info!("Performing a ListGroups request");

            let result = client.list_groups().await?;
            debug!("Result: {:?}", result);

            match result {
                ListGroupsResponse::Ok(body) => "Ok\n".to_string() + &serde_json::to_string_pretty(&body)?,
                ListGroupsResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                ListGroupsResponse::Forbidden(body) => {
                    "Forbidden\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ListGroupsResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ListGroupsResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::CreateGroupInviteToken { id } => {
            info!("Performing a CreateGroupInviteToken request on {:?}", (&id));

            let result = client.create_group_invite_token(id).await?;
            debug!("Result: {:?}", result);

            match result {
                CreateGroupInviteTokenResponse::Ok(body) => "Ok\n".to_string() + &serde_json::to_string_pretty(&body)?,
                CreateGroupInviteTokenResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                CreateGroupInviteTokenResponse::Forbidden(body) => {
                    "Forbidden\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                CreateGroupInviteTokenResponse::NotFound(body) => {
                    "NotFound\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                CreateGroupInviteTokenResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                CreateGroupInviteTokenResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::GetGroup { id } => {
            info!("Performing a GetGroup request on {:?}", (&id));

            let result = client.get_group(id).await?;
            debug!("Result: {:?}", result);

            match result {
                GetGroupResponse::Ok(body) => "Ok\n".to_string() + &serde_json::to_string_pretty(&body)?,
                GetGroupResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                GetGroupResponse::Forbidden(body) => "Forbidden\n".to_string() + &serde_json::to_string_pretty(&body)?,
                GetGroupResponse::NotFound(body) => "NotFound\n".to_string() + &serde_json::to_string_pretty(&body)?,
                GetGroupResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                GetGroupResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::GetGroupInviteToken { id } => {
            info!("Performing a GetGroupInviteToken request on {:?}", (&id));

            let result = client.get_group_invite_token(id).await?;
            debug!("Result: {:?}", result);

            match result {
                GetGroupInviteTokenResponse::Ok(body) => "Ok\n".to_string() + &serde_json::to_string_pretty(&body)?,
                GetGroupInviteTokenResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                GetGroupInviteTokenResponse::Forbidden(body) => {
                    "Forbidden\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                GetGroupInviteTokenResponse::NotFound(body) => {
                    "NotFound\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                GetGroupInviteTokenResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                GetGroupInviteTokenResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::ListGroupUsers { id } => {
            info!("Performing a ListGroupUsers request on {:?}", (&id));

            let result = client.list_group_users(id).await?;
            debug!("Result: {:?}", result);

            match result {
                ListGroupUsersResponse::Ok(body) => "Ok\n".to_string() + &serde_json::to_string_pretty(&body)?,
                ListGroupUsersResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                ListGroupUsersResponse::Forbidden(body) => {
                    "Forbidden\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ListGroupUsersResponse::NotFound(body) => {
                    "NotFound\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ListGroupUsersResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ListGroupUsersResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::ModifyGroup { id, group_update_request } => {
            info!("Performing a ModifyGroup request on {:?}", (&id));

            let result = client.modify_group(id, group_update_request).await?;
            debug!("Result: {:?}", result);

            match result {
                ModifyGroupResponse::NoContent => "NoContent\n".to_string(),
                ModifyGroupResponse::BadRequest(body) => {
                    "BadRequest\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ModifyGroupResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                ModifyGroupResponse::Forbidden(body) => {
                    "Forbidden\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ModifyGroupResponse::NotFound(body) => "NotFound\n".to_string() + &serde_json::to_string_pretty(&body)?,
                ModifyGroupResponse::PayloadTooLarge(body) => {
                    "PayloadTooLarge\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ModifyGroupResponse::UnsupportedMediaType(body) => {
                    "UnsupportedMediaType\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ModifyGroupResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ModifyGroupResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::RemoveGroup { id } => {
            prompt(args.force, "This will delete the given entry, are you sure?")?;
            info!("Performing a RemoveGroup request on {:?}", (&id));

            let result = client.remove_group(id).await?;
            debug!("Result: {:?}", result);

            match result {
                RemoveGroupResponse::NoContent => "NoContent\n".to_string(),
                RemoveGroupResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                RemoveGroupResponse::Forbidden(body) => {
                    "Forbidden\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                RemoveGroupResponse::NotFound(body) => "NotFound\n".to_string() + &serde_json::to_string_pretty(&body)?,
                RemoveGroupResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                RemoveGroupResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::GetGroupUser { id, uid } => {
            info!("Performing a GetGroupUser request on {:?}", (&id, &uid));

            let result = client.get_group_user(id, uid).await?;
            debug!("Result: {:?}", result);

            match result {
                GetGroupUserResponse::Ok(body) => "Ok\n".to_string() + &serde_json::to_string_pretty(&body)?,
                GetGroupUserResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                GetGroupUserResponse::Forbidden(body) => {
                    "Forbidden\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                GetGroupUserResponse::NotFound(body) => {
                    "NotFound\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                GetGroupUserResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                GetGroupUserResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::GetGroupUserPrivileges { id, uid } => {
            info!("Performing a GetGroupUserPrivileges request on {:?}", (&id, &uid));

            let result = client.get_group_user_privileges(id, uid).await?;
            debug!("Result: {:?}", result);

            match result {
                GetGroupUserPrivilegesResponse::Ok(body) => "Ok\n".to_string() + &serde_json::to_string_pretty(&body)?,
                GetGroupUserPrivilegesResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                GetGroupUserPrivilegesResponse::Forbidden(body) => {
                    "Forbidden\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                GetGroupUserPrivilegesResponse::NotFound(body) => {
                    "NotFound\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                GetGroupUserPrivilegesResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                GetGroupUserPrivilegesResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::RemoveGroupUser { id, uid } => {
            prompt(args.force, "This will delete the given entry, are you sure?")?;
            info!("Performing a RemoveGroupUser request on {:?}", (&id, &uid));

            let result = client.remove_group_user(id, uid).await?;
            debug!("Result: {:?}", result);

            match result {
                RemoveGroupUserResponse::NoContent => "NoContent\n".to_string(),
                RemoveGroupUserResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                RemoveGroupUserResponse::Forbidden(body) => {
                    "Forbidden\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                RemoveGroupUserResponse::NotFound(body) => {
                    "NotFound\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                RemoveGroupUserResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                RemoveGroupUserResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::SetGroupUserPrivileges { id, uid, privileges } => {
            info!("Performing a SetGroupUserPrivileges request on {:?}", (&id, &uid));

            let result = client.set_group_user_privileges(id, uid, privileges).await?;
            debug!("Result: {:?}", result);

            match result {
                SetGroupUserPrivilegesResponse::NoContent => "NoContent\n".to_string(),
                SetGroupUserPrivilegesResponse::BadRequest(body) => {
                    "BadRequest\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                SetGroupUserPrivilegesResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                SetGroupUserPrivilegesResponse::Forbidden(body) => {
                    "Forbidden\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                SetGroupUserPrivilegesResponse::NotFound(body) => {
                    "NotFound\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                SetGroupUserPrivilegesResponse::PayloadTooLarge(body) => {
                    "PayloadTooLarge\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                SetGroupUserPrivilegesResponse::UnsupportedMediaType(body) => {
                    "UnsupportedMediaType\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                SetGroupUserPrivilegesResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                SetGroupUserPrivilegesResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::CreateClientToken {} => {
            info!("Performing a CreateClientToken request");

            let result = client.create_client_token().await?;
            debug!("Result: {:?}", result);

            match result {
                CreateClientTokenResponse::Ok(body) => "Ok\n".to_string() + &serde_json::to_string_pretty(&body)?,
                CreateClientTokenResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                CreateClientTokenResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                CreateClientTokenResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::CreateGroupForUser { group_create_request } => {
            info!("Performing a CreateGroupForUser request");

            let result = client.create_group_for_user(group_create_request).await?;
            debug!("Result: {:?}", result);

            match result {
                CreateGroupForUserResponse::Created { location } => {
                    "Created\n".to_string() + &format!("location: {}\n", serde_json::to_string_pretty(&location)?)
                }
                CreateGroupForUserResponse::BadRequest(body) => {
                    "BadRequest\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                CreateGroupForUserResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                CreateGroupForUserResponse::PayloadTooLarge(body) => {
                    "PayloadTooLarge\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                CreateGroupForUserResponse::UnsupportedMediaType(body) => {
                    "UnsupportedMediaType\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                CreateGroupForUserResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                CreateGroupForUserResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::GetCurrentUser {} => {
            info!("Performing a GetCurrentUser request");

            let result = client.get_current_user().await?;
            debug!("Result: {:?}", result);

            match result {
                GetCurrentUserResponse::Ok(body) => "Ok\n".to_string() + &serde_json::to_string_pretty(&body)?,
                GetCurrentUserResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                GetCurrentUserResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                GetCurrentUserResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::JoinGroup { group_invite_token } => {
            info!("Performing a JoinGroup request");

            let result = client.join_group(group_invite_token).await?;
            debug!("Result: {:?}", result);

            match result {
                JoinGroupResponse::Created { location } => {
                    "Created\n".to_string() + &format!("location: {}\n", serde_json::to_string_pretty(&location)?)
                }
                JoinGroupResponse::BadRequest(body) => {
                    "BadRequest\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                JoinGroupResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                JoinGroupResponse::Forbidden(body) => "Forbidden\n".to_string() + &serde_json::to_string_pretty(&body)?,
                JoinGroupResponse::NotFound(body) => "NotFound\n".to_string() + &serde_json::to_string_pretty(&body)?,
                JoinGroupResponse::Conflict(body) => "Conflict\n".to_string() + &serde_json::to_string_pretty(&body)?,
                JoinGroupResponse::PayloadTooLarge(body) => {
                    "PayloadTooLarge\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                JoinGroupResponse::UnsupportedMediaType(body) => {
                    "UnsupportedMediaType\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                JoinGroupResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                JoinGroupResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::ListUserGroups {} => {
            info!("Performing a ListUserGroups request");

            let result = client.list_user_groups().await?;
            debug!("Result: {:?}", result);

            match result {
                ListUserGroupsResponse::Ok(body) => "Ok\n".to_string() + &serde_json::to_string_pretty(&body)?,
                ListUserGroupsResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                ListUserGroupsResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ListUserGroupsResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::ModifyCurrentUser { user_update_request } => {
            info!("Performing a ModifyCurrentUser request");

            let result = client.modify_current_user(user_update_request).await?;
            debug!("Result: {:?}", result);

            match result {
                ModifyCurrentUserResponse::NoContent => "NoContent\n".to_string(),
                ModifyCurrentUserResponse::BadRequest(body) => {
                    "BadRequest\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ModifyCurrentUserResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                ModifyCurrentUserResponse::PayloadTooLarge(body) => {
                    "PayloadTooLarge\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ModifyCurrentUserResponse::UnsupportedMediaType(body) => {
                    "UnsupportedMediaType\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ModifyCurrentUserResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                ModifyCurrentUserResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::GetUserGroup { gid } => {
            info!("Performing a GetUserGroup request on {:?}", (&gid));

            let result = client.get_user_group(gid).await?;
            debug!("Result: {:?}", result);

            match result {
                GetUserGroupResponse::Ok(body) => "Ok\n".to_string() + &serde_json::to_string_pretty(&body)?,
                GetUserGroupResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                GetUserGroupResponse::NotFound(body) => {
                    "NotFound\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                GetUserGroupResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                GetUserGroupResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
        Operation::LeaveGroup { gid } => {
            prompt(args.force, "This will delete the given entry, are you sure?")?;
            info!("Performing a LeaveGroup request on {:?}", (&gid));

            let result = client.leave_group(gid).await?;
            debug!("Result: {:?}", result);

            match result {
                LeaveGroupResponse::NoContent => "NoContent\n".to_string(),
                LeaveGroupResponse::Unauthorized { body, www_authenticate } => {
                    "Unauthorized\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("www_authenticate: {}\n", serde_json::to_string_pretty(&www_authenticate)?)
                }
                LeaveGroupResponse::NotFound(body) => "NotFound\n".to_string() + &serde_json::to_string_pretty(&body)?,
                LeaveGroupResponse::InternalError(body) => {
                    "InternalError\n".to_string() + &serde_json::to_string_pretty(&body)?
                }
                LeaveGroupResponse::ServiceUnavailable { body, retry_after } => {
                    "ServiceUnavailable\n".to_string()
                        + &format!("body: {}\n", serde_json::to_string_pretty(&body)?)
                        + &format!("retry_after: {}\n", serde_json::to_string_pretty(&retry_after)?)
                }
            }
        }
    };

    if let Some(output_file) = args.output_file {
        std::fs::write(output_file, result)?
    } else {
        println!("{}", result);
    }
    Ok(())
}

fn prompt(force: bool, text: &str) -> Result<()> {
    if force || Confirm::new().with_prompt(text).interact()? {
        Ok(())
    } else {
        Err(anyhow!("Aborting"))
    }
}

// May be unused if all inputs are primitive types
#[allow(dead_code)]
fn parse_json<T: serde::de::DeserializeOwned>(json_string: &str) -> Result<T> {
    serde_json::from_str(json_string).map_err(|err| anyhow!("Error parsing input: {}", err))
}
