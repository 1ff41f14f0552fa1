#!/usr/bin/env bash
# Checks that the core library builds for wasm32-unknown-unknown.
#
# rustup's `target add` is not dependable on this kind of machine, so this uses
# Debian's web-browser Rust toolchain (its std source matches its compiler) and
# builds std for the target with -Zbuild-std. See ../shared/notes/wasm-toolchain.md.
# Installs the toolchain when missing (needs root and the Debian registry).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! /usr/bin/rustc --print sysroot >/dev/null 2>&1 ||
   [ ! -d "$(/usr/bin/rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  echo "wasm-check: installing Debian's rustc-web toolchain"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends rustc-web cargo-web rust-web-src rust-web-llvm >/dev/null
fi
/usr/bin/rustc -V

RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
  cargo check --lib --target wasm32-unknown-unknown \
  -Zbuild-std=std,panic_abort --target-dir target/wasm "$@"
echo "wasm-check: the core library builds for wasm32-unknown-unknown"
