class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return "P(%d,%d)" % (self.x, self.y)

d = {Point(1, 2): "first"}
print(d[Point(1, 2)])
d[Point(1, 2)] = "replaced"
print(len(d), d)
s = {Point(0, 0), Point(0, 0), Point(1, 1)}
print(len(s), Point(1, 1) in s)
print(hash(Point(3, 4)) == hash((3, 4)))

class EqOnly:
    def __eq__(self, other):
        return True

print(EqOnly.__hash__ is None)
try:
    {EqOnly(): 1}
except TypeError as e:
    print("TypeError:", e)

class Unhashable:
    __hash__ = None

try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError:", e)

class Default:
    pass

x = Default()
print(hash(x) == hash(x), {x: 1}[x])
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
print(hash(5), hash(-1), hash(True), hash((1, 2)) == hash((1, 2)))
