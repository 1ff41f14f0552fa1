print(int("7"), int(7.9), int(-7.9), int(True), int("  12 "))
print(float("3"), float(3), float("-1e-3"), float(" .5 "))
print(str(1), str(1.0), str([1, "a"]), str((1,)), str({"k": None}), str(None), str(False))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0))
print(list("abc"), list((1, 2)), list({"a": 1, "b": 2}), list(range(3)))
print(tuple([1, 2]), tuple("ab"), tuple())
print(dict([("a", 1), ("b", 2)]), dict(a=1, b=2), dict({"x": 1}, y=2), dict())
print(sorted(set([3, 1, 3, 2])), sorted(frozenset([5, 5, 4])), set(), frozenset())
print(repr(1), repr("1"), repr([1, "1"]), repr(1.50), repr(None))
print(chr(65), chr(0x263A), ord("A"), ord("☺"), ord("\n"))
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([("a", 1, 2)])
except ValueError as e:
    print("ValueError:", e)
try:
    int(None)
except TypeError as e:
    print("TypeError:", e)
try:
    float([1])
except TypeError as e:
    print("TypeError:", e)
