//! Integration tests of oz-groups: every row of the contract's §1 table, every endpoint of §3
//! (nested groups in `nested`, `nested_model` and `nested_races`; named invite tokens and join records, §8, in `invites`), the framework-level rules of §2, concurrency, and the real binary.
//! Behavioural tests run against every store: `<test>::memory`, `<test>::sqlite` and
//! `<test>::postgres` (`all_backends!`); edge tests, whose outcome is decided before the store
//! is asked, run once on memory (`edge_only!`). PostgreSQL also runs across real server
//! instances, crashes and outages. Time is the server's `TestClock`, never the real date.

mod support;

mod basic_auth;
mod bounds;
mod cli;
mod concurrency;
mod connections;
mod crash;
mod faults;
mod framework;
mod groups;
mod harness;
mod head;
mod instances;
mod invites;
mod join;
mod keys;
mod last_manager;
mod media_type;
mod metrics;
mod names;
mod nested;
mod nested_model;
mod nested_races;
mod pages;
mod rate_limits;
mod read_only_members;
mod rust_client;
mod seed;
mod shutdown;
mod tls;
mod trailing_slash;
mod user;
mod users;
mod zone;
