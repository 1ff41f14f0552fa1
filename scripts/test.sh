#!/usr/bin/env bash
# The whole test suite, as README.md tells (and CI runs, .ci/run): formatting,
# lints, the tests (differential programs with the heap audit, snapshots,
# unit tests), then the browser playground: web/test.sh builds it for wasm32
# (which is also the check that the core library builds for wasm32) and runs
# its tests in headless chromium. On a fresh machine it installs what is
# missing (Debian's rustc-web toolchain, wasm-bindgen-cli, npm packages,
# chromium).
#
#   scripts/test.sh                 # everything
#   PYSIM_SKIP_WEB=1 scripts/test.sh  # without the playground (no wasm build)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --release
if [ -n "${PYSIM_SKIP_WEB:-}" ]; then
  echo "== browser playground: skipped (PYSIM_SKIP_WEB)"
  exit 0
fi
echo "== browser playground: wasm32 build and tests in chromium (web/test.sh)"
start=$(date +%s)
web/test.sh
echo "== browser playground: $(( $(date +%s) - start )) s"
