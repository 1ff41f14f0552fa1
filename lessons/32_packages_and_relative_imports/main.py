# Lesson 32: packages, __path__ and relative imports
#
# A package is a module that can contain other modules. A folder with an
# __init__.py is a regular package: importing it runs __init__.py, and the
# package module gets a __path__ attribute -- the list of folders in which
# its submodules are searched (like a private sys.path).
#
# Importing a.b.c imports a, then a.b, then a.b.c, each one found on its
# parent's __path__. After a submodule is imported it is also bound as an
# attribute of its parent package.
#
# Inside a package, `from . import x` and `from .sub import y` are
# relative imports: resolved against the current module's __package__.
# Each extra dot goes up one package level. A top-level script or module
# has no package, so relative imports fail there.
#
# A folder WITHOUT __init__.py is a namespace package: nothing runs, it has
# no __file__, and its __path__ is computed from sys.path.
#
# Run this from its folder:  python3 main.py
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))


def rel(path):
    """path relative to this lesson's folder, with / separators"""
    return os.path.relpath(path, here).replace(os.sep, "/")


print("== importing the package runs shapes/__init__.py ==")
import shapes
print("shapes.__file__:", rel(shapes.__file__))
print("shapes.__path__:", [rel(p) for p in shapes.__path__])
print("shapes.__package__:", shapes.__package__)
print("submodules loaded so far:",
      sorted(name for name in sys.modules if name.startswith("shapes")))
print("Circle(2).area() =", shapes.Circle(2).area())

print()
print("== a submodule is only loaded when someone imports it ==")
print("hasattr(shapes, 'square') before:", hasattr(shapes, "square"))
import shapes.square
print("hasattr(shapes, 'square') after :", hasattr(shapes, "square"))
print("shapes.square is sys.modules['shapes.square']:",
      shapes.square is sys.modules["shapes.square"])
print("square.__name__:", shapes.square.__name__, "| __package__:", shapes.square.__package__)
print("square area 3 =", shapes.square.area(3), "| bigger than circle r=1?",
      shapes.square.compare(3, 1))

print()
print("== `..` went up to the parent package ==")
from shapes.util import mathhelp
print("mathhelp.__package__:", mathhelp.__package__)
print("what `from .. import __name__` gave it:", mathhelp.parent_name)

print()
print("== extending __path__ adds a place to look for submodules ==")
try:
    import shapes.triangle
except ModuleNotFoundError as exc:
    print("before: ModuleNotFoundError:", exc)
shapes.__path__.append(os.path.join(here, "extra_shapes"))
import shapes.triangle
print("after appending extra_shapes/: found", rel(shapes.triangle.__file__))
print("triangle area (4, 3) =", shapes.triangle.area(4, 3))

print()
print("== a namespace package (no __init__.py) ==")
import plugins.alpha
print("plugins.__file__:", plugins.__file__)
print("plugins.__path__ entries:", [rel(p) for p in plugins.__path__])
print("plugins.alpha.NAME:", plugins.alpha.NAME)

print()
print("== relative imports need a package ==")
print("this script's __package__:", repr(__package__))
try:
    import loose
except ImportError as exc:
    print("import loose -> ImportError:", exc)
