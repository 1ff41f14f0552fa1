#!/bin/sh
# Regenerates the expected ast.dump output (<name>.ast) and, for the
# span-checked files (*_spans.ast), the dump with attributes, from CPython.
cd "$(dirname "$0")" || exit 1
for f in *.py; do
  python3 -c 'import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1], encoding="utf-8").read())))' "$f" > "${f%.py}.ast"
  python3 -c 'import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1], encoding="utf-8").read()), include_attributes=True))' "$f" > "${f%.py}.attrs"
done
