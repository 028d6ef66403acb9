#!/usr/bin/env bash
# Faults the cluster must survive (not a test; results go to docs/benchmarks.md): three nodes on one
# PostgreSQL behind HAProxy (scripts/cluster-lib.sh), release build, load from
# bench/loadgen/src/bin/clusterbench.rs through the load balancer.
#   1. kill -9: 16 clients file feedback with a photo while a node is killed every few seconds and
#      started again; then every acknowledged submission is counted in the database (none lost,
#      none filed twice) and its page and file are read through every node.
#   2. rolling restart: steady load while each node in turn is told to stop (drain), restarted.
#   3. PostgreSQL restarted under steady load: 503 within 5 s, recovery within 10 s of its return.
#   4. overload: far more clients than the nodes serve; 503 + Retry-After, bounded p99.
# Usage: bench/cluster.sh [seconds=40] [clients=16]   (needs root for the PostgreSQL restart)
#        STAGES="3 4" bench/cluster.sh …  runs only those stages.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/bench/one-address.sh"
secs=${1:-40}
clients=${2:-16}
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
bin_dir=$("$here/scripts/build.sh")
cargo build --release -q -p stadsporten-loadgen --bin clusterbench
load="${CARGO_TARGET_DIR:-$here/target}/release/clusterbench"
work=$(mktemp -d)
lb_port=${STADSPORTEN_BENCH_PORT:-3970}
node_base=$lb_port
pg_admin=${TEST_POSTGRES_URL:-$("$here/scripts/postgres.sh")}
pg_db="stadsporten_clusterbench_$$"
psql "$pg_admin" -qc "create database $pg_db" >/dev/null
cluster_db="${pg_admin%/*}/$pg_db"
# shellcheck source=scripts/cluster-lib.sh
. "$here/scripts/cluster-lib.sh"
trap 'stop_cluster; psql "$pg_admin" -qc "drop database if exists $pg_db" >/dev/null 2>&1 || true' EXIT
nodes=3
want() { [[ " ${STAGES:-1 2 3 4} " == *" $1 "* ]]; }
for i in $(seq 1 $nodes); do start_node "$i"; done
for i in $(seq 1 $nodes); do wait_node "$i"; done
start_lb $nodes
lb=$(cluster_lb_url)
node_urls=$(for i in $(seq 1 $nodes); do printf 'http://127.0.0.1:%s,' $((node_base + i)); done)

echo "## Cluster faults $(date -u +%Y-%m-%d) — \`bench/cluster.sh $secs $clients\`"
echo
echo "Three nodes (release build) on one PostgreSQL behind HAProxy $(haproxy -v | head -1 | awk '{print $3}'), load generator on the same 2-core machine."
if want 1; then
echo
echo "### 1. A node killed with SIGKILL every 4 s while $clients residents file feedback with a photo"
echo '```'
"$load" file "$lb" "$secs" "$clients" "$work/acknowledged.txt" "$node_urls" >"$work/file.out" 2>&1 &
loader=$!
kills=0
end=$((SECONDS + secs))
while [ $SECONDS -lt $end ]; do
  sleep 3
  victim=$(( (kills % nodes) + 1 ))
  stop_node "$victim" KILL
  kills=$((kills + 1))
  sleep 1
  start_node "$victim"
  wait_node "$victim"
done
# Every node is up again: the load generator may now read every case back through each of them.
for i in $(seq 1 $nodes); do wait_node "$i"; done
touch "$work/acknowledged.txt.go"
wait $loader && loaded=ok || loaded=failed
cat "$work/file.out"
acked=$(wc -l <"$work/acknowledged.txt")
psql "$cluster_db" -Atc "select id, answers from cases" >"$work/cases.txt"
lost=0; dup=0
while read -r id marker; do
  n=$(grep -c -- "($marker)" "$work/cases.txt" || true)
  [ "$n" -eq 0 ] && lost=$((lost + 1))
  [ "$n" -gt 1 ] && dup=$((dup + 1))
  grep -q "^$id|" "$work/cases.txt" || lost=$((lost + 1))
done <"$work/acknowledged.txt"
total_cases=$(wc -l <"$work/cases.txt")
echo "nodes killed: $kills"
echo "acknowledged: $acked · cases in the database: $total_cases · lost: $lost · filed twice: $dup · load generator: $loaded"
echo '```'
fi
if want 2; then
echo
echo "### 2. Rolling restart of all three nodes under steady load ($clients clients)"
echo '```'
"$load" steady "$lb" 30 "$clients" >"$work/rolling.out" 2>&1 &
loader=$!
sleep 5
for i in $(seq 1 $nodes); do
  stop_node "$i" TERM
  start_node "$i"
  wait_node "$i"
  sleep 4
done
wait $loader || true
tail -2 "$work/rolling.out"
echo '```'
fi
if want 3; then
echo
echo "### 3. PostgreSQL restarted under steady load"
echo '```'
"$load" steady "$lb" 30 "$clients" >"$work/pg.out" 2>&1 &
loader=$!
sleep 8
pg_ver=$(pg_lsclusters -h | awk '$3 == 5432 {print $1; exit}')
pg_name=$(pg_lsclusters -h | awk '$3 == 5432 {print $2; exit}')
echo "second 8: pg_ctlcluster $pg_ver $pg_name stop (fast); second ~13: start"
pg_ctlcluster "$pg_ver" "$pg_name" stop -m fast
sleep 5
pg_ctlcluster "$pg_ver" "$pg_name" start
wait $loader || true
cat "$work/pg.out"
echo '```'
fi
if want 4; then
echo
echo "### 4. Overload: 800 signed-in clients reading and saving a form step (20 s, once all have signed in)"
echo '```'
"$load" steady "$lb" 20 800 >"$work/over.out" 2>&1 || true
tail -2 "$work/over.out"
echo '```'
fi
