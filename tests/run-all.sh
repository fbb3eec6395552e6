#!/usr/bin/env bash
# Runs every check and test of the atlas; exits non-zero if any fails.
#   formatting, clippy (native and wasm32), native tests, browser component tests,
#   release build, end-to-end tests against the release build in headless Chromium.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/tests/setup.sh" || exit 1
cd "$ROOT"

failed=()
passed=()
run() {
  local name="$1"
  shift
  printf '\n== %s: %s\n' "$name" "$*"
  local start=$SECONDS
  if "$@"; then
    passed+=("$name")
    printf '== %s: ok (%ss)\n' "$name" $((SECONDS - start))
  else
    failed+=("$name")
    printf '== %s: FAILED (%ss)\n' "$name" $((SECONDS - start))
  fi
}

run fmt cargo fmt --all --check
run clippy-native cargo clippy --all-targets --locked -- -D warnings
run clippy-wasm32 cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
run test-native cargo test --locked
run test-browser cargo test --locked --target wasm32-unknown-unknown --test web
run build-release trunk build --release
run test-e2e node --test --test-reporter=spec tests/e2e/

printf '\n== summary\n'
for s in "${passed[@]}"; do echo "ok      $s"; done
for s in "${failed[@]}"; do echo "FAILED  $s"; done
echo "${#passed[@]} passed, ${#failed[@]} failed"
[ ${#failed[@]} -eq 0 ]
