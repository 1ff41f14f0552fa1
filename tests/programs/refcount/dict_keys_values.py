import sys

class Key:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return self.n
    def __eq__(self, other):
        return isinstance(other, Key) and self.n == other.n

k = Key(1)
v = [1]
print("start", sys.getrefcount(k), sys.getrefcount(v))
d = {k: v}
print("as key and value", sys.getrefcount(k), sys.getrefcount(v))
d[k] = v
print("same assignment again", sys.getrefcount(k), sys.getrefcount(v))
k2 = Key(1)
d[k2] = [2]
print("equal key replaces value only", sys.getrefcount(k), sys.getrefcount(k2), sys.getrefcount(v))
print("lookup", d[k2], sys.getrefcount(k2))
got = d.get(Key(1))
print("got", got, sys.getrefcount(got))
d2 = dict(d)
print("copied dict", sys.getrefcount(k), sys.getrefcount(got))
del d
print("deleted original", sys.getrefcount(k), sys.getrefcount(got))
val = d2.pop(k)
print("popped", sys.getrefcount(k), sys.getrefcount(val))
d2.setdefault(k, v)
print("setdefault", sys.getrefcount(k), sys.getrefcount(v))
r = d2.setdefault(k, [99])
print("setdefault existing", sys.getrefcount(v), r is v)
keys = list(d2)
print("keys list", sys.getrefcount(k))
d2.clear()
print("cleared", sys.getrefcount(k), sys.getrefcount(v))
