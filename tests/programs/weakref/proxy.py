import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name
a = A("a")
p = weakref.proxy(a)
print(p.name)
print(weakref.proxy(a) is p)
print(weakref.getweakrefcount(a))
del a
try:
    p.name
except ReferenceError as e:
    print("ReferenceError:", e)
class C:
    def __call__(self, x):
        return x * 2
c = C()
cp = weakref.proxy(c)
print(cp(21))
print(type(p).__name__, type(cp).__name__)
