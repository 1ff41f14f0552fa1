import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name
a = A("a")
f = weakref.finalize(a, print, "finalized", "a")
print(f.alive, f.atexit)
del a
print(f.alive)
print("end")
