//! The HTTP edge, and the only module that names the generated crate. `gate` routes and checks
//! each request once, `dispatch` calls the generated `Api` trait that `api` implements, `reply`
//! turns its responses into HTTP, `convert` maps models to domain enums, `invites` converts the
//! named-token, join-record and origin models, `error` maps errors to
//! responses, `limits` holds the rate limits, `spec` reads the embedded spec, `docs` serves
//! Swagger UI, `server` runs hyper, `conn` holds its connections to the limits of contract §9,
//! `tls` makes them HTTPS, `drain` closes them at shutdown.

mod api;
mod body;
pub mod conn;
mod context;
mod convert;
mod dispatch;
mod docs;
mod drain;
pub mod error;
mod gate;
mod invites;
pub mod limits;
mod reply;
pub mod server;
pub mod spec;
pub mod tls;

pub use gate::Gate;
