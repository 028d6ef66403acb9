#!/usr/bin/env bash
# Figures at scale (not a test): a fixture of 200,000 cases and 2,000,000 journey events on SQLite
# and on PostgreSQL (bench: db/examples/stats_fixture.rs), served by the release build; wrk
# measures requests/s and p50/p99 of the /stats pages and of a service page with its figures, as
# a signed-in administrator (a signed-in page is rendered every time; an anonymous service page
# would be answered from memory). The target is p99 ≤ 50 ms on this machine.
# Usage: bench/stats.sh [seconds-per-endpoint=15] [connections=4] [cases=200000] [events=2000000]
# wrk and the server share the machine's cores.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
secs=${1:-15}
conns=${2:-4}
cases=${3:-200000}
events=${4:-2000000}
command -v wrk >/dev/null || { echo "bench: wrk missing (scripts/setup.sh installs it)" >&2; exit 1; }
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
bin_dir=$("$here/scripts/build.sh")
cargo build -q --release -p stadsporten-db --example stats_fixture
fixture="${CARGO_TARGET_DIR:-$here/target}/release/examples/stats_fixture"
work=$(mktemp -d)
port=${STADSPORTEN_BENCH_PORT:-3975}
base="http://127.0.0.1:$port"
pg_admin=${TEST_POSTGRES_URL:-$("$here/scripts/postgres.sh")}
pg_db="stadsporten_statsbench_$$"
psql "$pg_admin" -qc "create database $pg_db" >/dev/null
server=
trap 'kill $server 2>/dev/null || true; psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null 2>&1 || true' EXIT

# A signed-in administrator: `cookie` for wrk's header.
staff_session() {
  local jar authorize query callback
  jar=$(mktemp)
  loc() { curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" -H "Origin: $base" "$@"; }
  authorize=$(loc "$base/auth/login?as=staff&to=/stats")
  curl -s -o /dev/null -b "$jar" -c "$jar" "$authorize"
  query=${authorize#*\?}
  callback=$(loc -X POST --data "$query&persona=admin" "$base/test-idp/staff/authorize/choose")
  curl -s -o /dev/null -b "$jar" -c "$jar" "$callback"
  awk '$6 == "__Host-stadsporten" {print $6 "=" $7}' "$jar"
  rm -f "$jar"
}

year=$(date +%Y)
endpoints=(
  "/stats"
  "/stats?unit=UTB"
  "/stats?service=ansok-om-forskoleplats&from=$((year - 1))-01&to=$((year - 1))-12"
  "/stats/services/ansok-om-forskoleplats"
  "/stats/report"
  "/stats/export.csv?table=services"
  "/services/ansok-om-forskoleplats"
)
echo "## Figures at scale $(date -u +%Y-%m-%d) — \`bench/stats.sh $secs $conns $cases $events\`"
echo
echo "Machine: $(nproc) cores; wrk -t1 -c$conns -d${secs}s on the same machine, signed in as an administrator (every page rendered)."
for db in "sqlite://$work/stats.db" "${pg_admin%/*}/$pg_db"; do
  # Migrate and seed by starting the server once (without the demo's history), then add the fixture.
  STADSPORTEN__MEASUREMENT__SEED_HISTORY=false LEPTOS_SITE_ADDR=127.0.0.1:$port DATABASE_URL="$db" RUST_LOG=warn \
    "$here/scripts/serve.sh" "$bin_dir" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.5; done
  made=$(DATABASE_URL="$db" "$fixture" "$cases" "$events")
  cookie=$(staff_session)
  [ -n "$cookie" ] || { echo "bench: sign-in failed" >&2; exit 1; }
  echo
  echo "### ${db%%:*}"
  echo
  echo "Fixture: $made."
  echo
  echo "| endpoint | req/s | p50 | p99 |"
  echo "|---|---:|---:|---:|"
  for path in "${endpoints[@]}"; do
    curl -fs -o /dev/null -H "Cookie: $cookie" "$base$path" || { echo "bench: $path failed" >&2; exit 1; }
    out=$(wrk -t1 -c"$conns" -d"${secs}s" --latency -H 'Accept-Encoding: br' -H "Cookie: $cookie" "$base$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
    echo "| \`GET ${path//|/\\|}\` | $rps | $p50 | $p99 |${errors:+ $errors}"
  done
  kill "$server"; wait "$server" 2>/dev/null || true
done
