import sys

data = [[1], [2], [3]]
f = lambda x: x
print("lambda", sys.getrefcount(f))
m = map(f, data)
print("map holds function and iterator", sys.getrefcount(f), sys.getrefcount(data))
out = list(m)
print("mapped", out == data, sys.getrefcount(data[0]))
print("map exhausted", sys.getrefcount(f), sys.getrefcount(data))
del m
print("map deleted", sys.getrefcount(f), sys.getrefcount(data))
keep = lambda x: len(x) > 0
fl = filter(keep, data)
print("filter", sys.getrefcount(keep), sys.getrefcount(data))
print(len(list(fl)))
del fl
print("filter deleted", sys.getrefcount(keep))
adders = [lambda y, n=n: y + n for n in range(3)]
print([g(10) for g in adders])
print("lambdas in list", [sys.getrefcount(g) for g in adders])
