#!/usr/bin/env bash
# Fails when a log file holds a personnummer of the demo personas (in any written form), an ID
# token, or a session cookie value. Run by `make test` over the logs of the whole test run: the
# application must never log personal identity numbers, tokens or cookies (docs/LOGGING.md).
#
# Usage: scripts/check-logs.sh LOGFILE...
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
patterns=()
# Every personnummer in the seed (12 digits), plus the one the negative sign-in tests use.
for n in $(grep -oE 'personnummer = "[0-9]{12}"' "$here/db/seed/identities.toml" | grep -oE '[0-9]{12}') 198503129821; do
  patterns+=("$n" "${n:0:8}-${n:8:4}" "${n:2:6}-${n:8:4}" "${n:2:10}")
done
# A JWT's header ({"alg" …) and the session cookie with a value.
patterns+=('eyJhbGci' '__Host-stadsporten=[A-Za-z0-9]')
status=0
for file in "$@"; do
  [ -f "$file" ] || { echo "check-logs: no such log: $file" >&2; status=1; continue; }
  for p in "${patterns[@]}"; do
    if grep -Eq -- "$p" "$file"; then
      echo "check-logs: $file contains a forbidden value (pattern $p):" >&2
      grep -En -- "$p" "$file" | head -3 | cut -c1-200 >&2
      status=1
    fi
  done
done
[ "$status" = 0 ] && echo "check-logs: no personnummer, token or cookie in $# log file(s)"
exit "$status"
