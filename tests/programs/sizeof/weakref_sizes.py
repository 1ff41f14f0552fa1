import sys, weakref
class A:
    pass
a = A()
print(sys.getsizeof(weakref.ref(a)), sys.getsizeof(weakref.ref(a, print)))
