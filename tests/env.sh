# Sourced by the scripts in tests/: where the tools live and how they must behave.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PATH="$ROOT/tests/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Never download at build time: every tool comes from tests/setup.sh.
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# Browser tests (wasm-bindgen-test-runner) start Chromium with the flags of this closed network.
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/webdriver.json"
TRUNK_VERSION=0.21.14
# The wasm-bindgen-cli must equal the wasm-bindgen library of Cargo.lock to the patch.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}
