//! The response contract: every reply the suite receives is checked against
//! `openapi/openapi.yaml` itself, so a test that passes on an undocumented response fails.
//!
//! For `M P` under the API root, `P` is resolved to the spec's path template (literal segments
//! win over `{param}` ones) and `M` to its operation. The status must be declared there; a
//! declared `content` fixes the `Content-Type` and the body's schema, no `content` means an empty
//! body; every header the response marks `required` must be present, and a `Link` header (the
//! lists' next page) only where the response declares one. A path no template matches
//! must be a 404, a method the template lacks a 405 whose `Allow` lists exactly the template's
//! methods; both with an `Error` body. Outside the API root (`/docs`, `/openapi.yaml`,
//! `/healthz`, ...) only the error shape is checked: a 4xx or 5xx must be an `Error` in JSON.
//!
//! The route matching here is written independently of the server's (`oz_groups::http::spec`),
//! so the two cannot share a bug; only the OpenAPI-to-JSON-Schema conversion is the crate's.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, OnceLock};

use jsonschema::Validator;
use oz_groups::http::spec::{json_schema_components, to_json_schema};
use reqwest::header::{ALLOW, CONTENT_TYPE, LINK, LOCATION};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

use super::Reply;

/// The spec as committed (the same file the server embeds and serves).
pub const SPEC_YAML: &str = include_str!("../../../openapi/openapi.yaml");

/// The spec as JSON, parsed once.
pub fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| serde_norway::from_str(SPEC_YAML).expect("openapi/openapi.yaml is YAML"))
}

/// Panics, naming the request, the status and every violation, unless `reply` (the answer to
/// `method path`; `path` is the request target, a query string allowed) is what the spec
/// declares.
#[track_caller]
pub fn check(method: &Method, path: &str, reply: &Reply) {
    if let Err(problems) = violations(method, path, reply) {
        panic!(
            "response contract violated: {method} {path} answered {}: {}\n  body: {}",
            reply.status,
            problems.join("; "),
            excerpt(&reply.text())
        );
    }
}

