import weakref
class A:
    def __init__(self, n): self.n = n
a = A("a")
r = weakref.ref(a, lambda w: print("callback at exit"))
print("end")
