#!/usr/bin/env bash
# `make check`: the developer's inner loop. Formatting, the module check, clippy, every unit test,
# and the integration tests of one crate (default: db; `make check CRATE=server`), on SQLite and
# PostgreSQL. No release build, no browser.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
crate=${CRATE:-db}
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)" 2>/dev/null || true
TEST_POSTGRES_URL=${TEST_POSTGRES_URL:-$("$here/scripts/postgres.sh")}
export TEST_POSTGRES_URL
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
say "format"; cargo fmt --all --check
say "module check"; python3 "$here/scripts/check-modules.py"
say "clippy"; cargo clippy --workspace --exclude stadsporten-frontend --all-targets -- -D warnings
say "unit tests"; cargo test --workspace --exclude stadsporten-frontend --lib --bins
say "integration tests of stadsporten-$crate"; cargo test -p "stadsporten-$crate" --test it
