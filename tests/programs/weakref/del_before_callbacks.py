import weakref
class A:
    def __del__(self):
        print("__del__ runs first")
a = A()
r = weakref.ref(a, lambda w: print("then the callback"))
del a
print("end")
