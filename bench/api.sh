#!/usr/bin/env bash
# The API, its events and the register extract at load (not a test), on SQLite and on PostgreSQL
# with the release server:
#   1. with 100,000 cases of SBK (a fixture), wrk reads a unit's case list as SBK's system (first
#      page, and a page deep into the cursor) and the catalogue: p99 ≤ 30 ms;
#   2. 1,000 events a second are written for one subscription for `hook-seconds` (deliveries as a
#      case change writes them), delivered to a local receiver that checks every signature
#      (bench/loadgen hooksink): the backlog, sampled each second, must not grow, and every event
#      arrives;
#   3. Anna with 200 cases (a fixture) downloads her register extract: ≤ 2 s.
# Usage: bench/api.sh [wrk-seconds=15] [connections=4] [hook-seconds=30]
#        API_BENCH_ONLY=sqlite|postgres bench/api.sh …   (one backend)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
wsecs=${1:-15}
conns=${2:-4}
hsecs=${3:-30}
command -v wrk >/dev/null || { echo "bench: wrk missing (scripts/setup.sh installs it)" >&2; exit 1; }
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
bin_dir=${STADSPORTEN_BIN_DIR:-$("$here/scripts/build.sh")}
cargo build --release -q -p stadsporten-loadgen --bin hooksink
sink="${CARGO_TARGET_DIR:-$here/target}/release/hooksink"
work=$(mktemp -d)
port=${STADSPORTEN_BENCH_PORT:-3977}
sink_port=$((port + 1))
base="http://127.0.0.1:$port"
pg_admin=${TEST_POSTGRES_URL:-$("$here/scripts/postgres.sh")}
pg_db="stadsporten_apibench_$$"
psql "$pg_admin" -qc "create database $pg_db" >/dev/null
server=
sinkpid=
trap 'kill $server $sinkpid 2>/dev/null || true; psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null 2>&1 || true' EXIT

sql() {
  case "$db" in
    # The server holds SQLite's write lock at times: wait for it, as the server's own writers do.
    sqlite*) sqlite3 -cmd ".timeout 30000" "${db#sqlite://}" "$1" ;;
    *) psql "$db" -Atqc "$1" ;;
  esac
}

# `n` rows numbered 1..n: the series each backend writes it with, and the zero-padded number.
series() {
  case "$db" in
    sqlite*) echo "with recursive n(i) as (select 1 union all select i + 1 from n where i < $1)|from n|printf('%06d', i)" ;;
    *) echo "|from generate_series(1, $1) as n(i)|lpad(i::text, 6, '0')" ;;
  esac
}

# Inserts `count` decided-or-open cases of `unit` for the persona, numbered in `year`'s series.
cases_fixture() {
  local unit=$1 persona=$2 count=$3 year=$4 with from pad now def who
  IFS='|' read -r with from pad <<<"$(series "$count")"
  now=$(date +%s)
  def=$(sql "select id from service_definitions where slug = 'bygglov' order by version desc limit 1")
  who=$(sql "select id from users where persona = '$persona'")
  sql "$with insert into cases (case_number, unit_code, definition_id, service_slug, applicant_id, lang, answers, status, \
    submitted_at, handling_days, due_at, idempotency_key, updated_at) \
    select '$unit $year/' || $pad, '$unit', $def, 'bygglov', $who, 'sv', \
    '{\"beskrivning\":{\"kind\":\"text\",\"value\":\"Bench ' || i || '\"}}', \
    case when i % 3 = 0 then 'in-progress' else 'submitted' end, $now - i * 60, 28, $now - i * 60 + 28 * 86400, \
    'bench-$unit-$year-' || i, $now - i * 60 $from" >/dev/null
}

wrk_row() {
  local label=$1 url=$2 res rps p50 p99 errors
  curl -fs -o /dev/null -H "Authorization: Bearer $token" "$url" || { echo "bench: $url failed" >&2; exit 1; }
  res=$(wrk -t1 -c"$conns" -d"${wsecs}s" --latency -H "Authorization: Bearer $token" "$url")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$res")
  p50=$(awk '$1=="50%" {print $2}' <<<"$res")
  p99=$(awk '$1=="99%" {print $2}' <<<"$res")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$res")
  echo "| $label | $rps | $p50 | $p99 |${errors:+ $errors}"
}

