//! Test support shared by the unit tests, the integration tests and the benchmark: the one skip
//! rule, and the one PostgreSQL launcher (`postgres`).
//!
//! The skip rule: a test that needs something this machine lacks (a PostgreSQL server,
//! Chromium) calls `skip`. On a developer's machine that prints a loud `*** SKIPPED ... ***` line
//! and the test returns, passing. Under CI (`CI=true`, which `.ci/run` exports) it panics
//! instead: CI installs everything, so a missing dependency there is a broken run, and a
//! regression must never land green as "skipped".

use std::io::Write;

pub mod postgres;

/// The environment variable that says the run is CI.
pub const CI_VARIABLE: &str = "CI";

/// Whether the environment says this is CI: `CI` is `true` or `1` (any case, spaces ignored).
pub fn in_ci() -> bool {
    ci_value_says_ci(std::env::var(CI_VARIABLE).ok().as_deref())
}

/// `in_ci`'s reading of the variable's value (`None`: unset or not Unicode).
fn ci_value_says_ci(value: Option<&str>) -> bool {
    value.is_some_and(|v| v.trim().eq_ignore_ascii_case("true") || v.trim() == "1")
}

/// THE skip rule. `test` (the name cargo shows, or what is being skipped) cannot run for `why`.
/// Outside CI: writes `*** SKIPPED <test>: <why> ***` straight to the process's standard error
/// (past cargo's output capture, which would swallow `eprintln!`) and returns; the caller then
/// returns too. Under CI: panics with that line.
#[track_caller]
pub fn skip(test: &str, why: &str) {
    match verdict(in_ci(), test, why) {
        Verdict::Skip(line) => {
            let _ = writeln!(std::io::stderr(), "{line}");
        }
        Verdict::Fail(message) => panic!("{message}"),
    }
}

/// What `skip` does, decided apart from the process's environment so that it can be tested.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    /// Print this line and pass.
    Skip(String),
    /// Fail with this message.
    Fail(String),
}

fn verdict(ci: bool, test: &str, why: &str) -> Verdict {
    let line = format!("*** SKIPPED {test}: {why} ***");
    if ci {
        Verdict::Fail(format!(
            "{line}\nThis is CI ({CI_VARIABLE}=true): a missing dependency fails the run instead of passing as skipped."
        ))
    } else {
        Verdict::Skip(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ci_is_true_or_1_in_any_case_and_nothing_else() {
        for yes in ["true", "TRUE", "True", "1", " true\n"] {
            assert!(ci_value_says_ci(Some(yes)), "{yes:?} says CI");
        }
        for no in ["false", "0", "", "yes", "truthy"] {
            assert!(!ci_value_says_ci(Some(no)), "{no:?} does not say CI");
        }
        assert!(!ci_value_says_ci(None), "no CI variable is not CI");
    }

    #[test]
    fn outside_ci_a_missing_dependency_is_a_loud_skip_line() {
        assert_eq!(
            verdict(false, "join::x::postgres", "no PostgreSQL"),
            Verdict::Skip("*** SKIPPED join::x::postgres: no PostgreSQL ***".to_owned())
        );
    }

    #[test]
    fn under_ci_a_missing_dependency_fails_with_the_skip_line() {
        let Verdict::Fail(message) = verdict(true, "browser", "no Chromium") else {
            panic!("under CI a skip must fail");
        };
        assert!(message.starts_with("*** SKIPPED browser: no Chromium ***"), "{message}");
    }
}
