import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name
keep1 = A("one")
keep2 = A("two")
weakref.finalize(keep1, print, "exit finalizer one")
weakref.finalize(keep2, print, "exit finalizer two")
f3 = weakref.finalize(A("three"), print, "finalizer three")
print("end")
