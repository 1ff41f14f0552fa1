# str.maketrans/translate, types.ModuleType(name, doc), print() to a replaced sys.stdout
import sys
import types

table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()), "abcd-abcd".translate(table))
print("hello".translate({ord("l"): "L!", ord("o"): None}), str.maketrans({"a": "b", 5: None}))
s = "same"
print(s.translate({}) == s, s.translate({}) is s)
for bad in [lambda: str.maketrans("ab", "x"), lambda: str.maketrans(1), lambda: str.maketrans({"ab": 1}),
            lambda: str.maketrans({1.5: 1}), lambda: "a".translate({97: 2.5}), lambda: "a".translate({97: -1}),
            lambda: str.maketrans("a", 1)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

m = types.ModuleType("fake", "doc text")
print(m, m.__name__, m.__doc__, sorted(m.__dict__))
m.x = 3
print(m.x, types.ModuleType("bare").__doc__)
for bad in [lambda: types.ModuleType(), lambda: types.ModuleType(1)]:
    try:
        bad()
    except TypeError as e:
        print(e)


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append(s)


r = Recorder()
old = sys.stdout
sys.stdout = r
print("a", 1, sep="-", end="!")
print()
sys.stdout = old
print(r.calls)
print("x", "y", file=r)
print(r.calls[-4:])
