#!/usr/bin/env bash
# The whole test suite, as README.md tells: formatting, lints, the tests
# (differential programs with the heap audit, snapshots, unit tests), and the
# wasm build check of the core library.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== cargo fmt --check"
cargo fmt --all -- --check
echo "== cargo clippy"
cargo clippy --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --release
echo "== wasm32 build of the core library"
scripts/wasm-check.sh --quiet
