#!/usr/bin/env bash
# with-postgres.sh CMD...: runs CMD with OZ_TEST_POSTGRES_URL naming a PostgreSQL server whose
# user may CREATE DATABASE, so that the PostgreSQL tests run instead of skipping.
#
# - OZ_TEST_POSTGRES_URL already set: CMD runs against that server.
# - Otherwise, with Debian's server binaries (/usr/lib/postgresql/<major>/bin/initdb): a throwaway
#   cluster in <target dir>/pg-cluster-<pid> (owned by `postgres` when we are root, as initdb
#   refuses root), fsync=on, listening on 127.0.0.1 on a free port and on a Unix socket inside
#   its directory; it is stopped (`pg_ctl stop -m immediate`) and deleted when this script exits,
#   however CMD ends. A cluster left by a script that was killed is cleaned up by the next run.
# - Otherwise: a loud SKIPPED line, and CMD runs anyway (its PostgreSQL tests then skip loudly).
#
# Exits with CMD's status.
set -uo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARG...]" >&2
  exit 2
fi

SKIPPED="*** SKIPPED: PostgreSQL tests: no OZ_TEST_POSTGRES_URL and no initdb (apt-get install postgresql) ***"

if [ -n "${OZ_TEST_POSTGRES_URL:-}" ]; then
  echo "with-postgres: PostgreSQL tests use OZ_TEST_POSTGRES_URL" >&2
  "$@"
  exit $?
fi

# The newest installed major version that has initdb.
BIN=
for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
  if [ -x "$dir/initdb" ]; then BIN=$dir; break; fi
done
if [ -z "$BIN" ]; then
  echo "$SKIPPED" >&2
  "$@"
  status=$?
  # Once more at the end, where it cannot scroll away.
  echo "$SKIPPED" >&2
  exit $status
fi

AS_ROOT=no
[ "$(id -u)" = 0 ] && AS_ROOT=yes
# Runs one of the server's programs, as `postgres` when we are root.
pg() {
  local program=$1; shift
  if [ $AS_ROOT = yes ]; then runuser -u postgres -- "$BIN/$program" "$@"; else "$BIN/$program" "$@"; fi
}

TARGET=${CARGO_TARGET_DIR:-target}
mkdir -p "$TARGET"
TARGET=$(cd "$TARGET" && pwd)

# Clusters of earlier runs whose script is gone (killed before its trap ran).
for old in "$TARGET"/pg-cluster-*; do
  [ -d "$old" ] || continue
  pid=${old##*/pg-cluster-}
  if [ "$pid" != $$ ] && ! kill -0 "$pid" 2>/dev/null; then
    [ -f "$old/data/postmaster.pid" ] && pg pg_ctl stop -m immediate -D "$old/data" >/dev/null 2>&1
    rm -rf "$old"
  fi
done

CLUSTER=$TARGET/pg-cluster-$$
DATA=$CLUSTER/data
SOCKETS=$CLUSTER/socket
cleanup() {
  if [ -f "$DATA/postmaster.pid" ]; then
    pg pg_ctl stop -m immediate -D "$DATA" >/dev/null 2>&1
  fi
  rm -rf "$CLUSTER"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$CLUSTER"
mkdir -p "$SOCKETS"
if [ $AS_ROOT = yes ]; then
  chown -R postgres:postgres "$CLUSTER"
  if ! runuser -u postgres -- test -w "$CLUSTER"; then
    echo "with-postgres: the postgres user cannot write $CLUSTER (a parent directory is closed to it)" >&2
    exit 1
  fi
fi

# No fsync while initdb writes the template (a cluster that dies mid-initdb is simply redone);
# the running server syncs every commit (fsync=on below).
if ! pg initdb -U postgres -A trust -E UTF8 --no-locale --no-sync -D "$DATA" >"$CLUSTER/initdb.log" 2>&1; then
  echo "with-postgres: initdb failed:" >&2
  tail -n 20 "$CLUSTER/initdb.log" >&2
  exit 1
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Another process may take the free port before the server binds it: then try another.
started=no
for attempt in 1 2 3 4 5; do
  PORT=$(free_port) || { echo "with-postgres: cannot find a free port" >&2; exit 1; }
  cat >"$CLUSTER/oz-groups.conf" <<EOF
# oz-groups test cluster ($0)
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCKETS'
fsync = on
synchronous_commit = on
max_connections = 400
EOF
  [ $AS_ROOT = yes ] && chown postgres:postgres "$CLUSTER/oz-groups.conf"
  grep -q "^include_if_exists = '$CLUSTER/oz-groups.conf'" "$DATA/postgresql.conf" ||
    echo "include_if_exists = '$CLUSTER/oz-groups.conf'" >>"$DATA/postgresql.conf"
  if pg pg_ctl start -w -t 60 -l "$CLUSTER/server.log" -D "$DATA" >"$CLUSTER/pg_ctl.log" 2>&1; then
    started=yes
    break
  fi
  grep -q "could not bind\|Address already in use" "$CLUSTER/server.log" 2>/dev/null || break
done
if [ $started != yes ]; then
  echo "with-postgres: the throwaway PostgreSQL cluster did not start:" >&2
  tail -n 20 "$CLUSTER/server.log" "$CLUSTER/pg_ctl.log" >&2 2>/dev/null
  exit 1
fi

export OZ_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "with-postgres: throwaway $("$BIN/postgres" --version) at $OZ_TEST_POSTGRES_URL ($CLUSTER)" >&2
"$@"
exit $?
