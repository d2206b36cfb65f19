//! Main library entry point for oz_groups_api implementation.

#![allow(unused_imports)]

use async_trait::async_trait;
use futures::{future, Stream, StreamExt, TryFutureExt, TryStreamExt};
use hyper::server::conn::http1;
use hyper::service::{service_fn, Service};
use hyper_util::rt::TokioIo;
use log::info;
use std::future::Future;
use std::marker::PhantomData;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use swagger::auth::MakeAllowAllAuthenticator;
use swagger::EmptyContext;
use swagger::{Has, XSpanIdString};
use tokio::net::TcpListener;

#[cfg(not(any(target_os = "macos", target_os = "windows", target_os = "ios")))]
use openssl::ssl::{Ssl, SslAcceptor, SslAcceptorBuilder, SslFiletype, SslMethod};

use oz_groups_api::models;

/// Builds an SSL implementation for Simple HTTPS from some hard-coded file names
pub async fn create(addr: &str, https: bool) {
    let addr: SocketAddr = addr.parse().expect("Failed to parse bind address");
    let listener = TcpListener::bind(&addr).await.unwrap();

    let server = Server::new();

    let service = MakeService::new(server);
    let service = MakeAllowAllAuthenticator::new(service, "cosmo");

    #[allow(unused_mut)]
    let mut service = oz_groups_api::server::context::MakeAddContext::<_, EmptyContext>::new(service);

    if https {
        #[cfg(any(target_os = "macos", target_os = "windows", target_os = "ios"))]
        {
            unimplemented!("SSL is not implemented for the examples on MacOS, Windows or iOS");
        }

        #[cfg(not(any(target_os = "macos", target_os = "windows", target_os = "ios")))]
        {
            let mut ssl =
                SslAcceptor::mozilla_intermediate_v5(SslMethod::tls()).expect("Failed to create SSL Acceptor");

            // Server authentication
            ssl.set_private_key_file("examples/server-key.pem", SslFiletype::PEM).expect("Failed to set private key");
            ssl.set_certificate_chain_file("examples/server-chain.pem").expect("Failed to set certificate chain");
            ssl.check_private_key().expect("Failed to check private key");

            let tls_acceptor = ssl.build();

            info!("Starting a server (with https)");
            loop {
                if let Ok((tcp, addr)) = listener.accept().await {
                    let ssl = Ssl::new(tls_acceptor.context()).unwrap();
                    let service = service.call(addr);

                    tokio::spawn(async move {
                        let tls = tokio_openssl::SslStream::new(ssl, tcp).map_err(|_| ())?;
                        let service = service.await.map_err(|_| ())?;

                        http1::Builder::new().serve_connection(TokioIo::new(tls), service).await.map_err(|_| ())
                    });
                }
            }
        }
    } else {
        info!("Starting a server (over http, so no TLS)");
        println!("Listening on http://{}", addr);

        loop {
            // When an incoming TCP connection is received grab a TCP stream for
            // client<->server communication.
            //
            // Note, this is a .await point, this loop will loop forever but is not a busy loop. The
            // .await point allows the Tokio runtime to pull the task off of the thread until the task
            // has work to do. In this case, a connection arrives on the port we are listening on and
            // the task is woken up, at which point the task is then put back on a thread, and is
            // driven forward by the runtime, eventually yielding a TCP stream.
            let (tcp_stream, addr) = listener.accept().await.expect("Failed to accept connection");

            let service = service.call(addr).await.unwrap();
            let io = TokioIo::new(tcp_stream);
            // Spin up a new task in Tokio so we can continue to listen for new TCP connection on the
            // current task without waiting for the processing of the HTTP1 connection we just received
            // to finish
            tokio::task::spawn(async move {
                // Handle the connection from the client using HTTP1 and pass any
                // HTTP requests received on that connection to the `hello` function
                let result = http1::Builder::new().serve_connection(io, service).await;
                if let Err(err) = result {
                    println!("Error serving connection: {err:?}");
                }
            });
        }
    }
}

#[derive(Copy)]
pub struct Server<C> {
    marker: PhantomData<C>,
}

impl<C> Server<C> {
    pub fn new() -> Self {
        Server { marker: PhantomData }
    }
}

impl<C> Clone for Server<C> {
    fn clone(&self) -> Self {
        Self { marker: PhantomData }
    }
}

use crate::server_auth;
use jsonwebtoken::{
    decode, encode, errors::Error as JwtError, Algorithm, DecodingKey, EncodingKey, Header, TokenData, Validation,
};
use serde::{Deserialize, Serialize};
use swagger::auth::Authorization;

use oz_groups_api::server::MakeService;
use oz_groups_api::{
    Api, CreateClientTokenResponse, CreateGroupForUserResponse, CreateGroupInviteTokenResponse, CreateGroupResponse,
    GetCurrentUserResponse, GetGroupInviteTokenResponse, GetGroupResponse, GetGroupUserPrivilegesResponse,
    GetGroupUserResponse, GetUserGroupResponse, JoinGroupResponse, LeaveGroupResponse, ListGroupUsersResponse,
    ListGroupsResponse, ListUserGroupsResponse, ModifyCurrentUserResponse, ModifyGroupResponse, RemoveGroupResponse,
    RemoveGroupUserResponse, SetGroupUserPrivilegesResponse,
};
use std::error::Error;
use swagger::ApiError;

