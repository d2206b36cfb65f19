//! The spec as data: `openapi/openapi.yaml`, embedded in the binary, read once at start-up into
//! a route table (which methods each path has, which operations need credentials, which take a
//! JSON body and which query parameters) and one JSON Schema validator per request body and per
//! query parameter. The gate enforces what the spec
//! says from this table, so an endpoint added to the spec is routed, authenticated and
//! validated without code here changing.

use std::collections::BTreeMap;

use hyper::Method;
use serde_json::{json, Map, Value};

/// The spec file exactly as committed; also what `/openapi.yaml` serves.
pub const OPENAPI_YAML: &str = include_str!("../../openapi/openapi.yaml");

/// Largest request body accepted (contract §1 row 4).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// One operation: a method on a path template.
pub struct Operation {
    /// The spec's `operationId`, which is also the generated `Api` method's name.
    pub id: String,
    pub method: Method,
    /// Whether credentials are required (the spec's global `security`, unless the operation
    /// overrides it with an empty list).
    pub secured: bool,
    /// The JSON body the operation takes, if any.
    pub body: Option<BodyRule>,
    /// The query parameters the operation declares, in the spec's order (path item's first).
    pub query: Vec<QueryRule>,
}

/// One declared query parameter and its schema.
pub struct QueryRule {
    pub name: String,
    /// Query values are text; an `integer` parameter's text is read as a JSON number before the
    /// schema sees it.
    integer: bool,
    validator: jsonschema::Validator,
    /// The schema itself, `$ref` resolved, for the bounds an error sentence names.
    schema: Value,
}

pub struct BodyRule {
    pub required: bool,
    /// The schema's name, for error sentences ("GroupInviteToken").
    pub schema_name: String,
    validator: jsonschema::Validator,
}

/// A JSON value whose objects name each member once (`BodyRule::parse`); otherwise what
/// `serde_json::Value` reads.
struct Strict(Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(name) = map.next_key::<String>()? {
            if members.contains_key(&name) {
                // The name only, shortened: never a value, which may be a token.
                let message = format!("names member '{}' more than once", shorten(&name));
                return Err(serde::de::Error::custom(message));
            }
            let Strict(value) = map.next_value()?;
            members.insert(name, value);
        }
        Ok(Value::Object(members))
    }
}

/// The most segments a path template may have (the spec's longest has far fewer).
const MAX_SEGMENTS: usize = 16;

/// A path template with its operations.
pub struct Route {
    pub template: String,
    segments: Vec<Segment>,
    /// Bit 63 − i set when segment i is a literal: among templates of one length, the greater
    /// value has a literal earlier (`Spec::route`'s order).
    literal_first: u64,
    pub operations: Vec<Operation>,
}

enum Segment {
    Literal(String),
    Param(String),
}

/// The parsed spec: routes under the API root, and the spec as JSON for `/openapi.json`.
pub struct Spec {
    pub base_path: String,
    routes: Vec<Route>,
    pub json: Value,
}

