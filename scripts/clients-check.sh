#!/usr/bin/env bash
# Clients generated from our spec: the pinned openapi-generator writes a Python client and a
# TypeScript (typescript-fetch) client from openapi/openapi.yaml into a scratch directory (never
# committed), and each runs README's walk-through (scripts/clients/walkthrough.{py,ts}) against
# a freshly started real server: the debug binary on a free port, SQLite in a temporary
# directory, the first admin's token, and a second user from `oz-groups user add`.
# Needs Java (the generator), Python (.venv with scripts/clients/requirements.txt) and Node
# (node_modules with the pinned tsc); `make clients-check` installs all but Java and Node.
# Without one of those it prints a loud SKIPPED line; under CI (CI=true or 1) it fails instead.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${OZ_BIN:-${CARGO_TARGET_DIR:-target}/debug/oz-groups}
VENV=${VENV:-.venv}
GENERATOR=${OZ_OPENAPI_GENERATOR:-$VENV/bin/openapi-generator-cli}
PYTHON=${OZ_CLIENTS_PYTHON:-$VENV/bin/python}
TSC=node_modules/.bin/tsc

in_ci() { case "$(echo "${CI:-}" | tr -d '[:space:]' | tr '[:upper:]' '[:lower:]')" in true|1) return 0;; esac; return 1; }
missing=()
command -v java >/dev/null || missing+=("java (the generator's runtime)")
command -v node >/dev/null || missing+=("node")
[ -x "$GENERATOR" ] || missing+=("$GENERATOR (make tools)")
[ -x "$PYTHON" ] || missing+=("$PYTHON (make tools)")
[ -x "$TSC" ] || missing+=("$TSC (npm ci)")
[ -x "$BIN" ] || missing+=("$BIN (cargo build)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "*** SKIPPED generated-clients check: missing ${missing[*]} ***"
  if in_ci; then echo "This is CI (CI=true): a missing dependency fails the run." >&2; exit 1; fi
  exit 0
fi

SCRATCH=$(mktemp -d)
cleanup() { [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$SCRATCH"; }
trap cleanup EXIT
started=$SECONDS

# Both generators run in one JVM-at-a-time sequence; a server starts meanwhile.
DATA="$SCRATCH/data"
mkdir -p "$DATA"
"$BIN" serve --listen 127.0.0.1:0 --data-dir "$DATA" >"$SCRATCH/server.out" 2>"$SCRATCH/server.log" &
PID=$!

generate() { # generator, output directory, extra arguments...
  local name=$1 out=$2; shift 2
  if ! "$GENERATOR" generate -g "$name" -i openapi/openapi.yaml -o "$out" "$@" >"$SCRATCH/$name.log" 2>&1; then
    cat "$SCRATCH/$name.log"; echo "clients-check: openapi-generator -g $name failed" >&2; exit 1
  fi
}
generate python "$SCRATCH/python" --package-name oz_groups_client
generate typescript-fetch "$SCRATCH/typescript"

deadline=$((SECONDS + 20))
until grep -q "^oz-groups listening on " "$SCRATCH/server.out"; do
  kill -0 "$PID" 2>/dev/null || { echo "clients-check: the server did not start:" >&2; cat "$SCRATCH/server.log" >&2; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "clients-check: the server printed no address within 20 s" >&2; exit 1; }
  sleep 0.1
done
export OZ_URL OZ_ALICE OZ_BOB
OZ_URL=$(sed -n 's/^oz-groups listening on //p' "$SCRATCH/server.out")
OZ_ALICE=$(cat "$DATA/admin.token")
OZ_BOB=$("$BIN" user add bob --data-dir "$DATA")

echo "clients-check: Python client (openapi-generator -g python) against $OZ_URL"
PYTHONPATH="$SCRATCH/python" "$PYTHON" scripts/clients/walkthrough.py

echo "clients-check: TypeScript client (openapi-generator -g typescript-fetch, tsc, node) against $OZ_URL"
cp scripts/clients/walkthrough.ts "$SCRATCH/typescript/walkthrough.ts"
"$TSC" --target es2022 --module commonjs --lib es2022,dom --strict --skipLibCheck \
  --outDir "$SCRATCH/typescript/out" --rootDir "$SCRATCH/typescript" \
  "$SCRATCH/typescript/index.ts" "$SCRATCH/typescript/walkthrough.ts"
node "$SCRATCH/typescript/out/walkthrough.js"

echo "clients-check: both generated clients ran the walk-through ($((SECONDS - started)) s)"
