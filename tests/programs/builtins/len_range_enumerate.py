print(len([1, 2]), len("abc"), len({}), len(range(10)), len((1,)), len({1, 2, 2}))
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
r = range(1, 20, 4)
print(r, len(r), r[1], r[-1], r[1:3], 9 in r, 10 in r, r.index(13), r.count(5))
print(range(0, 10, 2) == range(0, 9, 2), list(reversed(range(3))))
print(list(enumerate("abc")), list(enumerate(["x", "y"], 1)), list(enumerate([], 5)))
e = enumerate("hi")
print(next(e), next(e), next(e, "end"))
try:
    range(1, 2, 0)
except ValueError as err:
    print("ValueError:", err)
try:
    range(1.5)
except TypeError as err:
    print("TypeError:", err)
print(range(3)[-1], range(-5, -1)[0], repr(range(2, 9, 3)))
