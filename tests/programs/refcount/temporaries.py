import sys

print("temp list", sys.getrefcount([]))
print("temp dict", sys.getrefcount({}))
print("temp tuple of lists", sys.getrefcount(([], [])))

class Thing:
    pass

print("temp instance", sys.getrefcount(Thing()))

a = [1, 2, 3]
print("print arg too", a, sys.getrefcount(a))
print(sys.getrefcount(a), a)
b = [a]
print("list of a", sys.getrefcount(a))
print("temp list holding a", sys.getrefcount([a, a, a]) , sys.getrefcount(a))
print("after temp dies", sys.getrefcount(a))
n = len([a, a])
print("after len of temp", n, sys.getrefcount(a))
