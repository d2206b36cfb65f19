//! Swagger UI, seen by a real browser: starts the `oz-groups` binary, loads `/docs/` in headless
//! Chromium (which runs Swagger UI's JavaScript and fetches `/openapi.json`), and checks that
//! every operation of the spec is rendered. Without Chromium it follows `oz_testkit::skip`: a loud
//! SKIPPED line, or a failure under CI.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

const CHROMIUM: &str = "/usr/bin/chromium";

/// The browser: `CHROMIUM`, or `OZ_TEST_CHROMIUM` when set (`OZ_TEST_CHROMIUM=/nonexistent` is
/// how the skip rule is tried on a machine that has Chromium).
fn chromium() -> &'static str {
    static PATH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    PATH.get_or_init(|| std::env::var("OZ_TEST_CHROMIUM").ok().filter(|p| !p.is_empty()).unwrap_or(CHROMIUM.into()))
}

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the binary on a free port and returns it with its address (from its first line).
fn start_server(data_dir: &std::path::Path) -> (Server, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_oz-groups"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(data_dir)
        .env_remove("OZ_DATABASE")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the oz-groups binary starts");
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut first = String::new();
    BufReader::new(stdout).read_line(&mut first).expect("the server prints its address");
    let addr = first.trim().strip_prefix("oz-groups listening on ").expect("first line names the address").to_owned();
    (Server(child), addr)
}

/// `(method, path)` of every operation in the committed spec.
fn spec_operations() -> BTreeSet<(String, String)> {
    let spec: serde_json::Value = serde_norway::from_str(include_str!("../openapi/openapi.yaml")).expect("spec parses");
    let mut ops = BTreeSet::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("path item").keys() {
            if ["get", "put", "post", "delete", "patch"].contains(&method.as_str()) {
                ops.insert((method.clone(), path.clone()));
            }
        }
    }
    ops
}

/// `(method, path)` of every operation block Swagger UI rendered into the DOM.
fn rendered_operations(dom: &str) -> BTreeSet<(String, String)> {
    let mut ops = BTreeSet::new();
    for block in dom.split("class=\"opblock opblock-").skip(1) {
        // The label, not the class: deprecated operations are classed `opblock-deprecated`.
        let method = match block.split("opblock-summary-method\">").nth(1) {
            Some(rest) => rest.split('<').next().unwrap_or("").to_ascii_lowercase(),
            None => continue,
        };
        if let Some(rest) = block.split("data-path=\"").nth(1) {
            let path = rest.split('"').next().unwrap_or("").to_owned();
            ops.insert((method, path));
        }
    }
    ops
}

#[test]
fn swagger_ui_renders_every_operation_of_the_spec_in_a_real_browser() {
    if !std::path::Path::new(chromium()).exists() {
        // The skip rule: a loud line here, a failure under CI.
        oz_testkit::skip(
            "swagger_ui_renders_every_operation_of_the_spec_in_a_real_browser",
            &format!("{} not found (apt-get install chromium); Swagger UI was NOT checked", chromium()),
        );
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let profile = tempfile::tempdir().expect("tempdir");
    let (_server, addr) = start_server(data.path());
    // The flags keep Chromium off the network this machine does not have (see env docs).
    let output = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=20000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("{addr}/docs/"))
        .stderr(Stdio::null())
        .output()
        .expect("chromium runs");
    assert!(output.status.success(), "chromium exited with {}", output.status);
    let dom = String::from_utf8_lossy(&output.stdout);
    assert!(dom.contains("swagger-ui"), "the page is Swagger UI");
    let expected = spec_operations();
    let rendered = rendered_operations(&dom);
    assert_eq!(expected.len(), 31, "the spec's operation count changed: update this test on purpose");
    let missing: Vec<_> = expected.difference(&rendered).collect();
    assert!(missing.is_empty(), "operations not rendered by Swagger UI: {missing:?}");
    assert!(dom.contains("oz-groups"), "the spec's title is shown");
}
