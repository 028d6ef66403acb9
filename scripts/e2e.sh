#!/usr/bin/env bash
# End-to-end tests: builds the release site, starts it on a free port with a fresh SQLite file,
# runs Playwright (hydrated and JavaScript-off projects) in Debian's Chromium, stops the server.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# `make test` builds the site once beforehand and passes its folder in STADSPORTEN_BIN_DIR.
bin_dir=${STADSPORTEN_BIN_DIR:-$("$here/scripts/build.sh")}
work=$(mktemp -d)
port=${STADSPORTEN_E2E_PORT:-3917}
# Mail goes to a real SMTP server (PyPI aiosmtpd, installed by setup.sh) writing a Maildir the
# specs read; uploads to this run's folder.
sport=$((port + 4))
smtp_python=${STADSPORTEN_SMTP_PYTHON:-python3}
"$smtp_python" -m aiosmtpd -n -c aiosmtpd.handlers.Mailbox "$work/maildir" -l "127.0.0.1:$sport" >"$work/smtp.log" 2>&1 &
smtp=$!
export STADSPORTEN__MAIL__SMTP_URL="smtp://127.0.0.1:$sport" STADSPORTEN__ESERVICES__OUTBOX_INTERVAL_SECONDS=1
# Uploads are scanned by a real clamd, as with `make run` and in production.
cport=$((port + 5))
clamd=$("$here/scripts/clamd-dev.sh" "$work/clamd" "$cport")
export STADSPORTEN__ESERVICES__CLAMD="tcp://127.0.0.1:$cport"
# Every browser of the suite is one client address: the limits are raised (the rate-limit
# stories are the server's HTTP tests).
export STADSPORTEN__RATE_LIMITS__SIGN_IN=100000 STADSPORTEN__RATE_LIMITS__TEST_IDP=100000 \
  STADSPORTEN__RATE_LIMITS__SEARCH=100000 STADSPORTEN__RATE_LIMITS__UPLOAD=100000 \
  STADSPORTEN__RATE_LIMITS__SUBMIT=100000 STADSPORTEN__RATE_LIMITS__API=100000
STADSPORTEN__ESERVICES__UPLOAD_FOLDER="$work/uploads" LEPTOS_SITE_ADDR=127.0.0.1:$port DATABASE_URL="sqlite://$work/e2e.db" \
  "$here/scripts/serve.sh" "$bin_dir" >"$work/server.log" 2>&1 &
server=$!
# The same journeys on PostgreSQL: a fresh database on the test server.
pg_admin=${TEST_POSTGRES_URL:-$("$here/scripts/postgres.sh")}
pg_db="stadsporten_e2e_$$"
psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null && psql "$pg_admin" -qc "create database $pg_db" >/dev/null
gport=$((port + 3))
STADSPORTEN__ESERVICES__UPLOAD_FOLDER="$work/uploads-pg" LEPTOS_SITE_ADDR=127.0.0.1:$gport DATABASE_URL="${pg_admin%/*}/$pg_db" \
  "$here/scripts/serve.sh" "$bin_dir" >"$work/pg-server.log" 2>&1 &
pgserver=$!
# Interoperability: a third-party OpenID provider (npm oidc-provider) and a second server whose staff
# sign-in uses it instead of the built-in test provider.
iport=$((port + 1)); pport=$((port + 2))
(cd "$here/end2end" && PORT=$pport RP_URL="http://127.0.0.1:$iport" CLIENT_ID=stadsporten-staff \
  CLIENT_SECRET=interop-secret exec node interop/oidc-provider.mjs) >"$work/oidc-provider.log" 2>&1 &
provider=$!
LEPTOS_SITE_ADDR=127.0.0.1:$iport DATABASE_URL="sqlite://$work/interop.db" \
  STADSPORTEN__AUTH__STAFF__ISSUER="http://127.0.0.1:$pport" STADSPORTEN__AUTH__STAFF__CLIENT_ID=stadsporten-staff \
  STADSPORTEN__AUTH__STAFF__CLIENT_SECRET=interop-secret "$here/scripts/serve.sh" "$bin_dir" >"$work/interop-server.log" 2>&1 &
interop=$!
cleanup() {
  kill $server $interop $provider $pgserver $smtp $clamd 2>/dev/null || true
  wait $server $interop $provider $pgserver $smtp $clamd 2>/dev/null || true
  psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null 2>&1 || true
}
trap cleanup EXIT
for url in "http://127.0.0.1:$port/healthz" "http://127.0.0.1:$iport/healthz" "http://127.0.0.1:$gport/healthz" "http://127.0.0.1:$pport/.well-known/openid-configuration"; do
  for _ in $(seq 1 60); do curl -fs "$url" >/dev/null && break; sleep 0.5; done
  curl -fs "$url" >/dev/null || { tail -20 "$work"/*.log; echo "e2e: $url did not answer" >&2; exit 1; }
done
echo "e2e: server on 127.0.0.1:$port (SQLite) and $gport (PostgreSQL), interop server on $iport with oidc-provider on $pport, SMTP on $sport; running Playwright"
cd "$here/end2end"
STADSPORTEN_E2E_URL="http://127.0.0.1:$port" STADSPORTEN_INTEROP_URL="http://127.0.0.1:$iport" \
  STADSPORTEN_E2E_PG_URL="http://127.0.0.1:$gport" STADSPORTEN_E2E_MAILDIR="$work/maildir" npx playwright test "$@" \
  || { echo "e2e: logs in $work" >&2; exit 1; }
kill "$interop" "$provider" "$pgserver" "$smtp" $clamd 2>/dev/null || true
# Graceful shutdown: SIGTERM lets in-flight requests finish and the server exit cleanly.
kill -TERM "$server"
status=0; wait "$server" || status=$?
trap - EXIT
if [ "$status" != 0 ] || ! grep -q "stopped" "$work/server.log"; then
  echo "e2e: the server did not stop cleanly on SIGTERM (exit $status)" >&2; tail -5 "$work/server.log" >&2; exit 1
fi
echo "e2e: the server stopped cleanly on SIGTERM"
if [ -n "${STADSPORTEN_E2E_LOG:-}" ]; then cat "$work/server.log" "$work/interop-server.log" "$work/pg-server.log" >"$STADSPORTEN_E2E_LOG"; fi
psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null 2>&1 || true
