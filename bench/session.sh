#!/usr/bin/env bash
# Signs a demo resident in at BASE through the built-in test provider (curl, no JavaScript), starts
# a draft of the feedback e-service, and prints `cookie csrf token` for wrk workloads.
# Usage: bench/session.sh BASE [persona=anna]
set -euo pipefail
base=${1:?usage: session.sh BASE [persona]}
persona=${2:-anna}
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
loc() { curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" -H "Origin: $base" "$@"; }
authorize=$(loc "$base/auth/login?as=resident&to=/my")
curl -s -o /dev/null -b "$jar" -c "$jar" "$authorize"
query=${authorize#*\?}
callback=$(loc -X POST --data "$query&persona=$persona" "$base/test-idp/eid/authorize/choose")
curl -s -o /dev/null -b "$jar" -c "$jar" "$callback"
csrf=$(curl -s -b "$jar" -c "$jar" "$base/my/cases" | grep -o 'name="csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
start=$(curl -s -D - -o /dev/null -b "$jar" -c "$jar" -H "Origin: $base" -H "Accept: text/html" -X POST \
  --data "slug=synpunkter-och-klagomal&csrf=$csrf" "$base/api/apply/start" | tr -d '\r' | awk 'tolower($1) == "location:" {print $2}')
token=$(echo "$start" | sed 's|.*/apply/||; s|/.*||')
cookie=$(awk '$6 == "__Host-stadsporten" {print $6 "=" $7}' "$jar")
[ -n "$cookie" ] && [ -n "$csrf" ] && [ -n "$token" ] || { echo "session: sign-in failed" >&2; exit 1; }
echo "$cookie $csrf $token"
