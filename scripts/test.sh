#!/usr/bin/env bash
# `make test`: every test. Formatting and lints, unit and integration tests on SQLite and
# PostgreSQL (a real server: see scripts/postgres.sh), then the end-to-end tests in Chromium.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
"$here/scripts/setup.sh"
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
TEST_POSTGRES_URL=$("$here/scripts/postgres.sh")
export TEST_POSTGRES_URL
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# Each test makes its own database; clear those left by earlier runs.
for db in $(psql "$TEST_POSTGRES_URL" -Atqc "select datname from pg_database where datname like 'stadsporten_test_%'"); do
  psql "$TEST_POSTGRES_URL" -qc "drop database if exists $db" >/dev/null
done
rm -rf "${TMPDIR:-/tmp}/stadsporten-tests"
step "format (cargo fmt --check)"
cargo fmt --all --check
step "lints (cargo clippy, warnings are errors)"
cargo clippy --workspace --exclude stadsporten-frontend --all-targets -- -D warnings
cargo clippy -p stadsporten-frontend --target wasm32-unknown-unknown ${STADSPORTEN_LIB_CARGO_ARGS:+$STADSPORTEN_LIB_CARGO_ARGS} -- -D warnings
# Every log of the run is kept, to check afterwards that none holds a personnummer or a token.
logs=$(mktemp -d)
step "unit and integration tests (SQLite and PostgreSQL at ${TEST_POSTGRES_URL%%@*}@…)"
cargo test --workspace --exclude stadsporten-frontend 2>&1 | tee "$logs/cargo-test.log"
step "end-to-end tests (Chromium, hydrated and without JavaScript)"
STADSPORTEN_E2E_LOG="$logs/e2e-server.log" "$here/scripts/e2e.sh"
step "no personnummer, token or cookie in the logs of this run"
"$here/scripts/check-logs.sh" "$logs/cargo-test.log" "$logs/e2e-server.log"
step "all tests passed"
