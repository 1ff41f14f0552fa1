# enumerate, zip and dict item iterators refill their last result tuple
# when nothing else holds it (same id), and make a new one otherwise.
import sys, gc
d = {"a": [1], "b": [2]}
ids = set()
for kv in d.items():
    ids.add(id(kv))
print(len(ids))
saved = []
for kv in d.items():
    saved.append(kv)
print(saved[0] is saved[1])
for i, x in enumerate([10, 20, 30]):
    pass
e = enumerate("ab")
t1 = next(e)
print(t1, sys.getrefcount(t1))
t2 = next(e)
print(t2, t1 is t2)
del t1, t2
z = zip([1, 2, 3], "abc")
a = next(z); ia = id(a); del a
b = next(z)
print(id(b) == ia, b)
for k, v in zip([[1]], [[2]]):
    print(sys.getrefcount(k), sys.getrefcount(v))
print(list(enumerate("xy")), list(zip("ab", "cd")), list(d.items()))
print(gc.is_tracked(next(iter(d.items()))))
