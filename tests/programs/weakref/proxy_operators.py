import weakref
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.x)
    def __repr__(self): return 'V(%r)' % self.x
    def __str__(self): return 'v%s' % self.x
    def __len__(self): return 3
    def __iter__(self): return iter([1,2,3])
    def __getitem__(self, i): return i * 10
    def __setitem__(self, i, v): print('set', i, v)
    def __delitem__(self, i): print('del', i)
    def __lt__(self, o): return self.x < o
    def __eq__(self, o): return self.x == o
    def __call__(self, *a): return ('called', a)
    def __bool__(self): return False
    def __contains__(self, i): return i == 2
    def __neg__(self): return -self.x
    def __index__(self): return 7
    def __int__(self): return 8
    def __float__(self): return 9.5
v = V(5)
p = weakref.proxy(v)
print(type(p).__name__)
print(p.x, p + 1, 1 + p, str(p), repr(p)[:18])
print(len(p), list(p), p[3], 2 in p, 5 in p)
p[1] = 2
del p[4]
print(p < 10, p == 5, p != 5)
try:
    p > 1
except TypeError as e:
    print(e)
p2 = weakref.proxy(V(3))
try:
    p2 + 1
except ReferenceError as e:
    print('ReferenceError', e)
n = 5
np_ = weakref.proxy(v)
n += np_
print(n, type(n).__name__)
print(p(1, 2), bool(p), -p)
p.y = 7
print(v.y)
del p.y
print(hasattr(v, 'y'))
try:
    hash(p)
except TypeError as e:
    print(e)
p2 = weakref.proxy(v)
print(p2 is p, weakref.getweakrefcount(v))
class W: pass
w = W()
q = weakref.proxy(w)
print(type(q).__name__)
q.a = 1
print(w.a, q.a)
del w
for op in [lambda: q.a, lambda: str(q), lambda: q + 1, lambda: len(q)]:
    try:
        op()
    except ReferenceError as e:
        print('ReferenceError', e)
print(repr(q)[:10])
try:
    bool(q)
except ReferenceError as e:
    print('RE', e)
