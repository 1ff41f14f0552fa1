import sys

class Tok:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        return self.n
    def __eq__(self, other):
        return self.n == other.n

t1 = Tok(1)
t2 = Tok(2)
s = {t1, t2}
print("in set", sys.getrefcount(t1), sys.getrefcount(t2))
s.add(t1)
print("added again", sys.getrefcount(t1))
s.add(Tok(1))
print("equal token not added", len(s), sys.getrefcount(t1))
s.discard(t2)
print("discarded", sys.getrefcount(t2))
fs = frozenset([t1])
print("frozenset", sys.getrefcount(t1))
u = s | fs
print("union", sys.getrefcount(t1), len(u))
s.clear()
del u
print("cleared", sys.getrefcount(t1))
print("membership", Tok(1) in fs, sys.getrefcount(t1))
