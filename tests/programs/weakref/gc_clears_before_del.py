import gc, weakref
class A:
    def __del__(self):
        print("del; weakref dead:", w() is None)
a = A()
a.me = a
w = weakref.ref(a)
del a
print(gc.collect())
