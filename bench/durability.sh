#!/usr/bin/env bash
# Durability (not a test run by CI: about five minutes): 16 clients file applications while the
# release server is killed with SIGKILL at random moments, 20 rounds, on SQLite and on
# PostgreSQL; then every acknowledged submission must exist exactly once and the database must
# pass its integrity checks. Prints the figures recorded in docs/benchmarks.md.
# Usage: bench/durability.sh [rounds] [clients]     (defaults: 20, 16)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
rounds=${1:-20}
clients=${2:-16}
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
bin_dir=$("$here/scripts/build.sh")
# The harness is a client: its own speed does not matter, so the test profile's build will do.
cargo build -q -p stadsporten-server --example durability
harness="${CARGO_TARGET_DIR:-$here/target}/debug/examples/durability"
work=$(mktemp -d)
pg_admin=${TEST_POSTGRES_URL:-$("$here/scripts/postgres.sh")}
pg_db="stadsporten_durability_$$"
psql "$pg_admin" -qc "create database $pg_db" >/dev/null
trap 'psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null 2>&1 || true' EXIT
echo "## Durability $(date -u +%Y-%m-%d) — \`bench/durability.sh $rounds $clients\`"
for db in "sqlite://$work/durability.db" "${pg_admin%/*}/$pg_db"; do
  echo
  echo '```'
  "$harness" "$here/scripts/serve.sh" "$bin_dir" "$db" "$rounds" "$clients"
  echo '```'
done
