#!/usr/bin/env bash
# Several nodes, one platform, on this machine: N Stadsporten nodes (default 3) on one PostgreSQL
# behind HAProxy, plain HTTP on loopback — the production topology without TLS (README,
# "Production topology"). Serves http://127.0.0.1:8080 until Ctrl-C.
# Usage: scripts/cluster.sh [nodes]
# Environment: CLUSTER_DATABASE_URL (default: database stadsporten_cluster on the test PostgreSQL),
# CLUSTER_PORT (8080; nodes on 8081…), RUST_LOG.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
n=${1:-3}
"$here/scripts/setup.sh" >&2
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
bin_dir=$("$here/scripts/build.sh")
lb_port=${CLUSTER_PORT:-8080}
node_base=$lb_port
work="$here/data/cluster"
mkdir -p "$work"
if [ -n "${CLUSTER_DATABASE_URL:-}" ]; then
  cluster_db=$CLUSTER_DATABASE_URL
else
  pg_admin=$("$here/scripts/postgres.sh")
  psql "$pg_admin" -Atqc "select 1 from pg_database where datname = 'stadsporten_cluster'" | grep -q 1 \
    || psql "$pg_admin" -qc "create database stadsporten_cluster" >/dev/null
  cluster_db="${pg_admin%/*}/stadsporten_cluster"
fi
# shellcheck source=scripts/cluster-lib.sh
. "$here/scripts/cluster-lib.sh"
trap stop_cluster EXIT INT TERM
# All nodes at once: the first to take the start-up lock migrates and seeds, the others wait.
for i in $(seq 1 "$n"); do start_node "$i"; done
for i in $(seq 1 "$n"); do wait_node "$i"; done
start_lb "$n"
echo "cluster: $n nodes on one PostgreSQL database behind HAProxy at $(cluster_lb_url) (stats: http://127.0.0.1:$((lb_port + 100))/stats); logs in $work; Ctrl-C stops"
wait
