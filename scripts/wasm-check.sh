#!/usr/bin/env bash
# Checks that the core library builds for wasm32-unknown-unknown (a quick
# `cargo check`; scripts/test.sh builds the whole playground instead, which
# covers this).
#
# Uses Debian's web-browser Rust toolchain (its std source matches its
# compiler) and builds std for the target with -Zbuild-std; installs the
# toolchain when missing (scripts/wasm-toolchain.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/wasm-toolchain.sh
ensure_rust_web

RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
  cargo check --lib --target wasm32-unknown-unknown --no-default-features \
  -Zbuild-std=std,panic_abort --target-dir target/wasm "$@"
echo "wasm-check: the core library builds for wasm32-unknown-unknown"
