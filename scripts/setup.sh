#!/usr/bin/env bash
# Sets up everything Stadsporten needs to build, run and test, on a fresh Debian machine or a
# developer machine with rustup. Idempotent: every step checks before it acts, and prints what it does.
#
# Policy: tools are installed by exact version into a persistent folder outside the clone
# ($STADSPORTEN_CACHE, default ~/.cache/stadsporten) so a second run on the same machine skips them.
# cargo-leptos must not download anything (these machines reach only package registries), so it is
# built with `no_downloads` and given wasm-bindgen and wasm-opt on PATH.
#
# Usage: scripts/setup.sh [--no-browser]   then   source "$(scripts/setup.sh --print-env)"
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cache=${STADSPORTEN_CACHE:-$HOME/.cache/stadsporten}
tools=$cache/tools
CARGO_LEPTOS_VERSION=0.3.11
BINARYEN_VERSION=132.0.0
# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock (pinned with `=` in Cargo.toml).
WASM_BINDGEN_VERSION=0.2.130
if [ -f "$here/Cargo.lock" ]; then
  WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' "$here/Cargo.lock")
fi
env_file=$cache/env.sh

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

if [ "${1:-}" = "--print-env" ]; then echo "$env_file"; exit 0; fi
with_browser=1
[ "${1:-}" = "--no-browser" ] && with_browser=0

mkdir -p "$tools"

