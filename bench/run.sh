#!/usr/bin/env bash
# Benchmark (not a test): builds the release site, serves it on a fresh SQLite database and measures
# with wrk: requests/s, p50/p99 latency and server CPU per endpoint; first-view page weight (raw
# and compressed) in hydrated and lite modes; the server's peak RSS.
# Usage: bench/run.sh [seconds-per-endpoint] [connections]     (defaults: 15 s, 16)
# Prints a Markdown report; docs/benchmarks.md records results with this command.
# Note: wrk and the server share this machine's 2 cores, so numbers are a floor, not a ceiling.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
secs=${1:-15}
conns=${2:-16}
command -v wrk >/dev/null || { echo "bench: wrk missing (scripts/setup.sh installs it)" >&2; exit 1; }
bin_dir=$("$here/scripts/build.sh")
work=$(mktemp -d)
port=${STADSPORTEN_BENCH_PORT:-3950}
base="http://127.0.0.1:$port"
LEPTOS_SITE_ADDR=127.0.0.1:$port DATABASE_URL="sqlite://$work/bench.db" RUST_LOG=warn \
  "$here/scripts/serve.sh" "$bin_dir" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.5; done
pid=$(pgrep -P "$server" -f stadsporten-server || echo "$server")
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
hz=$(getconf CLK_TCK)

echo "## Results $(date -u +%Y-%m-%d) — \`bench/run.sh $secs $conns\`"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); wrk -t2 -c$conns -d${secs}s on the same machine; SQLite (WAL, synchronous=FULL), 48 services."
echo
echo "| endpoint | req/s | p50 | p99 | server CPU (cores) |"
echo "|---|---:|---:|---:|---:|"
for path in "/" "/services" "/services/ansok-om-forskoleplats" "/services?q=f%C3%B6rskola"; do
  curl -fs "$base$path" >/dev/null
  before=$(ticks)
  out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -H 'Accept-Encoding: br' "$base$path")
  after=$(ticks)
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  cpu=$(awk -v a="$before" -v b="$after" -v hz="$hz" -v s="$secs" 'BEGIN {printf "%.2f", (b-a)/hz/s}')
  echo "| \`GET $path\` | $rps | $p50 | $p99 | $cpu |${errors:+ $errors}"
done
rss=$(awk '/VmHWM/ {printf "%.1f MB", $2/1024}' "/proc/$pid/status")
echo
echo "Server peak RSS (VmHWM) after the load: **$rss**."
echo

size() { curl -s -o /dev/null -w '%{size_download}' ${2:+-H "Accept-Encoding: $2"} ${3:+-H "Cookie: $3"} "$base$1"; }
kb() { awk -v b="$1" 'BEGIN {printf "%.1f KB", b/1024}'; }
# The catalogue is the page with an island, so its first view carries the WebAssembly.
view=/services
page=$(curl -s "$base$view")
css=$(grep -o '/pkg/[^"]*\.css' <<<"$page" | head -1 || true)
js=$(grep -o '/pkg/[^"]*\.js' <<<"$page" | head -1 || true)
wasm=$(grep -o '/pkg/[^"]*\.wasm' <<<"$page" | head -1 || true)
echo "First view of \`$view\` (bytes on the wire for a browser sending the given Accept-Encoding):"
echo
echo "| part | raw | gzip | br |"
echo "|---|---:|---:|---:|"
total=0
for part in "HTML:$view" "CSS:$css" "JS:$js" "WASM:$wasm"; do
  name=${part%%:*}; path=${part#*:}
  [ -n "$path" ] || { echo "| $name | – | – | – |"; continue; }
  raw=$(size "$path"); gz=$(size "$path" gzip); br=$(size "$path" br)
  echo "| $name | $(kb "$raw") | $(kb "$gz") | $(kb "$br") |"
  total=$((total + br))
done
css_br=$( [ -n "$css" ] && size "$css" br || echo 0)
lite=$(( $(size "$view" br "lite=1") + css_br ))
start_view=$(( $(size / br) + css_br ))
service=/services/ansok-om-forskoleplats
echo
echo "- Hydrated first view of \`$view\`, br: **$(kb $total)** (HTML + CSS + JS + WASM)."
echo "- Lite first view of \`$view\`, br: **$(kb $lite)** (HTML without any script + CSS)."
echo "- Start page \`/\` first view, br: **$(kb $start_view)** (no islands, so no JS or WASM)."
echo "- Service page \`$service\` HTML, br: **$(kb "$(size "$service" br)")** (gzip $(kb "$(size "$service" gzip)"))."
