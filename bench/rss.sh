#!/usr/bin/env bash
# Where one node's memory goes under load (not a test): serves the release build on a fresh
# database, signs Anna in, loads the form step page, saved steps and an anonymous page with wrk,
# and prints the peak RSS and the resident anonymous (heap, stacks) and file-backed (the binary's
# code, the database's mapped pages) parts. Settings to compare are passed through the
# environment, e.g. `STADSPORTEN__DATABASE__MAX_CONNECTIONS=4 bench/rss.sh sqlite`.
# Usage: bench/rss.sh [sqlite|postgres] [seconds-per-workload=8]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
backend=${1:-sqlite}
secs=${2:-8}
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
bin_dir=$("$here/scripts/build.sh")
work=$(mktemp -d)
port=${STADSPORTEN_BENCH_PORT:-3967}
base="http://127.0.0.1:$port"
db="sqlite://$work/rss.db"
if [ "$backend" = postgres ]; then
  pg_admin=${TEST_POSTGRES_URL:-$("$here/scripts/postgres.sh")}
  pg_db="stadsporten_rss_$$"
  psql "$pg_admin" -qc "create database $pg_db" >/dev/null
  db="${pg_admin%/*}/$pg_db"
fi
LEPTOS_SITE_ADDR=127.0.0.1:$port DATABASE_URL="$db" RUST_LOG=warn "$here/scripts/serve.sh" "$bin_dir" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; [ -n "${pg_db:-}" ] && psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 60); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.5; done
pid=$(pgrep -P "$server" -f stadsporten-server || echo "$server")
mem() {
  awk '/^Rss|^Anonymous/ {v[$1]=$2} END {printf "RSS %.1f MB (anonymous %.1f MB, file-backed %.1f MB)", v["Rss:"]/1024, v["Anonymous:"]/1024, (v["Rss:"]-v["Anonymous:"])/1024}' "/proc/$pid/smaps_rollup"
}
echo "after start-up: $(mem)"
read -r cookie csrf token < <("$here/bench/session.sh" "$base")
printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\nwrk.body = "unit=TK&kind=complaint&action=continue&csrf=%s"\n' "$csrf" >"$work/post.lua"
wrk -t2 -c16 -d"${secs}s" -H "Cookie: $cookie" "$base/apply/$token/step/about" >/dev/null
wrk -t2 -c16 -d"${secs}s" -H "Cookie: $cookie" -H "Origin: $base" -s "$work/post.lua" "$base/forms/$token/about" >/dev/null
for lang in sv en fi ar; do
  wrk -t2 -c16 -d"$((secs / 4 + 1))s" -H "Accept-Encoding: br" -H "Cookie: lang=$lang" "$base/services/ansok-om-forskoleplats" >/dev/null
done
echo "after load: $(mem); peak $(awk '/VmHWM/ {printf "%.1f MB", $2/1024}' "/proc/$pid/status"); threads $(awk '/Threads/ {print $2}' "/proc/$pid/status")"
