#!/usr/bin/env bash
# `make run`: set up, build the release site and serve it at http://127.0.0.1:3000 on SQLite
# (./data/stadsporten.db, created, migrated and seeded on first start).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh"
bin_dir=$("$here/scripts/build.sh")
mkdir -p "$here/data"
echo "run: serving http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000} (database ${DATABASE_URL:-sqlite://$here/data/stadsporten.db}); Ctrl-C stops"
exec "$here/scripts/serve.sh" "$bin_dir"
