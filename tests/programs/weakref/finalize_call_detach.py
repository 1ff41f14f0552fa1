import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name
a = A("a")
f = weakref.finalize(a, lambda: "result")
print(f())
print(f.alive, f())
b = A("b")
g = weakref.finalize(b, print, "never")
obj, func, args, kwargs = g.detach()
print(obj, args, kwargs)
print(g.alive, g.detach())
c = A("c")
h = weakref.finalize(c, print, "peeked", sep="-")
print(h.peek()[0], h.peek()[2], h.peek()[3])
del c
