class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        if isinstance(other, int):
            return Vec(self.x + other, self.y + other)
        return NotImplemented
    def __radd__(self, other):
        print("  __radd__ with", other)
        return self + other
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __sub__(self, other):
        return self + (-other)
    def __iadd__(self, other):
        print("  __iadd__ in place")
        self.x += other.x
        self.y += other.y
        return self

v = Vec(1, 2)
w = Vec(10, 20)
print(v + w, v + 1, 1 + v)
print(v * 3, 3 * v, -v, w - v)
print(sum([v, w, Vec(100, 100)]))
alias = v
v += w
print(v, alias is v)
try:
    v + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" + v
except TypeError as e:
    print("TypeError:", e)

class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, other):
        return Money(self.c + other.c)
    def __repr__(self):
        return "Money(%d)" % self.c

m = Money(1)
before = m
m += Money(2)
print(m, before, m is before)
