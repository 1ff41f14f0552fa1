t = (1, 2, 3, 2)
print(t, len(t), t[0], t[-1], t[1:3], t.count(2), t.index(3))
print(t + (4,), t * 2, (0,) * 3, 2 in t, 5 not in t)
print((1,), (), tuple(), (1, 2) == (1, 2), (1, 2) < (1, 3), (1,) < (1, 0))
single = 5,
print(single, type(single).__name__)
nested = ((1, 2), [3, 4])
nested[1].append(5)
print(nested)
try:
    nested[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
print(max(t), min(t), sum(t), sorted(t), tuple(reversed(t)))
a, b = (1, 2)
print(a, b, (a, b) == (1, 2))
print(repr((1, "a", None, (2,))), str(("x",)))
