# shapes/circle.py (lesson 32)
print("   [shapes/circle.py running]")

from .util.mathhelp import PI     # relative import from a subpackage


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return round(PI * self.r * self.r, 2)
