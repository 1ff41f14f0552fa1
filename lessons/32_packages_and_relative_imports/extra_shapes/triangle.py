# extra_shapes/triangle.py (lesson 32): lives OUTSIDE the shapes folder, but
# becomes importable as shapes.triangle once this folder is added to
# shapes.__path__.
print("   [extra_shapes/triangle.py running]")

from .util.mathhelp import times     # relative to the package: shapes.util


def area(base, height):
    return times(base, height) / 2
