#!/bin/sh
# Regenerates <name>.stderr: what python3 prints for each file's syntax
# error. CPython reports the script's absolute path; it is cut back to the
# bare file name, which is what the tests pass as filename.
cd "$(dirname "$0")" || exit 1
dir=$(pwd)
for f in *.py; do
  python3 "$f" 2>&1 > /dev/null | sed "s|\"$dir/|\"|" > "${f%.py}.stderr"
done
