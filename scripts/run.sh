#!/usr/bin/env bash
# `make run`: set up, build the release site and serve it at http://127.0.0.1:3000 on SQLite
# (./data/stadsporten.db, created, migrated and seeded on first start).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh"
bin_dir=$("$here/scripts/build.sh")
mkdir -p "$here/data"
# Uploads are scanned as in production: a local clamd that knows the EICAR test file.
if [ -z "${STADSPORTEN__ESERVICES__CLAMD:-}" ]; then
  "$here/scripts/clamd-dev.sh" "$here/data/clamd" 3310 >/dev/null
  echo "run: uploads are scanned by a local clamd on 127.0.0.1:3310 (data/clamd)"
fi
echo "run: serving http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000} (database ${DATABASE_URL:-sqlite://$here/data/stadsporten.db}); Ctrl-C stops"
exec "$here/scripts/serve.sh" "$bin_dir"
