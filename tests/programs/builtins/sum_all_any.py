print(sum([1, 2, 3]), sum(range(101)), sum([1.5, 2.5]), sum([], 0), sum([[1], [2]], []))
print(sum(x * x for x in range(4)), sum([True, True, False]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, ""]), any([0, 3]))
print(all(x > 0 for x in [1, 2, 3]), any(c.isdigit() for c in "ab1"))

def noisy(x):
    print("  check", x)
    return x

print(any(noisy(x) for x in [0, 1, 2]))
print(all(noisy(x) for x in [1, 0, 2]))
