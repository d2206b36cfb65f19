//! The HTTP edge, and the only module that names the generated crate. `gate` is the thin layer
//! around the generated server, `api` implements its trait, `error` maps domain errors to
//! responses, `spec` reads the embedded spec, `docs` serves Swagger UI, `server` runs hyper.

mod api;
mod context;
mod convert;
mod docs;
pub mod error;
mod gate;
mod reply;
pub mod server;
pub mod spec;

pub use gate::Gate;
