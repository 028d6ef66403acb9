#!/usr/bin/env bash
# Comparison scale benchmark (not a test): a fixture of 5,000 extra units with 20 indicators each,
# on SQLite and on PostgreSQL, served by the release build; wrk measures requests/s and p50/p99 of
# filter + sort on /compare and of side by side. The target is p99 ≤ 30 ms on this 2-core machine.
# Usage: bench/compare.sh [seconds-per-endpoint] [connections] [units]     (defaults: 15, 4, 5000)
# wrk and the server share the machine's 2 cores; the connections are the concurrent visitors.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
secs=${1:-15}
conns=${2:-4}
units=${3:-5000}
command -v wrk >/dev/null || { echo "bench: wrk missing (scripts/setup.sh installs it)" >&2; exit 1; }
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
bin_dir=$("$here/scripts/build.sh")
cargo build -q -p stadsporten-db --example compare_fixture
fixture="${CARGO_TARGET_DIR:-$here/target}/debug/examples/compare_fixture"
work=$(mktemp -d)
port=${STADSPORTEN_BENCH_PORT:-3970}
base="http://127.0.0.1:$port"
pg_admin=${TEST_POSTGRES_URL:-$("$here/scripts/postgres.sh")}
pg_db="stadsporten_comparebench_$$"
psql "$pg_admin" -qc "create database $pg_db" >/dev/null
server=
trap 'kill $server 2>/dev/null || true; psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null 2>&1 || true' EXIT
ids=$(seq -f 'bench-%05g' 1 4 | paste -sd, -)
endpoints=(
  "/compare?kind=preschool&district=bromma&sort=parent-satisfaction"
  "/compare?kind=preschool&sort=bench-07&language=en&open_from=07:00&page=3"
  "/compare?kind=home-care&operator=private&sort=staff-continuity&places=1"
  "/compare?kind=preschool&from=G%C3%B6tgatan&sort=distance"
  "/compare/side-by-side?units=$ids"
  "/compare/side-by-side?units=$ids&from=Odengatan"
)
echo "## Compare providers at scale $(date -u +%Y-%m-%d) — \`bench/compare.sh $secs $conns $units\`"
echo
echo "Machine: $(nproc) cores; wrk -t1 -c$conns -d${secs}s on the same machine; 182 seeded units plus $units fixture units, 20 indicators each."
for db in "sqlite://$work/compare.db" "${pg_admin%/*}/$pg_db"; do
  # Migrate and seed by starting the server once, then add the fixture.
  LEPTOS_SITE_ADDR=127.0.0.1:$port DATABASE_URL="$db" RUST_LOG=warn "$here/scripts/serve.sh" "$bin_dir" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.5; done
  made=$(DATABASE_URL="$db" "$fixture" "$units" 20)
  echo
  echo "### ${db%%:*} ($made)"
  echo
  echo "| endpoint | req/s | p50 | p99 |"
  echo "|---|---:|---:|---:|"
  for path in "${endpoints[@]}"; do
    curl -fs -o /dev/null "$base$path" || { echo "bench: $path failed" >&2; exit 1; }
    out=$(wrk -t1 -c"$conns" -d"${secs}s" --latency -H 'Accept-Encoding: br' "$base$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out")
    p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
    echo "| \`GET ${path//|/\\|}\` | $rps | $p50 | $p99 |${errors:+ $errors}"
  done
  kill "$server"; wait "$server" 2>/dev/null || true
done