impl Spec {
    /// Reads the embedded spec. It was checked when the binary was built (the generator read
    /// the same file), so a failure here is a broken build, reported as an error all the same.
    pub fn load() -> anyhow::Result<Spec> {
        let json: Value = serde_norway::from_str(OPENAPI_YAML)?;
        let base_path = json
            .pointer("/servers/0/url")
            .and_then(Value::as_str)
            .ok_or_else(|| anyhow::anyhow!("the spec names no server URL"))?
            .trim_end_matches('/')
            .to_owned();
        let globally_secured = json.get("security").and_then(Value::as_array).is_some_and(|s| !s.is_empty());
        let components = json_schema_components(&json);
        let mut routes = Vec::new();
        let paths =
            json.get("paths").and_then(Value::as_object).ok_or_else(|| anyhow::anyhow!("the spec has no paths"))?;
        for (template, item) in paths {
            let mut operations = Vec::new();
            for (name, op) in item.as_object().into_iter().flatten() {
                let Ok(method) = name.to_ascii_uppercase().parse::<Method>() else { continue };
                if !matches!(name.as_str(), "get" | "put" | "post" | "delete" | "patch" | "head" | "options" | "trace")
                {
                    continue;
                }
                let secured = match op.get("security").and_then(Value::as_array) {
                    Some(list) => !list.is_empty(),
                    None => globally_secured,
                };
                let body = match op.pointer("/requestBody/content/application~1json/schema") {
                    Some(schema) => Some(body_rule(op, schema, &components)?),
                    None => None,
                };
                let id = op
                    .get("operationId")
                    .and_then(Value::as_str)
                    .ok_or_else(|| anyhow::anyhow!("{name} {template} has no operationId"))?
                    .to_owned();
                let query = query_rules(&json, item, op, &components)?;
                operations.push(Operation { id, method, secured, body, query });
            }
            let segments: Vec<Segment> = template
                .trim_start_matches('/')
                .split('/')
                .map(|s| match s.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                    Some(name) => Segment::Param(name.to_owned()),
                    None => Segment::Literal(s.to_owned()),
                })
                .collect();
            anyhow::ensure!(segments.len() <= MAX_SEGMENTS, "{template} has more than {MAX_SEGMENTS} segments");
            let literal_first = segments
                .iter()
                .enumerate()
                .filter(|(_, s)| matches!(s, Segment::Literal(_)))
                .fold(0, |mask, (i, _)| mask | 1u64 << (63 - i));
            routes.push(Route { template: template.clone(), segments, literal_first, operations });
        }
        Ok(Spec { base_path, routes, json })
    }

    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    /// The route for a path under the API root (`/user/groups/join`). Where several templates
    /// match, the one with a literal segment earliest wins (OpenAPI: concrete paths before
    /// templated ones), so `/user/groups/join` is never read as group `join`.
    /// Runs on every request, so the path's segments stay on the stack: a path longer than any
    /// template matches none.
    pub fn route(&self, path: &str) -> Option<&Route> {
        let mut parts = [""; MAX_SEGMENTS];
        let mut count = 0;
        // One leading slash: `//user` has an empty first segment, which names nothing, as an
        // empty segment anywhere else does.
        for part in path.strip_prefix('/').unwrap_or(path).split('/') {
            *parts.get_mut(count)? = part;
            count += 1;
        }
        self.routes.iter().filter(|r| r.matches(&parts[..count])).max_by_key(|r| r.literal_first)
    }
}

impl Route {
    fn matches(&self, parts: &[&str]) -> bool {
        self.segments.len() == parts.len()
            && self.segments.iter().zip(parts).all(|(segment, part)| match segment {
                Segment::Literal(l) => l == part,
                // A segment that does not decode to text cannot be an id: it names nothing (404),
                // rather than reaching the generated code, whose answer would be an undeclared 400.
                Segment::Param(_) => {
                    !part.is_empty() && percent_encoding::percent_decode_str(part).decode_utf8().is_ok()
                }
            })
    }

    /// The names of the template's parameters, in order.
    pub fn param_names(&self) -> Vec<&str> {
        self.segments
            .iter()
            .filter_map(|s| match s {
                Segment::Param(name) => Some(name.as_str()),
                Segment::Literal(_) => None,
            })
            .collect()
    }

    /// The values of the template's parameters in `path` (which this route matched), in order
    /// and percent-decoded (`matches` made sure they decode).
    pub fn params(&self, path: &str) -> Vec<String> {
        let parts = path.strip_prefix('/').unwrap_or(path).split('/');
        parts
            .zip(&self.segments)
            .filter(|(_, segment)| matches!(segment, Segment::Param(_)))
            .map(|(part, _)| percent_encoding::percent_decode_str(part).decode_utf8_lossy().into_owned())
            .collect()
    }

    pub fn operation(&self, method: &Method) -> Option<&Operation> {
        self.operations.iter().find(|op| op.method == method)
    }

