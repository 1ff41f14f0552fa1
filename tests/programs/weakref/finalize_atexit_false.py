import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name
k = A("k")
f = weakref.finalize(k, print, "should not run at exit")
f.atexit = False
print(f.atexit)
print("end")