# --- Debian packages -------------------------------------------------------------------------
apt_need=()
need_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed' || apt_need+=("$1"); }
if command -v apt-get >/dev/null 2>&1; then
  need_pkg pkg-config
  need_pkg make
  need_pkg gcc
  need_pkg curl
  # Node may come from elsewhere (its own npm included); Debian's npm would conflict with it.
  command -v node >/dev/null 2>&1 || need_pkg nodejs
  command -v npm >/dev/null 2>&1 || need_pkg npm
  need_pkg wrk
  need_pkg brotli
  # ClamAV's daemon: the upload tests scan with a real clamd (with a test signature of their own).
  need_pkg clamav-daemon
  # The load balancer in front of several nodes (scripts/cluster.sh, the cluster test, bench/cluster.sh).
  need_pkg haproxy
  [ "$with_browser" = 1 ] && need_pkg chromium
  if [ ${#apt_need[@]} -gt 0 ]; then
    say "installing Debian packages: ${apt_need[*]}"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_need[@]}" >/dev/null
  else
    say "Debian packages present"
  fi
fi

# --- A Rust that can build wasm32 ------------------------------------------------------------
# Try the ordinary rustup route; fall back to Debian's rustc-web with build-std for the whole workspace.
toolchain=rustup
if command -v rustup >/dev/null 2>&1; then
  for component in rustfmt clippy; do
    if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
      say "adding the $component component with rustup"
      rustup component add "$component" || true
    fi
  done
  if ! rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$'; then
    say "adding the wasm32-unknown-unknown target with rustup"
    rustup target add wasm32-unknown-unknown || true
  fi
fi
if command -v rustc >/dev/null 2>&1 && [ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib" ]; then
  say "rustc $(rustc --version | cut -d' ' -f2) builds wasm32 (rustup route)"
else
  toolchain=debian
fi

cargo_ver() { "$1" --version 2>/dev/null | sed -n 's/^cargo \([0-9]*\)\.\([0-9]*\).*/\1 \2/p'; }
debian_rust() {
  if [ ! -x /usr/bin/cargo ] || ! dpkg-query -W rustc-web >/dev/null 2>&1; then
    say "installing Debian's Rust 1.96 (rustc-web, cargo-web, lld-22)"
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq rustc-web cargo-web rust-web-src libstd-rust-web-dev lld-22 >/dev/null
  fi
}
if [ "$toolchain" = debian ]; then debian_rust; fi

# --- cargo-leptos (needs cargo >= 1.96 to build) ---------------------------------------------
cl_root=$tools/cargo-leptos-$CARGO_LEPTOS_VERSION
if [ -x "$cl_root/bin/cargo-leptos" ]; then
  say "cargo-leptos $CARGO_LEPTOS_VERSION present"
else
  build_cargo=cargo
  read -r maj min <<<"$(cargo_ver cargo || echo '0 0')"
  if [ "${maj:-0}" -lt 1 ] || [ "${min:-0}" -lt 96 ]; then
    debian_rust
    build_cargo=/usr/bin/cargo
  fi
  say "building cargo-leptos $CARGO_LEPTOS_VERSION with $($build_cargo --version) (takes ~20 min once)"
  PATH=$(dirname "$(command -v $build_cargo)"):$PATH \
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
  CARGO_TARGET_DIR=$cache/build-tools \
    $build_cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --features no_downloads --locked --root "$cl_root"
fi

# --- wasm-bindgen CLI, exactly the crate's version ---------------------------------------------
wb_root=$tools/wasm-bindgen-$WASM_BINDGEN_VERSION
if [ -x "$wb_root/bin/wasm-bindgen" ]; then
  say "wasm-bindgen $WASM_BINDGEN_VERSION present"
else
  say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes ~7 min once)"
  CARGO_TARGET_DIR=$cache/build-tools cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$wb_root"
fi

# --- wasm-opt from npm's binaryen (never Debian's 108: it breaks release wasm) ------------------
bn_root=$tools/binaryen-$BINARYEN_VERSION
if [ -x "$bn_root/node_modules/.bin/wasm-opt" ]; then
  say "binaryen $BINARYEN_VERSION present"
else
  say "installing wasm-opt from npm binaryen@$BINARYEN_VERSION"
  mkdir -p "$bn_root"
  npm install --silent --no-audit --no-fund --prefix "$bn_root" "binaryen@$BINARYEN_VERSION"
fi

# --- end-to-end test packages ---------------------------------------------------------------
if [ "$with_browser" = 1 ] && [ -f "$here/end2end/package-lock.json" ]; then
  if [ ! -d "$here/end2end/node_modules" ] || [ "$here/end2end/package-lock.json" -nt "$here/end2end/node_modules/.stamp" ]; then
    say "installing end-to-end test packages (npm ci)"
    (cd "$here/end2end" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund && touch node_modules/.stamp)
  else
    say "end-to-end test packages present"
  fi
fi

# --- a real SMTP server for the tests (PyPI aiosmtpd, in a virtual environment) -----------------
AIOSMTPD_VERSION=1.4.6
smtp_root=$tools/aiosmtpd-$AIOSMTPD_VERSION
if [ ! -x "$smtp_root/bin/python" ] || ! "$smtp_root/bin/python" -c 'import aiosmtpd' 2>/dev/null; then
  say "installing aiosmtpd $AIOSMTPD_VERSION (the tests' SMTP server)"
  python3 -m venv "$smtp_root" || { apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$smtp_root"; }
  "$smtp_root/bin/pip" install --quiet --disable-pip-version-check "aiosmtpd==$AIOSMTPD_VERSION"
else
  say "aiosmtpd $AIOSMTPD_VERSION present"
fi

# --- the API's tests: schemathesis (generated requests against the live OpenAPI document) and
# standardwebhooks (an independent check of the webhooks' signatures), in one virtual environment
SCHEMATHESIS_VERSION=4.32.5
STANDARDWEBHOOKS_VERSION=1.3.0
st_root=$tools/api-tests-$SCHEMATHESIS_VERSION-$STANDARDWEBHOOKS_VERSION
if [ ! -x "$st_root/bin/st" ] || ! "$st_root/bin/python" -c 'import standardwebhooks, schemathesis' 2>/dev/null; then
  say "installing schemathesis $SCHEMATHESIS_VERSION and standardwebhooks $STANDARDWEBHOOKS_VERSION (the API's tests)"
  python3 -m venv "$st_root" || { apt-get install -y -qq python3-venv >/dev/null && python3 -m venv "$st_root"; }
  "$st_root/bin/pip" install --quiet --disable-pip-version-check \
    "schemathesis==$SCHEMATHESIS_VERSION" "standardwebhooks==$STANDARDWEBHOOKS_VERSION"
else
  say "schemathesis $SCHEMATHESIS_VERSION and standardwebhooks $STANDARDWEBHOOKS_VERSION present"
fi

# --- the environment every make target uses --------------------------------------------------
{
  echo "# written by scripts/setup.sh"
  echo "export PATH=\"$bn_root/node_modules/.bin:$wb_root/bin:$cl_root/bin:\$PATH\""
  echo "export CARGO_TARGET_DIR=\"\${CARGO_TARGET_DIR:-$cache/target}\""
  echo "export STADSPORTEN_SMTP_PYTHON=\"$smtp_root/bin/python\""
  echo "export STADSPORTEN_SCHEMATHESIS=\"$st_root/bin/st\""
  echo "export STADSPORTEN_API_TEST_PYTHON=\"$st_root/bin/python\""
  if [ "$toolchain" = debian ]; then
    echo "export PATH=\"/usr/bin:\$PATH\" RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22"
    echo "export LEPTOS_BIN_CARGO_COMMAND=\"env -u RUSTC_BOOTSTRAP cargo\""
    echo "export STADSPORTEN_LIB_CARGO_ARGS=\"-Zbuild-std=std,panic_abort\""
  else
    echo "export STADSPORTEN_LIB_CARGO_ARGS="
  fi
} > "$env_file"

# shellcheck disable=SC1090
. "$env_file"
found=$(wasm-bindgen --version | cut -d' ' -f2)
if [ "$found" != "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: wasm-bindgen on PATH is $found but Cargo.lock needs $WASM_BINDGEN_VERSION" >&2; exit 1
fi
say "ready ($toolchain toolchain; cargo-leptos $CARGO_LEPTOS_VERSION, wasm-bindgen $found, wasm-opt $(wasm-opt --version | cut -d' ' -f3))"
