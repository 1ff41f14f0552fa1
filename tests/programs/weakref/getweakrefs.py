import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name
a = A("a")
r1 = weakref.ref(a)
cb = lambda w: None
r2 = weakref.ref(a, cb)
r3 = weakref.ref(a, cb)
refs = weakref.getweakrefs(a)
print(len(refs), refs[0] is r1, refs[1] is r3, refs[2] is r2)
print(r2 is r3)
