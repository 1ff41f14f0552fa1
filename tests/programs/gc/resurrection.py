import gc
import weakref
survivor = None
class A:
    def __del__(self):
        global survivor
        print("del", self.name)
        survivor = self
a = A(); a.name = "a"
b = A(); b.name = "b"
a.b = b; b.a = a
w = weakref.ref(a)
del a, b
print(gc.collect())
print(w() is None, survivor.name, survivor.a.b is survivor)
survivor = None
print(gc.collect())
