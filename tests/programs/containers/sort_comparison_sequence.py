# list.sort makes exactly the __lt__ calls of CPython's timsort: runs,
# binary insertion, powersort merges, galloping; an error stops it at once.
class LCG:
    def __init__(self, seed): self.x = seed
    def randrange(self, n):
        self.x = (self.x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.x >> 33) % n
calls = []
class K:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        calls.append((self.v, o.v))
        return self.v < o.v
def check(data, **kw):
    calls.clear()
    items = [K(v) for v in data]
    items.sort(**kw)
    h = 0
    for a, b in calls:
        h = (h * 1000003 + a * 7919 + b) % 1000000007
    print(len(data), len(calls), h, [k.v for k in items][:5])
rng = LCG(5)
for n in [0, 1, 2, 5, 10, 63, 64, 65, 100, 257]:
    check([rng.randrange(n * 2 + 1) for _ in range(n)])
check(list(range(200)) + list(range(120)))
check(list(range(300, 0, -1)))
check([1] * 40 + list(range(40)) * 3)
check([rng.randrange(10) for _ in range(300)], reverse=True)
a = list(range(0, 600, 3)) + list(range(1, 600, 3)) + list(range(2, 600, 3))
check(a)
b = sorted(rng.randrange(10000) for _ in range(150)) + sorted(rng.randrange(10000) for _ in range(10)) + sorted(rng.randrange(10000) for _ in range(300))
check(b)
class Bad:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        if self.v == 13: raise ValueError("bad")
        return self.v < o.v
xs = [Bad(v) for v in [rng.randrange(50) for _ in range(100)]]
try:
    xs.sort()
except ValueError as e:
    print("error", e, len(xs), sorted(x.v for x in xs) == sorted(x.v for x in xs))
