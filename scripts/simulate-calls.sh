#!/usr/bin/env bash
# The telephony simulator against a running server (by default `make run` on 127.0.0.1:3000):
# signed call events as the city's telephony platform posts them (bench/loadgen/src/bin/callsim.rs).
#   scripts/simulate-calls.sh                 a morning's calls for the demo: Anna hangs up in the
#                                             queue (a call-back for Lena), a voicemail, a caller
#                                             waiting, and Anna calling again, answered by Lena
#   scripts/simulate-calls.sh load 200 60     200 events a second for a minute (bench/contact.sh)
# Environment: STADSPORTEN_URL (default http://127.0.0.1:3000), TELEPHONY_PLATFORM (city-pbx) and
# TELEPHONY_SECRET (the development secret of config/default.toml).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
cargo build --release -q -p stadsporten-loadgen --bin callsim
sim="${CARGO_TARGET_DIR:-$here/target}/release/callsim"
base=${STADSPORTEN_URL:-http://127.0.0.1:3000}
platform=${TELEPHONY_PLATFORM:-city-pbx}
secret=${TELEPHONY_SECRET:-}
mode=${1:-demo}
if [ "$mode" = load ]; then
  exec "$sim" "$base" load "${2:-200}" "${3:-60}" "$platform" "$secret" "${4:-}"
fi
exec "$sim" "$base" demo "$platform" "$secret"
