import gc, weakref
class A:
    pass
a = A()
a.w = weakref.ref(a, lambda r: print("never called"))
del a
print(gc.collect())
print("end")
