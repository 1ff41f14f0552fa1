"""Print the attributes of every code object compiled from a file, in the
format tests/code_compare.rs produces for pysim's code objects."""
import dis
import sys

path = sys.argv[1]
co = compile(open(path, encoding="utf-8").read(), path, "exec")


def r(c):
    if hasattr(c, "co_code"):
        return "<code %s>" % c.co_qualname
    return repr(c)


def show(co):
    print("code", co.co_qualname, co.co_name, co.co_firstlineno)
    print("  args", co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount)
    print("  flags", co.co_flags, "stacksize", co.co_stacksize)
    print("  varnames", list(co.co_varnames))
    print("  cellvars", list(co.co_cellvars))
    print("  freevars", list(co.co_freevars))
    print("  names", list(co.co_names))
    print("  consts [%s]" % ", ".join(r(c) for c in co.co_consts))
    for ins in dis.get_instructions(co):
        if ins.opname == "EXTENDED_ARG":
            continue
        p = ins.positions
        print("  %s %s %s %s %s" % (ins.opname, p.lineno or 0, p.end_lineno or 0,
                                    p.col_offset or 0, p.end_col_offset or 0))
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            show(c)


show(co)
