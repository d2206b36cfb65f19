//! The HTTP edge, and the only module that names the generated crate. `gate` routes and checks
//! each request once, `dispatch` calls the generated `Api` trait that `api` implements, `reply`
//! turns its responses into HTTP, `convert` maps models to domain enums, `error` maps errors to
//! responses, `spec` reads the embedded spec, `docs` serves Swagger UI, `server` runs hyper, `conn` holds its connections to the limits of contract §9.

mod api;
pub mod conn;
mod context;
mod convert;
mod dispatch;
mod docs;
pub mod error;
mod gate;
mod reply;
pub mod server;
pub mod spec;

pub use gate::Gate;
