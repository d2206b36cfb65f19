# oz-groups: the two commands are `make run` and `make test`.
SHELL := /bin/bash
GENERATOR_VERSION := 7.26.0
SCHEMATHESIS_VERSION := 4.32.5
VENV := .venv
TOOLS_STAMP := $(VENV)/.openapi-generator-$(GENERATOR_VERSION)
SCHEMATHESIS_STAMP := $(VENV)/.schemathesis-$(SCHEMATHESIS_VERSION)
# npm ci writes this; it is newer than the lock file once the pinned linter is installed.
NODE_STAMP := node_modules/.package-lock.json
DATA_DIR ?= ./data
LISTEN ?= 127.0.0.1:8080

.PHONY: run test generate tools lint spec-lint contract check-generated bench browser-check

## run: start the server on the embedded SQLite store (./data); prints Swagger UI's URL and a token
run:
	cargo run --release --bin oz-groups -- serve --listen $(LISTEN) --data-dir $(DATA_DIR)

## test: lints, unit tests, integration tests over HTTP, Swagger UI in Chromium, contract tests;
## the PostgreSQL tests run on OZ_TEST_POSTGRES_URL or a throwaway cluster (scripts/with-postgres.sh)
test: lint browser-check
	scripts/with-postgres.sh cargo test -p oz-groups
	$(MAKE) contract

## lint: the spec (Redocly, strict) and the code (rustfmt, clippy); warnings are errors
lint: spec-lint
	cargo fmt --all -- --check
	cargo clippy -p oz-groups --all-targets -- -D warnings

## spec-lint: openapi/openapi.yaml against Redocly's recommended-strict rules (redocly.yaml)
spec-lint: $(NODE_STAMP)
	npx --no-install redocly lint openapi/openapi.yaml

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

## tools: the pinned openapi-generator (PyPI's openapi-generator-cli bundles the jar; needs Java)
## and the pinned Schemathesis, in .venv
tools: $(TOOLS_STAMP) $(SCHEMATHESIS_STAMP)
$(TOOLS_STAMP):
	test -d $(VENV) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet openapi-generator-cli==$(GENERATOR_VERSION)
	touch $@

## bench: not built yet (issue #4); fails rather than pretend
bench:
	@echo "make bench: the benchmark is not built yet (issue #4)" >&2; exit 1

# Says loudly, outside cargo's output capture, when the browser test will skip.
browser-check:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "*** SKIPPED: Swagger UI browser test: /usr/bin/chromium not installed (apt-get install chromium) ***"; \
	fi
