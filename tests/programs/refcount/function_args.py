import sys

def one(x):
    print("  one sees", sys.getrefcount(x))
    two(x)
    print("  one after two", sys.getrefcount(x))

def two(y):
    print("    two sees", sys.getrefcount(y))

g = [10, 20]
print("global", sys.getrefcount(g))
one(g)
print("global again", sys.getrefcount(g))

def local_caller():
    loc = {"k": 1}
    print(" local", sys.getrefcount(loc))
    one(loc)
    two(loc)

local_caller()
print("temp arg:")
one([])
two({})

def many(p, q, r):
    print("  many", sys.getrefcount(p), sys.getrefcount(q), sys.getrefcount(r))

many(g, g, g)
h = [g]
many(h, g, h[0])
