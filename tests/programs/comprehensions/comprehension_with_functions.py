def square(v):
    return v * v

print([square(v) for v in range(5)])
print(sum([square(v) for v in range(5)]))
print(sorted([w for w in "the quick brown fox".split()], key=len))
print(list(map(str.upper, [c for c in "abc"])))
print([f(3) for f in [square, abs, str, lambda q: -q]])

def gen_items():
    yield from range(3)

print([g * 2 for g in gen_items()])
print({i: c for i, c in enumerate("xyz")})
print([max(row) for row in [[1, 5], [7, 2], [0]]])
print([(lambda k: k + 1)(k) for k in range(3)])
print([s for s in (str(n) for n in range(12)) if "1" in s])
print([[*range(k)] for k in range(4)])
print([(a, *rest) for a, *rest in [(1, 2, 3), (4, 5)]])
