# Functions for running several Stadsporten nodes behind HAProxy on one PostgreSQL, sourced by
# scripts/cluster.sh and bench/cluster.sh. Set before sourcing: here (the repository), bin_dir (the
# release build), work (a folder for logs and pids), cluster_db (a PostgreSQL URL), lb_port,
# node_base (node i listens on node_base + i). Nodes are numbered 1..N.

cluster_lb_url() { echo "http://127.0.0.1:$lb_port"; }

# start_node I: starts node I in the background (its pid in $work/node-I.pid).
start_node() {
  local i=$1 port=$((node_base + $1))
  STADSPORTEN__SERVER__NODE_NAME="node$i" \
  STADSPORTEN__SERVER__TRUSTED_PROXIES=127.0.0.1 \
  STADSPORTEN__SERVER__DRAIN_SECONDS=${CLUSTER_DRAIN_SECONDS:-2} \
  STADSPORTEN__AUTH__PUBLIC_URL="$(cluster_lb_url)" \
  STADSPORTEN__MAIL__FOLDER="$work/mail" \
  STADSPORTEN__ESERVICES__UPLOAD_FOLDER="$work/uploads-node$i" \
  STADSPORTEN__DATABASE__MAX_CONNECTIONS=${CLUSTER_DB_CONNECTIONS:-8} \
  LEPTOS_SITE_ADDR="127.0.0.1:$port" DATABASE_URL="$cluster_db" RUST_LOG=${RUST_LOG:-warn} \
    "$here/scripts/serve.sh" "$bin_dir" >>"$work/node$i.log" 2>&1 &
  echo $! >"$work/node-$i.pid"
}

# wait_node I: until node I answers its health check (30 s at most).
wait_node() {
  local port=$((node_base + $1))
  for _ in $(seq 1 150); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "cluster: node $1 did not start; its log:" >&2
  tail -20 "$work/node$1.log" >&2
  return 1
}

# stop_node I [SIGNAL]: TERM (drain, then stop; the default) or KILL.
stop_node() {
  local pid
  pid=$(cat "$work/node-$1.pid" 2>/dev/null) || return 0
  kill "-${2:-TERM}" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$work/node-$1.pid"
}

# start_lb N: HAProxy (deploy/haproxy.cfg) in front of nodes 1..N, stats on lb_port + 100.
start_lb() {
  local servers="" i
  for i in $(seq 1 "$1"); do servers+="    server node$i 127.0.0.1:$((node_base + i)) check\n"; done
  sed -e "s|\${LISTEN}|127.0.0.1:$lb_port|" -e "s|\${STATS}|127.0.0.1:$((lb_port + 100))|" \
      -e "s|^    \${SERVERS}\$|$servers|" "$here/deploy/haproxy.cfg" >"$work/haproxy.cfg"
  haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
  echo $! >"$work/haproxy.pid"
  for _ in $(seq 1 100); do curl -fs "$(cluster_lb_url)/healthz" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "cluster: the load balancer does not answer" >&2
  return 1
}

stop_cluster() {
  local f
  for f in "$work"/node-*.pid "$work"/haproxy.pid; do
    [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
