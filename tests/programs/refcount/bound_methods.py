import sys

class Counter:
    def __init__(self):
        self.n = 0
    def bump(self):
        self.n += 1
        print("  self inside bump", sys.getrefcount(self))
        return self

c = Counter()
print("instance", sys.getrefcount(c))
c.bump()
m = c.bump
print("bound method holds self", sys.getrefcount(c))
m()
m2 = c.bump
print("second bound method", sys.getrefcount(c), m == m2, m is m2)
del m, m2
print("bound methods gone", sys.getrefcount(c))
r = c.bump()
print("returned self kept", sys.getrefcount(c))
del r
Counter.bump(c)
methods = [c.bump, c.bump, c.bump]
print("list of bound methods", sys.getrefcount(c))
methods.clear()
print("cleared", sys.getrefcount(c), c.n)
f = Counter.bump
print("plain function from class", f is Counter.bump)
