#!/usr/bin/env bash
# Sourced by scripts/wasm-check.sh and web/build.sh: makes sure Debian's
# web-browser Rust toolchain is installed (rustc-web with its library source,
# for -Zbuild-std, and rust-lld, the wasm32 linker), installing it when
# missing (needs root and the Debian registry). rustup's `target add` is not
# dependable on this kind of machine: see ../shared/notes/wasm-toolchain.md.
#
#   . scripts/wasm-toolchain.sh; ensure_rust_web   # prints `rustc -V`
ensure_rust_web() {
  if ! /usr/bin/rustc --print sysroot >/dev/null 2>&1 ||
     [ ! -d "$(/usr/bin/rustc --print sysroot)/lib/rustlib/src/rust/library" ] ||
     [ ! -x /usr/bin/rust-lld ]; then
    echo "== installing Debian's rustc-web toolchain"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends rustc-web cargo-web rust-web-src rust-web-llvm >/dev/null
  fi
  # rust-lld is a link to Debian's lld-NN, which rust-web-llvm does not always
  # pull in: without it the link fails with "linker rust-lld not found".
  if [ ! -e "$(readlink -f /usr/bin/rust-lld)" ]; then
    local lld
    lld=$(basename "$(readlink /usr/bin/rust-lld)")
    echo "== installing $lld (rust-lld points to it)"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "$lld" >/dev/null
  fi
  echo "== $(/usr/bin/rustc -V) (Debian's rustc-web, for wasm32)"
}