/// Every way `reply` departs from the spec, or `Ok`.
pub fn violations(method: &Method, path: &str, reply: &Reply) -> Result<(), Vec<String>> {
    let contract = contract();
    let path = path.split(['?', '#']).next().unwrap_or_default();
    // HEAD is GET without the body (contract §2), and the spec declares no HEAD: a HEAD reply
    // must have no body, and `head::` tests compare its status and headers with GET's.
    if *method == Method::HEAD {
        return match reply.body.is_empty() {
            true => Ok(()),
            false => Err(vec![format!("a HEAD reply has a body of {} bytes", reply.body.len())]),
        };
    }
    let mut problems = Vec::new();
    match contract.api_path(path) {
        None => contract.check_outside_api(reply, &mut problems),
        Some(api_path) => match contract.route(api_path) {
            None => {
                if reply.status != StatusCode::NOT_FOUND {
                    problems.push(format!(
                        "no path template of the spec matches {api_path:?}, so only a framework 404 may \
                         answer, not {}",
                        reply.status
                    ));
                }
                contract.check_error_body(reply, &mut problems);
            }
            Some(route) => match route.operations.get(method.as_str()) {
                None => contract.check_wrong_method(route, reply, &mut problems),
                Some(operation) => contract.check_operation(route, operation, method, reply, &mut problems),
            },
        },
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

// --- the spec, compiled once ----------------------------------------------------------------------

struct Contract {
    /// The server URL, e.g. `/api/v3/onezone` (no trailing slash).
    base_path: String,
    routes: Vec<Route>,
    /// `#/components/schemas/Error`, compiled.
    error: Arc<Validator>,
}

struct Route {
    template: String,
    /// `None` for a `{param}` segment.
    segments: Vec<Option<String>>,
    /// Upper-case method → operation.
    operations: HashMap<String, Operation>,
}

struct Operation {
    id: String,
    /// Status key as written (`"201"`, `"4XX"`, `"default"`) → response.
    responses: Vec<(String, Response)>,
}

struct Response {
    /// Media type (lower case) → compiled schema, if the media type is JSON and has a schema.
    content: Vec<(String, Option<Arc<Validator>>)>,
    required_headers: Vec<String>,
    /// Every header the response declares, in lower case.
    declared_headers: Vec<String>,
}

fn contract() -> &'static Contract {
    static CONTRACT: OnceLock<Contract> = OnceLock::new();
    CONTRACT.get_or_init(|| Contract::load(spec()))
}

/// The HTTP methods a path item may hold (OpenAPI 3.0 §4.7.9).
const METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

impl Contract {
    fn load(spec: &Value) -> Contract {
        let base_path = spec
            .pointer("/servers/0/url")
            .and_then(Value::as_str)
            .expect("the spec names a server URL")
            .trim_end_matches('/')
            .to_owned();
        let components = json_schema_components(spec);
        let mut compiled: HashMap<String, Arc<Validator>> = HashMap::new();
        let mut compile = |schema: &Value| -> Arc<Validator> {
            let key = schema.to_string();
            compiled.entry(key).or_insert_with(|| Arc::new(compile_schema(schema, &components))).clone()
        };
        let error = compile(&json!({ "$ref": "#/components/schemas/Error" }));

        let mut routes = Vec::new();
        let paths = spec.get("paths").and_then(Value::as_object).expect("the spec has paths");
        for (template, item) in paths {
            let item = resolve(spec, item);
            let mut operations = HashMap::new();
            for name in METHODS {
                let Some(op) = item.get(name) else { continue };
                let id = op.get("operationId").and_then(Value::as_str).unwrap_or(name).to_owned();
                let mut responses = Vec::new();
                let declared = op.get("responses").and_then(Value::as_object);
                for (status, response) in declared.into_iter().flatten() {
                    let response = resolve(spec, response);
                    let content = response
                        .get("content")
                        .and_then(Value::as_object)
                        .into_iter()
                        .flatten()
                        .map(|(media, body)| {
                            let media = media.to_ascii_lowercase();
                            let schema = body.get("schema").filter(|_| is_json(&media)).map(&mut compile);
                            (media, schema)
                        })
                        .collect();
                    let required_headers = response
                        .get("headers")
                        .and_then(Value::as_object)
                        .into_iter()
                        .flatten()
                        .filter(|(_, header)| resolve(spec, header).get("required") == Some(&Value::Bool(true)))
                        .map(|(name, _)| name.clone())
                        .collect();
                    let declared_headers = response
                        .get("headers")
                        .and_then(Value::as_object)
                        .into_iter()
                        .flatten()
                        .map(|(name, _)| name.to_ascii_lowercase())
                        .collect();
                    responses.push((status.clone(), Response { content, required_headers, declared_headers }));
                }
                operations.insert(name.to_ascii_uppercase(), Operation { id, responses });
            }
            let segments = template
                .trim_start_matches('/')
                .split('/')
                .map(|s| if s.starts_with('{') && s.ends_with('}') { None } else { Some(s.to_owned()) })
                .collect();
            routes.push(Route { template: template.clone(), segments, operations });
        }
        Contract { base_path, routes, error }
    }

    /// The path under the API root (`/user`, or `""` for the root itself), or `None` when
    /// `path` lies outside it.
    fn api_path<'p>(&self, path: &'p str) -> Option<&'p str> {
        let rest = path.strip_prefix(&self.base_path)?;
        (rest.is_empty() || rest.starts_with('/')).then_some(rest)
    }

    /// The template `path` resolves to. Of several matches the one whose first literal segment
    /// comes earliest wins (OpenAPI: concrete paths before templated ones), so
    /// `/user/groups/join` is never `/user/groups/{gid}`.
    fn route(&self, path: &str) -> Option<&Route> {
        // Contract §2: a trailing slash never changes the resource (`/user/` is `/user`).
        let path = match path.strip_suffix('/') {
            Some(cut) if !cut.is_empty() => cut,
            _ => path,
        };
        let parts: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
        let literal_mask = |r: &Route| r.segments.iter().map(Option::is_some).collect::<Vec<bool>>();
        let mut best: Option<&Route> = None;
        for route in self.routes.iter().filter(|r| r.matches(&parts)) {
            match best {
                Some(b) if literal_mask(b) == literal_mask(route) => {
                    panic!("the spec is ambiguous: {path} matches both {} and {}", b.template, route.template)
                }
                Some(b) if literal_mask(b) > literal_mask(route) => {}
                _ => best = Some(route),
            }
        }
        best
    }

    fn check_operation(
        &self,
        route: &Route,
        operation: &Operation,
        method: &Method,
        reply: &Reply,
        problems: &mut Vec<String>,
    ) {
        let Some(response) = operation.response(reply.status) else {
            let declared: Vec<&str> = operation.responses.iter().map(|(s, _)| s.as_str()).collect();
            problems.push(format!(
                "status {} is not declared for {} ({method} {}; declared: {})",
                reply.status.as_u16(),
                operation.id,
                route.template,
                declared.join(", ")
            ));
            return;
        };
        for name in &response.required_headers {
            match reply.header_lossy(name) {
                None => problems.push(format!("the required header {name} is missing ({})", operation.id)),
                Some(value) if name.eq_ignore_ascii_case(LOCATION.as_str()) => {
                    if !value.starts_with(&format!("{}/", self.base_path)) {
                        problems.push(format!("Location {value:?} is not a path under {}/", self.base_path));
                    }
                }
                Some(_) => {}
            }
        }
        if reply.headers.contains_key(LINK) && !response.declared_headers.iter().any(|h| h == LINK.as_str()) {
            problems.push(format!("a Link header is sent where the response declares none ({})", operation.id));
        }
        if response.content.is_empty() {
            if !reply.body.is_empty() {
                problems.push(format!(
                    "the response declares no content, yet the body has {} bytes ({})",
                    reply.body.len(),
                    operation.id
                ));
            }
            return;
        }
        if method == Method::HEAD {
            return;
        }
        let media = media_type(reply);
        let Some((_, schema)) =
            response.content.iter().find(|(declared, _)| Some(declared.as_str()) == media.as_deref())
        else {
            let declared: Vec<&str> = response.content.iter().map(|(m, _)| m.as_str()).collect();
            problems.push(format!(
                "Content-Type {:?} is not declared (declared: {})",
                reply.header_lossy(CONTENT_TYPE.as_str()),
                declared.join(", ")
            ));
            return;
        };
        if let Some(schema) = schema {
            validate_json(schema, reply, &format!("the body of {}", operation.id), problems);
        }
    }

    /// A method the path's template does not have: a framework 405.
    fn check_wrong_method(&self, route: &Route, reply: &Reply, problems: &mut Vec<String>) {
        if reply.status != StatusCode::METHOD_NOT_ALLOWED {
            problems.push(format!(
                "{} has no operation for this method, so only a framework 405 may answer, not {}",
                route.template, reply.status
            ));
        }
        // The template's methods, and HEAD where GET is one (HEAD is answered as GET, §2).
        let mut expected: BTreeSet<String> = route.operations.keys().cloned().collect();
        if expected.contains("GET") {
            expected.insert("HEAD".to_owned());
        }
        match reply.header_lossy(ALLOW.as_str()) {
            None => problems.push("a 405 must carry an Allow header".to_owned()),
            Some(allow) => {
                let listed: BTreeSet<String> =
                    allow.split(',').map(|m| m.trim().to_ascii_uppercase()).filter(|m| !m.is_empty()).collect();
                if listed != expected {
                    problems.push(format!(
                        "Allow {allow:?} does not list exactly the methods of {} ({expected:?})",
                        route.template
                    ));
                }
            }
        }
        self.check_error_body(reply, problems);
    }

    /// Outside the API no operation applies; an error must still have the Error shape.
    fn check_outside_api(&self, reply: &Reply, problems: &mut Vec<String>) {
        if reply.status.is_client_error() || reply.status.is_server_error() {
            if reply.status == StatusCode::METHOD_NOT_ALLOWED && reply.header_lossy(ALLOW.as_str()).is_none() {
                problems.push("a 405 must carry an Allow header".to_owned());
            }
            self.check_error_body(reply, problems);
        }
    }

    /// `Content-Type: application/json` and a body valid against `Error`.
    fn check_error_body(&self, reply: &Reply, problems: &mut Vec<String>) {
        let media = media_type(reply);
        if media.as_deref() != Some("application/json") {
            problems.push(format!(
                "an error must be application/json, not {:?}",
                reply.header_lossy(CONTENT_TYPE.as_str())
            ));
            return;
        }
        validate_json(&self.error, reply, "the Error body", problems);
    }
}

