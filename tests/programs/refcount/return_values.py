import sys

def make():
    x = [1, 2]
    print("  inside make", sys.getrefcount(x))
    return x

r = make()
print("returned", sys.getrefcount(r))

keep = []
def store_and_return(o):
    keep.append(o)
    return o

s = store_and_return([3])
print("stored and returned", sys.getrefcount(s))
t = store_and_return(s)
print("again", sys.getrefcount(s))

def identity(o):
    return o

u = identity(identity(identity(s)))
print("through identities", sys.getrefcount(s))

def pair():
    a = {}
    return a, a

p = pair()
print("tuple holds twice", sys.getrefcount(p[0]))
m, n = pair()
print("unpacked pair", sys.getrefcount(m))
print("discarded result", make() == [1, 2])
keep.clear()
print("keep cleared", sys.getrefcount(s))
