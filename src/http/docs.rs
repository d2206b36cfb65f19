//! The routes outside the API: Swagger UI at `/docs` (its files are compiled into the binary,
//! so it works with no network), the spec at `/openapi.yaml` (byte for byte the committed file)
//! and `/openapi.json`, `/healthz`, and `/metrics` (Prometheus text).

use std::sync::Arc;

use hyper::header::{HeaderValue, CACHE_CONTROL, CONTENT_TYPE, LOCATION};
use hyper::{Method, Response, StatusCode};

use super::error::{self, full, Body, EdgeError};
use super::spec::{Spec, OPENAPI_YAML};
use crate::domain::Error;
use crate::service::App;
use crate::telemetry::metrics;

pub struct Docs {
    swagger: Arc<utoipa_swagger_ui::Config<'static>>,
    json: Vec<u8>,
}

impl Docs {
    pub fn new(spec: &Spec) -> anyhow::Result<Self> {
        let swagger = utoipa_swagger_ui::Config::from("/openapi.json").try_it_out_enabled(true);
        Ok(Self { swagger: Arc::new(swagger), json: serde_json::to_vec_pretty(&spec.json)? })
    }

    /// The response for a documentation route, `None` for any other path.
    pub async fn serve(&self, path: &str, method: &Method, app: &App) -> Option<Response<Body>> {
        let is_docs = path == "/docs" || path.starts_with("/docs/");
        if !(is_docs || matches!(path, "/openapi.yaml" | "/openapi.json" | "/healthz" | "/metrics")) {
            return None;
        }
        if method != Method::GET {
            return Some(error::response(&EdgeError::MethodNotAllowed, Some("GET, HEAD")));
        }
        Some(match path {
            "/openapi.yaml" => content("application/yaml", OPENAPI_YAML.as_bytes().to_vec()),
            "/openapi.json" => content("application/json", self.json.clone()),
            "/healthz" => health(app).await,
            "/metrics" => scrape(),
            // Swagger UI loads its files relative to the page, so the page needs the slash.
            "/docs" => redirect("/docs/"),
            _ => self.swagger_file(&path["/docs/".len()..]),
        })
    }

    fn swagger_file(&self, tail: &str) -> Response<Body> {
        match utoipa_swagger_ui::serve(tail, self.swagger.clone()) {
            Ok(Some(file)) => content(&file.content_type, file.bytes.into_owned()),
            Ok(None) => error::response(&EdgeError::NoRoute, None),
            Err(e) => error::response(&Error::internal(format!("swagger ui: {e}")).into(), None),
        }
    }
}

/// 200 `{"status":"ok"}` when the service says it can serve (its store answers); otherwise
/// the API's own 503 (JSON error, `Retry-After`), so that a load balancer and a client see the
/// same thing.
async fn health(app: &App) -> Response<Body> {
    let mut response = match app.health().await {
        Ok(()) => content("application/json", br#"{"status":"ok","store":"ok"}"#.to_vec()),
        Err(e) => error::response(&e.into(), None),
    };
    response.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Every series of `telemetry::metrics`, unauthenticated like `/healthz`: a scraper holds no
/// token, and the series carry counts only, under labels the code chooses (no id, login, path
/// or token). README's "Metrics" says how to keep it off a public address.
fn scrape() -> Response<Body> {
    let mut response = content(metrics::CONTENT_TYPE, metrics::render());
    response.headers_mut().insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn content(content_type: &str, bytes: Vec<u8>) -> Response<Body> {
    let mut response = Response::new(full(bytes));
    if let Ok(value) = HeaderValue::from_str(content_type) {
        response.headers_mut().insert(CONTENT_TYPE, value);
    }
    response
}

fn redirect(to: &'static str) -> Response<Body> {
    let mut response = Response::new(full(Vec::new()));
    *response.status_mut() = StatusCode::MOVED_PERMANENTLY;
    response.headers_mut().insert(LOCATION, HeaderValue::from_static(to));
    response
}
