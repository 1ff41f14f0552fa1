import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name
a = A("a")
r1 = weakref.ref(a, lambda w: print("cb1", w() is None))
r2 = weakref.ref(a, lambda w: print("cb2"))
r3 = weakref.ref(a, lambda w: print("cb3"))
print(weakref.getweakrefcount(a))
del a
print("end")
