# Method calls and attribute access: instance methods, inherited methods,
# super(), properties-free attribute reads/writes, class attributes.
# Stresses attribute lookup (instance dict, class MRO) and bound methods.

class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name
        self.scale = 1

    def grow(self, k):
        self.scale = self.scale + k
        return self

    def area(self):
        return 0

    def describe(self):
        return self.sides + self.area()


class Rect(Shape):
    sides = 4

    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h * self.scale


class Square(Rect):
    def __init__(self, a):
        super().__init__(a, a)

    def area(self):
        return super().area() + 1


def main():
    shapes = [Rect(2, 3), Square(4), Shape("blob"), Square(1)]
    total = 0
    for i in range(1000001):
        s = shapes[i & 3]
        total += s.describe()
        total += s.grow(1).scale & 7
        if s.scale > 100:
            s.scale = 1
    print("methods checksum:", total, [s.scale for s in shapes],
          [s.sides for s in shapes])


main()
