#!/usr/bin/env bash
# What counting journeys costs a submission (not a test): the release build on a fresh database,
# SQLite and PostgreSQL, each with journey counting off (`[measurement] record_journeys = false`,
# the "before") and on; formbench's `submit` mode (16 clients, each its own session, each
# submission a new draft, both steps, the declaration: four requests, five journey events).
# Usage: bench/submissions.sh [seconds=15] [clients=16] [rounds=2]
# Off and on alternate `rounds` times so that the machine's drift falls on both.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
secs=${1:-15}
clients=${2:-16}
rounds=${3:-2}
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
bin_dir=$("$here/scripts/build.sh")
cargo build --release -q -p stadsporten-loadgen --bin formbench
bench="${CARGO_TARGET_DIR:-$here/target}/release/formbench"
work=$(mktemp -d)
port=${STADSPORTEN_BENCH_PORT:-3980}
base="http://127.0.0.1:$port"
pg_admin=${TEST_POSTGRES_URL:-$("$here/scripts/postgres.sh")}
server=
trap 'kill $server 2>/dev/null || true' EXIT
echo "## Submissions with journey counting off and on $(date -u +%Y-%m-%d) — \`bench/submissions.sh $secs $clients $rounds\`"
echo
echo "| database | round | counting | submissions/s | p50 (4 requests) | p99 |"
echo "|---|---:|---|---:|---:|---:|"
for backend in sqlite postgres; do
  for round in $(seq 1 "$rounds"); do
    for record in false true; do
      if [ "$backend" = sqlite ]; then
        db="sqlite://$work/sub-$round-$record.db"
      else
        name="stadsporten_subbench_$$_${round}_$record"
        psql "$pg_admin" -qc "drop database if exists $name" >/dev/null
        psql "$pg_admin" -qc "create database $name" >/dev/null
        db="${pg_admin%/*}/$name"
      fi
      STADSPORTEN__MEASUREMENT__RECORD_JOURNEYS=$record STADSPORTEN__MEASUREMENT__SEED_HISTORY=false \
        LEPTOS_SITE_ADDR=127.0.0.1:$port DATABASE_URL="$db" RUST_LOG=warn "$here/scripts/serve.sh" "$bin_dir" \
        >"$work/server.log" 2>&1 &
      server=$!
      for _ in $(seq 1 120); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.5; done
      out=$("$bench" "$base" submit "$secs" "$clients")
      rate=$(awk '{print $2}' <<<"$out"); p50=$(awk '{print $4}' <<<"$out"); p99=$(awk '{print $6}' <<<"$out")
      echo "| $backend | $round | $([ "$record" = true ] && echo on || echo off) | $rate | $p50 ms | $p99 ms |"
      kill "$server"; wait "$server" 2>/dev/null || true
      [ "$backend" = postgres ] && psql "$pg_admin" -qc "drop database if exists $name" >/dev/null 2>&1 || true
    done
  done
done
