#!/usr/bin/env bash
# Makes this machine ready to build, serve and test the atlas. Idempotent: each step checks
# first and does nothing when its tool is already there, so a second run takes seconds.
# Needs: Debian, rustup, node and npm, root (for apt-get), the package registries.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

step() { printf '\n== setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ]; then
  step "Chromium and ChromeDriver (Debian packages)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

if [ ! -f tests/node_modules/.package-lock.json ] ||
  [ tests/package-lock.json -nt tests/node_modules/.package-lock.json ]; then
  step "npm packages of tests/ (playwright-core, binaryen)"
  npm ci --prefix tests --no-audit --no-fund
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "trunk $TRUNK_VERSION (cargo install, about 11 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

wbg="$(wasm_bindgen_version)"
if [ -z "$wbg" ]; then
  echo "setup: no wasm-bindgen in Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg" ] ||
  ! command -v wasm-bindgen-test-runner >/dev/null; then
  step "wasm-bindgen-cli $wbg (cargo install, about 6 minutes)"
  # Not --locked: the registry lacks some of the versions its lock file names.
  cargo install wasm-bindgen-cli --version "$wbg" --force
fi

# Natural Earth for the pipeline's tests (Debian's qgis-common, public domain).
"$ROOT/tests/natural-earth.sh"

# Verify: every tool answers with the expected version.
trunk --version | grep -qx "trunk $TRUNK_VERSION"
wasm-bindgen --version | grep -qx "wasm-bindgen $wbg"
wasm-opt --version | grep -q "version 132"
"$CHROMIUM" --version >/dev/null
"$CHROMEDRIVER" --version >/dev/null
echo "setup: ready (trunk $TRUNK_VERSION, wasm-bindgen $wbg, $(wasm-opt --version | cut -d' ' -f1-3), $("$CHROMIUM" --version))"
