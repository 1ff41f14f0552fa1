# Lesson 31: circular imports -- one that works and one that fails
#
# Remember the import steps (lesson 29): a new module object is placed in
# sys.modules BEFORE its body runs. So if a imports b and b imports a while
# a is still running, b simply gets the half-initialized module a from
# sys.modules. Nothing loops forever.
#
# - It WORKS if b only uses a's attributes later (inside functions, looked
#   up at call time): `import a` then `a.thing` when needed.
# - It FAILS if b needs one of a's names right away, e.g. with
#   `from a import thing`, because a has not reached the line that defines
#   thing yet. CPython's message even says "partially initialized module".
#
# Fixes: import the module instead of names from it, move the import to
# where it is needed (inside a function), or move shared code into a third
# module that both import.
#
# Run this from its folder:  python3 main.py
import os
import sys


def clean(exc):
    """str(exc) without the absolute path CPython appends"""
    text = str(exc)
    if getattr(exc, "path", None):
        text = text.replace(exc.path, os.path.basename(exc.path))
    return text


print("== a circular import that works ==")
import ok_a
print(ok_a.hello())
print("both modules are cached:", "ok_a" in sys.modules and "ok_b" in sys.modules)
print("they refer to each other:", ok_a.ok_b.ok_a is ok_a)

print()
print("== a circular import that fails ==")
try:
    import bad_a
except ImportError as exc:
    print("ImportError:", clean(exc))
    print("exc.name:", exc.name)
print("after the failure, 'bad_a' in sys.modules:", "bad_a" in sys.modules)
print("after the failure, 'bad_b' in sys.modules:", "bad_b" in sys.modules)
print("(a module whose body raised is removed from sys.modules again)")

print()
print("== importing bad_b first fails the other way round ==")
try:
    import bad_b
except ImportError as exc:
    print("ImportError:", clean(exc))
