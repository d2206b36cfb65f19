#![allow(missing_docs, unused_variables, trivial_casts)]

use clap::{Arg, Command};
#[allow(unused_imports)]
use futures::{future, stream, Stream};
#[allow(unused_imports)]
use oz_groups_api::{
    models, Api, ApiNoContext, Claims, Client, ContextWrapperExt, CreateClientTokenResponse,
    CreateGroupForUserResponse, CreateGroupInviteTokenResponse, CreateGroupResponse, GetCurrentUserResponse,
    GetGroupInviteTokenResponse, GetGroupResponse, GetGroupUserPrivilegesResponse, GetGroupUserResponse,
    GetUserGroupResponse, JoinGroupResponse, LeaveGroupResponse, ListGroupUsersResponse, ListGroupsResponse,
    ListUserGroupsResponse, ModifyCurrentUserResponse, ModifyGroupResponse, RemoveGroupResponse,
    RemoveGroupUserResponse, SetGroupUserPrivilegesResponse,
};

// NOTE: Set environment variable RUST_LOG to the name of the executable (or "cargo run") to activate console logging for all loglevels.
//     See https://docs.rs/env_logger/latest/env_logger/  for more details

#[allow(unused_imports)]
use log::info;

// swagger::Has may be unused if there are no examples
#[allow(unused_imports)]
use swagger::{AuthData, ContextBuilder, EmptyContext, Has, Push, XSpanIdString};

type ClientContext = swagger::make_context_ty!(ContextBuilder, EmptyContext, Option<AuthData>, XSpanIdString);

mod client_auth;
use client_auth::build_token;

