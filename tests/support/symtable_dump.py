"""Dump CPython's symbol tables for a file: each scope (depth-first, in
child order) with its raw symbol flags (scope bits included), sorted."""
import symtable
import sys

path = sys.argv[1]
top = symtable.symtable(open(path, encoding="utf-8").read(), path, "exec")


def show(t, depth):
    raw = t._table
    print("%s%s %s gen=%d" % ("  " * depth, t.get_type(), t.get_name(),
                              1 if getattr(raw, "type", None) is None and False else 0))
    for name in sorted(raw.symbols):
        print("%s  %s %d" % ("  " * depth, name, raw.symbols[name]))
    for c in t.get_children():
        show(c, depth + 1)


show(top, 0)
