import weakref
class A:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __hash__(self): return hash(self.v)
a = A(1); b = A(1); c = A(2)
ra, rb, rc = weakref.ref(a), weakref.ref(b), weakref.ref(c)
print(ra == rb, ra != rb, ra == rc, ra != rc)
print(hash(ra) == hash(1), hash(ra) == hash(rb))
print(ra == 5, ra != 5)
d = {ra: 'x'}
print(d[rb])
del a
print(ra == rb, ra == ra, ra != rb)
print(hash(ra) == hash(1))
del c
try:
    hash(rc)
except TypeError as e:
    print("TypeError", e)
class B: pass
x = B()
r = weakref.ref(x)
print(type(r).__name__, r.__class__ is weakref.ReferenceType)
print(weakref.ref(x) is r)
print(r.__callback__)
try:
    r.foo = 1
except AttributeError as e:
    print(e)
l = [1]
try:
    weakref.ref(l)
except TypeError as e:
    print(e)
print(callable(r), bool(r))
del x
print(r(), repr(r)[:14])
