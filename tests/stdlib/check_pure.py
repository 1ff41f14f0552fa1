#!/usr/bin/env python3
"""Check pysim's pure-Python stdlib (src/stdlib) against CPython 3.11's real one.

For every test program tests/stdlib/<module>_*.py this runs python3 twice:
once normally (the real stdlib, C accelerators included) and once through
pure_launcher.py, which makes every module of src/stdlib shadow the real one
(builtin C modules such as itertools, operator and time included). Both runs
must print the same stdout, which must also equal the committed <name>.stdout
(written by regen.py); stderr must be empty and the exit code 0.

It also lints src/stdlib for the constructs pysim does not support: exec, eval,
compile, __slots__, sys._getframe, async, match, __class_getitem__, weakref,
and imports of anything but sys and the modules of src/stdlib (a lazy
`import math` inside a function is allowed where listed in LAZY_MATH).

Usage: python3 tests/stdlib/check_pure.py [NAME.py...]
"""
import ast
import difflib
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import regen  # noqa: E402
from pure_launcher import MODULES, STDLIB  # noqa: E402

# Functions that may `import math` lazily (only when called): random's
# distributions other than uniform/choices, which need libm's log/cos/... .
LAZY_MATH = {"random.py"}
FORBIDDEN_NAMES = {"exec", "eval", "compile", "__import__"}
FORBIDDEN_CALLS = {"globals", "locals"}
FORBIDDEN_ATTRS = {"_getframe", "__slots__", "__class_getitem__"}


def lint_file(path, rel):
    problems = []
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    allowed = set(MODULES) | {"sys", "_io"}
    for node in ast.walk(tree):
        where = "%s:%d" % (rel, getattr(node, "lineno", 0))
        if isinstance(node, (ast.AsyncFunctionDef, ast.AsyncFor, ast.AsyncWith, ast.Await)):
            problems.append(where + ": async")
        elif isinstance(node, ast.Match):
            problems.append(where + ": match statement")
        elif isinstance(node, ast.Name) and node.id in FORBIDDEN_NAMES:
            problems.append(where + ": uses %s" % node.id)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in FORBIDDEN_CALLS):
            problems.append(where + ": calls %s()" % node.func.id)
        elif isinstance(node, ast.Name) and node.id in FORBIDDEN_ATTRS:
            problems.append(where + ": uses %s" % node.id)
        elif isinstance(node, ast.Attribute) and node.attr in FORBIDDEN_ATTRS:
            problems.append(where + ": uses .%s" % node.attr)
        elif isinstance(node, ast.FunctionDef) and node.name in FORBIDDEN_ATTRS:
            problems.append(where + ": defines %s" % node.name)
        elif isinstance(node, ast.Constant) and node.value in ("__slots__", "__class_getitem__"):
            problems.append(where + ": string %r" % node.value)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif node.level:
                names = [node.module or "."]
            else:
                names = [node.module]
            for name in names:
                top = name.partition(".")[0]
                if top in allowed or top == ".":
                    continue
                if top == "math" and rel in LAZY_MATH and node.col_offset > 0:
                    continue
                problems.append(where + ": imports %s" % name)
    return problems


def lint():
    problems = []
    for dirpath, dirnames, filenames in os.walk(STDLIB):
        dirnames.sort()
        for fn in sorted(filenames):
            if fn.endswith(".py"):
                full = os.path.join(dirpath, fn)
                problems += lint_file(full, os.path.relpath(full, STDLIB))
    return problems


def show_diff(a, b, la, lb):
    diff = difflib.unified_diff(a.decode(errors="replace").splitlines(),
                                b.decode(errors="replace").splitlines(),
                                la, lb, lineterm="", n=1)
    return "\n".join(list(diff)[:40])


def main(argv):
    if sys.version_info[:2] != (3, 11):
        print("check_pure.py must run under CPython 3.11", file=sys.stderr)
        return 2
    failures = []
    for p in lint():
        failures.append("lint: " + p)
    progs = regen.programs(argv)
    for prog in progs:
        name = os.path.basename(prog)
        real = regen.run(prog)
        pure = regen.run(prog, pure=True)
        try:
            with open(prog[:-3] + ".stdout", "rb") as f:
                committed = f.read()
        except FileNotFoundError:
            committed = None
        errs = []
        for label, (out, err, code) in (("real", real), ("pure", pure)):
            if code or err:
                errs.append("%s run: exit %d, stderr:\n%s" % (label, code, err.decode(errors="replace")[-2000:]))
        if real[0] != pure[0]:
            errs.append(show_diff(real[0], pure[0], "real stdlib", "src/stdlib"))
        if committed is None:
            errs.append("no committed %s.stdout (run regen.py)" % name[:-3])
        elif committed != real[0]:
            errs.append("committed .stdout is stale (run regen.py)")
        if errs:
            failures.append(name + ":\n  " + "\n".join(errs).replace("\n", "\n  "))
    for f in failures:
        print("FAIL " + f)
    print("check_pure: %d programs, %d failure(s)" % (len(progs), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
