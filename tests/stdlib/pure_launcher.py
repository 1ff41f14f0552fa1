"""Run a program under python3 with pysim's pure-Python stdlib shadowing the real one.

    python3 pure_launcher.py PROGRAM.py

Every module under src/stdlib/ (see MODULES) is removed from sys.modules and
served from src/stdlib by a meta-path finder placed before CPython's own
finders, so that even builtin C modules (itertools, operator, time, ...) and
modules that site/io imported at start-up (abc, collections, functools, ...)
resolve to the pure versions. The program then runs as __main__ with its own
folder first on sys.path, as `python3 PROGRAM.py` would. This is a python3-only
test tool: it may use exec/importlib, the modules it loads may not.
"""
import importlib.abc
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STDLIB = os.path.normpath(os.path.join(HERE, "..", "..", "src", "stdlib"))


def pure_modules():
    """Names of the modules and packages in src/stdlib."""
    names = {}
    for fn in sorted(os.listdir(STDLIB)):
        full = os.path.join(STDLIB, fn)
        if fn.endswith(".py"):
            names[fn[:-3]] = (full, False)
        elif os.path.isfile(os.path.join(full, "__init__.py")):
            names[fn] = (os.path.join(full, "__init__.py"), True)
    return names


MODULES = pure_modules()


class PureFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname in MODULES:
            filename, is_pkg = MODULES[fullname]
            return importlib.util.spec_from_file_location(
                fullname, filename,
                submodule_search_locations=[os.path.dirname(filename)] if is_pkg else None)
        top = fullname.partition(".")[0]
        if top in MODULES and MODULES[top][1]:
            # a submodule of a pure package: only from src/stdlib
            filename = os.path.join(STDLIB, *fullname.split(".")) + ".py"
            if os.path.isfile(filename):
                return importlib.util.spec_from_file_location(fullname, filename)
            raise ModuleNotFoundError("No module named %r in src/stdlib" % fullname,
                                      name=fullname)
        return None


def main():
    if len(sys.argv) < 2:
        print("usage: pure_launcher.py PROGRAM.py [ARGS...]", file=sys.stderr)
        return 2
    prog = os.path.abspath(sys.argv[1])
    with open(prog, "rb") as f:
        source = f.read()
    code = compile(source, prog, "exec")
    for name in list(sys.modules):
        if name.partition(".")[0] in MODULES:
            del sys.modules[name]
    sys.meta_path.insert(0, PureFinder())
    sys.argv = sys.argv[1:]
    sys.path[0] = os.path.dirname(prog)
    main_mod = type(sys)("__main__")
    main_mod.__file__ = prog
    main_mod.__builtins__ = __builtins__
    sys.modules["__main__"] = main_mod
    exec(code, main_mod.__dict__)
    return 0


if __name__ == "__main__":
    sys.exit(main())
