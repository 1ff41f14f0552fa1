import sys

k1 = ("key", 1)
v1 = [1]
v2 = [2]
d = {"a": v1, "b": v2}
print("dict", sys.getrefcount(d), "values", sys.getrefcount(v1), sys.getrefcount(v2))
ks = d.keys()
vs = d.values()
its = d.items()
print("views hold dict", sys.getrefcount(d))
for key, val in d.items():
    print("items loop", key, sys.getrefcount(val))
print("after items loop", sys.getrefcount(v1), sys.getrefcount(v2))
del key, val
for val in d.values():
    print("values loop", sys.getrefcount(val))
del val
pairs = list(d.items())
print("list of pairs", sys.getrefcount(v1))
del pairs
print("pairs gone", sys.getrefcount(v1))
del ks, vs, its
print("views gone", sys.getrefcount(d))
it = iter(d)
print("key iterator", sys.getrefcount(d))
print(list(it), sys.getrefcount(d))
