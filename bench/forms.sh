#!/usr/bin/env bash
# Form-runner load (not a test): serves the release build on a fresh database, on SQLite and
# PostgreSQL, and measures:
#   1. with wrk (-t2, `connections`, one signed-in session, as the issue's comparison with the UK
#      form runner): the e-service start page and a form step (GET), a valid step POST (saved,
#      303), an invalid step POST followed by the GET that shows its errors (pairs), and an
#      anonymous service page (br) — requests/s, p50/p99, server CPU per request (and PostgreSQL's);
#   2. with bench/loadgen/src/bin/formbench.rs: 16 clients, each with its own session and draft.
# Also prints pgbench's commit rate on the same machine (the bar for durable step POSTs) and the
# server's peak RSS.
# Usage: bench/forms.sh [seconds-per-workload=15] [connections=16]
# The load generators and the server share this machine's cores.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
secs=${1:-15}
conns=${2:-16}
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
bin_dir=$("$here/scripts/build.sh")
# Built in release (the load generator must not be the bottleneck), in a crate of its own so that
# building it leaves the server's build alone.
cargo build --release -q -p stadsporten-loadgen --bin formbench
bench="${CARGO_TARGET_DIR:-$here/target}/release/formbench"
work=$(mktemp -d)
port=${STADSPORTEN_BENCH_PORT:-3960}
base="http://127.0.0.1:$port"
pg_admin=${TEST_POSTGRES_URL:-$("$here/scripts/postgres.sh")}
pg_db="stadsporten_formbench_$$"
psql "$pg_admin" -qc "create database $pg_db" >/dev/null
server=
trap 'kill $server 2>/dev/null || true; psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null 2>&1 || true; psql "$pg_admin" -qc "drop database if exists ${pg_db}_pgbench" >/dev/null 2>&1 || true' EXIT
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# CPU of every PostgreSQL process (the server's backends for this benchmark's connections).
pg_ticks() { local t=0 p; for p in $(pgrep -x postgres || true); do t=$((t + $(ticks "$p" 2>/dev/null || echo 0))); done; echo $t; }

cat >"$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = os.getenv("BODY")
LUA
cat >"$work/pair.lua" <<'LUA'
-- An invalid step POST, then the GET that shows its errors: two requests, one "pair".
local n = 0
request = function()
  n = n + 1
  if n % 2 == 1 then
    return wrk.format("POST", os.getenv("POST_PATH"), { ["Content-Type"] = "application/x-www-form-urlencoded" }, os.getenv("BODY"))
  end
  return wrk.format("GET", os.getenv("GET_PATH"))
end
LUA

# The bar for anonymous pages: nginx serving the very bytes the server sent (brotli, as stored),
# with the same wrk, in the same run. nginx is for this benchmark only (Debian's nginx-light).
nginx_same_bytes() {
  command -v nginx >/dev/null || { apt-get install -y -q --no-install-recommends nginx-light >/dev/null 2>&1 || true; }
  command -v nginx >/dev/null || { echo "| nginx serving the same bytes | (nginx could not be installed) | | | | | |"; return; }
  mkdir -p "$work/www" "$work/nginx-tmp"
  curl -fs -H "Accept-Encoding: br" -o "$work/www/page" "$1"
  local nport=$((port + 1))
  cat >"$work/nginx.conf" <<NGINX
worker_processes auto;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx-tmp;
  proxy_temp_path $work/nginx-tmp;
  fastcgi_temp_path $work/nginx-tmp;
  uwsgi_temp_path $work/nginx-tmp;
  scgi_temp_path $work/nginx-tmp;
  server {
    listen 127.0.0.1:$nport;
    root $work/www;
    location = /page { default_type "text/html; charset=utf-8"; add_header Content-Encoding br; }
  }
}
NGINX
  nginx -c "$work/nginx.conf" -p "$work" &
  local ng=$!
  for _ in $(seq 1 20); do curl -fs -o /dev/null "http://127.0.0.1:$nport/page" && break; sleep 0.2; done
  local out rps p50 p99
  out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -H "Accept-Encoding: br" "http://127.0.0.1:$nport/page")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  echo "| nginx serving the same bytes ($(stat -c %s "$work/www/page") bytes, br) | $rps | $p50 | $p99 | – | – | |"
  kill "$ng" 2>/dev/null; wait "$ng" 2>/dev/null || true
}

