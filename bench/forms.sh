#!/usr/bin/env bash
# Form-runner load (not a test): serves the release build on a fresh database and measures, with 16
# clients each holding its own session and draft, requests/s and latency of a form step GET, a
# valid step POST and an invalid step POST with its errors re-rendered, on SQLite and PostgreSQL.
# Usage: bench/forms.sh [seconds-per-workload] [clients]     (defaults: 10, 16)
# The load generator (server/examples/formbench.rs) and the server share this machine's cores.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-10}
clients=${2:-16}
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
bin_dir=$("$here/scripts/build.sh")
# Built in release: the load generator must not be the bottleneck. (Building it switches cargo's
# release features, so the next site build recompiles the server; run this last.)
cargo build --release -q -p stadsporten-server --example formbench
bench="${CARGO_TARGET_DIR:-$here/target}/release/examples/formbench"
work=$(mktemp -d)
port=${STADSPORTEN_BENCH_PORT:-3960}
pg_admin=${TEST_POSTGRES_URL:-$("$here/scripts/postgres.sh")}
pg_db="stadsporten_formbench_$$"
psql "$pg_admin" -qc "create database $pg_db" >/dev/null
server=
trap 'kill $server 2>/dev/null || true; psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null 2>&1 || true' EXIT
echo "## Form runner $(date -u +%Y-%m-%d) — \`bench/forms.sh $secs $clients\`"
for db in "sqlite://$work/forms.db" "${pg_admin%/*}/$pg_db"; do
  LEPTOS_SITE_ADDR=127.0.0.1:$port DATABASE_URL="$db" RUST_LOG=warn "$here/scripts/serve.sh" "$bin_dir" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.5; done
  echo
  echo "${db%%:*}:"
  echo '```'
  "$bench" "http://127.0.0.1:$port" "$secs" "$clients"
  echo '```'
  kill "$server"; wait "$server" 2>/dev/null || true
done
