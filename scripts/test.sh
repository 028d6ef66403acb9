#!/usr/bin/env bash
# `make test`: every test. Formatting and lints, the module check, unit and integration tests on
# SQLite and PostgreSQL (a real server: see scripts/postgres.sh), then the end-to-end tests in
# Chromium. Ends with a table of the time each stage took, so a slow new test is seen at once.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

stages=()
stage_start=0
current=
begin() {
  finish
  current=$1
  stage_start=$(date +%s)
  printf '\n\033[1m== %s\033[0m\n' "$current"
}
finish() {
  if [ -n "$current" ]; then
    stages+=("$current|$(($(date +%s) - stage_start))")
    current=
  fi
}
table() {
  finish
  local total=0 name secs
  printf '\n\033[1m== time per stage\033[0m\n| stage | seconds |\n|---|---:|\n'
  for s in "${stages[@]}"; do
    name=${s%|*}; secs=${s##*|}; total=$((total + secs))
    printf '| %s | %d |\n' "$name" "$secs"
  done
  printf '| **total** | **%d** |\n' "$total"
}
trap 'table' EXIT

begin "setup (tools, packages, PostgreSQL)"
"$here/scripts/setup.sh"
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
TEST_POSTGRES_URL=$("$here/scripts/postgres.sh")
export TEST_POSTGRES_URL
# Each test makes its own database; those left by earlier runs are dropped in the background,
# eight at a time (every DROP DATABASE waits for a checkpoint: one after another they took minutes).
# Only the ones that exist now: this run's own are never touched.
psql "$TEST_POSTGRES_URL" -Atqc "select datname from pg_database where datname like 'stadsporten_test_%'" \
  | xargs -r -P 8 -I{} psql "$TEST_POSTGRES_URL" -qc "drop database if exists {}" >/dev/null 2>&1 &
rm -rf "${TMPDIR:-/tmp}/stadsporten-tests"

begin "format (cargo fmt --check)"
cargo fmt --all --check

begin "module check (no import circles in app/src, db/src)"
python3 "$here/scripts/check-modules.py"


# Every log of the run is kept, to check afterwards that none holds a personnummer or a token.
logs=$(mktemp -d)

# The release site (server, WebAssembly, CSS) builds beside the lints and the cargo tests: cargo
# locks each profile's folder on its own, and on two cores a compile's single-threaded phases and
# the tests' waits on the databases leave room for it. The end-to-end stage waits for it.
# It is the release profile made incremental (CARGO_PROFILE_RELEASE_INCREMENTAL): the next run,
# even in a fresh clone, recompiles only what changed (as the debug builds do). Benchmarks and
# production builds run build.sh without it, so they get the release profile as it is.
# (Exported for the whole run: a build of the site without it would be a different profile and
# start again from nothing.)
export CARGO_PROFILE_RELEASE_INCREMENTAL=true
"$here/scripts/build.sh" >"$logs/release-build.log" 2>&1 &
release_build=$!

begin "lints (cargo clippy, warnings are errors)"
cargo clippy --workspace --exclude stadsporten-frontend --all-targets -- -D warnings
cargo clippy -p stadsporten-frontend --target wasm32-unknown-unknown ${STADSPORTEN_LIB_CARGO_ARGS:+$STADSPORTEN_LIB_CARGO_ARGS} -- -D warnings

begin "build the tests"
cargo test --workspace --exclude stadsporten-frontend --no-run 2>&1 | tail -20

begin "unit and integration tests (SQLite and PostgreSQL at ${TEST_POSTGRES_URL%%@*}@…)"
cargo test --workspace --exclude stadsporten-frontend 2>&1 | tee "$logs/cargo-test.log"

begin "the rest of the release site build (started before the lints; end to end reuses it)"
if ! wait "$release_build"; then
  tail -40 "$logs/release-build.log"
  echo "test: the release build failed (whole log: $logs/release-build.log)" >&2
  exit 1
fi

begin "end-to-end tests (Chromium, hydrated and without JavaScript)"
STADSPORTEN_BIN_DIR="$(tail -1 "$logs/release-build.log")" STADSPORTEN_E2E_LOG="$logs/e2e-server.log" "$here/scripts/e2e.sh"

begin "no personnummer, token or cookie in the logs of this run"
"$here/scripts/check-logs.sh" "$logs/cargo-test.log" "$logs/e2e-server.log"
finish
printf '\n\033[1m== all tests passed\033[0m\n'
