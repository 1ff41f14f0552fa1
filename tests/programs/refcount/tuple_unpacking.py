import sys

p = [1]
q = [2]
print("start", sys.getrefcount(p), sys.getrefcount(q))
pair = (p, q)
print("in tuple", sys.getrefcount(p), sys.getrefcount(q), "tuple", sys.getrefcount(pair))
a, b = pair
print("unpacked", sys.getrefcount(p), sys.getrefcount(q))
a, b = b, a
print("swapped", sys.getrefcount(p), sys.getrefcount(q), a is q)
first, *rest = [p, q, p]
print("star target", sys.getrefcount(p), sys.getrefcount(q), len(rest))
del rest
print("rest deleted", sys.getrefcount(p))
(x, y), z = (p, q), p
print("nested", sys.getrefcount(p), sys.getrefcount(q))
del pair
print("tuple deleted", sys.getrefcount(p), sys.getrefcount(q))
for u, v in [(p, q), (q, p)]:
    print("loop unpack", sys.getrefcount(p), sys.getrefcount(q))
nested = ((p,), (p, (p,)))
print("nested tuples", sys.getrefcount(p), sys.getrefcount(nested))
nested = None
print("nested dropped", sys.getrefcount(p))
