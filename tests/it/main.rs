//! Integration tests of oz-groups: every row of the contract's §1 table, every endpoint of §3
//! (nested groups aside), the framework-level rules of §2, concurrency, and the real binary.
//! Behavioural tests run against every store: `<test>::memory`, `<test>::sqlite` and
//! `<test>::postgres`; PostgreSQL also across real server instances, crashes and outages.

mod support;

mod cli;
mod concurrency;
mod crash;
mod faults;
mod framework;
mod groups;
mod harness;
mod instances;
mod join;
mod seed;
mod user;