    /// The value of an `Allow` header for this path: its operations' methods, and HEAD where
    /// GET is one (the gate answers HEAD as GET, contract §2).
    pub fn allow(&self) -> String {
        let mut methods = self.operations.iter().map(|op| op.method.as_str()).collect::<Vec<_>>();
        if methods.contains(&"GET") {
            methods.push("HEAD");
        }
        methods.join(", ")
    }
}

impl BodyRule {
    /// The body `bytes` read as JSON and validated. A member named twice in one object is
    /// refused, not resolved: RFC 8259 leaves which one counts to each parser, so a proxy or a
    /// firewall in front of this server could read the first value while the server read the last.
    pub fn parse(&self, bytes: &[u8]) -> Result<Value, String> {
        let value = serde_json::from_slice::<Strict>(bytes).map_err(|e| match e.classify() {
            serde_json::error::Category::Data => format!("The request body {e}."),
            _ => "The request body is not valid JSON.".to_owned(),
        })?;
        self.validate(&value.0)?;
        Ok(value.0)
    }

    /// `Err` carries one sentence naming where the body is wrong and how, without echoing the
    /// values sent (a body may hold a token).
    pub fn validate(&self, body: &Value) -> Result<(), String> {
        // The usual case, a valid body, without building an error iterator.
        if self.validator.is_valid(body) {
            return Ok(());
        }
        let Some(error) = self.validator.iter_errors(body).next() else { return Ok(()) };
        let at = error.instance_path.to_string();
        let name = &self.schema_name;
        let subject = match at.trim_start_matches('/') {
            "" => format!("The {name} body"),
            member => format!("In the {name} body, member '{}'", shorten(member)),
        };
        use jsonschema::error::ValidationErrorKind as K;
        let problem = match &error.kind {
            K::AdditionalProperties { unexpected } => {
                // At most a few names, each shortened, so the sentence stays within the spec's
                // bound on `error_description` however many members were sent.
                let mut names: Vec<String> =
                    unexpected.iter().take(MAX_NAMED).map(|n| format!("'{}'", shorten(n))).collect();
                if unexpected.len() > MAX_NAMED {
                    names.push(format!("and {} more", unexpected.len() - MAX_NAMED));
                }
                format!("has unknown member(s) {}", names.join(", "))
            }
            K::Required { property } => format!("lacks the required member {property}"),
            K::Type { kind } => {
                let expected = match kind {
                    jsonschema::error::TypeKind::Single(one) => one.to_string(),
                    jsonschema::error::TypeKind::Multiple(set) => {
                        set.iter().map(|one| one.to_string()).collect::<Vec<_>>().join(" or ")
                    }
                };
                format!("has the wrong type (expected {expected})")
            }
            K::MinLength { .. } | K::MaxLength { .. } | K::Pattern { .. } => {
                "is empty, too long, or contains characters that are not allowed".to_owned()
            }
            K::Enum { .. } => "is not one of the allowed values".to_owned(),
            K::MinProperties { .. } => "must have at least one member".to_owned(),
            K::UniqueItems => "lists an item more than once".to_owned(),
            _ => "does not match the schema".to_owned(),
        };
        Err(format!("{subject} {problem}."))
    }
}

impl Operation {
    /// The values of the declared query parameters in `query` (the URI's query string), in
    /// `self.query`'s order, each validated against its schema. Parameters the spec does not
    /// declare are ignored, as they always were; a declared one given twice is refused, since
    /// nothing says which to take. `Err` is one sentence that names the parameter, never its value.
    pub fn query_values(&self, query: Option<&str>) -> Result<Vec<Option<String>>, String> {
        let mut values: Vec<Option<String>> = vec![None; self.query.len()];
        if self.query.is_empty() {
            return Ok(values);
        }
        for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(name) = form_decode(raw_name) else { continue };
            let Some(at) = self.query.iter().position(|rule| rule.name == name) else { continue };
            let rule = &self.query[at];
            let value = form_decode(raw_value)
                .ok_or_else(|| format!("The query parameter '{}' is not valid UTF-8.", rule.name))?;
            if values[at].is_some() {
                return Err(format!("The query parameter '{}' is given more than once.", rule.name));
            }
            rule.validate(&value)?;
            values[at] = Some(value);
        }
        Ok(values)
    }
}