// rt may be unused if there are no examples
#[allow(unused_mut)]
fn main() {
    env_logger::init();

    let matches = Command::new("client")
        .arg(
            Arg::new("operation")
                .help("Sets the operation to run")
                .value_parser(Vec::<&str>::from([
                    "CreateGroup",
                    "ListGroups",
                    "CreateClientToken",
                    "CreateGroupForUser",
                    "GetCurrentUser",
                    "JoinGroup",
                    "ListUserGroups",
                ]))
                .required(true)
                .index(1),
        )
        .arg(Arg::new("https").long("https").help("Whether to use HTTPS or not"))
        .arg(Arg::new("host").long("host").default_value("localhost").help("Hostname to contact"))
        .arg(
            Arg::new("port")
                .long("port")
                .value_parser(clap::value_parser!(u16))
                .default_value("8080")
                .help("Port to contact"),
        )
        .get_matches();

    // Create Bearer-token with a fixed key (secret) for test purposes.
    // In a real (production) system this Bearer token should be obtained via an external Identity/Authentication-server
    // Ensure that you set the correct algorithm and encodingkey that matches what is used on the server side.
    // See https://github.com/Keats/jsonwebtoken for more information
    let auth_token = build_token(
        Claims {
            sub: "tester@acme.com".to_owned(),
            company: "ACME".to_owned(),
            iss: "my_identity_provider".to_owned(),
            // added a very long expiry time
            aud: "org.acme.Resource_Server".to_string(),
            exp: 10000000000,
            // In this example code all available Scopes are added, so the current Bearer Token gets fully authorization.
            scopes: "".to_owned(),
        },
        b"secret",
    )
    .unwrap();

    let auth_data = if !auth_token.is_empty() {
        Some(AuthData::Bearer(auth_token))
    } else {
        // No Bearer-token available, so return None
        None
    };

    let is_https = matches.contains_id("https");
    let base_url = format!(
        "{}://{}:{}",
        if is_https { "https" } else { "http" },
        matches.get_one::<String>("host").unwrap(),
        matches.get_one::<u16>("port").unwrap()
    );

    let context: ClientContext =
        swagger::make_context!(ContextBuilder, EmptyContext, auth_data, XSpanIdString::default());

    let mut client: Box<dyn ApiNoContext<ClientContext>> = {
        #[cfg(feature = "client-tls")]
        {
            if is_https {
                // Using HTTPS with native-tls
                let client = Box::new(Client::try_new_https(&base_url).expect("Failed to create HTTPS client"));
                Box::new(client.with_context(context))
            } else {
                // Using HTTP
                let client = Box::new(Client::try_new_http(&base_url).expect("Failed to create HTTP client"));
                Box::new(client.with_context(context))
            }
        }

        #[cfg(not(feature = "client-tls"))]
        {
            if is_https {
                panic!(
                    "HTTPS requested but TLS support not enabled. \
                        Enable the 'client-tls' feature to use HTTPS."
                );
            }
            // Using HTTP only
            let client = Box::new(Client::try_new_http(&base_url).expect("Failed to create HTTP client"));
            Box::new(client.with_context(context))
        }
    };

    let mut rt = tokio::runtime::Runtime::new().unwrap();

    match matches.get_one::<String>("operation").map(String::as_str) {
        Some("CreateGroup") => {
            let result = rt.block_on(
                client.create_group(
                    serde_json::from_str::<models::GroupCreateRequest>(r#"{"name":"Research team","type":"team"}"#)
                        .expect("Failed to parse JSON example"),
                ),
            );
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        }
        Some("ListGroups") => {
            let result = rt.block_on(client.list_groups());
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        }
        /* Disabled because there's no example.
        Some("CreateGroupInviteToken") => {
            let result = rt.block_on(client.create_group_invite_token(
                  ???
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        },
        */
        /* Disabled because there's no example.
        Some("GetGroup") => {
            let result = rt.block_on(client.get_group(
                  ???
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        },
        */
        /* Disabled because there's no example.
        Some("GetGroupInviteToken") => {
            let result = rt.block_on(client.get_group_invite_token(
                  ???
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        },
        */
        /* Disabled because there's no example.
        Some("ListGroupUsers") => {
            let result = rt.block_on(client.list_group_users(
                  ???
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        },
        */
        /* Disabled because there's no example.
        Some("ModifyGroup") => {
            let result = rt.block_on(client.modify_group(
                  ???,
                  ???
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        },
        */
        /* Disabled because there's no example.
        Some("RemoveGroup") => {
            let result = rt.block_on(client.remove_group(
                  ???
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        },
        */
        /* Disabled because there's no example.
        Some("GetGroupUser") => {
            let result = rt.block_on(client.get_group_user(
                  ???,
                  ???
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        },
        */
        /* Disabled because there's no example.
        Some("GetGroupUserPrivileges") => {
            let result = rt.block_on(client.get_group_user_privileges(
                  ???,
                  ???
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        },
        */
        /* Disabled because there's no example.
        Some("RemoveGroupUser") => {
            let result = rt.block_on(client.remove_group_user(
                  ???,
                  ???
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        },
        */
        /* Disabled because there's no example.
        Some("SetGroupUserPrivileges") => {
            let result = rt.block_on(client.set_group_user_privileges(
                  ???,
                  ???,
                  serde_json::from_str::<models::Privileges>(r#"{"privileges":["group_view_data","group_invite_user"]}"#).expect("Failed to parse JSON example")
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        },
        */
        Some("CreateClientToken") => {
            let result = rt.block_on(client.create_client_token());
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        }
        Some("CreateGroupForUser") => {
            let result = rt.block_on(
                client.create_group_for_user(
                    serde_json::from_str::<models::GroupCreateRequest>(r#"{"name":"Research team","type":"team"}"#)
                        .expect("Failed to parse JSON example"),
                ),
            );
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        }
        Some("GetCurrentUser") => {
            let result = rt.block_on(client.get_current_user());
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        }
        Some("JoinGroup") => {
            let result = rt.block_on(client.join_group(
                  serde_json::from_str::<models::GroupInviteToken>(r#"{"token":"JKAxNWxvY2F0aW9uIG9uZXpvbmUKMDAzYmlkZW50aWZpZXIgOEhmSEFSSGdrbHFCa1pWSTRsNk1CVHZTU3Z0OThwcHA2OTQ4czhRN1NPawowMDFhY2lkIHRpbWUgPCAxNDk2MTQwMTQ0CjAwMmZzaWduYXR1cmUg88OIBmav38YI0Z2-dw-fvrZ3XP-J0HjCN0taT3_WungK"}"#).expect("Failed to parse JSON example")
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        }
        Some("ListUserGroups") => {
            let result = rt.block_on(client.list_user_groups());
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        }
        /* Disabled because there's no example.
        Some("ModifyCurrentUser") => {
            let result = rt.block_on(client.modify_current_user(
                  ???
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        },
        */
        /* Disabled because there's no example.
        Some("GetUserGroup") => {
            let result = rt.block_on(client.get_user_group(
                  ???
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        },
        */
        /* Disabled because there's no example.
        Some("LeaveGroup") => {
            let result = rt.block_on(client.leave_group(
                  ???
            ));
            info!("{:?} (X-Span-ID: {:?})", result, (client.context() as &dyn Has<XSpanIdString>).get().clone());
        },
        */
        _ => {
            panic!("Invalid operation provided")
        }
    }
}