impl Route {
    fn matches(&self, parts: &[&str]) -> bool {
        self.segments.len() == parts.len()
            && self.segments.iter().zip(parts).all(|(segment, part)| match segment {
                Some(literal) => literal == part,
                None => !part.is_empty(),
            })
    }
}

impl Operation {
    /// The response declared for `status`: its exact code, else its range (`4XX`), else
    /// `default` (OpenAPI 3.0 §4.7.16).
    fn response(&self, status: StatusCode) -> Option<&Response> {
        let code = status.as_u16().to_string();
        let range = format!("{}XX", status.as_u16() / 100);
        [code.as_str(), range.as_str(), "default"]
            .iter()
            .find_map(|key| self.responses.iter().find(|(s, _)| s.eq_ignore_ascii_case(key)).map(|(_, r)| r))
    }
}

impl Reply {
    fn header_lossy(&self, name: &str) -> Option<String> {
        self.headers.get(name).map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
    }
}

// --- helpers --------------------------------------------------------------------------------------

/// Follows a local `$ref` (`#/components/responses/NotFound`), repeatedly.
fn resolve<'s>(spec: &'s Value, mut value: &'s Value) -> &'s Value {
    for _ in 0..16 {
        let Some(reference) = value.get("$ref").and_then(Value::as_str) else { return value };
        let pointer = reference.strip_prefix('#').unwrap_or_else(|| panic!("a non-local $ref {reference}"));
        value = spec.pointer(pointer).unwrap_or_else(|| panic!("the spec's $ref {reference} points nowhere"));
    }
    panic!("a $ref cycle in the spec")
}

