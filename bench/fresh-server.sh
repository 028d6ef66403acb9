# Sourced by the one-node bench scripts (profile.sh, rss.sh): serves the release build in
# `$bin_dir` on a fresh database and waits until it is ready.
# fresh_server BACKEND PORT NAME — BACKEND sqlite or postgres; NAME names the database.
# Sets: work (a temporary folder), base (the server's URL), server (serve.sh's pid), pid (the
# server process's own pid); removes the server and its PostgreSQL database on exit.
fresh_server() {
  local backend=$1 port=$2 name=$3 db
  work=$(mktemp -d)
  base="http://127.0.0.1:$port"
  db="sqlite://$work/$name.db"
  if [ "$backend" = postgres ]; then
    pg_admin=${TEST_POSTGRES_URL:-$("$here/scripts/postgres.sh")}
    pg_db="stadsporten_${name}_$$"
    psql "$pg_admin" -qc "create database $pg_db" >/dev/null
    db="${pg_admin%/*}/$pg_db"
  fi
  LEPTOS_SITE_ADDR=127.0.0.1:$port DATABASE_URL="$db" RUST_LOG=warn "$here/scripts/serve.sh" "$bin_dir" >"$work/server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true; [ -n "${pg_db:-}" ] && psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null 2>&1 || true' EXIT
  for _ in $(seq 1 60); do curl -fs "$base/readyz" >/dev/null && break; sleep 0.5; done
  pid=$(pgrep -P "$server" -f stadsporten-server || echo "$server")
}
