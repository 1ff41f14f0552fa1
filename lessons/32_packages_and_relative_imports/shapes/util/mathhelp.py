# shapes/util/mathhelp.py (lesson 32)
print("   [shapes/util/mathhelp.py running]")

from .. import __name__ as parent_name   # `..` is the parent package (shapes)

PI = 3.14159


def times(a, b):
    return a * b