echo "## The API, events and the register extract $(date -u +%Y-%m-%d) — \`bench/api.sh $wsecs $conns $hsecs\`"
echo
echo "Machine: $(nproc) cores; wrk (or the receiver) and the server share them. Every API call is audited."
for db in "sqlite://$work/api.db" "${pg_admin%/*}/$pg_db"; do
  case "${API_BENCH_ONLY:-}:$db" in sqlite:postgres* | postgres:sqlite*) continue ;; esac
  STADSPORTEN__MEASUREMENT__SEED_HISTORY=false LEPTOS_SITE_ADDR=127.0.0.1:$port DATABASE_URL="$db" RUST_LOG=warn \
    "$here/scripts/serve.sh" "$bin_dir" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.5; done
  echo
  echo "### ${db%%:*}"
  echo
  cases_fixture SBK erik 100000 2019
  cases_fixture MF anna 200 2018
  # Statistics as a database in service has them; SQLite's log folded in (the fixture's 100,000
  # rows would otherwise be checkpointed during the first measurement).
  sql "analyze" >/dev/null
  case "$db" in sqlite*) sql "pragma wal_checkpoint(truncate)" >/dev/null ;; esac
  total=$(sql "select count(*) from cases where unit_code = 'SBK'")
  token=$(curl -fs -u demo-sbk:demo-sbk-secret-for-development-only -d grant_type=client_credentials "$base/api/v1/oauth/token" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  # A cursor 90,000 cases in.
  deep=$(sql "select printf('%x.%x', updated_at, id) from (select updated_at, id from cases where unit_code = 'SBK' order by updated_at, id limit 1 offset 90000) x" 2>/dev/null \
    || sql "select to_hex(updated_at) || '.' || to_hex(id) from (select updated_at, id from cases where unit_code = 'SBK' order by updated_at, id limit 1 offset 90000) x")
  echo "$total cases of SBK; as SBK's system with a token (wrk -t1 -c$conns -d${wsecs}s):"
  echo
  echo "| call | req/s | p50 | p99 |"
  echo "|---|---:|---:|---:|"
  # Warm up (connections, caches), not measured.
  wrk -t1 -c"$conns" -d3s -H "Authorization: Bearer $token" "$base/api/v1/units/SBK/cases?limit=50" >/dev/null
  wrk_row "\`GET /api/v1/units/SBK/cases?limit=50\`" "$base/api/v1/units/SBK/cases?limit=50"
  wrk_row "the same, 90,000 cases in (\`cursor=$deep\`)" "$base/api/v1/units/SBK/cases?limit=50&cursor=$deep"
  wrk_row "\`GET /api/v1/units/SBK/cases?limit=200\`" "$base/api/v1/units/SBK/cases?limit=200"
  wrk_row "\`GET /api/v1/services?limit=50\`" "$base/api/v1/services?limit=50"

  # Events: a subscription to a local receiver, then 1,000 deliveries written each second.
  secret=$(curl -fs -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"url\":\"http://127.0.0.1:$sink_port/hooks\",\"events\":[\"case.submitted\"],\"unit\":\"SBK\"}" \
    "$base/api/v1/webhooks" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["id"], d["secret"])')
  sub=${secret% *}; secret=${secret#* }
  "$sink" "$sink_port" "$secret" $((hsecs + 60)) >"$work/sink.out" &
  sinkpid=$!
  sleep 1
  IFS='|' read -r with from pad <<<"$(series 1000)"
  max=0; samples=()
  start=$(date +%s.%N)
  for s in $(seq 1 "$hsecs"); do
    tick=$(date +%s.%N)
    now=$(date +%s)
    sql "$with insert into webhook_deliveries (subscription_id, event_id, event_type, payload, next_attempt_at, created_at) \
      select $sub, 'evt_bench_${s}_' || i, 'case.submitted', \
      '{\"specversion\":\"1.0\",\"id\":\"evt_bench_${s}_' || i || '\",\"type\":\"se.stockholm.stadsporten.case.submitted.v1\",\"source\":\"/api/v1/units/SBK\",\"data\":{}}', \
      $now, $now $from" >/dev/null
    pending=$(sql "select count(*) from webhook_deliveries where status = 'pending'")
    samples+=("$pending")
    [ "$pending" -gt "$max" ] && max=$pending
    sleep "$(python3 -c "import time; print(max(0, 1 - (time.time() - $tick)))")"
  done
  written_until=$(date +%s.%N)
  for _ in $(seq 1 60); do
    pending=$(sql "select count(*) from webhook_deliveries where status = 'pending'")
    [ "$pending" = 0 ] && break
    sleep 0.5
  done
  drained=$(date +%s.%N)
  delivered=$(sql "select count(*) from webhook_deliveries where subscription_id = $sub and status = 'delivered'")
  sleep 1
  kill "$sinkpid" 2>/dev/null || true; wait "$sinkpid" 2>/dev/null || true; sinkpid=
  rate=$(python3 -c "print(round($delivered / ($drained - $start)))")
  echo
  echo "Events: $((hsecs * 1000)) written at 1,000 a second for ${hsecs}s; $delivered delivered in $(python3 -c "print(round($drained - $start, 1))") s ($rate a second; drained $(python3 -c "print(round($drained - $written_until, 1))") s after the last write)."
  echo "Backlog each second (pending): ${samples[*]}; at most $max."
  echo "The receiver: $(cat "$work/sink.out" 2>/dev/null || echo 'no summary (stopped early)')."
  [ "$delivered" = $((hsecs * 1000)) ] || { echo "bench: $delivered of $((hsecs * 1000)) delivered" >&2; exit 1; }

  # The register extract of a person with 200 cases.
  cookie=$("$here/bench/session.sh" "$base" anna | cut -d' ' -f1)
  n=$(sql "select count(*) from cases where applicant_id = (select id from users where persona = 'anna')")
  best=; worst=0
  for _ in 1 2 3 4 5; do
    t=$(curl -fs -o "$work/extract.json" -w '%{time_total}' -H "Cookie: $cookie" "$base/my/data/extract.json")
    worst=$(python3 -c "print(max($worst, $t))"); best=${best:-$t}; best=$(python3 -c "print(min($best, $t))")
  done
  size=$(wc -c <"$work/extract.json")
  echo
  echo "Register extract: Anna with $n cases, $size bytes of JSON: best $(python3 -c "print(round($best * 1000))") ms, worst $(python3 -c "print(round($worst * 1000))") ms of 5 (target ≤ 2,000 ms)."
  kill "$server"; wait "$server" 2>/dev/null || true
  server=
done
