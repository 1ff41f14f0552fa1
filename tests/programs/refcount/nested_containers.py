import sys

leaf = [0]
mid = [leaf, leaf]
top = [mid, [leaf]]
print("leaf", sys.getrefcount(leaf), "mid", sys.getrefcount(mid))
shallow = top[:]
print("shallow copy", sys.getrefcount(mid), sys.getrefcount(leaf))
deepish = [x[:] for x in top]
print("one level deeper", sys.getrefcount(mid), sys.getrefcount(leaf))
top[0] = None
print("replaced in top", sys.getrefcount(mid))
del shallow
print("shallow gone", sys.getrefcount(mid))
del deepish
print("deepish gone", sys.getrefcount(leaf))
d = {"list": [leaf], "tuple": (leaf, leaf), "dict": {"x": leaf}}
print("in nested dict", sys.getrefcount(leaf))
d.pop("tuple")
print("popped tuple", sys.getrefcount(leaf))
d.clear()
print("cleared", sys.getrefcount(leaf))
grid = [[leaf] * 3 for _ in range(3)]
print("grid", sys.getrefcount(leaf))
grid[1][1] = None
print("one cell replaced", sys.getrefcount(leaf))
grid = None
print("grid dropped", sys.getrefcount(leaf), sys.getrefcount(mid))
