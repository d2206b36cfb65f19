# oz-groups: the two commands are `make run` and `make test`.
SHELL := /bin/bash
GENERATOR_VERSION := 7.26.0
SCHEMATHESIS_VERSION := 4.32.5
VENV := .venv
TOOLS_STAMP := $(VENV)/.openapi-generator-$(GENERATOR_VERSION)
SCHEMATHESIS_STAMP := $(VENV)/.schemathesis-$(SCHEMATHESIS_VERSION)
# What the generated Python clients import, ours (make clients-check) and rc11's (make
# rc11-check): pinned in scripts/clients/requirements.txt.
CLIENTS_STAMP := $(VENV)/.clients-requirements
# npm ci writes this; it is newer than the lock file once the pinned linter is installed.
NODE_STAMP := node_modules/.package-lock.json
DATA_DIR ?= ./data
LISTEN ?= 127.0.0.1:8080

.PHONY: run test generate tools lint spec-lint contract check-generated bench browser-check clients-check rc11-check

## run: start the server on the embedded SQLite store (./data); prints Swagger UI's URL and a token
run:
	cargo run --release --bin oz-groups -- serve --listen $(LISTEN) --data-dir $(DATA_DIR)

## test: lints, unit tests (the server's, the benchmark's and the test kit's), integration tests over
## HTTP, Swagger UI in Chromium, contract tests; the PostgreSQL tests run on OZ_TEST_POSTGRES_URL
## when set, else on a throwaway cluster each test process starts (oz-testkit). Without PostgreSQL
## or Chromium they say SKIPPED; under CI=true they fail.
test: lint browser-check clients-check rc11-check
	cargo test -p oz-groups
	cargo test -p oz-bench -p oz-testkit
	$(MAKE) contract

## lint: the spec (Redocly, strict) and the code, server, benchmark and test kit (rustfmt, clippy);
## warnings are errors
lint: spec-lint
	cargo fmt --all -- --check
	cargo clippy -p oz-groups -p oz-bench -p oz-testkit --all-targets -- -D warnings

## spec-lint: openapi/openapi.yaml against Redocly's recommended-strict rules (redocly.yaml) and
## Spectral's OWASP API Security ruleset (.spectral.yaml; errors fail, warnings are shown)
spec-lint: $(NODE_STAMP)
	npx --no-install redocly lint openapi/openapi.yaml
	npx --no-install spectral lint --ruleset .spectral.yaml --fail-severity error openapi/openapi.yaml

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

## contract: Schemathesis (every check, fixed seed, stateful links) against the real server
contract: $(SCHEMATHESIS_STAMP)
	cargo build -p oz-groups --bin oz-groups
	scripts/contract-tests.sh

$(SCHEMATHESIS_STAMP):
	test -d $(VENV) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet schemathesis==$(SCHEMATHESIS_VERSION)
	touch $@

## clients-check: the Python and TypeScript (typescript-fetch) clients the pinned generator writes
## from the spec, into a scratch directory, each run README's walk-through against a fresh server
## (scripts/clients-check.sh; without Java or Node it says SKIPPED, under CI=true it fails)
clients-check: $(TOOLS_STAMP) $(CLIENTS_STAMP) $(NODE_STAMP)
	cargo build -p oz-groups --bin oz-groups
	VENV=$(VENV) scripts/clients-check.sh

$(CLIENTS_STAMP): scripts/clients/requirements.txt
	test -d $(VENV) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet -r scripts/clients/requirements.txt
	touch $@

## check-generated: fails when generated/ is not what the pinned generator makes of the spec
check-generated: generate
	@if [ -n "$$(git status --porcelain -- generated/)" ]; then \
	  git status --short -- generated/; git diff --stat -- generated/; \
	  echo "generated/ differs from the generator's output for openapi/: run make generate and commit it"; \
	  exit 1; \
	fi
	@echo "generated/ matches openapi-generator $(GENERATOR_VERSION)'s output for openapi/"

## generate: regenerate generated/ from openapi/ with the pinned generator (idempotent)
generate: tools
	touch openapi/openapi.yaml
	OZ_FORCE_GENERATE=1 OZ_OPENAPI_GENERATOR=$(abspath $(VENV))/bin/openapi-generator-cli cargo build -p oz_groups_api

