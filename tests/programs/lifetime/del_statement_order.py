class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

a, b, c = T("a"), T("b"), T("c")
print("del c, a, b")
del c, a, b
lst = [T("l0"), T("l1"), T("l2"), T("l3")]
print("del lst[1]")
del lst[1]
print("del lst[-1]")
del lst[-1]
print("del lst[::2]")
lst = [T("m0"), T("m1"), T("m2"), T("m3"), T("m4")]
del lst[::2]
print("remaining", [t.name for t in lst])
d = {"k1": T("k1"), "k2": T("k2")}
print("del d['k2']")
del d["k2"]

class Holder:
    pass

h = Holder()
h.x = T("hx")
h.y = [T("hy0"), T("hy1")]
print("del h.y")
del h.y
print("del h")
del h
print("del d")
del d
print("del lst")
del lst
print("done")
