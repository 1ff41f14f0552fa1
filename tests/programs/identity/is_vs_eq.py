class AlwaysEqual:
    def __eq__(self, other):
        return True

class NeverEqual:
    def __eq__(self, other):
        return False

a = AlwaysEqual()
b = AlwaysEqual()
print("== uses __eq__", a == b, "is uses identity", a is b)
n = NeverEqual()
print("never equal to itself", n == n, n is n)
print("but list membership checks identity first", n in [n], [n] == [n])
print("count", [n, n, NeverEqual()].count(n))
print("index", [NeverEqual(), n].index(n))
nan = float("nan")
print("nan == nan", nan == nan, nan is nan)
print("nan in list", nan in [nan], [nan] == [nan])
other_nan = float("nan")
print("different nan", nan in [other_nan])
print("tuple compare", (nan, 1) == (nan, 1))
print("dict lookup by identity", {nan: "x"}.get(nan))
print("!= on AlwaysEqual", a != b)
x = [1, 2]
y = [1, 2]
print("equal lists", x == y, x is y, x is not y)
print("is not None", x is not None)
