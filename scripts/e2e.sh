#!/usr/bin/env bash
# End-to-end tests: builds the release site, starts it on a free port with a fresh SQLite file,
# runs Playwright (hydrated and JavaScript-off projects) in Debian's Chromium, stops the server.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin_dir=$("$here/scripts/build.sh")
work=$(mktemp -d)
port=${STADSPORTEN_E2E_PORT:-3917}
export LEPTOS_SITE_ADDR=127.0.0.1:$port DATABASE_URL="sqlite://$work/e2e.db"
"$here/scripts/serve.sh" "$bin_dir" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$work/server.log"; echo "e2e: server did not start" >&2; exit 1; }
echo "e2e: server on 127.0.0.1:$port; running Playwright"
cd "$here/end2end"
STADSPORTEN_E2E_URL="http://127.0.0.1:$port" npx playwright test "$@" || { echo "e2e: server log in $work/server.log" >&2; exit 1; }
# Graceful shutdown: SIGTERM lets in-flight requests finish and the server exit cleanly.
kill -TERM "$server"
status=0; wait "$server" || status=$?
trap - EXIT
if [ "$status" != 0 ] || ! grep -q "stopped" "$work/server.log"; then
  echo "e2e: the server did not stop cleanly on SIGTERM (exit $status)" >&2; tail -5 "$work/server.log" >&2; exit 1
fi
echo "e2e: the server stopped cleanly on SIGTERM"
