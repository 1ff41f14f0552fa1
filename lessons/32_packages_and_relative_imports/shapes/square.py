# shapes/square.py (lesson 32): not imported by shapes/__init__.py
print("   [shapes/square.py running]")

from . import circle              # `from . import x` imports a sibling module
from .util import mathhelp


def area(side):
    return mathhelp.times(side, side)


def compare(side, r):
    return area(side) > circle.Circle(r).area()
