#!/usr/bin/env bash
# Prints a PostgreSQL URL for the tests, making sure a server answers:
#   1. TEST_POSTGRES_URL when set;
#   2. else a server on 127.0.0.1:5432 if one answers (user postgres, trust or peer auth);
#   3. else Debian's postgresql is installed and a private cluster is started on 127.0.0.1:55432
#      under $STADSPORTEN_CACHE/pg (idempotent: reused when already running).
# Exits non-zero when no server can be had: the PostgreSQL half of the tests is not optional.
set -euo pipefail
cache=${STADSPORTEN_CACHE:-$HOME/.cache/stadsporten}
say() { printf '\033[1mpostgres:\033[0m %s\n' "$*" >&2; }

answers() { psql "$1" -Atqc 'select 1' >/dev/null 2>&1; }

if [ -n "${TEST_POSTGRES_URL:-}" ]; then
  answers "$TEST_POSTGRES_URL" || { say "TEST_POSTGRES_URL does not answer"; exit 1; }
  echo "$TEST_POSTGRES_URL"; exit 0
fi
if command -v psql >/dev/null 2>&1 && answers "postgres://postgres@127.0.0.1:5432/postgres"; then
  say "using the server on 127.0.0.1:5432"
  echo "postgres://postgres@127.0.0.1:5432/postgres"; exit 0
fi

url="postgres://postgres@127.0.0.1:55432/postgres"
if command -v psql >/dev/null 2>&1 && answers "$url"; then
  say "using the private cluster on 127.0.0.1:55432"
  echo "$url"; exit 0
fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  say "installing Debian's postgresql"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql postgresql-client >&2
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
data=$cache/pg
run_as() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
mkdir -p "$data"
[ "$(id -u)" = 0 ] && chown postgres "$data"
if [ ! -f "$data/PG_VERSION" ]; then
  say "creating a cluster in $data"
  run_as "$bin/initdb -D '$data' -A trust -U postgres" >&2
fi
say "starting the private cluster on 127.0.0.1:55432"
run_as "$bin/pg_ctl -D '$data' -l '$data/server.log' -w -o \"-p 55432 -k /tmp -c listen_addresses=127.0.0.1\" start" >&2 || true
for _ in $(seq 1 30); do answers "$url" && { echo "$url"; exit 0; }; sleep 1; done
say "no PostgreSQL server could be started (see $data/server.log)"
exit 1
