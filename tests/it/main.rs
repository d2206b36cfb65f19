//! Integration tests of oz-groups: every row of the contract's §1 table, every endpoint of §3
//! (nested groups aside), the framework-level rules of §2, concurrency, and the real binary.
//! Behavioural tests run against both stores: `<test>::memory` and `<test>::sqlite`.

mod support;

mod cli;
mod concurrency;
mod crash;
mod framework;
mod groups;
mod harness;
mod join;
mod seed;
mod user;
