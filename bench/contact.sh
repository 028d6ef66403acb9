#!/usr/bin/env bash
# The contact centre at load (not a test), on SQLite and on PostgreSQL with the release server:
#   1. the telephony simulator (bench/loadgen callsim) posts `rate` signed call events a second for
#      `seconds` (every tenth sent twice): every event must be accepted exactly once, the resent ones
#      refused as duplicates, every abandoned or voicemail call must have made exactly one call-back
#      promise, and the API's p99 must be ≤ 50 ms;
#   2. with 10,000 open errands added (a fixture) and the call-backs the load made, wrk reads the
#      agent's board and the call-back queue as Lena: p99 ≤ 100 ms.
# Usage: bench/contact.sh [rate=200] [seconds=60] [wrk-seconds=15] [connections=4]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
rate=${1:-200}
secs=${2:-60}
wsecs=${3:-15}
conns=${4:-4}
command -v wrk >/dev/null || { echo "bench: wrk missing (scripts/setup.sh installs it)" >&2; exit 1; }
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
bin_dir=${STADSPORTEN_BIN_DIR:-$("$here/scripts/build.sh")}
cargo build --release -q -p stadsporten-loadgen --bin callsim
sim="${CARGO_TARGET_DIR:-$here/target}/release/callsim"
work=$(mktemp -d)
port=${STADSPORTEN_BENCH_PORT:-3976}
base="http://127.0.0.1:$port"
pg_admin=${TEST_POSTGRES_URL:-$("$here/scripts/postgres.sh")}
pg_db="stadsporten_contactbench_$$"
psql "$pg_admin" -qc "create database $pg_db" >/dev/null
server=
trap 'kill $server 2>/dev/null || true; psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null 2>&1 || true' EXIT

# Lena signed in: `cookie` for wrk's header.
lena_session() {
  local jar authorize query callback
  jar=$(mktemp)
  loc() { curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" -H "Origin: $base" "$@"; }
  authorize=$(loc "$base/auth/login?as=staff&to=/contact")
  curl -s -o /dev/null -b "$jar" -c "$jar" "$authorize"
  query=${authorize#*\?}
  callback=$(loc -X POST --data "$query&persona=lena" "$base/test-idp/staff/authorize/choose")
  curl -s -o /dev/null -b "$jar" -c "$jar" "$callback"
  awk '$6 == "__Host-stadsporten" {print $6 "=" $7}' "$jar"
  rm -f "$jar"
}

# One SQL statement on the run's database; prints the single value.
sql() {
  case "$db" in
    sqlite*) sqlite3 "${db#sqlite://}" "$1" ;;
    *) psql "$db" -Atqc "$1" ;;
  esac
}

echo "## The contact centre at load $(date -u +%Y-%m-%d) — \`bench/contact.sh $rate $secs $wsecs $conns\`"
echo
echo "Machine: $(nproc) cores; the simulator, wrk and the server share them."
for db in "sqlite://$work/contact.db" "${pg_admin%/*}/$pg_db"; do
  STADSPORTEN__MEASUREMENT__SEED_HISTORY=false LEPTOS_SITE_ADDR=127.0.0.1:$port DATABASE_URL="$db" RUST_LOG=warn \
    "$here/scripts/serve.sh" "$bin_dir" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.5; done
  echo
  echo "### ${db%%:*}"
  echo
  out=$("$sim" "$base" load "$rate" "$secs" city-pbx "" "$work/promised.txt") || { echo "$out"; echo "bench: the load failed" >&2; exit 1; }
  run=$(head -1 "$work/promised.txt" | sed 's/-[0-9]*$//')
  expected=$(wc -l <"$work/promised.txt"); expected=$((expected + 1))
  events=$(sql "select count(*) from telephony_events where event_id like '$run-%'")
  promises=$(sql "select count(*) from callbacks where call_key like 'city-pbx:$run-%'")
  distinct=$(sql "select count(distinct call_key) from callbacks where call_key like 'city-pbx:$run-%'")
  echo "Telephony API: \`$out\`"
  echo
  echo "Stored: $events events (each once), $promises call-back promises for $expected abandoned or voicemail calls ($distinct distinct calls)."
  total=$((rate * secs))
  [ "$events" = "$total" ] || { echo "bench: $events events stored, $total sent" >&2; exit 1; }
  [ "$promises" = "$expected" ] && [ "$distinct" = "$expected" ] || { echo "bench: promises lost or duplicated" >&2; exit 1; }
  # 10,000 open errands (the board lists the oldest, the queue its call-backs by deadline).
  lena=$(sql "select id from users where persona = 'lena'")
  now=$(date +%s)
  case "$db" in
    sqlite*) series="with recursive n(i) as (select 1 union all select i + 1 from n where i < 10000)" ; from_n="from n" ; cat="'BENCH-' || i" ;;
    *) series="" ; from_n="from generate_series(1, 10000) as n(i)" ; cat="'BENCH-' || i" ;;
  esac
  sql "$series insert into errands (number, channel, category, notes, outcome, status, agent_id, agent_unit, idempotency_key, created_at, updated_at) select $cat, 'phone', 'general', 'Bench', 'call-back', 'open', $lena, 'KC', 'bench-' || i, $now - i, $now - i $from_n" >/dev/null
  open=$(sql "select count(*) from errands where status <> 'closed'")
  callbacks=$(sql "select count(*) from callbacks where status = 'open'")
  cookie=$(lena_session)
  [ -n "$cookie" ] || { echo "bench: sign-in failed" >&2; exit 1; }
  echo
  echo "With $open open errands and $callbacks open call-backs, as Lena (wrk -t1 -c$conns -d${wsecs}s):"
  echo
  echo "| page | req/s | p50 | p99 |"
  echo "|---|---:|---:|---:|"
  for path in /contact /contact/callbacks; do
    curl -fs -o /dev/null -H "Cookie: $cookie" "$base$path" || { echo "bench: $path failed" >&2; exit 1; }
    res=$(wrk -t1 -c"$conns" -d"${wsecs}s" --latency -H 'Accept-Encoding: br' -H "Cookie: $cookie" "$base$path")
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$res")
    p50=$(awk '$1=="50%" {print $2}' <<<"$res")
    p99=$(awk '$1=="99%" {print $2}' <<<"$res")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$res")
    echo "| \`GET $path\` | $rps | $p50 | $p99 |${errors:+ $errors}"
  done
  kill "$server"; wait "$server" 2>/dev/null || true
  server=
done
