#!/usr/bin/env bash
# Prints a PostgreSQL URL for the tests, making sure a server answers:
#   1. TEST_POSTGRES_URL when set;
#   2. else a server on 127.0.0.1:5432 if one answers (user postgres, trust or peer auth);
#   3. else, when the machine's own cluster is installed but down (after a crash, a full disk),
#      it is started again;
#   4. else Debian's postgresql is installed and a private cluster is started on 127.0.0.1:55432
#      (idempotent: reused when already running) — as root under /var/lib/postgresql (the
#      postgres user cannot enter root's home), otherwise under $STADSPORTEN_CACHE/pg.
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

if [ "$(id -u)" = 0 ] && command -v pg_lsclusters >/dev/null 2>&1; then
  while read -r ver name port status _; do
    if [ "$port" = 5432 ] && [ "$status" = down ]; then
      say "starting the machine's cluster $ver/$name, which is down"
      pg_ctlcluster "$ver" "$name" start >&2 || true
      for _ in $(seq 1 30); do
        answers "postgres://postgres@127.0.0.1:5432/postgres" && { echo "postgres://postgres@127.0.0.1:5432/postgres"; exit 0; }
        sleep 1
      done
    fi
  done < <(pg_lsclusters --no-header 2>/dev/null || true)
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
if [ "$(id -u)" = 0 ]; then data=/var/lib/postgresql/stadsporten-test; else data=$cache/pg; fi
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
