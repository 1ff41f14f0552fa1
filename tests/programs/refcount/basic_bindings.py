import sys

a = []
print("fresh list", sys.getrefcount(a))
b = a
print("two names", sys.getrefcount(a))
c = b
print("three names", sys.getrefcount(a), sys.getrefcount(b), sys.getrefcount(c))
del b
print("after del b", sys.getrefcount(a))
c = None
print("after rebinding c", sys.getrefcount(a))
d = {}
e = d
print("dict", sys.getrefcount(d))
del e
print("dict after del", sys.getrefcount(d))
a = {}
print("old list is gone, new dict", sys.getrefcount(a))
x = y = z = [1, 2]
print("chained assignment", sys.getrefcount(x))
del x, y
print("after del x, y", sys.getrefcount(z))
