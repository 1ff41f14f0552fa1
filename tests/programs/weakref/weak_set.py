import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name
s = weakref.WeakSet()
a = A("a"); b = A("b")
s.add(a); s.add(b); s.add(a)
print(len(s), a in s)
del a
print(len(s), list(s))
s.discard(b)
print(len(s))