/// A query string's component, percent-decoded with `+` as a space (HTML form encoding, which
/// is what clients send); `None` when the bytes are not UTF-8.
fn form_decode(raw: &str) -> Option<String> {
    let spaced = raw.replace('+', " ");
    percent_encoding::percent_decode_str(&spaced).decode_utf8().ok().map(|v| v.into_owned())
}

impl QueryRule {
    fn validate(&self, value: &str) -> Result<(), String> {
        let name = &self.name;
        let json = if self.integer {
            // Only plain decimal digits with an optional sign: what a client writes for a number.
            let digits = value.strip_prefix('-').unwrap_or(value);
            match value.parse::<i64>() {
                Ok(n) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => Value::from(n),
                _ => return Err(format!("The query parameter '{name}' must be an integer.")),
            }
        } else {
            Value::String(value.to_owned())
        };
        let Some(error) = self.validator.iter_errors(&json).next() else { return Ok(()) };
        use jsonschema::error::ValidationErrorKind as K;
        let problem = match &error.kind {
            K::Minimum { .. } | K::Maximum { .. } => "is out of range",
            K::MinLength { .. } | K::MaxLength { .. } | K::Pattern { .. } => "is malformed",
            _ => "does not match the schema",
        };
        let bounds = match (self.schema_number("minimum"), self.schema_number("maximum")) {
            (Some(min), Some(max)) => format!(" (it takes {min} to {max})"),
            _ => String::new(),
        };
        Err(format!("The query parameter '{name}' {problem}{bounds}."))
    }

    fn schema_number(&self, keyword: &str) -> Option<i64> {
        self.schema.get(keyword).and_then(Value::as_i64)
    }
}

/// The query parameters of `op` on path item `item` (the item's own first, then the
/// operation's), with `$ref`s to `#/components/parameters` resolved.
fn query_rules(spec: &Value, item: &Value, op: &Value, components: &Value) -> anyhow::Result<Vec<QueryRule>> {
    let declared = [item, op].into_iter().flat_map(|v| v.get("parameters").and_then(Value::as_array)).flatten();
    let mut rules = Vec::new();
    for parameter in declared {
        let parameter = match parameter.get("$ref").and_then(Value::as_str) {
            Some(r) => spec
                .pointer(r.trim_start_matches('#'))
                .ok_or_else(|| anyhow::anyhow!("the parameter {r} does not resolve"))?,
            None => parameter,
        };
        if parameter.get("in").and_then(Value::as_str) != Some("query") {
            continue;
        }
        let name = parameter.get("name").and_then(Value::as_str).unwrap_or_default().to_owned();
        let schema = parameter.get("schema").ok_or_else(|| anyhow::anyhow!("query parameter {name} has no schema"))?;
        let resolved = match schema.get("$ref").and_then(Value::as_str) {
            Some(r) => spec.pointer(r.trim_start_matches('#')).unwrap_or(schema),
            None => schema,
        };
        let integer = resolved.get("type").and_then(Value::as_str) == Some("integer");
        let validator = validator(schema, components, &format!("query parameter {name}"))?;
        rules.push(QueryRule { name, integer, validator, schema: to_json_schema(resolved) });
    }
    Ok(rules)
}

/// How many unknown members a 400 names.
const MAX_NAMED: usize = 5;

fn shorten(name: &str) -> String {
    name.chars().take(40).collect()
}

/// Builds the rule for one operation's JSON body. `$ref`s point into `#/components/schemas`,
/// so the validator's root document carries the converted components beside the reference.
fn body_rule(op: &Value, schema: &Value, components: &Value) -> anyhow::Result<BodyRule> {
    let required = op.pointer("/requestBody/required").and_then(Value::as_bool).unwrap_or(false);
    let schema_name =
        schema.get("$ref").and_then(Value::as_str).and_then(|r| r.rsplit('/').next()).unwrap_or("request").to_owned();
    let validator = validator(schema, components, &schema_name)?;
    Ok(BodyRule { required, schema_name, validator })
}

