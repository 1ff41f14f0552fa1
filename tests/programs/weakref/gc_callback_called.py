import gc, weakref
class A:
    pass
a = A(); a.me = a
w = weakref.ref(a, lambda r: print("callback, dead:", r() is None))
del a
print("collecting")
print(gc.collect())
