"""Dump a Python file's AST (CPython 3.11 `ast.parse`) as s-expressions for
pysim's compiler tests (tests/support/pyast.rs reads them). Columns are
converted from UTF-8 byte offsets to character offsets."""
import ast
import sys

src = open(sys.argv[1], encoding="utf-8").read()
lines = src.splitlines(keepends=True)


def charcol(line, col):
    if line is None or line < 1 or line > len(lines):
        return col
    return len(lines[line - 1].encode("utf-8")[:col].decode("utf-8", "replace"))


out = []


def emit(v):
    if isinstance(v, ast.AST):
        out.append("(" + type(v).__name__)
        if hasattr(v, "lineno") and "lineno" in v._attributes:
            l, c, el, ec = v.lineno, v.col_offset, v.end_lineno, v.end_col_offset
            out.append("@%d,%d,%d,%d" % (l, charcol(l, c), el, charcol(el, ec)))
        for f in v._fields:
            emit(getattr(v, f, None))
        out.append(")")
    elif isinstance(v, list):
        out.append("[")
        for x in v:
            emit(x)
        out.append("]")
    elif v is None:
        out.append("~")
    elif v is True:
        out.append("#t")
    elif v is False:
        out.append("#f")
    elif v is Ellipsis:
        out.append("E")
    elif isinstance(v, int):
        out.append("I%d" % v)
    elif isinstance(v, float):
        out.append("F" + repr(v))
    elif isinstance(v, complex):
        out.append("J" + repr(v.imag))
    elif isinstance(v, str):
        out.append("S" + v.encode("utf-8").hex())
    elif isinstance(v, bytes):
        out.append("B" + v.hex())
    else:
        raise TypeError(type(v))


emit(ast.parse(src, sys.argv[1]))
print(" ".join(out))
