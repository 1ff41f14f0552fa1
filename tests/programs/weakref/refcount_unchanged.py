import sys, weakref
class A:
    pass
a = A()
print(sys.getrefcount(a))
r = weakref.ref(a)
p = weakref.proxy(a)
print(sys.getrefcount(a))
l = [weakref.ref(a, lambda w: None) for i in range(3)]
print(sys.getrefcount(a), weakref.getweakrefcount(a))
del l
print(weakref.getweakrefcount(a))
