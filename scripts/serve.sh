#!/usr/bin/env bash
# Runs the release server built by scripts/build.sh with the conventional environment.
# Usage: scripts/serve.sh [extra env assignments are taken from the caller's environment]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin_dir=${1:?usage: serve.sh BIN_DIR}
cd "$here"
export LEPTOS_OUTPUT_NAME=stadsporten
export LEPTOS_SITE_ROOT=${LEPTOS_SITE_ROOT:-$here/target/site}
export LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_HASH_FILES=true
export LEPTOS_ENV=PROD
export LEPTOS_SITE_ADDR=${LEPTOS_SITE_ADDR:-127.0.0.1:3000}
export DATABASE_URL=${DATABASE_URL:-sqlite://$here/data/stadsporten.db}
exec "$bin_dir/stadsporten-server"
