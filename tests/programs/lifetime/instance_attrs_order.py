class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("  del", self.name)

class Owner:
    def __init__(self, tag):
        self.tag = tag
        self.first = T(tag + ".first")
        self.second = T(tag + ".second")
        self.third = T(tag + ".third")
    def __del__(self):
        print("  del owner", self.tag, "still has", self.first.name)

print("delete owner")
o = Owner("o1")
del o
print("reassign an attribute")
o = Owner("o2")
o.second = T("o2.new-second")
print("delete an attribute then re-add it (goes last)")
o.first = None
del o.first
o.first = T("o2.re-first")
del o
print("plain object without __del__")
class Plain:
    pass
p = Plain()
p.z = T("z")
p.a = T("a")
p.m = T("m")
p = None
print("done")