/// A draft-4 validator for one OpenAPI schema, whose root carries the converted components so
/// that `#/components/schemas/...` references resolve.
fn compile_schema(schema: &Value, components: &Value) -> Validator {
    let mut root = to_json_schema(schema);
    let Value::Object(map) = &mut root else { panic!("a schema that is not an object: {schema}") };
    map.insert("components".into(), json!({ "schemas": components }));
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&root)
        .unwrap_or_else(|e| panic!("the spec's schema {schema} does not compile: {e}"))
}

fn is_json(media: &str) -> bool {
    media == "application/json" || media.ends_with("+json")
}

/// The reply's media type without parameters, in lower case.
fn media_type(reply: &Reply) -> Option<String> {
    reply
        .header_lossy(CONTENT_TYPE.as_str())
        .map(|ct| ct.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
}

fn validate_json(validator: &Validator, reply: &Reply, what: &str, problems: &mut Vec<String>) {
    let body: Value = match serde_json::from_slice(&reply.body) {
        Ok(body) => body,
        Err(e) => {
            problems.push(format!("{what} is not JSON ({e})"));
            return;
        }
    };
    let errors: Vec<String> = validator
        .iter_errors(&body)
        .map(|e| format!("{what} is invalid at {:?}: {e}", e.instance_path.to_string()))
        .collect();
    problems.extend(errors);
}

fn excerpt(text: &str) -> String {
    const MAX: usize = 400;
    if text.chars().count() <= MAX {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    }
}
