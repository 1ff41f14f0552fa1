#!/bin/sh
# Regenerate lessons/exercises/*_solution.py: each exercise with every answer
# filled in by `pysim solve` from pysim's own run (never typed by hand).
# tests/exercises.rs checks that these files are current and cross-checks the
# answers with python3 (scripts/exercise_oracle.py).
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet
PYSIM="${CARGO_TARGET_DIR:-target}/release/pysim"
for f in lessons/exercises/[0-9]*.py; do
    case "$f" in *_solution.py) continue ;; esac
    "$PYSIM" solve "$f" -o "${f%.py}_solution.py"
done
echo "solutions regenerated"