/// The validator of one schema of the spec. `$ref`s point into `#/components/schemas`, so the
/// validator's root document carries the converted components beside the schema.
fn validator(schema: &Value, components: &Value, what: &str) -> anyhow::Result<jsonschema::Validator> {
    let mut root = to_json_schema(schema);
    if let Value::Object(map) = &mut root {
        map.insert("components".into(), json!({ "schemas": components }));
    }
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&root)
        .map_err(|e| anyhow::anyhow!("schema of {what} does not compile: {e}"))
}

pub fn json_schema_components(spec: &Value) -> Value {
    let mut out = Map::new();
    for (name, schema) in spec.pointer("/components/schemas").and_then(Value::as_object).into_iter().flatten() {
        out.insert(name.clone(), to_json_schema(schema));
    }
    Value::Object(out)
}

/// OpenAPI 3.0 schemas are JSON Schema draft 4 plus `nullable`; this rewrites `nullable: true`
/// as a type union with `null` and drops the annotation-only keywords.
pub fn to_json_schema(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => {
            let mut out: BTreeMap<String, Value> = BTreeMap::new();
            for (k, v) in map {
                if matches!(k.as_str(), "example" | "nullable" | "deprecated" | "readOnly" | "writeOnly")
                    || k.starts_with("x-")
                {
                    continue;
                }
                out.insert(k.clone(), to_json_schema(v));
            }
            if map.get("nullable").and_then(Value::as_bool) == Some(true) {
                if let Some(Value::String(t)) = out.get("type").cloned() {
                    out.insert("type".into(), json!([t, "null"]));
                }
            }
            Value::Object(out.into_iter().collect())
        }
        Value::Array(items) => Value::Array(items.iter().map(to_json_schema).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> Spec {
        Spec::load().expect("the committed spec loads")
    }

    /// The spec's `Name` and `Alias` patterns, compiled as the gate compiles them.
    fn name_patterns(spec: &Spec) -> (jsonschema::Validator, jsonschema::Validator) {
        let compile = |schema: &str| {
            let schema = spec.json.pointer(&format!("/components/schemas/{schema}")).expect("declared").clone();
            validator(&schema, &json!({}), schema.to_string().as_str()).expect("it compiles")
        };
        (compile("Name"), compile("Alias"))
    }

    #[test]
    fn the_specs_name_pattern_admits_exactly_the_names_the_domain_admits_in_the_basic_multilingual_plane() {
        use crate::domain::Name;
        let spec = spec();
        let (name, alias) = name_patterns(&spec);
        let mut checked = 0;
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            // The character inside a name, and the character alone (white space only, or blank).
            for raw in [format!("a{c}b"), c.to_string(), format!("{c}{c}")] {
                let domain = Name::parse(&raw, "name").is_ok();
                assert_eq!(name.is_valid(&json!(raw)), domain, "Name, U+{:04X}: the domain says {domain}", c as u32);
                assert_eq!(alias.is_valid(&json!(raw)), domain, "Alias, U+{:04X}", c as u32);
                checked += 1;
            }
        }
        assert_eq!(checked, 3 * (0x10000 - 0x800), "every BMP scalar value was tried");
        assert!(alias.is_valid(&json!("")), "the empty alias clears it");
        assert!(!name.is_valid(&json!("")));
    }

    #[test]
    fn literal_paths_win_over_templated_ones() {
        let spec = spec();
        assert_eq!(spec.route("/user/groups/join").unwrap().template, "/user/groups/join");
        assert_eq!(spec.route("/user/groups/abc").unwrap().template, "/user/groups/{gid}");
        assert_eq!(spec.route("/groups/a/users/token").unwrap().template, "/groups/{id}/users/token");
        assert!(spec.route("/groups/").is_none());
        assert!(spec.route("/groups/%FF%FE").is_none(), "a parameter must decode to UTF-8");
        assert_eq!(spec.route("/groups/a%20b").unwrap().template, "/groups/{id}");
        assert_eq!(spec.route("/groups/a%20b").unwrap().params("/groups/a%20b"), ["a b"]);
        let member = spec.route("/groups/g/users/u").unwrap();
        assert_eq!(
            (member.param_names(), member.params("/groups/g/users/u")),
            (vec!["id", "uid"], vec!["g".into(), "u".into()])
        );
        assert!(spec.route("/nowhere").is_none());
    }

    #[test]
    fn the_allow_header_lists_the_paths_methods() {
        let spec = spec();
        assert_eq!(spec.route("/user/groups/join").unwrap().allow(), "POST");
        let token = spec.route("/groups/x/users/token").unwrap().allow();
        assert!(token.contains("GET") && token.contains("POST") && token.contains("HEAD"), "{token}");
    }

    #[test]
    fn request_bodies_are_validated_strictly_against_the_spec() {
        let spec = spec();
        let join = spec.route("/user/groups/join").unwrap().operation(&Method::POST).unwrap();
        let rule = join.body.as_ref().unwrap();
        assert!(rule.required && join.secured);
        assert!(rule.validate(&json!({"token": "x"})).is_ok());
        for bad in [json!({}), json!({"token": 1}), json!({"token": "x", "extra": true}), json!([]), json!("x")] {
            assert!(rule.validate(&bad).is_err(), "{bad}");
        }
        let err = rule.validate(&json!({"token": "x", "secret-ish": 1})).unwrap_err();
        assert!(err.contains("unknown member") && err.contains("GroupInviteToken"), "{err}");
        let wrong_type = |body: Value| rule.validate(&body).unwrap_err();
        assert_eq!(
            wrong_type(json!({"token": 1})),
            "In the GroupInviteToken body, member 'token' has the wrong type (expected string)."
        );
        assert_eq!(wrong_type(json!([])), "The GroupInviteToken body has the wrong type (expected object).");
    }

    #[test]
    fn a_body_of_many_long_unknown_members_gets_a_description_within_the_specs_bound() {
        let spec = spec();
        let join = spec.route("/user/groups/join").unwrap().operation(&Method::POST).unwrap();
        let members: serde_json::Map<String, Value> =
            (0..1000).map(|i| (format!("{i}{}", "x".repeat(500)), json!(1))).collect();
        let err = join.body.as_ref().unwrap().validate(&Value::Object(members)).unwrap_err();
        assert!(err.len() <= 1024 && err.contains("and 995 more"), "{} bytes: {err}", err.len());
    }

    #[test]
    fn a_member_named_twice_is_refused_at_any_depth_and_names_only_its_name() {
        let spec = spec();
        let create = spec.route("/user/groups").unwrap().operation(&Method::POST).unwrap();
        let rule = create.body.as_ref().unwrap();
        assert_eq!(rule.parse(br#"{"name": "a", "type": "team"}"#), Ok(json!({"name": "a", "type": "team"})));
        for (body, name) in [
            (r#"{"name": "a", "name": "secret"}"#, "name"),
            (r#"{"name": "a", "x": [{"k": 1, "k": 2}]}"#, "k"),
            (r#"{"name": "a", "x": {"y": {"\u0041": 1, "A": 2}}}"#, "A"),
        ] {
            let err = rule.parse(body.as_bytes()).unwrap_err();
            assert!(err.starts_with(&format!("The request body names member '{name}' more than once")), "{err}");
            assert!(!err.contains("secret"), "{err}");
        }
        for bad in [&b"{"[..], b"nope", b"1e999", b"{\"a\": 1} x", b"[\"\\ud800\"]"] {
            assert_eq!(rule.parse(bad), Err("The request body is not valid JSON.".to_owned()));
        }
        // Distinct members, arrays and every scalar still read as `serde_json::Value` reads them.
        let many = br#"[1, -2, 2.5, true, null, "s", {"a": {}, "b": []}]"#;
        let strict = serde_json::from_slice::<Strict>(many).unwrap().0;
        assert_eq!(strict, serde_json::from_slice::<Value>(many).unwrap());
    }

    #[test]
    fn a_member_of_several_allowed_types_names_them_all() {
        let schema = json!({"type": "object", "properties": {"x": {"type": "string", "nullable": true}}});
        let rule = BodyRule {
            required: true,
            schema_name: "Thing".into(),
            validator: validator(&schema, &json!({}), "Thing").expect("it compiles"),
        };
        assert_eq!(
            rule.validate(&json!({"x": 1})).unwrap_err(),
            "In the Thing body, member 'x' has the wrong type (expected null or string)."
        );
    }

    #[test]
    fn nullable_becomes_a_type_union_with_null() {
        let converted = to_json_schema(&json!({"type": "string", "nullable": true, "example": "x"}));
        assert_eq!(converted, json!({"type": ["string", "null"]}));
    }

    #[test]
    fn a_user_update_takes_an_alias_where_the_empty_string_clears_it() {
        let spec = spec();
        let patch = spec.route("/user").unwrap().operation(&Method::PATCH).unwrap();
        let rule = patch.body.as_ref().unwrap();
        assert!(rule.validate(&json!({"alias": ""})).is_ok());
        assert!(rule.validate(&json!({"alias": null})).is_err());
        assert!(rule.validate(&json!({})).is_err(), "an empty update is refused");
        assert!(rule.validate(&json!({"name": "a\u{7}b"})).is_err(), "control characters are refused");
        assert!(rule.validate(&json!({"name": "c1\u{9c}"})).is_err(), "so are C1 control characters");
    }

    #[test]
    fn declared_query_parameters_are_read_in_order_and_validated_and_others_ignored() {
        let spec = spec();
        let list = spec.route("/groups").unwrap().operation(&Method::GET).unwrap();
        let names: Vec<&str> = list.query.iter().map(|q| q.name.as_str()).collect();
        assert_eq!(names, ["limit", "after"]);
        let some = |v: &str| Some(v.to_owned());
        assert_eq!(list.query_values(Some("after=AAAAAAAAAGQ&limit=5")), Ok(vec![some("5"), some("AAAAAAAAAGQ")]));
        assert_eq!(list.query_values(None), Ok(vec![None, None]));
        assert_eq!(list.query_values(Some("other=1&&x")), Ok(vec![None, None]), "undeclared ones are ignored");
        assert_eq!(list.query_values(Some("limit=1000")), Ok(vec![some("1000"), None]));
        for bad in ["limit=0", "limit=1001", "limit=abc", "limit=", "limit=+5", "limit=1.0", "limit=1&limit=2"] {
            let err = list.query_values(Some(bad)).unwrap_err();
            assert!(err.contains("'limit'"), "{bad}: {err}");
        }
        for bad in ["after=", "after=AAAAAAAAAG", "after=AAAAAAAAAGR", "after=AAAAAAAAA%2BQ", "after=%FF"] {
            let err = list.query_values(Some(bad)).unwrap_err();
            assert!(err.contains("'after'") && !err.contains("AAAA"), "{bad}: {err}");
        }
        assert!(list.query_values(Some("limit=0")).unwrap_err().contains("1 to 1000"));
        let join = spec.route("/user/groups/join").unwrap().operation(&Method::POST).unwrap();
        assert_eq!(join.query_values(Some("limit=0")), Ok(vec![]), "an operation without parameters ignores them");
    }

    #[test]
    fn bodies_that_echo_a_token_are_not_repeated_in_errors() {
        let spec = spec();
        let rule = spec.route("/user/groups/join").unwrap().operation(&Method::POST).unwrap().body.as_ref().unwrap();
        let err = rule.validate(&json!({"token": ["MDAxsecret"]})).unwrap_err();
        assert!(!err.contains("MDAxsecret"), "{err}");
    }
}
