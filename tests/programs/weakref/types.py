import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name
a = A("a")
r = weakref.ref(a)
print(type(r))
print(weakref.ref is weakref.ReferenceType)
print(type(weakref.proxy(a)))
print(r.__callback__)
def cb(w): pass
r2 = weakref.ref(a, cb)
print(r2.__callback__ is cb)
