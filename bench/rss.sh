#!/usr/bin/env bash
# Where one node's memory goes under load (not a test): serves the release build on a fresh
# database, signs Anna in, loads the form step page, saved steps and an anonymous page with wrk,
# and prints the peak RSS and the resident anonymous (heap, stacks) and file-backed (the binary's
# code, the database's mapped pages) parts. Settings to compare are passed through the
# environment, e.g. `STADSPORTEN__DATABASE__MAX_CONNECTIONS=4 bench/rss.sh sqlite`.
# Usage: bench/rss.sh [sqlite|postgres] [seconds-per-workload=8]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
backend=${1:-sqlite}
secs=${2:-8}
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
bin_dir=$("$here/scripts/build.sh")
# shellcheck source=bench/fresh-server.sh
. "$here/bench/fresh-server.sh"
fresh_server "$backend" "${STADSPORTEN_BENCH_PORT:-3967}" rss
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
