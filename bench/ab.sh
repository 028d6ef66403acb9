#!/usr/bin/env bash
# Before-and-after benchmark (not a test): two release builds served side by side on fresh SQLite
# databases and measured in turns — A, B, A, B … — on the same workloads of bench/run.sh and
# bench/forms.sh, so that the machine's drift (± 20 % between runs minutes apart on these shared
# 2-core machines) falls on both alike. Prints each round and the median ratio B/A per workload.
#
# Usage: bench/ab.sh A_CHECKOUT A_BIN_DIR B_CHECKOUT B_BIN_DIR [seconds=5] [rounds=5] [connections=16]
#   A checkout is a clone or `git worktree` of the older commit with its site built
#   (`scripts/build.sh` there); its server runs from its own folder, with its own configuration.
#   AB_ONLY="1 3" measures only those workloads (numbered from 0 in the order of the table).
#   The load comes from one address, so both run with bench/one-address.sh's raised limits (the
#   limiter still counts every request it would in production; an older build ignores them).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
a_dir=${1:?usage: ab.sh A_CHECKOUT A_BIN_DIR B_CHECKOUT B_BIN_DIR [seconds] [rounds] [connections]}
a_bin=${2:?}
b_dir=${3:?}
b_bin=${4:?}
secs=${5:-5}
rounds=${6:-5}
conns=${7:-16}
command -v wrk >/dev/null || { echo "bench: wrk missing (scripts/setup.sh installs it)" >&2; exit 1; }
work=$(mktemp -d)
servers=()
trap 'kill "${servers[@]}" 2>/dev/null || true' EXIT
cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = os.getenv("BODY")
LUA
declare -A port cookie csrf token
port[A]=3981
port[B]=3982
start() {
  local side=$1 dir=$2 bin=$3
  (cd "$dir" && LEPTOS_SITE_ROOT="$dir/target/site" LEPTOS_SITE_ADDR=127.0.0.1:${port[$side]} \
    DATABASE_URL="sqlite://$work/$side.db" RUST_LOG=warn exec scripts/serve.sh "$bin") >"$work/$side.log" 2>&1 &
  servers+=($!)
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:${port[$side]}/readyz" >/dev/null && break; sleep 0.5; done
  read -r cookie[$side] csrf[$side] token[$side] < <("$here/bench/session.sh" "http://127.0.0.1:${port[$side]}")
}
start A "$a_dir" "$a_bin"
start B "$b_dir" "$b_bin"
workloads=(
  "anonymous service page (br, from memory)"
  "signed-in search (rendered; search limit)"
  "e-service start page (GET, signed in)"
  "form step page (GET)"
  "valid step (POST, saved, 303)"
)
# The wrk arguments of workload N for SIDE. (A header is "Name: value" with the space: wrk
# reads "Cookie:value" as something else, and the server then sees nobody signed in.)
args() {
  local base="http://127.0.0.1:${port[$2]}" c="Cookie: ${cookie[$2]}"
  case $1 in
    0) echo -H; echo "Accept-Encoding: br"; echo "$base/services/ansok-om-forskoleplats" ;;
    1) echo -H; echo "$c"; echo "$base/services?q=f%C3%B6rskola" ;;
    2) echo -H; echo "$c"; echo "$base/services/synpunkter-och-klagomal/start" ;;
    3) echo -H; echo "$c"; echo "$base/apply/${token[$2]}/step/about" ;;
    4) echo -H; echo "$c"; echo -H; echo "Origin: $base"; echo -s; echo "$work/post.lua"; echo "$base/forms/${token[$2]}/about" ;;
  esac
}
rps() {
  local n=$1 side=$2 a
  mapfile -t a < <(args "$n" "$side")
  BODY="unit=TK&kind=complaint&action=continue&csrf=${csrf[$side]}" wrk -t2 -c"$conns" -d"${secs}s" "${a[@]}" |
    awk -v who="$side ${workloads[$n]}" '/Requests\/sec/ {print $2} /Non-2xx|Socket errors/ {print "ab: " who ":" $0 > "/dev/stderr"}'
}
echo "## Before and after $(date -u +%Y-%m-%d) — \`bench/ab.sh … $secs $rounds $conns\`"
echo
echo "A: $(git -C "$a_dir" rev-parse --short HEAD), B: $(git -C "$b_dir" rev-parse --short HEAD); wrk -t2 -c$conns -d${secs}s per turn, $rounds rounds, A and B in turns on the same $(nproc) cores; SQLite."
echo
echo "| workload | A req/s (median) | B req/s (median) | B/A per round | B/A median |"
echo "|---|---:|---:|---|---:|"
for n in ${AB_ONLY:-"${!workloads[@]}"}; do
  name=${workloads[$n]}
  as=(); bs=(); ratios=()
  for r in $(seq 1 "$rounds"); do
    # Alternate who goes first, so neither always follows the other's warm-up.
    if [ $((r % 2)) = 1 ]; then a=$(rps "$n" A); b=$(rps "$n" B); else b=$(rps "$n" B); a=$(rps "$n" A); fi
    as+=("$a"); bs+=("$b"); ratios+=("$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", b/a}')")
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
  echo "| $name | $(median "${as[@]}") | $(median "${bs[@]}") | ${ratios[*]} | **$(median "${ratios[@]}")** |"
done