echo "## Form runner $(date -u +%Y-%m-%d) — \`bench/forms.sh $secs $conns\`"
echo
echo "Machine: $(nproc) cores; load generators on the same machine."
pgbench_db="${pg_db}_pgbench"
psql "$pg_admin" -qc "create database $pgbench_db" >/dev/null
pgbench -q -i -s 1 "${pg_admin%/*}/$pgbench_db" >/dev/null 2>&1
tps=$(pgbench -n -N -c "$conns" -j 2 -T 10 "${pg_admin%/*}/$pgbench_db" 2>/dev/null | awk '/^tps/ {printf "%.0f", $3}')
echo
echo "PostgreSQL's own commit rate on this machine: **$tps transactions/s** (\`pgbench -N -c $conns -j 2 -T 10\`, simple-update)."
for db in "sqlite://$work/forms.db" "${pg_admin%/*}/$pg_db"; do
  LEPTOS_SITE_ADDR=127.0.0.1:$port DATABASE_URL="$db" RUST_LOG=warn "$here/scripts/serve.sh" "$bin_dir" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 60); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.5; done
  pid=$(pgrep -P "$server" -f stadsporten-server || echo "$server")
  read -r cookie csrf token < <("$here/bench/session.sh" "$base")
  echo
  echo "### ${db%%:*}: wrk -t2 -c$conns -d${secs}s, one signed-in session"
  echo
  echo "| workload | req/s | p50 | p99 | server CPU ms/req | PostgreSQL CPU ms/req | errors |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  run() {
    local name=$1; shift
    local before pgb after pga out rps p50 p99 n cpu pgcpu errors
    before=$(ticks "$pid"); pgb=$(pg_ticks)
    out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency "$@")
    after=$(ticks "$pid"); pga=$(pg_ticks)
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
    n=$(awk '/requests in/ {print $1}' <<<"$out")
    cpu=$(awk -v a="$before" -v b="$after" -v hz="$hz" -v n="$n" 'BEGIN {printf "%.3f", (b-a)/hz*1000/n}')
    pgcpu=$(awk -v a="$pgb" -v b="$pga" -v hz="$hz" -v n="$n" 'BEGIN {printf "%.3f", (b-a)/hz*1000/n}')
    [ "${db%%:*}" = sqlite ] && pgcpu="–"
    errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<<"$out")
    echo "| $name | $rps | $p50 | $p99 | $cpu | $pgcpu | ${errors:-none} |"
  }
  run "e-service start page (GET, signed in)" -H "Cookie: $cookie" "$base/services/synpunkter-och-klagomal/start"
  run "form step page (GET)" -H "Cookie: $cookie" "$base/apply/$token/step/about"
  BODY="unit=TK&kind=complaint&action=continue&csrf=$csrf" \
    run "valid step (POST, saved, 303)" -H "Cookie: $cookie" -H "Origin: $base" -s "$work/post.lua" "$base/forms/$token/about"
  BODY="unit=&kind=nonsense&action=continue&csrf=$csrf" POST_PATH="/forms/$token/about" GET_PATH="/apply/$token/step/about" \
    run "invalid step: POST + GET with its errors (req/s = 2 × pairs/s)" -H "Cookie: $cookie" -H "Origin: $base" -s "$work/pair.lua" "$base"
  run "anonymous service page (br)" -H "Accept-Encoding: br" "$base/services/ansok-om-forskoleplats"
  if [ "${db%%:*}" = sqlite ]; then nginx_same_bytes "$base/services/ansok-om-forskoleplats"; fi
  echo
  echo "Server peak RSS (VmHWM): $(awk '/VmHWM/ {printf "%.1f MB", $2/1024}' "/proc/$pid/status")."
  echo
  echo "formbench (16 clients, each with its own session and draft):"
  echo '```'
  "$bench" "$base" 10 16
  echo '```'
  kill "$server"; wait "$server" 2>/dev/null || true
done
