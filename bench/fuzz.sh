#!/usr/bin/env bash
# Fuzzes every parser that takes outside input (fuzz/fuzz_targets: e-service definitions, provider
# CSV/JSON imports, multipart uploads and file names, personnummer, organisation and phone numbers,
# search and filter queries, the telephony platform's events and signatures, SMS receipts and CSP
# reports) with cargo-fuzz (libFuzzer), each for a set time, two at a time on two cores.
#
# Usage: bench/fuzz.sh [TARGET…]   (all targets when none are named)
#   FUZZ_SECONDS  time per target (default 600: the issue's ten minutes)
#   FUZZ_JOBS     targets at once (default 2)
# Prints a table (target, seconds, runs, corpus, crashes) for docs/security.md; exits 1 on any
# crash (the input is kept in fuzz/artifacts/TARGET/). The corpus grows in fuzz/corpus/TARGET
# (not committed), seeded from fuzz/seeds/TARGET.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${FUZZ_SECONDS:-600}
jobs=${FUZZ_JOBS:-2}
tools=${STADSPORTEN_TOOLS:-$HOME/.cache/stadsporten/tools}
version=0.13.1
fuzz_bin="$tools/cargo-fuzz-$version/bin"
if ! "$fuzz_bin/cargo-fuzz" --version 2>/dev/null | grep -q "$version"; then
  echo "fuzz: installing cargo-fuzz $version" >&2
  cargo install --locked --quiet cargo-fuzz --version "=$version" --root "$tools/cargo-fuzz-$version"
fi
export PATH="$fuzz_bin:$PATH"
cd "$here/fuzz"
# Its own target folder: the instrumented build must not evict the server's.
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$HOME/.cache/stadsporten/fuzz-target}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo fuzz list)
echo "fuzz: building ${#targets[@]} targets (stable toolchain, -s none)" >&2
for t in "${targets[@]}"; do cargo fuzz build -s none -O "$t" >&2; done
results=$(mktemp -d)
run() {
  local t=$1
  mkdir -p "corpus/$t" "artifacts/$t"
  cp -n seeds/"$t"/* "corpus/$t/" 2>/dev/null || true
  local started=$SECONDS status=0
  cargo fuzz run -s none -O "$t" "corpus/$t" -- -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
    -timeout=10 -print_final_stats=1 >"$results/$t.log" 2>&1 || status=$?
  local runs corpus crashes
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$results/$t.log" | grep -o '[0-9]*$' | tail -1)
  corpus=$(find "corpus/$t" -type f | wc -l)
  crashes=$(find "artifacts/$t" -type f | wc -l)
  echo "| \`$t\` | $((SECONDS - started)) | ${runs:-?} | $corpus | $crashes | $([ $status = 0 ] && echo ok || echo "exit $status") |" >"$results/$t.row"
}
running=0
for t in "${targets[@]}"; do
  run "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n; running=$((running - 1)); fi
done
wait
echo "| target | seconds | runs | corpus | crashes | result |"
echo "|---|---|---|---|---|---|"
failed=0
for t in "${targets[@]}"; do
  cat "$results/$t.row"
  grep -q '| ok |$' "$results/$t.row" || { failed=1; tail -30 "$results/$t.log" >&2; }
done
exit $failed