#[async_trait]
impl<C> Api<C> for Server<C>
where
    C: Has<XSpanIdString> + Send + Sync,
{
    /// Create a group; the caller becomes a member with all privileges
    async fn create_group(
        &self,
        group_create_request: models::GroupCreateRequest,
        context: &C,
    ) -> Result<CreateGroupResponse, ApiError> {
        info!("create_group({:?}) - X-Span-ID: {:?}", group_create_request, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// List all groups (zone admins only)
    async fn list_groups(&self, context: &C) -> Result<ListGroupsResponse, ApiError> {
        info!("list_groups() - X-Span-ID: {:?}", context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Mint a user invite token (needs group_invite_user)
    async fn create_group_invite_token(
        &self,
        id: String,
        context: &C,
    ) -> Result<CreateGroupInviteTokenResponse, ApiError> {
        info!("create_group_invite_token({:?}) - X-Span-ID: {:?}", id, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Get group details (needs group_view_data)
    async fn get_group(&self, id: String, context: &C) -> Result<GetGroupResponse, ApiError> {
        info!("get_group({:?}) - X-Span-ID: {:?}", id, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Mint a user invite token (deprecated alias of POST, as in Onezone rc11)
    async fn get_group_invite_token(&self, id: String, context: &C) -> Result<GetGroupInviteTokenResponse, ApiError> {
        info!("get_group_invite_token({:?}) - X-Span-ID: {:?}", id, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// List the direct members of a group (needs group_view_data)
    async fn list_group_users(&self, id: String, context: &C) -> Result<ListGroupUsersResponse, ApiError> {
        info!("list_group_users({:?}) - X-Span-ID: {:?}", id, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Rename or retype a group (needs group_change_data)
    async fn modify_group(
        &self,
        id: String,
        group_update_request: models::GroupUpdateRequest,
        context: &C,
    ) -> Result<ModifyGroupResponse, ApiError> {
        info!("modify_group({:?}, {:?}) - X-Span-ID: {:?}", id, group_update_request, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Delete a group with its memberships (needs group_remove)
    async fn remove_group(&self, id: String, context: &C) -> Result<RemoveGroupResponse, ApiError> {
        info!("remove_group({:?}) - X-Span-ID: {:?}", id, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Get a direct member of a group (needs group_view_data)
    async fn get_group_user(&self, id: String, uid: String, context: &C) -> Result<GetGroupUserResponse, ApiError> {
        info!("get_group_user({:?}, {:?}) - X-Span-ID: {:?}", id, uid, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Get a member's privileges in a group (needs group_view_data)
    async fn get_group_user_privileges(
        &self,
        id: String,
        uid: String,
        context: &C,
    ) -> Result<GetGroupUserPrivilegesResponse, ApiError> {
        info!("get_group_user_privileges({:?}, {:?}) - X-Span-ID: {:?}", id, uid, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Remove a member from a group (needs group_remove_user)
    async fn remove_group_user(
        &self,
        id: String,
        uid: String,
        context: &C,
    ) -> Result<RemoveGroupUserResponse, ApiError> {
        info!("remove_group_user({:?}, {:?}) - X-Span-ID: {:?}", id, uid, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Replace a member's privileges in a group (needs group_set_privileges)
    async fn set_group_user_privileges(
        &self,
        id: String,
        uid: String,
        privileges: models::Privileges,
        context: &C,
    ) -> Result<SetGroupUserPrivilegesResponse, ApiError> {
        info!(
            "set_group_user_privileges({:?}, {:?}, {:?}) - X-Span-ID: {:?}",
            id,
            uid,
            privileges,
            context.get().0.clone()
        );
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Mint a new access token for the current user
    async fn create_client_token(&self, context: &C) -> Result<CreateClientTokenResponse, ApiError> {
        info!("create_client_token() - X-Span-ID: {:?}", context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Create a group; the caller becomes a member with all privileges
    async fn create_group_for_user(
        &self,
        group_create_request: models::GroupCreateRequest,
        context: &C,
    ) -> Result<CreateGroupForUserResponse, ApiError> {
        info!("create_group_for_user({:?}) - X-Span-ID: {:?}", group_create_request, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Get the current user
    async fn get_current_user(&self, context: &C) -> Result<GetCurrentUserResponse, ApiError> {
        info!("get_current_user() - X-Span-ID: {:?}", context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Join group
    async fn join_group(
        &self,
        group_invite_token: models::GroupInviteToken,
        context: &C,
    ) -> Result<JoinGroupResponse, ApiError> {
        info!("join_group({:?}) - X-Span-ID: {:?}", group_invite_token, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// List the current user's direct groups
    async fn list_user_groups(&self, context: &C) -> Result<ListUserGroupsResponse, ApiError> {
        info!("list_user_groups() - X-Span-ID: {:?}", context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Change the current user's name or alias
    async fn modify_current_user(
        &self,
        user_update_request: models::UserUpdateRequest,
        context: &C,
    ) -> Result<ModifyCurrentUserResponse, ApiError> {
        info!("modify_current_user({:?}) - X-Span-ID: {:?}", user_update_request, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Get a group the current user belongs to
    async fn get_user_group(&self, gid: String, context: &C) -> Result<GetUserGroupResponse, ApiError> {
        info!("get_user_group({:?}) - X-Span-ID: {:?}", gid, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }

    /// Leave a group
    async fn leave_group(&self, gid: String, context: &C) -> Result<LeaveGroupResponse, ApiError> {
        info!("leave_group({:?}) - X-Span-ID: {:?}", gid, context.get().0.clone());
        Err(ApiError("Api-Error: Operation is NOT implemented".into()))
    }
}
