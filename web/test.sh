#!/usr/bin/env bash
# Tests the browser playground: builds web/dist when needed (web/build.sh,
# cached under target/), installs Debian's chromium when missing, then runs
# the stepping unit tests and the end-to-end tests in headless chromium
# (node's test runner, playwright-core). Screenshots: web/test-artifacts/.
#
#   web/test.sh              # build if needed, test
#   WEB_REBUILD=1 web/test.sh  # always rebuild first
set -euo pipefail
cd "$(dirname "$0")"
WEB=$PWD

needs_build() {
  [ -n "${WEB_REBUILD:-}" ] && return 0
  [ -f dist/index.html ] && [ -f dist/pysim_bg.wasm ] || return 0
  # Rebuild when any input is newer than the built page.
  [ -n "$(find ../src ../Cargo.toml ../lessons src index.html tools package-lock.json \
        -newer dist/index.html -print -quit 2>/dev/null)" ]
}

if needs_build; then
  bash "$WEB/build.sh"
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "== web/test: installing Debian's chromium"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

mkdir -p test-artifacts
node --test --test-concurrency=1 test/stepper.test.mjs test/e2e.test.mjs
