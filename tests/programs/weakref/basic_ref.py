import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name
a = A("a")
r = weakref.ref(a)
print(r() is a, r())
print(weakref.ref(a) is r)
print(weakref.getweakrefcount(a))
del a
print(r())
