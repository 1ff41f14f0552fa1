import sys

sentinel = []
print("start", sys.getrefcount(sentinel))

def f(x=sentinel):
    print("  in f", sys.getrefcount(x))
    return x

print("held by defaults", sys.getrefcount(sentinel))
f()
f([])

def g(a, b=sentinel, *, c=sentinel):
    print("  in g", sys.getrefcount(a), sys.getrefcount(b))

print("three defaults", sys.getrefcount(sentinel))
g([])
g(sentinel)
del f
print("f deleted", sys.getrefcount(sentinel))
h = g
del g
print("g renamed", sys.getrefcount(sentinel))
del h
print("all gone", sys.getrefcount(sentinel))

def acc(item, bucket=[]):
    bucket.append(item)
    return bucket

b1 = acc(1)
b2 = acc(2)
print(b1 is b2, b1, sys.getrefcount(b1))
