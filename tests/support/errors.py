"""For each case in a file of `---`-separated programs, print how CPython
reports it: `parse-error` if ast.parse rejects it, `ok` if it compiles,
else `msg|line|offset|end_offset` (end_offset 0 when the error spans lines)."""
import ast
import sys

cases = open(sys.argv[1], encoding="utf-8").read().split("---\n")
for src in cases:
    try:
        ast.parse(src)
    except SyntaxError:
        print("parse-error")
        continue
    try:
        compile(src, "<case>", "exec")
        print("ok")
    except SyntaxError as e:
        end = (e.end_offset or 0) if e.end_lineno == e.lineno else 0
        if e.end_offset is None and e.offset:
            end = e.offset + 1
        print("%s|%d|%d|%d" % (e.msg, e.lineno or 0, e.offset or 0, end))