## tools: the pinned openapi-generator (PyPI's openapi-generator-cli bundles the jar; needs Java),
## the pinned Schemathesis and the generated Python client's dependencies, in .venv
tools: $(TOOLS_STAMP) $(SCHEMATHESIS_STAMP) $(CLIENTS_STAMP)
$(TOOLS_STAMP):
	test -d $(VENV) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet openapi-generator-cli==$(GENERATOR_VERSION)
	touch $@

## bench: wrk (Debian's) against the release server on the memory, SQLite and PostgreSQL stores
## (PostgreSQL: also two instances sharing one database), a bare hyper baseline, the storage limits
## (SQLite: sequential join_with_token; PostgreSQL: pgbench running the join's transaction) and a
## scale run (SCALE_GROUPS groups, SCALE_MEMBERSHIPS memberships, loaded within SCALE_BUDGET_S
## seconds; join, read, GET /groups whole and one page on it), and the nested-group hierarchy of issue 12 on SQLite
## and PostgreSQL (bench/src/hierarchy.rs); writes bench/results.json (every figure, the commit, the machine, the settings), then
## bench/results.md and bench/results.svg from it, and prints a before/after table against the
## results.json it replaces (`oz-bench report` regenerates the views alone). PostgreSQL is OZ_TEST_POSTGRES_URL or a
## throwaway cluster oz-bench starts (oz-testkit); without either it is SKIPPED, loudly (under
## CI=true: a failure). A missed target is reported in the file, not by the exit status. Every
## step has a timeout.
bench:
	@command -v wrk >/dev/null || { timeout 600 apt-get update -qq && timeout 600 apt-get install -y -qq wrk; }
	@[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || { timeout 600 apt-get update -qq && timeout 600 apt-get install -y -qq fonts-dejavu-core; } \
	  || echo "make bench: no DejaVu Sans font; results.svg will not be drawn" >&2
	@command -v perf >/dev/null || { timeout 600 apt-get update -qq && timeout 600 apt-get install -y -qq linux-perf; } \
	  || echo "make bench: perf is not available; the results will have no profiles" >&2
	@[ -n "$$OZ_TEST_POSTGRES_URL" ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
	  || { timeout 600 apt-get update -qq && timeout 900 apt-get install -y -qq postgresql; } \
	  || echo "make bench: PostgreSQL is not available; the results will say SKIPPED for it" >&2
	time timeout 1800 cargo build --release -p oz-groups -p oz-bench
	time timeout 3600 $(or $(CARGO_TARGET_DIR),target)/release/oz-bench run \
	  --work $(or $(CARGO_TARGET_DIR),target)/oz-bench --out bench \
	  --scale-groups $(or $(SCALE_GROUPS),100000) --scale-memberships $(or $(SCALE_MEMBERSHIPS),1000000) \
	  --scale-budget $(or $(SCALE_BUDGET_S),300)

# Says loudly, outside cargo's output capture, when the browser test will skip; under CI (CI=true
# or 1, as oz_testkit::in_ci reads it) a missing Chromium fails the run here already, as the test would.
browser-check:
	@if [ ! -x /usr/bin/chromium ]; then \
	  line="*** SKIPPED Swagger UI browser test: /usr/bin/chromium not found (apt-get install chromium) ***"; \
	  case "$$(echo "$${CI:-}" | tr -d '[:space:]' | tr '[:upper:]' '[:lower:]')" in \
	    true|1) echo "$$line"; echo "This is CI (CI=true): a missing dependency fails the run." >&2; exit 1;; \
	    *) echo "$$line";; \
	  esac; \
	fi

## rc11-check: a Python client generated (pinned generator) from Onedata's own Onezone 3.0.0-rc11
## swagger in ../shared/onezone/ (group slice, the recorded edits of tests/rc11/rc11_edits.py
## applied in memory; the document is never edited) runs the rc11 flow against the real debug
## binary. Without ../shared: SKIPPED, loudly; under CI=true, a failure.
rc11-check: $(TOOLS_STAMP) $(CLIENTS_STAMP)
	cargo build -p oz-groups --bin oz-groups
	$(VENV)/bin/python -B tests/rc11/rc11_client_test.py \
	  --server $(or $(CARGO_TARGET_DIR),target)/debug/oz-groups --generator $(VENV)/bin/openapi-generator-cli

