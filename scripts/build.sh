#!/usr/bin/env bash
# Builds the release site (server binary, WebAssembly, CSS) with cargo-leptos.
# Prints the folder of the server binary. Assumes scripts/setup.sh has run.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck disable=SC1090
. "$("$here/scripts/setup.sh" --print-env)"
cd "$here"
echo "build: cargo leptos build --release" >&2
if [ -n "${STADSPORTEN_LIB_CARGO_ARGS:-}" ]; then
  cargo leptos build --release --lib-cargo-args="$STADSPORTEN_LIB_CARGO_ARGS" >&2
else
  cargo leptos build --release >&2
fi
# Precompress the hashed assets once at the strongest settings; the server sends the .br/.gz file
# when the browser accepts it (on-the-fly compression stays for pages).
for f in "$here"/target/site/pkg/*.js "$here"/target/site/pkg/*.wasm "$here"/target/site/pkg/*.css; do
  [ -f "$f" ] || continue
  [ "$f.br" -nt "$f" ] || brotli -q 11 -f -k "$f"
  [ "$f.gz" -nt "$f" ] || gzip -9 -f -k "$f"
done
echo "$CARGO_TARGET_DIR/release"
