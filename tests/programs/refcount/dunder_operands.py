import sys

class V:
    def __init__(self, n):
        self.n = n
    def __add__(self, other):
        print("  __add__ self", sys.getrefcount(self), "other", sys.getrefcount(other))
        return V(self.n + other.n)
    def __radd__(self, other):
        print("  __radd__ self", sys.getrefcount(self))
        return V(self.n + other)
    def __eq__(self, other):
        print("  __eq__", sys.getrefcount(self), sys.getrefcount(other))
        return self.n == other.n
    def __getitem__(self, key):
        print("  __getitem__ key", sys.getrefcount(key))
        return self.n
    def __len__(self):
        print("  __len__", sys.getrefcount(self))
        return self.n
    def __call__(self, arg):
        print("  __call__", sys.getrefcount(self), sys.getrefcount(arg))
        return arg

a = V(1)
b = V(2)
c = a + b
print("sum", c.n, sys.getrefcount(c))
d = 5 + a
print("radd", d.n)
print("eq", a == b)
k = [1]
print("getitem", a[k])
print("len", len(b))
r = a(k)
print("call result", sys.getrefcount(k))
print("final", sys.getrefcount(a), sys.getrefcount(b))
