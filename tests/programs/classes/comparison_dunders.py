class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        print("  __lt__", self, other)
        return (self.major, self.minor) < (other.major, other.minor)
    def __repr__(self):
        return "v%d.%d" % (self.major, self.minor)

a, b = Version(1, 2), Version(1, 10)
print(a == Version(1, 2), a != b, a == "1.2")
print(a < b)
print("reflected > uses __lt__ of the right operand:", b > a)
vs = [Version(2, 0), Version(1, 5), Version(1, 0)]
print(sorted(vs))
print(max(vs), min(vs))
try:
    a <= b
except TypeError as e:
    print("TypeError:", e)

class Plain:
    pass

p = Plain()
print(p == p, p == Plain(), p != Plain())
try:
    p < Plain()
except TypeError as e:
    print("TypeError:", e)
