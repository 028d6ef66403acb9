#!/usr/bin/env bash
# A local ClamAV daemon for development and the end-to-end tests, as the server's tests start
# one: Debian's clamd with a signature database of its own (these machines cannot download
# ClamAV's), which knows the EICAR test file — so `make run` refuses an EICAR file behind a %PDF
# header exactly as production does. When ClamAV's own databases are installed
# (/var/lib/clamav/*.cvd, from freshclam), they are used as well.
#
# Usage: scripts/clamd-dev.sh DIR PORT   — starts clamd in the background (unless something
# already listens on PORT), waits until it answers, and prints its process id ("" if it was
# already running).
set -euo pipefail
dir=${1:?usage: clamd-dev.sh DIR PORT}
port=${2:?usage: clamd-dev.sh DIR PORT}
clamd=${STADSPORTEN_CLAMD:-/usr/sbin/clamd}
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }
if listening; then echo ""; exit 0; fi
[ -x "$clamd" ] || { echo "clamd-dev: $clamd not found (scripts/setup.sh installs clamav-daemon)" >&2; exit 1; }
mkdir -p "$dir/db"
hex=$(printf '%s' 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE' | od -An -tx1 | tr -d ' \n')
printf 'Stadsporten.Test.EICAR:0:*:%s\n' "$hex" >"$dir/db/stadsporten-dev.ndb"
for cvd in /var/lib/clamav/*.cvd /var/lib/clamav/*.cld; do
  [ -e "$cvd" ] && ln -sf "$cvd" "$dir/db/"
done
cat >"$dir/clamd.conf" <<CONF
Foreground yes
DatabaseDirectory $dir/db
TCPSocket $port
TCPAddr 127.0.0.1
LogFile $dir/clamd.log
CONF
"$clamd" -c "$dir/clamd.conf" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  if listening; then echo "$pid"; exit 0; fi
  kill -0 "$pid" 2>/dev/null || { echo "clamd-dev: clamd exited; see $dir/clamd.log" >&2; exit 1; }
  sleep 0.1
done
echo "clamd-dev: clamd did not start listening on $port" >&2
exit 1
