//! oz-groups: invite-token group membership, the group slice of the Onezone REST API v3.
//!
//! Reading order, from the edge inwards:
//! - [`cli`], [`startup`], [`config`], [`telemetry`]: the process: arguments, wiring, logs.
//! - [`http`]: the only module that knows HTTP and the generated crate (`oz_groups_api`, built
//!   from `openapi/openapi.yaml`): the gate (routing, auth, body checks, once per request), the
//!   dispatch to the generated `Api` trait and its adapter, the reply table, the edge's error
//!   type and the one error mapping, Swagger UI.
//! - [`service`]: the use cases, one method per operation, on domain types.
//! - [`tokens`]: macaroons in Onezone's wire format; minting and verification.
//! - [`store`]: the persistence trait and its backends (memory, SQLite, PostgreSQL), the two SQL
//!   ones over one shared SQL core.
//! - [`domain`]: ids, names, privileges, the membership rule, the one error enum.

pub mod cli;
pub mod config;
pub mod domain;
pub mod http;
pub mod service;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod tokens;
