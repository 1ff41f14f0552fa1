import weakref
class A:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return "A(%s)" % self.name
d = weakref.WeakKeyDictionary()
k1 = A("k1"); k2 = A("k2")
d[k1] = 1
d[k2] = 2
print(len(d), d[k1], k2 in d)
del k1
print(len(d), list(d.values()))
print([k.name for k in d.keys()])
