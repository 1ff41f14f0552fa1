#!/usr/bin/env bash
# Builds the browser playground into web/dist/: pysim as WebAssembly with its
# wasm-bindgen glue, the page bundled with esbuild, the lessons as JSON.
#
# Works on a fresh machine of this kind with only the package registries
# (see shared/notes/wasm-toolchain.md): installs Debian's rustc-web toolchain
# when missing and builds std for wasm32 with -Zbuild-std; installs
# wasm-bindgen-cli at exactly the crate's version into target/tools (cached);
# shrinks with wasm-opt from npm's binaryen (Debian's breaks the glue).
# Also writes dist/export.html, the single-file page `pysim export` fills in.
# Prints the sizes at the end. Re-runs are incremental.
#
#   web/build.sh            # full build
#   WEB_SKIP_WASM=1 web/build.sh   # page only (reuse the last wasm)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WEB=$ROOT/web
DIST=$WEB/dist
PKG=$WEB/pkg
GEN=$WEB/gen
TOOLS=$ROOT/target/tools
T0=$(date +%s)
# Each line says how many seconds the build has taken so far (CI logs show where time goes).
log() { printf '== web/build [%ss]: %s\n' "$(( $(date +%s) - T0 ))" "$*"; }

# ---------------------------------------------------------------- toolchain
# Debian's rustc-web toolchain (shared with scripts/wasm-check.sh).
. "$ROOT/scripts/wasm-toolchain.sh"

ensure_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    log "installing Node.js and npm"
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
  fi
  # npm ci only when the lock file changed since the last install.
  if [ ! -f "$WEB/node_modules/.package-lock.json" ] ||
     [ "$WEB/package-lock.json" -nt "$WEB/node_modules/.package-lock.json" ]; then
    log "npm ci"
    (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# The wasm-bindgen crate version pinned in Cargo.toml ("=0.2.x").
wasm_bindgen_version() {
  sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$ROOT/Cargo.toml" | head -n1
}

ensure_wasm_bindgen_cli() {
  local v=$1 dir=$TOOLS/wasm-bindgen-$1
  if [ ! -x "$dir/bin/wasm-bindgen" ]; then
    log "installing wasm-bindgen-cli $v into $dir (a few minutes, once)"
    # --locked fails against this registry mirror: see the toolchain notes.
    # Only the wasm-bindgen binary, and without the default TLS stack (rustls
    # and ring, for the test runner's downloads): a third less to compile.
    cargo install wasm-bindgen-cli --version "$v" --root "$dir" --quiet \
      --no-default-features --bin wasm-bindgen
  fi
  WASM_BINDGEN=$dir/bin/wasm-bindgen
}

# ---------------------------------------------------------------- wasm
build_wasm() {
  ensure_rust_web
  local v
  v=$(wasm_bindgen_version)
  [ -n "$v" ] || { echo "web/build: no pinned wasm-bindgen version in Cargo.toml" >&2; exit 1; }
  ensure_wasm_bindgen_cli "$v"
  log "cargo (wasm32, profile wasm-release)"
  RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
    cargo rustc --lib --crate-type cdylib --profile wasm-release --no-default-features \
    --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort \
    --target-dir target/wasm --quiet
  local raw=$ROOT/target/wasm/wasm32-unknown-unknown/wasm-release/pysim.wasm
  log "wasm-bindgen $v --target web"
  rm -rf "$PKG"
  "$WASM_BINDGEN" --target web --no-typescript --out-dir "$PKG" "$raw"
  log "wasm-opt -Oz (npm binaryen $("$WEB/node_modules/.bin/wasm-opt" --version | sed 's/.*version \([0-9]*\).*/\1/'))"
  "$WEB/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$PKG/pysim_bg.wasm" -o "$PKG/pysim_bg.opt.wasm"
  mv "$PKG/pysim_bg.opt.wasm" "$PKG/pysim_bg.wasm"
  RAW_WASM_BYTES=$(stat -c %s "$raw")
}

# ---------------------------------------------------------------- page
build_page() {
  log "lessons -> $GEN/lessons.json"
  node "$WEB/tools/lessons.mjs" "$ROOT/lessons" "$GEN/lessons.json"
  rm -rf "$DIST"
  mkdir -p "$DIST"
  log "esbuild"
  local esb=$WEB/node_modules/.bin/esbuild
  "$esb" "$WEB/src/main.js" --bundle --format=esm --minify --sourcemap=linked \
    --target=es2022 --outfile="$DIST/app.js" --log-level=warning
  "$esb" "$WEB/src/worker.js" --bundle --format=esm --minify --sourcemap=linked \
    --target=es2022 --outfile="$DIST/worker.js" --log-level=warning
  cp "$PKG/pysim_bg.wasm" "$DIST/pysim_bg.wasm"
  cp "$GEN/lessons.json" "$DIST/lessons.json"
  cp "$WEB/index.html" "$WEB/src/style.css" "$DIST/"
  log "single-file template for pysim export -> $DIST/export.html"
  node "$WEB/tools/export-template.mjs" "$DIST"
}

# ---------------------------------------------------------------- sizes
# gzip size as a web server sends it (zlib level 9; GNU gzip -9 compresses
# this wasm about 6% smaller, so it would flatter the number).
zsize() {
  node -e "process.stdout.write(String(require('zlib').gzipSync(require('fs').readFileSync(process.argv[1]), {level: 9}).length))" "$1"
}

report_sizes() {
  local f size gz
  log "sizes (raw / gzip: zlib level 9)"
  [ -n "${RAW_WASM_BYTES:-}" ] && printf '  %-28s %9d bytes\n' "pysim.wasm (cargo)" "$RAW_WASM_BYTES"
  for f in "$DIST"/pysim_bg.wasm "$DIST"/app.js "$DIST"/worker.js "$DIST"/style.css "$DIST"/index.html "$DIST"/lessons.json; do
    size=$(stat -c %s "$f")
    gz=$(zsize "$f")
    printf '  %-28s %9d bytes  %9d gzip\n' "$(basename "$f")" "$size" "$gz"
  done
  local site=("$DIST"/*.wasm "$DIST"/*.js "$DIST"/*.css "$DIST"/index.html "$DIST"/*.json)
  size=$(cat "${site[@]}" | wc -c)
  gz=0
  for f in "${site[@]}"; do gz=$((gz + $(zsize "$f"))); done
  printf '  %-28s %9d bytes  %9d gzip\n' "total (without .map)" "$size" "$gz"
  printf '  %-28s %9d bytes  %9d gzip\n' "export.html (pysim export)" "$(stat -c %s "$DIST/export.html")" "$(zsize "$DIST/export.html")"
}

ensure_node
if [ -z "${WEB_SKIP_WASM:-}" ] || [ ! -f "$PKG/pysim_bg.wasm" ]; then
  build_wasm
fi
build_page
report_sizes
log "done: serve web/dist/ (e.g. python3 -m http.server --bind 127.0.0.1 8000 -d web/dist)"
