#!/usr/bin/env bash
# Where a signed-in page's CPU goes (not a test): serves the release build on a fresh database,
# signs Anna in, loads one workload with wrk and samples the server with perf (DWARF call graphs,
# the release profile keeps line tables). Prints the top functions by own time, by module and the
# kernel's share; writes perf.data and, when inferno is installed (`cargo install inferno
# --version =0.12.3 --locked`), a flame graph SVG into target/profile/.
# Usage: bench/profile.sh [step|start|post|anon] [sqlite|postgres] [seconds=10]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
what=${1:-step}
backend=${2:-sqlite}
secs=${3:-10}
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
bin_dir=$("$here/scripts/build.sh")
out="$here/target/profile"; mkdir -p "$out"
# shellcheck source=bench/fresh-server.sh
. "$here/bench/fresh-server.sh"
fresh_server "$backend" "${STADSPORTEN_BENCH_PORT:-3965}" profile
read -r cookie csrf token < <("$here/bench/session.sh" "$base")
printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\nwrk.body = "unit=TK&kind=complaint&action=continue&csrf=%s"\n' "$csrf" >"$work/post.lua"
case $what in
  step) args=(-H "Cookie: $cookie" "$base/apply/$token/step/about") ;;
  start) args=(-H "Cookie: $cookie" "$base/services/synpunkter-och-klagomal/start") ;;
  post) args=(-H "Cookie: $cookie" -H "Origin: $base" -s "$work/post.lua" "$base/forms/$token/about") ;;
  anon) args=(-H "Accept-Encoding: br" "$base/services/ansok-om-forskoleplats") ;;
  *) echo "profile: step, start, post or anon" >&2; exit 2 ;;
esac
wrk -t2 -c16 -d2s "${args[@]}" >/dev/null
wrk -t2 -c16 -d"$((secs + 2))s" --latency "${args[@]}" >"$work/wrk.out" &
load=$!
sleep 1
perf record -q -F 499 --call-graph dwarf,16384 -o "$out/perf-$what-$backend.data" -p "$pid" -- sleep "$secs" 2>/dev/null
# Only the load: a bare `wait` would also wait for the server.
wait "$load"
echo "## Profile of \`$what\` on $backend ($(date -u +%Y-%m-%d), bench/profile.sh $what $backend $secs)"
echo
grep -E "Requests/sec|99%" "$work/wrk.out" | sed 's/^/    /'
echo
echo "Own time by module (dso):"
echo '```'
perf report -i "$out/perf-$what-$backend.data" --no-children --no-inline -g none --sort dso --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -8
echo '```'
echo "Top functions by own time:"
echo '```'
perf report -i "$out/perf-$what-$backend.data" --no-children --no-inline -g none --sort sym --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -40
echo '```'
if command -v inferno-collapse-perf >/dev/null 2>&1; then
  perf script --no-inline -i "$out/perf-$what-$backend.data" 2>/dev/null | inferno-collapse-perf >"$work/folded"
  inferno-flamegraph <"$work/folded" >"$out/flame-$what-$backend.svg"
  echo "Flame graph: target/profile/flame-$what-$backend.svg"
  echo
  echo "Inclusive share of selected frames (from the folded stacks):"
  echo '```'
  total=$(awk '{s += $NF} END {print s}' "$work/folded")
  for f in futex flume sqlx_core leptos tachys tower_sessions serde_json malloc free fsync render_app audit Store::signed_in; do
    n=$(grep -F "$f" "$work/folded" | awk '{s += $NF} END {print s + 0}')
    awk -v f="$f" -v n="$n" -v t="$total" 'BEGIN {printf "%-22s %5.1f %%\n", f, 100 * n / t}'
  done
  echo '```'
fi
